"""Does an outside PDF still have the signatures the register recorded? (issue 5 item 8)

Why: a signed PDF can be cut back to an earlier incremental revision — to just after the leader's signature, without
the number, date and seal — and the result is still a valid one-signature PDF; no signature check can see that
anything is missing. The register can: for each signed file that became a document's file it records the signatures
the file carries (position, field, SHA-256 of the CMS bytes, the file length each one covers; table
`file_signatures`). An outside file is then compared by its SHA-256 and by the hashes of its signatures:

- the same SHA-256 as a registered document file → `matches`;
- its signatures are the first k of a registered file's N → `earlier_revision` (the registered file is the document
  of record);
- the same signatures as a registered file but other bytes (something appended after the last signature), or more
  signatures than the registered file → `modified_after_register`;
- some of its signatures are in a registered file, but not as a prefix → `differs`;
- none of its signatures is in any registered file → `not_registered`; not a readable PDF → `unreadable`.

No Qt here: the UI runs `check_against_register` on a worker thread next to the signature verification.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.enums import FileRole
from app.services.context import StoreContext
from app.store.models import (
    DocumentFileRow,
    DocumentRow,
    RegistryBookRow,
    RegistryEntryRow,
    StoredFileRow,
)
from app.store.models_signatures import FileSignatureRow

log = logging.getLogger(__name__)

PDF_TYPE = "application/pdf"
NO_SIGNATURE = 0  # the position of the marker row of a file read and found to carry no signature
INDEXED_ROLES = (FileRole.MAIN.value, FileRole.APPENDIX.value)


@dataclass(frozen=True)
class SignatureRecord:
    """One signature as the register records it."""

    position: int  # 1..n, in signing order
    field_name: str
    cms_sha256: str  # SHA-256 of the raw /Contents bytes (the CMS object with its zero padding)
    signed_revision_end: int  # the /ByteRange end: the file length this signature covers


@dataclass(frozen=True)
class FileSignatures:
    """The signatures a PDF carries; `readable` is False when the bytes are not a PDF pyHanko can read."""

    signatures: tuple[SignatureRecord, ...]
    readable: bool = True

    @property
    def cms_hashes(self) -> tuple[str, ...]:
        return tuple(s.cms_sha256 for s in self.signatures)


def signatures_of(pdf: bytes) -> FileSignatures:
    """The file's regular (/Sig) signatures in signing order; never raises (an unreadable file: readable=False)."""
    if not pdf.lstrip()[:5].startswith(b"%PDF"):
        return FileSignatures((), readable=False)
    try:
        from pyhanko.pdf_utils.reader import PdfFileReader

        from app.services.signing.sign import speed_up_pdf_parsing

        speed_up_pdf_parsing()
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        found: list[SignatureRecord] = []
        for position, sig in enumerate(reader.embedded_regular_signatures, start=1):
            contents = sig.pkcs7_content
            byte_range = [int(x) for x in sig.byte_range]
            found.append(SignatureRecord(
                position=position,
                field_name=str(sig.field_name or "")[:255],
                cms_sha256=hashlib.sha256(bytes(contents)).hexdigest(),
                signed_revision_end=byte_range[2] + byte_range[3] if len(byte_range) == 4 else len(pdf),
            ))
        return FileSignatures(tuple(found))
    except Exception as exc:  # any parser failure means "not a readable PDF", never a crash
        log.info("signatures not readable: %s", exc)
        return FileSignatures((), readable=False)


def _recorded(session: Session, sha256: str) -> bool:
    return session.scalar(select(exists().where(FileSignatureRow.file_sha256 == sha256))) is True


def record_signatures(session: Session, sha256: str, pdf: bytes, found: FileSignatures | None = None) -> int:
    """Record the signatures of a stored file in the caller's transaction (the stored_files row must be there);
    idempotent. A file without signatures gets a marker row (position 0) so the backfill does not read it again.
    Returns how many signatures were recorded."""
    if _recorded(session, sha256):
        return 0
    found = signatures_of(pdf) if found is None else found
    if not found.signatures:
        session.add(FileSignatureRow(file_sha256=sha256, position=NO_SIGNATURE, field_name="", cms_sha256="",
                                     signed_revision_end=len(pdf)))
    for sig in found.signatures:
        session.add(FileSignatureRow(file_sha256=sha256, position=sig.position, field_name=sig.field_name,
                                     cms_sha256=sig.cms_sha256, signed_revision_end=sig.signed_revision_end))
    session.flush()
    return len(found.signatures)


