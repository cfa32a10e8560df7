"""The agency directory the clerk picks issuers and recipients from: agencies known to the system (100,000+ once the
directory is pulled from the axis) and the issuers already written in the registry books, matched ignoring
diacritics and case ("so tai chinh" finds "Sở Tài chính").

Search as you type must stay within a few milliseconds at that size, with no database query per keystroke, so the
agencies are read once into an in-memory index (`AgencyIndex`):
- names sorted by their folded form: the names that *start* with the typed text are one binary-search range;
- a word index (folded word → positions of the names holding it): a typed word is matched against the few
  thousand distinct words (it may be a partial word: substring, as before), and only the names holding the rarest
  typed word are checked for the others; a very common word (one letter, "truong") walks the sorted names instead,
  which stops as soon as enough are found;
- codes sorted, for a typed code prefix ("000.00.12").
Issuers seen in the books but not in the table are few and scanned.

The index is built once (about a second for 100,000 agencies; `warm()` lets the UI do it off the UI thread) and
rebuilt by `refresh()` after a directory refresh, or by `forget()` when the table has grown.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from sqlalchemy import func, select

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

from app.domain.model import Unit
from app.domain.text_fold import fold
from app.services.context import StoreContext
from app.store.models import AgencyRow, RegistryEntryRow
from app.store.repositories import AgencyRepository

RECENT_ISSUERS = 5000  # issuers of the latest entries join the directory; older ones are in the agencies table or gone
NAMES_LIMIT = 5000  # names(): a list for combo boxes and OCR snapping, not the whole national directory
_CODE_QUERY = re.compile(r"[0-9]{1,3}(\.[0-9]{0,2}){0,2}(\.[A-Za-z]?[0-9]{0,2})?")  # a mã định danh being typed
_LAST = "\U0010ffff"


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    name: str
    code: str | None  # mã định danh when the agency is in the directory; None for a name only seen in a book
    folded: str


@dataclass(frozen=True, slots=True)
class DirectoryAgency:
    """One agency of the directory, for recipient pickers: names repeat (a "Trường Tiểu học Xuân Long" in several
    provinces), so the picker shows the parent and the code too."""

    code: str
    name: str
    parent_code: str | None
    parent_name: str | None
    folded: str


class _Folder:
    """fold() word by word with a cache: 100,000 names share a few thousand words, so building the index folds each
    word once. Same result as folding the whole name (no mark crosses a space; empty words vanish, spaces collapse).
    Each folded word also gets an id (its position in `words`), for the word index."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, int]] = {}
        self.vocab: dict[str, int] = {}

    def __call__(self, text: str) -> str:
        return self.fold_ids(text)[0]

    def fold_ids(self, text: str) -> tuple[str, list[int]]:
        cache = self._cache
        words: list[str] = []
        ids: list[int] = []
        for raw in text.split():
            hit = cache.get(raw)
            if hit is None:
                folded = fold(raw)
                hit = cache[raw] = (folded, self.vocab.setdefault(folded, len(self.vocab)) if folded else -1)
            if hit[1] >= 0:
                words.append(hit[0])
                ids.append(hit[1])
        return " ".join(words), ids


