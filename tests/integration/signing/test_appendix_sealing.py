"""Appendices at the clerk's step on real SoftHSM2 tokens (ND30 App I §III.1.c–d, design §2 "Issue"): an appendix in a
separate file gets the organisation's signature with the main document's number and the signing time at the top
right of its first page, with the same PIN as the main document; an appendix inside the main file is covered by the
main file's signatures; a bad appendix file leaves the draft exactly as it was."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import NameObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from app.domain.clock import VN_TZ
from app.domain.drafts import DraftMeta, DraftState, Recipient, RecipientKind, VersionKind
from app.domain.enums import AgencyLevel, DocumentState, FileRole, Role
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.services.bundle import Services
from app.services.issuing import AppendixInput, IssuingService
from app.services.official_pdf import OfficialDocument, render
from app.services.signing.errors import SigningError
from app.services.signing.images import serif_font_path
from app.services.signing.pki import DemoPki
from app.services.signing.service import SigningConfig, SigningService
from app.services.signing.sign import APPENDIX_FIELD, LEADER_FIELD, SEAL_FIELD, TokenKey, sign_digitised_copy
from app.services.signing.tokens import TokenSelector
from app.store.models import AuditEventRow, DocumentFileRow, DocumentRow
from app.store.models_issuing import DraftAppendixRow
from app.store.repositories import AgencyRepository, FileRepository, UserRepository
from tests.conftest import FakeClock
from tests.integration.signing.conftest import LEADER, ORG, PIN, pdfsig_report
from tests.support import require_tool

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NUMBER = "01/QĐ-STTTT"
REFERENCE = f"Số: {NUMBER}; 25/11/2026; 10:30:00 +07:00"  # ND30 App III Mẫu 2.2, Vietnam time of the seal


@dataclass(frozen=True)
class Office:
    clerk: Actor
    leader: Actor
    drafter: Actor


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 25, hour, minute, tzinfo=VN_TZ)  # a Wednesday, a working day


@pytest.fixture
def office(services: Services, clock: FakeClock) -> Office:
    clock.now = _at(8)
    with services.ctx.db.session() as s:
        agencies = AgencyRepository(s)
        agency = agencies.add(code="000.00.12.H27", name=ORG[1], abbreviation="STTTT", level=AgencyLevel.PROVINCE,
                              parent_code="000.00.00.H27", parent_name="UBND tỉnh Hà Tĩnh", place_name="Hà Tĩnh",
                              is_own=True)
        unit = agencies.add_unit(agency.id, "Văn phòng Sở", "VP")
        users = UserRepository(s)

        def user(name: str, full: str, position: str, role: Role) -> Actor:
            return Actor.of(users.add(agency_id=agency.id, unit_id=unit.id, username=name, full_name=full,
                                      position=position, password_hash="-", roles=[role], created_at=clock.now))

        return Office(clerk=user("vanthu", "Trần Thị Hoa", "Văn thư", Role.CLERK),
                      leader=user("giamdoc", LEADER[1], LEADER[2], Role.LEADER),
                      drafter=user("chuyenvien", "Phạm Thị Lan", "Chuyên viên", Role.SPECIALIST))


@pytest.fixture
def signing(services: Services, demo_pki: DemoPki, office: Office) -> Iterator[SigningService]:
    service = SigningService(services.ctx, SigningConfig(pki_dir=demo_pki.dir, trust_demo_root=True))
    service.remember_token(office.leader, TokenSelector(label=LEADER[0]))
    service.remember_organisation_token(office.clerk, TokenSelector(label=ORG[0]))
    yield service
    service.close()


@pytest.fixture
def issuing(services: Services, signing: SigningService) -> IssuingService:
    return IssuingService(services.ctx, services.registry, signing)


def _decision() -> bytes:
    return render(OfficialDocument(
        parent_agency="UBND TỈNH HÀ TĨNH", issuer_name=ORG[1], doc_type="Quyết định", number=None,
        notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=None,
        summary="Về việc ban hành danh sách đơn vị triển khai chữ ký số",
        body=["Điều 1. Ban hành kèm theo Quyết định này Phụ lục I (trong văn bản), Phụ lục II và Phụ lục III."] * 4
        + ["PHỤ LỤC I. DANH MỤC VĂN BẢN ÁP DỤNG (kèm trong tệp văn bản chính)."] * 3,
        signer_authority="", signer_position=LEADER[2], signer_name=LEADER[1],
        recipients=["Như Điều 3;", "Lưu: VT."], year=2026,
    )).pdf


def _font(name: str, **style: bool) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, serif_font_path(**style)))
    return name


def appendix_pdf(numeral: str, heading: str, pages: int = 2) -> bytes:
    """An appendix as drafters make them (ND30 App III Mẫu 2.2): "Phụ lục II", its heading, and the reference line
    "(Kèm theo Quyết định số      /QĐ-STTTT ngày    tháng    năm 2026 của …)" left blank on an e-document."""
    regular, italic, bold = _font("ApxT-R"), _font("ApxT-I", italic=True), _font("ApxT-B", bold=True)
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=True)
    for page in range(pages):
        if page == 0:
            c.setFont(bold, 14)
            c.drawCentredString(310, 760, f"Phụ lục {numeral}")
            c.drawCentredString(310, 740, heading.upper())
            c.setFont(italic, 13)
            c.drawCentredString(310, 720, "(Kèm theo Quyết định số      /QĐ-STTTT ngày    tháng    năm 2026")
            c.drawCentredString(310, 704, "của Sở Thông tin và Truyền thông)")
        c.setFont(regular, 13)
        for i in range(20):
            n = page * 20 + i + 1
            c.drawString(90, 660 - 26 * i, f"{n}. Đơn vị số {n} — triển khai chữ ký số.")
        c.showPage()
    c.save()
    return out.getvalue()


def _draft_with_appendices(issuing: IssuingService, office: Office, *extra: AppendixInput) -> str:
    meta = DraftMeta("Quyết định", "Về việc ban hành danh sách đơn vị triển khai chữ ký số",
                     signer_user_id=office.leader.user_id)
    appendices = (
        AppendixInput("Phụ lục I: Danh mục văn bản áp dụng"),  # inside the main file
        AppendixInput("Phụ lục II: Danh sách đơn vị", appendix_pdf("II", "Danh sách đơn vị"), "phu-luc-II.pdf"),
        AppendixInput("Phụ lục III: Kinh phí", appendix_pdf("III", "Kinh phí thực hiện", 1), "phu-luc-III.pdf"),
        *extra,
    )
    recipients = (Recipient(RecipientKind.AGENCY, "UBND tỉnh Hà Tĩnh", agency_code="000.00.00.H27"),)
    draft = issuing.create(office.drafter, meta, _decision(), "quyet-dinh.pdf", recipients=recipients,
                           appendices=appendices)
    issuing.submit(office.drafter, draft.document_id)
    return draft.document_id


def _signed_draft(issuing: IssuingService, office: Office, clock: FakeClock, *extra: AppendixInput) -> str:
    doc_id = _draft_with_appendices(issuing, office, *extra)
    clock.now = _at(10, 15)
    issuing.sign(office.leader, doc_id, PIN)
    clock.now = _at(10, 30)
    return doc_id


def signature_text(pdf: bytes, field: str) -> str:
    """The visible text of a signature field's appearance, as pypdf extracts it (through the font's ToUnicode)."""
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot.get("/T") == field:
                ap = annot["/AP"]["/N"]
                holder = PageObject.create_blank_page(reader, width=1000, height=1000)
                holder[NameObject("/Resources")] = ap["/Resources"]
                holder[NameObject("/Contents")] = ap.indirect_reference
                return " ".join(holder.extract_text().split())
    raise AssertionError(f"no widget {field}")


def _document_files(services: Services, doc_id: str) -> list[tuple[str, str, str]]:
    with services.ctx.db.session() as s:
        rows = s.execute(select(DocumentFileRow).where(DocumentFileRow.document_id == doc_id)
                         .order_by(DocumentFileRow.position)).scalars()
        return [(r.role, r.name, r.sha256) for r in rows]


def _check_tools(pdf: bytes, path: Path, nss_db: Path | None, signatures: int) -> None:
    path.write_bytes(pdf)
    out = pdfsig_report(path, nss_db)
    assert out.count("Signature Validation: Signature is Valid.") == signatures, out
    if nss_db is not None:
        assert out.count("Certificate is Trusted.") == signatures, out
    qpdf = subprocess.run([require_tool("qpdf"), "--check", str(path)], capture_output=True, text=True, timeout=60,
                          check=False)
    assert qpdf.returncode == 0 and "No syntax or stream encoding errors found" in qpdf.stdout, qpdf.stdout


def test_each_separate_appendix_gets_the_number_and_the_seal_with_one_pin(
    services: Services, issuing: IssuingService, signing: SigningService, office: Office, clock: FakeClock,
    tmp_path: Path, nss_db: Path | None, monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc_id = _signed_draft(issuing, office, clock)
    before = issuing.get(doc_id)
    originals = {a.file_name: issuing.pdf(a.sha256) for a in before.appendices if a.sha256}
    assert set(originals) == {"phu-luc-II.pdf", "phu-luc-III.pdf"}
    logins: list[str | None] = []
    worker = signing.worker()
    real_run = worker.run

    def counting_run(selector: TokenSelector, pin: str | None, work: Callable[[Any], Any], **kw: bool) -> Any:
        logins.append(selector.label)
        return real_run(selector, pin, work, **kw)

    monkeypatch.setattr(worker, "run", counting_run)
    steps: list[tuple[int, int, str]] = []

    sealed = issuing.number_and_seal(office.clerk, doc_id, PIN, progress=lambda *p: steps.append(p))

    monkeypatch.setattr(worker, "run", real_run)
    assert sealed.state is DraftState.NUMBERED and sealed.number_notation == NUMBER
    assert steps == [(0, 3, "quyet-dinh.pdf"), (1, 3, "phu-luc-II.pdf"), (2, 3, "phu-luc-III.pdf"), (3, 3, "")]
    assert logins == [ORG[0]] * 3  # the organisation's token, with the one PIN the clerk typed, for all three files

    # the issued document lists the sealed main file, then the sealed appendices in order (what the exchange sends)
    files = _document_files(services, doc_id)
    assert [(role, name) for role, name, _sha in files] == [
        (FileRole.MAIN.value, "quyet-dinh.pdf"), (FileRole.APPENDIX.value, "phu-luc-II.pdf"),
        (FileRole.APPENDIX.value, "phu-luc-III.pdf")]
    assert files[0][2] == sealed.current_sha256
    doc = services.documents.get(doc_id)
    assert [f.name for f in doc.files if f.role is FileRole.APPENDIX] == ["phu-luc-II.pdf", "phu-luc-III.pdf"]

    for _role, name, sha in files[1:]:
        pdf = services.ctx.files.read_bytes(sha)
        assert hashlib.sha256(pdf).hexdigest() == sha and sha not in {a.sha256 for a in before.appendices}
        assert pdf.startswith(originals[name])  # an incremental update: the drafter's file is untouched inside
        assert signature_text(pdf, APPENDIX_FIELD) == REFERENCE
        report = signing.verify(pdf)
        assert report.all_valid, report.summary
        (seal,) = report.signatures
        assert seal.field_name == APPENDIX_FIELD and seal.signer == ORG[1] and seal.intact and seal.trusted
        assert seal.coverage == "entire_file" and not seal.lenient_policy_applied
        assert seal.signing_time == _at(10, 30)
        with pikepdf.open(io.BytesIO(pdf)) as opened:
            box = [float(v) for v in opened.pages[0].Annots[0].Rect]
        assert box[0] > 250 and box[3] > 800  # top right of page 1 (A4 is 595 × 842 pt)
        _check_tools(pdf, tmp_path / name, nss_db, 1)

    # the in-file appendix (Phụ lục I) is covered by the main file's two signatures, and is no file of its own
    main = issuing.pdf(sealed.current_sha256)
    report = signing.verify(main)
    leader, seal = report.signatures
    assert report.all_valid and leader.field_name == LEADER_FIELD and seal.field_name == SEAL_FIELD
    assert leader.intact and leader.modification_level == "form_filling" and seal.coverage == "entire_file"
    assert "PHỤ LỤC I" in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(main)).pages)
    assert len(files) == 3
    _check_tools(main, tmp_path / "main.pdf", nss_db, 2)

    # the draft keeps the drafter's appendix files; the audit says which sealed file came from which
    assert issuing.get(doc_id).appendices == before.appendices
    with services.ctx.db.session() as s:
        event = s.execute(select(AuditEventRow).where(AuditEventRow.action == "issuing.number_and_seal")).scalar_one()
        sealed_events = s.execute(select(AuditEventRow).where(AuditEventRow.action == "signing.appendix_sealed"))
        assert len(list(sealed_events.scalars())) == 2
    details = json.loads(event.details)
    assert [(a["title"], a["file"]) for a in details["appendices"]] == [
        ("Phụ lục II: Danh sách đơn vị", files[1][2]), ("Phụ lục III: Kinh phí", files[2][2])]
    assert PIN not in event.details

    issued = issuing.mark_issued(office.clerk, doc_id)
    assert issued.state is DraftState.ISSUED
    assert _document_files(services, doc_id) == files


def test_an_appendix_already_signed_elsewhere_keeps_its_signature(
    services: Services, issuing: IssuingService, signing: SigningService, office: Office, clock: FakeClock,
    demo_pki: DemoPki,
) -> None:
    signed_elsewhere = sign_digitised_copy(appendix_pdf("IV", "Bản sao hồ sơ", 1),
                                           TokenKey(signing.worker(), TokenSelector(label=ORG[0])), PIN,
                                           clock=lambda: _at(9))
    doc_id = _signed_draft(issuing, office, clock, AppendixInput("Phụ lục IV", signed_elsewhere, "phu-luc-IV.pdf"))

    issuing.number_and_seal(office.clerk, doc_id, PIN)

    sha = _document_files(services, doc_id)[-1][2]
    report = signing.verify(services.ctx.files.read_bytes(sha))
    assert report.all_valid and [s.field_name for s in report.signatures] == ["Sig_CoQuan_SoHoa", APPENDIX_FIELD]
    assert report.signatures[0].intact and not report.signatures[0].lenient_policy_applied


def _replace_appendix(services: Services, doc_id: str, position: int, content: bytes) -> str:
    """What a damaged store or an old import leaves: the draft's appendix row points at `content`."""
    put = services.ctx.files.put_bytes(content)
    with services.ctx.db.session() as s:
        FileRepository(s).ensure(put.sha256, put.size, "application/pdf", _at(8))
        row = s.execute(select(DraftAppendixRow).where(DraftAppendixRow.document_id == doc_id,
                                                       DraftAppendixRow.position == position)).scalar_one()
        row.sha256 = put.sha256
    return put.sha256


