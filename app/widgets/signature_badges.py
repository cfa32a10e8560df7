"""One badge per signature of a PDF: green (valid), orange (intact but not trusted or not checkable), red (broken),
with the signer, the signing time and the reasons in words. The verification itself runs elsewhere (off the UI
thread); this widget only shows a `VerificationReport`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.signing.report_pdf import EN_LABELS, VI_LABELS, ReportWording
from app.services.signing.revocation import RevocationSignatureReport
from app.services.signing.verify import SignatureReport, VerificationReport

if TYPE_CHECKING:  # PySide6 types the marker as returning object; it returns the source string unchanged

    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "SignatureBadges"
COLOURS = {  # background, border, text
    "valid": ("#e7f5ea", "#2e7d32", "#1b5e20"),
    "untrusted": ("#fff4e0", "#ef8f00", "#8a4b00"),
    "broken": ("#fdecea", "#c62828", "#8e0000"),
}
STATE_TEXT = {
    "valid": QT_TRANSLATE_NOOP("SignatureBadges", "Valid signature"),
    "untrusted": QT_TRANSLATE_NOOP("SignatureBadges", "Intact, but not trusted"),
    "broken": QT_TRANSLATE_NOOP("SignatureBadges", "Invalid signature"),
}
KIND_TEXT = {
    "person": QT_TRANSLATE_NOOP("SignatureBadges", "Personal signature"),
    "organisation": QT_TRANSLATE_NOOP("SignatureBadges", "Organisation signature"),
}
PROBLEM_TEXT = {
    "signature.not_intact": QT_TRANSLATE_NOOP(
        "SignatureBadges", "The document was altered after this signature: the signature is broken."),
    "signature.invalid": QT_TRANSLATE_NOOP(
        "SignatureBadges", "The signature value does not match the signer's certificate."),
    "certificate.untrusted": QT_TRANSLATE_NOOP(
        "SignatureBadges", "The certificate does not lead to a trusted root certificate on this computer."),
    "certificate.revoked": QT_TRANSLATE_NOOP("SignatureBadges", "The certificate has been revoked by its CA."),
    "certificate.expired": QT_TRANSLATE_NOOP("SignatureBadges", "The certificate had expired."),
    "certificate.not_yet_valid": QT_TRANSLATE_NOOP(
        "SignatureBadges", "The certificate was not yet valid when it signed."),
    "signature.modified_after": QT_TRANSLATE_NOOP(
        "SignatureBadges", "The document was changed after this signature in a way it does not allow."),
    "certificate.not_chuyen_dung": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Not a specialised (chuyên dùng) government signature."),
    "policy.lenient_new_fields": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Signature fields added after certification were accepted, as other signing tools do."),
    "order.seal_before_leader": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Signed after the organisation's seal: the competent person must sign first."),
    "pdf.unreadable": QT_TRANSLATE_NOOP("SignatureBadges", "The file cannot be read as a PDF."),
    "pdf.unsigned": QT_TRANSLATE_NOOP("SignatureBadges", "The document carries no digital signature."),
}
REVOCATION_TEXT = {
    "not_checked": QT_TRANSLATE_NOOP("SignatureBadges", "Revocation not checked (no revocation list available)."),
    "good": QT_TRANSLATE_NOOP("SignatureBadges", "Not revoked."),
}
GOOD_SOURCE_TEXT = {  # where "not revoked" came from (revocation.py's sources)
    "ocsp": QT_TRANSLATE_NOOP("SignatureBadges", "Not revoked (checked online with the CA's OCSP service)."),
    "crl_online": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Not revoked (checked with the CA's revocation list, fetched online)."),
    "crl_file": QT_TRANSLATE_NOOP("SignatureBadges", "Not revoked (checked with a saved revocation list file)."),
}
REVOKED_SOURCE_TEXT = {
    "ocsp": QT_TRANSLATE_NOOP("SignatureBadges", "The CA's OCSP service reports the revocation."),
    "crl_online": QT_TRANSLATE_NOOP(
        "SignatureBadges", "The CA's revocation list, fetched online, lists the certificate."),
    "crl_file": QT_TRANSLATE_NOOP("SignatureBadges", "A saved revocation list file lists the certificate."),
}
NOT_CHECKED_TEXT = {  # why revocation was not checked (revocation.py's reasons); {detail}: address and error
    "offline_setting": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Revocation not checked: online checking is turned off in the settings."),
    "restricted": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Revocation not checked: restricted documents are verified offline only."),
    "unreachable": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Revocation not checked: the CA's server could not be reached ({detail})."),
    "bad_response": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Revocation not checked: the CA's server did not give a valid answer ({detail})."),
    "no_address": QT_TRANSLATE_NOOP(
        "SignatureBadges",
        "Revocation not checked: the certificate names no revocation address and no revocation list is saved."),
    "untrusted": QT_TRANSLATE_NOOP(
        "SignatureBadges", "Revocation not checked: the certificate does not chain to a trusted root."),
    "no_list": REVOCATION_TEXT["not_checked"],
}
INFO_ONLY = {"certificate.not_chuyen_dung", "policy.lenient_new_fields"}  # shown smaller, never alone decisive


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def reasons(sig: SignatureReport) -> list[str]:
    """The problems of one signature in words (translated), the decisive ones first."""
    ordered = [p for p in sig.problems if p not in INFO_ONLY] + [p for p in sig.problems if p in INFO_ONLY]
    out = [_tr(PROBLEM_TEXT[p]) if p in PROBLEM_TEXT else p for p in ordered]
    line = revocation_text(sig)
    if line:
        out.append(line)
    return out


def revocation_text(sig: SignatureReport) -> str:
    """The revocation line: not revoked / revoked and by which source (OCSP, CRL online, saved CRL file), or not
    checked and why (translated)."""
    source = sig.revocation_source if isinstance(sig, RevocationSignatureReport) else None
    if sig.revocation == "revoked":
        return _tr(REVOKED_SOURCE_TEXT[source]) if source in REVOKED_SOURCE_TEXT else ""
    if sig.revocation == "good":
        return _tr(GOOD_SOURCE_TEXT.get(source or "", REVOCATION_TEXT["good"]))
    if sig.revocation != "not_checked":
        return ""
    if not isinstance(sig, RevocationSignatureReport) or sig.revocation_reason not in NOT_CHECKED_TEXT:
        return _tr(REVOCATION_TEXT["not_checked"])
    text = _tr(NOT_CHECKED_TEXT[sig.revocation_reason])
    if "{detail}" in text and not sig.revocation_detail:
        return text.replace(" ({detail})", "").replace("({detail})", "")
    return text.replace("{detail}", sig.revocation_detail)


def report_wording(report: VerificationReport) -> ReportWording:
    """The PDF report's words for `report`: the panel's own sentences for states, kinds, problems and revocation,
    translated here (on the UI thread) so the rendering job only looks them up; the report's fixed labels in the UI
    language (Vietnamese unless the UI runs in English)."""
    vietnamese = QLocale().language() == QLocale.Language.Vietnamese
    labels = replace(VI_LABELS if vietnamese else EN_LABELS, states={k: _tr(v) for k, v in STATE_TEXT.items()},
                     kinds={k: _tr(v) for k, v in KIND_TEXT.items()})
    problems = {code: _tr(text) for code, text in PROBLEM_TEXT.items()}
    lines = {sig.field_name: revocation_text(sig) for sig in report.signatures}
    return ReportWording(labels=labels, problem=lambda code: problems.get(code, code),
                         revocation=lambda sig: lines.get(sig.field_name, ""))


class SignatureBadge(QFrame):
    def __init__(self, sig: SignatureReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = sig
        self.state = sig.badge
        self.setObjectName("signatureBadge")
        self.setProperty("state", self.state)
        background, border, text = COLOURS[self.state]
        self.setStyleSheet(f"QFrame#signatureBadge {{ background: {background}; border: 1px solid {border}; "
                           f"border-radius: 6px; }} QLabel {{ color: {text}; border: none; background: transparent; }}")
        mark = {"valid": "✔", "untrusted": "!", "broken": "✖"}[self.state]
        self.title = QLabel(f"{mark} {_tr(STATE_TEXT[self.state])} — {_tr(KIND_TEXT.get(sig.kind, sig.kind))}", self)
        self.title.setObjectName("badgeTitle")
        self.title.setStyleSheet("font-weight: bold;")
        who = sig.signer + (f" ({sig.organisation})" if sig.organisation and sig.organisation != sig.signer else "")
        self.signer = QLabel(who, self)
        self.signer.setObjectName("badgeSigner")
        self.signer.setWordWrap(True)
        self.time = QLabel(self.tr("Signed at {time}").format(time=sig.signing_time_text or "?"), self)
        self.time.setObjectName("badgeTime")
        self.reason = QLabel("\n".join(f"• {r}" for r in reasons(sig)), self)
        self.reason.setObjectName("badgeReason")
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(self.reason.text()))
        self.setToolTip(sig.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        for w in (self.title, self.signer, self.time, self.reason):
            layout.addWidget(w)


class SignatureBadges(QWidget):
    """The list of badges; `set_pending()` while verification runs, `set_report()` with its result. "Export
    report…" (enabled once there is a report) asks the owner to save it as a PDF (`export_requested`)."""

    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureBadges")
        self.badges: list[SignatureBadge] = []
        self.status = QLabel(self)
        self.status.setObjectName("signatureStatus")
        self.status.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.status)
        self.register = QLabel(self)  # the register's answer about this file (the signatures and hash it recorded)
        self.register.setObjectName("registerLine")
        self.register.setWordWrap(True)
        self.register.setVisible(False)
        self._layout.addWidget(self.register)
        self.export_button = QPushButton(self.tr("Export report…"), self)
        self.export_button.setObjectName("exportVerificationReport")
        self.export_button.setToolTip(self.tr("Save this verification as a PDF report"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_requested)
        self._layout.addWidget(self.export_button)
        self.report: VerificationReport | None = None

    def clear(self) -> None:
        for badge in self.badges:
            self._layout.removeWidget(badge)
            badge.deleteLater()
        self.badges = []
        self.report = None
        self.export_button.setEnabled(False)
        self.status.setText("")
        self.register.setText("")
        self.register.setVisible(False)

    def set_register(self, text: str, state: str) -> None:
        """Show the register's answer; `state` is a badge colour: "valid", "untrusted" or "broken"."""
        background, border, colour = COLOURS.get(state, COLOURS["untrusted"])
        self.register.setStyleSheet(f"QLabel#registerLine {{ background: {background}; border: 1px solid {border}; "
                                    f"border-radius: 6px; color: {colour}; padding: 4px; }}")
        self.register.setText(text)
        self.register.setVisible(bool(text))

    def set_pending(self) -> None:
        self.clear()
        self.status.setText(self.tr("Checking the digital signatures…"))

    def set_failed(self, message: str) -> None:
        self.clear()
        self.status.setText(message)

    def set_report(self, report: VerificationReport) -> None:
        self.clear()
        self.report = report
        self.export_button.setEnabled(True)
        if not report.signatures:
            self.status.setText(" ".join(_tr(PROBLEM_TEXT.get(p, p)) for p in report.problems)
                                or _tr(PROBLEM_TEXT["pdf.unsigned"]))
            return
        valid = sum(1 for s in report.signatures if s.valid)
        self.status.setText(self.tr("{valid} of {count} signatures valid").format(
            valid=valid, count=len(report.signatures)))
        for sig in report.signatures:
            badge = SignatureBadge(sig, self)
            self.badges.append(badge)
            self._layout.insertWidget(self._layout.indexOf(self.export_button), badge)  # the button stays last
