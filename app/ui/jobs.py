"""The one job runner: long work runs on a worker thread, the UI thread hears about progress and the outcome.

A job is a plain callable taking a `JobContext`; it calls `ctx.report(done, total, text)` to show progress and
`ctx.raise_if_cancelled()` (or reads `ctx.cancelled`) at safe points so the user can stop it. The outcome comes back on
the UI thread through the `Job`'s signals: `succeeded(result)`, `failed(message)` (a `DomainError` worded by
`describe`, anything else logged with its traceback and worded by `describe_unexpected`) or `cancelled()`; `finished()`
follows each of them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.errors import DomainError
from app.ui.messages import describe, describe_unexpected

log = logging.getLogger("vanthu.jobs")


class JobCancelled(Exception):
    """Raised inside a job by `JobContext.raise_if_cancelled` once the user asked to stop."""


class JobContext:
    """What a running job sees: a progress callback and a cancel token. Safe to use from the worker thread."""

    def __init__(self, on_progress: Callable[[int, int, str], None]) -> None:
        self._cancel = threading.Event()
        self._on_progress = on_progress

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        """`total == 0` means the amount of work is unknown (a busy indicator)."""
        self._on_progress(done, total, text)


class Job(QObject):
    """A handle on one running job; lives on the UI thread, so its signals arrive there."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.context = JobContext(self.progress.emit)
        self.running = True
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.context.cancel()


class _Bridge(QObject):
    """Carries the worker's outcome to the UI thread (queued, because it is emitted from the worker thread)."""

    outcome = Signal(str, object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobContext], Any], job: Job, bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._job = job
        self._bridge = bridge

    def run(self) -> None:
        ctx = self._job.context
        try:
            result = self._fn(ctx)
        except JobCancelled:
            self._bridge.outcome.emit("cancelled", None)
        except DomainError as exc:
            self._bridge.outcome.emit("domain", exc)
        except BaseException as exc:  # a bug: logged with its trace, shown as "unexpected"
            log.exception("job %r failed", self._job.name)
            self._bridge.outcome.emit("bug", exc)
        else:
            self._bridge.outcome.emit("cancelled" if ctx.cancelled else "ok", result)


class JobRunner(QObject):
    """Runs jobs on a small thread pool; keeps each job alive until its outcome has been delivered."""

    started = Signal(object)  # Job
    busy_changed = Signal(bool)

    def __init__(self, log_path: Path | str, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._log_path = str(log_path)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._live: dict[Job, _Bridge] = {}

    @property
    def active(self) -> list[Job]:
        return list(self._live)

    def run(self, name: str, fn: Callable[[JobContext], Any]) -> Job:
        job = Job(name, self)
        bridge = _Bridge()  # created on the UI thread: its queued slot runs here
        bridge.outcome.connect(lambda kind, value, j=job: self._deliver(j, kind, value))
        self._live[job] = bridge
        if len(self._live) == 1:
            self.busy_changed.emit(True)
        self.started.emit(job)
        self._pool.start(_Runnable(fn, job, bridge))
        return job

    def wait(self, msecs: int = 30_000) -> bool:
        """For shutdown and tests: wait for the worker threads (outcomes are delivered by the event loop)."""
        return self._pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        for job in self._live:
            job.cancel()

    def _deliver(self, job: Job, kind: str, value: object) -> None:
        job.running = False
        if kind == "ok":
            job.succeeded.emit(value)
        elif kind == "cancelled":
            job.cancelled.emit()
        elif kind == "domain" and isinstance(value, DomainError):
            job.error = value
            job.failed.emit(describe(value))
        else:
            job.error = value if isinstance(value, BaseException) else None
            job.failed.emit(describe_unexpected(self._log_path))
        job.finished.emit()
        self._live.pop(job, None)
        if not self._live:
            self.busy_changed.emit(False)
        job.setParent(None)  # whoever still holds the handle keeps it; otherwise Python frees it
