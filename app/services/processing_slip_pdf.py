"""The processing slip (phiếu giải quyết văn bản đến) as an A4 PDF: the paper that travels with an incoming document
from the leader's desk to whoever handles it, with the document's data, the leader's direction, the lead and
coordinators, the deadline, and room for the lead unit's and the handler's notes and signatures.

Offices still file it with the paper copy, so it follows the usual printed form: agency and national title on top,
three numbered sections, "(Ký, ghi rõ họ tên)" under each signer. A slip with no direction yet (printed straight
from the inbox for the leader to write on by hand) leaves ruled lines where the text would go.
Fonts are those of the official documents (Times New Roman, else Noto Serif), which carry Vietnamese diacritics;
the output is deterministic for the same slip (reportlab invariant mode), so tests can compare files.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from app.domain.clock import VN_TZ
from app.domain.enums import Urgency
from app.domain.workflow import ProcessingSlip
from app.services.exports import file_name_tag, write_export
from app.services.official_pdf import MOTTO, NATIONAL_TITLE, Fonts, balanced_lines, fonts

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 25 * mm, 15 * mm, 15 * mm, 15 * mm
TEXT_W = PAGE_W - LEFT - RIGHT
TITLE = "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN"
URGENCY_WORDS: dict[Urgency, str] = {
    Urgency.NORMAL: "Thường",
    Urgency.URGENT: "Khẩn",
    Urgency.VERY_URGENT: "Thượng khẩn",
    Urgency.FLASH: "Hỏa tốc",
    Urgency.FLASH_TIMED: "Hỏa tốc hẹn giờ",
}
SIGN_HINT = "(Ký, ghi rõ họ tên)"
BLANK_LINES = 4  # ruled lines left for the leader's hand when the slip is printed before the direction
NOTE_LINES = 2  # ruled lines for the lead unit's and the handler's notes
SIGN_SPACE = 13 * mm
HEAD_SIZE = 12.0
HEAD_SPLIT = 0.42  # the agency's share of the header width; the national title takes the rest


def render_processing_slip(slip: ProcessingSlip) -> bytes:
    """The slip as PDF bytes (one A4 page for an ordinary direction; a long one flows on)."""
    f = fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=f"{TITLE} {slip.number_notation}".strip(), author=_nfc(slip.agency_name), subject=_nfc(slip.summary),
        creator="Văn Thư Desktop", producer="Văn Thư Desktop", invariant=1,
    )
    story: list[Flowable] = [*_header(slip, f), *_document_info(slip, f), *_leader_section(slip, f),
                             *_unit_section(f), *_handler_section(slip, f)]
    doc.build(story)
    return out.getvalue()


def write_processing_slip(slip: ProcessingSlip, target: Path) -> Path:
    """Render and write atomically (a failed write leaves no half file; `export.write_failed` says why)."""
    return write_export(render_processing_slip(slip), target, prefix="slip")


def slip_file_name(slip: ProcessingSlip) -> str:
    """"Phieu-giai-quyet_123-UBND-VP.pdf": the number/notation made safe for every file system."""
    tag = slip.number_notation or (str(slip.incoming_number) if slip.incoming_number else slip.document_id[:8])
    return f"Phieu-giai-quyet_{file_name_tag(tag) or 'van-ban'}.pdf"


# ---- pieces of the page ----------------------------------------------------------------------------------------


def _styles(f: Fonts) -> dict[str, ParagraphStyle]:
    return {
        "head": ParagraphStyle("head", fontName=f.bold, fontSize=HEAD_SIZE, leading=15, alignment=TA_CENTER),
        "title": ParagraphStyle("title", fontName=f.bold, fontSize=15, leading=20, alignment=TA_CENTER,
                                spaceBefore=8, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", fontName=f.italic, fontSize=12, leading=15, alignment=TA_CENTER,
                                   spaceAfter=6),
        "body": ParagraphStyle("body", fontName=f.regular, fontSize=13, leading=16.5, alignment=TA_LEFT, spaceAfter=2),
        "section": ParagraphStyle("section", fontName=f.bold, fontSize=13, leading=17, spaceBefore=6,
                                  spaceAfter=3),
        "direction": ParagraphStyle("direction", fontName=f.italic, fontSize=13, leading=17, leftIndent=5 * mm,
                                    spaceAfter=3),
        "sign": ParagraphStyle("sign", fontName=f.bold, fontSize=13, leading=16, alignment=TA_CENTER),
        "sign_hint": ParagraphStyle("sign_hint", fontName=f.italic, fontSize=12, leading=15, alignment=TA_CENTER),
        "sign_date": ParagraphStyle("sign_date", fontName=f.italic, fontSize=12.5, leading=16, alignment=TA_CENTER),
        "urgent": ParagraphStyle("urgent", fontName=f.bold, fontSize=13, leading=17, textColor="#e00000"),
        "small": ParagraphStyle("small", fontName=f.italic, fontSize=9, leading=11, textColor="#555555"),
    }


def _header(slip: ProcessingSlip, f: Fonts) -> list[Flowable]:
    """Agency on the left, national title and motto on the right (each with its short rule), then the title."""
    st = _styles(f)
    agency = balanced_lines(_nfc(slip.agency_name.upper()), f.bold, HEAD_SIZE, TEXT_W * HEAD_SPLIT - 4 * mm)
    left = [Paragraph("<br/>".join(_esc(line) for line in agency) or "&nbsp;", st["head"]),
            HRFlowable(width="30%", thickness=0.6, color="black", spaceBefore=3, spaceAfter=0)]
    right = [Paragraph(_esc(NATIONAL_TITLE), st["head"]), Paragraph(_esc(MOTTO), st["head"]),
             HRFlowable(width="68%", thickness=0.6, color="black", spaceBefore=3, spaceAfter=0)]
    table = Table([[left, right]], colWidths=[TEXT_W * HEAD_SPLIT, TEXT_W * (1 - HEAD_SPLIT)])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    subtitle = []
    if slip.incoming_number is not None:
        subtitle.append(f"Số đến: {slip.incoming_number}")
    subtitle.append(f"Ngày đến: {_moment(slip.received_at)}")
    return [table, Spacer(1, 6 * mm), Paragraph(TITLE, st["title"]),
            Paragraph(_esc("   —   ".join(subtitle)), st["subtitle"])]


def _document_info(slip: ProcessingSlip, f: Fonts) -> list[Flowable]:
    st = _styles(f)
    rows = [
        ("Cơ quan ban hành", slip.issuer_name),
        ("Số, ký hiệu", slip.number_notation),
        ("Ngày văn bản", _day(slip.issued_date)),
        ("Trích yếu", slip.summary),
    ]
    flow: list[Flowable] = [Paragraph("THÔNG TIN VĂN BẢN ĐẾN", st["section"])]
    flow += [_field(label, value, st) for label, value in rows]
    urgency = URGENCY_WORDS[slip.urgency]
    style = st["urgent"] if slip.urgency.is_urgent else st["body"]
    flow.append(Paragraph(f"<b>Độ khẩn:</b> {_esc(urgency.upper() if slip.urgency.is_urgent else urgency)}", style))
    return flow


def _leader_section(slip: ProcessingSlip, f: Fonts) -> list[Flowable]:
    """1. The leader's direction, lead, coordinators and deadline, signed by who directed (KT. when a deputy)."""
    st = _styles(f)
    flow: list[Flowable] = [Paragraph("1. Ý KIẾN CHỈ ĐẠO CỦA LÃNH ĐẠO CƠ QUAN", st["section"])]
    blank = not slip.direction_text.strip() and not slip.lead and not slip.for_information
    if slip.direction_text.strip():
        flow += [Paragraph(_esc(line), st["direction"]) for line in slip.direction_text.strip().splitlines()
                 if line.strip()]
    else:
        flow += _ruled_lines(BLANK_LINES if blank else 1)
    if slip.for_information:
        flow.append(_field("Hình thức xử lý", "Để biết (không giao xử lý)", st))
    if slip.lead or not slip.for_information:
        flow.append(_field("Đơn vị/cá nhân chủ trì", slip.lead, st))
    if slip.coordinators or not slip.for_information:
        flow.append(_field("Đơn vị/cá nhân phối hợp", ", ".join(slip.coordinators), st))
    if not slip.for_information:
        flow.append(_field("Thời hạn giải quyết", _day(slip.deadline), st))
    signer = slip.directed_by_name or slip.leader_name
    note = ""
    if slip.acting_for and slip.directed_by_name and slip.directed_by_name != slip.acting_for:
        note = f"(Ký thay đồng chí {slip.acting_for} theo ủy quyền)"
    when = _date_line(_local(slip.directed_at).date()) if not blank else "Ngày ..... tháng ..... năm ........"
    flow.append(_signature(["LÃNH ĐẠO CƠ QUAN"], signer if not blank else "", when, st, note))
    return flow


