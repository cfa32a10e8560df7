"""Processing workflow values and rules (design §2 "Process", §4; seed Art 8.3, 9, 10.2): presenting to the leader,
directions and assignments, progress notes, delegations, and the clerk's "to send" list.

Pure: no database, no clock. Services pass the moments and the WorkingCalendar they mean, so every rule here can be
tested with plain values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.domain.calendar import WorkingCalendar
from app.domain.enums import DocumentState, Urgency
from app.domain.errors import ConflictError, ValidationError

DUE_SOON_WORKING_DAYS = 2
"""An open assignment whose deadline is within this many working days is "due soon" (issue 7, item 4)."""

URGENCY_RANK: dict[Urgency, int] = {
    Urgency.FLASH_TIMED: 0,  # Hỏa tốc hẹn giờ
    Urgency.FLASH: 0,  # Hỏa tốc
    Urgency.VERY_URGENT: 1,  # Thượng khẩn
    Urgency.URGENT: 2,  # Khẩn
    Urgency.NORMAL: 3,
}
"""Inbox order: Hỏa tốc, Thượng khẩn, Khẩn, then normal (stored with the presentation so the index sorts)."""


def urgency_rank(urgency: Urgency) -> int:
    return URGENCY_RANK[urgency]


class AssignmentState(StrEnum):
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    FOR_INFORMATION = "for_information"

    @property
    def is_open(self) -> bool:
        return self in (AssignmentState.ASSIGNED, AssignmentState.IN_PROGRESS)


class PartyRole(StrEnum):
    LEAD = "lead"  # đơn vị/cá nhân chủ trì
    COORDINATOR = "coordinator"  # đơn vị/cá nhân phối hợp


class NoteKind(StrEnum):
    PROGRESS = "progress"  # the lead reports progress
    INPUT = "input"  # a coordinator's contribution
    RESULT = "result"  # the lead's closing result


class TaskFilter(StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    DONE = "done"
    ALL = "all"


class IssueStep(StrEnum):
    """Moments of the outgoing path the "to send" list needs (seed Art 10.2)."""

    SIGNED = "signed"
    NUMBERED = "numbered"
    SEALED = "sealed"
    SENT = "sent"


# --- document state transitions ---------------------------------------------------------------------------------

TRANSITIONS: dict[DocumentState, frozenset[DocumentState]] = {
    DocumentState.REGISTERED: frozenset({DocumentState.PRESENTED}),
    # presented again = handed to another leader; directed = assigned or filed for information
    DocumentState.PRESENTED: frozenset(
        {DocumentState.PRESENTED, DocumentState.ASSIGNED, DocumentState.FOR_INFORMATION}
    ),
    DocumentState.ASSIGNED: frozenset({DocumentState.IN_PROGRESS, DocumentState.DONE}),
    DocumentState.IN_PROGRESS: frozenset({DocumentState.DONE}),
}


def check_transition(current: DocumentState, target: DocumentState) -> None:
    """Refuse a workflow step the document's state does not allow (e.g. directing a document already directed)."""
    if target not in TRANSITIONS.get(current, frozenset()):
        raise ConflictError("workflow.bad_state", state=current.value, wanted=target.value)


# --- parties, assignments, notes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """A unit or a person taking part in an assignment (exactly one of the two)."""

    unit_id: int | None = None
    user_id: int | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if (self.unit_id is None) == (self.user_id is None):
            raise ValidationError("workflow.party_unit_or_user")

    @staticmethod
    def unit(unit_id: int, name: str = "") -> Party:
        return Party(unit_id=unit_id, name=name)

    @staticmethod
    def user(user_id: int, name: str = "") -> Party:
        return Party(user_id=user_id, name=name)


Coordinator = Party
"""Coordinators (phối hợp) are parties like the lead; the alias keeps the design's name."""


@dataclass(frozen=True)
class Assignment:
    id: int
    document_id: str
    direction_text: str  # ý kiến chỉ đạo
    lead: Party | None  # None only when filed for information without naming anyone
    coordinators: tuple[Party, ...]
    deadline: date | None
    state: AssignmentState
    leader_user_id: int  # the leader whose direction this is
    directed_by_user_id: int | None  # who acted: the leader, or a deputy acting for them
    created_at: datetime
    finished_at: datetime | None = None
    result_text: str = ""
    reply_document_id: str | None = None
    version: int = 1

    @property
    def acting_for(self) -> int | None:
        """The leader a deputy acted for, or None when the leader acted in person."""
        return self.leader_user_id if self.directed_by_user_id not in (None, self.leader_user_id) else None


