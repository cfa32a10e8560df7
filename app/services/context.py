"""What every service is built with: the database, the file store, the audit log and a clock."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.clock import Clock
from app.store.audit import AuditLog
from app.store.database import Database
from app.store.filestore import FileStore


@dataclass(frozen=True)
class StoreContext:
    db: Database
    files: FileStore
    audit: AuditLog
    clock: Clock
