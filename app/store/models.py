"""SQLAlchemy models. They stay in app/store; repositories map them to app.domain.model values."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class AgencyRow(Base):
    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(13), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    abbreviation: Mapped[str] = mapped_column(String(30))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(13))
    parent_name: Mapped[str | None] = mapped_column(String(200))
    place_name: Mapped[str] = mapped_column(String(100))
    is_own: Mapped[bool] = mapped_column(Boolean, default=False)


class UnitRow(Base):
    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("agency_id", "abbreviation"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    name: Mapped[str] = mapped_column(String(200))
    abbreviation: Mapped[str] = mapped_column(String(30))


class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(100))
    position: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    signature_sha256: Mapped[str | None] = mapped_column(ForeignKey("stored_files.sha256"))
    certificate_fingerprint: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    roles: Mapped[list[UserRoleRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="UserRoleRow.role"
    )


class UserRoleRow(Base):
    __tablename__ = "user_roles"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)


class StoredFileRow(Base):
    """A file in the content-addressed file store; the row is written only after the file is durable."""

    __tablename__ = "stored_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    content_type: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_direction_created", "direction", "created_at"),
        Index("ix_documents_identity", "issuer_name", "number", "notation"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    direction: Mapped[str] = mapped_column(String(16))
    doc_type: Mapped[str] = mapped_column(String(100))
    number: Mapped[int | None] = mapped_column(Integer)
    notation: Mapped[str | None] = mapped_column(String(30))
    issued_date: Mapped[date | None] = mapped_column(Date)
    issuer_name: Mapped[str] = mapped_column(String(200))
    issuer_code: Mapped[str | None] = mapped_column(String(13))
    summary: Mapped[str] = mapped_column(Text)
    signer_name: Mapped[str | None] = mapped_column(String(100))
    signer_position: Mapped[str | None] = mapped_column(String(100))
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    confidentiality: Mapped[str] = mapped_column(String(16), default="none")
    restriction: Mapped[str] = mapped_column(String(32), default="none")
    needs_paper: Mapped[bool] = mapped_column(Boolean, default=False)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    normative: Mapped[bool] = mapped_column(Boolean, default=False)  # VBQPPL: own series per type, year in number
    drafting_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    state: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    files: Mapped[list[DocumentFileRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="DocumentFileRow.position"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative API


class DocumentFileRow(Base):
    __tablename__ = "document_files"
    __table_args__ = (UniqueConstraint("document_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(255))
    position: Mapped[int] = mapped_column(Integer)
    stored: Mapped[StoredFileRow] = relationship(lazy="joined")


class NumberSeriesRow(Base):
    """Atomic counter per agency, year and series (standards §1.2); locked while a number is taken."""

    __tablename__ = "number_series"
    __table_args__ = (UniqueConstraint("agency_id", "year", "series_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    year: Mapped[int] = mapped_column(Integer)
    series_key: Mapped[str] = mapped_column(String(64))
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class RegistryBookRow(Base):
    __tablename__ = "registry_books"
    __table_args__ = (UniqueConstraint("agency_id", "kind", "year", "confidential", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    kind: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    series_id: Mapped[int | None] = mapped_column(ForeignKey("number_series.id"))
    series: Mapped[NumberSeriesRow | None] = relationship(lazy="joined")


class RegistryEntryRow(Base):
    """One line of a registry book: a snapshot of the official columns at registration (ND30 App IV).

    The book is a record in its own right: corrections change it only through the correction service, with a reason
    in the audit log, and search/sort work on these columns without touching documents.
    """

    __tablename__ = "registry_entries"
    __table_args__ = (
        UniqueConstraint("book_id", "number"),
        Index("ix_registry_entries_book_registered", "book_id", "registered_at", "id"),
        Index("ix_registry_entries_book_doc_date", "book_id", "doc_date", "id"),
        Index("ix_registry_entries_book_issuer", "book_id", "issuer", "id"),
        Index("ix_registry_entries_book_type", "book_id", "doc_type", "id"),
        Index("ix_registry_entries_identity", "issuer", "number_notation"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("registry_books.id"))
    number: Mapped[int] = mapped_column(Integer)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(100), default="")
    number_notation: Mapped[str] = mapped_column(String(50), default="")
    doc_date: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    signer: Mapped[str] = mapped_column(String(100), default="")
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    recipient: Mapped[str] = mapped_column(String(1000), default="")
    kept_copy_holder: Mapped[str] = mapped_column(String(200), default="")
    copies: Mapped[int | None] = mapped_column(Integer)
    transferred_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(String(1000), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class AuditEventRow(Base):
    """Append-only and hash-chained: database triggers refuse UPDATE and DELETE; `check` walks the chain."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_events_object", "object_type", "object_id"),)


