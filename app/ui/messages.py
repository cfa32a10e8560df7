"""The one place that words errors: a DomainError code → a translated sentence that says what is wrong and what to do.

English source strings live here inside QT_TRANSLATE_NOOP so `pyside6-lupdate` collects them; Vietnamese comes from
resources/translations/vanthu_vi.ts. Unknown codes fall back to a generic sentence that still names the code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.domain.errors import DomainError

CONTEXT = "Messages"

MESSAGES: dict[str, str] = {
    "auth.failed": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password. Check them and try again."),
    "storage.not_writable": QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder {path} cannot be written. Free it or choose another folder with VANTHU_HOME, then start again.",
    ),
    "storage.not_a_database": QT_TRANSLATE_NOOP(
        "Messages",
        "The file {path} is not a Văn Thư database. Move it away or point VANTHU_DB_URL to the right file.",
    ),
    "storage.database_corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "The database is damaged ({detail}). Restore the latest backup from the backups folder and start again.",
    ),
    "storage.unknown_schema": QT_TRANSLATE_NOOP(
        "Messages",
        "The database was written by a newer or unknown version (schema {revision}). Use that version of the app.",
    ),
    "storage.migration_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "Updating the database failed ({detail}); nothing was changed. A copy taken before the update is at {backup}.",
    ),
    "storage.cannot_open": QT_TRANSLATE_NOOP(
        "Messages", "The database cannot be opened ({detail}). Check the connection settings and try again."
    ),
    "storage.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk holding {path} is full; nothing was saved. Free some space and try again."
    ),
    "storage.file_missing": QT_TRANSLATE_NOOP(
        "Messages", "A stored file is missing ({sha256}). Run the integrity check and restore it from a backup."
    ),
    "storage.source_missing": QT_TRANSLATE_NOOP("Messages", "The file {path} no longer exists. Choose it again."),
    "storage.no_agency": QT_TRANSLATE_NOOP(
        "Messages", "No agency is set up yet. Ask the administrator to enter the agency profile."
    ),
    "document.not_found": QT_TRANSLATE_NOOP("Messages", "The document was not found; it may have been removed."),
    "user.not_found": QT_TRANSLATE_NOOP("Messages", "The user was not found."),
    "registry.book_not_found": QT_TRANSLATE_NOOP("Messages", "The registry book was not found."),
    "permission.denied": QT_TRANSLATE_NOOP("Messages", "Your role may not do this. Ask a user with the right role."),
    "conflict": QT_TRANSLATE_NOOP("Messages", "Someone else changed this meanwhile. Reload and try again."),
}

GENERIC = QT_TRANSLATE_NOOP("Messages", "The operation could not be completed (code {code}).")
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages", "An unexpected error occurred. Details were written to the log at {log}. Please report it."
)


def translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def describe(error: DomainError) -> str:
    """A translated sentence for the error; missing parameters never raise."""
    template = MESSAGES.get(error.code)
    if template is None:
        return translate(GENERIC).format(code=error.code)
    return translate(template).format_map(_Lenient(error.params))


def describe_unexpected(log_path: str) -> str:
    return translate(UNEXPECTED).format(log=log_path)


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
