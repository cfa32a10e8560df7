"""Where pages come from: scanners (SANE here) and files (JPEG, PNG, multi-page TIFF, PDF).

Every source hands back `Page`s — a numpy image plus what the pipeline and the archive need to know about it — through
one small protocol, so the review screen and the cleanup pipeline never care whether paper or a file was the origin.

Scanner drivers crash. `SaneSource` therefore never loads libsane into the app's process: each listing or scan runs in
a worker process (`python -m app.scanner.sane_worker`, a plain subprocess so it works the same under a Qt event loop
and never re-imports the app) that streams pages back over a private pipe, one page at a time, and waits for the app
to take a page before it feeds the next sheet. A dead worker costs the clerk nothing already captured: the pages
received so far travel with `ScanError("scanner.crashed")`.

Windows sources plug in the same way, each implementing `ScanSource` and translating its status codes into the same
`ScanError` codes: a `TwainSource` (pytwain; the 32/64-bit driver in its own process, like SANE here), a `WiaSource`
(WIA 2.0 through comtypes: the Flatbed / Feeder items map to `SourceKind`, `WIA_IPS_DOCUMENT_HANDLING_SELECT` to
duplex) and an `EsclSource` (driverless AirScan over HTTP: `ScanSettings` XML, then `NextDocument` until 404 = feeder
empty).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from app.scanner.errors import ScanError
from app.scanner.profiles import (
    DEFAULT_PROFILES,
    ColorMode,
    DeviceInfo,
    OptionValue,
    OutputMode,
    PageSize,
    ScanOptions,
    ScanProfile,
    SourceKind,
)

Image = npt.NDArray[np.uint8]
"""A page image: H×W greyscale or H×W×3 RGB, 8 bits per sample, white = 255."""


class Cancellable(Protocol):
    """Anything with `is_set()`, e.g. `threading.Event`; set by the UI's cancel button."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class DeviceCapabilities:
    sources: tuple[SourceKind, ...]
    modes: tuple[ColorMode, ...]
    dpi_choices: tuple[int, ...]
    max_width_mm: float | None
    max_height_mm: float | None


@dataclass(eq=False)
class Page:
    """One captured page side. `keep_original` marks pages whose source file must be stored byte for byte."""

    image: Image
    dpi: int
    index: int
    source_name: str
    side: str | None = None  # "front" / "back" for duplex, None otherwise
    keep_original: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def is_color(self) -> bool:
        return self.image.ndim == 3


PageCallback = Callable[[Page], None]


class ScanSource(Protocol):
    """A scanner family. `scan` calls `on_page` as each page arrives and returns them all.

    Cancelling returns the pages captured so far; a failure raises `ScanError` carrying them in `.pages`.
    """

    def list_devices(self) -> list[DeviceInfo]: ...

    def capabilities(self, device: str) -> DeviceCapabilities: ...

    def scan(
        self,
        device: str | None,
        options: ScanOptions,
        on_page: PageCallback | None = None,
        cancel: Cancellable | None = None,
    ) -> list[Page]: ...


# ------------------------------------------------------------------------------------------------------------ SANE

_STATUS_TO_CODE: dict[str, str] = {
    "jammed": "scanner.jammed",
    "cover_open": "scanner.cover_open",
    "io_error": "scanner.unplugged",
    "no_device": "scanner.no_device",
    "no_docs": "scanner.feeder_empty",
    "device_busy": "scanner.busy",
    "unsupported": "scanner.option_unsupported",
    "cancelled": "scanner.cancelled",  # the cancel button on the scanner itself
}


