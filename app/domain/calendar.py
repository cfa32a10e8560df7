"""Working days, office hours and the deadlines built on them (standards §8, §11 vector 10).

Vietnamese offices work Monday to Friday. Public holidays (Labour Code 2019 Art 112) move with the lunar calendar,
fall on weekends and are then compensated, and every year the Government swaps days (a weekday off, a Saturday
worked instead). So a year is described by a small table — days off and make-up working days — that ships built in
for the years we could confirm and that an agency can extend or replace; years without a table fall back to the
`holidays` package, which knows the statutory days and their weekend compensation.

Everything here is pure: no database, no clock. Callers pass the moments they mean.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

import holidays

from app.domain.clock import VN_TZ
from app.domain.errors import ValidationError

SEND_BY = time(12, 0)
"""Seed Art 10.2: a signed e-document goes out the day it is signed, at the latest the next working *morning*."""

_SEARCH_LIMIT = 800
"""Days to look ahead for a working day before declaring the calendar unusable (a misconfigured table)."""


def _clock_text(moment: time) -> str:
    return moment.strftime("%H:%M")


def _parse_clock(text: Any) -> time:
    try:
        hours, minutes = str(text).split(":")
        if len(hours) != 2 or len(minutes) != 2:
            raise ValueError(text)
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError("calendar.bad_time", text=str(text)) from None


def _parse_day(text: Any) -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise ValidationError("calendar.bad_date", text=str(text)) from None


@dataclass(frozen=True)
class OfficeHours:
    """The sessions an office is open on a working day; the default is the project's (standards §8, project design)."""

    sessions: tuple[tuple[time, time], ...] = ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0)))

    def __post_init__(self) -> None:
        if not self.sessions:
            raise ValidationError("calendar.no_sessions")
        previous_end: time | None = None
        for start, end in self.sessions:
            if start >= end:
                raise ValidationError("calendar.session_order", start=_clock_text(start), end=_clock_text(end))
            if previous_end is not None and start < previous_end:
                raise ValidationError("calendar.sessions_overlap", start=_clock_text(start))
            previous_end = end

    @property
    def opens(self) -> time:
        return self.sessions[0][0]

    @property
    def closes(self) -> time:
        return self.sessions[-1][1]

    def is_open_at(self, moment: time) -> bool:
        """Sessions are half-open: at 17:00 the office has closed, at 07:30 it has opened."""
        return any(start <= moment < end for start, end in self.sessions)

    def next_opening(self, moment: time) -> time | None:
        """When the office is (or next becomes) open on the same day; None once the last session has ended."""
        for start, end in self.sessions:
            if moment < start:
                return start
            if moment < end:
                return moment
        return None

    def to_dict(self) -> dict[str, Any]:
        return {"sessions": [[_clock_text(start), _clock_text(end)] for start, end in self.sessions]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OfficeHours:
        raw = data.get("sessions")
        if not isinstance(raw, list | tuple) or not all(isinstance(s, list | tuple) and len(s) == 2 for s in raw):
            raise ValidationError("calendar.no_sessions")
        return cls(tuple((_parse_clock(start), _parse_clock(end)) for start, end in raw))


@dataclass(frozen=True)
class YearCalendar:
    """One year's exceptions to "Monday to Friday".

    `days_off`: days the offices close (holidays, their weekend compensation, Government swaps); a weekend day
    listed here changes nothing unless it cancels a make-up day.
    `working_days`: days the offices open although they normally would not (make-up Saturdays); a weekday listed
    here also cancels a holiday the `holidays` package would otherwise add.
    `complete`: `days_off` already lists every closed weekday of the year, so the package is not consulted —
    this keeps the built-in years identical whatever version of the package is installed.
    Each date belongs to the table of its own year.
    """

    year: int
    days_off: frozenset[date] = field(default_factory=frozenset)
    working_days: frozenset[date] = field(default_factory=frozenset)
    complete: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        for day in (*self.days_off, *self.working_days):
            if day.year != self.year:
                raise ValidationError("calendar.date_outside_year", year=self.year, date=day.isoformat())
        both = self.days_off & self.working_days
        if both:
            raise ValidationError("calendar.day_both_off_and_working", date=min(both).isoformat())

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "days_off": [day.isoformat() for day in sorted(self.days_off)],
            "working_days": [day.isoformat() for day in sorted(self.working_days)],
            "complete": self.complete,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> YearCalendar:
        year = data.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            raise ValidationError("calendar.bad_year", year=str(year))
        return cls(
            year=year,
            days_off=frozenset(_parse_day(text) for text in data.get("days_off", ())),
            working_days=frozenset(_parse_day(text) for text in data.get("working_days", ())),
            complete=bool(data.get("complete", False)),
            note=str(data.get("note", "")),
        )


def _days(year: int, *month_days: tuple[int, int]) -> frozenset[date]:
    return frozenset(date(year, month, day) for month, day in month_days)


def _span(first: date, last: date) -> Iterable[tuple[int, int]]:
    day = first
    while day <= last:
        yield day.month, day.day
        day += timedelta(days=1)


# Built-in years: the closed weekdays and make-up Saturdays for state agencies (công chức, viên chức), as announced
# by the Government. Sources were checked against press reports of the official texts; the `holidays` package
# (0.109) agrees on every date except where a comment says otherwise.
BUILTIN_YEARS: Mapping[int, YearCalendar] = {
    2024: YearCalendar(
        2024,
        days_off=_days(
            2024,
            (1, 1),  # Tết Dương lịch (Mon)
            # Tết Giáp Thìn: Thu 08/02 (29 Tết) to Wed 14/02 (mùng 5): 5 days + 2 compensating mùng 1-2 on Sat/Sun.
            *_span(date(2024, 2, 8), date(2024, 2, 14)),
            (4, 18),  # Giỗ Tổ Hùng Vương (Thu)
            (4, 29),  # swapped for Sat 04/05 (Văn bản 2450/VPCP-KGVX, 12/04/2024)
            (4, 30),
            (5, 1),
            (9, 2),  # Quốc khánh: Mon 02/09 and Tue 03/09
            (9, 3),
        ),
        working_days=_days(2024, (5, 4)),
        complete=True,
        note="VPCP 2450/VPCP-KGVX (30/4-1/5 swap); MoLISA notice on Tết and Quốc khánh 2024",
    ),
    2025: YearCalendar(
        2025,
        days_off=_days(
            2025,
            (1, 1),  # Tết Dương lịch (Wed)
            *_span(date(2025, 1, 27), date(2025, 1, 31)),  # Tết Ất Tỵ: Mon 27/01 to Fri 31/01 (off 25/01-02/02)
            (4, 7),  # Giỗ Tổ Hùng Vương (Mon)
            (4, 30),
            (5, 1),
            (5, 2),  # swapped for Sat 26/04
            (9, 1),  # Quốc khánh: Mon 01/09 and Tue 02/09
            (9, 2),
        ),
        working_days=_days(2025, (4, 26)),
        complete=True,
        note="TB 6150/TB-BLĐTBXH (Tết, 30/4-1/5 swap); Bộ Nội vụ notice on Quốc khánh 2025",
    ),
    2026: YearCalendar(
        2026,
        days_off=_days(
            2026,
            (1, 1),
            (1, 2),  # swapped for Sat 10/01 (Văn bản 12729/VPCP-KGVX, 25/12/2025); the package lacks this swap
            *_span(date(2026, 2, 16), date(2026, 2, 20)),  # Tết Bính Ngọ: Mon 16/02 to Fri 20/02 (off 14/02-22/02)
            (4, 27),  # Giỗ Tổ Hùng Vương falls on Sun 26/04: compensated Mon 27/04
            (4, 30),
            (5, 1),
            (8, 31),  # swapped for Sat 22/08
            (9, 1),  # Quốc khánh: Tue 01/09 and Wed 02/09 (off Sat 29/08-Wed 02/09)
            (9, 2),
            # Ngày Văn hóa Việt Nam (Tue). Politburo Resolution 80-NQ/TW; made a paid holiday from 01/07/2026 by
            # National Assembly Resolution 28/2026/QH16 as reported by secondary sources (not read in the
            # official text); the package agrees. An agency can cancel it with a 2026 table that omits it.
            (11, 24),
        ),
        working_days=_days(2026, (1, 10), (8, 22)),
        complete=True,
        note="VPCP 12729/VPCP-KGVX (Tết Dương lịch); Thủ tướng, 10/2025 (Tết, Quốc khánh); NQ 28/2026/QH16 (24/11)",
    ),
}


class WorkingCalendar:
    """Answers "is this a working day", "when does this count from" and "by when must this be done".

    `overrides` are an agency's year tables; they replace the built-in table of the same year (pass
    `builtin=False` to ignore the built-in years altogether). Office hours apply alike to every working day,
    make-up Saturdays included. Naive datetimes are refused: a moment without a zone is a bug upstream.
    """

    def __init__(
        self,
        overrides: Mapping[int, YearCalendar] | None = None,
        hours: OfficeHours | None = None,
        tz: tzinfo = VN_TZ,
        *,
        builtin: bool = True,
    ) -> None:
        tables: dict[int, YearCalendar] = dict(BUILTIN_YEARS) if builtin else {}
        for year, table in (overrides or {}).items():
            if table.year != year:
                raise ValidationError("calendar.year_mismatch", year=year, table_year=table.year)
            tables[year] = table
        self.tables: Mapping[int, YearCalendar] = tables
        self.hours = hours or OfficeHours()
        self.tz = tz
        self._resolved: dict[int, tuple[frozenset[date], frozenset[date]]] = {}

    # --- days -------------------------------------------------------------------------------------------------

    def effective_year(self, year: int) -> YearCalendar:
        """The year as this calendar sees it (tables and package merged), e.g. for a settings page to show."""
        days_off, working_days = self._year(year)
        return YearCalendar(year, days_off, working_days, complete=True, note=self.tables.get(year, _EMPTY).note)

    def is_working_day(self, day: date) -> bool:
        days_off, working_days = self._year(day.year)
        if day in working_days:
            return True
        return day.weekday() < 5 and day not in days_off

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        candidate = day
        for _ in range(_SEARCH_LIMIT):
            candidate += timedelta(days=1)
            if self.is_working_day(candidate):
                return candidate
        raise ValidationError("calendar.no_working_day", after=day.isoformat())

    def working_day_on_or_after(self, day: date) -> date:
        return day if self.is_working_day(day) else self.next_working_day(day)

    def add_working_days(self, day: date, count: int) -> date:
        """`count` working days after `day` (the start day itself is not counted, as for any legal period).

        0 gives `day` when it is a working day, else the next one.
        """
        if count < 0:
            raise ValidationError("calendar.negative_days", days=count)
        result = self.working_day_on_or_after(day) if count == 0 else day
        for _ in range(count):
            result = self.next_working_day(result)
        return result

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when `end` is before `start`.

        The inverse of `add_working_days` for working days: `add_working_days(a, working_days_between(a, b)) == b`.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    # --- moments ----------------------------------------------------------------------------------------------

    def local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"naive datetime {moment.isoformat()}: attach a time zone before asking the calendar")
        return moment.astimezone(self.tz)

    def at(self, day: date, time_of_day: time) -> datetime:
        return datetime.combine(day, time_of_day, tzinfo=self.tz)

    def is_office_hours(self, moment: datetime) -> bool:
        here = self.local(moment)
        return self.is_working_day(here.date()) and self.hours.is_open_at(here.time())

    def next_working_session_start(self, moment: datetime) -> datetime:
        """When a document arriving at `moment` starts to count: `moment` itself during a session, else the next
        session's opening (after hours, at lunch, or on a day off) — standards §8, project design."""
        here = self.local(moment)
        if self.is_working_day(here.date()):
            opening = self.hours.next_opening(here.time())
            if opening is not None:
                return here if opening == here.time() else self.at(here.date(), opening)
        return self.at(self.next_working_day(here.date()), self.hours.opens)

    def close_of_day(self, day: date) -> datetime:
        """When the office closes on `day` (a date-only deadline ends then)."""
        return self.at(day, self.hours.closes)

    def end_of_working_day(self, moment: datetime) -> datetime:
        """The close of the working day a document arriving at `moment` counts on."""
        return self.close_of_day(self.next_working_session_start(moment).date())

    # --- deadlines --------------------------------------------------------------------------------------------

    def deadline_from(self, received_at: datetime, working_days: int) -> date:
        """The last day of a `working_days` period for something received at `received_at`.

        Counting starts at the next working session, so a Friday-evening arrival counts as received on Monday;
        the day of receipt is not counted.
        """
        if working_days < 0:
            raise ValidationError("calendar.negative_days", days=working_days)
        return self.add_working_days(self.next_working_session_start(received_at).date(), working_days)

    def send_deadline(self, signed_at: datetime) -> datetime:
        """Seed Art 10.2: send the day it is signed, at the latest 12:00 of the next working day."""
        return self.at(self.next_working_day(self.local(signed_at).date()), SEND_BY)

    def presentation_deadline(self, received_at: datetime, urgent: bool) -> datetime:
        """Register and present an incoming document (seed Art 8.3, stricter than ND30 Art 23.1).

        Urgent (Khẩn, Thượng khẩn, Hỏa tốc): at once, whatever the hour. Otherwise by the close of the working day it
        arrived, or of the next working day when it arrived after hours or on a day off.
        """
        if urgent:
            return self.local(received_at)
        return self.end_of_working_day(received_at)

    def acknowledge_deadline(self, received_at: datetime) -> datetime:
        """ND30 Art 21.2.c: tell the sender the same (working) day."""
        return self.end_of_working_day(received_at)

    def is_late(self, deadline: date | datetime, done_at: datetime) -> bool:
        """A dated deadline is met by anything done that day (local time); a timed one by its instant."""
        if isinstance(deadline, datetime):
            return self.local(done_at) > self.local(deadline)
        return self.local(done_at).date() > deadline

    def working_days_overdue(self, deadline: date, today: date) -> int:
        """For the leader's overdue list: working days past the deadline, 0 when not overdue."""
        return max(0, self.working_days_between(deadline, today))

    # --- internals --------------------------------------------------------------------------------------------

    def _year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        resolved = self._resolved.get(year)
        if resolved is None:
            resolved = self._resolve(year)
            self._resolved[year] = resolved
        return resolved

    def _resolve(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        table = self.tables.get(year, _EMPTY)
        if table.complete:
            return table.days_off, table.working_days
        package_off, package_working = _package_year(year)
        days_off = (package_off | table.days_off) - table.working_days
        working_days = (package_working | table.working_days) - table.days_off
        return frozenset(days_off), frozenset(working_days)


_EMPTY = YearCalendar(0)


def _package_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Statutory holidays with weekend compensation and the package's known swaps, as closed weekdays and make-up
    weekend days. Holidays already on a weekend are dropped: the weekend is closed anyway, and their compensation
    is a separate entry, so nothing is counted twice."""
    table = holidays.country_holidays("VN", years=year)
    days_off = frozenset(day for day in table if day.year == year and day.weekday() < 5)
    working = frozenset(day for day in getattr(table, "weekend_workdays", ()) if day.year == year)
    return days_off, working
