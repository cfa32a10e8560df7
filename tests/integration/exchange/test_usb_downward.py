"""USB packages downwards (issue 8 item 7): a district collects from the sandbox axis what is addressed to a commune
it serves (with the commune's credentials), carries it down on USB, and relays the commune's replies back up under
the commune's name. Each office has its own database (the district's on SQLite and PostgreSQL) and file store; the
package folder is the only thing that travels between the district and the commune."""

from __future__ import annotations

import itertools
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.clock import VN_TZ
from app.domain.enums import AgencyLevel, Role
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.services.exchange.axis_client import AxisClient
from app.services.exchange.errors import ExchangeError
from app.services.exchange.model import StatusCode
from app.services.exchange.receiving import PackageChecker
from app.services.exchange.relay import CommuneRelay
from app.services.exchange.sync import SYNC_LOCK, Backoff, SyncService
from app.services.exchange.usb import MANIFEST
from app.store.exchange_repository import ExchangeRepository, ReceivedState
from app.store.locks import office_lock
from app.store.models_relay import HeldRow, RelayOriginRow
from app.store.repositories import AgencyRepository
from tests.conftest import FakeClock
from tests.integration.exchange.conftest import Sandbox
from tests.integration.exchange.offices import Office, add_sealed, close, make_office, open_ctx
from tests.integration.exchange.signed_pdfs import DemoKeys, make_pki, signed_pdf
from tests.integration.exchange.usb_support import incoming, signer, usb

pytestmark = pytest.mark.xdist_group("axis_sandbox")
_communes = itertools.count(1)


@pytest.fixture(scope="module")
def pki() -> DemoKeys:
    return make_pki()


@dataclass
class Province:
    """The original sender (online), the district (online, serving the commune) and the commune (no link)."""

    axis: Sandbox
    sender: Office
    district: Office
    commune: Office
    other_commune: Office
    commune_secret: str
    relay: CommuneRelay
    made_clients: list[AxisClient]

    def district_sync(self) -> SyncService:
        assert self.district.sync is not None
        return self.district.sync


def _commune_code(district: str) -> str:
    """A commune under `district` (level-2 code 000.00.NN.KMM -> 000.<n>.NN.KMM), so the hierarchy is real."""
    groups = district.split(".")
    return f"{groups[0]}.{next(_communes) % 99 + 1:02d}.{groups[2]}.{groups[3]}"


@pytest.fixture
def province(axis: Sandbox, db_url: str, tmp_path: Path, pki: DemoKeys) -> Iterator[Province]:
    clock = FakeClock(datetime.now(VN_TZ))  # the test certificates start "yesterday" in real time
    sender_code, sender_secret = axis.new_agency("Sở Thử Nghiệm")
    district_code, district_secret = axis.new_agency("UBND huyện Thử")
    commune_code, commune_secret = _commune_code(district_code), secrets.token_urlsafe(12)
    axis.admin("POST", "/admin/clients", {"code": commune_code, "secret": commune_secret, "name": "UBND xã Thử",
                                          "pcode": district_code})
    other_code = _commune_code(district_code)
    axis.admin("POST", "/admin/clients", {"code": other_code, "secret": secrets.token_urlsafe(12),
                                          "name": "UBND xã Khác", "pcode": district_code})
    sender = make_office(open_ctx(f"sqlite:///{tmp_path / 'sender.sqlite3'}", tmp_path / "sender", clock),
                         sender_code, "Sở Thử Nghiệm", "STN")
    district = make_office(open_ctx(db_url, tmp_path / "district", clock), district_code, "UBND huyện Thử", "UBND")
    commune = make_office(open_ctx(f"sqlite:///{tmp_path / 'commune.sqlite3'}", tmp_path / "commune", clock),
                          commune_code, "UBND xã Thử", "UBND")
    other = make_office(open_ctx(f"sqlite:///{tmp_path / 'other.sqlite3'}", tmp_path / "other", clock),
                        other_code, "UBND xã Khác", "UBND")
    with district.ctx.db.session() as s:  # the district's directory knows its communes
        for code, name in ((commune_code, "UBND xã Thử"), (other_code, "UBND xã Khác")):
            AgencyRepository(s).add(code=code, name=name, abbreviation="UBND", level=AgencyLevel.COMMUNE,
                                    parent_code=district_code, parent_name="UBND huyện Thử", place_name="Hà Tĩnh")
    sender.connect(axis.client(sender_code, sender_secret), pki.verify)
    made: list[AxisClient] = []
    held_secrets = {commune_code: commune_secret}

    def commune_client(code: str, system_id: str) -> AxisClient | None:
        secret = held_secrets.get(code)
        if secret is None:
            return None
        client = axis.client(system_id, secret)
        made.append(client)
        return client

    relay = CommuneRelay(district.ctx, commune_client, secrets_known=lambda code: code in held_secrets)
    district_client = axis.client(district_code, district_secret)
    district.client = district_client
    checker = PackageChecker(pki.verify, own_code=district_code, work_dir=district.ctx.files.root / "tmp")
    district.sync = SyncService.build(district.ctx, district_client, district.services.registry, checker,
                                      backoff=Backoff(base_seconds=0.0, max_seconds=0.0), relay=relay)
    admin = Actor(user_id=None, username="quantri", full_name="Quản trị", roles=frozenset({Role.ADMIN}))
    relay.add(admin, commune_code)
    yield Province(axis, sender, district, commune, other, commune_secret, relay, made)
    relay.close()
    for office in (sender, district, commune, other):
        close(office)


