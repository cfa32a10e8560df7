"""bench/sign_chain.py runs end to end at a tiny size and reports every figure design §9 names (no timing asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.services.signing.pki import find_softhsm_module
from tests.support import missing, require_tool

ROOT = Path(__file__).resolve().parents[3]
KEYS = ("chain_ms_100p_text", "speedup_vs_plain_pyhanko", "chain_ms_100p_scan", "floor_ms_100p_scan",
        "chain_ratio_scan", "verify_ratio_scan")


def test_the_bench_runs_and_its_outputs_pass_the_independent_checks(tmp_path: Path) -> None:
    require_tool("softhsm2-util")
    if find_softhsm_module() is None:
        missing("libsofthsm2.so not found (package softhsm2)")
    # A separate process: the bench points SOFTHSM2_CONF at its own tokens, which must not disturb this session's.
    env = {**os.environ, "VANTHU_FONT_CACHE": str(tmp_path / "fonts")}
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "sign_chain.py"), "--pages", "3", "--scan-mb", "1",
                             "--runs", "1", "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
                            check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(result.stdout)

    for key in KEYS:
        assert isinstance(figures[key], int | float) and figures[key] > 0, key
    assert figures["pages_text"] == 3 and figures["pages_scan"] == 3
    for name in ("text", "scan"):
        checks = figures["checks"][name]
        assert checks["pyhanko_signatures"] == 2 and checks["pyhanko_all_intact"], checks
        assert checks["leader_modification_level"] == "form_filling", checks
        if require_tool("pdfsig"):
            assert checks["pdfsig_all_valid"], checks
        if require_tool("qpdf"):
            assert checks["qpdf_clean"], checks
    assert figures["bars"]["independent_checks"]
