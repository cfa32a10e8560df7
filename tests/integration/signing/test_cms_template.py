"""A templated CMS is byte for byte the CMS pyHanko builds for the same signer, digest and (deterministic) signature."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from typing import Any

import pytest
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from pyhanko.sign.pkcs11 import PKCS11Signer
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

from app.domain.clock import VN_TZ
from app.services.signing import cms_template
from app.services.signing.sign import TokenKey
from app.services.signing.tokens import chain_certificates, run_async_on_this_thread, signing_key_id
from tests.integration.signing.conftest import PIN


def _both(key: TokenKey, digests: list[bytes], **call: Any) -> list[tuple[bytes, bytes]]:
    """(templated CMS, pyHanko's CMS) for each digest, both signed on the token with the same key."""

    def work(session: Any) -> list[tuple[bytes, bytes]]:
        key_id = signing_key_id(session, key.selector.describe(), None)
        chain = [asn1_x509.Certificate.load(der) for der in chain_certificates(session, key_id)]
        args = dict(cert_id=key_id, key_id=key_id, ca_chain=chain, other_certs_to_pull=())
        out = []
        for digest in digests:
            templated = cms_template.templated_pkcs11_signer()(session, **args)
            plain = PKCS11Signer(session, **args)
            out.append(tuple(
                run_async_on_this_thread(signer.async_sign(digest, "sha256", **call)).dump()
                for signer in (templated, plain)))
        return out

    return key.worker.run(key.selector, PIN, work)


def test_the_templated_cms_is_pyhankos_for_every_digest_and_signing_time(leader_key: TokenKey) -> None:
    made, used = cms_template.stats["made"], cms_template.stats["used"]
    digests = [hashlib.sha256(os.urandom(8)).digest() for _ in range(3)]
    results = []
    for hour in (9, 17):  # PAdES leaves the signing time out of the CMS: one template serves both
        settings = PdfCMSSignedAttributes(signing_time=datetime(2026, 11, 25, hour, 0, tzinfo=VN_TZ))
        results += _both(leader_key, digests, use_pades=True, signed_attr_settings=settings)
    for templated, plain in results:
        assert templated == plain
    assert len({templated for templated, _ in results}) == len(digests)  # the digest changes the bytes
    info = cms.ContentInfo.load(results[0][0])
    attrs = [a["type"].native for a in info["content"]["signer_infos"][0]["signed_attrs"]]
    assert attrs == ["content_type", "message_digest", "signing_certificate_v2"]
    assert cms_template.stats["made"] - made <= 1  # at most once for this signer in this process
    assert cms_template.stats["used"] - used >= len(results) - 1


def test_calls_outside_the_template_go_through_pyhanko(org_key: TokenKey) -> None:
    used = cms_template.stats["used"]
    digest = hashlib.sha256(b"not PAdES").digest()
    settings = PdfCMSSignedAttributes(signing_time=datetime(2026, 11, 25, 9, 0, tzinfo=VN_TZ))
    (templated, plain), = _both(org_key, [digest], use_pades=False, signed_attr_settings=settings)
    assert templated == plain
    attrs = [a["type"].native for a in cms.ContentInfo.load(templated)["content"]["signer_infos"][0]["signed_attrs"]]
    assert "signing_time" in attrs
    assert cms_template.stats["used"] == used


def test_a_wrong_digest_length_is_refused(leader_key: TokenKey) -> None:
    _both(leader_key, [hashlib.sha256(b"x").digest()], use_pades=True)  # a template exists
    with pytest.raises(ValueError, match="32 bytes"):
        _both(leader_key, [b"short"], use_pades=True)
