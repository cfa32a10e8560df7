"""A specialist's "my tasks": the leader directs demo documents to them through the services, then the specialist
reads the direction, reports progress with a file, opens and saves that file, finishes, and is told when someone
else changed the task meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from app.domain.clock import VN_TZ
from app.domain.enums import Direction, DocumentState
from app.domain.model import Actor, User
from app.domain.workflow import AssignmentState, Party, PartyRole, TaskFilter
from app.services.bundle import Booted, Services
from app.services.context import StoreContext
from app.settings import Settings
from app.store.audit import AuditLog
from app.ui.dialogs.task_note import NoteMode
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.tasks import DEADLINE_COLUMN, DUE_SOON_COLOR, OVERDUE_COLOR, TasksPage
from tests.conftest import FakeClock

DIRECTED_AT = datetime(2026, 11, 25, 9, 0, tzinfo=VN_TZ)  # Wed, a working day (24/11/2026 is a holiday)
LOOKED_AT = datetime(2026, 11, 27, 9, 0, tzinfo=VN_TZ)  # Fri: two working days later


@dataclass
class Office:
    """The demo office on a clock the test moves, and who is who in it."""

    settings: Settings
    services: Services
    clock: FakeClock
    users: dict[str, User]
    units: dict[str, int]
    jobs: JobRunner
    opened: list[str]

    def actor(self, username: str) -> Actor:
        return Actor.of(self.users[username])

    def env(self, username: str) -> PageEnv:
        return PageEnv(self.settings, self.services, self.users[username], self.jobs, self.opened.append)


@dataclass(frozen=True)
class Directed:
    """Assignment ids made by `direct_demo_work`, by what they test."""

    lead_far: int  # chuyenvien leads in person, 5 working days left on LOOKED_AT; VP coordinates
    lead_unit_soon: int  # CNTT (chuyenvien's unit) leads, due the next working day after LOOKED_AT
    coordinating: int  # VP leads, chuyenvien coordinates
    lead_overdue: int  # chuyenvien leads, the deadline was DIRECTED_AT's day


def open_office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    """The `office` fixture of the workflow UI tests (the other test modules wrap it in their own fixture)."""
    clock = FakeClock(DIRECTED_AT)
    ctx = booted.services.ctx
    services = Services.build(StoreContext(db=ctx.db, files=ctx.files, audit=AuditLog(clock), clock=clock))
    users = {u.username: u for u in services.session.users()}
    units = {u.abbreviation: u.id for u in services.session.units()}
    jobs = JobRunner(tmp_path / "jobs.log")
    yield Office(booted.settings, services, clock, users, units, jobs, [])
    jobs.wait()


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    yield from open_office(booted, tmp_path)


def registered_documents(services: Services, n: int) -> list[str]:
    docs = [d for d in services.documents.recent(Direction.INCOMING, limit=100) if d.state is DocumentState.REGISTERED]
    assert len(docs) >= n, "the demo should have registered incoming documents"
    return [d.id for d in docs[:n]]


def direct_demo_work(office: Office) -> Directed:
    """The clerk presents four demo documents, the leader directs them on DIRECTED_AT; the clock then moves on."""
    wf, leader = office.services.workflow, office.actor("giamdoc")
    specialist = office.users["chuyenvien"].id
    docs = registered_documents(office.services, 4)
    wf.present(office.actor("vanthu"), docs, office.users["giamdoc"].id)
    (far,) = wf.direct(leader, [docs[0]], "Đồng chí Lan chủ trì tham mưu văn bản trả lời.", lead_user_id=specialist,
                       coordinators=[Party.unit(office.units["VP"])], deadline=date(2026, 12, 4))
    (soon,) = wf.direct(leader, [docs[1]], "Phòng CNTT nghiên cứu, đề xuất.", lead_unit_id=office.units["CNTT"],
                        deadline=date(2026, 11, 30))
    (coord,) = wf.direct(leader, [docs[2]], "Văn phòng chủ trì tổng hợp.", lead_unit_id=office.units["VP"],
                         coordinators=[Party.user(specialist)], deadline=date(2026, 12, 10))
    (late,) = wf.direct(leader, [docs[3]], "Xử lý ngay trong ngày.", lead_user_id=specialist,
                        deadline=date(2026, 11, 25))
    office.clock.now = LOOKED_AT
    return Directed(far.id, soon.id, coord.id, late.id)


def tasks_page(qtbot: QtBot, office: Office, username: str = "chuyenvien") -> TasksPage:
    page = TasksPage(office.env(username))
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    return page


def row_of(page: TasksPage, assignment_id: int) -> int:
    return next(i for i, t in enumerate(page.tasks) if t.assignment_id == assignment_id)


def save_dialog(qtbot: QtBot, page: TasksPage) -> None:
    dialog = page.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    # saved or refused: the page forgets the closed dialog, or the dialog stays open with the reason
    qtbot.waitUntil(lambda: page.dialog is None or (dialog.job is None and dialog.message.isVisible()))


def test_my_tasks_show_the_part_and_the_deadline_in_working_days_with_colours(
    qtbot: QtBot, office: Office, language: str
) -> None:
    ids = direct_demo_work(office)
    page = tasks_page(qtbot, office)
    assert {t.assignment_id for t in page.tasks} == {ids.lead_far, ids.lead_unit_soon, ids.coordinating,
                                                     ids.lead_overdue}
    assert page.table.rowCount() == 4
    assert page.tasks[0].assignment_id == ids.lead_overdue  # nearest deadline first
    late = page.table.item(row_of(page, ids.lead_overdue), DEADLINE_COLUMN)
    assert late.text().startswith("25/11/2026") and "2" in late.text()
    assert late.foreground().color() == QColor(OVERDUE_COLOR)
    soon = page.table.item(row_of(page, ids.lead_unit_soon), DEADLINE_COLUMN)
    assert soon.foreground().color() == QColor(DUE_SOON_COLOR)
    far = page.table.item(row_of(page, ids.lead_far), DEADLINE_COLUMN)
    assert far.text().startswith("04/12/2026") and "5" in far.text()
    assert far.foreground().color() != QColor(OVERDUE_COLOR)
    roles = {t.assignment_id: t.my_role for t in page.tasks}
    assert roles[ids.coordinating] is PartyRole.COORDINATOR and roles[ids.lead_unit_soon] is PartyRole.LEAD

    page.set_filter(TaskFilter.OVERDUE)
    assert [t.assignment_id for t in page.tasks] == [ids.lead_overdue]
    assert page.count.text()  # "1 việc" / "1 task(s)"


def test_the_details_show_the_direction_and_the_buttons_fit_the_part(
    qtbot: QtBot, office: Office, language: str
) -> None:
    ids = direct_demo_work(office)
    page = tasks_page(qtbot, office)
    page.table.selectRow(row_of(page, ids.lead_far))
    assert "Đồng chí Lan chủ trì" in page.direction.text()
    assert "Nguyễn Văn An" in page.direction.text()  # the leader who directed it
    assert "Văn phòng Sở" in page.direction.text()  # the coordinating unit
    assert page.progress_button.isEnabled() and page.finish_button.isEnabled()
    assert not page.input_button.isEnabled()
    page.table.selectRow(row_of(page, ids.coordinating))
    assert page.input_button.isEnabled()
    assert not page.progress_button.isEnabled() and not page.finish_button.isEnabled()
    page.open_document()
    assert office.opened and office.opened[-1] == page.tasks[row_of(page, ids.coordinating)].document_id


def test_progress_with_a_file_then_open_save_and_finish(
    qtbot: QtBot, office: Office, language: str, tmp_path: Path
) -> None:
    ids = direct_demo_work(office)
    page = tasks_page(qtbot, office)
    page.table.selectRow(row_of(page, ids.lead_far))
    attachment = tmp_path / "Báo cáo tiến độ.txt"
    attachment.write_text("Đã làm việc với các đơn vị liên quan.", encoding="utf-8")

    dialog = page.start_note(NoteMode.PROGRESS)
    assert dialog is not None and dialog.isVisible()
    dialog.text.insertPlainText("Đã dự thảo văn bản trả lời")  # keyClicks cannot type Vietnamese
    dialog.add_paths([attachment])
    save_dialog(qtbot, page)
    assert page.dialog is None
    task = page.current_task()
    assert task is not None and task.assignment_id == ids.lead_far and task.state is AssignmentState.IN_PROGRESS
    assert page.note_tree.topLevelItemCount() == 1
    note = page.note_tree.topLevelItem(0)
    assert note.text(1) == "Phạm Thị Lan" and "Đã dự thảo" in note.text(3)
    assert note.childCount() == 1 and "Báo cáo tiến độ.txt" in note.child(0).text(3)

    (stored,) = page.note_files()
    assert page.select_file(stored.sha256)
    assert page.open_file_button.isEnabled() and page.save_file_button.isEnabled()
    copy = page.export_file(stored, tmp_path / "copy.txt")
    assert copy.read_text(encoding="utf-8") == "Đã làm việc với các đơn vị liên quan."

    draft = tmp_path / "Dự thảo trả lời.pdf"
    draft.write_bytes(b"%PDF-1.4\n%draft\n")
    dialog = page.start_note(NoteMode.FINISH)
    assert dialog is not None
    dialog.text.insertPlainText("Đã trình dự thảo văn bản trả lời")  # keyClicks cannot type Vietnamese
    dialog.set_reply(draft)
    save_dialog(qtbot, page)
    assert page.dialog is None
    assert ids.lead_far not in {t.assignment_id for t in page.tasks}  # gone from the open list
    page.set_filter(TaskFilter.DONE)
    assert [t.assignment_id for t in page.tasks] == [ids.lead_far]
    assert "Đã trình dự thảo" in page.direction.text()  # the result
    kinds = [page.note_tree.topLevelItem(i).childCount() for i in range(page.note_tree.topLevelItemCount())]
    assert kinds == [1, 1]  # the progress file and the reply draft
    assert not page.progress_button.isEnabled() and not page.finish_button.isEnabled()


def test_an_empty_note_is_refused_in_the_dialog(qtbot: QtBot, office: Office, language: str) -> None:
    ids = direct_demo_work(office)
    page = tasks_page(qtbot, office)
    page.table.selectRow(row_of(page, ids.lead_far))
    dialog = page.start_note(NoteMode.PROGRESS)
    assert dialog is not None
    save_dialog(qtbot, page)
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.message.text()  # "Viết nội dung hoặc đính kèm tệp…"
    dialog.reject()


def test_a_change_by_someone_else_is_reported_with_a_refresh(qtbot: QtBot, office: Office, language: str) -> None:
    ids = direct_demo_work(office)
    page = tasks_page(qtbot, office)
    page.table.selectRow(row_of(page, ids.coordinating))
    # Meanwhile the same specialist, on another workstation, adds input first.
    office.services.workflow.add_input(office.actor("chuyenvien"), ids.coordinating, "Ý kiến từ máy khác")
    dialog = page.start_note(NoteMode.INPUT)
    assert dialog is not None
    dialog.text.insertPlainText("Ý kiến phối hợp")  # keyClicks cannot type Vietnamese
    save_dialog(qtbot, page)
    qtbot.waitUntil(lambda: page.banner.isVisible())
    assert "chuyenvien" in page.banner_text.text()  # "changed by chuyenvien at …, reload"
    qtbot.mouseClick(page.banner_refresh, Qt.MouseButton.LeftButton)
    assert not page.banner.isVisible()
    assert page.current_task() is not None and page.current_task().assignment_id == ids.coordinating  # type: ignore[union-attr]
    assert page.note_tree.topLevelItemCount() == 1  # the other workstation's input is now shown


def test_the_leader_sees_the_work_of_his_own_unit(qtbot: QtBot, office: Office, language: str) -> None:
    ids = direct_demo_work(office)
    page = tasks_page(qtbot, office, "giamdoc")  # the director sits in Văn phòng Sở: it leads one, coordinates one
    parts = {t.assignment_id: t.my_role for t in page.tasks}
    assert parts == {ids.coordinating: PartyRole.LEAD, ids.lead_far: PartyRole.COORDINATOR}
    assert not page.banner.isVisible()
