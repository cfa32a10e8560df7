"""Sync with the provincial axis: the sender drains the outbox, the receiver fetches, checks, registers, and only
then acknowledges (design §7).

Exactly once, with at-least-once transport underneath:
- Sender: rows go out in id order per recipient; each carries its outbox message id as the axis's idempotency key,
  so a send repeated after a crash (the row still says "sending") or after a lost reply gives back the first DocId
  instead of a second delivery. A recipient whose head message must wait (backoff) holds its later ones back.
- Receiver: the package is streamed to the file store and recorded (unique by the SHA-256 of its bytes, the
  message id) before anything else; then it is checked and registered, or quarantined with a refusal queued; only
  after that commit is `done` sent to the axis. A crash anywhere repeats a step whose effect is recognised: a
  package already recorded is not recorded again, a registration already made is adopted, not made twice.
- Throughput: the listed packages go in groups; a group's downloads (and the next group's, while this one is
  registered) and its acknowledgements run on a few threads, and the whole group is recorded in one commit. Each
  registration keeps its own transactions, in list order, and no package is acknowledged before its commit.
The background loop is a plain thread; the UI reads `SyncService.state()` and may call `trigger()`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.enums import Direction, DocumentState, FileRole, Role
from app.domain.errors import ConflictError, DomainError
from app.domain.model import Actor
from app.services.context import StoreContext
from app.services.exchange import changes
from app.services.exchange.axis_client import AxisClient, MessageType, ReceivedEdoc
from app.services.exchange.errors import ExchangeError
from app.services.exchange.model import Attachment, StatusCode
from app.services.exchange.outbound import enqueue_status, enqueue_statuses
from app.services.exchange.receiving import PDF, CheckedPackage, PackageChecker, describe, incoming_form
from app.services.exchange.xmldsig import XmlSigner
from app.services.registry import RegistryService
from app.store.exchange_repository import (
    ExchangeRepository,
    MessageKind,
    OutboxItem,
    OutboxState,
    QueueSizes,
    Reason,
    ReceivedItem,
    ReceivedState,
    reasons_json,
)
from app.store.filestore import PutResult
from app.store.locks import office_lock
from app.store.models import DocumentFileRow, DocumentRow
from app.store.models_exchange import OutboxRow, ReceivedRow
from app.store.repositories import FileRepository, utc

if TYPE_CHECKING:
    from app.services.exchange.relay import CollectResult, CommuneRelay

log = logging.getLogger(__name__)

# The receiver registers as the system on the clerk's behalf (the registry allows a clerk; no user is logged in).
SYNC_ACTOR = Actor(user_id=None, username="axis-sync", full_name="Trục liên thông", roles=frozenset({Role.CLERK}))
Fetched = tuple[PutResult, MessageKind]  # a downloaded package, durable in the file store, and its kind
# A group of listed packages: those recorded before (axis DocId -> arrival id, state), the others' downloads.
Group = tuple[dict[str, tuple[int, str]], list[tuple[ReceivedEdoc, "Future[Fetched]"]]]
TRANSIENT = frozenset({"axis.unreachable", "axis.server_error", "axis.busy", "axis.bad_reply", "axis.unauthorized",
                       "axis.credentials_refused", "axis.certificate_untrusted"})


@dataclass(frozen=True)
class Backoff:
    """Between two attempts of one outbox message (on top of the client's own quick retries)."""

    base_seconds: float = 30.0
    max_seconds: float = 3600.0

    def after(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.max_seconds, self.base_seconds * 2.0 ** max(0, attempts - 1)))


@dataclass
class SendResult:
    sent: int = 0
    retried: int = 0
    failed: int = 0


@dataclass
class ReceiveResult:
    registered: int = 0
    duplicates: int = 0
    quarantined: int = 0
    statuses: int = 0
    acknowledged: int = 0


@dataclass(frozen=True)
class SyncState:
    """What the status bar shows."""

    online: bool | None  # None: not tried yet
    queued: int = 0
    failed: int = 0
    quarantined: int = 0
    last_sync: datetime | None = None
    last_error: str = ""  # an error code (axis.*), "" when the last run went well
    last_error_params: tuple[tuple[str, str], ...] = ()
    running: bool = False
    communes_not_collected: int = 0  # a district: served communes whose mail this round could not collect


