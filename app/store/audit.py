"""Append-only, hash-chained audit log written in the caller's transaction.

Each event's hash covers its content and the previous hash; the head row records the last sequence number,
so an edited, deleted or truncated event breaks the chain and `verify_chain` names it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.model import Actor, AuditEvent
from app.store.models import AuditEventRow, AuditHeadRow

GENESIS = "0" * 64


def canonical_json(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(
    seq: int, at: str, actor: str, action: str, object_type: str, object_id: str, details: str, prev_hash: str
) -> str:
    payload = "\x1f".join([str(seq), at, actor, action, object_type, object_id, details, prev_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _to_domain(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        row.seq,
        row.at,
        row.actor,
        row.action,
        row.object_type,
        row.object_id,
        row.details,
        row.prev_hash,
        row.hash,
    )


class AuditLog:
    """Writes into the caller's session: its commit makes the event and the change durable together."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def record(
        self,
        session: Session,
        actor: Actor,
        action: str,
        object_type: str,
        object_id: str,
        details: dict[str, Any] | None = None,
    ) -> AuditEvent:
        head = session.execute(
            select(AuditHeadRow).where(AuditHeadRow.id == 1).with_for_update()
        ).scalar_one_or_none()
        if head is None:
            head = AuditHeadRow(id=1, last_seq=0, last_hash=GENESIS)
            session.add(head)
        seq = head.last_seq + 1
        at = self._clock().isoformat(timespec="microseconds")
        body = canonical_json(details or {})
        actor_name = actor.username
        digest = event_hash(seq, at, actor_name, action, object_type, str(object_id), body, head.last_hash)
        row = AuditEventRow(
            seq=seq,
            at=at,
            actor=actor_name,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            details=body,
            prev_hash=head.last_hash,
            hash=digest,
        )
        session.add(row)
        head.last_seq = seq
        head.last_hash = digest
        session.flush()
        return _to_domain(row)

    @staticmethod
    def history(session: Session, object_type: str, object_id: str) -> list[AuditEvent]:
        rows = session.execute(
            select(AuditEventRow)
            .where(AuditEventRow.object_type == object_type, AuditEventRow.object_id == str(object_id))
            .order_by(AuditEventRow.seq)
        ).scalars()
        return [_to_domain(r) for r in rows]


@dataclass(frozen=True)
class ChainProblem:
    code: str  # audit.hash_mismatch | audit.link_broken | audit.gap | audit.head_mismatch
    seq: int
    detail: str = ""


def _iter_events(session: Session, batch: int = 5000) -> Iterator[AuditEventRow]:
    last = 0
    while True:
        rows = list(
            session.execute(
                select(AuditEventRow).where(AuditEventRow.seq > last).order_by(AuditEventRow.seq).limit(batch)
            ).scalars()
        )
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


def verify_chain(session: Session) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    expected_seq = 1
    prev = GENESIS
    for row in _iter_events(session):
        if row.seq != expected_seq:
            problems.append(ChainProblem("audit.gap", expected_seq, f"next present event is {row.seq}"))
        if row.prev_hash != prev:
            problems.append(ChainProblem("audit.link_broken", row.seq))
        recomputed = event_hash(
            row.seq, row.at, row.actor, row.action, row.object_type, row.object_id, row.details, row.prev_hash
        )
        if recomputed != row.hash:
            problems.append(ChainProblem("audit.hash_mismatch", row.seq))
        prev = row.hash
        expected_seq = row.seq + 1
    head = session.get(AuditHeadRow, 1)
    last_seq = expected_seq - 1
    if head is None:
        if last_seq:
            problems.append(ChainProblem("audit.head_mismatch", last_seq, "head row missing"))
    elif head.last_seq != last_seq or head.last_hash != prev:
        problems.append(
            ChainProblem(
                "audit.head_mismatch", head.last_seq, f"head says {head.last_seq}, chain ends at {last_seq}"
            )
        )
    return problems


def count_events(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(AuditEventRow)).scalar_one())
