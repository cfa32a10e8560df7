"""Processing workflow (seed Art 8.3, 9, 10.2; design §2 "Process"): the clerk presents incoming documents to the
leader, the leader (or a deputy acting for them during a delegation) directs and assigns with a deadline in working
days, specialists report progress and finish, the leader watches overdue work, and the clerk sees what still waits
to be sent.

Every use case is one transaction with its audit event. Every refusal — a role that may not act, a deputy outside
their delegation, a bad deadline, a document someone else changed — is audited too, in its own transaction after
the failed one rolled back (SQLite allows one writer at a time, so never inside it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from app.domain.calendar import OfficeHours, WorkingCalendar, YearCalendar
from app.domain.enums import Direction, DocumentState, Role, Urgency
from app.domain.errors import ConflictError, DomainError, NotFoundError, PermissionDeniedError, ValidationError
from app.domain.model import Actor
from app.domain.workflow import (
    Assignment,
    AssignmentState,
    Delegation,
    InboxItem,
    IssueStep,
    NoteKind,
    NotPresentedItem,
    OverviewRow,
    Party,
    PartyRole,
    Presented,
    ProcessingSlip,
    ProgressNote,
    TaskFilter,
    TaskItem,
    ToSendItem,
    check_delegation_period,
    check_transition,
    deadline_flags,
    due_soon_limit,
    resolve_deadline,
    send_flags,
    working_ages,
)
from app.services.context import StoreContext
from app.services.documents import check_file_size, sniff_content_type
from app.services.exchange.model import StatusCode
from app.services.exchange.outbound import queue_workflow_status
from app.store.models import AssignmentRow, DocumentRow, UserRow
from app.store.repositories import AgencyRepository, FileRepository, utc
from app.store.workflow_repository import (
    TaskRow,
    WorkflowRepository,
    assignment_of,
    delegation_of,
    number_notation,
)

LEADERS = (Role.LEADER, Role.DEPUTY)
MAX_PAGE = 500


class WorkflowService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    # ---- refusals ----------------------------------------------------------------------------------------------
    @contextmanager
    def _audited(self, actor: Actor, action: str, object_type: str, object_id: str) -> Iterator[None]:
        """Audit every refusal of `action`, after the failed transaction has rolled back."""
        try:
            yield
        except PermissionDeniedError as exc:
            details = {"action": action, "reason": exc.code, **exc.params, "has": sorted(r.value for r in actor.roles)}
            with self._ctx.db.session() as s:
                self._ctx.audit.record(s, actor, "permission.denied", "action", action, details)
            raise
        except DomainError as exc:
            details = {"action": action, "code": exc.code, **exc.params}
            with self._ctx.db.session() as s:
                self._ctx.audit.record(s, actor, "workflow.refused", object_type, object_id, details)
            raise

    @staticmethod
    def _need(actor: Actor, action: str, *roles: Role) -> None:
        if not any(actor.has_role(r) for r in roles):
            raise PermissionDeniedError(
                "permission.denied", action=action, roles=", ".join(sorted(r.value for r in roles))
            )

    @staticmethod
    def _need_user(actor: Actor, action: str) -> int:
        if actor.user_id is None:
            raise PermissionDeniedError("workflow.needs_user", action=action)
        return actor.user_id

    def _agency_id(self, s: Session) -> int:
        agency = AgencyRepository(s).own()
        if agency is None:
            raise NotFoundError("storage.no_agency")
        return agency.id

    def _calendar(self, s: Session, agency_id: int | None) -> WorkingCalendar:
        if agency_id is None:
            return WorkingCalendar()
        repo = WorkflowRepository(s)
        return WorkingCalendar(repo.year_tables(agency_id), repo.office_hours(agency_id))

    def _own_calendar(self, s: Session) -> WorkingCalendar:
        agency = AgencyRepository(s).own()
        return self._calendar(s, agency.id if agency else None)

    @staticmethod
    def _document_row(s: Session, document_id: str) -> DocumentRow:
        row = s.get(DocumentRow, document_id)
        if row is None:
            raise NotFoundError("document.not_found", id=document_id)
        return row

    def _acting_for(self, s: Session, actor: Actor, leader_user_id: int, now: datetime) -> Delegation | None:
        """None when the actor is the leader; the delegation when a deputy acts for them; refused otherwise."""
        if actor.user_id == leader_user_id:
            return None
        repo = WorkflowRepository(s)
        leader = repo.user_names([leader_user_id]).get(leader_user_id, str(leader_user_id))
        if actor.user_id is not None:
            given = repo.delegations(leader_user_id=leader_user_id, deputy_user_id=actor.user_id)
            active = [d for d in given if d.covers(now)]
            if active:
                return active[0]
            if given:
                latest = max(given, key=lambda d: d.ends_at)
                raise PermissionDeniedError(
                    "workflow.delegation_inactive",
                    leader=leader,
                    starts=latest.starts_at.isoformat(timespec="minutes"),
                    ends=latest.ends_at.isoformat(timespec="minutes"),
                )
        raise PermissionDeniedError("workflow.not_your_inbox", leader=leader)

    @staticmethod
    def _acting_details(delegation: Delegation | None, names: Mapping[int, str]) -> dict[str, Any]:
        if delegation is None:
            return {}
        return {
            "acting_for": {
                "leader_id": delegation.leader_user_id,
                "leader": names.get(delegation.leader_user_id, ""),
                "delegation": delegation.id,
            }
        }

    def _conflict_from_stale(self, object_type: str, object_id: str) -> ConflictError:
        """Two workstations wrote the same row at once (PostgreSQL): the later one is told who won."""
        with self._ctx.db.read_session() as s:
            return self._changed(s, object_type, object_id)

    # ---- delegation --------------------------------------------------------------------------------------------
    def delegate(
        self,
        actor: Actor,
        deputy_user_id: int,
        starts_at: datetime,
        ends_at: datetime,
        *,
        leader_user_id: int | None = None,
        note: str = "",
    ) -> Delegation:
        """A leader lets a deputy act for them in [starts_at, ends_at); an admin may record it for a leader."""
        action = "workflow.delegate"
        with self._audited(actor, action, "user", str(deputy_user_id)):
            self._need(actor, action, Role.LEADER, Role.ADMIN)
            leader_id = leader_user_id if leader_user_id is not None else actor.user_id
            if leader_id is None:
                raise ValidationError("workflow.delegation_leader_required")
            if leader_id != actor.user_id and not actor.has_role(Role.ADMIN):
                raise PermissionDeniedError("workflow.delegate_own_only", action=action)
            if leader_id == deputy_user_id:
                raise ValidationError("workflow.delegation_to_self")
            now = self._ctx.clock()
            check_delegation_period(starts_at, ends_at, now)
            with self._ctx.db.session() as s:
                repo = WorkflowRepository(s)
                leader = repo.user_row(leader_id)
                deputy = repo.user_row(deputy_user_id)
                if not {r.role for r in leader.roles} & {Role.LEADER.value}:
                    raise ValidationError("workflow.not_a_leader", name=leader.full_name)
                self._check_active(deputy)
                if not {r.role for r in deputy.roles} & {Role.DEPUTY.value, Role.LEADER.value}:
                    raise ValidationError("workflow.not_a_deputy", name=deputy.full_name)
                made = repo.add_delegation(
                    leader_user_id=leader_id,
                    deputy_user_id=deputy_user_id,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    note=note.strip(),
                    created_at=now,
                    created_by=actor.username,
                )
                self._ctx.audit.record(
                    s,
                    actor,
                    action,
                    "delegation",
                    str(made.id),
                    {
                        "leader": leader.full_name,
                        "deputy": deputy.full_name,
                        "starts": starts_at.isoformat(),
                        "ends": ends_at.isoformat(),
                    },
                )
                return made

    def revoke_delegation(self, actor: Actor, delegation_id: int) -> Delegation:
        action = "workflow.revoke_delegation"
        with self._audited(actor, action, "delegation", str(delegation_id)):
            self._need(actor, action, Role.LEADER, Role.ADMIN)
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = WorkflowRepository(s)
                row = repo.delegation_row(delegation_id)
                if row.leader_user_id != actor.user_id and not actor.has_role(Role.ADMIN):
                    raise PermissionDeniedError("workflow.delegate_own_only", action=action)
                if row.revoked_at is None:
                    row.revoked_at = utc(now)
                    s.flush()
                self._ctx.audit.record(s, actor, action, "delegation", str(delegation_id), {})
                return delegation_of(row)

    def delegations(self, actor: Actor) -> list[Delegation]:
        """Delegations the actor gave or received (all of them for an admin)."""
        with self._ctx.db.read_session() as s:
            repo = WorkflowRepository(s)
            if actor.has_role(Role.ADMIN) or actor.user_id is None:
                return repo.delegations() if actor.has_role(Role.ADMIN) else []
            given = repo.delegations(leader_user_id=actor.user_id)
            received = repo.delegations(deputy_user_id=actor.user_id)
            return sorted({d.id: d for d in given + received}.values(), key=lambda d: d.starts_at)

    @staticmethod
    def _check_active(user: UserRow) -> None:
        if not user.is_active:
            raise ValidationError("workflow.user_inactive", name=user.full_name)

    # ---- presenting --------------------------------------------------------------------------------------------
    def present(self, actor: Actor, document_ids: Sequence[str], leader_user_id: int) -> list[Presented]:
        """The clerk puts registered incoming documents in a leader's (or deputy's) inbox, all or none.

        A document already presented may be presented again to another leader (handed over)."""
        action = "workflow.present"
        with self._audited(actor, action, "document", ",".join(document_ids)[:64]):
            self._need(actor, action, Role.CLERK, Role.ADMIN)
            if not document_ids:
                raise ValidationError("workflow.nothing_selected")
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                return self._present(s, actor, document_ids, leader_user_id, now)

    def _present(
        self, s: Session, actor: Actor, document_ids: Sequence[str], leader_user_id: int, now: datetime
    ) -> list[Presented]:
        repo = WorkflowRepository(s)
        leader = repo.user_row(leader_user_id)
        self._check_active(leader)
        if not {r.role for r in leader.roles} & {Role.LEADER.value, Role.DEPUTY.value}:
            raise ValidationError("workflow.not_a_leader", name=leader.full_name)
        done: list[Presented] = []
        for document_id in dict.fromkeys(document_ids):
            doc = self._document_row(s, document_id)
            if doc.direction != Direction.INCOMING.value:
                raise ValidationError("workflow.not_incoming", id=document_id)
            state = DocumentState(doc.state)
            check_transition(state, DocumentState.PRESENTED)
            before = repo.presentation(document_id)
            if before is not None and before.leader_user_id == leader_user_id and before.pending:
                raise ConflictError("workflow.already_presented", name=leader.full_name)
            repo.present(doc, leader_user_id=leader_user_id, by_user_id=actor.user_id, by=actor.username, now=now)
            doc.state = DocumentState.PRESENTED.value
            doc.updated_at = utc(now)
            flag_modified(doc, "updated_at")  # a hand-over to another leader moves the version too
            self._ctx.audit.record(
                s,
                actor,
                "workflow.present",
                "document",
                document_id,
                {"leader_id": leader_user_id, "leader": leader.full_name, "urgency": doc.urgency, "from": state.value},
            )
            done.append(Presented(document_id, leader_user_id, now, Urgency(doc.urgency)))
        s.flush()
        return done

    def auto_present_on_registration(
        self, actor: Actor, document_id: str, leader_user_id: int | None = None
    ) -> Presented | None:
        """Hook for the registry: present a just-registered incoming document at once (seed Art 8.3).

        RegistryService.register_incoming (or the intake page, until the registry calls it) calls this right after
        the registration commits, with the clerk as actor. Without `leader_user_id` the agency's leader (the active
        user with the leader role and the lowest id) receives it. Returns None when the agency has no leader yet:
        the document then stays registered and shows in `not_presented_today`. The result's `urgent` tells the UI
        to raise a desktop notification for Khẩn / Thượng khẩn / Hỏa tốc. Besides the clerk and the admin, the
        system actor (no user: the exchange receiving an electronic document) may present through this hook.
        """
        if actor.user_id is not None:
            self._need_role_audited(actor, "workflow.present", Role.CLERK, Role.ADMIN)
        if leader_user_id is None:
            with self._ctx.db.read_session() as s:
                agency = AgencyRepository(s).own()
                leader = WorkflowRepository(s).first_leader(agency.id) if agency else None
                if leader is None:
                    return None
                leader_user_id = leader.id
        with self._audited(actor, "workflow.present", "document", document_id), self._ctx.db.session() as s:
            return self._present(s, actor, [document_id], leader_user_id, self._ctx.clock())[0]

    def _need_role_audited(self, actor: Actor, action: str, *roles: Role) -> None:
        with self._audited(actor, action, "action", action):
            self._need(actor, action, *roles)

    def not_presented_today(self, actor: Actor) -> list[NotPresentedItem]:
        """Registered incoming documents whose presentation falls due by the close of the current working day
        (urgent ones at once) and that no one has presented yet; `overdue` once that moment has passed."""
        action = "workflow.not_presented"
        with self._audited(actor, action, "document", "*"):
            self._need(actor, action, Role.CLERK, Role.ADMIN, Role.LEADER, Role.DEPUTY)
            now = self._ctx.clock()
            with self._ctx.db.read_session() as s:
                agency_id = self._agency_id(s)
                cal = self._calendar(s, agency_id)
                rows = WorkflowRepository(s).registered_not_presented(agency_id)
            horizon = cal.end_of_working_day(now)
            items = []
            for r in rows:
                due = cal.presentation_deadline(r.registered_at, r.urgency.is_urgent)
                if due <= horizon:
                    items.append(
                        NotPresentedItem(
                            r.document_id,
                            r.urgency,
                            r.issuer_name,
                            r.number_notation,
                            r.summary,
                            r.registered_at,
                            due,
                            due < now,
                        )
                    )
            return items

    # ---- the leader's inbox ------------------------------------------------------------------------------------
    def _inbox_leaders(self, s: Session, user_id: int, now: datetime) -> list[int]:
        """The actor's own inbox plus those of leaders who delegated to them now."""
        leaders = [user_id]
        for d in WorkflowRepository(s).active_delegations_to(user_id, now):
            if d.leader_user_id not in leaders:
                leaders.append(d.leader_user_id)
        return leaders

    def inbox(self, actor: Actor, *, offset: int = 0, limit: int = 50) -> list[InboxItem]:
        """Presented documents waiting for a direction: Hỏa tốc, Thượng khẩn, Khẩn, normal; oldest first within."""
        action = "workflow.inbox"
        with self._audited(actor, action, "inbox", str(actor.user_id)):
            self._need(actor, action, *LEADERS)
            user_id = self._need_user(actor, action)
            now = self._ctx.clock()
            with self._ctx.db.read_session() as s:
                leaders = self._inbox_leaders(s, user_id, now)
                repo = WorkflowRepository(s)
                rows = repo.inbox_page(leaders, max(0, offset), max(0, min(limit, MAX_PAGE)))
                numbers = repo.incoming_numbers([r.document_id for r in rows])
                cal = self._own_calendar(s)
            items = []
            ages = working_ages(cal, [r.received_at for r in rows], now)
            for r, (days, hours) in zip(rows, ages, strict=True):
                items.append(
                    InboxItem(
                        document_id=r.document_id,
                        version=r.version,
                        urgency=r.urgency,
                        doc_type=r.doc_type,
                        number_notation=r.number_notation,
                        issued_date=r.issued_date,
                        issuer_name=r.issuer_name,
                        summary=r.summary,
                        incoming_number=numbers.get(r.document_id),
                        received_at=r.received_at,
                        presented_at=r.presented_at,
                        presented_by=r.presented_by,
                        leader_user_id=r.leader_user_id,
                        acting_for=r.leader_user_id if r.leader_user_id != user_id else None,
                        age_working_days=days,
                        age_working_hours=hours,
                    )
                )
            return items

    def count_inbox(self, actor: Actor) -> int:
        action = "workflow.inbox"
        with self._audited(actor, action, "inbox", str(actor.user_id)):
            self._need(actor, action, *LEADERS)
            user_id = self._need_user(actor, action)
            with self._ctx.db.read_session() as s:
                return WorkflowRepository(s).count_inbox(self._inbox_leaders(s, user_id, self._ctx.clock()))

    def direct(
        self,
        actor: Actor,
        document_ids: Sequence[str],
        direction_text: str,
        *,
        lead_unit_id: int | None = None,
        lead_user_id: int | None = None,
        coordinators: Sequence[Party] = (),
        deadline: date | None = None,
        working_days: int | None = None,
        for_information: bool = False,
        expected_versions: Mapping[str, int] | None = None,
    ) -> list[Assignment]:
        """The leader's direction on one or several presented documents, all or none: an Assignment each.

        `working_days` counts from each document's registration (after hours → the next session), so documents
        registered on different days get their own deadline. `expected_versions` (from the inbox items) catches a
        document someone else changed meanwhile. "For information" files the document without a deadline.
        """
        action = "workflow.direct"
        with self._audited(actor, action, "document", ",".join(document_ids)[:64]):
            self._need(actor, action, *LEADERS)
            self._need_user(actor, action)
            if not document_ids:
                raise ValidationError("workflow.nothing_selected")
            text = direction_text.strip()
            lead = self._lead(lead_unit_id, lead_user_id, for_information)
            if not for_information and not text:
                raise ValidationError("workflow.direction_empty")
            now = self._ctx.clock()
            try:
                with self._ctx.db.session() as s:
                    return self._direct(
                        s,
                        actor,
                        document_ids,
                        text,
                        lead,
                        coordinators,
                        deadline,
                        working_days,
                        for_information,
                        expected_versions or {},
                        now,
                    )
            except StaleDataError:
                raise self._conflict_from_stale("document", document_ids[0]) from None

    @staticmethod
    def _lead(unit_id: int | None, user_id: int | None, for_information: bool) -> Party | None:
        if unit_id is not None and user_id is not None:
            raise ValidationError("workflow.lead_unit_or_user")
        if unit_id is None and user_id is None:
            if for_information:
                return None
            raise ValidationError("workflow.lead_required")
        return Party(unit_id=unit_id, user_id=user_id)

    def _check_parties(self, s: Session, lead: Party | None, coordinators: Sequence[Party]) -> dict[Party, str]:
        """Every named unit exists and every named person is active; names for the audit and the slip."""
        repo = WorkflowRepository(s)
        names: dict[Party, str] = {}
        for party in ([lead] if lead else []) + list(coordinators):
            key = Party(unit_id=party.unit_id, user_id=party.user_id)
            if key in names:
                raise ValidationError("workflow.party_repeated", name=names[key])
            if party.user_id is not None:
                user = repo.user_row(party.user_id)
                self._check_active(user)
                names[key] = user.full_name
            else:
                assert party.unit_id is not None
                names[key] = repo.unit_row(party.unit_id).name
        return names

    def _direct(
        self,
        s: Session,
        actor: Actor,
        document_ids: Sequence[str],
        text: str,
        lead: Party | None,
        coordinators: Sequence[Party],
        deadline: date | None,
        working_days: int | None,
        for_information: bool,
        expected_versions: Mapping[str, int],
        now: datetime,
    ) -> list[Assignment]:
        repo = WorkflowRepository(s)
        names = self._check_parties(s, lead, coordinators)
        coordinators = [Party(unit_id=c.unit_id, user_id=c.user_id) for c in coordinators]
        cal = self._calendar(s, self._agency_id(s))
        if for_information and (deadline is not None or working_days is not None):
            raise ValidationError("workflow.information_has_no_deadline")
        target = DocumentState.FOR_INFORMATION if for_information else DocumentState.ASSIGNED
        made: list[Assignment] = []
        for document_id in dict.fromkeys(document_ids):
            doc = self._document_row(s, document_id)
            presentation = repo.presentation(document_id)
            if presentation is None:
                raise ConflictError("workflow.not_presented", id=document_id)
            delegation = self._acting_for(s, actor, presentation.leader_user_id, now)
            if not presentation.pending:
                last = repo.latest_assignment(document_id)
                by = repo.user_names([last.directed_by_user_id]) if last else {}
                raise ConflictError(
                    "workflow.already_directed",
                    by=by.get(last.directed_by_user_id or -1, "?") if last else "?",
                    at=presentation.directed_at.isoformat() if presentation.directed_at else "",
                )
            expected = expected_versions.get(document_id)
            if expected is not None and expected != doc.version:
                raise self._changed(s, "document", document_id)
            check_transition(DocumentState(doc.state), target)
            due = None
            if not for_information:
                due = resolve_deadline(
                    cal, repo.received_at(doc), cal.local(now).date(), deadline=deadline, working_days=working_days
                )
            state = AssignmentState.FOR_INFORMATION if for_information else AssignmentState.ASSIGNED
            row = repo.add_assignment(
                document_id=document_id,
                direction_text=text,
                lead=lead,
                coordinators=coordinators,
                deadline=due,
                state=state,
                leader_user_id=presentation.leader_user_id,
                directed_by_user_id=actor.user_id,
                now=now,
            )
            presentation.pending = False
            presentation.directed_at = utc(now)
            doc.state = target.value
            doc.updated_at = utc(now)
            s.flush()
            leader_names = repo.user_names([presentation.leader_user_id])
            self._ctx.audit.record(
                s,
                actor,
                "workflow.for_information" if for_information else "workflow.direct",
                "document",
                document_id,
                {
                    "assignment": row.id,
                    "direction": text,
                    "lead": names.get(lead, "") if lead else "",
                    "coordinators": [names[c] for c in coordinators],
                    "deadline": due.isoformat() if due else None,
                    "working_days": working_days,
                    **self._acting_details(delegation, leader_names),
                },
            )
            if not for_information:  # "phân công" goes back to the sender of an axis document (design §2)
                queue_workflow_status(s, self._ctx, document_id, StatusCode.ASSIGNED, text, actor=actor, now=now)
            made.append(assignment_of(row))
        return made

    def processing_slip(self, actor: Actor, assignment_id: int) -> ProcessingSlip:
        """The data of the phiếu giải quyết văn bản đến, for the PDF renderer."""
        action = "workflow.slip"
        with self._audited(actor, action, "assignment", str(assignment_id)), self._ctx.db.read_session() as s:
            repo = WorkflowRepository(s)
            row = repo.assignment_row(assignment_id)
            self._may_read(s, actor, row, action)
            a = assignment_of(row)
            doc = self._document_row(s, a.document_id)
            agency = AgencyRepository(s).own()
            users = repo.user_names(
                [a.leader_user_id, a.directed_by_user_id] + [p.user_id for p in (a.lead, *a.coordinators) if p]
            )
            units = repo.unit_names([p.unit_id for p in (a.lead, *a.coordinators) if p])

            def name(p: Party) -> str:
                return users.get(p.user_id, "") if p.user_id is not None else units.get(p.unit_id or -1, "")

            return ProcessingSlip(
                agency_name=agency.name if agency else "",
                document_id=doc.id,
                incoming_number=repo.incoming_numbers([doc.id]).get(doc.id),
                received_at=repo.received_at(doc),
                issuer_name=doc.issuer_name,
                number_notation=number_notation(doc.number, doc.notation),
                issued_date=doc.issued_date,
                summary=doc.summary,
                urgency=Urgency(doc.urgency),
                direction_text=a.direction_text,
                lead=name(a.lead) if a.lead else "",
                coordinators=tuple(name(c) for c in a.coordinators),
                deadline=a.deadline,
                for_information=a.state is AssignmentState.FOR_INFORMATION,
                leader_name=users.get(a.leader_user_id, ""),
                acting_for=users.get(a.leader_user_id, "") if a.acting_for is not None else None,
                directed_by_name=users.get(a.directed_by_user_id or -1, ""),
                directed_at=a.created_at,
                result_text=a.result_text,
            )

    # ---- specialists' tasks ------------------------------------------------------------------------------------
    def my_tasks(
        self, actor: Actor, *, state: TaskFilter = TaskFilter.OPEN, offset: int = 0, limit: int = 50
    ) -> list[TaskItem]:
        """Assignments where the actor leads or coordinates, in person or through their unit; nearest deadline
        first (latest first for done/all)."""
        action = "workflow.my_tasks"
        with self._audited(actor, action, "user", str(actor.user_id)):
            self._need(actor, action, Role.SPECIALIST, Role.LEADER, Role.DEPUTY, Role.CLERK)
            user_id = self._need_user(actor, action)
            now = self._ctx.clock()
            with self._ctx.db.read_session() as s:
                repo = WorkflowRepository(s)
                cal = self._own_calendar(s)
                today = cal.local(now).date()
                unit_id = repo.user_units([user_id]).get(user_id)
                page = repo.task_page(
                    user_id,
                    unit_id,
                    state,
                    today,
                    due_soon_limit(cal, today),
                    max(0, offset),
                    max(0, min(limit, MAX_PAGE)),
                )
                rows = repo.task_rows([a for a, _ in page])
            return _task_items(page, rows, cal, today)

    def party_tasks(
        self,
        actor: Actor,
        *,
        unit_id: int | None = None,
        user_id: int | None = None,
        state: TaskFilter = TaskFilter.OPEN,
        offset: int = 0,
        limit: int = 50,
    ) -> list[TaskItem]:
        """The assignments a unit (itself or its people) or a person leads: what a number of the overview counts."""
        action = "workflow.overview"
        with self._audited(actor, action, "overview", f"{unit_id}:{user_id}"):
            self._need(actor, action, *LEADERS)
            if (unit_id is None) == (user_id is None):
                raise ValidationError("workflow.party_unclear")
            with self._ctx.db.read_session() as s:
                repo = WorkflowRepository(s)
                cal = self._own_calendar(s)
                today = cal.local(self._ctx.clock()).date()
                ids = repo.lead_page(unit_id, user_id, state, today, due_soon_limit(cal, today), max(0, offset),
                                     max(0, min(limit, MAX_PAGE)))
                rows = repo.task_rows(ids)
            return _task_items([(i, PartyRole.LEAD) for i in ids], rows, cal, today)

    def count_my_tasks(self, actor: Actor, *, state: TaskFilter = TaskFilter.OPEN) -> int:
        action = "workflow.my_tasks"
        with self._audited(actor, action, "user", str(actor.user_id)):
            self._need(actor, action, Role.SPECIALIST, Role.LEADER, Role.DEPUTY, Role.CLERK)
            user_id = self._need_user(actor, action)
            with self._ctx.db.read_session() as s:
                repo = WorkflowRepository(s)
                cal = self._own_calendar(s)
                today = cal.local(self._ctx.clock()).date()
                unit_id = repo.user_units([user_id]).get(user_id)
                return repo.count_tasks(user_id, unit_id, state, today, due_soon_limit(cal, today))

    def _roles_in(self, s: Session, actor: Actor, row: AssignmentRow) -> set[PartyRole]:
        if actor.user_id is None:
            return set()
        unit_id = WorkflowRepository(s).user_units([actor.user_id]).get(actor.user_id)
        return {
            PartyRole(p.role)
            for p in row.parties
            if p.user_id == actor.user_id or (unit_id is not None and p.unit_id == unit_id)
        }

    def _may_read(self, s: Session, actor: Actor, row: AssignmentRow, action: str) -> None:
        """Participants, leaders and the clerk may read an assignment and its notes."""
        if self._roles_in(s, actor, row) or any(actor.has_role(r) for r in (Role.LEADER, Role.DEPUTY, Role.CLERK)):
            return
        raise PermissionDeniedError("workflow.not_a_participant", action=action)

    def assignment(self, actor: Actor, assignment_id: int) -> Assignment:
        action = "workflow.assignment"
        with self._audited(actor, action, "assignment", str(assignment_id)), self._ctx.db.read_session() as s:
            row = WorkflowRepository(s).assignment_row(assignment_id)
            self._may_read(s, actor, row, action)
            return assignment_of(row)

    def notes(self, actor: Actor, assignment_id: int) -> list[ProgressNote]:
        """Progress, coordinators' input and result, oldest first: for the participants and the leaders."""
        action = "workflow.notes"
        with self._audited(actor, action, "assignment", str(assignment_id)), self._ctx.db.read_session() as s:
            repo = WorkflowRepository(s)
            self._may_read(s, actor, repo.assignment_row(assignment_id), action)
            return repo.notes(assignment_id)

    def add_progress(
        self,
        actor: Actor,
        assignment_id: int,
        text: str,
        files: Sequence[tuple[str, bytes]] = (),
        *,
        expected_version: int | None = None,
    ) -> ProgressNote:
        """The lead reports progress, with files; the first report moves the work to "in progress"."""
        return self._note(actor, assignment_id, NoteKind.PROGRESS, text, files, expected_version)

    def add_input(
        self,
        actor: Actor,
        assignment_id: int,
        text: str,
        files: Sequence[tuple[str, bytes]] = (),
        *,
        expected_version: int | None = None,
    ) -> ProgressNote:
        """A coordinator's contribution for the lead (ý kiến phối hợp)."""
        return self._note(actor, assignment_id, NoteKind.INPUT, text, files, expected_version)

    def _store_files(self, files: Sequence[tuple[str, bytes]]) -> list[tuple[str, str, int, str]]:
        """Make every file durable before any row refers to it: (sha256, name, size, content type)."""
        stored = []
        for name, content in files:
            if not name.strip():
                raise ValidationError("workflow.file_name_empty")
            check_file_size(len(content), name)
            put = self._ctx.files.put_bytes(content)
            stored.append((put.sha256, name.strip(), put.size, sniff_content_type(content[:16])))
        return stored

    def _note(
        self,
        actor: Actor,
        assignment_id: int,
        kind: NoteKind,
        text: str,
        files: Sequence[tuple[str, bytes]],
        expected_version: int | None,
    ) -> ProgressNote:
        action = f"workflow.{kind.value}"
        with self._audited(actor, action, "assignment", str(assignment_id)):
            self._need_user(actor, action)
            if not text.strip() and not files:
                raise ValidationError("workflow.note_empty")
            stored = self._store_files(files)
            now = self._ctx.clock()
            try:
                with self._ctx.db.session() as s:
                    return self._add_note(s, actor, assignment_id, kind, text.strip(), stored, expected_version, now)
            except StaleDataError:
                raise self._conflict_from_stale("assignment", str(assignment_id)) from None

    def _add_note(
        self,
        s: Session,
        actor: Actor,
        assignment_id: int,
        kind: NoteKind,
        text: str,
        stored: Sequence[tuple[str, str, int, str]],
        expected_version: int | None,
        now: datetime,
    ) -> ProgressNote:
        repo = WorkflowRepository(s)
        row = repo.assignment_row(assignment_id)
        needed = PartyRole.COORDINATOR if kind is NoteKind.INPUT else PartyRole.LEAD
        if needed not in self._roles_in(s, actor, row):
            if needed is PartyRole.COORDINATOR:
                raise PermissionDeniedError("workflow.not_coordinator", action=f"workflow.{kind.value}")
            raise PermissionDeniedError("workflow.not_lead", action=f"workflow.{kind.value}")
        state = AssignmentState(row.state)
        if not state.is_open:
            raise ConflictError("workflow.assignment_closed", state=state.value)
        if expected_version is not None and expected_version != row.version:
            raise self._changed(s, "assignment", str(row.id))
        for sha, _name, size, content_type in stored:
            FileRepository(s).ensure(sha, size, content_type, now)
        note = repo.add_note(
            assignment_id=assignment_id,
            author_user_id=actor.user_id,
            author=actor.username,
            kind=kind,
            text=text,
            files=[(sha, name) for sha, name, _size, _type in stored],
            now=now,
        )
        if kind is NoteKind.PROGRESS and state is AssignmentState.ASSIGNED:
            repo.set_state(row, AssignmentState.IN_PROGRESS, now)
            doc = self._document_row(s, row.document_id)
            if doc.state == DocumentState.ASSIGNED.value:
                doc.state = DocumentState.IN_PROGRESS.value
                doc.updated_at = utc(now)
        else:
            row.updated_at = utc(now)  # bumps the version: the lead sees new input
        s.flush()
        self._ctx.audit.record(
            s,
            actor,
            f"workflow.{kind.value}",
            "assignment",
            str(assignment_id),
            {"note": note.id, "document": row.document_id, "files": [f.sha256 for f in note.files]},
        )
        return note

    def _changed(self, s: Session, object_type: str, object_id: str) -> ConflictError:
        """ "Changed by X at T, reload": X and T from the object's last audit event."""
        history = self._ctx.audit.history(s, object_type, object_id)
        last = history[-1] if history else None
        return ConflictError(
            "workflow.changed_by_other", id=object_id, by=last.actor if last else "?", at=last.at if last else ""
        )

    def finish(
        self,
        actor: Actor,
        assignment_id: int,
        result_text: str,
        *,
        reply_document_id: str | None = None,
        files: Sequence[tuple[str, bytes]] = (),
        expected_version: int | None = None,
    ) -> Assignment:
        """The lead closes the work with a result (and maybe the reply draft): the document is done."""
        action = "workflow.finish"
        with self._audited(actor, action, "assignment", str(assignment_id)):
            self._need_user(actor, action)
            text = result_text.strip()
            if not text:
                raise ValidationError("workflow.result_empty")
            stored = self._store_files(files)
            now = self._ctx.clock()
            try:
                with self._ctx.db.session() as s:
                    return self._finish(s, actor, assignment_id, text, reply_document_id, stored, expected_version, now)
            except StaleDataError:
                raise self._conflict_from_stale("assignment", str(assignment_id)) from None

    def _finish(
        self,
        s: Session,
        actor: Actor,
        assignment_id: int,
        text: str,
        reply_document_id: str | None,
        stored: Sequence[tuple[str, str, int, str]],
        expected_version: int | None,
        now: datetime,
    ) -> Assignment:
        repo = WorkflowRepository(s)
        row = repo.assignment_row(assignment_id)
        if PartyRole.LEAD not in self._roles_in(s, actor, row):
            raise PermissionDeniedError("workflow.not_lead", action="workflow.finish")
        state = AssignmentState(row.state)
        if not state.is_open:
            raise ConflictError("workflow.assignment_closed", state=state.value)
        if expected_version is not None and expected_version != row.version:
            raise self._changed(s, "assignment", str(row.id))
        if reply_document_id is not None:
            self._document_row(s, reply_document_id)
        for sha, _name, size, content_type in stored:
            FileRepository(s).ensure(sha, size, content_type, now)
        note = repo.add_note(
            assignment_id=assignment_id,
            author_user_id=actor.user_id,
            author=actor.username,
            kind=NoteKind.RESULT,
            text=text,
            files=[(sha, name) for sha, name, _size, _type in stored],
            now=now,
        )
        repo.set_state(row, AssignmentState.DONE, now)
        row.result_text = text
        row.finished_at = utc(now)
        row.finished_by_user_id = actor.user_id
        row.reply_document_id = reply_document_id
        doc = self._document_row(s, row.document_id)
        check_transition(DocumentState(doc.state), DocumentState.DONE)
        doc.state = DocumentState.DONE.value
        doc.updated_at = utc(now)
        s.flush()
        cal = self._own_calendar(s)
        late = row.deadline is not None and cal.is_late(row.deadline, now)
        self._ctx.audit.record(
            s,
            actor,
            "workflow.finish",
            "assignment",
            str(assignment_id),
            {"document": row.document_id, "note": note.id, "reply": reply_document_id, "late": late},
        )
        queue_workflow_status(s, self._ctx, row.document_id, StatusCode.DONE, text, actor=actor, now=now)
        return assignment_of(row)

    def overview(self, actor: Actor) -> list[OverviewRow]:
        """Open, overdue and due-soon work per unit (its own and its people's) and per person, for the leaders."""
        action = "workflow.overview"
        with self._audited(actor, action, "overview", "*"):
            self._need(actor, action, *LEADERS)
            with self._ctx.db.read_session() as s:
                repo = WorkflowRepository(s)
                cal = self._own_calendar(s)
                today = cal.local(self._ctx.clock()).date()
                open_counts = repo.overview_counts(today, due_soon_limit(cal, today))
                counts = [(u, p, n, o, d, 0) for u, p, n, o, d in open_counts]
                counts += [(u, p, 0, 0, 0, done) for u, p, done in repo.done_counts()]
                people = [p for _u, p, *_ in counts if p is not None]
                person_unit = repo.user_units(people)
                units: dict[int, list[int]] = {}
                persons: dict[int, list[int]] = {}
                for unit_id, user_id, *figures in counts:
                    if user_id is not None:
                        persons.setdefault(user_id, [0, 0, 0, 0])
                        persons[user_id] = [a + b for a, b in zip(persons[user_id], figures, strict=True)]
                        unit_id = person_unit.get(user_id)
                    if unit_id is not None:
                        units.setdefault(unit_id, [0, 0, 0, 0])
                        units[unit_id] = [a + b for a, b in zip(units[unit_id], figures, strict=True)]
                unit_names = repo.unit_names(units)
                user_names = repo.user_names(persons)
            rows = [OverviewRow("unit", u, unit_names.get(u, ""), *c) for u, c in units.items()]
            rows.sort(key=lambda r: (-r.overdue, r.name))
            people_rows = [OverviewRow("user", p, user_names.get(p, ""), *c) for p, c in persons.items()]
            people_rows.sort(key=lambda r: (-r.overdue, r.name))
            return rows + people_rows

    # ---- calendar ----------------------------------------------------------------------------------------------
    def calendar(self, agency_id: int | None = None) -> WorkingCalendar:
        """The agency's working calendar: built-in years, its own year tables, its office hours."""
        with self._ctx.db.read_session() as s:
            if agency_id is None:
                return self._own_calendar(s)
            return self._calendar(s, agency_id)

    def year_calendars(self, agency_id: int | None = None) -> dict[int, YearCalendar]:
        with self._ctx.db.read_session() as s:
            return WorkflowRepository(s).year_tables(agency_id if agency_id is not None else self._agency_id(s))

    def save_year_calendar(self, actor: Actor, table: YearCalendar, *, agency_id: int | None = None) -> None:
        """The admin records a year's days off and make-up working days (the Government's swaps)."""
        action = "calendar.save_year"
        with self._audited(actor, action, "calendar", str(table.year)):
            self._need(actor, action, Role.ADMIN)
            with self._ctx.db.session() as s:
                agency = agency_id if agency_id is not None else self._agency_id(s)
                WorkingCalendar({table.year: table})  # refuses a table that is not of its year
                WorkflowRepository(s).save_year(agency, table, by=actor.username, now=self._ctx.clock())
                self._ctx.audit.record(s, actor, action, "calendar", f"{agency}:{table.year}", table.to_dict())

    def delete_year_calendar(self, actor: Actor, year: int, *, agency_id: int | None = None) -> bool:
        action = "calendar.delete_year"
        with self._audited(actor, action, "calendar", str(year)):
            self._need(actor, action, Role.ADMIN)
            with self._ctx.db.session() as s:
                agency = agency_id if agency_id is not None else self._agency_id(s)
                removed = WorkflowRepository(s).delete_year(agency, year)
                self._ctx.audit.record(s, actor, action, "calendar", f"{agency}:{year}", {"removed": removed})
                return removed

    def save_office_hours(self, actor: Actor, hours: OfficeHours, *, agency_id: int | None = None) -> None:
        action = "calendar.save_hours"
        with self._audited(actor, action, "calendar", "hours"):
            self._need(actor, action, Role.ADMIN)
            with self._ctx.db.session() as s:
                agency = agency_id if agency_id is not None else self._agency_id(s)
                WorkflowRepository(s).save_office_hours(agency, hours, by=actor.username, now=self._ctx.clock())
                self._ctx.audit.record(s, actor, action, "calendar", f"{agency}:hours", hours.to_dict())

    # ---- sending -----------------------------------------------------------------------------------------------
    def record_issue_step(self, actor: Actor, document_id: str, step: IssueStep, at: datetime | None = None) -> None:
        """Note when an outgoing document was signed, numbered, sealed or sent. The signing and exchange services
        should rather call WorkflowRepository.mark_step inside their own transaction; this is for callers without
        one (and for tests)."""
        action = "workflow.issue_step"
        with self._audited(actor, action, "document", document_id):
            self._need(actor, action, Role.CLERK, Role.ADMIN, Role.LEADER, Role.DEPUTY)
            moment = at or self._ctx.clock()
            with self._ctx.db.session() as s:
                doc = self._document_row(s, document_id)
                if doc.direction != Direction.OUTGOING.value:
                    raise ValidationError("workflow.not_outgoing", id=document_id)
                WorkflowRepository(s).mark_step(document_id, step, moment)
                self._ctx.audit.record(
                    s, actor, action, "document", document_id, {"step": step.value, "at": moment.isoformat()}
                )

    def to_send(self, actor: Actor) -> list[ToSendItem]:
        """Sealed (issued) documents not yet sent, longest waiting first, with the same-day flags of seed Art 10.2.

        Without a recorded signing/sealing moment the document's last change stands in for both."""
        action = "workflow.to_send"
        with self._audited(actor, action, "document", "*"):
            self._need(actor, action, Role.CLERK, Role.ADMIN, Role.LEADER, Role.DEPUTY)
            now = self._ctx.clock()
            with self._ctx.db.read_session() as s:
                agency_id = self._agency_id(s)
                cal = self._calendar(s, agency_id)
                rows = WorkflowRepository(s).sealed_not_sent(agency_id)
            items = []
            for r in rows:
                sealed = r.sealed_at or r.updated_at
                signed = r.signed_at or sealed
                send_by, past_close, late = send_flags(cal, signed, now)
                items.append(
                    ToSendItem(
                        r.document_id,
                        r.number_notation,
                        r.summary,
                        signed,
                        sealed,
                        now - sealed,
                        send_by,
                        past_close,
                        late,
                        r.paper_only,
                    )
                )
            items.sort(key=lambda i: i.sealed_at)
            return items


def _task_items(
    page: Sequence[tuple[int, PartyRole]], rows: Mapping[int, TaskRow], cal: WorkingCalendar, today: date
) -> list[TaskItem]:
    items = []
    for assignment_id, role in page:
        r = rows[assignment_id]
        overdue, soon, left = deadline_flags(cal, r.deadline, today) if r.state.is_open else (False, False, None)
        items.append(
            TaskItem(
                r.assignment_id, r.document_id, r.version, role, r.urgency, r.number_notation, r.issuer_name,
                r.summary, r.direction_text, r.deadline, r.state, overdue, soon, left,
            )
        )
    return items
