"""Scan profiles: the two defaults the clerk starts with, and their round trip through stored settings."""

from __future__ import annotations

import json

import pytest

from app.scanner.errors import SCAN_ERROR_CODES, ScanError
from app.scanner.sources import DEFAULT_PROFILES, ColorMode, OutputMode, PageSize, ScanProfile, SourceKind


def test_default_profiles_are_bitonal_text_and_colour_photo() -> None:
    text, photo = DEFAULT_PROFILES
    assert text.name == "Văn bản đen trắng 300 dpi"
    assert (text.dpi, text.output, text.source) == (300, OutputMode.BLACK_WHITE, SourceKind.ADF)
    assert text.mode is ColorMode.GRAY  # grey capture: OCR reads grey far better than 1-bit
    assert photo.name == "Ảnh màu" and photo.mode is ColorMode.COLOR and photo.output is OutputMode.COLOR


def test_profiles_survive_a_round_trip_through_json() -> None:
    for profile in DEFAULT_PROFILES:
        stored = json.loads(json.dumps(profile.to_dict(), ensure_ascii=False))
        assert ScanProfile.from_dict(stored) == profile
    custom = ScanProfile("Phiếu A5 xám", SourceKind.ADF_DUPLEX, ColorMode.GRAY, 200, PageSize.A5, OutputMode.GRAY)
    assert ScanProfile.from_dict({**custom.to_dict(), "added_later": 1}) == custom
    assert custom.scan_options(max_pages=5).max_pages == 5


def test_a_damaged_profile_is_a_clear_error() -> None:
    with pytest.raises(ScanError) as caught:
        ScanProfile.from_dict({"name": "x", "dpi": "many"})
    assert caught.value.code == "scanner.invalid_profile"
    with pytest.raises(ScanError):
        ScanProfile.from_dict({"mode": "color"})


def test_scan_errors_keep_pages_and_have_a_message_for_each_code() -> None:
    err = ScanError("scanner.jammed", pages=[], detail="x")
    assert err.code in SCAN_ERROR_CODES and err.pages == [] and err.params == {"detail": "x"}
