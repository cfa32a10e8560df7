"""The SANE driver's sandbox: runs in its own process so a crashing or hanging driver never takes the app down.

`SaneSource` starts `python -m app.scanner.sane_worker READ_FD WRITE_FD`; the app sends one request dict over the
pipe (multiprocessing.connection framing) and the worker answers with messages:
    ("devices", [(name, vendor, model, kind), ...])   ("caps", {...})
    ("page", ndarray, {"dpi": .., "mode": .., ...})  then waits for ("next",) or ("cancel",)
    ("done", reason)                                    ("error", status, detail)
`status` is a short SANE status name (jammed, cover_open, io_error, no_docs, no_device, ...), mapped to a ScanError code
by the app. This module imports nothing from the app and loads libsane only inside the worker.

Driver pitfalls handled here (platform notes): the ADF ends with SANE_STATUS_NO_DOCS from sane_start, which
python-sane only reports as a (possibly translated) message — we compare against libsane's own sane_strstatus texts;
calling sane_start again after that, then close/exit, segfaults some builds, so we never restart after NO_DOCS and
we say "done" before any cleanup.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
from typing import Any

# SANE_Status values (sane.h)
_STATUS_NAMES = {
    1: "unsupported",
    2: "cancelled",
    3: "device_busy",
    4: "inval",
    5: "eof",
    6: "jammed",
    7: "no_docs",
    8: "cover_open",
    9: "io_error",
    10: "no_mem",
    11: "access_denied",
}
_ENGLISH = {
    "Operation not supported": "unsupported",
    "Operation was cancelled": "cancelled",
    "Operation was canceled": "cancelled",
    "Device busy": "device_busy",
    "Invalid argument": "inval",
    "End of file reached": "eof",
    "Document feeder jammed": "jammed",
    "Document feeder out of documents": "no_docs",
    "Scanner cover is open": "cover_open",
    "Error during device I/O": "io_error",
    "Out of memory": "no_mem",
    "Access to resource has been denied": "access_denied",
}


def _status_texts() -> dict[str, str]:
    """Message → status name, from libsane's own sane_strstatus so a translated locale still maps correctly."""
    table = dict(_ENGLISH)
    lib = ctypes.util.find_library("sane") or "libsane.so.1"
    try:
        sane_lib = ctypes.CDLL(lib)
        strstatus = sane_lib.sane_strstatus
        strstatus.restype = ctypes.c_char_p
        strstatus.argtypes = [ctypes.c_int]
        for number, name in _STATUS_NAMES.items():
            text = strstatus(number)
            if text:
                table[text.decode("utf-8", "replace")] = name
    except (OSError, AttributeError):
        pass
    return table


def status_of(exc: BaseException, table: dict[str, str]) -> str:
    text = str(exc.args[0]) if exc.args else str(exc)
    return table.get(text, "failed")


def main(conn: Any, request: dict[str, Any], env: dict[str, str]) -> None:
    os.environ.update(env)
    try:
        import sane
    except ImportError as exc:  # python-sane not installed: the app reports it like any driver failure
        conn.send(("error", "failed", f"python-sane missing: {exc}"))
        return
    table = _status_texts()
    try:
        sane.init()
    except sane._sane.error as exc:
        conn.send(("error", status_of(exc, table), str(exc)))
        return
    op = request["op"]
    if op == "list":
        devices = [tuple(str(x) for x in d) for d in sane.get_devices(bool(request.get("local_only")))]
        conn.send(("devices", devices))
        conn.send(("done", "listed"))
        return
    try:
        dev = sane.open(request["device"])
    except sane._sane.error as exc:
        status = status_of(exc, table)
        conn.send(("error", "no_device" if status in ("inval", "io_error", "access_denied") else status, str(exc)))
        return
    if op == "caps":
        conn.send(("caps", _capabilities(dev)))
        conn.send(("done", "caps"))
    elif op == "scan":
        _scan(conn, dev, request, table, sane._sane.error)
    # Cleanup last: a driver that crashes here has already delivered everything.
    try:
        dev.cancel()
        dev.close()
    except Exception:  # the driver is being torn down; nothing useful to report
        pass


