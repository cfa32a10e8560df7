"""Signing an issued document: leader → number and date → organisation seal, with the leader's signature intact.

Follows /work/shared/signing-recipe.md, the sequence pyHanko's difference analysis accepts:
1. `prepare_draft` (when the draft is submitted; a plain rewrite, nothing is signed yet) writes PDF 1.7 with two empty
   text fields (`so_ky_hieu`, `ngay_ban_hanh`) over the number and date lines and BOTH signature fields
   (`Sig_LanhDao` in the signer block, `Sig_CoQuan` over the left third of it), the leader's field locked by a
   FieldMDP that excludes exactly the number, the date and the seal field.
2. `sign_leader`: a certification signature with DocMDP P=2 (form filling and signing allowed) into `Sig_LanhDao`.
3. `stamp_number_and_date`: the clerk fills the two text fields as an incremental update (never the page content).
4. `sign_seal`: the organisation's approval signature into the existing `Sig_CoQuan` (never a new field).
Other organisation signatures that stand alone (digitised paper arrivals, separate-file appendices, electronic
copies) are text-only signatures at the top right of page 1 (standards §2).

All pyHanko work that touches the token runs on the `TokenWorker` thread; the PIN goes straight to the login.
Visible times are Vietnam time `dd/MM/yyyy HH:mm:ss +07:00`, the same instant as the embedded signing time.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from asn1crypto import x509 as asn1_x509
from PIL import Image

from app.domain.clock import VN_TZ, vn_now
from app.services.signing.errors import SigningError
from app.services.signing.images import make_seal_png, serif_font_path
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
    form[pdf_name("/DR")] = generic.DictionaryObject({pdf_name("/Font"): generic.DictionaryObject({
        pdf_name("/Helv"): helv})})
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


def _int_rect(box: Box) -> tuple[int, int, int, int]:
    return round(box[1]), round(box[2]), round(box[3]), round(box[4])


def _reader(pdf_bytes: bytes) -> Any:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    except (PdfReadError, ValueError) as exc:
        raise SigningError("signing.pdf_invalid", detail=str(exc)) from exc


def field_names(pdf_bytes: bytes) -> dict[str, bool]:
    """Form field name → filled? (signature fields: signed?)."""
    from pyhanko.pdf_utils import form_tools

    enumerate_fields_in: Any = form_tools.enumerate_fields_in
    reader = _reader(pdf_bytes)
    try:
        field_list = reader.root["/AcroForm"]["/Fields"]
    except KeyError:
        return {}
    found: dict[str, bool] = {}
    for ftype in ("/Tx", "/Sig"):
        for name, value, _ref in enumerate_fields_in(field_list, refs_seen=set(), target_field_type=ftype):
            found[name] = bool(value)
    return found


# -- appearances -----------------------------------------------------------------------------------------------------
def _font(size: float, *, bold: bool = False, italic: bool = False) -> Any:
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    return GlyphAccumulatorFactory(serif_font_path(bold=bold, italic=italic), font_size=round(size))


def _image_content(png: bytes) -> Any:
    from pyhanko.pdf_utils.images import PdfImage

    try:
        opened = Image.open(io.BytesIO(png))
        opened.load()
    except OSError as exc:
        raise SigningError("signing.image_invalid", detail=str(exc)) from exc
    image: Image.Image = opened if opened.mode == "RGBA" else opened.convert("RGBA")
    return PdfImage(image)


def _stamp_style(text: str, *, image: bytes | None, font_size: float, text_top: bool = False,
                 image_margin_bottom: int = 0) -> Any:
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    inner = layout.SimpleBoxLayoutRule(
        x_align=layout.AxisAlignment.ALIGN_MID,
        y_align=layout.AxisAlignment.ALIGN_MAX if text_top else layout.AxisAlignment.ALIGN_MIN,
        margins=layout.Margins(left=1, right=1, top=1, bottom=1),
        inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
    )
    kwargs: dict[str, Any] = {}
    if image is not None:
        kwargs = {
            "background": _image_content(image),
            "background_opacity": 1.0,
            "background_layout": layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MAX,
                margins=layout.Margins(left=0, right=0, top=0, bottom=image_margin_bottom),
                inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT),
        }
    if not text.strip():
        if image is None:
            raise SigningError("signing.appearance_empty")
        from pyhanko.stamp import StaticStampStyle

        return StaticStampStyle(border_width=0, **kwargs)  # image only (an empty text box has no glyphs to embed)
    return TextStampStyle(
        stamp_text=text.replace("%", "%%"),
        text_box_style=TextBoxStyle(font=_font(font_size), font_size=round(font_size), text_color=(0, 0, 0)),
        inner_content_layout=inner, border_width=0, **kwargs,
    )


# -- the token side --------------------------------------------------------------------------------------------------
def _sign_on_token(
    pdf_bytes: bytes, token: TokenKey, pin: str | None, *, field_name: str, certify: bool, style_for: Callable[
        [asn1_x509.Certificate], Any], signing_time: datetime, new_field_box: Box | None = None,
    reason: str | None = None, location: str | None = None,
) -> bytes:
    """Sign `field_name` with the token's key: the whole pyHanko run happens on the token thread."""

    def work(session: Any) -> bytes:
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import fields, signers
        from pyhanko.sign.pkcs11 import PKCS11Signer

        label = token.selector.describe()
        key_id = signing_key_id(session, label, token.key_id)
        chain = [asn1_x509.Certificate.load(der) for der in chain_certificates(session, key_id)]
        signer = PKCS11Signer(session, cert_id=key_id, key_id=key_id, ca_chain=chain, other_certs_to_pull=())
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
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
        except Exception as exc:
            raise SigningError("signing.pdf_invalid", detail=str(exc)) from exc
        out = run_async_on_this_thread(pdf_signer.async_sign_pdf(writer, existing_fields_only=spec is None))
        return bytes(out.getvalue())

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


