"""Signing an issued document: leader → number and date → organisation seal, with the leader's signature intact.

Follows /work/shared/signing-recipe.md, the sequence pyHanko's difference analysis accepts:
1. `prepare_draft` (when the draft is submitted; a plain rewrite, nothing is signed yet) writes PDF 1.7 with two empty
   text fields (`so_ky_hieu`, `ngay_ban_hanh`) over the number and date lines and BOTH signature fields
   (`Sig_LanhDao` in the signer block, `Sig_CoQuan` over the left third of it), the leader's field locked by a
   FieldMDP that excludes exactly the number, the date and the seal field.
2. `sign_leader`: a certification signature with DocMDP P=2 (form filling and signing allowed) into `Sig_LanhDao`.
3. `stamp_number_and_date`: the clerk fills the two text fields as an incremental update (never the page content).
4. `sign_seal`: the organisation's approval signature into the existing `Sig_CoQuan` (never a new field).
The app does 3 and 4 in one incremental update (`number_and_seal`): the clerk numbers and seals in one step.
Other organisation signatures that stand alone (digitised paper arrivals, separate-file appendices, electronic
copies) are text-only signatures at the top right of page 1 (standards §2).

All pyHanko work that touches the token runs on the `TokenWorker` thread; the PIN goes straight to the login.
Visible times are Vietnam time `dd/MM/yyyy HH:mm:ss +07:00`, the same instant as the embedded signing time.
"""

from __future__ import annotations

import binascii
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from asn1crypto import x509 as asn1_x509

from app.domain.clock import VN_TZ, vn_now
from app.services.signing import ahead_hash, cms_template, fast_objects
from app.services.signing.errors import SigningError
from app.services.signing.gc_pause import pauses_collection
from app.services.signing.images import EncodedImage, FontKit, encoded_image, make_seal_png, vietnamese_font
from app.services.signing.tokens import (
    TokenSelector,
    TokenWorker,
    chain_certificates,
    run_async_on_this_thread,
    signing_key_id,
)

Box = tuple[int, float, float, float, float]  # page index, x0, y0, x1, y1 in PDF points (as official_pdf gives them)
Clock = Callable[[], datetime]

NUMBER_FIELD = "so_ky_hieu"
DATE_FIELD = "ngay_ban_hanh"
LEADER_FIELD = "Sig_LanhDao"
SEAL_FIELD = "Sig_CoQuan"
TOP_RIGHT_FIELD = "Sig_CoQuan_SoHoa"
APPENDIX_FIELD = "Sig_CoQuan_PhuLuc"  # a separate-file appendix's own seal field (top right of page 1)
MM = 72 / 25.4
SEAL_DIAMETER = 36 * MM  # a provincial department's round seal is about 35–40 mm; the appearance is actual size
TEXT_SIZE_NUMBER = 13
TEXT_SIZE_DATE = 14


@dataclass(frozen=True)
class TokenKey:
    """Who signs: a token (by label/serial) on a worker, and optionally which key on it (CKA_ID)."""

    worker: TokenWorker
    selector: TokenSelector
    key_id: bytes | None = None


@dataclass(frozen=True)
class SigningLayout:
    """Where the clerk's number and date and the two signatures go on the draft."""

    number_box: Box
    date_box: Box
    signer_box: Box
    seal_box: Box | None = None  # default: `seal_box_for(signer_box)`

    @property
    def seal(self) -> Box:
        return self.seal_box or seal_box_for(self.signer_box)


def format_vn_time(moment: datetime) -> str:
    """`25/11/2026 09:15:30 +07:00`: what TT01 asks to show, always in Vietnam time."""
    return moment.astimezone(VN_TZ).strftime("%d/%m/%Y %H:%M:%S +07:00")


def seal_box_for(signer_box: Box, diameter: float = SEAL_DIAMETER) -> Box:
    """The seal covers about the left third of the signature image (ND30 App I §II.8.a): its right edge sits one
    third into the signer block, vertically centred on it; a text strip (org name, time) runs under the seal."""
    page, x0, y0, x1, y1 = signer_box
    right = x0 + (x1 - x0) / 3
    cy = (y0 + y1) / 2
    strip = 20.0
    top = cy + diameter / 2
    return page, right - diameter, top - diameter - strip, right, top


# -- preparing the draft ---------------------------------------------------------------------------------------------
def prepare_draft(pdf_bytes: bytes, layout: SigningLayout, *, lock_leader_field: bool = True) -> bytes:
    """Add the number/date text fields and both signature fields to an unsigned draft (rewrites the file)."""
    from pyhanko.pdf_utils import generic as _generic
    from pyhanko.pdf_utils.generic import pdf_name, pdf_string
    from pyhanko.pdf_utils.writer import copy_into_new_writer
    from pyhanko.sign import fields

    generic: Any = _generic  # pyHanko's PDF object constructors are untyped
    reader = _reader(pdf_bytes)
    if reader.embedded_signatures:
        raise SigningError("signing.already_signed", detail="a signed document cannot be re-prepared")
    writer: Any = copy_into_new_writer(reader)
    lock = None
    if lock_leader_field:
        lock = fields.FieldMDPSpec(fields.FieldMDPAction.EXCLUDE, fields=[NUMBER_FIELD, DATE_FIELD, SEAL_FIELD])
    for name, box, mdp in ((LEADER_FIELD, layout.signer_box, lock), (SEAL_FIELD, layout.seal, None)):
        fields.append_signature_field(writer, fields.SigFieldSpec(
            name, on_page=box[0], box=_int_rect(box), field_mdp_spec=mdp))
    form = writer.root["/AcroForm"]
    helv = writer.add_object(generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/Font"), pdf_name("/Subtype"): pdf_name("/Type1"),
        pdf_name("/BaseFont"): pdf_name("/Helvetica"), pdf_name("/Encoding"): pdf_name("/WinAnsiEncoding")}))
    dr_fonts = {pdf_name("/Helv"): helv}
    for italic, resource in FONT_RESOURCES.items():  # the appearances of the later steps reference these
        dr_fonts[pdf_name(resource)] = _font_ref(writer, italic)
    form[pdf_name("/DR")] = generic.DictionaryObject({pdf_name("/Font"): generic.DictionaryObject(dr_fonts)})
    form[pdf_name("/DA")] = pdf_string("/Helv 0 Tf 0 g")
    for name, box in ((NUMBER_FIELD, layout.number_box), (DATE_FIELD, layout.date_box)):
        page_ref = writer.find_page_for_modification(box[0])[0]
        widget = writer.add_object(generic.DictionaryObject({
            pdf_name("/Type"): pdf_name("/Annot"), pdf_name("/Subtype"): pdf_name("/Widget"),
            pdf_name("/FT"): pdf_name("/Tx"), pdf_name("/T"): pdf_string(name), pdf_name("/F"): generic.NumberObject(4),
            pdf_name("/Rect"): generic.ArrayObject(generic.FloatObject(v) for v in box[1:]),
            pdf_name("/P"): page_ref, pdf_name("/DA"): pdf_string("/Helv 0 Tf 0 g"),
            pdf_name("/Ff"): generic.NumberObject(0),
        }))
        page = page_ref.get_object()
        annots = page.get("/Annots")
        if annots is None:
            page[pdf_name("/Annots")] = generic.ArrayObject([widget])
        else:
            annots.get_object().append(widget)
        form["/Fields"].append(widget)
    writer.output_version = (1, 7)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -- faster PDF parsing ----------------------------------------------------------------------------------------------
