"""Intake benchmark (issue 6, design §9): the whole intake to a signed PDF/A with OCR, pages/min on two cores, and
scanning from the SANE `test` device, pages/min.

1. SANE: --sane-pages pages from the `test` backend's document feeder (300 dpi, A4, grey, the `Grid`
   test picture) through the app's own `SaneSource`, i.e. the driver in its own worker process (app/scanner/
   sane_worker.py) streaming pages back one at a time. The test feeder holds 10 sheets, so more pages are scanned
   as several feeder loads (one `scan` call, one worker process each), as a clerk reloads the feeder. Timed from the
   first `scan` call to the last page received; a private SANE_CONFIG_DIR enables only the `test` backend.
2. Whole intake: --pages generated 300-dpi A4 pages in the official layout (app/services/official_pdf.render,
   rasterised by pdftoppm, then "scanned" by app/scanner/synthetic.scan_of: skew in ±3°, a dark lid border 60 px,
   sensor noise σ=6), grouped into documents of --doc-pages pages. Each document goes through what the intake page
   does when the clerk registers it: the cleanup pipeline (app/scanner/pipeline.process_page, black-and-white
   output, the cleaned grey kept for OCR), Tesseract `vie` (app/scanner/ocr.recognise, one thread), the PDF/A-2b with
   the invisible text layer (app/scanner/pdfa.build_pdfa), then the organisation's digitised-copy signature
   (app/services/signing/sign.sign_digitised_copy) on a SoftHSM2 token of a fresh demo PKI. The CPU part runs on a
   pool of two spawned worker processes (app/scanner/pipeline.make_executor, one OpenCV thread each: the app's pool);
   signing runs on the token thread (TokenWorker) in this process as each document comes back, overlapping the pool.
   The pool and the signer are warmed before timing (the app keeps them for the session); generation is not timed.
   Timed: first document submitted to the last one signed. After timing, every signed PDF is checked: pyHanko sees
   the signature intact and trusted (app/services/signing/verify.verify_pdf with the demo root) and pikepdf reads
   pdfaid:part = 2 in the XMP metadata.

The machine may be shared: `os.getloadavg()` is printed before and after, and per-stage seconds/page are the
workers' own wall times (stage sums, so they add up to more than the wall time when two workers overlap).
`intake_pages_per_min_2cores_cpu` is the same throughput from CPU time (the workers with their Tesseract children,
plus this process's signing) spread over two cores: what two idle cores would give, steadier on a busy machine.

    python bench/intake.py [--pages 20] [--doc-pages 2] [--sane-pages 20] [--json]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from app.domain.enums import Urgency  # noqa: E402
from app.scanner.synthetic import scan_of  # noqa: E402
from app.services.official_pdf import OfficialDocument, render  # noqa: E402

ORG = ("BENCH_CO_QUAN", "Văn phòng UBND tỉnh Hà Tĩnh")
FEEDER_SHEETS = 10  # what the SANE test backend's document feeder holds
WORKERS = 2
PARAGRAPHS = (
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.",
    "Theo đề nghị của Chánh Văn phòng Sở, Trưởng phòng Kế hoạch - Tài chính và các đơn vị có liên quan.",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý văn bản điện tử và hồ sơ công việc của Sở.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký; các quy định trước đây trái với Quyết định này đều bãi bỏ.",
    "Điều 3. Chánh Văn phòng, Trưởng các phòng, đơn vị thuộc Sở chịu trách nhiệm thi hành Quyết định này.",
)
ISSUERS = ("Sở Thông tin và Truyền thông", "Sở Tài chính", "Sở Nội vụ", "Sở Giáo dục và Đào tạo")


# -- generation (not timed) -----------------------------------------------------------------------------------------
def official_document(variant: int, min_pages: int) -> bytes:
    """An official-layout PDF of at least `min_pages` pages (paragraphs added until it is that long)."""
    import io

    import pikepdf

    paragraphs = 8
    while True:
        doc = OfficialDocument(
            parent_agency="UBND TỈNH HÀ TĨNH", issuer_name=ISSUERS[variant % len(ISSUERS)], doc_type="Quyết định",
            number=10 + variant, notation="QĐ-STTTT", normative_year=None, place="Hà Tĩnh",
            issued=date(2026, 1 + variant % 12, 5 + variant % 20),
            summary="Về việc ban hành quy chế quản lý văn bản điện tử",
            body=[PARAGRAPHS[(variant + i) % len(PARAGRAPHS)] for i in range(paragraphs)],
            signer_authority="KT. GIÁM ĐỐC", signer_position="PHÓ GIÁM ĐỐC", signer_name="Nguyễn Văn An",
            recipients=["Như Điều 3;", "Lưu: VT."], urgency=Urgency.NORMAL,
        )
        pdf = render(doc).pdf
        if len(pikepdf.open(io.BytesIO(pdf)).pages) >= min_pages or paragraphs > 200:
            return pdf
        paragraphs += 4


def rasterise(pdf: bytes, pages: int, tmp: Path) -> list[np.ndarray]:
    """Pages 1..`pages` of `pdf` in grey at 300 dpi (pdftoppm), as tests/ui/test_intake_page.py does."""
    import cv2

    src = tmp / "doc.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", str(pages), str(src), str(tmp / "page")],
                   check=True, timeout=300)
    files = sorted(tmp.glob("page-*.pgm"))
    images = [np.asarray(cv2.imread(str(f), cv2.IMREAD_GRAYSCALE), dtype=np.uint8) for f in files]
    for f in files:
        f.unlink()
    return images


def make_documents(pages: int, doc_pages: int, seed: int, tmp: Path) -> list[list[np.ndarray]]:
    """`pages` scanned sheets in documents of `doc_pages` (the last may be shorter); four distinct renders reused
    with a different skew, noise and seed on every sheet."""
    import random

    rng = random.Random(seed)
    clean = [rasterise(official_document(v, doc_pages), doc_pages, tmp) for v in range(min(4, -(-pages // doc_pages)))]
    documents: list[list[np.ndarray]] = []
    made = 0
    while made < pages:
        source = clean[len(documents) % len(clean)]
        sheets = []
        for i in range(min(doc_pages, pages - made)):
            sheets.append(scan_of(source[i % len(source)], skew_deg=round(rng.uniform(-3.0, 3.0), 2), border_px=60,
                                  noise=6.0, seed=seed + made))
            made += 1
        documents.append(sheets)
    return documents


# -- the CPU part, in a pool worker ----------------------------------------------------------------------------------
def _warm_worker(_: int) -> int:
    """Import what a document needs and run the pipeline once, so timing starts with a warm pool."""
    from app.scanner import ocr, pdfa
    from app.scanner.pipeline import PipelineSettings, process_page
    from app.scanner.synthetic import text_page

    ocr.require_language()
    pdfa.srgb_icc()
    process_page(scan_of(text_page((1240, 1754)), skew_deg=1.0, border_px=30), PipelineSettings(), 150)
    time.sleep(0.2)  # keep this worker busy so the other one takes the second warm-up task
    return os.getpid()


def process_document(args: tuple[int, list[np.ndarray]]) -> dict[str, Any]:
    """Cleanup → OCR → PDF/A for one document, as the intake page's capture and register jobs do it."""
    from app.scanner.ocr import recognise
    from app.scanner.pdfa import PdfPage, build_pdfa
    from app.scanner.pipeline import PipelineSettings, process_page
    from app.scanner.profiles import OutputMode

    number, sheets = args
    cpu0 = _cpu_s()
    settings = PipelineSettings(output=OutputMode.BLACK_WHITE, read_codes=False)
    cleanup = ocr = 0.0
    pdf_pages = []
    words = 0
    for i, sheet in enumerate(sheets):
        t = time.perf_counter()
        result = process_page(sheet, settings, 300, i)
        cleanup += time.perf_counter() - t
        t = time.perf_counter()
        text = recognise(result.gray if result.gray is not None else result.image, result.dpi, page=i + 1)
        ocr += time.perf_counter() - t
        words += len(text.words)
        pdf_pages.append(PdfPage(result.image, result.dpi, text, OutputMode.BLACK_WHITE))
    t = time.perf_counter()
    pdf = build_pdfa(pdf_pages, title=f"Quyết định {10 + number}/QĐ-STTTT", author=ISSUERS[number % len(ISSUERS)],
                     subject="Về việc ban hành quy chế quản lý văn bản điện tử")
    pdfa_s = time.perf_counter() - t
    return {"number": number, "pages": len(sheets), "pdf": pdf, "cleanup_s": cleanup, "ocr_s": ocr,
            "pdfa_s": pdfa_s, "cpu_s": _cpu_s() - cpu0, "words": words, "pid": os.getpid()}


