"""The in-memory agency index: the same answers as the plain scan it replaces, diacritics ignored, codes found."""

from __future__ import annotations

import random

import pytest

from app.domain.text_fold import fold
from app.services.directory import AgencyIndex, _Folder
from axis_sandbox import seed

Row = tuple[str, str, str | None, str | None]


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return [(a.code, a.name, a.pcode or None, None) for a in seed.generate(6000)]


@pytest.fixture(scope="module")
def index(rows: list[Row]) -> AgencyIndex:
    return AgencyIndex(rows)


def _reference(folded: list[tuple[str, str]], text: str, limit: int) -> list[str]:
    """The old DirectoryService.search: every folded word anywhere in the folded name, prefix matches first."""
    words = fold(text).split()
    prefix = " ".join(words)
    hits = [(name, code) for name, code in folded if all(w in name for w in words)]
    hits.sort(key=lambda h: (not h[0].startswith(prefix), h[0], h[1]))
    return [code for _, code in hits[:limit]]


def test_word_cache_folds_like_fold(rows: list[Row]) -> None:
    folder = _Folder()
    odd = ["Sở  Tài\tchính ", "ĐẮK LẮK", "Cu\u0309a ho\u0300ng", "  ", "Phòng Tư pháp (đổi tên)"]
    for name in [r[1] for r in rows] + odd:
        assert folder(name) == fold(name)


def test_random_queries_match_the_plain_scan(rows: list[Row], index: AgencyIndex) -> None:
    rng = random.Random(8)
    folded = [(fold(name), code) for code, name, _, _ in rows]
    for _ in range(300):
        words = rng.choice(rows)[1].split()
        start = rng.randrange(len(words))
        text = " ".join(words[start:start + rng.randint(1, 3)])
        if rng.random() < 0.5:
            text = fold(text)
        if rng.random() < 0.5:
            text = text[: rng.randint(1, len(text))]
        assert [a.code for a in index.search(text, 15)] == _reference(folded, text, 15), text


def test_diacritics_case_and_partial_words(index: AgencyIndex) -> None:
    hits = index.search("so tai chinh tinh ha tinh")
    assert [a.name for a in hits][:1] == ["Sở Tài chính tỉnh Hà Tĩnh"]
    assert index.search("SỞ TÀI CHÍNH TỈNH HÀ TĨNH")[0].code == hits[0].code
    assert all("tai" in a.folded and "chi" in a.folded for a in index.search("tai chi", 50))
    assert index.search("zzzz") == []


def test_code_prefix_first_then_names(index: AgencyIndex) -> None:
    hits = index.search("000.00.00.h27")
    assert hits[0].code == "000.00.00.H27" and hits[0].name == "UBND tỉnh Hà Tĩnh"
    level2 = index.search("000.00.0", 30)
    assert level2 and all(a.code.startswith("000.00.0") for a in level2)
    assert index.by_code("000.00.00.H27") == hits[0] and index.by_code("000.00.00.X00") is None


def test_distinct_names_keep_one_agency_per_spelling(rows: list[Row]) -> None:
    twins: list[Row] = [("000.00.01.H27", "Trường Tiểu học Xuân Long", None, None),
                        ("000.00.01.H30", "Trường Tiểu học Xuân Long", None, None)]
    small = AgencyIndex(twins)
    assert [a.code for a in small.search("xuan long")] == ["000.00.01.H27", "000.00.01.H30"]
    assert [a.code for a in small.search("xuan long", distinct_names=True)] == ["000.00.01.H27"]
    assert small.by_folded("truong tieu hoc xuan long") is not None


def test_empty_query_lists_alphabetically_and_blank_names_are_left_out() -> None:
    small = AgencyIndex([("000.00.02.H27", "Sở Y tế", None, None), ("000.00.03.H27", "  ", None, None),
                         ("000.00.01.H27", "Ban Dân tộc", None, None)])
    assert [a.name for a in small.search("")] == ["Ban Dân tộc", "Sở Y tế"]
    assert len(small) == 2 and small.search("y", 0) == []
