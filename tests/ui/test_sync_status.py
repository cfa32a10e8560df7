"""The status bar's sync indicator follows the SyncService's state, also when it changes on another thread."""

from __future__ import annotations

import threading
from datetime import datetime

from pytestqt.qtbot import QtBot

from app.domain.clock import VN_TZ
from app.services.exchange.sync import SyncState
from app.widgets.sync_status import OFFLINE_COLOR, ONLINE_COLOR, SyncStatus


def test_online_offline_queue_sizes_and_last_sync_are_shown(qtbot: QtBot) -> None:
    widget = SyncStatus()
    qtbot.addWidget(widget)
    widget.show_state(SyncState(online=True, queued=3, quarantined=1,
                                last_sync=datetime(2026, 11, 24, 9, 5, tzinfo=VN_TZ)))
    assert ONLINE_COLOR in widget.dot.styleSheet()
    assert "3" in widget.text.text() and "09:05" in widget.text.text() and "1" in widget.text.text()

    widget.describe_error = lambda code, params: f"worded {code} {params.get('operation', '')}"
    offline = SyncState(online=False, queued=4, last_error="axis.unreachable",
                        last_error_params=(("operation", "sendEdoc"),))
    thread = threading.Thread(target=widget.state_arrived.emit, args=(offline,))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: OFFLINE_COLOR in widget.dot.styleSheet())
    assert "4" in widget.text.text()
    assert widget.toolTip() == "worded axis.unreachable sendEdoc"


def test_a_district_sees_the_communes_whose_mail_was_not_collected(qtbot: QtBot) -> None:
    widget = SyncStatus()
    qtbot.addWidget(widget)
    widget.describe_error = lambda code, params: f"worded {code} {params.get('code', '')}"
    widget.show_state(SyncState(online=True, communes_not_collected=1, last_error="exchange.commune_no_credentials",
                                last_error_params=(("code", "000.01.31.H27"),)))
    assert ONLINE_COLOR in widget.dot.styleSheet()
    assert "communes not collected: 1" in widget.text.text()
    assert widget.toolTip() == "worded exchange.commune_no_credentials 000.01.31.H27"
