"""The Exchange page's USB actions: "Export to USB…" signs the queue with the demo agency token (SoftHSM2) into a
package folder, off the UI thread, and says how many messages went; "Import from USB…" reads a folder back and says
what came of it; a folder that is not a package gets a clear refusal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.bundle import Booted
from app.services.signing.pki import DEMO_USER_PIN
from app.store.exchange_repository import ExchangeRepository, MessageKind, OutboxState, add_outbox
from app.ui.dialogs.pin import SESSION_PINS
from app.ui.pages.common import PageEnv
from app.ui.pages.messages import MessagesPage
from tests.ui.signing_support import require_demo_tokens
from tests.ui.test_tasks_page import Office, open_office


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    yield from open_office(booted, tmp_path)


def _queue(booted: Booted, recipient: str = "000.00.31.H27") -> int:
    ctx = booted.services.ctx
    status = ctx.files.put_bytes(b"<edXML:edXMLEnvelope>status for the USB test</edXML:edXMLEnvelope>")
    with ctx.db.session() as s:
        return add_outbox(s, kind=MessageKind.STATUS, recipient=recipient, payload_sha256=status.sha256,
                          payload_size=status.size, now=ctx.clock(), status_code="01", description="Đã đến").id


def _env(office: Office, booted: Booted) -> PageEnv:
    """The booted demo services: their signing knows the demo home's tokens and trusts the demo root."""
    return PageEnv(booted.settings, booted.services, office.users["vanthu"], office.jobs, office.opened.append)


def _wait(page: MessagesPage, qtbot: QtBot) -> None:
    assert page.usb_job is not None
    qtbot.waitUntil(lambda: page.usb_job is not None and not page.usb_job.running, timeout=30_000)
    qtbot.waitUntil(page.usb_export_button.isEnabled, timeout=5_000)


def test_export_then_import_from_the_page(office: Office, booted: Booted, qtbot: QtBot, tmp_path: Path) -> None:
    require_demo_tokens(booted)
    selector = booted.services.signing.organisation_token()
    assert selector is not None
    SESSION_PINS.keep(selector, DEMO_USER_PIN)  # as if the clerk ticked "keep the PIN for this session"
    try:
        with booted.services.ctx.db.read_session() as s:
            before = {o.id for o in ExchangeRepository(s).outbox(states=[OutboxState.QUEUED])}
        outbox_id = _queue(booted)
        page = MessagesPage(_env(office, booted))
        qtbot.addWidget(page)
        drive = tmp_path / "usb"
        drive.mkdir()

        assert page.export_to_usb(str(drive)) is not None
        _wait(page, qtbot)
        assert page.message.isHidden(), page.message.text()
        packages = [p for p in drive.iterdir() if p.is_dir()]
        assert len(packages) == 1 and packages[0].name.startswith("vanthu-")
        assert str(packages[0]) in page.usb_result.text()
        with booted.services.ctx.db.read_session() as s:
            row = ExchangeRepository(s).outbox_row(outbox_id)
            assert row.state == OutboxState.SENT.value and (row.axis_doc_id or "").startswith("usb:")
        assert len(before) + 1 == int(page.usb_result.text().split()[0])  # "N message(s) written to …"

        assert page.import_from_usb(str(packages[0])) is not None
        _wait(page, qtbot)
        # its own package: the messages are for other agencies and already in this office's outbox
        assert page.message.isHidden(), page.message.text()
        assert not page.usb_result.isHidden(), page.usb_result.text()
        text = page.usb_result.text()
        assert "0 document(s) received" in text and "1 for other agencies already queued" in text
        page.tabs.setCurrentWidget(page.out_table)
        usb_rows = [r for r, o in enumerate(page.outgoing) if o.id == outbox_id]
        assert page.out_table.item(usb_rows[0], 4).text() == "Written to a USB package"

        # the drive was lost: the same messages again, into a new package on another drive
        page.out_table.selectRow(usb_rows[0])
        assert page.usb_again_button.isEnabled()
        second = tmp_path / "usb2"
        second.mkdir()
        assert page.export_again_to_usb(str(second)) is not None
        _wait(page, qtbot)
        assert page.message.isHidden(), page.message.text()
        again = [p for p in second.iterdir() if p.is_dir()]
        assert len(again) == 1 and again[0].name != packages[0].name and str(again[0]) in page.usb_result.text()
        with booted.services.ctx.db.read_session() as s:
            assert ExchangeRepository(s).outbox_row(outbox_id).axis_doc_id == f"usb:{again[0].name}"
    finally:
        SESSION_PINS.forget(selector)


def test_a_folder_that_is_not_a_package_is_refused_in_words(office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    page = MessagesPage(office.env("vanthu"))
    qtbot.addWidget(page)
    assert page.import_from_usb(str(tmp_path)) is not None
    _wait(page, qtbot)
    assert not page.message.isHidden() and "manifest.xml" in page.message.text()
    assert page.usb_result.isHidden()
