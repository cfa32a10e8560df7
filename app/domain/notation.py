"""Document number and notation — "Số: 45/QĐ-STTTT" (ND30 App I §II.3; standards §1.2 and §11 vectors 1, 2).

The same text shape carries two kinds of notation: a typed document (`QĐ-UBND`: type abbreviation, issuer)
and a công văn (`UBND-VX`: issuer, drafting unit or field). A first group that is not a known type abbreviation
is read as an issuer only when it looks like one (a known issuer abbreviation, or at least three letters),
so `12/XX-UBND` is refused as an unknown type instead of being taken for a công văn of an agency called "XX".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from app.domain import document_types
from app.domain.errors import ValidationError

LABEL = "Số:"
_NUMBER = r"(?P<number>\d+)"
_ADMIN = re.compile(r"^(?P<number>0[1-9]|[1-9]\d+)/(?P<notation>[A-ZĐ][A-Za-zĐđ]*(?:-[A-ZĐ][A-ZĐ0-9.]*)+)$")
_NORMATIVE = re.compile(
    r"^(?P<number>0[1-9]|[1-9]\d+)/(?P<year>\d{4})/(?P<notation>[A-ZĐ][A-Za-zĐđ]*-[A-ZĐ][A-ZĐ0-9.-]*)$"
)
_LOOSE = re.compile(r"^(?P<number>\d+)\s*/\s*(?:(?P<year>\d{4})\s*/\s*)?(?P<notation>\S(?:.*\S)?)$")
# Issuers whose abbreviation is shorter than three letters but common in the province's correspondence.
KNOWN_SHORT_ISSUERS = frozenset({"VP", "TU", "BĐ", "CA", "BQ", "CT"})


@dataclass(frozen=True)
class DocumentNumber:
    number: int
    notation: str  # QĐ-STTTT, UBND-VX
    year: int | None  # normative documents only
    type_abbreviation: str | None  # None for công văn
    issuer_abbreviation: str
    unit_abbreviation: str | None

    @property
    def number_text(self) -> str:
        return f"{self.number:02d}"

    @property
    def formatted(self) -> str:
        """`45/QĐ-STTTT`, `05/UBND-VX`, `33/2019/QĐ-UBND`: what registers and edXML carry."""
        if self.year is not None:
            return f"{self.number_text}/{self.year}/{self.notation}"
        return f"{self.number_text}/{self.notation}"

    @property
    def label(self) -> str:
        """The line printed on the document: `Số: 45/QĐ-STTTT`."""
        return f"{LABEL} {self.formatted}"


def _strip_label(text: str) -> str:
    body = text.strip()
    for prefix in ("Số:", "SỐ:", "số:"):
        if body.startswith(prefix):
            return body[len(prefix) :].strip()
    return body


def parse(text: str, *, issuers: Collection[str] = ()) -> DocumentNumber:
    """Read what a clerk typed or a document carries; with or without the `Số:` label.

    Raises ValidationError with a code that names the fault (leading zero, spaces, lower case, unknown type).
    """
    body = _strip_label(text)
    if not body:
        raise ValidationError("notation.empty")
    normative = _NORMATIVE.match(body)
    admin = None if normative else _ADMIN.match(body)
    match = normative or admin
    if match is None:
        raise ValidationError(_diagnose(body), text=text.strip())
    groups = match.group("notation").split("-")
    year = int(match.group("year")) if normative else None
    number = int(match.group("number"))
    if number == 0:
        raise ValidationError("notation.number_zero", text=text.strip())
    first, rest = groups[0], groups[1:]
    if document_types.by_abbreviation(first) is not None:
        return DocumentNumber(number, match.group("notation"), year, first, rest[0], "-".join(rest[1:]) or None)
    if normative:
        raise ValidationError("notation.unknown_type", type=first, text=text.strip())
    if not _looks_like_issuer(first, issuers):
        raise ValidationError("notation.unknown_type", type=first, text=text.strip())
    return DocumentNumber(number, match.group("notation"), None, None, first, "-".join(rest))


def _looks_like_issuer(group: str, issuers: Collection[str]) -> bool:
    if group in issuers or group in KNOWN_SHORT_ISSUERS:
        return True
    return len(group) >= 3 and group.upper() == group


def _diagnose(body: str) -> str:
    """Say which rule a rejected number breaks, in the order a clerk would fix them."""
    if re.search(r"\s", body):
        return "notation.spaces"
    loose = _LOOSE.match(body)
    if loose is None or "-" not in loose.group("notation"):
        return "notation.format"
    digits = loose.group("number")
    if len(digits) == 1 or (digits.startswith("0") and len(digits) > 2) or (len(digits) > 2 and digits[0] == "0"):
        return "notation.leading_zero"
    notation = loose.group("notation")
    rest = notation.split("-", 1)[1]
    if rest != rest.upper() or (notation.split("-", 1)[0] == notation.split("-", 1)[0].lower()):
        return "notation.lower_case"
    return "notation.format"


def build_number(
    number: int,
    type_abbreviation: str | None,
    issuer_abbreviation: str,
    *,
    unit_abbreviation: str | None = None,
    year: int | None = None,
) -> DocumentNumber:
    """The number and notation the system gives an outgoing document (ND30 Art 15.3)."""
    if number < 1:
        raise ValidationError("notation.number_zero", text=str(number))
    issuer = issuer_abbreviation.strip().upper()
    if not issuer:
        raise ValidationError("notation.issuer_abbreviation_missing")
    if type_abbreviation:
        if document_types.by_abbreviation(type_abbreviation) is None:
            raise ValidationError("notation.unknown_type", type=type_abbreviation, text=type_abbreviation)
        notation = f"{type_abbreviation}-{issuer}"
        unit = None
    else:
        unit = (unit_abbreviation or "").strip().upper()
        if not unit:
            raise ValidationError("notation.unit_required", issuer=issuer)
        notation = f"{issuer}-{unit}"
    built = DocumentNumber(number, notation, year, type_abbreviation or None, issuer, unit)
    return parse(built.formatted, issuers=(issuer,))
