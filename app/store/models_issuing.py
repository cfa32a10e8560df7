"""Tables of the issuing capability; imported by app.store.models so they are part of Base.metadata.

A draft is an outgoing `documents` row (type, summary, urgency, confidentiality, restriction stamp, signer and number
live there, where the registry and the to-send list read them) plus the issuing workflow kept here: who drafted it,
who is to sign it, its state, every PDF version with who made it and why, its recipients with their paper copies
(seed Art 7) and its appendices.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.store.models import Base


class DraftRow(Base):
    """The issuing workflow of one outgoing document (design §2 "Issue")."""

    __tablename__ = "drafts"
    __table_args__ = (
        Index("ix_drafts_drafter_state", "drafter_user_id", "state"),
        Index("ix_drafts_state_signer", "state", "signer_user_id"),
    )
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    drafter_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    signer_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    state: Mapped[str] = mapped_column(String(16))
    current_version_no: Mapped[int] = mapped_column(Integer, default=1)  # the PDF version now in force
    paper_copies_needed: Mapped[bool] = mapped_column(Boolean, default=False)  # on the agency's paper list (Art 7)
    changed_since_return: Mapped[bool] = mapped_column(Boolean, default=False)
    return_comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    signed_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # a deputy acting for the signer
    numbered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    issued_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)
    versions: Mapped[list[DraftVersionRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="DraftVersionRow.number"
    )
    recipients: Mapped[list[DraftRecipientRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="DraftRecipientRow.position"
    )
    appendices: Mapped[list[DraftAppendixRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="DraftAppendixRow.position"
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative API


class DraftVersionRow(Base):
    """Every PDF the draft has been: uploaded, converted, prepared for signing, returned, signed, sealed."""

    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("document_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("drafts.document_id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(String(255))
    created_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    comment: Mapped[str] = mapped_column(Text, default="")


class DraftRecipientRow(Base):
    """Nơi nhận: an agency of the directory, or a unit or person of the own agency, with its paper copies."""

    __tablename__ = "draft_recipients"
    __table_args__ = (UniqueConstraint("document_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("drafts.document_id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    agency_code: Mapped[str | None] = mapped_column(String(13))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    relation: Mapped[str] = mapped_column(String(16), default="ordinary")
    no_equipment: Mapped[bool] = mapped_column(Boolean, default=False)
    paper: Mapped[bool] = mapped_column(Boolean, default=False)
    paper_copies: Mapped[int] = mapped_column(Integer, default=0)


class DraftAppendixRow(Base):
    """An appendix: inside the main file (no sha256) or a separate file, numbered and signed on its own."""

    __tablename__ = "draft_appendices"
    __table_args__ = (UniqueConstraint("document_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("drafts.document_id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str | None] = mapped_column(ForeignKey("stored_files.sha256"), index=True)
    file_name: Mapped[str] = mapped_column(String(255), default="")
