"""The intake batch on disk, so that pages already scanned survive an app crash and the batch can be resumed.

Each batch has its own folder under `<data dir>/intake-batches/`. Every captured or imported page is written there as
soon as it is cleaned (in the capture job, not the UI thread): its image files first, then a small JSON file with its
facts (dpi, output mode, blank flag, source) — that JSON is the page's commit mark, so a page whose writing was cut
short has none and is ignored. `manifest.json` holds the clerk's review of the strip (page order, rotation, blank pages
kept, "new document here" marks, separator codes, the split rule) and is rewritten atomically on every change.
A page committed after the last manifest write (the app died between the two) comes back at the end of the strip.
When the batch is registered or discarded the folder is removed.

Registering a document from the batch and removing its pages cannot be one atomic step (the registry is a database,
the batch a folder), so the manifest carries a "pending registration" mark, written before the document is registered
and removed after its pages are: the mark names the pages and the id the new document takes. A batch left with a mark
(the app died in between) is settled before it is offered again (`settle_pending`): the registry says whether that
document exists; if it does, its pages are dropped, if not, the mark goes and the pages stay. When the registry cannot
be asked, nothing changes: pages are never dropped on a guess.

Every file is written to a temporary name, fsynced and renamed (then the folder is fsynced): a crash leaves either
the old or the new file, never a torn one. This module imports no numpy or OpenCV at module level: the intake page
asks for unfinished batches while it opens; images are decoded only when the clerk resumes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Array = npt.NDArray[np.uint8]

log = logging.getLogger(__name__)

BATCHES_DIR = "intake-batches"
MANIFEST = "manifest.json"
FORMAT = 1
JPEG_QUALITY = 90  # the grey copy kept for OCR only (~3 MB on a noisy page); stored images are kept losslessly


@dataclass(frozen=True)
class PageFacts:
    """What the intake knows about a captured page besides its pixels."""

    key: int
    dpi: int
    mode: str  # OutputMode value
    blank: bool
    source_name: str
    original: str | None = None  # the kept copy (in the batch folder) of a signed or born-digital PDF
    captured: str = ""  # ISO time, UTC
    same_ocr: bool = False  # the OCR input is the stored image itself


@dataclass(frozen=True)
class ReviewEntry:
    """One page of the strip as the clerk left it."""

    key: int
    rotation: int = 0
    keep: bool = False
    break_before: bool = False
    codes: tuple[str, ...] | None = None  # None: not looked for yet


@dataclass(frozen=True)
class BatchReview:
    pages: tuple[ReviewEntry, ...] = ()
    split_mode: str = "none"
    split_every: int = 2


@dataclass(frozen=True)
class PendingRegistration:
    """A document about to be registered from batch pages: marked before it is registered, cleared after."""

    key: str  # the id the registered document takes: how the registry is asked whether it committed
    pages: tuple[int, ...]  # every page that leaves the strip with it (its separator and left-out blank sheets too)
    started: str = ""  # ISO time, UTC


@dataclass(frozen=True)
class BatchSummary:
    """An unfinished batch, as offered to the clerk: how many pages, when the last one was captured."""

    folder: Path
    user: str
    pages: int
    last_capture: datetime  # UTC
    pending: int = 0  # registrations marked and not settled: `settle_pending` before offering the batch


@dataclass(frozen=True)
class Settled:
    """What `settle_pending` did: documents found registered (their pages dropped), marks found not committed
    (their pages kept), marks left for later (the registry could not be asked)."""

    registered: int = 0
    dropped_pages: int = 0
    not_committed: int = 0
    unknown: int = 0


@dataclass(eq=False)
class LoadedPage:
    facts: PageFacts
    image: Array
    ocr_input: Array


@dataclass(eq=False)
class LoadedBatch:
    review: BatchReview  # every loaded page, in strip order (pages committed after the last review at the end)
    pages: dict[int, LoadedPage] = field(default_factory=dict)
    skipped: int = 0  # pages whose files were incomplete or unreadable
    pending: tuple[PendingRegistration, ...] = ()  # marks not settled (the registry could not be asked)


def batches_root(data_dir: Path) -> Path:
    return data_dir / BATCHES_DIR


class BatchStore:
    """The current batch's folder; created on the first page, so an intake visit without a scan leaves nothing.

    `add_page` may be called from the capture thread while the UI thread calls `save_review`: a page committed but
    not yet shown in any review is never removed by a review that does not list it (it simply has not arrived there
    yet); only pages a review listed and a later one leaves out (deleted, registered) are removed.
    """

    def __init__(self, folder: Path, user: str = "", *, now: Callable[[], datetime] | None = None) -> None:
        self.folder = folder
        self.user = user
        self._now = now or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._committed: set[int] = set()
        self._reviewed: set[int] = set()
        self._originals: dict[str, str] = {}
        self._created = ""
        self._review = BatchReview()  # as last written, for the manifest writes that only change the marks
        self._pending: dict[str, PendingRegistration] = {}

    @classmethod
    def new(cls, data_dir: Path, user: str = "", *, now: Callable[[], datetime] | None = None) -> BatchStore:
        clock = now or (lambda: datetime.now(UTC))
        name = clock().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(4)
        return cls(batches_root(data_dir) / name, user, now=clock)

    @classmethod
    def resume(cls, folder: Path, batch: LoadedBatch, *, now: Callable[[], datetime] | None = None) -> BatchStore:
        """Keep writing into a resumed batch's folder."""
        manifest = _read_json(folder / MANIFEST) or {}
        store = cls(folder, str(manifest.get("user", "")), now=now)
        store._created = str(manifest.get("created", ""))
        store._committed = set(batch.pages)
        store._reviewed = set(batch.pages)
        store._review = batch.review
        store._pending = {p.key: p for p in batch.pending}
        for page in batch.pages.values():
            if page.facts.original:
                store._originals[page.facts.original] = page.facts.original
        return store

    @property
    def exists(self) -> bool:
        return self.folder.is_dir()

    # ---- writing ---------------------------------------------------------------------------------------------------
    def _ensure(self) -> None:
        """Create the folder and an empty manifest on the first write (called under the lock)."""
        if self._created and self.folder.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        _fsync_dir(self.folder.parent)
        manifest = _read_json(self.folder / MANIFEST)
        if manifest is None:
            self._created = self._now().isoformat()
            self._write_manifest(BatchReview())
        else:
            self._created = str(manifest.get("created", "")) or self._now().isoformat()

    def keep_original(self, path: Path) -> Path:
        """A copy of a signed or born-digital PDF inside the batch (the clerk's file may move); once per file."""
        with self._lock:
            self._ensure()
            known = self._originals.get(str(path))
            if known is not None:
                return Path(known)
            folder = self.folder / "originals" / str(len(self._originals) + 1)
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / path.name
            _atomic_write(target, path.read_bytes())
            self._originals[str(path)] = str(target)
            self._originals[str(target)] = str(target)
            return target

    def add_page(self, key: int, image: Array, ocr_input: Array, *, dpi: int, mode: str, blank: bool,
                 source_name: str, original: Path | None = None) -> PageFacts:
        """Write one cleaned page durably: pixels first, then its facts (the commit mark)."""
        same = ocr_input is image
        facts = PageFacts(key, dpi, mode, blank, source_name, str(original) if original else None,
                          self._now().isoformat(), same)
        with self._lock:
            self._ensure()
        _atomic_write(self.folder / f"{key}.image.png", _encode(image, lossless=True, ext=".png"))
        if not same:
            _atomic_write(self.folder / f"{key}.ocr.jpg", _encode(ocr_input, lossless=False, ext=".jpg"))
        _atomic_write(self.folder / f"{key}.json", _dump(_facts_dict(facts)))
        with self._lock:
            self._committed.add(key)
        return facts

    def save_review(self, review: BatchReview) -> None:
        """Record the strip as the clerk left it; pages it dropped since the last review are removed."""
        with self._lock:
            if not self.folder.is_dir():
                return  # nothing captured yet
            listed = {e.key for e in review.pages}
            dropped = (self._reviewed - listed) & self._committed
            for key in dropped:  # the commit mark goes first: a crash part-way never brings a deleted page back
                _unlink(self.folder / f"{key}.json")
            self._write_manifest(review)
            for key in dropped:
                _unlink(self.folder / f"{key}.image.png")
                _unlink(self.folder / f"{key}.ocr.jpg")
            self._committed -= dropped
            self._reviewed = (self._reviewed | listed) - dropped

    def begin_registration(self, key: str, pages: Iterable[int]) -> None:
        """Durably mark that the document `key` is about to be registered from `pages`; call before registering."""
        with self._lock:
            if not self.folder.is_dir():
                return  # none of this batch is on disk: nothing could come back
            self._pending[key] = PendingRegistration(key, tuple(pages), self._now().isoformat())
            self._write_manifest(self._review)

    def end_registration(self, key: str, *, committed: bool) -> None:
        """The registration `key` committed (its pages leave the batch, if still here) or did not (they stay); the
        mark goes. Commit marks are removed before the manifest, image files after: no crash brings them back."""
        with self._lock:
            mark = self._pending.pop(key, None)
            if mark is None or not self.folder.is_dir():
                return
            gone = set(mark.pages) if committed else set()
            for page in gone:
                _unlink(self.folder / f"{page}.json")
            self._write_manifest(replace(self._review, pages=tuple(e for e in self._review.pages
                                                                   if e.key not in gone)))
            for page in gone:
                _unlink(self.folder / f"{page}.image.png")
                _unlink(self.folder / f"{page}.ocr.jpg")
            self._committed -= gone
            self._reviewed -= gone

    @property
    def pending(self) -> tuple[PendingRegistration, ...]:
        with self._lock:
            return tuple(self._pending.values())

    def discard(self) -> None:
        """The batch is registered or the clerk threw it away: remove the folder."""
        with self._lock:
            remove_batch(self.folder)
            self._committed.clear()
            self._reviewed.clear()
            self._originals.clear()
            self._created = ""
            self._review = BatchReview()
            self._pending.clear()

    def _write_manifest(self, review: BatchReview) -> None:
        data = {
            "format": FORMAT,
            "user": self.user,
            "created": self._created,
            "updated": self._now().isoformat(),
            "split": {"mode": review.split_mode, "every": review.split_every},
            "pages": [
                {"key": e.key, "rotation": e.rotation, "keep": e.keep, "break_before": e.break_before,
                 "codes": None if e.codes is None else list(e.codes)}
                for e in review.pages
            ],
            "pending": [_pending_dict(p) for p in self._pending.values()],
        }
        _atomic_write(self.folder / MANIFEST, _dump(data))
        self._review = review


