"""registry search: a stored tsvector on PostgreSQL

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

The expression index of 0001 made PostgreSQL fold and parse every candidate row again on recheck and on the
ordered-index plan; a stored generated column is folded once, when the entry is written.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

VECTOR = "to_tsvector('simple', vn_fold(summary || ' ' || number_notation || ' ' || issuer))"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite searches its FTS5 table
    op.execute("DROP INDEX IF EXISTS ix_registry_entries_search")
    op.execute(f"ALTER TABLE registry_entries ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({VECTOR}) STORED")
    op.execute("CREATE INDEX ix_registry_entries_search ON registry_entries USING gin (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_registry_entries_search")
    op.execute("ALTER TABLE registry_entries DROP COLUMN search_vector")
    op.execute(f"CREATE INDEX ix_registry_entries_search ON registry_entries USING gin ({VECTOR})")
