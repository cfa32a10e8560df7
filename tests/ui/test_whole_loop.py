"""The internal loop of issue 7 through the pages, each step by the person whose job it is: the clerk registers an
urgent arrival → it is in the leader's inbox at once → the leader directs it to the specialist with a deadline in
working days → the specialist drafts the reply and finishes the task with it → the leader signs on the token → the
clerk numbers and seals → the reply waits in "to send", and the follow-up register shows the reply's number."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.drafts import DraftState
from app.domain.enums import RegistryKind, Urgency
from app.domain.model import Actor
from app.domain.workflow import AssignmentState, Party, TaskFilter
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.signing.pki import DEMO_USER_PIN
from app.ui.dialogs.draft_editor import DraftEditorDialog
from app.ui.dialogs.pin import SESSION_PINS
from app.ui.dialogs.task_note import NoteMode
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.drafts import DraftsPage
from app.ui.pages.inbox import InboxPage
from app.ui.pages.registry_book import RegistryBookPage
from app.ui.pages.tasks import TasksPage
from tests.ui.signing_support import draft_pdf, require_demo_tokens
from tests.ui.test_drafts_page import answer_pins, finish
from tests.ui.test_registry_page import fill, submit_and_wait

Make = Callable[[type[QWidget], str], QWidget]


@pytest.fixture
def page_for(qtbot: QtBot, booted: Booted, language: str, tmp_path: Path) -> Iterator[Make]:
    require_demo_tokens(booted)
    jobs = JobRunner(tmp_path / "jobs.log")

    def make(kind: type[QWidget], username: str) -> QWidget:
        user = booted.services.auth.login(username, DEMO_PASSWORD)
        env = PageEnv(booted.settings, booted.services, user, jobs, lambda _id: None)
        page = RegistryBookPage(env, RegistryKind.INCOMING) if kind is RegistryBookPage else kind(env)
        qtbot.addWidget(page)
        page.resize(1300, 760)
        page.show()
        return page

    yield make
    jobs.wait(30_000)
    SESSION_PINS.clear()


def test_register_direct_draft_sign_seal_through_the_pages(
    qtbot: QtBot, booted: Booted, page_for: Make, tmp_path: Path
) -> None:
    services = booted.services
    arrival = tmp_path / "cong-van-den.pdf"
    arrival.write_bytes(draft_pdf())

    # the clerk registers an urgent arrival through the register dialog
    book = page_for(RegistryBookPage, "vanthu")
    assert isinstance(book, RegistryBookPage)
    dialog = book.open_register_dialog(arrival)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.inspected is not None, timeout=10_000)
    fill(dialog, "Sở Tài chính tỉnh Hà Tĩnh", "77/STC-NS", "V/v đề nghị báo cáo tình hình ứng dụng chữ ký số")
    submit_and_wait(qtbot, dialog)
    registered = [r for r in services.registry.find_duplicates("Sở Tài chính tỉnh Hà Tĩnh", "77/STC-NS")]
    assert len(registered) == 1
    incoming_id = registered[0].document_id

    # it is in the leader's inbox at once, first (urgent); the leader directs it to the specialist
    inbox = page_for(InboxPage, "giamdoc")
    assert isinstance(inbox, InboxPage)
    assert inbox.items[0].document_id == incoming_id and inbox.items[0].urgency is Urgency.URGENT
    inbox.select_documents([incoming_id])
    direct = inbox.start_direct()
    assert direct is not None
    direct.direction.insertPlainText("Giao đồng chí Lan tham mưu văn bản trả lời.")
    specialist = services.session.users()
    lan = next(u for u in specialist if u.username == "chuyenvien")
    direct.set_lead(Party.user(lan.id))
    direct.set_working_days(5)
    qtbot.mouseClick(direct.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: inbox.dialog is None, timeout=15_000)
    assert incoming_id not in [i.document_id for i in inbox.items]

    # the specialist drafts the reply on the Drafts page and submits it to the leader
    drafts = page_for(DraftsPage, "chuyenvien")
    assert isinstance(drafts, DraftsPage)
    reply = tmp_path / "tra-loi.pdf"
    reply.write_bytes(draft_pdf())
    editor = DraftEditorDialog(drafts._env, None, drafts)
    qtbot.addWidget(editor)
    editor.set_file(reply)
    editor.summary.setText("V/v báo cáo tình hình ứng dụng chữ ký số")
    editor.doc_type.setCurrentIndex(editor.doc_type.findData("Quyết định"))
    editor.signer.setCurrentIndex(
        next(i for i in range(editor.signer.count()) if editor.signer.itemText(i).startswith("Nguyễn Văn An"))
    )
    editor.agency.setText("UBND tinh Ha Tinh")
    editor.add_agency()
    editor.buttons.accepted.emit()
    assert editor.result_form is not None, editor.message.text()
    finish(qtbot, drafts.save_new(editor.result_form))
    drafts.submit_button.click()
    finish(qtbot, drafts)
    reply_id = drafts.drafts[0].document_id
    assert drafts.drafts[0].state is DraftState.SUBMITTED, drafts.message.text()

    # ... and finishes the task on My tasks with that reply draft
    tasks = page_for(TasksPage, "chuyenvien")
    assert isinstance(tasks, TasksPage)
    row = next(i for i, t in enumerate(tasks.tasks) if t.document_id == incoming_id)
    tasks.table.selectRow(row)
    note = tasks.start_note(NoteMode.FINISH)
    assert note is not None
    note.text.insertPlainText("Đã dự thảo văn bản trả lời, trình Giám đốc ký.")
    note.reply_document.setCurrentIndex(note.reply_document.findData(reply_id))
    qtbot.mouseClick(note.buttons.button(note.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tasks.dialog is None, timeout=15_000)
    leader = Actor.of(services.auth.login("giamdoc", DEMO_PASSWORD))
    done = [t for t in services.workflow.party_tasks(leader, user_id=lan.id, state=TaskFilter.DONE) if
            t.document_id == incoming_id]
    assert done and done[0].state is AssignmentState.DONE

    # the leader signs on the token (PIN dialog), the clerk numbers and seals on the agency's token
    signing = page_for(DraftsPage, "giamdoc")
    assert isinstance(signing, DraftsPage)
    timer = answer_pins([DEMO_USER_PIN], [])
    signing.sign_button.click()
    qtbot.waitUntil(lambda: signing.drafts == [] and signing.job is not None and not signing.job.running,
                    timeout=60_000)
    timer.stop()
    clerk_drafts = page_for(DraftsPage, "vanthu")
    assert isinstance(clerk_drafts, DraftsPage)
    timer = answer_pins([DEMO_USER_PIN], [])
    clerk_drafts.seal_button.click()
    qtbot.waitUntil(lambda: bool(clerk_drafts.drafts) and clerk_drafts.drafts[0].state is DraftState.NUMBERED,
                    timeout=60_000)
    timer.stop()
    number = clerk_drafts.drafts[0].number_notation
    clerk_drafts.issue_button.click()
    finish(qtbot, clerk_drafts)

    # the reply waits in "to send"; its signatures verify; the follow-up register shows the reply's number
    clerk = Actor.of(services.auth.login("vanthu", DEMO_PASSWORD))
    assert reply_id in [i.document_id for i in services.workflow.to_send(clerk)]
    sealed = services.issuing.get(reply_id)
    report = services.signing.verify(services.issuing.pdf(sealed.current_sha256))
    assert report.all_valid and len(report.signatures) == 2
    year = services.ctx.clock().year
    line = next(f for f in services.register_logs.follow_up(clerk, year) if f.document_id == incoming_id)
    assert line.reply_number == number and line.progress.startswith("Đã giải quyết")
    assert line.recipient == lan.full_name

