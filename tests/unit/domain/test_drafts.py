"""Draft states and the paper-copy rule of seed Art 6 and 7, on plain values."""

from __future__ import annotations

import pytest

from app.domain.drafts import (
    DOCUMENT_STATE,
    Delivery,
    DraftAction,
    DraftMeta,
    DraftState,
    PaperReason,
    Recipient,
    RecipientKind,
    RecipientRelation,
    allowed,
    check_recipients,
    next_state,
    paper_plan,
    paper_reasons,
)
from app.domain.enums import Confidentiality, DocumentState, RestrictionStamp
from app.domain.errors import ConflictError, ValidationError


def agency(name: str = "Sở Tài chính", code: str = "000.00.13.H27", **kw: object) -> Recipient:
    return Recipient(RecipientKind.AGENCY, name, agency_code=code, **kw)  # type: ignore[arg-type]


SUPERIOR = agency("UBND tỉnh Hà Tĩnh", "000.00.00.H27", relation=RecipientRelation.SUPERIOR)
PEER = agency()
REVIEW = agency("Sở Tư pháp", "000.00.14.H27", relation=RecipientRelation.LEGAL_REVIEW)
GOVERNMENT = agency("Văn phòng Chính phủ", "000.00.00.G01", relation=RecipientRelation.GOVERNMENT)
UNIT = Recipient(RecipientKind.UNIT, "Phòng Công nghệ thông tin", unit_id=2)


def meta(doc_type: str = "Công văn", **kw: object) -> DraftMeta:
    return DraftMeta(doc_type, "V/v triển khai chữ ký số", **kw).validated()  # type: ignore[arg-type]


# --- states -------------------------------------------------------------------------------------------------------


def test_the_whole_path_from_draft_to_issued_with_one_return() -> None:
    state = DraftState.DRAFT
    for action, expected in [
        (DraftAction.SUBMIT, DraftState.SUBMITTED),
        (DraftAction.RETURN, DraftState.RETURNED),
        (DraftAction.EDIT, DraftState.RETURNED),
        (DraftAction.SUBMIT, DraftState.SUBMITTED),
        (DraftAction.SIGN, DraftState.SIGNED),
        (DraftAction.NUMBER_AND_SEAL, DraftState.NUMBERED),
        (DraftAction.ISSUE, DraftState.ISSUED),
    ]:
        state = next_state(state, action)
        assert state is expected


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (DraftState.DRAFT, DraftAction.SIGN),  # nothing is signed before it is submitted
        (DraftState.SUBMITTED, DraftAction.EDIT),  # the signer reads what was submitted, unchanged
        (DraftState.SUBMITTED, DraftAction.UPLOAD),
        (DraftState.SIGNED, DraftAction.SIGN),  # signing twice
        (DraftState.SIGNED, DraftAction.RETURN),  # once signed, only the clerk moves it
        (DraftState.SUBMITTED, DraftAction.NUMBER_AND_SEAL),  # no number before the signature (ND30 Art 15.3)
        (DraftState.NUMBERED, DraftAction.NUMBER_AND_SEAL),
        (DraftState.ISSUED, DraftAction.EDIT),
        (DraftState.ISSUED, DraftAction.ISSUE),
    ],
)
def test_a_step_the_state_does_not_allow_is_refused_and_names_the_state(state: DraftState, action: DraftAction) -> None:
    assert not allowed(state, action)
    with pytest.raises(ConflictError) as err:
        next_state(state, action)
    assert err.value.code == "issuing.bad_state" and err.value.params["state"] == state.value


def test_an_issued_draft_is_a_sealed_outgoing_document_for_the_to_send_list() -> None:
    assert DOCUMENT_STATE[DraftState.ISSUED] is DocumentState.SEALED
    assert DOCUMENT_STATE[DraftState.RETURNED] is DocumentState.RETURNED


# --- metadata and recipients --------------------------------------------------------------------------------------


def test_meta_is_normalised_and_refused_when_it_cannot_be_issued() -> None:
    m = DraftMeta("quyet dinh", "  Về   việc   ban hành  quy chế ").validated()
    assert (m.doc_type, m.summary) == ("Quyết định", "Về việc ban hành quy chế")
    with pytest.raises(ValidationError, match=r"issuing\.summary_empty"):
        DraftMeta("Công văn", "   ").validated()
    with pytest.raises(ValidationError, match=r"issuing\.unknown_type"):
        DraftMeta("Thư tình", "V/v").validated()
    with pytest.raises(ValidationError, match=r"issuing\.not_normative_type"):
        DraftMeta("Công văn", "V/v", normative=True).validated()


