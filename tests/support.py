"""Helpers shared by tests: a missing real tool skips locally but fails under VANTHU_REQUIRE_ALL=1 (CI)."""

from __future__ import annotations

import os
import shutil

import pytest


def require_all() -> bool:
    return os.environ.get("VANTHU_REQUIRE_ALL") == "1"


def missing(reason: str) -> None:
    """Skip locally; fail in CI, where every real part must be present."""
    if require_all():
        pytest.fail(f"required for CI but missing: {reason}")
    pytest.skip(reason)


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        missing(f"tool {name!r} not found on PATH")
        raise AssertionError("unreachable")
    return path
