"""The leader's progress overview: open, overdue and due-soon work per unit and per person, drilled into by a
double-click on a number."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.domain.workflow import TaskFilter
from app.services.bundle import Booted
from app.ui.pages.overview import OverviewPage
from app.ui.pages.tasks import DUE_SOON_COLOR, OVERDUE_COLOR
from tests.ui.test_tasks_page import Office, direct_demo_work, open_office


@pytest.fixture
def office(booted: Booted, tmp_path: Path) -> Iterator[Office]:
    yield from open_office(booted, tmp_path)


OPEN, OVERDUE, DUE_SOON = 1, 2, 3


def rows_by_name(table: QTableWidget) -> dict[str, int]:
    names = {}
    for r in range(table.rowCount()):
        item = table.item(r, 0)
        if item is not None:
            names[item.text()] = r
    return names


def number(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def test_counts_per_unit_and_person_with_overdue_in_red(qtbot: QtBot, office: Office, language: str) -> None:
    ids = direct_demo_work(office)
    page = OverviewPage(office.env("giamdoc"))
    qtbot.addWidget(page)
    page.show()
    assert page.as_of.text().endswith("27/11/2026")

    units = rows_by_name(page.units)
    # CNTT leads one itself and its specialist leads two more (one overdue); Văn phòng Sở leads one
    cntt = units["Phòng Công nghệ thông tin"]
    assert [number(page.units, cntt, c) for c in (OPEN, OVERDUE, DUE_SOON)] == ["3", "1", "1"]
    vp = units["Văn phòng Sở"]
    assert [number(page.units, vp, c) for c in (OPEN, OVERDUE, DUE_SOON)] == ["1", "0", "0"]
    item = page.units.item(cntt, OVERDUE)
    assert item is not None and item.foreground().color() == QColor(OVERDUE_COLOR)
    item = page.units.item(cntt, DUE_SOON)
    assert item is not None and item.foreground().color() == QColor(DUE_SOON_COLOR)

    people = rows_by_name(page.people)
    lan = people["Phạm Thị Lan"]
    assert [number(page.people, lan, c) for c in (OPEN, OVERDUE, DUE_SOON)] == ["2", "1", "0"]

    # drill into Lan's overdue work
    rect = page.people.visualItemRect(page.people.item(lan, OVERDUE))
    qtbot.mouseClick(page.people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real double-click
    qtbot.mouseDClick(page.people.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.drilled is not None and page.drilled[1] is TaskFilter.OVERDUE
    assert "Phạm Thị Lan" in page.drill_title.text()
    if page._lister() is not None:  # WorkflowService.party_tasks (see the report of issue 7's UI)
        assert [t.assignment_id for t in page.drill_tasks] == [ids.lead_overdue]
        assert page.drill.rowCount() == 1
    else:
        assert page.drill.rowCount() == 0


def test_a_finished_task_leaves_the_open_counts(qtbot: QtBot, office: Office, language: str) -> None:
    ids = direct_demo_work(office)
    office.services.workflow.finish(office.actor("chuyenvien"), ids.lead_overdue, "Đã xử lý xong")
    page = OverviewPage(office.env("giamdoc"))
    qtbot.addWidget(page)
    lan = rows_by_name(page.people)["Phạm Thị Lan"]
    assert [number(page.people, lan, c) for c in (OPEN, OVERDUE)] == ["1", "0"]
