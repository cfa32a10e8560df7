"""What we owe the axis: issued documents (seed Art 10.2) and business status messages (§5.5), queued in the outbox.

Every function here writes inside the caller's transaction (`session`): the package file is made durable in the
file store first, then the outbox row refers to it, so the message exists exactly when the state change that
caused it committed (design §7).
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import Confidentiality, Direction, DocumentState, FileRole, RestrictionStamp, Role, Urgency
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.model import Actor
from app.domain.workflow import IssueStep
from app.services.context import StoreContext
from app.services.exchange.model import (
    Attachment,
    EdxmlDocument,
    EdxmlStatus,
    Organization,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    StatusCode,
    format_document_id,
    is_valid_agency_code,
    parse_document_id,
)
from app.services.permissions import require_role
from app.store.exchange_repository import (
    ExchangeRepository,
    MessageKind,
    OutboxItem,
    OutboxState,
    QueueSizes,
    ReceivedItem,
    StatusEntry,
    add_outbox,
    outbox_of,
)
from app.store.models import AgencyRow, DocumentFileRow, DocumentRow
from app.store.models_exchange import ReceivedRow
from app.store.repositories import utc
from app.store.workflow_repository import WorkflowRepository

if TYPE_CHECKING:
    from app.services.exchange.xmldsig import XmlSigner
    from app.store.filestore import PutResult

STATUS_TEXT = {
    StatusCode.ARRIVED: "Đã đến",
    StatusCode.REFUSED: "Từ chối tiếp nhận",
    StatusCode.ACCEPTED: "Đã tiếp nhận",
    StatusCode.ASSIGNED: "Phân công",
    StatusCode.IN_PROGRESS: "Đang xử lý",
    StatusCode.DONE: "Hoàn thành",
}


def own_organization(session: Session) -> Organization:
    row = session.execute(select(AgencyRow).where(AgencyRow.is_own.is_(True))).scalar_one_or_none()
    if row is None:
        raise NotFoundError("storage.no_agency")
    return Organization(row.code, row.name, organization_in_charge=row.parent_name or "")


def response_for(arrival: ReceivedRow) -> ResponseFor:
    parts = parse_document_id(arrival.edxml_document_id, lenient=True)
    return ResponseFor(arrival.sender, arrival.number_notation, parts.promulgation_date if parts else None,
                       arrival.edxml_document_id)


def enqueue_status(
    session: Session,
    ctx: StoreContext,
    arrival: ReceivedRow,
    code: StatusCode,
    description: str,
    *,
    now: datetime,
    created_by: str,
    signer: XmlSigner | None = None,
) -> OutboxItem:
    """Queue a status package about `arrival` to its sender, and note it in the document's history."""
    return enqueue_status_for(session, ctx, recipient=arrival.sender, about=response_for(arrival),
                              document_id=arrival.document_id, code=code, description=description, now=now,
                              created_by=created_by, signer=signer)


def enqueue_status_for(
    session: Session,
    ctx: StoreContext,
    *,
    recipient: str,
    about: ResponseFor,
    document_id: str | None,
    code: StatusCode,
    description: str,
    now: datetime,
    created_by: str,
    signer: XmlSigner | None = None,
    staff: StaffInfo | None = None,
) -> OutboxItem:
    """Queue a status package about any document (`about`) to `recipient`, noted in `document_id`'s history: the
    answers to revoke/update/replace and the recall request (13) are not always about the arrival at hand."""
    status = EdxmlStatus(about, own_organization(session), code, now, description=description, staff=staff)
    from app.services.exchange.edxml import build_status  # lxml loads with the first package, not at start-up

    put = ctx.files.put_bytes(build_status(status, signer=signer))
    return _queue_status(session, put, recipient=recipient, document_id=document_id,
                         edxml_document_id=about.document_id, code=code, description=description, now=now,
                         created_by=created_by)


def _queue_status(session: Session, put: PutResult, *, recipient: str, document_id: str | None,
                  edxml_document_id: str, code: StatusCode, description: str, now: datetime,
                  created_by: str) -> OutboxItem:
    """A stored status package in the outbox, and in the document's history when it is about one of ours."""
    item = add_outbox(
        session, kind=MessageKind.STATUS, recipient=recipient, payload_sha256=put.sha256, payload_size=put.size,
        now=now, document_id=document_id, edxml_document_id=edxml_document_id,
        status_code=code.value, description=description, created_by=created_by,
    )
    if document_id is not None:
        ExchangeRepository(session).add_status(
            document_id=document_id, direction="sent", agency_code=recipient, status_code=code.value,
            description=description, at=now, now=now, message_id=item.message_id,
        )
    return item


