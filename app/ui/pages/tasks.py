""""Việc của tôi": the assignments where the signed-in user leads or coordinates (in person or through their unit),
with the deadline in working days, the leader's direction, the progress notes and their files, and the actions the
user's part allows (design §2 "Process"; issue 7 item 4)."""

from __future__ import annotations

import html
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import Actor
from app.domain.workflow import (
    AssignmentState,
    NoteFile,
    NoteKind,
    PartyRole,
    ProcessingSlip,
    ProgressNote,
    TaskFilter,
    TaskItem,
)
from app.ui.dialogs.task_note import NoteMode, TaskNoteDialog
from app.ui.i18n import translate
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import DOCUMENT_ID_ROLE, PageEnv, list_with_footer, make_table

CONTEXT = "Tasks"
PAGE_SIZE = 100
OVERDUE_COLOR = "#b00020"  # red: past the deadline
DUE_SOON_COLOR = "#c25e00"  # orange: due within DUE_SOON_WORKING_DAYS working days
FILE_ROLE = Qt.ItemDataRole.UserRole + 2
NOTE_ROLE = Qt.ItemDataRole.UserRole + 4

ROLE_LABELS: dict[PartyRole, str] = {
    PartyRole.LEAD: str(QT_TRANSLATE_NOOP("Tasks", "Lead")),
    PartyRole.COORDINATOR: str(QT_TRANSLATE_NOOP("Tasks", "Coordinator")),
}
STATE_LABELS: dict[AssignmentState, str] = {
    AssignmentState.ASSIGNED: str(QT_TRANSLATE_NOOP("Tasks", "Assigned")),
    AssignmentState.IN_PROGRESS: str(QT_TRANSLATE_NOOP("Tasks", "In progress")),
    AssignmentState.DONE: str(QT_TRANSLATE_NOOP("Tasks", "Finished")),
    AssignmentState.FOR_INFORMATION: str(QT_TRANSLATE_NOOP("Tasks", "For information")),
}
NOTE_LABELS: dict[NoteKind, str] = {
    NoteKind.PROGRESS: str(QT_TRANSLATE_NOOP("Tasks", "Progress")),
    NoteKind.INPUT: str(QT_TRANSLATE_NOOP("Tasks", "Input")),
    NoteKind.RESULT: str(QT_TRANSLATE_NOOP("Tasks", "Result")),
}
FILTERS: tuple[tuple[TaskFilter, str], ...] = (
    (TaskFilter.OPEN, str(QT_TRANSLATE_NOOP("Tasks", "Open"))),
    (TaskFilter.DUE_SOON, str(QT_TRANSLATE_NOOP("Tasks", "Due soon"))),
    (TaskFilter.OVERDUE, str(QT_TRANSLATE_NOOP("Tasks", "Overdue"))),
    (TaskFilter.DONE, str(QT_TRANSLATE_NOOP("Tasks", "Finished"))),
    (TaskFilter.ALL, str(QT_TRANSLATE_NOOP("Tasks", "All"))),
)


def tr(source: str, n: int = -1) -> str:
    return translate(CONTEXT, source, n)


def deadline_text(task: TaskItem) -> str:
    """"dd/mm/yyyy · 3 working days left", "… · due today", "… · 2 working days overdue"; only the date once closed."""
    if task.deadline is None:
        return tr("No deadline")
    day = labels.day(task.deadline)
    left = task.working_days_left
    if not task.state.is_open or left is None:
        return day
    if task.overdue:
        late = -left if left < 0 else 0
        return f"{day} · " + (tr("%n working day(s) overdue", late) if late else tr("overdue"))
    if left == 0:
        return f"{day} · " + tr("due today")
    return f"{day} · " + tr("%n working day(s) left", left)


def deadline_color(task: TaskItem) -> str | None:
    if not task.state.is_open:
        return None
    if task.overdue:
        return OVERDUE_COLOR
    if task.due_soon:
        return DUE_SOON_COLOR
    return None


