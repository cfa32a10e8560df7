"""reverse_refs.py gives pyHanko's difference analysis the same map of paths pyHanko would build, or leaves it to
pyHanko: on the app's signed chain, on files with unusual shapes (nested page tree, shared resources, links between
pages, cycles, escaped names and strings, indirect lengths, later revisions), and on what it does not cover."""

from __future__ import annotations

import io
from typing import Any

import pikepdf
import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from app.services.signing import reverse_refs
from app.services.signing.sign import speed_up_pdf_parsing


def both(data: bytes, revision: int) -> tuple[bool, Any, Any]:
    """(made here?, the map made here, pyHanko's map) for one revision, each on a reader of its own."""
    speed_up_pdf_parsing()
    fast = PdfFileReader(io.BytesIO(data), strict=False).get_historical_resolver(revision)
    made = reverse_refs.load(fast, data)
    slow = PdfFileReader(io.BytesIO(data), strict=False).get_historical_resolver(revision)
    slow._load_reverse_xref_cache()
    return made, fast._indirect_object_access_cache, slow._indirect_object_access_cache


def same_in_every_revision(data: bytes) -> int:
    revisions = PdfFileReader(io.BytesIO(data), strict=False).xrefs.total_revisions
    for revision in range(revisions):
        made, fast, slow = both(data, revision)
        assert made, f"revision {revision} was left to pyHanko"
        assert fast == slow, f"revision {revision}"
    return revisions


def test_the_signed_chain_maps_as_pyhanko_maps_it(sealed_chain: tuple[bytes, bytes, bytes]) -> None:
    for data in sealed_chain:
        same_in_every_revision(data)


def unusual() -> bytes:
    """Pages under a nested page tree sharing one resources dictionary, links to other pages, an annotation that
    points back at its page, a cycle, escaped names and strings, a stream with an indirect /Length."""
    pdf = pikepdf.new()
    shared = pdf.make_indirect(pikepdf.Dictionary(Font=pikepdf.Dictionary()))
    for i in range(4):
        page = pdf.add_blank_page(page_size=(595, 842))
        page.obj.Resources = shared
        page.obj.Contents = pdf.make_stream(f"BT /F1 12 Tf (Trang {i}) Tj ET".encode())
    pages = [p.obj for p in pdf.pages]
    for i, page in enumerate(pages):
        link = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 10, 10],
            Dest=[pages[(i + 1) % len(pages)], pikepdf.Name.XYZ, 0, 0, 0], P=page,
            Contents=pikepdf.String("(nested (parentheses)) and \\ backslash")))
        page.Annots = pdf.make_indirect(pikepdf.Array([link]))
    first = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String("A")))
    second = pdf.make_indirect(pikepdf.Dictionary(Title=pikepdf.String("B"), Next=first))
    first.Next = second  # a cycle
    pdf.Root.Outlines = pdf.make_indirect(pikepdf.Dictionary(First=first, Last=second))
    pdf.Root[pikepdf.Name("/Odd#20Name")] = pikepdf.Name("/Value#2Fwith#23escapes")
    pdf.docinfo[pikepdf.Name.Title] = "Văn bản (thử)"
    out = io.BytesIO()
    pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable, qdf=False)
    data = out.getvalue()
    # a nested page tree: pikepdf flattens on save, so nest it in a later revision written by pyHanko
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    from pyhanko.pdf_utils import generic

    root = writer.root
    tree = root["/Pages"]
    kids = tree["/Kids"]
    inner = generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Pages"),
        generic.NameObject("/Kids"): generic.ArrayObject(list(kids)[2:]),
        generic.NameObject("/Count"): generic.NumberObject(2),
        generic.NameObject("/Parent"): root.raw_get("/Pages"),
    })
    inner_ref = writer.add_object(inner)
    for kid in list(kids)[2:]:
        kid_obj = kid.get_object()
        kid_obj["/Parent"] = inner_ref
        writer.update_container(kid_obj)
    tree["/Kids"] = generic.ArrayObject([*list(kids)[:2], inner_ref])
    writer.update_container(tree)
    length = writer.add_object(generic.NumberObject(5))
    stream = generic.StreamObject({generic.NameObject("/Length"): length}, stream_data=b"hello")
    root["/Extra"] = writer.add_object(stream)
    writer.update_root()
    later = io.BytesIO()
    writer.write(later)
    return later.getvalue()


def test_unusual_shapes_map_as_pyhanko_maps_them() -> None:
    data = unusual()
    assert same_in_every_revision(data) == 2


def test_object_streams_and_structure_trees_are_left_to_pyhanko(sealed_chain: tuple[bytes, bytes, bytes]) -> None:
    pdf = pikepdf.open(io.BytesIO(sealed_chain[0]))
    packed = io.BytesIO()
    pdf.save(packed, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    made, fast, slow = both(packed.getvalue(), 0)
    assert not made and fast is None and slow

    tagged = pikepdf.open(io.BytesIO(sealed_chain[0]))
    tagged.Root.StructTreeRoot = tagged.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    out = io.BytesIO()
    tagged.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    made, fast, slow = both(out.getvalue(), 0)
    assert not made and fast is None and slow


def raw_pdf(objects: dict[int, bytes]) -> bytes:
    """A one-revision PDF with a cross-reference table, written by hand (shapes no library writes)."""
    body = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(body)
        body += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        body += (b"%010d 00000 n \n" % offsets[number]) if number in offsets else b"0000000000 00000 f \n"
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(body)


PAGES = {
    1: b"<< /Type /Catalog /Pages 2 0 R >>",
    2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /X 4 0 R >>",
}


@pytest.mark.parametrize("extra, made", [
    ({4: b"<< /A 5 0 R >>", 5: b"6 0 R", 6: b"<< /B 1 >>"}, True),  # an object whose value is a reference
    ({4: b"<< /A (a \\) b \\\\ c (d)) /B <48656C6C6F> /C [1 2.5 -3 true null] >>"}, True),
    ({4: b"<< /A 9 0 R >>"}, False),  # a reference to an object the revision does not have
    ({4: b"<< /A 1 /A 2 >>"}, False),  # a duplicate key: pyHanko decides which one counts
    ({4: b"<< /A 1 % a comment\n>>"}, False),  # a comment: pyHanko's reader knows them
])
def test_hand_written_shapes(extra: dict[int, bytes], made: bool) -> None:
    data = raw_pdf({**PAGES, **extra})
    done, fast, slow = both(data, 0)
    assert done is made
    if made:
        assert fast == slow
