"""Revoke, update, replace and recall (BussinessDocType 1–3, statuses 13/15/16) between two offices through the
sandbox axis: office A sends, then changes its document; office B applies each change with audit rows, the
registry shows the marks, and the right status comes back to A."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.enums import DocumentState, Urgency
from app.domain.errors import DomainError
from app.domain.workflow import AssignmentState
from app.services.exchange import changes as changes_module
from app.services.exchange.changes import DocumentChangeService, DocumentUpdate
from app.services.exchange.model import StatusCode
from app.services.registry import IncomingForm
from app.store.exchange_repository import ExchangeRepository, ReceivedState
from app.store.models import AssignmentRow, AuditEventRow, DocumentRow, PresentationRow, RegistryEntryRow
from tests.conftest import FakeClock
from tests.integration.exchange.conftest import Sandbox
from tests.integration.exchange.offices import Office, add_sealed, close, open_office_pair
from tests.integration.exchange.signed_pdfs import DemoKeys, make_pki, signed_pdf

pytestmark = pytest.mark.xdist_group("axis_sandbox")


@pytest.fixture(scope="module")
def pki() -> DemoKeys:
    return make_pki()


@pytest.fixture
def offices(axis: Sandbox, db_url: str, tmp_path: Path, clock: FakeClock, pki: DemoKeys,
            request: pytest.FixtureRequest) -> Iterator[tuple[Office, Office]]:
    pair = open_office_pair(axis, db_url, tmp_path, clock, request, db_prefix="tc")
    a, b = pair.a, pair.b
    a.connect(axis.client(a.code, pair.a_secret), pki.verify)
    b.connect(axis.client(b.code, pair.b_secret), pki.verify)
    yield a, b
    close(a)
    close(b)


def _sync(*offices: Office) -> None:
    for office in offices:
        assert office.sync is not None
        office.sync.run_once()


def _changes(office: Office) -> DocumentChangeService:
    return DocumentChangeService(office.ctx)


def _sent_and_registered(a: Office, b: Office, pki: DemoKeys, text: str) -> tuple[str, str]:
    """A issues and sends a document; B registers it; A hears 01/03. Returns (A's id, B's id)."""
    doc_id = add_sealed(a, signed_pdf(pki, text), summary=text)
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    _sync(a, b, a)
    with b.ctx.db.read_session() as s:
        rows = [r for r in ExchangeRepository(s).received() if r.state is ReceivedState.REGISTERED]
    incoming = rows[0].document_id
    assert incoming is not None
    return doc_id, incoming


def _codes(office: Office, document_id: str) -> list[tuple[str, str]]:
    return [(h.direction, h.status_code) for h in office.exchange.status_history(document_id)]


def _actions(office: Office, action: str) -> list[dict[str, Any]]:
    with office.ctx.db.read_session() as s:
        rows = s.execute(select(AuditEventRow.details).where(AuditEventRow.action == action)
                         .order_by(AuditEventRow.seq)).scalars().all()
    return [json.loads(r) for r in rows]


def _entry(office: Office, document_id: str) -> RegistryEntryRow:
    with office.ctx.db.read_session() as s:
        entry = s.execute(select(RegistryEntryRow).where(RegistryEntryRow.document_id == document_id)).scalar_one()
        s.expunge(entry)
        return entry


def _state(office: Office, document_id: str) -> str:
    with office.ctx.db.read_session() as s:
        row = s.get(DocumentRow, document_id)
        assert row is not None
        return row.state


def test_revoke_cancels_the_entry_stops_processing_and_answers_15(
        offices: tuple[Office, Office], pki: DemoKeys, axis: Sandbox) -> None:
    a, b = offices
    doc_id, incoming = _sent_and_registered(a, b, pki, "Văn bản sẽ thu hồi")
    (assignment,) = b.services.workflow.direct(b.leader, [incoming], "Giao Văn phòng xử lý",
                                               lead_user_id=b.clerk.user_id, working_days=5)

    axis.fault("sendEdoc", "duplicate", count=1)  # the revoke is delivered twice
    items = _changes(a).revoke(a.clerk, doc_id, "Ban hành nhầm đối tượng")
    assert [i.recipient for i in items] == [b.code]
    assert _state(a, doc_id) == DocumentState.CANCELLED.value  # the sender's copy is frozen
    with a.ctx.files.open(items[0].payload_sha256) as fh:
        package = fh.read().decode()
    assert "<edXML:BussinessDocType>1</edXML:BussinessDocType>" in package
    assert "Ban hành nhầm đối tượng" in package
    _sync(a, b)

    entry = _entry(b, incoming)
    assert entry.cancelled and "Thu hồi: Ban hành nhầm đối tượng" in entry.note  # kept, never deleted
    assert _state(b, incoming) == DocumentState.CANCELLED.value
    with b.ctx.db.read_session() as s:
        task = s.get(AssignmentRow, assignment.id)
        assert task is not None and task.state == AssignmentState.DONE.value
        assert all(not p.open for p in task.parties)
        presented = s.get(PresentationRow, incoming)
        assert presented is None or not presented.pending
        states = sorted(r.state for r in ExchangeRepository(s).received())
    assert states == sorted([ReceivedState.REGISTERED, ReceivedState.APPLIED])  # the second delivery: once
    assert len(_actions(b, "exchange.revoke_applied")) == 1
    assert len(_actions(b, "registry.revoked")) == 1
    assert len(_actions(b, "workflow.stopped")) == 1

    _sync(a)
    assert _codes(a, doc_id)[-1] == ("received", StatusCode.RECALL_AGREED.value)
    assert [h.status_code for h in a.exchange.status_history(doc_id)].count(StatusCode.RECALL_AGREED.value) == 1
    assert _actions(a, "exchange.revoke")[0]["reason"] == "Ban hành nhầm đối tượng"
    with pytest.raises(DomainError) as frozen:
        _changes(a).revoke(a.clerk, doc_id, "Lần nữa")
    assert frozen.value.code == "exchange.change_frozen"

    with a.ctx.db.session() as s:  # a second revoke in a different package (other bytes) is applied once too
        row = s.get(DocumentRow, doc_id)
        assert row is not None
        row.state = DocumentState.ACKNOWLEDGED.value
    _changes(a).revoke(a.clerk, doc_id, "Gửi lại lệnh thu hồi")
    _sync(a, b)
    with b.ctx.db.read_session() as s:
        states = sorted(r.state for r in ExchangeRepository(s).received())
    assert states == sorted([ReceivedState.REGISTERED, ReceivedState.APPLIED, ReceivedState.DUPLICATE])
    assert len(_actions(b, "exchange.revoke_applied")) == 1 and len(_actions(b, "registry.revoked")) == 1
    assert "Gửi lại" not in _entry(b, incoming).note


def test_update_corrects_the_metadata_with_an_audit_trail(offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    doc_id, incoming = _sent_and_registered(a, b, pki, "Trích yếu sai chính tả")
    with pytest.raises(DomainError) as no_reason:
        _changes(a).update(a.clerk, doc_id, DocumentUpdate(summary="x"), "  ")
    assert no_reason.value.code == "exchange.change_reason_required"

    items = _changes(a).update(a.clerk, doc_id, DocumentUpdate(summary="Trích yếu đã sửa", urgency=Urgency.URGENT),
                               "Sửa trích yếu và độ khẩn")
    with a.ctx.files.open(items[0].payload_sha256) as fh:
        package = fh.read().decode()
    assert "<edXML:BussinessDocType>2</edXML:BussinessDocType>" in package
    assert "<edXML:DocumentInfo>1</edXML:DocumentInfo>" in package
    _sync(a, b, a)

    entry = _entry(b, incoming)
    assert entry.summary == "Trích yếu đã sửa" and entry.urgency == "urgent" and not entry.cancelled
    (corrected,) = _actions(b, "registry.correct")
    assert corrected["reason"] == "Sửa trích yếu và độ khẩn"
    assert set(corrected["before"]) == {"summary", "urgency"}
    assert str(corrected["before"]["summary"]).startswith("Trích yếu sai chính tả")
    assert corrected["after"] == {"summary": "Trích yếu đã sửa", "urgency": "urgent"}
    assert len(_actions(b, "exchange.update_applied")) == 1
    assert _codes(a, doc_id)[-1] == ("received", StatusCode.RECALL_AGREED.value)
    with a.ctx.db.read_session() as s:
        own = s.get(DocumentRow, doc_id)
        assert own is not None and own.summary == "Trích yếu đã sửa"  # the sender's record says the same
    assert _actions(a, "exchange.update")[0]["reason"] == "Sửa trích yếu và độ khẩn"


def test_replace_registers_the_new_document_and_marks_the_old_one(
        offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    old_id, old_incoming = _sent_and_registered(a, b, pki, "Văn bản cũ")
    new_id = add_sealed(a, signed_pdf(pki, "Văn bản thay thế"), summary="Văn bản thay thế")
    with pytest.raises(DomainError) as same:
        _changes(a).replace(a.clerk, old_id, old_id, "x")
    assert same.value.code == "exchange.replacement_invalid"

    items = _changes(a).replace(a.clerk, old_id, new_id, "Thay thế do sai số liệu")
    with a.ctx.files.open(items[0].payload_sha256) as fh:
        package = fh.read().decode()
    assert "<edXML:BussinessDocType>3</edXML:BussinessDocType>" in package
    assert "<edXML:ReplacementInfo>" in package
    _sync(a, b, a)

    with b.ctx.db.read_session() as s:
        assert s.execute(select(func.count()).select_from(DocumentRow)).scalar_one() == 2
        new_incoming = s.execute(select(DocumentRow.id).where(DocumentRow.id != old_incoming)).scalar_one()
    old_entry, new_entry = _entry(b, old_incoming), _entry(b, new_incoming)
    assert old_entry.cancelled and "Được thay thế bởi văn bản số" in old_entry.note
    assert f"số đến {new_entry.number}" in old_entry.note
    assert not new_entry.cancelled and new_entry.summary.startswith("Văn bản thay thế")
    assert len(_actions(b, "exchange.replace_applied")) == 1
    assert _codes(a, old_id)[-1] == ("received", StatusCode.RECALL_AGREED.value)
    assert [c for _, c in _codes(a, new_id)] == [StatusCode.ARRIVED.value, StatusCode.ACCEPTED.value]
    assert _state(a, old_id) == DocumentState.CANCELLED.value


class _Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing on the way catches it."""


