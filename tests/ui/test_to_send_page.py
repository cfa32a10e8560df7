"""The clerk's "to send" list: issued documents with the time they were issued and how long they waited; signed
yesterday and still here after closing time is orange, past 12:00 of the next working day is red "late"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.domain.clock import VN_TZ
from app.domain.enums import Direction, DocumentState
from app.domain.workflow import IssueStep
from app.services.bundle import Booted
from app.ui.pages.to_send import (
    CLOSE_COLOR,
    LATE_COLOR,
    REFRESH_MS,
    STATUS_COLUMN,
    WAITED_COLUMN,
    ToSendPage,
    waited_text,
)
from tests.ui.test_tasks_page import LOOKED_AT, Office, open_office


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    yield from open_office(booted, tmp_path)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=VN_TZ)


def issued_documents(office: Office) -> list[str]:
    docs = office.services.documents.recent(Direction.OUTGOING, limit=100)
    return [d.id for d in docs if d.state is DocumentState.SEALED]


def test_waiting_documents_are_flagged_orange_after_closing_time_and_red_when_late(
    qtbot: QtBot, office: Office, language: str
) -> None:
    office.clock.now = LOOKED_AT  # Fri 27/11/2026 09:00
    clerk = office.actor("vanthu")
    late, after_close, fresh = issued_documents(office)[:3]
    for doc, signed in ((late, at(25, 10)), (after_close, at(26, 10)), (fresh, at(27, 8))):
        office.services.workflow.record_issue_step(clerk, doc, IssueStep.SIGNED, signed)
        office.services.workflow.record_issue_step(clerk, doc, IssueStep.SEALED, signed.replace(minute=30))
    page = ToSendPage(office.env("vanthu"))
    qtbot.addWidget(page)
    page.show()
    rows = {item.document_id: r for r, item in enumerate(page.items)}
    assert page.table.rowCount() == len(page.items)
    assert {late, after_close, fresh} <= rows.keys()

    red = page.table.item(rows[late], STATUS_COLUMN)
    assert red.foreground().color() == QColor(LATE_COLOR)
    assert page.table.item(rows[late], WAITED_COLUMN).text() == waited_text(timedelta(days=1, hours=22, minutes=30))
    assert page.table.item(rows[late], 5).text() == "26/11/2026 12:00"  # send by the next working morning
    assert page.table.item(rows[late], 3).text() == "25/11/2026 10:30"  # issued (sealed)
    orange = page.table.item(rows[after_close], STATUS_COLUMN)
    assert orange.foreground().color() == QColor(CLOSE_COLOR)
    assert orange.text() != red.text()
    calm = page.table.item(rows[fresh], STATUS_COLUMN)
    assert calm.foreground().color() not in (QColor(LATE_COLOR), QColor(CLOSE_COLOR))
    assert page.table.item(rows[fresh], WAITED_COLUMN).text() == waited_text(timedelta(minutes=30))
    assert page.items[0].sealed_at <= page.items[-1].sealed_at  # longest waiting first

    assert page.send_button.toolTip()
    assert page.timer.isActive() and page.timer.interval() == REFRESH_MS


def test_the_list_refreshes_by_itself_as_time_passes(qtbot: QtBot, office: Office, language: str) -> None:
    office.clock.now = at(27, 8)
    clerk = office.actor("vanthu")
    doc = issued_documents(office)[0]
    office.services.workflow.record_issue_step(clerk, doc, IssueStep.SIGNED, at(27, 7, 45))
    office.services.workflow.record_issue_step(clerk, doc, IssueStep.SEALED, at(27, 7, 50))
    page = ToSendPage(office.env("vanthu"))
    qtbot.addWidget(page)
    row = next(i for i, item in enumerate(page.items) if item.document_id == doc)
    assert not page.items[row].not_sent_by_close
    office.clock.now = at(27, 17, 5)  # the office has closed and the document is still here
    page.timer.setInterval(10)  # the minute, shortened for the test
    qtbot.waitUntil(lambda: any(i.document_id == doc and i.not_sent_by_close for i in page.items), timeout=30_000)
    row = next(i for i, item in enumerate(page.items) if item.document_id == doc)
    assert page.table.item(row, STATUS_COLUMN).foreground().color() == QColor(CLOSE_COLOR)
    assert page.table.item(row, WAITED_COLUMN).text() == waited_text(timedelta(hours=9, minutes=15))


def test_send_explains_when_the_document_has_no_draft_recipients(qtbot: QtBot, office: Office, language: str) -> None:
    """The demo's outgoing documents were not drafted in the app: Send says why nothing was queued."""
    office.clock.now = LOOKED_AT
    page = ToSendPage(office.env("vanthu"))
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)
    assert page.send_button.isEnabled()
    assert page.send_selected() is None
    assert page.message.isVisibleTo(page) and page.message.text()
    assert office.services.exchange.outbox() == []
