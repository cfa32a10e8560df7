"""Intake of paper arrivals (issue 6, design §2 "Receive paper"): scan or import → review pages → pre-filled form →
organisation signature → register, all on one page.

Every slow step runs in a job (JobRunner), never on the UI thread: listing scanners, capture with cleanup of each page
as it arrives (thumbnails stream into the strip through the job's progress signal), OCR of the first pages for the
pre-filled form, and on "Register" the OCR of the rest, the PDF/A, the digitised-copy signature (TT01/2019 Art 6.2.c,
after the PIN is asked on the UI thread) and the registration. A born-digital or already signed PDF is registered byte
for byte, never re-signed. Pages captured before a scanner fault are kept; the fault is shown worded by `describe`.
Every page is also written to disk as it is cleaned, and the review of the strip on every change (`batch_store`), so a
batch survives a crash: the page offers to resume it the next time it opens, until it is registered or discarded.
Before a document is registered its pages are marked in the batch with the id the new document takes; a batch left
with such a mark is settled by asking the registry before it is offered, so a crash between registering a document
and removing its pages never offers them again (nor drops the pages of a registration that did not commit).

One batch may hold several documents (blank or barcode separator sheets, every N pages, or split by hand in the
strip): they are registered one after another, the form saying which one of how many.

This is the clerk's first page, so it opens without OpenCV, numpy, Tesseract or pikepdf: they load with the first
scan or import, or in a background warm-up a moment after the page is shown.
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Urgency
from app.domain.errors import DomainError
from app.domain.model import Actor, RegistryEntry
from app.scanner.batch_store import (
    BatchReview,
    BatchStore,
    BatchSummary,
    LoadedBatch,
    ReviewEntry,
    settle_pending,
    unfinished,
)
from app.scanner.errors import ScanError
from app.scanner.profiles import DEFAULT_PROFILES, DeviceInfo, OptionValue, OutputMode, ProfileStore, ScanProfile
from app.scanner.split import SplitMode, SplitRule
from app.services.registry import IncomingForm, RegistryService
from app.ui.dialogs import ERROR_STYLE
from app.ui.incoming_fields import make_incoming_fields
from app.ui.jobs import Job, JobContext
from app.ui.pages.common import PIN_ERRORS, PageEnv
from app.widgets.page_strip import PageStrip, to_qimage

if TYPE_CHECKING:
    import numpy as np

    from app.scanner.ocr import OcrPage
    from app.scanner.prefill import Prefill
    from app.scanner.sources import FileSource, Page, SaneSource

log = logging.getLogger(__name__)

FILE_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.PDF *.JPG *.JPEG *.PNG *.TIF *.TIFF"
IMPORT_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")
PREFILL_PAGES = 2  # the header is on page 1; a cover sheet may push it to page 2
LOW_CONFIDENCE = 0.8
LOW_STYLE = "background: #fff4c2;"
THUMB_PX = 240
WARM_UP_DELAY_MS = 1500  # after the page is first shown: the window paints first, the clerk's first scan is fast


@dataclass(eq=False)
class CapturedPage:
    """One cleaned page held for the document: what is stored (`image`), what OCR reads (`ocr_input`)."""

    key: int
    image: np.ndarray
    ocr_input: np.ndarray
    dpi: int
    mode: OutputMode
    blank: bool
    source_name: str
    original: Path | None = None  # a signed or born-digital PDF whose bytes must be kept as they are
    ocr: dict[int, OcrPage] = field(default_factory=dict)  # by clerk rotation
    codes: tuple[str, ...] | None = None  # barcodes/QR codes on the page; None: not looked for yet


@dataclass(frozen=True)
class _Arrival:
    page: CapturedPage
    thumbnail: np.ndarray


@dataclass(frozen=True)
class _Placement:
    """Where a capture's pages go: appended, inserted from a row on, or the first one replacing a rescanned page."""

    insert_at: int | None = None
    replace: int | None = None


class _Cancel:
    """A job's cancel flag in the shape scan sources poll (`is_set`)."""

    def __init__(self, ctx: JobContext) -> None:
        self._ctx = ctx

    def is_set(self) -> bool:
        return self._ctx.cancelled


def _thumbnail(image: np.ndarray) -> np.ndarray:
    import cv2
    import numpy as np

    h, w = image.shape[:2]
    scale = THUMB_PX / max(h, w)
    small = cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(small, dtype=np.uint8)


_warm = threading.Event()


def warm_up() -> None:
    """Import what the first scan needs (OpenCV, numpy, the pipeline, OCR, PDF/A, pre-fill), once per process."""
    if _warm.is_set():
        return
    import app.scanner.ocr
    import app.scanner.pdfa
    import app.scanner.pipeline
    import app.scanner.prefill
    import app.scanner.sources  # noqa: F401

    _warm.set()


