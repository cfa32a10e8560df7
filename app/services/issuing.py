"""Drafts and issuing (seed Art 7, 10; design §2 "Issue"): a specialist drafts and submits, the signer signs or returns
it with comments, the clerk numbers, seals, prints the paper copies Art 7 asks for and marks it issued, after which it
waits in the workflow's "to send" list.

Every step checks the actor's role (and, for the signer, a deputy's delegation) inside the service, is audited, and
refusals are audited too. Token work (signing, sealing) runs outside any transaction; its output file is made durable
first, and only then one short transaction checks that nobody changed the draft meanwhile (optimistic locking) and
records the new version, the state, the outgoing timeline and the audit event together.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from app.domain import date_line
from app.domain.drafts import (
    DOCUMENT_STATE,
    Appendix,
    Draft,
    DraftAction,
    DraftMeta,
    DraftState,
    PaperPlan,
    Recipient,
    VersionKind,
    check_recipients,
    next_state,
    paper_plan,
)
from app.domain.enums import Direction, DocumentState, FileRole, Role
from app.domain.errors import ConflictError, DomainError, NotFoundError, PermissionDeniedError, ValidationError
from app.domain.model import Actor, Document, DocumentFile, User
from app.domain.workflow import IssueStep
from app.services.context import StoreContext
from app.services.documents import inspect_document_file, sniff_content_type
from app.services.docx_convert import convert_to_pdf, is_convertible
from app.services.registry import RegistryService
from app.services.signing.errors import SigningError
from app.services.signing.register_check import record_signatures, signatures_of
from app.services.signing.sign import SigningLayout
from app.services.signing.tokens import TokenSelector
from app.store.filestore import PutResult
from app.store.issuing_repository import IssuingRepository, meta_of
from app.store.models import DocumentFileRow, DocumentRow, UserRoleRow, UserRow
from app.store.models_issuing import DraftRow
from app.store.repositories import AgencyRepository, DocumentRepository, FileRepository, user_of, utc
from app.store.workflow_repository import WorkflowRepository, number_notation

SIGNERS = (Role.LEADER, Role.DEPUTY)
PDF_TYPE = "application/pdf"
Progress = Callable[[int, int, str], None]  # (files done, files in all, file name): the UI's job progress
# Why a separate appendix file cannot take the seal → what the drafter or clerk is told about that appendix.
APPENDIX_REFUSALS = {
    "signing.pdf_encrypted": "issuing.appendix_encrypted",
    "signing.pdf_invalid": "issuing.appendix_corrupt",
    "signing.document_locked": "issuing.appendix_locked",
    "signing.field_filled": "issuing.appendix_already_sealed",
}


class Signer(Protocol):
    """What issuing needs of signing (app.services.signing.service.SigningService provides it)."""

    def prepare(
        self, pdf: bytes, *, signer_name: str, signer_title: str, layout: SigningLayout | None = None
    ) -> bytes: ...

    def sign_leader(
        self, actor: Actor, pdf: bytes, pin: str | None, *, selector: TokenSelector | None = None
    ) -> bytes: ...

    def number_and_seal(
        self, actor: Actor, pdf: bytes, *, number_notation: str, date_line: str, pin: str | None
    ) -> bytes: ...

    def check_appendix(self, pdf: bytes) -> None: ...

    def seal_appendix(self, actor: Actor, pdf: bytes, *, number_notation: str, pin: str | None) -> bytes: ...


@dataclass(frozen=True)
class AppendixInput:
    """An appendix as the editor gives it: inside the main file, a new separate PDF, or one already stored."""

    title: str
    content: bytes | None = None
    file_name: str = ""
    sha256: str | None = None


@dataclass(frozen=True)
class _SeparateAppendix:
    """A separate appendix file as the clerk's step read it: its place among the appendices and its bytes."""

    position: int
    title: str
    sha256: str
    file_name: str
    pdf: bytes


@dataclass(frozen=True)
class _Snapshot:
    """What a token step read before leaving the database: the draft's version and the PDF it works on."""

    version: int
    pdf: bytes
    file_name: str
    extra: dict[str, Any]


