"""Outbox, received messages and status history of the exchange (app/store/models_exchange.py).

`add_outbox` takes the caller's session on purpose: a message is queued in the same transaction as the state
change that causes it (design §7), so a crash can never leave a registered document without its status message or
a status message about something that did not happen.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from app.domain.errors import NotFoundError
from app.store.models import StoredFileRow
from app.store.models_exchange import OutboxRow, ReceivedRow, StatusHistoryRow
from app.store.repositories import FileRepository, utc


class OutboxState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"  # handed to the axis; a crash here means "send again" (the message id makes it harmless)
    SENT = "sent"
    FAILED = "failed"  # refused for good (e.g. an unknown recipient); the clerk may retry it


class ReceivedState(StrEnum):
    RECEIVED = "received"  # stored, checks not finished (a crash here resumes on the next run)
    REGISTERED = "registered"
    DUPLICATE = "duplicate"  # the same document is already in the book: not registered twice
    QUARANTINED = "quarantined"
    REFUSED = "refused"
    APPLIED = "applied"  # a status package recorded in the document's history


class MessageKind(StrEnum):
    EDOC = "edoc"
    STATUS = "status"


@dataclass(frozen=True)
class Reason:
    """Why a package was quarantined: an error code the UI words, with its parameters."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, code: str, **params: object) -> Reason:
        return cls(code, tuple((k, str(v)) for k, v in sorted(params.items())))

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}


@dataclass(frozen=True)
class OutboxItem:
    id: int
    message_id: str
    kind: MessageKind
    recipient: str
    document_id: str | None
    edxml_document_id: str
    status_code: str | None
    description: str
    payload_sha256: str
    payload_size: int
    state: OutboxState
    attempts: int
    last_error: str
    axis_doc_id: str | None
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    relayed_from: str | None = None  # whose message this office only carries on (None: its own)

    @property
    def usb_package(self) -> str | None:
        """The USB package this message went in, or None when it went through the axis or has not gone yet."""
        return usb_package_of(self.axis_doc_id)


USB_PREFIX = "usb:"  # an outbox message a USB package carried records "usb:<package name>" where an axis DocId goes


def usb_delivery(package: str) -> str:
    """What an outbox message records as where it went when the USB package `package` carried it."""
    return (USB_PREFIX + package)[:64]


def usb_package_of(axis_doc_id: str | None) -> str | None:
    return axis_doc_id[len(USB_PREFIX):] if axis_doc_id and axis_doc_id.startswith(USB_PREFIX) else None


@dataclass(frozen=True)
class ReceivedItem:
    id: int
    message_id: str
    axis_doc_id: str | None
    kind: MessageKind
    sender: str
    edxml_document_id: str
    number_notation: str
    subject: str
    urgency: str
    package_sha256: str
    package_size: int
    state: ReceivedState
    reasons: tuple[Reason, ...]
    document_id: str | None
    received_at: datetime
    processed_at: datetime | None
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class StatusEntry:
    document_id: str
    direction: str  # sent | received
    agency_code: str
    status_code: str
    description: str
    at: datetime
    recorded_at: datetime


@dataclass(frozen=True)
class QueueSizes:
    queued: int
    failed: int
    quarantined: int


def aware(moment: datetime) -> datetime:
    """SQLite hands stored instants back without their zone; they were stored in UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _maybe(moment: datetime | None) -> datetime | None:
    return aware(moment) if moment is not None else None


def add_outbox(
    session: Session,
    *,
    kind: MessageKind,
    recipient: str,
    payload_sha256: str,
    payload_size: int,
    now: datetime,
    document_id: str | None = None,
    edxml_document_id: str = "",
    status_code: str | None = None,
    description: str = "",
    created_by: str = "",
    relayed_from: str | None = None,
) -> OutboxItem:
    """Queue one message to one recipient inside the caller's transaction; the payload file must be durable."""
    FileRepository(session).ensure(payload_sha256, payload_size, "application/xml", now)
    row = OutboxRow(
        message_id=str(uuid.uuid4()),
        kind=kind.value,
        document_id=document_id,
        edxml_document_id=edxml_document_id,
        status_code=status_code,
        description=description,
        recipient=recipient,
        payload_sha256=payload_sha256,
        payload_size=payload_size,
        state=OutboxState.QUEUED.value,
        attempts=0,
        last_error="",
        created_by=created_by,
        created_at=utc(now),
        next_attempt_at=utc(now),
        relayed_from=relayed_from,
    )
    session.add(row)
    session.flush()
    return outbox_of(row)


