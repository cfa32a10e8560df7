"""The fields of an arrival that the register dialog and the intake page both ask for, built one way."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from app.domain import document_types
from app.domain.enums import Urgency
from app.ui.pages import labels


@dataclass(frozen=True)
class IncomingFields:
    number: QLineEdit
    issued: QDateEdit
    doc_type: QComboBox
    summary: QPlainTextEdit
    urgency: QComboBox


def make_incoming_fields(parent: QWidget, today: date, *, summary_height: int) -> IncomingFields:
    number = QLineEdit(parent)
    number.setObjectName("numberNotation")
    number.setPlaceholderText(QCoreApplication.translate("IncomingFields", "e.g. 45/QĐ-UBND"))
    issued = QDateEdit(parent)
    issued.setObjectName("issuedDate")
    issued.setDisplayFormat("dd/MM/yyyy")
    issued.setCalendarPopup(True)
    issued.setDate(QDate(today.year, today.month, today.day))
    doc_type = QComboBox(parent)
    doc_type.setObjectName("docType")
    doc_type.addItems(document_types.names())
    doc_type.setCurrentText("Công văn")
    summary = QPlainTextEdit(parent)
    summary.setObjectName("summary")
    summary.setTabChangesFocus(True)
    summary.setFixedHeight(summary_height)
    urgency = QComboBox(parent)
    urgency.setObjectName("urgency")
    for u in Urgency:
        urgency.addItem(labels.urgency(u), u)
    return IncomingFields(number, issued, doc_type, summary, urgency)
