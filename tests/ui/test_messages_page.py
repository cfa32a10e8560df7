"""The clerk's exchange page: a quarantined arrival shows its reasons in words, a message the axis refused can be
sent again (back in the queue), and "inspect" shows the facts and the start of the stored package."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.bundle import Booted
from app.store.exchange_repository import (
    ExchangeRepository,
    MessageKind,
    OutboxState,
    Reason,
    ReceivedState,
    add_outbox,
    reasons_json,
)
from app.ui.pages.messages import MessagesPage
from tests.ui.test_tasks_page import Office, open_office


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    yield from open_office(booted, tmp_path)


def _messages(office: Office) -> tuple[int, int]:
    ctx = office.services.ctx
    now = office.clock()
    package = ctx.files.put_bytes(b"<edXML><!-- a refused package --></edXML>")
    status = ctx.files.put_bytes(b"<edXML:edXMLEnvelope>status</edXML:edXMLEnvelope>")
    with ctx.db.session() as s:
        repo = ExchangeRepository(s)
        row = repo.add_received(message_id=package.sha256, axis_doc_id="axis-1", kind=MessageKind.EDOC,
                                sender="000.00.31.H27", package_sha256=package.sha256, package_size=package.size,
                                now=now)
        row.state = ReceivedState.QUARANTINED.value
        row.number_notation = "45/BC-STN"
        row.subject = "Báo cáo kết quả thử nghiệm"
        row.reasons = reasons_json([Reason.of("signature.not_intact", name="45_BC-STN.pdf")])
        item = add_outbox(s, kind=MessageKind.STATUS, recipient="000.00.31.H27", payload_sha256=status.sha256,
                          payload_size=status.size, now=now, status_code="02", description="Từ chối tiếp nhận")
        repo.mark_failed(item.id, "axis.not_found: unknown recipient")
        return row.id, item.id


def test_quarantine_is_visible_and_a_refused_message_can_be_sent_again(office: Office, qtbot: QtBot) -> None:
    _received_id, outbox_id = _messages(office)
    page = MessagesPage(office.env("vanthu"))
    qtbot.addWidget(page)

    assert page.in_table.rowCount() == 1
    assert page.in_table.item(0, 3).text() == "45/BC-STN"
    assert page.in_table.item(0, 6).text() not in ("", "signature.not_intact")  # the reason in words
    assert "1" in page.summary.text()

    page.in_table.selectRow(0)
    assert "000.00.31.H27" in page.inspect_text() and "refused package" in page.inspect_text()

    page.tabs.setCurrentWidget(page.out_table)
    page.out_table.selectRow(0)
    assert page.retry_button.isEnabled()
    page.retry_button.click()
    with office.services.ctx.db.read_session() as s:
        assert ExchangeRepository(s).outbox_row(outbox_id).state == OutboxState.QUEUED.value
    assert [o.state for o in page.outgoing] == [OutboxState.QUEUED]  # the page refreshed
