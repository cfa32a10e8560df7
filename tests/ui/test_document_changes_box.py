"""The document view's Exchange box: Revoke… / Update… / Replace… / Recall… on a sent document, the answer to a
recall request on an incoming one, and the exchange history they leave."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.enums import Direction, DocumentState
from app.services.bundle import Booted
from app.services.exchange.changes import DocumentUpdate
from app.store.exchange_repository import ExchangeRepository, MessageKind, ReceivedState
from app.store.models import RegistryEntryRow
from app.ui.pages.document_changes import ExchangeChangesBox
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
