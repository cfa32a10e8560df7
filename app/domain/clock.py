"""Vietnam time. Every timestamp the app shows or embeds is Asia/Ho_Chi_Minh (UTC+07:00, no DST)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")

Clock = Callable[[], datetime]


def vn_now() -> datetime:
    return datetime.now(VN_TZ)


def as_vn(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; they were stored in UTC or VN time with an offset, so attach it."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC).astimezone(VN_TZ)
    return moment.astimezone(VN_TZ)