class SaneSource:
    """SANE scanners, each call in a throwaway worker process (see module docstring).

    `config_dir` becomes SANE_CONFIG_DIR in the worker (tests point it at a `dll.conf` that enables the `test`
    backend). `timeout_s` bounds how long one page may take before the driver is declared hung (reported as
    `scanner.unplugged`: a scanner that stops answering mid-page has, in practice, lost its cable or power).
    """

    def __init__(self, config_dir: Path | None = None, *, timeout_s: float = 120.0, local_only: bool = False) -> None:
        self.config_dir = config_dir
        self.timeout_s = timeout_s
        self.local_only = local_only  # True skips network scanners (and the seconds their discovery takes)
        self.worker_pid: int | None = None  # the live worker, for diagnostics (and crash tests)

    # public API -----------------------------------------------------------------------------------------------

    def list_devices(self) -> list[DeviceInfo]:
        devices: list[DeviceInfo] = []
        for kind, payload in self._run({"op": "list", "local_only": self.local_only}):
            if kind == "devices":
                devices = [DeviceInfo(*map(str, d)) for d in payload[0]]
        return devices

    def capabilities(self, device: str) -> DeviceCapabilities:
        caps: dict[str, Any] = {}
        for kind, payload in self._run({"op": "caps", "device": device}):
            if kind == "caps":
                caps = payload[0]
        return DeviceCapabilities(
            sources=tuple(SourceKind(s) for s in caps.get("sources", ())),
            modes=tuple(ColorMode(m) for m in caps.get("modes", ())),
            dpi_choices=tuple(int(d) for d in caps.get("dpi_choices", ())),
            max_width_mm=caps.get("max_width_mm"),
            max_height_mm=caps.get("max_height_mm"),
        )

    def scan(
        self,
        device: str | None,
        options: ScanOptions,
        on_page: PageCallback | None = None,
        cancel: Cancellable | None = None,
    ) -> list[Page]:
        if device is None:
            found = self.list_devices()
            if not found:
                raise ScanError("scanner.no_device")
            device = found[0].name
        request = {
            "op": "scan",
            "device": device,
            "source": options.source.value,
            "mode": options.mode.value,
            "dpi": options.dpi,
            "page_mm": options.page_size.mm,
            "max_pages": options.max_pages,
            "device_options": dict(options.device_options),
        }
        pages: list[Page] = []
        try:
            for kind, payload in self._run(request, cancel=cancel, pages=pages):
                if kind != "page":
                    continue
                image, meta = payload
                side = None
                if options.source is SourceKind.ADF_DUPLEX:
                    side = "front" if len(pages) % 2 == 0 else "back"
                page = Page(_to_image(image), int(meta.get("dpi", options.dpi)), len(pages), device, side, False, meta)
                pages.append(page)
                if on_page is not None:
                    on_page(page)
        except ScanError as exc:
            if not exc.pages:
                exc.pages = list(pages)
            raise
        return pages

    # worker plumbing ------------------------------------------------------------------------------------------

    def _run(
        self, request: dict[str, Any], *, cancel: Cancellable | None = None, pages: list[Page] | None = None
    ) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Start a worker for one request and yield its messages; acknowledges each page so the next sheet feeds."""
        proc, conn = self._start_worker(request)
        done = False
        try:
            deadline = time.monotonic() + self.timeout_s
            while True:
                if cancel is not None and cancel.is_set():
                    _send_quietly(conn, ("cancel",))
                    return
                if not conn.poll(0.1):
                    if proc.poll() is not None and not conn.poll(0):
                        raise self._crashed(proc, pages)
                    if time.monotonic() > deadline:
                        raise ScanError("scanner.unplugged", detail="no answer from the driver", pages=pages)
                    continue
                try:
                    kind, *rest = conn.recv()
                except (EOFError, OSError):
                    raise self._crashed(proc, pages) from None
                deadline = time.monotonic() + self.timeout_s
                if kind == "error":
                    status, detail = rest
                    raise ScanError(_STATUS_TO_CODE.get(status, "scanner.failed"), detail=detail, pages=pages)
                if kind == "done":
                    done = True
                    return
                yield kind, tuple(rest)
                if kind == "page":
                    _send_quietly(conn, ("next",))
        finally:
            self._stop(proc, conn, graceful=done)

    def _start_worker(self, request: dict[str, Any]) -> tuple[subprocess.Popen[bytes], _PipePair]:
        """Spawn `python -m app.scanner.sane_worker` with two private pipes (stdout stays free for driver noise)."""
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_APP_ROOT, env.get("PYTHONPATH")]))
        if self.config_dir is not None:
            env["SANE_CONFIG_DIR"] = str(self.config_dir)
        cmd = [*worker_command(), str(to_child_r), str(from_child_w)]
        try:
            proc = subprocess.Popen(cmd, pass_fds=(to_child_r, from_child_w), env=env,
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError as exc:
            for fd in (to_child_r, to_child_w, from_child_r, from_child_w):
                os.close(fd)
            raise ScanError("scanner.failed", detail=f"cannot start the scanner worker: {exc}") from exc
        os.close(to_child_r)
        os.close(from_child_w)
        self.worker_pid = proc.pid
        conn = _PipePair(Connection(from_child_r, writable=False), Connection(to_child_w, readable=False))
        conn.send(request)
        return proc, conn

    def _crashed(self, proc: subprocess.Popen[bytes], pages: list[Page] | None) -> ScanError:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(2)
        return ScanError("scanner.crashed", detail=f"driver process exit code {proc.returncode}", pages=pages)

    def _stop(self, proc: subprocess.Popen[bytes], conn: _PipePair, *, graceful: bool) -> None:
        # The worker cleans up (sane_cancel/close/exit) after saying "done"; a crash in that cleanup is harmless.
        try:
            proc.wait(5 if graceful else 3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        conn.close()
        self.worker_pid = None


_APP_ROOT = str(Path(__file__).resolve().parents[2])


def worker_command() -> list[str]:
    """How to start the worker: `python -m app.scanner.sane_worker`, or the frozen app with `--sane-worker`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--sane-worker"]
    return [sys.executable, "-m", "app.scanner.sane_worker"]


