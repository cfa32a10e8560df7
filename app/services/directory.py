"""The agency directory the clerk picks issuers and recipients from: agencies known to the system (100,000+ once the
directory is pulled from the axis) and the issuers already written in the registry books, matched ignoring
diacritics and case ("so tai chinh" finds "Sở Tài chính").

Search as you type must stay within a few milliseconds at that size, with no database query per keystroke, so the
agencies are read once into an in-memory index (`AgencyIndex`):
- names sorted by their folded form (the order of an empty search);
- a word index (folded word → positions of the names holding it): a typed word is matched against the few
  thousand distinct words (it may be a partial word: substring, as before), which gives, per name, whether it holds
  the typed word inside a word, at a word start or as a whole word; the names holding every typed word are then
  ranked (below) mostly with vector operations;
- codes sorted, for a typed code prefix ("000.00.12").
Issuers seen in the books but not in the table are few and scanned.

Results are ranked the way a clerk expects the agency they mean at the top (`_Rank`): an exact code (and code prefix)
first; then names holding the typed words as a phrase (consecutive whole words, in order; the last word may still be
being typed) before the words in order with others between, before scattered words; words matching at word starts
before words found inside other words, whole words before word starts; the office's own province (its code suffix,
e.g. `.H27`, or its place name in the agency's name) before other provinces; a match nearer the start of the name,
then the shorter name; then code order ("so tu phap ha tinh" from Hà Tĩnh: its Sở Tư pháp, not An Giang's whose
"pháp" holds "ha"). Only the names holding every typed word are ranked, and of more than RANK_CANDIDATES of them
(one or two letters typed) only the best that many by the vector-computed part of the key (see `_ranked`).

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
RANK_CANDIDATES = 3000  # of more matches, only this many (best by the vector part of the key) get the phrase test
RANKED_CACHE = 8  # ranked queries kept: the picker and the issuer box ask for the same text in turn
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


# Match flags of a typed word in a name (a bit set per name and typed word; the best word of the name counts).
_ANY = 1  # inside some word
_START = 2  # at the start of some word
_WHOLE = 4  # a whole word
# The ranking key packed into an int64, most significant first (see _Rank.key): order (phrase 0, in order 1,
# scattered 2), words inside other words, words not whole, not own province, word the match starts at, name length,
# code order. Counts and lengths are capped to their fields (a 16-word query or a 2,048-letter name ties).
_LENGTH, _AT, _AWAY, _PARTIAL, _INSIDE, _ORDER = 35, 46, 52, 53, 57, 61
_LENGTH_MAX, _AT_MAX, _COUNT_MAX = 2047, 63, 15


class _Rank:
    """How well a folded name matches the typed words: `key()` sorts the best match first (the module docstring
    says in which order). `AgencyIndex` computes the same key with vector operations for most of its parts."""

    def __init__(self, words: Sequence[str], home_suffix: str | None, home_place: str | None) -> None:
        self.words = list(words)
        self.phrase = " ".join(words)
        self._spaced = " " + self.phrase
        self._home_suffix = home_suffix
        self._home_place = f" {home_place} " if home_place else None
        # Words in order at word starts, anything between: "so tu phap ha tinh" in "so tu phap tinh ha tinh".
        self._in_order = re.compile(r"(?<!\S)" + ".*? ".join(re.escape(w) for w in words)) if len(words) > 1 else None

    def order_at(self, folded: str) -> tuple[int, int]:
        """(0 phrase, 1 in order, 2 scattered; the word the match starts at), for a name whose every typed word is
        at a word start."""
        if folded.startswith(self.phrase):
            return 0, 0
        pos = folded.find(self._spaced)
        if pos >= 0:
            return 0, folded.count(" ", 0, pos + 1)
        if self._in_order is not None:
            found = self._in_order.search(folded)
            if found is not None:
                return 1, folded.count(" ", 0, found.start())
        return 2, 0

    def is_home(self, folded: str, code: str | None) -> bool:
        """An agency of the office's own province: the same level-1 code, or the place name in its name."""
        if code is not None and self._home_suffix and code.endswith(self._home_suffix):
            return True
        return self._home_place is not None and self._home_place in f" {folded} "

    def key(self, folded: str, code: str | None) -> tuple[int, int, int, bool, int, int, bool, str]:
        """The rank of a name holding every typed word; smaller is better."""
        names = folded.split()
        inside = sum(not any(n.startswith(w) for n in names) for w in self.words)
        partial = sum(w not in names for w in self.words)
        order, at = self.order_at(folded) if not inside else (2, 0)
        return (order, min(inside, _COUNT_MAX), min(partial, _COUNT_MAX), not self.is_home(folded, code),
                min(at, _AT_MAX), min(len(folded), _LENGTH_MAX), code is None, code or "")


