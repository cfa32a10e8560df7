"""Inbox benchmark (issue 7, design §9): 100,000 documents and 300,000 assignments; the leader's first inbox page and
a specialist's first "my tasks" page must each open in ≤ 100 ms.

The data is bulk-inserted (Core executemany, no ORM, no audit): 5 leaders, 20 units of 10 specialists; 10 % of the
documents wait in an inbox, the rest were directed, on average three assignments each (reassignments over the
years), one in five still open, each with a lead (unit or person) and one or two coordinators. The timings go through
WorkflowService — permissions, the delegation lookup, the calendar and the working-age figures included — and take
the median and p95 of 50 calls. `inbox_ms` and `my_tasks_ms` are the p95.

    python bench/inbox.py [--documents 100000] [--assignments 300000] [--pg] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Table, insert

from app.domain.clock import vn_now
from app.domain.enums import AgencyLevel, Role, Urgency
from app.domain.model import Actor
from app.domain.workflow import urgency_rank
from app.services.bundle import Services
from app.services.context import StoreContext
from app.store.audit import AuditLog
from app.store.database import open_database
from app.store.filestore import FileStore
from app.store.models import (
    AgencyRow,
    AssignmentPartyRow,
    AssignmentRow,
    DocumentRow,
    PresentationRow,
    UnitRow,
    UserRoleRow,
    UserRow,
)

LEADERS = 5
UNITS = 20
PER_UNIT = 10
INBOX_SHARE = 0.10
OPEN_SHARE = 0.20
RUNS = 50
CHUNK = 20_000
URGENCIES = [Urgency.NORMAL] * 85 + [Urgency.URGENT] * 10 + [Urgency.VERY_URGENT] * 4 + [Urgency.FLASH]
WORDS = ["đất đai", "xây dựng", "giáo dục", "y tế", "tài chính", "giao thông", "nông nghiệp", "chuyển đổi số"]


def services_for(url: str, home: Path) -> Services:
    db, _ = open_database(url, backups_dir=home / "backups")
    files = FileStore(home / "files")
    files.ensure_ready()
    return Services.build(StoreContext(db=db, files=files, audit=AuditLog(vn_now), clock=vn_now))


def chunks(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def bulk(services: Services, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    target: Table = table.__table__
    with services.ctx.db.engine.begin() as conn:
        for part in chunks(rows):
            conn.execute(insert(target), list(part))


def fill(services: Services, documents: int, assignments: int, seed: int = 7) -> dict[str, Any]:
    """Bulk rows; returns the actors to time and what was made."""
    rnd = random.Random(seed)
    now = datetime.now(UTC)
    today = vn_now().date()
    bulk(services, AgencyRow, [{"id": 1, "code": "000.00.12.H27", "name": "Sở Thông tin và Truyền thông",
                                "abbreviation": "STTTT", "level": AgencyLevel.PROVINCE.value, "parent_code": None,
                                "parent_name": "UBND tỉnh Hà Tĩnh", "place_name": "Hà Tĩnh", "is_own": True}])
    bulk(services, UnitRow, [{"id": u, "agency_id": 1, "name": f"Phòng {u}", "abbreviation": f"P{u}"}
                             for u in range(1, UNITS + 1)])
    users: list[dict[str, Any]] = []
    roles: list[dict[str, Any]] = []
    leader_ids = list(range(1, LEADERS + 1))
    for uid in leader_ids:
        users.append(_user(uid, None, f"lanhdao{uid}", now))
        roles.append({"user_id": uid, "role": Role.LEADER.value})
    specialists: dict[int, list[int]] = {}
    uid = LEADERS
    for unit in range(1, UNITS + 1):
        for _ in range(PER_UNIT):
            uid += 1
            users.append(_user(uid, unit, f"chuyenvien{uid}", now))
            roles.append({"user_id": uid, "role": Role.SPECIALIST.value})
            specialists.setdefault(unit, []).append(uid)
    bulk(services, UserRow, users)
    bulk(services, UserRoleRow, roles)
    all_specialists = [u for us in specialists.values() for u in us]

    docs: list[dict[str, Any]] = []
    presentations: list[dict[str, Any]] = []
    doc_ids: list[str] = []
    for n in range(documents):
        doc_id = str(uuid.UUID(int=rnd.getrandbits(128)))
        created = now - timedelta(minutes=rnd.randrange(0, 365 * 24 * 60))
        urgency = rnd.choice(URGENCIES)
        pending = n < documents * INBOX_SHARE
        docs.append({
            "id": doc_id, "agency_id": 1, "direction": "incoming", "doc_type": "Công văn", "number": n % 9000 + 1,
            "notation": "UBND-VP", "issued_date": created.date(), "issuer_name": f"UBND huyện {n % 13}",
            "issuer_code": None, "summary": f"V/v {rnd.choice(WORDS)} số {n}", "signer_name": None,
            "signer_position": None, "urgency": urgency.value, "confidentiality": "none", "restriction": "none",
            "needs_paper": False, "page_count": 2, "normative": False, "drafting_unit_id": None,
            "state": "presented" if pending else "assigned", "created_at": created, "updated_at": created,
            "version": 1,
        })
        presentations.append({
            "document_id": doc_id, "leader_user_id": rnd.choice(leader_ids), "presented_by_user_id": None,
            "presented_by": "vanthu", "presented_at": created, "received_at": created,
            "urgency_rank": urgency_rank(urgency), "pending": pending, "directed_at": None if pending else created,
        })
        if not pending:
            doc_ids.append(doc_id)
    bulk(services, DocumentRow, docs)
    bulk(services, PresentationRow, presentations)
    del docs, presentations

    rows: list[dict[str, Any]] = []
    parties: list[dict[str, Any]] = []
    for aid in range(1, assignments + 1):
        open_ = rnd.random() < OPEN_SHARE
        days = rnd.randrange(-30, 30) if open_ else -rnd.randrange(1, 365)
        deadline = today + timedelta(days=days)
        unit = rnd.randrange(1, UNITS + 1)
        lead_user = rnd.choice(specialists[unit]) if rnd.random() < 0.3 else None
        rows.append({
            "id": aid, "document_id": rnd.choice(doc_ids), "direction_text": "Giao phòng chủ trì tham mưu",
            "lead_unit_id": None if lead_user else unit, "lead_user_id": lead_user, "deadline": deadline,
            "state": "assigned" if open_ else "done", "leader_user_id": rnd.choice(leader_ids),
            "directed_by_user_id": None, "created_at": now, "updated_at": now, "finished_at": None if open_ else now,
            "finished_by_user_id": None, "result_text": "", "reply_document_id": None, "version": 1,
        })
        parties.append({"assignment_id": aid, "role": "lead", "unit_id": None if lead_user else unit,
                        "user_id": lead_user, "open": open_, "deadline": deadline})
        for _ in range(rnd.choice((1, 1, 2))):
            if rnd.random() < 0.5:
                parties.append({"assignment_id": aid, "role": "coordinator", "unit_id": rnd.randrange(1, UNITS + 1),
                                "user_id": None, "open": open_, "deadline": deadline})
            else:
                parties.append({"assignment_id": aid, "role": "coordinator", "unit_id": None,
                                "user_id": rnd.choice(all_specialists), "open": open_, "deadline": deadline})
    bulk(services, AssignmentRow, rows)
    bulk(services, AssignmentPartyRow, parties)
    return {"leader_ids": leader_ids, "specialist": specialists[1][0], "parties": len(parties)}


def _user(uid: int, unit: int | None, name: str, now: datetime) -> dict[str, Any]:
    return {"id": uid, "agency_id": 1, "unit_id": unit, "username": name, "full_name": name, "position": "",
            "password_hash": "-", "is_active": True, "signature_sha256": None, "certificate_fingerprint": None,
            "created_at": now}


def analyse(services: Services) -> None:
    """Planner statistics, as a running office has them (SQLite's optimize / PostgreSQL's autovacuum)."""
    with services.ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def timed(call: Callable[[], object]) -> tuple[float, float]:
    call()  # warm: first connection, statement cache
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def run_backend(prefix: str, url: str, home: Path, documents: int, assignments: int) -> dict[str, float]:
    services = services_for(url, home)
    start = time.perf_counter()
    made = fill(services, documents, assignments)
    analyse(services)
    fill_s = time.perf_counter() - start
    leader_counts = {
        uid: services.workflow.count_inbox(Actor(uid, f"lanhdao{uid}", "", frozenset({Role.LEADER}), 1))
        for uid in made["leader_ids"]
    }
    busiest = max(leader_counts, key=lambda uid: leader_counts[uid])
    leader = Actor(busiest, f"lanhdao{busiest}", "", frozenset({Role.LEADER}), 1)
    specialist = Actor(made["specialist"], "cv", "", frozenset({Role.SPECIALIST}), 1)
    inbox_med, inbox_p95 = timed(lambda: services.workflow.inbox(leader, limit=50))
    tasks_med, tasks_p95 = timed(lambda: services.workflow.my_tasks(specialist, limit=50))
    count_med, _ = timed(lambda: services.workflow.count_inbox(leader))
    overview_med, _ = timed(lambda: services.workflow.overview(leader))
    results = {
        "documents": float(documents),
        "assignments": float(assignments),
        "assignment_parties": float(made["parties"]),
        "inbox_rows": float(leader_counts[busiest]),
        "my_tasks_rows": float(services.workflow.count_my_tasks(specialist)),
        "fill_s": fill_s,
        "inbox_ms": inbox_p95,
        "inbox_median_ms": inbox_med,
        "my_tasks_ms": tasks_p95,
        "my_tasks_median_ms": tasks_med,
        "count_inbox_median_ms": count_med,
        "overview_median_ms": overview_med,
    }
    services.ctx.db.dispose()
    return {(f"{prefix}_{k}" if prefix else k): v for k, v in results.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--assignments", type=int, default=300_000)
    ap.add_argument("--pg", action="store_true", help="also on a throwaway PostgreSQL (tests/postgres.py)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-") as tmp:
        home = Path(tmp) / "sqlite"
        home.mkdir()
        sqlite_url = f"sqlite:///{home / 'vanthu.sqlite3'}"
        results.update(run_backend("", sqlite_url, home, args.documents, args.assignments))
        if args.pg:
            from tests.postgres import create_database, postgres_server

            with postgres_server() as server:
                pg_home = Path(tmp) / "pg"
                pg_home.mkdir()
                url = create_database(server, "bench_inbox")
                results.update(run_backend("pg", url, pg_home, args.documents, args.assignments))
    if args.json:
        print(json.dumps(results))
        return 0
    targets = {"inbox_ms": "≤ 100 (p95)", "my_tasks_ms": "≤ 100 (p95)"}
    print(f"{'figure':<28}{'value':>14}  target")
    for key, value in results.items():
        print(f"{key:<28}{value:>14.2f}  {targets.get(key.removeprefix('pg_'), '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
