""""Check a file against the register": is an outside PDF the document of record? (issue 5 item 8)

Why: a signed PDF cut back to an earlier revision (the leader's signature only, without the number, date and seal)
still verifies as a valid PDF; only the register knows how many signatures the file of record carries. The dialog
shows the register's answer above the signature badges of the same file. The file is read, verified and compared
with the register on a worker thread (`RegisterCheckDialog.start`); the dialog opens at once with "Checking…".

The Documents page opens it with `RegisterCheckDialog.check_file(env, path, parent)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.services.signing.register_check import RegisterCheck, RegisterState, check_against_register
from app.services.signing.verify import VerificationReport
from app.ui.i18n import translate
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages.common import PageEnv
from app.widgets.signature_badges import SignatureBadges

if TYPE_CHECKING:  # PySide6 types the marker as returning object; it returns the source string unchanged

    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "RegisterCheckDialog"
COLOURS = {  # background, border, text — as the signature badges
    "ok": ("#e7f5ea", "#2e7d32", "#1b5e20"),
    "warn": ("#fff4e0", "#ef8f00", "#8a4b00"),
    "bad": ("#fdecea", "#c62828", "#8e0000"),
}
TONE = {
    RegisterState.MATCHES: "ok",
    RegisterState.EARLIER_REVISION: "bad",
    RegisterState.MODIFIED_AFTER_REGISTER: "bad",
    RegisterState.DIFFERS: "bad",
    RegisterState.NOT_REGISTERED: "warn",
    RegisterState.UNREADABLE: "warn",
}
ROLE_TEXT = {
    "main": QT_TRANSLATE_NOOP("RegisterCheckDialog", "main file"),
    "appendix": QT_TRANSLATE_NOOP("RegisterCheckDialog", "appendix"),
}
MATCHES_TEXT = QT_TRANSLATE_NOOP(
    "RegisterCheckDialog", "This file is the one in the register: the {role} of document {number}.")
NOT_REGISTERED_TEXT = QT_TRANSLATE_NOOP(
    "RegisterCheckDialog", "No document in the register has this file or any of its signatures. "
    "Treat it as an outside copy: ask the sender for the registered file if it matters.")
UNSIGNED_TEXT = QT_TRANSLATE_NOOP(
    "RegisterCheckDialog", "This file is not in the register and carries no digital signature.")
UNREADABLE_TEXT = QT_TRANSLATE_NOOP(
    "RegisterCheckDialog", "The file cannot be read as a PDF. Choose a PDF file and check again.")
NO_NUMBER = QT_TRANSLATE_NOOP("RegisterCheckDialog", "(not numbered yet)")


def tr(source: str, n: int = -1) -> str:
    return translate(CONTEXT, source, n)


@dataclass(frozen=True)
class CheckOutcome:
    """What the worker hands back: the register's answer and, for a signed PDF, the verification report."""

    check: RegisterCheck
    report: VerificationReport | None


def register_line(check: RegisterCheck) -> str:
    """The register's answer in one sentence (the UI language)."""
    number = check.number_notation or tr(NO_NUMBER)
    if check.problem_code is not None:
        return describe(DomainError(check.problem_code, number=number, registered=check.registered_count,
                                    count=check.file_count))
    if check.state is RegisterState.MATCHES:
        return tr(MATCHES_TEXT).format(role=tr(ROLE_TEXT.get(check.file_role, check.file_role)), number=number)
    if check.state is RegisterState.UNREADABLE:
        return tr(UNREADABLE_TEXT)
    return tr(NOT_REGISTERED_TEXT) if check.file_count else tr(UNSIGNED_TEXT)


class RegisterCheckDialog(QDialog):
    def __init__(self, env: PageEnv, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.path = path
        self.outcome: CheckOutcome | None = None
        self.job: Job | None = None
        self.setObjectName("registerCheckDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one dialog per check; none piles up on the page
        self.setWindowTitle(self.tr("Check a file against the register"))
        self.setMinimumWidth(560)
        self.file_label = QLabel(self.tr("File: %1").replace("%1", path.name), self)
        self.file_label.setObjectName("registerCheckFile")
        self.file_label.setWordWrap(True)
        self.register_label = QLabel(self.tr("Comparing the file with the register…"), self)
        self.register_label.setObjectName("registerCheckLine")
        self.register_label.setWordWrap(True)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("registerCheckDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setVisible(False)
        self.badges = SignatureBadges()
        self.badges.export_button.setVisible(False)  # the report is exported from the document view
        self.badges.set_pending()
        holder = QWidget(self)  # the badges at the top, not spread over the whole area
        holder_layout = QVBoxLayout(holder)
        holder_layout.addWidget(self.badges)
        holder_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        scroll.setMinimumHeight(260)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.open_button = QPushButton(self.tr("Open the registered document"), self)
        self.open_button.setObjectName("openRegisteredDocument")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self._open_document)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.register_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(QLabel(self.tr("Digital signatures of this file:"), self))
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def start(self) -> Job:
        """Read, verify and compare on a worker thread; the answer fills the dialog when it arrives."""
        signing = self._env.services.signing
        ctx = self._env.services.ctx
        path = self.path

        def work(_ctx: JobContext) -> CheckOutcome:
            data = path.read_bytes()
            check = check_against_register(ctx, data)
            report = None
            if check.state is not RegisterState.UNREADABLE and b"/ByteRange" in data:
                report = signing.verify(data)
            return CheckOutcome(check, report)

        self.job = self._env.jobs.run("register-check", work)
        self.job.succeeded.connect(self.show_outcome)
        self.job.failed.connect(self._failed)
        return self.job

    def show_outcome(self, outcome: object) -> None:
        if not isinstance(outcome, CheckOutcome):
            return
        self.outcome = outcome
        check = outcome.check
        bg, border, fg = COLOURS[TONE[check.state]]
        self.register_label.setStyleSheet(
            f"QLabel {{ background: {bg}; border: 1px solid {border}; color: {fg}; border-radius: 4px;"
            " padding: 8px; font-weight: 600; }")
        self.register_label.setText(register_line(check))
        details = []
        if check.register_name:
            details.append(self.tr("Register: %1").replace("%1", check.register_name))
        if check.file_name:
            details.append(self.tr("Registered file: %1").replace("%1", check.file_name))
        self.detail_label.setText(" · ".join(details))
        self.detail_label.setVisible(bool(details))
        self.open_button.setVisible(check.document_id is not None)
        if outcome.report is not None:
            self.badges.set_report(outcome.report)
        elif check.state is RegisterState.UNREADABLE:
            self.badges.set_failed(tr(UNREADABLE_TEXT))
        else:
            self.badges.set_failed(self.tr("The file carries no digital signature."))

    def _failed(self, message: str) -> None:
        self.register_label.setText(message)
        self.badges.set_failed(message)

    def _open_document(self) -> None:
        if self.outcome is not None and self.outcome.check.document_id:
            self._env.open_document(self.outcome.check.document_id)
            self.accept()

    @classmethod
    def check_file(cls, env: PageEnv, path: Path, parent: QWidget | None = None) -> RegisterCheckDialog:
        dialog = cls(env, path, parent)
        dialog.start()
        dialog.open()
        return dialog
