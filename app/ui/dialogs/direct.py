"""The leader's direction (ý kiến chỉ đạo) on one or several documents of the inbox: the text (with a few phrases
leaders write every day), the lead unit or person, the coordinators, and the deadline picked as a date or as N
working days — the resulting date is shown at once from the agency's working calendar, per document, because
documents registered on different days get different deadlines. "For information" files them without a deadline.

The service decides; this dialog only gathers the choices, warns early about what the service would refuse (a day
off, a date already past), and saves off the UI thread. A document changed by someone else meanwhile closes the
dialog and tells the page, which offers a refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import WorkingCalendar
from app.domain.enums import Role
from app.domain.errors import ConflictError, DomainError
from app.domain.model import Actor, Unit, User
from app.domain.workflow import Assignment, InboxItem, Party
from app.ui.dialogs import error_label
from app.ui.i18n import translate
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages import labels
from app.ui.pages.common import PageEnv

CONTEXT = "DirectDialog"
DEFAULT_WORKING_DAYS = 5
MAX_WORKING_DAYS = 250
WARN_COLOR = "#b00020"
PARTY_ROLE = Qt.ItemDataRole.UserRole + 5

# What leaders write most; Vietnamese in both UI languages because the direction is part of the official record.
COMMON_PHRASES: tuple[str, ...] = (
    "Giao chủ trì, tham mưu văn bản trả lời.",
    "Đề nghị nghiên cứu, đề xuất phương án xử lý.",
    "Chủ trì, phối hợp các đơn vị liên quan triển khai thực hiện.",
    "Tham mưu thực hiện theo quy định.",
    "Tổng hợp, báo cáo kết quả trước hạn.",
    "Dự thảo văn bản trình ký.",
    "Theo dõi, đôn đốc thực hiện.",
    "Để biết.",
)
INFORMATION_TEXT = "Để biết."

WEEKDAYS = (
    str(QT_TRANSLATE_NOOP("DirectDialog", "Monday")),
    str(QT_TRANSLATE_NOOP("DirectDialog", "Tuesday")),
    str(QT_TRANSLATE_NOOP("DirectDialog", "Wednesday")),
    str(QT_TRANSLATE_NOOP("DirectDialog", "Thursday")),
    str(QT_TRANSLATE_NOOP("DirectDialog", "Friday")),
    str(QT_TRANSLATE_NOOP("DirectDialog", "Saturday")),
    str(QT_TRANSLATE_NOOP("DirectDialog", "Sunday")),
)


def tr(source: str, n: int = -1) -> str:
    return translate(CONTEXT, source, n)


def day_with_weekday(day: date) -> str:
    """"Wednesday 02/12/2026" / "Thứ Tư 02/12/2026": a deadline is easier to check with its weekday."""
    return f"{tr(WEEKDAYS[day.weekday()])} {labels.day(day)}"


def party_key(party: Party) -> str:
    return f"unit:{party.unit_id}" if party.unit_id is not None else f"user:{party.user_id}"


def party_of(key: str) -> Party:
    kind, _, number = key.partition(":")
    return Party.unit(int(number)) if kind == "unit" else Party.user(int(number))


def assignable_people(users: Sequence[User], actor_id: int | None) -> list[User]:
    """Active people who handle documents: not the leader giving the direction, not accounts that only administer."""
    return [
        u for u in users
        if u.is_active and u.id != actor_id and u.roles - {Role.ADMIN}
    ]


class DirectDialog(QDialog):
    directed = Signal(object)  # list[Assignment]
    conflict = Signal(str)  # a document was changed or directed by someone else meanwhile

    def __init__(
        self,
        env: PageEnv,
        items: Sequence[InboxItem],
        parent: QWidget | None = None,
        *,
        for_information: bool = False,
    ) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.items = list(items)
        self.job: Job | None = None
        self.result_assignments: list[Assignment] = []
        self.setObjectName("directDialog")
        self.setWindowTitle(self.tr("Direct %n document(s)", "", len(self.items)))
        self.setMinimumWidth(640)
        services = env.services
        self.calendar: WorkingCalendar = services.workflow.calendar()
        self.today: date = self.calendar.local(services.ctx.clock()).date()
        units = services.session.units()
        people = assignable_people(services.session.users(), env.user.id)
        self.names: dict[str, str] = {}

        about = QLabel(self._about_text(), self)
        about.setObjectName("directDocuments")
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)

        self.direction = QPlainTextEdit(self)
        self.direction.setObjectName("directionText")
        self.direction.setTabChangesFocus(True)
        self.direction.setPlaceholderText(self.tr("The leader's direction (ý kiến chỉ đạo)…"))
        self.direction.setMinimumHeight(80)
        self.phrases = QComboBox(self)
        self.phrases.setObjectName("directionPhrases")
        self.phrases.addItem(self.tr("Insert a common phrase…"), None)
        for phrase in COMMON_PHRASES:
            self.phrases.addItem(phrase, phrase)
        self.phrases.activated.connect(self._on_phrase)

        self.lead = QComboBox(self)
        self.lead.setObjectName("leadParty")
        self.lead.setMaxVisibleItems(20)
        self.lead.addItem(self.tr("— choose the lead unit or person —"), None)
        self._add_parties(units, people)
        self.lead.currentIndexChanged.connect(self._on_lead_changed)

        self.coordinators = QListWidget(self)
        self.coordinators.setObjectName("coordinators")
        self.coordinators.setMaximumHeight(140)
        for key, name in self.names.items():
            item = QListWidgetItem(name, self.coordinators)
            item.setData(PARTY_ROLE, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

        self.by_days = QRadioButton(self.tr("In working days:"), self)
        self.by_days.setObjectName("deadlineByDays")
        self.days = QSpinBox(self)
        self.days.setObjectName("deadlineDays")
        self.days.setRange(1, MAX_WORKING_DAYS)
        self.days.setValue(DEFAULT_WORKING_DAYS)
        self.by_date = QRadioButton(self.tr("On a date:"), self)
        self.by_date.setObjectName("deadlineByDate")
        self.date = QDateEdit(self)
        self.date.setObjectName("deadlineDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setMinimumDate(QDate(self.today.year, self.today.month, self.today.day))
        default_day = self.calendar.add_working_days(self.today, DEFAULT_WORKING_DAYS)
        self.date.setDate(QDate(default_day.year, default_day.month, default_day.day))
        group = QButtonGroup(self)
        group.addButton(self.by_days)
        group.addButton(self.by_date)
        self.by_days.setChecked(True)
        self.computed = QLabel(self)
        self.computed.setObjectName("deadlineComputed")
        self.computed.setWordWrap(True)
        self.by_days.toggled.connect(self._update_deadline)
        self.days.valueChanged.connect(self._update_deadline)
        self.date.dateChanged.connect(self._update_deadline)

        self.information = QCheckBox(self.tr("For information only (no lead, no deadline)"), self)
        self.information.setObjectName("forInformation")
        self.information.toggled.connect(self._on_information)

        self.message = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Direct"))
        self.ok_button.setObjectName("directSubmit")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)

        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.by_days)
        deadline_row.addWidget(self.days)
        deadline_row.addSpacing(16)
        deadline_row.addWidget(self.by_date)
        deadline_row.addWidget(self.date)
        deadline_row.addStretch(1)
        deadline_box = QVBoxLayout()
        deadline_box.addLayout(deadline_row)
        deadline_box.addWidget(self.computed)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        direction_box = QVBoxLayout()
        direction_box.addWidget(self.direction)
        direction_box.addWidget(self.phrases)
        form.addRow(self._label(self.tr("&Direction:"), self.direction), direction_box)
        form.addRow(self._label(self.tr("&Lead:"), self.lead), self.lead)
        form.addRow(self._label(self.tr("&Coordinators:"), self.coordinators), self.coordinators)
        form.addRow(self.tr("Deadline:"), deadline_box)
        form.addRow("", self.information)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.information.setChecked(for_information)
        self._on_information(for_information)
        if for_information and not self.direction.toPlainText():
            self.direction.setPlainText(INFORMATION_TEXT)
        self._update_deadline()
        self.direction.setFocus()

    # ---- building ----------------------------------------------------------------------------------------------
    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _about_text(self) -> str:
        shown = [f"{i.number_notation} — {i.summary}".strip(" —") for i in self.items[:4]]
        if len(self.items) > 4:
            shown.append(self.tr("… and %n more", "", len(self.items) - 4))
        return "\n".join(shown)

    def _add_parties(self, units: Sequence[Unit], people: Sequence[User]) -> None:
        unit_names = {u.id: u.abbreviation or u.name for u in units}
        for unit in sorted(units, key=lambda u: u.name):
            key = party_key(Party.unit(unit.id))
            self.names[key] = unit.name
            self.lead.addItem(unit.name, key)
        if units and people:
            self.lead.insertSeparator(self.lead.count())
        for user in sorted(people, key=lambda u: [*u.full_name.split()[-1:], u.full_name]):
            key = party_key(Party.user(user.id))
            where = ", ".join(x for x in (user.position, unit_names.get(user.unit_id or -1, "")) if x)
            name = f"{user.full_name} ({where})" if where else user.full_name
            self.names[key] = name
            self.lead.addItem(name, key)

    # ---- choices -----------------------------------------------------------------------------------------------
    def _on_phrase(self, index: int) -> None:
        phrase = self.phrases.itemData(index)
        if phrase:
            cursor = self.direction.textCursor()
            before = self.direction.toPlainText()[: cursor.position()]
            spacer = " " if before and not before.endswith((" ", "\n")) else ""
            cursor.insertText(spacer + str(phrase))
            self.direction.setTextCursor(cursor)
            self.direction.setFocus()
        self.phrases.setCurrentIndex(0)

    def insert_phrase(self, phrase: str) -> None:
        self._on_phrase(self.phrases.findData(phrase))

    def set_lead(self, party: Party | None) -> None:
        index = self.lead.findData(party_key(party)) if party is not None else 0
        self.lead.setCurrentIndex(max(index, 0))

    def lead_party(self) -> Party | None:
        key = self.lead.currentData()
        return party_of(str(key)) if key else None

    def set_coordinators(self, parties: Sequence[Party]) -> None:
        wanted = {party_key(p) for p in parties}
        for i in range(self.coordinators.count()):
            item = self.coordinators.item(i)
            checked = item.data(PARTY_ROLE) in wanted and not item.isHidden()
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def coordinator_parties(self) -> list[Party]:
        found = []
        for i in range(self.coordinators.count()):
            item = self.coordinators.item(i)
            if item.checkState() == Qt.CheckState.Checked and not item.isHidden():
                found.append(party_of(str(item.data(PARTY_ROLE))))
        return found

    def _on_lead_changed(self) -> None:
        """The lead cannot coordinate too (the service refuses a party named twice): hide it from the list."""
        key = self.lead.currentData()
        for i in range(self.coordinators.count()):
            item = self.coordinators.item(i)
            same = item.data(PARTY_ROLE) == key
            if same:
                item.setCheckState(Qt.CheckState.Unchecked)
            item.setHidden(same)

    def set_working_days(self, days: int) -> None:
        self.by_days.setChecked(True)
        self.days.setValue(days)

    def set_deadline(self, day: date) -> None:
        self.by_date.setChecked(True)
        self.date.setDate(QDate(day.year, day.month, day.day))

    def chosen_date(self) -> date:
        picked = self.date.date()
        return date(picked.year(), picked.month(), picked.day())

    def _on_information(self, on: bool) -> None:
        for widget in (self.by_days, self.days, self.by_date, self.date):
            widget.setEnabled(not on)
        nobody = self.tr("— nobody (optional) —") if on else self.tr("— choose the lead unit or person —")
        self.lead.setItemText(0, nobody)
        self.ok_button.setText(self.tr("File for information") if on else self.tr("Direct"))
        self._update_deadline()

    # ---- the deadline, live ------------------------------------------------------------------------------------
    def deadlines(self) -> list[date]:
        """The deadline each selected document would get (the service computes the same from the same calendar)."""
        if self.by_days.isChecked():
            return [self.calendar.deadline_from(i.received_at, self.days.value()) for i in self.items]
        return [self.chosen_date()] * len(self.items)

    def _update_deadline(self) -> None:
        if self.information.isChecked():
            self.computed.setStyleSheet("")
            self.computed.setText(self.tr("No deadline: the documents are filed for information."))
            return
        days = sorted(set(self.deadlines()))
        warning = ""
        if self.by_date.isChecked():
            chosen = days[0]
            if chosen < self.today:
                warning = self.tr("This date has passed. Pick today or a later working day.")
            elif not self.calendar.is_working_day(chosen):
                warning = self.tr("%1 is not a working day. The next working day is %2.").replace(
                    "%1", labels.day(chosen)).replace("%2", day_with_weekday(self.calendar.next_working_day(chosen)))
        elif days and days[0] < self.today:
            warning = self.tr("Counted from registration, this deadline has already passed. Give more days or pick "
                              "a date.")
        if warning:
            self.computed.setStyleSheet(f"color: {WARN_COLOR};")
            self.computed.setText(warning)
            return
        self.computed.setStyleSheet("")
        if len(days) == 1:
            text = self.tr("Deadline: %1").replace("%1", day_with_weekday(days[0]))
        else:
            text = self.tr("Deadlines from %1 to %2 (counted from each document's registration)").replace(
                "%1", day_with_weekday(days[0])).replace("%2", day_with_weekday(days[-1]))
        self.computed.setText(text)

    # ---- saving ------------------------------------------------------------------------------------------------
    def submit(self) -> None:
        """Direct all the documents at once (all or none) off the UI thread; the dialog waits for the answer."""
        if self.job is not None:
            return
        workflow = self._env.services.workflow
        actor = self._actor
        ids = [i.document_id for i in self.items]
        versions = {i.document_id: i.version for i in self.items}
        text = self.direction.toPlainText()
        lead = self.lead_party()
        coordinators = self.coordinator_parties()
        info = self.information.isChecked()
        working_days = self.days.value() if not info and self.by_days.isChecked() else None
        deadline = self.chosen_date() if not info and self.by_date.isChecked() else None

        def work(_ctx: JobContext) -> list[Assignment]:
            return workflow.direct(
                actor,
                ids,
                text,
                lead_unit_id=lead.unit_id if lead else None,
                lead_user_id=lead.user_id if lead else None,
                coordinators=coordinators,
                deadline=deadline,
                working_days=working_days,
                for_information=info,
                expected_versions=versions,
            )

        self.message.setVisible(False)
        self.buttons.setEnabled(False)
        job = self._env.jobs.run("workflow-direct", work)
        job.succeeded.connect(self._on_done)
        job.failed.connect(lambda message, j=job: self._on_failed(j, message))
        job.finished.connect(self._on_finished)
        self.job = job

    def _on_done(self, made: object) -> None:
        self.result_assignments = list(made) if isinstance(made, list) else []
        self.directed.emit(self.result_assignments)
        self.accept()

    def _on_failed(self, job: Job, message: str) -> None:
        if isinstance(job.error, ConflictError):
            self.conflict.emit(message)
            self.reject()
            return
        self.show_error(message)

    def show_error(self, message: str | DomainError) -> None:
        self.message.setText(describe(message) if isinstance(message, DomainError) else message)
        self.message.setVisible(True)

    def _on_finished(self) -> None:
        self.job = None
        self.buttons.setEnabled(True)
