"""The demo's outgoing documents are in state SEALED, so their PDFs must carry what that state means: the leader's
signature and the agency's seal, both valid, over the registered number and the issued date of the register."""

from __future__ import annotations

import io
from datetime import time

from pypdf import PdfReader

from app.domain.date_line import format_date_line
from app.domain.enums import Direction, DocumentState
from app.services.bundle import Booted
from app.services.signing.sign import DATE_FIELD, LEADER_FIELD, NUMBER_FIELD, SEAL_FIELD
from tests.ui.signing_support import require_demo_tokens


def test_every_sealed_outgoing_demo_document_is_signed_numbered_and_sealed(booted: Booted) -> None:
    require_demo_tokens(booted)
    services = booted.services
    agency = services.session.own_agency()
    assert agency is not None
    sealed = [d for d in services.documents.recent(Direction.OUTGOING) if d.state is DocumentState.SEALED]
    assert len(sealed) == 12
    try:
        for doc in sealed:
            main = doc.main_file
            assert main is not None and doc.issued_date is not None
            pdf = services.ctx.files.read_bytes(main.sha256)
            report = services.signing.verify(pdf)
            assert report.all_valid, (doc.number_notation, report.problems, [s.problems for s in report.signatures])
            leader, seal = report.signatures
            assert (leader.field_name, seal.field_name) == (LEADER_FIELD, SEAL_FIELD)
            assert leader.signer == "Nguyễn Văn An"
            # signed on the issued day, the seal after the leader's signature
            assert leader.signing_time is not None and seal.signing_time is not None
            assert leader.signing_time.date() == doc.issued_date == seal.signing_time.date()
            assert time(8, 0) <= leader.signing_time.time() < seal.signing_time.time()
            values = {name: str(field.get("/V", "")) for name, field in (PdfReader(io.BytesIO(pdf)).get_fields()
                                                                          or {}).items()}
            assert values[NUMBER_FIELD] == f"Số: {doc.number_notation}"
            assert values[DATE_FIELD] == format_date_line(agency.place_name, doc.issued_date)
    finally:
        services.signing.close()
