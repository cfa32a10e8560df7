"""`python -m app two-office-demo --no-windows`: the sandbox axis and two demo offices in their own data folders;
office A's issued document reaches office B through the axis and is registered there, signatures verified."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.enums import Direction, DocumentState
from app.main import boot
from app.settings import load_settings
from app.store.exchange_repository import ExchangeRepository, ReceivedState
from app.store.models import DocumentRow
from app.ui.two_office_demo import OFFICES
from tests.support import require_tool

pytestmark = pytest.mark.xdist_group("two_office_demo")

REPO = Path(__file__).resolve().parents[3]


def _run(base: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VANTHU_")}
    return subprocess.run(
        [sys.executable, "-m", "app", "--lang", "en", "two-office-demo", "--base", str(base), "--no-windows",
         "--seed-agencies", "2000"],
        cwd=REPO, env={**env, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True, timeout=600,
    )


def test_two_offices_exchange_through_the_sandbox_axis(tmp_path: Path) -> None:
    require_tool("softhsm2-util")  # the prepared document is signed and sealed with each office's demo tokens
    a, b = OFFICES
    done = _run(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert f"Office A: {a.name} — code {a.code}" in out and f"Office B: {b.name} — code {b.code}" in out
    assert "Agency directory pulled from the axis: " in out
    for spec in OFFICES:  # each office's settings for its window, on the loopback axis
        line = next(x for x in out.splitlines() if x.startswith(f"[{spec.folder}] "))
        assert f"VANTHU_HOME={tmp_path / spec.folder}" in line and f"VANTHU_AXIS_SYSTEM_ID={spec.code}" in line
        assert "VANTHU_AXIS_URL=http://127.0.0.1:" in line and "VANTHU_AXIS_SECRET=" in line
    assert "B registered 1 document(s); A received 2 status message(s)." in out
    url = out.split("the sandbox axis at ", 1)[1].split(" ", 1)[0]
    assert url.startswith("http://127.0.0.1:")
    with pytest.raises(OSError):  # the axis was stopped when the command ended
        urllib.request.urlopen(f"{url}/health", timeout=2)

    # office B: the arrival is registered from office A and its signatures verified
    booted_b = boot(load_settings({"VANTHU_HOME": str(tmp_path / b.folder)}), create_demo=False)
    own_b = booted_b.services.session.own_agency()
    assert own_b is not None and own_b.code == b.code and own_b.name == b.name
    with booted_b.services.ctx.db.read_session() as s:
        arrivals = ExchangeRepository(s).received()
        assert [(r.sender, r.state) for r in arrivals] == [(a.code, ReceivedState.REGISTERED)]
        doc = s.get(DocumentRow, arrivals[0].document_id)
        assert doc is not None and doc.direction == Direction.INCOMING.value and doc.issuer_code == a.code
        assert "văn phòng B" in doc.summary
    # office B's directory knows office A by its code (the recipient pickers search it)
    found = booted_b.services.directory.by_code(a.code)
    assert found is not None and "Thông tin và Truyền thông" in found.name
    booted_b.services.ctx.db.dispose()

    # office A: the document went out and B's statuses came back; B's own document still waits to be sent
    booted_a = boot(load_settings({"VANTHU_HOME": str(tmp_path / a.folder)}), create_demo=False)
    with booted_a.services.ctx.db.read_session() as s:
        sent = s.execute(select(DocumentRow).where(DocumentRow.summary.contains("văn phòng B"))).scalar_one()
        assert sent.state == DocumentState.ACKNOWLEDGED.value and sent.issuer_code == a.code
    booted_a.services.ctx.db.dispose()

    # a second run reuses both folders and exchanges a fresh document
    again = _run(tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "B registered 2 document(s)" in again.stdout
