"""Values carried by edXML packages (standards §5): plain frozen dataclasses, no XML here."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum
from pathlib import Path

from app.domain.enums import Urgency
from app.services.exchange.errors import ExchangeError

_AGENCY_CODE = re.compile(r"^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$")
_DOC_ID_STD = re.compile(r"^(?P<organ>[^,]+),(?P<date>\d{4}/\d{2}/\d{2}),(?P<number>[^/,]+)/(?P<notation>[^,]+)$")
_DOC_ID_DMY = re.compile(r"^(?P<organ>[^,]+),(?P<date>\d{2}/\d{2}/\d{4}),(?P<number>[^/,]+)/(?P<notation>[^,]+)$")


class BusinessDocType(IntEnum):
    """`BussinessDocType` (§5.4)."""

    NEW = 0
    REVOKE = 1  # thu hồi
    UPDATE = 2  # cập nhật
    REPLACE = 3  # thay thế


class StatusCode(StrEnum):
    """Business status codes of §5.5; any other code is invalid."""

    ARRIVED = "01"  # Đã đến
    REFUSED = "02"  # Từ chối tiếp nhận
    ACCEPTED = "03"  # Đã tiếp nhận
    ASSIGNED = "04"  # Phân công
    IN_PROGRESS = "05"  # Đang xử lý
    DONE = "06"  # Hoàn thành
    RECALL_REQUESTED = "13"  # Lấy lại
    RECALL_AGREED = "15"  # Đồng ý lấy lại / cập nhật
    RECALL_REFUSED = "16"  # Từ chối lấy lại / cập nhật


PRIORITY_TO_URGENCY: dict[int, Urgency] = {
    0: Urgency.NORMAL,
    1: Urgency.URGENT,
    2: Urgency.VERY_URGENT,
    3: Urgency.FLASH,
    4: Urgency.FLASH_TIMED,
}
URGENCY_TO_PRIORITY: dict[Urgency, int] = {u: p for p, u in PRIORITY_TO_URGENCY.items()}


def is_valid_agency_code(code: str) -> bool:
    """§6: 13 characters, upper case, and no non-zero group left of a `00` group."""
    m = _AGENCY_CODE.match(code)
    if m is None:
        return False
    groups = [m.group(3), m.group(2), m.group(1)]  # level 2, 3, 4 (right to left)
    seen_zero = False
    for g in groups:
        if int(g) == 0:
            seen_zero = True
        elif seen_zero:
            return False
    return True


def is_ancestor_code(ancestor: str, code: str) -> bool:
    """§6: `ancestor` is above `code` in the hierarchy (parent = zero the left-most non-zero group). A district
    office may relay its communes' messages (USB packages), so a sender that is an ancestor of the claimed
    agency is not a mismatch."""
    if not (is_valid_agency_code(ancestor) and is_valid_agency_code(code)) or ancestor == code:
        return False
    groups = code.split(".")
    while any(int(g) != 0 for g in groups[:3]):
        i = next(i for i, g in enumerate(groups[:3]) if int(g) != 0)
        groups[i] = "0" * len(groups[i])
        if ".".join(groups) == ancestor:
            return True
    return False


def parse_status_code(raw: str) -> StatusCode:
    text = raw.strip()
    if not text.isdigit() or len(text) > 2:
        raise ExchangeError("edxml.invalid_status_code", value=raw)
    try:
        return StatusCode(text.zfill(2))
    except ValueError:
        raise ExchangeError("edxml.invalid_status_code", value=raw) from None


@dataclass(frozen=True)
class DocumentIdParts:
    organ_id: str
    promulgation_date: date
    code_number: str
    code_notation: str


def format_document_id(organ_id: str, promulgation_date: date, code_number: str, code_notation: str) -> str:
    """§5.2 1.14: `{OrganId},{yyyy/MM/dd},{CodeNumber}/{CodeNotation}`, the only form we write."""
    return f"{organ_id},{promulgation_date:%Y/%m/%d},{code_number}/{code_notation}"


def parse_document_id(text: str, *, lenient: bool = False) -> DocumentIdParts | None:
    """The parts of a standard DocumentId; `lenient` also takes the `dd/MM/yyyy` form producers send.

    Returns None for other forms (UUIDs and free text occur in the wild, §5.3a).
    """
    m = _DOC_ID_STD.match(text.strip())
    fmt = "%Y/%m/%d"
    if m is None and lenient:
        m = _DOC_ID_DMY.match(text.strip())
        fmt = "%d/%m/%Y"
    if m is None:
        return None
    try:
        day = datetime.strptime(m.group("date"), fmt).date()
    except ValueError:
        return None
    return DocumentIdParts(m.group("organ"), day, m.group("number"), m.group("notation"))


@dataclass(frozen=True)
class Organization:
    """`From` / `To` (§5.2 1.1–1.2)."""

    organ_id: str
    name: str = ""
    organization_in_charge: str = ""
    address: str = ""
    email: str = ""
    telephone: str = ""
    fax: str = ""
    website: str = ""


@dataclass(frozen=True)
class SignerInfo:
    competence: str = ""
    position: str = ""
    full_name: str = ""


@dataclass(frozen=True)
class StaffInfo:
    department: str = ""
    staff: str = ""
    mobile: str = ""
    email: str = ""


@dataclass(frozen=True)
class ResponseFor:
    """The document a reply or status is about (§5.2 1.12, §5.5)."""

    organ_id: str
    code: str
    promulgation_date: date | None
    document_id: str


@dataclass(frozen=True)
class TraceHeader:
    organ_id: str
    timestamp: datetime


@dataclass(frozen=True)
class ReceiverChange:
    added: bool  # ReceiverType 1 = added, 0 = removed
    organ_id: str


@dataclass(frozen=True)
class Replacement:
    document_id: str
    organ_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class BusinessInfo:
    """`Bussiness` of the TraceHeaderList (§5.3): new, revoke, update or replace."""

    doc_type: BusinessDocType = BusinessDocType.NEW
    reason: str = ""
    document_info_changed: bool = False
    receivers_changed: bool = False
    receivers: tuple[ReceiverChange, ...] = ()
    target_document_id: str = ""
    staff: StaffInfo | None = None
    paper: bool | None = None
    replacements: tuple[Replacement, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """One file of a package: its bytes in memory, or the path it was streamed to (never both)."""

    content_id: str
    name: str
    content_type: str
    sha256: str
    size: int
    description: str = ""
    data: bytes | None = field(default=None, repr=False)
    path: Path | None = None

    @classmethod
    def from_bytes(
        cls, content_id: str, name: str, content_type: str, data: bytes, description: str = ""
    ) -> Attachment:
        return cls(content_id, name, content_type, hashlib.sha256(data).hexdigest(), len(data), description, data)

    @classmethod
    def from_path(
        cls, content_id: str, name: str, content_type: str, path: Path, description: str = ""
    ) -> Attachment:
        digest = hashlib.sha256()
        size = 0
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
        return cls(content_id, name, content_type, digest.hexdigest(), size, description, None, path)

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.path is None:
            raise ExchangeError("edxml.attachment_missing", name=self.name, content_id=self.content_id)
        return self.path.read_bytes()


@dataclass(frozen=True)
class EdxmlDocument:
    """A document package (messagetype `edoc`): header fields of §5.2–5.3 plus its attachments."""

    from_agency: Organization
    to_agencies: tuple[Organization, ...]
    code_number: str
    code_notation: str
    promulgation_place: str
    promulgation_date: date | None
    document_id: str
    subject: str = ""
    content: str = ""
    type_code: str = ""
    type_name: str = ""
    signer: SignerInfo = SignerInfo()
    due_date: date | None = None
    to_places: tuple[str, ...] = ()
    priority: Urgency = Urgency.NORMAL
    sphere_of_promulgation: str = ""
    typer_notation: str = ""
    promulgation_amount: int | None = None
    page_amount: int | None = None
    appendixes: tuple[str, ...] = ()
    response_for: tuple[ResponseFor, ...] = ()
    steering_type: int | None = None
    trace_headers: tuple[TraceHeader, ...] = ()
    business: BusinessInfo = BusinessInfo()
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class EdxmlStatus:
    """A status package (messagetype `status`, §5.5)."""

    response_for: ResponseFor
    from_agency: Organization
    status_code: StatusCode
    timestamp: datetime
    description: str = ""
    staff: StaffInfo | None = None


@dataclass(frozen=True)
class ParseWarning:
    """Something tolerated on input (§5.3a); `code` is looked up by the UI like an error code."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: str, **params: object) -> ParseWarning:
        return cls(code, tuple((k, str(v)) for k, v in sorted(params.items())))


@dataclass(frozen=True)
class SignatureReport:
    """What the XML-DSig check found; trust (chain, revocation) is judged later by the caller."""

    signed: bool
    valid: bool
    problem: str = ""  # an error code when not valid
    subject: str = ""
    certificate_der: bytes | None = field(default=None, repr=False)
    algorithm: str = ""


@dataclass(frozen=True)
class ParsedDocument:
    document: EdxmlDocument
    signature: SignatureReport
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(frozen=True)
class ParsedStatus:
    status: EdxmlStatus
    signature: SignatureReport
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(frozen=True)
class EdxmlLimits:
    """Caps for untrusted input; the defaults suit an axis that carries scanned documents."""

    max_package_bytes: int = 300 * 1024 * 1024
    max_attachment_bytes: int = 100 * 1024 * 1024
    max_attachments: int = 200
    max_header_bytes: int = 8 * 1024 * 1024
