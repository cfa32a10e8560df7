"""UI test fixtures: a demo data directory (built once per worker, copied per test), the booted app on it, the UI
language; every Qt warning fails a UI test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.main import boot
from app.services.bundle import Booted
from app.settings import load_settings
from app.ui.i18n import install_translator
from tests.ui.demo_data import create_demo_home

# The offscreen platform plugin says this whenever a window is shown; it is not about our code.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("demo-template")
    create_demo_home(home)
    return home


@pytest.fixture
def demo_home(demo_template: Path, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    shutil.copytree(demo_template, home)
    return home


@pytest.fixture
def booted(demo_home: Path) -> Iterator[Booted]:
    result = boot(load_settings({"VANTHU_HOME": str(demo_home)}))
    yield result
    result.services.ctx.db.dispose()


@pytest.fixture(params=["vi"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The UI language for the test (Vietnamese unless a test parametrises it indirectly)."""
    lang = str(request.param)
    translator = install_translator(qapp, lang)
    yield lang
    if translator is not None:
        qapp.removeTranslator(translator)
    install_translator(qapp, "en")  # back to the source language and locale
