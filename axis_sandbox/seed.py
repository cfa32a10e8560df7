"""A realistic, deterministic agency directory (standards §6) so paging and search meet real sizes.

The tree follows the provincial pattern of Hà Tĩnh Decision 2803/QĐ-UBND: a PPC at level 1 (`000.00.00.Hxx`),
departments and district PCs at level 2, their units and the communes at level 3, schools and health
stations under communes at level 4. Ministries get `G` codes. Names are invented but read like real ones.
Rows come out level by level and, inside a level, spread over provinces, so a small seed still covers
every province and a big one stays balanced. Province numbers are sequential in name order, except the
six codes standards §6 names (H27 Hà Tĩnh, H49 Quảng Ninh, …), which are kept.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định",
    "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
    "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Thành phố Hồ Chí Minh", "Trà Vinh",
    "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)
CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Thành phố Hồ Chí Minh"}  # centrally-run: "thành phố"
FIXED_PROVINCE_CODES = {
    "Hà Tĩnh": 27, "Quảng Ninh": 49, "Hậu Giang": 30, "Lào Cai": 38, "Thái Nguyên": 55, "Đồng Tháp": 20,
}
MINISTRIES = (
    "Bộ Công an", "Bộ Quốc phòng", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp", "Bộ Kế hoạch và Đầu tư",
    "Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Giao thông vận tải",
    "Bộ Xây dựng", "Bộ Tài nguyên và Môi trường", "Bộ Thông tin và Truyền thông",
    "Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ",
    "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Ủy ban Dân tộc", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ",
    "Văn phòng Chính phủ",
)
MINISTRY_UNITS = (
    "Văn phòng", "Vụ Tổ chức cán bộ", "Vụ Pháp chế", "Vụ Kế hoạch - Tài chính", "Vụ Hợp tác quốc tế", "Thanh tra",
    "Cục Công nghệ thông tin", "Trung tâm Thông tin", "Viện Chiến lược và Chính sách", "Báo điện tử",
    "Tạp chí", "Trường Cán bộ quản lý", "Cục Quản lý chất lượng", "Vụ Thi đua - Khen thưởng", "Vụ Tổng hợp",
)
DEPARTMENTS = (
    "Văn phòng Đoàn ĐBQH, HĐND và UBND", "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính",
    "Sở Công Thương", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Xây dựng",
    "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Thanh tra", "Ban Dân tộc", "Ban Quản lý Khu kinh tế", "Đài Phát thanh - Truyền hình",
)
DEPARTMENT_UNITS = (
    "Văn phòng", "Thanh tra", "Trung tâm Công nghệ thông tin", "Trung tâm Dịch vụ công", "Chi cục Quản lý",
    "Trung tâm Lưu trữ",
)
DISTRICT_OFFICES = (
    "Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "Phòng Tư pháp",
    "Phòng Tài nguyên và Môi trường", "Phòng Giáo dục và Đào tạo", "Phòng Văn hóa và Thông tin",
    "Phòng Lao động - Thương binh và Xã hội",
)
COMMUNE_UNITS = ("Trường Mầm non", "Trường Tiểu học", "Trường THCS", "Trạm Y tế xã")
DISTRICTS_PER_PROVINCE = 15
COMMUNES_PER_DISTRICT = 25
_FIRST = (
    "Thạch", "Cẩm", "Kỳ", "Hương", "Đức", "Xuân", "Tân", "Phú", "Vĩnh", "Bình", "An", "Hòa", "Quang", "Thanh",
    "Yên", "Đông", "Tây", "Nam", "Bắc", "Trung", "Hồng", "Mỹ", "Long", "Phúc", "Gia", "Sơn", "Thiên", "Lộc",
    "Hải", "Minh",
)
_SECOND = (
    "Hà", "Lạc", "Sơn", "Lâm", "Bình", "Long", "Trung", "Hưng", "Thịnh", "Phong", "Thủy", "Lợi", "Tiến", "Châu",
    "Điền", "Mỹ", "Hải", "Vinh", "Lộc", "Đông", "Tân", "Yên", "Hòa", "Thành", "Xuân", "Phú", "Nam", "Bắc",
    "Giang", "Khê",
)


@dataclass(frozen=True)
class SeedAgency:
    code: str
    pcode: str
    name: str
    mail: str
    level: int


def search_key(text: str) -> str:
    """Lower case without diacritics (đ → d), so 'ha tinh' finds 'Hà Tĩnh' with a plain LIKE."""
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def province_codes() -> dict[str, str]:
    """Province name → level-1 suffix `Hxx`."""
    taken = set(FIXED_PROVINCE_CODES.values())
    free = (n for n in range(1, 100) if n not in taken)
    out: dict[str, str] = {}
    for name in PROVINCES:
        number = FIXED_PROVINCE_CODES.get(name) or next(free)
        out[name] = f"H{number:02d}"
    return out


def capacity() -> int:
    per_province = (
        1
        + len(DEPARTMENTS)
        + DISTRICTS_PER_PROVINCE
        + len(DEPARTMENTS) * len(DEPARTMENT_UNITS)
        + DISTRICTS_PER_PROVINCE * (len(DISTRICT_OFFICES) + COMMUNES_PER_DISTRICT)
        + DISTRICTS_PER_PROVINCE * COMMUNES_PER_DISTRICT * len(COMMUNE_UNITS)
    )
    return len(PROVINCES) * per_province + len(MINISTRIES) * (1 + len(MINISTRY_UNITS))


def _mail(code: str, domain: str) -> str:
    return f"vanthu.{code.replace('.', '-').lower()}@{domain}.gov.vn"


def _of(province: str) -> str:
    if province.startswith("Thành phố"):
        return "thành phố" + province[len("Thành phố"):]
    return f"thành phố {province}" if province in CITIES else f"tỉnh {province}"


def _place_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}"
        if name not in used:
            used.add(name)
            return name


def generate(count: int, *, seed: int = 2803) -> Iterator[SeedAgency]:
    """The first `count` agencies of the tree; at most `capacity()`."""
    if count > capacity():
        raise ValueError(f"the generated directory holds at most {capacity()} agencies; asked for {count}")
    return _take(_all(seed), count)


def _take(rows: Iterator[SeedAgency], count: int) -> Iterator[SeedAgency]:
    for i, row in enumerate(rows):
        if i >= count:
            return
        yield row


def _all(seed: int) -> Iterator[SeedAgency]:
    rng = random.Random(seed)
    codes = province_codes()
    provinces = [(name, codes[name], search_key(name).replace(" ", "").replace("-", "")) for name in PROVINCES]
    # place names: districts[p][d], communes[p][d][c], unique inside a province
    districts: list[list[str]] = []
    communes: list[list[list[str]]] = []
    for _ in provinces:
        used: set[str] = set()
        districts.append([_place_name(rng, used) for _ in range(DISTRICTS_PER_PROVINCE)])
        communes.append([[_place_name(rng, used) for _ in range(COMMUNES_PER_DISTRICT)]
                         for _ in range(DISTRICTS_PER_PROVINCE)])

    # level 1
    for i, name in enumerate(MINISTRIES, start=1):
        yield SeedAgency(f"000.00.00.G{i:02d}", "", name, _mail(f"000.00.00.G{i:02d}", "chinhphu"), 1)
    for name, suffix, domain in provinces:
        yield SeedAgency(f"000.00.00.{suffix}", "", f"UBND {_of(name)}", _mail(f"000.00.00.{suffix}", domain), 1)
    # level 2
    for j, unit in enumerate(MINISTRY_UNITS, start=1):
        for i, ministry in enumerate(MINISTRIES, start=1):
            code = f"000.00.{j:02d}.G{i:02d}"
            yield SeedAgency(code, f"000.00.00.G{i:02d}", f"{unit} - {ministry}", _mail(code, "chinhphu"), 2)
    for j, dept in enumerate(DEPARTMENTS, start=1):
        for name, suffix, domain in provinces:
            code = f"000.00.{j:02d}.{suffix}"
            yield SeedAgency(code, f"000.00.00.{suffix}", f"{dept} {_of(name)}", _mail(code, domain), 2)
    first_district = len(DEPARTMENTS) + 1
    for d in range(DISTRICTS_PER_PROVINCE):
        for p, (_name, suffix, domain) in enumerate(provinces):
            code = f"000.00.{first_district + d:02d}.{suffix}"
            kind = "thành phố" if d == 0 else "huyện"
            yield SeedAgency(code, f"000.00.00.{suffix}", f"UBND {kind} {districts[p][d]}", _mail(code, domain), 2)
    # level 3
    for k, unit in enumerate(DEPARTMENT_UNITS, start=1):
        for j, dept in enumerate(DEPARTMENTS, start=1):
            for name, suffix, domain in provinces:
                code = f"000.{k:02d}.{j:02d}.{suffix}"
                parent = f"000.00.{j:02d}.{suffix}"
                yield SeedAgency(code, parent, f"{unit} - {dept} {_of(name)}", _mail(code, domain), 3)
    for k in range(len(DISTRICT_OFFICES) + COMMUNES_PER_DISTRICT):
        for d in range(DISTRICTS_PER_PROVINCE):
            for p, (_name, suffix, domain) in enumerate(provinces):
                code = f"000.{k + 1:02d}.{first_district + d:02d}.{suffix}"
                parent = f"000.00.{first_district + d:02d}.{suffix}"
                district = districts[p][d]
                if k < len(DISTRICT_OFFICES):
                    label = f"{DISTRICT_OFFICES[k]} huyện {district}"
                else:
                    label = f"UBND xã {communes[p][d][k - len(DISTRICT_OFFICES)]}"
                yield SeedAgency(code, parent, label, _mail(code, domain), 3)
    # level 4: schools and health stations under communes
    for u, unit in enumerate(COMMUNE_UNITS, start=1):
        for c in range(COMMUNES_PER_DISTRICT):
            for d in range(DISTRICTS_PER_PROVINCE):
                for p, (_name, suffix, domain) in enumerate(provinces):
                    zz = len(DISTRICT_OFFICES) + c + 1
                    code = f"{u:03d}.{zz:02d}.{first_district + d:02d}.{suffix}"
                    parent = f"000.{zz:02d}.{first_district + d:02d}.{suffix}"
                    yield SeedAgency(code, parent, f"{unit} {communes[p][d][c]}", _mail(code, domain), 4)
