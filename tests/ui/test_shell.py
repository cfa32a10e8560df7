"""The app shell driven like a user: sign in per role, open the pages that role sees, read a document, run the check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from app.domain.errors import AuthenticationError
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.ui.application import SCREEN_SIDE_ENV, make_login, place_on_screen_side
from app.ui.jobs import JobRunner
from app.ui.login import LoginDialog
from app.ui.main_window import MainWindow
from app.ui.messages import describe
from app.ui.pages.admin import AdminPage
from app.ui.pages.documents import DocumentsPage
from app.ui.pages.registry_book import RegistryBookPage
from app.widgets.registry_model import ROW_ROLE

ROLE_PAGES = {
    "vanthu": [
        "intake", "tasks", "documents", "registry-in", "registry-out", "registers", "drafts", "to-send", "messages",
    ],
    "giamdoc": ["inbox", "tasks", "documents", "registry-in", "registry-out", "registers", "overview", "drafts"],
    "phogiamdoc": ["inbox", "tasks", "documents", "registry-in", "registry-out", "registers", "overview", "drafts"],
    "chuyenvien": ["tasks", "documents", "drafts"],
    "quantri": ["intake", "documents", "registry-in", "registry-out", "registers", "messages", "admin"],
}


def sign_in(qtbot: QtBot, booted: Booted, username: str, password: str = DEMO_PASSWORD) -> LoginDialog:
    dialog = make_login(booted)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in, Qt.MouseButton.LeftButton)
    return dialog


def open_main(qtbot: QtBot, booted: Booted, username: str) -> MainWindow:
    dialog = sign_in(qtbot, booted, username)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.username == username
    window = MainWindow(booted, dialog.user, JobRunner(booted.settings.logs_dir / "vanthu.log"))
    qtbot.addWidget(window)
    window.show()
    return window


def double_click_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real double-click starts
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.mark.parametrize("username", list(ROLE_PAGES))
def test_each_role_signs_in_and_opens_the_pages_it_sees(
    qtbot: QtBot, booted: Booted, language: str, username: str
) -> None:
    window = open_main(qtbot, booted, username)
    assert window.page_keys == ROLE_PAGES[username]
    status = window.findChild(QLabel, "statusUser")
    assert status is not None and status.text().startswith(window.user.full_name)
    for key in window.page_keys:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
        if isinstance(page, DocumentsPage):
            assert page.table.rowCount() == 30
        elif isinstance(page, RegistryBookPage):
            assert page.table.model().rowCount() > 0
            first = page.table.model().index(0, 0).data(ROW_ROLE)
            assert first is not None and "/" in first.number_notation  # a number/notation like 01/KH-STTTT
        elif isinstance(page, AdminPage):
            assert page.users.rowCount() == 5
            assert page.units.rowCount() == 5


def test_wrong_password_keeps_the_dialog_open_with_the_message(
    qtbot: QtBot, booted: Booted, language: str
) -> None:
    dialog = sign_in(qtbot, booted, "vanthu", "not-the-password")
    assert dialog.user is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisible()
    assert dialog.error.text() == describe(AuthenticationError("auth.failed"))
    assert dialog.error.text().startswith("Sai tên đăng nhập hoặc mật khẩu")


def test_demo_hint_lists_the_demo_accounts_only_in_demo_mode(qtbot: QtBot, booted: Booted, language: str) -> None:
    dialog = make_login(booted)
    qtbot.addWidget(dialog)
    assert dialog.demo_hint is not None
    assert all(name in dialog.demo_hint.text() for name in ROLE_PAGES)
    assert "Sở Thông tin và Truyền thông" in dialog.windowTitle()


def test_double_click_opens_the_pdf_with_its_metadata(qtbot: QtBot, booted: Booted, language: str) -> None:
    window = open_main(qtbot, booted, "vanthu")
    page = window.show_page("documents")
    assert isinstance(page, DocumentsPage)
    doc_id = page.first_document_id()
    assert doc_id is not None
    double_click_row(qtbot, page.table, 0)
    view = window.document_page
    assert view is not None and window.stack.currentWidget() is view
    qtbot.waitUntil(lambda: view.viewer.ready, timeout=5000)
    assert view.viewer.page_count > 0
    doc = booted.services.documents.get(doc_id)
    assert view.fields["number"].text() == doc.number_notation
    assert view.fields["summary"].text() == doc.summary
    assert view.fields["issuer"].text().startswith(doc.issuer_name)
    main_file = doc.main_file
    assert main_file is not None
    assert main_file.sha256[:32] in view.files.text()
    # the PDF has been painted: the viewport holds dark (text) pixels (QtPdf renders pages on its own thread)
    def painted() -> bool:
        image = view.viewer.view.viewport().grab().toImage()
        return any(
            image.pixelColor(QPoint(x, y)).lightness() < 100
            for x in range(0, image.width(), 4)
            for y in range(0, min(image.height(), 400), 4)
        )

    qtbot.waitUntil(painted, timeout=10_000)
    qtbot.mouseClick(view.back, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is page


def test_registry_book_double_click_opens_the_document(qtbot: QtBot, booted: Booted, language: str) -> None:
    window = open_main(qtbot, booted, "giamdoc")
    page = window.show_page("registry-out")
    assert isinstance(page, RegistryBookPage)
    row = page.table.model().index(0, 0).data(ROW_ROLE)
    assert row is not None
    rect = page.table.visualRect(page.table.model().index(0, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document_page is not None
    assert window.document_page.fields["number"].text() == row.number_notation


def test_admin_integrity_check_runs_in_the_background_and_reports_consistent(
    qtbot: QtBot, booted: Booted, language: str
) -> None:
    window = open_main(qtbot, booted, "quantri")
    page = window.show_page("admin")
    assert isinstance(page, AdminPage)
    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    job = page.job
    assert job is not None and not page.check_button.isEnabled()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert page.last_report is not None and page.last_report.ok
    assert "Tất cả đều nhất quán." in page.result.toPlainText()
    assert page.check_button.isEnabled()


def test_keyboard_moves_between_pages_and_refreshes(qtbot: QtBot, booted: Booted, language: str) -> None:
    window = open_main(qtbot, booted, "vanthu")
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    incoming = window.page_keys.index("registry-in") + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + incoming), Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "registry-in"
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0.value + incoming + 1), Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "registry-out"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.current_key() == "registry-out"


@pytest.mark.parametrize(
    ("language", "nav", "caption"),
    [
        ("vi", ["Tiếp nhận", "Văn bản", "Sổ văn bản đến", "Sổ văn bản đi"], "Tên đăng nhập:"),
        ("en", ["Intake", "Documents", "Incoming register", "Outgoing register"], "User name:"),
    ],
    indirect=["language"],
)
def test_ui_language_vietnamese_by_default_english_on_request(
    qtbot: QtBot, booted: Booted, language: str, nav: list[str], caption: str
) -> None:
    dialog = make_login(booted)
    qtbot.addWidget(dialog)
    assert dialog.username_caption.text() == caption
    window = open_main(qtbot, booted, "vanthu")
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert [label for label in labels if label in nav] == nav  # in this order, among the clerk's other pages


def test_every_window_sees_the_axis_link_and_works_offline_without_one(
    qtbot: QtBot, booted: Booted, language: str
) -> None:
    window = open_main(qtbot, booted, "vanthu")
    assert window.sync_loop is None  # no VANTHU_AXIS_URL in the test settings
    assert window.axis_label.isVisibleTo(window)
    assert "ngoại tuyến" in window.axis_label.text()  # "Axis: not configured (offline work)"
    leader = open_main(qtbot, booted, "giamdoc")  # every workstation syncs (the office lock takes turns)
    assert leader.sync_loop is None and leader.axis_label.isVisibleTo(leader)


def test_the_two_office_demo_puts_each_office_on_its_own_half_of_the_screen(
    qtbot: QtBot, booted: Booted, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_login(booted)
    qtbot.addWidget(dialog)
    dialog.adjustSize()
    area = dialog.screen().availableGeometry()
    middle = area.left() + area.width() // 2
    place_on_screen_side(dialog)  # not set: left where Qt puts it
    monkeypatch.setenv(SCREEN_SIDE_ENV, "left")
    place_on_screen_side(dialog)
    assert area.left() <= dialog.x() and dialog.frameGeometry().center().x() < middle
    monkeypatch.setenv(SCREEN_SIDE_ENV, "right")
    place_on_screen_side(dialog)
    assert dialog.x() >= middle
    assert dialog.windowTitle() == "Đăng nhập — Sở Thông tin và Truyền thông — Văn Thư Desktop"


def test_qt_s_own_buttons_speak_the_ui_language(qtbot: QtBot, language: str) -> None:
    """Qt ships no Vietnamese catalogue: the app's .ts carries its standard button texts."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    texts = [box.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok,
                                             QDialogButtonBox.StandardButton.Cancel,
                                             QDialogButtonBox.StandardButton.Close)]
    assert texts == (["Đồng ý", "Hủy", "Đóng"] if language == "vi" else ["OK", "Cancel", "Close"])
