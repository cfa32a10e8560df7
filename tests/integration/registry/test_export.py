"""A registry book written to Excel and to the printed ND30 register: the files open in real readers and say the
official words."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app.domain.registers import form_for
from app.domain.registry_query import RegistryQuery
from app.services.bundle import Services
from app.services.registry import IncomingForm
from app.services.registry_export import default_file_name
from tests.integration.registry.conftest import Office, make_pdf
from tests.integration.registry.test_registry_service import FORM
from tests.support import require_tool

ENTRIES = 45  # enough for several PDF pages


def _fill(services: Services, office: Office, n: int = ENTRIES) -> None:
    for i in range(1, n + 1):
        form: IncomingForm = replace(
            FORM,
            number_notation=f"{i:02d}/UBND-TNMT",
            summary=f"V/v quản lý đất đai đợt {i} trên địa bàn huyện, rà soát hồ sơ giao đất, cho thuê đất",
        )
        services.registry.register_incoming(office.clerk, form, make_pdf(), f"cv{i}.pdf")


@pytest.fixture
def filled(services: Services, office: Office) -> Office:
    _fill(services, office)
    return office


def test_xlsx_has_the_official_header_and_every_entry_in_book_order(
    services: Services, filled: Office, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    out = tmp_path / "so-den.xlsx"
    result = services.registry_export.export_xlsx(
        RegistryQuery(filled.incoming_book), out, progress=lambda done, total: seen.append((done, total))
    )
    assert result.path == out and result.rows == ENTRIES and not result.cancelled
    assert seen and seen[-1] == (ENTRIES, ENTRIES)
    wb = openpyxl.load_workbook(out, read_only=True)
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    titles = [c.title_vi for c in form_for(services.registry.book(filled.incoming_book).kind).columns]
    assert list(rows[0]) == titles
    assert titles[:3] == ["Ngày đến", "Số đến", "Tác giả"]
    assert len(rows) == ENTRIES + 1
    assert [r[1] for r in rows[1:4]] == [1, 2, 3]  # số đến as numbers, from 01 upwards
    assert rows[1][3] == "01/UBND-TNMT"
    assert "đất đai" in str(rows[1][5])
    assert not list(tmp_path.glob(".*.tmp"))


def test_xlsx_of_a_search_holds_only_the_matches(services: Services, filled: Office, tmp_path: Path) -> None:
    out = tmp_path / "dot-7.xlsx"
    result = services.registry_export.export_xlsx(RegistryQuery(filled.incoming_book, search="dat dai dot 7 "), out)
    assert result.rows == 1
    rows = list(openpyxl.load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][3] == "07/UBND-TNMT"


def test_pdf_is_the_printed_register_and_passes_qpdf(services: Services, filled: Office, tmp_path: Path) -> None:
    qpdf = require_tool("qpdf")
    out = tmp_path / "so-den.pdf"
    services.registry.cancel_entry(filled.clerk, 3, "Đăng ký nhầm")
    result = services.registry_export.export_pdf(RegistryQuery(filled.incoming_book), out)
    assert result.rows == ENTRIES and result.pages >= 3  # cover and at least two table pages
    check = subprocess.run([qpdf, "--check", str(out)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    cover = reader.pages[0].extract_text()
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in cover
    assert "Năm: 2026" in cover and "Từ số 01 đến số 45" in cover
    assert "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in cover
    first = reader.pages[1].extract_text()
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in first and "Trang 1" in first
    assert "Tên loại và trích yếu" in first and "(10)" in first
    assert "UBND huyện Cẩm" in first  # the issuer, wrapped in its narrow column
    second = reader.pages[2].extract_text()
    assert "Tác giả" in second and "Trang 2" in second  # the header repeats on every page
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Hủy: Đăng" in text  # the cancelled number stays, with its reason


def test_a_long_register_is_written_in_parts_and_joined(
    services: Services, filled: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import registry_export

    qpdf = require_tool("qpdf")
    monkeypatch.setattr(registry_export, "PART_PAGES", 2)  # a million entries make 60,000 pages: parts of 1,000
    folder = tmp_path / "exports"
    out = folder / "so-den.pdf"
    result = services.registry_export.export_pdf(RegistryQuery(filled.incoming_book), out)
    assert result.pages >= 4
    assert [p.name for p in folder.iterdir()] == ["so-den.pdf"]  # the parts are gone
    check = subprocess.run([qpdf, "--check", str(out)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" in reader.pages[0].extract_text()
    assert f"Trang {result.pages - 1}" in reader.pages[-1].extract_text()
    assert reader.metadata is not None and reader.metadata.title == "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN — 2026"


def test_an_empty_book_still_prints_its_cover_and_header(services: Services, office: Office, tmp_path: Path) -> None:
    out = tmp_path / "so-di.pdf"
    result = services.registry_export.export_pdf(RegistryQuery(office.outgoing_book), out)
    assert result.rows == 0 and result.pages == 2
    reader = PdfReader(out)
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in reader.pages[0].extract_text()
    assert "Nơi nhận văn bản" in reader.pages[1].extract_text()


@pytest.mark.parametrize("kind", ["xlsx", "pdf"])
def test_a_cancelled_export_leaves_no_file(services: Services, filled: Office, tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / f"so-den.{kind}"
    export = services.registry_export.export_xlsx if kind == "xlsx" else services.registry_export.export_pdf
    result = export(RegistryQuery(filled.incoming_book), out, cancelled=lambda: True)
    assert result.cancelled and result.path is None
    assert list(folder.iterdir()) == []


def test_an_export_replaces_the_old_file_only_when_complete(
    services: Services, filled: Office, tmp_path: Path
) -> None:
    out = tmp_path / "so-den.xlsx"
    out.write_bytes(b"old")
    services.registry_export.export_xlsx(RegistryQuery(filled.incoming_book), out, cancelled=lambda: True)
    assert out.read_bytes() == b"old"
    services.registry_export.export_xlsx(RegistryQuery(filled.incoming_book), out)
    assert out.read_bytes()[:2] == b"PK"


def test_default_file_name_is_plain_ascii(services: Services, office: Office) -> None:
    head = services.registry_export.heading(RegistryQuery(office.incoming_book))
    name = default_file_name(head, "xlsx", services.ctx.clock())
    assert name == "So-den-2026-20261124.xlsx"