class AgencyIndex:
    """An immutable search index over agencies (safe to share between threads once built).

    Columns are kept as parallel lists in folded-name order; `DirectoryAgency` objects are made only for results.
    Each distinct folded word has a posting array (the positions holding it) in one numpy array; a typed word
    becomes a flag array over all names (inside a word / at a word start / a whole word: from the postings of the
    words containing it, cached), and the typed words' arrays are combined: finding and most of the ranking are a
    few vector operations whatever the words. `home` = (own code suffix like ".H27", own place name) ranks the own
    province first.
    """

    def __init__(self, agencies: Iterable[tuple[str, str, str | None, str | None]],
                 home: tuple[str | None, str | None] = (None, None)) -> None:
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
        # Which word of its name each posting is (0 = the first), for "a match nearer the start ranks first".
        firsts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if len(lengths) else lengths
        ordinals = np.arange(len(ids), dtype=np.int64) - np.repeat(firsts, lengths)
        self._ordinals: npt.NDArray[np.uint8] = np.minimum(ordinals[order], _AT_MAX).astype(np.uint8)
        counts = np.bincount(ids, minlength=len(folder.vocab))
        self._starts: npt.NDArray[np.int64] = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        self._words = list(folder.vocab)  # word id → folded word
        self._word_ids = folder.vocab
        self._flags_cache: dict[str, tuple[npt.NDArray[np.uint8], list[int]]] = {}
        self._ranked_cache: dict[tuple[str, ...], list[int]] = {}
        self._by_code = dict(zip(self._code, range(len(self._code)), strict=True))
        self._codes = sorted(self._by_code)
        # Reversed, so that the first position of a repeated name is the one kept.
        self._first_by_folded = dict(zip(reversed(self._folded), range(len(self._folded) - 1, -1, -1), strict=True))
        self._mask_lock = threading.Lock()
        # Columns of the ranking key: code order, name length, own province.
        self._code_rank: npt.NDArray[np.int64] = np.empty(len(self._code), dtype=np.int64)
        self._code_rank[[self._by_code[c] for c in self._codes]] = np.arange(len(self._codes), dtype=np.int64)
        self._length: npt.NDArray[np.int64] = np.minimum(
            np.fromiter(map(len, self._folded), dtype=np.int64, count=len(self._folded)), _LENGTH_MAX)
        suffix, place = home
        self._home_suffix = suffix or None
        self._home_place = fold(place or "") or None
        probe = _Rank([], self._home_suffix, self._home_place)
        self._home: npt.NDArray[np.bool_] = np.fromiter(
            (probe.is_home(f, c) for f, c in zip(self._folded, self._code, strict=True)), dtype=np.bool_,
            count=len(self._folded))

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

    def rank(self, text: str) -> _Rank:
        """The ranking of `text` with this index's own province: for merging other names into its results."""
        return _Rank(fold(text).split(), self._home_suffix, self._home_place)

    def search(self, text: str, limit: int = 20, *, distinct_names: bool = False) -> list[DirectoryAgency]:
        """Names holding every typed word (anywhere, partial words too), best match first (see the module
        docstring); a typed code prefix lists its codes first, in code order (so an exact code is the very first).
        No text: alphabetical. `distinct_names`: one agency per spelling (the best-ranked one)."""
        if limit <= 0:
            return []
        out: list[int] = []
        query = text.strip()
        if not distinct_names and _CODE_QUERY.fullmatch(query):
            out += (self._by_code[c] for c in self._code_prefix(query.upper(), limit))
        taken = set(out)
        words = tuple(fold(text).split())
        names_seen: set[str] = set()
        for pos in self._ranked(words) if words else range(len(self._folded)):
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

    def _ranked(self, words: tuple[str, ...]) -> list[int]:
        """Positions of the best RANK_CANDIDATES names holding every word, in rank order (cached: the picker and the
        issuer box ask for the same text).

        The key is packed into one int64 per match and computed with vector operations; only the phrase test of
        two or more words is Python, run on the names whose every word is at a word start (the others are
        scattered anyway) and, of more than RANK_CANDIDATES of those, on the best that many by the rest of the
        key (the ones left out are long, partial or other-province names that would not make a list of 20)."""
        import numpy as np
        with self._mask_lock:
            cached = self._ranked_cache.get(words)
        if cached is not None:
            return cached
        flags = {w: self._flags(w) for w in sorted(set(words), key=len, reverse=True)}
        mask: npt.NDArray[np.bool_] | None = None
        for word_flags, _ in flags.values():
            mask = word_flags != 0 if mask is None else mask & (word_flags != 0)
        assert mask is not None
        hits = np.flatnonzero(mask)
        inside = np.zeros(len(hits), dtype=np.int64)
        partial = np.zeros(len(hits), dtype=np.int64)
        for w in words:  # a repeated word counts each time, as in _Rank.key
            at_hits = flags[w][0][hits]
            inside += (at_hits & _START) == 0
            partial += (at_hits & _WHOLE) == 0
        key = ((np.minimum(inside, _COUNT_MAX) << _INSIDE) | (np.minimum(partial, _COUNT_MAX) << _PARTIAL)
               | ((~self._home[hits]).astype(np.int64) << _AWAY) | (self._length[hits] << _LENGTH)
               | self._code_rank[hits])
        key |= (inside > 0).astype(np.int64) * (2 << _ORDER)  # not every word at a word start: scattered
        if len(words) == 1:  # a phrase of one word: the key is complete once the word's place is in
            key |= np.where(inside > 0, 0, self._first_start(flags[words[0]][1])[hits]).astype(np.int64) << _AT
            ranked = _best(key, hits)
        else:
            whole = inside == 0
            near, near_key = _best_pairs(key[whole], hits[whole])
            rank = _Rank(words, self._home_suffix, self._home_place)
            folded = self._folded
            order_at = [rank.order_at(folded[p]) for p in near.tolist()]
            near_key |= np.array([(o << _ORDER) | (min(a, _AT_MAX) << _AT) for o, a in order_at], dtype=np.int64)
            ranked = _best(near_key, near) + _best(key[~whole], hits[~whole])
        ranked = ranked[:RANK_CANDIDATES]
        with self._mask_lock:
            if len(self._ranked_cache) >= RANKED_CACHE:
                self._ranked_cache.pop(next(iter(self._ranked_cache)))
            self._ranked_cache[words] = ranked
        return ranked

    def _first_start(self, word_ids: list[int]) -> npt.NDArray[np.uint8]:
        """Per name, which of its words is the first one starting with the typed word (_AT_MAX: none)."""
        import numpy as np
        first = np.full(len(self._folded), _AT_MAX, dtype=np.uint8)
        if word_ids:
            slices = [slice(int(self._starts[w]), int(self._starts[w + 1])) for w in word_ids]
            np.minimum.at(first, np.concatenate([self._postings[x] for x in slices]),
                          np.concatenate([self._ordinals[x] for x in slices]))
        return first

    def _flags(self, word: str) -> tuple[npt.NDArray[np.uint8], list[int]]:
        """Per name, how `word` matches its best word: _ANY (inside), _START or _WHOLE, 0 when not at all; and the
        ids of the known words starting with it (cached: typing extends the same words)."""
        import numpy as np
        with self._mask_lock:
            cached = self._flags_cache.get(word)
        if cached is not None:
            return cached
        inside: list[npt.NDArray[np.int32]] = []
        start: list[int] = []
        postings, starts = self._postings, self._starts
        for wid, known in enumerate(self._words):
            if word in known:
                if known.startswith(word):
                    start.append(wid)
                else:
                    inside.append(postings[starts[wid]:starts[wid + 1]])
        flags = np.zeros(len(self._folded), dtype=np.uint8)
        # Weakest first, so that a name keeps its best word's flag.
        if inside:
            flags[np.concatenate(inside)] = _ANY
        if start:
            flags[np.concatenate([postings[starts[w]:starts[w + 1]] for w in start])] = _ANY | _START
        whole = self._word_ids.get(word)
        if whole is not None:
            flags[postings[starts[whole]:starts[whole + 1]]] = _ANY | _START | _WHOLE
        with self._mask_lock:
            if len(self._flags_cache) >= 64:
                self._flags_cache.pop(next(iter(self._flags_cache)))
            self._flags_cache[word] = (flags, start)
        return flags, start


