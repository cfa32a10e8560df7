"""Revocation checked online against a real HTTP server on 127.0.0.1 (the demo issuing CA's CRL and an OCSP
responder signed by it), with SoftHSM2-made certificates that name that server: good and revoked via the fetched CRL
and via OCSP; a server that is down, slow, failing or answering junk gives "not checked" with the reason, within the
timeout, and never hides the rest of the report; fetched CRLs are reused from the disk cache; switched off (setting or
a restricted document) nothing is fetched.

The module adds tokens to the session's demo PKI, so it is named to run after test_tokens.py, which expects only its
two tokens there (as test_verify_cases.py does)."""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeAlias

import pytest
from cryptography import x509

from app.domain.clock import VN_TZ
from app.services.context import StoreContext
from app.services.signing import revocation
from app.services.signing.pki import DemoPki, add_demo_identity
from app.services.signing.revocation import RevocationPolicy, RevocationSignatureReport
from app.services.signing.service import SigningConfig, SigningService
from app.services.signing.sign import TokenKey, sign_digitised_copy
from app.services.signing.tokens import TokenSelector, TokenWorker
from app.services.signing.verify import VerificationReport, verify_pdf
from tests.integration.signing.conftest import PIN, Draft
from tests.integration.signing.revocation_server import CRL_PATH, OCSP_PATH, RevocationServer

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=VN_TZ)
LATER = datetime(2026, 11, 26, 9, 0, tzinfo=VN_TZ)
CRL_GOOD = "ON_CRL_GOOD"
CRL_REVOKED = "ON_CRL_REVOKED"
OCSP_GOOD = "ON_OCSP_GOOD"
OCSP_REVOKED = "ON_OCSP_REVOKED"
DOWN = "ON_DOWN"
Online: TypeAlias = tuple[DemoPki, RevocationServer, dict[str, bytes]]  # the PKI, the server, signed copies


def _dead_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def online(demo_pki: DemoPki, worker: TokenWorker) -> Iterator[Online]:
    """The server, five tokens whose certificates name it (or a dead port), and a copy signed by each."""
    server = RevocationServer.for_pki(demo_pki).start()
    dead = f"http://127.0.0.1:{_dead_port()}/pki"
    specs = {CRL_GOOD: (server.crl_url, None), CRL_REVOKED: (server.crl_url, None),
             OCSP_GOOD: (None, server.ocsp_url), OCSP_REVOKED: (None, server.ocsp_url),
             DOWN: (dead + "/demo-issuing.crl", dead + "/ocsp")}
    pki = demo_pki
    for label, (crl_url, ocsp_url) in specs.items():
        if label not in pki.identities:
            pki = add_demo_identity(pki, label, f"Người Thử {label}", title="Chuyên viên", crl_url=crl_url,
                                    ocsp_url=ocsp_url)
    worker.refresh()
    for label in (CRL_REVOKED, OCSP_REVOKED):
        server.revoked.add(_cert(pki, label).serial_number)
    signed: dict[str, bytes] = {}
    yield pki, server, signed
    server.stop()


@pytest.fixture
def server(online: Online) -> RevocationServer:
    srv = online[1]
    srv.mode, srv.delay = "ok", 5.0
    srv.requests.clear()
    revocation.forget_unreachable()  # a test that made it "slow" must not keep the next one from asking
    return srv


def _cert(pki: DemoPki, label: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pki.identities[label].certificate_pem.read_bytes())


def _signed(online: Online, worker: TokenWorker, draft: Draft,
            label: str) -> bytes:
    cache = online[2]
    if label not in cache:
        cache[label] = sign_digitised_copy(draft.pdf, TokenKey(worker, TokenSelector(label=label)), PIN,
                                           clock=lambda: WHEN)
    return cache[label]


def _verify(pdf: bytes, pki: DemoPki, policy: RevocationPolicy) -> tuple[VerificationReport, RevocationSignatureReport]:
    with revocation.checking(policy) as session:
        report = session.apply(verify_pdf(pdf, [pki.root_certificate()], at=LATER))
    sig = report.signatures[0]
    assert isinstance(sig, RevocationSignatureReport)
    return report, sig


def test_a_good_certificate_is_not_revoked_by_the_fetched_crl(online: Online, server: RevocationServer,
                                                              worker: TokenWorker, draft: Draft,
                                                              tmp_path: Path) -> None:
    pki = online[0]
    report, sig = _verify(_signed(online, worker, draft, CRL_GOOD), pki, RevocationPolicy(cache_dir=tmp_path))

    assert sig.revocation == "good" and sig.revocation_source == "crl_online" and sig.revocation_reason == ""
    assert sig.valid and report.all_valid and "certificate.revoked" not in sig.problems
    assert "Not revoked (checked with the CA's revocation list, fetched online)." in sig.summary
    assert "Revocation was not checked" not in sig.summary
    assert server.requests == [CRL_PATH]


