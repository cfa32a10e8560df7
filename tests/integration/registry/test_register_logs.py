"""Postal dispatch, kept-copy use and follow-up registers: numbering, validation, corrections, exports (ND30 App IV)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.domain.clock import VN_TZ
from app.domain.enums import Direction, DocumentState, RegistryKind
from app.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from app.domain.model import Document
from app.domain.register_logs import KeptCopyUseForm, PostalDispatchForm
from app.domain.registers import form_for
from app.domain.workflow import AssignmentState
from app.services.bundle import Services
from app.services.registry import IncomingForm
from tests.conftest import FakeClock
from tests.integration.registry.conftest import Office, make_pdf

TODAY = date(2026, 11, 24)


def _numbered_outgoing(services: Services, office: Office) -> tuple[str, str]:
    doc = Document(id="", direction=Direction.OUTGOING, doc_type="Quyết định", summary="Về việc phê duyệt kế hoạch",
                   state=DocumentState.SIGNED, issuer_name="Sở Thông tin và Truyền thông")
    doc_id = services.documents.create(office.clerk, doc, make_pdf(), "qd.pdf").id
    number = services.registry.allocate_outgoing(office.clerk, doc_id)
    return doc_id, number.number_notation


def _postal(**kw: object) -> PostalDispatchForm:
    values: dict[str, object] = {"dispatched_on": TODAY, "number_notation": "01/QĐ-STTTT",
                                 "recipients": "UBND huyện Cẩm Xuyên; UBND huyện Kỳ Anh", "envelopes": 2}
    values.update(kw)
    return PostalDispatchForm(**values)  # type: ignore[arg-type]


def _kept(**kw: object) -> KeptCopyUseForm:
    values: dict[str, object] = {"used_on": TODAY, "user_name": "Phạm Văn Kế",
                                 "number_notation_date": "01/QĐ-STTTT, 24/11/2026",
                                 "type_summary": "Quyết định phê duyệt kế hoạch", "approved_by": "Trần Văn Giám Đốc"}
    values.update(kw)
    return KeptCopyUseForm(**values)  # type: ignore[arg-type]


def test_postal_dispatch_lines_are_numbered_per_year_and_prefilled_from_the_document(
    services: Services, office: Office, clock: FakeClock
) -> None:
    logs = services.register_logs
    doc_id, notation = _numbered_outgoing(services, office)
    pre = logs.prefill_from_document(doc_id)
    assert pre["number_notation"] == notation and pre["direction"] == "outgoing"
    first = logs.add_postal_dispatch(office.clerk, _postal(document_id=doc_id, number_notation=pre["number_notation"]))
    second = logs.add_postal_dispatch(office.clerk, _postal(envelopes=5))
    assert (first.number, second.number) == (1, 2) and first.document_id == doc_id
    clock.now = datetime(2027, 1, 4, 8, 0, tzinfo=VN_TZ)
    next_year = logs.add_postal_dispatch(office.clerk, _postal(dispatched_on=date(2027, 1, 4)))
    assert next_year.number == 1 and next_year.year == 2027
    assert [p.number for p in logs.postal_dispatches(office.clerk, 2026)] == [1, 2]
    assert first.cells()["transfer_date"] == "24/11/2026" and first.cells()["post_signature"] == ""


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"recipients": "  "}, "register.recipients_empty"),
        ({"number_notation": ""}, "register.number_notation_empty"),
        ({"envelopes": 0}, "register.envelopes_range"),
        ({"dispatched_on": date(2026, 12, 1)}, "registry.date_in_future"),
    ],
)
def test_postal_dispatch_validation(services: Services, office: Office, change: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as err:
        services.register_logs.add_postal_dispatch(office.clerk, _postal(**change))
    assert err.value.code == code


def test_postal_dispatch_refuses_an_incoming_document(services: Services, office: Office) -> None:
    form = IncomingForm(issuer_name="UBND huyện Cẩm Xuyên", number_notation="12/UBND-VP",
                        issued_date=date(2026, 11, 20), doc_type="Công văn", summary="V/v báo cáo")
    entry = services.registry.register_incoming(office.clerk, form, make_pdf(), "cv.pdf")
    with pytest.raises(ValidationError) as err:
        services.register_logs.add_postal_dispatch(office.clerk, _postal(document_id=entry.document_id))
    assert err.value.code == "register.not_outgoing"
    assert services.register_logs.postal_dispatches(office.clerk, 2026) == []  # nothing half-written


def test_only_the_clerk_writes_and_refusals_are_audited(services: Services, office: Office) -> None:
    with pytest.raises(PermissionDeniedError):
        services.register_logs.add_postal_dispatch(office.specialist, _postal())
    with pytest.raises(PermissionDeniedError):
        services.register_logs.postal_dispatches(office.specialist, 2026)
    assert services.register_logs.postal_dispatches(office.leader, 2026) == []
    with services.ctx.db.session() as s:
        events = services.ctx.audit.history(s, "action", "register.postal_add")
    assert [e.action for e in events] == ["permission.denied"]


def test_kept_copy_loans_are_returned_once_and_not_before_they_were_lent(
    services: Services, office: Office, clock: FakeClock
) -> None:
    logs = services.register_logs
    loan = logs.add_kept_copy_use(office.clerk, _kept(dossier_code="05/HS-VP"))
    assert loan.outstanding and loan.number == 1
    assert [k.id for k in logs.kept_copy_uses(office.clerk, 2026, outstanding_only=True)] == [loan.id]
    with pytest.raises(ValidationError) as err:
        logs.mark_returned(office.clerk, loan.id, date(2026, 11, 20))
    assert err.value.code == "register.returned_before_use"
    clock.now = datetime(2026, 11, 27, 10, 0, tzinfo=VN_TZ)
    back = logs.mark_returned(office.clerk, loan.id, date(2026, 11, 26))
    assert back.returned_on == date(2026, 11, 26) and not back.outstanding
    assert back.cells()["return_date"] == "26/11/2026"
    with pytest.raises(ConflictError):
        logs.mark_returned(office.clerk, loan.id, date(2026, 11, 27))
    assert logs.kept_copy_uses(office.clerk, 2026, outstanding_only=True) == []
    with pytest.raises(ValidationError) as missing:
        logs.add_kept_copy_use(office.clerk, _kept(approved_by=" "))
    assert missing.value.code == "register.approved_by_empty"


def test_corrections_need_a_reason_and_show_in_the_history(services: Services, office: Office) -> None:
    logs = services.register_logs
    line = logs.add_postal_dispatch(office.clerk, _postal())
    with pytest.raises(ValidationError):
        logs.correct(office.clerk, RegistryKind.POSTAL_DISPATCH, line.id, {"envelopes": 3}, " ")
    with pytest.raises(ValidationError) as err:
        logs.correct(office.clerk, RegistryKind.POSTAL_DISPATCH, line.id, {"envelopes": -1}, "gõ nhầm")
    assert err.value.code == "register.envelopes_range"
    fixed = logs.correct(office.clerk, RegistryKind.POSTAL_DISPATCH, line.id, {"envelopes": 3}, "đếm lại bì")
    assert fixed.envelopes == 3  # type: ignore[union-attr]
    cancelled = logs.cancel(office.clerk, RegistryKind.POSTAL_DISPATCH, line.id, "gửi nhầm")
    assert cancelled.cancelled and "Hủy: gửi nhầm" in cancelled.note
    with pytest.raises(ConflictError):
        logs.cancel(office.clerk, RegistryKind.POSTAL_DISPATCH, line.id, "lần nữa")
    history = logs.history(RegistryKind.POSTAL_DISPATCH, line.id)
    assert [e.action for e in history] == ["register.postal_add", "register.correct", "register.cancel"]
    details = json.loads(history[1].details)
    assert details["before"] == {"envelopes": 2} and details["reason"] == "đếm lại bì"
    again = logs.add_postal_dispatch(office.clerk, _postal())
    assert again.number == 2  # a cancelled line keeps its number


def test_follow_up_register_reads_the_incoming_book_and_the_workflow(
    services: Services, office: Office, clock: FakeClock
) -> None:
    services.registry.on_incoming_registered = None
    form = IncomingForm(issuer_name="UBND huyện Cẩm Xuyên", number_notation="12/UBND-VP",
                        issued_date=date(2026, 11, 20), doc_type="Công văn", summary="V/v báo cáo", recipient="VP")
    first = services.registry.register_incoming(office.clerk, form, make_pdf(), "a.pdf")
    second = services.registry.register_incoming(
        office.clerk, IncomingForm(**{**form.__dict__, "number_notation": "13/UBND-VP"}), make_pdf(), "b.pdf"
    )
    lines = services.register_logs.follow_up(office.clerk, 2026)
    assert [line.arrival_number for line in lines] == [1, 2]
    assert lines[0].progress == "Chưa phân công" and lines[0].recipient == "VP"
    assert lines[0].document_identity == "Công văn, 12/UBND-VP, 20/11/2026, UBND huyện Cẩm Xuyên"
    # The workflow's state shows through: an overdue assignment is marked.
    from app.store.models import AssignmentRow

    with services.ctx.db.session() as s:
        s.add(AssignmentRow(document_id=second.document_id, direction_text="Giao VP", lead_unit_id=office.unit_vp,
                            deadline=date(2026, 11, 20), state=AssignmentState.IN_PROGRESS.value,
                            leader_user_id=_user_id(services), created_at=clock.now, updated_at=clock.now,
                            result_text=""))
    lines = services.register_logs.follow_up(office.clerk, 2026)
    assert lines[1].recipient == "Văn phòng Sở" and lines[1].deadline == date(2026, 11, 20)
    assert lines[1].overdue and lines[1].progress == "Đang giải quyết (quá hạn)"
    assert lines[0].document_id == first.document_id


def _user_id(services: Services) -> int:
    from sqlalchemy import select

    from app.store.models import UserRow
    from app.store.repositories import AgencyRepository, UserRepository

    with services.ctx.db.session() as s:
        existing = s.execute(select(UserRow.id).limit(1)).scalar_one_or_none()
        if existing is not None:
            return existing
        agency = AgencyRepository(s).own()
        assert agency is not None
        user = UserRepository(s).add(agency_id=agency.id, unit_id=None, username="ld", full_name="Lãnh đạo",
                                     position="", password_hash="-", roles=[], created_at=services.ctx.clock())
        return user.id


@pytest.mark.parametrize("kind", [RegistryKind.POSTAL_DISPATCH, RegistryKind.KEPT_COPY_USE,
                                  RegistryKind.INCOMING_FOLLOW_UP])
def test_exports_have_the_official_columns(services: Services, office: Office, tmp_path: Path,
                                           kind: RegistryKind) -> None:
    logs = services.register_logs
    logs.add_postal_dispatch(office.clerk, _postal(recipients="Sở Tài chính tỉnh Hà Tĩnh"))
    logs.add_kept_copy_use(office.clerk, _kept(user_name="Đỗ Văn Tài"))
    form = IncomingForm(issuer_name="Sở Tài nguyên và Môi trường", number_notation="45/STNMT-VP",
                        issued_date=date(2026, 11, 20), doc_type="Công văn", summary="V/v đất đai")
    services.registry.on_incoming_registered = None
    services.registry.register_incoming(office.clerk, form, make_pdf(), "a.pdf")
    titles = [c.title_vi for c in form_for(kind).columns]

    xlsx = logs.export(office.clerk, kind, 2026, tmp_path / "r.xlsx", fmt="xlsx")
    assert xlsx.rows == 1
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == titles
    pdf = logs.export(office.clerk, kind, 2026, tmp_path / "r.pdf", fmt="pdf")
    assert pdf.pages == 2  # cover + one table page
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "r.pdf").pages)
    assert form_for(kind).title_vi in text and "Năm: 2026" in text
    expected = {RegistryKind.POSTAL_DISPATCH: "Sở Tài chính", RegistryKind.KEPT_COPY_USE: "Đỗ Văn Tài",
                RegistryKind.INCOMING_FOLLOW_UP: "45/STNMT-VP"}[kind]
    assert expected in text
