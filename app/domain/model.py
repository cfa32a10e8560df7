"""Domain values handed out by repositories (design §4). Plain frozen dataclasses: no ORM, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.enums import (
    AgencyLevel,
    Confidentiality,
    Direction,
    DocumentState,
    FileRole,
    RegistryKind,
    RestrictionStamp,
    Role,
    Urgency,
)


@dataclass(frozen=True)
class Agency:
    id: int
    code: str  # mã định danh, e.g. 000.00.12.H27
    name: str
    abbreviation: str  # used in notations, e.g. STTTT
    level: AgencyLevel
    parent_code: str | None
    parent_name: str | None  # cơ quan chủ quản, printed above the name
    place_name: str  # địa danh of the date line, e.g. Hà Tĩnh


@dataclass(frozen=True)
class Unit:
    id: int
    agency_id: int
    name: str
    abbreviation: str


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    position: str
    roles: frozenset[Role]
    unit_id: int | None
    agency_id: int
    is_active: bool = True


@dataclass(frozen=True)
class Actor:
    """Who is acting: every service call that changes state takes one, for permissions and the audit log."""

    user_id: int | None
    username: str
    full_name: str
    roles: frozenset[Role] = frozenset()
    agency_id: int | None = None

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @staticmethod
    def system(name: str = "system") -> Actor:
        return Actor(user_id=None, username=name, full_name=name)

    @staticmethod
    def of(user: User) -> Actor:
        return Actor(user.id, user.username, user.full_name, user.roles, user.agency_id)


@dataclass(frozen=True)
class StoredFileRef:
    sha256: str
    size: int
    content_type: str


@dataclass(frozen=True)
class DocumentFile:
    sha256: str
    name: str
    role: FileRole
    size: int
    content_type: str


@dataclass(frozen=True)
class Document:
    id: str
    direction: Direction
    doc_type: str  # tên loại, e.g. "Quyết định"; "Công văn" has no type abbreviation
    summary: str
    state: DocumentState
    issuer_name: str
    issuer_code: str | None = None
    number: int | None = None
    notation: str | None = None  # e.g. QĐ-STTTT
    issued_date: date | None = None
    signer_name: str | None = None
    signer_position: str | None = None
    urgency: Urgency = Urgency.NORMAL
    confidentiality: Confidentiality = Confidentiality.NONE
    restriction: RestrictionStamp = RestrictionStamp.NONE
    needs_paper: bool = False
    page_count: int = 0
    normative: bool = False  # a normative legal document (VBQPPL): own series per type, year in the number
    drafting_unit_id: int | None = None
    created_at: datetime | None = None
    files: tuple[DocumentFile, ...] = field(default=())
    version: int = 1

    @property
    def number_notation(self) -> str:
        """`45/QĐ-STTTT`, or an empty string before a number is given."""
        if self.number is None or not self.notation:
            return ""
        return f"{self.number:02d}/{self.notation}"

    @property
    def main_file(self) -> DocumentFile | None:
        return next((f for f in self.files if f.role is FileRole.MAIN), None)


@dataclass(frozen=True)
class RegistryBook:
    id: int
    agency_id: int
    kind: RegistryKind
    year: int
    name: str
    confidential: bool = False
    series_key: str = ""  # the number series it draws from (standards §1.2): admin, vbqppl:QĐ, secret, incoming …


@dataclass(frozen=True)
class RegistryEntry:
    id: int
    book_id: int
    number: int
    registered_at: datetime
    document_id: str
    recipient: str = ""
    copies: int | None = None
    note: str = ""
    cancelled: bool = False


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str  # ISO 8601 with offset, hashed exactly as stored
    actor: str
    action: str
    object_type: str
    object_id: str
    details: str  # canonical JSON
    prev_hash: str
    hash: str
