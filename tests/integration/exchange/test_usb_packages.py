"""USB packages between offices with no link (issue 8 item 7): each office has its own database and file store;
the package folder is the only thing that travels. Round trip with the statuses coming back, importing twice,
a changed byte, a removed or added file, an untrusted signer, and a district office relaying for its commune."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.clock import VN_TZ
from app.domain.enums import DocumentState
from app.domain.errors import DomainError
from app.services.exchange.model import StatusCode
from app.services.exchange.usb import MANIFEST
from app.store.exchange_repository import ExchangeRepository, MessageKind, OutboxState, ReceivedState
from app.store.models import DocumentRow
from app.store.models_exchange import OutboxRow
from tests.conftest import FakeClock
from tests.integration.exchange.offices import Office, add_sealed, close, make_office, open_ctx
from tests.integration.exchange.signed_pdfs import DemoKeys, make_pki, plain_pdf, signed_pdf
from tests.integration.exchange.usb_support import incoming, signer, usb

COMMUNE = "000.01.31.H27"  # UBND xã, under the district below
DISTRICT = "000.00.31.H27"  # UBND huyện
THIRD = "000.00.32.H27"  # another level-2 agency, reached through the axis


@pytest.fixture(scope="module")
def pki() -> DemoKeys:
    return make_pki()


@pytest.fixture
def usb_clock() -> FakeClock:
    return FakeClock(datetime.now(VN_TZ))  # the test certificates start "yesterday" in real time


@pytest.fixture
def offices(tmp_path: Path, db_url: str, usb_clock: FakeClock) -> Iterator[dict[str, Office]]:
    made: dict[str, Office] = {}
    urls = {"commune": db_url, "district": f"sqlite:///{tmp_path / 'district.sqlite3'}",
            "third": f"sqlite:///{tmp_path / 'third.sqlite3'}"}
    for key, code, name, abbr in (("commune", COMMUNE, "UBND xã Thử", "UBND"),
                                  ("district", DISTRICT, "UBND huyện Thử", "UBND"),
                                  ("third", THIRD, "Sở Thử Nghiệm", "STN")):
        made[key] = make_office(open_ctx(urls[key], tmp_path / key, usb_clock), code, name, abbr)
    yield made
    for office in made.values():
        close(office)


def received_states(office: Office) -> list[ReceivedState]:
    with office.ctx.db.read_session() as s:
        return [r.state for r in ExchangeRepository(s).received()]


def export_one(office: Office, pki: DemoKeys, drive: Path, recipients: list[str], text: str = "Báo cáo") -> Path:
    doc_id = add_sealed(office, signed_pdf(pki, text))
    office.exchange.send_issued(office.clerk, doc_id, recipients)
    return usb(office, pki).export(office.clerk, drive, signer(pki)).folder


def test_usb_round_trip(offices: dict[str, Office], pki: DemoKeys, tmp_path: Path) -> None:
    a, b = offices["commune"], offices["district"]
    drive = tmp_path / "drive"
    drive.mkdir()
    doc_id = add_sealed(a, signed_pdf(pki, "Báo cáo qua USB"))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])

    exported = usb(a, pki).export(a.clerk, drive, signer(pki))
    assert exported.messages == 1 and exported.recipients == (b.code,)
    assert [p.name for p in drive.iterdir()] == [exported.folder.name]  # no temporary folder left behind
    assert (exported.folder / MANIFEST).is_file()
    with a.ctx.db.read_session() as s:
        rows = ExchangeRepository(s).outbox()
    assert [(r.state, (r.axis_doc_id or "")[:4]) for r in rows] == [(OutboxState.SENT, "usb:")]
    assert a.exchange.queue_sizes().queued == 0  # the axis sender will not send them again

    result = usb(b, pki).import_package(b.clerk, exported.folder)
    assert (result.registered, result.already_had, result.quarantined, result.sender) == (1, 0, 0, a.code)
    assert received_states(b) == [ReceivedState.REGISTERED]
    with b.ctx.db.read_session() as s:
        queued = [(o.recipient, o.status_code) for o in ExchangeRepository(s).outbox()]
    assert sorted(queued) == [(a.code, StatusCode.ARRIVED.value), (a.code, StatusCode.ACCEPTED.value)]

    back = usb(b, pki).export(b.clerk, drive, signer(pki))  # the statuses travel back the same way
    assert back.messages == 2
    answer = usb(a, pki).import_package(a.clerk, back.folder)
    assert answer.statuses == 2
    history = a.exchange.status_history(doc_id)
    assert [h.status_code for h in history] == [StatusCode.ARRIVED.value, StatusCode.ACCEPTED.value]
    with a.ctx.db.read_session() as s:
        sent = s.get(DocumentRow, doc_id)
        assert sent is not None and sent.state == DocumentState.ACKNOWLEDGED.value


def test_importing_twice_registers_once(offices: dict[str, Office], pki: DemoKeys, tmp_path: Path) -> None:
    a, b = offices["commune"], offices["district"]
    folder = export_one(a, pki, tmp_path, [b.code])
    first = usb(b, pki).import_package(b.clerk, folder)
    second = usb(b, pki).import_package(b.clerk, folder)
    assert (first.registered, first.already_had) == (1, 0)
    assert (second.registered, second.already_had) == (0, 1)
    assert incoming(b) == 1 and received_states(b) == [ReceivedState.REGISTERED]
    with b.ctx.db.read_session() as s:
        assert len(ExchangeRepository(s).outbox()) == 2  # one "arrived" and one "accepted", not four


def test_a_lost_package_is_written_again_and_received_once(offices: dict[str, Office], pki: DemoKeys,
                                                           tmp_path: Path) -> None:
    a, b = offices["commune"], offices["district"]
    lost, spare = tmp_path / "lost", tmp_path / "spare"
    lost.mkdir()
    spare.mkdir()
    first = export_one(a, pki, lost, [b.code])
    again = usb(a, pki).export_again(a.clerk, first.name, spare, signer(pki))
    assert again.messages == 1 and again.folder.parent == spare and again.folder.name != first.name
    with a.ctx.db.read_session() as s:
        rows = ExchangeRepository(s).outbox()
    assert [(r.state, r.usb_package, r.attempts) for r in rows] == [(OutboxState.SENT, again.folder.name, 2)]
    with pytest.raises(DomainError) as refused:  # its messages now name the new package
        usb(a, pki).export_again(a.clerk, first.name, spare, signer(pki))
    assert refused.value.code == "exchange.usb_package_unknown"

    received = usb(b, pki).import_package(b.clerk, again.folder)
    found_after_all = usb(b, pki).import_package(b.clerk, first)  # the lost drive turns up
    assert (received.registered, found_after_all.registered, found_after_all.already_had) == (1, 0, 1)
    assert incoming(b) == 1


def test_nothing_queued_is_said(offices: dict[str, Office], pki: DemoKeys, tmp_path: Path) -> None:
    a = offices["commune"]
    with pytest.raises(DomainError) as err:
        usb(a, pki).export(a.clerk, tmp_path, signer(pki))
    assert err.value.code == "exchange.usb_nothing_queued"
    with pytest.raises(DomainError) as err:
        usb(a, pki).export(a.clerk, tmp_path / "absent", signer(pki))
    assert err.value.code == "exchange.usb_folder_missing"


def _refused(office: Office, pki: DemoKeys, folder: Path, code: str = "exchange.usb_tampered",
             roots: list[object] | None = None) -> None:
    with pytest.raises(DomainError) as err:
        usb(office, pki, roots).import_package(office.clerk, folder)
    assert err.value.code == code
    assert incoming(office) == 0 and received_states(office) == []
    with office.ctx.db.read_session() as s:
        assert ExchangeRepository(s).outbox() == []


def test_a_changed_byte_refuses_the_whole_package(offices: dict[str, Office], pki: DemoKeys, tmp_path: Path) -> None:
    a, b = offices["commune"], offices["district"]
    doc_ids = [add_sealed(a, signed_pdf(pki, f"Văn bản {i}")) for i in range(2)]
    for doc_id in doc_ids:
        a.exchange.send_issued(a.clerk, doc_id, [b.code])
    folder = usb(a, pki).export(a.clerk, tmp_path, signer(pki)).folder
    victim = sorted((folder / "files").iterdir())[1]
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.chmod(0o644)
    victim.write_bytes(bytes(data))
    _refused(b, pki, folder)


def test_an_edited_manifest_is_refused(offices: dict[str, Office], pki: DemoKeys, tmp_path: Path) -> None:
    a, b = offices["commune"], offices["district"]
    folder = export_one(a, pki, tmp_path, [b.code])
    manifest = folder / MANIFEST
    manifest.write_bytes(manifest.read_bytes().replace(b'kind="edoc"', b'kind="status"'))
    _refused(b, pki, folder)


def test_a_removed_or_added_file_is_refused(offices: dict[str, Office], pki: DemoKeys, tmp_path: Path) -> None:
    a, b = offices["commune"], offices["district"]
    doc_ids = [add_sealed(a, signed_pdf(pki, f"Văn bản {i}")) for i in range(2)]
    for doc_id in doc_ids:
        a.exchange.send_issued(a.clerk, doc_id, [b.code])
    folder = usb(a, pki).export(a.clerk, tmp_path, signer(pki)).folder
    files = sorted((folder / "files").iterdir())
    removed = files[0].read_bytes()
    files[0].unlink()
    _refused(b, pki, folder)
    files[0].write_bytes(removed)
    extra = folder / "files" / ("0" * 64 + ".edxml")
    extra.write_bytes(b"<edXML/>")
    _refused(b, pki, folder)
    extra.unlink()
    files[0].unlink()
    files[0].symlink_to(tmp_path / "elsewhere.edxml")  # a link instead of the file, even to identical bytes
    (tmp_path / "elsewhere.edxml").write_bytes(removed)
    _refused(b, pki, folder)


def test_an_untrusted_signer_is_refused(offices: dict[str, Office], pki: DemoKeys, tmp_path: Path) -> None:
    a, b = offices["commune"], offices["district"]
    stranger = make_pki()
    doc_id = add_sealed(a, signed_pdf(pki, "Báo cáo"))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    folder = usb(a, pki).export(a.clerk, tmp_path, signer(stranger)).folder  # intact, but nobody we trust signed
    _refused(b, pki, folder, "exchange.usb_signer_untrusted")
    _refused(b, pki, folder, "exchange.usb_signer_untrusted", roots=[])


def test_the_district_relays_what_is_addressed_to_others(offices: dict[str, Office], pki: DemoKeys,
                                                         tmp_path: Path) -> None:
    commune, district, third = offices["commune"], offices["district"], offices["third"]
    folder = export_one(commune, pki, tmp_path, [district.code, third.code])
    with commune.ctx.db.read_session() as s:
        original = {o.recipient: o.message_id for o in ExchangeRepository(s).outbox()}

    first = usb(district, pki).import_package(district.clerk, folder)
    again = usb(district, pki).import_package(district.clerk, folder)
    assert (first.registered, first.forwarded, first.already_forwarded) == (1, 1, 0)
    assert (again.registered, again.forwarded, again.already_forwarded) == (0, 0, 1)
    with district.ctx.db.read_session() as s:
        relayed = s.execute(select(OutboxRow).where(OutboxRow.recipient == third.code)).scalars().all()
        assert [(r.message_id, r.state) for r in relayed] == [(original[third.code], OutboxState.QUEUED.value)]

    # no link at the district either: its next package carries the relayed message (and its own statuses)
    onward = usb(district, pki).export(district.clerk, tmp_path, signer(pki))
    assert set(onward.recipients) == {commune.code, third.code}
    result = usb(third, pki).import_package(third.clerk, onward.folder)
    assert (result.registered, result.quarantined, result.forwarded) == (1, 0, 2)  # statuses for the commune too
    assert incoming(third) == 1
    # the commune's document reached the third office as the commune's, so its statuses go back to the commune
    with third.ctx.db.read_session() as s:
        repo = ExchangeRepository(s)
        assert [(r.sender, r.state) for r in repo.received() if r.kind is MessageKind.EDOC] == \
            [(commune.code, ReceivedState.REGISTERED)]
        replies = [o.recipient for o in repo.outbox() if o.kind is MessageKind.STATUS and o.relayed_from is None]
    assert replies and set(replies) == {commune.code}


def test_relay_rule_only_for_ancestors() -> None:
    from app.services.exchange.model import is_ancestor_code

    assert is_ancestor_code(DISTRICT, COMMUNE) and is_ancestor_code("000.00.00.H27", COMMUNE)
    assert not is_ancestor_code(THIRD, COMMUNE) and not is_ancestor_code(COMMUNE, DISTRICT)
    assert not is_ancestor_code(DISTRICT, DISTRICT)


def test_an_unsigned_document_is_quarantined_as_online(offices: dict[str, Office], pki: DemoKeys,
                                                       tmp_path: Path) -> None:
    a, b = offices["commune"], offices["district"]
    doc_id = add_sealed(a, plain_pdf("Chưa ký số"))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    folder = usb(a, pki).export(a.clerk, tmp_path, signer(pki)).folder
    result = usb(b, pki).import_package(b.clerk, folder)
    assert (result.registered, result.quarantined) == (0, 1)
    assert incoming(b) == 0 and received_states(b) == [ReceivedState.QUARANTINED]
    with b.ctx.db.read_session() as s:  # the refusal goes back with the next package
        assert [(o.recipient, o.status_code) for o in ExchangeRepository(s).outbox()] == [
            (a.code, StatusCode.REFUSED.value)]
