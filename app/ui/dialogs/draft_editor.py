"""The draft's details: the file (PDF or Word), type, summary, urgency, confidentiality, restriction stamp, signer,
recipients from the agency directory or the own units with their paper copies (seed Art 7), and appendices.

The dialog only collects and checks what was typed; the page saves it through the issuing service off the UI thread
(a Word file is converted by LibreOffice there), so a slow conversion never freezes the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import agency_code, document_types
from app.domain.drafts import Draft, DraftMeta, Recipient, RecipientKind, RecipientRelation
from app.domain.enums import Confidentiality, RestrictionStamp, Urgency
from app.domain.errors import DomainError, ValidationError
from app.services.issuing import AppendixInput
from app.ui.dialogs import error_label
from app.ui.i18n import translate
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv
from app.widgets.agency_picker import CODE_ROLE as PICKER_CODE_ROLE
from app.widgets.agency_picker import AgencyPicker

CONTEXT = "DraftEditor"
FILE_FILTER = str(QT_TRANSLATE_NOOP("DraftEditor", "Drafts (*.pdf *.docx *.odt *.doc *.rtf)"))
PDF_FILTER = str(QT_TRANSLATE_NOOP("DraftEditor", "PDF files (*.pdf)"))

CONFIDENTIALITY: dict[Confidentiality, str] = {
    Confidentiality.NONE: str(QT_TRANSLATE_NOOP("DraftEditor", "Not secret")),
    Confidentiality.SECRET: str(QT_TRANSLATE_NOOP("DraftEditor", "Secret (Mật)")),
    Confidentiality.TOP_SECRET: str(QT_TRANSLATE_NOOP("DraftEditor", "Top secret (Tối mật)")),
    Confidentiality.ABSOLUTE_SECRET: str(QT_TRANSLATE_NOOP("DraftEditor", "Absolute secret (Tuyệt mật)")),
}
RESTRICTIONS: dict[RestrictionStamp, str] = {
    RestrictionStamp.NONE: str(QT_TRANSLATE_NOOP("DraftEditor", "No restriction stamp")),
    RestrictionStamp.RETURN_AFTER_MEETING: "TRẢ LẠI SAU KHI HỌP",
    RestrictionStamp.RETURN_AFTER_READING: "XEM XONG TRẢ LẠI",
    RestrictionStamp.INTERNAL_CIRCULATION: "LƯU HÀNH NỘI BỘ",
    RestrictionStamp.RECALLED: "TÀI LIỆU THU HỒI",
}
RELATIONS: dict[RecipientRelation, str] = {
    RecipientRelation.ORDINARY: str(QT_TRANSLATE_NOOP("DraftEditor", "Ordinary")),
    RecipientRelation.SUPERIOR: str(QT_TRANSLATE_NOOP("DraftEditor", "Superior agency")),
    RecipientRelation.GOVERNMENT: str(QT_TRANSLATE_NOOP("DraftEditor", "Government / Prime Minister")),
    RecipientRelation.LEGAL_REVIEW: str(QT_TRANSLATE_NOOP("DraftEditor", "Legal review body")),
    RecipientRelation.OUTSIDE_SYSTEM: str(QT_TRANSLATE_NOOP("DraftEditor", "Outside the administrative system")),
}
RECIPIENT_HEADERS = (
    str(QT_TRANSLATE_NOOP("DraftEditor", "Recipient")),
    str(QT_TRANSLATE_NOOP("DraftEditor", "Relation")),
    str(QT_TRANSLATE_NOOP("DraftEditor", "No equipment")),
    str(QT_TRANSLATE_NOOP("DraftEditor", "Paper")),
    str(QT_TRANSLATE_NOOP("DraftEditor", "Copies")),
)


def tr(source: str) -> str:
    return translate(CONTEXT, source)


@dataclass(frozen=True)
class DraftForm:
    """What the editor collected; `file` is a path to read on the worker thread (None: keep the current file)."""

    meta: DraftMeta
    recipients: tuple[Recipient, ...]
    appendices: tuple[AppendixInput, ...]
    file: Path | None = None
    comment: str = ""
    appendix_files: dict[int, Path] = field(default_factory=dict)  # index in `appendices` → file to read


class DraftEditorDialog(QDialog):
    def __init__(self, env: PageEnv, draft: Draft | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self.draft = draft
        self.setObjectName("draftEditor")
        self.setWindowTitle(self.tr("New draft") if draft is None else self.tr("Edit draft"))
        self.setMinimumWidth(760)
        self.result_form: DraftForm | None = None
        self._recipients: list[Recipient] = []
        self._appendices: list[tuple[str, Path | None, str | None, str]] = []  # title, new file, stored sha, name

        self.file = QLineEdit(self)
        self.file.setObjectName("draftFile")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(
            self.tr("Choose the draft (PDF, or Word: converted to PDF)")
            if draft is None
            else self.tr("Keep the current file, or choose a revised one")
        )
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.comment = QLineEdit(self)
        self.comment.setObjectName("draftComment")
        self.comment.setPlaceholderText(self.tr("What changed in this version"))
        self.comment.setVisible(draft is not None)

        self.doc_type = QComboBox(self)
        self.doc_type.setObjectName("draftType")
        for t in document_types.all_types():
            if not t.is_copy_form:
                self.doc_type.addItem(t.name, t.name)
        self.normative = QCheckBox(self.tr("Legal normative document (VBQPPL)"), self)
        self.normative.setObjectName("draftNormative")
        self.summary = QLineEdit(self)
        self.summary.setObjectName("draftSummary")
        self.summary.setPlaceholderText(self.tr("Trích yếu, e.g. V/v triển khai chữ ký số"))
        self.urgency = QComboBox(self)
        self.urgency.setObjectName("draftUrgency")
        for u in Urgency:
            self.urgency.addItem(labels.urgency(u), u.value)
        self.confidentiality = QComboBox(self)
        self.confidentiality.setObjectName("draftConfidentiality")
        for c, text in CONFIDENTIALITY.items():
            self.confidentiality.addItem(tr(text), c.value)
        self.restriction = QComboBox(self)
        self.restriction.setObjectName("draftRestriction")
        for r, text in RESTRICTIONS.items():
            self.restriction.addItem(tr(text), r.value)
        self.signer = QComboBox(self)
        self.signer.setObjectName("draftSigner")
        self.signer.addItem(self.tr("(choose when submitting)"), None)
        for user in env.services.issuing.signers():
            self.signer.addItem(f"{user.full_name} — {user.position}".strip(" —"), user.id)
        self.paper_list = QCheckBox(self.tr("On the agency's list of documents also sent on paper"), self)
        self.paper_list.setObjectName("draftPaperList")

        form = QFormLayout()
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("File"), file_row)
        form.addRow("", self.comment)
        type_row = QHBoxLayout()
        type_row.addWidget(self.doc_type, 1)
        type_row.addWidget(self.normative)
        form.addRow(self.tr("Type"), type_row)
        form.addRow(self.tr("Summary"), self.summary)
        marks = QHBoxLayout()
        marks.addWidget(self.urgency)
        marks.addWidget(self.confidentiality)
        marks.addWidget(self.restriction)
        form.addRow(self.tr("Urgency, secrecy, stamp"), marks)
        form.addRow(self.tr("Signer"), self.signer)
        form.addRow("", self.paper_list)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._recipients_box())
        layout.addWidget(self._appendices_box())
        self.message = error_label(self)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if draft is not None:
            self._load(draft)

    # ---- recipients --------------------------------------------------------------------------------------------
    def _recipients_box(self) -> QGroupBox:
        """Outside agencies come from the agency directory through the AgencyPicker (search as you type, accents
        optional, codes validated); the table below is the one list of recipients, with the own units and the
        paper copies. An agency outside the directory (outside the administrative system) can still be named: it
        gets paper, not the axis."""
        box = QGroupBox(self.tr("Recipients (Nơi nhận)"), self)
        directory = self._env.services.directory
        self.agency_picker = AgencyPicker(directory, box, jobs=self._env.jobs)
        self.agency_picker.setObjectName("recipientAgencyPicker")
        self.agency_picker.chosen.hide()  # the recipients table shows what was chosen
        self.agency_picker.chosen_label.hide()
        self.agency_picker.changed.connect(self._picker_changed)
        self.agency = self.agency_picker.search
        self.agency.setObjectName("recipientAgency")
        self.agency.installEventFilter(self)  # Enter adds the agency; it must not also press Save
        self._names_for_codes: dict[str, str] = {}
        add_agency = QPushButton(self.tr("Add agency"), box)
        add_agency.setObjectName("addAgency")
        add_agency.setToolTip(self.tr("Adds the highlighted agency of the list, or the complete code typed."))
        add_agency.clicked.connect(self.add_agency)
        add_named = QPushButton(self.tr("Not in the directory…"), box)
        add_named.setObjectName("addNamedRecipient")
        add_named.setToolTip(self.tr("Adds the typed name as a recipient outside the directory: it gets the document "
                                     "on paper, not through the axis."))
        add_named.clicked.connect(self.add_named_recipient)
        self.unit = QComboBox(box)
        self.unit.setObjectName("recipientUnit")
        for u in directory.units():
            self.unit.addItem(u.name, u.id)
        add_unit = QPushButton(self.tr("Add unit"), box)
        add_unit.setObjectName("addUnit")
        add_unit.clicked.connect(self.add_unit)
        remove = QPushButton(self.tr("Remove"), box)
        remove.clicked.connect(self._remove_recipient)
        self.recipients = QTableWidget(0, len(RECIPIENT_HEADERS), box)
        self.recipients.setObjectName("recipientTable")
        self.recipients.setHorizontalHeaderLabels([tr(h) for h in RECIPIENT_HEADERS])
        self.recipients.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recipients.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recipients.verticalHeader().setVisible(False)
        header = self.recipients.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.recipients.setMinimumHeight(150)
        agencies = QVBoxLayout()
        agencies.addWidget(self.agency_picker)
        agency_buttons = QHBoxLayout()
        agency_buttons.addWidget(add_agency)
        agency_buttons.addWidget(add_named)
        agency_buttons.addStretch(1)
        agencies.addLayout(agency_buttons)
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit, 1)
        unit_row.addWidget(add_unit)
        unit_row.addWidget(remove)
        units = QVBoxLayout()
        units.addLayout(unit_row)
        units.addStretch(1)
        row1 = QHBoxLayout()
        row1.addLayout(agencies, 3)
        row1.addLayout(units, 2)
        v = QVBoxLayout(box)
        v.addLayout(row1)
        v.addWidget(self.recipients)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.agency and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_agency()
            return True
        return super().eventFilter(watched, event)

    def _relation_for(self, code: str | None) -> RecipientRelation:
        """An agency above ours in the code hierarchy is a superior (its paper copy matters for VBQPPL)."""
        own = self._env.services.session.own_agency()
        if code is None or own is None or not agency_code.is_valid(own.code):
            return RecipientRelation.ORDINARY
        parent = agency_code.parse(own.code).parent
        while parent is not None:
            if parent.text == code:
                return RecipientRelation.SUPERIOR
            parent = parent.parent
        return RecipientRelation.SUPERIOR if code == own.parent_code else RecipientRelation.ORDINARY

    def add_agency(self) -> None:
        """The highlighted match of the picker, else a complete valid code, else an issuer of the books spelled
        exactly so (with its code when it has a valid one); anything else is refused with what to do."""
        text = self.agency.text().strip()
        if not text:
            return
        picker = self.agency_picker
        item = picker.results.currentItem() or picker.results.item(0)
        if item is not None and not picker.results.isHidden():  # isHidden: the dialog itself may not be shown yet
            code = str(item.data(PICKER_CODE_ROLE))
        elif agency_code.is_valid(text.upper()):
            code = text.upper()
        else:
            found = self._env.services.directory.find(text)
            if found is None:
                self._show(ValidationError("issuing.recipient_not_in_directory", name=text))
                return
            if not found.code or not agency_code.is_valid(found.code):  # an issuer of the books known by name only
                self._add(Recipient(RecipientKind.AGENCY, found.name, relation=self._relation_for(None)))
                self.agency.clear()
                return
            code = found.code
            self._names_for_codes[code] = found.name
        if code in picker.codes():
            self._show(ValidationError("issuing.recipient_twice", name=self._agency_name(code)))
            return
        picker.add_code(code)  # → _picker_changed adds the row
        self.agency.clear()

    def add_named_recipient(self) -> None:
        """A recipient outside the directory and the administrative system: named only, sent on paper."""
        name = " ".join(self.agency.text().split())
        if not name:
            self._show(ValidationError("issuing.recipient_name_empty"))
            return
        self._add(Recipient(RecipientKind.AGENCY, name, relation=RecipientRelation.OUTSIDE_SYSTEM, paper=True,
                            paper_copies=1))
        self.agency.clear()

    def _agency_name(self, code: str) -> str:
        agency = self._env.services.directory.by_code(code)
        return self._names_for_codes.pop(code, None) or (agency.name if agency else code)

    def _picker_changed(self, codes: list[str]) -> None:
        """The picker chose an agency: it becomes a row of the table (which stays the one list)."""
        listed = {r.agency_code for r in self._recipients if r.kind is RecipientKind.AGENCY and r.agency_code}
        for code in codes:
            if code not in listed:
                self._add(Recipient(RecipientKind.AGENCY, self._agency_name(code), agency_code=code,
                                    relation=self._relation_for(code)))
        self._sync_picker()

    def _sync_picker(self) -> None:
        """The picker hides the agencies already in the table from its matches."""
        self.agency_picker.set_codes(
            r.agency_code for r in self._recipients if r.kind is RecipientKind.AGENCY and r.agency_code)

    def add_unit(self) -> None:
        if self.unit.currentIndex() < 0:
            return
        self._add(Recipient(RecipientKind.UNIT, self.unit.currentText(), unit_id=int(self.unit.currentData())))

    def _add(self, recipient: Recipient) -> None:
        if any(r.key == recipient.key for r in self._collect_recipients()):
            self._show(ValidationError("issuing.recipient_twice", name=recipient.name))
            return
        self.message.setVisible(False)
        self._recipients.append(recipient)
        self._add_row(recipient)

    def _add_row(self, r: Recipient) -> None:
        row = self.recipients.rowCount()
        self.recipients.insertRow(row)
        name = QTableWidgetItem(r.name)
        if r.agency_code:
            name.setToolTip(f"{r.name} ({r.agency_code})")
        self.recipients.setItem(row, 0, name)
        relation = QComboBox(self.recipients)
        for value, text in RELATIONS.items():
            relation.addItem(tr(text), value.value)
        relation.setCurrentIndex(max(0, relation.findData(r.relation.value)))
        relation.setEnabled(r.kind is RecipientKind.AGENCY)
        self.recipients.setCellWidget(row, 1, relation)
        for column, checked in ((2, r.no_equipment), (3, r.paper)):
            check = QCheckBox(self.recipients)
            check.setChecked(checked)
            self.recipients.setCellWidget(row, column, check)
        copies = QSpinBox(self.recipients)
        copies.setRange(0, 99)
        copies.setValue(r.paper_copies)
        self.recipients.setCellWidget(row, 4, copies)

    def _remove_recipient(self) -> None:
        rows = sorted({i.row() for i in self.recipients.selectedIndexes()}, reverse=True)
        for row in rows:
            self.recipients.removeRow(row)
            del self._recipients[row]
        self._sync_picker()

    def _collect_recipients(self) -> list[Recipient]:
        out = []
        for row, base in enumerate(self._recipients):
            relation = self.recipients.cellWidget(row, 1)
            no_equipment = self.recipients.cellWidget(row, 2)
            paper = self.recipients.cellWidget(row, 3)
            copies = self.recipients.cellWidget(row, 4)
            assert isinstance(relation, QComboBox) and isinstance(copies, QSpinBox)
            assert isinstance(no_equipment, QCheckBox) and isinstance(paper, QCheckBox)
            made = Recipient(
                base.kind,
                base.name,
                base.agency_code,
                base.unit_id,
                base.user_id,
                RecipientRelation(relation.currentData()) if base.kind is RecipientKind.AGENCY else base.relation,
                no_equipment.isChecked(),
                paper.isChecked(),
                copies.value(),
            )
            out.append(made)
        return out

    # ---- appendices --------------------------------------------------------------------------------------------
    def _appendices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Appendices"), self)
        self.appendix_title = QLineEdit(box)
        self.appendix_title.setObjectName("appendixTitle")
        self.appendix_title.setPlaceholderText(self.tr("Title, e.g. Phụ lục I: Danh sách đơn vị"))
        add_inside = QPushButton(self.tr("In the main file"), box)
        add_inside.setObjectName("addAppendixInside")
        add_inside.clicked.connect(lambda: self.add_appendix(None))
        add_file = QPushButton(self.tr("Separate PDF…"), box)
        add_file.clicked.connect(self._browse_appendix)
        remove = QPushButton(self.tr("Remove"), box)
        remove.clicked.connect(self._remove_appendix)
        self.appendix_list = QListWidget(box)
        self.appendix_list.setObjectName("appendixList")
        self.appendix_list.setMaximumHeight(80)
        row = QHBoxLayout()
        row.addWidget(self.appendix_title, 1)
        row.addWidget(add_inside)
        row.addWidget(add_file)
        row.addWidget(remove)
        v = QVBoxLayout(box)
        v.addLayout(row)
        v.addWidget(self.appendix_list)
        return box

    def _browse_appendix(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Appendix"), "", tr(PDF_FILTER))
        if path:
            self.add_appendix(Path(path))

    def add_appendix(self, path: Path | None, title: str | None = None) -> None:
        text = (title if title is not None else self.appendix_title.text()).strip()
        if not text:
            self._show(ValidationError("issuing.appendix_title_empty"))
            return
        self.message.setVisible(False)
        self._appendices.append((text, path, None, path.name if path else ""))
        self._list_appendix(text, path.name if path else "")
        self.appendix_title.clear()

    def _list_appendix(self, title: str, file_name: str) -> None:
        where = file_name or self.tr("in the main file")
        self.appendix_list.addItem(f"{title} ({where})")

    def _remove_appendix(self) -> None:
        row = self.appendix_list.currentRow()
        if row >= 0:
            self.appendix_list.takeItem(row)
            del self._appendices[row]

    # ---- the rest ----------------------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Draft file"), "", tr(FILE_FILTER))
        if path:
            self.file.setText(path)

    def set_file(self, path: Path) -> None:
        self.file.setText(str(path))

    def _load(self, draft: Draft) -> None:
        m = draft.meta
        self.doc_type.setCurrentIndex(max(0, self.doc_type.findData(m.doc_type)))
        self.normative.setChecked(m.normative)
        self.summary.setText(m.summary)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(m.urgency.value)))
        self.confidentiality.setCurrentIndex(max(0, self.confidentiality.findData(m.confidentiality.value)))
        self.restriction.setCurrentIndex(max(0, self.restriction.findData(m.restriction.value)))
        self.signer.setCurrentIndex(max(0, self.signer.findData(m.signer_user_id)))
        self.paper_list.setChecked(m.paper_copies_needed)
        for r in draft.recipients:
            self._recipients.append(r)
            self._add_row(r)
        self._sync_picker()
        for a in draft.appendices:
            self._appendices.append((a.title, None, a.sha256, a.file_name))
            self._list_appendix(a.title, a.file_name)

    def form(self) -> DraftForm:
        """The values as typed, checked by the domain rules (raises ValidationError with a code)."""
        signer = self.signer.currentData()
        meta = DraftMeta(
            str(self.doc_type.currentData()),
            self.summary.text(),
            Urgency(self.urgency.currentData()),
            Confidentiality(self.confidentiality.currentData()),
            RestrictionStamp(self.restriction.currentData()),
            self.normative.isChecked(),
            self.paper_list.isChecked(),
            int(signer) if signer is not None else None,
        ).validated()
        file = Path(self.file.text()) if self.file.text().strip() else None
        if file is None and self.draft is None:
            raise ValidationError("issuing.file_required")
        appendices = []
        files: dict[int, Path] = {}
        for i, (title, path, sha, name) in enumerate(self._appendices):
            appendices.append(AppendixInput(title, None, name, sha))
            if path is not None:
                files[i] = path
        return DraftForm(
            meta, tuple(self._collect_recipients()), tuple(appendices), file, self.comment.text().strip(), files
        )

    def _show(self, error: DomainError) -> None:
        self.message.setText(describe(error))
        self.message.setVisible(True)

    def _accept(self) -> None:
        try:
            self.result_form = self.form()
        except DomainError as exc:
            self._show(exc)
            return
        self.accept()


def read_form_files(form: DraftForm) -> tuple[bytes | None, str, list[AppendixInput]]:
    """Read the chosen files on the worker thread: (draft bytes or None, its name, appendices with their bytes)."""
    content = form.file.read_bytes() if form.file is not None else None
    name = form.file.name if form.file is not None else ""
    appendices: list[AppendixInput] = []
    for i, a in enumerate(form.appendices):
        path = form.appendix_files.get(i)
        appendices.append(AppendixInput(a.title, path.read_bytes(), path.name, None) if path else a)
    return content, name, appendices


def recipient_names(recipients: Sequence[Recipient]) -> str:
    return "; ".join(r.name for r in recipients)
