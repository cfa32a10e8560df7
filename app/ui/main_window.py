"""The main window: navigation on the left (design §8, per role), the current page on the right, a status bar."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import Agency, User
from app.services.bundle import Booted
from app.ui.jobs import JobRunner
from app.ui.pages import PageSpec, pages_for
from app.ui.pages import labels as L
from app.ui.pages.common import PageEnv

if TYPE_CHECKING:
    from app.services.exchange.sync import SyncLoop
    from app.services.signing.service import SigningService
    from app.ui.notifications import UrgentWatcher
    from app.ui.pages.document import DocumentPage

log = logging.getLogger("vanthu.ui")

APP_TITLE = "Văn Thư Desktop"  # the product's name, the same in every language

STYLE = """
#navigation { background: #1f3a5f; color: #ffffff; border: none; font-size: 14px; outline: 0; }
#navigation::item { padding: 10px 14px; }
#navigation::item:selected { background: #2f5d8a; color: #ffffff; }
#navigation::item:hover:!selected { background: #284b73; }
#navHeader { background: #1f3a5f; color: #ffffff; padding: 14px 14px 10px 14px; }
#pageHeading { font-size: 17px; font-weight: 600; color: #1f3a5f; padding: 2px 0 6px 0; }
#documentNotice { background: #fff4e5; color: #7a4a00; padding: 6px; border: 1px solid #f0c36d; }
"""


class MainWindow(QMainWindow):
    def __init__(self, booted: Booted, user: User, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.booted = booted
        self.user = user
        self.jobs = jobs
        services = booted.services
        agency = services.session.own_agency()
        self.env = PageEnv(booted.settings, services, user, jobs, self.open_document)
        self.specs: list[PageSpec] = pages_for(user.roles)
        self.pages: dict[str, QWidget] = {}
        self.document_page: DocumentPage | None = None
        self._return_to = self.specs[0].key if self.specs else ""

        self.setObjectName("mainWindow")
        self.setWindowTitle(self._title(agency))
        self.setStyleSheet(STYLE)
        self.resize(1366, 768)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(0, 0))
        for i, spec in enumerate(self.specs):
            item = QListWidgetItem(spec.label)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"{spec.label} (Ctrl+{i + 1})")
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav)
        header = QLabel(self._nav_header(agency), self)
        header.setObjectName("navHeader")
        header.setWordWrap(True)
        side = QWidget(self)
        side.setFixedWidth(230)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(header)
        side_layout.addWidget(self.nav, 1)

        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_shortcuts()
        self._build_urgent_watch()
        self._build_sync()
        if self.specs:
            self.nav.setCurrentRow(0)

    # ---- frame -------------------------------------------------------------------------------------------------
    def _title(self, agency: Agency | None) -> str:
        """"<agency> — Văn Thư Desktop" (ends with the application's name: Qt would otherwise append it again)."""
        return f"{agency.name} — {APP_TITLE}" if agency else APP_TITLE

    def _nav_header(self, agency: Agency | None) -> str:
        name = agency.name if agency else ""
        return f"<b>{APP_TITLE}</b><br><span style='font-size:12px'>{name}</span>"

    def _build_status_bar(self) -> None:
        settings = self.booted.settings
        bar = self.statusBar()
        self.user_label = QLabel(f"{self.user.full_name} — {L.roles(self.user.roles)}", self)
        self.user_label.setObjectName("statusUser")
        db_kind = self.tr("SQLite") if settings.sqlite_path is not None else self.tr("PostgreSQL")
        self.data_label = QLabel(self.tr("Data: %1 (%2)").replace("%1", str(settings.data_dir)).replace("%2", db_kind))
        self.data_label.setObjectName("statusData")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.jobs.busy_changed.connect(self.busy.setVisible)
        bar.addPermanentWidget(self.user_label)  # permanent: a temporary message never covers who is signed in
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.data_label)
        if self.booted.demo_created:
            bar.showMessage(self.tr("A demo agency was created in the data folder."), 15_000)
        elif self.booted.migration.backup is not None and self.booted.migration.from_revision is not None:
            bar.showMessage(
                self.tr("The database was updated; a copy taken before the update is at %1.")
                .replace("%1", str(self.booted.migration.backup)),
                15_000,
            )

    def _build_urgent_watch(self) -> None:
        """Leaders hear of Khẩn / Thượng khẩn / Hỏa tốc arrivals at once; the clerk sees what is not yet presented."""
        from app.domain.enums import Role

        self.urgent_watcher: UrgentWatcher | None = None
        if self.user.roles & {Role.LEADER, Role.DEPUTY} and "inbox" in self.page_keys:
            from app.ui.notifications import UrgentWatcher

            self.urgent_watcher = UrgentWatcher(self.env, self)
            self.urgent_watcher.inbox_requested.connect(lambda: self.show_page("inbox"))
            self.urgent_watcher.urgent_arrived.connect(lambda _items: self._refresh_page("inbox"))
            self.urgent_watcher.start()
        if Role.CLERK in self.user.roles:
            self.not_presented_button = QPushButton(self.tr("Not presented today…"), self)
            self.not_presented_button.setObjectName("notPresentedButton")
            self.not_presented_button.setFlat(True)
            self.not_presented_button.clicked.connect(self.open_not_presented)
            self.statusBar().insertPermanentWidget(0, self.not_presented_button)

    def _build_sync(self) -> None:
        """Every window shows the axis link and runs the background sync (when configured): what a leader or a
        specialist queues (an answer to a recall, a status) goes out from their own workstation at once. The office
        lock (app/store/locks.py) keeps one sync round at a time across the office's workstations."""
        self.sync_loop: SyncLoop | None = None
        from app.services.bundle import make_sync

        sync = make_sync(self.booted.services, self.booted.settings)
        if sync is None:  # a plain label: the axis client (httpx, lxml) is not loaded for an offline office
            self.axis_label = QLabel(self.tr("Axis: not configured (offline work)"), self)
            self.axis_label.setObjectName("axisNotConfigured")
            self.axis_label.setToolTip(
                self.tr("Set VANTHU_AXIS_URL to exchange documents through the provincial axis; "
                        "until then everything is kept and queued here.")
            )
            self.statusBar().insertPermanentWidget(0, self.axis_label)
            return
        from app.domain.errors import DomainError
        from app.services.exchange.sync import SyncLoop
        from app.ui.messages import describe
        from app.widgets.sync_status import SyncStatus

        self.sync_status = SyncStatus(self)
        self.sync_status.describe_error = lambda code, params: describe(DomainError(code, **params))
        self.statusBar().insertPermanentWidget(0, self.sync_status)
        self.sync_status.watch(sync)
        self.sync_loop = SyncLoop(sync)
        self.sync_loop.start()

    def open_not_presented(self) -> QWidget:
        from app.ui.dialogs.not_presented import NotPresentedDialog

        dialog = NotPresentedDialog(self.env, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _refresh_page(self, key: str) -> None:
        page = self.pages.get(key)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def _build_shortcuts(self) -> None:
        for i, spec in enumerate(self.specs[:9]):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, lambda k=spec.key: self.show_page(k))
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh_current)
        QShortcut(QKeySequence("Ctrl+Q"), self, self.close)

    # ---- navigation --------------------------------------------------------------------------------------------
    @property
    def page_keys(self) -> list[str]:
        return [s.key for s in self.specs]

    def current_key(self) -> str:
        widget = self.stack.currentWidget()
        if widget is not None and widget is self.document_page:
            return "document"
        return next((k for k, w in self.pages.items() if w is widget), "")

    def page(self, key: str) -> QWidget:
        """The page widget, built on first use."""
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            widget = spec.build(self.env)
            self.pages[key] = widget
            self.stack.addWidget(widget)
            sent = getattr(widget, "sent", None)
            if sent is not None and self.sync_loop is not None:
                sent.connect(lambda _doc: self.sync_loop.trigger() if self.sync_loop else None)
        return self.pages[key]

    def sync_soon(self, _document_id: str = "") -> None:
        """Start a sync at once when the axis is configured (otherwise the message simply waits in the queue)."""
        if self.sync_loop is not None:
            self.sync_loop.trigger()

    def show_page(self, key: str) -> QWidget:
        row = self.page_keys.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # → _on_nav
        else:
            self.stack.setCurrentWidget(self.page(key))
        return self.pages[key]

    def _on_nav(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            key = self.specs[row].key
            self._return_to = key
            self.stack.setCurrentWidget(self.page(key))

    def open_document(self, document_id: str) -> DocumentPage:
        if self.document_page is None:
            from app.ui.pages.document import DocumentPage  # QtPdf is loaded only now

            self.document_page = DocumentPage(self.env)
            self.document_page.back_requested.connect(self.go_back)
            # a revoke / update / replace / recall (or a recall's answer) was queued: send it now, not next minute
            self.document_page.changes_box.changed.connect(self.sync_soon)
            self.stack.addWidget(self.document_page)
        self.stack.setCurrentWidget(self.document_page)
        self.nav.clearSelection()
        self.document_page.show_document(document_id)
        return self.document_page

    def go_back(self) -> None:
        if self._return_to:
            self.show_page(self._return_to)
            self.stack.setCurrentWidget(self.page(self._return_to))

    def refresh_current(self) -> None:
        widget = self.stack.currentWidget()
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                refresh()
            finally:
                QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("Refreshed."), 3000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.urgent_watcher is not None:
            self.urgent_watcher.stop()
        if self.sync_loop is not None:
            self.sync_loop.stop(timeout=5.0)
        self.jobs.cancel_all()
        self.jobs.wait(5000)
        forget_token_session(self.booted.services.signing)
        super().closeEvent(event)


def forget_token_session(signing: SigningService | None) -> None:
    """Closing the window ends the signing session: PINs kept "until I log out" are dropped and the tokens logged
    out and closed (a token left logged in would sign for whoever sits down next)."""
    from app.ui.dialogs.pin import forget_session_pins

    try:
        forget_session_pins(signing)
    except DomainError:
        log.warning("logging the tokens out failed", exc_info=True)
    finally:
        if signing is not None:
            signing.close()
