"""The one place that words errors: a DomainError code → a translated sentence that says what is wrong and what to do.

English source strings live here inside QT_TRANSLATE_NOOP so `pyside6-lupdate` collects them; Vietnamese comes from
resources/translations/vanthu_vi.ts. Unknown codes fall back to a generic sentence that still names the code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.domain.errors import DomainError

if TYPE_CHECKING:  # PySide6 types the marker as returning object; it returns the source string unchanged

    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "Messages"

MESSAGES: dict[str, str] = {
    "auth.failed": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password. Check them and try again."),
    "storage.not_writable": QT_TRANSLATE_NOOP(
        "Messages",
        "The data folder {path} cannot be written. "
        "Free it or choose another folder with VANTHU_HOME, then start again.",
    ),
    "storage.not_a_database": QT_TRANSLATE_NOOP(
        "Messages",
        "The file {path} is not a Văn Thư database. Move it away or point VANTHU_DB_URL to the right file.",
    ),
    "storage.database_corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "The database is damaged ({detail}). Restore the latest backup from the backups folder and start again.",
    ),
    "storage.unknown_schema": QT_TRANSLATE_NOOP(
        "Messages",
        "The database was written by a newer or unknown version (schema {revision}). Use that version of the app.",
    ),
    "storage.migration_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "Updating the database failed ({detail}); nothing was changed. A copy taken before the update is at {backup}.",
    ),
    "storage.cannot_open": QT_TRANSLATE_NOOP(
        "Messages", "The database cannot be opened ({detail}). Check the connection settings and try again."
    ),
    "storage.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk holding {path} is full; nothing was saved. Free some space and try again."
    ),
    "storage.file_missing": QT_TRANSLATE_NOOP(
        "Messages", "A stored file is missing ({sha256}). Run the integrity check and restore it from a backup."
    ),
    "storage.source_missing": QT_TRANSLATE_NOOP("Messages", "The file {path} no longer exists. Choose it again."),
    "storage.no_agency": QT_TRANSLATE_NOOP(
        "Messages", "No agency is set up yet. Ask the administrator to enter the agency profile."
    ),
    "document.not_found": QT_TRANSLATE_NOOP("Messages", "The document was not found; it may have been removed."),
    "register.number_notation_empty": QT_TRANSLATE_NOOP(
        "Messages", "Enter the number and notation of the document (for example 45/QĐ-STTTT)."
    ),
    "register.recipients_empty": QT_TRANSLATE_NOOP("Messages", "Enter where the envelopes are sent."),
    "register.envelopes_range": QT_TRANSLATE_NOOP(
        "Messages", "The number of envelopes must be between 1 and {maximum}. Count them again."
    ),
    "register.user_name_empty": QT_TRANSLATE_NOOP("Messages", "Enter who uses the kept copy."),
    "register.approved_by_empty": QT_TRANSLATE_NOOP(
        "Messages", "Enter who allowed the use of the kept copy; a kept copy is lent only with permission."
    ),
    "register.returned_before_use": QT_TRANSLATE_NOOP(
        "Messages", "The return date cannot be before the copy was lent ({date}). Check the date."
    ),
    "register.line_cancelled": QT_TRANSLATE_NOOP(
        "Messages", "Line {number} is cancelled and cannot be changed. Add a new line instead."
    ),
    "register.already_returned": QT_TRANSLATE_NOOP(
        "Messages", "This kept copy was already returned on {date}. Refresh the list to see it."
    ),
    "register.year_change": QT_TRANSLATE_NOOP(
        "Messages",
        "A line stays in the register of {year}. To move it to another year, cancel it and add a new line there.",
    ),
    "register.line_not_found": QT_TRANSLATE_NOOP(
        "Messages", "That register line was not found; it may belong to another office. Refresh the list."
    ),
    "register.earlier_revision": QT_TRANSLATE_NOOP(
        "Messages", "This is an earlier revision of document {number}: the file in the register has {registered} "
        "signature(s), this file has {count}. The file in the register is the document of record; use that one."
    ),
    "register.changed_after_registration": QT_TRANSLATE_NOOP(
        "Messages", "This file carries the signatures of document {number} but was changed after it was "
        "registered (this file has {count} signature(s), the register {registered}). Use the file in the register."
    ),
    "register.signatures_differ": QT_TRANSLATE_NOOP(
        "Messages", "Only some of this file's signatures belong to document {number} ({count} here, {registered} in "
        "the register). Treat it as a different file and compare it with the one in the register."
    ),
    "register.not_outgoing": QT_TRANSLATE_NOOP(
        "Messages", "Only outgoing documents are sent by post. Choose an outgoing document or none."
    ),
    "register.export_format": QT_TRANSLATE_NOOP(
        "Messages", "This register cannot be exported as {format}. Choose Excel or PDF."
    ),
    "register.not_a_log": QT_TRANSLATE_NOOP(
        "Messages", "Lines of the {kind} register are not changed here; use that register's page."
    ),
    "register.number_busy": QT_TRANSLATE_NOOP(
        "Messages", "Other workstations are writing to this register at the same moment. Try again."
    ),
    "user.not_found": QT_TRANSLATE_NOOP("Messages", "The user was not found."),
    "registry.book_not_found": QT_TRANSLATE_NOOP("Messages", "The registry book was not found."),
    "registry.duplicate": QT_TRANSLATE_NOOP(
        "Messages",
        "{notation} of {issuer} is already registered (incoming number {number}, {date}). "
        "Check it is not the same document; register it again only if you are sure.",
    ),
    "registry.book_exists": QT_TRANSLATE_NOOP(
        "Messages", "The book \"{name}\" for {year} already uses this series or name. Choose another one."
    ),
    "registry.book_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "Give the book a name and a complete number series (document type or advisory body)."
    ),
    "registry.summary_empty": QT_TRANSLATE_NOOP("Messages", "The summary is empty. Type what the document is about."),
    "registry.issuer_empty": QT_TRANSLATE_NOOP(
        "Messages", "The issuing agency is empty. Choose it from the directory or type its name."
    ),
    "registry.date_in_future": QT_TRANSLATE_NOOP(
        "Messages", "The issue date {date} is in the future. Check the date written on the document."
    ),
    "registry.page_count_negative": QT_TRANSLATE_NOOP("Messages", "The page count cannot be negative."),
    "registry.reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Give the reason for this change; it is kept in the entry's history."
    ),
    "registry.field_not_correctable": QT_TRANSLATE_NOOP(
        "Messages", "These fields cannot be corrected in the register: {fields}."
    ),
    "registry.already_cancelled": QT_TRANSLATE_NOOP("Messages", "Number {number} is already cancelled."),
    "registry.already_numbered": QT_TRANSLATE_NOOP(
        "Messages", "This document already has the number {notation}; a number is never given twice."
    ),
    "registry.not_outgoing": QT_TRANSLATE_NOOP("Messages", "Only outgoing documents get an outgoing number."),
    "registry.entry_not_found": QT_TRANSLATE_NOOP("Messages", "The register entry was not found."),
    "notation.empty": QT_TRANSLATE_NOOP("Messages", "Type the number and notation, for example 45/QĐ-UBND."),
    "notation.spaces": QT_TRANSLATE_NOOP(
        "Messages", '"{text}" contains spaces. Write the number and notation without spaces, e.g. 45/QĐ-UBND.'
    ),
    "notation.leading_zero": QT_TRANSLATE_NOOP(
        "Messages", '"{text}": numbers below 10 are written with one leading zero (05, not 5 or 005).'
    ),
    "notation.lower_case": QT_TRANSLATE_NOOP(
        "Messages", '"{text}": the notation is written in capitals, e.g. 12/QĐ-UBND.'
    ),
    "notation.unknown_type": QT_TRANSLATE_NOOP(
        "Messages",
        '"{type}" is not a document type abbreviation of Decree 30 (QĐ, TB, KH, BC, ...). Check the notation.',
    ),
    "notation.format": QT_TRANSLATE_NOOP(
        "Messages", '"{text}" is not a valid number and notation. Write it as 45/QĐ-UBND or 05/UBND-VX.'
    ),
    "notation.number_zero": QT_TRANSLATE_NOOP("Messages", "Document numbers start at 01."),
    "notation.unit_required": QT_TRANSLATE_NOOP(
        "Messages", "A công văn needs the drafting unit's abbreviation. Set the drafting unit of the document."
    ),
    "notation.issuer_abbreviation_missing": QT_TRANSLATE_NOOP(
        "Messages", "The agency has no abbreviation. Ask the administrator to set it in the agency profile."
    ),
    "date_line.format": QT_TRANSLATE_NOOP(
        "Messages", '"{text}" is not a date line. Write it as: Hà Tĩnh, ngày 05 tháng 3 năm 2026.'
    ),
    "date_line.day_padding": QT_TRANSLATE_NOOP(
        "Messages", '"{text}": days below 10 are written with a leading zero (05).'
    ),
    "date_line.month_padding": QT_TRANSLATE_NOOP(
        "Messages", '"{text}": January and February are written 01 and 02; March to December without a zero.'
    ),
    "date_line.impossible_date": QT_TRANSLATE_NOOP("Messages", '"{text}" is not a real calendar date.'),
    "date_line.place_missing": QT_TRANSLATE_NOOP(
        "Messages", "The agency's place name is not set. Ask the administrator to set it in the agency profile."
    ),
    "agency_code.format": QT_TRANSLATE_NOOP(
        "Messages", '"{text}" is not an agency code. It looks like 000.00.12.H27 (digits, dots, capital letter).'
    ),
    "agency_code.hierarchy": QT_TRANSLATE_NOOP(
        "Messages", '"{text}": a lower-level group cannot be set while the group to its right is 00.'
    ),
    "directory.refresh_running": QT_TRANSLATE_NOOP(
        "Messages", "The agency directory is already being refreshed. Wait for it to finish."
    ),
    "directory.name_missing": QT_TRANSLATE_NOOP(
        "Messages", "The exchange axis lists agency {code} without a name; it was left out of the directory."
    ),
    "directory.name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "The exchange axis lists agency {code} with a name longer than 200 characters; it was left out."
    ),
    "demo.folder_taken": QT_TRANSLATE_NOOP(
        "Messages",
        "The folder {path} already holds agency {code}, not this demo office. Choose another folder with --base.",
    ),
    "file.empty": QT_TRANSLATE_NOOP("Messages", "The file {name} is empty. Scan or export it again."),
    "file.too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "The file {name} is {size_mb} MB; the limit is {limit_mb} MB. Split it or scan at a lower resolution.",
    ),
    "file.not_pdf_or_image": QT_TRANSLATE_NOOP(
        "Messages", "The file {name} is neither a PDF nor an image. Choose a PDF, JPEG, PNG or TIFF file."
    ),
    "file.pdf_encrypted": QT_TRANSLATE_NOOP(
        "Messages", "The PDF {name} is password-protected. Ask the sender for an unprotected copy."
    ),
    "file.pdf_corrupt": QT_TRANSLATE_NOOP(
        "Messages", "The PDF {name} is damaged and cannot be read. Ask the sender to send it again."
    ),
    "file.image_corrupt": QT_TRANSLATE_NOOP(
        "Messages", "The image {name} is damaged and cannot be read. Scan it again."
    ),
    "document.font_missing": QT_TRANSLATE_NOOP(
        "Messages", "No font with Vietnamese letters was found ({fonts}). Install one of them and try again."
    ),
    "file.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The file {path} cannot be read ({detail}). Check it is not open elsewhere, then choose it again."
    ),
    "export.write_failed": QT_TRANSLATE_NOOP(
        "Messages", "The file {path} cannot be written ({detail}). Choose another folder or file name."
    ),
    "calendar.bad_time": QT_TRANSLATE_NOOP("Messages", "\"{text}\" is not a time. Write it as HH:MM, e.g. 07:30."),
    "calendar.bad_date": QT_TRANSLATE_NOOP("Messages", "\"{text}\" is not a date. Write it as dd/mm/yyyy."),
    "calendar.bad_year": QT_TRANSLATE_NOOP("Messages", "{year} is not a valid year."),
    "calendar.no_sessions": QT_TRANSLATE_NOOP("Messages", "Office hours need at least one working session."),
    "calendar.session_order": QT_TRANSLATE_NOOP(
        "Messages", "A session cannot end ({end}) before it starts ({start}). Correct the office hours."
    ),
    "calendar.sessions_overlap": QT_TRANSLATE_NOOP(
        "Messages", "The session starting at {start} overlaps the one before it. Correct the office hours."
    ),
    "calendar.date_outside_year": QT_TRANSLATE_NOOP("Messages", "The date {date} is not in the year {year}."),
    "calendar.day_both_off_and_working": QT_TRANSLATE_NOOP(
        "Messages", "{date} is listed both as a day off and as a working day. Keep only one."
    ),
    "calendar.year_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The calendar table for {table_year} was saved under {year}. Save it under its own year."
    ),
    "calendar.negative_days": QT_TRANSLATE_NOOP("Messages", "A deadline needs zero or more working days, not {days}."),
    "calendar.no_working_day": QT_TRANSLATE_NOOP(
        "Messages", "The calendar has no working day after {after}. Check the year's days off."
    ),
    "scanner.no_device": QT_TRANSLATE_NOOP(
        "Messages", "No scanner was found. Connect and switch on the scanner, then refresh the list."
    ),
    "scanner.unplugged": QT_TRANSLATE_NOOP(
        "Messages", "The scanner stopped answering (cable or power). Reconnect it and scan the remaining pages."
    ),
    "scanner.jammed": QT_TRANSLATE_NOOP(
        "Messages", "Paper is jammed in the feeder. Clear the jam and scan the remaining pages."
    ),
    "scanner.cover_open": QT_TRANSLATE_NOOP("Messages", "The scanner cover is open. Close it and scan again."),
    "scanner.feeder_empty": QT_TRANSLATE_NOOP(
        "Messages", "The document feeder is empty. Load the pages and scan again."
    ),
    "scanner.busy": QT_TRANSLATE_NOOP("Messages", "The scanner is busy with another program. Close it and try again."),
    "scanner.crashed": QT_TRANSLATE_NOOP(
        "Messages", "The scanner driver stopped unexpectedly; the pages already scanned are kept. Scan the rest."
    ),
    "scanner.option_unsupported": QT_TRANSLATE_NOOP(
        "Messages", "The scanner does not offer this setting ({detail}). Choose another source, mode or size."
    ),
    "scanner.failed": QT_TRANSLATE_NOOP(
        "Messages", "The scanner reported an error ({detail}). Switch it off and on, then try again."
    ),
    "scanner.cancelled": QT_TRANSLATE_NOOP("Messages", "Scanning was cancelled."),
    "scanner.invalid_profile": QT_TRANSLATE_NOOP(
        "Messages", "A saved scan profile is damaged ({detail}). Delete it and create it again."
    ),
    "scanner.profile_none": QT_TRANSLATE_NOOP("Messages", "Keep at least one scan profile."),
    "scanner.profile_name_empty": QT_TRANSLATE_NOOP("Messages", "Every scan profile needs a name. Type one."),
    "scanner.profile_name_taken": QT_TRANSLATE_NOOP(
        "Messages", "There are two scan profiles named \"{name}\". Give each profile its own name."
    ),
    "import.unsupported_format": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a JPEG, PNG, TIFF or PDF file. Choose another file."
    ),
    "import.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{path} cannot be read ({detail}). Check that the file is complete and not password-protected."
    ),
    "import.tool_missing": QT_TRANSLATE_NOOP(
        "Messages", "The program {tool} is needed to import PDF files. Install it (see the README)."
    ),
    "ocr.tool_missing": QT_TRANSLATE_NOOP(
        "Messages", "Text recognition needs the program tesseract. Install tesseract-ocr (see the README)."
    ),
    "ocr.language_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "Text recognition has no Vietnamese language "
        "data ({lang}). Install tesseract-ocr-vie (see the README).",
    ),
    "ocr.timeout": QT_TRANSLATE_NOOP(
        "Messages", "Text recognition took longer than {seconds} s on page {page}. Save the page without text or retry."
    ),
    "ocr.failed": QT_TRANSLATE_NOOP(
        "Messages", "Text recognition failed on page {page} ({detail}). Save the page without text or retry."
    ),
    "pdfa.font_missing": QT_TRANSLATE_NOOP(
        "Messages", "No font with Vietnamese letters was found ({fonts}). Install fonts-noto-core."
    ),
    "pdfa.no_pages": QT_TRANSLATE_NOOP("Messages", "There are no pages to save. Scan or import at least one page."),
    "token.module_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The token driver (PKCS#11 module) was not found. Install the software "
        "of your token's CA or choose the module file in Settings.",
    ),
    "token.module_failed": QT_TRANSLATE_NOOP(
        "Messages", "The token driver could not be loaded ({detail}). Reinstall the software of your token's CA."
    ),
    "token.not_found": QT_TRANSLATE_NOOP(
        "Messages", "The token \"{token}\" is not plugged in. Plug it in and try again."
    ),
    "token.absent": QT_TRANSLATE_NOOP(
        "Messages", "The token \"{token}\" is no longer present. Plug it in again and retry."
    ),
    "token.removed": QT_TRANSLATE_NOOP(
        "Messages", "The token \"{token}\" was removed while signing; nothing was signed. Plug it in again and retry."
    ),
    "token.pin_required": QT_TRANSLATE_NOOP("Messages", "Enter the PIN of the token \"{token}\"."),
    "token.pin_incorrect": QT_TRANSLATE_NOOP(
        "Messages",
        "Wrong PIN for the token \"{token}\". Check it and "
        "try again; after too many wrong tries the token locks.",
    ),
    "token.pin_locked": QT_TRANSLATE_NOOP(
        "Messages", "The PIN of the token \"{token}\" is locked. Ask the certificate provider to unlock it."
    ),
    "token.pin_expired": QT_TRANSLATE_NOOP(
        "Messages", "The PIN of the token \"{token}\" has expired. Change it with the token's software."
    ),
    "token.key_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The token \"{token}\" holds no usable signing key. Check that it is the right token."
    ),
    "token.certificate_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The token \"{token}\" holds no certificate for its key. Ask the certificate provider."
    ),
    "token.key_ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "The token \"{token}\" holds several signing keys. Choose the certificate to sign with."
    ),
    "token.error": QT_TRANSLATE_NOOP(
        "Messages", "The token \"{token}\" reported an error ({detail}). Unplug it, plug it in again and retry."
    ),
    "signing.field_missing": QT_TRANSLATE_NOOP(
        "Messages", "The document has no place prepared for this signature or text ({field}). Prepare the draft again."
    ),
    "signing.field_filled": QT_TRANSLATE_NOOP(
        "Messages", "The field {field} is already filled; a number and date are written only once."
    ),
    "signing.already_signed": QT_TRANSLATE_NOOP("Messages", "The document is already signed ({detail})."),
    "signing.not_signed": QT_TRANSLATE_NOOP(
        "Messages", "The leader has not signed this document yet; the seal comes after the leader's signature."
    ),
    "signing.pdf_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The PDF cannot be signed ({detail}). Export it again from the drafting program."
    ),
    "signing.document_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "The PDF was certified so that nothing may be added ({field}); it cannot be signed. Ask for an unlocked copy.",
    ),
    "signing.font_missing": QT_TRANSLATE_NOOP(
        "Messages", "No font with Vietnamese letters was found for the signature text. Install fonts-noto-core."
    ),
    "signing.text_missing": QT_TRANSLATE_NOOP(
        "Messages", "The number or the date to write into the document is empty ({field})."
    ),
    "signing.copy_form_invalid": QT_TRANSLATE_NOOP(
        "Messages", "\"{copy_form}\" is not a copy form (sao y, trích sao, sao lục)."
    ),
    "signing.box_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The signature position {box} lies outside the page. Move it onto the page."
    ),
    "signing.appearance_empty": QT_TRANSLATE_NOOP(
        "Messages", "The signature would show nothing. Add a signature image or the signer's name."
    ),
    "signing.image_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The signature or seal image cannot be read ({detail}). Choose a PNG file."
    ),
    "signing.pdf_encrypted": QT_TRANSLATE_NOOP(
        "Messages", "The PDF is password-protected and cannot be signed. Save it again without a password."
    ),
    "signing.number_line_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The \"Số:\" line was not found on page 1 of the draft. Check the draft's layout, or place the "
        "boxes by hand."
    ),
    "signing.date_line_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The place and date line (\"…, ngày … tháng … năm …\") was not found on page 1 of the draft. "
        "Check the draft's layout, or place the boxes by hand."
    ),
    "signing.signer_block_not_found": QT_TRANSLATE_NOOP(
        "Messages", "The signer block ({title}, {name}) was not found on the last page. Check the signer's name and "
        "position in the draft, or place the signature by hand."
    ),
    "signing.signer_space_too_small": QT_TRANSLATE_NOOP(
        "Messages", "The space for {name}'s signature is too small. Leave more room between the position and the "
        "name, or place the signature by hand."
    ),
    "signing.no_personal_token": QT_TRANSLATE_NOOP(
        "Messages", "No token is assigned to {user}. Plug in your token and choose it in the signing dialog."
    ),
    "signing.no_organisation_token": QT_TRANSLATE_NOOP(
        "Messages", "The agency's seal token is not set up. Ask the administrator to choose the organisation token."
    ),
    "axis.unreachable": QT_TRANSLATE_NOOP(
        "Messages",
        "The exchange axis at {endpoint} cannot be reached ({detail}). Check "
        "the network; queued documents go out when it is back.",
    ),
    "axis.server_error": QT_TRANSLATE_NOOP(
        "Messages",
        "The exchange axis failed during {operation} (HTTP {http_status}). Try again "
        "later; if it persists, contact the provincial Data Integration Centre.",
    ),
    "axis.busy": QT_TRANSLATE_NOOP("Messages", "The exchange axis is busy ({operation}). Try again in a few minutes."),
    "axis.bad_reply": QT_TRANSLATE_NOOP(
        "Messages",
        "The exchange axis sent an unreadable reply to {operation} ({detail}). "
        "Try again; if it persists, report it to the axis operator.",
    ),
    "axis.credentials_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "The exchange axis refused the credentials of system "
        "{system_id}. Check the system code and secret in Settings.",
    ),
    "axis.unauthorized": QT_TRANSLATE_NOOP(
        "Messages",
        "The exchange axis refused access for {system_id} during "
        "{operation}. Ask the axis operator to check the account.",
    ),
    "axis.certificate_untrusted": QT_TRANSLATE_NOOP(
        "Messages",
        "The exchange axis at {endpoint} presented a certificate this computer "
        "does not trust. Install its certificate authority or check the address.",
    ),
    "axis.forbidden": QT_TRANSLATE_NOOP("Messages", "The exchange axis refused {operation}: {detail}"),
    "axis.not_found": QT_TRANSLATE_NOOP("Messages", "The exchange axis has no such item ({operation}): {detail}"),
    "axis.too_large": QT_TRANSLATE_NOOP("Messages", "The package is too large for the exchange axis: {detail}"),
    "axis.rejected": QT_TRANSLATE_NOOP(
        "Messages", "The exchange axis refused {operation} (code {error_code}): {detail}"
    ),
    "edxml.malformed": QT_TRANSLATE_NOOP(
        "Messages", "The received package is not well-formed XML. Ask the sender to send it again."
    ),
    "edxml.not_edxml": QT_TRANSLATE_NOOP(
        "Messages", "The received package is not an edXML document package. Ask the sender to send it again."
    ),
    "edxml.doctype_forbidden": QT_TRANSLATE_NOOP(
        "Messages",
        "The package declares a DTD or entities, which edXML forbids; it "
        "was refused for safety. Ask the sender to send it again.",
    ),
    "edxml.package_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The package is larger than the allowed size. Ask the sender to send it again."
    ),
    "edxml.header_too_large": QT_TRANSLATE_NOOP(
        "Messages", "The package header is too large to be genuine. Ask the sender to send it again."
    ),
    "edxml.attachment_too_large": QT_TRANSLATE_NOOP(
        "Messages", "An attachment is larger than the allowed size. Ask the sender to send it again."
    ),
    "edxml.too_many_attachments": QT_TRANSLATE_NOOP(
        "Messages", "The package has too many attachments. Ask the sender to send it again."
    ),
    "edxml.attachment_missing": QT_TRANSLATE_NOOP(
        "Messages", "An attachment listed in the package is missing. Ask the sender to send it again."
    ),
    "edxml.attachment_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "An attachment does not match its signed hash: it was "
        "changed on the way. Ask the sender to send it again.",
    ),
    "edxml.attachment_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "The package lists the same attachment twice. Ask the sender to send it again."
    ),
    "edxml.attachment_not_in_manifest": QT_TRANSLATE_NOOP(
        "Messages", "The package carries an attachment it does not list. Ask the sender to send it again."
    ),
    "edxml.attachment_size_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "An attachment's size differs from the size the package announces. Ask the sender to send it again."
    ),
    "edxml.agency_code_invalid": QT_TRANSLATE_NOOP("Messages", "The package carries an invalid agency code."),
    "edxml.document_id_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The package's document identifier is not in the standard form."
    ),
    "edxml.invalid_business_doc_type": QT_TRANSLATE_NOOP(
        "Messages", "The package's business document type is not one of the standard codes."
    ),
    "edxml.invalid_priority": QT_TRANSLATE_NOOP("Messages", "The package's priority is not one of the standard codes."),
    "edxml.invalid_status_code": QT_TRANSLATE_NOOP("Messages", "The status message carries an unknown status code."),
    "edxml.invalid_timestamp": QT_TRANSLATE_NOOP(
        "Messages", "A time in the package is not in the standard form (with +07:00)."
    ),
    "edxml.no_recipient": QT_TRANSLATE_NOOP("Messages", "The package names no recipient."),
    "edxml.not_a_document": QT_TRANSLATE_NOOP("Messages", "A status message arrived where a document was expected."),
    "edxml.not_a_status": QT_TRANSLATE_NOOP("Messages", "A document arrived where a status message was expected."),
    "edxml.package_missing": QT_TRANSLATE_NOOP("Messages", "The package file is missing."),
    "edxml.status_reason_required": QT_TRANSLATE_NOOP("Messages", "A refusal needs a reason for the sender."),
    # ---- sync with the axis (app/services/exchange/sync.py, outbound.py, receiving.py) ----
    "exchange.no_recipients": QT_TRANSLATE_NOOP(
        "Messages", "Choose at least one recipient agency to send the document to."
    ),
    "exchange.recipient_code_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "These recipient codes are not valid agency codes (like 000.00.12.H27): {codes}. "
        "Pick the recipients from the agency directory.",
    ),
    "exchange.recipient_is_self": QT_TRANSLATE_NOOP(
        "Messages", "The document cannot be sent to your own agency ({code}). Remove it from the recipients."
    ),
    "exchange.not_outgoing": QT_TRANSLATE_NOOP(
        "Messages", "Only outgoing documents can be sent through the exchange axis."
    ),
    "exchange.not_electronic": QT_TRANSLATE_NOOP(
        "Messages",
        "This document is secret or carries a restriction stamp, so it may not be sent electronically. "
        "Send it on paper.",
    ),
    "exchange.not_issued": QT_TRANSLATE_NOOP(
        "Messages", "The document is not issued yet (state: {state}). Number, seal and issue it before sending."
    ),
    "exchange.no_main_file": QT_TRANSLATE_NOOP(
        "Messages", "The document has no main file to send. Attach the signed PDF first."
    ),
    "exchange.message_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Exchange message {id} no longer exists. Reload the list."
    ),
    "exchange.already_sent": QT_TRANSLATE_NOOP(
        "Messages", "Message {id} has already been delivered to the axis; there is nothing to retry."
    ),
    "exchange.sender_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The package claims to come from {claimed} but the axis delivered it from {sender}."
    ),
    "exchange.not_for_us": QT_TRANSLATE_NOOP(
        "Messages", "The package is addressed to other agencies ({recipients}), not to this one."
    ),
    "exchange.no_pdf": QT_TRANSLATE_NOOP(
        "Messages", "The package carries no PDF document."
    ),
    "exchange.package_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "The package cannot be read ({detail}); it is kept in quarantine."
    ),
    "exchange.signature_invalid": QT_TRANSLATE_NOOP(
        "Messages", "A digital signature of the package is not valid."
    ),
    # ---- why an arrival was quarantined: the verification problems of its PDF (receiving.py _problems) ----
    "signature.not_intact": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the document was altered after it was signed; the signature is broken. A refusal asking "
        "for a newly signed copy went back to the sender."
    ),
    "signature.invalid": QT_TRANSLATE_NOOP(
        "Messages", "{name}: a signature value does not match its certificate. A refusal asking for a newly signed "
        "copy went back to the sender."
    ),
    "certificate.untrusted": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the signer's certificate does not lead to a trusted root on this computer; the sender was "
        "asked to send it again. If the issuer is a lawful Vietnamese CA, ask the administrator to add its root."
    ),
    "certificate.revoked": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the signer's certificate has been revoked by its CA. Ask the sender to sign again with "
        "a valid certificate."
    ),
    "certificate.expired": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the signer's certificate had expired when it signed. Ask the sender to sign again with "
        "a valid certificate."
    ),
    "certificate.not_yet_valid": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the signer's certificate was not yet valid when it signed. Ask the sender to check the "
        "signing computer's clock and sign again."
    ),
    "signature.modified_after": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the document was changed after a signature in a way that signature does not allow. "
        "Ask the sender for a newly signed copy."
    ),
    "order.seal_before_leader": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the person signed after the organisation's seal; the competent person must sign first. "
        "Ask the sender to issue it again in the right order."
    ),
    "pdf.unsigned": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the document carries no digital signature. Ask the sender to sign it and send it again."
    ),
    "pdf.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{name}: the file cannot be read as a PDF. Ask the sender to export it again and resend it."
    ),
    # ---- revoke / update / replace / recall (app/services/exchange/changes.py) ----
    "exchange.change_reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Give a reason: the other agency reads it with the change or the answer."
    ),
    "exchange.change_not_sent": QT_TRANSLATE_NOOP(
        "Messages",
        "This document has not been sent through the axis, so there is nothing to revoke, update, replace or "
        "recall. Send it first, or correct it in the register.",
    ),
    "exchange.change_frozen": QT_TRANSLATE_NOOP(
        "Messages", "This document has already been revoked, replaced or recalled; it cannot be changed any more."
    ),
    "exchange.replacement_invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "The replacing document must be another issued (numbered and sealed) document that has not been sent yet.",
    ),
    "exchange.no_recall_request": QT_TRANSLATE_NOOP(
        "Messages", "There is no recall request waiting for an answer on this document. Reload the document."
    ),
    "exchange.change_target_unknown": QT_TRANSLATE_NOOP(
        "Messages",
        "The sender asked to change document {target}, which never arrived here; the request was refused.",
    ),
    # ---- USB packages (app/services/exchange/usb.py) ----
    "exchange.usb_folder_missing": QT_TRANSLATE_NOOP(
        "Messages", "The folder {folder} does not exist. Plug in the USB drive and choose a folder on it."
    ),
    "exchange.usb_nothing_queued": QT_TRANSLATE_NOOP(
        "Messages", "No message is waiting to be sent, so no USB package was written."
    ),
    "exchange.usb_package_unknown": QT_TRANSLATE_NOOP(
        "Messages", "No message of this office went in the USB package {package}, so it cannot be written again. "
        "Choose a message marked as written to a USB package."
    ),
    "exchange.usb_write_failed": QT_TRANSLATE_NOOP(
        "Messages", "The USB package could not be written to {folder} ({detail}); nothing was marked as sent. "
        "Check that the drive is plugged in, writable and not full, then try again."
    ),
    "exchange.usb_source_damaged": QT_TRANSLATE_NOOP(
        "Messages", "A stored message ({sha256}) is damaged, so no USB package was written. "
        "Run the integrity check and restore it from a backup."
    ),
    "exchange.usb_not_a_package": QT_TRANSLATE_NOOP(
        "Messages", "The folder {folder} is not a Văn Thư USB package (no manifest.xml). "
        "Choose the package folder itself (named vanthu-…)."
    ),
    "exchange.usb_tampered": QT_TRANSLATE_NOOP(
        "Messages", "The USB package {folder} was altered or is incomplete ({detail}); nothing was imported. "
        "Ask the sender to export a new package."
    ),
    "exchange.usb_signer_untrusted": QT_TRANSLATE_NOOP(
        "Messages", "The USB package is signed by {subject}, a certificate this office does not trust; nothing "
        "was imported. Ask the administrator to add its issuer to the trusted certificates."
    ),
    # ---- a district's relay for the communes it serves (app/services/exchange/relay.py) ----
    "exchange.office_busy": QT_TRANSLATE_NOOP(
        "Messages", "Another workstation of this office is exchanging with the axis or importing a USB package right "
        "now; nothing was done. Wait a minute and try again."
    ),
    "exchange.usb_wrong_destination": QT_TRANSLATE_NOOP(
        "Messages", "This USB package is addressed to {destination}, not to this office ({own}); nothing was imported. "
        "Give the drive to {destination}."
    ),
    "exchange.commune_no_credentials": QT_TRANSLATE_NOOP(
        "Messages", "The axis secret of commune {code} is not set on this computer, so its messages cannot be "
        "collected or sent. Set the variable VANTHU_AXIS_SECRET_ followed by the code with dots as underscores, "
        "then restart."
    ),
    "exchange.commune_not_in_directory": QT_TRANSLATE_NOOP(
        "Messages", "The code {code} is not in the agency directory. Refresh the directory from the axis, then add the "
        "commune again."
    ),
    "exchange.commune_not_served": QT_TRANSLATE_NOOP(
        "Messages", "Commune {code} is not in this office's list of served communes. Ask the administrator to add it."
    ),
    "exchange.commune_has_held": QT_TRANSLATE_NOOP(
        "Messages", "{count} message(s) are still held for commune {code}. Export them to USB first, then remove the "
        "commune."
    ),
    "exchange.commune_nothing_held": QT_TRANSLATE_NOOP(
        "Messages", "Nothing is held for commune {code}. Collect for communes first, or there is simply no mail for it."
    ),
    "exchange.commune_system_id_invalid": QT_TRANSLATE_NOOP(
        "Messages", "The axis system id {system_id} is too long (at most 64 characters). Check it and try again."
    ),
    # ---- processing workflow (app/services/workflow.py, app/domain/workflow.py) ----
    "unit.not_found": QT_TRANSLATE_NOOP(
        "Messages", "Unit {id} no longer exists. Reload the list and pick another unit."
    ),
    "workflow.already_directed": QT_TRANSLATE_NOOP(
        "Messages", "{by} already directed this document at {at}. Reload the inbox to see the current state."
    ),
    "workflow.already_presented": QT_TRANSLATE_NOOP(
        "Messages", "The document is already in {name}'s inbox. Pick another leader to hand it over."
    ),
    "workflow.assignment_closed": QT_TRANSLATE_NOOP(
        "Messages", "This task is already closed ({state}). Ask the leader to assign it again if work remains."
    ),
    "workflow.assignment_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Task {id} no longer exists. Reload your task list."
    ),
    "workflow.bad_state": QT_TRANSLATE_NOOP(
        "Messages", "The document is {state}: it cannot become {wanted} now. Reload to see its current state."
    ),
    "workflow.changed_by_other": QT_TRANSLATE_NOOP(
        "Messages", "{by} changed this at {at} while you were working on it. Reload, check, and try again."
    ),
    "workflow.deadline_before_today": QT_TRANSLATE_NOOP(
        "Messages", "The deadline {deadline} is already past. Pick today or a later working day."
    ),
    "workflow.deadline_date_or_days": QT_TRANSLATE_NOOP(
        "Messages", "Give the deadline either as a date or as a number of working days, not both and not neither."
    ),
    "workflow.deadline_days_positive": QT_TRANSLATE_NOOP(
        "Messages", "{days} working days is not a deadline. Enter 1 or more working days."
    ),
    "workflow.deadline_not_working_day": QT_TRANSLATE_NOOP(
        "Messages", "{deadline} is not a working day (weekend or holiday). The next working day is {next}."
    ),
    "workflow.deadline_passed": QT_TRANSLATE_NOOP(
        "Messages",
        "{days} working days from the registration on {received} ended on {deadline}, which is past. "
        "Give more working days or pick a date.",
    ),
    "workflow.delegate_own_only": QT_TRANSLATE_NOOP(
        "Messages",
        "A leader can only delegate their own authority. Ask the administrator to record it for another leader.",
    ),
    "workflow.delegation_in_past": QT_TRANSLATE_NOOP(
        "Messages", "The delegation would end at {ends}, which is already past. Pick an end in the future."
    ),
    "workflow.delegation_inactive": QT_TRANSLATE_NOOP(
        "Messages",
        "Your delegation from {leader} runs from {starts} to {ends}: you cannot act for them now. "
        "Ask {leader} for a new delegation.",
    ),
    "workflow.delegation_leader_required": QT_TRANSLATE_NOOP(
        "Messages", "Choose the leader whose authority is delegated."
    ),
    "workflow.delegation_not_found": QT_TRANSLATE_NOOP(
        "Messages", "Delegation {id} no longer exists. Reload the list."
    ),
    "workflow.delegation_period_empty": QT_TRANSLATE_NOOP(
        "Messages", "The delegation must end after it starts. Check the two dates."
    ),
    "workflow.delegation_to_self": QT_TRANSLATE_NOOP(
        "Messages", "A leader cannot delegate to themselves. Choose a deputy."
    ),
    "workflow.direction_empty": QT_TRANSLATE_NOOP(
        "Messages", "Write the direction (ý kiến chỉ đạo) before assigning the document."
    ),
    "workflow.file_name_empty": QT_TRANSLATE_NOOP(
        "Messages", "An attached file has no name. Name it and attach it again."
    ),
    "workflow.information_has_no_deadline": QT_TRANSLATE_NOOP(
        "Messages", "A document filed for information has no deadline. Clear the deadline, or assign it instead."
    ),
    "workflow.lead_required": QT_TRANSLATE_NOOP(
        "Messages", "Choose who leads the work (a unit or a person), or file the document for information."
    ),
    "workflow.lead_unit_or_user": QT_TRANSLATE_NOOP(
        "Messages", "The lead is either a unit or a person, not both. Keep one of them."
    ),
    "workflow.needs_user": QT_TRANSLATE_NOOP(
        "Messages", "This action ({action}) needs a signed-in user. Sign in and try again."
    ),
    "workflow.not_a_deputy": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a deputy or leader: a delegation can only go to one. Choose another person."
    ),
    "workflow.not_a_leader": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a leader or deputy. Choose a leader to present the document to."
    ),
    "workflow.not_a_participant": QT_TRANSLATE_NOOP(
        "Messages", "You do not take part in this task, so you cannot open it. Ask the leader who assigned it."
    ),
    "workflow.not_coordinator": QT_TRANSLATE_NOOP(
        "Messages", "Only a coordinating unit or person adds input to this task. Use progress notes if you lead it."
    ),
    "workflow.not_incoming": QT_TRANSLATE_NOOP(
        "Messages", "Only incoming documents are presented to the leader. This one is not incoming."
    ),
    "workflow.not_lead": QT_TRANSLATE_NOOP(
        "Messages", "Only the lead unit or person reports progress on this task and finishes it."
    ),
    "workflow.not_outgoing": QT_TRANSLATE_NOOP(
        "Messages", "Only outgoing documents have signing and sending times. This one is not outgoing."
    ),
    "workflow.not_presented": QT_TRANSLATE_NOOP(
        "Messages", "The document has not been presented to a leader yet. Ask the clerk to present it first."
    ),
    "workflow.not_your_inbox": QT_TRANSLATE_NOOP(
        "Messages",
        "This document is in {leader}'s inbox. Only {leader}, or a deputy they delegated to, can direct it.",
    ),
    "workflow.note_empty": QT_TRANSLATE_NOOP("Messages", "Write something or attach a file before saving the note."),
    "workflow.nothing_selected": QT_TRANSLATE_NOOP("Messages", "Select at least one document first."),
    "workflow.party_unclear": QT_TRANSLATE_NOOP(
        "Messages", "Choose either a unit or a person to list their assignments, not both."
    ),
    "workflow.party_repeated": QT_TRANSLATE_NOOP(
        "Messages", "{name} is named twice (as lead and coordinator, or twice as coordinator). Keep it once."
    ),
    "workflow.party_unit_or_user": QT_TRANSLATE_NOOP(
        "Messages", "Each lead or coordinator is either a unit or a person. Pick one."
    ),
    "workflow.result_empty": QT_TRANSLATE_NOOP("Messages", "Write the result before finishing the task."),
    "workflow.user_inactive": QT_TRANSLATE_NOOP(
        "Messages", "{name}'s account is deactivated. Choose someone else."
    ),
    # ---- drafts and issuing ----
    "issuing.bad_state": QT_TRANSLATE_NOOP(
        "Messages", "The draft is {state} now, so this step cannot be done. Reload to see where it stands."
    ),
    "issuing.draft_not_found": QT_TRANSLATE_NOOP("Messages", "The draft was not found; it may have been removed."),
    "issuing.version_missing": QT_TRANSLATE_NOOP(
        "Messages", "Version {number} of the draft is missing. Run the integrity check and restore from a backup."
    ),
    "issuing.summary_empty": QT_TRANSLATE_NOOP("Messages", "Write the summary (trích yếu) of the draft."),
    "issuing.unknown_type": QT_TRANSLATE_NOOP(
        "Messages", "\"{type}\" is not a document type of Decree 30. Pick a type from the list."
    ),
    "issuing.not_normative_type": QT_TRANSLATE_NOOP(
        "Messages", "A {type} cannot be a legal normative document. Untick \"normative\" or change the type."
    ),
    "issuing.recipient_name_empty": QT_TRANSLATE_NOOP("Messages", "A recipient has no name. Pick it again."),
    "issuing.recipient_unit_missing": QT_TRANSLATE_NOOP(
        "Messages", "The unit \"{name}\" is not one of the agency's units. Pick it from the list."
    ),
    "issuing.recipient_user_missing": QT_TRANSLATE_NOOP(
        "Messages", "\"{name}\" is not a user of the agency. Pick the person from the list."
    ),
    "issuing.recipient_relation_internal": QT_TRANSLATE_NOOP(
        "Messages", "{name} is inside the agency: superior, government or legal review apply to other agencies only."
    ),
    "issuing.copies_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "The number of paper copies for {name} must be between 0 and {max}."
    ),
    "issuing.recipient_twice": QT_TRANSLATE_NOOP("Messages", "{name} is listed twice as a recipient. Keep it once."),
    "issuing.recipient_not_in_directory": QT_TRANSLATE_NOOP(
        "Messages",
        "No agency in the directory matches “{name}”. Pick one from the list under the box, type its complete code "
        "(like 000.00.12.H27), or add it with “Not in the directory…” to send it on paper.",
    ),
    "issuing.appendix_title_empty": QT_TRANSLATE_NOOP("Messages", "Give every appendix a title."),
    "issuing.appendix_not_pdf": QT_TRANSLATE_NOOP(
        "Messages", "The appendix {name} is not a PDF. Save it as PDF and add it again."
    ),
    "issuing.appendix_encrypted": QT_TRANSLATE_NOOP(
        "Messages",
        "The appendix {name} is password-protected, so the agency's seal cannot be added to it. "
        "Save it without a password and add it again.",
    ),
    "issuing.appendix_corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "The appendix {name} is damaged and cannot be sealed ({detail}). Export it again as PDF and add it again.",
    ),
    "issuing.appendix_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "The appendix {name} was certified so that nothing may be added, so the agency's seal cannot be added. "
        "Ask for a copy that is not locked and add it again.",
    ),
    "issuing.appendix_already_sealed": QT_TRANSLATE_NOOP(
        "Messages", "The appendix {name} already carries an agency seal signature. Add the unsealed file instead."
    ),
    "issuing.appendix_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "The appendix file {name} is missing from the file store; nothing was numbered or sealed. "
        "Ask the administrator to restore it from the latest backup, then try again.",
    ),
    "issuing.appendix_damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The stored appendix file {name} has changed since it was added (damaged on disk); nothing was numbered or "
        "sealed. Ask the administrator to restore it from the latest backup, then try again.",
    ),
    "issuing.file_required": QT_TRANSLATE_NOOP("Messages", "Choose the draft file (PDF or Word) first."),
    "issuing.not_pdf_or_word": QT_TRANSLATE_NOOP(
        "Messages", "{name} is neither a PDF nor a Word document. Upload the draft as PDF or DOCX."
    ),
    "issuing.file_unchanged": QT_TRANSLATE_NOOP(
        "Messages", "{name} is the same file as the current version. Choose the revised file."
    ),
    "issuing.not_drafter": QT_TRANSLATE_NOOP(
        "Messages", "Only the specialist who wrote this draft can change or submit it."
    ),
    "issuing.not_a_signer": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a leader or deputy and cannot sign. Choose the signer from the list."
    ),
    "issuing.signer_required": QT_TRANSLATE_NOOP("Messages", "Choose who signs the draft before submitting it."),
    "issuing.no_recipients": QT_TRANSLATE_NOOP(
        "Messages", "The draft has no recipients. Add at least one recipient before submitting it."
    ),
    "issuing.resubmit_unchanged": QT_TRANSLATE_NOOP(
        "Messages",
        "The draft was returned with comments and nothing has changed since. "
        "Upload the revised file or correct the details, then submit again.",
    ),
    "issuing.comment_required": QT_TRANSLATE_NOOP(
        "Messages", "Write what must change before returning the draft."
    ),
    "issuing.not_your_signature": QT_TRANSLATE_NOOP(
        "Messages", "This draft waits for {signer}'s signature. Only {signer}, or a deputy they delegated to, can act."
    ),
    "issuing.signing_unavailable": QT_TRANSLATE_NOOP(
        "Messages", "Digital signing is not set up on this computer. Ask the administrator to configure the tokens."
    ),
    "issuing.cannot_move_signature": QT_TRANSLATE_NOOP(
        "Messages",
        "The signature cannot be moved on this draft: the file it was prepared from is not among its versions. "
        "Sign it where it is, or return it so the drafter submits it again.",
    ),
    "trust.certificate_invalid": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a certificate file (PEM or DER). Choose the root certificate (.pem, .cer, .crt)."
    ),
    "trust.crl_invalid": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a certificate revocation list (CRL). Choose the .crl file the CA publishes."
    ),
    "trust.file_type": QT_TRANSLATE_NOOP(
        "Messages", "{name} is neither a certificate (.pem, .cer, .crt, .der) nor a revocation list (.crl)."
    ),
    "trust.folder_missing": QT_TRANSLATE_NOOP(
        "Messages", "No folder for trusted certificates is configured on this computer. Check the data directory."
    ),
    "docx.not_a_word_file": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a Word document that can be read. Open it in Word, save as DOCX or PDF, try again."
    ),
    "docx.converter_missing": QT_TRANSLATE_NOOP(
        "Messages",
        "Converting {name} to PDF needs LibreOffice, which is not installed on this computer. "
        "Install LibreOffice, or save the draft as PDF in Word and upload the PDF.",
    ),
    "docx.convert_timeout": QT_TRANSLATE_NOOP(
        "Messages", "LibreOffice did not finish converting {name} within {seconds} s. Save it as PDF and upload that."
    ),
    "docx.convert_failed": QT_TRANSLATE_NOOP(
        "Messages", "LibreOffice could not convert {name} to PDF ({detail}). Save it as PDF in Word and upload that."
    ),
    "permission.denied": QT_TRANSLATE_NOOP("Messages", "Your role may not do this. Ask a user with the right role."),
    "conflict": QT_TRANSLATE_NOOP("Messages", "Someone else changed this meanwhile. Reload and try again."),
}

GENERIC = QT_TRANSLATE_NOOP("Messages", "The operation could not be completed (code {code}).")
UNEXPECTED = QT_TRANSLATE_NOOP(
    "Messages", "An unexpected error occurred. Details were written to the log at {log}. Please report it."
)


def translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def describe(error: DomainError) -> str:
    """A translated sentence for the error; missing parameters never raise."""
    template = MESSAGES.get(error.code)
    if template is None:
        return translate(GENERIC).format(code=error.code)
    return translate(template).format_map(_Lenient(error.params))


def describe_unexpected(log_path: str) -> str:
    return translate(UNEXPECTED).format(log=log_path)


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
