"""Changes to a document already sent: revoke (thu hồi), update (cập nhật), replace (thay thế) — `BussinessDocType`
1–3 of standards §5.4 — and the recall request (status 13 "lấy lại") with its answer 15 / 16 (§5.5).

Sender: each change is one transaction — the package (or status) queued in the outbox for every agency the
document went to, the sender's own marks (revoke freezes its copy: ND30 Art 18.4.b) and an audit entry.
Receiver: the sync's receiver hands change packages and recall requests here (two small hooks in sync.py). The
earlier arrival is found by its edXML DocumentId, or by issuer code + number/notation; revoke and replace mark its
registry entry (the "cancelled" mark with the reason in the note — numbers never vanish, ND30 Art 15), stop its
processing and answer 15; update corrects the entry like a clerk's correction (before/after in the audit log)
and answers 15; an unknown target is answered 16 with the reason. A recall request waits for the clerk or the
leader, who agrees (15, the entry is marked) or refuses (16). Everything lands in the audit log. A replacement
marks the old entry in the same commit that records the new one's arrival as registered: a crash in between leaves
the arrival to be resumed on the next sync, never a new document with its old one unmarked.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import Direction, DocumentState, Role, Urgency
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.model import Actor
from app.domain.workflow import AssignmentState, IssueStep
from app.services.context import StoreContext
from app.services.exchange.model import (
    BusinessDocType,
    BusinessInfo,
    EdxmlDocument,
    EdxmlStatus,
    Replacement,
    ResponseFor,
    StaffInfo,
    StatusCode,
    TraceHeader,
    parse_document_id,
)
from app.services.exchange.outbound import (
    ExchangeService,
    enqueue_status,
    enqueue_status_for,
    own_organization,
)
from app.services.permissions import require_role
from app.store.exchange_repository import (
    ExchangeRepository,
    MessageKind,
    OutboxItem,
    Reason,
    ReceivedState,
    add_outbox,
    reasons_json,
)
from app.store.models import AssignmentRow, DocumentRow, PresentationRow, RegistryEntryRow
from app.store.models_exchange import OutboxRow, ReceivedRow, StatusHistoryRow
from app.store.repositories import utc
from app.store.workflow_repository import WorkflowRepository

if TYPE_CHECKING:  # the checks load lxml and the XML signature code: not at start-up
    from app.services.exchange.receiving import CheckedPackage
    from app.services.exchange.xmldsig import XmlSigner

CHANGE_TYPES = (BusinessDocType.REVOKE, BusinessDocType.UPDATE, BusinessDocType.REPLACE)
REASON_MAX = 500

# The notes a mark leaves in the registry entry (the register is Vietnamese; the reason follows the colon).
NOTE_REVOKED = "Thu hồi"
NOTE_REPLACED = "Được thay thế bởi"
NOTE_RECALLED = "Lấy lại"

# What the receiver's registration runs inside the commit that records an arrival as registered or duplicate.
InCommit = Callable[[Session, ReceivedRow], None]


@dataclass(frozen=True)
class DocumentUpdate:
    """Corrected metadata sent with an update (the signed file stays the same); None = unchanged."""

    summary: str | None = None
    doc_type: str | None = None
    signer_name: str | None = None
    signer_position: str | None = None
    urgency: Urgency | None = None
    page_count: int | None = None


@dataclass(frozen=True)
class RecallRequest:
    """A recall (13) that arrived for an incoming document and has no answer yet."""

    document_id: str
    agency_code: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class SentTo:
    edxml_document_id: str
    recipients: tuple[str, ...]


def _reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise ValidationError("exchange.change_reason_required")
    return text[:REASON_MAX]


def sent_to(s: Session, document_id: str) -> SentTo | None:
    """The edXML DocumentId a document went out under and the agencies it went to (None: never sent)."""
    rows = s.execute(
        select(OutboxRow.edxml_document_id, OutboxRow.recipient)
        .where(OutboxRow.document_id == document_id, OutboxRow.kind == MessageKind.EDOC.value)
        .order_by(OutboxRow.id)
    ).tuples().all()
    if not rows:
        return None
    return SentTo(rows[0][0], tuple(dict.fromkeys(r for _, r in rows)))


class DocumentChangeService:
    """The clerk's revoke / update / replace / recall on the sender's side and the answer to a recall on the
    receiver's side."""

    def __init__(self, ctx: StoreContext, *, signer: XmlSigner | None = None) -> None:
        self._ctx = ctx
        self._signer = signer
        self._exchange = ExchangeService(ctx, signer=signer)

    # ---- sender ---------------------------------------------------------------------------------------------
    def sent_info(self, document_id: str) -> SentTo | None:
        with self._ctx.db.read_session() as s:
            return sent_to(s, document_id)

    def revoke(self, actor: Actor, document_id: str, reason: str) -> list[OutboxItem]:
        """Thu hồi: every recipient gets the document again with BussinessDocType 1; our copy is frozen (cancelled
        with the reason) in the same transaction."""
        return self._change(actor, document_id, BusinessDocType.REVOKE, reason)

    def update(self, actor: Actor, document_id: str, changes: DocumentUpdate, reason: str) -> list[OutboxItem]:
        """Cập nhật: corrected metadata with the same signed file (BussinessDocType 2, DocumentInfo 1); our own
        record and register line are corrected with before/after in the audit log."""
        return self._change(actor, document_id, BusinessDocType.UPDATE, reason, changes)

    def replace(self, actor: Actor, old_document_id: str, new_document_id: str, reason: str) -> list[OutboxItem]:
        """Thay thế: the new issued document goes to the old one's recipients with BussinessDocType 3 and a
        ReplacementInfo naming the old DocumentId; the old one is marked "replaced by …"."""
        require_role(self._ctx, actor, "exchange.replace", Role.CLERK, Role.ADMIN)
        text = _reason(reason)
        if old_document_id == new_document_id:
            raise ValidationError("exchange.replacement_invalid")
        now = self._ctx.clock()
        with self._ctx.db.read_session() as s:
            target = self._changeable(s, old_document_id)
            new_row = self._exchange.sendable(s, new_document_id)
            if new_row.state != DocumentState.SEALED.value or sent_to(s, new_document_id) is not None:
                raise ValidationError("exchange.replacement_invalid")
            codes = list(target.recipients)
            base = self._exchange.package(s, new_document_id, codes)
        package = replace(base, trace_headers=(TraceHeader(base.from_agency.organ_id, now),), business=BusinessInfo(
            doc_type=BusinessDocType.REPLACE, reason=text, target_document_id=target.edxml_document_id,
            staff=StaffInfo(staff=actor.full_name),
            replacements=(Replacement(target.edxml_document_id, tuple(codes)),),
        ))
        put = self._put(package)
        with self._ctx.db.session() as s:
            self._changeable(s, old_document_id)
            new_row = self._exchange.sendable(s, new_document_id)
            items = self._queue(s, codes, put, new_document_id, package.document_id, actor, now)
            new_row.state = DocumentState.SENT.value
            new_row.updated_at = utc(now)
            WorkflowRepository(s).mark_step(new_document_id, IssueStep.SENT, now)
            label = f"{package.code_number}/{package.code_notation}"
            _mark(s, self._ctx, actor, old_document_id, f"{NOTE_REPLACED} văn bản số {label}: {text}",
                  "replaced", now)
            self._ctx.audit.record(s, actor, "exchange.replace", "document", old_document_id, {
                "reason": text, "replaced_by": new_document_id, "replaced_by_edxml": package.document_id,
                "edxml_document_id": target.edxml_document_id, "recipients": codes, "package": put[0],
                "messages": [i.message_id for i in items],
            })
            self._ctx.audit.record(s, actor, "exchange.send", "document", new_document_id, {
                "recipients": codes, "package": put[0], "edxml_document_id": package.document_id,
                "replaces": target.edxml_document_id, "messages": [i.message_id for i in items],
            })
            return items

    def request_recall(self, actor: Actor, document_id: str, reason: str) -> list[OutboxItem]:
        """Lấy lại: a status 13 about the document to every recipient; their answer (15/16) comes back into the
        document's exchange history."""
        require_role(self._ctx, actor, "exchange.recall", Role.CLERK, Role.ADMIN)
        text = _reason(reason)
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            target = self._changeable(s, document_id)
            row = s.get(DocumentRow, document_id)
            assert row is not None
            parts = parse_document_id(target.edxml_document_id)
            about = ResponseFor(own_organization(s).organ_id, f"{row.number:02d}/{row.notation}" if row.number
                                else row.notation or "", parts.promulgation_date if parts else row.issued_date,
                                target.edxml_document_id)
            items = [
                enqueue_status_for(s, self._ctx, recipient=code, about=about, document_id=document_id,
                                   code=StatusCode.RECALL_REQUESTED, description=text, now=now,
                                   created_by=actor.username, signer=self._signer,
                                   staff=StaffInfo(staff=actor.full_name))
                for code in target.recipients
            ]
            self._ctx.audit.record(s, actor, "exchange.recall_request", "document", document_id, {
                "reason": text, "recipients": list(target.recipients), "edxml_document_id": target.edxml_document_id,
                "messages": [i.message_id for i in items],
            })
            return items

    def _change(self, actor: Actor, document_id: str, kind: BusinessDocType, reason: str,
                changes: DocumentUpdate | None = None) -> list[OutboxItem]:
        action = "exchange.revoke" if kind is BusinessDocType.REVOKE else "exchange.update"
        require_role(self._ctx, actor, action, Role.CLERK, Role.ADMIN)
        text = _reason(reason)
        now = self._ctx.clock()
        with self._ctx.db.read_session() as s:
            target = self._changeable(s, document_id)
            codes = list(target.recipients)
            base = self._exchange.package(s, document_id, codes)
        if changes is not None:
            base = _updated(base, changes)
        package = replace(base, document_id=target.edxml_document_id,
                          trace_headers=(TraceHeader(base.from_agency.organ_id, now),),
                          business=BusinessInfo(doc_type=kind, reason=text, document_info_changed=changes is not None,
                                                target_document_id=target.edxml_document_id,
                                                staff=StaffInfo(staff=actor.full_name)))
        put = self._put(package)
        with self._ctx.db.session() as s:
            self._changeable(s, document_id)
            items = self._queue(s, codes, put, document_id, target.edxml_document_id, actor, now)
            details: dict[str, object] = {
                "reason": text, "recipients": codes, "edxml_document_id": target.edxml_document_id,
                "package": put[0], "messages": [i.message_id for i in items],
            }
            if changes is None:
                _mark(s, self._ctx, actor, document_id, f"{NOTE_REVOKED}: {text}", "revoked", now)
            else:
                details["changes"] = _correct_own(s, self._ctx, actor, document_id, changes, text, now)
            self._ctx.audit.record(s, actor, action, "document", document_id, details)
            return items

    def _changeable(self, s: Session, document_id: str) -> SentTo:
        row = s.get(DocumentRow, document_id)
        if row is None:
            raise NotFoundError("document.not_found", id=document_id)
        if row.direction != Direction.OUTGOING.value:
            raise ValidationError("exchange.not_outgoing")
        if row.state == DocumentState.CANCELLED.value:
            raise ConflictError("exchange.change_frozen")
        target = sent_to(s, document_id)
        if target is None or row.state not in (DocumentState.SENT.value, DocumentState.ACKNOWLEDGED.value):
            raise ConflictError("exchange.change_not_sent")
        return target

    def _put(self, package: EdxmlDocument) -> tuple[str, int]:
        from app.services.exchange.edxml import build_document  # lxml loads with the first package

        put = self._ctx.files.put_bytes(build_document(package, signer=self._signer))
        return put.sha256, put.size

    @staticmethod
    def _queue(s: Session, codes: Sequence[str], put: tuple[str, int], document_id: str, edxml_id: str,
               actor: Actor, now: datetime) -> list[OutboxItem]:
        return [add_outbox(s, kind=MessageKind.EDOC, recipient=code, payload_sha256=put[0], payload_size=put[1],
                           now=now, document_id=document_id, edxml_document_id=edxml_id, created_by=actor.username)
                for code in codes]

    # ---- receiver: the answer to a recall request ---------------------------------------------------------
    def pending_recall(self, document_id: str) -> RecallRequest | None:
        with self._ctx.db.read_session() as s:
            return _pending_recall(s, document_id)

    def pending_recalls(self) -> list[RecallRequest]:
        """Every incoming document whose sender asked for it back and got no answer yet, oldest first."""
        with self._ctx.db.read_session() as s:
            ids = s.execute(
                select(StatusHistoryRow.document_id).distinct()
                .where(StatusHistoryRow.direction == "received",
                       StatusHistoryRow.status_code == StatusCode.RECALL_REQUESTED.value)
            ).scalars().all()
            found = [r for r in (_pending_recall(s, i) for i in ids) if r is not None]
        return sorted(found, key=lambda r: r.at)

    def answer_recall(self, actor: Actor, document_id: str, agree: bool, reason: str = "") -> OutboxItem:
        """Agree (15: the document is marked recalled and its processing stops) or refuse (16, a reason is
        required) a recall request; the answer goes back to the sender."""
        require_role(self._ctx, actor, "exchange.answer_recall", Role.CLERK, Role.LEADER, Role.DEPUTY, Role.ADMIN)
        text = reason.strip()[:REASON_MAX]
        if not agree and not text:
            raise ValidationError("exchange.change_reason_required")
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            request = _pending_recall(s, document_id)
            if request is None:
                raise ConflictError("exchange.no_recall_request")
            # the answer refers to the document as its sender named it: the arrival, or (a document registered
            # from paper or USB) the recall request itself
            arrival = ExchangeRepository(s).received_for_document(document_id) or s.execute(
                select(ReceivedRow).where(ReceivedRow.document_id == document_id,
                                          ReceivedRow.kind == MessageKind.STATUS.value)
                .order_by(ReceivedRow.id.desc()).limit(1)
            ).scalar_one_or_none()
            if arrival is None:
                raise ConflictError("exchange.no_recall_request")
            if agree:
                _mark(s, self._ctx, actor, document_id,
                      f"{NOTE_RECALLED} theo đề nghị của {request.agency_code}: {request.reason}", "recalled", now)
                answer = "Đồng ý cho lấy lại văn bản" + (f": {text}" if text else "")
            else:
                answer = f"Từ chối cho lấy lại văn bản: {text}"
            code = StatusCode.RECALL_AGREED if agree else StatusCode.RECALL_REFUSED
            item = enqueue_status(s, self._ctx, arrival, code, answer, now=now, created_by=actor.username,
                                  signer=self._signer)
            self._ctx.audit.record(s, actor, "exchange.recall_answer", "document", document_id, {
                "agree": agree, "reason": text, "sender": request.agency_code, "requested": request.reason,
                "status": code.value, "message": item.message_id,
            })
            return item


