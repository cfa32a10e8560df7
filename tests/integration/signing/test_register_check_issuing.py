"""The clerk's number-and-seal step records the signatures of the sealed main file and of each sealed appendix, so
the register knows them from the moment the document is issued: the main file cut back to the leader's revision is
an earlier revision at once, without any backfill."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.services.bundle import Services
from app.services.issuing import IssuingService
from app.services.signing.register_check import RegisterState, check_against_register, signatures_of
from app.store.models_signatures import FileSignatureRow
from tests.conftest import FakeClock
from tests.integration.signing import test_appendix_sealing as sealing
from tests.integration.signing.conftest import PIN

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

office = sealing.office  # the appendix-sealing office, token and issuing fixtures
signing = sealing.signing
issuing = sealing.issuing


def test_number_and_seal_records_the_sealed_files_signatures(
    services: Services, issuing: IssuingService, office: sealing.Office, clock: FakeClock,
) -> None:
    doc_id = sealing._signed_draft(issuing, office, clock)
    sealed = issuing.number_and_seal(office.clerk, doc_id, PIN)
    with services.ctx.db.read_session() as s:
        counts: dict[str, int] = {sha: int(n) for sha, n in s.execute(
            select(FileSignatureRow.file_sha256, func.count()).group_by(FileSignatureRow.file_sha256)).all()}
    files = services.documents.get(doc_id).files
    assert [counts.get(f.sha256) for f in files] == [2, 1, 1]  # main: leader + seal; each appendix: its seal

    main = issuing.pdf(sealed.current_sha256)
    cut = main[: signatures_of(main).signatures[0].signed_revision_end]
    result = check_against_register(services.ctx, cut, backfill=False)
    assert result.state is RegisterState.EARLIER_REVISION and result.document_id == doc_id
    assert (result.registered_count, result.file_count) == (2, 1)
    assert result.number_notation == sealing.NUMBER
