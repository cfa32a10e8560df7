"""A district collecting for its communes, to kill -9 in tests: `python -m tests.integration.exchange.relay_child URL
ROOT AXIS COMMUNE SECRET`. It collects in a loop until a round finds nothing new."""

from __future__ import annotations

import sys
from pathlib import Path

from app.domain.clock import vn_now
from app.services.exchange.axis_client import AxisClient, RetryPolicy
from app.services.exchange.relay import CommuneRelay
from tests.integration.exchange.offices import open_ctx


def main() -> int:
    url, root, axis, commune, secret = sys.argv[1:6]
    ctx = open_ctx(url, Path(root), vn_now)

    def client(code: str, system_id: str) -> AxisClient | None:
        return AxisClient(axis, system_id, secret, timeout=5.0,
                          retry=RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05)) if code == commune else None

    relay = CommuneRelay(ctx, client)
    idle = 0
    while idle < 2:
        result = relay.collect_locked()
        idle = 0 if (result.total or result.acknowledged or result.errors) else idle + 1
        print(f"held={result.total} acknowledged={result.acknowledged} errors={len(result.errors)}", flush=True)
    relay.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
