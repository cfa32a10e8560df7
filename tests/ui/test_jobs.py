"""The job runner: work runs off the UI thread; progress, result, cancel and errors arrive on the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from app.domain.errors import AuthenticationError
from app.ui.jobs import JobContext, JobRunner
from app.ui.messages import describe, describe_unexpected


@pytest.fixture
def runner(tmp_path: Path) -> JobRunner:
    return JobRunner(tmp_path / "vanthu.log")


def test_result_arrives_on_the_ui_thread_and_work_ran_elsewhere(qtbot: QtBot, runner: JobRunner) -> None:
    ui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(ctx: JobContext) -> int:
        seen["worker_is_ui"] = threading.current_thread() is threading.main_thread()
        return 42

    job = runner.run("answer", work)
    job.succeeded.connect(lambda value: seen.update(value=value, thread=QThread.currentThread()))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert seen["value"] == 42
    assert seen["thread"] is ui_thread
    assert seen["worker_is_ui"] is False
    assert not runner.active


def test_progress_reports_reach_the_ui_in_order(qtbot: QtBot, runner: JobRunner) -> None:
    steps: list[tuple[int, int, str]] = []

    def work(ctx: JobContext) -> str:
        for i in range(1, 6):
            ctx.report(i, 5, f"step {i}")
        return "done"

    # connected as the job starts: a fast worker may report before `run` even returns
    runner.started.connect(lambda started: started.progress.connect(lambda d, t, text: steps.append((d, t, text))))
    job = runner.run("steps", work)
    with qtbot.waitSignal(job.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == ["done"]
    assert steps == [(i, 5, f"step {i}") for i in range(1, 6)]


def test_cancel_stops_the_work_and_reports_cancelled(qtbot: QtBot, runner: JobRunner) -> None:
    started = threading.Event()
    loops: list[int] = []

    def work(ctx: JobContext) -> None:
        started.set()
        while True:
            loops.append(1)
            ctx.raise_if_cancelled()
            threading.Event().wait(0.005)

    job = runner.run("endless", work)
    succeeded: list[object] = []
    job.succeeded.connect(succeeded.append)
    assert started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()
    assert not succeeded
    assert runner.wait(5000)


def test_domain_error_is_worded_by_describe(qtbot: QtBot, runner: JobRunner) -> None:
    def work(ctx: JobContext) -> None:
        raise AuthenticationError("auth.failed")

    job = runner.run("login", work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == [describe(AuthenticationError("auth.failed"))]
    assert isinstance(job.error, AuthenticationError)


def test_a_bug_is_logged_with_its_trace_and_shown_as_unexpected(
    qtbot: QtBot, runner: JobRunner, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def work(ctx: JobContext) -> None:
        raise ZeroDivisionError("boom")

    job = runner.run("buggy", work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == [describe_unexpected(str(tmp_path / "vanthu.log"))]
    record = next(r for r in caplog.records if r.name == "vanthu.jobs")
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_busy_signal_follows_running_jobs(qtbot: QtBot, runner: JobRunner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    job = runner.run("quick", lambda ctx: None)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert states == [True, False]
