"""What the application asks of signing: which token is whose, prepare a draft, sign, number and seal, verify.

Wraps the low-level pieces (tokens.py, sign.py, verify.py) with the app's rules: role checks, an audit event per
state-changing call, tokens remembered per user, the agency's seal token, and the trust roots to verify against.
PINs pass straight through to the token login; they are never stored, logged or put into audit details.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.enums import Role
from app.domain.model import Actor
from app.services.context import StoreContext
from app.services.permissions import require_role
from app.services.signing import revocation
from app.services.signing import sign as _sign
from app.services.signing.errors import SigningError
from app.services.signing.pki import DemoPki, create_demo_pki, find_softhsm_module, issue_crl, load_demo_pki
from app.services.signing.revocation import DEFAULT_TIMEOUT
from app.services.signing.sign import SigningLayout, TokenKey
from app.services.signing.tokens import CertificateInfo, TokenInfo, TokenSelector, TokenWorker, detect_modules
from app.services.signing.verify import TrustRoot, VerificationReport, verify_pdf

log = logging.getLogger(__name__)

OWNERS_FILE = "token_owners.json"
DEMO_ORG_LABEL = "DEMO_CO_QUAN"
ORGANISATION_KEY = "@organisation"


@dataclass(frozen=True)
class SigningConfig:
    """Where the tokens are and what to trust.

    `module_path`: settings.token_module (None: the demo SoftHSM module when the demo PKI exists, else the first
    detected vendor module). `pki_dir`: data_dir/"pki" (the demo PKI; also where token owners are remembered).
    `trust_demo_root`: demo mode only. `trust_dir`: the admin-managed folder of trust anchors (PEM/DER files).
    `chuyen_dung_dir`: the VGCA (Ban Cơ yếu) roots among the anchors. `crl_dir`: CRL files to check revocation
    offline (the demo CA publishes its CRL into pki_dir, which is always read too). `online_revocation`: also ask
    the CAs' OCSP responders and fetch their CRLs (off for offices behind strict firewalls: settings
    `VANTHU_ONLINE_REVOCATION=0`); what is fetched is kept in `revocation_cache_dir` until its nextUpdate.
    """

    module_path: str | None = None
    pki_dir: Path | None = None
    trust_demo_root: bool = False
    trust_dir: Path | None = None
    chuyen_dung_dir: Path | None = None
    crl_dir: Path | None = None
    online_revocation: bool = False
    revocation_cache_dir: Path | None = None
    revocation_timeout: float = DEFAULT_TIMEOUT

    @staticmethod
    def for_data_dir(data_dir: Path, *, module_path: str | None = None, demo_mode: bool = False,
                     online_revocation: bool = True) -> SigningConfig:
        return SigningConfig(module_path=module_path, pki_dir=data_dir / "pki", trust_demo_root=demo_mode,
                             trust_dir=data_dir / "trust", chuyen_dung_dir=data_dir / "trust" / "chuyen_dung",
                             crl_dir=data_dir / "trust" / "crl", online_revocation=online_revocation,
                             revocation_cache_dir=data_dir / "cache" / "revocation")


@dataclass(frozen=True)
class TokenChoice:
    """A token with the certificate it signs with, for the PIN dialog's picker."""

    token: TokenInfo
    certificate: CertificateInfo | None


