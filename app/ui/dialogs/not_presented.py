"""The clerk's "not presented today" list (seed Art 8.3; issue 7 item 2): registered incoming documents that must
reach a leader by the close of this working day — urgent ones at once — and have not yet. Overdue ones are red.
The clerk picks the leader (or deputy) and presents the selected documents in one step, off the UI thread.

The main window (or the intake page) opens it with `NotPresentedDialog(env, parent).open()`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Role
from app.domain.errors import DomainError
from app.domain.model import Actor, User
from app.domain.workflow import NotPresentedItem, Presented, urgency_rank
from app.ui.dialogs import error_label
from app.ui.i18n import translate
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import DOCUMENT_ID_ROLE, PageEnv, make_table

CONTEXT = "NotPresentedDialog"
OVERDUE_COLOR = "#b00020"
HEADERS = (
    str(QT_TRANSLATE_NOOP("NotPresentedDialog", "Urgency")),
    str(QT_TRANSLATE_NOOP("NotPresentedDialog", "Number/notation")),
    str(QT_TRANSLATE_NOOP("NotPresentedDialog", "Issuing agency")),
    str(QT_TRANSLATE_NOOP("NotPresentedDialog", "Summary")),
    str(QT_TRANSLATE_NOOP("NotPresentedDialog", "Registered")),
    str(QT_TRANSLATE_NOOP("NotPresentedDialog", "Present by")),
)
SUMMARY_COLUMN = 3


def tr(source: str, n: int = -1) -> str:
    return translate(CONTEXT, source, n)


def presentable_leaders(users: Sequence[User]) -> list[User]:
    """Active leaders first, then deputies: whom the clerk may present to."""
    found = [u for u in users if u.is_active and u.roles & {Role.LEADER, Role.DEPUTY}]
    return sorted(found, key=lambda u: (Role.LEADER not in u.roles, u.full_name))


class NotPresentedDialog(QDialog):
    presented = Signal(object)  # list[Presented]

    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.items: list[NotPresentedItem] = []
        self.job: Job | None = None
        self.setObjectName("notPresentedDialog")
        self.setWindowTitle(self.tr("Not presented today"))
        self.resize(980, 480)

        intro = QLabel(self.tr("Registered documents that must reach a leader by the end of this working day "
                               "(urgent ones at once). Red: already late."), self)
        intro.setWordWrap(True)
        self.table = make_table(self, [tr(h) for h in HEADERS], stretch_column=SUMMARY_COLUMN)
        self.table.setObjectName("notPresentedTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.cellDoubleClicked.connect(self._open_row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.count = QLabel(self)
        self.count.setObjectName("notPresentedCount")

        self.leader = QComboBox(self)
        self.leader.setObjectName("presentTo")
        for user in presentable_leaders(env.services.session.users()):
            self.leader.addItem(f"{user.full_name} — {labels.roles(user.roles)}", user.id)
        self.present_button = QPushButton(self.tr("Present all now"), self)
        self.present_button.setObjectName("presentNow")
        self.present_button.setDefault(True)
        self.present_button.setToolTip(
            self.tr("Present the selected documents (all when none is selected) to the chosen leader (Ctrl+Enter)")
        )
        self.present_button.clicked.connect(self.present_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.message = error_label(self)
        self.done_text = QLabel(self)
        self.done_text.setObjectName("notPresentedDone")
        self.done_text.setWordWrap(True)
        self.done_text.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.present_selected)

        row = QHBoxLayout()
        to_label = QLabel(self.tr("Present &to:"), self)
        to_label.setBuddy(self.leader)
        row.addWidget(to_label)
        row.addWidget(self.leader, 1)
        row.addWidget(self.present_button)
        row.addStretch(1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.done_text)
        layout.addWidget(buttons)
        self.refresh()

    # ---- the list ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload, most pressing first; nothing is selected, so "Present all now" is one click away."""
        self.message.setVisible(False)
        try:
            self.items = self._env.services.workflow.not_presented_today(self._actor)
        except DomainError as exc:
            self.items = []
            self.show_error(describe(exc))
        self.items.sort(key=lambda i: (not i.overdue, urgency_rank(i.urgency), i.registered_at))
        self._fill()
        self.table.clearSelection()
        late = sum(1 for i in self.items if i.overdue)
        text = self.tr("%n document(s) to present", "", len(self.items))
        if late:
            text += " · " + self.tr("%n late", "", late)
        self.count.setText(text if self.items else self.tr("Everything due today has been presented."))
        self._update_buttons()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [labels.urgency(item.urgency), item.number_notation, item.issuer_name,
                     " ".join(item.summary.split()), labels.moment(item.registered_at), labels.moment(item.present_by)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setData(DOCUMENT_ID_ROLE, item.document_id)
                if column == SUMMARY_COLUMN:
                    cell.setToolTip(item.summary)
                if item.overdue:
                    cell.setForeground(QBrush(QColor(OVERDUE_COLOR)))
                if item.urgency.is_urgent or (item.overdue and column == len(HEADERS) - 1):
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, column, cell)

    def selected_items(self) -> list[NotPresentedItem]:
        model = self.table.selectionModel()
        rows = sorted({i.row() for i in model.selectedRows()}) if model is not None else []
        return [self.items[r] for r in rows if 0 <= r < len(self.items)]

    def select_documents(self, document_ids: Sequence[str]) -> None:
        wanted = set(document_ids)
        self.table.clearSelection()
        model = self.table.selectionModel()
        for row, item in enumerate(self.items):
            if item.document_id in wanted:
                model.select(self.table.model().index(row, 0), model.SelectionFlag.Select | model.SelectionFlag.Rows)

    def set_leader(self, user_id: int) -> None:
        self.leader.setCurrentIndex(max(0, self.leader.findData(user_id)))

    def chosen_items(self) -> list[NotPresentedItem]:
        """The selected documents, or all of them when none is selected."""
        return self.selected_items() or list(self.items)

    def _update_buttons(self) -> None:
        some = bool(self.selected_items())
        self.present_button.setText(self.tr("Present selected now") if some else self.tr("Present all now"))
        self.present_button.setEnabled(
            bool(self.items) and self.leader.currentData() is not None and self.job is None
        )

    def _open_row(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.items):
            self._env.open_document(self.items[row].document_id)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    # ---- presenting --------------------------------------------------------------------------------------------
    def present_selected(self) -> Job | None:
        chosen = self.chosen_items()
        leader_id = self.leader.currentData()
        if not chosen or leader_id is None or self.job is not None:
            return None
        workflow, actor = self._env.services.workflow, self._actor
        ids = [i.document_id for i in chosen]
        leader_name = self.leader.currentText().split(" — ")[0]

        def work(_ctx: JobContext) -> list[Presented]:
            return workflow.present(actor, ids, int(leader_id))

        self.message.setVisible(False)
        job = self._env.jobs.run("workflow-present", work)
        job.succeeded.connect(lambda done, name=leader_name: self._on_presented(done, name))
        job.failed.connect(self.show_error)
        job.finished.connect(self._on_finished)
        self.job = job
        self._update_buttons()
        return job

    def _on_presented(self, done: object, leader_name: str) -> None:
        presented = [p for p in done if isinstance(p, Presented)] if isinstance(done, list) else []
        self.done_text.setText(
            self.tr("%n document(s) presented to %1.", "", len(presented)).replace("%1", leader_name)
        )
        self.done_text.setVisible(True)
        self.presented.emit(presented)
        self.refresh()

    def _on_finished(self) -> None:
        self.job = None
        self._update_buttons()

