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
    from app.services.exchange.directory_sync import DirectorySync
    from app.services.exchange.relay import CommuneRelay
    from app.services.exchange.sync import SyncService
    from app.services.exchange.usb import UsbPackageService


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
    return SyncService.build(services.ctx, client, services.registry, checker, relay=make_relay(services, settings))


def make_relay(services: Services, settings: Settings) -> CommuneRelay:
    """A district's served communes (relay.py): their axis clients use the secrets the district holds for them in
    the environment (VANTHU_AXIS_SECRET_<code>); with no axis configured, only what is held can be exported."""
    from app.services.exchange.axis_client import AxisClient, RetryPolicy
    from app.services.exchange.relay import CommuneRelay

    url, secrets = settings.axis_url, dict(settings.commune_axis_secrets)

    def client(code: str, system_id: str) -> AxisClient | None:
        secret = secrets.get(code)
        if not url or not secret:
            return None
        return AxisClient(url, system_id, secret, retry=RetryPolicy(attempts=2, base_delay=0.5, max_delay=2.0))

    return CommuneRelay(services.ctx, client, secrets_known=lambda code: code in secrets)


def make_directory_sync(services: Services, settings: Settings, *, attempts: int = 2,
                        retry_delay: float = 1.0) -> DirectorySync | None:
    """Pulls the agency directory from the axis into the local cache (the admin's "Refresh directory"); None when no
    axis is configured. Each run opens its own client with the office's credentials; few, short retries, so a
    person waiting on the button hears within seconds that the axis is down (the next run resumes anyway)."""
    if not settings.axis_url:
        return None
    from app.services.exchange.axis_client import AxisClient, RetryPolicy
    from app.services.exchange.directory_sync import DirectorySync

    url = settings.axis_url

    def client() -> AxisClient:
        agency = services.session.own_agency()
        system_id = settings.axis_system_id or (agency.code if agency else "")
        return AxisClient(url, system_id, settings.axis_secret or "",
                          retry=RetryPolicy(attempts=attempts, base_delay=0.5, max_delay=2.0))

    return DirectorySync(services.ctx, client, state_dir=settings.data_dir, page_attempts=attempts,
                         retry_delay=retry_delay)


def make_usb(services: Services) -> UsbPackageService:
    """USB packages (no axis needed): the axis receiver's checks, and the office's trust anchors for the package
    signature."""
    from app.services.exchange.receiving import PackageChecker
    from app.services.exchange.usb import UsbPackageService

    agency = services.session.own_agency()
    checker = PackageChecker(services.signing.verify, own_code=agency.code if agency else None,
                             work_dir=services.ctx.files.root / "tmp")
    roots, specialised = services.signing.trust_roots()
    return UsbPackageService(services.ctx, services.registry, checker, trust_roots=roots + specialised,
                             crls=services.signing.crls())
