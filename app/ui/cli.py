"""Commands without a window (`check`, `demo`, `sweep`), worded in the UI language."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.domain.errors import DomainError
from app.services.bundle import Booted, Services
from app.settings import Settings
from app.ui.i18n import install_translator
from app.ui.messages import describe


def run_command(command: str, args: argparse.Namespace, settings: Settings, boot: Callable[..., Booted]) -> int:
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    install_translator(app, settings.language)
    try:
        if command == "demo":
            return _demo(settings, boot, force=args.force)
        booted = boot(settings, create_demo=False)
        services = booted.services
        if command == "check":
            return _check(services)
        if command == "sweep":
            removed = services.integrity.sweep(grace_seconds=args.grace_hours * 3600)
            print(QCoreApplication.translate("Cli", "Removed {n} unreferenced file(s).").format(n=len(removed)))
            return 0
    except DomainError as exc:
        print(describe(exc), file=sys.stderr)
        return 2
    raise SystemExit(f"unknown command {command}")


def _demo(settings: Settings, boot: Callable[..., Booted], *, force: bool) -> int:
    booted = boot(settings, create_demo=False)
    services = booted.services
    if services.session.own_agency() is not None and not force:
        print(
            QCoreApplication.translate("Cli", "An agency already exists in {path}; nothing was added.").format(
                path=settings.data_dir
            )
        )
        return 0
    summary = services.demo.create()
    print(
        QCoreApplication.translate("Cli", "Demo agency created in {path}: {docs} documents, {users} users.").format(
            path=settings.data_dir, docs=summary.documents, users=summary.users
        )
    )
    return 0


def _check(services: Services) -> int:
    report = services.integrity.check()
    print(
        QCoreApplication.translate("Cli", "Checked {files} stored file(s) and {events} audit event(s).").format(
            files=report.files_checked, events=report.audit_events_checked
        )
    )
    for p in report.problems:
        label = (
            QCoreApplication.translate("Cli", "ERROR")
            if p.severity == "error"
            else QCoreApplication.translate("Cli", "WARNING")
        )
        print(f"{label} {p.code} {p.subject} {p.detail}".rstrip())
    if report.ok:
        print(QCoreApplication.translate("Cli", "Everything is consistent."))
        return 0
    print(
        QCoreApplication.translate("Cli", "Problems found: restore the affected files or the database from a backup.")
    )
    return 1
