"""The set of services the UI and the command line use. Built only by app.main."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.services.auth import AuthService
from app.services.context import StoreContext
from app.services.demo import DemoSetup
from app.services.directory import DirectoryService
from app.services.documents import DocumentService
from app.services.exchange.outbound import ExchangeService
from app.services.integrity import IntegrityService
from app.services.issuing import IssuingService
from app.services.register_logs import RegisterLogService
from app.services.registry import RegistryService
from app.services.registry_export import RegistryExportService
from app.services.session import SessionService
from app.services.signing.service import SigningConfig, SigningService
from app.services.workflow import WorkflowService
from app.settings import Settings
from app.store.database import MigrationOutcome

if TYPE_CHECKING:
    from app.services.exchange.sync import SyncService


@dataclass(frozen=True)
class Services:
    ctx: StoreContext
    auth: AuthService
    session: SessionService
    documents: DocumentService
    registry: RegistryService
    integrity: IntegrityService
    demo: DemoSetup
    directory: DirectoryService
    registry_export: RegistryExportService
    workflow: WorkflowService
    signing: SigningService
    issuing: IssuingService
    register_logs: RegisterLogService
    exchange: ExchangeService

    @staticmethod
    def build(ctx: StoreContext, signing: SigningConfig | None = None) -> Services:
        """`signing`: where the tokens and the demo PKI are (app.main passes the data dir's; tests may omit it)."""
        signing_service = SigningService(ctx, signing or SigningConfig())
        registry = RegistryService(ctx)
        workflow = WorkflowService(ctx)
        registry.on_incoming_registered = workflow.auto_present_on_registration  # arrivals reach the leader at once
        return Services(
            ctx=ctx,
            auth=AuthService(ctx),
            session=SessionService(ctx),
            documents=DocumentService(ctx),
            registry=registry,
            integrity=IntegrityService(ctx),
            demo=DemoSetup(ctx, signing_service),
            directory=DirectoryService(ctx),
            registry_export=RegistryExportService(ctx),
            workflow=workflow,
            signing=signing_service,
            issuing=IssuingService(ctx, registry, signing_service),
            register_logs=RegisterLogService(ctx),
            exchange=ExchangeService(ctx),
        )


@dataclass(frozen=True)
class Booted:
    """What start-up produced: the UI shows a note when a migration ran or the demo agency was created."""

    settings: Settings
    services: Services
    migration: MigrationOutcome
    demo_created: bool


def make_sync(services: Services, settings: Settings) -> SyncService | None:
    """The office's link to the provincial axis, when one is configured (VANTHU_AXIS_URL); None works offline."""
    if not settings.axis_url:
        return None
    from app.services.exchange.axis_client import AxisClient
    from app.services.exchange.receiving import PackageChecker
    from app.services.exchange.sync import SyncService

    agency = services.session.own_agency()
    own_code = agency.code if agency else None
    client = AxisClient(settings.axis_url, settings.axis_system_id or own_code or "", settings.axis_secret or "")
    checker = PackageChecker(services.signing.verify, own_code=own_code)
    return SyncService.build(services.ctx, client, services.registry, checker)
