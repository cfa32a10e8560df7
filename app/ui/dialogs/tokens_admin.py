"""Quản trị → "Tokens and trust…": the tokens this computer sees, the agency's seal token, the trust anchors and CRLs.

- Tokens: the PKCS#11 module in use and every token it finds (label, serial, maker, and the signing certificate's
  holder, issuer and validity). The admin picks which one is the agency's seal token (the clerk's "number and seal"
  and the digitised-copy signature use it). Token calls go through the job runner: a real token takes a second or
  more per call and the window must not freeze.
- Trust: the admin-managed folders the verification reads (design §6): trust anchors, the chữ ký số chuyên dùng
  (Ban Cơ yếu) roots among them, and CRL files for offline revocation checks, each file with its subject and validity;
  in demo mode the demo root and the demo CA's CRL are listed too (they live in the demo PKI folder). A new root
  (.pem/.cer/.crt/.der) or CRL (.crl) is checked, then copied into its folder, and the change is audited.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Role
from app.domain.errors import DomainError, ValidationError
from app.domain.model import Actor
from app.services.context import StoreContext
from app.services.permissions import require_role
from app.services.signing.pki import CRL_FILE, load_demo_pki
from app.services.signing.service import SigningConfig, TokenChoice
from app.services.signing.tokens import TokenSelector
from app.ui.dialogs import ERROR_STYLE
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages.common import PageEnv, fill_table, make_table

if TYPE_CHECKING:  # PySide6 types the marker as returning object; it returns the source string unchanged

    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "TokensAdminDialog"
CERT_SUFFIXES = (".pem", ".cer", ".crt", ".der")
CRL_SUFFIXES = (".crl",)
INFO_STYLE = "color: #1b5e20;"


class TrustKind(StrEnum):
    ANCHOR = "anchor"
    CHUYEN_DUNG = "chuyen_dung"
    CRL = "crl"
    DEMO_ROOT = "demo_root"
    DEMO_CRL = "demo_crl"


KIND_TEXT = {
    TrustKind.ANCHOR: QT_TRANSLATE_NOOP("TokensAdminDialog", "Trust anchor"),
    TrustKind.CHUYEN_DUNG: QT_TRANSLATE_NOOP("TokensAdminDialog", "Chuyên dùng root (Ban Cơ yếu)"),
    TrustKind.CRL: QT_TRANSLATE_NOOP("TokensAdminDialog", "Revocation list"),
    TrustKind.DEMO_ROOT: QT_TRANSLATE_NOOP("TokensAdminDialog", "Demo root (demo mode only)"),
    TrustKind.DEMO_CRL: QT_TRANSLATE_NOOP("TokensAdminDialog", "Demo revocation list"),
}


@dataclass(frozen=True)
class TrustEntry:
    """One certificate or CRL in a trust folder: who it is, from when to when; `problem` when it cannot be read."""

    kind: TrustKind
    path: Path
    subject: str
    valid_from: datetime | None
    valid_to: datetime | None
    problem: str = ""


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


# -- the trust folders (plain functions: the dialog and the tests call them) -----------------------------------------
def parse_certificates(data: bytes) -> list[x509.Certificate]:
    """The certificates of a PEM file (one or a bundle) or of a DER file; [] when it is neither."""
    try:
        if b"-----BEGIN" in data:
            return list(x509.load_pem_x509_certificates(data))
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        return []


def parse_crl(data: bytes) -> x509.CertificateRevocationList | None:
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_crl(data)
        return x509.load_der_x509_crl(data)
    except ValueError:
        return None


def folder_for(config: SigningConfig, kind: TrustKind) -> Path | None:
    return {TrustKind.ANCHOR: config.trust_dir, TrustKind.CHUYEN_DUNG: config.chuyen_dung_dir,
            TrustKind.CRL: config.crl_dir}.get(kind)


def _entries(kind: TrustKind, path: Path) -> list[TrustEntry]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [TrustEntry(kind, path, "", None, None, str(exc))]
    if kind in (TrustKind.CRL, TrustKind.DEMO_CRL):
        crl = parse_crl(data)
        if crl is None:
            return [TrustEntry(kind, path, "", None, None, _tr("not a revocation list"))]
        return [TrustEntry(kind, path, crl.issuer.rfc4514_string(), crl.last_update_utc, crl.next_update_utc)]
    certs = parse_certificates(data)
    if not certs:
        return [TrustEntry(kind, path, "", None, None, _tr("not a certificate"))]
    return [TrustEntry(kind, path, c.subject.rfc4514_string(), c.not_valid_before_utc, c.not_valid_after_utc)
            for c in certs]


def trust_entries(config: SigningConfig) -> list[TrustEntry]:
    """What the verification trusts and checks revocation with, file by file (the same folders it reads)."""
    found: list[TrustEntry] = []
    for kind, suffixes in ((TrustKind.ANCHOR, CERT_SUFFIXES), (TrustKind.CHUYEN_DUNG, CERT_SUFFIXES),
                           (TrustKind.CRL, CRL_SUFFIXES)):
        folder = folder_for(config, kind)
        if folder is not None and folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file() and path.suffix.lower() in suffixes:
                    found += _entries(kind, path)
    if config.trust_demo_root and config.pki_dir is not None:
        demo = load_demo_pki(config.pki_dir)
        if demo is not None and demo.root_pem.is_file():
            found += _entries(TrustKind.DEMO_ROOT, demo.root_pem)
        crl = config.pki_dir / CRL_FILE
        if crl.is_file():
            found += _entries(TrustKind.DEMO_CRL, crl)
    return found


def add_trust_file(ctx: StoreContext, config: SigningConfig, actor: Actor, source: Path, kind: TrustKind) -> Path:
    """Check `source` is a certificate (anchor, chuyên dùng root) or a CRL, copy it into its folder (a different file
    of the same name gets a numbered name; the same file twice is kept once) and audit it. Returns the copy's path."""
    require_role(ctx, actor, "signing.trust_add", Role.ADMIN)
    folder = folder_for(config, kind)
    if folder is None:
        raise ValidationError("trust.folder_missing")
    suffix = source.suffix.lower()
    if suffix not in (CRL_SUFFIXES if kind is TrustKind.CRL else CERT_SUFFIXES):
        raise ValidationError("trust.file_type", name=source.name)
    try:
        data = source.read_bytes()
    except OSError:
        code = "trust.crl_invalid" if kind is TrustKind.CRL else "trust.certificate_invalid"
        raise ValidationError(code, name=source.name) from None
    if kind is TrustKind.CRL:
        crl = parse_crl(data)
        if crl is None:
            raise ValidationError("trust.crl_invalid", name=source.name)
        subject = crl.issuer.rfc4514_string()
    else:
        certs = parse_certificates(data)
        if not certs:
            raise ValidationError("trust.certificate_invalid", name=source.name)
        subject = "; ".join(c.subject.rfc4514_string() for c in certs)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    n = 1
    while target.exists() and target.read_bytes() != data:
        n += 1
        target = folder / f"{source.stem}-{n}{source.suffix}"
    if target.exists():
        return target  # already there: nothing changes, nothing to audit
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    with ctx.db.session() as s:
        ctx.audit.record(s, actor, "signing.trust_file_added", "trust", target.name,
                         {"kind": kind.value, "subject": subject, "sha256": hashlib.sha256(data).hexdigest()})
    return target


