"""Working days, office hours and deadlines: standards §8 and §11 vector 10, plus the 2024–2026 Government calendars."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.domain.calendar import BUILTIN_YEARS, OfficeHours, WorkingCalendar, YearCalendar
from app.domain.clock import VN_TZ
from app.domain.errors import ValidationError


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


@pytest.fixture
def cal() -> WorkingCalendar:
    return WorkingCalendar()


# --- §11 vector 10 -------------------------------------------------------------------------------------------------


def test_vector_10_signed_friday_before_national_day_is_sent_by_wednesday_noon(cal: WorkingCalendar) -> None:
    assert cal.send_deadline(vn(2024, 8, 30, 15, 0)) == vn(2024, 9, 4, 12, 0)


def test_vector_10_saturday_to_tuesday_are_not_working_days(cal: WorkingCalendar) -> None:
    week = [date(2024, 8, 30) + timedelta(days=n) for n in range(6)]  # Friday to Wednesday
    assert [cal.is_working_day(day) for day in week] == [True, False, False, False, False, True]


def test_vector_10_one_working_day_after_friday_30_august_2024_is_wednesday(cal: WorkingCalendar) -> None:
    assert cal.add_working_days(date(2024, 8, 30), 1) == date(2024, 9, 4)


def test_vector_10_urgent_incoming_at_1650_friday_is_presented_at_once(cal: WorkingCalendar) -> None:
    received = vn(2024, 8, 30, 16, 50)
    assert cal.presentation_deadline(received, urgent=True) == received


# --- office hours and the moment a document starts to count --------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "counts_from"),
    [
        (vn(2024, 10, 11, 6, 0), vn(2024, 10, 11, 7, 30)),  # Friday, before opening
        (vn(2024, 10, 11, 7, 30), vn(2024, 10, 11, 7, 30)),  # at opening
        (vn(2024, 10, 11, 9, 15), vn(2024, 10, 11, 9, 15)),  # in the morning session
        (vn(2024, 10, 11, 11, 30), vn(2024, 10, 11, 13, 30)),  # the morning session has just closed
        (vn(2024, 10, 11, 12, 10), vn(2024, 10, 11, 13, 30)),  # lunch break
        (vn(2024, 10, 11, 16, 59), vn(2024, 10, 11, 16, 59)),
        (vn(2024, 10, 11, 17, 0), vn(2024, 10, 14, 7, 30)),  # closed at 17:00: Monday
        (vn(2024, 10, 11, 22, 45), vn(2024, 10, 14, 7, 30)),  # Friday evening: Monday
        (vn(2024, 10, 12, 9, 0), vn(2024, 10, 14, 7, 30)),  # Saturday
        (vn(2024, 9, 2, 9, 0), vn(2024, 9, 4, 7, 30)),  # National Day
    ],
)
def test_a_document_counts_from_the_next_working_session(
    cal: WorkingCalendar, received: datetime, counts_from: datetime
) -> None:
    assert cal.next_working_session_start(received) == counts_from


def test_moments_in_other_zones_are_read_in_vietnam_time(cal: WorkingCalendar) -> None:
    # 23:30 UTC on Thursday is 06:30 on Friday in Hà Tĩnh.
    utc_evening = datetime(2024, 10, 10, 23, 30, tzinfo=UTC)
    assert cal.next_working_session_start(utc_evening) == vn(2024, 10, 11, 7, 30)
    assert cal.send_deadline(datetime(2024, 8, 30, 8, 0, tzinfo=UTC)) == vn(2024, 9, 4, 12, 0)


def test_a_naive_datetime_is_refused_as_a_bug(cal: WorkingCalendar) -> None:
    with pytest.raises(ValueError, match="naive"):
        cal.next_working_session_start(datetime(2024, 10, 11, 9, 0))


def test_office_hours_follow_the_sessions(cal: WorkingCalendar) -> None:
    assert cal.is_office_hours(vn(2024, 10, 11, 10, 0))
    assert not cal.is_office_hours(vn(2024, 10, 11, 12, 0))
    assert not cal.is_office_hours(vn(2024, 10, 12, 10, 0))  # Saturday
    assert cal.is_office_hours(vn(2024, 5, 4, 10, 0))  # make-up Saturday


# --- presentation, acknowledgement, sending ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "present_by"),
    [
        (vn(2024, 8, 30, 16, 50), vn(2024, 8, 30, 17, 0)),  # in hours: the same day
        (vn(2024, 10, 11, 6, 45), vn(2024, 10, 11, 17, 0)),  # before opening: the same day
        (vn(2024, 10, 11, 12, 0), vn(2024, 10, 11, 17, 0)),  # lunch: the same day
        (vn(2024, 10, 11, 17, 30), vn(2024, 10, 14, 17, 0)),  # Friday after hours: Monday
        (vn(2024, 8, 30, 17, 30), vn(2024, 9, 4, 17, 0)),  # Friday before National Day: Wednesday
        (vn(2025, 1, 26, 10, 0), vn(2025, 2, 3, 17, 0)),  # during Tết 2025
    ],
)
def test_ordinary_incoming_is_presented_by_the_close_of_its_working_day(
    cal: WorkingCalendar, received: datetime, present_by: datetime
) -> None:
    assert cal.presentation_deadline(received, urgent=False) == present_by
    assert cal.acknowledge_deadline(received) == present_by


def test_urgent_incoming_is_presented_at_once_even_at_night_on_a_holiday(cal: WorkingCalendar) -> None:
    received = vn(2025, 1, 29, 2, 0)  # mùng 1 Tết Ất Tỵ
    assert cal.presentation_deadline(received, urgent=True) == received


def test_urgent_deadline_is_given_in_vietnam_time(cal: WorkingCalendar) -> None:
    received = datetime(2024, 8, 30, 9, 50, tzinfo=UTC)
    deadline = cal.presentation_deadline(received, urgent=True)
    assert deadline == received
    assert deadline.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize(
    ("signed", "send_by"),
    [
        (vn(2024, 10, 9, 10, 0), vn(2024, 10, 10, 12, 0)),  # Wednesday: Thursday noon
        (vn(2024, 10, 11, 9, 0), vn(2024, 10, 14, 12, 0)),  # Friday: Monday noon
        (vn(2024, 10, 12, 9, 0), vn(2024, 10, 14, 12, 0)),  # signed on a Saturday: Monday noon
        (vn(2024, 10, 9, 23, 0), vn(2024, 10, 10, 12, 0)),  # late evening: still the next morning
        (vn(2024, 5, 3, 10, 0), vn(2024, 5, 4, 12, 0)),  # Friday before the make-up Saturday 04/05/2024
        (vn(2025, 1, 24, 16, 0), vn(2025, 2, 3, 12, 0)),  # last day before Tết 2025
        (vn(2026, 2, 13, 16, 0), vn(2026, 2, 23, 12, 0)),  # last day before Tết 2026
        (vn(2025, 12, 31, 15, 0), vn(2026, 1, 5, 12, 0)),  # New Year 2026 with the 02/01 swap
    ],
)
def test_signed_documents_are_sent_by_noon_of_the_next_working_day(
    cal: WorkingCalendar, signed: datetime, send_by: datetime
) -> None:
    assert cal.send_deadline(signed) == send_by


# --- the Government calendars ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # 2024: Tết Thu 08/02 – Wed 14/02; 30/4 swap (Mon 29/04 off, Sat 04/05 worked)
        (date(2024, 2, 7), 1, date(2024, 2, 15)),
        (date(2024, 4, 26), 1, date(2024, 5, 2)),
        (date(2024, 5, 3), 1, date(2024, 5, 4)),
        (date(2024, 5, 3), 2, date(2024, 5, 6)),
        (date(2024, 4, 17), 1, date(2024, 4, 19)),  # Hùng Kings Thu 18/04
        (date(2023, 12, 29), 1, date(2024, 1, 2)),  # New Year 2024 on a Monday
        # 2025: Tết Mon 27/01 – Fri 31/01; 30/4 swap (Fri 02/05 off, Sat 26/04 worked); National Day Mon 01 – Tue 02/09
        (date(2025, 1, 24), 1, date(2025, 2, 3)),
        (date(2025, 4, 25), 1, date(2025, 4, 26)),
        (date(2025, 4, 29), 1, date(2025, 5, 5)),
        (date(2025, 4, 4), 1, date(2025, 4, 8)),  # Hùng Kings Mon 07/04
        (date(2025, 8, 29), 1, date(2025, 9, 3)),
        # 2026: New Year swap (Fri 02/01 off, Sat 10/01 worked); Tết Mon 16/02 – Fri 20/02; Hùng Kings on Sunday
        # compensated Monday 27/04; 30/4-1/5 Thu-Fri; National Day swap (Mon 31/08 off, Sat 22/08 worked);
        # Vietnam Culture Day Tue 24/11
        (date(2025, 12, 31), 1, date(2026, 1, 5)),
        (date(2026, 1, 9), 1, date(2026, 1, 10)),
        (date(2026, 2, 13), 1, date(2026, 2, 23)),
        (date(2026, 4, 24), 1, date(2026, 4, 28)),
        (date(2026, 4, 29), 1, date(2026, 5, 4)),
        (date(2026, 8, 21), 1, date(2026, 8, 22)),
        (date(2026, 8, 28), 1, date(2026, 9, 3)),
        (date(2026, 11, 23), 1, date(2026, 11, 25)),
        (date(2026, 11, 23), 5, date(2026, 12, 1)),
    ],
)
def test_working_days_follow_the_government_calendar(
    cal: WorkingCalendar, start: date, days: int, expected: date
) -> None:
    assert cal.add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("year", "closed_weekdays", "make_up_days"),
    [
        # Closed weekdays = the statutory days (11; 12 with Vietnam Culture Day from 2026) + one per swap, each swap
        # paid back by one make-up Saturday. Weekend holidays are compensated, never counted twice.
        (2024, 11 + 1, [date(2024, 5, 4)]),
        (2025, 11 + 1, [date(2025, 4, 26)]),
        (2026, 12 + 2, [date(2026, 1, 10), date(2026, 8, 22)]),
    ],
)
def test_built_in_years_close_the_announced_number_of_weekdays(
    cal: WorkingCalendar, year: int, closed_weekdays: int, make_up_days: list[date]
) -> None:
    days = [date(year, 1, 1) + timedelta(days=n) for n in range(366 if year % 4 == 0 else 365)]
    closed = [d for d in days if d.weekday() < 5 and not cal.is_working_day(d)]
    worked_weekend = [d for d in days if d.weekday() >= 5 and cal.is_working_day(d)]
    assert len(closed) == closed_weekdays
    assert worked_weekend == make_up_days


def test_tet_falling_on_a_weekend_is_compensated_once(cal: WorkingCalendar) -> None:
    # Mùng 1–2 Tết Giáp Thìn fell on Sat 10 – Sun 11/02/2024 and were compensated on Tue 13 – Wed 14/02.
    assert cal.working_days_between(date(2024, 2, 7), date(2024, 2, 15)) == 1
    assert cal.working_days_between(date(2024, 2, 7), date(2024, 2, 16)) == 2


@pytest.mark.parametrize(
    ("weekend_holiday", "compensated_on"),
    [
        (date(2023, 1, 1), date(2023, 1, 2)),  # New Year on a Sunday (no built-in table: the package)
        (date(2028, 1, 1), date(2028, 1, 3)),  # New Year on a Saturday, compensated Monday
        (date(2027, 5, 1), date(2027, 5, 3)),  # Labour Day on a Saturday
        (date(2026, 4, 26), date(2026, 4, 27)),  # Hùng Kings on a Sunday (built-in 2026)
    ],
)
def test_a_holiday_on_a_weekend_is_compensated_on_the_next_working_day(
    cal: WorkingCalendar, weekend_holiday: date, compensated_on: date
) -> None:
    assert weekend_holiday.weekday() >= 5
    assert not cal.is_working_day(compensated_on)
    assert cal.is_working_day(compensated_on + timedelta(days=1))


def test_years_without_a_table_fall_back_to_the_statutory_holidays(cal: WorkingCalendar) -> None:
    assert not cal.is_working_day(date(2027, 4, 30))  # Friday
    assert not cal.is_working_day(date(2027, 9, 2))  # Thursday
    assert cal.is_working_day(date(2027, 10, 15))


# --- counting ------------------------------------------------------------------------------------------------------


def test_zero_working_days_is_the_same_day_when_it_is_a_working_day(cal: WorkingCalendar) -> None:
    assert cal.add_working_days(date(2024, 10, 11), 0) == date(2024, 10, 11)
    assert cal.add_working_days(date(2024, 10, 12), 0) == date(2024, 10, 14)
    assert cal.add_working_days(date(2024, 9, 2), 0) == date(2024, 9, 4)


def test_counting_from_a_day_off_starts_at_the_next_working_day(cal: WorkingCalendar) -> None:
    assert cal.add_working_days(date(2024, 10, 12), 1) == date(2024, 10, 14)
    assert cal.next_working_day(date(2024, 10, 12)) == date(2024, 10, 14)
    assert cal.next_working_day(date(2024, 10, 14)) == date(2024, 10, 15)


def test_a_negative_number_of_days_is_refused(cal: WorkingCalendar) -> None:
    with pytest.raises(ValidationError) as caught:
        cal.add_working_days(date(2024, 10, 11), -1)
    assert caught.value.code == "calendar.negative_days"
    with pytest.raises(ValidationError):
        cal.deadline_from(vn(2024, 10, 11, 9), -3)


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (date(2024, 10, 7), date(2024, 10, 11), 4),
        (date(2024, 10, 11), date(2024, 10, 14), 1),
        (date(2024, 10, 11), date(2024, 10, 11), 0),
        (date(2024, 10, 14), date(2024, 10, 11), -1),
        (date(2024, 8, 30), date(2024, 9, 4), 1),
        (date(2025, 12, 31), date(2026, 1, 12), 7),  # 05–09/01, the make-up Saturday 10/01, Monday 12/01
    ],
)
def test_working_days_between_counts_the_days_after_the_start(
    cal: WorkingCalendar, start: date, end: date, count: int
) -> None:
    assert cal.working_days_between(start, end) == count


def test_working_days_between_undoes_add_working_days(cal: WorkingCalendar) -> None:
    start = date(2024, 1, 2)
    for days in range(0, 300, 7):
        assert cal.working_days_between(start, cal.add_working_days(start, days)) == days


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        (vn(2024, 10, 11, 10, 0), 3, date(2024, 10, 16)),  # Friday in hours: Mon, Tue, Wed
        (vn(2024, 10, 11, 18, 0), 3, date(2024, 10, 17)),  # Friday after hours: counts from Monday
        (vn(2024, 10, 12, 9, 0), 3, date(2024, 10, 17)),  # Saturday: counts from Monday
        (vn(2024, 10, 11, 18, 0), 0, date(2024, 10, 14)),
        (vn(2024, 8, 29, 10, 0), 2, date(2024, 9, 4)),  # across National Day 2024
        (vn(2026, 2, 12, 9, 0), 5, date(2026, 2, 26)),  # across Tết 2026: 13/02, then 23–26/02
        (vn(2024, 12, 31, 17, 30), 10, date(2025, 1, 16)),  # after hours on 31/12: received 02/01, due 10 days on
    ],
)
def test_deadline_in_working_days_counts_from_the_next_working_session(
    cal: WorkingCalendar, received: datetime, days: int, due: date
) -> None:
    assert cal.deadline_from(received, days) == due


def test_lateness(cal: WorkingCalendar) -> None:
    assert not cal.is_late(date(2024, 9, 4), vn(2024, 9, 4, 23, 59))
    assert cal.is_late(date(2024, 9, 4), vn(2024, 9, 5, 0, 1))
    send_by = cal.send_deadline(vn(2024, 8, 30, 15, 0))
    assert not cal.is_late(send_by, vn(2024, 9, 4, 12, 0))
    assert cal.is_late(send_by, vn(2024, 9, 4, 12, 1))
    # 04:59 UTC is 11:59 in Hà Tĩnh: on time.
    assert not cal.is_late(send_by, datetime(2024, 9, 4, 4, 59, tzinfo=UTC))


def test_overdue_work_is_measured_in_working_days(cal: WorkingCalendar) -> None:
    assert cal.working_days_overdue(date(2024, 8, 30), date(2024, 9, 5)) == 2
    assert cal.working_days_overdue(date(2024, 8, 30), date(2024, 8, 30)) == 0
    assert cal.working_days_overdue(date(2024, 8, 30), date(2024, 8, 20)) == 0


# --- agency configuration ------------------------------------------------------------------------------------------


def test_agency_office_hours_change_the_close_of_day() -> None:
    hours = OfficeHours(((time(8, 0), time(12, 0)), (time(13, 0), time(17, 30))))
    cal = WorkingCalendar(hours=hours)
    assert cal.presentation_deadline(vn(2024, 10, 11, 17, 15), urgent=False) == vn(2024, 10, 11, 17, 30)
    assert cal.next_working_session_start(vn(2024, 10, 11, 7, 45)) == vn(2024, 10, 11, 8, 0)
    assert cal.next_working_session_start(vn(2024, 10, 11, 12, 30)) == vn(2024, 10, 11, 13, 0)


@pytest.mark.parametrize(
    ("sessions", "code"),
    [
        ((), "calendar.no_sessions"),
        (((time(11, 0), time(8, 0)),), "calendar.session_order"),
        (((time(8, 0), time(12, 0)), (time(11, 0), time(17, 0))), "calendar.sessions_overlap"),
    ],
)
def test_impossible_office_hours_are_refused(sessions: tuple[tuple[time, time], ...], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        OfficeHours(sessions)
    assert caught.value.code == code


def test_an_agency_table_adds_a_local_day_off_and_a_make_up_day() -> None:
    local = YearCalendar(2027, days_off=frozenset({date(2027, 10, 15)}), working_days=frozenset({date(2027, 10, 23)}))
    cal = WorkingCalendar({2027: local})
    assert not cal.is_working_day(date(2027, 10, 15))
    assert cal.is_working_day(date(2027, 10, 23))
    assert not cal.is_working_day(date(2027, 4, 30))  # the statutory holidays still apply (incomplete table)


def test_an_agency_table_replaces_the_built_in_year() -> None:
    # An agency that decides 24/11/2026 is not a day off after all (e.g. if the law changes) lists the year itself.
    without_culture_day = YearCalendar(
        2026,
        days_off=BUILTIN_YEARS[2026].days_off - {date(2026, 11, 24)},
        working_days=BUILTIN_YEARS[2026].working_days,
        complete=True,
    )
    cal = WorkingCalendar({2026: without_culture_day})
    assert cal.is_working_day(date(2026, 11, 24))
    assert not cal.is_working_day(date(2026, 11, 24) + timedelta(days=-84))  # 01/09/2026 still off


def test_a_complete_table_does_not_consult_the_package() -> None:
    cal = WorkingCalendar({2027: YearCalendar(2027, complete=True)})
    assert cal.is_working_day(date(2027, 4, 30))


def test_an_incomplete_table_can_cancel_a_statutory_day() -> None:
    cal = WorkingCalendar({2027: YearCalendar(2027, working_days=frozenset({date(2027, 4, 30)}))})
    assert cal.is_working_day(date(2027, 4, 30))


def test_without_built_in_years_the_package_alone_decides() -> None:
    cal = WorkingCalendar(builtin=False)
    assert not cal.is_working_day(date(2024, 9, 3))
    assert cal.is_working_day(date(2024, 5, 4))  # make-up Saturday known to the package


def test_effective_year_lists_what_the_calendar_will_use(cal: WorkingCalendar) -> None:
    year = cal.effective_year(2025)
    assert year.complete
    assert date(2025, 5, 2) in year.days_off
    assert year.working_days == frozenset({date(2025, 4, 26)})


# --- persistence ---------------------------------------------------------------------------------------------------


def test_year_tables_survive_a_json_round_trip() -> None:
    for table in BUILTIN_YEARS.values():
        assert YearCalendar.from_dict(json.loads(json.dumps(table.to_dict()))) == table


def test_office_hours_survive_a_json_round_trip() -> None:
    hours = OfficeHours(((time(7, 0), time(11, 0)), (time(13, 0), time(16, 30))))
    data = json.loads(json.dumps(hours.to_dict()))
    assert data == {"sessions": [["07:00", "11:00"], ["13:00", "16:30"]]}
    assert OfficeHours.from_dict(data) == hours


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"year": "2024"}, "calendar.bad_year"),
        ({"year": 2024, "days_off": ["2024-02-30"]}, "calendar.bad_date"),
        ({"year": 2024, "days_off": ["2025-01-01"]}, "calendar.date_outside_year"),
        (
            {"year": 2024, "days_off": ["2024-05-04"], "working_days": ["2024-05-04"]},
            "calendar.day_both_off_and_working",
        ),
    ],
)
def test_bad_year_tables_are_refused_with_a_reason(data: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        YearCalendar.from_dict(data)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "data",
    [{}, {"sessions": [["7:30", "11:30"]]}, {"sessions": [["07:30"]]}, {"sessions": [["07:30", "25:00"]]}],
)
def test_bad_office_hours_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        OfficeHours.from_dict(data)


def test_a_table_filed_under_the_wrong_year_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        WorkingCalendar({2025: YearCalendar(2024)})
    assert caught.value.code == "calendar.year_mismatch"


def test_a_calendar_with_no_working_day_in_sight_says_so() -> None:
    def closed(year: int) -> YearCalendar:
        first, last = date(year, 1, 1), date(year, 12, 31)
        every_day = frozenset(first + timedelta(days=n) for n in range((last - first).days + 1))
        return YearCalendar(year, every_day, complete=True)

    cal = WorkingCalendar({year: closed(year) for year in (2030, 2031, 2032)})
    with pytest.raises(ValidationError) as caught:
        cal.next_working_day(date(2029, 12, 31))
    assert caught.value.code == "calendar.no_working_day"
