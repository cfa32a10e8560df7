"""The "Drafts" page driven by each role on the demo home's SoftHSM2 tokens: the specialist writes and submits a
draft, the leader returns it, the specialist revises and resubmits, the leader signs (a wrong PIN first), the clerk
numbers and seals, prints the paper copies to a PDF printer and marks it issued; "To send" then lists it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.drafts import DraftState, RecipientKind
from app.domain.model import Actor
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.official_pdf import OfficialDocument, render
from app.services.signing.pki import DEMO_USER_PIN
from app.ui.dialogs.draft_editor import DraftEditorDialog
from app.ui.dialogs.pin import SESSION_PINS, PinDialog
from app.ui.jobs import Job, JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.drafts import DraftsPage, state_label
from tests.ui.signing_support import draft_pdf, require_demo_tokens


@pytest.fixture
def pages(qtbot: QtBot, booted: Booted, language: str) -> Iterator[Callable[[str], DraftsPage]]:
    require_demo_tokens(booted)
    made: list[DraftsPage] = []

    def make(username: str) -> DraftsPage:
        user = booted.services.auth.login(username, DEMO_PASSWORD)
        env = PageEnv(
            booted.settings, booted.services, user, JobRunner(booted.settings.logs_dir / "x.log"), lambda _id: None
        )
        page = DraftsPage(env)
        qtbot.addWidget(page)
        page.resize(1300, 760)
        page.show()
        made.append(page)
        return page

    yield make
    for p in made:
        p._env.jobs.wait(20_000)
    SESSION_PINS.clear()


def revised_pdf() -> bytes:
    return render(
        OfficialDocument(
            parent_agency="UBND TỈNH HÀ TĨNH",
            issuer_name="Sở Thông tin và Truyền thông",
            doc_type="Quyết định",
            number=None,
            notation="QĐ-STTTT",
            normative_year=None,
            place="Hà Tĩnh",
            issued=None,
            summary="Về việc thử nghiệm ký số",
            body=["Điều 1. Thử nghiệm ký số văn bản từ ngày 01/12/2026."],
            signer_authority="",
            signer_position="Giám đốc",
            signer_name="Nguyễn Văn An",
            recipients=["Như Điều 3;", "Lưu: VT."],
            year=2026,
        )
    ).pdf


def finish(qtbot: QtBot, page: DraftsPage | Job | None) -> None:
    """Wait for the page's (or this) job to deliver its outcome."""
    job = page.job if isinstance(page, DraftsPage) else page
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=60_000)


def answer_pins(pins: list[str], seen_errors: list[str]) -> QTimer:
    """Type the next PIN into each PIN dialog as it opens (the real dialog, modal), noting any error it shows."""
    timer = QTimer()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PinDialog) and pins:
            if dialog.message.isVisible():
                seen_errors.append(dialog.message.text())
            dialog.pin.setText(pins.pop(0))
            dialog.buttons.accepted.emit()

    timer.timeout.connect(poll)
    timer.start(20)
    return timer


