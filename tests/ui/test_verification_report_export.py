"""The document view's "Export report…" button: disabled until there is a verification report, then asks for a file
name (the document number by default) and writes the PDF report off the UI thread, worded as the panel words it and
in the UI language; a folder that cannot be written gives the clear message instead."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.enums import Direction, DocumentState
from app.domain.model import Document
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.ui.jobs import JobRunner
from app.ui.pages import document as document_page
from app.ui.pages.common import PageEnv
from app.ui.pages.document import DocumentPage
from app.widgets.signature_badges import revocation_text
from tests.support import require_tool
from tests.ui.signing_support import actor, require_demo_tokens, sealed_pdf


@pytest.fixture
def signing_booted(booted: Booted, language: str) -> Iterator[Booted]:
    require_demo_tokens(booted)
    yield booted
    booted.services.signing.close()


def _page(qtbot: QtBot, booted: Booted) -> tuple[DocumentPage, JobRunner, str]:
    services = booted.services
    pdf = sealed_pdf(booted)
    doc = services.documents.create(actor(booted, "vanthu"), Document(
        id=str(uuid.uuid4()), direction=Direction.OUTGOING, doc_type="Quyết định", summary="Thử nghiệm ký số",
        number=45, notation="QĐ-STTTT", state=DocumentState.SEALED, issuer_name="Sở Thông tin và Truyền thông",
        signer_name="Nguyễn Văn An", signer_position="Giám đốc", page_count=1), pdf, "45_QD-STTTT.pdf")
    user = services.auth.login("vanthu", DEMO_PASSWORD)
    jobs = JobRunner(booted.settings.logs_dir / "vanthu.log")
    page = DocumentPage(PageEnv(booted.settings, services, user, jobs, lambda _id: None))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    return page, jobs, doc.id


def _text(pdf: Path) -> str:
    out = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return " ".join(out.split())


@pytest.mark.parametrize("language", ["vi", "en"], indirect=True)
def test_export_writes_the_report(qtbot: QtBot, signing_booted: Booted, tmp_path: Path, language: str,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    page, jobs, doc_id = _page(qtbot, signing_booted)
    button = page.badges.export_button
    assert not button.isEnabled()
    asked: list[str] = []
    target = tmp_path / "chosen" / "report"  # no ".pdf": the page adds it

    def save_as(_parent: Any, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        asked.append(start)
        return str(target), ""

    monkeypatch.setattr(document_page.QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(DocumentPage, "report_folder", None)
    page.show_document(doc_id)
    qtbot.waitUntil(lambda: len(page.badges.badges) == 2, timeout=30_000)
    assert button.isEnabled() and button.isVisible()

    button.click()
    written = target.with_name("report.pdf")
    qtbot.waitUntil(written.exists, timeout=30_000)
    jobs.wait(10_000)
    assert Path(asked[0]).name == "45-QD-STTTT-kiem-tra-chu-ky.pdf"
    qtbot.waitUntil(lambda: str(written) in page.notice.text(), timeout=5_000)
    text = _text(written)
    assert "Nguyễn Văn An" in text and "Sở Thông tin và Truyền thông" in text and "45/QĐ-STTTT" in text
    report = page.badges.report
    assert report is not None
    assert " ".join(revocation_text(report.signatures[0]).split()) in text  # the panel's own line
    assert ("BÁO CÁO KIỂM TRA CHỮ KÝ SỐ" in text) == (language == "vi")
    assert ("SIGNATURE VERIFICATION REPORT" in text) == (language == "en")

    # the next dialog starts in the folder used last
    page.badges.export_button.click()
    assert Path(asked[1]).parent == written.parent
    jobs.wait(10_000)


def test_an_unwritable_folder_gives_the_message(qtbot: QtBot, signing_booted: Booted, tmp_path: Path) -> None:
    page, jobs, doc_id = _page(qtbot, signing_booted)
    page.show_document(doc_id)
    qtbot.waitUntil(lambda: page.badges.export_button.isEnabled(), timeout=30_000)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    job = page.export_report(blocker / "r.pdf")  # a file where the folder should be
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert page.notice.isVisible() and str(blocker / "r.pdf") in page.notice.text()
    assert not (tmp_path / "r.pdf").exists()
    jobs.wait(10_000)


def test_the_panel_and_the_report_compare_the_file_with_the_register(
    qtbot: QtBot, signing_booted: Booted, tmp_path: Path,
) -> None:
    """The stored file as registered: the panel and the report say it matches. The same file cut back in the store to
    the leader's revision (a valid one-signature PDF): both name it an earlier revision, 2 signatures against 1."""
    from app.services.signing.register_check import record_signatures, signatures_of

    page, jobs, doc_id = _page(qtbot, signing_booted)
    services = signing_booted.services
    doc = services.documents.get(doc_id)
    assert doc.main_file is not None
    sha = doc.main_file.sha256
    sealed = services.ctx.files.read_bytes(sha)
    with services.ctx.db.session() as s:
        record_signatures(s, sha, sealed)  # as registration and number-and-seal record them

    page.show_document(doc_id)
    qtbot.waitUntil(lambda: len(page.badges.badges) == 2 and page.badges.register.isVisible(), timeout=30_000)
    assert "45/QĐ-STTTT" in page.badges.register.text()
    matched = page.badges.register.text()
    jobs.wait(10_000)

    leader_end = signatures_of(sealed).signatures[0].signed_revision_end
    stored = services.ctx.files.path_for(sha)
    stored.chmod(0o644)
    stored.write_bytes(sealed[:leader_end])  # the store's copy cut back behind the app's back
    page.show_document(doc_id)
    qtbot.waitUntil(lambda: len(page.badges.badges) == 1 and page.badges.register.text() != matched,
                    timeout=30_000)
    line = page.badges.register.text()
    assert "45/QĐ-STTTT" in line and "2" in line and "1" in line
    target = tmp_path / "cut.pdf"
    job = page.export_report(target)
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert " ".join(line.split())[:40] in _text(target)
    jobs.wait(10_000)