def index_missing(ctx: StoreContext, limit: int | None = None) -> int:
    """Backfill: record the signatures of stored main/appendix PDFs of documents that have no rows yet (files
    registered before the table existed, or by a path that does not record). One short transaction per file, so a
    long backfill never holds the write lock. Returns how many files were indexed."""
    with ctx.db.read_session() as s:
        q = (
            select(DocumentFileRow.sha256)
            .join(StoredFileRow, StoredFileRow.sha256 == DocumentFileRow.sha256)
            .where(DocumentFileRow.role.in_(INDEXED_ROLES), StoredFileRow.content_type == PDF_TYPE)
            .where(~exists().where(FileSignatureRow.file_sha256 == DocumentFileRow.sha256))
            .distinct()
        )
        if limit is not None:
            q = q.limit(limit)
        pending = list(s.execute(q).scalars())
    done = 0
    for sha in pending:
        if not ctx.files.exists(sha):
            continue  # the integrity check reports a missing file
        pdf = ctx.files.read_bytes(sha)
        if hashlib.sha256(pdf).hexdigest() != sha:
            continue  # altered in the store: never record its signatures as the register's (the check reports it)
        found = signatures_of(pdf)  # parsed outside the transaction
        try:
            with ctx.db.session() as s:
                record_signatures(s, sha, pdf, found)
        except IntegrityError:
            continue  # recorded at the same moment by another path
        done += 1
    return done


class RegisterState(StrEnum):
    MATCHES = "matches"
    EARLIER_REVISION = "earlier_revision"
    MODIFIED_AFTER_REGISTER = "modified_after_register"
    DIFFERS = "differs"
    NOT_REGISTERED = "not_registered"
    UNREADABLE = "unreadable"


# problem codes of the states that mean "this is not the document of record" (worded in app/ui/messages.py)
PROBLEM_CODES: dict[RegisterState, str] = {
    RegisterState.EARLIER_REVISION: "register.earlier_revision",
    RegisterState.MODIFIED_AFTER_REGISTER: "register.changed_after_registration",
    RegisterState.DIFFERS: "register.signatures_differ",
}


@dataclass(frozen=True)
class RegisterCheck:
    """The register's answer about one outside file. `registered_count` is the signature count of the registered
    file it was compared with, `file_count` this file's."""

    state: RegisterState
    file_sha256: str
    file_count: int
    document_id: str | None = None
    number_notation: str = ""
    register_name: str = ""
    file_role: str = ""
    file_name: str = ""
    registered_sha256: str = ""
    registered_count: int = 0
    fields: tuple[str, ...] = field(default=())  # this file's signature fields

    @property
    def problem_code(self) -> str | None:
        return PROBLEM_CODES.get(self.state)

    @property
    def ok(self) -> bool:
        return self.state is RegisterState.MATCHES

    @property
    def summary(self) -> str:
        """A plain English sentence (logs, the CLI); the UI words the state itself in Vietnamese or English."""
        doc = self.number_notation or "(no number yet)"
        if self.state is RegisterState.MATCHES:
            return f"The file is the registered {self.file_role} file of document {doc}."
        if self.state is RegisterState.EARLIER_REVISION:
            return (f"This is an earlier revision of document {doc}: the registered file has "
                    f"{self.registered_count} signature(s), this file {self.file_count}. "
                    "The registered file is the document of record.")
        if self.state is RegisterState.MODIFIED_AFTER_REGISTER:
            return (f"The file carries the signatures of document {doc} but was changed after registration "
                    f"({self.file_count} signature(s) here, {self.registered_count} in the register).")
        if self.state is RegisterState.DIFFERS:
            return (f"Only some of the file's signatures are those of document {doc} "
                    f"({self.file_count} here, {self.registered_count} in the register).")
        if self.state is RegisterState.UNREADABLE:
            return "The file is not a readable PDF."
        return "No registered document has this file or any of its signatures."


@dataclass(frozen=True)
class _Registered:
    document_id: str
    sha256: str
    role: str
    name: str
    cms: tuple[str, ...]


def _classify(mine: Sequence[str], theirs: Sequence[str]) -> RegisterState:
    n, k = len(theirs), len(mine)
    if k < n and tuple(theirs[:k]) == tuple(mine):
        return RegisterState.EARLIER_REVISION
    if k >= n and tuple(mine[:n]) == tuple(theirs):
        return RegisterState.MODIFIED_AFTER_REGISTER  # same signatures, other bytes; or signatures added later
    return RegisterState.DIFFERS


