"""Metadata proposed from the OCR of a paper document's first page: issuer, number and notation, date, type,
summary and urgency (design §2 "Receive paper"; the official layout of standards §1). The clerk confirms or corrects.

Works on OCR pages (word boxes: the issuer column and the national title are told apart by position) and on plain
OCR text (tests, text stored beside a signed PDF), where columns may arrive run together on one line. Readings are
tolerant of Tesseract's usual slips on this layout ("S6:"/"Sô:" for "Số:", "Q D"/"QD" for "QĐ", O for 0, a dropped
"ngày"), then validated by the domain parsers; every field carries a confidence in 0..1 so the form can highlight
the doubtful ones.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from app.domain import document_types, notation
from app.domain.date_line import parse_date_line
from app.domain.enums import Urgency
from app.domain.errors import ValidationError
from app.domain.text_fold import fold
from app.scanner.ocr import Box, OcrPage

T = TypeVar("T")

HEADER_LINES = 16  # the header never runs past this many lines of page 1
NATIONAL_TITLE = "cong hoa xa hoi chu nghia viet nam"
MOTTO = "doc lap - tu do - hanh phuc"
URGENCY_MARKS: tuple[tuple[str, Urgency], ...] = (  # longest first: "hỏa tốc hẹn giờ" before "hỏa tốc"
    ("hoa toc hen gio", Urgency.FLASH_TIMED),
    ("thuong khan", Urgency.VERY_URGENT),
    ("hoa toc", Urgency.FLASH),
    ("khan", Urgency.URGENT),
)
BODY_STARTS = ("can cu", "kinh gui", "thuc hien", "theo de nghi", "xet de nghi", "de ", "nham ", "ngay ", "hom nay")
ADMIN_UNITS = ("tinh", "huyen", "thanh pho", "thi xa", "quan", "xa", "phuong", "thi tran", "tp.", "tx.")
PARENT_HEADS = ("ubnd", "uy ban nhan dan", "hdnd", "hoi dong nhan dan", "tinh uy", "huyen uy", "thanh uy", "bo ",
                "so ")
AGENCY_HEADS = ("Sở", "Bộ", "Ban", "Phòng", "Cục", "Chi cục", "Trung tâm", "Văn phòng", "Thanh tra", "Kho bạc",
                "Tổng cục", "Vụ", "Viện", "Hội", "Liên đoàn", "Trường", "Bệnh viện", "Công an", "Đài")
ACRONYMS = frozenset({"UBND", "HĐND", "MTTQ", "THPT", "THCS", "BHXH", "TP.", "TX.", "TT.", "VN", "KT-XH"})


@dataclass(frozen=True)
class Guess(Generic[T]):
    """One proposed field: the value (None: nothing readable), how sure the reading is, and the OCR text used."""

    value: T | None
    confidence: float = 0.0
    source: str = ""


@dataclass(frozen=True)
class Prefill:
    issuer: Guess[str]  # "Sở Thông tin và Truyền thông": the author (Tác giả) of the incoming register
    parent_agency: Guess[str]  # "UBND tỉnh Hà Tĩnh", the line above the issuer
    number_notation: Guess[str]  # "45/QĐ-STTTT", "33/2019/QĐ-UBND"
    number: Guess[int]
    notation: Guess[str]
    issued: Guess[date]
    place: Guess[str]
    doc_type: Guess[str]  # a name of document_types ("Quyết định", "Công văn")
    summary: Guess[str]  # trích yếu: the line(s) under the type title, or a công văn's "V/v ..." text
    urgency: Guess[Urgency]

    def confident(self, threshold: float = 0.8) -> dict[str, object]:
        """The fields the form may fill without a highlight."""
        out: dict[str, object] = {}
        for name in ("issuer", "number_notation", "issued", "place", "doc_type", "summary", "urgency"):
            guess: Guess[object] = getattr(self, name)
            if guess.value is not None and guess.confidence >= threshold:
                out[name] = guess.value
        return out


@dataclass
class _Line:
    text: str
    box: Box | None
    confidence: float  # 0..1
    paragraph: int


# ---------------------------------------------------------------------------------------------------- entry points


def prefill(source: OcrPage | Sequence[OcrPage] | str, *, known_issuers: Collection[str] = ()) -> Prefill:
    """Read the header of the first page that has one (a cover sheet may come first); `known_issuers` (the agency
    directory's names) lets the issuer snap to a known spelling."""
    if isinstance(source, str):
        candidates = [_text_lines(source)]
        width = None
    else:
        pages = [source] if isinstance(source, OcrPage) else list(source)
        candidates = [_page_lines(p) for p in pages[:2]]
        width = pages[0].width if pages else None
    best = candidates[0] if candidates else []
    for lines in candidates:
        if _number_index(lines) is not None:
            best = lines
            break
    return _read(best, known_issuers, width)


def _page_lines(page: OcrPage) -> list[_Line]:
    out: list[_Line] = []
    paragraph, previous = 0, None
    for line in page.lines:
        if previous is not None and line.key[:2] != previous:
            paragraph += 1
        previous = line.key[:2]
        out.append(_Line(_clean(line.text), line.box, line.confidence / 100.0, paragraph))
    return out


def _text_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    paragraph = 0
    for raw in text.splitlines():
        cleaned = _clean(raw)
        if not cleaned:
            paragraph += 1
            continue
        out.append(_Line(cleaned, None, 0.9, paragraph))
    return out


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00ad", "")
    return re.sub(r"\s+", " ", text).strip()


def _fold_chars(text: str) -> str:
    """fold() one character at a time, so indexes in the result are indexes in `text` (NFC input)."""
    return "".join((fold(ch) or " ")[:1] if not ch.isspace() else " " for ch in text)


# ------------------------------------------------------------------------------------------------------- reading


def _read(lines: list[_Line], known_issuers: Collection[str], width: int | None) -> Prefill:
    lines = _split_national(lines)
    num_idx = _number_index(lines)
    number_guess, num_text, notation_guess = _number(lines, num_idx)
    date_guess, place_guess = _date(lines, num_idx)
    title_idx, type_guess = _type_title(lines, num_idx + 1 if num_idx is not None else 0)
    vv_idx = _vv_index(lines, num_idx)
    header_end = title_idx if title_idx is not None else _body_start(lines, num_idx)
    urgency = _urgency(lines[:header_end])

    summary: Guess[str]
    if title_idx is not None:
        summary = _summary_after_title(lines, title_idx, width)
    elif vv_idx is not None:
        summary = _vv_summary(lines, vv_idx, width)
    else:
        summary = Guess(None, 0.0)

    type_guess = _settle_type(type_guess, vv_idx is not None and title_idx is None, notation_guess, lines, vv_idx)
    if num_text is not None and type_guess.value is not None:  # the type settles an HD/HĐ ambiguity
        num_text, notation_guess = _retype(num_text, notation_guess, type_guess.value)
        number_guess, num_text = _validate_number(num_text, number_guess)
    parent, issuer = _issuer(lines, num_idx, width, known_issuers)
    return Prefill(
        issuer=issuer, parent_agency=parent, number_notation=num_text or Guess(None), number=number_guess,
        notation=notation_guess, issued=date_guess, place=place_guess, doc_type=type_guess, summary=summary,
        urgency=urgency,
    )


def _split_national(lines: list[_Line]) -> list[_Line]:
    """Text run together across columns ("UBND TỈNH HÀ TĨNH CỘNG HÒA XÃ HỘI...", "SỞ Y TẾ Độc lập - Tự do...",
    "Số: 45/QĐ-UBND Hà Tĩnh, ngày ...") is cut where the right column starts; the national title and the motto,
    which never carry data, are dropped."""
    out: list[_Line] = []
    for index, line in enumerate(lines):
        if index >= HEADER_LINES * 2:
            out.append(line)
            continue
        folded = _fold_chars(line.text).lower()
        cut = None
        for phrase in ("cong hoa", "xa hoi chu nghia", "doc lap", "tu do - hanh phuc"):
            at = folded.find(phrase)
            if at >= 0 and (cut is None or at < cut):
                cut = at
        if cut is None:
            out.append(line)
            continue
        left = line.text[:cut].strip()
        if left and _similar(fold(left), NATIONAL_TITLE) < 0.6:
            box = line.box
            if box is not None:  # the left part keeps a proportional share of the box
                share = cut / max(1, len(line.text))
                box = (box[0], box[1], box[0] + round((box[2] - box[0]) * share), box[3])
            out.append(_Line(left, box, line.confidence, line.paragraph))
    return out


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


# ---------------------------------------------------------------------------------------------- number/notation

_LABEL = re.compile(r"(?:^|\s)[S5$§][^\s\d/]{0,2}\s*[:;.,]?\s*$")
_NUMBER_SHAPE = re.compile(
    r"(?P<num>[0-9OoIl|]{1,4})\s*/\s*(?:(?P<year>(?:19|20)[0-9Oo]{2})\s*/\s*)?(?P<tail>[A-Za-zĐđ].*)$")
_DASH = re.compile(r"\s*[-_~=]\s*")
_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


def _abbr_key(text: str) -> str:
    return text.upper().replace("Đ", "D").replace("0", "O").replace(" ", "")


_ABBR_BY_KEY: dict[str, list[str]] = {}
for _abbr in sorted(document_types.abbreviations()):
    _ABBR_BY_KEY.setdefault(_abbr_key(_abbr), []).append(_abbr)


def _number_index(lines: Sequence[_Line]) -> int | None:
    fallback = None
    for i, line in enumerate(lines[:HEADER_LINES]):
        match = _NUMBER_SHAPE.search(line.text)
        if match is None or "-" not in match.group("tail").replace("–", "-"):
            continue
        if _LABEL.search(line.text[: match.start()]) or line.text[: match.start()].strip() == "":
            return i
        fallback = fallback if fallback is not None else i
    return fallback


def _number(lines: Sequence[_Line], index: int | None) -> tuple[Guess[int], Guess[str] | None, Guess[str]]:
    if index is None:
        return Guess(None), None, Guess(None)
    line = lines[index]
    match = _NUMBER_SHAPE.search(line.text)
    assert match is not None
    digits = match.group("num").translate(_DIGIT_FIX)
    year_text = match.group("year")
    year = int(year_text.translate(_DIGIT_FIX)) if year_text else None
    groups = _notation_groups(match.group("tail"))
    labelled = bool(_LABEL.search(line.text[: match.start()]))
    base = line.confidence * (1.0 if labelled else 0.8)
    if not groups or not digits.isdigit():
        return Guess(None), None, Guess(None)
    notation_text = "-".join(groups)
    number = int(digits)
    text = f"{number:02d}/{year}/{notation_text}" if year else f"{number:02d}/{notation_text}"
    guess_text = Guess(text, base, line.text)
    number_guess, checked = _validate_number(guess_text, Guess(number, base, line.text))
    return number_guess, checked, Guess(notation_text, checked.confidence, line.text)


def _notation_groups(tail: str) -> list[str]:
    """`QĐ-STTTT Hà Tĩnh, ngày...` → [QĐ, STTTT]; `Q D - UBND` → [QĐ, UBND]; the first group is matched to the
    type abbreviations ignoring case, spaces and a lost stroke of Đ."""
    parts = _DASH.split(tail.strip())
    if len(parts) < 2:
        return []
    first = parts[0].strip()
    words = first.split()
    if len(words) > 1:  # "Q D" → "QD"; otherwise the last word is the group ("... 45/ QĐ")
        joined = "".join(words)
        first = joined if _abbr_key(joined) in _ABBR_BY_KEY else words[-1]
    groups = [_type_group(first)]
    for part in parts[1:]:
        token = part.split()[0] if part.split() else ""
        token = token.rstrip(",;:")
        if not token:
            break
        groups.append(_other_group(token))
        if len(part.split()) > 1:  # text after the group: the rest of the line is another column
            break
    return [g for g in groups if g]


def _type_group(group: str) -> str:
    if group in document_types.abbreviations():
        return group
    found = _ABBR_BY_KEY.get(_abbr_key(group))
    if found:
        return found[0] if len(found) == 1 or group.upper() not in found else group.upper()
    return group.upper().replace("0", "O")


def _other_group(group: str) -> str:
    return group.upper().strip(".")


def _validate_number(text: Guess[str] | None, number: Guess[int]) -> tuple[Guess[int], Guess[str]]:
    """Checked by notation.parse: a reading it refuses is still proposed, at half the confidence."""
    if text is None or text.value is None:
        return number, Guess(None)
    try:
        parsed = notation.parse(text.value)
    except ValidationError:
        return Guess(number.value, number.confidence * 0.5, number.source), Guess(text.value, text.confidence * 0.5,
                                                                                    text.source)
    return Guess(parsed.number, number.confidence, number.source), Guess(parsed.formatted, text.confidence,
                                                                          text.source)


def _retype(text: Guess[str], notation_guess: Guess[str], type_name: str) -> tuple[Guess[str], Guess[str]]:
    """HD and HĐ are both abbreviations (Hướng dẫn, Hợp đồng): the title decides which one OCR meant."""
    kind = document_types.find(type_name)
    value = notation_guess.value
    if kind is None or kind.abbreviation is None or value is None or text.value is None:
        return text, notation_guess
    first, _, rest = value.partition("-")
    if first != kind.abbreviation and _abbr_key(first) == _abbr_key(kind.abbreviation):
        fixed = f"{kind.abbreviation}-{rest}"
        return (Guess(text.value.replace(value, fixed), text.confidence, text.source),
                Guess(fixed, notation_guess.confidence, notation_guess.source))
    return text, notation_guess


# ---------------------------------------------------------------------------------------------------------- date

_DIGITISH = r"[0-9OoIl|§SB$]"
_DATE = re.compile(
    rf"(?:ng\w{{1,3}}[\s.,:]*)?(?P<d>{_DIGITISH}{{1,3}})\s*[,.]?\s*th\w{{2,4}}[\s.,:]*(?P<m>{_DIGITISH}{{1,3}})\s*[,.]?\s*"
    rf"n\w{{1,2}}m[\s.,:]*(?P<y>{_DIGITISH}{{4}})", re.IGNORECASE)
_DIGIT_GUESS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "§": "8", "B": "8", "S": "5", "$": "5"})


