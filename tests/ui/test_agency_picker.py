"""The recipient picker on the demo data plus agencies seeded through the repository: accent-free search, names that
repeat told apart by parent and code, keyboard use, chips that can be removed, codes validated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.enums import AgencyLevel
from app.services.bundle import Booted
from app.services.directory import DirectoryService
from app.store.repositories import AgencyRepository
from app.ui.jobs import JobRunner
from app.widgets.agency_picker import AgencyPicker, _Chip
from axis_sandbox import seed

PPC = "UBND tỉnh Hà Tĩnh"
EXTRA = [  # code, name, parent code, parent name
    ("000.00.00.H27", PPC, None, None),
    ("000.00.04.H27", "Sở Tài chính", "000.00.00.H27", PPC),
    ("000.00.04.H30", "Sở Tài chính", "000.00.00.H30", "UBND tỉnh Hậu Giang"),
    ("000.00.09.H27", "Sở Tài nguyên và Môi trường", "000.00.00.H27", PPC),
    ("000.00.21.H27", "UBND huyện Cẩm Xuyên", "000.00.00.H27", PPC),
]


@pytest.fixture
def directory(booted: Booted) -> Iterator[DirectoryService]:
    ctx = booted.services.ctx
    with ctx.db.session() as s:
        repo = AgencyRepository(s)
        for code, name, parent, parent_name in EXTRA:
            repo.add(code=code, name=name, abbreviation="", level=AgencyLevel.OTHER, parent_code=parent,
                     parent_name=parent_name, place_name="")
        for a in seed.generate(1500):  # a directory of some size around them (other provinces)
            if a.code.endswith((".H27", ".H30")):
                continue
            repo.add(code=a.code, name=a.name, abbreviation="", level=AgencyLevel.OTHER, parent_code=a.pcode or None,
                     parent_name=None, place_name="")
    directory = booted.services.directory
    directory.refresh()
    yield directory


@pytest.fixture
def picker(qtbot: QtBot, directory: DirectoryService) -> AgencyPicker:
    widget = AgencyPicker(directory)
    qtbot.addWidget(widget)
    widget.resize(560, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.search.setFocus()
    return widget


def _chip(picker: AgencyPicker, row: int) -> _Chip:
    chip = picker.chosen.itemWidget(picker.chosen.item(row))
    assert isinstance(chip, _Chip)
    return chip


def _results(picker: AgencyPicker) -> list[str]:
    return [picker.results.item(i).text() for i in range(picker.results.count())]


def test_typing_without_accents_finds_both_departments_with_their_parents(qtbot: QtBot, picker: AgencyPicker) -> None:
    qtbot.keyClicks(picker.search, "so tai chinh")

    assert _results(picker)[:2] == [f"Sở Tài chính — {PPC} (000.00.04.H27)",
                                    "Sở Tài chính — UBND tỉnh Hậu Giang (000.00.04.H30)"]
    with qtbot.waitSignal(picker.changed) as chosen:
        qtbot.keyClick(picker.search, Qt.Key.Key_Down)  # into the matches
        qtbot.keyClick(picker.results, Qt.Key.Key_Down)
        qtbot.keyClick(picker.results, Qt.Key.Key_Return)
    assert chosen.args == [["000.00.04.H30"]]
    assert picker.search.text() == "" and picker.search.hasFocus() and picker.results.isHidden()

    qtbot.keyClicks(picker.search, "SO TAI")  # the chosen one is no longer offered
    assert "(000.00.04.H30)" not in " ".join(_results(picker))
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # Enter in the box takes the first match
    assert picker.codes() == ["000.00.04.H30", "000.00.04.H27"]
    assert picker.chosen.count() == 2 and picker.chosen_label.text().endswith("2")


def test_codes_typed_or_pasted(qtbot: QtBot, picker: AgencyPicker) -> None:
    qtbot.keyClicks(picker.search, "000.00.21")
    assert _results(picker)[0] == f"UBND huyện Cẩm Xuyên — {PPC} (000.00.21.H27)"
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)

    qtbot.keyClicks(picker.search, "000.00.99.H27")  # valid, but not (yet) in the directory
    assert _results(picker) == ["000.00.99.H27 (not in the directory)"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)

    qtbot.keyClicks(picker.search, "000.01.00.H27")  # breaks the hierarchy rule: refused
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.codes() == ["000.00.21.H27", "000.00.99.H27"]
    assert picker.note.isVisible() and "000.00.12.H27" in picker.note.text()
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert picker.search.text() == ""


def test_chips_are_removed_by_keyboard_and_mouse(qtbot: QtBot, picker: AgencyPicker) -> None:
    picker.set_codes(["000.00.04.H27", "000.00.09.H27", "000.00.21.H27", "000.00.88.H27"])
    texts = [_chip(picker, i).label.text() for i in range(4)]
    assert texts[1] == f"Sở Tài nguyên và Môi trường — {PPC} (000.00.09.H27)"
    assert texts[3] == "000.00.88.H27 (not in the directory)"

    picker.chosen.setFocus()
    picker.chosen.setCurrentRow(1)
    with qtbot.waitSignal(picker.changed) as after_delete:
        qtbot.keyClick(picker.chosen, Qt.Key.Key_Delete)
    assert after_delete.args == [["000.00.04.H27", "000.00.21.H27", "000.00.88.H27"]]
    assert picker.chosen.currentRow() == 1  # the next one is selected: Delete again removes it

    chip = _chip(picker, 0)
    with qtbot.waitSignal(picker.changed) as after_click:
        qtbot.mouseClick(chip.remove, Qt.MouseButton.LeftButton)
    assert after_click.args == [["000.00.21.H27", "000.00.88.H27"]]


def test_unknown_text_says_so(qtbot: QtBot, picker: AgencyPicker) -> None:
    qtbot.keyClicks(picker.search, "khong co co quan nay")
    assert picker.results.isHidden() and picker.note.isVisible()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.codes() == []


def test_directory_loads_off_the_ui_thread(qtbot: QtBot, booted: Booted, directory: DirectoryService) -> None:
    jobs = JobRunner(booted.settings.logs_dir / "vanthu.log")
    widget = AgencyPicker(directory, jobs=jobs)
    qtbot.addWidget(widget)
    assert not widget.search.isEnabled() and "Loading" in widget.note.text()
    qtbot.waitUntil(widget.search.isEnabled, timeout=30_000)
    assert directory.loaded and widget.note.isHidden()
    qtbot.keyClicks(widget.search, "cam xuyen")
    assert widget.results.item(0).data(Qt.ItemDataRole.UserRole) == "000.00.21.H27"
    jobs.wait()
