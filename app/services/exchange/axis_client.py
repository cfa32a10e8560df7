"""HTTP client of the provincial exchange axis (standards §7): send, list, fetch, acknowledge, directory.

Every operation is `POST {endpoint}/{operation}` with parameters in headers and a JSON reply
`{"status": "OK"|"FAIL", "ErrorCode", "ErrorDesc", ...}`, behind a bearer token from `POST {endpoint}/token`
(client credentials: our agency code and the secret the operator issued). The protocol details the spec leaves
open follow axis_sandbox/app.py.

Failures become `ExchangeError` codes a clerk can act on:
- `axis.unreachable`   no connection, timeouts or a broken connection, after the retries;
- `axis.server_error`  5xx after the retries;
- `axis.bad_reply`     a reply that is not the JSON the protocol promises (garbage, truncated, bad base64,
                       a downloaded package whose hash or size differs from what the axis announced);
- `axis.credentials_refused` / `axis.unauthorized`  the secret is wrong / a fresh token is refused;
- `axis.certificate_untrusted`  the axis's TLS certificate does not chain to what we trust (not retried);
- `axis.forbidden`, `axis.not_found`, `axis.too_large`, `axis.rejected` (any other refusal, with the axis's text).

Network errors, 5xx, 408 and 429 are retried with exponential backoff and jitter (Retry-After is honoured up to
the cap); other 4xx and bad replies are not, since repeating them cannot help. A retried `sendEdoc` may deliver
twice: delivery is at-least-once and receivers de-duplicate by DocumentId (design §7). A 401 triggers one token
refresh and one repeat. Packages download as a stream into a file, never whole in memory.
"""

from __future__ import annotations

import binascii
import hashlib
import json
import logging
import random
import re
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, TypeVar

import httpx

from app.domain.clock import VN_TZ
from app.services.exchange.errors import ExchangeError

log = logging.getLogger(__name__)

T = TypeVar("T")
Content = bytes | Iterator[bytes]
_MB = 1024 * 1024
_FILE_CHUNK = 256 * 1024
_MAX_JSON_REPLY = 64 * _MB
_MAX_SKELETON = 1 * _MB
_RETRYABLE_4XX = (408, 429)
_TIME_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%Y/%m/%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=60.0, pool=10.0)


class MessageType(StrEnum):
    EDOC = "edoc"
    STATUS = "status"


class TransportStatus(StrEnum):
    """Transport states of one delivery (§7); business statuses travel as status packages instead."""

    INBOX = "inbox"
    ACCEPTANCE = "acceptance"
    REJECTION = "rejection"
    PROCESSING = "processing"
    FAIL = "fail"
    DONE = "done"  # acknowledged: the axis stops listing it


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, attempt: int, draw: float, retry_after: float | None = None) -> float:
        """Equal jitter: half the exponential step plus a random half; Retry-After wins when longer (capped)."""
        step = min(self.max_delay, self.base_delay * 2.0**attempt)
        wait = step / 2 + draw * step / 2
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_delay))
        return wait


@dataclass(frozen=True)
class ReceivedEdoc:
    doc_id: str
    sender: str
    receiver: str
    service_type: str
    message_type: MessageType
    status: str
    status_desc: str
    created: datetime | None
    updated: datetime | None
    sha256: str = ""
    size: int | None = None


@dataclass(frozen=True)
class ReceiverState:
    code: str
    status: str
    status_desc: str
    updated: datetime | None
    fetched: datetime | None


@dataclass(frozen=True)
class SentEdoc:
    doc_id: str
    recipients: tuple[str, ...]
    service_type: str
    message_type: MessageType
    created: datetime | None
    receivers: tuple[ReceiverState, ...]
    sha256: str = ""
    size: int | None = None


@dataclass(frozen=True)
class AxisAgency:
    code: str
    parent_code: str
    name: str
    mail: str
    level: int | None = None


@dataclass(frozen=True)
class AgencyPage:
    items: tuple[AxisAgency, ...]
    total: int
    page: int
    page_size: int


@dataclass(frozen=True)
class DownloadedEdoc:
    doc_id: str
    path: Path
    size: int
    sha256: str
    message_type: MessageType | None


class _Retry(Exception):
    """A failure worth another attempt; carries the error to raise when attempts run out."""

    def __init__(self, error: ExchangeError, retry_after: float | None = None) -> None:
        super().__init__(error.code)
        self.error = error
        self.retry_after = retry_after