class SigningService:
    def __init__(self, ctx: StoreContext, config: SigningConfig) -> None:
        self._ctx = ctx
        self._config = config
        self._worker: TokenWorker | None = None
        self._lock = threading.Lock()

    # -- tokens -----------------------------------------------------------------------------------------------------
    @property
    def config(self) -> SigningConfig:
        return self._config

    def module_path(self) -> str | None:
        """The PKCS#11 module used: the configured one, the demo SoftHSM (when the demo PKI exists), a detected one."""
        if self._config.module_path:
            return self._config.module_path
        demo = self._demo_pki()
        if demo is not None:
            return demo.module_path
        found = detect_modules(None)
        return found[0][1] if found else None

    def worker(self) -> TokenWorker:
        with self._lock:
            if self._worker is None:
                demo = self._demo_pki()
                changed = False
                if demo is not None and os.environ.get("SOFTHSM2_CONF") != str(demo.softhsm_conf):
                    os.environ["SOFTHSM2_CONF"] = str(demo.softhsm_conf)  # before the module loads (pki.py)
                    changed = True
                module = self.module_path()
                if module is None:
                    raise SigningError("token.module_missing", module="")
                self._worker = TokenWorker(module)
                if changed:
                    try:
                        self._worker.refresh()  # the module may be loaded already with another SOFTHSM2_CONF
                    except SigningError:
                        log.debug("token module refresh failed", exc_info=True)
            return self._worker

    def tokens(self) -> list[TokenInfo]:
        return self.worker().list_tokens()

    def token_choices(self) -> list[TokenChoice]:
        """Every token with its signing certificate (public objects: no PIN needed)."""
        worker = self.worker()
        choices = []
        for info in worker.list_tokens():
            try:
                certs = [c for c in worker.certificates(info.selector) if not c.is_ca]
            except SigningError:
                certs = []
            choices.append(TokenChoice(info, certs[0] if certs else None))
        return choices

    def token_info(self, selector: TokenSelector) -> TokenInfo:
        return self.worker().token_info(selector)

    def certificates(self, selector: TokenSelector) -> list[CertificateInfo]:
        return self.worker().certificates(selector)

    def token_for(self, actor: Actor) -> TokenSelector | None:
        return self._owner(_user_key(actor))

    def remember_token(self, actor: Actor, selector: TokenSelector) -> None:
        self._remember(_user_key(actor), selector)

    def organisation_token(self) -> TokenSelector | None:
        remembered = self._owner(ORGANISATION_KEY)
        if remembered is not None:
            return remembered
        demo = self._demo_pki()
        if demo is not None:
            for label, ident in demo.identities.items():
                if ident.kind == "organisation":
                    return TokenSelector(label=label)
        return None

    def remember_organisation_token(self, actor: Actor, selector: TokenSelector) -> None:
        require_role(self._ctx, actor, "signing.set_organisation_token", Role.ADMIN, Role.CLERK)
        self._remember(ORGANISATION_KEY, selector)
        self._audit(actor, "signing.organisation_token_set", "token", selector.describe(), {})

    def setup_demo_tokens(self, people: Sequence[tuple[Actor, str]], org_name: str) -> DemoPki | None:
        """Create the demo PKI in `pki_dir`: one SoftHSM2 token per (person, position title), one for the agency;
        each person's token is remembered as theirs and the agency's as the seal token. Replaces an earlier demo PKI.

        None (and a log line) when SoftHSM2 is not installed: the demo works without signing.
        """
        pki_dir = self._config.pki_dir
        if pki_dir is None:
            return None
        if find_softhsm_module() is None or shutil.which("softhsm2-util") is None:
            log.warning("SoftHSM2 is not installed: the demo has no signing tokens (install the softhsm2 package)")
            return None
        self.close()
        if pki_dir.exists():
            shutil.rmtree(pki_dir)
        labels = [(actor, _demo_label(actor.username), title) for actor, title in people]
        pki = create_demo_pki(pki_dir, [(label, actor.full_name, title) for actor, label, title in labels],
                              (DEMO_ORG_LABEL, org_name))
        issue_crl(pki, [])  # the demo CA publishes its (empty) CRL, so the badges can say "not revoked"
        for actor, label, _title in labels:
            self._remember(_user_key(actor), TokenSelector(label=label))
        self._remember(ORGANISATION_KEY, TokenSelector(label=DEMO_ORG_LABEL))
        self._audit(Actor.system("demo-setup"), "signing.demo_tokens_created", "pki", str(pki_dir),
                    {"tokens": [label for _a, label, _t in labels] + [DEMO_ORG_LABEL]})
        return pki

    # -- documents --------------------------------------------------------------------------------------------------
    def locate(self, pdf: bytes, *, signer_name: str, signer_title: str) -> SigningLayout:
        from app.services.signing.locate import locate_layout

        return locate_layout(pdf, signer_name=signer_name, signer_title=signer_title)

    def prepare(self, pdf: bytes, *, signer_name: str, signer_title: str, layout: SigningLayout | None = None) -> bytes:
        if layout is None:
            layout = self.locate(pdf, signer_name=signer_name, signer_title=signer_title)
        return _sign.prepare_draft(pdf, layout)

    def sign_leader(self, actor: Actor, pdf: bytes, pin: str | None, *, selector: TokenSelector | None = None) -> bytes:
        require_role(self._ctx, actor, "signing.sign_leader", Role.LEADER, Role.DEPUTY)
        selector = selector or self.token_for(actor)
        if selector is None:
            raise SigningError("signing.no_personal_token", user=actor.full_name)
        from app.services.signing.images import make_signature_png
        from app.services.signing.locate import field_box

        box = field_box(pdf, _sign.LEADER_FIELD)
        if box is None:
            raise SigningError("signing.field_missing", field=_sign.LEADER_FIELD)
        image = make_signature_png(actor.full_name)
        out = _sign.sign_leader(pdf, TokenKey(self.worker(), selector), pin, box, image, clock=self._ctx.clock)
        self._audit(actor, "signing.leader_signed", "pdf", _sha(out),
                    {"token": selector.describe(), "input_sha256": _sha(pdf), "output_sha256": _sha(out)})
        return out

    def number_and_seal(self, actor: Actor, pdf: bytes, *, number_notation: str, date_line: str,
                        pin: str | None) -> bytes:
        require_role(self._ctx, actor, "signing.number_and_seal", Role.CLERK)
        selector = self._org_selector()
        from app.services.signing.locate import field_box

        box = field_box(pdf, _sign.LEADER_FIELD)
        if box is None:
            raise SigningError("signing.field_missing", field=_sign.LEADER_FIELD)
        number = number_notation if number_notation.strip().lower().startswith("số") else f"Số: {number_notation}"
        out = _sign.number_and_seal(pdf, number, date_line, TokenKey(self.worker(), selector), pin, box,
                                    clock=self._ctx.clock)
        self._audit(actor, "signing.numbered_and_sealed", "pdf", _sha(out),
                    {"token": selector.describe(), "number": number, "date": date_line, "input_sha256": _sha(pdf),
                     "output_sha256": _sha(out)})
        return out

    def check_appendix(self, pdf: bytes) -> None:
        """Raise the SigningError that sealing this separate appendix file would raise, without a token."""
        _sign.check_attachment(pdf)

    def seal_appendix(self, actor: Actor, pdf: bytes, *, number_notation: str, pin: str | None) -> bytes:
        """A separate-file appendix: the organisation's text-only signature with the main document's number and the
        signing time, top right of page 1 (ND30 App I §III.1.c–d). Same token and PIN as the main document's seal."""
        require_role(self._ctx, actor, "signing.seal_appendix", Role.CLERK)
        selector = self._org_selector()
        out = _sign.sign_attachment(pdf, TokenKey(self.worker(), selector), pin, number_notation,
                                    clock=self._ctx.clock)
        self._audit(actor, "signing.appendix_sealed", "pdf", _sha(out),
                    {"token": selector.describe(), "number": number_notation, "input_sha256": _sha(pdf),
                     "output_sha256": _sha(out)})
        return out

    def sign_digitised_copy(self, actor: Actor, pdf: bytes, pin: str | None) -> bytes:
        require_role(self._ctx, actor, "signing.sign_digitised_copy", Role.CLERK)
        selector = self._org_selector()
        out = _sign.sign_digitised_copy(pdf, TokenKey(self.worker(), selector), pin, clock=self._ctx.clock)
        self._audit(actor, "signing.digitised_copy_signed", "pdf", _sha(out),
                    {"token": selector.describe(), "input_sha256": _sha(pdf), "output_sha256": _sha(out)})
        return out

    def verify(self, pdf: bytes, *, restricted: bool = False) -> VerificationReport:
        """Every signature checked against the trust anchors, with revocation from the CRL files at hand and, when
        the settings allow and the document is not `restricted` (secret or restriction-stamped: verified offline
        only, never a request leaves the machine for it), from the CAs online."""
        roots, specialised = self.trust_roots()
        with revocation.checking(self.revocation_policy(restricted=restricted)) as session:
            report = verify_pdf(pdf, roots, chuyen_dung_roots=specialised, crls=self.crls(), at=self._ctx.clock())
        return session.apply(report)

    def revocation_policy(self, *, restricted: bool = False) -> revocation.RevocationPolicy:
        policy = revocation.RevocationPolicy(online=self._config.online_revocation,
                                             timeout=self._config.revocation_timeout,
                                             cache_dir=self._config.revocation_cache_dir)
        if restricted:
            return policy.offline(revocation.REASON_RESTRICTED)
        return policy if policy.online else policy.offline(revocation.REASON_OFFLINE_SETTING)

    def crls(self) -> list[bytes]:
        """CRL files: the admin's folder, and the demo CA's (in pki_dir) when the demo root is trusted."""
        found = _read_files(self._config.crl_dir, (".crl",))
        if self._config.trust_demo_root and self._config.pki_dir is not None:
            found += _read_files(self._config.pki_dir, (".crl",))
        return found

    def trust_roots(self) -> tuple[list[TrustRoot], list[TrustRoot]]:
        """(trust anchors, chuyên dùng anchors): the admin's folders, plus the demo root in demo mode only."""
        roots: list[TrustRoot] = list(_read_certs(self._config.trust_dir))
        specialised: list[TrustRoot] = list(_read_certs(self._config.chuyen_dung_dir))
        if self._config.trust_demo_root:
            demo = self._demo_pki()
            if demo is not None:
                roots.append(demo.root_pem.read_bytes())
        return roots, specialised

    def logout(self) -> None:
        """Close the token sessions (a PIN kept for the session is forgotten by the UI at the same time)."""
        if self._worker is not None:
            self._worker.logout()

    def close(self) -> None:
        with self._lock:
            if self._worker is not None:
                self._worker.close()
                self._worker = None

    # -- internals --------------------------------------------------------------------------------------------------
    def _org_selector(self) -> TokenSelector:
        selector = self.organisation_token()
        if selector is None:
            raise SigningError("signing.no_organisation_token")
        return selector

    def _demo_pki(self) -> DemoPki | None:
        if self._config.pki_dir is None:
            return None
        return load_demo_pki(self._config.pki_dir)

    def _owners_path(self) -> Path | None:
        return None if self._config.pki_dir is None else self._config.pki_dir / OWNERS_FILE

    def _owners(self) -> dict[str, dict[str, str | None]]:
        path = self._owners_path()
        if path is None or not path.is_file():
            return dict(getattr(self, "_memory_owners", {}))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("the token owners file %s is unreadable; tokens must be chosen again", path)
            return {}
        return data if isinstance(data, dict) else {}

    def _owner(self, key: str) -> TokenSelector | None:
        entry = self._owners().get(key)
        if not entry or not (entry.get("label") or entry.get("serial")):
            return None
        return TokenSelector(label=entry.get("label"), serial=entry.get("serial"))

    def _remember(self, key: str, selector: TokenSelector) -> None:
        owners = self._owners()
        owners[key] = {"label": selector.label, "serial": selector.serial}
        path = self._owners_path()
        if path is None:
            self._memory_owners = owners
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(owners, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(path)

    def _audit(self, actor: Actor, action: str, object_type: str, object_id: str, details: dict[str, Any]) -> None:
        with self._ctx.db.session() as s:
            self._ctx.audit.record(s, actor, action, object_type, object_id, details)


def _demo_label(username: str) -> str:
    return ("DEMO_" + username.upper())[:32]  # a PKCS#11 token label holds at most 32 bytes


def _user_key(actor: Actor) -> str:
    return f"user:{actor.user_id}" if actor.user_id is not None else f"name:{actor.username}"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_certs(folder: Path | None) -> list[bytes]:
    return _read_files(folder, (".pem", ".crt", ".cer", ".der"))


def _read_files(folder: Path | None, suffixes: tuple[str, ...]) -> list[bytes]:
    if folder is None or not folder.is_dir():
        return []
    return [p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in suffixes]
