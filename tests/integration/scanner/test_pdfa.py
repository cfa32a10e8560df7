"""PDF/A-2b with a Vietnamese OCR text layer, end to end on generated scans: official-layout pages rendered, rasterised
at 300 dpi, skewed, noised and bordered, cleaned by the pipeline, read by Tesseract `vie`, written by pdfa.build_pdfa,
then checked with pikepdf (XMP, OutputIntent), `qpdf --check` and pypdf text extraction; metadata pre-filled."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pikepdf
import pytest
from pypdf import PdfReader

from app.domain.enums import Urgency
from app.scanner.errors import ScanError
from app.scanner.ocr import OcrPage, available_languages, recognise
from app.scanner.pdfa import PdfPage, build_pdfa, build_srgb_icc, g4_data, srgb_icc
from app.scanner.pipeline import PipelineSettings, process_page
from app.scanner.prefill import prefill
from app.scanner.sources import OutputMode
from app.scanner.synthetic import scan_of
from app.services.official_pdf import OfficialDocument, render
from tests.support import missing, require_tool

CREATED = datetime(2026, 11, 24, 8, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
BODY = ["Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; theo đề nghị "
        "của Chánh Văn phòng, Ủy ban nhân dân tỉnh Hà Tĩnh quyết định ban hành quy chế quản lý văn bản điện tử."] * 3
DOCS = [
    OfficialDocument(
        parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Thông tin và Truyền thông", doc_type="Quyết định",
        number=45, notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=date(2026, 3, 5),
        summary="Về việc ban hành quy chế quản lý văn bản điện tử", body=BODY, signer_authority="KT. GIÁM ĐỐC",
        signer_position="PHÓ GIÁM ĐỐC", signer_name="Nguyễn Văn An", recipients=["Như Điều 3;", "Lưu: VT."],
        urgency=Urgency.URGENT,
    ),
    OfficialDocument(
        parent_agency=None, issuer_name="Ủy ban nhân dân huyện Cẩm Xuyên", doc_type="Công văn", number=7,
        notation="UBND-VX", normative_year=None, place="Cẩm Xuyên", issued=date(2026, 11, 23),
        summary="V/v triển khai kế hoạch chuyển đổi số năm 2027", body=BODY, signer_authority="TM. ỦY BAN NHÂN DÂN",
        signer_position="CHỦ TỊCH", signer_name="Trần Thị Bình", recipients=["Như trên;", "Lưu: VT."],
        addressees=["Các phòng, ban chuyên môn"],
    ),
]


@dataclass(frozen=True)
class Scanned:
    bw: np.ndarray
    gray: np.ndarray
    ocr: OcrPage


def _require_ocr() -> None:
    require_tool("tesseract")
    require_tool("pdftoppm")
    if "vie" not in available_languages():
        missing("Tesseract has no 'vie' data (apt install tesseract-ocr-vie)")


def _raster(pdf: bytes) -> np.ndarray:
    import cv2

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "in.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile",
                        str(Path(tmp) / "in.pdf"), str(Path(tmp) / "page")], check=True, timeout=120)
        return np.asarray(cv2.imread(str(Path(tmp) / "page.pgm"), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)


@pytest.fixture(scope="module")
def scanned() -> list[Scanned]:
    _require_ocr()
    out = []
    for i, (doc, skew) in enumerate(zip(DOCS, (2.3, -1.7), strict=True)):
        scan = scan_of(_raster(render(doc).pdf), skew_deg=skew, border_px=60, noise=6.0, seed=i)
        page = process_page(scan, PipelineSettings(output=OutputMode.BLACK_WHITE), 300, i)
        assert page.gray is not None
        out.append(Scanned(page.image, page.gray, recognise(page.gray, 300)))
    return out


@pytest.fixture(scope="module")
def pdfa(scanned: list[Scanned]) -> bytes:
    pages = [PdfPage(s.bw, 300, s.ocr) for s in scanned]
    return build_pdfa(pages, title="Quyết định 45/QĐ-STTTT", created=CREATED, author="Sở Thông tin và Truyền thông")


def test_xmp_identifies_pdfa_2b(pdfa: bytes) -> None:
    with pikepdf.open(io.BytesIO(pdfa)) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == "Quyết định 45/QĐ-STTTT"
        assert meta["xmp:CreateDate"].startswith("2026-11-24T08:30:00+07:00")
        assert str(pdf.docinfo["/Title"]) == "Quyết định 45/QĐ-STTTT"  # Info mirrors XMP
        stream = pdf.Root.Metadata
        assert "/Filter" not in stream  # PDF/A: the XMP stays readable without decoding
        assert b"pdfaid" in stream.read_raw_bytes()
        assert len(pdf.trailer.ID) == 2
        assert pdf.pdf_version == "1.7"


def test_output_intent_is_srgb(pdfa: bytes) -> None:
    with pikepdf.open(io.BytesIO(pdfa)) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3
        assert profile.read_bytes()[36:40] == b"acsp"


def test_qpdf_check_is_clean(pdfa: bytes, tmp_path: Path) -> None:
    qpdf = require_tool("qpdf")
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdfa)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_text_layer_extracts_vietnamese(pdfa: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdfa))
    first = reader.pages[0].extract_text()
    second = reader.pages[1].extract_text()
    for words in ("Quyết định", "Hà Tĩnh", "Số: 45/QĐ-STTTT", "quản lý văn bản điện tử", "Chính phủ"):
        assert words in first or words.upper() in first, words
    for words in ("Cẩm Xuyên", "chuyển đổi số", "Kính gửi"):
        assert words in second, words


def test_pages_are_g4_at_paper_size_and_small(pdfa: bytes, scanned: list[Scanned]) -> None:
    with pikepdf.open(io.BytesIO(pdfa)) as pdf:
        assert len(pdf.pages) == 2
        for page, scan in zip(pdf.pages, scanned, strict=True):
            h, w = scan.bw.shape
            box = [float(v) for v in page.MediaBox]
            assert box[2] == pytest.approx(w * 72 / 300, abs=0.01)
            assert box[3] == pytest.approx(h * 72 / 300, abs=0.01)
            image = page.Resources.XObject.Im0
            assert image.Filter == pikepdf.Name.CCITTFaxDecode
            assert int(image.BitsPerComponent) == 1
            assert "/Interpolate" not in image
            font = page.Resources.Font.F1
            assert font.Subtype == pikepdf.Name.Type0 and "/ToUnicode" in font
            assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor
    assert len(pdfa) / 2 < 100_000  # an A4 300-dpi black-and-white page with its text layer


def test_g4_page_renders_like_the_image(pdfa: bytes, scanned: list[Scanned], tmp_path: Path) -> None:
    """The CCITT polarity is right: the rendered page has as much ink as the stored image (not its negative)."""
    import cv2

    require_tool("pdftoppm")
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdfa)
    subprocess.run(["pdftoppm", "-r", "75", "-gray", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(tmp_path / "r")], check=True, timeout=60)
    rendered = np.asarray(cv2.imread(str(tmp_path / "r.pgm"), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)
    ink_rendered = float((rendered < 128).mean())
    ink_image = float((scanned[0].bw < 128).mean())
    assert ink_image < 0.2
    assert abs(ink_rendered - ink_image) < 0.03


def test_grey_and_colour_pages_are_jpeg(scanned: list[Scanned]) -> None:
    gray = scanned[0].gray
    colour = np.dstack([gray, gray, np.full_like(gray, 200)])
    data = build_pdfa([PdfPage(gray, 300, scanned[0].ocr), PdfPage(colour[::2, ::2].copy(), 150)], title="Ảnh màu",
                      created=CREATED)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        first, second = (p.Resources.XObject.Im0 for p in pdf.pages)
        assert first.Filter == pikepdf.Name.DCTDecode and first.ColorSpace == pikepdf.Name.DeviceGray
        assert second.Filter == pikepdf.Name.DCTDecode and second.ColorSpace == pikepdf.Name.DeviceRGB
        w = colour[::2, ::2].shape[1]
        assert float(pdf.pages[1].MediaBox[2]) == pytest.approx(w * 72 / 150, abs=0.01)
        assert "/Font" not in pdf.pages[1].Resources or "/F1" in pdf.pages[1].Resources.Font
    assert "QUYẾT ĐỊNH" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_passes_pikepdf_pdfa_validator_when_installed(pdfa: bytes, tmp_path: Path) -> None:
    """pikepdf's allowlist validator (veraPDF's rules) needs the `pikepdf[pdfa]` extra; veraPDF itself is not
    packaged for Debian 12."""
    try:
        import pikepdf.pdfa as validator
    except ImportError:
        missing("pikepdf[pdfa] (jsonschema, referencing) not installed")
        return
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdfa)
    report = validator.validate_written(path, "2b")
    assert report.passed, [str(f) for f in report.findings]


def test_prefill_on_scanned_pages(scanned: list[Scanned]) -> None:
    decision = prefill(scanned[0].ocr)
    assert decision.number_notation.value == "45/QĐ-STTTT"
    assert decision.issued.value == date(2026, 3, 5)
    assert decision.doc_type.value == "Quyết định"
    assert decision.urgency.value is Urgency.URGENT
    assert decision.issuer.value is not None and decision.issuer.value.casefold() == "sở thông tin và truyền thông"
    assert decision.summary.value == "Về việc ban hành quy chế quản lý văn bản điện tử"
    letter = prefill([scanned[1].ocr])
    assert letter.number_notation.value == "07/UBND-VX"
    assert letter.issued.value == date(2026, 11, 23)
    assert letter.doc_type.value == "Công văn"
    assert letter.summary.value == "V/v triển khai kế hoạch chuyển đổi số năm 2027"
    assert letter.urgency.value is Urgency.NORMAL


def test_missing_language_data_is_reported(scanned: list[Scanned]) -> None:
    with pytest.raises(ScanError) as caught:
        recognise(scanned[0].gray[:400, :400].copy(), 300, lang="vie+zzz")
    assert caught.value.code == "ocr.language_missing"
    assert caught.value.params["lang"] == "zzz"


def test_missing_tesseract_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", os.devnull)
    with pytest.raises(ScanError) as caught:
        recognise(np.full((100, 100), 255, dtype=np.uint8), 300)
    assert caught.value.code == "ocr.tool_missing"


def test_ocr_timeout_is_reported(scanned: list[Scanned]) -> None:
    with pytest.raises(ScanError) as caught:
        recognise(scanned[0].gray, 300, timeout=0.05, page=3)
    assert caught.value.code == "ocr.timeout"
    assert caught.value.params["page"] == 3


def test_no_pages_is_refused() -> None:
    with pytest.raises(ScanError) as caught:
        build_pdfa([], title="x")
    assert caught.value.code == "pdfa.no_pages"


def test_shipped_icc_profile_is_the_built_one() -> None:
    from PIL import ImageCms

    assert srgb_icc() == build_srgb_icc()
    profile = ImageCms.ImageCmsProfile(io.BytesIO(build_srgb_icc()))
    assert ImageCms.getProfileDescription(profile).strip() == "sRGB IEC61966-2.1"
    assert build_srgb_icc()[8] == 2  # ICC v2: what PDF/A-2 validators accept


def test_g4_data_is_one_strip() -> None:
    image = np.full((3508, 2480), 255, dtype=np.uint8)
    image[1000:1100, 300:2000] = 0
    data = g4_data(image)
    assert 0 < len(data) < 5_000
