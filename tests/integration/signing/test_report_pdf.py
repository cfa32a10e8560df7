"""The verification report as a PDF: a sealed chain verified with the demo PKI (revocation from a saved CRL file)
rendered in Vietnamese and English; pdftotext finds the verdict, the signers with their diacritics, the field names
and the revocation line; a tampered file's report says it is not intact; qpdf finds the file clean; the same report
gives the same bytes; a failed write leaves no file behind and the old one untouched."""

from __future__ import annotations

import hashlib
import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.clock import VN_TZ
from app.domain.errors import StorageError
from app.services import exports
from app.services.signing.pki import DemoPki, issue_crl
from app.services.signing.report_pdf import (
    EN_LABELS,
    VI_LABELS,
    CheckedFile,
    ReportWording,
    render_report,
    report_file_name,
    write_report,
)
from app.services.signing.revocation import RevocationPolicy, checking
from app.services.signing.verify import SignatureReport, VerificationReport, verify_pdf
from tests.support import require_tool

CHECKED_AT = datetime(2026, 11, 26, 10, 30, tzinfo=VN_TZ)
VI_PROBLEMS = {  # as the panel's Vietnamese translation words them
    "signature.not_intact": "Văn bản đã bị sửa sau chữ ký này: chữ ký không còn giá trị.",
    "certificate.not_chuyen_dung": "Không phải chữ ký số chuyên dùng Chính phủ.",
}
VI_REVOCATION = {"crl_file": "Chưa bị thu hồi (đã kiểm tra theo tệp danh sách thu hồi đã lưu)."}
EN_REVOCATION = {"crl_file": "Not revoked (checked with a saved revocation list file)."}


def _verify(pdf: bytes, pki: DemoPki, tmp_path: Path) -> VerificationReport:
    crl = issue_crl(pki, [], out=tmp_path / "demo.crl").read_bytes()
    with checking(RevocationPolicy(online=False)) as session:
        report = verify_pdf(pdf, [pki.root_certificate()], crls=[crl])
    return session.apply(report)


def _line(table: dict[str, str]) -> ReportWording:
    def revocation(sig: SignatureReport) -> str:
        return table.get(getattr(sig, "revocation_source", ""), "")

    if table is VI_REVOCATION:
        return ReportWording(VI_LABELS, lambda code: VI_PROBLEMS.get(code, code), revocation)
    return ReportWording(EN_LABELS, str, revocation)


def _checked(pdf: bytes) -> CheckedFile:
    return CheckedFile("45_QD-STTTT.pdf", hashlib.sha256(pdf).hexdigest(), len(pdf), CHECKED_AT,
                       document="Quyết định 45/QĐ-STTTT", software="Văn Thư Desktop (test)")


def _text(pdf: Path) -> str:
    out = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    return " ".join(out.split())