def _read_int(text: str, low: int, high: int) -> tuple[int, bool] | None:
    """A number OCR may have garbled ("8S", "§" for 8, "O9"): each letter read as its look-alike digit, else the
    digits alone; the flag says whether a repair was needed."""
    if text.isdigit() and low <= int(text) <= high:
        return int(text), False
    for candidate in (text.translate(_DIGIT_GUESS), "".join(c for c in text if c.isdigit())):
        if candidate.isdigit() and low <= int(candidate) <= high:
            return int(candidate), True
    return None
_NUMERIC_DATE = re.compile(r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})")


def _date(lines: Sequence[_Line], num_idx: int | None) -> tuple[Guess[date], Guess[str]]:
    """The place and date line: on the number's line (run together) or the next lines, never in the body (whose
    legal references carry dates too); a missing or misread "ngày", unpadded days and months are accepted (and
    lower the confidence)."""
    order = list(range(_body_start(lines, num_idx)))
    if num_idx is not None:  # look beside the number first
        order.sort(key=lambda i: abs(i - num_idx))
    for i in order:
        line = lines[i]
        match = _DATE.search(line.text)
        if match is None:
            continue
        parts = (_read_int(match.group("d"), 1, 31), _read_int(match.group("m"), 1, 12),
                 _read_int(match.group("y"), 1900, 2100))
        if parts[0] is None or parts[1] is None or parts[2] is None:
            continue
        try:
            on = date(parts[2][0], parts[1][0], parts[0][0])
        except ValueError:
            continue
        place = _place(line.text[: match.start()])
        confidence = line.confidence * (0.8 if any(p[1] for p in parts if p is not None) else 1.0)
        try:
            parse_date_line(f"{place or 'X'}, {line.text[match.start():match.end()]}")
        except ValidationError:
            confidence *= 0.9  # readable, but not in the standard form (padding, a misread word)
        place_guess = Guess(place, line.confidence * (0.9 if place else 0.0), line.text) if place else Guess(None)
        return Guess(on, confidence, line.text), place_guess
    return Guess(None), Guess(None)


