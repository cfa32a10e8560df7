"""Registry benchmark (issue 4, design §9): a book of 1,000,000 entries on SQLite (and PostgreSQL).

Figures: open the view and paint the first page; diacritic-insensitive search p95 over 200 random two-word queries
against a raw FTS5 query measured in the same run; jump to row 900,000; resident memory with the view open; and
8 concurrent workers × 1,000 outgoing number allocations (gaps, duplicates, throughput) on both databases.

    python bench/registry.py [--rows 1000000] [--pg-rows 1000000] [--json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import text as sa_text

from app.domain.clock import vn_now
from app.domain.enums import AgencyLevel, Direction, DocumentState, RegistryKind, Role
from app.domain.model import Actor
from app.domain.registry_query import RegistryQuery
from app.services.bundle import Services
from app.services.context import StoreContext
from app.services.registry_generator import ACTIONS, PLACES, TOPICS, fill_book
from app.store.audit import AuditLog
from app.store.database import open_database
from app.store.filestore import FileStore
from app.store.models import DocumentRow
from app.store.registry_view import fts5_match, search_tokens
from app.store.repositories import AgencyRepository, RegistryRepository

CLERK = Actor(None, "bench", "bench", frozenset({Role.CLERK}))


def services_for(url: str, home: Path) -> Services:
    db, _ = open_database(url, backups_dir=home / "backups")
    files = FileStore(home / "files")
    files.ensure_ready()
    return Services.build(StoreContext(db=db, files=files, audit=AuditLog(vn_now), clock=vn_now))


def setup_book(services: Services) -> tuple[int, int]:
    with services.ctx.db.session() as s:
        agency = AgencyRepository(s).add(
            code="000.00.12.H27",
            name="Sở Thông tin và Truyền thông",
            abbreviation="STTTT",
            level=AgencyLevel.PROVINCE,
            parent_code=None,
            parent_name="UBND tỉnh Hà Tĩnh",
            place_name="Hà Tĩnh",
            is_own=True,
        )
        book = RegistryRepository(s).add_book(
            agency_id=agency.id,
            kind=RegistryKind.INCOMING,
            year=vn_now().year,
            name="Sổ đăng ký văn bản đến",
            series_key="incoming",
        )
        return agency.id, book.id


def queries(n: int, seed: int = 3) -> list[str]:
    """Two-word queries a clerk would type, without diacritics ("dat dai", "chuyen doi")."""
    from app.domain.text_fold import fold

    rng = random.Random(seed)
    words = [w for phrase in TOPICS + ACTIONS + PLACES for w in fold(phrase).replace(",", " ").split() if len(w) > 1]
    pairs = []
    for phrase in (rng.choice(TOPICS + ACTIONS) for _ in range(n)):
        ws = fold(phrase).replace(",", " ").split()
        i = rng.randrange(len(ws) - 1) if len(ws) > 1 else 0
        pairs.append(" ".join(ws[i : i + 2]) if len(ws) > 1 else f"{ws[0]} {rng.choice(words)}")
    return pairs


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_view(services: Services, book_id: int, english: bool = False) -> dict[str, float]:
    """Open the real Qt view: until the first page is painted, then a jump to row 900,000 (or 90 %) painted, and
    the memory with the view open. Times end when the viewport's paint event has been handled."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from app.domain.registers import form_for
    from app.widgets.registry_model import RegistryTableModel
    from app.widgets.registry_table import make_registry_view

    class PaintClock(QObject):
        """Notes that the viewport got its paint event; processEvents returns once the paint is done."""

        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    def painted(clock: PaintClock, t0: float) -> float:
        clock.seen = False
        deadline = time.perf_counter() + 5
        while not clock.seen and time.perf_counter() < deadline:
            app.processEvents()
        if not clock.seen:
            raise SystemExit("the registry view never painted")
        return (time.perf_counter() - t0) * 1000

    app = QApplication.instance() or QApplication([])
    form = form_for(RegistryKind.INCOMING)
    reg = services.registry
    first, deep = [], []
    views = []
    for _ in range(5):
        clock = PaintClock()
        t0 = time.perf_counter()
        model = RegistryTableModel(form, reg.page, lambda q, cap: reg.count(q, cap=cap), english=english)
        model.set_query(RegistryQuery(book_id))
        view = make_registry_view(model)
        view.viewport().installEventFilter(clock)
        view.resize(1366, 700)
        view.show()
        first.append(painted(clock, t0))
        target = min(900_000, int(model.rowCount() * 0.9))
        t1 = time.perf_counter()
        view.scrollTo(model.index(target, 0))
        deep.append(painted(clock, t1))
        assert model.cached_pages >= 1, "nothing was fetched: the view did not paint rows"
        view.close()
        views.append((view, model, clock))
    return {"first_page_ms": statistics.median(first), "deep_scroll_ms": statistics.median(deep), "rss_mb": rss_mb()}


RAW_PAGE_SQL = """
SELECT e.id, e.number, e.registered_at, e.document_id, e.doc_type, e.number_notation, e.doc_date, e.issuer,
       e.summary, e.signer, e.urgency, e.recipient, e.kept_copy_holder, e.copies, e.transferred_at, e.note,
       e.cancelled, d.state
FROM registry_fts JOIN registry_entries e ON e.id = registry_fts.rowid JOIN documents d ON d.id = e.document_id
WHERE registry_fts MATCH ? AND e.book_id = ? ORDER BY registry_fts.rowid DESC LIMIT 50"""


