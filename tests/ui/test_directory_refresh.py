""""Refresh directory" on the Administration page against the real sandbox axis: the pull runs off the UI thread
with progress, the result gives the counts and the refresh time, the recipient search sees the new agencies; a clear
message when the axis is down or not configured."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.settings import Settings
from app.ui.jobs import JobRunner
from app.ui.pages.admin import AdminPage
from app.ui.pages.common import PageEnv
from app.ui.pages.directory_refresh import DirectoryRefreshRow
from tests.integration.exchange.conftest import Sandbox, _free_port, start_sandbox

pytestmark = pytest.mark.xdist_group("axis_sandbox_directory_ui")

SEED = 3000


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Sandbox, str, str]]:
    with start_sandbox(tmp_path_factory.mktemp("axis-directory-ui"), seed=SEED) as axis:
        code, secret = axis.new_agency("Cơ quan thử làm mới danh bạ")
        yield axis, code, secret


def _admin(qtbot: QtBot, booted: Booted, settings: Settings) -> Iterator[DirectoryRefreshRow]:
    user = booted.services.auth.login("quantri", DEMO_PASSWORD)
    jobs = JobRunner(settings.logs_dir / "jobs.log")
    page = AdminPage(PageEnv(settings, booted.services, user, jobs, lambda _id: None))
    qtbot.addWidget(page)
    page.show()
    yield page.directory_refresh
    jobs.cancel_all()
    jobs.wait(30_000)


@pytest.fixture
def row(qtbot: QtBot, booted: Booted, language: str, sandbox: tuple[Sandbox, str, str]
        ) -> Iterator[DirectoryRefreshRow]:
    axis, code, secret = sandbox
    settings = replace(booted.settings, axis_url=axis.url, axis_system_id=code, axis_secret=secret)
    yield from _admin(qtbot, booted, settings)


def test_refresh_pulls_the_directory_with_progress_and_says_how_many(
        qtbot: QtBot, row: DirectoryRefreshRow, booted: Booted) -> None:
    assert row.button.isEnabled() and row.status.text()
    directory = booted.services.directory
    assert directory.by_code("000.00.00.G01") is None  # a ministry of the seed: not known before
    progress: list[tuple[int, int]] = []
    job = row.start()
    assert job is not None and not row.button.isEnabled() and row.progress.isVisible()
    job.progress.connect(lambda done, total, _t: progress.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    outcome = row.last_outcome
    assert outcome is not None and outcome.refresh.complete, row.result.text()
    assert outcome.refresh.counts.read >= SEED and outcome.agencies >= SEED
    assert progress and progress[-1][0] == progress[-1][1] >= SEED  # page by page up to the axis's total
    text = row.result.text()
    assert str(outcome.agencies) in text and str(outcome.refresh.counts.read) in text
    assert row.button.isEnabled() and not row.progress.isVisible()
    assert outcome.refresh.refreshed_at is not None
    assert outcome.refresh.refreshed_at.strftime("%d/%m/%Y %H:%M") in row.status.text()
    # the recipient pickers search the refreshed directory at once
    assert directory.by_code("000.00.00.G01") is not None
    assert any(a.code == "000.00.00.H27" for a in directory.search_agencies("ubnd tinh ha tinh"))


def test_the_axis_down_is_said_plainly(qtbot: QtBot, booted: Booted, language: str, tmp_path: Path) -> None:
    settings = replace(booted.settings, axis_url=f"http://127.0.0.1:{_free_port()}", axis_system_id="000.00.12.H27",
                       axis_secret="x")
    for row in _admin(qtbot, booted, settings):
        job = row.start()
        assert job is not None
        with qtbot.waitSignal(job.finished, timeout=60_000):
            pass
        text = row.result.text()
        assert row.result.isVisible() and "127.0.0.1" in text, text  # the axis.unreachable sentence names it
        assert row.last_outcome is None and row.button.isEnabled()


def test_without_an_axis_the_row_says_what_to_set(qtbot: QtBot, booted: Booted, language: str) -> None:
    settings = replace(booted.settings, axis_url=None)
    for row in _admin(qtbot, booted, settings):
        assert not row.button.isEnabled() and row.start() is None
        assert "VANTHU_AXIS_URL" in row.status.text()


def test_the_clerk_refreshes_it_from_the_exchange_page(
        qtbot: QtBot, booted: Booted, language: str, sandbox: tuple[Sandbox, str, str]) -> None:
    from app.ui.pages.messages import MessagesPage

    axis, code, secret = sandbox
    settings = replace(booted.settings, axis_url=axis.url, axis_system_id=code, axis_secret=secret)
    user = booted.services.auth.login("vanthu", DEMO_PASSWORD)
    jobs = JobRunner(settings.logs_dir / "jobs.log")
    page = MessagesPage(PageEnv(settings, booted.services, user, jobs, lambda _id: None))
    qtbot.addWidget(page)
    page.show()
    row = page.directory_refresh
    assert row.isVisible() and row.button.isEnabled()
    job = row.start()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert row.last_outcome is not None and row.last_outcome.agencies >= SEED, row.result.text()
    page.timer.stop()
    jobs.wait(30_000)