class AgencyIndex:
    """An immutable search index over agencies (safe to share between threads once built).

    Columns are kept as parallel lists in folded-name order; `DirectoryAgency` objects are made only for results.
    Each distinct folded word has a posting array (the positions holding it) in one numpy array; a typed word
    becomes a boolean mask over all names (the union of the postings of the words containing it, cached), and the
    typed words' masks are AND-ed: a search is a few vector operations whatever the words.
    """

    def __init__(self, agencies: Iterable[tuple[str, str, str | None, str | None]]) -> None:
        import numpy as np
        folder = _Folder()
        rows = [(*folder.fold_ids(name), code, name, parent, parent_name)
                for code, name, parent, parent_name in agencies if name and name.strip()]
        rows.sort(key=lambda r: (r[0], r[2]))
        self._folded: list[str] = [r[0] for r in rows]
        self._code: list[str] = [r[2] for r in rows]
        self._name: list[str] = [r[3] for r in rows]
        self._parent: list[str | None] = [r[4] for r in rows]
        self._parent_name: list[str | None] = [r[5] for r in rows]
        # The word index: (word id, position) pairs grouped by word id with positions ascending (a stable sort).
        lengths = np.fromiter((len(r[1]) for r in rows), dtype=np.int64, count=len(rows))
        ids = np.fromiter(chain.from_iterable(r[1] for r in rows), dtype=np.int32, count=int(lengths.sum()))
        del rows
        positions = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        order = np.argsort(ids, kind="stable")
        self._postings: npt.NDArray[np.int32] = positions[order]
        counts = np.bincount(ids, minlength=len(folder.vocab))
        self._starts: npt.NDArray[np.int64] = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._words = list(folder.vocab)  # word id → folded word
        self._masks: dict[str, npt.NDArray[np.bool_]] = {}
        self._by_code = dict(zip(self._code, range(len(self._code)), strict=True))
        self._codes = sorted(self._by_code)
        # Reversed, so that the first position of a repeated name is the one kept.
        self._first_by_folded = dict(zip(reversed(self._folded), range(len(self._folded) - 1, -1, -1), strict=True))
        self._mask_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._folded)

    def item(self, pos: int) -> DirectoryAgency:
        return DirectoryAgency(self._code[pos], self._name[pos], self._parent[pos], self._parent_name[pos],
                               self._folded[pos])

    def items(self) -> Iterator[DirectoryAgency]:
        return (self.item(i) for i in range(len(self._folded)))

    def by_code(self, code: str) -> DirectoryAgency | None:
        pos = self._by_code.get(code)
        return self.item(pos) if pos is not None else None

    def by_folded(self, folded: str) -> DirectoryAgency | None:
        pos = self._first_by_folded.get(folded)
        return self.item(pos) if pos is not None else None

    def search(self, text: str, limit: int = 20, *, distinct_names: bool = False) -> list[DirectoryAgency]:
        """Names holding every typed word (anywhere, partial words too), those starting with the text first, then
        alphabetical; a typed code prefix lists its codes first. `distinct_names`: one agency per spelling."""
        if limit <= 0:
            return []
        out: list[int] = []
        query = text.strip()
        if not distinct_names and _CODE_QUERY.fullmatch(query):
            out += (self._by_code[c] for c in self._code_prefix(query.upper(), limit))
        taken = set(out)
        words = fold(text).split()
        names_seen: set[str] = set()
        for pos in self._name_hits(words, limit):
            if len(out) >= limit:
                break
            if pos in taken:
                continue
            if distinct_names:
                if self._folded[pos] in names_seen:
                    continue
                names_seen.add(self._folded[pos])
            out.append(pos)
        return [self.item(p) for p in out]

    def _code_prefix(self, prefix: str, limit: int) -> list[str]:
        lo = bisect_left(self._codes, prefix)
        hi = bisect_left(self._codes, prefix + _LAST, lo)
        return self._codes[lo:min(hi, lo + limit)]

    def _name_hits(self, words: Sequence[str], limit: int) -> Iterator[int]:
        """Positions in rank order, lazily: the names starting with the text (a range of the sorted names), then
        the others holding every word."""
        import numpy as np
        folded = self._folded
        if not words:
            yield from range(len(folded))
            return
        prefix = " ".join(words)
        lo = bisect_left(folded, prefix)
        hi = bisect_left(folded, prefix + _LAST, lo)
        yield from range(lo, hi)
        mask: npt.NDArray[np.bool_] | None = None
        for word in sorted(set(words), key=len, reverse=True):  # the longest word is usually the rarest
            word_mask = self._mask(word)
            mask = word_mask if mask is None else mask & word_mask
        assert mask is not None
        hits = np.flatnonzero(mask)
        # Skip the prefix range (already given); a few more than `limit` cover names deduplicated by the caller.
        before = int(np.searchsorted(hits, lo))
        after = int(np.searchsorted(hits, hi))
        rest = np.concatenate((hits[:before], hits[after:]))
        step = max(limit * 4, 64)
        for start in range(0, len(rest), step):
            yield from (int(p) for p in rest[start:start + step])

    def _mask(self, word: str) -> npt.NDArray[np.bool_]:
        """Names holding a word that contains `word` (cached: typing extends the same words)."""
        import numpy as np
        with self._mask_lock:
            cached = self._masks.get(word)
        if cached is not None:
            return cached
        mask = np.zeros(len(self._folded), dtype=np.bool_)
        for wid, known in enumerate(self._words):
            if word in known:
                mask[self._postings[self._starts[wid]:self._starts[wid + 1]]] = True
        with self._mask_lock:
            if len(self._masks) >= 64:
                self._masks.pop(next(iter(self._masks)))
            self._masks[word] = mask
        return mask


