""""Sổ văn bản đến" / "Sổ văn bản đi": the entries of one registry book in a plain table.

Kept deliberately simple (the newest entries, up to LIMIT); the lazy million-row registry view replaces this module.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from app.domain.enums import RegistryKind
from app.domain.errors import DomainError
from app.domain.model import RegistryBook
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv, document_id_at, fill_table, make_table

LIMIT = 500


class RegistryBookPage(QWidget):
    def __init__(self, env: PageEnv, kind: RegistryKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.kind = kind
        self.setObjectName(f"page-registry-{kind.value}")
        title = self.tr("Incoming register") if kind is RegistryKind.INCOMING else self.tr("Outgoing register")
        self.heading = QLabel(title, self)
        self.heading.setObjectName("pageHeading")
        self.book = QComboBox(self)
        self.book.setObjectName("bookChooser")
        self.book.currentIndexChanged.connect(self._load_entries)
        self.count = QLabel(self)
        recipient = self.tr("Receiving unit") if kind is RegistryKind.INCOMING else self.tr("Recipients")
        self.table: QTableWidget = make_table(
            self,
            [
                self.tr("No."),
                self.tr("Registered"),
                self.tr("Number/notation"),
                self.tr("Issuing agency"),
                self.tr("Summary"),
                recipient,
            ],
            stretch_column=4,
        )
        self.table.cellDoubleClicked.connect(self._open_row)
        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Book:"), self))
        bar.addWidget(self.book)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.refresh()

    def refresh(self) -> None:
        current = self.book.currentData()
        books = [b for b in self._env.services.registry.books() if b.kind is self.kind]
        books.sort(key=lambda b: (-b.year, b.confidential, b.name))
        self.book.blockSignals(True)
        self.book.clear()
        for b in books:
            self.book.addItem(self._book_title(b), b.id)
        index = self.book.findData(current) if current is not None else 0
        self.book.setCurrentIndex(max(index, 0))
        self.book.blockSignals(False)
        self._load_entries()

    @staticmethod
    def _book_title(book: RegistryBook) -> str:
        return f"{book.name} — {book.year}"

    def _load_entries(self) -> None:
        book_id = self.book.currentData()
        if book_id is None:
            fill_table(self.table, [])
            self.count.setText(self.tr("No registry book for this year yet."))
            return
        services = self._env.services
        rows: list[tuple[str | None, list[str]]] = []
        try:
            for e in services.registry.entries(int(book_id), limit=LIMIT):
                d = services.documents.get(e.document_id)
                summary = d.summary if not e.cancelled else self.tr("[cancelled] %1").replace("%1", d.summary)
                rows.append((d.id, [str(e.number), labels.day(e.registered_at), d.number_notation, d.issuer_name,
                                    summary, e.recipient]))
        except DomainError as exc:
            self.count.setText(describe(exc))
            return
        fill_table(self.table, rows)
        self.count.setText(self.tr("%n entry(ies)", "", len(rows)))

    def _open_row(self, row: int, _column: int) -> None:
        doc_id = document_id_at(self.table, row)
        if doc_id:
            self._env.open_document(doc_id)
