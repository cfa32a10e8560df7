"""Separate appendix files in the UI, on the demo home's SoftHSM2 tokens: the clerk's "Number and seal" asks the PIN
once and counts the files as it seals them; the document view lists the sealed appendices and opens each one with
its signature badge."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.drafts import DraftMeta, DraftState, Recipient, RecipientKind
from app.domain.enums import FileRole
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.issuing import AppendixInput
from app.services.signing.pki import DEMO_USER_PIN
from app.ui.dialogs.pin import SESSION_PINS, PinDialog
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.document import DocumentPage
from app.ui.pages.drafts import DraftsPage
from tests.integration.signing.test_appendix_sealing import appendix_pdf
from tests.ui.signing_support import actor, draft_pdf, require_demo_tokens


@pytest.fixture
def signing_booted(booted: Booted, language: str) -> Iterator[Booted]:
    require_demo_tokens(booted)
    yield booted
    booted.services.signing.close()
    SESSION_PINS.clear()


def _signed_draft_with_two_appendix_files(booted: Booted) -> str:
    issuing = booted.services.issuing
    leader = actor(booted, "giamdoc")
    meta = DraftMeta("Quyết định", "Về việc thử nghiệm ký số phụ lục", signer_user_id=leader.user_id)
    draft = issuing.create(
        actor(booted, "chuyenvien"), meta, draft_pdf(), "quyet-dinh.pdf",
        recipients=(Recipient(RecipientKind.AGENCY, "UBND tỉnh Hà Tĩnh", agency_code="000.00.00.H27"),),
        appendices=(AppendixInput("Phụ lục I", appendix_pdf("I", "Danh sách đơn vị", 1), "phu-luc-I.pdf"),
                    AppendixInput("Phụ lục II", appendix_pdf("II", "Kinh phí", 1), "phu-luc-II.pdf")),
    )
    issuing.submit(actor(booted, "chuyenvien"), draft.document_id)
    issuing.sign(leader, draft.document_id, DEMO_USER_PIN)
    return draft.document_id


def _env(booted: Booted, username: str) -> PageEnv:
    user = booted.services.auth.login(username, DEMO_PASSWORD)
    return PageEnv(booted.settings, booted.services, user, JobRunner(booted.settings.logs_dir / "x.log"),
                   lambda _id: None)


def test_one_pin_seals_the_main_file_and_each_appendix_and_the_view_opens_them(
    qtbot: QtBot, signing_booted: Booted,
) -> None:
    doc_id = _signed_draft_with_two_appendix_files(signing_booted)
    clerk = DraftsPage(_env(signing_booted, "vanthu"))
    qtbot.addWidget(clerk)
    clerk.resize(1300, 760)
    clerk.show()
    clerk.select(doc_id)
    assert clerk.seal_button.isEnabled()
    dialogs: list[str] = []
    steps: list[tuple[int, int, str]] = []
    shown: list[str] = []
    clerk.seal_progress.connect(lambda done, total, name: steps.append((done, total, name)))
    clerk.seal_progress.connect(lambda *_: shown.append(clerk.message.text()))
    timer = QTimer()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PinDialog):
            dialogs.append(dialog.windowTitle())
            dialog.pin.setText(DEMO_USER_PIN)
            dialog.buttons.accepted.emit()

    timer.timeout.connect(answer)
    timer.start(20)
    clerk.seal_button.click()
    qtbot.waitUntil(lambda: clerk.job is not None and not clerk.job.running, timeout=90_000)
    timer.stop()
    clerk._env.jobs.wait(10_000)

    assert len(dialogs) == 1  # the PIN is asked once for the three files
    assert clerk.drafts and clerk.drafts[0].state is DraftState.NUMBERED, clerk.message.text()
    assert [s[:2] for s in steps] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [s[2] for s in steps[:3]] == ["quyet-dinh.pdf", "phu-luc-I.pdf", "phu-luc-II.pdf"]
    assert any("3" in text and "phu-luc-II.pdf" in text for text in shown), shown

    doc = signing_booted.services.documents.get(doc_id)
    assert [(f.role, f.name) for f in doc.files] == [
        (FileRole.MAIN, "quyet-dinh.pdf"), (FileRole.APPENDIX, "phu-luc-I.pdf"), (FileRole.APPENDIX, "phu-luc-II.pdf")]
    env = _env(signing_booted, "vanthu")
    view = DocumentPage(env)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    view.show_document(doc_id)
    assert view.file_list.isVisible() and view.file_list.count() == 3
    assert "quyet-dinh.pdf" in view.file_list.currentItem().text()
    qtbot.waitUntil(lambda: len(view.badges.badges) == 2, timeout=30_000)

    view.file_list.setCurrentRow(2)
    qtbot.waitUntil(lambda: len(view.badges.badges) == 1, timeout=30_000)
    assert [b.state for b in view.badges.badges] == ["valid"]
    assert "phu-luc-II.pdf" in view.file_list.currentItem().text()
    env.jobs.wait(10_000)
