"""Registering an arrival (ND30 Art 22): the clerk checks the file, fills the official fields and gets the next số đến.

Every field is checked as it is typed by the same rules the service applies (RegistryService.validate_incoming), and
the message is shown under the field that is wrong. A document already in the books (same issuer and number) is
refused once with the details of the earlier entry; "Register anyway" registers it after all. The file is read,
checked and stored on a worker thread: the window never freezes on a large scan.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Confidentiality, RestrictionStamp, Urgency
from app.domain.errors import DomainError
from app.domain.model import Actor, RegistryEntry
from app.services.documents import InspectedFile, inspect_document_file
from app.services.registry import IncomingForm
from app.ui.dialogs import ERROR_STYLE, error_label
from app.ui.incoming_fields import make_incoming_fields
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages.common import PageEnv

FILE_FILTER = "*.pdf *.PDF *.jpg *.jpeg *.png *.tif *.tiff *.JPG *.JPEG *.PNG *.TIF *.TIFF"
ACCEPTED_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")
VALIDATE_DELAY_MS = 200

# Which field an error code belongs under; anything else is shown at the bottom of the dialog.
FIELD_OF_CODE = {
    "registry.summary_empty": "summary",
    "registry.issuer_empty": "issuer",
    "registry.date_in_future": "issued",
    "registry.page_count_negative": "pages",
}
# Values that pass validation, put in the fields the clerk has not reached yet so only touched fields are judged.
FILLERS = {"issuer": "x", "number": "01/QĐ-UBND", "summary": "x"}


def accepts_file(path: str | Path) -> bool:
    return str(path).lower().endswith(ACCEPTED_SUFFIXES)


class RegisterIncomingDialog(QDialog):
    def __init__(self, env: PageEnv, file_path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._services = env.services
        self._actor = Actor.of(env.user)
        self.setObjectName("registerIncomingDialog")
        self.setWindowTitle(self.tr("Register an incoming document"))
        self.setMinimumWidth(620)
        self.file_path: Path | None = None
        self.inspected: InspectedFile | None = None
        self.entry: RegistryEntry | None = None
        self.job: Job | None = None
        self.inspect_job: Job | None = None
        self._confirm_duplicate = False
        self._touched: set[str] = set()
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_touched)
        self.errors: dict[str, QLabel] = {}

        # ---- the file ----------------------------------------------------------------------------------------
        self.file_label = QLabel(self.tr("No file chosen"), self)
        self.file_label.setObjectName("fileLabel")
        self.file_label.setWordWrap(True)
        self.choose_file = QPushButton(self.tr("Choose file…"), self)
        self.choose_file.clicked.connect(self._choose_file)

        # ---- the official fields (ND30 App VI, incoming) -----------------------------------------------------
        self.issuer = QLineEdit(self)
        self.issuer.setObjectName("issuer")
        self.issuer.setPlaceholderText(self.tr("Type to search the agency directory"))
        self.issuer_names = QStringListModel(self)
        completer = QCompleter(self.issuer_names, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)  # already matched by fold
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.issuer.setCompleter(completer)
        self.issuer.textEdited.connect(self._complete_issuer)
        fields = make_incoming_fields(self, self._services.ctx.clock().date(), summary_height=64)
        self.number, self.issued, self.doc_type = fields.number, fields.issued, fields.doc_type
        self.summary, self.urgency = fields.summary, fields.urgency
        self.confidentiality = QComboBox(self)
        self.confidentiality.setObjectName("confidentiality")
        for c, text in self._confidentiality_labels().items():
            self.confidentiality.addItem(text, c)
        self.restriction = QComboBox(self)
        self.restriction.setObjectName("restriction")
        for r, text in self._restriction_labels().items():
            self.restriction.addItem(text, r)
        self.pages = QSpinBox(self)
        self.pages.setObjectName("pageCount")
        self.pages.setRange(0, 100_000)
        self.pages.setSpecialValueText(self.tr("from the file"))
        self.recipient = QComboBox(self)
        self.recipient.setObjectName("recipient")
        self.recipient.setEditable(True)
        self.recipient.addItem("")
        for unit in self._services.directory.units():
            self.recipient.addItem(unit.name)
        self.note = QLineEdit(self)
        self.note.setObjectName("note")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_file)
        form.addRow(self.tr("File:"), self._with_error("file", file_row))
        form.addRow(self.tr("Issuing agency:"), self._with_error("issuer", self.issuer))
        form.addRow(self.tr("Number/notation:"), self._with_error("number", self.number))
        form.addRow(self.tr("Issued on:"), self._with_error("issued", self.issued))
        form.addRow(self.tr("Document type:"), self.doc_type)
        form.addRow(self.tr("Summary:"), self._with_error("summary", self.summary))
        marks = QHBoxLayout()
        marks.addWidget(self.urgency)
        marks.addWidget(QLabel(self.tr("Confidentiality:"), self))
        marks.addWidget(self.confidentiality)
        form.addRow(self.tr("Urgency:"), marks)
        form.addRow(self.tr("Restriction stamp:"), self.restriction)
        form.addRow(self.tr("Pages:"), self._with_error("pages", self.pages))
        form.addRow(self.tr("Receiving unit:"), self.recipient)
        form.addRow(self.tr("Note:"), self.note)

        # ---- outcome: general errors, the duplicate warning, the buttons -------------------------------------
        self.message = error_label(self)
        self.duplicate_box = QWidget(self)
        self.duplicate_box.setObjectName("duplicateWarning")
        self.duplicate_box.setStyleSheet("#duplicateWarning { background: #fff4e5; border: 1px solid #f0c36d; }")
        self.duplicate_text = QLabel(self.duplicate_box)
        self.duplicate_text.setWordWrap(True)
        self.register_anyway = QPushButton(self.tr("Register anyway"), self.duplicate_box)
        self.register_anyway.setObjectName("registerAnyway")
        self.register_anyway.clicked.connect(self._register_anyway)
        dup_layout = QHBoxLayout(self.duplicate_box)
        dup_layout.addWidget(self.duplicate_text, 1)
        dup_layout.addWidget(self.register_anyway)
        self.duplicate_box.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Register"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.buttons)

        self.issuer.textChanged.connect(lambda: self._touch("issuer"))
        self.number.textChanged.connect(lambda: self._touch("number"))
        self.issued.dateChanged.connect(lambda: self._touch("issued"))
        self.summary.textChanged.connect(lambda: self._touch("summary"))
        self.pages.valueChanged.connect(lambda: self._touch("pages"))
        for field in (self.issuer, self.number):
            field.textChanged.connect(self._forget_duplicate)
        self._complete_issuer("")
        if file_path is not None:
            self.set_file(file_path)

    # ---- labels ----------------------------------------------------------------------------------------------
    def _confidentiality_labels(self) -> dict[Confidentiality, str]:
        return {
            Confidentiality.NONE: self.tr("Not secret"),
            Confidentiality.SECRET: self.tr("Secret (Mật)"),
            Confidentiality.TOP_SECRET: self.tr("Top secret (Tối mật)"),
            Confidentiality.ABSOLUTE_SECRET: self.tr("Absolute secret (Tuyệt mật)"),
        }

    def _restriction_labels(self) -> dict[RestrictionStamp, str]:
        return {
            RestrictionStamp.NONE: self.tr("None"),
            RestrictionStamp.RETURN_AFTER_MEETING: "TRẢ LẠI SAU KHI HỌP",
            RestrictionStamp.RETURN_AFTER_READING: "XEM XONG TRẢ LẠI",
            RestrictionStamp.INTERNAL_CIRCULATION: "LƯU HÀNH NỘI BỘ",
            RestrictionStamp.RECALLED: "TÀI LIỆU THU HỒI",
        }

    def _with_error(self, key: str, field: QWidget | QHBoxLayout) -> QWidget:
        """The field with its message line underneath (hidden while the field is right)."""
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        if isinstance(field, QHBoxLayout):
            layout.addLayout(field)
        else:
            layout.addWidget(field)
        error = QLabel(box)
        error.setObjectName(f"error-{key}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setVisible(False)
        layout.addWidget(error)
        self.errors[key] = error
        return box

    # ---- the file --------------------------------------------------------------------------------------------
    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the scanned or received file"), "", self.tr("PDF or image (%1)").replace(
                "%1", FILE_FILTER)
        )
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        """Show the file's name; its page count arrives from a worker once the file has been checked."""
        self.file_path = path
        self.inspected = None
        self.file_label.setText(self.tr("%1 — checking…").replace("%1", path.name))
        self._show_error("file", "")

        def work(_ctx: JobContext) -> InspectedFile:
            return _inspect(path)

        job = self._env.jobs.run("inspect-incoming-file", work)
        job.succeeded.connect(lambda result: self._file_checked(path, result))
        job.failed.connect(lambda message: self._file_failed(path, message))
        self.inspect_job = job

    def _file_checked(self, path: Path, inspected: object) -> None:
        if path != self.file_path or not isinstance(inspected, InspectedFile):
            return
        self.inspected = inspected
        size_kb = max(1, path.stat().st_size // 1024) if path.exists() else 0
        self.file_label.setText(
            self.tr("%1 — %2 page(s), %3 KB")
            .replace("%1", path.name)
            .replace("%2", str(inspected.page_count))
            .replace("%3", f"{size_kb:,}".replace(",", "."))
        )
        if "pages" not in self._touched or self.pages.value() == 0:
            self.pages.blockSignals(True)
            self.pages.setValue(inspected.page_count)
            self.pages.blockSignals(False)

    def _file_failed(self, path: Path, message: str) -> None:
        if path != self.file_path:
            return
        self.file_label.setText(path.name)
        self._show_error("file", message)

    # ---- live checks -----------------------------------------------------------------------------------------
    def _complete_issuer(self, text: str) -> None:
        self.issuer_names.setStringList([e.name for e in self._services.directory.search(text, 15)])

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._validate_timer.start()

    def _forget_duplicate(self) -> None:
        self._confirm_duplicate = False
        self.duplicate_box.setVisible(False)

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
            confidentiality=Confidentiality(self.confidentiality.currentData()),
            restriction=RestrictionStamp(self.restriction.currentData()),
            page_count=self.pages.value(),
            recipient=self.recipient.currentText().strip(),
            issuer_code=found.code if found else None,
            note=self.note.text().strip(),
        )

    def validate_touched(self) -> bool:
        """Judge each touched field on its own (others filled with good values); True when all touched are right."""
        form = self.form()
        ok = True
        for key in ("issuer", "number", "issued", "summary", "pages"):
            if key not in self._touched:
                self._show_error(key, "")
                continue
            probe = replace(
                form,
                issuer_name=form.issuer_name if key == "issuer" else FILLERS["issuer"],
                number_notation=form.number_notation if key == "number" else FILLERS["number"],
                summary=form.summary if key == "summary" else FILLERS["summary"],
            )
            if key != "issued":
                probe = replace(probe, issued_date=min(probe.issued_date, self._services.ctx.clock().date()))
            try:
                self._services.registry.validate_incoming(probe)
            except DomainError as exc:
                ok = False
                self._show_error(key, describe(exc))
            else:
                self._show_error(key, "")
        return ok

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(text)
        label.setVisible(bool(text))

    def _field_of(self, error: DomainError) -> str | None:
        if error.code in FIELD_OF_CODE:
            return FIELD_OF_CODE[error.code]
        if error.code.startswith("notation."):
            return "number"
        if error.code.startswith("file."):
            return "file"
        return None

    # ---- registering -----------------------------------------------------------------------------------------
    def submit(self) -> None:
        """Check everything, then register on a worker; the dialog closes when the entry exists."""
        self._touched.update({"issuer", "number", "issued", "summary", "pages"})
        self.message.setVisible(False)
        if not self.validate_touched():
            return
        if self.file_path is None:
            self._show_error("file", self.tr("Choose the file of the document (PDF or image)."))
            return
        if self.errors["file"].isVisible():
            return
        form = self.form()
        path, confirm, actor, registry = self.file_path, self._confirm_duplicate, self._actor, self._services.registry

        def work(ctx: JobContext) -> RegistryEntry:
            ctx.report(0, 0, "")
            content = _read(path)
            return registry.register_incoming(actor, form, content, path.name, confirm_duplicate=confirm)

        self._set_busy(True)
        job = self._env.jobs.run("register-incoming", work)
        job.succeeded.connect(self._registered)
        job.failed.connect(lambda message, j=job: self._failed(j, message))
        self.job = job

    def _register_anyway(self) -> None:
        self._confirm_duplicate = True
        self.duplicate_box.setVisible(False)
        self.submit()

    def _registered(self, entry: object) -> None:
        self._set_busy(False)
        if isinstance(entry, RegistryEntry):
            self.entry = entry
            self._services.directory.forget()  # a new issuer name joins the completer
            self.accept()

    def _failed(self, job: Job, message: str) -> None:
        self._set_busy(False)
        error = job.error if isinstance(job.error, DomainError) else None
        if error is not None and error.code == "registry.duplicate":
            self.duplicate_text.setText(message)
            self.duplicate_box.setVisible(True)
            self.register_anyway.setFocus()
            return
        field = self._field_of(error) if error is not None else None
        if field is not None:
            self._show_error(field, message)
            return
        self.message.setText(message)
        self.message.setVisible(True)

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.register_anyway.setEnabled(not busy)
        self.choose_file.setEnabled(not busy)
        self.ok_button.setText(self.tr("Registering…") if busy else self.tr("Register"))


def _read(path: Path) -> bytes:
    from app.domain.errors import StorageError

    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise StorageError("storage.source_missing", path=str(path)) from exc
    except OSError as exc:
        raise StorageError("file.unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc


def _inspect(path: Path) -> InspectedFile:
    return inspect_document_file(_read(path), path.name)
