"""Tesseract OSD as the orientation fallback, against the real `tesseract` with `osd` data."""

from __future__ import annotations

import subprocess

import pytest

from app.scanner.pipeline import Orientation, PipelineSettings, process_page, tesseract_orientation
from app.scanner.synthetic import scan_of, text_page
from tests.support import missing, require_tool


@pytest.fixture(scope="module")
def tesseract() -> str:
    exe = require_tool("tesseract")
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True).stdout.split()
    if "osd" not in langs:
        missing("tesseract has no osd traineddata (apt install tesseract-ocr)")
    return exe


@pytest.mark.parametrize("turned", [90, 180, 270])
def test_osd_finds_the_turn_that_makes_text_upright(tesseract: str, turned: int) -> None:
    scanned = scan_of(text_page(seed=4), rotation=turned, noise=4)
    found = tesseract_orientation(scanned[::2, ::2].copy(), 150)
    assert found is not None
    assert (found[0] + turned) % 360 == 0


def test_pipeline_can_be_told_to_use_tesseract(tesseract: str) -> None:
    result = process_page(scan_of(text_page(seed=5), skew_deg=1.0, rotation=90, border_px=30, noise=4),
                          PipelineSettings(orientation=Orientation.TESSERACT))
    assert result.orientation_method == "tesseract"
    assert (result.rotation + 90) % 360 == 0
