"""Command line: `python -m axis_sandbox --db axis.sqlite [--port 8765] [--seed-agencies 100000] ...`.

Binds 127.0.0.1 unless told otherwise: the sandbox has test credentials and fault switches, so it must not be
reachable from the network by accident. `--ssl-certfile/--ssl-keyfile` serve HTTPS on loopback (standards §7).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import sys
import time
from pathlib import Path

import uvicorn

from axis_sandbox.app import Config, create_app, is_valid_code
from axis_sandbox.faults import FaultRule


def _client(spec: str) -> tuple[str, str]:
    code, sep, secret = spec.partition(":")
    if not sep or not secret or not is_valid_code(code):
        raise argparse.ArgumentTypeError(f"expected CODE:SECRET with a code like 000.00.31.H27, got {spec!r}")
    return code, secret


def _fault(spec: str) -> FaultRule:
    try:
        return FaultRule.parse(spec)
    except (TypeError, ValueError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m axis_sandbox", description="Sandbox provincial exchange axis.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--db", type=Path, required=True, help="SQLite file (created if missing)")
    p.add_argument("--files-dir", type=Path, help="where packages are kept (default: <db>.files)")
    p.add_argument("--seed-agencies", type=int, default=0, metavar="N",
                   help="fill an empty agency directory with N generated agencies")
    p.add_argument("--max-package-mb", type=float, default=50.0)
    p.add_argument("--token-ttl", type=float, default=3600.0, help="bearer token lifetime in seconds")
    p.add_argument("--admin-token", default=os.environ.get("AXIS_SANDBOX_ADMIN_TOKEN", ""),
                   help="secret for /admin (default: $AXIS_SANDBOX_ADMIN_TOKEN or a random one, printed)")
    p.add_argument("--client", type=_client, action="append", default=[], metavar="CODE:SECRET",
                   help="issue credentials to an agency (repeatable)")
    p.add_argument("--fault", type=_fault, action="append", default=[], metavar="OP:KIND[:k=v,...]",
                   help="inject a fault, e.g. sendEdoc:error:p=0.2 or getEdoc:garbage:n=1 (repeatable)")
    p.add_argument("--fault-seed", type=int, help="seed for fault probabilities (repeatable runs)")
    p.add_argument("--ssl-certfile")
    p.add_argument("--ssl-keyfile")
    p.add_argument("--allow-remote", action="store_true", help="permit a --host that is not loopback")
    p.add_argument("--log-level", default="warning")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not _is_loopback(args.host) and not args.allow_remote:
        print(f"refusing to bind {args.host}: the sandbox is for loopback; add --allow-remote to insist",
              file=sys.stderr)
        return 2
    admin_token = args.admin_token or secrets.token_urlsafe(16)
    if not args.admin_token:
        print(f"axis_sandbox admin token: {admin_token}", flush=True)
    started = time.monotonic()
    config = Config(
        db_path=args.db, files_dir=args.files_dir, max_package_bytes=int(args.max_package_mb * 1024 * 1024),
        token_ttl_seconds=args.token_ttl, admin_token=admin_token, seed_agencies=args.seed_agencies,
        clients=args.client, faults=args.fault, fault_seed=args.fault_seed,
    )
    app = create_app(config)
    print(f"axis_sandbox ready in {time.monotonic() - started:.1f} s with {app.state.store.agency_count()} agencies; "
          f"serving on {'https' if args.ssl_certfile else 'http'}://{args.host}:{args.port}", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