def _scan(conn: Any, dev: Any, req: dict[str, Any], table: dict[str, str], sane_error: type[Exception]) -> None:
    try:
        applied = _configure(dev, req)
    except _Unsupported as exc:
        conn.send(("error", "unsupported", str(exc)))
        return
    except sane_error as exc:
        conn.send(("error", status_of(exc, table), str(exc)))
        return
    feeder = req["source"] != "flatbed"
    limit = req.get("max_pages")
    count = 0
    while True:
        try:
            dev.start()
        except sane_error as exc:
            status = status_of(exc, table)
            if status == "no_docs" and count > 0:
                conn.send(("done", "feeder_empty"))
            else:
                conn.send(("error", status, str(exc)))
            return
        try:
            image = dev.arr_snap()
        except sane_error as exc:
            conn.send(("error", status_of(exc, table), str(exc)))
            return
        except RuntimeError as exc:  # python-sane: "Scanner returned no data"
            conn.send(("error", "io_error", str(exc)))
            return
        count += 1
        conn.send(("page", image, {**applied, "sequence": count}))
        if not feeder or (limit is not None and count >= limit):
            conn.send(("done", "single" if not feeder else "max_pages"))
            return
        reply = conn.recv()
        if reply[0] != "next":
            conn.send(("done", "cancelled"))
            return


class _Unsupported(Exception):
    pass


def _choices(dev: Any, option: str) -> list[Any]:
    if option not in dev.opt:
        return []
    constraint = dev[option].constraint
    return list(constraint) if isinstance(constraint, list) else []


def _pick(values: list[Any], patterns: list[str], exclude: str | None = None) -> Any | None:
    for pattern in patterns:
        for value in values:
            text = str(value)
            if re.search(pattern, text, re.I) and not (exclude and re.search(exclude, text, re.I)):
                return value
    return None


def _set(dev: Any, name: str, value: Any) -> bool:
    """Set an option if the device has it and it is active; False otherwise."""
    py = name.replace("-", "_")
    if py not in dev.opt or not dev[py].is_active() or not dev[py].is_settable():
        return False
    setattr(dev, py, value)
    return True


def _configure(dev: Any, req: dict[str, Any]) -> dict[str, Any]:
    applied: dict[str, Any] = {}
    sources = _choices(dev, "source")
    wanted = req["source"]
    if sources:
        if wanted == "flatbed":
            value = _pick(sources, [r"flatbed", r"normal", r"glass"]) or sources[0]
        elif wanted == "adf_duplex":
            value = _pick(sources, [r"duplex", r"both"])
        else:
            value = _pick(sources, [r"adf front", r"^adf$", r"feeder", r"adf", r"automatic"], exclude=r"duplex|back")
        if value is None:
            raise _Unsupported(f"source={wanted}")
        _set(dev, "source", value)
        applied["source"] = str(value)
    elif wanted != "flatbed":
        raise _Unsupported(f"source={wanted}")
    applied.update(_configure_mode(dev, req["mode"]))
    applied["dpi"] = _configure_dpi(dev, int(req["dpi"]))
    page_mm = req.get("page_mm")
    if page_mm:
        applied.update(_configure_area(dev, float(page_mm[0]), float(page_mm[1])))
    for name, value in (req.get("device_options") or {}).items():
        if not _set(dev, name, value):
            raise _Unsupported(f"{name}={value}")
    return applied


def _configure_mode(dev: Any, mode: str) -> dict[str, Any]:
    modes = _choices(dev, "mode")
    patterns = {
        "color": [r"colou?r", r"rgb"],
        "gray": [r"gr[ae]y"],
        "lineart": [r"lineart", r"binary", r"black", r"halftone"],
    }[mode]
    value = _pick(modes, patterns)
    depth: int | None = None
    if value is None and mode == "lineart":  # e.g. the test backend: grey at 1 bit per sample
        value = _pick(modes, [r"gr[ae]y"])
        depth = 1 if 1 in _choices(dev, "depth") else None
    if value is None:
        if modes:
            raise _Unsupported(f"mode={mode}")
        return {"mode": "default"}
    _set(dev, "mode", value)
    if depth is None and 8 in _choices(dev, "depth") and mode != "lineart":
        depth = 8
    if depth is not None:
        _set(dev, "depth", depth)
    return {"mode": str(value), "depth": depth}