class Sender:
    """`relay`: a district's served communes (relay.py); a message it relays for one of them goes out with that
    commune's credentials, so the axis (and the original sender) see the commune as its sender."""

    def __init__(self, ctx: StoreContext, client: AxisClient, *, batch: int = 100, backoff: Backoff | None = None,
                 commit_every: int = 50, relay: CommuneRelay | None = None) -> None:
        self._ctx = ctx
        self._client = client
        self._batch = batch
        self._backoff = backoff or Backoff()
        self._commit_every = commit_every
        self._relay = relay
        self._origins: dict[str, str] = {}

    def run_once(self) -> SendResult:
        """Send what is due; raises the axis error when the axis cannot be reached at all (the caller goes offline)."""
        result = SendResult()
        while True:
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = ExchangeRepository(s)
                heads = repo.due_heads(now, self._batch)
                plan = {r: [(row.id, row.message_id, row.kind, row.payload_sha256) for row in rows]
                        for r, rows in heads.items()}
                repo.mark_sending([i for rows in plan.values() for i, *_ in rows])
            if not plan:
                return result
            if self._relay is not None:
                self._origins = self._relay.origins([m for rows in plan.values() for _i, m, *_ in rows])
            before = result.sent + result.failed
            for recipient, rows in plan.items():
                self._send_recipient(recipient, rows, result)
            if result.sent + result.failed == before:
                return result  # everything due is waiting for its backoff

    def _send_recipient(self, recipient: str, rows: list[tuple[int, str, str, str]], result: SendResult) -> None:
        done: list[tuple[int, str]] = []
        try:
            for outbox_id, message_id, kind, sha in rows:
                try:
                    axis_id = self._client_for(message_id).send_edoc(self._ctx.files.path_for(sha), [recipient],
                                                     message_type=MessageType(kind), message_id=message_id)
                except ExchangeError as exc:
                    self._record_failure(outbox_id, exc, result)
                    if exc.code in TRANSIENT:
                        if message_id in self._origins:
                            break  # a commune's credentials or its turn at the axis: the office's own mail still goes
                        raise
                    continue  # refused for good: the clerk sees it; later messages still go
                done.append((outbox_id, axis_id))
                if len(done) >= self._commit_every:
                    self._mark_sent(done, result)
                    done = []
        finally:
            self._mark_sent(done, result)
            self._release(rows)

    def _client_for(self, message_id: str) -> AxisClient:
        origin = self._origins.get(message_id)
        if origin is None or self._relay is None:
            return self._client
        client = self._relay.client_for(origin)
        if client is None:  # the commune's secret is not set here: refused for good, the clerk sees why
            raise ExchangeError("exchange.commune_no_credentials", code=origin)
        return client

    def _mark_sent(self, done: list[tuple[int, str]], result: SendResult) -> None:
        if not done:
            return
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            ExchangeRepository(s).mark_sent_many(done, now)
        result.sent += len(done)
        done.clear()

    def _release(self, rows: list[tuple[int, str, str, str]]) -> None:
        """Rows of a stopped batch that were never tried go back to the queue, keeping their order."""
        with self._ctx.db.session() as s:
            s.execute(update(OutboxRow)
                      .where(OutboxRow.id.in_([outbox_id for outbox_id, *_ in rows]),
                             OutboxRow.state == OutboxState.SENDING.value)
                      .values(state=OutboxState.QUEUED.value))

    def _record_failure(self, outbox_id: int, exc: ExchangeError, result: SendResult) -> None:
        now = self._ctx.clock()
        text = f"{exc.code}: {exc.params.get('detail', '')}".strip().rstrip(":")
        with self._ctx.db.session() as s:
            repo = ExchangeRepository(s)
            row = repo.outbox_row(outbox_id)
            if exc.code in TRANSIENT:
                repo.mark_retry(outbox_id, text, now + self._backoff.after(row.attempts + 1))
                result.retried += 1
            else:
                repo.mark_failed(outbox_id, text)
                result.failed += 1


