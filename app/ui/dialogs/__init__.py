"""Dialogs the pages open for one task each: registering an arrival, correcting or cancelling an entry, reading its
history. Each takes the page's environment, does its work through the services and words errors with describe()."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #b00020;"


def error_label(parent: QWidget) -> QLabel:
    """The hidden red line under a form where a described error appears."""
    label = QLabel(parent)
    label.setObjectName("dialogMessage")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(False)
    return label
