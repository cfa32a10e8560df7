"""What every page gets from the main window, and the read-only table the list pages share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import User
from app.services.bundle import Services
from app.settings import Settings
from app.ui.jobs import JobRunner

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PIN_ERRORS = frozenset({"token.pin_incorrect", "token.pin_required"})  # the token work is offered again with the PIN


def pin_to_ask_again(error: object) -> DomainError | None:
    """A failed job's error when it is a wrong or missing PIN (the work is then offered again with the PIN dialog)."""
    return error if isinstance(error, DomainError) and error.code in PIN_ERRORS else None


@dataclass(frozen=True)
class PageEnv:
    """Collaborators a page needs; passed in, never looked up."""

    settings: Settings
    services: Services
    user: User
    jobs: JobRunner
    open_document: Callable[[str], Any]


def make_table(parent: QWidget, headers: Sequence[str], stretch_column: int) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return table


def fill_table(table: QTableWidget, rows: Sequence[tuple[str | None, Sequence[str]]]) -> None:
    """Rows are (document id, cell texts); the id rides on the first cell so a double-click can open it."""
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, (doc_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0 and doc_id is not None:
                item.setData(DOCUMENT_ID_ROLE, doc_id)
            table.setItem(r, c, item)
    if rows and rows[0][0] is not None:
        table.selectRow(0)  # lists of documents: Enter/double-click is one step away


def document_id_at(table: QTableWidget, row: int) -> str | None:
    item = table.item(row, 0)
    value = item.data(DOCUMENT_ID_ROLE) if item is not None else None
    return str(value) if value else None


def list_with_footer(parent: QWidget, table: QTableWidget, count: QLabel, more: QPushButton) -> QWidget:
    """A long list as the inbox and My tasks show it: the table, then its count on the left and "Show more" on the
    right (lists load a page at a time)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(table, 1)
    foot = QHBoxLayout()
    foot.addWidget(count)
    foot.addStretch(1)
    foot.addWidget(more)
    layout.addLayout(foot)
    return box
