"""Really signed small PDFs for the sync tests and bench/sync.py: a root CA and an organisation certificate made with
`cryptography`, the signature made by pyHanko with a software key (no token needed to move packages around)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from app.services.signing.verify import VerificationReport, verify_pdf


@dataclass(frozen=True)
class DemoKeys:
    root: x509.Certificate
    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    def verify(self, pdf: bytes) -> VerificationReport:
        return verify_pdf(pdf, [self.root], at=datetime.now(UTC))


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sở Thử Nghiệm"),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")])


def make_pki() -> DemoKeys:
    now = datetime.now(UTC) - timedelta(days=1)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = _name("Test Root CA")
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (x509.CertificateBuilder().subject_name(_name("Sở Thử Nghiệm (văn thư)")).issuer_name(root_name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
    return DemoKeys(root, cert, key)


def plain_pdf(text: str) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=True)
    c.drawString(80, 760, text)
    c.showPage()
    c.save()
    return out.getvalue()


def signed_pdf(pki: DemoKeys, text: str) -> bytes:
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    der_key = pki.key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(pki.cert.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(pki.root.public_bytes(serialization.Encoding.DER))]),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(plain_pdf(text)))
    out = io.BytesIO()
    signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Sig_CoQuan"), signer=signer, output=out)
    return out.getvalue()
