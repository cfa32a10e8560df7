"""Document types and their abbreviations (ND30 Art 7, App III; standards §1.1).

Abbreviations are case-sensitive data.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.text_fold import fold


@dataclass(frozen=True)
class DocumentType:
    name: str
    abbreviation: str | None  # None: công văn and thư công carry no type abbreviation
    is_copy_form: bool = False
    normative_capable: bool = False  # may be issued as a legal normative document (own series, year in notation)


_TYPES: tuple[DocumentType, ...] = (
    DocumentType("Nghị quyết", "NQ", normative_capable=True),
    DocumentType("Quyết định", "QĐ", normative_capable=True),
    DocumentType("Chỉ thị", "CT", normative_capable=True),
    DocumentType("Quy chế", "QC"),
    DocumentType("Quy định", "QyĐ"),
    DocumentType("Thông cáo", "TC"),
    DocumentType("Thông báo", "TB"),
    DocumentType("Hướng dẫn", "HD"),
    DocumentType("Chương trình", "CTr"),
    DocumentType("Kế hoạch", "KH"),
    DocumentType("Phương án", "PA"),
    DocumentType("Đề án", "ĐA"),
    DocumentType("Dự án", "DA"),
    DocumentType("Báo cáo", "BC"),
    DocumentType("Biên bản", "BB"),
    DocumentType("Tờ trình", "TTr"),
    DocumentType("Hợp đồng", "HĐ"),
    DocumentType("Công văn", None),
    DocumentType("Công điện", "CĐ"),
    DocumentType("Bản ghi nhớ", "BGN"),
    DocumentType("Bản thỏa thuận", "BTT"),
    DocumentType("Giấy ủy quyền", "GUQ"),
    DocumentType("Giấy mời", "GM"),
    DocumentType("Giấy giới thiệu", "GGT"),
    DocumentType("Giấy nghỉ phép", "GNP"),
    DocumentType("Phiếu gửi", "PG"),
    DocumentType("Phiếu chuyển", "PC"),
    DocumentType("Phiếu báo", "PB"),
    DocumentType("Thư công", None),
    DocumentType("Bản sao y", "SY", is_copy_form=True),
    DocumentType("Bản trích sao", "TrS", is_copy_form=True),
    DocumentType("Bản sao lục", "SL", is_copy_form=True),
)

_BY_NAME = {fold(t.name): t for t in _TYPES}
# "Thỏa"/"Thoả" and "ủy"/"uỷ" spellings fold to the same key already; the old "Quy định" abbreviation is kept as data.
_BY_ABBR = {t.abbreviation: t for t in _TYPES if t.abbreviation}


def all_types() -> tuple[DocumentType, ...]:
    return _TYPES


def names() -> list[str]:
    return [t.name for t in _TYPES]


def find(name: str) -> DocumentType | None:
    """By name, ignoring case and diacritics ("quyet dinh" finds Quyết định)."""
    return _BY_NAME.get(fold(name))


def by_abbreviation(abbreviation: str) -> DocumentType | None:
    """Case-sensitive, as the standard writes them (QyĐ, CTr, TTr, TrS)."""
    return _BY_ABBR.get(abbreviation)


def abbreviations() -> frozenset[str]:
    return frozenset(_BY_ABBR)