TASK_HEADERS = (
    str(QT_TRANSLATE_NOOP("Tasks", "Number/notation")),
    str(QT_TRANSLATE_NOOP("Tasks", "Summary")),
    str(QT_TRANSLATE_NOOP("Tasks", "My part")),
    str(QT_TRANSLATE_NOOP("Tasks", "Deadline")),
    str(QT_TRANSLATE_NOOP("Tasks", "State")),
    str(QT_TRANSLATE_NOOP("Tasks", "Direction")),
)
DEADLINE_COLUMN = 3


def make_task_table(parent: QWidget, headers: Sequence[str] = TASK_HEADERS) -> QTableWidget:
    """The task list the tasks page and the overview's drill-down share; long directions are cut, not widened."""
    table = make_table(parent, [tr(h) for h in headers], stretch_column=1)
    table.setObjectName("taskTable")
    header = table.horizontalHeader()
    last = len(headers) - 1
    header.setSectionResizeMode(last, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(last, 260)
    return table


def task_cells(task: TaskItem) -> list[str]:
    return [
        task.number_notation or labels.urgency(task.urgency),
        task.summary,
        tr(ROLE_LABELS[task.my_role]),
        deadline_text(task),
        tr(STATE_LABELS[task.state]),
        " ".join(task.direction_text.split()),
    ]


def fill_task_table(table: QTableWidget, tasks: Sequence[TaskItem], *, append: bool = False) -> None:
    """Rows of tasks; the document id rides on the first cell, the deadline cell is red/orange when late/near."""
    start = table.rowCount() if append else 0
    table.setRowCount(start + len(tasks))
    for offset, task in enumerate(tasks):
        row = start + offset
        color = deadline_color(task)
        for column, text in enumerate(task_cells(task)):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setData(DOCUMENT_ID_ROLE, task.document_id)
                if task.urgency.is_urgent:
                    item.setToolTip(labels.urgency(task.urgency))
            if column == 1 or column == len(TASK_HEADERS) - 1:
                item.setToolTip(text)
            if column == DEADLINE_COLUMN and color is not None:
                item.setForeground(QBrush(QColor(color)))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, column, item)