def _encrypted(pdf: bytes) -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as src:
        src.save(out, encryption=pikepdf.Encryption(user="", owner="chu-so-huu"))
    return out.getvalue()


def _damage_on_disk(services: Services, doc_id: str) -> None:
    sha = next(a.sha256 for a in IssuingService(services.ctx, services.registry, None).get(doc_id).appendices
               if a.sha256)
    path = services.ctx.files.path_for(sha)
    path.chmod(0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2: len(data) // 2 + 64] = b"\x00" * 64
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("spoil", "code"), [
    ("encrypted", "issuing.appendix_encrypted"),
    ("corrupt", "issuing.appendix_corrupt"),
    ("damaged_on_disk", "issuing.appendix_damaged"),
])
def test_a_bad_appendix_leaves_the_draft_as_it_was(
    services: Services, issuing: IssuingService, office: Office, clock: FakeClock, spoil: str, code: str,
) -> None:
    doc_id = _signed_draft(issuing, office, clock)
    if spoil == "encrypted":
        _replace_appendix(services, doc_id, 2, _encrypted(appendix_pdf("III", "Kinh phí thực hiện", 1)))
    elif spoil == "corrupt":
        _replace_appendix(services, doc_id, 2, b"%PDF-1.7\n" + b"\x00garbage" * 200)
    else:
        _damage_on_disk(services, doc_id)
    before = issuing.get(doc_id)
    files_before = _document_files(services, doc_id)

    with pytest.raises(DomainError) as refused:
        issuing.number_and_seal(office.clerk, doc_id, PIN)

    assert refused.value.code == code and refused.value.params["name"]
    after = issuing.get(doc_id)
    assert after == before and after.state is DraftState.SIGNED
    assert _document_files(services, doc_id) == files_before  # the signed main file, no appendix files
    doc = services.documents.get(doc_id)
    assert doc.state is DocumentState.SIGNED and doc.number_notation == ""  # no number was taken
    assert [v.kind for v in after.versions][-1] is VersionKind.SIGNED
    with services.ctx.db.session() as s:
        refusal = s.execute(select(AuditEventRow).where(AuditEventRow.action == "issuing.refused")).scalar_one()
        assert s.execute(select(DocumentRow.number).where(DocumentRow.id == doc_id)).scalar_one() is None
    assert json.loads(refusal.details)["code"] == code


