"""SaneSource against the real SANE `test` backend, driven through the worker process."""

from __future__ import annotations

import importlib.util
import os
import signal
import threading
from pathlib import Path

import pytest

from app.scanner.errors import ScanError
from app.scanner.sources import ColorMode, Page, PageSize, SaneSource, ScanOptions, SourceKind, sane_config_dir
from tests.support import missing, require_tool

ADF = ScanOptions(SourceKind.ADF, ColorMode.GRAY, 75, PageSize.A4, device_options={"test_picture": "Grid"})


@pytest.fixture
def source(tmp_path: Path) -> SaneSource:
    require_tool("scanimage")
    if importlib.util.find_spec("sane") is None:
        missing("python-sane is not installed (pip install python-sane; needs libsane-dev and gcc)")
    return SaneSource(sane_config_dir(tmp_path / "sane"), timeout_s=60)


def _with(options: ScanOptions, **device_options: str | int | bool) -> ScanOptions:
    return ScanOptions(options.source, options.mode, options.dpi, options.page_size, options.max_pages,
                       {**options.device_options, **device_options})


def test_lists_the_test_devices(source: SaneSource) -> None:
    names = [d.name for d in source.list_devices()]
    assert "test:0" in names


def test_reports_what_the_device_can_do(source: SaneSource) -> None:
    caps = source.capabilities("test:0")
    assert SourceKind.FLATBED in caps.sources and SourceKind.ADF in caps.sources
    assert {ColorMode.GRAY, ColorMode.COLOR, ColorMode.LINEART} <= set(caps.modes)
    assert 300 in caps.dpi_choices


def test_adf_batch_of_three_pages(source: SaneSource) -> None:
    seen: list[Page] = []
    options = ScanOptions(SourceKind.ADF, ColorMode.GRAY, 75, PageSize.A4, max_pages=3,
                          device_options={"test_picture": "Grid"})
    pages = source.scan("test:0", options, on_page=seen.append)
    assert len(pages) == 3
    assert seen == pages
    assert [p.index for p in pages] == [0, 1, 2]
    assert pages[0].image.ndim == 2 and pages[0].image.dtype.name == "uint8"
    assert pages[0].dpi == 75
    assert 0 < float(pages[0].image.mean()) < 255  # a grid: black lines on white


def test_an_empty_feeder_ends_the_batch_without_an_error(source: SaneSource) -> None:
    pages = source.scan("test:0", ADF)  # the test ADF holds 10 sheets
    assert len(pages) == 10


def test_colour_and_lineart_modes(source: SaneSource) -> None:
    flatbed = ScanOptions(SourceKind.FLATBED, ColorMode.COLOR, 50, PageSize.A5)
    colour = source.scan("test:0", flatbed)
    assert len(colour) == 1 and colour[0].image.shape[2] == 3
    lineart = source.scan("test:0", ScanOptions(SourceKind.FLATBED, ColorMode.LINEART, 50, PageSize.A5))
    assert set(map(int, set(lineart[0].image.ravel().tolist()))) <= {0, 255}


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("SANE_STATUS_JAMMED", "scanner.jammed"),
        ("SANE_STATUS_COVER_OPEN", "scanner.cover_open"),
        ("SANE_STATUS_IO_ERROR", "scanner.unplugged"),
    ],
)
def test_device_faults_become_distinct_errors(source: SaneSource, status: str, code: str) -> None:
    with pytest.raises(ScanError) as caught:
        source.scan("test:0", _with(ADF, read_return_value=status))
    assert caught.value.code == code


def test_a_missing_device_is_reported_as_no_device(source: SaneSource, tmp_path: Path) -> None:
    with pytest.raises(ScanError) as caught:
        source.scan("test:9", ADF)
    assert caught.value.code == "scanner.no_device"
    empty = tmp_path / "none"
    empty.mkdir()
    (empty / "dll.conf").write_text("", encoding="ascii")
    lonely = SaneSource(empty)
    assert lonely.list_devices() == []
    with pytest.raises(ScanError) as caught:
        lonely.scan(None, ADF)
    assert caught.value.code == "scanner.no_device"


def test_duplex_on_a_simplex_feeder_is_refused_clearly(source: SaneSource) -> None:
    with pytest.raises(ScanError) as caught:
        source.scan("test:0", ScanOptions(SourceKind.ADF_DUPLEX))
    assert caught.value.code == "scanner.option_unsupported"


def test_a_driver_crash_keeps_the_pages_already_received(source: SaneSource) -> None:
    def crash_after_two(page: Page) -> None:
        if page.index == 1:
            assert source.worker_pid is not None
            os.kill(source.worker_pid, signal.SIGSEGV)  # as the test backend does on some call sequences

    with pytest.raises(ScanError) as caught:
        source.scan("test:0", ADF, on_page=crash_after_two)
    assert caught.value.code == "scanner.crashed"
    assert [p.index for p in caught.value.pages] == [0, 1]
    assert source.list_devices()  # the app is fine and can scan again


def test_cancel_stops_the_feeder_and_returns_what_was_scanned(source: SaneSource) -> None:
    cancel = threading.Event()

    def stop_after_two(page: Page) -> None:
        if page.index == 1:
            cancel.set()

    pages = source.scan("test:0", ADF, on_page=stop_after_two, cancel=cancel)
    assert len(pages) == 2
