"""A table model over a registry book of any size: it knows the row count and fetches only the pages it paints.

Pages come from the registry service (two short indexed queries each); a small LRU of pages bounds memory however
far the clerk scrolls. Searches count up to a cap first and grow when the clerk scrolls past it (fetchMore), so a
common word never makes the box wait for an exact count of a million matches.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain.enums import Urgency
from app.domain.register_cells import cells
from app.domain.registers import RegisterForm
from app.domain.registry_query import RegistryQuery, RegistryRow

PageFetcher = Callable[[RegistryQuery, int, int], list[RegistryRow]]
Counter = Callable[[RegistryQuery, int | None], int]

URGENT_COLOUR = QColor("#b00020")
CANCELLED_COLOUR = QColor("#888888")
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
_CANCELLED_BRUSH = QBrush(CANCELLED_COLOUR)
_URGENT_BRUSH = QBrush(URGENT_COLOUR)


@cache
def _font(*, bold: bool = False, strike: bool = False) -> QFont:
    """Made once, after the application exists (a QFont needs it)."""
    font = QFont()
    font.setBold(bold)
    font.setStrikeOut(strike)
    return font


class RegistryTableModel(QAbstractTableModel):
    def __init__(
        self,
        form: RegisterForm,
        fetch: PageFetcher,
        count: Counter,
        *,
        english: bool = False,
        page_size: int = 200,
        max_pages: int = 64,
        search_cap: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._fetch = fetch
        self._count = count
        self._english = english
        self._page_size = page_size
        self._max_pages = max_pages
        self._search_cap = search_cap
        self._pages: OrderedDict[int, list[RegistryRow]] = OrderedDict()
        self._cells: dict[int, list[str]] = {}  # row → painted texts, dropped with their page
        self._keys = [c.key for c in form.columns]
        self._query: RegistryQuery | None = None
        self._rows = 0
        self._cap: int | None = None  # None: exact count; otherwise the count stopped at this many

    # ---- query ------------------------------------------------------------------------------------------------
    @property
    def query(self) -> RegistryQuery | None:
        return self._query

    def set_form(self, form: RegisterForm) -> None:
        self.beginResetModel()
        self._form = form
        self._keys = [c.key for c in form.columns]
        self._cells.clear()
        self.endResetModel()

    def set_query(self, query: RegistryQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._cells.clear()
        self._cap = None if query.is_plain else self._search_cap
        self._rows = self._count(query, self._cap)
        self.endResetModel()

    def refresh(self) -> None:
        if self._query is not None:
            self.set_query(self._query)

    @property
    def is_partial_count(self) -> bool:
        """True while a search result is counted only up to the cap ("5,000+")."""
        return self._cap is not None and self._rows >= self._cap

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and self.is_partial_count

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if self._query is None or self._cap is None:
            return
        self._cap *= 4
        total = self._count(self._query, self._cap)
        if total > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, total - 1)
            self._rows = total
            self.endInsertRows()

    # ---- Qt model -----------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._form.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            col = self._form.columns[section]
            return col.title_en if self._english else col.title_vi
        return None

    def row_at(self, row: int) -> RegistryRow | None:
        if self._query is None or not 0 <= row < self._rows:
            return None
        page_no = row // self._page_size
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch(self._query, page_no * self._page_size, self._page_size)
            self._pages[page_no] = page
            while len(self._pages) > self._max_pages:
                dropped, _ = self._pages.popitem(last=False)
                first = dropped * self._page_size
                for r in range(first, first + self._page_size):
                    self._cells.pop(r, None)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * self._page_size
        return page[offset] if offset < len(page) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            ROW_ID_ROLE,
            ROW_ROLE,
        ):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == ROW_ID_ROLE:
            return row.entry_id
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.cancelled:
                return _CANCELLED_BRUSH
            return _URGENT_BRUSH if row.urgency is not Urgency.NORMAL else None
        if role == Qt.ItemDataRole.FontRole:
            if row.cancelled:
                return _font(strike=True)
            return _font(bold=True) if row.urgency is not Urgency.NORMAL else None
        texts = self._cells.get(index.row())
        if texts is None:  # each visible cell is asked for several times per paint: format a row once
            by_key = cells(row)
            texts = [by_key.get(k, "") for k in self._keys]
            self._cells[index.row()] = texts
        return texts[index.column()]

    @property
    def cached_pages(self) -> int:
        return len(self._pages)
