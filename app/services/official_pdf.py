"""Documents drawn in the official layout of Decree 30 (App I): the demo office's papers, test sets and drafts.

The first-page header (issuer, national title, number and date line) sits at fixed places, so the boxes where the
clerk's number and date and the leader's signature go are known exactly: signing and stamping use them.
Fonts: Times New Roman when installed (the standard's font), else Noto Serif; both carry Vietnamese diacritics.
"""

from __future__ import annotations

import io
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from app.domain.date_line import blank_date_line, format_date_line
from app.domain.enums import Confidentiality, RestrictionStamp, Urgency
from app.domain.errors import StorageError

Box = tuple[int, float, float, float, float]  # page index, x0, y0, x1, y1 in PDF points

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
HEADER_LEFT_W = 80 * mm
RED = (0.85, 0.0, 0.0)
URGENCY_MARK = {
    Urgency.URGENT: "KHẨN",
    Urgency.VERY_URGENT: "THƯỢNG KHẨN",
    Urgency.FLASH: "HỎA TỐC",
    Urgency.FLASH_TIMED: "HỎA TỐC HẸN GIỜ",
}
CONFIDENTIALITY_MARK = {
    Confidentiality.SECRET: "MẬT",
    Confidentiality.TOP_SECRET: "TỐI MẬT",
    Confidentiality.ABSOLUTE_SECRET: "TUYỆT MẬT",
}
RESTRICTION_MARK = {
    RestrictionStamp.RETURN_AFTER_MEETING: "TRẢ LẠI SAU KHI HỌP",
    RestrictionStamp.RETURN_AFTER_READING: "XEM XONG TRẢ LẠI",
    RestrictionStamp.INTERNAL_CIRCULATION: "LƯU HÀNH NỘI BỘ",
    RestrictionStamp.RECALLED: "TÀI LIỆU THU HỒI",
}
FONT_FAMILIES = (
    ("Times New Roman", ("Times New Roman", "Times New Roman:bold", "Times New Roman:italic",
                         "Times New Roman:bold:italic")),
    ("Noto Serif", ("Noto Serif:style=Regular", "Noto Serif:style=Bold", "Noto Serif:style=Italic",
                    "Noto Serif:style=Bold Italic")),
)
FALLBACK_DIR = Path("/usr/share/fonts/truetype/noto")


@dataclass(frozen=True)
class OfficialDocument:
    parent_agency: str | None  # "UBND TỈNH HÀ TĨNH"
    issuer_name: str  # "Sở Thông tin và Truyền thông"
    doc_type: str  # "Quyết định", "Công văn", ...
    number: int | None  # None: a draft, the number is left blank for the clerk
    notation: str  # "QĐ-STTTT", "STTTT-VP"
    normative_year: int | None
    place: str  # "Hà Tĩnh"
    issued: date | None  # None: a draft, day and month left blank
    summary: str
    body: list[str]
    signer_authority: str  # "" or "KT. GIÁM ĐỐC"
    signer_position: str  # "PHÓ GIÁM ĐỐC"
    signer_name: str
    recipients: list[str]  # "Nơi nhận:" lines
    urgency: Urgency = Urgency.NORMAL
    confidentiality: Confidentiality = Confidentiality.NONE
    restriction: RestrictionStamp = RestrictionStamp.NONE
    addressees: list[str] = field(default_factory=list)  # "Kính gửi:" of a công văn
    year: int | None = None  # year of a draft's blank date line

    @property
    def is_cong_van(self) -> bool:
        return self.doc_type.strip().lower() == "công văn"

    @property
    def number_line(self) -> str:
        year = f"{self.normative_year}/" if self.normative_year else ""
        number = f"{self.number:02d}" if self.number is not None else "      "
        return f"Số: {number}/{year}{self.notation}"

    @property
    def date_line(self) -> str:
        if self.issued is not None:
            return format_date_line(self.place, self.issued)
        return blank_date_line(self.place, self.year or date.today().year)


@dataclass(frozen=True)
class RenderedPdf:
    pdf: bytes
    page_count: int
    signer_box: Box  # the blank space of the signer block, for the signature image
    number_box: Box
    date_box: Box


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    bold_italic: str


@cache
def fonts() -> Fonts:
    """Registered once per process; a clear error when no Vietnamese-capable serif font is installed."""
    for family, patterns in FONT_FAMILIES:
        paths = [_match(p, family) for p in patterns]
        if all(paths):
            return _register(family.replace(" ", ""), [p for p in paths if p])
    fallback = [FALLBACK_DIR / f"NotoSerif-{s}.ttf" for s in ("Regular", "Bold", "Italic", "BoldItalic")]
    if all(p.exists() for p in fallback):
        return _register("NotoSerif", [str(p) for p in fallback])
    raise StorageError("document.font_missing", fonts="Times New Roman, Noto Serif (fonts-noto-core)")


