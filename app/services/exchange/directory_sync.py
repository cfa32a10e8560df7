"""Refresh the local agency directory (mã định danh, standards §6) from the provincial axis (`getAgenciesList`, §7).

The axis lists 100,000+ agencies; the recipient pickers need them offline. A refresh pulls the list page by page
(ordered by code) and upserts each page into the `agencies` table in one transaction, so:
- a failure midway (axis down, garbage page, the app killed) leaves every committed page in place: the cache stays
  usable, and the next run resumes at the page after the last committed one (a checkpoint in the data dir);
- every code is validated (format and hierarchy, §6); invalid ones are skipped and counted with the reason;
- the office's own agency row is never touched (its name, abbreviation and place are set locally);
- the parent comes from the code (zero the left-most non-zero group), not from the axis's `pcode`, which is only
  compared (a disagreement is counted as `parent_corrected`).

Agencies the axis no longer lists are counted (`stale`) but left in the table: it has no "active" column, rows may
be referenced by documents, and no migration is added here. Metadata (when the directory was last refreshed, the
counts of that refresh, the checkpoint of an unfinished one) lives in `directory.json` in the data dir, as there is
no settings table; the codes already seen by an unfinished refresh are appended to `directory.seen` next to it.

Progress and cancel are plain callables (no Qt): the UI runs `run()` in its job runner.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from app.domain import agency_code
from app.domain.enums import AgencyLevel
from app.domain.errors import ConflictError, ValidationError
from app.domain.text_fold import fold
from app.services.context import StoreContext
from app.services.exchange.axis_client import AgencyPage, AxisAgency, AxisClient
from app.services.exchange.errors import ExchangeError
from app.store.models import AgencyRow

log = logging.getLogger(__name__)

STATE_FILE = "directory.json"
SEEN_FILE = "directory.seen"
MAX_PAGE_SIZE = 1000  # the axis caps `pagesize` at 1000 (axis_sandbox/app.py)
NAME_MAX = 200  # AgencyRow.name is String(200): a longer name would fail the whole batch on PostgreSQL
SAMPLES = 50  # skipped agencies kept by name in the result, for the admin to read
TRANSIENT = frozenset({"axis.unreachable", "axis.server_error", "axis.busy", "axis.bad_reply"})
MAX_RESTARTS = 2  # the axis's total changed under us: start over (upserts are idempotent) at most this often



def _table() -> Table:
    return AgencyRow.__table__  # type: ignore[return-value]  # Core statements: executemany, no ORM objects


@dataclass(frozen=True)
class DirectoryProgress:
    """After each committed page: agencies read so far out of the axis's total."""

    page: int
    pages: int
    read: int
    total: int


@dataclass(frozen=True)
class SkippedAgency:
    code: str
    name: str
    reason: str  # a message code: agency_code.format, agency_code.hierarchy, directory.name_missing, …


@dataclass
class RefreshCounts:
    """What one refresh did, summed over the runs that completed it."""

    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    samples: list[SkippedAgency] = field(default_factory=list)
    parent_corrected: int = 0
    own_kept: int = 0  # our own code as listed by the axis: left as it is locally

    def skip(self, item: SkippedAgency) -> None:
        self.skipped += 1
        self.reasons[item.reason] = self.reasons.get(item.reason, 0) + 1
        if len(self.samples) < SAMPLES:
            self.samples.append(item)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["samples"] = [asdict(s) for s in self.samples]
        return data

    @staticmethod
    def from_json(data: dict[str, Any]) -> RefreshCounts:
        counts = RefreshCounts(**{k: v for k, v in data.items() if k not in ("samples", "reasons")})
        counts.reasons = {str(k): int(v) for k, v in dict(data.get("reasons", {})).items()}
        counts.samples = [SkippedAgency(**s) for s in data.get("samples", [])]
        return counts


@dataclass(frozen=True)
class DirectoryRefresh:
    """The outcome of `DirectorySync.run()`."""

    complete: bool  # every page was read and stored
    cancelled: bool
    total: int  # agencies the axis announced
    counts: RefreshCounts
    stale: int | None  # local agencies the axis no longer lists (left in place); None until complete
    stale_sample: tuple[str, ...] = ()
    resumed_from_page: int = 1  # > 1 when this run continued an unfinished refresh
    restarts: int = 0  # the directory changed on the axis during the refresh and it was read again from page 1
    refreshed_at: datetime | None = None


