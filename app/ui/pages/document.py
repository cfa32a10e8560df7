"""The document view: the stored PDF in QtPdf with a side panel of the document's metadata and files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Confidentiality, FileRole, RestrictionStamp
from app.domain.errors import DomainError
from app.domain.model import Document, DocumentFile
from app.services.signing.register_check import RegisterCheck, check_against_register
from app.services.signing.report_pdf import CheckedFile, report_file_name, write_report
from app.services.signing.verify import VerificationReport
from app.services.view_copy import display_copy, needs_display_copy
from app.ui.dialogs.register_check import register_line
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv
from app.ui.pages.document_changes import ExchangeChangesBox
from app.widgets.pdf_view import PdfViewer
from app.widgets.signature_badges import SignatureBadges, report_wording


class DocumentPage(QWidget):
    back_requested = Signal()
    report_folder: Path | None = None  # the last folder a verification report went to (this session)

    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.setObjectName("page-document")
        self.current: Document | None = None

        self.back = QPushButton(self.tr("← Back"), self)
        self.back.setToolTip(self.tr("Back to the list (Alt+Left)"))
        self.back.setShortcut("Alt+Left")
        self.back.clicked.connect(self.back_requested.emit)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setObjectName("documentNotice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(False)

        self.viewer = PdfViewer(self)
        self.viewer.failed.connect(lambda: self._notice(self.tr("The PDF file cannot be displayed.")))

        self.fields: dict[str, QLabel] = {}
        meta = QGroupBox(self.tr("Document details"), self)
        form = QFormLayout(meta)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, caption in [
            ("number", self.tr("Number/notation")),
            ("date", self.tr("Date")),
            ("type", self.tr("Document type")),
            ("issuer", self.tr("Issuing agency")),
            ("summary", self.tr("Summary")),
            ("signer", self.tr("Signed by")),
            ("urgency", self.tr("Urgency")),
            ("state", self.tr("Status")),
            ("direction", self.tr("Direction")),
            ("pages", self.tr("Pages")),
        ]:
            value = QLabel(meta)
            value.setObjectName(f"meta-{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(caption, value)
        files_box = QGroupBox(self.tr("Files"), self)
        self.file_list = QListWidget(files_box)  # the main PDF and each appendix file: pick one to show it
        self.file_list.setObjectName("fileList")
        self.file_list.setMaximumHeight(90)
        self.file_list.setVisible(False)
        self.file_list.currentItemChanged.connect(self._file_chosen)
        self.files = QLabel(files_box)
        self.files.setObjectName("meta-files")
        self.files.setWordWrap(True)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.file_list)
        files_layout.addWidget(self.files)

        self.signatures_box = QGroupBox(self.tr("Digital signatures"), self)
        self.signatures_box.setObjectName("signaturesBox")
        self.badges = SignatureBadges(self.signatures_box)
        self.badges.export_requested.connect(self.choose_report_target)
        self._shown: DocumentFile | None = None  # the file the panel's report is about, and when it was checked
        self._checked_at: datetime | None = None
        QVBoxLayout(self.signatures_box).addWidget(self.badges)
        self.signatures_box.setVisible(False)
        self._verify_for: str | None = None  # the file a running verification job is about

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.signatures_box)
        side_layout.addWidget(meta)
        side_layout.addWidget(files_box)
        self.changes_box = ExchangeChangesBox(env, side)  # exchange history; revoke/update/replace/recall
        self.changes_box.setVisible(False)
        self.changes_box.changed.connect(lambda _id: self.refresh())
        side_layout.addWidget(self.changes_box)
        side_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setMinimumWidth(340)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.viewer)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 380])

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

    def show_document(self, document_id: str) -> None:
        self.notice.setVisible(False)
        self.signatures_box.setVisible(False)
        self.badges.clear()
        self._verify_for = None
        services = self._env.services
        try:
            doc = services.documents.get(document_id)
        except DomainError as exc:
            self.current = None
            self.viewer.clear()
            self._notice(describe(exc))
            return
        self.current = doc
        self._fill(doc)
        self.changes_box.show_for(doc)
        main = doc.main_file
        self._list_files(doc)
        if main is None or main.content_type != "application/pdf":
            self.viewer.clear()
            self._notice(self.tr("This document has no PDF file to display."))
            return
        self.show_file(main)

    def _list_files(self, doc: Document) -> None:
        """Main file first, then the appendices (sealed ones once issued), each opening in the viewer."""
        pdfs = [f for f in doc.files if f.content_type == "application/pdf"]
        self.file_list.blockSignals(True)
        self.file_list.clear()
        for f in pdfs:
            role = self.tr("Appendix") if f.role is FileRole.APPENDIX else self.tr("Main document")
            item = QListWidgetItem(f"{role}: {f.name}", self.file_list)
            item.setData(Qt.ItemDataRole.UserRole, f.sha256)
            if f is doc.main_file:
                self.file_list.setCurrentItem(item)
        self.file_list.blockSignals(False)
        self.file_list.setVisible(len(pdfs) > 1)

    def _file_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None or self.current is None:
            return
        sha = item.data(Qt.ItemDataRole.UserRole)
        chosen = next((f for f in self.current.files if f.sha256 == sha), None)
        if chosen is not None:
            self.show_file(chosen)

    def show_file(self, file: DocumentFile) -> None:
        """Show one of the document's PDFs with its signature badges."""
        self.notice.setVisible(False)
        self.signatures_box.setVisible(False)
        self.badges.clear()
        try:
            path = self._env.services.documents.file_path(file.sha256)
        except DomainError as exc:
            self.viewer.clear()
            self._notice(describe(exc))
            return
        self.viewer.load(path)
        self._shown = file
        self._verify(file.sha256, path)

    def _verify(self, sha256: str, path: Path) -> None:
        """Signed PDFs get their badges, and the viewer switches to a copy with the number, date, signature images
        and seal drawn in (QtPdf does not draw form fields); reading, verifying and flattening run on a worker
        thread (a scan can be 25 MB)."""
        signing = self._env.services.signing
        cache = self._env.settings.view_cache_dir
        self._verify_for = sha256
        doc = self.current  # secret or restriction-stamped: its revocation is never looked up online
        restricted = doc is not None and (doc.confidentiality is not Confidentiality.NONE
                                          or doc.restriction is not RestrictionStamp.NONE)

        ctx = self._env.services.ctx

        def work(_ctx: JobContext) -> tuple[VerificationReport | None, Path, RegisterCheck | None]:
            data = path.read_bytes()
            report = signing.verify(data, restricted=restricted) if b"/ByteRange" in data else None
            # the file as it is now against what the register recorded: a store file cut back to an earlier
            # revision (fewer signatures) or changed after registration says so here
            register = check_against_register(ctx, data, backfill=False) if report is not None else None
            # the display copy is cached by what the file holds now, not by what the register recorded
            actual = sha256 if register is None or register.ok else register.file_sha256
            shown = display_copy(path, actual, cache) if needs_display_copy(data) else path
            return report, shown, register

        job = self._env.jobs.run("verify-signatures", work)
        job.succeeded.connect(lambda result, sha=sha256, original=path: self._show_report(sha, original, result))
        job.failed.connect(lambda message, sha=sha256: self._verify_failed(sha, message))

    def _show_report(self, sha256: str, original: Path, result: object) -> None:
        if sha256 != self._verify_for or not isinstance(result, tuple):
            return  # another document is shown now
        report, shown, register = result
        if isinstance(shown, Path) and shown != original:
            self.viewer.load(shown)
        if not isinstance(report, VerificationReport):
            return  # the file is not signed
        self._checked_at = self._env.services.ctx.clock()
        self.badges.set_report(report)
        if isinstance(register, RegisterCheck):
            self.badges.set_register(register_line(register), "valid" if register.ok else "broken")
        self.signatures_box.setVisible(True)

    def _verify_failed(self, sha256: str, message: str) -> None:
        if sha256 == self._verify_for:
            self.badges.set_failed(message)
            self.signatures_box.setVisible(True)

    def choose_report_target(self) -> Job | None:
        """Ask where to save the verification report (documents folder, or the last one used), then export it."""
        if self.badges.report is None or self._shown is None:
            return None
        doc = self.current
        tag = doc.number_notation if doc is not None and doc.number_notation else Path(self._shown.name).stem
        folder = DocumentPage.report_folder or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the verification report"),
                                              str(folder / report_file_name(tag)), self.tr("PDF files (*.pdf)"))
        if not name:
            return None
        return self.export_report(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    def export_report(self, target: Path) -> Job | None:
        """Render and write the panel's report as a PDF off the UI thread, worded as the panel words it."""
        report, shown = self.badges.report, self._shown
        if report is None or shown is None:
            return None
        doc = self.current
        title = f"{doc.doc_type} {doc.number_notation}".strip() if doc is not None else ""
        checked = CheckedFile(file_name=shown.name, sha256=shown.sha256, size=shown.size,
                              checked_at=self._checked_at or self._env.services.ctx.clock(), document=title,
                              register=self.badges.register.text())
        wording = report_wording(report)  # the panel's sentences, translated on the UI thread

        def work(_ctx: JobContext) -> Path:
            return write_report(report, checked, target, wording)

        DocumentPage.report_folder = target.parent
        job = self._env.jobs.run("verification-report-pdf", work)
        job.succeeded.connect(lambda path: self._notice(
            self.tr("Verification report saved: {path}").format(path=path)))
        job.failed.connect(lambda message: self._notice(
            self.tr("The verification report was not saved: {message}").format(message=message)))
        return job

    def refresh(self) -> None:
        if self.current is not None:
            self.show_document(self.current.id)

    def _fill(self, d: Document) -> None:
        title = f"{d.doc_type} {d.number_notation}".strip()
        self.heading.setText(f"{title} — {d.summary}" if title else d.summary)
        signer = ", ".join(x for x in (d.signer_position, d.signer_name) if x)
        values = {
            "number": d.number_notation or self.tr("(not numbered yet)"),
            "date": labels.day(d.issued_date),
            "type": d.doc_type,
            "issuer": d.issuer_name + (f" ({d.issuer_code})" if d.issuer_code else ""),
            "summary": d.summary,
            "signer": signer,
            "urgency": labels.urgency(d.urgency),
            "state": labels.state(d.state),
            "direction": labels.direction(d.direction),
            "pages": str(d.page_count) if d.page_count else "",
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        size = self.tr("Size")
        self.files.setText(
            "\n\n".join(f"{f.name}\n{size}: {f.size:,} B\nSHA-256: {_wrap_hash(f.sha256)}" for f in d.files)
            or self.tr("No files.")
        )

    def _notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(True)


def _wrap_hash(sha: str) -> str:
    """Break the 64 hex digits into two lines so the side panel stays narrow."""
    return f"{sha[:32]}\n{sha[32:]}"