def test_a_certificate_on_the_fetched_crl_is_revoked(online: Online, server: RevocationServer, worker: TokenWorker,
                                                      draft: Draft, tmp_path: Path) -> None:
    report, sig = _verify(_signed(online, worker, draft, CRL_REVOKED), online[0], RevocationPolicy(cache_dir=tmp_path))

    assert sig.revocation == "revoked" and sig.revocation_source == "crl_online"
    assert "certificate.revoked" in sig.problems and not sig.valid and sig.badge == "broken"
    assert report.verdict == "invalid"
    assert "revoked" in sig.summary and sig.intact  # the rest of the report is still there
    assert server.requests == [CRL_PATH]


def test_ocsp_good(online: Online, server: RevocationServer, worker: TokenWorker, draft: Draft, tmp_path: Path) -> None:
    report, sig = _verify(_signed(online, worker, draft, OCSP_GOOD), online[0], RevocationPolicy(cache_dir=tmp_path))

    assert sig.revocation == "good" and sig.revocation_source == "ocsp", sig.summary
    assert sig.valid and report.all_valid
    assert "Not revoked (checked with the CA's OCSP service)." in sig.summary
    assert server.requests == [OCSP_PATH]


def test_ocsp_revoked(online: Online, server: RevocationServer, worker: TokenWorker, draft: Draft,
                      tmp_path: Path) -> None:
    report, sig = _verify(_signed(online, worker, draft, OCSP_REVOKED), online[0], RevocationPolicy(cache_dir=tmp_path))

    assert sig.revocation == "revoked" and sig.revocation_source == "ocsp", sig.summary
    assert "certificate.revoked" in sig.problems and not sig.valid and report.verdict == "invalid"
    assert server.requests == [OCSP_PATH]


def test_a_server_that_is_down_gives_not_checked_with_the_reason(online: Online, server: RevocationServer,
                                                                 worker: TokenWorker, draft: Draft,
                                                                 tmp_path: Path) -> None:
    pdf = _signed(online, worker, draft, DOWN)
    started = time.monotonic()
    _report, sig = _verify(pdf, online[0], RevocationPolicy(cache_dir=tmp_path, timeout=1.0))
    elapsed = time.monotonic() - started

    assert sig.revocation == "not_checked" and sig.revocation_source == "none"
    assert sig.revocation_reason == "unreachable" and "127.0.0.1" in sig.revocation_detail
    assert "Revocation was not checked (the CA's server could not be reached" in sig.summary
    assert sig.valid and sig.trusted and sig.intact  # not checked is not an error
    assert elapsed < 3.0, elapsed
    assert list(tmp_path.iterdir()) == []  # nothing cached


@pytest.mark.parametrize("mode", ["garbage", "error"])
def test_a_server_answering_junk_gives_not_checked(online: Online, server: RevocationServer, worker: TokenWorker,
                                                   draft: Draft, tmp_path: Path, mode: str) -> None:
    server.mode = mode
    for label in (CRL_GOOD, OCSP_GOOD):
        report, sig = _verify(_signed(online, worker, draft, label), online[0], RevocationPolicy(cache_dir=tmp_path))
        assert sig.revocation == "not_checked" and sig.revocation_reason == "bad_response", (label, sig.summary)
        assert server.base_url in sig.revocation_detail
        assert sig.valid and report.all_valid, sig.problems
    assert list(tmp_path.iterdir()) == []


def test_a_slow_server_is_given_up_within_the_timeout(online: Online, server: RevocationServer, worker: TokenWorker,
                                                      draft: Draft, tmp_path: Path) -> None:
    server.mode, server.delay = "slow", 4.0
    pdf = _signed(online, worker, draft, CRL_GOOD)
    started = time.monotonic()
    _report, sig = _verify(pdf, online[0], RevocationPolicy(cache_dir=tmp_path, timeout=0.5))
    elapsed = time.monotonic() - started

    assert sig.revocation == "not_checked" and sig.revocation_reason == "unreachable", sig.summary
    assert "timed out" in sig.revocation_detail
    assert sig.valid
    assert elapsed < 2.5, elapsed

    asked = len(server.requests)  # a batch (a USB import on an offline machine) pays the timeout once, not per file
    started = time.monotonic()
    _report, again = _verify(_signed(online, worker, draft, CRL_REVOKED), online[0],
                             RevocationPolicy(cache_dir=tmp_path, timeout=0.5))
    assert again.revocation_reason == "unreachable" and time.monotonic() - started < 0.5
    assert len(server.requests) == asked


