"""Errors of the exchange: what a clerk is told when a package or the axis misbehaves."""

from __future__ import annotations

from app.domain.errors import DomainError


class ExchangeError(DomainError):
    """A package that cannot be trusted or read, or an axis that does not answer properly.

    Codes start with `edxml.` (the package) or `axis.` (the transport); params name the culprit.
    """

    code = "exchange.error"
