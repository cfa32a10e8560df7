"""Each reason a signature fails gets its own problem code: tampered, untrusted, expired, not yet valid, revoked (an
offline CRL of the demo CA), and the organisation's seal made before the leader's signature. Poppler's pdfsig and
qpdf cross-check where they have an opinion."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography import x509

from app.domain.clock import VN_TZ
from app.services.signing.pki import DemoPki, add_demo_identity, issue_crl
from app.services.signing.sign import (
    LEADER_FIELD,
    SEAL_FIELD,
    TokenKey,
    _sign_on_token,
    prepare_draft,
    sign_digitised_copy,
)
from app.services.signing.tokens import TokenSelector, TokenWorker
from app.services.signing.verify import verify_pdf
from tests.integration.signing.conftest import LEADER, ORG, PIN, Draft, pdfsig_report
from tests.support import require_tool

WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=VN_TZ)
LATER = datetime(2026, 11, 26, 9, 0, tzinfo=VN_TZ)
EXPIRED = "CASE_EXPIRED"
NOT_YET = "CASE_NOT_YET"
REVOKED = "CASE_REVOKED"


@pytest.fixture(scope="module")
def cases_pki(demo_pki: DemoPki, worker: TokenWorker) -> DemoPki:
    """Three more tokens on the session's demo PKI (a second PKI would move SOFTHSM2_CONF under the other tests)."""
    pki = demo_pki
    specs = ((EXPIRED, "Người Hết Hạn", datetime(2020, 1, 1, tzinfo=UTC), datetime(2021, 1, 1, tzinfo=UTC)),
             (NOT_YET, "Người Chưa Hiệu Lực", datetime(2030, 1, 1, tzinfo=UTC), datetime(2035, 1, 1, tzinfo=UTC)),
             (REVOKED, "Người Bị Thu Hồi", datetime(2024, 1, 1, tzinfo=UTC), datetime(2035, 1, 1, tzinfo=UTC)))
    for label, name, start, end in specs:
        if label not in pki.identities:
            pki = add_demo_identity(pki, label, name, title="Chuyên viên", not_before=start, not_after=end)
    worker.refresh()
    return pki


def _copy(worker: TokenWorker, label: str, pdf: bytes) -> bytes:
    return sign_digitised_copy(pdf, TokenKey(worker, TokenSelector(label=label)), PIN, clock=lambda: WHEN)


def _cert(pki: DemoPki, label: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pki.identities[label].certificate_pem.read_bytes())


def test_tampered_bytes_are_caught_by_pyhanko_and_pdfsig(
    cases_pki: DemoPki, worker: TokenWorker, draft: Draft, tmp_path: Path,
) -> None:
    signed = bytearray(_copy(worker, ORG[0], draft.pdf))
    at = signed.find(b"ReportLab")
    assert at > 0
    signed[at] = ord("X")

    report = verify_pdf(bytes(signed), [cases_pki.root_certificate()], at=LATER)
    sig = report.signatures[0]
    assert "signature.not_intact" in sig.problems and sig.badge == "broken" and not sig.valid
    path = tmp_path / "tampered.pdf"
    path.write_bytes(bytes(signed))
    out = pdfsig_report(path)
    assert "Signature is Valid" not in out and "Digest Mismatch" in out, out


def test_an_unknown_root_is_untrusted_but_intact(cases_pki: DemoPki, worker: TokenWorker, draft: Draft,
                                                 tmp_path: Path) -> None:
    signed = _copy(worker, ORG[0], draft.pdf)

    sig = verify_pdf(signed, [], at=LATER).signatures[0]
    assert sig.intact and not sig.trusted and "certificate.untrusted" in sig.problems
    assert sig.badge == "untrusted"
    assert "does not chain to any trusted root" in sig.summary
    path = tmp_path / "untrusted.pdf"
    path.write_bytes(signed)
    out = pdfsig_report(path)  # no NSS db with the demo root: pdfsig agrees it is not trusted
    assert "Signature is Valid" in out and "Certificate is Trusted" not in out, out


