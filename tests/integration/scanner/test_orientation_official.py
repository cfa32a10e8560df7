"""An upright official-layout page is never turned over: a wrong turn reverses every OCR line."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.scanner.pipeline import process_page
from app.scanner.synthetic import scan_of
from app.services.official_pdf import OfficialDocument, render
from tests.support import require_tool

DOC = OfficialDocument(
    parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Thông tin và Truyền thông", doc_type="Quyết định", number=45,
    notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=date(2026, 3, 5),
    summary="Về việc ban hành quy chế quản lý văn bản điện tử",
    body=["Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư."] * 4,
    signer_authority="KT. GIÁM ĐỐC", signer_position="PHÓ GIÁM ĐỐC", signer_name="Lê Minh Tuấn",
    recipients=["Như trên;", "Lưu: VT."],
)


@pytest.mark.parametrize(("skew", "seed"), [(1.8, 1), (2.3, 1), (2.3, 0), (-1.5, 4)])
def test_an_upright_official_page_stays_upright(tmp_path: Path, skew: float, seed: int) -> None:
    require_tool("pdftoppm")
    (tmp_path / "d.pdf").write_bytes(render(DOC).pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", str(tmp_path / "d.pdf"),
                    str(tmp_path / "d")], check=True, timeout=120)
    page = np.asarray(cv2.imread(str(tmp_path / "d.pgm"), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)
    result = process_page(scan_of(page, skew_deg=skew, border_px=50, noise=5.0, seed=seed))
    assert result.rotation == 0
