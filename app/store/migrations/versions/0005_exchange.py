"""exchange with the axis (outbox, received messages, quarantine)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

The outbox index (recipient, state, id) lets the sender take each recipient's oldest queued message from one
index walk; received messages are unique by message id so a duplicate delivery is never registered twice.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str, *, cascade: bool = False) -> sa.ForeignKeyConstraint:
    referred = target.split(".")[0]
    return sa.ForeignKeyConstraint(
        [column], [target], name=op.f(f"fk_{table}_{column}_{referred}"), ondelete="CASCADE" if cascade else None
    )


def _stamp(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "exchange_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=True),
        sa.Column("edxml_document_id", sa.String(length=200), nullable=False),
        sa.Column("status_code", sa.String(length=2), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("recipient", sa.String(length=64), nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.Column("payload_size", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("axis_doc_id", sa.String(length=64), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        _stamp("created_at"),
        _stamp("next_attempt_at"),
        _stamp("sent_at", nullable=True),
        _fk("exchange_outbox", "document_id", "documents.id"),
        _fk("exchange_outbox", "payload_sha256", "stored_files.sha256"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_outbox")),
        sa.UniqueConstraint("message_id", name=op.f("uq_exchange_outbox_message_id")),
    )
    op.create_index(op.f("ix_exchange_outbox_document_id"), "exchange_outbox", ["document_id"], unique=False)
    op.create_index("ix_exchange_outbox_recipient_state", "exchange_outbox", ["recipient", "state", "id"])
    op.create_index("ix_exchange_outbox_state_due", "exchange_outbox", ["state", "next_attempt_at"])
    op.create_table(
        "exchange_received",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=64), nullable=False),
        sa.Column("axis_doc_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sender", sa.String(length=64), nullable=False),
        sa.Column("edxml_document_id", sa.String(length=200), nullable=False),
        sa.Column("number_notation", sa.String(length=100), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(length=16), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("package_size", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=True),
        _stamp("received_at"),
        _stamp("processed_at", nullable=True),
        _stamp("acknowledged_at", nullable=True),
        _fk("exchange_received", "document_id", "documents.id"),
        _fk("exchange_received", "package_sha256", "stored_files.sha256"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_received")),
        sa.UniqueConstraint("message_id", name=op.f("uq_exchange_received_message_id")),
        sa.UniqueConstraint("axis_doc_id", name=op.f("uq_exchange_received_axis_doc_id")),
    )
    op.create_index(op.f("ix_exchange_received_document_id"), "exchange_received", ["document_id"], unique=False)
    op.create_index(
        op.f("ix_exchange_received_edxml_document_id"), "exchange_received", ["edxml_document_id"], unique=False
    )
    op.create_table(
        "exchange_status_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("agency_code", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.String(length=2), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        _stamp("at"),
        _stamp("recorded_at"),
        sa.Column("message_id", sa.String(length=64), nullable=False),
        _fk("exchange_status_history", "document_id", "documents.id", cascade=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_status_history")),
    )
    op.create_index(
        "ix_exchange_status_history_document_at", "exchange_status_history", ["document_id", "at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_exchange_status_history_document_at", table_name="exchange_status_history")
    op.drop_table("exchange_status_history")
    op.drop_index(op.f("ix_exchange_received_edxml_document_id"), table_name="exchange_received")
    op.drop_index(op.f("ix_exchange_received_document_id"), table_name="exchange_received")
    op.drop_table("exchange_received")
    op.drop_index("ix_exchange_outbox_state_due", table_name="exchange_outbox")
    op.drop_index("ix_exchange_outbox_recipient_state", table_name="exchange_outbox")
    op.drop_index(op.f("ix_exchange_outbox_document_id"), table_name="exchange_outbox")
    op.drop_table("exchange_outbox")
