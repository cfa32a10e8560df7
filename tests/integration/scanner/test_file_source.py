"""FileSource: images and PDFs the clerk already has; signed or born-digital PDFs are kept byte for byte."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path

import img2pdf
import numpy as np
import pytest
from PIL import Image as PILImage

from app.scanner.errors import ScanError
from app.scanner.pipeline import encode_g4
from app.scanner.sources import FileSource, inspect_pdf
from app.scanner.synthetic import font_path, text_page
from tests.support import require_tool

SMALL = (620, 877)  # A4 at 75 dpi keeps these tests quick


def _page(seed: int) -> np.ndarray:
    return text_page(SMALL, seed=seed, font_px=12)


def test_multi_page_tiff_gives_every_page_with_its_dpi(tmp_path: Path) -> None:
    path = tmp_path / "three.tif"
    frames = [PILImage.fromarray(_page(i)) for i in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_lzw", dpi=(150, 150))
    result = FileSource().read(path)
    assert len(result.pages) == 3
    assert [p.index for p in result.pages] == [0, 1, 2]
    assert all(p.dpi == 150 and p.image.shape == (SMALL[1], SMALL[0]) for p in result.pages)
    assert not result.keep_original
    assert np.array_equal(result.pages[2].image, _page(2))


def test_png_and_jpeg_photos(tmp_path: Path) -> None:
    rgb = np.dstack([_page(1)] * 3)
    rgb[100:200, 100:200] = (210, 20, 20)
    PILImage.fromarray(rgb).save(tmp_path / "a.png")
    PILImage.fromarray(rgb).save(tmp_path / "b.jpg", quality=90)
    rgba = PILImage.fromarray(rgb).convert("RGBA")
    rgba.putalpha(0)
    rgba.save(tmp_path / "c.png")
    png = FileSource().read(tmp_path / "a.png").pages[0]
    jpg = FileSource().read(tmp_path / "b.jpg").pages[0]
    transparent = FileSource().read(tmp_path / "c.png").pages[0]
    assert png.is_color and tuple(png.image[150, 150]) == (210, 20, 20)
    assert jpg.is_color and jpg.image.shape == (SMALL[1], SMALL[0], 3)
    assert int(transparent.image.min()) == 255  # fully transparent → white paper, not black
    assert FileSource().read(tmp_path / "a.png", gray=True).pages[0].image.ndim == 2


def test_scanned_pdf_is_rasterised_and_may_be_rewritten(tmp_path: Path) -> None:
    require_tool("pdftoppm")
    tiffs = [encode_g4(np.where(_page(i) > 128, 255, 0).astype(np.uint8), 75) for i in range(2)]
    path = tmp_path / "scan.pdf"
    path.write_bytes(img2pdf.convert(tiffs))
    result = FileSource(dpi=75).read(path)
    assert len(result.pages) == 2
    assert not result.keep_original and result.reason is None
    assert abs(result.pages[0].image.shape[0] - SMALL[1]) <= 2
    assert float((result.pages[0].image < 128).mean()) > 0.01


def _born_digital_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = font_path()
    assert font is not None
    pdfmetrics.registerFont(TTFont("NotoSerif", font))
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(2):
        c.setFont("NotoSerif", 13)
        c.drawString(72, 760, f"Quyết định về việc ban hành quy chế công tác văn thư — trang {n + 1}")
        c.showPage()
    c.save()


def test_born_digital_pdf_is_flagged_keep_original(tmp_path: Path) -> None:
    require_tool("pdftoppm")
    path = tmp_path / "digital.pdf"
    _born_digital_pdf(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = FileSource(dpi=50).read(path)
    assert result.keep_original and result.reason == "born_digital"
    assert len(result.pages) == 2 and all(p.keep_original for p in result.pages)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def _self_signed(tmp_path: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Văn thư thử nghiệm")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = tmp_path / "key.pem", tmp_path / "cert.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def test_signed_pdf_is_detected_and_never_rewritten(tmp_path: Path) -> None:
    require_tool("pdftoppm")
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    # An image-only PDF (no text layer), so only the signature can make it keep_original.
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(img2pdf.convert([encode_g4(np.where(_page(0) > 128, 255, 0).astype(np.uint8), 75)]))
    key_path, cert_path = _self_signed(tmp_path)
    signer = signers.SimpleSigner.load(str(key_path), str(cert_path))
    assert signer is not None
    signed = tmp_path / "signed.pdf"
    with plain.open("rb") as inf:
        out = signers.sign_pdf(IncrementalPdfFileWriter(inf), signers.PdfSignatureMetadata(field_name="ChuKySo"),
                               signer=signer)
        signed.write_bytes(out.getvalue() if isinstance(out, io.BytesIO) else out.read())
    before = signed.read_bytes()

    assert inspect_pdf(plain).signature_fields == ()
    result = FileSource(dpi=50).read(signed)
    assert result.keep_original and result.reason == "signed"
    assert result.signature_fields == ("ChuKySo",)
    assert signed.read_bytes() == before


def test_unknown_and_broken_files_get_clear_errors(tmp_path: Path) -> None:
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK\x03\x04 not a scan")
    with pytest.raises(ScanError) as caught:
        FileSource().read(odd)
    assert caught.value.code == "import.unsupported_format"
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    with pytest.raises(ScanError) as caught:
        FileSource().read(broken)
    assert caught.value.code == "import.unreadable"
    bad_pdf = tmp_path / "bad.pdf"
    bad_pdf.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(ScanError) as caught:
        FileSource().read(bad_pdf)
    assert caught.value.code == "import.unreadable"
