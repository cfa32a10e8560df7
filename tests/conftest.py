"""Shared fixtures: a store on SQLite or a throwaway PostgreSQL, the services on top, a fixed clock."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.clock import VN_TZ
from app.services.bundle import Services
from app.services.context import StoreContext
from app.store.audit import AuditLog
from app.store.database import Database, open_database
from app.store.filestore import FileStore
from tests.postgres import create_database, postgres_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_db_names = itertools.count(1)


class FakeClock:
    """A clock the test moves by hand; starts on a working Tuesday morning in Hà Tĩnh."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 24, 8, 30, tzinfo=VN_TZ)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'vanthu.sqlite3'}"
    server = request.getfixturevalue("pg_server")
    return create_database(server, f"t{os.getpid()}_{next(_db_names)}")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def database(db_url: str, tmp_path: Path) -> Iterator[Database]:
    db, _ = open_database(db_url, backups_dir=tmp_path / "backups")
    yield db
    db.dispose()


@pytest.fixture
def ctx(database: Database, tmp_path: Path, clock: FakeClock) -> StoreContext:
    files = FileStore(tmp_path / "files")
    files.ensure_ready()
    return StoreContext(db=database, files=files, audit=AuditLog(clock), clock=clock)


@pytest.fixture
def services(ctx: StoreContext) -> Services:
    return Services.build(ctx)
