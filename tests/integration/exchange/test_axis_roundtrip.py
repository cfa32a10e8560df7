"""Agency A sends to B through the sandbox axis; B lists, fetches, acknowledges and answers; A sees the answer."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import httpx
import pytest

from app.services.exchange import ExchangeError, StatusCode, build_document, parse_document, parse_status
from app.services.exchange.axis_client import AxisClient, MessageType, TransportStatus
from tests.integration.exchange.conftest import Sandbox, _free_port
from tests.integration.exchange.packages import make_document, status_package

pytestmark = pytest.mark.xdist_group("axis_sandbox")  # one sandbox process serves them all


def test_document_travels_from_a_to_b_and_the_status_comes_back(axis: Sandbox, tmp_path: Path) -> None:
    a_code, a_secret = axis.new_agency("Sở Thử Nghiệm")
    b_code, b_secret = axis.new_agency("UBND huyện Thử")
    doc = make_document(a_code, [b_code])
    with axis.client(a_code, a_secret) as a, axis.client(b_code, b_secret) as b:
        doc_id = a.send_edoc(build_document(doc), [b_code])

        waiting = b.list_received(MessageType.EDOC)
        assert [(e.doc_id, e.sender, e.receiver, e.status) for e in waiting] == [(doc_id, a_code, b_code, "inbox")]
        saved = b.download_edoc(doc_id, tmp_path / "in.edxml")
        parsed = parse_document(saved.path, attachments_dir=tmp_path)
        assert parsed.document.document_id == doc.document_id
        assert parsed.document.attachments[0].sha256 == doc.attachments[0].sha256
        assert saved.sha256 == waiting[0].sha256

        b.send_edoc(status_package(b_code, doc, StatusCode.ARRIVED), [a_code], message_type=MessageType.STATUS)
        b.acknowledge(doc_id)
        assert b.list_received() == []

        statuses = a.list_received(MessageType.STATUS)
        assert [s.sender for s in statuses] == [b_code]
        status = parse_status(a.get_edoc(statuses[0].doc_id)).status
        assert (status.status_code, status.response_for.document_id) == (StatusCode.ARRIVED, doc.document_id)
        a.acknowledge(statuses[0].doc_id)
        assert a.count_received(MessageType.STATUS) == 0

        sent = {s.doc_id: s for s in a.list_sent(MessageType.EDOC)}
        receiver = sent[doc_id].receivers[0]
        assert (receiver.code, receiver.status, receiver.fetched is not None) == (b_code, "done", True)


def test_package_goes_to_every_recipient_until_each_acknowledges(axis: Sandbox) -> None:
    a_code, a_secret = axis.new_agency()
    (b_code, b_secret), (c_code, c_secret) = axis.new_agency(), axis.new_agency()
    with axis.client(a_code, a_secret) as a, axis.client(b_code, b_secret) as b, \
            axis.client(c_code, c_secret) as c:
        doc_id = a.send_edoc(build_document(make_document(a_code, [b_code, c_code])), [b_code, c_code])
        b.update_status(doc_id, TransportStatus.PROCESSING, "Đang xử lý")
        states = {r.code: (r.status, r.status_desc) for r in a.list_sent()[0].receivers}
        assert states == {b_code: ("processing", "Đang xử lý"), c_code: ("inbox", "")}
        assert [e.status for e in b.list_received()] == ["processing"]  # still listed until done
        b.acknowledge(doc_id)
        assert b.list_received() == []
        assert [e.doc_id for e in c.list_received()] == [doc_id]
        assert [r.status for r in a.list_sent()[0].receivers] == ["done", "inbox"]


def test_large_package_streams_to_a_file_and_back(axis: Sandbox, tmp_path: Path) -> None:
    a_code, a_secret = axis.new_agency()
    b_code, b_secret = axis.new_agency()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7\n" + os.urandom(6 * 1024 * 1024))
    outgoing = tmp_path / "out.edxml"
    with outgoing.open("wb") as fh:
        from app.services.exchange import write_document

        write_document(make_document(a_code, [b_code], attachment_path=scan), fh)
    with axis.client(a_code, a_secret) as a, axis.client(b_code, b_secret) as b:
        doc_id = a.send_edoc(outgoing, [b_code])
        got = b.download_edoc(doc_id, tmp_path / "in.edxml")
    assert got.sha256 == hashlib.sha256(outgoing.read_bytes()).hexdigest()
    assert got.path.read_bytes() == outgoing.read_bytes()
    assert not (tmp_path / "in.edxml.part").exists()


def test_someone_else_cannot_fetch_or_acknowledge_a_package(axis: Sandbox) -> None:
    a_code, a_secret = axis.new_agency()
    b_code, _ = axis.new_agency()
    x_code, x_secret = axis.new_agency()
    with axis.client(a_code, a_secret) as a, axis.client(x_code, x_secret) as x:
        doc_id = a.send_edoc(build_document(make_document(a_code, [b_code])), [b_code])
        with pytest.raises(ExchangeError) as fetched:
            x.get_edoc(doc_id)
        with pytest.raises(ExchangeError) as acked:
            x.acknowledge(doc_id)
    assert fetched.value.code == acked.value.code == "axis.not_found"
    assert axis.sleeps == []  # refusals are not retried


def test_unknown_recipient_is_refused_with_its_code(axis: Sandbox) -> None:
    a_code, a_secret = axis.new_agency()
    with axis.client(a_code, a_secret) as a, pytest.raises(ExchangeError) as err:
        a.send_edoc(build_document(make_document(a_code, ["000.00.99.Z99"])), ["000.00.99.Z99"])
    assert err.value.code == "axis.not_found"
    assert "000.00.99.Z99" in err.value.params["detail"]


def test_package_over_the_limit_gets_a_clear_413(axis: Sandbox) -> None:
    a_code, a_secret = axis.new_agency()
    b_code, _ = axis.new_agency()
    axis.admin("POST", "/admin/config", {"max_package_bytes": 64 * 1024})
    big = build_document(make_document(a_code, [b_code], pdf=b"%PDF-1.7\n" + os.urandom(200 * 1024)))
    with axis.client(a_code, a_secret) as a, pytest.raises(ExchangeError) as err:
        a.send_edoc(big, [b_code])
    assert err.value.code == "axis.too_large"
    assert "at most 65536 bytes" in err.value.params["detail"]


def test_hash_in_the_sdk_form_without_zero_padding_is_accepted(axis: Sandbox) -> None:
    a_code, a_secret = axis.new_agency()
    b_code, _ = axis.new_agency()
    body = build_document(make_document(a_code, [b_code]))
    sdk_hash = "".join(format(byte, "x") for byte in hashlib.sha256(body).digest())
    token = httpx.post(f"{axis.url}/token", data={"grant_type": "client_credentials", "client_id": a_code,
                                                  "client_secret": a_secret}).json()["access_token"]
    headers = {"authorization": f"Bearer {token}", "from": a_code, "to": f'["{b_code}"]', "messagetype": "edoc",
               "servicetype": "eDoc"}
    good = httpx.post(f"{axis.url}/sendEdoc", content=body, headers={**headers, "hash-file": sdk_hash})
    bad = httpx.post(f"{axis.url}/sendEdoc", content=body, headers={**headers, "hash-file": "00" * 32})
    assert (good.status_code, good.json()["status"]) == (200, "OK")
    assert (bad.status_code, bad.json()["reason"]) == (400, "hash_mismatch")


def test_expired_token_is_refreshed_once_transparently(axis: Sandbox) -> None:
    a_code, a_secret = axis.new_agency()
    with axis.client(a_code, a_secret) as a:
        assert a.list_received() == []
        axis.admin("POST", "/admin/tokens/revoke")
        assert a.list_received() == []


def test_wrong_secret_is_reported_as_refused_credentials(axis: Sandbox) -> None:
    a_code, _ = axis.new_agency()
    with axis.client(a_code, "not-the-secret") as a, pytest.raises(ExchangeError) as err:
        a.list_received()
    assert err.value.code == "axis.credentials_refused"
    assert axis.sleeps == []


def test_axis_that_is_down_is_reported_unreachable() -> None:
    sleeps: list[float] = []
    closed = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    with AxisClient(closed, "000.00.01.K10", "x", sleep=sleeps.append) as client, \
            pytest.raises(ExchangeError) as err:
        client.list_received()
    assert err.value.code == "axis.unreachable"
    assert err.value.params["endpoint"] == closed
    assert len(sleeps) == 3  # every attempt was made, with backoff in between
