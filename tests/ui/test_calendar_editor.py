"""The administrator's working calendar: a year's days off and make-up working days, and the office hours; what is
saved is what the deadlines use."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from app.services.bundle import Booted
from app.ui.dialogs.calendar_editor import CalendarEditorDialog
from app.ui.pages.admin import AdminPage
from tests.ui.test_tasks_page import Office, open_office


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    yield from open_office(booted, tmp_path)


_pages: list[AdminPage] = []  # the dialog is the page's child: keep the page alive for the test


def editor(qtbot: QtBot, office: Office) -> CalendarEditorDialog:
    admin = AdminPage(office.env("quantri"))
    _pages[:] = [admin]
    qtbot.addWidget(admin)
    qtbot.mouseClick(admin.calendar_button, Qt.MouseButton.LeftButton)
    dialog = admin.findChild(CalendarEditorDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_built_in_year_is_shown_and_a_government_swap_is_saved(
    qtbot: QtBot, office: Office, language: str
) -> None:
    dialog = editor(qtbot, office)
    assert dialog.year.value() == 2026  # the clock's year
    assert date(2026, 2, 16) in dialog.days_off  # Tết Bính Ngọ
    assert date(2026, 1, 10) in dialog.working_days  # the make-up Saturday
    assert dialog.off_table.rowCount() == len(dialog.days_off) and not dialog.reset_button.isEnabled()

    dialog.year.setValue(2027)  # no built-in table: the statutory holidays
    assert date(2027, 4, 30) in dialog.days_off and not dialog.working_days
    assert dialog.add_day(date(2027, 5, 4), working=False)  # Tue off (Mon 03/05 already compensates 01/05) ...
    assert dialog.add_day(date(2027, 5, 15), working=True)  # ... made up on Sat 15/05
    dialog.note.setText("Thông báo hoán đổi ngày làm việc dịp 30/4-1/5/2027")
    assert dialog.save_year() and dialog.saved_text.text()
    assert dialog.reset_button.isEnabled()

    saved = office.services.workflow.year_calendars()[2027]
    assert date(2027, 5, 4) in saved.days_off and saved.working_days == frozenset({date(2027, 5, 15)})
    cal = office.services.workflow.calendar()
    assert not cal.is_working_day(date(2027, 5, 4)) and cal.is_working_day(date(2027, 5, 15))

    assert dialog.delete_year()
    assert 2027 not in office.services.workflow.year_calendars()
    assert date(2027, 5, 4) not in dialog.days_off


def test_a_day_of_another_year_or_in_both_lists_is_refused_with_a_message(
    qtbot: QtBot, office: Office, language: str
) -> None:
    dialog = editor(qtbot, office)
    before = set(dialog.days_off)
    assert not dialog.add_day(date(2025, 12, 31), working=False)
    assert dialog.message.isVisible() and "2025" in dialog.message.text()
    assert not dialog.add_day(date(2026, 2, 16), working=True)  # already a day off
    assert dialog.message.isVisible() and dialog.days_off == before


def test_office_hours_are_saved_and_bad_hours_refused(qtbot: QtBot, office: Office, language: str) -> None:
    dialog = editor(qtbot, office)
    assert dialog.morning_from.time() == QTime(7, 30) and dialog.afternoon_to.time() == QTime(17, 0)
    dialog.afternoon_from.setTime(QTime(13, 0))
    dialog.afternoon_to.setTime(QTime(16, 30))
    assert dialog.save_hours()
    hours = office.services.workflow.calendar().hours
    assert hours.sessions[-1] == (time(13, 0), time(16, 30))

    dialog.morning_to.setTime(QTime(7, 0))  # ends before it starts
    assert not dialog.save_hours()
    assert dialog.message.isVisible()
    assert office.services.workflow.calendar().hours.closes == time(16, 30)  # unchanged
