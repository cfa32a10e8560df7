"""A CA's revocation services on 127.0.0.1 for the tests: the demo issuing CA's CRL over HTTP GET and an OCSP
responder over HTTP POST, both signed with the demo issuing key, with modes that misbehave on purpose.

Only ever binds the loopback address, on a free port the OS picks; certificates issued for the tests name its URLs.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from cryptography.x509 import ocsp

from app.services.signing.pki import DemoPki

THIS_UPDATE = datetime(2026, 11, 1, tzinfo=UTC)  # before the tests' signing and validation times
NEXT_UPDATE = datetime(2030, 1, 1, tzinfo=UTC)  # after the wall clock, so answers are cached
CRL_PATH = "/pki/demo-issuing.crl"
OCSP_PATH = "/pki/ocsp"


@dataclass
class RevocationServer:
    """`mode`: "ok", "garbage" (200 with junk), "error" (HTTP 500), "slow" (answers after `delay` seconds).
    `revoked`: serial numbers the CRL and the OCSP responder report revoked. `requests`: paths asked, in order."""

    issuing: x509.Certificate
    key: rsa.RSAPrivateKey
    mode: str = "ok"
    delay: float = 5.0
    revoked: set[int] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    instances: ClassVar[list[RevocationServer]] = []

    @staticmethod
    def for_pki(pki: DemoPki) -> RevocationServer:
        key = load_pem_private_key((pki.dir / "issuing.key.pem").read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        return RevocationServer(x509.load_pem_x509_certificate(pki.issuing_pem.read_bytes()), key)

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def crl_url(self) -> str:
        return self.base_url + CRL_PATH

    @property
    def ocsp_url(self) -> str:
        return self.base_url + OCSP_PATH

    def start(self) -> RevocationServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                owner.requests.append(self.path)
                self._answer(owner.crl() if self.path == CRL_PATH else None, "application/pkix-crl")

            def do_POST(self) -> None:
                owner.requests.append(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._answer(owner.ocsp(body) if self.path == OCSP_PATH else None, "application/ocsp-response")

            def _answer(self, payload: bytes | None, content_type: str) -> None:
                if owner.mode == "slow":
                    time.sleep(owner.delay)
                if owner.mode == "error" or payload is None:
                    self.send_error(500 if payload is not None else 404)
                    return
                if owner.mode == "garbage":
                    payload = b"<html>Captive portal: please log in</html>"
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up (slow mode)
                    self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, name="revocation-server", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def crl(self) -> bytes:
        builder = (x509.CertificateRevocationListBuilder().issuer_name(self.issuing.subject)
                   .last_update(THIS_UPDATE).next_update(NEXT_UPDATE)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                                  critical=False)
                   .add_extension(x509.CRLNumber(int(time.time())), critical=False))
        for serial in sorted(self.revoked):
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(THIS_UPDATE).build())
        return builder.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def ocsp(self, body: bytes) -> bytes:
        try:
            request = ocsp.load_der_ocsp_request(body)
        except ValueError:
            return ocsp.OCSPResponseBuilder.build_unsuccessful(
                ocsp.OCSPResponseStatus.MALFORMED_REQUEST).public_bytes(serialization.Encoding.DER)
        revoked = request.serial_number in self.revoked
        builder = ocsp.OCSPResponseBuilder().add_response_by_hash(
            issuer_name_hash=request.issuer_name_hash, issuer_key_hash=request.issuer_key_hash,
            serial_number=request.serial_number, algorithm=request.hash_algorithm,
            cert_status=ocsp.OCSPCertStatus.REVOKED if revoked else ocsp.OCSPCertStatus.GOOD,
            this_update=THIS_UPDATE, next_update=NEXT_UPDATE,
            revocation_time=THIS_UPDATE if revoked else None,
            revocation_reason=x509.ReasonFlags.key_compromise if revoked else None,
        ).responder_id(ocsp.OCSPResponderEncoding.HASH, self.issuing)
        return builder.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
