"""The page review strip of the intake page: thumbnails in capture order that the clerk reorders by drag, turns,
deletes, and whose blank pages are left out unless the clerk keeps them (blank pages are flagged, never dropped).

The widget knows pages only by an integer key and a small thumbnail; the page images stay with the intake page. What
it answers is the document the clerk wants: `included()` (keys in order), `rotation(key)` (extra clockwise turn).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

KEY_ROLE = Qt.ItemDataRole.UserRole + 10
THUMB_HEIGHT = 180
BLANK_TINT = QColor(176, 0, 32)


@dataclass
class _Entry:
    key: int
    image: QImage
    blank: bool
    keep: bool  # a blank page the clerk chose to keep
    rotation: int = 0  # clockwise, 0/90/180/270


def to_qimage(array: npt.NDArray[np.uint8]) -> QImage:
    """A deep-copied QImage of an 8-bit grey (H×W) or RGB (H×W×3) array."""
    data = np.ascontiguousarray(array)
    h, w = data.shape[:2]
    if data.ndim == 2:
        image = QImage(data.data, w, h, data.strides[0], QImage.Format.Format_Grayscale8)
    else:
        image = QImage(data.data, w, h, data.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


class PageStrip(QWidget):
    """Thumbnails with rotate / delete / keep-blank buttons; `changed` fires on any edit the document depends on."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: dict[int, _Entry] = {}
        self.list = QListWidget(self)
        self.list.setObjectName("pageStrip")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB_HEIGHT * 3 // 4, THUMB_HEIGHT))
        self.list.setGridSize(QSize(THUMB_HEIGHT * 3 // 4 + 24, THUMB_HEIGHT + 44))
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
        self.rotate_left.clicked.connect(lambda: self.rotate_selected(-90))
        self.rotate_right = QPushButton(self.tr("Rotate right"), self)
        self.rotate_right.setObjectName("rotateRight")
        self.rotate_right.clicked.connect(lambda: self.rotate_selected(90))
        self.delete = QPushButton(self.tr("Delete"), self)
        self.delete.setObjectName("deletePage")
        self.delete.clicked.connect(self.delete_selected)
        self.keep = QPushButton(self.tr("Keep blank page"), self)
        self.keep.setObjectName("keepBlank")
        self.keep.setCheckable(True)
        self.keep.setToolTip(self.tr("Blank pages are left out of the document; keep the selected one after all."))
        self.keep.clicked.connect(self._keep_clicked)
        self.summary = QLabel(self)
        self.summary.setObjectName("stripSummary")

        buttons = QHBoxLayout()
        for button in (self.rotate_left, self.rotate_right, self.delete, self.keep):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self._update_buttons()
        self._update_summary()

    # ---- content -----------------------------------------------------------------------------------------------
    def add_page(self, key: int, thumbnail: QImage, *, blank: bool = False) -> None:
        entry = _Entry(key, thumbnail, blank, keep=False)
        self._entries[key] = entry
        item = QListWidgetItem()
        item.setData(KEY_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)  # drop between pages, never onto one
        self.list.addItem(item)
        self._paint(item, entry)
        self._update_summary()
        self.changed.emit()

    def clear(self) -> None:
        self.list.clear()
        self._entries.clear()
        self._update_summary()
        self._update_buttons()
        self.changed.emit()

    def page_keys(self) -> list[int]:
        """Every page still in the strip, in the order shown."""
        return [int(self.list.item(i).data(KEY_ROLE)) for i in range(self.list.count())]

    def included(self) -> list[int]:
        """The pages of the document, in order: blank pages only when kept."""
        return [k for k in self.page_keys() if not self._entries[k].blank or self._entries[k].keep]

    def rotation(self, key: int) -> int:
        return self._entries[key].rotation

    def is_blank(self, key: int) -> bool:
        return self._entries[key].blank

    def is_kept(self, key: int) -> bool:
        return self._entries[key].keep

    def count(self) -> int:
        return self.list.count()

    def item_of(self, key: int) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if int(item.data(KEY_ROLE)) == key:
                return item
        return None

    def select(self, keys: list[int]) -> None:
        self.list.clearSelection()
        for key in keys:
            item = self.item_of(key)
            if item is not None:
                item.setSelected(True)

    def selected_keys(self) -> list[int]:
        return [int(item.data(KEY_ROLE)) for item in self.list.selectedItems()]

    def move_page(self, key: int, row: int) -> None:
        """Programmatic reorder (keyboard users and tests); the same outcome as a drag."""
        item = self.item_of(key)
        if item is None:
            return
        taken = self.list.takeItem(self.list.row(item))
        self.list.insertItem(max(0, min(row, self.list.count())), taken)
        self._renumber()
        self.changed.emit()

    # ---- edits -------------------------------------------------------------------------------------------------
    def rotate_selected(self, degrees: int) -> None:
        for item in self.list.selectedItems():
            entry = self._entries[int(item.data(KEY_ROLE))]
            entry.rotation = (entry.rotation + degrees) % 360
            self._paint(item, entry)
        if self.list.selectedItems():
            self.changed.emit()

    def delete_selected(self) -> None:
        items = self.list.selectedItems()
        for item in items:
            self._entries.pop(int(item.data(KEY_ROLE)), None)
            self.list.takeItem(self.list.row(item))
        if items:
            self._renumber()
            self._update_summary()
            self.changed.emit()

    def toggle_keep(self, key: int) -> None:
        entry = self._entries.get(key)
        if entry is None or not entry.blank:
            return
        entry.keep = not entry.keep
        item = self.item_of(key)
        if item is not None:
            self._paint(item, entry)
        self._update_summary()
        self._update_buttons()
        self.changed.emit()

    def _keep_clicked(self) -> None:
        for key in self.selected_keys():
            self.toggle_keep(key)

    def _moved(self, *_args: object) -> None:
        self._renumber()
        self.changed.emit()

    # ---- painting ----------------------------------------------------------------------------------------------
    def _renumber(self) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            entry = self._entries.get(int(item.data(KEY_ROLE)))
            if entry is not None:
                self._paint(item, entry)

    def _paint(self, item: QListWidgetItem, entry: _Entry) -> None:
        image = entry.image.transformed(QTransform().rotate(entry.rotation)) if entry.rotation else entry.image
        pixmap = QPixmap.fromImage(image).scaled(
            self.list.iconSize(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        left_out = entry.blank and not entry.keep
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor(150, 150, 150), 1))  # the sheet's edge: white paper on a white list
        painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
        if entry.blank:
            if left_out:
                painter.fillRect(pixmap.rect(), QColor(255, 255, 255, 150))
            painter.setPen(QPen(BLANK_TINT, 4))
            painter.drawRect(pixmap.rect().adjusted(2, 2, -2, -2))
        painter.end()
        item.setIcon(QIcon(pixmap))
        number = self.list.row(item) + 1
        if left_out:
            text = self.tr("%1 · blank, left out").replace("%1", str(number))
        elif entry.blank:
            text = self.tr("%1 · blank, kept").replace("%1", str(number))
        else:
            text = str(number)
        item.setText(text)
        item.setToolTip(self.tr("Blank page: double-click or press “Keep blank page” to keep it")
                        if entry.blank else "")
        item.setForeground(BLANK_TINT if entry.blank else QColor(0, 0, 0))

    def _update_summary(self) -> None:
        total = len(self._entries)
        left_out = sum(1 for e in self._entries.values() if e.blank and not e.keep)
        text = self.tr("%1 page(s)").replace("%1", str(total))
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