def _place(before: str) -> str | None:
    text = before.strip().rstrip(",").strip()
    match = _NUMBER_SHAPE.search(text)
    if match is not None:  # "Số: 45/QĐ-UBND Hà Tĩnh" run together: the place follows the notation's last group
        tail = match.group("tail")
        words = tail.split()
        text = " ".join(words[1:]) if len(words) > 1 else ""
    text = text.strip(" ,.;")
    return text or None


# ---------------------------------------------------------------------------------------------------------- type


def _type_title(lines: Sequence[_Line], start: int) -> tuple[int | None, Guess[str]]:
    """The type name printed in capitals as the title (ô 5a): the first such line after the number and date."""
    names = document_types.names()
    folded_names = {fold(n): n for n in names}
    for i in range(start, min(len(lines), start + 10)):
        text = lines[i].text
        letters = [c for c in text if c.isalpha()]
        if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            continue
        key = fold(text)
        if key in folded_names:
            return i, Guess(folded_names[key], lines[i].confidence, text)
        if _is_mark(key):
            continue
        best = max(folded_names, key=lambda n: _similar(key, n))
        score = _similar(key, best)
        if score >= 0.85:
            return i, Guess(folded_names[best], lines[i].confidence * score, text)
    return None, Guess(None)


def _is_mark(key: str) -> bool:
    """Urgency, secrecy and circulation marks are capitals in the header too, never the title."""
    marks = [m for m, _ in URGENCY_MARKS] + ["mat", "toi mat", "tuyet mat", "tra lai sau khi hop", "xem xong tra lai",
                                              "luu hanh noi bo", "tai lieu thu hoi"]
    return any(key == m or (len(m) > 4 and _similar(key, m) >= 0.88) for m in marks)


