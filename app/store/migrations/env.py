"""Alembic environment: the engine comes from app.store.database (config.attributes), never from an .ini."""

from __future__ import annotations

from alembic import context

from app.store.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transaction_per_migration=False,
    )
    context.run_migrations()
