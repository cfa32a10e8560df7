""""Tiến độ xử lý": the leader's view of the work in hand per unit and per person — open, overdue, due within two
working days and finished — with a drill-down into the assignments behind a number (issue 7 item 4, design §2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import Actor
from app.domain.workflow import OverviewRow, TaskFilter, TaskItem
from app.ui.i18n import translate
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv, document_id_at, make_table
from app.ui.pages.tasks import DUE_SOON_COLOR, OVERDUE_COLOR, TASK_HEADERS, fill_task_table, make_task_table

CONTEXT = "Overview"
DRILL_LIMIT = 500
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

COLUMNS: tuple[tuple[TaskFilter | None, str], ...] = (
    (None, str(QT_TRANSLATE_NOOP("Overview", "Name"))),
    (TaskFilter.OPEN, str(QT_TRANSLATE_NOOP("Overview", "Open"))),
    (TaskFilter.OVERDUE, str(QT_TRANSLATE_NOOP("Overview", "Overdue"))),
    (TaskFilter.DUE_SOON, str(QT_TRANSLATE_NOOP("Overview", "Due soon"))),
    (TaskFilter.DONE, str(QT_TRANSLATE_NOOP("Overview", "Finished"))),
)
FILTER_NAMES: dict[TaskFilter, str] = {
    TaskFilter.OPEN: str(QT_TRANSLATE_NOOP("Overview", "open")),
    TaskFilter.OVERDUE: str(QT_TRANSLATE_NOOP("Overview", "overdue")),
    TaskFilter.DUE_SOON: str(QT_TRANSLATE_NOOP("Overview", "due soon")),
    TaskFilter.DONE: str(QT_TRANSLATE_NOOP("Overview", "finished")),
    TaskFilter.ALL: str(QT_TRANSLATE_NOOP("Overview", "all")),
}
DRILL_HEADERS = (
    TASK_HEADERS[0],
    TASK_HEADERS[1],
    str(QT_TRANSLATE_NOOP("Tasks", "Part")),
    *TASK_HEADERS[3:],
)


def tr(source: str, n: int = -1) -> str:
    return translate(CONTEXT, source, n)


def counts_of(row: OverviewRow) -> dict[TaskFilter, int | None]:
    """The numbers of a row; "finished" only when the service counts it (older services do not)."""
    done = getattr(row, "done", None)
    return {
        TaskFilter.OPEN: row.open,
        TaskFilter.OVERDUE: row.overdue,
        TaskFilter.DUE_SOON: row.due_soon,
        TaskFilter.DONE: done if isinstance(done, int) else None,
    }


class OverviewPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.setObjectName("page-overview")
        self.rows: list[OverviewRow] = []
        self.drilled: tuple[OverviewRow, TaskFilter] | None = None
        self.drill_tasks: list[TaskItem] = []

        heading = QLabel(self.tr("Progress overview"), self)
        heading.setObjectName("pageHeading")
        self.as_of = QLabel(self)
        self.as_of.setObjectName("overviewDate")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.message = QLabel(self)
        self.message.setObjectName("overviewMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {OVERDUE_COLOR};")
        self.message.setVisible(False)
        hint = QLabel(self.tr("Double-click a number to see the assignments behind it."), self)
        hint.setObjectName("overviewHint")

        self.units = self._counts_table("overviewUnits", self.tr("Unit"))
        self.people = self._counts_table("overviewPeople", self.tr("Person"))
        units_box = QGroupBox(self.tr("By unit"), self)
        QVBoxLayout(units_box).addWidget(self.units)
        people_box = QGroupBox(self.tr("By person"), self)
        QVBoxLayout(people_box).addWidget(self.people)
        counts = QWidget(self)
        counts_layout = QHBoxLayout(counts)
        counts_layout.setContentsMargins(0, 0, 0, 0)
        counts_layout.addWidget(units_box, 1)
        counts_layout.addWidget(people_box, 1)

        self.drill_box = QGroupBox(self.tr("Assignments"), self)
        self.drill_title = QLabel(self.tr("Double-click a number above."), self.drill_box)
        self.drill_title.setObjectName("drillTitle")
        self.drill_title.setWordWrap(True)
        self.drill = make_task_table(self.drill_box, DRILL_HEADERS)
        self.drill.setObjectName("drillTable")
        self.drill.cellDoubleClicked.connect(self._open_drilled)
        drill_layout = QVBoxLayout(self.drill_box)
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(self.drill, 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(counts)
        splitter.addWidget(self.drill_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)

        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addWidget(self.as_of)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        self.refresh()

    def _counts_table(self, name: str, first: str) -> QTableWidget:
        headers = [first] + [tr(caption) for _f, caption in COLUMNS[1:]]
        table = make_table(self, headers, stretch_column=0)
        table.setObjectName(name)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        table.cellDoubleClicked.connect(lambda r, c, t=table: self.drill_into(t, r, c))
        return table

    # ---- counts ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        workflow = self._env.services.workflow
        self.message.setVisible(False)
        try:
            self.rows = workflow.overview(self._actor)
            today = workflow.calendar().local(self._env.services.ctx.clock()).date()
            self.as_of.setText(self.tr("as of %1").replace("%1", labels.day(today)))
        except DomainError as exc:
            self.rows = []
            self._say(describe(exc))
        self._fill(self.units, [r for r in self.rows if r.kind == "unit"])
        self._fill(self.people, [r for r in self.rows if r.kind == "user"])
        if self.drilled is not None:
            row, flt = self.drilled
            fresh = next((r for r in self.rows if (r.kind, r.id) == (row.kind, row.id)), row)
            self.show_assignments(fresh, flt)

    def _fill(self, table: QTableWidget, rows: Sequence[OverviewRow]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            name = QTableWidgetItem(row.name or "—")
            name.setData(ROW_ROLE, row)
            table.setItem(r, 0, name)
            counts = counts_of(row)
            for c, (flt, _caption) in enumerate(COLUMNS[1:], start=1):
                assert flt is not None
                value = counts[flt]
                cell = QTableWidgetItem("—" if value is None else str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                color = {TaskFilter.OVERDUE: OVERDUE_COLOR, TaskFilter.DUE_SOON: DUE_SOON_COLOR}.get(flt)
                if color and value:
                    cell.setForeground(QBrush(QColor(color)))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(r, c, cell)
        if not rows:
            table.setRowCount(1)
            empty = QTableWidgetItem(self.tr("No assignments in hand."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            table.setItem(0, 0, empty)

    def row_at(self, table: QTableWidget, r: int) -> OverviewRow | None:
        item = table.item(r, 0)
        value = item.data(ROW_ROLE) if item is not None else None
        return value if isinstance(value, OverviewRow) else None

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    # ---- drill-down --------------------------------------------------------------------------------------------
    def drill_into(self, table: QTableWidget, r: int, column: int) -> None:
        row = self.row_at(table, r)
        if row is None:
            return
        flt = COLUMNS[column][0] if 0 <= column < len(COLUMNS) else None
        self.show_assignments(row, flt or TaskFilter.OPEN)

    def _lister(self) -> Callable[..., Any] | None:
        """`WorkflowService.party_tasks` lists a unit's or person's assignments; absent in older services."""
        fn = getattr(self._env.services.workflow, "party_tasks", None)
        return fn if callable(fn) else None

    def show_assignments(self, row: OverviewRow, flt: TaskFilter) -> None:
        self.drilled = (row, flt)
        title = self.tr("%1 — %2 assignments").replace("%1", row.name).replace("%2", tr(FILTER_NAMES[flt]))
        lister = self._lister()
        if lister is None:
            self.drill_tasks = []
            fill_task_table(self.drill, [])
            self.drill_title.setText(title + "\n" + self.tr("Listing these assignments is not available yet."))
            return
        try:
            kind = {"unit_id": row.id} if row.kind == "unit" else {"user_id": row.id}
            self.drill_tasks = list(lister(self._actor, state=flt, limit=DRILL_LIMIT, **kind))
        except DomainError as exc:
            self.drill_tasks = []
            self._say(describe(exc))
        fill_task_table(self.drill, self.drill_tasks)
        self.drill_title.setText(title + f" ({len(self.drill_tasks)})")

    def _open_drilled(self, r: int, _column: int) -> None:
        doc_id = document_id_at(self.drill, r)
        if doc_id:
            self._env.open_document(doc_id)
