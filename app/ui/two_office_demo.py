"""`python -m app two-office-demo`: the sandbox axis and two offices on one machine, to try the exchange end to end.

Starts `python -m axis_sandbox` on a free loopback port with a seeded agency directory and credentials for two demo
agencies, prepares a data folder for each (the demo agency with its own code, name and users; the other office's
demo CA trusted, so its signatures verify; the directory pulled from the axis; one issued document addressed to the
other office waiting on "To send"), then opens one window per office (`python -m app` with VANTHU_HOME and the
VANTHU_AXIS_* settings) and stops the axis when both windows are closed. `--no-windows` prepares the same, prints
each office's settings, sends office A's document to office B through the services and checks that B registered it.

Only loopback traffic: the axis binds 127.0.0.1 and both apps talk to it there.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.domain.drafts import DraftMeta, Recipient, RecipientKind
from app.domain.errors import DomainError
from app.domain.model import Actor
from app.services.bundle import Booted, make_directory_sync, make_sync
from app.services.demo import DEMO_PASSWORD
from app.settings import Settings, load_settings
from app.ui.application import SCREEN_SIDE_ENV
from app.ui.i18n import install_translator
from app.ui.messages import describe

CONTEXT = "TwoOfficeDemo"
DEFAULT_SEED = 5000  # agencies in the sandbox directory: both offices' codes are among the first 1,100
AXIS_READY_SECONDS = 60.0


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class OfficeSpec:
    """One demo office. The codes are the seeded directory's (axis_sandbox/seed.py), so the names agree there."""

    folder: str
    letter: str
    code: str
    name: str
    abbreviation: str


OFFICES = (
    OfficeSpec("office-a", "A", "000.00.11.H27", "Sở Thông tin và Truyền thông", "STTTT"),
    OfficeSpec("office-b", "B", "000.00.03.H27", "Sở Tư pháp", "STP"),
)


@dataclass
class PreparedOffice:
    spec: OfficeSpec
    home: Path
    env: dict[str, str]  # the VANTHU_* settings of this office's window
    booted: Booted
    directory_count: int | None = None  # agencies in the local directory after the pull; None when it failed
    directory_error: str = ""
    ready_document: str | None = None  # id of the issued document waiting on "To send" for the other office
    ready_summary: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        return self.booted.settings


@dataclass
class AxisProcess:
    process: subprocess.Popen[bytes]
    url: str
    log_path: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def default_base() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("vanthu-demo", appauthor=False))


def run_two_office_demo(args: argparse.Namespace, settings: Settings, boot: Callable[..., Booted]) -> int:
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    install_translator(app, settings.language)
    base = (args.base or default_base()).expanduser().absolute()
    seed = max(args.seed_agencies, 2000)
    secrets_by_code = {o.code: secrets.token_urlsafe(16) for o in OFFICES}
    try:
        axis = start_axis(base / "axis", secrets_by_code, seed=seed)
    except RuntimeError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        offices = prepare(base, axis.url, secrets_by_code, boot, language=settings.language)
        print_guide(offices, axis.url, windows=not args.no_windows)
        if args.no_windows:
            for office in offices:
                print(f"[{office.spec.folder}] " + " ".join(f"{k}={v}" for k, v in sorted(office.env.items())))
            return 0 if exchange_check(offices) else 1
        for office in offices:  # the windows open the same databases: let go of ours first
            office.booted.services.signing.close()
            office.booted.services.ctx.db.dispose()
        return open_windows(offices)
    except DomainError as exc:
        print(describe(exc), file=sys.stderr)
        return 2
    finally:
        axis.stop()


# ---------------------------------------------------------------------------------------------------------- the axis

