"""How domain values read on screen: one translated word per enum value, and dates in the Vietnamese way."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.domain.enums import Direction, DocumentState, RegistryKind, Role, Urgency
from app.ui.i18n import translate

CONTEXT = "Labels"

ROLES: dict[Role, str] = {
    Role.CLERK: str(QT_TRANSLATE_NOOP("Labels", "Records clerk")),
    Role.LEADER: str(QT_TRANSLATE_NOOP("Labels", "Leader")),
    Role.DEPUTY: str(QT_TRANSLATE_NOOP("Labels", "Deputy leader")),
    Role.SPECIALIST: str(QT_TRANSLATE_NOOP("Labels", "Specialist")),
    Role.ADMIN: str(QT_TRANSLATE_NOOP("Labels", "Administrator")),
}

URGENCIES: dict[Urgency, str] = {
    Urgency.NORMAL: str(QT_TRANSLATE_NOOP("Labels", "Normal")),
    Urgency.URGENT: str(QT_TRANSLATE_NOOP("Labels", "Urgent")),
    Urgency.VERY_URGENT: str(QT_TRANSLATE_NOOP("Labels", "Very urgent")),
    Urgency.FLASH: str(QT_TRANSLATE_NOOP("Labels", "Flash")),
    Urgency.FLASH_TIMED: str(QT_TRANSLATE_NOOP("Labels", "Flash, timed")),
}

DIRECTIONS: dict[Direction, str] = {
    Direction.INCOMING: str(QT_TRANSLATE_NOOP("Labels", "Incoming")),
    Direction.OUTGOING: str(QT_TRANSLATE_NOOP("Labels", "Outgoing")),
    Direction.INTERNAL: str(QT_TRANSLATE_NOOP("Labels", "Internal")),
}

STATES: dict[DocumentState, str] = {
    DocumentState.RECEIVED: str(QT_TRANSLATE_NOOP("Labels", "Received")),
    DocumentState.REGISTERED: str(QT_TRANSLATE_NOOP("Labels", "Registered")),
    DocumentState.PRESENTED: str(QT_TRANSLATE_NOOP("Labels", "Presented")),
    DocumentState.ASSIGNED: str(QT_TRANSLATE_NOOP("Labels", "Assigned")),
    DocumentState.IN_PROGRESS: str(QT_TRANSLATE_NOOP("Labels", "In progress")),
    DocumentState.DONE: str(QT_TRANSLATE_NOOP("Labels", "Done")),
    DocumentState.REJECTED: str(QT_TRANSLATE_NOOP("Labels", "Rejected")),
    DocumentState.FOR_INFORMATION: str(QT_TRANSLATE_NOOP("Labels", "For information")),
    DocumentState.DRAFT: str(QT_TRANSLATE_NOOP("Labels", "Draft")),
    DocumentState.SUBMITTED: str(QT_TRANSLATE_NOOP("Labels", "Submitted for signature")),
    DocumentState.SIGNED: str(QT_TRANSLATE_NOOP("Labels", "Signed")),
    DocumentState.NUMBERED: str(QT_TRANSLATE_NOOP("Labels", "Numbered")),
    DocumentState.SEALED: str(QT_TRANSLATE_NOOP("Labels", "Sealed")),
    DocumentState.SENT: str(QT_TRANSLATE_NOOP("Labels", "Sent")),
    DocumentState.ACKNOWLEDGED: str(QT_TRANSLATE_NOOP("Labels", "Acknowledged")),
    DocumentState.RETURNED: str(QT_TRANSLATE_NOOP("Labels", "Returned")),
    DocumentState.CANCELLED: str(QT_TRANSLATE_NOOP("Labels", "Cancelled")),
}

REGISTERS: dict[RegistryKind, str] = {
    RegistryKind.INCOMING: str(QT_TRANSLATE_NOOP("Labels", "Incoming register")),
    RegistryKind.OUTGOING: str(QT_TRANSLATE_NOOP("Labels", "Outgoing register")),
    RegistryKind.POSTAL_DISPATCH: str(QT_TRANSLATE_NOOP("Labels", "Postal dispatch register")),
    RegistryKind.KEPT_COPY_USE: str(QT_TRANSLATE_NOOP("Labels", "Use of kept copies register")),
    RegistryKind.INCOMING_FOLLOW_UP: str(QT_TRANSLATE_NOOP("Labels", "Incoming handling follow-up register")),
}


def register(value: RegistryKind) -> str:
    return tr(REGISTERS[value])


def tr(source: str) -> str:
    return translate(CONTEXT, source)


def role(value: Role) -> str:
    return tr(ROLES[value])


def roles(values: Iterable[Role]) -> str:
    order = list(Role)
    return ", ".join(role(r) for r in sorted(values, key=order.index))


def urgency(value: Urgency) -> str:
    return tr(URGENCIES[value])


def direction(value: Direction) -> str:
    return tr(DIRECTIONS[value])


def state(value: DocumentState) -> str:
    return tr(STATES[value])


def day(value: date | datetime | None) -> str:
    """dd/mm/yyyy, the way dates are written in Vietnamese administration (the same in both UI languages)."""
    return value.strftime("%d/%m/%Y") if value else ""


def moment(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else ""
