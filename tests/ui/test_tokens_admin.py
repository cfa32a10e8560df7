"""Quản trị → "Tokens and trust…" on the demo home's SoftHSM2 tokens: the tokens are listed (off the UI thread) with
their certificates, the admin moves the agency's seal to another token, adds a root certificate and a CRL (checked,
copied into the trust folders, audited, then used by verification) and is told when a file is neither."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.errors import PermissionDeniedError
from app.services.bundle import Booted
from app.services.demo import DEMO_PASSWORD
from app.services.signing.pki import issue_crl, load_demo_pki
from app.services.signing.tokens import TokenSelector
from app.store.models import AuditEventRow
from app.ui.dialogs.tokens_admin import TokensAdminDialog, TrustKind, add_trust_file
from app.ui.jobs import JobRunner
from app.ui.pages.admin import AdminPage
from app.ui.pages.common import PageEnv
from tests.ui.signing_support import actor, require_demo_tokens

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def env_for(booted: Booted, username: str) -> PageEnv:
    user = booted.services.auth.login(username, DEMO_PASSWORD)
    return PageEnv(booted.settings, booted.services, user, JobRunner(booted.settings.logs_dir / "x.log"),
                   lambda _id: None)


@pytest.fixture
def dialog(qtbot: QtBot, booted: Booted, language: str) -> Iterator[TokensAdminDialog]:
    require_demo_tokens(booted)
    made = TokensAdminDialog(env_for(booted, "quantri"))
    qtbot.addWidget(made)
    made.show()
    assert made.job is not None
    qtbot.waitUntil(lambda: made.job is not None and not made.job.running, timeout=60_000)
    yield made
    made._env.jobs.wait(20_000)
    booted.services.signing.close()


def a_root(common_name: str) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(x509.NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return cert.public_bytes(serialization.Encoding.PEM)


def column(dialog: TokensAdminDialog, table_name: str, col: int) -> list[str]:
    table = dialog.tokens if table_name == "tokens" else dialog.trust
    return [item.text() if (item := table.item(r, col)) is not None else "" for r in range(table.rowCount())]


def test_the_demo_tokens_are_listed_with_their_certificates(qtbot: QtBot, dialog: TokensAdminDialog) -> None:
    labels = column(dialog, "tokens", 0)
    assert sorted(labels) == ["DEMO_CO_QUAN", "DEMO_GIAMDOC", "DEMO_PHOGIAMDOC"]
    assert "softhsm" in dialog.module.text().lower()
    holders = dict(zip(labels, column(dialog, "tokens", 3), strict=True))
    assert holders["DEMO_GIAMDOC"] == "Nguyễn Văn An"
    assert all(column(dialog, "tokens", 1)) and all(column(dialog, "tokens", 4))  # serials, issuers
    assert all(len(d) == 10 for d in column(dialog, "tokens", 6))  # dd/mm/yyyy
    seals = dict(zip(labels, column(dialog, "tokens", 7), strict=True))
    assert seals == {"DEMO_CO_QUAN": "✓", "DEMO_GIAMDOC": "", "DEMO_PHOGIAMDOC": ""}
    dialog.refresh_button.click()  # the module reads its slots again: the same tokens
    qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running, timeout=60_000)
    assert sorted(column(dialog, "tokens", 0)) == sorted(labels)
    # demo mode: the demo root is trusted and listed as such, beside the demo CA's (empty) revocation list
    kinds = column(dialog, "trust", 0)
    assert len(kinds) == 2 and "Demo Root CA" in column(dialog, "trust", 2)[0]
    assert "Danh sách thu hồi" in kinds[1]


def test_the_admin_chooses_the_agencys_seal_token(dialog: TokensAdminDialog, booted: Booted) -> None:
    labels = column(dialog, "tokens", 0)
    dialog.tokens.selectRow(labels.index("DEMO_CO_QUAN"))
    assert not dialog.seal_button.isEnabled()  # already the seal token
    row = labels.index("DEMO_PHOGIAMDOC")
    dialog.tokens.selectRow(row)
    assert dialog.seal_button.isEnabled()
    dialog.seal_button.click()
    chosen = booted.services.signing.organisation_token()
    assert chosen is not None and chosen.label == "DEMO_PHOGIAMDOC"
    assert chosen.serial == column(dialog, "tokens", 1)[row]
    assert column(dialog, "tokens", 7)[row] == "✓" and column(dialog, "tokens", 7).count("✓") == 1
    assert not dialog.seal_button.isEnabled() and "DEMO_PHOGIAMDOC" in dialog.token_status.text()
    with booted.services.ctx.db.session() as s:
        rows = s.execute(select(AuditEventRow).where(AuditEventRow.action == "signing.organisation_token_set"))
        assert [r.object_id for r in rows.scalars()][-1] == "DEMO_PHOGIAMDOC"
    # put it back: the next dialog shows the choice made here
    booted.services.signing.remember_organisation_token(actor(booted, "quantri"), TokenSelector(label="DEMO_CO_QUAN"))


def test_the_admin_adds_a_root_and_a_crl(dialog: TokensAdminDialog, booted: Booted, tmp_path: Path) -> None:
    signing = booted.services.signing
    config = signing.config
    assert config.trust_dir is not None and config.crl_dir is not None
    source = tmp_path / "vgca-test-root.pem"
    source.write_bytes(a_root("Test Root CA Văn Thư"))
    added = dialog.add_file(source, TrustKind.ANCHOR)
    assert added == config.trust_dir / "vgca-test-root.pem" and added.read_bytes() == source.read_bytes()
    assert "Test Root CA Văn Thư" in " ".join(column(dialog, "trust", 2))
    assert source.read_bytes() in signing.trust_roots()[0]
    assert dialog.add_file(source, TrustKind.ANCHOR) == added  # the same file twice is kept once
    other = tmp_path / "other" / "vgca-test-root.pem"
    other.parent.mkdir()
    other.write_bytes(a_root("Another Root"))
    assert dialog.add_file(other, TrustKind.ANCHOR) == config.trust_dir / "vgca-test-root-2.pem"

    demo = load_demo_pki(config.pki_dir) if config.pki_dir else None
    assert demo is not None
    crl = issue_crl(demo, [], out=tmp_path / "ca.crl")
    added_crl = dialog.add_file(crl, TrustKind.CRL)
    assert added_crl == config.crl_dir / "ca.crl" and crl.read_bytes() in signing.crls()
    assert "ca.crl" in column(dialog, "trust", 1) and demo.dir.name not in column(dialog, "trust", 1)

    rows_before = dialog.trust.rowCount()
    garbage = tmp_path / "not-a-root.crt"
    garbage.write_bytes(b"hello")
    assert dialog.add_file(garbage, TrustKind.ANCHOR) is None
    assert "not-a-root.crt" in dialog.trust_status.text() and not (config.trust_dir / "not-a-root.crt").exists()
    assert dialog.add_file(source, TrustKind.CRL) is None  # a certificate is not a CRL
    assert dialog.trust.rowCount() == rows_before

    with pytest.raises(PermissionDeniedError):  # only the admin manages trust
        add_trust_file(booted.services.ctx, config, actor(booted, "vanthu"), source, TrustKind.ANCHOR)
    with booted.services.ctx.db.session() as s:
        events = s.execute(select(AuditEventRow).where(AuditEventRow.action == "signing.trust_file_added"))
        assert sorted(e.object_id for e in events.scalars()) == ["ca.crl", "vgca-test-root-2.pem", "vgca-test-root.pem"]


def test_the_admin_page_opens_the_dialog(qtbot: QtBot, booted: Booted, language: str) -> None:
    require_demo_tokens(booted)
    page = AdminPage(env_for(booted, "quantri"))
    qtbot.addWidget(page)
    page.show()
    dialog = page.open_tokens()
    assert isinstance(dialog, TokensAdminDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running, timeout=60_000)
    assert dialog.tokens.rowCount() == 3
    dialog.close()
    booted.services.signing.close()