# ---- finding and loading ------------------------------------------------------------------------------------------


def unfinished(data_dir: Path, user: str | None = None, *, exclude: Iterable[Path] = ()) -> list[BatchSummary]:
    """Batches left behind (newest first) that hold at least one complete page; of `user` only, when given.

    Reads only the small JSON files: cheap enough for the intake page to ask while it opens."""
    root = batches_root(data_dir)
    if not root.is_dir():
        return []
    skip = {p.resolve() for p in exclude}
    found: list[BatchSummary] = []
    for folder in root.iterdir():
        if not folder.is_dir() or folder.resolve() in skip:
            continue
        manifest = _read_json(folder / MANIFEST)
        if manifest is None:
            continue
        owner = str(manifest.get("user", ""))
        if user is not None and owner != user:
            continue
        facts = [f for f in _committed_facts(folder).values() if _files_present(folder, f)]
        if not facts:
            continue
        times = [_parse_time(f.captured) for f in facts]
        found.append(BatchSummary(folder, owner, len(facts), max(times), len(_pending_marks(manifest))))
    found.sort(key=lambda s: s.last_capture, reverse=True)
    return found


def load_batch(folder: Path) -> LoadedBatch:
    """Every complete page of a batch with the clerk's review; torn or unreadable pages are skipped and counted."""
    manifest = _read_json(folder / MANIFEST) or {}
    facts = _committed_facts(folder)
    split = manifest.get("split") if isinstance(manifest.get("split"), dict) else {}
    assert isinstance(split, dict)
    pages: dict[int, LoadedPage] = {}
    skipped = 0
    entries: list[ReviewEntry] = []
    listed: set[int] = set()
    raw_pages = manifest.get("pages")
    for raw in raw_pages if isinstance(raw_pages, list) else []:
        entry = _entry(raw)
        if entry is None or entry.key in listed:
            continue
        listed.add(entry.key)
        if entry.key in facts:
            entries.append(entry)
    for key in sorted(set(facts) - listed):  # committed after the last review: they come back at the end
        entries.append(ReviewEntry(key))
    kept: list[ReviewEntry] = []
    for entry in entries:
        loaded = _load_page(folder, facts[entry.key])
        if loaded is None:
            skipped += 1
            continue
        pages[entry.key] = loaded
        kept.append(entry)
    review = BatchReview(tuple(kept), str(split.get("mode", "none")), _int(split.get("every"), 2))
    return LoadedBatch(review, pages, skipped, tuple(_pending_marks(manifest)))


