"""The viewer's display copy: form-field appearances drawn into the page, the original untouched, and any failure
falls back to showing the original."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from pypdf import PdfReader
from reportlab.pdfgen import canvas

from app.services.view_copy import display_copy, needs_display_copy


def _pdf_with_field(value: str) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawString(72, 760, "So:")
    c.acroForm.textfield(name="so_ky_hieu", value=value, x=100, y=750, width=200, height=20, borderWidth=0)
    c.showPage()
    c.save()
    return out.getvalue()


def _plain_pdf() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawString(72, 760, "Plain page")
    c.showPage()
    c.save()
    return out.getvalue()


def _store(tmp_path: Path, data: bytes) -> tuple[Path, str]:
    sha = hashlib.sha256(data).hexdigest()
    path = tmp_path / "files" / sha
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path, sha


def test_a_filled_field_is_drawn_into_the_page_of_a_cached_copy(tmp_path: Path) -> None:
    data = _pdf_with_field("45/QD-STTTT")
    path, sha = _store(tmp_path, data)
    cache = tmp_path / "cache"
    assert needs_display_copy(data)

    shown = display_copy(path, sha, cache)

    assert shown == cache / f"{sha}.pdf" and shown.exists()
    page = PdfReader(shown).pages[0]
    assert "/Annots" not in page  # flattened: nothing left for a viewer to skip
    assert "45/QD-STTTT" in page.extract_text()
    assert path.read_bytes() == data  # the original is never touched
    assert display_copy(path, sha, cache) == shown  # made once


def test_a_pdf_without_annotations_or_a_broken_file_is_shown_as_it_is(tmp_path: Path) -> None:
    plain, plain_sha = _store(tmp_path, _plain_pdf())
    broken, broken_sha = _store(tmp_path, b"%PDF-1.7\n/Annots garbage")
    cache = tmp_path / "cache"
    assert display_copy(plain, plain_sha, cache) == plain
    assert display_copy(broken, broken_sha, cache) == broken
    assert not list(cache.glob("*")) if cache.exists() else True
