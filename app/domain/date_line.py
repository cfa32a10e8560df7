"""The place and date line — "Hà Tĩnh, ngày 05 tháng 3 năm 2026".

ND30 App I §II.4; standards §1.3 and §11 vectors 3, 4.
"""

from __future__ import annotations

import re
from datetime import date

from app.domain.errors import ValidationError

_LINE = re.compile(r"^(?P<place>[^,]+), ngày (?P<day>\d+) tháng (?P<month>\d+) năm (?P<year>\d{4})$")


def day_text(day: int) -> str:
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Months 1 and 2 are written 01 and 02 (so nobody can add a digit); 3 to 12 without a leading zero."""
    return f"{month:02d}" if month <= 2 else str(month)


def format_date_line(place: str, on: date) -> str:
    if not place.strip():
        raise ValidationError("date_line.place_missing")
    return f"{place.strip()}, ngày {day_text(on.day)} tháng {month_text(on.month)} năm {on.year}"


def blank_date_line(place: str, year: int) -> str:
    """For a draft: the clerk's system fills the day and month when the document is numbered."""
    return f"{place.strip()}, ngày      tháng      năm {year}"


def parse_date_line(text: str) -> tuple[str, date]:
    match = _LINE.match(text.strip())
    if match is None:
        raise ValidationError("date_line.format", text=text.strip())
    day, month, year = match.group("day"), match.group("month"), int(match.group("year"))
    if day != day_text(int(day)) or int(day) == 0:
        raise ValidationError("date_line.day_padding", text=text.strip())
    if month != month_text(int(month)) or not 1 <= int(month) <= 12:
        raise ValidationError("date_line.month_padding", text=text.strip())
    try:
        on = date(year, int(month), int(day))
    except ValueError:
        raise ValidationError("date_line.impossible_date", text=text.strip()) from None
    return match.group("place").strip(), on
