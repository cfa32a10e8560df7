"""Demo PKI on SoftHSM2 tokens: what the demo mode, the training set-up and the tests sign with.

Real offices get their keys on USB tokens from the Government Cipher Committee (VGCA); the demo mimics that shape so
the same code paths run: a root CA → an issuing CA (files under `dir`, never on a token), and one SoftHSM2 token per
person or organisation holding an RSA-2048 key generated ON the token (never exported), its certificate and the
chain, all with the key's CKA_ID. Tokens are found by label, never by slot number (SoftHSM shuffles slot ids).

Demo PINs: user PIN `DEMO_USER_PIN` ("123456"), SO PIN `DEMO_SO_PIN` ("12345678"). They are demo data, printed in the
training guide; a real token's PIN is never stored anywhere.

SoftHSM2 reads `SOFTHSM2_CONF` when the module is initialised, so set `DemoPki.environ()` in the process environment
before the module is first loaded (or call `TokenWorker.refresh()` afterwards).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.services.signing.errors import SigningError

DEMO_USER_PIN = "123456"
DEMO_SO_PIN = "12345678"
SOFTHSM_MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib64/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
    "C:/SoftHSM2/lib/softhsm2-x64.dll",
)
# Fixed validity so a test clock anywhere in 2024–2035 (the suite's FakeClock sits in 2026) is inside it.
NOT_BEFORE = datetime(2024, 1, 1, tzinfo=UTC)
NOT_AFTER = datetime(2035, 12, 31, tzinfo=UTC)
ROOT_NAME = "Demo Root CA Văn Thư (không dùng thật)"
ISSUING_NAME = "Demo CA cấp chứng thư Văn Thư (không dùng thật)"
DEMO_ORG = "Demo PKI Văn Thư Desktop"
# Declared in the demo certificates like a real CA's. Nothing serves it (online checking finds it unreachable and
# says so); the app reads the CRL file `issue_crl` writes into the PKI folder instead.
DEMO_CRL_URL = "http://127.0.0.1/vanthu-demo-pki/demo-issuing.crl"


@dataclass(frozen=True)
class DemoIdentity:
    """One token of the demo: who holds it and what was written to it."""

    token_label: str
    common_name: str
    kind: str  # "person" or "organisation"
    key_id: bytes  # CKA_ID shared by the private key, public key and certificate
    certificate_pem: Path


@dataclass(frozen=True)
class DemoPki:
    dir: Path
    softhsm_conf: Path
    token_dir: Path
    module_path: str
    root_pem: Path
    issuing_pem: Path
    identities: dict[str, DemoIdentity] = field(default_factory=dict)  # by token label
    user_pin: str = DEMO_USER_PIN

    def environ(self) -> dict[str, str]:
        """What the process (or a child such as softhsm2-util) needs to see these tokens."""
        return {"SOFTHSM2_CONF": str(self.softhsm_conf)}

    def root_certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.root_pem.read_bytes())

    def chain(self) -> list[x509.Certificate]:
        return [x509.load_pem_x509_certificate(p.read_bytes()) for p in (self.issuing_pem, self.root_pem)]


def find_softhsm_module() -> str | None:
    for candidate in SOFTHSM_MODULE_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


def write_softhsm_conf(dir: Path) -> tuple[Path, Path]:
    """A private SoftHSM2 configuration whose tokens live under `dir`, away from the system's."""
    token_dir = dir / "tokens"
    token_dir.mkdir(parents=True, exist_ok=True)
    conf = dir / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {token_dir}\nobjectstore.backend = file\nlog.level = ERROR\n"
        "slots.removable = false\nslots.mechanisms = ALL\nlibrary.reset_on_fork = false\n",
        encoding="utf-8",
    )
    return conf, token_dir


