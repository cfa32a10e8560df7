"""Build and parse edXML packages (QCVN 102:2016, standards §5) safely and without holding big files in memory.

Parsing is two steps. The raw bytes stream through a splitter that diverts the base64 text of every
`ContentTransferEncoded` straight into an incremental decoder (to a file in the caller's directory, hashed
as it goes) and keeps the rest, a small skeleton with a random placeholder where each file was. The
skeleton is then parsed by lxml with entities, DTDs and network access off, after refusing any DOCTYPE.
"""

from __future__ import annotations

import binascii
import hashlib
import io
import re
import secrets
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from app.domain.clock import VN_TZ
from app.domain.enums import Urgency
from app.services.exchange.errors import ExchangeError
from app.services.exchange.model import (
    PRIORITY_TO_URGENCY,
    URGENCY_TO_PRIORITY,
    Attachment,
    BusinessDocType,
    BusinessInfo,
    EdxmlDocument,
    EdxmlLimits,
    EdxmlStatus,
    Organization,
    ParsedDocument,
    ParsedStatus,
    ParseWarning,
    ReceiverChange,
    Replacement,
    ResponseFor,
    SignerInfo,
    StaffInfo,
    StatusCode,
    TraceHeader,
    format_document_id,
    is_valid_agency_code,
    parse_document_id,
    parse_status_code,
)
from app.services.exchange.xmldsig import DS, XmlSigner, sign_envelope, verify_envelope

NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
XLINK = "http://www.w3.org/1999/xlink"
_CHUNK = 64 * 1024
_MB = 1024 * 1024

# ---------------------------------------------------------------------------------------------- building


def _e(name: str) -> str:
    return f"{{{NS}}}{name}"


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    el = etree.SubElement(parent, _e(name))
    if text is not None:
        el.text = text
    return el


def _fmt_date(day: date | None) -> str:
    return f"{day:%Y/%m/%d}" if day is not None else ""


