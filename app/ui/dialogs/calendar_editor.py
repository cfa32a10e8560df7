"""The administrator's working calendar: per year, the days the offices close (holidays, Tết, the Government's swaps)
and the make-up working days; and the agency's office hours. Deadlines in working days, the same-day sending rule and
"after hours counts from the next session" all read these (standards §8, issue 7 item 5).

A year without the agency's own table shows what the app uses anyway — the built-in table, or the statutory
holidays of the `holidays` package — so the administrator edits from the real list rather than from nothing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import BUILTIN_YEARS, OfficeHours, YearCalendar
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.ui.dialogs import error_label
from app.ui.i18n import translate
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv, fill_table, make_table

CONTEXT = "CalendarEditor"
WEEKDAYS = (
    str(QT_TRANSLATE_NOOP("CalendarEditor", "Monday")),
    str(QT_TRANSLATE_NOOP("CalendarEditor", "Tuesday")),
    str(QT_TRANSLATE_NOOP("CalendarEditor", "Wednesday")),
    str(QT_TRANSLATE_NOOP("CalendarEditor", "Thursday")),
    str(QT_TRANSLATE_NOOP("CalendarEditor", "Friday")),
    str(QT_TRANSLATE_NOOP("CalendarEditor", "Saturday")),
    str(QT_TRANSLATE_NOOP("CalendarEditor", "Sunday")),
)


def tr(source: str) -> str:
    return translate(CONTEXT, source)


def weekday(day: date) -> str:
    return tr(WEEKDAYS[day.weekday()])


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class CalendarEditorDialog(QDialog):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.setObjectName("calendarEditor")
        self.setWindowTitle(self.tr("Working calendar"))
        self.resize(760, 640)
        self.days_off: set[date] = set()
        self.working_days: set[date] = set()
        self.own_table = False

        today = env.services.ctx.clock().date()
        self.year = QSpinBox(self)
        self.year.setObjectName("calendarYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.source = QLabel(self)
        self.source.setObjectName("calendarSource")
        self.source.setWordWrap(True)

        self.off_table = make_table(self, [self.tr("Day off"), self.tr("Weekday")], stretch_column=1)
        self.off_table.setObjectName("daysOff")
        self.work_table = make_table(self, [self.tr("Make-up working day"), self.tr("Weekday")], stretch_column=1)
        self.work_table.setObjectName("makeUpDays")
        off_box = QGroupBox(self.tr("Days off (holidays, Tết, swapped days)"), self)
        QVBoxLayout(off_box).addWidget(self.off_table)
        work_box = QGroupBox(self.tr("Make-up working days (e.g. a Saturday worked)"), self)
        QVBoxLayout(work_box).addWidget(self.work_table)

        self.day = QDateEdit(self)
        self.day.setObjectName("calendarDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.add_off_button = QPushButton(self.tr("Add as day off"), self)
        self.add_off_button.clicked.connect(lambda: self.add_day(self.picked(), working=False))
        self.add_work_button = QPushButton(self.tr("Add as make-up working day"), self)
        self.add_work_button.clicked.connect(lambda: self.add_day(self.picked(), working=True))
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.complete = QCheckBox(
            self.tr("The list is complete (do not add the statutory holidays known to the app)"), self
        )
        self.note = QLineEdit(self)
        self.note.setObjectName("calendarNote")
        self.note.setPlaceholderText(self.tr("Source, e.g. the Government's notice on Tết and the day swaps"))
        self.save_year_button = QPushButton(self.tr("Save the year"), self)
        self.save_year_button.setObjectName("saveYear")
        self.save_year_button.clicked.connect(self.save_year)
        self.reset_button = QPushButton(self.tr("Use the built-in calendar"), self)
        self.reset_button.setObjectName("resetYear")
        self.reset_button.setToolTip(self.tr("Delete the agency's own table for this year"))
        self.reset_button.clicked.connect(self.reset_year)

        hours_box = QGroupBox(self.tr("Office hours (every working day)"), self)
        self.morning_from, self.morning_to = QTimeEdit(self), QTimeEdit(self)
        self.afternoon_from, self.afternoon_to = QTimeEdit(self), QTimeEdit(self)
        for edit in (self.morning_from, self.morning_to, self.afternoon_from, self.afternoon_to):
            edit.setDisplayFormat("HH:mm")
        self.two_sessions = QCheckBox(self.tr("Afternoon session"), self)
        self.two_sessions.toggled.connect(self.afternoon_from.setEnabled)
        self.two_sessions.toggled.connect(self.afternoon_to.setEnabled)
        self.save_hours_button = QPushButton(self.tr("Save office hours"), self)
        self.save_hours_button.setObjectName("saveHours")
        self.save_hours_button.clicked.connect(self.save_hours)
        grid = QGridLayout(hours_box)
        grid.addWidget(QLabel(self.tr("Morning"), self), 0, 0)
        grid.addWidget(self.morning_from, 0, 1)
        grid.addWidget(QLabel("–", self), 0, 2)
        grid.addWidget(self.morning_to, 0, 3)
        grid.addWidget(self.two_sessions, 1, 0)
        grid.addWidget(self.afternoon_from, 1, 1)
        grid.addWidget(QLabel("–", self), 1, 2)
        grid.addWidget(self.afternoon_to, 1, 3)
        grid.addWidget(self.save_hours_button, 1, 5)
        grid.setColumnStretch(4, 1)
        grid.addWidget(
            QLabel(self.tr("A document arriving after hours counts from the next working session."), self), 2, 0, 1, 6
        )

        self.message = error_label(self)
        self.saved_text = QLabel(self)
        self.saved_text.setObjectName("calendarSaved")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year)
        top.addWidget(self.source, 1)
        lists = QHBoxLayout()
        lists.addWidget(off_box, 1)
        lists.addWidget(work_box, 1)
        picker = QHBoxLayout()
        picker.addWidget(self.day)
        picker.addWidget(self.add_off_button)
        picker.addWidget(self.add_work_button)
        picker.addStretch(1)
        picker.addWidget(self.remove_button)
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel(self.tr("Source"), self))
        note_row.addWidget(self.note, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.complete, 1)
        save_row.addWidget(self.reset_button)
        save_row.addWidget(self.save_year_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(lists, 1)
        layout.addLayout(picker)
        layout.addLayout(note_row)
        layout.addLayout(save_row)
        layout.addWidget(hours_box)
        layout.addWidget(self.message)
        layout.addWidget(self.saved_text)
        layout.addWidget(close)

        self.year.valueChanged.connect(lambda _v: self.load_year())
        self.load_year()
        self.load_hours()

    # ---- the year ----------------------------------------------------------------------------------------------
    def load_year(self) -> None:
        year = self.year.value()
        workflow = self._env.services.workflow
        self._hide_messages()
        try:
            own = workflow.year_calendars()
            table = own.get(year)
            self.own_table = table is not None
            if table is None:
                table = workflow.calendar().effective_year(year)
        except DomainError as exc:
            self._say(describe(exc))
            return
        if self.own_table:
            self.source.setText(self.tr("The agency's own table for this year."))
        elif year in BUILTIN_YEARS:
            self.source.setText(self.tr("The built-in table (Government notices); saving makes it the agency's own."))
        else:
            self.source.setText(
                self.tr("The statutory holidays known to the app; add the Government's day swaps and save.")
            )
        self.days_off = set(table.days_off)
        self.working_days = set(table.working_days)
        self.complete.setChecked(table.complete)
        self.note.setText(table.note)
        self.reset_button.setEnabled(self.own_table)
        if self.day.date().year() != year:
            self.day.setDate(QDate(year, 1, 1))
        self._fill()

    def _fill(self) -> None:
        fill_table(self.off_table, self._rows(self.days_off))
        fill_table(self.work_table, self._rows(self.working_days))

    @staticmethod
    def _rows(days: Iterable[date]) -> list[tuple[str | None, list[str]]]:
        return [(None, [labels.day(d), weekday(d)]) for d in sorted(days)]

    def picked(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())

    def table(self) -> YearCalendar:
        """The year as edited; raises the calendar's ValidationError for a day outside the year or in both lists."""
        return YearCalendar(
            self.year.value(),
            frozenset(self.days_off),
            frozenset(self.working_days),
            complete=self.complete.isChecked(),
            note=self.note.text().strip(),
        )

    def add_day(self, day: date, *, working: bool) -> bool:
        self._hide_messages()
        off = self.days_off | ({day} if not working else set())
        work = self.working_days | ({day} if working else set())
        try:
            YearCalendar(self.year.value(), frozenset(off), frozenset(work))
        except DomainError as exc:
            self._say(describe(exc))
            return False
        self.days_off, self.working_days = off, work
        self._fill()
        return True

    def remove_selected(self) -> None:
        for table, days in ((self.off_table, self.days_off), (self.work_table, self.working_days)):
            ordered = sorted(days)
            for index in table.selectionModel().selectedRows():
                if 0 <= index.row() < len(ordered):
                    days.discard(ordered[index.row()])
        self._fill()

    def save_year(self) -> bool:
        self._hide_messages()
        try:
            table = self.table()
            self._env.services.workflow.save_year_calendar(self._actor, table)
        except DomainError as exc:
            self._say(describe(exc))
            return False
        self.load_year()
        self.saved_text.setText(self.tr("The calendar of %1 was saved.").replace("%1", str(table.year)))
        return True

    def reset_year(self) -> bool:
        year = self.year.value()
        answer = QMessageBox.question(
            self,
            self.tr("Use the built-in calendar"),
            self.tr("Delete the agency's own table for %1?").replace("%1", str(year)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.delete_year()

    def delete_year(self) -> bool:
        self._hide_messages()
        try:
            self._env.services.workflow.delete_year_calendar(self._actor, self.year.value())
        except DomainError as exc:
            self._say(describe(exc))
            return False
        self.load_year()
        return True

    # ---- office hours ------------------------------------------------------------------------------------------
    def load_hours(self) -> None:
        try:
            sessions = self._env.services.workflow.calendar().hours.sessions
        except DomainError as exc:
            self._say(describe(exc))
            return
        self.morning_from.setTime(_qtime(sessions[0][0]))
        self.morning_to.setTime(_qtime(sessions[0][1]))
        two = len(sessions) > 1
        self.two_sessions.setChecked(two)
        self.afternoon_from.setEnabled(two)
        self.afternoon_to.setEnabled(two)
        if two:
            self.afternoon_from.setTime(_qtime(sessions[-1][0]))
            self.afternoon_to.setTime(_qtime(sessions[-1][1]))

    def hours(self) -> OfficeHours:
        sessions = [(_time(self.morning_from.time()), _time(self.morning_to.time()))]
        if self.two_sessions.isChecked():
            sessions.append((_time(self.afternoon_from.time()), _time(self.afternoon_to.time())))
        return OfficeHours(tuple(sessions))

    def save_hours(self) -> bool:
        self._hide_messages()
        try:
            self._env.services.workflow.save_office_hours(self._actor, self.hours())
        except DomainError as exc:
            self._say(describe(exc))
            return False
        self.saved_text.setText(self.tr("The office hours were saved."))
        return True

    # ---- messages ----------------------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _hide_messages(self) -> None:
        self.message.setVisible(False)
        self.saved_text.clear()

