"""Forms for a line of the postal dispatch register and of the kept-copy use register: add, correct (with a reason),
and the return date of a kept copy. Fields are pre-filled from an outgoing document when the clerk picks one."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import RegistryKind, Role
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.domain.register_logs import MAX_ENVELOPES, KeptCopyUse, KeptCopyUseForm, PostalDispatch, PostalDispatchForm
from app.domain.registry_query import RegistryQuery
from app.ui.dialogs import error_label
from app.ui.messages import describe
from app.ui.pages.common import PageEnv

RECENT_OUTGOING = 200


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RegisterLineDialog(QDialog):
    """Add a line, or correct one when `line` is given (then a reason is required and goes to the history)."""

    def __init__(
        self,
        env: PageEnv,
        kind: RegistryKind,
        line: PostalDispatch | KeptCopyUse | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._env = env
        self.kind = kind
        self.line = line
        self.result_line: PostalDispatch | KeptCopyUse | None = None
        self.setObjectName("registerLineDialog")
        postal = kind is RegistryKind.POSTAL_DISPATCH
        if line is None:
            title = self.tr("Record a postal dispatch") if postal else self.tr("Record the use of a kept copy")
        else:
            title = self.tr("Correct line no. %1").replace("%1", f"{line.number:02d}")
        self.setWindowTitle(title)
        self.resize(620, 0)
        today = env.services.ctx.clock().date()
        form = QFormLayout()

        self.document = QComboBox(self)
        self.document.setObjectName("documentChoice")
        self.document.addItem(self.tr("(not linked to a document)"), None)
        self.document_ids: list[str] = []
        if line is None:
            self._fill_documents()
            self.document.currentIndexChanged.connect(self._prefill)
            form.addRow(self.tr("Outgoing document"), self.document)
        self.date = QDateEdit(_qdate(today), self)
        self.date.setObjectName("lineDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setMaximumDate(_qdate(today))
        self.note = QLineEdit(self)
        self.note.setObjectName("lineNote")

        if postal:
            self.number_notation = QLineEdit(self)
            self.number_notation.setObjectName("numberNotation")
            self.number_notation.setPlaceholderText("45/QĐ-STTTT")
            self.recipients = QPlainTextEdit(self)
            self.recipients.setObjectName("recipients")
            self.recipients.setFixedHeight(70)
            self.envelopes = QSpinBox(self)
            self.envelopes.setObjectName("envelopes")
            self.envelopes.setRange(1, MAX_ENVELOPES)
            form.addRow(self.tr("Dispatch date"), self.date)
            form.addRow(self.tr("Number and notation"), self.number_notation)
            form.addRow(self.tr("Recipients"), self.recipients)
            form.addRow(self.tr("Envelopes"), self.envelopes)
        else:
            self.user_name = QComboBox(self)
            self.user_name.setObjectName("userName")
            self.user_name.setEditable(True)
            self.approved_by = QComboBox(self)
            self.approved_by.setObjectName("approvedBy")
            self.approved_by.setEditable(True)
            users = env.services.session.users()
            for user in users:
                self.user_name.addItem(user.full_name)
                if user.roles & {Role.LEADER, Role.DEPUTY}:
                    self.approved_by.addItem(user.full_name)
            self.user_name.setCurrentIndex(-1)
            self.number_notation_date = QLineEdit(self)
            self.number_notation_date.setObjectName("numberNotationDate")
            self.number_notation_date.setPlaceholderText("45/QĐ-STTTT, 05/03/2026")
            self.type_summary = QPlainTextEdit(self)
            self.type_summary.setObjectName("typeSummary")
            self.type_summary.setFixedHeight(60)
            self.dossier_code = QLineEdit(self)
            self.dossier_code.setObjectName("dossierCode")
            form.addRow(self.tr("Date of use"), self.date)
            form.addRow(self.tr("Used by"), self.user_name)
            form.addRow(self.tr("Number, notation and date"), self.number_notation_date)
            form.addRow(self.tr("Type and summary"), self.type_summary)
            form.addRow(self.tr("Dossier"), self.dossier_code)
            form.addRow(self.tr("Approved by"), self.approved_by)
        form.addRow(self.tr("Note"), self.note)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        if line is not None:
            form.addRow(self.tr("Reason for the correction"), self.reason)
            self._load(line)

        self.message = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    # ---- documents to pick from ----------------------------------------------------------------------------------
    def _fill_documents(self) -> None:
        """Recent entries of this year's outgoing books: what a clerk posts or lends is almost always among them."""
        services = self._env.services
        year = services.ctx.clock().year
        for book in services.registry.books(year):
            if book.kind is not RegistryKind.OUTGOING:
                continue
            for row in services.registry.page(RegistryQuery(book.id), 0, RECENT_OUTGOING):
                if row.cancelled:
                    continue
                self.document.addItem(f"{row.number_notation} — {row.summary[:70]}", row.document_id)

    def _prefill(self, index: int) -> None:
        document_id = self.document.itemData(index)
        if not document_id:
            return
        try:
            values = self._env.services.register_logs.prefill_from_document(str(document_id))
        except DomainError as exc:
            self._show(describe(exc))
            return
        if self.kind is RegistryKind.POSTAL_DISPATCH:
            self.number_notation.setText(values["number_notation"])
            self.recipients.setPlainText(values["recipients"])
        else:
            self.number_notation_date.setText(values["number_notation_date"])
            self.type_summary.setPlainText(values["type_summary"])

    def _load(self, line: PostalDispatch | KeptCopyUse) -> None:
        self.note.setText(line.note)
        if isinstance(line, PostalDispatch):
            self.date.setDate(_qdate(line.dispatched_on))
            self.number_notation.setText(line.number_notation)
            self.recipients.setPlainText(line.recipients)
            self.envelopes.setValue(line.envelopes)
        else:
            self.date.setDate(_qdate(line.used_on))
            self.user_name.setEditText(line.user_name)
            self.number_notation_date.setText(line.number_notation_date)
            self.type_summary.setPlainText(line.type_summary)
            self.dossier_code.setText(line.dossier_code)
            self.approved_by.setEditText(line.approved_by)

    # ---- saving ----------------------------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        common: dict[str, Any] = {"note": self.note.text()}
        if self.kind is RegistryKind.POSTAL_DISPATCH:
            return {**common, "dispatched_on": _pydate(self.date.date()),
                    "number_notation": self.number_notation.text(),
                    "recipients": self.recipients.toPlainText(), "envelopes": self.envelopes.value()}
        return {**common, "used_on": _pydate(self.date.date()), "user_name": self.user_name.currentText(),
                "number_notation_date": self.number_notation_date.text(),
                "type_summary": self.type_summary.toPlainText(), "approved_by": self.approved_by.currentText(),
                "dossier_code": self.dossier_code.text()}

    def save(self) -> None:
        services = self._env.services
        actor = Actor.of(self._env.user)
        values = self.values()
        try:
            if self.line is not None:
                changed = {k: v for k, v in values.items() if v != getattr(self.line, k)}
                if not changed:
                    self.reject()
                    return
                self.result_line = services.register_logs.correct(
                    actor, self.kind, self.line.id, changed, self.reason.text()
                )
            elif self.kind is RegistryKind.POSTAL_DISPATCH:
                form = PostalDispatchForm(document_id=self.document.currentData(), **values)
                self.result_line = services.register_logs.add_postal_dispatch(actor, form)
            else:
                kept = KeptCopyUseForm(document_id=self.document.currentData(), **values)
                self.result_line = services.register_logs.add_kept_copy_use(actor, kept)
        except DomainError as exc:
            self._show(describe(exc))
            return
        self.accept()

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)


class ReturnDateDialog(QDialog):
    """When a lent kept copy came back."""

    def __init__(self, env: PageEnv, line: KeptCopyUse, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.line = line
        self.setObjectName("returnDateDialog")
        self.setWindowTitle(self.tr("Kept copy returned"))
        today = env.services.ctx.clock().date()
        self.date = QDateEdit(_qdate(today), self)
        self.date.setObjectName("returnDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setMaximumDate(_qdate(today))
        self.message = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Returned on"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self._env.services.register_logs.mark_returned(
                Actor.of(self._env.user), self.line.id, _pydate(self.date.date())
            )
        except DomainError as exc:
            self.message.setText(describe(exc))
            self.message.setVisible(True)
            return
        self.accept()
