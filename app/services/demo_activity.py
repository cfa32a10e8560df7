"""A working day in the demo agency: documents in the leader's inbox (urgent ones first), directions given to the
specialist with deadlines, progress reported, one document filed for information, envelopes posted and a kept copy
lent. Training and screenshots then show every page with real content, made through the same services a person
uses, so the demo can never contain a state the app itself could not produce."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from app.domain.model import Actor
from app.domain.register_logs import KeptCopyUseForm, PostalDispatchForm
from app.domain.registry_query import RegistryQuery, RegistryRow
from app.domain.workflow import Party
from app.services.context import StoreContext
from app.services.register_logs import RegisterLogService
from app.services.registry import RegistryService
from app.services.workflow import WorkflowService
from app.store.repositories import UserRepository

PRESENTED = 12  # of the demo's incoming documents; the rest wait for the clerk to present them
DIRECTIONS = (
    ("Giao Phòng Công nghệ thông tin chủ trì, tham mưu văn bản trả lời.", 5),
    ("Đề nghị nghiên cứu, đề xuất phương án triển khai; báo cáo trước hạn.", 3),
    ("Chủ trì phối hợp Văn phòng Sở tổng hợp số liệu, dự thảo báo cáo.", 2),
    ("Tham mưu thực hiện theo quy định.", 7),
)


def add_demo_activity(ctx: StoreContext, *, clerk: str, leader: str, specialist: str, coordinator: str) -> None:
    """Present, direct, report progress, post and lend, as the demo's people (user names given)."""
    with ctx.db.session() as s:
        users = UserRepository(s)
        people = {}
        for name in (clerk, leader, specialist, coordinator):
            found = users.by_username(name)
            if found is None:
                return  # a reduced demo without these accounts: nothing to simulate
            people[name] = found[0]
    as_clerk, as_leader = Actor.of(people[clerk]), Actor.of(people[leader])
    as_specialist = Actor.of(people[specialist])
    registry, workflow, logs = RegistryService(ctx), WorkflowService(ctx), RegisterLogService(ctx)
    year = ctx.clock().year

    incoming = _entries(registry, year, "incoming")
    presented = [row.document_id for row in incoming[:PRESENTED]]
    workflow.present(as_clerk, presented, people[leader].id)
    directed = presented[: len(DIRECTIONS)]
    coordinator_unit = people[coordinator].unit_id
    for document_id, (text, days) in zip(directed, DIRECTIONS, strict=True):
        coordinators = [Party(unit_id=coordinator_unit)] if coordinator_unit is not None else []
        workflow.direct(as_leader, [document_id], text, lead_user_id=people[specialist].id,
                        coordinators=coordinators, working_days=days)
    workflow.direct(as_leader, [presented[len(DIRECTIONS)]], "Để biết.", for_information=True)
    tasks = workflow.my_tasks(as_specialist)
    if tasks:
        workflow.add_progress(as_specialist, tasks[0].assignment_id,
                              "Đã làm việc với các đơn vị liên quan; đang dự thảo văn bản trả lời.")

    today = ctx.clock().date()
    for row in _entries(registry, year, "outgoing")[:3]:
        logs.add_postal_dispatch(as_clerk, PostalDispatchForm(
            dispatched_on=row.doc_date or today, number_notation=row.number_notation,
            recipients="UBND các huyện, thành phố, thị xã", envelopes=13, document_id=row.document_id))
    outgoing = _entries(registry, year, "outgoing")
    if outgoing:
        row = outgoing[0]
        lent_on = row.doc_date or today
        day = lent_on.strftime("%d/%m/%Y")
        loan = logs.add_kept_copy_use(as_clerk, KeptCopyUseForm(
            used_on=lent_on, user_name=people[specialist].full_name,
            number_notation_date=f"{row.number_notation}, {day}", type_summary=f"{row.doc_type} {row.summary}",
            approved_by=people[leader].full_name, dossier_code="01/HS-VP", document_id=row.document_id))
        logs.mark_returned(as_clerk, loan.id, min(today, lent_on + timedelta(days=1)))


def _entries(registry: RegistryService, year: int, kind: str) -> Sequence[RegistryRow]:
    """The entries of this year's main book of `kind`, in book order."""
    for book in registry.books(year):
        if book.kind.value == kind and not book.confidential:
            query = RegistryQuery(book.id, descending=False)
            return registry.page(query, 0, 500)
    return ()
