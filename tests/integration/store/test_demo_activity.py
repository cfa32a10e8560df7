"""The demo's working day: made through the services, so every page of a fresh demo shows real content."""

from __future__ import annotations

from app.domain.model import Actor
from app.domain.workflow import AssignmentState
from app.services.bundle import Services
from app.services.demo import DEMO_PASSWORD
from app.services.demo_activity import DIRECTIONS, PRESENTED


def test_a_fresh_demo_has_an_inbox_tasks_and_register_lines(services: Services) -> None:
    services.demo.create()
    leader = Actor.of(services.auth.login("giamdoc", DEMO_PASSWORD))
    specialist = Actor.of(services.auth.login("chuyenvien", DEMO_PASSWORD))
    clerk = Actor.of(services.auth.login("vanthu", DEMO_PASSWORD))
    waiting = services.workflow.inbox(leader)
    assert len(waiting) == PRESENTED - len(DIRECTIONS) - 1  # directed ones and the one for information left it
    assert waiting[0].urgency.value != "normal"  # urgent first
    tasks = services.workflow.my_tasks(specialist)
    assert len(tasks) == len(DIRECTIONS)
    assert AssignmentState.IN_PROGRESS in {t.state for t in tasks}
    year = services.ctx.clock().year
    assert len(services.register_logs.postal_dispatches(clerk, year)) == 3
    [loan] = services.register_logs.kept_copy_uses(clerk, year)
    assert loan.returned_on is not None
    progress = {line.progress for line in services.register_logs.follow_up(clerk, year)}
    assert {"Đang giải quyết", "Đã giao xử lý", "Để biết", "Chưa phân công"} <= progress


def test_the_demo_without_its_working_day_is_untouched(services: Services) -> None:
    services.demo.create(activity=False)
    leader = Actor.of(services.auth.login("giamdoc", DEMO_PASSWORD))
    assert services.workflow.inbox(leader) == []
