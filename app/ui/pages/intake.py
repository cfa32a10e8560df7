"""Intake of paper arrivals (issue 6, design §2 "Receive paper"): scan or import → review pages → pre-filled form →
register, all on one page.

Every slow step runs in a job (JobRunner), never on the UI thread: listing scanners, capture with cleanup of each page
as it arrives (thumbnails stream into the strip through the job's progress signal), OCR of the first pages for the
pre-filled form, and on "Register" the OCR of the rest, the PDF/A and the registration. Pages captured before a
scanner fault are kept; the fault is shown worded by `describe`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PySide6.QtCore import QDate
from PySide6.QtGui import QDragEnterEvent, QDropEvent
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
from app.scanner.errors import ScanError
from app.scanner.ocr import OcrPage, recognise
from app.scanner.pdfa import PdfPage, build_pdfa
from app.scanner.pipeline import PipelineSettings, process_page, turn
from app.scanner.prefill import Prefill, prefill
from app.scanner.sources import (
    DEFAULT_PROFILES,
    DeviceInfo,
    FileSource,
    OptionValue,
    OutputMode,
    Page,
    SaneSource,
    ScanProfile,
)
from app.services.registry import IncomingForm
from app.ui.dialogs import ERROR_STYLE
from app.ui.incoming_fields import make_incoming_fields
from app.ui.jobs import Job, JobContext
from app.ui.pages.common import PageEnv
from app.widgets.page_strip import PageStrip, to_qimage

FILE_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.PDF *.JPG *.JPEG *.PNG *.TIF *.TIFF"
IMPORT_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")
PREFILL_PAGES = 2  # the header is on page 1; a cover sheet may push it to page 2
LOW_CONFIDENCE = 0.8
LOW_STYLE = "background: #fff4c2;"
THUMB_PX = 240


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


@dataclass(frozen=True)
class _Arrival:
    page: CapturedPage
    thumbnail: np.ndarray


class _Cancel:
    """A job's cancel flag in the shape scan sources poll (`is_set`)."""

    def __init__(self, ctx: JobContext) -> None:
        self._ctx = ctx

    def is_set(self) -> bool:
        return self._ctx.cancelled


def _thumbnail(image: np.ndarray) -> np.ndarray:
    h, w = image.shape[:2]
    scale = THUMB_PX / max(h, w)
    small = cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(small, dtype=np.uint8)


