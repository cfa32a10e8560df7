"""The checks of seed Art 8.2 on an arrived package, before anything is registered.

A package is good when it parses safely, is complete (every attachment present, each matching the hash its XML
signature covers), is meant for us, and every PDF in it carries signatures that are intact and trusted. Anything
else gives reasons (stable codes with parameters) and the package goes to quarantine; the reasons also become the
text of the "từ chối tiếp nhận" status sent back. Hostile input (XXE, bombs, oversize) ends here as a reason,
never as a crash of the receiver.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.domain.enums import Urgency
from app.domain.errors import DomainError
from app.services.exchange.edxml import parse_package
from app.services.exchange.errors import ExchangeError
from app.services.exchange.model import (
    Attachment,
    EdxmlDocument,
    EdxmlLimits,
    EdxmlStatus,
    ParsedDocument,
    ParseWarning,
    is_ancestor_code,
    is_valid_agency_code,
)
from app.services.registry import IncomingForm
from app.services.signing.verify import VerificationReport
from app.store.exchange_repository import MessageKind, Reason

log = logging.getLogger(__name__)

Verifier = Callable[[bytes], VerificationReport]
PDF = "application/pdf"


@dataclass
class CheckedPackage:
    """What the checks found; `attachments_dir` holds the decoded files until `cleanup`."""

    kind: MessageKind
    document: EdxmlDocument | None = None
    status: EdxmlStatus | None = None
    reasons: list[Reason] = field(default_factory=list)
    warnings: tuple[ParseWarning, ...] = ()
    reports: list[tuple[str, VerificationReport]] = field(default_factory=list)
    attachments_dir: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.reasons

    @property
    def main_pdf(self) -> Attachment | None:
        if self.document is None:
            return None
        return next((a for a in self.document.attachments if a.content_type == PDF), None)

    def cleanup(self) -> None:
        if self.attachments_dir is not None:
            shutil.rmtree(self.attachments_dir, ignore_errors=True)
            self.attachments_dir = None


class PackageChecker:
    """Seed Art 8.2 checks. `verify` judges a PDF's signatures (SigningService.verify with the trust anchors)."""

    def __init__(self, verify: Verifier, *, own_code: str | None = None, limits: EdxmlLimits | None = None,
                 work_dir: Path | None = None, in_memory_bytes: int = 16 * 1024 * 1024) -> None:
        self._verify = verify
        self._own_code = own_code
        self._limits = limits or EdxmlLimits()
        self._work_dir = work_dir
        self._in_memory_bytes = in_memory_bytes  # smaller packages decode in memory; big ones stream to files

    def check(self, package: Path, sender: str) -> CheckedPackage:
        folder: Path | None = None
        if package.stat().st_size > self._in_memory_bytes:
            if self._work_dir is not None:
                self._work_dir.mkdir(parents=True, exist_ok=True)
            folder = Path(tempfile.mkdtemp(prefix="edxml-", dir=self._work_dir))
        try:
            parsed = parse_package(package, attachments_dir=folder, limits=self._limits, allow_bad_signature=True)
        except ExchangeError as exc:
            _remove(folder)
            return CheckedPackage(MessageKind.EDOC, reasons=[_reason(exc)])
        except Exception as exc:  # hostile bytes must never stop the receiver: keep the package, say why
            log.exception("package from %s could not be read", sender)
            _remove(folder)
            return CheckedPackage(MessageKind.EDOC, reasons=[Reason.of("exchange.package_unreadable",
                                                                        detail=type(exc).__name__)])
        if not isinstance(parsed, ParsedDocument):
            _remove(folder)
            result = CheckedPackage(MessageKind.STATUS, status=parsed.status, warnings=parsed.warnings)
            if parsed.signature.signed and not parsed.signature.valid:
                result.reasons.append(Reason.of(parsed.signature.problem or "exchange.signature_invalid"))
            return result
        result = CheckedPackage(MessageKind.EDOC, document=parsed.document, warnings=parsed.warnings,
                                attachments_dir=folder)
        if parsed.signature.signed and not parsed.signature.valid:
            result.reasons.append(Reason.of(parsed.signature.problem or "exchange.signature_invalid",
                                            subject=parsed.signature.subject))
        self._check_addressing(parsed.document, sender, result)
        self._check_files(parsed.document, result)
        return result

    def _check_addressing(self, doc: EdxmlDocument, sender: str, result: CheckedPackage) -> None:
        claimed = doc.from_agency.organ_id
        if is_valid_agency_code(claimed) and is_valid_agency_code(sender) and claimed != sender \
                and not is_ancestor_code(sender, claimed):  # a district relaying its commune's USB package
            result.reasons.append(Reason.of("exchange.sender_mismatch", claimed=claimed, sender=sender))
        recipients = [o.organ_id for o in doc.to_agencies if is_valid_agency_code(o.organ_id)]
        if self._own_code and recipients and self._own_code not in recipients:
            result.reasons.append(Reason.of("exchange.not_for_us", recipients=", ".join(recipients)))

    def _check_files(self, doc: EdxmlDocument, result: CheckedPackage) -> None:
        pdfs = [a for a in doc.attachments if a.content_type == PDF]
        if not pdfs:
            result.reasons.append(Reason.of("exchange.no_pdf"))
            return
        for att in pdfs:
            try:
                data = att.read_bytes()
            except (ExchangeError, OSError):
                result.reasons.append(Reason.of("edxml.attachment_missing", name=att.name))
                continue
            try:
                report = self._verify(data)
            except DomainError as exc:
                result.reasons.append(Reason.of(exc.code, name=att.name))
                continue
            result.reports.append((att.name, report))
            if not report.all_valid:
                for code in _problems(report):
                    result.reasons.append(Reason.of(code, name=att.name))


