"""Documents drawn in the official layout of Decree 30 (App I): the demo office's papers, test sets and drafts.

The first-page header (issuer, national title, number and date line, marks) sits at fixed places, so the boxes where
the clerk's number and date and the leader's signature go are known exactly: numbering, signing and stamping use them.
Fonts: Times New Roman when installed (the standard's font), else Noto Serif; both carry Vietnamese diacritics.
Output is deterministic for the same input (reportlab invariant mode), so test sets and demo files are reproducible.
"""

from __future__ import annotations

import io
import subprocess
import unicodedata
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
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable

from app.domain.date_line import blank_date_line, format_date_line
from app.domain.enums import Confidentiality, RestrictionStamp, Urgency
from app.domain.errors import StorageError

Box = tuple[int, float, float, float, float]  # page index, x0, y0, x1, y1 in PDF points
Color = tuple[float, float, float]

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
TEXT_W = PAGE_W - LEFT - RIGHT
HEADER_LEFT_W = 72 * mm  # issuer block (ô 2); the national title (ô 1) takes the rest of the text width
HEADER_RIGHT_W = TEXT_W - HEADER_LEFT_W
RED = (0.9, 0.0, 0.0)  # "mực màu đỏ tươi"
BLACK = (0.0, 0.0, 0.0)
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
BODY_SIZE, BODY_LEADING = 14.0, 18.0
# ND30 App I §III.2.b: the urgency stamps are 20×8, 40×8 and 30×8 mm; other marks are sized to their text.
URGENCY_MARK = {
    Urgency.URGENT: ("KHẨN", 20 * mm),
    Urgency.VERY_URGENT: ("THƯỢNG KHẨN", 40 * mm),
    Urgency.FLASH: ("HỎA TỐC", 30 * mm),
    Urgency.FLASH_TIMED: ("HỎA TỐC HẸN GIỜ", 50 * mm),
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
FONT_FAMILIES = ("Times New Roman", "Noto Serif")
STYLES = (("Regular", "", 80, 0), ("Bold", ":bold", 200, 0), ("Italic", ":italic", 80, 100),
          ("BoldItalic", ":bold:italic", 200, 100))  # suffix for fc-match, fontconfig weight and slant
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
    year: int | None = None  # year of a draft's blank date line (default: this year)

    @property
    def is_cong_van(self) -> bool:
        return _nfc(self.doc_type).strip().lower() == "công văn"

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
    number_box: Box  # the "Số: ..." line on page 1 (the whole issuer column, so a longer number still fits)
    date_box: Box  # the place and date line on page 1 (the whole right column)


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    bold_italic: str


@cache
def fonts() -> Fonts:
    """Registered once per process; a clear error when no Vietnamese-capable serif font is installed."""
    for family in FONT_FAMILIES:
        found = [_match(family, suffix, weight, slant) for _, suffix, weight, slant in STYLES]
        if all(found):
            return _register(family.replace(" ", ""), [f for f in found if f])
    fallback = [(str(FALLBACK_DIR / f"NotoSerif-{style}.ttf"), 0) for style, *_ in STYLES]
    if all(Path(p).exists() for p, _ in fallback):
        return _register("NotoSerif", fallback)
    raise StorageError("document.font_missing", fonts="Times New Roman, Noto Serif (fonts-noto-core)")


def _match(family: str, suffix: str, weight: int, slant: int) -> tuple[str, int] | None:
    """The file of exactly this family and style: fontconfig substitutes look-alikes (Nimbus, Liberation) and
    synthesises bold from regular, neither of which we want in an official document."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}|%{weight}|%{slant}|%{index}|%{file}", family + suffix],
                             capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = out.split("|", 4)
    if len(parts) != 5:
        return None
    families, found_weight, found_slant, index, path = parts
    if family.lower() not in [f.strip().lower() for f in families.split(",")]:
        return None
    if not path.lower().endswith((".ttf", ".ttc")):  # reportlab cannot embed CFF-flavoured .otf files
        return None
    try:
        if abs(int(found_weight) - weight) > 20 or int(found_slant) != slant:
            return None
        return path, int(index or 0)
    except ValueError:
        return None


def _register(prefix: str, files: list[tuple[str, int]]) -> Fonts:
    names = [f"{prefix}-{style}" for style, *_ in STYLES]
    for name, (path, index) in zip(names, files, strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
            except Exception as exc:  # reportlab raises its own TTFError and plain OSError for a bad file
                raise StorageError("document.font_missing", fonts=f"{path}: {exc}") from exc
    pdfmetrics.registerFontFamily(names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3])
    return Fonts(*names)


def _nfc(text: str) -> str:
    """Decomposed input (macOS, some Word exports) would draw loose combining marks; the fonts want NFC."""
    return unicodedata.normalize("NFC", text)


def balanced_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """As few lines as a greedy wrap needs, but evenly long: "SỞ THÔNG TIN VÀ / TRUYỀN THÔNG", not "... TRUYỀN /
    THÔNG" — the way clerks break the issuer name and the trích yếu by hand."""
    lines = simpleSplit(text, font, size, width)
    if len(lines) <= 1:
        return list(lines)
    lo, hi = max(pdfmetrics.stringWidth(w, font, size) for w in text.split()), width
    for _ in range(20):  # binary search of the narrowest width that keeps the line count
        mid = (lo + hi) / 2
        if len(simpleSplit(text, font, size, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return list(simpleSplit(text, font, size, hi))


def _fit_size(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """A one-line text shrinks a little rather than running into the margin (Noto Serif is wider than Times)."""
    while size > smallest and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.25
    return size


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
        left_x0, left_cx = LEFT, LEFT + HEADER_LEFT_W / 2
        right_x0 = LEFT + HEADER_LEFT_W
        right_x1 = PAGE_W - RIGHT
        right_cx = (right_x0 + right_x1) / 2
        top = PAGE_H - TOP - 12
        c.setStrokeColorRGB(*BLACK)
        c.setFillColorRGB(*BLACK)
        c.setLineWidth(0.6)

        # ô 2: parent agency (caps, normal) and issuer (caps, bold), a short rule under the issuer
        col_w = HEADER_LEFT_W - 2 * mm
        y = top
        if d.parent_agency:
            parent = balanced_lines(_nfc(d.parent_agency).upper(), f.regular, 12.5, col_w)
            y = _centered(c, parent, left_cx, y, f.regular, 12.5, 15)
        issuer = balanced_lines(_nfc(d.issuer_name).upper(), f.bold, 12.5, col_w)
        y = _centered(c, issuer, left_cx, y, f.bold, 12.5, 15)
        last_w = max(pdfmetrics.stringWidth(line, f.bold, 12.5) for line in issuer)
        rule_y = y + 15 - 5  # 5 pt under the last baseline, clear of descenders
        c.line(left_cx - last_w * 0.2, rule_y, left_cx + last_w * 0.2, rule_y)
        left_bottom = rule_y

        # ô 1: national title (caps, bold) and motto (bold), a rule as long as the motto
        title_size = _fit_size(NATIONAL_TITLE, f.bold, 12.5, HEADER_RIGHT_W, 11)
        ry = _centered(c, [NATIONAL_TITLE], right_cx, top, f.bold, title_size, 15)
        motto_size = _fit_size(MOTTO, f.bold, 13.5, HEADER_RIGHT_W, 12)
        ry = _centered(c, [MOTTO], right_cx, ry, f.bold, motto_size, 15)
        half = pdfmetrics.stringWidth(MOTTO, f.bold, motto_size) / 2
        motto_rule = ry + 15 - 5
        c.line(right_cx - half, motto_rule, right_cx + half, motto_rule)

        # ô 3 and ô 4 on one line: "Số: ..." under the issuer, the italic place and date under the motto
        line_y = min(left_bottom, motto_rule) - 20
        c.setFont(f.regular, 13)
        c.drawCentredString(left_cx, line_y, _nfc(d.number_line))
        self.number_box = (0, left_x0, line_y - 4, left_x0 + HEADER_LEFT_W, line_y + 13)
        date_size = _fit_size(_nfc(d.date_line), f.italic, 13.5, HEADER_RIGHT_W, 11.5)
        c.setFont(f.italic, date_size)
        c.drawCentredString(right_cx, line_y, _nfc(d.date_line))
        self.date_box = (0, right_x0, line_y - 4, right_x1, line_y + 14)

        # ô 5b: a công văn's "V/v ..." under the number; ô 10a, 10b: secrecy and urgency marks below it
        y = line_y  # the last baseline drawn in the left column
        if d.is_cong_van:
            summary = balanced_lines(_nfc(d.summary), f.regular, 12, HEADER_LEFT_W - 8 * mm)
            y = _centered(c, summary, left_cx, line_y - 16, f.regular, 12, 14) + 14
        y -= 8
        secret = CONFIDENTIALITY_MARK.get(d.confidentiality)
        if secret:
            y = self._boxed(c, secret, left_cx, y, RED, 0) - 2 * mm
        urgent = URGENCY_MARK.get(d.urgency)
        if urgent:
            y = self._boxed(c, urgent[0], left_cx, y, RED, urgent[1]) - 2 * mm
        # ô 11: circulation mark, under the date line on the right
        ry = line_y - 10
        restricted = RESTRICTION_MARK.get(d.restriction)
        if restricted:
            ry = self._boxed(c, restricted, right_cx, ry, BLACK, 0) - 2 * mm
        self.bottom = min(y, ry, line_y - 12)

    def _boxed(self, c: Canvas, text: str, cx: float, top: float, color: Color, min_width: float) -> float:
        """A single-line box 8 mm high, bold caps, top edge at `top`; returns the bottom edge."""
        size = 13.0
        width = max(min_width, pdfmetrics.stringWidth(text, self.f.bold, size) + 5 * mm)
        height: float = 8 * mm
        c.saveState()
        c.setStrokeColorRGB(*color)
        c.setFillColorRGB(*color)
        c.setLineWidth(1)
        c.rect(cx - width / 2, top - height, width, height)
        c.setFont(self.f.bold, size)
        c.drawCentredString(cx, top - height / 2 - size * 0.35, text)
        c.restoreState()
        return top - height


def _centered(c: Canvas, lines: Sequence[str], cx: float, y: float, font: str, size: float, leading: float) -> float:
    """Draws lines centred on cx from baseline y down; returns the baseline after the last line."""
    c.setFont(font, size)
    for line in lines:
        c.drawCentredString(cx, y, line)
        y -= leading
    return y


class _SignatureBlock(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """"Nơi nhận" on the left, the signer on the right; one flowable so it never splits across pages; records the
    blank space left for the signature image."""

    SIGN_SPACE = 30 * mm
    HEAD_LEADING = 17.0

    def __init__(self, doc: OfficialDocument, f: Fonts, width: float) -> None:
        super().__init__()
        self.doc = doc
        self.f = f
        self.block_width = width
        self.left_w = width * 0.45
        self.recipient_lines: list[tuple[str, float]] = []  # (text, x) with a hanging indent after "- "
        dash_w = pdfmetrics.stringWidth("- ", f.regular, 11)
        for recipient in doc.recipients:
            lines = simpleSplit(_nfc(recipient), f.regular, 11, self.left_w - dash_w)
            self.recipient_lines += [(("- " if i == 0 else "") + line, 0 if i == 0 else dash_w)
                                     for i, line in enumerate(lines)]
        self.right_w = width - self.left_w
        head = [_nfc(doc.signer_authority).upper()] if doc.signer_authority.strip() else []
        lines = [*head, _nfc(doc.signer_position).upper()]
        self.signer_head = [part for line in lines for part in balanced_lines(line, f.bold, 13.5, self.right_w)]
        self.box: Box | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        left = 16 + 13 * len(self.recipient_lines)
        right = self.HEAD_LEADING * len(self.signer_head) + self.SIGN_SPACE + 20
        self.height = max(left, right) + 6
        return self.block_width, self.height

    def draw(self) -> None:
        c, f = self.canv, self.f
        y = self.height - 14
        c.setFont(f.bold_italic, 12)
        c.drawString(0, y, "Nơi nhận:")
        c.setFont(f.regular, 11)
        ly = y - 13
        for line, x in self.recipient_lines:
            c.drawString(x, ly, line)
            ly -= 13
        cx = self.left_w + self.right_w / 2
        ry = _centered(c, self.signer_head, cx, y, f.bold, 13.5, self.HEAD_LEADING)
        top_of_space = ry + self.HEAD_LEADING - 5  # under the descenders of the position line
        name_y = ry + self.HEAD_LEADING - self.SIGN_SPACE - 14
        c.setFont(f.bold, 13.5)
        c.drawCentredString(cx, name_y, _nfc(self.doc.signer_name))
        x0, y0 = c.absolutePosition(self.left_w + 4, name_y + 14)
        x1, y1 = c.absolutePosition(self.block_width - 4, top_of_space)
        self.box = (c.getPageNumber() - 1, x0, y0, x1, y1)


def render(doc: OfficialDocument) -> RenderedPdf:
    f = fonts()
    out = io.BytesIO()
    header = _Header(doc, f)

    def first_page(c: Canvas, _doc: BaseDocTemplate) -> None:
        header.draw(c)

    def later_page(c: Canvas, _doc: BaseDocTemplate) -> None:
        c.setFont(f.regular, 13)
        c.drawCentredString(PAGE_W / 2, PAGE_H - TOP / 2 - 4, str(c.getPageNumber()))

    # The header's height depends on its texts: draw it on a scratch canvas first to know where the body starts.
    header.draw(Canvas(io.BytesIO(), pagesize=A4))
    first_h = header.bottom - BOTTOM
    template_doc = BaseDocTemplate(out, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                                   bottomMargin=BOTTOM, title=_nfc(doc.summary), author=_nfc(doc.issuer_name),
                                   subject=_nfc(doc.doc_type), creator="Văn Thư Desktop", producer="Văn Thư Desktop",
                                   invariant=1)
    template_doc.addPageTemplates([
        PageTemplate("first", [Frame(LEFT, BOTTOM, TEXT_W, first_h, id="f1", leftPadding=0, rightPadding=0,
                                     topPadding=0, bottomPadding=0)],
                     onPage=first_page, autoNextPageTemplate="later"),
        PageTemplate("later", [Frame(LEFT, BOTTOM, TEXT_W, PAGE_H - TOP - BOTTOM - 4 * mm, id="f2",
                                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)],
                     onPage=later_page),
    ])
    body: list[Flowable] = [Paragraph(_esc(p), _body_style(f)) for p in doc.body]
    signature = _SignatureBlock(doc, f, TEXT_W)
    # The signer block never stands alone on the last page: it takes the last paragraph with it (split if too long).
    ending = KeepTogether([*body[-1:], Spacer(1, 3 * mm), signature])
    story = [*_title(doc, f), *body[:-1], ending]
    template_doc.build(story)
    assert signature.box is not None, "the signature block was not drawn"
    return RenderedPdf(out.getvalue(), template_doc.page, signature.box, header.number_box, header.date_box)


def _body_style(f: Fonts) -> ParagraphStyle:
    return ParagraphStyle("body", fontName=f.regular, fontSize=BODY_SIZE, leading=BODY_LEADING,
                          alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6)


def _title(doc: OfficialDocument, f: Fonts) -> list[Flowable]:
    """ô 5a: type name and trích yếu centred, bold, a short rule under; a công văn has "Kính gửi:" instead."""
    if not doc.is_cong_van:
        style = ParagraphStyle("title", fontName=f.bold, fontSize=14, leading=18, alignment=TA_CENTER)
        summary_lines = balanced_lines(_nfc(doc.summary), f.bold, 14, TEXT_W - 20 * mm)
        longest = max((pdfmetrics.stringWidth(line, f.bold, 14) for line in summary_lines), default=100)
        return [Spacer(1, 3 * mm), Paragraph(_esc(doc.doc_type.upper()), style),
                Paragraph("<br/>".join(_esc(line) for line in summary_lines), style),
                HRFlowable(width=max(longest * 0.4, 20 * mm), thickness=0.6, color="black", spaceBefore=5,
                           spaceAfter=12)]
    story: list[Flowable] = [Spacer(1, 2 * mm)]
    label = "Kính gửi: "
    label_w = pdfmetrics.stringWidth(label, f.regular, BODY_SIZE)
    indent = 25 * mm + label_w
    many = len(doc.addressees) > 1
    for i, addressee in enumerate(doc.addressees):
        text = f"- {addressee}" if many else addressee
        story.append(Paragraph(_esc((label if i == 0 else "") + text), ParagraphStyle(
            f"to{i}", fontName=f.regular, fontSize=BODY_SIZE, leading=BODY_LEADING, leftIndent=indent,
            firstLineIndent=-label_w if i == 0 else 0)))
    story.append(Spacer(1, 5 * mm))
    return story


def _esc(text: str) -> str:
    return _nfc(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
    *,
    draft: bool = False,
    place: str = "Hà Tĩnh",
) -> RenderedPdf:
    """The demo office's documents: `issuer` is (name, code, abbreviation, parent agency, -, signer, position,
    authority) as app/services/demo.py lists them. A `draft` leaves the number, day and month blank, as the drafter
    hands it over (the clerk's sealing fills them in)."""
    name, _code, _abbr, parent, _, signer, position, authority = issuer
    is_cong_van = doc_type.strip().lower() == "công văn"
    return render(OfficialDocument(
        parent_agency=parent, issuer_name=name, doc_type=doc_type, number=None if draft else number,
        notation=notation, normative_year=None, place=place, issued=None if draft else issued, summary=summary,
        body=body, signer_authority=authority, signer_position=position, signer_name=signer,
        recipients=["Như trên;", "Lưu: VT."] if is_cong_van else ["Các cơ quan, đơn vị liên quan;", "Lưu: VT."],
        urgency=urgency, addressees=["Các cơ quan, đơn vị có liên quan."] if is_cong_van else [],
        year=issued.year if draft else None,
    ))
