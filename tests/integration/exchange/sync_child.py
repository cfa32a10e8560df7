"""An office's syncing process, as the app's background sync would run on the office's own machine:
`python -m tests.integration.exchange.sync_child URL ROOT AXIS CODE SECRET ROOT_PEM [options]`.

It syncs the office's database with the axis in a loop until there is nothing left to do (or, with `--forever`, until
it is stopped). The kill -9 tests and trials kill it; `bench/sync.py` runs one per office so that the two offices work
side by side, as two machines do. Each round prints one line; a round stopped by an error prints `error=<code>`."""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx
from cryptography import x509

from app.domain.clock import vn_now
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.services.bundle import Services
from app.services.exchange.axis_client import AxisClient, RetryPolicy
from app.services.exchange.outbound import ExchangeService
from app.services.signing.verify import VerificationReport, verify_pdf
from app.store.exchange_repository import ExchangeRepository
from tests.integration.exchange.offices import Office, open_ctx


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("url", "root", "axis", "code", "secret", "root_pem"):
        p.add_argument(name)
    p.add_argument("--timeout", type=float, default=5.0, help="the axis client's read timeout, seconds")
    p.add_argument("--forever", action="store_true", help="keep syncing until stopped; an idle round waits --idle")
    p.add_argument("--idle", type=float, default=0.2, help="seconds an idle round waits with --forever")
    p.add_argument("--cache-verification", action="store_true",
                   help="verify each distinct PDF once (the benchmark's packages all carry the same signed PDF)")
    return p.parse_args(argv)


def verifier(root_pem: Path, *, cached: bool) -> Callable[[bytes], VerificationReport]:
    anchor = x509.load_pem_x509_certificate(root_pem.read_bytes())
    reports: dict[str, VerificationReport] = {}

    def verify(pdf: bytes) -> VerificationReport:
        return verify_pdf(pdf, [anchor], at=datetime.now(UTC))

    def verify_once(pdf: bytes) -> VerificationReport:
        key = hashlib.sha256(pdf).hexdigest()
        if key not in reports:
            reports[key] = verify(pdf)
        return reports[key]

    return verify_once if cached else verify


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ctx = open_ctx(args.url, Path(args.root), vn_now)
    system = Actor.system()
    office = Office(args.code, args.code, ctx, Services.build(ctx), system, system, ExchangeService(ctx))
    client = AxisClient(args.axis, args.code, args.secret, timeout=httpx.Timeout(args.timeout, connect=2.0),
                        retry=RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05))
    sync = office.connect(client, verifier(Path(args.root_pem), cached=args.cache_verification))
    idle = 0
    while args.forever or idle < 3:
        try:
            send, receive = sync.run_once()
        except DomainError as exc:
            print(f"error={exc.code}", flush=True)
            continue
        with ctx.db.read_session() as s:
            queued = ExchangeRepository(s).queue_sizes().queued
        busy = send.sent or receive.registered or receive.statuses or receive.acknowledged or queued
        idle = 0 if busy else idle + 1
        print(f"sent={send.sent} registered={receive.registered} queued={queued}", flush=True)
        if args.forever and not busy:
            time.sleep(args.idle)  # as the app's loop waits for its next round, not to spin against the axis
    return 0


if __name__ == "__main__":
    sys.exit(main())
