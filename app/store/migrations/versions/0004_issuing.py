"""drafts and issuing (versions, recipients, paper copies)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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
        "drafts",
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("drafter_user_id", sa.Integer(), nullable=False),
        sa.Column("signer_user_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("current_version_no", sa.Integer(), nullable=False),
        sa.Column("paper_copies_needed", sa.Boolean(), nullable=False),
        sa.Column("changed_since_return", sa.Boolean(), nullable=False),
        sa.Column("return_comment", sa.Text(), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        _stamp("submitted_at", nullable=True),
        _stamp("signed_at", nullable=True),
        sa.Column("signed_by_user_id", sa.Integer(), nullable=True),
        _stamp("numbered_at", nullable=True),
        _stamp("issued_at", nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("drafts", "document_id", "documents.id", cascade=True),
        _fk("drafts", "drafter_user_id", "users.id"),
        _fk("drafts", "signed_by_user_id", "users.id"),
        _fk("drafts", "signer_user_id", "users.id"),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_drafts")),
    )
    op.create_index("ix_drafts_drafter_state", "drafts", ["drafter_user_id", "state"], unique=False)
    op.create_index("ix_drafts_state_signer", "drafts", ["state", "signer_user_id"], unique=False)
    op.create_table(
        "draft_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("created_by_user_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        _stamp("created_at"),
        sa.Column("comment", sa.Text(), nullable=False),
        _fk("draft_versions", "created_by_user_id", "users.id"),
        _fk("draft_versions", "document_id", "drafts.document_id", cascade=True),
        _fk("draft_versions", "sha256", "stored_files.sha256"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_versions")),
        sa.UniqueConstraint("document_id", "number", name=op.f("uq_draft_versions_document_id_number")),
    )
    op.create_index(op.f("ix_draft_versions_sha256"), "draft_versions", ["sha256"], unique=False)
    op.create_table(
        "draft_recipients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("agency_code", sa.String(length=13), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.Column("no_equipment", sa.Boolean(), nullable=False),
        sa.Column("paper", sa.Boolean(), nullable=False),
        sa.Column("paper_copies", sa.Integer(), nullable=False),
        _fk("draft_recipients", "document_id", "drafts.document_id", cascade=True),
        _fk("draft_recipients", "unit_id", "units.id"),
        _fk("draft_recipients", "user_id", "users.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_recipients")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_draft_recipients_document_id_position")),
    )
    op.create_table(
        "draft_appendices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        _fk("draft_appendices", "document_id", "drafts.document_id", cascade=True),
        _fk("draft_appendices", "sha256", "stored_files.sha256"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_draft_appendices")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_draft_appendices_document_id_position")),
    )
    op.create_index(op.f("ix_draft_appendices_sha256"), "draft_appendices", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_draft_appendices_sha256"), table_name="draft_appendices")
    op.drop_table("draft_appendices")
    op.drop_table("draft_recipients")
    op.drop_index(op.f("ix_draft_versions_sha256"), table_name="draft_versions")
    op.drop_table("draft_versions")
    op.drop_index("ix_drafts_state_signer", table_name="drafts")
    op.drop_index("ix_drafts_drafter_state", table_name="drafts")
    op.drop_table("drafts")
