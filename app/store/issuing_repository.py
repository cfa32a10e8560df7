"""Draft rows ↔ domain values (app.domain.drafts), and the lists each role's "Drafts" page shows.

Runs inside the caller's session: the issuing service decides the transaction, the permissions and the audit event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import as_vn
from app.domain.drafts import (
    Appendix,
    Draft,
    DraftMeta,
    DraftState,
    DraftVersion,
    Recipient,
    RecipientKind,
    RecipientRelation,
    VersionKind,
)
from app.domain.enums import Confidentiality, RestrictionStamp, Urgency
from app.domain.errors import NotFoundError
from app.store.models import DocumentRow, UserRow
from app.store.models_issuing import DraftAppendixRow, DraftRecipientRow, DraftRow, DraftVersionRow
from app.store.repositories import utc
from app.store.workflow_repository import number_notation

LIST_LIMIT = 500


def recipient_of(row: DraftRecipientRow) -> Recipient:
    return Recipient(
        RecipientKind(row.kind),
        row.name,
        row.agency_code,
        row.unit_id,
        row.user_id,
        RecipientRelation(row.relation),
        row.no_equipment,
        row.paper,
        row.paper_copies,
    )


def version_of(row: DraftVersionRow) -> DraftVersion:
    return DraftVersion(
        row.number, row.sha256, VersionKind(row.kind), row.file_name, row.created_by, as_vn(row.created_at), row.comment
    )


def meta_of(draft: DraftRow, doc: DocumentRow) -> DraftMeta:
    return DraftMeta(
        doc.doc_type,
        doc.summary,
        Urgency(doc.urgency),
        Confidentiality(doc.confidentiality),
        RestrictionStamp(doc.restriction),
        doc.normative,
        draft.paper_copies_needed,
        draft.signer_user_id,
    )


class IssuingRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # ---- rows --------------------------------------------------------------------------------------------------
    def draft_row(self, document_id: str) -> DraftRow:
        row = self.s.get(DraftRow, document_id)
        if row is None:
            raise NotFoundError("issuing.draft_not_found", id=document_id)
        return row

    def document_row(self, document_id: str) -> DocumentRow:
        row = self.s.get(DocumentRow, document_id)
        if row is None:
            raise NotFoundError("document.not_found", id=document_id)
        return row

    def user_row(self, user_id: int) -> UserRow:
        row = self.s.get(UserRow, user_id)
        if row is None:
            raise NotFoundError("user.not_found", id=user_id)
        return row

    def add_draft(self, *, document_id: str, drafter_user_id: int, meta: DraftMeta, now: datetime) -> DraftRow:
        row = DraftRow(
            document_id=document_id,
            drafter_user_id=drafter_user_id,
            signer_user_id=meta.signer_user_id,
            state=DraftState.DRAFT.value,
            current_version_no=0,
            paper_copies_needed=meta.paper_copies_needed,
            changed_since_return=False,
            return_comment="",
            created_at=utc(now),
            updated_at=utc(now),
        )
        self.s.add(row)
        self.s.flush()
        return row

    def add_version(
        self,
        draft: DraftRow,
        *,
        sha256: str,
        kind: VersionKind,
        file_name: str,
        by_user_id: int | None,
        by: str,
        now: datetime,
        comment: str = "",
    ) -> DraftVersionRow:
        """A new PDF version becomes the one in force; earlier ones stay (returned drafts keep their history)."""
        number = max((v.number for v in draft.versions), default=0) + 1
        row = DraftVersionRow(
            number=number,
            sha256=sha256,
            kind=kind.value,
            file_name=file_name,
            created_by_user_id=by_user_id,
            created_by=by,
            created_at=utc(now),
            comment=comment,
        )
        draft.versions.append(row)
        draft.current_version_no = number
        draft.updated_at = utc(now)
        return row

    @staticmethod
    def current_version(draft: DraftRow) -> DraftVersionRow:
        for v in draft.versions:
            if v.number == draft.current_version_no:
                return v
        raise NotFoundError("issuing.version_missing", id=draft.document_id, number=draft.current_version_no)

    def set_recipients(self, draft: DraftRow, recipients: Sequence[Recipient]) -> None:
        draft.recipients.clear()
        self.s.flush()  # the old positions leave before the new ones arrive (unique document_id, position)
        for i, r in enumerate(recipients):
            draft.recipients.append(
                DraftRecipientRow(
                    position=i,
                    kind=r.kind.value,
                    name=r.name.strip(),
                    agency_code=r.agency_code,
                    unit_id=r.unit_id,
                    user_id=r.user_id,
                    relation=r.relation.value,
                    no_equipment=r.no_equipment,
                    paper=r.paper,
                    paper_copies=r.paper_copies,
                )
            )

    def set_appendices(self, draft: DraftRow, appendices: Sequence[Appendix]) -> None:
        draft.appendices.clear()
        self.s.flush()
        for i, a in enumerate(appendices):
            draft.appendices.append(
                DraftAppendixRow(position=i, title=a.title.strip(), sha256=a.sha256, file_name=a.file_name)
            )

    # ---- values ------------------------------------------------------------------------------------------------
    def user_names(self, ids: Iterable[int | None]) -> dict[int, str]:
        wanted = {i for i in ids if i is not None}
        if not wanted:
            return {}
        rows = self.s.execute(select(UserRow.id, UserRow.full_name).where(UserRow.id.in_(wanted)))
        return {r.id: r.full_name for r in rows}

    def draft_of(self, row: DraftRow, names: dict[int, str] | None = None, doc: DocumentRow | None = None) -> Draft:
        doc = doc if doc is not None else self.document_row(row.document_id)
        if names is None:
            names = self.user_names([row.drafter_user_id, row.signer_user_id, row.signed_by_user_id])
        current = self.current_version(row)
        return Draft(
            document_id=row.document_id,
            version=row.version,
            state=DraftState(row.state),
            meta=meta_of(row, doc),
            drafter_user_id=row.drafter_user_id,
            drafter_name=names.get(row.drafter_user_id, ""),
            signer_name=names.get(row.signer_user_id, "") if row.signer_user_id is not None else "",
            current_version_no=row.current_version_no,
            current_sha256=current.sha256,
            current_file_name=current.file_name,
            created_at=as_vn(row.created_at),
            updated_at=as_vn(row.updated_at),
            number_notation=number_notation(doc.number, doc.notation),
            issued_date=doc.issued_date,
            return_comment=row.return_comment,
            changed_since_return=row.changed_since_return,
            signed_at=as_vn(row.signed_at) if row.signed_at else None,
            signed_by_name=names.get(row.signed_by_user_id, "") if row.signed_by_user_id is not None else "",
            issued_at=as_vn(row.issued_at) if row.issued_at else None,
            recipients=tuple(recipient_of(r) for r in row.recipients),
            appendices=tuple(Appendix(a.title, a.sha256, a.file_name) for a in row.appendices),
            versions=tuple(version_of(v) for v in row.versions),
        )

    def drafts(
        self,
        *,
        states: Sequence[DraftState],
        drafter_user_id: int | None = None,
        signer_user_ids: Sequence[int] | None = None,
        agency_id: int | None = None,
        limit: int = LIST_LIMIT,
    ) -> list[Draft]:
        """Drafts in `states`, newest change first, filtered by drafter or by signer (a leader and those a deputy
        acts for)."""
        q = select(DraftRow, DocumentRow).join(DocumentRow, DocumentRow.id == DraftRow.document_id)
        q = q.where(DraftRow.state.in_([s.value for s in states]))
        if drafter_user_id is not None:
            q = q.where(DraftRow.drafter_user_id == drafter_user_id)
        if signer_user_ids is not None:
            q = q.where(DraftRow.signer_user_id.in_(list(signer_user_ids)))
        if agency_id is not None:
            q = q.where(DocumentRow.agency_id == agency_id)
        q = q.order_by(DraftRow.updated_at.desc(), DraftRow.document_id).limit(limit)
        rows = [(r[0], r[1]) for r in self.s.execute(q)]
        names = self.user_names(
            [i for r, _d in rows for i in (r.drafter_user_id, r.signer_user_id, r.signed_by_user_id)]
        )
        return [self.draft_of(r, names, d) for r, d in rows]