def _settle_type(title: Guess[str], is_cong_van: bool, notation_guess: Guess[str], lines: Sequence[_Line],
                 vv_idx: int | None) -> Guess[str]:
    from_notation = None
    if notation_guess.value:
        first = notation_guess.value.split("-")[0]
        kind = document_types.by_abbreviation(first)
        from_notation = kind.name if kind else None
    if title.value is not None:
        agree = from_notation is None or from_notation == title.value
        return Guess(title.value, min(1.0, title.confidence * (1.0 if agree else 0.7)), title.source)
    if is_cong_van and vv_idx is not None:
        confidence = 0.95 if from_notation is None else 0.6
        return Guess("Công văn", confidence * lines[vv_idx].confidence, lines[vv_idx].text)
    if from_notation is not None:
        return Guess(from_notation, 0.6 * notation_guess.confidence, notation_guess.source)
    if notation_guess.value:  # issuer-unit notation without a readable "V/v": most likely a công văn
        return Guess("Công văn", 0.5, notation_guess.source)
    return Guess(None)


# ------------------------------------------------------------------------------------------------------- summary

_VV = re.compile(r"^\W{0,2}V\s*[/ií1l|\\]\s*[vVyY]\s*[:.,]?\s*", re.IGNORECASE)


def _vv_index(lines: Sequence[_Line], num_idx: int | None) -> int | None:
    start = num_idx if num_idx is not None else 0
    for i in range(start, min(len(lines), start + 6)):
        if _VV.match(lines[i].text):
            return i
    return None


