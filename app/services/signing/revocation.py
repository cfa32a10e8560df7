"""Revocation checked online when the CA can be reached: OCSP from the certificate's AIA, CRLs from its CRL
Distribution Points, with short timeouts and an on-disk cache; otherwise "not checked" and why.

Why not pyhanko_certvalidator's own fetching (`allow_fetching=True`): it cannot be combined with a fixed validation
time (`moment`, which the app always passes), it has no disk cache, and afterwards it cannot say which source
answered. So this module fetches itself (stdlib HTTP, nothing leaves the process without a timeout), checks what came
back (the issuer's signature, that it covers the certificate and the validation time — a bad answer must never make a
good signature look broken), and hands the survivors to pyhanko as `crls=` / `ocsps=` with fetching still off:
pyhanko stays the judge of the path, this module only brings the data and remembers where it came from.

Use: `with checking(policy) as session: report = verify_pdf(...)`, then `session.apply(report)` gives the report with
each signature's revocation source and, when it was not checked, the reason. Without an active session
`validation_context` builds exactly the offline context verification always had (saved CRL files only), so callers
that do not opt in never touch the network. Restricted documents and offices that switched online checking off pass
a policy with `online=False`: then no request is made at all (not even a cache read).

Each verification session has a time budget (`RevocationPolicy.budget`, default three timeouts), and a server that
did not answer is not asked again for a minute (process-wide), so an unplugged network costs at most a few seconds
once, never one timeout per certificate or per document of a batch (a USB import on an offline machine).
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import http.client
import ipaddress
import logging
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509 import ocsp

from app.services.signing.verify import SignatureReport, VerificationReport

if TYPE_CHECKING:
    from pyhanko_certvalidator import ValidationContext

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 3.0  # seconds per request
MAX_RESPONSE = 32 * 1024 * 1024  # a national CA's CRL can be large, but not this large
TOLERANCE = timedelta(minutes=5)  # clock skew allowed between the CA and this computer
UNREACHABLE_FOR = 60.0  # seconds a server that did not answer is left alone

# Where a verdict came from (`RevocationCheck.source`).
SOURCE_OCSP = "ocsp"
SOURCE_CRL_ONLINE = "crl_online"
SOURCE_CRL_FILE = "crl_file"
SOURCE_NONE = "none"
# Why it was not checked (`RevocationCheck.reason`).
REASON_OFFLINE_SETTING = "offline_setting"  # the office turned online checking off
REASON_RESTRICTED = "restricted"  # a restricted (secret / restriction-stamped) document: never fetched for
REASON_UNREACHABLE = "unreachable"  # no answer within the timeout, connection refused, no network
REASON_BAD_RESPONSE = "bad_response"  # an answer that is not a valid, current CRL / OCSP response of the issuer
REASON_NO_ADDRESS = "no_address"  # the certificate declares no CRL / OCSP address, and no CRL file is saved
REASON_UNTRUSTED = "untrusted"  # no trusted chain, so nobody's revocation data can be judged
REASON_NO_LIST = "no_list"  # no revocation list available (offline, no file): the case before online checking


@dataclass(frozen=True)
class RevocationPolicy:
    """How far revocation checking may go. `online`: fetch from the CA; `offline_reason` says why not
    (REASON_OFFLINE_SETTING or REASON_RESTRICTED). `cache_dir`: fetched CRLs/OCSP answers kept until nextUpdate."""

    online: bool = True
    timeout: float = DEFAULT_TIMEOUT
    cache_dir: Path | None = None
    offline_reason: str = REASON_OFFLINE_SETTING
    budget: float | None = None  # seconds of network time per verification; None: 3 × timeout

    def offline(self, reason: str) -> RevocationPolicy:
        return replace(self, online=False, offline_reason=reason)


@dataclass(frozen=True)
class RevocationCheck:
    """One signature's revocation outcome: status "good" / "revoked" / "not_checked", where it came from, and when
    not checked the reason code and an English detail (the address and the error)."""

    status: str
    source: str = SOURCE_NONE
    reason: str = ""
    detail: str = ""


@dataclass(frozen=True)
class RevocationSignatureReport(SignatureReport):
    """A `SignatureReport` that also says where its revocation verdict came from (see `RevocationCheck`)."""

    revocation_source: str = SOURCE_NONE
    revocation_reason: str = ""
    revocation_detail: str = ""


@dataclass
class _CertInfo:
    """What was gathered for one certificate of the chain (not the anchor)."""

    cert: x509.Certificate
    issuer: x509.Certificate
    declared: bool = False  # it names a CRL or OCSP address
    ocsp_status: str | None = None  # "good" / "revoked" from a verified OCSP answer
    ocsp_der: bytes | None = None
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)  # verified, fetched
    crl_ders: list[bytes] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (reason, detail)


@dataclass
class Gathered:
    """Revocation data fetched for one signer's chain (signer first)."""

    chain: list[_CertInfo]
    saved: list[x509.CertificateRevocationList]


