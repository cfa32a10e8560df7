"""Exchange with the provincial axis: edXML packages (standards §5) and the axis client (§7)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_SOURCES = {
    "Attachment": "model",
    "BusinessDocType": "model",
    "BusinessInfo": "model",
    "EdxmlDocument": "model",
    "EdxmlLimits": "model",
    "EdxmlStatus": "model",
    "ExchangeError": "errors",
    "Organization": "model",
    "ParseWarning": "model",
    "ParsedDocument": "model",
    "ParsedStatus": "model",
    "ResponseFor": "model",
    "RsaKeySigner": "xmldsig",
    "SignatureReport": "model",
    "SignerInfo": "model",
    "StaffInfo": "model",
    "StatusCode": "model",
    "TraceHeader": "model",
    "XmlSigner": "xmldsig",
    "build_document": "edxml",
    "build_status": "edxml",
    "format_document_id": "model",
    "is_valid_agency_code": "model",
    "parse_document": "edxml",
    "parse_document_id": "model",
    "parse_package": "edxml",
    "parse_status": "edxml",
    "write_document": "edxml",
}


def __getattr__(name: str) -> Any:
    """Loaded on first use: the app's start-up imports this package (the workflow's status hook) and must not pay
    for lxml and the XML signature code until a package is built or read."""
    module = _SOURCES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


if TYPE_CHECKING:
    from app.services.exchange.edxml import (
        build_document,
        build_status,
        parse_document,
        parse_package,
        parse_status,
        write_document,
    )
    from app.services.exchange.errors import ExchangeError
    from app.services.exchange.model import (
        Attachment,
        BusinessDocType,
        BusinessInfo,
        EdxmlDocument,
        EdxmlLimits,
        EdxmlStatus,
        Organization,
        ParsedDocument,
        ParsedStatus,
        ParseWarning,
        ResponseFor,
        SignatureReport,
        SignerInfo,
        StaffInfo,
        StatusCode,
        TraceHeader,
        format_document_id,
        is_valid_agency_code,
        parse_document_id,
    )
    from app.services.exchange.xmldsig import RsaKeySigner, XmlSigner

__all__ = [
    "Attachment",
    "BusinessDocType",
    "BusinessInfo",
    "EdxmlDocument",
    "EdxmlLimits",
    "EdxmlStatus",
    "ExchangeError",
    "Organization",
    "ParseWarning",
    "ParsedDocument",
    "ParsedStatus",
    "ResponseFor",
    "RsaKeySigner",
    "SignatureReport",
    "SignerInfo",
    "StaffInfo",
    "StatusCode",
    "TraceHeader",
    "XmlSigner",
    "build_document",
    "build_status",
    "format_document_id",
    "is_valid_agency_code",
    "parse_document",
    "parse_document_id",
    "parse_package",
    "parse_status",
    "write_document",
]