def settle_pending(folder: Path, committed: Callable[[str], bool | None], *,
                   now: Callable[[], datetime] | None = None) -> Settled:
    """Settle the registrations a batch's manifest still marks (the app died between registering a document and
    removing its pages): `committed(key)` says whether the document exists (None: the registry could not be asked).
    Registered → its pages are dropped; not committed → the mark goes and the pages stay; unknown → left as it is.

    Not for a folder a live `BatchStore` writes to (that one calls `end_registration`). A manifest that cannot be
    read is left alone: its pages all come back, as they would without the mark."""
    manifest = _read_json(folder / MANIFEST)
    if manifest is None:
        return Settled()
    marks = _pending_marks(manifest)
    if not marks:
        return Settled()
    kept: list[PendingRegistration] = []
    gone: set[int] = set()
    registered = not_committed = 0
    for mark in marks:
        answer = committed(mark.key)
        if answer is None:
            kept.append(mark)
        elif answer:
            registered += 1
            gone |= set(mark.pages)
        else:
            not_committed += 1
    if len(kept) == len(marks):
        return Settled(unknown=len(kept))
    present = set(_committed_facts(folder))
    for page in gone:  # the commit marks first, as when the clerk deletes a page
        _unlink(folder / f"{page}.json")
    raw_pages = manifest.get("pages")
    manifest["pages"] = [raw for raw in (raw_pages if isinstance(raw_pages, list) else [])
                         if (entry := _entry(raw)) is None or entry.key not in gone]
    manifest["pending"] = [_pending_dict(p) for p in kept]
    manifest["updated"] = (now or (lambda: datetime.now(UTC)))().isoformat()
    _atomic_write(folder / MANIFEST, _dump(manifest))
    for page in gone:
        _unlink(folder / f"{page}.image.png")
        _unlink(folder / f"{page}.ocr.jpg")
    return Settled(registered, len(gone & present), not_committed, len(kept))