def enqueue_statuses(
    session: Session,
    ctx: StoreContext,
    arrival: ReceivedRow,
    statuses: Sequence[tuple[StatusCode, str]],
    *,
    now: datetime,
    created_by: str,
    signer: XmlSigner | None = None,
) -> list[OutboxItem]:
    """`enqueue_status` for several statuses about one arrival (the receiver's "đã đến" and "đã tiếp nhận"): the
    packages are made durable side by side, so their fsyncs overlap, before they are queued in the given order."""
    from app.services.exchange.edxml import build_status

    own, about = own_organization(session), response_for(arrival)
    payloads = [build_status(EdxmlStatus(about, own, code, now, description=text), signer=signer)
                for code, text in statuses]
    if len(payloads) > 1:
        with ThreadPoolExecutor(max_workers=len(payloads), thread_name_prefix="status-put") as pool:
            puts = list(pool.map(ctx.files.put_bytes, payloads))
    else:
        puts = [ctx.files.put_bytes(p) for p in payloads]
    files = ExchangeRepository(session).ensure_package_files([(put.sha256, put.size) for put in puts], now)
    session.flush()  # the file rows (held in `files`) are in the session now: add_outbox finds them without a query
    items = [_queue_status(session, put, recipient=arrival.sender, document_id=arrival.document_id,
                           edxml_document_id=about.document_id, code=code, description=text, now=now,
                           created_by=created_by)
             for (code, text), put in zip(statuses, puts, strict=True)]
    del files
    return items


def queue_workflow_status(
    session: Session, ctx: StoreContext, document_id: str, code: StatusCode, description: str, *, actor: Actor,
    now: datetime,
) -> OutboxItem | None:
    """The workflow's hook: "phân công" / "hoàn thành" go back to the sender, only for documents that came through
    the axis (design §2 "Process"); for any other document nothing happens."""
    arrival = ExchangeRepository(session).received_for_document(document_id)
    if arrival is None:
        return None
    text = description.strip()[:500] or STATUS_TEXT.get(code, "")
    return enqueue_status(session, ctx, arrival, code, text, now=now, created_by=actor.username)