class _FetchError(Exception):
    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


_UNREACHABLE: dict[str, tuple[float, str]] = {}  # "host:port" → (monotonic time it failed, why)
_UNREACHABLE_LOCK = threading.Lock()


def forget_unreachable() -> None:
    """Ask every server again at the next check (after the network came back; tests)."""
    with _UNREACHABLE_LOCK:
        _UNREACHABLE.clear()


def _unreachable(netloc: str) -> str | None:
    with _UNREACHABLE_LOCK:
        entry = _UNREACHABLE.get(netloc)
        if entry is None:
            return None
        if time.monotonic() - entry[0] > UNREACHABLE_FOR:
            del _UNREACHABLE[netloc]
            return None
        return entry[1]


def _mark_unreachable(netloc: str, why: str) -> None:
    with _UNREACHABLE_LOCK:
        _UNREACHABLE[netloc] = (time.monotonic(), why)


_SESSION: contextvars.ContextVar[RevocationSession | None] = contextvars.ContextVar("revocation_session",
                                                                                     default=None)


@contextlib.contextmanager
def checking(policy: RevocationPolicy) -> Iterator[RevocationSession]:
    """Verifications inside this block check revocation under `policy`; the session collects the outcomes."""
    session = RevocationSession(policy)
    token = _SESSION.set(session)
    try:
        yield session
    finally:
        _SESSION.reset(token)


