"""Registry books (sổ đăng ký): registering incoming documents, giving outgoing numbers, cancelling and correcting
entries, and paging/searching a book of any size.

Every write is one transaction: the book's counter is locked, the number taken, the entry and the document written
and the audit event chained, or nothing at all. Numbers never repeat and never vanish: a cancelled document keeps its
number with a "cancelled" mark (ND30 Art 15).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import date_line, document_types, notation
from app.domain.enums import (
    Confidentiality,
    Direction,
    DocumentState,
    FileRole,
    RegistryKind,
    RestrictionStamp,
    Role,
    Urgency,
)
from app.domain.errors import ConflictError, DomainError, NotFoundError, ValidationError
from app.domain.model import Actor, AuditEvent, Document, DocumentFile, RegistryBook, RegistryEntry
from app.domain.registry_query import RegistryQuery, RegistryRow
from app.services.context import StoreContext
from app.services.documents import inspect_document_file
from app.services.permissions import require_role
from app.services.signing.register_check import record_signatures, signatures_of
from app.store import registry_view
from app.store.models import DocumentRow, RegistryBookRow, RegistryEntryRow, UnitRow
from app.store.repositories import (
    AgencyRepository,
    DocumentRepository,
    FileRepository,
    RegistryRepository,
    document_of,
    entry_of,
    utc,
)

log = logging.getLogger(__name__)

INCOMING_SERIES = "incoming"
INCOMING_SECRET_SERIES = "incoming-secret"
BOOK_NAMES = {
    (RegistryKind.INCOMING, False): "Sổ đăng ký văn bản đến",
    (RegistryKind.INCOMING, True): "Sổ đăng ký văn bản đến (mật)",
    (RegistryKind.OUTGOING, False): "Sổ đăng ký văn bản đi",
    (RegistryKind.OUTGOING, True): "Sổ đăng ký văn bản đi (mật)",
}
CORRECTABLE = {
    "doc_type",
    "number_notation",
    "doc_date",
    "issuer",
    "summary",
    "signer",
    "urgency",
    "recipient",
    "kept_copy_holder",
    "copies",
    "transferred_at",
    "note",
}


@dataclass(frozen=True)
class IncomingForm:
    """The official fields the clerk fills when registering an incoming document (ND30 App VI, incoming 1–18)."""

    issuer_name: str
    number_notation: str  # "45/QĐ-STTTT", with or without "Số: "
    issued_date: date
    doc_type: str
    summary: str
    urgency: Urgency = Urgency.NORMAL
    confidentiality: Confidentiality = Confidentiality.NONE
    restriction: RestrictionStamp = RestrictionStamp.NONE
    page_count: int = 0
    recipient: str = ""  # receiving unit or person
    issuer_code: str | None = None
    signer_name: str | None = None
    note: str = ""


@dataclass(frozen=True)
class OutgoingNumber:
    number: int
    number_notation: str  # 45/QĐ-STTTT
    label: str  # Số: 45/QĐ-STTTT
    date_line: str  # Hà Tĩnh, ngày 25 tháng 11 năm 2026
    issued_date: date
    entry: RegistryEntry


def series_key_for(doc: Document) -> str:
    """Which number series an outgoing document takes (standards §1.2)."""
    if doc.confidentiality is not Confidentiality.NONE:
        return "secret"
    kind = document_types.find(doc.doc_type)
    if kind is not None and kind.is_copy_form:
        return "copy"
    if doc.normative:
        return f"vbqppl:{kind.abbreviation if kind and kind.abbreviation else doc.doc_type}"
    return "admin"


class RegistryService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx
        # Set by Services.build to the workflow's presenting step; the registry itself knows no workflow.
        self.on_incoming_registered: Callable[[Actor, str], object] | None = None

    # ---- books -------------------------------------------------------------------------------------------------
    def books(self, year: int | None = None) -> list[RegistryBook]:
        with self._ctx.db.session() as s:
            agency = AgencyRepository(s).own()
            return RegistryRepository(s).books(agency.id, year) if agency else []

    def book(self, book_id: int) -> RegistryBook:
        with self._ctx.db.session() as s:
            return RegistryRepository(s).book(book_id)

    def add_series_book(
        self, actor: Actor, kind: RegistryKind, series_key: str, name: str, *, year: int, confidential: bool = False
    ) -> RegistryBook:
        """The admin decides which series the agency uses (e.g. one per normative type, one per advisory body)."""
        require_role(self._ctx, actor, "registry.configure", Role.ADMIN)
        if not name.strip() or not series_key.strip() or series_key.endswith(":"):
            raise ValidationError("registry.book_incomplete")
        with self._ctx.db.session() as s:
            agency = self._own(s)
            for existing in RegistryRepository(s).books(agency, year):
                if existing.series_key == series_key or (existing.name == name and existing.kind is kind):
                    raise ConflictError("registry.book_exists", name=existing.name, year=year)
            book = RegistryRepository(s).add_book(
                agency_id=agency, kind=kind, year=year, name=name, series_key=series_key, confidential=confidential
            )
            self._ctx.audit.record(
                s,
                actor,
                "registry.book_add",
                "registry_book",
                str(book.id),
                {"kind": kind.value, "series": series_key, "year": year, "name": name},
            )
            return book

    # ---- reading -----------------------------------------------------------------------------------------------
    def count(self, query: RegistryQuery, *, cap: int | None = None) -> int:
        with self._ctx.db.read_session() as s:
            return registry_view.count(s, query, cap=cap)

    def page(self, query: RegistryQuery, offset: int, limit: int) -> list[RegistryRow]:
        with self._ctx.db.read_session() as s:
            return registry_view.page(s, query, offset, limit)

    def entries(self, book_id: int, limit: int = 500) -> list[RegistryEntry]:
        with self._ctx.db.session() as s:
            return RegistryRepository(s).entries(book_id, limit=limit)

    def history(self, entry_id: int) -> list[AuditEvent]:
        with self._ctx.db.session() as s:
            return self._ctx.audit.history(s, "registry_entry", str(entry_id))

    def find_duplicates(self, issuer_name: str, number_notation: str) -> list[RegistryRow]:
        """Entries with the same issuer and number/notation (ND30 App VI §III.1.h asks to warn about them)."""
        text = notation.parse(number_notation).formatted
        with self._ctx.db.read_session() as s:  # reading only: no write lock, no commit
            ids = list(
                s.execute(
                    select(RegistryEntryRow.id)
                    .where(RegistryEntryRow.issuer == issuer_name.strip(), RegistryEntryRow.number_notation == text)
                    .order_by(RegistryEntryRow.id)
                ).scalars()
            )
            return registry_view.rows_for(s, ids)

    def entry_of_document(self, document_id: str) -> RegistryEntry | None:
        """The book entry of a document, or None: whether a registration made with a chosen `document_id` committed
        (the intake asks after a crash or a failed job, so that a batch never offers a registered document again)."""
        with self._ctx.db.read_session() as s:
            row = s.execute(
                select(RegistryEntryRow)
                .where(RegistryEntryRow.document_id == document_id)
                .order_by(RegistryEntryRow.id)
                .limit(1)
            ).scalar_one_or_none()
            return entry_of(row) if row is not None else None

    # ---- writing -----------------------------------------------------------------------------------------------
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
        """Enter an existing document in a book: number, entry, document state and audit event commit together."""
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            repo = RegistryRepository(s)
            book = repo.book(book_id)
            doc = self._document_row(s, document_id)
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
            doc.updated_at = utc(now)
            self._ctx.audit.record(
                s,
                actor,
                "registry.register",
                "registry_entry",
                str(entry.id),
                {"book": book.name, "year": book.year, "number": number, "document": document_id},
            )
            return entry

    def validate_incoming(self, form: IncomingForm) -> IncomingForm:
        """Clear messages for what the clerk typed; returns the form normalised (notation without "Số: ")."""
        if not form.summary.strip():
            raise ValidationError("registry.summary_empty")
        if not form.issuer_name.strip():
            raise ValidationError("registry.issuer_empty")
        parsed = notation.parse(form.number_notation)
        today = self._ctx.clock().date()
        if form.issued_date > today:
            raise ValidationError("registry.date_in_future", date=form.issued_date.strftime("%d/%m/%Y"))
        if form.page_count < 0:
            raise ValidationError("registry.page_count_negative")
        return replace(
            form, number_notation=parsed.formatted, issuer_name=form.issuer_name.strip(), summary=form.summary.strip()
        )

    def register_incoming(
        self,
        actor: Actor,
        form: IncomingForm,
        content: bytes,
        file_name: str,
        *,
        confirm_duplicate: bool = False,
        document_id: uuid.UUID | None = None,
    ) -> RegistryEntry:
        """Register an arrival: file made durable first, then the next số đến in one transaction.

        A document with the same issuer and number/notation already in a book is refused until the clerk confirms.
        `document_id`, chosen by the caller beforehand, lets it ask later (`entry_of_document`) whether this
        registration committed, e.g. after the app died while waiting for it.
        """
        require_role(self._ctx, actor, "registry.register_incoming", Role.CLERK, Role.ADMIN)
        form = self.validate_incoming(form)
        inspected = inspect_document_file(content, file_name)
        content_type = inspected.content_type
        if not confirm_duplicate:
            dups = self.find_duplicates(form.issuer_name, form.number_notation)
            if dups:
                raise ConflictError(
                    "registry.duplicate",
                    notation=form.number_notation,
                    issuer=form.issuer_name,
                    number=dups[0].number,
                    date=dups[0].registered_at.strftime("%d/%m/%Y"),
                )
        put = self._ctx.files.put_bytes(content)
        signed = signatures_of(content)  # read before the transaction: the register records the file's signatures
        now = self._ctx.clock()
        parsed = notation.parse(form.number_notation)
        doc = Document(
            id=str(document_id or uuid.uuid4()),
            direction=Direction.INCOMING,
            doc_type=form.doc_type,
            summary=form.summary,
            state=DocumentState.REGISTERED,
            issuer_name=form.issuer_name,
            issuer_code=form.issuer_code,
            number=parsed.number,
            notation=parsed.notation,
            issued_date=form.issued_date,
            signer_name=form.signer_name,
            urgency=form.urgency,
            confidentiality=form.confidentiality,
            restriction=form.restriction,
            page_count=form.page_count or inspected.page_count,
            files=(DocumentFile(put.sha256, file_name, FileRole.MAIN, put.size, content_type),),
        )
        secret = form.confidentiality is not Confidentiality.NONE
        with self._ctx.db.session() as s:
            agency = self._own(s)
            FileRepository(s).ensure(put.sha256, put.size, content_type, now)
            DocumentRepository(s).add(doc, agency, now)
            record_signatures(s, put.sha256, content, signed)
            repo = RegistryRepository(s)
            book = self._book_for(
                s,
                agency,
                RegistryKind.INCOMING,
                now.year,
                INCOMING_SECRET_SERIES if secret else INCOMING_SERIES,
                secret,
            )
            number = repo.next_number(book.id)
            stored = replace(doc, number=parsed.number, notation=parsed.notation)
            entry = repo.add_entry(
                book_id=book.id,
                number=number,
                registered_at=now,
                document=stored,
                recipient=form.recipient,
                note=form.note,
            )
            self._ctx.audit.record(
                s,
                actor,
                "registry.register_incoming",
                "registry_entry",
                str(entry.id),
                {
                    "book": book.name,
                    "year": book.year,
                    "number": number,
                    "document": doc.id,
                    "notation": form.number_notation,
                    "issuer": form.issuer_name,
                    "file": put.sha256,
                    "duplicate_confirmed": confirm_duplicate,
                },
            )
        self._after_incoming(actor, entry)
        return entry

    def _after_incoming(self, actor: Actor, entry: RegistryEntry) -> None:
        """Present the arrival to the leader at once (seed Art 8.3). The registration has committed: if presenting
        fails, the document stays registered and the clerk's "not presented today" list shows it."""
        if self.on_incoming_registered is None:
            return
        try:
            self.on_incoming_registered(actor, entry.document_id)
        except DomainError:
            log.warning("registered document %s was not presented automatically", entry.document_id, exc_info=True)

    def allocate_outgoing(self, actor: Actor, document_id: str) -> OutgoingNumber:
        """Give an outgoing document its number and date (ND30 Art 15.3: by the system, after the signature).

        The series follows the document (secret, copy, normative per type, administrative); the year's book is
        created on first use, so numbering restarts at 01 on 1 January.
        """
        require_role(self._ctx, actor, "registry.allocate_outgoing", Role.CLERK, Role.ADMIN)
        now = self._ctx.clock()
        today = now.date()
        with self._ctx.db.session() as s:
            row = self._document_row(s, document_id)
            doc = document_of(row)
            if doc.direction is not Direction.OUTGOING:
                raise ValidationError("registry.not_outgoing")
            if doc.number is not None:
                raise ConflictError("registry.already_numbered", notation=doc.number_notation)
            agency_id = self._own(s)
            agency = AgencyRepository(s).own()
            assert agency is not None
            secret = doc.confidentiality is not Confidentiality.NONE
            book = self._book_for(s, agency_id, RegistryKind.OUTGOING, today.year, series_key_for(doc), secret)
            number = RegistryRepository(s).next_number(book.id)
            kind = document_types.find(doc.doc_type)
            unit_abbr = None
            if kind is None or kind.abbreviation is None:  # công văn: issuer + drafting unit
                unit = s.get(UnitRow, doc.drafting_unit_id) if doc.drafting_unit_id else None
                unit_abbr = unit.abbreviation if unit else None
            built = notation.build_number(
                number,
                kind.abbreviation if kind else None,
                agency.abbreviation,
                unit_abbreviation=unit_abbr,
                year=today.year if doc.normative else None,
            )
            row.number = number
            row.notation = built.notation
            row.issued_date = today
            row.state = DocumentState.NUMBERED.value
            row.updated_at = utc(now)
            s.flush()
            entry = RegistryRepository(s).add_entry(
                book_id=book.id, number=number, registered_at=now, document=document_of(row), kept_copy_holder="VT"
            )
            self._ctx.audit.record(
                s,
                actor,
                "registry.allocate_outgoing",
                "registry_entry",
                str(entry.id),
                {
                    "book": book.name,
                    "year": book.year,
                    "number": number,
                    "document": document_id,
                    "notation": built.formatted,
                },
            )
            return OutgoingNumber(
                number, built.formatted, built.label, date_line.format_date_line(agency.place_name, today), today, entry
            )

    def cancel_entry(self, actor: Actor, entry_id: int, reason: str) -> RegistryEntry:
        """The number stays in the book with a cancelled mark: it is never reused and never silently vanishes."""
        require_role(self._ctx, actor, "registry.cancel", Role.CLERK, Role.ADMIN)
        if not reason.strip():
            raise ValidationError("registry.reason_required")
        now = self._ctx.clock()
        with self._ctx.db.session() as s:
            entry = self._entry_row(s, entry_id)
            if entry.cancelled:
                raise ConflictError("registry.already_cancelled", number=entry.number)
            entry.cancelled = True
            entry.note = (entry.note + "; " if entry.note else "") + f"Hủy: {reason.strip()}"
            doc = self._document_row(s, entry.document_id)
            doc.state = DocumentState.CANCELLED.value
            doc.updated_at = utc(now)
            self._ctx.audit.record(
                s,
                actor,
                "registry.cancel",
                "registry_entry",
                str(entry_id),
                {"number": entry.number, "reason": reason.strip()},
            )
            s.flush()
            return entry_of(entry)

    def correct_entry(self, actor: Actor, entry_id: int, changes: Mapping[str, Any], reason: str) -> RegistryRow:
        """A clerk's correction with a reason; before and after go to the audit log and show in the history."""
        require_role(self._ctx, actor, "registry.correct", Role.CLERK, Role.ADMIN)
        if not reason.strip():
            raise ValidationError("registry.reason_required")
        unknown = set(changes) - CORRECTABLE
        if unknown:
            raise ValidationError("registry.field_not_correctable", fields=", ".join(sorted(unknown)))
        clean = dict(changes)
        if "number_notation" in clean:
            clean["number_notation"] = notation.parse(str(clean["number_notation"])).formatted
        if "summary" in clean and not str(clean["summary"]).strip():
            raise ValidationError("registry.summary_empty")
        if "urgency" in clean:
            clean["urgency"] = Urgency(clean["urgency"]).value
        if "transferred_at" in clean and isinstance(clean["transferred_at"], datetime):
            clean["transferred_at"] = utc(clean["transferred_at"])
        with self._ctx.db.session() as s:
            entry = self._entry_row(s, entry_id)
            before = {k: _plain(getattr(entry, k)) for k in clean}
            for key, value in clean.items():
                setattr(entry, key, value)
            after = {k: _plain(getattr(entry, k)) for k in clean}
            self._ctx.audit.record(
                s,
                actor,
                "registry.correct",
                "registry_entry",
                str(entry_id),
                {"reason": reason.strip(), "before": before, "after": after},
            )
            s.flush()
            return registry_view.rows_for(s, [entry_id])[0]

    # ---- helpers -----------------------------------------------------------------------------------------------
    def _own(self, s: Session) -> int:
        agency = AgencyRepository(s).own()
        if agency is None:
            raise NotFoundError("storage.no_agency")
        return agency.id

    def _book_for(
        self, s: Session, agency_id: int, kind: RegistryKind, year: int, series_key: str, confidential: bool
    ) -> RegistryBook:
        """This year's book for the series; on 1 January the new year's book is opened and numbering restarts."""
        repo = RegistryRepository(s)
        repo.lock_series_creation(agency_id, year, series_key)
        series = repo.series(agency_id, year, series_key)
        row = (
            s.execute(
                select(RegistryBookRow).where(
                    RegistryBookRow.agency_id == agency_id,
                    RegistryBookRow.kind == kind.value,
                    RegistryBookRow.year == year,
                    RegistryBookRow.series_id == series.id,
                )
            )
            .scalars()
            .first()
        )
        if row is not None:
            return RegistryRepository(s).book(row.id)
        name = BOOK_NAMES.get((kind, confidential), "Sổ đăng ký")
        if series_key not in (INCOMING_SERIES, INCOMING_SECRET_SERIES, "admin", "secret"):
            name = f"{name} ({series_key})"
        return repo.add_book(
            agency_id=agency_id, kind=kind, year=year, name=name, series_key=series_key, confidential=confidential
        )

    @staticmethod
    def _document_row(s: Session, document_id: str) -> DocumentRow:
        row = s.get(DocumentRow, document_id)
        if row is None:
            raise NotFoundError("document.not_found", id=document_id)
        return row

    @staticmethod
    def _entry_row(s: Session, entry_id: int) -> RegistryEntryRow:
        row = s.get(RegistryEntryRow, entry_id)
        if row is None:
            raise NotFoundError("registry.entry_not_found", id=entry_id)
        return row


def _plain(value: object) -> object:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
