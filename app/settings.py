"""Typed settings: where the data lives, which database, which language.

Read once by `app.main` from the environment and command line, then passed down; nothing else reads the
environment for these values.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

APP_NAME = "VanThuDesktop"
SUPPORTED_LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_url: str
    language: str = "vi"
    demo_mode: bool = True
    axis_url: str | None = None
    axis_system_id: str | None = None  # our system's id on the axis; default: the agency's code
    axis_secret: str | None = None
    # the axis secrets of the communes this office serves by USB, by agency code (VANTHU_AXIS_SECRET_<code>)
    commune_axis_secrets: Mapping[str, str] = field(default_factory=dict)
    token_module: str | None = None
    online_revocation: bool = True  # ask the CAs (OCSP/CRL) when verifying; VANTHU_ONLINE_REVOCATION=0 turns it off
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def view_cache_dir(self) -> Path:
        """Display copies of signed PDFs (app/services/view_copy.py); safe to delete at any time."""
        return self.data_dir / "cache" / "view"

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file behind `db_url`, or None for a server database."""
        prefix = "sqlite:///"
        if self.db_url.startswith(prefix):
            return Path(self.db_url[len(prefix) :])
        return None

    def with_language(self, language: str) -> Settings:
        return replace(self, language=language)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def load_settings(env: Mapping[str, str] | None = None, *, language: str | None = None) -> Settings:
    """Read VANTHU_HOME, VANTHU_DB_URL, VANTHU_LANG, VANTHU_DEMO, VANTHU_AXIS_URL (+ _SYSTEM_ID, _SECRET, and
    _SECRET_<code> for the communes a district serves)."""
    env = os.environ if env is None else env
    data_dir = Path(env["VANTHU_HOME"]).expanduser() if env.get("VANTHU_HOME") else default_data_dir()
    data_dir = data_dir.absolute()
    db_url = env.get("VANTHU_DB_URL") or f"sqlite:///{data_dir / 'vanthu.sqlite3'}"
    lang = language or env.get("VANTHU_LANG") or "vi"
    if lang not in SUPPORTED_LANGUAGES:
        lang = "vi"
    demo = env.get("VANTHU_DEMO", "1") != "0"
    return Settings(
        data_dir=data_dir,
        db_url=db_url,
        language=lang,
        demo_mode=demo,
        axis_url=env.get("VANTHU_AXIS_URL") or None,
        axis_system_id=env.get("VANTHU_AXIS_SYSTEM_ID") or None,
        axis_secret=env.get("VANTHU_AXIS_SECRET") or None,
        commune_axis_secrets=commune_secrets(env),
        token_module=env.get("VANTHU_TOKEN_MODULE") or None,
        online_revocation=env.get("VANTHU_ONLINE_REVOCATION", "1") != "0",
    )


COMMUNE_SECRET_PREFIX = "VANTHU_AXIS_SECRET_"


def commune_secret_variable(code: str) -> str:
    """The environment variable holding a served commune's axis secret: dots of the code become underscores."""
    return COMMUNE_SECRET_PREFIX + code.replace(".", "_")


def commune_secrets(env: Mapping[str, str]) -> dict[str, str]:
    """A district holds the axis secrets of the communes it serves the way it holds its own: in the environment,
    never in the database (nor its backups). `VANTHU_AXIS_SECRET_000_01_31_H27` is the secret of 000.01.31.H27."""
    return {name[len(COMMUNE_SECRET_PREFIX):].replace("_", "."): value for name, value in env.items()
            if name.startswith(COMMUNE_SECRET_PREFIX) and value and len(name) > len(COMMUNE_SECRET_PREFIX)}
