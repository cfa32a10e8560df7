"""A batch survives the app: the pages captured on the intake page and the clerk's review of them (order, turns, kept
blank page, "new document here", split rule) come back exactly when the intake page is opened again (as after a
crash), on the clerk's "Resume"; "Discard" and "New document" remove the batch from disk."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.scanner.batch_store import batches_root, unfinished
from app.scanner.split import SplitMode
from app.scanner.synthetic import blank_page, scan_of, text_page
from app.services.bundle import Booted
from app.ui.pages.intake import IntakePage
from tests.ui.test_intake_page import _imported, _intake, _pages_as_files, _wait_done


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(IntakePage, "read_header", lambda self: None)  # no OCR needed to review pages


def _review(page: IntakePage) -> dict[str, object]:
    strip = page.strip
    keys = strip.page_keys()
    return {
        "keys": keys,
        "rotation": [strip.rotation(k) for k in keys],
        "blank": [strip.is_blank(k) for k in keys],
        "kept": [strip.is_kept(k) for k in keys],
        "breaks": [strip.starts_document(k) for k in keys],
        "documents": strip.documents(),
        "rule": (strip.rule().mode, strip.rule().every),
        "mode": strip.split_mode.currentData(),
        "every": strip.split_every.value(),
        "summary": strip.summary.text(),
        "texts": [strip.list.item(i).text() for i in range(strip.count())],
    }


def _sheets(tmp_path: Path) -> list[Path]:
    sheets = [scan_of(text_page(seed=30 + i), skew_deg=0.6, border_px=30, noise=3.0, seed=i) for i in range(4)]
    sheets.insert(1, scan_of(blank_page(), border_px=30, noise=3.0, seed=9))
    return _pages_as_files(tmp_path, sheets)


def test_the_page_review_survives_reopening_the_intake_page(qtbot: QtBot, booted: Booted, language: str,
                                                            tmp_path: Path) -> None:
    page = _intake(qtbot, booted)
    assert not page.resume_box.isVisible()
    _imported(qtbot, page, _sheets(tmp_path))
    a, blank, b, c, d = page.strip.page_keys()
    page.strip.select([c])
    page.strip.rotate_selected(90)
    page.strip.rotate_selected(90)  # an upside-down sheet
    page.strip.toggle_keep(blank)
    page.strip.move_page(d, 1)
    page.strip.split_mode.setCurrentIndex(page.strip.split_mode.findData(SplitMode.EVERY_N.value))
    page.strip.split_every.setValue(4)
    page.strip.set_break(c)
    page.strip.select([b])
    qtbot.mouseClick(page.strip.delete, Qt.MouseButton.LeftButton)  # a deleted page stays deleted
    before = _review(page)
    images = {k: page.pages[k].image.copy() for k in page.strip.page_keys()}
    assert before["keys"] == [a, d, blank, c] and before["rotation"] == [0, 0, 0, 180]

    again = _intake(qtbot, booted)  # the program is opened again (after a crash the old window is simply gone)
    assert again is not page
    assert again.resume_box.isVisible()
    assert again.offered_batch is not None and again.offered_batch.pages == 4
    assert "4" in again.resume_text.text()
    qtbot.mouseClick(again.resume_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, again.resume_job, 60_000)
    assert not again.resume_box.isVisible()
    assert _review(again) == before
    for key, image in images.items():
        assert np.array_equal(again.pages[key].image, image)
        assert again.pages[key].ocr_input.shape == image.shape[:2]
    assert again.register_button.isEnabled()

    # resumed pages keep being recorded: a change after resuming survives the next opening as well
    again.strip.set_rotation(a, 270)
    third = _intake(qtbot, booted)
    qtbot.mouseClick(third.resume_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, third.resume_job, 60_000)
    assert third.strip.rotation(a) == 270 and third.strip.page_keys() == before["keys"]

    # "New document" ends the batch: nothing is left to offer
    third.reset()
    assert unfinished(booted.settings.data_dir) == []


def test_discarding_the_unfinished_batch_removes_it(qtbot: QtBot, booted: Booted, language: str,
                                                   tmp_path: Path) -> None:
    page = _intake(qtbot, booted)
    _imported(qtbot, page, _sheets(tmp_path)[:2])
    assert len(unfinished(booted.settings.data_dir, "vanthu")) == 1

    again = _intake(qtbot, booted)
    assert again.resume_box.isVisible()
    qtbot.mouseClick(again.discard_button, Qt.MouseButton.LeftButton)
    assert not again.resume_box.isVisible()
    assert list(batches_root(booted.settings.data_dir).iterdir()) == []
    assert not _intake(qtbot, booted).resume_box.isVisible()


def test_a_new_capture_leaves_the_unfinished_batch_for_later(qtbot: QtBot, booted: Booted, language: str,
                                                             tmp_path: Path) -> None:
    page = _intake(qtbot, booted)
    files = _sheets(tmp_path)
    _imported(qtbot, page, files[:1])
    again = _intake(qtbot, booted)
    assert again.resume_box.isVisible()
    _imported(qtbot, again, files[2:4])  # the clerk scans on instead: a batch of its own
    assert not again.resume_box.isVisible()
    assert len(unfinished(booted.settings.data_dir, "vanthu")) == 2
    third = _intake(qtbot, booted)
    assert third.resume_box.isVisible() and third.offered_batch is not None
    assert third.offered_batch.pages == 2  # the newest first
