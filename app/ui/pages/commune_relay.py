"""A district office's relay for the communes it serves by USB (app/services/exchange/relay.py).

- `CommuneRelayRow` (Exchange page, clerk): how many messages are held per commune, "Collect for communes" (the
  sync round does it too), "Export for a commune…" (choose the commune, the drive, the token's PIN) and "Write a
  commune's package again…" (its last package was lost). They run in the app's job runner, off the UI thread, like
  the other USB actions. Hidden while the office serves no commune.
- `ServedCommunesBox` (Administration page): the list of served communes, add one (its code from the directory and
  its system id on the axis) or remove one. The commune's axis secret is not typed here: like the office's own it is
  set in the environment (VANTHU_AXIS_SECRET_<code>), and the list says whether this computer has it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.model import Actor
from app.services.bundle import make_relay
from app.settings import commune_secret_variable
from app.ui.jobs import Job, JobContext
from app.ui.messages import describe
from app.ui.pages.common import PageEnv, fill_table, make_table, pin_to_ask_again

if TYPE_CHECKING:
    from app.services.exchange.relay import CollectResult, ServedCommune
    from app.services.exchange.usb import ExportResult

BAD_COLOR = "#b00020"


class CommuneRelayRow(QWidget):
    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.setObjectName("communeRelay")
        self.relay = make_relay(env.services, env.settings)
        self.communes: list[ServedCommune] = []
        self.job: Job | None = None

        self.summary = QLabel(self)
        self.summary.setObjectName("heldForCommunes")
        self.summary.setWordWrap(True)
        self.collect_button = QPushButton(self.tr("Collect for communes"), self)
        self.collect_button.setObjectName("collectForCommunes")
        self.collect_button.setToolTip(self.tr("Fetch from the axis, with each commune's credentials, what is "
                                               "addressed to the communes this office serves, and hold it for USB."))
        self.collect_button.clicked.connect(lambda: self.collect())
        self.export_button = QPushButton(self.tr("Export for a commune…"), self)
        self.export_button.setObjectName("exportForCommune")
        self.export_button.clicked.connect(lambda: self.export_for_commune())
        self.again_button = QPushButton(self.tr("Write a commune's package again…"), self)
        self.again_button.setObjectName("exportAgainForCommune")
        self.again_button.setToolTip(self.tr(
            "For a USB package that was lost or did not reach the commune: the messages of the last package written "
            "for it go into a new package. The commune takes each message once, even if the first package turns up "
            "later."))
        self.again_button.clicked.connect(lambda: self.export_again_for_commune())
        self.result = QLabel(self)
        self.result.setObjectName("communeRelayResult")
        self.result.setWordWrap(True)
        self.result.setVisible(False)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.summary, 1)
        row.addWidget(self.collect_button)
        row.addWidget(self.export_button)
        row.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.communes = self.relay.communes()
        except DomainError as exc:
            self._say(describe(exc), bad=True)
            return
        self.setVisible(bool(self.communes))
        parts = [f"{c.name or c.code} ({c.code}): {c.held}" for c in self.communes]
        self.summary.setText(self.tr("Held for communes: %1").replace("%1", " · ".join(parts)))
        idle = self.job is None or not self.job.running
        self.collect_button.setEnabled(idle and bool(self._env.settings.axis_url))
        if not self._env.settings.axis_url:
            self.collect_button.setToolTip(self.tr("No axis is configured on this computer (VANTHU_AXIS_URL)."))
        self.export_button.setEnabled(idle and any(c.held for c in self.communes))
        self.again_button.setEnabled(idle and any(c.last_package for c in self.communes))

    def _say(self, text: str, *, bad: bool = False) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {BAD_COLOR};" if bad else "")
        self.result.setVisible(True)

    def collect(self) -> Job:
        relay, actor = self.relay, self._actor

        def work(_ctx: JobContext) -> CollectResult:
            return relay.collect(actor)

        def done(r: CollectResult) -> str:
            text = self.tr("%n message(s) collected for communes.", "", r.total)
            for code, error in r.errors:
                text += f"\n{code}: {describe(error)}"
            return text

        return self._run("exchange.commune_collect", work, done)

    def export_again_for_commune(self, commune: str | None = None, folder: str | None = None) -> Job | None:
        """The messages of the last package written for a commune, into a new package (the first one was lost)."""
        packages = {c.code: c.last_package for c in self.communes if c.last_package}
        if commune is None:
            commune = self._pick_commune(self.tr("Write a commune's package again"),
                                         self.tr("Commune whose last package did not arrive:"),
                                         {c.code: c.last_package for c in self.communes if c.last_package})
        if commune not in packages:
            return None
        return self.export_for_commune(commune, folder, again=packages[commune])

    def _pick_commune(self, title: str, label: str, notes: dict[str, str]) -> str | None:
        """Ask which commune, among those in `notes` (code → what to say beside its name); None if cancelled."""
        names = {c.code: c.name or c.code for c in self.communes}
        choices = {f"{names.get(code, code)} ({code}) — {note}": code for code, note in notes.items()}
        if not choices:
            return None
        picked, ok = QInputDialog.getItem(self, title, label, list(choices), 0, False)
        return choices[picked] if ok and picked in choices else None

    def export_for_commune(self, commune: str | None = None, folder: str | None = None,
                           error: DomainError | None = None, *, again: str | None = None) -> Job | None:
        """The held messages of one commune (or, `again`, the messages of that earlier package for it) into a signed
        package addressed to it (the agency's token signs)."""
        from app.ui.dialogs.pin import PinDialog

        if commune is None:
            commune = self._pick_commune(self.tr("Export for a commune"),
                                         self.tr("Commune to carry the held messages to:"),
                                         {c.code: self.tr("%n held", "", c.held) for c in self.communes if c.held})
            if commune is None:
                return None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB drive or folder to write to"))
        if not folder:
            return None
        signing = self._env.services.signing
        purpose = self.tr("Sign the USB package for commune %1 with the agency's certificate.").replace("%1", commune)
        try:
            pin = PinDialog.ask_organisation(self, signing, self._actor, purpose, error=error)
        except DomainError as exc:
            self._say(describe(exc), bad=True)
            return None
        if pin is None:
            return None
        relay, actor, target, code = self.relay, self._actor, Path(folder), commune

        def work(_ctx: JobContext) -> ExportResult:
            from app.services.exchange.usb import TokenXmlSigner

            signer = TokenXmlSigner.open(signing, pin)
            if again is not None:
                return relay.export_again(actor, code, again, target, signer)
            return relay.export(actor, code, target, signer)

        def done(result: ExportResult) -> str:
            return self.tr("%n message(s) for %2 written to %1. Take the drive to the commune.", "",
                           result.messages).replace("%1", str(result.folder)).replace("%2", code)

        return self._run("exchange.usb_export_commune", work, done,
                         retry=lambda e: self.export_for_commune(code, folder, e, again=again))

    def _run(self, name: str, work: Callable[[JobContext], Any], done: Callable[[Any], str],
             retry: Callable[[DomainError], object] | None = None) -> Job:
        for button in (self.collect_button, self.export_button, self.again_button):
            button.setEnabled(False)
        self.result.setVisible(False)
        job = self._env.jobs.run(name, work)
        self.job = job

        def succeeded(result: object) -> None:
            self._say(done(result))

        def failed(text: str) -> None:
            error = pin_to_ask_again(job.error)
            if retry is not None and error is not None:
                retry(error)
                return
            self._say(text, bad=True)

        job.succeeded.connect(succeeded)
        job.failed.connect(failed)
        job.finished.connect(self.refresh)
        return job


class AddCommuneDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Serve a commune"))
        self.code = QLineEdit(self)
        self.code.setObjectName("communeCode")
        self.code.setPlaceholderText("000.01.31.H27")
        self.system_id = QLineEdit(self)
        self.system_id.setObjectName("communeSystemId")
        self.system_id.setPlaceholderText(self.tr("the commune's code"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.code.textChanged.connect(self._update_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Agency code (from the directory)"), self.code)
        form.addRow(self.tr("System id on the axis"), self.system_id)
        form.addRow(self.hint)
        form.addRow(buttons)
        self._update_hint()

    def _update_hint(self) -> None:
        code = self.code.text().strip() or "<code>"
        self.hint.setText(self.tr("The commune's axis secret is kept like this office's own: set it on the syncing "
                                  "computer as the environment variable %1, then restart.")
                          .replace("%1", commune_secret_variable(code)))


class ServedCommunesBox(QGroupBox):
    """The administrator's list of communes this office serves by USB."""

    def __init__(self, env: PageEnv, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Communes served by USB"), parent)
        self.setObjectName("servedCommunes")
        self._env = env
        self._actor = Actor.of(env.user)
        self.relay = make_relay(env.services, env.settings)
        self.communes: list[ServedCommune] = []
        self.table: QTableWidget = make_table(
            self, [self.tr("Code"), self.tr("Name"), self.tr("System id"), self.tr("Secret on this computer"),
                   self.tr("Held")], stretch_column=1)
        self.table.setObjectName("servedCommunesTable")
        self.add_button = QPushButton(self.tr("Add a commune…"), self)
        self.add_button.setObjectName("addCommune")
        self.add_button.clicked.connect(lambda: self.add_commune())
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeCommune")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel(self)
        self.message.setObjectName("servedCommunesError")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {BAD_COLOR};")
        self.message.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.communes = self.relay.communes()
        except DomainError as exc:
            self._error(exc)
            return
        yes, no = self.tr("set"), self.tr("missing: %1")
        fill_table(self.table, [(None, [c.code, c.name, c.system_id or c.code,
                                        yes if c.has_secret else no.replace("%1", commune_secret_variable(c.code)),
                                        str(c.held)]) for c in self.communes])

    def _error(self, exc: DomainError) -> None:
        self.message.setText(describe(exc))
        self.message.setVisible(True)

    def add_commune(self, code: str | None = None, system_id: str = "") -> bool:
        if code is None:
            dialog = AddCommuneDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            code, system_id = dialog.code.text(), dialog.system_id.text()
        try:
            self.relay.add(self._actor, code, system_id)
        except DomainError as exc:
            self._error(exc)
            return False
        self.message.setVisible(False)
        self.refresh()
        return True

    def remove_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.communes):
            return False
        try:
            self.relay.remove(self._actor, self.communes[rows[0].row()].code)
        except DomainError as exc:
            self._error(exc)
            return False
        self.message.setVisible(False)
        self.refresh()
        return True
