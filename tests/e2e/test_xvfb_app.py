"""The real app (`python -m app`) on a virtual X screen: the login window appears and the screen grab is not blank."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import app as app_package
from tests.support import require_tool
from tests.ui.demo_data import create_demo_home

pytestmark = [pytest.mark.xvfb, pytest.mark.timeout(120)]

ROOT = Path(app_package.__file__).resolve().parent.parent


@pytest.fixture
def display() -> Iterator[str]:
    xvfb = require_tool("Xvfb")
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display and writes its number; -br: a black root, so "blank" is easy to tell
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-br", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def grab(display: str, out: Path) -> Path:
    subprocess.run([require_tool("import"), "-display", display, "-window", "root", str(out)], check=True,
                   capture_output=True, timeout=30)
    return out


def lit_fraction(png: Path) -> float:
    """Share of sampled pixels that are not the black root window."""
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull()
    samples = lit = 0
    for y in range(0, image.height(), 8):
        for x in range(0, image.width(), 8):
            samples += 1
            lit += image.pixelColor(x, y).lightness() > 40
    return lit / samples


def window_names(display: str) -> str:
    tool = shutil.which("xwininfo")
    if tool is None:
        return ""
    out = subprocess.run([tool, "-display", display, "-root", "-tree"], capture_output=True, text=True, timeout=10)
    return out.stdout


def test_real_app_shows_the_login_window_under_xvfb(display: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    create_demo_home(home)  # first run's demo agency, made here so the app starts straight to login
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "VANTHU_HOME": str(home)}
    env.pop("WAYLAND_DISPLAY", None)
    app = subprocess.Popen([sys.executable, "-m", "app"], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    shot = tmp_path / "screen.png"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert app.poll() is None, app.stdout.read().decode(errors="replace") if app.stdout else "app exited"
            if "Đăng nhập" in window_names(display) or lit_fraction(grab(display, shot)) > 0.02:
                break
            time.sleep(0.3)
        time.sleep(0.5)  # let the first paint finish
        grab(display, shot)
        assert lit_fraction(shot) > 0.02, "the screen grab is blank"
        names = window_names(display)
        if names:
            assert "Đăng nhập" in names and "Văn Thư Desktop" in names
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(10)
    shutil.copy(shot, tmp_path / "login-xvfb.png")