def file_size(size: int) -> str:
    if size < 1024:
        return tr("%1 bytes").replace("%1", str(size))
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class TasksPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.setObjectName("page-tasks")
        self.tasks: list[TaskItem] = []
        self.total = 0
        self.slip: ProcessingSlip | None = None
        self.notes: list[ProgressNote] = []
        self.dialog: TaskNoteDialog | None = None
        self._names = {u.username: u.full_name for u in env.services.session.users()}

        heading = QLabel(self.tr("My tasks"), self)
        heading.setObjectName("pageHeading")
        self.filter = QComboBox(self)
        self.filter.setObjectName("taskFilter")
        for value, caption in FILTERS:
            self.filter.addItem(tr(caption), value.value)
        self.filter.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)

        self.banner = QFrame(self)
        self.banner.setObjectName("conflictBanner")
        self.banner.setStyleSheet(
            "#conflictBanner { background: #fff4e5; border: 1px solid #f0c36d; } QLabel { color: #7a4a00; }"
        )
        self.banner_text = QLabel(self.banner)
        self.banner_text.setObjectName("conflictMessage")
        self.banner_text.setWordWrap(True)
        self.banner_refresh = QPushButton(self.tr("Refresh"), self.banner)
        self.banner_refresh.setObjectName("conflictRefresh")
        self.banner_refresh.clicked.connect(self.refresh)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 4, 8, 4)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_refresh)
        self.banner.setVisible(False)

        self.table = make_task_table(self)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.open_document())
        self.count = QLabel(self)
        self.count.setObjectName("taskCount")
        self.more_button = QPushButton(self.tr("Show more"), self)
        self.more_button.clicked.connect(self.load_more)
        self.more_button.setVisible(False)

        self.details = self._build_details()
        list_box = list_with_footer(self, self.table, self.count, self.more_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(list_box)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.filter)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.refresh()

    def _build_details(self) -> QWidget:
        box = QWidget(self)
        self.doc_label = QLabel(box)
        self.doc_label.setObjectName("taskDocument")
        self.doc_label.setWordWrap(True)
        self.doc_label.setTextFormat(Qt.TextFormat.RichText)
        self.open_button = QPushButton(self.tr("Open document"), box)
        self.open_button.setObjectName("openDocument")
        self.open_button.clicked.connect(self.open_document)

        direction_box = QGroupBox(self.tr("Leader's direction"), box)
        self.direction = QLabel(direction_box)
        self.direction.setObjectName("taskDirection")
        self.direction.setWordWrap(True)
        self.direction.setTextFormat(Qt.TextFormat.RichText)
        self.direction.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.direction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(direction_box).addWidget(self.direction, 1)

        notes_box = QGroupBox(self.tr("Progress notes"), box)
        self.note_tree = QTreeWidget(notes_box)
        self.note_tree.setObjectName("taskNotes")
        self.note_tree.setHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("Kind"), self.tr("Note")])
        self.note_tree.setWordWrap(True)
        self.note_tree.setUniformRowHeights(False)
        self.note_tree.setColumnWidth(0, 130)
        self.note_tree.setColumnWidth(1, 150)
        self.note_tree.setColumnWidth(2, 90)
        self.note_tree.itemSelectionChanged.connect(self._on_note_selected)
        self.note_tree.itemDoubleClicked.connect(lambda _i, _c: self.open_selected_file())
        self.open_file_button = QPushButton(self.tr("Open file"), notes_box)
        self.open_file_button.clicked.connect(self.open_selected_file)
        self.save_file_button = QPushButton(self.tr("Save file as…"), notes_box)
        self.save_file_button.clicked.connect(self.save_selected_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.open_file_button)
        file_row.addWidget(self.save_file_button)
        file_row.addStretch(1)
        notes_layout = QVBoxLayout(notes_box)
        self.note_text = QLabel(notes_box)
        self.note_text.setObjectName("noteFullText")
        self.note_text.setWordWrap(True)
        self.note_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notes_layout.addWidget(self.note_tree, 1)
        notes_layout.addWidget(self.note_text)
        notes_layout.addLayout(file_row)

        self.progress_button = QPushButton(self.tr("Add progress…"), box)
        self.progress_button.setObjectName("addProgress")
        self.progress_button.clicked.connect(lambda: self.start_note(NoteMode.PROGRESS))
        self.input_button = QPushButton(self.tr("Add input…"), box)
        self.input_button.setObjectName("addInput")
        self.input_button.clicked.connect(lambda: self.start_note(NoteMode.INPUT))
        self.finish_button = QPushButton(self.tr("Finish…"), box)
        self.finish_button.setObjectName("finishTask")
        self.finish_button.clicked.connect(lambda: self.start_note(NoteMode.FINISH))

        top = QHBoxLayout()
        top.addWidget(self.doc_label, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        middle = QHBoxLayout()
        middle.addWidget(direction_box, 2)
        middle.addWidget(notes_box, 3)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.progress_button)
        actions.addWidget(self.input_button)
        actions.addWidget(self.finish_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(actions)
        return box

    # ---- list --------------------------------------------------------------------------------------------------
    def current_filter(self) -> TaskFilter:
        return TaskFilter(self.filter.currentData())

    def set_filter(self, value: TaskFilter) -> None:
        self.filter.setCurrentIndex(self.filter.findData(value.value))

    def refresh(self) -> None:
        """Reload the list (keeping the selected task when it is still there) and hide a conflict notice."""
        keep = self.current_task()
        self.banner.setVisible(False)
        workflow = self._env.services.workflow
        try:
            self.total = workflow.count_my_tasks(self._actor, state=self.current_filter())
            self.tasks = workflow.my_tasks(self._actor, state=self.current_filter(), limit=PAGE_SIZE)
        except DomainError as exc:
            self.tasks, self.total = [], 0
            self.show_notice(describe(exc))
        self.table.blockSignals(True)
        fill_task_table(self.table, self.tasks)
        self.table.blockSignals(False)
        self._update_count()
        row = next((i for i, t in enumerate(self.tasks) if keep and t.assignment_id == keep.assignment_id), 0)
        if self.tasks:
            self.table.selectRow(row)
        self._on_selection()

    def load_more(self) -> None:
        try:
            more = self._env.services.workflow.my_tasks(
                self._actor, state=self.current_filter(), offset=len(self.tasks), limit=PAGE_SIZE
            )
        except DomainError as exc:
            self.show_notice(describe(exc))
            return
        self.tasks.extend(more)
        fill_task_table(self.table, more, append=True)
        self._update_count()

    def _update_count(self) -> None:
        if len(self.tasks) < self.total:
            self.count.setText(
                self.tr("Showing %1 of %2 task(s)").replace("%1", str(len(self.tasks))).replace("%2", str(self.total))
            )
        else:
            self.count.setText(self.tr("%n task(s)", "", self.total))
        self.more_button.setVisible(len(self.tasks) < self.total)

    def current_task(self) -> TaskItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        row = rows[0].row()
        return self.tasks[row] if 0 <= row < len(self.tasks) else None

    def select_assignment(self, assignment_id: int) -> bool:
        for row, task in enumerate(self.tasks):
            if task.assignment_id == assignment_id:
                self.table.selectRow(row)
                return True
        return False

    def show_notice(self, text: str) -> None:
        """Someone else changed the task (or it could not be read): say so and offer a refresh."""
        self.banner_text.setText(text)
        self.banner.setVisible(True)

    # ---- details -----------------------------------------------------------------------------------------------
    def _on_selection(self) -> None:
        task = self.current_task()
        self.slip, self.notes = None, []
        self.note_tree.clear()
        self.note_text.clear()
        if task is None:
            self.doc_label.setText(
                self.tr("No tasks here.") if not self.tasks else self.tr("Select a task to see its details.")
            )
            self.direction.clear()
            self._update_buttons()
            return
        workflow = self._env.services.workflow
        try:
            self.slip = workflow.processing_slip(self._actor, task.assignment_id)
            self.notes = workflow.notes(self._actor, task.assignment_id)
        except DomainError as exc:
            self.show_notice(describe(exc))
        self._show_document(task)
        self._show_direction(task)
        self._show_notes()
        self._update_buttons()

    def _show_document(self, task: TaskItem) -> None:
        issuer = self.slip.issuer_name if self.slip else task.issuer_name
        urgent = (
            f" <span style='color:{OVERDUE_COLOR}'>[{html.escape(labels.urgency(task.urgency))}]</span>"
            if task.urgency.is_urgent
            else ""
        )
        self.doc_label.setText(
            f"<b>{html.escape(task.number_notation)}</b>{urgent} — {html.escape(issuer)}<br>{html.escape(task.summary)}"
        )

    def _show_direction(self, task: TaskItem) -> None:
        slip = self.slip
        text = slip.direction_text if slip else task.direction_text
        lines = [f"<i>“{html.escape(text)}”</i>" if text else f"<i>{self.tr('(no direction text)')}</i>"]
        if slip is not None:
            by = html.escape(slip.directed_by_name or slip.leader_name)
            if slip.acting_for:
                by += " " + html.escape(self.tr("(acting for %1)").replace("%1", slip.acting_for))
            lines.append(f"— {by}, {labels.moment(slip.directed_at)}")
            rows = [(self.tr("Lead"), slip.lead or "—")]
            rows.append((self.tr("Coordinators"), ", ".join(slip.coordinators) or "—"))
            rows.append((self.tr("Deadline"), deadline_text(task)))
            if slip.result_text:
                rows.append((self.tr("Result"), slip.result_text))
            lines.append("")
            color = deadline_color(task)
            for caption, value in rows:
                shown = html.escape(value)
                if caption == self.tr("Deadline") and color:
                    shown = f"<span style='color:{color}; font-weight:600'>{shown}</span>"
                lines.append(f"<b>{html.escape(caption)}:</b> {shown}")
        self.direction.setText("<br>".join(lines))

    def _show_notes(self) -> None:
        for note in self.notes:
            item = QTreeWidgetItem(
                [
                    labels.moment(note.created_at),
                    self._names.get(note.author, note.author),
                    tr(NOTE_LABELS[note.kind]),
                    note.text,
                ]
            )
            item.setToolTip(3, note.text)
            item.setData(0, NOTE_ROLE, note.text)
            for f in note.files:
                child = QTreeWidgetItem(["", "", self.tr("File"), f"{f.name} ({file_size(f.size)})"])
                child.setData(0, FILE_ROLE, f)
                child.setToolTip(3, self.tr("Double-click to open"))
                item.addChild(child)
            self.note_tree.addTopLevelItem(item)
            item.setExpanded(True)
        if not self.notes:
            empty = QTreeWidgetItem(["", "", "", self.tr("No progress reported yet.")])
            empty.setDisabled(True)
            self.note_tree.addTopLevelItem(empty)

    def _on_note_selected(self) -> None:
        """The whole text of the selected note (the tree shows one line of it)."""
        items = self.note_tree.selectedItems()
        item = items[0] if items else None
        if item is not None and item.parent() is not None:
            item = item.parent()
        text = item.data(0, NOTE_ROLE) if item is not None else None
        self.note_text.setText(str(text) if text else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        task = self.current_task()
        open_ = task is not None and task.state.is_open
        lead = open_ and task is not None and task.my_role is PartyRole.LEAD
        self.progress_button.setEnabled(lead)
        self.finish_button.setEnabled(lead)
        self.input_button.setEnabled(open_ and task is not None and task.my_role is PartyRole.COORDINATOR)
        self.open_button.setEnabled(task is not None)
        has_file = self.selected_file() is not None
        self.open_file_button.setEnabled(has_file)
        self.save_file_button.setEnabled(has_file)

    # ---- files -------------------------------------------------------------------------------------------------
    def selected_file(self) -> NoteFile | None:
        items = self.note_tree.selectedItems()
        value = items[0].data(0, FILE_ROLE) if items else None
        return value if isinstance(value, NoteFile) else None

    def note_files(self) -> list[NoteFile]:
        return [f for note in self.notes for f in note.files]

    def select_file(self, sha256: str) -> bool:
        for i in range(self.note_tree.topLevelItemCount()):
            top = self.note_tree.topLevelItem(i)
            children = [top.child(j) for j in range(top.childCount())] if top is not None else []
            for child in children:
                value = child.data(0, FILE_ROLE) if child is not None else None
                if child is not None and isinstance(value, NoteFile) and value.sha256 == sha256:
                    self.note_tree.setCurrentItem(child)
                    return True
        return False

    def export_file(self, note_file: NoteFile, target: Path) -> Path:
        """Copy a stored file out under a name of the user's choice (stored files are never handed out to edit)."""
        source = self._env.services.documents.file_path(note_file.sha256)
        shutil.copyfile(source, target)
        return target

    def open_selected_file(self) -> None:
        """Open with the system's viewer: a copy named like the original, so the right program opens it."""
        note_file = self.selected_file()
        if note_file is None:
            return
        try:
            folder = Path(tempfile.mkdtemp(prefix="vanthu-"))
            copy = self.export_file(note_file, folder / (Path(note_file.name).name or "file"))
        except DomainError as exc:
            self.show_notice(describe(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def save_selected_file(self) -> None:
        note_file = self.selected_file()
        if note_file is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save file as"), note_file.name)
        if not name:
            return
        try:
            self.export_file(note_file, Path(name))
        except DomainError as exc:
            self.show_notice(describe(exc))
        except OSError as exc:
            self.show_notice(self.tr("The file could not be saved: %1").replace("%1", exc.strerror or str(exc)))

    # ---- actions -----------------------------------------------------------------------------------------------
    def open_document(self) -> None:
        task = self.current_task()
        if task is not None:
            self._env.open_document(task.document_id)

    def start_note(self, mode: NoteMode) -> TaskNoteDialog | None:
        """Open the progress / input / finish dialog for the selected task (window-modal, not blocking)."""
        task = self.current_task()
        if task is None:
            return None
        dialog = TaskNoteDialog(self._env, task, mode, self)
        dialog.saved.connect(lambda _result: self.refresh())
        dialog.conflict.connect(self._on_conflict)
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: TaskNoteDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_conflict(self, message: str) -> None:
        self.show_notice(message)
