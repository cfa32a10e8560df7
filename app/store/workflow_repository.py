"""Rows of the processing workflow ↔ domain values, and the few queries that must stay fast at 100,000 documents
(the inbox page, "my tasks", the leader's overview).

Runs inside the caller's session: services decide the transaction, the permissions and the audit event.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, case, false, func, or_, select, true, union_all
from sqlalchemy.orm import Session

from app.domain.calendar import OfficeHours, YearCalendar
from app.domain.clock import as_vn
from app.domain.enums import Direction, DocumentState, Role, Urgency
from app.domain.errors import NotFoundError
from app.domain.workflow import (
    Assignment,
    AssignmentState,
    Delegation,
    IssueStep,
    NoteFile,
    NoteKind,
    Party,
    PartyRole,
    ProgressNote,
    TaskFilter,
    urgency_rank,
)
from app.store.models import (
    AssignmentPartyRow,
    AssignmentRow,
    CalendarYearRow,
    DelegationRow,
    DocumentRow,
    OfficeHoursRow,
    OutgoingTimelineRow,
    PresentationRow,
    ProgressNoteFileRow,
    ProgressNoteRow,
    RegistryEntryRow,
    UnitRow,
    UserRoleRow,
    UserRow,
)
from app.store.repositories import utc

OPEN_STATES = (AssignmentState.ASSIGNED.value, AssignmentState.IN_PROGRESS.value)


def number_notation(number: int | None, notation: str | None) -> str:
    """As Document.number_notation: `45/QĐ-STTTT`, or "" before a number is given."""
    return f"{number:02d}/{notation}" if number is not None and notation else ""


def delegation_of(row: DelegationRow) -> Delegation:
    return Delegation(
        row.id,
        row.leader_user_id,
        row.deputy_user_id,
        as_vn(row.starts_at),
        as_vn(row.ends_at),
        row.note,
        as_vn(row.revoked_at) if row.revoked_at else None,
    )


def _party_of(row: AssignmentPartyRow) -> Party:
    return Party(unit_id=row.unit_id, user_id=row.user_id)


def assignment_of(row: AssignmentRow) -> Assignment:
    lead = next((_party_of(p) for p in row.parties if p.role == PartyRole.LEAD.value), None)
    return Assignment(
        id=row.id,
        document_id=row.document_id,
        direction_text=row.direction_text,
        lead=lead,
        coordinators=tuple(_party_of(p) for p in row.parties if p.role == PartyRole.COORDINATOR.value),
        deadline=row.deadline,
        state=AssignmentState(row.state),
        leader_user_id=row.leader_user_id,
        directed_by_user_id=row.directed_by_user_id,
        created_at=as_vn(row.created_at),
        finished_at=as_vn(row.finished_at) if row.finished_at else None,
        result_text=row.result_text,
        reply_document_id=row.reply_document_id,
        version=row.version,
    )


def note_of(row: ProgressNoteRow) -> ProgressNote:
    return ProgressNote(
        row.id,
        row.assignment_id,
        row.author_user_id,
        row.author,
        NoteKind(row.kind),
        row.text,
        as_vn(row.created_at),
        tuple(NoteFile(f.sha256, f.name, f.stored.size) for f in row.files),
    )


@dataclass(frozen=True)
class InboxRow:
    document_id: str
    leader_user_id: int
    presented_by: str
    presented_at: datetime
    received_at: datetime
    version: int
    urgency: Urgency
    doc_type: str
    number_notation: str
    issued_date: date | None
    issuer_name: str
    summary: str


@dataclass(frozen=True)
class TaskRow:
    assignment_id: int
    document_id: str
    version: int
    direction_text: str
    deadline: date | None
    state: AssignmentState
    urgency: Urgency
    number_notation: str
    issuer_name: str
    summary: str


@dataclass(frozen=True)
class OutgoingRow:
    document_id: str
    number_notation: str
    summary: str
    updated_at: datetime
    signed_at: datetime | None
    sealed_at: datetime | None
    paper_only: bool


@dataclass(frozen=True)
class RegisteredRow:
    document_id: str
    urgency: Urgency
    issuer_name: str
    number_notation: str
    summary: str
    registered_at: datetime


class WorkflowRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # ---- people ------------------------------------------------------------------------------------------------
    def user_row(self, user_id: int) -> UserRow:
        row = self.s.get(UserRow, user_id)
        if row is None:
            raise NotFoundError("user.not_found", id=user_id)
        return row

    def unit_row(self, unit_id: int) -> UnitRow:
        row = self.s.get(UnitRow, unit_id)
        if row is None:
            raise NotFoundError("unit.not_found", id=unit_id)
        return row

    def user_names(self, ids: Iterable[int | None]) -> dict[int, str]:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        rows = self.s.execute(select(UserRow.id, UserRow.full_name).where(UserRow.id.in_(wanted)))
        return {int(i): str(n) for i, n in rows}

    def unit_names(self, ids: Iterable[int | None]) -> dict[int, str]:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        rows = self.s.execute(select(UnitRow.id, UnitRow.name).where(UnitRow.id.in_(wanted)))
        return {int(i): str(n) for i, n in rows}

    def user_units(self, ids: Iterable[int]) -> dict[int, int | None]:
        wanted = set(ids)
        if not wanted:
            return {}
        rows = self.s.execute(select(UserRow.id, UserRow.unit_id).where(UserRow.id.in_(wanted)))
        return {int(i): u for i, u in rows}

    def first_leader(self, agency_id: int) -> UserRow | None:
        """The agency's leader (lowest id among active users with the leader role): where arrivals go by default."""
        return self.s.execute(
            select(UserRow)
            .join(UserRoleRow, UserRoleRow.user_id == UserRow.id)
            .where(UserRow.agency_id == agency_id, UserRow.is_active.is_(True), UserRoleRow.role == Role.LEADER.value)
            .order_by(UserRow.id)
            .limit(1)
        ).scalar_one_or_none()

    # ---- delegations -------------------------------------------------------------------------------------------
    def add_delegation(
        self,
        *,
        leader_user_id: int,
        deputy_user_id: int,
        starts_at: datetime,
        ends_at: datetime,
        note: str,
        created_at: datetime,
        created_by: str,
    ) -> Delegation:
        row = DelegationRow(
            leader_user_id=leader_user_id,
            deputy_user_id=deputy_user_id,
            starts_at=utc(starts_at),
            ends_at=utc(ends_at),
            note=note,
            created_at=utc(created_at),
            created_by=created_by,
        )
        self.s.add(row)
        self.s.flush()
        return delegation_of(row)

    def delegation_row(self, delegation_id: int) -> DelegationRow:
        row = self.s.get(DelegationRow, delegation_id)
        if row is None:
            raise NotFoundError("workflow.delegation_not_found", id=delegation_id)
        return row

    def delegations(self, *, leader_user_id: int | None = None, deputy_user_id: int | None = None) -> list[Delegation]:
        q = select(DelegationRow)
        if leader_user_id is not None:
            q = q.where(DelegationRow.leader_user_id == leader_user_id)
        if deputy_user_id is not None:
            q = q.where(DelegationRow.deputy_user_id == deputy_user_id)
        return [delegation_of(r) for r in self.s.execute(q.order_by(DelegationRow.starts_at)).scalars()]

    def active_delegations_to(self, deputy_user_id: int, now: datetime) -> list[Delegation]:
        rows = self.s.execute(
            select(DelegationRow).where(
                DelegationRow.deputy_user_id == deputy_user_id,
                DelegationRow.ends_at > utc(now),
                DelegationRow.starts_at <= utc(now),
            )
        ).scalars()
        return [d for d in (delegation_of(r) for r in rows) if d.covers(now)]

    # ---- presenting --------------------------------------------------------------------------------------------
    def received_at(self, doc: DocumentRow) -> datetime:
        """When the document was registered (its first registry entry), else when its row was made."""
        registered = self.s.scalar(
            select(func.min(RegistryEntryRow.registered_at)).where(RegistryEntryRow.document_id == doc.id)
        )
        return as_vn(registered if registered is not None else doc.created_at)

    def presentation(self, document_id: str) -> PresentationRow | None:
        return self.s.get(PresentationRow, document_id)

    def present(
        self,
        doc: DocumentRow,
        *,
        leader_user_id: int,
        by_user_id: int | None,
        by: str,
        now: datetime,
    ) -> PresentationRow:
        row = self.presentation(doc.id)
        if row is None:
            row = PresentationRow(document_id=doc.id, received_at=utc(self.received_at(doc)))
            self.s.add(row)
        row.leader_user_id = leader_user_id
        row.presented_by_user_id = by_user_id
        row.presented_by = by
        row.presented_at = utc(now)
        row.urgency_rank = urgency_rank(Urgency(doc.urgency))
        row.pending = True
        row.directed_at = None
        self.s.flush()
        return row

    def _inbox_filter(self, leader_ids: Sequence[int]) -> Any:
        who = (
            PresentationRow.leader_user_id == leader_ids[0]
            if len(leader_ids) == 1
            else (PresentationRow.leader_user_id.in_(leader_ids))
        )
        return and_(who, PresentationRow.pending == true())

    def inbox_page(self, leader_ids: Sequence[int], offset: int, limit: int) -> list[InboxRow]:
        """Urgent first, then oldest first: one walk of ix_presentations_inbox for a single leader."""
        if not leader_ids:
            return []
        q = (
            select(
                PresentationRow.document_id,
                PresentationRow.leader_user_id,
                PresentationRow.presented_by,
                PresentationRow.presented_at,
                PresentationRow.received_at,
                DocumentRow.version,
                DocumentRow.urgency,
                DocumentRow.doc_type,
                DocumentRow.number,
                DocumentRow.notation,
                DocumentRow.issued_date,
                DocumentRow.issuer_name,
                DocumentRow.summary,
            )
            .join(DocumentRow, DocumentRow.id == PresentationRow.document_id)
            .where(self._inbox_filter(leader_ids))
            .order_by(PresentationRow.urgency_rank, PresentationRow.received_at, PresentationRow.document_id)
            .offset(offset)
            .limit(limit)
        )
        return [
            InboxRow(
                r.document_id,
                r.leader_user_id,
                r.presented_by,
                as_vn(r.presented_at),
                as_vn(r.received_at),
                r.version,
                Urgency(r.urgency),
                r.doc_type,
                number_notation(r.number, r.notation),
                r.issued_date,
                r.issuer_name,
                r.summary,
            )
            for r in self.s.execute(q)
        ]

    def count_inbox(self, leader_ids: Sequence[int]) -> int:
        if not leader_ids:
            return 0
        q = select(func.count()).select_from(PresentationRow).where(self._inbox_filter(leader_ids))
        return int(self.s.scalar(q) or 0)

    def incoming_numbers(self, document_ids: Sequence[str]) -> dict[str, int]:
        """Số đến of each document (its first registry entry)."""
        if not document_ids:
            return {}
        rows = self.s.execute(
            select(RegistryEntryRow.document_id, func.min(RegistryEntryRow.number))
            .where(RegistryEntryRow.document_id.in_(document_ids))
            .group_by(RegistryEntryRow.document_id)
        )
        return {str(d): int(n) for d, n in rows}

    def registered_not_presented(self, agency_id: int) -> list[RegisteredRow]:
        registered = (
            select(func.min(RegistryEntryRow.registered_at))
            .where(RegistryEntryRow.document_id == DocumentRow.id)
            .correlate(DocumentRow)
            .scalar_subquery()
        )
        q = (
            select(
                DocumentRow.id,
                DocumentRow.urgency,
                DocumentRow.issuer_name,
                DocumentRow.number,
                DocumentRow.notation,
                DocumentRow.summary,
                DocumentRow.created_at,
                registered.label("registered_at"),
            )
            .where(
                DocumentRow.agency_id == agency_id,
                DocumentRow.direction == Direction.INCOMING.value,
                DocumentRow.state == DocumentState.REGISTERED.value,
            )
            .order_by(DocumentRow.created_at, DocumentRow.id)
        )
        return [
            RegisteredRow(
                r.id,
                Urgency(r.urgency),
                r.issuer_name,
                number_notation(r.number, r.notation),
                r.summary,
                as_vn(r.registered_at if r.registered_at is not None else r.created_at),
            )
            for r in self.s.execute(q)
        ]

    # ---- assignments -------------------------------------------------------------------------------------------
    def add_assignment(
        self,
        *,
        document_id: str,
        direction_text: str,
        lead: Party | None,
        coordinators: Sequence[Party],
        deadline: date | None,
        state: AssignmentState,
        leader_user_id: int,
        directed_by_user_id: int | None,
        now: datetime,
    ) -> AssignmentRow:
        row = AssignmentRow(
            document_id=document_id,
            direction_text=direction_text,
            lead_unit_id=lead.unit_id if lead else None,
            lead_user_id=lead.user_id if lead else None,
            deadline=deadline,
            state=state.value,
            leader_user_id=leader_user_id,
            directed_by_user_id=directed_by_user_id,
            created_at=utc(now),
            updated_at=utc(now),
            result_text="",
        )
        parties = [(PartyRole.LEAD, lead)] if lead else []
        parties += [(PartyRole.COORDINATOR, c) for c in coordinators]
        row.parties = [
            AssignmentPartyRow(
                role=role.value, unit_id=p.unit_id, user_id=p.user_id, open=state.is_open, deadline=deadline
            )
            for role, p in parties
        ]
        self.s.add(row)
        self.s.flush()
        return row

    def assignment_row(self, assignment_id: int) -> AssignmentRow:
        row = self.s.get(AssignmentRow, assignment_id)
        if row is None:
            raise NotFoundError("workflow.assignment_not_found", id=assignment_id)
        return row

    def latest_assignment(self, document_id: str) -> AssignmentRow | None:
        return self.s.execute(
            select(AssignmentRow)
            .where(AssignmentRow.document_id == document_id)
            .order_by(AssignmentRow.id.desc())
            .limit(1)
        ).scalar_one_or_none()

    @staticmethod
    def set_state(row: AssignmentRow, state: AssignmentState, now: datetime) -> None:
        row.state = state.value
        row.updated_at = utc(now)
        for party in row.parties:
            party.open = state.is_open

    def _party_query(self, who: Any, flt: TaskFilter, today: date, soon: date, limit: int | None) -> Select[Any]:
        p = AssignmentPartyRow
        q = select(p.assignment_id, p.role, p.deadline).where(who)
        if flt is TaskFilter.OPEN:
            q = q.where(p.open == true())
        elif flt is TaskFilter.OVERDUE:
            q = q.where(p.open == true(), p.deadline < today)
        elif flt is TaskFilter.DUE_SOON:
            q = q.where(p.open == true(), p.deadline >= today, p.deadline <= soon)
        elif flt is TaskFilter.DONE:
            q = q.where(p.open == false())
        if limit is not None:
            descending = flt in (TaskFilter.DONE, TaskFilter.ALL)
            if descending:
                q = q.order_by(p.deadline.desc(), p.assignment_id.desc())
            else:
                q = q.order_by(p.deadline, p.assignment_id)
            q = q.limit(limit)
        return q

    def _party_union(
        self, user_id: int, unit_id: int | None, flt: TaskFilter, today: date, soon: date, limit: int | None
    ) -> Any:
        """Per-person and per-unit walks, each stopped after `limit` rows: a union, not an OR, so both use
        their index in deadline order."""
        parts = [self._party_query(AssignmentPartyRow.user_id == user_id, flt, today, soon, limit)]
        if unit_id is not None:
            parts.append(self._party_query(AssignmentPartyRow.unit_id == unit_id, flt, today, soon, limit))
        return union_all(*(select(part.subquery()) for part in parts)).subquery()

    def task_page(
        self,
        user_id: int,
        unit_id: int | None,
        flt: TaskFilter,
        today: date,
        soon: date,
        offset: int,
        limit: int,
    ) -> list[tuple[int, PartyRole]]:
        """(assignment id, the person's role) of one page, nearest deadline first (latest first for done/all).
        A person who is both lead and coordinator (in person and through the unit) gets the lead role."""
        u = self._party_union(user_id, unit_id, flt, today, soon, offset + limit)
        deadline = func.min(u.c.deadline)
        descending = flt in (TaskFilter.DONE, TaskFilter.ALL)
        q = (
            select(u.c.assignment_id, func.max(u.c.role))
            .group_by(u.c.assignment_id)
            .order_by(
                deadline.desc() if descending else deadline,
                u.c.assignment_id.desc() if descending else u.c.assignment_id,
            )
            .offset(offset)
            .limit(limit)
        )
        return [(int(a), PartyRole(r)) for a, r in self.s.execute(q)]

    def count_tasks(self, user_id: int, unit_id: int | None, flt: TaskFilter, today: date, soon: date) -> int:
        u = self._party_union(user_id, unit_id, flt, today, soon, None)
        return int(self.s.scalar(select(func.count(func.distinct(u.c.assignment_id)))) or 0)

    def task_rows(self, assignment_ids: Sequence[int]) -> dict[int, TaskRow]:
        if not assignment_ids:
            return {}
        q = (
            select(
                AssignmentRow.id,
                AssignmentRow.document_id,
                AssignmentRow.version,
                AssignmentRow.direction_text,
                AssignmentRow.deadline,
                AssignmentRow.state,
                DocumentRow.urgency,
                DocumentRow.number,
                DocumentRow.notation,
                DocumentRow.issuer_name,
                DocumentRow.summary,
            )
            .join(DocumentRow, DocumentRow.id == AssignmentRow.document_id)
            .where(AssignmentRow.id.in_(assignment_ids))
        )
        return {
            r.id: TaskRow(
                r.id,
                r.document_id,
                r.version,
                r.direction_text,
                r.deadline,
                AssignmentState(r.state),
                Urgency(r.urgency),
                number_notation(r.number, r.notation),
                r.issuer_name,
                r.summary,
            )
            for r in self.s.execute(q)
        }

    def lead_page(
        self, unit_id: int | None, user_id: int | None, flt: TaskFilter, today: date, soon: date, offset: int,
        limit: int,
    ) -> list[int]:
        """Assignments a unit (itself or one of its people) or a person leads: the rows behind an overview count,
        counted by the same rule as `overview_counts`."""
        a = AssignmentRow
        if unit_id is not None:
            people = select(UserRow.id).where(UserRow.unit_id == unit_id)
            q = select(a.id).where(or_(a.lead_unit_id == unit_id, a.lead_user_id.in_(people)))
        else:
            q = select(a.id).where(a.lead_user_id == user_id)
        if flt in (TaskFilter.OPEN, TaskFilter.OVERDUE, TaskFilter.DUE_SOON):
            q = q.where(a.state.in_(OPEN_STATES))
        if flt is TaskFilter.OVERDUE:
            q = q.where(a.deadline < today)
        elif flt is TaskFilter.DUE_SOON:
            q = q.where(a.deadline >= today, a.deadline <= soon)
        elif flt is TaskFilter.DONE:
            q = q.where(a.state == AssignmentState.DONE.value)
        if flt in (TaskFilter.DONE, TaskFilter.ALL):
            q = q.order_by(a.deadline.desc().nulls_last(), a.id.desc())
        else:
            q = q.order_by(a.deadline.asc().nulls_last(), a.id)
        return list(self.s.execute(q.offset(offset).limit(limit)).scalars())

    def done_counts(self) -> list[tuple[int | None, int | None, int]]:
        """(lead unit, lead person, finished) over every finished assignment."""
        a = AssignmentRow
        q = (
            select(a.lead_unit_id, a.lead_user_id, func.count())
            .where(a.state == AssignmentState.DONE.value)
            .group_by(a.lead_unit_id, a.lead_user_id)
        )
        return [(u, p, int(n)) for u, p, n in self.s.execute(q)]

    def overview_counts(self, today: date, soon: date) -> list[tuple[int | None, int | None, int, int, int]]:
        """(lead unit, lead person, open, overdue, due soon) over every open assignment."""
        a = AssignmentRow
        overdue = func.sum(case((a.deadline < today, 1), else_=0))
        due_soon = func.sum(case((and_(a.deadline >= today, a.deadline <= soon), 1), else_=0))
        q = (
            select(a.lead_unit_id, a.lead_user_id, func.count(), overdue, due_soon)
            .where(a.state.in_(OPEN_STATES))
            .group_by(a.lead_unit_id, a.lead_user_id)
        )
        return [(u, p, int(n), int(o or 0), int(d or 0)) for u, p, n, o, d in self.s.execute(q)]

    # ---- notes -------------------------------------------------------------------------------------------------
    def add_note(
        self,
        *,
        assignment_id: int,
        author_user_id: int | None,
        author: str,
        kind: NoteKind,
        text: str,
        files: Sequence[tuple[str, str]],
        now: datetime,
    ) -> ProgressNote:
        """`files` are (sha256, name) of files already durable in the file store and in stored_files."""
        row = ProgressNoteRow(
            assignment_id=assignment_id,
            author_user_id=author_user_id,
            author=author,
            kind=kind.value,
            text=text,
            created_at=utc(now),
        )
        row.files = [ProgressNoteFileRow(sha256=sha, name=name, position=i) for i, (sha, name) in enumerate(files)]
        self.s.add(row)
        self.s.flush()
        self.s.refresh(row)
        return note_of(row)

    def notes(self, assignment_id: int) -> list[ProgressNote]:
        q = (
            select(ProgressNoteRow)
            .where(ProgressNoteRow.assignment_id == assignment_id)
            .order_by(ProgressNoteRow.created_at, ProgressNoteRow.id)
        )
        return [note_of(r) for r in self.s.execute(q).scalars()]

    # ---- calendar ----------------------------------------------------------------------------------------------
    def year_tables(self, agency_id: int) -> dict[int, YearCalendar]:
        rows = self.s.execute(select(CalendarYearRow).where(CalendarYearRow.agency_id == agency_id)).scalars()
        return {r.year: YearCalendar.from_dict(json.loads(r.data)) for r in rows}

    def office_hours(self, agency_id: int) -> OfficeHours | None:
        row = self.s.get(OfficeHoursRow, agency_id)
        return OfficeHours.from_dict(json.loads(row.data)) if row else None

    def save_year(self, agency_id: int, table: YearCalendar, *, by: str, now: datetime) -> None:
        data = json.dumps(table.to_dict(), ensure_ascii=False, sort_keys=True)
        row = self.s.get(CalendarYearRow, (agency_id, table.year))
        if row is None:
            row = CalendarYearRow(agency_id=agency_id, year=table.year)
            self.s.add(row)
        row.data, row.updated_at, row.updated_by = data, utc(now), by
        self.s.flush()

    def delete_year(self, agency_id: int, year: int) -> bool:
        row = self.s.get(CalendarYearRow, (agency_id, year))
        if row is None:
            return False
        self.s.delete(row)
        self.s.flush()
        return True

    def save_office_hours(self, agency_id: int, hours: OfficeHours, *, by: str, now: datetime) -> None:
        data = json.dumps(hours.to_dict(), sort_keys=True)
        row = self.s.get(OfficeHoursRow, agency_id)
        if row is None:
            row = OfficeHoursRow(agency_id=agency_id)
            self.s.add(row)
        row.data, row.updated_at, row.updated_by = data, utc(now), by
        self.s.flush()

    # ---- outgoing ----------------------------------------------------------------------------------------------
    def mark_step(self, document_id: str, step: IssueStep, at: datetime) -> None:
        """Record when an outgoing document reached `step`; the signing and exchange services call this inside
        their own transaction."""
        row = self.s.get(OutgoingTimelineRow, document_id)
        if row is None:
            row = OutgoingTimelineRow(document_id=document_id)
            self.s.add(row)
        setattr(row, f"{step.value}_at", utc(at))
        self.s.flush()

    def sealed_not_sent(self, agency_id: int) -> list[OutgoingRow]:
        t = OutgoingTimelineRow
        q = (
            select(
                DocumentRow.id,
                DocumentRow.number,
                DocumentRow.notation,
                DocumentRow.summary,
                DocumentRow.updated_at,
                DocumentRow.confidentiality,
                DocumentRow.restriction,
                t.signed_at,
                t.sealed_at,
            )
            .outerjoin(t, t.document_id == DocumentRow.id)
            .where(
                DocumentRow.agency_id == agency_id,
                DocumentRow.direction == Direction.OUTGOING.value,
                DocumentRow.state == DocumentState.SEALED.value,
            )
            .order_by(DocumentRow.updated_at, DocumentRow.id)
        )
        return [
            OutgoingRow(
                r.id,
                number_notation(r.number, r.notation),
                r.summary,
                as_vn(r.updated_at),
                as_vn(r.signed_at) if r.signed_at else None,
                as_vn(r.sealed_at) if r.sealed_at else None,
                r.confidentiality != "none" or r.restriction != "none",
            )
            for r in self.s.execute(q)
        ]
