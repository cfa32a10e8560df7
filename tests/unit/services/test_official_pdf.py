"""The official ND30 layout: what a clerk reads on the page (text, marks, pagination) and where the number, date and
signature boxes are, checked on the real PDF with pypdf, qpdf and poppler."""

from __future__ import annotations

import io
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf
import pytest

from app.domain.enums import Confidentiality, RestrictionStamp, Urgency
from app.domain.errors import StorageError
from app.services import official_pdf
from app.services.official_pdf import PAGE_H, PAGE_W, OfficialDocument, RenderedPdf, render, render_demo
from tests.support import missing, require_tool

BODY = [
    "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, Sở Thông tin "
    "và Truyền thông hướng dẫn việc lập, ban hành và quản lý văn bản điện tử như sau.",
    "Đề nghị các cơ quan, đơn vị, địa phương tổ chức triển khai thực hiện nghiêm túc, đúng tiến độ; trong quá trình "
    "thực hiện nếu có khó khăn, vướng mắc, kịp thời phản ánh về Sở để tổng hợp, báo cáo.",
]

DECISION = OfficialDocument(
    parent_agency="UBND TỈNH HÀ TĨNH", issuer_name="Sở Thông tin và Truyền thông", doc_type="Quyết định", number=45,
    notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh", issued=date(2026, 3, 5),
    summary="Về việc phê duyệt danh mục hồ sơ năm 2026", body=BODY, signer_authority="KT. GIÁM ĐỐC",
    signer_position="PHÓ GIÁM ĐỐC", signer_name="Nguyễn Văn An", recipients=["Như Điều 3;", "Lưu: VT, VP."],
)

LETTER = replace(
    DECISION, doc_type="Công văn", number=7, notation="STTTT-VP",
    summary="V/v triển khai kế hoạch chuyển đổi số năm 2026", signer_authority="", signer_position="GIÁM ĐỐC",
    recipients=["Như trên;", "Lưu: VT, VP."], addressees=["Sở Nội vụ;", "Sở Tài chính."],
)


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    try:
        official_pdf.fonts()
    except StorageError as exc:
        missing(f"no Vietnamese serif font (Times New Roman or fonts-noto-core): {exc}")


def text_of(rendered: RenderedPdf) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages]


