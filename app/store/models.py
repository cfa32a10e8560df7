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
