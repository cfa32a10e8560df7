"""Errors a user can act on. Each carries a stable code; the UI words it (app/ui/messages.py)."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A problem the user can fix or must be told about; never a bug.

    `code` is stable and looked up by the UI for a translated message; `params` fill it in.
    """

    code: str = "domain.error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class ValidationError(DomainError):
    code = "validation.invalid"


class NotFoundError(DomainError):
    code = "not_found"


class PermissionDeniedError(DomainError):
    code = "permission.denied"


class AuthenticationError(DomainError):
    code = "auth.failed"


class StorageError(DomainError):
    """The data directory, the database or the file store cannot be used as asked."""

    code = "storage.error"


class ConflictError(DomainError):
    code = "conflict"
