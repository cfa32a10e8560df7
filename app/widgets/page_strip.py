"""The page review strip of the intake page: thumbnails in capture order that the clerk reorders by drag, turns,
deletes, rescans one by one, inserts more pages into, and splits into several documents; blank pages are left out
unless the clerk keeps them (blank pages are flagged, never dropped).

The widget knows pages only by an integer key, a small thumbnail and the marks splitting needs (blank, codes); the
page images stay with the intake page. What it answers is what the clerk wants registered: `documents()` (the pages of
each document in order), `current_document()` (the next one to register), `rotation(key)` (extra clockwise turn).
It imports no numpy at module level: the intake is the first page the clerk sees and must open fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.scanner.split import PageMark, Split, SplitMode, SplitRule, split_marks

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

KEY_ROLE = Qt.ItemDataRole.UserRole + 10
THUMB_HEIGHT = 180
BLANK_TINT = QColor(176, 0, 32)
SEPARATOR_TINT = QColor(90, 90, 90)
DOCUMENT_TINT = QColor(21, 101, 192)


@dataclass
class _Entry:
    key: int
    image: QImage
    blank: bool
    keep: bool  # a blank page the clerk chose to keep
    rotation: int = 0  # clockwise, 0/90/180/270
    codes: tuple[str, ...] = ()
    break_before: bool = False  # the clerk's "a new document starts here"
    painted: tuple[object, ...] = ()  # the state last painted (skip repainting what did not change)

    @property
    def left_out(self) -> bool:
        return self.blank and not self.keep


def to_qimage(array: npt.NDArray[np.uint8]) -> QImage:
    """A deep-copied QImage of an 8-bit grey (H×W) or RGB (H×W×3) array."""
    import numpy as np

    data = np.ascontiguousarray(array)
    h, w = data.shape[:2]
    if data.ndim == 2:
        image = QImage(data.data, w, h, data.strides[0], QImage.Format.Format_Grayscale8)
    else:
        image = QImage(data.data, w, h, data.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


class PageStrip(QWidget):
    """Thumbnails with rotate / delete / keep-blank / split / rescan / insert; `changed` fires on any edit the
    documents depend on. `rescan_requested(key)` and `insert_requested(key, "scan" | "files")` ask the intake page to
    capture; the strip only shows the outcome (`replace_page`, `add_page(..., at=row)`)."""

    changed = Signal()
    rescan_requested = Signal(int)
    insert_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: dict[int, _Entry] = {}
        self._split = Split()
        self._rule = SplitRule()
        self._capturing = False
        self.list = QListWidget(self)
        self.list.setObjectName("pageStrip")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_HEIGHT * 3 // 4, THUMB_HEIGHT))
        self.list.setGridSize(QSize(THUMB_HEIGHT * 3 // 4 + 30, THUMB_HEIGHT + 56))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Snap)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(6)
        self.list.model().rowsMoved.connect(self._moved)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda item: self.toggle_keep(int(item.data(KEY_ROLE))))

        self.rotate_left = QPushButton(self.tr("Rotate left"), self)
        self.rotate_left.setObjectName("rotateLeft")
        self.rotate_left.setToolTip(self.tr("Turn the selected pages a quarter to the left (Ctrl+Left)"))
        self.rotate_left.clicked.connect(lambda: self.rotate_selected(-90))
        self.rotate_right = QPushButton(self.tr("Rotate right"), self)
        self.rotate_right.setObjectName("rotateRight")
        self.rotate_right.setToolTip(self.tr("Turn the selected pages a quarter to the right (Ctrl+Right)"))
        self.rotate_right.clicked.connect(lambda: self.rotate_selected(90))
        self.delete = QPushButton(self.tr("Delete"), self)
        self.delete.setObjectName("deletePage")
        self.delete.setToolTip(self.tr("Remove the selected pages (Delete)"))
        self.delete.clicked.connect(self.delete_selected)
        self.keep = QPushButton(self.tr("Keep blank page"), self)
        self.keep.setObjectName("keepBlank")
        self.keep.setCheckable(True)
        self.keep.setToolTip(self.tr("Blank pages are left out of the document; keep the selected one after all."))
        self.keep.clicked.connect(self._keep_clicked)
        self.split_here = QPushButton(self.tr("New document here"), self)
        self.split_here.setObjectName("splitHere")
        self.split_here.setCheckable(True)
        self.split_here.setToolTip(self.tr("Start a new document at the selected page (Ctrl+B); press again to join "
                                           "it to the document before."))
        self.split_here.clicked.connect(self._split_clicked)
        self.rescan = QPushButton(self.tr("Rescan page"), self)
        self.rescan.setObjectName("rescanPage")
        self.rescan.setToolTip(self.tr("Scan the selected page again from the chosen scanner and replace it."))
        self.rescan.clicked.connect(self._rescan_clicked)
        self.insert = QToolButton(self)
        self.insert.setObjectName("insertPages")
        self.insert.setText(self.tr("Insert pages"))
        self.insert.setToolTip(self.tr("Add pages after the selected page (at the end when none is selected)."))
        self.insert.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.insert)
        self.insert_scan = menu.addAction(self.tr("From the scanner"))
        self.insert_scan.setObjectName("insertFromScanner")
        self.insert_scan.triggered.connect(lambda: self._insert_clicked("scan"))
        self.insert_files = menu.addAction(self.tr("From files…"))
        self.insert_files.setObjectName("insertFromFiles")
        self.insert_files.triggered.connect(lambda: self._insert_clicked("files"))
        self.insert.setMenu(menu)

        self.split_mode = QComboBox(self)
        self.split_mode.setObjectName("splitMode")
        self.split_mode.addItem(self.tr("One document"), SplitMode.NONE.value)
        self.split_mode.addItem(self.tr("At blank separator sheets"), SplitMode.BLANK_SHEET.value)
        self.split_mode.addItem(self.tr("At barcode/QR separator sheets"), SplitMode.BARCODE.value)
        self.split_mode.addItem(self.tr("Every N pages"), SplitMode.EVERY_N.value)
        self.split_mode.setToolTip(self.tr("How this batch is split into documents; “New document here” splits by "
                                           "hand as well."))
        self.split_every = QSpinBox(self)
        self.split_every.setObjectName("splitEvery")
        self.split_every.setRange(1, 999)
        self.split_every.setValue(2)
        self.split_every.setSuffix(self.tr(" page(s)"))
        self.split_every.setVisible(False)
        self.split_mode.currentIndexChanged.connect(self._rule_changed)
        self.split_every.valueChanged.connect(self._rule_changed)
        self.summary = QLabel(self)
        self.summary.setObjectName("stripSummary")

        edit_row = QHBoxLayout()
        for button in (self.rotate_left, self.rotate_right, self.delete, self.keep):
            edit_row.addWidget(button)
        edit_row.addStretch(1)
        document_row = QHBoxLayout()
        for w in (self.split_here, self.rescan, self.insert):
            document_row.addWidget(w)
        document_row.addStretch(1)
        split_row = QHBoxLayout()
        split_row.addWidget(QLabel(self.tr("Split the batch:"), self))
        split_row.addWidget(self.split_mode)
        split_row.addWidget(self.split_every)
        split_row.addStretch(1)
        split_row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(edit_row)
        layout.addLayout(document_row)
        layout.addLayout(split_row)
        layout.addWidget(self.list, 1)

        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.delete_selected),
            ("Ctrl+Left", lambda: self.rotate_selected(-90)),
            ("Ctrl+Right", lambda: self.rotate_selected(90)),
            ("Alt+Left", lambda: self.move_selected(-1)),
            ("Alt+Right", lambda: self.move_selected(1)),
            ("Ctrl+B", self._split_clicked),
        ):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._update_buttons()
        self._update_summary()

    # ---- content -----------------------------------------------------------------------------------------------
    def add_page(self, key: int, thumbnail: QImage, *, blank: bool = False, codes: tuple[str, ...] = (),
                 at: int | None = None) -> None:
        """Add a page at the end, or at row `at` (inserting more pages into the batch)."""
        entry = _Entry(key, thumbnail, blank, keep=False, codes=codes)
        self._entries[key] = entry
        item = QListWidgetItem()
        item.setData(KEY_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)  # drop between pages, never onto one
        if at is None or at >= self.list.count():
            self.list.addItem(item)
        else:
            self.list.insertItem(max(0, at), item)
        self._refresh()

    def replace_page(self, old: int, key: int, thumbnail: QImage, *, blank: bool = False,
                     codes: tuple[str, ...] = ()) -> bool:
        """A rescanned page takes the old one's place (and its "new document here" mark); False if `old` is gone."""
        item = self.item_of(old)
        previous = self._entries.pop(old, None)
        if item is None or previous is None:
            return False
        self._entries[key] = _Entry(key, thumbnail, blank, keep=False, codes=codes,
                                    break_before=previous.break_before)
        item.setData(KEY_ROLE, key)
        self._refresh()
        return True

    def set_codes(self, key: int, codes: tuple[str, ...]) -> None:
        """The barcodes/QR codes found on a page (read later, when the clerk splits at barcode separators)."""
        entry = self._entries.get(key)
        if entry is not None and entry.codes != codes:
            entry.codes = codes
            self._refresh()

    def clear(self) -> None:
        self.list.clear()
        self._entries.clear()
        self._refresh()

    def page_keys(self) -> list[int]:
        """Every page still in the strip, in the order shown."""
        return [int(self.list.item(i).data(KEY_ROLE)) for i in range(self.list.count())]

    def included(self) -> list[int]:
        """Every page that is part of some document, in order: no separators, blank pages only when kept."""
        return [k for doc in self.documents() for k in doc]

    def marks(self) -> list[PageMark]:
        return [PageMark(e.left_out, e.codes, e.break_before) for e in (self._entries[k] for k in self.page_keys())]

    def split(self) -> Split:
        return self._split

    def documents(self) -> list[list[int]]:
        """The pages of each document, in order (separators and left-out blank pages excluded)."""
        keys, marks = self.page_keys(), self.marks()
        return [[keys[i] for i in self._split.pages_of(d, marks)] for d in range(len(self._split.documents))]

    def current_document(self) -> list[int]:
        """The next document to register: the first one in the strip."""
        docs = self.documents()
        return docs[0] if docs else []

    def separators(self) -> list[int]:
        keys = self.page_keys()
        return [keys[i] for i in self._split.separators]

    def take_first_document(self) -> list[int]:
        """Remove the first document from the strip with every page before the next document (its left-out blank
        pages and the separator sheets after it); the keys removed, in order."""
        keys = self.page_keys()
        groups = self._split.documents
        end = groups[1][0] if len(groups) > 1 else len(keys)
        removed = keys[:end]
        for key in removed:
            item = self.item_of(key)
            if item is not None:
                self.list.takeItem(self.list.row(item))
            self._entries.pop(key, None)
        if removed:
            first = self.page_keys()[:1]
            if first:
                self._entries[first[0]].break_before = False
            self._refresh()
        return removed

    def rule(self) -> SplitRule:
        return self._rule

    def set_rule(self, rule: SplitRule) -> None:
        index = self.split_mode.findData(rule.mode.value)
        self.split_every.setValue(max(1, rule.every))
        self.split_mode.setCurrentIndex(max(0, index))
        self._rule = rule
        self._refresh()

    def rotation(self, key: int) -> int:
        return self._entries[key].rotation

    def is_blank(self, key: int) -> bool:
        return self._entries[key].blank

    def is_kept(self, key: int) -> bool:
        return self._entries[key].keep

    def is_separator(self, key: int) -> bool:
        return key in self.separators()

    def starts_document(self, key: int) -> bool:
        return self._entries[key].break_before

    def count(self) -> int:
        return self.list.count()

    def item_of(self, key: int) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if int(item.data(KEY_ROLE)) == key:
                return item
        return None

    def row_of(self, key: int) -> int:
        item = self.item_of(key)
        return -1 if item is None else self.list.row(item)

    def select(self, keys: list[int]) -> None:
        self.list.clearSelection()
        for key in keys:
            item = self.item_of(key)
            if item is not None:
                item.setSelected(True)

    def selected_keys(self) -> list[int]:
        """The selected pages in strip order."""
        chosen = {int(item.data(KEY_ROLE)) for item in self.list.selectedItems()}
        return [k for k in self.page_keys() if k in chosen]

    def move_page(self, key: int, row: int) -> None:
        """Programmatic reorder (keyboard users and tests); the same outcome as a drag."""
        item = self.item_of(key)
        if item is None:
            return
        taken = self.list.takeItem(self.list.row(item))
        self.list.insertItem(max(0, min(row, self.list.count())), taken)
        taken.setSelected(True)
        self._refresh()

    def move_selected(self, step: int) -> None:
        keys = self.selected_keys()
        if len(keys) != 1:
            return
        self.move_page(keys[0], self.row_of(keys[0]) + step)
        self.select(keys)

    def set_capturing(self, capturing: bool) -> None:
        """While pages stream in, rescan/insert wait (one capture at a time)."""
        self._capturing = capturing
        self._update_buttons()

    # ---- edits -------------------------------------------------------------------------------------------------
    def rotate_selected(self, degrees: int) -> None:
        keys = self.selected_keys()
        for key in keys:
            entry = self._entries[key]
            entry.rotation = (entry.rotation + degrees) % 360
        if keys:
            self._refresh()

    def delete_selected(self) -> None:
        keys = self.selected_keys()
        order = self.page_keys()
        for key in keys:
            entry = self._entries.pop(key, None)
            item = self.item_of(key)
            if item is not None:
                self.list.takeItem(self.list.row(item))
            if entry is not None and entry.break_before:  # the document still starts where it started
                later = [k for k in order[order.index(key) + 1:] if k in self._entries]
                if later:
                    self._entries[later[0]].break_before = True
        if keys:
            self._refresh()

    def set_rotation(self, key: int, degrees: int) -> None:
        """Put back a turn the clerk gave a page (a resumed batch)."""
        entry = self._entries.get(key)
        if entry is not None and entry.rotation != degrees % 360:
            entry.rotation = degrees % 360
            self._refresh()

    def toggle_keep(self, key: int) -> None:
        entry = self._entries.get(key)
        if entry is None or not entry.blank:
            return
        entry.keep = not entry.keep
        self._refresh()

    def set_break(self, key: int, on: bool = True) -> None:
        """Start (or stop starting) a new document at this page."""
        entry = self._entries.get(key)
        if entry is None or entry.break_before == on:
            return
        entry.break_before = on
        self._refresh()

    def _keep_clicked(self) -> None:
        for key in self.selected_keys():
            self.toggle_keep(key)

    def _split_clicked(self) -> None:
        keys = self.selected_keys()
        if keys:
            on = not all(self._entries[k].break_before for k in keys)
            for key in keys:
                self._entries[key].break_before = on
            self._refresh()

    def _rescan_clicked(self) -> None:
        keys = self.selected_keys()
        if len(keys) == 1:
            self.rescan_requested.emit(keys[0])

    def _insert_clicked(self, how: str) -> None:
        keys = self.selected_keys()
        self.insert_requested.emit(keys[-1] if keys else -1, how)

    def _moved(self, *_args: object) -> None:
        self._refresh()

    def _rule_changed(self) -> None:
        mode = SplitMode(self.split_mode.currentData() or SplitMode.NONE.value)
        self.split_every.setVisible(mode is SplitMode.EVERY_N)
        self._rule = SplitRule(mode, every=self.split_every.value())
        self._refresh()

    # ---- painting ----------------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        """Regroup the documents and repaint what changed; then tell the page."""
        self._split = split_marks(self.marks(), self._rule)
        keys = self.page_keys()
        separators = set(self._split.separators)
        starts = {group[0]: n for n, group in enumerate(self._split.documents, 1)} \
            if len(self._split.documents) > 1 else {}
        for row, key in enumerate(keys):
            item = self.list.item(row)
            self._paint(item, self._entries[key], row + 1, row in separators, starts.get(row))
        self._update_summary()
        self._update_buttons()
        self.changed.emit()

    def _paint(self, item: QListWidgetItem, entry: _Entry, number: int, separator: bool, document: int | None) -> None:
        state: tuple[object, ...] = (number, entry.rotation, entry.blank, entry.keep, separator, document)
        if entry.painted == state:
            return
        entry.painted = state
        image = entry.image.transformed(QTransform().rotate(entry.rotation)) if entry.rotation else entry.image
        pixmap = QPixmap.fromImage(image).scaled(
            self.list.iconSize(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor(150, 150, 150), 1))  # the sheet's edge: white paper on a white list
        painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
        if separator:
            painter.fillRect(pixmap.rect(), QColor(220, 220, 220, 170))
            painter.setPen(QPen(SEPARATOR_TINT, 3, Qt.PenStyle.DashLine))
            painter.drawRect(pixmap.rect().adjusted(2, 2, -2, -2))
        elif entry.blank:
            if entry.left_out:
                painter.fillRect(pixmap.rect(), QColor(255, 255, 255, 150))
            painter.setPen(QPen(BLANK_TINT, 4))
            painter.drawRect(pixmap.rect().adjusted(2, 2, -2, -2))
        if document is not None:  # a document starts here: a bar down the left edge
            painter.fillRect(0, 0, 6, pixmap.height(), DOCUMENT_TINT)
        painter.end()
        item.setIcon(QIcon(pixmap))
        if separator:
            text = self.tr("%1 · separator").replace("%1", str(number))
        elif entry.left_out:
            text = self.tr("%1 · blank, left out").replace("%1", str(number))
        elif entry.blank:
            text = self.tr("%1 · blank, kept").replace("%1", str(number))
        else:
            text = str(number)
        if document is not None:
            text = self.tr("Document %1").replace("%1", str(document)) + "\n" + text
        item.setText(text)
        if separator:
            tip = self.tr("Separator sheet: it belongs to no document and is discarded after registration")
        elif entry.blank:
            tip = self.tr("Blank page: double-click or press “Keep blank page” to keep it")
        else:
            tip = ""
        item.setToolTip(tip)
        item.setForeground(DOCUMENT_TINT if document is not None else (
            SEPARATOR_TINT if separator else (BLANK_TINT if entry.blank else QColor(0, 0, 0))))

    def _update_summary(self) -> None:
        total = len(self._entries)
        separators = set(self.separators())
        left_out = sum(1 for k, e in self._entries.items() if e.left_out and k not in separators)
        text = self.tr("%1 page(s)").replace("%1", str(total))
        documents = len(self._split.documents)
        if documents > 1:
            text += " — " + self.tr("%1 documents").replace("%1", str(documents))
        if left_out:
            text += " — " + self.tr("%1 blank left out").replace("%1", str(left_out))
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        keys = self.selected_keys()
        for button in (self.rotate_left, self.rotate_right, self.delete):
            button.setEnabled(bool(keys))
        blanks = [k for k in keys if self._entries[k].blank]
        self.keep.setEnabled(bool(blanks))
        self.keep.setChecked(bool(blanks) and all(self._entries[k].keep for k in blanks))
        self.split_here.setEnabled(bool(keys))
        self.split_here.setChecked(bool(keys) and all(self._entries[k].break_before for k in keys))
        self.rescan.setEnabled(len(keys) == 1 and not self._capturing)
        self.insert.setEnabled(not self._capturing)
