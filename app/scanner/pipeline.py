"""Page cleanup after capture: orientation, deskew, border crop, despeckle, output mode, blank detection, splitting.

Pure functions on numpy arrays (OpenCV), so they run in worker processes and in tests without a scanner. Analysis
happens on small copies (~75 dpi for geometry, ~150 dpi for orientation) and only the final warp, threshold and
encode touch every pixel: that keeps a 300-dpi A4 page well under 200 ms on one core (design §9: ≥ 300 pages/min).

Conventions: images are 8-bit, white = 255; greyscale H×W or colour H×W×3 (RGB). Angles are in degrees,
counter-clockwise as seen on screen; `rotation` is the clockwise quarter-turn the pipeline applied to make text
upright. Blank pages are flagged with a score, never dropped: the clerk decides.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import pairwise
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from app.scanner.sources import Cancellable, Image, OutputMode, Page
from app.scanner.split import PageMark, SplitMode, SplitRule, split_marks

Mask = npt.NDArray[np.bool_]


class Orientation(StrEnum):
    AUTO = "auto"  # fast projection heuristic; Tesseract OSD only when the heuristic is unsure
    HEURISTIC = "heuristic"
    TESSERACT = "tesseract"
    OFF = "off"


class Binarisation(StrEnum):
    ADAPTIVE = "adaptive"  # local mean (uneven lighting, faint text) united with a global dark test (solid stamps)
    OTSU = "otsu"


@dataclass(frozen=True)
class PipelineSettings:
    output: OutputMode = OutputMode.BLACK_WHITE
    orientation: Orientation = Orientation.AUTO
    orientation_min_confidence: float = 0.12
    deskew: bool = True
    max_skew_deg: float = 15.0
    crop_border: bool = True
    despeckle: bool = True
    binarisation: Binarisation = Binarisation.ADAPTIVE
    blank_threshold: float = 0.0008  # fraction of the page that is ink; below this the page is flagged blank
    read_codes: bool = False  # look for QR/barcodes (needed for SplitMode.BARCODE)
    keep_gray: bool = True  # keep the cleaned greyscale beside a 1-bit output: OCR reads grey far better
    encode: bool = False  # also produce the stored bytes (CCITT G4 TIFF for 1-bit, PNG/JPEG otherwise)
    split: SplitRule = field(default_factory=SplitRule)


@dataclass(eq=False)
class PageResult:
    image: Image  # the output (0/255 for black-and-white)
    gray: Image | None
    dpi: int
    skew_deg: float  # detected (and corrected) skew
    rotation: int  # clockwise quarter-turn applied
    orientation_confidence: float
    orientation_method: str
    crop_box: tuple[int, int, int, int]  # x0, y0, x1, y1 in the deskewed image
    blank_score: float
    is_blank: bool
    codes: tuple[str, ...] = ()
    encoded: bytes | None = None
    encoded_format: str | None = None
    index: int = 0


@dataclass
class BatchResult:
    pages: list[PageResult]
    documents: list[list[int]]
    separators: list[int]
    cancelled: bool = False


# --------------------------------------------------------------------------------------------------- primitives


def to_gray(image: Image) -> Image:
    if image.ndim == 2:
        return image
    return np.asarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY), dtype=np.uint8)


def _shrink(gray: Image, scale: float) -> Image:
    if scale >= 1.0:
        return gray
    return np.asarray(cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def _otsu(gray: Image) -> float:
    value, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return float(value)


def border_mask(small: Image, dark_level: float | None = None) -> Mask:
    """Dark regions touching the image edge (scanner lid, warp fill), at analysis scale.

    Text never touches the edge on a scanned page (there is a margin), so edge-connected dark components are border.
    No morphological closing: it would bridge the border to the text and crop nothing.
    """
    level = dark_level if dark_level is not None else min(_otsu(small), 128.0)
    dark = (small < level).astype(np.uint8)
    _count, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    h, w = small.shape
    x, y, bw, bh = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    touches = (x == 0) | (y == 0) | (x + bw >= w) | (y + bh >= h)
    big = (bw >= w * 0.2) | (bh >= h * 0.2)
    keep = touches & big
    keep[0] = False  # background label
    if not keep.any():
        return np.zeros_like(small, dtype=bool)
    return np.asarray(keep[labels], dtype=bool)


def ink_mask(small: Image, border: Mask | None = None) -> Mask:
    """Text-like pixels on a small copy: darker than the local paper, excluding the border."""
    background = cv2.blur(small, (31, 31))
    # small < background − 40 without int16 copies: the saturating subtract gives 0 where the paper is darker than
    # 40, and nothing is below 0, exactly as the signed comparison
    ink = cv2.compare(small, cv2.subtract(background, np.full_like(background, 40)), cv2.CMP_LT) > 0
    if border is not None and border.any():
        grown = cv2.dilate(border.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
        ink &= ~grown
    return np.asarray(ink, dtype=bool)


# --------------------------------------------------------------------------------------------------------- skew


def _profile_score(xs: npt.NDArray[np.float32], ys: npt.NDArray[np.float32], angle: float) -> float:
    """Sum of squares of the row profile of the points sheared by `angle`; peaks when text lines are level.

    Each point is shared linearly between its two nearest rows: plain rounding would favour exactly 0° (integer
    coordinates fall on half the bins) and bias the answer towards "no skew".
    """
    shifted = ys + xs * np.float32(np.tan(np.radians(angle)))
    shifted -= shifted.min()
    low = shifted.astype(np.int32)
    frac = (shifted - low).astype(np.float64)
    hist = np.bincount(low, weights=1.0 - frac) + np.bincount(low + 1, weights=frac)[: low.max() + 1]
    return float(np.dot(hist, hist))


def detect_skew(ink: Mask, max_deg: float = 15.0) -> float:
    """Skew of text lines (degrees, counter-clockwise) by maximising the sharpness of the projection profile.

    Coarse-to-fine search over ink-pixel coordinates (a bincount per angle), then a parabola through the best three
    samples. Robust to stamps, photos and a partial border, unlike a bounding-rectangle fit. Lines may run across
    (upright or upside-down page) or down (page fed sideways): the coarse pass tries both and refines the sharper.
    """
    ys, xs = np.nonzero(ink)
    if xs.size < 200:
        return 0.0
    across = _coarse(xs, ys, max_deg)
    down = _coarse(ys, xs, max_deg)
    if down[1] > across[1]:  # the transpose mirrors the page, so its angle has the opposite sense
        return -_refine(ys, xs, down[0], max_deg)
    return _refine(xs, ys, across[0], max_deg)


def _points(xs: npt.NDArray[np.intp], ys: npt.NDArray[np.intp], sample: int) -> tuple[
        npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    stride = xs.size // sample + 1
    px, py = xs[::stride], ys[::stride]
    return (px - px.mean()).astype(np.float32), py.astype(np.float32)


def _best_angle(px: npt.NDArray[np.float32], py: npt.NDArray[np.float32], centre: float, span: float, step: float,
                max_deg: float) -> tuple[float, float]:
    angles = np.arange(centre - span, centre + span + step / 2, step)
    angles = angles[np.abs(angles) <= max_deg + 1e-9]
    scores = np.array([_profile_score(px, py, float(a)) for a in angles])
    i = int(np.argmax(scores))
    best = float(angles[i])
    if 0 < i < len(scores) - 1:
        left, mid, right = scores[i - 1], scores[i], scores[i + 1]
        denom = left - 2 * mid + right
        if denom < 0:
            best += float(0.5 * (left - right) / denom * step)
    return best, float(scores[i])


def _coarse(xs: npt.NDArray[np.intp], ys: npt.NDArray[np.intp], max_deg: float) -> tuple[float, float]:
    px, py = _points(xs, ys, 10_000)
    return _best_angle(px, py, 0.0, max_deg, 0.5, max_deg)


def _refine(xs: npt.NDArray[np.intp], ys: npt.NDArray[np.intp], start: float, max_deg: float) -> float:
    px, py = _points(xs, ys, 40_000)
    best = start
    for span, step in ((0.75, 0.1), (0.15, 0.02)):
        best, _ = _best_angle(px, py, best, span, step, max_deg)
    return round(best, 3)


def rotate(image: Image, angle_deg: float, fill: int = 255) -> Image:
    """Rotate about the centre, keeping the size (the corners are cropped or filled with `fill`)."""
    if abs(angle_deg) < 0.01:
        return image
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle_deg, 1.0)
    value: Any = (fill, fill, fill) if image.ndim == 3 else fill
    return np.asarray(
        cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                       borderValue=value),
        dtype=np.uint8,
    )


# --------------------------------------------------------------------------------------------------------- crop


def crop_box_from_border(border: Mask, scale: float, shape: tuple[int, int]) -> tuple[int, int, int, int]:
    """Rows/columns that are mostly border, from each edge inward, become the crop; returns full-scale x0,y0,x1,y1."""
    h, w = border.shape

    def inward(fractions: npt.NDArray[np.float64]) -> tuple[int, int]:
        n = len(fractions)
        start = 0
        while start < n - 1 and fractions[start] > 0.5:
            start += 1
        end = n
        while end > start + 1 and fractions[end - 1] > 0.5:
            end -= 1
        return start, end

    row_frac = border.mean(axis=1)
    col_frac = border.mean(axis=0)
    y0, y1 = inward(row_frac)
    x0, x1 = inward(col_frac)
    if (y1 - y0) < h * 0.3 or (x1 - x0) < w * 0.3:  # implausible: would throw most of the page away
        return 0, 0, shape[1], shape[0]
    full_h, full_w = shape
    pad = 1  # one analysis pixel: the border's soft edge
    return (
        min(full_w, round((x0 + (pad if x0 else 0)) / scale)),
        min(full_h, round((y0 + (pad if y0 else 0)) / scale)),
        max(0, round((x1 - (pad if x1 < w else 0)) / scale)),
        max(0, round((y1 - (pad if y1 < h else 0)) / scale)),
    )


def whiten_border(image: Image, border: Mask, box: tuple[int, int, int, int], scale: float, paper: int) -> Image:
    """Paint what is left of the border inside the crop (skew residue, corner wedges) in the paper tone.

    Works per quadrant on the bounding box of the leftover border, so a thin strip costs a thin strip, not a page.
    """
    x0, y0, x1, y1 = box
    sx0, sy0 = int(x0 * scale), int(y0 * scale)
    sx1, sy1 = int(np.ceil(x1 * scale)), int(np.ceil(y1 * scale))
    part = border[sy0:sy1, sx0:sx1]
    if not part.any():
        return image
    grown = cv2.dilate(part.astype(np.uint8), np.ones((3, 3), np.uint8))
    out = image.copy()
    h, w = grown.shape
    full_h, full_w = image.shape[:2]
    for qy0, qy1 in ((0, h // 2), (h // 2, h)):
        for qx0, qx1 in ((0, w // 2), (w // 2, w)):
            quadrant = grown[qy0:qy1, qx0:qx1]
            ys, xs = np.nonzero(quadrant)
            if ys.size == 0:
                continue
            ry0, ry1, rx0, rx1 = qy0 + ys.min(), qy0 + ys.max() + 1, qx0 + xs.min(), qx0 + xs.max() + 1
            fy0, fy1 = int(ry0 / scale), min(full_h, int(np.ceil(ry1 / scale)))
            fx0, fx1 = int(rx0 / scale), min(full_w, int(np.ceil(rx1 / scale)))
            if fy1 <= fy0 or fx1 <= fx0:
                continue
            mask = cv2.resize(grown[ry0:ry1, rx0:rx1], (fx1 - fx0, fy1 - fy0), interpolation=cv2.INTER_NEAREST)
            out[fy0:fy1, fx0:fx1][mask.astype(bool)] = paper
    return out


def _rotate_mask(mask: Mask, angle_deg: float) -> Mask:
    """Rotate a border mask like `rotate`; what the rotation brings in from outside counts as border."""
    h, w = mask.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle_deg, 1.0)
    turned = cv2.warpAffine(mask.astype(np.uint8), matrix, (w, h), flags=cv2.INTER_NEAREST,
                            borderMode=cv2.BORDER_CONSTANT, borderValue=1)
    return np.asarray(turned, dtype=bool)


def _warp_into(image: Image, skew_deg: float, box: tuple[int, int, int, int], fill: int) -> Image:
    """Deskew `image` (rotate by −skew about its centre) and cut out `box` in one pass."""
    x0, y0, x1, y1 = box
    if abs(skew_deg) < 0.01:
        return image[y0:y1, x0:x1]
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), -skew_deg, 1.0)
    matrix[0, 2] -= x0
    matrix[1, 2] -= y0
    value: Any = (fill, fill, fill) if image.ndim == 3 else fill
    return np.asarray(
        cv2.warpAffine(image, matrix, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                       borderValue=value),
        dtype=np.uint8,
    )


# -------------------------------------------------------------------------------------------------- orientation


@dataclass(frozen=True)
class _TextLine:
    above: float  # ink above the line's core (x-height) band
    below: float  # ink below it
    left: int  # first and last ink column
    right: int

    @property
    def vote(self) -> int:
        """+1 upright, −1 upside down, 0 no opinion (too little ink outside the core band to tell)."""
        total = self.above + self.below
        if total <= 0:
            return 0
        lean = (self.above - self.below) / total
        return 0 if abs(lean) < 0.05 else (1 if lean > 0 else -1)


def _text_lines(ink: Mask) -> list[_TextLine]:
    """Text lines of a page whose lines run across, found as runs of inked rows."""
    rows = ink.sum(axis=1).astype(np.float64)
    if rows.sum() == 0:
        return []
    active = rows > max(1.0, rows.max() * 0.02)
    lines: list[_TextLine] = []
    y, n = 0, len(rows)
    while y < n:
        if not active[y]:
            y += 1
            continue
        start = y
        while y < n and active[y]:
            y += 1
        for a, b in _split_band(rows[start:y]):
            band = rows[start + a:start + b]
            if len(band) < 4:
                continue
            core = np.nonzero(band >= band.max() * 0.5)[0]
            top, bottom = int(core[0]), int(core[-1])
            cols = np.nonzero(ink[start + a:start + b].any(axis=0))[0]
            lines.append(_TextLine(float(band[:top].sum()), float(band[bottom + 1:].sum()), int(cols[0]),
                                   int(cols[-1])))
    return lines


def _split_band(band: npt.NDArray[np.float64]) -> list[tuple[int, int]]:
    """Lines that touch (a tone mark reaching the descenders of the line above, tight line spacing) share
    one run of inked rows: cut it at the deep valley between each two strong cores."""
    strong = band >= band.max() * 0.4
    runs: list[tuple[int, int]] = []
    i, n = 0, len(band)
    while i < n:
        if strong[i]:
            j = i
            while j < n and strong[j]:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    cuts = [0]
    for (_, left_end), (right_start, right_end) in pairwise(runs):
        gap = band[left_end:right_start]
        if gap.size == 0:
            continue
        valley = left_end + int(np.argmin(gap))
        left_peak = float(band[cuts[-1]:left_end].max())
        right_peak = float(band[right_start:right_end].max())
        if band[valley] < 0.3 * min(left_peak, right_peak):
            cuts.append(valley)
    cuts.append(n)
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _line_structure(ink: Mask) -> float:
    """How strongly ink forms horizontal lines: normalised energy of the row profile within the ink's extent."""
    rows = ink.sum(axis=1).astype(np.float64)
    nz = np.nonzero(rows)[0]
    if nz.size < 2:
        return 0.0
    rows = rows[nz[0]:nz[-1] + 1]
    return float(len(rows) * np.dot(rows, rows) / rows.sum() ** 2)


