"""Scan settings and the clerk's saved scan profiles, kept free of numpy/OpenCV.

The intake page is the clerk's first page: everything it needs before the first scan lives here so that opening it
costs no heavy import (the pipeline, OCR and PDF/A modules load on the first scan, or in a warm-up after the window is
shown). `sources.py` re-exports these names.

Profiles are per workstation (the scanner stands there), so they live in a JSON file in the data directory next to
the database, with the last profile each user picked; a damaged file never stops the intake: the defaults are offered
and the file is rewritten on the next change.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.scanner.errors import ScanError

log = logging.getLogger(__name__)

OptionValue = str | int | float | bool
PROFILES_FILE = "scan_profiles.json"
DPI_CHOICES = (75, 100, 150, 200, 300, 400, 600)


class SourceKind(StrEnum):
    FLATBED = "flatbed"
    ADF = "adf"
    ADF_DUPLEX = "adf_duplex"


class ColorMode(StrEnum):
    COLOR = "color"
    GRAY = "gray"
    LINEART = "lineart"


class OutputMode(StrEnum):
    """What the pipeline stores: 1-bit (CCITT G4 in the PDF), greyscale, or colour (photos, coloured stamps)."""

    BLACK_WHITE = "black_white"
    GRAY = "gray"
    COLOR = "color"


class PageSize(StrEnum):
    A4 = "A4"
    A5 = "A5"
    A3 = "A3"
    LETTER = "Letter"
    LEGAL = "Legal"
    MAX = "max"  # the whole glass / widest feeder path

    @property
    def mm(self) -> tuple[float, float] | None:
        return _PAGE_MM.get(self)


_PAGE_MM: dict[PageSize, tuple[float, float]] = {
    PageSize.A4: (210.0, 297.0),
    PageSize.A5: (148.0, 210.0),
    PageSize.A3: (297.0, 420.0),
    PageSize.LETTER: (215.9, 279.4),
    PageSize.LEGAL: (215.9, 355.6),
}


@dataclass(frozen=True)
class ScanOptions:
    source: SourceKind = SourceKind.FLATBED
    mode: ColorMode = ColorMode.GRAY
    dpi: int = 300
    page_size: PageSize = PageSize.A4
    max_pages: int | None = None
    """Stop after this many pages even if the feeder has more (None: until the feeder is empty)."""
    device_options: Mapping[str, OptionValue] = field(default_factory=dict)
    """Driver-specific options passed through by name (e.g. a vendor's `swdeskew`); SANE names, '-' or '_'."""


@dataclass(frozen=True)
class DeviceInfo:
    name: str
    vendor: str
    model: str
    kind: str

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model}".strip() or self.name


@dataclass(frozen=True)
class ScanProfile:
    """A named set of scan settings the clerk picks with one click; persisted as a plain dict."""

    name: str
    source: SourceKind = SourceKind.ADF
    mode: ColorMode = ColorMode.GRAY
    dpi: int = 300
    page_size: PageSize = PageSize.A4
    output: OutputMode = OutputMode.BLACK_WHITE

    def scan_options(self, *, max_pages: int | None = None) -> ScanOptions:
        return ScanOptions(self.source, self.mode, self.dpi, self.page_size, max_pages)

    def to_dict(self) -> dict[str, str | int]:
        return {
            "name": self.name,
            "source": self.source.value,
            "mode": self.mode.value,
            "dpi": self.dpi,
            "page_size": self.page_size.value,
            "output": self.output.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScanProfile:
        """Read a stored profile; unknown keys are ignored so older and newer versions can share settings."""
        try:
            profile = cls(
                name=str(data["name"]).strip(),
                source=SourceKind(data.get("source", SourceKind.ADF)),
                mode=ColorMode(data.get("mode", ColorMode.GRAY)),
                dpi=int(data.get("dpi", 300)),
                page_size=PageSize(data.get("page_size", PageSize.A4)),
                output=OutputMode(data.get("output", OutputMode.BLACK_WHITE)),
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise ScanError("scanner.invalid_profile", detail=str(exc)) from exc
        if not profile.name or not 50 <= profile.dpi <= 2400:
            raise ScanError("scanner.invalid_profile", detail=f"name {profile.name!r}, {profile.dpi} dpi")
        return profile


DEFAULT_PROFILES: tuple[ScanProfile, ...] = (
    # Grey capture keeps OCR accurate (platform notes: 1-bit eats stacked marks); the pipeline stores 1-bit.
    ScanProfile("Văn bản đen trắng 300 dpi", SourceKind.ADF, ColorMode.GRAY, 300, PageSize.A4, OutputMode.BLACK_WHITE),
    ScanProfile("Ảnh màu", SourceKind.FLATBED, ColorMode.COLOR, 300, PageSize.A4, OutputMode.COLOR),
)


def check_profiles(profiles: Iterable[ScanProfile]) -> tuple[ScanProfile, ...]:
    """The profiles as they may be saved: at least one, each named, names unique (case and spacing ignored)."""
    result = tuple(profiles)
    if not result:
        raise ScanError("scanner.profile_none")
    seen: set[str] = set()
    for p in result:
        name = " ".join(p.name.split())
        if not name:
            raise ScanError("scanner.profile_name_empty")
        if name.casefold() in seen:
            raise ScanError("scanner.profile_name_taken", name=name)
        seen.add(name.casefold())
    return result


class ProfileStore:
    """The workstation's profiles and each user's last choice, in one small JSON file (written atomically)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> ProfileStore:
        return cls(data_dir / PROFILES_FILE)

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("scan profiles file %s is unreadable (%s); the defaults are offered", self.path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def load(self) -> tuple[ScanProfile, ...]:
        """The saved profiles, or the defaults when none are saved (or the file is damaged)."""
        stored = self._read().get("profiles")
        if not isinstance(stored, list):
            return DEFAULT_PROFILES
        profiles: list[ScanProfile] = []
        for item in stored:
            try:
                profiles.append(ScanProfile.from_dict(item if isinstance(item, Mapping) else {}))
            except ScanError as exc:
                log.warning("a saved scan profile is skipped: %s", exc.params.get("detail"))
        try:
            return check_profiles(profiles)
        except ScanError:
            return DEFAULT_PROFILES

    def last_used(self, user: str) -> str | None:
        last = self._read().get("last_used")
        value = last.get(user) if isinstance(last, dict) else None
        return str(value) if isinstance(value, str) else None

    def save(self, profiles: Iterable[ScanProfile]) -> tuple[ScanProfile, ...]:
        checked = check_profiles(profiles)
        data = self._read()
        data["profiles"] = [p.to_dict() for p in checked]
        self._write(data)
        return checked

    def remember(self, user: str, profile_name: str) -> None:
        data = self._read()
        last = data.get("last_used")
        last = dict(last) if isinstance(last, dict) else {}
        if last.get(user) == profile_name:
            return
        last[user] = profile_name
        data["last_used"] = last
        self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


__all__ = [
    "DEFAULT_PROFILES",
    "DPI_CHOICES",
    "ColorMode",
    "DeviceInfo",
    "OptionValue",
    "OutputMode",
    "PageSize",
    "ProfileStore",
    "ScanOptions",
    "ScanProfile",
    "SourceKind",
    "check_profiles",
]