def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_axis(work: Path, clients: Mapping[str, str], *, seed: int) -> AxisProcess:
    """`python -m axis_sandbox` on 127.0.0.1, a free port; returns once /health answers (tries three ports, since
    another program may take the free one first)."""
    work.mkdir(parents=True, exist_ok=True)
    log_path = work / "axis.log"
    for _ in range(3):
        port = _free_port()
        cmd = [sys.executable, "-m", "axis_sandbox", "--host", "127.0.0.1", "--port", str(port),
               "--db", str(work / "axis.sqlite"), "--seed-agencies", str(seed),
               "--admin-token", secrets.token_urlsafe(16)]
        for code, secret in clients.items():
            cmd += ["--client", f"{code}:{secret}"]
        with log_path.open("ab") as log:
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
        axis = AxisProcess(proc, f"http://127.0.0.1:{port}", log_path)
        deadline = time.monotonic() + AXIS_READY_SECONDS
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"{axis.url}/health", timeout=1) as reply:
                    if reply.status == 200:
                        return axis
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        axis.stop()
        if "address already in use" not in log_path.read_text(errors="replace").lower():
            break
    raise RuntimeError(tr("The sandbox axis did not start; see {log}.").format(log=log_path))


# ------------------------------------------------------------------------------------------------------ the offices

def office_env(spec: OfficeSpec, home: Path, axis_url: str, secret: str, language: str) -> dict[str, str]:
    return {
        "VANTHU_HOME": str(home),
        "VANTHU_AXIS_URL": axis_url,
        "VANTHU_AXIS_SYSTEM_ID": spec.code,
        "VANTHU_AXIS_SECRET": secret,
        "VANTHU_DEMO": "1",
        "VANTHU_LANG": language,
    }


def prepare(base: Path, axis_url: str, secrets_by_code: Mapping[str, str], boot: Callable[..., Booted], *,
            language: str = "vi") -> list[PreparedOffice]:
    """Both data folders ready to exchange: demo agency, trust in the other's demo CA, directory, a document to
    send. A folder prepared by an earlier run is reused (the directory is pulled again, a sent document replaced)."""
    offices: list[PreparedOffice] = []
    for spec in OFFICES:
        home = base / spec.folder
        env = office_env(spec, home, axis_url, secrets_by_code[spec.code], language)
        settings = load_settings(env)
        booted = boot(settings, create_demo=False)
        own = booted.services.session.own_agency()
        if own is None:
            booted.services.demo.create(agency_fields={"code": spec.code, "name": spec.name,
                                                "abbreviation": spec.abbreviation})
        elif own.code != spec.code:
            raise DomainError("demo.folder_taken", path=str(home), code=own.code)
        offices.append(PreparedOffice(spec, home, env, booted))
    for office in offices:
        _trust_each_other(office, [o for o in offices if o is not office])
    for office in offices:
        _pull_directory(office)
    for office in offices:
        other = next(o for o in offices if o is not office)
        _find_ready(office, other)
        if office.ready_document is None:
            _issue_for(office, other)
    return offices


def _trust_each_other(office: PreparedOffice, others: Sequence[PreparedOffice]) -> None:
    """Each office's demo CA is its own; the other office trusts it (and reads its CRL) like an admin would add a
    trust anchor, so signatures on exchanged documents verify."""
    trust = office.home / "trust"
    for other in others:
        root = other.home / "pki" / "root.pem"
        if not root.is_file():
            office.notes.append(tr("Office {letter} has no demo signing certificates (SoftHSM2 missing): its "
                                   "documents arrive unsigned and are quarantined.").format(letter=other.spec.letter))
            continue
        trust.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root, trust / f"demo-{other.spec.folder}-root.pem")
        crls = sorted((other.home / "pki").glob("*.crl"))
        if crls:
            (trust / "crl").mkdir(parents=True, exist_ok=True)
            for crl in crls:
                shutil.copyfile(crl, trust / "crl" / f"demo-{other.spec.folder}-{crl.name}")


def _pull_directory(office: PreparedOffice) -> None:
    sync = make_directory_sync(office.booted.services, office.settings)
    assert sync is not None  # the env names the axis
    try:
        sync.run()
    except DomainError as exc:
        office.directory_error = describe(exc)
        return
    office.booted.services.directory.refresh()
    office.directory_count = office.booted.services.directory.warm()


def _actor(booted: Booted, username: str) -> Actor:
    return Actor.of(booted.services.auth.login(username, DEMO_PASSWORD))