class Receiver:
    def __init__(self, ctx: StoreContext, client: AxisClient, registry: RegistryService, checker: PackageChecker, *,
                 actor: Actor = SYNC_ACTOR, status_signer: XmlSigner | None = None, chunk: int = 50,
                 workers: int = 4) -> None:
        self._ctx = ctx
        self._client = client
        self._registry = registry
        self._checker = checker
        self._actor = actor
        self._signer = status_signer
        self._chunk = max(1, chunk)  # packages recorded per commit (and not yet acknowledged at most)
        self._workers = max(1, workers)  # axis downloads and acknowledgements in flight at once
        self._acked: list[int] = []

    def run_once(self) -> ReceiveResult:
        result = ReceiveResult()
        with self._ctx.db.read_session() as s:
            pending = [r.id for r in ExchangeRepository(s).pending_received()]
        for received_id in pending:  # stored before a crash, not yet checked
            self._process(received_id, result, resumed=True)
        try:
            self._acknowledge_leftovers(result)
            seen: set[str] = set()
            items: list[ReceivedEdoc] = []
            for item in self._client.list_received():
                if item.doc_id not in seen:
                    seen.add(item.doc_id)
                    items.append(item)
            if items:
                self._take_all(items, result)
        finally:
            self._note_acknowledged()
        return result

    def _take_all(self, items: list[ReceivedEdoc], result: ReceiveResult) -> None:
        """The listed packages in groups of `chunk`: a group's downloads run side by side (and while the group
        before it is being registered); the group is recorded in one commit, its documents checked and registered
        one by one in list order, and only then is each package acknowledged (also side by side, while the next
        group is worked on). A failed download or acknowledgement stops the run, as one always did, but only after
        everything fetched beside it is recorded, registered and acknowledged: nothing fetched is thrown away."""
        groups = [items[i:i + self._chunk] for i in range(0, len(items), self._chunk)]
        acks: list[tuple[tuple[str, int | None], Future[None]]] = []
        with ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="axis-io") as pool:
            def acknowledge(ack: tuple[str, int | None]) -> None:
                acks.append((ack, pool.submit(self._client.acknowledge, ack[0])))

            try:
                ahead: Group | None = self._start_group(pool, groups[0])
                for n in range(len(groups)):
                    assert ahead is not None
                    group, ahead = ahead, (self._start_group(pool, groups[n + 1]) if n + 1 < len(groups) else None)
                    failure = self._take_group(group, result, acknowledge)
                    if failure is not None:
                        for _item, future in ahead[1] if ahead is not None else ():
                            future.cancel()  # what was fetched stays unreferenced in the file store (sweep)
                        raise failure
            except BaseException:
                self._collect_acks(acks, result, raise_failure=False)  # the first error is the one to tell
                raise
            self._collect_acks(acks, result)

    def _start_group(self, pool: ThreadPoolExecutor, items: list[ReceivedEdoc]) -> Group:
        """Which of `items` are recorded already; the downloads of the others, started."""
        with self._ctx.db.read_session() as s:
            known = ExchangeRepository(s).received_by_axis_ids([i.doc_id for i in items])
        fetches = [(item, pool.submit(self._fetch, item)) for item in items if item.doc_id not in known]
        return known, fetches

    def _take_group(self, group: Group, result: ReceiveResult, acknowledge: Callable[[tuple[str, int | None]], object],
                    ) -> BaseException | None:
        """Record, process and hand over for acknowledgement one group; the first failed download, if any."""
        known, fetches = group
        for doc_id, (known_id, known_state) in known.items():
            if known_state == ReceivedState.RECEIVED.value:
                self._process(known_id, result, resumed=True)
            acknowledge((doc_id, known_id))
        stored: list[tuple[ReceivedEdoc, Fetched]] = []
        failure: BaseException | None = None
        for item, future in fetches:
            try:
                stored.append((item, future.result()))
            except Exception as exc:
                failure = failure or exc
        for (item, _fetched), (received_id, applied) in zip(stored, self._record(stored, result), strict=True):
            if received_id is None:
                result.duplicates += 1
            elif not applied:
                self._process(received_id, result)
            acknowledge((item.doc_id, received_id))
        return failure

    def _collect_acks(self, acks: list[tuple[tuple[str, int | None], Future[None]]], result: ReceiveResult, *,
                      raise_failure: bool = True) -> None:
        """Wait for the acknowledgements; note the ones that went through, raise the first that did not."""
        failure: BaseException | None = None
        for (_doc_id, received_id), future in acks:
            try:
                future.result()
            except Exception as exc:
                failure = failure or exc
                continue
            result.acknowledged += 1
            if received_id is not None:
                self._acked.append(received_id)
        if failure is not None and raise_failure:
            raise failure

    def _fetch(self, item: ReceivedEdoc) -> Fetched:
        """Download into the file store (durable once this returns); the package's kind."""
        tmp = self._ctx.files.root / "tmp"
        tmp.mkdir(parents=True, exist_ok=True)
        part = tmp / f"axis-{item.doc_id}.edxml"
        try:
            saved = self._client.download_edoc(item.doc_id, part)
            put = self._ctx.files.put_file(saved.path)
        finally:
            part.unlink(missing_ok=True)
        kind = MessageKind.STATUS if (saved.message_type or item.message_type) is MessageType.STATUS else \
            MessageKind.EDOC
        return put, kind

    def _record(self, stored: list[tuple[ReceivedEdoc, Fetched]],
                result: ReceiveResult) -> list[tuple[int | None, bool]]:
        """Record the stored packages in one transaction: per package (None, False) when the same bytes were
        recorded before. A status package is small and changes nothing outside our database, so it is checked
        first and recorded and applied in the same transaction: (id, True)."""
        if not stored:
            return []
        checks = [self._checker.check(put.path, item.sender) if kind is MessageKind.STATUS else None
                  for item, (put, kind) in stored]
        try:
            if len(stored) > 1:
                scratch = ReceiveResult()
                try:
                    outcome = self._record_in_one(stored, checks, scratch)
                except IntegrityError:  # another workstation recorded one of them at the same moment: one by one
                    outcome = None
                if outcome is not None:
                    _add_counts(result, scratch)
                    return outcome
            out: list[tuple[int | None, bool]] = []
            for entry, checked in zip(stored, checks, strict=True):
                try:
                    out += self._record_in_one([entry], [checked], result)
                except IntegrityError:
                    out.append((None, False))
            return out
        finally:
            for checked in checks:
                if checked is not None:
                    checked.cleanup()

    def _record_in_one(self, stored: list[tuple[ReceivedEdoc, Fetched]],
                       checks: list[CheckedPackage | None], result: ReceiveResult) -> list[tuple[int | None, bool]]:
        """One transaction; what it needs to know is asked once for all the packages (not once per package), and
        each arrival is inserted once, already filled in."""
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            repo = ExchangeRepository(s)
            seen = repo.recorded_messages([put.sha256 for _item, (put, _kind) in stored])
            repo.ensure_package_files([(put.sha256, put.size) for _item, (put, _kind) in stored], now)
            sent = repo.sent_documents([c.status.response_for.document_id for c in checks
                                        if c is not None and c.status is not None])
            rows: list[tuple[ReceivedRow | None, bool]] = []
            for (item, (put, kind)), checked in zip(stored, checks, strict=True):
                if put.sha256 in seen:
                    rows.append((None, False))
                    continue
                seen.add(put.sha256)
                row = repo.add_received(message_id=put.sha256, axis_doc_id=item.doc_id, kind=kind,
                                        sender=item.sender, package_sha256=put.sha256, package_size=put.size, now=now,
                                        file_known=True, flush=False)
                applied = checked is not None and checked.kind is MessageKind.STATUS
                if applied:
                    assert checked is not None
                    self._apply_status_in(s, row, checked, result, sent=sent)
                rows.append((row, applied))
            s.flush()
            return [(row.id if row is not None else None, applied) for row, applied in rows]

    def _acknowledge(self, axis_doc_id: str, received_id: int | None, result: ReceiveResult) -> None:
        """`done` to the axis; the local note of it is written in one batch at the end of the run (an
        acknowledgement whose note was lost is simply repeated: the axis still lists the package)."""
        self._client.acknowledge(axis_doc_id)
        result.acknowledged += 1
        if received_id is not None:
            self._acked.append(received_id)

    def _note_acknowledged(self) -> None:
        if not self._acked:
            return
        now = utc(self._ctx.clock())
        with self._ctx.db.session() as s:
            s.execute(update(ReceivedRow).where(ReceivedRow.id.in_(self._acked)).values(acknowledged_at=now))
        self._acked = []

    def _acknowledge_leftovers(self, result: ReceiveResult) -> None:
        """Committed before a crash but never acknowledged: tell the axis now."""
        with self._ctx.db.read_session() as s:
            rows = [(r.axis_doc_id, r.id) for r in ExchangeRepository(s).unacknowledged()]
        for axis_doc_id, received_id in rows:
            if axis_doc_id is None:
                continue
            try:
                self._acknowledge(axis_doc_id, received_id, result)
            except ExchangeError as exc:
                if exc.code != "axis.not_found":
                    raise
                self._acked.append(received_id)  # the axis forgot it already: nothing left to tell

    # ---- checking and registering -------------------------------------------------------------------------------
    def _process(self, received_id: int, result: ReceiveResult, *, resumed: bool = False) -> None:
        with self._ctx.db.read_session() as s:
            row = ExchangeRepository(s).received_row(received_id)
            path, sender = self._ctx.files.path_for(row.package_sha256), row.sender
        checked = self._checker.check(path, sender)
        try:
            if checked.kind is MessageKind.STATUS:
                self._apply_status(received_id, checked, result)
            elif checked.ok and changes.is_change(checked):  # revoke / update / replace: see changes.py
                changes.apply_change(self._ctx, received_id, checked, actor=self._actor, signer=self._signer,
                                     register=lambda in_commit: self._register(received_id, checked, result, resumed,
                                                                               sender=sender, in_commit=in_commit))
            elif checked.ok:
                self._register(received_id, checked, result, resumed, sender=sender)
            else:
                self._quarantine(received_id, checked, checked.reasons, result)
        finally:
            checked.cleanup()

    def _describe_row(self, row: ReceivedRow, checked: CheckedPackage) -> None:
        doc = checked.document
        if doc is None:
            return
        row.edxml_document_id = doc.document_id[:200]
        row.number_notation = f"{doc.code_number}/{doc.code_notation}"[:100]
        row.subject = doc.subject
        row.urgency = doc.priority.value

    def _register(self, received_id: int, checked: CheckedPackage, result: ReceiveResult, resumed: bool, *,
                  sender: str | None = None, in_commit: changes.InCommit | None = None) -> None:
        """Register the arrival (or find it a duplicate); `in_commit` joins the transaction that records that."""
        doc, pdf = checked.document, checked.main_pdf
        assert doc is not None and pdf is not None
        content = pdf.read_bytes()
        with self._ctx.db.read_session() as s:
            repo = ExchangeRepository(s)
            if sender is None:  # the arrival's sender, when the caller has not read it already
                sender = repo.received_row(received_id).sender
            earlier = repo.registered_document(sender, doc.document_id[:200])
            adopted = _unlinked_arrival(s, pdf.sha256) if resumed and earlier is None else None
        if earlier is not None:  # the same document sent again in a new package
            with self._ctx.db.session() as s:
                row = ExchangeRepository(s).received_row(received_id)
                self._describe_row(row, checked)
                row.state = ReceivedState.DUPLICATE.value
                row.document_id = earlier
                row.processed_at = utc(self._ctx.clock())
                if in_commit is not None:
                    in_commit(s, row)
            result.duplicates += 1
            return
        document_id = adopted
        number = None
        if document_id is None:
            form = incoming_form(doc, self._ctx.clock().date())
            try:
                entry = self._registry.register_incoming(self._actor, form, content, pdf.name)
                document_id, number = entry.document_id, entry.number
            except ConflictError as exc:
                if exc.code != "registry.duplicate":
                    raise
                self._mark_duplicate(received_id, checked, form.issuer_name, form.number_notation, result,
                                     in_commit=in_commit)
                return
            except DomainError as exc:
                self._quarantine(received_id, checked, [Reason.of(exc.code, **_str_params(exc))], result)
                return
        # the other PDFs (the sealed appendices) belong to the document too: durable before any row names them
        appendices = [(a, self._ctx.files.put_bytes(a.read_bytes())) for a in doc.attachments
                      if a.content_type == PDF and a is not pdf]
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            row = ExchangeRepository(s).received_row(received_id)
            self._describe_row(row, checked)
            row.state = ReceivedState.REGISTERED.value
            row.document_id = document_id
            row.processed_at = utc(now)
            if appendices:
                _attach_appendices(s, document_id, appendices, now)
            s.flush()
            text = f"Đã vào sổ, số đến {number}" if number is not None else "Đã tiếp nhận"
            enqueue_statuses(s, self._ctx, row, [(StatusCode.ARRIVED, "Đã đến"), (StatusCode.ACCEPTED, text)],
                             now=now, created_by=self._actor.username, signer=self._signer)
            self._ctx.audit.record(s, self._actor, "exchange.received", "document", document_id, {
                "sender": row.sender, "edxml_document_id": row.edxml_document_id, "package": row.package_sha256,
                "axis_doc_id": row.axis_doc_id, "warnings": [w.code for w in checked.warnings],
            })
            if in_commit is not None:
                in_commit(s, row)
        result.registered += 1

    def _mark_duplicate(self, received_id: int, checked: CheckedPackage, issuer: str, number_notation: str,
                        result: ReceiveResult, *, in_commit: changes.InCommit | None = None) -> None:
        dups = self._registry.find_duplicates(issuer, number_notation)
        with self._ctx.db.session() as s:
            row = ExchangeRepository(s).received_row(received_id)
            if checked.document is not None:
                self._describe_row(row, checked)
            row.state = ReceivedState.DUPLICATE.value
            row.document_id = dups[0].document_id if dups else None
            row.reasons = reasons_json([Reason.of("registry.duplicate", notation=number_notation, issuer=issuer)])
            row.processed_at = utc(self._ctx.clock())
            if in_commit is not None:
                in_commit(s, row)
        result.duplicates += 1

    def _quarantine(self, received_id: int, checked: CheckedPackage, reasons: list[Reason],
                    result: ReceiveResult) -> None:
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            row = ExchangeRepository(s).received_row(received_id)
            self._describe_row(row, checked)
            row.state = ReceivedState.QUARANTINED.value
            row.reasons = reasons_json(reasons)
            row.processed_at = utc(now)
            s.flush()
            self._ctx.audit.record(s, self._actor, "exchange.quarantined", "exchange_received", str(received_id), {
                "sender": row.sender, "edxml_document_id": row.edxml_document_id, "package": row.package_sha256,
                "reasons": [r.as_json() for r in reasons],
            })
            if row.sender:
                enqueue_status(s, self._ctx, row, StatusCode.REFUSED, describe(reasons)[:2000], now=now,
                               created_by=self._actor.username, signer=self._signer)
        result.quarantined += 1

    def _apply_status(self, received_id: int, checked: CheckedPackage, result: ReceiveResult) -> None:
        with self._ctx.db.session() as s:
            self._apply_status_in(s, ExchangeRepository(s).received_row(received_id), checked, result)

    def _apply_status_in(self, s: Session, row: ReceivedRow, checked: CheckedPackage, result: ReceiveResult, *,
                         sent: dict[str, str | None] | None = None) -> None:
        """Record a status package in the history of the document it answers (one transaction with the caller's).
        `sent`: the answered DocumentIds looked up beforehand (`ExchangeRepository.sent_documents`)."""
        now = self._ctx.clock()
        status = checked.status
        repo = ExchangeRepository(s)
        row.processed_at = utc(now)
        if status is None or not checked.ok:
            row.state = ReceivedState.QUARANTINED.value
            row.reasons = reasons_json(checked.reasons)
            result.quarantined += 1
            return
        row.edxml_document_id = status.response_for.document_id[:200]
        row.number_notation = status.response_for.code[:100]
        row.subject = status.description
        row.state = ReceivedState.APPLIED.value
        if status.status_code is StatusCode.RECALL_REQUESTED:  # the sender asks for its document back: changes.py
            changes.apply_recall_request(s, self._ctx, row, status, now=now, actor=self._actor, signer=self._signer)
            result.statuses += 1
            return
        answered = status.response_for.document_id
        document_id = sent[answered] if sent is not None and answered in sent else repo.sent_document(answered)
        row.document_id = document_id
        if document_id is not None:
            repo.add_status(document_id=document_id, direction="received", agency_code=row.sender,
                            status_code=status.status_code.value, description=status.description,
                            at=status.timestamp, now=now, message_id=row.message_id)
            if status.status_code is StatusCode.ACCEPTED:  # one UPDATE: loading the document costs its files too
                s.execute(update(DocumentRow)
                          .where(DocumentRow.id == document_id, DocumentRow.state == DocumentState.SENT.value)
                          .values(state=DocumentState.ACKNOWLEDGED.value, updated_at=utc(now),
                                  version=DocumentRow.version + 1)  # as the ORM's optimistic lock would
                          .execution_options(synchronize_session=False))
        result.statuses += 1


