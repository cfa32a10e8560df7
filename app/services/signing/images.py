"""Demo seal and signature images (ND30 App I §II.7.d, §II.8.a): red round seal, blue signature, transparent PNGs.

Real offices scan their own seal and signatures; these stand in for them in demo mode and tests, drawn with Pillow so
nothing binary needs to live in the repository. Fonts: the same Vietnamese-capable serif the documents use.
"""

from __future__ import annotations

import io
import math
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from app.services.signing.errors import SigningError

SEAL_RED = (220, 20, 30, 255)
SIGNATURE_BLUE = (20, 40, 170, 255)
NOTO_DIR = Path("/usr/share/fonts/truetype/noto")


@cache
def serif_font_path(bold: bool = False, italic: bool = False) -> str:
    """Times New Roman when fontconfig really has it (the standard's font), else Noto Serif; both carry Vietnamese."""
    style = ("Bold" if bold else "") + ("Italic" if italic else "") or "Regular"
    suffix = (":bold" if bold else "") + (":italic" if italic else "")
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}|%{file}", "Times New Roman" + suffix],
                             capture_output=True, text=True, timeout=10, check=False).stdout
        family, _, path = out.partition("|")
        if "times new roman" in family.lower() and path.lower().endswith(".ttf"):
            return path
    except (OSError, subprocess.SubprocessError):
        pass
    fallback = NOTO_DIR / f"NotoSerif-{style}.ttf"
    if fallback.is_file():
        return str(fallback)
    raise SigningError("signing.font_missing", fonts="Times New Roman, Noto Serif (fonts-noto-core)")


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, radius: float, fill: tuple[int, ...]) -> None:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.382
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=fill)


def make_seal_png(org_name: str, *, size_px: int = 600, parent_name: str = "") -> bytes:
    """A round red seal: double outer ring, the organisation's name around it, a star in the centre.

    `parent_name` (e.g. "UBND TỈNH HÀ TĨNH") goes on the ring before the name when given, as on real seals.
    """
    scale = 4  # draw large, then downsample: smooth edges without antialiasing support in ImageDraw
    big = size_px * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c = big / 2
    outer = big / 2 - 2 * scale
    for r, w in ((outer, 14 * scale), (outer - 22 * scale, 5 * scale), (outer * 0.52, 5 * scale)):
        draw.ellipse((c - r, c - r, c + r, c + r), outline=SEAL_RED, width=int(w))
    ring_text = unicodedata.normalize("NFC", (f"{parent_name} ★ " if parent_name else "") + org_name).upper()
    font_size = round(big * 0.075)
    font = ImageFont.truetype(serif_font_path(bold=True), font_size)
    text_radius = (outer - 22 * scale + outer * 0.52) / 2
    widths = [font.getlength(ch) for ch in ring_text]
    spacing = font_size * 0.08
    total = sum(widths) + spacing * (len(ring_text) - 1)
    max_arc = 2 * math.pi * text_radius * 0.92
    if total > max_arc:  # long names: shrink to fit on the ring
        font_size = round(font_size * max_arc / total)
        font = ImageFont.truetype(serif_font_path(bold=True), font_size)
        widths = [font.getlength(ch) for ch in ring_text]
        spacing = font_size * 0.08
        total = sum(widths) + spacing * (len(ring_text) - 1)
    angle = -math.pi / 2 - (total / text_radius) / 2  # centred on the top
    for ch, advance in zip(ring_text, widths, strict=True):
        mid = angle + (advance / 2) / text_radius
        glyph = Image.new("RGBA", (font_size * 2, font_size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((font_size, font_size), ch, font=font, fill=SEAL_RED, anchor="mm")
        glyph = glyph.rotate(-math.degrees(mid) - 90, resample=Image.Resampling.BICUBIC)
        x = c + text_radius * math.cos(mid) - font_size
        y = c + text_radius * math.sin(mid) - font_size
        image.alpha_composite(glyph, (int(x), int(y)))
        angle += (advance + spacing) / text_radius
    _star(draw, c, c, outer * 0.36, SEAL_RED)
    return _png(image.resize((size_px, size_px), Image.Resampling.LANCZOS))


def make_signature_png(name: str, *, width_px: int = 900, height_px: int = 300) -> bytes:
    """A blue hand-drawn-looking signature: the family name in italics under a flourish. Deterministic per name."""
    scale = 2
    w, h = width_px * scale, height_px * scale
    image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    seed = sum(ord(ch) for ch in name)
    points = []
    for i in range(200):
        t = i / 199
        x = w * (0.08 + 0.84 * t)
        y = h * (0.42 + 0.18 * math.sin(2 * math.pi * (2.2 * t + (seed % 7) / 7)) * (1 - 0.5 * t))
        points.append((x, y))
    draw.line(points, fill=SIGNATURE_BLUE, width=7 * scale, joint="curve")
    draw.line([(w * 0.15, h * 0.78), (w * 0.88, h * 0.70)], fill=SIGNATURE_BLUE, width=4 * scale)
    given = unicodedata.normalize("NFC", name.split()[-1] if name.split() else name)
    font = ImageFont.truetype(serif_font_path(italic=True), int(h * 0.28))
    draw.text((w * 0.5, h * 0.55), given, font=font, fill=SIGNATURE_BLUE, anchor="mm")
    return _png(image.resize((width_px, height_px), Image.Resampling.LANCZOS))


def write_demo_images(dir: Path, org_name: str, people: list[str]) -> dict[str, Path]:
    """Write `seal.png` and one `signature-<n>.png` per person; returns name → path."""
    dir.mkdir(parents=True, exist_ok=True)
    written = {org_name: dir / "seal.png"}
    written[org_name].write_bytes(make_seal_png(org_name))
    for i, person in enumerate(people, start=1):
        path = dir / f"signature-{i}.png"
        path.write_bytes(make_signature_png(person))
        written[person] = path
    return written
