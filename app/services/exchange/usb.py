"""USB packages for offices with no link to the axis (design §7 "USB transport", issue 8 item 7).

Export: the outbox messages waiting for the axis (queued, or left "sending" by a crash), in outbox order, are
copied into a new folder on the chosen drive with a manifest that lists each message (id, kind, recipient, file,
size, SHA-256) and an XML-DSig signature over the manifest made with the organisation's certificate (the same
signature code as edXML, xmldsig.py: one `Reference URI=""` over the manifest and one `cid:<file>` reference per
file, so a changed, missing or extra file breaks it). The folder is written under a hidden temporary name and
renamed when complete; only then are the rows marked delivered ("sent", axis DocId `usb:<package>`). A crash
between the two leaves the rows queued: they go again, and the receiver de-duplicates. A package lost on the way
can be written again (`export_again`): the same messages, under the same ids, into a new package.

Import: the whole folder is copied off the drive, every file is hashed and the signature and its certificate's
trust checked before anything is touched; any problem refuses the whole package. Then the messages addressed to
this office go through the axis Receiver unchanged (a folder stands in for the axis client), so de-duplication
(by the package bytes and by DocumentId) and the Art 8.2 checks are the same as online, and importing a package
twice registers nothing twice. Messages addressed to other agencies (a district office relaying for its communes)
are queued in this office's outbox under their original message id, so relaying twice queues them once; when
the package comes from a commune this office serves (relay.py), they are marked as relayed for it, so the sender
posts them with the commune's credentials.

Downward (relay.py): a district writes what it collected from the axis for a commune into a package whose signed
manifest names the commune as its `destination` and each message's original `sender`; any other office refuses
that package whole. Import takes the office lock of the sync round, so it never runs beside a sync or a collection.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.enums import Role
from app.domain.errors import ValidationError
from app.domain.model import Actor
from app.services.context import StoreContext
from app.services.exchange.axis_client import DownloadedEdoc, MessageType, ReceivedEdoc
from app.services.exchange.errors import ExchangeError
from app.services.exchange.model import is_ancestor_code, is_valid_agency_code
from app.services.exchange.outbound import own_organization
from app.services.exchange.receiving import PackageChecker
from app.services.exchange.sync import SYNC_ACTOR, SYNC_LOCK, Receiver, ReceiveResult
from app.services.permissions import require_role
from app.services.registry import RegistryService
from app.store.exchange_repository import (
    USB_PREFIX,
    ExchangeRepository,
    MessageKind,
    OutboxState,
    add_outbox,
    usb_delivery,
)
from app.store.locks import office_lock
from app.store.models_exchange import OutboxRow
from app.store.models_relay import ServedCommuneRow

if TYPE_CHECKING:
    from cryptography import x509
    from lxml import etree

    from app.services.exchange.relay import HeldMessage
    from app.services.exchange.xmldsig import XmlSigner
    from app.services.signing.service import SigningService
    from app.services.signing.verify import TrustRoot

log = logging.getLogger(__name__)

NS = "urn:vanthu:usb-package:1"
MANIFEST = "manifest.xml"
FILES = "files"
_CHUNK = 1 << 20
_MAX_MANIFEST = 16 * 1024 * 1024
_NAME = re.compile(r"^[A-Za-z0-9._-]{1,80}$")
_FILE = re.compile(r"^files/[0-9a-f]{64}\.edxml$")
_MESSAGE_ID = re.compile(r"^[A-Za-z0-9-]{1,36}$")


@dataclass(frozen=True)
class UsbMessage:
    """One line of the manifest: one outbox message to one recipient."""

    message_id: str
    kind: MessageKind
    recipient: str
    file: str  # relative to the package folder, "files/<sha256>.edxml"
    sha256: str
    size: int
    edxml_document_id: str = ""
    status_code: str = ""
    sender: str = ""  # whose message it is when the package's sender only carries it ("" = the package's sender)


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    messages: int
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    package: str
    sender: str
    registered: int = 0
    already_had: int = 0  # the same message (or the same document) was received before
    quarantined: int = 0
    statuses: int = 0
    forwarded: int = 0  # queued in our outbox for the agency it is addressed to
    already_forwarded: int = 0


# ---- signing with the organisation's token ---------------------------------------------------------------------
class TokenXmlSigner:
    """The organisation's certificate on its PKCS#11 token as an XmlSigner (RSA PKCS#1 v1.5 with SHA-256).

    `open` logs in once to read the certificate, so a wrong PIN is told before anything is written.
    """

    def __init__(self, signing: SigningService, pin: str | None) -> None:
        from app.services.signing.errors import SigningError

        selector = signing.organisation_token()
        if selector is None:
            raise SigningError("signing.no_organisation_token")
        self._worker = signing.worker()
        self._selector = selector
        self._pin = pin
        self._cert: x509.Certificate | None = None
        self._key_id: bytes | None = None
        self.chain: tuple[bytes, ...] = ()  # the token's other certificates (the issuing CAs), for path building

    @classmethod
    def open(cls, signing: SigningService, pin: str | None) -> TokenXmlSigner:
        signer = cls(signing, pin)
        _ = signer.certificate
        return signer

    @property
    def certificate(self) -> x509.Certificate:
        if self._cert is None:
            from cryptography import x509 as _x509
            from pkcs11 import Attribute, ObjectClass

            from app.services.signing.tokens import chain_certificates, signing_key_id

            def work(session: Any) -> tuple[bytes, bytes, list[bytes]]:
                key_id = signing_key_id(session, self._selector.describe())
                certs = list(session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.ID: key_id}))
                return key_id, bytes(certs[0][Attribute.VALUE]), chain_certificates(session, key_id)

            self._key_id, der, chain = self._worker.run(self._selector, self._pin, work)
            self.chain = tuple(chain)
            self._cert = _x509.load_der_x509_certificate(der)
        return self._cert

    def sign_sha256(self, data: bytes) -> bytes:
        from pkcs11 import Mechanism, ObjectClass

        _ = self.certificate
        key_id = self._key_id

        def work(session: Any) -> bytes:
            key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=key_id)
            return bytes(key.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS))

        return self._worker.run(self._selector, self._pin, work)


# ---- the folder that stands in for the axis on import ----------------------------------------------------------
class _FolderAxis:
    """The part of AxisClient the Receiver calls, served from a verified package copy (no network)."""

    def __init__(self, sender: str, own_code: str, messages: Sequence[tuple[UsbMessage, Path]]) -> None:
        self._sender = sender
        self._own = own_code
        self._files = {USB_PREFIX + m.message_id: (m, path) for m, path in messages}

    def list_received(self) -> list[ReceivedEdoc]:
        return [ReceivedEdoc(doc_id=doc_id, sender=m.sender or self._sender, receiver=self._own, service_type="eDoc",
                             message_type=MessageType(m.kind.value), status="inbox", status_desc="", created=None,
                             updated=None, sha256=m.sha256, size=m.size)
                for doc_id, (m, _p) in self._files.items()]

    def download_edoc(self, doc_id: str, dest: Path) -> DownloadedEdoc:
        m, path = self._files[doc_id]
        shutil.copyfile(path, dest)
        return DownloadedEdoc(doc_id, dest, m.size, m.sha256, MessageType(m.kind.value))

    def acknowledge(self, doc_id: str) -> None:
        """Nothing to tell: a folder does not list packages again."""


class _UsbReceiver(Receiver):
    """The axis Receiver, minus the acknowledgements owed to the axis (they wait for the next online sync)."""

    def _acknowledge_leftovers(self, result: ReceiveResult) -> None:
        return None


# ---- the service -----------------------------------------------------------------------------------------------
class UsbPackageService:
    """Export the outbox to a folder, import a folder as if the axis had delivered it."""

    def __init__(self, ctx: StoreContext, registry: RegistryService, checker: PackageChecker, *,
                 trust_roots: Sequence[TrustRoot] = (), crls: Sequence[bytes] = (),
                 status_signer: XmlSigner | None = None) -> None:
        self._ctx = ctx
        self._registry = registry
        self._checker = checker
        self._trust_roots = list(trust_roots)
        self._crls = list(crls)
        self._status_signer = status_signer

    # ---- export --------------------------------------------------------------------------------------------------
    def export(self, actor: Actor, target: Path, signer: XmlSigner) -> ExportResult:
        """Write every message waiting for the axis into a new signed package folder under `target`."""
        require_role(self._ctx, actor, "exchange.usb_export", Role.CLERK, Role.ADMIN)
        waiting = OutboxRow.state.in_([OutboxState.QUEUED.value, OutboxState.SENDING.value])
        return self._export(actor, target, signer, waiting)

    def export_again(self, actor: Actor, package: str, target: Path, signer: XmlSigner) -> ExportResult:
        """Write the messages of an earlier package (a drive lost, broken or never delivered) into a new package.

        The receiving office takes each message once by its id, so if the first package turns up after all,
        nothing is received twice; the messages then name the new package as where they went.
        """
        require_role(self._ctx, actor, "exchange.usb_export", Role.CLERK, Role.ADMIN)
        carried = OutboxRow.axis_doc_id == usb_delivery(package)
        return self._export(actor, target, signer, carried, again_of=package)

    def _export(self, actor: Actor, target: Path, signer: XmlSigner, which: Any, *,
                again_of: str | None = None) -> ExportResult:
        """Write the outbox rows `which` selects into a new package; they are marked as gone in it."""
        if not target.is_dir():
            raise ValidationError("exchange.usb_folder_missing", folder=str(target))
        now = self._ctx.clock()
        with self._ctx.db.read_session() as s:
            own = own_organization(s)
            rows = s.execute(select(OutboxRow).where(which).order_by(OutboxRow.id)).scalars().all()
            plan = [(r.id, UsbMessage(r.message_id, MessageKind(r.kind), r.recipient,
                                      f"{FILES}/{r.payload_sha256}.edxml", r.payload_sha256, r.payload_size,
                                      r.edxml_document_id, r.status_code or "", sender=r.relayed_from or ""))
                    for r in rows]
        if not plan and again_of is not None:
            raise ValidationError("exchange.usb_package_unknown", package=again_of)
        if not plan:
            raise ValidationError("exchange.usb_nothing_queued")
        final = _write_folder(self._ctx, target, own.organ_id, own.name, [m for _i, m in plan], signer)
        name = final.name
        with self._ctx.db.session() as s:
            repo = ExchangeRepository(s)
            for outbox_id, _m in plan:
                row = repo.outbox_row(outbox_id)
                waiting = row.state in (OutboxState.QUEUED.value, OutboxState.SENDING.value)
                if waiting or (again_of is not None and row.axis_doc_id == usb_delivery(again_of)):
                    repo.mark_sent(outbox_id, usb_delivery(name), now)  # (again: it went once more, in this one)
            self._ctx.audit.record(s, actor, "exchange.usb_export", "usb_package", name, {
                "folder": str(final), "messages": [m.message_id for _i, m in plan],
                "signer": signer.certificate.subject.rfc4514_string(),
                **({"again_of": again_of} if again_of is not None else {}),
            })
        return ExportResult(final, len(plan), tuple(dict.fromkeys(m.recipient for _i, m in plan)))

    # ---- import --------------------------------------------------------------------------------------------------
    def import_package(self, actor: Actor, folder: Path) -> ImportResult:
        """Check the whole package, then receive what is ours and queue what is to be relayed."""
        require_role(self._ctx, actor, "exchange.usb_import", Role.CLERK, Role.ADMIN)
        if not (folder / MANIFEST).is_file():
            raise ValidationError("exchange.usb_not_a_package", folder=str(folder))
        with office_lock(self._ctx.db, SYNC_LOCK) as held:  # never beside a sync round or a collection
            if not held:
                raise ExchangeError("exchange.office_busy")
            work_root = self._ctx.files.root / "tmp"
            work_root.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix="usb-", dir=work_root))
            try:
                package = _verified_copy(folder, work, self._trust_roots, self._crls, self._ctx.clock())
                with self._ctx.db.read_session() as s:
                    own = own_organization(s).organ_id
                if package.destination and package.destination != own:
                    raise ExchangeError("exchange.usb_wrong_destination", destination=package.destination, own=own)
                return self._receive(actor, package, work)
            finally:
                shutil.rmtree(work, ignore_errors=True)

    def _receive(self, actor: Actor, package: _Package, work: Path) -> ImportResult:
        with self._ctx.db.read_session() as s:
            own = own_organization(s).organ_id
            repo = ExchangeRepository(s)
            ours = [m for m in package.messages if m.recipient == own]
            known = sum(1 for m in ours if repo.received_by_axis_id(USB_PREFIX + m.message_id) is not None)
        others = [m for m in package.messages if m.recipient != own]
        result = ReceiveResult()
        if ours:
            client = _FolderAxis(package.sender, own, [(m, work / m.file) for m in ours])
            receiver = _UsbReceiver(self._ctx, client, self._registry, self._checker,  # type: ignore[arg-type]
                                    actor=SYNC_ACTOR, status_signer=self._status_signer)
            result = receiver.run_once()
        forwarded, again = self._forward(actor, package, others, work)
        with self._ctx.db.session() as s:
            self._ctx.audit.record(s, actor, "exchange.usb_import", "usb_package", package.name, {
                "sender": package.sender, "signer": package.signer, "registered": result.registered,
                "duplicates": result.duplicates + known, "quarantined": result.quarantined,
                "statuses": result.statuses, "forwarded": forwarded, "already_forwarded": again,
            })
        return ImportResult(package.name, package.sender, registered=result.registered,
                            already_had=result.duplicates + known, quarantined=result.quarantined,
                            statuses=result.statuses, forwarded=forwarded, already_forwarded=again)

    def _forward(self, actor: Actor, package: _Package, messages: list[UsbMessage], work: Path) -> tuple[int, int]:
        """Queue messages for other agencies under their original message id (the axis's idempotency key)."""
        forwarded = again = 0
        now = self._ctx.clock()
        with self._ctx.db.read_session() as s:  # a served commune's messages go out with its own credentials
            served = s.get(ServedCommuneRow, package.sender) is not None
        for m in messages:
            put = self._ctx.files.put_file(work / m.file)
            with self._ctx.db.session() as s:
                exists = s.execute(select(OutboxRow.id).where(OutboxRow.message_id == m.message_id)).first()
                if exists is not None:
                    again += 1
                    continue
                item = add_outbox(s, kind=m.kind, recipient=m.recipient, payload_sha256=put.sha256,
                                  payload_size=put.size, now=now, edxml_document_id=m.edxml_document_id[:200],
                                  status_code=m.status_code or None,
                                  description=f"Chuyển tiếp từ {m.sender or package.sender} (gói USB {package.name})",
                                  created_by=actor.username, relayed_from=m.sender or package.sender)
                ExchangeRepository(s).outbox_row(item.id).message_id = m.message_id
                if served:
                    from app.services.exchange.relay import record_origin

                    record_origin(s, m.message_id, package.sender)
            forwarded += 1
        return forwarded, again


# ---- the manifest ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Package:
    name: str
    sender: str
    signer: str
    messages: tuple[UsbMessage, ...]
    destination: str = ""  # downward packages: the only office that may import it


def write_package(ctx: StoreContext, target: Path, held: Sequence[HeldMessage], signer: XmlSigner, *,
                  destination: str) -> ExportResult:
    """A package of messages collected from the axis for `destination` (relay.py), each under its held id."""
    with ctx.db.read_session() as s:
        own = own_organization(s)
    messages = [UsbMessage(h.message_id, h.kind, destination, f"{FILES}/{h.package_sha256}.edxml", h.package_sha256,
                           h.package_size, sender=h.sender) for h in held]
    folder = _write_folder(ctx, target, own.organ_id, own.name, messages, signer, destination=destination)
    return ExportResult(folder, len(messages), (destination,))


def _write_folder(ctx: StoreContext, target: Path, sender: str, sender_name: str, messages: Sequence[UsbMessage],
                  signer: XmlSigner, *, destination: str = "") -> Path:
    """The package folder under `target`, written under a hidden name and renamed when complete."""
    if not target.is_dir():
        raise ValidationError("exchange.usb_folder_missing", folder=str(target))
    now = ctx.clock()
    to = f"-to-{destination}" if destination else ""
    name = f"vanthu-{sender}{to}-{now:%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"
    final = target / name
    part = target / f".{name}.part"
    try:
        (part / FILES).mkdir(parents=True)
        for sha in dict.fromkeys(m.sha256 for m in messages):
            _copy_payload(ctx, sha, part / FILES / f"{sha}.edxml")
        manifest = _build_manifest(name, sender, sender_name, now, messages, signer, destination=destination)
        _write_synced(part / MANIFEST, manifest)
        _fsync_dir(part / FILES)
        _fsync_dir(part)
        os.replace(part, final)
        _fsync_dir(target)
    except OSError as exc:
        shutil.rmtree(part, ignore_errors=True)
        raise ExchangeError("exchange.usb_write_failed", folder=str(target), detail=exc.strerror or str(exc)) \
            from exc
    except BaseException:
        shutil.rmtree(part, ignore_errors=True)
        raise
    return final


def _copy_payload(ctx: StoreContext, sha256: str, dest: Path) -> None:
    """Copy a stored package, checking its bytes on the way (a damaged store must not travel signed)."""
    digest = hashlib.sha256()
    with ctx.files.open(sha256) as src, dest.open("wb") as out:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != sha256:
        raise ExchangeError("exchange.usb_source_damaged", sha256=sha256)


def _q(name: str) -> str:
    return f"{{{NS}}}{name}"


def _build_manifest(name: str, sender: str, sender_name: str, now: datetime, messages: Sequence[UsbMessage],
                    signer: XmlSigner, *, destination: str = "") -> bytes:
    from lxml import etree

    from app.services.exchange.xmldsig import DS, sign_envelope

    root = etree.Element(_q("UsbPackage"), nsmap={None: NS}, version="1", name=name, sender=sender,
                         senderName=sender_name, created=now.isoformat())
    if destination:  # signed with the rest: no other office can be made to take it
        root.set("destination", destination)
    listing = etree.SubElement(root, _q("Messages"))
    for seq, m in enumerate(messages, start=1):
        el = etree.SubElement(listing, _q("Message"), seq=str(seq), id=m.message_id, kind=m.kind.value,
                              recipient=m.recipient, documentId=m.edxml_document_id, statusCode=m.status_code,
                              file=m.file, sha256=m.sha256, size=str(m.size))
        if m.sender:
            el.set("sender", m.sender)
    digests = {m.file: bytes.fromhex(m.sha256) for m in messages}
    signature = sign_envelope(root, root, digests, signer)
    x509_data = signature.find(f"{{{DS}}}KeyInfo/{{{DS}}}X509Data")
    for der in getattr(signer, "chain", ()):  # after the signer's own certificate: helps the receiver build the path
        etree.SubElement(x509_data, f"{{{DS}}}X509Certificate").text = base64.b64encode(der).decode("ascii")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _verified_copy(folder: Path, work: Path, roots: Sequence[TrustRoot], crls: Sequence[bytes],
                   now: datetime) -> _Package:
    """Copy the package off the drive (hashing on the way), then check it; refuse the whole package on any doubt."""
    from app.services.exchange.xmldsig import DS, verify_envelope

    digests: dict[str, dict[str, bytes]] = {}
    manifest_bytes = b""
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():  # a package holds plain files only; a link could point anywhere on this machine
            raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail=f"link {rel}")
        if path.is_dir():
            if rel != FILES:
                raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail=f"extra folder {rel}")
            continue
        if rel == MANIFEST:
            if path.stat().st_size > _MAX_MANIFEST:
                raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail="manifest too large")
            manifest_bytes = path.read_bytes()
            continue
        if not _FILE.match(rel):
            raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail=f"extra file {rel}")
        dest = work / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        digests[rel] = {"sha256": _copy_hashed(path, dest)}
    root = _parse_manifest(manifest_bytes, folder)
    signature = root.find(f"{{{DS}}}Signature")
    report = verify_envelope(root, signature, digests)
    if not report.valid:
        raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail=report.problem)
    assert report.certificate_der is not None and signature is not None
    _check_trust(report.certificate_der, _carried_chain(signature, report.certificate_der), roots, crls, now,
                 report.subject)
    package = _read_manifest(root, folder)
    for m in package.messages:
        found = digests.get(m.file)
        if found is None or found["sha256"].hex() != m.sha256 or (work / m.file).stat().st_size != m.size:
            raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail=f"file {m.file}")
    return _Package(package.name, package.sender, report.subject, package.messages, package.destination)


