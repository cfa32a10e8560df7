""""Quản trị": the agency profile, its units and users (read-only for now) and the integrity check."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import document_types
from app.domain.enums import RegistryKind
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.services.integrity import CheckCancelled, CheckReport
from app.ui.jobs import Job, JobCancelled, JobContext
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv, fill_table, make_table


class AdminPage(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.setObjectName("page-admin")
        self.job: Job | None = None
        self.last_report: CheckReport | None = None

        heading = QLabel(self.tr("Administration"), self)
        heading.setObjectName("pageHeading")

        self.profile = QGroupBox(self.tr("Agency profile"), self)
        self.profile_form = QFormLayout(self.profile)

        self.units = make_table(self, [self.tr("Unit"), self.tr("Abbreviation")], stretch_column=0)
        units_box = QGroupBox(self.tr("Units"), self)
        QVBoxLayout(units_box).addWidget(self.units)

        self.users = make_table(
            self,
            [self.tr("User name"), self.tr("Full name"), self.tr("Position"), self.tr("Roles"), self.tr("Unit"),
             self.tr("Active")],
            stretch_column=1,
        )
        users_box = QGroupBox(self.tr("Users"), self)
        QVBoxLayout(users_box).addWidget(self.users)

        self.books = make_table(
            self, [self.tr("Year"), self.tr("Register"), self.tr("Number series"), self.tr("Name"), self.tr("Secret")],
            stretch_column=3,
        )
        self.books.setObjectName("registryBooks")
        books_box = QGroupBox(self.tr("Registry books and number series"), self)
        self.add_book_button = QPushButton(self.tr("Add a registry book…"), books_box)
        self.add_book_button.setObjectName("addBook")
        self.add_book_button.clicked.connect(self.add_book)
        books_layout = QVBoxLayout(books_box)
        books_layout.addWidget(self.books)
        self.calendar_button = QPushButton(self.tr("Working calendar…"), books_box)
        self.calendar_button.setObjectName("workingCalendar")
        self.calendar_button.setToolTip(self.tr("Holidays, day swaps, make-up working days and office hours"))
        self.calendar_button.clicked.connect(self.open_calendar)
        book_buttons = QHBoxLayout()
        book_buttons.addWidget(self.add_book_button)
        book_buttons.addWidget(self.calendar_button)
        book_buttons.addStretch(1)
        books_layout.addLayout(book_buttons)

        check_box = QGroupBox(self.tr("Integrity check"), self)
        self.check_button = QPushButton(self.tr("Run integrity check"), check_box)
        self.check_button.setObjectName("runCheck")
        self.check_button.clicked.connect(self.run_check)
        self.cancel_button = QPushButton(self.tr("Cancel"), check_box)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_check)
        self.progress = QProgressBar(check_box)
        self.progress.setVisible(False)
        self.result = QPlainTextEdit(check_box)
        self.result.setObjectName("checkResult")
        self.result.setReadOnly(True)
        self.result.setPlaceholderText(
            self.tr("Verifies that every stored file matches its SHA-256 and that the audit log chain is unbroken.")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        check_layout = QVBoxLayout(check_box)
        check_layout.addLayout(buttons)
        check_layout.addWidget(self.result)

        left = QVBoxLayout()
        left.addWidget(self.profile)
        left.addWidget(units_box, 1)
        left.addWidget(books_box, 1)
        right = QVBoxLayout()
        right.addWidget(users_box, 1)
        right.addWidget(check_box, 1)
        right.addWidget(self._directory_box())
        from app.ui.pages.commune_relay import ServedCommunesBox  # a district serving communes with no link

        self.served_communes = ServedCommunesBox(env, self)
        right.addWidget(self.served_communes)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        self.tokens_button = QPushButton(self.tr("Tokens and trust…"), self)
        self.tokens_button.setObjectName("tokensAndTrust")
        self.tokens_button.setToolTip(self.tr("Signing tokens, the agency's seal token, trusted roots and CRLs"))
        self.tokens_button.clicked.connect(self.open_tokens)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.tokens_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        self.refresh()

    def _directory_box(self) -> QGroupBox:
        """The agency directory the recipient pickers search: refreshed from the axis on demand."""
        from app.ui.pages.directory_refresh import DirectoryRefreshRow

        box = QGroupBox(self.tr("Agency directory"), self)
        self.directory_refresh = DirectoryRefreshRow(self._env, box)
        QVBoxLayout(box).addWidget(self.directory_refresh)
        return box

    def open_tokens(self) -> QDialog:
        """Tokens and trust (issue #5): which token seals for the agency, which roots and CRLs verification uses."""
        from app.ui.dialogs.tokens_admin import TokensAdminDialog

        dialog = TokensAdminDialog(self._env, self)
        dialog.open()
        return dialog

    def refresh(self) -> None:
        session = self._env.services.session
        agency = session.own_agency()
        while self.profile_form.rowCount():
            self.profile_form.removeRow(0)
        if agency is not None:
            for caption, value in [
                (self.tr("Agency code"), agency.code),
                (self.tr("Name"), agency.name),
                (self.tr("Abbreviation"), agency.abbreviation),
                (self.tr("Governing body"), agency.parent_name or ""),
                (self.tr("Place name"), agency.place_name),
            ]:
                field = QLabel(value, self.profile)
                field.setObjectName("profileValue")
                self.profile_form.addRow(caption, field)
        units = session.units()
        unit_names = {u.id: u.name for u in units}
        fill_table(self.units, [(None, [u.name, u.abbreviation]) for u in units])
        fill_table(
            self.users,
            [
                (None, [u.username, u.full_name, u.position, labels.roles(u.roles),
                        unit_names.get(u.unit_id, "") if u.unit_id else "",
                        self.tr("Yes") if u.is_active else self.tr("No")])
                for u in session.users()
            ],
        )

        books = sorted(self._env.services.registry.books(), key=lambda b: (-b.year, b.kind.value, b.confidential))
        fill_table(self.books, [
            (None, [str(b.year), labels.register(b.kind), b.series_key, b.name,
                    self.tr("Yes") if b.confidential else ""])
            for b in books
        ])

    def add_book(self) -> None:
        """The head of the agency decides which series it numbers in (ND30 Art 15): one book per series and year."""
        dialog = RegistryBookDialog(self._env.services.ctx.clock().year, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_book(dialog)

    def open_calendar(self) -> QDialog:
        """The working-day calendar every deadline reads (holidays, day swaps, office hours)."""
        from app.ui.dialogs.calendar_editor import CalendarEditorDialog

        dialog = CalendarEditorDialog(self._env, self)
        dialog.open()
        return dialog

    def create_book(self, dialog: RegistryBookDialog) -> None:
        try:
            self._env.services.registry.add_series_book(
                Actor.of(self._env.user), dialog.kind(), dialog.series_key(), dialog.name.text().strip(),
                year=dialog.year.value(), confidential=dialog.secret.isChecked(),
            )
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Registry book not added"), describe(exc))
            return
        self.refresh()

    def run_check(self) -> None:
        integrity = self._env.services.integrity

        def work(ctx: JobContext) -> CheckReport:
            ctx.report(0, 0, "")
            try:
                return integrity.check(progress=lambda done, total: ctx.report(done, total),
                                       cancelled=lambda: ctx.cancelled)
            except CheckCancelled:
                raise JobCancelled from None

        self.result.clear()
        self.check_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        job = self._env.jobs.run("integrity.check", work)
        job.progress.connect(self._on_progress)
        job.succeeded.connect(self._on_report)
        job.failed.connect(self.result.setPlainText)
        job.cancelled.connect(lambda: self.result.setPlainText(self.tr("The check was cancelled.")))
        job.finished.connect(self._on_finished)
        self.job = job

    def cancel_check(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, total)
        if total:
            self.progress.setValue(done)

    def _on_finished(self) -> None:
        self.check_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self.job = None

    def _on_report(self, report: CheckReport) -> None:
        self.last_report = report
        lines = [
            self.tr("Checked %1 stored file(s) and %2 audit event(s).")
            .replace("%1", str(report.files_checked))
            .replace("%2", str(report.audit_events_checked))
        ]
        for p in report.problems:
            kind = self.tr("Error") if p.severity == "error" else self.tr("Warning")
            lines.append(f"{kind}: {p.code} {p.subject} {p.detail}".rstrip())
        if report.ok:
            lines.append(self.tr("Everything is consistent."))
        else:
            lines.append(self.tr("Problems found: restore the affected files or the database from a backup."))
        self.result.setPlainText("\n".join(lines))


class RegistryBookDialog(QDialog):
    """Register, series and year of a new book; the name follows the register and series unless typed."""

    SERIES: tuple[tuple[str, str], ...] = (
        ("admin", str(QT_TRANSLATE_NOOP("RegistryBookDialog", "Administrative documents"))),
        ("vbqppl", str(QT_TRANSLATE_NOOP("RegistryBookDialog", "Legal normative documents of one type"))),
        ("secret", str(QT_TRANSLATE_NOOP("RegistryBookDialog", "Secret documents"))),
        ("copy", str(QT_TRANSLATE_NOOP("RegistryBookDialog", "Copies (sao y, trích sao, sao lục)"))),
        ("advisory", str(QT_TRANSLATE_NOOP("RegistryBookDialog", "An advisory body (council, board, team)"))),
        ("incoming", str(QT_TRANSLATE_NOOP("RegistryBookDialog", "Incoming documents"))),
        ("incoming-secret", str(QT_TRANSLATE_NOOP("RegistryBookDialog", "Incoming secret documents"))),
    )

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a registry book"))
        self.series = QComboBox(self)
        for key, caption in self.SERIES:
            self.series.addItem(self.tr(caption), key)
        self.doc_type = QComboBox(self)
        for t in document_types.all_types():
            if t.normative_capable and t.abbreviation:
                self.doc_type.addItem(t.name, t.abbreviation)
        self.body = QLineEdit(self)
        self.body.setPlaceholderText(self.tr("Abbreviation of the advisory body, e.g. HĐTĐ"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.name = QLineEdit(self)
        self.secret = QCheckBox(self.tr("Secret register (kept apart, never sent electronically)"), self)
        form = QFormLayout(self)
        form.addRow(self.tr("Number series"), self.series)
        form.addRow(self.tr("Document type"), self.doc_type)
        form.addRow(self.tr("Advisory body"), self.body)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.secret)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.series.currentIndexChanged.connect(self._update)
        self._update()

    def kind(self) -> RegistryKind:
        key = self.series.currentData()
        return RegistryKind.INCOMING if str(key).startswith("incoming") else RegistryKind.OUTGOING

    def series_key(self) -> str:
        key = str(self.series.currentData())
        if key == "vbqppl":
            return f"vbqppl:{self.doc_type.currentData()}"
        if key == "advisory":
            return f"advisory:{self.body.text().strip().upper()}"
        return key

    def _update(self) -> None:
        key = str(self.series.currentData())
        self.doc_type.setEnabled(key == "vbqppl")
        self.body.setEnabled(key == "advisory")
        if key in ("secret", "incoming-secret"):
            self.secret.setChecked(True)
        title = self.tr("Incoming register") if self.kind() is RegistryKind.INCOMING else self.tr("Outgoing register")
        self.name.setPlaceholderText(f"{title} — {self.series.currentText()}")

    def _accept(self) -> None:
        if str(self.series.currentData()) == "advisory" and not self.body.text().strip():
            self.body.setFocus()
            return
        if not self.name.text().strip():
            self.name.setText(self.name.placeholderText())
        self.accept()
