"""Drafts to issued documents on real SoftHSM2 tokens, SQLite and PostgreSQL: draft → submit → return → resubmit →
sign → number and seal → issued → "to send"; the signer's signature stays intact; every refusal is audited."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.clock import VN_TZ
from app.domain.drafts import (
    Delivery,
    DraftMeta,
    DraftState,
    PaperReason,
    Recipient,
    RecipientKind,
    RecipientRelation,
    VersionKind,
)
from app.domain.enums import AgencyLevel, DocumentState, Role
from app.domain.errors import ConflictError, DomainError, PermissionDeniedError, ValidationError
from app.domain.model import Actor
from app.services.bundle import Services
from app.services.issuing import IssuingService
from app.services.official_pdf import OfficialDocument, render
from app.services.signing.pki import DemoPki, create_demo_pki, find_softhsm_module
from app.services.signing.service import SigningConfig, SigningService
from app.services.signing.sign import DATE_FIELD, LEADER_FIELD, NUMBER_FIELD, SEAL_FIELD, field_names
from app.services.signing.tokens import TokenSelector
from app.store.audit import verify_chain
from app.store.models import AuditEventRow
from app.store.repositories import AgencyRepository, UserRepository
from tests.conftest import FakeClock
from tests.support import missing, require_tool

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PIN = "123456"
LEADER = ("LANH_DAO_IS", "Nguyễn Văn An", "Giám đốc")
DEPUTY = ("PHO_GD_IS", "Lê Minh Tuấn", "Phó Giám đốc")
ORG = ("CO_QUAN_IS", "Sở Thông tin và Truyền thông")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoPki]:
    require_tool("softhsm2-util")
    if find_softhsm_module() is None:
        missing("libsofthsm2.so not found (package softhsm2)")
    previous = os.environ.get("SOFTHSM2_CONF")
    made = create_demo_pki(tmp_path_factory.mktemp("issuing-pki"), [LEADER, DEPUTY], ORG)
    yield made
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


@dataclass(frozen=True)
class Office:
    clerk: Actor
    leader: Actor
    deputy: Actor
    drafter: Actor
    other_drafter: Actor
    unit_it: int


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=VN_TZ)


@pytest.fixture
def office(services: Services, clock: FakeClock) -> Office:
    clock.now = _at(25, 8, 0)  # Wednesday, a working day
    with services.ctx.db.session() as s:
        agencies = AgencyRepository(s)
        agency = agencies.add(
            code="000.00.12.H27",
            name="Sở Thông tin và Truyền thông",
            abbreviation="STTTT",
            level=AgencyLevel.PROVINCE,
            parent_code="000.00.00.H27",
            parent_name="UBND tỉnh Hà Tĩnh",
            place_name="Hà Tĩnh",
            is_own=True,
        )
        agencies.add(
            code="000.00.00.H27",
            name="UBND tỉnh Hà Tĩnh",
            abbreviation="UBND",
            level=AgencyLevel.PROVINCE,
            parent_code=None,
            parent_name=None,
            place_name="Hà Tĩnh",
        )
        office_unit = agencies.add_unit(agency.id, "Văn phòng Sở", "VP")
        it = agencies.add_unit(agency.id, "Phòng Công nghệ thông tin", "CNTT")
        users = UserRepository(s)

        def user(name: str, full: str, position: str, role: Role, unit: int) -> Actor:
            made = users.add(
                agency_id=agency.id,
                unit_id=unit,
                username=name,
                full_name=full,
                position=position,
                password_hash="-",
                roles=[role],
                created_at=clock.now,
            )
            return Actor.of(made)

        return Office(
            clerk=user("vanthu", "Trần Thị Hoa", "Văn thư", Role.CLERK, office_unit.id),
            leader=user("giamdoc", LEADER[1], LEADER[2], Role.LEADER, office_unit.id),
            deputy=user("phogiamdoc", DEPUTY[1], DEPUTY[2], Role.DEPUTY, office_unit.id),
            drafter=user("chuyenvien", "Phạm Thị Lan", "Chuyên viên", Role.SPECIALIST, it.id),
            other_drafter=user("chuyenvien2", "Đỗ Văn Bình", "Chuyên viên", Role.SPECIALIST, it.id),
            unit_it=it.id,
        )


@pytest.fixture
def signing(services: Services, pki: DemoPki, office: Office) -> Iterator[SigningService]:
    service = SigningService(services.ctx, SigningConfig(pki_dir=pki.dir, trust_demo_root=True))
    service.remember_token(office.leader, TokenSelector(label=LEADER[0]))
    service.remember_token(office.deputy, TokenSelector(label=DEPUTY[0]))
    yield service
    service.close()


@pytest.fixture
def issuing(services: Services, signing: SigningService) -> IssuingService:
    return IssuingService(services.ctx, services.registry, signing)


def draft_pdf(body: str = "Sở Thông tin và Truyền thông đề nghị các cơ quan triển khai chữ ký số.") -> bytes:
    return render(
        OfficialDocument(
            parent_agency="UBND TỈNH HÀ TĨNH",
            issuer_name="Sở Thông tin và Truyền thông",
            doc_type="Công văn",
            number=None,
            notation="STTTT-CNTT",
            normative_year=None,
            place="Hà Tĩnh",
            issued=None,
            summary="V/v triển khai chữ ký số trong cơ quan nhà nước",
            body=[body] * 6,
            signer_authority="",
            signer_position=LEADER[2],
            signer_name=LEADER[1],
            recipients=["Như trên;", "Lưu: VT, CNTT."],
            addressees=["UBND tỉnh Hà Tĩnh", "Sở Tài chính"],
            year=2026,
        )
    ).pdf


META = DraftMeta("Công văn", "V/v triển khai chữ ký số trong cơ quan nhà nước")
RECIPIENTS = (
    Recipient(
        RecipientKind.AGENCY, "UBND tỉnh Hà Tĩnh", agency_code="000.00.00.H27", relation=RecipientRelation.SUPERIOR
    ),
    Recipient(RecipientKind.AGENCY, "UBND xã Kỳ Lạc", agency_code="001.03.12.H27", no_equipment=True, paper_copies=2),
    Recipient(RecipientKind.AGENCY, "Sở Tài chính", agency_code="000.00.13.H27", paper=True, paper_copies=1),
)


def _audit(services: Services, action: str) -> list[AuditEventRow]:
    with services.ctx.db.session() as s:
        rows = s.execute(select(AuditEventRow).where(AuditEventRow.action == action).order_by(AuditEventRow.seq))
        return list(rows.scalars())


def _new_draft(issuing: IssuingService, office: Office) -> str:
    meta = DraftMeta(META.doc_type, META.summary, signer_user_id=office.leader.user_id)
    return issuing.create(office.drafter, meta, draft_pdf(), "cong-van.pdf", recipients=RECIPIENTS).document_id


def test_the_whole_chain_from_draft_to_the_to_send_list(
    services: Services,
    issuing: IssuingService,
    signing: SigningService,
    office: Office,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    doc_id = _new_draft(issuing, office)
    draft = issuing.get(doc_id)
    assert draft.state is DraftState.DRAFT and draft.drafter_name == "Phạm Thị Lan"
    assert services.documents.get(doc_id).state is DocumentState.DRAFT
    assert [d.document_id for d in issuing.my_drafts(office.drafter)] == [doc_id]

    submitted = issuing.submit(office.drafter, doc_id)
    assert submitted.state is DraftState.SUBMITTED and submitted.signer_name == LEADER[1]
    assert submitted.versions[-1].kind is VersionKind.PREPARED
    assert set(field_names(issuing.pdf(submitted.current_sha256))) >= {
        LEADER_FIELD,
        SEAL_FIELD,
        NUMBER_FIELD,
        DATE_FIELD,
    }
    assert [d.document_id for d in issuing.awaiting_signature(office.leader)] == [doc_id]
    assert issuing.awaiting_signature(office.deputy) == []  # no delegation

    clock.now = _at(25, 9, 0)
    returned = issuing.return_draft(office.leader, doc_id, "Bổ sung thời hạn triển khai.")
    assert returned.state is DraftState.RETURNED and returned.return_comment == "Bổ sung thời hạn triển khai."
    assert returned.versions[-1].kind is VersionKind.RETURNED and returned.versions[-1].comment.startswith("Bổ sung")
    with pytest.raises(ConflictError) as unchanged:
        issuing.submit(office.drafter, doc_id)
    assert unchanged.value.code == "issuing.resubmit_unchanged"
    assert json.loads(_audit(services, "issuing.refused")[-1].details)["code"] == "issuing.resubmit_unchanged"

    revised = issuing.upload_version(
        office.drafter,
        doc_id,
        draft_pdf("Thời hạn triển khai: trước 31/12/2026."),
        "cong-van-v2.pdf",
        comment="Đã bổ sung thời hạn",
    )
    assert revised.changed_since_return
    resubmitted = issuing.submit(office.drafter, doc_id, expected_version=revised.version)
    assert resubmitted.state is DraftState.SUBMITTED

    clock.now = _at(25, 10, 15)
    signed = issuing.sign(office.leader, doc_id, PIN, expected_version=resubmitted.version)
    assert signed.state is DraftState.SIGNED and signed.signed_by_name == LEADER[1]
    assert services.documents.get(doc_id).state is DocumentState.SIGNED
    assert [d.document_id for d in issuing.awaiting_clerk(office.clerk)] == [doc_id]
    assert services.workflow.to_send(office.clerk) == []

    clock.now = _at(25, 10, 30)
    sealed = issuing.number_and_seal(office.clerk, doc_id, PIN)
    assert sealed.state is DraftState.NUMBERED and sealed.number_notation == "01/STTTT-CNTT"
    assert sealed.versions[-1].comment == "01/STTTT-CNTT — Hà Tĩnh, ngày 25 tháng 11 năm 2026"
    kinds = [v.kind for v in sealed.versions]
    assert kinds == [
        VersionKind.UPLOADED,
        VersionKind.PREPARED,
        VersionKind.RETURNED,
        VersionKind.UPLOADED,
        VersionKind.PREPARED,
        VersionKind.SIGNED,
        VersionKind.SEALED,
    ]
    for v in sealed.versions:  # every version kept, byte for byte
        assert services.ctx.files.hash_of(v.sha256) == v.sha256

    report = signing.verify(issuing.pdf(sealed.current_sha256))
    leader, seal = report.signatures
    assert leader.field_name == LEADER_FIELD and leader.intact and leader.valid and leader.signer == LEADER[1]
    assert leader.modification_level == "form_filling" and leader.modifications_allowed
    assert seal.field_name == SEAL_FIELD and seal.valid and seal.coverage == "entire_file"
    assert report.all_valid
    pdfsig = require_tool("pdfsig")
    out_file = tmp_path / "issued.pdf"
    out_file.write_bytes(issuing.pdf(sealed.current_sha256))
    text = subprocess.run([pdfsig, str(out_file)], capture_output=True, text=True, timeout=60, check=False).stdout
    assert text.count("Signature is Valid.") == 2

    plan = issuing.paper_copies(doc_id)
    assert plan.delivery is Delivery.ELECTRONIC_AND_PAPER
    assert [(c.recipient.name, c.copies, c.reasons) for c in plan.copies] == [
        ("UBND xã Kỳ Lạc", 2, (PaperReason.NO_EQUIPMENT,)),
        ("Sở Tài chính", 1, (PaperReason.REQUESTED,)),
    ]
    issuing.record_printed(office.clerk, doc_id, plan.total)

    clock.now = _at(25, 10, 45)
    issued = issuing.mark_issued(office.clerk, doc_id)
    assert issued.state is DraftState.ISSUED
    doc = services.documents.get(doc_id)
    assert doc.state is DocumentState.SEALED and doc.needs_paper and doc.number_notation == "01/STTTT-CNTT"
    assert issuing.awaiting_clerk(office.clerk) == []

    clock.now = _at(25, 11, 45)
    (waiting,) = services.workflow.to_send(office.clerk)
    assert waiting.document_id == doc_id and waiting.number_notation == "01/STTTT-CNTT"
    assert waiting.signed_at == _at(25, 10, 15) and waiting.sealed_at == _at(25, 10, 30)
    assert not waiting.not_sent_by_close and not waiting.late and not waiting.paper_only

    with services.ctx.db.session() as s:
        actions = [e.action for e in services.ctx.audit.history(s, "draft", doc_id)]
        assert verify_chain(s) == []
    assert actions == [
        "issuing.create",
        "issuing.submit",
        "issuing.return",
        "issuing.refused",
        "issuing.upload",
        "issuing.submit",
        "issuing.sign",
        "issuing.number_and_seal",
        "issuing.print",
        "issuing.issue",
    ]


def test_a_wrong_pin_at_sealing_keeps_the_number_for_the_next_try(
    services: Services, issuing: IssuingService, office: Office
) -> None:
    doc_id = _new_draft(issuing, office)
    issuing.submit(office.drafter, doc_id)
    issuing.sign(office.leader, doc_id, PIN)

    with pytest.raises(DomainError) as wrong:
        issuing.number_and_seal(office.clerk, doc_id, "000000")
    assert wrong.value.code == "token.pin_incorrect"
    assert issuing.get(doc_id).state is DraftState.SIGNED
    assert services.documents.get(doc_id).number_notation == "01/STTTT-CNTT"  # taken, kept, never lost

    sealed = issuing.number_and_seal(office.clerk, doc_id, PIN)
    assert sealed.state is DraftState.NUMBERED and sealed.number_notation == "01/STTTT-CNTT"
    second = _new_draft(issuing, office)
    issuing.submit(office.drafter, second)
    issuing.sign(office.leader, second, PIN)
    assert issuing.number_and_seal(office.clerk, second, PIN).number_notation == "02/STTTT-CNTT"  # no gap


def test_every_role_is_refused_what_it_may_not_do_and_each_refusal_is_audited(
    services: Services, issuing: IssuingService, office: Office
) -> None:
    def refused(code: str, call: object) -> None:
        before = len(_audit(services, "permission.denied"))
        with pytest.raises(PermissionDeniedError) as err:
            call()  # type: ignore[operator]
        assert err.value.code == code
        assert len(_audit(services, "permission.denied")) == before + 1

    refused("permission.denied", lambda: issuing.create(office.clerk, META, draft_pdf(), "x.pdf"))
    doc_id = _new_draft(issuing, office)
    refused("issuing.not_drafter", lambda: issuing.edit(office.other_drafter, doc_id, META, recipients=RECIPIENTS))
    refused("issuing.not_drafter", lambda: issuing.submit(office.other_drafter, doc_id))
    issuing.submit(office.drafter, doc_id)
    refused("permission.denied", lambda: issuing.sign(office.clerk, doc_id, PIN))
    refused("permission.denied", lambda: issuing.return_draft(office.drafter, doc_id, "Tự trả lại"))
    refused("issuing.not_your_signature", lambda: issuing.sign(office.deputy, doc_id, PIN))
    refused("permission.denied", lambda: issuing.number_and_seal(office.leader, doc_id, PIN))
    refused("permission.denied", lambda: issuing.mark_issued(office.drafter, doc_id))
    assert issuing.get(doc_id).state is DraftState.SUBMITTED
    details = json.loads(_audit(services, "permission.denied")[-1].details)
    assert details["action"] == "issuing.issue" and details["has"] == ["specialist"]


def test_a_deputy_signs_for_the_leader_only_inside_the_delegation_and_it_is_recorded(
    services: Services, issuing: IssuingService, signing: SigningService, office: Office, clock: FakeClock
) -> None:
    doc_id = _new_draft(issuing, office)
    issuing.submit(office.drafter, doc_id)
    services.workflow.delegate(office.leader, office.deputy.user_id or 0, _at(25, 8, 0), _at(25, 12, 0))
    assert [d.document_id for d in issuing.awaiting_signature(office.deputy)] == [doc_id]

    clock.now = _at(25, 14, 0)  # the delegation ended at noon
    with pytest.raises(PermissionDeniedError) as late:
        issuing.sign(office.deputy, doc_id, PIN)
    assert late.value.code == "workflow.delegation_inactive"

    clock.now = _at(25, 11, 0)
    signed = issuing.sign(office.deputy, doc_id, PIN)
    assert signed.signed_by_name == DEPUTY[1] and services.documents.get(doc_id).signer_name == DEPUTY[1]
    with services.ctx.db.session() as s:
        event = services.ctx.audit.history(s, "draft", doc_id)[-1]
    assert event.action == "issuing.sign" and json.loads(event.details)["acting_for"] == office.leader.user_id
    report = signing.verify(issuing.pdf(signed.current_sha256))
    assert report.signatures[0].signer == DEPUTY[1] and report.signatures[0].intact


def test_two_people_on_one_draft_the_later_is_told_who_changed_it(issuing: IssuingService, office: Office) -> None:
    doc_id = _new_draft(issuing, office)
    seen = issuing.get(doc_id)
    issuing.edit(
        office.drafter,
        doc_id,
        DraftMeta("Công văn", "V/v khác", signer_user_id=office.leader.user_id),
        recipients=RECIPIENTS,
        expected_version=seen.version,
    )
    with pytest.raises(ConflictError) as stale:
        issuing.submit(office.drafter, doc_id, expected_version=seen.version)
    assert stale.value.code == "workflow.changed_by_other" and stale.value.params["by"] == "chuyenvien"


def test_bad_input_is_refused_with_a_clear_code(issuing: IssuingService, office: Office) -> None:
    with pytest.raises(ValidationError, match=r"issuing\.not_pdf_or_word"):
        issuing.create(office.drafter, META, b"\x89PNG\r\n\x1a\n" + b"0" * 64, "scan.png")
    with pytest.raises(ValidationError, match=r"file\.pdf_corrupt"):
        issuing.create(office.drafter, META, b"%PDF-1.7\nnot really", "broken.pdf")
    no_signer = issuing.create(office.drafter, META, draft_pdf(), "cv.pdf", recipients=RECIPIENTS)
    with pytest.raises(ValidationError, match=r"issuing\.signer_required"):
        issuing.submit(office.drafter, no_signer.document_id)
    with pytest.raises(ValidationError, match=r"issuing\.not_a_signer"):
        issuing.submit(office.drafter, no_signer.document_id, signer_user_id=office.clerk.user_id)
    alone = issuing.create(
        office.drafter, DraftMeta("Công văn", "V/v", signer_user_id=office.leader.user_id), draft_pdf(), "cv.pdf"
    )
    with pytest.raises(ValidationError, match=r"issuing\.no_recipients"):
        issuing.submit(office.drafter, alone.document_id)
    with pytest.raises(ValidationError, match=r"issuing\.file_unchanged"):
        issuing.upload_version(office.drafter, alone.document_id, draft_pdf(), "cv-again.pdf")


def _docx(text: str) -> bytes:
    """A minimal Word document (what python-docx would write, without the dependency)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            (
                '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
                'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
                'document.main+xml"/></Types>'
            ),
        )
        z.writestr(
            "_rels/.rels",
            (
                '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
            ),
        )
        z.writestr(
            "word/document.xml",
            (
                '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>'
            ),
        )
    return out.getvalue()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_word_draft_is_converted_by_libreoffice(services: Services, issuing: IssuingService, office: Office) -> None:
    require_tool("soffice")
    draft = issuing.create(office.drafter, META, _docx("Dự thảo công văn về chữ ký số"), "du-thao.docx")
    assert draft.versions[0].kind is VersionKind.CONVERTED and draft.current_file_name == "du-thao.pdf"
    pdf = issuing.pdf(draft.current_sha256)
    assert pdf.startswith(b"%PDF-")
    import io

    from pypdf import PdfReader

    assert "chữ ký số" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    with pytest.raises(ValidationError, match=r"docx\.not_a_word_file"):
        issuing.create(office.drafter, META, b"PK\x03\x04 not a zip at all", "hong.docx")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_without_libreoffice_a_word_draft_gets_a_clear_message(
    issuing: IssuingService, office: Office, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a computer without LibreOffice
    with pytest.raises(ValidationError) as err:
        issuing.create(office.drafter, META, _docx("Dự thảo"), "du-thao.docx")
    assert err.value.code == "docx.converter_missing" and err.value.params["name"] == "du-thao.docx"
