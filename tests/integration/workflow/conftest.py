"""An office with real users in the database: the workflow checks units, active users and delegations."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from app.domain.clock import VN_TZ
from app.domain.enums import AgencyLevel, Role, Urgency
from app.domain.model import Actor
from app.services.bundle import Services
from app.services.registry import IncomingForm
from app.store.repositories import AgencyRepository, UserRepository
from tests.conftest import FakeClock
from tests.integration.registry.conftest import make_pdf

_notations = itertools.count(1)


@dataclass(frozen=True)
class Team:
    clerk: Actor
    leader: Actor
    deputy: Actor
    planner: Actor  # specialist in Phòng Kế hoạch
    planner2: Actor  # another specialist in Phòng Kế hoạch
    accountant: Actor  # specialist in Phòng Tài chính
    admin: Actor
    unit_plan: int
    unit_finance: int
    unit_office: int


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


@pytest.fixture
def team(services: Services, clock: FakeClock) -> Team:
    clock.now = at(2026, 11, 25, 8, 0)  # Wed, a working day (24/11/2026 is Ngày Văn hóa Việt Nam)
    # These tests present documents themselves; automatic presenting on registration has its own test.
    services.registry.on_incoming_registered = None
    with services.ctx.db.session() as s:
        agencies = AgencyRepository(s)
        agency = agencies.add(code="000.00.12.H27", name="Sở Thông tin và Truyền thông", abbreviation="STTTT",
                              level=AgencyLevel.PROVINCE, parent_code="000.00.00.H27", parent_name="UBND tỉnh Hà Tĩnh",
                              place_name="Hà Tĩnh", is_own=True)
        office = agencies.add_unit(agency.id, "Văn phòng Sở", "VP")
        plan = agencies.add_unit(agency.id, "Phòng Kế hoạch", "KH")
        finance = agencies.add_unit(agency.id, "Phòng Tài chính", "TC")
        users = UserRepository(s)

        def user(name: str, full: str, role: Role, unit: int | None) -> Actor:
            made = users.add(agency_id=agency.id, unit_id=unit, username=name, full_name=full, position="",
                             password_hash="-", roles=[role], created_at=clock.now)
            return Actor.of(made)

        return Team(
            clerk=user("vanthu", "Nguyễn Thị Văn Thư", Role.CLERK, office.id),
            leader=user("giamdoc", "Trần Văn Giám Đốc", Role.LEADER, None),
            deputy=user("phogiamdoc", "Lê Thị Phó", Role.DEPUTY, None),
            planner=user("kehoach1", "Phạm Văn Kế", Role.SPECIALIST, plan.id),
            planner2=user("kehoach2", "Hoàng Thị Hoạch", Role.SPECIALIST, plan.id),
            accountant=user("taichinh", "Đỗ Văn Tài", Role.SPECIALIST, finance.id),
            admin=user("quantri", "Quản Trị", Role.ADMIN, office.id),
            unit_plan=plan.id,
            unit_finance=finance.id,
            unit_office=office.id,
        )


def register(services: Services, team: Team, *, urgency: Urgency = Urgency.NORMAL, summary: str = "V/v báo cáo",
             issued: date = date(2026, 11, 20)) -> str:
    """Register an incoming document at the clock's current time; returns its id."""
    n = next(_notations)
    form = IncomingForm(issuer_name="UBND huyện Cẩm Xuyên", number_notation=f"{n:02d}/UBND-VP", issued_date=issued,
                        doc_type="Công văn", summary=f"{summary} {n}", urgency=urgency)
    entry = services.registry.register_incoming(team.clerk, form, make_pdf(f"cv {n}"), f"cv{n}.pdf")
    return entry.document_id
