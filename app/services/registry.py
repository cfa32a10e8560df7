"""Registry books: registering a document takes the book's next number in the same transaction as the entry."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.enums import DocumentState
from app.domain.errors import NotFoundError
from app.domain.model import Actor, RegistryBook, RegistryEntry
from app.services.context import StoreContext
from app.store.models import DocumentRow
from app.store.repositories import AgencyRepository, RegistryRepository, document_of


class RegistryService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def books(self, year: int | None = None) -> list[RegistryBook]:
        with self._ctx.db.session() as s:
            agency = AgencyRepository(s).own()
            return RegistryRepository(s).books(agency.id, year) if agency else []

    def entries(self, book_id: int, limit: int = 500) -> list[RegistryEntry]:
        with self._ctx.db.session() as s:
            return RegistryRepository(s).entries(book_id, limit=limit)

    def register(
        self,
        actor: Actor,
        book_id: int,
        document_id: str,
        *,
        recipient: str = "",
        copies: int | None = None,
        state: DocumentState = DocumentState.REGISTERED,
    ) -> RegistryEntry:
        """All or nothing: number, entry, document state and audit event commit together."""
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            repo = RegistryRepository(s)
            book = repo.book(book_id)
            doc = s.execute(select(DocumentRow).where(DocumentRow.id == document_id)).scalar_one_or_none()
            if doc is None:
                raise NotFoundError("document.not_found", id=document_id)
            number = repo.next_number(book_id)
            entry = repo.add_entry(
                book_id=book_id,
                number=number,
                registered_at=now,
                document=document_of(doc),
                recipient=recipient,
                copies=copies,
            )
            doc.state = state.value
            doc.updated_at = now
            self._ctx.audit.record(
                s,
                actor,
                "registry.register",
                "registry_entry",
                str(entry.id),
                {"book": book.name, "year": book.year, "number": number, "document": document_id},
            )
            return entry