class AxisClient:
    """One connecting system (our agency) talking to one axis endpoint. Thread-safe; close it when done."""

    def __init__(
        self,
        endpoint: str,
        system_id: str,
        secret: str,
        *,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        verify: bool | ssl.SSLContext = True,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.endpoint = endpoint.rstrip("/")
        self.system_id = system_id
        self._secret = secret
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._jitter = jitter
        self._monotonic = monotonic
        self._http = httpx.Client(timeout=timeout, verify=verify, transport=transport, follow_redirects=False)
        self._token: str | None = None
        self._token_expires = 0.0
        self._token_lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> AxisClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------ operations

    def send_edoc(self, package: bytes | Path, to: Sequence[str], *, message_type: MessageType = MessageType.EDOC,
                  service_type: str = "eDoc", message_id: str | None = None) -> str:
        """Post a package (bytes or a file, streamed) to the recipients; returns the axis DocId.

        `message_id`: our idempotency key (header `messageid`); an axis that honours it (the sandbox does) answers
        a repeated send with the first DocId instead of delivering twice.
        """
        if not to:
            raise ValueError("send_edoc needs at least one recipient")
        if isinstance(package, Path):
            sha256, size = _file_digest(package)
            path = package

            def content() -> Content:
                return _file_chunks(path)
        else:
            sha256, size = hashlib.sha256(package).hexdigest(), len(package)
            data = package

            def content() -> Content:
                return data

        headers = {
            "from": self.system_id, "to": json.dumps(list(to)), "servicetype": service_type,
            "messagetype": message_type.value, "hash-file": sha256,
            "content-type": "application/octet-stream", "content-length": str(size),
        }
        if message_id:
            headers["messageid"] = message_id
        body = self._call("sendEdoc", headers, content=content)
        return _text(body, "DocId", "sendEdoc", required=True)

    def list_received(self, message_type: MessageType | None = None, *, since: datetime | None = None,
                      until: datetime | None = None) -> list[ReceivedEdoc]:
        """Packages waiting for us (not yet acknowledged with `done`), oldest first; may repeat an id."""
        headers = _time_headers(since, until)
        if message_type is not None:
            headers["messagetype"] = message_type.value
        body = self._call("getReceivedEdocList", headers)
        return [self._received(item) for item in _items(body, "getReceivedEdocList")]

    def count_received(self, message_type: MessageType = MessageType.EDOC) -> int:
        op = "countReceiveEdoc" if message_type is MessageType.EDOC else "countReceiveStatus"
        value = self._call(op, {}).get("data")
        if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
            raise ExchangeError("axis.bad_reply", operation=op, detail="data is not a count")
        return int(value)

    def download_edoc(self, doc_id: str, dest: Path) -> DownloadedEdoc:
        """Stream a package into `dest` (written as `dest.part` and renamed when complete and checked)."""
        part = dest.with_name(dest.name + ".part")
        try:
            with part.open("wb") as out:
                result = self._with_retries("getEdoc", lambda: self._download(doc_id, out))
            part.replace(dest)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        sha256, size, message_type = result
        return DownloadedEdoc(doc_id, dest, size, sha256, message_type)

    def get_edoc(self, doc_id: str, *, max_bytes: int = 64 * _MB) -> bytes:
        """A package in memory, for small ones (status packages); big documents go through `download_edoc`."""
        sink = _CappedBuffer(max_bytes)
        self._with_retries("getEdoc", lambda: self._download(doc_id, sink))
        return bytes(sink.data)

    def update_status(self, doc_id: str, status: TransportStatus, description: str = "") -> None:
        headers = {"docId": doc_id, "status": status.value}
        if description:
            headers["status_desc"] = urllib.parse.quote(description, safe="")
        self._call("updateStatus", headers)

    def acknowledge(self, doc_id: str) -> None:
        """Tell the axis we have the package safely (`done`): it stops listing it."""
        self.update_status(doc_id, TransportStatus.DONE)

    def list_sent(self, message_type: MessageType | None = None, *, since: datetime | None = None,
                  until: datetime | None = None) -> list[SentEdoc]:
        headers = _time_headers(since, until)
        if message_type is not None:
            headers["messagetype"] = message_type.value
        body = self._call("getSentEdocList", headers)
        return [self._sent(item) for item in _items(body, "getSentEdocList")]

    def list_agencies(self, *, page: int = 1, page_size: int = 100, search: str = "",
                      parent: str | None = None) -> AgencyPage:
        headers = {"page": str(page), "pagesize": str(page_size)}
        if search:
            headers["search"] = urllib.parse.quote(search, safe="")
        if parent:
            headers["parent"] = parent
        body = self._call("getAgenciesList", headers)
        items = tuple(_agency(item) for item in _items(body, "getAgenciesList"))
        total = body.get("total", len(items))
        if not isinstance(total, int):
            raise ExchangeError("axis.bad_reply", operation="getAgenciesList", detail="total is not a number")
        return AgencyPage(items, total, page, page_size)

    def iter_agencies(self, *, page_size: int = 1000, search: str = "", parent: str | None = None,
                      ) -> Iterator[AxisAgency]:
        page = 1
        while True:
            result = self.list_agencies(page=page, page_size=page_size, search=search, parent=parent)
            yield from result.items
            if not result.items or page * page_size >= result.total:
                return
            page += 1

    def register_agency(self, code: str, name: str, *, parent_code: str = "", mail: str = "") -> AxisAgency:
        body = self._call("registerAgency", {}, json_body={"code": code, "pcode": parent_code, "name": name,
                                                            "mail": mail})
        data = body.get("data")
        return _agency(data) if isinstance(data, dict) else AxisAgency(code, parent_code, name, mail)

    def delete_agency(self, code: str) -> None:
        self._call("deleteAgency", {}, json_body={"AgencyCode": code})

    # ------------------------------------------------------------------------------------------ plumbing

    def _call(self, op: str, headers: dict[str, str], *, content: Callable[[], Content] | None = None,
              json_body: dict[str, Any] | None = None) -> dict[str, Any]:
        def attempt() -> dict[str, Any]:
            response = self._open(op, headers, content, json_body)
            try:
                self._check_status(op, response)
                raw = _read_capped(response, _MAX_JSON_REPLY, op)
            finally:
                response.close()
            return _envelope(op, raw)

        return self._with_retries(op, attempt)

    def _with_retries(self, op: str, attempt: Callable[[], T]) -> T:
        last: _Retry | None = None
        for n in range(self._retry.attempts):
            if last is not None:
                wait = self._retry.delay(n - 1, self._jitter(), last.retry_after)
                log.info("axis %s: %s, retrying in %.2f s", op, last.error, wait)
                self._sleep(wait)
            try:
                return attempt()
            except _Retry as retry:
                last = retry
        assert last is not None
        raise last.error

    def _open(self, op: str, headers: dict[str, str], content: Callable[[], Content] | None,
              json_body: dict[str, Any] | None) -> httpx.Response:
        """Send with a bearer token; on 401 fetch a new token once and repeat. The response is still open."""
        for fresh in (False, True):
            token = self._bearer(force=fresh)
            request = self._http.build_request(
                "POST", f"{self.endpoint}/{op}", headers={**headers, "authorization": f"Bearer {token}"},
                content=content() if content else None, json=json_body,
            )
            response = self._transmit(op, request)
            if response.status_code != 401:
                return response
            response.close()
        raise ExchangeError("axis.unauthorized", operation=op, system_id=self.system_id)

    def _transmit(self, op: str, request: httpx.Request) -> httpx.Response:
        try:
            return self._http.send(request, stream=True)
        except httpx.TransportError as exc:
            if _certificate_refused(exc):  # a configuration problem: repeating cannot help
                raise ExchangeError("axis.certificate_untrusted", operation=op, endpoint=self.endpoint,
                                    detail=str(exc)) from exc
            raise _Retry(self._unreachable(op, exc)) from exc

    def _unreachable(self, op: str, exc: Exception) -> ExchangeError:
        return ExchangeError("axis.unreachable", operation=op, endpoint=self.endpoint,
                             detail=f"{type(exc).__name__}: {exc}".strip().rstrip(":"))

    def _bearer(self, *, force: bool) -> str:
        with self._token_lock:
            if not force and self._token is not None and self._monotonic() < self._token_expires:
                return self._token
            self._token = None
            request = self._http.build_request(
                "POST", f"{self.endpoint}/token",
                data={"grant_type": "client_credentials", "client_id": self.system_id,
                      "client_secret": self._secret},
            )
            response = self._transmit("token", request)
            try:
                if response.status_code in (400, 401, 403):
                    raise ExchangeError("axis.credentials_refused", system_id=self.system_id, endpoint=self.endpoint)
                self._check_status("token", response)
                raw = _read_capped(response, _MAX_SKELETON, "token")
            finally:
                response.close()
            body = _json_object("token", raw)
            token = body.get("access_token")
            if not isinstance(token, str) or not token:
                raise ExchangeError("axis.bad_reply", operation="token", detail="no access_token in the reply")
            lifetime = body.get("expires_in", 300)
            lifetime = float(lifetime) if isinstance(lifetime, int | float) else 300.0
            self._token = token
            self._token_expires = self._monotonic() + max(0.0, lifetime - min(30.0, lifetime / 10))
            return token

    def _check_status(self, op: str, response: httpx.Response) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        detail, error_code = _failure_text(response)
        if status >= 500 or status in _RETRYABLE_4XX:
            code = "axis.server_error" if status >= 500 else "axis.busy"
            raise _Retry(ExchangeError(code, operation=op, http_status=status, detail=detail),
                         _retry_after(response))
        code = {403: "axis.forbidden", 404: "axis.not_found", 413: "axis.too_large"}.get(status, "axis.rejected")
        raise ExchangeError(code, operation=op, http_status=status, error_code=error_code, detail=detail)

    def _download(self, doc_id: str, sink: Sink) -> tuple[str, int, MessageType | None]:
        sink.seek(0)
        sink.truncate()
        response = self._open("getEdoc", {"docId": doc_id}, None, None)
        try:
            self._check_status("getEdoc", response)
            parser = DataStreamParser(sink)
            try:
                for chunk in response.iter_bytes():
                    parser.feed(chunk)
            except httpx.TransportError as exc:
                raise _Retry(self._unreachable("getEdoc", exc)) from exc
            skeleton = parser.finish()
        finally:
            response.close()
        body = _envelope("getEdoc", skeleton)
        if not parser.data_seen:
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="the reply carries no data")
        announced_hash, announced_size = body.get("hash"), body.get("size")
        if isinstance(announced_hash, str) and announced_hash and announced_hash.lower() != parser.sha256:
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="package hash differs from the axis's")
        if isinstance(announced_size, int) and announced_size != parser.size:
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="package size differs from the axis's")
        mtype = body.get("messageType")
        return parser.sha256, parser.size, _message_type(mtype, "getEdoc") if mtype else None

    @staticmethod
    def _received(item: dict[str, Any]) -> ReceivedEdoc:
        op = "getReceivedEdocList"
        return ReceivedEdoc(
            doc_id=_text(item, "docId", op, required=True), sender=_text(item, "from", op),
            receiver=_text(item, "to", op), service_type=_text(item, "serviceType", op),
            message_type=_message_type(item.get("messageType"), op), status=_text(item, "status", op),
            status_desc=_text(item, "status_desc", op), created=_time(item.get("created_time")),
            updated=_time(item.get("updated_time")), sha256=_text(item, "hash", op), size=_int(item.get("size")),
        )

    @staticmethod
    def _sent(item: dict[str, Any]) -> SentEdoc:
        op = "getSentEdocList"
        receivers = item.get("receivers") or []
        if not isinstance(receivers, list) or not all(isinstance(r, dict) for r in receivers):
            raise ExchangeError("axis.bad_reply", operation=op, detail="receivers is not a list of objects")
        to = item.get("to") or []
        recipients = tuple(str(c) for c in to) if isinstance(to, list) else (str(to),)
        return SentEdoc(
            doc_id=_text(item, "docId", op, required=True), recipients=recipients,
            service_type=_text(item, "serviceType", op), message_type=_message_type(item.get("messageType"), op),
            created=_time(item.get("created_time")),
            receivers=tuple(ReceiverState(_text(r, "code", op), _text(r, "status", op), _text(r, "status_desc", op),
                                          _time(r.get("updated_time")), _time(r.get("fetched_time")))
                            for r in receivers),
            sha256=_text(item, "hash", op), size=_int(item.get("size")),
        )


