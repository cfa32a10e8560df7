"""Urgent arrivals reach the leader at once (seed Art 8.3; issue 7 item 2; design §8 "desktop notification").

`UrgentWatcher` polls the signed-in leader's (or acting deputy's) inbox off the UI thread every ~30 s; when a Khẩn /
Thượng khẩn / Hỏa tốc document appears that it has not announced yet, it shows a desktop notification through the
system tray when there is one, otherwise a banner inside the window, and plays a sound if the user wants it. The first
poll after sign-in announces the urgent documents already waiting. It also reports the inbox size so the window can
show it (a badge on the navigation, a refreshed inbox page).

The main window starts it: `UrgentWatcher(env, window).start()`; connect `inbox_requested` to showing the inbox page.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Role
from app.domain.model import Actor
from app.domain.workflow import InboxItem
from app.settings import Settings
from app.ui.i18n import translate
from app.ui.jobs import Job, JobContext
from app.ui.pages import labels
from app.ui.pages.common import PageEnv

log = logging.getLogger("vanthu.notifications")

CONTEXT = "Notifications"
POLL_INTERVAL_MS = 30_000
POLL_LIMIT = 50  # urgent documents come first in the inbox: the first page holds every new one that matters
SHOWN_IN_MESSAGE = 3
MESSAGE_MS = 15_000
BANNER_STYLE = (
    "#urgentBanner { background: #fdecea; border: 1px solid #e0a8a8; border-radius: 4px; }"
    " #urgentBanner QLabel { color: #8a0016; }"
)


def tr(source: str, n: int = -1) -> str:
    return translate(CONTEXT, source, n)


class NotificationSettings:
    """The user's notification choices (sound on or off), kept in the data folder beside the data they are about."""

    def __init__(self, settings: Settings, username: str = "") -> None:
        self._store = QSettings(str(settings.data_dir / "ui.ini"), QSettings.Format.IniFormat)
        self._prefix = f"notifications/{username or 'default'}/"

    @property
    def sound(self) -> bool:
        return bool(self._store.value(self._prefix + "sound", True, type=bool))

    @sound.setter
    def sound(self, on: bool) -> None:
        self._store.setValue(self._prefix + "sound", bool(on))
        self._store.sync()


def describe_urgent(items: Sequence[InboxItem]) -> tuple[str, str]:
    """(title, text) of the notification: how many, and the first few as "[Hỏa tốc] 12/UBND-VP — summary"."""
    title = tr("%n urgent document(s) await your direction", len(items))
    lines = []
    for item in items[:SHOWN_IN_MESSAGE]:
        about = " — ".join(x for x in (item.number_notation, " ".join(item.summary.split())) if x)
        lines.append(f"[{labels.urgency(item.urgency)}] {about}")
    if len(items) > SHOWN_IN_MESSAGE:
        lines.append(tr("… and %n more", len(items) - SHOWN_IN_MESSAGE))
    return title, "\n".join(lines)