class IntakePage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None, *, sane: SaneSource | None = None,
                 files: FileSource | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakePage")
        self._env = env
        self._services = env.services
        self._actor = Actor.of(env.user)
        self._sane = sane
        self._files = files
        self.profile_store = ProfileStore.in_data_dir(env.settings.data_dir)
        self.profiles: tuple[ScanProfile, ...] = self.profile_store.load()
        self.max_pages: int | None = None  # None: until the feeder is empty
        self.device_options: dict[str, OptionValue] = {}  # driver-specific options passed through to the source
        self.pages: dict[int, CapturedPage] = {}
        self._next_key = 0
        self._arrivals: list[_Arrival] = []
        self._placement = _Placement()
        self._lock = threading.Lock()
        self.capture_job: Job | None = None
        self.devices_job: Job | None = None
        self.ocr_job: Job | None = None
        self.codes_job: Job | None = None
        self.register_job: Job | None = None
        self.last_entry: RegistryEntry | None = None
        self.registered_in_batch: list[RegistryEntry] = []
        self.prefilled: Prefill | None = None
        self._confirm_duplicate = False
        self._prefill_basis: tuple[tuple[int, int], ...] = ()
        self._signed: tuple[tuple[object, ...], bytes] | None = None  # the last signed PDF and what it was made of
        self._touched: set[str] = set()
        self._filling = False
        self._warm_up_started = False
        self.batch_store: BatchStore | None = None  # the pages of this batch on disk (they survive a crash)
        self._restoring = False
        self.offered_batch: BatchSummary | None = None
        self.resume_job: Job | None = None
        self.setAcceptDrops(True)

        heading = QLabel(self.tr("Intake of paper documents"), self)
        heading.setObjectName("pageHeading")

        # ---- left: source, profile, scan / import --------------------------------------------------------------
        source_box = QGroupBox(self.tr("Source"), self)
        self.device = QComboBox(source_box)
        self.device.setObjectName("device")
        self.device.setPlaceholderText(self.tr("No scanner found"))
        self.refresh_devices = QPushButton(self.tr("Find scanners"), source_box)
        self.refresh_devices.setObjectName("refreshDevices")
        self.refresh_devices.clicked.connect(self.find_devices)
        self.profile = QComboBox(source_box)
        self.profile.setObjectName("profile")
        self.profile.setToolTip(self.tr("Saved scan settings: source, colour mode, resolution, page size"))
        self.manage_profiles = QPushButton(self.tr("Profiles…"), source_box)
        self.manage_profiles.setObjectName("manageProfiles")
        self.manage_profiles.setToolTip(self.tr("Add, rename, change or delete scan profiles"))
        self.manage_profiles.clicked.connect(self.edit_profiles)
        self.scan_button = QPushButton(self.tr("Scan"), source_box)
        self.scan_button.setObjectName("scan")
        self.scan_button.clicked.connect(lambda: self.scan())
        self.cancel_button = QPushButton(self.tr("Cancel"), source_box)
        self.cancel_button.setObjectName("cancelScan")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.import_button = QPushButton(self.tr("Import files…"), source_box)
        self.import_button.setObjectName("importFiles")
        self.import_button.clicked.connect(lambda: self._choose_files())
        self.new_button = QPushButton(self.tr("New document"), source_box)
        self.new_button.setObjectName("newDocument")
        self.new_button.clicked.connect(self.reset)
        drop_hint = QLabel(self.tr("Or drop PDF and image files onto this page."), source_box)
        drop_hint.setWordWrap(True)
        drop_hint.setStyleSheet("color: #555;")
        self.progress = QProgressBar(source_box)
        self.progress.setObjectName("captureProgress")
        self.progress.setVisible(False)
        self.status = QLabel(source_box)
        self.status.setObjectName("intakeStatus")
        self.status.setWordWrap(True)
        left = QVBoxLayout(source_box)
        left.addWidget(QLabel(self.tr("Scanner:"), source_box))
        left.addWidget(self.device)
        left.addWidget(self.refresh_devices)
        left.addWidget(QLabel(self.tr("Profile:"), source_box))
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile, 1)
        profile_row.addWidget(self.manage_profiles)
        left.addLayout(profile_row)
        row = QHBoxLayout()
        row.addWidget(self.scan_button)
        row.addWidget(self.cancel_button)
        left.addLayout(row)
        left.addSpacing(12)
        left.addWidget(self.import_button)
        left.addWidget(drop_hint)
        left.addSpacing(12)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        left.addStretch(1)
        left.addWidget(self.new_button)

        # ---- middle: the pages ------------------------------------------------------------------------------------
        pages_box = QGroupBox(self.tr("Pages"), self)
        self.strip = PageStrip(pages_box)
        self.strip.changed.connect(self._pages_changed)
        self.strip.rescan_requested.connect(self.rescan_page)
        self.strip.insert_requested.connect(self._insert_requested)
        self.strip.split_mode.currentIndexChanged.connect(self._split_rule_changed)
        middle = QVBoxLayout(pages_box)
        middle.addWidget(self.strip)

        # ---- right: the form --------------------------------------------------------------------------------------
        form_box = QGroupBox(self.tr("Document details"), self)
        self.position = QLabel(form_box)
        self.position.setObjectName("documentPosition")
        self.position.setStyleSheet("font-weight: 600; color: #1565c0;")
        self.position.setVisible(False)
        self.issuer = QLineEdit(form_box)
        self.issuer.setObjectName("issuer")
        fields = make_incoming_fields(form_box, self._services.ctx.clock().date(), summary_height=80)
        self.number, self.issued, self.doc_type = fields.number, fields.issued, fields.doc_type
        self.summary, self.urgency = fields.summary, fields.urgency
        self.form_note = QLabel(form_box)
        self.form_note.setObjectName("formNote")
        self.form_note.setWordWrap(True)
        self.form_note.setStyleSheet("color: #555;")
        self.message = QLabel(form_box)
        self.message.setObjectName("intakeMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.duplicate_box = QWidget(form_box)
        self.duplicate_box.setObjectName("duplicateWarning")
        self.duplicate_box.setStyleSheet("#duplicateWarning { background: #fff4e5; border: 1px solid #f0c36d; }")
        self.duplicate_text = QLabel(self.duplicate_box)
        self.duplicate_text.setWordWrap(True)
        self.register_anyway = QPushButton(self.tr("Register anyway"), self.duplicate_box)
        self.register_anyway.setObjectName("registerAnyway")
        self.register_anyway.clicked.connect(self._register_anyway)
        dup = QVBoxLayout(self.duplicate_box)
        dup.addWidget(self.duplicate_text)
        dup.addWidget(self.register_anyway)
        self.duplicate_box.setVisible(False)
        self.sign_note = QLabel(self.tr("Scanned pages are signed with the agency's digital signature (digitised "
                                        "copy) before they are registered."), form_box)
        self.sign_note.setObjectName("signNote")
        self.sign_note.setWordWrap(True)
        self.sign_note.setStyleSheet("color: #555;")
        self.register_button = QPushButton(self.tr("Sign and register"), form_box)
        self.register_button.setObjectName("register")
        self.register_button.setDefault(True)
        self.register_button.clicked.connect(lambda: self.register())
        self.open_button = QPushButton(self.tr("Open the registered document"), form_box)
        self.open_button.setObjectName("openRegistered")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self._open_registered)
        form = QFormLayout()
        form.addRow(self.tr("Issuing agency:"), self.issuer)
        form.addRow(self.tr("Number/notation:"), self.number)
        form.addRow(self.tr("Issued on:"), self.issued)
        form.addRow(self.tr("Document type:"), self.doc_type)
        form.addRow(self.tr("Summary:"), self.summary)
        form.addRow(self.tr("Urgency:"), self.urgency)
        right = QVBoxLayout(form_box)
        right.addWidget(self.position)
        right.addLayout(form)
        right.addWidget(self.form_note)
        right.addWidget(self.message)
        right.addWidget(self.duplicate_box)
        right.addStretch(1)
        right.addWidget(self.sign_note)
        right.addWidget(self.register_button)
        right.addWidget(self.open_button)

        splitter = QSplitter(self)
        splitter.addWidget(source_box)
        splitter.addWidget(pages_box)
        splitter.addWidget(form_box)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([230, 560, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(heading)
        layout.addWidget(self._make_resume_offer())
        layout.addWidget(splitter, 1)

        self.issuer.textEdited.connect(lambda: self._touch("issuer", self.issuer))
        self.number.textEdited.connect(lambda: self._touch("number", self.number))
        self.issued.dateChanged.connect(lambda: self._touch("issued", self.issued))
        self.doc_type.currentIndexChanged.connect(lambda: self._touch("doc_type", self.doc_type))
        self.summary.textChanged.connect(lambda: self._touch("summary", self.summary))
        self.urgency.currentIndexChanged.connect(lambda: self._touch("urgency", self.urgency))
        for edit in (self.issuer, self.number):
            edit.textChanged.connect(self._forget_duplicate)
        self._fill_profiles(self.profile_store.last_used(self._actor.username))
        self.profile.currentIndexChanged.connect(self._profile_chosen)
        self._update_buttons()
        self.offer_unfinished()

    # ---- sources (created on first use: SaneSource/FileSource pull in numpy) -----------------------------------
    @property
    def sane(self) -> SaneSource:
        if self._sane is None:
            from app.scanner.sources import SaneSource

            self._sane = SaneSource(local_only=True)
        return self._sane

    @sane.setter
    def sane(self, source: SaneSource) -> None:
        self._sane = source

    @property
    def files(self) -> FileSource:
        if self._files is None:
            from app.scanner.sources import FileSource

            self._files = FileSource()
        return self._files

    @files.setter
    def files(self, source: FileSource) -> None:
        self._files = source

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warm_up_started and not _warm.is_set():
            self._warm_up_started = True
            QTimer.singleShot(WARM_UP_DELAY_MS, self, self._start_warm_up)

    def _start_warm_up(self) -> None:
        def run() -> None:
            try:
                warm_up()
            except Exception:  # a broken install shows itself on the first scan, worded there
                log.debug("intake warm-up failed", exc_info=True)

        threading.Thread(target=run, name="intake-warm-up", daemon=True).start()

    # ---- state -----------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return any(j is not None and j.running for j in (self.capture_job, self.register_job))

    @property
    def capturing(self) -> bool:
        return self.capture_job is not None and self.capture_job.running

    # ---- profiles ---------------------------------------------------------------------------------------------
    def set_profiles(self, profiles: tuple[ScanProfile, ...], *, save: bool = False) -> None:
        """Offer these scan profiles; with `save`, they also become the workstation's saved profiles."""
        current = self.current_profile().name if self.profile.count() else None
        if save:
            profiles = self.profile_store.save(profiles)
        self.profiles = profiles or DEFAULT_PROFILES
        self._fill_profiles(current)

    def _fill_profiles(self, wanted: str | None) -> None:
        self.profile.blockSignals(True)
        self.profile.clear()
        for p in self.profiles:
            self.profile.addItem(p.name, p.name)
        index = self.profile.findData(wanted) if wanted else -1
        self.profile.setCurrentIndex(index if index >= 0 else 0)
        self.profile.blockSignals(False)

    def current_profile(self) -> ScanProfile:
        return self.profiles[max(0, min(self.profile.currentIndex(), len(self.profiles) - 1))]

    def choose_profile(self, name: str) -> bool:
        index = self.profile.findData(name)
        if index >= 0:
            self.profile.setCurrentIndex(index)
        return index >= 0

    def _profile_chosen(self) -> None:
        try:
            self.profile_store.remember(self._actor.username, self.current_profile().name)
        except OSError as exc:  # a read-only data dir costs the clerk the remembered choice, nothing else
            log.warning("cannot remember the scan profile: %s", exc)

    def edit_profiles(self) -> None:
        from app.ui.dialogs.scan_profiles import ScanProfilesDialog

        dialog = ScanProfilesDialog(self.profiles, self.current_profile().name, self)
        if dialog.exec() != ScanProfilesDialog.DialogCode.Accepted:
            return
        try:
            self.set_profiles(dialog.profiles(), save=True)
        except (DomainError, OSError) as exc:
            self._set_status(self._describe(exc) if isinstance(exc, DomainError) else str(exc), error=True)
            return
        if dialog.chosen():
            self.choose_profile(dialog.chosen() or "")
        self._profile_chosen()

    # ---- buttons and status -----------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        capturing = self.capturing
        registering = self.register_job is not None and self.register_job.running
        self.scan_button.setEnabled(not capturing and not registering)
        self.import_button.setEnabled(not capturing and not registering)
        self.cancel_button.setEnabled(capturing or registering)
        self.new_button.setEnabled(not capturing and not registering)
        self.manage_profiles.setEnabled(not capturing)
        self.register_button.setEnabled(not capturing and not registering and bool(self.strip.current_document()))
        self.register_anyway.setEnabled(not registering)
        self.strip.set_capturing(capturing or registering)
        if registering:
            self.register_button.setText(self.tr("Registering…"))
        elif self._current_original() is not None:
            self.register_button.setText(self.tr("Register"))
        else:
            self.register_button.setText(self.tr("Sign and register"))
        self.sign_note.setVisible(self._current_original() is None)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    def _current_original(self) -> Path | None:
        keys = self.strip.current_document()
        originals = {self.pages[k].original for k in keys if k in self.pages}
        return next(iter(originals)) if len(originals) == 1 else None

    def _update_position(self) -> None:
        remaining = len(self.strip.documents())
        total = len(self.registered_in_batch) + remaining
        if total > 1 and remaining:
            self.position.setText(self.tr("Document %1 of %2 in this batch")
                                  .replace("%1", str(len(self.registered_in_batch) + 1)).replace("%2", str(total)))
            self.position.setVisible(True)
        else:
            self.position.setVisible(False)

    def reset(self) -> None:
        """Start the next batch: empty strip, empty form; the old batch's pages are removed from disk."""
        self.strip.clear()
        self.pages.clear()
        self._discard_store()
        self.registered_in_batch.clear()
        self._clear_form()
        self._set_status("")
        self._update_buttons()

    def _clear_form(self) -> None:
        self.prefilled = None
        self._prefill_basis = ()
        self._signed = None
        self._touched.clear()
        self._filling = True
        try:
            for edit in (self.issuer, self.number):
                edit.clear()
            self.summary.clear()
            today = self._services.ctx.clock().date()
            self.issued.setDate(QDate(today.year, today.month, today.day))
            self.doc_type.setCurrentText("Công văn")
            self.urgency.setCurrentIndex(0)
        finally:
            self._filling = False
        for w in (self.issuer, self.number, self.issued, self.doc_type, self.summary, self.urgency):
            w.setStyleSheet("")
            w.setToolTip("")
            w.setProperty("lowConfidence", False)
        self.form_note.clear()
        self.message.setVisible(False)
        self.duplicate_box.setVisible(False)
        self.open_button.setVisible(False)
        self._update_position()

    # ---- crash recovery: the batch on disk ------------------------------------------------------------------------
    def _make_resume_offer(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("resumeOffer")
        box.setStyleSheet("#resumeOffer { background: #e3f2fd; border: 1px solid #90caf9; }")
        self.resume_text = QLabel(box)
        self.resume_text.setObjectName("resumeText")
        self.resume_text.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Resume"), box)
        self.resume_button.setObjectName("resumeBatch")
        self.resume_button.clicked.connect(lambda: self.resume_batch())
        self.discard_button = QPushButton(self.tr("Discard"), box)
        self.discard_button.setObjectName("discardBatch")
        self.discard_button.setToolTip(self.tr("Delete the pages of the unfinished batch; nothing was registered "
                                               "from them."))
        self.discard_button.clicked.connect(self.discard_unfinished)
        row = QHBoxLayout(box)
        row.addWidget(self.resume_text, 1)
        row.addWidget(self.resume_button)
        row.addWidget(self.discard_button)
        box.setVisible(False)
        self.resume_box = box
        return box

    def offer_unfinished(self) -> BatchSummary | None:
        """Offer the newest batch this clerk left unfinished (the app closed or crashed before it was registered)."""
        exclude = [self.batch_store.folder] if self.batch_store is not None else []
        try:
            found = unfinished(self._env.settings.data_dir, self._actor.username, exclude=exclude)
            if any(s.pending for s in found):  # the app died while registering from a batch: settle that first
                registry = self._services.registry
                for summary in found:
                    if summary.pending:
                        settle_pending(summary.folder, lambda key: _committed(registry, key))
                found = unfinished(self._env.settings.data_dir, self._actor.username, exclude=exclude)
        except OSError as exc:
            log.warning("cannot look for unfinished intake batches: %s", exc)
            found = []
        self.offered_batch = found[0] if found and not self.strip.count() else None
        if self.offered_batch is not None:
            when = self.offered_batch.last_capture.astimezone()
            today = self._services.ctx.clock().date()
            shown = when.strftime("%H:%M") if when.date() == today else when.strftime("%H:%M %d/%m/%Y")
            self.resume_text.setText(self.tr("Resume the unfinished batch (%1 pages, scanned at %2)?")
                                     .replace("%1", str(self.offered_batch.pages)).replace("%2", shown))
        self.resume_box.setVisible(self.offered_batch is not None)
        return self.offered_batch

    def resume_batch(self) -> Job | None:
        """Load the offered batch's pages in a job and restore the page review as the clerk left it."""
        offered = self.offered_batch
        if offered is None or self.busy or self.strip.count():
            return None
        folder = offered.folder
        registry = self._services.registry

        def work(ctx: JobContext) -> tuple[LoadedBatch, dict[int, np.ndarray]]:
            from app.scanner.batch_store import load_batch

            try:  # a registration marked since the offer, or one the registry could not be asked about then
                settle_pending(folder, lambda key: _committed(registry, key))
            except OSError as exc:
                log.warning("intake batch %s not settled: %s", folder, exc)
            batch = load_batch(folder)
            thumbs = {}
            for i, (key, page) in enumerate(batch.pages.items()):
                ctx.raise_if_cancelled()
                ctx.report(i, len(batch.pages), "")
                thumbs[key] = _thumbnail(page.image)
            return batch, thumbs

        self.resume_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self._set_status(self.tr("Restoring the unfinished batch…"))
        job = self._env.jobs.run("intake-resume", work)
        job.succeeded.connect(lambda result: self._resumed(folder, result))
        job.failed.connect(lambda message: self._set_status(message, error=True))
        job.finished.connect(lambda: self.resume_button.setEnabled(True))
        job.finished.connect(lambda: self.discard_button.setEnabled(True))
        self.resume_job = job
        return job

    def _resumed(self, folder: Path, result: object) -> None:
        if not isinstance(result, tuple) or self.strip.count():
            return
        batch, thumbs = result
        assert isinstance(batch, LoadedBatch)
        self._restoring = True  # one review write at the end, not a half-restored one per page
        try:
            for entry in batch.review.pages:
                loaded = batch.pages[entry.key]
                facts = loaded.facts
                self.pages[entry.key] = CapturedPage(
                    entry.key, loaded.image, loaded.ocr_input, facts.dpi, OutputMode(facts.mode), facts.blank,
                    facts.source_name, Path(facts.original) if facts.original else None, codes=entry.codes)
                self.strip.add_page(entry.key, to_qimage(thumbs[entry.key]), blank=facts.blank,
                                    codes=entry.codes or ())
                self.strip.set_rotation(entry.key, entry.rotation)
                if entry.keep:
                    self.strip.toggle_keep(entry.key)
                self.strip.set_break(entry.key, entry.break_before)
            try:
                mode = SplitMode(batch.review.split_mode)
            except ValueError:
                mode = SplitMode.NONE
            self.strip.set_rule(SplitRule(mode, every=max(1, batch.review.split_every)))
        finally:
            self._restoring = False
        self.batch_store = BatchStore.resume(folder, batch)
        top = max([*batch.pages, *(k for mark in batch.pending for k in mark.pages)], default=-1)
        self._next_key = max(self._next_key, (top // 100_000 + 1) * 100_000)
        self.offered_batch = None
        self.resume_box.setVisible(False)
        text = self.tr("%1 page(s) restored from the unfinished batch.").replace("%1", str(self.strip.count()))
        if batch.skipped:
            text += " " + self.tr("%1 page(s) were damaged on disk and are left out; scan them again.") \
                .replace("%1", str(batch.skipped))
        self._set_status(text, error=bool(batch.skipped))
        self._pages_changed()
        if self.strip.current_document():
            self.read_header()

    def discard_unfinished(self) -> None:
        """The clerk does not want the unfinished batch: its pages are deleted; the next one (if any) is offered."""
        from app.scanner.batch_store import remove_batch

        if self.offered_batch is None or (self.resume_job is not None and self.resume_job.running):
            return
        remove_batch(self.offered_batch.folder)
        self.offer_unfinished()

    def _store_for_capture(self) -> BatchStore:
        self.resume_box.setVisible(False)  # a new batch begins; the unfinished one stays on disk, offered next time
        if self.batch_store is None:
            self.batch_store = BatchStore.new(self._env.settings.data_dir, self._actor.username)
        return self.batch_store

    def _save_review(self) -> None:
        store = self.batch_store
        if store is None:
            return
        rule = self.strip.rule()
        review = BatchReview(
            tuple(ReviewEntry(k, self.strip.rotation(k), self.strip.is_kept(k), self.strip.starts_document(k),
                              self.pages[k].codes if k in self.pages else None)
                  for k in self.strip.page_keys()),
            rule.mode.value, rule.every)
        try:
            store.save_review(review)
        except OSError as exc:
            log.warning("intake batch review not saved: %s", exc)

    def _begin_registration(self, document_id: str) -> None:
        """Mark in the batch, before registering, the pages that leave the strip with this document: if the app dies
        after the registration and before they are removed, they are not offered again."""
        store = self.batch_store
        if store is None:
            return
        keys, groups = self.strip.page_keys(), self.strip.split().documents
        end = groups[1][0] if len(groups) > 1 else len(keys)  # what `take_first_document` removes
        try:
            store.begin_registration(document_id, keys[:end])
        except OSError as exc:  # costs the crash recovery this guard, not the registration
            log.warning("intake registration %s not marked in the batch: %s", document_id, exc)

    def _end_registration(self, document_id: str, *, committed: bool) -> None:
        store = self.batch_store
        if store is None:
            return
        try:
            store.end_registration(document_id, committed=committed)
        except OSError as exc:
            log.warning("intake registration %s not settled in the batch: %s", document_id, exc)

    def _discard_store(self) -> None:
        if self.batch_store is not None:
            self.batch_store.discard()
            self.batch_store = None

    def _warn_unsaved(self, unsaved: list[str]) -> None:
        if unsaved:
            self._set_status(self.status.text() + " " + self.tr(
                "%1 page(s) could not be kept on disk for recovery after a crash (%2); register the batch before "
                "closing the program.").replace("%1", str(len(unsaved))).replace("%2", unsaved[-1]), error=True)

    # ---- devices ---------------------------------------------------------------------------------------------
    def find_devices(self) -> Job:
        """List the scanners in a job (SANE's probe can take seconds)."""
        self.refresh_devices.setEnabled(False)
        self._set_status(self.tr("Looking for scanners…"))

        def work(_ctx: JobContext) -> object:
            return self.sane.list_devices()

        job = self._env.jobs.run("intake-devices", work)
        job.succeeded.connect(self._devices_found)
        job.failed.connect(self._devices_failed)
        job.finished.connect(lambda: self.refresh_devices.setEnabled(True))
        self.devices_job = job
        return job

    def _devices_found(self, devices: object) -> None:
        current = self.device.currentData()
        self.device.clear()
        for d in devices if isinstance(devices, list) else []:
            if isinstance(d, DeviceInfo):
                self.device.addItem(f"{d.label} ({d.name})", d.name)
        index = self.device.findData(current)
        self.device.setCurrentIndex(index if index >= 0 else (0 if self.device.count() else -1))
        self._set_status(self.tr("%1 scanner(s) found.").replace("%1", str(self.device.count())))

    def _devices_failed(self, message: str) -> None:
        self._set_status(message, error=True)

    # ---- capture ---------------------------------------------------------------------------------------------
    def scan(self, *, insert_after: int | None = None) -> Job | None:
        """Scan with the chosen device and profile; each page is cleaned and shown as it arrives (appended, or
        inserted after the page `insert_after`)."""
        return self._scan("intake-scan", self.max_pages, self._insert_placement(insert_after))

    def rescan_page(self, key: int) -> Job | None:
        """Scan one sheet from the chosen scanner and put it in place of page `key` (a crooked or torn sheet)."""
        if key not in self.pages or self.strip.row_of(key) < 0:
            return None
        return self._scan("intake-rescan", 1, _Placement(replace=key))

    def _scan(self, name: str, max_pages: int | None, placement: _Placement) -> Job | None:
        if self.busy:
            return None
        device = self.device.currentData()
        profile = self.current_profile()
        options_base = profile.scan_options(max_pages=max_pages)
        device_options = dict(self.device_options)

        def capture(ctx: JobContext, on_page: Any) -> object:
            options = replace(options_base, device_options=device_options)
            return self.sane.scan(str(device) if device else None, options, on_page, _Cancel(ctx))

        return self._capture(name, capture, profile, placement)

    def import_files(self, paths: list[Path], *, insert_after: int | None = None) -> Job | None:
        """Import JPEG, PNG, TIFF and PDF files as pages of the batch (appended, or after the page `insert_after`)."""
        paths = [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES or p.is_file()]
        if not paths or self.busy:
            return None
        profile = self.current_profile()
        gray = profile.output is not OutputMode.COLOR

        def capture(ctx: JobContext, on_page: Any) -> object:
            source = self.files
            out = []
            for path in paths:
                ctx.raise_if_cancelled()
                try:
                    result = source.read(path, None, _Cancel(ctx), gray=gray)
                except ScanError as exc:  # keep the pages read before the fault
                    for page in exc.pages:
                        on_page(page)
                    exc.pages = []
                    raise
                for page in result.pages:
                    if result.keep_original:
                        page.metadata["original"] = str(path)
                    on_page(page)
                out.append(result)
            return out

        return self._capture("intake-import", capture, profile, self._insert_placement(insert_after))

    def _insert_placement(self, after: int | None) -> _Placement:
        if after is None or after < 0:
            return _Placement()
        row = self.strip.row_of(after)
        return _Placement(insert_at=row + 1) if row >= 0 else _Placement()

    def _insert_requested(self, after: int, how: str) -> None:
        if how == "files":
            self._choose_files(after)
        else:
            self.scan(insert_after=after)

    def _capture(self, name: str, capture: Any, profile: ScanProfile, placement: _Placement) -> Job:
        arrivals, lock = self._arrivals, self._lock
        store = self._store_for_capture()
        unsaved: list[str] = []
        start_key = self._next_key
        counter = [0]
        read_codes = self.strip.rule().mode is SplitMode.BARCODE

        def on_page(page: Page) -> None:
            from app.scanner.pipeline import PipelineSettings, process_page

            key = start_key + counter[0]
            counter[0] += 1
            settings = PipelineSettings(output=profile.output, read_codes=read_codes)
            result = process_page(page.image, settings, page.dpi, page.index)
            ocr_input = result.gray if result.gray is not None else result.image
            original = page.metadata.get("original")
            try:  # on disk before it is shown: a crash from here on keeps the page
                kept = store.keep_original(Path(original)) if original else None
                store.add_page(key, result.image, ocr_input, dpi=result.dpi, mode=profile.output.value,
                               blank=result.is_blank, source_name=page.source_name, original=kept)
            except OSError as exc:  # a full or read-only data dir costs the crash recovery, not the scan
                log.warning("page %s not kept for recovery: %s", key, exc)
                unsaved.append(str(exc))
            captured = CapturedPage(key, result.image, ocr_input, result.dpi, profile.output, result.is_blank,
                                    page.source_name, Path(original) if original else None,
                                    codes=result.codes if read_codes else None)
            with lock:
                arrivals.append(_Arrival(captured, _thumbnail(result.image)))

        def work(ctx: JobContext) -> object:
            def report(page: Page) -> None:
                on_page(page)
                ctx.report(counter[0], 0, "")

            return capture(ctx, report)  # SaneSource hands every page to on_page before it raises

        self._next_key += 100_000  # keys of this capture never collide with the next one
        self._placement = placement
        self.message.setVisible(False)
        self.open_button.setVisible(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._set_status(self.tr("Capturing pages…"))
        job = self._env.jobs.run(name, work)
        job.progress.connect(lambda *_: self._take_arrivals())
        job.succeeded.connect(lambda _r: self._captured(None))
        job.finished.connect(lambda: self._warn_unsaved(unsaved))
        job.failed.connect(lambda message: self._captured(message))
        job.cancelled.connect(lambda: self._captured(self.tr("Cancelled; the pages already captured are kept.")))
        self.capture_job = job
        self._update_buttons()
        return job

    def _take_arrivals(self) -> None:
        with self._lock:
            arrived, self._arrivals[:] = list(self._arrivals), []
        for a in arrived:
            page, thumb = a.page, to_qimage(a.thumbnail)
            codes = page.codes or ()
            placement = self._placement
            self.pages[page.key] = page
            if placement.replace is not None:
                old = placement.replace
                row = self.strip.row_of(old)
                if self.strip.replace_page(old, page.key, thumb, blank=page.blank, codes=codes):
                    self.pages.pop(old, None)
                    self._signed = None
                    self._placement = _Placement(insert_at=row + 1)  # any further sheet goes right after it
                    continue
                self._placement = placement = _Placement()
            if placement.insert_at is not None:
                self.strip.add_page(page.key, thumb, blank=page.blank, codes=codes, at=placement.insert_at)
                self._placement = _Placement(insert_at=placement.insert_at + 1)
            else:
                self.strip.add_page(page.key, thumb, blank=page.blank, codes=codes)
        if arrived:
            self._set_status(self.tr("%1 page(s) captured…").replace("%1", str(len(self.pages))))

    def _captured(self, error: str | None) -> None:
        self._take_arrivals()
        self._placement = _Placement()
        self.progress.setVisible(False)
        self._update_buttons()
        if error:
            self._set_status(error, error=True)
        else:
            separators = set(self.strip.separators())
            blanks = sum(1 for k in self.strip.page_keys()
                         if self.strip.is_blank(k) and not self.strip.is_kept(k) and k not in separators)
            text = self.tr("%1 page(s) ready for review.").replace("%1", str(self.strip.count()))
            documents = len(self.strip.documents())
            if documents > 1:
                text += " " + self.tr("The batch holds %1 documents; they are registered one after another.") \
                    .replace("%1", str(documents))
            if blanks:
                text += " " + self.tr("%1 blank page(s) left out; select one and press “Keep blank page” to keep it.") \
                    .replace("%1", str(blanks))
            self._set_status(text)
        self._update_position()
        if self.strip.rule().mode is SplitMode.BARCODE:
            self._split_rule_changed()  # pages that arrived before the rule changed still need their codes read
        if self.strip.current_document() and (self.prefilled is None or self._basis() != self._prefill_basis):
            self.read_header()

    def cancel(self) -> None:
        for job in (self.capture_job, self.register_job):
            if job is not None and job.running:
                job.cancel()

    def _choose_files(self, insert_after: int | None = None) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import scanned or received files"), "",
            self.tr("PDF or image (%1)").replace("%1", FILE_FILTER),
        )
        if names:
            self.import_files([Path(n) for n in names], insert_after=insert_after)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(IMPORT_SUFFIXES) for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # ---- splitting ---------------------------------------------------------------------------------------------
    def _split_rule_changed(self) -> None:
        """Barcode separators need the codes on the pages: look for them on the pages captured without it."""
        if self.strip.rule().mode is not SplitMode.BARCODE:
            return
        todo = [p for k in self.strip.page_keys() if (p := self.pages.get(k)) is not None and p.codes is None]
        if not todo or (self.codes_job is not None and self.codes_job.running):
            return

        def work(ctx: JobContext) -> list[tuple[int, tuple[str, ...]]]:
            from app.scanner.pipeline import read_codes

            found = []
            for i, page in enumerate(todo):
                ctx.raise_if_cancelled()
                ctx.report(i, len(todo), "")
                found.append((page.key, read_codes(page.ocr_input, page.dpi)))
            return found

        self._set_status(self.tr("Looking for separator codes…"))
        job = self._env.jobs.run("intake-codes", work)
        job.succeeded.connect(self._codes_read)
        job.failed.connect(lambda message: self._set_status(message, error=True))
        self.codes_job = job

    def _codes_read(self, found: object) -> None:
        for key, codes in found if isinstance(found, list) else []:
            page = self.pages.get(key)
            if page is not None:
                page.codes = codes
                self.strip.set_codes(key, codes)
        self._set_status(self.tr("The batch holds %1 document(s).").replace("%1", str(len(self.strip.documents()))))

    # ---- pre-fill --------------------------------------------------------------------------------------------
    def _ocr_inputs(self, keys: list[int]) -> list[tuple[CapturedPage, int]]:
        return [(self.pages[k], self.strip.rotation(k)) for k in keys if k in self.pages]

    def read_header(self) -> Job | None:
        """OCR the first pages of the current document and propose the form's fields (the clerk's own edits are
        never overwritten)."""
        keys = [k for k in self.strip.current_document() if not self.strip.is_blank(k)][:PREFILL_PAGES]
        todo = self._ocr_inputs(keys)
        if not todo or (self.ocr_job is not None and self.ocr_job.running):
            return None
        self._prefill_basis = self._basis()
        known = self._services.directory.names()
        self.form_note.setText(self.tr("Reading the document header…"))

        def work(ctx: JobContext) -> Prefill:
            from app.scanner.prefill import prefill

            ocr_pages = []
            for i, (page, rotation) in enumerate(todo):
                ctx.raise_if_cancelled()
                ctx.report(i, len(todo), "")
                ocr_pages.append(_ocr(page, rotation, i + 1))
            return prefill(ocr_pages, known_issuers=known)

        job = self._env.jobs.run("intake-prefill", work)
        job.succeeded.connect(self._prefilled)
        job.failed.connect(lambda message: self.form_note.setText(
            self.tr("The fields could not be read from the pages: %1 Fill them in by hand.").replace("%1", message)))
        job.finished.connect(self._prefill_finished)
        self.ocr_job = job
        return job

    def _prefill_finished(self) -> None:
        """The document changed while its header was read (registered, split, turned): read the new one."""
        if self.capturing or not self.strip.current_document():
            return
        if self._basis() != self._prefill_basis:
            self.read_header()

    def _prefilled(self, result: object) -> None:
        from app.scanner.prefill import Prefill

        if not isinstance(result, Prefill) or self._basis() != self._prefill_basis:
            return
        self.prefilled = result
        self._filling = True
        try:
            self._propose("issuer", self.issuer, result.issuer.value, result.issuer.confidence,
                          lambda v: self.issuer.setText(str(v)))
            self._propose("number", self.number, result.number_notation.value, result.number_notation.confidence,
                          lambda v: self.number.setText(str(v)))
            self._propose("issued", self.issued, result.issued.value, result.issued.confidence,
                          lambda v: self.issued.setDate(QDate(v.year, v.month, v.day)))
            self._propose("doc_type", self.doc_type, result.doc_type.value, result.doc_type.confidence,
                          lambda v: self.doc_type.setCurrentText(str(v)))
            self._propose("summary", self.summary, result.summary.value, result.summary.confidence,
                          lambda v: self.summary.setPlainText(str(v)))
            self._propose("urgency", self.urgency, result.urgency.value, result.urgency.confidence,
                          lambda v: self.urgency.setCurrentIndex(max(0, self.urgency.findData(v))))
        finally:
            self._filling = False
        doubtful = [w for w in (self.issuer, self.number, self.issued, self.doc_type, self.summary, self.urgency)
                    if w.property("lowConfidence")]
        self.form_note.setText(
            self.tr("Fields read from the pages. Check the highlighted ones.") if doubtful
            else self.tr("Fields read from the pages. Check them before registering."))

    def _propose(self, key: str, widget: QWidget, value: object, confidence: float, setter: Any) -> None:
        if key in self._touched:
            return
        if value is not None:
            setter(value)
        low = value is None or confidence < LOW_CONFIDENCE
        widget.setProperty("lowConfidence", low)
        widget.setStyleSheet(LOW_STYLE if low else "")
        widget.setToolTip(self.tr("Read with low confidence: check this field.") if low else "")

    def _touch(self, key: str, widget: QWidget) -> None:
        if self._filling:
            return
        self._touched.add(key)
        widget.setProperty("lowConfidence", False)
        widget.setStyleSheet("")
        widget.setToolTip("")

    def _basis(self) -> tuple[tuple[int, int], ...]:
        keys = [k for k in self.strip.current_document() if not self.strip.is_blank(k)][:PREFILL_PAGES]
        return tuple((k, self.strip.rotation(k)) for k in keys)

    def _pages_changed(self) -> None:
        """A turned or reordered first page (an upside-down sheet), or a new split, is read again for the fields not
        yet touched."""
        if self._restoring:
            return
        self._save_review()
        self._update_buttons()
        self._update_position()
        if self.capturing or (self.register_job is not None and self.register_job.running):
            return
        if self.prefilled is not None and self._basis() and self._basis() != self._prefill_basis:
            self.read_header()

    # ---- register --------------------------------------------------------------------------------------------
    def form(self) -> IncomingForm:
        issuer = self.issuer.text().strip()
        found = self._services.directory.find(issuer) if issuer else None
        d = self.issued.date()
        return IncomingForm(
            issuer_name=issuer,
            number_notation=self.number.text().strip(),
            issued_date=date(d.year(), d.month(), d.day()),
            doc_type=self.doc_type.currentText(),
            summary=self.summary.toPlainText().strip(),
            urgency=Urgency(self.urgency.currentData()),
            page_count=len(self.strip.current_document()),
            issuer_code=found.code if found else None,
        )

    def register(self, error: DomainError | None = None) -> Job | None:
        """Register the current document: a kept original as it is; scanned pages OCR'd into a PDF/A, signed with
        the agency's token (PIN asked here, on the UI thread) and registered, all in one job."""
        keys = self.strip.current_document()
        if not keys or self.busy:
            return None
        self.message.setVisible(False)
        try:
            form = self._services.registry.validate_incoming(self.form())
        except DomainError as exc:
            self._show_message(self._describe(exc), error=True)
            return None
        todo = self._ocr_inputs(keys)
        originals = {p.original for p, _ in todo}
        original = next(iter(originals)) if len(originals) == 1 else None
        if any(originals) and original is None:
            self._show_message(self.tr("A signed or born-digital PDF is registered as it is, on its own. Start a new "
                                       "document for the other pages."), error=True)
            return None
        if original is not None:
            all_of_it = [k for k, p in self.pages.items() if p.original == original and self.strip.row_of(k) >= 0]
            if len(todo) != len(all_of_it) or any(r for _, r in todo):
                self._show_message(self.tr("This PDF is signed or born digital and is kept byte for byte: its pages "
                                           "cannot be turned or left out. Import it again to start over."), error=True)
                return None
        title = f"{form.doc_type} {form.number_notation}".strip()
        recipe: tuple[object, ...] = (tuple((p.key, r) for p, r in todo), title, form.summary, form.issuer_name)
        signed_before = self._signed[1] if self._signed is not None and self._signed[0] == recipe else None
        pin: str | None = None
        if original is None and signed_before is None:
            pin = self._ask_pin(form, error)
            if pin is None:
                return None
        confirm, actor, registry = self._confirm_duplicate, self._actor, self._services.registry
        document_id = uuid.uuid4()  # chosen here: the batch's mark names it, the registry can be asked about it
        signing = self._services.signing
        created = self._services.ctx.clock()
        made: list[bytes] = []

        def work(ctx: JobContext) -> tuple[RegistryEntry, bool, bytes | None]:
            if original is not None:
                ctx.report(0, 1, "")
                content, name = original.read_bytes(), original.name
                entry = registry.register_incoming(actor, form, content, name, confirm_duplicate=confirm,
                                                   document_id=document_id)
                return entry, True, None
            from app.scanner.pdfa import PdfPage, build_pdfa
            from app.scanner.pipeline import turn

            total = len(todo) + 3
            text_ok = True
            signed = signed_before
            if signed is None:
                pdf_pages: list[PdfPage] = []
                for i, (page, rotation) in enumerate(todo):
                    ctx.raise_if_cancelled()
                    ctx.report(i, total, "")
                    ocr: OcrPage | None = None
                    if text_ok:
                        try:
                            ocr = _ocr(page, rotation, i + 1)
                        except ScanError as exc:
                            if not exc.code.startswith("ocr."):
                                raise
                            text_ok = False  # no text layer, but the clerk's document is still registered
                    image = turn(page.image, rotation) if rotation else page.image
                    pdf_pages.append(PdfPage(image, page.dpi, ocr, page.mode))
                ctx.raise_if_cancelled()
                ctx.report(len(todo), total, "")
                content = build_pdfa(pdf_pages, title=title or form.summary, created=created,
                                     author=form.issuer_name, subject=form.summary)
                ctx.raise_if_cancelled()
                ctx.report(len(todo) + 1, total, "")
                signed = signing.sign_digitised_copy(actor, content, pin)
            ctx.report(len(todo) + 2, total, "")
            name = _file_name(form)
            made.append(signed)  # kept for "Register anyway" or a retry: the same bytes, no second signature
            entry = registry.register_incoming(actor, form, signed, name, confirm_duplicate=confirm,
                                               document_id=document_id)
            return entry, text_ok, signed

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._set_status(self.tr("Registering the document as it was received…") if original is not None
                         else self.tr("Recognising text, building the PDF/A and signing…"))
        self._begin_registration(str(document_id))
        job = self._env.jobs.run("intake-register", work)
        job.progress.connect(self._register_progress)
        job.succeeded.connect(self._registered)
        job.failed.connect(lambda message, j=job: self._register_failed(j, message, recipe, made, str(document_id)))
        job.cancelled.connect(lambda: self._register_failed(None, self.tr("Registration cancelled; nothing was "
                                                                          "registered."), recipe, made,
                                                            str(document_id)))
        self.register_job = job
        self._update_buttons()
        return job

    def _ask_pin(self, form: IncomingForm, error: DomainError | None) -> str | None:
        """The organisation token's PIN (a PIN kept for the session is used without asking)."""
        from app.ui.dialogs.pin import PinDialog

        what = f"{form.doc_type} {form.number_notation}".strip()
        purpose = self.tr("Sign the scanned “%1” with the agency's digital signature (digitised copy), then register "
                          "it.").replace("%1", what)
        try:
            pin = PinDialog.ask_organisation(self, self._services.signing, self._actor, purpose, error=error)
        except DomainError as exc:
            self._show_message(self._describe(exc), error=True)
            return None
        if pin is None:
            self._set_status(self.tr("Not signed; nothing was registered."))
        return pin

    def _register_progress(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _register_anyway(self) -> None:
        self._confirm_duplicate = True
        self.duplicate_box.setVisible(False)
        self.register()

    def _forget_duplicate(self) -> None:
        if not self._filling:
            self._confirm_duplicate = False
            self.duplicate_box.setVisible(False)

    def _registered(self, result: object) -> None:
        self.progress.setVisible(False)
        self._confirm_duplicate = False
        entry, text_ok, _signed = result if isinstance(result, tuple) else (None, True, None)
        if not isinstance(entry, RegistryEntry):
            return
        self._clear_form()  # first: the pages that follow are a new document, read afresh
        for key in self.strip.take_first_document():
            self.pages.pop(key, None)
        self._end_registration(entry.document_id, committed=True)
        self.registered_in_batch.append(entry)
        self._update_position()
        self.last_entry = entry
        self._services.directory.forget()
        remaining = len(self.strip.documents())
        text = self.tr("Registered as incoming number %1.").replace("%1", str(entry.number))
        if not text_ok:
            text += " " + self.tr("Text recognition was not available: the PDF has no searchable text.")
        if remaining:
            text += " " + self.tr("Next: document %1 of %2; check its fields.") \
                .replace("%1", str(len(self.registered_in_batch) + 1)) \
                .replace("%2", str(len(self.registered_in_batch) + remaining))
        self._show_message(text, error=False)
        self.open_button.setVisible(True)
        if remaining:
            self._set_status(self.tr("Reading the next document…"))
            self.read_header()
        else:
            self.pages.clear()
            self.strip.clear()
            self._discard_store()  # the whole batch is registered
            self.registered_in_batch.clear()
            self._update_position()
            self._set_status(self.tr("Ready for the next document."))
        self._update_buttons()

    def _register_failed(self, job: Job | None, message: str, recipe: tuple[object, ...], made: list[bytes],
                         document_id: str) -> None:
        try:  # a job cancelled or failed after the registration committed has still registered the document
            entry = self._services.registry.entry_of_document(document_id)
        except Exception:  # the registry cannot be asked: the mark stays, settled when the page opens next time
            log.warning("cannot ask whether document %s was registered", document_id, exc_info=True)
        else:
            if entry is not None:
                self._registered((entry, True, None))
                return
            self._end_registration(document_id, committed=False)
        self.progress.setVisible(False)
        self._update_buttons()
        self._set_status("")
        error = job.error if job is not None and isinstance(job.error, DomainError) else None
        if made:
            self._signed = (recipe, made[-1])
        if error is not None and error.code == "registry.duplicate":
            self.duplicate_text.setText(message)
            self.duplicate_box.setVisible(True)
            self.register_anyway.setFocus()
            return
        if error is not None and error.code in PIN_ERRORS:
            QTimer.singleShot(0, self, lambda: self.register(error))  # ask again, saying what went wrong
            return
        self._show_message(message, error=True)

    def _show_message(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "color: #1b5e20; font-weight: 600;")
        self.message.setVisible(True)
        self._update_buttons()

    def _describe(self, error: DomainError) -> str:
        from app.ui.messages import describe

        return describe(error)

    def _open_registered(self) -> None:
        if self.last_entry is not None:
            self._env.open_document(self.last_entry.document_id)


def _ocr(page: CapturedPage, rotation: int, number: int) -> OcrPage:
    """The page's OCR for the clerk's rotation, cached on the page (OCR costs seconds)."""
    cached = page.ocr.get(rotation)
    if cached is None:
        from app.scanner.ocr import recognise
        from app.scanner.pipeline import turn

        image = turn(page.ocr_input, rotation) if rotation else page.ocr_input
        cached = recognise(image, page.dpi, page=number)
        page.ocr[rotation] = cached
    return cached


def _committed(registry: RegistryService, document_id: str) -> bool | None:
    """Whether the registration that creates document `document_id` committed; None when that cannot be known."""
    try:
        return registry.entry_of_document(document_id) is not None
    except Exception:  # the database unreachable: no page is dropped on a guess, the mark waits for next time
        log.warning("cannot ask whether document %s was registered", document_id, exc_info=True)
        return None


def _file_name(form: IncomingForm) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in form.number_notation) or "van-ban-den"
    return f"{safe}.pdf"