# ---------------------------------------------------------------------------------------------- streaming JSON

_SPECIAL = re.compile(rb'["\\]')
_B64_ALPHABET = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
_JSON_WS = b" \t\r\n"


class Sink(Protocol):
    """Where a downloaded package goes: a file opened for writing, or memory."""

    def write(self, data: bytes, /) -> int: ...

    def seek(self, offset: int, /) -> int: ...

    def truncate(self) -> int: ...


class DataStreamParser:
    """Reads a JSON reply whose top-level `data` string is base64 of a (large) package, in any chunking.

    The base64 text is decoded as it arrives into `sink` (hashed and counted on the way); everything else is kept
    as a small skeleton in which `data` is the empty string, parsed by `finish()`. JSON escapes inside the base64
    (`\\/`, `\\n`, `\\uXXXX`) are undone, as some servers write them.
    """

    def __init__(self, sink: Sink, *, max_skeleton: int = _MAX_SKELETON) -> None:
        self._sink = sink
        self._max_skeleton = max_skeleton
        self._skeleton = bytearray()
        self._in_data = False
        self._in_string = False
        self._escape = False
        self._string = bytearray()
        self._depth = 0
        self._key: bytes | None = None
        self._after_colon = False
        self._carry = b""
        self._b64 = bytearray()
        self._padded = False
        self._digest = hashlib.sha256()
        self.size = 0
        self.data_seen = False

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()

    def feed(self, chunk: bytes) -> None:
        if self._carry:  # an escape cut by the previous chunk's end
            chunk, self._carry = self._carry + chunk, b""
        pos = 0
        while pos < len(chunk):
            pos = self._feed_data(chunk, pos) if self._in_data else self._feed_outside(chunk, pos)

    def finish(self) -> bytes:
        if self._in_data or self._carry:
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="the reply ends inside the data")
        if self._b64:
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="the data is cut short")
        return bytes(self._skeleton)

    def _feed_outside(self, chunk: bytes, pos: int) -> int:
        for i in range(pos, len(chunk)):
            c = chunk[i]
            if len(self._skeleton) >= self._max_skeleton:
                raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="the reply is not the expected JSON")
            if self._in_string:
                self._skeleton.append(c)
                if self._escape:
                    self._escape = False
                elif c == 0x5C:  # backslash
                    self._escape = True
                elif c == 0x22:  # quote closes the string
                    self._in_string = False
                    if self._after_colon:
                        self._key, self._after_colon = None, False
                    else:
                        self._key = bytes(self._string)
                    continue
                self._string.append(c)
                continue
            if c == 0x22:
                self._skeleton.append(c)
                if self._after_colon and self._key == b"data" and self._depth == 1:
                    self._in_data = True
                    self.data_seen = True
                    return i + 1
                self._in_string = True
                self._string.clear()
                continue
            if c == 0x3A and self._key is not None:  # colon after a key
                self._after_colon = True
            elif c in b"{[":
                self._depth += 1
                self._key, self._after_colon = None, False
            elif c in b"}]":
                self._depth -= 1
                self._key, self._after_colon = None, False
            elif c == 0x2C:  # comma
                self._key, self._after_colon = None, False
            self._skeleton.append(c)
        return len(chunk)

    def _feed_data(self, chunk: bytes, pos: int) -> int:
        while pos < len(chunk):
            m = _SPECIAL.search(chunk, pos)
            if m is None:
                self._decode(chunk[pos:])
                return len(chunk)
            j = m.start()
            self._decode(chunk[pos:j])
            if chunk[j] == 0x22:  # the quote that ends the data string
                self._skeleton.append(0x22)
                self._in_data = False
                self._key, self._after_colon = None, False
                return j + 1
            after = self._escape_in_data(chunk, j)
            if after < 0:
                self._carry = chunk[j:]
                return len(chunk)
            pos = after
        return pos

    def _escape_in_data(self, chunk: bytes, j: int) -> int:
        """Undo one JSON escape at `j`; returns the next position, or -1 when the escape is cut by the chunk end."""
        if j + 1 >= len(chunk):
            return -1
        kind = chunk[j + 1]
        if kind == 0x75:  # \uXXXX
            if j + 6 > len(chunk):
                return -1
            try:
                char = int(chunk[j + 2 : j + 6], 16)
            except ValueError:
                raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="bad escape in the data") from None
            if char < 128 and char in _B64_ALPHABET:
                self._decode(bytes([char]))
            elif char < 128 and bytes([char]) in (b"\r", b"\n", b" ", b"\t"):
                pass
            else:
                raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="the data is not base64")
            return j + 6
        if kind == 0x2F:  # \/
            self._decode(b"/")
        elif kind not in b"nrt":
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="the data is not base64")
        return j + 2

    def _decode(self, text: bytes) -> None:
        if not text:
            return
        text = text.translate(None, _JSON_WS)  # tolerate MIME-style line breaks some servers leave raw
        if not text:
            return
        if self._padded:
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="data continues after base64 padding")
        self._b64 += text
        usable = len(self._b64) - len(self._b64) % 4
        if usable == 0:
            return
        piece = bytes(self._b64[:usable])
        del self._b64[:usable]
        try:
            raw = binascii.a2b_base64(piece, strict_mode=True)
        except binascii.Error:
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="the data is not base64") from None
        if piece.endswith(b"="):
            self._padded = True
        self._digest.update(raw)
        self.size += len(raw)
        self._sink.write(raw)


