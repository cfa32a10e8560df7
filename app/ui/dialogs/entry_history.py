"""The history of one register entry, read from the hash-chained audit log: who registered, corrected or cancelled it,
when, why, and what the values were before and after."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import as_vn
from app.domain.model import AuditEvent
from app.domain.registry_query import RegistryRow
from app.ui.pages.common import PageEnv


class HistoryDialog(QDialog):
    """The audit events of one line of any register."""

    def __init__(
        self, env: PageEnv, number: int, heading_text: str, events: list[AuditEvent], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entryHistoryDialog")
        self.setWindowTitle(self.tr("History of entry no. %1").replace("%1", f"{number:02d}"))
        self.resize(820, 360)
        self.events = events
        names = {u.username: u.full_name for u in env.services.session.users()}
        heading = QLabel(f"<b>{number:02d}</b> — {heading_text}", self)
        heading.setWordWrap(True)
        self.table = QTableWidget(len(self.events), 4, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Details")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for r, event in enumerate(self.events):
            user = names.get(event.actor, event.actor)
            for c, text in enumerate((_moment(event.at), user, self.action(event.action), self.details(event))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """Row heights follow the wrapped details only once the columns have their final widths."""
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def action(self, code: str) -> str:
        words = {
            "register.postal_add": self.tr("Dispatch recorded"),
            "register.kept_copy_add": self.tr("Use recorded"),
            "register.kept_copy_return": self.tr("Returned"),
            "register.correct": self.tr("Corrected"),
            "register.cancel": self.tr("Line cancelled"),
            "registry.register": self.tr("Registered"),
            "registry.register_incoming": self.tr("Registered on arrival"),
            "registry.allocate_outgoing": self.tr("Number given"),
            "registry.correct": self.tr("Corrected"),
            "registry.cancel": self.tr("Number cancelled"),
            "registry.revoked": self.tr("Revoked by the sender"),
            "registry.replaced": self.tr("Replaced"),
            "registry.recalled": self.tr("Recalled by the sender"),
        }
        return words.get(code, code)

    def details(self, event: AuditEvent) -> str:
        """Reason first, then each changed field as "field: before → after"."""
        try:
            data: dict[str, Any] = json.loads(event.details)
        except ValueError:
            return event.details
        parts: list[str] = []
        if data.get("reason"):
            parts.append(self.tr("Reason: %1").replace("%1", str(data["reason"])))
        before = data.get("before") or {}
        after = data.get("after") or {}
        for key in after:
            parts.append(f"{self.field(key)}: {_plain(before.get(key))} → {_plain(after.get(key))}")
        if event.action.startswith("registry.register") or event.action == "registry.allocate_outgoing":
            if data.get("number") is not None:
                parts.append(self.tr("Number %1 in %2").replace("%1", f"{int(data['number']):02d}")
                             .replace("%2", str(data.get("book", ""))))
            if data.get("duplicate_confirmed"):
                parts.append(self.tr("registered although a document with the same number exists"))
        return "\n".join(parts)

    def field(self, key: str) -> str:
        words = {
            "issuer": self.tr("Issuing agency"),
            "number_notation": self.tr("Number/notation"),
            "doc_date": self.tr("Document date"),
            "doc_type": self.tr("Document type"),
            "summary": self.tr("Summary"),
            "urgency": self.tr("Urgency"),
            "recipient": self.tr("Recipient"),
            "signer": self.tr("Signed by"),
            "kept_copy_holder": self.tr("Kept copy held by"),
            "copies": self.tr("Copies"),
            "transferred_at": self.tr("Transferred on"),
            "note": self.tr("Note"),
            "dispatched_on": self.tr("Dispatch date"),
            "recipients": self.tr("Recipients"),
            "envelopes": self.tr("Envelopes"),
            "used_on": self.tr("Date of use"),
            "user_name": self.tr("Used by"),
            "number_notation_date": self.tr("Number, notation and date"),
            "type_summary": self.tr("Type and summary"),
            "approved_by": self.tr("Approved by"),
            "dossier_code": self.tr("Dossier"),
        }
        return words.get(key, key)


class EntryHistoryDialog(HistoryDialog):
    """The history of an entry of the incoming or outgoing book."""

    def __init__(self, env: PageEnv, row: RegistryRow, parent: QWidget | None = None) -> None:
        events = env.services.registry.history(row.entry_id)
        super().__init__(env, row.number, f"{row.number_notation} — {row.summary}", events, parent)


def _moment(iso: str) -> str:
    try:
        return as_vn(datetime.fromisoformat(iso)).strftime("%d/%m/%Y %H:%M:%S")
    except ValueError:
        return iso


def _plain(value: object) -> str:
    """Dates as dd/mm/yyyy, nothing as an em dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return datetime.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return str(value)
