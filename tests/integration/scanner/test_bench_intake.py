"""bench/intake.py runs end to end on a small size: SANE test device pages arrive, every signed PDF/A verifies (no
timing asserted here)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from app.scanner.ocr import available_languages
from app.services.signing.pki import find_softhsm_module
from tests.support import missing, require_tool

REPO = Path(__file__).resolve().parents[3]


def _require_everything() -> None:
    for tool in ("scanimage", "tesseract", "pdftoppm", "softhsm2-util"):
        require_tool(tool)
    if importlib.util.find_spec("sane") is None:
        missing("python-sane is not installed (pip install python-sane; needs libsane-dev and gcc)")
    if "vie" not in available_languages():
        missing("Tesseract has no 'vie' data (apt install tesseract-ocr-vie)")
    if find_softhsm_module() is None:
        missing("libsofthsm2.so not found (apt install softhsm2)")


def test_intake_bench_small_run_reports_both_figures_and_verifies_every_signed_pdf() -> None:
    _require_everything()
    done = subprocess.run([sys.executable, "bench/intake.py", "--pages", "2", "--sane-pages", "2", "--json"],
                          cwd=REPO, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"intake_pages_per_min_2cores", "sane_test_pages_per_min", "intake_pages_per_min_2cores_cpu",
            "stage_cleanup_s_per_page", "stage_ocr_s_per_page", "stage_pdfa_s_per_page", "stage_sign_s_per_page",
            "load_average_before", "all_signed_verified"} <= figures.keys()
    assert figures["sane_pages"] == 2 and figures["sane_test_pages_per_min"] > 0
    assert figures["sane_dpi"] == [300]
    assert (figures["intake_pages"], figures["intake_documents"]) == (2, 1)
    assert figures["intake_pages_per_min_2cores"] > 0
    assert figures["signed_verified"] == figures["signed_total"] == 1
    assert figures["all_signed_verified"] is True and figures["verify_problems"] == []
    assert figures["ocr_words_per_page"] > 0  # the text layer came from real OCR
