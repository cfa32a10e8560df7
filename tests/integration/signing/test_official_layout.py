"""The chain on a draft drawn by the official layout renderer, with the boxes it reports (how the app uses it)."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

from app.domain.clock import VN_TZ
from app.services.official_pdf import OfficialDocument, render
from app.services.signing.pki import DemoPki
from app.services.signing.sign import SigningLayout, TokenKey, sign_leader, sign_seal, stamp_number_and_date
from app.services.signing.verify import verify_pdf
from tests.integration.signing.conftest import PIN
from tests.support import require_tool


def test_official_draft_signed_numbered_and_sealed_validates(
    leader_key: TokenKey, org_key: TokenKey, signature_image: bytes, demo_pki: DemoPki, tmp_path: Path,
) -> None:
    rendered = render(OfficialDocument(
        parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Thông tin và Truyền thông", doc_type="Quyết định",
        number=None, notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=None,
        summary="Về việc ban hành quy chế sử dụng chữ ký số", body=["Điều 1. Ban hành kèm theo Quyết định này."],
        signer_authority="", signer_position="Giám đốc", signer_name="Nguyễn Văn An",
        recipients=["Như Điều 3;", "Lưu: VT."], year=2026,
    ))
    layout = SigningLayout(rendered.number_box, rendered.date_box, rendered.signer_box)
    when = datetime(2026, 11, 25, 10, 0, tzinfo=VN_TZ)

    signed = sign_leader(rendered.pdf, leader_key, PIN, rendered.signer_box, signature_image, layout=layout,
                         caption="", clock=lambda: when)
    numbered = stamp_number_and_date(signed, "Số: 45/QĐ-STTTT", "Hà Tĩnh, ngày 25 tháng 11 năm 2026")
    sealed = sign_seal(numbered, org_key, PIN, rendered.signer_box, clock=lambda: when)

    report = verify_pdf(sealed, [demo_pki.root_certificate()], at=datetime.combine(date(2026, 11, 26),
                                                                                    datetime.min.time(), VN_TZ))
    assert report.all_valid, report.summary
    assert report.signatures[0].modification_level == "form_filling"
    path = tmp_path / "official.pdf"
    path.write_bytes(sealed)
    text = subprocess.run([require_tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    assert "Số: 45/QĐ-STTTT" in text and "Hà Tĩnh, ngày 25 tháng 11 năm 2026" in text
