"""Scanner and import errors a clerk can act on (jammed feeder, open cover, unplugged cable, unreadable file).

Codes are stable; the UI words them (app/ui/messages.py). Pages received before a failure travel with the error so
the clerk keeps what was already scanned and only rescans the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.errors import DomainError

if TYPE_CHECKING:
    from app.scanner.sources import Page

# Every code a scan source or the file importer may raise, with the English sense the UI should translate.
SCAN_ERROR_CODES: dict[str, str] = {
    "scanner.no_device": "No scanner was found. Connect and switch on the scanner, then refresh the list.",
    "scanner.unplugged": "The scanner stopped answering (cable or power). Reconnect it and scan the remaining pages.",
    "scanner.jammed": "Paper is jammed in the feeder. Clear the jam and scan the remaining pages.",
    "scanner.cover_open": "The scanner cover is open. Close it and scan again.",
    "scanner.feeder_empty": "The document feeder is empty. Load the pages and scan again.",
    "scanner.busy": "The scanner is busy with another program. Close it and try again.",
    "scanner.crashed": "The scanner driver stopped unexpectedly; the pages already scanned are kept. Scan the rest.",
    "scanner.option_unsupported": (
        "The scanner does not offer this setting ({detail}). Choose another source, mode or size."
    ),
    "scanner.failed": "The scanner reported an error ({detail}). Switch it off and on, then try again.",
    "scanner.cancelled": "Scanning was cancelled.",
    "scanner.invalid_profile": "A saved scan profile is damaged ({detail}). Delete it and create it again.",
    "scanner.profile_none": "Keep at least one scan profile.",
    "scanner.profile_name_empty": "Every scan profile needs a name. Type one.",
    "scanner.profile_name_taken": 'There are two scan profiles named "{name}". Give each profile its own name.',
    "import.unsupported_format": "{path} is not a JPEG, PNG, TIFF or PDF file. Choose another file.",
    "import.unreadable": (
        "{path} cannot be read ({detail}). Check that the file is complete and not password-protected."
    ),
    "import.tool_missing": "The program {tool} is needed to import PDF files. Install it (see the README).",
    "ocr.tool_missing": "Text recognition needs the program tesseract. Install tesseract-ocr (see the README).",
    "ocr.language_missing": (
        "Text recognition has no Vietnamese language data ({lang}). Install tesseract-ocr-vie (see the README)."
    ),
    "ocr.timeout": "Text recognition took longer than {seconds} s on page {page}. Save the page without text or retry.",
    "ocr.failed": "Text recognition failed on page {page} ({detail}). Save the page without text or retry.",
    "pdfa.font_missing": "No font with Vietnamese letters was found ({fonts}). Install fonts-noto-core.",
    "pdfa.no_pages": "There are no pages to save. Scan or import at least one page.",
}


class ScanError(DomainError):
    """A scan or import that stopped; `pages` holds what was captured before the stop (kept, never discarded)."""

    code = "scanner.failed"

    def __init__(self, code: str | None = None, /, *, pages: list[Page] | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.pages: list[Page] = list(pages or [])