_fast_paths_installed = False


def speed_up_pdf_parsing() -> None:
    """Replace pyHanko's byte-at-a-time token readers with ones that scan in chunks (idempotent; process-wide).

    Why: pyHanko's parser reads one byte per Python call. A signature's /Contents is a 10–15 KB hex string (15–25 ms
    a signature), and verification's difference analysis parses every object of the signed revision (pages, image
    dictionaries): names, whitespace and number tokens dominated it. Each replacement returns the same value and
    leaves the stream where the original would for well-formed input, and hands anything unusual (a comment, an
    escape, a non-hex byte, a token running to the end of the chunk or the file) to the original, so errors and
    edge cases stay pyHanko's. Also: pyHanko's chunked digest reads an `_AppendStream` without copying.
    """
    global _fast_paths_installed
    if _fast_paths_installed:
        return
    from pyhanko.pdf_utils import generic as _generic
    from pyhanko.pdf_utils import misc as _misc

    generic: Any = _generic
    misc: Any = _misc
    if getattr(generic.read_hex_string_from_stream, "_vanthu_fast", False):
        _fast_paths_installed = True
        return
    _install(generic, "read_hex_string_from_stream", _fast_hex_reader(generic, generic.read_hex_string_from_stream))
    non_ws = _fast_non_whitespace(misc.read_non_whitespace)
    until_delim = _fast_until_delimiter(misc.read_until_delimiter)
    for module in (generic, misc):
        _install(module, "read_non_whitespace", non_ws)
        _install(module, "read_until_delimiter", until_delim)
    _install(generic, "_decode_name", _fast_decode_name(generic, generic._decode_name))
    _install(misc, "chunked_digest", _fast_chunked_digest(misc.chunked_digest))
    fast_objects.install(generic)
    ahead_hash.install()
    _fast_paths_installed = True


def _install(module: Any, name: str, replacement: Any) -> None:
    replacement._vanthu_fast = True
    replacement.original = getattr(module, name)
    setattr(module, name, replacement)