def remove_batch(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if folder.parent.is_dir():
        _fsync_dir(folder.parent)


def _committed_facts(folder: Path) -> dict[int, PageFacts]:
    out: dict[int, PageFacts] = {}
    for path in folder.glob("*.json"):
        if path.name == MANIFEST or not path.stem.lstrip("-").isdigit():
            continue
        data = _read_json(path)
        facts = _facts(data) if data is not None else None
        if facts is not None and facts.key == int(path.stem):
            out[facts.key] = facts
    return out


def _files_present(folder: Path, facts: PageFacts) -> bool:
    return (folder / f"{facts.key}.image.png").is_file() and (
        facts.same_ocr or (folder / f"{facts.key}.ocr.jpg").is_file())


def _load_page(folder: Path, facts: PageFacts) -> LoadedPage | None:
    if not _files_present(folder, facts):
        return None
    image = _decode(folder / f"{facts.key}.image.png")
    ocr_input = image if facts.same_ocr else _decode(folder / f"{facts.key}.ocr.jpg")
    if image is None or ocr_input is None:
        return None
    return LoadedPage(facts, image, ocr_input)


# ---- encoding -------------------------------------------------------------------------------------------------------


def _encode(image: Array, *, lossless: bool, ext: str) -> bytes:
    """PNG (1-bit when the page is black and white) or JPEG; colour arrays are RGB, OpenCV writes BGR."""
    import cv2
    import numpy as np

    data = cv2.cvtColor(image, cv2.COLOR_RGB2BGR) if image.ndim == 3 else image
    params: list[int]
    if lossless:
        bilevel = data.ndim == 2 and not np.any((data != 0) & (data != 255))
        params = [cv2.IMWRITE_PNG_BILEVEL, 1] if bilevel else [cv2.IMWRITE_PNG_COMPRESSION, 1]
    else:
        params = [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY]
    ok, encoded = cv2.imencode(ext, data, params)
    if not ok:
        raise OSError(f"the page could not be encoded as {ext}")
    return bytes(encoded.tobytes())


def _decode(path: Path) -> Array | None:
    import cv2
    import numpy as np

    try:
        raw = np.frombuffer(path.read_bytes(), dtype=np.uint8)
    except OSError:
        return None
    image = cv2.imdecode(raw, cv2.IMREAD_UNCHANGED)
    if image is None:
        return None
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
    return np.ascontiguousarray(image, dtype=np.uint8)


# ---- small helpers --------------------------------------------------------------------------------------------------


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a folder; the rename is still atomic
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _dump(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _facts_dict(f: PageFacts) -> dict[str, Any]:
    return {"key": f.key, "dpi": f.dpi, "mode": f.mode, "blank": f.blank, "source": f.source_name,
            "original": f.original, "captured": f.captured, "same_ocr": f.same_ocr}


def _facts(data: dict[str, Any]) -> PageFacts | None:
    try:
        return PageFacts(int(data["key"]), int(data["dpi"]), str(data["mode"]), bool(data["blank"]),
                         str(data.get("source", "")), str(data["original"]) if data.get("original") else None,
                         str(data.get("captured", "")), bool(data.get("same_ocr", False)))
    except (KeyError, TypeError, ValueError):
        return None


def _pending_dict(p: PendingRegistration) -> dict[str, Any]:
    return {"key": p.key, "pages": list(p.pages), "started": p.started}


def _pending_marks(manifest: dict[str, Any]) -> list[PendingRegistration]:
    raw = manifest.get("pending")
    out: list[PendingRegistration] = []
    for item in raw if isinstance(raw, list) else []:
        try:
            key, pages = str(item["key"]), tuple(int(k) for k in item["pages"])
        except (KeyError, TypeError, ValueError):
            continue  # a mark that cannot be read keeps its pages: they come back, as without the mark
        if key:
            out.append(PendingRegistration(key, pages, str(item.get("started", ""))))
    return out


def _entry(raw: object) -> ReviewEntry | None:
    if not isinstance(raw, dict):
        return None
    try:
        codes = raw.get("codes")
        return ReviewEntry(int(raw["key"]), int(raw.get("rotation", 0)) % 360, bool(raw.get("keep", False)),
                           bool(raw.get("break_before", False)),
                           tuple(str(c) for c in codes) if isinstance(codes, list) else None)
    except (KeyError, TypeError, ValueError):
        return None


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return default


def _parse_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return datetime.fromtimestamp(0, UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
