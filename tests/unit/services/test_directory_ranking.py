"""The order of the agency search, as a clerk of a Hà Tĩnh department expects it: the agency meant at the top.

A small directory in the shape of the real one (several provinces' Sở Tư pháp, Bộ Tư pháp and its units, UBND of
districts and communes, look-alike names) and the office's own agency in Hà Tĩnh (`.H27`).
"""

from __future__ import annotations

import pytest

from app.domain.enums import AgencyLevel
from app.domain.text_fold import fold
from app.services.context import StoreContext
from app.services.directory import AgencyIndex, DirectoryEntry, DirectoryService
from app.store.repositories import AgencyRepository

HOME = (".H27", "Hà Tĩnh")  # the own agency: Sở Thông tin và Truyền thông tỉnh Hà Tĩnh, 000.00.12.H27

DIRECTORY: list[tuple[str, str]] = [  # code, name; codes listed out of order on purpose
    ("000.00.03.H01", "Sở Tư pháp tỉnh An Giang"),
    ("000.00.03.H22", "Sở Tư pháp tỉnh Hà Giang"),
    ("000.00.03.H23", "Sở Tư pháp tỉnh Hà Nam"),
    ("000.00.03.H30", "Sở Tư pháp tỉnh Hậu Giang"),
    ("000.00.03.H49", "Sở Tư pháp tỉnh Quảng Ninh"),
    ("000.00.03.H27", "Sở Tư pháp tỉnh Hà Tĩnh"),
    ("000.01.03.H27", "Văn phòng - Sở Tư pháp tỉnh Hà Tĩnh"),
    ("000.00.05.H27", "Sở Tài chính tỉnh Hà Tĩnh"),
    ("000.00.16.H27", "Sở Y tế tỉnh Hà Tĩnh"),
    ("000.00.16.H01", "Sở Y tế tỉnh An Giang"),
    ("000.00.00.H27", "UBND tỉnh Hà Tĩnh"),
    ("000.00.00.H01", "UBND tỉnh An Giang"),
    ("000.00.10.G05", "Báo điện tử - Bộ Tư pháp"),
    ("000.00.03.G05", "Vụ Pháp chế - Bộ Tư pháp"),
    ("000.00.01.G05", "Văn phòng - Bộ Tư pháp"),
    ("000.00.00.G05", "Bộ Tư pháp"),
    ("000.00.00.G18", "Bộ Y tế"),
    ("000.00.27.H27", "UBND huyện Thạch Hà"),
    ("000.04.27.H27", "Phòng Tư pháp huyện Thạch Hà"),
    ("000.09.27.H27", "UBND xã Thạch Hải"),
    ("000.10.27.H27", "UBND xã Thạch Khê"),
    ("001.09.27.H27", "Trạm Y tế xã Thạch Hải"),
    ("000.08.21.H27", "UBND xã Thạch Hạ"),  # Thành phố Hà Tĩnh: folds to "thach ha" too
    ("000.09.31.H40", "UBND xã Thạch Hà"),
    ("000.12.25.H42", "UBND xã Hà Thạch"),
    ("000.04.25.H42", "Phòng Tư pháp huyện Lâm Thao"),
]


@pytest.fixture(scope="module")
def index() -> AgencyIndex:
    return AgencyIndex([(code, name, None, None) for code, name in DIRECTORY], HOME)


def _names(index: AgencyIndex, text: str, limit: int = 30) -> list[str]:
    return [f"{a.name} ({a.code[-3:]})" for a in index.search(text, limit)]


def test_words_of_the_own_province_in_order_beat_a_word_found_inside_another(index: AgencyIndex) -> None:
    """"ha" is inside "phap": An Giang's Sở Tư pháp holds every typed word, but not as words."""
    hits = _names(index, "so tu phap ha tinh")
    assert hits[:2] == ["Sở Tư pháp tỉnh Hà Tĩnh (H27)", "Văn phòng - Sở Tư pháp tỉnh Hà Tĩnh (H27)"]
    assert hits.index("Sở Tư pháp tỉnh Hà Nam (H23)") < hits.index("Sở Tư pháp tỉnh An Giang (H01)")
    assert hits.index("Sở Tư pháp tỉnh Hà Giang (H22)") < hits.index("Sở Tư pháp tỉnh Quảng Ninh (H49)")
    assert index.search("SỞ TƯ PHÁP HÀ TĨNH")[0].code == "000.00.03.H27"  # accents and case as before


def test_a_phrase_near_the_start_of_a_short_name_beats_the_same_words_at_the_end(index: AgencyIndex) -> None:
    hits = _names(index, "tu phap")
    assert hits[:3] == ["Sở Tư pháp tỉnh Hà Tĩnh (H27)", "Phòng Tư pháp huyện Thạch Hà (H27)",
                        "Văn phòng - Sở Tư pháp tỉnh Hà Tĩnh (H27)"]  # the own province first
    others = hits[3:]
    assert others[:2] == ["Bộ Tư pháp (G05)", "Sở Tư pháp tỉnh Hà Nam (H23)"]  # then the closest, shortest
    assert all(others.index(n) < others.index("Báo điện tử - Bộ Tư pháp (G05)")
               for n in others if n.startswith("Sở Tư pháp"))
    assert _names(index, "bo tu phap")[:2] == ["Bộ Tư pháp (G05)", "Văn phòng - Bộ Tư pháp (G05)"]


