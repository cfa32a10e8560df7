"""Orientation detection on generated pages turned by a known quarter (0/90/180/270): the cheap image heuristic is
right and sure on ordinary pages, unsure (so Tesseract OSD is asked) on a page with little text, and silent on a
blank page, which must never cost an OSD call."""

from __future__ import annotations

import subprocess
from datetime import date

import cv2
import numpy as np
import pytest

from app.domain.enums import Urgency
from app.scanner import pipeline
from app.scanner.pipeline import (
    TURN_MIN_CONFIDENCE,
    Orientation,
    PipelineSettings,
    detect_orientation,
    ink_mask,
    process_page,
    turn,
)
from app.scanner.synthetic import blank_page, font_path, scan_of, text_page
from app.services.official_pdf import OfficialDocument, render
from tests.support import require_tool

QUARTERS = [0, 90, 180, 270]


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    assert font_path() is not None, "fontconfig should find Noto Serif (fonts-noto-core)"
    return text_page(seed=11)


@pytest.fixture(scope="module")
def little_text() -> np.ndarray:
    """The national heading and about two lines of body text; the rest of the sheet is empty."""
    sheet = text_page(seed=12)
    sheet[int(sheet.shape[0] * 0.16):] = 242
    return sheet


def _no_osd(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def fake(gray: np.ndarray, dpi: int) -> tuple[int, float] | None:
        calls.append(dpi)
        return None

    monkeypatch.setattr(pipeline, "tesseract_orientation", fake)
    return calls


@pytest.mark.parametrize("turned", QUARTERS)
def test_heuristic_turns_a_text_page_upright_and_is_sure(page: np.ndarray, turned: int) -> None:
    small = np.asarray(page[::2, ::2])  # ~150 dpi, like the pipeline's orientation copy
    found, confidence = detect_orientation(ink_mask(turn(small, turned)))
    assert (found + turned) % 360 == 0
    assert confidence >= TURN_MIN_CONFIDENCE


@pytest.mark.parametrize("turned", QUARTERS)
def test_auto_needs_no_tesseract_for_an_ordinary_scan(page: np.ndarray, turned: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_osd(monkeypatch)
    scanned = scan_of(page, skew_deg=-2.4, rotation=turned, border_px=50, noise=6, seed=turned)
    result = process_page(scanned, PipelineSettings(orientation=Orientation.AUTO))
    assert (result.rotation + turned) % 360 == 0
    assert result.orientation_method == "heuristic"
    assert calls == []
    assert result.image.shape[0] > result.image.shape[1]  # portrait again


@pytest.mark.parametrize("turned", QUARTERS)
def test_a_page_with_little_text_is_guessed_right_but_handed_to_osd_when_a_turn_is_needed(
        little_text: np.ndarray, turned: int, monkeypatch: pytest.MonkeyPatch) -> None:
    scanned = scan_of(little_text, skew_deg=1.5, rotation=turned, border_px=40, noise=6, seed=turned)
    heuristic = process_page(scanned, PipelineSettings(orientation=Orientation.HEURISTIC))
    assert (heuristic.rotation + turned) % 360 == 0
    assert heuristic.orientation_confidence < TURN_MIN_CONFIDENCE  # few lines: not sure enough to turn on its own

    calls = _no_osd(monkeypatch)
    auto = process_page(scanned, PipelineSettings(orientation=Orientation.AUTO))
    if turned:
        assert calls == [150]  # OSD is asked, on a 150-dpi copy
    else:
        assert calls == [] and auto.rotation == 0  # "upright" needs less certainty than a turn


def test_osd_answer_is_used_for_an_unsure_page(little_text: np.ndarray, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "tesseract_orientation", lambda gray, dpi: (90, 0.8))
    scanned = scan_of(little_text, rotation=270, border_px=40, noise=6, seed=3)
    result = process_page(scanned, PipelineSettings(orientation=Orientation.AUTO))
    assert (result.rotation, result.orientation_method) == (90, "tesseract")


@pytest.mark.parametrize("turned", [0, 90])
def test_a_blank_page_costs_no_osd_call(turned: int, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_osd(monkeypatch)
    scanned = scan_of(blank_page(), skew_deg=0.7, rotation=turned, border_px=40, noise=6, seed=turned)
    result = process_page(scanned, PipelineSettings(orientation=Orientation.AUTO))
    assert result.is_blank
    assert result.rotation == 0 and calls == []


@pytest.fixture(scope="module")
def official(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """A one-page decision in the official layout (two-column heading, centred title, justified body with
    first-line indents, signature block on the right): far fewer lines than a full text page."""
    exe = require_tool("pdftoppm")
    doc = OfficialDocument(
        parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Thông tin và Truyền thông", doc_type="Quyết định",
        number=45, notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=date(2026, 3, 5),
        summary="Về việc ban hành quy chế quản lý văn bản điện tử",
        body=["Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư."] * 3,
        signer_authority="KT. GIÁM ĐỐC", signer_position="PHÓ GIÁM ĐỐC", signer_name="Nguyễn Văn An",
        recipients=["Như Điều 3;", "Lưu: VT."], urgency=Urgency.URGENT,
    )
    tmp = tmp_path_factory.mktemp("official")
    (tmp / "doc.pdf").write_bytes(render(doc).pdf)
    subprocess.run([exe, "-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", str(tmp / "doc.pdf"),
                    str(tmp / "doc")], check=True, timeout=120)
    return np.asarray(cv2.imread(str(tmp / "doc.pgm"), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)


@pytest.mark.parametrize("turned", QUARTERS)
def test_an_official_layout_page_is_turned_without_tesseract(official: np.ndarray, turned: int,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _no_osd(monkeypatch)
    scanned = scan_of(official, skew_deg=-1.1, rotation=turned, border_px=40, noise=5, seed=turned)
    result = process_page(scanned, PipelineSettings(orientation=Orientation.AUTO))
    assert (result.rotation + turned) % 360 == 0
    assert result.orientation_method == "heuristic" and calls == []


def test_an_empty_mask_has_no_opinion() -> None:
    assert detect_orientation(np.zeros((200, 150), dtype=bool)) == (0, 0.0)
