"""The draft editor's recipients: outside agencies through the AgencyPicker over the cached directory (typed without
accents, told apart by code, codes validated), the own units and paper copies in the same table, and a name outside
the directory kept for paper only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from app.domain.drafts import RecipientKind, RecipientRelation
from app.domain.enums import AgencyLevel
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.store.repositories import AgencyRepository
from app.ui.dialogs.draft_editor import DraftEditorDialog
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.widgets.agency_picker import CODE_ROLE
from axis_sandbox import seed
from tests.ui.signing_support import draft_pdf

PPC = "UBND tỉnh Hà Tĩnh"
EXTRA = [  # code, name, parent code, parent name: "Sở Tài chính" exists in two provinces
    ("000.00.00.H27", PPC, None, None),
    ("000.00.04.H27", "Sở Tài chính", "000.00.00.H27", PPC),
    ("000.00.04.H30", "Sở Tài chính", "000.00.00.H30", "UBND tỉnh Hậu Giang"),
    ("000.00.21.H27", "UBND huyện Cẩm Xuyên", "000.00.00.H27", PPC),
]


@pytest.fixture
def editor(qtbot: QtBot, booted: Booted, language: str, tmp_path: Path) -> Iterator[DraftEditorDialog]:
    with booted.services.ctx.db.session() as s:  # the directory as a pull from the axis leaves it
        repo = AgencyRepository(s)
        for code, name, parent, parent_name in EXTRA:
            repo.add(code=code, name=name, abbreviation="", level=AgencyLevel.OTHER, parent_code=parent,
                     parent_name=parent_name, place_name="")
        for a in seed.generate(1500):
            if not a.code.endswith((".H27", ".H30")):
                repo.add(code=a.code, name=a.name, abbreviation="", level=AgencyLevel.OTHER,
                         parent_code=a.pcode or None, parent_name=None, place_name="")
    booted.services.directory.refresh()
    user = booted.services.auth.login("chuyenvien", DEMO_PASSWORD)
    jobs = JobRunner(booted.settings.logs_dir / "jobs.log")
    env = PageEnv(booted.settings, booted.services, user, jobs, lambda _id: None)
    dialog = DraftEditorDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.agency.isEnabled, timeout=20_000)  # the index is built off the UI thread
    pdf = tmp_path / "du-thao.pdf"
    pdf.write_bytes(draft_pdf())
    dialog.set_file(pdf)
    dialog.summary.setText("V/v thử nghiệm chọn nơi nhận")
    yield dialog
    jobs.wait(20_000)


def _matches(dialog: DraftEditorDialog) -> list[str]:
    results = dialog.agency_picker.results
    return [str(results.item(i).data(CODE_ROLE)) for i in range(results.count())]


def test_agencies_are_picked_from_the_directory_by_typing_without_accents(
        qtbot: QtBot, editor: DraftEditorDialog) -> None:
    assert editor.agency_picker.isVisible() and not editor.agency_picker.chosen.isVisible()  # the table is the list
    qtbot.keyClicks(editor.agency, "so tai chinh")
    assert {"000.00.04.H27", "000.00.04.H30"} <= set(_matches(editor))  # same name, told apart by code
    results = editor.agency_picker.results
    row = _matches(editor).index("000.00.04.H30")
    qtbot.keyClick(editor.agency, Qt.Key.Key_Down)  # into the list, then to the Hậu Giang one
    results.setCurrentRow(row)
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert editor.agency.text() == "" and editor.isVisible()

    qtbot.keyClicks(editor.agency, "ubnd tinh ha tinh")  # Enter in the box adds the first match
    assert _matches(editor)[0] == "000.00.00.H27"
    qtbot.keyClick(editor.agency, Qt.Key.Key_Return)
    assert editor.isVisible() and editor.result_form is None  # Enter added the agency; it did not press Save

    editor.unit.setCurrentIndex(editor.unit.findText("Phòng Công nghệ thông tin"))
    editor.add_unit()
    form = editor.form()
    assert [(r.kind, r.agency_code) for r in form.recipients] == [
        (RecipientKind.AGENCY, "000.00.04.H30"), (RecipientKind.AGENCY, "000.00.00.H27"), (RecipientKind.UNIT, None)]
    assert form.recipients[0].name == "Sở Tài chính"
    assert form.recipients[1].relation is RecipientRelation.SUPERIOR  # the province above the demo department

    # an agency already chosen is not offered again; removing it from the table offers it again
    qtbot.keyClicks(editor.agency, "so tai chinh")
    assert "000.00.04.H30" not in _matches(editor) and "000.00.04.H27" in _matches(editor)
    editor.agency.clear()
    editor.recipients.selectRow(0)
    editor._remove_recipient()
    assert [r.agency_code for r in editor.form().recipients] == ["000.00.00.H27", None]
    qtbot.keyClicks(editor.agency, "so tai chinh")
    assert "000.00.04.H30" in _matches(editor)


def test_paper_copies_stay_editable_per_row(qtbot: QtBot, editor: DraftEditorDialog) -> None:
    qtbot.keyClicks(editor.agency, "cam xuyen")
    editor.add_agency()  # the Add button: the highlighted (first) match
    row = 0
    paper = editor.recipients.cellWidget(row, 3)
    copies = editor.recipients.cellWidget(row, 4)
    relation = editor.recipients.cellWidget(row, 1)
    assert isinstance(paper, QCheckBox) and isinstance(copies, QSpinBox) and isinstance(relation, QComboBox)
    paper.setChecked(True)
    copies.setValue(2)
    (r,) = editor.form().recipients
    assert (r.agency_code, r.paper, r.paper_copies) == ("000.00.21.H27", True, 2)
    item = editor.recipients.item(0, 0)
    assert item is not None and "000.00.21.H27" in item.toolTip()


def test_codes_are_validated_and_unknown_names_refused_with_what_to_do(
        qtbot: QtBot, editor: DraftEditorDialog) -> None:
    # a complete, valid code not in the directory yet is accepted as typed
    qtbot.keyClicks(editor.agency, "000.00.77.h27")
    editor.add_agency()
    assert [r.agency_code for r in editor.form().recipients] == ["000.00.77.H27"]
    # a malformed code or an unknown name is refused, nothing is added, the message says what to do
    for text in ("000.01.00.H27", "Cơ quan không có thật"):
        editor.agency.setText(text)
        editor.add_agency()
        assert editor.message.isVisible() and "000.00.12.H27" in editor.message.text()
        assert len(editor.form().recipients) == 1
    # a recipient outside the directory can still be named: paper only, outside the system, no code
    editor.agency.setText("Công ty  Cổ phần Viễn thông ABC")
    button = editor.findChild(QPushButton, "addNamedRecipient")
    assert isinstance(button, QPushButton)
    button.click()
    named = editor.form().recipients[1]
    assert (named.name, named.agency_code, named.relation, named.paper) == (
        "Công ty Cổ phần Viễn thông ABC", None, RecipientRelation.OUTSIDE_SYSTEM, True)
    # the same agency twice is refused
    qtbot.keyClicks(editor.agency, "000.00.77.H27")
    editor.add_agency()
    assert len(editor.form().recipients) == 2 and editor.message.isVisible()
