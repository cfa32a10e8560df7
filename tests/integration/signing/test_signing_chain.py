"""Leader signs, the clerk fills number and date, the organisation seals: every signature stays valid."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.clock import VN_TZ
from app.services.signing.errors import SigningError
from app.services.signing.pki import DemoPki
from app.services.signing.sign import (
    DATE_FIELD,
    LEADER_FIELD,
    NUMBER_FIELD,
    SEAL_FIELD,
    TokenKey,
    field_names,
    format_vn_time,
    number_and_seal,
    prepare_draft,
    sign_digitised_copy,
    sign_leader,
    sign_seal,
    stamp_number_and_date,
)
from app.services.signing.verify import verify_pdf
from tests.integration.signing.conftest import PIN, Draft, pdfsig_report
from tests.support import require_tool

NUMBER = "Số: 45/QĐ-STTTT"
DATE = "Hà Tĩnh, ngày 25 tháng 11 năm 2026"
LEADER_TIME = datetime(2026, 11, 25, 9, 10, 0, tzinfo=VN_TZ)
SEAL_TIME = datetime(2026, 11, 25, 9, 15, 30, tzinfo=VN_TZ)


def _chain(draft: Draft, leader_key: TokenKey, org_key: TokenKey, image: bytes,
           one_update: bool = False) -> tuple[bytes, bytes, bytes]:
    """(leader-signed, numbered, sealed). With `one_update` the clerk's number, date and seal are one incremental
    update (`number_and_seal`, what the app's signing service does): then numbered is the sealed file."""
    leader = sign_leader(draft.pdf, leader_key, PIN, draft.layout.signer_box, image, layout=draft.layout,
                         clock=lambda: LEADER_TIME)
    if one_update:
        sealed = number_and_seal(leader, NUMBER, DATE, org_key, PIN, draft.layout.signer_box,
                                 clock=lambda: SEAL_TIME)
        return leader, sealed, sealed
    numbered = stamp_number_and_date(leader, NUMBER, DATE, draft.layout.number_box, draft.layout.date_box)
    sealed = sign_seal(numbered, org_key, PIN, draft.layout.signer_box, clock=lambda: SEAL_TIME)
    return leader, numbered, sealed


@pytest.fixture(scope="module", params=["two_updates", "one_update"])
def chain(request: pytest.FixtureRequest, draft: Draft, worker: object, demo_pki: DemoPki,
          signature_image: bytes) -> tuple[bytes, bytes, bytes]:
    from app.services.signing.tokens import TokenSelector, TokenWorker

    assert isinstance(worker, TokenWorker)
    return _chain(draft, TokenKey(worker, TokenSelector(label="LANH_DAO_01")),
                  TokenKey(worker, TokenSelector(label="CO_QUAN_STTTT")), signature_image,
                  one_update=request.param == "one_update")


def test_pyhanko_keeps_the_leader_signature_valid_after_number_date_and_seal(
    chain: tuple[bytes, bytes, bytes], demo_pki: DemoPki,
) -> None:
    report = verify_pdf(chain[2], [demo_pki.root_certificate()])

    assert [s.field_name for s in report.signatures] == [LEADER_FIELD, SEAL_FIELD]
    leader, seal = report.signatures
    assert leader.intact and leader.trusted and leader.valid
    assert leader.certification == "fill_forms"
    assert leader.modification_level == "form_filling" and leader.modifications_allowed
    assert set(leader.changed_form_fields) >= {NUMBER_FIELD, DATE_FIELD, SEAL_FIELD}
    assert not leader.lenient_policy_applied
    assert leader.signer == "Nguyễn Văn An"
    assert leader.signing_time_text == "25/11/2026 09:10:00 +07:00"
    assert seal.intact and seal.trusted and seal.valid and seal.coverage == "entire_file"
    assert seal.signer == "Sở Thông tin và Truyền thông"
    assert seal.signing_time_text == "25/11/2026 09:15:30 +07:00"
    assert report.all_valid
    assert report.verdict == "warning"  # demo root is not a VGCA (chuyên dùng) root
    assert all("certificate.not_chuyen_dung" in s.problems for s in report.signatures)


def test_a_configured_vgca_root_makes_the_signatures_chuyen_dung(
    chain: tuple[bytes, bytes, bytes], demo_pki: DemoPki,
) -> None:
    report = verify_pdf(chain[2], [], chuyen_dung_roots=[demo_pki.root_certificate()])

    assert report.verdict == "valid"
    assert all(s.chuyen_dung for s in report.signatures)


def test_the_filled_number_and_date_are_in_the_fields(chain: tuple[bytes, bytes, bytes]) -> None:
    assert field_names(chain[0]) == {NUMBER_FIELD: False, DATE_FIELD: False, LEADER_FIELD: True, SEAL_FIELD: False}
    assert field_names(chain[2]) == {NUMBER_FIELD: True, DATE_FIELD: True, LEADER_FIELD: True, SEAL_FIELD: True}
    assert chain[1].startswith(chain[0]) and chain[2].startswith(chain[1])  # incremental updates only


def test_rendered_page_shows_number_and_date(chain: tuple[bytes, bytes, bytes], tmp_path: Path) -> None:
    """Poppler renders the field appearances: the Vietnamese text survives (no "?" from a WinAnsi font)."""
    pdftotext = require_tool("pdftotext")
    path = tmp_path / "sealed.pdf"
    path.write_bytes(chain[2])
    text = subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, timeout=60,
                          check=True).stdout
    assert "45/QĐ-STTTT" in text
    assert "ngày 25 tháng 11 năm 2026" in text


