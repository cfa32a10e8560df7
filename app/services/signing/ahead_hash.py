"""The hash of a signature's unchanged part, computed on a second core while pyHanko prepares the signature.

Why: an incremental signature hashes the whole file before it (25 MB for a 100-page scan: about 15 ms) plus the few
kilobytes the update adds. The file before is known as soon as signing starts, while pyHanko then spends about as
long again on the appearance, the fields and the update it writes, all in Python. Hashing the unchanged part
meanwhile (hashlib releases the GIL) takes that hash off the path: when pyHanko asks for the document digest, the
state of the unchanged part is ready and only the update is added.

The digest is the same SHA-256 over the same bytes (the original is immutable, `_AppendStream` refuses writes into
it). pyHanko's byte-range digest (`pdf_byterange`) gets a SHA-256 object backed by hashlib that can take over that
state; every other algorithm stays pyca/cryptography's.
"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

AHEAD_FROM = 1 << 20  # smaller files are hashed in line: a thread hand-off would cost more than it saves

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def hash_pool() -> ThreadPoolExecutor:
    """The process's threads for hashing on a second core (signing's unchanged part, verification's signed ranges);
    hashlib releases the GIL, and the tasks never wait on each other."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="vanthu-hash-ahead")
        return _pool


class PrefixDigest:
    """SHA-256 of `data`, started now on another thread."""

    def __init__(self, data: bytes) -> None:
        self.size = len(data)
        self._future: Future[Any] = hash_pool().submit(_sha256, data)

    def state(self) -> Any:
        """A fresh hashlib object holding the hash of the whole of `data` (waits for it)."""
        return self._future.result().copy()


def start(data: bytes) -> PrefixDigest | None:
    return PrefixDigest(data) if len(data) >= AHEAD_FROM else None


def _sha256(data: bytes) -> Any:
    with memoryview(data) as view:
        return hashlib.sha256(view)


class Sha256:
    """pyca/cryptography's `hashes.Hash` interface (update, copy, finalize) on hashlib, able to take over a
    precomputed state of what would have been fed first."""

    def __init__(self, state: Any = None) -> None:
        self._md = state if state is not None else hashlib.sha256()
        self.fed = 0  # bytes fed so far (a state can only replace the start)

    @property
    def algorithm(self) -> Any:
        from cryptography.hazmat.primitives import hashes

        return hashes.SHA256()

    def update(self, data: Any) -> None:
        self._md.update(data)
        self.fed += memoryview(data).nbytes

    def adopt(self, prefix: PrefixDigest) -> bool:
        """Take over `prefix` as what was fed so far, if nothing was fed yet."""
        if self.fed:
            return False
        self._md = prefix.state()
        self.fed = prefix.size
        return True

    def copy(self) -> Sha256:
        twin = Sha256(self._md.copy())
        twin.fed = self.fed
        return twin

    def finalize(self) -> bytes:
        return bytes(self._md.digest())


class _Hashes:
    """Stands in for the `hashes` module inside pyHanko's pdf_byterange: SHA-256 objects that can adopt a state."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def Hash(self, algorithm: Any, *args: Any, **kwargs: Any) -> Any:  # the name of the module function it stands for
        if isinstance(algorithm, self._real.SHA256) and not args and not kwargs:
            return Sha256()
        return self._real.Hash(algorithm, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def install() -> None:
    """Give pyHanko's byte-range digest the adoptable SHA-256 (idempotent)."""
    from pyhanko.sign.signers import pdf_byterange

    module: Any = pdf_byterange
    if not isinstance(module.hashes, _Hashes):
        module.hashes = _Hashes(module.hashes)