@dataclass(frozen=True)
class NoteFile:
    sha256: str
    name: str
    size: int


@dataclass(frozen=True)
class ProgressNote:
    id: int
    assignment_id: int
    author_user_id: int | None
    author: str
    kind: NoteKind
    text: str
    created_at: datetime
    files: tuple[NoteFile, ...] = field(default=())


@dataclass(frozen=True)
class Delegation:
    """A leader lets a deputy act for them during [starts_at, ends_at) (design §4)."""

    id: int
    leader_user_id: int
    deputy_user_id: int
    starts_at: datetime
    ends_at: datetime
    note: str = ""
    revoked_at: datetime | None = None

    def covers(self, moment: datetime) -> bool:
        if self.revoked_at is not None and self.revoked_at <= moment:
            return False
        return self.starts_at <= moment < self.ends_at


def check_delegation_period(starts_at: datetime, ends_at: datetime, now: datetime) -> None:
    if ends_at <= starts_at:
        raise ValidationError("workflow.delegation_period_empty")
    if ends_at <= now:
        raise ValidationError("workflow.delegation_in_past", ends=ends_at.isoformat(timespec="minutes"))


# --- lists the UI shows -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InboxItem:
    document_id: str
    version: int  # pass back to `direct` so a change by someone else is caught (optimistic locking)
    urgency: Urgency
    doc_type: str
    number_notation: str
    issued_date: date | None
    issuer_name: str
    summary: str
    incoming_number: int | None  # số đến
    received_at: datetime  # registration time: the period counts from here (or from the next session)
    presented_at: datetime
    presented_by: str
    leader_user_id: int
    acting_for: int | None  # set when the viewer is a deputy seeing a delegating leader's document
    age_working_days: int
    age_working_hours: float

    @property
    def urgent(self) -> bool:
        return self.urgency.is_urgent


@dataclass(frozen=True)
class Presented:
    """A document now in a leader's inbox; `urgent` tells the UI to notify the leader at once (seed Art 8.3)."""

    document_id: str
    leader_user_id: int
    presented_at: datetime
    urgency: Urgency

    @property
    def urgent(self) -> bool:
        return self.urgency.is_urgent


@dataclass(frozen=True)
class NotPresentedItem:
    document_id: str
    urgency: Urgency
    issuer_name: str
    number_notation: str
    summary: str
    registered_at: datetime
    present_by: datetime  # seed Art 8.3: urgent at once, otherwise by the close of the working day
    overdue: bool


@dataclass(frozen=True)
class TaskItem:
    assignment_id: int
    document_id: str
    assignment_version: int
    my_role: PartyRole
    urgency: Urgency
    number_notation: str
    issuer_name: str
    summary: str
    direction_text: str
    deadline: date | None
    state: AssignmentState
    overdue: bool
    due_soon: bool
    working_days_left: int | None  # negative when overdue


@dataclass(frozen=True)
class OverviewRow:
    """Per unit or per person: open work, overdue, due within DUE_SOON_WORKING_DAYS, finished."""

    kind: str  # "unit" or "user"
    id: int
    name: str
    open: int
    overdue: int
    due_soon: int
    done: int = 0  # finished assignments led by the unit or person


@dataclass(frozen=True)
class ToSendItem:
    document_id: str
    number_notation: str
    summary: str
    signed_at: datetime
    sealed_at: datetime
    waited: timedelta  # since sealed (ready to send)
    send_by: datetime  # 12:00 of the next working day after signing
    not_sent_by_close: bool  # signed, and the office closed on its signing day with it still here
    late: bool  # past send_by: shown as late in reports
    paper_only: bool  # secret or restriction-stamped: seed Art 6 keeps it off electronic sending


@dataclass(frozen=True)
class ProcessingSlip:
    """Phiếu giải quyết văn bản đến (ND30 App): the data a later PDF renders."""

    agency_name: str
    document_id: str
    incoming_number: int | None
    received_at: datetime
    issuer_name: str
    number_notation: str
    issued_date: date | None
    summary: str
    urgency: Urgency
    direction_text: str
    lead: str
    coordinators: tuple[str, ...]
    deadline: date | None
    for_information: bool
    leader_name: str
    acting_for: str | None  # the deputy's name line: "KT. <leader>" is the PDF's business
    directed_by_name: str
    directed_at: datetime
    result_text: str = ""


