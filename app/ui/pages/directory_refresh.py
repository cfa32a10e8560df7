""""Refresh directory": pull the agency directory from the axis now, for the administrator (Administration page)
and the clerk (Exchange page). The pull runs in the app's job runner with its progress; the row says how many
agencies the directory holds and when it was last refreshed, or plainly why it cannot be refreshed (no axis
configured, the axis down). An interrupted pull keeps what it stored and the next one continues from there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.services.bundle import make_directory_sync
from app.ui.jobs import Job, JobCancelled, JobContext
from app.ui.pages.common import PageEnv

if TYPE_CHECKING:  # the axis client (httpx) loads only when an axis is configured
    from app.services.exchange.directory_sync import DirectoryProgress, DirectoryRefresh, DirectorySync

BAD_COLOR = "#b00020"


@dataclass(frozen=True)
class RefreshOutcome:
    refresh: DirectoryRefresh
    agencies: int  # in the local directory afterwards (what the recipient pickers search)


class DirectoryRefreshRow(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.setObjectName("directoryRefresh")
        self.job: Job | None = None
        self.last_outcome: RefreshOutcome | None = None
        self.sync: DirectorySync | None = make_directory_sync(env.services, env.settings)

        self.button = QPushButton(self.tr("Refresh directory"), self)
        self.button.setObjectName("refreshDirectory")
        self.button.setToolTip(self.tr("Pull the agency directory (mã định danh) from the provincial axis now; the "
                                       "recipient pickers search it."))
        self.button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Stop"), self)
        self.cancel_button.setObjectName("stopDirectoryRefresh")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("directoryProgress")
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("directoryStatus")
        self.status.setWordWrap(True)
        self.result = QLabel(self)
        self.result.setObjectName("directoryResult")
        self.result.setWordWrap(True)
        self.result.setVisible(False)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.status, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.show_status()

    # ------------------------------------------------------------------------------------------ state

    def show_status(self) -> None:
        if self.sync is None:
            self.button.setEnabled(False)
            self.status.setText(self.tr("Agency directory: no exchange axis is configured, so it cannot be "
                                        "refreshed. Set VANTHU_AXIS_URL and the office's axis credentials, then "
                                        "start again."))
            return
        status = self.sync.status()
        if status.last_refreshed is None:
            text = self.tr("Agency directory: never refreshed from the axis.")
        else:
            text = self.tr("Agency directory: last refreshed {when}.").format(when=_when(status.last_refreshed))
        if status.unfinished:
            text += " " + self.tr("An interrupted refresh continues from page {page}.").format(page=status.next_page)
        self.status.setText(text)

    # ------------------------------------------------------------------------------------------ the job

    def start(self) -> Job | None:
        sync = self.sync
        if sync is None or self.job is not None:
            return None
        directory = self._env.services.directory

        def work(ctx: JobContext) -> RefreshOutcome:
            def progress(p: DirectoryProgress) -> None:
                ctx.report(p.read, p.total, "")

            refresh = sync.run(progress=progress, cancelled=lambda: ctx.cancelled)
            if refresh.cancelled:
                raise JobCancelled
            directory.refresh()
            return RefreshOutcome(refresh, directory.warm())

        self.button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.result.setVisible(False)
        self.status.setText(self.tr("Refreshing the agency directory from the axis…"))
        job = self._env.jobs.run("directory.refresh", work)
        job.progress.connect(self._on_progress)
        job.succeeded.connect(self._on_done)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        job.finished.connect(self._on_finished)
        self.job = job
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _on_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(self.tr("%v of %m agencies"))

    def _on_done(self, outcome: RefreshOutcome) -> None:
        self.last_outcome = outcome
        c = outcome.refresh.counts
        text = self.tr("Directory refreshed: {read} agencies read from the axis ({new} new, {changed} changed, "
                       "{skipped} skipped as invalid); the directory now holds {total} agencies.").format(
            read=c.read, new=c.inserted, changed=c.updated, skipped=c.skipped, total=outcome.agencies)
        self._show_result(text, bad=False)

    def _on_failed(self, message: str) -> None:
        self._show_result(self.tr("The directory was not refreshed: {reason} What was already stored stays, and "
                                  "the next refresh continues from there.").format(reason=message), bad=True)

    def _on_cancelled(self) -> None:
        self._show_result(self.tr("Refresh stopped. What was already stored stays; the next refresh continues from "
                                  "there."), bad=False)

    def _on_finished(self) -> None:
        self.job = None
        self.button.setEnabled(True)
        self.cancel_button.setVisible(False)
        self.progress.setVisible(False)
        self.show_status()

    def _show_result(self, text: str, *, bad: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {BAD_COLOR};" if bad else "")
        self.result.setVisible(True)


def _when(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y %H:%M")
