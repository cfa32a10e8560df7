"""Word drafts to PDF through LibreOffice headless (issue 7 item 6): specialists write in Word, the signer signs a PDF.

LibreOffice runs in a throwaway folder with its own profile, so two conversions at once (or a user's open LibreOffice)
never lock each other out, and a hung conversion is killed after a timeout. Without LibreOffice the specialist is told
to install it or to upload a PDF.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from app.domain.errors import ValidationError
from app.services.documents import check_file_size

CONVERTIBLE_SUFFIXES = (".docx", ".odt", ".doc", ".rtf")
DEFAULT_TIMEOUT_S = 120.0
_BINARIES = ("soffice", "libreoffice")


def is_convertible(file_name: str) -> bool:
    return file_name.lower().endswith(CONVERTIBLE_SUFFIXES)


def find_soffice() -> str | None:
    """The LibreOffice program on PATH (`soffice`, or `libreoffice` as some distributions name it)."""
    for name in _BINARIES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _check_word_file(content: bytes, file_name: str) -> None:
    """A .docx/.odt is a ZIP with its main part; anything else under that name is refused before LibreOffice runs."""
    check_file_size(len(content), file_name)
    lower = file_name.lower()
    if not lower.endswith((".docx", ".odt")):
        return
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        raise ValidationError("docx.not_a_word_file", name=file_name) from None
    wanted = "word/document.xml" if lower.endswith(".docx") else "content.xml"
    if wanted not in names:
        raise ValidationError("docx.not_a_word_file", name=file_name)


def convert_to_pdf(content: bytes, file_name: str, *, timeout_s: float = DEFAULT_TIMEOUT_S) -> bytes:
    """The PDF LibreOffice makes of a Word/ODF document, or a DomainError saying what to do instead."""
    if not is_convertible(file_name):
        raise ValidationError("docx.not_a_word_file", name=file_name)
    _check_word_file(content, file_name)
    soffice = find_soffice()
    if soffice is None:
        raise ValidationError("docx.converter_missing", name=file_name)
    suffix = Path(file_name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="vanthu-docx-") as tmp:
        work = Path(tmp)
        source = work / f"draft{suffix}"
        source.write_bytes(content)
        out_dir = work / "out"
        out_dir.mkdir()
        profile = (work / "profile").as_uri()
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(source),
        ]
        env = {**os.environ, "HOME": str(work)}  # LibreOffice writes caches under HOME; keep them in the temp dir
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False, env=env)
        except subprocess.TimeoutExpired:
            raise ValidationError("docx.convert_timeout", name=file_name, seconds=int(timeout_s)) from None
        except OSError as exc:
            raise ValidationError("docx.convert_failed", name=file_name, detail=str(exc)[:200]) from exc
        result = out_dir / "draft.pdf"
        if done.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-300:]
            raise ValidationError("docx.convert_failed", name=file_name, detail=detail or f"exit {done.returncode}")
        return result.read_bytes()
