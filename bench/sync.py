"""Sync benchmark (design §9 "sync"): N packages from office A to office B through the sandbox axis on loopback, the
statuses "đã đến" / "đã tiếp nhận" back to A, then the same with about 20 % of axis calls faulted (5xx, dropped
replies, timeouts, duplicate deliveries, garbage and truncated replies). Exactly once is checked by counting:
every package registered once in B's incoming book, every status recorded once in A's history.

Each office has its own SQLite database and file store and runs the real SyncService (sender, receiver, Art 8.2
checks with pyHanko verification of a really signed PDF, register_incoming, presenting to the leader). Every package
carries the same signed PDF, so its verification report is cached by SHA-256 (the figure is the exchange, not
pyHanko); the edXML envelopes and registry entries are all distinct.

    python bench/sync.py [--packages 10000] [--faulty-packages N] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from app.domain.clock import vn_now
from app.domain.errors import DomainError
from app.services.exchange.axis_client import AxisClient, RetryPolicy
from app.services.exchange.receiving import Verifier
from app.services.signing.verify import VerificationReport
from app.store.models import DocumentRow
from app.store.models_exchange import OutboxRow, StatusHistoryRow
from tests.integration.exchange.offices import Office, add_sealed_many, close, make_office, open_ctx
from tests.integration.exchange.signed_pdfs import make_pki, signed_pdf

REPO = Path(__file__).resolve().parents[1]
BAR_S = 60.0
# Rules are drawn in order, at most one fires per call: together about 20 % of calls misbehave.
FAULTS = [
    {"op": "*", "kind": "error", "probability": 0.07, "status": 503},
    {"op": "*", "kind": "duplicate", "probability": 0.07},
    {"op": "*", "kind": "garbage", "probability": 0.02},
    {"op": "*", "kind": "truncate", "probability": 0.02},
    {"op": "*", "kind": "drop", "probability": 0.015},
    {"op": "*", "kind": "delay", "probability": 0.015, "seconds": 0.6},
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def sandbox(work: Path) -> Iterator[tuple[str, str]]:
    token = secrets.token_urlsafe(12)
    port = _free_port()
    log = (work / "axis.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "axis_sandbox", "--port", str(port), "--db", str(work / "axis.db"),
                             "--admin-token", token, "--fault-seed", "11"], cwd=REPO, stdout=log,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError((work / "axis.log").read_text())
        yield url, token
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def admin(url: str, token: str, method: str, path: str, body: Any = None) -> None:
    httpx.request(method, f"{url}{path}", json=body, headers={"x-admin-token": token}, timeout=10).raise_for_status()


class CachedVerifier:
    """pyHanko's report for a PDF, computed once per distinct file."""

    def __init__(self, verify: Verifier) -> None:
        self._verify = verify
        self._cache: dict[str, VerificationReport] = {}

    def __call__(self, pdf: bytes) -> VerificationReport:
        key = hashlib.sha256(pdf).hexdigest()
        if key not in self._cache:
            self._cache[key] = self._verify(pdf)
        return self._cache[key]


def run_pair(url: str, token: str, work: Path, n: int, label: str, verify: Verifier, pdf: bytes, *,
             faulty: bool, timeout_s: float) -> dict[str, Any]:
    offices: list[Office] = []
    for i, name in enumerate(("A", "B")):
        code = f"000.00.{10 + i:02d}.{'X' if faulty else 'W'}{20 + len(label):02d}"
        secret = secrets.token_urlsafe(12)
        admin(url, token, "POST", "/admin/clients", {"code": code, "secret": secret, "name": f"Cơ quan {name}"})
        ctx = open_ctx(f"sqlite:///{work / label / name / 'db.sqlite3'}", work / label / name, vn_now)
        office = make_office(ctx, code, f"Cơ quan {name}", "STN" if name == "A" else "UBND")
        client = AxisClient(url, code, secret, timeout=httpx.Timeout(timeout_s, connect=2.0),
                            retry=RetryPolicy(attempts=4, base_delay=0.02, max_delay=0.2))
        office.connect(client, verify)
        offices.append(office)
    a, b = offices
    t0 = time.perf_counter()
    ids = add_sealed_many(a, pdf, n, summary=f"Văn bản thử {label}")
    for doc_id in ids:
        a.exchange.send_issued(a.clerk, doc_id, [b.code])
    enqueue_s = time.perf_counter() - t0
    if faulty:
        admin(url, token, "POST", "/admin/faults", FAULTS)
    errors = 0
    t1 = time.perf_counter()
    deadline = t1 + max(600.0, n * 0.5)
    while time.perf_counter() < deadline:
        for office in (a, b):
            assert office.sync is not None
            try:
                office.sync.run_once()
            except DomainError:
                errors += 1
        if _done(a, b, n):
            break
    elapsed = time.perf_counter() - t1
    if faulty:
        admin(url, token, "DELETE", "/admin/faults")
    counts = _count(a, b, n)
    for office in offices:
        close(office)
    return {"elapsed_s": round(elapsed, 2), "enqueue_s": round(enqueue_s, 2), "sync_errors": errors, **counts}