# ---- receiver: hooks called by sync.Receiver -------------------------------------------------------------------
def is_change(checked: CheckedPackage) -> bool:
    doc = checked.document
    return doc is not None and doc.business.doc_type in CHANGE_TYPES


def apply_change(ctx: StoreContext, received_id: int, checked: CheckedPackage, *, actor: Actor,
                 signer: XmlSigner | None, register: Callable[[InCommit], None]) -> str:
    """Apply an arrived revoke / update / replace; returns what became of it ("applied", "duplicate",
    "refused"). `register(in_commit)` is the receiver's own registration of a new document (used for replace); it
    calls `in_commit(session, row)` inside the transaction that records the arrival as registered or duplicate."""
    doc = checked.document
    assert doc is not None
    kind = doc.business.doc_type
    if kind is BusinessDocType.REPLACE:
        target = (doc.business.replacements[0].document_id if doc.business.replacements
                  else doc.business.target_document_id)

        outcomes: list[str] = []

        def mark_old(s: Session, row: ReceivedRow) -> None:
            if row.document_id is not None:
                outcomes.append(_apply_replace(s, ctx, row, doc, target, actor=actor, signer=signer))

        # The new document is a document like any other; the old one is marked in the very commit that records the
        # arrival as registered, so a crash leaves either both done or the arrival resumable (and neither twice).
        register(mark_old)
        if outcomes:
            return outcomes[0]
        with ctx.db.read_session() as s:  # not registered (quarantined, refused): nothing to mark
            return ExchangeRepository(s).received_row(received_id).state
    target = doc.business.target_document_id or doc.document_id
    now = ctx.clock()
    with ctx.db.session() as s:
        row = ExchangeRepository(s).received_row(received_id)
        _describe(row, doc)
        row.processed_at = utc(now)
        document_id = find_incoming(s, row.sender, target)
        if document_id is None:
            return _refuse(s, ctx, row, doc, target, actor=actor, signer=signer)
        row.document_id = document_id
        about = _about(row.sender, doc, target)
        incoming = s.get(DocumentRow, document_id)
        assert incoming is not None
        if kind is BusinessDocType.REVOKE:
            if incoming.state == DocumentState.CANCELLED.value:  # revoked before (another delivery): once only
                row.state = ReceivedState.DUPLICATE.value
                return "duplicate"
            _mark(s, ctx, actor, document_id, f"{NOTE_REVOKED}: {doc.business.reason or 'theo đề nghị của nơi gửi'}"
                  f" ({row.sender})", "revoked", now)
            answer = "Đã thu hồi văn bản"
        else:
            if incoming.state == DocumentState.CANCELLED.value:
                return _refuse(s, ctx, row, doc, target, actor=actor, signer=signer, code="exchange.change_frozen")
            before_after = _correct_incoming(s, ctx, actor, document_id, doc, doc.business.reason)
            answer = "Đã cập nhật thông tin văn bản" if before_after else "Thông tin văn bản không thay đổi"
        row.state = ReceivedState.APPLIED.value
        s.flush()
        enqueue_status_for(s, ctx, recipient=row.sender, about=about, document_id=document_id,
                           code=StatusCode.RECALL_AGREED, description=answer, now=now, created_by=actor.username,
                           signer=signer)
        ctx.audit.record(s, actor, f"exchange.{'revoke' if kind is BusinessDocType.REVOKE else 'update'}_applied",
                         "document", document_id, {
                             "sender": row.sender, "edxml_document_id": target, "reason": doc.business.reason,
                             "package": row.package_sha256, "received": row.id})
        return "applied"


