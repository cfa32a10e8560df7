"""Sync through the sandbox axis between two offices, each with its own database (SQLite and PostgreSQL): outbox
order, exactly-once receiving, Art 8.2 checks with quarantine and refusal, workflow statuses, offline state."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import func, select

from app.domain.enums import DocumentState, FileRole, Urgency
from app.services.exchange.model import StatusCode
from app.services.exchange.sync import SYNC_ACTOR
from app.store.exchange_repository import ExchangeRepository, OutboxState, ReceivedState
from app.store.models import DocumentFileRow, DocumentRow, PresentationRow
from app.store.repositories import FileRepository
from tests.conftest import FakeClock
from tests.integration.exchange.conftest import Sandbox
from tests.integration.exchange.offices import Office, add_sealed, close, open_ctx, open_office_pair
from tests.integration.exchange.signed_pdfs import DemoKeys, make_pki, plain_pdf, signed_pdf

pytestmark = pytest.mark.xdist_group("axis_sandbox")


@pytest.fixture(scope="module")
def pki() -> DemoKeys:
    return make_pki()


@pytest.fixture
def offices(axis: Sandbox, db_url: str, tmp_path: Path, clock: FakeClock, pki: DemoKeys,
            request: pytest.FixtureRequest) -> Iterator[tuple[Office, Office]]:
    pair = open_office_pair(axis, db_url, tmp_path, clock, request, db_prefix="tb")
    a, b = pair.a, pair.b
    a.connect(axis.client(a.code, pair.a_secret), pki.verify)
    b.connect(axis.client(b.code, pair.b_secret), pki.verify)
    yield a, b
    close(a)
    close(b)


def _sync(office: Office) -> None:
    assert office.sync is not None
    office.sync.run_once()


def _received(office: Office) -> list[tuple[ReceivedState, str | None]]:
    with office.ctx.db.read_session() as s:
        return [(r.state, r.document_id) for r in ExchangeRepository(s).received()]


def test_an_issued_document_is_registered_presented_and_its_statuses_come_back(
        offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    doc_id = add_sealed(a, signed_pdf(pki, "Báo cáo số 1"), urgency=Urgency.URGENT)

    items = a.exchange.send_issued(a.clerk, doc_id, [b.code])
    assert [(i.recipient, i.state) for i in items] == [(b.code, OutboxState.QUEUED)]
    _sync(a)
    _sync(b)

    arrivals = _received(b)
    assert [s for s, _ in arrivals] == [ReceivedState.REGISTERED]
    incoming = arrivals[0][1]
    with b.ctx.db.read_session() as s:
        doc = s.get(DocumentRow, incoming)
        assert doc is not None and doc.state == DocumentState.PRESENTED.value and doc.urgency == "urgent"
        presented = s.execute(select(PresentationRow).where(PresentationRow.document_id == incoming)).scalar_one()
        assert presented.leader_user_id == b.leader.user_id

    _sync(a)  # the statuses "đã đến" and "đã tiếp nhận" arrive at A
    history = a.exchange.status_history(doc_id)
    assert [(h.direction, h.status_code, h.agency_code) for h in history] == [
        ("received", StatusCode.ARRIVED.value, b.code), ("received", StatusCode.ACCEPTED.value, b.code)]
    assert "số đến 1" in history[1].description
    with a.ctx.db.read_session() as s:
        sent = s.get(DocumentRow, doc_id)
        assert sent is not None and sent.state == DocumentState.ACKNOWLEDGED.value
    assert a.sync is not None and a.sync.state().online is True and a.sync.state().queued == 0


def test_the_sealed_appendix_files_arrive_with_the_document(offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    doc_id = add_sealed(a, signed_pdf(pki, "Quyết định kèm phụ lục"))
    appendices = [signed_pdf(pki, "Phụ lục I"), signed_pdf(pki, "Phụ lục II")]
    with a.ctx.db.session() as s:  # as issuing leaves a document with separate appendix files
        doc = s.get(DocumentRow, doc_id)
        assert doc is not None
        for i, data in enumerate(appendices, start=1):
            put = a.ctx.files.put_bytes(data)
            FileRepository(s).ensure(put.sha256, put.size, "application/pdf", a.ctx.clock())
            doc.files.append(DocumentFileRow(sha256=put.sha256, role=FileRole.APPENDIX.value,
                                             name=f"phu-luc-{i}.pdf", position=i))

    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    _sync(a)
    _sync(b)
    _sync(b)  # a second run registers nothing and adds no file twice

    (state, incoming), = _received(b)
    assert state is ReceivedState.REGISTERED and incoming is not None
    arrived = b.services.documents.get(incoming)
    assert [(f.role, f.name) for f in arrived.files][1:] == [
        (FileRole.APPENDIX, "phu-luc-1.pdf"), (FileRole.APPENDIX, "phu-luc-2.pdf")]
    assert [b.services.documents.file_path(f.sha256).read_bytes() for f in arrived.files[1:]] == appendices


def test_outbox_delivers_in_order_per_recipient(offices: tuple[Office, Office], pki: DemoKeys, axis: Sandbox) -> None:
    a, b = offices
    pdf = signed_pdf(pki, "Thứ tự")
    ids = [add_sealed(a, pdf, summary=f"Văn bản {i}") for i in range(4)]
    for doc_id in ids:
        a.exchange.send_issued(a.clerk, doc_id, [b.code])
    axis.fault("sendEdoc", "error", count=1)  # the first attempt fails once: the client retries it first
    _sync(a)
    with a.ctx.db.read_session() as s:
        sent = sorted((o for o in ExchangeRepository(s).outbox()), key=lambda o: o.id)
    assert [o.state for o in sent] == [OutboxState.SENT] * 4
    assert b.client is not None
    listed = [e.doc_id for e in b.client.list_received()]
    assert listed == [o.axis_doc_id for o in sent]  # the axis got them in the order they were queued


def test_a_duplicate_delivery_is_registered_once(offices: tuple[Office, Office], pki: DemoKeys, axis: Sandbox) -> None:
    a, b = offices
    doc_id = add_sealed(a, signed_pdf(pki, "Trùng"))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    axis.fault("sendEdoc", "duplicate", count=1)  # the axis delivers the package twice under two DocIds
    axis.fault("getReceivedEdocList", "duplicate", count=1)  # and lists every entry twice
    _sync(a)
    assert b.client is not None and len(b.client.list_received()) == 2
    _sync(b)
    assert [s for s, _ in _received(b)] == [ReceivedState.REGISTERED]
    with b.ctx.db.read_session() as s:
        assert s.execute(select(func.count()).select_from(DocumentRow)).scalar_one() == 1
    assert b.client.list_received() == []  # both deliveries acknowledged


def test_a_tampered_signature_is_quarantined_and_refused_to_the_sender(
        offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    tampered = bytearray(signed_pdf(pki, "Bị sửa"))
    at = tampered.find(b"ReportLab")  # one byte inside the signed range
    assert at > 0
    tampered[at] = ord("X")
    doc_id = add_sealed(a, bytes(tampered))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    _sync(a)
    _sync(b)

    with b.ctx.db.read_session() as s:
        (arrival,) = ExchangeRepository(s).received()
        assert s.execute(select(func.count()).select_from(DocumentRow)).scalar_one() == 0
    assert arrival.state is ReceivedState.QUARANTINED and arrival.document_id is None
    assert any(r.code.startswith("signature.") for r in arrival.reasons), arrival.reasons
    with b.ctx.db.read_session() as s:
        assert [e.action for e in b.ctx.audit.history(s, "exchange_received", str(arrival.id))] == [
            "exchange.quarantined"]

    _sync(a)
    history = a.exchange.status_history(doc_id)
    assert [h.status_code for h in history] == [StatusCode.REFUSED.value]
    assert "gửi lại" in history[0].description and "signature." in history[0].description


def test_hostile_packages_are_quarantined_with_a_reason(offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    assert a.client is not None
    xxe = (b'<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b'<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&x;</edXML>')
    a.client.send_edoc(xxe, [b.code])
    a.client.send_edoc(b"\x00garbage" * 100, [b.code])
    _sync(b)
    with b.ctx.db.read_session() as s:
        arrivals = ExchangeRepository(s).received()
        refusals = [o for o in ExchangeRepository(s).outbox() if o.status_code == StatusCode.REFUSED.value]
    assert sorted(a.state for a in arrivals) == [ReceivedState.QUARANTINED] * 2
    assert {r.reasons[0].code for r in arrivals} <= {"edxml.doctype_forbidden", "edxml.not_edxml", "edxml.malformed"}
    assert len(refusals) == 2 and all(o.state is OutboxState.SENT for o in refusals)
    assert b.client is not None and b.client.list_received() == []


def test_an_axis_that_is_down_or_answers_garbage_sets_offline_and_loses_nothing(
        offices: tuple[Office, Office], pki: DemoKeys, axis: Sandbox) -> None:
    a, b = offices
    assert a.sync is not None
    doc_id = add_sealed(a, signed_pdf(pki, "Ngoại tuyến"))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    axis.fault("sendEdoc", "garbage")
    with pytest.raises(Exception) as caught:
        a.sync.run_once()
    assert getattr(caught.value, "code", "") == "axis.bad_reply"
    state = a.sync.state()
    assert state.online is False and state.last_error == "axis.bad_reply" and state.queued == 1
    axis.admin("DELETE", "/admin/faults")
    a.sync.run_once()
    assert a.sync.state().online is True and a.sync.state().queued == 0
    _sync(b)
    assert [s for s, _ in _received(b)] == [ReceivedState.REGISTERED]  # garbage replies made no second delivery


def test_workflow_steps_send_assigned_and_done_for_axis_documents_only(
        offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    doc_id = add_sealed(a, signed_pdf(pki, "Phân công"))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    _sync(a)
    _sync(b)
    (_, incoming), = _received(b)
    assert incoming is not None
    (assignment,) = b.services.workflow.direct(b.leader, [incoming], "Giao Văn phòng xử lý",
                                               lead_user_id=b.clerk.user_id, working_days=5)
    b.services.workflow.finish(b.clerk, assignment.id, "Đã xử lý xong")
    _sync(b)
    _sync(a)
    codes = [h.status_code for h in a.exchange.status_history(doc_id)]
    assert codes == [StatusCode.ARRIVED.value, StatusCode.ACCEPTED.value, StatusCode.ASSIGNED.value,
                     StatusCode.DONE.value]
    assert SYNC_ACTOR.username == "axis-sync"


def test_documents_excluded_from_electronic_sending_are_refused(offices: tuple[Office, Office]) -> None:
    a, b = offices
    doc_id = add_sealed(a, plain_pdf("Mật"))
    with a.ctx.db.session() as s:
        row = s.get(DocumentRow, doc_id)
        assert row is not None
        row.confidentiality = "secret"
    with pytest.raises(Exception) as caught:
        a.exchange.send_issued(a.clerk, doc_id, [b.code])
    assert getattr(caught.value, "code", "") == "exchange.not_electronic"
    with pytest.raises(Exception) as bad:
        a.exchange.send_issued(a.clerk, doc_id, ["000.00.00.h27"])
    assert getattr(bad.value, "code", "") == "exchange.recipient_code_invalid"


def _count(office: Office, sql_filter: str) -> int:
    with office.ctx.db.read_session() as s:
        if sql_filter == "sent":
            return len([o for o in ExchangeRepository(s).outbox(limit=10_000) if o.state is OutboxState.SENT])
        if sql_filter == "taken":
            return len(ExchangeRepository(s).received(limit=10_000))
        return int(s.execute(select(func.count()).select_from(DocumentRow)
                             .where(DocumentRow.direction == "incoming")).scalar_one())


def _child(office: Office, url: str, axis: Sandbox, secret: str, root_pem: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.integration.exchange.sync_child", url, str(office.ctx.files.root.parent),
         axis.url, office.code, secret, str(root_pem)],
        cwd=Path(__file__).resolve().parents[3], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_when(proc: subprocess.Popen[bytes], reached: Callable[[], bool]) -> None:
    """kill -9 the syncing process as soon as it has done part of the work (or when it ended by itself)."""
    while proc.poll() is None and not reached():
        time.sleep(0.01)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(60)


def test_kill_9_while_sending_and_while_receiving_loses_and_duplicates_nothing(
        axis: Sandbox, db_url: str, tmp_path: Path, clock: FakeClock, pki: DemoKeys,
        request: pytest.FixtureRequest) -> None:
    pair = open_office_pair(axis, db_url, tmp_path, clock, request, db_prefix="tk")
    a, b, b_url, a_secret, b_secret = pair.a, pair.b, pair.b_url, pair.a_secret, pair.b_secret
    b_code = b.code
    root_pem = tmp_path / "root.pem"
    root_pem.write_bytes(pki.root.public_bytes(serialization.Encoding.PEM))
    n = 30
    pdf = signed_pdf(pki, "kill -9")
    for i in range(n):
        a.exchange.send_issued(a.clerk, add_sealed(a, pdf, summary=f"Văn bản {i}"), [b_code])
    try:
        with axis.client(b_code, b_secret) as peek:  # dies once the axis holds a few, before they are marked sent
            _kill_when(_child(a, db_url, axis, a_secret, root_pem), lambda: len(peek.list_received()) >= 5)
        assert _count(a, "sent") < n  # it really died in the middle
        survivor = _child(a, db_url, axis, a_secret, root_pem)
        assert survivor.wait(300) == 0, survivor.stderr.read() if survivor.stderr else ""
        assert _count(a, "sent") == n
        with axis.client(b_code, b_secret) as peek:
            assert len({e.doc_id for e in peek.list_received()}) == n  # the axis holds each message once

        _kill_when(_child(b, b_url, axis, b_secret, root_pem), lambda: _count(b, "taken") >= 5)
        assert _count(b, "incoming") < n
        survivor = _child(b, b_url, axis, b_secret, root_pem)
        assert survivor.wait(300) == 0, survivor.stderr.read() if survivor.stderr else ""
        with b.ctx.db.read_session() as s:
            numbers = s.execute(select(DocumentRow.notation, DocumentRow.number)
                                .where(DocumentRow.direction == "incoming")).all()
        assert len(numbers) == n and len(set(numbers)) == n
        with axis.client(b_code, b_secret) as peek:
            assert peek.list_received() == []
    finally:
        close(a)
        close(b)


class _Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing on the way catches it."""