def _qpdf_clean(pdf: Path) -> None:
    result = subprocess.run([require_tool("qpdf"), "--check", str(pdf)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout


def test_vietnamese_and_english_reports(sealed_chain: tuple[bytes, bytes, bytes], demo_pki: DemoPki,
                                        tmp_path: Path) -> None:
    sealed = sealed_chain[2]
    report = _verify(sealed, demo_pki, tmp_path)
    assert report.all_valid and report.verdict == "warning"  # the demo CA is not chuyên dùng

    vi = write_report(report, _checked(sealed), tmp_path / "vi.pdf", _line(VI_REVOCATION))
    text = _text(vi)
    for expected in ("BÁO CÁO KIỂM TRA CHỮ KÝ SỐ", "HỢP LỆ, CÓ LƯU Ý", "2/2 chữ ký hợp lệ", "Nguyễn Văn An",
                     "Sở Thông tin và Truyền thông", "Quyết định 45/QĐ-STTTT", hashlib.sha256(sealed).hexdigest(),
                     "Người ký", "Cơ quan, tổ chức", "Thời điểm ký (người ký khai)", "Toàn vẹn",
                     "Có: nội dung được ký không bị thay đổi.", "Chuỗi tin cậy", "Hiệu lực khi ký",
                     "Còn hiệu lực tại thời điểm ký.", "Tình trạng thu hồi", "Thay đổi sau khi ký",
                     "Loại chữ ký số", VI_REVOCATION["crl_file"], VI_PROBLEMS["certificate.not_chuyen_dung"],
                     "Chữ ký 1: Nguyễn Văn An", "Chữ ký 2: Sở Thông tin và Truyền thông", "26/11/2026 10:30:00",
                     "Văn Thư Desktop (test)", "Báo cáo tóm tắt", "Chi tiết từng chữ ký"):
        assert expected in text, expected
    assert "Demo" in text  # the trust anchor is named
    _qpdf_clean(vi)

    en = write_report(report, _checked(sealed), tmp_path / "en.pdf", _line(EN_REVOCATION))
    text = _text(en)
    for expected in ("SIGNATURE VERIFICATION REPORT", "VALID, WITH WARNINGS", "Nguyễn Văn An",
                     "Sở Thông tin và Truyền thông", "Signing time (claimed by the signer)", "Intact",
                     "Revocation", EN_REVOCATION["crl_file"], "certificate.not_chuyen_dung", "Changes after signing",
                     "Valid when signed", "Public CA signature"):
        assert expected in text, expected
    assert "BÁO CÁO" not in text
    _qpdf_clean(en)

    # deterministic: the same report, file and wording give the same bytes
    assert render_report(report, _checked(sealed), _line(VI_REVOCATION)) == vi.read_bytes()
    assert render_report(report, _checked(sealed), _line(VI_REVOCATION)) == render_report(
        report, _checked(sealed), _line(VI_REVOCATION))


def test_a_tampered_file_is_reported_not_intact(sealed_chain: tuple[bytes, bytes, bytes], demo_pki: DemoPki,
                                                tmp_path: Path) -> None:
    broken = bytearray(sealed_chain[2])
    at = broken.find(b"595.")  # the A4 page width in the first revision: inside both signed ranges
    assert at > 0
    broken[at + 2] = ord("6")
    report = _verify(bytes(broken), demo_pki, tmp_path)
    assert report.verdict == "invalid"
    out = write_report(report, _checked(bytes(broken)), tmp_path / "broken.pdf", _line(VI_REVOCATION))
    text = _text(out)
    assert "KHÔNG HỢP LỆ" in text
    assert "Không: nội dung đã bị thay đổi sau khi ký." in text
    assert VI_PROBLEMS["signature.not_intact"] in text
    _qpdf_clean(out)


def test_an_unsigned_file_gives_a_short_report(tmp_path: Path) -> None:
    report = VerificationReport((), ("pdf.unsigned",), "")
    out = write_report(report, CheckedFile("a.pdf", "0" * 64, 10, CHECKED_AT), tmp_path / "u.pdf",
                       ReportWording(problem={"pdf.unsigned": "Văn bản không có chữ ký số."}.__getitem__))
    text = _text(out)
    assert "KHÔNG HỢP LỆ" in text and "Văn bản không có chữ ký số." in text and "Số chữ ký số 0" in text
    assert "Báo cáo tóm tắt" not in text


def test_a_failed_write_leaves_no_file(sealed_chain: tuple[bytes, bytes, bytes], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    report = VerificationReport((), ("pdf.unsigned",), "")
    checked = _checked(sealed_chain[2])
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError) as err:
        write_report(report, checked, blocker / "r.pdf")  # a file where the folder should be
    assert err.value.code == "export.write_failed"

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.geteuid() != 0:  # root writes anyway
            with pytest.raises(StorageError):
                write_report(report, checked, locked / "r.pdf")
            assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "r.pdf"
    target.write_bytes(b"the earlier report")

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports.os, "fsync", full_disk)
    with pytest.raises(StorageError) as err:
        write_report(report, checked, target)
    assert err.value.code == "export.write_failed" and "No space left" in str(err.value.params)
    assert target.read_bytes() == b"the earlier report"
    assert [p.name for p in folder.iterdir()] == ["r.pdf"]  # no temp file left


def test_file_names() -> None:
    assert report_file_name("45/QĐ-STTTT") == "45-QD-STTTT-kiem-tra-chu-ky.pdf"
    assert report_file_name("Công văn số 12") == "Cong-van-so-12-kiem-tra-chu-ky.pdf"
    assert report_file_name("///") == "van-ban-kiem-tra-chu-ky.pdf"
