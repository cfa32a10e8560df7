"""The document view's "Exchange" box: the document's exchange history (statuses sent and received), and the
changes a sent document allows — Revoke…, Update…, Replace…, Recall… (BussinessDocType 1–3, status 13) — or, on
an incoming document whose sender asked for it back, the answer to that recall (15 agree / 16 refuse)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Direction, DocumentState, Urgency
from app.domain.errors import DomainError
from app.domain.model import Actor, Document
from app.services.exchange.changes import DocumentChangeService, DocumentUpdate
from app.ui.i18n import translate
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv

SENT_STATES = (DocumentState.SENT, DocumentState.ACKNOWLEDGED)
CONTEXT = "ExchangeChangesBox"
STATUS_NAMES = {  # §5.5
    "01": QT_TRANSLATE_NOOP("ExchangeChangesBox", "arrived"),
    "02": QT_TRANSLATE_NOOP("ExchangeChangesBox", "refused"),
    "03": QT_TRANSLATE_NOOP("ExchangeChangesBox", "registered"),
    "04": QT_TRANSLATE_NOOP("ExchangeChangesBox", "assigned"),
    "05": QT_TRANSLATE_NOOP("ExchangeChangesBox", "in progress"),
    "06": QT_TRANSLATE_NOOP("ExchangeChangesBox", "done"),
    "13": QT_TRANSLATE_NOOP("ExchangeChangesBox", "recall requested"),
    "15": QT_TRANSLATE_NOOP("ExchangeChangesBox", "recall / change agreed"),
    "16": QT_TRANSLATE_NOOP("ExchangeChangesBox", "recall / change refused"),
}


class UpdateDialog(QDialog):
    """Corrected metadata for an update (the signed file stays the same) and the reason."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Update the sent document"))
        self.summary = QLineEdit(doc.summary, self)
        self.summary.setObjectName("updateSummary")
        self.urgency = QComboBox(self)
        for value in Urgency:
            self.urgency.addItem(labels.urgency(value), value.value)
        self.urgency.setCurrentIndex(list(Urgency).index(doc.urgency))
        self.signer = QLineEdit(doc.signer_name or "", self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("updateReason")
        self.reason.setPlaceholderText(self.tr("Required: what was wrong"))
        form = QFormLayout()
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Urgency"), self.urgency)
        form.addRow(self.tr("Signed by"), self.signer)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The recipients get the corrected details; the signed file stays the same."),
                                self))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._doc = doc

    def changes(self) -> DocumentUpdate:
        urgency = Urgency(self.urgency.currentData())
        return DocumentUpdate(
            summary=self.summary.text() if self.summary.text() != self._doc.summary else None,
            urgency=urgency if urgency is not self._doc.urgency else None,
            signer_name=self.signer.text() if self.signer.text() != (self._doc.signer_name or "") else None,
        )


