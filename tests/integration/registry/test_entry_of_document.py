"""A registration made with a document id chosen beforehand can be asked about later: the intake does so after a crash
or a failed job, to know whether the pages of a batch were registered (on SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from app.domain.errors import ConflictError
from app.services.bundle import Services
from app.services.registry import IncomingForm
from tests.integration.registry.conftest import Office, make_pdf

FORM = IncomingForm(
    issuer_name="Sở Nội vụ",
    number_notation="118/SNV-VP",
    issued_date=date(2026, 11, 2),
    doc_type="Công văn",
    summary="V/v báo cáo công tác văn thư lưu trữ năm 2026",
)


def test_a_committed_registration_is_found_by_the_id_chosen_for_it(services: Services, office: Office) -> None:
    chosen = uuid.uuid4()
    assert services.registry.entry_of_document(str(chosen)) is None
    entry = services.registry.register_incoming(office.clerk, FORM, make_pdf(), "cv118.pdf", document_id=chosen)
    assert entry.document_id == str(chosen)
    assert services.registry.entry_of_document(str(chosen)) == entry
    assert services.documents.get(str(chosen)).number_notation == "118/SNV-VP"


def test_a_refused_registration_is_not_found(services: Services, office: Office) -> None:
    services.registry.register_incoming(office.clerk, FORM, make_pdf(), "cv118.pdf")
    chosen = uuid.uuid4()
    with pytest.raises(ConflictError):
        services.registry.register_incoming(office.clerk, FORM, make_pdf(), "again.pdf", document_id=chosen)
    assert services.registry.entry_of_document(str(chosen)) is None
