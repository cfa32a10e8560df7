"""Correcting a register entry and cancelling its number: both need a reason, both leave before/after in the history.

The register is a record: a wrong line is corrected, never deleted, and a number once given is never reused (ND30 Art
15): cancelling keeps the line, marked, with the reason in the note.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import document_types
from app.domain.clock import VN_TZ
from app.domain.enums import RegistryKind, Urgency
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.domain.registry_query import RegistryRow
from app.ui.dialogs import error_label
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv

NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "—": no date

# The correctable fields each register shows (RegistryService.CORRECTABLE), in the order of the official columns.
FIELDS: dict[RegistryKind, tuple[str, ...]] = {
    RegistryKind.INCOMING: ("issuer", "number_notation", "doc_date", "doc_type", "summary", "urgency", "recipient",
                            "transferred_at", "note"),
    RegistryKind.OUTGOING: ("number_notation", "doc_date", "doc_type", "summary", "signer", "recipient",
                            "kept_copy_holder", "copies", "transferred_at", "note"),
}


def _qdate(value: date | datetime | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def _pydate(value: QDate) -> date | None:
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


class EntryCorrectionDialog(QDialog):
    """The entry's correctable fields, prefilled; only the fields changed are sent, with the reason."""

    def __init__(self, env: PageEnv, kind: RegistryKind, row: RegistryRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.row = row
        self.result_row: RegistryRow | None = None
        self.setObjectName("entryCorrectionDialog")
        self.setWindowTitle(self.tr("Correct entry no. %1").replace("%1", f"{row.number:02d}"))
        self.setMinimumWidth(560)
        self.fields: dict[str, QWidget] = {}
        captions = {
            "issuer": self.tr("Issuing agency:"),
            "number_notation": self.tr("Number/notation:"),
            "doc_date": self.tr("Document date:"),
            "doc_type": self.tr("Document type:"),
            "summary": self.tr("Summary:"),
            "urgency": self.tr("Urgency:"),
            "recipient": self.tr("Receiving unit:") if kind is RegistryKind.INCOMING else self.tr("Recipients:"),
            "signer": self.tr("Signed by:"),
            "kept_copy_holder": self.tr("Kept copy held by:"),
            "copies": self.tr("Copies:"),
            "transferred_at": self.tr("Transferred on:"),
            "note": self.tr("Note:"),
        }
        form = QFormLayout()
        for key in FIELDS.get(kind, FIELDS[RegistryKind.INCOMING]):
            widget = self._editor(key)
            widget.setObjectName(f"field-{key}")
            self.fields[key] = widget
            form.addRow(captions[key], widget)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Required: why the entry is corrected"))
        form.addRow(self.tr("Reason:"), self.reason)
        self.message = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save correction"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The entry keeps its number. The values before and after, and the reason, are kept in "
                              "its history."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _editor(self, key: str) -> QWidget:
        row = self.row
        if key in ("doc_date", "transferred_at"):
            edit = QDateEdit(self)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("—")
            edit.setDate(_qdate(row.doc_date if key == "doc_date" else row.transferred_at))
            return edit
        if key == "doc_type":
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems(document_types.names())
            combo.setCurrentText(row.doc_type)
            return combo
        if key == "urgency":
            combo = QComboBox(self)
            for u in Urgency:
                combo.addItem(labels.urgency(u), u)
            combo.setCurrentIndex(combo.findData(row.urgency))
            return combo
        if key == "copies":
            spin = QSpinBox(self)
            spin.setRange(0, 10_000)
            spin.setSpecialValueText("—")
            spin.setValue(row.copies or 0)
            return spin
        if key == "summary":
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setFixedHeight(64)
            text.setPlainText(row.summary)
            return text
        line = QLineEdit(self)
        line.setText(str(getattr(row, key) or ""))
        return line

    def value(self, key: str) -> Any:
        widget = self.fields[key]
        if isinstance(widget, QDateEdit):
            day = _pydate(widget.date())
            if key == "transferred_at":
                return datetime.combine(day, time(8, 0), VN_TZ) if day else None
            return day
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return Urgency(data) if key == "urgency" else widget.currentText().strip()
        if isinstance(widget, QSpinBox):
            return widget.value() or None
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText().strip()
        assert isinstance(widget, QLineEdit)
        return widget.text().strip()

    def changes(self) -> dict[str, Any]:
        """Only what differs from the entry (a transfer date compares by day)."""
        out: dict[str, Any] = {}
        for key in self.fields:
            new = self.value(key)
            old = getattr(self.row, key)
            if key == "transferred_at":
                same = (old.date() if old else None) == (new.date() if new else None)
            else:
                same = (old or None) == (new or None)
            if not same:
                out[key] = new
        return out

    def submit(self) -> None:
        changes = self.changes()
        if not changes:
            self._say(self.tr("Nothing was changed."))
            return
        try:
            self.result_row = self._env.services.registry.correct_entry(
                Actor.of(self._env.user), self.row.entry_id, changes, self.reason.text()
            )
        except DomainError as exc:
            self._say(describe(exc))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)


class CancelEntryDialog(QDialog):
    """Cancelling a number: the line stays in the book, marked cancelled, with the reason."""

    def __init__(self, env: PageEnv, row: RegistryRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.row = row
        self.setObjectName("cancelEntryDialog")
        self.setWindowTitle(self.tr("Cancel number %1").replace("%1", f"{row.number:02d}"))
        self.setMinimumWidth(480)
        text = QLabel(
            self.tr("Number %1 (%2) stays in the book, marked as cancelled; it is never given again. "
                    "The document is marked cancelled too.")
            .replace("%1", f"{row.number:02d}")
            .replace("%2", row.number_notation or row.summary[:60]),
            self,
        )
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Required: why the number is cancelled"))
        self.message = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel the number"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keep it"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        try:
            self._env.services.registry.cancel_entry(Actor.of(self._env.user), self.row.entry_id, self.reason.text())
        except DomainError as exc:
            self.message.setText(describe(exc))
            self.message.setVisible(True)
            return
        self.accept()