def _summary_after_title(lines: Sequence[_Line], title_idx: int, width: int | None) -> Guess[str]:
    """Lines under the type title, centred like it, until the body starts (a new paragraph, "Căn cứ", a body-wide
    line, or capitals such as the signing authority's title)."""
    parts: list[_Line] = []
    for line in lines[title_idx + 1: title_idx + 6]:
        folded = fold(line.text)
        if parts and line.paragraph != parts[-1].paragraph:
            break
        if folded.startswith(BODY_STARTS) or _mostly_caps(line.text):
            break
        if width and line.box is not None and not _centred(line.box, lines[title_idx].box, width):
            break
        parts.append(line)
    if not parts:
        return Guess(None)
    text = " ".join(p.text for p in parts)
    return Guess(text, min(p.confidence for p in parts), text)


def _vv_summary(lines: Sequence[_Line], vv_idx: int, width: int | None) -> Guess[str]:
    """A công văn's "V/v ..." under the number, in the issuer column (one to four short lines)."""
    first = lines[vv_idx]
    parts = [first]
    for line in lines[vv_idx + 1: vv_idx + 5]:
        folded = fold(line.text)
        if folded.startswith(BODY_STARTS) or _mostly_caps(line.text) or _DATE.search(line.text):
            break
        if width and line.box is not None and first.box is not None:
            column_right = width * 0.5
            if line.box[0] > column_right or (line.box[2] + line.box[0]) / 2 > column_right:
                continue  # the right column (date line, restriction mark)
            if line.box[1] - parts[-1].box[3] > 2.5 * (first.box[3] - first.box[1]):  # type: ignore[index]
                break
        elif len(line.text) > 60:
            break
        parts.append(line)
    body = " ".join(p.text for p in parts)
    text = "V/v " + _VV.sub("", body, count=1).strip()
    return Guess(text, min(p.confidence for p in parts), body)


