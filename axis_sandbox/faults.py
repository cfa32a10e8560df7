"""Fault injection: make chosen operations misbehave the way real axes and networks do.

A rule names an operation (the path segment, e.g. `sendEdoc`, `token`, or `*`), a kind, and when it fires:
with a probability per call, for the next N calls, or both (N firings at that probability). Kinds:

- `drop`      the request is processed, then no reply is ever sent; the connection is held until the client
              gives up (the "reply lost" case that makes at-least-once delivery necessary).
- `delay`     wait `seconds` before processing (default 2).
- `error`     answer `status` (default 503) with a FAIL body without processing the request.
- `duplicate` operation-specific, done by the handler: `sendEdoc` delivers the package twice (a second DocId
              with the same bytes), `getReceivedEdocList` lists every entry twice, `updateStatus` answers OK
              but loses a `done` (the package stays listed), other operations ignore it.
- `truncate`  the request is processed; the reply keeps its status but only the first half of its body.
- `garbage`   the request is processed; the reply is 200 with random bytes labelled as JSON.

Rules come from `--fault OP:KIND[:key=value,...]` (keys `p`, `n`, `seconds`, `status`) or the admin API.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

KINDS = ("drop", "delay", "error", "duplicate", "truncate", "garbage")
UNFAULTED_PATHS = ("/health", "/admin")
DROP_HOLD_SECONDS = 600.0


@dataclass
class FaultRule:
    op: str
    kind: str
    probability: float = 1.0
    count: int | None = None  # remaining firings; None = unlimited
    seconds: float = 2.0
    status: int = 503
    fired: int = 0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; use one of {', '.join(KINDS)}")
        if not 0.0 <= self.probability <= 1.0:
            raise ValueError("fault probability must be between 0 and 1")
        if self.count is not None and self.count < 1:
            raise ValueError("fault count must be at least 1")
        if not 500 <= self.status <= 599 and self.kind == "error":
            raise ValueError("injected errors are server errors: status 500-599")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FaultRule:
        allowed = {"op", "kind", "probability", "count", "seconds", "status"}
        unknown = set(data) - allowed
        if unknown:
            raise ValueError(f"unknown fault fields: {', '.join(sorted(unknown))}")
        if "op" not in data or "kind" not in data:
            raise ValueError("a fault needs 'op' and 'kind'")
        return cls(**data)

    @classmethod
    def parse(cls, spec: str) -> FaultRule:
        """`OP:KIND[:key=value,...]`, e.g. `getEdoc:garbage:n=2` or `sendEdoc:error:p=0.3,status=502`."""
        parts = spec.split(":", 2)
        if len(parts) < 2:
            raise ValueError(f"fault {spec!r}: expected OP:KIND[:key=value,...]")
        fields: dict[str, Any] = {"op": parts[0], "kind": parts[1]}
        names = {"p": "probability", "probability": "probability", "n": "count", "count": "count",
                 "seconds": "seconds", "status": "status"}
        for item in filter(None, (parts[2] if len(parts) == 3 else "").split(",")):
            key, _, value = item.partition("=")
            if key not in names:
                raise ValueError(f"fault {spec!r}: unknown key {key!r}")
            name = names[key]
            fields[name] = int(value) if name in ("count", "status") else float(value)
        return cls(**fields)


class FaultBox:
    """The active rules; at most one fires per call (the first that matches and wins its draw)."""

    def __init__(self, seed: int | None = None) -> None:
        self._rules: list[FaultRule] = []
        self._lock = threading.Lock()
        self._rng = random.Random(seed)

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self._rules.append(rule)

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def rules(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(r) for r in self._rules]

    def pick(self, op: str) -> FaultRule | None:
        with self._lock:
            for rule in self._rules:
                if rule.op not in (op, "*"):
                    continue
                if rule.probability < 1.0 and self._rng.random() >= rule.probability:
                    continue
                rule.fired += 1
                if rule.count is not None:
                    rule.count -= 1
                    if rule.count == 0:
                        self._rules.remove(rule)
                return rule
        return None


def _fail_body(status: int, description: str) -> bytes:
    return json.dumps({"status": "FAIL", "ErrorCode": str(status), "ErrorDesc": description,
                       "reason": "injected_fault"}).encode()


class FaultMiddleware:
    """Pure ASGI so that streaming replies can be cut or replaced and requests can be left unanswered."""

    def __init__(self, app: ASGIApp, box: FaultBox, on_fault: Callable[[str, str, int], None]) -> None:
        self.app = app
        self.box = box
        self.on_fault = on_fault

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or path.startswith(UNFAULTED_PATHS):
            await self.app(scope, receive, send)
            return
        op = path.rstrip("/").rsplit("/", 1)[-1]
        rule = self.box.pick(op)
        if rule is None:
            await self.app(scope, receive, send)
            return
        scope.setdefault("state", {})["fault"] = rule.kind
        if rule.kind == "delay":
            await asyncio.sleep(rule.seconds)
            await self.app(scope, receive, send)
        elif rule.kind == "duplicate":
            await self.app(scope, receive, send)
        elif rule.kind == "error":
            self.on_fault(op, rule.kind, rule.status)
            await _send_body(send, rule.status, _fail_body(rule.status, "Injected fault: the axis failed."))
        elif rule.kind == "drop":
            await self._drop(scope, receive, op)
        else:
            await self._mangle(scope, receive, send, rule.kind, op)

    async def _drop(self, scope: Scope, receive: Receive, op: str) -> None:
        async def swallow(message: Message) -> None:
            return None

        await self.app(scope, receive, swallow)
        self.on_fault(op, "drop", 0)
        try:
            async with asyncio.timeout(DROP_HOLD_SECONDS):
                while (await receive())["type"] != "http.disconnect":
                    pass
        except TimeoutError:
            pass

    async def _mangle(self, scope: Scope, receive: Receive, send: Send, kind: str, op: str) -> None:
        start: Message | None = None
        body = bytearray()

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))

        await self.app(scope, receive, capture)
        status = int(start["status"]) if start else 200
        if kind == "truncate":
            self.on_fault(op, kind, status)
            content_type = _header(start, b"content-type") or b"application/json"
            await _send_body(send, status, bytes(body[: len(body) // 2]), content_type)
        else:
            self.on_fault(op, kind, 200)
            await _send_body(send, 200, random.randbytes(max(16, min(len(body), 4096))))


def _header(start: Message | None, name: bytes) -> bytes | None:
    for key, value in (start or {}).get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return None


async def _send_body(send: Send, status: int, body: bytes, content_type: bytes = b"application/json") -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