def _configure_dpi(dev: Any, dpi: int) -> int:
    if "resolution" not in dev.opt:
        return dpi
    constraint = dev["resolution"].constraint
    value: float = dpi
    if isinstance(constraint, tuple):
        low, high, _ = constraint
        value = min(max(dpi, low), high)
    elif isinstance(constraint, list) and constraint:
        value = min(constraint, key=lambda v: abs(float(v) - dpi))
    _set(dev, "resolution", value)
    return round(float(dev.resolution))


def _configure_area(dev: Any, width_mm: float, height_mm: float) -> dict[str, Any]:
    """Scan area from the top-left corner, clamped to what the glass/feeder allows."""
    out: dict[str, Any] = {}
    for name, size in (("page_width", width_mm), ("page_height", height_mm)):  # feeders that centre the page
        if name in dev.opt and isinstance(dev[name].constraint, tuple):
            _set(dev, name, min(size, dev[name].constraint[1]))
    for corner in ("tl_x", "tl_y"):
        if corner in dev.opt and isinstance(dev[corner].constraint, tuple):
            _set(dev, corner, dev[corner].constraint[0])
    for corner, size in (("br_x", width_mm), ("br_y", height_mm)):
        if corner in dev.opt and isinstance(dev[corner].constraint, tuple):
            low, high, _ = dev[corner].constraint
            value = min(max(size, low), high)
            _set(dev, corner, value)
            out[f"{corner}_mm"] = float(value)
            out["clipped"] = out.get("clipped", False) or value < size
    return out


def _capabilities(dev: Any) -> dict[str, Any]:
    sources = _choices(dev, "source")
    kinds: list[str] = []
    if not sources or _pick(sources, [r"flatbed", r"normal", r"glass"]) is not None:
        kinds.append("flatbed")
    if _pick(sources, [r"adf", r"feeder", r"automatic"], exclude=r"duplex|back") is not None:
        kinds.append("adf")
    if _pick(sources, [r"duplex", r"both"]) is not None:
        kinds.append("adf_duplex")
    modes_raw = _choices(dev, "mode")
    modes = [m for m, pats in (("color", [r"colou?r"]), ("gray", [r"gr[ae]y"])) if _pick(modes_raw, pats) is not None]
    if _pick(modes_raw, [r"lineart", r"binary", r"black"]) is not None or 1 in _choices(dev, "depth"):
        modes.append("lineart")
    dpi_choices: list[int] = []
    if "resolution" in dev.opt:
        constraint = dev["resolution"].constraint
        if isinstance(constraint, list):
            dpi_choices = sorted({round(float(v)) for v in constraint})
        elif isinstance(constraint, tuple):
            dpi_choices = [d for d in (75, 100, 150, 200, 300, 400, 600) if constraint[0] <= d <= constraint[1]]
    width = dev["br_x"].constraint[1] if "br_x" in dev.opt and isinstance(dev["br_x"].constraint, tuple) else None
    height = dev["br_y"].constraint[1] if "br_y" in dev.opt and isinstance(dev["br_y"].constraint, tuple) else None
    return {
        "sources": kinds,
        "modes": modes,
        "dpi_choices": dpi_choices,
        "max_width_mm": float(width) if width is not None else None,
        "max_height_mm": float(height) if height is not None else None,
    }


class _PipePair:
    def __init__(self, reader: Any, writer: Any) -> None:
        self.reader, self.writer = reader, writer

    def send(self, obj: Any) -> None:
        self.writer.send(obj)

    def recv(self) -> Any:
        return self.reader.recv()


def _cli(argv: list[str]) -> int:
    from multiprocessing.connection import Connection

    conn = _PipePair(Connection(int(argv[0]), writable=False), Connection(int(argv[1]), readable=False))
    request = conn.recv()
    main(conn, request, {})
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_cli(sys.argv[1:]))