def _centred(box: Box, title: Box | None, width: int) -> bool:
    centre = (box[0] + box[2]) / 2
    axis = (title[0] + title[2]) / 2 if title is not None else width / 2
    return abs(centre - axis) < width * 0.06 and box[2] - box[0] < width * 0.85


def _mostly_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _body_start(lines: Sequence[_Line], num_idx: int | None) -> int:
    start = num_idx if num_idx is not None else 0
    for i in range(start, min(len(lines), HEADER_LINES)):
        if fold(lines[i].text).startswith(("kinh gui", "can cu", "thuc hien", "theo de nghi", "xet de nghi")):
            return i
    return min(len(lines), HEADER_LINES)


# ------------------------------------------------------------------------------------------------------- urgency


def _urgency(header: Sequence[_Line]) -> Guess[Urgency]:
    """A boxed mark in capitals (ô 10b); none found reads as a normal document."""
    for line in header:
        letters = [c for c in line.text if c.isalpha()]
        if not letters:
            continue
        words = line.text.split()
        caps = [w for w in words if sum(c.isupper() for c in w if c.isalpha()) >= 0.7 * max(1, sum(
            c.isalpha() for c in w))]
        folded = fold(" ".join(re.sub(r"[^\wÀ-ỹ]", "", w) for w in caps))
        if not folded:
            continue
        for mark, urgency in URGENCY_MARKS:
            if re.search(rf"(?:^|\s){mark}(?:\s|$)", folded):
                return Guess(urgency, line.confidence, line.text)
            # a single-line box: the whole line is the mark, misread by a letter or two (but not a type title:
            # "PHƯƠNG ÁN" and "HƯỚNG DẪN" are as near to "THƯỢNG KHẨN" as a misread mark)
            if len(mark) > 4 and _similar(folded, mark) >= 0.88 and document_types.find(folded) is None:
                return Guess(urgency, line.confidence * 0.9, line.text)
    return Guess(Urgency.NORMAL, 0.7)


# -------------------------------------------------------------------------------------------------------- issuer


def _issuer(lines: Sequence[_Line], num_idx: int | None, width: int | None,
            known: Collection[str]) -> tuple[Guess[str], Guess[str]]:
    """The issuer column (ô 2) above the number: the parent agency line(s), then the issuer in bold capitals."""
    end = num_idx if num_idx is not None else min(len(lines), 6)
    block: list[_Line] = []
    for line in lines[:end]:
        if width and line.box is not None and (line.box[0] + line.box[2]) / 2 > width * 0.5:
            continue  # right column: national title and motto
        if len([c for c in line.text if c.isalpha()]) < 2:
            continue
        block.append(line)
    if not block:
        return Guess(None), Guess(None)
    texts = [_fix_agency_words(b.text) for b in block]
    confidence = min(b.confidence for b in block)
    if known:
        snapped = _snap(texts, known)
        if snapped is not None:
            name, score, used = snapped
            parent_lines = texts[: len(texts) - used]
            parent = Guess(agency_case(" ".join(parent_lines)), confidence, " ".join(parent_lines)) if parent_lines \
                else Guess(None)
            return parent, Guess(name, confidence * score, " ".join(texts[len(texts) - used:]))
    split = _parent_split(texts)
    parent_text = " ".join(texts[:split])
    issuer_text = " ".join(texts[split:])
    parent = Guess(agency_case(parent_text), confidence, parent_text) if parent_text else Guess(None)
    return parent, Guess(agency_case(issuer_text), confidence * (0.9 if split or len(texts) < 3 else 0.7),
                         issuer_text)