class IntakePage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None, *, sane: SaneSource | None = None,
                 files: FileSource | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakePage")
        self._env = env
        self._services = env.services
        self._actor = Actor.of(env.user)
        self.sane = sane or SaneSource(local_only=True)
        self.files = files or FileSource()
        self.profiles: tuple[ScanProfile, ...] = DEFAULT_PROFILES
        self.max_pages: int | None = None  # None: until the feeder is empty
        self.device_options: dict[str, OptionValue] = {}  # driver-specific options passed through to the source
        self.pages: dict[int, CapturedPage] = {}
        self._next_key = 0
        self._arrivals: list[_Arrival] = []
        self._lock = threading.Lock()
        self.capture_job: Job | None = None
        self.devices_job: Job | None = None
        self.ocr_job: Job | None = None
        self.register_job: Job | None = None
        self.last_entry: RegistryEntry | None = None
        self.prefilled: Prefill | None = None
        self._confirm_duplicate = False
        self._prefill_basis: tuple[tuple[int, int], ...] = ()
        self._touched: set[str] = set()
        self._filling = False
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
        for p in self.profiles:
            self.profile.addItem(p.name, p.name)
        self.scan_button = QPushButton(self.tr("Scan"), source_box)
        self.scan_button.setObjectName("scan")
        self.scan_button.clicked.connect(self.scan)
        self.cancel_button = QPushButton(self.tr("Cancel"), source_box)
        self.cancel_button.setObjectName("cancelScan")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.import_button = QPushButton(self.tr("Import files…"), source_box)
        self.import_button.setObjectName("importFiles")
        self.import_button.clicked.connect(self._choose_files)
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
        left.addWidget(self.profile)
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
        middle = QVBoxLayout(pages_box)
        middle.addWidget(self.strip)

        # ---- right: the form --------------------------------------------------------------------------------------
        form_box = QGroupBox(self.tr("Document details"), self)
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
        self.register_button = QPushButton(self.tr("Register"), form_box)
        self.register_button.setObjectName("register")
        self.register_button.setDefault(True)
        self.register_button.clicked.connect(self.register)
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
        right.addLayout(form)
        right.addWidget(self.form_note)
        right.addWidget(self.message)
        right.addWidget(self.duplicate_box)
        right.addStretch(1)
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
        layout.addWidget(splitter, 1)

        self.issuer.textEdited.connect(lambda: self._touch("issuer", self.issuer))
        self.number.textEdited.connect(lambda: self._touch("number", self.number))
        self.issued.dateChanged.connect(lambda: self._touch("issued", self.issued))
        self.doc_type.currentIndexChanged.connect(lambda: self._touch("doc_type", self.doc_type))
        self.summary.textChanged.connect(lambda: self._touch("summary", self.summary))
        self.urgency.currentIndexChanged.connect(lambda: self._touch("urgency", self.urgency))
        for edit in (self.issuer, self.number):
            edit.textChanged.connect(self._forget_duplicate)
        self._update_buttons()

    # ---- state -----------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return any(j is not None and j.running for j in (self.capture_job, self.register_job))

    def set_profiles(self, profiles: tuple[ScanProfile, ...]) -> None:
        """Offer these scan profiles (saved ones, or the defaults)."""
        self.profiles = profiles or DEFAULT_PROFILES
        self.profile.clear()
        for p in self.profiles:
            self.profile.addItem(p.name, p.name)

    def current_profile(self) -> ScanProfile:
        return self.profiles[max(0, self.profile.currentIndex())]

    def _update_buttons(self) -> None:
        capturing = self.capture_job is not None and self.capture_job.running
        registering = self.register_job is not None and self.register_job.running
        self.scan_button.setEnabled(not capturing and not registering)
        self.import_button.setEnabled(not capturing and not registering)
        self.cancel_button.setEnabled(capturing or registering)
        self.new_button.setEnabled(not capturing and not registering)
        self.register_button.setEnabled(not capturing and not registering and bool(self.strip.included()))
        self.register_anyway.setEnabled(not registering)
        self.register_button.setText(self.tr("Registering…") if registering else self.tr("Register"))

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    def reset(self) -> None:
        """Start the next document: empty strip, empty form."""
        self.strip.clear()
        self.pages.clear()
        self.prefilled = None
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
        self.form_note.clear()
        self.message.setVisible(False)
        self.duplicate_box.setVisible(False)
        self.open_button.setVisible(False)
        self._set_status("")
        self._update_buttons()

    # ---- devices ---------------------------------------------------------------------------------------------
    def find_devices(self) -> Job:
        """List the scanners in a job (SANE's probe can take seconds)."""
        sane = self.sane
        self.refresh_devices.setEnabled(False)
        self._set_status(self.tr("Looking for scanners…"))
        job = self._env.jobs.run("intake-devices", lambda _ctx: sane.list_devices())
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
    def scan(self) -> Job | None:
        """Scan with the chosen device and profile; each page is cleaned and shown as it arrives."""
        if self.busy:
            return None
        device = self.device.currentData()
        profile = self.current_profile()
        sane = self.sane
        options = replace(profile.scan_options(max_pages=self.max_pages), device_options=dict(self.device_options))

        def capture(ctx: JobContext, on_page: Any) -> object:
            return sane.scan(str(device) if device else None, options, on_page, _Cancel(ctx))

        return self._capture("intake-scan", capture, profile)

    def import_files(self, paths: list[Path]) -> Job | None:
        """Import JPEG, PNG, TIFF and PDF files as pages of the current document."""
        paths = [p for p in paths if p.suffix.lower() in IMPORT_SUFFIXES or p.is_file()]
        if not paths or self.busy:
            return None
        profile = self.current_profile()
        source = self.files
        gray = profile.output is not OutputMode.COLOR

        def capture(ctx: JobContext, on_page: Any) -> object:
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

        return self._capture("intake-import", capture, profile)

    def _capture(self, name: str, capture: Any, profile: ScanProfile) -> Job:
        settings = PipelineSettings(output=profile.output)
        arrivals, lock = self._arrivals, self._lock
        start_key = self._next_key
        counter = [0]

        def on_page(page: Page) -> None:
            key = start_key + counter[0]
            counter[0] += 1
            result = process_page(page.image, settings, page.dpi, page.index)
            ocr_input = result.gray if result.gray is not None else result.image
            original = page.metadata.get("original")
            captured = CapturedPage(key, result.image, ocr_input, result.dpi, profile.output, result.is_blank,
                                    page.source_name, Path(original) if original else None)
            with lock:
                arrivals.append(_Arrival(captured, _thumbnail(result.image)))

        def work(ctx: JobContext) -> object:
            def report(page: Page) -> None:
                on_page(page)
                ctx.report(counter[0], 0, "")

            return capture(ctx, report)  # SaneSource hands every page to on_page before it raises

        self._next_key += 100_000  # keys of this capture never collide with the next one
        self.message.setVisible(False)
        self.open_button.setVisible(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._set_status(self.tr("Capturing pages…"))
        job = self._env.jobs.run(name, work)
        job.progress.connect(lambda *_: self._take_arrivals())
        job.succeeded.connect(lambda _r: self._captured(None))
        job.failed.connect(lambda message: self._captured(message))
        job.cancelled.connect(lambda: self._captured(self.tr("Cancelled; the pages already captured are kept.")))
        self.capture_job = job
        self._update_buttons()
        return job

    def _take_arrivals(self) -> None:
        with self._lock:
            arrived, self._arrivals[:] = list(self._arrivals), []
        for a in arrived:
            self.pages[a.page.key] = a.page
            self.strip.add_page(a.page.key, to_qimage(a.thumbnail), blank=a.page.blank)
        if arrived:
            self._set_status(self.tr("%1 page(s) captured…").replace("%1", str(len(self.pages))))

    def _captured(self, error: str | None) -> None:
        self._take_arrivals()
        self.progress.setVisible(False)
        self._update_buttons()
        if error:
            self._set_status(error, error=True)
        else:
            blanks = sum(1 for k in self.strip.page_keys() if self.strip.is_blank(k))
            text = self.tr("%1 page(s) ready for review.").replace("%1", str(self.strip.count()))
            if blanks:
                text += " " + self.tr("%1 blank page(s) left out; select one and press “Keep blank page” to keep it.") \
                    .replace("%1", str(blanks))
            self._set_status(text)
        if self.strip.included() and self.prefilled is None:
            self.read_header()

    def cancel(self) -> None:
        for job in (self.capture_job, self.register_job):
            if job is not None and job.running:
                job.cancel()

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import scanned or received files"), "",
            self.tr("PDF or image (%1)").replace("%1", FILE_FILTER),
        )
        if names:
            self.import_files([Path(n) for n in names])

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

    # ---- pre-fill --------------------------------------------------------------------------------------------
    def _ocr_inputs(self, keys: list[int]) -> list[tuple[CapturedPage, int]]:
        return [(self.pages[k], self.strip.rotation(k)) for k in keys if k in self.pages]

    def read_header(self) -> Job | None:
        """OCR the first pages and propose the form's fields (the clerk's own edits are never overwritten)."""
        keys = [k for k in self.strip.included() if not self.strip.is_blank(k)][:PREFILL_PAGES]
        todo = self._ocr_inputs(keys)
        if not todo or (self.ocr_job is not None and self.ocr_job.running):
            return None
        self._prefill_basis = self._basis()
        known = self._services.directory.names()
        self.form_note.setText(self.tr("Reading the document header…"))

        def work(ctx: JobContext) -> Prefill:
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
        self.ocr_job = job
        return job

    def _prefilled(self, result: object) -> None:
        if not isinstance(result, Prefill):
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
        keys = [k for k in self.strip.included() if not self.strip.is_blank(k)][:PREFILL_PAGES]
        return tuple((k, self.strip.rotation(k)) for k in keys)

    def _pages_changed(self) -> None:
        """A turned or reordered first page (an upside-down sheet) is read again for the fields not yet touched."""
        self._update_buttons()
        capturing = self.capture_job is not None and self.capture_job.running
        if self.prefilled is not None and not capturing and self._basis() and self._basis() != self._prefill_basis:
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
            page_count=len(self.strip.included()),
            issuer_code=found.code if found else None,
        )

    def register(self) -> Job | None:
        """OCR the pages not read yet, build the PDF/A and register it in the incoming book, in one job."""
        keys = self.strip.included()
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
        if original is not None and (len(todo) != len(self.pages) or any(r for _, r in todo)):
            self._show_message(self.tr("This PDF is signed or born digital and is kept byte for byte: its pages "
                                       "cannot be turned or left out. Import it again to start over."), error=True)
            return None
        confirm, actor, registry = self._confirm_duplicate, self._actor, self._services.registry
        created = self._services.ctx.clock()
        title = f"{form.doc_type} {form.number_notation}".strip()

        def work(ctx: JobContext) -> tuple[RegistryEntry, bool]:
            if original is not None:
                ctx.report(0, 1, "")
                content, name = original.read_bytes(), original.name
                return registry.register_incoming(actor, form, content, name, confirm_duplicate=confirm), True
            total = len(todo) + 2
            pdf_pages: list[PdfPage] = []
            text_ok = True
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
            content = build_pdfa(pdf_pages, title=title or form.summary, created=created, author=form.issuer_name,
                                 subject=form.summary)
            ctx.report(len(todo) + 1, total, "")
            name = _file_name(form)
            return registry.register_incoming(actor, form, content, name, confirm_duplicate=confirm), text_ok

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._set_status(self.tr("Recognising text and building the PDF/A…"))
        job = self._env.jobs.run("intake-register", work)
        job.progress.connect(self._register_progress)
        job.succeeded.connect(self._registered)
        job.failed.connect(lambda message, j=job: self._register_failed(j, message))
        job.cancelled.connect(lambda: self._register_failed(None, self.tr("Registration cancelled; nothing was "
                                                                          "registered.")))
        self.register_job = job
        self._update_buttons()
        return job

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
        entry, text_ok = result if isinstance(result, tuple) else (None, True)
        if not isinstance(entry, RegistryEntry):
            return
        self.reset()
        self.last_entry = entry
        self._services.directory.forget()
        text = self.tr("Registered as incoming number %1.").replace("%1", str(entry.number))
        if not text_ok:
            text += " " + self.tr("Text recognition was not available: the PDF has no searchable text.")
        self._show_message(text, error=False)
        self.open_button.setVisible(True)
        self._set_status(self.tr("Ready for the next document."))

    def _register_failed(self, job: Job | None, message: str) -> None:
        self.progress.setVisible(False)
        self._update_buttons()
        self._set_status("")
        error = job.error if job is not None and isinstance(job.error, DomainError) else None
        if error is not None and error.code == "registry.duplicate":
            self.duplicate_text.setText(message)
            self.duplicate_box.setVisible(True)
            self.register_anyway.setFocus()
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
        image = turn(page.ocr_input, rotation) if rotation else page.ocr_input
        cached = recognise(image, page.dpi, page=number)
        page.ocr[rotation] = cached
    return cached


def _file_name(form: IncomingForm) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in form.number_notation) or "van-ban-den"
    return f"{safe}.pdf"
