"""The PIN dialog on the demo home's real SoftHSM2 tokens: picker, certificate details, warnings, kept PINs and the
retry after a wrong PIN."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from app.services.bundle import Booted
from app.services.signing.errors import SigningError
from app.services.signing.pki import DEMO_USER_PIN
from app.ui.dialogs.pin import SESSION_PINS, PinDialog, forget_session_pins
from tests.ui.signing_support import actor, draft_pdf, require_demo_tokens


@pytest.fixture
def signing_booted(booted: Booted, language: str) -> Iterator[Booted]:
    require_demo_tokens(booted)
    yield booted
    forget_session_pins(booted.services.signing)
    booted.services.signing.close()


def test_lists_the_tokens_with_certificates_and_preselects_the_users(qtbot: QtBot, signing_booted: Booted) -> None:
    signing = signing_booted.services.signing
    mine = signing.token_for(actor(signing_booted, "giamdoc"))
    assert mine is not None

    dialog = PinDialog(signing, mine, "Ký dự thảo")
    qtbot.addWidget(dialog)

    labels = [dialog.token.itemText(i) for i in range(dialog.token.count())]
    assert len(labels) == 3 and any("DEMO_CO_QUAN" in t for t in labels)
    assert dialog.selected() == dialog.choices[dialog.token.currentIndex()].token.selector
    assert dialog.choices[dialog.token.currentIndex()].token.label == mine.label
    assert "Nguyễn Văn An" in dialog.token.currentText()
    assert "Demo CA" in dialog.details.text() and "2035" in dialog.details.text()
    assert dialog.pin.echoMode() == QLineEdit.EchoMode.Password
    assert not dialog.warning.isVisibleTo(dialog)


def test_the_answer_and_a_pin_kept_for_the_session(qtbot: QtBot, signing_booted: Booted) -> None:
    signing = signing_booted.services.signing
    org = signing.organisation_token()
    assert org is not None
    dialog = PinDialog(signing, org, "Đóng dấu")
    qtbot.addWidget(dialog)
    dialog.pin.setText(DEMO_USER_PIN)
    dialog.remember.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == PinDialog.DialogCode.Accepted

    answer = dialog.answer()
    assert answer is not None and answer.selector.label == org.label and answer.pin == DEMO_USER_PIN
    assert DEMO_USER_PIN not in repr(answer)
    kept = PinDialog.ask(None, signing, org, "Đóng dấu")  # no dialog: the kept PIN is used
    assert kept is not None and kept.pin == DEMO_USER_PIN
    forget_session_pins(signing)
    assert len(SESSION_PINS) == 0


def test_an_empty_pin_is_not_accepted(qtbot: QtBot, signing_booted: Booted) -> None:
    dialog = PinDialog(signing_booted.services.signing, None, "Ký")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.message.isVisible()


def test_a_wrong_pin_is_shown_and_the_retry_signs(qtbot: QtBot, signing_booted: Booted) -> None:
    signing = signing_booted.services.signing
    leader = actor(signing_booted, "giamdoc")
    selector = signing.token_for(leader)
    assert selector is not None
    prepared = signing.prepare(draft_pdf(), signer_name="Nguyễn Văn An", signer_title="Giám đốc")
    SESSION_PINS.keep(selector, "999999")  # a kept PIN that the token refuses is dropped on retry
    with pytest.raises(SigningError) as err:
        signing.sign_leader(leader, prepared, "999999", selector=selector)

    dialog = PinDialog(signing, selector, "Ký", error=err.value)
    qtbot.addWidget(dialog)
    assert dialog.message.isVisibleTo(dialog) and selector.label is not None
    assert selector.label in dialog.message.text()
    SESSION_PINS.forget(selector)  # what PinDialog.ask(..., error=...) does before asking again
    assert SESSION_PINS.get(selector) is None
    dialog.pin.setText(DEMO_USER_PIN)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    answer = dialog.answer()
    assert answer is not None
    signed = signing.sign_leader(leader, prepared, answer.pin, selector=answer.selector)
    assert signing.verify(signed).all_valid


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_remaining_tries_warnings_follow_the_token_flags(qtbot: QtBot, signing_booted: Booted, language: str) -> None:
    dialog = PinDialog(signing_booted.services.signing, None, "Ký")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    first = dialog.choices[0]
    cases = ((replace(first.token, pin_final_try=True), "one more wrong PIN", True),
             (replace(first.token, pin_count_low=True), "few more wrong tries", True),
             (replace(first.token, pin_locked=True), "locked", False))
    for token, phrase, enabled in cases:
        dialog.choices[0] = replace(first, token=token)
        dialog._show_choice(0)
        assert dialog.warning.isVisibleTo(dialog) and phrase in dialog.warning.text()
        assert ok.isEnabled() is enabled
