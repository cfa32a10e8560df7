"""postal dispatch and kept-copy use registers

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _common(table: str) -> list[Any]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f(f"fk_{table}_agency_id_agencies")),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f(f"fk_{table}_document_id_documents")),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("agency_id", "year", "number", name=op.f(f"uq_{table}_agency_id_year_number")),
    ]


def upgrade() -> None:
    op.create_table(
        "postal_dispatches",
        *_common("postal_dispatches"),
        sa.Column("dispatched_on", sa.Date(), nullable=False),
        sa.Column("number_notation", sa.String(length=200), nullable=False),
        sa.Column("recipients", sa.String(length=1000), nullable=False),
        sa.Column("envelopes", sa.Integer(), nullable=False),
    )
    op.create_index(op.f("ix_postal_dispatches_document_id"), "postal_dispatches", ["document_id"])
    op.create_table(
        "kept_copy_uses",
        *_common("kept_copy_uses"),
        sa.Column("used_on", sa.Date(), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("number_notation_date", sa.String(length=200), nullable=False),
        sa.Column("type_summary", sa.Text(), nullable=False),
        sa.Column("dossier_code", sa.String(length=100), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
    )
    op.create_index(op.f("ix_kept_copy_uses_document_id"), "kept_copy_uses", ["document_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_kept_copy_uses_document_id"), table_name="kept_copy_uses")
    op.drop_table("kept_copy_uses")
    op.drop_index(op.f("ix_postal_dispatches_document_id"), table_name="postal_dispatches")
    op.drop_table("postal_dispatches")
