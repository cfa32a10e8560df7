"""The leader's "Sign…" dialog: the page with where the signature and seal will go (draggable), and the token and PIN.

It is the PIN dialog (same token picker, certificate details, lock warnings, "remember the PIN" box) with the preview
beside it, so a failed PIN try reopens the same dialog and the tests that drive the PIN dialog drive this one too.
The preview starts where the prepared draft's fields are (found from the signer's title and name when the draft was
submitted); when the signer moves it, `SignAnswer.layout` carries the new boxes and the issuing service prepares the
draft again with them before signing.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.services.signing.errors import SigningError
from app.services.signing.locate import field_box
from app.services.signing.service import SigningService
from app.services.signing.sign import DATE_FIELD, LEADER_FIELD, NUMBER_FIELD, SEAL_FIELD, SigningLayout
from app.services.signing.tokens import TokenSelector
from app.ui.dialogs.pin import SESSION_PINS, PinAnswer, PinDialog
from app.widgets.signature_preview import SignaturePreview


@dataclass(frozen=True)
class SignAnswer(PinAnswer):
    """The token and PIN, and the moved layout (None: sign where the prepared fields are)."""

    layout: SigningLayout | None = None

    def __repr__(self) -> str:  # a PIN must never reach a log through a repr
        return f"SignAnswer(selector={self.selector!r}, pin='***', remember={self.remember}, moved={bool(self.layout)})"


def prepared_layout(pdf: bytes) -> SigningLayout | None:
    """The boxes of the prepared draft's fields; None when it has no signature field (not prepared, or unreadable)."""
    try:
        signer = field_box(pdf, LEADER_FIELD)
        if signer is None:
            return None
        number, date, seal = (field_box(pdf, name) for name in (NUMBER_FIELD, DATE_FIELD, SEAL_FIELD))
    except SigningError:
        return None
    blank = (0, 0.0, 0.0, 0.0, 0.0)
    return SigningLayout(number_box=number or blank, date_box=date or blank, signer_box=signer, seal_box=seal)


class SignDocumentDialog(PinDialog):
    def __init__(self, signing: SigningService, selector: TokenSelector | None, purpose: str, pdf: bytes, *,
                 chosen: SigningLayout | None = None, error: DomainError | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(signing, selector, purpose, error=error, parent=parent)
        self.setObjectName("signDocumentDialog")
        self.setWindowTitle(self.tr("Sign the document"))
        self.setMinimumWidth(1000)
        self.setMinimumHeight(680)

        # the PIN dialog's own layout moves into the right-hand column; the preview takes the left
        side = QWidget(self)
        side.setObjectName("signTokenPanel")
        pin_layout = self.layout()
        assert isinstance(pin_layout, QVBoxLayout)  # PinDialog's
        pin_layout.insertStretch(pin_layout.count() - 1, 1)  # the token fields at the top, the buttons at the foot
        side.setLayout(pin_layout)  # takes it over from the dialog, with its widgets
        side.setMinimumWidth(420)

        self.preview = SignaturePreview(self)
        self.page_choice = QComboBox(self)
        self.page_choice.setObjectName("signPage")
        self.reset_button = QPushButton(self.tr("Reset position"), self)
        self.reset_button.setObjectName("signReset")
        self.reset_button.setEnabled(False)
        self.reset_button.clicked.connect(self.preview.reset)
        self.hint = QLabel(self)
        self.hint.setObjectName("signPlacementHint")
        self.hint.setWordWrap(True)

        self.initial = prepared_layout(pdf)
        shown = self.initial is not None and self.preview.set_document(pdf, self.initial, current=chosen)
        if shown:
            for page in range(self.preview.page_count()):
                self.page_choice.addItem(self.tr("Page %1").replace("%1", str(page + 1)))
            self.page_choice.setCurrentIndex(self.preview.page())
            self.page_choice.currentIndexChanged.connect(self.preview.set_page)
            self.preview.layoutChanged.connect(self._placement_changed)
            self._placement_changed(self.preview.moved())
        else:
            self.hint.setText(self.tr("The preview is not available; the signature goes into the signer block "
                                      "prepared when the draft was submitted."))
        self.page_choice.setVisible(shown and self.preview.page_count() > 1)
        self.reset_button.setVisible(shown)
        self.preview.setVisible(shown)

        tools = QHBoxLayout()
        tools.addWidget(self.page_choice)
        tools.addStretch(1)
        tools.addWidget(self.reset_button)
        left = QVBoxLayout()
        left.addWidget(self.preview, 1)
        left.addWidget(self.hint)
        left.addLayout(tools)
        root = QHBoxLayout(self)
        root.addLayout(left, 3)
        root.addWidget(side, 2)
        self.pin.setFocus()

    @classmethod
    def ask_to_sign(cls, parent: QWidget | None, signing: SigningService, selector: TokenSelector | None,
                    purpose: str, pdf: bytes, *, chosen: SigningLayout | None = None,
                    error: DomainError | None = None) -> SignAnswer | None:
        """The token, PIN and placement; None when the user cancels. The dialog always opens (the placement is
        checked every time); a PIN kept for the session is filled in, and dropped when `error` says it failed."""
        dialog = cls(signing, selector, purpose, pdf, chosen=chosen, error=error, parent=parent)
        if selector is not None:
            if error is not None:
                SESSION_PINS.forget(selector)
            else:
                kept = SESSION_PINS.get(selector)
                if kept is not None:
                    dialog.pin.setText(kept)
                    dialog.remember.setChecked(True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.sign_answer()

    def sign_answer(self) -> SignAnswer | None:
        answer = self.answer()
        if answer is None:
            return None
        return SignAnswer(answer.selector, answer.pin, answer.remember, self.chosen_layout())

    def chosen_layout(self) -> SigningLayout | None:
        """The moved layout, or None when the signature stays where the draft was prepared."""
        if self.initial is None or not self.preview.moved():
            return None
        return self.preview.signing_layout()

    def _placement_changed(self, moved: bool) -> None:
        self.reset_button.setEnabled(moved)
        if moved:
            text = self.tr("The signature will be placed where you moved it (the draft is prepared again with the "
                           "new position before it is signed).")
        else:
            text = self.tr("Drag the blue box to move your signature (the red circle is where the seal goes); the "
                           "arrow keys move it one point at a time.")
        self.hint.setText(text)
        if self.page_choice.currentIndex() != self.preview.page():
            self.page_choice.blockSignals(True)
            self.page_choice.setCurrentIndex(self.preview.page())
            self.page_choice.blockSignals(False)
