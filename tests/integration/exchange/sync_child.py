"""A syncing process to kill -9 in tests: `python -m tests.integration.exchange.sync_child URL ROOT AXIS CODE SECRET
ROOT_PEM`. It syncs the office's database with the axis in a loop until there is nothing left to do."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

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


def main() -> int:
    url, root, axis, code, secret, root_pem = sys.argv[1:7]
    anchor = x509.load_pem_x509_certificate(Path(root_pem).read_bytes())

    def verify(pdf: bytes) -> VerificationReport:
        return verify_pdf(pdf, [anchor], at=datetime.now(UTC))

    ctx = open_ctx(url, Path(root), vn_now)
    office = Office(code, code, ctx, Services.build(ctx), Actor.system(), Actor.system(), ExchangeService(ctx))
    sync = office.connect(AxisClient(axis, code, secret, timeout=5.0,
                                     retry=RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)), verify)
    idle = 0
    while idle < 3:
        try:
            send, receive = sync.run_once()
        except DomainError:
            continue
        with ctx.db.read_session() as s:
            queued = ExchangeRepository(s).queue_sizes().queued
        busy = send.sent or receive.registered or receive.statuses or receive.acknowledged or queued
        idle = 0 if busy else idle + 1
        print(f"sent={send.sent} registered={receive.registered} queued={queued}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
