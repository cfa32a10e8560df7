"""The intake batch on disk: pages and the clerk's review come back exactly, pages committed after the last review come
back at the end, deleted pages stay deleted, and a process killed (-9) while writing leaves only complete pages.
A registration marked as pending in the manifest is settled by what the registry says: the pages of a document that
was registered never come back, those of one that was not are never lost, whatever moment the app died at."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

import app.scanner.batch_store as batch_store
from app.scanner.batch_store import (
    MANIFEST,
    BatchReview,
    BatchStore,
    ReviewEntry,
    Settled,
    batches_root,
    load_batch,
    settle_pending,
    unfinished,
)

ROOT = Path(__file__).resolve().parents[3]


def _bw(key: int, shape: tuple[int, int] = (700, 500)) -> np.ndarray:
    rng = np.random.default_rng(key)
    return np.where(rng.random(shape) > 0.9, 0, 255).astype(np.uint8)


def _gray(key: int, shape: tuple[int, int] = (700, 500)) -> np.ndarray:
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    return ((xx + yy * 2 + key * 7) % 256).astype(np.uint8)


class _Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 8, 15, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def test_nothing_is_written_before_the_first_page(tmp_path: Path) -> None:
    store = BatchStore.new(tmp_path, "vanthu")
    store.save_review(BatchReview())
    assert not store.exists
    assert unfinished(tmp_path) == []


def test_pages_and_review_come_back_exactly(tmp_path: Path) -> None:
    clock = _Clock()
    store = BatchStore.new(tmp_path, "vanthu", now=clock)
    store.add_page(0, _bw(0), _gray(0), dpi=300, mode="black_white", blank=False, source_name="scan 1")
    store.add_page(1, _bw(1), _gray(1), dpi=300, mode="black_white", blank=True, source_name="scan 2")
    gray = _gray(2)
    store.add_page(2, gray, gray, dpi=200, mode="gray", blank=False, source_name="a.png")
    colour = np.dstack([_gray(3), _gray(4), _gray(5)])
    store.add_page(3, colour, _gray(3), dpi=150, mode="color", blank=False, source_name="photo.jpg")
    review = BatchReview((ReviewEntry(2, rotation=90), ReviewEntry(0, break_before=True, codes=("SEP-1",)),
                          ReviewEntry(1, keep=True), ReviewEntry(3, rotation=270, codes=())),
                         split_mode="every_n", split_every=3)
    store.save_review(review)

    [summary] = unfinished(tmp_path, "vanthu")
    assert summary.pages == 4 and summary.folder == store.folder
    assert unfinished(tmp_path, "someone-else") == []

    batch = load_batch(summary.folder)
    assert summary.last_capture == datetime.fromisoformat(batch.pages[3].facts.captured)  # the last page's time
    assert batch.review == review and batch.skipped == 0
    assert np.array_equal(batch.pages[0].image, _bw(0))
    assert np.abs(batch.pages[0].ocr_input.astype(int) - _gray(0)).mean() < 2  # the OCR copy is a fine JPEG
    assert np.array_equal(batch.pages[2].image, gray) and batch.pages[2].ocr_input is batch.pages[2].image
    assert np.array_equal(batch.pages[3].image, colour)  # RGB stays RGB
    facts = batch.pages[1].facts
    assert (facts.dpi, facts.mode, facts.blank, facts.source_name) == (300, "black_white", True, "scan 2")


def test_a_page_committed_after_the_last_review_comes_back_at_the_end(tmp_path: Path) -> None:
    store = BatchStore.new(tmp_path, "vanthu")
    for key in (5, 6):
        store.add_page(key, _bw(key), _gray(key), dpi=300, mode="black_white", blank=False, source_name="s")
    store.save_review(BatchReview((ReviewEntry(6), ReviewEntry(5, rotation=180))))
    store.add_page(7, _bw(7), _gray(7), dpi=300, mode="black_white", blank=False, source_name="s")
    store.save_review(BatchReview((ReviewEntry(6), ReviewEntry(5, rotation=180))))  # 7 not shown yet: kept
    batch = load_batch(store.folder)
    assert [e.key for e in batch.review.pages] == [6, 5, 7]
    assert batch.review.pages[1].rotation == 180


def test_deleted_and_registered_pages_are_removed_and_discard_removes_the_folder(tmp_path: Path) -> None:
    store = BatchStore.new(tmp_path, "vanthu")
    for key in range(3):
        store.add_page(key, _bw(key), _gray(key), dpi=300, mode="black_white", blank=False, source_name="s")
    store.save_review(BatchReview(tuple(ReviewEntry(k) for k in range(3))))
    store.save_review(BatchReview((ReviewEntry(0), ReviewEntry(2))))
    assert sorted(p.name for p in store.folder.glob("1.*")) == []
    assert [e.key for e in load_batch(store.folder).review.pages] == [0, 2]
    store.discard()
    assert not store.folder.exists()
    assert unfinished(tmp_path) == []


def test_a_resumed_batch_keeps_its_folder(tmp_path: Path) -> None:
    store = BatchStore.new(tmp_path, "vanthu")
    store.add_page(0, _bw(0), _gray(0), dpi=300, mode="black_white", blank=False, source_name="s")
    store.save_review(BatchReview((ReviewEntry(0),)))
    batch = load_batch(store.folder)
    again = BatchStore.resume(store.folder, batch)
    again.add_page(100_000, _bw(1), _gray(1), dpi=300, mode="black_white", blank=False, source_name="s")
    again.save_review(BatchReview((ReviewEntry(100_000), ReviewEntry(0))))
    assert [e.key for e in load_batch(store.folder).review.pages] == [100_000, 0]
    again.save_review(BatchReview((ReviewEntry(100_000),)))  # a page of the first session is deleted after resuming
    assert [e.key for e in load_batch(store.folder).review.pages] == [100_000]


def test_an_original_pdf_is_copied_into_the_batch(tmp_path: Path) -> None:
    source = tmp_path / "signed.pdf"
    source.write_bytes(b"%PDF-1.7 signed bytes")
    store = BatchStore.new(tmp_path / "home", "vanthu")
    copy = store.keep_original(source)
    assert store.keep_original(source) == copy
    assert copy.read_bytes() == source.read_bytes() and copy.name == "signed.pdf"
    assert store.folder in copy.parents


def test_damaged_files_are_skipped_not_loaded(tmp_path: Path) -> None:
    store = BatchStore.new(tmp_path, "vanthu")
    for key in range(3):
        store.add_page(key, _bw(key), _gray(key), dpi=300, mode="black_white", blank=False, source_name="s")
    store.save_review(BatchReview(tuple(ReviewEntry(k) for k in range(3))))
    image = store.folder / "1.image.png"
    image.write_bytes(image.read_bytes()[:200])  # a disk that lost the end of a file
    (store.folder / "2.json").write_text("{not json", encoding="utf-8")
    (store.folder / MANIFEST_TMP).write_text("half a manifest", encoding="utf-8")
    batch = load_batch(store.folder)
    assert list(batch.pages) == [0] and batch.skipped == 1
    assert [e.key for e in batch.review.pages] == [0]


MANIFEST_TMP = ".manifest.json.1.2.tmp"

WRITER = textwrap.dedent("""
    import sys
    import numpy as np
    from pathlib import Path
    from app.scanner.batch_store import BatchReview, BatchStore, ReviewEntry

    store = BatchStore(Path(sys.argv[1]), "vanthu")
    order = []
    key = 0
    while True:
        rng = np.random.default_rng(key)
        image = np.where(rng.random((1400, 1000)) > 0.9, 0, 255).astype(np.uint8)
        store.add_page(key, image, image.copy(), dpi=300, mode="black_white", blank=False, source_name="s")
        order.insert(0, key)  # the clerk puts every new page first
        store.save_review(BatchReview(tuple(ReviewEntry(k, rotation=90 * (k % 4)) for k in order)))
        print(key, flush=True)
        key += 1
