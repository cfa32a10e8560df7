"""The cleanup pipeline on synthetic scans whose truth is known (skew, turn, border, blank, separators)."""

from __future__ import annotations

import io
import threading

import cv2
import numpy as np
import pytest
from PIL import Image as PILImage

from app.scanner.pipeline import (
    Orientation,
    PipelineSettings,
    SplitMode,
    SplitRule,
    blank_score,
    detect_skew,
    ink_mask,
    process_batch,
    process_page,
    read_codes,
    split_documents,
)
from app.scanner.sources import OutputMode
from app.scanner.synthetic import A4_300, blank_page, font_path, scan_of, text_page

HEURISTIC = PipelineSettings(orientation=Orientation.HEURISTIC)


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    assert font_path() is not None, "fontconfig should find Noto Serif (fonts-noto-core)"
    return text_page(seed=3)


@pytest.mark.parametrize("angle", [-12.0, -3.7, -0.8, 0.0, 1.3, 4.25, 9.0])
def test_deskew_recovers_the_skew_angle_within_half_a_degree(page: np.ndarray, angle: float) -> None:
    scanned = scan_of(page, skew_deg=angle, border_px=60, noise=8, seed=1)
    result = process_page(scanned, HEURISTIC)
    assert result.skew_deg == pytest.approx(angle, abs=0.5)
    assert result.rotation == 0


