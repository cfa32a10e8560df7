""" "Dự thảo": one page for the issuing flow whose content follows the user's role (design §2 "Issue", seed Art 7, 10).

- A specialist sees their drafts: new (PDF or Word), edit, submit for signature; returned drafts show the comments.
- A leader or deputy sees the drafts awaiting their signature: open the PDF, sign with their token, or return them.
- The clerk sees signed drafts: number and seal them with the organisation's token, print the paper copies Art 7 asks
  for (the list says who gets paper, how many and why), and mark them issued so they wait in "To send".

Every change goes through the issuing service on the job runner (token work and Word conversion can take seconds);
the page only decides what to show and which buttons make sense for the selected draft.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.drafts import Delivery, Draft, DraftState, PaperPlan, PaperReason, VersionKind
from app.domain.enums import Role
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.services.signing.sign import SigningLayout
from app.ui.dialogs import ERROR_STYLE
from app.ui.dialogs.draft_editor import DraftEditorDialog, DraftForm, read_form_files
from app.ui.i18n import translate
from app.ui.jobs import Job, JobContext
from app.ui.pages import labels
from app.ui.pages.common import DOCUMENT_ID_ROLE, PIN_ERRORS, PageEnv, document_id_at, make_table

CONTEXT = "Drafts"
INFO_STYLE = "color: #1b5e20;"

STATES: dict[DraftState, str] = {
    DraftState.DRAFT: str(QT_TRANSLATE_NOOP("Drafts", "Draft")),
    DraftState.SUBMITTED: str(QT_TRANSLATE_NOOP("Drafts", "Awaiting signature")),
    DraftState.RETURNED: str(QT_TRANSLATE_NOOP("Drafts", "Returned with comments")),
    DraftState.SIGNED: str(QT_TRANSLATE_NOOP("Drafts", "Signed, awaiting number")),
    DraftState.NUMBERED: str(QT_TRANSLATE_NOOP("Drafts", "Numbered and sealed")),
    DraftState.ISSUED: str(QT_TRANSLATE_NOOP("Drafts", "Issued")),
}
VERSIONS: dict[VersionKind, str] = {
    VersionKind.UPLOADED: str(QT_TRANSLATE_NOOP("Drafts", "uploaded")),
    VersionKind.CONVERTED: str(QT_TRANSLATE_NOOP("Drafts", "converted from Word")),
    VersionKind.PREPARED: str(QT_TRANSLATE_NOOP("Drafts", "submitted for signature")),
    VersionKind.RETURNED: str(QT_TRANSLATE_NOOP("Drafts", "returned")),
    VersionKind.SIGNED: str(QT_TRANSLATE_NOOP("Drafts", "signed")),
    VersionKind.SEALED: str(QT_TRANSLATE_NOOP("Drafts", "numbered and sealed")),
}
REASONS: dict[PaperReason, str] = {
    PaperReason.PAPER_ONLY: str(QT_TRANSLATE_NOOP("Drafts", "secret or restricted: paper only")),
    PaperReason.NORMATIVE_TO_SUPERIOR: str(QT_TRANSLATE_NOOP("Drafts", "legal normative document to a superior")),
    PaperReason.NORMATIVE_OUTSIDE_SYSTEM: str(
        QT_TRANSLATE_NOOP("Drafts", "legal normative document outside the administrative system")
    ),
    PaperReason.NORMATIVE_LEGAL_REVIEW: str(
        QT_TRANSLATE_NOOP("Drafts", "legal normative document to the legal review body")
    ),
    PaperReason.DOCUMENT_TYPE: str(QT_TRANSLATE_NOOP("Drafts", "this document type also goes on paper")),
    PaperReason.TO_GOVERNMENT: str(QT_TRANSLATE_NOOP("Drafts", "sent to the Government / Prime Minister")),
    PaperReason.AGENCY_LIST: str(QT_TRANSLATE_NOOP("Drafts", "on the agency's paper list")),
    PaperReason.NO_EQUIPMENT: str(QT_TRANSLATE_NOOP("Drafts", "recipient cannot receive electronically")),
    PaperReason.REQUESTED: str(QT_TRANSLATE_NOOP("Drafts", "requested by the drafter")),
}
DELIVERIES: dict[Delivery, str] = {
    Delivery.ELECTRONIC: str(QT_TRANSLATE_NOOP("Drafts", "Electronic only")),
    Delivery.ELECTRONIC_AND_PAPER: str(QT_TRANSLATE_NOOP("Drafts", "Electronic and paper")),
    Delivery.PAPER: str(QT_TRANSLATE_NOOP("Drafts", "Paper only")),
}
HEADERS = (
    str(QT_TRANSLATE_NOOP("Drafts", "Summary")),
    str(QT_TRANSLATE_NOOP("Drafts", "Type")),
    str(QT_TRANSLATE_NOOP("Drafts", "Status")),
    str(QT_TRANSLATE_NOOP("Drafts", "Drafter")),
    str(QT_TRANSLATE_NOOP("Drafts", "Signer")),
    str(QT_TRANSLATE_NOOP("Drafts", "Number")),
    str(QT_TRANSLATE_NOOP("Drafts", "Changed")),
)
PAPER_HEADERS = (
    str(QT_TRANSLATE_NOOP("Drafts", "Recipient")),
    str(QT_TRANSLATE_NOOP("Drafts", "Copies")),
    str(QT_TRANSLATE_NOOP("Drafts", "Why paper")),
)


def tr(source: str) -> str:
    return translate(CONTEXT, source)


def state_label(state: DraftState) -> str:
    return tr(STATES[state])


def print_pdf(printer: Any, pdf_path: Path, copies: int) -> int:
    """Print `copies` sets of the PDF on `printer` (a QPrinter); returns the pages printed.

    Each page is rendered once at the printer's resolution and drawn once per copy, so a long copy run costs one
    render per page."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(pdf_path))
    if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() == 0 or copies < 1:
        return 0
    dpi = printer.resolution()
    images: list[QImage] = []
    for i in range(doc.pageCount()):
        size = doc.pagePointSize(i)
        images.append(doc.render(i, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for copy in range(copies):
            for i, image in enumerate(images):
                if copy or i:
                    printer.newPage()
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(scaled))
                printed += 1
    finally:
        painter.end()
    return printed


class DraftsPage(QWidget):
    seal_progress = Signal(int, int, str)  # emitted from the sealing job's thread: (files done, files, file name)

    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seal_progress.connect(self._seal_progress)  # connected before any job runs: no early step is lost
        self._env = env
        self._issuing = env.services.issuing
        self.actor = Actor.of(env.user)
        self.setObjectName("page-drafts")
        self.drafts: list[Draft] = []
        self.job: Job | None = None
        self.is_specialist = self.actor.has_role(Role.SPECIALIST)
        self.is_signer = self.actor.has_role(Role.LEADER) or self.actor.has_role(Role.DEPUTY)
        self.is_clerk = self.actor.has_role(Role.CLERK)

        heading = QLabel(self.tr("Drafts"), self)
        heading.setObjectName("pageHeading")
        self.hint = QLabel(self._hint_text(), self)
        self.hint.setObjectName("draftsHint")
        self.hint.setWordWrap(True)

        self.new_button = self._button("newDraft", self.tr("New draft…"), self.new_draft, self.is_specialist)
        self.edit_button = self._button("editDraft", self.tr("Edit…"), self.edit_selected, self.is_specialist)
        self.submit_button = self._button(
            "submitDraft", self.tr("Submit for signature"), self.submit_selected, self.is_specialist
        )
        self.open_button = self._button("openDraft", self.tr("Open PDF"), self.open_selected, True)
        self.sign_button = self._button("signDraft", self.tr("Sign…"), self.sign_selected, self.is_signer)
        self.return_button = self._button(
            "returnDraft", self.tr("Return with comments…"), self.return_selected, self.is_signer
        )
        self.seal_button = self._button("sealDraft", self.tr("Number and seal…"), self.seal_selected, self.is_clerk)
        self.print_button = self._button("printCopies", self.tr("Print copies…"), self.print_selected, self.is_clerk)
        self.issue_button = self._button("issueDraft", self.tr("Mark issued"), self.issue_selected, self.is_clerk)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.refresh)

        self.table: QTableWidget = make_table(self, [tr(h) for h in HEADERS], stretch_column=0)
        self.table.setObjectName("draftsTable")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())

        self.details = QLabel(self)
        self.details.setObjectName("draftDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.paper_title = QLabel(self)
        self.paper_title.setObjectName("paperTitle")
        self.paper = make_table(self, [tr(h) for h in PAPER_HEADERS], stretch_column=2)
        self.paper.setObjectName("paperTable")
        self.paper.setMaximumHeight(160)
        for w in (self.paper_title, self.paper):
            w.setVisible(self.is_clerk)

        self.message = QLabel(self)
        self.message.setObjectName("draftsMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.count = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        for b in (
            self.new_button,
            self.edit_button,
            self.submit_button,
            self.open_button,
            self.sign_button,
            self.return_button,
            self.seal_button,
            self.print_button,
            self.issue_button,
        ):
            if not b.isHidden():
                bar.addWidget(b)
        bar.addWidget(refresh)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details)
        lower_layout.addWidget(self.paper_title)
        lower_layout.addWidget(self.paper)
        lower_layout.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        layout.addWidget(self.count)
        self.refresh()

    def _button(self, name: str, text: str, slot: Callable[[], object], visible: bool) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(lambda: slot())
        b.setVisible(visible)
        if not visible:
            b.hide()
        return b

    def _hint_text(self) -> str:
        parts = []
        if self.is_specialist:
            parts.append(self.tr("Your drafts: write them, submit them for signature, and correct returned ones."))
        if self.is_signer:
            parts.append(self.tr("Drafts awaiting your signature: open, sign with your token, or return them."))
        if self.is_clerk:
            parts.append(
                self.tr("Signed drafts: give them a number and the seal, print the paper copies, then mark issued.")
            )
        return " ".join(parts)

    # ---- lists -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_id()
        found: dict[str, Draft] = {}
        try:
            if self.is_specialist:
                found.update((d.document_id, d) for d in self._issuing.my_drafts(self.actor))
            if self.is_signer:
                found.update((d.document_id, d) for d in self._issuing.awaiting_signature(self.actor))
            if self.is_clerk:
                found.update((d.document_id, d) for d in self._issuing.awaiting_clerk(self.actor))
        except DomainError as exc:
            self.show_error(exc)
        self.drafts = sorted(found.values(), key=lambda d: d.updated_at, reverse=True)
        self._fill(keep)
        self.count.setText(self.tr("%n draft(s)", "", len(self.drafts)))

    def _fill(self, keep: str | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.drafts))
        for row, d in enumerate(self.drafts):
            cells = [
                d.meta.summary,
                d.meta.doc_type,
                state_label(d.state),
                d.drafter_name,
                d.signer_name,
                d.number_notation,
                labels.moment(d.updated_at),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(DOCUMENT_ID_ROLE, d.document_id)
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        target = next((i for i, d in enumerate(self.drafts) if d.document_id == keep), 0 if self.drafts else -1)
        if target >= 0:
            self.table.selectRow(target)
        self._selection_changed()

    def selected_id(self) -> str | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return document_id_at(self.table, rows[0].row()) if rows else None

    def selected(self) -> Draft | None:
        wanted = self.selected_id()
        return next((d for d in self.drafts if d.document_id == wanted), None)

    def select(self, document_id: str) -> None:
        for row, d in enumerate(self.drafts):
            if d.document_id == document_id:
                self.table.selectRow(row)

    def _selection_changed(self) -> None:
        d = self.selected()
        busy = self.job is not None and self.job.running
        state = d.state if d is not None else None
        own = d is not None and d.drafter_user_id == self.actor.user_id
        editable = own and state in (DraftState.DRAFT, DraftState.RETURNED)
        self.edit_button.setEnabled(editable and not busy)
        self.submit_button.setEnabled(editable and not busy)
        self.open_button.setEnabled(d is not None)
        self.sign_button.setEnabled(state is DraftState.SUBMITTED and not busy)
        self.return_button.setEnabled(state is DraftState.SUBMITTED and not busy)
        self.seal_button.setEnabled(state is DraftState.SIGNED and not busy)
        self.print_button.setEnabled(
            state is DraftState.NUMBERED and not busy and d is not None and bool(d.paper_plan.copies)
        )
        self.issue_button.setEnabled(state is DraftState.NUMBERED and not busy)
        self._show_details(d)

    def _show_details(self, d: Draft | None) -> None:
        if d is None:
            self.details.setText(self.tr("No draft selected."))
            self.paper.setRowCount(0)
            self.paper_title.setText("")
            return
        lines = [
            f"<b>{_html(d.meta.doc_type)}</b> — {_html(d.meta.summary)}",
            self.tr("Status: %1").replace("%1", _html(state_label(d.state))),
        ]
        if d.number_notation:
            lines.append(self.tr("Number: %1").replace("%1", _html(d.number_notation)))
        if d.state is DraftState.RETURNED and d.return_comment:
            lines.append(
                f"<span style='color:#b00020'>{_html(self.tr('Comments: %1').replace('%1', d.return_comment))}</span>"
            )
        if d.recipients:
            lines.append(self.tr("Recipients: %1").replace("%1", _html("; ".join(r.name for r in d.recipients))))
        if d.appendices:
            lines.append(self.tr("Appendices: %1").replace("%1", _html("; ".join(a.title for a in d.appendices))))
        versions = [
            f"v{v.number} · {_html(tr(VERSIONS[v.kind]))} · {_html(v.created_by)} · {labels.moment(v.created_at)}"
            + (f" · <i>{_html(v.comment)}</i>" if v.comment else "")
            for v in reversed(d.versions)
        ]
        lines.append(self.tr("Versions:") + "<br>" + "<br>".join(versions))
        self.details.setText("<br>".join(lines))
        if self.is_clerk:
            self._show_paper(d.paper_plan)

    def _show_paper(self, plan: PaperPlan) -> None:
        self.paper_title.setText(
            self.tr("Delivery: %1 · paper copies to print: %2")
            .replace("%1", tr(DELIVERIES[plan.delivery]))
            .replace("%2", str(plan.total))
        )
        self.paper.setRowCount(len(plan.copies))
        for row, c in enumerate(plan.copies):
            why = ", ".join(tr(REASONS[r]) for r in c.reasons)
            for column, text in enumerate((c.recipient.name, str(c.copies), why)):
                self.paper.setItem(row, column, QTableWidgetItem(text))

    # ---- messages ----------------------------------------------------------------------------------------------
    def show_error(self, error: DomainError | str) -> None:
        from app.ui.messages import describe

        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(describe(error) if isinstance(error, DomainError) else error)
        self.message.setVisible(True)

    def show_info(self, text: str) -> None:
        self.message.setStyleSheet(INFO_STYLE)
        self.message.setText(text)
        self.message.setVisible(True)

    def _run(
        self,
        name: str,
        work: Callable[[JobContext], object],
        done: str,
        on_error: Callable[[DomainError], bool] | None = None,
    ) -> Job:
        """Run a service call on the job runner; refresh and say `done` after, or show why it failed."""
        job = self._env.jobs.run(name, work)
        self.job = job
        self._selection_changed()

        def succeeded(result: object) -> None:
            self.refresh()
            if isinstance(result, Draft):
                self.select(result.document_id)
            self.show_info(done)

        def failed(message: str) -> None:
            error = job.error if isinstance(job.error, DomainError) else None
            if error is not None and on_error is not None and on_error(error):
                return
            self.show_error(message)
            self.refresh()

        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.finished.connect(self._selection_changed)
        return job

    # ---- specialist --------------------------------------------------------------------------------------------
    def new_draft(self) -> None:
        dialog = DraftEditorDialog(self._env, None, self)
        if dialog.exec() and dialog.result_form is not None:
            self.save_new(dialog.result_form)

    def save_new(self, form: DraftForm) -> Job:
        actor, issuing = self.actor, self._issuing

        def work(_ctx: JobContext) -> Draft:
            content, name, appendices = read_form_files(form)
            assert content is not None
            return issuing.create(actor, form.meta, content, name, recipients=form.recipients, appendices=appendices)

        return self._run("issuing.create", work, self.tr("The draft was saved."))

    def edit_selected(self) -> None:
        d = self.selected()
        if d is None:
            return
        dialog = DraftEditorDialog(self._env, d, self)
        if dialog.exec() and dialog.result_form is not None:
            self.save_edit(d, dialog.result_form)

    def save_edit(self, draft: Draft, form: DraftForm) -> Job:
        actor, issuing = self.actor, self._issuing

        def work(_ctx: JobContext) -> Draft:
            content, name, appendices = read_form_files(form)
            saved = issuing.edit(
                actor,
                draft.document_id,
                form.meta,
                recipients=form.recipients,
                appendices=appendices,
                expected_version=draft.version,
            )
            if content is not None:
                saved = issuing.upload_version(
                    actor, draft.document_id, content, name, comment=form.comment, expected_version=saved.version
                )
            return saved

        return self._run("issuing.edit", work, self.tr("The draft was saved."))

    def submit_selected(self) -> Job | None:
        d = self.selected()
        if d is None:
            return None
        actor, issuing = self.actor, self._issuing
        return self._run(
            "issuing.submit",
            lambda _ctx: issuing.submit(actor, d.document_id, expected_version=d.version),
            self.tr("The draft was submitted for signature."),
        )

    def open_selected(self) -> None:
        d = self.selected()
        if d is not None:
            self._env.open_document(d.document_id)

    # ---- signer ------------------------------------------------------------------------------------------------
    def sign_selected(self, error: DomainError | None = None, layout: SigningLayout | None = None) -> Job | None:
        """The sign dialog (placement preview, token, PIN); `layout` keeps a moved signature across a PIN retry."""
        d = self.selected()
        if d is None:
            return None
        from app.ui.dialogs.sign_document import SignDocumentDialog

        signing = self._env.services.signing
        purpose = self.tr('Sign "%1" with your token.').replace("%1", d.meta.summary)
        try:
            pdf = self._issuing.pdf(d.current_sha256)
        except DomainError as exc:
            self.show_error(exc)
            return None
        answer = SignDocumentDialog.ask_to_sign(
            self, signing, signing.token_for(self.actor), purpose, pdf, chosen=layout, error=error
        )
        if answer is None:
            return None
        if signing.token_for(self.actor) != answer.selector:
            signing.remember_token(self.actor, answer.selector)
        actor, issuing = self.actor, self._issuing
        return self._run(
            "issuing.sign",
            lambda _ctx: issuing.sign(
                actor,
                d.document_id,
                answer.pin,
                selector=answer.selector,
                expected_version=d.version,
                layout=answer.layout,
            ),
            self.tr("Signed. The clerk can now number and seal it."),
            on_error=self._retry_pin(lambda e: self.sign_selected(e, answer.layout)),
        )

    def _retry_pin(self, again: Callable[[DomainError], object]) -> Callable[[DomainError], bool]:
        def handle(error: DomainError) -> bool:
            if error.code not in PIN_ERRORS:
                return False
            again(error)
            return True

        return handle

    def return_selected(self) -> Job | None:
        d = self.selected()
        if d is None:
            return None
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Return with comments"), self.tr("What must change before you sign:")
        )
        if not ok:
            return None
        return self.return_with(text)

    def return_with(self, comment: str) -> Job | None:
        d = self.selected()
        if d is None:
            return None
        actor, issuing = self.actor, self._issuing
        return self._run(
            "issuing.return",
            lambda _ctx: issuing.return_draft(actor, d.document_id, comment, expected_version=d.version),
            self.tr("The draft was returned to its drafter."),
        )

    # ---- clerk -------------------------------------------------------------------------------------------------
    def seal_selected(self, error: DomainError | None = None) -> Job | None:
        d = self.selected()
        if d is None:
            return None
        from app.ui.dialogs.pin import PinDialog

        purpose = self.tr('Give "%1" its number and date and apply the agency\'s seal.').replace("%1", d.meta.summary)
        pin = PinDialog.ask_organisation(self, self._env.services.signing, self.actor, purpose, error=error)
        if pin is None:
            return None
        actor, issuing = self.actor, self._issuing
        report = self.seal_progress.emit

        def work(ctx: JobContext) -> Draft:
            def progress(done: int, total: int, name: str) -> None:
                ctx.report(done, total, name)
                report(done, total, name)

            return issuing.number_and_seal(
                actor, d.document_id, pin, expected_version=d.version, progress=progress
            )

        return self._run(
            "issuing.number_and_seal",
            work,
            self.tr("Numbered and sealed. Print the paper copies listed below, then mark it issued."),
            on_error=self._retry_pin(self.seal_selected),
        )

    def _seal_progress(self, done: int, total: int, name: str) -> None:
        """One PIN, several files: the main document and each appendix in a separate file are sealed in turn."""
        if total and done < total:
            self.show_info(
                self.tr("Sealing file %1 of %2: %3").replace("%1", str(done + 1)).replace("%2", str(total))
                .replace("%3", name)
            )

    def print_selected(self) -> int:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        d = self.selected()
        if d is None:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %n paper copy(ies)", "", d.paper_plan.total))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        return self.print_to(printer)

    def print_to(self, printer: Any) -> int:
        """Print the selected draft's paper copies (as many sets as the plan's total) and record it."""
        d = self.selected()
        if d is None:
            return 0
        total = d.paper_plan.total
        try:
            path = self._env.services.documents.file_path(d.current_sha256)
            pages = print_pdf(printer, path, total)
            if pages:
                self._issuing.record_printed(self.actor, d.document_id, total)
        except DomainError as exc:
            self.show_error(exc)
            return 0
        if pages:
            self.show_info(self.tr("%n paper copy(ies) printed.", "", total))
        return pages

    def issue_selected(self) -> Job | None:
        d = self.selected()
        if d is None:
            return None
        actor, issuing = self.actor, self._issuing
        return self._run(
            "issuing.issue",
            lambda _ctx: issuing.mark_issued(actor, d.document_id, expected_version=d.version),
            self.tr('Issued. It now waits in the "To send" list.'),
        )


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
