"""Documents and their files: the file is made durable in the file store before any row refers to it."""

from __future__ import annotations

import uuid
from dataclasses import replace
from pathlib import Path

from app.domain.enums import Direction, FileRole
from app.domain.errors import NotFoundError, StorageError
from app.domain.model import Actor, Document, DocumentFile
from app.services.context import StoreContext
from app.store.repositories import AgencyRepository, DocumentRepository, FileRepository

PDF_MAGIC = b"%PDF-"


def sniff_content_type(head: bytes) -> str:
    if head.startswith(PDF_MAGIC):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    return "application/octet-stream"


class DocumentService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def create(self, actor: Actor, draft: Document, main_file: bytes, file_name: str) -> Document:
        """Store the file, then the document row, its file link and the audit event in one transaction."""
        put = self._ctx.files.put_bytes(main_file)
        content_type = sniff_content_type(main_file[:16])
        now = self._ctx.clock()
        doc = replace(
            draft,
            id=draft.id or str(uuid.uuid4()),
            created_at=now,
            files=(DocumentFile(put.sha256, file_name, FileRole.MAIN, put.size, content_type),),
        )
        with self._ctx.db.session() as s:
            agency = AgencyRepository(s).own()
            if agency is None:
                raise StorageError("storage.no_agency")
            FileRepository(s).ensure(put.sha256, put.size, content_type, now)
            DocumentRepository(s).add(doc, agency.id, now)
            self._ctx.audit.record(
                s,
                actor,
                "document.create",
                "document",
                doc.id,
                {"direction": doc.direction.value, "summary": doc.summary, "file": put.sha256},
            )
            return DocumentRepository(s).get(doc.id)

    def get(self, document_id: str) -> Document:
        with self._ctx.db.session() as s:
            return DocumentRepository(s).get(document_id)

    def recent(self, direction: Direction | None = None, limit: int = 200) -> list[Document]:
        with self._ctx.db.session() as s:
            agency = AgencyRepository(s).own()
            if agency is None:
                return []
            return DocumentRepository(s).list(agency_id=agency.id, direction=direction, limit=limit)

    def file_path(self, sha256: str) -> Path:
        """Where a stored file lives, for viewers that need a path; the file is read-only."""
        path = self._ctx.files.path_for(sha256)
        if not path.is_file():
            raise NotFoundError("storage.file_missing", sha256=sha256)
        return path
