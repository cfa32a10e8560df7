"""The client against an axis that fails on purpose: retries where they help, clear errors where they do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.exchange import ExchangeError, build_document, parse_document
from app.services.exchange.axis_client import AxisClient
from tests.integration.exchange.conftest import Sandbox
from tests.integration.exchange.packages import make_document

pytestmark = pytest.mark.xdist_group("axis_sandbox")  # one sandbox process serves them all


def _pair(axis: Sandbox) -> tuple[AxisClient, AxisClient, str, str]:
    a_code, a_secret = axis.new_agency()
    b_code, b_secret = axis.new_agency()
    return axis.client(a_code, a_secret), axis.client(b_code, b_secret), a_code, b_code


def test_server_errors_then_success_is_retried_with_growing_backoff(axis: Sandbox) -> None:
    a, b, a_code, b_code = _pair(axis)
    with a, b:
        axis.fault("sendEdoc", "error", count=2, status=503)
        doc_id = a.send_edoc(build_document(make_document(a_code, [b_code])), [b_code])
        assert [e.doc_id for e in b.list_received()] == [doc_id]
    assert len(axis.sleeps) == 2  # two backoffs, then the third attempt went through


def test_persistent_server_errors_end_in_server_error(axis: Sandbox) -> None:
    a, b, _, _ = _pair(axis)
    with a, b:
        axis.fault("getReceivedEdocList", "error", status=502)
        with pytest.raises(ExchangeError) as err:
            b.list_received()
    assert (err.value.code, err.value.params["http_status"]) == ("axis.server_error", 502)
    assert len(axis.sleeps) == 3


def test_garbage_reply_is_a_clear_bad_reply_error(axis: Sandbox) -> None:
    a, b, _, _ = _pair(axis)
    with a, b:
        axis.fault("getReceivedEdocList", "garbage", count=1)
        with pytest.raises(ExchangeError) as err:
            b.list_received()
        assert err.value.code == "axis.bad_reply"
        assert err.value.params["operation"] == "getReceivedEdocList"
        assert b.list_received() == []  # the next call is fine
    assert axis.sleeps == []


def test_truncated_list_and_truncated_package_are_bad_replies(axis: Sandbox, tmp_path: Path) -> None:
    a, b, a_code, b_code = _pair(axis)
    with a, b:
        doc_id = a.send_edoc(build_document(make_document(a_code, [b_code])), [b_code])
        axis.fault("getReceivedEdocList", "truncate", count=1)
        with pytest.raises(ExchangeError) as listed:
            b.list_received()
        axis.fault("getEdoc", "truncate", count=1)
        with pytest.raises(ExchangeError) as fetched:
            b.download_edoc(doc_id, tmp_path / "in.edxml")
        assert not (tmp_path / "in.edxml").exists() and not (tmp_path / "in.edxml.part").exists()
        assert b.download_edoc(doc_id, tmp_path / "in.edxml").size > 0
    assert listed.value.code == fetched.value.code == "axis.bad_reply"


def test_garbage_package_download_is_a_bad_reply(axis: Sandbox, tmp_path: Path) -> None:
    a, b, a_code, b_code = _pair(axis)
    with a, b:
        doc_id = a.send_edoc(build_document(make_document(a_code, [b_code])), [b_code])
        axis.fault("getEdoc", "garbage", count=1)
        with pytest.raises(ExchangeError) as err:
            b.get_edoc(doc_id)
    assert err.value.code == "axis.bad_reply"


def test_dropped_reply_times_out_and_the_retry_delivers(axis: Sandbox) -> None:
    a_code, a_secret = axis.new_agency()
    b_code, b_secret = axis.new_agency()
    with axis.client(a_code, a_secret, timeout=1.0) as a, axis.client(b_code, b_secret) as b:
        axis.fault("sendEdoc", "drop", count=1)
        document = make_document(a_code, [b_code])
        a.send_edoc(build_document(document), [b_code])
        waiting = b.list_received()
        # the first send was processed, only its reply was lost: at-least-once, two copies of one DocumentId
        assert len(waiting) == 2
        ids = {parse_document(b.get_edoc(e.doc_id)).document.document_id for e in waiting}
    assert ids == {document.document_id}
    assert len(axis.sleeps) == 1


def test_duplicate_delivery_shows_the_same_message_twice(axis: Sandbox) -> None:
    a, b, a_code, b_code = _pair(axis)
    with a, b:
        document = make_document(a_code, [b_code])
        axis.fault("sendEdoc", "duplicate", count=1)
        a.send_edoc(build_document(document), [b_code])
        copies = b.list_received()
        assert len(copies) == 2 and copies[0].doc_id != copies[1].doc_id
        assert {parse_document(b.get_edoc(e.doc_id)).document.document_id for e in copies} == {document.document_id}

        axis.fault("getReceivedEdocList", "duplicate", count=1)
        listed = [e.doc_id for e in b.list_received()]
        assert listed == [copies[0].doc_id, copies[0].doc_id, copies[1].doc_id, copies[1].doc_id]

        axis.fault("updateStatus", "duplicate", count=1)
        b.acknowledge(copies[0].doc_id)  # acknowledgement lost: the package comes again
        assert [e.doc_id for e in b.list_received()] == [copies[0].doc_id, copies[1].doc_id]
        b.acknowledge(copies[0].doc_id)
        b.acknowledge(copies[1].doc_id)
        assert b.list_received() == []


def test_delay_is_survived_within_the_timeout(axis: Sandbox) -> None:
    a, b, _, _ = _pair(axis)
    with a, b:
        axis.fault("getReceivedEdocList", "delay", seconds=0.2, count=1)
        assert b.list_received() == []
    assert axis.sleeps == []


def test_fault_rules_are_listed_and_counted_down(axis: Sandbox) -> None:
    axis.fault("getEdoc", "error", count=2, probability=1.0)
    rules = axis.admin("GET", "/admin/faults")["data"]
    assert [(r["op"], r["kind"], r["count"]) for r in rules] == [("getEdoc", "error", 2)]
