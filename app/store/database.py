"""Opening the database: engine with the right SQLite pragmas, migrations after a backup, clear failures."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.errors import StorageError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
READ_ONLY_OPTION = "vanthu_read_only"
SQLITE_MAGIC = b"SQLite format 3\x00"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")  # the registry must survive a power cut
    cur.execute("PRAGMA busy_timeout=15000")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15, "isolation_level": None})
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn: Any) -> None:
            # Writers take the write lock at BEGIN: no deadlock between two clerks upgrading read locks.
            # Readers (read_session) begin deferred: under WAL they never wait for a writer.
            read_only = conn.get_execution_options().get(READ_ONLY_OPTION, False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    # JIT compiling costs PostgreSQL about a second on the first costly plan of each connection: a search box then
    # stalls. Registry queries are short index walks, so it is off for the app's connections.
    return create_engine(url, pool_pre_ping=True, connect_args={"options": "-c jit=off"})


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def _scripts() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg)


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "the migrations folder has no head revision"
    return head


@dataclass
class Database:
    engine: Engine
    sessions: sessionmaker[Session]

    def __post_init__(self) -> None:
        self._readers = sessionmaker(self.engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One short transaction: committed on success, rolled back on any error."""
        with self.sessions.begin() as s:
            yield s

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A transaction that only reads: it neither holds nor waits for SQLite's write lock (searches, pages)."""
        with self._readers.begin() as s:
            yield s

    def dispose(self) -> None:
        self.engine.dispose()


@dataclass(frozen=True)
class MigrationOutcome:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a SQLite database before SQLAlchemy gives a cryptic error."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as f:
        if f.read(16) != SQLITE_MAGIC:
            raise StorageError("storage.not_a_database", path=str(path))


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except DatabaseError as exc:
        raise StorageError("storage.database_corrupt", detail=str(exc.orig)) from exc


def backup_sqlite(path: Path, backups_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL), taken before anything changes."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"{path.stem}-{stamp}-{label}.sqlite3"
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate(db: Database, *, sqlite_path: Path | None, backups_dir: Path) -> MigrationOutcome:
    """Bring the schema to head; SQLite is backed up first and migrated in one transaction."""
    known = {s.revision for s in _scripts().walk_revisions()}
    head = head_revision()
    before = current_revision(db.engine)
    if before == head:
        return MigrationOutcome(before, head, None)
    if before is not None and before not in known:
        raise StorageError("storage.unknown_schema", revision=before)
    backup = None
    if sqlite_path is not None and before is not None and sqlite_path.exists():
        backup = backup_sqlite(sqlite_path, backups_dir, f"before-{head}")
    try:
        command.upgrade(alembic_config(db.engine), "head")
    except (OperationalError, DatabaseError) as exc:
        raise StorageError(
            "storage.migration_failed",
            detail=str(getattr(exc, "orig", exc)),
            backup=str(backup) if backup else "",
        ) from exc
    return MigrationOutcome(before, head, backup)


def open_database(
    url: str, *, backups_dir: Path, run_migrations: bool = True
) -> tuple[Database, MigrationOutcome]:
    sqlite_path = Path(url[len("sqlite:///") :]) if url.startswith("sqlite:///") else None
    if sqlite_path is not None:
        check_sqlite_file(sqlite_path)
        try:
            sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError("storage.not_writable", path=str(sqlite_path.parent)) from exc
    engine = make_engine(url)
    db = Database(engine, sessionmaker(engine, expire_on_commit=False))
    try:
        outcome = (
            migrate(db, sqlite_path=sqlite_path, backups_dir=backups_dir)
            if run_migrations
            else MigrationOutcome(current_revision(engine), head_revision(), None)
        )
    except OperationalError as exc:
        engine.dispose()
        raise StorageError("storage.cannot_open", detail=str(exc.orig)) from exc
    except BaseException:
        engine.dispose()
        raise
    if sqlite_path is not None:
        refresh_sqlite_statistics(engine)
    return db, outcome


def refresh_sqlite_statistics(engine: Engine) -> None:
    """Fresh planner statistics at every start, sampled so it stays fast on a million-row book.

    Without them SQLite may probe the full-text index once per entry and a search on a large book takes minutes;
    PostgreSQL's autovacuum does this on its own.
    """
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")
