"""The fast object reader (fast_objects.py) gives what pyHanko's reader gives, or leaves the object to it; deferred
stream payloads read the same bytes; verification overlaps hashing and pauses the collector without changing a
verdict."""

from __future__ import annotations

import gc
import io
import threading
from typing import Any

import pytest

from app.services.signing import fast_objects
from app.services.signing.gc_pause import collection_paused
from app.services.signing.sign import speed_up_pdf_parsing
from app.services.signing.verify import verify_pdf


class _Handler:
    """The PDF handler a reference points to: resolves an indirect /Length to 5000, like a reader would."""

    strict = False

    def get_object(self, ref: Any) -> Any:
        from pyhanko.pdf_utils import generic

        return generic.NumberObject(5000)

    def get_pdf_handler(self) -> _Handler:
        return self


def _readers() -> tuple[Any, Any]:
    from pyhanko.pdf_utils import generic

    speed_up_pdf_parsing()
    fast = generic.read_object
    assert getattr(fast, "_vanthu_fast_objects", False)
    return fast, fast.original


def _plain(value: Any) -> Any:
    """A comparable picture of a parsed object: types, values, references, stream payloads."""
    from pyhanko.pdf_utils import generic

    if isinstance(value, generic.StreamObject):
        return ("stream", {k: _plain(v) for k, v in value.items()}, bytes(value.encoded_data))
    if isinstance(value, dict):
        return ("dict", type(value).__name__, {str(k): _plain(v) for k, v in value.items()})
    if isinstance(value, list):
        return ("array", [_plain(v) for v in value.raw_iter()] if hasattr(value, "raw_iter") else [_plain(v)
                                                                                                  for v in value])
    if isinstance(value, generic.IndirectObject):
        return ("ref", value.idnum, value.generation)
    if isinstance(value, generic.NullObject):
        return ("null",)
    return (type(value).__name__, repr(value))


def _outcome(read: Any, data: bytes) -> tuple[Any, ...]:
    from pyhanko.pdf_utils import generic

    stream = io.BytesIO(data)
    container = generic.Reference(9, 0, _Handler())
    try:
        value = read(stream, container)
    except Exception as exc:  # the same error type is part of the contract
        return ("error", type(exc).__name__)
    refs_ok = getattr(value, "container_ref", None) is container
    return _plain(value), stream.tell(), refs_ok


BIG = b"J" * 5000
CASES = [
    b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 595.28 841.89] /Resources << /XObject << /Im0 7 0 R >> >> "
    b"/Contents 8 0 R /Rotate -90 >>\nendobj",
    b"<</A/B/C[1 2 3]/D<</E true/F false/G null>>>>endobj",
    b"<<>>", b"[ ]", b"[]", b"[1 [2 [3 [4]]]] rest", b"[/a/b/c]", b"<< /K [1 0 R 2 0 R 3 0 R] >>",
    b"<< /N /Lime#20Green /M /A#zz >>", b"<< /S (a string) >>", b"<< /H <4142> >>", b"<< /C 1 % comment\n >>",
    b"<< /A 1 /A 2 >>", b"<< /A 1\x0b0 R >>", b"<< /A 1 0\x00R >>", b"<< /A 0 0 R >>", b"<< /A 12   0    R >>",
    b"<< /A 1234567890 0          R >>", b"<< /A 12 0 Rx >>", b"<< /A 12 0 R/B 1 >>",
    b"<< /A +5 /B -.5 /C 1. /D -0 /E 007 >>", b"<< /A 1,2 >>", b"<< /A --3 >>", b"<< /A 1.2.3 >>",
    b"<< /A 12abc >>", b"<< /A truex >>", b"<< /A nullx >>", b"<< /A tru >>", b"[true false null]",
    b"[" * 40 + b"1" + b"]" * 40, b"<< /A 1 > >", b"<< /A 1", b"[1 2", b"<< 1 2 >>", b"<< /A >> >>",
    b"<< /Length 5 >>\nstream\nhello\nendstream\nendobj",
    b"<< /Length 5000 >>\nstream\n" + BIG + b"\nendstream\nendobj",
    b"<< /Length 5000 >>\r\nstream\r\n" + BIG + b"\r\nendstream endobj",
    b"<< /Length 5001 >>\nstream\n" + BIG + b"\nendstream\nendobj",  # one too long: pyHanko's own fix-up
    b"<< /Length 5000 >>\nstream\n" + BIG + b"\nendstreax\nendobj",
    b"<< /Length 5000 >>\nstream\n" + BIG[:100],
    b"<< /Length 9 0 R >>\nstream\n" + BIG + b"\nendstream\nendobj",  # indirect /Length, resolved by the handler
    b"<< /Length -4 >>\nstream\nabc\nendstream", b"<< /Length /X >>\nstream\nabc\nendstream",
    b"<< /Length 5000 >> stream\n" + BIG + b"endstream",
    b"/Name", b"12 0 R", b"42", b"(x)", b"true",
    b"<< /T (Sig_LanhDao) /M (D:20261125101500+07'00') /V <4142> /E () /H <> /O <414> >>",
    b"<< /T (a\\)b) >>", b"<< /T (a(b)c) >>", b"<< /T (line\nbreak\r) >>", b"<< /T (\xfe\xff\x00A) >>",
    b"<< /H <41 42> >>", b"<< /H <41zz> >>", b"<< /T (never closed >>", b"[(a) (b) <43>]",
    b"<< /T (Sig\\137LanhDao) /M (D\\07220261202203658Z) /F [(so\\137ky) (a\\(b\\)) (x\\\\y)] >>",
    b"<< /T (oct\\0\\01\\1234 \\8 ) >>", b"<< /T (big\\777) >>", b"<< /T (bad\\q) >>",
    b"<< /T (cont\\\nnext\\\r\nend\\\n\rx) >>", b"<< /T (nest (one (two)) done) >>",
    b"<< /T (tab\\t nl\\n cr\\r bs\\b ff\\f sp\\  pct\\% hash\\# amp\\& dollar\\$ us\\_) >>",
    b"<< /Contents <" + b"0f" * 9000 + b"> /Type /Sig >>",  # a signature's hex past the first chunk
    b"<< /S (" + b"s" * 9000 + b") >>",
    b"<< /Long [" + b" 1" * 3000 + b" ] >>",  # longer than the first chunk: read again with a bigger one
    b"<< /K " + b"1 " * 60000 + b">>",  # past the last chunk: left to pyHanko
]