def _match(pattern: str, family: str) -> str | None:
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}|%{file}", pattern], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found_family, _, path = out.partition("|")
    return path if family.lower() in found_family.lower() and path.lower().endswith((".ttf", ".otf")) else None


def _register(prefix: str, paths: list[str]) -> Fonts:
    names = [f"{prefix}-{s}" for s in ("Regular", "Bold", "Italic", "BoldItalic")]
    for name, path in zip(names, paths, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path))
    pdfmetrics.registerFontFamily(names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3])
    return Fonts(*names)


def _centered_lines(c: Canvas, lines: Sequence[str], cx: float, y: float, font: str, size: float,
                    leading: float) -> float:
    for line in lines:
        c.setFont(font, size)
        c.drawCentredString(cx, y, line)
        y -= leading
    return y


class _Header:
    """Page 1: issuer and national title, number and date line, marks; remembers where number and date went."""

    def __init__(self, doc: OfficialDocument, f: Fonts) -> None:
        self.doc = doc
        self.f = f
        self.number_box: Box = (0, 0, 0, 0, 0)
        self.date_box: Box = (0, 0, 0, 0, 0)
        self.bottom = PAGE_H - TOP - 50 * mm

    def draw(self, c: Canvas) -> None:
        d, f = self.doc, self.f
        left_cx = LEFT + HEADER_LEFT_W / 2
        right_x0 = LEFT + HEADER_LEFT_W
        right_cx = (right_x0 + PAGE_W - RIGHT) / 2
        top = PAGE_H - TOP - 12
        y = top
        if d.parent_agency:
            y = _centered_lines(c, simpleSplit(d.parent_agency.upper(), f.regular, 12.5, HEADER_LEFT_W), left_cx, y,
                                f.regular, 12.5, 15)
        y = _centered_lines(c, simpleSplit(d.issuer_name.upper(), f.bold, 12.5, HEADER_LEFT_W), left_cx, y, f.bold,
                            12.5, 15)
        c.setLineWidth(0.6)
        c.line(left_cx - 15 * mm, y + 8, left_cx + 15 * mm, y + 8)
        ry = _centered_lines(c, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], right_cx, top, f.bold, 12.5, 15)
        motto = "Độc lập - Tự do - Hạnh phúc"
        ry = _centered_lines(c, [motto], right_cx, ry, f.bold, 13.5, 15)
        half = pdfmetrics.stringWidth(motto, f.bold, 13.5) / 2
        c.line(right_cx - half, ry + 8, right_cx + half, ry + 8)
        line_y = min(y, ry) - 12
        c.setFont(f.regular, 13)
        c.drawCentredString(left_cx, line_y, d.number_line)
        self.number_box = (0, LEFT, line_y - 4, LEFT + HEADER_LEFT_W, line_y + 13)
        c.setFont(f.italic, 13.5)
        c.drawCentredString(right_cx, line_y, d.date_line)
        self.date_box = (0, right_x0, line_y - 4, PAGE_W - RIGHT, line_y + 14)
        y = line_y - 17
        if d.is_cong_van:
            y = _centered_lines(c, simpleSplit(d.summary, f.regular, 12, HEADER_LEFT_W - 10 * mm), left_cx, y,
                                f.regular, 12, 14)
        for mark, color in ((CONFIDENTIALITY_MARK.get(d.confidentiality), RED), (URGENCY_MARK.get(d.urgency), RED),
                            (RESTRICTION_MARK.get(d.restriction), (0, 0, 0))):
            if mark:
                y = self._boxed(c, mark, left_cx, y - 4, color) - 4
        self.bottom = min(y, line_y - 20) - 6

    def _boxed(self, c: Canvas, text: str, cx: float, y: float, color: tuple[float, float, float]) -> float:
        width = pdfmetrics.stringWidth(text, self.f.bold, 13) + 12
        c.saveState()
        c.setStrokeColorRGB(*color)
        c.setFillColorRGB(*color)
        c.setLineWidth(1)
        c.rect(cx - width / 2, y - 5, width, 20)
        c.setFont(self.f.bold, 13)
        c.drawCentredString(cx, y + 1, text)
        c.restoreState()
        return y - 8


