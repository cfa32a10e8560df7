"""Content-addressed file store: files are named by SHA-256, written atomically and never changed.

A file is durable (temp file, fsync, rename, fsync of the folder) before any database row may refer to it,
so a crash leaves at worst an unreferenced file, which `sweep` removes after a grace period.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.domain.errors import StorageError

CHUNK = 1024 * 1024
_HEX = set("0123456789abcdef")


@dataclass(frozen=True)
class PutResult:
    sha256: str
    size: int
    path: Path
    already_present: bool


def _is_sha256(value: str) -> bool:
    return len(value) == 64 and set(value) <= _HEX


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"

    def ensure_ready(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._tmp.mkdir(exist_ok=True)
            probe = self._tmp / f".probe-{os.getpid()}-{threading.get_ident()}"  # threads may put side by side
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise StorageError("storage.not_writable", path=str(self.root)) from exc

    def path_for(self, sha256: str) -> Path:
        if not _is_sha256(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_bytes(self, data: bytes) -> PutResult:
        """Bytes already stored (the same PDF arriving again) are neither written nor synced a second time."""
        sha = hashlib.sha256(data).hexdigest()
        final = self.path_for(sha)
        if final.is_file():
            return PutResult(sha, len(data), final, already_present=True)
        return self._write(_BytesChunks(data), known_sha256=sha)  # hashed once, above

    def put_file(self, source: Path) -> PutResult:
        try:
            with source.open("rb") as f:
                return self.put_stream(f)
        except FileNotFoundError as exc:
            raise StorageError("storage.source_missing", path=str(source)) from exc

    def put_stream(self, stream: BinaryIO | _BytesChunks) -> PutResult:
        """Copy, hash and fsync in one pass; a full disk leaves nothing behind and says so."""
        return self._write(stream, known_sha256=None)

    def _write(self, stream: BinaryIO | _BytesChunks, *, known_sha256: str | None) -> PutResult:
        """`known_sha256`: the caller hashed these very bytes already (in memory), so they are not hashed again."""
        if not self._tmp.is_dir():
            self.ensure_ready()
        digest = hashlib.sha256()
        size = 0
        try:
            fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix="put-")
        except OSError as exc:  # what ensure_ready's probe would have said, without a probe file per put
            if (error := _storage_error(exc, self.root)) is None:
                raise
            raise error from exc
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    if known_sha256 is None:
                        digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = known_sha256 or digest.hexdigest()
            final = self.path_for(sha)
            if final.is_file():
                tmp.unlink()
                return PutResult(sha, size, final, already_present=True)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o444)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
            return PutResult(sha, size, final, already_present=False)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if (error := _storage_error(exc, self.root)) is None:
                raise
            raise error from exc

    def open(self, sha256: str) -> BinaryIO:
        try:
            return self.path_for(sha256).open("rb")
        except FileNotFoundError as exc:
            raise StorageError("storage.file_missing", sha256=sha256) from exc

    def read_bytes(self, sha256: str) -> bytes:
        with self.open(sha256) as f:
            return f.read()

    def hash_of(self, sha256: str) -> str:
        """Re-hash the stored bytes (fixity check)."""
        digest = hashlib.sha256()
        with self.open(sha256) as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def all_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for first in sorted(self.root.iterdir()):
            if len(first.name) != 2 or not first.is_dir():
                continue
            for second in sorted(first.iterdir()):
                for f in sorted(second.iterdir()):
                    if _is_sha256(f.name):
                        yield f.name

    def sweep(self, referenced: Iterable[str], *, grace_seconds: float = 24 * 3600) -> list[str]:
        """Remove files no row refers to, once older than the grace period (a write may be in flight)."""
        keep = set(referenced)
        now = time.time()
        removed = []
        for sha in self.all_hashes():
            if sha in keep:
                continue
            path = self.path_for(sha)
            if now - path.stat().st_mtime >= grace_seconds:
                path.unlink()
                removed.append(sha)
        for stale in self._tmp.glob("put-*") if self._tmp.is_dir() else []:
            if now - stale.stat().st_mtime >= grace_seconds:
                stale.unlink(missing_ok=True)
        return removed


class _BytesChunks:
    def __init__(self, data: bytes) -> None:
        self._view = memoryview(data)
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        end = len(self._view) if n < 0 else min(len(self._view), self._pos + n)
        chunk = bytes(self._view[self._pos : end])
        self._pos = end
        return chunk


def _storage_error(exc: OSError, root: Path) -> StorageError | None:
    if exc.errno == errno.ENOSPC:
        return StorageError("storage.disk_full", path=str(root))
    if exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return StorageError("storage.not_writable", path=str(root))
    return None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