def _attach_appendices(s: Session, document_id: str, appendices: list[tuple[Attachment, PutResult]],
                       now: datetime) -> None:
    """An arrival's appendix files beside its main file, in the package's order (each once: a resumed
    registration may come here again)."""
    doc = s.get(DocumentRow, document_id)
    if doc is None:
        return
    have = {f.sha256 for f in doc.files}
    last = max((f.position for f in doc.files), default=0)
    files = FileRepository(s)
    for attachment, put in appendices:
        if put.sha256 in have:
            continue
        files.ensure(put.sha256, put.size, PDF, now)
        last += 1
        doc.files.append(DocumentFileRow(sha256=put.sha256, role=FileRole.APPENDIX.value,
                                         name=attachment.name[:255] or f"phu-luc-{last}.pdf", position=last))
        have.add(put.sha256)


def _unlinked_arrival(s: Session, pdf_sha256: str) -> str | None:
    """An incoming document holding exactly this PDF that no arrival points to: our own registration, made just
    before a crash stopped us from recording it. Adopting it keeps the document registered once."""
    linked = select(ReceivedRow.document_id).where(ReceivedRow.document_id.is_not(None))
    return s.execute(
        select(DocumentRow.id)
        .join(DocumentFileRow, DocumentFileRow.document_id == DocumentRow.id)
        .where(DocumentFileRow.sha256 == pdf_sha256, DocumentFileRow.role == FileRole.MAIN.value,
               DocumentRow.direction == Direction.INCOMING.value, DocumentRow.id.not_in(linked))
        .limit(1)
    ).scalar_one_or_none()