# OCR slips inside agency names that are never words of one: "TÍNH" for "TỈNH" (the hook of ỉ read as an acute).
# "TĨNH" is right only in "HÀ TĨNH"; elsewhere in a header it is "TỈNH" with its hook misread.
_AGENCY_WORD_FIXES = {"tính": "tỉnh", "huyên": "huyện", "huyễn": "huyện", "xả": "xã"}


def _fix_agency_words(text: str) -> str:
    words = text.split()
    out: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower == "tĩnh" and (i == 0 or words[i - 1].lower() != "hà"):
            out.append("tỉnh")
        else:
            out.append(_AGENCY_WORD_FIXES.get(lower, word))
    return " ".join(out)


def _snap(texts: Sequence[str], known: Collection[str]) -> tuple[str, float, int] | None:
    best: tuple[str, float, int] | None = None
    for used in range(1, min(4, len(texts)) + 1):
        candidate = fold(" ".join(texts[len(texts) - used:]))
        for name in known:
            score = _similar(candidate, fold(name))
            if score >= 0.85 and (best is None or score > best[1]):
                best = (name, score, used)
    return best


def _parent_split(texts: Sequence[str]) -> int:
    """How many leading lines are the parent agency. "UBND TỈNH HÀ TĨNH / SỞ Y TẾ" is two agencies (the first is
    complete: a head and a place; or the rest starts with an agency kind); "ỦY BAN NHÂN DÂN / HUYỆN CẨM XUYÊN" and
    "BỘ THÔNG TIN VÀ / TRUYỀN THÔNG" are one."""
    heads = tuple(fold(h) + " " for h in AGENCY_HEADS)
    for k in (1, 2):
        if len(texts) <= k:
            break
        head = fold(" ".join(texts[:k]))
        rest = fold(" ".join(texts[k:])) + " "
        if not head.startswith(PARENT_HEADS):
            continue
        if rest.startswith(heads):
            return k
        words = head.split()
        for unit in ADMIN_UNITS:
            unit_words = unit.split()
            for j in range(1, len(words) - len(unit_words)):
                if words[j: j + len(unit_words)] == unit_words:
                    return k
    return 0


def agency_case(caps: str) -> str:
    """An agency name printed in capitals in the clerk's usual spelling: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" →
    "Sở Thông tin và Truyền thông", "ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN" → "Ủy ban nhân dân huyện Cẩm Xuyên"
    (the agency kind and each field name capitalised, the unit word in lower case, the place name in full)."""
    words = caps.split()
    out: list[str] = []
    capital_next = True
    in_place = False
    for i, word in enumerate(words):
        lower = word.lower()
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if word.upper() in ACRONYMS or (word.isupper() and len(word) > 1 and not _has_vowel(word)):
            out.append(word.upper())
            capital_next = False
        elif in_place:
            out.append(lower.capitalize())
        elif out and _is_unit(lower, following, out[-1].lower()):
            out.append(lower)
            in_place = lower not in ("thành", "thị")  # "thành phố", "thị xã": the next word is the unit's
        elif out and out[-1].lower() in ("thành", "thị") and lower in ("phố", "xã", "trấn"):
            out.append(lower)
            in_place = True
        elif lower in ("và", "-"):
            out.append(lower)
            capital_next = True
        elif capital_next:
            out.append(lower.capitalize())
            capital_next = (len(out) == 1 and out[0] in _HEADS) or " ".join(out[-2:]) in _HEADS
        else:
            out.append(lower)
    text = " ".join(out)
    text = re.sub(r"(?i)\b(ủy ban nhân dân|hội đồng nhân dân)",
                  lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(), text)
    return text[:1].upper() + text[1:]


_HEADS = frozenset(AGENCY_HEADS)


def _is_unit(lower: str, following: str, previous: str) -> bool:
    if lower == "xã" and following == "hội":  # "xã hội" is a field, not a commune
        return False
    if lower in ("thành", "thị"):
        return following in ("phố", "xã", "trấn")
    return lower in ("tỉnh", "huyện", "quận", "xã", "phường") and previous not in ("thành", "thị")


def _has_vowel(word: str) -> bool:
    return any(c in "aeiouy" for c in fold(word))
