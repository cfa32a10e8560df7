"""The verification panel names where the revocation verdict came from (OCSP, the CA's CRL fetched online, a saved CRL
file) or why it was not checked; a restricted document is verified without any online lookup."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import fields
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from app.domain.clock import VN_TZ
from app.domain.enums import Confidentiality, Direction, DocumentState
from app.domain.model import Document
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.signing.revocation import RevocationSession, RevocationSignatureReport
from app.services.signing.verify import SignatureReport, VerificationReport
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.document import DocumentPage
from app.widgets.signature_badges import SignatureBadges, revocation_text
from tests.ui.signing_support import actor, require_demo_tokens, sealed_pdf

BASE = dict(
    field_name="Sig_CoQuan", signer="Sở Thông tin và Truyền thông", organisation="Sở Thông tin và Truyền thông",
    certificate_subject="CN=Sở", certificate_issuer="Demo CA", certificate_serial="1f",
    signing_time=datetime(2026, 11, 25, 9, 0, tzinfo=VN_TZ), signing_time_text="25/11/2026 09:00:00 +07:00",
    intact=True, cryptographically_valid=True, trusted=True, trust_anchor="Demo Root", chain=("a", "b"),
    coverage="entire_file", modification_level="none", modifications_allowed=True, changed_form_fields=(),
    certification=None, chuyen_dung=False, claims_chuyen_dung=False, lenient_policy_applied=False,
    problems=("certificate.not_chuyen_dung",), summary="", kind="organisation",
)


def _sig(revocation: str, source: str = "none", reason: str = "", detail: str = "") -> RevocationSignatureReport:
    problems = (*BASE["problems"], "certificate.revoked") if revocation == "revoked" else BASE["problems"]
    return RevocationSignatureReport(**{**BASE, "problems": problems}, revocation=revocation,  # type: ignore[arg-type]
                                     revocation_source=source, revocation_reason=reason, revocation_detail=detail)


@pytest.mark.parametrize(("sig", "expected"), [
    (_sig("good", "ocsp"), "Not revoked (checked online with the CA's OCSP service)."),
    (_sig("good", "crl_online"), "Not revoked (checked with the CA's revocation list, fetched online)."),
    (_sig("good", "crl_file"), "Not revoked (checked with a saved revocation list file)."),
    (_sig("revoked", "ocsp"), "The CA's OCSP service reports the revocation."),
    (_sig("not_checked", reason="offline_setting"),
     "Revocation not checked: online checking is turned off in the settings."),
    (_sig("not_checked", reason="restricted"),
     "Revocation not checked: restricted documents are verified offline only."),
    (_sig("not_checked", reason="unreachable", detail="http://ca.example/ocsp: timed out"),
     "Revocation not checked: the CA's server could not be reached (http://ca.example/ocsp: timed out)."),
    (_sig("not_checked", reason="bad_response"),
     "Revocation not checked: the CA's server did not give a valid answer."),
    (_sig("not_checked", reason="no_list"), "Revocation not checked (no revocation list available)."),
])
def test_the_revocation_line_names_the_source_or_the_reason(qapp: object, sig: RevocationSignatureReport,
                                                           expected: str) -> None:
    assert revocation_text(sig) == expected


def test_the_badge_shows_the_line(qtbot: QtBot) -> None:
    widget = SignatureBadges()
    qtbot.addWidget(widget)
    widget.set_report(VerificationReport((_sig("revoked", "crl_online"), _sig("good", "ocsp"))))
    assert [b.state for b in widget.badges] == ["broken", "valid"]
    assert "fetched online, lists the certificate" in widget.badges[0].reason.text()
    assert "revoked by its CA" in widget.badges[0].reason.text()
    assert "OCSP" in widget.badges[1].reason.text()
    plain = SignatureReport(**{f.name: getattr(_sig("good", "ocsp"), f.name) for f in fields(SignatureReport)})
    assert revocation_text(plain) == "Not revoked."  # a report made without a revocation session


@pytest.fixture
def signing_booted(booted: Booted) -> Iterator[Booted]:
    require_demo_tokens(booted)
    yield booted
    booted.services.signing.close()


def test_a_restricted_document_is_verified_offline(qtbot: QtBot, signing_booted: Booted,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    services = signing_booted.services
    pdf = sealed_pdf(signing_booted)
    doc = services.documents.create(actor(signing_booted, "vanthu"), Document(
        id=str(uuid.uuid4()), direction=Direction.OUTGOING, doc_type="Quyết định", summary="Văn bản mật thử nghiệm",
        state=DocumentState.SEALED, issuer_name="Sở Thông tin và Truyền thông", signer_name="Nguyễn Văn An",
        signer_position="Giám đốc", page_count=1, confidentiality=Confidentiality.SECRET), pdf, "mat.pdf")
    asked: list[bool] = []
    real_verify = services.signing.verify

    def verify(data: bytes, *, restricted: bool = False) -> VerificationReport:
        asked.append(restricted)
        return real_verify(data, restricted=restricted)

    monkeypatch.setattr(services.signing, "verify", verify)
    fetched: list[str] = []
    monkeypatch.setattr(RevocationSession, "_http", lambda _self, url, *_a: fetched.append(url) or b"")
    user = services.auth.login("vanthu", DEMO_PASSWORD)
    jobs = JobRunner(signing_booted.settings.logs_dir / "vanthu.log")
    page = DocumentPage(PageEnv(signing_booted.settings, services, user, jobs, lambda _id: None))
    qtbot.addWidget(page)
    page.show_document(doc.id)
    qtbot.waitUntil(lambda: len(page.badges.badges) == 2, timeout=30_000)
    jobs.wait(10_000)

    assert asked == [True] and fetched == []
    # the demo CA's CRL file is at hand, so the verdict comes from it, and nothing was looked up online
    for badge in page.badges.badges:
        assert isinstance(badge.report, RevocationSignatureReport)
        assert badge.report.revocation == "good" and badge.report.revocation_source == "crl_file"