class _SignatureBlock(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """"Nơi nhận" on the left, the signer on the right; never split across pages; records the signature space."""

    SIGN_SPACE = 30 * mm

    def __init__(self, doc: OfficialDocument, f: Fonts, width: float) -> None:
        super().__init__()
        self.doc = doc
        self.f = f
        self.block_width = width
        self.left_w = width * 0.48
        self.recipient_lines = [line for r in doc.recipients for line in simpleSplit(f"- {r}", f.regular, 11,
                                                                                        self.left_w)]
        head = [doc.signer_authority.upper()] if doc.signer_authority else []
        self.signer_head = [*head, doc.signer_position.upper()]
        self.box: Box | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        left = 16 + 13 * len(self.recipient_lines)
        right = 17 * len(self.signer_head) + self.SIGN_SPACE + 20
        self.height = max(left, right) + 6
        return self.block_width, self.height

    def draw(self) -> None:
        c, f = self.canv, self.f
        y = self.height - 14
        c.setFont(f.bold_italic, 12)
        c.drawString(0, y, "Nơi nhận:")
        c.setFont(f.regular, 11)
        ly = y - 13
        for line in self.recipient_lines:
            c.drawString(0, ly, line)
            ly -= 13
        cx = self.left_w + (self.block_width - self.left_w) / 2
        ry = y
        c.setFont(f.bold, 13.5)
        for line in self.signer_head:
            c.drawCentredString(cx, ry, line)
            ry -= 17
        top_of_space = ry + 10
        ry -= self.SIGN_SPACE
        c.setFont(f.bold, 13.5)
        c.drawCentredString(cx, ry, self.doc.signer_name)
        x0, y0 = c.absolutePosition(self.left_w + 4, ry + 14)
        x1, y1 = c.absolutePosition(self.block_width - 4, top_of_space - 4)
        self.box = (c.getPageNumber() - 1, x0, y0, x1, y1)


def render(doc: OfficialDocument) -> RenderedPdf:
    f = fonts()
    out = io.BytesIO()
    header = _Header(doc, f)
    frame_w = PAGE_W - LEFT - RIGHT

    def first_page(c: Canvas, _doc: BaseDocTemplate) -> None:
        header.draw(c)

    def later_page(c: Canvas, _doc: BaseDocTemplate) -> None:
        c.setFont(f.regular, 13)
        c.drawCentredString(PAGE_W / 2, PAGE_H - TOP / 2 - 4, str(c.getPageNumber()))

    # The header's height depends on its texts: draw it on a scratch canvas first to know where the body starts.
    header.draw(Canvas(io.BytesIO()))
    first_h = header.bottom - BOTTOM
    template_doc = BaseDocTemplate(out, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                                   bottomMargin=BOTTOM, title=doc.summary, author=doc.issuer_name,
                                   subject=doc.doc_type, creator="Văn Thư Desktop", invariant=1)
    template_doc.addPageTemplates([
        PageTemplate("first", [Frame(LEFT, BOTTOM, frame_w, first_h, id="f1", leftPadding=0, rightPadding=0)],
                     onPage=first_page, autoNextPageTemplate="later"),
        PageTemplate("later", [Frame(LEFT, BOTTOM, frame_w, PAGE_H - TOP - BOTTOM - 6 * mm, id="f2",
                                     leftPadding=0, rightPadding=0)], onPage=later_page),
    ])
    body = ParagraphStyle("body", fontName=f.regular, fontSize=14, leading=18, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=6)
    title = ParagraphStyle("title", fontName=f.bold, fontSize=14, leading=18, alignment=TA_CENTER)
    story: list[Flowable] = []
    if not doc.is_cong_van:
        story += [Spacer(1, 4 * mm), Paragraph(_esc(doc.doc_type.upper()), title),
                  Paragraph(_esc(doc.summary), title),
                  HRFlowable(width=35 * mm, thickness=0.6, color="black", spaceBefore=2, spaceAfter=8)]
    else:
        story.append(Spacer(1, 4 * mm))
        for i, addressee in enumerate(doc.addressees):
            label = "Kính gửi: " if i == 0 else ""
            story.append(Paragraph(_esc(label + addressee), ParagraphStyle(
                "to", fontName=f.regular, fontSize=14, leading=18, leftIndent=30 * mm,
                firstLineIndent=-20 * mm if i == 0 else 0)))
        story.append(Spacer(1, 4 * mm))
    story += [Paragraph(_esc(p), body) for p in doc.body]
    signature = _SignatureBlock(doc, f, frame_w)
    story += [Spacer(1, 4 * mm), signature]
    template_doc.build(story)
    pdf = out.getvalue()
    assert signature.box is not None, "the signature block was not drawn"
    return RenderedPdf(pdf, template_doc.page, signature.box, header.number_box, header.date_box)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_demo(
    issuer: tuple[str, str, str, str | None, None, str, str, str],
    doc_type: str,
    abbr: str | None,
    summary: str,
    number: int,
    notation: str,
    issued: date,
    urgency: Urgency,
    body: list[str],
) -> RenderedPdf:
    """The demo office's documents: `issuer` is (name, code, abbreviation, parent agency, -, signer, position,
    authority) as app/services/demo.py lists them."""
    name, _code, _abbr, parent, _, signer, position, authority = issuer
    return render(OfficialDocument(
        parent_agency=parent, issuer_name=name, doc_type=doc_type, number=number, notation=notation,
        normative_year=None, place="Hà Tĩnh", issued=issued, summary=summary, body=body,
        signer_authority=authority, signer_position=position, signer_name=signer,
        recipients=["Như trên;", "Lưu: VT."] if doc_type == "Công văn" else ["Các cơ quan, đơn vị liên quan;",
                                                                             "Lưu: VT."],
        urgency=urgency, addressees=["Các cơ quan, đơn vị có liên quan."],
    ))