@pytest.mark.parametrize("data", CASES, ids=range(len(CASES)))
def test_the_fast_reader_gives_what_pyhanko_gives(data: bytes) -> None:
    fast, original = _readers()
    assert _outcome(fast, data) == _outcome(original, data)


def test_the_fast_reader_takes_the_ordinary_objects_and_leaves_the_unusual_ones() -> None:
    from pyhanko.pdf_utils import generic

    reader = fast_objects._Reader(generic, generic.read_object.original)
    container = generic.Reference(9, 0, _Handler())

    def taken(data: bytes) -> bool:
        stream = io.BytesIO(data)
        result = reader.read(stream, container)
        if result is None:
            assert stream.tell() == 0  # untouched for pyHanko
        return result is not None

    assert taken(CASES[0]) and taken(CASES[1]) and taken(b"<< /Long [" + b" 1" * 3000 + b" ] >>")
    assert taken(b"<< /S (a string) /H <4142> >>") and taken(b"<< /Contents <" + b"0f" * 9000 + b"> >>")
    assert taken(b"<< /S (a\\)b) /N (a(b)c) /T (Sig\\137LanhDao) >>")
    for unusual in (b"<< /S (bad\\q) >>", b"<< /S (big\\777) >>", b"<< /H <41 42> >>", b"<< /C 1 % c\n >>",
                    b"<< /A 1 /A 2 >>", b"<< /A 1\x0b0 R >>", b"[" * 40 + b"1" + b"]" * 40, b"/Name", b"42"):
        assert not taken(unusual), unusual