class ExchangeService:
    """The clerk's side of sending: one action sends an issued document to all its recipients (seed Art 10.2)."""

    def __init__(self, ctx: StoreContext, *, signer: XmlSigner | None = None) -> None:
        self._ctx = ctx
        self._signer = signer

    def send_issued(self, actor: Actor, document_id: str, recipient_codes: Sequence[str]) -> list[OutboxItem]:
        """Build the edXML package with the sealed PDF once and queue one message per recipient, in one transaction
        with the document's "sent" state and time stamp (the system's time is the time of record)."""
        require_role(self._ctx, actor, "exchange.send", Role.CLERK, Role.ADMIN)
        codes = list(dict.fromkeys(c.strip() for c in recipient_codes if c.strip()))
        if not codes:
            raise ValidationError("exchange.no_recipients")
        bad = [c for c in codes if not is_valid_agency_code(c)]
        if bad:
            raise ValidationError("exchange.recipient_code_invalid", codes=", ".join(bad))
        now = self._ctx.clock()
        with self._ctx.db.read_session() as s:
            package = self._package(s, document_id, codes)
        from app.services.exchange.edxml import build_document

        put = self._ctx.files.put_bytes(build_document(package, signer=self._signer))
        with self._ctx.db.session() as s:
            doc = self._sendable(s, document_id)
            own = own_organization(s)
            if own.organ_id in codes:
                raise ValidationError("exchange.recipient_is_self", code=own.organ_id)
            items = [
                add_outbox(s, kind=MessageKind.EDOC, recipient=code, payload_sha256=put.sha256,
                           payload_size=put.size, now=now, document_id=document_id,
                           edxml_document_id=package.document_id, created_by=actor.username)
                for code in codes
            ]
            doc.state = DocumentState.SENT.value
            doc.updated_at = utc(now)
            WorkflowRepository(s).mark_step(document_id, IssueStep.SENT, now)
            self._ctx.audit.record(s, actor, "exchange.send", "document", document_id, {
                "recipients": codes, "package": put.sha256, "edxml_document_id": package.document_id,
                "messages": [i.message_id for i in items],
            })
            return items

    def _sendable(self, s: Session, document_id: str) -> DocumentRow:
        doc = s.get(DocumentRow, document_id)
        if doc is None:
            raise NotFoundError("document.not_found", id=document_id)
        if doc.direction != Direction.OUTGOING.value:
            raise ValidationError("exchange.not_outgoing")
        if doc.confidentiality != Confidentiality.NONE.value or doc.restriction != RestrictionStamp.NONE.value:
            raise ValidationError("exchange.not_electronic")  # seed Art 1.2, 6: never on the axis
        if doc.state not in (DocumentState.SEALED.value, DocumentState.SENT.value, DocumentState.ACKNOWLEDGED.value):
            raise ConflictError("exchange.not_issued", state=doc.state)
        if doc.number is None or not doc.notation or doc.issued_date is None:
            raise ConflictError("exchange.not_issued", state=doc.state)
        return doc

    def package(self, s: Session, document_id: str, codes: list[str]) -> EdxmlDocument:
        """The package of an issued document for `codes` (revoke/update/replace reuse it: changes.py)."""
        return self._package(s, document_id, codes)

    def sendable(self, s: Session, document_id: str) -> DocumentRow:
        """The document row when it may go on the axis at all (issued, electronic, outgoing)."""
        return self._sendable(s, document_id)

    def _package(self, s: Session, document_id: str, codes: list[str]) -> EdxmlDocument:
        doc = self._sendable(s, document_id)
        own_row = s.execute(select(AgencyRow).where(AgencyRow.is_own.is_(True))).scalar_one_or_none()
        if own_row is None:
            raise NotFoundError("storage.no_agency")
        files = s.execute(
            select(DocumentFileRow).where(DocumentFileRow.document_id == document_id).order_by(DocumentFileRow.position)
        ).scalars().all()
        pdfs = [f for f in files if f.role in (FileRole.MAIN.value, FileRole.APPENDIX.value)]
        if not any(f.role == FileRole.MAIN.value for f in pdfs):
            raise ConflictError("exchange.no_main_file")
        names = dict(s.execute(select(AgencyRow.code, AgencyRow.name).where(AgencyRow.code.in_(codes))).tuples().all())
        attachments = tuple(
            Attachment.from_path(f"f{i}", f.name, f.stored.content_type or "application/pdf",
                                 self._ctx.files.path_for(f.sha256),
                                 "Văn bản chính" if f.role == FileRole.MAIN.value else "Phụ lục")
            for i, f in enumerate(pdfs, start=1)
        )
        number = f"{doc.number:02d}"
        assert doc.notation is not None and doc.issued_date is not None
        return EdxmlDocument(
            from_agency=Organization(own_row.code, own_row.name, organization_in_charge=own_row.parent_name or ""),
            to_agencies=tuple(Organization(c, names.get(c, "")) for c in codes),
            code_number=number, code_notation=doc.notation, promulgation_place=own_row.place_name,
            promulgation_date=doc.issued_date,
            document_id=format_document_id(own_row.code, doc.issued_date, number, doc.notation),
            subject=doc.summary, type_name=doc.doc_type,
            signer=SignerInfo(position=doc.signer_position or "", full_name=doc.signer_name or ""),
            priority=_urgency(doc.urgency), page_amount=doc.page_count or None, attachments=attachments,
        )

    def outbox(self, limit: int = 500) -> list[OutboxItem]:
        """Messages we owe or delivered, newest first (the clerk's "Messages" page)."""
        with self._ctx.db.read_session() as s:
            return ExchangeRepository(s).outbox(limit=limit)

    def received(self, limit: int = 500) -> list[ReceivedItem]:
        """Packages fetched from the axis with what became of them, newest first."""
        with self._ctx.db.read_session() as s:
            return ExchangeRepository(s).received(limit=limit)

    def queue_sizes(self) -> QueueSizes:
        with self._ctx.db.read_session() as s:
            return ExchangeRepository(s).queue_sizes()

    def retry(self, actor: Actor, outbox_id: int) -> OutboxItem:
        """Put a failed (or waiting) message back in its recipient's queue, due now; the next sync sends it."""
        require_role(self._ctx, actor, "exchange.retry", Role.CLERK, Role.ADMIN)
        with self._ctx.db.session() as s:
            repo = ExchangeRepository(s)
            if repo.outbox_row(outbox_id).state == OutboxState.SENT.value:
                raise ConflictError("exchange.already_sent", id=outbox_id)
            row = repo.requeue(outbox_id, self._ctx.clock())
            self._ctx.audit.record(s, actor, "exchange.retry", "exchange_outbox", str(outbox_id), {})
            s.flush()
            return outbox_of(row)

    def package_text(self, sha256: str, limit: int = 20_000) -> str:
        """The start of a stored package, for "inspect" (base64 attachments make the rest unreadable anyway)."""
        with self._ctx.files.open(sha256) as fh:
            return fh.read(limit).decode("utf-8", "replace")

    def status_history(self, document_id: str) -> list[StatusEntry]:
        """The statuses sent and received about a document, oldest first (the document's exchange history)."""
        with self._ctx.db.read_session() as s:
            return ExchangeRepository(s).status_history(document_id)


def _urgency(value: str) -> Urgency:
    try:
        return Urgency(value)
    except ValueError:
        return Urgency.NORMAL
