"""Sync benchmark (design §9 "sync"): N packages from office A to office B through the sandbox axis on loopback, the
statuses "đã đến" / "đã tiếp nhận" back to A, then the same with about 20 % of axis calls faulted (5xx, dropped
replies, timeouts, duplicate deliveries, garbage and truncated replies). Exactly once is checked by counting:
every package registered once in B's incoming book, every status recorded once in A's history.

Then the kill trials: office A queues `--kill-packages` documents for B, and in each of `--kill-trials` trials both
offices' syncing processes (`tests/integration/exchange/sync_child.py`, a real SyncService in its own process) are
started and killed with SIGKILL at a random moment, 0–1.5 s after the trial's first visible progress; after the
trials both run to the end and the same counts must hold. A trial counts as "mid-work" when the kill left work
unfinished.

Each office has its own SQLite database and file store and runs the real SyncService (sender, receiver, Art 8.2
checks with pyHanko verification of a really signed PDF, register_incoming, presenting to the leader) in its own
process, as on its own machine; the sync time runs from the start of both processes until the counts hold, and an
idle round waits 0.2 s as the app's loop waits for its next round. `--in-process` has both offices take turns in this
process instead (the earlier way, for comparison). In the throughput runs every package carries the same signed PDF,
so its verification report is cached by SHA-256 (the figure is the exchange, not pyHanko); the edXML envelopes and
registry entries are all distinct. The kill trials verify every package.

    python bench/sync.py [--packages 10000] [--faulty-packages N] [--kill-trials 50] [--kill-packages 300]
                         [--in-process] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import signal
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

from cryptography.hazmat.primitives import serialization
from sqlalchemy import func, select

from app.domain.clock import vn_now
from app.domain.errors import DomainError
from app.services.exchange.axis_client import AxisClient, MessageType, RetryPolicy
from app.store.models import DocumentRow
from app.store.models_exchange import OutboxRow, StatusHistoryRow
from tests.integration.exchange.offices import Office, add_sealed_many, close, make_office, open_ctx
from tests.integration.exchange.signed_pdfs import make_pki, signed_pdf
from tests.integration.exchange.sync_child import verifier

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
                             f"--admin-token={token}", "--fault-seed", "11"], cwd=REPO, stdout=log,
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


def _office(url: str, token: str, work: Path, label: str, name: str, code: str) -> tuple[Office, str]:
    """An office with its own database and file store, and its credentials at the axis."""
    secret = secrets.token_urlsafe(12)
    admin(url, token, "POST", "/admin/clients", {"code": code, "secret": secret, "name": f"Cơ quan {name}"})
    root = work / label / name
    ctx = open_ctx(f"sqlite:///{root / 'db.sqlite3'}", root, vn_now)
    return make_office(ctx, code, f"Cơ quan {name}", "STN" if name == "A" else "UBND"), secret


def run_pair(url: str, token: str, work: Path, n: int, label: str, pdf: bytes, root_pem: Path, *, faulty: bool,
             timeout_s: float, in_process: bool) -> dict[str, Any]:
    """A queues `n` issued documents for B; then each office syncs in its own process (as on two machines) until
    every document is registered in B and both statuses of each are recorded in A. `in_process`: both offices take
    turns in this one process instead, as the earlier benchmark did (for comparison)."""
    pair = [_office(url, token, work, label, name, f"000.00.{10 + i:02d}.{'X' if faulty else 'W'}{20 + len(label):02d}")
            for i, name in enumerate(("A", "B"))]
    (a, _), (b, _) = pair
    t0 = time.perf_counter()
    ids = add_sealed_many(a, pdf, n, summary=f"Văn bản thử {label}")
    for doc_id in ids:
        a.exchange.send_issued(a.clerk, doc_id, [b.code])
    enqueue_s = time.perf_counter() - t0
    if faulty:
        admin(url, token, "POST", "/admin/faults", FAULTS)
    deadline = time.perf_counter() + max(600.0, n * 0.5)
    errors = 0
    t1 = time.perf_counter()
    if in_process:
        verify = verifier(root_pem, cached=True)
        for office, secret in pair:
            office.connect(AxisClient(url, office.code, secret, timeout=httpx.Timeout(timeout_s, connect=2.0),
                                      retry=RetryPolicy(attempts=4, base_delay=0.02, max_delay=0.2)), verify)
        while not _done(a, b, n) and time.perf_counter() < deadline:
            for office, _ in pair:
                assert office.sync is not None
                try:
                    office.sync.run_once()
                except DomainError:
                    errors += 1
    else:
        log = work / label / "children.log"
        children = [_child(office, url, secret, root_pem, log, "--forever", "--cache-verification",
                           f"--timeout={timeout_s}") for office, secret in pair]
        try:
            while not _done(a, b, n) and time.perf_counter() < deadline:
                time.sleep(0.05)
        finally:
            for child in children:
                child.terminate()
                child.wait(30)
        errors = sum(line.startswith("error=") for line in log.read_text().splitlines())
    elapsed = time.perf_counter() - t1
    if faulty:
        admin(url, token, "DELETE", "/admin/faults")
    counts = _count(a, b, n)
    for office, _ in pair:
        close(office)
    return {"elapsed_s": round(elapsed, 2), "enqueue_s": round(enqueue_s, 2), "sync_errors": errors, **counts}


def axis_floor(url: str, token: str, work: Path, n: int, package_size: int) -> dict[str, Any]:
    """The axis calls alone that exchanging `n` documents takes, one after the other, with no office work: A sends
    each document, B lists, fetches and acknowledges it and sends its two statuses back, A lists, fetches and
    acknowledges those. Packages of the bench's sizes, distinct message ids; the real AxisClient, no retries needed.
    What the offices add on top of this (checks, registration, presenting, statuses, bookkeeping) is the rest of the
    clean run's time."""
    clients: list[AxisClient] = []
    codes = ("000.00.50.F50", "000.00.51.F51")
    for code in codes:
        secret = secrets.token_urlsafe(12)
        admin(url, token, "POST", "/admin/clients", {"code": code, "secret": secret, "name": f"Sàn {code}"})
        clients.append(AxisClient(url, code, secret, timeout=httpx.Timeout(10.0, connect=2.0),
                                  retry=RetryPolicy(attempts=1, base_delay=0.02, max_delay=0.2)))
    a, b = clients
    document = b"<edXMLEnvelope>" + b"A" * max(package_size - 33, 0) + b"</edXMLEnvelope>"
    status = b"<edXMLEnvelope>" + b"S" * 2000 + b"</edXMLEnvelope>"
    spool = work / "floor.edxml"
    t0 = time.perf_counter()
    for i in range(n):
        a.send_edoc(document, [codes[1]], message_id=f"floor-doc-{i}")
    for item in b.list_received():
        b.download_edoc(item.doc_id, spool)
        b.acknowledge(item.doc_id)
        for k in range(2):
            b.send_edoc(status, [codes[0]], message_type=MessageType.STATUS, message_id=f"floor-st-{item.doc_id}-{k}")
    answered = 0
    for item in a.list_received():
        a.download_edoc(item.doc_id, spool)
        a.acknowledge(item.doc_id)
        answered += 1
    elapsed = time.perf_counter() - t0
    for client in clients:
        client.close()
    return {"documents": n, "statuses": answered, "elapsed_s": round(elapsed, 2),
            "ms_per_document": round(elapsed * 1000 / max(n, 1), 1)}


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


