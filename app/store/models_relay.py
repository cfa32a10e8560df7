"""Tables of the district's relay for the communes it serves by USB (issue 8, downward USB packages).

- `exchange_served_communes`: the communes with no link whose axis mail this office collects (the admin's list).
  Their axis secrets are not stored here: like the office's own, they come from the environment (app/settings.py).
- `exchange_held`: every package collected from the axis for a served commune, waiting for (or written to) a USB
  package. Unique per commune by axis DocId and by the SHA-256 of the package bytes, so a package listed again
  after a crash, or delivered twice, is held once.
- `exchange_relay_origin`: outbox messages this office relays for a served commune (from the commune's USB
  package); the sender posts them with that commune's credentials, so the axis shows the commune as the sender.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class ServedCommuneRow(Base):
    __tablename__ = "exchange_served_communes"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    system_id: Mapped[str] = mapped_column(String(64), default="")  # "" = the code
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    added_by: Mapped[str] = mapped_column(String(64), default="")


class HeldRow(Base):
    """A package held for a commune: collected from the axis, carried down on USB."""

    __tablename__ = "exchange_held"
    __table_args__ = (
        UniqueConstraint("commune", "axis_doc_id"),
        UniqueConstraint("commune", "package_sha256"),
        Index("ix_exchange_held_commune_state", "commune", "state", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commune: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[str] = mapped_column(String(36), unique=True)  # the USB manifest's id (the commune de-dups)
    axis_doc_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))  # edoc | status
    sender: Mapped[str] = mapped_column(String(64))
    package_sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"))
    package_size: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16))  # held | exported
    usb_package: Mapped[str] = mapped_column(String(120), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    exported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RelayOriginRow(Base):
    """An outbox message sent on behalf of a served commune."""

    __tablename__ = "exchange_relay_origin"
    message_id: Mapped[str] = mapped_column(String(36), primary_key=True)  # exchange_outbox.message_id
    agency_code: Mapped[str] = mapped_column(String(64))
