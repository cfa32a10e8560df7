"""The processing slip (phiếu giải quyết văn bản đến) as PDF: made from a real direction through the workflow
service, it carries the Vietnamese fields a clerk files with the paper copy, and a text extractor finds them."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.clock import VN_TZ
from app.domain.enums import Urgency
from app.domain.errors import StorageError
from app.domain.workflow import Party, ProcessingSlip
from app.services.bundle import Services
from app.services.processing_slip_pdf import render_processing_slip, slip_file_name, write_processing_slip
from tests.conftest import FakeClock
from tests.integration.workflow.conftest import Team, at, register


def _text(path: Path) -> str:
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _directed_slip(services: Services, team: Team, clock: FakeClock, *, deputy: bool = False) -> ProcessingSlip:
    clock.now = at(2026, 11, 25, 9, 0)  # Wed, a working day
    doc = register(services, team, urgency=Urgency.VERY_URGENT, summary="V/v tăng cường an toàn thông tin mạng")
    services.workflow.present(team.clerk, [doc], team.leader.user_id or 0)
    actor = team.leader
    if deputy:
        services.workflow.delegate(team.leader, team.deputy.user_id or 0, at(2026, 11, 25, 8, 0),
                                   at(2026, 11, 28, 0, 0))
        actor = team.deputy
    (made,) = services.workflow.direct(
        actor, [doc], "Giao Phòng Kế hoạch chủ trì, tham mưu văn bản trả lời; báo cáo trước hạn.",
        lead_unit_id=team.unit_plan,
        coordinators=[Party.unit(team.unit_finance), Party.user(team.accountant.user_id or 0)],
        working_days=5,
    )
    return services.workflow.processing_slip(team.clerk, made.id)


def test_the_slip_pdf_carries_the_document_the_direction_lead_coordinators_and_deadline(
    services: Services, team: Team, clock: FakeClock, tmp_path: Path
) -> None:
    slip = _directed_slip(services, team, clock)
    out = write_processing_slip(slip, tmp_path / slip_file_name(slip))
    assert out.name.startswith("Phieu-giai-quyet_") and out.name.endswith("-UBND-VP.pdf")
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = _text(out)
    for expected in (
        "PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số đến: 1",
        "UBND huyện Cẩm Xuyên",
        slip.number_notation,
        "V/v tăng cường an toàn thông tin mạng",
        "THƯỢNG KHẨN",
        "Ý KIẾN CHỈ ĐẠO CỦA LÃNH ĐẠO CƠ QUAN",
        "Giao Phòng Kế hoạch chủ trì, tham mưu văn bản trả lời",
        "Đơn vị/cá nhân chủ trì: Phòng Kế hoạch",
        "Đơn vị/cá nhân phối hợp: Phòng Tài chính, Đỗ Văn Tài",
        "Thời hạn giải quyết: 02/12/2026",  # Wed 25/11 + 5 working days
        "Trần Văn Giám Đốc",
        "(Ký, ghi rõ họ tên)",
        "Ngày 25 tháng 11 năm 2026",
        "NGƯỜI XỬ LÝ",
    ):
        assert expected in text, expected


def test_a_deputy_signs_the_slip_for_the_leader(services: Services, team: Team, clock: FakeClock) -> None:
    slip = _directed_slip(services, team, clock, deputy=True)
    reader = PdfReader(BytesIO(render_processing_slip(slip)))
    text = unicodedata.normalize("NFC", " ".join((reader.pages[0].extract_text() or "").split()))
    assert "Lê Thị Phó" in text and "Ký thay đồng chí Trần Văn Giám Đốc" in text


def test_a_slip_for_information_and_a_blank_slip_read_right(tmp_path: Path) -> None:
    base = dict(
        agency_name="Sở Thông tin và Truyền thông", document_id="d-1", incoming_number=7,
        received_at=datetime(2026, 11, 25, 9, 0, tzinfo=VN_TZ), issuer_name="Sở Nội vụ",
        number_notation="601/GM-SNV", issued_date=None, summary="Dự hội nghị tổng kết công tác văn thư",
        urgency=Urgency.NORMAL, coordinators=(), deadline=None, leader_name="Nguyễn Văn An", acting_for=None,
        directed_by_name="Nguyễn Văn An", directed_at=datetime(2026, 11, 25, 10, 0, tzinfo=VN_TZ),
    )
    info = ProcessingSlip(**base, direction_text="Để biết.", lead="", for_information=True)  # type: ignore[arg-type]
    out = write_processing_slip(info, tmp_path / "info.pdf")
    text = _text(out)
    assert "Để biết (không giao xử lý)" in text and "Thời hạn giải quyết" not in text
    assert "Độ khẩn: Thường" in text

    blank = ProcessingSlip(**base, direction_text="", lead="", for_information=False)  # type: ignore[arg-type]
    text = _text(write_processing_slip(blank, tmp_path / "blank.pdf"))
    assert "Đơn vị/cá nhân chủ trì" in text and "Nguyễn Văn An" not in text  # left for the leader's hand
    assert render_processing_slip(blank) == render_processing_slip(blank)  # deterministic


def test_an_unwritable_target_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    slip = ProcessingSlip(
        agency_name="A", document_id="d", incoming_number=None, received_at=datetime(2026, 11, 25, tzinfo=VN_TZ),
        issuer_name="B", number_notation="", issued_date=None, summary="", urgency=Urgency.NORMAL,
        direction_text="", lead="", coordinators=(), deadline=None, for_information=False, leader_name="",
        acting_for=None, directed_by_name="", directed_at=datetime(2026, 11, 25, tzinfo=VN_TZ),
    )
    with pytest.raises(StorageError) as err:
        write_processing_slip(slip, blocker / "slip.pdf")  # a file where a folder should be
    assert err.value.code == "export.write_failed"
    assert slip_file_name(slip) == "Phieu-giai-quyet_d.pdf"
