"""Documents and their files: the file is made durable in the file store before any row refers to it."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from app.domain.enums import Direction, FileRole
from app.domain.errors import NotFoundError, StorageError, ValidationError
from app.domain.model import Actor, Document, DocumentFile
from app.services.context import StoreContext
from app.store.repositories import AgencyRepository, DocumentRepository, FileRepository

PDF_MAGIC = b"%PDF-"
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024  # a 100-page colour scan is ~25 MB; larger is almost surely a mistake
IMAGE_TYPES = {"image/png", "image/jpeg", "image/tiff"}


@dataclass(frozen=True)
class InspectedFile:
    content_type: str
    page_count: int


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


def check_file_size(size: int, name: str) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            "file.too_large", name=name, size_mb=size // (1024 * 1024), limit_mb=MAX_DOCUMENT_BYTES // (1024 * 1024)
        )
    if size == 0:
        raise ValidationError("file.empty", name=name)


def inspect_document_file(content: bytes, name: str) -> InspectedFile:
    """Accept a PDF or an image that opens; refuse empty, oversized, corrupt, encrypted or foreign files clearly."""
    check_file_size(len(content), name)
    content_type = sniff_content_type(content[:16])
    if content_type == "application/pdf":
        return InspectedFile(content_type, _pdf_pages(content, name))
    if content_type in IMAGE_TYPES:
        return InspectedFile(content_type, _image_frames(content, name))
    raise ValidationError("file.not_pdf_or_image", name=name)


def _pdf_pages(content: bytes, name: str) -> int:
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(content)) as pdf:
            if pdf.is_encrypted:
                raise ValidationError("file.pdf_encrypted", name=name)
            pages = len(pdf.pages)
    except pikepdf.PasswordError as exc:
        raise ValidationError("file.pdf_encrypted", name=name) from exc
    except pikepdf.PdfError as exc:
        raise ValidationError("file.pdf_corrupt", name=name, detail=str(exc)[:200]) from exc
    if pages == 0:
        raise ValidationError("file.pdf_corrupt", name=name, detail="no pages")
    return pages


def _image_frames(content: bytes, name: str) -> int:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as img:
            frames = getattr(img, "n_frames", 1)
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError("file.image_corrupt", name=name) from exc
    return int(frames)


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