def outbox_of(row: OutboxRow) -> OutboxItem:
    return OutboxItem(
        row.id, row.message_id, MessageKind(row.kind), row.recipient, row.document_id, row.edxml_document_id,
        row.status_code, row.description, row.payload_sha256, row.payload_size, OutboxState(row.state),
        row.attempts, row.last_error, row.axis_doc_id, aware(row.created_at), aware(row.next_attempt_at),
        _maybe(row.sent_at), row.relayed_from,
    )


def received_of(row: ReceivedRow) -> ReceivedItem:
    reasons = tuple(
        Reason(str(r.get("code", "")), tuple(sorted((str(k), str(v)) for k, v in dict(r.get("params", {})).items())))
        for r in json.loads(row.reasons or "[]")
    )
    return ReceivedItem(
        row.id, row.message_id, row.axis_doc_id, MessageKind(row.kind), row.sender, row.edxml_document_id,
        row.number_notation, row.subject, row.urgency, row.package_sha256, row.package_size,
        ReceivedState(row.state), reasons, row.document_id, aware(row.received_at), _maybe(row.processed_at),
        _maybe(row.acknowledged_at),
    )


class ExchangeRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # ---- outbox -------------------------------------------------------------------------------------------------
    def due_heads(self, now: datetime, per_recipient: int) -> dict[str, list[OutboxRow]]:
        """Per recipient, its oldest unsent messages in order, cut at the first one still waiting for its backoff."""
        open_states = (OutboxState.QUEUED.value, OutboxState.SENDING.value)
        recipients = self.s.execute(
            select(OutboxRow.recipient).where(OutboxRow.state.in_(open_states)).distinct()
        ).scalars().all()
        out: dict[str, list[OutboxRow]] = {}
        moment = utc(now)
        for recipient in recipients:
            rows = self.s.execute(
                select(OutboxRow)
                .where(OutboxRow.recipient == recipient, OutboxRow.state.in_(open_states))
                .order_by(OutboxRow.id)
                .limit(per_recipient)
            ).scalars().all()
            ready: list[OutboxRow] = []
            for row in rows:
                if aware(row.next_attempt_at) > moment:
                    break
                ready.append(row)
            if ready:
                out[recipient] = ready
        return out

    def outbox_row(self, outbox_id: int) -> OutboxRow:
        row = self.s.get(OutboxRow, outbox_id)
        if row is None:
            raise NotFoundError("exchange.message_not_found", id=outbox_id)
        return row

    def mark_sending(self, ids: Sequence[int]) -> None:
        if ids:
            self.s.execute(
                update(OutboxRow).where(OutboxRow.id.in_(list(ids))).values(state=OutboxState.SENDING.value)
            )

    def mark_sent(self, outbox_id: int, axis_doc_id: str, now: datetime) -> OutboxRow:
        row = self.outbox_row(outbox_id)
        row.state = OutboxState.SENT.value
        row.axis_doc_id = axis_doc_id
        row.attempts += 1
        row.sent_at = utc(now)
        row.last_error = ""
        return row

    def mark_sent_many(self, done: Sequence[tuple[int, str]], now: datetime) -> None:
        """`mark_sent` for many rows in one statement (outbox id, axis DocId): no row is loaded."""
        if not done:
            return
        table = cast(Table, OutboxRow.__table__)
        self.s.connection().execute(
            update(table).where(table.c.id == bindparam("b_id")).values(
                state=OutboxState.SENT.value, axis_doc_id=bindparam("b_axis"), attempts=table.c.attempts + 1,
                sent_at=utc(now), last_error=""),
            [{"b_id": outbox_id, "b_axis": axis_doc_id} for outbox_id, axis_doc_id in done],
        )

    def mark_retry(self, outbox_id: int, error: str, next_attempt: datetime) -> None:
        row = self.outbox_row(outbox_id)
        row.state = OutboxState.QUEUED.value
        row.attempts += 1
        row.last_error = error
        row.next_attempt_at = utc(next_attempt)

    def mark_failed(self, outbox_id: int, error: str) -> None:
        row = self.outbox_row(outbox_id)
        row.state = OutboxState.FAILED.value
        row.attempts += 1
        row.last_error = error

    def requeue(self, outbox_id: int, now: datetime) -> OutboxRow:
        row = self.outbox_row(outbox_id)
        row.state = OutboxState.QUEUED.value
        row.next_attempt_at = utc(now)
        return row

    def outbox(self, *, states: Sequence[OutboxState] = (), limit: int = 500, offset: int = 0) -> list[OutboxItem]:
        q = select(OutboxRow).order_by(OutboxRow.id.desc()).limit(limit).offset(offset)
        if states:
            q = q.where(OutboxRow.state.in_([s.value for s in states]))
        return [outbox_of(r) for r in self.s.execute(q).scalars()]

    def outbox_for_document(self, document_id: str) -> list[OutboxItem]:
        q = select(OutboxRow).where(OutboxRow.document_id == document_id).order_by(OutboxRow.id)
        return [outbox_of(r) for r in self.s.execute(q).scalars()]

    def sent_document(self, edxml_document_id: str) -> str | None:
        """Our document behind an edXML DocumentId we sent (status packages answer it)."""
        return self.s.execute(
            select(OutboxRow.document_id)
            .where(OutboxRow.edxml_document_id == edxml_document_id, OutboxRow.kind == MessageKind.EDOC.value,
                   OutboxRow.document_id.is_not(None))
            .limit(1)
        ).scalar_one_or_none()

    def sent_documents(self, edxml_document_ids: Sequence[str]) -> dict[str, str | None]:
        """`sent_document` for many DocumentIds in one query: every id asked for is a key (None: not ours)."""
        ids = list(dict.fromkeys(edxml_document_ids))
        out: dict[str, str | None] = dict.fromkeys(ids)
        for start in range(0, len(ids), 500):
            rows = self.s.execute(
                select(OutboxRow.edxml_document_id, OutboxRow.document_id)
                .where(OutboxRow.edxml_document_id.in_(ids[start:start + 500]),
                       OutboxRow.kind == MessageKind.EDOC.value, OutboxRow.document_id.is_not(None))
                .order_by(OutboxRow.id)
            ).all()
            for edxml_id, document_id in rows:
                if out.get(edxml_id) is None:
                    out[edxml_id] = document_id
        return out

    def queue_sizes(self) -> QueueSizes:
        counts = dict(
            self.s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).tuples().all()
        )
        quarantined = self.s.execute(
            select(func.count()).select_from(ReceivedRow).where(ReceivedRow.state == ReceivedState.QUARANTINED.value)
        ).scalar_one()
        return QueueSizes(
            int(counts.get(OutboxState.QUEUED.value, 0)) + int(counts.get(OutboxState.SENDING.value, 0)),
            int(counts.get(OutboxState.FAILED.value, 0)),
            int(quarantined),
        )

    # ---- received -----------------------------------------------------------------------------------------------
    def received_by_axis_id(self, axis_doc_id: str) -> ReceivedRow | None:
        return self.s.execute(select(ReceivedRow).where(ReceivedRow.axis_doc_id == axis_doc_id)).scalar_one_or_none()

    def received_by_axis_ids(self, axis_doc_ids: Sequence[str]) -> dict[str, tuple[int, str]]:
        """Axis DocId -> (arrival id, state) for those of `axis_doc_ids` already recorded."""
        out: dict[str, tuple[int, str]] = {}
        ids = list(dict.fromkeys(axis_doc_ids))
        for start in range(0, len(ids), 500):
            rows = self.s.execute(
                select(ReceivedRow.axis_doc_id, ReceivedRow.id, ReceivedRow.state)
                .where(ReceivedRow.axis_doc_id.in_(ids[start:start + 500]))
            ).all()
            out.update({r.axis_doc_id: (r.id, r.state) for r in rows if r.axis_doc_id is not None})
        return out

    def recorded_messages(self, message_ids: Sequence[str]) -> set[str]:
        """Those of `message_ids` (package SHA-256) recorded already."""
        ids = list(dict.fromkeys(message_ids))
        out: set[str] = set()
        for start in range(0, len(ids), 500):
            out.update(self.s.execute(
                select(ReceivedRow.message_id).where(ReceivedRow.message_id.in_(ids[start:start + 500]))
            ).scalars())
        return out

    def ensure_package_files(self, files: Sequence[tuple[str, int]], now: datetime) -> list[StoredFileRow]:
        """`FileRepository.ensure` for many packages (SHA-256, size) with one query; the files are durable. The
        rows added are returned: held by the caller, they stay in the session's identity map after a flush."""
        wanted = dict(files)
        if not wanted:
            return []
        known = set(self.s.execute(
            select(StoredFileRow.sha256).where(StoredFileRow.sha256.in_(list(wanted)))).scalars())
        added = [StoredFileRow(sha256=sha, size=size, content_type="application/xml", created_at=utc(now))
                 for sha, size in wanted.items() if sha not in known]
        self.s.add_all(added)
        return added

    def received_row(self, received_id: int) -> ReceivedRow:
        row = self.s.get(ReceivedRow, received_id)
        if row is None:
            raise NotFoundError("exchange.message_not_found", id=received_id)
        return row

    def received_for_document(self, document_id: str) -> ReceivedRow | None:
        """The arrival a document came from, when it came through the axis (workflow statuses go back to it)."""
        return self.s.execute(
            select(ReceivedRow)
            .where(ReceivedRow.document_id == document_id, ReceivedRow.kind == MessageKind.EDOC.value,
                   ReceivedRow.state == ReceivedState.REGISTERED.value)
            .order_by(ReceivedRow.id)
            .limit(1)
        ).scalar_one_or_none()

    def add_received(
        self,
        *,
        message_id: str,
        axis_doc_id: str | None,
        kind: MessageKind,
        sender: str,
        package_sha256: str,
        package_size: int,
        now: datetime,
        file_known: bool = False,
        flush: bool = True,
    ) -> ReceivedRow:
        """`file_known`: the caller ensured the file row (`ensure_package_files`); `flush=False` leaves the row
        pending, so what the caller fills in before the next flush goes into the one INSERT."""
        if not file_known:
            FileRepository(self.s).ensure(package_sha256, package_size, "application/xml", now)
        row = ReceivedRow(
            message_id=message_id, axis_doc_id=axis_doc_id, kind=kind.value, sender=sender, edxml_document_id="",
            number_notation="", subject="", urgency="normal", package_sha256=package_sha256,
            package_size=package_size, state=ReceivedState.RECEIVED.value, reasons="[]", received_at=utc(now),
        )
        self.s.add(row)
        if flush:
            self.s.flush()
        return row

    def pending_received(self) -> list[ReceivedRow]:
        """Arrivals stored but not finished (the app stopped between storing and registering)."""
        return list(self.s.execute(
            select(ReceivedRow).where(ReceivedRow.state == ReceivedState.RECEIVED.value).order_by(ReceivedRow.id)
        ).scalars())

    def unacknowledged(self) -> list[ReceivedRow]:
        return list(self.s.execute(
            select(ReceivedRow)
            .where(ReceivedRow.acknowledged_at.is_(None), ReceivedRow.axis_doc_id.is_not(None),
                   ReceivedRow.state != ReceivedState.RECEIVED.value)
            .order_by(ReceivedRow.id)
        ).scalars())

    def received(self, *, states: Sequence[ReceivedState] = (), limit: int = 500, offset: int = 0,
                 ) -> list[ReceivedItem]:
        q = select(ReceivedRow).order_by(ReceivedRow.id.desc()).limit(limit).offset(offset)
        if states:
            q = q.where(ReceivedRow.state.in_([s.value for s in states]))
        return [received_of(r) for r in self.s.execute(q).scalars()]

    def registered_document(self, sender: str, edxml_document_id: str) -> str | None:
        """A document already registered from the same sender and edXML DocumentId (a re-sent package)."""
        if not edxml_document_id:
            return None
        return self.s.execute(
            select(ReceivedRow.document_id)
            .where(ReceivedRow.sender == sender, ReceivedRow.edxml_document_id == edxml_document_id,
                   ReceivedRow.state == ReceivedState.REGISTERED.value)
            .limit(1)
        ).scalar_one_or_none()

    # ---- status history -----------------------------------------------------------------------------------------
    def add_status(self, *, document_id: str, direction: str, agency_code: str, status_code: str,
                   description: str, at: datetime, now: datetime, message_id: str = "") -> None:
        self.s.add(StatusHistoryRow(
            document_id=document_id, direction=direction, agency_code=agency_code, status_code=status_code,
            description=description, at=utc(at), recorded_at=utc(now), message_id=message_id,
        ))

    def status_history(self, document_id: str) -> list[StatusEntry]:
        rows = self.s.execute(
            select(StatusHistoryRow).where(StatusHistoryRow.document_id == document_id)
            .order_by(StatusHistoryRow.at, StatusHistoryRow.id)
        ).scalars()
        return [StatusEntry(r.document_id, r.direction, r.agency_code, r.status_code, r.description, aware(r.at),
                            aware(r.recorded_at)) for r in rows]


def reasons_json(reasons: Sequence[Reason]) -> str:
    return json.dumps([r.as_json() for r in reasons], ensure_ascii=False)
