"""Metadata pre-fill from OCR text: the official header read through Tesseract's usual slips (no Tesseract here)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.enums import Urgency
from app.scanner.ocr import OcrPage, OcrWord, parse_tsv, split_columns
from app.scanner.prefill import agency_case, prefill

# What `tesseract --psm 1` prints for a decision: the two header columns run together on one line.
DECISION = """\
UBND TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

SỞ THÔNG TIN VÀ Độc lập - Tự do - Hạnh phúc
TRUYỀN THÔNG
Số: 45/QĐ-STTTT Hà Tĩnh, ngày 05 tháng 01 năm 2026
THƯỢNG KHẨN
QUYẾT ĐỊNH

Về việc ban hành quy chế quản lý văn
bản điện tử trên địa bàn tỉnh Hà Tĩnh

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6
năm 2015;
"""

OFFICIAL_LETTER = """\
ỦY BAN NHÂN DÂN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

HUYỆN CẨM XUYÊN
Độc lập - Tự do - Hạnh phúc
Số: 07/UBND-VX
Cẩm Xuyên, ngày 23 tháng 11 năm 2026
V/v triển khai kế hoạch

chuyển đổi số năm 2027
Kính gửi: Các phòng, ban chuyên môn
Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, văn bản khẩn phải được trình ngay.
"""


def header(number_line: str, *, issuer: str = "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ", title: str = "THÔNG BÁO",
           summary: str = "Kết quả tuyển dụng công chức năm 2026", mark: str = "") -> str:
    return (f"{issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{number_line}\n"
            f"{mark}\n{title}\n{summary}\n\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;\n")


def test_decision_with_columns_run_together() -> None:
    found = prefill(DECISION)
    assert found.issuer.value == "Sở Thông tin và Truyền thông"
    assert found.parent_agency.value == "UBND tỉnh Hà Tĩnh"
    assert found.number_notation.value == "45/QĐ-STTTT"
    assert found.number.value == 45
    assert found.notation.value == "QĐ-STTTT"
    assert found.issued.value == date(2026, 1, 5)
    assert found.place.value == "Hà Tĩnh"
    assert found.doc_type.value == "Quyết định"
    assert found.summary.value == "Về việc ban hành quy chế quản lý văn bản điện tử trên địa bàn tỉnh Hà Tĩnh"
    assert found.urgency.value is Urgency.VERY_URGENT
    assert all(g.confidence >= 0.8 for g in (found.issuer, found.number_notation, found.issued, found.doc_type))
    assert set(found.confident()) >= {"issuer", "number_notation", "issued", "doc_type", "summary", "urgency"}


def test_official_letter_reads_vv_as_summary_and_type() -> None:
    found = prefill(OFFICIAL_LETTER)
    assert found.doc_type.value == "Công văn"
    assert found.summary.value == "V/v triển khai kế hoạch chuyển đổi số năm 2027"
    assert found.number_notation.value == "07/UBND-VX"
    assert found.issuer.value == "Ủy ban nhân dân huyện Cẩm Xuyên"
    assert found.parent_agency.value is None
    assert found.issued.value == date(2026, 11, 23)
    assert found.urgency.value is Urgency.NORMAL  # "khẩn" in the body is not a mark


@pytest.mark.parametrize(("line", "expected"), [
    ("S6: 45/QĐ-SNV Hà Tĩnh, ngày 05 tháng 3 năm 2026", "45/QĐ-SNV"),
    ("Sô: 12/TB-SNV", "12/TB-SNV"),
    ("Số : 12 / TB - SNV", "12/TB-SNV"),
    ("Só; O7/TB-SNV", "07/TB-SNV"),
    ("Số: 5/Q D-SNV", "05/QĐ-SNV"),
    ("Số: 105/QD-SNV", "105/QĐ-SNV"),
    ("Số: 33/2019/QĐ-UBND", "33/2019/QĐ-UBND"),
    ("Số: 8/TTR-SNV", "08/TTr-SNV"),
    ("Sé: 21/qđ-snv", "21/QĐ-SNV"),
])
def test_number_notation_survives_ocr_slips(line: str, expected: str) -> None:
    found = prefill(header(line))
    assert found.number_notation.value == expected


def test_unpadded_number_is_padded_and_validated() -> None:
    found = prefill(header("Số: 5/TB-SNV"))
    assert found.number_notation.value == "05/TB-SNV"
    assert found.number.value == 5


def test_notation_that_fails_validation_is_proposed_with_low_confidence() -> None:
    found = prefill(header("Số: 12/XX-SNV"))
    assert found.number_notation.value == "12/XX-SNV"
    assert found.number_notation.confidence < 0.5


def test_title_settles_hd_against_hđ() -> None:
    found = prefill(header("Số: 12/HD-STC", title="HỢP ĐỒNG", summary="Cung cấp dịch vụ số hóa tài liệu"))
    assert found.number_notation.value == "12/HĐ-STC"
    assert found.doc_type.value == "Hợp đồng"
    guide = prefill(header("Số: 12/HD-STC", title="HƯỚNG DẪN", summary="Lập hồ sơ điện tử"))
    assert guide.number_notation.value == "12/HD-STC"


@pytest.mark.parametrize(("line", "expected"), [
    ("Hà Tĩnh, ngày 05 tháng 3 năm 2026", date(2026, 3, 5)),
    ("Hà Tĩnh, ngày 5 tháng 3 năm 2026", date(2026, 3, 5)),  # no padding
    ("Hà Tĩnh, ngay 09 thang 02 nam 2026", date(2026, 2, 9)),  # diacritics lost
    ("Hà Tĩnh, 09 tháng 12 năm 2026", date(2026, 12, 9)),  # "ngày" lost
    ("Hà Tĩnh, ngày O9 tháng l2 năm 2026", date(2026, 12, 9)),  # O for 0, l for 1
    ("Hà Tĩnh, ngày 31 tháng 12 năm 2025", date(2025, 12, 31)),
    ("Hà Tĩnh, ngày 12 tháng 8S năm 2026", date(2026, 8, 12)),  # a stray letter after the digit
    ("Hà Tĩnh, ngày 01 tháng § năm 2026", date(2026, 8, 1)),  # 8 read as §
])
def test_date_line_variants(line: str, expected: date) -> None:
    found = prefill(header(f"Số: 12/TB-SNV\n{line}"))
    assert found.issued.value == expected
    assert found.place.value == "Hà Tĩnh"


def test_impossible_date_is_not_proposed() -> None:
    found = prefill(header("Số: 12/TB-SNV\nHà Tĩnh, ngày 31 tháng 02 năm 2026"))
    assert found.issued.value is None


def test_standard_date_is_more_certain_than_a_repaired_one() -> None:
    clean = prefill(header("Số: 12/TB-SNV\nHà Tĩnh, ngày 05 tháng 3 năm 2026"))
    repaired = prefill(header("Số: 12/TB-SNV\nHà Tĩnh, 5 tháng 3 năm 2026"))
    assert clean.issued.confidence > repaired.issued.confidence


@pytest.mark.parametrize(("mark", "expected"), [
    ("KHẨN", Urgency.URGENT),
    ("THƯỢNG KHẨN", Urgency.VERY_URGENT),
    ("THUỢNG KHẤN", Urgency.VERY_URGENT),
    ("HỎA TỐC", Urgency.FLASH),
    ("HOẢ TỐC", Urgency.FLASH),
    ("HỎA TỐC HẸN GIỜ", Urgency.FLASH_TIMED),
    ("", Urgency.NORMAL),
])
def test_urgency_marks(mark: str, expected: Urgency) -> None:
    assert prefill(header("Số: 12/TB-SNV", mark=mark)).urgency.value is expected


@pytest.mark.parametrize("title", ["HƯỚNG DẪN", "PHƯƠNG ÁN", "KẾ HOẠCH"])
def test_type_titles_are_not_urgency_marks(title: str) -> None:
    found = prefill(header("Số: 12/TB-SNV", title=title))
    assert found.urgency.value is Urgency.NORMAL
    assert found.doc_type.value is not None and found.doc_type.value.upper() == title


def test_misread_title_still_finds_the_type() -> None:
    found = prefill(header("Số: 12/KH-SNV", title="KÉ HOẠCH"))
    assert found.doc_type.value == "Kế hoạch"


def test_type_falls_back_to_the_notation() -> None:
    found = prefill(header("Số: 12/BC-SNV", title="", summary=""))
    assert found.doc_type.value == "Báo cáo"
    assert found.doc_type.confidence < 0.8


@pytest.mark.parametrize(("issuer", "parent", "name"), [
    ("UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ", "UBND tỉnh Hà Tĩnh", "Sở Nội vụ"),
    ("ỦY BAN NHÂN DÂN\nHUYỆN CẨM XUYÊN", None, "Ủy ban nhân dân huyện Cẩm Xuyên"),
    ("BỘ THÔNG TIN VÀ\nTRUYỀN THÔNG", None, "Bộ Thông tin và Truyền thông"),
    ("UBND HUYỆN HƯƠNG SƠN\nPHÒNG NỘI VỤ", "UBND huyện Hương Sơn", "Phòng Nội vụ"),
    ("UBND TỈNH HÀ TĨNH\nVĂN PHÒNG ỦY BAN NHÂN DÂN TÍNH", "UBND tỉnh Hà Tĩnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("ỦY BAN NHÂN DÂN\nTĨNH HÀ TĨNH", None, "Ủy ban nhân dân tỉnh Hà Tĩnh"),  # ỉ misread as ĩ
])
def test_issuer_and_parent(issuer: str, parent: str | None, name: str) -> None:
    found = prefill(header("Số: 12/TB-SNV", issuer=issuer))
    assert found.parent_agency.value == parent
    assert found.issuer.value == name


def test_issuer_snaps_to_the_directory() -> None:
    text = header("Số: 12/UBND-VP", issuer="ỦY BAN NHÂN DÂN\nHUYỆN CAM XUYEN", title="", summary="")
    assert prefill(text).issuer.value == "Ủy ban nhân dân huyện Cam Xuyen"
    known = ["Ủy ban nhân dân huyện Cẩm Xuyên", "Ủy ban nhân dân huyện Kỳ Anh", "Sở Nội vụ"]
    snapped = prefill(text, known_issuers=known)
    assert snapped.issuer.value == "Ủy ban nhân dân huyện Cẩm Xuyên"


@pytest.mark.parametrize(("caps", "expected"), [
    ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Sở Thông tin và Truyền thông"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
    ("ỦY BAN NHÂN DÂN THỊ XÃ HỒNG LĨNH", "Ủy ban nhân dân thị xã Hồng Lĩnh"),
    ("UBND TỈNH HÀ TĨNH", "UBND tỉnh Hà Tĩnh"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
])
def test_agency_case(caps: str, expected: str) -> None:
    assert agency_case(caps) == expected


def test_nothing_readable() -> None:
    found = prefill("~~ . ,\n\n")
    assert found.number_notation.value is None
    assert found.issued.value is None
    assert found.doc_type.value is None
    assert found.summary.value is None
    assert found.urgency.value is Urgency.NORMAL
    assert found.confident(0.8) == {}


def test_legal_references_in_the_body_are_not_the_number() -> None:
    text = "SỞ NỘI VỤ\nTHÔNG BÁO\nKết quả\n\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020;\n" * 1
    found = prefill(text)
    assert found.number_notation.value in (None, "30/2020/NĐ-CP") and found.number_notation.confidence < 0.8


# ------------------------------------------------------------------------------------- OCR words with positions

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def tsv_row(block: int, line: int, left: int, top: int, width: int, text: str, conf: float = 95.0) -> str:
    return f"5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t{width}\t50\t{conf}\t{text}\n"


def words_row(block: int, line: int, x: int, y: int, text: str) -> str:
    out, cursor = "", x
    for word in text.split():
        width = 28 * len(word)
        out += tsv_row(block, line, cursor, y, width, word)
        cursor += width + 18
    return out


def test_tsv_and_columns_feed_prefill_by_position() -> None:
    tsv = (TSV_HEADER
           + words_row(1, 1, 520, 235, "UBND TỈNH HÀ TĨNH") + words_row(1, 1, 1210, 235, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
           + words_row(1, 2, 540, 300, "SỞ NỘI VỤ") + words_row(1, 2, 1360, 300, "Độc lập - Tự do - Hạnh phúc")
           + words_row(2, 1, 570, 470, "Số: 09/SNV-TCBC")
           + words_row(2, 1, 1270, 470, "Hà Tĩnh, ngày 09 tháng 9 năm 2026")
           + words_row(2, 2, 510, 540, "V/v tuyển dụng công chức")
           + words_row(2, 3, 540, 600, "cấp xã năm 2026") + words_row(2, 3, 1400, 600, "HỎA TỐC")
           + words_row(3, 1, 650, 700, "Kính gửi: Ủy ban nhân dân các huyện")
           + "5\t1\t4\t1\t1\t1\t1363\t368\t782\t3\t95\t \n")  # a rule read as a blank word
    words = parse_tsv(tsv)
    assert all(w.text.strip() for w in words)
    page = OcrPage(words, 2480, 3508, 300)
    assert page.lines[0].text == "UBND TỈNH HÀ TĨNH"
    assert page.lines[1].text.startswith("CỘNG HÒA")
    found = prefill(page)
    assert found.issuer.value == "Sở Nội vụ"
    assert found.number_notation.value == "09/SNV-TCBC"
    assert found.issued.value == date(2026, 9, 9)
    assert found.doc_type.value == "Công văn"
    assert found.summary.value == "V/v tuyển dụng công chức cấp xã năm 2026"
    assert found.urgency.value is Urgency.FLASH


def test_split_columns_keeps_word_spacing() -> None:
    words = [OcrWord("Số:", (0, 0, 80, 50), 90, 1, 1, 1), OcrWord("09/TB-SNV", (100, 0, 350, 50), 90, 1, 1, 1),
             OcrWord("Hà", (800, 0, 860, 50), 90, 1, 1, 1)]
    lines = split_columns(words)
    assert [line.text for line in lines] == ["Số: 09/TB-SNV", "Hà"]
    assert lines[0].box == (0, 0, 350, 50)
