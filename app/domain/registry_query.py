"""What the registry view asks for: one book, filters, a search text and a sort. Pages are fetched by offset and
limit from a covering index, so any row of a million is one short query away."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import NamedTuple

from app.domain.enums import DocumentState, Urgency


class SortKey(StrEnum):
    NUMBER = "number"
    REGISTERED_AT = "registered_at"
    DOC_DATE = "doc_date"
    ISSUER = "issuer"
    DOC_TYPE = "doc_type"


@dataclass(frozen=True)
class RegistryQuery:
    book_id: int
    search: str = ""
    period_from: date | None = None
    period_to: date | None = None
    doc_type: str | None = None
    issuer: str | None = None
    urgencies: frozenset[Urgency] = field(default_factory=frozenset)
    state: DocumentState | None = None
    recipient: str | None = None  # receiving unit (incoming) or recipients (outgoing), matched as a substring
    sort: SortKey = SortKey.NUMBER
    descending: bool = True

    @property
    def is_plain(self) -> bool:
        """No filter and no search: the row count is the book's counter and row r is number N - r."""
        return not (
            self.search.strip()
            or self.period_from
            or self.period_to
            or self.doc_type
            or self.issuer
            or self.urgencies
            or self.state
            or self.recipient
        )


class RegistryRow(NamedTuple):
    """One painted line of the registry view: the entry's official columns plus the document's live state.

    A named tuple, not a dataclass: a search page builds fifty of these per keystroke, and tuples build fastest.
    """

    entry_id: int
    number: int
    registered_at: datetime
    document_id: str
    doc_type: str
    number_notation: str
    doc_date: date | None
    issuer: str
    summary: str
    signer: str
    urgency: Urgency
    recipient: str
    kept_copy_holder: str
    copies: int | None
    transferred_at: datetime | None
    note: str
    cancelled: bool
    state: DocumentState
