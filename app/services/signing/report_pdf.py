"""The signature verification report as an A4 PDF, in the spirit of an ETSI/EU DSS report: a simple part (one overall
verdict, one line per signature) and a detailed part (per signature: signer, organisation, signing time, integrity,
the chain and its trust anchor, the certificate's validity at signing time, revocation and its source, what changed
after the signature and whether it was allowed, chuyên dùng or public CA, the problems).

Why the wording comes from the caller: the verification panel already words every problem code and revocation line
(app/widgets/signature_badges.py, translated through Qt). The report takes those sentences as `ReportWording`
(a code → sentence callable and a per-signature revocation line) so the paper and the screen never say different
things; only the report's own fixed labels live here (`VI_LABELS`, the default, and `EN_LABELS`).
Fonts are the official documents' (Vietnamese diacritics); the output is deterministic for the same input
(reportlab invariant mode) and written atomically.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.domain.clock import VN_TZ
from app.services.exports import file_name_tag, write_export
from app.services.official_pdf import Fonts, fonts
from app.services.signing.verify import SignatureReport, VerificationReport

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 20 * mm, 15 * mm, 15 * mm, 18 * mm
TEXT_W = PAGE_W - LEFT - RIGHT
LABEL_W = 52 * mm  # the label column of the detail tables
KEEP_ROWS = 4  # rows of a signature's detail kept on the page of its heading
BADGE_COLOURS = {"valid": "#1b5e20", "untrusted": "#8a4b00", "broken": "#b71c1c"}  # as the panel's badges
VERDICT_COLOURS = {"valid": "#1b5e20", "warning": "#8a4b00", "invalid": "#b71c1c"}
VERDICT_BACKGROUNDS = {"valid": "#e7f5ea", "warning": "#fff4e0", "invalid": "#fdecea"}


@dataclass(frozen=True)
class ReportLabels:
    """The report's own fixed words (field names, headings, verdicts); Vietnamese by default."""

    title: str = "BÁO CÁO KIỂM TRA CHỮ KÝ SỐ"
    document_heading: str = "1. Tài liệu được kiểm tra"
    document: str = "Văn bản"
    file_name: str = "Tên tệp"
    sha256: str = "Mã băm SHA-256 của tệp"
    size: str = "Kích thước"
    size_value: str = "{size} byte"
    thousands: str = "."  # the digit group separator of sizes
    signature_count: str = "Số chữ ký số"
    register: str = "Đối chiếu với sổ đăng ký"
    checked_at: str = "Thời điểm kiểm tra"
    software: str = "Phần mềm kiểm tra"
    verdict_heading: str = "2. Kết luận chung"
    verdicts: Mapping[str, str] = field(default_factory=lambda: {
        "valid": "HỢP LỆ",
        "warning": "HỢP LỆ, CÓ LƯU Ý",
        "invalid": "KHÔNG HỢP LỆ",
    })
    verdict_explained: Mapping[str, str] = field(default_factory=lambda: {
        "valid": "Tất cả chữ ký số hợp lệ và là chữ ký số chuyên dùng.",
        "warning": "Tất cả chữ ký số hợp lệ, nhưng có chữ ký không phải chữ ký số chuyên dùng hoặc được đánh giá "
                   "theo quy tắc nới lỏng.",
        "invalid": "Có chữ ký số không hợp lệ, hoặc tài liệu không có chữ ký số hợp lệ.",
    })
    valid_count: str = "{valid}/{count} chữ ký hợp lệ."
    document_problems: str = "Vấn đề của tài liệu"
    simple_heading: str = "3. Báo cáo tóm tắt"
    number: str = "STT"
    signer: str = "Người ký"
    kind: str = "Loại chữ ký"
    signing_time: str = "Thời điểm ký"
    result: str = "Kết quả"
    states: Mapping[str, str] = field(default_factory=lambda: {
        "valid": "Hợp lệ",
        "untrusted": "Nguyên vẹn, chưa được tin cậy",
        "broken": "Không hợp lệ",
    })
    kinds: Mapping[str, str] = field(default_factory=lambda: {
        "person": "Chữ ký cá nhân",
        "organisation": "Chữ ký cơ quan, tổ chức",
    })
    detailed_heading: str = "4. Chi tiết từng chữ ký"
    signature_heading: str = "Chữ ký {number}: {signer}"
    field_name: str = "Trường chữ ký"
    organisation: str = "Cơ quan, tổ chức"
    signing_time_claimed: str = "Thời điểm ký (người ký khai)"
    unknown: str = "Không xác định"
    intact: str = "Toàn vẹn"
    intact_yes: str = "Có: nội dung được ký không bị thay đổi."
    intact_no: str = "Không: nội dung đã bị thay đổi sau khi ký."
    cryptographic: str = "Giá trị chữ ký"
    cryptographic_yes: str = "Khớp với chứng thư số của người ký."
    cryptographic_no: str = "Không khớp với chứng thư số của người ký."
    coverage: str = "Phạm vi được ký"
    coverages: Mapping[str, str] = field(default_factory=lambda: {
        "entire_file": "Toàn bộ tệp",
        "entire_revision": "Toàn bộ phiên bản tại thời điểm ký (có bổ sung sau đó)",
        "contiguous_block_from_start": "Một phần liền từ đầu tệp",
        "unclear": "Không rõ",
    })
    certificate: str = "Chứng thư số"
    issuer: str = "Tổ chức cấp chứng thư"
    serial: str = "Số hiệu chứng thư"
    validity: str = "Thời hạn chứng thư"
    validity_value: str = "Từ {start} đến {end}"
    validity_at_signing: str = "Hiệu lực khi ký"
    at_signing: Mapping[str, str] = field(default_factory=lambda: {
        "valid": "Còn hiệu lực tại thời điểm ký.",
        "expired": "Đã hết hạn tại thời điểm ký.",
        "not_yet_valid": "Chưa có hiệu lực tại thời điểm ký.",
        "unknown": "Không xác định (thiếu thời điểm ký hoặc thời hạn chứng thư).",
    })
    trust: str = "Chuỗi tin cậy"
    trusted_to: str = "Dẫn tới chứng thư gốc tin cậy: {anchor}"
    untrusted: str = "Không dẫn tới chứng thư gốc tin cậy nào trên máy này."
    chain: str = "Chuỗi chứng thư"
    revocation: str = "Tình trạng thu hồi"
    revocation_states: Mapping[str, str] = field(default_factory=lambda: {
        "good": "Không bị thu hồi.",
        "revoked": "Đã bị thu hồi.",
        "not_checked": "Chưa kiểm tra.",
    })
    changes: str = "Thay đổi sau khi ký"
    levels: Mapping[str, str] = field(default_factory=lambda: {
        "none": "Không có thay đổi",
        "lta_updates": "Chỉ bổ sung dữ liệu phục vụ kiểm tra (DSS, dấu thời gian)",
        "form_filling": "Điền biểu mẫu, thêm chữ ký hoặc số, ngày",
        "annotations": "Thêm chú thích",
        "other": "Thay đổi khác",
    })
    changes_allowed: str = "được phép"
    changes_forbidden: str = "KHÔNG được phép"
    changed_fields: str = "Trường đã thay đổi: {fields}"
    certification: str = "Chữ ký chứng thực (DocMDP)"
    certifications: Mapping[str, str] = field(default_factory=lambda: {
        "no_changes": "Không cho phép thay đổi",
        "fill_forms": "Cho phép điền biểu mẫu và ký",
        "annotate": "Cho phép điền biểu mẫu, ký và thêm chú thích",
    })
    ca_type: str = "Loại chữ ký số"
    chuyen_dung: str = "Chữ ký số chuyên dùng Chính phủ (Ban Cơ yếu Chính phủ)."
    claims_chuyen_dung: str = ("Tổ chức cấp ghi là Ban Cơ yếu Chính phủ, nhưng chứng thư gốc chuyên dùng chưa được "
                               "cấu hình trên máy này.")
    public_ca: str = "Chữ ký số công cộng (không phải chữ ký số chuyên dùng)."
    problems: str = "Vấn đề"
    no_problems: str = "Không có."
    footer: str = "Báo cáo do {software} lập tự động lúc {checked_at}. Trang {page}."


