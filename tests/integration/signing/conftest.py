"""A demo PKI on real SoftHSM2 tokens, built once per test session (key generation on the token is slow-ish)."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.services.signing.images import make_signature_png, serif_font_path
from app.services.signing.pki import DemoPki, create_demo_pki, find_softhsm_module
from app.services.signing.sign import SigningLayout, TokenKey
from app.services.signing.tokens import TokenSelector, TokenWorker
from tests.support import missing, require_tool

LEADER = ("LANH_DAO_01", "Nguyễn Văn An", "Giám đốc")
ORG = ("CO_QUAN_STTTT", "Sở Thông tin và Truyền thông")
PIN = "123456"


@pytest.fixture(scope="session")
def demo_pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoPki]:
    require_tool("softhsm2-util")
    if find_softhsm_module() is None:
        missing("libsofthsm2.so not found (package softhsm2)")
    previous = os.environ.get("SOFTHSM2_CONF")
    pki = create_demo_pki(tmp_path_factory.mktemp("pki"), [LEADER], ORG)
    yield pki
    if previous is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = previous


@pytest.fixture(scope="session")
def worker(demo_pki: DemoPki) -> Iterator[TokenWorker]:
    w = TokenWorker(demo_pki.module_path)
    w.refresh()  # the module may have been loaded before SOFTHSM2_CONF pointed at the demo tokens
    yield w
    w.close()


@pytest.fixture
def leader_key(worker: TokenWorker) -> TokenKey:
    return TokenKey(worker, TokenSelector(label=LEADER[0]))


@pytest.fixture
def org_key(worker: TokenWorker) -> TokenKey:
    return TokenKey(worker, TokenSelector(label=ORG[0]))


@dataclass(frozen=True)
class Draft:
    pdf: bytes
    layout: SigningLayout


def _font(name: str, **style: bool) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, serif_font_path(**style)))
    return name


@pytest.fixture(scope="session")
def draft() -> Draft:
    """A4 draft decision: a blank "Số:      /QĐ-STTTT", a date line with blanks, a signer block; fixed boxes."""
    regular, italic, bold = _font("SigT-R"), _font("SigT-I", italic=True), _font("SigT-B", bold=True)
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4, invariant=True)
    c.setFont(bold, 12)
    c.drawCentredString(155, 780, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG")
    c.drawCentredString(400, 780, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.setFont(regular, 13)
    c.drawCentredString(155, 740, "Số:      /QĐ-STTTT")
    c.setFont(italic, 14)
    c.drawCentredString(400, 740, "Hà Tĩnh, ngày      tháng      năm 2026")
    c.setFont(bold, 14)
    c.drawCentredString(297, 680, "QUYẾT ĐỊNH")
    c.setFont(regular, 13)
    c.drawString(85, 650, "Về việc thử nghiệm ký số văn bản điện tử.")
    c.setFont(bold, 13.5)
    c.drawCentredString(420, 330, "GIÁM ĐỐC")
    c.drawCentredString(420, 230, "Nguyễn Văn An")
    c.showPage()
    c.save()
    layout = SigningLayout(number_box=(0, 60, 736, 250, 753), date_box=(0, 270, 736, 540, 754),
                           signer_box=(0, 320, 245, 520, 322))
    return Draft(out.getvalue(), layout)


@pytest.fixture(scope="session")
def signature_image() -> bytes:
    return make_signature_png(LEADER[1])


def pdfsig_report(pdf: Path, nss_dir: Path | None = None) -> str:
    import subprocess

    args = [require_tool("pdfsig")]
    if nss_dir is not None:
        args += ["-nssdir", f"sql:{nss_dir}"]
    result = subprocess.run([*args, str(pdf)], capture_output=True, text=True, timeout=60, check=False)
    return result.stdout + result.stderr


@pytest.fixture(scope="session")
def nss_db(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """An NSS database trusting the demo root, so pdfsig can say "Certificate is Trusted."; None without certutil."""
    import shutil
    import subprocess

    certutil = shutil.which("certutil")
    if certutil is None:
        return None
    db = tmp_path_factory.mktemp("nss")
    subprocess.run([certutil, "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    subprocess.run([certutil, "-A", "-d", f"sql:{db}", "-n", "demo-root", "-t", "CT,C,C", "-i",
                    str(demo_pki.root_pem)], check=True, capture_output=True)
    return db


@pytest.fixture(scope="module")
def sealed_chain(draft: Draft, worker: TokenWorker, signature_image: bytes) -> tuple[bytes, bytes, bytes]:
    """(leader-signed, numbered, sealed): the chain in three incremental updates, as older documents have it."""
    from app.services.signing.sign import sign_leader, sign_seal, stamp_number_and_date

    leader = sign_leader(draft.pdf, TokenKey(worker, TokenSelector(label=LEADER[0])), PIN, draft.layout.signer_box,
                         signature_image, layout=draft.layout)
    numbered = stamp_number_and_date(leader, "Số: 45/QĐ-STTTT", "Hà Tĩnh, ngày 25 tháng 11 năm 2026")
    sealed = sign_seal(numbered, TokenKey(worker, TokenSelector(label=ORG[0])), PIN, draft.layout.signer_box)
    return leader, numbered, sealed
