"""The login dialog: user name and password checked by the auth service; in demo mode, the demo accounts are listed."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import Agency, User
from app.services.bundle import Services
from app.services.demo import DemoAccount
from app.ui.messages import describe
from app.ui.pages import labels

APP_TITLE = "Văn Thư Desktop"


class LoginDialog(QDialog):
    def __init__(
        self,
        services: Services,
        *,
        demo_accounts: Sequence[DemoAccount] = (),
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self.user: User | None = None
        agency = services.session.own_agency()
        self.setObjectName("loginDialog")
        self.setWindowTitle(self._title(agency))
        self.setMinimumWidth(460)

        heading = QLabel(f"<b style='font-size:18px'>{APP_TITLE}</b>", self)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        agency_label = QLabel(escape(agency.name) if agency else self.tr("No agency set up yet"), self)
        agency_label.setObjectName("loginAgency")
        agency_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        agency_label.setWordWrap(True)

        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.username_caption = QLabel(self.tr("User name:"), self)
        self.password_caption = QLabel(self.tr("Password:"), self)
        form.addRow(self.username_caption, self.username)
        form.addRow(self.password_caption, self.password)

        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)

        self.buttons = QDialogButtonBox(self)
        self.sign_in = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in.setObjectName("signIn")
        self.sign_in.setDefault(True)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(agency_label)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.demo_hint: QLabel | None = None
        if demo_accounts:
            self.demo_hint = QLabel(self._demo_text(demo_accounts), self)
            self.demo_hint.setObjectName("demoHint")
            self.demo_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.demo_hint.setStyleSheet(
                "background: #eef4fb; border: 1px solid #b9cde5; padding: 8px; color: #1f3a5f;"
            )
            layout.addSpacing(6)
            layout.addWidget(self.demo_hint)
        (self.password if username else self.username).setFocus()

    def _title(self, agency: Agency | None) -> str:
        """"Đăng nhập — <agency> — Văn Thư Desktop": ending with the application's name, so Qt does not add it a
        second time (it appends the display name to a title that does not end with it)."""
        title = self.tr("Sign in — %1").replace("%1", agency.name) if agency else self.tr("Sign in")
        return f"{title} — {APP_TITLE}"

    def _demo_text(self, accounts: Sequence[DemoAccount]) -> str:
        rows = "".join(
            f"<tr><td><tt>{escape(a.username)}</tt></td><td>{escape(a.full_name)}</td>"
            f"<td>{escape(labels.role(a.role))}</td><td><tt>{escape(a.password)}</tt></td></tr>"
            for a in accounts
        )
        head = escape(self.tr("Demo mode: these accounts are for trying the app only."))
        cols = "".join(
            f"<th align='left'>{escape(c)}</th>"
            for c in (self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Password"))
        )
        return f"<b>{head}</b><table cellspacing='0' cellpadding='3'><tr>{cols}</tr>{rows}</table>"

    def try_login(self) -> bool:
        """Check the credentials; on failure the dialog stays open with the reason in red."""
        try:
            self.user = self._services.auth.login(self.username.text(), self.password.text())
        except DomainError as exc:
            self.error.setText(describe(exc))
            self.error.setVisible(True)
            self.password.selectAll()
            self.password.setFocus()
            return False
        self.error.setVisible(False)
        self.accept()
        return True
