"""processing workflow: presentations, assignments, progress notes, delegations, calendars, outgoing timeline

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

The inbox and "my tasks" indexes let the first page come from one ordered index walk (design §9: ≤ 100 ms with
100,000 documents and 300,000 assignments).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
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
        "calendar_years",
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        _stamp("updated_at"),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        _fk("calendar_years", "agency_id", "agencies.id"),
        sa.PrimaryKeyConstraint("agency_id", "year", name=op.f("pk_calendar_years")),
    )
    op.create_table(
        "office_hours",
        sa.Column("agency_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        _stamp("updated_at"),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        _fk("office_hours", "agency_id", "agencies.id"),
        sa.PrimaryKeyConstraint("agency_id", name=op.f("pk_office_hours")),
    )
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("direction_text", sa.Text(), nullable=False),
        sa.Column("lead_unit_id", sa.Integer(), nullable=True),
        sa.Column("lead_user_id", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("leader_user_id", sa.Integer(), nullable=False),
        sa.Column("directed_by_user_id", sa.Integer(), nullable=True),
        _stamp("created_at"),
        _stamp("updated_at"),
        _stamp("finished_at", nullable=True),
        sa.Column("finished_by_user_id", sa.Integer(), nullable=True),
        sa.Column("result_text", sa.Text(), nullable=False),
        sa.Column("reply_document_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("assignments", "directed_by_user_id", "users.id"),
        _fk("assignments", "document_id", "documents.id", cascade=True),
        _fk("assignments", "finished_by_user_id", "users.id"),
        _fk("assignments", "lead_unit_id", "units.id"),
        _fk("assignments", "lead_user_id", "users.id"),
        _fk("assignments", "leader_user_id", "users.id"),
        _fk("assignments", "reply_document_id", "documents.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    op.create_index(op.f("ix_assignments_document_id"), "assignments", ["document_id"], unique=False)
    op.create_index(
        "ix_assignments_state_lead", "assignments", ["state", "lead_unit_id", "lead_user_id", "deadline"], unique=False
    )
    op.create_table(
        "delegations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("leader_user_id", sa.Integer(), nullable=False),
        sa.Column("deputy_user_id", sa.Integer(), nullable=False),
        _stamp("starts_at"),
        _stamp("ends_at"),
        sa.Column("note", sa.String(length=500), nullable=False),
        _stamp("created_at"),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        _stamp("revoked_at", nullable=True),
        _fk("delegations", "deputy_user_id", "users.id"),
        _fk("delegations", "leader_user_id", "users.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delegations")),
    )
    op.create_index("ix_delegations_deputy_period", "delegations", ["deputy_user_id", "ends_at"], unique=False)
    op.create_index("ix_delegations_leader_period", "delegations", ["leader_user_id", "ends_at"], unique=False)
    op.create_table(
        "outgoing_timeline",
        sa.Column("document_id", sa.String(length=36), nullable=False),
        _stamp("signed_at", nullable=True),
        _stamp("numbered_at", nullable=True),
        _stamp("sealed_at", nullable=True),
        _stamp("sent_at", nullable=True),
        _fk("outgoing_timeline", "document_id", "documents.id", cascade=True),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_outgoing_timeline")),
    )
    op.create_table(
        "presentations",
        sa.Column("document_id", sa.String(length=36), nullable=False),
        sa.Column("leader_user_id", sa.Integer(), nullable=False),
        sa.Column("presented_by_user_id", sa.Integer(), nullable=True),
        sa.Column("presented_by", sa.String(length=64), nullable=False),
        _stamp("presented_at"),
        _stamp("received_at"),
        sa.Column("urgency_rank", sa.Integer(), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        _stamp("directed_at", nullable=True),
        _fk("presentations", "document_id", "documents.id", cascade=True),
        _fk("presentations", "leader_user_id", "users.id"),
        _fk("presentations", "presented_by_user_id", "users.id"),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_presentations")),
    )
    op.create_index(
        "ix_presentations_inbox",
        "presentations",
        ["leader_user_id", "pending", "urgency_rank", "received_at", "document_id"],
        unique=False,
    )
    op.create_table(
        "assignment_parties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("open", sa.Boolean(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        _fk("assignment_parties", "assignment_id", "assignments.id", cascade=True),
        _fk("assignment_parties", "unit_id", "units.id"),
        _fk("assignment_parties", "user_id", "users.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignment_parties")),
    )
    op.create_index(op.f("ix_assignment_parties_assignment_id"), "assignment_parties", ["assignment_id"], unique=False)
    op.create_index(
        "ix_assignment_parties_unit", "assignment_parties", ["unit_id", "open", "deadline", "assignment_id"]
    )
    op.create_index(
        "ix_assignment_parties_user", "assignment_parties", ["user_id", "open", "deadline", "assignment_id"]
    )
    op.create_table(
        "progress_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("author_user_id", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _stamp("created_at"),
        _fk("progress_notes", "assignment_id", "assignments.id", cascade=True),
        _fk("progress_notes", "author_user_id", "users.id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_notes")),
    )
    op.create_index("ix_progress_notes_assignment", "progress_notes", ["assignment_id", "created_at"], unique=False)
    op.create_table(
        "progress_note_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _fk("progress_note_files", "note_id", "progress_notes.id", cascade=True),
        _fk("progress_note_files", "sha256", "stored_files.sha256"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_note_files")),
        sa.UniqueConstraint("note_id", "position", name=op.f("uq_progress_note_files_note_id_position")),
    )
    op.create_index(op.f("ix_progress_note_files_sha256"), "progress_note_files", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_progress_note_files_sha256"), table_name="progress_note_files")
    op.drop_table("progress_note_files")
    op.drop_index("ix_progress_notes_assignment", table_name="progress_notes")
    op.drop_table("progress_notes")
    op.drop_index("ix_assignment_parties_user", table_name="assignment_parties")
    op.drop_index("ix_assignment_parties_unit", table_name="assignment_parties")
    op.drop_index(op.f("ix_assignment_parties_assignment_id"), table_name="assignment_parties")
    op.drop_table("assignment_parties")
    op.drop_index("ix_presentations_inbox", table_name="presentations")
    op.drop_table("presentations")
    op.drop_table("outgoing_timeline")
    op.drop_index("ix_delegations_leader_period", table_name="delegations")
    op.drop_index("ix_delegations_deputy_period", table_name="delegations")
    op.drop_table("delegations")
    op.drop_index("ix_assignments_state_lead", table_name="assignments")
    op.drop_index(op.f("ix_assignments_document_id"), table_name="assignments")
    op.drop_table("assignments")
    op.drop_table("office_hours")
    op.drop_table("calendar_years")
