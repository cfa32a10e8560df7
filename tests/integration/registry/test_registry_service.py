"""Registry books on SQLite and PostgreSQL: incoming registration, outgoing numbers, cancel, corrections, search."""

from __future__ import annotations

import io
import threading
import uuid
from dataclasses import replace
from datetime import date, datetime, timedelta

import pikepdf
import pytest

from app.domain.clock import VN_TZ
from app.domain.enums import Confidentiality, Direction, DocumentState, Urgency
from app.domain.errors import ConflictError, DomainError, PermissionDeniedError, ValidationError
from app.domain.model import Document
from app.domain.registry_query import RegistryQuery, SortKey
from app.services.bundle import Services
from app.services.registry import IncomingForm
from tests.conftest import FakeClock
from tests.integration.registry.conftest import Office, make_pdf

FORM = IncomingForm(
    issuer_name="UBND huyện Cẩm Xuyên",
    number_notation="Số: 45/UBND-TNMT",
    issued_date=date(2026, 11, 20),
    doc_type="Công văn",
    summary="V/v quản lý đất đai trên địa bàn huyện",
    recipient="Văn phòng Sở",
)


def _register(services: Services, office: Office, form: IncomingForm = FORM, **kw: object) -> int:
    return services.registry.register_incoming(office.clerk, form, make_pdf(), "cv45.pdf", **kw).number  # type: ignore[arg-type]


