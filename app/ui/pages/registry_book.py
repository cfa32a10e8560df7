""""Sổ văn bản đến" / "Sổ văn bản đi": a registry book of any size with its official ND30 columns.

The table is a lazy model over the registry service (RegistryTableModel): it counts, then fetches only the pages it
paints, so a book of a million entries opens at once. Search runs as the clerk types (after a short pause) and
ignores diacritics and case ("dat dai" finds "đất đai"); filters and header clicks change the query, not the rows
held. The clerk registers arrivals here (button or a file dropped on the page), corrects and cancels entries with a
reason, reads an entry's history, and exports or prints the book.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QIdentityProxyModel,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import document_types
from app.domain.enums import DocumentState, RegistryKind, Role, Urgency
from app.domain.errors import DomainError
from app.domain.model import RegistryBook
from app.domain.registers import form_for
from app.domain.registry_query import RegistryQuery, RegistryRow, SortKey
from app.services.registry_export import ExportResult, default_file_name
from app.ui.dialogs.register_incoming import RegisterIncomingDialog, accepts_file
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv
from app.widgets.registry_model import RegistryTableModel
from app.widgets.registry_table import make_registry_view

SEARCH_DELAY_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the period edits' minimum, shown as "—": no bound
REGISTRARS = frozenset({Role.CLERK, Role.ADMIN})  # register, correct, cancel (the service checks again)
SECRET_READERS = frozenset({Role.CLERK, Role.LEADER})  # who sees the secret books (state-secret rules)
FIND_NEW_ROW_WITHIN = 400  # rows searched for a just-registered entry before the view falls back to the default sort
# Which official columns sort the book when their header is clicked.
SORT_BY_COLUMN = {
    "arrival_number": SortKey.NUMBER,
    "arrival_date": SortKey.REGISTERED_AT,
    "document_date": SortKey.DOC_DATE,
    "author": SortKey.ISSUER,
    "type_summary": SortKey.DOC_TYPE,
}
OUTGOING_SORT_BY_COLUMN = {**SORT_BY_COLUMN, "number_notation": SortKey.NUMBER}
DATE_COLUMNS = frozenset({"arrival_date", "document_date", "transfer_date"})
MIN_WIDTHS = {"author": 140, "recipient": 130, "recipients": 150, "signer": 130, "kept_copy_holder": 110,
              "note": 80, "number_notation": 106, "arrival_number": 60}
URGENT_LEVELS = frozenset(u for u in Urgency if u.is_urgent)
INCOMING_STATES = (DocumentState.REGISTERED, DocumentState.PRESENTED, DocumentState.ASSIGNED,
                   DocumentState.IN_PROGRESS, DocumentState.DONE, DocumentState.FOR_INFORMATION,
                   DocumentState.REJECTED, DocumentState.CANCELLED)
OUTGOING_STATES = (DocumentState.NUMBERED, DocumentState.SIGNED, DocumentState.SEALED, DocumentState.SENT,
                   DocumentState.ACKNOWLEDGED, DocumentState.RETURNED, DocumentState.CANCELLED)


class RegistryBookPage(QWidget):
    def __init__(self, env: PageEnv, kind: RegistryKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.kind = kind
        self.setObjectName(f"page-registry-{kind.value}")
        roles = env.user.roles
        self.can_register = bool(roles & REGISTRARS)
        self.sees_secret = bool(roles & SECRET_READERS)
        self._sort = SortKey.NUMBER
        self._descending = True
        self._books: dict[int, RegistryBook] = {}
        self.last_job: Job | None = None
        self.register_dialog: RegisterIncomingDialog | None = None
        self.last_export: ExportResult | None = None

        title = self.tr("Incoming register") if kind is RegistryKind.INCOMING else self.tr("Outgoing register")
        self.heading = QLabel(title, self)
        self.heading.setObjectName("pageHeading")
        self.book = QComboBox(self)
        self.book.setObjectName("bookChooser")
        self.book.setMinimumContentsLength(25)
        self.book.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.book.currentIndexChanged.connect(self._book_changed)
        self.register_button = QPushButton(self.tr("Register incoming…"), self)
        self.register_button.setObjectName("registerIncoming")
        self.register_button.setToolTip(self.tr("Register a received document (Ctrl+N); you can also drop a PDF "
                                                "or an image on this page"))
        self.register_button.clicked.connect(lambda: self.open_register_dialog())
        self.register_button.setVisible(kind is RegistryKind.INCOMING and self.can_register)
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Excel (.xlsx)…"), lambda: self.choose_export("xlsx"))
        export_menu.addAction(self.tr("PDF (printed register)…"), lambda: self.choose_export("pdf"))
        self.export_button.setMenu(export_menu)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.print_book)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.book)
        top.addWidget(self.register_button)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)

        self._build_filters()

        self.model = RegistryTableModel(
            form_for(kind),
            env.services.registry.page,
            lambda q, cap: env.services.registry.count(q, cap=cap),
            english=QLocale().language() == QLocale.Language.English,
            parent=self,
        )
        self.model.rowsInserted.connect(self._update_count)
        self.table: QTableView = make_registry_view(self.model, self)
        self.view_model = TwoLineHeaders(self)
        self.view_model.setSourceModel(self.model)
        self.table.setModel(self.view_model)
        self.table.setObjectName("registryTable")
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._header_clicked)
        self.table.activated.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.correct_button = QPushButton(self.tr("Correct entry…"), self)
        self.correct_button.setObjectName("correctEntry")
        self.correct_button.clicked.connect(lambda: self.open_correction_dialog())
        self.cancel_button = QPushButton(self.tr("Cancel number…"), self)
        self.cancel_button.setObjectName("cancelEntry")
        self.cancel_button.clicked.connect(lambda: self.open_cancel_dialog())
        self.history_button = QPushButton(self.tr("History"), self)
        self.history_button.setObjectName("entryHistory")
        self.history_button.clicked.connect(lambda: self.open_history_dialog())
        for b in (self.correct_button, self.cancel_button):
            b.setVisible(self.can_register)
        self.count = QLabel(self)
        self.count.setObjectName("registryCount")
        self.status = QLabel(self)
        self.status.setObjectName("registryStatus")
        self.status.setWordWrap(True)
        self.stop_button = QToolButton(self)
        self.stop_button.setObjectName("stopExport")
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the export; no file is left behind"))
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop_export)
        actions = QHBoxLayout()
        actions.addWidget(self.count)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.stop_button)
        for b in (self.open_button, self.correct_button, self.cancel_button, self.history_button):
            actions.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        if kind is RegistryKind.INCOMING and self.can_register:
            QShortcut(QKeySequence.StandardKey.New, self, lambda: self.open_register_dialog())
            self.setAcceptDrops(True)
        self.refresh()

    # ---- building ----------------------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("registrySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, issuer, summary… (Ctrl+F)"))
        self.search.setMinimumWidth(200)
        self.period_from = self._date_edit("periodFrom")
        self.period_to = self._date_edit("periodTo")
        self.doc_type = QComboBox(self)
        self.doc_type.setObjectName("typeFilter")
        self.doc_type.addItem(self.tr("All types"), None)
        for name in document_types.names():
            self.doc_type.addItem(name, name)
        self.issuer = QComboBox(self)
        self.issuer.setObjectName("issuerFilter")
        self.issuer.setEditable(True)
        _line(self.issuer).setPlaceholderText(self.tr("Any issuer"))
        self.issuer.addItem("")
        self.issuer.addItems(self._env.services.directory.names())
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("urgencyFilter")
        self.urgency.addItem(self.tr("Any urgency"), frozenset())
        self.urgency.addItem(self.tr("Urgent or higher"), URGENT_LEVELS)
        for u in Urgency:
            self.urgency.addItem(labels.urgency(u), frozenset({u}))
        self.state = QComboBox(self)
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("Any state"), None)
        for st in INCOMING_STATES if self.kind is RegistryKind.INCOMING else OUTGOING_STATES:
            self.state.addItem(labels.state(st), st)
        self.recipient = QComboBox(self)
        self.recipient.setObjectName("recipientFilter")
        self.recipient.setEditable(True)
        _line(self.recipient).setPlaceholderText(
            self.tr("Any receiving unit") if self.kind is RegistryKind.INCOMING else self.tr("Any recipient")
        )
        self.recipient.addItem("")
        self.recipient.addItems([u.name for u in self._env.services.directory.units()])
        self.clear_filters_button = QToolButton(self)
        self.clear_filters_button.setText(self.tr("Clear"))
        self.clear_filters_button.setToolTip(self.tr("Clear the search and all filters"))
        self.clear_filters_button.clicked.connect(self.clear_filters)

        for combo in (self.doc_type, self.urgency, self.state):
            combo.currentIndexChanged.connect(lambda _i: self.apply_query())
        for combo in (self.issuer, self.recipient):
            _line(combo).editingFinished.connect(self.apply_query)
            combo.activated.connect(lambda _i: self.apply_query())
        for edit in (self.period_from, self.period_to):
            edit.dateChanged.connect(lambda _d: self.apply_query())

        for combo in (self.doc_type, self.issuer, self.urgency, self.state, self.recipient):
            # sized by the bar, not by their longest item, so the page fits a 1366-pixel screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.search, 2)
        bar.addWidget(QLabel(self.tr("From"), self))
        bar.addWidget(self.period_from)
        bar.addWidget(QLabel(self.tr("to"), self))
        bar.addWidget(self.period_to)
        for w in (self.doc_type, self.issuer, self.urgency, self.state, self.recipient):
            bar.addWidget(w, 1)
        bar.addWidget(self.clear_filters_button)
        self.issuer.setVisible(self.kind is RegistryKind.INCOMING)  # outgoing documents are all the agency's own
        self.filter_bar = bar

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)
        edit.setToolTip(self.tr("Registration period; “—” means no limit"))
        return edit

    # ---- books and query ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the books and the current page (F5); the chosen book stays chosen."""
        current = self.book.currentData()
        try:
            books = [b for b in self._env.services.registry.books() if b.kind is self.kind]
        except DomainError as exc:
            self.status.setText(describe(exc))
            return
        books = [b for b in books if self.sees_secret or not b.confidential]
        books.sort(key=lambda b: (-b.year, b.confidential, b.name))
        self._books = {b.id: b for b in books}
        self.book.blockSignals(True)
        self.book.clear()
        for b in books:
            self.book.addItem(f"{b.name} — {b.year}", b.id)
        index = self.book.findData(current) if current is not None else 0
        self.book.setCurrentIndex(max(index, 0))
        self.book.blockSignals(False)
        self._book_changed(force=True)

    def current_book(self) -> RegistryBook | None:
        book_id = self.book.currentData()
        return self._books.get(int(book_id)) if book_id is not None else None

    def _book_changed(self, *_args: Any, force: bool = False) -> None:
        book = self.current_book()
        if book is not None:
            self.model.set_form(form_for(book.kind, confidential=book.confidential))
            self._size_columns()
        self.apply_query(force=force)

    def _size_columns(self) -> None:
        """Each column as wide as its official title (or its widest usual value); the summary takes the rest."""
        book = self.current_book()
        if book is None:
            return
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        date_width = self.table.fontMetrics().horizontalAdvance("00/00/0000") + 18
        header.setStretchLastSection(False)
        for i, col in enumerate(form_for(book.kind, confidential=book.confidential).columns):
            title = str(self.view_model.headerData(i, Qt.Orientation.Horizontal))
            longest = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
            width = max(longest + 26, MIN_WIDTHS.get(col.key, 0))
            if col.key in DATE_COLUMNS:
                width = max(width, date_width)
            if col.key == "type_summary":
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, width)
        self._show_sort_indicator()

    def query(self) -> RegistryQuery | None:
        book = self.current_book()
        if book is None:
            return None
        urgencies = self.urgency.currentData()
        return RegistryQuery(
            book_id=book.id,
            search=self.search.text(),
            period_from=_pydate(self.period_from.date()),
            period_to=_pydate(self.period_to.date()),
            doc_type=self.doc_type.currentData(),
            issuer=self.issuer.currentText().strip() or None,
            urgencies=urgencies if isinstance(urgencies, frozenset) else frozenset(),
            state=self.state.currentData(),
            recipient=self.recipient.currentText().strip() or None,
            sort=self._sort,
            descending=self._descending,
        )

    def apply_query(self, *, force: bool = False) -> None:
        """Hand the query to the model: it counts (capped for searches) and fetches the first visible page only."""
        self._search_timer.stop()
        query = self.query()
        if query is None:
            self.count.setText(self.tr("No registry book for this year yet."))
            self._update_actions()
            return
        if query == self.model.query and not force:
            return
        try:
            self.model.set_query(query)
        except DomainError as exc:
            self.status.setText(describe(exc))
            return
        self.status.clear()
        self._update_count()
        self._update_actions()

    def clear_filters(self) -> None:
        widgets = (self.search, self.period_from, self.period_to, self.doc_type, self.issuer, self.urgency,
                   self.state, self.recipient)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.period_from.setDate(NO_DATE)
        self.period_to.setDate(NO_DATE)
        for combo in (self.doc_type, self.urgency, self.state):
            combo.setCurrentIndex(0)
        for combo in (self.issuer, self.recipient):
            combo.setCurrentIndex(0)
            combo.setEditText("")
        for w in widgets:
            w.blockSignals(False)
        self.apply_query()

    def _update_count(self, *_args: Any) -> None:
        n = self.model.rowCount()
        number = QLocale().toString(n)
        query = self.model.query
        if query is None:
            text = ""
        elif query.is_plain:
            text = self.tr("%1 entries").replace("%1", number)
        elif self.model.is_partial_count:
            text = self.tr("%1+ results").replace("%1", number)
        else:
            text = self.tr("%1 results").replace("%1", number)
        self.count.setText(text)

    # ---- sorting -----------------------------------------------------------------------------------------------
    def sort_key_of(self, section: int) -> SortKey | None:
        book = self.current_book()
        if book is None:
            return None
        columns = form_for(book.kind, confidential=book.confidential).columns
        if not 0 <= section < len(columns):
            return None
        table = OUTGOING_SORT_BY_COLUMN if book.kind is RegistryKind.OUTGOING else SORT_BY_COLUMN
        return table.get(columns[section].key)

    def sort_by(self, key: SortKey, descending: bool | None = None) -> None:
        """A new column sorts newest/first-letter first; the same column again reverses the order."""
        if descending is None:
            descending = not self._descending if key is self._sort else key not in (SortKey.ISSUER, SortKey.DOC_TYPE)
        self._sort, self._descending = key, descending
        self._show_sort_indicator()
        self.apply_query()

    def _header_clicked(self, section: int) -> None:
        key = self.sort_key_of(section)
        if key is None:
            self._show_sort_indicator()  # the header flipped its arrow on its own: put it back
            return
        self.sort_by(key)

    def _show_sort_indicator(self) -> None:
        book = self.current_book()
        header = self.table.horizontalHeader()
        if book is None:
            return
        for i, _col in enumerate(form_for(book.kind, confidential=book.confidential).columns):
            if self.sort_key_of(i) is self._sort:
                order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
                header.setSortIndicator(i, order)
                return

    @property
    def sort_state(self) -> tuple[SortKey, bool]:
        return self._sort, self._descending

    # ---- rows --------------------------------------------------------------------------------------------------
    def selected_row(self) -> RegistryRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.model.row_at(index.row())

    def cell_text(self, row: int, key: str) -> str:
        """The painted text of an official column ("number_notation", "author", …) in a row; "" when absent."""
        book = self.current_book()
        if book is None:
            return ""
        keys = [c.key for c in form_for(book.kind, confidential=book.confidential).columns]
        if key not in keys:
            return ""
        value = self.view_model.index(row, keys.index(key)).data()
        return str(value) if value is not None else ""

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.view_model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.selectRow(row)
            self.table.scrollTo(index)
        self._update_actions()

    def select_entry(self, entry_id: int) -> bool:
        """Select the entry if it is among the first rows of the current query (a new entry is usually row 0)."""
        for r in range(min(self.model.rowCount(), FIND_NEW_ROW_WITHIN)):
            row = self.model.row_at(r)
            if row is not None and row.entry_id == entry_id:
                self.select_row(r)
                return True
        return False

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self._env.open_document(row.document_id)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._env.open_document(row.document_id)

    def _update_actions(self) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(row is not None)
        self.history_button.setEnabled(row is not None)
        editable = row is not None and not row.cancelled and self.can_register
        self.correct_button.setEnabled(editable)
        self.cancel_button.setEnabled(editable)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.select_row(index.row())
        row = self.model.row_at(index.row())
        if row is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), self.open_selected)
        if self.can_register and not row.cancelled:
            menu.addAction(self.tr("Correct entry…"), lambda: self.open_correction_dialog())
            menu.addAction(self.tr("Cancel number…"), lambda: self.open_cancel_dialog())
        menu.addAction(self.tr("History"), lambda: self.open_history_dialog())
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ---- register an arrival -----------------------------------------------------------------------------------
    def open_register_dialog(self, file_path: Path | None = None) -> RegisterIncomingDialog | None:
        """Opened window-modal (not exec): the page stays responsive and tests can drive the dialog."""
        if self.kind is not RegistryKind.INCOMING or not self.can_register:
            return None
        dialog = RegisterIncomingDialog(self._env, file_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._registered(d))
        self.register_dialog = dialog
        dialog.open()
        return dialog

    def _registered(self, dialog: RegisterIncomingDialog) -> None:
        entry = dialog.entry
        if entry is None:
            return
        if entry.book_id not in self._books:
            self.refresh()  # the first arrival of a new year or of a secret book opened its book
        index = self.book.findData(entry.book_id)
        if index >= 0 and index != self.book.currentIndex():
            self.book.setCurrentIndex(index)
        self.model.refresh()
        self._update_count()
        if not self.select_entry(entry.id):
            self.clear_filters()
            self.sort_by(SortKey.NUMBER, descending=True)
            self.select_entry(entry.id)
        self.status.setText(self.tr("Registered as incoming number %1.").replace("%1", f"{entry.number:02d}"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_register_dialog(path)

    def _dropped_file(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        if self.kind is not RegistryKind.INCOMING or not self.can_register:
            return None
        for url in event.mimeData().urls():
            if url.isLocalFile() and accepts_file(url.toLocalFile()):
                return Path(url.toLocalFile())
        return None

    # ---- correct, cancel, history ------------------------------------------------------------------------------
    def open_correction_dialog(self) -> QWidget | None:
        from app.ui.dialogs.entry_correction import EntryCorrectionDialog

        row = self.selected_row()
        if row is None or row.cancelled or not self.can_register:
            return None
        book = self.current_book()
        dialog = EntryCorrectionDialog(self._env, book.kind if book else self.kind, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        at = self.table.currentIndex().row()
        dialog.accepted.connect(lambda: self._changed(at, self.tr("Entry corrected.")))
        dialog.open()
        return dialog

    def open_cancel_dialog(self) -> QWidget | None:
        from app.ui.dialogs.entry_correction import CancelEntryDialog

        row = self.selected_row()
        if row is None or row.cancelled or not self.can_register:
            return None
        dialog = CancelEntryDialog(self._env, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        at, text = self.table.currentIndex().row(), self.tr("Number %1 cancelled; it stays in the book.")
        dialog.accepted.connect(lambda: self._changed(at, text.replace("%1", f"{row.number:02d}")))
        dialog.open()
        return dialog

    def open_history_dialog(self) -> QWidget | None:
        from app.ui.dialogs.entry_history import EntryHistoryDialog

        row = self.selected_row()
        if row is None:
            return None
        try:
            dialog = EntryHistoryDialog(self._env, row, self)
        except DomainError as exc:
            self.status.setText(describe(exc))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _changed(self, row: int, message: str) -> None:
        self.model.refresh()
        self._update_count()
        self.select_row(row)
        self.status.setText(message)

    # ---- export and print --------------------------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        query = self.model.query
        if query is None:
            return
        head = self._env.services.registry_export.heading(query)
        name = default_file_name(head, kind, self._env.services.ctx.clock())
        start = str(Path.home() / name)
        file_filter = self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("PDF document (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the register"), start, file_filter)
        if path:
            target = Path(path)
            if target.suffix.lower() != f".{kind}":
                target = target.with_name(target.name + f".{kind}")
            self.export(kind, target)

    def export(self, kind: str, target: Path, *, then_print: bool = False) -> Job | None:
        """Write the book (with the current search and filters) on a worker; progress shows in the status line."""
        query = self.model.query
        if query is None:
            return None
        service = self._env.services.registry_export
        write = service.export_xlsx if kind == "xlsx" else service.export_pdf

        def work(ctx: JobContext) -> ExportResult:
            return write(
                query, target, progress=lambda done, total: ctx.report(done, total, ""),
                cancelled=lambda: ctx.cancelled,
            )

        self.status.setText(self.tr("Exporting…"))
        job = self._env.jobs.run(f"export-registry-{kind}", work)
        self.stop_button.setVisible(True)
        job.finished.connect(lambda: self.stop_button.setVisible(False))
        job.progress.connect(self._export_progress)
        job.succeeded.connect(lambda result: self._exported(result, then_print))
        job.failed.connect(self.status.setText)
        job.cancelled.connect(lambda: self.status.setText(self.tr("Export cancelled.")))
        self.last_job = job
        return job

    def stop_export(self) -> None:
        if self.last_job is not None and self.last_job.running:
            self.last_job.cancel()

    def _export_progress(self, done: int, total: int, _text: str) -> None:
        if total:
            self.status.setText(
                self.tr("Exporting… %1 of %2 entries").replace("%1", QLocale().toString(done))
                .replace("%2", QLocale().toString(total))
            )

    def _exported(self, result: object, then_print: bool) -> None:
        if not isinstance(result, ExportResult) or result.path is None:
            self.status.setText(self.tr("Export cancelled."))
            return
        self.last_export = result
        if then_print:
            self.status.clear()
            self._print_pdf(result.path)
            return
        self.status.setText(
            self.tr("%1 entries written to %2.").replace("%1", QLocale().toString(result.rows))
            .replace("%2", str(result.path))
        )

    def print_book(self) -> Job | None:
        """Print = the printed register as a PDF in a temporary file, then the system's print dialog."""
        target = Path(tempfile.mkdtemp(prefix="vanthu-print-")) / "so-dang-ky.pdf"
        return self.export("pdf", target, then_print=True)

    def _print_pdf(self, path: Path) -> None:
        print_pdf_with_dialog(self, path, self.tr("Print the register"))


def print_pdf_with_dialog(parent: QWidget, path: Path, title: str) -> None:
    """The system's print dialog for a register PDF; without printing support the PDF viewer prints it."""
    try:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    except ImportError:  # a Qt build without printing: the system viewer prints it
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    if not render_pdf_to_printer(path, printer):
        QMessageBox.information(
            parent, title,
            QCoreApplication.translate(
                "RegistryBookPage",
                "The register could not be sent to the printer; it opens in the PDF viewer instead.",
            ),
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def render_pdf_to_printer(path: Path, printer: Any) -> bool:
    """Paint each PDF page onto the printer: QtPdf renders at ≤ 300 dpi (a 1200-dpi A4 image would take 500 MB),
    QPainter scales it into the printable area."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return False
    try:
        first, last = printer.fromPage(), printer.toPage()
        pages = range(max(first, 1) - 1, min(last or document.pageCount(), document.pageCount()))
        area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            scale = min(area.width() / size_pt.width(), area.height() / size_pt.height())
            target = QRect(0, 0, int(size_pt.width() * scale), int(size_pt.height() * scale))
            dpi = min(300, printer.resolution())
            image = document.render(page, QSize(int(size_pt.width() / 72 * dpi), int(size_pt.height() / 72 * dpi)))
            painter.drawImage(target, image)
    finally:
        painter.end()
        document.close()
    return True


class TwoLineHeaders(QIdentityProxyModel):
    """The official column titles are long: shown on two lines (full title as tooltip) so columns stay narrow."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole):
            title = super().headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(title, str) and role == Qt.ItemDataRole.DisplayRole:
                return two_lines(title)
            return title
        return super().headerData(section, orientation, role)


def two_lines(title: str, longer_than: int = 8) -> str:
    """Break a title at the space nearest its middle: "Ngày tháng văn bản" → "Ngày tháng\nvăn bản"."""
    if len(title) <= longer_than or " " not in title:
        return title
    middle = len(title) / 2
    cut = min((i for i, ch in enumerate(title) if ch == " "), key=lambda i: abs(i - middle))
    return f"{title[:cut]}\n{title[cut + 1:]}"


def _line(combo: QComboBox) -> QLineEdit:
    edit = combo.lineEdit()
    assert edit is not None, "an editable combo box has a line edit"
    return edit


def _pydate(value: QDate) -> date | None:
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())