def test_a_commune_typed_in_full_comes_before_one_still_being_typed(index: AgencyIndex) -> None:
    assert _names(index, "xa thach ha") == [
        "UBND xã Thạch Hạ (H27)",  # the whole words, the own province
        "UBND xã Thạch Hà (H40)",  # the whole words, another province
        "UBND xã Thạch Hải (H27)",  # "ha" only the start of "hai"
        "Trạm Y tế xã Thạch Hải (H27)",  # the same, later in a longer name
        "UBND xã Hà Thạch (H42)",  # the words, not in order
        "UBND xã Thạch Khê (H27)",  # "ha" only inside "thach"
    ]
    assert _names(index, "xa thach h")[:4] == ["UBND xã Thạch Hạ (H27)", "UBND xã Thạch Hải (H27)",  # typing:
                                               "Trạm Y tế xã Thạch Hải (H27)", "UBND xã Thạch Hà (H40)"]  # own first


def test_a_code_is_first_then_its_prefix_in_code_order(index: AgencyIndex) -> None:
    assert index.search("000.00.03.H27")[0].name == "Sở Tư pháp tỉnh Hà Tĩnh"
    assert index.search("000.00.03.h27", 1)[0].code == "000.00.03.H27"
    assert [a.code for a in index.search("000.00.03")] == [
        "000.00.03.G05", "000.00.03.H01", "000.00.03.H22", "000.00.03.H23", "000.00.03.H27", "000.00.03.H30",
        "000.00.03.H49"]


def test_one_short_word_prefers_a_whole_word_then_a_word_start_then_inside_a_word(index: AgencyIndex) -> None:
    hits = _names(index, "y")
    assert hits[:4] == ["Sở Y tế tỉnh Hà Tĩnh (H27)", "Trạm Y tế xã Thạch Hải (H27)", "Bộ Y tế (G18)",
                        "Sở Y tế tỉnh An Giang (H01)"]
    assert set(hits[4:]) == {"UBND huyện Thạch Hà (H27)", "Phòng Tư pháp huyện Thạch Hà (H27)",
                             "Phòng Tư pháp huyện Lâm Thao (H42)"}  # the "y" of "huyện"
    assert _names(index, "ubnd")[:3] == ["UBND xã Thạch Hạ (H27)", "UBND tỉnh Hà Tĩnh (H27)",  # shorter first,
                                         "UBND xã Thạch Hải (H27)"]  # then code order


def test_the_own_place_name_counts_when_the_code_does_not_say() -> None:
    """A ministry's branch in Hà Tĩnh has a G code but is the province's; without an own agency nothing is home."""
    rows = [("000.00.15.G07", "Kho bạc Nhà nước Hà Tĩnh", None, None),
            ("000.00.16.G07", "Kho bạc Nhà nước An Giang", None, None),
            ("000.00.17.G07", "Kho bạc Nhà nước Hà Nam", None, None)]
    assert AgencyIndex(rows, HOME).search("kho bac")[0].code == "000.00.15.G07"
    assert AgencyIndex(rows).search("kho bac")[0].code == "000.00.17.G07"  # the shortest


def test_the_service_ranks_with_the_own_agency_and_merges_the_books_issuers(
        ctx: StoreContext, monkeypatch: pytest.MonkeyPatch) -> None:
    with ctx.db.session() as s:
        repo = AgencyRepository(s)
        repo.add(code="000.00.12.H27", name="Sở Thông tin và Truyền thông tỉnh Hà Tĩnh", abbreviation="STTTT",
                 level=AgencyLevel.OTHER, parent_code="000.00.00.H27", parent_name="UBND tỉnh Hà Tĩnh",
                 place_name="Hà Tĩnh", is_own=True)
        for code, name in DIRECTORY:
            repo.add(code=code, name=name, abbreviation="", level=AgencyLevel.OTHER, parent_code=None,
                     parent_name=None, place_name="")
    service = DirectoryService(ctx)
    book = ["Công an xã Thạch Hạ", "Tòa án nhân dân huyện Thạch Hà", "Chi cục Thi hành án dân sự huyện Thạch Hà"]
    monkeypatch.setattr(service, "_read_issuers", lambda index: [
        DirectoryEntry(name, None, fold(name)) for name in book])

    assert [a.code for a in service.search_agencies("so tu phap ha tinh", 2)] == ["000.00.03.H27", "000.01.03.H27"]
    assert service.search_agencies("tu phap", 1)[0].code == "000.00.03.H27"
    issuer_box = [(e.name, e.code) for e in service.search("thach ha", 6)]
    assert issuer_box == [  # the agencies and the issuers of the books in one ranking
        ("UBND xã Thạch Hạ", "000.08.21.H27"),
        ("UBND huyện Thạch Hà", "000.00.27.H27"),
        ("Phòng Tư pháp huyện Thạch Hà", "000.04.27.H27"),
        ("Công an xã Thạch Hạ", None),  # the issuers' province is not known: after the own province's
        ("Tòa án nhân dân huyện Thạch Hà", None),
        ("Chi cục Thi hành án dân sự huyện Thạch Hà", None),
    ]  # one agency per spelling: "UBND xã Thạch Hà" (H40) is spelt like "UBND xã Thạch Hạ" without accents
    assert [e.name for e in service.search("", 2)] == ["Báo điện tử - Bộ Tư pháp", "Bộ Tư pháp"]  # alphabetical
