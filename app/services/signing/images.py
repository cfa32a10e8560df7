"""Demo seal and signature images (ND30 App I §II.7.d, §II.8.a), and the ready-made resources signature appearances use.

Real offices scan their own seal and signatures; these stand in for them in demo mode and tests, drawn with Pillow so
nothing binary needs to live in the repository. Fonts: the same Vietnamese-capable serif the documents use.

Why the ready-made resources (`vietnamese_font`, `encoded_image`): subsetting the serif font for every signature
appearance costs 100–500 ms (fontTools decompiles the whole GSUB/GPOS), and encoding a signature image again costs
tens of ms. The font is reduced once per process to the Latin and Vietnamese repertoire (about 500 glyphs, 20 KB
compressed, also kept in a disk cache) and embedded whole; images are encoded once per distinct PNG.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import subprocess
import tempfile
import threading
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
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


@lru_cache(maxsize=16)
def make_seal_png(org_name: str, *, size_px: int = 600, parent_name: str = "") -> bytes:
    """A round red seal: double outer ring, the organisation's name around it, a star in the centre.

    `parent_name` (e.g. "UBND TỈNH HÀ TĨNH") goes on the ring before the name when given, as on real seals.
    Cached: drawing it takes about a second and the seal of an organisation never changes within a process.
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


# -- ready-made appearance resources -----------------------------------------------------------------------------------
# Code points the reduced font keeps: ASCII, Latin-1, Latin Extended-A, the Vietnamese horned letters, combining
# marks, Latin Extended Additional (all precomposed Vietnamese letters), general punctuation, a few symbols.
FONT_REPERTOIRE: tuple[int, ...] = (
    *range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x1A0, 0x1B1), *range(0x300, 0x324), *range(0x1E00, 0x1F00),
    *range(0x2010, 0x2027), 0x2030, 0x2039, 0x203A, 0x20AB, 0x20AC, 0x2116, 0x2122, 0x2605,
)
_FONT_CACHE_VERSION = "1"


@dataclass(frozen=True)
class FontKit:
    """A reduced TrueType font ready to embed whole as a CIDFontType2 with Identity-H (CID = glyph id)."""

    ps_name: str  # with a subset tag, e.g. "VTSRAA+NotoSerif"
    program: bytes  # the TrueType program, Flate-compressed (/FontFile2)
    program_length: int  # uncompressed length (/Length1)
    units_per_em: int
    cmap: dict[int, int]  # code point → glyph id
    advances: tuple[int, ...]  # advance width by glyph id, font units
    ascent: int
    descent: int
    bbox: tuple[int, int, int, int]
    cap_height: int
    italic_angle: float
    weight: int
    to_unicode: bytes  # ToUnicode CMap, Flate-compressed

    def width(self, text: str, size: float) -> float:
        """Advance width of `text` at `size` points (no kerning: the reduced font carries no GPOS)."""
        cmap, adv = self.cmap, self.advances
        return sum(adv[cmap.get(ord(ch), 0)] for ch in text) * size / self.units_per_em

    def covers(self, text: str) -> bool:
        return all(ord(ch) in self.cmap for ch in text if ch not in "\r\n")

    def encode(self, text: str) -> bytes:
        """Two-byte glyph ids for a `<...> Tj` operand (Identity-H); unknown characters become .notdef."""
        cmap = self.cmap
        return b"".join(cmap.get(ord(ch), 0).to_bytes(2, "big") for ch in text)


_font_lock = threading.Lock()


def vietnamese_font(*, bold: bool = False, italic: bool = False) -> FontKit:
    """The document serif reduced to `FONT_REPERTOIRE`; built once per process (≈0.7 s), or read from the disk cache."""
    with _font_lock:
        return _vietnamese_font(bold, italic)


