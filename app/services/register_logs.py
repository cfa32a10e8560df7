"""The postal dispatch and kept-copy use registers, and the follow-up register read from the workflow.

Writes follow the registry's rules: one transaction per line with its audit event, numbers taken per agency and year
under the unique constraint (a concurrent workstation that took the same number makes this one retry), lines never
deleted, corrections only with a reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.enums import Direction, RegistryKind, Role
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.model import Actor, AuditEvent
from app.domain.register_logs import (
    FollowUpLine,
    KeptCopyUse,
    KeptCopyUseForm,
    PostalDispatch,
    PostalDispatchForm,
    check_return,
)
from app.domain.registers import form_for
from app.domain.workflow import AssignmentState
from app.services.context import StoreContext
from app.services.permissions import require_role
from app.services.registry_export import ExportResult, RegisterCover, export_lines_pdf, export_lines_xlsx
from app.store.models import (
    AssignmentRow,
    DocumentRow,
    KeptCopyUseRow,
    PostalDispatchRow,
    PresentationRow,
    RegistryBookRow,
    RegistryEntryRow,
    UnitRow,
    UserRow,
)
from app.store.repositories import AgencyRepository, document_of, utc

Row = TypeVar("Row", PostalDispatchRow, KeptCopyUseRow)

POSTAL_CORRECTABLE = {"dispatched_on", "number_notation", "recipients", "envelopes", "note"}
KEPT_COPY_CORRECTABLE = {
    "used_on", "user_name", "number_notation_date", "type_summary", "approved_by", "dossier_code", "note",
}
WRITERS = (Role.CLERK, Role.ADMIN)
READERS = (Role.CLERK, Role.ADMIN, Role.LEADER, Role.DEPUTY)
PRESENTED = "Đã trình lãnh đạo"
PROGRESS_WORDS = {
    None: "Chưa phân công",
    AssignmentState.ASSIGNED: "Đã giao xử lý",
    AssignmentState.IN_PROGRESS: "Đang giải quyết",
    AssignmentState.DONE: "Đã giải quyết",
    AssignmentState.FOR_INFORMATION: "Để biết",
}
_NUMBER_RETRIES = 5


def _postal(row: PostalDispatchRow) -> PostalDispatch:
    return PostalDispatch(
        row.id, row.year, row.number, row.dispatched_on, row.number_notation, row.recipients, row.envelopes,
        row.note, row.document_id, row.cancelled,
    )


def _kept(row: KeptCopyUseRow) -> KeptCopyUse:
    return KeptCopyUse(
        row.id, row.year, row.number, row.used_on, row.user_name, row.number_notation_date, row.type_summary,
        row.approved_by, row.dossier_code, row.returned_on, row.note, row.document_id, row.cancelled,
    )


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date | datetime) else value


class RegisterLogService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    # ---- reading -----------------------------------------------------------------------------------------------
    def postal_dispatches(self, actor: Actor, year: int, *, offset: int = 0, limit: int = 500) -> list[PostalDispatch]:
        require_role(self._ctx, actor, "register.read", *READERS)
        with self._ctx.db.read_session() as s:
            rows = s.execute(
                select(PostalDispatchRow)
                .where(PostalDispatchRow.agency_id == self._own(s), PostalDispatchRow.year == year)
                .order_by(PostalDispatchRow.number).offset(offset).limit(limit)
            ).scalars()
            return [_postal(r) for r in rows]

    def kept_copy_uses(
        self, actor: Actor, year: int, *, offset: int = 0, limit: int = 500, outstanding_only: bool = False
    ) -> list[KeptCopyUse]:
        require_role(self._ctx, actor, "register.read", *READERS)
        with self._ctx.db.read_session() as s:
            query = select(KeptCopyUseRow).where(KeptCopyUseRow.agency_id == self._own(s), KeptCopyUseRow.year == year)
            if outstanding_only:
                query = query.where(KeptCopyUseRow.returned_on.is_(None), KeptCopyUseRow.cancelled.is_(False))
            rows = s.execute(query.order_by(KeptCopyUseRow.number).offset(offset).limit(limit)).scalars()
            return [_kept(r) for r in rows]

    def follow_up(self, actor: Actor, year: int, *, offset: int = 0, limit: int = 500) -> list[FollowUpLine]:
        """The incoming book of `year` with each document's latest assignment: lead, deadline, progress, reply."""
        require_role(self._ctx, actor, "register.read", *READERS)
        today = self._ctx.clock().date()
        with self._ctx.db.read_session() as s:
            latest = (
                select(AssignmentRow.document_id, func.max(AssignmentRow.id).label("assignment_id"))
                .group_by(AssignmentRow.document_id)
                .subquery()
            )
            query = (
                select(RegistryEntryRow, AssignmentRow)
                .join(RegistryBookRow, RegistryBookRow.id == RegistryEntryRow.book_id)
                .outerjoin(latest, latest.c.document_id == RegistryEntryRow.document_id)
                .outerjoin(AssignmentRow, AssignmentRow.id == latest.c.assignment_id)
                .where(
                    RegistryBookRow.agency_id == self._own(s),
                    RegistryBookRow.kind == RegistryKind.INCOMING.value,
                    RegistryBookRow.confidential.is_(False),
                    RegistryBookRow.year == year,
                )
                .order_by(RegistryEntryRow.number, RegistryEntryRow.id)
                .offset(offset)
                .limit(limit)
            )
            pairs = s.execute(query).all()
            units, users, replies = self._names_for(s, [a for _, a in pairs if a is not None])
            waiting = [e.document_id for e, a in pairs if a is None]
            presented = set(
                s.execute(select(PresentationRow.document_id).where(PresentationRow.document_id.in_(waiting))).scalars()
            ) if waiting else set()
            return [self._follow_up_line(e, a, units, users, replies, today, e.document_id in presented)
                    for e, a in pairs]

    def history(self, kind: RegistryKind, line_id: int) -> list[AuditEvent]:
        with self._ctx.db.session() as s:
            return self._ctx.audit.history(s, _object_type(kind), str(line_id))

    def years(self) -> list[int]:
        """Years that have lines in any of the three registers, newest first; always includes this year."""
        with self._ctx.db.read_session() as s:
            found = set(s.execute(select(PostalDispatchRow.year).distinct()).scalars())
            found |= set(s.execute(select(KeptCopyUseRow.year).distinct()).scalars())
            found |= set(
                s.execute(
                    select(RegistryBookRow.year).where(RegistryBookRow.kind == RegistryKind.INCOMING.value).distinct()
                ).scalars()
            )
        found.add(self._ctx.clock().year)
        return sorted(found, reverse=True)

    def prefill_from_document(self, document_id: str) -> dict[str, str]:
        """Number/notation, date, type+summary and recipients of an outgoing document, for the clerk's form."""
        with self._ctx.db.read_session() as s:
            doc = s.get(DocumentRow, document_id)
            if doc is None:
                raise NotFoundError("document.not_found", id=document_id)
            entry = s.execute(
                select(RegistryEntryRow).where(RegistryEntryRow.document_id == document_id)
                .order_by(RegistryEntryRow.id.desc()).limit(1)
            ).scalar_one_or_none()
            number = (entry.number_notation if entry else "") or document_of(doc).number_notation
            issued = entry.doc_date if entry and entry.doc_date else doc.issued_date
            day = issued.strftime("%d/%m/%Y") if issued else ""
            return {
                "number_notation": number,
                "number_notation_date": f"{number}, {day}" if number and day else number,
                "type_summary": f"{doc.doc_type} {doc.summary}".strip(),
                "recipients": entry.recipient if entry else "",
                "direction": doc.direction,
            }

    # ---- writing -----------------------------------------------------------------------------------------------
    def add_postal_dispatch(self, actor: Actor, form: PostalDispatchForm) -> PostalDispatch:
        require_role(self._ctx, actor, "register.postal_add", *WRITERS)
        clean = form.validated(self._ctx.clock().date())

        def build(s: Session, agency_id: int, number: int, now: datetime) -> PostalDispatchRow:
            if clean.document_id is not None:
                self._outgoing_document(s, clean.document_id)
            return PostalDispatchRow(
                agency_id=agency_id, year=clean.dispatched_on.year, number=number,
                dispatched_on=clean.dispatched_on, document_id=clean.document_id,
                number_notation=clean.number_notation, recipients=clean.recipients, envelopes=clean.envelopes,
                note=clean.note, cancelled=False, created_at=utc(now), created_by=actor.username,
            )

        row = self._add(actor, PostalDispatchRow, clean.dispatched_on.year, build, "register.postal_add",
                        RegistryKind.POSTAL_DISPATCH, asdict(clean))
        return _postal(row)

    def add_kept_copy_use(self, actor: Actor, form: KeptCopyUseForm) -> KeptCopyUse:
        require_role(self._ctx, actor, "register.kept_copy_add", *WRITERS)
        clean = form.validated(self._ctx.clock().date())

        def build(s: Session, agency_id: int, number: int, now: datetime) -> KeptCopyUseRow:
            if clean.document_id is not None and s.get(DocumentRow, clean.document_id) is None:
                raise NotFoundError("document.not_found", id=clean.document_id)
            return KeptCopyUseRow(
                agency_id=agency_id, year=clean.used_on.year, number=number, used_on=clean.used_on,
                document_id=clean.document_id, user_name=clean.user_name,
                number_notation_date=clean.number_notation_date, type_summary=clean.type_summary,
                dossier_code=clean.dossier_code, approved_by=clean.approved_by, returned_on=None, note=clean.note,
                cancelled=False, created_at=utc(now), created_by=actor.username,
            )

        row = self._add(actor, KeptCopyUseRow, clean.used_on.year, build, "register.kept_copy_add",
                        RegistryKind.KEPT_COPY_USE, asdict(clean))
        return _kept(row)

    def mark_returned(self, actor: Actor, line_id: int, returned_on: date) -> KeptCopyUse:
        require_role(self._ctx, actor, "register.kept_copy_return", *WRITERS)
        with self._ctx.db.session() as s:
            row = self._line(s, KeptCopyUseRow, line_id)
            if row.cancelled:
                raise ConflictError("register.line_cancelled", number=row.number)
            if row.returned_on is not None:
                raise ConflictError("register.already_returned", date=row.returned_on.strftime("%d/%m/%Y"))
            check_return(row.used_on, returned_on, self._ctx.clock().date())
            row.returned_on = returned_on
            self._ctx.audit.record(s, actor, "register.kept_copy_return", "kept_copy_use", str(line_id),
                                   {"number": row.number, "returned_on": returned_on.isoformat()})
            s.flush()
            return _kept(row)

    def correct(
        self, actor: Actor, kind: RegistryKind, line_id: int, changes: Mapping[str, Any], reason: str
    ) -> PostalDispatch | KeptCopyUse:
        """A clerk's correction with a reason; before and after go to the audit log (the line's history)."""
        require_role(self._ctx, actor, "register.correct", *WRITERS)
        if not reason.strip():
            raise ValidationError("registry.reason_required")
        model, allowed = _model_of(kind)
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError("registry.field_not_correctable", fields=", ".join(sorted(unknown)))
        with self._ctx.db.session() as s:
            row = self._line(s, model, line_id)
            before = {k: _plain(getattr(row, k)) for k in changes}
            merged = {**_form_fields(row, kind), **changes}
            today = self._ctx.clock().date()
            clean: PostalDispatchForm | KeptCopyUseForm
            if kind is RegistryKind.POSTAL_DISPATCH:
                clean = PostalDispatchForm(**merged).validated(today)
            else:
                clean = KeptCopyUseForm(**merged).validated(today)
            new_year = clean.dispatched_on.year if isinstance(clean, PostalDispatchForm) else clean.used_on.year
            if new_year != row.year:
                raise ValidationError("register.year_change", year=row.year)
            values = asdict(clean)
            for key in changes:
                setattr(row, key, values[key])
            after = {k: _plain(getattr(row, k)) for k in changes}
            self._ctx.audit.record(s, actor, "register.correct", _object_type(kind), str(line_id),
                                   {"reason": reason.strip(), "before": before, "after": after})
            s.flush()
            return _postal(row) if isinstance(row, PostalDispatchRow) else _kept(row)

    def cancel(self, actor: Actor, kind: RegistryKind, line_id: int, reason: str) -> PostalDispatch | KeptCopyUse:
        """The line stays with a cancelled mark: its number is never reused."""
        require_role(self._ctx, actor, "register.cancel", *WRITERS)
        if not reason.strip():
            raise ValidationError("registry.reason_required")
        model, _ = _model_of(kind)
        with self._ctx.db.session() as s:
            row = self._line(s, model, line_id)
            if row.cancelled:
                raise ConflictError("register.line_cancelled", number=row.number)
            row.cancelled = True
            row.note = (row.note + "; " if row.note else "") + f"Hủy: {reason.strip()}"
            self._ctx.audit.record(s, actor, "register.cancel", _object_type(kind), str(line_id),
                                   {"number": row.number, "reason": reason.strip()})
            s.flush()
            return _postal(row) if isinstance(row, PostalDispatchRow) else _kept(row)

    # ---- export ------------------------------------------------------------------------------------------------
    def export(self, actor: Actor, kind: RegistryKind, year: int, out: Path, *, fmt: str) -> ExportResult:
        """The register of a year as XLSX or as the printable PDF (cover, landscape pages, official columns)."""
        require_role(self._ctx, actor, "register.export", *READERS)
        lines: list[tuple[dict[str, str], bool, date, int]] = []
        for chunk in self._chunks(actor, kind, year):
            lines.extend(chunk)
        with self._ctx.db.read_session() as s:
            agency = AgencyRepository(s).own()
        first = lines[0] if lines else None
        last = lines[-1] if lines else None
        form = form_for(kind)
        cover = RegisterCover(
            form=form,
            agency_name=agency.name if agency else "",
            parent_name=(agency.parent_name or "") if agency else "",
            year=year,
            name=f"{form.title_vi[:1]}{form.title_vi[1:].lower()} năm {year}",
            total=len(lines),
            date_from=first[2].strftime("%d/%m/%Y") if first else "",
            date_to=last[2].strftime("%d/%m/%Y") if last else "",
            number_from=f"{first[3]:02d}" if first else "",
            number_to=f"{last[3]:02d}" if last else "",
        )
        rows = ((cells, greyed) for cells, greyed, _, _ in lines)
        if fmt == "xlsx":
            return export_lines_xlsx(cover, rows, out)
        if fmt == "pdf":
            return export_lines_pdf(cover, rows, out)
        raise ValidationError("register.export_format", format=fmt)

    def _chunks(
        self, actor: Actor, kind: RegistryKind, year: int, size: int = 2000
    ) -> Iterator[list[tuple[dict[str, str], bool, date, int]]]:
        offset = 0
        while True:
            chunk: list[tuple[dict[str, str], bool, date, int]]
            if kind is RegistryKind.POSTAL_DISPATCH:
                chunk = [(p.cells(), p.cancelled, p.dispatched_on, p.number)
                         for p in self.postal_dispatches(actor, year, offset=offset, limit=size)]
            elif kind is RegistryKind.KEPT_COPY_USE:
                chunk = [(k.cells(), k.cancelled, k.used_on, k.number)
                         for k in self.kept_copy_uses(actor, year, offset=offset, limit=size)]
            elif kind is RegistryKind.INCOMING_FOLLOW_UP:
                chunk = [(f.cells(), False, f.arrived_on, f.arrival_number)
                         for f in self.follow_up(actor, year, offset=offset, limit=size)]
            else:
                raise ValidationError("register.export_format", format=kind.value)
            if not chunk:
                return
            yield chunk
            offset += len(chunk)

    # ---- helpers -----------------------------------------------------------------------------------------------
    def _own(self, s: Session) -> int:
        agency = AgencyRepository(s).own()
        if agency is None:
            raise NotFoundError("storage.no_agency")
        return agency.id

    @staticmethod
    def _line(s: Session, model: type[PostalDispatchRow] | type[KeptCopyUseRow], line_id: int) -> Any:
        row = s.get(model, line_id)
        if row is None:
            raise NotFoundError("register.line_not_found", id=line_id)
        return row

    @staticmethod
    def _outgoing_document(s: Session, document_id: str) -> DocumentRow:
        doc = s.get(DocumentRow, document_id)
        if doc is None:
            raise NotFoundError("document.not_found", id=document_id)
        if doc.direction != Direction.OUTGOING.value:
            raise ValidationError("register.not_outgoing")
        return doc

    def _add(
        self,
        actor: Actor,
        model: type[Row],
        year: int,
        build: Callable[[Session, int, int, datetime], Row],
        action: str,
        kind: RegistryKind,
        details: dict[str, Any],
    ) -> Row:
        """Next number of the register's year and the line in one transaction; a number another workstation took
        first (unique constraint) makes us take the next one."""
        for attempt in range(_NUMBER_RETRIES):
            try:
                with self._ctx.db.session() as s:
                    agency_id = self._own(s)
                    last = s.execute(
                        select(func.max(model.number)).where(model.agency_id == agency_id, model.year == year)
                    ).scalar_one_or_none()
                    now = self._ctx.clock()
                    row = build(s, agency_id, (last or 0) + 1, now)
                    s.add(row)
                    s.flush()
                    self._ctx.audit.record(s, actor, action, _object_type(kind), str(row.id),
                                           {"number": row.number, "year": year,
                                            **{k: _plain(v) for k, v in details.items()}})
                    s.flush()
                    s.expunge(row)
                    return row
            except IntegrityError:
                if attempt == _NUMBER_RETRIES - 1:
                    raise ConflictError("register.number_busy") from None
        raise ConflictError("register.number_busy")

    @staticmethod
    def _names_for(
        s: Session, assignments: list[AssignmentRow]
    ) -> tuple[dict[int, str], dict[int, str], dict[str, str]]:
        unit_ids = {a.lead_unit_id for a in assignments if a.lead_unit_id is not None}
        user_ids = {a.lead_user_id for a in assignments if a.lead_user_id is not None}
        reply_ids = {a.reply_document_id for a in assignments if a.reply_document_id is not None}
        units = dict(s.execute(select(UnitRow.id, UnitRow.name).where(UnitRow.id.in_(unit_ids))).tuples().all())
        users = dict(
            s.execute(select(UserRow.id, UserRow.full_name).where(UserRow.id.in_(user_ids))).tuples().all()
        )
        replies: dict[str, str] = {}
        if reply_ids:
            for doc in s.execute(select(DocumentRow).where(DocumentRow.id.in_(reply_ids))).scalars():
                replies[doc.id] = document_of(doc).number_notation
        return units, users, replies

    @staticmethod
    def _follow_up_line(
        entry: RegistryEntryRow,
        assignment: AssignmentRow | None,
        units: dict[int, str],
        users: dict[int, str],
        replies: dict[str, str],
        today: date,
        presented: bool,
    ) -> FollowUpLine:
        identity = ", ".join(
            p for p in (entry.doc_type, entry.number_notation,
                        entry.doc_date.strftime("%d/%m/%Y") if entry.doc_date else "", entry.issuer) if p
        )
        state = AssignmentState(assignment.state) if assignment is not None else None
        recipient = entry.recipient
        deadline = None
        reply = ""
        progress = PRESENTED if state is None and presented else PROGRESS_WORDS[state]
        overdue = False
        if assignment is not None:
            lead = [units.get(assignment.lead_unit_id or -1, ""), users.get(assignment.lead_user_id or -1, "")]
            recipient = " – ".join(p for p in lead if p) or recipient
            deadline = assignment.deadline
            reply = replies.get(assignment.reply_document_id or "", "")
            if state is AssignmentState.DONE and assignment.finished_at is not None:
                progress = f"{progress} {assignment.finished_at.strftime('%d/%m/%Y')}"
            overdue = bool(state is not None and state.is_open and deadline is not None and deadline < today)
            if overdue:
                progress += " (quá hạn)"
        note = entry.note
        if entry.cancelled and "Hủy" not in note:
            note = ("Đã hủy; " + note) if note else "Đã hủy"
        return FollowUpLine(
            entry_id=entry.id,
            document_id=entry.document_id,
            arrival_number=entry.number,
            arrived_on=entry.registered_at.date(),
            document_identity=identity,
            recipient=recipient,
            deadline=deadline,
            progress=progress,
            reply_number=reply,
            note=note,
            overdue=overdue,
        )