def _summary(office: PreparedOffice, other: PreparedOffice) -> str:
    return f"V/v thử nghiệm gửi, nhận văn bản điện tử với {other.spec.name} (văn phòng {other.spec.letter})"


def _issue_for(office: PreparedOffice, other: PreparedOffice) -> None:
    """A real issuing chain (draft → submit → sign → number and seal → issue) so the document carries the
    office's demo signatures and waits on "To send", addressed to the other office."""
    from app.services.official_pdf import OfficialDocument, render
    from app.services.signing.pki import DEMO_USER_PIN

    services = office.booted.services
    if services.signing.organisation_token() is None:
        office.notes.append(tr("No signing tokens (SoftHSM2 missing): no document was prepared to send."))
        return
    summary = _summary(office, other)
    specialist, leader, clerk = (_actor(office.booted, u) for u in ("chuyenvien", "giamdoc", "vanthu"))
    pdf = render(OfficialDocument(
        parent_agency="UBND TỈNH HÀ TĨNH", issuer_name=office.spec.name, doc_type="Công văn", number=None,
        notation=f"{office.spec.abbreviation}-VP", normative_year=None, place="Hà Tĩnh", issued=None,
        summary=summary,
        body=[f"{office.spec.name} gửi văn bản này qua trục liên thông để thử nghiệm việc gửi, nhận văn bản điện "
              f"tử giữa hai cơ quan. Đề nghị {other.spec.name} tiếp nhận và phản hồi trạng thái theo quy định."],
        signer_authority="", signer_position="Giám đốc", signer_name="Nguyễn Văn An",
        recipients=["Như trên;", "Lưu: VT."], addressees=[other.spec.name],
    )).pdf
    meta = DraftMeta("Công văn", summary, signer_user_id=leader.user_id)
    recipient = Recipient(RecipientKind.AGENCY, other.spec.name, agency_code=other.spec.code)
    issuing = services.issuing
    doc_id = issuing.create(specialist, meta, pdf, "cong-van-lien-thong.pdf", recipients=(recipient,)).document_id
    issuing.submit(specialist, doc_id)
    issuing.sign(leader, doc_id, DEMO_USER_PIN)
    issuing.number_and_seal(clerk, doc_id, DEMO_USER_PIN)
    issuing.mark_issued(clerk, doc_id)
    office.ready_document, office.ready_summary = doc_id, summary


def _find_ready(office: PreparedOffice, other: PreparedOffice) -> None:
    """On a reused folder: the prepared document, if it still waits to be sent (else a new one is issued)."""
    clerk = _actor(office.booted, "vanthu")
    summary = _summary(office, other)
    for item in office.booted.services.workflow.to_send(clerk):
        if item.summary == summary:
            office.ready_document, office.ready_summary = item.document_id, summary
            return


# ------------------------------------------------------------------------------------------------------ the windows

def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM") == "offscreen")


def window_command(language: str) -> list[str]:
    """`python -m app`, on a virtual screen (xvfb-run, as `make run` does) when there is no display."""
    cmd = [sys.executable, "-m", "app", "--lang", language]
    if not _has_display() and shutil.which("xvfb-run"):
        return ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", *cmd]
    return cmd