def apply_recall_request(s: Session, ctx: StoreContext, row: ReceivedRow, status: EdxmlStatus, *, now: datetime,
                         actor: Actor, signer: XmlSigner | None) -> None:
    """A status 13 arrived: note it on the incoming document for the clerk / leader to answer, or refuse it (16)
    at once when no such document came from this sender."""
    target = status.response_for.document_id
    document_id = find_incoming(s, row.sender, target)
    if document_id is None:
        row.state = ReceivedState.REFUSED.value
        row.reasons = reasons_json([Reason.of("exchange.change_target_unknown", target=target)])
        s.flush()
        enqueue_status_for(s, ctx, recipient=row.sender, about=status.response_for, document_id=None,
                           code=StatusCode.RECALL_REFUSED,
                           description=f"Không tìm thấy văn bản {target} do cơ quan gửi đến nên không thể lấy lại",
                           now=now, created_by=actor.username, signer=signer)
        ctx.audit.record(s, actor, "exchange.change_refused", "exchange_received", str(row.id), {
            "sender": row.sender, "edxml_document_id": target, "kind": "recall"})
        return
    row.document_id = document_id
    repo = ExchangeRepository(s)
    repo.add_status(document_id=document_id, direction="received", agency_code=row.sender,
                    status_code=status.status_code.value, description=status.description, at=status.timestamp,
                    now=now, message_id=row.message_id)
    ctx.audit.record(s, actor, "exchange.recall_requested", "document", document_id, {
        "sender": row.sender, "edxml_document_id": target, "reason": status.description, "received": row.id})