def _object_type(kind: RegistryKind) -> str:
    return {RegistryKind.POSTAL_DISPATCH: "postal_dispatch", RegistryKind.KEPT_COPY_USE: "kept_copy_use"}.get(
        kind, kind.value
    )


def _model_of(kind: RegistryKind) -> tuple[type[PostalDispatchRow] | type[KeptCopyUseRow], set[str]]:
    if kind is RegistryKind.POSTAL_DISPATCH:
        return PostalDispatchRow, POSTAL_CORRECTABLE
    if kind is RegistryKind.KEPT_COPY_USE:
        return KeptCopyUseRow, KEPT_COPY_CORRECTABLE
    raise ValidationError("register.not_a_log", kind=kind.value)


def _form_fields(row: PostalDispatchRow | KeptCopyUseRow, kind: RegistryKind) -> dict[str, Any]:
    if isinstance(row, PostalDispatchRow):
        return {"dispatched_on": row.dispatched_on, "number_notation": row.number_notation,
                "recipients": row.recipients, "envelopes": row.envelopes, "note": row.note,
                "document_id": row.document_id}
    return {"used_on": row.used_on, "user_name": row.user_name, "number_notation_date": row.number_notation_date,
            "type_summary": row.type_summary, "approved_by": row.approved_by, "dossier_code": row.dossier_code,
            "note": row.note, "document_id": row.document_id}
