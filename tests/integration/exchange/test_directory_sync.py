"""Refreshing the local agency directory from the real sandbox axis: validation, the own agency, resuming after
garbage pages and interruptions, renames and removals on the axis."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain import agency_code
from app.domain.enums import AgencyLevel
from app.domain.errors import ConflictError
from app.services.context import StoreContext
from app.services.exchange.directory_sync import DirectoryProgress, DirectorySync
from app.services.exchange.errors import ExchangeError
from app.store.models import AgencyRow
from app.store.repositories import AgencyRepository
from tests.integration.exchange.conftest import Sandbox, start_sandbox

pytestmark = pytest.mark.xdist_group("axis_sandbox_directory")

SEED = 5000
PAGE = 500
OWN = "000.00.00.H27"
OWN_NAME = "Ủy ban nhân dân tỉnh Hà Tĩnh (bản địa phương)"
# Rows a careless or broken axis may list; written straight into the sandbox's database (its API refuses them).
INVALID = {
    "000.01.00.H27": "Mã sai thứ bậc",  # level 3 group left of a zero level 2 group
    "000.00.77.h27": "Mã chữ thường",
    "000.00.7.H27": "Mã thiếu chữ số",
    "ABC": "Không phải mã",
    "000.00.78.H27 ": "Mã có khoảng trắng",
}
EMPTY_NAME = "000.00.79.H27"


@pytest.fixture(scope="module")
def axis_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Sandbox, Path, tuple[str, str]]]:
    work = tmp_path_factory.mktemp("axis-directory")
    with start_sandbox(work, seed=SEED) as sandbox:
        credentials = sandbox.new_agency("Cơ quan kiểm thử danh bạ")
        db = work / "axis.sqlite"
        with sqlite3.connect(db) as conn:
            rows = [(code, "", name, "", 2, name.lower(), "2026-01-01 00:00:00") for code, name in INVALID.items()]
            rows.append((EMPTY_NAME, "000.00.00.H27", "", "", 2, "", "2026-01-01 00:00:00"))
            conn.executemany("INSERT INTO agencies (code, pcode, name, mail, level, search_key, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        yield sandbox, db, credentials


@pytest.fixture
def axis(axis_dir: tuple[Sandbox, Path, tuple[str, str]]) -> Iterator[Sandbox]:
    sandbox = axis_dir[0]
    sandbox.admin("DELETE", "/admin/faults")
    sandbox.sleeps.clear()
    yield sandbox
    sandbox.admin("DELETE", "/admin/faults")


@pytest.fixture
def office(ctx: StoreContext) -> StoreContext:
    with ctx.db.session() as s:
        AgencyRepository(s).add(code=OWN, name=OWN_NAME, abbreviation="UBND", level=AgencyLevel.PROVINCE,
                                parent_code=None, parent_name=None, place_name="Hà Tĩnh", is_own=True)
    return ctx


def _sync(ctx: StoreContext, axis: Sandbox, credentials: tuple[str, str], sleeps: list[float] | None = None,
          ) -> DirectorySync:
    return DirectorySync(ctx, lambda: axis.client(*credentials), page_size=PAGE, retry_delay=0.5,
                         sleep=(sleeps if sleeps is not None else []).append)


def _axis_codes(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT code, name FROM agencies").fetchall())


def _local(ctx: StoreContext) -> dict[str, AgencyRow]:
    with ctx.db.read_session() as s:
        return {r.code: r for r in s.execute(select(AgencyRow)).scalars()}


def test_full_refresh_validates_codes_and_keeps_the_own_agency(
        office: StoreContext, axis: Sandbox, axis_dir: tuple[Sandbox, Path, tuple[str, str]]) -> None:
    _, db, credentials = axis_dir
    listed = _axis_codes(db)
    valid = {c for c, n in listed.items() if agency_code.is_valid(c) and n}
    seen: list[DirectoryProgress] = []

    result = _sync(office, axis, credentials).run(progress=seen.append)

    local = _local(office)
    assert result.complete and not result.cancelled and result.total == len(listed)
    assert set(local) == valid  # every valid code, the own one included (kept, not duplicated)
    assert result.counts.read == len(listed)
    assert result.counts.inserted == len(valid) - 1 and result.counts.own_kept == 1
    assert result.counts.skipped == len(INVALID) + 1
    assert result.counts.reasons == {"agency_code.format": 4, "agency_code.hierarchy": 1,
                                     "directory.name_missing": 1}
    assert {s.code for s in result.counts.samples} == {*(c[:40] for c in INVALID), EMPTY_NAME}
    own = local[OWN]
    assert (own.name, own.abbreviation, own.place_name, own.is_own) == (OWN_NAME, "UBND", "Hà Tĩnh", True)
    # the parent comes from the code; its name from the table (here the own agency's local name)
    department = next(r for c, r in local.items() if c.endswith(".H27") and agency_code.parse(c).level == 2)
    assert (department.parent_code, department.parent_name) == (OWN, OWN_NAME)
    district = next(r for r in local.values() if r.name.startswith("UBND huyện"))
    assert district.level == AgencyLevel.DISTRICT.value and district.parent_name
    assert [p.page for p in seen] == list(range(1, len(seen) + 1)) and seen[-1].read == len(listed)
    status = _sync(office, axis, credentials).status()
    assert status.last_refreshed == office.clock() and not status.unfinished
    assert status.last_counts is not None and status.last_counts.skipped == result.counts.skipped
    assert result.stale == 0


def test_garbage_pages_stop_the_run_and_the_next_run_resumes(
        office: StoreContext, axis: Sandbox, axis_dir: tuple[Sandbox, Path, tuple[str, str]]) -> None:
    _, db, credentials = axis_dir
    sleeps: list[float] = []
    sync = _sync(office, axis, credentials, sleeps)

    def break_page_3(p: DirectoryProgress) -> None:
        if p.page == 2:  # every try of page 3 gets garbage or a cut reply
            axis.fault("getAgenciesList", "garbage", count=2)
            axis.fault("getAgenciesList", "truncate", count=2)

    with pytest.raises(ExchangeError) as failed:
        sync.run(progress=break_page_3)

    assert failed.value.code == "axis.bad_reply" and failed.value.params["page"] == 3
    assert sleeps == [0.5, 1.0, 2.0]  # three more tries of page 3 with backoff
    with office.db.read_session() as s:
        assert s.execute(select(func.count()).select_from(AgencyRow)).scalar_one() == 2 * PAGE  # own included
    status = sync.status()
    assert status.unfinished and status.next_page == 3 and status.last_refreshed is None

    axis.fault("getAgenciesList", "garbage", count=1)  # one bad reply on the way: retried, not fatal
    result = sync.run()

    listed = _axis_codes(db)
    valid = {c for c, n in listed.items() if agency_code.is_valid(c) and n}
    assert result.complete and result.resumed_from_page == 3
    assert set(_local(office)) == valid
    assert result.counts.read == len(listed)  # counts cover both runs
    assert result.counts.inserted == len(valid) - 1
    assert not sync.status().unfinished and sync.last_refreshed() == office.clock()


def test_cancel_keeps_what_was_stored_and_a_second_run_finishes(
        office: StoreContext, axis: Sandbox, axis_dir: tuple[Sandbox, Path, tuple[str, str]]) -> None:
    _, db, credentials = axis_dir
    sync = _sync(office, axis, credentials)
    pages: list[int] = []

    stopped = sync.run(progress=lambda p: pages.append(p.page), cancelled=lambda: len(pages) >= 4)

    assert stopped.cancelled and not stopped.complete and stopped.stale is None
    assert len(_local(office)) == 4 * PAGE
    finished = sync.run()
    assert finished.complete and finished.resumed_from_page == 5
    assert len(_local(office)) == len({c for c, n in _axis_codes(db).items() if agency_code.is_valid(c) and n})


def test_second_refresh_applies_renames_and_counts_removed_agencies(
        office: StoreContext, axis: Sandbox, axis_dir: tuple[Sandbox, Path, tuple[str, str]]) -> None:
    _, db, credentials = axis_dir
    sync = _sync(office, axis, credentials)
    sync.run()
    code, secret = credentials
    child = "000.09." + code.split(".", 2)[2]
    with axis.client(code, secret) as client:
        client.register_agency(child, "Trung tâm sẽ bị xóa", parent_code=code)
    sync.run()
    renamed = "000.00.05.H27"
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT name FROM agencies WHERE code = ?", (renamed,)).fetchone()[0]
        conn.execute("UPDATE agencies SET name = ? WHERE code = ?", (before + " (đổi tên)", renamed))
    with axis.client(code, secret) as client:
        client.delete_agency(child)
    try:
        again = sync.run()
    finally:
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE agencies SET name = ? WHERE code = ?", (before, renamed))

    local = _local(office)
    assert again.counts.inserted == 0 and again.counts.updated >= 1
    assert local[renamed].name == before + " (đổi tên)"
    children = [r for r in local.values() if r.parent_code == renamed]
    assert children and all(r.parent_name == before + " (đổi tên)" for r in children)
    assert again.stale == 1 and again.stale_sample == (child,)
    assert child in local  # left in place: the table has no "active" column


def test_directory_changing_during_the_refresh_is_read_again(
        office: StoreContext, axis: Sandbox, axis_dir: tuple[Sandbox, Path, tuple[str, str]]) -> None:
    credentials = axis_dir[2]
    code, secret = credentials
    child = "000.08." + code.split(".", 2)[2]

    added: list[str] = []

    def add_one(p: DirectoryProgress) -> None:
        if p.page == 2 and not added:
            added.append(child)
            with axis.client(code, secret) as client:
                client.register_agency(child, "Đơn vị mới giữa chừng", parent_code=code)

    try:
        result = _sync(office, axis, credentials).run(progress=add_one)
    finally:
        with axis.client(code, secret) as client:
            client.delete_agency(child)
    assert result.complete and result.restarts == 1
    assert child in _local(office)


def test_one_refresh_at_a_time(office: StoreContext, axis: Sandbox,
                               axis_dir: tuple[Sandbox, Path, tuple[str, str]]) -> None:
    sync = _sync(office, axis, axis_dir[2])
    inner: list[BaseException] = []

    def nested(_p: DirectoryProgress) -> None:
        if not inner:
            with pytest.raises(ConflictError) as refused:
                sync.run()
            inner.append(refused.value)

    sync.run(progress=nested)
    assert isinstance(inner[0], ConflictError) and inner[0].code == "directory.refresh_running"


def test_directory_service_searches_the_refreshed_directory(
        office: StoreContext, axis: Sandbox, axis_dir: tuple[Sandbox, Path, tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import directory as directory_module
    from app.services.directory import DirectoryService

    _, db, credentials = axis_dir
    service = DirectoryService(office)
    assert service.search_agencies("so noi vu") == []  # nothing pulled yet
    _sync(office, axis, credentials).run()
    service.refresh()

    hits = service.search_agencies("so noi vu tinh ha tinh")
    assert hits[0].name == "Sở Nội vụ tỉnh Hà Tĩnh" and hits[0].parent_code == OWN
    assert hits[0].parent_name == OWN_NAME
    assert service.by_code(hits[0].code) == hits[0] and service.by_code(OWN) is None  # not a recipient of ourselves
    assert [a.code for a in service.agencies([hits[0].code, "000.00.99.Z99", OWN])] == [hits[0].code]
    issuer = service.search("SỞ NỘI VỤ TỈNH HÀ TĨNH", 5)[0]
    assert (issuer.name, issuer.code) == ("Sở Nội vụ tỉnh Hà Tĩnh", hits[0].code)
    found = service.find("so noi vu tinh ha tinh")
    assert found is not None and found.code == hits[0].code

    monkeypatch.setattr(directory_module, "NAMES_LIMIT", 300)
    names = service.names()
    listed = _axis_codes(db)
    h27 = {n for c, n in listed.items() if c.endswith(".H27") and agency_code.is_valid(c) and n and c != OWN}
    assert len(names) == 300 and names == sorted(names, key=directory_module.fold)
    assert h27 <= set(names) or len(h27) >= 300  # the own province comes first

    with office.db.session() as s:  # an agency added locally appears after forget(): the table grew
        AgencyRepository(s).add(code="000.00.98.H27", name="Ban Quản lý dự án thử", abbreviation="", parent_code=OWN,
                                level=AgencyLevel.OTHER, parent_name=OWN_NAME, place_name="")
    service.forget()
    assert service.search_agencies("ban quan ly du an thu")[0].code == "000.00.98.H27"