""")


@pytest.mark.parametrize("delay", [0.0, 0.013, 0.029])
def test_kill_9_while_writing_leaves_only_complete_pages(tmp_path: Path, delay: float) -> None:
    folder = batches_root(tmp_path) / "crash"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout is not None
        for _ in range(3):  # at least three pages written, then kill it part-way through a later one
            assert proc.stdout.readline().strip() != ""
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    [summary] = unfinished(tmp_path, "vanthu")
    batch = load_batch(summary.folder)
    keys = [e.key for e in batch.review.pages]
    assert len(keys) >= 3 and batch.skipped == 0
    assert sorted(keys) == list(range(len(keys)))  # no gap: every page up to the last committed one
    for entry in batch.review.pages:
        page = batch.pages[entry.key]
        rng = np.random.default_rng(entry.key)
        assert np.array_equal(page.image, np.where(rng.random((1400, 1000)) > 0.9, 0, 255).astype(np.uint8))
        assert entry.rotation == 90 * (entry.key % 4)
    # the review order is the clerk's where it was saved; a page committed after it is at the end
    reviewed = [k for k in keys if k != max(keys)] if keys[-1] == max(keys) and len(keys) > 1 else keys
    assert reviewed == sorted(reviewed, reverse=True)


# ---- registrations marked as pending --------------------------------------------------------------------------------


def _four_pages(tmp_path: Path) -> BatchStore:
    store = BatchStore.new(tmp_path, "vanthu", now=_Clock())
    for key in range(4):
        store.add_page(key, _bw(key), _gray(key), dpi=300, mode="black_white", blank=False, source_name="s")
    store.save_review(BatchReview((ReviewEntry(0, rotation=90), ReviewEntry(1), ReviewEntry(2, break_before=True),
                                   ReviewEntry(3)), split_mode="by_hand"))
    return store


def _keys(folder: Path) -> list[int]:
    return [e.key for e in load_batch(folder).review.pages]


def _marks(folder: Path) -> list[dict[str, object]]:
    marks = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["pending"]
    assert isinstance(marks, list)
    return marks


def test_a_pending_registration_is_marked_in_the_manifest_before_registering(tmp_path: Path) -> None:
    store = _four_pages(tmp_path)
    store.begin_registration("doc-1", [0, 1])
    [mark] = _marks(store.folder)
    assert mark["key"] == "doc-1" and mark["pages"] == [0, 1]
    [summary] = unfinished(tmp_path, "vanthu")
    assert summary.pending == 1 and summary.pages == 4  # nothing dropped on a mark alone
    batch = load_batch(store.folder)
    assert [(p.key, p.pages) for p in batch.pending] == [("doc-1", (0, 1))]
    assert _keys(store.folder) == [0, 1, 2, 3] and batch.review.pages[0].rotation == 90
    store.save_review(BatchReview(tuple(ReviewEntry(k) for k in (1, 0, 2, 3))))  # every manifest write keeps it
    assert [m["key"] for m in _marks(store.folder)] == ["doc-1"]
    again = BatchStore.resume(store.folder, load_batch(store.folder))  # and so does a resumed batch
    again.save_review(BatchReview(tuple(ReviewEntry(k) for k in (0, 1, 2, 3))))
    assert [m["key"] for m in _marks(store.folder)] == ["doc-1"] and [p.key for p in again.pending] == ["doc-1"]


def test_a_committed_registration_drops_its_pages_and_its_mark(tmp_path: Path) -> None:
    store = _four_pages(tmp_path)
    store.begin_registration("doc-1", [0, 1])
    store.end_registration("doc-1", committed=True)
    assert _marks(store.folder) == [] and store.pending == ()
    assert _keys(store.folder) == [2, 3] and sorted(p.name for p in store.folder.glob("[01].*")) == []
    store.save_review(BatchReview((ReviewEntry(2), ReviewEntry(3))))  # the page's own review after it: no change
    assert _keys(store.folder) == [2, 3]


def test_a_registration_that_did_not_commit_keeps_its_pages(tmp_path: Path) -> None:
    store = _four_pages(tmp_path)
    store.begin_registration("doc-1", [0, 1])
    store.end_registration("doc-1", committed=False)
    assert _marks(store.folder) == [] and _keys(store.folder) == [0, 1, 2, 3]
    store.end_registration("doc-1", committed=True)  # an unknown or settled mark: nothing happens
    assert _keys(store.folder) == [0, 1, 2, 3]


def test_after_a_crash_the_registry_settles_each_mark(tmp_path: Path) -> None:
    store = _four_pages(tmp_path)
    store.begin_registration("doc-1", [0, 1])
    store.begin_registration("doc-2", [2])
    store.begin_registration("doc-3", [3])
    asked: list[str] = []
    answers = {"doc-1": True, "doc-2": False, "doc-3": None}  # None: the database could not be reached

    def committed(key: str) -> bool | None:
        asked.append(key)
        return answers[key]

    assert settle_pending(store.folder, committed) == Settled(registered=1, dropped_pages=2, not_committed=1,
                                                              unknown=1)
    assert sorted(asked) == ["doc-1", "doc-2", "doc-3"]
    assert _keys(store.folder) == [2, 3]  # doc-1 registered: gone; doc-2 not: kept; doc-3 unknown: kept
    assert [m["key"] for m in _marks(store.folder)] == ["doc-3"]
    [summary] = unfinished(tmp_path, "vanthu")
    assert summary.pages == 2 and summary.pending == 1
    assert settle_pending(store.folder, lambda key: None) == Settled(unknown=1)  # still unknown: nothing changes
    assert settle_pending(store.folder, lambda key: True) == Settled(registered=1, dropped_pages=1)
    assert _keys(store.folder) == [2] and _marks(store.folder) == []
    assert settle_pending(store.folder, lambda key: pytest.fail("no mark left to ask about")) == Settled()


def test_a_settled_batch_whose_every_page_was_registered_is_not_offered(tmp_path: Path) -> None:
    store = _four_pages(tmp_path)
    store.begin_registration("doc-1", [0, 1, 2, 3])
    settle_pending(store.folder, lambda key: True)
    assert unfinished(tmp_path, "vanthu") == []


def test_a_torn_manifest_never_loses_pages(tmp_path: Path) -> None:
    store = _four_pages(tmp_path)
    store.begin_registration("doc-1", [0, 1])
    (store.folder / MANIFEST_TMP).write_text('{"pending": [], "pa', encoding="utf-8")  # a write cut short
    assert settle_pending(store.folder, lambda key: False) == Settled(not_committed=1)  # the real manifest counts
    assert _keys(store.folder) == [0, 1, 2, 3]

    store.begin_registration("doc-2", [0, 1])
    manifest = store.folder / MANIFEST
    manifest.write_bytes(manifest.read_bytes()[:60])  # a disk that lost the end of the manifest itself
    assert settle_pending(store.folder, lambda key: pytest.fail("a mark that cannot be read is not acted on")) \
        == Settled()
    batch = load_batch(store.folder)
    assert sorted(batch.pages) == [0, 1, 2, 3] and batch.pending == ()  # every page comes back, in capture order

    manifest.write_text(json.dumps({"format": 1, "user": "vanthu", "pages": [], "pending": [
        {"key": "doc-3", "pages": ["x"]}, {"pages": [0]}, "junk", {"key": "", "pages": [1]}]}), encoding="utf-8")
    assert load_batch(store.folder).pending == ()  # marks that cannot be read keep their pages
    assert settle_pending(store.folder, lambda key: True) == Settled()
    assert sorted(load_batch(store.folder).pages) == [0, 1, 2, 3]


class _Crash(Exception):
    """The app dies here: nothing after this step is written."""


@pytest.mark.parametrize("committed", [True, False])
@pytest.mark.parametrize("where", ["live", "reopened"])
def test_a_crash_at_any_step_of_settling_neither_brings_back_nor_loses_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, committed: bool, where: str) -> None:
    """Every file write and removal of `end_registration` (the live page, once the registry answered) and of
    `settle_pending` (the next opening, when the app died before that) is a point the app may die at: whatever the
    step, after the next opening the registered document's pages are gone and those of one not registered are all
    there."""
    template = _four_pages(tmp_path / "template")
    template.begin_registration("doc-1", [0, 1])
    steps = {"n": 0, "crash_at": -1}
    real_write, real_unlink = batch_store._atomic_write, batch_store._unlink

    def step() -> None:
        steps["n"] += 1
        if steps["n"] == steps["crash_at"]:
            raise _Crash

    def write(path: Path, data: bytes) -> None:
        step()
        real_write(path, data)

    def unlink(path: Path) -> None:
        step()
        real_unlink(path)

    monkeypatch.setattr(batch_store, "_atomic_write", write)
    monkeypatch.setattr(batch_store, "_unlink", unlink)
    crash_at = 1
    while True:
        folder = tmp_path / f"crash-{crash_at}"
        shutil.copytree(template.folder, folder)
        store = BatchStore.resume(folder, load_batch(folder))
        steps.update(n=0, crash_at=crash_at)
        try:
            if where == "live":
                store.end_registration("doc-1", committed=committed)
            else:
                settle_pending(folder, lambda key: committed)
        except _Crash:
            crashed = True
        else:
            crashed = False
        steps.update(crash_at=-1)
        settle_pending(folder, lambda key: committed)  # the next opening
        assert _keys(folder) == ([2, 3] if committed else [0, 1, 2, 3]), f"crash at step {crash_at}"
        assert _marks(folder) == []
        if not crashed:
            break
        crash_at += 1
    # every step was tried: the two commit marks, the manifest, the four image files (only the manifest if not)
    assert crash_at == (8 if committed else 2)
