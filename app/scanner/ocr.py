"""Vietnamese text recognition of a cleaned page with Tesseract (`vie`), run as a subprocess with a time limit.

Words come back with their boxes (page pixels) and confidences: the PDF/A writer lays the invisible text layer on
them and the metadata pre-fill reads the header by position (issuer column, number line, title). OCR costs seconds
per page, so callers run it behind capture (a worker process or thread), never in the UI thread. Feed it the grey
page, not the 1-bit one: binarisation eats stacked Vietnamese marks (quyền → quyên, platform notes).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from statistics import median

import cv2
import numpy as np

from app.scanner.errors import ScanError
from app.scanner.sources import Image

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in page pixels, y down
DEFAULT_LANG = "vie"
DEFAULT_TIMEOUT_S = 120.0
COLUMN_GAP = 2.0  # a gap wider than this many line heights splits a Tesseract line into columns


@dataclass(frozen=True)
class OcrWord:
    text: str
    box: Box
    confidence: float  # 0..100, Tesseract's word confidence
    block: int
    paragraph: int
    line: int


@dataclass(frozen=True)
class OcrLine:
    """Words on one text line of one column: Tesseract's lines cut at wide gaps, so the issuer block and the
    national title on the same height come apart."""

    words: tuple[OcrWord, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        return (min(w.box[0] for w in self.words), min(w.box[1] for w in self.words),
                max(w.box[2] for w in self.words), max(w.box[3] for w in self.words))

    @property
    def confidence(self) -> float:
        return sum(w.confidence for w in self.words) / len(self.words)

    @property
    def height(self) -> int:
        return int(median(w.box[3] - w.box[1] for w in self.words))

    @property
    def key(self) -> tuple[int, int, int]:
        w = self.words[0]
        return w.block, w.paragraph, w.line


@dataclass(frozen=True)
class OcrPage:
    words: tuple[OcrWord, ...]
    width: int
    height: int
    dpi: int
    lang: str = DEFAULT_LANG

    @functools.cached_property
    def lines(self) -> tuple[OcrLine, ...]:
        """Column-split lines in Tesseract's reading order."""
        out: list[OcrLine] = []
        for group in _tesseract_lines(self.words):
            out.extend(split_columns(group))
        return tuple(out)

    @property
    def text(self) -> str:
        """Plain text: one column line per text line, a blank line between Tesseract's paragraphs."""
        parts: list[str] = []
        previous: tuple[int, int] | None = None
        for line in self.lines:
            block_par = line.key[:2]
            if previous is not None and block_par != previous:
                parts.append("")
            parts.append(line.text)
            previous = block_par
        return "\n".join(parts)

    @property
    def mean_confidence(self) -> float:
        return sum(w.confidence for w in self.words) / len(self.words) if self.words else 0.0


def _tesseract_lines(words: Sequence[OcrWord]) -> Iterator[list[OcrWord]]:
    group: list[OcrWord] = []
    for word in words:
        if group and (word.block, word.paragraph, word.line) != (group[0].block, group[0].paragraph, group[0].line):
            yield group
            group = []
        group.append(word)
    if group:
        yield group


def split_columns(words: Sequence[OcrWord], gap: float = COLUMN_GAP) -> list[OcrLine]:
    """Cut one Tesseract line where the space between two words is wider than `gap` line heights."""
    ordered = sorted(words, key=lambda w: w.box[0])
    height = median(w.box[3] - w.box[1] for w in ordered)
    parts: list[list[OcrWord]] = [[ordered[0]]]
    for word in ordered[1:]:
        if word.box[0] - parts[-1][-1].box[2] > gap * height:
            parts.append([])
        parts[-1].append(word)
    return [OcrLine(tuple(p)) for p in parts]


# ---------------------------------------------------------------------------------------------------- tesseract


def tesseract_path() -> str:
    path = shutil.which("tesseract")
    if path is None:
        raise ScanError("ocr.tool_missing")
    return path


