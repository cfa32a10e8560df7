"""The sandbox axis's state in one SQLite file (WAL): agencies, client credentials, tokens, packages, deliveries, calls.

Packages are opaque to the axis (a transport does not read letters): their bytes live as files next to the
database and only their SHA-256, size, sender and recipients are recorded. A send creates one `docs` row
(the axis `DocId`) and one `deliveries` row per recipient, which stays in that recipient's inbox until the
recipient sets status `done`. One connection behind a lock is plenty for a test and training server.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from axis_sandbox import seed

VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
TRANSPORT_STATUSES = ("inbox", "acceptance", "rejection", "processing", "fail", "done")
_DB_TIME = "%Y-%m-%d %H:%M:%S"

SCHEMA = """
CREATE TABLE IF NOT EXISTS agencies (
    code TEXT PRIMARY KEY,
    pcode TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    mail TEXT NOT NULL DEFAULT '',
    level INTEGER NOT NULL,
    search_key TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS clients (
    code TEXT PRIMARY KEY,
    salt BLOB NOT NULL,
    secret_hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    expires_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS docs (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    sender TEXT NOT NULL,
    message_type TEXT NOT NULL,
    service_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    file TEXT NOT NULL,
    duplicate_of TEXT,
    created_at TEXT NOT NULL,
    message_id TEXT
);
CREATE INDEX IF NOT EXISTS docs_sender ON docs (sender, created_at);
CREATE TABLE IF NOT EXISTS deliveries (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES docs (doc_id),
    recipient TEXT NOT NULL,
    status TEXT NOT NULL,
    status_desc TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    fetched_at TEXT,
    UNIQUE (doc_id, recipient)
);
CREATE INDEX IF NOT EXISTS deliveries_inbox ON deliveries (recipient, status, created_at);
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    agency TEXT NOT NULL DEFAULT '',
    operation TEXT NOT NULL,
    doc_id TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    http_status INTEGER NOT NULL,
    fault TEXT NOT NULL DEFAULT ''
);
"""
_AGENCY_INDEXES = """
CREATE INDEX IF NOT EXISTS agencies_pcode ON agencies (pcode, code);
"""


class Fail(Exception):
    """A refusal the axis answers with `status: FAIL`; `http_status` also becomes `ErrorCode`."""

    def __init__(self, http_status: int, reason: str, description: str) -> None:
        super().__init__(description)
        self.http_status = http_status
        self.reason = reason
        self.description = description


@dataclass(frozen=True)
class Agency:
    code: str
    pcode: str
    name: str
    mail: str
    level: int

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "pcode": self.pcode, "name": self.name, "mail": self.mail, "level": self.level}


@dataclass(frozen=True)
class Doc:
    doc_id: str
    sender: str
    message_type: str
    service_type: str
    sha256: str
    size: int
    file: Path
    created_at: datetime


def now_vn() -> datetime:
    return datetime.now(VN_TZ).replace(microsecond=0)


def to_db(moment: datetime) -> str:
    return moment.astimezone(VN_TZ).strftime(_DB_TIME)


def from_db(text: str) -> datetime:
    return datetime.strptime(text, _DB_TIME).replace(tzinfo=VN_TZ)


def level_of(code: str) -> int:
    """Level from the code's shape (§6): count the non-zero groups and add one."""
    groups = code.split(".")[:3]
    return 1 + sum(1 for g in groups if int(g) != 0)


def _hash_secret(salt: bytes, secret: str) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", secret.encode("utf-8"), salt, 1000)


class Store:
    def __init__(self, db_path: Path, files_dir: Path) -> None:
        self.files_dir = files_dir
        files_dir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(db_path), check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(SCHEMA + _AGENCY_INDEXES)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(docs)")}
        if "message_id" not in columns:  # a database made before sends carried an idempotency key
            self._db.execute("ALTER TABLE docs ADD COLUMN message_id TEXT")
        self._db.execute("CREATE UNIQUE INDEX IF NOT EXISTS docs_message ON docs (sender, message_id) "
                         "WHERE message_id IS NOT NULL AND duplicate_of IS NULL")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            row: sqlite3.Row | None = self._db.execute(sql, params).fetchone()
            return row

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    # ------------------------------------------------------------------------------------------ agencies

    def agency_count(self) -> int:
        row = self._one("SELECT count(*) FROM agencies")
        return int(row[0]) if row else 0

    def seed_agencies(self, count: int) -> int:
        """Fill the directory with `count` generated agencies unless it already holds some; one transaction."""
        if count <= 0 or self.agency_count() > 0:
            return 0
        stamp = to_db(now_vn())
        rows = ((a.code, a.pcode, a.name, a.mail, a.level, seed.search_key(a.name), stamp)
                for a in seed.generate(count))
        with self._tx() as db:
            db.executemany(
                "INSERT INTO agencies (code, pcode, name, mail, level, search_key, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return count

    def agency(self, code: str) -> Agency | None:
        row = self._one("SELECT code, pcode, name, mail, level FROM agencies WHERE code = ?", (code,))
        return Agency(**dict(row)) if row else None

    def add_agency(self, code: str, pcode: str, name: str, mail: str) -> Agency:
        agency = Agency(code, pcode, name, mail, level_of(code))
        with self._tx() as db:
            if db.execute("SELECT 1 FROM agencies WHERE code = ?", (code,)).fetchone():
                raise Fail(409, "agency_exists", f"Agency {code} is already registered.")
            db.execute(
                "INSERT INTO agencies (code, pcode, name, mail, level, search_key, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (code, pcode, name, mail, agency.level, seed.search_key(name), to_db(now_vn())),
            )
        return agency

    def ensure_agency(self, code: str, name: str, pcode: str = "", mail: str = "") -> None:
        if self.agency(code) is None:
            self.add_agency(code, pcode, name or code, mail)

    def delete_agency(self, code: str) -> None:
        with self._tx() as db:
            if db.execute("SELECT 1 FROM agencies WHERE pcode = ? LIMIT 1", (code,)).fetchone():
                raise Fail(409, "agency_has_children", f"Agency {code} still has subordinate agencies.")
            if db.execute("DELETE FROM agencies WHERE code = ?", (code,)).rowcount == 0:
                raise Fail(404, "agency_not_found", f"Agency {code} is not in the directory.")
            db.execute("DELETE FROM clients WHERE code = ?", (code,))
            db.execute("DELETE FROM tokens WHERE code = ?", (code,))

    def list_agencies(self, page: int, page_size: int, search: str = "", parent: str | None = None,
                      ) -> tuple[list[Agency], int]:
        where: list[str] = []
        params: list[Any] = []
        if parent is not None:
            where.append("pcode = ?")
            params.append(parent)
        if search:
            key = seed.search_key(search).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where.append("(code LIKE ? ESCAPE '\\' OR search_key LIKE ? ESCAPE '\\')")
            params += [f"{search.upper()}%", f"%{key}%"]
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total_row = self._one(f"SELECT count(*) FROM agencies {clause}", params)
        rows = self._all(
            f"SELECT code, pcode, name, mail, level FROM agencies {clause} ORDER BY code LIMIT ? OFFSET ?",
            [*params, page_size, (page - 1) * page_size],
        )
        return [Agency(**dict(r)) for r in rows], int(total_row[0]) if total_row else 0

    # ------------------------------------------------------------------------------------------ credentials

    def set_client(self, code: str, secret: str) -> None:
        salt = secrets.token_bytes(16)
        with self._tx() as db:
            db.execute(
                "INSERT INTO clients (code, salt, secret_hash) VALUES (?, ?, ?) "
                "ON CONFLICT (code) DO UPDATE SET salt = excluded.salt, secret_hash = excluded.secret_hash",
                (code, salt, _hash_secret(salt, secret)),
            )

    def check_client(self, code: str, secret: str) -> bool:
        row = self._one("SELECT salt, secret_hash FROM clients WHERE code = ?", (code,))
        if row is None:
            _hash_secret(b"0" * 16, secret)  # same work either way
            return False
        return hmac.compare_digest(bytes(row["secret_hash"]), _hash_secret(bytes(row["salt"]), secret))

    def issue_token(self, code: str, ttl_seconds: float, now: float) -> str:
        token = secrets.token_urlsafe(32)
        with self._tx() as db:
            db.execute("DELETE FROM tokens WHERE expires_at < ?", (now,))
            db.execute("INSERT INTO tokens (token, code, expires_at) VALUES (?, ?, ?)",
                       (token, code, now + ttl_seconds))
        return token

    def token_owner(self, token: str, now: float) -> str | None:
        row = self._one("SELECT code, expires_at FROM tokens WHERE token = ?", (token,))
        if row is None or float(row["expires_at"]) <= now:
            return None
        return str(row["code"])

    def revoke_tokens(self) -> int:
        with self._tx() as db:
            return db.execute("DELETE FROM tokens").rowcount

    # ------------------------------------------------------------------------------------------ packages

    def doc_by_message(self, sender: str, message_id: str) -> str | None:
        """The DocId already given to this sender's message id (a repeated send), if any."""
        row = self._one("SELECT doc_id FROM docs WHERE sender = ? AND message_id = ? AND duplicate_of IS NULL",
                        (sender, message_id))
        return str(row["doc_id"]) if row else None

    def add_doc(self, sender: str, recipients: Sequence[str], message_type: str, service_type: str,
                sha256: str, size: int, upload: Path, *, duplicate_of: str | None = None,
                message_id: str | None = None) -> str:
        """Store an uploaded file under a new DocId and put it in every recipient's inbox.

        A `message_id` (the sender's idempotency key) already stored returns the first DocId and delivers nothing
        again: a client that lost the reply and repeats its send does not make a second delivery.
        """
        if message_id is not None and duplicate_of is None:
            with self._lock:
                known = self.doc_by_message(sender, message_id)
                if known is not None:
                    upload.unlink(missing_ok=True)
                    return known
                return self._add_doc(sender, recipients, message_type, service_type, sha256, size, upload,
                                     None, message_id)
        return self._add_doc(sender, recipients, message_type, service_type, sha256, size, upload, duplicate_of,
                             None)

    def _add_doc(self, sender: str, recipients: Sequence[str], message_type: str, service_type: str,
                 sha256: str, size: int, upload: Path, duplicate_of: str | None, message_id: str | None) -> str:
        doc_id = str(uuid.uuid4())
        target = self.files_dir / f"{doc_id}.edxml"
        if duplicate_of is None:
            upload.replace(target)
        else:
            try:
                target.hardlink_to(upload)
            except OSError:
                shutil.copyfile(upload, target)
        stamp = to_db(now_vn())
        with self._tx() as db:
            db.execute(
                "INSERT INTO docs (doc_id, sender, message_type, service_type, sha256, size, file, duplicate_of, "
                "created_at, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, sender, message_type, service_type, sha256, size, target.name, duplicate_of, stamp,
                 message_id),
            )
            db.executemany(
                "INSERT INTO deliveries (doc_id, recipient, status, created_at, updated_at) "
                "VALUES (?, ?, 'inbox', ?, ?)",
                [(doc_id, r, stamp, stamp) for r in dict.fromkeys(recipients)],
            )
        return doc_id

    def doc_file(self, doc_id: str) -> Path:
        return self.files_dir / f"{doc_id}.edxml"

    def _doc(self, row: sqlite3.Row) -> Doc:
        return Doc(row["doc_id"], row["sender"], row["message_type"], row["service_type"], row["sha256"],
                   int(row["size"]), self.files_dir / row["file"], from_db(row["created_at"]))

    def doc_for(self, code: str, doc_id: str) -> Doc:
        """The package if `code` sent it or is one of its recipients (others are told it does not exist)."""
        row = self._one(
            "SELECT d.* FROM docs d WHERE d.doc_id = ? AND (d.sender = ? OR EXISTS "
            "(SELECT 1 FROM deliveries v WHERE v.doc_id = d.doc_id AND v.recipient = ?))",
            (doc_id, code, code),
        )
        if row is None:
            raise Fail(404, "doc_not_found", f"No package {doc_id} for agency {code}.")
        return self._doc(row)

    def mark_fetched(self, code: str, doc_id: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE deliveries SET fetched_at = ? WHERE doc_id = ? AND recipient = ? AND fetched_at IS NULL",
                       (to_db(now_vn()), doc_id, code))

    def received(self, code: str, message_type: str | None, start: datetime | None, end: datetime | None,
                 ) -> list[sqlite3.Row]:
        """Deliveries to `code` not yet acknowledged with `done`, oldest first."""
        sql = ("SELECT v.doc_id, d.sender, v.recipient, d.service_type, d.message_type, v.status, v.status_desc, "
               "v.created_at, v.updated_at, d.sha256, d.size FROM deliveries v JOIN docs d ON d.doc_id = v.doc_id "
               "WHERE v.recipient = ? AND v.status != 'done'")
        params: list[Any] = [code]
        sql, params = self._filters(sql, params, message_type, start, end, "v.created_at")
        return self._all(sql + " ORDER BY v.id", params)

    def count_received(self, code: str, message_type: str) -> int:
        row = self._one(
            "SELECT count(*) FROM deliveries v JOIN docs d ON d.doc_id = v.doc_id "
            "WHERE v.recipient = ? AND v.status != 'done' AND d.message_type = ?",
            (code, message_type),
        )
        return int(row[0]) if row else 0

    @staticmethod
    def _filters(sql: str, params: list[Any], message_type: str | None, start: datetime | None,
                 end: datetime | None, column: str) -> tuple[str, list[Any]]:
        if message_type:
            sql += " AND d.message_type = ?"
            params.append(message_type)
        if start is not None:
            sql += f" AND {column} >= ?"
            params.append(to_db(start))
        if end is not None:
            sql += f" AND {column} <= ?"
            params.append(to_db(end))
        return sql, params

    def update_status(self, code: str, doc_id: str, status: str, description: str) -> None:
        with self._tx() as db:
            changed = db.execute(
                "UPDATE deliveries SET status = ?, status_desc = ?, updated_at = ? WHERE doc_id = ? AND recipient = ?",
                (status, description, to_db(now_vn()), doc_id, code),
            ).rowcount
        if changed == 0:
            raise Fail(404, "doc_not_found", f"No package {doc_id} in the inbox of agency {code}.")

    def sent(self, code: str, message_type: str | None, start: datetime | None, end: datetime | None,
             ) -> list[tuple[sqlite3.Row, list[sqlite3.Row]]]:
        sql = "SELECT d.* FROM docs d WHERE d.sender = ? AND d.duplicate_of IS NULL"
        sql, params = self._filters(sql, [code], message_type, start, end, "d.created_at")
        docs = self._all(sql + " ORDER BY d.id", params)
        out = []
        for d in docs:
            recipients = self._all(
                "SELECT recipient, status, status_desc, updated_at, fetched_at FROM deliveries "
                "WHERE doc_id = ? ORDER BY id", (d["doc_id"],))
            out.append((d, recipients))
        return out

    # ------------------------------------------------------------------------------------------ call log

    def log_call(self, agency: str, operation: str, doc_id: str, sha256: str, http_status: int, fault: str) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO calls (at, agency, operation, doc_id, sha256, http_status, fault) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (to_db(now_vn()), agency, operation, doc_id, sha256, http_status, fault),
            )

    def calls(self, limit: int) -> list[dict[str, Any]]:
        rows = self._all("SELECT * FROM calls ORDER BY id DESC LIMIT ?", (limit,))
        return [dict(r) for r in rows]
