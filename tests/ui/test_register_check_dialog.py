"""The Documents page's "Check a file against the register…": a demo document's sealed PDF cut back to the leader's
revision is named as an earlier revision of that document (2 signatures in the register, 1 in the file) above the
signature badges of the cut file; the registered file itself matches. The demo's documents were stored without
signature rows, so this also runs the backfill. A screenshot is written to /tmp for a look."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.domain.enums import Direction, DocumentState
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.signing.register_check import RegisterState, signatures_of
from app.ui.dialogs.register_check import RegisterCheckDialog
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.documents import DocumentsPage
from tests.ui.signing_support import require_demo_tokens

SCREENSHOT = Path("/tmp/register_check_dialog.png")


@pytest.fixture
def signing_booted(booted: Booted, language: str) -> Iterator[Booted]:
    require_demo_tokens(booted)
    yield booted
    booted.services.signing.close()


def _page(qtbot: QtBot, booted: Booted) -> tuple[DocumentsPage, JobRunner, list[str]]:
    services = booted.services
    user = services.auth.login("vanthu", DEMO_PASSWORD)
    jobs = JobRunner(booted.settings.logs_dir / "vanthu.log")
    opened: list[str] = []
    page = DocumentsPage(PageEnv(booted.settings, services, user, jobs, opened.append))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page, jobs, opened


def _sealed_document(booted: Booted) -> tuple[str, str, bytes]:
    doc = next(d for d in booted.services.documents.recent(Direction.OUTGOING) if d.state is DocumentState.SEALED)
    assert doc.main_file is not None
    return doc.id, doc.number_notation, booted.services.ctx.files.read_bytes(doc.main_file.sha256)


def _run(qtbot: QtBot, page: DocumentsPage, jobs: JobRunner, path: Path,
         monkeypatch: pytest.MonkeyPatch) -> RegisterCheckDialog:
    def pick(*_args: Any) -> tuple[str, str]:
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    page.check_file_button.click()
    (dialog,) = [d for d in page.findChildren(RegisterCheckDialog) if d.isVisible()]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=60_000)
    jobs.wait(10_000)
    return dialog


def test_a_file_cut_at_the_leader_revision_is_named_an_earlier_revision(
    qtbot: QtBot, signing_booted: Booted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, jobs, opened = _page(qtbot, signing_booted)
    doc_id, number, sealed = _sealed_document(signing_booted)
    leader_end = signatures_of(sealed).signatures[0].signed_revision_end
    cut = tmp_path / "ban-nhan-duoc.pdf"
    cut.write_bytes(sealed[:leader_end])

    dialog = _run(qtbot, page, jobs, cut, monkeypatch)
    assert dialog.outcome is not None
    check = dialog.outcome.check
    assert check.state is RegisterState.EARLIER_REVISION and check.document_id == doc_id
    assert (check.registered_count, check.file_count) == (2, 1)
    line = dialog.register_label.text()
    assert line.startswith(f"Đây là bản cũ hơn của văn bản số {number}: bản trong sổ có 2 chữ ký, tệp này có 1.")
    assert len(dialog.badges.badges) == 1  # the cut file's one signature, still valid on its own
    assert dialog.outcome.report is not None and dialog.outcome.report.all_valid
    dialog.resize(720, 560)
    qtbot.wait(50)
    assert dialog.grab().save(str(SCREENSHOT))

    assert dialog.open_button.isVisible()
    dialog.open_button.click()
    assert opened == [doc_id]


def test_the_registered_file_matches_and_a_non_pdf_is_told(
    qtbot: QtBot, signing_booted: Booted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    page, jobs, _opened = _page(qtbot, signing_booted)
    _doc_id, number, sealed = _sealed_document(signing_booted)
    same = tmp_path / "same.pdf"
    same.write_bytes(sealed)
    dialog = _run(qtbot, page, jobs, same, monkeypatch)
    assert dialog.outcome is not None and dialog.outcome.check.state is RegisterState.MATCHES
    assert dialog.register_label.text() == f"Tệp này đúng là tệp trong sổ: tệp chính của văn bản số {number}."
    assert len(dialog.badges.badges) == 2
    dialog.close()

    junk = tmp_path / "not.pdf"
    junk.write_bytes(b"PK\x03\x04 not a pdf")
    dialog = _run(qtbot, page, jobs, junk, monkeypatch)
    assert dialog.outcome is not None and dialog.outcome.check.state is RegisterState.UNREADABLE
    assert dialog.register_label.text().startswith("Không đọc được tệp này dưới dạng PDF.")
    assert not dialog.open_button.isVisible()