def find_incoming(s: Session, sender: str, edxml_document_id: str) -> str | None:
    """The incoming document an earlier arrival registered under this DocumentId, else the one with the same
    issuer code and number/notation (registered from paper or a USB package)."""
    found = ExchangeRepository(s).registered_document(sender, edxml_document_id[:200])
    if found is not None:
        return found
    parts = parse_document_id(edxml_document_id, lenient=True)
    if parts is None or not parts.code_number.isdigit():
        return None
    return s.execute(
        select(DocumentRow.id)
        .where(DocumentRow.direction == Direction.INCOMING.value, DocumentRow.issuer_code == parts.organ_id,
               DocumentRow.number == int(parts.code_number), DocumentRow.notation == parts.code_notation)
        .order_by(DocumentRow.created_at)
        .limit(1)
    ).scalar_one_or_none()


# ---- helpers ---------------------------------------------------------------------------------------------------
def _apply_replace(s: Session, ctx: StoreContext, row: ReceivedRow, doc: EdxmlDocument, target: str, *,
                   actor: Actor, signer: XmlSigner | None) -> str:
    now = ctx.clock()
    old = find_incoming(s, row.sender, target)
    if old is None or old == row.document_id:
        about = _about(row.sender, doc, target)
        reason = Reason.of("exchange.change_target_unknown", target=target)
        row.reasons = reasons_json([reason])
        enqueue_status_for(s, ctx, recipient=row.sender, about=about, document_id=None,
                           code=StatusCode.RECALL_REFUSED,
                           description=f"Đã nhận văn bản thay thế nhưng không tìm thấy văn bản bị thay thế {target}",
                           now=now, created_by=actor.username, signer=signer)
        ctx.audit.record(s, actor, "exchange.change_refused", "exchange_received", str(row.id), {
            "sender": row.sender, "edxml_document_id": target, "kind": "replace", "new_document": row.document_id})
        return "refused"
    old_row = s.get(DocumentRow, old)
    assert old_row is not None
    if old_row.state == DocumentState.CANCELLED.value:
        return "duplicate"
    number = s.execute(select(RegistryEntryRow.number).where(RegistryEntryRow.document_id == row.document_id)
                       .limit(1)).scalar_one_or_none()
    label = f"{doc.code_number}/{doc.code_notation}" + (f" (số đến {number})" if number is not None else "")
    _mark(s, ctx, actor, old, f"{NOTE_REPLACED} văn bản số {label}: {doc.business.reason}".rstrip(": "),
          "replaced", now)
    enqueue_status_for(s, ctx, recipient=row.sender, about=_about(row.sender, doc, target), document_id=old,
                       code=StatusCode.RECALL_AGREED, description=f"Đã thay thế bằng văn bản số {label}", now=now,
                       created_by=actor.username, signer=signer)
    ctx.audit.record(s, actor, "exchange.replace_applied", "document", old, {
        "sender": row.sender, "edxml_document_id": target, "replaced_by": row.document_id,
        "replaced_by_edxml": doc.document_id, "reason": doc.business.reason, "received": row.id})
    return "applied"


