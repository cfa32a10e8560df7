"""USB tokens through PKCS#11: find the module, list tokens and certificates, run every token call on one thread.

Why one thread: PKCS#11 sessions are not thread-safe and a token allows one login per process, so `TokenWorker`
owns the module, the sessions (at most one per token) and all calls to them; the UI's job runner waits on its futures.
Tokens are chosen by label or serial (`TokenSelector`), never by slot number: SoftHSM gives random slot ids and a
real reader's slot changes with the USB port.
PINs are arguments, used for one login and dropped: never logged, stored or put in an error's params.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from cryptography import x509
from cryptography.hazmat.primitives import hashes

from app.services.signing.errors import SigningError

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class KnownModule:
    vendor: str
    paths: tuple[str, ...]  # absolute paths, or bare file names looked up in the OS's library folders
    verified: bool  # False: the name comes from public integration code or vendor guides, not from a real install


# Per-OS module names. SoftHSM2's are verified on this machine. The Vietnamese vendors' names are the ones public
# integration code (web-signing plugins, tax/insurance tools) probes for; none was checked against a real install,
# hence verified=False: an admin can always set the path in settings instead.
# VGCA ("Ban Cơ yếu") hands out SafeNet eToken and Bit4id tokens (provincial guides name "TokenManager"/VGCAv1 and
# bit4id xPKI installers), so their modules are SafeNet's and Bit4id's own.
KNOWN_MODULES: dict[str, tuple[KnownModule, ...]] = {
    "linux": (
        KnownModule("SoftHSM2 (demo)", ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/"
                                        "libsofthsm2.so", "/usr/lib64/softhsm/libsofthsm2.so",
                                        "/usr/local/lib/softhsm/libsofthsm2.so"), True),
        KnownModule("VGCA / Ban Cơ yếu (SafeNet eToken)", ("/usr/lib/libeTPkcs11.so", "/usr/lib64/libeTPkcs11.so"),
                    False),
        KnownModule("VGCA / Ban Cơ yếu (Bit4id)", ("/usr/lib/libbit4xpki.so", "/usr/lib/bit4id/libbit4xpki.so"), False),
        KnownModule("VNPT-CA", ("/usr/lib/vnpt-ca/libcryptoki.so",), False),
        KnownModule("Viettel-CA", ("/usr/lib/viettel-ca/libpkcs11.so",), False),
        KnownModule("OpenSC (generic smart cards)", ("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
                                                     "/usr/lib/opensc-pkcs11.so"), True),
    ),
    "win32": (
        KnownModule("SoftHSM2 (demo)", ("C:/SoftHSM2/lib/softhsm2-x64.dll",), False),
        KnownModule("VGCA / Ban Cơ yếu (SafeNet eToken)", ("eTPKCS11.dll",), False),
        KnownModule("VGCA / Ban Cơ yếu (Bit4id)", ("bit4xpki.dll",), False),
        KnownModule("VNPT-CA", ("vnptca_p11_v10.dll", "vnptca_p11_v8.dll", "vnptca_p11_v6.dll", "vnpt-ca_csp11.dll",
                                "vnpt-ca_v34.dll", "vnpt-ca_cl_v1.dll"), False),
        KnownModule("Viettel-CA", ("viettel-ca_v6.dll", "viettel-ca_v5.dll", "viettel-ca_v4.dll", "viettel-ca_v2.dll",
                                   "viettel-ca.dll"), False),
        KnownModule("BKAV-CA", ("BkavCA.dll", "BkavCAv2S.dll", "st3csp11.dll"), False),
        KnownModule("FPT-CA", ("fpt-ca_v5.dll", "fpt-ca_v4.dll", "fpt-ca.dll", "fpt-ca-stx.dll"), False),
        KnownModule("CA2 / Nacencomm", ("ncca_csp11_v1.dll", "CA2_csp11.dll", "CA2_v34.dll",
                                        "ShuttleCsp11_3003.dll"), False),
    ),
    "darwin": (
        KnownModule("SoftHSM2 (demo)", ("/opt/homebrew/lib/softhsm/libsofthsm2.so",
                                        "/usr/local/lib/softhsm/libsofthsm2.so"), False),
        KnownModule("VGCA / Ban Cơ yếu (SafeNet eToken)", ("/usr/local/lib/libeTPkcs11.dylib",), False),
        KnownModule("VNPT-CA", ("/Library/vnpt-ca/lib/libcryptoki.dylib",), False),
        KnownModule("Viettel-CA", ("/usr/local/lib/viettel-ca_v6.dylib", "/usr/local/lib/viettel-ca_v5.dylib"), False),
    ),
}


def _os_key() -> str:
    return "win32" if sys.platform.startswith("win") else "darwin" if sys.platform == "darwin" else "linux"


def _search_dirs() -> list[Path]:
    if _os_key() == "win32":
        root = Path(os.environ.get("SYSTEMROOT", "C:/Windows"))
        return [root / "System32", root / "SysWOW64"]
    return [Path("/usr/lib"), Path("/usr/local/lib"), Path("/usr/lib64")]


def detect_modules(configured: str | None = None, *, os_key: str | None = None) -> list[tuple[str, str]]:
    """(vendor, path) of the PKCS#11 modules present here: the configured one first, then the known ones.

    Nobody should have to type a library path: the admin picks from this list, or sets one path in settings.
    """
    found: list[tuple[str, str]] = []
    if configured and Path(configured).is_file():
        found.append(("configured", configured))
    for module in KNOWN_MODULES.get(os_key or _os_key(), ()):
        for name in module.paths:
            candidates = [Path(name)] if Path(name).is_absolute() else [d / name for d in _search_dirs()]
            for path in candidates:
                if path.is_file() and str(path) not in [p for _, p in found]:
                    found.append((module.vendor, str(path)))
    return found


@dataclass(frozen=True)
class TokenSelector:
    """Which token: by label, by serial, or both (both must then match)."""

    label: str | None = None
    serial: str | None = None

    def __post_init__(self) -> None:
        if self.label is None and self.serial is None:
            raise ValueError("a token is selected by label or serial")

    def describe(self) -> str:
        return self.label or self.serial or "?"


@dataclass(frozen=True)
class TokenInfo:
    label: str
    serial: str
    manufacturer: str
    model: str
    login_required: bool
    pin_count_low: bool  # a wrong PIN was entered since the last good login
    pin_final_try: bool  # one more wrong PIN locks the token
    pin_locked: bool

    @property
    def selector(self) -> TokenSelector:
        return TokenSelector(label=self.label, serial=self.serial)


@dataclass(frozen=True)
class CertificateInfo:
    token_label: str
    object_label: str
    key_id: bytes  # CKA_ID: the private key with the same ID signs for this certificate
    subject: str
    common_name: str
    issuer: str
    not_before: datetime
    not_after: datetime
    key_usage: tuple[str, ...]  # "digital_signature", "content_commitment", "key_cert_sign", ...
    is_ca: bool
    fingerprint_sha256: str
    der: bytes

    @property
    def certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(self.der)


_KEY_USAGE_NAMES = ("digital_signature", "content_commitment", "key_encipherment", "data_encipherment",
                    "key_agreement", "key_cert_sign", "crl_sign")


def describe_certificate(
    der: bytes, token_label: str = "", object_label: str = "", key_id: bytes = b"",
) -> CertificateInfo:
    cert = x509.load_der_x509_certificate(der)
    try:
        ku = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        usages = tuple(n for n in _KEY_USAGE_NAMES if getattr(ku, n))
    except x509.ExtensionNotFound:
        usages = ()
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    cns = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return CertificateInfo(
        token_label=token_label, object_label=object_label, key_id=key_id, subject=_shown_name(cert.subject),
        common_name=str(cns[0].value) if cns else _shown_name(cert.subject), issuer=_shown_name(cert.issuer),
        not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc, key_usage=usages, is_ca=is_ca,
        fingerprint_sha256=cert.fingerprint(hashes.SHA256()).hex(), der=der,
    )


def pin_error(flags: int, token_label: str) -> SigningError:
    """A rejected PIN, with how close the token is to locking when its flags say so (many tokens lock after 3–10)."""
    from pkcs11 import TokenFlag

    if flags & TokenFlag.USER_PIN_LOCKED:
        return SigningError("token.pin_locked", token=token_label)
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return SigningError("token.pin_incorrect", token=token_label, remaining_tries=1, low=True)
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        return SigningError("token.pin_incorrect", token=token_label, remaining_tries=None, low=True)
    return SigningError("token.pin_incorrect", token=token_label, remaining_tries=None, low=False)


def translate_error(exc: BaseException, token_label: str, *, mid_operation: bool) -> SigningError | None:
    """Map a python-pkcs11 exception to what the user must do; None when it is not a token problem (a bug)."""
    import pkcs11.exceptions as p11e

    if isinstance(exc, SigningError):
        return exc
    if isinstance(exc, p11e.PinLocked):
        return SigningError("token.pin_locked", token=token_label)
    if isinstance(exc, p11e.PinExpired):
        return SigningError("token.pin_expired", token=token_label)
    if isinstance(exc, p11e.PinLenRange | p11e.PinInvalid):
        return SigningError("token.pin_incorrect", token=token_label, remaining_tries=None, low=False)
    gone = (p11e.DeviceRemoved, p11e.TokenNotPresent, p11e.ObjectHandleInvalid, p11e.SessionHandleInvalid,
            p11e.SessionClosed, p11e.TokenNotRecognised)
    if isinstance(exc, gone):
        return SigningError("token.removed" if mid_operation else "token.absent", token=token_label)
    if isinstance(exc, p11e.NoSuchToken):
        return SigningError("token.not_found", token=token_label)
    if isinstance(exc, p11e.NoSuchKey):
        return SigningError("token.key_not_found", token=token_label)
    if isinstance(exc, p11e.PKCS11Error):
        detail = type(exc).__name__ + (f": {exc}" if str(exc) else "")
        return SigningError("token.error", token=token_label, detail=detail)
    return None


class _InlineExecutor(concurrent.futures.ThreadPoolExecutor):
    """Runs submitted work at once on the calling thread.

    pyHanko's PKCS11Signer hands key look-ups and the signing call to the event loop's default executor (another
    thread); with this executor as the loop's default they stay on the token thread.
    """

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[T]:
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def run_async_on_this_thread(coro: Any) -> Any:
    """Run a pyHanko coroutine to completion without leaving the current (token) thread."""
    loop = asyncio.new_event_loop()
    loop.set_default_executor(_InlineExecutor(max_workers=1))
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


class TokenWorker:
    """One PKCS#11 module, one thread, at most one session per token.

    `keep_login=False` (the default) logs out after every operation, so each signature asks for the PIN;
    `keep_login=True` keeps the token's session logged in until `logout()`, for offices that choose a PIN per session.
    """

    def __init__(self, module_path: str, *, keep_login: bool = False) -> None:
        self.module_path = module_path
        self.keep_login = keep_login
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="token-worker")
        self._lib: Any = None
        self._sessions: dict[str, Any] = {}  # by token serial; touched only on the worker thread
        self._thread_id: int | None = None

    # -- plumbing ---------------------------------------------------------------------------------------------------
    def call(self, fn: Callable[[], T]) -> T:
        """Run `fn` on the token thread and wait for it (re-entrant: a call from the token thread runs inline)."""
        if threading.get_ident() == self._thread_id:
            return fn()
        return self.submit(fn).result()

    def submit(self, fn: Callable[[], T]) -> concurrent.futures.Future[T]:
        def wrapped() -> T:
            self._thread_id = threading.get_ident()
            return fn()

        return self._executor.submit(wrapped)

    def close(self) -> None:
        """Close every session (logging out) and stop the thread."""
        try:
            self.call(self._close_all)
        finally:
            self._executor.shutdown(wait=True)

    def _module(self) -> Any:
        if self._lib is None:
            if not Path(self.module_path).is_file():
                raise SigningError("token.module_missing", module=self.module_path)
            import pkcs11

            try:
                self._lib = pkcs11.lib(self.module_path)
            except pkcs11.PKCS11Error as exc:
                raise SigningError("token.module_failed", module=self.module_path, detail=str(exc)) from exc
        return self._lib

    def _close_all(self) -> None:
        for session in self._sessions.values():
            try:
                session.close()
            except Exception:  # a pulled token's session cannot be closed cleanly; it is gone either way
                log.debug("closing a dead token session failed", exc_info=True)
        self._sessions.clear()

    def _slots_tokens(self) -> list[Any]:
        """Initialised tokens present now; reinitialises the module once when a pulled token left it confused."""
        import pkcs11
        from pkcs11 import TokenFlag

        lib = self._module()
        for attempt in range(2):
            try:
                tokens = []
                for slot in lib.get_slots(token_present=True):
                    token = slot.get_token()
                    if token.flags & TokenFlag.TOKEN_INITIALIZED:
                        tokens.append(token)
                return tokens
            except pkcs11.PKCS11Error as exc:
                if attempt == 1:
                    raise SigningError("token.error", token="", detail=type(exc).__name__) from exc
                self._reinitialize()
        return []

    def _reinitialize(self) -> None:
        self._sessions.clear()  # finalize drops every session of the module
        try:
            self._module().reinitialize()
        except Exception as exc:
            raise SigningError("token.module_failed", module=self.module_path, detail=type(exc).__name__) from exc

    def _find(self, selector: TokenSelector) -> Any:
        try:
            present = self._slots_tokens()
        except SigningError as exc:
            if self._lib is None or exc.code not in ("token.error", "token.module_failed"):
                raise
            # The module loaded before but cannot list or re-initialise now: what a pulled token looks like to
            # SoftHSM (and to some vendor modules). `refresh()` after plugging it back in.
            raise SigningError("token.absent", token=selector.describe()) from exc
        for token in present:
            serial = _serial(token)
            if (selector.label is None or token.label == selector.label) and (
                selector.serial is None or serial == selector.serial
            ):
                return token
        raise SigningError("token.not_found", token=selector.describe())

    # -- public API -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Forget sessions and re-read the module's token list (after plugging in, or a new SOFTHSM2_CONF)."""
        self.call(self._reinitialize)

    def list_tokens(self) -> list[TokenInfo]:
        return self.call(lambda: [_token_info(t) for t in self._slots_tokens()])

    def token_info(self, selector: TokenSelector) -> TokenInfo:
        return self.call(lambda: _token_info(self._find(selector)))

    def certificates(self, selector: TokenSelector) -> list[CertificateInfo]:
        """Certificates on the token (public objects: no PIN needed), the signing ones first."""

        def work(session: Any) -> list[CertificateInfo]:
            return _read_certificates(session, selector.describe())

        infos = self.run(selector, None, work, login=False)
        return sorted(infos, key=lambda c: (c.is_ca, c.common_name))

    def logout(self, selector: TokenSelector | None = None) -> None:
        def work() -> None:
            if selector is None:
                self._close_all()
                return
            for serial, session in list(self._sessions.items()):
                if session.token.label == selector.label or serial == selector.serial:
                    del self._sessions[serial]
                    try:
                        session.close()
                    except Exception:
                        log.debug("closing a dead token session failed", exc_info=True)

        self.call(work)

    def run(self, selector: TokenSelector, pin: str | None, work: Callable[[Any], T], *, login: bool = True) -> T:
        """Run `work(session)` on the token thread with a (logged-in, when `login`) session of the selected token.

        Raises SigningError with a `token.*` code for everything the user can act on.
        """
        return self.call(lambda: self._run(selector, pin, work, login))

    def _run(self, selector: TokenSelector, pin: str | None, work: Callable[[Any], T], login: bool) -> T:
        label = selector.describe()
        try:
            token = self._find(selector)
        except SigningError:
            raise
        except Exception as exc:
            mapped = translate_error(exc, label, mid_operation=False)
            if mapped is None:
                raise
            raise mapped from exc
        label = token.label
        session = self._open(token, pin, login)
        try:
            return work(session)
        except Exception as exc:
            self._drop(token)
            mapped = translate_error(exc, label, mid_operation=True)
            if mapped is None:
                raise
            raise mapped from exc
        finally:
            if not self.keep_login and _serial(token) in self._sessions:
                self._drop(token)

    def _open(self, token: Any, pin: str | None, login: bool) -> Any:
        import pkcs11
        from pkcs11 import TokenFlag

        serial = _serial(token)
        cached = self._sessions.get(serial)
        if cached is not None and (pin is None or not login):
            return cached
        if cached is not None:
            self._drop(token)  # a PIN was given: verify it afresh
        if login and token.flags & TokenFlag.USER_PIN_LOCKED:
            raise SigningError("token.pin_locked", token=token.label)
        needs_pin = login and bool(token.flags & TokenFlag.LOGIN_REQUIRED)
        if needs_pin and not pin:
            raise SigningError("token.pin_required", token=token.label)
        try:
            session = token.open(user_pin=pin if needs_pin else None)
        except pkcs11.exceptions.PinIncorrect as exc:
            raise pin_error(self._fresh_flags(token), token.label) from exc
        except pkcs11.exceptions.UserAlreadyLoggedIn:
            # Another session of ours is logged in (e.g. left by a crashed operation): reset the module's sessions.
            self._reinitialize()
            token = self._find(TokenSelector(serial=serial))
            session = token.open(user_pin=pin if needs_pin else None)
        except Exception as exc:
            mapped = translate_error(exc, token.label, mid_operation=False)
            if mapped is None:
                raise
            raise mapped from exc
        self._sessions[serial] = session
        return session

    def _fresh_flags(self, token: Any) -> int:
        try:
            return int(token.slot.get_token().flags)
        except Exception:
            return 0

    def _drop(self, token: Any) -> None:
        session = self._sessions.pop(_serial(token), None)
        if session is not None:
            try:
                session.close()
            except Exception:
                log.debug("closing a dead token session failed", exc_info=True)


