"""Two records offices, each with its own database and file store, talking through the sandbox axis.

Used by the sync tests and by bench/sync.py: an office has its own agency (code registered at the axis), a clerk and
a leader, the services, and a SyncService pointed at the axis with the office's credentials.
"""

from __future__ import annotations

import itertools
import os
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.enums import AgencyLevel, Direction, DocumentState, FileRole, Role, Urgency
from app.domain.model import Actor, Document, DocumentFile
from app.services.bundle import Services
from app.services.context import StoreContext
from app.services.exchange.axis_client import AxisClient
from app.services.exchange.outbound import ExchangeService
from app.services.exchange.receiving import PackageChecker, Verifier
from app.services.exchange.sync import Backoff, SyncService
from app.store.audit import AuditLog
from app.store.database import Database, open_database
from app.store.filestore import FileStore
from app.store.repositories import AgencyRepository, DocumentRepository, FileRepository, UserRepository

if TYPE_CHECKING:
    import pytest

    from tests.integration.exchange.conftest import Sandbox

_numbers = itertools.count(1)


@dataclass
class Office:
    code: str
    name: str
    ctx: StoreContext
    services: Services
    clerk: Actor
    leader: Actor
    exchange: ExchangeService
    sync: SyncService | None = None
    client: AxisClient | None = None

    def connect(self, client: AxisClient, verify: Verifier, *, backoff: Backoff | None = None) -> SyncService:
        self.client = client
        checker = PackageChecker(verify, own_code=self.code, work_dir=self.ctx.files.root / "tmp")
        self.sync = SyncService.build(self.ctx, client, self.services.registry, checker,
                                      backoff=backoff or Backoff(base_seconds=0.0, max_seconds=0.0))
        return self.sync


def open_ctx(url: str, root: Path, clock: object) -> StoreContext:
    db, _ = open_database(url, backups_dir=root / "backups")
    files = FileStore(root / "files")
    files.ensure_ready()
    return StoreContext(db=db, files=files, audit=AuditLog(clock), clock=clock)  # type: ignore[arg-type]


def make_office(ctx: StoreContext, code: str, name: str, abbreviation: str) -> Office:
    """An agency with a clerk and a leader (the leader receives what is registered)."""
    services = Services.build(ctx)
    now = ctx.clock()
    with ctx.db.session() as s:
        agencies = AgencyRepository(s)
        agency = agencies.add(code=code, name=name, abbreviation=abbreviation, level=AgencyLevel.PROVINCE,
                              parent_code=None, parent_name="UBND tỉnh Hà Tĩnh", place_name="Hà Tĩnh", is_own=True)
        unit = agencies.add_unit(agency.id, "Văn phòng", "VP")
        users = UserRepository(s)
        clerk = users.add(agency_id=agency.id, unit_id=unit.id, username="vanthu", full_name="Nguyễn Thị Văn Thư",
                          position="Văn thư", password_hash="-", roles=[Role.CLERK], created_at=now)
        leader = users.add(agency_id=agency.id, unit_id=None, username="giamdoc", full_name="Trần Văn Giám Đốc",
                           position="Giám đốc", password_hash="-", roles=[Role.LEADER], created_at=now)
    return Office(code, name, ctx, services, Actor.of(clerk), Actor.of(leader), ExchangeService(ctx))


@dataclass
class OfficePair:
    a: Office
    b: Office
    a_url: str
    b_url: str
    a_secret: str
    b_secret: str


def open_office_pair(axis: Sandbox, db_url: str, tmp_path: Path, clock: object, request: pytest.FixtureRequest, *,
                     db_prefix: str) -> OfficePair:
    """Sở Thử Nghiệm (office A, on the test's database) and UBND huyện Thử (office B, on a second database of the
    same kind, named with `db_prefix` on PostgreSQL), both registered at the sandbox axis, not yet connected."""
    a_code, a_secret = axis.new_agency("Sở Thử Nghiệm")
    b_code, b_secret = axis.new_agency("UBND huyện Thử")
    if db_url.startswith("sqlite"):
        b_url = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    else:
        from tests.postgres import create_database

        b_url = create_database(request.getfixturevalue("pg_server"),
                                f"{db_prefix}{os.getpid()}_{abs(hash(tmp_path)) % 10**8}")
    a = make_office(open_ctx(db_url, tmp_path / "a", clock), a_code, "Sở Thử Nghiệm", "STN")
    b = make_office(open_ctx(b_url, tmp_path / "b", clock), b_code, "UBND huyện Thử", "UBND")
    return OfficePair(a, b, db_url, b_url, a_secret, b_secret)


def add_sealed(office: Office, pdf: bytes, *, summary: str = "Báo cáo kết quả thử nghiệm liên thông",
               urgency: Urgency = Urgency.NORMAL, issued: date = date(2026, 11, 24)) -> str:
    """An issued (numbered and sealed) outgoing document holding `pdf`, as the issuing steps leave it."""
    return add_sealed_many(office, pdf, 1, summary=summary, urgency=urgency, issued=issued)[0]


def add_sealed_many(office: Office, pdf: bytes, count: int, *, summary: str = "Báo cáo kết quả thử nghiệm liên thông",
                    urgency: Urgency = Urgency.NORMAL, issued: date = date(2026, 11, 24)) -> list[str]:
    """`count` issued documents with distinct numbers, in one transaction (bench set-up)."""
    put = office.ctx.files.put_bytes(pdf)
    now = office.ctx.clock()
    ids = []
    with office.ctx.db.session() as s:
        agency = AgencyRepository(s).own()
        assert agency is not None
        FileRepository(s).ensure(put.sha256, put.size, "application/pdf", now)
        for _ in range(count):
            n = next(_numbers)
            doc = Document(
                id=str(uuid.uuid4()), direction=Direction.OUTGOING, doc_type="Báo cáo", summary=f"{summary} {n}",
                state=DocumentState.SEALED, issuer_name=office.name, issuer_code=office.code, number=n,
                notation="BC-STN", issued_date=issued, signer_name="Nguyễn Văn An", signer_position="Giám đốc",
                urgency=urgency, page_count=1,
                files=(DocumentFile(put.sha256, f"{n:02d}_BC-STN.pdf", FileRole.MAIN, put.size, "application/pdf"),),
            )
            DocumentRepository(s).add(doc, agency.id, now)
            ids.append(doc.id)
    return ids


def close(office: Office) -> None:
    if office.client is not None:
        office.client.close()
    db: Database = office.ctx.db
    db.dispose()
