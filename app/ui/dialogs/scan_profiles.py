"""The clerk's scan profiles: add, rename, change or delete the saved settings per use ("Văn bản đen trắng 300 dpi",
"Ảnh màu", …): source, colour mode, resolution, page size and what is stored. The intake page saves the outcome in
the data directory (ProfileStore); this dialog only edits a copy and checks it (named, names unique, at least one)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.scanner.profiles import DPI_CHOICES, ColorMode, OutputMode, PageSize, ScanProfile, SourceKind, check_profiles
from app.ui.dialogs import error_label


class ScanProfilesDialog(QDialog):
    def __init__(self, profiles: tuple[ScanProfile, ...], current: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanProfilesDialog")
        self.setWindowTitle(self.tr("Scan profiles"))
        self.setMinimumWidth(620)
        self._profiles: list[ScanProfile] = list(profiles)
        self._loading = False

        self.list = QListWidget(self)
        self.list.setObjectName("profileList")
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addProfile")
        self.add_button.clicked.connect(self.add_profile)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteProfile")
        self.delete_button.clicked.connect(self.delete_profile)

        self.name = QLineEdit(self)
        self.name.setObjectName("profileName")
        self.source = QComboBox(self)
        self.source.setObjectName("profileSource")
        for kind, text in ((SourceKind.ADF, self.tr("Document feeder")),
                           (SourceKind.ADF_DUPLEX, self.tr("Document feeder, both sides")),
                           (SourceKind.FLATBED, self.tr("Flatbed glass"))):
            self.source.addItem(text, kind.value)
        self.mode = QComboBox(self)
        self.mode.setObjectName("profileMode")
        for mode, text in ((ColorMode.GRAY, self.tr("Greyscale")), (ColorMode.COLOR, self.tr("Colour")),
                           (ColorMode.LINEART, self.tr("Black and white (line art)"))):
            self.mode.addItem(text, mode.value)
        self.dpi = QComboBox(self)
        self.dpi.setObjectName("profileDpi")
        for dpi in DPI_CHOICES:
            self.dpi.addItem(self.tr("%1 dpi").replace("%1", str(dpi)), dpi)
        self.page_size = QComboBox(self)
        self.page_size.setObjectName("profilePageSize")
        for size in PageSize:
            self.page_size.addItem(self.tr("Largest the scanner takes") if size is PageSize.MAX else size.value,
                                   size.value)
        self.output = QComboBox(self)
        self.output.setObjectName("profileOutput")
        for out, text in ((OutputMode.BLACK_WHITE, self.tr("Black and white (smallest file)")),
                          (OutputMode.GRAY, self.tr("Greyscale")), (OutputMode.COLOR, self.tr("Colour"))):
            self.output.addItem(text, out.value)
        self.output.setToolTip(self.tr("What the PDF keeps. Capture in greyscale and keep black and white: text "
                                       "recognition reads greyscale far better."))
        self.message = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Colour mode:"), self.mode)
        form.addRow(self.tr("Resolution:"), self.dpi)
        form.addRow(self.tr("Page size:"), self.page_size)
        form.addRow(self.tr("Kept in the PDF as:"), self.output)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(form, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        for profile in self._profiles:
            self.list.addItem(profile.name)
        self.list.currentRowChanged.connect(self._show)
        self.name.textEdited.connect(self._edited)
        for combo in (self.source, self.mode, self.dpi, self.page_size, self.output):
            combo.currentIndexChanged.connect(self._edited)
        names = [p.name for p in self._profiles]
        self.list.setCurrentRow(names.index(current) if current in names else 0)
        self._update_buttons()

    # ---- public ------------------------------------------------------------------------------------------------
    def profiles(self) -> tuple[ScanProfile, ...]:
        return tuple(replace(p, name=" ".join(p.name.split())) for p in self._profiles)

    def chosen(self) -> str | None:
        row = self.list.currentRow()
        return " ".join(self._profiles[row].name.split()) if 0 <= row < len(self._profiles) else None

    def add_profile(self) -> None:
        base = self.chosen()
        template = next((p for p in self._profiles if p.name == base), None) or ScanProfile("")
        names = {p.name.casefold() for p in self._profiles}
        name, n = self.tr("New profile"), 1
        while name.casefold() in names:
            n += 1
            name = self.tr("New profile %1").replace("%1", str(n))
        self._profiles.append(replace(template, name=name))
        self.list.addItem(name)
        self.list.setCurrentRow(len(self._profiles) - 1)
        self.name.setFocus()
        self.name.selectAll()
        self._update_buttons()

    def delete_profile(self) -> None:
        row = self.list.currentRow()
        if len(self._profiles) <= 1 or not 0 <= row < len(self._profiles):
            return
        del self._profiles[row]
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, len(self._profiles) - 1))
        self._update_buttons()

    # ---- internals ---------------------------------------------------------------------------------------------
    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._profiles):
            return
        p = self._profiles[row]
        self._loading = True
        try:
            self.name.setText(p.name)
            for combo, value in ((self.source, p.source.value), (self.mode, p.mode.value), (self.dpi, p.dpi),
                                 (self.page_size, p.page_size.value), (self.output, p.output.value)):
                index = combo.findData(value)
                if index < 0 and combo is self.dpi:  # a resolution saved by hand or by an older version
                    combo.addItem(self.tr("%1 dpi").replace("%1", str(value)), value)
                    index = combo.count() - 1
                combo.setCurrentIndex(max(0, index))
        finally:
            self._loading = False

    def _edited(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._profiles):
            return
        self._profiles[row] = ScanProfile(
            name=self.name.text(),
            source=SourceKind(self.source.currentData()),
            mode=ColorMode(self.mode.currentData()),
            dpi=int(self.dpi.currentData()),
            page_size=PageSize(self.page_size.currentData()),
            output=OutputMode(self.output.currentData()),
        )
        item = self.list.item(row)
        if item is not None:
            item.setText(self.name.text())
        self.message.setVisible(False)

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(len(self._profiles) > 1)

    def _accept(self) -> None:
        try:
            check_profiles(self.profiles())
        except DomainError as exc:
            from app.ui.messages import describe

            self.message.setText(describe(exc))
            self.message.setVisible(True)
            return
        self.accept()