def _refuse(s: Session, ctx: StoreContext, row: ReceivedRow, doc: EdxmlDocument, target: str, *, actor: Actor,
            signer: XmlSigner | None, code: str = "exchange.change_target_unknown") -> str:
    what = {BusinessDocType.REVOKE: "thu hồi", BusinessDocType.UPDATE: "cập nhật"}.get(doc.business.doc_type,
                                                                                         "thay thế")
    if code == "exchange.change_target_unknown":
        text = f"Không tìm thấy văn bản {target} do cơ quan gửi đến nên không thể {what}"
    else:
        text = f"Văn bản {target} đã bị thu hồi hoặc thay thế nên không thể {what}"
    row.state = ReceivedState.REFUSED.value
    row.reasons = reasons_json([Reason.of(code, target=target)])
    s.flush()
    enqueue_status_for(s, ctx, recipient=row.sender, about=_about(row.sender, doc, target), document_id=None,
                       code=StatusCode.RECALL_REFUSED, description=text, now=ctx.clock(),
                       created_by=actor.username, signer=signer)
    ctx.audit.record(s, actor, "exchange.change_refused", "exchange_received", str(row.id), {
        "sender": row.sender, "edxml_document_id": target, "kind": what, "reason": code})
    return "refused"


def _pending_recall(s: Session, document_id: str) -> RecallRequest | None:
    """The latest recall request (13) received for the document, unless a 15/16 was sent after it."""
    rows = s.execute(
        select(StatusHistoryRow).where(StatusHistoryRow.document_id == document_id).order_by(StatusHistoryRow.id)
    ).scalars().all()
    pending: RecallRequest | None = None
    for r in rows:
        if r.direction == "received" and r.status_code == StatusCode.RECALL_REQUESTED.value:
            pending = RecallRequest(document_id, r.agency_code, r.description, r.at)
        elif r.direction == "sent" and r.status_code in (StatusCode.RECALL_AGREED.value,
                                                         StatusCode.RECALL_REFUSED.value):
            pending = None
    return pending