def _done(a: Office, b: Office, n: int) -> bool:
    with a.ctx.db.read_session() as s:
        open_a = s.execute(select(func.count()).select_from(OutboxRow).where(OutboxRow.state != "sent")).scalar_one()
        statuses = s.execute(select(func.count()).select_from(StatusHistoryRow)).scalar_one()
    with b.ctx.db.read_session() as s:
        open_b = s.execute(select(func.count()).select_from(OutboxRow).where(OutboxRow.state != "sent")).scalar_one()
    return open_a == 0 and open_b == 0 and statuses >= 2 * n


def _count(a: Office, b: Office, n: int) -> dict[str, int]:
    with b.ctx.db.read_session() as s:
        rows = s.execute(select(DocumentRow.number, DocumentRow.notation, DocumentRow.issuer_name)
                         .where(DocumentRow.direction == "incoming")).all()
    keys = [(r.issuer_name, r.notation, r.number) for r in rows]
    with a.ctx.db.read_session() as s:
        history = s.execute(select(StatusHistoryRow.document_id, StatusHistoryRow.status_code)).all()
    status_keys = [(h.document_id, h.status_code) for h in history]
    return {
        "registered": len(keys), "lost": n - len(set(keys)), "duplicated": len(keys) - len(set(keys)),
        "statuses": len(status_keys), "status_lost": 2 * n - len(set(status_keys)),
        "status_duplicated": len(status_keys) - len(set(status_keys)),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--packages", type=int, default=10_000)
    p.add_argument("--faulty-packages", type=int, help="packages of the faulty run (default: --packages)")
    p.add_argument("--timeout", type=float, default=0.3, help="client read timeout in the runs, seconds")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    n, nf = args.packages, args.faulty_packages or args.packages
    pki = make_pki()
    pdf = signed_pdf(pki, "Báo cáo kết quả thử nghiệm liên thông")
    verify = CachedVerifier(pki.verify)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp, sandbox(Path(tmp)) as (url, token):
        clean = run_pair(url, token, Path(tmp), n, "clean", verify, pdf, faulty=False, timeout_s=5.0)
        faulty = run_pair(url, token, Path(tmp), nf, "faulty", verify, pdf, faulty=True, timeout_s=args.timeout)
    out = {
        "packages": n, "clean_s": clean["elapsed_s"], "faulty_packages": nf, "faulty_s": faulty["elapsed_s"],
        "lost": clean["lost"] + faulty["lost"], "duplicated": clean["duplicated"] + faulty["duplicated"],
        "status_lost": clean["status_lost"] + faulty["status_lost"],
        "status_duplicated": clean["status_duplicated"] + faulty["status_duplicated"],
        "bar_clean_s": BAR_S, "clean": clean, "faulty": faulty,
    }
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{'run':<8}{'packages':>10}{'sync s':>10}{'enqueue s':>11}{'registered':>12}{'lost':>6}{'dup':>6}"
              f"{'statuses':>10}{'st lost':>9}{'st dup':>8}{'errors':>8}")
        for name, r, count in (("clean", clean, n), ("faulty", faulty, nf)):
            print(f"{name:<8}{count:>10}{r['elapsed_s']:>10.1f}{r['enqueue_s']:>11.1f}{r['registered']:>12}"
                  f"{r['lost']:>6}{r['duplicated']:>6}{r['statuses']:>10}{r['status_lost']:>9}"
                  f"{r['status_duplicated']:>8}{r['sync_errors']:>8}")
        print(f"bar: clean ≤ {BAR_S:.0f} s for 10,000 packages; exactly once in both runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
