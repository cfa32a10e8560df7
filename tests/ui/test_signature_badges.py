"""Signature badges: green for the app's own leader → number → seal chain, orange when the root is not trusted, red
when a byte was changed; and the document view shows them for a signed PDF, verified off the UI thread."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.domain.enums import Direction, DocumentState
from app.domain.model import Document
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.signing.service import SigningService
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.document import DocumentPage
from app.widgets.signature_badges import SignatureBadges
from tests.ui.signing_support import actor, require_demo_tokens, sealed_pdf


@pytest.fixture
def signing_booted(booted: Booted, language: str) -> Iterator[Booted]:
    require_demo_tokens(booted)
    yield booted
    booted.services.signing.close()


def test_green_orange_and_red(qtbot: QtBot, signing_booted: Booted) -> None:
    signing = signing_booted.services.signing
    pdf = sealed_pdf(signing_booted)
    widget = SignatureBadges()
    qtbot.addWidget(widget)

    widget.set_report(signing.verify(pdf))
    assert [b.state for b in widget.badges] == ["valid", "valid"]
    assert "Nguyễn Văn An" in widget.badges[0].signer.text()
    assert "/2026" in widget.badges[0].time.text() and "+07:00" in widget.badges[0].time.text()

    strict = SigningService(signing_booted.services.ctx, signing.config.__class__(
        pki_dir=signing.config.pki_dir, trust_demo_root=False))
    try:
        widget.set_report(strict.verify(pdf))
    finally:
        strict.close()
    assert [b.state for b in widget.badges] == ["untrusted", "untrusted"]
    assert widget.badges[0].reason.text()

    broken = bytearray(pdf)
    at = broken.find(b"595.")  # the A4 page width in the first revision: inside both signed ranges
    assert at > 0
    broken[at + 2] = ord("6")
    widget.set_report(signing.verify(bytes(broken)))
    assert {b.state for b in widget.badges} == {"broken"}
    assert widget.badges[0].property("state") == "broken"


def test_unsigned_report_says_so(qtbot: QtBot, signing_booted: Booted) -> None:
    widget = SignatureBadges()
    qtbot.addWidget(widget)
    widget.set_report(signing_booted.services.signing.verify(b"%PDF-1.4\n%%EOF"))
    assert not widget.badges and widget.status.text()


def test_the_document_view_verifies_a_signed_pdf(qtbot: QtBot, signing_booted: Booted) -> None:
    services = signing_booted.services
    clerk = actor(signing_booted, "vanthu")
    pdf = sealed_pdf(signing_booted)
    doc = services.documents.create(clerk, Document(
        id=str(uuid.uuid4()), direction=Direction.OUTGOING, doc_type="Quyết định", summary="Thử nghiệm ký số",
        state=DocumentState.SEALED, issuer_name="Sở Thông tin và Truyền thông", signer_name="Nguyễn Văn An",
        signer_position="Giám đốc", page_count=1), pdf, "45_QD-STTTT.pdf")
    user = services.auth.login("vanthu", DEMO_PASSWORD)
    jobs = JobRunner(signing_booted.settings.logs_dir / "vanthu.log")
    page = DocumentPage(PageEnv(signing_booted.settings, services, user, jobs, lambda _id: None))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()

    page.show_document(doc.id)
    qtbot.waitUntil(lambda: len(page.badges.badges) == 2, timeout=30_000)
    assert page.signatures_box.isVisible()
    assert [b.state for b in page.badges.badges] == ["valid", "valid"]
    jobs.wait(10_000)
