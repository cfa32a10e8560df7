"""`check`: the database and the file store agree, every stored file still has its hash, the audit chain holds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.services.context import StoreContext
from app.services.signing.register_check import index_missing
from app.store.audit import count_events, verify_chain
from app.store.repositories import DocumentRepository, FileRepository


@dataclass(frozen=True)
class Problem:
    code: str  # check.file_missing | check.hash_mismatch | check.size_mismatch | check.unreferenced | audit.*
    subject: str
    detail: str = ""
    severity: str = "error"  # error | warning


@dataclass(frozen=True)
class CheckReport:
    files_checked: int
    audit_events_checked: int
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


class CheckCancelled(Exception):
    """The user stopped the check; nothing was changed."""


class IntegrityService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def check(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> CheckReport:
        """Hash every stored file and walk the audit chain; `progress(done, total)` after each file, and the check
        stops with CheckCancelled as soon as `cancelled()` says so (a large store takes minutes)."""
        problems: list[Problem] = []
        files = self._ctx.files
        with self._ctx.db.read_session() as s:
            rows = FileRepository(s).all()
            chain = verify_chain(s)
            events = count_events(s)
        known: set[str] = set()
        for done, (sha, size) in enumerate(rows, start=1):
            if cancelled is not None and cancelled():
                raise CheckCancelled
            if progress is not None:
                progress(done, len(rows))
            known.add(sha)
            path = files.path_for(sha)
            if not path.is_file():
                problems.append(Problem("check.file_missing", sha, str(path)))
                continue
            if path.stat().st_size != size:
                problems.append(Problem("check.size_mismatch", sha, f"{path.stat().st_size} != {size}"))
            if files.hash_of(sha) != sha:
                problems.append(Problem("check.hash_mismatch", sha, str(path)))
        for sha in files.all_hashes():
            if sha not in known:
                problems.append(Problem("check.unreferenced", sha, "removed by sweep", severity="warning"))
        problems.extend(Problem(p.code, f"audit #{p.seq}", p.detail) for p in chain)
        # the files registered before the register recorded their signatures are indexed here too, so the first
        # "Check a file against the register" does not have to (files that failed the hash check are skipped)
        index_missing(self._ctx)
        return CheckReport(len(rows), events, tuple(problems))

    def sweep(self, grace_seconds: float = 24 * 3600) -> list[str]:
        with self._ctx.db.session() as s:
            referenced = DocumentRepository(s).referenced_hashes() | {
                sha for sha, _ in FileRepository(s).all()
            }
        return self._ctx.files.sweep(referenced, grace_seconds=grace_seconds)
