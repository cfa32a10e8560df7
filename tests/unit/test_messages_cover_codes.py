"""Every error code the code raises has a sentence in app/ui/messages.py: no user ever sees a bare code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RAISE = re.compile(r"\b(?:[A-Z][A-Za-z]*Error)\(\s*\"([a-z_]+\.[a-z_.]+)\"")
GENERIC_ONLY = {"domain.error"}


def raised_codes() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        if "app/ui" in path.as_posix():
            continue
        for code in RAISE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, str(path.relative_to(ROOT)))
    return found


def test_every_raised_code_has_a_message() -> None:
    pytest.importorskip("PySide6")
    from app.scanner.errors import SCAN_ERROR_CODES
    from app.ui.messages import MESSAGES

    codes = raised_codes()
    assert len(codes) > 50  # the scan itself works
    missing = {c: where for c, where in codes.items() if c not in MESSAGES and c not in GENERIC_ONLY}
    assert missing == {}
    assert set(SCAN_ERROR_CODES) <= set(MESSAGES)