class _PipePair:
    """One duplex-looking endpoint over two one-way pipes."""

    def __init__(self, reader: Connection, writer: Connection) -> None:
        self.reader, self.writer = reader, writer

    def send(self, obj: Any) -> None:
        self.writer.send(obj)

    def recv(self) -> Any:
        return self.reader.recv()

    def poll(self, timeout: float = 0.0) -> bool:
        return self.reader.poll(timeout)

    def close(self) -> None:
        self.reader.close()
        self.writer.close()


def _send_quietly(conn: _PipePair, message: tuple[str, ...]) -> None:
    with contextlib.suppress(OSError, BrokenPipeError):
        conn.send(message)


def _to_image(array: npt.NDArray[Any]) -> Image:
    """Normalise a driver buffer (H×W×1, H×W×3, 16-bit) to the pipeline's 8-bit H×W or H×W×3."""
    if array.dtype == np.uint16:
        array = (array >> 8).astype(np.uint8)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    return np.ascontiguousarray(array, dtype=np.uint8)


# ----------------------------------------------------------------------------------------------------------- files


@dataclass
class FileImport:
    """Pages of one imported file. When `keep_original` is set the file's bytes must be stored as they are."""

    path: Path
    pages: list[Page]
    keep_original: bool = False
    reason: str | None = None  # "signed" or "born_digital" when keep_original
    signature_fields: tuple[str, ...] = ()


IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}


class FileSource:
    """Imports files the clerk already has: photos and scans (JPEG/PNG/TIFF) and PDFs.

    PDFs are rasterised with poppler's `pdftoppm` for review and OCR. A signed PDF, or one with a text layer
    (born digital), is flagged `keep_original`: the archive keeps its exact bytes and never rewrites them.
    """

    def __init__(self, *, dpi: int = 300, pdftoppm: str | None = None) -> None:
        self.dpi = dpi
        self.pdftoppm = pdftoppm or shutil.which("pdftoppm")

    def read(
        self, path: Path, on_page: PageCallback | None = None, cancel: Cancellable | None = None, *,
        gray: bool = False,
    ) -> FileImport:
        path = Path(path)
        if not path.is_file():
            raise ScanError("storage.source_missing", path=str(path))
        suffix = path.suffix.lower()
        if suffix in IMAGE_SUFFIXES:
            return FileImport(path, self._read_images(path, on_page, cancel, gray))
        if suffix == ".pdf" or _starts_with(path, b"%PDF-"):
            return self._read_pdf(path, on_page, cancel, gray)
        raise ScanError("import.unsupported_format", path=str(path))

    def _read_images(
        self, path: Path, on_page: PageCallback | None, cancel: Cancellable | None, gray: bool
    ) -> list[Page]:
        from PIL import Image as PILImage
        from PIL import ImageSequence, UnidentifiedImageError

        pages: list[Page] = []
        try:
            with PILImage.open(path) as img:
                for frame in ImageSequence.Iterator(img):
                    if cancel is not None and cancel.is_set():
                        break
                    dpi = _frame_dpi(frame.info.get("dpi"), self.dpi)
                    page = Page(_pil_to_array(frame, gray), dpi, len(pages), path.name,
                                metadata={"file": str(path), "frame": len(pages)})
                    pages.append(page)
                    if on_page is not None:
                        on_page(page)
        except (UnidentifiedImageError, OSError, SyntaxError) as exc:
            raise ScanError("import.unreadable", path=str(path), detail=str(exc), pages=pages) from exc
        return pages

    def _read_pdf(self, path: Path, on_page: PageCallback | None, cancel: Cancellable | None, gray: bool) -> FileImport:
        info = inspect_pdf(path)
        if self.pdftoppm is None:
            raise ScanError("import.tool_missing", tool="pdftoppm")
        keep = bool(info.signature_fields) or info.has_text
        reason = "signed" if info.signature_fields else ("born_digital" if info.has_text else None)
        pages: list[Page] = []
        with tempfile.TemporaryDirectory(prefix="vanthu-pdf-") as tmp:
            for number in range(1, info.page_count + 1):
                if cancel is not None and cancel.is_set():
                    break
                image = self._rasterise(path, number, Path(tmp), gray)
                page = Page(image, self.dpi, len(pages), path.name, keep_original=keep,
                            metadata={"file": str(path), "pdf_page": number})
                pages.append(page)
                if on_page is not None:
                    on_page(page)
        return FileImport(path, pages, keep, reason, info.signature_fields)

    def _rasterise(self, path: Path, number: int, tmp: Path, gray: bool) -> Image:
        assert self.pdftoppm is not None
        out = tmp / f"p{number}"
        args = [self.pdftoppm, "-r", str(self.dpi), "-f", str(number), "-l", str(number), "-singlefile"]
        args += ["-gray"] if gray else []
        done = subprocess.run([*args, str(path), str(out)], capture_output=True, text=True, timeout=300)
        produced = out.with_suffix(".pgm" if gray else ".ppm")
        if done.returncode != 0 or not produced.exists():
            raise ScanError("import.unreadable", path=str(path), detail=done.stderr.strip()[-300:] or "pdftoppm")
        from PIL import Image as PILImage

        with PILImage.open(produced) as img:
            return _pil_to_array(img, gray)


