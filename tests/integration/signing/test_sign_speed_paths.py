"""The fast paths of sign.py/images.py give the same documents the slow ones did: fonts, streams, parsing."""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app.services.signing.errors import SigningError
from app.services.signing.images import FONT_REPERTOIRE, encoded_image, make_seal_png, vietnamese_font
from app.services.signing.pki import DemoPki
from app.services.signing.sign import (
    FONT_RESOURCES,
    TokenKey,
    _AppendStream,
    prepare_draft,
    sign_leader,
    speed_up_pdf_parsing,
    stamp_number_and_date,
)
from app.services.signing.verify import _plain_byte_range, precompute_digests, verify_pdf
from tests.integration.signing.conftest import PIN, Draft, pdfsig_report
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


# -- the fast token readers and digests (speed_up_pdf_parsing, verify.precompute_digests) -----------------------------
def _fast_and_original(name: str) -> tuple[Any, Any]:
    from pyhanko.pdf_utils import generic

    speed_up_pdf_parsing()
    fast = getattr(generic, name)
    assert getattr(fast, "_vanthu_fast", False), name
    return fast, fast.original


def _outcome(read: Any, data: bytes, *args: Any) -> tuple[Any, ...]:
    stream = io.BytesIO(data)
    try:
        value = read(stream, *args)
    except Exception as exc:  # the same error type is part of the contract
        return type(exc), None, -1
    return type(value), value, stream.tell()


TOKEN_CASES = [b"", b"abc", b"   x", b"\n\r\t\f\x00 y rest", b"  % comment\n  z", b"%c\r\nq", b" " * 300 + b"k",
               b"/Name rest", b"Name/Next", b"Type>>", b"12 0 R", b"-3.25]", b"true)", b"a" * 300 + b" tail",
               b"a" * 255 + b" ", b"a" * 256, b"x" * 10, b"\x80\xff name", b"N#20x ", b"<<", b"[1 2]", b"(s)"]


def test_the_fast_whitespace_and_token_readers_leave_the_stream_where_pyhanko_does() -> None:
    non_ws, non_ws_orig = _fast_and_original("read_non_whitespace")
    until, until_orig = _fast_and_original("read_until_delimiter")
    for data in TOKEN_CASES:
        for prefix in (b"", b"  ", b"\n%x\n"):
            case = prefix + data
            for seek_back in (False, True):
                for allow_eof in (False, True):
                    assert _outcome(non_ws, case, seek_back, allow_eof) == _outcome(
                        non_ws_orig, case, seek_back, allow_eof), case[:40]
            assert _outcome(until, case) == _outcome(until_orig, case), case[:40]


def test_the_fast_name_decoder_returns_what_pyhanko_returns() -> None:
    fast, original = _fast_and_original("_decode_name")
    for raw in (b"", b"Type", b"ByteRange", b"A;B:C*D", b"Lime#20Green", b"a#2", b"a#zz", b"\xc3\xa9t\xc3\xa9",
                b"\xff", b"sp ace", b"br(ack", b"~!'\"$&*+,-.=?@^_`|\\"):
        results = []
        for decode in (original, fast):
            try:
                value = decode(raw)
                results.append((type(value), str(value)))
            except Exception as exc:
                results.append((type(exc), ""))
        assert results[0] == results[1], raw


def _same_object(a: Any, b: Any, depth: int = 0) -> bool:
    from pyhanko.pdf_utils import generic

    if type(a) is not type(b) and not (type(a).__name__ == "LazyPayloadStream" and type(b) is generic.StreamObject):
        return False
    if isinstance(a, generic.StreamObject) and a.encoded_data != b.encoded_data:
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_object(a.raw_get(k), b.raw_get(k), depth + 1) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same_object(x, y, depth + 1) for x, y in zip(a.raw_iter() if hasattr(
            a, "raw_iter") else a, b.raw_iter() if hasattr(b, "raw_iter") else b, strict=True))
    if isinstance(a, generic.IndirectObject):
        return a.reference.idnum == b.reference.idnum and a.reference.generation == b.reference.generation
    return bool(a == b)


def _all_objects(pdf: bytes) -> list[Any]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    objects = []
    for revision in range(reader.xrefs.total_revisions):
        for ref in sorted(reader.xrefs.explicit_refs_in_revision(revision), key=lambda r: (r.idnum, r.generation)):
            objects.append((revision, ref.idnum, reader.get_object(ref, revision=revision)))
    return objects


