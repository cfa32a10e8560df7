"""The administrator decides which number series the agency uses: one registry book per series and year."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.services.bundle import Booted
from app.ui.pages.admin import AdminPage, RegistryBookDialog
from tests.ui.test_shell import open_main


def test_admin_adds_a_normative_series_book(qtbot: QtBot, booted: Booted, language: str) -> None:
    window = open_main(qtbot, booted, "quantri")
    page = window.show_page("admin")
    assert isinstance(page, AdminPage)
    before = page.books.rowCount()
    assert before >= 4  # the demo's incoming, outgoing and their secret books
    dialog = RegistryBookDialog(2026, page)
    qtbot.addWidget(dialog)
    dialog.series.setCurrentIndex(dialog.series.findData("vbqppl"))
    dialog.doc_type.setCurrentIndex(dialog.doc_type.findData("QĐ"))
    dialog._accept()
    assert dialog.name.text()  # the suggested name was taken
    page.create_book(dialog)
    assert page.books.rowCount() == before + 1
    series = {page.books.item(r, 2).text() for r in range(page.books.rowCount())}
    assert "vbqppl:QĐ" in series
    book = next(b for b in booted.services.registry.books(2026) if b.series_key == "vbqppl:QĐ")
    assert book.kind.value == "outgoing" and not book.confidential


def test_an_advisory_body_needs_its_abbreviation(qtbot: QtBot, booted: Booted, language: str) -> None:
    dialog = RegistryBookDialog(2026)
    qtbot.addWidget(dialog)
    dialog.series.setCurrentIndex(dialog.series.findData("advisory"))
    dialog._accept()
    assert dialog.result() == 0  # not accepted while the body is empty
    dialog.body.setText("hđtđ")
    assert dialog.series_key() == "advisory:HĐTĐ"


def test_the_same_series_twice_is_refused_with_a_message(booted: Booted) -> None:
    import pytest

    from app.domain.enums import RegistryKind
    from app.domain.errors import ConflictError
    from app.domain.model import Actor

    admin = next(u for u in booted.services.session.users() if u.username == "quantri")
    with pytest.raises(ConflictError) as err:
        booted.services.registry.add_series_book(Actor.of(admin), RegistryKind.OUTGOING, "admin", "Sổ mới", year=2026)
    assert err.value.code == "registry.book_exists"
