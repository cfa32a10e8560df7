"""The pages of the main window, who sees them, and how each is built (imported only when first opened)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.enums import Role
from app.ui.pages.common import PageEnv

ALL_ROLES = frozenset(Role)
BOOK_READERS = frozenset({Role.CLERK, Role.LEADER, Role.DEPUTY, Role.ADMIN})
INTAKE_ROLES = frozenset({Role.CLERK, Role.ADMIN})
DRAFT_ROLES = frozenset({Role.CLERK, Role.LEADER, Role.DEPUTY, Role.SPECIALIST})
TASK_ROLES = frozenset({Role.SPECIALIST, Role.LEADER, Role.DEPUTY, Role.CLERK})
LEADER_ROLES = frozenset({Role.LEADER, Role.DEPUTY})


def _inbox(env: PageEnv) -> QWidget:
    from app.ui.pages.inbox import InboxPage

    return InboxPage(env)


def _documents(env: PageEnv) -> QWidget:
    from app.ui.pages.documents import DocumentsPage

    return DocumentsPage(env)


def _registry_in(env: PageEnv) -> QWidget:
    from app.domain.enums import RegistryKind
    from app.ui.pages.registry_book import RegistryBookPage

    return RegistryBookPage(env, RegistryKind.INCOMING)


def _registry_out(env: PageEnv) -> QWidget:
    from app.domain.enums import RegistryKind
    from app.ui.pages.registry_book import RegistryBookPage

    return RegistryBookPage(env, RegistryKind.OUTGOING)


def _other_registers(env: PageEnv) -> QWidget:
    from app.ui.pages.other_registers import OtherRegistersPage

    return OtherRegistersPage(env)


def _intake(env: PageEnv) -> QWidget:
    from app.ui.pages.intake import IntakePage

    return IntakePage(env)


def _tasks(env: PageEnv) -> QWidget:
    from app.ui.pages.tasks import TasksPage

    return TasksPage(env)


def _overview(env: PageEnv) -> QWidget:
    from app.ui.pages.overview import OverviewPage

    return OverviewPage(env)


def _to_send(env: PageEnv) -> QWidget:
    from app.ui.pages.to_send import ToSendPage

    return ToSendPage(env)


def _drafts(env: PageEnv) -> QWidget:
    from app.ui.pages.drafts import DraftsPage

    return DraftsPage(env)


def _messages(env: PageEnv) -> QWidget:
    from app.ui.pages.messages import MessagesPage

    return MessagesPage(env)


def _admin(env: PageEnv) -> QWidget:
    from app.ui.pages.admin import AdminPage

    return AdminPage(env)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source, translated in context "Navigation"
    roles: frozenset[Role]
    build: Callable[[PageEnv], QWidget]

    @property
    def label(self) -> str:
        return QCoreApplication.translate("Navigation", self.title)


# Design §8 order; pages that do not work yet are not listed.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("intake", str(QT_TRANSLATE_NOOP("Navigation", "Intake")), INTAKE_ROLES, _intake),
    PageSpec("inbox", str(QT_TRANSLATE_NOOP("Navigation", "Leader's inbox")), LEADER_ROLES, _inbox),
    PageSpec("tasks", str(QT_TRANSLATE_NOOP("Navigation", "My tasks")), TASK_ROLES, _tasks),
    PageSpec("documents", str(QT_TRANSLATE_NOOP("Navigation", "Documents")), ALL_ROLES, _documents),
    PageSpec("registry-in", str(QT_TRANSLATE_NOOP("Navigation", "Incoming register")), BOOK_READERS, _registry_in),
    PageSpec("registry-out", str(QT_TRANSLATE_NOOP("Navigation", "Outgoing register")), BOOK_READERS, _registry_out),
    PageSpec("registers", str(QT_TRANSLATE_NOOP("Navigation", "Other registers")), BOOK_READERS, _other_registers),
    PageSpec("overview", str(QT_TRANSLATE_NOOP("Navigation", "Progress overview")), LEADER_ROLES, _overview),
    PageSpec("drafts", str(QT_TRANSLATE_NOOP("Navigation", "Drafts")), DRAFT_ROLES, _drafts),
    PageSpec("to-send", str(QT_TRANSLATE_NOOP("Navigation", "To send")), frozenset({Role.CLERK}), _to_send),
    PageSpec("messages", str(QT_TRANSLATE_NOOP("Navigation", "Exchange")), INTAKE_ROLES, _messages),
    PageSpec("admin", str(QT_TRANSLATE_NOOP("Navigation", "Administration")), frozenset({Role.ADMIN}), _admin),
)


def pages_for(roles: frozenset[Role]) -> list[PageSpec]:
    return [p for p in PAGES if p.roles & roles]