def send_to_commune(p: Province, pki: DemoKeys, text: str = "Công văn gửi xã") -> str:
    """The sender issues a signed document to the commune and syncs: it waits at the axis for the commune."""
    doc_id = add_sealed(p.sender, signed_pdf(pki, text))
    p.sender.exchange.send_issued(p.sender.clerk, doc_id, [p.commune.code])
    assert p.sender.sync is not None
    p.sender.sync.run_once()
    return doc_id


def axis_waiting_for_commune(p: Province) -> int:
    with p.axis.client(p.commune.code, p.commune_secret) as client:
        return len(client.list_received())


def held_rows(p: Province) -> list[tuple[str, str]]:
    with p.district.ctx.db.read_session() as s:
        return [(r.commune, r.state) for r in s.execute(select(HeldRow).order_by(HeldRow.id)).scalars()]


def test_collected_exported_imported_and_answered_as_the_commune(province: Province, pki: DemoKeys,
                                                                 tmp_path: Path) -> None:
    p = province
    doc_id = send_to_commune(p, pki)
    assert axis_waiting_for_commune(p) == 1

    p.district_sync().run_once()  # the district's round collects for the commune, and acknowledges after commit
    collected = p.district_sync().last_collect
    assert collected is not None and collected.held == {p.commune.code: 1} and collected.errors == []
    assert axis_waiting_for_commune(p) == 0
    assert p.relay.held_counts() == {p.commune.code: 1}
    assert [c.held for c in p.relay.communes()] == [1] and p.relay.communes()[0].has_secret
    assert incoming(p.district) == 0  # held for the commune, not registered at the district

    drive = tmp_path / "drive"
    drive.mkdir()
    down = p.relay.export(p.district.clerk, p.commune.code, drive, signer(pki))
    assert (down.messages, down.recipients) == (1, (p.commune.code,))
    assert f'destination="{p.commune.code}"'.encode() in (down.folder / MANIFEST).read_bytes()
    assert p.relay.held_counts() == {} and held_rows(p) == [(p.commune.code, "exported")]
    with pytest.raises(DomainError) as err:  # nothing left to carry
        p.relay.export(p.district.clerk, p.commune.code, drive, signer(pki))
    assert err.value.code == "exchange.commune_nothing_held"

    first = usb(p.commune, pki).import_package(p.commune.clerk, down.folder)
    assert (first.registered, first.quarantined, first.sender) == (1, 0, p.district.code)
    with p.commune.ctx.db.read_session() as s:
        arrivals = ExchangeRepository(s).received()
        replies = [(o.recipient, o.status_code) for o in ExchangeRepository(s).outbox()]
    assert [(a.state, a.sender) for a in arrivals] == [(ReceivedState.REGISTERED, p.sender.code)]
    assert sorted(replies) == [(p.sender.code, StatusCode.ARRIVED.value), (p.sender.code, StatusCode.ACCEPTED.value)]

    again = usb(p.commune, pki).import_package(p.commune.clerk, down.folder)  # the same drive, once more
    assert (again.registered, again.already_had) == (0, 1)
    assert incoming(p.commune) == 1
    with p.commune.ctx.db.read_session() as s:
        assert len(ExchangeRepository(s).outbox()) == 2

    # the commune's statuses go up on USB; the district relays them with the commune's credentials
    up = usb(p.commune, pki).export(p.commune.clerk, drive, signer(pki))
    relayed = usb(p.district, pki).import_package(p.district.clerk, up.folder)
    assert (relayed.forwarded, relayed.registered) == (2, 0)
    with p.district.ctx.db.read_session() as s:
        origins = s.execute(select(RelayOriginRow.agency_code)).scalars().all()
    assert origins == [p.commune.code, p.commune.code]
    p.district_sync().run_once()
    assert p.district.exchange.queue_sizes().queued == 0
    assert p.sender.sync is not None
    p.sender.sync.run_once()
    history = p.sender.exchange.status_history(doc_id)
    assert [(h.direction, h.status_code, h.agency_code) for h in history] == [
        ("received", StatusCode.ARRIVED.value, p.commune.code),
        ("received", StatusCode.ACCEPTED.value, p.commune.code),
    ]