def _add_counts(into: ReceiveResult, extra: ReceiveResult) -> None:
    into.registered += extra.registered
    into.duplicates += extra.duplicates
    into.quarantined += extra.quarantined
    into.statuses += extra.statuses
    into.acknowledged += extra.acknowledged


def _str_params(exc: DomainError) -> dict[str, object]:
    return {k: v for k, v in exc.params.items() if isinstance(v, str | int)}


SYNC_LOCK = "exchange-sync"  # one syncing workstation per office at a time


class SyncService:
    """One sync = send what is due, then receive what waits. Thread-safe; one run at a time."""

    def __init__(self, ctx: StoreContext, sender: Sender, receiver: Receiver,
                 relay: CommuneRelay | None = None) -> None:
        self._ctx = ctx
        self._sender = sender
        self._receiver = receiver
        self._relay = relay  # a district's served communes: their mail is collected in the same round
        self.last_collect: CollectResult | None = None
        self._run_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._state = SyncState(online=None)
        self._listeners: list[Callable[[SyncState], None]] = []

    @staticmethod
    def build(ctx: StoreContext, client: AxisClient, registry: RegistryService, checker: PackageChecker, *,
              backoff: Backoff | None = None, status_signer: XmlSigner | None = None,
              relay: CommuneRelay | None = None) -> SyncService:
        return SyncService(ctx, Sender(ctx, client, backoff=backoff, relay=relay),
                           Receiver(ctx, client, registry, checker, status_signer=status_signer), relay)

    def add_listener(self, callback: Callable[[SyncState], None]) -> None:
        """Called (on the sync thread) whenever the state changes; a Qt adapter re-emits it as a signal."""
        self._listeners.append(callback)

    def state(self) -> SyncState:
        with self._state_lock:
            return self._state

    def run_once(self) -> tuple[SendResult, ReceiveResult]:
        """One round: send, receive, send the statuses that arrived. Another workstation (or app instance) of this
        office already in a round: this one is skipped, nothing is done twice (app/store/locks.py)."""
        with self._run_lock, office_lock(self._ctx.db, SYNC_LOCK) as held:
            if not held:
                return SendResult(), ReceiveResult()
            self._set(running=True)
            send, receive = SendResult(), ReceiveResult()
            try:
                send = self._sender.run_once()
                receive = self._receiver.run_once()
                if self._relay is not None:  # per-commune failures are kept in the result, not raised
                    self.last_collect = self._relay.collect_locked()
                send_after = self._sender.run_once()  # the statuses the arrivals just queued
                send.sent += send_after.sent
                send.failed += send_after.failed
                send.retried += send_after.retried
            except ExchangeError as exc:
                log.warning("sync stopped: %s", exc)
                self._set(running=False, online=exc.code not in TRANSIENT,
                          last_error=exc.code, last_error_params=tuple((k, str(v)) for k, v in exc.params.items()))
                raise
            except BaseException:
                self._set(running=False)
                raise
            # the round went well; a served commune whose mail could not be collected is shown, with the first reason
            problems = self.last_collect.errors if self._relay is not None and self.last_collect is not None else []
            first = problems[0][1] if problems else None
            self._set(running=False, online=True, last_sync=self._ctx.clock(),
                      last_error=first.code if first is not None else "",
                      last_error_params=tuple((k, str(v)) for k, v in first.params.items()) if first else (),
                      communes_not_collected=len(problems))
            return send, receive

    def refresh_counts(self) -> SyncState:
        self._set()
        return self.state()

    def _set(self, **changes: object) -> None:
        with self._ctx.db.read_session() as s:
            sizes: QueueSizes = ExchangeRepository(s).queue_sizes()
        with self._state_lock:
            self._state = replace(self._state, queued=sizes.queued, failed=sizes.failed,
                                  quarantined=sizes.quarantined, **changes)  # type: ignore[arg-type]
            state = self._state
        for callback in list(self._listeners):
            try:
                callback(state)
            except Exception:  # a listener's bug must not stop the sync
                log.exception("sync state listener failed")

    # ---- the clerk's actions ------------------------------------------------------------------------------------
    def outbox(self, limit: int = 500) -> list[OutboxItem]:
        with self._ctx.db.read_session() as s:
            return ExchangeRepository(s).outbox(limit=limit)

    def received(self, limit: int = 500) -> list[ReceivedItem]:
        with self._ctx.db.read_session() as s:
            return ExchangeRepository(s).received(limit=limit)

    def retry(self, actor: Actor, outbox_id: int) -> OutboxItem:
        """Put a failed (or waiting) message back at the front of its recipient's queue and sync soon."""
        from app.services.exchange.outbound import ExchangeService

        item = ExchangeService(self._ctx).retry(actor, outbox_id)
        self._set()
        return item

    def package_path(self, sha256: str) -> Path:
        """The stored package of a message, for "inspect"."""
        return self._ctx.files.path_for(sha256)


@dataclass
class SyncLoop:
    """The background loop: a sync every `interval` seconds and at once on `trigger()`. Plain threading, no Qt."""

    service: SyncService
    interval: float = 60.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _wake: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="axis-sync", daemon=True)
        self._thread.start()

    def trigger(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.service.run_once()
            except DomainError:
                pass  # the state says offline and why
            except Exception:
                log.exception("sync run failed")
            self._wake.wait(self.interval)
            self._wake.clear()
