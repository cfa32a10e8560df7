"""Paging and searching a registry book of any size.

Two steps per page: the entry ids come from a covering index (or the full-text index) with OFFSET/LIMIT, then only
those rows are joined to their documents. Skipped rows are never joined, so row 900,000 costs an index walk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, FromClause, Integer, Select, column, func, literal_column, select, table
from sqlalchemy.orm import Session

from app.domain.clock import VN_TZ, as_vn
from app.domain.enums import DocumentState, Urgency
from app.domain.registry_query import RegistryQuery, RegistryRow, SortKey
from app.domain.text_fold import fold
from app.store.models import DocumentRow, RegistryEntryRow

E = RegistryEntryRow
FTS = table("registry_fts", column("rowid", Integer), column("registry_fts"))  # SQLite FTS5, made by the migration
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


def _select(session: Session, q: RegistryQuery, columns: Sequence[Any]) -> Select[Any]:
    """The query's rows in order; `columns` are either the entry id alone or the painted row."""
    conds = _filters(q)
    tokens = search_tokens(q.search)
    sort_col = SORT_COLUMNS[q.sort]
    with_state = len(columns) > 1
    dialect = session.get_bind().dialect.name
    if tokens and dialect == "sqlite":
        source: FromClause = FTS.join(E, FTS.c.rowid == E.id)
        if with_state:
            source = source.join(DocumentRow, DocumentRow.id == E.document_id)
        stmt = select(*columns).select_from(source).where(FTS.c.registry_fts.op("MATCH")(fts5_match(tokens)), *conds)
        if q.sort is SortKey.NUMBER:
            # Within a book ids grow with numbers; FTS5 streams rowids in order, so LIMIT stops early.
            return stmt.order_by(FTS.c.rowid.desc() if q.descending else FTS.c.rowid.asc())
    else:
        source = E.__table__.join(DocumentRow, DocumentRow.id == E.document_id) if with_state else E.__table__
        stmt = select(*columns).select_from(source).where(*conds)
        if tokens:
            # A stored generated column (migration 0002), folded once when the entry was written.
            vector: ColumnElement[Any] = literal_column("registry_entries.search_vector")
            stmt = stmt.where(vector.op("@@")(func.to_tsquery(literal_column("'simple'"), pg_tsquery(tokens))))
    if q.descending:
        return stmt.order_by(sort_col.desc(), E.id.desc())
    return stmt.order_by(sort_col.asc(), E.id.asc())


def _id_query(session: Session, q: RegistryQuery) -> Select[Any]:
    return _select(session, q, (E.id,))


def _by_number(q: RegistryQuery) -> bool:
    """A whole book in number order: numbers run 01..N without gaps (every number taken is entered in the same
    transaction, and cancelled ones stay), so row r is number N - r and needs no OFFSET walk at all."""
    return q.is_plain and q.sort is SortKey.NUMBER


def _last_number(session: Session, book_id: int) -> int:
    return int(session.scalar(select(func.max(E.number)).where(E.book_id == book_id)) or 0)


def count(session: Session, q: RegistryQuery, *, cap: int | None = None) -> int:
    """Rows matching the query; with `cap`, stop counting there (a search box needs "1,000+", not the exact total)."""
    if _by_number(q):
        total = _last_number(session, q.book_id)
        return min(total, cap) if cap is not None else total
    ids = _id_query(session, q).order_by(None)
    if cap is not None:
        ids = ids.limit(cap)
    return int(session.execute(select(func.count()).select_from(ids.subquery())).scalar_one())


def page_ids(session: Session, q: RegistryQuery, offset: int, limit: int) -> list[int]:
    return list(session.execute(_id_query(session, q).offset(offset).limit(limit)).scalars())


def _number_window(session: Session, q: RegistryQuery, offset: int, limit: int) -> Select[Any]:
    """Rows offset..offset+limit of a whole book by number, found by a range on (book_id, number)."""
    stmt = (
        select(*_ROW_COLUMNS)
        .join_from(E, DocumentRow, DocumentRow.id == E.document_id)
        .where(E.book_id == q.book_id)
    )
    if q.descending:
        top = _last_number(session, q.book_id) - offset
        return stmt.where(E.number <= top).order_by(E.number.desc()).limit(limit)
    return stmt.where(E.number > offset).order_by(E.number.asc()).limit(limit)


_ROW_COLUMNS = (
    E.id,
    E.number,
    E.registered_at,
    E.document_id,
    E.doc_type,
    E.number_notation,
    E.doc_date,
    E.issuer,
    E.summary,
    E.signer,
    E.urgency,
    E.recipient,
    E.kept_copy_holder,
    E.copies,
    E.transferred_at,
    E.note,
    E.cancelled,
    DocumentRow.state,
)


def rows_for(session: Session, ids: Sequence[int]) -> list[RegistryRow]:
    """The painted rows for these entry ids, in the same order (plain column tuples: no ORM objects to build)."""
    if not ids:
        return []
    stmt = select(*_ROW_COLUMNS).join(DocumentRow, DocumentRow.id == E.document_id).where(E.id.in_(ids))
    by_id = {r[0]: _row(r) for r in session.execute(stmt)}
    return [by_id[i] for i in ids if i in by_id]


# Up to here a page is one query joining the rows it returns; deeper, the ids come first from the index alone, so the
# skipped rows are never joined to their documents.
ONE_QUERY_MAX_OFFSET = 2000


def page(session: Session, q: RegistryQuery, offset: int, limit: int) -> list[RegistryRow]:
    if _by_number(q):
        return [_row(r) for r in session.execute(_number_window(session, q, offset, limit))]
    if offset > ONE_QUERY_MAX_OFFSET:
        return rows_for(session, page_ids(session, q, offset, limit))
    stmt = _select(session, q, _ROW_COLUMNS).offset(offset).limit(limit)
    return [_row(r) for r in session.execute(stmt)]


_URGENCY = {u.value: u for u in Urgency}
_STATE = {st.value: st for st in DocumentState}


def _row(r: Any) -> RegistryRow:
    """From a tuple in _ROW_COLUMNS order: positional unpacking and enum tables keep this cheap (50 per keystroke)."""
    (entry_id, number, registered_at, document_id, doc_type, number_notation, doc_date, issuer, summary, signer,
     urgency, recipient, kept_copy_holder, copies, transferred_at, note, cancelled, state) = r
    return RegistryRow(
        entry_id, number, as_vn(registered_at), document_id, doc_type, number_notation, doc_date, issuer, summary,
        signer, _URGENCY[urgency], recipient, kept_copy_holder, copies,
        as_vn(transferred_at) if transferred_at else None, note, bool(cancelled), _STATE[state],
    )
