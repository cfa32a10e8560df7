"""What the shell needs to know about the place it runs in: the own agency, its units and users."""

from __future__ import annotations

from app.domain.model import Agency, Unit, User
from app.services.context import StoreContext
from app.store.repositories import AgencyRepository, UserRepository


class SessionService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def own_agency(self) -> Agency | None:
        with self._ctx.db.session() as s:
            return AgencyRepository(s).own()

    def units(self) -> list[Unit]:
        with self._ctx.db.session() as s:
            agency = AgencyRepository(s).own()
            return AgencyRepository(s).units(agency.id) if agency else []

    def users(self) -> list[User]:
        with self._ctx.db.session() as s:
            agency = AgencyRepository(s).own()
            return UserRepository(s).all(agency.id) if agency else []
