"""The demo agency: a real-looking provincial department with units, one user per role, this year's registry books
and about 30 documents rendered in the official layout, so a new user sees a working office on first start."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.domain.clock import VN_TZ
from app.domain.date_line import format_date_line
from app.domain.enums import (
    AgencyLevel,
    Direction,
    DocumentState,
    RegistryKind,
    Role,
    Urgency,
)
from app.domain.model import Actor, Document
from app.services.context import StoreContext
from app.services.documents import DocumentService
from app.services.passwords import hash_password
from app.services.registry import RegistryService
from app.store.repositories import AgencyRepository, RegistryRepository, UserRepository

if TYPE_CHECKING:
    from app.services.official_pdf import RenderedPdf
    from app.services.signing.service import SigningService

DEMO_PASSWORD = "VanThu@2026"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    position: str
    role: Role
    unit: str  # unit abbreviation
    password: str = DEMO_PASSWORD


@dataclass(frozen=True)
class DemoSummary:
    agency_code: str
    users: int
    documents: int
    books: int


AGENCY = {
    "code": "000.00.12.H27",
    "name": "Sở Thông tin và Truyền thông",
    "abbreviation": "STTTT",
    "parent_code": "000.00.00.H27",
    "parent_name": "UBND tỉnh Hà Tĩnh",
    "place_name": "Hà Tĩnh",
}

UNITS = [
    ("Văn phòng Sở", "VP"),
    ("Phòng Công nghệ thông tin", "CNTT"),
    ("Phòng Bưu chính, Viễn thông", "BCVT"),
    ("Phòng Thông tin - Báo chí - Xuất bản", "TTBCXB"),
    ("Thanh tra Sở", "TTr"),
]

ACCOUNTS = [
    DemoAccount("vanthu", "Trần Thị Hoa", "Văn thư", Role.CLERK, "VP"),
    DemoAccount("giamdoc", "Nguyễn Văn An", "Giám đốc", Role.LEADER, "VP"),
    DemoAccount("phogiamdoc", "Lê Minh Tuấn", "Phó Giám đốc", Role.DEPUTY, "VP"),
    DemoAccount("chuyenvien", "Phạm Thị Lan", "Chuyên viên", Role.SPECIALIST, "CNTT"),
    DemoAccount("quantri", "Hoàng Văn Nam", "Quản trị hệ thống", Role.ADMIN, "CNTT"),
]

BOOKS = [
    (RegistryKind.INCOMING, "Sổ đăng ký văn bản đến", "incoming", False),
    (RegistryKind.INCOMING, "Sổ đăng ký văn bản đến (mật)", "incoming-secret", True),
    (RegistryKind.OUTGOING, "Sổ đăng ký văn bản đi", "admin", False),
    (RegistryKind.OUTGOING, "Sổ đăng ký văn bản đi (mật)", "secret", True),
]

# (name, agency code, abbreviation, parent agency line of the header, -, signer, signer's position, authority)
Issuer = tuple[str, str, str, str | None, None, str, str, str]
ISSUERS: list[Issuer] = [
    ("UBND tỉnh Hà Tĩnh", "000.00.00.H27", "UBND", None, None, "Võ Trọng Hải", "CHỦ TỊCH", ""),
    ("Văn phòng UBND tỉnh", "000.00.01.H27", "VP", "UBND TỈNH HÀ TĨNH", None, "Trần Tú Anh", "CHÁNH VĂN PHÒNG", ""),
    ("Sở Tài chính", "000.00.04.H27", "STC", "UBND TỈNH HÀ TĨNH", None, "Nguyễn Thị Hương", "PHÓ GIÁM ĐỐC",
     "KT. GIÁM ĐỐC"),
    ("Sở Nội vụ", "000.00.05.H27", "SNV", "UBND TỈNH HÀ TĨNH", None, "Lê Văn Minh", "GIÁM ĐỐC", ""),
    ("Sở Tài nguyên và Môi trường", "000.00.09.H27", "STNMT", "UBND TỈNH HÀ TĨNH", None, "Hồ Huy Thành",
     "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
    ("UBND huyện Cẩm Xuyên", "000.00.21.H27", "UBND", None, None, "Đặng Quốc Vinh", "CHỦ TỊCH", ""),
    ("UBND thành phố Hà Tĩnh", "000.00.20.H27", "UBND", None, None, "Dương Tất Thắng",
     "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH"),
    ("Bộ Thông tin và Truyền thông", "000.00.00.G14", "BTTTT", None, None, "Phạm Đức Long", "THỨ TRƯỞNG",
     "KT. BỘ TRƯỞNG"),
]

SUBJECTS = [
    ("Công văn", None, "V/v triển khai kế hoạch chuyển đổi số năm 2026"),
    ("Quyết định", "QĐ", "Về việc phê duyệt danh mục hồ sơ năm 2026"),
    ("Thông báo", "TB", "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về đất đai"),
    ("Kế hoạch", "KH", "Thực hiện công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026"),
    ("Báo cáo", "BC", "Tình hình ứng dụng công nghệ thông tin trong cơ quan nhà nước quý III"),
    ("Công văn", None, "V/v đôn đốc gửi, nhận văn bản điện tử qua trục liên thông"),
    ("Giấy mời", "GM", "Dự hội nghị tổng kết công tác văn thư, lưu trữ năm 2026"),
    ("Tờ trình", "TTr", "Đề nghị phê duyệt dự án hạ tầng số dùng chung của tỉnh"),
    ("Hướng dẫn", "HD", "Lập hồ sơ và nộp lưu hồ sơ, tài liệu điện tử vào Lưu trữ cơ quan"),
    ("Công văn", None, "V/v góp ý dự thảo Quy chế quản lý, sử dụng chữ ký số chuyên dùng"),
    ("Thông báo", "TB", "Lịch tiếp công dân định kỳ tháng 12 năm 2026"),
    ("Quyết định", "QĐ", "Về việc thành lập Tổ công tác triển khai Đề án 06 trên địa bàn tỉnh"),
    ("Kế hoạch", "KH", "Tuyển sinh vào lớp 10 trung học phổ thông năm học 2026 - 2027"),
    ("Công văn", None, "V/v tăng cường bảo đảm an toàn thông tin mạng dịp cuối năm"),
    ("Báo cáo", "BC", "Kết quả cải cách hành chính năm 2026 và phương hướng năm 2027"),
]

BODY = [
    "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư và Quyết định "
    "số 33/2019/QĐ-UBND của Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Quy định về tiếp nhận, xử lý, phát hành và quản lý "
    "văn bản điện tử trong hoạt động của các cơ quan hành chính nhà nước trên địa bàn tỉnh.",
    "Đề nghị các cơ quan, đơn vị, địa phương tổ chức triển khai thực hiện nghiêm túc, đúng tiến độ; trong quá trình "
    "thực hiện nếu có khó khăn, vướng mắc, kịp thời phản ánh về cơ quan thường trực để tổng hợp, báo cáo cấp có thẩm "
    "quyền xem xét, giải quyết theo quy định.",
    "Giao Văn phòng chủ trì, phối hợp với các phòng chuyên môn theo dõi, đôn đốc, kiểm tra việc thực hiện; định kỳ "
    "hằng quý tổng hợp kết quả, báo cáo lãnh đạo trước ngày 20 của tháng cuối quý.",
]

URGENCIES = [Urgency.NORMAL] * 7 + [Urgency.URGENT, Urgency.URGENT, Urgency.VERY_URGENT, Urgency.FLASH]


class DemoSetup:
    def __init__(self, ctx: StoreContext, signing: SigningService | None = None) -> None:
        self._ctx = ctx
        self._signing = signing

    @staticmethod
    def accounts() -> list[DemoAccount]:
        """For the login screen in demo mode only."""
        return list(ACCOUNTS)

    def create(self, *, incoming: int = 18, outgoing: int = 12, seed: int = 2026, activity: bool = True,
               agency_fields: Mapping[str, str] | None = None) -> DemoSummary:
        """The demo agency, its people, books and documents; with `activity`, a working day on top of them (inbox,
        tasks, postal dispatches, a lent kept copy) so every page shows real content. `agency_fields` overrides keys of
        AGENCY (code, name, abbreviation, …): the two-office demo gives each office its own."""
        own_agency = {**AGENCY, **(agency_fields or {})}
        rng = random.Random(seed)
        now = self._ctx.clock()
        actor = Actor.system("demo-setup")
        with self._ctx.db.session() as s:
            agencies = AgencyRepository(s)
            agency = agencies.add(level=AgencyLevel.PROVINCE, is_own=True, **own_agency)
            units = {abbr: agencies.add_unit(agency.id, name, abbr) for name, abbr in UNITS}
            users = UserRepository(s)
            created = {}
            for acc in ACCOUNTS:
                created[acc.username] = users.add(
                    agency_id=agency.id, unit_id=units[acc.unit].id, username=acc.username, full_name=acc.full_name,
                    position=acc.position, password_hash=hash_password(acc.password), roles=[acc.role],
                    created_at=now)
            registry = RegistryRepository(s)
            books = {
                (kind, confidential): registry.add_book(agency_id=agency.id, kind=kind, year=now.year, name=name,
                                                        series_key=key, confidential=confidential)
                for kind, name, key, confidential in BOOKS
            }
            self._ctx.audit.record(s, actor, "demo.create", "agency", agency.code, {"name": agency.name})
        tokens = None
        if self._signing is not None:  # one token per leader/deputy and the agency's seal token (SoftHSM2)
            signers = [(Actor.of(created[a.username]), a.position) for a in ACCOUNTS
                       if a.role in (Role.LEADER, Role.DEPUTY)]
            tokens = self._signing.setup_demo_tokens(signers, own_agency["name"])
        docs = DocumentService(self._ctx)
        reg = RegistryService(self._ctx)
        count = 0
        in_book = books[(RegistryKind.INCOMING, False)].id
        for i in range(incoming):
            issuer = ISSUERS[i % len(ISSUERS)]
            doc_type, abbr, summary = SUBJECTS[(i * 7) % len(SUBJECTS)]
            issued = (now - timedelta(days=rng.randint(1, 60))).date()
            number = rng.randint(1, 950)
            notation = f"{abbr}-{issuer[2]}" if abbr else f"{issuer[2]}-{rng.choice(['VP', 'KT', 'VX', 'NC'])}"
            urgency = URGENCIES[i % len(URGENCIES)]
            pdf = _render(issuer, doc_type, abbr, summary, number, notation, issued, urgency)
            draft = Document(id=str(uuid.UUID(int=rng.getrandbits(128))), direction=Direction.INCOMING,
                             doc_type=doc_type, summary=summary, state=DocumentState.RECEIVED,
                             issuer_name=issuer[0], issuer_code=issuer[1], number=number, notation=notation,
                             issued_date=issued, signer_name=issuer[5], signer_position=issuer[6].capitalize(),
                             urgency=urgency, page_count=pdf.page_count)
            doc = docs.create(actor, draft, pdf.pdf, f"{number:02d}_{notation}.pdf")
            reg.register(actor, in_book, doc.id, recipient=UNITS[i % len(UNITS)][0])
            count += 1
        out_book = books[(RegistryKind.OUTGOING, False)].id
        abbreviation = own_agency["abbreviation"]
        own = (own_agency["name"], own_agency["code"], abbreviation, own_agency["parent_name"].upper(), None,
               ACCOUNTS[1].full_name, "GIÁM ĐỐC", "")
        sealer = None
        if self._signing is not None and tokens is not None:
            sealer = _DemoSealer(self._ctx, self._signing, leader=Actor.of(created["giamdoc"]),
                                 clerk=Actor.of(created["vanthu"]), place=own_agency["place_name"])
        try:
            for i in range(outgoing):
                doc_type, abbr, summary = SUBJECTS[(i * 4 + 3) % len(SUBJECTS)]
                issued = (now - timedelta(days=outgoing - i)).date()
                number = i + 1  # the book is new: registration below gives exactly this number
                notation = f"{abbr}-{abbreviation}" if abbr else f"{abbreviation}-{UNITS[i % len(UNITS)][1]}"
                draft = Document(id=str(uuid.UUID(int=rng.getrandbits(128))), direction=Direction.OUTGOING,
                                 doc_type=doc_type, summary=summary, state=DocumentState.SEALED,
                                 issuer_name=own_agency["name"], issuer_code=own_agency["code"], number=number,
                                 notation=notation, issued_date=issued, signer_name=ACCOUNTS[1].full_name,
                                 signer_position="Giám đốc")
                if sealer is not None:  # drafted blank, signed by the leader, numbered and sealed by the clerk
                    rendered = _render(own, doc_type, abbr, summary, number, notation, issued, Urgency.NORMAL,
                                       draft=True, place=own_agency["place_name"])
                    file = sealer.seal(rendered, draft, minutes=i * 23)
                else:  # no SoftHSM2: the number and date printed in, no signature
                    rendered = _render(own, doc_type, abbr, summary, number, notation, issued, Urgency.NORMAL)
                    file = rendered.pdf
                draft = replace(draft, page_count=rendered.page_count)
                doc = docs.create(actor, draft, file, f"{number:02d}_{notation}.pdf")
                entry = reg.register(actor, out_book, doc.id, recipient="UBND tỉnh; các sở, ban, ngành", copies=3,
                                     state=DocumentState.SEALED)
                assert entry.number == number, "demo outgoing book was not empty"
                count += 1
        finally:
            if sealer is not None:
                sealer.close()
        if activity:
            from app.services.demo_activity import add_demo_activity

            add_demo_activity(self._ctx, clerk="vanthu", leader="giamdoc", specialist="chuyenvien",
                              coordinator="vanthu")
        return DemoSummary(agency.code, len(ACCOUNTS), count, len(BOOKS))


def _render(issuer: Issuer, doc_type: str, abbr: str | None, summary: str, number: int, notation: str, issued: date,
            urgency: Urgency, *, draft: bool = False, place: str = "Hà Tĩnh") -> RenderedPdf:
    from app.services import official_pdf  # reportlab is loaded only when documents are generated

    return official_pdf.render_demo(issuer, doc_type, abbr, summary, number, notation, issued, urgency, BODY,
                                    draft=draft, place=place)


class _DemoClock:
    """The signing time of the document being sealed: the demo's documents were issued on past days, and their
    signatures should say so (the signing service takes its time from its context's clock)."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at


class _DemoSealer:
    """Signs and seals the demo's outgoing documents through the signing service, as issuing does: the leader signs
    the blank draft, the clerk fills the number and date line and seals. A second service on the same tokens, whose
    clock is set to each document's issued day, so the signatures carry that day and not the demo's creation time."""

    def __init__(self, ctx: StoreContext, signing: SigningService, *, leader: Actor, clerk: Actor,
                 place: str) -> None:
        from app.services.signing.service import SigningService

        self._clock = _DemoClock(ctx.clock())
        self._service = SigningService(replace(ctx, clock=self._clock), signing.config)
        self._leader, self._clerk, self._place = leader, clerk, place

    def seal(self, draft: RenderedPdf, doc: Document, *, minutes: int) -> bytes:
        """Signed at 08:00 (plus `minutes`) on the issued day, sealed 40 minutes later. The fields go where the
        renderer drew the number, date and signer block (known exactly, no text search needed)."""
        from app.services.signing.pki import DEMO_USER_PIN
        from app.services.signing.sign import SigningLayout

        assert doc.issued_date is not None and doc.signer_name is not None and doc.signer_position is not None
        signed_at = datetime.combine(doc.issued_date, time(8, 0), tzinfo=VN_TZ) + timedelta(minutes=minutes % 480)
        service = self._service
        layout = SigningLayout(number_box=draft.number_box, date_box=draft.date_box, signer_box=draft.signer_box)
        prepared = service.prepare(draft.pdf, signer_name=doc.signer_name, signer_title=doc.signer_position.upper(),
                                   layout=layout)
        self._clock.at = signed_at
        signed = service.sign_leader(self._leader, prepared, DEMO_USER_PIN)
        self._clock.at = signed_at + timedelta(minutes=40)
        return service.number_and_seal(self._clerk, signed, number_notation=doc.number_notation,
                                       date_line=format_date_line(self._place, doc.issued_date), pin=DEMO_USER_PIN)

    def close(self) -> None:
        self._service.close()
