"""Token discovery and the errors a signer meets: wrong PIN, locked PIN, token pulled out mid-signature."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pkcs11 import TokenFlag

from app.services.signing.errors import SigningError
from app.services.signing.pki import DemoPki
from app.services.signing.sign import TokenKey, sign_leader
from app.services.signing.tokens import (
    TokenSelector,
    TokenWorker,
    detect_modules,
    pin_error,
    signing_key_id,
)
from tests.integration.signing.conftest import LEADER, ORG, PIN, Draft


def test_tokens_are_listed_with_their_certificates(worker: TokenWorker) -> None:
    tokens = {t.label: t for t in worker.list_tokens()}

    assert set(tokens) == {LEADER[0], ORG[0]}
    leader = tokens[LEADER[0]]
    assert leader.manufacturer == "SoftHSM project" and leader.serial and leader.login_required
    certs = worker.certificates(TokenSelector(serial=leader.serial))  # by serial, never by slot number
    assert [c.common_name for c in certs if not c.is_ca] == [LEADER[1]]
    person = certs[0]
    assert "digital_signature" in person.key_usage and "content_commitment" in person.key_usage
    assert "Demo CA" in person.issuer and person.not_before < person.not_after
    assert len([c for c in certs if c.is_ca]) == 2  # the chain is on the token, as on real Vietnamese tokens


def test_the_softhsm_module_is_detected_without_typing_a_path(demo_pki: DemoPki) -> None:
    found = detect_modules()
    assert ("SoftHSM2 (demo)", demo_pki.module_path) in found or ("configured", demo_pki.module_path) in found


def test_unknown_token_is_reported_by_name(worker: TokenWorker) -> None:
    with pytest.raises(SigningError) as err:
        worker.token_info(TokenSelector(label="KHONG_CO"))
    assert err.value.code == "token.not_found" and err.value.params["token"] == "KHONG_CO"


def test_wrong_pin_is_reported_and_never_echoed(
    draft: Draft, leader_key: TokenKey, signature_image: bytes, caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(SigningError) as err:
        sign_leader(draft.pdf, leader_key, "999999", draft.layout.signer_box, signature_image, layout=draft.layout)

    assert err.value.code == "token.pin_incorrect"
    assert err.value.params["token"] == LEADER[0]
    assert "remaining_tries" in err.value.params
    assert "999999" not in str(err.value) and "999999" not in caplog.text
    # SoftHSM flags the token after a wrong PIN; a good PIN still works afterwards
    info = leader_key.worker.token_info(leader_key.selector)
    assert info.pin_count_low and not info.pin_locked
    signed = sign_leader(draft.pdf, leader_key, PIN, draft.layout.signer_box, signature_image, layout=draft.layout)
    assert signed.startswith(b"%PDF")


def test_pin_flags_say_how_close_the_token_is_to_locking() -> None:
    """SoftHSM never locks a PIN, so the flag mapping is checked on the flags real tokens send."""
    final = pin_error(int(TokenFlag.USER_PIN_FINAL_TRY | TokenFlag.USER_PIN_COUNT_LOW), "T")
    assert final.code == "token.pin_incorrect" and final.params["remaining_tries"] == 1
    assert pin_error(int(TokenFlag.USER_PIN_LOCKED), "T").code == "token.pin_locked"
    plain = pin_error(0, "T")
    assert plain.code == "token.pin_incorrect" and plain.params["remaining_tries"] is None and not plain.params["low"]


def test_missing_pin_is_asked_for(leader_key: TokenKey) -> None:
    with pytest.raises(SigningError) as err:
        leader_key.worker.run(leader_key.selector, None, lambda session: None)
    assert err.value.code == "token.pin_required"


def test_token_pulled_out_mid_signature_is_reported_as_removed(
    worker: TokenWorker, demo_pki: DemoPki,
) -> None:
    """Moving SoftHSM's token directory away is the closest thing to pulling the USB token: the open session's key
    handle dies (ObjectHandleInvalid) and the signer is told the token was removed."""
    from pkcs11 import Attribute, Mechanism, ObjectClass

    tokens: Path = demo_pki.token_dir
    away = tokens.with_name("tokens-pulled")

    def work(session: Any) -> bytes:
        key_id = signing_key_id(session, LEADER[0])
        key = next(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: key_id}))
        tokens.rename(away)  # the user pulls the token between finding the key and signing
        signature: bytes = key.sign(b"digest", mechanism=Mechanism.SHA256_RSA_PKCS)
        return signature

    try:
        with pytest.raises(SigningError) as err:
            worker.run(TokenSelector(label=LEADER[0]), PIN, work)
        assert err.value.code == "token.removed" and err.value.params["token"] == LEADER[0]
        with pytest.raises(SigningError) as absent:
            worker.run(TokenSelector(label=LEADER[0]), PIN, lambda s: None)
        assert absent.value.code in ("token.not_found", "token.absent")
    finally:
        if away.exists():
            away.rename(tokens)
        worker.refresh()  # "plug it back in"
    assert {t.label for t in worker.list_tokens()} == {LEADER[0], ORG[0]}
    assert worker.run(TokenSelector(label=LEADER[0]), PIN, lambda s: signing_key_id(s, LEADER[0]))


def test_all_token_calls_run_on_one_thread(worker: TokenWorker) -> None:
    import threading

    seen = {worker.call(threading.get_ident) for _ in range(5)}
    seen.add(worker.run(TokenSelector(label=ORG[0]), PIN, lambda s: threading.get_ident()))
    assert len(seen) == 1 and threading.get_ident() not in seen
