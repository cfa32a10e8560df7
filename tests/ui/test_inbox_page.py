"""The leader's inbox on the demo office: urgent documents first in bold red, opening one, directing two at once with
a lead, coordinators and a deadline of five working days, filing one for information, the processing slip as PDF,
a deputy acting for the leader, paging, and the service's refusals shown in the dialog or the page."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.domain.clock import vn_now
from app.domain.enums import Direction, DocumentState
from app.domain.workflow import AssignmentState, Party, PartyRole
from app.services.bundle import Booted, Services
from app.ui.dialogs.direct import DirectDialog
from app.ui.pages import inbox as inbox_module
from app.ui.pages.inbox import URGENT_COLOR, InboxPage
from tests.ui.test_tasks_page import Office, open_office


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    for made in open_office(booted, tmp_path):
        made.clock.now = vn_now()  # after the demo's registrations: documents have waited, deadlines lie ahead
        yield made


def registered(services: Services) -> list[str]:
    docs = services.documents.recent(Direction.INCOMING, limit=200)
    return [d.id for d in docs if d.state is DocumentState.REGISTERED]


def normal_registered(services: Services, n: int) -> list[str]:
    docs = services.documents.recent(Direction.INCOMING, limit=200)
    found = [d.id for d in docs if d.state is DocumentState.REGISTERED and not d.urgency.is_urgent]
    assert len(found) >= n
    return found[:n]


def present(office: Office, ids: list[str], leader: str = "giamdoc") -> None:
    office.services.workflow.present(office.actor("vanthu"), ids, office.users[leader].id)


def inbox_page(qtbot: QtBot, office: Office, username: str = "giamdoc") -> InboxPage:
    page = InboxPage(office.env(username))
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    return page


def direct_dialog(qtbot: QtBot, page: InboxPage, **kw: bool) -> DirectDialog:
    dialog = page.start_direct(**kw)
    assert dialog is not None and dialog.isVisible()
    return dialog


def click_direct(qtbot: QtBot, page: InboxPage, dialog: DirectDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # directed or refused: the page forgets the closed dialog, or the dialog stays open with the reason
    qtbot.waitUntil(lambda: page.dialog is None or (dialog.job is None and dialog.message.isVisible()), timeout=30_000)


def test_the_leader_sees_urgent_documents_first_in_bold_red_and_opens_one(
    qtbot: QtBot, office: Office, language: str
) -> None:
    ids = registered(office.services)
    present(office, ids)
    page = inbox_page(qtbot, office)
    assert page.total == len(ids) and page.table.rowCount() == len(ids)
    urgent = [i.urgent for i in page.items]
    assert any(urgent) and urgent == sorted(urgent, reverse=True)  # every urgent one above every normal one
    ranks = [i.urgency for i in page.items if i.urgent]
    assert ranks[0].value in ("flash", "flash_timed")  # Hỏa tốc before Thượng khẩn before Khẩn
    first = page.table.item(0, 3)
    assert first.foreground().color() == QColor(URGENT_COLOR) and first.font().bold()
    last = page.table.item(page.table.rowCount() - 1, 3)
    assert last.foreground().color() != QColor(URGENT_COLOR) and not last.font().bold()
    assert page.items[0].issuer_name == page.table.item(0, 2).text()
    assert page.table.item(0, 6).text()  # waiting time in working days or office hours
    assert str(len(ids)) in page.count.text() and str(sum(urgent)) in page.count.text()  # "18 … · 4 urgent"

    page.table.setFocus()
    page.table.setCurrentCell(1, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert office.opened == [page.items[1].document_id]
    page.table.cellDoubleClicked.emit(0, 4)
    assert office.opened[-1] == page.items[0].document_id


def test_direct_two_documents_at_once_with_lead_coordinators_and_five_working_days(
    qtbot: QtBot, office: Office, language: str
) -> None:
    docs = normal_registered(office.services, 2)
    present(office, docs)
    page = inbox_page(qtbot, office)
    page.select_documents(docs)
    assert sorted(page.selected_ids()) == sorted(docs)

    dialog = direct_dialog(qtbot, page)
    dialog.insert_phrase("Giao chủ trì, tham mưu văn bản trả lời.")
    assert dialog.direction.toPlainText() == "Giao chủ trì, tham mưu văn bản trả lời."
    dialog.set_lead(Party.unit(office.units["CNTT"]))
    dialog.set_coordinators([Party.unit(office.units["VP"]), Party.user(office.users["chuyenvien"].id)])
    dialog.set_working_days(5)
    calendar = office.services.workflow.calendar()
    expected = {d: calendar.deadline_from(i.received_at, 5) for d in docs for i in page.items if i.document_id == d}
    shown = dialog.computed.text()
    assert all(day.strftime("%d/%m/%Y") in shown for day in expected.values())
    click_direct(qtbot, page, dialog)
    assert page.dialog is None

    assert page.total == 0 and page.table.rowCount() == 0  # the inbox is empty
    assert office.services.workflow.count_inbox(office.actor("giamdoc")) == 0
    assert page.recent_table.rowCount() == 2
    made = {a.document_id: a for a, _item in page.recent}
    assert set(made) == set(docs)
    for document_id, a in made.items():
        assert a.state is AssignmentState.ASSIGNED and a.deadline == expected[document_id]
        assert a.lead == Party.unit(office.units["CNTT"]) and len(a.coordinators) == 2
        slip = office.services.workflow.processing_slip(office.actor("giamdoc"), a.id)
        assert slip.lead == "Phòng Công nghệ thông tin"
        assert set(slip.coordinators) == {"Văn phòng Sở", "Phạm Thị Lan"}
    tasks = office.services.workflow.my_tasks(office.actor("chuyenvien"))  # chuyenvien's unit is CNTT, the lead
    assert {t.document_id for t in tasks} >= set(docs)
    assert all(t.my_role is PartyRole.LEAD for t in tasks if t.document_id in docs)


def test_for_information_files_the_selected_documents_without_a_deadline(
    qtbot: QtBot, office: Office, language: str
) -> None:
    docs = normal_registered(office.services, 3)
    present(office, docs)
    page = inbox_page(qtbot, office)
    page.select_documents(docs[:2])
    job = page.file_for_information()
    assert job is not None
    qtbot.waitUntil(lambda: page.job is None, timeout=30_000)
    assert [i.document_id for i in page.items] == [docs[2]]
    for document_id in docs[:2]:
        assert office.services.documents.get(document_id).state is DocumentState.FOR_INFORMATION
    assert all(a.state is AssignmentState.FOR_INFORMATION and a.deadline is None for a, _ in page.recent)
    assert page.recent_table.item(0, 2).text() == page.recent_table.item(0, 3).text()  # "For information"


def test_the_slip_button_writes_a_pdf_of_the_direction(
    qtbot: QtBot, office: Office, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (doc,) = normal_registered(office.services, 1)
    present(office, [doc])
    page = inbox_page(qtbot, office)
    dialog = direct_dialog(qtbot, page)
    dialog.direction.insertPlainText("Đồng chí Lan chủ trì tham mưu văn bản trả lời.")  # keyClicks cannot type it
    dialog.set_lead(Party.user(office.users["chuyenvien"].id))
    dialog.set_working_days(5)
    click_direct(qtbot, page, dialog)
    assert page.recent_table.rowCount() == 1 and page.slip_button.isEnabled()

    target = tmp_path / "phieu.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    qtbot.waitUntil(lambda: page.slip_button.height() > 0)  # the "directed" box was just shown: laid out first
    qtbot.mouseClick(page.slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_slip_path is not None, timeout=30_000)  # reportlab and fonts load on first use
    assert page.last_slip_path == target
    text = unicodedata.normalize("NFC", " ".join(PdfReader(str(target)).pages[0].extract_text().split()))
    assert "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN" in text
    assert "Đồng chí Lan chủ trì tham mưu văn bản trả lời." in text
    assert "Đơn vị/cá nhân chủ trì: Phạm Thị Lan" in text and "Nguyễn Văn An" in text


def test_a_blank_slip_can_be_printed_before_directing(
    qtbot: QtBot, office: Office, language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (doc,) = normal_registered(office.services, 1)
    present(office, [doc])
    page = inbox_page(qtbot, office)
    target = tmp_path / "blank"  # the extension is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)"))
    qtbot.waitUntil(lambda: page.blank_slip_button.height() > 0)
    qtbot.mouseClick(page.blank_slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_slip_path is not None, timeout=30_000)  # reportlab and fonts load on first use
    assert page.last_slip_path == tmp_path / "blank.pdf"
    text = unicodedata.normalize("NFC", " ".join(PdfReader(str(page.last_slip_path)).pages[0].extract_text().split()))
    assert page.items[0].number_notation in text and "Thời hạn giải quyết" in text


def test_a_day_off_is_flagged_at_once_and_the_services_refusal_is_shown(
    qtbot: QtBot, office: Office, language: str
) -> None:
    (doc,) = normal_registered(office.services, 1)
    present(office, [doc])
    page = inbox_page(qtbot, office)
    dialog = direct_dialog(qtbot, page)
    dialog.direction.insertPlainText("Xử lý.")
    dialog.set_lead(Party.unit(office.units["VP"]))
    today = office.clock.now.date()
    sunday = today + timedelta(days=(6 - today.weekday()) or 7)
    dialog.set_deadline(sunday)
    assert dialog.computed.styleSheet() and sunday.strftime("%d/%m/%Y") in dialog.computed.text()
    click_direct(qtbot, page, dialog)
    assert dialog.isVisible() and dialog.message.isVisible() and dialog.message.text()
    assert page.total == 1  # nothing was directed
    dialog.set_lead(None)
    dialog.set_working_days(3)
    click_direct(qtbot, page, dialog)
    assert dialog.message.isVisible() and dialog.message.text()  # the lead is required
    dialog.reject()


def test_a_document_directed_elsewhere_meanwhile_is_reported(qtbot: QtBot, office: Office, language: str) -> None:
    docs = normal_registered(office.services, 2)
    present(office, docs)
    page = inbox_page(qtbot, office)
    page.select_documents(docs[:1])
    dialog = direct_dialog(qtbot, page)
    office.services.workflow.direct(office.actor("giamdoc"), docs[:1], "Để biết.", for_information=True)
    dialog.direction.insertPlainText("Xử lý.")
    dialog.set_lead(Party.unit(office.units["VP"]))
    click_direct(qtbot, page, dialog)
    assert page.dialog is None
    assert page.banner.isVisible() and page.banner_text.text()
    assert [i.document_id for i in page.items] == docs[1:]  # refreshed


def test_a_deputy_acting_for_the_leader_sees_and_directs_the_leaders_inbox(
    qtbot: QtBot, office: Office, language: str
) -> None:
    docs = normal_registered(office.services, 2)
    present(office, docs)
    now = office.clock.now
    office.services.workflow.delegate(office.actor("giamdoc"), office.users["phogiamdoc"].id,
                                      now - timedelta(hours=1), now + timedelta(days=3))
    page = inbox_page(qtbot, office, "phogiamdoc")
    assert {i.document_id for i in page.items} == set(docs)
    assert "Nguyễn Văn An" in page.table.item(0, 7).text() and "Nguyễn Văn An" in page.subtitle.text()
    page.select_documents(docs[:1])
    dialog = direct_dialog(qtbot, page)
    dialog.direction.insertPlainText("Thay Giám đốc: giao Văn phòng.")
    dialog.set_lead(Party.unit(office.units["VP"]))
    dialog.set_deadline(office.services.workflow.calendar().add_working_days(now.date(), 4))
    click_direct(qtbot, page, dialog)
    ((a, _item),) = page.recent
    assert a.directed_by_user_id == office.users["phogiamdoc"].id and a.leader_user_id == office.users["giamdoc"].id


def test_a_long_inbox_loads_page_by_page(
    qtbot: QtBot, office: Office, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = registered(office.services)
    present(office, ids)
    monkeypatch.setattr(inbox_module, "PAGE_SIZE", 5)
    page = InboxPage(office.env("giamdoc"))
    qtbot.addWidget(page)
    assert page.table.rowCount() == 5 and page.total == len(ids) and not page.more_button.isHidden()
    page.resize(1280, 400)  # a view of several rows: pages are fetched until it overflows, not more
    page.show()
    qtbot.waitUntil(lambda: page.table.verticalScrollBar().maximum() > 0)
    shown = page.table.rowCount()
    fits = page.table.viewport().height() // page.table.verticalHeader().defaultSectionSize()
    assert 5 < shown < len(ids) and fits < shown <= fits + 5
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolling to the end fetches the next page
    assert page.table.rowCount() == min(shown + 5, len(ids))
    while page.more_button.isVisible():
        qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
    assert [i.document_id for i in page.items] == [
        i.document_id for i in office.services.workflow.inbox(office.actor("giamdoc"), limit=500)
    ]


def test_the_sound_setting_is_remembered(qtbot: QtBot, office: Office, language: str) -> None:
    page = inbox_page(qtbot, office)
    assert page.sound.isChecked()
    page.sound.setChecked(False)
    again = inbox_page(qtbot, office)
    assert not again.sound.isChecked()