def _best_pairs(key: npt.NDArray[np.int64], hits: npt.NDArray[np.intp]
                ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """The RANK_CANDIDATES hits of the smallest keys (all of them when fewer), unordered, with their keys."""
    import numpy as np
    if len(key) > RANK_CANDIDATES:
        best = np.argpartition(key, RANK_CANDIDATES - 1)[:RANK_CANDIDATES]
        return hits[best], key[best]
    return hits, key.copy()


def _best(key: npt.NDArray[np.int64], hits: npt.NDArray[np.intp]) -> list[int]:
    """The positions of the RANK_CANDIDATES smallest keys, smallest first."""
    import numpy as np
    hits, key = _best_pairs(key, hits)
    return [int(p) for p in hits[np.argsort(key, kind="stable")]]


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
        """Names whose folded form contains every folded word of `text`, ranked like the agency search (the
        issuers from the books merged in by the same key); no text: alphabetical. One entry per spelling (the
        issuer box completes names)."""
        index, issuers = self._load()
        rank = index.rank(text)
        found = [DirectoryEntry(a.name, a.code, a.folded) for a in index.search(text, limit, distinct_names=True)]
        if not rank.words:
            hits = found + issuers[:limit]
            hits.sort(key=lambda e: e.folded)
            return hits[:limit]
        own = [e for e in issuers if all(w in e.folded for w in rank.words)]
        hits = found + sorted(own, key=lambda e: rank.key(e.folded, e.code))[:limit]
        hits.sort(key=lambda e: rank.key(e.folded, e.code))
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
            own = s.execute(select(AgencyRow.code, AgencyRow.place_name).where(AgencyRow.is_own.is_(True))).first()
            count, top = s.execute(select(func.count(AgencyRow.id), func.max(AgencyRow.id))).one()
        own_code, place = (own[0], own[1]) if own is not None else (None, None)
        # The own province: the level-1 group of the own code (".H27") and the own place name ("Hà Tĩnh").
        home = (own_code[own_code.rfind("."):] if own_code and "." in own_code else None, place)
        return AgencyIndex(rows, home), (int(count or 0), int(top or 0)), own_code

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