def test_every_object_of_a_signed_chain_parses_the_same_with_and_without_the_fast_readers(
    sealed_chain: tuple[bytes, bytes, bytes], monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pyhanko.pdf_utils import generic, misc

    speed_up_pdf_parsing()
    fast = _all_objects(sealed_chain[2])
    for module, names in ((generic, ("read_non_whitespace", "read_until_delimiter", "_decode_name",
                                     "read_hex_string_from_stream", "read_object")),
                          (misc, ("read_non_whitespace", "read_until_delimiter", "chunked_digest"))):
        for name in names:
            monkeypatch.setattr(module, name, getattr(module, name).original)
    slow = _all_objects(sealed_chain[2])
    assert len(fast) == len(slow) > 50
    for (rev_f, id_f, obj_f), (rev_s, id_s, obj_s) in zip(fast, slow, strict=True):
        assert (rev_f, id_f) == (rev_s, id_s)
        assert _same_object(obj_f, obj_s), (rev_f, id_f)


def test_the_append_stream_feeds_a_digest_exactly_what_reading_it_gives() -> None:
    import hashlib

    from pyhanko.pdf_utils import misc

    speed_up_pdf_parsing()
    original = os.urandom(5000)
    stream = _AppendStream(original)
    stream.seek(0, io.SEEK_END)
    stream.write(os.urandom(3000))
    whole = stream.getvalue()
    for start, max_read in ((0, None), (0, 5000), (100, 4000), (4990, 20), (5000, 100), (6000, None), (7990, 50),
                            (0, 0), (9000, 10)):
        stream.seek(start)
        md = hashlib.sha256()
        misc.chunked_digest(bytearray(1024), stream, md, max_read=max_read)
        end = len(whole) if max_read is None else min(len(whole), start + max_read)
        assert md.digest() == hashlib.sha256(whole[start:end]).digest(), (start, max_read)
        assert stream.tell() == max(start, end)
    plain = io.BytesIO(whole)  # anything else still goes through pyHanko's own loop
    md = hashlib.sha256()
    misc.chunked_digest(bytearray(64), plain, md, max_read=100)
    assert md.digest() == hashlib.sha256(whole[:100]).digest() and plain.tell() == 100


def test_precomputed_digests_are_the_ones_pyhanko_computes_itself(sealed_chain: tuple[bytes, bytes, bytes]) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.general import byte_range_digest

    sealed = sealed_chain[2]
    signatures = list(PdfFileReader(io.BytesIO(sealed), strict=False).embedded_regular_signatures)
    precompute_digests(signatures, sealed)
    assert len(signatures) == 2
    for sig in signatures:
        _, expected = byte_range_digest(io.BytesIO(sealed), byte_range=sig.byte_range, md_algorithm="sha256")
        assert sig.external_digests == {"sha256": expected}
        assert sig.compute_digest() == expected


def test_odd_byte_ranges_are_left_to_pyhanko() -> None:
    assert _plain_byte_range([0, 10, 20, 30]) == ((0, 10), (20, 30))
    for odd in ([0, 10, 20], [0, 10, 20, 30, 40, 50], [0, -1, 20, 30], [0, 10, 20, 2.5], [True, 10, 20, 30], None, 5):
        assert _plain_byte_range(odd) is None, odd


def _tampered(pdf: bytes, at: int, byte: bytes) -> bytes:
    data = bytearray(pdf)
    assert data[at:at + 1] != byte
    data[at:at + 1] = byte
    return bytes(data)


def _pdfsig_valid_count(pdf: bytes, tmp_path: Path, nss: Path | None) -> int:
    path = tmp_path / "tampered.pdf"
    path.write_bytes(pdf)
    return pdfsig_report(path, nss).count("Signature Validation: Signature is Valid.")


def test_a_change_in_each_signed_range_is_caught_with_the_fast_digests_and_pdfsig_agrees(
    sealed_chain: tuple[bytes, bytes, bytes], demo_pki: DemoPki, tmp_path: Path, nss_db: Path | None,
) -> None:
    """Bytes are changed where the two signatures' ranges differ, so a digest taken over the wrong range, or over a
    shared prefix that does not belong to a signature, shows. Whitespace is swapped for whitespace so the file still
    parses: only the digests can notice."""
    leader_pdf, numbered, sealed = sealed_chain
    ranges = [m.end() for m in re.finditer(rb"/ByteRange\s*\[[^\]]*\]", sealed)]
    assert len(ranges) == 2 and sealed[ranges[0]:ranges[0] + 3] == b"   "
    cases = {
        "file start (both)": (sealed.index(b"\n", 20), b" ", (False, False)),
        "after the leader's /Contents (both)": (ranges[0] + 2, b"\n", (False, False)),
        "the number/date revision (seal only)": (sealed.index(b"<<\n", len(leader_pdf)) + 2, b" ", (True, False)),
        "after the seal's /Contents (seal only)": (ranges[1] + 2, b"\n", (True, False)),
    }
    assert len(numbered) < ranges[1]
    for name, (at, byte, (leader_ok, seal_ok)) in cases.items():
        bad = _tampered(sealed, at, byte)
        report = verify_pdf(bad, [demo_pki.root_certificate()])
        assert [s.intact for s in report.signatures] == [leader_ok, seal_ok], name
        assert not report.all_valid, name
        broken = [s for s in report.signatures if not s.intact]
        assert all("signature.not_intact" in s.problems for s in broken), name
        assert _pdfsig_valid_count(bad, tmp_path, nss_db) == int(leader_ok) + int(seal_ok), name
    report = verify_pdf(sealed, [demo_pki.root_certificate()])
    assert report.all_valid and report.signatures[0].modification_level == "form_filling"
    assert _pdfsig_valid_count(sealed, tmp_path, nss_db) == 2
