"""The clerk's "not presented today" list: what must reach a leader by the end of the working day (urgent ones at
once, red when late), and "Present now" putting the selected documents in the chosen leader's inbox."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.domain.clock import vn_now
from app.services.bundle import Booted
from app.ui.dialogs.not_presented import OVERDUE_COLOR, NotPresentedDialog
from tests.ui.test_tasks_page import Office, open_office


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    for made in open_office(booted, tmp_path):
        made.clock.now = vn_now() + timedelta(minutes=5)  # urgent demo arrivals are now late
        yield made


def open_dialog(qtbot: QtBot, office: Office, username: str = "vanthu") -> NotPresentedDialog:
    dialog = NotPresentedDialog(office.env(username))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_late_urgent_documents_come_first_in_red_and_present_now_sends_them(
    qtbot: QtBot, office: Office, language: str
) -> None:
    dialog = open_dialog(qtbot, office)
    expected = office.services.workflow.not_presented_today(office.actor("vanthu"))
    assert len(dialog.items) == len(expected) > 0
    assert {i.document_id for i in dialog.items} == {i.document_id for i in expected}
    late = [i for i in dialog.items if i.overdue]
    assert late and all(i.urgency.is_urgent for i in late)  # urgent ones are due at once
    assert dialog.items[: len(late)] == late
    assert dialog.table.item(0, 1).foreground().color() == QColor(OVERDUE_COLOR)
    assert dialog.selected_items() == [] and dialog.chosen_items() == dialog.items  # one click presents all
    assert dialog.leader.currentData() == office.users["giamdoc"].id  # the leader first, then deputies

    chosen = [i.document_id for i in late[:2]]
    dialog.select_documents(chosen)
    assert dialog.present_button.text() != dialog.tr("Present all now")
    qtbot.mouseClick(dialog.present_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.done_text.isVisible(), timeout=30_000)
    assert "2" in dialog.done_text.text() and "Nguyễn Văn An" in dialog.done_text.text()
    assert not {i.document_id for i in dialog.items} & set(chosen)
    inbox = office.services.workflow.inbox(office.actor("giamdoc"))
    assert {i.document_id for i in inbox} == set(chosen)


def test_present_to_a_deputy_and_the_list_empties(qtbot: QtBot, office: Office, language: str) -> None:
    dialog = open_dialog(qtbot, office)
    total = len(dialog.items)
    dialog.set_leader(office.users["phogiamdoc"].id)
    presented: list[object] = []
    dialog.presented.connect(presented.append)
    dialog.present_selected()
    qtbot.waitUntil(lambda: dialog.job is None and bool(presented), timeout=30_000)
    assert dialog.items == [] and not dialog.present_button.isEnabled()
    assert dialog.count.text()
    assert office.services.workflow.count_inbox(office.actor("phogiamdoc")) == total


def test_a_specialist_is_refused_with_a_message(qtbot: QtBot, office: Office, language: str) -> None:
    dialog = open_dialog(qtbot, office, "chuyenvien")
    assert dialog.items == [] and dialog.message.isVisible() and dialog.message.text()
