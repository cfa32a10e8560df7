"""The other registers of ND30 Appendix IV: postal dispatch, use of kept copies, follow-up of incoming handling.

One tab each, with the official columns; the first two are written by the clerk, the follow-up register is read from
the incoming book and the workflow. Each can be exported to Excel or PDF and printed like the main books.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import RegistryKind, Role
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.domain.register_logs import FollowUpLine, KeptCopyUse, PostalDispatch
from app.domain.registers import form_for
from app.services.registry_export import ExportResult
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages.common import PageEnv

KINDS = (RegistryKind.POSTAL_DISPATCH, RegistryKind.KEPT_COPY_USE, RegistryKind.INCOMING_FOLLOW_UP)
WRITABLE = (RegistryKind.POSTAL_DISPATCH, RegistryKind.KEPT_COPY_USE)
SHOWN_LINES = 5000  # a year of these registers is a few hundred lines; the export always has all of them
Line = PostalDispatch | KeptCopyUse | FollowUpLine


class OtherRegistersPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.setObjectName("otherRegistersPage")
        self.english = QLocale().language() == QLocale.Language.English
        self.can_write = bool(env.user.roles & {Role.CLERK, Role.ADMIN})
        self.lines: dict[RegistryKind, list[Line]] = {k: [] for k in KINDS}
        self.last_job: Job | None = None
        self.last_export: ExportResult | None = None

        heading = QLabel(self.tr("Other registers"), self)
        heading.setObjectName("pageHeading")
        self.year = QComboBox(self)
        self.year.setObjectName("yearChoice")
        for year in env.services.register_logs.years():
            self.year.addItem(str(year), year)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())

        self.add_button = self._button("addLine", self.tr("Add…"), self.open_add_dialog)
        self.correct_button = self._button("correctLine", self.tr("Correct…"), self.open_correct_dialog)
        self.cancel_button = self._button("cancelLine", self.tr("Cancel line…"), self.open_cancel_dialog)
        self.return_button = self._button("returnLine", self.tr("Returned…"), self.open_return_dialog)
        self.history_button = self._button("lineHistory", self.tr("History"), self.open_history_dialog)
        self.excel_button = self._button("exportExcel", self.tr("Excel…"), lambda: self.choose_export("xlsx"))
        self.pdf_button = self._button("exportPdf", self.tr("PDF…"), lambda: self.choose_export("pdf"))
        self.print_button = self._button("printRegister", self.tr("Print…"), self.print_register)

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        actions = QHBoxLayout()
        for button in (self.add_button, self.correct_button, self.cancel_button, self.return_button,
                       self.history_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.excel_button, self.pdf_button, self.print_button):
            actions.addWidget(button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registerTabs")
        self.tables: dict[RegistryKind, QTableWidget] = {}
        titles = {
            RegistryKind.POSTAL_DISPATCH: self.tr("Postal dispatch"),
            RegistryKind.KEPT_COPY_USE: self.tr("Use of kept copies"),
            RegistryKind.INCOMING_FOLLOW_UP: self.tr("Follow-up of incoming documents"),
        }
        for kind in KINDS:
            table = self._table(kind)
            self.tables[kind] = table
            self.tabs.addTab(table, titles[kind])
        self.tabs.currentChanged.connect(lambda _i: self._update_actions())

        self.status = QLabel(self)
        self.status.setObjectName("pageStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.refresh()

    # ---- building ----------------------------------------------------------------------------------------------
    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _table(self, kind: RegistryKind) -> QTableWidget:
        columns = form_for(kind).columns
        table = QTableWidget(0, len(columns), self)
        table.setObjectName(f"table_{kind.value}")
        from app.ui.pages.registry_book import two_lines

        table.setHorizontalHeaderLabels([two_lines(c.title_en if self.english else c.title_vi) for c in columns])
        for i, column in enumerate(columns):
            item = table.horizontalHeaderItem(i)
            if item is not None:
                item.setToolTip(column.title_en if self.english else column.title_vi)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        total = sum(c.width for c in columns)
        for i, column in enumerate(columns):
            table.setColumnWidth(i, max(70, int(1050 * column.width / total)))
        table.itemSelectionChanged.connect(self._update_actions)
        table.doubleClicked.connect(lambda _index: self.open_selected_document())
        return table

    # ---- state ---------------------------------------------------------------------------------------------------
    def current_kind(self) -> RegistryKind:
        return KINDS[self.tabs.currentIndex()]

    def current_year(self) -> int:
        return int(self.year.currentData())

    def selected_line(self) -> Line | None:
        kind = self.current_kind()
        row = self.tables[kind].currentRow()
        lines = self.lines[kind]
        return lines[row] if 0 <= row < len(lines) else None

    def refresh(self) -> None:
        actor = Actor.of(self._env.user)
        logs = self._env.services.register_logs
        year = self.current_year()
        try:
            self.lines[RegistryKind.POSTAL_DISPATCH] = list(logs.postal_dispatches(actor, year, limit=SHOWN_LINES))
            self.lines[RegistryKind.KEPT_COPY_USE] = list(logs.kept_copy_uses(actor, year, limit=SHOWN_LINES))
            self.lines[RegistryKind.INCOMING_FOLLOW_UP] = list(logs.follow_up(actor, year, limit=SHOWN_LINES))
        except DomainError as exc:
            self.status.setText(describe(exc))
            return
        for kind in KINDS:
            self._fill(kind)
        self._update_actions()

    def _fill(self, kind: RegistryKind) -> None:
        table = self.tables[kind]
        keys = [c.key for c in form_for(kind).columns]
        lines = self.lines[kind]
        table.setRowCount(len(lines))
        grey = QBrush(QColor("#8a8a8a"))
        red = QBrush(QColor("#b00020"))
        for r, line in enumerate(lines):
            cells = line.cells()
            for c, key in enumerate(keys):
                item = QTableWidgetItem(cells.get(key, ""))
                if getattr(line, "cancelled", False):
                    item.setForeground(grey)
                elif isinstance(line, FollowUpLine) and line.overdue:
                    item.setForeground(red)
                elif isinstance(line, KeptCopyUse) and line.outstanding and key == "return_date":
                    item.setText(self.tr("not returned"))
                    item.setForeground(red)
                table.setItem(r, c, item)
        table.resizeRowsToContents()

    def _update_actions(self) -> None:
        kind = self.current_kind()
        line = self.selected_line()
        writable = self.can_write and kind in WRITABLE
        live = line is not None and not getattr(line, "cancelled", False)
        self.add_button.setEnabled(writable)
        self.correct_button.setEnabled(writable and live)
        self.cancel_button.setEnabled(writable and live)
        self.return_button.setVisible(kind is RegistryKind.KEPT_COPY_USE)
        self.return_button.setEnabled(writable and isinstance(line, KeptCopyUse) and line.outstanding)
        self.history_button.setEnabled(kind in WRITABLE and line is not None)
        count = len(self.lines[kind])
        self.status.setText(self.tr("%n line(s)", "", count))

    # ---- actions -----------------------------------------------------------------------------------------------
    def open_add_dialog(self) -> QWidget | None:
        from app.ui.dialogs.register_line import RegisterLineDialog

        kind = self.current_kind()
        if not self.can_write or kind not in WRITABLE:
            return None
        dialog = RegisterLineDialog(self._env, kind, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._changed(self.tr("Line recorded.")))
        dialog.open()
        return dialog

    def open_correct_dialog(self) -> QWidget | None:
        from app.ui.dialogs.register_line import RegisterLineDialog

        line = self.selected_line()
        if not self.can_write or not isinstance(line, PostalDispatch | KeptCopyUse) or line.cancelled:
            return None
        dialog = RegisterLineDialog(self._env, self.current_kind(), line, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._changed(self.tr("Line corrected.")))
        dialog.open()
        return dialog

    def open_return_dialog(self) -> QWidget | None:
        from app.ui.dialogs.register_line import ReturnDateDialog

        line = self.selected_line()
        if not self.can_write or not isinstance(line, KeptCopyUse) or not line.outstanding:
            return None
        dialog = ReturnDateDialog(self._env, line, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._changed(self.tr("Return recorded.")))
        dialog.open()
        return dialog

    def open_cancel_dialog(self) -> QInputDialog | None:
        line = self.selected_line()
        if not self.can_write or not isinstance(line, PostalDispatch | KeptCopyUse) or line.cancelled:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("cancelLineDialog")
        dialog.setWindowTitle(self.tr("Cancel line no. %1").replace("%1", f"{line.number:02d}"))
        dialog.setLabelText(self.tr("Why is this line cancelled? It stays in the register with its number."))
        dialog.setOkButtonText(self.tr("Cancel the line"))
        dialog.setCancelButtonText(self.tr("Keep it"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.cancel_selected)
        dialog.open()
        return dialog

    def cancel_selected(self, reason: str) -> bool:
        line = self.selected_line()
        if not isinstance(line, PostalDispatch | KeptCopyUse):
            return False
        try:
            self._env.services.register_logs.cancel(Actor.of(self._env.user), self.current_kind(), line.id, reason)
        except DomainError as exc:
            self.status.setText(describe(exc))
            return False
        self._changed(self.tr("Line %1 cancelled; it stays in the register.").replace("%1", f"{line.number:02d}"))
        return True

    def open_history_dialog(self) -> QWidget | None:
        from app.ui.dialogs.entry_history import HistoryDialog

        line = self.selected_line()
        if not isinstance(line, PostalDispatch | KeptCopyUse):
            return None
        events = self._env.services.register_logs.history(self.current_kind(), line.id)
        text = line.number_notation if isinstance(line, PostalDispatch) else line.number_notation_date
        dialog = HistoryDialog(self._env, line.number, text, events, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_selected_document(self) -> None:
        line = self.selected_line()
        if line is not None and line.document_id:
            self._env.open_document(line.document_id)

    def _changed(self, message: str) -> None:
        kind = self.current_kind()
        row = self.tables[kind].currentRow()
        self.refresh()
        if self.lines[kind]:
            self.tables[kind].selectRow(min(max(row, 0), len(self.lines[kind]) - 1) if row >= 0 else
                                        len(self.lines[kind]) - 1)
        self.status.setText(message)

    # ---- export and print --------------------------------------------------------------------------------------
    def choose_export(self, fmt: str) -> None:
        kind = self.current_kind()
        name = {RegistryKind.POSTAL_DISPATCH: "So-gui-buu-dien", RegistryKind.KEPT_COPY_USE: "So-su-dung-ban-luu",
                RegistryKind.INCOMING_FOLLOW_UP: "So-theo-doi-giai-quyet"}[kind]
        start = str(Path.home() / f"{name}-{self.current_year()}.{fmt}")
        file_filter = self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("PDF document (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the register"), start, file_filter)
        if path:
            target = Path(path)
            if target.suffix.lower() != f".{fmt}":
                target = target.with_name(target.name + f".{fmt}")
            self.export(fmt, target)

    def export(self, fmt: str, target: Path, *, then_print: bool = False) -> Job:
        kind, year = self.current_kind(), self.current_year()
        actor = Actor.of(self._env.user)
        logs = self._env.services.register_logs

        def work(_ctx: JobContext) -> ExportResult:
            return logs.export(actor, kind, year, target, fmt=fmt)

        self.status.setText(self.tr("Exporting…"))
        job = self._env.jobs.run(f"export-{kind.value}-{fmt}", work)
        job.succeeded.connect(lambda result: self._exported(result, then_print))
        job.failed.connect(self.status.setText)
        self.last_job = job
        return job

    def _exported(self, result: object, then_print: bool) -> None:
        if not isinstance(result, ExportResult) or result.path is None:
            return
        self.last_export = result
        if then_print:
            from app.ui.pages.registry_book import print_pdf_with_dialog

            self.status.clear()
            print_pdf_with_dialog(self, result.path, self.tr("Print the register"))
            return
        self.status.setText(
            self.tr("%1 entries written to %2.").replace("%1", QLocale().toString(result.rows))
            .replace("%2", str(result.path))
        )

    def print_register(self) -> Job:
        target = Path(tempfile.mkdtemp(prefix="vanthu-print-")) / "so.pdf"
        return self.export("pdf", target, then_print=True)
