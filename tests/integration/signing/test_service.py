"""SigningService on real SoftHSM2 tokens: locate, prepare, leader → number/date → seal, verify; roles and audit."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.enums import Role
from app.domain.errors import PermissionDeniedError
from app.domain.model import Actor
from app.services.context import StoreContext
from app.services.official_pdf import OfficialDocument, render
from app.services.signing.errors import SigningError
from app.services.signing.locate import field_box
from app.services.signing.pki import DemoPki
from app.services.signing.service import SigningConfig, SigningService
from app.services.signing.sign import DATE_FIELD, LEADER_FIELD, NUMBER_FIELD, SEAL_FIELD, field_names
from app.services.signing.tokens import TokenSelector
from app.store.models import AuditEventRow
from tests.integration.signing.conftest import LEADER, ORG, PIN, Draft, pdfsig_report
from tests.support import require_tool

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

GIAMDOC = Actor(user_id=2, username="giamdoc", full_name="Nguyễn Văn An", roles=frozenset({Role.LEADER}))
VANTHU = Actor(user_id=1, username="vanthu", full_name="Trần Thị Hoa", roles=frozenset({Role.CLERK}))
NUMBER = "45/QĐ-STTTT"
DATE = "Hà Tĩnh, ngày 24 tháng 11 năm 2026"


@pytest.fixture
def signing(ctx: StoreContext, demo_pki: DemoPki) -> Iterator[SigningService]:
    service = SigningService(ctx, SigningConfig(pki_dir=demo_pki.dir, trust_demo_root=True))
    service.remember_token(GIAMDOC, TokenSelector(label=LEADER[0]))
    yield service
    service.close()


def _official_draft() -> tuple[bytes, tuple[float, ...], tuple[float, ...], tuple[float, ...]]:
    rendered = render(OfficialDocument(
        parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Thông tin và Truyền thông", doc_type="Quyết định",
        number=None, notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=None,
        summary="Về việc ban hành quy chế sử dụng chữ ký số",
        body=["Điều 1. Ban hành kèm theo Quyết định này Quy chế sử dụng chữ ký số."] * 25,
        signer_authority="", signer_position="Giám đốc", signer_name="Nguyễn Văn An",
        recipients=["Như Điều 3;", "Lưu: VT."], year=2026,
    ))
    return rendered.pdf, rendered.number_box, rendered.date_box, rendered.signer_box


def _near(a: tuple[float, ...], b: tuple[float, ...], tolerance: float) -> bool:
    return a[0] == b[0] and all(abs(x - y) <= tolerance for x, y in zip(a[1:], b[1:], strict=True))


def test_locate_finds_the_boxes_the_renderer_reports(signing: SigningService) -> None:
    pdf, number_box, date_box, signer_box = _official_draft()

    layout = signing.locate(pdf, signer_name="Nguyễn Văn An", signer_title="Giám đốc")

    assert layout.signer_box[0] == signer_box[0] == 1  # the signer block is on the last (second) page
    assert _near(layout.signer_box[:1] + layout.signer_box[2:3] + layout.signer_box[4:],
                 signer_box[:1] + signer_box[2:3] + signer_box[4:], 1.5)  # the blank space, vertically
    assert layout.signer_box[1] < (signer_box[1] + signer_box[3]) / 2 < layout.signer_box[3]
    for found, known in ((layout.number_box, number_box), (layout.date_box, date_box)):
        assert found[0] == 0 and abs(found[2] - known[2]) < 2 and abs(found[4] - known[4]) < 2
    assert layout.number_box[3] <= layout.date_box[1]  # number and date boxes never overlap


def test_locate_on_a_pdf_where_only_the_text_is_known(signing: SigningService, draft: Draft) -> None:
    layout = signing.locate(draft.pdf, signer_name="NGUYỄN VĂN AN", signer_title="giám đốc")

    page, x0, y0, x1, y1 = layout.signer_box
    assert page == 0 and x0 < 420 < x1
    assert 243 < y0 < 248 and 320 < y1 < 330  # between the name (baseline 230) and the title (baseline 330)
    assert layout.number_box[2] < 740 < layout.number_box[4] and layout.number_box[1] < 155 < layout.number_box[3]
    assert layout.date_box[2] < 740 < layout.date_box[4] and layout.date_box[1] < 400 < layout.date_box[3]


def test_locate_says_which_part_is_missing(signing: SigningService, draft: Draft) -> None:
    with pytest.raises(SigningError) as err:
        signing.locate(draft.pdf, signer_name="Người Khác", signer_title="Chủ tịch")
    assert err.value.code == "signing.signer_block_not_found"
    pdf, *_ = _official_draft()
    with pytest.raises(SigningError) as err2:
        signing.prepare(b"not a pdf", signer_name="A", signer_title="B")
    assert err2.value.code == "signing.pdf_invalid"
    assert pdf


def test_full_chain_through_the_service_is_valid_for_pyhanko_pdfsig_and_qpdf(
    signing: SigningService, ctx: StoreContext, tmp_path: Path, nss_db: Path | None,
) -> None:
    pdf, *_ = _official_draft()

    prepared = signing.prepare(pdf, signer_name="Nguyễn Văn An", signer_title="Giám đốc")
    assert set(field_names(prepared)) >= {NUMBER_FIELD, DATE_FIELD, LEADER_FIELD, SEAL_FIELD}
    assert signing.token_for(GIAMDOC) == TokenSelector(label=LEADER[0])
    leader = signing.sign_leader(GIAMDOC, prepared, PIN)
    sealed = signing.number_and_seal(VANTHU, leader, number_notation=NUMBER, date_line=DATE, pin=PIN)

    report = signing.verify(sealed)
    assert report.all_valid, report.summary
    assert [s.field_name for s in report.signatures] == [LEADER_FIELD, SEAL_FIELD]
    assert report.signatures[0].signer == LEADER[1] and report.signatures[1].signer == ORG[1]
    assert report.signatures[0].modification_level == "form_filling"

    path = tmp_path / "sealed.pdf"
    path.write_bytes(sealed)
    out = pdfsig_report(path, nss_db)
    assert out.count("Signature Validation: Signature is Valid.") == 2, out
    if nss_db is not None:
        assert out.count("Certificate is Trusted.") == 2, out
    qpdf = subprocess.run([require_tool("qpdf"), "--check", str(path)], capture_output=True, text=True, timeout=60,
                          check=False)
    assert qpdf.returncode == 0 and "No syntax or stream encoding errors found" in qpdf.stdout, qpdf.stdout
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    assert f"Số: {NUMBER}" in text and DATE in text

    with ctx.db.session() as s:
        actions = [(r.actor, r.action) for r in s.execute(select(AuditEventRow).order_by(AuditEventRow.seq)).scalars()]
        details = " ".join(str(r.details) for r in s.execute(select(AuditEventRow)).scalars())
    assert ("giamdoc", "signing.leader_signed") in actions and ("vanthu", "signing.numbered_and_sealed") in actions
    assert PIN not in details  # the PIN is never written anywhere


def test_text_only_draft_through_the_service(signing: SigningService, draft: Draft) -> None:
    prepared = signing.prepare(draft.pdf, signer_name="Nguyễn Văn An", signer_title="Giám đốc")
    box = field_box(prepared, LEADER_FIELD)
    assert box is not None and box[0] == 0
    sealed = signing.number_and_seal(VANTHU, signing.sign_leader(GIAMDOC, prepared, PIN),
                                     number_notation="Số: 46/QĐ-STTTT", date_line=DATE, pin=PIN)
    assert signing.verify(sealed).all_valid


def test_roles_are_checked_and_refusals_audited(signing: SigningService, draft: Draft, ctx: StoreContext) -> None:
    prepared = signing.prepare(draft.pdf, signer_name="Nguyễn Văn An", signer_title="Giám đốc")
    with pytest.raises(PermissionDeniedError):
        signing.sign_leader(VANTHU, prepared, PIN, selector=TokenSelector(label=LEADER[0]))
    with pytest.raises(PermissionDeniedError):
        signing.number_and_seal(GIAMDOC, prepared, number_notation=NUMBER, date_line=DATE, pin=PIN)
    with pytest.raises(PermissionDeniedError):
        signing.sign_digitised_copy(GIAMDOC, draft.pdf, PIN)
    with ctx.db.session() as s:
        denied = [r.action for r in s.execute(select(AuditEventRow)).scalars()]
    assert denied.count("permission.denied") == 3


def test_wrong_pin_says_so_and_names_the_token(signing: SigningService, draft: Draft) -> None:
    prepared = signing.prepare(draft.pdf, signer_name="Nguyễn Văn An", signer_title="Giám đốc")
    with pytest.raises(SigningError) as err:
        signing.sign_leader(GIAMDOC, prepared, "000000")
    assert err.value.code == "token.pin_incorrect"
    assert err.value.params["token"] == LEADER[0]
    assert "000000" not in str(err.value) and "000000" not in repr(err.value.params)
    pytest.importorskip("PySide6")
    from app.ui.messages import describe

    assert LEADER[0] in describe(err.value)
    # the token is not locked by one wrong try: the right PIN still signs
    assert signing.verify(signing.sign_leader(GIAMDOC, prepared, PIN)).all_intact


def test_a_leader_without_a_token_is_told_to_choose_one(signing: SigningService, draft: Draft) -> None:
    other = Actor(user_id=99, username="phogiamdoc", full_name="Lê Minh Tuấn", roles=frozenset({Role.DEPUTY}))
    with pytest.raises(SigningError) as err:
        signing.sign_leader(other, draft.pdf, PIN)
    assert err.value.code == "signing.no_personal_token"


def test_digitised_copy_is_signed_by_the_organisation(signing: SigningService, draft: Draft, tmp_path: Path) -> None:
    signed = signing.sign_digitised_copy(VANTHU, draft.pdf, PIN)

    report = signing.verify(signed)
    assert report.all_valid, report.summary
    assert report.signatures[0].signer == ORG[1]
    path = tmp_path / "copy.pdf"
    path.write_bytes(signed)
    assert pdfsig_report(path).count("Signature Validation: Signature is Valid.") == 1


def test_tokens_and_the_organisation_token_are_listed(signing: SigningService) -> None:
    labels = {t.label for t in signing.tokens()}
    assert {LEADER[0], ORG[0]} <= labels
    assert signing.organisation_token() == TokenSelector(label=ORG[0])
    choices = {c.token.label: c for c in signing.token_choices()}
    cert = choices[LEADER[0]].certificate
    assert cert is not None and cert.common_name == LEADER[1] and not cert.is_ca


def test_demo_root_is_trusted_only_when_configured(ctx: StoreContext, demo_pki: DemoPki,
                                                   signing: SigningService, draft: Draft) -> None:
    signed = signing.sign_digitised_copy(VANTHU, draft.pdf, PIN)
    strict = SigningService(ctx, SigningConfig(pki_dir=demo_pki.dir, trust_demo_root=False))
    try:
        report = strict.verify(signed)
    finally:
        strict.close()
    assert report.all_intact and not report.all_valid
    assert "certificate.untrusted" in report.signatures[0].problems