class AuditHeadRow(Base):
    """The chain's head (one row): catches deleted tail events and serialises writers of the chain."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


# ---- processing workflow (issue 7) ------------------------------------------------------------------------------


class DelegationRow(Base):
    """A leader lets a deputy act for them during [starts_at, ends_at); revoking ends it early."""

    __tablename__ = "delegations"
    __table_args__ = (
        Index("ix_delegations_deputy_period", "deputy_user_id", "ends_at"),
        Index("ix_delegations_leader_period", "leader_user_id", "ends_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    leader_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    deputy_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PresentationRow(Base):
    """An incoming document in a leader's inbox. Urgency rank and arrival time are copied here so one index walk
    returns the inbox page already in order (design §9: ≤ 100 ms with 100,000 documents)."""

    __tablename__ = "presentations"
    __table_args__ = (
        Index("ix_presentations_inbox", "leader_user_id", "pending", "urgency_rank", "received_at", "document_id"),
    )
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    leader_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    presented_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    presented_by: Mapped[str] = mapped_column(String(64))
    presented_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    urgency_rank: Mapped[int] = mapped_column(Integer)
    pending: Mapped[bool] = mapped_column(Boolean, default=True)
    directed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AssignmentRow(Base):
    """Phân công xử lý: the leader's direction, the lead, the deadline and the outcome of one document."""

    __tablename__ = "assignments"
    # covers the leader's overview (open work grouped by lead, counted by deadline) without touching the table
    __table_args__ = (Index("ix_assignments_state_lead", "state", "lead_unit_id", "lead_user_id", "deadline"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    direction_text: Mapped[str] = mapped_column(Text)
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    lead_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    deadline: Mapped[date | None] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16))
    leader_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    directed_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    result_text: Mapped[str] = mapped_column(Text, default="")
    reply_document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    parties: Mapped[list[AssignmentPartyRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="AssignmentPartyRow.id"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative API


class AssignmentPartyRow(Base):
    """The lead and each coordinator of an assignment, unit or person. `open` and `deadline` are copies of the
    assignment's so "my tasks" is an index walk per person and per unit."""

    __tablename__ = "assignment_parties"
    __table_args__ = (
        Index("ix_assignment_parties_user", "user_id", "open", "deadline", "assignment_id"),
        Index("ix_assignment_parties_unit", "unit_id", "open", "deadline", "assignment_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    deadline: Mapped[date | None] = mapped_column(Date)


class ProgressNoteRow(Base):
    __tablename__ = "progress_notes"
    __table_args__ = (Index("ix_progress_notes_assignment", "assignment_id", "created_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    files: Mapped[list[ProgressNoteFileRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ProgressNoteFileRow.position"
    )


class ProgressNoteFileRow(Base):
    __tablename__ = "progress_note_files"
    __table_args__ = (UniqueConstraint("note_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("progress_notes.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    position: Mapped[int] = mapped_column(Integer)
    stored: Mapped[StoredFileRow] = relationship(lazy="joined")


class CalendarYearRow(Base):
    """An agency's table for one year (YearCalendar.to_dict as JSON): the Government's swaps and make-up days."""

    __tablename__ = "calendar_years"
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(64))


class OfficeHoursRow(Base):
    """An agency's office sessions (OfficeHours.to_dict as JSON); absent means the project default."""

    __tablename__ = "office_hours"
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True, autoincrement=False)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(64))


class OutgoingTimelineRow(Base):
    """When an outgoing document was signed, numbered, sealed and sent: the same-day rule (seed Art 10.2) needs
    the signing moment, which the document row does not keep."""

    __tablename__ = "outgoing_timeline"
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    numbered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sealed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PostalDispatchRow(Base):
    """A line of the postal dispatch register (sổ gửi văn bản đi bưu điện), numbered per agency and year."""

    __tablename__ = "postal_dispatches"
    __table_args__ = (UniqueConstraint("agency_id", "year", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    dispatched_on: Mapped[date] = mapped_column(Date)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    number_notation: Mapped[str] = mapped_column(String(200))
    recipients: Mapped[str] = mapped_column(String(1000))
    envelopes: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(1000), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(64))


class KeptCopyUseRow(Base):
    """A line of the register of use of kept copies (sổ sử dụng bản lưu), numbered per agency and year."""

    __tablename__ = "kept_copy_uses"
    __table_args__ = (UniqueConstraint("agency_id", "year", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    used_on: Mapped[date] = mapped_column(Date)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    user_name: Mapped[str] = mapped_column(String(200))
    number_notation_date: Mapped[str] = mapped_column(String(200))
    type_summary: Mapped[str] = mapped_column(Text, default="")
    dossier_code: Mapped[str] = mapped_column(String(100), default="")
    approved_by: Mapped[str] = mapped_column(String(200))
    returned_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(1000), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(64))


# Tables of later capabilities live in their own modules; importing them here puts them in Base.metadata.
from app.store import models_exchange, models_issuing, models_relay, models_signatures  # noqa: E402, F401
