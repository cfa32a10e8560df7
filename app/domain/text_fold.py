"""Diacritic- and case-insensitive text for search: "Đất đai" and "dat dai" must meet (standards §3, design §5)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own in Unicode, not d plus a mark: NFD leaves them alone.
_TABLE = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower case, no combining marks, đ→d, runs of white space collapsed to one space."""
    decomposed = unicodedata.normalize("NFD", text.translate(_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()
