"""Synthetic scanned pages with known geometry, for tests, benchmarks and demo data.

A page is Vietnamese official-style text drawn with a Noto font, then "scanned": placed skewed by a known angle on a
dark scanner lid, optionally turned 90/180/270°, with sensor noise. Knowing the truth lets tests assert that the
pipeline recovers it.
"""

from __future__ import annotations

import functools
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from app.scanner.sources import Image

A4_300 = (2480, 3508)  # width, height in pixels at 300 dpi

LINES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
    "Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 125/TTr-STTTT,",
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố",
    "triển khai thực hiện nghiêm túc các nội dung về quản lý văn bản điện tử và lưu trữ hồ sơ.",
    "Việc tiếp nhận, đăng ký, trình, chuyển giao văn bản đến phải bảo đảm kịp thời, chính xác, đầy đủ;",
    "văn bản khẩn phải được trình và chuyển giao ngay sau khi nhận được, không để chậm trễ.",
    "Người đứng đầu cơ quan, tổ chức chịu trách nhiệm chỉ đạo, kiểm tra việc thực hiện quy định này.",
    "Đồng thời báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2026 để tổng hợp.",
    "Giao Sở Nội vụ theo dõi, đôn đốc, hướng dẫn việc số hóa tài liệu lưu trữ, bảo quản hồ sơ giấy.",
)


@functools.lru_cache(maxsize=8)
def font_path(family: str = "Noto Serif") -> str | None:
    """The font file fontconfig picks for `family` (Vietnamese glyphs), or None without fontconfig."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", family], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    path = out.stdout.strip()
    return path if path and Path(path).exists() else None


@dataclass(frozen=True)
class ScannedPage:
    image: Image
    skew_deg: float  # counter-clockwise angle the paper was turned on the glass
    rotation: int  # 0/90/180/270: clockwise turn applied after skew (page fed sideways / upside down)
    border_px: int
    blank: bool


def text_page(size: tuple[int, int] = A4_300, *, seed: int = 0, font_px: int = 46) -> Image:
    """An upright greyscale page of Vietnamese text (white paper ~242, ink ~25)."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    rng = random.Random(seed)
    width, height = size
    img = PILImage.new("L", size, 242)
    draw = ImageDraw.Draw(img)
    path = font_path()
    font = ImageFont.truetype(path, font_px) if path else ImageFont.load_default(font_px)
    bold = ImageFont.truetype(path.replace("Regular", "Bold"), font_px) if path and "Regular" in path else font
    margin_x, y = width // 10, height // 12
    draw.text((width // 2, y), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, fill=25, anchor="mt")
    y += int(font_px * 1.6)
    draw.text((width // 2, y), "Độc lập - Tự do - Hạnh phúc", font=bold, fill=25, anchor="mt")
    y += int(font_px * 2.5)
    line_gap = int(font_px * 1.55)
    words = " ".join(rng.sample(LINES, len(LINES)) * 4).split()
    line: list[str] = []
    for word in words:
        if y > height - height // 10:
            break
        if draw.textlength(" ".join([*line, word]), font=font) > width - 2 * margin_x and line:
            draw.text((margin_x, y), " ".join(line), font=font, fill=25)
            y += line_gap
            line = []
        line.append(word)
    return np.asarray(img, dtype=np.uint8).copy()


def blank_page(size: tuple[int, int] = A4_300) -> Image:
    return np.full((size[1], size[0]), 242, dtype=np.uint8)


def scan_of(
    page: Image,
    *,
    skew_deg: float = 0.0,
    rotation: int = 0,
    border_px: int = 0,
    noise: float = 0.0,
    seed: int = 0,
) -> Image:
    """`page` as a scanner would see it: turned by `skew_deg` on a dark lid `border_px` wide, noisy, fed sideways."""
    rng = np.random.default_rng(seed)
    h, w = page.shape[:2]
    lid = 35
    canvas = np.full((h + 2 * border_px, w + 2 * border_px), lid, dtype=np.uint8)
    canvas[border_px:border_px + h, border_px:border_px + w] = page
    if skew_deg:
        centre = (canvas.shape[1] / 2, canvas.shape[0] / 2)
        matrix = cv2.getRotationMatrix2D(centre, skew_deg, 1.0)
        canvas = cv2.warpAffine(canvas, matrix, (canvas.shape[1], canvas.shape[0]), flags=cv2.INTER_LINEAR,
                                borderMode=cv2.BORDER_CONSTANT, borderValue=lid)
    if noise:
        noisy = canvas.astype(np.float32) + np.asarray(rng.normal(0.0, noise, canvas.shape), dtype=np.float32)
        canvas = np.clip(noisy, 0, 255).astype(np.uint8)
    if rotation:
        canvas = np.ascontiguousarray(np.rot90(canvas, k=-(rotation // 90)))
    return canvas


def scanned_batch(
    count: int, *, seed: int = 0, max_skew: float = 5.0, blank_every: int = 0, rotate: bool = False,
    size: tuple[int, int] = A4_300, border_px: int = 60, noise: float = 6.0,
) -> list[ScannedPage]:
    """`count` scans with random skew in ±max_skew; every `blank_every`-th page blank; some turned if `rotate`."""
    rng = random.Random(seed)
    out: list[ScannedPage] = []
    for i in range(count):
        blank = bool(blank_every) and (i + 1) % blank_every == 0
        page = blank_page(size) if blank else text_page(size, seed=seed * 1000 + i)
        skew = round(rng.uniform(-max_skew, max_skew), 2)
        rotation = rng.choice((0, 90, 180, 270)) if rotate else 0
        image = scan_of(page, skew_deg=skew, rotation=rotation, border_px=border_px, noise=noise, seed=seed + i)
        out.append(ScannedPage(image, skew, rotation, border_px, blank))
    return out
