"""Check every signature in a PDF: intact, trusted, what changed after it, and whether it is "chữ ký số chuyên dùng".

pyHanko is the judge (`validate_pdf_signature` with its standard difference analysis); this module turns its status
objects into a structured report with stable problem codes and plain English sentences the UI translates. Offline
by design: no fetching of CRLs/OCSP here (revocation is reported as unknown unless embedded), so a records office
without a network link still gets an answer.

Documents made by other systems (VGCA tools add "Thêm số", "Thêm ngày" and the seal as NEW signature fields after a
certification signature) fail pyHanko's default policy; for those signatures the check is repeated with
`SigFieldCreationRule(allow_new_visible_after_certify=True)` and the report says that lenient rule was applied.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeAlias

from asn1crypto import x509 as asn1_x509
from cryptography import x509 as crypto_x509
from cryptography.hazmat.primitives import serialization

from app.domain.clock import VN_TZ
from app.services.signing.sign import format_vn_time

TrustRoot: TypeAlias = crypto_x509.Certificate | asn1_x509.Certificate | bytes
VGCA_ORGANISATION = "Ban Cơ yếu Chính phủ"  # issuer of the specialised (chuyên dùng) hierarchy, standards §2


@dataclass(frozen=True)
class SignatureReport:
    field_name: str
    signer: str  # the certificate's common name
    organisation: str | None
    certificate_subject: str
    certificate_issuer: str
    certificate_serial: str
    signing_time: datetime | None  # signer-reported, Vietnam time
    signing_time_text: str | None  # "25/11/2026 09:15:30 +07:00"
    intact: bool  # the signed bytes are unchanged
    cryptographically_valid: bool
    trusted: bool  # chains to one of the given trust roots
    trust_anchor: str | None
    chain: tuple[str, ...]  # subjects from signer to anchor, when a path was found
    coverage: str  # "entire_file", "entire_revision", "contiguous_block_from_start", "unclear"
    modification_level: str | None  # "none", "lta_updates", "form_filling", "annotations", "other"; None: not known
    modifications_allowed: bool  # what changed after this signature is within what it permits
    changed_form_fields: tuple[str, ...]
    certification: str | None  # DocMDP of a certification signature: "no_changes", "fill_forms", "annotate"
    chuyen_dung: bool  # chains to a configured VGCA ("Ban Cơ yếu Chính phủ") root
    claims_chuyen_dung: bool  # the issuer names the VGCA, whether or not its root is configured here
    lenient_policy_applied: bool
    problems: tuple[str, ...]  # stable codes, e.g. "signature.not_intact", "certificate.untrusted"
    summary: str  # English sentences; the UI translates

    @property
    def valid(self) -> bool:
        """Intact, trusted and with only allowed changes after it: what "valid" means to the records office."""
        return self.intact and self.cryptographically_valid and self.trusted and self.modifications_allowed


@dataclass(frozen=True)
class VerificationReport:
    signatures: tuple[SignatureReport, ...]
    problems: tuple[str, ...] = field(default=())  # document-level codes, e.g. "pdf.unreadable", "pdf.unsigned"
    summary: str = ""

    @property
    def all_valid(self) -> bool:
        return bool(self.signatures) and not self.problems and all(s.valid for s in self.signatures)

    @property
    def all_intact(self) -> bool:
        return bool(self.signatures) and all(s.intact for s in self.signatures)

    @property
    def verdict(self) -> str:
        """"valid", "warning" (valid but not chuyên dùng or leniently judged), or "invalid"."""
        if not self.all_valid:
            return "invalid"
        if any(not s.chuyen_dung or s.lenient_policy_applied for s in self.signatures):
            return "warning"
        return "valid"


def _asn1(cert: TrustRoot) -> asn1_x509.Certificate:
    if isinstance(cert, asn1_x509.Certificate):
        return cert
    if isinstance(cert, crypto_x509.Certificate):
        return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    data = bytes(cert)
    if data.lstrip().startswith(b"-----BEGIN"):
        return asn1_x509.Certificate.load(
            crypto_x509.load_pem_x509_certificate(data).public_bytes(serialization.Encoding.DER))
    return asn1_x509.Certificate.load(data)


def _diff_policy(lenient: bool) -> Any:
    """pyHanko's default policy, or the same with new visible signature fields allowed after a certification."""
    from pyhanko.sign import diff_analysis as _rules

    rules: Any = _rules  # the rule constructors are untyped
    if not lenient:
        return rules.DEFAULT_DIFF_POLICY
    lta = rules.ModificationLevel.LTA_UPDATES
    return rules.StandardDiffPolicy(
        global_rules=[
            rules.CatalogModificationRule(),
            rules.DocInfoRule().as_qualified(lta),
            rules.XrefStreamRule().as_qualified(lta),
            rules.ObjectStreamRule().as_qualified(lta),
            rules.DSSCompareRule().as_qualified(lta),
            rules.MetadataUpdateRule().as_qualified(lta),
        ],
        form_rule=rules.FormUpdatingRule(field_rules=[
            rules.SigFieldCreationRule(allow_new_visible_after_certify=True),
            rules.SigFieldModificationRule(),
            rules.GenericFieldModificationRule(),
        ]),
    )


