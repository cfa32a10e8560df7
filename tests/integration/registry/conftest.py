from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from reportlab.pdfgen import canvas

from app.domain.enums import AgencyLevel, RegistryKind, Role
from app.domain.model import Actor
from app.services.bundle import Services
from app.store.repositories import AgencyRepository, RegistryRepository


@dataclass(frozen=True)
class Office:
    clerk: Actor
    leader: Actor
    specialist: Actor
    admin: Actor
    incoming_book: int
    outgoing_book: int
    unit_vp: int


def make_pdf(text: str = "Văn bản", pages: int = 1) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(pages):
        c.drawString(72, 720, f"{text} {i}".encode("ascii", "replace").decode())
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture
def office(services: Services) -> Office:
    ctx = services.ctx
    year = ctx.clock().year
    with ctx.db.session() as s:
        agencies = AgencyRepository(s)
        agency = agencies.add(code="000.00.12.H27", name="Sở Thông tin và Truyền thông", abbreviation="STTTT",
                              level=AgencyLevel.PROVINCE, parent_code="000.00.00.H27", parent_name="UBND tỉnh Hà Tĩnh",
                              place_name="Hà Tĩnh", is_own=True)
        vp = agencies.add_unit(agency.id, "Văn phòng Sở", "VP")
        repo = RegistryRepository(s)
        incoming = repo.add_book(agency_id=agency.id, kind=RegistryKind.INCOMING, year=year,
                                 name="Sổ đăng ký văn bản đến", series_key="incoming")
        outgoing = repo.add_book(agency_id=agency.id, kind=RegistryKind.OUTGOING, year=year,
                                 name="Sổ đăng ký văn bản đi", series_key="admin")

    def actor(name: str, role: Role, uid: int) -> Actor:
        return Actor(uid, name, name, frozenset({role}), agency.id)

    return Office(actor("vanthu", Role.CLERK, 1), actor("giamdoc", Role.LEADER, 2),
                  actor("chuyenvien", Role.SPECIALIST, 3), actor("quantri", Role.ADMIN, 4),
                  incoming.id, outgoing.id, vp.id)
