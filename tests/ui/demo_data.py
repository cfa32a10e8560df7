"""A data directory with the demo agency for UI tests, built once per test session and copied per test."""

from __future__ import annotations

from pathlib import Path


def create_demo_home(home: Path) -> None:
    """Boot once in `home` so the demo agency is created there."""
    from app.main import boot
    from app.settings import load_settings

    booted = boot(load_settings({"VANTHU_HOME": str(home)}))
    booted.services.ctx.db.dispose()
