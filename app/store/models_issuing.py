"""Tables of the issuing capability; imported by app.store.models so they are part of Base.metadata."""

from __future__ import annotations
