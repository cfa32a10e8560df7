"""A data directory with the demo agency for UI tests, built once per test session and copied per test."""

from __future__ import annotations

from pathlib import Path


def create_demo_home(home: Path) -> None:
    """Boot once in `home` and create the demo agency there, without the demo's working day: each test makes the
    inbox, tasks and register lines it looks at (tests/integration/store/test_demo_activity.py covers that day)."""
    from app.main import boot
    from app.settings import load_settings

    booted = boot(load_settings({"VANTHU_HOME": str(home)}), create_demo=False)
    booted.services.demo.create(activity=False)
    booted.services.ctx.db.dispose()