def _unit_section(f: Fonts) -> list[Flowable]:
    st = _styles(f)
    return [Paragraph("2. Ý KIẾN CỦA LÃNH ĐẠO ĐƠN VỊ CHỦ TRÌ", st["section"]), *_ruled_lines(NOTE_LINES),
            _signature(["LÃNH ĐẠO ĐƠN VỊ"], "", "Ngày ..... tháng ..... năm ........", st)]


def _handler_section(slip: ProcessingSlip, f: Fonts) -> list[Flowable]:
    st = _styles(f)
    flow: list[Flowable] = [Paragraph("3. Ý KIẾN ĐỀ XUẤT, KẾT QUẢ GIẢI QUYẾT CỦA NGƯỜI XỬ LÝ", st["section"])]
    if slip.result_text.strip():
        flow += [Paragraph(_esc(line), st["direction"]) for line in slip.result_text.strip().splitlines()
                 if line.strip()]
    else:
        flow += _ruled_lines(NOTE_LINES)
    flow.append(_signature(["NGƯỜI XỬ LÝ"], "", "Ngày ..... tháng ..... năm ........", st))
    flow.append(Spacer(1, 3 * mm))
    flow.append(Paragraph(_esc(f"Mã văn bản trong hệ thống: {slip.document_id}"), st["small"]))
    return flow