class RevocationSession:
    def __init__(self, policy: RevocationPolicy) -> None:
        self.policy = policy
        self.results: dict[str, RevocationCheck] = {}  # by signature field name
        self.requests = 0  # HTTP requests made (the tests count them)
        self._deadline: float | None = None
        self._gathered: dict[bytes, Gathered] = {}  # by signer certificate SHA-256
        self._memory: dict[str, bytes] = {}  # url/request key → answer, within this session

    # -- what verify.py calls ---------------------------------------------------------------------------------------
    def gather(self, signer: asn1_x509.Certificate, pool: Sequence[asn1_x509.Certificate],
               roots: Sequence[asn1_x509.Certificate], at: datetime, saved: Sequence[bytes]) -> Gathered:
        key = signer.sha256
        if key not in self._gathered:
            chain = _chain(signer, pool, roots)
            saved_crls = [c for c in (_load_crl(d) for d in saved) if c is not None]
            infos = [_CertInfo(cert, issuer) for cert, issuer in chain]
            for info in infos:
                info.declared = bool(_ocsp_urls(info.cert) or _crl_urls(info.cert))
                if self.policy.online:
                    self._fetch_for(info, at)
            self._gathered[key] = Gathered(infos, saved_crls)
        return self._gathered[key]

    def record(self, field_name: str, status: Any, gathered: Gathered) -> RevocationCheck:
        check = self._judge(status, gathered)
        self.results[field_name] = check
        return check

    def apply(self, report: VerificationReport) -> VerificationReport:
        """The report with every signature's revocation source and reason filled in (and the verdict of an online
        answer: "good" from OCSP, "revoked" on a fetched CRL)."""
        signatures = tuple(self._apply_one(s) for s in report.signatures)
        if not signatures:
            return report
        ok = sum(1 for r in signatures if r.valid)
        summary = (f"{len(signatures)} signature(s), {ok} valid. " + " ".join(
            f"[{i}] {r.summary}" for i, r in enumerate(signatures, start=1))).strip()
        return replace(report, signatures=signatures, summary=summary)

    # -- internals --------------------------------------------------------------------------------------------------
    def _apply_one(self, sig: SignatureReport) -> RevocationSignatureReport:
        check = self.results.get(sig.field_name)
        if check is None:  # not seen by _validate (should not happen): describe what the report says
            check = (RevocationCheck(sig.revocation, SOURCE_CRL_FILE) if sig.revocation != "not_checked"
                     else self._not_checked_reason([], declared=False))
        status = "revoked" if "revoked" in (sig.revocation, check.status) else (
            "good" if "good" in (sig.revocation, check.status) else "not_checked")
        if status == "good" and check.status != "good":
            check = RevocationCheck("good", SOURCE_CRL_FILE)
        if status == "not_checked" and check.status != "not_checked":
            check = self._not_checked_reason([], declared=False)
        problems = sig.problems
        if status == "revoked" and "certificate.revoked" not in problems:
            problems = (*problems, "certificate.revoked")
        summary = sig.summary.replace(" Revocation was not checked (no revocation list available).", "").replace(
            "Revocation was not checked (no revocation list available).", "").strip()
        sentence = _sentence(replace(check, status=status))
        if sentence:
            summary = f"{summary} {sentence}".strip()
        values = {f.name: getattr(sig, f.name) for f in fields(SignatureReport)}
        values.update(revocation=status, problems=problems, summary=summary)
        return RevocationSignatureReport(**values, revocation_source=check.source if status != "not_checked"
                                         else SOURCE_NONE, revocation_reason=check.reason if status == "not_checked"
                                         else "", revocation_detail=check.detail)

    def _judge(self, status: Any, gathered: Gathered) -> RevocationCheck:
        infos = gathered.chain
        indication = _indication(status)
        if getattr(status, "revoked", False) or indication in ("REVOKED", "REVOKED_NO_POE", "REVOKED_CA_NO_POE"):
            for info in infos:
                if info.ocsp_status == "revoked":
                    return RevocationCheck("revoked", SOURCE_OCSP)
                if any(_lists(c, info.cert) for c in info.crls):
                    return RevocationCheck("revoked", SOURCE_CRL_ONLINE)
                if any(_lists(c, info.cert) for c in gathered.saved):
                    return RevocationCheck("revoked", SOURCE_CRL_FILE)
            return RevocationCheck("revoked", SOURCE_CRL_FILE)
        if not status.trusted:
            return RevocationCheck("not_checked", SOURCE_NONE, REASON_UNTRUSTED)
        if not infos:
            return self._not_checked_reason([], declared=False)
        signer = infos[0]
        if signer.ocsp_status == "good":
            return RevocationCheck("good", SOURCE_OCSP)
        if signer.crls:
            return RevocationCheck("good", SOURCE_CRL_ONLINE)
        if any(c.issuer == signer.cert.issuer for c in gathered.saved):
            return RevocationCheck("good", SOURCE_CRL_FILE)
        return self._not_checked_reason(signer.failures, declared=signer.declared)

    def _not_checked_reason(self, failures: list[tuple[str, str]], *, declared: bool) -> RevocationCheck:
        if not self.policy.online:
            return RevocationCheck("not_checked", SOURCE_NONE, self.policy.offline_reason)
        if failures:
            reason = REASON_BAD_RESPONSE if any(r == REASON_BAD_RESPONSE for r, _ in failures) else REASON_UNREACHABLE
            return RevocationCheck("not_checked", SOURCE_NONE, reason, "; ".join(d for _, d in failures))
        return RevocationCheck("not_checked", SOURCE_NONE, REASON_NO_LIST if declared else REASON_NO_ADDRESS)

    def _fetch_for(self, info: _CertInfo, at: datetime) -> None:
        """OCSP first (fresh, small); the CRL only when OCSP gave no verified answer."""
        for url in _ocsp_urls(info.cert):
            try:
                der, verdict = self._ocsp(url, info.cert, info.issuer, at)
            except _FetchError as exc:
                info.failures.append((exc.reason, exc.detail))
                continue
            info.ocsp_status, info.ocsp_der = verdict, der
            return
        for url in _crl_urls(info.cert):
            try:
                der, crl = self._crl(url, info.issuer, at)
            except _FetchError as exc:
                info.failures.append((exc.reason, exc.detail))
                continue
            info.crls.append(crl)
            info.crl_ders.append(der)
            return

    def _ocsp(self, url: str, cert: x509.Certificate, issuer: x509.Certificate, at: datetime) -> tuple[bytes, str]:
        request = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, hashes.SHA1()).build()
        request_der = request.public_bytes(serialization.Encoding.DER)
        key = "ocsp:" + hashlib.sha256(url.encode() + b"\0" + request_der).hexdigest()
        cached = self._cached(key)
        if cached is not None:
            try:
                return cached, _check_ocsp(cached, cert, issuer, at)
            except _FetchError:
                pass  # stale or not covering `at`: ask again
        data = self._http(url, request_der, "application/ocsp-request")
        verdict = _check_ocsp(data, cert, issuer, at, url)
        response = ocsp.load_der_ocsp_response(data)
        self._store(key, data, response.next_update_utc)
        return data, verdict

    def _crl(self, url: str, issuer: x509.Certificate, at: datetime) -> tuple[bytes, x509.CertificateRevocationList]:
        key = "crl:" + hashlib.sha256(url.encode()).hexdigest()
        cached = self._cached(key)
        if cached is not None:
            try:
                return cached, _check_crl(cached, issuer, at, url)
            except _FetchError:
                pass
        data = self._http(url, None, None)
        crl = _check_crl(data, issuer, at, url)
        der = crl.public_bytes(serialization.Encoding.DER)
        self._store(key, der, crl.next_update_utc)
        return der, crl

    def _cache_path(self, key: str) -> Path | None:
        folder = self.policy.cache_dir
        if folder is None:
            return None
        kind, digest = key.split(":", 1)
        return folder / f"{kind}-{digest}.der"

    def _cached(self, key: str) -> bytes | None:
        """A cached answer whose nextUpdate (kept in the file's mtime) is still ahead; memory first."""
        if key in self._memory:
            return self._memory[key]
        path = self._cache_path(key)
        if path is None:
            return None
        try:
            if path.stat().st_mtime <= time.time():
                return None
            data = path.read_bytes()
        except OSError:
            return None
        self._memory[key] = data
        return data

    def _store(self, key: str, data: bytes, next_update: datetime | None) -> None:
        self._memory[key] = data
        path = self._cache_path(key)
        if path is None or next_update is None or next_update <= datetime.now(UTC):
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_bytes(data)
            stamp = next_update.timestamp()
            os.utime(tmp, (stamp, stamp))  # the mtime carries nextUpdate: no parsing needed to know it is stale
            tmp.replace(path)
        except OSError:
            log.warning("could not cache revocation data in %s", path, exc_info=True)

    def _http(self, url: str, body: bytes | None, content_type: str | None) -> bytes:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.scheme not in ("http", "https") or not host:
            raise _FetchError(REASON_UNREACHABLE, f"{url}: not an http address")
        netloc = parts.netloc.lower()
        dead = _unreachable(netloc)
        if dead is not None:
            raise _FetchError(REASON_UNREACHABLE, f"{url}: {dead}")
        now = time.monotonic()
        if self._deadline is None:
            budget = self.policy.budget if self.policy.budget is not None else 3 * self.policy.timeout
            self._deadline = now + budget
        remaining = self._deadline - now
        if remaining <= 0:
            raise _FetchError(REASON_UNREACHABLE, f"{url}: the time allowed for revocation checks ran out")
        timeout = min(self.policy.timeout, remaining)
        headers = {"User-Agent": "VanThuDesktop"}
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body else "GET")
        opener = _direct_opener() if _is_loopback(host) else urllib.request.build_opener()
        self.requests += 1
        outcome: list[bytes | BaseException] = []

        def fetch() -> None:
            try:
                outcome.append(_read(opener, request, timeout, url))
            except BaseException as exc:  # handed to the waiting thread
                outcome.append(exc)

        # The socket timeout does not cover the name lookup (getaddrinfo can hang for long on an offline machine's
        # broken DNS): the request runs on a daemon thread and is given up after the timeout, whatever it waits on.
        thread = threading.Thread(target=fetch, name="revocation-fetch", daemon=True)
        thread.start()
        thread.join(timeout + 0.25)
        result = outcome[0] if outcome else TimeoutError("timed out")
        if isinstance(result, bytes):
            return result
        if isinstance(result, _FetchError):
            raise result
        if isinstance(result, urllib.error.HTTPError):
            raise _FetchError(REASON_BAD_RESPONSE, f"{url}: HTTP {result.code}") from result
        if isinstance(result, urllib.error.URLError | OSError):
            why = str(getattr(result, "reason", None) or result) or type(result).__name__
            _mark_unreachable(netloc, why)
            raise _FetchError(REASON_UNREACHABLE, f"{url}: {why}") from result
        if isinstance(result, http.client.HTTPException):
            raise _FetchError(REASON_BAD_RESPONSE, f"{url}: not a valid HTTP answer ({type(result).__name__})") \
                from result
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: {type(result).__name__}: {result}") from result