def test_fetched_answers_are_reused_from_the_disk_cache(online: Online, server: RevocationServer,
                                                        worker: TokenWorker, draft: Draft, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    policy = RevocationPolicy(cache_dir=cache)
    crl_pdf, ocsp_pdf = (_signed(online, worker, draft, label) for label in (CRL_GOOD, OCSP_GOOD))
    _verify(crl_pdf, online[0], policy)
    _verify(ocsp_pdf, online[0], policy)
    assert server.requests == [CRL_PATH, OCSP_PATH]
    assert len(list(cache.iterdir())) == 2
    server.requests.clear()

    for pdf, source in ((crl_pdf, "crl_online"), (ocsp_pdf, "ocsp")):  # new sessions: only the cache answers
        _report, sig = _verify(pdf, online[0], policy)
        assert sig.revocation == "good" and sig.revocation_source == source
    assert server.requests == []

    stamp = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
    for path in cache.iterdir():  # past nextUpdate: asked again
        os.utime(path, (stamp, stamp))
    _verify(crl_pdf, online[0], policy)
    assert server.requests == [CRL_PATH]


def test_switched_off_nothing_is_fetched(online: Online, server: RevocationServer, worker: TokenWorker, draft: Draft,
                                         tmp_path: Path) -> None:
    for label in (CRL_GOOD, OCSP_REVOKED):
        policy = RevocationPolicy(cache_dir=tmp_path).offline(revocation.REASON_OFFLINE_SETTING)
        _report, sig = _verify(_signed(online, worker, draft, label), online[0], policy)
        assert sig.revocation == "not_checked" and sig.revocation_reason == "offline_setting"
        assert "online checking is turned off in the settings" in sig.summary
    pdf = _signed(online, worker, draft, CRL_GOOD)
    plain = verify_pdf(pdf, [online[0].root_certificate()], at=LATER)  # no session: offline as before
    assert plain.signatures[0].revocation == "not_checked"
    assert server.requests == []


def test_the_service_follows_the_setting_and_never_fetches_for_restricted_documents(
    online: Online, server: RevocationServer, worker: TokenWorker, draft: Draft, ctx: StoreContext, tmp_path: Path,
) -> None:
    pki = online[0]
    pdf = _signed(online, worker, draft, CRL_REVOKED)
    ctx.clock.now = LATER  # type: ignore[attr-defined]  # the FakeClock
    config = SigningConfig(pki_dir=pki.dir, trust_demo_root=True, online_revocation=True,
                           revocation_cache_dir=tmp_path / "cache")
    service = SigningService(ctx, config)
    try:
        restricted = service.verify(pdf, restricted=True).signatures[0]
        assert isinstance(restricted, RevocationSignatureReport)
        assert restricted.revocation == "not_checked" and restricted.revocation_reason == "restricted"
        assert server.requests == []

        off = SigningService(ctx, SigningConfig(pki_dir=pki.dir, trust_demo_root=True, online_revocation=False,
                                                revocation_cache_dir=tmp_path / "cache"))
        sig = off.verify(pdf).signatures[0]
        assert isinstance(sig, RevocationSignatureReport) and sig.revocation_reason == "offline_setting"
        assert server.requests == []

        checked = service.verify(pdf).signatures[0]
        assert isinstance(checked, RevocationSignatureReport)
        assert checked.revocation == "revoked" and checked.revocation_source == "crl_online"
        assert server.requests == [CRL_PATH]
    finally:
        service.close()


def test_a_saved_crl_file_is_named_as_the_source(online: Online, server: RevocationServer, worker: TokenWorker,
                                                 draft: Draft) -> None:
    pki = online[0]
    pdf = _signed(online, worker, draft, CRL_GOOD)
    with revocation.checking(RevocationPolicy().offline(revocation.REASON_OFFLINE_SETTING)) as session:
        report = session.apply(verify_pdf(pdf, [pki.root_certificate()], at=LATER, crls=[server.crl()]))
    sig = report.signatures[0]
    assert isinstance(sig, RevocationSignatureReport)
    assert sig.revocation == "good" and sig.revocation_source == "crl_file"
    assert "Not revoked (checked with a saved revocation list file)." in sig.summary
    assert server.requests == []


def test_a_hanging_name_lookup_is_cut_off_at_the_timeout(online: Online, server: RevocationServer,
                                                         worker: TokenWorker, draft: Draft, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The socket timeout does not cover getaddrinfo (an offline machine's DNS can hang for many seconds)."""
    real = socket.getaddrinfo

    def slow_lookup(*args: object, **kwargs: object) -> object:
        time.sleep(3.0)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", slow_lookup)
    pdf = _signed(online, worker, draft, CRL_GOOD)
    started = time.monotonic()
    _report, sig = _verify(pdf, online[0], RevocationPolicy(cache_dir=tmp_path, timeout=0.5))
    elapsed = time.monotonic() - started

    assert sig.revocation == "not_checked" and sig.revocation_reason == "unreachable", sig.summary
    assert "timed out" in sig.revocation_detail and sig.valid
    assert elapsed < 2.0, elapsed
