"""Tables of the exchange capability; imported by app.store.models so they are part of Base.metadata.

- `exchange_outbox`: every message we owe the axis (a document package or a status), written in the same
  transaction as the state change that caused it; the sender delivers rows in id order per recipient.
- `exchange_received`: every package fetched from the axis (or a USB folder), unique by message id (the SHA-256 of
  the package bytes) so a duplicate delivery is recognised and never registered twice.
- `exchange_status_history`: the business statuses (§5.5) of a document, sent and received, in time order.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class OutboxRow(Base):
    """One message to one recipient (design §7 "Outbox" = "Hàng đợi gửi")."""

    __tablename__ = "exchange_outbox"
    __table_args__ = (
        Index("ix_exchange_outbox_recipient_state", "recipient", "state", "id"),
        Index("ix_exchange_outbox_state_due", "state", "next_attempt_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # also the delivery order per recipient
    message_id: Mapped[str] = mapped_column(String(36), unique=True)  # idempotency key at the axis
    kind: Mapped[str] = mapped_column(String(8))  # edoc | status
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    edxml_document_id: Mapped[str] = mapped_column(String(200), default="")  # the §5.2 1.14 id it is about
    status_code: Mapped[str | None] = mapped_column(String(2))
    description: Mapped[str] = mapped_column(Text, default="")
    recipient: Mapped[str] = mapped_column(String(64))
    payload_sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"))
    payload_size: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16))  # queued | sending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    axis_doc_id: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # the agency whose message this office only carries on (forwarded from a USB package); None = our own
    relayed_from: Mapped[str | None] = mapped_column(String(64))


class ReceivedRow(Base):
    """A package fetched from the axis: what it is, what we did with it and why."""

    __tablename__ = "exchange_received"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the package bytes
    axis_doc_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # edoc | status
    sender: Mapped[str] = mapped_column(String(64))
    edxml_document_id: Mapped[str] = mapped_column(String(200), default="", index=True)
    number_notation: Mapped[str] = mapped_column(String(100), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(String(16), default="normal")
    package_sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"))
    package_size: Mapped[int] = mapped_column(BigInteger)
    # received | registered | duplicate | quarantined | refused | applied (a status recorded)
    state: Mapped[str] = mapped_column(String(16))
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of {code, params}
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    processed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StatusHistoryRow(Base):
    """A business status of a document (§5.5), either sent by us or received from the other side."""

    __tablename__ = "exchange_status_history"
    __table_args__ = (Index("ix_exchange_status_history_document_at", "document_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(8))  # sent | received
    agency_code: Mapped[str] = mapped_column(String(64))  # the other side
    status_code: Mapped[str] = mapped_column(String(2))
    description: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # the status's own time stamp
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    message_id: Mapped[str] = mapped_column(String(64), default="")
