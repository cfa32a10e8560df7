"""The intake page driven like a clerk: import generated scans (or scan from the SANE `test` device), review the
thumbnails, split a batch into documents, rescan or insert pages, get the form pre-filled from the OCR, sign with the
agency's token (the PIN dialog answered like a clerk would) and register; find the signed PDF/A in the incoming book.
Scan profiles edited in the dialog survive a new page (a restart)."""

from __future__ import annotations

import importlib.util
import io
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import cv2
import numpy as np
import pikepdf
import pytest
from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.enums import Direction, RegistryKind, Urgency
from app.scanner.ocr import available_languages
from app.scanner.profiles import DEFAULT_PROFILES, ProfileStore
from app.scanner.sources import ColorMode, OutputMode, PageSize, SaneSource, ScanProfile, SourceKind, sane_config_dir
from app.scanner.split import SplitMode, SplitRule
from app.scanner.synthetic import blank_page, scan_of, text_page
from app.services.bundle import Booted
from app.services.official_pdf import OfficialDocument, render
from app.services.signing.pki import DEMO_USER_PIN
from app.services.signing.sign import TOP_RIGHT_FIELD
from app.ui.dialogs.pin import PinDialog, forget_session_pins
from app.ui.dialogs.scan_profiles import ScanProfilesDialog
from app.ui.jobs import Job
from app.ui.pages.intake import IntakePage
from tests.support import missing, require_tool
from tests.ui.signing_support import require_demo_tokens, sealed_pdf
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


class _Pins(list[str]):
    """PINs to type, in order; `asked` counts the dialogs that opened (one with no PIN left is cancelled)."""

    asked = 0


@pytest.fixture
def pins(booted: Booted) -> Iterator[_Pins]:
    """Type the next PIN of this list into each PIN dialog as it opens (the real, modal dialog)."""
    require_demo_tokens(booted)
    queue = _Pins()
    timer = QTimer()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PinDialog) and dialog.isVisible():
            queue.asked += 1
            if not queue:
                dialog.reject()
                return
            dialog.pin.setText(queue.pop(0))
            dialog.buttons.accepted.emit()

    timer.timeout.connect(poll)
    timer.start(20)
    yield queue
    timer.stop()
    forget_session_pins(booted.services.signing)
    booted.services.signing.close()


def _signed_by_the_agency(booted: Booted, data: bytes) -> None:
    """One intact, trusted organisation signature (the digitised-copy field) over the whole file, per pyHanko."""
    roots, _ = booted.services.signing.trust_roots()
    reader = PdfFileReader(io.BytesIO(data))
    signatures = reader.embedded_signatures
    assert [s.field_name for s in signatures] == [TOP_RIGHT_FIELD]
    trust = [c for root in roots for c in load_certs_from_pemder_data(root)]
    status = validate_pdf_signature(signatures[0], ValidationContext(trust_roots=trust))
    assert status.intact and status.valid and status.coverage.name == "ENTIRE_FILE", status.pretty_print_details()
    subject = status.signing_cert.subject.native
    assert subject.get("common_name") == booted.services.signing.certificates(
        booted.services.signing.organisation_token())[0].common_name  # type: ignore[arg-type]


def _file(booted: Booted, document_id: str) -> bytes:
    doc = booted.services.documents.get(document_id)
    return booted.services.documents.file_path(doc.files[0].sha256).read_bytes()


def _register(qtbot: QtBot, page: IntakePage) -> None:
    page.last_entry = None
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_entry is not None or (page.message.isVisible() and
                    page.register_button.isEnabled()), timeout=LONG)
    assert page.last_entry is not None, page.message.text()


