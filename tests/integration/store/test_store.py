"""Store behaviour that must hold on SQLite and on PostgreSQL alike (the `db_url` fixture runs both)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.domain.enums import AgencyLevel, Direction, DocumentState, RegistryKind, Role
from app.domain.errors import AuthenticationError, NotFoundError
from app.domain.model import Actor, Document
from app.services.bundle import Services
from app.services.passwords import hash_password
from app.store.audit import verify_chain
from app.store.repositories import AgencyRepository, RegistryRepository, UserRepository
from tests.conftest import FakeClock

PDF = b"%PDF-1.7\n% demo\n"


def _agency(services: Services) -> int:
    ctx = services.ctx
    with ctx.db.session() as s:
        agency = AgencyRepository(s).add(
            code="000.00.12.H27", name="Sở Thông tin và Truyền thông", abbreviation="STTTT",
            level=AgencyLevel.PROVINCE, parent_code="000.00.00.H27", parent_name="UBND tỉnh Hà Tĩnh",
            place_name="Hà Tĩnh", is_own=True,
        )
        UserRepository(s).add(agency_id=agency.id, unit_id=None, username="vanthu", full_name="Trần Thị Hoa",
                              position="Văn thư", password_hash=hash_password("đúng-mật-khẩu"),
                              roles=[Role.CLERK], created_at=ctx.clock())
        return agency.id


def _incoming(summary: str = "V/v quản lý đất đai năm 2026") -> Document:
    return Document(id="", direction=Direction.INCOMING, doc_type="Công văn", summary=summary,
                    state=DocumentState.RECEIVED, issuer_name="UBND huyện Cẩm Xuyên", number=12, notation="UBND-TNMT")


def test_migrations_create_every_table(services: Services) -> None:
    with services.ctx.db.session() as s:
        for table in ("agencies", "units", "users", "user_roles", "documents", "stored_files", "document_files",
                      "registry_books", "registry_entries", "number_series", "audit_events", "audit_head"):
            s.execute(text(f"SELECT count(*) FROM {table}"))


def test_login_checks_the_password_and_audits_both_outcomes(services: Services) -> None:
    _agency(services)
    user = services.auth.login("vanthu", "đúng-mật-khẩu")
    assert Role.CLERK in user.roles and user.full_name == "Trần Thị Hoa"
    with pytest.raises(AuthenticationError):
        services.auth.login("vanthu", "sai")
    with services.ctx.db.session() as s:
        actions = [e.action for e in services.ctx.audit.history(s, "user", "vanthu")]
    assert actions == ["login", "login_failed"]


def test_document_row_refers_only_to_a_durable_file(services: Services) -> None:
    _agency(services)
    doc = services.documents.create(Actor.system("test"), _incoming(), PDF, "cv12.pdf")
    main = doc.main_file
    assert main is not None and services.ctx.files.read_bytes(main.sha256) == PDF
    assert services.documents.get(doc.id).summary == "V/v quản lý đất đai năm 2026"


def test_registering_numbers_entries_without_gaps_and_updates_the_document(services: Services) -> None:
    agency_id = _agency(services)
    with services.ctx.db.session() as s:
        book = RegistryRepository(s).add_book(agency_id=agency_id, kind=RegistryKind.INCOMING, year=2026,
                                              name="Sổ văn bản đến", series_key="incoming")
    actor = Actor.system("clerk")
    numbers = []
    for i in range(3):
        doc = services.documents.create(actor, _incoming(f"Văn bản {i}"), PDF + bytes([i]), f"{i}.pdf")
        numbers.append(services.registry.register(actor, book.id, doc.id).number)
        assert services.documents.get(doc.id).state is DocumentState.REGISTERED
    assert numbers == [1, 2, 3]
    assert [e.number for e in services.registry.entries(book.id)] == [3, 2, 1]


def test_a_failed_registration_leaves_nothing_behind(services: Services) -> None:
    agency_id = _agency(services)
    with services.ctx.db.session() as s:
        book = RegistryRepository(s).add_book(agency_id=agency_id, kind=RegistryKind.INCOMING, year=2026,
                                              name="Sổ văn bản đến", series_key="incoming")
    with pytest.raises(NotFoundError):
        services.registry.register(Actor.system("clerk"), book.id, "no-such-document")
    assert services.registry.entries(book.id) == []
    doc = services.documents.create(Actor.system("clerk"), _incoming(), PDF, "a.pdf")
    assert services.registry.register(Actor.system("clerk"), book.id, doc.id).number == 1  # the number was not lost


def test_concurrent_registrations_never_share_or_skip_a_number(services: Services) -> None:
    agency_id = _agency(services)
    with services.ctx.db.session() as s:
        book = RegistryRepository(s).add_book(agency_id=agency_id, kind=RegistryKind.OUTGOING, year=2026,
                                              name="Sổ văn bản đi", series_key="admin")
    docs = [services.documents.create(Actor.system("d"), _incoming(f"D{i}"), PDF + str(i).encode(), "d.pdf")
            for i in range(24)]
    numbers: list[int] = []
    lock = threading.Lock()

    def worker(chunk: list[Document]) -> None:
        for d in chunk:
            n = services.registry.register(Actor.system("w"), book.id, d.id).number
            with lock:
                numbers.append(n)

    threads = [threading.Thread(target=worker, args=(docs[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(numbers) == list(range(1, 25))


def test_audit_chain_is_append_only_and_verifies(services: Services, clock: FakeClock) -> None:
    _agency(services)
    for i in range(5):
        services.documents.create(Actor.system("a"), _incoming(f"S{i}"), PDF + bytes([i]), "x.pdf")
    with services.ctx.db.session() as s:
        assert verify_chain(s) == []
    with pytest.raises(DBAPIError), services.ctx.db.session() as s:
        s.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2"))
    with pytest.raises(DBAPIError), services.ctx.db.session() as s:
        s.execute(text("DELETE FROM audit_events WHERE seq = 3"))


def _drop_audit_guards(services: Services) -> None:
    with services.ctx.db.session() as s:
        if s.bind.dialect.name == "postgresql":  # type: ignore[union-attr]
            s.execute(text("DROP TRIGGER audit_events_no_change ON audit_events"))
        else:
            s.execute(text("DROP TRIGGER audit_events_no_update"))
            s.execute(text("DROP TRIGGER audit_events_no_delete"))


@pytest.mark.parametrize("tamper", ["edit", "delete_middle", "delete_last"])
def test_check_names_an_edited_or_deleted_audit_event(services: Services, tamper: str) -> None:
    _agency(services)
    for i in range(4):
        services.documents.create(Actor.system("a"), _incoming(f"S{i}"), PDF + bytes([i]), "x.pdf")
    _drop_audit_guards(services)  # someone with direct database access bypasses the triggers
    sql = {
        "edit": "UPDATE audit_events SET details = '{}' WHERE seq = 2",
        "delete_middle": "DELETE FROM audit_events WHERE seq = 2",
        "delete_last": "DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)",
    }[tamper]
    with services.ctx.db.session() as s:
        s.execute(text(sql))
    report = services.integrity.check()
    assert not report.ok
    assert any(p.code.startswith("audit.") for p in report.problems)


def test_check_reports_missing_and_altered_files(services: Services, tmp_path: Path) -> None:
    _agency(services)
    a = services.documents.create(Actor.system("a"), _incoming("A"), PDF + b"a", "a.pdf").main_file
    b = services.documents.create(Actor.system("a"), _incoming("B"), PDF + b"b", "b.pdf").main_file
    assert a is not None and b is not None
    assert services.integrity.check().ok
    services.ctx.files.path_for(a.sha256).unlink()
    pb = services.ctx.files.path_for(b.sha256)
    pb.chmod(0o644)
    pb.write_bytes(PDF + b"B")
    codes = {p.code for p in services.integrity.check().problems}
    assert {"check.file_missing", "check.hash_mismatch"} <= codes


def test_migrations_match_the_models_exactly(services: Services) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.store.models import Base

    with services.ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # the search structures (FTS5 table and view; PostgreSQL's stored tsvector and its GIN index) are made by hand
    hand_made = ("registry_fts", "registry_search", "ix_registry_entries_search", "search_vector")
    assert [d for d in diff if not any(k in str(d) for k in hand_made)] == []
