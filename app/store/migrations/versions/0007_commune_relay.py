"""a district's relay for the communes it serves by USB (served communes, held packages, relay origins)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Held packages are unique per commune by axis DocId and by package SHA-256, so collecting again after a crash
between the local commit and the acknowledgement holds nothing twice.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_served_communes",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("system_id", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_exchange_served_communes")),
    )
    op.create_table(
        "exchange_held",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commune", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("axis_doc_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sender", sa.String(length=64), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("package_size", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("usb_package", sa.String(length=120), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["package_sha256"], ["stored_files.sha256"],
                                name=op.f("fk_exchange_held_package_sha256_stored_files")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_held")),
        sa.UniqueConstraint("message_id", name=op.f("uq_exchange_held_message_id")),
        sa.UniqueConstraint("commune", "axis_doc_id", name=op.f("uq_exchange_held_commune_axis_doc_id")),
        sa.UniqueConstraint("commune", "package_sha256", name=op.f("uq_exchange_held_commune_package_sha256")),
    )
    op.create_index("ix_exchange_held_commune_state", "exchange_held", ["commune", "state", "id"])
    op.create_table(
        "exchange_relay_origin",
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("agency_code", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("message_id", name=op.f("pk_exchange_relay_origin")),
    )


def downgrade() -> None:
    op.drop_table("exchange_relay_origin")
    op.drop_index("ix_exchange_held_commune_state", table_name="exchange_held")
    op.drop_table("exchange_held")
    op.drop_table("exchange_served_communes")