def verify_pdf(
    pdf_bytes: bytes, trust_roots: Iterable[TrustRoot], *, chuyen_dung_roots: Iterable[TrustRoot] = (),
    lenient_fallback: bool = True, at: datetime | None = None,
) -> VerificationReport:
    """Validate every signature of `pdf_bytes` against `trust_roots` (the admin's anchors folder).

    `chuyen_dung_roots` are the VGCA roots among them: a signature is "chuyên dùng" only when its path ends in one.
    `at` fixes the validation time (default: now).
    """
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    roots = [_asn1(r) for r in trust_roots]
    specialised = {_asn1(r).sha256 for r in chuyen_dung_roots}
    roots += [r for r in (_asn1(s) for s in chuyen_dung_roots) if r.sha256 not in {x.sha256 for x in roots}]
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = list(reader.embedded_regular_signatures)
    except (PdfReadError, ValueError, KeyError) as exc:
        return VerificationReport((), ("pdf.unreadable",), f"The file cannot be read as a PDF ({exc}).")
    if not embedded:
        return VerificationReport((), ("pdf.unsigned",), "The document carries no digital signature.")
    reports = tuple(_check(sig, roots, specialised, lenient_fallback, at) for sig in embedded)
    ok = sum(1 for r in reports if r.valid)
    summary = (f"{len(reports)} signature(s), {ok} valid. " + " ".join(
        f"[{i}] {r.summary}" for i, r in enumerate(reports, start=1))).strip()
    return VerificationReport(reports, (), summary)


def _validate(sig: Any, roots: Sequence[asn1_x509.Certificate], lenient: bool, at: datetime | None) -> Any:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=list(roots), allow_fetching=False, revocation_mode="soft-fail",
                                moment=at, other_certs=list(sig.other_embedded_certs))
    return validate_pdf_signature(sig, signer_validation_context=context, diff_policy=_diff_policy(lenient))


def _cn(name: asn1_x509.Name) -> str:
    native = name.native
    return str(native.get("common_name") or name.human_friendly)


def _level_name(level: Any) -> str | None:
    return None if level is None else str(level.name).lower()