def _read(opener: urllib.request.OpenerDirector, request: urllib.request.Request, timeout: float, url: str) -> bytes:
    """The whole body within `timeout` seconds (a server dripping bytes is cut off too), at most MAX_RESPONSE."""
    started = time.monotonic()
    with opener.open(request, timeout=timeout) as response:
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() - started > timeout:
                raise TimeoutError("timed out")
            chunk = response.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_RESPONSE:
                raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the answer is too large")
            chunks.append(chunk)
        return b"".join(chunks)


def _direct_opener() -> urllib.request.OpenerDirector:
    """No proxy for loopback addresses: a test or demo server on 127.0.0.1 must be reached directly."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _crypto(cert: asn1_x509.Certificate) -> x509.Certificate:
    return x509.load_der_x509_certificate(cert.dump())


def _chain(signer: asn1_x509.Certificate, pool: Sequence[asn1_x509.Certificate],
           roots: Sequence[asn1_x509.Certificate]) -> list[tuple[x509.Certificate, x509.Certificate]]:
    """(certificate, issuer) pairs from the signer up to (not including) a trust anchor, by issuer name and key id;
    pyhanko builds and judges the real path, this only finds what to ask about."""
    anchors = {r.sha256 for r in roots}
    candidates = list(pool) + list(roots)
    out: list[tuple[x509.Certificate, x509.Certificate]] = []
    current = signer
    for _ in range(8):
        if current.sha256 in anchors or current.self_signed != "no":
            break
        issuers = [c for c in candidates if c.subject == current.issuer and c.sha256 != current.sha256]
        aki = current.authority_key_identifier
        if aki is not None:
            issuers = sorted(issuers, key=lambda c: c.key_identifier != aki)
        if not issuers:
            break
        out.append((_crypto(current), _crypto(issuers[0])))
        current = issuers[0]
    return out


def _ocsp_urls(cert: x509.Certificate) -> list[str]:
    try:
        aia = cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    return [str(d.access_location.value) for d in aia
            if d.access_method == x509.oid.AuthorityInformationAccessOID.OCSP
            and isinstance(d.access_location, x509.UniformResourceIdentifier)
            and str(d.access_location.value).lower().startswith(("http://", "https://"))]


def _crl_urls(cert: x509.Certificate) -> list[str]:
    try:
        cdp = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except (x509.ExtensionNotFound, ValueError):
        return []
    return [str(n.value) for dp in cdp for n in (dp.full_name or [])
            if isinstance(n, x509.UniformResourceIdentifier) and str(n.value).lower().startswith(("http://",
                                                                                                   "https://"))]


def _load_crl(data: bytes) -> x509.CertificateRevocationList | None:
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except ValueError:
        return None


def _lists(crl: x509.CertificateRevocationList, cert: x509.Certificate) -> bool:
    return crl.issuer == cert.issuer and crl.get_revoked_certificate_by_serial_number(cert.serial_number) is not None


def _verify_signature(public_key: Any, signature: bytes, data: bytes, algorithm: Any) -> bool:
    try:
        if isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, data, padding.PKCS1v15(), algorithm)
        elif isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, data, ec.ECDSA(algorithm))
        else:
            return False
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def _covers(this_update: datetime, next_update: datetime | None, at: datetime) -> bool:
    return this_update - TOLERANCE <= at and (next_update is None or at <= next_update + TOLERANCE)


def _check_crl(data: bytes, issuer: x509.Certificate, at: datetime, url: str = "") -> x509.CertificateRevocationList:
    """The CRL when it is the issuer's, signed by it and current at `at`; else a bad-response error."""
    crl = _load_crl(data)
    if crl is None:
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the answer is not a revocation list (CRL)")
    if crl.issuer != issuer.subject:
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the revocation list is not the issuer's")
    try:
        signed = crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
    except (TypeError, ValueError):
        signed = False
    if not signed:
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the revocation list's signature is not the issuer's")
    if not _covers(crl.last_update_utc, crl.next_update_utc, at):
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the revocation list is out of date for the time checked")
    return crl


