"""Pieces of the sandbox that need no server: the generated directory, fault specs, code rules, the CLI guard."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.services.exchange import is_valid_agency_code
from axis_sandbox import seed
from axis_sandbox.__main__ import main
from axis_sandbox.app import is_below, sdk_hash_forms
from axis_sandbox.faults import FaultBox, FaultRule


def test_generated_directory_is_a_valid_tree_with_the_known_provinces() -> None:
    rows = list(seed.generate(seed.capacity()))
    codes = {r.code for r in rows}
    assert len(codes) == len(rows) >= 100_000
    assert all(is_valid_agency_code(r.code) for r in rows)
    assert all(r.pcode == "" or r.pcode in codes for r in rows)
    names = {r.code: r.name for r in rows if r.level == 1}
    assert names["000.00.00.H27"] == "UBND tỉnh Hà Tĩnh"
    assert names["000.00.00.H49"] == "UBND tỉnh Quảng Ninh"
    assert names["000.00.00.G22"] == "Văn phòng Chính phủ"


def test_small_seed_still_covers_every_province() -> None:
    rows = list(seed.generate(200))
    assert {r.code[-3:] for r in rows if r.level == 1} >= {"H27", "H49", "H30", "H38", "H55", "H20"}


def test_fault_specs_from_the_command_line() -> None:
    rule = FaultRule.parse("sendEdoc:error:p=0.25,n=3,status=502")
    assert (rule.op, rule.kind, rule.probability, rule.count, rule.status) == ("sendEdoc", "error", 0.25, 3, 502)
    for bad in ("sendEdoc", "sendEdoc:explode", "getEdoc:error:status=404", "getEdoc:delay:x=1"):
        with pytest.raises(ValueError):
            FaultRule.parse(bad)


def test_next_n_calls_fire_then_the_rule_is_gone() -> None:
    box = FaultBox(seed=1)
    box.add(FaultRule("getEdoc", "garbage", count=2))
    fired = [box.pick("getEdoc") is not None for _ in range(4)]
    assert fired == [True, True, False, False]
    assert box.pick("sendEdoc") is None and box.rules() == []


def test_probability_fires_about_that_often() -> None:
    box = FaultBox(seed=3)
    box.add(FaultRule("*", "error", probability=0.3))
    hits = sum(box.pick("getReceivedEdocList") is not None for _ in range(2000))
    assert 450 < hits < 750


def test_agencies_may_manage_only_agencies_below_them() -> None:
    assert is_below("000.05.31.H27", "000.00.31.H27")
    assert is_below("001.05.31.H27", "000.00.00.H27")
    assert not is_below("000.05.32.H27", "000.00.31.H27")
    assert not is_below("000.00.31.H27", "000.00.31.H27")
    assert not is_below("000.05.31.H28", "000.00.31.H27")


def test_sdk_hash_form_drops_leading_zeros_per_byte() -> None:
    digest = hashlib.sha256(b"x").digest()
    forms = sdk_hash_forms(bytes([0x0A, 0xFF]) + digest[2:])
    assert any(f.startswith("aff") for f in forms) and any(f.startswith("0aff") for f in forms)


def test_command_line_refuses_a_public_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--host", "0.0.0.0", "--db", str(tmp_path / "a.sqlite")]) == 2
    assert "loopback" in capsys.readouterr().err