def _copy_hashed(src: Path, dest: Path) -> bytes:
    digest = hashlib.sha256()
    with src.open("rb") as fin, dest.open("wb") as out:
        while chunk := fin.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.digest()


def _parse_manifest(data: bytes, folder: Path) -> etree._Element:
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail="DOCTYPE")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail="manifest unreadable") from None
    if root is None or root.tag != _q("UsbPackage"):
        raise ValidationError("exchange.usb_not_a_package", folder=str(folder))
    return root


def _read_manifest(root: etree._Element, folder: Path) -> _Package:
    """The signed manifest's content, checked for shape (a signed but malformed manifest is refused too)."""
    name, sender, destination = root.get("name", ""), root.get("sender", ""), root.get("destination", "")
    if not _NAME.match(name) or not is_valid_agency_code(sender) or \
            (destination and not is_valid_agency_code(destination)):
        raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail="package header")
    messages: list[UsbMessage] = []
    listing = root.find(_q("Messages"))
    for el in listing if listing is not None else ():
        if not isinstance(el.tag, str) or el.tag != _q("Message"):
            continue
        # Whose message it is, when not the package sender's: a package addressed to one office may name any sender
        # (a district carrying down what the axis held for its commune); any other package only agencies below its
        # sender (a district with no link carrying its communes' messages up). Other claims are not taken.
        claimed = el.get("sender", "")
        carried_for = claimed if destination or is_ancestor_code(sender, claimed) else ""
        try:
            m = UsbMessage(el.get("id", ""), MessageKind(el.get("kind", "")), el.get("recipient", ""),
                           el.get("file", ""), el.get("sha256", ""), int(el.get("size", "")),
                           el.get("documentId", ""), el.get("statusCode", ""), carried_for)
        except ValueError:
            raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail="message entry") from None
        if not _MESSAGE_ID.match(m.message_id) or not is_valid_agency_code(m.recipient) or not _FILE.match(m.file) \
                or m.file != f"{FILES}/{m.sha256}.edxml" or (m.sender and not is_valid_agency_code(m.sender)) \
                or (destination and m.recipient != destination):
            raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail=f"message {m.message_id}")
        messages.append(m)
    if not messages:
        raise ExchangeError("exchange.usb_tampered", folder=str(folder), detail="no messages")
    return _Package(name, sender, "", tuple(messages), destination)