@dataclass(frozen=True)
class PdfInfo:
    page_count: int
    has_text: bool
    signature_fields: tuple[str, ...]


def inspect_pdf(path: Path, *, text_pages: int = 5) -> PdfInfo:
    """Count pages, find filled signature fields (/FT /Sig with a /V) and whether any of the first pages has text."""
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            count = len(pdf.pages)
            signatures = _signed_fields(pdf)
    except pikepdf.PasswordError as exc:
        raise ScanError("import.unreadable", path=str(path), detail="password protected") from exc
    except pikepdf.PdfError as exc:
        raise ScanError("import.unreadable", path=str(path), detail=str(exc)) from exc
    return PdfInfo(count, _has_text_layer(path, text_pages), signatures)


def _signed_fields(pdf: Any) -> tuple[str, ...]:
    import pikepdf

    names: list[str] = []
    seen: set[tuple[int, int]] = set()

    def visit(node: Any, prefix: str) -> None:
        if not isinstance(node, pikepdf.Dictionary):
            return
        if node.is_indirect:
            key = node.objgen
            if key in seen:
                return
            seen.add(key)
        name = f"{prefix}.{node.T}" if prefix and "/T" in node else str(node.get("/T", prefix))
        if node.get("/FT") == pikepdf.Name.Sig and "/V" in node:
            names.append(name or "signature")
        for kid in node.get("/Kids", []):
            visit(kid, name)

    acro = pdf.Root.get("/AcroForm")
    if isinstance(acro, pikepdf.Dictionary):
        for f in acro.get("/Fields", []):
            visit(f, "")
    for page in pdf.pages:  # widgets not listed in /Fields (broken but seen in the wild)
        for annot in page.obj.get("/Annots", []):
            visit(annot, "")
    return tuple(dict.fromkeys(names))


def _has_text_layer(path: Path, pages: int) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        for page in reader.pages[:pages]:
            if page.extract_text().strip():
                return True
    except (PdfReadError, ValueError, KeyError) as exc:
        raise ScanError("import.unreadable", path=str(path), detail=str(exc)) from exc
    return False


def _frame_dpi(value: Any, default: int) -> int:
    try:
        dpi = round(float(value[0]))
    except (TypeError, ValueError, IndexError):
        return default
    return dpi if 50 <= dpi <= 2400 else default


def _pil_to_array(img: Any, gray: bool) -> Image:
    from PIL import Image as PILImage

    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        white = PILImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = PILImage.alpha_composite(white, rgba)
    if img.mode.startswith("I;16") or img.mode == "I":
        arr = np.asarray(img, dtype=np.uint32)
        scale = 257 if arr.max() > 255 else 1
        out = (arr // scale).clip(0, 255).astype(np.uint8)
        return out
    is_gray = img.mode in ("1", "L", "LA") or gray
    converted = img.convert("L" if is_gray else "RGB")
    return np.ascontiguousarray(np.asarray(converted, dtype=np.uint8))


def _starts_with(path: Path, magic: bytes) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(magic)) == magic


def sane_config_dir(base: Path, backends: tuple[str, ...] = ("test",)) -> Path:
    """A private SANE_CONFIG_DIR enabling only `backends` (skips the slow network probe; tests use `test`)."""
    base.mkdir(parents=True, exist_ok=True)
    (base / "dll.conf").write_text("\n".join(backends) + "\n", encoding="ascii")
    for name in backends:
        system = Path("/etc/sane.d") / f"{name}.conf"
        if system.exists():
            shutil.copyfile(system, base / f"{name}.conf")
    return base


__all__ = [
    "DEFAULT_PROFILES",
    "Cancellable",
    "ColorMode",
    "DeviceCapabilities",
    "DeviceInfo",
    "FileImport",
    "FileSource",
    "Image",
    "OptionValue",
    "OutputMode",
    "Page",
    "PageSize",
    "SaneSource",
    "ScanOptions",
    "ScanProfile",
    "ScanSource",
    "SourceKind",
    "inspect_pdf",
    "sane_config_dir",
]
