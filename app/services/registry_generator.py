"""Fill a registry book with N realistic entries (Vietnamese summaries, issuers with agency codes) for benchmarks
and demos. Bulk inserts in batches; one audit event records the whole generation."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy import insert, select

from app.domain.enums import Direction, DocumentState, Urgency
from app.domain.model import Actor
from app.services.context import StoreContext
from app.store.models import DocumentRow, NumberSeriesRow, RegistryBookRow, RegistryEntryRow

ACTIONS = [
    "triển khai",
    "tăng cường",
    "đôn đốc thực hiện",
    "góp ý dự thảo",
    "báo cáo kết quả",
    "hướng dẫn thực hiện",
    "kiểm tra công tác",
    "tổng kết",
    "phê duyệt",
    "rà soát",
    "đẩy mạnh",
    "tổ chức",
]
TOPICS = [
    "quản lý đất đai",
    "chuyển đổi số",
    "phòng, chống thiên tai",
    "tuyển sinh đầu cấp",
    "an toàn thông tin mạng",
    "cải cách hành chính",
    "xây dựng nông thôn mới",
    "bảo vệ môi trường",
    "phòng cháy, chữa cháy",
    "giải phóng mặt bằng",
    "chữ ký số chuyên dùng",
    "văn thư, lưu trữ",
    "dịch vụ công trực tuyến",
    "tiếp công dân",
    "phòng, chống dịch bệnh",
    "quyết toán ngân sách",
    "đầu tư công",
    "giảm nghèo bền vững",
    "an toàn giao thông",
    "đào tạo, bồi dưỡng cán bộ",
    "thi đua, khen thưởng",
    "quy hoạch sử dụng đất",
]
PLACES = [
    "trên địa bàn tỉnh",
    "tại các xã, phường",
    "trong cơ quan nhà nước",
    "tại huyện Cẩm Xuyên",
    "tại thị xã Kỳ Anh",
    "tại huyện Hương Sơn",
    "tại thành phố Hà Tĩnh",
    "tại huyện Thạch Hà",
    "tại huyện Đức Thọ",
    "tại huyện Nghi Xuân",
]
TYPES = [
    ("Công văn", None),
    ("Quyết định", "QĐ"),
    ("Thông báo", "TB"),
    ("Kế hoạch", "KH"),
    ("Báo cáo", "BC"),
    ("Tờ trình", "TTr"),
    ("Giấy mời", "GM"),
    ("Hướng dẫn", "HD"),
    ("Chỉ thị", "CT"),
]
ISSUERS = [
    ("UBND tỉnh Hà Tĩnh", "000.00.00.H27", "UBND"),
    ("Văn phòng UBND tỉnh", "000.00.01.H27", "VP"),
    ("Sở Tài chính", "000.00.04.H27", "STC"),
    ("Sở Nội vụ", "000.00.05.H27", "SNV"),
    ("Sở Kế hoạch và Đầu tư", "000.00.06.H27", "SKHĐT"),
    ("Sở Tài nguyên và Môi trường", "000.00.09.H27", "STNMT"),
    ("Sở Giáo dục và Đào tạo", "000.00.10.H27", "SGDĐT"),
    ("Sở Y tế", "000.00.11.H27", "SYT"),
    ("Sở Xây dựng", "000.00.13.H27", "SXD"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "000.00.14.H27", "SNN"),
    ("UBND thành phố Hà Tĩnh", "000.00.20.H27", "UBND"),
    ("UBND huyện Cẩm Xuyên", "000.00.21.H27", "UBND"),
    ("UBND huyện Kỳ Anh", "000.00.22.H27", "UBND"),
    ("UBND huyện Hương Khê", "000.00.23.H27", "UBND"),
    ("UBND xã Cẩm Bình", "000.03.21.H27", "UBND"),
    ("UBND phường Bắc Hà", "000.01.20.H27", "UBND"),
    ("Công an tỉnh Hà Tĩnh", "000.00.30.H27", "CAT"),
    ("Bộ Thông tin và Truyền thông", "000.00.00.G14", "BTTTT"),
]
RECIPIENTS = [
    "Văn phòng Sở",
    "Phòng Công nghệ thông tin",
    "Phòng Bưu chính, Viễn thông",
    "Thanh tra Sở",
    "Phòng Thông tin - Báo chí - Xuất bản",
    "Giám đốc Sở",
    "Phó Giám đốc Sở",
]
URGENCY_WEIGHTS = [(Urgency.NORMAL, 90), (Urgency.URGENT, 6), (Urgency.VERY_URGENT, 3), (Urgency.FLASH, 1)]


def _entries(rng: random.Random, n: int, start: datetime) -> Iterator[tuple[dict[str, object], dict[str, object]]]:
    urgencies = [u for u, w in URGENCY_WEIGHTS for _ in range(w)]
    moment = start
    step = timedelta(seconds=max(1, int(365 * 86400 / max(n, 1))))
    for _ in range(n):
        moment += step
        issuer, code, abbr = rng.choice(ISSUERS)
        doc_type, type_abbr = rng.choice(TYPES)
        number = rng.randint(1, 2500)
        notation = f"{type_abbr}-{abbr}" if type_abbr else f"{abbr}-{rng.choice(['VP', 'KT', 'VX', 'NC', 'TH'])}"
        summary = f"V/v {rng.choice(ACTIONS)} {rng.choice(TOPICS)} {rng.choice(PLACES)}"
        if type_abbr:
            summary = summary[4:].capitalize()
        issued: date = (moment - timedelta(days=rng.randint(0, 10))).date()
        urgency = rng.choice(urgencies)
        doc_id = str(uuid.UUID(int=rng.getrandbits(128)))
        utc = moment.astimezone(UTC)
        doc = dict(
            id=doc_id,
            direction=Direction.INCOMING.value,
            doc_type=doc_type,
            number=number,
            notation=notation,
            issued_date=issued,
            issuer_name=issuer,
            issuer_code=code,
            summary=summary,
            urgency=urgency.value,
            confidentiality="none",
            restriction="none",
            needs_paper=False,
            page_count=rng.randint(1, 12),
            state=DocumentState.REGISTERED.value,
            created_at=utc,
            updated_at=utc,
            version=1,
        )
        entry = dict(
            document_id=doc_id,
            registered_at=utc,
            doc_type=doc_type,
            number_notation=f"{number:02d}/{notation}",
            doc_date=issued,
            issuer=issuer,
            summary=summary,
            signer="",
            urgency=urgency.value,
            recipient=rng.choice(RECIPIENTS),
            kept_copy_holder="",
            copies=None,
            note="",
            cancelled=False,
        )
        yield doc, entry


def fill_book(
    ctx: StoreContext,
    actor: Actor,
    book_id: int,
    n: int,
    *,
    seed: int = 1,
    batch: int = 5000,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Append n generated entries to the book, numbered after its last number. Returns the last number."""
    rng = random.Random(seed)
    with ctx.db.session() as s:
        book = s.get(RegistryBookRow, book_id)
        if book is None or book.series_id is None:
            raise ValueError(f"no registry book {book_id}")
        agency_id, series_id, year = book.agency_id, book.series_id, book.year
    start = datetime(year, 1, 1, 7, 30, tzinfo=timezone(timedelta(hours=7)))
    gen = _entries(rng, n, start)
    done = 0
    while done < n:
        chunk = [next(gen) for _ in range(min(batch, n - done))]
        with ctx.db.session() as s:
            series = s.execute(
                select(NumberSeriesRow).where(NumberSeriesRow.id == series_id).with_for_update()
            ).scalar_one()
            first = series.last_number + 1
            s.execute(insert(DocumentRow), [dict(d, agency_id=agency_id) for d, _ in chunk])
            s.execute(
                insert(RegistryEntryRow), [dict(e, book_id=book_id, number=first + i) for i, (_, e) in enumerate(chunk)]
            )
            series.last_number = first + len(chunk) - 1
        done += len(chunk)
        if progress:
            progress(done, n)
    with ctx.db.session() as s:
        last = s.get(NumberSeriesRow, series_id)
        assert last is not None
        ctx.audit.record(s, actor, "registry.generate", "registry_book", str(book_id), {"entries": n, "seed": seed})
        return last.last_number