VI_LABELS = ReportLabels()
EN_LABELS = ReportLabels(
    title="SIGNATURE VERIFICATION REPORT",
    document_heading="1. Document checked",
    document="Document",
    file_name="File name",
    sha256="SHA-256 of the file",
    size="Size",
    size_value="{size} bytes",
    thousands=",",
    signature_count="Digital signatures",
    register="Compared with the register",
    checked_at="Checked at",
    software="Checked with",
    verdict_heading="2. Overall verdict",
    verdicts={"valid": "VALID", "warning": "VALID, WITH WARNINGS", "invalid": "NOT VALID"},
    verdict_explained={
        "valid": "Every digital signature is valid and a specialised (chuyên dùng) government signature.",
        "warning": "Every digital signature is valid, but at least one is not a specialised (chuyên dùng) signature "
                   "or was judged by the lenient rule.",
        "invalid": "At least one digital signature is not valid, or the document has no valid digital signature.",
    },
    valid_count="{valid} of {count} signatures valid.",
    document_problems="Problems of the document",
    simple_heading="3. Simple report",
    number="No.",
    signer="Signer",
    kind="Kind",
    signing_time="Signing time",
    result="Result",
    states={"valid": "Valid", "untrusted": "Intact, but not trusted", "broken": "Not valid"},
    kinds={"person": "Personal signature", "organisation": "Organisation signature"},
    detailed_heading="4. Detailed report",
    signature_heading="Signature {number}: {signer}",
    field_name="Signature field",
    organisation="Organisation",
    signing_time_claimed="Signing time (claimed by the signer)",
    unknown="Unknown",
    intact="Intact",
    intact_yes="Yes: the signed content is unchanged.",
    intact_no="No: the content was altered after signing.",
    cryptographic="Signature value",
    cryptographic_yes="Matches the signer's certificate.",
    cryptographic_no="Does not match the signer's certificate.",
    coverage="Signed extent",
    coverages={"entire_file": "The entire file",
               "entire_revision": "The entire revision it signed (updates were added later)",
               "contiguous_block_from_start": "A contiguous part from the start of the file",
               "unclear": "Unclear"},
    certificate="Certificate",
    issuer="Issued by",
    serial="Serial number",
    validity="Certificate validity",
    validity_value="From {start} to {end}",
    validity_at_signing="Valid when signed",
    at_signing={"valid": "Valid at the signing time.", "expired": "Expired at the signing time.",
                "not_yet_valid": "Not yet valid at the signing time.",
                "unknown": "Unknown (no signing time or no certificate validity)."},
    trust="Trust",
    trusted_to="Chains to the trusted root certificate: {anchor}",
    untrusted="Does not chain to any trusted root certificate on this computer.",
    chain="Certificate chain",
    revocation="Revocation",
    revocation_states={"good": "Not revoked.", "revoked": "Revoked.", "not_checked": "Not checked."},
    changes="Changes after signing",
    levels={"none": "No changes", "lta_updates": "Only validation data added (DSS, timestamps)",
            "form_filling": "Form filling, new signatures or number and date", "annotations": "Annotations added",
            "other": "Other changes"},
    changes_allowed="allowed",
    changes_forbidden="NOT allowed",
    changed_fields="Fields changed: {fields}",
    certification="Certification signature (DocMDP)",
    certifications={"no_changes": "No changes allowed", "fill_forms": "Form filling and signing allowed",
                    "annotate": "Form filling, signing and annotations allowed"},
    ca_type="Kind of certificate",
    chuyen_dung="Specialised (chuyên dùng) government signature (Government Cipher Committee).",
    claims_chuyen_dung=("The issuer names the Government Cipher Committee, but the specialised root certificate is "
                        "not configured on this computer."),
    public_ca="Public CA signature (not a specialised chuyên dùng signature).",
    problems="Problems",
    no_problems="None.",
    footer="Report made by {software} at {checked_at}. Page {page}.",
)


