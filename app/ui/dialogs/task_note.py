"""One dialog for the three things a participant writes on a task: a progress note (the lead), an input (a
coordinator) and the closing result (the lead, with an optional reply draft). It saves through the workflow service off
the UI thread; a change made by someone else meanwhile closes it and tells the page, which offers a refresh."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ConflictError, NotFoundError
from app.domain.model import Actor
from app.domain.workflow import TaskItem
from app.ui.dialogs import error_label
from app.ui.jobs import Job, JobContext
from app.ui.pages.common import PageEnv


class NoteMode(StrEnum):
    PROGRESS = "progress"
    INPUT = "input"
    FINISH = "finish"


def read_files(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    """(name, content) as the service takes them; read on the worker thread, never on the UI thread."""
    files = []
    for path in paths:
        try:
            files.append((path.name, path.read_bytes()))
        except FileNotFoundError:
            raise NotFoundError("storage.source_missing", path=str(path)) from None
    return files


class TaskNoteDialog(QDialog):
    saved = Signal(object)  # the ProgressNote or the finished Assignment
    conflict = Signal(str)  # someone else changed the task: the page shows the message and a refresh

    def __init__(self, env: PageEnv, task: TaskItem, mode: NoteMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.task = task
        self.mode = mode
        self.job: Job | None = None
        self.setObjectName(f"taskNote-{mode.value}")
        self.setMinimumWidth(560)
        titles = {
            NoteMode.PROGRESS: self.tr("Add progress"),
            NoteMode.INPUT: self.tr("Add input"),
            NoteMode.FINISH: self.tr("Finish the task"),
        }
        self.setWindowTitle(titles[mode])
        about = QLabel(f"{task.number_notation} — {task.summary}".strip(" —"), self)
        about.setWordWrap(True)
        about.setObjectName("taskNoteDocument")
        prompts = {
            NoteMode.PROGRESS: self.tr("What has been done so far:"),
            NoteMode.INPUT: self.tr("Your input for the lead unit or person:"),
            NoteMode.FINISH: self.tr("Result of the handling (what was done, the outcome):"),
        }
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("noteText")
        self.text.setTabChangesFocus(True)
        self.files = QListWidget(self)
        self.files.setObjectName("noteFiles")
        self.files.setMaximumHeight(90)
        self.add_files_button = QPushButton(self.tr("Attach files…"), self)
        self.add_files_button.clicked.connect(self.choose_files)
        self.remove_file_button = QPushButton(self.tr("Remove"), self)
        self.remove_file_button.clicked.connect(self.remove_selected_file)
        self.reply = QLineEdit(self)
        self.reply.setObjectName("replyDraft")
        self.reply.setReadOnly(True)
        self.reply.setPlaceholderText(self.tr("No reply draft"))
        self.reply_button = QPushButton(self.tr("Choose…"), self)
        self.reply_button.clicked.connect(self.choose_reply)
        self.reply_document = QComboBox(self)  # a draft from the Drafts page: the follow-up register shows its number
        self.reply_document.setObjectName("replyDocument")
        self.reply_document.addItem(self.tr("(none)"), None)
        if mode is NoteMode.FINISH:
            for draft in env.services.issuing.my_drafts(Actor.of(env.user)):
                self.reply_document.addItem(f"{draft.number_notation or draft.meta.doc_type} — {draft.meta.summary}",
                                            draft.document_id)
        self.message = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(QLabel(prompts[mode], self))
        layout.addWidget(self.text, 1)
        if mode is NoteMode.FINISH:
            layout.addWidget(QLabel(self.tr("Reply draft made on the Drafts page (optional):"), self))
            layout.addWidget(self.reply_document)
            layout.addWidget(QLabel(self.tr("Reply draft (optional; a PDF or DOCX file):"), self))
            row = QHBoxLayout()
            row.addWidget(self.reply, 1)
            row.addWidget(self.reply_button)
            layout.addLayout(row)
            self.files.setVisible(False)
            self.add_files_button.setVisible(False)
            self.remove_file_button.setVisible(False)
        else:
            layout.addWidget(QLabel(self.tr("Attached files:"), self))
            layout.addWidget(self.files)
            row = QHBoxLayout()
            row.addWidget(self.add_files_button)
            row.addWidget(self.remove_file_button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.text.setFocus()

    # ---- input -------------------------------------------------------------------------------------------------
    def add_paths(self, paths: Sequence[Path | str]) -> None:
        known = set(self.paths())
        for path in paths:
            p = Path(path)
            if p not in known:
                self.files.addItem(str(p))
                known.add(p)

    def paths(self) -> list[Path]:
        """The files to store with the note: the attachments, or the reply draft when finishing."""
        if self.mode is NoteMode.FINISH:
            return [Path(self.reply.text())] if self.reply.text() else []
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def set_reply(self, path: Path | str | None) -> None:
        self.reply.setText(str(path) if path else "")

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.add_paths(names)

    def remove_selected_file(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))

    def choose_reply(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Reply draft"), "", self.tr("Drafts (*.pdf *.docx *.doc *.odt);;All files (*)")
        )
        if name:
            self.set_reply(name)

    # ---- saving ------------------------------------------------------------------------------------------------
    def submit(self) -> None:
        """Save off the UI thread (attachments can be large); the dialog stays open until the service answers."""
        if self.job is not None:
            return
        workflow = self._env.services.workflow
        actor = Actor.of(self._env.user)
        task, mode, text, paths = self.task, self.mode, self.text.toPlainText(), self.paths()
        reply_id = self.reply_document.currentData() if mode is NoteMode.FINISH else None

        def work(_ctx: JobContext) -> object:
            files = read_files(paths)
            version = task.assignment_version
            if mode is NoteMode.PROGRESS:
                return workflow.add_progress(actor, task.assignment_id, text, files, expected_version=version)
            if mode is NoteMode.INPUT:
                return workflow.add_input(actor, task.assignment_id, text, files, expected_version=version)
            return workflow.finish(actor, task.assignment_id, text, files=files, expected_version=version,
                                   reply_document_id=reply_id)

        self.message.setVisible(False)
        self.buttons.setEnabled(False)
        job = self._env.jobs.run(f"task-{mode.value}", work)
        job.succeeded.connect(self._on_saved)
        job.failed.connect(lambda text, j=job: self._on_failed(j, text))
        job.finished.connect(self._on_finished)
        self.job = job

    def _on_saved(self, result: object) -> None:
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, job: Job, text: str) -> None:
        if isinstance(job.error, ConflictError):
            self.conflict.emit(text)
            self.reject()
            return
        self.message.setText(text)
        self.message.setVisible(True)

    def _on_finished(self) -> None:
        self.job = None
        self.buttons.setEnabled(True)