def test_recipients_are_checked_for_identity_copies_and_repeats() -> None:
    with pytest.raises(ValidationError, match=r"issuing\.recipient_unit_missing"):
        Recipient(RecipientKind.UNIT, "Phòng CNTT")
    with pytest.raises(ValidationError, match=r"issuing\.recipient_relation_internal"):
        Recipient(RecipientKind.UNIT, "Phòng CNTT", unit_id=1, relation=RecipientRelation.SUPERIOR)
    with pytest.raises(ValidationError, match=r"issuing\.copies_out_of_range"):
        agency(paper=True, paper_copies=500)
    with pytest.raises(ValidationError, match=r"issuing\.recipient_twice"):
        check_recipients([PEER, agency("Sở Tài chính tỉnh")])  # the same code under another spelling
    check_recipients([PEER, SUPERIOR, UNIT])


# --- paper copies (seed Art 6, 7) ---------------------------------------------------------------------------------


def test_an_ordinary_cong_van_goes_electronic_only() -> None:
    plan = paper_plan(meta(), [SUPERIOR, PEER, UNIT])
    assert plan.delivery is Delivery.ELECTRONIC and plan.copies == () and plan.total == 0


def test_a_normative_document_goes_on_paper_to_the_superior_and_the_legal_review_body_only() -> None:
    m = meta("Quyết định", normative=True)
    plan = paper_plan(m, [SUPERIOR, PEER, REVIEW, UNIT])
    assert [(c.recipient.name, c.reasons) for c in plan.copies] == [
        ("UBND tỉnh Hà Tĩnh", (PaperReason.NORMATIVE_TO_SUPERIOR,)),
        ("Sở Tư pháp", (PaperReason.NORMATIVE_LEGAL_REVIEW,)),
    ]
    assert plan.delivery is Delivery.ELECTRONIC_AND_PAPER


def test_outside_the_administrative_system_needs_paper_for_a_normative_document_only() -> None:
    bank = agency("Ngân hàng Nhà nước chi nhánh Hà Tĩnh", "000.00.90.H27", relation=RecipientRelation.OUTSIDE_SYSTEM)
    assert paper_reasons(meta("Nghị quyết", normative=True), bank) == (PaperReason.NORMATIVE_OUTSIDE_SYSTEM,)
    assert paper_reasons(meta(), bank) == ()


@pytest.mark.parametrize("doc_type", ["Quyết định", "Thông cáo", "Phương án", "Đề án", "Dự án", "Tờ trình"])
def test_individual_decisions_and_the_listed_types_go_on_paper_to_everyone(doc_type: str) -> None:
    plan = paper_plan(meta(doc_type), [PEER, UNIT])
    assert [c.reasons for c in plan.copies] == [(PaperReason.DOCUMENT_TYPE,)] * 2


def test_documents_to_the_government_agency_list_and_recipients_without_equipment_get_paper() -> None:
    poor = agency("UBND xã Kỳ Lạc", "001.03.12.H27", no_equipment=True, paper_copies=2)
    plan = paper_plan(meta(), [GOVERNMENT, poor, PEER])
    assert [(c.recipient.name, c.copies, c.reasons) for c in plan.copies] == [
        ("Văn phòng Chính phủ", 1, (PaperReason.TO_GOVERNMENT,)),
        ("UBND xã Kỳ Lạc", 2, (PaperReason.NO_EQUIPMENT,)),
    ]
    assert plan.total == 3
    listed = paper_plan(meta(paper_copies_needed=True), [PEER, UNIT])
    assert [c.reasons for c in listed.copies] == [(PaperReason.AGENCY_LIST,)] * 2


def test_a_copy_the_drafter_asked_for_is_printed_with_its_count() -> None:
    plan = paper_plan(meta(), [agency(paper=True, paper_copies=3), SUPERIOR])
    assert [(c.copies, c.reasons) for c in plan.copies] == [(3, (PaperReason.REQUESTED,))]


@pytest.mark.parametrize(
    "kw",
    [{"confidentiality": Confidentiality.SECRET}, {"restriction": RestrictionStamp.INTERNAL_CIRCULATION}],
)
def test_secret_and_restriction_stamped_documents_go_on_paper_only(kw: dict[str, object]) -> None:
    plan = paper_plan(meta(**kw), [PEER, UNIT])  # type: ignore[arg-type]
    assert plan.delivery is Delivery.PAPER
    assert all(PaperReason.PAPER_ONLY in c.reasons for c in plan.copies) and len(plan.copies) == 2


def test_a_required_copy_is_at_least_one_even_when_the_drafter_typed_zero() -> None:
    plan = paper_plan(meta("Tờ trình"), [agency(paper_copies=0)])
    assert plan.copies[0].copies == 1
