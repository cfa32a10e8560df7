"""The fast paths of sign.py/images.py give the same documents the slow ones did: fonts, streams, parsing."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from app.services.signing.errors import SigningError
from app.services.signing.images import FONT_REPERTOIRE, encoded_image, make_seal_png, vietnamese_font
from app.services.signing.sign import (
    FONT_RESOURCES,
    TokenKey,
    _AppendStream,
    prepare_draft,
    sign_leader,
    speed_up_pdf_parsing,
    stamp_number_and_date,
)
from tests.integration.signing.conftest import PIN, Draft
from tests.support import require_tool

VIETNAMESE = ("aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
              "0123456789.,;:-/()%")


def test_the_font_kit_covers_vietnamese_and_maps_every_glyph_back_to_text() -> None:
    for italic in (False, True):
        kit = vietnamese_font(italic=italic)
        text = VIETNAMESE + VIETNAMESE.upper()
        assert kit.covers(text)
        assert all(gid for gid in (kit.cmap[ord(ch)] for ch in text))
        assert kit.ps_name[:6].isupper() and kit.ps_name[6] == "+"
        assert len(kit.advances) > max(kit.cmap.values())  # every mapped glyph has a width
        assert kit.width("Số: 45/QĐ-STTTT", 13) > 0
        assert set(FONT_REPERTOIRE) >= {ord(ch) for ch in text}
    assert vietnamese_font() is vietnamese_font()  # built once per process


def test_images_are_encoded_once_and_the_seal_is_drawn_once() -> None:
    seal = make_seal_png("Sở Thông tin và Truyền thông")
    assert make_seal_png("Sở Thông tin và Truyền thông") is seal
    first = encoded_image(seal)
    assert encoded_image(bytes(seal)) is first
    assert (first.width, first.height) == (600, 600) and first.alpha is not None


def test_the_fast_hex_reader_returns_what_pyhanko_returns() -> None:
    from pyhanko.pdf_utils import generic

    speed_up_pdf_parsing()
    speed_up_pdf_parsing()  # idempotent
    fast = generic.read_hex_string_from_stream
    original = fast.original
    cases = [b"<" + os.urandom(6000).hex().encode() + b"> rest", b"<41 42\n43>x", b"<414>", b"<>", b"<FEFF0041>",
             b"<4 1%comment\n42>", b"<41zz>", b"<4142", b"<" + b"ab" * 20000 + b">"]
    for data in cases:
        outcomes = []
        for read in (original, fast):
            stream = io.BytesIO(data)
            try:
                value = read(stream)
                outcomes.append((type(value), bytes(value.original_bytes), stream.tell()))
            except Exception as exc:  # the same error type is part of the contract
                outcomes.append((type(exc), b"", -1))
        assert outcomes[0] == outcomes[1], data[:40]


def test_the_append_stream_reads_across_the_original_and_never_overwrites_it() -> None:
    original = b"%PDF-1.7 original"
    stream = _AppendStream(original)
    assert stream.readable() and stream.writable() and stream.seekable()
    stream.seek(0, io.SEEK_END)
    assert stream.write(b" tail") == 5
    stream.seek(len(original) + 1)
    stream.write(b"T")
    assert stream.getvalue() == original + b" Tail"
    stream.seek(9)
    buffer = bytearray(100)
    assert stream.readinto(buffer) == len(original) + 5 - 9
    assert bytes(buffer[:12]) == b"original Tai"
    assert stream.read() == b""
    stream.seek(3)
    with pytest.raises(io.UnsupportedOperation):
        stream.write(b"x")
    stream.seek(len(original) + 8)  # a gap after the end is zero-filled, as in a file
    stream.write(b"!")
    assert stream.getvalue() == original + b" Tail\x00\x00\x00!"


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout


def test_a_prepared_draft_carries_the_fonts_and_later_steps_only_reference_them(
    draft: Draft, leader_key: TokenKey, signature_image: bytes, tmp_path: Path,
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    prepared = prepare_draft(draft.pdf, draft.layout)
    fonts = PdfFileReader(io.BytesIO(prepared)).root["/AcroForm"]["/DR"]["/Font"]
    for italic, name in FONT_RESOURCES.items():
        assert str(fonts[name]["/BaseFont"]) == "/" + vietnamese_font(italic=italic).ps_name

    signed = sign_leader(prepared, leader_key, PIN, draft.layout.signer_box, signature_image)
    numbered = stamp_number_and_date(signed, "Số: 45/QĐ-STTTT", "Hà Tĩnh, ngày 25 tháng 11 năm 2026")

    assert b"/FontFile2" not in signed[len(prepared):] and b"/FontFile2" not in numbered[len(signed):]
    text = _pdftotext(numbered, tmp_path)
    assert "Số: 45/QĐ-STTTT" in text and "Hà Tĩnh, ngày 25 tháng 11 năm 2026" in text
    assert "Nguyễn Văn An" in text  # the leader's caption, from the same embedded font


def test_a_draft_prepared_elsewhere_gets_the_font_embedded_in_the_step_that_needs_it(
    draft: Draft, tmp_path: Path,
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import copy_into_new_writer

    writer = copy_into_new_writer(PdfFileReader(io.BytesIO(prepare_draft(draft.pdf, draft.layout))))
    dr_fonts = writer.root["/AcroForm"]["/DR"]["/Font"]
    for name in FONT_RESOURCES.values():
        del dr_fonts[name]
    out = io.BytesIO()
    writer.write(out)
    foreign = out.getvalue()

    numbered = stamp_number_and_date(foreign, "Số: 7/QĐ-STTTT", "Hà Tĩnh, ngày 01 tháng 12 năm 2026")

    assert numbered[len(foreign):].count(b"/FontFile2") == 2  # regular (number) and italic (date), once each
    text = _pdftotext(numbered, tmp_path)
    assert "Số: 7/QĐ-STTTT" in text and "ngày 01 tháng 12 năm 2026" in text


def test_a_broken_signature_image_is_refused_before_the_token_is_used(
    draft: Draft, leader_key: TokenKey,
) -> None:
    with pytest.raises(SigningError) as err:
        sign_leader(draft.pdf, leader_key, PIN, draft.layout.signer_box, b"not an image", layout=draft.layout)
    assert err.value.code == "signing.image_invalid"