def _check_ocsp(data: bytes, cert: x509.Certificate, issuer: x509.Certificate, at: datetime, url: str = "") -> str:
    """"good" or "revoked" from an OCSP answer about `cert` signed by its issuer (or a responder it delegated to)
    and current at `at`; anything else is a bad-response error."""
    try:
        response = ocsp.load_der_ocsp_response(data)
    except ValueError as exc:
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the answer is not an OCSP response") from exc
    if response.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the OCSP responder said {response.response_status.name}")
    issuer_key_hash = x509.SubjectKeyIdentifier.from_public_key(issuer.public_key()).digest  # SHA-1 of the key
    if response.serial_number != cert.serial_number or response.issuer_key_hash != issuer_key_hash:
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the OCSP response is about another certificate")
    algorithm = response.signature_hash_algorithm
    signers = [issuer] + [c for c in response.certificates if c.issuer == issuer.subject
                          and _verify_signature(issuer.public_key(), c.signature, c.tbs_certificate_bytes,
                                                c.signature_hash_algorithm) and _may_sign_ocsp(c)]
    if algorithm is None or not any(_verify_signature(s.public_key(), response.signature, response.tbs_response_bytes,
                                                      algorithm) for s in signers):
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the OCSP response is not signed by the issuer")
    if not _covers(response.this_update_utc, response.next_update_utc, at):
        raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the OCSP response is out of date for the time checked")
    if response.certificate_status == ocsp.OCSPCertStatus.GOOD:
        return "good"
    if response.certificate_status == ocsp.OCSPCertStatus.REVOKED:
        return "revoked"
    raise _FetchError(REASON_BAD_RESPONSE, f"{url}: the OCSP responder does not know the certificate")