def _about(sender: str, doc: EdxmlDocument, target: str) -> ResponseFor:
    parts = parse_document_id(target, lenient=True)
    if parts is not None:
        return ResponseFor(sender, f"{parts.code_number}/{parts.code_notation}", parts.promulgation_date, target)
    return ResponseFor(sender, f"{doc.code_number}/{doc.code_notation}", doc.promulgation_date, target)


def _describe(row: ReceivedRow, doc: EdxmlDocument) -> None:
    row.edxml_document_id = doc.document_id[:200]
    row.number_notation = f"{doc.code_number}/{doc.code_notation}"[:100]
    row.subject = doc.subject
    row.urgency = doc.priority.value


def _mark(s: Session, ctx: StoreContext, actor: Actor, document_id: str, note: str, mark: str,
          now: datetime) -> None:
    """Revoked / replaced / recalled: the register line keeps its number with the cancelled mark and the reason
    in its note, the document is cancelled, and its processing stops (the leader's inbox, open tasks)."""
    doc = s.get(DocumentRow, document_id)
    if doc is None:
        raise NotFoundError("document.not_found", id=document_id)
    entries = s.execute(select(RegistryEntryRow).where(RegistryEntryRow.document_id == document_id)).scalars().all()
    for entry in entries:
        if entry.cancelled:
            continue
        entry.cancelled = True
        entry.note = ((entry.note + "; ") if entry.note else "") + note
        entry.note = entry.note[-1000:]
        ctx.audit.record(s, actor, f"registry.{mark}", "registry_entry", str(entry.id),
                         {"number": entry.number, "reason": note, "document": document_id})
    doc.state = DocumentState.CANCELLED.value
    doc.updated_at = utc(now)
    stopped: list[int] = []
    presentation = s.get(PresentationRow, document_id)
    if presentation is not None and presentation.pending:
        presentation.pending = False
    for assignment in s.execute(select(AssignmentRow).where(AssignmentRow.document_id == document_id)).scalars():
        if AssignmentState(assignment.state).is_open:
            WorkflowRepository.set_state(assignment, AssignmentState.DONE, now)
            assignment.finished_at = utc(now)
            assignment.result_text = f"Dừng xử lý — {note}"[:2000]
            stopped.append(assignment.id)
    if stopped or presentation is not None:
        ctx.audit.record(s, actor, "workflow.stopped", "document", document_id,
                         {"mark": mark, "assignments": stopped, "note": note})


