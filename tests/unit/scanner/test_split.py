"""Splitting a scanned batch into documents on page marks: blank separator sheets, barcode separators, every N pages,
the clerk's manual breaks, and left-out blank pages that must neither count nor start a document."""

from __future__ import annotations

from app.scanner.split import PageMark, SplitMode, SplitRule, separator_positions, split_marks

P = PageMark()  # an ordinary page
B = PageMark(blank=True)  # a blank page the clerk did not keep


def code(text: str) -> PageMark:
    return PageMark(codes=(text,))


def brk() -> PageMark:
    return PageMark(break_before=True)


def test_no_rule_is_one_document_with_its_left_out_blank_pages() -> None:
    split = split_marks([P, B, P])
    assert split.documents == [[0, 1, 2]] and split.separators == []
    assert split.pages_of(0, [P, B, P]) == [0, 2]
    assert split_marks([]).documents == []


def test_blank_separator_sheets() -> None:
    marks = [P, P, B, P, B, B, P, P, B]
    split = split_marks(marks, SplitRule(SplitMode.BLANK_SHEET))
    assert split.documents == [[0, 1], [3], [6, 7]]
    assert split.separators == [2, 4, 5, 8]


def test_duplex_blank_sheet_needs_both_sides_blank() -> None:
    # sheet 1: text + blank back (a one-sided page, not a separator); sheet 2: both blank; sheet 3: text both sides
    marks = [P, B, B, B, P, P]
    split = split_marks(marks, SplitRule(SplitMode.BLANK_SHEET, duplex=True))
    assert split.separators == [2, 3]
    assert split.documents == [[0, 1], [4, 5]]
    assert split.pages_of(0, marks) == [0]  # the blank back stays left out


def test_barcode_separators_with_and_without_a_prefix() -> None:
    marks = [code("VANTHU-SEP"), P, P, code("VANTHU-SEP"), P, code("https://example.vn/qr"), P]
    split = split_marks(marks, SplitRule(SplitMode.BARCODE, barcode_prefix="VANTHU-SEP"))
    assert split.documents == [[1, 2], [4, 5, 6]] and split.separators == [0, 3]
    assert split_marks(marks, SplitRule(SplitMode.BARCODE)).separators == [0, 3, 5]
    assert separator_positions(marks, SplitRule(SplitMode.EVERY_N, every=2)) == set()


def test_every_n_counts_only_real_pages() -> None:
    marks = [P, B, P, P, P, B, B, P]
    split = split_marks(marks, SplitRule(SplitMode.EVERY_N, every=2))
    assert split.documents == [[0, 1, 2], [3, 4, 5, 6], [7]]
    assert [split.pages_of(i, marks) for i in range(3)] == [[0, 2], [3, 4], [7]]
    assert split_marks([P] * 5, SplitRule(SplitMode.EVERY_N, every=0)).documents == [[0], [1], [2], [3], [4]]


def test_manual_breaks_alone_and_with_a_rule() -> None:
    assert split_marks([P, P, brk(), P, brk()]).documents == [[0, 1], [2, 3], [4]]
    assert split_marks([brk(), P]).documents == [[0, 1]]  # a break before the first page changes nothing
    marks = [P, P, P, brk(), P, B, P]
    assert split_marks(marks, SplitRule(SplitMode.BLANK_SHEET)).documents == [[0, 1, 2], [3, 4], [6]]
    assert split_marks(marks, SplitRule(SplitMode.EVERY_N, every=2)).documents == [[0, 1], [2], [3, 4, 5], [6]]


def test_blank_pages_never_make_a_document_alone() -> None:
    assert split_marks([B, P, P]).documents == [[0, 1, 2]]
    assert split_marks([P, P, B, B], SplitRule(SplitMode.EVERY_N, every=2)).documents == [[0, 1, 2, 3]]
    marks = [P, code("SEP"), B, code("SEP"), P]
    assert split_marks(marks, SplitRule(SplitMode.BARCODE)).documents == [[0, 2], [4]]
    only_blank = split_marks([B, B])
    assert only_blank.documents == [[0, 1]] and only_blank.pages_of(0, [B, B]) == []
