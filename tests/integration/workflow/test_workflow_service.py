"""The processing workflow on SQLite and PostgreSQL: present, inbox, direct, tasks, progress, finish, overview,
delegation, calendar tables and the "to send" list — each refusal audited."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.domain.calendar import OfficeHours, YearCalendar
from app.domain.enums import Direction, DocumentState, RestrictionStamp, Urgency
from app.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from app.domain.model import Actor, Document
from app.domain.workflow import AssignmentState, IssueStep, NoteKind, Party, PartyRole, TaskFilter
from app.services.bundle import Services
from app.store.models import AssignmentRow, AuditEventRow, DocumentRow, StoredFileRow, UserRow
from app.store.repositories import AgencyRepository, DocumentRepository
from tests.conftest import FakeClock
from tests.integration.workflow.conftest import Team, at, register


def _events(services: Services, action: str) -> list[dict[str, object]]:
    with services.ctx.db.read_session() as s:
        rows = s.execute(select(AuditEventRow).where(AuditEventRow.action == action).order_by(AuditEventRow.seq))
        return [{"actor": r.actor, "object": r.object_id, **json.loads(r.details)} for r in rows.scalars()]


def _state(services: Services, document_id: str) -> DocumentState:
    return services.documents.get(document_id).state


def _presented(services: Services, team: Team, clock: FakeClock, n: int = 1, **kw: object) -> list[str]:
    ids = [register(services, team, **kw) for _ in range(n)]  # type: ignore[arg-type]
    services.workflow.present(team.clerk, ids, team.leader.user_id or 0)
    return ids


# ---- permissions ---------------------------------------------------------------------------------------------


def test_a_specialist_cannot_present_or_direct_and_each_refusal_is_audited(
    services: Services, team: Team, clock: FakeClock
) -> None:
    doc = register(services, team)
    with pytest.raises(PermissionDeniedError) as err:
        services.workflow.present(team.planner, [doc], team.leader.user_id or 0)
    assert err.value.code == "permission.denied" and err.value.params["action"] == "workflow.present"
    services.workflow.present(team.clerk, [doc], team.leader.user_id or 0)
    with pytest.raises(PermissionDeniedError):
        services.workflow.direct(team.planner, [doc], "Xử lý", lead_unit_id=team.unit_plan, working_days=5)
    with pytest.raises(PermissionDeniedError):
        services.workflow.inbox(team.clerk)
    with pytest.raises(PermissionDeniedError):
        services.workflow.save_year_calendar(team.leader, YearCalendar(2027))
    denied = _events(services, "permission.denied")
    assert [(e["actor"], e["action"]) for e in denied] == [
        ("kehoach1", "workflow.present"),
        ("kehoach1", "workflow.direct"),
        ("vanthu", "workflow.inbox"),
        ("giamdoc", "calendar.save_year"),
    ]
    assert _state(services, doc) is DocumentState.PRESENTED  # nothing changed by the refusals


def test_only_the_lead_finishes_and_only_a_coordinator_adds_input(
    services: Services, team: Team, clock: FakeClock
) -> None:
    (doc,) = _presented(services, team, clock)
    (a,) = services.workflow.direct(team.leader, [doc], "Phòng KH chủ trì", lead_user_id=team.planner.user_id,
                                    coordinators=[Party.unit(team.unit_finance)], working_days=5)
    with pytest.raises(PermissionDeniedError) as err:
        services.workflow.finish(team.accountant, a.id, "Xong")
    assert err.value.code == "workflow.not_lead"
    with pytest.raises(PermissionDeniedError) as err:
        services.workflow.add_input(team.planner, a.id, "ý kiến")
    assert err.value.code == "workflow.not_coordinator"
    with pytest.raises(PermissionDeniedError):
        services.workflow.add_progress(team.planner2, a.id, "không phải việc của tôi")
    reasons = [e["reason"] for e in _events(services, "permission.denied")]
    assert reasons == ["workflow.not_lead", "workflow.not_coordinator", "workflow.not_lead"]


# ---- presenting and the inbox --------------------------------------------------------------------------------


def test_present_puts_documents_in_the_inbox_urgent_first_then_oldest(
    services: Services, team: Team, clock: FakeClock
) -> None:
    clock.now = at(2026, 11, 25, 8, 0)
    old_normal = register(services, team, summary="thường cũ")
    clock.now = at(2026, 11, 25, 9, 0)
    urgent = register(services, team, urgency=Urgency.URGENT)
    clock.now = at(2026, 11, 25, 10, 0)
    new_normal = register(services, team, summary="thường mới")
    flash = register(services, team, urgency=Urgency.FLASH)
    very = register(services, team, urgency=Urgency.VERY_URGENT)
    clock.now = at(2026, 11, 25, 10, 30)
    presented = services.workflow.present(team.clerk, [new_normal, old_normal, urgent, flash, very],
                                          team.leader.user_id or 0)
    assert {p.document_id for p in presented if p.urgent} == {urgent, flash, very}  # the UI notifies these
    assert _state(services, flash) is DocumentState.PRESENTED

    clock.now = at(2026, 11, 26, 9, 0)  # next morning: 8:00-17:00 less lunch = 7 h, then 7:30-9:00 = 1.5 h
    inbox = services.workflow.inbox(team.leader)
    assert [i.document_id for i in inbox] == [flash, very, urgent, old_normal, new_normal]
    assert services.workflow.count_inbox(team.leader) == 5
    first_normal = inbox[3]
    assert first_normal.age_working_days == 1 and first_normal.age_working_hours == pytest.approx(8.5)
    assert first_normal.incoming_number is not None and first_normal.presented_by == "vanthu"
    assert first_normal.issuer_name == "UBND huyện Cẩm Xuyên" and "thường cũ" in first_normal.summary
    assert [i.document_id for i in services.workflow.inbox(team.leader, offset=3, limit=1)] == [old_normal]
    assert services.workflow.inbox(team.deputy) == []  # not delegated: the deputy sees only their own inbox
    assert len(_events(services, "workflow.present")) == 5


def test_a_document_cannot_be_presented_twice_to_the_same_leader_or_to_a_specialist(
    services: Services, team: Team, clock: FakeClock
) -> None:
    (doc,) = _presented(services, team, clock)
    with pytest.raises(ConflictError) as err:
        services.workflow.present(team.clerk, [doc], team.leader.user_id or 0)
    assert err.value.code == "workflow.already_presented"
    with pytest.raises(ValidationError) as verr:
        services.workflow.present(team.clerk, [doc], team.planner.user_id or 0)
    assert verr.value.code == "workflow.not_a_leader"
    services.workflow.present(team.clerk, [doc], team.deputy.user_id or 0)  # handed over to the deputy
    assert services.workflow.count_inbox(team.leader) == 0 and services.workflow.count_inbox(team.deputy) == 1
    assert [e["code"] for e in _events(services, "workflow.refused")] == [
        "workflow.already_presented", "workflow.not_a_leader"
    ]


def test_auto_present_hook_sends_arrivals_to_the_agency_leader(
    services: Services, team: Team, clock: FakeClock
) -> None:
    doc = register(services, team, urgency=Urgency.FLASH)
    presented = services.workflow.auto_present_on_registration(team.clerk, doc)
    assert presented is not None and presented.urgent and presented.leader_user_id == team.leader.user_id
    assert services.workflow.inbox(team.leader)[0].document_id == doc


def test_the_clerk_sees_what_was_not_presented_by_the_end_of_the_day(
    services: Services, team: Team, clock: FakeClock
) -> None:
    clock.now = at(2026, 11, 25, 9, 0)
    normal = register(services, team)
    urgent = register(services, team, urgency=Urgency.URGENT)
    late = register(services, team)
    clock.now = at(2026, 11, 25, 18, 0)  # after hours: counts from tomorrow morning, due by tomorrow's close
    evening = register(services, team)
    clock.now = at(2026, 11, 25, 10, 0)
    listed = services.workflow.not_presented_today(team.clerk)
    by_id = {i.document_id: i for i in listed}
    assert set(by_id) == {normal, urgent, late}  # evening: due tomorrow
    assert by_id[urgent].overdue and not by_id[normal].overdue  # urgent: at once
    assert by_id[normal].present_by == at(2026, 11, 25, 17, 0)
    services.workflow.present(team.clerk, [normal, urgent], team.leader.user_id or 0)
    clock.now = at(2026, 11, 25, 17, 30)
    listed = services.workflow.not_presented_today(team.clerk)
    assert {i.document_id: i.overdue for i in listed} == {late: True, evening: False}


# ---- directing -----------------------------------------------------------------------------------------------


def test_direct_several_documents_at_once_with_lead_coordinators_and_deadline(
    services: Services, team: Team, clock: FakeClock
) -> None:
    clock.now = at(2026, 11, 25, 9, 0)  # Wed
    docs = _presented(services, team, clock, 2)
    inbox = services.workflow.inbox(team.leader)
    made = services.workflow.direct(
        team.leader, docs, "Giao Phòng KH chủ trì, Phòng TC phối hợp tham mưu",
        lead_unit_id=team.unit_plan,
        coordinators=[Party.unit(team.unit_finance), Party.user(team.accountant.user_id or 0)],
        working_days=5,
        expected_versions={i.document_id: i.version for i in inbox},
    )
    assert [a.document_id for a in made] == docs
    assert all(a.deadline == date(2026, 12, 2) and a.state is AssignmentState.ASSIGNED for a in made)  # Wed + 5
    assert made[0].lead == Party.unit(team.unit_plan) and len(made[0].coordinators) == 2
    assert all(_state(services, d) is DocumentState.ASSIGNED for d in docs)
    assert services.workflow.count_inbox(team.leader) == 0
    events = _events(services, "workflow.direct")
    assert [e["object"] for e in events] == docs and events[0]["lead"] == "Phòng Kế hoạch"
    assert "acting_for" not in events[0]

    slip = services.workflow.processing_slip(team.clerk, made[0].id)
    assert slip.lead == "Phòng Kế hoạch" and slip.coordinators == ("Phòng Tài chính", "Đỗ Văn Tài")
    assert slip.leader_name == "Trần Văn Giám Đốc" and slip.acting_for is None
    assert slip.deadline == date(2026, 12, 2) and slip.agency_name == "Sở Thông tin và Truyền thông"
    assert slip.incoming_number == 1 and slip.direction_text.startswith("Giao Phòng KH")


def test_for_information_files_the_document_without_a_deadline(
    services: Services, team: Team, clock: FakeClock
) -> None:
    (doc,) = _presented(services, team, clock)
    (a,) = services.workflow.direct(team.leader, [doc], "", for_information=True)
    assert a.state is AssignmentState.FOR_INFORMATION and a.deadline is None and a.lead is None
    assert _state(services, doc) is DocumentState.FOR_INFORMATION
    assert _events(services, "workflow.for_information")[0]["object"] == doc


def test_deadline_in_working_days_skips_the_weekend_and_tet(services: Services, team: Team, clock: FakeClock) -> None:
    clock.now = at(2026, 2, 13, 10, 0)  # Fri before Tết Bính Ngọ (off Mon 16/02 to Fri 20/02)
    (tet,) = _presented(services, team, clock, issued=date(2026, 2, 10))
    (a,) = services.workflow.direct(team.leader, [tet], "Xử lý", lead_user_id=team.planner.user_id, working_days=3)
    assert a.deadline == date(2026, 2, 25)  # Mon 23, Tue 24, Wed 25

    clock.now = at(2026, 11, 27, 18, 0)  # Fri after hours: counts from Mon 30/11
    (weekend,) = _presented(services, team, clock)
    clock.now = at(2026, 11, 30, 8, 0)
    (b,) = services.workflow.direct(team.leader, [weekend], "Xử lý", lead_user_id=team.planner.user_id,
                                    working_days=2)
    assert b.deadline == date(2026, 12, 2)


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"deadline": date(2026, 11, 20)}, "workflow.deadline_before_today"),
        ({"deadline": date(2026, 11, 28)}, "workflow.deadline_not_working_day"),  # Saturday
        ({"deadline": date(2027, 1, 1)}, "workflow.deadline_not_working_day"),  # Tết Dương lịch (package year)
        ({}, "workflow.deadline_date_or_days"),
        ({"working_days": 0}, "workflow.deadline_days_positive"),
    ],
)
def test_a_bad_deadline_is_refused_and_audited(
    services: Services, team: Team, clock: FakeClock, kw: dict[str, object], code: str
) -> None:
    (doc,) = _presented(services, team, clock)
    with pytest.raises(ValidationError) as err:
        services.workflow.direct(team.leader, [doc], "Xử lý", lead_unit_id=team.unit_plan, **kw)  # type: ignore[arg-type]
    assert err.value.code == code
    assert _state(services, doc) is DocumentState.PRESENTED
    assert _events(services, "workflow.refused")[-1]["code"] == code


def test_assigning_to_a_deactivated_user_is_refused(services: Services, team: Team, clock: FakeClock) -> None:
    (doc,) = _presented(services, team, clock)
    with services.ctx.db.session() as s:
        row = s.get(UserRow, team.planner2.user_id)
        assert row is not None
        row.is_active = False
    with pytest.raises(ValidationError) as err:
        services.workflow.direct(team.leader, [doc], "Xử lý", lead_user_id=team.planner2.user_id, working_days=3)
    assert err.value.code == "workflow.user_inactive"


def test_a_document_directed_meanwhile_gives_a_clear_conflict(
    services: Services, team: Team, clock: FakeClock
) -> None:
    (doc,) = _presented(services, team, clock)
    stale = services.workflow.inbox(team.leader)[0]
    services.workflow.present(team.clerk, [doc], team.deputy.user_id or 0)  # handed over: the version moved
    services.workflow.present(team.clerk, [doc], team.leader.user_id or 0)
    with pytest.raises(ConflictError) as err:
        services.workflow.direct(team.leader, [doc], "Xử lý", lead_unit_id=team.unit_plan, working_days=3,
                                 expected_versions={doc: stale.version})
    assert err.value.code == "workflow.changed_by_other"
    services.workflow.direct(team.leader, [doc], "Xử lý", lead_unit_id=team.unit_plan, working_days=3)
    with pytest.raises(ConflictError) as err:
        services.workflow.direct(team.leader, [doc], "Lại", lead_unit_id=team.unit_plan, working_days=3)
    assert err.value.code == "workflow.already_directed" and err.value.params["by"] == "Trần Văn Giám Đốc"


# ---- tasks, progress, finish ---------------------------------------------------------------------------------


def test_my_tasks_covers_the_lead_person_the_lead_unit_and_coordinators(
    services: Services, team: Team, clock: FakeClock
) -> None:
    clock.now = at(2026, 11, 25, 9, 0)
    a_doc, b_doc, c_doc = _presented(services, team, clock, 3)
    (a,) = services.workflow.direct(team.leader, [a_doc], "A", lead_user_id=team.planner.user_id,
                                    deadline=date(2026, 12, 4))
    (b,) = services.workflow.direct(team.leader, [b_doc], "B", lead_unit_id=team.unit_plan,
                                    deadline=date(2026, 11, 27))
    (c,) = services.workflow.direct(team.leader, [c_doc], "C", lead_user_id=team.accountant.user_id,
                                    coordinators=[Party.unit(team.unit_plan)], deadline=date(2026, 12, 1))

    def tasks(actor: object, **kw: object) -> list[tuple[int, PartyRole]]:
        return [(t.assignment_id, t.my_role) for t in services.workflow.my_tasks(actor, **kw)]  # type: ignore[arg-type]

    assert tasks(team.planner) == [(b.id, PartyRole.LEAD), (c.id, PartyRole.COORDINATOR), (a.id, PartyRole.LEAD)]
    assert tasks(team.planner2) == [(b.id, PartyRole.LEAD), (c.id, PartyRole.COORDINATOR)]
    assert tasks(team.accountant) == [(c.id, PartyRole.LEAD)]
    assert services.workflow.count_my_tasks(team.planner) == 3
    assert tasks(team.planner, offset=1, limit=1) == [(c.id, PartyRole.COORDINATOR)]

    clock.now = at(2026, 11, 26, 9, 0)  # Thu: B due Fri (1 working day), C due Tue (3), A due Fri 4/12
    first = services.workflow.my_tasks(team.planner)[0]
    assert first.due_soon and not first.overdue and first.working_days_left == 1 and first.direction_text == "B"
    assert tasks(team.planner, state=TaskFilter.DUE_SOON) == [(b.id, PartyRole.LEAD)]
    clock.now = at(2026, 11, 30, 9, 0)  # Mon: B overdue
    overdue = services.workflow.my_tasks(team.planner, state=TaskFilter.OVERDUE)
    assert [(t.assignment_id, t.overdue, t.working_days_left) for t in overdue] == [(b.id, True, -1)]


def test_progress_with_a_file_input_from_a_coordinator_then_finish(
    services: Services, team: Team, clock: FakeClock
) -> None:
    (doc,) = _presented(services, team, clock)
    (a,) = services.workflow.direct(team.leader, [doc], "Tham mưu trả lời", lead_unit_id=team.unit_plan,
                                    coordinators=[Party.user(team.accountant.user_id or 0)], working_days=5)
    content = b"%PDF-1.4 bao cao tien do"
    note = services.workflow.add_progress(team.planner2, a.id, "Đã làm việc với huyện",
                                          files=[("bao-cao.pdf", content)])
    assert note.kind is NoteKind.PROGRESS and note.files[0].name == "bao-cao.pdf"
    sha = note.files[0].sha256
    assert services.ctx.files.exists(sha)
    with services.ctx.db.read_session() as s:
        assert s.get(StoredFileRow, sha) is not None  # so the sweep keeps it
    assert services.workflow.assignment(team.planner, a.id).state is AssignmentState.IN_PROGRESS
    assert _state(services, doc) is DocumentState.IN_PROGRESS

    services.workflow.add_input(team.accountant, a.id, "Kinh phí đã bố trí")
    current = services.workflow.assignment(team.planner, a.id)
    finished = services.workflow.finish(team.planner, a.id, "Đã trả lời bằng Công văn 12/STTTT-KH",
                                        expected_version=current.version)
    assert finished.state is AssignmentState.DONE and finished.finished_at == clock.now
    assert _state(services, doc) is DocumentState.DONE
    notes = services.workflow.notes(team.leader, a.id)
    assert [n.kind for n in notes] == [NoteKind.PROGRESS, NoteKind.INPUT, NoteKind.RESULT]
    assert services.workflow.my_tasks(team.planner) == []
    assert [t.assignment_id for t in services.workflow.my_tasks(team.planner, state=TaskFilter.DONE)] == [a.id]
    with pytest.raises(ConflictError) as err:
        services.workflow.add_progress(team.planner, a.id, "thêm")
    assert err.value.code == "workflow.assignment_closed"
    assert services.workflow.processing_slip(team.leader, a.id).result_text.startswith("Đã trả lời")
    assert len(_events(services, "workflow.finish")) == 1


def test_a_stale_version_when_finishing_says_who_changed_it(
    services: Services, team: Team, clock: FakeClock
) -> None:
    (doc,) = _presented(services, team, clock)
    (a,) = services.workflow.direct(team.leader, [doc], "X", lead_unit_id=team.unit_plan, working_days=5)
    services.workflow.add_progress(team.planner2, a.id, "tiến độ")
    with pytest.raises(ConflictError) as err:
        services.workflow.finish(team.planner, a.id, "xong", expected_version=a.version)
    assert err.value.code == "workflow.changed_by_other" and err.value.params["by"] == "kehoach2"


def test_overview_counts_open_overdue_and_due_soon_per_unit_and_person(
    services: Services, team: Team, clock: FakeClock
) -> None:
    clock.now = at(2026, 11, 25, 9, 0)  # Wed
    d1, d2, d3, d4 = _presented(services, team, clock, 4)
    wf = services.workflow
    wf.direct(team.leader, [d1], "1", lead_unit_id=team.unit_plan, deadline=date(2026, 11, 26))
    wf.direct(team.leader, [d2], "2", lead_user_id=team.planner.user_id, deadline=date(2026, 12, 1))
    wf.direct(team.leader, [d3], "3", lead_user_id=team.accountant.user_id, deadline=date(2026, 12, 10))
    (done,) = wf.direct(team.leader, [d4], "4", lead_user_id=team.planner.user_id, deadline=date(2026, 12, 10))
    wf.finish(team.planner, done.id, "xong")
    clock.now = at(2026, 11, 27, 9, 0)  # Fri: d1 overdue; d2 due Tue 1/12 = 2 working days → due soon
    rows = {(r.kind, r.name): (r.open, r.overdue, r.due_soon) for r in wf.overview(team.leader)}
    assert rows == {
        ("unit", "Phòng Kế hoạch"): (2, 1, 1),
        ("unit", "Phòng Tài chính"): (1, 0, 0),
        ("user", "Phạm Văn Kế"): (1, 0, 1),
        ("user", "Đỗ Văn Tài"): (1, 0, 0),
    }
    with pytest.raises(PermissionDeniedError):
        wf.overview(team.planner)


# ---- delegation ----------------------------------------------------------------------------------------------


def test_a_deputy_acts_for_the_leader_only_within_the_delegation(
    services: Services, team: Team, clock: FakeClock
) -> None:
    registered = []
    for minute in range(3):  # oldest first in the inbox
        clock.now = at(2026, 11, 25, 9, minute)
        registered.append(register(services, team))
    first, second, third = registered
    services.workflow.present(team.clerk, registered, team.leader.user_id or 0)
    wf = services.workflow
    with pytest.raises(PermissionDeniedError) as err:
        wf.direct(team.deputy, [first], "Xử lý", lead_unit_id=team.unit_plan, working_days=5)
    assert err.value.code == "workflow.not_your_inbox"
    with pytest.raises(PermissionDeniedError):
        wf.delegate(team.deputy, team.planner.user_id or 0, at(2026, 11, 30, 7, 0), at(2026, 12, 5, 0, 0))
    delegation = wf.delegate(team.leader, team.deputy.user_id or 0, at(2026, 11, 30, 7, 0), at(2026, 12, 5, 0, 0),
                             note="Giám đốc đi công tác")
    assert wf.inbox(team.deputy) == []  # not yet

    clock.now = at(2026, 12, 1, 9, 0)
    inbox = wf.inbox(team.deputy)
    assert [i.document_id for i in inbox] == [first, second, third]
    assert all(i.acting_for == team.leader.user_id for i in inbox)
    (a,) = wf.direct(team.deputy, [first], "KT. Giám đốc: giao KH", lead_unit_id=team.unit_plan, working_days=5)
    assert a.leader_user_id == team.leader.user_id and a.directed_by_user_id == team.deputy.user_id
    assert a.acting_for == team.leader.user_id
    event = _events(services, "workflow.direct")[-1]
    assert event["actor"] == "phogiamdoc"
    assert event["acting_for"] == {"leader_id": team.leader.user_id, "leader": "Trần Văn Giám Đốc",
                                   "delegation": delegation.id}
    assert wf.processing_slip(team.clerk, a.id).acting_for == "Trần Văn Giám Đốc"

    clock.now = at(2026, 12, 5, 8, 0)  # window over
    assert wf.inbox(team.deputy) == []
    with pytest.raises(PermissionDeniedError) as err:
        wf.direct(team.deputy, [second], "Xử lý", lead_unit_id=team.unit_plan, deadline=date(2026, 12, 10))
    assert err.value.code == "workflow.delegation_inactive"
    denied = _events(services, "permission.denied")[-1]
    assert denied["actor"] == "phogiamdoc" and denied["reason"] == "workflow.delegation_inactive"
    wf.direct(team.leader, [second], "Xử lý", lead_unit_id=team.unit_plan, deadline=date(2026, 12, 10))  # still can

    clock.now = at(2026, 12, 7, 9, 0)
    again = wf.delegate(team.leader, team.deputy.user_id or 0, clock.now, at(2026, 12, 9, 0, 0))
    assert [i.document_id for i in wf.inbox(team.deputy)] == [third]
    wf.revoke_delegation(team.leader, again.id)
    assert wf.inbox(team.deputy) == []


def test_a_delegation_must_lie_ahead_and_go_to_a_deputy(services: Services, team: Team, clock: FakeClock) -> None:
    wf = services.workflow
    with pytest.raises(ValidationError) as err:
        wf.delegate(team.leader, team.deputy.user_id or 0, at(2026, 11, 1), at(2026, 11, 2))
    assert err.value.code == "workflow.delegation_in_past"
    with pytest.raises(ValidationError) as err:
        wf.delegate(team.leader, team.planner.user_id or 0, clock.now, clock.now + timedelta(days=2))
    assert err.value.code == "workflow.not_a_deputy"


# ---- calendar ------------------------------------------------------------------------------------------------


def test_the_admin_saves_a_year_table_and_office_hours_that_deadlines_then_use(
    services: Services, team: Team, clock: FakeClock
) -> None:
    wf = services.workflow
    swap = YearCalendar(2026, days_off=frozenset({date(2026, 11, 27)}), note="nghỉ bù")  # Fri off, package fills rest
    wf.save_year_calendar(team.admin, swap)
    cal = wf.calendar()
    assert not cal.is_working_day(date(2026, 11, 27))
    assert not cal.is_working_day(date(2026, 9, 2))  # the holidays package still supplies the statutory days
    assert cal.is_working_day(date(2026, 1, 2))  # the agency's 2026 table replaced the built-in one (its 2/1 swap)
    assert wf.year_calendars()[2026] == swap
    wf.save_office_hours(team.admin, OfficeHours.from_dict({"sessions": [["08:00", "12:00"], ["13:00", "17:30"]]}))
    assert wf.calendar().hours.closes.isoformat() == "17:30:00"

    clock.now = at(2026, 11, 26, 9, 0)  # Thu
    (doc,) = _presented(services, team, clock)
    (a,) = wf.direct(team.leader, [doc], "X", lead_unit_id=team.unit_plan, working_days=1)
    assert a.deadline == date(2026, 11, 30)  # Fri 27 is off for this agency

    with services.ctx.db.read_session() as s:
        agency = AgencyRepository(s).own()
    assert agency is not None
    assert wf.calendar(agency.id).is_working_day(date(2026, 11, 27)) is False
    assert wf.delete_year_calendar(team.admin, 2026) is True
    assert wf.calendar().is_working_day(date(2026, 11, 27))
    assert [e["action"] for e in _events(services, "permission.denied")] == []
    with pytest.raises(PermissionDeniedError):
        wf.save_office_hours(team.clerk, OfficeHours())


# ---- to send -------------------------------------------------------------------------------------------------


def _sealed(services: Services, summary: str, **kw: object) -> str:
    doc = Document(id=str(uuid.uuid4()), direction=Direction.OUTGOING, doc_type="Công văn", summary=summary,
                   state=DocumentState.SEALED, issuer_name="Sở Thông tin và Truyền thông", number=12,
                   notation="STTTT-VP", **kw)  # type: ignore[arg-type]
    with services.ctx.db.session() as s:
        agency = AgencyRepository(s).own()
        assert agency is not None
        DocumentRepository(s).add(doc, agency.id, services.ctx.clock())
    return doc.id


def test_the_to_send_list_flags_documents_not_sent_by_closing_time_and_late_ones(
    services: Services, team: Team, clock: FakeClock
) -> None:
    wf = services.workflow
    clock.now = at(2026, 11, 25, 10, 30)  # Wed
    doc = _sealed(services, "V/v kế hoạch")
    secret = _sealed(services, "V/v nội bộ", restriction=RestrictionStamp.INTERNAL_CIRCULATION)
    wf.record_issue_step(team.leader, doc, IssueStep.SIGNED, at(2026, 11, 25, 10, 0))
    wf.record_issue_step(team.clerk, doc, IssueStep.SEALED, at(2026, 11, 25, 10, 30))

    clock.now = at(2026, 11, 25, 16, 0)
    item = {i.document_id: i for i in wf.to_send(team.clerk)}[doc]
    assert item.waited == timedelta(hours=5, minutes=30) and not item.not_sent_by_close and not item.late
    assert item.send_by == at(2026, 11, 26, 12, 0) and item.number_notation == "12/STTTT-VP"

    clock.now = at(2026, 11, 25, 17, 30)
    item = {i.document_id: i for i in wf.to_send(team.clerk)}[doc]
    assert item.not_sent_by_close and not item.late

    clock.now = at(2026, 11, 26, 12, 30)
    items = {i.document_id: i for i in wf.to_send(team.clerk)}
    assert items[doc].late and items[secret].paper_only and not items[doc].paper_only
    wf.record_issue_step(team.clerk, doc, IssueStep.SENT)
    with services.ctx.db.session() as s:
        row = s.get(DocumentRow, doc)
        assert row is not None
        row.state = DocumentState.SENT.value
    assert [i.document_id for i in wf.to_send(team.clerk)] == [secret]
    with pytest.raises(PermissionDeniedError):
        wf.to_send(team.planner)


def test_two_people_directing_the_same_document_at_once_one_wins_the_other_is_told(
    services: Services, team: Team, clock: FakeClock
) -> None:
    (doc,) = _presented(services, team, clock)
    services.workflow.delegate(team.leader, team.deputy.user_id or 0, clock.now, clock.now + timedelta(days=3))
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def act(actor: object) -> None:
        barrier.wait()
        try:
            outcomes.append(services.workflow.direct(actor, [doc], "Xử lý", lead_unit_id=team.unit_plan,  # type: ignore[arg-type]
                                                     working_days=3))
        except ConflictError as exc:
            outcomes.append(exc.code)

    threads = [threading.Thread(target=act, args=(a,)) for a in (team.leader, team.deputy)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    codes = sorted(o for o in outcomes if isinstance(o, str))
    assert len(codes) == 1 and codes[0] in ("workflow.already_directed", "workflow.changed_by_other")
    with services.ctx.db.read_session() as s:
        assert len(s.execute(select(AssignmentRow).where(AssignmentRow.document_id == doc)).scalars().all()) == 1
    assert _events(services, "workflow.refused")[-1]["code"] == codes[0]


def test_the_system_actor_presents_arrivals_from_the_exchange_but_a_specialist_cannot(
    services: Services, team: Team, clock: FakeClock
) -> None:
    doc = register(services, team)
    assert services.workflow.auto_present_on_registration(Actor.system("exchange"), doc) is not None
    other = register(services, team)
    with pytest.raises(PermissionDeniedError):
        services.workflow.auto_present_on_registration(team.planner, other)
    (a,) = services.workflow.direct(team.leader, [doc], "X", lead_user_id=team.planner.user_id, working_days=3)
    with pytest.raises(PermissionDeniedError):
        services.workflow.notes(team.accountant, a.id)
    assert services.workflow.assignment(team.planner, a.id).lead == Party.user(team.planner.user_id or 0)


def test_a_registered_arrival_reaches_the_leaders_inbox_at_once(services: Services, clock: FakeClock) -> None:
    """Seed Art 8.3: registering an incoming document presents it to the agency's leader in the same step."""
    from datetime import date as _date
    from datetime import datetime

    from app.domain.clock import VN_TZ
    from app.domain.enums import AgencyLevel, RegistryKind, Role
    from app.domain.model import Actor as _Actor
    from app.services.passwords import hash_password
    from app.services.registry import IncomingForm
    from app.store.repositories import AgencyRepository, RegistryRepository, UserRepository
    from tests.integration.registry.conftest import make_pdf

    clock.now = datetime(2026, 11, 25, 9, 0, tzinfo=VN_TZ)
    with services.ctx.db.session() as s:
        agency = AgencyRepository(s).add(code="000.00.12.H27", name="Sở Thử", abbreviation="ST",
                                         level=AgencyLevel.PROVINCE, parent_code=None, parent_name=None,
                                         place_name="Hà Tĩnh", is_own=True)
        RegistryRepository(s).add_book(agency_id=agency.id, kind=RegistryKind.INCOMING, year=2026,
                                       name="Sổ đến", series_key="incoming")
        users = UserRepository(s)
        clerk = users.add(agency_id=agency.id, unit_id=None, username="vt", full_name="Văn Thư", position="Văn thư",
                          password_hash=hash_password("x"), roles=[Role.CLERK], created_at=clock.now)
        leader = users.add(agency_id=agency.id, unit_id=None, username="gd", full_name="Giám Đốc",
                           position="Giám đốc", password_hash=hash_password("x"), roles=[Role.LEADER],
                           created_at=clock.now)
    form = IncomingForm(issuer_name="UBND huyện Kỳ Anh", number_notation="12/UBND-VP", issued_date=_date(2026, 11, 20),
                        doc_type="Công văn", summary="V/v khẩn trương báo cáo")
    services.registry.register_incoming(_Actor.of(clerk), form, make_pdf(), "cv.pdf")
    inbox = services.workflow.inbox(_Actor.of(leader), offset=0, limit=10)
    assert [item.summary for item in inbox] == ["V/v khẩn trương báo cáo"]


