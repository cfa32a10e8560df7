"""The app killed with SIGKILL while registering: each trial leaves the full entry or nothing (issue 4: ≥ 50)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.main import boot
from app.settings import load_settings

REPO = Path(__file__).resolve().parents[3]

WRITER = """
import itertools, sys
from datetime import date
from app.domain.enums import Role
from app.domain.model import Actor
from app.main import boot
from app.services.registry import IncomingForm
from app.settings import load_settings
from tests.integration.registry.conftest import make_pdf

s = boot(load_settings({"VANTHU_HOME": sys.argv[1], "VANTHU_DEMO": "0"}), create_demo=False).services
clerk = Actor(None, "vanthu", "Văn thư", frozenset({Role.CLERK}))
pdf = make_pdf()
print("ready", flush=True)
for i in itertools.count(int(sys.argv[2])):
    form = IncomingForm(issuer_name="UBND huyện Kỳ Anh", number_notation=f"{i + 1:02d}/UBND-VP",
                        issued_date=date(2026, 1, 5), doc_type="Công văn", summary=f"V/v đất đai lần {i}")
    s.registry.register_incoming(clerk, form, pdf + str(i).encode(), f"{i}.pdf")
    print("committed", flush=True)
"""


def test_fifty_kills_during_registration_leave_every_entry_whole(tmp_path: Path) -> None:
    from app.domain.enums import AgencyLevel
    from app.store.repositories import AgencyRepository

    settings = load_settings({"VANTHU_HOME": str(tmp_path), "VANTHU_DEMO": "0"})
    booted = boot(settings, create_demo=False)
    with booted.services.ctx.db.session() as s:
        AgencyRepository(s).add(code="000.00.12.H27", name="Sở Thử", abbreviation="ST", level=AgencyLevel.PROVINCE,
                                parent_code=None, parent_name=None, place_name="Hà Tĩnh", is_own=True)
    booted.services.ctx.db.dispose()
    rng = random.Random(50)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    written = 0
    for _trial in range(50):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(written + 1000 * _trial)],
                                stdout=subprocess.PIPE, env=env, cwd=REPO)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        # One commit first, whatever the machine's load; then the kill lands at a random point of the next ones.
        assert proc.stdout.readline().strip() == b"committed"
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        again = boot(settings, create_demo=False)
        services = again.services
        report = services.integrity.check()
        assert report.ok, report.problems
        books = services.registry.books()
        rows = services.registry.entries(books[0].id, limit=100_000) if books else []
        numbers = sorted(e.number for e in rows)
        assert numbers == list(range(1, len(numbers) + 1))  # no gap, no duplicate
        for e in rows:  # a full entry: its document exists, is registered and has its file
            doc = services.documents.get(e.document_id)
            assert doc.main_file is not None and services.ctx.files.exists(doc.main_file.sha256)
        written = len(numbers)
        services.ctx.db.dispose()
    assert written > 0, "no registration ever committed: the trials proved nothing"
