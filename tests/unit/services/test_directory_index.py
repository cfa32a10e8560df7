"""The in-memory agency index: the same answers as a plain scan ranked by `_Rank.key` (the vector-computed ranking
agrees with its plain definition), diacritics ignored, codes found. The order itself: test_directory_ranking.py."""

from __future__ import annotations

import random

import pytest

from app.domain.text_fold import fold
from app.services import directory
from app.services.directory import AgencyIndex, _Folder
from axis_sandbox import seed

Row = tuple[str, str, str | None, str | None]


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    return [(a.code, a.name, a.pcode or None, None) for a in seed.generate(6000)]


@pytest.fixture(scope="module")
def index(rows: list[Row]) -> AgencyIndex:
    return AgencyIndex(rows)


def _reference(index: AgencyIndex, folded: list[tuple[str, str]], text: str, limit: int) -> list[str]:
    """A plain scan: every folded word anywhere in the folded name, sorted by the ranking key of one name."""
    rank = index.rank(text)
    hits = [(name, code) for name, code in folded if all(w in name for w in rank.words)]
    hits.sort(key=lambda h: rank.key(*h))
    return [code for _, code in hits[:limit]]


def _queries(rows: list[Row], count: int, seed_: int) -> list[str]:
    rng = random.Random(seed_)
    out: list[str] = []
    for _ in range(count):
        words = rng.choice(rows)[1].split()
        start = rng.randrange(len(words))
        text = " ".join(words[start:start + rng.randint(1, 3)])
        if rng.random() < 0.5:
            text = fold(text)
        if rng.random() < 0.5:
            text = text[: rng.randint(1, len(text))]
        out.append(text)
    return out


def test_word_cache_folds_like_fold(rows: list[Row]) -> None:
    folder = _Folder()
    odd = ["Sở  Tài\tchính ", "ĐẮK LẮK", "Cu\u0309a ho\u0300ng", "  ", "Phòng Tư pháp (đổi tên)"]
    for name in [r[1] for r in rows] + odd:
        assert folder(name) == fold(name)


def test_random_queries_match_the_plain_scan(rows: list[Row], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(directory, "RANK_CANDIDATES", len(rows))  # no cap: the very same order as the plain scan
    index = AgencyIndex(rows, (".H27", "Hà Tĩnh"))
    folded = [(fold(name), code) for code, name, _, _ in rows]
    for text in [*_queries(rows, 300, 8), "tinh ha tinh", "ha ha", "so - tai"]:
        assert [a.code for a in index.search(text, 15)] == _reference(index, folded, text, 15), text


def test_the_candidate_cap_keeps_true_matches_in_rank_order(rows: list[Row], monkeypatch: pytest.MonkeyPatch) -> None:
    """Of more matches than the cap, the ones ranked are the best by the vector part of the key: still matches,
    still in rank order, and the phrase the clerk typed still on top."""
    monkeypatch.setattr(directory, "RANK_CANDIDATES", 40)
    index = AgencyIndex(rows, (".H27", "Hà Tĩnh"))
    for text in [*_queries(rows, 100, 9), "t", "so t", "tinh"]:
        rank = index.rank(text)
        hits = index.search(text, 15)
        assert all(all(w in a.folded for w in rank.words) for a in hits), text
        keys = [rank.key(a.folded, a.code) for a in hits]
        assert keys == sorted(keys), text
    assert index.search("so tai chinh tinh ha", 1)[0].name == "Sở Tài chính tỉnh Hà Tĩnh"


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
