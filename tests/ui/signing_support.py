"""Shared by the signing UI tests: a signed PDF from the demo home's SoftHSM2 tokens, and the demo users as actors."""

from __future__ import annotations

from app.domain.model import Actor
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.official_pdf import OfficialDocument, render
from app.services.signing.pki import DEMO_USER_PIN
from tests.support import missing


def actor(booted: Booted, username: str) -> Actor:
    return Actor.of(booted.services.auth.login(username, DEMO_PASSWORD))


def require_demo_tokens(booted: Booted) -> None:
    if booted.services.signing.organisation_token() is None:
        missing("the demo home has no signing tokens (SoftHSM2 not installed)")


def draft_pdf() -> bytes:
    return render(OfficialDocument(
        parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Thông tin và Truyền thông", doc_type="Quyết định",
        number=None, notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=None,
        summary="Về việc thử nghiệm ký số", body=["Điều 1. Thử nghiệm ký số văn bản."],
        signer_authority="", signer_position="Giám đốc", signer_name="Nguyễn Văn An",
        recipients=["Như Điều 3;", "Lưu: VT."], year=2026,
    )).pdf


def sealed_pdf(booted: Booted) -> bytes:
    """Leader → number/date → seal through the service, as the app does it."""
    signing = booted.services.signing
    prepared = signing.prepare(draft_pdf(), signer_name="Nguyễn Văn An", signer_title="Giám đốc")
    leader = signing.sign_leader(actor(booted, "giamdoc"), prepared, DEMO_USER_PIN)
    return signing.number_and_seal(actor(booted, "vanthu"), leader, number_notation="45/QĐ-STTTT",
                                   date_line="Hà Tĩnh, ngày 24 tháng 11 năm 2026", pin=DEMO_USER_PIN)
