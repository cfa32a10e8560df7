"""Drafts and issuing (design §2 "Issue", §4; seed Art 6, 7, 10): the states a draft goes through, who may move it
where, and which recipients also get the document on paper.

Pure: no database, no clock. The issuing service asks `next_state` before every step and `paper_plan` when the clerk
prints, so the rules read the same in tests, in the service and in the UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from app.domain import document_types
from app.domain.enums import Confidentiality, DocumentState, RestrictionStamp, Urgency
from app.domain.errors import ConflictError, ValidationError

MAX_COPIES = 99
"""More paper copies than this for one recipient is a typing mistake, not a distribution list."""


class DraftState(StrEnum):
    DRAFT = "draft"  # dự thảo: the specialist is writing it
    SUBMITTED = "submitted"  # trình ký: waiting for the signer
    RETURNED = "returned"  # trả lại: the signer sent it back with comments
    SIGNED = "signed"  # đã ký: waiting for the clerk's number and seal
    NUMBERED = "numbered"  # đã cấp số, đóng dấu: the clerk prints the paper copies
    ISSUED = "issued"  # đã ban hành: waits in the "to send" list


class DraftAction(StrEnum):
    EDIT = "edit"  # metadata, recipients, appendices
    UPLOAD = "upload"  # a new PDF version
    SUBMIT = "submit"
    RETURN = "return"
    SIGN = "sign"
    NUMBER_AND_SEAL = "number_and_seal"
    ISSUE = "issue"


_FROM: dict[DraftAction, frozenset[DraftState]] = {
    DraftAction.EDIT: frozenset({DraftState.DRAFT, DraftState.RETURNED}),
    DraftAction.UPLOAD: frozenset({DraftState.DRAFT, DraftState.RETURNED}),
    DraftAction.SUBMIT: frozenset({DraftState.DRAFT, DraftState.RETURNED}),
    DraftAction.RETURN: frozenset({DraftState.SUBMITTED}),
    DraftAction.SIGN: frozenset({DraftState.SUBMITTED}),
    DraftAction.NUMBER_AND_SEAL: frozenset({DraftState.SIGNED}),
    DraftAction.ISSUE: frozenset({DraftState.NUMBERED}),
}
_TO: dict[DraftAction, DraftState] = {
    DraftAction.SUBMIT: DraftState.SUBMITTED,
    DraftAction.RETURN: DraftState.RETURNED,
    DraftAction.SIGN: DraftState.SIGNED,
    DraftAction.NUMBER_AND_SEAL: DraftState.NUMBERED,
    DraftAction.ISSUE: DraftState.ISSUED,
}

DOCUMENT_STATE: dict[DraftState, DocumentState] = {
    DraftState.DRAFT: DocumentState.DRAFT,
    DraftState.SUBMITTED: DocumentState.SUBMITTED,
    DraftState.RETURNED: DocumentState.RETURNED,
    DraftState.SIGNED: DocumentState.SIGNED,
    DraftState.NUMBERED: DocumentState.NUMBERED,
    DraftState.ISSUED: DocumentState.SEALED,  # sealed and released: what the "to send" list waits on
}
"""The outgoing document's state for each draft state (design §4: draft → submitted → signed → numbered → sealed)."""


def allowed(state: DraftState, action: DraftAction) -> bool:
    return state in _FROM[action]


def next_state(state: DraftState, action: DraftAction) -> DraftState:
    """The state after `action`, or a refusal that names the state the draft is in (e.g. signing it twice)."""
    if not allowed(state, action):
        raise ConflictError("issuing.bad_state", state=state.value, action=action.value)
    return _TO.get(action, state)


class VersionKind(StrEnum):
    UPLOADED = "uploaded"  # a PDF the specialist gave
    CONVERTED = "converted"  # a DOCX turned into PDF by LibreOffice
    PREPARED = "prepared"  # number, date and signature fields added on submission
    RETURNED = "returned"  # the signer's comments (and maybe an annotated copy)
    SIGNED = "signed"  # the signer's certification signature
    SEALED = "sealed"  # number, date and the organisation's seal


class RecipientKind(StrEnum):
    AGENCY = "agency"  # another agency, from the directory (mã định danh)
    UNIT = "unit"  # a unit of the own agency
    USER = "user"  # a person of the own agency


