"""Start-up faults: a foreign or corrupt database, a migration that fails half-way, the app killed mid-write."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.domain.errors import StorageError
from app.main import boot
from app.settings import load_settings
from app.store import database
from app.store.database import open_database

REPO = Path(__file__).resolve().parents[3]


def _settings(home: Path):  # type: ignore[no-untyped-def]
    return load_settings({"VANTHU_HOME": str(home), "VANTHU_DEMO": "0"})


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "vanthu.sqlite3"
    db.write_bytes(b"PK\x03\x04 this is a zip file, not ours")
    with pytest.raises(StorageError) as err:
        boot(_settings(tmp_path))
    assert err.value.code == "storage.not_a_database"
    assert db.read_bytes().startswith(b"PK")


def test_a_corrupt_database_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "vanthu.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    with pytest.raises(StorageError) as err:
        boot(_settings(tmp_path))
    assert err.value.code in {"storage.database_corrupt", "storage.cannot_open"}


def test_an_unwritable_data_dir_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(StorageError) as err:
        boot(_settings(blocker / "data"))
    assert err.value.code == "storage.not_writable"


def _migrations_with(tmp_path: Path, body: str) -> Path:
    """A copy of the real migrations plus one more revision with the given upgrade body."""
    target = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    upgrade = textwrap.indent(textwrap.dedent(body).strip(), "    ")
    (target / "versions" / "9999_extra.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f'revision = "9999"\ndown_revision = "{database.head_revision()}"\nbranch_labels = None\ndepends_on = None\n\n'
        f"def upgrade() -> None:\n{upgrade}\n\n\ndef downgrade() -> None:\n    pass\n"
    )
    return target


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def test_an_upgrade_takes_a_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'v.sqlite3'}"
    db, _ = open_database(url, backups_dir=tmp_path / "backups")
    db.dispose()
    extra = 'op.create_table("extra", sa.Column("id", sa.Integer, primary_key=True))'
    monkeypatch.setattr(database, "MIGRATIONS_DIR", _migrations_with(tmp_path, extra))
    db, outcome = open_database(url, backups_dir=tmp_path / "backups")
    db.dispose()
    assert outcome.to_revision == "9999" and outcome.backup is not None and outcome.backup.exists()
    assert "extra" in _tables(tmp_path / "v.sqlite3")
    assert "extra" not in _tables(outcome.backup) and "documents" in _tables(outcome.backup)


def test_a_migration_failing_half_way_changes_nothing_and_names_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'v.sqlite3'}"
    db, _ = open_database(url, backups_dir=tmp_path / "backups")
    db.dispose()
    before = _tables(tmp_path / "v.sqlite3")
    monkeypatch.setattr(database, "MIGRATIONS_DIR", _migrations_with(tmp_path, '''
        op.create_table("half", sa.Column("id", sa.Integer, primary_key=True))
        op.execute("INSERT INTO no_such_table VALUES (1)")
    '''))
    with pytest.raises(StorageError) as err:
        open_database(url, backups_dir=tmp_path / "backups")
    assert err.value.code == "storage.migration_failed"
    assert Path(err.value.params["backup"]).exists()
    assert _tables(tmp_path / "v.sqlite3") == before  # the half-made table was rolled back


WRITER = """
import sys, itertools
from app.main import boot
from app.settings import load_settings
from app.domain.enums import Direction, DocumentState
from app.domain.model import Actor, Document
booted = boot(load_settings({"VANTHU_HOME": sys.argv[1], "VANTHU_DEMO": "0"}))
s = booted.services
book = sys.argv[2]
print("ready", flush=True)
for i in itertools.count():
    d = Document(id="", direction=Direction.INCOMING, doc_type="Công văn", summary=f"Văn bản {i}",
                 state=DocumentState.RECEIVED, issuer_name="UBND huyện Kỳ Anh")
    doc = s.documents.create(Actor.system("writer"), d, b"%PDF-1.7 " + str(i).encode() * 2000, "x.pdf")
    s.registry.register(Actor.system("writer"), int(book), doc.id)
    print("committed", flush=True)
"""


def test_killing_the_app_mid_write_leaves_a_consistent_store(tmp_path: Path) -> None:
    from app.domain.enums import AgencyLevel, RegistryKind
    from app.store.repositories import AgencyRepository, RegistryRepository

    booted = boot(_settings(tmp_path))
    with booted.services.ctx.db.session() as s:
        agency = AgencyRepository(s).add(code="000.00.12.H27", name="Sở Thử", abbreviation="ST",
                                         level=AgencyLevel.PROVINCE, parent_code=None, parent_name=None,
                                         place_name="Hà Tĩnh", is_own=True)
        book = RegistryRepository(s).add_book(agency_id=agency.id, kind=RegistryKind.INCOMING, year=2026,
                                              name="Sổ đến", series_key="incoming")
    booted.services.ctx.db.dispose()
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for _trial in range(8):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(book.id)], stdout=subprocess.PIPE,
                                env=env, cwd=REPO)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        assert proc.stdout.readline().strip() == b"committed"  # progress first, whatever the load; then a random kill
        time.sleep(rng.uniform(0.05, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        again = boot(_settings(tmp_path))
        report = again.services.integrity.check()
        assert report.ok, report.problems
        numbers = sorted(e.number for e in again.services.registry.entries(book.id, limit=100000))
        assert numbers == list(range(1, len(numbers) + 1))  # no gap, no duplicate
        again.services.ctx.db.dispose()
    assert len(numbers) > 0, "the writer never committed anything: the trial proved nothing"
