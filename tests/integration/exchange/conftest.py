"""The sandbox axis as a real subprocess on 127.0.0.1, once per session (seeded with 100,000 agencies).

Tests share it, so each one makes its own agencies (`axis.new_agency()`) and the `axis` fixture clears faults
and limits around every test.
"""

from __future__ import annotations

import itertools
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.services.exchange.axis_client import AxisClient, RetryPolicy

REPO = Path(__file__).resolve().parents[3]
SEED_AGENCIES = 100_000
DEFAULT_MAX_PACKAGE = 50 * 1024 * 1024
_codes = itertools.count()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Sandbox:
    url: str
    admin_token: str
    log_path: Path
    sleeps: list[float] = field(default_factory=list)

    def admin(self, method: str, path: str, body: Any = None) -> Any:
        r = httpx.request(method, f"{self.url}{path}", json=body, headers={"x-admin-token": self.admin_token},
                          timeout=10, verify=False)
        r.raise_for_status()
        return r.json()

    def fault(self, op: str, kind: str, **options: Any) -> None:
        self.admin("POST", "/admin/faults", {"op": op, "kind": kind, **options})

    def new_agency(self, name: str = "") -> tuple[str, str]:
        """A fresh level-2 agency under a test province (K10…K99), with credentials."""
        i = next(_codes)
        code = f"000.00.{i % 99 + 1:02d}.K{10 + i // 99:02d}"
        secret = secrets.token_urlsafe(12)
        self.admin("POST", "/admin/clients", {"code": code, "secret": secret, "name": name or f"Cơ quan thử {i}"})
        return code, secret

    def client(self, code: str, secret: str, **options: Any) -> AxisClient:
        """A client whose backoff sleeps are recorded instead of slept (no timing in tests)."""
        options.setdefault("retry", RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.05))
        options.setdefault("sleep", self.sleeps.append)
        options.setdefault("timeout", 10.0)
        return AxisClient(self.url, code, secret, **options)


@contextmanager
def start_sandbox(work: Path, *extra: str, seed: int = 0, scheme: str = "http") -> Iterator[Sandbox]:
    """`python -m axis_sandbox` on a free loopback port until the block ends; fails with its log if it dies."""
    admin_token = secrets.token_urlsafe(16)
    log_path = work / "axis.log"
    for _ in range(3):  # another process may take the free port before the server binds it
        port = _free_port()
        cmd = [sys.executable, "-m", "axis_sandbox", "--host", "127.0.0.1", "--port", str(port),
               "--db", str(work / "axis.sqlite"), "--seed-agencies", str(seed),
               f"--admin-token={admin_token}", "--fault-seed", "7", *extra]
        with log_path.open("wb") as log:
            proc = subprocess.Popen(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        sandbox = Sandbox(f"{scheme}://127.0.0.1:{port}", admin_token, log_path)
        try:
            if _wait_ready(sandbox, proc):
                yield sandbox
                return
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    pytest.fail(f"axis_sandbox could not bind a port:\n{log_path.read_text()}")


@pytest.fixture(scope="session")
def axis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    with start_sandbox(tmp_path_factory.mktemp("axis"), seed=SEED_AGENCIES) as sandbox:
        yield sandbox


def _wait_ready(sandbox: Sandbox, proc: subprocess.Popen[bytes]) -> bool:
    """True once /health answers; False if the port was taken; fails the test on any other death."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log = sandbox.log_path.read_text()
            if "address already in use" in log.lower():
                return False
            pytest.fail(f"axis_sandbox exited with {proc.returncode}:\n{log}")
        try:
            if httpx.get(f"{sandbox.url}/health", timeout=1, verify=False).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"axis_sandbox did not become ready:\n{sandbox.log_path.read_text()}")


@pytest.fixture
def axis(axis_server: Sandbox) -> Iterator[Sandbox]:
    axis_server.admin("DELETE", "/admin/faults")
    axis_server.sleeps.clear()
    yield axis_server
    axis_server.admin("DELETE", "/admin/faults")
    axis_server.admin("POST", "/admin/config", {"max_package_bytes": DEFAULT_MAX_PACKAGE})