class UrgentBanner(QFrame):
    """The in-window notice used when the desktop has no tray: over the top of the window until dismissed."""

    open_clicked = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("urgentBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("urgentBannerTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setObjectName("urgentBannerText")
        self.text.setWordWrap(True)
        self.open_button = QPushButton(tr("Open the inbox"), self)
        self.open_button.setObjectName("urgentBannerOpen")
        self.open_button.clicked.connect(self._on_open)
        self.dismiss_button = QPushButton(tr("Dismiss"), self)
        self.dismiss_button.setObjectName("urgentBannerDismiss")
        self.dismiss_button.clicked.connect(self.hide)
        texts = QHBoxLayout()
        column = QWidget(self)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        texts.addWidget(column, 1)
        texts.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        texts.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setLayout(texts)
        self.hide()
        parent.installEventFilter(self)

    def show_message(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self._place()
        self.show()
        self.raise_()

    def _on_open(self) -> None:
        self.hide()
        self.open_clicked.emit()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(640, max(320, parent.width() - 40))
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None and layout.hasHeightForWidth() else -1
        self.setFixedSize(width, max(height, self.sizeHint().height()))
        self.move((parent.width() - width) // 2, 8)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False


class UrgentWatcher(QObject):
    """Polls the inbox and announces urgent arrivals; see the module docstring for how the window uses it."""

    urgent_arrived = Signal(object)  # list[InboxItem] not announced before
    count_changed = Signal(int)  # documents awaiting direction
    inbox_requested = Signal()  # the user clicked the notification or the banner's button

    def __init__(self, env: PageEnv, parent: QObject | None = None, *, interval_ms: int = POLL_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._env = env
        self._actor = Actor.of(env.user)
        self.settings = NotificationSettings(env.settings, env.user.username)
        self.enabled = bool(env.user.roles & {Role.LEADER, Role.DEPUTY})
        self.job: Job | None = None
        self.seen: set[str] = set()
        self.count: int | None = None
        self.polls = 0
        self.sounds = 0
        self.announced: list[tuple[str, str]] = []  # (title, text) of every notification shown, newest last
        self.channel = ""  # "tray" or "banner": where the last notification went
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll_now)
        self.tray: QSystemTrayIcon | None = None
        window = parent if isinstance(parent, QWidget) else None
        self.banner: UrgentBanner | None = UrgentBanner(window) if window is not None else None
        if self.banner is not None:
            self.banner.open_clicked.connect(self.inbox_requested)

    # ---- running -----------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Poll now and then every interval; does nothing for users without an inbox."""
        if not self.enabled:
            return
        self.timer.start()
        self.poll_now()

    def stop(self) -> None:
        self.timer.stop()
        if self.job is not None:
            self.job.cancel()
        if self.tray is not None:
            self.tray.hide()

    def poll_now(self) -> Job | None:
        """One look at the inbox off the UI thread (skipped while the previous look is still running)."""
        if not self.enabled or self.job is not None:
            return None
        workflow, actor = self._env.services.workflow, self._actor

        def work(_ctx: JobContext) -> tuple[int, list[InboxItem]]:
            return workflow.count_inbox(actor), workflow.inbox(actor, offset=0, limit=POLL_LIMIT)

        job = self._env.jobs.run("urgent-watch", work)
        job.succeeded.connect(self._on_polled)
        job.failed.connect(lambda message: log.warning("inbox poll failed: %s", message))
        job.finished.connect(self._on_finished)
        self.job = job
        return job

    def _on_finished(self) -> None:
        self.job = None
        self.polls += 1

    def _on_polled(self, result: object) -> None:
        if not isinstance(result, tuple):
            return
        count, items = result
        if count != self.count:
            self.count = int(count)
            self.count_changed.emit(self.count)
        urgent = [i for i in items if isinstance(i, InboxItem) and i.urgent]
        new = [i for i in urgent if i.document_id not in self.seen]
        self.seen.update(i.document_id for i in urgent)
        if new:
            self.notify(new)
            self.urgent_arrived.emit(new)

    # ---- telling the user --------------------------------------------------------------------------------------
    def notify(self, items: Sequence[InboxItem]) -> None:
        title, text = describe_urgent(items)
        self.announced.append((title, text))
        tray = self._tray()
        if tray is not None:
            self.channel = "tray"
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS)
        elif self.banner is not None:
            self.channel = "banner"
            self.banner.show_message(title, text)
        else:
            self.channel = ""
            log.info("urgent documents, nowhere to show them: %s", text)
        if self.settings.sound:
            self.play_sound()

    def play_sound(self) -> None:
        """The system's alert sound (QtMultimedia is not shipped, so no custom sound file)."""
        QApplication.beep()
        self.sounds += 1

    def _tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable() or not QSystemTrayIcon.supportsMessages():
            return None
        if self.tray is None:
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else None
            if icon is None or icon.isNull():
                style = QApplication.style()
                icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(tr("Văn Thư Desktop: leader's inbox"))
            self.tray.messageClicked.connect(self.inbox_requested)
            self.tray.activated.connect(lambda _reason: self.inbox_requested.emit())
            self.tray.show()
        return self.tray
