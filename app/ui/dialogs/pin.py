"""The PIN prompt before a token signs: which token (label, certificate holder, issuer, validity), how close it is to
locking, the PIN, and whether to keep the PIN for this session.

A PIN kept "for this session" lives only in this process's memory (`SESSION_PINS`), is dropped when the token rejects
it, and is cleared on logout and when the application quits; it is never written or logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import Actor
from app.services.signing.service import SigningService, TokenChoice
from app.services.signing.tokens import TokenSelector
from app.ui.dialogs import ERROR_STYLE, error_label
from app.ui.messages import describe

WARNING_STYLE = "color: #a15c00;"


@dataclass(frozen=True)
class PinAnswer:
    selector: TokenSelector
    pin: str
    remember: bool

    def __repr__(self) -> str:  # a PIN must never reach a log through a repr
        return f"PinAnswer(selector={self.selector!r}, pin='***', remember={self.remember})"


class _SessionPins:
    """PINs the user chose to keep until logout, by token; memory only."""

    def __init__(self) -> None:
        self._pins: dict[TokenSelector, str] = {}
        self._hooked = False

    def get(self, selector: TokenSelector) -> str | None:
        key = self._key(selector)
        return None if key is None else self._pins[key]

    def keep(self, selector: TokenSelector, pin: str) -> None:
        self._hook_quit()
        self._pins[selector] = pin

    def forget(self, selector: TokenSelector) -> None:
        while (key := self._key(selector)) is not None:
            del self._pins[key]

    def _key(self, selector: TokenSelector) -> TokenSelector | None:
        """A kept token matching `selector` (a label-only selector matches the kept label+serial one)."""
        for kept in self._pins:
            if (selector.label is None or kept.label is None or kept.label == selector.label) and (
                    selector.serial is None or kept.serial is None or kept.serial == selector.serial):
                return kept
        return None

    def clear(self) -> None:
        self._pins.clear()

    def __len__(self) -> int:
        return len(self._pins)

    def _hook_quit(self) -> None:
        app = QCoreApplication.instance()
        if not self._hooked and app is not None:
            app.aboutToQuit.connect(self.clear)
            self._hooked = True


SESSION_PINS = _SessionPins()


def forget_session_pins(signing: SigningService | None = None) -> None:
    """On logout or close: drop kept PINs and log the tokens out."""
    SESSION_PINS.clear()
    if signing is not None:
        signing.logout()


class PinDialog(QDialog):
    def __init__(self, signing: SigningService, selector: TokenSelector | None, purpose: str, *,
                 error: DomainError | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("Token PIN"))
        self.setMinimumWidth(520)
        self._signing = signing
        self.choices: list[TokenChoice] = []

        self.purpose = QLabel(purpose, self)
        self.purpose.setObjectName("pinPurpose")
        self.purpose.setWordWrap(True)
        self.message = error_label(self)
        self.token = QComboBox(self)
        self.token.setObjectName("pinToken")
        self.details = QLabel(self)
        self.details.setObjectName("pinCertificate")
        self.details.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("pinWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setVisible(False)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pinField")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN of the token"))
        self.remember = QCheckBox(self.tr("Remember the PIN until I log out"), self)
        self.remember.setObjectName("pinRemember")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Token"), self.token)
        form.addRow("", self.details)
        form.addRow(self.tr("PIN"), self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.purpose)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.remember)
        layout.addWidget(self.buttons)

        self.token.currentIndexChanged.connect(self._show_choice)
        self._load(selector)
        if error is not None:
            self.show_error(error)
        self.pin.setFocus()

    # -- public -----------------------------------------------------------------------------------------------------
    @classmethod
    def ask(cls, parent: QWidget | None, signing: SigningService, selector: TokenSelector | None, purpose: str, *,
            error: DomainError | None = None) -> PinAnswer | None:
        """The token and PIN to sign with; None when the user cancels. A PIN kept for the session is returned
        without asking, unless `error` says the last try failed (then it is dropped and the user asked again)."""
        if selector is not None:
            if error is not None:
                SESSION_PINS.forget(selector)
            else:
                kept = SESSION_PINS.get(selector)
                if kept is not None:
                    return PinAnswer(selector, kept, True)
        dialog = cls(signing, selector, purpose, error=error, parent=parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()

    @classmethod
    def ask_organisation(cls, parent: QWidget | None, signing: SigningService, actor: Actor, purpose: str, *,
                         error: DomainError | None = None) -> str | None:
        """The PIN of the organisation's token (None when the user cancels). A token the user picks instead becomes
        the organisation's token from now on; a DomainError from remembering it goes to the caller."""
        organisation = signing.organisation_token()
        answer = cls.ask(parent, signing, organisation, purpose, error=error)
        if answer is None:
            return None
        if organisation != answer.selector:
            signing.remember_organisation_token(actor, answer.selector)
        return answer.pin

    def answer(self) -> PinAnswer | None:
        selector = self.selected()
        if selector is None:
            return None
        pin = self.pin.text()
        if self.remember.isChecked():
            SESSION_PINS.keep(selector, pin)
        return PinAnswer(selector, pin, self.remember.isChecked())

    def selected(self) -> TokenSelector | None:
        index = self.token.currentIndex()
        if index < 0 or index >= len(self.choices):
            return None
        return self.choices[index].token.selector

    def show_error(self, error: DomainError) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(describe(error))
        self.message.setVisible(True)

    # -- internals --------------------------------------------------------------------------------------------------
    def _load(self, selector: TokenSelector | None) -> None:
        try:
            self.choices = self._signing.token_choices()
        except DomainError as exc:
            self.choices = []
            self.show_error(exc)
        self.token.blockSignals(True)
        self.token.clear()
        wanted = 0
        for i, choice in enumerate(self.choices):
            cert = choice.certificate
            text = choice.token.label + (f" — {cert.common_name}" if cert is not None else "")
            self.token.addItem(text)
            if selector is not None and (selector.label in (None, choice.token.label)) and (
                    selector.serial in (None, choice.token.serial)):
                wanted = i
        self.token.blockSignals(False)
        if not self.choices:
            self.details.setText(self.tr("No token is plugged in. Plug in your token and open this dialog again."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.token.setCurrentIndex(wanted)
        self._show_choice(wanted)

    def _show_choice(self, index: int) -> None:
        if index < 0 or index >= len(self.choices):
            return
        choice = self.choices[index]
        cert = choice.certificate
        if cert is None:
            self.details.setText(self.tr("This token holds no signing certificate."))
        else:
            start = cert.not_before.strftime("%d/%m/%Y")
            end = cert.not_after.strftime("%d/%m/%Y")
            self.details.setText(self.tr("Holder: {subject}\nIssuer: {issuer}\nValid from {start} to {end}").format(
                subject=cert.subject, issuer=cert.issuer, start=start, end=end))
        info = choice.token
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not info.pin_locked and cert is not None)
        if info.pin_locked:
            text = self.tr("The PIN of this token is locked. Ask whoever issued the token to unlock it.")
        elif info.pin_final_try:
            text = self.tr("Careful: one more wrong PIN locks this token.")
        elif info.pin_count_low:
            text = self.tr("A wrong PIN was entered on this token recently; a few more wrong tries lock it.")
        else:
            text = ""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _accept(self) -> None:
        if not self.pin.text():
            self.message.setText(self.tr("Type the PIN of the token."))
            self.message.setVisible(True)
            return
        self.accept()