FULL_VOTE_LINES = 8  # this many agreeing lines make a sure 0-vs-180 call; fewer lines, proportionally less sure
AXIS_SURE_RATIO = 1.5  # row-profile energy this many times the column one: lines surely run across


def _edge_alignment(lines: Sequence[_TextLine], width: int) -> float:
    """Left-aligned minus right-aligned share of the lines (within 2 % of the width): > 0 when the aligned edge is on
    the left, as in an upright official document; ~0 for justified or centred text, which says nothing."""
    if len(lines) < 3:
        return 0.0
    tol = max(2.0, 0.02 * width)
    lefts = np.array([line.left for line in lines], dtype=np.float64)
    rights = np.array([line.right for line in lines], dtype=np.float64)
    left_share = float(np.mean(np.abs(lefts - np.median(lefts)) <= tol))
    right_share = float(np.mean(np.abs(rights - np.median(rights)) <= tol))
    return left_share - right_share


def detect_orientation(ink: Mask) -> tuple[int, float]:
    """Clockwise quarter-turn that makes the text upright, and a confidence in [0, 1] (0: no idea).

    Three cheap cues on the ~150-dpi ink mask (ORIENTATION_DPI), each measured, none trusted alone:
    * axis: the row profile of horizontal text lines is far more peaked than the column one (≈ 2× on a text page),
      which tells 0/180 from 90/270;
    * per-line votes: on each line, more ink above the x-height band (ascenders, capitals, Vietnamese tone marks)
      than below it (descenders, the dot below) means upright; the vote margin over the lines tells 0 from 180;
    * edge alignment: official documents are left-aligned or justified, so a ragged left edge with a straight right
      one contradicts "upright" and halves the confidence.
    Confidence is the product of the axis certainty and the vote margin (scaled down when there are fewer than
    FULL_VOTE_LINES lines), so a page with little text or an undecided vote goes to Tesseract OSD.
    """
    across, down = _line_structure(ink), _line_structure(ink.T)
    horizontal = across >= down
    base = ink if horizontal else np.rot90(ink, k=-1)  # text lines horizontal in `base`
    lines = _text_lines(base)
    if not lines:
        return 0, 0.0
    votes = [line.vote for line in lines]
    cast = sum(1 for v in votes if v)
    margin = sum(votes) / cast if cast else 0.0
    upright = margin >= 0
    turn = (0 if horizontal else 90) + (0 if upright else 180)
    ratio = max(across, down) / max(min(across, down), 1e-9)
    axis_sure = min(1.0, max(0.0, (ratio - 1.0) / (AXIS_SURE_RATIO - 1.0)))
    confidence = axis_sure * abs(margin) * min(1.0, cast / FULL_VOTE_LINES)
    alignment = _edge_alignment(lines, base.shape[1])
    if (alignment if upright else -alignment) < -0.3:
        confidence *= 0.5
    return turn % 360, round(min(1.0, confidence), 3)


