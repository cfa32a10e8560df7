"""The registry book page driven like a clerk: open the book, search without diacritics, sort by a header, register
an arrival (also a duplicate), correct and cancel an entry and read its history, export the book."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from app.domain.enums import RegistryKind, Urgency
from app.domain.errors import ValidationError
from app.domain.registry_query import RegistryRow, SortKey
from app.domain.text_fold import fold
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.ui.dialogs.entry_correction import CancelEntryDialog, EntryCorrectionDialog
from app.ui.dialogs.entry_history import EntryHistoryDialog
from app.ui.dialogs.register_incoming import RegisterIncomingDialog
from app.ui.jobs import JobRunner
from app.ui.messages import describe
from app.ui.pages.common import PageEnv
from app.ui.pages.registry_book import RegistryBookPage
from app.widgets.registry_model import ROW_ROLE
from tests.integration.registry.conftest import make_pdf

DEMO_INCOMING = 18  # entries the demo agency's incoming book starts with


class Opened(list[str]):
    """Records the documents the page asked to open."""


@pytest.fixture
def opened() -> Opened:
    return Opened()


def make_page(qtbot: QtBot, booted: Booted, opened: Opened, username: str = "vanthu",
              kind: RegistryKind = RegistryKind.INCOMING) -> RegistryBookPage:
    user = booted.services.auth.login(username, DEMO_PASSWORD)
    jobs = JobRunner(booted.settings.logs_dir / "vanthu.log")
    env = PageEnv(booted.settings, booted.services, user, jobs, opened.append)
    page = RegistryBookPage(env, kind)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


@pytest.fixture
def page(qtbot: QtBot, booted: Booted, language: str, opened: Opened) -> Iterator[RegistryBookPage]:
    p = make_page(qtbot, booted, opened)
    yield p
    p._env.jobs.wait(10_000)


def rows(page: RegistryBookPage, limit: int = 100) -> list[RegistryRow]:
    out = []
    for r in range(min(page.model.rowCount(), limit)):
        row = page.model.row_at(r)
        assert row is not None
        out.append(row)
    return out


def click_header(qtbot: QtBot, page: RegistryBookPage, section: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def pdf_file(tmp_path: Path, name: str = "cv-den.pdf", pages: int = 2) -> Path:
    path = tmp_path / name
    path.write_bytes(make_pdf("Cong van den", pages))
    return path


def open_dialog(qtbot: QtBot, page: RegistryBookPage, path: Path) -> RegisterIncomingDialog:
    dialog = page.open_register_dialog(path)
    assert dialog is not None and dialog.isVisible()
    assert dialog.inspect_job is not None
    qtbot.waitUntil(lambda: dialog.inspected is not None, timeout=10_000)
    return dialog


def fill(dialog: RegisterIncomingDialog, issuer: str, number: str, summary: str) -> None:
    dialog.issuer.setText(issuer)
    dialog.number.setText(number)
    dialog.summary.setPlainText(summary)
    dialog.doc_type.setCurrentText("Quyết định")
    dialog.urgency.setCurrentIndex(dialog.urgency.findData(Urgency.URGENT))
    dialog.recipient.setCurrentText("Văn phòng Sở")


def submit_and_wait(qtbot: QtBot, dialog: RegisterIncomingDialog) -> None:
    dialog.submit()
    job = dialog.job
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=15_000)


def test_the_book_opens_with_its_official_columns_and_rows(page: RegistryBookPage) -> None:
    assert page.model.rowCount() == DEMO_INCOMING
    titles = [page.model.headerData(i, Qt.Orientation.Horizontal) for i in range(page.model.columnCount())]
    assert titles[:3] == ["Ngày đến", "Số đến", "Tác giả"] and titles[-1] == "Ghi chú"
    assert page.view_model.headerData(4, Qt.Orientation.Horizontal) == "Ngày tháng\nvăn bản"
    assert page.count.text().startswith("18")
    first = rows(page)[0]
    assert first.number == DEMO_INCOMING  # newest first
    assert page.table.model().index(0, 1).data() == "18"
    assert page.model.cached_pages == 1  # only the page it painted was read
    assert page.book.count() == 2  # the clerk sees the year's book and the secret book
    assert page.table.verticalHeader().sectionResizeMode(0).name == "Fixed"


def test_urgent_rows_are_bold_and_the_deputy_sees_no_secret_book(
    qtbot: QtBot, booted: Booted, language: str, opened: Opened
) -> None:
    deputy = make_page(qtbot, booted, opened, "phogiamdoc")
    assert deputy.book.count() == 1
    assert not deputy.register_button.isVisibleTo(deputy) and not deputy.correct_button.isVisibleTo(deputy)
    urgent = next(r for r, row in enumerate(rows(deputy)) if row.urgency is not Urgency.NORMAL)
    assert deputy.table.model().index(urgent, 2).data(Qt.ItemDataRole.FontRole).bold()


def test_search_without_diacritics_finds_dat_dai(qtbot: QtBot, page: RegistryBookPage) -> None:
    qtbot.keyClicks(page.search, "dat dai")
    qtbot.waitUntil(lambda: page.model.query is not None and page.model.query.search == "dat dai", timeout=3000)
    found = rows(page)
    assert found and all("dat dai" in fold(r.summary) for r in found)
    assert any("đất đai" in r.summary for r in found)
    assert len(found) < DEMO_INCOMING
    assert str(len(found)) in page.count.text() and page.count.text() != page.tr("%1 entries").replace(
        "%1", str(len(found)))
    page.clear_filters()
    assert page.model.rowCount() == DEMO_INCOMING


def test_filters_narrow_the_book(page: RegistryBookPage) -> None:
    page.urgency.setCurrentIndex(1)  # urgent or higher
    urgent = rows(page)
    assert urgent and all(r.urgency is not Urgency.NORMAL for r in urgent)
    page.urgency.setCurrentIndex(0)
    issuer = rows(page)[0].issuer
    page.issuer.setCurrentText(issuer)
    page.apply_query()
    assert {r.issuer for r in rows(page)} == {issuer}


def test_clicking_headers_sorts_and_toggles(qtbot: QtBot, page: RegistryBookPage) -> None:
    assert page.sort_state == (SortKey.NUMBER, True)
    click_header(qtbot, page, 1)  # Số đến
    assert page.sort_state == (SortKey.NUMBER, False)
    assert [r.number for r in rows(page)][:3] == [1, 2, 3]
    click_header(qtbot, page, 1)
    assert [r.number for r in rows(page)][:3] == [18, 17, 16]
    click_header(qtbot, page, 2)  # Tác giả: A to Z first
    assert page.sort_state == (SortKey.ISSUER, False)
    issuers = [r.issuer for r in rows(page)]
    assert issuers == sorted(issuers)
    click_header(qtbot, page, 8)  # Ký nhận: not a sort column
    assert page.sort_state == (SortKey.ISSUER, False)


def test_enter_and_double_click_open_the_document(qtbot: QtBot, page: RegistryBookPage, opened: Opened) -> None:
    page.select_row(2)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [rows(page)[2].document_id]
    assert page.cell_text(2, "number_notation") == rows(page)[2].number_notation
    center = page.table.visualRect(page.table.model().index(4, 3)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert opened[-1] == rows(page)[4].document_id


def test_register_an_incoming_pdf_through_the_dialog(
    qtbot: QtBot, page: RegistryBookPage, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, page, pdf_file(tmp_path))
    assert "cv-den.pdf" in dialog.file_label.text() and "2" in dialog.file_label.text()
    assert dialog.pages.value() == 2
    dialog.issuer.setText("so tai")
    names = dialog.issuer_names.stringList()
    assert "Sở Tài chính" in names  # the directory matches without diacritics
    fill(dialog, "Sở Tài chính", "Số: 125/QĐ-STC", "Về việc giao dự toán ngân sách năm 2027")
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.submit()
    entry = dialog.entry
    assert entry is not None and entry.number == DEMO_INCOMING + 1
    assert page.model.rowCount() == DEMO_INCOMING + 1
    selected = page.selected_row()
    assert selected is not None and selected.entry_id == entry.id
    assert selected.number_notation == "125/QĐ-STC" and selected.recipient == "Văn phòng Sở"
    assert selected.urgency is Urgency.URGENT
    assert page.count.text().startswith("19")


def test_fields_are_checked_as_they_are_typed(qtbot: QtBot, page: RegistryBookPage, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, page, pdf_file(tmp_path))
    dialog.number.setText("12/qđ-stc")
    dialog.validate_touched()
    error = dialog.errors["number"]
    assert error.isVisibleTo(dialog) and error.text() == describe(ValidationError("notation.lower_case",
                                                                                 text="12/qđ-stc"))
    assert not dialog.errors["summary"].isVisibleTo(dialog)  # not reached yet: not judged
    dialog.number.setText("12/QĐ-STC")
    dialog.validate_touched()
    assert not error.isVisibleTo(dialog)
    dialog.submit()  # everything is judged now: summary and issuer are empty
    assert dialog.errors["summary"].isVisibleTo(dialog) and dialog.errors["issuer"].isVisibleTo(dialog)
    assert dialog.job is None and dialog.isVisible()


def test_a_duplicate_is_refused_until_the_clerk_confirms(
    qtbot: QtBot, page: RegistryBookPage, tmp_path: Path
) -> None:
    existing = rows(page)[3]
    dialog = open_dialog(qtbot, page, pdf_file(tmp_path))
    fill(dialog, existing.issuer, existing.number_notation, "Bản gửi lại qua trục liên thông")
    submit_and_wait(qtbot, dialog)
    assert dialog.isVisible() and dialog.entry is None
    assert dialog.duplicate_box.isVisibleTo(dialog)
    assert existing.number_notation in dialog.duplicate_text.text()
    assert page.model.rowCount() == DEMO_INCOMING
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.mouseClick(dialog.register_anyway, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == DEMO_INCOMING + 1
    history = page.open_history_dialog()
    assert isinstance(history, EntryHistoryDialog)
    assert history.table.rowCount() == 1
    details = history.table.item(0, 3).text()  # type: ignore[union-attr]
    assert history.tr("registered although a document with the same number exists") in details


def test_a_correction_needs_a_reason_and_shows_in_the_history(page: RegistryBookPage) -> None:
    page.select_row(0)
    before = page.selected_row()
    assert before is not None
    dialog = page.open_correction_dialog()
    assert isinstance(dialog, EntryCorrectionDialog)
    summary = dialog.fields["summary"]
    summary.setPlainText("Kết luận của Chủ tịch UBND tỉnh về quản lý đất đai")  # type: ignore[attr-defined]
    dialog.submit()
    assert dialog.message.isVisibleTo(dialog) and dialog.isVisible()  # no reason yet
    dialog.reason.setText("Sai trích yếu so với bản gốc")
    dialog.submit()
    assert not dialog.isVisible()
    after = page.selected_row()
    assert after is not None and after.entry_id == before.entry_id
    assert after.summary == "Kết luận của Chủ tịch UBND tỉnh về quản lý đất đai"
    history = page.open_history_dialog()
    assert isinstance(history, EntryHistoryDialog)
    texts = [history.table.item(r, 3).text() for r in range(history.table.rowCount())]  # type: ignore[union-attr]
    correction = texts[-1]
    assert "Sai trích yếu so với bản gốc" in correction
    assert f"{before.summary} → {after.summary}" in correction
    assert history.table.item(history.table.rowCount() - 1, 1).text() == "Trần Thị Hoa"  # type: ignore[union-attr]


def test_cancelling_a_number_keeps_the_row_struck_out(page: RegistryBookPage) -> None:
    page.select_row(1)
    row = page.selected_row()
    assert row is not None
    dialog = page.open_cancel_dialog()
    assert isinstance(dialog, CancelEntryDialog)
    dialog.reason.setText("Đăng ký nhầm sổ")
    dialog.submit()
    assert page.model.rowCount() == DEMO_INCOMING
    again = page.selected_row()
    assert again is not None and again.entry_id == row.entry_id and again.cancelled
    assert "Đăng ký nhầm sổ" in again.note
    index = page.table.model().index(1, 0)
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert index.data(ROW_ROLE).cancelled
    assert not page.cancel_button.isEnabled() and not page.correct_button.isEnabled()
    assert page.history_button.isEnabled()


def test_dropping_a_pdf_on_the_page_opens_the_dialog(qtbot: QtBot, page: RegistryBookPage, tmp_path: Path) -> None:
    path = pdf_file(tmp_path, "tha-vao.pdf", 1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    dialog = page.register_dialog
    assert dialog is not None and dialog.file_path == path
    qtbot.waitUntil(lambda: dialog.inspected is not None, timeout=10_000)
    assert dialog.pages.value() == 1


def test_export_writes_the_filtered_book_to_excel(qtbot: QtBot, page: RegistryBookPage, tmp_path: Path) -> None:
    page.search.setText("dat dai")
    page.apply_query()
    out = tmp_path / "so-den.xlsx"
    job = page.export("xlsx", out)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    assert page.last_export is not None and page.last_export.path == out
    sheet = openpyxl.load_workbook(out, read_only=True).worksheets[0]
    assert len(list(sheet.iter_rows(values_only=True))) == page.model.rowCount() + 1
    assert str(out) in page.status.text()


def test_the_outgoing_book_has_its_own_columns(qtbot: QtBot, booted: Booted, language: str, opened: Opened) -> None:
    out = make_page(qtbot, booted, opened, kind=RegistryKind.OUTGOING)
    assert out.model.headerData(0, Qt.Orientation.Horizontal) == "Số, ký hiệu văn bản"
    assert out.model.rowCount() == 12
    assert not out.register_button.isVisibleTo(out)
    click_header(qtbot, out, 0)
    assert out.sort_state == (SortKey.NUMBER, False)
    assert rows(out)[0].number == 1


def test_refresh_shows_an_entry_registered_on_another_desk(page: RegistryBookPage, booted: Booted) -> None:
    from datetime import date, timedelta

    from app.domain.model import Actor
    from app.services.registry import IncomingForm

    clerk = Actor.of(page._env.user)
    issued = date.today() - timedelta(days=3)
    form = IncomingForm("Sở Nội vụ", "77/SNV-CCVC", issued, "Công văn", "V/v thi tuyển công chức")
    booted.services.registry.register_incoming(clerk, form, make_pdf(), "cv77.pdf")
    assert page.model.rowCount() == DEMO_INCOMING
    page.refresh()
    assert page.model.rowCount() == DEMO_INCOMING + 1
    assert rows(page)[0].number_notation == "77/SNV-CCVC"


def test_printing_paints_every_page_of_the_register(qtbot: QtBot, page: RegistryBookPage, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from app.ui.pages.registry_book import render_pdf_to_printer

    register = tmp_path / "register.pdf"
    job = page.export("pdf", register)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=30_000)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert render_pdf_to_printer(register, printer)
    assert len(PdfReader(printed).pages) == len(PdfReader(register).pages) >= 2  # the cover and the table pages


def test_a_stopped_export_leaves_no_file(qtbot: QtBot, page: RegistryBookPage, tmp_path: Path) -> None:
    import threading

    release = threading.Event()
    jobs = page._env.jobs
    blockers = [jobs.run("hold", lambda _ctx: release.wait(10)) for _ in range(2)]  # both workers busy
    out = tmp_path / "stopped.xlsx"
    job = page.export("xlsx", out)
    assert job is not None and page.stop_button.isVisibleTo(page)
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)  # before a single row is written
    release.set()
    qtbot.waitUntil(lambda: not job.running and not any(b.running for b in blockers), timeout=30_000)
    assert not out.exists() and not page.stop_button.isVisibleTo(page)
    assert page.status.text() == page.tr("Export cancelled.")