def test_a_deferred_payload_is_read_on_first_use_and_a_historical_copy_stays_deferred(
    sealed_chain: tuple[bytes, bytes, bytes],
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    _readers()
    sealed = sealed_chain[2]
    reader = PdfFileReader(io.BytesIO(sealed), strict=False)
    deferred = []
    for ref in reader.xrefs.explicit_refs_in_revision(0):
        obj = reader.get_object(ref)
        if hasattr(obj, "deferred_payload") and obj.deferred_payload() is not None:
            deferred.append((ref, obj))
    assert deferred, "the draft's font streams are larger than 4 KB"
    ref, obj = deferred[0]
    _source, start, length = obj.deferred_payload()
    old = reader.get_historical_resolver(0)
    copy = old.get_object(ref)
    assert copy.deferred_payload() is not None  # subsuming did not read it
    assert copy.container_ref.pdf is old
    assert copy.encoded_data == obj.encoded_data == sealed[start:start + length]
    assert obj.deferred_payload() is None and copy.deferred_payload() is None
    obj._encoded_data = b"replaced"  # pyHanko's own writes (strip_filters, apply_filter) still work
    assert obj.encoded_data == b"replaced"


def test_verification_gives_the_same_report_with_and_without_the_fast_paths(
    sealed_chain: tuple[bytes, bytes, bytes], demo_pki: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pyhanko.pdf_utils import generic, reader

    roots = [demo_pki.root_certificate()]
    fast = verify_pdf(sealed_chain[2], roots)
    tampered = bytearray(sealed_chain[2])
    tampered[len(sealed_chain[1]) // 2] ^= 0x01
    fast_tampered = verify_pdf(bytes(tampered), roots)
    monkeypatch.setattr(generic, "read_object", generic.read_object.original)
    monkeypatch.setattr(reader.HistoricalResolver, "_subsume_object",
                        reader.HistoricalResolver._subsume_object.original)
    slow = verify_pdf(sealed_chain[2], roots)
    slow_tampered = verify_pdf(bytes(tampered), roots)
    assert fast.all_valid and slow.all_valid
    assert [(r.field_name, r.valid, r.intact, r.modification_level, r.problems) for r in fast.signatures] == [
        (r.field_name, r.valid, r.intact, r.modification_level, r.problems) for r in slow.signatures]
    assert not fast_tampered.all_intact and not slow_tampered.all_intact
    assert fast_tampered.problems == slow_tampered.problems


def test_the_collector_is_paused_while_any_operation_runs_and_switched_back_on_by_the_last() -> None:
    assert gc.isenabled()
    inside = threading.Event()
    release = threading.Event()

    def other() -> None:
        with collection_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    with collection_paused():
        assert not gc.isenabled()
        thread.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other operation still runs
    release.set()
    thread.join(10)
    assert gc.isenabled()
    gc.disable()  # a caller that had switched it off keeps it off
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_hash_made_ahead_is_the_hash_of_the_same_bytes() -> None:
    import hashlib
    import os

    from cryptography.hazmat.primitives import hashes

    from app.services.signing import ahead_hash
    from app.services.signing.sign import _AppendStream

    original = os.urandom(ahead_hash.AHEAD_FROM + 12345)
    prefix = ahead_hash.start(original)
    assert prefix is not None and ahead_hash.start(original[:1000]) is None  # small files: hashed in line
    stream = _AppendStream(original, prefix)
    stream.seek(0, io.SEEK_END)
    stream.write(b"%% the incremental update " * 40)
    whole = stream.getvalue()
    for start, max_read in ((0, None), (0, len(original) + 100), (0, len(original) - 1), (10, None)):
        md = ahead_hash.Sha256()
        stream.seek(start)
        stream.digest_into(md, max_read)
        end = len(whole) if max_read is None else start + max_read
        assert md.finalize() == hashlib.sha256(whole[start:end]).digest(), (start, max_read)
    fed = ahead_hash.Sha256()
    fed.update(b"x")
    assert not fed.adopt(prefix)  # a state only ever replaces the very start
    ahead_hash.install()
    from pyhanko.sign.signers import pdf_byterange

    assert isinstance(pdf_byterange.hashes.Hash(hashes.SHA256()), ahead_hash.Sha256)
    other = pdf_byterange.hashes.Hash(hashes.SHA384())  # every other algorithm stays pyca/cryptography's
    other.update(b"abc")
    assert other.finalize() == hashlib.sha384(b"abc").digest()


def test_a_historical_revision_sees_the_same_objects_and_references_with_the_fast_copy(
    sealed_chain: tuple[bytes, bytes, bytes], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The revision views pyHanko's difference analysis works on: every object, where it is referenced from, and
    that every reference inside a copy resolves within that revision, as with pyHanko's own copying."""
    from pyhanko.pdf_utils import generic, reader

    _readers()
    sealed = sealed_chain[2]

    def views() -> list[tuple[Any, Any]]:
        out = []
        pdf = reader.PdfFileReader(io.BytesIO(sealed), strict=False)
        for revision in range(pdf.xrefs.total_revisions):
            view = pdf.get_historical_resolver(revision)
            view._load_reverse_xref_cache()
            objects = {}
            for rev in range(revision + 1):
                for ref in pdf.xrefs.explicit_refs_in_revision(rev):
                    obj = view.get_object(generic.Reference(ref.idnum, ref.generation, view))
                    objects[(ref.idnum, ref.generation)] = (_plain(obj), _bound_to(obj, view))
            out.append((dict(view._indirect_object_access_cache), objects))
        return out

    fast = views()
    monkeypatch.setattr(reader.HistoricalResolver, "_subsume_object",
                        reader.HistoricalResolver._subsume_object.original)
    slow = views()
    assert len(fast) == len(slow) == 4
    for (fast_paths, fast_seen), (slow_paths, slow_seen) in zip(fast, slow, strict=True):
        assert {str(k): v for k, v in fast_paths.items()} == {str(k): v for k, v in slow_paths.items()}
        assert fast_seen == slow_seen
        assert all(bound for _, bound in fast_seen.values())


def _bound_to(obj: Any, view: Any) -> bool:
    """Every reference in `obj` (and its container) points at `view`."""
    from pyhanko.pdf_utils import generic

    if isinstance(obj, generic.IndirectObject):
        return obj.reference.pdf is view
    if isinstance(obj, dict | list):
        if obj.container_ref is None or obj.container_ref.pdf is not view:
            return False
        values = obj.raw_iter() if isinstance(obj, list) and hasattr(obj, "raw_iter") else (
            [obj.raw_get(k) for k in obj] if isinstance(obj, dict) else obj)
        return all(_bound_to(v, view) for v in values)
    return True