def init_token(conf: Path, label: str, *, so_pin: str = DEMO_SO_PIN, user_pin: str = DEMO_USER_PIN) -> None:
    tool = shutil.which("softhsm2-util")
    if tool is None:
        raise SigningError("token.module_missing", module="softhsm2-util (package softhsm2)")
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    result = subprocess.run(
        [tool, "--init-token", "--free", "--label", label, "--so-pin", so_pin, "--pin", user_pin],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    if result.returncode != 0:
        raise SigningError("token.error", token=label, detail=result.stderr.strip() or result.stdout.strip())


def _name(common_name: str, *, title: str | None = None, org: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.LOCALITY_NAME, "Hà Tĩnh")]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    if title:
        attrs.append(x509.NameAttribute(NameOID.TITLE, title))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attrs)


def _serial(seed: str) -> int:
    """Deterministic per name, so two demo runs issue recognisably the same certificates."""
    return int.from_bytes(hashlib.sha256(seed.encode()).digest()[:16], "big") >> 1


def _ca_cert(
    subject: x509.Name, key: rsa.RSAPrivateKey, issuer: x509.Name, issuer_key: rsa.RSAPrivateKey,
    issuer_public: rsa.RSAPublicKey, path_len: int,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
        .serial_number(_serial(subject.rfc4514_string())).not_valid_before(NOT_BEFORE).not_valid_after(NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=True, path_length=path_len), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public), critical=False)
    )
    return builder.sign(issuer_key, hashes.SHA256())