_RANK = {RegisterState.MODIFIED_AFTER_REGISTER: 0, RegisterState.EARLIER_REVISION: 1, RegisterState.DIFFERS: 2}


def check_against_register(ctx: StoreContext, pdf: bytes, *, backfill: bool = True) -> RegisterCheck:
    """Compare an outside file with the register (see the module docstring). `backfill` first records the
    signatures of registered files stored before the table existed, so an old document is found too."""
    sha = hashlib.sha256(pdf).hexdigest()
    with ctx.db.read_session() as s:
        same = s.execute(
            select(DocumentFileRow).where(DocumentFileRow.sha256 == sha).order_by(DocumentFileRow.position)
        ).scalars().first()
        if same is not None:  # the registered file itself: its signature count is the one recorded, if indexed
            rows = s.execute(select(FileSignatureRow.position).where(FileSignatureRow.file_sha256 == sha)).all()
            count = sum(1 for (position,) in rows if position > NO_SIGNATURE) if rows else len(
                signatures_of(pdf).signatures)
            return _with_document(s, RegisterCheck(RegisterState.MATCHES, sha, count),
                                  same.document_id, same.role, same.name, sha, count)
    found = signatures_of(pdf)
    fields = tuple(x.field_name for x in found.signatures)
    if not found.readable:
        return RegisterCheck(RegisterState.UNREADABLE, sha, 0)
    if not found.signatures:
        return RegisterCheck(RegisterState.NOT_REGISTERED, sha, 0)
    if backfill:
        index_missing(ctx)
    mine = found.cms_hashes
    with ctx.db.read_session() as s:
        candidates = _registered_with(s, set(mine))
        if not candidates:
            return RegisterCheck(RegisterState.NOT_REGISTERED, sha, len(mine), fields=fields)
        best = min(candidates, key=lambda c: (_RANK[_classify(mine, c.cms)], -len(c.cms)))
        state = _classify(mine, best.cms)
        base = RegisterCheck(state, sha, len(mine), fields=fields)
        return _with_document(s, base, best.document_id, best.role, best.name, best.sha256, len(best.cms))


def _registered_with(s: Session, cms: set[str]) -> list[_Registered]:
    """The registered document files (main/appendix) that carry any of these signatures, with all their signatures."""
    files = set(s.execute(
        select(FileSignatureRow.file_sha256).where(FileSignatureRow.cms_sha256.in_(cms),
                                                   FileSignatureRow.position > NO_SIGNATURE)
    ).scalars())
    if not files:
        return []
    sigs: dict[str, list[str]] = {}
    for row in s.execute(select(FileSignatureRow).where(FileSignatureRow.file_sha256.in_(files),
                                                        FileSignatureRow.position > NO_SIGNATURE)
                         .order_by(FileSignatureRow.file_sha256, FileSignatureRow.position)).scalars():
        sigs.setdefault(row.file_sha256, []).append(row.cms_sha256)
    out: list[_Registered] = []
    for df in s.execute(select(DocumentFileRow).where(DocumentFileRow.sha256.in_(files),
                                                      DocumentFileRow.role.in_(INDEXED_ROLES))
                        .order_by(DocumentFileRow.document_id, DocumentFileRow.position)).scalars():
        out.append(_Registered(df.document_id, df.sha256, df.role, df.name, tuple(sigs.get(df.sha256, ()))))
    return out


def _with_document(s: Session, base: RegisterCheck, document_id: str, role: str, name: str, registered_sha: str,
                   registered_count: int) -> RegisterCheck:
    doc = s.get(DocumentRow, document_id)
    number = ""
    if doc is not None and doc.number is not None and doc.notation:
        number = f"{doc.number:02d}/{doc.notation}"
    book = s.execute(
        select(RegistryBookRow.name).join(RegistryEntryRow, RegistryEntryRow.book_id == RegistryBookRow.id)
        .where(RegistryEntryRow.document_id == document_id).order_by(RegistryEntryRow.id).limit(1)
    ).scalar()
    return replace(base, document_id=document_id, number_notation=number, register_name=book or "",
                   file_role=role, file_name=name, registered_sha256=registered_sha,
                   registered_count=registered_count)