def _serial(token: Any) -> str:
    raw = token.serial
    return (raw.decode("ascii", "replace") if isinstance(raw, bytes) else str(raw)).strip()


def _token_info(token: Any) -> TokenInfo:
    from pkcs11 import TokenFlag

    flags = token.flags
    return TokenInfo(
        label=token.label, serial=_serial(token), manufacturer=token.manufacturer_id.strip(),
        model=token.model.strip(), login_required=bool(flags & TokenFlag.LOGIN_REQUIRED),
        pin_count_low=bool(flags & TokenFlag.USER_PIN_COUNT_LOW),
        pin_final_try=bool(flags & TokenFlag.USER_PIN_FINAL_TRY), pin_locked=bool(flags & TokenFlag.USER_PIN_LOCKED),
    )


def _read_certificates(session: Any, token_label: str) -> list[CertificateInfo]:
    from pkcs11 import Attribute, ObjectClass

    infos = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            der = bytes(obj[Attribute.VALUE])
            label = str(obj[Attribute.LABEL])
            key_id = bytes(obj[Attribute.ID])
        except Exception:  # an attribute the token refuses to show: skip that object, keep the rest
            log.debug("unreadable certificate object skipped", exc_info=True)
            continue
        try:
            infos.append(describe_certificate(der, token_label, label, key_id))
        except ValueError:
            log.info("a certificate on token %s is not valid DER and was skipped", token_label)
    return infos


