"""The sandbox provincial axis: the operations of standards §7 over HTTP, for tests and clerk training.

Protocol as the spec gives it: every operation is `POST /{operation}`, parameters travel as HTTP headers, replies
are JSON `{"status": "OK"|"FAIL", "ErrorCode": "0"|..., "ErrorDesc": ...}` plus a payload. Choices where the
spec is silent (the client in app/services/exchange/axis_client.py follows them):

- Authentication: `POST /token` with a client-credentials form (`grant_type=client_credentials`, `client_id` =
  the agency code, `client_secret`) or HTTP Basic; the reply is OAuth2-shaped (`access_token`, `token_type`,
  `expires_in`). Every operation needs `Authorization: Bearer <token>`; a missing, unknown or expired token gets
  401 with `WWW-Authenticate: Bearer error="invalid_token"`. Credentials are issued by an administrator
  (`POST /admin/clients` or `--client CODE:SECRET`).
- Errors: the HTTP status says what kind (400 bad parameter, 401, 403 not your package or agency, 404, 409,
  413 too large, 5xx); `ErrorCode` repeats it as text, `ErrorDesc` says what is wrong in English, and `reason`
  is a stable machine word (`hash_mismatch`, `unknown_recipient`, …).
- Times in headers and replies are `dd/MM/yyyy HH:mm:ss` in Hà Tĩnh time (+07:00); `fromDate`/`toDate` also
  accept `dd/MM/yyyy`.
- Text that may hold Vietnamese in headers (`search`, `status_desc`) is percent-encoded UTF-8.
- `sendEdoc`: `to` is a JSON array of agency codes (a single bare code is accepted); `hash-file` is optional but
  checked when present, in full hex or in the client SDK's form without per-byte zero padding. An optional
  `messageid` header is the sender's idempotency key (§7): a repeated send with the same key answers the first
  DocId and delivers nothing again (the `duplicate` fault still makes a second delivery on purpose). A package larger
  than the limit is read to the end and discarded, then refused with 413, so the client sees the answer rather
  than a broken pipe. The axis does not read the package: it is a transport.
- `getReceivedEdocList` lists deliveries not yet acknowledged with `updateStatus` `done`; `to` is the receiver.
- `getEdoc` streams `data` (base64 of the package) after `hash` (SHA-256 hex) and `size`, so a client can check
  what it saved.
- `getAgenciesList`: headers `page` (from 1), `pagesize` (≤ 1000, default 100), optional `search` (code prefix or
  words of the name, accents and case ignored) and `parent`; the reply adds `total`, `page`, `pagesize`.
- `registerAgency` / `deleteAgency` take JSON bodies ({`code`, `pcode`, `name`, `mail`} / {`AgencyCode`}) because
  names do not fit in headers; an agency may register or delete only agencies below itself in the §6 tree.
- Administration (`/admin/...`, header `X-Admin-Token`): clients, faults (see faults.py), token revocation,
  limits, and the call log. `/health` answers without credentials.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from axis_sandbox.faults import FaultBox, FaultMiddleware, FaultRule
from axis_sandbox.store import TRANSPORT_STATUSES, VN_TZ, Fail, Store, from_db, level_of

MESSAGE_TYPES = ("edoc", "status")
_CODE = re.compile(r"^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$")
_MB = 1024 * 1024
_STREAM_CHUNK = 3 * 256 * 1024  # a multiple of 3 so base64 pieces join without padding


@dataclass
class Config:
    db_path: Path
    files_dir: Path | None = None
    max_package_bytes: int = 50 * _MB
    token_ttl_seconds: float = 3600.0
    admin_token: str = ""
    seed_agencies: int = 0
    clients: list[tuple[str, str]] = field(default_factory=list)
    faults: list[FaultRule] = field(default_factory=list)
    fault_seed: int | None = None


def is_valid_code(code: str) -> bool:
    """§6 shape and hierarchy: no non-zero group left of a `00` group."""
    m = _CODE.match(code)
    if m is None:
        return False
    seen_zero = False
    for group in (m.group(3), m.group(2), m.group(1)):
        if int(group) == 0:
            seen_zero = True
        elif seen_zero:
            return False
    return True


def is_below(code: str, ancestor: str) -> bool:
    """True when `code` sits under `ancestor` in the §6 tree (same level-1 suffix, its groups kept)."""
    a, c = ancestor.split("."), code.split(".")
    if a[3] != c[3] or level_of(code) <= level_of(ancestor):
        return False
    return all(int(a[i]) == 0 or a[i] == c[i] for i in range(3))


def sdk_hash_forms(digest: bytes) -> set[str]:
    return {digest.hex(), "".join(format(b, "x") for b in digest)}


def fmt_time(moment: datetime) -> str:
    return moment.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M:%S")


def parse_time(text: str | None, name: str) -> datetime | None:
    if not text:
        return None
    for fmt in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=VN_TZ)
        except ValueError:
            continue
    raise Fail(400, "bad_date", f"Header {name} must be dd/MM/yyyy HH:mm:ss, got {text!r}.")


def ok(**payload: Any) -> JSONResponse:
    return JSONResponse({"status": "OK", "ErrorCode": "0", "ErrorDesc": "", **payload})


def fail_response(err: Fail) -> JSONResponse:
    headers = {"WWW-Authenticate": 'Bearer error="invalid_token"'} if err.http_status == 401 else None
    body = {"status": "FAIL", "ErrorCode": str(err.http_status), "ErrorDesc": err.description, "reason": err.reason}
    return JSONResponse(body, status_code=err.http_status, headers=headers)


def _unquote(value: str | None) -> str:
    return urllib.parse.unquote(value or "").strip()


def create_app(config: Config) -> FastAPI:
    files_dir = config.files_dir or config.db_path.with_name(config.db_path.name + ".files")
    store = Store(config.db_path, files_dir)
    store.seed_agencies(config.seed_agencies)
    for code, secret in config.clients:
        store.ensure_agency(code, code)
        store.set_client(code, secret)
    box = FaultBox(config.fault_seed)
    for rule in config.faults:
        box.add(rule)

    app = FastAPI(title="Sandbox provincial axis", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.state.config = config
    app.state.faults = box

    def log_fault(op: str, kind: str, status: int) -> None:
        store.log_call("", op, "", "", status, kind)

    app.add_middleware(FaultMiddleware, box=box, on_fault=log_fault)

    def op_of(request: Request) -> str:
        return request.url.path.rstrip("/").rsplit("/", 1)[-1]

    def fault_of(request: Request) -> str:
        return str(getattr(request.state, "fault", "") or "")

    def log(request: Request, agency: str, doc_id: str = "", sha256: str = "", status: int = 200) -> None:
        store.log_call(agency, op_of(request), doc_id, sha256, status, fault_of(request))

    @app.exception_handler(Fail)
    async def on_fail(request: Request, exc: Fail) -> Response:
        store.log_call(str(getattr(request.state, "agency", "")), op_of(request), request.headers.get("docid", ""),
                       "", exc.http_status, fault_of(request))
        return fail_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        reason = "unknown_operation" if exc.status_code in (404, 405) else "bad_request"
        text = f"{request.method} {request.url.path} is not an operation of this axis." if reason != "bad_request" \
            else str(exc.detail)
        return fail_response(Fail(exc.status_code, reason, text))

    def authenticate(request: Request) -> str:
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Fail(401, "token_missing", "Send Authorization: Bearer <token>; get a token from POST /token.")
        code = store.token_owner(token.strip(), time.time())
        if code is None:
            raise Fail(401, "invalid_token", "The bearer token is unknown or expired; get a new one from POST /token.")
        request.state.agency = code
        return code

    def require_admin(request: Request) -> None:
        if not config.admin_token or request.headers.get("x-admin-token", "") != config.admin_token:
            raise Fail(403, "not_admin", "Administration needs the X-Admin-Token header given at start-up.")

    def message_type(request: Request, *, required: bool) -> str | None:
        value = (request.headers.get("messagetype") or "").strip().lower()
        if not value:
            if required:
                raise Fail(400, "messagetype_missing", "Header messagetype must be 'edoc' or 'status'.")
            return None
        if value not in MESSAGE_TYPES:
            raise Fail(400, "bad_messagetype", f"Header messagetype must be 'edoc' or 'status', got {value!r}.")
        return value

    def doc_id_header(request: Request) -> str:
        doc_id = (request.headers.get("docid") or "").strip()
        if not doc_id:
            raise Fail(400, "docid_missing", "Header docId is required.")
        return doc_id

    # ------------------------------------------------------------------------------------------ plumbing

    @app.get("/health")
    async def health() -> Response:
        return ok(agencies=store.agency_count())

    @app.post("/token")
    async def token(request: Request) -> Response:
        client_id, secret = "", ""
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("basic "):
            try:
                client_id, _, secret = base64.b64decode(auth[6:].strip()).decode("utf-8").partition(":")
            except (ValueError, UnicodeDecodeError):
                raise Fail(400, "bad_basic_auth", "Basic authorization must be base64 of id:secret.") from None
        else:
            form = urllib.parse.parse_qs((await request.body()).decode("utf-8", "replace"))
            grant = form.get("grant_type", [""])[0]
            if grant != "client_credentials":
                raise Fail(400, "unsupported_grant_type", "Use grant_type=client_credentials.")
            client_id, secret = form.get("client_id", [""])[0], form.get("client_secret", [""])[0]
        if not client_id or not await run_in_threadpool(store.check_client, client_id, secret):
            store.log_call(client_id, "token", "", "", 401, fault_of(request))
            body = {"error": "invalid_client", "error_description": "Unknown client id or wrong secret.",
                    "status": "FAIL", "ErrorCode": "401", "ErrorDesc": "Unknown client id or wrong secret.",
                    "reason": "invalid_client"}
            return JSONResponse(body, status_code=401)
        issued = store.issue_token(client_id, config.token_ttl_seconds, time.time())
        log(request, client_id)
        return JSONResponse({"access_token": issued, "token_type": "Bearer",
                             "expires_in": int(config.token_ttl_seconds)})

    # ------------------------------------------------------------------------------------------ packages

    @app.post("/sendEdoc")
    async def send_edoc(request: Request) -> Response:
        agency = authenticate(request)
        sender = (request.headers.get("from") or "").strip()
        if sender != agency:
            raise Fail(403, "wrong_sender", f"Header from ({sender!r}) must be your own agency code {agency}.")
        recipients = _recipients(request.headers.get("to"))
        unknown = [code for code in recipients if store.agency(code) is None]
        if unknown:
            raise Fail(404, "unknown_recipient", f"Not in the agency directory: {', '.join(unknown)}.")
        mtype = message_type(request, required=True)
        assert mtype is not None
        service = (request.headers.get("servicetype") or "eDoc").strip()
        upload, digest, size = await _receive(request, files_dir, config.max_package_bytes)
        claimed = (request.headers.get("hash-file") or "").strip().lower()
        if claimed and claimed not in sdk_hash_forms(digest):
            upload.unlink(missing_ok=True)
            raise Fail(400, "hash_mismatch", "Header hash-file does not match the SHA-256 of the body.")
        message_id = (request.headers.get("messageid") or "").strip()[:200] or None
        doc_id = await run_in_threadpool(store.add_doc, agency, recipients, mtype, service, digest.hex(), size, upload,
                                         message_id=message_id)
        if fault_of(request) == "duplicate":
            store.add_doc(agency, recipients, mtype, service, digest.hex(), size, store.doc_file(doc_id),
                          duplicate_of=doc_id)
        log(request, agency, doc_id, digest.hex())
        return ok(DocId=doc_id)

    @app.post("/getReceivedEdocList")
    def received_list(request: Request) -> Response:
        agency = authenticate(request)
        rows = store.received(agency, message_type(request, required=False),
                              parse_time(request.headers.get("fromdate"), "fromDate"),
                              parse_time(request.headers.get("todate"), "toDate"))
        data = [{
            "docId": r["doc_id"], "from": r["sender"], "to": r["recipient"], "serviceType": r["service_type"],
            "messageType": r["message_type"], "status": r["status"], "status_desc": r["status_desc"],
            "created_time": fmt_time(from_db(r["created_at"])), "updated_time": fmt_time(from_db(r["updated_at"])),
            "hash": r["sha256"], "size": r["size"],
        } for r in rows]
        if fault_of(request) == "duplicate":
            data = [item for item in data for _ in range(2)]
        log(request, agency)
        return ok(data=data)

    @app.post("/getEdoc")
    def get_edoc(request: Request) -> Response:
        agency = authenticate(request)
        doc = store.doc_for(agency, doc_id_header(request))
        store.mark_fetched(agency, doc.doc_id)
        log(request, agency, doc.doc_id, doc.sha256)
        head = json.dumps({"status": "OK", "ErrorCode": "0", "ErrorDesc": "", "docId": doc.doc_id,
                           "messageType": doc.message_type, "hash": doc.sha256, "size": doc.size})
        return StreamingResponse(_stream_json(head[:-1] + ', "data": "', doc.file), media_type="application/json")

    @app.post("/updateStatus")
    def update_status(request: Request) -> Response:
        agency = authenticate(request)
        doc_id = doc_id_header(request)
        status = (request.headers.get("status") or "").strip().lower()
        if status not in TRANSPORT_STATUSES:
            raise Fail(400, "bad_status", f"Header status must be one of {', '.join(TRANSPORT_STATUSES)}.")
        if fault_of(request) == "duplicate" and status == "done":
            store.doc_for(agency, doc_id)  # the acknowledgement is "lost": OK is answered, nothing changes
        else:
            store.update_status(agency, doc_id, status, _unquote(request.headers.get("status_desc")))
        log(request, agency, doc_id)
        return ok(data={"docId": doc_id, "status": status})

    @app.post("/getSentEdocList")
    def sent_list(request: Request) -> Response:
        agency = authenticate(request)
        rows = store.sent(agency, message_type(request, required=False),
                          parse_time(request.headers.get("fromdate"), "fromDate"),
                          parse_time(request.headers.get("todate"), "toDate"))
        data = [{
            "docId": d["doc_id"], "from": d["sender"], "to": [r["recipient"] for r in recipients],
            "serviceType": d["service_type"], "messageType": d["message_type"], "hash": d["sha256"],
            "size": d["size"], "created_time": fmt_time(from_db(d["created_at"])),
            "receivers": [{
                "code": r["recipient"], "status": r["status"], "status_desc": r["status_desc"],
                "updated_time": fmt_time(from_db(r["updated_at"])),
                "fetched_time": fmt_time(from_db(r["fetched_at"])) if r["fetched_at"] else "",
            } for r in recipients],
        } for d, recipients in rows]
        log(request, agency)
        return ok(data=data)

    @app.api_route("/countReceiveEdoc", methods=["GET", "POST"])
    def count_edoc(request: Request) -> Response:
        agency = authenticate(request)
        log(request, agency)
        return ok(data=store.count_received(agency, "edoc"))

    @app.api_route("/countReceiveStatus", methods=["GET", "POST"])
    def count_status(request: Request) -> Response:
        agency = authenticate(request)
        log(request, agency)
        return ok(data=store.count_received(agency, "status"))

    # ------------------------------------------------------------------------------------------ directory

    @app.post("/getAgenciesList")
    def agencies(request: Request) -> Response:
        agency = authenticate(request)
        page = _int_header(request, "page", 1, 1, 10_000_000)
        size = _int_header(request, "pagesize", 100, 1, 1000)
        parent = (request.headers.get("parent") or "").strip() or None
        items, total = store.list_agencies(page, size, _unquote(request.headers.get("search")), parent)
        log(request, agency)
        return ok(data=[a.as_json() for a in items], total=total, page=page, pagesize=size)

    @app.post("/registerAgency")
    async def register_agency(request: Request) -> Response:
        agency = authenticate(request)
        body = await _json_body(request)
        code = str(body.get("code", "")).strip()
        name = str(body.get("name", "")).strip()
        pcode = str(body.get("pcode", "")).strip()
        if not is_valid_code(code):
            raise Fail(400, "bad_code", f"{code!r} is not an agency code like 000.00.31.H27 (standards §6).")
        if not name:
            raise Fail(400, "name_missing", "An agency needs a name.")
        if not is_below(code, agency):
            raise Fail(403, "not_below_you", f"Agency {agency} may only register agencies below it, not {code}.")
        if pcode and store.agency(pcode) is None:
            raise Fail(404, "unknown_parent", f"Parent agency {pcode} is not in the directory.")
        created = store.add_agency(code, pcode, name, str(body.get("mail", "")).strip())
        log(request, agency)
        return ok(data=created.as_json())

    @app.post("/deleteAgency")
    async def delete_agency(request: Request) -> Response:
        agency = authenticate(request)
        body = await _json_body(request)
        code = str(body.get("AgencyCode") or request.headers.get("agencycode") or "").strip()
        if not is_valid_code(code) or not is_below(code, agency):
            raise Fail(403, "not_below_you", f"Agency {agency} may only delete agencies below it, not {code!r}.")
        store.delete_agency(code)
        log(request, agency)
        return ok()

    # ------------------------------------------------------------------------------------------ admin

    @app.post("/admin/clients")
    async def admin_client(request: Request) -> Response:
        require_admin(request)
        body = await _json_body(request)
        code, secret = str(body.get("code", "")), str(body.get("secret", ""))
        if not is_valid_code(code) or not secret:
            raise Fail(400, "bad_client", "A client needs a valid agency code and a secret.")
        store.ensure_agency(code, str(body.get("name") or code), str(body.get("pcode", "")),
                            str(body.get("mail", "")))
        store.set_client(code, secret)
        return ok(code=code)

    @app.get("/admin/faults")
    def admin_faults(request: Request) -> Response:
        require_admin(request)
        return ok(data=box.rules())

    @app.post("/admin/faults")
    async def admin_add_faults(request: Request) -> Response:
        require_admin(request)
        body = await _json_body(request, allow_list=True)
        items = body if isinstance(body, list) else [body]
        try:
            rules = [FaultRule.from_json(dict(item)) for item in items]
        except (TypeError, ValueError) as exc:
            raise Fail(400, "bad_fault", str(exc)) from None
        for rule in rules:
            box.add(rule)
        return ok(data=box.rules())

    @app.delete("/admin/faults")
    def admin_clear_faults(request: Request) -> Response:
        require_admin(request)
        box.clear()
        return ok()

    @app.post("/admin/tokens/revoke")
    def admin_revoke(request: Request) -> Response:
        require_admin(request)
        return ok(revoked=store.revoke_tokens())

    @app.post("/admin/config")
    async def admin_config(request: Request) -> Response:
        require_admin(request)
        body = await _json_body(request)
        if "max_package_bytes" in body:
            config.max_package_bytes = int(body["max_package_bytes"])
        if "token_ttl_seconds" in body:
            config.token_ttl_seconds = float(body["token_ttl_seconds"])
        return ok(max_package_bytes=config.max_package_bytes, token_ttl_seconds=config.token_ttl_seconds)

    @app.get("/admin/calls")
    def admin_calls(request: Request) -> Response:
        require_admin(request)
        return ok(data=store.calls(_int_header(request, "limit", 100, 1, 100_000)))

    return app


def _recipients(raw: str | None) -> list[str]:
    text = (raw or "").strip()
    if not text:
        raise Fail(400, "to_missing", "Header to must be a JSON array of recipient agency codes.")
    try:
        value = json.loads(text) if text.startswith("[") else [text]
    except ValueError:
        raise Fail(400, "bad_to", "Header to must be a JSON array of recipient agency codes.") from None
    if not isinstance(value, list) or not value or not all(isinstance(c, str) for c in value):
        raise Fail(400, "bad_to", "Header to must be a non-empty JSON array of agency codes.")
    bad = [c for c in value if not is_valid_code(c)]
    if bad:
        raise Fail(400, "bad_code", f"Not agency codes (standards §6): {', '.join(bad)}.")
    return list(dict.fromkeys(value))


def _int_header(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = (request.headers.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise Fail(400, f"bad_{name}", f"Header {name} must be a whole number.") from None
    if not low <= value <= high:
        raise Fail(400, f"bad_{name}", f"Header {name} must be between {low} and {high}.")
    return value


async def _json_body(request: Request, *, allow_list: bool = False) -> Any:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except ValueError:
        raise Fail(400, "bad_json", "The request body must be JSON.") from None
    if not isinstance(body, dict) and not (allow_list and isinstance(body, list)):
        raise Fail(400, "bad_json", "The request body must be a JSON object.")
    return body


async def _receive(request: Request, files_dir: Path, limit: int) -> tuple[Path, bytes, int]:
    """Stream the body to a file while hashing; past the limit, drain the rest and refuse with 413."""
    upload = files_dir / f"upload-{time.monotonic_ns()}.part"
    digest = hashlib.sha256()
    size = 0
    too_big = False
    try:
        with upload.open("wb") as out:
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    too_big = True
                    continue
                digest.update(chunk)
                out.write(chunk)
    except BaseException:  # the client went away mid-upload: leave nothing behind
        upload.unlink(missing_ok=True)
        raise
    if too_big:
        upload.unlink(missing_ok=True)
        raise Fail(413, "package_too_large",
                   f"The package is {size} bytes; this axis accepts at most {limit} bytes ({limit / _MB:.0f} MB). "
                   "Send large annexes separately or reduce the scan resolution.")
    if size == 0:
        upload.unlink(missing_ok=True)
        raise Fail(400, "empty_package", "The request body must be the edXML package; it was empty.")
    return upload, digest.digest(), size


def _stream_json(head: str, path: Path) -> Iterator[bytes]:
    yield head.encode()
    with path.open("rb") as fh:
        while chunk := fh.read(_STREAM_CHUNK):
            yield base64.b64encode(chunk)
    yield b'"}'
