"""Where the leader's signature and the seal will land, shown on the page before signing (seed Art 8, issue #5 item 3).

The page of the prepared draft is rendered with QtPdf; the signer box (blue) and the seal box (red circle, it covers
the left third of the signature) are drawn where the prepared fields put them. The signer drags the pair to another
spot (or nudges it with the arrow keys, Shift for bigger steps), can pick another page of a multi-page draft, and can
reset it. `signing_layout()` gives the result in PDF points (origin bottom-left, as pyHanko and the prepared fields
use), moved by whole points so what is shown is exactly what `prepare_draft` writes (it rounds rectangles to points).

The number and date boxes (page 1) are shown greyed when on the shown page; they never move here.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.signing.sign import Box, SigningLayout

MARGIN = 8  # pixels around the page
SIGNER_COLOUR = QColor("#1565c0")
SEAL_COLOUR = QColor("#c62828")
FIELD_COLOUR = QColor("#757575")


def translate(box: Box, dx: float, dy: float, page: int | None = None) -> Box:
    p, x0, y0, x1, y1 = box
    return (p if page is None else page), x0 + dx, y0 + dy, x1 + dx, y1 + dy


class SignaturePreview(QWidget):
    """A page with a draggable signature box; `layoutChanged(moved)` fires after each move or reset."""

    layoutChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePreview")
        self.setMinimumSize(360, 460)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._initial: SigningLayout | None = None
        self._layout: SigningLayout | None = None
        self._image: QImage | None = None
        self._image_key: tuple[int, int, int] | None = None
        self._drag_from: QPointF | None = None
        self._drag_box: tuple[Box, Box] | None = None

    # -- public -----------------------------------------------------------------------------------------------------
    def set_document(self, pdf: bytes, layout: SigningLayout, *, current: SigningLayout | None = None) -> bool:
        """Show `pdf` with `layout` (what reset returns to) and optionally an earlier choice; False when QtPdf
        cannot open the file (the preview then shows nothing and the prepared place is used)."""
        self.document.close()
        data = QByteArray(pdf)
        buffer = QBuffer(self)
        buffer.setData(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self._initial = _explicit_seal(layout)
        self._layout = _explicit_seal(current) if current is not None else self._initial
        self._image, self._image_key = None, None
        self.update()
        return self.ready

    @property
    def ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0

    def page_count(self) -> int:
        return self.document.pageCount() if self.ready else 0

    def page(self) -> int:
        return self._layout.signer_box[0] if self._layout is not None else 0

    def signing_layout(self) -> SigningLayout | None:
        return self._layout

    def initial_layout(self) -> SigningLayout | None:
        return self._initial

    def moved(self) -> bool:
        return self._layout is not None and self._layout != self._initial

    def reset(self) -> None:
        if self._initial is not None and self._layout != self._initial:
            self._layout = self._initial
            self._image, self._image_key = None, None
            self.update()
            self.layoutChanged.emit(False)

    def move_by(self, dx: float, dy: float) -> None:
        """Move the signature and the seal together by (dx, dy) PDF points, kept inside the page."""
        if self._layout is None:
            return
        self._set_boxes(*self._moved_boxes(self._layout.signer_box, self._layout.seal, dx, dy))

    def set_page(self, page: int) -> None:
        """Put the signature on another page, at the same place (kept inside that page)."""
        if self._layout is None or not 0 <= page < self.page_count() or page == self.page():
            return
        signer = translate(self._layout.signer_box, 0, 0, page)
        seal = translate(self._layout.seal, 0, 0, page)
        self._image, self._image_key = None, None
        self._set_boxes(*self._moved_boxes(signer, seal, 0, 0))

    # -- geometry ---------------------------------------------------------------------------------------------------
    def page_size(self) -> tuple[float, float]:
        """Width and height of the shown page in PDF points."""
        size = self.document.pagePointSize(self.page()) if self.ready else None
        if size is None or size.isEmpty():
            return 595.0, 842.0
        return size.width(), size.height()

    def scale(self) -> float:
        """Pixels per PDF point at the current widget size (the page fits the widget)."""
        w, h = self.page_size()
        return max(0.05, min((self.width() - 2 * MARGIN) / w, (self.height() - 2 * MARGIN) / h))

    def page_rect(self) -> QRectF:
        w, h = self.page_size()
        s = self.scale()
        return QRectF((self.width() - w * s) / 2, (self.height() - h * s) / 2, w * s, h * s)

    def to_widget(self, box: Box) -> QRectF:
        """A PDF box (origin bottom-left) as a rectangle in widget pixels (origin top-left)."""
        _page, x0, y0, x1, y1 = box
        _w, h = self.page_size()
        s = self.scale()
        origin = self.page_rect().topLeft()
        return QRectF(origin.x() + x0 * s, origin.y() + (h - y1) * s, (x1 - x0) * s, (y1 - y0) * s)

    def signer_rect(self) -> QRectF:
        return self.to_widget(self._layout.signer_box) if self._layout is not None else QRectF()

    def seal_rect(self) -> QRectF:
        return self.to_widget(self._layout.seal) if self._layout is not None else QRectF()

    def _moved_boxes(self, signer: Box, seal: Box, dx: float, dy: float) -> tuple[Box, Box]:
        """Both boxes moved by whole points, stopped at the page's edges (the pair never leaves the page)."""
        w, h = self.page_size()
        left = min(signer[1], seal[1])
        right = max(signer[3], seal[3])
        bottom = min(signer[2], seal[2])
        top = max(signer[4], seal[4])
        dx = max(-left, min(w - right, dx))
        dy = max(-bottom, min(h - top, dy))
        dx, dy = float(int(dx)), float(int(dy))  # towards zero: never past the edge
        return translate(signer, dx, dy), translate(seal, dx, dy)

    def _set_boxes(self, signer: Box, seal: Box) -> None:
        assert self._layout is not None
        if (signer, seal) == (self._layout.signer_box, self._layout.seal):
            return
        self._layout = replace(self._layout, signer_box=signer, seal_box=seal)
        self.update()
        self.layoutChanged.emit(self.moved())

    # -- painting ---------------------------------------------------------------------------------------------------
    def _page_image(self) -> QImage | None:
        if not self.ready:
            return None
        rect = self.page_rect()
        ratio = self.devicePixelRatioF()
        key = (self.page(), round(rect.width() * ratio), round(rect.height() * ratio))
        if self._image is None or self._image_key != key:
            self._image = self.document.render(self.page(), QSize(key[1], key[2]))
            self._image.setDevicePixelRatio(ratio)
            self._image_key = key
        return self._image

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#e0e0e0"))
        page = self.page_rect()
        image = self._page_image()
        if image is None:
            painter.setPen(FIELD_COLOUR)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("The page cannot be shown."))
            painter.end()
            return
        painter.fillRect(page, QColor("white"))
        painter.drawImage(page, image)
        if self._layout is None:
            painter.end()
            return
        for box in (self._layout.number_box, self._layout.date_box):
            if box[0] == self.page():
                painter.setPen(QPen(FIELD_COLOUR, 1, Qt.PenStyle.DotLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(self.to_widget(box))
        signer = self.signer_rect()
        fill = QColor(SIGNER_COLOUR)
        fill.setAlpha(40 if self._drag_from is None else 70)
        painter.setPen(QPen(SIGNER_COLOUR, 2, Qt.PenStyle.DashLine))
        painter.setBrush(fill)
        painter.drawRect(signer)
        seal = self.seal_rect()
        seal_fill = QColor(SEAL_COLOUR)
        seal_fill.setAlpha(30)
        painter.setPen(QPen(SEAL_COLOUR, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(seal_fill)
        side = min(seal.width(), seal.height())
        painter.drawEllipse(QRectF(seal.left() + (seal.width() - side) / 2, seal.top(), side, side))
        painter.setPen(SIGNER_COLOUR)
        painter.drawText(signer.adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
                         | Qt.TextFlag.TextWordWrap, self.tr("Signature"))
        painter.setPen(SEAL_COLOUR)
        painter.drawText(seal.adjusted(2, 2, -2, -2), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         self.tr("Seal"))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._image_key = None
        super().resizeEvent(event)

    # -- dragging ---------------------------------------------------------------------------------------------------
    def _grabbable(self, pos: QPointF) -> bool:
        return self._layout is not None and (self.signer_rect().contains(pos) or self.seal_rect().contains(pos))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.button() == Qt.MouseButton.LeftButton and self._grabbable(pos) and self._layout is not None:
            self._drag_from = pos
            self._drag_box = (self._layout.signer_box, self._layout.seal)
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.setFocus()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._drag_from is not None and self._drag_box is not None:
            s = self.scale()
            dx = (pos.x() - self._drag_from.x()) / s
            dy = -(pos.y() - self._drag_from.y()) / s  # widget y grows downwards, PDF y upwards
            self._set_boxes(*self._moved_boxes(*self._drag_box, round(dx), round(dy)))
            event.accept()
            return
        self.setCursor(Qt.CursorShape.OpenHandCursor if self._grabbable(pos) else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from, self._drag_box = None, None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            self.update()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = 10.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1.0
        moves = {Qt.Key.Key_Left: (-step, 0.0), Qt.Key.Key_Right: (step, 0.0), Qt.Key.Key_Up: (0.0, step),
                 Qt.Key.Key_Down: (0.0, -step)}
        move = moves.get(Qt.Key(event.key()))
        if move is not None and self._layout is not None:
            self.move_by(*move)
            event.accept()
            return
        super().keyPressEvent(event)


def _explicit_seal(layout: SigningLayout) -> SigningLayout:
    """The same layout with its seal box spelled out, so moving the pair keeps the seal where it was relative to it."""
    return layout if layout.seal_box is not None else replace(layout, seal_box=layout.seal)
