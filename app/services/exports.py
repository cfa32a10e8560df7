"""Writing a file the user asked for (a processing slip, a verification report): atomically, with a clear error.

Why one place: a failed or interrupted write must never leave half a PDF where the user expects the document, and a
full disk or a folder that cannot be written must reach the user as `export.write_failed` with the path and the
reason; every export says so the same way.
"""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

from app.domain.errors import StorageError


def write_export(data: bytes, target: Path, *, prefix: str) -> Path:
    """Write `data` to `target` through a temporary file in the same folder, fsynced and renamed over it."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{prefix}-", suffix=target.suffix, dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StorageError("export.write_failed", path=str(target), detail=exc.strerror or str(exc)) from exc
    return target


def file_name_tag(text: str) -> str:
    """"45/QĐ-STTTT" → "45-QD-STTTT": Vietnamese letters without their marks, anything else a dash; safe on every
    file system. Empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in ascii_text if not unicodedata.combining(ch))
    while "--" in safe:
        safe = safe.replace("--", "-")
    return safe.strip("-_")
