"""A throwaway PostgreSQL server on 127.0.0.1 for the multi-workstation tests (initdb + pg_ctl)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support import missing


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if found:
        return Path(found[-1]).parent
    exe = shutil.which("pg_ctl")
    return Path(exe).parent if exe else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield a superuser URL (without database name) of a fresh server; stop and delete it afterwards."""
    bindir = _pg_bin()
    if bindir is None:
        missing("PostgreSQL server binaries (Debian package postgresql)")
        raise AssertionError("unreachable")
    root = Path(tempfile.mkdtemp(prefix="vanthu-pg-"))
    data = root / "data"
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    if as_root:
        pg = pwd.getpwnam("postgres")
        os.chown(root, pg.pw_uid, pg.pw_gid)
        os.chmod(root, 0o700)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    try:
        subprocess.run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync",
             "-E", "UTF8", "--locale=C.UTF-8"],
            check=True, capture_output=True,
        )
        opts = f"-c listen_addresses=127.0.0.1 -p {port} -c fsync=off -c full_page_writes=off -k {root}"
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o", opts, "start"],
            check=True, capture_output=True,
        )
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
        finally:
            subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server_url.replace("postgresql+psycopg", "postgresql") + "/postgres", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"