def _child(office: Office, axis: str, secret: str, root_pem: Path, log: Path, *options: str,
           ) -> subprocess.Popen[bytes]:
    """The office's syncing process, as the app's background sync would be on the office's own machine."""
    root = office.ctx.files.root.parent
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.integration.exchange.sync_child", f"sqlite:///{root / 'db.sqlite3'}",
             str(root), axis, office.code, secret, str(root_pem), *options], cwd=REPO, stdout=out,
            stderr=subprocess.STDOUT)


def _progress(a: Office, b: Office) -> tuple[int, int, int]:
    """(outbox rows of A sent, incoming documents of B, statuses recorded in A): what a kill can interrupt."""
    with a.ctx.db.read_session() as s:
        sent = s.execute(select(func.count()).select_from(OutboxRow).where(OutboxRow.state == "sent")).scalar_one()
        statuses = s.execute(select(func.count()).select_from(StatusHistoryRow)).scalar_one()
    with b.ctx.db.read_session() as s:
        incoming = s.execute(select(func.count()).select_from(DocumentRow)
                             .where(DocumentRow.direction == "incoming")).scalar_one()
    return sent, incoming, statuses


def kill_trials(url: str, token: str, work: Path, n: int, trials: int, pdf: bytes, root_pem: Path,
                seed: int = 7) -> dict[str, Any]:
    """`trials` times: start A's and B's syncing processes, SIGKILL both at a random moment; then finish and count."""
    rng = random.Random(seed)
    pair = [_office(url, token, work, "kill", name, f"000.00.{30 + i:02d}.K{40 + i:02d}")
            for i, name in enumerate(("A", "B"))]
    (a, _), (b, _) = pair
    for doc_id in add_sealed_many(a, pdf, n, summary="Văn bản thử kill -9"):
        a.exchange.send_issued(a.clerk, doc_id, [b.code])
    log = work / "kill" / "children.log"
    mid_work = 0
    t0 = time.perf_counter()
    for _ in range(trials):
        before = _progress(a, b)
        children = [_child(office, url, secret, root_pem, log) for office, secret in pair]
        started = time.perf_counter()  # the kill lands a random moment after the first visible progress
        while _progress(a, b) == before and time.perf_counter() - started < 30 and any(
                c.poll() is None for c in children):
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 1.5))
        for child in children:
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
            child.wait(30)
        after = _progress(a, b)
        if after != before and not _done(a, b, n):
            mid_work += 1
    finishers = [_child(office, url, secret, root_pem, log) for office, secret in pair]
    deadline = time.perf_counter() + max(600.0, n * 2.0)
    while not _done(a, b, n) and time.perf_counter() < deadline:
        for i, child in enumerate(finishers):  # a finisher that went idle early (the other still busy) runs again
            if child.poll() is not None:
                office, secret = pair[i]
                finishers[i] = _child(office, url, secret, root_pem, log)
        time.sleep(0.5)
    for child in finishers:
        child.terminate()
        child.wait(30)
    elapsed = time.perf_counter() - t0
    counts = _count(a, b, n)
    for office, _ in pair:
        close(office)
    return {"trials": trials, "mid_work": mid_work, "elapsed_s": round(elapsed, 1), **counts}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--packages", type=int, default=10_000)
    p.add_argument("--faulty-packages", type=int, help="packages of the faulty run (default: --packages)")
    p.add_argument("--timeout", type=float, default=0.3, help="client read timeout in the runs, seconds")
    p.add_argument("--kill-trials", type=int, default=50, help="kill -9 trials of the syncing processes (0: none)")
    p.add_argument("--kill-packages", type=int, default=300, help="documents sent during the kill trials")
    p.add_argument("--in-process", action="store_true",
                   help="both offices take turns in this process instead of syncing side by side in their own")
    p.add_argument("--skip-throughput", action="store_true", help="only the kill trials")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    n, nf = args.packages, args.faulty_packages or args.packages
    pki = make_pki()
    pdf = signed_pdf(pki, "Báo cáo kết quả thử nghiệm liên thông")
    out: dict[str, Any] = {"bar_clean_s": BAR_S}
    runs: list[tuple[str, dict[str, Any], int]] = []
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp, sandbox(Path(tmp)) as (url, token):
        root_pem = Path(tmp) / "root.pem"
        root_pem.write_bytes(pki.root.public_bytes(serialization.Encoding.PEM))
        if not args.skip_throughput:
            clean = run_pair(url, token, Path(tmp), n, "clean", pdf, root_pem, faulty=False, timeout_s=5.0,
                             in_process=args.in_process)
            faulty = run_pair(url, token, Path(tmp), nf, "faulty", pdf, root_pem, faulty=True,
                              timeout_s=args.timeout, in_process=args.in_process)
            runs += [("clean", clean, n), ("faulty", faulty, nf)]
            floor_n = min(n, 1000)
            floor = axis_floor(url, token, Path(tmp), floor_n, package_size=len(pdf) * 4 // 3 + 3000)
            clean_ms = clean["elapsed_s"] * 1000 / max(n, 1)
            out.update({"axis_floor_ms_per_document": floor["ms_per_document"],
                        "axis_floor_s_10000": round(floor["ms_per_document"] * 10, 1),
                        "clean_ms_per_document": round(clean_ms, 1),
                        "clean_vs_axis_floor": round(clean_ms / max(floor["ms_per_document"], 0.001), 2),
                        "axis_floor": floor})
            out.update({
                "packages": n, "clean_s": clean["elapsed_s"], "faulty_packages": nf, "faulty_s": faulty["elapsed_s"],
                "lost": clean["lost"] + faulty["lost"], "duplicated": clean["duplicated"] + faulty["duplicated"],
                "status_lost": clean["status_lost"] + faulty["status_lost"],
                "status_duplicated": clean["status_duplicated"] + faulty["status_duplicated"],
                "clean": clean, "faulty": faulty,
            })
        if args.kill_trials:
            killed = kill_trials(url, token, Path(tmp), args.kill_packages, args.kill_trials, pdf, root_pem)
            runs.append(("kill -9", killed, args.kill_packages))
            out.update({"kill_trials": killed["trials"], "kill_mid_work": killed["mid_work"],
                        "kill_packages": args.kill_packages, "kill_lost": killed["lost"],
                        "kill_duplicated": killed["duplicated"], "kill_status_lost": killed["status_lost"],
                        "kill_status_duplicated": killed["status_duplicated"], "kill": killed})
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{'run':<8}{'packages':>10}{'sync s':>10}{'registered':>12}{'lost':>6}{'dup':>6}"
              f"{'statuses':>10}{'st lost':>9}{'st dup':>8}  notes")
        for name, r, count in runs:
            notes = (f"{r['trials']} trials, {r['mid_work']} killed mid-work" if "trials" in r
                     else f"enqueue {r['enqueue_s']:.1f} s, {r['sync_errors']} sync errors")
            print(f"{name:<8}{count:>10}{r['elapsed_s']:>10.1f}{r['registered']:>12}"
                  f"{r['lost']:>6}{r['duplicated']:>6}{r['statuses']:>10}{r['status_lost']:>9}"
                  f"{r['status_duplicated']:>8}  {notes}")
        if "axis_floor" in out:
            f = out["axis_floor"]
            print(f"axis calls alone (no office work), {f['documents']} documents: {f['elapsed_s']:.1f} s = "
                  f"{f['ms_per_document']:.1f} ms a document, {out['axis_floor_s_10000']:.0f} s for 10,000; "
                  f"the clean run takes {out['clean_ms_per_document']:.1f} ms a document = "
                  f"{out['clean_vs_axis_floor']:.2f}× that")
        print(f"bar: clean ≤ {BAR_S:.0f} s for 10,000 packages; exactly once in every run, the kill trials included")
    return 0


if __name__ == "__main__":
    sys.exit(main())
