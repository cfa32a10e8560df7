"""The document view's Exchange box: Revoke… / Update… / Replace… / Recall… on a sent document, the answer to a
recall request on an incoming one, and the exchange history they leave; the recall requests waiting for an answer
on the Exchange page; a queued change starts a sync at once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.enums import Direction, DocumentState
from app.domain.model import Actor
from app.services.bundle import Booted
from app.services.exchange.changes import DocumentUpdate
from app.store.exchange_repository import ExchangeRepository, MessageKind, ReceivedState
from app.store.models import RegistryEntryRow
from app.ui.jobs import JobRunner
from app.ui.main_window import MainWindow
from app.ui.pages.document_changes import ExchangeChangesBox
from app.ui.pages.messages import MessagesPage
from tests.ui.test_tasks_page import Office, open_office

OTHER_AGENCY = "000.00.00.H27"


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    yield from open_office(booted, tmp_path)


def _sealed(office: Office) -> list[str]:
    docs = office.services.documents.recent(Direction.OUTGOING, limit=100)
    return [d.id for d in docs if d.state is DocumentState.SEALED]


def test_a_sent_document_offers_the_changes_and_shows_their_history(
        qtbot: QtBot, office: Office, language: str) -> None:
    first, second, replacement = _sealed(office)[:3]
    clerk = office.actor("vanthu")
    office.services.exchange.send_issued(clerk, first, [OTHER_AGENCY])
    office.services.exchange.send_issued(clerk, second, [OTHER_AGENCY])
    box = ExchangeChangesBox(office.env("vanthu"))
    qtbot.addWidget(box)

    box.show_for(office.services.documents.get(replacement))  # not sent: nothing to change
    assert all(b.isHidden() for b in box.sender_actions)
    box.show_for(office.services.documents.get(first))
    assert not any(b.isHidden() for b in box.sender_actions) and all(b.isHidden() for b in box.receiver_actions)

    assert not box.recall("")  # a reason is required
    assert box.message.text()
    assert box.recall("Gửi nhầm cơ quan")
    assert "13" in box.history.text()
    assert box.update_details(DocumentUpdate(summary="Trích yếu đã sửa"), "Sửa trích yếu")
    assert office.services.documents.get(first).summary == "Trích yếu đã sửa"
    assert box.revoke("Ban hành nhầm")
    assert office.services.documents.get(first).state is DocumentState.CANCELLED
    assert all(b.isHidden() for b in box.sender_actions)  # frozen

    box.show_for(office.services.documents.get(second))
    assert box.replace(replacement, "Thay thế do sai số liệu")
    assert office.services.documents.get(replacement).state is DocumentState.SENT
    assert office.services.documents.get(second).state is DocumentState.CANCELLED


def test_an_incoming_recall_request_is_answered(qtbot: QtBot, office: Office, language: str) -> None:
    incoming = next(d for d in office.services.documents.recent(Direction.INCOMING, limit=100)
                    if d.state is not DocumentState.CANCELLED)
    ctx = office.services.ctx
    put = ctx.files.put_bytes(b"<edXML/>")
    now = office.clock()
    with ctx.db.session() as s:  # as if this document had come through the axis and its sender asked it back
        repo = ExchangeRepository(s)
        row = repo.add_received(message_id=put.sha256, axis_doc_id=None, kind=MessageKind.EDOC, sender=OTHER_AGENCY,
                                package_sha256=put.sha256, package_size=put.size, now=now)
        row.state, row.document_id = ReceivedState.REGISTERED.value, incoming.id
        row.edxml_document_id = f"{OTHER_AGENCY},2026/11/20,12/UBND-VP"
        repo.add_status(document_id=incoming.id, direction="received", agency_code=OTHER_AGENCY, status_code="13",
                        description="Gửi nhầm", at=now, now=now)
    box = ExchangeChangesBox(office.env("giamdoc"))
    qtbot.addWidget(box)
    box.show_for(office.services.documents.get(incoming.id))
    assert not any(b.isHidden() for b in box.receiver_actions) and all(b.isHidden() for b in box.sender_actions)
    assert OTHER_AGENCY in box.message.text() and "Gửi nhầm" in box.message.text()

    assert box.answer_recall(True)
    assert all(b.isHidden() for b in box.receiver_actions)
    assert "15" in box.history.text()
    with ctx.db.read_session() as s:
        entries = s.query(RegistryEntryRow).filter(RegistryEntryRow.document_id == incoming.id).all()
        assert entries and all(e.cancelled and "Lấy lại" in e.note for e in entries)


def _asked_back(office: Office, document_id: str, reason: str) -> None:
    """As if the document had come through the axis and its sender then asked for it back (status 13)."""
    ctx = office.services.ctx
    put = ctx.files.put_bytes(f"<edXML>{document_id}</edXML>".encode())
    now = office.clock()
    with ctx.db.session() as s:
        repo = ExchangeRepository(s)
        row = repo.add_received(message_id=put.sha256, axis_doc_id=None, kind=MessageKind.EDOC, sender=OTHER_AGENCY,
                                package_sha256=put.sha256, package_size=put.size, now=now)
        row.state, row.document_id = ReceivedState.REGISTERED.value, document_id
        row.edxml_document_id = f"{OTHER_AGENCY},2026/11/20,{document_id[:8]}/UBND-VP"
        repo.add_status(document_id=document_id, direction="received", agency_code=OTHER_AGENCY, status_code="13",
                        description=reason, at=now, now=now)


def test_the_exchange_page_lists_the_recall_requests_waiting_for_an_answer(
        qtbot: QtBot, office: Office, language: str) -> None:
    first, second = [d.id for d in office.services.documents.recent(Direction.INCOMING, limit=100)
                     if d.state is not DocumentState.CANCELLED][:2]
    page = MessagesPage(office.env("vanthu"))
    qtbot.addWidget(page)
    page.show()
    assert page.recalls.isHidden()  # nothing waits: no row at all

    _asked_back(office, first, "Gửi nhầm cơ quan")
    office.clock.now += timedelta(minutes=5)
    _asked_back(office, second, "Sai số liệu")
    page.refresh()
    assert page.recalls.isVisible()
    assert "(2)" in page.recalls.heading.text()
    assert page.recalls.list.count() == 2
    assert "Gửi nhầm cơ quan" in page.recalls.list.item(0).text()  # oldest first
    assert OTHER_AGENCY in page.recalls.list.item(1).text() and "Sai số liệu" in page.recalls.list.item(1).text()

    page.recalls.list.setCurrentRow(1)
    page.refresh()  # the page's timer: the selection stays on the same request
    selected = page.recalls.selected()
    assert selected is not None and selected.document_id == second
    qtbot.mouseClick(page.recalls.open_button, Qt.MouseButton.LeftButton)
    assert office.opened == [second]  # the answer is given on the document's view

    box = ExchangeChangesBox(office.env("vanthu"))
    qtbot.addWidget(box)
    box.show_for(office.services.documents.get(second))
    assert box.answer_recall(False, "Đã phân công xử lý")
    page.hide()
    page.show()  # back on the page: the answered request is gone
    assert page.recalls.list.count() == 1 and "(1)" in page.recalls.heading.text()
    box.show_for(office.services.documents.get(first))
    assert box.answer_recall(True)
    page.refresh()
    assert page.recalls.isHidden()


def test_the_leaders_inbox_shows_the_recall_requests_too(qtbot: QtBot, office: Office, language: str) -> None:
    from app.ui.pages.inbox import InboxPage

    first = next(d.id for d in office.services.documents.recent(Direction.INCOMING, limit=100)
                 if d.state is not DocumentState.CANCELLED)
    inbox = InboxPage(office.env("giamdoc"))
    qtbot.addWidget(inbox)
    inbox.show()
    assert inbox.recalls.isHidden()
    _asked_back(office, first, "Gửi nhầm cơ quan")
    inbox.refresh()
    assert inbox.recalls.isVisible() and "(1)" in inbox.recalls.heading.text()
    qtbot.mouseClick(inbox.recalls.open_button, Qt.MouseButton.LeftButton)
    assert office.opened == [first]


class _Loop:
    """Stands for the background sync loop (no axis in the UI tests): counts the "sync now" calls."""

    def __init__(self) -> None:
        self.triggered = 0

    def trigger(self) -> None:
        self.triggered += 1

    def stop(self, timeout: float = 30.0) -> None:
        pass


def test_a_change_queued_on_the_document_view_starts_a_sync_at_once(
        qtbot: QtBot, booted: Booted, language: str) -> None:
    services = booted.services
    user = next(u for u in services.session.users() if u.username == "vanthu")
    doc_id = next(d.id for d in services.documents.recent(Direction.OUTGOING, limit=100)
                  if d.state is DocumentState.SEALED)
    services.exchange.send_issued(Actor.of(user), doc_id, [OTHER_AGENCY])
    window = MainWindow(booted, user, JobRunner(booted.settings.logs_dir / "vanthu.log"))
    qtbot.addWidget(window)
    assert window.sync_loop is None  # no axis in the test settings: the queued change simply waits
    document = window.open_document(doc_id)
    window.sync_loop = loop = _Loop()  # type: ignore[assignment]

    assert document.changes_box.recall("Gửi nhầm cơ quan")
    assert loop.triggered == 1
    assert document.changes_box.revoke("Ban hành nhầm")
    assert loop.triggered == 2
    assert not document.changes_box.revoke("Lần nữa")  # frozen: nothing queued, no sync
    assert loop.triggered == 2