def _cpu_s() -> float:
    """CPU seconds of this process and its waited-for children (Tesseract runs as a subprocess)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


# -- whole intake ----------------------------------------------------------------------------------------------------
def run_intake(pages: int, doc_pages: int, seed: int, work: Path, log: Any) -> dict[str, Any]:
    from app.scanner.pipeline import make_executor
    from app.services.signing.pki import create_demo_pki
    from app.services.signing.sign import TokenKey, sign_digitised_copy
    from app.services.signing.tokens import TokenSelector, TokenWorker

    log(f"generating {pages} scanned official-layout pages (300 dpi A4) …")
    documents = make_documents(pages, doc_pages, seed, work)
    log("making the demo PKI on a SoftHSM2 token …")
    previous_conf = os.environ.get("SOFTHSM2_CONF")
    pki = create_demo_pki(work / "pki", [], ORG)
    token = TokenWorker(pki.module_path)
    key = TokenKey(token, TokenSelector(label=ORG[0]))
    pool: ProcessPoolExecutor = make_executor(WORKERS)
    try:
        token.refresh()
        log("warming the pool and the signer (not timed) …")
        start = time.perf_counter()
        pids = set(pool.map(_warm_worker, range(WORKERS)))
        pool_start_s = time.perf_counter() - start
        warm = pool.submit(process_document, (0, documents[0][:1])).result()  # OCR + PDF/A once in a worker
        token.submit(lambda: sign_digitised_copy(warm["pdf"], key, pki.user_pin)).result()

        load_before = os.getloadavg()
        log(f"timing {len(documents)} documents on {WORKERS} worker processes …")
        signed: dict[int, Future[bytes]] = {}
        sign_s: dict[int, float] = {}
        results: dict[int, dict[str, Any]] = {}

        def sign(number: int, pdf: bytes) -> bytes:
            t = time.perf_counter()
            out = sign_digitised_copy(pdf, key, pki.user_pin)
            sign_s[number] = time.perf_counter() - t
            return out

        wall0, cpu0 = time.perf_counter(), _cpu_s()
        futures = [pool.submit(process_document, (n, sheets)) for n, sheets in enumerate(documents)]
        for fut in as_completed(futures):  # each document to the token thread as soon as its PDF/A is built
            r = fut.result()
            results[r["number"]] = r
            signed[r["number"]] = token.submit(functools.partial(sign, r["number"], r["pdf"]))
        outputs = {n: f.result() for n, f in signed.items()}
        wall = time.perf_counter() - wall0
        cpu_main = _cpu_s() - cpu0
        load_after = os.getloadavg()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

    log("verifying every signed PDF/A (not timed) …")
    try:
        checks = [check_signed(outputs[n], pki, results[n]["pages"]) for n in sorted(outputs)]
    finally:
        token.close()
        if previous_conf is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous_conf

    n_pages = int(sum(r["pages"] for r in results.values()))

    def per_page(key: str) -> float:
        return round(float(sum(r[key] for r in results.values())) / n_pages, 2)

    sizes = [len(pdf) for pdf in outputs.values()]
    worker_cpu = sum(r["cpu_s"] for r in results.values())
    return {
        "intake_pages_per_min_2cores": round(n_pages / wall * 60, 1),
        "intake_pages": n_pages,
        "intake_documents": len(results),
        "intake_pages_per_document": doc_pages,
        "intake_wall_s": round(wall, 2),
        "intake_workers": WORKERS,
        "intake_worker_pids": len(pids),
        "intake_pool_start_s": round(pool_start_s, 2),
        "stage_cleanup_s_per_page": per_page("cleanup_s"),
        "stage_ocr_s_per_page": per_page("ocr_s"),
        "stage_pdfa_s_per_page": per_page("pdfa_s"),
        "stage_sign_s_per_page": round(sum(sign_s.values()) / n_pages, 3),
        "stage_sign_s_per_document": round(statistics.mean(sign_s.values()), 3),
        "intake_pages_per_min_2cores_cpu": round(n_pages / ((worker_cpu + cpu_main) / WORKERS) * 60, 1),
        "worker_cpu_s": round(worker_cpu, 2),
        "main_process_cpu_s": round(cpu_main, 2),
        "ocr_words_per_page": round(sum(r["words"] for r in results.values()) / n_pages),
        "signed_kb_per_page": round(sum(sizes) / n_pages / 1024, 1),
        "signed_verified": sum(c["ok"] for c in checks),
        "signed_total": len(checks),
        "all_signed_verified": bool(checks) and all(c["ok"] for c in checks),
        "verify_problems": [c for c in checks if not c["ok"]],
        "load_average_before": [round(v, 2) for v in load_before],
        "load_average_after": [round(v, 2) for v in load_after],
        "cpu_count": os.cpu_count(),
    }


def check_signed(pdf: bytes, pki: Any, pages: int) -> dict[str, Any]:
    """pyHanko (through verify_pdf): one signature, intact and trusted; pikepdf: XMP pdfaid:part = 2, conformance B,
    and a font (the invisible text layer) on every page."""
    import io

    import pikepdf

    from app.services.signing.verify import verify_pdf

    report = verify_pdf(pdf, [pki.root_certificate()])
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        meta = doc.open_metadata()
        part = meta.get("pdfaid:part")
        conformance = meta.get("pdfaid:conformance")
        text_pages = sum("/Font" in (page.get("/Resources") or {}) for page in doc.pages)
    intact = report.all_intact and len(report.signatures) == 1
    trusted = all(s.trusted for s in report.signatures)
    ok = intact and trusted and str(part) == "2" and str(conformance).upper() == "B" and text_pages == pages
    return {"ok": ok, "intact": intact, "trusted": trusted, "pdfaid_part": part, "pdfaid_conformance": conformance,
            "text_layer_pages": text_pages, "summary": report.summary}


# -- SANE ------------------------------------------------------------------------------------------------------------
def run_sane(pages: int, work: Path, log: Any) -> dict[str, Any]:
    from app.scanner.sources import ColorMode, PageSize, SaneSource, ScanOptions, SourceKind, sane_config_dir

    source = SaneSource(sane_config_dir(work / "sane"), timeout_s=120, local_only=True)
    options = ScanOptions(SourceKind.ADF, ColorMode.GRAY, 300, PageSize.A4,
                          device_options={"test_picture": "Grid"})
    log("SANE: listing devices (not timed) …")
    names = [d.name for d in source.list_devices()]
    if "test:0" not in names:
        raise SystemExit(f"the SANE test device is not there (found {names}); is libsane's test backend installed?")
    received: list[tuple[float, tuple[int, ...], int]] = []
    loads = 0
    log(f"SANE: scanning {pages} pages at 300 dpi A4 grey …")
    start = time.perf_counter()
    while len(received) < pages:
        batch = min(FEEDER_SHEETS, pages - len(received))
        loads += 1
        got = source.scan("test:0", replace(options, max_pages=batch),
                          on_page=lambda p: received.append((time.perf_counter() - start, p.image.shape, p.dpi)))
        if not got:
            raise SystemExit("the SANE test feeder gave no page")
    wall = received[-1][0]
    first = received[0][0]
    shapes = {r[1] for r in received}
    return {
        "sane_test_pages_per_min": round(len(received) / wall * 60, 1),
        "sane_pages": len(received),
        "sane_wall_s": round(wall, 2),
        "sane_first_page_s": round(first, 2),
        "sane_feeder_loads": loads,
        "sane_page_shape": [list(s) for s in sorted(shapes)],
        "sane_dpi": sorted({r[2] for r in received}),
        "sane_mb_per_page": round(float(np.prod(received[0][1])) / 1024 / 1024, 1),
    }


# -- main ------------------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--pages", type=int, default=20, help="pages through the whole intake")
    p.add_argument("--doc-pages", type=int, default=2, help="pages per document")
    p.add_argument("--sane-pages", type=int, default=20, help="pages scanned from the SANE test device; 0 skips")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    args = p.parse_args(argv)
    if args.pages < 1 or args.doc_pages < 1 or args.sane_pages < 0:
        p.error("--pages and --doc-pages must be at least 1, --sane-pages at least 0")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    result: dict[str, Any] = {"sane_test_pages_per_min": None}
    with tempfile.TemporaryDirectory(prefix="vanthu-intakebench-") as tmp:
        work = Path(tmp)
        if args.sane_pages:
            (work / "s").mkdir()
            result.update(run_sane(args.sane_pages, work / "s", log))
        (work / "i").mkdir()
        result.update(run_intake(args.pages, args.doc_pages, args.seed, work / "i", log))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(table(result))
    return 0 if result["all_signed_verified"] else 1


def table(r: dict[str, Any]) -> str:
    def la(values: list[float]) -> str:
        return " / ".join(f"{v:g}" for v in values)

    rows: list[tuple[str, Any, str]] = []
    if r.get("sane_pages"):
        rows += [
            ("SANE test device, pages/min", r["sane_test_pages_per_min"],
             f"{r['sane_pages']} pages, 300 dpi A4 grey, {r['sane_feeder_loads']} feeder load(s) of ≤ "
             f"{FEEDER_SHEETS}"),
            ("  start → last page (s)", r["sane_wall_s"], f"first page after {r['sane_first_page_s']} s"),
            ("  page size (px)", "×".join(map(str, r["sane_page_shape"][0])), f"{r['sane_mb_per_page']} MB each"
             + ("" if r["sane_page_shape"][0][0] >= 3400 else "; A4 asked, the test device's bed is 200×200 mm")),
        ]
    else:
        rows.append(("SANE test device, pages/min", None, "skipped (--sane-pages 0)"))
    rows += [
        ("whole intake, pages/min (2 cores)", r["intake_pages_per_min_2cores"],
         f"{r['intake_pages']} pages in {r['intake_documents']} documents, {r['intake_workers']} worker processes"),
        ("  same, from CPU time", r["intake_pages_per_min_2cores_cpu"],
         f"pages / (({r['worker_cpu_s']} s workers + {r['main_process_cpu_s']} s signer) / 2 cores): "
         "steadier when the machine is busy"),
        ("  wall (s)", r["intake_wall_s"], f"pool start-up {r['intake_pool_start_s']} s, paid once, not counted"),
        ("  cleanup (s/page)", r["stage_cleanup_s_per_page"], "deskew, crop, binarise (pool worker)"),
        ("  OCR vie (s/page)", r["stage_ocr_s_per_page"], f"Tesseract, 1 thread, {r['ocr_words_per_page']} words/page"),
        ("  PDF/A-2b (s/page)", r["stage_pdfa_s_per_page"], "G4 images + invisible text layer (pool worker)"),
        ("  signature (s/page)", r["stage_sign_s_per_page"],
         f"{r['stage_sign_s_per_document']} s/document, token thread, SoftHSM2"),
        ("  signed PDF size (KB/page)", r["signed_kb_per_page"], ""),
        ("signed PDF/A verified", f"{r['signed_verified']}/{r['signed_total']}",
         "pyHanko intact + trusted, XMP pdfaid part 2 / B"),
        ("load average before", la(r["load_average_before"]), f"{r['cpu_count']} CPUs, machine shared"),
        ("load average after", la(r["load_average_after"]), ""),
    ]
    width = max(len(name) for name, _, _ in rows)
    lines = ["Intake benchmark (design §9, issue 6)"]
    for name, value, note in rows:
        shown = "n/a" if value is None else value
        lines.append(f"  {name:<{width}}  {shown!s:>10}  {note}")
    for problem in r["verify_problems"]:
        lines.append(f"  NOT VERIFIED: {problem}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
