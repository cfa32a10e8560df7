""""Văn bản": the latest documents of the agency, incoming and outgoing, with a direction filter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Direction
from app.domain.model import Document
from app.ui.dialogs.register_check import RegisterCheckDialog
from app.ui.pages import labels
from app.ui.pages.common import PageEnv, document_id_at, fill_table, make_table

LIMIT = 500


class DocumentsPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.setObjectName("page-documents")
        self.heading = QLabel(self.tr("Documents"), self)
        self.heading.setObjectName("pageHeading")
        self.direction = QComboBox(self)
        self.direction.setObjectName("directionFilter")
        self.direction.addItem(self.tr("All documents"), None)
        self.direction.addItem(self.tr("Incoming"), Direction.INCOMING.value)
        self.direction.addItem(self.tr("Outgoing"), Direction.OUTGOING.value)
        self.direction.currentIndexChanged.connect(self.refresh)
        self.count = QLabel(self)
        self.table: QTableWidget = make_table(
            self,
            [
                self.tr("Number/notation"),
                self.tr("Date"),
                self.tr("Direction"),
                self.tr("Issuing agency"),
                self.tr("Summary"),
                self.tr("Urgency"),
                self.tr("Status"),
            ],
            stretch_column=4,
        )
        self.table.cellDoubleClicked.connect(self._open_row)
        self.check_file_button = QPushButton(self.tr("Check a file against the register…"), self)
        self.check_file_button.setObjectName("checkFileAgainstRegister")
        self.check_file_button.setToolTip(self.tr("Is a PDF you received the document of record? Compares its "
                                                  "signatures with the register and verifies them"))
        self.check_file_button.clicked.connect(lambda: self.check_file())

        bar = QHBoxLayout()
        bar.addWidget(self.heading)
        bar.addStretch(1)
        bar.addWidget(self.check_file_button)
        bar.addWidget(QLabel(self.tr("Show:"), self))
        bar.addWidget(self.direction)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.refresh()

    def refresh(self) -> None:
        value = self.direction.currentData()
        docs = self._env.services.documents.recent(Direction(value) if value else None, limit=LIMIT)
        fill_table(self.table, [(d.id, self._cells(d)) for d in docs])
        self.count.setText(self.tr("%n document(s)", "", len(docs)))

    @staticmethod
    def _cells(d: Document) -> list[str]:
        return [
            d.number_notation,
            labels.day(d.issued_date),
            labels.direction(d.direction),
            d.issuer_name,
            d.summary,
            labels.urgency(d.urgency),
            labels.state(d.state),
        ]

    def check_file(self, path: Path | None = None) -> RegisterCheckDialog | None:
        """Pick a PDF (unless given) and show whether it is the file the register holds, with its signatures."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Check a file against the register"), "",
                                                  self.tr("PDF files (*.pdf);;All files (*)"))
            if not name:
                return None
            path = Path(name)
        return RegisterCheckDialog.check_file(self._env, path, self)

    def first_document_id(self) -> str | None:
        return document_id_at(self.table, 0) if self.table.rowCount() else None

    def _open_row(self, row: int, _column: int) -> None:
        doc_id = document_id_at(self.table, row)
        if doc_id:
            self._env.open_document(doc_id)