class IssuingService:
    def __init__(self, ctx: StoreContext, registry: RegistryService, signer: Signer | None) -> None:
        self._ctx = ctx
        self._registry = registry
        self._signer = signer

    # ---- refusals ----------------------------------------------------------------------------------------------
    @contextmanager
    def _audited(self, actor: Actor, action: str, object_id: str) -> Iterator[None]:
        """Audit every refusal of `action` in its own transaction, after the failed one rolled back."""
        try:
            yield
        except StaleDataError:
            conflict = self._conflict(object_id)
            self._record_refusal(actor, action, object_id, conflict)
            raise conflict from None
        except DomainError as exc:
            self._record_refusal(actor, action, object_id, exc)
            raise

    def _record_refusal(self, actor: Actor, action: str, object_id: str, exc: DomainError) -> None:
        with self._ctx.db.session() as s:
            if isinstance(exc, PermissionDeniedError):
                details = {
                    "action": action,
                    "reason": exc.code,
                    **exc.params,
                    "has": sorted(r.value for r in actor.roles),
                }
                self._ctx.audit.record(s, actor, "permission.denied", "action", action, details)
            else:
                details = {"action": action, "code": exc.code, **_plain(exc.params)}
                self._ctx.audit.record(s, actor, "issuing.refused", "draft", object_id, details)

    @staticmethod
    def _need(actor: Actor, action: str, *roles: Role) -> int:
        if not any(actor.has_role(r) for r in roles) or actor.user_id is None:
            raise PermissionDeniedError(
                "permission.denied", action=action, roles=", ".join(sorted(r.value for r in roles))
            )
        return actor.user_id

    def _conflict(self, document_id: str) -> ConflictError:
        """ "Changed by X at T, reload": X and T from the draft's last audit event."""
        with self._ctx.db.read_session() as s:
            history = self._ctx.audit.history(s, "draft", document_id)
        last = history[-1] if history else None
        return ConflictError(
            "workflow.changed_by_other", id=document_id, by=last.actor if last else "?", at=last.at if last else ""
        )

    def _check_version(self, row: DraftRow, expected_version: int | None) -> None:
        if expected_version is not None and expected_version != row.version:
            raise self._conflict(row.document_id)

    @staticmethod
    def _own_draft(row: DraftRow, actor: Actor, action: str) -> None:
        if row.drafter_user_id != actor.user_id:
            raise PermissionDeniedError("issuing.not_drafter", action=action)

    def _check_signer_user(self, s: Session, user_id: int) -> UserRow:
        user = IssuingRepository(s).user_row(user_id)
        if not user.is_active:
            raise ValidationError("workflow.user_inactive", name=user.full_name)
        if not {r.role for r in user.roles} & {Role.LEADER.value, Role.DEPUTY.value}:
            raise ValidationError("issuing.not_a_signer", name=user.full_name)
        return user

    def _acting_for(self, s: Session, actor: Actor, row: DraftRow, now: datetime) -> int | None:
        """None when the actor is the chosen signer; the signer's id when a deputy acts for them by delegation."""
        if row.signer_user_id is None or actor.user_id == row.signer_user_id:
            return None
        repo = WorkflowRepository(s)
        signer = repo.user_names([row.signer_user_id]).get(row.signer_user_id, "")
        if actor.user_id is not None:
            given = repo.delegations(leader_user_id=row.signer_user_id, deputy_user_id=actor.user_id)
            if any(d.covers(now) for d in given):
                return row.signer_user_id
            if given:
                latest = max(given, key=lambda d: d.ends_at)
                raise PermissionDeniedError(
                    "workflow.delegation_inactive",
                    leader=signer,
                    starts=latest.starts_at.isoformat(timespec="minutes"),
                    ends=latest.ends_at.isoformat(timespec="minutes"),
                )
        raise PermissionDeniedError("issuing.not_your_signature", signer=signer)

    def _signer_or_refuse(self) -> Signer:
        if self._signer is None:
            raise ValidationError("issuing.signing_unavailable")
        return self._signer

    # ---- files -------------------------------------------------------------------------------------------------
    def _pdf_from_upload(self, content: bytes, file_name: str) -> tuple[bytes, str, VersionKind, int]:
        """(PDF bytes, stored name, version kind, pages): a Word file goes through LibreOffice first."""
        name = file_name.strip() or "draft.pdf"
        kind = VersionKind.UPLOADED
        if is_convertible(name):
            content = convert_to_pdf(content, name)
            name = name.rsplit(".", 1)[0] + ".pdf"
            kind = VersionKind.CONVERTED
        if sniff_content_type(content[:16]) != PDF_TYPE:
            raise ValidationError("issuing.not_pdf_or_word", name=name)
        return content, name, kind, inspect_document_file(content, name).page_count

    @staticmethod
    def _ensure(s: Session, put: PutResult, now: datetime) -> str:
        """The file was made durable before the transaction began; its row joins the transaction."""
        FileRepository(s).ensure(put.sha256, put.size, PDF_TYPE, now)
        return put.sha256

    def _store_appendices(self, appendices: Sequence[AppendixInput]) -> list[tuple[Appendix, int]]:
        """Separate appendix files made durable before any row refers to them: (appendix, size)."""
        stored: list[tuple[Appendix, int]] = []
        for a in appendices:
            if a.content is not None:
                if sniff_content_type(a.content[:16]) != PDF_TYPE:
                    raise ValidationError("issuing.appendix_not_pdf", name=a.file_name or a.title)
                inspect_document_file(a.content, a.file_name or a.title)
                if self._signer is not None:
                    self._check_appendix(self._signer, a.content, a.file_name or a.title)
                put = self._ctx.files.put_bytes(a.content)
                stored.append((Appendix(a.title, put.sha256, a.file_name.strip() or f"{a.title}.pdf"), put.size))
            else:
                stored.append((Appendix(a.title, a.sha256, a.file_name if a.sha256 else ""), -1))
        return stored

    def _ensure_appendix_rows(self, s: Session, stored: Sequence[tuple[Appendix, int]], now: datetime) -> None:
        for appendix, size in stored:
            if appendix.sha256 is None:
                continue
            if size >= 0:
                FileRepository(s).ensure(appendix.sha256, size, PDF_TYPE, now)
            elif not self._ctx.files.exists(appendix.sha256):
                raise NotFoundError("storage.file_missing", sha256=appendix.sha256)

    @staticmethod
    def _set_main_file(doc: DocumentRow, sha256: str, file_name: str) -> None:
        for f in doc.files:
            if f.role == FileRole.MAIN.value:
                f.sha256, f.name = sha256, file_name
                return

    # ---- the specialist ----------------------------------------------------------------------------------------
    def create(
        self,
        actor: Actor,
        meta: DraftMeta,
        content: bytes,
        file_name: str,
        *,
        recipients: Sequence[Recipient] = (),
        appendices: Sequence[AppendixInput] = (),
    ) -> Draft:
        """A new draft from a PDF, or from a Word file converted by LibreOffice (clear message without it)."""
        action = "issuing.create"
        with self._audited(actor, action, "*"):
            user_id = self._need(actor, action, Role.SPECIALIST)
            meta = meta.validated()
            check_recipients(recipients)
            pdf, name, kind, pages = self._pdf_from_upload(content, file_name)
            stored = self._store_appendices(appendices)
            put = self._ctx.files.put_bytes(pdf)
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                agency = AgencyRepository(s).own()
                if agency is None:
                    raise NotFoundError("storage.no_agency")
                repo = IssuingRepository(s)
                drafter = repo.user_row(user_id)
                if meta.signer_user_id is not None:
                    self._check_signer_user(s, meta.signer_user_id)
                sha = self._ensure(s, put, now)
                self._ensure_appendix_rows(s, stored, now)
                doc = Document(
                    id=str(uuid.uuid4()),
                    direction=Direction.OUTGOING,
                    doc_type=meta.doc_type,
                    summary=meta.summary,
                    state=DocumentState.DRAFT,
                    issuer_name=agency.name,
                    issuer_code=agency.code,
                    urgency=meta.urgency,
                    confidentiality=meta.confidentiality,
                    restriction=meta.restriction,
                    normative=meta.normative,
                    page_count=pages,
                    drafting_unit_id=drafter.unit_id,
                    files=(DocumentFile(sha, name, FileRole.MAIN, len(pdf), PDF_TYPE),),
                )
                DocumentRepository(s).add(doc, agency.id, now)
                row = repo.add_draft(document_id=doc.id, drafter_user_id=user_id, meta=meta, now=now)
                repo.add_version(
                    row, sha256=sha, kind=kind, file_name=name, by_user_id=user_id, by=actor.username, now=now
                )
                repo.set_recipients(row, recipients)
                repo.set_appendices(row, [a for a, _size in stored])
                s.flush()
                self._ctx.audit.record(
                    s,
                    actor,
                    action,
                    "draft",
                    doc.id,
                    {
                        "summary": meta.summary,
                        "type": meta.doc_type,
                        "file": sha,
                        "converted": kind.value == "converted",
                    },
                )
                return repo.draft_of(row)

    def edit(
        self,
        actor: Actor,
        document_id: str,
        meta: DraftMeta,
        *,
        recipients: Sequence[Recipient],
        appendices: Sequence[AppendixInput] = (),
        expected_version: int | None = None,
    ) -> Draft:
        """Metadata, recipients and appendices, while the draft is the drafter's (draft or returned)."""
        action = "issuing.edit"
        with self._audited(actor, action, document_id):
            self._need(actor, action, Role.SPECIALIST)
            meta = meta.validated()
            check_recipients(recipients)
            stored = self._store_appendices(appendices)
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                self._own_draft(row, actor, action)
                next_state(DraftState(row.state), DraftAction.EDIT)
                self._check_version(row, expected_version)
                if meta.signer_user_id is not None and meta.signer_user_id != row.signer_user_id:
                    self._check_signer_user(s, meta.signer_user_id)
                self._ensure_appendix_rows(s, stored, now)
                doc = repo.document_row(document_id)
                before = repo.draft_of(row, doc=doc)
                doc.doc_type, doc.summary, doc.urgency = meta.doc_type, meta.summary, meta.urgency.value
                doc.confidentiality, doc.restriction = meta.confidentiality.value, meta.restriction.value
                doc.normative = meta.normative
                doc.updated_at = utc(now)
                row.paper_copies_needed = meta.paper_copies_needed
                row.signer_user_id = meta.signer_user_id
                repo.set_recipients(row, recipients)
                repo.set_appendices(row, [a for a, _size in stored])
                changed = (
                    before.meta != meta_of(row, doc)
                    or before.recipients != tuple(recipients)
                    or before.appendices != tuple(a for a, _size in stored)
                )
                if changed:
                    row.updated_at = utc(now)
                    flag_modified(row, "updated_at")  # bumps the version even when only recipients changed
                    if row.state == DraftState.RETURNED.value:
                        row.changed_since_return = True
                s.flush()
                self._ctx.audit.record(
                    s,
                    actor,
                    action,
                    "draft",
                    document_id,
                    {"changed": changed, "summary": meta.summary, "recipients": len(recipients)},
                )
                return repo.draft_of(row, doc=doc)

    def upload_version(
        self,
        actor: Actor,
        document_id: str,
        content: bytes,
        file_name: str,
        *,
        comment: str = "",
        expected_version: int | None = None,
    ) -> Draft:
        """A revised PDF (or Word file) replaces the one in force; earlier versions are kept."""
        action = "issuing.upload"
        with self._audited(actor, action, document_id):
            user_id = self._need(actor, action, Role.SPECIALIST)
            pdf, name, kind, pages = self._pdf_from_upload(content, file_name)
            put = self._ctx.files.put_bytes(pdf)
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                self._own_draft(row, actor, action)
                next_state(DraftState(row.state), DraftAction.UPLOAD)
                self._check_version(row, expected_version)
                sha = self._ensure(s, put, now)
                if sha == repo.current_version(row).sha256:
                    raise ValidationError("issuing.file_unchanged", name=name)
                repo.add_version(
                    row,
                    sha256=sha,
                    kind=kind,
                    file_name=name,
                    by_user_id=user_id,
                    by=actor.username,
                    now=now,
                    comment=comment.strip(),
                )
                doc = repo.document_row(document_id)
                self._set_main_file(doc, sha, name)
                doc.page_count = pages
                doc.updated_at = utc(now)
                if row.state == DraftState.RETURNED.value:
                    row.changed_since_return = True
                s.flush()
                self._ctx.audit.record(
                    s, actor, action, "draft", document_id, {"file": sha, "version": row.current_version_no}
                )
                return repo.draft_of(row, doc=doc)

    def submit(
        self, actor: Actor, document_id: str, *, signer_user_id: int | None = None, expected_version: int | None = None
    ) -> Draft:
        """Trình ký: the PDF gets its number, date and signature fields and goes to the signer's list.

        A returned draft goes back only once something changed (a new PDF or different metadata)."""
        action = "issuing.submit"
        with self._audited(actor, action, document_id):
            user_id = self._need(actor, action, Role.SPECIALIST)
            signer = self._signer_or_refuse()
            with self._ctx.db.read_session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                self._own_draft(row, actor, action)
                next_state(DraftState(row.state), DraftAction.SUBMIT)
                self._check_version(row, expected_version)
                if row.state == DraftState.RETURNED.value and not row.changed_since_return:
                    raise ConflictError("issuing.resubmit_unchanged")
                if not row.recipients:
                    raise ValidationError("issuing.no_recipients")
                chosen = signer_user_id if signer_user_id is not None else row.signer_user_id
                if chosen is None:
                    raise ValidationError("issuing.signer_required")
                signer_row = self._check_signer_user(s, chosen)
                current = repo.current_version(row)
                prepared = any(
                    v.kind == VersionKind.PREPARED.value and v.sha256 == current.sha256 for v in row.versions
                )
                snap = _Snapshot(
                    row.version,
                    self._ctx.files.read_bytes(current.sha256),
                    current.file_name,
                    {"signer": chosen, "name": signer_row.full_name, "title": signer_row.position, "ready": prepared},
                )
            pdf = snap.pdf
            if not snap.extra["ready"]:
                pdf = signer.prepare(pdf, signer_name=snap.extra["name"], signer_title=snap.extra["title"].upper())
            put = self._ctx.files.put_bytes(pdf)
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                self._check_version(row, snap.version)
                doc = repo.document_row(document_id)
                if not snap.extra["ready"]:
                    sha = self._ensure(s, put, now)
                    repo.add_version(
                        row,
                        sha256=sha,
                        kind=VersionKind.PREPARED,
                        file_name=snap.file_name,
                        by_user_id=user_id,
                        by=actor.username,
                        now=now,
                    )
                    self._set_main_file(doc, sha, snap.file_name)
                state = next_state(DraftState(row.state), DraftAction.SUBMIT)
                self._move(row, doc, state, now)
                row.signer_user_id = snap.extra["signer"]
                row.submitted_at = utc(now)
                row.changed_since_return = False
                doc.signer_name, doc.signer_position = snap.extra["name"], snap.extra["title"]
                s.flush()
                self._ctx.audit.record(
                    s,
                    actor,
                    action,
                    "draft",
                    document_id,
                    {
                        "signer": snap.extra["name"],
                        "signer_id": snap.extra["signer"],
                        "version": row.current_version_no,
                    },
                )
                return repo.draft_of(row, doc=doc)

    # ---- the signer --------------------------------------------------------------------------------------------
    def return_draft(
        self, actor: Actor, document_id: str, comment: str, *, expected_version: int | None = None
    ) -> Draft:
        """Trả lại: back to the drafter with the signer's comments, kept as a version of the draft."""
        action = "issuing.return"
        with self._audited(actor, action, document_id):
            user_id = self._need(actor, action, *SIGNERS)
            text = comment.strip()
            if not text:
                raise ValidationError("issuing.comment_required")
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                acting_for = self._acting_for(s, actor, row, now)
                state = next_state(DraftState(row.state), DraftAction.RETURN)
                self._check_version(row, expected_version)
                current = repo.current_version(row)
                repo.add_version(
                    row,
                    sha256=current.sha256,
                    kind=VersionKind.RETURNED,
                    file_name=current.file_name,
                    by_user_id=user_id,
                    by=actor.username,
                    now=now,
                    comment=text,
                )
                doc = repo.document_row(document_id)
                self._move(row, doc, state, now)
                row.return_comment = text
                row.changed_since_return = False
                s.flush()
                self._ctx.audit.record(
                    s, actor, action, "draft", document_id, {"comment": text, "acting_for": acting_for}
                )
                return repo.draft_of(row, doc=doc)

    def sign(
        self,
        actor: Actor,
        document_id: str,
        pin: str | None,
        *,
        selector: TokenSelector | None = None,
        expected_version: int | None = None,
        layout: SigningLayout | None = None,
    ) -> Draft:
        """The signer's certification signature with their token (a deputy acting by delegation may sign).

        `layout`: where the signer moved the signature (and seal) in the preview; the draft is then prepared again
        from the file the drafter gave, with those boxes, and that prepared file is kept as a version of its own
        before the signed one. Nothing is stored when signing fails."""
        action = "issuing.sign"
        with self._audited(actor, action, document_id):
            user_id = self._need(actor, action, *SIGNERS)
            signer = self._signer_or_refuse()
            now = self._ctx.clock()
            with self._ctx.db.read_session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                acting_for = self._acting_for(s, actor, row, now)
                next_state(DraftState(row.state), DraftAction.SIGN)
                self._check_version(row, expected_version)
                current = repo.current_version(row)
                source = None if layout is None else self._unprepared_source(row, current.sha256)
                snap = _Snapshot(
                    row.version,
                    self._ctx.files.read_bytes(current.sha256),
                    current.file_name,
                    {"for": acting_for, "source": source},
                )
            pdf = snap.pdf
            if layout is not None:
                original = self._ctx.files.read_bytes(snap.extra["source"])
                pdf = signer.prepare(original, signer_name=actor.full_name, signer_title="", layout=layout)
            signed = signer.sign_leader(actor, pdf, pin, selector=selector)
            replaced = self._ctx.files.put_bytes(pdf) if layout is not None else None
            put = self._ctx.files.put_bytes(signed)
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                self._check_version(row, snap.version)
                if replaced is not None:
                    repo.add_version(
                        row,
                        sha256=self._ensure(s, replaced, now),
                        kind=VersionKind.PREPARED,
                        file_name=snap.file_name,
                        by_user_id=user_id,
                        by=actor.username,
                        now=now,
                        comment="signature moved",
                    )
                sha = self._ensure(s, put, now)
                repo.add_version(
                    row,
                    sha256=sha,
                    kind=VersionKind.SIGNED,
                    file_name=snap.file_name,
                    by_user_id=user_id,
                    by=actor.username,
                    now=now,
                )
                doc = repo.document_row(document_id)
                self._set_main_file(doc, sha, snap.file_name)
                self._move(row, doc, next_state(DraftState(row.state), DraftAction.SIGN), now)
                row.signed_at, row.signed_by_user_id = utc(now), user_id
                signer_row = repo.user_row(user_id)
                doc.signer_name, doc.signer_position = signer_row.full_name, signer_row.position
                WorkflowRepository(s).mark_step(document_id, IssueStep.SIGNED, now)
                s.flush()
                self._ctx.audit.record(
                    s, actor, action, "draft", document_id, {"file": sha, "acting_for": snap.extra["for"]}
                )
                return repo.draft_of(row, doc=doc)

    @staticmethod
    def _unprepared_source(row: DraftRow, prepared_sha256: str) -> str:
        """The file the prepared PDF in force was made from: the drafter's upload (or Word conversion) just before
        the first "prepared" version holding it. Re-preparing that file is how the signature box moves."""
        versions = sorted(row.versions, key=lambda v: v.number)
        prepared = next(
            (v for v in versions if v.kind == VersionKind.PREPARED.value and v.sha256 == prepared_sha256), None
        )
        if prepared is not None:
            for v in reversed(versions):
                if v.number < prepared.number and v.kind in (VersionKind.UPLOADED.value, VersionKind.CONVERTED.value):
                    return v.sha256
        raise ValidationError("issuing.cannot_move_signature")

    # ---- the clerk ---------------------------------------------------------------------------------------------
    def number_and_seal(
        self,
        actor: Actor,
        document_id: str,
        pin: str | None,
        *,
        expected_version: int | None = None,
        progress: Progress | None = None,
    ) -> Draft:
        """Cấp số và đóng dấu: the next number of the outgoing book and today's date go into the signed PDF's fields,
        then the organisation's seal signature; the signer's signature stays intact. Each appendix in a separate
        file then gets the organisation's signature carrying that number and the signing time (ND30 App I
        §III.1.c–d) with the same token and PIN; appendices inside the main file are covered by its signatures.

        All or nothing: the appendix files are checked before the number is taken, every sealed file is made durable
        first, and one transaction then records the sealed main file and the sealed appendices (the document's
        files, which the exchange sends) with the state. A failure on any file records none of them.

        The number is taken (and committed, so it never repeats or vanishes) before the token is asked; if sealing
        fails — a wrong PIN, the token pulled out — the number stays with the document and the next try uses it.
        `progress(done, total, file name)` counts the files: the main one and each separate appendix."""
        action = "issuing.number_and_seal"
        with self._audited(actor, action, document_id):
            user_id = self._need(actor, action, Role.CLERK)
            signer = self._signer_or_refuse()
            with self._ctx.db.read_session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                next_state(DraftState(row.state), DraftAction.NUMBER_AND_SEAL)
                self._check_version(row, expected_version)
                doc = repo.document_row(document_id)
                numbered = doc.number is not None
                current = repo.current_version(row)
                snap = _Snapshot(row.version, self._ctx.files.read_bytes(current.sha256), current.file_name, {})
                appendices = [
                    self._read_appendix(a.position, a.title, a.sha256, a.file_name)
                    for a in row.appendices
                    if a.sha256 is not None
                ]
            for a in appendices:
                self._check_appendix(signer, a.pdf, a.file_name or a.title)
            total = 1 + len(appendices)
            if progress is not None:
                progress(0, total, snap.file_name)
            if numbered:
                text, line = self._number_of(document_id)
            else:
                allocated = self._registry.allocate_outgoing(actor, document_id)
                text, line = allocated.number_notation, allocated.date_line
            sealed = signer.number_and_seal(actor, snap.pdf, number_notation=text, date_line=line, pin=pin)
            put = self._ctx.files.put_bytes(sealed)
            # the signatures the register records, read here, outside the transaction, from the bytes just made
            signed = [(sealed, signatures_of(sealed))]
            sealed_appendices: list[tuple[_SeparateAppendix, PutResult]] = []
            for done, a in enumerate(appendices, start=1):
                if progress is not None:
                    progress(done, total, a.file_name or a.title)
                out = signer.seal_appendix(actor, a.pdf, number_notation=text, pin=pin)
                sealed_appendices.append((a, self._ctx.files.put_bytes(out)))
                signed.append((out, signatures_of(out)))
            if progress is not None:
                progress(total, total, "")
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                self._check_version(row, snap.version)
                sha = self._ensure(s, put, now)
                repo.add_version(
                    row,
                    sha256=sha,
                    kind=VersionKind.SEALED,
                    file_name=snap.file_name,
                    by_user_id=user_id,
                    by=actor.username,
                    now=now,
                    comment=f"{text} — {line}",
                )
                doc = repo.document_row(document_id)
                self._set_main_file(doc, sha, snap.file_name)
                issued = [(a, self._ensure(s, p, now)) for a, p in sealed_appendices]
                self._set_appendix_files(doc, issued)
                stored = [sha, *(issued_sha for _, issued_sha in issued)]
                for file_sha, (pdf, found) in zip(stored, signed, strict=True):
                    record_signatures(s, file_sha, pdf, found)
                self._move(row, doc, next_state(DraftState(row.state), DraftAction.NUMBER_AND_SEAL), now)
                row.numbered_at = utc(now)
                timeline = WorkflowRepository(s)
                timeline.mark_step(document_id, IssueStep.NUMBERED, now)
                timeline.mark_step(document_id, IssueStep.SEALED, now)
                s.flush()
                self._ctx.audit.record(
                    s,
                    actor,
                    action,
                    "draft",
                    document_id,
                    {
                        "number": text,
                        "date": line,
                        "file": sha,
                        "appendices": [
                            {"title": a.title, "from": a.sha256, "file": issued_sha} for a, issued_sha in issued
                        ],
                    },
                )
                return repo.draft_of(row, doc=doc)

    def _read_appendix(self, position: int, title: str, sha256: str, file_name: str) -> _SeparateAppendix:
        """A separate appendix's stored bytes, refused clearly when the store no longer holds what was recorded."""
        name = file_name or title
        if not self._ctx.files.exists(sha256):
            raise NotFoundError("issuing.appendix_missing", name=name, sha256=sha256)
        pdf = self._ctx.files.read_bytes(sha256)
        if hashlib.sha256(pdf).hexdigest() != sha256:
            raise ValidationError("issuing.appendix_damaged", name=name, sha256=sha256)
        return _SeparateAppendix(position, title, sha256, file_name or f"{title}.pdf", pdf)

    @staticmethod
    def _check_appendix(signer: Signer, pdf: bytes, name: str) -> None:
        """The appendix can take the seal as an incremental update; else say which appendix and why."""
        try:
            signer.check_appendix(pdf)
        except SigningError as exc:
            code = APPENDIX_REFUSALS.get(exc.code)
            if code is None:
                raise
            raise ValidationError(code, name=name, **_plain(exc.params)) from exc

    @staticmethod
    def _set_appendix_files(doc: DocumentRow, issued: Sequence[tuple[_SeparateAppendix, str]]) -> None:
        """The issued document's files: the sealed main file, then each sealed appendix in the draft's order."""
        last = max((f.position for f in doc.files), default=-1)  # above any earlier row: no clash in one flush
        doc.files[:] = [f for f in doc.files if f.role != FileRole.APPENDIX.value]
        for i, (a, sha) in enumerate(sorted(issued, key=lambda x: x[0].position), start=1):
            doc.files.append(DocumentFileRow(sha256=sha, role=FileRole.APPENDIX.value, name=a.file_name,
                                             position=last + i))

    def _number_of(self, document_id: str) -> tuple[str, str]:
        """The number and date line a document already holds (a sealing that failed after the number was taken)."""
        with self._ctx.db.read_session() as s:
            doc = IssuingRepository(s).document_row(document_id)
            agency = AgencyRepository(s).own()
            if agency is None:
                raise NotFoundError("storage.no_agency")
            issued = doc.issued_date or self._ctx.clock().date()
            return number_notation(doc.number, doc.notation), date_line.format_date_line(agency.place_name, issued)

    def mark_issued(self, actor: Actor, document_id: str, *, expected_version: int | None = None) -> Draft:
        """Ban hành: released; it now waits in the "to send" list (the send itself is the exchange's)."""
        action = "issuing.issue"
        with self._audited(actor, action, document_id):
            self._need(actor, action, Role.CLERK)
            now = self._ctx.clock()
            with self._ctx.db.session() as s:
                repo = IssuingRepository(s)
                row = repo.draft_row(document_id)
                state = next_state(DraftState(row.state), DraftAction.ISSUE)
                self._check_version(row, expected_version)
                doc = repo.document_row(document_id)
                plan = paper_plan(meta_of(row, doc), [r for r in repo.draft_of(row, doc=doc).recipients])
                self._move(row, doc, state, now)
                row.issued_at = utc(now)
                doc.needs_paper = bool(plan.copies)
                s.flush()
                self._ctx.audit.record(
                    s,
                    actor,
                    action,
                    "draft",
                    document_id,
                    {
                        "number": number_notation(doc.number, doc.notation),
                        "delivery": plan.delivery.value,
                        "paper_copies": plan.total,
                    },
                )
                return repo.draft_of(row, doc=doc)

    def paper_copies(self, document_id: str) -> PaperPlan:
        """Which recipients also get paper (seed Art 6, 7), how many copies each, and why."""
        return self.get(document_id).paper_plan

    def record_printed(self, actor: Actor, document_id: str, copies: int) -> None:
        """The clerk printed the paper copies: kept in the audit log next to the issuing steps."""
        action = "issuing.print"
        with self._audited(actor, action, document_id):
            self._need(actor, action, Role.CLERK)
            with self._ctx.db.session() as s:
                row = IssuingRepository(s).draft_row(document_id)
                if row.state not in (DraftState.NUMBERED.value, DraftState.ISSUED.value):
                    raise ConflictError("issuing.bad_state", state=row.state, action="print")
                self._ctx.audit.record(s, actor, action, "draft", document_id, {"copies": copies})

    @staticmethod
    def _move(row: DraftRow, doc: DocumentRow, state: DraftState, now: datetime) -> None:
        row.state = state.value
        row.updated_at = utc(now)
        doc.state = DOCUMENT_STATE[state].value
        doc.updated_at = utc(now)

    # ---- reading -----------------------------------------------------------------------------------------------
    def get(self, document_id: str) -> Draft:
        with self._ctx.db.read_session() as s:
            repo = IssuingRepository(s)
            return repo.draft_of(repo.draft_row(document_id))

    def pdf(self, sha256: str) -> bytes:
        return self._ctx.files.read_bytes(sha256)

    def my_drafts(self, actor: Actor) -> list[Draft]:
        """The specialist's drafts in every state, latest change first."""
        if actor.user_id is None:
            return []
        with self._ctx.db.read_session() as s:
            return IssuingRepository(s).drafts(states=list(DraftState), drafter_user_id=actor.user_id)

    def awaiting_signature(self, actor: Actor) -> list[Draft]:
        """Submitted to the actor, or to a leader whose delegation the actor holds now."""
        if actor.user_id is None or not any(actor.has_role(r) for r in SIGNERS):
            return []
        now = self._ctx.clock()
        with self._ctx.db.read_session() as s:
            leaders = [d.leader_user_id for d in WorkflowRepository(s).active_delegations_to(actor.user_id, now)]
            return IssuingRepository(s).drafts(states=[DraftState.SUBMITTED], signer_user_ids=[actor.user_id, *leaders])

    def awaiting_clerk(self, actor: Actor) -> list[Draft]:
        """Signed drafts waiting for a number and seal, and sealed ones waiting to be printed and issued."""
        if not actor.has_role(Role.CLERK):
            return []
        with self._ctx.db.read_session() as s:
            agency = AgencyRepository(s).own()
            return IssuingRepository(s).drafts(
                states=[DraftState.SIGNED, DraftState.NUMBERED], agency_id=agency.id if agency else None
            )

    def signers(self) -> list[User]:
        """Active leaders and deputies of the own agency: who a draft can be submitted to."""
        with self._ctx.db.read_session() as s:
            agency = AgencyRepository(s).own()
            if agency is None:
                return []
            q = (
                select(UserRow)
                .join(UserRoleRow, UserRoleRow.user_id == UserRow.id)
                .where(
                    UserRow.agency_id == agency.id,
                    UserRow.is_active.is_(True),
                    UserRoleRow.role.in_([r.value for r in SIGNERS]),
                )
                .order_by(UserRow.id)
            )
            return [user_of(r) for r in dict.fromkeys(s.execute(q).scalars())]


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {k: (v if isinstance(v, (str, int, float, bool)) or v is None else str(v)) for k, v in params.items()}
