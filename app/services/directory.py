"""The agency directory the clerk picks issuers from: agencies known to the system and the issuers already written
in the registry books, matched ignoring diacritics and case ("so tai chinh" finds "Sở Tài chính").

The candidate names are few (hundreds to a few thousand), so they are read once and matched in memory: each
keystroke in the issuer box costs a scan of a short list, not a database query.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.domain.model import Unit
from app.domain.text_fold import fold
from app.services.context import StoreContext
from app.store.models import AgencyRow, RegistryEntryRow
from app.store.repositories import AgencyRepository

RECENT_ISSUERS = 5000  # issuers of the latest entries join the directory; older ones are in the agencies table or gone


@dataclass(frozen=True)
class DirectoryEntry:
    name: str
    code: str | None  # mã định danh when the agency is in the directory; None for a name only seen in a book
    folded: str


class DirectoryService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx
        self._entries: list[DirectoryEntry] | None = None

    def search(self, text: str, limit: int = 20) -> list[DirectoryEntry]:
        """Names whose folded form contains every folded word of `text`; names starting with it come first."""
        words = fold(text).split()
        entries = self._load()
        if not words:
            return entries[:limit]
        prefix = " ".join(words)
        hits = [e for e in entries if all(w in e.folded for w in words)]
        hits.sort(key=lambda e: (not e.folded.startswith(prefix), e.folded))
        return hits[:limit]

    def find(self, name: str) -> DirectoryEntry | None:
        """The entry spelled exactly like `name` (ignoring diacritics and case), to fill in its code."""
        key = fold(name)
        return next((e for e in self._load() if e.folded == key), None)

    def names(self) -> list[str]:
        return [e.name for e in self._load()]

    def units(self) -> list[Unit]:
        """The own agency's units: where an incoming document is sent to be handled."""
        with self._ctx.db.session() as s:
            repo = AgencyRepository(s)
            agency = repo.own()
            return repo.units(agency.id) if agency else []

    def forget(self) -> None:
        """Read the names again on next use (after a registration added a new issuer)."""
        self._entries = None

    def _load(self) -> list[DirectoryEntry]:
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def _read(self) -> list[DirectoryEntry]:
        seen: dict[str, DirectoryEntry] = {}
        with self._ctx.db.read_session() as s:
            agencies = s.execute(
                select(AgencyRow.name, AgencyRow.code).where(AgencyRow.is_own.is_(False)).order_by(AgencyRow.name)
            ).all()
            latest = (
                select(RegistryEntryRow.issuer).order_by(RegistryEntryRow.id.desc()).limit(RECENT_ISSUERS).subquery()
            )
            recent = s.execute(select(latest.c.issuer).distinct()).scalars()  # a few dozen names to fold, not 5,000
            for name, code in agencies:
                key = fold(name)
                if key and key not in seen:
                    seen[key] = DirectoryEntry(name, code, key)
            for issuer in recent:
                key = fold(issuer)
                if key and key not in seen:
                    seen[key] = DirectoryEntry(issuer, None, key)
        return sorted(seen.values(), key=lambda e: e.folded)
