"""Office-wide locks: work that only one workstation (or one app instance) of an office may do at a time.

Why: every clerk's window runs the background sync, and offices with several workstations share one store. Two
syncers of the same office fetching and registering the same arrivals at once registered one twice (caught by a
test with two workstations per office). The lock is held for one sync round; a workstation that does not get it
skips the round, the other one is doing the work.

- PostgreSQL: a session-level advisory lock on a connection of its own, held for the round (released when the
  connection closes, so a killed process never leaves it behind).
- SQLite: the store is a file on this computer; an exclusive `flock` on a lock file beside it (released by the OS
  when the process dies). Where `fcntl` does not exist (Windows), a lock per process only.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text

from app.store.database import Database

_process_locks: dict[str, threading.Lock] = {}
_process_locks_guard = threading.Lock()


@contextmanager
def office_lock(db: Database, name: str) -> Iterator[bool]:
    """Try to take the office-wide lock `name` without waiting; yields whether it is held."""
    if db.engine.dialect.name == "postgresql":
        with _advisory_lock(db, name) as held:
            yield held
        return
    path = _sqlite_lock_path(db, name)
    with _process_lock(str(path) if path else name) as held:
        if not held or path is None:
            yield held
            return
        with _file_lock(path) as file_held:
            yield file_held


def _key(name: str) -> int:
    """A stable signed 64-bit key for `name` (advisory locks take a bigint)."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


@contextmanager
def _advisory_lock(db: Database, name: str) -> Iterator[bool]:
    key = _key(name)
    with db.engine.connect() as conn:
        held = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar())
        conn.commit()
        try:
            yield held
        finally:
            if held:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()


def _sqlite_lock_path(db: Database, name: str) -> Path | None:
    database = db.engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database).with_name(f"{Path(database).name}.{name}.lock")


@contextmanager
def _process_lock(name: str) -> Iterator[bool]:
    with _process_locks_guard:
        lock = _process_locks.setdefault(name, threading.Lock())
    held = lock.acquire(blocking=False)
    try:
        yield held
    finally:
        if held:
            lock.release()


@contextmanager
def _file_lock(path: Path) -> Iterator[bool]:
    try:
        import fcntl
    except ImportError:  # Windows: the process lock above is what there is
        yield True
        return
    with path.open("a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
