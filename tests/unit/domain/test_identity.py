"""Standards §11 vectors 1–6: numbers and notations, date lines, agency codes; and the search fold."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import agency_code, date_line, document_types, notation
from app.domain.errors import ValidationError
from app.domain.text_fold import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số: 123/QĐ-UBND", (123, None, "QĐ", "UBND", None)),
        ("Số: 05/UBND-VX", (5, None, None, "UBND", "VX")),
        ("Số: 33/2019/QĐ-UBND", (33, 2019, "QĐ", "UBND", None)),
        ("45/QĐ-STTTT", (45, None, "QĐ", "STTTT", None)),
        ("Số: 07/SY-UBND", (7, None, "SY", "UBND", None)),
        ("Số: 12/QyĐ-UBND", (12, None, "QyĐ", "UBND", None)),
        ("Số: 12/VP-TH", (12, None, None, "VP", "TH")),
    ],
)
def test_vector_1_valid_numbers(text: str, expected: tuple[object, ...]) -> None:
    parsed = notation.parse(text)
    assert (parsed.number, parsed.year, parsed.type_abbreviation, parsed.issuer_abbreviation,
            parsed.unit_abbreviation) == expected


def test_formatting_round_trips() -> None:
    assert notation.parse("Số: 05/UBND-VX").label == "Số: 05/UBND-VX"
    assert notation.parse("33/2019/QĐ-UBND").formatted == "33/2019/QĐ-UBND"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Số: 5/QĐ-UBND", "notation.leading_zero"),
        ("Số: 12 / QĐ-UBND", "notation.spaces"),
        ("Số: 12/qđ-ubnd", "notation.lower_case"),
        ("Số: 12/XX-UBND", "notation.unknown_type"),
        ("Số: 00/QĐ-UBND", "notation.format"),
        ("", "notation.empty"),
        ("Số: 12/2019/XX-UBND", "notation.unknown_type"),
        ("Số: 12", "notation.format"),
    ],
)
def test_vector_2_invalid_numbers(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        notation.parse(text)
    assert err.value.code == code


def test_build_number_for_each_kind() -> None:
    assert notation.build_number(45, "QĐ", "STTTT").label == "Số: 45/QĐ-STTTT"
    assert notation.build_number(5, None, "UBND", unit_abbreviation="VX").formatted == "05/UBND-VX"
    assert notation.build_number(33, "QĐ", "UBND", year=2019).formatted == "33/2019/QĐ-UBND"
    with pytest.raises(ValidationError) as err:
        notation.build_number(1, None, "UBND")
    assert err.value.code == "notation.unit_required"


@pytest.mark.parametrize("text", ["Hà Tĩnh, ngày 05 tháng 3 năm 2019", "Hà Tĩnh, ngày 05 tháng 01 năm 2020"])
def test_vector_3_valid_date_lines(text: str) -> None:
    place, on = date_line.parse_date_line(text)
    assert place == "Hà Tĩnh"
    assert date_line.format_date_line(place, on) == text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hà Tĩnh, ngày 17 tháng 06 năm 2019", "date_line.month_padding"),
        ("Hà Tĩnh, ngày 5 tháng 3 năm 2019", "date_line.day_padding"),
        ("Hà Tĩnh, ngày 05 tháng 1 năm 2020", "date_line.month_padding"),
        ("Hà Tĩnh, ngày 30 tháng 02 năm 2024", "date_line.impossible_date"),
        ("Hà Tĩnh ngày 05 tháng 3 năm 2019", "date_line.format"),
    ],
)
def test_vector_4_invalid_date_lines(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        date_line.parse_date_line(text)
    assert err.value.code == code


def test_date_line_padding_rules() -> None:
    assert date_line.format_date_line("Hà Tĩnh", date(2026, 11, 25)) == "Hà Tĩnh, ngày 25 tháng 11 năm 2026"
    assert date_line.format_date_line("Hà Tĩnh", date(2026, 2, 3)) == "Hà Tĩnh, ngày 03 tháng 02 năm 2026"


@pytest.mark.parametrize(("text", "level"), [("000.00.00.H27", 1), ("000.00.12.H27", 2), ("000.03.12.H27", 3),
                                             ("004.03.12.H27", 4)])
def test_vector_5_agency_codes(text: str, level: int) -> None:
    assert agency_code.parse(text).level == level


def test_vector_5_parent() -> None:
    code = agency_code.parse("004.03.12.H27")
    assert str(code.parent) == "000.03.12.H27"
    assert str(agency_code.parse("000.03.12.H27").parent) == "000.00.12.H27"
    assert agency_code.parse("000.00.00.H27").parent is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("001.00.12.H27", "agency_code.hierarchy"), ("000.0.00.H27", "agency_code.format"),
     ("000.00.00.h27", "agency_code.format"), ("000.00.00.H2", "agency_code.format")],
)
def test_vector_6_invalid_agency_codes(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as err:
        agency_code.parse(text)
    assert err.value.code == code


def test_document_types_are_data() -> None:
    assert document_types.find("quyet dinh") == document_types.by_abbreviation("QĐ")
    assert document_types.find("Công văn") is not None
    assert document_types.find("Công văn").abbreviation is None  # type: ignore[union-attr]
    assert document_types.by_abbreviation("QYĐ") is None  # case-sensitive
    assert document_types.find("Bản sao y").is_copy_form  # type: ignore[union-attr]


def test_fold_finds_dat_dai() -> None:
    assert fold("Đất  ĐAI ") == "dat dai"
    assert fold("Quyết định") == "quyet dinh"
    assert fold("Tờ trình") == "to trinh"
