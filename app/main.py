"""Wiring only: settings → store → services → UI or a command. No other module builds services."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.domain.clock import vn_now
from app.domain.errors import StorageError
from app.services.bundle import Booted, Services
from app.services.context import StoreContext
from app.services.signing.service import SigningConfig
from app.settings import Settings, load_settings
from app.store.audit import AuditLog
from app.store.database import open_database
from app.store.filestore import FileStore

log = logging.getLogger("vanthu")


def boot(settings: Settings, *, create_demo: bool | None = None) -> Booted:
    """Open (and if needed create) the data directory, migrate the database, and on first run add the demo agency."""
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("storage.not_writable", path=str(settings.data_dir)) from exc
    files = FileStore(settings.files_dir)
    files.ensure_ready()
    db, migration = open_database(settings.db_url, backups_dir=settings.backups_dir)
    ctx = StoreContext(db=db, files=files, audit=AuditLog(vn_now), clock=vn_now)
    services = Services.build(ctx, SigningConfig.for_data_dir(
        settings.data_dir, module_path=settings.token_module, demo_mode=settings.demo_mode,
        online_revocation=settings.online_revocation))
    demo_created = False
    wants_demo = settings.demo_mode if create_demo is None else create_demo
    if wants_demo and services.session.own_agency() is None:
        services.demo.create()
        demo_created = True
    return Booted(settings, services, migration, demo_created)


def _setup_logging(settings: Settings) -> None:
    try:
        settings.logs_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            settings.logs_dir / "vanthu.log", maxBytes=5_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m app", description="Văn Thư Desktop")
    p.add_argument("--lang", choices=["vi", "en"], help="UI language (default: Vietnamese)")
    p.add_argument("--screenshot", metavar="OUT.png", help="render a page offscreen with demo data and exit")
    p.add_argument(
        "--page",
        default="main",
        help="page for --screenshot: login, main, document or a navigation key (intake, registry-in, …)",
    )
    p.add_argument("--user", default="vanthu", help="demo user logged in for --screenshot")
    sub = p.add_subparsers(dest="command")
    sub.add_parser("run", help="start the application (default)")
    sub.add_parser("check", help="verify database ↔ file store and the audit chain")
    demo = sub.add_parser("demo", help="create the demo agency in the data directory")
    demo.add_argument("--force", action="store_true", help="add it even when an agency exists")
    sweep = sub.add_parser("sweep", help="remove stored files no record refers to")
    sweep.add_argument("--grace-hours", type=float, default=24.0)
    offices = sub.add_parser("two-office-demo", help="start the sandbox axis and two demo offices that exchange "
                                                       "documents, one window each")
    offices.add_argument("--base", type=Path, help="folder of both offices and the axis (default: "
                                                   "~/.local/share/vanthu-demo or the platform's equivalent)")
    offices.add_argument("--seed-agencies", type=int, default=5000, metavar="N",
                         help="agencies in the axis directory (at least 2000, so both offices are among them)")
    offices.add_argument("--no-windows", action="store_true",
                         help="prepare both offices, print their settings, send A→B through the services and stop")
    return p.parse_args(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    settings = load_settings(language=args.lang)
    _setup_logging(settings)
    command = args.command or "run"
    if command == "run":
        from app.ui.application import run_gui  # Qt is imported only for the GUI

        return run_gui(settings, boot, screenshot=args.screenshot, page=args.page, user=args.user)
    if command == "two-office-demo":
        from app.ui.two_office_demo import run_two_office_demo  # the axis and two offices, each in a data folder

        return run_two_office_demo(args, settings, boot)
    from app.ui.cli import run_command  # words messages in the UI language, still without a window

    return run_command(command, args, settings, boot)


if __name__ == "__main__":
    sys.exit(main())
