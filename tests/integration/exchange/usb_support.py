"""What the USB package tests share: an office's USB service trusting the test root, the package signer, and the
count of documents an office registered as incoming."""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain.enums import Direction
from app.services.exchange.receiving import PackageChecker
from app.services.exchange.usb import UsbPackageService
from app.services.exchange.xmldsig import RsaKeySigner
from app.store.models import DocumentRow
from tests.integration.exchange.offices import Office
from tests.integration.exchange.signed_pdfs import DemoKeys


def usb(office: Office, pki: DemoKeys, roots: list[object] | None = None) -> UsbPackageService:
    checker = PackageChecker(pki.verify, own_code=office.code, work_dir=office.ctx.files.root / "tmp")
    return UsbPackageService(office.ctx, office.services.registry, checker,
                             trust_roots=[pki.root] if roots is None else roots)  # type: ignore[list-item]


def signer(pki: DemoKeys) -> RsaKeySigner:
    return RsaKeySigner(pki.key, pki.cert)


def incoming(office: Office) -> int:
    with office.ctx.db.read_session() as s:
        return int(s.execute(select(func.count()).select_from(DocumentRow)
                             .where(DocumentRow.direction == Direction.INCOMING.value)).scalar_one())
