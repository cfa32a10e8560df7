"""the signatures each stored signed PDF carries (file_signatures), so a file cut back to an earlier revision is caught

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Rows are filled as signed files become a document's file, and by a backfill (app/services/signing/register_check.py)
for the files stored before this table existed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_signatures",
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("field_name", sa.String(length=255), nullable=False),
        sa.Column("cms_sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_revision_end", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["file_sha256"], ["stored_files.sha256"],
                                name=op.f("fk_file_signatures_file_sha256_stored_files")),
        sa.PrimaryKeyConstraint("file_sha256", "position", name=op.f("pk_file_signatures")),
    )
    op.create_index("ix_file_signatures_cms_sha256", "file_signatures", ["cms_sha256"])


def downgrade() -> None:
    op.drop_index("ix_file_signatures_cms_sha256", table_name="file_signatures")
    op.drop_table("file_signatures")
