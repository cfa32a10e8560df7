"""Scan profiles: the two defaults the clerk starts with, their round trip through stored settings, and the store in
the data directory that keeps them (and each user's last choice) across restarts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.scanner.errors import SCAN_ERROR_CODES, ScanError
from app.scanner.profiles import PROFILES_FILE, ProfileStore, check_profiles
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


def test_the_store_keeps_profiles_and_each_users_last_choice(tmp_path: Path) -> None:
    store = ProfileStore.in_data_dir(tmp_path / "data")
    assert store.load() == DEFAULT_PROFILES and store.last_used("vanthu") is None  # nothing saved yet
    mine = (ScanProfile("Phiếu A5 xám", SourceKind.ADF_DUPLEX, ColorMode.GRAY, 200, PageSize.A5, OutputMode.GRAY),
            DEFAULT_PROFILES[1])
    assert store.save(mine) == mine
    store.remember("vanthu", "Ảnh màu")
    store.remember("quantri", "Phiếu A5 xám")
    again = ProfileStore(tmp_path / "data" / PROFILES_FILE)  # a restart
    assert again.load() == mine
    assert again.last_used("vanthu") == "Ảnh màu" and again.last_used("quantri") == "Phiếu A5 xám"
    assert "Phiếu A5 xám" in (tmp_path / "data" / PROFILES_FILE).read_text(encoding="utf-8")  # readable UTF-8


def test_bad_profile_lists_are_refused_and_a_damaged_file_falls_back(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / PROFILES_FILE)
    for profiles, code in (((), "scanner.profile_none"),
                           ((ScanProfile("  "),), "scanner.profile_name_empty"),
                           ((ScanProfile("Ảnh màu"), ScanProfile("ảnh  MÀU")), "scanner.profile_name_taken")):
        with pytest.raises(ScanError) as caught:
            check_profiles(profiles)
        assert caught.value.code == code
        with pytest.raises(ScanError):
            store.save(profiles)
    assert not store.path.exists()
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load() == DEFAULT_PROFILES and store.last_used("vanthu") is None
    store.remember("vanthu", "Ảnh màu")  # rewrites the damaged file
    assert store.last_used("vanthu") == "Ảnh màu"
    store.path.write_text(json.dumps({"profiles": [{"name": "Tốt", "dpi": 200}, {"name": "Hỏng", "dpi": "x"}]}),
                          encoding="utf-8")
    assert [p.name for p in store.load()] == ["Tốt"]  # a damaged entry is skipped, the rest kept