def test_pdfsig_reports_two_valid_signatures(
    chain: tuple[bytes, bytes, bytes], tmp_path: Path, nss_db: Path | None,
) -> None:
    """Poppler's independent check. Its exit code is 0 even on a digest mismatch, so the text is parsed.
    Without the demo root in an NSS db it says "Certificate issuer isn't Trusted." — expected for a demo PKI."""
    path = tmp_path / "sealed.pdf"
    path.write_bytes(chain[2])
    out = pdfsig_report(path, nss_db)

    assert out.count("Signature Validation: Signature is Valid.") == 2, out
    assert "Signature Field Name: Sig_LanhDao" in out and "Signature Field Name: Sig_CoQuan" in out
    if nss_db is not None:
        assert out.count("Certificate is Trusted.") == 2, out


def test_qpdf_finds_no_structural_errors(chain: tuple[bytes, bytes, bytes], tmp_path: Path) -> None:
    qpdf = require_tool("qpdf")
    path = tmp_path / "sealed.pdf"
    path.write_bytes(chain[2])
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_a_tampered_byte_breaks_both_signatures(chain: tuple[bytes, bytes, bytes], demo_pki: DemoPki) -> None:
    data = bytearray(chain[2])
    at = data.find(b"ReportLab")
    assert at > 0
    data[at] = ord("X")

    report = verify_pdf(bytes(data), [demo_pki.root_certificate()])

    assert len(report.signatures) == 2
    assert all(not s.intact and "signature.not_intact" in s.problems for s in report.signatures)
    assert not report.all_valid and report.verdict == "invalid"
    assert "altered" in report.signatures[0].summary


def test_the_file_cut_at_the_leader_revision_is_a_valid_one_signature_pdf(
    chain: tuple[bytes, bytes, bytes], demo_pki: DemoPki,
) -> None:
    """Why the store records each document's signature count and hash: a truncated file still validates."""
    report = verify_pdf(chain[2][: len(chain[0])], [demo_pki.root_certificate()])
    assert [s.field_name for s in report.signatures] == [LEADER_FIELD]
    assert report.all_valid


def test_seal_before_the_leader_is_refused(draft: Draft, org_key: TokenKey) -> None:
    prepared = prepare_draft(draft.pdf, draft.layout)
    with pytest.raises(SigningError) as err:
        sign_seal(prepared, org_key, PIN, draft.layout.signer_box)
    assert err.value.code == "signing.not_signed"


def test_number_cannot_be_stamped_twice(chain: tuple[bytes, bytes, bytes]) -> None:
    with pytest.raises(SigningError) as err:
        stamp_number_and_date(chain[1], NUMBER, DATE)
    assert err.value.code == "signing.field_filled"


def test_digitised_paper_arrival_gets_a_text_only_org_signature(
    draft: Draft, org_key: TokenKey, demo_pki: DemoPki,
) -> None:
    signed = sign_digitised_copy(draft.pdf, org_key, PIN, clock=lambda: SEAL_TIME)

    report = verify_pdf(signed, [demo_pki.root_certificate()])
    (sig,) = report.signatures
    assert sig.valid and sig.signer == "Sở Thông tin và Truyền thông"
    assert sig.signing_time_text == format_vn_time(SEAL_TIME) == "25/11/2026 09:15:30 +07:00"