def _updated(doc: EdxmlDocument, changes: DocumentUpdate) -> EdxmlDocument:
    signer = doc.signer
    if changes.signer_name is not None or changes.signer_position is not None:
        signer = replace(signer, full_name=changes.signer_name if changes.signer_name is not None
                         else signer.full_name,
                         position=changes.signer_position if changes.signer_position is not None
                         else signer.position)
    return replace(
        doc,
        subject=changes.summary.strip() if changes.summary is not None else doc.subject,
        type_name=changes.doc_type.strip() if changes.doc_type is not None else doc.type_name,
        signer=signer,
        priority=changes.urgency if changes.urgency is not None else doc.priority,
        page_amount=changes.page_count if changes.page_count is not None else doc.page_amount,
    )


def _correct_own(s: Session, ctx: StoreContext, actor: Actor, document_id: str, changes: DocumentUpdate,
                 reason: str, now: datetime) -> dict[str, object]:
    """Our record of an updated document, corrected like the registry's correction (before/after audited)."""
    doc_fields: dict[str, object] = {}
    if changes.summary is not None:
        if not changes.summary.strip():
            raise ValidationError("registry.summary_empty")
        doc_fields["summary"] = changes.summary.strip()
    if changes.doc_type is not None and changes.doc_type.strip():
        doc_fields["doc_type"] = changes.doc_type.strip()
    if changes.signer_name is not None:
        doc_fields["signer_name"] = changes.signer_name.strip() or None
    if changes.signer_position is not None:
        doc_fields["signer_position"] = changes.signer_position.strip() or None
    if changes.urgency is not None:
        doc_fields["urgency"] = changes.urgency.value
    if changes.page_count is not None:
        doc_fields["page_count"] = max(0, changes.page_count)
    return _apply_fields(s, ctx, actor, document_id, doc_fields, reason, now)