def _remove(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def _problems(report: VerificationReport) -> list[str]:
    """The blocking problem codes of a report, each once, in the order found."""
    codes = list(report.problems)
    for sig in report.signatures:
        if not sig.valid:
            codes += [p for p in sig.problems if p not in ("certificate.not_chuyen_dung", "policy.lenient_new_fields")]
            if not sig.problems:
                codes.append("signature.invalid")
    return list(dict.fromkeys(codes)) or ["signature.invalid"]


def _reason(exc: DomainError) -> Reason:
    return Reason.of(exc.code, **{k: v for k, v in exc.params.items() if isinstance(v, str | int)})


def incoming_form(doc: EdxmlDocument, today: date) -> IncomingForm:
    """The registry fields an electronic arrival fills by itself (ND30 App VI §III.1.g)."""
    summary = doc.subject.strip() or doc.content.strip() or doc.type_name or "Văn bản điện tử"
    return IncomingForm(
        issuer_name=(doc.from_agency.name or doc.from_agency.organ_id).strip(),
        number_notation=f"{doc.code_number}/{doc.code_notation}",
        issued_date=doc.promulgation_date or today,
        doc_type=doc.type_name.strip() or "Công văn",
        summary=summary,
        urgency=doc.priority if isinstance(doc.priority, Urgency) else Urgency.NORMAL,
        page_count=doc.page_amount or 0,
        issuer_code=doc.from_agency.organ_id if is_valid_agency_code(doc.from_agency.organ_id) else None,
        signer_name=doc.signer.full_name or None,
        note="Nhận qua trục liên thông",
    )


def describe(reasons: list[Reason] | tuple[Reason, ...]) -> str:
    """The refusal text for the sender (§5.5 wants the reason in Description), in Vietnamese with the codes."""
    parts = []
    for r in reasons:
        text = REFUSAL_TEXT.get(r.code, r.code)
        params = ", ".join(f"{k}={v}" for k, v in r.params if k in ("name", "detail", "claimed", "recipients"))
        parts.append(f"{text} [{r.code}{': ' + params if params else ''}]")
    return "; ".join(parts) + ". Đề nghị gửi lại văn bản đã ký số hợp lệ."


# What the sender reads in the status 02 description (the sender's clerk is Vietnamese).
REFUSAL_TEXT = {
    "signature.not_intact": "Chữ ký số trên văn bản không còn toàn vẹn",
    "signature.invalid": "Chữ ký số không hợp lệ",
    "certificate.untrusted": "Chứng thư số không được tin cậy",
    "certificate.revoked": "Chứng thư số đã bị thu hồi",
    "certificate.expired": "Chứng thư số đã hết hạn",
    "signature.modified_after": "Văn bản bị sửa đổi sau khi ký",
    "pdf.unsigned": "Văn bản chưa được ký số",
    "pdf.unreadable": "Không đọc được tệp văn bản",
    "exchange.no_pdf": "Gói tin không có tệp văn bản PDF",
    "exchange.not_for_us": "Gói tin không gửi đến cơ quan này",
    "exchange.sender_mismatch": "Mã định danh cơ quan gửi không khớp",
    "exchange.package_unreadable": "Không đọc được gói tin",
    "edxml.attachment_missing": "Thiếu tệp đính kèm",
    "edxml.attachment_changed": "Tệp đính kèm bị thay đổi",
    "edxml.doctype_forbidden": "Gói tin chứa khai báo DOCTYPE không được phép",
    "edxml.package_too_large": "Gói tin vượt quá dung lượng cho phép",
    "edxml.attachment_too_large": "Tệp đính kèm vượt quá dung lượng cho phép",
    "edxml.malformed": "Gói tin edXML sai cấu trúc",
    "edxml.not_edxml": "Tệp nhận được không phải gói tin edXML",
}
