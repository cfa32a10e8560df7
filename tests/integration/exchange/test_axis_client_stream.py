"""The streaming `getEdoc` reader and the backoff, without a server: every chunking gives the same package."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os

import pytest

from app.services.exchange import ExchangeError
from app.services.exchange.axis_client import DataStreamParser, RetryPolicy

PACKAGE = os.urandom(3000) + b"<edXML/>"


def _reply(encoded: str, *, before: str = '"status": "OK", "ErrorCode": "0", "ErrorDesc": "a \\"data\\": x"',
           after: str = ', "size": 3008') -> bytes:
    return f'{{{before}, "note": {{"data": "not this"}}, "data": "{encoded}"{after}}}'.encode()


def _run(reply: bytes, step: int) -> tuple[bytes, dict[str, object], DataStreamParser]:
    out = io.BytesIO()
    parser = DataStreamParser(out)
    for i in range(0, len(reply), step):
        parser.feed(reply[i : i + step])
    skeleton = json.loads(parser.finish())
    return out.getvalue(), skeleton, parser


@pytest.mark.parametrize("step", [1, 2, 3, 5, 7, 64, 1 << 20])
def test_any_chunking_gives_the_package_and_the_rest_of_the_reply(step: int) -> None:
    encoded = base64.b64encode(PACKAGE).decode()
    escaped = (encoded[:400].replace("/", "\\/") + "\\n" + encoded[400:800] + f"\\u{ord(encoded[800]):04X}"
               + encoded[801:].replace("/", "\\/"))
    for text in (encoded, escaped):
        data, skeleton, parser = _run(_reply(text), step)
        assert data == PACKAGE
        assert parser.sha256 == hashlib.sha256(PACKAGE).hexdigest() and parser.size == len(PACKAGE)
        assert skeleton["data"] == "" and skeleton["size"] == 3008 and skeleton["note"] == {"data": "not this"}
        assert skeleton["ErrorDesc"] == 'a "data": x'


def test_unicode_escape_of_a_base64_letter_is_undone() -> None:
    encoded = base64.b64encode(b"ab?").decode()  # "YWI/"
    data, _, _ = _run(_reply(encoded.replace("/", "\\u002F")), 1)
    assert data == b"ab?"


@pytest.mark.parametrize("reply", [
    _reply(base64.b64encode(PACKAGE).decode())[:-40],  # cut inside the data
    _reply(base64.b64encode(PACKAGE).decode()[:-1]),  # base64 one character short
    _reply("not*base64!"),
    _reply("QUJD" + "\\u00e9"),
])
def test_broken_data_is_a_bad_reply(reply: bytes) -> None:
    with pytest.raises(ExchangeError) as err:
        _run(reply, 13)
    assert err.value.code == "axis.bad_reply"


def test_reply_without_data_is_kept_whole_for_the_caller() -> None:
    reply = b'{"status": "FAIL", "ErrorCode": "404", "ErrorDesc": "no such package"}'
    data, skeleton, parser = _run(reply, 4)
    assert (data, parser.data_seen, skeleton["ErrorCode"]) == (b"", False, "404")


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    policy = RetryPolicy(attempts=6, base_delay=0.5, max_delay=4.0)
    lows = [policy.delay(n, 0.0) for n in range(6)]
    highs = [policy.delay(n, 1.0) for n in range(6)]
    assert lows == [0.25, 0.5, 1.0, 2.0, 2.0, 2.0]
    assert highs == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert policy.delay(0, 0.5, retry_after=3) == 3.0
    assert policy.delay(0, 0.5, retry_after=60) == 4.0
