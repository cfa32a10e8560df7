"""The signature placement preview and the leader's sign dialog: dragging moves the signature (and the seal with it)
by whole PDF points, reset puts it back, and a draft signed after moving the box on the demo home's SoftHSM2 token
has the leader's signature widget exactly there (checked with pypdf and pyHanko), with the signature intact and
trusted, also after the clerk's number, date and seal."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.drafts import DraftMeta, DraftState, Recipient, RecipientKind, VersionKind
from app.services.bundle import Booted
from app.services.signing.locate import locate_layout
from app.services.signing.pki import DEMO_USER_PIN, load_demo_pki
from app.services.signing.sign import LEADER_FIELD, SEAL_FIELD, Box, prepare_draft
from app.ui.dialogs.pin import SESSION_PINS
from app.ui.dialogs.sign_document import SignDocumentDialog, prepared_layout
from app.ui.jobs import JobRunner
from app.ui.pages.common import PageEnv
from app.ui.pages.drafts import DraftsPage
from app.widgets.signature_preview import SignaturePreview
from tests.ui.signing_support import actor, draft_pdf, require_demo_tokens

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def prepared() -> bytes:
    pdf = draft_pdf()
    return prepare_draft(pdf, locate_layout(pdf, signer_name="Nguyễn Văn An", signer_title="GIÁM ĐỐC"))


def shifted(box: Box, dx: float, dy: float) -> Box:
    page, x0, y0, x1, y1 = box
    return page, x0 + dx, y0 + dy, x1 + dx, y1 + dy


def widget_rect(pdf: bytes, name: str) -> tuple[int, list[float]]:
    """Page index and /Rect of the field's widget, read with pypdf (not with the app's own helper)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    for index, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            title = annot.get("/T") or annot.get("/Parent", {}).get("/T")
            if title == name:
                return index, [float(v) for v in annot["/Rect"]]
    raise AssertionError(f"no widget for {name}")