def test_a_crash_while_replacing_resumes_and_marks_the_old_entry_once(
        offices: tuple[Office, Office], pki: DemoKeys, monkeypatch: pytest.MonkeyPatch) -> None:
    """The power goes off after the replacing document is registered, as the old one is being marked: the next
    sync finishes it — the old entry marked "replaced by …" once, the new document registered once, 15 sent once."""
    a, b = offices
    old_id, old_incoming = _sent_and_registered(a, b, pki, "Văn bản cũ bị thay")
    new_id = add_sealed(a, signed_pdf(pki, "Văn bản thay, sập nguồn"), summary="Văn bản thay, sập nguồn")
    _changes(a).replace(a.clerk, old_id, new_id, "Thay thế do sai số liệu")
    _sync(a)
    mark = changes_module._mark
    crashes: list[str] = []

    def crash_once(*args: Any, **kwargs: Any) -> None:
        if not crashes:
            crashes.append(str(args[3]))
            raise _Crash("power cut while marking the old entry")
        mark(*args, **kwargs)

    monkeypatch.setattr(changes_module, "_mark", crash_once)
    with pytest.raises(_Crash):
        _sync(b)
    assert crashes == [old_incoming]
    with b.ctx.db.read_session() as s:  # the new document's registry line committed; its arrival did not
        incoming = s.execute(select(DocumentRow.id).where(DocumentRow.direction == "incoming")).scalars().all()
        states = [r.state for r in ExchangeRepository(s).received()]
    assert len(incoming) == 2 and states[0] is ReceivedState.RECEIVED  # newest first: resumed on the next sync
    assert not _entry(b, old_incoming).cancelled

    _sync(b)
    _sync(b)  # and a third run changes nothing
    with b.ctx.db.read_session() as s:
        incoming = s.execute(select(DocumentRow.id).where(DocumentRow.direction == "incoming")).scalars().all()
        received = ExchangeRepository(s).received()
        answers = [o for o in ExchangeRepository(s).outbox() if o.status_code == StatusCode.RECALL_AGREED.value]
    assert len(incoming) == 2  # registered once: the resumed arrival adopted the registration made before the crash
    (new_incoming,) = [d for d in incoming if d != old_incoming]
    assert sorted(r.state for r in received) == [ReceivedState.REGISTERED, ReceivedState.REGISTERED]
    assert {r.document_id for r in received} == {old_incoming, new_incoming}
    old_entry, new_entry = _entry(b, old_incoming), _entry(b, new_incoming)
    assert old_entry.cancelled and old_entry.note.count("Được thay thế bởi") == 1
    assert f"số đến {new_entry.number}" in old_entry.note and not new_entry.cancelled
    assert len(_actions(b, "registry.replaced")) == 1 and len(_actions(b, "exchange.replace_applied")) == 1
    assert len(answers) == 1 and answers[0].document_id == old_incoming
    assert _state(b, old_incoming) == DocumentState.CANCELLED.value

    _sync(a)
    assert [c for _, c in _codes(a, old_id)].count(StatusCode.RECALL_AGREED.value) == 1
    assert [c for _, c in _codes(a, new_id)] == [StatusCode.ARRIVED.value, StatusCode.ACCEPTED.value]