@functools.lru_cache(maxsize=4)
def _languages(path: str) -> frozenset[str]:
    try:
        out = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    lines = (out.stdout + out.stderr).splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def available_languages() -> frozenset[str]:
    return _languages(tesseract_path())


def require_language(lang: str = DEFAULT_LANG) -> str:
    """The tesseract path, after checking every `+`-joined language has its data installed."""
    path = tesseract_path()
    missing = [part for part in lang.split("+") if part not in _languages(path)]
    if missing:
        raise ScanError("ocr.language_missing", lang="+".join(missing))
    return path


def enhance(gray: Image) -> Image:
    """Stretch levels so the paper (and its sensor noise) turns white and the ink black, keeping the anti-aliased
    edges. On noisy scans Tesseract drops the marks of bold capitals (TRUYỀN → TRUYEN) far less often after it."""
    hist = np.bincount(gray[:: 2, :: 2].ravel(), minlength=256)
    cumulative = np.cumsum(hist)
    total = int(cumulative[-1])
    paper = int(np.searchsorted(cumulative, total * 0.5))
    ink = int(np.searchsorted(cumulative, total * 0.01))
    white = max(paper - 40, ink + 60)
    black = min(ink + 15, white - 40)
    if white <= black or paper < 128:  # a dark or empty page: leave it alone
        return gray
    lut = np.clip((np.arange(256, dtype=np.float32) - black) * 255.0 / (white - black), 0, 255).astype(np.uint8)
    return np.asarray(cv2.LUT(gray, lut), dtype=np.uint8)


def recognise(image: Image, dpi: int = 300, *, lang: str = DEFAULT_LANG, psm: int = 1,
              timeout: float = DEFAULT_TIMEOUT_S, threads: int = 1, page: int = 1, stretch: bool = True) -> OcrPage:
    """OCR one page (grey or colour, white = 255). `threads` caps Tesseract's OpenMP threads: one keeps the other
    core free for capture. Raises ScanError ocr.* with a code the clerk can act on."""
    path = require_language(lang)
    gray = image if image.ndim == 2 else np.asarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), dtype=np.uint8)
    if stretch:
        gray = enhance(gray)
    ok, encoded = cv2.imencode(".pgm", gray)  # leptonica reads PNM from stdin; no compression cost
    if not ok:
        raise ScanError("ocr.failed", page=page, detail="the page image could not be encoded")
    env = {**os.environ, "OMP_THREAD_LIMIT": str(max(1, threads))}
    cmd = [path, "stdin", "stdout", "-l", lang, "--psm", str(psm), "--dpi", str(dpi), "tsv"]
    try:
        proc = subprocess.run(cmd, input=encoded.tobytes(), capture_output=True, timeout=timeout, env=env,
                              check=False)
    except FileNotFoundError:
        raise ScanError("ocr.tool_missing") from None
    except subprocess.TimeoutExpired:
        raise ScanError("ocr.timeout", seconds=round(timeout), page=page) from None
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        if "Failed loading language" in stderr or "couldn't load any languages" in stderr:
            raise ScanError("ocr.language_missing", lang=lang)
        detail = next((ln for ln in reversed(stderr.splitlines()) if ln.strip()), f"exit code {proc.returncode}")
        raise ScanError("ocr.failed", page=page, detail=detail.strip())
    words = parse_tsv(proc.stdout.decode("utf-8", "replace"))
    return OcrPage(words, gray.shape[1], gray.shape[0], dpi, lang)


def parse_tsv(tsv: str) -> tuple[OcrWord, ...]:
    """Word rows (level 5) of Tesseract's TSV, in its reading order; rule lines read as blank words are dropped."""
    words: list[OcrWord] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = unicodedata.normalize("NFC", cols[11].strip())
        if not text:
            continue
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
            block, par, line = int(cols[2]), int(cols[3]), int(cols[4])
        except ValueError:
            continue
        words.append(OcrWord(text, (left, top, left + width, top + height), max(0.0, conf), block, par, line))
    return tuple(words)
