"""The CMS of a PAdES signature from a template pyHanko made for the same signer, with the digest and signature put in.

Why: pyHanko assembles each signature's CMS from asn1crypto objects: the signed attributes, the signer info and the
SignedData with its certificates are built, copied for retagging and encoded again, about 9 ms of Python a signature
(a third of the app's own time in a scan's leader → seal chain). For one signer, one digest algorithm and pyHanko's
PAdES attributes (content type, message digest, signing-certificate-v2; no signing time, no timestamp), every byte
of that CMS is the same from one signature to the next except the message digest and the signature value, and both
have a fixed length (the digest algorithm's; an RSA signature is always the modulus length).

So the first signature of a signer has pyHanko build its CMS as usual around a random placeholder digest and a
random placeholder signature value; later ones copy those bytes and put the real digest and signature where the
placeholders were. The signed attributes given to the token are that same DER with the SET tag, exactly what pyHanko
would hand it. Anything else (another key type, a timestamp, CAdES attributes, revocation attributes, attribute
certificates, a dry run) goes through pyHanko unchanged. Tests compare the bytes with pyHanko's, signature for
signature.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from typing import Any

_MAX_TEMPLATES = 16


@dataclass(frozen=True)
class _Template:
    der: bytes  # pyHanko's ContentInfo with the placeholders
    digest_at: int  # where the message digest's value starts
    digest_size: int
    signature_at: int  # where the signature value starts
    signature_size: int
    attrs_at: int  # where the signed attributes ([0] IMPLICIT SET) start
    attrs_end: int

    def signed_attributes(self, digest: bytes) -> bytes:
        """The DER the signature is made over: the signed attributes as a SET (RFC 5652 §5.4)."""
        der = self.der
        return b"".join((b"\x31", der[self.attrs_at + 1:self.digest_at], digest,
                         der[self.digest_at + self.digest_size:self.attrs_end]))

    def content_info(self, digest: bytes, signature: bytes) -> bytes:
        der = self.der
        return b"".join((der[:self.digest_at], digest, der[self.digest_at + self.digest_size:self.signature_at],
                         signature, der[self.signature_at + self.signature_size:]))


_templates: OrderedDict[tuple[Any, ...], _Template] = OrderedDict()
_lock = threading.Lock()
stats = {"made": 0, "used": 0}  # for tests: how often a template was built and how often one was reused


def _key(signer: Any, digest_algorithm: str) -> tuple[Any, ...] | None:
    """Everything pyHanko's CMS of a PAdES signature depends on besides the digest and the signature value; None when
    the signer is outside what a template covers."""
    if signer.signed_attr_prov_spec is not None or signer.unsigned_attr_prov_spec is not None:
        return None
    if tuple(signer.attribute_certs):
        return None
    cert = signer.signing_cert
    if cert is None or cert.public_key.algorithm != "rsa":
        return None
    mechanism = signer.get_signature_mechanism_for_digest(digest_algorithm)
    if not str(mechanism["algorithm"].native).endswith("_rsa"):  # PKCS#1 v1.5: the value is exactly k bytes
        return None
    registry = tuple(sorted(c.sha256 for c in (signer.cert_registry or ())))
    return (type(signer), digest_algorithm, cert.sha256, registry, bool(signer.embed_roots), mechanism.dump())


async def _make(signer: Any, digest_algorithm: str, base_sign: Any, settings: Any) -> _Template | None:
    """Have pyHanko build the CMS around random placeholders, and find them."""
    from asn1crypto import cms

    digest_size = hashlib.new(digest_algorithm).digest_size
    signature_size = int(signer.signing_cert.public_key.byte_size)
    digest, signature = os.urandom(digest_size), os.urandom(signature_size)

    async def placeholder_signature(data: bytes, algorithm: str, dry_run: bool = False) -> bytes:
        return signature

    signer.async_sign_raw = placeholder_signature  # on this one signer object, for this one call
    try:
        info = await base_sign(digest, digest_algorithm, use_pades=True, signed_attr_settings=settings)
    finally:
        del signer.async_sign_raw
    der = info.dump()
    loaded = cms.ContentInfo.load(der)
    attrs = loaded["content"]["signer_infos"][0]["signed_attrs"].dump()
    if der.count(digest) != 1 or der.count(signature) != 1 or der.count(attrs) != 1:
        return None
    attrs_at = der.index(attrs)
    template = _Template(der, der.index(digest), digest_size, der.index(signature), signature_size, attrs_at,
                         attrs_at + len(attrs))
    if not (template.attrs_at < template.digest_at < template.attrs_end <= template.signature_at):
        return None
    return template


@cache
def templated_pkcs11_signer() -> Any:
    """pyHanko's `PKCS11Signer` whose PAdES CMS comes from a template after the signer's first signature."""
    from asn1crypto import cms
    from pyhanko.sign.pkcs11 import PKCS11Signer

    class TemplatedPKCS11Signer(PKCS11Signer):
        async def async_sign(self, data_digest: bytes, digest_algorithm: str, dry_run: bool = False,
                             use_pades: bool = False, timestamper: Any = None, signed_attr_settings: Any = None,
                             is_pdf_sig: bool = True, encap_content_info: Any = None) -> Any:
            settings = signed_attr_settings
            plain = (not dry_run and use_pades and timestamper is None and is_pdf_sig and encap_content_info is None
                     and getattr(settings, "cades_signed_attrs", None) is None
                     and getattr(settings, "adobe_revinfo_attr", None) is None)
            algorithm = digest_algorithm.lower()
            key = _key(self, algorithm) if plain else None
            if key is None:
                return await super().async_sign(
                    data_digest, digest_algorithm, dry_run=dry_run, use_pades=use_pades, timestamper=timestamper,
                    signed_attr_settings=signed_attr_settings, is_pdf_sig=is_pdf_sig,
                    encap_content_info=encap_content_info)
            with _lock:
                template = _templates.get(key)
                if template is not None:
                    _templates.move_to_end(key)
            if template is None:
                template = await _make(self, algorithm, super().async_sign, settings)
                if template is None:
                    return await super().async_sign(data_digest, digest_algorithm, use_pades=True,
                                                    signed_attr_settings=signed_attr_settings)
                with _lock:
                    _templates[key] = template
                    while len(_templates) > _MAX_TEMPLATES:
                        _templates.popitem(last=False)
                    stats["made"] += 1
            if len(data_digest) != template.digest_size:
                raise ValueError(f"a {algorithm} digest has {template.digest_size} bytes, not {len(data_digest)}")
            self._check_digest_algorithm(algorithm)
            attributes = template.signed_attributes(data_digest)
            signature = await self.async_sign_raw(attributes, algorithm)
            if len(signature) != template.signature_size:  # not what PKCS#1 v1.5 gives: let pyHanko package it
                return self._package_signature(
                    digest_algorithm=algorithm, cms_version="v1", signed_attrs=cms.CMSAttributes.load(attributes),
                    signature=signature, unsigned_attrs=None, encap_content_info=None)
            with _lock:
                stats["used"] += 1
            return cms.ContentInfo.load(template.content_info(data_digest, signature))

    return TemplatedPKCS11Signer