def test_incoming_documents_get_consecutive_arrival_numbers(services: Services, office: Office) -> None:
    numbers = [_register(services, office, replace(FORM, number_notation=f"{n:02d}/UBND-TNMT")) for n in (3, 4, 5)]
    assert numbers == [1, 2, 3]
    rows = services.registry.page(RegistryQuery(office.incoming_book), 0, 10)
    assert [r.number for r in rows] == [3, 2, 1]
    assert rows[0].number_notation == "05/UBND-TNMT" and rows[0].state is DocumentState.REGISTERED
    doc = services.documents.get(rows[0].document_id)
    assert doc.main_file is not None and services.ctx.files.exists(doc.main_file.sha256)
    assert doc.page_count == 1  # taken from the PDF when the clerk left it empty


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"summary": "  "}, "registry.summary_empty"),
        ({"issued_date": date(2026, 12, 1)}, "registry.date_in_future"),
    ],
)
def test_bad_fields_get_a_clear_code(services: Services, office: Office, change: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as err:
        _register(services, office, replace(FORM, **change))  # type: ignore[arg-type]
    assert err.value.code == code
    assert services.registry.count(RegistryQuery(office.incoming_book)) == 0


@pytest.mark.parametrize("bad", ["5/QĐ-UBND", "12 / QĐ-UBND", "12/qđ-ubnd", "12/XX-UBND"])
def test_an_invalid_notation_is_refused(services: Services, office: Office, bad: str) -> None:
    with pytest.raises(ValidationError):
        _register(services, office, replace(FORM, number_notation=bad))


def _encrypted_pdf() -> bytes:
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(make_pdf())) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user="secret", owner="secret"))
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "file.empty"),
        (b"PK\x03\x04 a zip", "file.not_pdf_or_image"),
        (b"%PDF-1.7\n garbage without objects", "file.pdf_corrupt"),
        (None, "file.pdf_encrypted"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_written(
    services: Services, office: Office, content: bytes | None, code: str
) -> None:
    data = _encrypted_pdf() if content is None else content
    with pytest.raises(ValidationError) as err:
        services.registry.register_incoming(office.clerk, FORM, data, "x.pdf")
    assert err.value.code == code
    assert services.registry.count(RegistryQuery(office.incoming_book)) == 0
    assert list(services.ctx.files.all_hashes()) == []


def test_a_huge_file_is_refused_before_reading(services: Services, office: Office) -> None:
    from app.services.documents import MAX_DOCUMENT_BYTES, check_file_size

    with pytest.raises(ValidationError) as err:
        check_file_size(500 * 1024 * 1024, "scan.pdf")
    assert err.value.code == "file.too_large" and MAX_DOCUMENT_BYTES < 500 * 1024 * 1024


def test_a_duplicate_needs_confirmation_and_is_recorded(services: Services, office: Office) -> None:
    _register(services, office)
    with pytest.raises(ConflictError) as err:
        _register(services, office)
    assert err.value.code == "registry.duplicate" and err.value.params["number"] == 1
    assert _register(services, office, confirm_duplicate=True) == 2
    events = services.registry.history(services.registry.page(RegistryQuery(office.incoming_book), 0, 1)[0].entry_id)
    assert '"duplicate_confirmed":true' in events[0].details


def test_secret_documents_go_to_their_own_book_and_series(services: Services, office: Office) -> None:
    _register(services, office)
    entry = services.registry.register_incoming(
        office.clerk,
        replace(FORM, number_notation="07/UBND-NC", confidentiality=Confidentiality.SECRET),
        make_pdf(),
        "m.pdf",
    )
    assert entry.number == 1 and entry.book_id != office.incoming_book
    assert services.registry.book(entry.book_id).confidential


def test_only_a_clerk_registers_and_a_refusal_is_audited(services: Services, office: Office) -> None:
    with pytest.raises(PermissionDeniedError):
        services.registry.register_incoming(office.specialist, FORM, make_pdf(), "x.pdf")
    with services.ctx.db.session() as s:
        events = services.ctx.audit.history(s, "action", "registry.register_incoming")
    assert [e.action for e in events] == ["permission.denied"]


def _outgoing(services: Services, office: Office, doc_type: str = "Quyết định", **kw: object) -> str:
    doc = Document(
        id="",
        direction=Direction.OUTGOING,
        doc_type=doc_type,
        summary="Về việc phê duyệt kế hoạch",
        state=DocumentState.SIGNED,
        issuer_name="Sở Thông tin và Truyền thông",
        **kw,
    )  # type: ignore[arg-type]
    return services.documents.create(office.clerk, doc, make_pdf(), "draft.pdf").id


def test_outgoing_numbers_notation_and_date_line(services: Services, office: Office, clock: FakeClock) -> None:
    clock.now = datetime(2026, 3, 5, 9, 0, tzinfo=VN_TZ)
    qd = services.registry.allocate_outgoing(office.clerk, _outgoing(services, office))
    cv = services.registry.allocate_outgoing(
        office.clerk, _outgoing(services, office, "Công văn", drafting_unit_id=office.unit_vp)
    )
    assert qd.label == "Số: 01/QĐ-STTTT" and qd.date_line == "Hà Tĩnh, ngày 05 tháng 3 năm 2026"
    assert cv.number_notation == "02/STTTT-VP"
    doc = services.documents.get(services.registry.page(RegistryQuery(office.outgoing_book), 0, 1)[0].document_id)
    assert doc.state is DocumentState.NUMBERED and doc.issued_date == date(2026, 3, 5)
    with pytest.raises(ConflictError):
        services.registry.allocate_outgoing(office.clerk, doc.id)


def test_normative_documents_have_their_own_series_and_the_year(services: Services, office: Office) -> None:
    services.registry.allocate_outgoing(office.clerk, _outgoing(services, office))
    n = services.registry.allocate_outgoing(office.clerk, _outgoing(services, office, normative=True))
    assert n.number_notation == f"01/{services.ctx.clock().year}/QĐ-STTTT"


def test_numbering_restarts_on_the_first_of_january(services: Services, office: Office, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 31, 16, 0, tzinfo=VN_TZ)
    for _ in range(3):
        services.registry.allocate_outgoing(office.clerk, _outgoing(services, office))
    clock.now = datetime(2027, 1, 2, 8, 0, tzinfo=VN_TZ)
    first = services.registry.allocate_outgoing(office.clerk, _outgoing(services, office))
    assert first.label == "Số: 01/QĐ-STTTT" and first.date_line == "Hà Tĩnh, ngày 02 tháng 01 năm 2027"
    assert services.registry.book(first.entry.book_id).year == 2027


def test_a_cancelled_number_stays_and_is_never_reused(services: Services, office: Office) -> None:
    first = services.registry.allocate_outgoing(office.clerk, _outgoing(services, office))
    with pytest.raises(ValidationError):
        services.registry.cancel_entry(office.clerk, first.entry.id, " ")
    cancelled = services.registry.cancel_entry(office.clerk, first.entry.id, "Sai thể thức")
    second = services.registry.allocate_outgoing(office.clerk, _outgoing(services, office))
    assert cancelled.cancelled and second.number == 2
    rows = services.registry.page(RegistryQuery(office.outgoing_book, descending=False), 0, 10)
    assert [(r.number, r.cancelled) for r in rows] == [(1, True), (2, False)]
    assert rows[0].state is DocumentState.CANCELLED


def test_corrections_need_a_reason_and_show_in_the_history(services: Services, office: Office) -> None:
    _register(services, office)
    entry_id = services.registry.page(RegistryQuery(office.incoming_book), 0, 1)[0].entry_id
    with pytest.raises(ValidationError):
        services.registry.correct_entry(office.clerk, entry_id, {"summary": "Mới"}, "")
    with pytest.raises(PermissionDeniedError):
        services.registry.correct_entry(office.leader, entry_id, {"summary": "Mới"}, "lý do")
    row = services.registry.correct_entry(
        office.clerk,
        entry_id,
        {"summary": "V/v quản lý đất đai năm 2026", "number_notation": "46/UBND-TNMT"},
        "Nhập nhầm số",
    )
    assert row.summary == "V/v quản lý đất đai năm 2026" and row.number_notation == "46/UBND-TNMT"
    last = services.registry.history(entry_id)[-1]
    assert last.action == "registry.correct" and "Nhập nhầm số" in last.details and "45/UBND-TNMT" in last.details
    assert services.registry.page(RegistryQuery(office.incoming_book, search="nam 2026"), 0, 5)


def test_search_ignores_diacritics_case_and_d_with_stroke(services: Services, office: Office) -> None:
    summaries = ["V/v quản lý ĐẤT ĐAI trên địa bàn", "V/v chuyển đổi số", "Kế hoạch phòng, chống thiên tai"]
    for i, summary in enumerate(summaries):
        _register(services, office, replace(FORM, summary=summary, number_notation=f"{i + 10}/UBND-TNMT"))
    def found(text: str) -> list[str]:
        return [r.summary for r in services.registry.page(RegistryQuery(office.incoming_book, search=text), 0, 10)]

    assert found("dat dai") == [summaries[0]]
    assert found("Đất Đai") == [summaries[0]]
    assert found("chuyen doi") == [summaries[1]]
    assert found("phong chong thien t") == [summaries[2]]  # the last word may be unfinished
    assert found("11/UBND") == [summaries[1]]
    assert found("cam xuyen") and len(found("cam xuyen")) == 3  # the issuer is searched too
    assert found("dat thien") == []


def test_filters_and_sorting(services: Services, office: Office, clock: FakeClock) -> None:
    base = clock.now
    for i, (urgency, issuer) in enumerate(
        [(Urgency.NORMAL, "Sở Tài chính"), (Urgency.FLASH, "Sở Nội vụ"), (Urgency.URGENT, "Sở Tài chính")]
    ):
        clock.now = base + timedelta(days=i)
        _register(
            services,
            office,
            replace(
                FORM, issuer_name=issuer, urgency=urgency, number_notation=f"{i + 1:02d}/TB-XYZ", doc_type="Công văn"
            ),
        )
    q = RegistryQuery(office.incoming_book)
    assert services.registry.count(replace(q, urgencies=frozenset({Urgency.FLASH, Urgency.URGENT}))) == 2
    assert services.registry.count(replace(q, issuer="Sở Tài chính")) == 2
    assert services.registry.count(replace(q, period_from=(base + timedelta(days=1)).date())) == 2
    assert services.registry.count(replace(q, state=DocumentState.REGISTERED)) == 3
    assert services.registry.count(replace(q, recipient="Văn phòng")) == 3
    by_issuer = services.registry.page(replace(q, sort=SortKey.ISSUER, descending=False), 0, 10)
    assert [r.issuer for r in by_issuer] == ["Sở Nội vụ", "Sở Tài chính", "Sở Tài chính"]
    assert [r.number for r in services.registry.page(q, 1, 1)] == [2]


@pytest.mark.parametrize("new_year", [False, True], ids=["open-book", "first-of-january"])
def test_concurrent_outgoing_allocation_has_no_gap_and_no_duplicate(
    services: Services, office: Office, clock: FakeClock, new_year: bool
) -> None:
    """On 1 January several workstations may open the new year's series and book at once: still one of each."""
    ids = [_outgoing(services, office) for _ in range(40)]
    if new_year:
        clock.now = datetime(2027, 1, 4, 7, 45, tzinfo=VN_TZ)
    got: list[int] = []
    lock = threading.Lock()

    def worker(chunk: list[str]) -> None:
        for doc_id in chunk:
            n = services.registry.allocate_outgoing(office.clerk, doc_id).number
            with lock:
                got.append(n)

    threads = [threading.Thread(target=worker, args=(ids[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == list(range(1, 41))
    year = clock.now.year
    assert len([b for b in services.registry.books(year) if b.kind.value == "outgoing" and not b.confidential]) == 1


def test_registration_errors_are_domain_errors(services: Services, office: Office) -> None:
    with pytest.raises(DomainError):
        services.registry.allocate_outgoing(office.clerk, str(uuid.uuid4()))