class RecipientRelation(StrEnum):
    """What the recipient is to the issuer, as far as seed Art 7 cares."""

    ORDINARY = "ordinary"
    SUPERIOR = "superior"  # cơ quan cấp trên
    GOVERNMENT = "government"  # Chính phủ, Thủ tướng Chính phủ
    LEGAL_REVIEW = "legal_review"  # cơ quan kiểm tra văn bản quy phạm pháp luật
    OUTSIDE_SYSTEM = "outside_system"  # outside the state administrative system


class PaperReason(StrEnum):
    """Why a recipient also gets paper (seed Art 6, 7; standards §1.4)."""

    PAPER_ONLY = "paper_only"  # secret or restriction-stamped: not sent electronically at all
    NORMATIVE_TO_SUPERIOR = "normative_to_superior"
    NORMATIVE_OUTSIDE_SYSTEM = "normative_outside_system"
    NORMATIVE_LEGAL_REVIEW = "normative_legal_review"
    DOCUMENT_TYPE = "document_type"  # individual decision, thông cáo, phương án, đề án, dự án, tờ trình
    TO_GOVERNMENT = "to_government"
    AGENCY_LIST = "agency_list"  # on the agency's own list of documents that also go on paper
    NO_EQUIPMENT = "no_equipment"  # the recipient cannot receive electronic documents
    REQUESTED = "requested"  # the drafter asked for paper for this recipient


class Delivery(StrEnum):
    ELECTRONIC = "electronic"
    ELECTRONIC_AND_PAPER = "electronic+paper"
    PAPER = "paper"


PAPER_TYPE_ABBREVIATIONS = frozenset({"TC", "PA", "ĐA", "DA", "TTr"})
"""Thông cáo, phương án, đề án, dự án, tờ trình always go on paper too (seed Art 7); so do individual decisions."""


@dataclass(frozen=True)
class Recipient:
    """Nơi nhận. An agency is known by its code when the directory has one; a unit or person by its id."""

    kind: RecipientKind
    name: str
    agency_code: str | None = None
    unit_id: int | None = None
    user_id: int | None = None
    relation: RecipientRelation = RecipientRelation.ORDINARY
    no_equipment: bool = False
    paper: bool = False  # the drafter asks for paper (the rules may add it anyway)
    paper_copies: int = 1

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationError("issuing.recipient_name_empty")
        if self.kind is RecipientKind.UNIT and self.unit_id is None:
            raise ValidationError("issuing.recipient_unit_missing", name=self.name)
        if self.kind is RecipientKind.USER and self.user_id is None:
            raise ValidationError("issuing.recipient_user_missing", name=self.name)
        if self.kind is not RecipientKind.AGENCY and self.relation is not RecipientRelation.ORDINARY:
            raise ValidationError("issuing.recipient_relation_internal", name=self.name)
        if not 0 <= self.paper_copies <= MAX_COPIES:
            raise ValidationError("issuing.copies_out_of_range", name=self.name, max=MAX_COPIES)

    @property
    def key(self) -> tuple[str, str]:
        """Who this is, to catch the same recipient listed twice."""
        ident = self.agency_code or str(self.unit_id or self.user_id or "") or self.name.strip().casefold()
        return self.kind.value, ident


@dataclass(frozen=True)
class Appendix:
    """Phụ lục: in the main file (sha256 None) or a separate PDF."""

    title: str
    sha256: str | None = None
    file_name: str = ""

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise ValidationError("issuing.appendix_title_empty")


@dataclass(frozen=True)
class DraftMeta:
    """What the specialist fills in; the signer is picked here or at submission."""

    doc_type: str
    summary: str  # trích yếu
    urgency: Urgency = Urgency.NORMAL
    confidentiality: Confidentiality = Confidentiality.NONE
    restriction: RestrictionStamp = RestrictionStamp.NONE
    normative: bool = False
    paper_copies_needed: bool = False  # on the agency's own list of documents also sent on paper
    signer_user_id: int | None = None

    def validated(self) -> DraftMeta:
        """Refuse what cannot be issued as typed; returns the meta with the type's canonical spelling."""
        summary = " ".join(self.summary.split())
        if not summary:
            raise ValidationError("issuing.summary_empty")
        kind = document_types.find(self.doc_type)
        if kind is None:
            raise ValidationError("issuing.unknown_type", type=self.doc_type)
        if self.normative and not kind.normative_capable:
            raise ValidationError("issuing.not_normative_type", type=kind.name)
        return DraftMeta(
            kind.name,
            summary,
            self.urgency,
            self.confidentiality,
            self.restriction,
            self.normative,
            self.paper_copies_needed,
            self.signer_user_id,
        )

    @property
    def paper_only(self) -> bool:
        """Seed Art 6: secret and restriction-stamped documents are handled on paper only."""
        return self.confidentiality is not Confidentiality.NONE or self.restriction is not RestrictionStamp.NONE