def test_a_token_failure_on_an_appendix_records_no_sealed_file(
    services: Services, issuing: IssuingService, signing: SigningService, office: Office, clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc_id = _signed_draft(issuing, office, clock)
    before = issuing.get(doc_id)
    files_before = _document_files(services, doc_id)
    real = signing.seal_appendix
    calls: list[str] = []

    def pulled_out_on_the_second(actor: Actor, pdf: bytes, *, number_notation: str, pin: str | None) -> bytes:
        calls.append(number_notation)
        if len(calls) == 2:
            raise SigningError("token.removed", token=ORG[0])
        return real(actor, pdf, number_notation=number_notation, pin=pin)

    monkeypatch.setattr(signing, "seal_appendix", pulled_out_on_the_second)
    with pytest.raises(SigningError) as pulled:
        issuing.number_and_seal(office.clerk, doc_id, PIN)
    assert pulled.value.code == "token.removed"
    after = issuing.get(doc_id)
    assert after.state is DraftState.SIGNED and after.versions == before.versions
    assert _document_files(services, doc_id) == files_before
    assert after.number_notation == NUMBER  # the number is kept for the next try, as with a wrong PIN

    monkeypatch.setattr(signing, "seal_appendix", real)
    sealed = issuing.number_and_seal(office.clerk, doc_id, PIN)
    assert sealed.number_notation == NUMBER and len(_document_files(services, doc_id)) == 3


def test_a_draft_refuses_a_password_protected_appendix_when_it_is_added(
    issuing: IssuingService, office: Office,
) -> None:
    with pytest.raises(DomainError) as refused:
        _draft_with_appendices(issuing, office, AppendixInput(
            "Phụ lục IV", _encrypted(appendix_pdf("IV", "Bảo mật", 1)), "phu-luc-IV.pdf"))
    assert refused.value.code == "file.pdf_encrypted"
