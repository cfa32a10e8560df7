""""Quản trị": the agency profile, its units and users (read-only for now) and the integrity check."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.integrity import CheckReport
from app.ui.jobs import Job, JobContext
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
        right = QVBoxLayout()
        right.addWidget(users_box, 1)
        right.addWidget(check_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        self.refresh()

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

    def run_check(self) -> None:
        integrity = self._env.services.integrity

        def work(ctx: JobContext) -> CheckReport:
            ctx.report(0, 0, "")  # the service has no progress hook yet: a busy indicator
            return integrity.check()

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