class DirectoryService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx
        self._lock = threading.RLock()
        self._index: AgencyIndex | None = None
        self._signature: tuple[int, int] | None = None
        self._own_code: str | None = None
        self._issuers: list[DirectoryEntry] | None = None
        self._issuers_by_folded: dict[str, DirectoryEntry] = {}

    # ------------------------------------------------------------------------------------------ issuer box

    def search(self, text: str, limit: int = 20) -> list[DirectoryEntry]:
        """Names whose folded form contains every folded word of `text`; names starting with it come first.
        One entry per spelling (the issuer box completes names)."""
        index, issuers = self._load()
        words = fold(text).split()
        prefix = " ".join(words)
        found = [DirectoryEntry(a.name, a.code, a.folded) for a in index.search(text, limit, distinct_names=True)]
        own = [e for e in issuers if all(w in e.folded for w in words)] if words else issuers
        hits = found + own[:limit]
        hits.sort(key=lambda e: (not e.folded.startswith(prefix), e.folded))
        return hits[:limit]

    def find(self, name: str) -> DirectoryEntry | None:
        """The entry spelled exactly like `name` (ignoring diacritics and case), to fill in its code."""
        key = fold(name)
        index, _ = self._load()
        agency = index.by_folded(key)
        if agency is not None:
            return DirectoryEntry(agency.name, agency.code, agency.folded)
        return self._issuers_by_folded.get(key)

    def names(self) -> list[str]:
        """Issuer names for combo boxes and OCR snapping: the issuers in the books and, up to NAMES_LIMIT, the
        agencies of the own province first (all of them while the directory is small)."""
        index, issuers = self._load()
        picked = {e.folded: e.name for e in issuers}
        if len(index) + len(picked) > NAMES_LIMIT:
            suffix = self._own_code[-4:] if self._own_code else None
            ranked: Iterable[DirectoryAgency] = sorted(
                index.items(), key=lambda a: (not (suffix and a.code.endswith(suffix)), _code_level(a.code), a.code))
        else:
            ranked = index.items()
        for a in ranked:
            if len(picked) >= NAMES_LIMIT:
                break
            picked.setdefault(a.folded, a.name)
        return [picked[k] for k in sorted(picked)]

    def units(self) -> list[Unit]:
        """The own agency's units: where an incoming document is sent to be handled."""
        with self._ctx.db.session() as s:
            repo = AgencyRepository(s)
            agency = repo.own()
            return repo.units(agency.id) if agency else []

    # ------------------------------------------------------------------------------------------ recipient pickers

    def search_agencies(self, text: str, limit: int = 20) -> list[DirectoryAgency]:
        """Agencies (every one, even when names repeat) matching the typed name words or code prefix."""
        index, _ = self._load()
        return index.search(text, limit)

    def by_code(self, code: str) -> DirectoryAgency | None:
        return self._load()[0].by_code(code)

    def agencies(self, codes: Iterable[str]) -> list[DirectoryAgency]:
        """The directory's agencies for `codes`, in that order; codes not in the directory are left out."""
        index = self._load()[0]
        return [a for a in (index.by_code(c) for c in codes) if a is not None]

    # ------------------------------------------------------------------------------------------ cache

    @property
    def loaded(self) -> bool:
        """True once the agency index is built (searches answer at once)."""
        return self._index is not None

    def warm(self) -> int:
        """Build the index now (call it off the UI thread); returns the number of agencies."""
        return len(self._load()[0])

    def forget(self) -> None:
        """Read the issuer names again on next use (after a registration added a new issuer); the agency index is
        rebuilt only when the table has grown or shrunk since (a rename needs `refresh()`)."""
        with self._lock:
            self._issuers = None
            if self._index is not None and self._signature != self._table_signature():
                self._index = None

    def refresh(self) -> None:
        """Read everything again on next use (after the directory was refreshed from the axis)."""
        with self._lock:
            self._index = None
            self._issuers = None

    def _load(self) -> tuple[AgencyIndex, list[DirectoryEntry]]:
        with self._lock:
            if self._index is None:
                self._index, self._signature, self._own_code = self._read_agencies()
                self._issuers = None
            if self._issuers is None:
                self._issuers = self._read_issuers(self._index)
                self._issuers_by_folded = {e.folded: e for e in self._issuers}
            return self._index, self._issuers

    def _table_signature(self) -> tuple[int, int]:
        with self._ctx.db.read_session() as s:
            count, top = s.execute(select(func.count(AgencyRow.id), func.max(AgencyRow.id))).one()
        return int(count or 0), int(top or 0)

    def _read_agencies(self) -> tuple[AgencyIndex, tuple[int, int], str | None]:
        t = AgencyRow.__table__
        with self._ctx.db.read_session() as s:
            # Core, not ORM: 100,000 plain tuples come back several times faster.
            rows = s.connection().execute(
                select(t.c.code, t.c.name, t.c.parent_code, t.c.parent_name).where(t.c.is_own.is_(False))
            ).tuples().all()
            own = s.execute(select(AgencyRow.code).where(AgencyRow.is_own.is_(True))).scalars().first()
            count, top = s.execute(select(func.count(AgencyRow.id), func.max(AgencyRow.id))).one()
        return AgencyIndex(rows), (int(count or 0), int(top or 0)), own

    def _read_issuers(self, index: AgencyIndex) -> list[DirectoryEntry]:
        seen: dict[str, DirectoryEntry] = {}
        with self._ctx.db.read_session() as s:
            latest = (
                select(RegistryEntryRow.issuer).order_by(RegistryEntryRow.id.desc()).limit(RECENT_ISSUERS).subquery()
            )
            recent = s.execute(select(latest.c.issuer).distinct()).scalars()  # a few dozen names to fold, not 5,000
            for issuer in recent:
                key = fold(issuer)
                if key and key not in seen and index.by_folded(key) is None:
                    seen[key] = DirectoryEntry(issuer, None, key)
        return sorted(seen.values(), key=lambda e: e.folded)


def _code_level(code: str) -> int:
    """1 (province, ministry) … 4, from the zero groups of `VVV.ZZ.YY.Xnn` (agency_code.parse would also validate)."""
    groups = code.split(".")
    if len(groups) != 4:
        return 5
    return 1 + sum(g.strip("0") != "" for g in groups[:3])
