"""Urgent arrivals reach the signed-in leader: the watcher polls the inbox off the UI thread, announces each Khẩn /
Thượng khẩn / Hỏa tốc document once (in the tray, or in a banner over the window when there is no tray), beeps
when the user wants sound, and stays quiet for normal documents and for users without an inbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.clock import vn_now
from app.domain.enums import Direction, DocumentState
from app.services.bundle import Booted
from app.ui.notifications import NotificationSettings, UrgentWatcher
from tests.ui.test_tasks_page import Office, open_office


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    for made in open_office(booted, tmp_path):
        made.clock.now = vn_now()
        yield made


def registered(office: Office, urgent: bool) -> list[str]:
    docs = office.services.documents.recent(Direction.INCOMING, limit=200)
    return [d.id for d in docs if d.state is DocumentState.REGISTERED and d.urgency.is_urgent == urgent]


def poll(qtbot: QtBot, watcher: UrgentWatcher) -> None:
    before = watcher.polls
    assert watcher.poll_now() is not None
    qtbot.waitUntil(lambda: watcher.polls == before + 1)


def watcher_for(qtbot: QtBot, office: Office, username: str = "giamdoc") -> tuple[QWidget, UrgentWatcher]:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    return window, UrgentWatcher(office.env(username), window)


def test_each_urgent_arrival_is_announced_once_with_a_sound(qtbot: QtBot, office: Office, language: str) -> None:
    clerk, leader = office.actor("vanthu"), office.users["giamdoc"].id
    urgent, normal = registered(office, True), registered(office, False)
    assert len(urgent) >= 2
    _window, watcher = watcher_for(qtbot, office)
    counts: list[int] = []
    watcher.count_changed.connect(counts.append)
    arrived: list[object] = []
    watcher.urgent_arrived.connect(arrived.append)

    poll(qtbot, watcher)
    assert watcher.announced == [] and counts == [0]

    office.services.workflow.present(clerk, normal[:2], leader)
    poll(qtbot, watcher)
    assert watcher.announced == [] and counts == [0, 2]  # normal documents: no alarm

    office.services.workflow.present(clerk, urgent[:1], leader)
    poll(qtbot, watcher)
    assert len(watcher.announced) == 1 and watcher.sounds == 1 and len(arrived) == 1
    title, text = watcher.announced[0]
    assert "1" in title
    number = office.services.documents.get(urgent[0]).number_notation
    assert number in text
    assert watcher.channel in ("tray", "banner")
    if watcher.channel == "banner":
        assert watcher.banner is not None and watcher.banner.isVisible()
        assert number in watcher.banner.text.text()
        requested: list[bool] = []
        watcher.inbox_requested.connect(lambda: requested.append(True))
        watcher.banner.open_button.click()
        assert requested == [True] and not watcher.banner.isVisible()

    poll(qtbot, watcher)
    assert len(watcher.announced) == 1  # already announced: not again

    watcher.settings.sound = False
    office.services.workflow.present(clerk, urgent[1:2], leader)
    poll(qtbot, watcher)
    assert len(watcher.announced) == 2 and watcher.sounds == 1  # silent, as asked
    assert counts[-1] == 4
    assert not NotificationSettings(office.settings, "giamdoc").sound  # remembered for the next session


def test_the_first_look_announces_urgent_documents_already_waiting(
    qtbot: QtBot, office: Office, language: str
) -> None:
    urgent = registered(office, True)
    office.services.workflow.present(office.actor("vanthu"), urgent, office.users["giamdoc"].id)
    _window, watcher = watcher_for(qtbot, office)
    watcher.start()
    assert watcher.timer.isActive()
    qtbot.waitUntil(lambda: watcher.polls == 1)
    assert len(watcher.announced) == 1  # one notification for all of them
    title, text = watcher.announced[0]
    assert str(len(urgent)) in title and text.count("\n") == min(len(urgent), 4) - 1  # three shown, "… and N more"
    watcher.stop()
    assert not watcher.timer.isActive()


def test_users_without_an_inbox_are_not_watched(qtbot: QtBot, office: Office, language: str) -> None:
    _window, watcher = watcher_for(qtbot, office, "chuyenvien")
    watcher.start()
    assert not watcher.enabled and not watcher.timer.isActive() and watcher.poll_now() is None