class ExchangeChangesBox(QGroupBox):
    changed = Signal(str)  # something was queued for the axis: a sync may start at once

    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Exchange"))
        self.setObjectName("exchangeChangesBox")
        self._env = env
        self._actor = Actor.of(env.user)
        self._service = DocumentChangeService(env.services.ctx)
        self.doc: Document | None = None
        self.history = QLabel(self)
        self.history.setObjectName("exchangeHistory")
        self.history.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("exchangeMessage")
        self.message.setWordWrap(True)
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.setToolTip(self.tr("Withdraw the sent document from every recipient (thu hồi)."))
        self.update_button = QPushButton(self.tr("Update…"), self)
        self.update_button.setToolTip(self.tr("Send corrected details of the sent document (cập nhật)."))
        self.replace_button = QPushButton(self.tr("Replace…"), self)
        self.replace_button.setToolTip(self.tr("Send another issued document in place of this one (thay thế)."))
        self.recall_button = QPushButton(self.tr("Recall…"), self)
        self.recall_button.setToolTip(self.tr("Ask the recipients to give the document back (lấy lại)."))
        self.agree_button = QPushButton(self.tr("Agree to recall"), self)
        self.refuse_button = QPushButton(self.tr("Refuse recall…"), self)
        self.revoke_button.clicked.connect(lambda: self.revoke())
        self.update_button.clicked.connect(lambda: self.update_details())
        self.replace_button.clicked.connect(lambda: self.replace())
        self.recall_button.clicked.connect(lambda: self.recall())
        self.agree_button.clicked.connect(lambda: self.answer_recall(True))
        self.refuse_button.clicked.connect(lambda: self.answer_recall(False))
        self.sender_actions = (self.revoke_button, self.update_button, self.replace_button, self.recall_button)
        self.receiver_actions = (self.agree_button, self.refuse_button)
        buttons = QHBoxLayout()
        for b in (*self.sender_actions, *self.receiver_actions):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.history)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def show_for(self, doc: Document) -> None:
        self.doc = doc
        self.message.clear()
        try:
            history = self._env.services.exchange.status_history(doc.id)
            sent = self._service.sent_info(doc.id) if doc.direction is Direction.OUTGOING else None
            recall = self._service.pending_recall(doc.id) if doc.direction is Direction.INCOMING else None
        except DomainError as exc:
            self.history.setText(describe(exc))
            self.setVisible(True)
            return
        lines = []
        for h in history:
            arrow = "→" if h.direction == "sent" else "←"
            name = translate(CONTEXT, str(STATUS_NAMES[h.status_code])) if h.status_code in STATUS_NAMES else ""
            lines.append(f"{labels.moment(h.at)} {arrow} {h.agency_code}: {h.status_code} {name}"
                         + (f" — {h.description}" if h.description else ""))
        self.history.setText("\n".join(lines) or self.tr("No exchange status yet."))
        can_change = sent is not None and doc.state in SENT_STATES
        for b in self.sender_actions:
            b.setVisible(can_change)
        for b in self.receiver_actions:
            b.setVisible(recall is not None)
        if recall is not None:
            self.message.setText(self.tr("%1 asks to recall this document: %2")
                                 .replace("%1", recall.agency_code).replace("%2", recall.reason))
        self.setVisible(bool(history) or can_change or recall is not None)

    # ---- actions (each takes its input as arguments too, so tests need no dialogs) ------------------------------
    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label)
        return text if ok else None

    def revoke(self, reason: str | None = None) -> bool:
        if self.doc is None:
            return False
        reason = reason if reason is not None else self._ask(
            self.tr("Revoke the document"), self.tr("Why is the document revoked? The recipients read the reason."))
        if reason is None:
            return False
        doc_id = self.doc.id
        return self._run(lambda: self._service.revoke(self._actor, doc_id, reason),
                         self.tr("Revocation queued for every recipient."))

    def update_details(self, changes: DocumentUpdate | None = None, reason: str | None = None) -> bool:
        if self.doc is None:
            return False
        if changes is None or reason is None:
            dialog = UpdateDialog(self.doc, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            changes, reason = dialog.changes(), dialog.reason.text()
        doc_id, update, why = self.doc.id, changes, reason
        return self._run(lambda: self._service.update(self._actor, doc_id, update, why),
                         self.tr("Update queued for every recipient."))

    def replace(self, new_document_id: str | None = None, reason: str | None = None) -> bool:
        if self.doc is None:
            return False
        if new_document_id is None:
            try:
                ready = self._env.services.workflow.to_send(self._actor)
            except DomainError as exc:
                self.message.setText(describe(exc))
                return False
            if not ready:
                self.message.setText(self.tr("No issued document is waiting to be sent to replace this one."))
                return False
            names = [f"{i.number_notation} — {i.summary}" for i in ready]
            choice, ok = QInputDialog.getItem(self, self.tr("Replace the document"),
                                              self.tr("The issued document that replaces it:"), names, 0, False)
            if not ok:
                return False
            new_document_id = ready[names.index(choice)].document_id
        if reason is None:
            reason = self._ask(self.tr("Replace the document"), self.tr("Why is the document replaced?"))
            if reason is None:
                return False
        doc_id, new_id, why = self.doc.id, new_document_id, reason
        return self._run(lambda: self._service.replace(self._actor, doc_id, new_id, why),
                         self.tr("The replacing document is queued for every recipient."))

    def recall(self, reason: str | None = None) -> bool:
        if self.doc is None:
            return False
        reason = reason if reason is not None else self._ask(
            self.tr("Recall the document"), self.tr("Why do you ask for the document back?"))
        if reason is None:
            return False
        doc_id = self.doc.id
        return self._run(lambda: self._service.request_recall(self._actor, doc_id, reason),
                         self.tr("Recall request queued; the answer appears in the history."))

    def answer_recall(self, agree: bool, reason: str | None = None) -> bool:
        if self.doc is None:
            return False
        if not agree and reason is None:
            reason = self._ask(self.tr("Refuse the recall"), self.tr("Why is the recall refused?"))
            if reason is None:
                return False
        doc_id, why = self.doc.id, reason or ""
        return self._run(lambda: self._service.answer_recall(self._actor, doc_id, agree, why),
                         self.tr("Answer queued for the sender."))

    def _run(self, call: object, done: str) -> bool:
        assert callable(call) and self.doc is not None
        doc_id = self.doc.id
        try:
            call()
        except DomainError as exc:
            self.message.setText(describe(exc))
            return False
        self.changed.emit(doc_id)
        try:
            self.show_for(self._env.services.documents.get(doc_id))
        except DomainError as exc:
            self.message.setText(describe(exc))
            return True
        self.message.setText(done)
        return True
