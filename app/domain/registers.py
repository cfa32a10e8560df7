"""The official registers of ND30 Appendix IV: their titles and columns, in order (standards.md §3).

Every view, export and printout of a registry book takes its columns from here, so the printed book an agency binds
at year end always has exactly the official columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.enums import RegistryKind


@dataclass(frozen=True)
class RegisterColumn:
    key: str  # stable key used by row data and exports
    title_vi: str  # the official heading, printed as is
    title_en: str
    width: int  # relative width on the landscape page


@dataclass(frozen=True)
class RegisterForm:
    kind: RegistryKind
    title_vi: str  # "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"
    title_en: str
    columns: tuple[RegisterColumn, ...]

    def with_confidentiality(self) -> RegisterForm:
        """Secret registers: same columns plus Độ mật (project design, standards §3)."""
        extra = RegisterColumn("confidentiality", "Độ mật", "Confidentiality", 6)
        return RegisterForm(
            self.kind,
            self.title_vi + " MẬT",
            self.title_en + " (secret)",
            (*self.columns[:-1], extra, self.columns[-1]),
        )


C = RegisterColumn

FORMS: dict[RegistryKind, RegisterForm] = {
    RegistryKind.OUTGOING: RegisterForm(
        RegistryKind.OUTGOING,
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "Outgoing documents register",
        (
            C("number_notation", "Số, ký hiệu văn bản", "Number and notation", 10),
            C("document_date", "Ngày tháng văn bản", "Document date", 8),
            C("type_summary", "Tên loại và trích yếu nội dung văn bản", "Type and summary", 30),
            C("signer", "Người ký", "Signer", 10),
            C("recipients", "Nơi nhận văn bản", "Recipients", 14),
            C("kept_copy_holder", "Đơn vị, người nhận bản lưu", "Unit or person keeping the copy", 10),
            C("copies", "Số lượng bản", "Copies", 5),
            C("transfer_date", "Ngày chuyển", "Transfer date", 7),
            C("receipt_signature", "Ký nhận", "Received (signature)", 7),
            C("note", "Ghi chú", "Notes", 8),
        ),
    ),
    RegistryKind.INCOMING: RegisterForm(
        RegistryKind.INCOMING,
        "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN",
        "Incoming documents register",
        (
            C("arrival_date", "Ngày đến", "Arrival date", 7),
            C("arrival_number", "Số đến", "Arrival no.", 5),
            C("author", "Tác giả", "Issuer", 14),
            C("number_notation", "Số, ký hiệu văn bản", "Number and notation", 10),
            C("document_date", "Ngày tháng văn bản", "Document date", 8),
            C("type_summary", "Tên loại và trích yếu nội dung văn bản", "Type and summary", 30),
            C("recipient", "Đơn vị hoặc người nhận", "Receiving unit or person", 12),
            C("transfer_date", "Ngày chuyển", "Transfer date", 7),
            C("receipt_signature", "Ký nhận", "Received (signature)", 7),
            C("note", "Ghi chú", "Notes", 8),
        ),
    ),
    RegistryKind.POSTAL_DISPATCH: RegisterForm(
        RegistryKind.POSTAL_DISPATCH,
        "SỔ GỬI VĂN BẢN ĐI BƯU ĐIỆN",
        "Postal dispatch register",
        (
            C("transfer_date", "Ngày chuyển", "Dispatch date", 10),
            C("number_notation", "Số, ký hiệu văn bản", "Number and notation", 16),
            C("recipients", "Nơi nhận văn bản", "Recipients", 30),
            C("envelopes", "Số lượng bì", "Envelopes", 8),
            C("post_signature", "Ký nhận và dấu bưu điện", "Post office signature and stamp", 20),
            C("note", "Ghi chú", "Notes", 16),
        ),
    ),
    RegistryKind.KEPT_COPY_USE: RegisterForm(
        RegistryKind.KEPT_COPY_USE,
        "SỔ SỬ DỤNG BẢN LƯU",
        "Register of use of kept copies",
        (
            C("date", "Ngày tháng", "Date", 8),
            C("user_name", "Họ tên người sử dụng", "User's full name", 14),
            C("number_notation_date", "Số, ký hiệu ngày tháng văn bản", "Number, notation and date", 14),
            C("type_summary", "Tên loại và trích yếu nội dung văn bản", "Type and summary", 26),
            C("dossier_code", "Số và ký hiệu HS", "Dossier number and notation", 9),
            C("receipt_signature", "Ký nhận", "Received (signature)", 7),
            C("return_date", "Ngày trả", "Return date", 7),
            C("approved_by", "Người cho phép sử dụng", "Approved by", 10),
            C("note", "Ghi chú", "Notes", 7),
        ),
    ),
    RegistryKind.INCOMING_FOLLOW_UP: RegisterForm(
        RegistryKind.INCOMING_FOLLOW_UP,
        "SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN",
        "Incoming handling follow-up register",
        (
            C("arrival_number", "Số đến", "Arrival no.", 6),
            C(
                "document_identity",
                "Tên loại, số, ký hiệu, ngày, tháng và tên cơ quan, tổ chức ban hành văn bản",
                "Type, number, notation, date and issuer",
                30,
            ),
            C("recipient", "Đơn vị hoặc người nhận", "Receiving unit or person", 14),
            C("deadline", "Thời hạn giải quyết", "Deadline", 9),
            C("progress", "Tiến độ giải quyết", "Progress", 14),
            C("reply_number", "Số, ký hiệu văn bản trả lời", "Reply number and notation", 12),
            C("note", "Ghi chú", "Notes", 8),
        ),
    ),
}


def form_for(kind: RegistryKind, *, confidential: bool = False) -> RegisterForm:
    form = FORMS[kind]
    return form.with_confidentiality() if confidential else form
