"""Packages for the axis tests, built with the real edXML writer."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from pathlib import Path

from app.domain.clock import VN_TZ
from app.services.exchange import (
    Attachment,
    EdxmlDocument,
    EdxmlStatus,
    Organization,
    ResponseFor,
    StatusCode,
    build_document,
    build_status,
    format_document_id,
)

_numbers = itertools.count(1)


def make_document(sender: str, recipients: list[str], *, pdf: bytes | None = None,
                  attachment_path: Path | None = None) -> EdxmlDocument:
    """A small but complete outgoing package with one PDF, numbered uniquely per call."""
    number = str(next(_numbers))
    day = date(2026, 11, 24)
    if attachment_path is not None:
        att = Attachment.from_path("a1", f"{number}_BC.pdf", "application/pdf", attachment_path, "Văn bản chính")
    else:
        att = Attachment.from_bytes("a1", f"{number}_BC.pdf", "application/pdf",
                                    pdf or b"%PDF-1.7\n%test document\n%%EOF\n", "Văn bản chính")
    return EdxmlDocument(
        from_agency=Organization(sender, "Sở Thử Nghiệm"),
        to_agencies=tuple(Organization(r, "Cơ quan nhận") for r in recipients),
        code_number=number, code_notation="BC-STN", promulgation_place="Hà Tĩnh", promulgation_date=day,
        document_id=format_document_id(sender, day, number, "BC-STN"),
        subject="Báo cáo kết quả thử nghiệm liên thông", attachments=(att,),
    )


def package(sender: str, recipients: list[str]) -> tuple[bytes, str]:
    doc = make_document(sender, recipients)
    return build_document(doc), doc.document_id


def status_package(receiver: str, doc: EdxmlDocument, code: StatusCode) -> bytes:
    return build_status(EdxmlStatus(
        response_for=ResponseFor(doc.from_agency.organ_id, f"{doc.code_number}/{doc.code_notation}",
                                 doc.promulgation_date, doc.document_id),
        from_agency=Organization(receiver, "Cơ quan nhận"), status_code=code,
        timestamp=datetime(2026, 11, 24, 9, 0, tzinfo=VN_TZ), description="Đã đến",
    ))