def _signal_group(child: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """The child leads its own session (start_new_session): signal every process of it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(child.pid, sig)


def child_env(office: PreparedOffice) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VANTHU_DB_URL", "VANTHU_TOKEN_MODULE")}
    return {**env, **office.env}


def open_windows(offices: Sequence[PreparedOffice]) -> int:
    """One app per office; returns when both are closed (Ctrl+C closes them)."""
    if not _has_display():
        print(tr("No display found: the windows start on a virtual screen (xvfb-run). Set DISPLAY to see them."))
    # their own sessions: Ctrl+C reaches this process only, which then closes both windows and stops the axis
    children = [subprocess.Popen(window_command(o.settings.language), start_new_session=True,
                                 env={**child_env(o), SCREEN_SIDE_ENV: ("left", "right")[i % 2]})
                for i, o in enumerate(offices)]
    try:
        while any(c.poll() is None for c in children):
            time.sleep(0.5)
    except KeyboardInterrupt:
        for child in children:
            _signal_group(child, signal.SIGTERM)  # the app, and xvfb-run's X server with it
        for child in children:
            try:
                child.wait(15)
            except subprocess.TimeoutExpired:
                _signal_group(child, signal.SIGKILL)
                child.wait()
    print(tr("Both offices are closed; the sandbox axis stops."))
    return 0


# ------------------------------------------------------------------------------------------------------ the guide

def print_guide(offices: Sequence[PreparedOffice], axis_url: str, *, windows: bool) -> None:
    a, b = offices[0], offices[1]
    lines = [tr("Two-office demo: the sandbox axis at {url} (loopback only).").format(url=axis_url)]
    for office in offices:
        lines.append(tr("Office {letter}: {name} — code {code} — data folder {home}").format(
            letter=office.spec.letter, name=office.spec.name, code=office.spec.code, home=office.home))
        if office.directory_count is not None:
            lines.append("  " + tr("Agency directory pulled from the axis: {n} agencies.").format(
                n=office.directory_count))
        else:
            lines.append("  " + tr("The agency directory could not be pulled: {error}").format(
                error=office.directory_error))
        lines += ["  " + note for note in office.notes]
    lines.append(tr("Users in each office, password {password}: vanthu (clerk), giamdoc (director), "
                    "phogiamdoc (deputy), chuyenvien (specialist), quantri (administrator).").format(
                        password=DEMO_PASSWORD))
    if windows:
        lines.append(tr("What to do:"))
        if a.ready_document:
            lines.append("  1. " + tr("In the window of office A ({name}), sign in as vanthu, open “To send” and send "
                                      "“{summary}” to office B.").format(name=a.spec.name, summary=a.ready_summary))
        else:
            lines.append("  1. " + tr("In office A ({name}), sign in as chuyenvien, write a new draft and choose "
                                      "office B as its recipient (type its code {code}); have it signed by giamdoc, "
                                      "then vanthu numbers, seals and sends it.").format(name=a.spec.name,
                                                                                       code=b.spec.code))
        lines.append("  2. " + tr("In the window of office B ({name}), sign in as vanthu: within a minute the "
                                  "document arrives on the Exchange page, is registered in the incoming book and "
                                  "presented to giamdoc.").format(name=b.spec.name))
        lines.append("  3. " + tr("Back in office A, the Exchange page shows B's statuses (arrived, accepted)."))
        if b.ready_document:
            lines.append("  4. " + tr("Office B has “{summary}” ready for office A: send it the same way.").format(
                summary=b.ready_summary))
        lines.append(tr("Closing both windows stops the axis. Start again with the same command: the offices keep "
                        "their data."))
    print("\n".join(lines), flush=True)


# ------------------------------------------------------------------------------------------------ the check (no UI)

def exchange_check(offices: Sequence[PreparedOffice]) -> bool:
    """Office A sends its prepared document to B through the services, each syncs with the axis, and B must have
    registered it; A then hears B's statuses. Prints what happened."""
    a, b = offices[0], offices[1]
    if a.ready_document is None:
        print(tr("Office A has no issued document to send; nothing was exchanged."), file=sys.stderr)
        return False
    clerk = _actor(a.booted, "vanthu")
    a.booted.services.exchange.send_issued(clerk, a.ready_document, [b.spec.code])
    sync_a = make_sync(a.booted.services, a.settings)
    sync_b = make_sync(b.booted.services, b.settings)
    assert sync_a is not None and sync_b is not None
    sync_a.run_once()
    sync_b.run_once()
    sync_a.run_once()  # B's "arrived" and "accepted" come back
    received = [r for r in b.booted.services.exchange.received() if r.sender == a.spec.code]
    registered = [r for r in received if r.document_id]
    history = a.booted.services.exchange.status_history(a.ready_document)
    print(tr("Sent “{summary}” from office A to office B: B registered {n} document(s); A received {s} status "
             "message(s).").format(summary=a.ready_summary, n=len(registered), s=len(history)), flush=True)
    if not registered:
        for r in received:
            print(f"  {r.state.value}: {', '.join(reason.code for reason in r.reasons)}", file=sys.stderr)
    return bool(registered)
