"""On the Exchange page: the incoming documents whose senders asked for them back (status 13) and got no answer yet.
The answer itself (agree 15 / refuse 16) is given on the document's view; this list is how the clerk finds them
without opening every document. Hidden while nothing waits."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.services.exchange.changes import DocumentChangeService, RecallRequest
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv

WAIT_COLOR = "#c25e00"
VISIBLE_ROWS = 4  # the list stays small; it scrolls past that


class PendingRecallsRow(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._service = DocumentChangeService(env.services.ctx)
        self.setObjectName("pendingRecalls")
        self.requests: list[RecallRequest] = []

        self.heading = QLabel(self)
        self.heading.setObjectName("pendingRecallsHeading")
        self.heading.setStyleSheet(f"color: {WAIT_COLOR}; font-weight: 600;")
        self.list = QListWidget(self)
        self.list.setObjectName("pendingRecallsList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # a long line: its tooltip
        self.list.setUniformItemSizes(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_button())
        self.open_button = QPushButton(self.tr("Open document to answer"), self)
        self.open_button.setObjectName("openRecallDocument")
        self.open_button.setToolTip(self.tr("Agree (the document is marked recalled) or refuse with a reason on "
                                            "the document's view."))
        self.open_button.clicked.connect(lambda: self.open_selected())

        side = QVBoxLayout()
        side.addWidget(self.open_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        if parent is not None:
            parent.installEventFilter(self)
        self.setVisible(False)  # until the owning page's refresh fills it (both pages refresh as they open)

    def refresh(self) -> None:
        was = self.selected()
        try:
            requests = self._service.pending_recalls()
            lines = [self._line(r) for r in requests]  # (the line, its tooltip)
        except DomainError as exc:
            self.requests = []
            self.list.clear()
            self.heading.setText(describe(exc))
            self.setVisible(True)
            return
        self.requests = requests
        ids = [r.document_id for r in requests]
        self.list.clear()
        for line, tip in lines:
            item = QListWidgetItem(line, self.list)
            item.setToolTip(tip)
        if ids:  # the same request stays selected across the page's refreshes
            self.list.setCurrentRow(ids.index(was.document_id) if was is not None and was.document_id in ids else 0)
        self.heading.setText(self.tr("Recall requests waiting for an answer (%1)").replace("%1",
                                                                                        str(len(self.requests))))
        height = max(self.list.sizeHintForRow(0), self.list.fontMetrics().height() + 4) if self.requests else 0
        self.list.setFixedHeight(height * min(len(self.requests), VISIBLE_ROWS) + 2 * self.list.frameWidth())
        self._update_button()
        self.setVisible(bool(self.requests))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Show:
            self.refresh()  # back on the page after answering on the document's view: the answered one goes
        return super().eventFilter(watched, event)

    def _line(self, request: RecallRequest) -> tuple[str, str]:
        """The document by its number (the reason stays readable in a narrow window); the summary in the tooltip."""
        doc = self._env.services.documents.get(request.document_id)
        who = f"{doc.issuer_name} ({request.agency_code})" if doc.issuer_name else request.agency_code
        line = self.tr("%1 · %2 — asked back by %3: %4").replace("%1", labels.moment(request.at)) \
            .replace("%2", doc.number_notation or doc.summary[:60]).replace("%3", who).replace("%4", request.reason)
        return line, f"{line}\n{doc.summary}"

    def selected(self) -> RecallRequest | None:
        row = self.list.currentRow()
        return self.requests[row] if 0 <= row < len(self.requests) else None

    def _update_button(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def open_selected(self) -> bool:
        request = self.selected()
        if request is None:
            return False
        self._env.open_document(request.document_id)
        return True
