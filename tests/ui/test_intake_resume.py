"""A batch survives the app: the pages captured on the intake page and the clerk's review of them (order, turns, kept
blank page, "new document here", split rule) come back exactly when the intake page is opened again (as after a
crash), on the clerk's "Resume"; "Discard" and "New document" remove the batch from disk. A crash between registering
a document and removing its pages from the batch neither brings those pages back nor loses the pages of a document
whose registration did not commit."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import app.ui.pages.intake as intake_module
from app.domain.model import RegistryEntry
from app.scanner.batch_store import MANIFEST, batches_root, load_batch, unfinished
from app.scanner.errors import ScanError
from app.scanner.split import SplitMode
from app.scanner.synthetic import blank_page, scan_of, text_page
from app.services.bundle import Booted
from app.services.signing.pki import DEMO_USER_PIN
from app.ui.pages.intake import IntakePage
from tests.ui.signing_support import require_demo_tokens
from tests.ui.test_intake_page import LONG, _imported, _intake, _pages_as_files, _wait_done


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


# ---- a crash around registering a document of the batch ------------------------------------------------------------


@pytest.fixture
def signer(booted: Booted, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Sign with the demo agency token (the PIN dialog is another test's subject) and skip the OCR (seconds a page)."""
    require_demo_tokens(booted)

    def no_ocr(*_args: object) -> None:
        raise ScanError("ocr.tool_missing")

    monkeypatch.setattr(IntakePage, "_ask_pin", lambda self, form, error: DEMO_USER_PIN)
    monkeypatch.setattr(intake_module, "_ocr", no_ocr)
    yield
    booted.services.signing.close()


def _two_documents(qtbot: QtBot, booted: Booted, tmp_path: Path) -> tuple[IntakePage, list[int]]:
    """Three scanned sheets split by hand into a two-page document and a one-page one; the first one's form filled."""
    page = _intake(qtbot, booted)
    sheets = [scan_of(text_page(seed=50 + i), skew_deg=0.4, border_px=30, noise=3.0, seed=i) for i in range(3)]
    _imported(qtbot, page, _pages_as_files(tmp_path, sheets, "r"))
    keys = page.strip.page_keys()
    page.strip.set_break(keys[2])
    assert page.strip.documents() == [keys[:2], keys[2:]]
    page.issuer.setText("Sở Nội vụ")
    page.number.setText("118/SNV-VP")
    page.summary.setPlainText("V/v báo cáo công tác văn thư lưu trữ năm 2026")
    return page, keys


def _crash_during_registration(monkeypatch: pytest.MonkeyPatch, booted: Booted, page: IntakePage, snapshot: Path,
                               *, commit: bool) -> None:
    """Copy the batch folder as it is on disk at the moment the registration commits (`commit`) or just before the
    app would die without committing: restoring that copy later is the app dying at that moment."""
    registry = booted.services.registry
    real = registry.register_incoming
    assert page.batch_store is not None
    folder = page.batch_store.folder

    def register_incoming(*args: Any, **kwargs: Any) -> RegistryEntry:
        if not commit:
            shutil.copytree(folder, snapshot)
            raise RuntimeError("the power went off")
        entry = real(*args, **kwargs)
        shutil.copytree(folder, snapshot)
        return entry

    monkeypatch.setattr(registry, "register_incoming", register_incoming)


def _restore(folder: Path, snapshot: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(snapshot, folder)


def _marks(folder: Path) -> list[object]:
    import json

    marks = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("pending", [])
    assert isinstance(marks, list)
    return marks


def _resume(qtbot: QtBot, booted: Booted) -> IntakePage:
    again = _intake(qtbot, booted)  # the program is opened again after the crash
    assert again.resume_box.isVisible()
    qtbot.mouseClick(again.resume_button, Qt.MouseButton.LeftButton)
    _wait_done(qtbot, again.resume_job, 60_000)
    return again


def test_a_document_registered_just_before_a_crash_is_not_offered_again(
        qtbot: QtBot, booted: Booted, language: str, tmp_path: Path, signer: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, (a, b, c) = _two_documents(qtbot, booted, tmp_path)
    assert page.batch_store is not None
    folder, snapshot = page.batch_store.folder, tmp_path / "at-commit"
    _crash_during_registration(monkeypatch, booted, page, snapshot, commit=True)
    job = page.register()
    _wait_done(qtbot, job, LONG)
    entry = page.last_entry
    assert entry is not None, page.message.text()
    assert page.strip.page_keys() == [c]
    assert _marks(folder) == []  # settled by the live page: the pages and the mark are gone
    [mark] = _marks(snapshot)  # at the commit, the pages were still there, marked with the new document's id
    assert mark == {"key": entry.document_id, "pages": [a, b], "started": mark["started"]}  # type: ignore[index]
    assert sorted(load_batch(snapshot).pages) == [a, b, c]

    _restore(folder, snapshot)  # the app died right after the registration committed
    again = _intake(qtbot, booted)
    assert again.offered_batch is not None and again.offered_batch.pages == 1  # settled before it is offered
    again = _resume(qtbot, booted)
    assert again.strip.page_keys() == [c] and sorted(again.pages) == [c]
    assert _marks(folder) == [] and sorted(load_batch(folder).pages) == [c]
    assert len(booted.services.registry.find_duplicates("Sở Nội vụ", "118/SNV-VP")) == 1  # registered once


def test_a_registration_that_never_committed_keeps_its_pages_after_the_crash(
        qtbot: QtBot, booted: Booted, language: str, tmp_path: Path, signer: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page, keys = _two_documents(qtbot, booted, tmp_path)
    assert page.batch_store is not None
    folder, snapshot = page.batch_store.folder, tmp_path / "before-commit"
    _crash_during_registration(monkeypatch, booted, page, snapshot, commit=False)
    job = page.register()
    _wait_done(qtbot, job, LONG)
    assert page.last_entry is None and page.message.isVisible()
    assert page.strip.page_keys() == keys and _marks(folder) == []  # the live page cleared its mark, kept the pages
    assert len(_marks(snapshot)) == 1

    _restore(folder, snapshot)  # the app died while registering, before anything was committed
    again = _resume(qtbot, booted)
    assert again.strip.page_keys() == keys and again.strip.documents() == [keys[:2], keys[2:]]
    assert _marks(folder) == []
    assert booted.services.registry.find_duplicates("Sở Nội vụ", "118/SNV-VP") == []


def test_a_registration_cancelled_too_late_is_shown_as_registered(
        qtbot: QtBot, booted: Booted, language: str, tmp_path: Path, signer: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The clerk presses Cancel while the registry commits: the document is registered; its pages leave the batch."""
    page, (_a, _b, c) = _two_documents(qtbot, booted, tmp_path)
    registry = booted.services.registry
    real = registry.register_incoming

    def register_incoming(*args: Any, **kwargs: Any) -> RegistryEntry:
        entry = real(*args, **kwargs)
        assert page.register_job is not None
        page.register_job.cancel()  # too late: the job ends "cancelled" although the registration committed
        return entry

    monkeypatch.setattr(registry, "register_incoming", register_incoming)
    job = page.register()
    _wait_done(qtbot, job, LONG)
    assert page.last_entry is not None and page.strip.page_keys() == [c]
    assert str(page.last_entry.number) in page.message.text()
    assert page.batch_store is not None and sorted(load_batch(page.batch_store.folder).pages) == [c]