def test_overview_drill_down_lists_what_a_number_counts(services: Services, team: Team) -> None:
    """The rows behind an overview count: a unit's own and its people's assignments; finished ones counted too."""
    docs = [register(services, team) for _ in range(3)]
    services.workflow.present(team.clerk, docs, team.leader.user_id or 0)
    services.workflow.direct(team.leader, [docs[0]], "Giao phòng", lead_unit_id=team.unit_plan, working_days=5)
    services.workflow.direct(team.leader, [docs[1]], "Giao anh Kế", lead_user_id=team.planner.user_id, working_days=5)
    [done] = services.workflow.direct(team.leader, [docs[2]], "Giao chị Tài", lead_user_id=team.accountant.user_id,
                                      working_days=5)
    services.workflow.finish(team.accountant, done.id, "Đã xong")
    unit_rows = services.workflow.party_tasks(team.leader, unit_id=team.unit_plan)
    assert sorted(t.document_id for t in unit_rows) == sorted(docs[:2])
    assert [t.document_id for t in services.workflow.party_tasks(team.leader, user_id=team.planner.user_id)] == [
        docs[1]
    ]
    finished = services.workflow.party_tasks(team.leader, unit_id=team.unit_finance, state=TaskFilter.DONE)
    assert [t.document_id for t in finished] == [docs[2]]
    overview = {(r.kind, r.id): r for r in services.workflow.overview(team.leader)}
    assert overview[("unit", team.unit_plan)].open == 2
    assert overview[("unit", team.unit_finance)].done == 1 and overview[("unit", team.unit_finance)].open == 0
    with pytest.raises(PermissionDeniedError):
        services.workflow.party_tasks(team.planner, unit_id=team.unit_plan)
    with pytest.raises(ValidationError):
        services.workflow.party_tasks(team.leader)
