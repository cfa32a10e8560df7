"""A registry book (or a filtered part of it) written out as an Excel workbook or as the printed ND30 register.

ND30 Art 16.2.b / 22.3.b: a book kept in the system is printed and bound at year end, so the PDF follows the Appendix
IV layout: a cover with the agency, the title, the year and the range of dates and numbers, then landscape pages
with the official columns, their header and column numbers repeated on every page, and page numbers.

Both writers stream: entry ids come from the index in large slices, rows are read a few hundred at a time, so a
book of a million entries is written without holding it in memory. The file appears only when complete (temporary
file, then rename); a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.domain.errors import StorageError
from app.domain.model import Agency, RegistryBook
from app.domain.register_cells import cells
from app.domain.registers import RegisterForm, form_for
from app.domain.registry_query import RegistryQuery, RegistryRow, SortKey
from app.services.context import StoreContext
from app.store import registry_view
from app.store.repositories import AgencyRepository, RegistryRepository

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

ID_SLICE = 20_000  # ids read from the index per query
ROW_CHUNK = 500  # rows joined and written per step (progress and cancel are checked per step)
INT_COLUMNS = {"arrival_number", "copies"}  # numbers in Excel, so the clerk can sort and sum them


@dataclass(frozen=True)
class ExportResult:
    path: Path | None  # None when cancelled
    rows: int
    pages: int = 0  # pages of a PDF (cover included)
    cancelled: bool = False


@dataclass(frozen=True)
class RegisterCover:
    """What the cover and every page title of a printed register say (standards §3), for any of the registers."""

    form: RegisterForm
    agency_name: str
    parent_name: str
    year: int
    name: str
    total: int
    date_from: str = ""  # dd/mm/yyyy of the first line, "" when empty
    date_to: str = ""
    number_from: str = ""
    number_to: str = ""


def _number(n: int) -> str:
    return f"{n:02d}"


@dataclass(frozen=True)
class BookHeading:
    """What the cover and every page title say about the book."""

    book: RegistryBook
    form: RegisterForm
    agency_name: str
    parent_name: str
    total: int
    first: RegistryRow | None
    last: RegistryRow | None

    def cover(self) -> RegisterCover:
        first, last = self.first, self.last
        return RegisterCover(
            form=self.form,
            agency_name=self.agency_name,
            parent_name=self.parent_name,
            year=self.book.year,
            name=self.book.name,
            total=self.total,
            date_from=first.registered_at.strftime("%d/%m/%Y") if first else "",
            date_to=last.registered_at.strftime("%d/%m/%Y") if last else "",
            number_from=_number(first.number) if first else "",
            number_to=_number(last.number) if last else "",
        )


class RegistryExportService:
    def __init__(self, ctx: StoreContext) -> None:
        self._ctx = ctx

    # ---- public ------------------------------------------------------------------------------------------------
    def export_xlsx(
        self,
        query: RegistryQuery,
        out: Path,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        book_order: bool = True,
    ) -> ExportResult:
        """One sheet: the official column titles in row 1, one entry per row, in book order unless told otherwise."""
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        query = _book_order(query) if book_order else query
        with self._ctx.db.read_session() as s:
            head = self._heading(s, query)
            wb = Workbook(write_only=True)
            ws: Any = wb.create_sheet(_sheet_title(head))
            keys = [c.key for c in head.form.columns]
            for i, col in enumerate(head.form.columns, start=1):
                ws.column_dimensions[get_column_letter(i)].width = max(8, col.width * 1.6)
            ws.freeze_panes = "A2"
            ws.print_title_rows = "1:1"
            ws.page_setup.orientation = "landscape"
            ws.page_setup.paperSize = 9  # A4
            header = []
            for col in head.form.columns:
                cell = WriteOnlyCell(ws, value=col.title_vi)
                cell.font = Font(bold=True)
                cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
                header.append(cell)
            ws.append(header)
            done = 0
            for chunk in _chunks(s, query, head.total):
                if cancelled is not None and cancelled():
                    _discard_sheet(ws)
                    return ExportResult(None, done, cancelled=True)
                for row in chunk:
                    by_key = cells(row)
                    ws.append([_xlsx_value(row, k, by_key) for k in keys])
                done += len(chunk)
                if progress is not None:
                    progress(done, head.total)
            ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{done + 1}"
            with _atomic(out) as tmp:
                wb.save(str(tmp))
        return ExportResult(out, done)

    def export_pdf(
        self,
        query: RegistryQuery,
        out: Path,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        book_order: bool = True,
    ) -> ExportResult:
        """The register as printed and bound (landscape A4, ND30 Appendix IV)."""
        query = _book_order(query) if book_order else query
        done = pages = 0
        stopped = False
        with self._ctx.db.read_session() as s:
            head = self._heading(s, query)
            with _atomic(out) as tmp:
                writer = RegisterPdfWriter(tmp, head.cover())
                try:
                    writer.cover()
                    for chunk in _chunks(s, query, head.total):
                        if cancelled is not None and cancelled():
                            stopped = True
                            raise _Stop
                        for row in chunk:
                            writer.row(row)
                        done += len(chunk)
                        if progress is not None:
                            progress(done, head.total)
                    pages = writer.finish()
                except BaseException:
                    writer.discard()
                    raise
        if stopped:
            return ExportResult(None, done, cancelled=True)
        return ExportResult(out, done, pages)

    def heading(self, query: RegistryQuery) -> BookHeading:
        with self._ctx.db.read_session() as s:
            return self._heading(s, _book_order(query))

    # ---- helpers -----------------------------------------------------------------------------------------------
    def _heading(self, s: Session, query: RegistryQuery) -> BookHeading:
        book = RegistryRepository(s).book(query.book_id)
        agency: Agency | None = AgencyRepository(s).own()
        total = registry_view.count(s, query)
        first = registry_view.page(s, query, 0, 1) if total else []
        last = registry_view.page(s, query, total - 1, 1) if total else []
        return BookHeading(
            book=book,
            form=form_for(book.kind, confidential=book.confidential),
            agency_name=agency.name if agency else "",
            parent_name=(agency.parent_name or "") if agency else "",
            total=total,
            first=first[0] if first else None,
            last=last[0] if last else None,
        )


class _Stop(Exception):
    """Raised inside the atomic block to discard the half-written file when the user cancels."""


def _book_order(query: RegistryQuery) -> RegistryQuery:
    """A printed book runs from number 01 upwards."""
    return replace(query, sort=SortKey.NUMBER, descending=False)


def _chunks(s: Session, query: RegistryQuery, total: int) -> Iterator[list[RegistryRow]]:
    for start in range(0, total, ID_SLICE):
        ids = registry_view.page_ids(s, query, start, ID_SLICE)
        for i in range(0, len(ids), ROW_CHUNK):
            yield registry_view.rows_for(s, ids[i : i + ROW_CHUNK])


def _discard_sheet(ws: Any) -> None:
    """Finish and delete openpyxl's temporary sheet file now, not at interpreter exit (it may hold 100 MB)."""
    ws.close()
    writer = getattr(ws, "_writer", None)
    cleanup = getattr(writer, "cleanup", None)
    if callable(cleanup):
        with suppress(OSError, ValueError):
            cleanup()


