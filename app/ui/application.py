"""Starting the GUI: the Qt application, the UI language, start-up (boot) with its errors worded for the user,
the login dialog, then the main window. Also the headless screenshot mode (`--screenshot OUT.png --page NAME`).

`VANTHU_STARTUP_PROBE=1` (used by bench/startup.py) signs the demo user in without the dialog, prints
`VANTHU_MAIN_WINDOW_SHOWN <unix time>` once the main window has painted, and exits.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.domain.errors import AuthenticationError, DomainError
from app.domain.model import User
from app.services.bundle import Booted
from app.settings import Settings
from app.ui.i18n import install_translator
from app.ui.jobs import JobRunner
from app.ui.login import APP_TITLE, LoginDialog
from app.ui.main_window import MainWindow, forget_token_session
from app.ui.messages import describe

log = logging.getLogger("vanthu.ui")

SPECIAL_SCREENSHOTS = ("login", "main", "document")
WINDOW_SIZE = (1366, 768)
PROBE_ENV = "VANTHU_STARTUP_PROBE"
PROBE_MARK = "VANTHU_MAIN_WINDOW_SHOWN"


def run_gui(
    settings: Settings, boot: Callable[[Settings], Booted], *, screenshot: str | None, page: str, user: str
) -> int:
    if screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_TITLE)
    app.setApplicationDisplayName(APP_TITLE)
    translator = install_translator(app, settings.language)  # noqa: F841  (kept alive for the app's lifetime)
    try:
        booted = boot(settings)
    except DomainError as exc:
        log.warning("start-up failed: %s", exc)
        if screenshot:
            print(describe(exc), file=sys.stderr)
        else:
            show_startup_error(exc)
        return 2
    jobs = JobRunner(settings.logs_dir / "vanthu.log", app)
    if screenshot:
        return take_screenshot(booted, jobs, Path(screenshot), page, user)
    if os.environ.get(PROBE_ENV) == "1":
        return _probe(app, booted, jobs, user)
    dialog = make_login(booted)
    dialog.adjustSize()
    place_on_screen_side(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
        return 0
    window = MainWindow(booted, dialog.user, jobs)
    place_on_screen_side(window, fill=True)
    window.show()
    code = app.exec()
    forget_token_session(booted.services.signing)  # also when the app quits without the window closing
    return code


SCREEN_SIDE_ENV = "VANTHU_SCREEN_SIDE"  # "left" / "right": the two-office demo puts each office on its own half


def place_on_screen_side(widget: QWidget, *, fill: bool = False) -> None:
    """With VANTHU_SCREEN_SIDE set, centre `widget` on that half of the screen (`fill`: take the half's size), so
    the two-office demo's windows stand side by side instead of one exactly over the other."""
    side = os.environ.get(SCREEN_SIDE_ENV, "")
    screen = widget.screen() or QApplication.primaryScreen()
    if side not in ("left", "right") or screen is None:
        return
    area = screen.availableGeometry()
    half_width = area.width() // 2
    left = area.left() + (half_width if side == "right" else 0)
    if fill:
        widget.resize(half_width - 16, area.height() - 48)
    x = left + max((half_width - widget.frameGeometry().width()) // 2, 0)
    y = area.top() + max((area.height() - widget.frameGeometry().height()) // 2, 0)
    widget.move(x, y)


def make_login(booted: Booted, username: str = "") -> LoginDialog:
    accounts = booted.services.demo.accounts() if booted.settings.demo_mode else []
    return LoginDialog(booted.services, demo_accounts=accounts, username=username)


def show_startup_error(exc: DomainError, parent: QWidget | None = None) -> None:
    """The start-up failure in words; when a backup exists (a failed migration), offer to open its folder."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, describe(exc), QMessageBox.StandardButton.Close, parent)
    backup = str(exc.params.get("backup") or "")
    open_button = None
    if backup:
        label = QCoreApplication.translate("Application", "Open the backup folder")
        open_button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if open_button is not None and box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(backup).parent)))


def demo_login(booted: Booted, username: str) -> User:
    """Sign a demo account in by name (screenshots and the start-up probe only)."""
    account = next((a for a in booted.services.demo.accounts() if a.username == username), None)
    if account is None:
        raise AuthenticationError("auth.failed")
    return booted.services.auth.login(account.username, account.password)


def settle(app: QCoreApplication, msecs: int) -> None:
    """Let queued events (layouts, paints, PDF rendering) run for a while."""
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < msecs:
        app.processEvents()
        time.sleep(0.01)


def take_screenshot(booted: Booted, jobs: JobRunner, out: Path, page: str, username: str) -> int:
    app = QApplication.instance()
    assert app is not None
    from app.ui.pages import PAGES

    choices = (*SPECIAL_SCREENSHOTS, *(p.key for p in PAGES))
    if page not in choices:
        print(f"unknown page {page!r}; choose one of: {', '.join(choices)}", file=sys.stderr)
        return 2
    widget: QWidget
    if page == "login":
        dialog = make_login(booted, username)
        dialog.show()
        widget = dialog
    else:
        try:
            user = demo_login(booted, username)
        except DomainError as exc:
            print(describe(exc), file=sys.stderr)
            return 2
        window = MainWindow(booted, user, jobs)
        window.resize(*WINDOW_SIZE)
        window.show()
        widget = window
        key = "documents" if page == "main" else page
        if key == "document":
            docs = booted.services.documents.recent(limit=1)
            if not docs:
                print("no document to show", file=sys.stderr)
                return 2
            viewer = window.open_document(docs[0].id).viewer
            timer = QElapsedTimer()
            timer.start()
            while not viewer.ready and timer.elapsed() < 10_000:
                app.processEvents()
                time.sleep(0.01)
            if not viewer.ready:
                print("the PDF did not load", file=sys.stderr)
                return 2
        elif key in window.page_keys:
            window.show_page(key)
        else:
            print(f"user {username!r} does not see page {page!r}", file=sys.stderr)
            return 2
    settle(app, 600)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        print(f"cannot write {out}", file=sys.stderr)
        return 2
    widget.close()
    print(out)
    return 0


def _probe(app: QApplication, booted: Booted, jobs: JobRunner, username: str) -> int:
    window = MainWindow(booted, demo_login(booted, username), jobs)
    window.show()
    app.processEvents()
    window.repaint()  # painted, not merely mapped
    print(f"{PROBE_MARK} {time.time():.6f}", flush=True)
    window.close()
    return 0