def _correct_incoming(s: Session, ctx: StoreContext, actor: Actor, document_id: str, doc: EdxmlDocument,
                      reason: str) -> dict[str, object]:
    fields: dict[str, object] = {
        "summary": doc.subject.strip() or doc.content.strip(),
        "doc_type": doc.type_name.strip(),
        "signer_name": doc.signer.full_name.strip() or None,
        "urgency": doc.priority.value,
    }
    if doc.page_amount:
        fields["page_count"] = doc.page_amount
    fields = {k: v for k, v in fields.items() if v not in ("", None)}
    return _apply_fields(s, ctx, actor, document_id, fields, reason or "Cập nhật theo nơi gửi", ctx.clock())


_ENTRY_FIELD = {"summary": "summary", "doc_type": "doc_type", "signer_name": "signer", "urgency": "urgency"}


def _apply_fields(s: Session, ctx: StoreContext, actor: Actor, document_id: str, fields: dict[str, object],
                  reason: str, now: datetime) -> dict[str, object]:
    row = s.get(DocumentRow, document_id)
    if row is None:
        raise NotFoundError("document.not_found", id=document_id)
    changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
    if not changed:
        return {}
    before = {k: getattr(row, k) for k in changed}
    for key, value in changed.items():
        setattr(row, key, value)
    row.updated_at = utc(now)
    entry_changes = {_ENTRY_FIELD[k]: ("" if v is None else v) for k, v in changed.items() if k in _ENTRY_FIELD}
    if entry_changes:
        for entry in s.execute(select(RegistryEntryRow).where(RegistryEntryRow.document_id == document_id)).scalars():
            entry_before = {k: getattr(entry, k) for k in entry_changes}
            for key, value in entry_changes.items():
                setattr(entry, key, value)
            ctx.audit.record(s, actor, "registry.correct", "registry_entry", str(entry.id), {
                "reason": reason, "before": entry_before, "after": dict(entry_changes)})
    plain: dict[str, object] = json.loads(json.dumps({"before": before, "after": changed}, default=str))
    return plain