def positions(rendered: RenderedPdf, page: int) -> Iterator[tuple[float, float, str]]:
    """(x, y, text) of every text run drawn on the page, in PDF points."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((x, y, text.strip()))

    pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages[page].extract_text(visitor_text=visit)
    return iter(runs)


def qpdf_check(pdf: bytes, tmp_path: Path) -> None:
    qpdf = require_tool("qpdf")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def assert_box_on_page(box: tuple[int, float, float, float, float], rendered: RenderedPdf) -> None:
    page, x0, y0, x1, y1 = box
    assert 0 <= page < rendered.page_count
    assert 0 <= x0 < x1 <= PAGE_W
    assert 0 <= y0 < y1 <= PAGE_H


def test_decision_shows_header_number_date_title_and_signer(tmp_path: Path) -> None:
    rendered = render(DECISION)
    (text,) = text_of(rendered)
    assert rendered.page_count == 1
    for expected in ("Số: 45/QĐ-STTTT", "Hà Tĩnh, ngày 05 tháng 3 năm 2026", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "UBND TỈNH HÀ TĨNH", "QUYẾT ĐỊNH",
                     "Về việc phê duyệt danh mục hồ sơ năm 2026", "Nơi nhận:", "- Như Điều 3;", "KT. GIÁM ĐỐC",
                     "PHÓ GIÁM ĐỐC", "Nguyễn Văn An", "Thực hiện Nghị định số 30/2020/NĐ-CP"):
        assert expected in text, expected
    assert "SỞ THÔNG TIN VÀ" in text and "TRUYỀN THÔNG" in text  # upper-cased, wrapped in two even lines
    assert unicodedata.is_normalized("NFC", text)
    qpdf_check(rendered.pdf, tmp_path)


def test_metadata_title_is_the_summary_and_output_is_deterministic() -> None:
    first, second = render(DECISION), render(DECISION)
    assert first.pdf == second.pdf
    meta = pypdf.PdfReader(io.BytesIO(first.pdf)).metadata
    assert meta is not None and meta.title == "Về việc phê duyệt danh mục hồ sơ năm 2026"
    assert meta.author == "Sở Thông tin và Truyền thông"


def test_cong_van_has_no_type_title_but_vv_summary_and_kinh_gui(tmp_path: Path) -> None:
    rendered = render(LETTER)
    (text,) = text_of(rendered)
    assert "Số: 07/STTTT-VP" in text
    assert "CÔNG VĂN" not in text
    assert "V/v triển khai kế hoạch" in text
    assert "Kính gửi: - Sở Nội vụ;" in text and "- Sở Tài chính." in text
    runs = list(positions(rendered, 0))
    number = next(r for r in runs if r[2].startswith("Số:"))
    vv = next(r for r in runs if r[2].startswith("V/v"))
    assert vv[1] < number[1] and abs(vv[0] - number[0]) < 40  # under the number, in the issuer column
    qpdf_check(rendered.pdf, tmp_path)


def test_number_and_date_boxes_hold_their_lines() -> None:
    rendered = render(DECISION)
    runs = list(positions(rendered, 0))
    for box, start in ((rendered.number_box, "Số: 45/QĐ-STTTT"), (rendered.date_box, "Hà Tĩnh, ngày")):
        assert_box_on_page(box, rendered)
        _, x0, y0, x1, y1 = box
        x, y, _ = next(r for r in runs if r[2].startswith(start))
        assert x0 <= x < x1 and y0 <= y <= y1, (start, box, x, y)
    assert rendered.number_box[2] == pytest.approx(rendered.date_box[2])  # same line
    assert rendered.number_box[3] <= rendered.date_box[1]  # number on the left, date on the right


def test_signer_box_is_blank_space_between_position_and_name() -> None:
    rendered = render(DECISION)
    assert_box_on_page(rendered.signer_box, rendered)
    page, x0, y0, x1, y1 = rendered.signer_box
    assert y1 - y0 >= 70  # about 30 mm for the signature image
    assert x0 > PAGE_W / 2 - 20  # the right half
    runs = list(positions(rendered, page))
    for x, y, text in runs:
        inside = x0 <= x <= x1 and y0 - 3 <= y <= y1 + 3
        assert not inside, f"{text!r} drawn inside the signature space"
    name = next(r for r in runs if r[2] == "Nguyễn Văn An")
    position = next(r for r in runs if r[2] == "PHÓ GIÁM ĐỐC")
    assert name[1] < y0 and position[1] > y1


def test_long_body_paginates_with_page_numbers_and_keeps_signer_block_together(tmp_path: Path) -> None:
    # the body length that makes three pages depends on the font's width (Times New Roman or Noto Serif)
    rendered = next(r for n in range(4, 60) if (r := render(replace(DECISION, body=BODY * n))).page_count >= 3)
    assert rendered.page_count == 3
    pages = text_of(rendered)
    assert "Số: 45/QĐ-STTTT" in pages[0] and "Số: 45" not in pages[1]
    last = rendered.page_count - 1
    assert rendered.signer_box[0] == last
    assert all(s in pages[last] for s in ("Nơi nhận:", "- Lưu: VT, VP.", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"))
    for index in (1, 2):  # centred in the top margin from page 2; page 1 has none
        runs = list(positions(rendered, index))
        x, y, text = max(runs, key=lambda r: r[1])
        assert text == str(index + 1) and y > PAGE_H - 20 * 72 / 25.4 and abs(x - PAGE_W / 2) < 10
    assert not any(text == "1" for _, _, text in positions(rendered, 0))
    assert_box_on_page(rendered.signer_box, rendered)
    qpdf_check(rendered.pdf, tmp_path)


@pytest.mark.parametrize(("urgency", "mark"), [
    (Urgency.URGENT, "KHẨN"), (Urgency.VERY_URGENT, "THƯỢNG KHẨN"), (Urgency.FLASH, "HỎA TỐC"),
    (Urgency.FLASH_TIMED, "HỎA TỐC HẸN GIỜ"),
])
def test_urgency_mark_is_drawn_in_red_under_the_number(urgency: Urgency, mark: str) -> None:
    rendered = render(replace(DECISION, urgency=urgency))
    runs = list(positions(rendered, 0))
    number = next(r for r in runs if r[2].startswith("Số:"))
    drawn = next(r for r in runs if r[2] == mark)
    assert drawn[1] < number[1] and drawn[0] < rendered.number_box[3]
    content = pypdf.PdfReader(io.BytesIO(rendered.pdf)).pages[0].get_contents()
    assert content is not None and b".9 0 0 rg" in content.get_data()  # bright red ink


def test_no_mark_for_normal_urgency() -> None:
    (text,) = text_of(render(DECISION))
    assert not any(mark in text for mark in ("KHẨN", "HỎA TỐC", "MẬT", "LƯU HÀNH"))


def test_confidentiality_and_restriction_marks() -> None:
    rendered = render(replace(LETTER, confidentiality=Confidentiality.TOP_SECRET, urgency=Urgency.URGENT,
                              restriction=RestrictionStamp.INTERNAL_CIRCULATION))
    runs = {text: (x, y) for x, y, text in positions(rendered, 0)}
    assert runs["TỐI MẬT"][1] > runs["KHẨN"][1]  # secrecy (ô 10a) above urgency (ô 10b)
    assert runs["LƯU HÀNH NỘI BỘ"][0] > rendered.number_box[3]  # circulation mark (ô 11) on the right
    body_top = max(y for text, (_, y) in runs.items() if text.startswith("Kính gửi"))
    assert all(y > body_top for text, (_, y) in runs.items() if text in ("TỐI MẬT", "KHẨN", "LƯU HÀNH NỘI BỘ"))


def test_draft_leaves_number_and_day_blank() -> None:
    (text,) = text_of(render(replace(DECISION, number=None, issued=None, year=2026)))
    assert "/QĐ-STTTT" in text and "Số: 45" not in text
    assert "năm 2026" in text and "Hà Tĩnh, ngày 05" not in text


def test_normative_number_and_january_date() -> None:
    doc = replace(DECISION, number=3, normative_year=2026, notation="QĐ-UBND", issued=date(2026, 1, 9))
    (text,) = text_of(render(doc))
    assert "Số: 03/2026/QĐ-UBND" in text
    assert "Hà Tĩnh, ngày 09 tháng 01 năm 2026" in text


def test_decomposed_input_is_drawn_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Sở Tài nguyên và Môi trường")
    (text,) = text_of(render(replace(DECISION, issuer_name=decomposed)))
    assert "SỞ TÀI NGUYÊN" in text and "VÀ MÔI TRƯỜNG" in text
    assert unicodedata.is_normalized("NFC", text)


def test_markup_characters_in_text_are_literal() -> None:
    (text,) = text_of(render(replace(DECISION, body=["Điều 1. A < B & C > D <b>không đậm</b>."])))
    assert "A < B & C > D <b>không đậm</b>." in text


def test_render_demo_builds_from_the_demo_issuer_tuple() -> None:
    issuer = ("Sở Tài chính", "000.00.04.H27", "STC", "UBND TỈNH HÀ TĨNH", None, "Nguyễn Thị Hương", "PHÓ GIÁM ĐỐC",
              "KT. GIÁM ĐỐC")
    rendered = render_demo(issuer, "Công văn", None, "V/v đôn đốc gửi, nhận văn bản điện tử", 12, "STC-VP",
                           date(2026, 11, 2), Urgency.VERY_URGENT, BODY)
    (text,) = text_of(rendered)
    for expected in ("SỞ TÀI CHÍNH", "Số: 12/STC-VP", "Hà Tĩnh, ngày 02 tháng 11 năm 2026", "THƯỢNG KHẨN",
                     "Kính gửi:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "Nguyễn Thị Hương"):
        assert expected in text, expected


def test_balanced_lines_split_evenly() -> None:
    f = official_pdf.fonts()
    lines = official_pdf.balanced_lines("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", f.bold, 12.5, 60 * 72 / 25.4)
    assert len(lines) == 2 and " ".join(lines) == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
    assert lines != ["SỞ THÔNG TIN VÀ TRUYỀN", "THÔNG"]
    assert official_pdf.balanced_lines("SỞ NỘI VỤ", f.bold, 12.5, 200) == ["SỞ NỘI VỤ"]


def test_sample_rasterises(tmp_path: Path) -> None:
    pdftoppm = require_tool("pdftoppm")
    rendered = render(replace(LETTER, urgency=Urgency.FLASH, body=BODY * 4))
    pdf = tmp_path / "sample.pdf"
    pdf.write_bytes(rendered.pdf)
    subprocess.run([pdftoppm, "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True, capture_output=True)
    assert len(list(tmp_path.glob("page*.png"))) == rendered.page_count


def test_missing_fonts_give_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No fontconfig on PATH and no Noto files: the user is told what to install."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(official_pdf, "FALLBACK_DIR", tmp_path)
    official_pdf.fonts.cache_clear()
    try:
        with pytest.raises(StorageError) as caught:
            official_pdf.fonts()
        assert caught.value.code == "document.font_missing"
        assert "Noto Serif" in caught.value.params["fonts"]
    finally:
        official_pdf.fonts.cache_clear()


def test_signer_block_never_stands_alone_on_the_last_page() -> None:
    """Whatever the body length, the last page carries the end of the body above the signer block."""
    for n in range(1, 16):
        rendered = render(replace(DECISION, body=BODY * n))
        last = text_of(rendered)[-1]
        assert "kịp thời phản ánh về Sở để tổng hợp, báo cáo." in last, (n, rendered.page_count)
        assert "Nguyễn Văn An" in last and rendered.signer_box[0] == rendered.page_count - 1