# -- the dialog --------------------------------------------------------------------------------------------------------
class TokensAdminDialog(QDialog):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tokensAdminDialog")
        self.setWindowTitle(self.tr("Tokens and trust"))
        self.resize(1060, 720)
        self._env = env
        self._signing = env.services.signing
        self.actor = Actor.of(env.user)
        self.choices: list[TokenChoice] = []
        self.organisation: TokenSelector | None = None
        self.entries: list[TrustEntry] = []
        self.job: Job | None = None

        # tokens
        tokens_box = QGroupBox(self.tr("Tokens on this computer"), self)
        self.module = QLabel(tokens_box)
        self.module.setObjectName("tokensModule")
        self.module.setWordWrap(True)
        self.module.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tokens: QTableWidget = make_table(self, [
            self.tr("Token"), self.tr("Serial"), self.tr("Model"), self.tr("Certificate holder"),
            self.tr("Issuer"), self.tr("Valid from"), self.tr("Valid until"), self.tr("Agency seal"),
        ], stretch_column=3)
        self.tokens.setObjectName("tokensTable")
        self.tokens.setWordWrap(False)
        self.tokens.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tokens.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tokens.itemSelectionChanged.connect(self._token_selected)
        self.token_status = QLabel(tokens_box)
        self.token_status.setObjectName("tokensStatus")
        self.token_status.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Look for tokens again"), tokens_box)
        self.refresh_button.setObjectName("tokensRefresh")
        self.refresh_button.clicked.connect(lambda: self.load_tokens(rescan=True))
        self.seal_button = QPushButton(self.tr("Use as the agency's seal token"), tokens_box)
        self.seal_button.setObjectName("tokensUseForSeal")
        self.seal_button.setEnabled(False)
        self.seal_button.clicked.connect(self.use_selected_for_seal)
        token_buttons = QHBoxLayout()
        token_buttons.addWidget(self.token_status, 1)
        token_buttons.addWidget(self.refresh_button)
        token_buttons.addWidget(self.seal_button)
        tokens_layout = QVBoxLayout(tokens_box)
        tokens_layout.addWidget(self.module)
        tokens_layout.addWidget(self.tokens, 1)
        tokens_layout.addLayout(token_buttons)

        # trust
        trust_box = QGroupBox(self.tr("Trusted roots and revocation lists"), self)
        self.folders = QLabel(trust_box)
        self.folders.setObjectName("trustFolders")
        self.folders.setWordWrap(True)
        self.folders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust: QTableWidget = make_table(self, [
            self.tr("Kind"), self.tr("File"), self.tr("Subject / issuer"), self.tr("Valid from"),
            self.tr("Valid until"),
        ], stretch_column=2)
        self.trust.setObjectName("trustTable")
        self.trust_status = QLabel(trust_box)
        self.trust_status.setObjectName("trustStatus")
        self.trust_status.setWordWrap(True)
        self.add_root_button = QPushButton(self.tr("Add a root certificate…"), trust_box)
        self.add_root_button.setObjectName("trustAddRoot")
        self.add_root_button.clicked.connect(lambda: self.choose_and_add(TrustKind.ANCHOR))
        self.add_chuyen_dung_button = QPushButton(self.tr("Add a chuyên dùng root…"), trust_box)
        self.add_chuyen_dung_button.setObjectName("trustAddChuyenDung")
        self.add_chuyen_dung_button.setToolTip(
            self.tr("A Ban Cơ yếu Chính phủ root: signatures chaining to it are chữ ký số chuyên dùng"))
        self.add_chuyen_dung_button.clicked.connect(lambda: self.choose_and_add(TrustKind.CHUYEN_DUNG))
        self.add_crl_button = QPushButton(self.tr("Add a revocation list (CRL)…"), trust_box)
        self.add_crl_button.setObjectName("trustAddCrl")
        self.add_crl_button.clicked.connect(lambda: self.choose_and_add(TrustKind.CRL))
        trust_buttons = QHBoxLayout()
        trust_buttons.addWidget(self.trust_status, 1)
        for b in (self.add_root_button, self.add_chuyen_dung_button, self.add_crl_button):
            trust_buttons.addWidget(b)
        trust_layout = QVBoxLayout(trust_box)
        trust_layout.addWidget(self.folders)
        trust_layout.addWidget(self.trust, 1)
        trust_layout.addLayout(trust_buttons)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tokens_box, 1)
        layout.addWidget(trust_box, 1)
        layout.addWidget(close)

        self.refresh_trust()
        self.load_tokens()

    # -- tokens -----------------------------------------------------------------------------------------------------
    def load_tokens(self, *, rescan: bool = False) -> Job:
        """Ask the token module for its tokens on a worker thread (a real token answers slowly); `rescan` makes the
        module read its slots again first (a token plugged in after the module loaded)."""
        signing = self._signing

        def work(_ctx: JobContext) -> tuple[str | None, list[TokenChoice], TokenSelector | None]:
            if rescan:
                signing.worker().refresh()
            return signing.module_path(), signing.token_choices(), signing.organisation_token()

        self.refresh_button.setEnabled(False)
        self.seal_button.setEnabled(False)
        self._status(self.token_status, self.tr("Looking for tokens…"))
        job = self._env.jobs.run("signing.tokens", work)
        job.succeeded.connect(self._show_tokens)
        job.failed.connect(lambda text: self._status(self.token_status, text, error=True))
        job.finished.connect(lambda: self.refresh_button.setEnabled(True))
        self.job = job
        return job

    def _show_tokens(self, result: tuple[str | None, list[TokenChoice], TokenSelector | None]) -> None:
        module, self.choices, self.organisation = result
        self.module.setText(self.tr("PKCS#11 module: %1").replace(
            "%1", module or self.tr("none found (set the token module in the settings)")))
        rows = []
        for choice in self.choices:
            cert, info = choice.certificate, choice.token
            rows.append((None, [
                info.label, info.serial, info.model,
                cert.common_name if cert else self.tr("no signing certificate"),
                _common_name(cert.certificate.issuer) if cert else "",
                _date(cert.not_before) if cert else "", _date(cert.not_after) if cert else "",
                "✓" if self._is_organisation(choice) else "",
            ]))
        fill_table(self.tokens, rows)
        for r, choice in enumerate(self.choices):  # the full names where the columns show only the common names
            model = self.tokens.item(r, 2)
            if model is not None:
                model.setToolTip(choice.token.manufacturer)
            cert = choice.certificate
            holder, issuer = self.tokens.item(r, 3), self.tokens.item(r, 4)
            if cert is not None and holder is not None and issuer is not None:
                holder.setToolTip(cert.subject)
                issuer.setToolTip(cert.issuer)
        if self.choices:
            text = self.tr("%n token(s) found.", "", len(self.choices))
            if self.organisation is None:
                text += " " + self.tr("No seal token is chosen yet: select the agency's token and use it for the seal.")
        else:
            text = self.tr("No token found. Plug in the tokens and look again.")
        self._status(self.token_status, text)
        self._token_selected()

    def _is_organisation(self, choice: TokenChoice) -> bool:
        org = self.organisation
        return org is not None and org.label in (None, choice.token.label) and org.serial in (None, choice.token.serial)

    def selected_choice(self) -> TokenChoice | None:
        model = self.tokens.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.choices):
            return None
        return self.choices[rows[0].row()]

    def _token_selected(self) -> None:
        choice = self.selected_choice()
        self.seal_button.setEnabled(choice is not None and choice.certificate is not None
                                    and not self._is_organisation(choice))

    def use_selected_for_seal(self) -> bool:
        choice = self.selected_choice()
        if choice is None:
            return False
        try:
            self._signing.remember_organisation_token(self.actor, choice.token.selector)
        except DomainError as exc:
            self._status(self.token_status, describe(exc), error=True)
            return False
        self.organisation = choice.token.selector
        row = self.choices.index(choice)
        for r in range(self.tokens.rowCount()):
            item = self.tokens.item(r, 7)
            if item is not None:
                item.setText("✓" if r == row else "")
        self._status(self.token_status, self.tr('"%1" now signs as the agency\'s seal.').replace(
            "%1", choice.token.label), info=True)
        self._token_selected()
        return True

    # -- trust ------------------------------------------------------------------------------------------------------
    def refresh_trust(self) -> None:
        config = self._signing.config
        self.entries = trust_entries(config)
        parts = [f"{self.tr(KIND_TEXT[k])}: {folder}" for k in (TrustKind.ANCHOR, TrustKind.CHUYEN_DUNG, TrustKind.CRL)
                 if (folder := folder_for(config, k)) is not None]
        self.folders.setText("\n".join(parts) or self.tr("No trust folder is configured."))
        fill_table(self.trust, [
            (None, [self.tr(KIND_TEXT[e.kind]), e.path.name,
                    e.subject or self.tr("Unreadable: %1").replace("%1", e.problem),
                    _date(e.valid_from), _date(e.valid_to)])
            for e in self.entries
        ])
        for b in (self.add_root_button, self.add_chuyen_dung_button, self.add_crl_button):
            b.setEnabled(config.trust_dir is not None)

    def choose_and_add(self, kind: TrustKind) -> Path | None:
        if kind is TrustKind.CRL:
            pattern = self.tr("Revocation lists (*.crl)")
        else:
            pattern = self.tr("Certificates (*.pem *.cer *.crt *.der)")
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file"), "", pattern)
        return self.add_file(Path(name), kind) if name else None

    def add_file(self, source: Path, kind: TrustKind) -> Path | None:
        try:
            target = add_trust_file(self._env.services.ctx, self._signing.config, self.actor, source, kind)
        except DomainError as exc:
            self._status(self.trust_status, describe(exc), error=True)
            return None
        self.refresh_trust()
        self._status(self.trust_status, self.tr("%1 was added to %2.").replace("%1", target.name)
                     .replace("%2", str(target.parent)), info=True)
        return target

    # -- helpers ----------------------------------------------------------------------------------------------------
    @staticmethod
    def _status(label: QLabel, text: str, *, error: bool = False, info: bool = False) -> None:
        label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE if info else "")
        label.setText(text)


def _common_name(name: x509.Name) -> str:
    cns = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(cns[0].value) if cns else name.rfc4514_string()


def _date(moment: datetime | None) -> str:
    return moment.strftime("%d/%m/%Y") if moment is not None else ""
