"""The intake page driven like a clerk: import generated scans (or scan from the SANE `test` device), review the
thumbnails, get the form pre-filled from the OCR, register, and find the PDF/A in the incoming book."""

from __future__ import annotations

import importlib.util
import io
import subprocess
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import pikepdf
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.enums import Direction, RegistryKind, Urgency
from app.scanner.ocr import available_languages
from app.scanner.sources import ColorMode, OutputMode, PageSize, SaneSource, ScanProfile, SourceKind, sane_config_dir
from app.scanner.synthetic import blank_page, scan_of, text_page
from app.services.bundle import Booted
from app.services.official_pdf import OfficialDocument, render
from app.ui.jobs import Job
from app.ui.pages.intake import IntakePage
from tests.support import missing, require_tool
from tests.ui.test_shell import open_main

LONG = 180_000  # ms; OCR of 300-dpi pages takes seconds each on a slow CI runner
DOC = OfficialDocument(
    parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Thông tin và Truyền thông", doc_type="Quyết định",
    number=45, notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=date(2026, 3, 5),
    summary="Về việc ban hành quy chế quản lý văn bản điện tử",
    body=["Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư."] * 3,
    signer_authority="KT. GIÁM ĐỐC", signer_position="PHÓ GIÁM ĐỐC", signer_name="Nguyễn Văn An",
    recipients=["Như Điều 3;", "Lưu: VT."], urgency=Urgency.URGENT,
)


def _require_ocr() -> None:
    require_tool("tesseract")
    require_tool("pdftoppm")
    if "vie" not in available_languages():
        missing("Tesseract has no 'vie' data (apt install tesseract-ocr-vie)")


def _first_page_300(pdf: bytes, tmp: Path) -> np.ndarray:
    (tmp / "doc.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", str(tmp / "doc.pdf"),
                    str(tmp / "doc")], check=True, timeout=120)
    return np.asarray(cv2.imread(str(tmp / "doc.pgm"), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)


@pytest.fixture
def scans(tmp_path: Path) -> list[Path]:
    """Three scanned sheets as PNG files: the decision's first page (skewed, bordered, noisy), a blank sheet and a
    second text page."""
    _require_ocr()
    sheets = [
        scan_of(_first_page_300(render(DOC).pdf, tmp_path), skew_deg=2.3, border_px=60, noise=6.0, seed=0),
        scan_of(blank_page(), skew_deg=0.5, border_px=50, noise=5.0, seed=2),
        scan_of(text_page(seed=3), skew_deg=-1.2, border_px=50, noise=5.0, seed=3),
    ]
    paths = []
    for i, sheet in enumerate(sheets):
        path = tmp_path / f"scan-{i + 1}.png"
        assert cv2.imwrite(str(path), sheet)
        paths.append(path)
    return paths


def _wait_done(qtbot: QtBot, job: Job | None, timeout: int = LONG) -> None:
    assert job is not None
    running: Job = job
    qtbot.waitUntil(lambda: not running.running, timeout=timeout)


def _intake(qtbot: QtBot, booted: Booted) -> IntakePage:
    window = open_main(qtbot, booted, "vanthu")
    assert window.page_keys[0] == "intake"  # the clerk's first page
    page = window.show_page("intake")
    assert isinstance(page, IntakePage)
    return page


def test_import_review_prefill_and_register(qtbot: QtBot, booted: Booted, language: str, scans: list[Path]) -> None:
    page = _intake(qtbot, booted)
    job = page.import_files(scans)
    assert job is not None
    _wait_done(qtbot, job)
    assert page.strip.count() == 3
    first, blank, last = page.strip.page_keys()
    assert page.strip.is_blank(blank) and not page.strip.is_blank(first) and not page.strip.is_blank(last)
    assert page.strip.included() == [first, last]  # the blank sheet is flagged and left out
    assert not page.strip.list.item(0).icon().isNull()

    # the pre-fill from the OCR of page 1
    qtbot.waitUntil(lambda: page.prefilled is not None, timeout=LONG)
    assert page.number.text() == "45/QĐ-STTTT"
    assert page.issued.date().toPython() == date(2026, 3, 5)
    assert page.doc_type.currentText() == "Quyết định"
    assert page.urgency.currentData() == Urgency.URGENT
    assert page.issuer.text().casefold() == "sở thông tin và truyền thông"
    assert "quy chế quản lý văn bản điện tử" in page.summary.toPlainText()

    # one click keeps the blank page, a second leaves it out again; reorder and turn work on the document
    page.strip.toggle_keep(blank)
    assert page.strip.included() == [first, blank, last]
    page.strip.toggle_keep(blank)
    page.strip.move_page(last, 0)
    assert page.strip.included() == [last, first]
    page.strip.move_page(last, 2)
    page.strip.select([last])
    page.strip.rotate_right.click()
    page.strip.rotate_left.click()
    assert page.strip.rotation(last) == 0

    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_entry is not None or page.message.isVisible(), timeout=LONG)
    assert page.last_entry is not None, page.message.text()
    book = booted.services.registry.book(page.last_entry.book_id)
    assert book.kind is RegistryKind.INCOMING and not book.confidential
    assert page.last_entry.id in {e.id for e in booted.services.registry.entries(book.id)}

    doc = booted.services.documents.get(page.last_entry.document_id)
    assert doc.direction is Direction.INCOMING
    assert doc.page_count == 2
    assert doc.issuer_name.casefold() == "sở thông tin và truyền thông"
    data = booted.services.documents.file_path(doc.files[0].sha256).read_bytes()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
    assert "QUYẾT ĐỊNH" in PdfReader(io.BytesIO(data)).pages[0].extract_text()  # the OCR text layer
    assert page.strip.count() == 0  # ready for the next document

    # the same document again: refused as a duplicate until "Register anyway"
    job = page.import_files(scans[:1])
    assert job is not None
    qtbot.waitUntil(lambda: page.prefilled is not None and page.number.text() != "", timeout=LONG)
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.duplicate_box.isVisible() or page.message.isVisible(), timeout=LONG)
    assert page.duplicate_box.isVisible(), page.message.text()
    page.last_entry = None
    qtbot.mouseClick(page.register_anyway, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_entry is not None or page.message.isVisible(), timeout=LONG)
    assert page.last_entry is not None, page.message.text()


