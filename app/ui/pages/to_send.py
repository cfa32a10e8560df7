""""Chờ gửi": issued (numbered and sealed) documents waiting to be sent, with how long each has waited. Seed Art 10.2:
send the day it is signed, at the latest the next working morning — so a document signed today and still here at
closing time is flagged orange, and one still here after 12:00 of the next working day is red "late" (issue 7 item 7).
The list refreshes itself every minute, so a flag appears without anyone pressing a key."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain.errors import DomainError
from app.domain.model import Actor
from app.domain.workflow import ToSendItem
from app.ui.i18n import translate
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import DOCUMENT_ID_ROLE, PageEnv, document_id_at, make_table

CONTEXT = "ToSend"
REFRESH_MS = 60_000
LATE_COLOR = "#b00020"
CLOSE_COLOR = "#c25e00"

HEADERS = (
    str(QT_TRANSLATE_NOOP("ToSend", "Number/notation")),
    str(QT_TRANSLATE_NOOP("ToSend", "Summary")),
    str(QT_TRANSLATE_NOOP("ToSend", "Signed")),
    str(QT_TRANSLATE_NOOP("ToSend", "Issued")),
    str(QT_TRANSLATE_NOOP("ToSend", "Waited")),
    str(QT_TRANSLATE_NOOP("ToSend", "Send by")),
    str(QT_TRANSLATE_NOOP("ToSend", "Status")),
)
WAITED_COLUMN = 4
STATUS_COLUMN = 6


def tr(source: str, n: int = -1) -> str:
    return translate(CONTEXT, source, n)


def waited_text(waited: timedelta) -> str:
    """"3 days 2 h" / "2 h 15 min" / "5 min": calendar time since the document was issued."""
    minutes = max(0, int(waited.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return tr("%n day(s)", days) + (" " + tr("%1 h").replace("%1", str(hours)) if hours else "")
    if hours:
        return tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{mins:02d}")
    return tr("%1 min").replace("%1", str(mins))


def status_of(item: ToSendItem) -> tuple[str, str | None]:
    """The status text and its colour: late (red) over not-sent-by-closing-time (orange) over waiting."""
    if item.late:
        text, color = tr("Late: not sent by the next working morning"), LATE_COLOR
    elif item.not_sent_by_close:
        text, color = tr("Not sent by closing time on the day of signing"), CLOSE_COLOR
    else:
        text, color = tr("Waiting to be sent today"), None
    if item.paper_only:
        text += " · " + tr("paper only (secret or restricted)")
    return text, color


class ToSendPage(QWidget):
    sent = Signal(str)  # a document was queued for sending: the main window starts a sync at once
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.setObjectName("page-to-send")
        self.items: list[ToSendItem] = []

        heading = QLabel(self.tr("To send"), self)
        heading.setObjectName("pageHeading")
        self.explain = QLabel(
            self.tr(
                "Send a signed document the day it is signed, at the latest by 12:00 of the next working day. "
                "Orange: not sent by closing time on the day of signing; red: late."
            ),
            self,
        )
        self.explain.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("sendDocument")
        self.send_button.setEnabled(False)
        self.send_button.setToolTip(
            self.tr("Send the selected document through the provincial axis to every recipient agency of its draft.")
        )
        self.send_button.clicked.connect(self.send_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.table: QTableWidget = make_table(self, [tr(h) for h in HEADERS], stretch_column=1)
        self.table.setObjectName("toSendTable")
        self.table.cellDoubleClicked.connect(self._open_row)
        self.table.itemSelectionChanged.connect(
            lambda: self.send_button.setEnabled(self.current_document_id() is not None)
        )
        self.count = QLabel(self)
        self.count.setObjectName("toSendCount")
        self.message = QLabel(self)
        self.message.setObjectName("toSendMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {LATE_COLOR};")
        self.message.setVisible(False)

        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.send_button)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.explain)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

        self.timer = QTimer(self)
        self.timer.setObjectName("toSendTimer")
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        keep = self.current_document_id()
        try:
            self.items = self._env.services.workflow.to_send(self._actor)
            self.message.setVisible(False)
        except DomainError as exc:
            self.items = []
            self.message.setText(describe(exc))
            self.message.setVisible(True)
        self._fill()
        if keep is not None:
            for row, item in enumerate(self.items):
                if item.document_id == keep:
                    self.table.selectRow(row)
        late = sum(1 for i in self.items if i.late)
        text = self.tr("%n document(s) waiting", "", len(self.items))
        if late:
            text += " · " + self.tr("%n late", "", late)
        self.count.setText(text)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            status, color = status_of(item)
            cells = [
                item.number_notation,
                item.summary,
                labels.moment(item.signed_at),
                labels.moment(item.sealed_at),
                waited_text(item.waited),
                labels.moment(item.send_by),
                status,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setData(DOCUMENT_ID_ROLE, item.document_id)
                if column == 1:
                    cell.setToolTip(text)
                if color is not None and column in (WAITED_COLUMN, STATUS_COLUMN):
                    cell.setForeground(QBrush(QColor(color)))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, column, cell)
        if self.items and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def send_selected(self) -> list[object] | None:
        """Queue the package for each recipient agency (the outbox goes at the next sync, also when offline now)."""
        document_id = self.current_document_id()
        if document_id is None:
            return None
        services = self._env.services
        try:
            draft = services.issuing.get(document_id)
            codes = [r.agency_code for r in draft.recipients if r.agency_code]
            queued = services.exchange.send_issued(self._actor, document_id, codes)
        except DomainError as exc:
            self._show_message(describe(exc), error=True)
            return None
        self._show_message(tr("Queued for %n recipient agency(ies); it leaves at the next sync.", len(queued)))
        self.sent.emit(document_id)
        self.refresh()
        return list(queued)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {LATE_COLOR};" if error else "")
        self.message.setText(text)
        self.message.setVisible(True)

    def current_document_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return document_id_at(self.table, rows[0].row()) if rows else None

    def _open_row(self, row: int, _column: int) -> None:
        doc_id = document_id_at(self.table, row)
        if doc_id:
            self._env.open_document(doc_id)
