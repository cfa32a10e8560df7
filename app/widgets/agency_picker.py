"""Pick the recipient agencies of a document from the agency directory (mã định danh, standards §6).

Type a name without accents ("so tai chinh" finds "Sở Tài chính") or the start of a code; the matches appear under
the box, each with its parent agency and code (names repeat across provinces). Keyboard: Down moves into the
matches, Enter adds the highlighted one (from the box: the first), Escape clears the box, Delete or Backspace
removes the selected recipient. A complete, valid code that is not in the directory yet can be added as it is.
`changed(list[str])` carries the chosen codes in order.

The directory index is built on first use (about a second for 100,000 agencies): pass `jobs` (the app's job
runner) and the picker builds it off the UI thread, showing that it is loading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import agency_code
from app.services.directory import DirectoryAgency, DirectoryService

RESULTS = 20
CODE_ROLE = Qt.ItemDataRole.UserRole


class JobsLike(Protocol):
    """What the picker needs of the app's job runner (app/ui/jobs.py: the widgets layer cannot import it)."""

    def run(self, name: str, fn: Callable[[Any], Any]) -> Any: ...


def describe(agency: DirectoryAgency) -> str:
    parent = f" — {agency.parent_name}" if agency.parent_name else ""
    return f"{agency.name}{parent} ({agency.code})"


class _Chip(QWidget):
    """One chosen recipient: its name and code, and a × to remove it."""

    def __init__(self, text: str, tooltip: str, on_remove: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 1, 2, 1)
        self.label = QLabel(text, self)
        self.label.setToolTip(tooltip)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.remove = QToolButton(self)
        self.remove.setObjectName("removeRecipient")
        self.remove.setText("×")
        self.remove.setAutoRaise(True)
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard removes with Delete on the list
        self.remove.clicked.connect(on_remove)
        row.addWidget(self.label, 1)
        row.addWidget(self.remove)


class AgencyPicker(QWidget):
    changed = Signal(list)

    def __init__(self, directory: DirectoryService, parent: QWidget | None = None, *,
                 jobs: JobsLike | None = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._codes: list[str] = []
        self._names: dict[str, str] = {}

        self.search = QLineEdit(self)
        self.search.setObjectName("agencySearch")
        self.search.setPlaceholderText(self.tr("Type an agency's name (accents optional) or its code…"))
        self.search.setClearButtonEnabled(True)
        self.note = QLabel(self)
        self.note.setObjectName("agencyNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.results = QListWidget(self)
        self.results.setObjectName("agencyResults")
        self.results.setMaximumHeight(180)
        self.results.hide()
        self.chosen_label = QLabel(self)
        self.chosen = QListWidget(self)
        self.chosen.setObjectName("agencyChosen")
        self.chosen.setToolTip(self.tr("Delete removes the selected recipient."))
        self.chosen.setMaximumHeight(160)
        self.chosen_label.setBuddy(self.chosen)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.note)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.chosen)
        layout.addStretch(1)

        self.search.textChanged.connect(self._update_results)
        self.search.returnPressed.connect(self._add_from_box)
        self.results.itemActivated.connect(self._add_item)
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self.chosen.installEventFilter(self)
        self._refresh_chosen()
        if jobs is not None and not directory.loaded:
            self._load_in_background(jobs)

    # ------------------------------------------------------------------------------------------ public

    def codes(self) -> list[str]:
        return list(self._codes)

    def set_codes(self, codes: Iterable[str]) -> None:
        """Show these recipients (e.g. a draft's); does not emit `changed`."""
        self._codes = []
        for code in codes:
            if code not in self._codes:
                self._codes.append(code)
        self._names = {a.code: describe(a) for a in self._directory.agencies(self._codes)}
        self._refresh_chosen()

    def add_code(self, code: str) -> bool:
        """Add a recipient by code (the directory's, or any valid code); False when invalid or already there."""
        if code in self._codes or not agency_code.is_valid(code):
            return False
        agency = self._directory.by_code(code)
        self._names[code] = describe(agency) if agency else self.tr("{code} (not in the directory)").format(code=code)
        self._codes.append(code)
        self._refresh_chosen()
        self.changed.emit(self.codes())
        return True

    def remove_code(self, code: str) -> None:
        if code not in self._codes:
            return
        row = self._codes.index(code)
        self._codes.remove(code)
        self._refresh_chosen()
        if self._codes:
            self.chosen.setCurrentRow(min(row, len(self._codes) - 1))
        self.changed.emit(self.codes())

    # ------------------------------------------------------------------------------------------ search

    def _load_in_background(self, jobs: JobsLike) -> None:
        self.search.setEnabled(False)
        self._show_note(self.tr("Loading the agency directory…"))
        job = jobs.run("agency-directory", lambda _ctx: self._directory.warm())
        job.finished.connect(self._loaded)

    def _loaded(self) -> None:
        self.search.setEnabled(True)
        self._show_note("")
        if self.search.text():
            self._update_results(self.search.text())

    def _update_results(self, text: str) -> None:
        self.results.clear()
        self._show_note("")
        if not text.strip():
            self.results.hide()
            return
        hits = [a for a in self._directory.search_agencies(text, RESULTS + len(self._codes))
                if a.code not in self._codes][:RESULTS]
        for agency in hits:
            item = QListWidgetItem(describe(agency), self.results)
            item.setData(CODE_ROLE, agency.code)
            item.setToolTip(describe(agency))
        typed = text.strip().upper()
        if not hits and agency_code.is_valid(typed) and typed not in self._codes:
            item = QListWidgetItem(self.tr("{code} (not in the directory)").format(code=typed), self.results)
            item.setData(CODE_ROLE, typed)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.show()
        else:
            self.results.hide()
            self._show_note(self.tr("No agency matches “{text}”.").format(text=text.strip()))

    def _add_from_box(self) -> None:
        item = self.results.currentItem() or self.results.item(0)
        if item is not None and self.results.isVisible():
            self._add_item(item)
            return
        typed = self.search.text().strip()
        if typed and not agency_code.is_valid(typed.upper()):
            self._show_note(self.tr("Choose an agency from the list, or type a complete code like 000.00.12.H27."))

    def _add_item(self, item: QListWidgetItem) -> None:
        code = str(item.data(CODE_ROLE))
        if self.add_code(code):
            self.search.clear()
            self.search.setFocus()

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    # ------------------------------------------------------------------------------------------ chosen list

    def _refresh_chosen(self) -> None:
        self.chosen.clear()
        for code in self._codes:
            text = self._names.get(code) or self.tr("{code} (not in the directory)").format(code=code)
            item = QListWidgetItem(self.chosen)
            item.setData(CODE_ROLE, code)
            item.setToolTip(text)
            chip = _Chip(text, text, partial(self.remove_code, code), self.chosen)
            item.setSizeHint(chip.sizeHint())
            self.chosen.setItemWidget(item, chip)
        self.chosen_label.setText(self.tr("Recipients: %n", "", len(self._codes)))

    # ------------------------------------------------------------------------------------------ keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search:
            if key == Qt.Key.Key_Down and self.results.isVisible():
                self.results.setFocus()
                self.results.setCurrentRow(max(0, self.results.currentRow()))
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        elif watched is self.results:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.currentItem():
                self._add_item(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
                self.search.setFocus()
                return True
            if key == Qt.Key.Key_Escape:
                self.search.setFocus()
                return True
        elif watched is self.chosen and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            item = self.chosen.currentItem()
            if item is not None:
                self.remove_code(str(item.data(CODE_ROLE)))
                return True
        return super().eventFilter(watched, event)
