"""The minimal enveloped XML-DSig of standards §5.3: exclusive c14n, RSA-SHA256 (SHA-1 accepted on input).

Project design: the `Reference URI=""` digest covers the `edXMLEnvelope` (the message, minus the
Signature: enveloped transform); each attachment gets a `Reference URI="cid:<ContentId>"` whose digest is
taken over its decoded bytes, so large attachments are checked while they stream and never need to be
canonicalised. Trust in the certificate (chain, revocation, "chuyên dùng") is judged by the caller.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from lxml import etree

from app.services.exchange.model import SignatureReport

DS = "http://www.w3.org/2000/09/xmldsig#"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"
SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1"

_DIGESTS = {SHA256: "sha256", SHA1: "sha1"}


class XmlSigner(Protocol):
    """Who signs: a key file here, a PKCS#11 token later; takes bytes, returns an RSA PKCS#1 v1.5 signature."""

    @property
    def certificate(self) -> x509.Certificate: ...

    def sign_sha256(self, data: bytes) -> bytes: ...


@dataclass(frozen=True)
class RsaKeySigner:
    """An RSA private key held in memory (demo and tests)."""

    private_key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def certificate(self) -> x509.Certificate:
        return self.cert

    def sign_sha256(self, data: bytes) -> bytes:
        return self.private_key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def _ds(name: str) -> str:
    return f"{{{DS}}}{name}"


def _c14n(element: etree._Element) -> bytes:
    return bytes(etree.tostring(element, method="c14n", exclusive=True, with_comments=False))


def _envelope_digest(envelope: etree._Element, algorithm: str) -> bytes:
    """Enveloped-signature transform then exclusive c14n, over a copy so the tree is left alone."""
    clone = copy.deepcopy(envelope)
    for sig in clone.iter(_ds("Signature")):
        parent = sig.getparent()
        if parent is not None:
            parent.remove(sig)
    return hashlib.new(algorithm, _c14n(clone)).digest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def sign_envelope(
    envelope: etree._Element,
    header: etree._Element,
    attachment_digests: Mapping[str, bytes],
    signer: XmlSigner,
) -> etree._Element:
    """Append a Signature to `header` (inside `envelope`) covering the envelope and each attachment."""
    sig = etree.SubElement(header, _ds("Signature"), nsmap={None: DS})
    signed_info = etree.SubElement(sig, _ds("SignedInfo"))
    etree.SubElement(signed_info, _ds("CanonicalizationMethod"), Algorithm=EXC_C14N)
    etree.SubElement(signed_info, _ds("SignatureMethod"), Algorithm=RSA_SHA256)
    references: list[tuple[str, bytes]] = [("", b"")]
    references += [(f"cid:{cid}", digest) for cid, digest in attachment_digests.items()]
    envelope_ref: etree._Element | None = None
    for uri, digest in references:
        ref = etree.SubElement(signed_info, _ds("Reference"), URI=uri)
        if uri == "":
            transforms = etree.SubElement(ref, _ds("Transforms"))
            etree.SubElement(transforms, _ds("Transform"), Algorithm=ENVELOPED)
            etree.SubElement(transforms, _ds("Transform"), Algorithm=EXC_C14N)
            envelope_ref = ref
        etree.SubElement(ref, _ds("DigestMethod"), Algorithm=SHA256)
        etree.SubElement(ref, _ds("DigestValue")).text = _b64(digest)
    assert envelope_ref is not None
    # The envelope digest is taken after the Signature skeleton exists: the transform removes it anyway.
    envelope_ref.find(_ds("DigestValue")).text = _b64(_envelope_digest(envelope, "sha256"))
    value = etree.SubElement(sig, _ds("SignatureValue"))
    key_info = etree.SubElement(sig, _ds("KeyInfo"))
    x509_data = etree.SubElement(key_info, _ds("X509Data"))
    etree.SubElement(x509_data, _ds("X509SubjectName")).text = signer.certificate.subject.rfc4514_string()
    etree.SubElement(x509_data, _ds("X509Certificate")).text = _b64(signer.certificate.public_bytes(Encoding.DER))
    value.text = _b64(signer.sign_sha256(_c14n(signed_info)))
    return sig


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _find(el: etree._Element, name: str) -> etree._Element | None:
    for child in el:
        if _local(child) == name:
            return child
    return None


def _b64decode(text: str | None) -> bytes:
    return binascii.a2b_base64("".join((text or "").split()).encode("ascii"), strict_mode=True)


