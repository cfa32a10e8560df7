"""The agency directory at a realistic size (100,000 agencies): paging, search, registration."""

from __future__ import annotations

import pytest

from app.services.exchange import ExchangeError, is_valid_agency_code
from tests.integration.exchange.conftest import SEED_AGENCIES, Sandbox

pytestmark = pytest.mark.xdist_group("axis_sandbox")  # one sandbox process serves them all


def test_directory_of_100k_agencies_pages_without_gaps(axis: Sandbox) -> None:
    code, secret = axis.new_agency()
    with axis.client(code, secret) as client:
        first = client.list_agencies(page=1, page_size=1000)
        second = client.list_agencies(page=2, page_size=1000)
        last_page = (first.total + 999) // 1000
        last = client.list_agencies(page=last_page, page_size=1000)
    assert first.total >= SEED_AGENCIES
    assert len(first.items) == len(second.items) == 1000
    codes = [a.code for a in (*first.items, *second.items)]
    assert codes == sorted(codes) and len(set(codes)) == 2000
    assert 0 < len(last.items) <= 1000
    assert all(is_valid_agency_code(c) for c in codes)


def test_directory_search_ignores_accents_and_finds_codes(axis: Sandbox) -> None:
    code, secret = axis.new_agency()
    with axis.client(code, secret) as client:
        by_name = client.list_agencies(search="ubnd tinh ha tinh")
        by_code = client.list_agencies(search="000.00.00.H27")
        children = list(client.iter_agencies(parent="000.00.00.H27", page_size=7))
    assert by_name.items[0].name == "UBND tỉnh Hà Tĩnh"  # ordered by code: the PPC first
    assert all("UBND tỉnh Hà Tĩnh" in a.name for a in by_name.items)
    assert [a.code for a in by_code.items] == ["000.00.00.H27"]
    assert len(children) > 7 and all(a.parent_code == "000.00.00.H27" and a.level == 2 for a in children)
    assert "Sở Nội vụ tỉnh Hà Tĩnh" in {a.name for a in children}


def test_agency_registers_a_unit_below_it_but_not_elsewhere(axis: Sandbox) -> None:
    code, secret = axis.new_agency("Sở Thử Nghiệm")
    child = "000.07." + code.split(".", 2)[2]
    with axis.client(code, secret) as client:
        created = client.register_agency(child, "Trung tâm Thử nghiệm số", parent_code=code, mail="tt@example.vn")
        found = client.list_agencies(search="trung tam thu nghiem so")
        with pytest.raises(ExchangeError) as elsewhere:
            client.register_agency("000.01.01.H27", "Không thuộc quyền")
        with pytest.raises(ExchangeError) as invalid:
            client.register_agency("000.07.00.H27", "Mã sai")
        with pytest.raises(ExchangeError) as again:
            client.register_agency(child, "Trung tâm Thử nghiệm số")
        client.delete_agency(child)
        gone = client.list_agencies(search=child)
    assert (created.code, created.parent_code, created.level) == (child, code, 3)
    assert [a.code for a in found.items] == [child]
    assert elsewhere.value.code == "axis.forbidden"
    assert invalid.value.code == "axis.rejected"
    assert again.value.code == "axis.rejected" and again.value.params["http_status"] == 409
    assert gone.items == ()
