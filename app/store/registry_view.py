"""Paging and searching a registry book of any size.

Two steps per page: the entry ids come from a covering index (or the full-text index) with OFFSET/LIMIT, then only
those rows are joined to their documents. Skipped rows are never joined, so row 900,000 costs an index walk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, select
from sqlalchemy.orm import Session

from app.domain.clock import VN_TZ, as_vn
from app.domain.enums import DocumentState, Urgency
from app.domain.registry_query import RegistryQuery, RegistryRow, SortKey
from app.domain.text_fold import fold
from app.store.models import DocumentRow, RegistryEntryRow

E = RegistryEntryRow
SORT_COLUMNS = {
    SortKey.NUMBER: E.number,
    SortKey.REGISTERED_AT: E.registered_at,
    SortKey.DOC_DATE: E.doc_date,
    SortKey.ISSUER: E.issuer,
    SortKey.DOC_TYPE: E.doc_type,
}
_TOKEN = re.compile(r"[0-9a-z]+")


def search_tokens(search: str) -> list[str]:
    """The words of a search box, folded the way the index folds them ("Đất đai" → ["dat", "dai"])."""
    return _TOKEN.findall(fold(search))


def fts5_match(tokens: Sequence[str]) -> str:
    """Every word must appear; the last one may be unfinished (search as you type), so all are prefixes."""
    return " AND ".join(f'"{t}"*' for t in tokens)


def pg_tsquery(tokens: Sequence[str]) -> str:
    return " & ".join(f"{t}:*" for t in tokens)


def _filters(q: RegistryQuery) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [E.book_id == q.book_id]
    if q.period_from:
        conds.append(E.registered_at >= _vn_midnight(q.period_from))
    if q.period_to:
        conds.append(E.registered_at < _vn_midnight(q.period_to + timedelta(days=1)))
    if q.doc_type:
        conds.append(E.doc_type == q.doc_type)
    if q.issuer:
        conds.append(E.issuer == q.issuer)
    if q.urgencies:
        conds.append(E.urgency.in_(sorted(u.value for u in q.urgencies)))
    if q.recipient:
        conds.append(E.recipient.contains(q.recipient, autoescape=True))
    if q.state is not None:
        conds.append(E.document_id.in_(select(DocumentRow.id).where(DocumentRow.state == q.state.value)))
    return conds


def _vn_midnight(day: date) -> datetime:
    """Periods are Vietnamese calendar days, whatever the time zone the database stores in."""
    return datetime.combine(day, time.min, VN_TZ)


def _id_query(session: Session, q: RegistryQuery) -> Select[tuple[int]]:
    conds = _filters(q)
    tokens = search_tokens(q.search)
    sort_col = SORT_COLUMNS[q.sort]
    dialect = session.get_bind().dialect.name
    if tokens and dialect == "sqlite":
        stmt = (
            select(E.id)
            .select_from(E)
            .join(literal_column("registry_fts"), literal_column("registry_fts.rowid") == E.id)
            .where(literal_column("registry_fts").op("MATCH")(fts5_match(tokens)), *conds)
        )
        if q.sort is SortKey.NUMBER:
            # Within a book ids grow with numbers; FTS5 streams rowids in order, so LIMIT stops early.
            order = literal_column("registry_fts.rowid")
            return stmt.order_by(order.desc() if q.descending else order.asc())
    elif tokens:
        vector = func.to_tsvector(
            literal_column("'simple'"), func.vn_fold(E.summary + " " + E.number_notation + " " + E.issuer)
        )
        stmt = select(E.id).where(
            vector.op("@@")(func.to_tsquery(literal_column("'simple'"), pg_tsquery(tokens))), *conds
        )
    else:
        stmt = select(E.id).where(and_(*conds))
    if q.descending:
        return stmt.order_by(sort_col.desc(), E.id.desc())
    return stmt.order_by(sort_col.asc(), E.id.asc())


def count(session: Session, q: RegistryQuery, *, cap: int | None = None) -> int:
    """Rows matching the query; with `cap`, stop counting there (a search box needs "1,000+", not the exact total)."""
    ids = _id_query(session, q).order_by(None)
    if cap is not None:
        ids = ids.limit(cap)
    return int(session.execute(select(func.count()).select_from(ids.subquery())).scalar_one())


def page_ids(session: Session, q: RegistryQuery, offset: int, limit: int) -> list[int]:
    return list(session.execute(_id_query(session, q).offset(offset).limit(limit)).scalars())


def rows_for(session: Session, ids: Sequence[int]) -> list[RegistryRow]:
    """The painted rows for these entry ids, in the same order."""
    if not ids:
        return []
    stmt = select(E, DocumentRow.state).join(DocumentRow, DocumentRow.id == E.document_id).where(E.id.in_(ids))
    by_id = {e.id: _row(e, state) for e, state in session.execute(stmt)}
    return [by_id[i] for i in ids if i in by_id]


def page(session: Session, q: RegistryQuery, offset: int, limit: int) -> list[RegistryRow]:
    return rows_for(session, page_ids(session, q, offset, limit))


def _row(e: RegistryEntryRow, state: str) -> RegistryRow:
    return RegistryRow(
        entry_id=e.id,
        number=e.number,
        registered_at=as_vn(e.registered_at),
        document_id=e.document_id,
        doc_type=e.doc_type,
        number_notation=e.number_notation,
        doc_date=e.doc_date,
        issuer=e.issuer,
        summary=e.summary,
        signer=e.signer,
        urgency=Urgency(e.urgency),
        recipient=e.recipient,
        kept_copy_holder=e.kept_copy_holder,
        copies=e.copies,
        transferred_at=as_vn(e.transferred_at) if e.transferred_at else None,
        note=e.note,
        cancelled=e.cancelled,
        state=DocumentState(state),
    )