def test_a_commune_package_lost_on_the_way_is_written_again_and_taken_once(province: Province, pki: DemoKeys,
                                                                           tmp_path: Path) -> None:
    p = province
    send_to_commune(p, pki)
    p.relay.collect(p.district.clerk)
    lost, spare = tmp_path / "lost", tmp_path / "spare"
    lost.mkdir()
    spare.mkdir()
    first = p.relay.export(p.district.clerk, p.commune.code, lost, signer(pki))
    assert [c.last_package for c in p.relay.communes()] == [first.folder.name]

    again = p.relay.export_again(p.district.clerk, p.commune.code, first.folder.name, spare, signer(pki))
    assert (again.messages, again.recipients) == (1, (p.commune.code,)) and again.folder.name != first.folder.name
    assert [c.last_package for c in p.relay.communes()] == [again.folder.name]
    assert held_rows(p) == [(p.commune.code, "exported")]
    with pytest.raises(DomainError) as err:  # its message now names the new package
        p.relay.export_again(p.district.clerk, p.commune.code, first.folder.name, spare, signer(pki))
    assert err.value.code == "exchange.usb_package_unknown"

    taken = usb(p.commune, pki).import_package(p.commune.clerk, again.folder)
    turned_up = usb(p.commune, pki).import_package(p.commune.clerk, first.folder)
    assert (taken.registered, turned_up.registered, turned_up.already_had) == (1, 0, 1)
    assert incoming(p.commune) == 1


def test_a_package_for_another_commune_is_refused(province: Province, pki: DemoKeys, tmp_path: Path) -> None:
    p = province
    send_to_commune(p, pki)
    result = p.relay.collect(p.district.clerk)
    assert result.held == {p.commune.code: 1}
    folder = p.relay.export(p.district.clerk, p.commune.code, tmp_path, signer(pki)).folder
    for office in (p.other_commune, p.sender):
        with pytest.raises(DomainError) as err:
            usb(office, pki).import_package(office.clerk, folder)
        assert err.value.code == "exchange.usb_wrong_destination"
        assert err.value.params["destination"] == p.commune.code
        assert incoming(office) == 0
        with office.ctx.db.read_session() as s:
            assert ExchangeRepository(s).received() == []
    # the destination is signed: rewriting it to the other commune breaks the package
    manifest = folder / MANIFEST
    manifest.write_bytes(manifest.read_bytes().replace(p.commune.code.encode(), p.other_commune.code.encode()))
    with pytest.raises(DomainError) as err:
        usb(p.other_commune, pki).import_package(p.other_commune.clerk, folder)
    assert err.value.code == "exchange.usb_tampered"