def test_a_crash_right_after_registering_does_not_register_twice(offices: tuple[Office, Office],
                                                                  pki: DemoKeys) -> None:
    a, b = offices
    doc_id = add_sealed(a, signed_pdf(pki, "Sập nguồn"))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    _sync(a)
    present = b.services.registry.on_incoming_registered

    def crash(actor: object, document_id: str) -> None:
        raise _Crash(document_id)  # the registration has committed; the arrival's record has not

    b.services.registry.on_incoming_registered = crash
    with pytest.raises(_Crash):
        _sync(b)
    assert _received(b)[0][0] is ReceivedState.RECEIVED
    b.services.registry.on_incoming_registered = present
    _sync(b)

    arrivals = _received(b)
    assert [s for s, _ in arrivals] == [ReceivedState.REGISTERED]
    with b.ctx.db.read_session() as s:
        docs = s.execute(select(DocumentRow.id).where(DocumentRow.direction == "incoming")).scalars().all()
    assert docs == [arrivals[0][1]]
    _sync(a)
    assert [h.status_code for h in a.exchange.status_history(doc_id)] == [StatusCode.ARRIVED.value,
                                                                          StatusCode.ACCEPTED.value]


def test_two_workstations_of_each_office_syncing_at_once_deliver_exactly_once(
        axis: Sandbox, db_url: str, tmp_path: Path, clock: FakeClock, pki: DemoKeys,
        request: pytest.FixtureRequest) -> None:
    """Offices with several workstations share one store and every clerk's window runs the background sync: two
    syncers per office at the same time must still register each document once and record each status once."""
    import threading

    from app.services.bundle import Services
    from app.services.exchange.outbound import ExchangeService

    pair = open_office_pair(axis, db_url, tmp_path, clock, request, db_prefix="tw")
    a, b = pair.a, pair.b
    offices = [a, b]
    for office, url, secret in ((a, pair.a_url, pair.a_secret), (b, pair.b_url, pair.b_secret)):
        office.connect(axis.client(office.code, secret), pki.verify)
        ctx = open_ctx(url, office.ctx.files.root.parent, clock)  # the second workstation: its own connections
        twin = Office(office.code, office.name, ctx, Services.build(ctx), office.clerk, office.leader,
                      ExchangeService(ctx))
        twin.connect(axis.client(office.code, secret), pki.verify)
        offices.append(twin)
    n = 12
    pdf = signed_pdf(pki, "Hai máy trạm")
    for i in range(n):
        a.exchange.send_issued(a.clerk, add_sealed(a, pdf, summary=f"Văn bản {i}"), [b.code])
    errors: list[BaseException] = []

    def syncing(office: Office) -> None:
        assert office.sync is not None
        for _ in range(8):
            try:
                office.sync.run_once()
            except Exception as exc:  # a syncer may lose a race and try again next round, as the loop does
                errors.append(exc)

    try:
        threads = [threading.Thread(target=syncing, args=(o,)) for o in offices]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
        for office in offices:  # whatever a lost race left is picked up by a quiet round
            _sync(office)
        _sync(a)
        with b.ctx.db.read_session() as s:
            keys = s.execute(select(DocumentRow.issuer_name, DocumentRow.notation, DocumentRow.number)
                             .where(DocumentRow.direction == "incoming")).all()
        assert len(keys) == n and len(set(keys)) == n, errors
        with a.ctx.db.read_session() as s:
            sent = [o for o in ExchangeRepository(s).outbox(limit=1000) if o.status_code is None]
        assert [o.state for o in sent] == [OutboxState.SENT] * n
        history = [(h.status_code, h.agency_code) for d in {o.document_id for o in sent} if d is not None
                   for h in a.exchange.status_history(d)]
        assert sorted(history) == sorted([(StatusCode.ARRIVED.value, b.code), (StatusCode.ACCEPTED.value, b.code)] * n)
    finally:
        for office in offices:
            close(office)
