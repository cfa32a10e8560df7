""""Liên thông" for the clerk: the messages queued for the axis and the packages received from it, each with its
state, so nothing sent or received is invisible (issue 8 item 3). A failed message can be put back in the queue; any
message can be inspected (its reasons in words, and the start of the stored package)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import Actor
from app.store.exchange_repository import OutboxItem, OutboxState, Reason, ReceivedItem, ReceivedState
from app.ui.i18n import translate
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv, make_table, pin_to_ask_again

if TYPE_CHECKING:
    from app.services.exchange.usb import ExportResult, ImportResult

CONTEXT = "Messages page"
REFRESH_MS = 30_000
BAD_COLOR = "#b00020"
WAIT_COLOR = "#c25e00"

OUT_HEADERS = (
    str(QT_TRANSLATE_NOOP("Messages page", "Queued at")),
    str(QT_TRANSLATE_NOOP("Messages page", "Kind")),
    str(QT_TRANSLATE_NOOP("Messages page", "Recipient")),
    str(QT_TRANSLATE_NOOP("Messages page", "Document")),
    str(QT_TRANSLATE_NOOP("Messages page", "State")),
    str(QT_TRANSLATE_NOOP("Messages page", "Attempts")),
    str(QT_TRANSLATE_NOOP("Messages page", "Sent")),
    str(QT_TRANSLATE_NOOP("Messages page", "Last error")),
)
IN_HEADERS = (
    str(QT_TRANSLATE_NOOP("Messages page", "Received at")),
    str(QT_TRANSLATE_NOOP("Messages page", "Kind")),
    str(QT_TRANSLATE_NOOP("Messages page", "Sender")),
    str(QT_TRANSLATE_NOOP("Messages page", "Number/notation")),
    str(QT_TRANSLATE_NOOP("Messages page", "Summary")),
    str(QT_TRANSLATE_NOOP("Messages page", "State")),
    str(QT_TRANSLATE_NOOP("Messages page", "Reasons")),
)
OUT_STATES: dict[OutboxState, str] = {
    OutboxState.QUEUED: str(QT_TRANSLATE_NOOP("Messages page", "Waiting to be sent")),
    OutboxState.SENDING: str(QT_TRANSLATE_NOOP("Messages page", "Sending")),
    OutboxState.SENT: str(QT_TRANSLATE_NOOP("Messages page", "Delivered to the axis")),
    OutboxState.FAILED: str(QT_TRANSLATE_NOOP("Messages page", "Refused by the axis")),
}
USB_DELIVERED = str(QT_TRANSLATE_NOOP("Messages page", "Written to a USB package"))
IN_STATES: dict[ReceivedState, str] = {
    ReceivedState.RECEIVED: str(QT_TRANSLATE_NOOP("Messages page", "Being checked")),
    ReceivedState.REGISTERED: str(QT_TRANSLATE_NOOP("Messages page", "Registered")),
    ReceivedState.DUPLICATE: str(QT_TRANSLATE_NOOP("Messages page", "Already registered (duplicate)")),
    ReceivedState.QUARANTINED: str(QT_TRANSLATE_NOOP("Messages page", "Quarantined, refusal sent")),
    ReceivedState.REFUSED: str(QT_TRANSLATE_NOOP("Messages page", "Refused")),
    ReceivedState.APPLIED: str(QT_TRANSLATE_NOOP("Messages page", "Status recorded")),
}
STATUS_NAMES: dict[str, str] = {
    "01": str(QT_TRANSLATE_NOOP("Messages page", "Status: arrived")),
    "02": str(QT_TRANSLATE_NOOP("Messages page", "Status: refused")),
    "03": str(QT_TRANSLATE_NOOP("Messages page", "Status: accepted")),
    "04": str(QT_TRANSLATE_NOOP("Messages page", "Status: assigned")),
    "05": str(QT_TRANSLATE_NOOP("Messages page", "Status: in progress")),
    "06": str(QT_TRANSLATE_NOOP("Messages page", "Status: done")),
}


def tr(source: str) -> str:
    return translate(CONTEXT, source)


def reason_text(reason: Reason) -> str:
    return describe(DomainError(reason.code, **dict(reason.params)))


def out_kind(item: OutboxItem) -> str:
    if item.status_code is not None:
        return tr(STATUS_NAMES.get(item.status_code, "Status"))
    return tr("Document")


class MessagesPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.setObjectName("page-messages")
        self.outgoing: list[OutboxItem] = []
        self.incoming: list[ReceivedItem] = []

        heading = QLabel(self.tr("Exchange messages"), self)
        heading.setObjectName("pageHeading")
        self.summary = QLabel(self)
        self.summary.setObjectName("messagesSummary")
        self.retry_button = QPushButton(self.tr("Send again"), self)
        self.retry_button.setObjectName("retryMessage")
        self.retry_button.clicked.connect(self.retry_selected)
        self.inspect_button = QPushButton(self.tr("Inspect"), self)
        self.inspect_button.setObjectName("inspectMessage")
        self.inspect_button.clicked.connect(self.inspect_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        # No link at all: the queue leaves and packages arrive on a USB drive (issue 8 item 7).
        self.usb_export_button = QPushButton(self.tr("Export to USB…"), self)
        self.usb_export_button.setObjectName("usbExport")
        self.usb_export_button.clicked.connect(lambda: self.export_to_usb())
        # a drive lost or broken on the way: the same messages into a new package (the receiver takes each once)
        self.usb_again_button = QPushButton(self.tr("Write that USB package again…"), self)
        self.usb_again_button.setObjectName("usbExportAgain")
        self.usb_again_button.setToolTip(self.tr(
            "For a USB package that was lost or did not arrive: its messages are written again into a new package. "
            "The receiving office takes each message once, even if the first package turns up later."))
        self.usb_again_button.clicked.connect(lambda: self.export_again_to_usb())
        self.usb_import_button = QPushButton(self.tr("Import from USB…"), self)
        self.usb_import_button.setObjectName("usbImport")
        self.usb_import_button.clicked.connect(lambda: self.import_from_usb())
        self.usb_job: Job | None = None

        self.tabs = QTabWidget(self)
        self.out_table: QTableWidget = make_table(self, [tr(h) for h in OUT_HEADERS], stretch_column=7)
        self.out_table.setObjectName("outboxTable")
        self.in_table: QTableWidget = make_table(self, [tr(h) for h in IN_HEADERS], stretch_column=4)
        self.in_table.setObjectName("receivedTable")
        reasons = self.in_table.horizontalHeader()  # long reasons keep a readable width; the tooltip has them whole
        reasons.setSectionResizeMode(len(IN_HEADERS) - 1, QHeaderView.ResizeMode.Interactive)
        reasons.resizeSection(len(IN_HEADERS) - 1, 420)
        self.tabs.addTab(self.in_table, self.tr("Received"))
        self.tabs.addTab(self.out_table, self.tr("Outgoing"))
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self.out_table.itemSelectionChanged.connect(self._update_buttons)
        self.in_table.itemSelectionChanged.connect(self._update_buttons)
        self.in_table.cellDoubleClicked.connect(self._open_received)
        self.message = QLabel(self)
        self.message.setObjectName("messagesError")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {BAD_COLOR};")
        self.message.setVisible(False)
        self.usb_result = QLabel(self)
        self.usb_result.setObjectName("usbResult")
        self.usb_result.setWordWrap(True)
        self.usb_result.setVisible(False)

        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.inspect_button)
        bar.addWidget(self.retry_button)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.usb_export_button)
        bar.addWidget(self.usb_again_button)
        bar.addWidget(self.usb_import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.usb_result)
        from app.ui.pages.commune_relay import CommuneRelayRow  # a district's mail held for its communes (USB down)

        self.commune_relay = CommuneRelayRow(env, self)
        layout.addWidget(self.commune_relay)
        from app.ui.pages.pending_recalls import PendingRecallsRow  # senders asking for a document back (13)

        self.recalls = PendingRecallsRow(env, self)
        layout.addWidget(self.recalls)
        layout.addWidget(self.tabs, 1)
        from app.ui.pages.directory_refresh import DirectoryRefreshRow  # the clerk's "Refresh directory"

        self.directory_refresh = DirectoryRefreshRow(env, self)
        layout.addWidget(self.directory_refresh)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        exchange = self._env.services.exchange
        try:
            self.outgoing = exchange.outbox()
            self.incoming = exchange.received()
            sizes = exchange.queue_sizes()
            self.message.setVisible(False)
        except DomainError as exc:
            self.message.setText(describe(exc))
            self.message.setVisible(True)
            return
        self.summary.setText(self.tr("Waiting to be sent: %1 · refused by the axis: %2 · in quarantine: %3")
                             .replace("%1", str(sizes.queued)).replace("%2", str(sizes.failed))
                             .replace("%3", str(sizes.quarantined)))
        self._fill_out()
        self._fill_in()
        self._update_buttons()
        self.recalls.refresh()
        self.commune_relay.refresh()

    def _fill_out(self) -> None:
        self.out_table.setRowCount(len(self.outgoing))
        for row, item in enumerate(self.outgoing):
            color = BAD_COLOR if item.state is OutboxState.FAILED else \
                WAIT_COLOR if item.state is not OutboxState.SENT and item.attempts else None
            state = tr(USB_DELIVERED) if item.usb_package is not None else \
                tr(OUT_STATES[item.state])
            cells = [labels.moment(item.created_at), out_kind(item), item.recipient, item.edxml_document_id,
                     state, str(item.attempts), labels.moment(item.sent_at), item.last_error]
            self._put_row(self.out_table, row, cells, color, (4, 7))

    def _fill_in(self) -> None:
        self.in_table.setRowCount(len(self.incoming))
        for row, item in enumerate(self.incoming):
            color = BAD_COLOR if item.state in (ReceivedState.QUARANTINED, ReceivedState.REFUSED) else None
            kind = tr("Document") if item.kind.value == "edoc" else tr("Status")
            cells = [labels.moment(item.received_at), kind, item.sender, item.number_notation, item.subject,
                     tr(IN_STATES[item.state]), "; ".join(reason_text(r) for r in item.reasons)]
            self._put_row(self.in_table, row, cells, color, (5, 6))

    @staticmethod
    def _put_row(table: QTableWidget, row: int, cells: list[str], color: str | None,
                 colored: tuple[int, ...]) -> None:
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            if color is not None and column in colored:
                cell.setForeground(QBrush(QColor(color)))
            table.setItem(row, column, cell)

    def _selected(self, table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        return rows[0].row() if rows else None

    def selected_outgoing(self) -> OutboxItem | None:
        row = self._selected(self.out_table)
        return self.outgoing[row] if row is not None and self.tabs.currentWidget() is self.out_table else None

    def selected_incoming(self) -> ReceivedItem | None:
        row = self._selected(self.in_table)
        return self.incoming[row] if row is not None and self.tabs.currentWidget() is self.in_table else None

    def _update_buttons(self) -> None:
        out = self.selected_outgoing()
        self.retry_button.setEnabled(out is not None and out.state is not OutboxState.SENT)
        self.usb_again_button.setEnabled(out is not None and out.usb_package is not None
                                         and (self.usb_job is None or not self.usb_job.running))
        self.inspect_button.setEnabled(out is not None or self.selected_incoming() is not None)

    def retry_selected(self) -> None:
        item = self.selected_outgoing()
        if item is None:
            return
        try:
            self._env.services.exchange.retry(self._actor, item.id)
        except DomainError as exc:
            self.message.setText(describe(exc))
            self.message.setVisible(True)
            return
        self.refresh()

    def inspect_text(self) -> str:
        """What "Inspect" shows: the facts of the selected message, its reasons in words, and the package's start."""
        out, received = self.selected_outgoing(), self.selected_incoming()
        lines: list[str] = []
        if out is not None:
            lines += [f"{tr('Message id')}: {out.message_id}", f"{tr('Recipient')}: {out.recipient}",
                      f"{tr('Document')}: {out.edxml_document_id}", f"{tr('State')}: {tr(OUT_STATES[out.state])}",
                      f"{tr('Axis DocId')}: {out.axis_doc_id or '-'}", f"{tr('Last error')}: {out.last_error or '-'}"]
            if out.description:
                lines.append(f"{tr('Description')}: {out.description}")
            sha = out.payload_sha256
        elif received is not None:
            lines += [f"{tr('Sender')}: {received.sender}", f"{tr('Document')}: {received.edxml_document_id}",
                      f"{tr('State')}: {tr(IN_STATES[received.state])}",
                      f"{tr('Axis DocId')}: {received.axis_doc_id or '-'}"]
            lines += [f"• {reason_text(r)}" for r in received.reasons]
            sha = received.package_sha256
        else:
            return ""
        try:
            package = self._env.services.exchange.package_text(sha, limit=4000)
        except DomainError as exc:
            package = describe(exc)
        return "\n".join(lines) + "\n\n" + package

    def inspect_selected(self) -> None:
        text = self.inspect_text()
        if not text:
            return
        box = QMessageBox(self)
        box.setObjectName("inspectDialog")
        box.setWindowTitle(self.tr("Exchange message"))
        box.setText(text.split("\n\n", 1)[0])
        view = QPlainTextEdit(text.split("\n\n", 1)[-1], box)
        view.setReadOnly(True)
        box.setDetailedText(view.toPlainText())
        box.open()

    def _open_received(self, row: int, _column: int) -> None:
        item = self.incoming[row] if 0 <= row < len(self.incoming) else None
        if item is not None and item.document_id:
            self._env.open_document(item.document_id)

    # ---- USB packages --------------------------------------------------------------------------------------------
    def export_again_to_usb(self, folder: str | None = None) -> Job | None:
        """Write the messages of the selected message's USB package again, into a new package."""
        out = self.selected_outgoing()
        package = out.usb_package if out is not None else None
        if package is None:
            return None
        return self.export_to_usb(folder, again=package)

    def export_to_usb(self, folder: str | None = None, error: DomainError | None = None, *,
                      again: str | None = None) -> Job | None:
        """Write the queue (or, `again`, the messages of that earlier package) into a signed package folder on the
        chosen drive; the agency's token signs it."""
        from app.ui.dialogs.pin import PinDialog

        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB drive or folder to write to"))
        if not folder:
            return None
        signing = self._env.services.signing
        purpose = self.tr("Sign the USB package of the messages waiting to be sent with the agency's certificate.")
        try:
            pin = PinDialog.ask_organisation(self, signing, self._actor, purpose, error=error)
        except DomainError as exc:
            self.message.setText(describe(exc))
            self.message.setVisible(True)
            return None
        if pin is None:
            return None
        services, actor, target = self._env.services, self._actor, Path(folder)

        def work(_ctx: JobContext) -> ExportResult:
            from app.services.bundle import make_usb
            from app.services.exchange.usb import TokenXmlSigner

            usb = make_usb(services)
            signer = TokenXmlSigner.open(signing, pin)
            if again is not None:
                return usb.export_again(actor, again, target, signer)
            return usb.export(actor, target, signer)

        def done(result: ExportResult) -> str:
            return self.tr("%n message(s) written to %1. Take the drive to the receiving office.", "",
                           result.messages).replace("%1", str(result.folder))

        return self._run_usb("exchange.usb_export", work, done,
                             retry=lambda e: self.export_to_usb(folder, e, again=again))

    def import_from_usb(self, folder: str | None = None) -> Job | None:
        """Check a package folder and receive what it carries, as if the axis had delivered it."""
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB package folder (vanthu-…)"))
        if not folder:
            return None
        services, actor, source = self._env.services, self._actor, Path(folder)

        def work(_ctx: JobContext) -> ImportResult:
            from app.services.bundle import make_usb

            return make_usb(services).import_package(actor, source)

        def done(r: ImportResult) -> str:
            parts = [self.tr("%n document(s) received", "", r.registered),
                     self.tr("%n already had", "", r.already_had)]
            if r.statuses:
                parts.append(self.tr("%n status(es) recorded", "", r.statuses))
            if r.quarantined:
                parts.append(self.tr("%n quarantined", "", r.quarantined))
            if r.forwarded:
                parts.append(self.tr("%n queued for other agencies", "", r.forwarded))
            if r.already_forwarded:
                parts.append(self.tr("%n for other agencies already queued", "", r.already_forwarded))
            return self.tr("Package from %1: %2.").replace("%1", r.sender).replace("%2", ", ".join(parts))

        return self._run_usb("exchange.usb_import", work, done)

    def _run_usb(self, name: str, work: Callable[[JobContext], Any], done: Callable[[Any], str],
                 retry: Callable[[DomainError], object] | None = None) -> Job:
        self.usb_export_button.setEnabled(False)
        self.usb_again_button.setEnabled(False)
        self.usb_import_button.setEnabled(False)
        self.usb_result.setVisible(False)
        job = self._env.jobs.run(name, work)
        self.usb_job = job

        def succeeded(result: object) -> None:
            self.usb_result.setText(done(result))
            self.usb_result.setVisible(True)
            self.refresh()

        def failed(text: str) -> None:
            error = pin_to_ask_again(job.error)
            if retry is not None and error is not None:
                retry(error)
                return
            self.refresh()  # (it hides the error line: show the error after it)
            self.message.setText(text)
            self.message.setVisible(True)

        def finished() -> None:
            self.usb_export_button.setEnabled(True)
            self.usb_import_button.setEnabled(True)
            self._update_buttons()

        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.finished.connect(finished)
        return job
