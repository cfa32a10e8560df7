"""A PDF viewer: QtPdf's document and view with page navigation and zoom. Import it only when a PDF is shown
(QtPdf is the heaviest module the shell loads)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

ZOOM_STEP = 1.25


class PdfViewer(QWidget):
    """Shows one PDF file; `loaded(pages)` fires once it is ready, `failed()` when it cannot be opened."""

    loaded = Signal(int)
    failed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.page_label = QLabel(self)
        self.prev_button = self._tool("‹", self.tr("Previous page"), self._previous)
        self.next_button = self._tool("›", self.tr("Next page"), self._next)
        self.zoom_out = self._tool("−", self.tr("Zoom out"), lambda: self._zoom(1 / ZOOM_STEP))
        self.zoom_in = self._tool("+", self.tr("Zoom in"), lambda: self._zoom(ZOOM_STEP))
        self.fit_width = self._tool(self.tr("Fit width"), self.tr("Fit the page width to the window"), self._fit)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out, self.zoom_in, self.fit_width):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.document.statusChanged.connect(self._on_status)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_page(0)

    def _tool(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def load(self, path: Path) -> None:
        """A fresh QPdfDocument per file: QPdfView keeps the pages it rendered when the same document object is
        reloaded with a file of the same page count, so a signed file's display copy would not show."""
        old = self.document
        self.document = QPdfDocument(self)
        self.document.statusChanged.connect(self._on_status)
        self.view.setDocument(self.document)
        old.close()
        old.deleteLater()
        self.document.load(str(path))

    def clear(self) -> None:
        self.document.close()
        self._show_page(0)

    def _on_status(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self._fit()
            self._show_page(0)
            self.loaded.emit(self.document.pageCount())
        elif status == QPdfDocument.Status.Error:
            self.failed.emit()

    def _show_page(self, page: int) -> None:
        total = self.document.pageCount()
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(page + 1 if total else 0))
                                .replace("%2", str(total)))
        self.prev_button.setEnabled(page > 0)
        self.next_button.setEnabled(page + 1 < total)

    def _go(self, page: int) -> None:
        if 0 <= page < self.document.pageCount():
            self.view.pageNavigator().jump(page, QPointF(), self.view.pageNavigator().currentZoom())

    def _previous(self) -> None:
        self._go(self.view.pageNavigator().currentPage() - 1)

    def _next(self) -> None:
        self._go(self.view.pageNavigator().currentPage() + 1)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.1, min(8.0, self.view.zoomFactor() * factor)))

    def _fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