def tesseract_orientation(gray: Image, dpi: int) -> tuple[int, float] | None:
    """Tesseract OSD (`--psm 0`): clockwise turn and its confidence, or None without tesseract/osd.

    Called like `ocr.recognise`: the page as PGM on stdin (no temporary file, no PNG compression) and one OpenMP
    thread, so on a busy core it does not fight the pipeline with threads of its own. Feed it ~150 dpi: OSD reads
    no better at 300 and costs twice the time."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    ok, encoded = cv2.imencode(".pgm", gray)
    if not ok:
        return None
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run([exe, "stdin", "stdout", "--psm", "0", "--dpi", str(dpi)], input=encoded.tobytes(),
                              capture_output=True, timeout=60, env=env, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = done.stdout.decode("utf-8", "replace")
    fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
    try:
        rotate_by = int(fields["Rotate"].strip())
        confidence = float(fields["Orientation confidence"].strip())
    except (KeyError, ValueError):
        return None
    # "Rotate" is the clockwise turn (as displayed) that makes the page upright; pinned by an integration test.
    return rotate_by % 360, min(1.0, confidence / 15.0)


def turn(image: Image, clockwise: int) -> Image:
    k = (clockwise // 90) % 4
    return image if k == 0 else np.ascontiguousarray(np.rot90(image, k=-k))


# ------------------------------------------------------------------------------------------------ output modes


def binarise(gray: Image, method: Binarisation = Binarisation.ADAPTIVE, dpi: int = 300) -> Image:
    """0/255 image. Adaptive keeps faint text under uneven light; the global dark test keeps solid areas solid."""
    if method is Binarisation.OTSU:
        _, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        return np.asarray(bw, dtype=np.uint8)
    block = max(15, int(dpi / 10) | 1)  # ~2.5 mm window
    local = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block, 18)
    solid_level = min(_otsu(gray[:: 4, :: 4]), 110.0)
    solid = gray < solid_level
    local[solid] = 0
    return np.asarray(local, dtype=np.uint8)


def despeckle_bw(bw: Image, max_area: int) -> Image:
    """Remove black specks (dust, sensor noise) from a 0/255 image: ink pixels whose 5×5 neighbourhood holds at
    most `max_area` ink pixels. A box filter instead of connected components: ~10× cheaper on a text page, and
    text strokes (≥ 3 px wide at 300 dpi) always have more neighbours."""
    ink = (bw == 0).astype(np.uint8)
    count = cv2.boxFilter(ink, cv2.CV_16U, (5, 5), normalize=False)
    specks = (ink == 1) & (count <= max_area)
    if not specks.any():
        return bw
    out = bw.copy()
    out[specks] = 255
    return out


def despeckle_gray(image: Image) -> Image:
    return np.asarray(cv2.medianBlur(image, 3), dtype=np.uint8)


def encode_g4(bw: Image, dpi: int) -> bytes:
    """CCITT Group 4 TIFF: ~45 KB a page; img2pdf embeds it in the PDF without re-encoding."""
    from PIL import Image as PILImage

    img = PILImage.fromarray(bw).convert("1", dither=PILImage.Dither.NONE)
    buf = io.BytesIO()
    img.save(buf, format="TIFF", compression="group4", dpi=(dpi, dpi))
    return buf.getvalue()


def encode_image(image: Image, dpi: int, output: OutputMode) -> tuple[bytes, str]:
    if output is OutputMode.BLACK_WHITE:
        return encode_g4(image, dpi), "tiff-g4"
    rgb = cv2.cvtColor(image, cv2.COLOR_RGB2BGR) if image.ndim == 3 else image
    ok, data = cv2.imencode(".jpg", rgb, [cv2.IMWRITE_JPEG_QUALITY, 80])
    if not ok:
        raise ValueError("JPEG encoding failed")
    return data.tobytes(), "jpeg"


# ------------------------------------------------------------------------------------------------------- blank


def blank_score(gray: Image, dpi: int = 300) -> float:
    """Fraction of the page (inner 94 %) that is real ink at ~75 dpi, specks removed; sensor noise scores ~0.

    Not Otsu: on a noisy blank page it calls 6–7 % of the pixels ink (platform notes)."""
    return _blank_score_small(_shrink(gray, min(1.0, 75.0 / dpi)))


def _blank_score_small(small: Image) -> float:
    h, w = small.shape
    my, mx = int(h * 0.03), int(w * 0.03)
    inner = small[my:h - my, mx:w - mx]
    if inner.size == 0:
        return 0.0
    ink = (inner < _median(inner) - 50).astype(np.uint8)
    if not ink.any():
        return 0.0
    neighbours = cv2.boxFilter(ink, cv2.CV_16U, (3, 3), normalize=False)
    solid = (ink == 1) & (neighbours >= 3)  # lone pixels and pairs are dust
    return float(np.count_nonzero(solid)) / float(inner.size)


# ------------------------------------------------------------------------------------------------------- codes


def read_codes(gray: Image, dpi: int = 300) -> tuple[str, ...]:
    """QR codes and barcodes on the page (pyzbar/zbar when installed, else OpenCV's QR detector)."""
    small = _shrink(gray, min(1.0, 150.0 / dpi))
    try:
        from pyzbar import pyzbar
    except ImportError:  # libzbar missing: OpenCV reads QR codes only
        pyzbar = None
    if pyzbar is not None:
        found = [d.data.decode("utf-8", "replace") for d in pyzbar.decode(small)]
        if not found and small is not gray:
            found = [d.data.decode("utf-8", "replace") for d in pyzbar.decode(gray)]
        return tuple(dict.fromkeys(found))
    detector = cv2.QRCodeDetector()
    ok, texts, _, _ = detector.detectAndDecodeMulti(gray)
    return tuple(dict.fromkeys(t for t in texts if t)) if ok else ()


# ------------------------------------------------------------------------------------------------------ a page


def process_page(image: Image, settings: PipelineSettings = PipelineSettings(), dpi: int = 300,
                 index: int = 0) -> PageResult:
    """Run the whole cleanup on one page. Geometry is measured on a ~75-dpi grey copy (`small`, kept in step with
    the full page through every turn and crop) and applied to the full grey and, for colour output, colour image."""
    gray = to_gray(image)
    colour = image if image.ndim == 3 and settings.output is OutputMode.COLOR else None
    scale = min(1.0, 75.0 / dpi)
    small = _shrink(gray, scale)
    dark_level = min(_otsu(small), 128.0)
    border = border_mask(small, dark_level)
    paper = _median(small[~border]) if (~border).any() else 255

    angle = 0.0
    if settings.deskew:
        angle = detect_skew(ink_mask(small, border), settings.max_skew_deg)
    turned = abs(angle) >= 0.02
    fill = 0 if settings.crop_border else paper  # dark fill merges with the lid, so the crop removes both
    if turned:
        small = rotate(small, -angle, fill)
        border = _rotate_mask(border, -angle)

    box = (0, 0, gray.shape[1], gray.shape[0])
    if settings.crop_border:
        box = crop_box_from_border(border, scale, gray.shape[:2])
    # One warp straight into the crop box: no full-size intermediate, ~8 % fewer pixels to interpolate.
    gray = _warp_into(gray, angle if turned else 0.0, box, fill)
    colour = _warp_into(colour, angle if turned else 0.0, box, fill) if colour is not None else None
    if settings.crop_border:
        gray = whiten_border(gray, border, box, scale, paper)
        if colour is not None:
            colour = whiten_border(colour, border, box, scale, paper)
        x0, y0, x1, y1 = box
        sy0, sy1, sx0, sx1 = int(y0 * scale), int(np.ceil(y1 * scale)), int(x0 * scale), int(np.ceil(x1 * scale))
        small = small[sy0:sy1, sx0:sx1].copy()
        small[border[sy0:sy1, sx0:sx1]] = paper

    score = _blank_score_small(small)  # a quarter turn leaves it as it is: the inner window is symmetric
    is_blank = score < settings.blank_threshold
    rotation, confidence, method = _orientation(gray, dpi, settings, is_blank)
    if rotation:
        gray = turn(gray, rotation)
        small = turn(small, rotation)
        colour = turn(colour, rotation) if colour is not None else None

    codes = read_codes(gray, dpi) if settings.read_codes else ()
    output, kept_gray = _output(gray, colour, settings, dpi)
    encoded, fmt = encode_image(output, dpi, settings.output) if settings.encode else (None, None)
    return PageResult(
        image=output, gray=kept_gray, dpi=dpi, skew_deg=angle, rotation=rotation,
        orientation_confidence=confidence, orientation_method=method, crop_box=box,
        blank_score=score, is_blank=is_blank, codes=codes,
        encoded=encoded, encoded_format=fmt, index=index,
    )


def _median(values: Image) -> int:
    """Median of uint8 values through a histogram: ~10× faster than np.median's partition on a page."""
    counts = np.bincount(values.ravel(), minlength=256)
    return int(np.searchsorted(np.cumsum(counts), values.size / 2))


TURN_MIN_CONFIDENCE = 0.5
ORIENTATION_DPI = 150.0  # x-height ~12 px: the band above and below it is measurable; at 75 dpi it is 5 px


def _orientation(gray: Image, dpi: int, settings: PipelineSettings, blank: bool = False) -> tuple[int, float, str]:
    """The heuristic decides when it is sure; Tesseract OSD (~1 s) only reads the pages it is unsure of."""
    if settings.orientation is Orientation.OFF:
        return 0, 0.0, "off"
    if blank and settings.orientation is not Orientation.TESSERACT:  # nothing to read; the clerk turns it if need be
        return 0, 0.0, "heuristic"
    if settings.orientation is not Orientation.TESSERACT:
        rotation, confidence = detect_orientation(ink_mask(_shrink(gray, min(1.0, ORIENTATION_DPI / dpi))))
        # Nearly every sheet arrives upright, and a wrong turn ruins OCR: turning needs more certainty than not.
        needed = settings.orientation_min_confidence if rotation == 0 else max(settings.orientation_min_confidence,
                                                                              TURN_MIN_CONFIDENCE)
        if settings.orientation is Orientation.HEURISTIC or confidence >= needed:
            return rotation, confidence, "heuristic"
        if confidence == 0.0:  # no text lines at all (blank, photo): nothing OSD could read either
            return 0, 0.0, "heuristic"
    osd = tesseract_orientation(_shrink(gray, min(1.0, 150.0 / dpi)), min(dpi, 150))
    if osd is None:
        return 0, 0.0, "none"
    return osd[0], osd[1], "tesseract"


def _output(gray: Image, colour: Image | None, settings: PipelineSettings, dpi: int) -> tuple[Image, Image | None]:
    if settings.output is OutputMode.COLOR and colour is not None:
        return (despeckle_gray(colour) if settings.despeckle else colour), gray if settings.keep_gray else None
    if settings.output is OutputMode.BLACK_WHITE:
        bw = binarise(gray, settings.binarisation, dpi)
        if settings.despeckle:
            bw = despeckle_bw(bw, max(2, round(4 * (dpi / 300) ** 2)))
        return bw, gray if settings.keep_gray else None
    cleaned = despeckle_gray(gray) if settings.despeckle else gray
    return cleaned, None  # the grey output is itself the OCR input


# ---------------------------------------------------------------------------------------------------- splitting


def split_documents(results: Sequence[PageResult], rule: SplitRule) -> tuple[list[list[int]], list[int]]:
    """Page indexes grouped into documents, and the separator pages (which belong to none); see `split.py`."""
    blank_marks = rule.mode is SplitMode.BLANK_SHEET  # elsewhere a blank page of a batch is an ordinary page here
    split = split_marks([PageMark(blank=blank_marks and r.is_blank, codes=r.codes) for r in results], rule)
    return split.documents, split.separators


# ---------------------------------------------------------------------------------------------------------- batch


def _process_one(args: tuple[Image, PipelineSettings, int, int]) -> PageResult:
    image, settings, dpi, index = args
    return process_page(image, settings, dpi, index)


def process_batch(
    pages: Iterable[Page | Image],
    settings: PipelineSettings = PipelineSettings(),
    workers: int = 2,
    *,
    dpi: int = 300,
    cancel: Cancellable | None = None,
    on_result: Callable[[PageResult], None] | None = None,
    executor: ProcessPoolExecutor | None = None,
) -> BatchResult:
    """Clean every page on `workers` processes (1: in this process), in order, then split into documents.

    Pages are submitted a few at a time, so cancelling stops within about one page per worker; results already
    finished are returned (`cancelled=True`). Pass a long-lived `executor` to skip worker start-up per batch.
    """
    items = [(p.image, p.dpi, p.index) if isinstance(p, Page) else (p, dpi, i) for i, p in enumerate(pages)]
    if settings.split.mode is SplitMode.BARCODE and not settings.read_codes:
        settings = replace(settings, read_codes=True)
    results: list[PageResult] = []
    cancelled = False
    if workers <= 1 and executor is None:
        for image, page_dpi, _ in items:
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            result = process_page(image, settings, page_dpi, len(results))
            results.append(result)
            if on_result is not None:
                on_result(result)
    else:
        results, cancelled = _run_pool(items, settings, workers, cancel, on_result, executor)
    documents, separators = split_documents(results, settings.split)
    return BatchResult(results, documents, separators, cancelled)


def _run_pool(
    items: list[tuple[Image, int, int]],
    settings: PipelineSettings,
    workers: int,
    cancel: Cancellable | None,
    on_result: Callable[[PageResult], None] | None,
    executor: ProcessPoolExecutor | None,
) -> tuple[list[PageResult], bool]:
    own = executor is None
    pool = executor or make_executor(workers)
    results: list[PageResult] = []
    pending: list[Future[PageResult]] = []
    next_item = 0
    window = max(2, workers * 2)
    cancelled = False
    try:
        while next_item < len(items) or pending:
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            while next_item < len(items) and len(pending) < window:
                image, page_dpi, _ = items[next_item]
                pending.append(pool.submit(_process_one, (image, settings, page_dpi, next_item)))
                next_item += 1
            result = _wait_first(pending[0], cancel)
            if result is None:
                cancelled = True
                break
            pending.pop(0)
            results.append(result)
            if on_result is not None:
                on_result(result)
    finally:
        for fut in pending:
            fut.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)
    return results, cancelled


def _init_worker() -> None:
    cv2.setNumThreads(1)  # one process per core already; OpenCV's own threads would only contend


def make_executor(workers: int = 2) -> ProcessPoolExecutor:
    """A pool for `process_batch`; spawned (never forked: the app runs Qt threads), one OpenCV thread each.

    Keep one for the session to pay the ~0.5 s worker start-up once.
    """
    import multiprocessing as mp

    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"), initializer=_init_worker)


def _wait_first(future: Future[PageResult], cancel: Cancellable | None) -> PageResult | None:
    """The future's result, polling `cancel` so a cancel is honoured while a page is still in work."""
    from concurrent.futures import TimeoutError as FutureTimeout

    while True:
        try:
            return future.result(timeout=0.1)
        except FutureTimeout:
            if cancel is not None and cancel.is_set():
                return None