def _end_entity_cert(
    subject: x509.Name, public_key: rsa.RSAPublicKey, issuer: x509.Certificate, issuer_key: rsa.RSAPrivateKey,
    not_before: datetime = NOT_BEFORE, not_after: datetime = NOT_AFTER, crl_url: str | None = DEMO_CRL_URL,
    ocsp_url: str | None = None,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(issuer.subject).public_key(public_key)
        .serial_number(_serial(subject.rfc4514_string() + not_after.isoformat()))
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION, ExtendedKeyUsageOID.CLIENT_AUTH]),
                       critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    )
    if crl_url:
        builder = builder.add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
            [x509.UniformResourceIdentifier(crl_url)], None, None, None)]), critical=False)
    if ocsp_url:  # Authority Information Access → the OCSP responder (tests run one on 127.0.0.1)
        builder = builder.add_extension(x509.AuthorityInformationAccess([x509.AccessDescription(
            x509.oid.AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp_url))]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _write_pem(path: Path, cert: x509.Certificate) -> Path:
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def _create_ca(dir: Path) -> tuple[x509.Certificate, x509.Certificate, rsa.RSAPrivateKey]:
    """Root and issuing CA; their keys are files in `dir` (demo only: a real CA key never leaves its HSM)."""
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    issuing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = _name(ROOT_NAME, org=DEMO_ORG)
    issuing_name = _name(ISSUING_NAME, org=DEMO_ORG)
    root = _ca_cert(root_name, root_key, root_name, root_key, root_key.public_key(), 1)
    issuing = _ca_cert(issuing_name, issuing_key, root_name, root_key, root_key.public_key(), 0)
    for name, key in (("root", root_key), ("issuing", issuing_key)):
        (dir / f"{name}.key.pem").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return root, issuing, issuing_key


def _provision_token(
    module_path: str, label: str, subject: x509.Name, issuing: x509.Certificate, issuing_key: rsa.RSAPrivateKey,
    root: x509.Certificate, user_pin: str, not_before: datetime = NOT_BEFORE, not_after: datetime = NOT_AFTER,
    crl_url: str | None = DEMO_CRL_URL, ocsp_url: str | None = None,
) -> tuple[bytes, x509.Certificate]:
    """Key pair generated on the token; certificate and chain written beside it with the key's CKA_ID."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    lib = pkcs11.lib(module_path)
    token = lib.get_token(token_label=label)
    with token.open(rw=True, user_pin=user_pin) as session:
        public, _private = session.generate_keypair(
            KeyType.RSA, 2048, label=label, store=True,
            public_template={Attribute.VERIFY: True, Attribute.TOKEN: True},
            private_template={Attribute.SIGN: True, Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False,
                              Attribute.TOKEN: True, Attribute.PRIVATE: True},
        )
        numbers = rsa.RSAPublicNumbers(int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
                                       int.from_bytes(public[Attribute.MODULUS], "big"))
        public_key = numbers.public_key()
        key_id = x509.SubjectKeyIdentifier.from_public_key(public_key).digest
        public[Attribute.ID] = key_id
        _private[Attribute.ID] = key_id
        cert = _end_entity_cert(subject, public_key, issuing, issuing_key, not_before, not_after, crl_url, ocsp_url)
        for obj_label, obj_id, c in ((label, key_id, cert), ("CA " + ISSUING_NAME, b"ca-issuing", issuing),
                                     ("CA " + ROOT_NAME, b"ca-root", root)):
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.PRIVATE: False,
                Attribute.LABEL: obj_label,
                Attribute.ID: obj_id,
                Attribute.SUBJECT: c.subject.public_bytes(),
                Attribute.ISSUER: c.issuer.public_bytes(),
                Attribute.SERIAL_NUMBER: _der_integer(c.serial_number),
                Attribute.VALUE: c.public_bytes(serialization.Encoding.DER),
            })
    return key_id, cert


def _der_integer(value: int) -> bytes:
    body = value.to_bytes((value.bit_length() + 8) // 8, "big")
    return b"\x02" + _der_length(len(body)) + body


def _der_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def create_demo_pki(
    dir: Path,
    people: Sequence[tuple[str, str, str]],
    org: tuple[str, str],
    *,
    module_path: str | None = None,
    user_pin: str = DEMO_USER_PIN,
) -> DemoPki:
    """Build the demo PKI: `people` are (token_label, common_name, title); `org` is (token_label, org_name).

    Sets SOFTHSM2_CONF in this process (the module reads it when loaded) and reinitialises an already loaded
    module, so the new tokens are visible at once.
    """
    module = module_path or find_softhsm_module()
    if module is None:
        raise SigningError("token.module_missing", module="libsofthsm2.so (package softhsm2)")
    dir.mkdir(parents=True, exist_ok=True)
    conf, token_dir = write_softhsm_conf(dir)
    os.environ["SOFTHSM2_CONF"] = str(conf)
    labels = [p[0] for p in people] + [org[0]]
    if len(set(labels)) != len(labels):
        raise SigningError("token.error", detail="token labels must be unique")
    for label in labels:
        init_token(conf, label, user_pin=user_pin)

    import pkcs11

    lib = pkcs11.lib(module)
    lib.reinitialize()  # a module loaded earlier in this process still shows the old token set

    root, issuing, issuing_key = _create_ca(dir)
    root_pem = _write_pem(dir / "root.pem", root)
    issuing_pem = _write_pem(dir / "issuing.pem", issuing)
    identities: dict[str, DemoIdentity] = {}
    subjects = [(label, cn, _name(cn, title=title, org=org[1]), "person") for label, cn, title in people]
    subjects.append((org[0], org[1], _name(org[1], org=org[1]), "organisation"))
    for label, cn, subject, kind in subjects:
        key_id, cert = _provision_token(module, label, subject, issuing, issuing_key, root, user_pin)
        pem = _write_pem(dir / f"{hashlib.sha1(label.encode()).hexdigest()[:10]}.pem", cert)
        identities[label] = DemoIdentity(label, cn, kind, key_id, pem)
    pki = DemoPki(dir, conf, token_dir, module, root_pem, issuing_pem, identities, user_pin)
    save_manifest(pki)
    return pki


def add_demo_identity(
    pki: DemoPki, label: str, common_name: str, *, title: str | None = None, org: str | None = None,
    kind: str = "person", not_before: datetime = NOT_BEFORE, not_after: datetime = NOT_AFTER,
    crl_url: str | None = DEMO_CRL_URL, ocsp_url: str | None = None,
) -> DemoPki:
    """One more token issued by the demo CA (training cases: an expired or not-yet-valid certificate, a
    certificate to revoke); returns the PKI with it and saves the manifest. `crl_url` / `ocsp_url`: where its
    certificate says revocation is published (None: not declared); tests point them at a loopback server."""
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    if label in pki.identities:
        raise SigningError("token.error", detail="token labels must be unique")
    issuing = x509.load_pem_x509_certificate(pki.issuing_pem.read_bytes())
    key = load_pem_private_key((pki.dir / "issuing.key.pem").read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise SigningError("token.error", detail="the demo issuing key is not RSA")
    init_token(pki.softhsm_conf, label, user_pin=pki.user_pin)
    import pkcs11

    pkcs11.lib(pki.module_path).reinitialize()
    subject = _name(common_name, title=title, org=org if org is not None else DEMO_ORG)
    key_id, cert = _provision_token(pki.module_path, label, subject, issuing, key, pki.root_certificate(),
                                    pki.user_pin, not_before, not_after, crl_url, ocsp_url)
    pem = _write_pem(pki.dir / f"{hashlib.sha1(label.encode()).hexdigest()[:10]}.pem", cert)
    identities = {**pki.identities, label: DemoIdentity(label, common_name, kind, key_id, pem)}
    updated = DemoPki(pki.dir, pki.softhsm_conf, pki.token_dir, pki.module_path, pki.root_pem, pki.issuing_pem,
                      identities, pki.user_pin)
    save_manifest(updated)
    return updated


MANIFEST = "demo-pki.json"
CRL_FILE = "demo-issuing.crl"


def save_manifest(pki: DemoPki) -> Path:
    """What `load_demo_pki` needs to find the tokens again on the next start (no key material, no PIN)."""
    data = {
        "module_path": pki.module_path,
        "softhsm_conf": pki.softhsm_conf.name,
        "identities": {label: {"common_name": i.common_name, "kind": i.kind, "key_id": i.key_id.hex(),
                               "certificate": i.certificate_pem.name} for label, i in pki.identities.items()},
    }
    path = pki.dir / MANIFEST
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def load_demo_pki(dir: Path) -> DemoPki | None:
    """The demo PKI made earlier in `dir`, or None when there is none (or its manifest is unreadable)."""
    path = dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        identities = {label: DemoIdentity(label, v["common_name"], v["kind"], bytes.fromhex(v["key_id"]),
                                          dir / v["certificate"]) for label, v in data["identities"].items()}
        module = str(data["module_path"])
        if not Path(module).is_file():
            module = find_softhsm_module() or module
        conf = dir / data["softhsm_conf"]
        if f"directories.tokendir = {dir / 'tokens'}\n" not in conf.read_text(encoding="utf-8"):
            conf, _ = write_softhsm_conf(dir)  # the data directory was copied or moved: follow it
        return DemoPki(dir, conf, dir / "tokens", module, dir / "root.pem", dir / "issuing.pem", identities)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def issue_crl(pki: DemoPki, revoked: Sequence[x509.Certificate], *, this_update: datetime | None = None,
              next_update: datetime | None = None, out: Path | None = None) -> Path:
    """The demo issuing CA's CRL (DER) listing `revoked`, written to `out` (default `dir/demo-issuing.crl`, which the
    app reads in demo mode); an empty list clears.

    Real CAs publish theirs at a URL; the demo has no server, so verification reads the file offline.
    """
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    issuing = x509.load_pem_x509_certificate(pki.issuing_pem.read_bytes())
    key = load_pem_private_key((pki.dir / "issuing.key.pem").read_bytes(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise SigningError("token.error", detail="the demo issuing key is not RSA")
    now = this_update or datetime.now(UTC)
    builder = (x509.CertificateRevocationListBuilder().issuer_name(issuing.subject).last_update(now)
               .next_update(next_update or NOT_AFTER)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), critical=False)
               .add_extension(x509.CRLNumber(int(now.timestamp())), critical=False))
    for cert in revoked:
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(cert.serial_number).revocation_date(now).build())
    crl = builder.sign(key, hashes.SHA256())
    path = out or pki.dir / CRL_FILE
    path.write_bytes(crl.public_bytes(serialization.Encoding.DER))
    return path