@dataclass(frozen=True)
class ReportWording:
    """Labels plus the caller's sentences: `problem(code)` words a problem code, `revocation(sig)` gives one
    signature's revocation line (source or why not checked). Without them the codes and bare states are shown."""

    labels: ReportLabels = VI_LABELS
    problem: Callable[[str], str] = str
    revocation: Callable[[SignatureReport], str] | None = None


@dataclass(frozen=True)
class CheckedFile:
    """What was checked: the file and, when known, the document it belongs to ("Quyết định 45/QĐ-STTTT")."""

    file_name: str
    sha256: str
    size: int
    checked_at: datetime
    document: str = ""
    software: str = ""  # default: `software()`
    register: str = ""  # the register's answer about this file, worded (the signature count and hash it recorded)


@cache
def software() -> str:
    """"Văn Thư Desktop 0.1.0 (pyHanko 0.38.0)": the program and the library that judged the signatures."""
    from importlib import metadata

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    return f"Văn Thư Desktop {version('vanthu-desktop')} (pyHanko {version('pyhanko')})"


def render_report(report: VerificationReport, checked: CheckedFile, wording: ReportWording | None = None) -> bytes:
    """The report as PDF bytes (A4; one page for two signatures in the simple part, the detail flows on)."""
    wording = wording or ReportWording()
    lab = wording.labels
    f = fonts()
    st = _styles(f)
    checked_at = _moment(checked.checked_at)
    program = checked.software or software()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=f"{lab.title} — {_nfc(checked.file_name)}", author=program, subject=_nfc(checked.document),
        creator="Văn Thư Desktop", producer="Văn Thư Desktop", invariant=1,
    )

    def footer(canvas: Any, page_doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(f.italic, 8.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(LEFT, BOTTOM - 8 * mm, _nfc(lab.footer.format(
            software=program, checked_at=checked_at, page=page_doc.page)))
        canvas.restoreState()

    story: list[Flowable] = [Paragraph(_esc(lab.title), st["title"])]
    story += _identification(report, checked, lab, st, checked_at, program)
    story += _verdict(report, wording, st)
    if report.signatures:
        story += _simple(report, lab, st)
        story.append(Paragraph(_esc(lab.detailed_heading), st["section"]))
        for number, sig in enumerate(report.signatures, start=1):
            story += _detail(number, sig, wording, st)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def write_report(report: VerificationReport, checked: CheckedFile, target: Path,
                 wording: ReportWording | None = None) -> Path:
    """Render and write atomically (a failed write leaves no half file; `export.write_failed` says why)."""
    return write_export(render_report(report, checked, wording), target, prefix="verification")


def report_file_name(tag: str) -> str:
    """"45-QD-STTTT-kiem-tra-chu-ky.pdf": the document number (or file stem) made safe for every file system."""
    return f"{file_name_tag(tag) or 'van-ban'}-kiem-tra-chu-ky.pdf"


def validity_at_signing(sig: SignatureReport) -> str:
    """"valid", "expired", "not_yet_valid" or "unknown": the certificate's validity at the claimed signing time."""
    if sig.signing_time is None or sig.certificate_not_before is None or sig.certificate_not_after is None:
        return "unknown"
    if sig.signing_time < sig.certificate_not_before:
        return "not_yet_valid"
    if sig.signing_time > sig.certificate_not_after:
        return "expired"
    return "valid"


# ---- pieces of the report --------------------------------------------------------------------------------------


def _styles(f: Fonts) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle("title", fontName=f.bold, fontSize=15, leading=20, alignment=1, spaceAfter=6),
        "section": ParagraphStyle("section", fontName=f.bold, fontSize=12.5, leading=16, spaceBefore=8,
                                  spaceAfter=4, keepWithNext=1),
        "body": ParagraphStyle("body", fontName=f.regular, fontSize=10.5, leading=13.5),
        "label": ParagraphStyle("label", fontName=f.bold, fontSize=10, leading=13),
        "cell": ParagraphStyle("cell", fontName=f.regular, fontSize=10, leading=13),
        "mono": ParagraphStyle("mono", fontName="Courier", fontSize=8.5, leading=11),
        "verdict": ParagraphStyle("verdict", fontName=f.bold, fontSize=14, leading=18),
        "sig": ParagraphStyle("sig", fontName=f.bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=3,
                              keepWithNext=1),
    }


def _identification(report: VerificationReport, checked: CheckedFile, lab: ReportLabels,
                    st: dict[str, ParagraphStyle], checked_at: str, program: str) -> list[Flowable]:
    rows: list[tuple[str, Flowable]] = []
    if checked.document.strip():
        rows.append((lab.document, _p(checked.document, st["cell"])))
    rows += [
        (lab.file_name, _p(checked.file_name, st["cell"])),
        (lab.sha256, Paragraph(_esc(checked.sha256), st["mono"])),
        (lab.size, _p(lab.size_value.format(size=f"{checked.size:,}".replace(",", lab.thousands)), st["cell"])),
        (lab.signature_count, _p(str(len(report.signatures)), st["cell"])),
        *([(lab.register, _p(checked.register, st["cell"]))] if checked.register.strip() else []),
        (lab.checked_at, _p(checked_at, st["cell"])),
        (lab.software, _p(program, st["cell"])),
    ]
    return [Paragraph(_esc(lab.document_heading), st["section"]), _fields(rows, st)]


def _verdict(report: VerificationReport, wording: ReportWording, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    lab = wording.labels
    verdict = report.verdict
    colour = VERDICT_COLOURS[verdict]
    lines: list[Flowable] = [
        Paragraph(f'<font color="{colour}">{_esc(lab.verdicts[verdict])}</font>', st["verdict"]),
        _p(lab.verdict_explained[verdict], st["body"]),
    ]
    if report.signatures:
        valid = sum(1 for s in report.signatures if s.valid)
        lines.append(_p(lab.valid_count.format(valid=valid, count=len(report.signatures)), st["body"]))
    if report.problems:
        lines.append(_p(f"{lab.document_problems}: " + " ".join(wording.problem(p) or p for p in report.problems),
                        st["body"]))
    box = Table([[lines]], colWidths=[TEXT_W])
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(VERDICT_BACKGROUNDS[verdict])),
        ("BOX", (0, 0), (-1, -1), 1, colors.HexColor(colour)),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return [Paragraph(_esc(lab.verdict_heading), st["section"]), box]


def _simple(report: VerificationReport, lab: ReportLabels, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """One line per signature: number, signer (and organisation), kind, signing time, coloured result."""
    head = [Paragraph(_esc(t), st["label"]) for t in (lab.number, lab.signer, lab.kind, lab.signing_time,
                                                        lab.result)]
    rows: list[list[Flowable]] = [head]
    for number, sig in enumerate(report.signatures, start=1):
        colour = BADGE_COLOURS[sig.badge]
        rows.append([
            _p(str(number), st["cell"]),
            _p(_who(sig), st["cell"]),
            _p(lab.kinds.get(sig.kind, sig.kind), st["cell"]),
            _p(sig.signing_time_text or lab.unknown, st["cell"]),
            Paragraph(f'<font color="{colour}"><b>{_esc(lab.states[sig.badge])}</b></font>', st["cell"]),
        ])
    widths = [12 * mm, TEXT_W - 12 * mm - 34 * mm - 40 * mm - 36 * mm, 34 * mm, 40 * mm, 36 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return [Paragraph(_esc(lab.simple_heading), st["section"]), table]


def _detail(number: int, sig: SignatureReport, wording: ReportWording,
            st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """One signature's fields; the table may break between rows, its heading stays with the first ones."""
    lab = wording.labels
    colour = BADGE_COLOURS[sig.badge]
    heading = Paragraph(
        _esc(lab.signature_heading.format(number=number, signer=sig.signer))
        + f' — <font color="{colour}">{_esc(lab.states[sig.badge])}</font>', st["sig"])
    rows: list[tuple[str, Flowable]] = [
        (lab.signer, _p(sig.signer, st["cell"])),
        (lab.organisation, _p(sig.organisation or lab.unknown, st["cell"])),
        (lab.kind, _p(lab.kinds.get(sig.kind, sig.kind), st["cell"])),
        (lab.field_name, _p(sig.field_name, st["cell"])),
        (lab.signing_time_claimed, _p(sig.signing_time_text or lab.unknown, st["cell"])),
        (lab.intact, _p(lab.intact_yes if sig.intact else lab.intact_no, st["cell"])),
        (lab.cryptographic, _p(lab.cryptographic_yes if sig.cryptographically_valid else lab.cryptographic_no,
                               st["cell"])),
        (lab.coverage, _p(lab.coverages.get(sig.coverage, sig.coverage), st["cell"])),
        (lab.certificate, _p(sig.certificate_subject, st["cell"])),
        (lab.issuer, _p(sig.certificate_issuer, st["cell"])),
        (lab.serial, Paragraph(_esc(sig.certificate_serial), st["mono"])),
    ]
    if sig.certificate_not_before is not None and sig.certificate_not_after is not None:
        rows.append((lab.validity, _p(lab.validity_value.format(start=_moment(sig.certificate_not_before),
                                                               end=_moment(sig.certificate_not_after)), st["cell"])))
    rows.append((lab.validity_at_signing, _p(lab.at_signing[validity_at_signing(sig)], st["cell"])))
    trust = lab.trusted_to.format(anchor=sig.trust_anchor or lab.unknown) if sig.trusted else lab.untrusted
    rows.append((lab.trust, _p(trust, st["cell"])))
    if sig.chain:
        rows.append((lab.chain, Paragraph("<br/>".join(f"{i}. {_esc(s)}" for i, s in enumerate(sig.chain, 1)),
                                          st["cell"])))
    line = wording.revocation(sig) if wording.revocation is not None else ""
    rows.append((lab.revocation, _p(line or lab.revocation_states.get(sig.revocation, sig.revocation), st["cell"])))
    rows.append((lab.changes, _p(_changes(sig, lab), st["cell"])))
    if sig.certification:
        rows.append((lab.certification, _p(lab.certifications.get(sig.certification, sig.certification),
                                           st["cell"])))
    ca = lab.chuyen_dung if sig.chuyen_dung else lab.claims_chuyen_dung if sig.claims_chuyen_dung else lab.public_ca
    rows.append((lab.ca_type, _p(ca, st["cell"])))
    problems = [wording.problem(p) or p for p in sig.problems]
    rows.append((lab.problems, Paragraph("<br/>".join(f"• {_esc(p)}" for p in problems) or _esc(lab.no_problems),
                                         st["cell"])))
    # the first rows go with the heading; the rest is a table of its own, free to break across pages
    return [heading, _fields(rows[:KEEP_ROWS], st), _fields(rows[KEEP_ROWS:], st), Spacer(1, 2 * mm)]


def _changes(sig: SignatureReport, lab: ReportLabels) -> str:
    level = lab.levels.get(sig.modification_level or "", lab.unknown)
    text = f"{level} ({lab.changes_allowed if sig.modifications_allowed else lab.changes_forbidden})"
    if sig.changed_form_fields:
        text += ". " + lab.changed_fields.format(fields=", ".join(sig.changed_form_fields))
    return text


def _fields(rows: list[tuple[str, Flowable]], st: dict[str, ParagraphStyle]) -> Table:
    table = Table([[Paragraph(_esc(label), st["label"]), value] for label, value in rows],
                  colWidths=[LABEL_W, TEXT_W - LABEL_W])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#cccccc")),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _who(sig: SignatureReport) -> str:
    if sig.organisation and sig.organisation != sig.signer:
        return f"{sig.signer} ({sig.organisation})"
    return sig.signer


def _moment(value: datetime) -> str:
    """"25/11/2026 09:15:30 +07:00", as the panel shows signing times (Vietnam time)."""
    local = value.astimezone(VN_TZ) if value.tzinfo is not None else value
    return local.strftime("%d/%m/%Y %H:%M:%S +07:00")


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_esc(text), style)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _esc(text: str) -> str:
    return _nfc(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