def _xlsx_value(row: RegistryRow, key: str, by_key: dict[str, str]) -> object:
    if key == "arrival_number":
        return row.number
    if key == "copies":
        return row.copies
    return by_key.get(key, "")


def _sheet_title(head: BookHeading) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet name."""
    base = "Sổ đến" if head.form.kind.value == "incoming" else "Sổ đi"
    if head.book.confidential:
        base += " mật"
    return f"{base} {head.book.year}"[:31]


@contextmanager
def _atomic(out: Path) -> Iterator[Path]:
    """Write to a temporary file beside `out`, make it durable, then rename over `out` in one step."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        yield tmp
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except _Stop:
        tmp.unlink(missing_ok=True)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise StorageError("storage.disk_full", path=str(out.parent)) from exc
        raise StorageError("export.write_failed", path=str(out), detail=exc.strerror or str(exc)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def default_file_name(head: BookHeading, suffix: str, now: datetime) -> str:
    """"So-den-2026-20261124.xlsx": ASCII only, so it survives any file system and e-mail client."""
    kind = "So-den" if head.form.kind.value == "incoming" else "So-di"
    secret = "-mat" if head.book.confidential else ""
    return f"{kind}{secret}-{head.book.year}-{now:%Y%m%d}.{suffix}"


# ---- the printed register ---------------------------------------------------------------------------------------
MM = 72 / 25.4
MARGIN_LEFT = 20 * MM  # binding edge
MARGIN_RIGHT = 10 * MM
MARGIN_TOP = 12 * MM
MARGIN_BOTTOM = 14 * MM
BODY_SIZE = 9.0
BODY_LEADING = 11.0
HEAD_SIZE = 9.0
PAD = 3.0
CENTRED = {"arrival_date", "arrival_number", "document_date", "transfer_date", "copies", "confidentiality", "date",
           "return_date", "deadline"}
GREY = (0.45, 0.45, 0.45)
PART_PAGES = 1000


def export_lines_xlsx(cover: RegisterCover, lines: Iterable[tuple[Mapping[str, str], bool]], out: Path) -> ExportResult:
    """A small register (postal dispatch, kept-copy use, follow-up) to one sheet with its official columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws: Any = wb.active
    ws.title = f"{cover.form.title_vi[:26]} {cover.year}"[:31]
    keys = [c.key for c in cover.form.columns]
    for i, col in enumerate(cover.form.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(8, col.width * 1.6)
        cell = ws.cell(row=1, column=i, value=col.title_vi)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    done = 0
    for by_key, _greyed in lines:
        ws.append([by_key.get(k, "") for k in keys])
        done += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{done + 1}"
    with _atomic(out) as tmp:
        wb.save(str(tmp))
    return ExportResult(out, done)


def export_lines_pdf(cover: RegisterCover, lines: Iterable[tuple[Mapping[str, str], bool]], out: Path) -> ExportResult:
    """A small register printed like the main books: cover, landscape pages, official headings."""
    done = 0
    with _atomic(out) as tmp:
        writer = RegisterPdfWriter(tmp, cover)
        try:
            writer.cover()
            for by_key, greyed in lines:
                writer.line(by_key, greyed=greyed)
                done += 1
            pages = writer.finish()
        except BaseException:
            writer.discard()
            raise
    return ExportResult(out, done, pages)


class RegisterPdfWriter:
    """Draws the register page by page with the reportlab canvas: rows are laid out as they arrive.

    reportlab keeps every page's drawing text in memory until it saves (about 26 KB a page; a million entries make
    60,000 pages), so a long register is written in parts of PART_PAGES pages, which pikepdf joins at the end.
    """

    def __init__(self, path: Path, head: RegisterCover, *, part_pages: int | None = None) -> None:
        from reportlab.lib.pagesizes import A4, landscape

        from app.services.official_pdf import fonts

        self._path = Path(path)
        self._head = head
        self._fonts = fonts()
        self._size = landscape(A4)
        self._part_pages = part_pages or PART_PAGES
        self._parts: list[Path] = []
        self._in_part = 0
        self._c = self._canvas()
        width = self._size[0] - MARGIN_LEFT - MARGIN_RIGHT
        units = sum(c.width for c in head.form.columns)
        self._widths = [width * c.width / units for c in head.form.columns]
        self._keys = [c.key for c in head.form.columns]
        self._pages = 0  # pages finished
        self._table_page = 0
        self._y = 0.0  # where the next row starts; 0 means no table page is open
        self._header_lines = [self._wrap(c.title_vi, w, self._fonts.bold, HEAD_SIZE) for c, w in
                              zip(head.form.columns, self._widths, strict=True)]
        self._max_lines = int((self._size[1] - MARGIN_TOP - MARGIN_BOTTOM - 120) / BODY_LEADING)

    def _canvas(self) -> Any:
        from reportlab.pdfgen.canvas import Canvas

        part = self._path.with_name(f"{self._path.name}.part{len(self._parts):04d}")
        self._parts.append(part)
        self._in_part = 0
        c = Canvas(str(part), pagesize=self._size, pageCompression=1)
        c.setTitle(f"{self._head.form.title_vi} — {self._head.year}")
        c.setAuthor(self._head.agency_name)
        c.setSubject(self._head.name)
        c.setCreator("Văn Thư Desktop")
        return c

    def _page_done(self) -> None:
        self._c.showPage()
        self._pages += 1
        self._in_part += 1

    def discard(self) -> None:
        """Remove the parts written so far (a cancelled or failed export)."""
        for part in self._parts:
            part.unlink(missing_ok=True)

    # ---- cover (standards §3: parent agency, agency, title, year, date range, number range, volume) ---------
    def cover(self) -> None:
        c, f, h = self._c, self._fonts, self._head
        w, ht = self._size
        cx = w / 2
        y = ht - 30 * MM
        if h.parent_name:
            c.setFont(f.regular, 13)
            c.drawCentredString(cx, y, h.parent_name.upper())
            y -= 18
        c.setFont(f.bold, 13)
        c.drawCentredString(cx, y, h.agency_name.upper())
        c.setLineWidth(0.6)
        c.line(cx - 40 * MM / 2, y - 5, cx + 40 * MM / 2, y - 5)
        y = ht / 2 + 40
        c.setFont(f.bold, 26)
        c.drawCentredString(cx, y, h.form.title_vi)
        y -= 34
        c.setFont(f.bold, 15)
        c.drawCentredString(cx, y, f"Năm: {h.year}")
        y -= 40
        c.setFont(f.regular, 13)
        c.drawCentredString(cx, y, f"Từ ngày {h.date_from or '…………'} đến ngày {h.date_to or '…………'}")
        y -= 20
        c.drawCentredString(cx, y, f"Từ số {h.number_from or '……'} đến số {h.number_to or '……'}")
        y -= 20
        c.drawCentredString(cx, y, "Quyển số: …………")
        c.setFont(f.italic, 11)
        c.drawCentredString(cx, 24 * MM, f"{h.name} — {h.total:,} mục".replace(",", "."))
        self._page_done()

    # ---- table pages ---------------------------------------------------------------------------------------
    def row(self, row: RegistryRow) -> None:
        self.line(cells(row), greyed=row.cancelled)

    def line(self, by_key: Mapping[str, str], *, greyed: bool = False) -> None:
        """One line of any register, from its cells by column key; a cancelled line is printed grey."""
        lines = [
            self._wrap(by_key.get(k, ""), w, self._fonts.regular, BODY_SIZE)[: self._max_lines]
            for k, w in zip(self._keys, self._widths, strict=True)
        ]
        height = max(len(x) for x in lines) * BODY_LEADING + 2 * PAD
        if self._y == 0.0 or self._y - height < MARGIN_BOTTOM:
            self._new_page()
        c = self._c
        top = self._y
        c.setLineWidth(0.4)
        if greyed:
            c.setFillColorRGB(*GREY)
        c.setFont(self._fonts.regular, BODY_SIZE)
        x = MARGIN_LEFT
        for key, width, cell_lines in zip(self._keys, self._widths, lines, strict=True):
            y = top - PAD - BODY_SIZE
            for text in cell_lines:
                if key in CENTRED:
                    c.drawCentredString(x + width / 2, y, text)
                else:
                    c.drawString(x + PAD, y, text)
                y -= BODY_LEADING
            x += width
        c.setFillColorRGB(0, 0, 0)
        self._grid(top, top - height)
        self._y = top - height

    def finish(self) -> int:
        if self._y != 0.0:
            self._end_page()
        elif self._table_page == 0:  # an empty book still prints its header
            self._new_page()
            self._end_page()
        self._c.save()
        if len(self._parts) == 1:
            os.replace(self._parts[0], self._path)
        else:
            self._join()
        return self._pages

    def _join(self) -> None:
        """One PDF from the parts; qpdf copies the page streams from the part files as it writes."""
        import pikepdf

        sources = [pikepdf.open(p) for p in self._parts]
        try:
            with pikepdf.new() as out:
                for src in sources:
                    out.pages.extend(src.pages)
                with out.open_metadata(set_pikepdf_as_editor=False) as meta:
                    meta["dc:title"] = f"{self._head.form.title_vi} — {self._head.year}"
                out.docinfo["/Title"] = f"{self._head.form.title_vi} — {self._head.year}"
                out.docinfo["/Author"] = self._head.agency_name
                out.docinfo["/Creator"] = "Văn Thư Desktop"
                out.save(self._path)
        finally:
            for src in sources:
                src.close()
            self.discard()

    def _new_page(self) -> None:
        if self._y != 0.0:
            self._end_page()
        if self._in_part >= self._part_pages:
            self._c.save()
            self._c = self._canvas()
        c, f, h = self._c, self._fonts, self._head
        w, ht = self._size
        self._table_page += 1
        y = ht - MARGIN_TOP
        c.setFont(f.regular, 9)
        c.drawString(MARGIN_LEFT, y - 9, h.agency_name)
        c.drawRightString(w - MARGIN_RIGHT, y - 9, f"Năm {h.year}")
        c.setFont(f.bold, 12)
        c.drawCentredString(MARGIN_LEFT + (w - MARGIN_LEFT - MARGIN_RIGHT) / 2, y - 10, h.form.title_vi)
        top = y - 22
        rows = max(len(x) for x in self._header_lines)
        bottom = top - rows * (HEAD_SIZE + 2) - 2 * PAD
        c.setFillColorRGB(0.92, 0.92, 0.92)
        c.rect(MARGIN_LEFT, bottom, sum(self._widths), top - bottom, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(f.bold, HEAD_SIZE)
        x = MARGIN_LEFT
        for width, lines in zip(self._widths, self._header_lines, strict=True):
            block = len(lines) * (HEAD_SIZE + 2)
            ty = (top + bottom) / 2 + block / 2 - HEAD_SIZE
            for text in lines:
                c.drawCentredString(x + width / 2, ty, text)
                ty -= HEAD_SIZE + 2
            x += width
        c.setLineWidth(0.6)
        self._grid(top, bottom)
        numbers_bottom = bottom - 12
        c.setFont(f.italic, 8)
        x = MARGIN_LEFT
        for i, width in enumerate(self._widths, start=1):
            c.drawCentredString(x + width / 2, numbers_bottom + 3.5, f"({i})")
            x += width
        self._grid(bottom, numbers_bottom)
        self._y = numbers_bottom

    def _end_page(self) -> None:
        c = self._c
        c.setFont(self._fonts.regular, 9)
        c.drawCentredString(self._size[0] / 2, MARGIN_BOTTOM / 2, f"Trang {self._table_page}")
        self._page_done()
        self._y = 0.0

    def _grid(self, top: float, bottom: float) -> None:
        c = self._c
        x = MARGIN_LEFT
        right = MARGIN_LEFT + sum(self._widths)
        c.line(MARGIN_LEFT, top, right, top)
        c.line(MARGIN_LEFT, bottom, right, bottom)
        for width in [0.0, *self._widths]:
            x += width
            c.line(x, top, x, bottom)

    @staticmethod
    def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
        from reportlab.lib.utils import simpleSplit

        if not text:
            return [""]
        return list(simpleSplit(text, font, size, width - 2 * PAD)) or [""]
