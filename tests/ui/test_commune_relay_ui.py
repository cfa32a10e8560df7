"""A district serving a commune by USB, in the UI: the administrator adds the commune (its code from the directory,
the list says whether this computer holds its axis secret); the Exchange page shows what is held for it and
"Export for a commune…" signs the held messages with the demo agency token (SoftHSM2) into a package addressed to
that commune, off the UI thread."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.enums import AgencyLevel
from app.services.bundle import Booted
from app.services.signing.pki import DEMO_USER_PIN
from app.store.models import AgencyRow
from app.store.models_relay import HeldRow
from app.store.repositories import AgencyRepository, FileRepository, utc
from app.ui.dialogs.pin import SESSION_PINS
from app.ui.pages.common import PageEnv
from app.ui.pages.commune_relay import ServedCommunesBox
from app.ui.pages.messages import MessagesPage
from tests.ui.signing_support import require_demo_tokens
from tests.ui.test_tasks_page import Office, open_office

COMMUNE = "000.09.88.H27"


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    yield from open_office(booted, tmp_path)


def _env(office: Office, booted: Booted, username: str) -> PageEnv:
    settings = replace(booted.settings, commune_axis_secrets={COMMUNE: "bi-mat-cua-xa"})
    return PageEnv(settings, booted.services, office.users[username], office.jobs, office.opened.append)


def _hold_one(booted: Booted) -> None:
    ctx = booted.services.ctx
    put = ctx.files.put_bytes(b"<edXML:edXMLEnvelope>held for the commune</edXML:edXMLEnvelope>")
    now = ctx.clock()
    with ctx.db.session() as s:
        FileRepository(s).ensure(put.sha256, put.size, "application/xml", now)
        s.add(HeldRow(commune=COMMUNE, message_id=str(uuid.uuid4()), axis_doc_id="axis-1", kind="edoc",
                      sender="000.00.32.H27", package_sha256=put.sha256, package_size=put.size, state="held",
                      usb_package="", received_at=utc(now)))


def test_serve_a_commune_and_export_what_is_held_for_it(office: Office, booted: Booted, qtbot: QtBot,
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_demo_tokens(booted)
    with booted.services.ctx.db.session() as s:
        if s.execute(select(AgencyRow.id).where(AgencyRow.code == COMMUNE)).first() is None:
            AgencyRepository(s).add(code=COMMUNE, name="UBND xã Thử Nghiệm", abbreviation="UBND",
                                    level=AgencyLevel.COMMUNE, parent_code=None, parent_name=None,
                                    place_name="Hà Tĩnh")
    box = ServedCommunesBox(_env(office, booted, "quantri"))
    qtbot.addWidget(box)
    assert not box.add_commune("000.07.99.K99")  # not in the directory: said in words
    assert not box.message.isHidden() and "000.07.99.K99" in box.message.text()
    assert box.add_commune(COMMUNE)
    assert box.message.isHidden() and box.table.rowCount() == 1
    assert [box.table.item(0, c).text() for c in (0, 1, 3)] == [COMMUNE, "UBND xã Thử Nghiệm", "set"]

    _hold_one(booted)
    page = MessagesPage(_env(office, booted, "vanthu"))
    qtbot.addWidget(page)
    relay = page.commune_relay
    assert not relay.isHidden()
    assert f"({COMMUNE}): 1" in relay.summary.text()
    assert not relay.collect_button.isEnabled()  # no axis configured on this computer
    assert relay.export_button.isEnabled()

    selector = booted.services.signing.organisation_token()
    assert selector is not None
    SESSION_PINS.keep(selector, DEMO_USER_PIN)
    try:
        drive = tmp_path / "usb"
        drive.mkdir()
        offered: list[list[str]] = []

        def pick(_parent: object, _title: str, _label: str, items: list[str], *_args: object) -> tuple[str, bool]:
            offered.append(items)
            return items[0], True

        monkeypatch.setattr(QInputDialog, "getItem", pick)
        job = relay.export_for_commune(None, str(drive))  # the clerk picks the commune
        assert offered == [[f"UBND xã Thử Nghiệm ({COMMUNE}) — 1 held"]]
        assert job is not None
        qtbot.waitUntil(lambda: not job.running, timeout=30_000)
        qtbot.waitUntil(lambda: not relay.result.isHidden(), timeout=5_000)
        packages = [p for p in drive.iterdir() if p.is_dir()]
        assert len(packages) == 1 and f"-to-{COMMUNE}-" in packages[0].name, relay.result.text()
        assert f'destination="{COMMUNE}"'.encode() in (packages[0] / "manifest.xml").read_bytes()
        assert str(packages[0]) in relay.result.text()
        assert f"({COMMUNE}): 0" in relay.summary.text() and not relay.export_button.isEnabled()

        # the drive never reached the commune: its last package, written again on another drive
        assert relay.again_button.isEnabled()
        spare = tmp_path / "usb2"
        spare.mkdir()
        job = relay.export_again_for_commune(None, str(spare))
        assert offered[-1] == [f"UBND xã Thử Nghiệm ({COMMUNE}) — {packages[0].name}"]
        assert job is not None
        qtbot.waitUntil(lambda: not job.running, timeout=30_000)
        again = [p for p in spare.iterdir() if p.is_dir()]
        assert len(again) == 1 and again[0].name != packages[0].name, relay.result.text()
        assert str(again[0]) in relay.result.text()
        assert [c.last_package for c in relay.communes] == [again[0].name]
    finally:
        SESSION_PINS.forget(selector)

    box.refresh()
    assert box.table.item(0, 4).text() == "0"
    box.table.selectRow(0)
    assert box.remove_selected() and box.table.rowCount() == 0
    page.refresh()
    assert relay.isHidden()  # serves no commune: the row is not in the clerk's way