def test_dragging_moves_the_signature_and_seal_in_pdf_points(qtbot: QtBot) -> None:
    pdf = prepared()
    start = prepared_layout(pdf)
    assert start is not None and start.seal_box is not None
    preview = SignaturePreview()
    qtbot.addWidget(preview)
    preview.resize(520, 740)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.set_document(pdf, start)
    assert preview.page() == 0 and preview.page_size() == pytest.approx((595.28, 841.89), abs=1)
    moves: list[bool] = []
    preview.layoutChanged.connect(moves.append)

    scale = preview.scale()
    grab = preview.signer_rect().center().toPoint()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(preview, left, none, grab)
    QTest.mouseMove(preview, grab + QPoint(-30, 20))
    QTest.mouseMove(preview, grab + QPoint(-60, 40))
    QTest.mouseRelease(preview, left, none, grab + QPoint(-60, 40))

    moved = preview.signing_layout()
    assert moved is not None and preview.moved() and moves and moves[-1] is True
    dx, dy = moved.signer_box[1] - start.signer_box[1], moved.signer_box[2] - start.signer_box[2]
    assert dx == round(-60 / scale) and dy == round(-40 / scale)  # left and down: PDF y grows upwards
    assert dx == int(dx) and dy == int(dy)  # whole points, as the prepared field's rectangle will be
    assert moved.signer_box == shifted(start.signer_box, dx, dy)
    assert moved.seal == shifted(start.seal_box, dx, dy)  # the seal keeps covering the signature's left third
    assert (moved.number_box, moved.date_box) == (start.number_box, start.date_box)
    # what is drawn is where the layout says
    assert preview.to_widget(moved.signer_box).center().x() == pytest.approx(grab.x() - 60, abs=scale + 1)

    preview.setFocus()
    QTest.keyClick(preview, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert preview.signing_layout().signer_box == shifted(start.signer_box, dx + 10, dy)  # type: ignore[union-attr]

    preview.move_by(-10_000, 10_000)  # stopped at the page's edge, the seal included
    edge = preview.signing_layout()
    assert edge is not None and edge.seal[1] >= 0 and edge.signer_box[4] <= preview.page_size()[1]
    assert edge.seal[1] < 1 and preview.page_size()[1] - max(edge.signer_box[4], edge.seal[4]) < 1

    preview.reset()
    assert preview.signing_layout() == start and not preview.moved() and moves[-1] is False


def test_the_sign_dialog_shows_the_prepared_place(qtbot: QtBot, booted: Booted, language: str) -> None:
    require_demo_tokens(booted)
    pdf = prepared()
    leader = actor(booted, "giamdoc")
    dialog = SignDocumentDialog(booted.services.signing, booted.services.signing.token_for(leader), "Ký", pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.preview.isVisible() and dialog.initial == prepared_layout(pdf)
    assert dialog.chosen_layout() is None and not dialog.reset_button.isEnabled()
    dialog.preview.move_by(12, -8)
    assert dialog.reset_button.isEnabled() and dialog.chosen_layout() == dialog.preview.signing_layout()
    dialog.reset_button.click()
    assert dialog.chosen_layout() is None
    dialog.pin.setText(DEMO_USER_PIN)
    answer = dialog.sign_answer()
    assert answer is not None and answer.layout is None and DEMO_USER_PIN not in repr(answer)
    booted.services.signing.close()


@pytest.fixture
def leader_page(qtbot: QtBot, booted: Booted, language: str) -> Iterator[Callable[[], DraftsPage]]:
    require_demo_tokens(booted)
    made: list[DraftsPage] = []

    def make() -> DraftsPage:
        user = booted.services.auth.login("giamdoc", "VanThu@2026")
        env = PageEnv(
            booted.settings, booted.services, user, JobRunner(booted.settings.logs_dir / "x.log"), lambda _id: None
        )
        page = DraftsPage(env)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        made.append(page)
        return page

    yield make
    for p in made:
        p._env.jobs.wait(20_000)
    SESSION_PINS.clear()
    booted.services.signing.close()


def test_signing_with_a_moved_box_puts_the_signature_there(
    qtbot: QtBot, booted: Booted, leader_page: Callable[[], DraftsPage]
) -> None:
    services = booted.services
    drafter, leader, clerk = actor(booted, "chuyenvien"), actor(booted, "giamdoc"), actor(booted, "vanthu")
    unit = services.session.units()[0]
    meta = DraftMeta("Quyết định", "Về việc thử nghiệm ký số", signer_user_id=leader.user_id)
    created = services.issuing.create(drafter, meta, draft_pdf(), "du-thao.pdf",
                                      recipients=[Recipient(RecipientKind.UNIT, unit.name, unit_id=unit.id)])
    submitted = services.issuing.submit(drafter, created.document_id)
    start = prepared_layout(services.issuing.pdf(submitted.current_sha256))
    assert start is not None and start.seal_box is not None

    page = leader_page()
    page.select(created.document_id)
    assert page.sign_button.isEnabled()
    seen: list[SignDocumentDialog] = []
    pins = ["000000", DEMO_USER_PIN]  # a wrong PIN first: the retry keeps the moved place

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SignDocumentDialog) or dialog in seen or not pins:
            return
        seen.append(dialog)
        if len(seen) == 1:
            dialog.preview.move_by(-40, 60)
        dialog.pin.setText(pins.pop(0))
        dialog.buttons.accepted.emit()

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    page.sign_button.click()
    qtbot.waitUntil(lambda: not pins and page.job is not None and not page.job.running, timeout=60_000)
    qtbot.waitUntil(lambda: services.issuing.get(created.document_id).state is DraftState.SIGNED, timeout=60_000)
    timer.stop()
    assert len(seen) == 2 and seen[1].preview.moved()  # the second try reopened with the moved box
    assert seen[1].preview.signing_layout() == seen[0].preview.signing_layout()

    signed = services.issuing.get(created.document_id)
    assert [v.kind for v in signed.versions[-3:]] == [VersionKind.PREPARED, VersionKind.PREPARED, VersionKind.SIGNED]
    pdf = services.issuing.pdf(signed.current_sha256)
    page_index, rect = widget_rect(pdf, LEADER_FIELD)
    want = shifted(start.signer_box, -40, 60)
    assert page_index == want[0] and rect == pytest.approx(list(want[1:]), abs=0.5)
    seal_page, seal_rect = widget_rect(pdf, SEAL_FIELD)
    assert seal_page == want[0] and seal_rect == pytest.approx(list(shifted(start.seal_box, -40, 60)[1:]), abs=0.5)

    # pyHanko on its own: the leader's signature covers the file, is intact and chains to the demo root
    from asn1crypto import pem
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    demo = load_demo_pki(booted.settings.data_dir / "pki")
    assert demo is not None
    _, _, der = pem.unarmor(demo.root_pem.read_bytes())
    reader = PdfFileReader(io.BytesIO(pdf))
    (sig,) = reader.embedded_signatures
    assert sig.field_name == LEADER_FIELD
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)]))
    assert status.intact and status.valid and status.trusted

    # the clerk's number, date and seal go where the moved fields are; every signature stays valid
    sealed = services.issuing.number_and_seal(clerk, created.document_id, DEMO_USER_PIN)
    report = services.signing.verify(services.issuing.pdf(sealed.current_sha256))
    assert report.all_valid, report.summary
    assert [s.field_name for s in report.signatures] == [LEADER_FIELD, SEAL_FIELD]


def test_closing_the_window_forgets_the_session_pins_and_closes_the_tokens(
    qtbot: QtBot, booted: Booted, language: str
) -> None:
    from app.ui.main_window import MainWindow

    require_demo_tokens(booted)
    signing = booted.services.signing
    leader = actor(booted, "giamdoc")
    selector = signing.token_for(leader)
    assert selector is not None and signing.tokens()  # the token module is open
    SESSION_PINS.keep(selector, DEMO_USER_PIN)
    window = MainWindow(booted, booted.services.auth.login("giamdoc", "VanThu@2026"),
                        JobRunner(booted.settings.logs_dir / "x.log"))
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert len(SESSION_PINS) == 0 and SESSION_PINS.get(selector) is None
    assert signing._worker is None  # closed: the next signing opens the module again
