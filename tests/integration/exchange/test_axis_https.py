"""The sandbox over HTTPS on loopback (standards §7), with the client trusting only the sandbox's certificate."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.services.exchange import ExchangeError
from tests.integration.exchange.conftest import start_sandbox


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "axis sandbox")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_client_talks_https_and_refuses_an_untrusted_certificate(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    with start_sandbox(tmp_path, "--ssl-certfile", str(cert), "--ssl-keyfile", str(key), scheme="https") as axis:
        code, secret = axis.new_agency()
        trusted = ssl.create_default_context(cafile=str(cert))
        with axis.client(code, secret, verify=trusted) as client:
            assert client.list_received() == []
        with axis.client(code, secret) as stranger, pytest.raises(ExchangeError) as err:
            stranger.list_received()
    assert err.value.code == "axis.certificate_untrusted"
    assert "CERTIFICATE_VERIFY_FAILED" in err.value.params["detail"]
    assert axis.sleeps == []  # not retried: only a configuration change helps
