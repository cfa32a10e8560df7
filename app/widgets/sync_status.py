"""The status bar's sync indicator: online/offline, what waits to be sent, what is in quarantine, the last sync.

`SyncStatus.watch(service)` subscribes to the SyncService; its callback runs on the sync thread, so it only emits a
signal, which Qt delivers on the UI thread (a queued connection across threads)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.domain.clock import VN_TZ
from app.services.exchange.sync import SyncService, SyncState

ONLINE_COLOR = "#2e7d32"
OFFLINE_COLOR = "#b00020"
UNKNOWN_COLOR = "#757575"


class SyncStatus(QWidget):
    state_arrived = Signal(object)  # SyncState, emitted from the sync thread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.dot = QLabel("●", self)
        self.dot.setObjectName("syncDot")
        self.text = QLabel(self)
        self.text.setObjectName("syncText")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.dot)
        layout.addWidget(self.text)
        # The UI words error codes (app.ui.messages); the integrator sets this, a widget does not import the UI.
        self.describe_error: Callable[[str, dict[str, str]], str] | None = None
        self.state_arrived.connect(self.show_state, Qt.ConnectionType.QueuedConnection)
        self.show_state(SyncState(online=None))

    def watch(self, service: SyncService) -> None:
        service.add_listener(self.state_arrived.emit)
        self.show_state(service.state())

    def show_state(self, state: SyncState) -> None:
        if state.online is None:
            color, head = UNKNOWN_COLOR, self.tr("Axis: not connected yet")
        elif state.online:
            color, head = ONLINE_COLOR, self.tr("Axis: online")
        else:
            color, head = OFFLINE_COLOR, self.tr("Axis: offline")
        if state.running:
            head += " · " + self.tr("syncing…")
        parts = [head, self.tr("to send: %1").replace("%1", str(state.queued))]
        if state.failed:
            parts.append(self.tr("refused: %1").replace("%1", str(state.failed)))
        if state.quarantined:
            parts.append(self.tr("quarantine: %1").replace("%1", str(state.quarantined)))
        if state.communes_not_collected:
            parts.append(self.tr("communes not collected: %1").replace("%1", str(state.communes_not_collected)))
        if state.last_sync is not None:
            parts.append(self.tr("last sync %1").replace("%1", state.last_sync.astimezone(VN_TZ).strftime("%H:%M")))
        self.dot.setStyleSheet(f"color: {color};")
        self.text.setText(" · ".join(parts))
        tip = self.tr("Messages queued for the provincial axis go out when the link works; nothing is lost offline.")
        if state.last_error:
            params = dict(state.last_error_params)
            tip = self.describe_error(state.last_error, params) if self.describe_error else state.last_error
        self.setToolTip(tip)