def verify_envelope(
    envelope: etree._Element,
    signature: etree._Element | None,
    attachment_digests: Mapping[str, Mapping[str, bytes]],
) -> SignatureReport:
    """Check the digests and the signature value; `attachment_digests` maps content id → {alg: digest}."""
    if signature is None or _find(signature, "SignedInfo") is None:
        return SignatureReport(signed=False, valid=False, problem="edxml.unsigned")
    try:
        return _verify(envelope, signature, attachment_digests)
    except (ValueError, UnicodeError, TypeError, binascii.Error):
        return SignatureReport(signed=True, valid=False, problem="edxml.signature_malformed")


def _verify(
    envelope: etree._Element,
    signature: etree._Element,
    attachment_digests: Mapping[str, Mapping[str, bytes]],
) -> SignatureReport:
    signed_info = _find(signature, "SignedInfo")
    assert signed_info is not None
    c14n_method = _find(signed_info, "CanonicalizationMethod")
    sig_method = _find(signed_info, "SignatureMethod")
    if c14n_method is None or c14n_method.get("Algorithm") != EXC_C14N or sig_method is None:
        return SignatureReport(signed=True, valid=False, problem="edxml.signature_unsupported")
    algorithm = sig_method.get("Algorithm", "")
    if algorithm not in (RSA_SHA256, RSA_SHA1):
        return SignatureReport(signed=True, valid=False, problem="edxml.signature_unsupported", algorithm=algorithm)
    cert_el = None
    key_info = _find(signature, "KeyInfo")
    x509_data = _find(key_info, "X509Data") if key_info is not None else None
    if x509_data is not None:
        cert_el = _find(x509_data, "X509Certificate")
    if cert_el is None:
        return SignatureReport(signed=True, valid=False, problem="edxml.signature_no_certificate", algorithm=algorithm)
    der = _b64decode(cert_el.text)
    cert = x509.load_der_x509_certificate(der)
    subject = cert.subject.rfc4514_string()

    def report(problem: str) -> SignatureReport:
        return SignatureReport(True, not problem, problem, subject, der, algorithm)

    covered_envelope = False
    for ref in signed_info:
        if _local(ref) != "Reference":
            continue
        problem, is_envelope = _check_reference(envelope, ref, attachment_digests)
        if problem:
            return report(problem)
        covered_envelope = covered_envelope or is_envelope
    if not covered_envelope:
        return report("edxml.signature_incomplete")
    unsigned = set(attachment_digests) - _referenced_cids(signed_info)
    if unsigned:
        return report("edxml.signature_incomplete")
    public_key = cert.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        return report("edxml.signature_unsupported")
    value = _find(signature, "SignatureValue")
    digest_alg: hashes.HashAlgorithm = hashes.SHA256() if algorithm == RSA_SHA256 else hashes.SHA1()
    try:
        public_key.verify(_b64decode(value.text if value is not None else ""), _c14n(signed_info),
                          padding.PKCS1v15(), digest_alg)
    except InvalidSignature:
        return report("edxml.signature_invalid")
    return report("")


def _referenced_cids(signed_info: etree._Element) -> set[str]:
    uris = (ref.get("URI", "") for ref in signed_info if _local(ref) == "Reference")
    return {uri[4:] for uri in uris if uri.startswith("cid:")}


def _check_reference(
    envelope: etree._Element,
    ref: etree._Element,
    attachment_digests: Mapping[str, Mapping[str, bytes]],
) -> tuple[str, bool]:
    """An error code ("" when the digest matches) and whether this reference covers the envelope."""
    method = _find(ref, "DigestMethod")
    alg = _DIGESTS.get(method.get("Algorithm", "") if method is not None else "")
    value = _find(ref, "DigestValue")
    if alg is None or value is None:
        return "edxml.signature_unsupported", False
    expected = _b64decode(value.text)
    uri = ref.get("URI", "")
    if uri == "":
        transforms = _find(ref, "Transforms")
        algs = [t.get("Algorithm") for t in transforms if _local(t) == "Transform"] if transforms is not None else []
        if ENVELOPED not in algs or any(a not in (ENVELOPED, EXC_C14N) for a in algs):
            return "edxml.signature_unsupported", True
        ok = _envelope_digest(envelope, alg) == expected
        return ("" if ok else "edxml.signature_digest_mismatch"), True
    if uri.startswith("cid:"):
        found = attachment_digests.get(uri[4:])
        if found is None:
            return "edxml.attachment_missing", False
        ok = found.get(alg) == expected
        return ("" if ok else "edxml.attachment_hash_mismatch"), False
    return "edxml.signature_unsupported", False