@cache
def _vietnamese_font(bold: bool, italic: bool) -> FontKit:
    from fontTools import ttLib

    source = Path(serif_font_path(bold=bold, italic=italic))
    program = _reduced_program(source)
    tt = ttLib.TTFont(io.BytesIO(program), lazy=True)
    cmap = {cp: tt.getGlyphID(name) for cp, name in (tt.getBestCmap() or {}).items()}
    hmtx = tt["hmtx"]
    advances = tuple(int(hmtx[name][0]) for name in tt.getGlyphOrder())
    head, hhea, os2, post = tt["head"], tt["hhea"], tt["OS/2"], tt["post"]
    base = _ps_name(tt) or source.stem
    tag = "VT" + hashlib.sha1(program).hexdigest()[:4].upper().translate(str.maketrans("0123456789", "GHIJKLMNOP"))
    return FontKit(
        ps_name=f"{tag}+{base}", program=zlib.compress(program, 9), program_length=len(program),
        units_per_em=int(head.unitsPerEm), cmap=cmap, advances=advances, ascent=int(hhea.ascent),
        descent=int(hhea.descent), bbox=(int(head.xMin), int(head.yMin), int(head.xMax), int(head.yMax)),
        cap_height=int(getattr(os2, "sCapHeight", 700) or 700), italic_angle=float(getattr(post, "italicAngle", 0)),
        weight=int(getattr(os2, "usWeightClass", 400)), to_unicode=zlib.compress(_to_unicode_cmap(cmap), 9),
    )


def _ps_name(tt: object) -> str:
    try:
        name = tt["name"].getDebugName(6)  # type: ignore[index]
    except KeyError:
        return ""
    return "".join(ch for ch in str(name or "") if ch.isalnum() or ch in "-_")


def _font_cache_dir() -> Path:
    return Path(os.environ.get("VANTHU_FONT_CACHE") or Path(tempfile.gettempdir()) / "vanthu-font-cache")


def _reduced_program(source: Path) -> bytes:
    """The TrueType program reduced to the repertoire, without layout tables, hinting or glyph names."""
    stat = source.stat()
    key = hashlib.sha256(f"{_FONT_CACHE_VERSION}|{source}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:24]
    cached = _font_cache_dir() / f"{key}.ttf"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    from fontTools import subset, ttLib

    options = subset.Options()
    options.drop_tables += ["GPOS", "GDEF", "GSUB", "DSIG", "kern", "MATH"]
    options.layout_features = []
    options.hinting = False
    options.glyph_names = False
    options.name_IDs = [1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    options.retain_gids = False
    tt = ttLib.TTFont(str(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FONT_REPERTOIRE)
    subsetter.subset(tt)
    out = io.BytesIO()
    tt.save(out)
    program = out.getvalue()
    try:  # best effort: a read-only temp dir only costs the rebuild next time
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(program)
        partial.replace(cached)
    except OSError:
        pass
    return program


def _to_unicode_cmap(cmap: dict[int, int]) -> bytes:
    """glyph id → Unicode for text extraction; the first (lowest) code point wins for glyphs shared by several."""
    by_gid: dict[int, int] = {}
    for cp, gid in sorted(cmap.items()):
        if gid and cp <= 0xFFFF:
            by_gid.setdefault(gid, cp)
    entries = sorted(by_gid.items())
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{gid:04X}> <{cp:04X}>" for gid, cp in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


@dataclass(frozen=True)
class EncodedImage:
    """An image as PDF image XObject data: 8-bit RGB and (when not opaque) an 8-bit alpha mask, Flate-compressed."""

    width: int
    height: int
    rgb: bytes
    alpha: bytes | None


@lru_cache(maxsize=32)
def encoded_image(png: bytes) -> EncodedImage:
    """Decode and compress once per distinct image (a signer's signature image, an organisation's seal).

    Raises OSError/ValueError for data that is not an image; callers turn that into their own error.
    """
    opened = Image.open(io.BytesIO(png))
    opened.load()
    rgba = opened if opened.mode == "RGBA" else opened.convert("RGBA")
    alpha_band = rgba.getchannel("A")
    extrema = alpha_band.getextrema()
    opaque = isinstance(extrema, tuple) and extrema[0] == 255
    rgb = rgba.convert("RGB")
    return EncodedImage(rgba.width, rgba.height, zlib.compress(rgb.tobytes(), 6),
                        None if opaque else zlib.compress(alpha_band.tobytes(), 6))
