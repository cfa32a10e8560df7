"""A registry row as the strings of its book's official columns: what the view paints and the exports print."""

from __future__ import annotations

from datetime import date, datetime

from app.domain.registry_query import RegistryRow


def _d(value: date | datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def type_and_summary(row: RegistryRow) -> str:
    """"Tên loại và trích yếu": công văn carry no type name in front of their "V/v …" summary."""
    if not row.doc_type or row.doc_type == "Công văn" or row.summary.startswith(row.doc_type):
        return row.summary
    return f"{row.doc_type} {row.summary[:1].lower()}{row.summary[1:]}" if row.summary else row.doc_type


def cells(row: RegistryRow) -> dict[str, str]:
    """Every column key of every ND30 Appendix IV form that a registry row can fill."""
    note = row.note
    if row.cancelled and "Hủy" not in note:
        note = ("Đã hủy; " + note) if note else "Đã hủy"
    identity = ", ".join(p for p in (row.doc_type, row.number_notation, _d(row.doc_date), row.issuer) if p)
    return {
        "arrival_date": _d(row.registered_at),
        "arrival_number": f"{row.number:02d}" if row.number < 10 else str(row.number),
        "author": row.issuer,
        "number_notation": row.number_notation,
        "document_date": _d(row.doc_date),
        "type_summary": type_and_summary(row),
        "recipient": row.recipient,
        "recipients": row.recipient,
        "signer": row.signer,
        "kept_copy_holder": row.kept_copy_holder,
        "copies": "" if row.copies is None else str(row.copies),
        "transfer_date": _d(row.transferred_at),
        "receipt_signature": "",
        "note": note,
        "document_identity": identity,
        "confidentiality": "",
    }