class _CappedBuffer:
    """A write-only in-memory sink that refuses to grow past `limit`."""

    def __init__(self, limit: int) -> None:
        self.data = bytearray()
        self._limit = limit

    def write(self, raw: bytes, /) -> int:
        if len(self.data) + len(raw) > self._limit:
            raise ExchangeError("axis.bad_reply", operation="getEdoc", detail="package too big to hold in memory")
        self.data += raw
        return len(raw)

    def seek(self, offset: int, /) -> int:
        return 0

    def truncate(self) -> int:
        self.data.clear()
        return 0


# ---------------------------------------------------------------------------------------------- helpers


def _file_digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    for chunk in _file_chunks(path):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _file_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(_FILE_CHUNK):
            yield chunk


def _certificate_refused(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _read_capped(response: httpx.Response, cap: int, op: str) -> bytes:
    out = bytearray()
    try:
        for chunk in response.iter_bytes():
            out += chunk
            if len(out) > cap:
                raise ExchangeError("axis.bad_reply", operation=op, detail=f"reply larger than {cap} bytes")
    except httpx.TransportError as exc:
        raise _Retry(ExchangeError("axis.unreachable", operation=op, endpoint=str(response.url),
                                   detail=f"{type(exc).__name__}: {exc}")) from exc
    return bytes(out)


def _json_object(op: str, raw: bytes) -> dict[str, Any]:
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        preview = raw[:40].decode("utf-8", "replace")
        raise ExchangeError("axis.bad_reply", operation=op, detail=f"not JSON: {preview!r}") from None
    if not isinstance(body, dict):
        raise ExchangeError("axis.bad_reply", operation=op, detail="the reply is not a JSON object")
    return body


def _envelope(op: str, raw: bytes) -> dict[str, Any]:
    """The reply object once its `status` says OK; FAIL becomes `axis.rejected` with the axis's own words."""
    body = _json_object(op, raw)
    status = body.get("status")
    error_code = str(body.get("ErrorCode", "")).strip()
    if not isinstance(status, str):
        raise ExchangeError("axis.bad_reply", operation=op, detail="no status in the reply")
    if status.upper() != "OK" or error_code not in ("", "0"):
        raise ExchangeError("axis.rejected", operation=op, error_code=error_code,
                            detail=str(body.get("ErrorDesc", "")))
    return body


def _failure_text(response: httpx.Response) -> tuple[str, str]:
    try:
        raw = response.read()
    except httpx.HTTPError:
        return response.reason_phrase, ""
    try:
        body = json.loads(raw[:_MAX_SKELETON])
    except (ValueError, UnicodeDecodeError):
        return raw[:200].decode("utf-8", "replace") or response.reason_phrase, ""
    if isinstance(body, dict):
        return str(body.get("ErrorDesc") or body.get("error_description") or ""), str(body.get("ErrorCode", ""))
    return response.reason_phrase, ""


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    return float(value) if value.isdigit() else None


def _items(body: dict[str, Any], op: str) -> list[dict[str, Any]]:
    data = body.get("data")
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ExchangeError("axis.bad_reply", operation=op, detail="data is not a list of objects")
    return data


def _text(item: dict[str, Any], key: str, op: str, *, required: bool = False) -> str:
    value = item.get(key)
    if value is None or value == "":
        if required:
            raise ExchangeError("axis.bad_reply", operation=op, detail=f"{key} is missing")
        return ""
    if not isinstance(value, str | int):
        raise ExchangeError("axis.bad_reply", operation=op, detail=f"{key} is not text")
    return str(value)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _message_type(value: Any, op: str) -> MessageType:
    try:
        return MessageType(str(value or "edoc").strip().lower())
    except ValueError:
        raise ExchangeError("axis.bad_reply", operation=op, detail=f"unknown messageType {value!r}") from None


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).replace(tzinfo=VN_TZ)
        except ValueError:
            continue
    return None


def _time_headers(since: datetime | None, until: datetime | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if since is not None:
        headers["fromDate"] = since.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M:%S")
    if until is not None:
        headers["toDate"] = until.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M:%S")
    return headers


def _agency(item: dict[str, Any]) -> AxisAgency:
    op = "getAgenciesList"
    return AxisAgency(code=_text(item, "code", op, required=True), parent_code=_text(item, "pcode", op),
                      name=_text(item, "name", op), mail=_text(item, "mail", op), level=_int(item.get("level")))