def check_recipients(recipients: Sequence[Recipient]) -> None:
    seen: set[tuple[str, str]] = set()
    for r in recipients:
        if r.key in seen:
            raise ValidationError("issuing.recipient_twice", name=r.name)
        seen.add(r.key)


def type_needs_paper(meta: DraftMeta) -> bool:
    kind = document_types.find(meta.doc_type)
    if kind is None or kind.abbreviation is None:
        return False
    if kind.abbreviation == "QĐ":
        return not meta.normative  # quyết định cá biệt
    return kind.abbreviation in PAPER_TYPE_ABBREVIATIONS


def paper_reasons(meta: DraftMeta, recipient: Recipient) -> tuple[PaperReason, ...]:
    """Why `recipient` also gets a paper copy; empty when electronic alone is enough."""
    reasons: list[PaperReason] = []
    if meta.paper_only:
        reasons.append(PaperReason.PAPER_ONLY)
    if meta.normative:
        by_relation = {
            RecipientRelation.SUPERIOR: PaperReason.NORMATIVE_TO_SUPERIOR,
            RecipientRelation.OUTSIDE_SYSTEM: PaperReason.NORMATIVE_OUTSIDE_SYSTEM,
            RecipientRelation.LEGAL_REVIEW: PaperReason.NORMATIVE_LEGAL_REVIEW,
        }
        if recipient.relation in by_relation:
            reasons.append(by_relation[recipient.relation])
    if type_needs_paper(meta):
        reasons.append(PaperReason.DOCUMENT_TYPE)
    if recipient.relation is RecipientRelation.GOVERNMENT:
        reasons.append(PaperReason.TO_GOVERNMENT)
    if meta.paper_copies_needed:
        reasons.append(PaperReason.AGENCY_LIST)
    if recipient.no_equipment:
        reasons.append(PaperReason.NO_EQUIPMENT)
    if recipient.paper and not reasons:
        reasons.append(PaperReason.REQUESTED)
    return tuple(reasons)


@dataclass(frozen=True)
class PaperCopy:
    recipient: Recipient
    copies: int
    reasons: tuple[PaperReason, ...]


@dataclass(frozen=True)
class PaperPlan:
    """What the clerk prints: one line per recipient that gets paper, with how many copies and why."""

    delivery: Delivery
    copies: tuple[PaperCopy, ...]

    @property
    def total(self) -> int:
        return sum(c.copies for c in self.copies)


def paper_plan(meta: DraftMeta, recipients: Sequence[Recipient]) -> PaperPlan:
    lines = []
    for r in recipients:
        reasons = paper_reasons(meta, r)
        if reasons:
            lines.append(PaperCopy(r, max(1, r.paper_copies), reasons))
    if meta.paper_only:
        delivery = Delivery.PAPER
    elif lines:
        delivery = Delivery.ELECTRONIC_AND_PAPER
    else:
        delivery = Delivery.ELECTRONIC
    return PaperPlan(delivery, tuple(lines))


# --- what the service hands out -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftVersion:
    number: int
    sha256: str
    kind: VersionKind
    file_name: str
    created_by: str
    created_at: datetime
    comment: str = ""


@dataclass(frozen=True)
class Draft:
    document_id: str
    version: int  # pass back as `expected_version`: a change by someone else is caught (optimistic locking)
    state: DraftState
    meta: DraftMeta
    drafter_user_id: int
    drafter_name: str
    signer_name: str
    current_version_no: int
    current_sha256: str
    current_file_name: str
    created_at: datetime
    updated_at: datetime
    number_notation: str = ""  # once the clerk has numbered it
    issued_date: date | None = None
    return_comment: str = ""
    changed_since_return: bool = False
    signed_at: datetime | None = None
    signed_by_name: str = ""
    issued_at: datetime | None = None
    recipients: tuple[Recipient, ...] = field(default=())
    appendices: tuple[Appendix, ...] = field(default=())
    versions: tuple[DraftVersion, ...] = field(default=())

    @property
    def paper_plan(self) -> PaperPlan:
        return paper_plan(self.meta, self.recipients)