def _carried_chain(signature: etree._Element, signer_der: bytes) -> list[bytes]:
    """The other certificates the package carries in KeyInfo (unsigned: they only help find a path to an anchor)."""
    from app.services.exchange.xmldsig import DS

    found = []
    for el in signature.iterfind(f"{{{DS}}}KeyInfo/{{{DS}}}X509Data/{{{DS}}}X509Certificate"):
        try:
            der = binascii.a2b_base64("".join((el.text or "").split()).encode("ascii"))
        except (binascii.Error, ValueError):
            continue
        if der != signer_der:
            found.append(der)
    return found[:8]


def _check_trust(der: bytes, chain: Sequence[bytes], roots: Sequence[TrustRoot], crls: Sequence[bytes],
                 now: datetime, subject: str) -> None:
    """The manifest's certificate must chain to one of the office's trust anchors (offline; CRLs when at hand)."""
    import asyncio

    from asn1crypto import x509 as asn1_x509
    from cryptography import x509 as crypto_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko_certvalidator import CertificateValidator, ValidationContext

    def anchor(root: TrustRoot) -> asn1_x509.Certificate:
        if isinstance(root, asn1_x509.Certificate):
            return root
        if isinstance(root, crypto_x509.Certificate):
            return asn1_x509.Certificate.load(root.public_bytes(Encoding.DER))
        data = bytes(root)
        if data.lstrip().startswith(b"-----BEGIN"):
            data = crypto_x509.load_pem_x509_certificate(data).public_bytes(Encoding.DER)
        return asn1_x509.Certificate.load(data)

    if not roots:
        raise ExchangeError("exchange.usb_signer_untrusted", subject=subject)
    try:
        context = ValidationContext(trust_roots=[anchor(r) for r in roots], crls=list(crls), allow_fetching=False,
                                    other_certs=[asn1_x509.Certificate.load(c) for c in chain],
                                    revocation_mode="soft-fail", moment=now)
        validator: Any = CertificateValidator(asn1_x509.Certificate.load(der), validation_context=context)
        asyncio.run(validator.async_validate_usage({"digital_signature"}))
    except Exception as exc:  # any path or revocation failure: the package is not trusted
        log.info("USB package signer %s not trusted: %s", subject, exc)
        raise ExchangeError("exchange.usb_signer_untrusted", subject=subject) from exc


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # some file systems (FAT on Windows) cannot open a folder: the rename is what matters
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
