"""Check every signature in a PDF: intact, trusted, what changed after it, and whether it is "chữ ký số chuyên dùng".

pyHanko is the judge (`validate_pdf_signature` with its standard difference analysis); this module turns its status
objects into a structured report with stable problem codes and plain English sentences the UI translates. Offline
unless asked: CRLs and OCSP answers are fetched only inside a `revocation.checking(...)` session (the signing
service opens one when the settings allow it and the document is not restricted), so a records office without a
network link still gets an answer.

Documents made by other systems (VGCA tools add "Thêm số", "Thêm ngày" and the seal as NEW signature fields after a
certification signature) fail pyHanko's default policy; for those signatures the check is repeated with
`SigFieldCreationRule(allow_new_visible_after_certify=True)` and the report says that lenient rule was applied.

Revocation is checked against CRL files handed in (`crls`: the demo CA's, or what an admin saved from a CA's site)
and, in a session, what was fetched online: "good" when a CRL or OCSP answer of the issuer does not list the
certificate, "revoked", or "not_checked" (revocation.py says where the answer came from, or why there was none).
Problem codes (stable; the UI words them): signature.not_intact, signature.invalid, certificate.untrusted,
certificate.revoked, certificate.expired, certificate.not_yet_valid, signature.modified_after,
certificate.not_chuyen_dung, policy.lenient_new_fields, order.seal_before_leader (an organisation's signature made
before the competent person's: ND30 Art 32.2.d wants the person first); document level: pdf.unreadable, pdf.unsigned.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache, lru_cache
from typing import Any, TypeAlias

from asn1crypto import x509 as asn1_x509
from cryptography import x509 as crypto_x509
from cryptography.hazmat.primitives import serialization

from app.domain.clock import VN_TZ
from app.services.signing import reverse_refs
from app.services.signing.ahead_hash import hash_pool
from app.services.signing.gc_pause import pauses_collection
from app.services.signing.sign import format_vn_time, speed_up_pdf_parsing

TrustRoot: TypeAlias = crypto_x509.Certificate | asn1_x509.Certificate | bytes
VGCA_ORGANISATION = "Ban Cơ yếu Chính phủ"  # issuer of the specialised (chuyên dùng) hierarchy, standards §2
CrlInput: TypeAlias = bytes | crypto_x509.CertificateRevocationList
BLOCKING_PROBLEMS = frozenset({"certificate.revoked", "certificate.expired", "certificate.not_yet_valid",
                               "order.seal_before_leader"})
ORGANISATION_FIELDS = ("Sig_CoQuan", "Sig_CoQuan_SoHoa")
PERSON_FIELDS = ("Sig_LanhDao",)


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
    revocation: str = "not_checked"  # "good", "revoked", "not_checked"
    certificate_not_before: datetime | None = None
    certificate_not_after: datetime | None = None
    kind: str = "person"  # "person" or "organisation" (by field name, else by the certificate's subject)

    @property
    def valid(self) -> bool:
        """Intact, trusted, not revoked or expired, in the right order, with only allowed changes after it: what
        "valid" means to the records office."""
        return (self.intact and self.cryptographically_valid and self.trusted and self.modifications_allowed
                and not set(self.problems) & BLOCKING_PROBLEMS)

    @property
    def badge(self) -> str:
        """"valid" (green), "untrusted" (orange: the bytes are intact but the signer is not trusted/checked), or
        "broken" (red: altered, forged, revoked, expired or changed in a way it forbids)."""
        if self.valid:
            return "valid"
        if (self.intact and self.cryptographically_valid and self.modifications_allowed
                and not set(self.problems) & (BLOCKING_PROBLEMS - {"order.seal_before_leader"})):
            return "untrusted"
        return "broken"


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


@pauses_collection
def verify_pdf(
    pdf_bytes: bytes, trust_roots: Iterable[TrustRoot], *, chuyen_dung_roots: Iterable[TrustRoot] = (),
    lenient_fallback: bool = True, at: datetime | None = None, crls: Iterable[CrlInput] = (),
) -> VerificationReport:
    """Validate every signature of `pdf_bytes` against `trust_roots` (the admin's anchors folder).

    `chuyen_dung_roots` are the VGCA roots among them: a signature is "chuyên dùng" only when its path ends in one.
    `at` fixes the validation time (default: now). `crls`: CRLs (DER bytes) to check revocation with, offline.
    """
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    _remember_name_preparation()
    roots = [_asn1(r) for r in trust_roots]
    specialised = {_asn1(r).sha256 for r in chuyen_dung_roots}
    roots += [r for r in (_asn1(s) for s in chuyen_dung_roots) if r.sha256 not in {x.sha256 for x in roots}]
    speed_up_pdf_parsing()
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        embedded = list(reader.embedded_regular_signatures)
    except (PdfReadError, ValueError, KeyError) as exc:
        return VerificationReport((), ("pdf.unreadable",), f"The file cannot be read as a PDF ({exc}).")
    if not embedded:
        return VerificationReport((), ("pdf.unsigned",), "The document carries no digital signature.")
    # The hashing (hashlib releases the GIL) runs on a second core while this thread reads the signed revision's
    # objects for pyHanko's difference analysis: the two longest steps of a verification, overlapped.
    hashing = hash_pool().submit(_hash_plans, _digest_plans(embedded), pdf_bytes)
    _prepare_difference_analysis(reader, embedded, pdf_bytes)
    digests = hashing.result()
    for sig, algorithm, digest in digests:
        sig.external_digests[algorithm] = digest
    crl_list = [_crl_der(c) for c in crls]
    reports = _check_order(tuple(_check(sig, roots, specialised, lenient_fallback, at, crl_list) for sig in embedded))
    ok = sum(1 for r in reports if r.valid)
    summary = (f"{len(reports)} signature(s), {ok} valid. " + " ".join(
        f"[{i}] {r.summary}" for i, r in enumerate(reports, start=1))).strip()
    return VerificationReport(reports, (), summary)


def precompute_digests(signatures: Sequence[Any], pdf_bytes: bytes) -> None:
    """Hash every signature's /ByteRange of `pdf_bytes` in one pass over the shared prefix and hand pyHanko the results.

    Why: pyHanko hashes each signed range through a 4 KB buffer (6,400 Python calls a signature on a 25 MB scan) and
    starts over from byte 0 for every signature, although all ranges start with the same bytes up to the first
    /Contents hole. Here the common prefix is hashed once (hashlib over a memoryview: no copies, GIL released), its
    state copied for each signature, and the rest of each range added. The result goes where pyHanko caches its own
    (`EmbeddedPdfSignature.external_digests`, read by `compute_digest`), so the comparison with the signed
    messageDigest, the coverage check and the difference analysis run unchanged on the same bytes. A byte range
    that is not four non-negative integers, or a digest hashlib lacks, is left to pyHanko.
    """
    for sig, algorithm, digest in _hash_plans(_digest_plans(signatures), pdf_bytes):
        sig.external_digests[algorithm] = digest


_DigestPlan: TypeAlias = tuple[Any, str, tuple[tuple[int, int], tuple[int, int]]]


def _digest_plans(signatures: Sequence[Any]) -> list[_DigestPlan]:
    """(signature, digest algorithm, byte ranges) for each signature `precompute_digests` can hash; reads the
    signature objects, so it runs on the thread that owns the reader."""
    import hashlib

    plans = []
    for sig in signatures:
        algorithm = str(getattr(sig, "external_md_algorithm", "")).lower()
        ranges = _plain_byte_range(getattr(sig, "byte_range", None))
        if ranges is None or algorithm not in hashlib.algorithms_guaranteed or algorithm.startswith("shake"):
            continue
        plans.append((sig, algorithm, ranges))
    return plans


def _hash_plans(plans: Sequence[_DigestPlan], pdf_bytes: bytes) -> list[tuple[Any, str, bytes]]:
    """The digests of the planned ranges (touches only `pdf_bytes`: safe on another thread)."""
    import hashlib

    digests = []
    with memoryview(pdf_bytes) as view:
        size = len(view)
        for algorithm in {a for _, a, _ in plans}:
            group = [(sig, r) for sig, a, r in plans if a == algorithm]
            # the longest prefix every range of this group starts with: [0, shared) lies in each one's first part
            shared = min(min(r[0][1], size) if r[0][0] == 0 else 0 for _, r in group)
            base = hashlib.new(algorithm)
            base.update(view[:shared])
            for sig, ranges in group:
                md = base.copy()
                (lo1, len1), (lo2, len2) = ranges
                first_start = shared if lo1 == 0 else lo1
                md.update(view[first_start:lo1 + len1])
                md.update(view[lo2:lo2 + len2])
                digests.append((sig, algorithm, md.digest()))
    return digests


def _prepare_difference_analysis(reader: Any, signatures: Sequence[Any], pdf_bytes: bytes) -> None:
    """Build, ahead of pyHanko's checks, the map of where each object is referenced from in every revision a
    signature that does not cover the whole file was made on (pyHanko's difference analysis starts with it and
    caches it on the reader's historical view): `reverse_refs` makes it from the file's bytes, pyHanko where that
    is unsure. Nothing is decided here; a file that cannot be mapped is left for pyHanko's own check to meet and
    report."""
    last = reader.xrefs.total_revisions - 1
    for revision in sorted({sig.signed_revision for sig in signatures if sig.signed_revision < last}):
        try:
            resolver = reader.get_historical_resolver(revision)
            if not reverse_refs.load(resolver, pdf_bytes):
                resolver._load_reverse_xref_cache()
        except Exception:  # pyHanko meets the same problem in its own check and says what it is
            continue


@cache
def _remember_name_preparation() -> None:
    """asn1crypto prepares each name attribute for comparison with RFC 4518 string preparation (a Python loop over
    every character) once per parsed certificate, and every verification parses the same few certificates again
    and compares their names while building paths: a tenth of the time of a verification. The preparation depends
    on the text alone, so its results are remembered (bounded) for the process."""
    from asn1crypto import x509 as _x509

    cls: Any = _x509.NameTypeAndValue
    original = cls._ldap_string_prep
    prepared = lru_cache(maxsize=4096)(lambda text: original(None, text))

    def _ldap_string_prep(self: Any, string: Any) -> Any:
        try:
            return prepared(string)
        except TypeError:  # not hashable: prepare it as asn1crypto would
            return original(self, string)

    cls._ldap_string_prep = _ldap_string_prep


def _plain_byte_range(byte_range: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """((offset, length), (offset, length)) when /ByteRange is four non-negative integers, else None."""
    try:
        values = list(byte_range)
    except TypeError:
        return None
    if len(values) != 4 or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values):
        return None
    a, b, c, d = (int(v) for v in values)
    return (a, b), (c, d)


def _crl_der(crl: CrlInput) -> bytes:
    if isinstance(crl, crypto_x509.CertificateRevocationList):
        return crl.public_bytes(serialization.Encoding.DER)
    data = bytes(crl)
    if data.lstrip().startswith(b"-----BEGIN"):
        return crypto_x509.load_pem_x509_crl(data).public_bytes(serialization.Encoding.DER)
    return data


def _validate(sig: Any, roots: Sequence[asn1_x509.Certificate], lenient: bool, at: datetime | None,
              crls: Sequence[bytes] = ()) -> Any:
    """pyHanko's verdict on one signature. Revocation data: the CRL files given, plus what an active
    `revocation.checking(...)` session fetched online (OCSP/CRL, cached); without a session nothing is fetched."""
    from pyhanko.sign.validation import validate_pdf_signature

    from app.services.signing import revocation

    context, gathered = revocation.validation_context(sig, roots, at, crls)
    status = validate_pdf_signature(sig, signer_validation_context=context, diff_policy=_diff_policy(lenient))
    revocation.record(sig, status, gathered)
    return status


def _cn(name: asn1_x509.Name) -> str:
    native = name.native
    return str(native.get("common_name") or name.human_friendly)


def _level_name(level: Any) -> str | None:
    return None if level is None else str(level.name).lower()


def _check(sig: Any, roots: Sequence[asn1_x509.Certificate], specialised: set[bytes], lenient_fallback: bool,
           at: datetime | None, crls: Sequence[bytes] = ()) -> SignatureReport:
    from pyhanko.sign.diff_analysis import ModificationLevel

    status = _validate(sig, roots, False, at, crls)
    lenient = False
    suspicious = status.intact and status.valid and not (status.docmdp_ok or status.modification_level is None)
    if suspicious and lenient_fallback:
        retry = _validate(sig, roots, True, at, crls)
        if retry.docmdp_ok:
            status, lenient = retry, True

    cert: asn1_x509.Certificate = sig.signer_cert
    subject = cert.subject.native
    when = sig.self_reported_timestamp
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
    not_before, not_after = cert.not_valid_before, cert.not_valid_after
    revocation = _revocation(status, cert, crls)
    if revocation == "revoked":
        problems.append("certificate.revoked")
    if when is not None and when > not_after:
        problems.append("certificate.expired")
    elif when is not None and when < not_before:
        problems.append("certificate.not_yet_valid")
    elif not status.trusted and _indication(status) in ("EXPIRED", "OUT_OF_BOUNDS_NO_POE",
                                                        "OUT_OF_BOUNDS_NOT_REVOKED"):
        problems.append("certificate.expired")  # valid when signed, expired now, and no timestamp proves the time
    specific = {"certificate.revoked", "certificate.expired", "certificate.not_yet_valid"}
    if not status.trusted and (not _chain_found(status) or not set(problems) & specific):
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
        lenient_policy_applied=lenient, problems=tuple(problems), revocation=revocation,
        certificate_not_before=not_before.astimezone(VN_TZ), certificate_not_after=not_after.astimezone(VN_TZ),
        kind=_kind(str(sig.field_name), subject),
    )
    return SignatureReport(**report_args, summary=_summary(report_args))


def _indication(status: Any) -> str | None:
    indic = getattr(status, "trust_problem_indic", None)
    return None if indic is None else str(getattr(indic, "name", indic))


def _chain_found(status: Any) -> bool:
    return _indication(status) not in (None, "NO_CERTIFICATE_CHAIN_FOUND", "CHAIN_CONSTRAINTS_FAILURE")


def _revocation(status: Any, cert: asn1_x509.Certificate, crls: Sequence[bytes]) -> str:
    """"revoked" when pyHanko found the certificate on a CRL; "good" when a CRL of its issuer was checked."""
    if getattr(status, "revoked", False) or _indication(status) in ("REVOKED", "REVOKED_NO_POE",
                                                                   "REVOKED_CA_NO_POE"):
        return "revoked"
    from asn1crypto import crl as asn1_crl

    for der in crls:
        try:
            issuer = asn1_crl.CertificateList.load(der)["tbs_cert_list"]["issuer"]
            if issuer == cert.issuer:
                return "good" if status.trusted else "not_checked"
        except ValueError:
            continue
    return "not_checked"


def _kind(field_name: str, subject: dict[str, Any]) -> str:
    """Organisation or person: by our field names, else an organisation certificate names itself (CN = O) and
    carries no title."""
    if field_name in ORGANISATION_FIELDS:
        return "organisation"
    if field_name in PERSON_FIELDS:
        return "person"
    cn, org = str(subject.get("common_name") or ""), str(subject.get("organization_name") or "")
    return "organisation" if cn and cn.casefold() == org.casefold() and not subject.get("title") else "person"


def _check_order(reports: tuple[SignatureReport, ...]) -> tuple[SignatureReport, ...]:
    """An organisation's signature followed by a person's: the seal came before the competent signer."""
    out = []
    seen_org = False
    for report in reports:
        if report.kind == "organisation":
            seen_org = True
        elif seen_org:
            report = replace(report, problems=(*report.problems, "order.seal_before_leader"),
                             summary=report.summary + " It was made after the organisation's signature: the competent "
                             "person must sign first, then the organisation.")
        out.append(report)
    return tuple(out)


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
    problems = set(r["problems"])
    if "certificate.revoked" in problems:
        parts.append("The certificate has been revoked by its CA.")
    if "certificate.expired" in problems:
        parts.append("The certificate had expired.")
    if "certificate.not_yet_valid" in problems:
        parts.append("The certificate was not yet valid when it signed.")
    if r["trusted"]:
        parts.append("The certificate chains to a trusted root.")
    elif "certificate.untrusted" in problems:
        parts.append("The certificate does not chain to any trusted root configured here.")
    if r["revocation"] == "not_checked":
        parts.append("Revocation was not checked (no revocation list available).")
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