def test_a_certificate_expired_before_signing(cases_pki: DemoPki, worker: TokenWorker, draft: Draft) -> None:
    sig = verify_pdf(_copy(worker, EXPIRED, draft.pdf), [cases_pki.root_certificate()], at=LATER).signatures[0]

    assert sig.intact and "certificate.expired" in sig.problems
    assert not sig.valid and sig.badge == "broken"
    assert "certificate.untrusted" not in sig.problems  # the chain is fine: the reason is the expiry
    assert "had expired" in sig.summary


def test_a_certificate_not_yet_valid_when_signing(cases_pki: DemoPki, worker: TokenWorker, draft: Draft) -> None:
    sig = verify_pdf(_copy(worker, NOT_YET, draft.pdf), [cases_pki.root_certificate()], at=LATER).signatures[0]

    assert "certificate.not_yet_valid" in sig.problems and not sig.valid and sig.badge == "broken"


def test_a_revoked_certificate_on_the_demo_crl(cases_pki: DemoPki, worker: TokenWorker, draft: Draft,
                                               tmp_path: Path) -> None:
    signed = _copy(worker, REVOKED, draft.pdf)
    roots = [cases_pki.root_certificate()]
    revoked_crl = issue_crl(cases_pki, [_cert(cases_pki, REVOKED)], this_update=datetime(2026, 11, 1, tzinfo=UTC),
                            out=tmp_path / "revoked.crl").read_bytes()
    clean_crl = issue_crl(cases_pki, [], this_update=datetime(2026, 11, 1, tzinfo=UTC),
                          out=tmp_path / "clean.crl").read_bytes()

    unchecked = verify_pdf(signed, roots, at=LATER).signatures[0]
    assert unchecked.valid and unchecked.revocation == "not_checked"
    assert "Revocation was not checked" in unchecked.summary
    good = verify_pdf(signed, roots, at=LATER, crls=[clean_crl]).signatures[0]
    assert good.valid and good.revocation == "good"
    revoked = verify_pdf(signed, roots, at=LATER, crls=[revoked_crl]).signatures[0]
    assert revoked.revocation == "revoked" and "certificate.revoked" in revoked.problems
    assert not revoked.valid and revoked.badge == "broken"
    assert "revoked" in revoked.summary
    # the CRL is a real one: OpenSSL reads it and lists the serial
    text = subprocess.run([require_tool("openssl"), "crl", "-inform", "DER", "-noout", "-text", "-in",
                           str(tmp_path / "revoked.crl")], capture_output=True, text=True, check=True).stdout
    assert format(_cert(cases_pki, REVOKED).serial_number, "X")[-8:] in text.replace(":", "").upper()


def test_the_seal_signed_before_the_leader_is_reported(
    cases_pki: DemoPki, worker: TokenWorker, draft: Draft, tmp_path: Path,
) -> None:
    prepared = prepare_draft(draft.pdf, draft.layout, lock_leader_field=False)
    org = TokenKey(worker, TokenSelector(label=ORG[0]))
    leader = TokenKey(worker, TokenSelector(label=LEADER[0]))
    sealed_first = _sign_on_token(prepared, org, PIN, field_name=SEAL_FIELD, certify=False,
                                  style_for=lambda _c: None, signing_time=WHEN)
    both = _sign_on_token(sealed_first, leader, PIN, field_name=LEADER_FIELD, certify=False,
                          style_for=lambda _c: None, signing_time=LATER)

    report = verify_pdf(both, [cases_pki.root_certificate()], at=LATER)
    seal, person = report.signatures
    assert seal.kind == "organisation" and person.kind == "person"
    assert seal.intact and person.intact
    assert "order.seal_before_leader" in person.problems and not person.valid
    assert "order.seal_before_leader" not in seal.problems
    assert not report.all_valid and report.verdict == "invalid"
    path = tmp_path / "order.pdf"
    path.write_bytes(both)
    qpdf = subprocess.run([require_tool("qpdf"), "--check", str(path)], capture_output=True, text=True, check=False)
    assert qpdf.returncode == 0, qpdf.stdout + qpdf.stderr