@dataclass(frozen=True)
class DirectoryStatus:
    """For the admin screen and the status line: how fresh the cached directory is."""

    last_refreshed: datetime | None
    last_counts: RefreshCounts | None
    last_stale: int | None
    unfinished: bool  # an interrupted refresh will resume at `next_page`
    next_page: int


@dataclass
class _Run:
    """The checkpoint of an unfinished refresh (persisted after each committed page)."""

    next_page: int
    page_size: int
    total: int
    started_at: str
    restarts: int = 0
    counts: RefreshCounts = field(default_factory=RefreshCounts)

    def to_json(self) -> dict[str, Any]:
        return {"next_page": self.next_page, "page_size": self.page_size, "total": self.total,
                "started_at": self.started_at, "restarts": self.restarts, "counts": self.counts.to_json()}

    @staticmethod
    def from_json(data: dict[str, Any]) -> _Run:
        return _Run(int(data["next_page"]), int(data["page_size"]), int(data["total"]), str(data["started_at"]),
                    int(data.get("restarts", 0)), RefreshCounts.from_json(dict(data.get("counts", {}))))


@dataclass(frozen=True)
class _Valid:
    code: str
    name: str
    parent_code: str | None
    level: str


class DirectorySync:
    """Pulls the axis's agency directory into the local `agencies` table. One run at a time per instance."""

    def __init__(
        self,
        ctx: StoreContext,
        client_factory: Callable[[], AxisClient],
        *,
        state_dir: Path | None = None,
        page_size: int = MAX_PAGE_SIZE,
        page_attempts: int = 4,
        retry_delay: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """`state_dir`: where directory.json lives (default: the data dir, the parent of the file store)."""
        self._ctx = ctx
        self._client_factory = client_factory
        self._state_dir = state_dir or ctx.files.root.parent
        self._page_size = max(1, min(page_size, MAX_PAGE_SIZE))
        self._page_attempts = max(1, page_attempts)
        self._retry_delay = retry_delay
        self._sleep = sleep
        self._lock = threading.Lock()

    # ------------------------------------------------------------------------------------------ public

    @property
    def state_path(self) -> Path:
        return self._state_dir / STATE_FILE

    def status(self) -> DirectoryStatus:
        state = self._read_state()
        run = state.get("run")
        last = state.get("last_refreshed")
        counts = state.get("last_counts")
        return DirectoryStatus(
            last_refreshed=datetime.fromisoformat(last) if isinstance(last, str) else None,
            last_counts=RefreshCounts.from_json(counts) if isinstance(counts, dict) else None,
            last_stale=state.get("last_stale") if isinstance(state.get("last_stale"), int) else None,
            unfinished=isinstance(run, dict),
            next_page=int(run["next_page"]) if isinstance(run, dict) else 1,
        )

    def last_refreshed(self) -> datetime | None:
        return self.status().last_refreshed

    def run(
        self,
        *,
        progress: Callable[[DirectoryProgress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> DirectoryRefresh:
        """Refresh the directory, resuming an unfinished refresh; raises the axis error when a page cannot be had
        after the retries (what was stored stays, the next run continues from there)."""
        if not self._lock.acquire(blocking=False):
            raise ConflictError("directory.refresh_running")
        try:
            with self._client_factory() as client:
                return self._run(client, progress or (lambda _p: None), cancelled or (lambda: False))
        finally:
            self._lock.release()

    # ------------------------------------------------------------------------------------------ the run

    def _run(self, client: AxisClient, progress: Callable[[DirectoryProgress], None],
             cancelled: Callable[[], bool]) -> DirectoryRefresh:
        state = self._read_state()
        run = self._resumable(state)
        resumed_from = run.next_page if run else 1
        own = self._own_code()
        names: dict[str, str] = {}  # code → name of what this run stored: parents' names for the children
        while True:
            if cancelled():
                return self._stopped(run, resumed_from, cancelled=True)
            page_no = run.next_page if run else 1
            page = self._fetch(client, page_no)
            if run is None:
                run = _Run(1, self._page_size, page.total, self._ctx.clock().isoformat())
                self._seen_path().unlink(missing_ok=True)
            elif page.total != run.total and run.restarts < MAX_RESTARTS:
                log.info("agency directory changed on the axis (%d → %d agencies): reading it again", run.total,
                         page.total)
                run = _Run(1, self._page_size, page.total, run.started_at, run.restarts + 1)
                if page_no != 1:
                    continue
            stored = self._store_page(page.items, own, run.counts, names)
            self._append_seen(stored)
            pages = max(1, -(-page.total // self._page_size))
            run.next_page = page_no + 1
            self._write_state({**state, "run": run.to_json()})
            progress(DirectoryProgress(page_no, pages, min(page.total, page_no * self._page_size), page.total))
            if not page.items or page_no >= pages:
                return self._finish(state, run, resumed_from)

    def _fetch(self, client: AxisClient, page_no: int) -> AgencyPage:
        """One page, retried on transient failures (garbage or truncated replies included: the client itself
        does not repeat those)."""
        for attempt in range(self._page_attempts):
            try:
                page = client.list_agencies(page=page_no, page_size=self._page_size)
                if page.total < 0 or len(page.items) > self._page_size:
                    raise ExchangeError("axis.bad_reply", operation="getAgenciesList", detail="page larger than asked")
                return page
            except ExchangeError as exc:
                if exc.code not in TRANSIENT or attempt + 1 >= self._page_attempts:
                    exc.params.setdefault("page", page_no)
                    raise
                wait = self._retry_delay * 2.0**attempt
                log.info("agency directory page %d: %s, retrying in %.1f s", page_no, exc.code, wait)
                self._sleep(wait)
        raise AssertionError("unreachable")

    def _store_page(self, items: Iterable[AxisAgency], own: str | None, counts: RefreshCounts,
                    names: dict[str, str]) -> list[str]:
        """Validate and upsert one page in one transaction; returns the codes the axis listed validly."""
        valid: dict[str, _Valid] = {}
        seen: list[str] = []
        for item in items:
            counts.read += 1
            checked = _validate(item, counts)
            if checked is None:
                continue
            if checked.code == own:
                counts.own_kept += 1
                seen.append(checked.code)
                continue
            valid[checked.code] = checked  # a code listed twice: the later row wins
        seen += valid
        if not valid:
            return seen
        t = _table()
        with self._ctx.db.session() as s:
            existing = {r.code: r for r in s.execute(
                select(t.c.id, t.c.code, t.c.name, t.c.parent_code, t.c.parent_name, t.c.is_own)
                .where(t.c.code.in_(list(valid)))
            )}
            parent_names = self._parent_names(s, list(valid.values()), names)
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for v in valid.values():
                parent_name = parent_names.get(v.parent_code) if v.parent_code else None
                row = existing.get(v.code)
                if row is None:
                    inserts.append({"code": v.code, "name": v.name, "abbreviation": "", "level": v.level,
                                    "parent_code": v.parent_code, "parent_name": parent_name, "place_name": "",
                                    "is_own": False})
                elif row.is_own:
                    counts.own_kept += 1
                elif (row.name, row.parent_code, row.parent_name) != (v.name, v.parent_code, parent_name):
                    updates.append({"_id": row.id, "_name": v.name, "_parent_code": v.parent_code,
                                    "_parent_name": parent_name})
                else:
                    counts.unchanged += 1
            if inserts:
                s.execute(insert(t), inserts)
            if updates:
                s.execute(
                    update(t).where(t.c.id == bindparam("_id")).values(
                        name=bindparam("_name"), parent_code=bindparam("_parent_code"),
                        parent_name=bindparam("_parent_name")),
                    updates,
                )
        counts.inserted += len(inserts)
        counts.updated += len(updates)
        names.update((v.code, v.name) for v in valid.values())
        return seen

    @staticmethod
    def _parent_names(s: Session, valid: list[_Valid], names: dict[str, str]) -> dict[str, str]:
        """Parents sort before their children (zeroing a group lowers the code), so they were usually stored by an
        earlier page of this run; the others (a resumed run) are read from the table."""
        batch = {v.code: v.name for v in valid}
        wanted = {v.parent_code for v in valid if v.parent_code}
        found = {p: batch.get(p) or names.get(p) for p in wanted}
        missing = [p for p, n in found.items() if n is None]
        if missing:
            t = _table()
            found.update(dict(s.execute(select(t.c.code, t.c.name).where(t.c.code.in_(missing))).tuples().all()))
        return {p: n for p, n in found.items() if n}

    def _finish(self, state: dict[str, Any], run: _Run, resumed_from: int) -> DirectoryRefresh:
        seen = self._read_seen()
        t = _table()
        with self._ctx.db.read_session() as s:
            local = s.execute(select(t.c.code).where(t.c.is_own.is_(False))).scalars().all()
        stale = sorted(c for c in local if c not in seen)
        now = self._ctx.clock()
        self._write_state({"last_refreshed": now.isoformat(), "last_counts": run.counts.to_json(),
                           "last_stale": len(stale), "last_total": run.total, "run": None})
        self._seen_path().unlink(missing_ok=True)
        log.info("agency directory refreshed: %d read, %d new, %d changed, %d skipped, %d no longer listed",
                 run.counts.read, run.counts.inserted, run.counts.updated, run.counts.skipped, len(stale))
        return DirectoryRefresh(True, False, run.total, run.counts, len(stale), tuple(stale[:20]), resumed_from,
                                run.restarts, now)

    def _stopped(self, run: _Run | None, resumed_from: int, *, cancelled: bool) -> DirectoryRefresh:
        counts = run.counts if run else RefreshCounts()
        return DirectoryRefresh(False, cancelled, run.total if run else 0, counts, None, (), resumed_from,
                                run.restarts if run else 0)

    # ------------------------------------------------------------------------------------------ state

    def _resumable(self, state: dict[str, Any]) -> _Run | None:
        data = state.get("run")
        if not isinstance(data, dict):
            return None
        try:
            run = _Run.from_json(data)
        except (KeyError, TypeError, ValueError):
            log.warning("ignoring an unreadable directory refresh checkpoint")
            return None
        if run.page_size != self._page_size:  # pages of another size do not line up: start over
            return None
        return run

    def _own_code(self) -> str | None:
        t = _table()
        with self._ctx.db.read_session() as s:
            return s.execute(select(t.c.code).where(t.c.is_own.is_(True))).scalar_one_or_none()

    def _read_state(self) -> dict[str, Any]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("ignoring an unreadable %s", self.state_path)
            return {}
        return data if isinstance(data, dict) else {}

    def _write_state(self, state: dict[str, Any]) -> None:
        """Atomic replace: a crash leaves the old or the new file, never half of one."""
        self._state_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.state_path.with_name(STATE_FILE + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(state, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(self.state_path)

    def _seen_path(self) -> Path:
        return self._state_dir / SEEN_FILE

    def _append_seen(self, codes: list[str]) -> None:
        if not codes:
            return
        self._state_dir.mkdir(parents=True, exist_ok=True)
        with self._seen_path().open("a", encoding="ascii") as fh:
            fh.write("\n".join(codes) + "\n")

    def _read_seen(self) -> set[str]:
        try:
            return set(self._seen_path().read_text(encoding="ascii").split())
        except FileNotFoundError:
            return set()


# ---------------------------------------------------------------------------------------------- validation


def _validate(item: AxisAgency, counts: RefreshCounts) -> _Valid | None:
    name = " ".join(unicodedata.normalize("NFC", item.name).split())
    try:
        code = agency_code.parse(item.code)
    except ValidationError as exc:
        counts.skip(SkippedAgency(item.code[:40], name[:NAME_MAX], exc.code))
        return None
    if not name:
        counts.skip(SkippedAgency(item.code, "", "directory.name_missing"))
        return None
    if len(name) > NAME_MAX:
        counts.skip(SkippedAgency(item.code, name[:NAME_MAX], "directory.name_too_long"))
        return None
    parent = code.parent.text if code.parent else None
    if item.parent_code and item.parent_code != parent:
        counts.parent_corrected += 1
    return _Valid(code.text, name, parent, _level(code, name).value)


_DISTRICT_HEADS = ("ubnd huyen ", "ubnd thi xa ", "ubnd thanh pho ", "ubnd quan ", "uy ban nhan dan huyen ",
                   "uy ban nhan dan thi xa ", "uy ban nhan dan thanh pho ", "uy ban nhan dan quan ")
_COMMUNE_HEADS = ("ubnd xa ", "ubnd phuong ", "ubnd thi tran ", "uy ban nhan dan xa ", "uy ban nhan dan phuong ",
                  "uy ban nhan dan thi tran ")


def _level(code: agency_code.AgencyCode, name: str) -> AgencyLevel:
    """The table's coarse kind of agency: a province's PC at level 1, a district PC at level 2, a commune PC at
    level 3 (recognised by the name); everything else (departments, schools, ministries) is OTHER."""
    level = code.level
    if level == 1 and code.level1.startswith("H"):
        return AgencyLevel.PROVINCE
    if level not in (2, 3):
        return AgencyLevel.OTHER
    head = " ".join(_fold_word(w) for w in name.split()[:5]) + " "
    if level == 2 and head.startswith(_DISTRICT_HEADS):
        return AgencyLevel.DISTRICT
    if level == 3 and head.startswith(_COMMUNE_HEADS):
        return AgencyLevel.COMMUNE
    return AgencyLevel.OTHER


@lru_cache(maxsize=8192)
def _fold_word(word: str) -> str:
    return fold(word)  # names share few words: 100,000 names fold in a fraction of a second
