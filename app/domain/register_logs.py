"""The three smaller registers of ND30 Appendix IV beside the incoming and outgoing books.

- Postal dispatch (sổ gửi văn bản đi bưu điện): one line per batch of envelopes handed to the post office; the post
  office signs and stamps the printed book, so that column stays empty here.
- Use of kept copies (sổ sử dụng bản lưu): who borrowed or read which kept copy, who allowed it, when it came back.
- Follow-up of incoming handling (sổ theo dõi giải quyết văn bản đến): not typed by anyone; it is read from the
  incoming book and the processing workflow, so it can never disagree with them.

Lines are numbered per agency, register and year (the "STT" of the printed book) and are never deleted: a mistaken
line is cancelled with a reason, like an entry of the main books.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.errors import ValidationError

MAX_ENVELOPES = 10_000


def _d(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _with_cancel_mark(note: str, cancelled: bool) -> str:
    if cancelled and "Hủy" not in note:
        return ("Đã hủy; " + note) if note else "Đã hủy"
    return note


@dataclass(frozen=True)
class PostalDispatchForm:
    """What the clerk fills for one dispatch; `document_id` links it to the outgoing document when known."""

    dispatched_on: date
    number_notation: str
    recipients: str
    envelopes: int = 1
    note: str = ""
    document_id: str | None = None

    def validated(self, today: date) -> PostalDispatchForm:
        if not self.number_notation.strip():
            raise ValidationError("register.number_notation_empty")
        if not self.recipients.strip():
            raise ValidationError("register.recipients_empty")
        if not 1 <= self.envelopes <= MAX_ENVELOPES:
            raise ValidationError("register.envelopes_range", maximum=MAX_ENVELOPES)
        if self.dispatched_on > today:
            raise ValidationError("registry.date_in_future", date=_d(self.dispatched_on))
        return PostalDispatchForm(
            self.dispatched_on,
            self.number_notation.strip(),
            self.recipients.strip(),
            self.envelopes,
            self.note.strip(),
            self.document_id,
        )


@dataclass(frozen=True)
class PostalDispatch:
    id: int
    year: int
    number: int
    dispatched_on: date
    number_notation: str
    recipients: str
    envelopes: int
    note: str
    document_id: str | None
    cancelled: bool = False

    def cells(self) -> dict[str, str]:
        return {
            "transfer_date": _d(self.dispatched_on),
            "number_notation": self.number_notation,
            "recipients": self.recipients,
            "envelopes": str(self.envelopes),
            "post_signature": "",
            "note": _with_cancel_mark(self.note, self.cancelled),
        }


@dataclass(frozen=True)
class KeptCopyUseForm:
    """A loan or reading of a kept copy; `approved_by` is the person who allowed it (ND30 Art 31)."""

    used_on: date
    user_name: str
    number_notation_date: str
    type_summary: str
    approved_by: str
    dossier_code: str = ""
    note: str = ""
    document_id: str | None = None

    def validated(self, today: date) -> KeptCopyUseForm:
        if not self.user_name.strip():
            raise ValidationError("register.user_name_empty")
        if not self.number_notation_date.strip():
            raise ValidationError("register.number_notation_empty")
        if not self.approved_by.strip():
            raise ValidationError("register.approved_by_empty")
        if self.used_on > today:
            raise ValidationError("registry.date_in_future", date=_d(self.used_on))
        return KeptCopyUseForm(
            self.used_on,
            self.user_name.strip(),
            self.number_notation_date.strip(),
            self.type_summary.strip(),
            self.approved_by.strip(),
            self.dossier_code.strip(),
            self.note.strip(),
            self.document_id,
        )


@dataclass(frozen=True)
class KeptCopyUse:
    id: int
    year: int
    number: int
    used_on: date
    user_name: str
    number_notation_date: str
    type_summary: str
    approved_by: str
    dossier_code: str
    returned_on: date | None
    note: str
    document_id: str | None
    cancelled: bool = False

    @property
    def outstanding(self) -> bool:
        """Still out: not returned and not cancelled (the clerk chases these)."""
        return self.returned_on is None and not self.cancelled

    def cells(self) -> dict[str, str]:
        return {
            "date": _d(self.used_on),
            "user_name": self.user_name,
            "number_notation_date": self.number_notation_date,
            "type_summary": self.type_summary,
            "dossier_code": self.dossier_code,
            "receipt_signature": "",
            "return_date": _d(self.returned_on),
            "approved_by": self.approved_by,
            "note": _with_cancel_mark(self.note, self.cancelled),
        }


def check_return(used_on: date, returned_on: date, today: date) -> None:
    if returned_on < used_on:
        raise ValidationError("register.returned_before_use", date=_d(used_on))
    if returned_on > today:
        raise ValidationError("registry.date_in_future", date=_d(returned_on))


@dataclass(frozen=True)
class FollowUpLine:
    """One incoming document as the follow-up register shows it."""

    entry_id: int
    document_id: str
    arrival_number: int
    arrived_on: date
    document_identity: str  # type, number/notation, date and issuer
    recipient: str  # lead unit or person; "" while not assigned
    deadline: date | None
    progress: str  # what the handling reached, in the register's words
    reply_number: str
    note: str
    overdue: bool = False

    def cells(self) -> dict[str, str]:
        number = f"{self.arrival_number:02d}" if self.arrival_number < 10 else str(self.arrival_number)
        return {
            "arrival_number": number,
            "document_identity": self.document_identity,
            "recipient": self.recipient,
            "deadline": _d(self.deadline),
            "progress": self.progress,
            "reply_number": self.reply_number,
            "note": self.note,
        }