def signing_key_id(session: Any, token_label: str, wanted: bytes | None = None) -> bytes:
    """The CKA_ID of the key to sign with: `wanted`, or the token's only private signing key with a certificate."""
    from pkcs11 import Attribute, ObjectClass

    key_ids = []
    for key in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.SIGN: True}):
        key_ids.append(bytes(key[Attribute.ID]))
    cert_ids = {bytes(c[Attribute.ID]) for c in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})}
    usable = [k for k in key_ids if k in cert_ids]
    if wanted is not None:
        if wanted not in key_ids:
            raise SigningError("token.key_not_found", token=token_label)
        if wanted not in cert_ids:
            raise SigningError("token.certificate_not_found", token=token_label)
        return wanted
    if not usable:
        raise SigningError("token.key_not_found" if not key_ids else "token.certificate_not_found", token=token_label)
    if len(usable) > 1:
        raise SigningError("token.key_ambiguous", token=token_label, count=len(usable))
    return usable[0]


def chain_certificates(session: Any, exclude_id: bytes) -> list[bytes]:
    """DER of the other certificates on the token (the chain, as Vietnamese tokens store it)."""
    from pkcs11 import Attribute, ObjectClass

    return [bytes(c[Attribute.VALUE]) for c in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
            if bytes(c[Attribute.ID]) != exclude_id]


# Vietnamese CAs put the holder's position in "title" (2.5.4.12), which RFC 4514 has no short name for: without
# one, people read "2.5.4.12=Giám đốc" under the token.
_NAME_LABELS = {x509.NameOID.TITLE: "T"}


def _shown_name(name: x509.Name) -> str:
    """A distinguished name as people read it: RFC 4514 with a short name for the title too."""
    return name.rfc4514_string(attr_name_overrides=_NAME_LABELS)