def _fast_hex_reader(generic: Any, original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def read_hex_string_from_stream(stream: Any) -> Any:
        start = stream.tell()
        stream.read(1)  # the "<"
        chunks: list[bytes] = []
        while True:
            chunk = stream.read(16384)
            end = chunk.find(b">")
            if end >= 0:
                chunks.append(chunk[:end])
                stream.seek(end + 1 - len(chunk), 1)
                break
            if not chunk:
                stream.seek(start)
                return original(stream)
            chunks.append(chunk)
        digits = b"".join(chunks).translate(None, _PDF_WHITESPACE)
        if digits.translate(None, _HEX_DIGITS):  # "%" comments or stray bytes: the original decides
            stream.seek(start)
            return original(stream)
        if len(digits) % 2:
            digits += b"0"
        return generic.pdf_string(binascii.unhexlify(digits))

    return read_hex_string_from_stream


def _fast_non_whitespace(original: Callable[..., bytes]) -> Callable[..., bytes]:
    def read_non_whitespace(stream: Any, seek_back: bool = False, allow_eof: bool = False) -> bytes:
        first = stream.read(1)
        if first and first not in _WHITESPACE_OR_COMMENT:  # the usual case: no blank at all
            if seek_back:
                stream.seek(-1, io.SEEK_CUR)
            return bytes(first)
        start = stream.tell() - len(first)
        stream.seek(start)
        chunk: bytes = stream.read(_TOKEN_PEEK)
        found = _NON_WHITESPACE.search(chunk)
        if found is None or chunk[found.start()] == 0x25:  # all blank so far, the end, or a "%" comment
            stream.seek(start)
            return original(stream, seek_back=seek_back, allow_eof=allow_eof)
        at = found.start()
        stream.seek(start + at + (0 if seek_back else 1))
        return chunk[at:at + 1]

    return read_non_whitespace


def _fast_until_delimiter(original: Callable[[Any], bytes]) -> Callable[[Any], bytes]:
    def read_until_delimiter(stream: Any) -> bytes:
        start = stream.tell()
        chunk: bytes = stream.read(_TOKEN_PEEK)
        token = _REGULAR_RUN.match(chunk)
        end = token.end() if token is not None else 0
        if end >= len(chunk):  # the token may go on past the chunk, or end the file: the original decides
            stream.seek(start)
            return original(stream)
        stream.seek(start + end)  # the delimiter is left unread, as the original does
        return chunk[:end]

    return read_until_delimiter


def _fast_decode_name(generic: Any, original: Callable[[bytes], Any]) -> Callable[[bytes], Any]:
    def _decode_name(name_bytes: bytes) -> Any:
        if _PLAIN_NAME.fullmatch(name_bytes) is None:  # "#" escapes and bytes that must be escaped: the original
            return original(name_bytes)
        return generic.NameObject("/" + name_bytes.decode("ascii"))

    return _decode_name


def _fast_chunked_digest(original: Callable[..., None]) -> Callable[..., None]:
    def chunked_digest(temp_buffer: bytearray, stream: Any, md: Any, max_read: int | None = None) -> None:
        if isinstance(stream, _AppendStream):
            stream.digest_into(md, max_read)
        else:
            original(temp_buffer, stream, md, max_read=max_read)

    return chunked_digest


_PDF_WHITESPACE = b" \n\r\t\f\x00"
_PDF_DELIMITERS = b"()<>[]{}/%"
_WHITESPACE_OR_COMMENT = _PDF_WHITESPACE + b"%"
_TOKEN_PEEK = 256  # bytes looked at per token; longer tokens go to pyHanko's reader
_NON_WHITESPACE = re.compile(b"[^" + re.escape(_PDF_WHITESPACE) + b"]")
_REGULAR_RUN = re.compile(b"[^" + re.escape(_PDF_WHITESPACE + _PDF_DELIMITERS) + b"]*")
_PLAIN_NAME = re.compile(b"[" + b"".join(re.escape(bytes([c])) for c in range(0x21, 0x7F)
                                          if bytes([c]) not in _PDF_DELIMITERS + b"#") + b"]*")
_HASH_CHUNK = 1 << 20  # the signed ranges are hashed 1 MB at a time (pyHanko's default 4 KB is 6,400 calls on a scan)
_HEX_DIGITS = b"0123456789abcdefABCDEF"


def _int_rect(box: Box) -> tuple[int, int, int, int]:
    return round(box[1]), round(box[2]), round(box[3]), round(box[4])


def _reader(pdf_bytes: bytes) -> Any:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    speed_up_pdf_parsing()
    try:
        return PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    except (PdfReadError, ValueError) as exc:
        raise SigningError("signing.pdf_invalid", detail=str(exc)) from exc


def field_names(pdf_bytes: bytes) -> dict[str, bool]:
    """Form field name → filled? (signature fields: signed?)."""
    return _fields_of(_reader(pdf_bytes))


# -- appearances -----------------------------------------------------------------------------------------------------
# Why not pyHanko's TextStampStyle/TextFieldContent: each builds a GlyphAccumulator that subsets the serif font with
# fontTools on every signature (100–500 ms) and encodes the image again. Here the font is the reduced Vietnamese kit
# (images.vietnamese_font) embedded whole, once: `prepare_draft` puts it in /AcroForm /DR, so the later steps only
# reference it; a document prepared elsewhere gets it embedded in the revision that needs it. Images are encoded
# once per distinct PNG. Text is laid out from the font's advance widths (NFC Vietnamese needs no shaping).
FONT_RESOURCES = {False: "/VTSerif", True: "/VTSerifItalic"}  # italic? → name in /AcroForm /DR /Font
_LEADING = 1.15


@dataclass(frozen=True)
class _Look:
    """What a visible appearance shows: an image (fitted, top-aligned) and/or centred text lines."""

    lines: tuple[str, ...]
    font_size: float
    image: bytes | None = None
    italic: bool = False
    text_top: bool = False  # text block at the top of the box (else at the bottom)
    image_margin_bottom: float = 0.0  # room kept under the image (for the text)
    white_band: bool = False  # paint the box white first (covers the draft's placeholder line)
    baseline_gap: float | None = None  # text fields: the baseline's height above the box bottom


def _writer_cache(writer: Any) -> dict[Any, Any]:
    cache: dict[Any, Any] | None = getattr(writer, "_vanthu_objects", None)
    if cache is None:
        cache = {}
        writer._vanthu_objects = cache
    return cache


def _font_ref(writer: Any, italic: bool) -> Any:
    """The Type0 font of the kit: the one in /AcroForm /DR when the draft was prepared with it, else embedded once in
    this revision."""
    kit = vietnamese_font(italic=italic)
    cache = _writer_cache(writer)
    key = ("font", kit.ps_name)
    if key in cache:
        return cache[key]
    ref = _dr_font(writer, kit.ps_name, italic)
    if ref is None:
        ref = _embed_font(writer, kit)
    cache[key] = ref
    return ref


def _dr_font(writer: Any, ps_name: str, italic: bool) -> Any:
    try:
        fonts = writer.root["/AcroForm"]["/DR"]["/Font"]
        ref = fonts.raw_get(FONT_RESOURCES[italic])
        if str(ref.get_object()["/BaseFont"]) == "/" + ps_name:
            return ref
    except (KeyError, AttributeError, TypeError):
        pass
    return None


def _embed_font(writer: Any, kit: FontKit) -> Any:
    from pyhanko.pdf_utils import generic as _generic
    from pyhanko.pdf_utils.generic import pdf_name, pdf_string

    generic: Any = _generic
    num, flt, arr, dic = generic.NumberObject, generic.FloatObject, generic.ArrayObject, generic.DictionaryObject
    flate = {pdf_name("/Filter"): pdf_name("/FlateDecode")}
    program = writer.add_object(generic.StreamObject(
        {**flate, pdf_name("/Length1"): num(kit.program_length)}, encoded_data=kit.program))
    scale = 1000 / kit.units_per_em
    descriptor = writer.add_object(dic({
        pdf_name("/Type"): pdf_name("/FontDescriptor"), pdf_name("/FontName"): pdf_name("/" + kit.ps_name),
        pdf_name("/Flags"): num(0b110 | (64 if kit.italic_angle else 0)),
        pdf_name("/FontBBox"): arr(num(round(v * scale)) for v in kit.bbox),
        pdf_name("/ItalicAngle"): flt(kit.italic_angle), pdf_name("/Ascent"): num(round(kit.ascent * scale)),
        pdf_name("/Descent"): num(round(kit.descent * scale)),
        pdf_name("/CapHeight"): num(round(kit.cap_height * scale)),
        pdf_name("/StemV"): num(int(10 + 220 * (kit.weight - 50) / 900)), pdf_name("/FontFile2"): program,
    }))
    cid_font = writer.add_object(dic({
        pdf_name("/Type"): pdf_name("/Font"), pdf_name("/Subtype"): pdf_name("/CIDFontType2"),
        pdf_name("/BaseFont"): pdf_name("/" + kit.ps_name),
        pdf_name("/CIDSystemInfo"): dic({pdf_name("/Registry"): pdf_string("Adobe"),
                                         pdf_name("/Ordering"): pdf_string("Identity"),
                                         pdf_name("/Supplement"): num(0)}),
        pdf_name("/FontDescriptor"): descriptor, pdf_name("/CIDToGIDMap"): pdf_name("/Identity"),
        pdf_name("/W"): arr([num(0), arr(num(round(a * scale)) for a in kit.advances)]),
    }))
    to_unicode = writer.add_object(generic.StreamObject(dict(flate), encoded_data=kit.to_unicode))
    return writer.add_object(dic({
        pdf_name("/Type"): pdf_name("/Font"), pdf_name("/Subtype"): pdf_name("/Type0"),
        pdf_name("/BaseFont"): pdf_name("/" + kit.ps_name), pdf_name("/Encoding"): pdf_name("/Identity-H"),
        pdf_name("/DescendantFonts"): arr([cid_font]), pdf_name("/ToUnicode"): to_unicode,
    }))


def _encoded(png: bytes) -> EncodedImage:
    try:
        return encoded_image(png)
    except (OSError, ValueError, SyntaxError) as exc:  # PIL reports truncated or foreign data in all three ways
        raise SigningError("signing.image_invalid", detail=str(exc)) from exc


def _image_ref(writer: Any, png: bytes) -> Any:
    from pyhanko.pdf_utils import generic as _generic
    from pyhanko.pdf_utils.generic import pdf_name

    generic: Any = _generic
    image = _encoded(png)
    cache = _writer_cache(writer)
    key = ("image", id(image))
    if key in cache:
        return cache[key][1]
    num = generic.NumberObject
    base = {pdf_name("/Type"): pdf_name("/XObject"), pdf_name("/Subtype"): pdf_name("/Image"),
            pdf_name("/Width"): num(image.width), pdf_name("/Height"): num(image.height),
            pdf_name("/BitsPerComponent"): num(8), pdf_name("/Filter"): pdf_name("/FlateDecode")}
    main = {**base, pdf_name("/ColorSpace"): pdf_name("/DeviceRGB")}
    if image.alpha is not None:
        main[pdf_name("/SMask")] = writer.add_object(generic.StreamObject(
            {**base, pdf_name("/ColorSpace"): pdf_name("/DeviceGray")}, encoded_data=image.alpha))
    ref = writer.add_object(generic.StreamObject(main, encoded_data=image.rgb))
    cache[key] = (image, ref)  # keeps `image` alive, so its id cannot be reused while the writer lives
    return ref


def _appearance_xobject(writer: Any, look: _Look, width: float, height: float) -> Any:
    """The form XObject (a reference) drawing `look` in a `width` × `height` box."""
    from pyhanko.pdf_utils import generic as _generic
    from pyhanko.pdf_utils.generic import pdf_name

    generic: Any = _generic
    ops: list[bytes] = []
    xobjects: dict[Any, Any] = {}
    fonts: dict[Any, Any] = {}
    if look.white_band:
        ops.append(b"q 1 g 0 0 %s %s re f Q" % (_n(width), _n(height)))
    if look.image is not None:
        image = _encoded(look.image)
        avail_w, avail_h = max(width, 1.0), max(height - look.image_margin_bottom, 1.0)
        scale = min(avail_w / image.width, avail_h / image.height, 1.0)
        w, h = image.width * scale, image.height * scale
        x, y = (width - w) / 2, height - h
        xobjects[pdf_name("/Im1")] = _image_ref(writer, look.image)
        ops.append(b"q %s 0 0 %s %s %s cm /Im1 Do Q" % (_n(w), _n(h), _n(x), _n(y)))
    lines = [unicodedata.normalize("NFC", line) for line in look.lines]
    if any(line.strip() for line in lines):
        kit = vietnamese_font(italic=look.italic)
        size = look.font_size
        margin = 1.0
        widest = max(kit.width(line, 1.0) for line in lines)
        fits_w = (width - 2 * margin) / widest if widest else size
        fits_h = (height - 2 * margin) / (len(lines) * _LEADING)
        size = max(1.0, min(size, fits_w, fits_h))  # shrink to fit, never enlarge
        leading = size * _LEADING
        ascent = size * 0.8
        if look.baseline_gap is not None:
            first = look.baseline_gap + (len(lines) - 1) * leading
        elif look.text_top:
            first = height - margin - ascent
        else:
            first = margin + (len(lines) - 1) * leading + size * 0.25
        fonts[pdf_name("/F1")] = _font_ref(writer, look.italic)
        text = [b"BT /F1 %s Tf 0 g" % _n(size)]
        for i, line in enumerate(lines):
            x = (width - kit.width(line, size)) / 2
            # /ActualText keeps the line one unit for text extraction, even over the draft's placeholder text
            actual = ("\ufeff" + line).encode("utf-16-be").hex().encode()
            text.append(b"/Span <</ActualText <%s>>> BDC 1 0 0 1 %s %s Tm <%s> Tj EMC" % (
                actual, _n(x), _n(first - i * leading), kit.encode(line).hex().encode()))
        text.append(b"ET")
        ops.append(b" ".join(text))
    resources: dict[Any, Any] = {}
    if fonts:
        resources[pdf_name("/Font")] = generic.DictionaryObject(fonts)
    if xobjects:
        resources[pdf_name("/XObject")] = generic.DictionaryObject(xobjects)
    stream = generic.StreamObject({
        pdf_name("/Type"): pdf_name("/XObject"), pdf_name("/Subtype"): pdf_name("/Form"),
        pdf_name("/BBox"): generic.ArrayObject([generic.FloatObject(0), generic.FloatObject(0),
                                               generic.FloatObject(width), generic.FloatObject(height)]),
        pdf_name("/Resources"): generic.DictionaryObject(resources),
    }, stream_data=b"q " + b" ".join(ops) + b" Q")
    stream.compress()
    return writer.add_object(stream)


def _n(value: float) -> bytes:
    return (b"%.3f" % value).rstrip(b"0").rstrip(b".") or b"0"


class _Stamp:
    """What pyHanko's signer asks a stamp style for: something that sets a widget's appearance."""

    def __init__(self, writer: Any, look: _Look, width: float, height: float) -> None:
        self.writer, self.look, self.width, self.height = writer, look, width, height

    def apply_appearance(self, annot: Any) -> None:
        from pyhanko.pdf_utils import generic as _generic
        from pyhanko.pdf_utils.generic import pdf_name

        generic: Any = _generic
        annot[pdf_name("/AP")] = generic.DictionaryObject({
            pdf_name("/N"): _appearance_xobject(self.writer, self.look, self.width, self.height)})
        annot.pop(pdf_name("/AS"), None)


class _StampStyle:
    """A stamp style for `PdfSigner(stamp_style=...)`: pyHanko only calls `create_stamp(writer, box, text_params)`."""

    def __init__(self, look: _Look) -> None:
        self.look = look

    def create_stamp(self, writer: Any, box: Any, text_params: Any) -> _Stamp:
        del text_params  # our texts are final (Vietnam time already formatted)
        return _Stamp(writer, self.look, float(box.width), float(box.height))


def _stamp_style(text: str, *, image: bytes | None, font_size: float, text_top: bool = False,
                 image_margin_bottom: int = 0) -> _StampStyle:
    if not text.strip() and image is None:
        raise SigningError("signing.appearance_empty")
    if image is not None:
        _encoded(image)  # a broken image is refused before the token is asked for anything
    lines = tuple(text.split("\n")) if text.strip() else ()
    return _StampStyle(_Look(lines, font_size, image=image, text_top=text_top,
                             image_margin_bottom=image_margin_bottom if lines else 0))


# -- reading the document once per step ------------------------------------------------------------------------------
@dataclass
class _Doc:
    """One incremental writer over the input (its reader answers every check), so each step parses the file once."""

    writer: Any
    prefix: ahead_hash.PrefixDigest | None = None  # the input's hash, started before parsing when the step signs

    @property
    def reader(self) -> Any:
        return self.writer.prev

    def fields(self) -> dict[str, bool]:
        return _fields_of(self.reader)

    def signed(self) -> bool:
        return bool(self.reader.embedded_signatures)


def _open(pdf_bytes: bytes, *, to_sign: bool = False) -> _Doc:
    """`to_sign`: the step signs this input as it stands, so its hash starts on the second core now, before the
    parse and the checks (a refused step leaves that hash unused)."""
    from pyhanko.pdf_utils.misc import PdfReadError

    speed_up_pdf_parsing()
    prefix = ahead_hash.start(pdf_bytes) if to_sign else None
    try:
        return _Doc(_writer_class()(pdf_bytes), prefix)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise SigningError("signing.pdf_invalid", detail=str(exc)) from exc


@cache
def _writer_class() -> Any:
    """pyHanko's incremental writer that does not copy the original bytes into its output.

    pyHanko copies them through a 4 KB buffer into a growing BytesIO (6,400 Python round trips and several
    reallocations of a 25 MB scan, 40–90 ms a step). Writing into an `_AppendStream` over the same bytes copies
    nothing: the update goes after them, and the file is assembled once at the end.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class Writer(IncrementalPdfFileWriter):
        def __init__(self, data: bytes) -> None:
            super().__init__(io.BytesIO(data), strict=False)
            self._original = data

        def _write_header(self, stream: Any) -> None:
            if isinstance(stream, _AppendStream) and stream.original is self._original:
                stream.seek(0, io.SEEK_END)
            else:
                stream.write(self._original)

    return Writer


class _AppendStream(io.RawIOBase):
    """A read/write/seek stream whose first bytes are an immutable original and the rest an appended tail.

    What pyHanko writes (the incremental update, the /ByteRange, the CMS) lands in the tail; reading (the hash over
    the signed ranges) sees both parts; `getvalue()` makes the one copy the caller's new bytes need.
    """

    def __init__(self, original: bytes, prefix: ahead_hash.PrefixDigest | None = None) -> None:
        super().__init__()
        self.original = original
        self._view = memoryview(original)
        self._size = len(original)
        self._tail = bytearray()
        self._pos = 0
        self._prefix = prefix if prefix is not None and prefix.size == self._size else None

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size + len(self._tail)}[whence]
        if base + offset < 0:
            raise ValueError("negative seek position")
        self._pos = base + offset
        return self._pos

    def write(self, data: Any) -> int:
        if self._pos < self._size:
            raise io.UnsupportedOperation("the original bytes of a PDF are never overwritten")
        chunk = memoryview(data).cast("B")
        start = self._pos - self._size
        if start > len(self._tail):
            self._tail.extend(bytes(start - len(self._tail)))
        self._tail[start:start + len(chunk)] = chunk
        self._pos += len(chunk)
        return len(chunk)

    def readinto(self, buffer: Any) -> int:
        out = memoryview(buffer).cast("B")
        done = 0
        if self._pos < self._size:
            n = min(len(out), self._size - self._pos)
            out[:n] = self._view[self._pos:self._pos + n]
            done = n
        if done < len(out):
            start = self._pos + done - self._size
            n = max(0, min(len(out) - done, len(self._tail) - start))
            out[done:done + n] = self._tail[start:start + n]
            done += n
        self._pos += done
        return done

    def digest_into(self, md: Any, max_read: int | None = None) -> int:
        """Feed `md` from the current position (at most `max_read` bytes, else to the end) straight from the original
        and the tail, without the copy a `readinto` loop makes; advance like reading would. Returns bytes fed."""
        end = self._size + len(self._tail)
        if max_read is not None:
            end = min(end, self._pos + max(max_read, 0))
        start = pos = self._pos
        if pos == 0 and end >= self._size and self._prefix is not None and isinstance(md, ahead_hash.Sha256) \
                and md.adopt(self._prefix):  # the original's hash, made while pyHanko prepared the update
            pos = self._size
        if pos < min(end, self._size):
            md.update(self._view[pos:min(end, self._size)])
            pos = min(end, self._size)
        if pos < end:
            with memoryview(self._tail) as tail:
                md.update(tail[pos - self._size:end - self._size])
            pos = end
        self._pos = max(pos, self._pos)
        return pos - start

    def getvalue(self) -> bytes:
        return b"".join((self._view, self._tail))

    def close(self) -> None:
        self._view.release()
        super().close()


def _fields_of(reader: Any) -> dict[str, bool]:
    from pyhanko.pdf_utils import form_tools

    enumerate_fields_in: Any = form_tools.enumerate_fields_in
    try:
        field_list = reader.root["/AcroForm"]["/Fields"]
    except KeyError:
        return {}
    found: dict[str, bool] = {}
    for ftype in ("/Tx", "/Sig"):
        for name, value, _ref in enumerate_fields_in(field_list, refs_seen=set(), target_field_type=ftype):
            found[name] = bool(value)
    return found


def _output(writer: Any) -> bytes:
    """Write the incremental update after the original bytes: one copy of the file, no intermediate buffers."""
    out = _AppendStream(writer._original)
    writer.write(out)
    return out.getvalue()


# -- the token side --------------------------------------------------------------------------------------------------
def _sign_on_token(
    pdf_bytes: bytes | _Doc, token: TokenKey, pin: str | None, *, field_name: str, certify: bool,
    style_for: Callable[[asn1_x509.Certificate], Any], signing_time: datetime, new_field_box: Box | None = None,
    reason: str | None = None, location: str | None = None,
) -> bytes:
    """Sign `field_name` with the token's key: the whole pyHanko run happens on the token thread.

    The output is hashed once, straight from pyHanko's output buffer (a memoryview), and returned without copying.
    """
    doc = pdf_bytes if isinstance(pdf_bytes, _Doc) else _open(pdf_bytes, to_sign=True)
    # the file so far is hashed on another core while the token opens and pyHanko draws and writes the update
    prefix = doc.prefix if doc.prefix is not None else ahead_hash.start(doc.writer._original)

    def work(session: Any) -> bytes:
        from pyhanko.sign import fields, signers

        label = token.selector.describe()
        key_id = signing_key_id(session, label, token.key_id)
        chain = [asn1_x509.Certificate.load(der) for der in chain_certificates(session, key_id)]
        signer_class = cms_template.templated_pkcs11_signer()
        signer = signer_class(session, cert_id=key_id, key_id=key_id, ca_chain=chain, other_certs_to_pull=())
        cert = signer.signing_cert
        meta = signers.PdfSignatureMetadata(
            field_name=field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
            certify=certify, docmdp_permissions=fields.MDPPerm.FILL_FORMS, name=_common_name(cert),
            reason=reason, location=location,
        )
        spec = None
        if new_field_box is not None:
            spec = fields.SigFieldSpec(field_name, on_page=new_field_box[0], box=_int_rect(new_field_box))
        pdf_signer = _TimedPdfSigner(meta, signer, stamp_style=style_for(cert), new_field_spec=spec,
                                     signing_time=signing_time)
        # Room for the CMS, from the certificates' sizes: pyHanko's default estimate builds and encodes a whole dummy
        # CMS first (a third of the CPU time of a signature). Hex doubles it; 2 KB more covers the signed attributes,
        # the signer info and a 4096-bit signature value (≈1.2 KB in all).
        reserved = 2 * (sum(len(c.dump()) for c in (cert, *chain)) + 2048)
        stream = _AppendStream(doc.writer._original, prefix)
        run_async_on_this_thread(pdf_signer.async_sign_pdf(
            doc.writer, existing_fields_only=spec is None, bytes_reserved=reserved, output=stream,
            chunk_size=_HASH_CHUNK))
        return stream.getvalue()

    return token.worker.run(token.selector, pin, work)


def _common_name(cert: asn1_x509.Certificate) -> str:
    native = cert.subject.native
    return str(native.get("common_name") or cert.subject.human_friendly)


def _organisation(cert: asn1_x509.Certificate) -> str:
    native = cert.subject.native
    return str(native.get("organization_name") or native.get("common_name") or cert.subject.human_friendly)


class _TimedPdfSigner:
    """A PdfSigner whose signing time is ours (the service's clock), so the visible time and the embedded one agree."""

    def __new__(cls, meta: Any, signer: Any, *, stamp_style: Any, new_field_spec: Any, signing_time: datetime) -> Any:
        from pyhanko.sign import signers

        class Timed(signers.PdfSigner):
            def init_signing_session(self, *args: Any, **kwargs: Any) -> Any:
                session = super().init_signing_session(*args, **kwargs)
                session.system_time = signing_time
                return session

        return Timed(meta, signer, stamp_style=stamp_style, new_field_spec=new_field_spec)


def _require_field(fields_now: dict[str, bool], name: str, *, empty: bool = True) -> None:
    if name not in fields_now:
        raise SigningError("signing.field_missing", field=name)
    if empty and fields_now[name]:
        raise SigningError("signing.field_filled", field=name)


# -- the four steps --------------------------------------------------------------------------------------------------
@pauses_collection
def sign_leader(
    pdf_bytes: bytes, token: TokenKey, pin: str | None, signer_box: Box, image: bytes, *,
    layout: SigningLayout | None = None, caption: str | None = None, clock: Clock = vn_now,
) -> bytes:
    """The competent signer's certification signature (DocMDP P=2) with the signature image in the signer block.

    The draft must hold the prepared fields; pass `layout` to prepare an unprepared, unsigned draft on the way.
    `caption` (default: the certificate's common name) is printed small under the image.
    """
    doc = _open(pdf_bytes, to_sign=True)
    fields_now = doc.fields()
    if LEADER_FIELD not in fields_now:
        if layout is None:
            raise SigningError("signing.field_missing", field=LEADER_FIELD)
        doc = _open(prepare_draft(pdf_bytes, layout), to_sign=True)
        fields_now = doc.fields()
    _require_field(fields_now, LEADER_FIELD)
    if doc.signed():
        raise SigningError("signing.already_signed", detail="the leader's signature must be the first one")
    _check_box(signer_box)
    _encoded(image)  # a broken image is refused before the token is asked for anything

    def style(cert: asn1_x509.Certificate) -> Any:
        text = caption if caption is not None else _common_name(cert)
        return _stamp_style(text, image=image, font_size=7, image_margin_bottom=10 if text else 0)

    return _sign_on_token(doc, token, pin, field_name=LEADER_FIELD, certify=True, style_for=style,
                          signing_time=clock())


@pauses_collection
def stamp_number_and_date(
    signed_pdf: bytes, number_text: str, date_text: str, number_box: Box | None = None, date_box: Box | None = None,
) -> bytes:
    """Fill the number/notation and the place-and-date fields as one incremental update (form filling under P=2).

    The boxes are only checked against the prepared fields' pages; the text goes where the fields are, centred, over
    the draft's blank placeholder line, number upright 13 pt, date italic 14 pt (ND30 App I §II.3–4).
    """
    del number_box, date_box  # the prepared fields carry their own rectangles
    doc = _open(signed_pdf)
    _stamp_fields(doc, doc.fields(), number_text, date_text)
    return _output(doc.writer)


def _stamp_fields(doc: _Doc, fields_now: dict[str, bool], number_text: str, date_text: str) -> None:
    for name in (NUMBER_FIELD, DATE_FIELD):
        _require_field(fields_now, name)
    if not number_text.strip() or not date_text.strip():
        raise SigningError("signing.text_missing", field=NUMBER_FIELD if not number_text.strip() else DATE_FIELD)
    _fill_text_field(doc.writer, NUMBER_FIELD, number_text, TEXT_SIZE_NUMBER, italic=False)
    _fill_text_field(doc.writer, DATE_FIELD, date_text, TEXT_SIZE_DATE, italic=True)


def _fill_text_field(writer: Any, name: str, text: str, size: float, *, italic: bool) -> None:
    """Fill a prepared text field as pyHanko's `populate_static_text_field` does (value, read-only flag, a new
    appearance stream), with a white band under the text so the draft's placeholder line ("Số:      /QĐ-…",
    "…, ngày    tháng    năm …") does not show through; the appearance stays inside the widget."""
    from pyhanko.pdf_utils import form_tools
    from pyhanko.pdf_utils import generic as _generic

    generic: Any = _generic
    field_ref = form_tools.find_existing_empty_field(writer, name, field_type="/Tx")
    field: Any = field_ref.get_object()
    annot = form_tools.get_single_field_annot(field)
    w, h = (float(v) for v in form_tools.annot_width_height(annot))  # a /Rect read back may hold Decimals
    gap = max(2.0, (h - size * 1.2) / 2) + size * 0.25  # the baseline, centred vertically like pyHanko's filler
    look = _Look((text,), size, italic=italic, white_band=True, baseline_gap=gap)
    _Stamp(writer, look, w, h).apply_appearance(annot)
    writer.update_container(annot)
    field["/V"] = generic.TextStringObject(text)
    field["/Ff"] = generic.NumberObject(int(field.get("/Ff", 0)) | 1)
    field.pop("/DA", None)
    writer.mark_update(field_ref)


@pauses_collection
def sign_seal(
    pdf: bytes, org_token: TokenKey, pin: str | None, leader_field_box: Box, *, seal_image: bytes | None = None,
    org_name: str | None = None, clock: Clock = vn_now,
) -> bytes:
    """The organisation's signature: red seal (actual size) over the left third of the leader's signature, with the
    organisation name and the signing time under it. Only after the leader has signed (ND30 Art 32.2.d)."""
    doc = _open(pdf, to_sign=True)
    return _seal(doc, doc.fields(), org_token, pin, leader_field_box, seal_image=seal_image, org_name=org_name,
                 clock=clock)


@pauses_collection
def number_and_seal(
    signed_pdf: bytes, number_text: str, date_text: str, org_token: TokenKey, pin: str | None,
    leader_field_box: Box, *, seal_image: bytes | None = None, org_name: str | None = None, clock: Clock = vn_now,
) -> bytes:
    """The clerk's step as ONE incremental update: the number and date filled in and the organisation's seal signed
    over them. The leader's signature sees the same allowed change as with `stamp_number_and_date` then `sign_seal`
    (form filling and its prepared seal field signed), but the file is parsed and copied once less, and every later
    verification compares one revision less."""
    doc = _open(signed_pdf, to_sign=True)
    fields_now = doc.fields()
    if not doc.signed():
        raise SigningError("signing.not_signed", detail="the competent person signs before the organisation")
    _stamp_fields(doc, fields_now, number_text, date_text)
    return _seal(doc, fields_now, org_token, pin, leader_field_box, seal_image=seal_image, org_name=org_name,
                 clock=clock)


def _seal(
    doc: _Doc, fields_now: dict[str, bool], org_token: TokenKey, pin: str | None, leader_field_box: Box, *,
    seal_image: bytes | None, org_name: str | None, clock: Clock,
) -> bytes:
    if not doc.signed():
        raise SigningError("signing.not_signed", detail="the competent person signs before the organisation")
    new_box = None
    if SEAL_FIELD not in fields_now:
        # A document prepared elsewhere: a new field after a certification signature is outside pyHanko's default
        # diff policy (verify with the lenient policy); prefer documents prepared by `prepare_draft`.
        new_box = seal_box_for(leader_field_box)
    elif fields_now[SEAL_FIELD]:
        raise SigningError("signing.field_filled", field=SEAL_FIELD)
    signing_time = clock()

    def style(cert: asn1_x509.Certificate) -> Any:
        name = org_name or _organisation(cert)
        image = seal_image or make_seal_png(name)
        text = f"{name}\n{format_vn_time(signing_time)}"
        return _stamp_style(text, image=image, font_size=6, image_margin_bottom=20)

    if seal_image is not None:
        _encoded(seal_image)

    return _sign_on_token(doc, org_token, pin, field_name=SEAL_FIELD, certify=False, style_for=style,
                          signing_time=signing_time, new_field_box=new_box)


def top_right_box(pdf: bytes, *, width: float = 75 * MM, height: float = 16 * MM) -> Box:
    """Top right of page 1, inside the right (15–20 mm) and top (20–25 mm) margins' corner (ô 14 for copies)."""
    return _top_right_box(_reader(pdf), width=width, height=height)


def _top_right_box(reader: Any, *, width: float = 75 * MM, height: float = 16 * MM) -> Box:
    page = reader.root["/Pages"]
    first = _first_page(reader)
    _x0, _y0, x1, y1 = (float(v) for v in first.get("/MediaBox", page.get("/MediaBox", [0, 0, 595.28, 841.89])))
    right = x1 - 12 * MM
    top = y1 - 6 * MM
    return 0, right - width, top - height, right, top


def _first_page(reader: Any) -> Any:
    return reader.find_page_for_modification(0)[0].get_object()


def _sign_top_right_text(pdf: bytes, org_token: TokenKey, pin: str | None, lines: Callable[[str, str], Sequence[str]],
                         clock: Clock, field_name: str, *, width: float = 75 * MM, height: float = 16 * MM) -> bytes:
    doc = _open(pdf, to_sign=True)
    existing = doc.fields()
    if existing.get(field_name):
        raise SigningError("signing.field_filled", field=field_name)
    box = None if field_name in existing else _top_right_box(doc.reader, width=width, height=height)
    signing_time = clock()

    def style(cert: asn1_x509.Certificate) -> Any:
        text = "\n".join(lines(_organisation(cert), format_vn_time(signing_time)))
        return _stamp_style(text, image=None, font_size=10, text_top=True)

    return _sign_on_token(doc, org_token, pin, field_name=field_name, certify=False, style_for=style,
                          signing_time=signing_time, new_field_box=box)


@pauses_collection
def sign_digitised_copy(pdf: bytes, org_token: TokenKey, pin: str | None, *, clock: Clock = vn_now) -> bytes:
    """Organisation signature on a scanned paper arrival (Seed Art 11.4.a, TT01/2019 Art 6.2.c): top right of page 1,
    no image, organisation name + signing time, Times New Roman 10 black. The TT01 wording is unconfirmed."""
    return _sign_top_right_text(pdf, org_token, pin, lambda org, when: (org, when), clock, TOP_RIGHT_FIELD)


@pauses_collection
def sign_electronic_copy(pdf: bytes, org_token: TokenKey, pin: str | None, copy_form: str, *,
                         clock: Clock = vn_now) -> bytes:
    """Electronic copy (ND30 App I Part II §I): copy form (`SAO Y`/`SAO LỤC`/`TRÍCH SAO`) + agency + time, top right."""
    if copy_form not in ("SAO Y", "SAO LỤC", "TRÍCH SAO"):
        raise SigningError("signing.copy_form_invalid", copy_form=copy_form)
    return _sign_top_right_text(pdf, org_token, pin, lambda org, when: (copy_form, org, when), clock, TOP_RIGHT_FIELD)


def check_attachment(pdf: bytes) -> None:
    """Refuse, before any number is taken or any token asked, a separate appendix file that cannot take the seal
    signature as an incremental update: unreadable, password-protected, certified with no changes allowed (DocMDP
    P=1), or sealed already."""
    from pyhanko.sign.fields import MDPPerm

    doc = _open(pdf)
    reader = doc.reader
    if reader.encrypted:
        raise SigningError("signing.pdf_encrypted")
    try:
        _first_page(reader)
        signatures = list(reader.embedded_signatures)
        locked = [sig for sig in signatures if sig.docmdp_level == MDPPerm.NO_CHANGES]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SigningError("signing.pdf_invalid", detail=str(exc) or type(exc).__name__) from exc
    if locked:
        raise SigningError("signing.document_locked", field=locked[0].field_name)
    if doc.fields().get(APPENDIX_FIELD):
        raise SigningError("signing.field_filled", field=APPENDIX_FIELD)


@pauses_collection
def sign_attachment(pdf: bytes, org_token: TokenKey, pin: str | None, number_notation: str, *,
                    clock: Clock = vn_now) -> bytes:
    """A separate-file appendix (ND30 App I §III.1.c–d, App III Mẫu 2.2): the organisation's signature at the top
    right of page 1, no image, one line `Số: 45/QĐ-UBND; 05/03/2024; 09:15:30 +07:00` (TNR 10, upright, black): the
    number/date reference of the main document and the signing time. The appendix's own "Kèm theo văn bản số…" line
    is left blank on e-documents (standards §2). An incremental update: earlier signatures on the file stay intact."""
    number = number_notation.strip()
    if not number:
        raise SigningError("signing.text_missing", field=APPENDIX_FIELD)
    if not number.lower().startswith("số"):
        number = f"Số: {number}"

    def line(_org: str, when: str) -> tuple[str]:
        day, time, zone = when.split(" ")
        return (f"{number}; {day}; {time} {zone}",)

    # 10 pt needs about 85 mm for the line; 8 mm high keeps it in the top margin, above the appendix heading
    return _sign_top_right_text(pdf, org_token, pin, line, clock, APPENDIX_FIELD, width=95 * MM, height=8 * MM)


def _check_box(box: Box) -> None:
    page, x0, y0, x1, y1 = box
    if page < 0 or x1 <= x0 or y1 <= y0:
        raise SigningError("signing.box_invalid", box=list(box))
