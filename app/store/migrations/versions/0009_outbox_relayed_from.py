"""exchange_outbox.relayed_from: whose message an office only carries on, so its next USB package names that sender

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

A district with no link that relays a commune's messages (or any office that forwards what a USB package carried for
others) writes them into its own USB package; without the original sender they would reach the recipient as the
district's, and the recipient's statuses would go back to the district instead of the commune.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exchange_outbox") as batch:
        batch.add_column(sa.Column("relayed_from", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exchange_outbox") as batch:
        batch.drop_column("relayed_from")
