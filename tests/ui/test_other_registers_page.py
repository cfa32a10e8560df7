"""The other registers page driven like a clerk: record a postal dispatch picked from the outgoing book, lend and get
back a kept copy, correct and cancel a line, read the follow-up register, export; a leader only reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.domain.enums import RegistryKind
from app.domain.register_logs import KeptCopyUse, PostalDispatch
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.registry_export import ExportResult
from app.ui.dialogs.register_line import RegisterLineDialog, ReturnDateDialog
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.other_registers import KINDS, OtherRegistersPage


def make_page(qtbot: QtBot, booted: Booted, username: str = "vanthu") -> OtherRegistersPage:
    user = booted.services.auth.login(username, DEMO_PASSWORD)
    jobs = JobRunner(booted.settings.logs_dir / "vanthu.log")
    env = PageEnv(booted.settings, booted.services, user, jobs, lambda _id: None)
    page = OtherRegistersPage(env)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


@pytest.fixture
def page(qtbot: QtBot, booted: Booted, language: str) -> Iterator[OtherRegistersPage]:
    p = make_page(qtbot, booted)
    yield p
    p._env.jobs.wait(10_000)


def _table(page: OtherRegistersPage, kind: RegistryKind) -> QTableWidget:
    return page.tables[kind]


def test_a_postal_dispatch_is_prefilled_from_an_outgoing_document(page: OtherRegistersPage, qtbot: QtBot) -> None:
    page.tabs.setCurrentIndex(KINDS.index(RegistryKind.POSTAL_DISPATCH))
    dialog = page.open_add_dialog()
    assert isinstance(dialog, RegisterLineDialog)
    assert dialog.document.count() > 1  # the demo's numbered outgoing documents
    dialog.document.setCurrentIndex(1)
    assert "/" in dialog.number_notation.text()
    dialog.recipients.setPlainText("UBND huyện Cẩm Xuyên")
    dialog.envelopes.setValue(3)
    dialog.save()
    assert dialog.result() == RegisterLineDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: _table(page, RegistryKind.POSTAL_DISPATCH).rowCount() == 1)
    line = page.lines[RegistryKind.POSTAL_DISPATCH][0]
    assert isinstance(line, PostalDispatch) and line.envelopes == 3 and line.document_id
    assert _table(page, RegistryKind.POSTAL_DISPATCH).item(0, 2).text() == "UBND huyện Cẩm Xuyên"
    assert _table(page, RegistryKind.POSTAL_DISPATCH).horizontalHeaderItem(4).toolTip() == "Ký nhận và dấu bưu điện"


def test_a_mistake_in_the_form_is_explained_and_nothing_is_written(page: OtherRegistersPage) -> None:
    page.tabs.setCurrentIndex(KINDS.index(RegistryKind.POSTAL_DISPATCH))
    dialog = page.open_add_dialog()
    assert isinstance(dialog, RegisterLineDialog)
    dialog.number_notation.setText("12/UBND-VP")
    dialog.save()
    assert dialog.message.isVisibleTo(dialog) and "gửi đến đâu" in dialog.message.text()
    assert page.lines[RegistryKind.POSTAL_DISPATCH] == []


def test_lend_correct_return_and_cancel_kept_copies(page: OtherRegistersPage, qtbot: QtBot) -> None:
    page.tabs.setCurrentIndex(KINDS.index(RegistryKind.KEPT_COPY_USE))
    assert page.return_button.isVisible()
    dialog = page.open_add_dialog()
    assert isinstance(dialog, RegisterLineDialog)
    dialog.user_name.setEditText("Phạm Văn Kế")
    dialog.number_notation_date.setText("05/QĐ-STTTT, 05/03/2026")
    dialog.type_summary.setPlainText("Quyết định phê duyệt kế hoạch")
    assert dialog.approved_by.count() >= 1  # the demo's leaders
    dialog.save()
    table = _table(page, RegistryKind.KEPT_COPY_USE)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=30_000)
    assert table.item(0, 6).text() == "chưa trả"
    table.selectRow(0)
    correct = page.open_correct_dialog()
    assert isinstance(correct, RegisterLineDialog)
    correct.dossier_code.setText("05/HS-VP")
    correct.reason.setText("bổ sung mã hồ sơ")
    correct.save()
    qtbot.waitUntil(lambda: table.item(0, 4).text() == "05/HS-VP")
    table.selectRow(0)
    back = page.open_return_dialog()
    assert isinstance(back, ReturnDateDialog)
    back.save()
    qtbot.waitUntil(lambda: table.item(0, 6).text() != "chưa trả")
    line = page.lines[RegistryKind.KEPT_COPY_USE][0]
    assert isinstance(line, KeptCopyUse) and not line.outstanding
    table.selectRow(0)
    assert page.cancel_selected("ghi nhầm người mượn")
    line = page.lines[RegistryKind.KEPT_COPY_USE][0]
    assert isinstance(line, KeptCopyUse) and line.cancelled
    table.selectRow(0)
    assert not page.correct_button.isEnabled()
    history = page.open_history_dialog()
    assert history is not None and history.table.rowCount() == 4  # type: ignore[attr-defined]


def test_follow_up_register_lists_the_incoming_book(page: OtherRegistersPage, booted: Booted) -> None:
    page.tabs.setCurrentIndex(KINDS.index(RegistryKind.INCOMING_FOLLOW_UP))
    lines = page.lines[RegistryKind.INCOMING_FOLLOW_UP]
    assert len(lines) >= 18  # the demo's incoming book
    assert not page.add_button.isEnabled()
    assert _table(page, RegistryKind.INCOMING_FOLLOW_UP).item(0, 0).text() == "01"


def test_export_writes_the_official_columns(page: OtherRegistersPage, qtbot: QtBot, tmp_path: Path) -> None:
    page.tabs.setCurrentIndex(KINDS.index(RegistryKind.INCOMING_FOLLOW_UP))
    job = page.export("xlsx", tmp_path / "theo-doi.xlsx")
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: isinstance(page.last_export, ExportResult))
    sheet = openpyxl.load_workbook(tmp_path / "theo-doi.xlsx").active
    assert sheet is not None and sheet.cell(1, 4).value == "Thời hạn giải quyết"


def test_a_leader_reads_but_does_not_write(qtbot: QtBot, booted: Booted, language: str) -> None:
    page = make_page(qtbot, booted, "giamdoc")
    page.tabs.setCurrentIndex(KINDS.index(RegistryKind.POSTAL_DISPATCH))
    assert not page.add_button.isEnabled() and page.open_add_dialog() is None