def _require_field(pdf_bytes: bytes, name: str, *, empty: bool = True) -> None:
    fields_now = field_names(pdf_bytes)
    if name not in fields_now:
        raise SigningError("signing.field_missing", field=name)
    if empty and fields_now[name]:
        raise SigningError("signing.field_filled", field=name)


# -- the four steps --------------------------------------------------------------------------------------------------
def sign_leader(
    pdf_bytes: bytes, token: TokenKey, pin: str | None, signer_box: Box, image: bytes, *,
    layout: SigningLayout | None = None, caption: str | None = None, clock: Clock = vn_now,
) -> bytes:
    """The competent signer's certification signature (DocMDP P=2) with the signature image in the signer block.

    The draft must hold the prepared fields; pass `layout` to prepare an unprepared, unsigned draft on the way.
    `caption` (default: the certificate's common name) is printed small under the image.
    """
    if LEADER_FIELD not in field_names(pdf_bytes):
        if layout is None:
            raise SigningError("signing.field_missing", field=LEADER_FIELD)
        pdf_bytes = prepare_draft(pdf_bytes, layout)
    _require_field(pdf_bytes, LEADER_FIELD)
    if _reader(pdf_bytes).embedded_signatures:
        raise SigningError("signing.already_signed", detail="the leader's signature must be the first one")
    _check_box(signer_box)

    def style(cert: asn1_x509.Certificate) -> Any:
        text = caption if caption is not None else _common_name(cert)
        return _stamp_style(text, image=image, font_size=7, image_margin_bottom=10 if text else 0)

    return _sign_on_token(pdf_bytes, token, pin, field_name=LEADER_FIELD, certify=True, style_for=style,
                          signing_time=clock())


def stamp_number_and_date(
    signed_pdf: bytes, number_text: str, date_text: str, number_box: Box | None = None, date_box: Box | None = None,
) -> bytes:
    """Fill the number/notation and the place-and-date fields as one incremental update (form filling under P=2).

    The boxes are only checked against the prepared fields' pages; the text goes where the fields are, centred, over
    the draft's blank placeholder line, number upright 13 pt, date italic 14 pt (ND30 App I §II.3–4).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer: Any
    for name in (NUMBER_FIELD, DATE_FIELD):
        _require_field(signed_pdf, name)
    if not number_text.strip() or not date_text.strip():
        raise SigningError("signing.text_missing", field=NUMBER_FIELD if not number_text.strip() else DATE_FIELD)
    del number_box, date_box  # the prepared fields carry their own rectangles
    writer = IncrementalPdfFileWriter(io.BytesIO(signed_pdf), strict=False)
    _fill_text_field(writer, NUMBER_FIELD, number_text, TEXT_SIZE_NUMBER, italic=False)
    _fill_text_field(writer, DATE_FIELD, date_text, TEXT_SIZE_DATE, italic=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _fill_text_field(writer: Any, name: str, text: str, size: float, *, italic: bool) -> None:
    """pyHanko's `populate_static_text_field` with a white band under the text, so the draft's placeholder line
    ("Số:      /QĐ-…", "…, ngày    tháng    năm …") does not show through; the appearance stays inside the widget."""
    from pyhanko.pdf_utils import form_tools, layout
    from pyhanko.pdf_utils.text import TextBoxStyle

    class Blanked(form_tools.TextFieldContent):
        def render(self) -> bytes:
            text_ops: bytes = super().render()
            w, h = float(self.box.width), float(self.box.height)
            return b"q 1 g 0 0 %g %g re f Q " % (w, h) + text_ops

    field_ref = form_tools.find_existing_empty_field(writer, name, field_type="/Tx")
    field: Any = field_ref.get_object()
    annot = form_tools.get_single_field_annot(field)
    w, h = (float(v) for v in form_tools.annot_width_height(annot))  # a /Rect read back may hold Decimals
    baseline_gap = max(2.0, (h - size * 1.2) / 2)
    style = TextBoxStyle(
        font=_font(size, italic=italic), font_size=round(size), text_color=(0, 0, 0),
        box_layout_rule=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MIN,
            margins=layout.Margins(bottom=round(baseline_gap)),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT),
    )
    content = Blanked(writer=writer, text_content=text, text_style=style, box=layout.BoxConstraints(width=w, height=h))
    content.apply_appearance(annot)
    writer.update_container(annot)
    from pyhanko.pdf_utils import generic as _generic

    generic: Any = _generic
    field["/V"] = generic.TextStringObject(text)
    field["/Ff"] = generic.NumberObject(int(field.get("/Ff", 0)) | 1)
    field.pop("/DA", None)
    writer.mark_update(field_ref)


def sign_seal(
    pdf: bytes, org_token: TokenKey, pin: str | None, leader_field_box: Box, *, seal_image: bytes | None = None,
    org_name: str | None = None, clock: Clock = vn_now,
) -> bytes:
    """The organisation's signature: red seal (actual size) over the left third of the leader's signature, with the
    organisation name and the signing time under it. Only after the leader has signed (ND30 Art 32.2.d)."""
    reader = _reader(pdf)
    if not reader.embedded_signatures:
        raise SigningError("signing.not_signed", detail="the competent person signs before the organisation")
    fields_now = field_names(pdf)
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

    return _sign_on_token(pdf, org_token, pin, field_name=SEAL_FIELD, certify=False, style_for=style,
                          signing_time=signing_time, new_field_box=new_box)


def top_right_box(pdf: bytes, *, width: float = 75 * MM, height: float = 16 * MM) -> Box:
    """Top right of page 1, inside the right (15–20 mm) and top (20–25 mm) margins' corner (ô 14 for copies)."""
    reader = _reader(pdf)
    page = reader.root["/Pages"]
    first = _first_page(reader)
    _x0, _y0, x1, y1 = (float(v) for v in first.get("/MediaBox", page.get("/MediaBox", [0, 0, 595.28, 841.89])))
    right = x1 - 12 * MM
    top = y1 - 6 * MM
    return 0, right - width, top - height, right, top