def test_the_issuing_flow_through_the_page_for_each_role(
    qtbot: QtBot, booted: Booted, pages: Callable[[str], DraftsPage], tmp_path: Path
) -> None:
    first = tmp_path / "du-thao.pdf"
    first.write_bytes(draft_pdf())

    # the specialist writes the draft in the editor and submits it
    mine = pages("chuyenvien")
    assert mine.new_button.isVisible() and not mine.sign_button.isVisible() and not mine.seal_button.isVisible()
    editor = DraftEditorDialog(mine._env, None, mine)
    qtbot.addWidget(editor)
    editor.set_file(first)
    editor.summary.setText("Về việc thử nghiệm ký số")
    editor.doc_type.setCurrentIndex(editor.doc_type.findData("Quyết định"))
    editor.signer.setCurrentIndex(
        next(i for i in range(editor.signer.count()) if editor.signer.itemText(i).startswith("Nguyễn Văn An"))
    )
    editor.agency.setText("UBND tinh Ha Tinh")  # the directory matches without diacritics
    editor.add_agency()
    editor.unit.setCurrentIndex(editor.unit.findText("Phòng Công nghệ thông tin"))
    editor.add_unit()
    editor.buttons.accepted.emit()
    assert editor.result_form is not None, editor.message.text()
    form = editor.result_form
    assert [r.kind for r in form.recipients] == [RecipientKind.AGENCY, RecipientKind.UNIT]
    finish(qtbot, mine.save_new(form))
    assert [d.state for d in mine.drafts] == [DraftState.DRAFT]
    status = mine.table.item(0, 2)
    assert status is not None and status.text() == state_label(DraftState.DRAFT)
    mine.submit_button.click()
    finish(qtbot, mine)
    assert mine.drafts[0].state is DraftState.SUBMITTED, mine.message.text()
    doc_id = mine.drafts[0].document_id

    # the leader returns it with comments
    leader = pages("giamdoc")
    assert [d.document_id for d in leader.drafts] == [doc_id] and leader.return_button.isEnabled()
    finish(qtbot, leader.return_with("Ghi rõ thời gian thử nghiệm."))
    assert leader.drafts == []

    # the specialist cannot resubmit unchanged; revises the file and resubmits
    mine.refresh()
    returned = mine.drafts[0]
    assert returned.state is DraftState.RETURNED and "Ghi rõ thời gian" in mine.details.text()
    mine.submit_button.click()
    finish(qtbot, mine)
    assert mine.message.isVisible() and mine.selected() is not None
    assert [d.state for d in mine.drafts] == [DraftState.RETURNED]  # refused: nothing changed since the return
    revised = tmp_path / "du-thao-v2.pdf"
    revised.write_bytes(revised_pdf())
    editor = DraftEditorDialog(mine._env, mine.drafts[0], mine)
    qtbot.addWidget(editor)
    editor.set_file(revised)
    editor.comment.setText("Đã ghi rõ thời gian")
    editor.buttons.accepted.emit()
    assert editor.result_form is not None, editor.message.text()
    finish(qtbot, mine.save_edit(mine.drafts[0], editor.result_form))
    assert mine.drafts[0].changed_since_return, mine.message.text()
    mine.submit_button.click()
    finish(qtbot, mine)
    assert mine.drafts[0].state is DraftState.SUBMITTED, mine.message.text()

    # the leader signs: a wrong PIN is refused and asked again, the right one signs
    leader.refresh()
    errors: list[str] = []
    timer = answer_pins(["000000", DEMO_USER_PIN], errors)
    leader.sign_button.click()
    finish(qtbot, leader)
    qtbot.waitUntil(lambda: leader.drafts == [] and leader.job is not None and not leader.job.running, timeout=60_000)
    timer.stop()
    assert len(errors) == 1 and errors[0]

    # the clerk numbers and seals, prints the paper copies (Quyết định cá biệt: everyone gets paper), issues
    clerk = pages("vanthu")
    assert [d.document_id for d in clerk.drafts] == [doc_id] and clerk.seal_button.isEnabled()
    timer = answer_pins([DEMO_USER_PIN], [])
    clerk.seal_button.click()
    qtbot.waitUntil(lambda: bool(clerk.drafts) and clerk.drafts[0].state is DraftState.NUMBERED, timeout=60_000)
    timer.stop()
    sealed = clerk.drafts[0]
    assert sealed.number_notation.endswith("/QĐ-STTTT")
    assert clerk.paper.rowCount() == 2 and clerk.print_button.isEnabled()
    assert "2" in clerk.paper_title.text()

    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "copies.pdf"
    printer.setOutputFileName(str(out))
    assert clerk.print_to(printer) == 2 * 1  # two copies of a one-page decision
    from pypdf import PdfReader

    assert len(PdfReader(str(out)).pages) == 2

    clerk.issue_button.click()
    finish(qtbot, clerk)
    assert clerk.drafts == []
    clerk_actor = Actor.of(clerk._env.user)
    assert doc_id in [i.document_id for i in booted.services.workflow.to_send(clerk_actor)]
    with booted.services.ctx.db.session() as s:
        actions = [e.action for e in booted.services.ctx.audit.history(s, "draft", doc_id)]
    assert "issuing.print" in actions and actions[-1] == "issuing.issue"
