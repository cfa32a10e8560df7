"""Enumerations of the domain (design §4). Values are stored in the database: never rename a value."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"
    LEADER = "leader"
    DEPUTY = "deputy"
    SPECIALIST = "specialist"
    ADMIN = "admin"


class AgencyLevel(StrEnum):
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    OTHER = "other"


class Direction(StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"
    INTERNAL = "internal"


class Urgency(StrEnum):
    """ND30 App I §III.2.b; edXML Priority codes 0..4 (standards §5.4)."""

    NORMAL = "normal"
    URGENT = "urgent"  # Khẩn
    VERY_URGENT = "very_urgent"  # Thượng khẩn
    FLASH = "flash"  # Hỏa tốc
    FLASH_TIMED = "flash_timed"  # Hỏa tốc hẹn giờ

    @property
    def is_urgent(self) -> bool:
        return self is not Urgency.NORMAL


class Confidentiality(StrEnum):
    NONE = "none"
    SECRET = "secret"  # Mật
    TOP_SECRET = "top_secret"  # Tối mật
    ABSOLUTE_SECRET = "absolute_secret"  # Tuyệt mật


class RestrictionStamp(StrEnum):
    """Seed Art 6 circulation marks: documents carrying one stay off electronic sending."""

    NONE = "none"
    RETURN_AFTER_MEETING = "return_after_meeting"  # TRẢ LẠI SAU KHI HỌP
    RETURN_AFTER_READING = "return_after_reading"  # XEM XONG TRẢ LẠI
    INTERNAL_CIRCULATION = "internal_circulation"  # LƯU HÀNH NỘI BỘ
    RECALLED = "recalled"  # TÀI LIỆU THU HỒI


class DocumentState(StrEnum):
    # incoming
    RECEIVED = "received"
    REGISTERED = "registered"
    PRESENTED = "presented"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    REJECTED = "rejected"
    FOR_INFORMATION = "for_information"
    # outgoing
    DRAFT = "draft"
    SUBMITTED = "submitted"
    SIGNED = "signed"
    NUMBERED = "numbered"
    SEALED = "sealed"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    RETURNED = "returned"
    # both
    CANCELLED = "cancelled"


class RegistryKind(StrEnum):
    """The registers of ND30 Appendix IV."""

    INCOMING = "incoming"  # Sổ đăng ký văn bản đến
    OUTGOING = "outgoing"  # Sổ đăng ký văn bản đi
    POSTAL_DISPATCH = "postal_dispatch"  # Sổ gửi văn bản đi bưu điện
    KEPT_COPY_USE = "kept_copy_use"  # Sổ sử dụng bản lưu
    INCOMING_FOLLOW_UP = "incoming_follow_up"  # Sổ theo dõi giải quyết văn bản đến


class FileRole(StrEnum):
    MAIN = "main"
    APPENDIX = "appendix"
    OCR_TEXT = "ocr_text"
    ATTACHMENT = "attachment"