def _field(label: str, value: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    shown = _esc(value) if value.strip() else "." * 60
    return Paragraph(f"<b>{_esc(label)}:</b> {shown}", st["body"])


def _ruled_lines(count: int) -> list[Flowable]:
    return [HRFlowable(width="100%", thickness=0.4, color="#888888", dash=(1, 2), spaceBefore=12, spaceAfter=2)
            for _ in range(count)]


def _signature(
    heading: list[str], name: str, when: str, st: dict[str, ParagraphStyle], note: str = ""
) -> Flowable:
    """A signer block on the right half: date line, title, hint, room to sign, name (and a deputy's "ký thay"
    note); kept on one page."""
    block: list[Flowable] = [Paragraph(_esc(when), st["sign_date"])]
    block += [Paragraph(_esc(line), st["sign"]) for line in heading]
    block += [Paragraph(SIGN_HINT, st["sign_hint"]), Spacer(1, SIGN_SPACE),
              Paragraph(_esc(name) or "&nbsp;", st["sign"])]
    if note:
        block.append(Paragraph(_esc(note), st["sign_hint"]))
    table = Table([["", block]], colWidths=[TEXT_W * 0.45, TEXT_W * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([table])


def _date_line(day: date) -> str:
    return f"Ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _local(value: datetime) -> datetime:
    """Stored moments may come back in UTC; the slip speaks the office's time."""
    return value.astimezone(VN_TZ) if value.tzinfo is not None else value


def _moment(value: datetime) -> str:
    return _local(value).strftime("%H:%M, %d/%m/%Y")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _esc(text: str) -> str:
    return _nfc(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
