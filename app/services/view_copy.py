"""What the document viewer shows: a copy of a PDF with its annotation appearances drawn into the page content.

Why: QtPdf (the pdfium inside Qt) does not draw widget annotations, so the number, the date line, the leader's
signature image and the seal (form-field appearances added by incremental updates, as signing-recipe.md does it)
would be invisible in the app while every other reader shows them. The legal original is never touched: the copy
only feeds the viewer, lives in a cache keyed by the original's SHA-256, and is rebuilt when missing.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

CACHE_LIMIT_BYTES = 512 * 1024 * 1024  # the oldest copies go first beyond this


def needs_display_copy(head: bytes) -> bool:
    """Cheap test on the file's bytes: only PDFs with annotations (form fields, signatures) need a copy."""
    return b"/Annots" in head


def display_copy(path: Path, sha256: str, cache_dir: Path) -> Path:
    """The flattened copy of `path` (made once), or `path` itself when it has no annotations or cannot be
    flattened: the viewer then shows the original as before, and nothing is lost."""
    target = cache_dir / f"{sha256}.pdf"
    if target.exists():
        with contextlib.suppress(OSError):
            os.utime(target)  # most recently used
        return target
    import pikepdf

    part = cache_dir / f".{sha256}.part"
    try:
        with pikepdf.open(path) as pdf:
            if not any("/Annots" in page.obj for page in pdf.pages):
                return path
            pdf.flatten_annotations("screen")  # what a reader shows on screen; hidden annotations stay out
            cache_dir.mkdir(parents=True, exist_ok=True)
            pdf.save(part)
        os.replace(part, target)
    except (pikepdf.PdfError, OSError, ValueError, RuntimeError):
        with contextlib.suppress(OSError):
            part.unlink()
        return path
    _prune(cache_dir, keep=target)
    return target


def _prune(cache_dir: Path, *, keep: Path) -> None:
    """Keep the cache under CACHE_LIMIT_BYTES, removing the least recently shown copies."""
    try:
        copies = sorted((p.stat().st_mtime, p.stat().st_size, p) for p in cache_dir.glob("*.pdf"))
    except OSError:
        return
    total = sum(size for _, size, _ in copies)
    for _, size, p in copies:
        if total <= CACHE_LIMIT_BYTES:
            break
        if p != keep:
            with contextlib.suppress(OSError):
                p.unlink()
                total -= size