def test_skew_detection_is_accurate_to_a_fifth_of_a_degree_on_a_clean_page(page: np.ndarray) -> None:
    scanned = scan_of(page, skew_deg=2.6)
    small = cv2.resize(scanned, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    assert detect_skew(ink_mask(small)) == pytest.approx(2.6, abs=0.2)


@pytest.mark.parametrize("turned", [90, 180, 270])
def test_pages_fed_sideways_or_upside_down_come_out_upright(page: np.ndarray, turned: int) -> None:
    scanned = scan_of(page, skew_deg=-4.2, rotation=turned, border_px=40, noise=6, seed=turned)
    result = process_page(scanned, HEURISTIC)
    assert result.skew_deg == pytest.approx(-4.2, abs=0.5)
    assert (result.rotation + turned) % 360 == 0
    assert result.image.shape[0] > result.image.shape[1]  # portrait again
    assert result.orientation_confidence > 0.2


def test_upright_page_is_left_as_it_is(page: np.ndarray) -> None:
    result = process_page(scan_of(page, noise=6), HEURISTIC)
    assert result.rotation == 0
    assert result.skew_deg == pytest.approx(0.0, abs=0.2)


def test_border_crop_removes_the_dark_scanner_lid(page: np.ndarray) -> None:
    scanned = scan_of(page, skew_deg=3.0, border_px=80, noise=8, seed=2)
    result = process_page(scanned, PipelineSettings(output=OutputMode.GRAY, orientation=Orientation.OFF))
    h, w = result.image.shape
    width, height = A4_300
    assert abs(w - width) < width * 0.02 and abs(h - height) < height * 0.02
    edges = [result.image[:10], result.image[-10:], result.image[:, :10], result.image[:, -10:]]
    assert all(float(e.mean()) > 200 for e in edges), [float(e.mean()) for e in edges]
    # no strip of lid left anywhere: no more dark pixels than the text itself has
    assert float((result.image < 80).mean()) < float((page < 80).mean()) * 1.1


def test_black_and_white_output_is_bitonal_and_encodes_as_g4(page: np.ndarray) -> None:
    scanned = scan_of(page, skew_deg=-2.0, border_px=40, noise=8, seed=4)
    result = process_page(scanned, PipelineSettings(encode=True, orientation=Orientation.OFF))
    assert set(np.unique(result.image)) <= {0, 255}
    assert 0.01 < float((result.image == 0).mean()) < 0.2
    assert result.gray is not None and result.gray.shape == result.image.shape
    assert result.encoded_format == "tiff-g4" and result.encoded is not None
    with PILImage.open(io.BytesIO(result.encoded)) as tif:
        assert tif.info.get("compression") == "group4"
        assert tif.size == (result.image.shape[1], result.image.shape[0])


def test_despeckle_clears_sensor_noise_from_a_blank_page() -> None:
    scanned = scan_of(blank_page(), border_px=40, noise=10, seed=5)
    result = process_page(scanned, PipelineSettings(orientation=Orientation.OFF))
    assert float((result.image == 0).mean()) < 0.001


def test_colour_output_keeps_colour_and_geometry(page: np.ndarray) -> None:
    scanned = scan_of(page, skew_deg=2.0, border_px=40, seed=6)
    rgb = np.dstack([scanned, scanned, scanned])
    rgb[1500:1700, 1000:1200] = (200, 30, 30)  # a red stamp
    result = process_page(rgb, PipelineSettings(output=OutputMode.COLOR, orientation=Orientation.OFF))
    assert result.image.ndim == 3
    assert result.skew_deg == pytest.approx(2.0, abs=0.5)
    red = (result.image[:, :, 0] > 150) & (result.image[:, :, 1] < 80)
    assert red.sum() > 20_000


def test_blank_detection_separates_blank_from_text_pages(page: np.ndarray) -> None:
    text_scores = [
        process_page(scan_of(page, skew_deg=a, border_px=50, noise=8, seed=i), HEURISTIC).blank_score
        for i, a in enumerate((0.0, 3.0))
    ]
    short = text_page(seed=9)
    short[800:, :] = 242  # a page with only the heading and a few lines
    text_scores.append(process_page(scan_of(short, noise=8), HEURISTIC).blank_score)
    blank_scores = [
        process_page(scan_of(blank_page(), skew_deg=a, border_px=50, noise=n, seed=i), HEURISTIC).blank_score
        for i, (a, n) in enumerate(((0.0, 4.0), (2.5, 10.0)))
    ]
    threshold = PipelineSettings().blank_threshold
    assert max(blank_scores) < threshold < min(text_scores), (blank_scores, text_scores)


def test_a_few_specks_of_dust_do_not_make_a_page_non_blank() -> None:
    dusty = blank_page()
    rng = np.random.default_rng(7)
    for y, x in rng.integers(200, 3000, size=(40, 2)):
        dusty[y:y + 3, x:x + 3] = 30
    assert blank_score(scan_of(dusty, noise=6)) < PipelineSettings().blank_threshold


def _qr(text: str) -> np.ndarray:
    code = cv2.QRCodeEncoder.create().encode(text)
    return cv2.resize(code, None, fx=12, fy=12, interpolation=cv2.INTER_NEAREST)


def _separator_with_qr(text: str) -> np.ndarray:
    sheet = blank_page()
    qr = _qr(text)
    sheet[400:400 + qr.shape[0], 400:400 + qr.shape[1]] = np.where(qr > 127, 242, 20)
    return sheet


def test_qr_codes_are_read_from_a_separator_sheet() -> None:
    scanned = scan_of(_separator_with_qr("VANTHU-SEP-0001"), skew_deg=1.0, noise=6)
    assert read_codes(scanned) == ("VANTHU-SEP-0001",)


def test_batch_splits_into_documents_at_blank_separator_sheets(page: np.ndarray) -> None:
    layout = ["t", "t", "b", "t", "b", "b", "t", "t"]  # two blanks in a row are one separator
    images = [scan_of(page if k == "t" else blank_page(), noise=6, seed=i) for i, k in enumerate(layout)]
    settings = PipelineSettings(orientation=Orientation.OFF, split=SplitRule(SplitMode.BLANK_SHEET))
    batch = process_batch(images, settings, workers=1)
    assert batch.documents == [[0, 1], [3], [6, 7]]
    assert batch.separators == [2, 4, 5]
    assert [p.is_blank for p in batch.pages] == [k == "b" for k in layout]  # flagged, never dropped


def test_batch_splits_at_qr_separator_pages(page: np.ndarray) -> None:
    images = [
        scan_of(page, noise=4),
        scan_of(_separator_with_qr("VANTHU-SEP"), noise=4),
        scan_of(page, noise=4, seed=2),
        scan_of(page, noise=4, seed=3),
        scan_of(_separator_with_qr("VANTHU-SEP"), noise=4, seed=4),
        scan_of(page, noise=4, seed=5),
    ]
    settings = PipelineSettings(orientation=Orientation.OFF,
                                split=SplitRule(SplitMode.BARCODE, barcode_prefix="VANTHU-SEP"))
    batch = process_batch(images, settings, workers=1)
    assert batch.separators == [1, 4]
    assert batch.documents == [[0], [2, 3], [5]]


def test_split_every_n_pages_and_duplex_blank_sheets() -> None:
    from app.scanner.pipeline import PageResult

    def result(blank: bool) -> PageResult:
        img = np.zeros((2, 2), np.uint8)
        return PageResult(img, None, 300, 0.0, 0, 0.0, "off", (0, 0, 2, 2), 0.0, blank)

    seven = [result(False) for _ in range(7)]
    assert split_documents(seven, SplitRule(SplitMode.EVERY_N, every=3)) == ([[0, 1, 2], [3, 4, 5], [6]], [])
    # duplex: a one-sided page has a blank back, which must not split; a sheet blank on both sides does
    sides = [False, True, False, False, True, True, False, True]
    docs, seps = split_documents([result(b) for b in sides], SplitRule(SplitMode.BLANK_SHEET, duplex=True))
    assert seps == [4, 5]
    assert docs == [[0, 1, 2, 3], [6, 7]]


def test_two_workers_give_the_same_pages_as_one(page: np.ndarray) -> None:
    images = [scan_of(page, skew_deg=a, border_px=30, noise=6, seed=i) for i, a in enumerate((1.0, -2.0, 0.5))]
    settings = PipelineSettings(orientation=Orientation.HEURISTIC)
    one = process_batch(images, settings, workers=1)
    two = process_batch(images, settings, workers=2)
    assert [p.skew_deg for p in one.pages] == [p.skew_deg for p in two.pages]
    assert [p.index for p in two.pages] == [0, 1, 2]
    assert all(np.array_equal(a.image, b.image) for a, b in zip(one.pages, two.pages, strict=True))


def test_cancelling_a_batch_keeps_the_pages_already_done(page: np.ndarray) -> None:
    images = [scan_of(page, noise=4, seed=i) for i in range(6)]
    cancel = threading.Event()
    seen: list[int] = []

    def on_result(r: object) -> None:
        seen.append(1)
        if len(seen) == 2:
            cancel.set()

    batch = process_batch(images, PipelineSettings(orientation=Orientation.OFF), workers=1, cancel=cancel,
                          on_result=on_result)
    assert batch.cancelled
    assert len(batch.pages) == 2