def measure_search(services: Services, book_id: int, sqlite_path: Path | None, n: int = 200) -> dict[str, float]:
    qs = queries(n)
    ours = []
    for text in qs:
        t0 = time.perf_counter()
        services.registry.page(RegistryQuery(book_id, search=text), 0, 50)
        ours.append((time.perf_counter() - t0) * 1000)
    out = {"search_p95_ms": p95(ours), "search_median_ms": statistics.median(ours)}
    hits = services.registry.page(RegistryQuery(book_id, search="dat dai"), 0, 1)
    out["dat_dai_finds_dat_dai"] = float(bool(hits) and "đất đai" in hits[0].summary)
    if sqlite_path is not None:
        # Baseline: the same page through hand-written SQL on the FTS5 table (what the app's layers must not slow).
        con = sqlite3.connect(str(sqlite_path))
        raw = []
        for text in qs:
            match = fts5_match(search_tokens(text))
            t0 = time.perf_counter()
            con.execute(RAW_PAGE_SQL, (match, book_id)).fetchall()
            raw.append((time.perf_counter() - t0) * 1000)
        con.close()
        out["raw_fts_p95_ms"] = p95(raw)
        out["search_ratio"] = out["search_p95_ms"] / max(out["raw_fts_p95_ms"], 1e-6)
    return out


def _alloc_worker(url: str, home: str, doc_ids: list[str], out: Any) -> None:
    services = services_for(url, Path(home))
    got = [services.registry.allocate_outgoing(CLERK, d).number for d in doc_ids]
    out.put(got)


def measure_allocation(
    url: str,
    home: Path,
    agency_id: int,
    workers: int = 8,
    per_worker: int = 1000,
) -> dict[str, float]:
    services = services_for(url, home)
    now = vn_now()
    ids = [str(uuid.uuid4()) for _ in range(workers * per_worker)]
    with services.ctx.db.session() as s:
        s.execute(
            DocumentRow.__table__.insert(),
            [
                dict(
                    id=i,
                    agency_id=agency_id,
                    direction=Direction.OUTGOING.value,
                    doc_type="Quyết định",
                    summary="Về việc",
                    issuer_name="Sở",
                    urgency="normal",
                    confidentiality="none",
                    restriction="none",
                    needs_paper=False,
                    page_count=1,
                    normative=False,
                    state=DocumentState.SIGNED.value,
                    created_at=now,
                    updated_at=now,
                    version=1,
                )
                for i in ids
            ],
        )
    services.ctx.db.dispose()
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_alloc_worker, args=(url, str(home), ids[w::workers], q)) for w in range(workers)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    numbers: list[int] = []
    for _ in procs:
        try:
            numbers.extend(q.get(timeout=600))
        except Exception as exc:  # a worker died: report it instead of waiting for ever
            for p in procs:
                p.kill()
            raise SystemExit(f"allocation worker failed: {[p.exitcode for p in procs]}") from exc
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - t0
    expected = set(range(1, len(ids) + 1))
    return {
        "alloc_gaps": len(expected - set(numbers)),
        "alloc_duplicates": len(numbers) - len(set(numbers)),
        "alloc_per_s": len(numbers) / elapsed,
    }


def run_backend(name: str, url: str, home: Path, rows: int) -> dict[str, float]:
    services = services_for(url, home)
    agency_id, book_id = setup_book(services)
    t0 = time.perf_counter()
    fill_book(services.ctx, CLERK, book_id, rows, seed=11, batch=10_000)
    gen_s = time.perf_counter() - t0
    with services.ctx.db.session() as s:  # fresh planner statistics, as autovacuum / PRAGMA optimize keep them
        s.execute(sa_text("ANALYZE"))
    sqlite_path = Path(url[len("sqlite:///") :]) if url.startswith("sqlite:///") else None
    res: dict[str, float] = {"rows": rows, "generate_s": gen_s}
    res.update(measure_view(services, book_id))
    res.update(measure_search(services, book_id, sqlite_path))
    services.ctx.db.dispose()
    res.update(measure_allocation(url, home, agency_id))
    return {f"{k}" if name == "sqlite" else f"pg_{k}": v for k, v in res.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--pg-rows", type=int, default=1_000_000, help="0 skips PostgreSQL")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-") as tmp:
        home = Path(tmp) / "sqlite"
        home.mkdir()
        results.update(run_backend("sqlite", f"sqlite:///{home / 'vanthu.sqlite3'}", home, args.rows))
        if args.pg_rows:
            from tests.postgres import create_database, postgres_server

            with postgres_server() as server:
                pg_home = Path(tmp) / "pg"
                pg_home.mkdir()
                results.update(run_backend("pg", create_database(server, "bench"), pg_home, args.pg_rows))
    if args.json:
        print(json.dumps(results))
        return 0
    targets = {
        "first_page_ms": "≤ 50",
        "search_p95_ms": "≤ 50",
        "search_ratio": "≤ 1.5",
        "deep_scroll_ms": "≤ 100",
        "rss_mb": "≤ 300",
        "alloc_gaps": "0",
        "alloc_duplicates": "0",
    }
    print(f"{'figure':<28}{'value':>14}  target")
    for key, value in results.items():
        target = targets.get(key.removeprefix("pg_"), "")
        print(f"{key:<28}{value:>14.2f}  {target}")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown: PySide6 may crash collecting the Qt objects of the view benchmark