def test_recall_is_answered_by_the_receiver_agree_and_refuse(offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    first, first_in = _sent_and_registered(a, b, pki, "Xin lấy lại 1")
    second, second_in = _sent_and_registered(a, b, pki, "Xin lấy lại 2")
    _changes(a).request_recall(a.clerk, first, "Gửi nhầm")
    _changes(a).request_recall(a.clerk, second, "Gửi nhầm lần hai")
    assert _codes(a, first)[-1] == ("sent", StatusCode.RECALL_REQUESTED.value)
    _sync(a, b)

    pending = _changes(b).pending_recalls()
    assert {(p.document_id, p.reason, p.agency_code) for p in pending} == {
        (first_in, "Gửi nhầm", a.code), (second_in, "Gửi nhầm lần hai", a.code)}
    assert _changes(b).pending_recall(first_in) is not None
    with pytest.raises(DomainError) as no_reason:
        _changes(b).answer_recall(b.leader, second_in, agree=False)
    assert no_reason.value.code == "exchange.change_reason_required"
    _changes(b).answer_recall(b.leader, first_in, agree=True)
    _changes(b).answer_recall(b.clerk, second_in, agree=False, reason="Đã phân công xử lý")
    assert _changes(b).pending_recalls() == []
    assert _entry(b, first_in).cancelled and "Lấy lại" in _entry(b, first_in).note
    assert not _entry(b, second_in).cancelled
    assert len(_actions(b, "exchange.recall_requested")) == 2
    assert [d["agree"] for d in _actions(b, "exchange.recall_answer")] == [True, False]
    with pytest.raises(DomainError) as answered:
        _changes(b).answer_recall(b.leader, first_in, agree=True)
    assert answered.value.code == "exchange.no_recall_request"

    _sync(b, a)
    assert _codes(a, first)[-2:] == [("sent", StatusCode.RECALL_REQUESTED.value),
                                     ("received", StatusCode.RECALL_AGREED.value)]
    last = a.exchange.status_history(second)[-1]
    assert (last.status_code, last.description) == (StatusCode.RECALL_REFUSED.value,
                                                    "Từ chối cho lấy lại văn bản: Đã phân công xử lý")


def test_an_unknown_target_is_refused_with_16_and_a_reason(offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, b = offices
    doc_id = add_sealed(a, signed_pdf(pki, "Không đến nơi"))
    other = add_sealed(a, signed_pdf(pki, "Không đến nơi 2"))
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    a.exchange.send_issued(a.clerk, other, [b.code])
    _sync(a)
    assert b.client is not None
    for item in b.client.list_received():  # B never registers them (lost on its side)
        b.client.acknowledge(item.doc_id)
    _changes(a).revoke(a.clerk, doc_id, "Thu hồi thử")
    _changes(a).request_recall(a.clerk, other, "Lấy lại thử")
    _sync(a, b)

    with b.ctx.db.read_session() as s:
        received = ExchangeRepository(s).received()
        assert s.execute(select(func.count()).select_from(DocumentRow)).scalar_one() == 0
    assert sorted(r.state for r in received) == [ReceivedState.REFUSED, ReceivedState.REFUSED]
    assert all(r.reasons[0].code == "exchange.change_target_unknown" for r in received)
    assert len(_actions(b, "exchange.change_refused")) == 2

    _sync(a)
    revoked = a.exchange.status_history(doc_id)[-1]
    assert revoked.status_code == StatusCode.RECALL_REFUSED.value and "Không tìm thấy văn bản" in revoked.description
    recalled = a.exchange.status_history(other)[-1]
    assert recalled.status_code == StatusCode.RECALL_REFUSED.value and "không thể lấy lại" in recalled.description


def test_only_sent_documents_can_change(offices: tuple[Office, Office], pki: DemoKeys) -> None:
    a, _ = offices
    doc_id = add_sealed(a, signed_pdf(pki, "Chưa gửi"))
    with pytest.raises(DomainError) as revoke:
        _changes(a).revoke(a.clerk, doc_id, "x")
    with pytest.raises(DomainError) as recall:
        _changes(a).request_recall(a.clerk, doc_id, "x")
    assert revoke.value.code == recall.value.code == "exchange.change_not_sent"
    with a.ctx.db.read_session() as s:
        assert ExchangeRepository(s).outbox() == []


def test_a_paper_copy_is_found_by_issuer_and_notation(offices: tuple[Office, Office], pki: DemoKeys) -> None:
    """B registered the document from paper (the package never came): a recall finds it by issuer code and
    number/notation, and the answer goes back to A."""
    a, b = offices
    pdf = signed_pdf(pki, "Bản giấy")
    doc_id = add_sealed(a, pdf)
    a.exchange.send_issued(a.clerk, doc_id, [b.code])
    _sync(a)
    assert b.client is not None
    for item in b.client.list_received():
        b.client.acknowledge(item.doc_id)
    with a.ctx.db.read_session() as s:
        sent = s.get(DocumentRow, doc_id)
        assert sent is not None and sent.issued_date is not None
        notation, issued = f"{sent.number:02d}/{sent.notation}", sent.issued_date
    entry = b.services.registry.register_incoming(b.clerk, IncomingForm(
        issuer_name=a.name, number_notation=notation, issued_date=issued, doc_type="Báo cáo",
        summary="Bản giấy", issuer_code=a.code), pdf, "ban-giay.pdf")

    _changes(a).request_recall(a.clerk, doc_id, "Gửi nhầm")
    _sync(a, b)
    assert _changes(b).pending_recall(entry.document_id) is not None
    _changes(b).answer_recall(b.clerk, entry.document_id, agree=True)
    _sync(b, a)
    assert _codes(a, doc_id)[-1] == ("received", StatusCode.RECALL_AGREED.value)
    assert _entry(b, entry.document_id).cancelled
