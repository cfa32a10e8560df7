"""The signatures each stored signed PDF carries (issue 5 item 8: the register's record of a file's signatures).

Why: a signed PDF cut back to an earlier incremental revision (say, just after the leader's signature, without the
number, date and seal) is still a perfectly valid PDF with fewer signatures. Only the register can tell: it knows the
file of record carried N signatures with these CMS hashes, so an outside file with the first k of them is an earlier
revision, not the document of record.

- `file_signatures`: one row per signature, in signing order (position 1..n): the signature field, the SHA-256 of
  its /Contents CMS bytes, and the end of its /ByteRange (the file length that signature covers). A row at position
  0 (empty field name and hash) marks a file that was read and carries no signature, so the backfill reads it once.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base


class FileSignatureRow(Base):
    __tablename__ = "file_signatures"
    __table_args__ = (Index("ix_file_signatures_cms_sha256", "cms_sha256"),)
    file_sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    field_name: Mapped[str] = mapped_column(String(255))
    cms_sha256: Mapped[str] = mapped_column(String(64))
    signed_revision_end: Mapped[int] = mapped_column(BigInteger)
