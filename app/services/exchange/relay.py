"""A district office's relay for the communes it serves by USB (issue 8 item 7, the downward direction).

A commune with no link cannot poll the axis. The district holds the commune's axis credentials on its behalf (in
the environment, like its own: app/settings.py), and:
- collects: during its sync round (or on "Collect for communes") it lists each served commune's received packages
  with that commune's credentials, streams each into the file store, records it as held for the commune, commits,
  and only then acknowledges it to the axis. A package already held (same axis DocId, or the same bytes delivered
  twice) is held once; a crash between the commit and the acknowledgement is healed by acknowledging later.
- exports: the held packages of one commune go into a signed USB package (usb.py) whose manifest names the
  commune as its destination and each message's original sender; the commune's Receiver does the rest. The
  last package written for a commune can be written again (a drive lost on the way); the commune de-duplicates.
- sends for the commune: what the commune's USB packages carry up for the axis (its statuses in reply, its own
  documents) is recorded as relayed for the commune, and the sender posts it with the commune's credentials, so
  the original sender sees the commune, not the district.
Collecting takes the office lock (app/store/locks.py) so two workstations never collect at once.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.enums import Role
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.model import Actor
from app.services.context import StoreContext
from app.services.exchange.axis_client import AxisClient, MessageType, ReceivedEdoc
from app.services.exchange.errors import ExchangeError
from app.services.exchange.model import is_valid_agency_code
from app.services.exchange.outbound import own_organization
from app.services.exchange.sync import SYNC_LOCK  # collecting, importing and syncing never overlap
from app.services.permissions import require_role
from app.store.exchange_repository import MessageKind
from app.store.locks import office_lock
from app.store.models import AgencyRow
from app.store.models_relay import HeldRow, RelayOriginRow, ServedCommuneRow
from app.store.repositories import FileRepository, utc

if TYPE_CHECKING:
    from app.services.exchange.usb import ExportResult
    from app.services.exchange.xmldsig import XmlSigner

log = logging.getLogger(__name__)

HELD = "held"
EXPORTED = "exported"
# (commune code, its system id on the axis) -> a client with its credentials, or None when its secret is not set
ClientFactory = Callable[[str, str], AxisClient | None]


@dataclass(frozen=True)
class ServedCommune:
    code: str
    name: str
    system_id: str  # "" = the code
    has_secret: bool
    held: int  # packages collected and not yet written to a USB package
    last_package: str = ""  # the latest USB package written for it ("" = none yet)


@dataclass
class CollectResult:
    held: dict[str, int] = field(default_factory=dict)  # newly held per commune
    duplicates: int = 0
    acknowledged: int = 0
    errors: list[tuple[str, ExchangeError]] = field(default_factory=list)  # (commune, why its collection stopped)

    @property
    def total(self) -> int:
        return sum(self.held.values())


@dataclass(frozen=True)
class HeldMessage:
    id: int
    message_id: str
    kind: MessageKind
    sender: str
    package_sha256: str
    package_size: int


class CommuneRelay:
    """The served communes, what is held for them, and the axis clients that act for them."""

    def __init__(self, ctx: StoreContext, clients: ClientFactory | None = None,
                 secrets_known: Callable[[str], bool] | None = None) -> None:
        self._ctx = ctx
        self._factory = clients
        self._secrets_known = secrets_known or (lambda _code: False)
        self._clients: dict[str, AxisClient] = {}

    # ---- the admin's list ---------------------------------------------------------------------------------------
    def communes(self) -> list[ServedCommune]:
        with self._ctx.db.read_session() as s:
            rows = s.execute(select(ServedCommuneRow).order_by(ServedCommuneRow.code)).scalars().all()
            counts = self._held_counts(s)
            latest = self._last_packages(s)
            return [ServedCommune(r.code, r.name, r.system_id, self._secrets_known(r.code), counts.get(r.code, 0),
                                  latest.get(r.code, "")) for r in rows]

    def served_codes(self) -> set[str]:
        with self._ctx.db.read_session() as s:
            return set(s.execute(select(ServedCommuneRow.code)).scalars())

    def add(self, actor: Actor, code: str, system_id: str = "") -> ServedCommune:
        """Serve a commune: its code must be in the agency directory (refresh it first) and not our own."""
        require_role(self._ctx, actor, "exchange.commune_add", Role.ADMIN)
        code, system_id = code.strip(), system_id.strip()
        if not is_valid_agency_code(code):
            raise ValidationError("exchange.recipient_code_invalid", codes=code)
        if system_id and len(system_id) > 64:
            raise ValidationError("exchange.commune_system_id_invalid", system_id=system_id[:64])
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            if own_organization(s).organ_id == code:
                raise ValidationError("exchange.recipient_is_self", code=code)
            name = s.execute(select(AgencyRow.name).where(AgencyRow.code == code)).scalars().first()
            if name is None:
                raise NotFoundError("exchange.commune_not_in_directory", code=code)
            row = s.get(ServedCommuneRow, code)
            if row is None:
                row = ServedCommuneRow(code=code, name=name, system_id=system_id, added_at=utc(now),
                                       added_by=actor.username)
                s.add(row)
            else:
                row.name, row.system_id = name, system_id
            self._clients.pop(code, None)
            self._ctx.audit.record(s, actor, "exchange.commune_add", "served_commune", code,
                                   {"name": name, "system_id": system_id})
        return ServedCommune(code, name, system_id, self._secrets_known(code), self.held_counts().get(code, 0))

    def remove(self, actor: Actor, code: str) -> None:
        """Stop serving a commune; refused while packages are held for it (they would be stranded)."""
        require_role(self._ctx, actor, "exchange.commune_remove", Role.ADMIN)
        with self._ctx.db.session() as s:
            row = s.get(ServedCommuneRow, code)
            if row is None:
                raise NotFoundError("exchange.commune_not_served", code=code)
            held = self._held_counts(s).get(code, 0)
            if held:
                raise ConflictError("exchange.commune_has_held", code=code, count=held)
            s.delete(row)
            self._ctx.audit.record(s, actor, "exchange.commune_remove", "served_commune", code, {})
        client = self._clients.pop(code, None)
        if client is not None:
            client.close()

    def held_counts(self) -> dict[str, int]:
        """Packages waiting for a USB package, per commune."""
        with self._ctx.db.read_session() as s:
            return self._held_counts(s)

    @staticmethod
    def _held_counts(s: Session) -> dict[str, int]:
        return {code: int(n) for code, n in s.execute(
            select(HeldRow.commune, func.count()).where(HeldRow.state == HELD).group_by(HeldRow.commune)).tuples()}

    @staticmethod
    def _last_packages(s: Session) -> dict[str, str]:
        """The package written last for each commune (a package written again is the newer one)."""
        latest = select(HeldRow.commune, func.max(HeldRow.exported_at).label("at")).where(HeldRow.state == EXPORTED) \
            .group_by(HeldRow.commune).subquery()
        rows = s.execute(select(HeldRow.commune, func.max(HeldRow.usb_package))
                         .join(latest, and_(HeldRow.commune == latest.c.commune, HeldRow.exported_at == latest.c.at))
                         .group_by(HeldRow.commune)).tuples()
        return {code: package for code, package in rows}

    def held(self, commune: str) -> list[HeldMessage]:
        with self._ctx.db.read_session() as s:
            rows = s.execute(select(HeldRow).where(HeldRow.commune == commune, HeldRow.state == HELD)
                             .order_by(HeldRow.id)).scalars().all()
            return [_held_message(r) for r in rows]

    # ---- clients acting for a commune -----------------------------------------------------------------------------
    def client_for(self, code: str) -> AxisClient | None:
        """The axis client with `code`'s credentials (None: not served, or its secret is not set)."""
        client = self._clients.get(code)
        if client is not None:
            return client
        if self._factory is None:
            return None
        with self._ctx.db.read_session() as s:
            row = s.get(ServedCommuneRow, code)
            system_id = row.system_id if row is not None else None
        if system_id is None:
            return None
        client = self._factory(code, system_id or code)
        if client is not None:
            self._clients[code] = client
        return client

    def origins(self, message_ids: Sequence[str]) -> dict[str, str]:
        """Outbox message id -> the served commune it is relayed for (the others are the office's own)."""
        ids = list(dict.fromkeys(message_ids))
        out: dict[str, str] = {}
        with self._ctx.db.read_session() as s:
            for start in range(0, len(ids), 500):
                out.update(s.execute(select(RelayOriginRow.message_id, RelayOriginRow.agency_code)
                                     .where(RelayOriginRow.message_id.in_(ids[start:start + 500]))).tuples().all())
        return out

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    # ---- collecting -----------------------------------------------------------------------------------------------
    def collect(self, actor: Actor) -> CollectResult:
        """The explicit "Collect for communes": under the office lock, or refused when another workstation syncs."""
        require_role(self._ctx, actor, "exchange.commune_collect", Role.CLERK, Role.ADMIN)
        with office_lock(self._ctx.db, SYNC_LOCK) as held:
            if not held:
                raise ConflictError("exchange.office_busy")
            return self.collect_locked()

    def collect_locked(self) -> CollectResult:
        """Collect for every served commune; the caller holds the office lock (the sync round does). One commune's
        failure (axis down, secret missing or refused) is noted and the others still go."""
        result = CollectResult()
        with self._ctx.db.read_session() as s:
            codes = list(s.execute(select(ServedCommuneRow.code).order_by(ServedCommuneRow.code)).scalars())
        for code in codes:
            client = self.client_for(code)
            if client is None:
                result.errors.append((code, ExchangeError("exchange.commune_no_credentials", code=code)))
                continue
            try:
                self._acknowledge_leftovers(code, client, result)
                self._collect_one(code, client, result)
            except ExchangeError as exc:
                log.warning("collecting for commune %s stopped: %s", code, exc)
                result.errors.append((code, exc))
        return result

    def _acknowledge_leftovers(self, code: str, client: AxisClient, result: CollectResult) -> None:
        """Held (committed) before a crash but never acknowledged: tell the axis now."""
        with self._ctx.db.read_session() as s:
            rows = s.execute(select(HeldRow.id, HeldRow.axis_doc_id)
                             .where(HeldRow.commune == code, HeldRow.acknowledged_at.is_(None),
                                    HeldRow.axis_doc_id.is_not(None))).tuples().all()
        for held_id, axis_doc_id in rows:
            assert axis_doc_id is not None
            self._acknowledge(client, axis_doc_id, held_id, result)

    def _acknowledge(self, client: AxisClient, axis_doc_id: str, held_id: int | None, result: CollectResult) -> None:
        try:
            client.acknowledge(axis_doc_id)
        except ExchangeError as exc:
            if exc.code != "axis.not_found":  # the axis forgot it already: nothing left to tell
                raise
        result.acknowledged += 1
        if held_id is not None:
            with self._ctx.db.session() as s:
                s.execute(update(HeldRow).where(HeldRow.id == held_id).values(acknowledged_at=utc(self._ctx.clock())))

    def _collect_one(self, code: str, client: AxisClient, result: CollectResult) -> None:
        seen: set[str] = set()
        for item in client.list_received():
            if item.doc_id in seen:
                continue
            seen.add(item.doc_id)
            with self._ctx.db.read_session() as s:
                known = s.execute(select(HeldRow.id, HeldRow.acknowledged_at)
                                  .where(HeldRow.commune == code, HeldRow.axis_doc_id == item.doc_id)).first()
            if known is not None:  # held before; the acknowledgement did not reach the axis
                self._acknowledge(client, item.doc_id, known[0], result)
                continue
            held_id = self._fetch_and_hold(code, client, item, result)
            self._acknowledge(client, item.doc_id, held_id, result)  # only after the commit

    def _fetch_and_hold(self, code: str, client: AxisClient, item: ReceivedEdoc, result: CollectResult) -> int | None:
        """Stream the package into the file store and record it as held; None when the same bytes are held
        already (a duplicate delivery under a new DocId)."""
        tmp = self._ctx.files.root / "tmp"
        tmp.mkdir(parents=True, exist_ok=True)
        part = tmp / f"relay-{uuid.uuid4().hex}.edxml"
        try:
            saved = client.download_edoc(item.doc_id, part)
            put = self._ctx.files.put_file(saved.path)
        finally:
            part.unlink(missing_ok=True)
        kind = MessageKind.STATUS if (saved.message_type or item.message_type) is MessageType.STATUS else \
            MessageKind.EDOC
        now = self._ctx.clock()
        try:
            with self._ctx.db.session() as s:
                same = s.execute(select(HeldRow.id).where(HeldRow.commune == code,
                                                          HeldRow.package_sha256 == put.sha256)).first()
                if same is not None:
                    result.duplicates += 1
                    return None
                FileRepository(s).ensure(put.sha256, put.size, "application/xml", now)
                row = HeldRow(commune=code, message_id=str(uuid.uuid4()), axis_doc_id=item.doc_id[:64],
                              kind=kind.value, sender=item.sender[:64], package_sha256=put.sha256,
                              package_size=put.size, state=HELD, usb_package="", received_at=utc(now))
                s.add(row)
                s.flush()
                held_id = row.id
                self._ctx.audit.record(s, _RELAY_ACTOR, "exchange.commune_held", "exchange_held", str(held_id), {
                    "commune": code, "sender": item.sender, "axis_doc_id": item.doc_id, "package": put.sha256,
                })
        except IntegrityError:  # another process held it at the same moment (the lock makes this rare)
            result.duplicates += 1
            return None
        result.held[code] = result.held.get(code, 0) + 1
        return held_id

    # ---- carrying down --------------------------------------------------------------------------------------------
    def export(self, actor: Actor, commune: str, target: Path, signer: XmlSigner) -> ExportResult:
        """Write what is held for `commune` into a signed USB package addressed to it; the rows are marked
        exported only once the folder is complete (a crash in between exports them again, the commune de-dups)."""
        from app.services.exchange.usb import write_package

        require_role(self._ctx, actor, "exchange.usb_export", Role.CLERK, Role.ADMIN)
        with self._ctx.db.read_session() as s:
            if s.get(ServedCommuneRow, commune) is None:
                raise NotFoundError("exchange.commune_not_served", code=commune)
        held = self.held(commune)
        if not held:
            raise ValidationError("exchange.commune_nothing_held", code=commune)
        exported = write_package(self._ctx, target, held, signer, destination=commune)
        self._mark_exported(actor, commune, held, exported, HeldRow.state == HELD, signer, again_of=None)
        return exported

    def export_again(self, actor: Actor, commune: str, package: str, target: Path, signer: XmlSigner) \
            -> ExportResult:
        """Write the messages of an earlier package for `commune` (a drive lost or broken on the way) into a new
        one; the commune takes each message once by its id, even if the first package turns up after all."""
        from app.services.exchange.usb import write_package

        require_role(self._ctx, actor, "exchange.usb_export", Role.CLERK, Role.ADMIN)
        carried = (HeldRow.commune == commune, HeldRow.state == EXPORTED, HeldRow.usb_package == package[:120])
        with self._ctx.db.read_session() as s:
            rows = s.execute(select(HeldRow).where(*carried).order_by(HeldRow.id)).scalars().all()
            held = [_held_message(r) for r in rows]
        if not held:
            raise ValidationError("exchange.usb_package_unknown", package=package)
        exported = write_package(self._ctx, target, held, signer, destination=commune)
        self._mark_exported(actor, commune, held, exported, and_(*carried), signer, again_of=package)
        return exported

    def _mark_exported(self, actor: Actor, commune: str, held: list[HeldMessage], exported: ExportResult,
                       still: Any, signer: XmlSigner, *, again_of: str | None) -> None:
        """Once the folder is complete: the rows name the package they went in (a crash before this exports them
        again, and the commune de-dups)."""
        name = exported.folder.name
        with self._ctx.db.session() as s:
            s.execute(update(HeldRow).where(HeldRow.id.in_([h.id for h in held]), still)
                      .values(state=EXPORTED, usb_package=name[:120], exported_at=utc(self._ctx.clock())))
            self._ctx.audit.record(s, actor, "exchange.usb_export_commune", "usb_package", name, {
                "folder": str(exported.folder), "commune": commune, "messages": [h.message_id for h in held],
                "signer": signer.certificate.subject.rfc4514_string(),
                **({"again_of": again_of} if again_of is not None else {}),
            })


def _held_message(row: HeldRow) -> HeldMessage:
    return HeldMessage(row.id, row.message_id, MessageKind(row.kind), row.sender, row.package_sha256, row.package_size)


_RELAY_ACTOR = Actor(user_id=None, username="axis-relay", full_name="Trục liên thông (chuyển cho xã)",
                     roles=frozenset({Role.CLERK}))


def record_origin(session: Session, message_id: str, commune: str) -> None:
    """Mark an outbox message as relayed for a served commune (in the caller's transaction)."""
    if session.get(RelayOriginRow, message_id) is None:
        session.add(RelayOriginRow(message_id=message_id, agency_code=commune))
