"""Splitting one scanned batch into several documents: at blank separator sheets, at separator sheets carrying a
barcode/QR code, every N pages, and wherever the clerk said "a new document starts here".

Pure Python on small per-page marks (no images, no numpy), so the review strip recomputes the grouping on every edit
and the intake page imports it without loading OpenCV. The pipeline's `split_documents` (on `PageResult`s) uses it.

Rules: separator pages belong to no document (they stay in the review, labelled, and are discarded with the document
before them once that is registered). A blank page that is not a separator is "left out": it travels with the
document it falls in but is not one of its pages, and it never counts towards "every N" nor starts a document alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class SplitMode(StrEnum):
    NONE = "none"
    BLANK_SHEET = "blank_sheet"
    BARCODE = "barcode"
    EVERY_N = "every_n"


@dataclass(frozen=True)
class SplitRule:
    """How one batch becomes several documents. Separator pages are kept in the result but belong to no document."""

    mode: SplitMode = SplitMode.NONE
    every: int = 1
    barcode_prefix: str | None = None  # only codes starting with this mark a separator (None: any code)
    duplex: bool = False  # a separator is a whole sheet: both sides blank / a code on either side


@dataclass(frozen=True)
class PageMark:
    """What splitting needs to know about one page, in batch order."""

    blank: bool = False  # flagged blank and not kept by the clerk
    codes: tuple[str, ...] = ()
    break_before: bool = False  # the clerk's "split here": a new document starts at this page


@dataclass(frozen=True)
class Split:
    """`documents`: for each document the positions of its pages (its own pages and the left-out blank pages among
    them, in order); `separators`: positions that belong to no document."""

    documents: list[list[int]] = field(default_factory=list)
    separators: list[int] = field(default_factory=list)

    def pages_of(self, document: int, marks: Sequence[PageMark]) -> list[int]:
        """The document's own pages: its positions without the left-out blank pages."""
        return [i for i in self.documents[document] if not marks[i].blank]


def separator_positions(marks: Sequence[PageMark], rule: SplitRule) -> set[int]:
    """The pages that are separator sheets under `rule` (none for NONE and EVERY_N)."""
    if rule.mode is SplitMode.BLANK_SHEET:
        def is_mark(m: PageMark) -> bool:
            return m.blank
    elif rule.mode is SplitMode.BARCODE:
        def is_mark(m: PageMark) -> bool:
            return any(rule.barcode_prefix is None or c.startswith(rule.barcode_prefix) for c in m.codes)
    else:
        return set()
    n = len(marks)
    if not rule.duplex:
        return {i for i in range(n) if is_mark(marks[i])}
    found: set[int] = set()
    for start in range(0, n, 2):
        sheet = range(start, min(n, start + 2))
        # both sides blank (a one-sided page's blank back must not split), or a code on either side
        hit = all if rule.mode is SplitMode.BLANK_SHEET else any
        if hit(is_mark(marks[i]) for i in sheet):
            found.update(sheet)
    return found


def split_marks(marks: Sequence[PageMark], rule: SplitRule = SplitRule()) -> Split:
    """Group the batch into documents under `rule` and the clerk's manual breaks."""
    separators = separator_positions(marks, rule)
    every = max(1, rule.every) if rule.mode is SplitMode.EVERY_N else 0
    documents: list[list[int]] = []
    current: list[int] = []
    own = 0  # pages of `current` that are not left-out blanks

    def close() -> None:
        nonlocal current, own
        if own:
            documents.append(current)
            current, own = [], 0
        # a run of left-out blank pages alone is no document: it joins the next one

    for i, mark in enumerate(marks):
        if i in separators:
            close()
            if current and documents:  # left-out blanks just before the separator stay with the document before
                documents[-1].extend(current)
                current = []
            continue
        starts = mark.break_before or (every and own >= every and not mark.blank)
        if starts:
            close()  # no-op while the current document has no page of its own
        current.append(i)
        if not mark.blank:
            own += 1
    if own:
        documents.append(current)
    elif current and documents:
        documents[-1].extend(current)  # trailing left-out blanks stay with the last document
    elif current:
        documents.append(current)  # only left-out blank pages: one document that has no page of its own yet
    return Split(documents, sorted(separators))


__all__ = ["PageMark", "Split", "SplitMode", "SplitRule", "separator_positions", "split_marks"]
