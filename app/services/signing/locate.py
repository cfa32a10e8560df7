"""Find where the number, the date and the signatures go on a draft whose layout we only know from its text.

Drafts come from our own renderer (official_pdf, which knows its boxes) but also from word processors, where all we
know is the text: the "Số: …" line and the "…, ngày … tháng … năm …" line on page 1 (ND30 App I ô 3 and ô 4) and the
signer block on the last page: the signer's position ("GIÁM ĐỐC", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC") above a blank space
and the signer's name under it. The signature goes into that blank space.

Text positions and widths come from pypdf's layout-mode text engine (it knows each font's glyph widths); pypdf
exposes it only under a private module, so a plain `visitor_text` pass with estimated widths is the fallback.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.services.signing.errors import SigningError
from app.services.signing.sign import Box, SigningLayout

MM = 72 / 25.4
SIGN_SPACE = 30 * MM  # the blank space of a signer block when its position line cannot be found
_NUMBER_RE = re.compile(r"^\s*s[ốo]\s*:", re.IGNORECASE)
_DATE_RE = re.compile(r"ngày.*tháng.*năm", re.IGNORECASE)


@dataclass(frozen=True)
class TextLine:
    """One run of text drawn on a page: its baseline start (x, y), its end x and its font size, in PDF points."""

    page: int
    x0: float
    x1: float
    y: float
    size: float
    text: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _reader(pdf: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(pdf), strict=False)
        if reader.is_encrypted:
            raise SigningError("signing.pdf_encrypted")
        _ = len(reader.pages)
        return reader
    except SigningError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise SigningError("signing.pdf_invalid", detail=str(exc)) from exc


def text_lines(pdf: bytes, pages: list[int] | None = None) -> list[TextLine]:
    """The text runs of the given pages (default: all), top to bottom."""
    reader = _reader(pdf)
    count = len(reader.pages)
    wanted = sorted({p % count for p in pages} if pages is not None else range(count))
    out: list[TextLine] = []
    for index in wanted:
        page = reader.pages[index]
        try:
            out += list(_layout_lines(reader, page, index))
        except (ImportError, AttributeError, TypeError):  # pypdf moved its private layout engine
            out += list(_visitor_lines(page, index))
    return sorted(out, key=lambda t: (t.page, -t.y, t.x0))


def _layout_lines(reader: Any, page: Any, index: int) -> Iterator[TextLine]:
    from pypdf._text_extraction._layout_mode._fixed_width_page import recurse_to_target_op, set_font_operation
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager
    from pypdf.generic import ContentStream

    contents = page.get_contents()
    if contents is None:
        return
    fonts = page._layout_mode_fonts()
    ops = iter(ContentStream(contents, reader, "bytes").operations)
    state = TextStateManager()
    for operands, op in ops:
        if op in (b"BT", b"q"):
            groups, _ = recurse_to_target_op(ops, state, b"ET" if op == b"BT" else b"Q", fonts, True)
            for g in groups:
                if str(g["text"]).strip():
                    yield TextLine(index, float(g["tx"]), float(g["displaced_tx"]), float(g["ty"]),
                                   float(g["font_size"]), str(g["text"]).strip())
        elif op == b"Tf":
            set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(op, operands)


def _visitor_lines(page: Any, index: int) -> Iterator[TextLine]:
    found: list[TextLine] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
        if not text.strip():
            return
        scale = abs(float(tm[0]) * float(cm[0])) or 1.0
        x = float(tm[4]) * float(cm[0]) + float(tm[5]) * float(cm[2]) + float(cm[4])
        y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
        em = size * scale
        found.append(TextLine(index, x, x + 0.48 * em * len(text.strip()), y, em, text.strip()))

    page.extract_text(visitor_text=visit)
    yield from found


def _media_box(pdf: bytes, page: int) -> tuple[float, float, float, float]:
    box = _reader(pdf).pages[page].mediabox
    return float(box.left), float(box.bottom), float(box.right), float(box.top)


def find_number_line(lines: list[TextLine]) -> TextLine | None:
    for line in lines:
        if line.page == 0 and _NUMBER_RE.match(unicodedata.normalize("NFC", line.text)):
            return line
    return None


def find_date_line(lines: list[TextLine]) -> TextLine | None:
    for line in lines:
        if line.page == 0 and _DATE_RE.search(_norm(line.text)):
            return line
    return None


def _matches(line: TextLine, wanted: str) -> int:
    """2: the line is exactly `wanted`; 1: contains it; 0: unrelated (case and accents' composition ignored)."""
    have, want = _norm(line.text), _norm(wanted)
    if not want:
        return 0
    if have == want:
        return 2
    return 1 if want in have else 0


def find_signer(lines: list[TextLine], page: int, signer_name: str, signer_title: str) -> tuple[
        TextLine | None, TextLine | None]:
    """(title line, name line) of the signer block on `page`: the last name line, the nearest title above it."""
    on_page = [t for t in lines if t.page == page]
    names = [t for t in on_page if _matches(t, signer_name)]
    names.sort(key=lambda t: (_matches(t, signer_name), -t.y))  # best match, then lowest on the page
    name = names[-1] if names else None
    titles = [t for t in on_page if _matches(t, signer_title) and (name is None or (
        t.y > name.y and t.x0 < name.x1 and t.x1 > name.x0))]
    if name is not None:
        titles.sort(key=lambda t: (_matches(t, signer_title), -(t.y - name.y)))
    else:
        titles.sort(key=lambda t: (_matches(t, signer_title), -t.y))
    title = titles[-1] if titles else None
    if name is not None and title is not None:
        # the blank space starts under the LAST line of the block's heading (e.g. "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")
        between = [t for t in on_page if name.y < t.y < title.y and t.x0 < name.x1 and t.x1 > name.x0
                   and t.y - name.y > 20]
        if between:
            title = min(between, key=lambda t: t.y)
    return title, name


def locate_layout(pdf: bytes, *, signer_name: str, signer_title: str) -> SigningLayout:
    """The draft's number, date and signer boxes, found from its text; SigningError when one cannot be found."""
    reader = _reader(pdf)
    last = len(reader.pages) - 1
    lines = text_lines(pdf, sorted({0, last}))
    number, date = find_number_line(lines), find_date_line(lines)
    if number is None:
        raise SigningError("signing.number_line_not_found")
    if date is None:
        raise SigningError("signing.date_line_not_found")
    px0, _py0, px1, _py1 = _media_box(pdf, 0)
    margin = 10 * MM
    number_box = _line_box(number, px0 + margin, px1 - margin, others=[date], extra=40)
    date_box = _line_box(date, px0 + margin, px1 - margin, others=[number], extra=30)
    title, name = find_signer(lines, last, signer_name, signer_title)
    if title is None and name is None:
        raise SigningError("signing.signer_block_not_found", name=signer_name, title=signer_title)
    lx0, _ly0, lx1, _ly1 = _media_box(pdf, last)
    anchors = [t for t in (title, name) if t is not None]
    centre = (name or anchors[0]).centre
    half = max(110.0, max((t.x1 - t.x0) / 2 + 20 for t in anchors))
    x0, x1 = max(lx0 + margin / 2, centre - half), min(lx1 - margin / 2, centre + half)
    if name is not None and title is not None:
        y0, y1 = name.y + name.size * 1.04, title.y - 5
    elif name is not None:
        y0 = name.y + name.size * 1.04
        y1 = y0 + SIGN_SPACE
    else:
        assert title is not None
        y1 = title.y - 5
        y0 = y1 - SIGN_SPACE
    if y1 - y0 < 10 * MM:
        raise SigningError("signing.signer_space_too_small", name=signer_name)
    return SigningLayout(number_box=number_box, date_box=date_box, signer_box=(last, x0, y0, x1, y1))


def _line_box(line: TextLine, left: float, right: float, *, others: list[TextLine], extra: float) -> Box:
    """A box over a text line, wider than the text so a longer filled-in text fits, never reaching a neighbour on
    the same baseline."""
    x0, x1 = line.x0 - extra, line.x1 + extra
    for other in others:
        if other is line or abs(other.y - line.y) > max(line.size, other.size):
            continue
        if other.x0 >= line.x1:  # share the gap: the neighbour's box gets the other half
            x1 = min(x1, (line.x1 + other.x0) / 2 - 1)
        elif other.x1 <= line.x0:
            x0 = max(x0, (other.x1 + line.x0) / 2 + 1)
    return line.page, max(left, x0), line.y - 4, min(right, x1), line.y + line.size + 1


def field_box(pdf: bytes, name: str) -> Box | None:
    """Page and rectangle of the form field `name`'s (first) widget, or None when the PDF has no such field."""
    reader = _reader(pdf)
    for index, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            title = annot.get("/T")
            if title is None and "/Parent" in annot:
                title = annot["/Parent"].get_object().get("/T")
            if title is not None and str(title) == name:
                x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
                return index, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)
    return None