def _check(sig: Any, roots: Sequence[asn1_x509.Certificate], specialised: set[bytes], lenient_fallback: bool,
           at: datetime | None) -> SignatureReport:
    from pyhanko.sign.diff_analysis import ModificationLevel

    status = _validate(sig, roots, False, at)
    lenient = False
    suspicious = status.intact and status.valid and not (status.docmdp_ok or status.modification_level is None)
    if suspicious and lenient_fallback:
        retry = _validate(sig, roots, True, at)
        if retry.docmdp_ok:
            status, lenient = retry, True

    cert: asn1_x509.Certificate = sig.signer_cert
    subject = cert.subject.native
    path = status.validation_path
    chain: tuple[str, ...] = ()
    anchor = None
    chuyen_dung = False
    if path is not None and status.trusted:
        certs = [c for c in path.iter_certs(include_root=True)] if hasattr(path, "iter_certs") else []
        chain = tuple(_cn(c.subject) for c in reversed(certs))
        root_cert = certs[0] if certs else None
        anchor = _cn(root_cert.subject) if root_cert is not None else None
        chuyen_dung = root_cert is not None and root_cert.sha256 in specialised
    claims = VGCA_ORGANISATION.lower() in cert.issuer.human_friendly.lower()  # organisation attribute included

    when = sig.self_reported_timestamp
    when_vn = when.astimezone(VN_TZ) if when is not None else None
    level = status.modification_level
    allowed = bool(status.docmdp_ok) or level is None or level == ModificationLevel.NONE
    coverage = _level_name(status.coverage) or "unclear"
    docmdp = sig.docmdp_level
    problems = []
    if not status.intact:
        problems.append("signature.not_intact")
    elif not status.valid:
        problems.append("signature.invalid")
    if not status.trusted:
        problems.append("certificate.untrusted")
    if status.intact and not allowed:
        problems.append("signature.modified_after")
    if not chuyen_dung:
        problems.append("certificate.not_chuyen_dung")
    if lenient:
        problems.append("policy.lenient_new_fields")
    changed = tuple(sorted(getattr(status.diff_result, "changed_form_fields", ()) or ()))
    report_args: dict[str, Any] = dict(
        field_name=str(sig.field_name), signer=str(subject.get("common_name") or cert.subject.human_friendly),
        organisation=subject.get("organization_name"), certificate_subject=cert.subject.human_friendly,
        certificate_issuer=_cn(cert.issuer), certificate_serial=format(cert.serial_number, "x"),
        signing_time=when_vn, signing_time_text=format_vn_time(when_vn) if when_vn else None,
        intact=bool(status.intact), cryptographically_valid=bool(status.valid), trusted=bool(status.trusted),
        trust_anchor=anchor, chain=chain, coverage=coverage, modification_level=_level_name(level),
        modifications_allowed=allowed, changed_form_fields=changed,
        certification=_level_name(docmdp), chuyen_dung=chuyen_dung, claims_chuyen_dung=claims,
        lenient_policy_applied=lenient, problems=tuple(problems),
    )
    return SignatureReport(**report_args, summary=_summary(report_args))


_LEVEL_TEXT = {
    "none": "nothing was changed after it",
    "lta_updates": "only validation data was added after it",
    "form_filling": "after it, only form fields were filled in and signatures added, which it allows",
    "annotations": "after it, annotations were added",
    "other": "after it, the document was changed in ways no signature rule allows",
}


def _summary(r: dict[str, Any]) -> str:
    who = f"Signed by {r['signer']}" + (f" ({r['organisation']})" if r["organisation"] else "")
    when = f" at {r['signing_time_text']}" if r["signing_time_text"] else ""
    parts = [f"{who}{when}, certificate issued by {r['certificate_issuer']}."]
    if not r["intact"]:
        parts.append("The signed content has been altered: the signature is broken.")
    elif not r["cryptographically_valid"]:
        parts.append("The signature value does not match the certificate.")
    else:
        parts.append("The signed content is intact.")
    parts.append("The certificate chains to a trusted root." if r["trusted"]
                 else "The certificate does not chain to any trusted root configured here.")
    if r["intact"]:
        level = r["modification_level"]
        if level in _LEVEL_TEXT and (level != "other" or not r["modifications_allowed"]):
            text = _LEVEL_TEXT[level]
            if not r["modifications_allowed"] and level != "other":
                text += ", which it does not allow"
            parts.append(text[0].upper() + text[1:] + ".")
    if r["lenient_policy_applied"]:
        parts.append("Signature fields added after the certification were accepted under a lenient rule "
                     "(as other signing tools do).")
    if r["chuyen_dung"]:
        parts.append("It is a specialised (chuyên dùng) government signature.")
    elif r["claims_chuyen_dung"]:
        parts.append("The issuer names the Government Cipher Committee, but its root is not configured here.")
    else:
        parts.append("It is not a specialised (chuyên dùng) government signature.")
    return " ".join(parts)