def _first_page(reader: Any) -> Any:
    return reader.find_page_for_modification(0)[0].get_object()


def _sign_top_right_text(pdf: bytes, org_token: TokenKey, pin: str | None, lines: Callable[[str, str], Sequence[str]],
                         clock: Clock, field_name: str) -> bytes:
    existing = field_names(pdf)
    if existing.get(field_name):
        raise SigningError("signing.field_filled", field=field_name)
    box = None if field_name in existing else top_right_box(pdf)
    signing_time = clock()

    def style(cert: asn1_x509.Certificate) -> Any:
        text = "\n".join(lines(_organisation(cert), format_vn_time(signing_time)))
        return _stamp_style(text, image=None, font_size=10, text_top=True)

    return _sign_on_token(pdf, org_token, pin, field_name=field_name, certify=False, style_for=style,
                          signing_time=signing_time, new_field_box=box)


def sign_digitised_copy(pdf: bytes, org_token: TokenKey, pin: str | None, *, clock: Clock = vn_now) -> bytes:
    """Organisation signature on a scanned paper arrival (Seed Art 11.4.a, TT01/2019 Art 6.2.c): top right of page 1,
    no image, organisation name + signing time, Times New Roman 10 black. The TT01 wording is unconfirmed."""
    return _sign_top_right_text(pdf, org_token, pin, lambda org, when: (org, when), clock, TOP_RIGHT_FIELD)


def sign_electronic_copy(pdf: bytes, org_token: TokenKey, pin: str | None, copy_form: str, *,
                         clock: Clock = vn_now) -> bytes:
    """Electronic copy (ND30 App I Part II §I): copy form (`SAO Y`/`SAO LỤC`/`TRÍCH SAO`) + agency + time, top right."""
    if copy_form not in ("SAO Y", "SAO LỤC", "TRÍCH SAO"):
        raise SigningError("signing.copy_form_invalid", copy_form=copy_form)
    return _sign_top_right_text(pdf, org_token, pin, lambda org, when: (copy_form, org, when), clock, TOP_RIGHT_FIELD)


def sign_attachment(pdf: bytes, org_token: TokenKey, pin: str | None, number_notation: str, *,
                    clock: Clock = vn_now) -> bytes:
    """A separate-file appendix (ND30 App III Mẫu 2.2): `Số: 45/QĐ-UBND; 05/03/2024; 09:15:30 +07:00`, one line."""

    def line(_org: str, when: str) -> tuple[str]:
        day, time, zone = when.split(" ")
        return (f"{number_notation}; {day}; {time} {zone}",)

    return _sign_top_right_text(pdf, org_token, pin, line, clock, TOP_RIGHT_FIELD)


def _check_box(box: Box) -> None:
    page, x0, y0, x1, y1 = box
    if page < 0 or x1 <= x0 or y1 <= y0:
        raise SigningError("signing.box_invalid", box=list(box))