# --- rules on dates ---------------------------------------------------------------------------------------------


def resolve_deadline(
    calendar: WorkingCalendar,
    received_at: datetime,
    today: date,
    *,
    deadline: date | None,
    working_days: int | None,
) -> date:
    """The processing deadline as a date, from a picked date or from N working days after registration.

    Working days count from the registration time's working session (after hours → the next session), skipping
    weekends and holidays. A date before today or on a day off is refused with a message that says what to pick.
    """
    if (deadline is None) == (working_days is None):
        raise ValidationError("workflow.deadline_date_or_days")
    if working_days is not None:
        if working_days < 1:
            raise ValidationError("workflow.deadline_days_positive", days=working_days)
        result = calendar.deadline_from(received_at, working_days)
        if result < today:
            raise ValidationError(
                "workflow.deadline_passed",
                days=working_days,
                received=calendar.local(received_at).date().isoformat(),
                deadline=result.isoformat(),
            )
        return result
    assert deadline is not None
    if deadline < today:
        raise ValidationError("workflow.deadline_before_today", deadline=deadline.isoformat())
    if not calendar.is_working_day(deadline):
        raise ValidationError(
            "workflow.deadline_not_working_day",
            deadline=deadline.isoformat(),
            next=calendar.next_working_day(deadline).isoformat(),
        )
    return deadline


def due_soon_limit(calendar: WorkingCalendar, today: date) -> date:
    return calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)


def deadline_flags(calendar: WorkingCalendar, deadline: date | None, today: date) -> tuple[bool, bool, int | None]:
    """(overdue, due_soon, working days left) for an open assignment; a deadline day is met until it ends."""
    if deadline is None:
        return False, False, None
    left = calendar.working_days_between(today, deadline)
    overdue = deadline < today
    return overdue, not overdue and deadline <= due_soon_limit(calendar, today), left


def working_age(calendar: WorkingCalendar, since: datetime, now: datetime) -> tuple[int, float]:
    """How long something has waited, in working days and in office hours (lunch, nights, days off excluded)."""
    return working_ages(calendar, [since], now)[0]


def working_ages(calendar: WorkingCalendar, sinces: Sequence[datetime], now: datetime) -> list[tuple[int, float]]:
    """`working_age` for a whole page at once: the working days of the span are counted once (a prefix sum), so a
    page of year-old documents costs one walk over the year, not one per row."""
    here = calendar.local(now)
    starts = [calendar.next_working_session_start(since) for since in sinces]
    waiting = [start for start in starts if start < here]
    if not waiting:
        return [(0, 0.0)] * len(sinces)
    first = min(start.date() for start in waiting)
    prefix = [0]
    day = first
    while day < here.date():
        day += timedelta(days=1)
        prefix.append(prefix[-1] + calendar.is_working_day(day))
    day_seconds = sum(
        (datetime.combine(first, closes) - datetime.combine(first, opens)).total_seconds()
        for opens, closes in calendar.hours.sessions
    )

    def within(day: date, lo: datetime, hi: datetime) -> float:
        total = 0.0
        for opens, closes in calendar.hours.sessions:
            a, b = max(calendar.at(day, opens), lo), min(calendar.at(day, closes), hi)
            total += max(0.0, (b - a).total_seconds())
        return total

    ages: list[tuple[int, float]] = []
    for start in starts:
        if start >= here:
            ages.append((0, 0.0))
            continue
        days = prefix[-1] - prefix[(start.date() - first).days]  # working days in (start day, today]
        if start.date() == here.date():
            seconds = within(start.date(), start, here)
        else:
            seconds = within(start.date(), start, here)  # the rest of the first day (start is on a working day)
            between = days - (1 if calendar.is_working_day(here.date()) else 0)
            seconds += between * day_seconds
            if calendar.is_working_day(here.date()):
                seconds += within(here.date(), calendar.at(here.date(), calendar.hours.opens), here)
        ages.append((days, round(seconds / 3600, 1)))
    return ages


def send_flags(calendar: WorkingCalendar, signed_at: datetime, now: datetime) -> tuple[datetime, bool, bool]:
    """(send by, not sent by close of the signing day, late) for a signed document still waiting to be sent."""
    send_by = calendar.send_deadline(signed_at)
    closes = calendar.close_of_day(calendar.local(signed_at).date())
    return send_by, now >= closes, now > send_by