def _may_sign_ocsp(cert: x509.Certificate) -> bool:
    try:
        usage = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return x509.oid.ExtendedKeyUsageOID.OCSP_SIGNING in usage


def _indication(status: Any) -> str | None:
    indic = getattr(status, "trust_problem_indic", None)
    return None if indic is None else str(getattr(indic, "name", indic))


_SOURCE_WORDS = {SOURCE_OCSP: "the CA's OCSP service", SOURCE_CRL_ONLINE: "the CA's revocation list, fetched online",
                 SOURCE_CRL_FILE: "a saved revocation list file"}
_REASON_WORDS = {
    REASON_OFFLINE_SETTING: "online checking is turned off in the settings",
    REASON_RESTRICTED: "a restricted document is checked offline only",
    REASON_UNREACHABLE: "the CA's server could not be reached",
    REASON_BAD_RESPONSE: "the CA's server did not give a valid answer",
    REASON_NO_ADDRESS: "the certificate names no revocation address and no revocation list is saved",
    REASON_UNTRUSTED: "the certificate does not chain to a trusted root",
    REASON_NO_LIST: "no revocation list available",
}


def _sentence(check: RevocationCheck) -> str:
    """The English sentence of the report's summary (the UI words it from the codes)."""
    if check.status == "good":
        return f"Not revoked (checked with {_SOURCE_WORDS.get(check.source, 'a revocation list')})."
    if check.status == "revoked":
        return f"The revocation was reported by {_SOURCE_WORDS.get(check.source, 'a revocation list')}."
    why = _REASON_WORDS.get(check.reason, "no revocation list available")
    return f"Revocation was not checked ({why}{': ' + check.detail if check.detail else ''})."


def validation_context(sig: Any, roots: Sequence[asn1_x509.Certificate], at: datetime | None,
                       crls: Sequence[bytes]) -> tuple[ValidationContext, Gathered | None]:
    """The pyhanko context to validate `sig` with: offline with the saved CRLs when no session is active (as
    always), else with what the session fetched for the signer's chain added. Never raises for network trouble."""
    from pyhanko_certvalidator import ValidationContext

    session = _SESSION.get()
    other = list(sig.other_embedded_certs)
    gathered = None
    ocsps: list[bytes] = []
    fetched: list[bytes] = []
    if session is not None:
        moment = at or datetime.now(UTC)
        try:
            gathered = session.gather(sig.signer_cert, other, roots, moment, crls)
        except Exception:  # a surprise in fetched data must never hide the rest of the report
            log.warning("revocation data could not be gathered", exc_info=True)
            gathered = Gathered([], [])
        for info in gathered.chain:
            fetched += info.crl_ders
            if info.ocsp_der is not None:
                ocsps.append(info.ocsp_der)
    context = ValidationContext(trust_roots=list(roots), allow_fetching=False, revocation_mode="soft-fail",
                                moment=at, other_certs=other, crls=list(crls) + fetched, ocsps=ocsps)
    return context, gathered


def record(sig: Any, status: Any, gathered: Gathered | None) -> None:
    """Remember `sig`'s outcome in the active session (nothing without one)."""
    session = _SESSION.get()
    if session is not None and gathered is not None:
        session.record(str(sig.field_name), status, gathered)