def test_a_failure_before_the_acknowledgement_holds_the_message_once(province: Province, pki: DemoKeys,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    p = province
    send_to_commune(p, pki)

    def lost(self: AxisClient, doc_id: str) -> None:
        raise ExchangeError("axis.unreachable", operation="updateStatus", endpoint=self.endpoint, detail="cut")

    with monkeypatch.context() as m:  # committed locally, then the link drops before "done" reaches the axis
        m.setattr(AxisClient, "acknowledge", lost)
        first = p.relay.collect(p.district.clerk)
    assert first.held == {p.commune.code: 1} and [c for c, _e in first.errors] == [p.commune.code]
    assert axis_waiting_for_commune(p) == 1 and held_rows(p) == [(p.commune.code, "held")]

    second = p.relay.collect(p.district.clerk)  # listed again: recognised, acknowledged, not held twice
    assert second.held == {} and second.errors == [] and second.acknowledged == 1
    assert axis_waiting_for_commune(p) == 0 and held_rows(p) == [(p.commune.code, "held")]
    with p.district.ctx.db.read_session() as s:
        assert s.execute(select(HeldRow.acknowledged_at)).scalar_one() is not None


def test_a_failure_between_fetch_and_commit_loses_nothing(province: Province, pki: DemoKeys,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    p = province
    send_to_commune(p, pki)
    files = p.district.ctx.files

    def disk_full(path: Path) -> object:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(files, "put_file", disk_full)
        with pytest.raises(OSError):
            p.relay.collect(p.district.clerk)
    assert held_rows(p) == [] and axis_waiting_for_commune(p) == 1  # not acknowledged: still waiting at the axis
    again = p.relay.collect(p.district.clerk)
    assert again.held == {p.commune.code: 1} and held_rows(p) == [(p.commune.code, "held")]
    assert axis_waiting_for_commune(p) == 0


def test_a_commune_without_its_secret_is_reported_not_fatal(province: Province, pki: DemoKeys) -> None:
    p = province
    admin = Actor(user_id=None, username="quantri", full_name="Quản trị", roles=frozenset({Role.ADMIN}))
    p.relay.add(admin, p.other_commune.code)  # served, but its secret is not held here
    result = p.relay.collect(p.district.clerk)
    assert [(c, e.code) for c, e in result.errors] == [(p.other_commune.code, "exchange.commune_no_credentials")]
    p.district_sync().run_once()  # the background round goes on, and the status bar shows the commune's problem
    state = p.district_sync().state()
    assert state.online and state.communes_not_collected == 1
    assert state.last_error == "exchange.commune_no_credentials"
    listed = {c.code: c.has_secret for c in p.relay.communes()}
    assert listed == {p.commune.code: True, p.other_commune.code: False}
    with pytest.raises(DomainError) as err:
        p.relay.add(p.district.clerk, p.other_commune.code)  # only the administrator edits the list
    assert err.value.code == "permission.denied"
    with pytest.raises(DomainError) as err:
        p.relay.add(admin, "000.07.99.K99")
    assert err.value.code == "exchange.commune_not_in_directory"
    p.relay.remove(admin, p.other_commune.code)
    assert [c.code for c in p.relay.communes()] == [p.commune.code]


def test_usb_import_and_collect_refuse_while_the_office_lock_is_held(province: Province, pki: DemoKeys,
                                                                    tmp_path: Path) -> None:
    p = province
    send_to_commune(p, pki)
    p.relay.collect(p.district.clerk)
    folder = p.relay.export(p.district.clerk, p.commune.code, tmp_path, signer(pki)).folder
    with office_lock(p.commune.ctx.db, SYNC_LOCK) as held:  # another workstation of the commune is syncing
        assert held
        with pytest.raises(DomainError) as err:
            usb(p.commune, pki).import_package(p.commune.clerk, folder)
        assert err.value.code == "exchange.office_busy"
    assert incoming(p.commune) == 0
    with office_lock(p.district.ctx.db, SYNC_LOCK) as held:
        assert held
        with pytest.raises(DomainError) as err:
            p.relay.collect(p.district.clerk)
        assert err.value.code == "exchange.office_busy"
    assert usb(p.commune, pki).import_package(p.commune.clerk, folder).registered == 1  # free again


def test_kill_9_while_collecting_loses_and_holds_twice_nothing(province: Province, pki: DemoKeys, db_url: str,
                                                               tmp_path: Path) -> None:
    p = province
    n = 20
    pdf = signed_pdf(pki, "kill -9 ở huyện")
    for i in range(n):
        p.sender.exchange.send_issued(p.sender.clerk, add_sealed(p.sender, pdf, summary=f"Văn bản {i}"),
                                      [p.commune.code])
    assert p.sender.sync is not None
    p.sender.sync.run_once()
    assert axis_waiting_for_commune(p) == n

    def child() -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.integration.exchange.relay_child", db_url, str(tmp_path / "district"),
             p.axis.url, p.commune.code, p.commune_secret],
            cwd=Path(__file__).resolve().parents[3], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    proc = child()
    while proc.poll() is None and len(held_rows(p)) < 5:
        time.sleep(0.01)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(60)
    assert len(held_rows(p)) < n  # it really died in the middle
    survivor = child()
    assert survivor.wait(300) == 0, survivor.stderr.read() if survivor.stderr else ""
    assert held_rows(p) == [(p.commune.code, "held")] * n
    with p.district.ctx.db.read_session() as s:
        assert len(set(s.execute(select(HeldRow.package_sha256)).scalars())) == n
        assert s.execute(select(func.count()).select_from(HeldRow)
                         .where(HeldRow.acknowledged_at.is_(None))).scalar_one() == 0
    assert axis_waiting_for_commune(p) == 0


def test_a_duplicate_delivery_and_a_repeated_listing_are_held_once(province: Province, pki: DemoKeys) -> None:
    p = province
    p.axis.fault("sendEdoc", "duplicate", count=1)  # the axis delivers the same package twice, under two DocIds
    send_to_commune(p, pki)
    assert axis_waiting_for_commune(p) == 2
    p.axis.fault("getReceivedEdocList", "duplicate", count=1)  # and lists each twice
    result = p.relay.collect(p.district.clerk)
    assert (result.held, result.duplicates, result.errors) == ({p.commune.code: 1}, 1, [])
    assert held_rows(p) == [(p.commune.code, "held")] and axis_waiting_for_commune(p) == 0