def test_scan_two_pages_from_the_sane_test_device(
    qtbot: QtBot, booted: Booted, language: str, tmp_path: Path
) -> None:
    require_tool("scanimage")
    if importlib.util.find_spec("sane") is None:
        missing("python-sane is not installed (pip install python-sane; needs libsane-dev and gcc)")
    page = _intake(qtbot, booted)
    page.sane = SaneSource(sane_config_dir(tmp_path / "sane"), timeout_s=60)
    page.set_profiles((ScanProfile("Test ADF", SourceKind.ADF, ColorMode.GRAY, 150, PageSize.A4,
                                   OutputMode.BLACK_WHITE),))
    page.max_pages = 2
    page.device_options = {"test_picture": "Grid"}
    _wait_done(qtbot, page.find_devices(), 60_000)
    index = page.device.findData("test:0")
    assert index >= 0, page.status.text()
    page.device.setCurrentIndex(index)
    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    assert page.capture_job is not None
    job = page.capture_job
    _wait_done(qtbot, job)
    assert page.strip.count() == 2, page.status.text()
    assert not page.status.styleSheet()  # no error shown
    assert page.scan_button.isEnabled()


def test_scanner_fault_is_worded_and_pages_kept(qtbot: QtBot, booted: Booted, language: str, tmp_path: Path) -> None:
    require_tool("scanimage")
    if importlib.util.find_spec("sane") is None:
        missing("python-sane is not installed (pip install python-sane; needs libsane-dev and gcc)")
    page = _intake(qtbot, booted)
    page.sane = SaneSource(sane_config_dir(tmp_path / "sane"), timeout_s=60)
    page.set_profiles((ScanProfile("Test ADF", SourceKind.ADF, ColorMode.GRAY, 75, PageSize.A4,
                                   OutputMode.BLACK_WHITE),))
    page.device_options = {"test_picture": "Grid", "read_return_value": "SANE_STATUS_JAMMED"}
    page.device.addItem("test:0", "test:0")
    job = page.scan()
    assert job is not None
    _wait_done(qtbot, job)
    assert job.error is not None and getattr(job.error, "code", "") == "scanner.jammed"
    assert page.status.text() and page.status.styleSheet()  # the worded message, in the error colour
