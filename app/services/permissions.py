"""Role checks inside services, not only hidden buttons: a refused call says why and leaves an audit event."""

from __future__ import annotations

from app.domain.enums import Role
from app.domain.errors import PermissionDeniedError
from app.domain.model import Actor
from app.services.context import StoreContext


def require_role(ctx: StoreContext, actor: Actor, action: str, *roles: Role) -> None:
    """Refuse `action` unless the actor holds one of `roles`; the refusal itself is audited in its own transaction."""
    if any(actor.has_role(r) for r in roles):
        return
    with ctx.db.session() as s:
        ctx.audit.record(s, actor, "permission.denied", "action", action,
                         {"needs": sorted(r.value for r in roles), "has": sorted(r.value for r in actor.roles)})
    raise PermissionDeniedError("permission.denied", action=action, roles=", ".join(sorted(r.value for r in roles)))