def _fmt_ts(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone(VN_TZ)
    return f"{moment:%Y/%m/%d %H:%M:%S}"


def _add_org(parent: etree._Element, name: str, org: Organization) -> None:
    el = _sub(parent, name)
    for tag, value in (
        ("OrganId", org.organ_id),
        ("OrganizationInCharge", org.organization_in_charge),
        ("OrganName", org.name),
        ("OrganAdd", org.address),
        ("Email", org.email),
        ("Telephone", org.telephone),
        ("Fax", org.fax),
        ("Website", org.website),
    ):
        _sub(el, tag, value)


def _add_staff(parent: etree._Element, staff: StaffInfo) -> None:
    el = _sub(parent, "StaffInfo")
    _sub(el, "Department", staff.department)
    _sub(el, "Staff", staff.staff)
    _sub(el, "Mobile", staff.mobile)
    _sub(el, "Email", staff.email)


def _add_response_for(parent: etree._Element, rf: ResponseFor) -> None:
    el = _sub(parent, "ResponseFor")
    _sub(el, "OrganId", rf.organ_id)
    _sub(el, "Code", rf.code)
    _sub(el, "PromulgationDate", _fmt_date(rf.promulgation_date))
    _sub(el, "DocumentId", rf.document_id)


def _check_output_document(doc: EdxmlDocument) -> None:
    """What we send must follow the standard even where we tolerate deviations on input."""
    if parse_document_id(doc.document_id) is None:
        raise ExchangeError("edxml.document_id_invalid", value=doc.document_id)
    for org in (doc.from_agency, *doc.to_agencies):
        if not is_valid_agency_code(org.organ_id):
            raise ExchangeError("edxml.agency_code_invalid", value=org.organ_id)
    if not doc.to_agencies:
        raise ExchangeError("edxml.no_recipient")
    seen: set[str] = set()
    for att in doc.attachments:
        if not att.content_id or any(c.isspace() for c in att.content_id) or att.content_id in seen:
            raise ExchangeError("edxml.attachment_duplicate", content_id=att.content_id, name=att.name)
        seen.add(att.content_id)


def _message_header(header: etree._Element, doc: EdxmlDocument) -> None:
    mh = _sub(header, "MessageHeader")
    _add_org(mh, "From", doc.from_agency)
    for to in doc.to_agencies:
        _add_org(mh, "To", to)
    code = _sub(mh, "Code")
    _sub(code, "CodeNumber", doc.code_number)
    _sub(code, "CodeNotation", doc.code_notation)
    info = _sub(mh, "PromulgationInfo")
    _sub(info, "Place", doc.promulgation_place)
    _sub(info, "PromulgationDate", _fmt_date(doc.promulgation_date))
    dtype = _sub(mh, "DocumentType")
    _sub(dtype, "Type", doc.type_code)
    _sub(dtype, "TypeName", doc.type_name)
    _sub(mh, "Subject", doc.subject)
    _sub(mh, "Content", doc.content)
    signer = _sub(mh, "SignerInfo")
    _sub(signer, "Competence", doc.signer.competence)
    _sub(signer, "Position", doc.signer.position)
    _sub(signer, "FullName", doc.signer.full_name)
    if doc.due_date is not None:
        _sub(mh, "DueDate", _fmt_date(doc.due_date))
    places = _sub(mh, "ToPlaces")
    for place in doc.to_places:
        _sub(places, "Place", place)
    other = _sub(mh, "OtherInfo")
    _sub(other, "Priority", str(URGENCY_TO_PRIORITY[doc.priority]))
    _sub(other, "SphereOfPromulgation", doc.sphere_of_promulgation)
    _sub(other, "TyperNotation", doc.typer_notation)
    if doc.promulgation_amount is not None:
        _sub(other, "PromulgationAmount", str(doc.promulgation_amount))
    if doc.page_amount is not None:
        _sub(other, "PageAmount", str(doc.page_amount))
    if doc.appendixes:
        apps = _sub(other, "Appendixes")
        for title in doc.appendixes:
            _sub(apps, "Appendix", title)
    for rf in doc.response_for:
        _add_response_for(mh, rf)
    if doc.steering_type is not None:
        _sub(mh, "SteeringType", str(doc.steering_type))
    _sub(mh, "DocumentId", doc.document_id)


def _trace_headers(header: etree._Element, doc: EdxmlDocument) -> None:
    thl = _sub(header, "TraceHeaderList")
    for th in doc.trace_headers:
        el = _sub(thl, "TraceHeader")
        _sub(el, "OrganId", th.organ_id)
        _sub(el, "Timestamp", _fmt_ts(th.timestamp))
    biz = doc.business
    b = _sub(thl, "Bussiness")
    _sub(b, "BussinessDocType", str(int(biz.doc_type)))
    _sub(b, "BussinessDocReason", biz.reason)
    if biz.doc_type is not BusinessDocType.NEW or biz.receivers or biz.document_info_changed:
        info = _sub(b, "BussinessDocumentInfo")
        _sub(info, "DocumentInfo", "1" if biz.document_info_changed else "0")
        _sub(info, "DocumentReceiver", "1" if biz.receivers_changed else "0")
        rl = _sub(info, "ReceiverList")
        for rc in biz.receivers:
            r = _sub(rl, "Receiver")
            _sub(r, "ReceiverType", "1" if rc.added else "0")
            _sub(r, "OrganId", rc.organ_id)
    if biz.target_document_id:
        _sub(b, "DocumentId", biz.target_document_id)
    if biz.paper is not None:
        _sub(b, "Paper", "1" if biz.paper else "0")
    if biz.staff is not None:
        _add_staff(b, biz.staff)
    if biz.replacements:
        rl = _sub(b, "ReplacementInfoList")
        for rep in biz.replacements:
            r = _sub(rl, "ReplacementInfo")
            _sub(r, "DocumentId", rep.document_id)
            ol = _sub(r, "OrganIdList")
            for organ in rep.organ_ids:
                _sub(ol, "OrganId", organ)


def write_document(doc: EdxmlDocument, out: BinaryIO, *, signer: XmlSigner | None = None) -> None:
    """Write a document package; attachments given by path are base64-encoded in chunks."""
    _check_output_document(doc)
    root = etree.Element(_e("edXML"), nsmap={None: NS})
    envelope = etree.SubElement(root, _e("edXMLEnvelope"), nsmap={"edXML": NS, "xlink": XLINK})
    header = _sub(envelope, "edXMLHeader")
    _message_header(header, doc)
    _trace_headers(header, doc)
    body = _sub(envelope, "edXMLBody")
    manifest = _sub(body, "edXMLManifest")
    manifest.set("version", "1.0")
    for att in doc.attachments:
        ref = _sub(manifest, "Reference")
        ref.set(f"{{{XLINK}}}href", f"cid:{att.content_id}")
        ref.set(f"{{{XLINK}}}type", "simple")
        _sub(ref, "ContentId", att.content_id)
        _sub(ref, "ContentType", att.content_type)
        _sub(ref, "Description", att.description)
        _sub(ref, "AttachmentName", att.name)
    if signer is not None:
        digests = {a.content_id: bytes.fromhex(a.sha256) for a in doc.attachments}
        sign_envelope(envelope, header, digests, signer)
    encoded = etree.SubElement(root, _e("AttachmentEncoded"))
    placeholders: list[bytes] = []
    for att in doc.attachments:
        a = etree.SubElement(encoded, _e("Attachment"))
        for tag, value in (
            ("ContentId", att.content_id),
            ("AttachmentName", att.name),
            ("ContentType", att.content_type),
            ("Description", att.description),
        ):
            etree.SubElement(a, _e(tag)).text = value
        token = f"ATT-{secrets.token_hex(12)}"
        etree.SubElement(a, _e("ContentTransferEncoded")).text = token
        placeholders.append(token.encode("ascii"))
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    for att, marker in zip(doc.attachments, placeholders, strict=True):
        before, xml = xml.split(marker, 1)
        out.write(before)
        _write_base64(att, out)
    out.write(xml)


def _write_base64(att: Attachment, out: BinaryIO) -> None:
    digest = hashlib.sha256()
    size = 0
    for chunk in _attachment_chunks(att):
        digest.update(chunk)
        size += len(chunk)
        out.write(binascii.b2a_base64(chunk, newline=False))
    if digest.hexdigest() != att.sha256 or size != att.size:
        raise ExchangeError("edxml.attachment_changed", name=att.name)


def _attachment_chunks(att: Attachment) -> Iterator[bytes]:
    step = 3 * _CHUNK  # a multiple of 3: the base64 pieces join without padding in between
    if att.data is not None:
        for i in range(0, len(att.data), step):
            yield att.data[i : i + step]
        return
    if att.path is None:
        raise ExchangeError("edxml.attachment_missing", name=att.name, content_id=att.content_id)
    try:
        with att.path.open("rb") as fh:
            while chunk := fh.read(step):
                yield chunk
    except FileNotFoundError:
        raise ExchangeError("edxml.attachment_missing", name=att.name, content_id=att.content_id) from None


def build_document(doc: EdxmlDocument, *, signer: XmlSigner | None = None) -> bytes:
    out = io.BytesIO()
    write_document(doc, out, signer=signer)
    return out.getvalue()


def build_status(status: EdxmlStatus, *, signer: XmlSigner | None = None) -> bytes:
    """A status package as in §5.7: the envelope is the root; the body is empty."""
    if status.status_code is StatusCode.REFUSED and not status.description.strip():
        raise ExchangeError("edxml.status_reason_required")
    if not is_valid_agency_code(status.from_agency.organ_id):
        raise ExchangeError("edxml.agency_code_invalid", value=status.from_agency.organ_id)
    envelope = etree.Element(_e("edXMLEnvelope"), nsmap={"edXML": NS})
    header = _sub(envelope, "edXMLHeader")
    st = _sub(header, "Status")
    _add_response_for(st, status.response_for)
    _add_org(st, "From", status.from_agency)
    _sub(st, "StatusCode", status.status_code.value)
    _sub(st, "Description", status.description)
    _sub(st, "Timestamp", _fmt_ts(status.timestamp))
    if status.staff is not None:
        _add_staff(st, status.staff)
    if signer is not None:
        sign_envelope(envelope, header, {}, signer)
    _sub(envelope, "edXMLBody")
    return bytes(etree.tostring(envelope, xml_declaration=True, encoding="UTF-8"))


# ---------------------------------------------------------------------------------------------- streaming

_OPEN_ENCODED = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?ContentTransferEncoded(?:\s[^<>]*)?/?>", re.IGNORECASE)
_LAST_NAME = re.compile(rb"AttachmentName>([^<]{0,255})<", re.IGNORECASE)
_FORBIDDEN = re.compile(rb"<!DOCTYPE|<!ENTITY|<!ELEMENT|<!ATTLIST", re.IGNORECASE)
_WS = b" \t\r\n"


@dataclass
class _Blob:
    """One decoded attachment: where it went and the digests of its transferred bytes."""

    index: int
    path: Path | None
    data: bytearray | None
    sha256: str = ""
    sha1: bytes = b""
    size: int = 0
    head: bytes = b""
    claimed: bool = field(default=False)

    def sha256_bytes(self) -> bytes:
        return bytes.fromhex(self.sha256)


class _Base64Sink:
    """Incremental, strict base64 decoding into a file or memory, hashing and counting as it goes."""

    def __init__(self, blob: _Blob, limit: int, name: str) -> None:
        self._blob = blob
        self._limit = limit
        self._name = name
        self._fh = blob.path.open("xb") if blob.path is not None else None
        self._carry = b""
        self._padded = False
        self._sha256 = hashlib.sha256()
        self._sha1 = hashlib.sha1()

    def feed(self, raw: bytes) -> None:
        data = raw.translate(None, _WS)
        if not data:
            return
        if self._padded:
            self._bad()
        data = self._carry + data
        cut = len(data) - len(data) % 4
        self._carry = data[cut:]
        if cut:
            block = data[:cut]
            try:
                decoded = binascii.a2b_base64(block, strict_mode=True)
            except binascii.Error:
                self._bad()
            self._padded = block.endswith(b"=")
            self._write(decoded)

    def _bad(self) -> None:
        raise ExchangeError("edxml.attachment_bad_base64", name=self._name)

    def _write(self, decoded: bytes) -> None:
        blob = self._blob
        blob.size += len(decoded)
        if blob.size > self._limit:
            raise ExchangeError("edxml.attachment_too_large", name=self._name, limit_mb=self._limit // _MB)
        if len(blob.head) < 8:
            blob.head = (blob.head + decoded[:8])[:8]
        self._sha256.update(decoded)
        self._sha1.update(decoded)
        if self._fh is not None:
            self._fh.write(decoded)
        elif blob.data is not None:
            blob.data += decoded

    def finish(self) -> _Blob:
        self.close()
        if self._carry:
            self._bad()
        self._blob.sha256 = self._sha256.hexdigest()
        self._blob.sha1 = self._sha1.digest()
        return self._blob

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


class _Splitter:
    """Separates the skeleton (everything but attachment text) from the base64 it streams to sinks."""

    def __init__(self, limits: EdxmlLimits, directory: Path | None, nonce: str) -> None:
        self.skeleton = bytearray()
        self.blobs: list[_Blob] = []
        self._sinks: list[_Base64Sink] = []
        self._limits = limits
        self._dir = directory
        self._nonce = nonce
        self._pending = b""
        self._sink: _Base64Sink | None = None
        self.extra_files: list[Path] = []

    def placeholder(self, index: int) -> str:
        return f"{self._nonce}-{index}"

    def feed(self, chunk: bytes) -> None:
        buf = self._pending + chunk
        self._pending = b""
        while buf:
            if self._sink is not None:
                end = buf.find(b"<")
                if end < 0:
                    self._sink.feed(buf)
                    return
                self._sink.feed(buf[:end])
                self._sink.finish()
                self._sink = None
                buf = buf[end:]
                continue
            m = _OPEN_ENCODED.search(buf)
            if m is not None:
                self._emit(buf[: m.end()])
                if not m.group(0).endswith(b"/>"):
                    self._open_sink()
                buf = buf[m.end() :]
                continue
            lt = buf.rfind(b"<")
            if lt >= 0 and b">" not in buf[lt:] and len(buf) - lt < 512:
                self._emit(buf[:lt])
                self._pending = buf[lt:]
            else:
                self._emit(buf)
            return

    def _emit(self, data: bytes) -> None:
        self.skeleton += data
        if len(self.skeleton) > self._limits.max_header_bytes:
            raise ExchangeError("edxml.header_too_large", limit_mb=self._limits.max_header_bytes // _MB)

    def _open_sink(self) -> None:
        index = len(self.blobs)
        if index >= self._limits.max_attachments:
            raise ExchangeError("edxml.too_many_attachments", limit=self._limits.max_attachments)
        names = _LAST_NAME.findall(bytes(self.skeleton[-4096:]))
        name = names[-1].decode("utf-8", "replace").strip() if names else f"#{index + 1}"
        blob = self.new_blob(index)
        self.blobs.append(blob)
        self._sink = _Base64Sink(blob, self._limits.max_attachment_bytes, name)
        self._sinks.append(self._sink)
        self._emit(self.placeholder(index).encode("ascii"))

    def new_blob(self, index: int) -> _Blob:
        if self._dir is None:
            return _Blob(index, None, bytearray())
        return _Blob(index, self._dir / f"{self._nonce}-{index}.bin", None)

    def close(self) -> None:
        if self._sink is not None:
            raise ExchangeError("edxml.malformed", reason="truncated")
        self._emit(self._pending)
        self._pending = b""

    def abort(self) -> None:
        """Close and delete every file this parse created: a refused package leaves nothing behind."""
        for sink in self._sinks:
            sink.close()
        for blob in self.blobs:
            if blob.path is not None:
                blob.path.unlink(missing_ok=True)
        for path in self.extra_files:
            path.unlink(missing_ok=True)


def _chunks(source: bytes | Path | BinaryIO, limit: int) -> Iterator[bytes]:
    total = 0

    def count(n: int) -> None:
        nonlocal total
        total += n
        if total > limit:
            raise ExchangeError("edxml.package_too_large", limit_mb=limit // _MB)

    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        count(len(data))
        for i in range(0, len(data), _CHUNK):
            yield data[i : i + _CHUNK]
        return
    if isinstance(source, Path):
        try:
            fh: BinaryIO = source.open("rb")
        except FileNotFoundError:
            raise ExchangeError("edxml.package_missing", path=str(source)) from None
        with fh:
            yield from _chunks(fh, limit)
        return
    while chunk := source.read(_CHUNK):
        count(len(chunk))
        yield chunk


# ---------------------------------------------------------------------------------------------- parsing

_DATE_FORMATS = (("%Y/%m/%d", True), ("%Y-%m-%d", False), ("%d/%m/%Y", False))
_TS_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M:%S", "%Y/%m/%d %H:%M")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"\xd0\xcf\x11\xe0", "application/msword"),
)
_ZIP_BASED = ("zip", "openxmlformats", "opendocument", "epub", "java-archive")
_ALIASES = {"image/jpg": "image/jpeg", "application/x-pdf": "application/pdf", "application/x-zip-compressed":
            "application/zip"}
_GENERIC = {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}


def _lname(el: etree._Element) -> str:
    return etree.QName(el).localname.lower() if isinstance(el.tag, str) else ""


def _kids(el: etree._Element | None, name: str) -> list[etree._Element]:
    if el is None:
        return []
    return [c for c in el if _lname(c) == name]


def _kid(el: etree._Element | None, *path: str) -> etree._Element | None:
    for name in path:
        found = _kids(el, name)
        el = found[0] if found else None
    return el


def _text(el: etree._Element | None, *path: str) -> str:
    found = _kid(el, *path)
    return (found.text or "").strip() if found is not None else ""


def _descendant(el: etree._Element, name: str) -> etree._Element | None:
    for d in el.iter():
        if _lname(d) == name:
            return d
    return None


class _Reader:
    """Turns a parsed skeleton into dataclasses, collecting the warnings of §5.3a as it goes."""

    def __init__(self, blobs: dict[str, _Blob], splitter: _Splitter, limits: EdxmlLimits) -> None:
        self.warnings: list[ParseWarning] = []
        self._blobs = blobs
        self._splitter = splitter
        self._limits = limits
        self._extra = 0
        self.blob_of: dict[str, _Blob] = {}

    def warn(self, code: str, **params: object) -> None:
        w = ParseWarning.of(code, **params)
        if w not in self.warnings:
            self.warnings.append(w)

    # -- values

    def date(self, text: str, field_name: str) -> date | None:
        if not text:
            return None
        for fmt, standard in _DATE_FORMATS:
            try:
                day = datetime.strptime(text, fmt).date()
            except ValueError:
                continue
            if not standard:
                self.warn("edxml.warn.date_normalised", field=field_name, value=text)
            return day
        self.warn("edxml.warn.bad_date", field=field_name, value=text)
        return None

    def timestamp(self, text: str, field_name: str) -> datetime | None:
        if not text:
            return None
        for fmt in _TS_FORMATS:
            try:
                return datetime.strptime(text, fmt).replace(tzinfo=VN_TZ)
            except ValueError:
                continue
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            self.warn("edxml.warn.bad_timestamp", field=field_name, value=text)
            return None
        self.warn("edxml.warn.date_normalised", field=field_name, value=text)
        return moment.replace(tzinfo=VN_TZ) if moment.tzinfo is None else moment.astimezone(VN_TZ)

    def integer(self, text: str, field_name: str) -> int | None:
        if not text:
            return None
        if text.isdigit() and len(text) < 10:
            return int(text)
        self.warn("edxml.warn.bad_number", field=field_name, value=text)
        return None

    def organ_id(self, text: str, field_name: str) -> str:
        if text.lower() in ("null", "none"):
            text = ""
        if not is_valid_agency_code(text):
            self.warn("edxml.warn.organ_id_nonstandard", field=field_name, value=text)
        return text

    def organization(self, el: etree._Element | None, field_name: str) -> Organization:
        return Organization(
            organ_id=self.organ_id(_text(el, "organid"), field_name),
            name=_text(el, "organname"),
            organization_in_charge=_text(el, "organizationincharge"),
            address=_text(el, "organadd"),
            email=_text(el, "email"),
            telephone=_text(el, "telephone"),
            fax=_text(el, "fax"),
            website=_text(el, "website"),
        )

    def staff(self, el: etree._Element | None) -> StaffInfo | None:
        if el is None:
            return None
        return StaffInfo(_text(el, "department"), _text(el, "staff"), _text(el, "mobile"), _text(el, "email"))

    def response_for(self, el: etree._Element) -> ResponseFor:
        return ResponseFor(
            organ_id=_text(el, "organid"),
            code=_text(el, "code"),
            promulgation_date=self.date(_text(el, "promulgationdate"), "ResponseFor/PromulgationDate"),
            document_id=self.document_id(_text(el, "documentid"), "ResponseFor/DocumentId"),
        )

    def document_id(self, text: str, field_name: str) -> str:
        if not text:
            return ""
        if parse_document_id(text) is not None:
            return text
        parts = parse_document_id(text, lenient=True)
        if parts is not None:
            self.warn("edxml.warn.document_id_normalised", field=field_name, value=text)
            return format_document_id(parts.organ_id, parts.promulgation_date, parts.code_number, parts.code_notation)
        self.warn("edxml.warn.document_id_nonstandard", field=field_name, value=text)
        return text

    # -- packages

    def document(self, mh: etree._Element, header: etree._Element, envelope: etree._Element,
                 root: etree._Element) -> EdxmlDocument:
        other = _kid(mh, "otherinfo")
        code_number = _text(mh, "code", "codenumber")
        code_notation = _text(mh, "code", "codenotation")
        from_agency = self.organization(_kid(mh, "from"), "From")
        promulgated = self.date(_text(mh, "promulgationinfo", "promulgationdate"), "PromulgationDate")
        document_id = self.document_id(_text(mh, "documentid"), "DocumentId")
        if not document_id and from_agency.organ_id and promulgated and code_number:
            document_id = format_document_id(from_agency.organ_id, promulgated, code_number, code_notation)
        for name, value in (("From/OrganId", from_agency.organ_id), ("CodeNumber", code_number),
                            ("PromulgationDate", promulgated), ("Subject", _text(mh, "subject")),
                            ("DocumentId", document_id)):
            if not value:
                self.warn("edxml.warn.missing_field", field=name)
        signer = _kid(mh, "signerinfo")
        full_name = _text(signer, "fullname") or _text(signer, "author", "fullname")
        return EdxmlDocument(
            from_agency=from_agency,
            to_agencies=tuple(self.organization(t, "To") for t in _kids(mh, "to")),
            code_number=code_number,
            code_notation=code_notation,
            promulgation_place=_text(mh, "promulgationinfo", "place"),
            promulgation_date=promulgated,
            document_id=document_id,
            subject=_text(mh, "subject"),
            content=_text(mh, "content"),
            type_code=_text(mh, "documenttype", "type"),
            type_name=_text(mh, "documenttype", "typename"),
            signer=SignerInfo(_text(signer, "competence"), _text(signer, "position"), full_name),
            due_date=self.date(_text(mh, "duedate"), "DueDate"),
            to_places=tuple((p.text or "").strip() for p in _kids(_kid(mh, "toplaces"), "place")),
            priority=self.priority(_text(other, "priority")),
            sphere_of_promulgation=_text(other, "sphereofpromulgation"),
            typer_notation=_text(other, "typernotation"),
            promulgation_amount=self.integer(_text(other, "promulgationamount"), "PromulgationAmount"),
            page_amount=self.integer(_text(other, "pageamount"), "PageAmount"),
            appendixes=tuple((a.text or "").strip() for a in _kids(_kid(other, "appendixes"), "appendix")),
            response_for=tuple(self.response_for(r) for r in _kids(mh, "responsefor")),
            steering_type=self.integer(_text(mh, "steeringtype"), "SteeringType"),
            trace_headers=self.trace_headers(_kid(header, "traceheaderlist")),
            business=self.business(_kid(header, "traceheaderlist", "bussiness")),
            attachments=self.attachments(envelope, root),
        )

    def priority(self, text: str) -> Urgency:
        if not text:
            return Urgency.NORMAL
        if not text.isdigit() or int(text) not in PRIORITY_TO_URGENCY:
            raise ExchangeError("edxml.invalid_priority", value=text)
        return PRIORITY_TO_URGENCY[int(text)]

    def trace_headers(self, thl: etree._Element | None) -> tuple[TraceHeader, ...]:
        result = []
        for th in _kids(thl, "traceheader"):
            moment = self.timestamp(_text(th, "timestamp"), "TraceHeader/Timestamp")
            if moment is not None:
                result.append(TraceHeader(_text(th, "organid"), moment))
        return tuple(result)

    def business(self, b: etree._Element | None) -> BusinessInfo:
        if b is None:
            return BusinessInfo()
        raw = _text(b, "bussinessdoctype")
        if raw and (not raw.isdigit() or int(raw) not in {t.value for t in BusinessDocType}):
            raise ExchangeError("edxml.invalid_business_doc_type", value=raw)
        info = _kid(b, "bussinessdocumentinfo")
        paper = _text(b, "paper")
        return BusinessInfo(
            doc_type=BusinessDocType(int(raw)) if raw else BusinessDocType.NEW,
            reason=_text(b, "bussinessdocreason"),
            document_info_changed=_text(info, "documentinfo") == "1",
            receivers_changed=_text(info, "documentreceiver") == "1",
            receivers=tuple(
                ReceiverChange(_text(r, "receivertype") == "1", _text(r, "organid"))
                for r in _kids(_kid(info, "receiverlist"), "receiver")
            ),
            target_document_id=self.document_id(_text(b, "documentid"), "Bussiness/DocumentId"),
            staff=self.staff(_kid(b, "staffinfo")),
            paper=None if paper == "" else paper == "1",
            replacements=tuple(
                Replacement(_text(r, "documentid"), tuple((o.text or "").strip()
                                                          for o in _kids(_kid(r, "organidlist"), "organid")))
                for r in _kids(_kid(b, "replacementinfolist"), "replacementinfo")
            ),
        )

    def status(self, st: etree._Element) -> EdxmlStatus:
        rf = _kid(st, "responsefor")
        code = parse_status_code(_text(st, "statuscode"))
        raw_ts = _text(st, "timestamp")
        moment = self.timestamp(raw_ts, "Timestamp")
        if moment is None:
            raise ExchangeError("edxml.invalid_timestamp", value=raw_ts)
        description = _text(st, "description")
        if code is StatusCode.REFUSED and not description:
            self.warn("edxml.warn.missing_field", field="Description")
        if rf is None:
            self.warn("edxml.warn.missing_field", field="ResponseFor")
        return EdxmlStatus(
            response_for=self.response_for(rf) if rf is not None else ResponseFor("", "", None, ""),
            from_agency=self.organization(_kid(st, "from"), "From"),
            status_code=code,
            timestamp=moment,
            description=description,
            staff=self.staff(_kid(st, "staffinfo")),
        )

    # -- attachments

    def attachments(self, envelope: etree._Element, root: etree._Element) -> tuple[Attachment, ...]:
        manifest_el = _descendant(envelope, "edxmlmanifest")
        manifest: dict[str, etree._Element] = {}
        for ref in _kids(manifest_el, "reference"):
            cid = _text(ref, "contentid") or ref.get(f"{{{XLINK}}}href", "").removeprefix("cid:")
            if cid in manifest:
                raise ExchangeError("edxml.attachment_duplicate", content_id=cid, name=_text(ref, "attachmentname"))
            manifest[cid] = ref
        result: list[Attachment] = []
        for enc in (e for e in root.iter() if _lname(e) == "attachmentencoded"):
            for att in _kids(enc, "attachment"):
                result.append(self.encoded_attachment(att, manifest))
        inline = _descendant(envelope, "edxmlattachments")
        if inline is not None:
            self.warn("edxml.warn.inline_attachments")
            for i, att in enumerate(_kids(inline, "attachment")):
                result.append(self.inline_attachment(att, i))
        seen = {a.content_id for a in result}
        if len(seen) != len(result):
            dup = next(a for a in result if sum(b.content_id == a.content_id for b in result) > 1)
            raise ExchangeError("edxml.attachment_duplicate", content_id=dup.content_id, name=dup.name)
        for cid, ref in manifest.items():
            if cid not in seen:
                raise ExchangeError("edxml.attachment_missing", content_id=cid, name=_text(ref, "attachmentname"))
        if manifest_el is None and result and inline is None:
            self.warn("edxml.warn.no_manifest")
        return tuple(result)

    def encoded_attachment(self, att: etree._Element, manifest: dict[str, etree._Element]) -> Attachment:
        cid = _text(att, "contentid")
        ref = manifest.get(cid)
        name = _text(att, "attachmentname") or _text(ref, "attachmentname")
        if manifest and ref is None:
            raise ExchangeError("edxml.attachment_not_in_manifest", content_id=cid, name=name)
        blob = self.claim(_kid(att, "contenttransferencoded"), name)
        declared = _text(att, "contenttype") or _text(ref, "contenttype")
        description = _text(att, "description") or _text(ref, "description")
        return self.finish(cid, name, declared, description, blob)

    def inline_attachment(self, att: etree._Element, index: int) -> Attachment:
        name = _text(att, "attachmentname")
        blob = self.claim(_kid(att, "attachmentdata"), name)
        size = _text(att, "attachmentsize")
        if size.isdigit() and int(size) != blob.size:
            raise ExchangeError("edxml.attachment_size_mismatch", name=name, declared=int(size), actual=blob.size)
        return self.finish(f"inline-{index + 1}", name, _text(att, "attachmenttype"), "", blob)

    def claim(self, data_el: etree._Element | None, name: str) -> _Blob:
        """The streamed blob behind a placeholder, or text that stayed in the skeleton decoded now."""
        text = "".join(data_el.itertext()) if data_el is not None else ""
        stripped = text.strip()
        prefix = self._splitter.placeholder(0).rsplit("-", 1)[0] + "-"
        if stripped.startswith(prefix):
            index = stripped[len(prefix):]
            blob = self._blobs.get(index)
            if blob is None or blob.claimed:
                raise ExchangeError("edxml.malformed", reason="attachment")
            blob.claimed = True
            return blob
        if prefix in text:
            raise ExchangeError("edxml.malformed", reason="attachment")
        self._extra += 1
        if len(self._blobs) + self._extra > self._limits.max_attachments:
            raise ExchangeError("edxml.too_many_attachments", limit=self._limits.max_attachments)
        blob = self._splitter.new_blob(10_000 + self._extra)
        if blob.path is not None:
            self._splitter.extra_files.append(blob.path)
        sink = _Base64Sink(blob, self._limits.max_attachment_bytes, name)
        self._splitter._sinks.append(sink)
        sink.feed(text.encode("ascii", "replace"))
        blob = sink.finish()
        blob.claimed = True
        self._blobs[f"x{self._extra}"] = blob
        return blob

    def finish(self, cid: str, name: str, declared: str, description: str, blob: _Blob) -> Attachment:
        self.blob_of[cid] = blob
        declared_clean = declared.split(";")[0].strip().lower()
        declared_clean = _ALIASES.get(declared_clean, declared_clean)
        sniffed = next((mime for magic, mime in _MAGIC if blob.head.startswith(magic)), "")
        zip_expected = any(z in declared_clean for z in _ZIP_BASED) or name.lower().endswith(
            (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".zip", ".7z", ".rar", ".jar"))
        data: bytes | None = bytes(blob.data) if blob.data is not None else None
        path, sha256, size = blob.path, blob.sha256, blob.size
        if sniffed == "application/zip" and not zip_expected:
            unzipped = self.unzip(blob, name)
            if unzipped is not None:
                data, path, sha256, size, head = unzipped
                sniffed = next((mime for magic, mime in _MAGIC if head.startswith(magic)), "")
        content_type = declared_clean or "application/octet-stream"
        if sniffed and sniffed != declared_clean and not (sniffed == "application/zip" and zip_expected):
            if declared_clean not in _GENERIC:
                self.warn("edxml.warn.content_type_mismatch", name=name, declared=declared, actual=sniffed)
            content_type = sniffed
        return Attachment(cid, name, content_type, sha256, size, description, data, path)

    def unzip(self, blob: _Blob, name: str) -> tuple[bytes | None, Path | None, str, int, bytes] | None:
        """§5.3: some producers ZIP the file before base64; a single-member zip is opened, anything else kept."""
        source: BinaryIO = blob.path.open("rb") if blob.path is not None else io.BytesIO(bytes(blob.data or b""))
        try:
            with source, zipfile.ZipFile(source) as zf:
                members = [i for i in zf.infolist() if not i.is_dir()]
                if len(members) != 1:
                    self.warn("edxml.warn.zip_kept", name=name)
                    return None
                out_blob = self._splitter.new_blob(20_000 + blob.index)
                target = out_blob.path.open("xb") if out_blob.path is not None else None
                digest, size, head, buf = hashlib.sha256(), 0, b"", bytearray()
                try:
                    with zf.open(members[0]) as member:
                        while chunk := member.read(_CHUNK):
                            size += len(chunk)
                            if size > self._limits.max_attachment_bytes:
                                raise ExchangeError("edxml.attachment_too_large", name=name,
                                                    limit_mb=self._limits.max_attachment_bytes // _MB)
                            head = (head + chunk[:8])[:8] if len(head) < 8 else head
                            digest.update(chunk)
                            if target is not None:
                                target.write(chunk)
                            else:
                                buf += chunk
                finally:
                    if target is not None:
                        target.close()
                        self._splitter.extra_files.append(out_blob.path)  # type: ignore[arg-type]
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, RuntimeError, ValueError, OSError):
            self.warn("edxml.warn.zip_kept", name=name)
            return None
        self.warn("edxml.warn.attachment_unzipped", name=name)
        if blob.path is not None:
            blob.path.unlink(missing_ok=True)
        return (None if out_blob.path is not None else bytes(buf)), out_blob.path, digest.hexdigest(), size, head


_SAFE_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


def _safe_parse(skeleton: bytes) -> etree._Element:
    if _FORBIDDEN.search(skeleton):
        raise ExchangeError("edxml.doctype_forbidden")
    parser = etree.XMLParser(**_SAFE_PARSER_OPTIONS)
    try:
        root = etree.fromstring(skeleton, parser)
    except etree.XMLSyntaxError as exc:
        raise ExchangeError("edxml.malformed", reason=str(exc)[:200]) from None
    if root is None:
        raise ExchangeError("edxml.malformed", reason="empty")
    if root.getroottree().docinfo.doctype:
        raise ExchangeError("edxml.doctype_forbidden")
    return root


def _locate(root: etree._Element) -> tuple[etree._Element, etree._Element, etree._Element]:
    """(envelope, header, MessageHeader or Status), by local name: tolerates SOAP wrappers and odd prefixes."""
    header = root if _lname(root) == "edxmlheader" else _descendant(root, "edxmlheader")
    candidates = [header] if header is not None else [root]
    for scope in candidates:
        for el in scope.iter():
            if _lname(el) in ("messageheader", "status") and el is not root:
                parent = el.getparent()
                head = header if header is not None else parent
                assert head is not None
                envelope = head
                for anc in head.iterancestors():
                    if _lname(anc) == "edxmlenvelope":
                        envelope = anc
                        break
                else:
                    envelope = root if header is None else (header.getparent() or root)
                return envelope, head, el
    raise ExchangeError("edxml.not_edxml")


def _check_prefixes(envelope: etree._Element, reader: _Reader) -> None:
    """Vector 9: envelope children without the `edXML` prefix are accepted with an interop warning."""
    for el in envelope.iter():
        if not isinstance(el.tag, str) or etree.QName(el).namespace == DS:
            continue
        if el.prefix != "edXML":
            reader.warn("edxml.warn.unprefixed", element=etree.QName(el).localname)
            return


def parse_package(
    source: bytes | Path | BinaryIO,
    *,
    attachments_dir: Path | None = None,
    limits: EdxmlLimits | None = None,
    allow_bad_signature: bool = False,
) -> ParsedDocument | ParsedStatus:
    """Parse an untrusted package; attachments go to files in `attachments_dir` (or memory when None).

    A signature that fails raises its code (with `document_id` and `sender`, so the caller can answer
    status 02) unless `allow_bad_signature`; an unsigned package is accepted with a warning.
    """
    limits = limits or EdxmlLimits()
    splitter = _Splitter(limits, attachments_dir, f"ATT{secrets.token_hex(10)}")
    try:
        for chunk in _chunks(source, limits.max_package_bytes):
            splitter.feed(chunk)
        splitter.close()
        return _interpret(splitter, limits, allow_bad_signature)
    except BaseException:
        splitter.abort()
        raise


def _interpret(splitter: _Splitter, limits: EdxmlLimits, allow_bad_signature: bool) -> ParsedDocument | ParsedStatus:
    root = _safe_parse(bytes(splitter.skeleton))
    blobs = {str(b.index): b for b in splitter.blobs}
    reader = _Reader(blobs, splitter, limits)
    envelope, header, main = _locate(root)
    _check_prefixes(envelope, reader)
    is_status = _lname(main) == "status"
    result_doc = None if is_status else reader.document(main, header, envelope, root)
    result_status = reader.status(main) if is_status else None
    if any(not b.claimed for b in splitter.blobs):
        raise ExchangeError("edxml.malformed", reason="attachment outside an Attachment element")
    digests = {
        a.content_id: {"sha256": b.sha256_bytes(), "sha1": b.sha1}
        for a, b in _transfer_blobs(result_doc, reader)
    }
    signature = verify_envelope(envelope, _kid(header, "signature"), digests)
    if not signature.signed:
        reader.warn("edxml.warn.unsigned")
    elif not signature.valid and not allow_bad_signature:
        doc_id = result_doc.document_id if result_doc else (result_status.response_for.document_id
                                                            if result_status else "")
        sender = (result_doc.from_agency if result_doc else result_status.from_agency if result_status else None)
        raise ExchangeError(signature.problem, document_id=doc_id, sender=sender.organ_id if sender else "",
                            subject=signature.subject)
    warnings = tuple(reader.warnings)
    if result_status is not None:
        return ParsedStatus(result_status, signature, warnings)
    assert result_doc is not None
    return ParsedDocument(result_doc, signature, warnings)


def _transfer_blobs(doc: EdxmlDocument | None, reader: _Reader) -> list[tuple[Attachment, _Blob]]:
    if doc is None:
        return []
    return [(a, reader.blob_of[a.content_id]) for a in doc.attachments]


def parse_document(source: bytes | Path | BinaryIO, *, attachments_dir: Path | None = None,
                   limits: EdxmlLimits | None = None, allow_bad_signature: bool = False) -> ParsedDocument:
    result = parse_package(source, attachments_dir=attachments_dir, limits=limits,
                           allow_bad_signature=allow_bad_signature)
    if not isinstance(result, ParsedDocument):
        raise ExchangeError("edxml.not_a_document")
    return result


def parse_status(source: bytes | Path | BinaryIO, *, limits: EdxmlLimits | None = None,
                 allow_bad_signature: bool = False) -> ParsedStatus:
    result = parse_package(source, limits=limits, allow_bad_signature=allow_bad_signature)
    if not isinstance(result, ParsedStatus):
        for att in result.document.attachments:
            if att.path is not None:
                att.path.unlink(missing_ok=True)
        raise ExchangeError("edxml.not_a_status")
    return result
