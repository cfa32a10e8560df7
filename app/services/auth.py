"""Login: the only service that sees password hashes."""

from __future__ import annotations

from app.domain.errors import AuthenticationError
from app.domain.model import Actor, User
from app.services.context import StoreContext
from app.services.passwords import verify_password
from app.store.repositories import UserRepository


class AuthService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    def login(self, username: str, password: str) -> User:
        """Check the password; success and failure both go to the audit log (who tried, never the password)."""
        username = username.strip()
        with self._ctx.db.session() as s:
            found = UserRepository(s).by_username(username)
            ok = found is not None and found[0].is_active and verify_password(password, found[1])
            actor = Actor.of(found[0]) if found else Actor.system(username or "?")
            self._ctx.audit.record(s, actor, "login" if ok else "login_failed", "user", username)
        if not ok or found is None:
            raise AuthenticationError("auth.failed")
        return found[0]
