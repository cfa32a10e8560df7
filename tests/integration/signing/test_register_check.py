"""An outside file compared with the register: the file of record, an earlier revision cut at the leader's signature,
bytes appended after the seal, an unrelated signed PDF, a non-PDF, and documents stored before the table existed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, func, select

from app.services.bundle import Services
from app.services.registry import IncomingForm
from app.services.signing.register_check import (
    RegisterState,
    check_against_register,
    index_missing,
    signatures_of,
)
from app.services.signing.sign import LEADER_FIELD, SEAL_FIELD, TokenKey, sign_digitised_copy
from app.services.signing.tokens import TokenSelector, TokenWorker
from app.store.models_signatures import FileSignatureRow
from tests.integration.registry.conftest import Office, make_pdf, office  # noqa: F401 - the office fixture
from tests.integration.signing.conftest import ORG, PIN

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

Chain = tuple[bytes, bytes, bytes]


def _register(services: Services, office: Office, pdf: bytes, notation: str = "45/QĐ-STTTT") -> str:  # noqa: F811
    form = IncomingForm(issuer_name="Sở Thông tin và Truyền thông", number_notation=notation,
                        issued_date=date(2026, 11, 24), doc_type="Quyết định", summary="Về việc thử nghiệm ký số")
    return services.registry.register_incoming(office.clerk, form, pdf, "qd45.pdf").document_id


def _rows(services: Services) -> int:
    with services.ctx.db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(FileSignatureRow)) or 0)


def test_signatures_of_reads_each_signature_in_order(sealed_chain: Chain) -> None:
    leader, _numbered, sealed = sealed_chain
    found = signatures_of(sealed)
    assert found.readable and [s.field_name for s in found.signatures] == [LEADER_FIELD, SEAL_FIELD]
    assert [s.position for s in found.signatures] == [1, 2]
    assert found.signatures[0].signed_revision_end == len(leader)
    assert found.signatures[1].signed_revision_end == len(sealed)
    assert signatures_of(leader).cms_hashes == found.cms_hashes[:1]  # the same CMS bytes in the later revision


def test_the_registered_file_matches(services: Services, office: Office, sealed_chain: Chain) -> None:  # noqa: F811
    doc_id = _register(services, office, sealed_chain[2])
    assert _rows(services) == 2  # recorded by the registration itself
    result = check_against_register(services.ctx, sealed_chain[2])
    assert result.state is RegisterState.MATCHES and result.ok
    assert result.document_id == doc_id and result.number_notation == "45/QĐ-STTTT"
    assert result.register_name == "Sổ đăng ký văn bản đến" and result.file_role == "main"
    assert result.file_count == 2 and result.problem_code is None


def test_the_file_cut_at_the_leader_revision_is_an_earlier_revision(
    services: Services, office: Office, sealed_chain: Chain,  # noqa: F811
) -> None:
    leader, _numbered, sealed = sealed_chain
    doc_id = _register(services, office, sealed)
    cut = sealed[: len(leader)]
    result = check_against_register(services.ctx, cut)
    assert result.state is RegisterState.EARLIER_REVISION
    assert (result.registered_count, result.file_count) == (2, 1)
    assert result.document_id == doc_id and result.number_notation == "45/QĐ-STTTT"
    assert result.problem_code == "register.earlier_revision"
    assert "registered file has 2 signature(s), this file 1" in result.summary


def test_bytes_appended_after_the_seal_are_caught(services: Services, office: Office, sealed_chain: Chain) -> None:  # noqa: F811
    _register(services, office, sealed_chain[2])
    result = check_against_register(services.ctx, sealed_chain[2] + b"\n%% appended after the seal\n")
    assert result.state is RegisterState.MODIFIED_AFTER_REGISTER
    assert result.problem_code == "register.changed_after_registration"
    assert (result.registered_count, result.file_count) == (2, 2)


def test_an_unrelated_signed_pdf_is_not_registered(
    services: Services, office: Office, sealed_chain: Chain, worker: TokenWorker,  # noqa: F811
) -> None:
    _register(services, office, sealed_chain[2])
    other = sign_digitised_copy(make_pdf("Khác"), TokenKey(worker, TokenSelector(label=ORG[0])), PIN)
    result = check_against_register(services.ctx, other)
    assert result.state is RegisterState.NOT_REGISTERED and result.document_id is None and result.file_count == 1


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 a docx", b"%PDF-1.7\n garbage without xref"])
def test_a_file_that_is_not_a_readable_pdf_gets_a_clear_answer(
    services: Services, office: Office, data: bytes,  # noqa: F811
) -> None:
    result = check_against_register(services.ctx, data)
    assert result.state in (RegisterState.UNREADABLE, RegisterState.NOT_REGISTERED)
    assert result.state is RegisterState.UNREADABLE or data.startswith(b"%PDF")
    assert result.document_id is None and result.summary


def test_an_unsigned_registered_pdf_is_read_once(services: Services, office: Office) -> None:  # noqa: F811
    _register(services, office, make_pdf("Công văn"), "12/UBND-VP")
    assert _rows(services) == 1  # the marker: read, no signature
    assert index_missing(services.ctx) == 0


def test_backfill_indexes_a_document_stored_before_the_table(
    services: Services, office: Office, sealed_chain: Chain,  # noqa: F811
) -> None:
    leader, _numbered, sealed = sealed_chain
    doc_id = _register(services, office, sealed)
    with services.ctx.db.session() as s:  # as if registered by a version without the table
        s.execute(delete(FileSignatureRow))
    assert index_missing(services.ctx, limit=10) == 1
    assert _rows(services) == 2
    assert index_missing(services.ctx) == 0  # idempotent
    with services.ctx.db.session() as s:
        s.execute(delete(FileSignatureRow))
    result = check_against_register(services.ctx, sealed[: len(leader)])  # the check backfills first
    assert result.state is RegisterState.EARLIER_REVISION and result.document_id == doc_id
    with services.ctx.db.session() as s:
        s.execute(delete(FileSignatureRow))
    assert services.integrity.check().ok  # the admin's integrity check indexes them as well
    assert _rows(services) == 2
