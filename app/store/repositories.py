"""Repositories: the only place that turns rows into domain values and back."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from app.domain.clock import as_vn
from app.domain.enums import (
    AgencyLevel,
    Confidentiality,
    Direction,
    DocumentState,
    FileRole,
    RegistryKind,
    RestrictionStamp,
    Role,
    Urgency,
)
from app.domain.errors import NotFoundError
from app.domain.model import Agency, Document, DocumentFile, RegistryBook, RegistryEntry, Unit, User
from app.store.models import (
    AgencyRow,
    DocumentFileRow,
    DocumentRow,
    NumberSeriesRow,
    RegistryBookRow,
    RegistryEntryRow,
    StoredFileRow,
    UnitRow,
    UserRoleRow,
    UserRow,
)


def utc(moment: datetime) -> datetime:
    """Store instants in UTC: SQLite keeps no offset, PostgreSQL converts; both read back the same instant."""
    return moment.astimezone(UTC)


def agency_of(row: AgencyRow) -> Agency:
    return Agency(
        row.id,
        row.code,
        row.name,
        row.abbreviation,
        AgencyLevel(row.level),
        row.parent_code,
        row.parent_name,
        row.place_name,
    )


def unit_of(row: UnitRow) -> Unit:
    return Unit(row.id, row.agency_id, row.name, row.abbreviation)


def user_of(row: UserRow) -> User:
    return User(
        row.id,
        row.username,
        row.full_name,
        row.position,
        frozenset(Role(r.role) for r in row.roles),
        row.unit_id,
        row.agency_id,
        row.is_active,
    )


def document_of(row: DocumentRow) -> Document:
    files = tuple(
        DocumentFile(f.sha256, f.name, FileRole(f.role), f.stored.size, f.stored.content_type)
        for f in row.files
    )
    return Document(
        id=row.id,
        direction=Direction(row.direction),
        doc_type=row.doc_type,
        summary=row.summary,
        state=DocumentState(row.state),
        issuer_name=row.issuer_name,
        issuer_code=row.issuer_code,
        number=row.number,
        notation=row.notation,
        issued_date=row.issued_date,
        signer_name=row.signer_name,
        signer_position=row.signer_position,
        urgency=Urgency(row.urgency),
        confidentiality=Confidentiality(row.confidentiality),
        restriction=RestrictionStamp(row.restriction),
        needs_paper=row.needs_paper,
        page_count=row.page_count,
        normative=row.normative,
        drafting_unit_id=row.drafting_unit_id,
        created_at=as_vn(row.created_at),
        files=files,
        version=row.version,
    )


def book_of(row: RegistryBookRow) -> RegistryBook:
    series_key = row.series.series_key if row.series is not None else ""
    return RegistryBook(row.id, row.agency_id, RegistryKind(row.kind), row.year, row.name, row.confidential, series_key)


def entry_of(row: RegistryEntryRow) -> RegistryEntry:
    return RegistryEntry(
        row.id,
        row.book_id,
        row.number,
        as_vn(row.registered_at),
        row.document_id,
        row.recipient,
        row.copies,
        row.note,
        row.cancelled,
    )


class AgencyRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def own(self) -> Agency | None:
        row = self.s.execute(select(AgencyRow).where(AgencyRow.is_own.is_(True))).scalar_one_or_none()
        return agency_of(row) if row else None

    def by_code(self, code: str) -> Agency | None:
        row = self.s.execute(select(AgencyRow).where(AgencyRow.code == code)).scalar_one_or_none()
        return agency_of(row) if row else None

    def add(
        self,
        *,
        code: str,
        name: str,
        abbreviation: str,
        level: AgencyLevel,
        parent_code: str | None,
        parent_name: str | None,
        place_name: str,
        is_own: bool = False,
    ) -> Agency:
        row = AgencyRow(
            code=code,
            name=name,
            abbreviation=abbreviation,
            level=level.value,
            parent_code=parent_code,
            parent_name=parent_name,
            place_name=place_name,
            is_own=is_own,
        )
        self.s.add(row)
        self.s.flush()
        return agency_of(row)

    def units(self, agency_id: int) -> list[Unit]:
        rows = self.s.execute(select(UnitRow).where(UnitRow.agency_id == agency_id).order_by(UnitRow.name))
        return [unit_of(r) for r in rows.scalars()]

    def add_unit(self, agency_id: int, name: str, abbreviation: str) -> Unit:
        row = UnitRow(agency_id=agency_id, name=name, abbreviation=abbreviation)
        self.s.add(row)
        self.s.flush()
        return unit_of(row)


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def by_username(self, username: str) -> tuple[User, str] | None:
        """The user and their password hash (only the auth service needs the latter)."""
        row = self.s.execute(select(UserRow).where(UserRow.username == username)).scalar_one_or_none()
        return (user_of(row), row.password_hash) if row else None

    def get(self, user_id: int) -> User:
        row = self.s.get(UserRow, user_id)
        if row is None:
            raise NotFoundError("user.not_found", id=user_id)
        return user_of(row)

    def all(self, agency_id: int) -> list[User]:
        rows = self.s.execute(select(UserRow).where(UserRow.agency_id == agency_id).order_by(UserRow.id))
        return [user_of(r) for r in rows.scalars()]

    def add(
        self,
        *,
        agency_id: int,
        unit_id: int | None,
        username: str,
        full_name: str,
        position: str,
        password_hash: str,
        roles: Sequence[Role],
        created_at: datetime,
    ) -> User:
        row = UserRow(
            agency_id=agency_id,
            unit_id=unit_id,
            username=username,
            full_name=full_name,
            position=position,
            password_hash=password_hash,
            is_active=True,
            created_at=utc(created_at),
        )
        row.roles = [UserRoleRow(role=r.value) for r in roles]
        self.s.add(row)
        self.s.flush()
        return user_of(row)


class FileRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def ensure(self, sha256: str, size: int, content_type: str, created_at: datetime) -> None:
        if self.s.get(StoredFileRow, sha256) is None:
            self.s.add(
                StoredFileRow(sha256=sha256, size=size, content_type=content_type, created_at=utc(created_at))
            )
            self.s.flush()

    def all(self) -> list[tuple[str, int]]:
        return [(r.sha256, r.size) for r in self.s.execute(select(StoredFileRow)).scalars()]


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add(self, doc: Document, agency_id: int, now: datetime) -> None:
        row = DocumentRow(
            id=doc.id,
            agency_id=agency_id,
            direction=doc.direction.value,
            doc_type=doc.doc_type,
            number=doc.number,
            notation=doc.notation,
            issued_date=doc.issued_date,
            issuer_name=doc.issuer_name,
            issuer_code=doc.issuer_code,
            summary=doc.summary,
            signer_name=doc.signer_name,
            signer_position=doc.signer_position,
            urgency=doc.urgency.value,
            confidentiality=doc.confidentiality.value,
            restriction=doc.restriction.value,
            needs_paper=doc.needs_paper,
            page_count=doc.page_count,
            normative=doc.normative,
            drafting_unit_id=doc.drafting_unit_id,
            state=doc.state.value,
            created_at=utc(now),
            updated_at=utc(now),
        )
        row.files = [
            DocumentFileRow(sha256=f.sha256, role=f.role.value, name=f.name, position=i)
            for i, f in enumerate(doc.files)
        ]
        self.s.add(row)
        self.s.flush()

    def get(self, document_id: str) -> Document:
        row = self.s.get(DocumentRow, document_id)
        if row is None:
            raise NotFoundError("document.not_found", id=document_id)
        return document_of(row)

    def list(self, *, agency_id: int, direction: Direction | None = None, limit: int = 200) -> list[Document]:
        q = select(DocumentRow).where(DocumentRow.agency_id == agency_id)
        if direction is not None:
            q = q.where(DocumentRow.direction == direction.value)
        q = q.order_by(DocumentRow.created_at.desc(), DocumentRow.id).limit(limit)
        return [document_of(r) for r in self.s.execute(q).scalars()]

    def count(self, agency_id: int) -> int:
        return int(
            self.s.scalar(
                select(func.count()).select_from(DocumentRow).where(DocumentRow.agency_id == agency_id)
            )
            or 0
        )

    def referenced_hashes(self) -> set[str]:
        files = set(self.s.execute(select(DocumentFileRow.sha256)).scalars())
        signatures = set(
            self.s.execute(
                select(UserRow.signature_sha256).where(UserRow.signature_sha256.is_not(None))
            ).scalars()
        )
        return files | {s for s in signatures if s}


class RegistryRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def add_book(
        self,
        *,
        agency_id: int,
        kind: RegistryKind,
        year: int,
        name: str,
        series_key: str,
        confidential: bool = False,
    ) -> RegistryBook:
        series = self.series(agency_id, year, series_key)
        row = RegistryBookRow(
            agency_id=agency_id,
            kind=kind.value,
            year=year,
            name=name,
            confidential=confidential,
            series_id=series.id,
        )
        self.s.add(row)
        self.s.flush()
        return book_of(row)

    def lock_series_creation(self, agency_id: int, year: int, series_key: str) -> None:
        """Serialise get-or-create of a year's series and book among workstations (1 January on PostgreSQL).

        SQLite needs nothing: every write transaction there begins IMMEDIATE and so already runs alone.
        """
        if self.s.get_bind().dialect.name != "postgresql":
            return
        digest = hashlib.sha256(f"{agency_id}|{year}|{series_key}".encode()).digest()
        key = int.from_bytes(digest[:8], "big", signed=True)
        self.s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

    def series(self, agency_id: int, year: int, series_key: str) -> NumberSeriesRow:
        row = self.s.execute(
            select(NumberSeriesRow).where(
                NumberSeriesRow.agency_id == agency_id,
                NumberSeriesRow.year == year,
                NumberSeriesRow.series_key == series_key,
            )
        ).scalar_one_or_none()
        if row is None:
            row = NumberSeriesRow(agency_id=agency_id, year=year, series_key=series_key, last_number=0)
            self.s.add(row)
            self.s.flush()
        return row

    def books(self, agency_id: int, year: int | None = None) -> list[RegistryBook]:
        q = select(RegistryBookRow).where(RegistryBookRow.agency_id == agency_id)
        if year is not None:
            q = q.where(RegistryBookRow.year == year)
        return [book_of(r) for r in self.s.execute(q.order_by(RegistryBookRow.id)).scalars()]

    def book(self, book_id: int) -> RegistryBook:
        row = self.s.get(RegistryBookRow, book_id)
        if row is None:
            raise NotFoundError("registry.book_not_found", id=book_id)
        return book_of(row)

    def next_number(self, book_id: int) -> int:
        """Take the book's next number under a row lock: one transaction, no gap, no repeat."""
        book = self.s.get(RegistryBookRow, book_id)
        if book is None or book.series_id is None:
            raise NotFoundError("registry.book_not_found", id=book_id)
        # One atomic UPDATE … RETURNING: the row lock is taken by the update itself, and no copy of the counter
        # already loaded in this session (a book joins its series) can hand out a stale number.
        number = self.s.execute(
            update(NumberSeriesRow)
            .where(NumberSeriesRow.id == book.series_id)
            .values(last_number=NumberSeriesRow.last_number + 1)
            .returning(NumberSeriesRow.last_number)
            .execution_options(synchronize_session=False)
        ).scalar_one()
        if book.series is not None:
            self.s.expire(book.series, ["last_number"])
        return int(number)

    def add_entry(
        self,
        *,
        book_id: int,
        number: int,
        registered_at: datetime,
        document: Document,
        recipient: str = "",
        kept_copy_holder: str = "",
        copies: int | None = None,
        note: str = "",
    ) -> RegistryEntry:
        """The entry keeps the official columns as registered: the book does not drift when the document lives on."""
        row = RegistryEntryRow(
            book_id=book_id,
            number=number,
            registered_at=utc(registered_at),
            document_id=document.id,
            doc_type=document.doc_type,
            number_notation=document.number_notation,
            doc_date=document.issued_date,
            issuer=document.issuer_name,
            summary=document.summary,
            signer=document.signer_name or "",
            urgency=document.urgency.value,
            recipient=recipient,
            kept_copy_holder=kept_copy_holder,
            copies=copies,
            note=note,
            cancelled=False,
        )
        self.s.add(row)
        self.s.flush()
        return entry_of(row)

    def entries(self, book_id: int, *, limit: int = 500) -> list[RegistryEntry]:
        q = (
            select(RegistryEntryRow)
            .where(RegistryEntryRow.book_id == book_id)
            .order_by(RegistryEntryRow.number.desc())
            .limit(limit)
        )
        return [entry_of(r) for r in self.s.execute(q).scalars()]