def test_import_review_prefill_and_register(qtbot: QtBot, booted: Booted, language: str, scans: list[Path],
                                           pins: _Pins) -> None:
    page = _intake(qtbot, booted)
    pins.append(DEMO_USER_PIN)
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
    _signed_by_the_agency(booted, data)  # signed before it was registered, with the agency's token
    signed = scans[0].parent / "registered.pdf"
    signed.write_bytes(data)
    check = subprocess.run([require_tool("qpdf"), "--check", str(signed)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
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
    pins.append(DEMO_USER_PIN)
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.duplicate_box.isVisible() or page.message.isVisible(), timeout=LONG)
    assert page.duplicate_box.isVisible(), page.message.text()
    assert pins == []
    page.last_entry = None
    pins.append(DEMO_USER_PIN)  # not used: "Register anyway" registers the bytes already signed, asks no PIN
    qtbot.mouseClick(page.register_anyway, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_entry is not None or page.message.isVisible(), timeout=LONG)
    assert page.last_entry is not None, page.message.text()
    assert pins == [DEMO_USER_PIN] and pins.asked == 2
    _signed_by_the_agency(booted, _file(booted, page.last_entry.document_id))


def test_scan_two_pages_from_the_sane_test_device_sign_and_register(
    qtbot: QtBot, booted: Booted, language: str, tmp_path: Path, pins: _Pins
) -> None:
    """The whole intake from the SANE test device: scan, review, the clerk's form, the agency's digitised-copy
    signature, the incoming book."""
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

    qtbot.waitUntil(lambda: page.prefilled is not None, timeout=LONG)  # a test grid: nothing to read, typed by hand
    page.issuer.setText("Sở Tài chính tỉnh Hà Tĩnh")
    page.number.setText("77/STC-NS")
    page.summary.setPlainText("V/v đề nghị báo cáo tình hình ứng dụng chữ ký số")
    pins.append(DEMO_USER_PIN)
    _register(qtbot, page)
    assert page.last_entry is not None and pins.asked == 1
    doc = booted.services.documents.get(page.last_entry.document_id)
    assert (doc.direction, doc.page_count, doc.notation) == (Direction.INCOMING, 2, "STC-NS")
    _signed_by_the_agency(booted, _file(booted, doc.id))
    assert page.strip.count() == 0


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


# ---- splitting one batch into documents ---------------------------------------------------------------------------


def _pages_as_files(tmp_path: Path, sheets: list[np.ndarray], prefix: str = "p") -> list[Path]:
    paths = []
    for i, sheet in enumerate(sheets):
        path = tmp_path / f"{prefix}-{i + 1}.png"
        assert cv2.imwrite(str(path), sheet)
        paths.append(path)
    return paths


def _qr_sheet(text: str) -> np.ndarray:
    code = cv2.QRCodeEncoder.create().encode(text)
    code = cv2.resize(code, None, fx=16, fy=16, interpolation=cv2.INTER_NEAREST)
    sheet = blank_page()
    sheet[300:300 + code.shape[0], 300:300 + code.shape[1]] = code
    return sheet


def _imported(qtbot: QtBot, page: IntakePage, paths: list[Path], **kwargs: object) -> None:
    job = page.import_files(paths, **kwargs)  # type: ignore[arg-type]
    _wait_done(qtbot, job)
    assert job is not None and job.error is None, page.status.text()


def test_a_batch_split_at_blank_sheets_is_registered_one_document_after_another(
    qtbot: QtBot, booted: Booted, language: str, tmp_path: Path, pins: _Pins
) -> None:
    _require_ocr()
    second = OfficialDocument(
        parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Nội vụ", doc_type="Công văn", number=118,
        notation="SNV-VP", normative_year=None, place="Hà Tĩnh", issued=date(2026, 11, 2),
        summary="V/v báo cáo công tác văn thư lưu trữ năm 2026", body=["Sở Nội vụ đề nghị các cơ quan báo cáo."] * 3,
        signer_authority="KT. GIÁM ĐỐC", signer_position="PHÓ GIÁM ĐỐC", signer_name="Trần Thị Bình",
        recipients=["Như trên;", "Lưu: VT."],
    )
    sheets = [
        scan_of(_first_page_300(render(DOC).pdf, tmp_path), skew_deg=1.0, border_px=40, noise=4.0, seed=1),
        scan_of(blank_page(), skew_deg=0.3, border_px=40, noise=4.0, seed=2),  # the separator sheet
        scan_of(_first_page_300(render(second).pdf, tmp_path), skew_deg=-0.8, border_px=40, noise=4.0, seed=3),
        scan_of(text_page(seed=4), skew_deg=0.5, border_px=40, noise=4.0, seed=4),
    ]
    page = _intake(qtbot, booted)
    page.strip.set_rule(SplitRule(SplitMode.BLANK_SHEET))
    _imported(qtbot, page, _pages_as_files(tmp_path, sheets))
    keys = page.strip.page_keys()
    assert page.strip.documents() == [[keys[0]], [keys[2], keys[3]]]
    assert page.strip.separators() == [keys[1]]
    labels = [page.strip.list.item(i).text() for i in range(4)]
    assert labels[0].endswith("\n1") and labels[2].endswith("\n3") and "2" in labels[2]  # "Document 2" over page 3
    assert "\n" not in labels[1] and labels[1] != "2" and labels[3] == "4"  # the separator is labelled as such
    assert page.position.isVisible() and "1" in page.position.text() and "2" in page.position.text()

    qtbot.waitUntil(lambda: page.prefilled is not None and page.number.text() == "45/QĐ-STTTT", timeout=LONG)
    pins.append(DEMO_USER_PIN)
    _register(qtbot, page)
    first = page.last_entry
    assert first is not None and booted.services.documents.get(first.document_id).page_count == 1
    assert page.strip.page_keys() == [keys[2], keys[3]]  # document 1 and its separator sheet are gone
    assert page.position.isVisible() and page.position.text().count("2") >= 2  # "document 2 of 2"

    qtbot.waitUntil(lambda: page.prefilled is not None and page.number.text() == "118/SNV-VP", timeout=LONG)
    assert page.issuer.text().casefold() == "sở nội vụ"
    pins.append(DEMO_USER_PIN)
    _register(qtbot, page)
    assert page.last_entry is not None and page.last_entry.number == first.number + 1
    assert booted.services.documents.get(page.last_entry.document_id).page_count == 2
    assert page.strip.count() == 0 and not page.position.isVisible()
    for entry in (first, page.last_entry):
        _signed_by_the_agency(booted, _file(booted, entry.document_id))


def test_split_every_n_pages_and_by_hand(qtbot: QtBot, booted: Booted, language: str, tmp_path: Path) -> None:
    page = _intake(qtbot, booted)
    page.read_header = lambda: None  # type: ignore[method-assign]  # no OCR needed to split
    sheets = [scan_of(text_page(seed=i), skew_deg=0.4, border_px=30, noise=3.0, seed=i) for i in range(5)]
    sheets.insert(2, scan_of(blank_page(), skew_deg=0.0, border_px=30, noise=3.0, seed=9))  # a blank back side
    _imported(qtbot, page, _pages_as_files(tmp_path, sheets))
    a, b, blank, c, d, e = page.strip.page_keys()
    assert page.strip.documents() == [[a, b, c, d, e]] and not page.position.isVisible()

    page.strip.split_mode.setCurrentIndex(page.strip.split_mode.findData(SplitMode.EVERY_N.value))
    page.strip.split_every.setValue(2)
    assert page.strip.split_every.isVisible()
    assert page.strip.documents() == [[a, b], [c, d], [e]]  # the blank page counts for nothing
    assert "3" in page.position.text()
    page.strip.split_every.setValue(3)
    assert page.strip.documents() == [[a, b, c], [d, e]]

    # by hand: back to one document, then "New document here" on page d
    page.strip.split_mode.setCurrentIndex(page.strip.split_mode.findData(SplitMode.NONE.value))
    page.strip.select([d])
    qtbot.mouseClick(page.strip.split_here, Qt.MouseButton.LeftButton)
    assert page.strip.documents() == [[a, b, c], [d, e]] and page.strip.starts_document(d)
    assert page.strip.split_here.isChecked()
    assert page.strip.current_document() == [a, b, c] and page.form().page_count == 3
    page.strip.select([d])
    qtbot.mouseClick(page.strip.delete, Qt.MouseButton.LeftButton)  # the document still starts where it did
    assert page.strip.documents() == [[a, b, c], [e]]
    page.strip.select([e])
    qtbot.mouseClick(page.strip.split_here, Qt.MouseButton.LeftButton)  # pressed again: joined back
    assert page.strip.documents() == [[a, b, c, e]]
    # reorder by keyboard and a kept blank page join the document too
    page.strip.select([e])
    page.strip.move_selected(-1)
    page.strip.toggle_keep(blank)
    assert page.strip.documents() == [[a, b, blank, e, c]]


def test_split_at_qr_separator_sheets(qtbot: QtBot, booted: Booted, language: str, tmp_path: Path) -> None:
    page = _intake(qtbot, booted)
    page.read_header = lambda: None  # type: ignore[method-assign]
    sheets = [text_page(seed=1), _qr_sheet("VANTHU-TACH"), text_page(seed=2), text_page(seed=3)]
    _imported(qtbot, page, _pages_as_files(tmp_path, sheets))
    first, separator, second, third = page.strip.page_keys()
    assert page.strip.documents() == [[first, separator, second, third]]
    page.strip.split_mode.setCurrentIndex(page.strip.split_mode.findData(SplitMode.BARCODE.value))
    assert page.codes_job is not None
    _wait_done(qtbot, page.codes_job)
    assert page.pages[separator].codes == ("VANTHU-TACH",)
    assert page.strip.documents() == [[first], [second, third]] and page.strip.separators() == [separator]
    assert page.strip.list.item(1).text() != "2" and page.strip.list.item(1).toolTip()  # labelled a separator


# ---- rescan one page, insert pages --------------------------------------------------------------------------------


def _sane_page(qtbot: QtBot, booted: Booted, tmp_path: Path) -> IntakePage:
    require_tool("scanimage")
    if importlib.util.find_spec("sane") is None:
        missing("python-sane is not installed (pip install python-sane; needs libsane-dev and gcc)")
    page = _intake(qtbot, booted)
    page.read_header = lambda: None  # type: ignore[method-assign]
    page.sane = SaneSource(sane_config_dir(tmp_path / "sane"), timeout_s=60)
    page.set_profiles((ScanProfile("Test ADF", SourceKind.ADF, ColorMode.GRAY, 75, PageSize.A4,
                                   OutputMode.BLACK_WHITE),))
    page.device_options = {"test_picture": "Grid"}
    page.device.addItem("test:0", "test:0")
    return page


def test_rescan_one_page_and_insert_pages_from_the_sane_test_device(
    qtbot: QtBot, booted: Booted, language: str, tmp_path: Path
) -> None:
    page = _sane_page(qtbot, booted, tmp_path)
    page.max_pages = 2
    _wait_done(qtbot, page.scan())
    first, second = page.strip.page_keys()
    page.strip.select([first])
    page.strip.rotate_right.click()
    page.strip.set_break(second)

    # rescan the selected page: one sheet from the same scanner takes its place
    page.strip.select([second])
    assert page.strip.rescan.isEnabled()
    qtbot.mouseClick(page.strip.rescan, Qt.MouseButton.LeftButton)
    assert page.capture_job is not None and page.capture_job.name == "intake-rescan"
    _wait_done(qtbot, page.capture_job)
    keys = page.strip.page_keys()
    assert len(keys) == 2 and keys[0] == first and keys[1] != second
    assert second not in page.pages and keys[1] in page.pages
    assert page.strip.starts_document(keys[1])  # the rescanned page keeps its place in the split
    assert page.strip.rotation(first) == 90

    # insert more pages after page 1, from the scanner
    page.max_pages = 2
    page.strip.select([first])
    page.strip.insert_scan.trigger()
    assert page.capture_job is not None
    _wait_done(qtbot, page.capture_job)
    after = page.strip.page_keys()
    assert len(after) == 4 and after[0] == first and after[3] == keys[1]
    assert {after[1], after[2]}.isdisjoint(keys)
    assert not page.status.styleSheet(), page.status.text()


def test_insert_imported_pages_after_the_selected_page(
    qtbot: QtBot, booted: Booted, language: str, tmp_path: Path
) -> None:
    page = _intake(qtbot, booted)
    page.read_header = lambda: None  # type: ignore[method-assign]
    files = _pages_as_files(tmp_path, [text_page(seed=i) for i in range(3)])
    _imported(qtbot, page, files[:2])
    a, b = page.strip.page_keys()
    _imported(qtbot, page, files[2:], insert_after=a)
    assert page.strip.page_keys()[0] == a and page.strip.page_keys()[2] == b and page.strip.count() == 3


# ---- scan profiles ------------------------------------------------------------------------------------------------


def test_profiles_edited_in_the_dialog_survive_a_new_page(
    qtbot: QtBot, booted: Booted, language: str
) -> None:
    page = _intake(qtbot, booted)
    assert [p.name for p in page.profiles] == [p.name for p in DEFAULT_PROFILES]

    dialog = ScanProfilesDialog(page.profiles, page.current_profile().name, page)
    qtbot.addWidget(dialog)
    dialog.add_profile()
    dialog.name.setText("Phiếu A5 xám 200 dpi")
    dialog.name.textEdited.emit(dialog.name.text())
    dialog.source.setCurrentIndex(dialog.source.findData(SourceKind.ADF_DUPLEX.value))
    dialog.dpi.setCurrentIndex(dialog.dpi.findData(200))
    dialog.page_size.setCurrentIndex(dialog.page_size.findData(PageSize.A5.value))
    dialog.output.setCurrentIndex(dialog.output.findData(OutputMode.GRAY.value))
    # a duplicate name is refused with a clear message
    dialog.list.setCurrentRow(1)
    dialog.name.setText("văn bản đen trắng 300 dpi")
    dialog.name.textEdited.emit(dialog.name.text())
    dialog.buttons.accepted.emit()
    assert dialog.message.isVisibleTo(dialog) and dialog.result() != ScanProfilesDialog.DialogCode.Accepted
    assert "văn bản đen trắng 300 dpi" in dialog.message.text()
    dialog.name.setText("Ảnh màu 600 dpi")  # renamed
    dialog.name.textEdited.emit(dialog.name.text())
    dialog.dpi.setCurrentIndex(dialog.dpi.findData(600))
    dialog.list.setCurrentRow(0)
    dialog.delete_profile()  # the black-and-white default goes
    dialog.list.setCurrentRow(1)
    dialog.buttons.accepted.emit()
    assert dialog.result() == ScanProfilesDialog.DialogCode.Accepted
    page.set_profiles(dialog.profiles(), save=True)
    page.choose_profile(dialog.chosen() or "")

    expected = [
        ScanProfile("Ảnh màu 600 dpi", SourceKind.FLATBED, ColorMode.COLOR, 600, PageSize.A4, OutputMode.COLOR),
        ScanProfile("Phiếu A5 xám 200 dpi", SourceKind.ADF_DUPLEX, ColorMode.GRAY, 200, PageSize.A5,
                    OutputMode.GRAY),
    ]
    assert list(page.profiles) == expected
    assert page.current_profile().name == "Phiếu A5 xám 200 dpi"

    again = IntakePage(page._env)  # a restart: a fresh page reads the data dir
    qtbot.addWidget(again)
    assert list(again.profiles) == expected
    assert again.current_profile().name == "Phiếu A5 xám 200 dpi"  # the last one used is remembered
    again.choose_profile("Ảnh màu 600 dpi")
    assert ProfileStore.in_data_dir(booted.settings.data_dir).last_used("vanthu") == "Ảnh màu 600 dpi"


def test_a_signed_pdf_is_registered_byte_for_byte_without_a_pin(
    qtbot: QtBot, booted: Booted, language: str, tmp_path: Path, pins: _Pins
) -> None:
    require_tool("pdftoppm")
    page = _intake(qtbot, booted)
    page.read_header = lambda: None  # type: ignore[method-assign]  # the clerk types the fields here
    received = tmp_path / "45-QD-STTTT.pdf"
    received.write_bytes(sealed_pdf(booted))
    _imported(qtbot, page, [received])
    assert page.register_button.text() != page.tr("Sign and register") and not page.sign_note.isVisibleTo(page)
    page.issuer.setText("Sở Thông tin và Truyền thông")
    page.number.setText("45/QĐ-STTTT")
    page.summary.setPlainText("Về việc thử nghiệm ký số")
    _register(qtbot, page)
    assert pins.asked == 0  # already signed: kept as it is, never signed again
    assert page.last_entry is not None
    assert _file(booted, page.last_entry.document_id) == received.read_bytes()
