"""bench/sync.py runs end to end on a small size and counts exactly once (no timing asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.xdist_group("axis_sandbox")
def test_sync_bench_small_run_reports_nothing_lost_or_duplicated() -> None:
    done = subprocess.run([sys.executable, "bench/sync.py", "--packages", "20", "--kill-trials", "2",
                           "--kill-packages", "10", "--json"], cwd=REPO,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"packages", "clean_s", "faulty_s", "lost", "duplicated"} <= figures.keys()
    assert (figures["packages"], figures["lost"], figures["duplicated"]) == (20, 0, 0)
    assert (figures["status_lost"], figures["status_duplicated"]) == (0, 0)
    assert figures["clean"]["registered"] == figures["faulty"]["registered"] == 20
    assert (figures["kill_trials"], figures["kill_lost"], figures["kill_duplicated"]) == (2, 0, 0)
    assert (figures["kill_status_lost"], figures["kill_status_duplicated"]) == (0, 0)
    assert figures["kill"]["registered"] == 10


@pytest.mark.xdist_group("axis_sandbox")
def test_sync_bench_in_process_comparison_counts_exactly_once_too() -> None:
    done = subprocess.run([sys.executable, "bench/sync.py", "--packages", "10", "--kill-trials", "0", "--in-process",
                           "--json"], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert (figures["packages"], figures["lost"], figures["duplicated"]) == (10, 0, 0)
    assert (figures["status_lost"], figures["status_duplicated"]) == (0, 0)
    assert figures["clean"]["registered"] == figures["faulty"]["registered"] == 10
