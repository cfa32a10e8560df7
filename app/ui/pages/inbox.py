""""Hộp văn bản chờ chỉ đạo": the leader's inbox (design §2 "Process", §8; issue 7 items 2 and 3).

The documents the clerk presented, Hỏa tốc / Thượng khẩn / Khẩn first (bold red), then the oldest; a deputy also sees
the inbox of the leader they act for during a delegation (the service decides). The leader opens a document
(double-click or Enter), selects one or several and directs them (Ctrl+D) or files them for information (Ctrl+I).
What was directed here stays listed below the inbox for the session, so its processing slip (phiếu giải quyết văn
bản đến) can be saved as PDF or printed; a blank slip for a document not directed yet can be printed too, for a
leader who writes the direction by hand.

Pages of the inbox are read as the list scrolls (the service pages by offset/limit); writes go through the job
runner so the window never waits on them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import Actor
from app.domain.workflow import Assignment, InboxItem, Party, ProcessingSlip
from app.services.processing_slip_pdf import slip_file_name, write_processing_slip
from app.ui.dialogs.direct import INFORMATION_TEXT, DirectDialog, party_key
from app.ui.i18n import translate
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.notifications import NotificationSettings
from app.ui.pages import labels
from app.ui.pages.common import DOCUMENT_ID_ROLE, PageEnv, list_with_footer, make_table

CONTEXT = "Inbox"
PAGE_SIZE = 50
URGENT_COLOR = "#b00020"
ASSIGNMENT_ROLE = Qt.ItemDataRole.UserRole + 6

HEADERS = (
    str(QT_TRANSLATE_NOOP("Inbox", "Urgency")),
    str(QT_TRANSLATE_NOOP("Inbox", "Incoming no.")),
    str(QT_TRANSLATE_NOOP("Inbox", "Issuing agency")),
    str(QT_TRANSLATE_NOOP("Inbox", "Number/notation")),
    str(QT_TRANSLATE_NOOP("Inbox", "Summary")),
    str(QT_TRANSLATE_NOOP("Inbox", "Received")),
    str(QT_TRANSLATE_NOOP("Inbox", "Waiting")),
    str(QT_TRANSLATE_NOOP("Inbox", "State")),
)
SUMMARY_COLUMN = 4
RECENT_HEADERS = (
    str(QT_TRANSLATE_NOOP("Inbox", "Number/notation")),
    str(QT_TRANSLATE_NOOP("Inbox", "Summary")),
    str(QT_TRANSLATE_NOOP("Inbox", "Handling")),
    str(QT_TRANSLATE_NOOP("Inbox", "Deadline")),
)


def tr(source: str, n: int = -1) -> str:
    return translate(CONTEXT, source, n)


def age_text(item: InboxItem) -> str:
    """Waiting time in working days; under a day, in office hours (what "at once" for urgent documents is about)."""
    if item.age_working_days >= 1:
        return tr("%n working day(s)", item.age_working_days)
    if item.age_working_hours >= 1:
        return tr("%1 office hour(s)").replace("%1", f"{item.age_working_hours:g}")
    return tr("under an hour")


def inbox_cells(item: InboxItem, leader_names: dict[int, str]) -> list[str]:
    state = tr("Awaiting direction")
    if item.acting_for is not None:
        state = tr("Awaiting direction (for %1)").replace("%1", leader_names.get(item.acting_for, ""))
    return [
        labels.urgency(item.urgency),
        str(item.incoming_number) if item.incoming_number is not None else "",
        item.issuer_name,
        item.number_notation,
        " ".join(item.summary.split()),
        labels.moment(item.received_at),
        age_text(item),
        state,
    ]


class _OnResize(QObject):
    """Calls back when the watched widget (the list's viewport) changes size."""

    def __init__(self, action: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._action()
        return False


class _EnterOpens(QObject):
    """Enter/Return on the list opens the current document (the table would otherwise only move the cursor)."""

    def __init__(self, action: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        ):
            self._action()
            return True
        return False


class InboxPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.setObjectName("page-inbox")
        self.items: list[InboxItem] = []
        self.total = 0
        self.recent: list[tuple[Assignment, InboxItem]] = []
        self.dialog: DirectDialog | None = None
        self.job: Job | None = None
        self.last_slip_path: Path | None = None
        self._shown_once = False
        self.notification_settings = NotificationSettings(env.settings, env.user.username)
        users = env.services.session.users()
        self._user_names = {u.id: u.full_name for u in users}
        self._party_names = {party_key(Party.user(u.id)): u.full_name for u in users}
        self._party_names.update({party_key(Party.unit(u.id)): u.name for u in env.services.session.units()})

        heading = QLabel(self.tr("Leader's inbox"), self)
        heading.setObjectName("pageHeading")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("inboxSubtitle")
        self.direct_button = QPushButton(self.tr("Direct…"), self)
        self.direct_button.setObjectName("inboxDirect")
        self.direct_button.setToolTip(self.tr("Direction, lead, coordinators and deadline for the selected "
                                              "documents (Ctrl+D)"))
        self.direct_button.clicked.connect(lambda: self.start_direct())
        self.info_button = QPushButton(self.tr("For information"), self)
        self.info_button.setObjectName("inboxForInformation")
        self.info_button.setToolTip(self.tr("File the selected documents for information, without a deadline "
                                            "(Ctrl+I)"))
        self.info_button.clicked.connect(self.file_for_information)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("inboxOpen")
        self.open_button.setToolTip(self.tr("Open the document with its signatures (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        self.blank_slip_button = QPushButton(self.tr("Blank slip (PDF)…"), self)
        self.blank_slip_button.setObjectName("inboxBlankSlip")
        self.blank_slip_button.setToolTip(self.tr("A processing slip for the current document, to write the "
                                                  "direction by hand"))
        self.blank_slip_button.clicked.connect(self.save_blank_slip)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("inboxRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.sound = QCheckBox(self.tr("Sound for urgent documents"), self)
        self.sound.setObjectName("inboxSound")
        self.sound.setChecked(self.notification_settings.sound)
        self.sound.toggled.connect(self._on_sound_toggled)

        self.banner = QFrame(self)
        self.banner.setObjectName("inboxNotice")
        self.banner.setStyleSheet(
            "#inboxNotice { background: #fff4e5; border: 1px solid #f0c36d; } QLabel { color: #7a4a00; }"
        )
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("inboxNoticeText")
        self.banner_text.setWordWrap(True)
        banner_close = QPushButton(self.tr("Refresh"), self.banner)
        banner_close.clicked.connect(self.refresh)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 4, 8, 4)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(banner_close)
        self.banner.setVisible(False)

        self.table = make_table(self, [tr(h) for h in HEADERS], stretch_column=SUMMARY_COLUMN)
        self.table.setObjectName("inboxTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.table.installEventFilter(_EnterOpens(self.open_current, self.table))
        self.table.viewport().installEventFilter(_OnResize(self._fill_viewport, self.table))
        self.count = QLabel(self)
        self.count.setObjectName("inboxCount")
        self.more_button = QPushButton(self.tr("Show more"), self)
        self.more_button.setObjectName("inboxMore")
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setVisible(False)

        list_box = list_with_footer(self, self.table, self.count, self.more_button)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(list_box)
        splitter.addWidget(self._build_recent())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        actions = QHBoxLayout()
        actions.addWidget(self.direct_button)
        actions.addWidget(self.info_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.blank_slip_button)
        actions.addStretch(1)
        actions.addWidget(self.sound)
        actions.addWidget(self.refresh_button)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addWidget(self.subtitle, 1)
        from app.ui.pages.pending_recalls import PendingRecallsRow  # senders asking for a document back (13)

        self.recalls = PendingRecallsRow(env, self)  # the leader may agree or refuse too; hidden while none wait
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(actions)
        layout.addWidget(self.banner)
        layout.addWidget(self.recalls)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence("Ctrl+D"), self, lambda: self.start_direct())
        QShortcut(QKeySequence("Ctrl+I"), self, self.file_for_information)
        QShortcut(QKeySequence("Ctrl+P"), self, self.save_selected_slip)
        self.refresh()
        self.table.setFocus()

    def _build_recent(self) -> QWidget:
        box = QGroupBox(self.tr("Directed in this session"), self)
        box.setObjectName("inboxRecent")
        box.setVisible(False)  # shown once something was directed here
        self.recent_box = box
        self.recent_table = make_table(box, [tr(h) for h in RECENT_HEADERS], stretch_column=1)
        self.recent_table.setObjectName("inboxRecentTable")
        self.recent_table.cellDoubleClicked.connect(lambda _r, _c: self._open_recent())
        self.recent_table.itemSelectionChanged.connect(self._update_buttons)
        self.slip_button = QPushButton(self.tr("Slip (PDF)…"), box)
        self.slip_button.setObjectName("inboxSlip")
        self.slip_button.setToolTip(self.tr("Save the processing slip (phiếu giải quyết văn bản đến) as PDF (Ctrl+P)"))
        self.slip_button.clicked.connect(self.save_selected_slip)
        self.print_slip_button = QPushButton(self.tr("Print slip…"), box)
        self.print_slip_button.setObjectName("inboxPrintSlip")
        self.print_slip_button.clicked.connect(self.print_selected_slip)
        buttons = QVBoxLayout()
        buttons.addWidget(self.slip_button)
        buttons.addWidget(self.print_slip_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(box)
        layout.addWidget(self.recent_table, 1)
        layout.addLayout(buttons)
        return box

    # ---- the list ----------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Coming back to the page shows what the clerk presented meanwhile."""
        super().showEvent(event)
        if self._shown_once and not event.spontaneous():
            self.refresh()
        self._shown_once = True

    def refresh(self) -> None:
        """Reload from the first page; the selection follows the documents that are still there."""
        keep = set(self.selected_ids())
        self.banner.setVisible(False)
        self.recalls.refresh()
        workflow = self._env.services.workflow
        try:
            self.total = workflow.count_inbox(self._actor)
            self.items = workflow.inbox(self._actor, offset=0, limit=PAGE_SIZE)
        except DomainError as exc:
            self.items, self.total = [], 0
            self.show_notice(describe(exc))
        self._fill(self.items, append=False)
        rows = [r for r, i in enumerate(self.items) if i.document_id in keep] or ([0] if self.items else [])
        self._select_rows(rows)
        self._update_count()
        self._update_buttons()
        if self.isVisible():
            self._fill_viewport()

    def load_more(self) -> None:
        """The next page (called as the list scrolls to its end, or by "Show more")."""
        if len(self.items) >= self.total:
            return
        try:
            more = self._env.services.workflow.inbox(self._actor, offset=len(self.items), limit=PAGE_SIZE)
        except DomainError as exc:
            self.show_notice(describe(exc))
            return
        known = {i.document_id for i in self.items}
        more = [i for i in more if i.document_id not in known]
        if not more:  # the inbox shrank meanwhile: stop asking until the next refresh
            self.total = len(self.items)
        self.items.extend(more)
        self._fill(more, append=True)
        self._update_count()

    def _fill_viewport(self) -> None:
        """Fetch pages until the list overflows its view, so scrolling (which fetches the rest) becomes possible."""
        step = max(1, self.table.verticalHeader().defaultSectionSize())
        while len(self.items) < self.total and self.table.rowCount() <= self.table.viewport().height() // step:
            before = len(self.items)
            self.load_more()
            if len(self.items) == before:
                break

    def _on_scroll(self, value: int) -> None:
        if value >= self.table.verticalScrollBar().maximum() - 2 and len(self.items) < self.total:
            self.load_more()

    def _fill(self, items: Sequence[InboxItem], *, append: bool) -> None:
        table = self.table
        table.blockSignals(True)
        start = table.rowCount() if append else 0
        table.setRowCount(start + len(items))
        for offset, item in enumerate(items):
            row = start + offset
            urgent = item.urgency.is_urgent
            for column, text in enumerate(inbox_cells(item, self._user_names)):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setData(DOCUMENT_ID_ROLE, item.document_id)
                if column == SUMMARY_COLUMN:
                    cell.setToolTip(item.summary)
                elif column == len(HEADERS) - 1:
                    cell.setToolTip(self.tr("Presented by %1 at %2").replace("%1", item.presented_by)
                                    .replace("%2", labels.moment(item.presented_at)))
                if urgent:
                    cell.setForeground(QBrush(QColor(URGENT_COLOR)))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(row, column, cell)
        table.blockSignals(False)

    def _update_count(self) -> None:
        urgent = sum(1 for i in self.items if i.urgent)
        if len(self.items) < self.total:
            text = self.tr("Showing %1 of %2 document(s)").replace("%1", str(len(self.items))).replace(
                "%2", str(self.total))
        else:
            text = self.tr("%n document(s) awaiting direction", "", self.total)
        if urgent:
            text += " · " + self.tr("%n urgent", "", urgent)
        self.count.setText(text)
        self.more_button.setVisible(len(self.items) < self.total)
        acting = sorted({self._user_names.get(i.acting_for, "") for i in self.items if i.acting_for is not None})
        self.subtitle.setText(
            "<span style='color:#555'>" + html.escape(self.tr("including the inbox of %1, for whom you act")
                                                      .replace("%1", ", ".join(acting))) + "</span>"
            if acting else ""
        )
        if not self.items and self.total == 0 and not self.banner.isVisible():
            self.count.setText(self.tr("Nothing awaits your direction."))

    def _select_rows(self, rows: Sequence[int]) -> None:
        self.table.clearSelection()
        model = self.table.selectionModel()
        for row in rows:
            index = self.table.model().index(row, 0)
            model.select(index, model.SelectionFlag.Select | model.SelectionFlag.Rows)
        if rows:
            self.table.setCurrentCell(rows[0], 0, model.SelectionFlag.NoUpdate)

    def select_documents(self, document_ids: Sequence[str]) -> None:
        wanted = set(document_ids)
        self._select_rows([r for r, i in enumerate(self.items) if i.document_id in wanted])

    def selected_ids(self) -> list[str]:
        return [i.document_id for i in self.selected_items()]

    def selected_items(self) -> list[InboxItem]:
        model = self.table.selectionModel()
        rows = sorted({index.row() for index in model.selectedRows()}) if model is not None else []
        return [self.items[r] for r in rows if 0 <= r < len(self.items)]

    def current_item(self) -> InboxItem | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            return self.items[row]
        chosen = self.selected_items()
        return chosen[0] if chosen else None

    def show_notice(self, text: str) -> None:
        self.banner_text.setText(text)
        self.banner.setVisible(True)

    def _update_buttons(self) -> None:
        chosen = bool(self.selected_items()) and self.job is None
        self.direct_button.setEnabled(chosen)
        self.info_button.setEnabled(chosen)
        self.open_button.setEnabled(self.current_item() is not None)
        self.blank_slip_button.setEnabled(self.current_item() is not None)
        has_recent = self.selected_assignment() is not None
        self.slip_button.setEnabled(has_recent)
        self.print_slip_button.setEnabled(has_recent)

    # ---- actions -----------------------------------------------------------------------------------------------
    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._env.open_document(item.document_id)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self._env.open_document(self.items[row].document_id)

    def start_direct(self, *, for_information: bool = False) -> DirectDialog | None:
        """The direction dialog for the selected documents (window-modal, not blocking)."""
        items = self.selected_items()
        if not items or self.dialog is not None:
            return None
        dialog = DirectDialog(self._env, items, self, for_information=for_information)
        dialog.directed.connect(lambda made, chosen=items: self._on_directed(made, chosen))
        dialog.conflict.connect(self._on_conflict)
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def file_for_information(self) -> Job | None:
        """File the selected documents "for information" at once: no lead, no deadline, the text "Để biết."."""
        items = self.selected_items()
        if not items or self.job is not None:
            return None
        workflow, actor = self._env.services.workflow, self._actor
        ids = [i.document_id for i in items]
        versions = {i.document_id: i.version for i in items}

        def work(_ctx: JobContext) -> list[Assignment]:
            return workflow.direct(actor, ids, INFORMATION_TEXT, for_information=True, expected_versions=versions)

        job = self._env.jobs.run("workflow-for-information", work)
        job.succeeded.connect(lambda made, chosen=items: self._on_directed(made, chosen))
        job.failed.connect(self._on_conflict)
        job.finished.connect(self._on_job_finished)
        self.job = job
        self._update_buttons()
        return job

    def _on_job_finished(self) -> None:
        self.job = None
        self._update_buttons()

    def _on_directed(self, made: object, items: Sequence[InboxItem]) -> None:
        by_id = {i.document_id: i for i in items}
        assignments = [a for a in made if isinstance(a, Assignment)] if isinstance(made, list) else []
        self.recent = [(a, by_id[a.document_id]) for a in assignments if a.document_id in by_id] + self.recent
        self._fill_recent()
        self.refresh()
        if assignments:
            self.recent_table.selectRow(0)

    def _on_conflict(self, message: str) -> None:
        self.refresh()
        self.show_notice(message)

    def _forget_dialog(self, dialog: DirectDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_sound_toggled(self, on: bool) -> None:
        self.notification_settings.sound = on

    # ---- directed in this session, and slips -------------------------------------------------------------------
    def _handling_text(self, a: Assignment) -> str:
        if a.lead is None:
            return self.tr("For information")
        lead = self._party_names.get(party_key(a.lead), a.lead.name)
        extra = len(a.coordinators)
        return lead + (" " + self.tr("+ %n coordinator(s)", "", extra) if extra else "")

    def _fill_recent(self) -> None:
        table = self.recent_table
        self.recent_box.setVisible(bool(self.recent))
        table.blockSignals(True)
        table.setRowCount(len(self.recent))
        for row, (a, item) in enumerate(self.recent):
            deadline = labels.day(a.deadline) if a.deadline else (self.tr("For information") if a.lead is None
                                                                  and a.deadline is None else "")
            cells = [item.number_notation, " ".join(item.summary.split()), self._handling_text(a), deadline]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setData(DOCUMENT_ID_ROLE, a.document_id)
                    cell.setData(ASSIGNMENT_ROLE, a.id)
                if column == 1:
                    cell.setToolTip(item.summary)
                table.setItem(row, column, cell)
        table.blockSignals(False)
        self._update_buttons()

    def selected_assignment(self) -> Assignment | None:
        model = self.recent_table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        row = rows[0].row()
        return self.recent[row][0] if 0 <= row < len(self.recent) else None

    def _open_recent(self) -> None:
        a = self.selected_assignment()
        if a is not None:
            self._env.open_document(a.document_id)

    def slip_for(self, assignment_id: int) -> ProcessingSlip:
        return self._env.services.workflow.processing_slip(self._actor, assignment_id)

    def blank_slip(self, item: InboxItem) -> ProcessingSlip:
        """The slip of a document not directed yet: its data, and room for the leader's hand."""
        agency = self._env.services.session.own_agency()
        return ProcessingSlip(
            agency_name=agency.name if agency else "", document_id=item.document_id,
            incoming_number=item.incoming_number, received_at=item.received_at, issuer_name=item.issuer_name,
            number_notation=item.number_notation, issued_date=item.issued_date, summary=item.summary,
            urgency=item.urgency, direction_text="", lead="", coordinators=(), deadline=None, for_information=False,
            leader_name=self._user_names.get(item.leader_user_id, ""), acting_for=None, directed_by_name="",
            directed_at=item.presented_at,
        )

    def export_slip(self, slip: ProcessingSlip | Callable[[], ProcessingSlip], target: Path) -> Job:
        """Render and write the slip off the UI thread; `last_slip_path` is set once it is on disk."""
        def work(_ctx: JobContext) -> Path:
            return write_processing_slip(slip() if callable(slip) else slip, target)

        job = self._env.jobs.run("workflow-slip-pdf", work)
        job.succeeded.connect(self._on_slip_written)
        job.failed.connect(self.show_notice)
        return job

    def _on_slip_written(self, path: Any) -> None:
        self.last_slip_path = Path(path)
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(self.tr("Processing slip saved: %1").replace("%1", str(path)), 8000)

    def _ask_target(self, slip_name: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the processing slip"), str(Path.home() / slip_name), self.tr("PDF files (*.pdf)")
        )
        if not name:
            return None
        return Path(name if name.lower().endswith(".pdf") else name + ".pdf")

    def save_selected_slip(self) -> Job | None:
        a = self.selected_assignment()
        if a is None:
            return None
        try:
            slip = self.slip_for(a.id)
        except DomainError as exc:
            self.show_notice(describe(exc))
            return None
        target = self._ask_target(slip_file_name(slip))
        return self.export_slip(slip, target) if target else None

    def save_blank_slip(self) -> Job | None:
        item = self.current_item()
        if item is None:
            return None
        slip = self.blank_slip(item)
        target = self._ask_target(slip_file_name(slip))
        return self.export_slip(slip, target) if target else None

    def print_selected_slip(self) -> int:
        """Print through the system dialog: the slip is rendered to a temporary PDF and printed page by page."""
        import tempfile

        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from app.ui.pages.drafts import print_pdf

        a = self.selected_assignment()
        if a is None:
            return 0
        try:
            slip = self.slip_for(a.id)
            folder = Path(tempfile.mkdtemp(prefix="vanthu-slip-"))
            path = write_processing_slip(slip, folder / slip_file_name(slip))
        except DomainError as exc:
            self.show_notice(describe(exc))
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the processing slip"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        return print_pdf(printer, path, 1)
