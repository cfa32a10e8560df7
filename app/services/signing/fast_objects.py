"""A faster reader for the plain dictionaries and arrays that make up most of a PDF's objects.

Why: verifying a scan spends most of its time in pyHanko's difference analysis, which reads every object of the
signed revision (a page, its resources, each image's dictionary) to learn where each one is referenced from.
pyHanko's parser makes several Python calls per token, so a 100-page scan costs about 4,000 calls to `read_object`
for some 350 objects. This reader parses one object with a single compiled tokenizer over a chunk of the file and
builds exactly the objects pyHanko would: `DictionaryObject`, `ArrayObject`, `NameObject` (through pyHanko's own
name decoding), `NumberObject`, `FloatObject`, `IndirectObject`, `BooleanObject` and `NullObject`, each with the
same `container_ref`.

A stream's payload of 4 KB or more is not copied out of the file when the object is read, only when something uses
it: the difference analysis reads every image object of a scan for its dictionary alone, and copying the 25 MB of
image data cost more than parsing. The stream keyword, /Length and the "endstream" marker are checked at once, as
pyHanko checks them; anything unusual there (a /Length off by one, a missing marker) goes to pyHanko's own
`_maybe_read_stream_payload`, which reads the payload at once and raises its own errors.

It only takes what it is sure of. Anything else: a string with an escape or a parenthesis inside, a hex string with
blanks, a comment, a duplicate key, a number or keyword glued to a letter, a reference written with unusual blanks,
deep nesting, an object running past the chunk even after it grew, content-stream or metadata-stream parsing: the
stream is put back where it was and pyHanko's own reader parses the object, with its own errors. The security
decisions (difference analysis, signature checks) stay pyHanko's; this changes only how fast the same objects come
out of the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_WS = b" \n\r\t\f\x00"  # PDF white-space (pyHanko's read_non_whitespace skips exactly these)
_DELIMS = b"()<>[]{}/%"
_END = rb"(?=[" + re.escape(_WS + _DELIMS) + rb"])"  # a token must be followed by a blank or a delimiter
_TOKEN = re.compile(
    rb"[" + re.escape(_WS) + rb"]*(?:"
    rb"(?P<name>/[^" + re.escape(_WS + _DELIMS) + rb"]*)" + _END
    + rb"|(?P<open><<)|(?P<close>>>)|(?P<aopen>\[)|(?P<aclose>\])"
    rb"|(?P<int>[+-]?[0-9]+)(?![+,.0-9-])" + _END
    + rb"|(?P<float>[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+))(?![+,.0-9-])" + _END
    + rb"|(?P<kw>true|false|null)" + _END
    + rb"|\((?P<str>[^()\\]*)\)"  # a literal string with no parenthesis or backslash inside: its bytes as they are
    + rb"|<(?P<hex>[0-9A-Fa-f]*)>"  # a hex string of digits only
    + rb")"
)
# A reference as pyHanko's read_object recognises one (its INDIRECT_PATTERN over a 20-byte peek), limited to the
# blanks that both of pyHanko's readers of a reference agree on.
_REFERENCE = re.compile(rb"([0-9]+)[ \t\n\r\f]+([0-9]+)[ \t\n\r\f]+R[^a-zA-Z]")
_REFERENCE_PEEK = 20
_FIRST_CHUNK = 4096
_LAST_CHUNK = 1 << 20
_MAX_DEPTH = 32
_LAZY_PAYLOAD = 4096  # smaller payloads are read at once


class _Chunk(bytes):
    """Bytes of the file from the object on; `at_end`: they run to the end of the file."""

    at_end: bool

    def __new__(cls, data: bytes, at_end: bool) -> _Chunk:
        chunk = super().__new__(cls, data)
        chunk.at_end = at_end
        return chunk


class _Unsure(Exception):
    """The fast reader leaves this object to pyHanko."""


class _NeedMore(_Unsure):
    """The object may run past the chunk: read a bigger one."""


_BLANKS = re.compile(b"[" + re.escape(_WS) + b"]*")


def _no_token(chunk: _Chunk, pos: int) -> _Unsure:
    """Why nothing matched at `pos`: near the end of a chunk that is not the file's end, or at a string that may
    close further on, a bigger chunk may do; anything else is for pyHanko."""
    if chunk.at_end:
        return _Unsure()
    start = _BLANKS.match(chunk, pos)
    at = start.end() if start is not None else pos
    first = chunk[at:at + 1]
    closing = {b"(": b")", b"<": b">"}.get(first)
    if len(chunk) - pos < 256 or (closing is not None and chunk.find(closing, at) < 0):
        return _NeedMore()
    return _Unsure()  # an escape, a nested parenthesis, a blank in a hex string: pyHanko's reader knows them


def install(generic: Any) -> None:
    """Put the fast reader in front of `generic.read_object` (pyHanko's module; idempotent)."""
    if getattr(generic.read_object, "_vanthu_fast_objects", False):
        return
    original = generic.read_object
    reader = _Reader(generic, original)

    def read_object(stream: Any, container_ref: Any, as_metadata_stream: bool = False,
                    in_content_stream: Any = None) -> Any:
        if in_content_stream is None:
            in_content_stream = generic.ContentOpReading.NO
        if not as_metadata_stream and in_content_stream is generic.ContentOpReading.NO:
            result = reader.read(stream, container_ref)
            if result is not None:
                return result
        return original(stream, container_ref, as_metadata_stream=as_metadata_stream,
                        in_content_stream=in_content_stream)

    read_object._vanthu_fast_objects = True  # type: ignore[attr-defined]
    read_object.original = original  # type: ignore[attr-defined]
    generic.read_object = read_object
    _keep_payloads_deferred(generic, reader.lazy_stream)


def _keep_payloads_deferred(generic: Any, lazy_stream: Any) -> None:
    """A historical revision's copy of an object, made the way pyHanko makes it but faster, and a deferred stream's
    copy deferred too.

    pyHanko's `HistoricalResolver._subsume_object` copies each object it reads into the revision being looked at
    (every reference re-pointed to the revision), and for a stream it asks for the payload to copy: that alone read
    every image of a scan. It also builds a reference for every name and number it passes, to throw it away. The
    copy made here is the one pyHanko makes, for the plain types the readers produce: dictionaries, arrays,
    streams (a deferred payload stays deferred, to be read from the same place in the file), references and
    primitives, which are shared as pyHanko shares them. Anything else (an encrypted object's proxy, a metadata
    stream, an object without its container reference) goes to pyHanko's own method.
    """
    from pyhanko.pdf_utils import reader as _reader

    resolver: Any = _reader.HistoricalResolver
    original = resolver._subsume_object
    if getattr(original, "_vanthu_fast_objects", False):
        return
    g = generic
    shared = (g.NameObject, g.NumberObject, g.FloatObject, g.BooleanObject, g.NullObject, g.TextStringObject,
              g.ByteStringObject)
    reference: Any = g.Reference

    def _subsume_object(self: Any, obj: Any) -> Any:
        kind = type(obj)
        ref: Any = getattr(obj, "container_ref", None)
        if type(ref) is not reference:
            return original(self, obj)
        if kind is g.IndirectObject:
            return g.IndirectObject(obj.reference.idnum, obj.reference.generation, self)
        if kind in shared:
            return obj
        if kind is g.DictionaryObject:
            result = g.DictionaryObject({k: _subsume_object(self, v) for k, v in obj.items()})
        elif kind is g.ArrayObject:
            result = g.ArrayObject([_subsume_object(self, v) for v in obj])
        elif kind is lazy_stream and obj.deferred_payload() is not None:
            result = lazy_stream({k: _subsume_object(self, v) for k, v in obj.items()})
            result.defer_payload(*obj.deferred_payload())
        elif kind is g.StreamObject or kind is lazy_stream:
            result = g.StreamObject({k: _subsume_object(self, v) for k, v in obj.items()},
                                    encoded_data=obj.encoded_data)
        else:
            return original(self, obj)
        result.container_ref = reference(idnum=ref.idnum, generation=ref.generation, pdf=self)
        return result

    _subsume_object._vanthu_fast_objects = True  # type: ignore[attr-defined]
    _subsume_object.original = original  # type: ignore[attr-defined]
    resolver._subsume_object = _subsume_object


class _Reader:
    def __init__(self, generic: Any, original: Callable[..., Any]) -> None:
        self.g = generic
        self.original = original
        self.lazy_stream = _lazy_stream_class(generic)

    def read(self, stream: Any, container_ref: Any) -> Any | None:
        """The object at the stream's position, or None (stream untouched) when pyHanko should read it."""
        start = stream.tell()
        first = stream.read(2)
        stream.seek(start)
        if not (first == b"<<" or first[:1] == b"["):
            return None
        size = _FIRST_CHUNK
        while True:
            chunk = stream.read(size)
            stream.seek(start)
            try:
                value, end, data = self._parse(_Chunk(chunk, len(chunk) < size), 0, container_ref, 0)
            except _NeedMore:
                if len(chunk) < size or size >= _LAST_CHUNK:
                    return None
                size *= 4
                continue
            except Exception:  # unsure, or a name or number pyHanko would refuse: its reader says why
                return None
            break
        stream.seek(start + end)
        if data is None:
            return value
        result = self._stream_or_dictionary(stream, data, container_ref.get_pdf_handler())
        result.container_ref = container_ref
        return result

    def _stream_or_dictionary(self, stream: Any, data: dict[Any, Any], handler: Any) -> Any:
        """A dictionary just read may be a stream's: what follows it says (pyHanko's `_maybe_read_stream_payload`)."""
        g = self.g
        after = stream.tell()
        try:
            span = self._payload_span(stream, data, handler)
        except Exception:  # pyHanko reads it again below and raises its own error
            span = ()
        if span is None:
            stream.seek(after)
            return g.DictionaryObject(data)
        if span:
            start, length = span
            result = self.lazy_stream(data)
            result.defer_payload(stream, start, length)
            return result
        stream.seek(after)
        payload = g._maybe_read_stream_payload(stream, data, handler)
        return g.StreamObject(data, encoded_data=payload) if payload is not None else g.DictionaryObject(data)

    def _payload_span(self, stream: Any, data: dict[Any, Any], handler: Any) -> tuple[int, int] | tuple[()] | None:
        """None: no stream; (start, length): a large payload, well delimited, stream left after "endstream";
        (): let pyHanko read it."""
        g = self.g
        keyword = g.read_non_whitespace(stream, allow_eof=True)
        if keyword != b"s" or stream.read(5) != b"tream":
            return None
        g.skip_over_whitespace(stream, stop_after_eol=True)
        length = data.get("/Length")
        if isinstance(length, g.IndirectObject):
            here = stream.tell()
            length = handler.get_object(length)
            stream.seek(here)
        if not isinstance(length, int) or isinstance(length, bool) or length < _LAZY_PAYLOAD:
            return ()
        start = stream.tell()
        stream.seek(start + length)
        if g.read_non_whitespace(stream) + stream.read(8) != b"endstream":
            return ()
        return start, length

    def _parse(self, chunk: _Chunk, pos: int, container_ref: Any, depth: int) -> tuple[Any, int, dict[Any, Any] | None]:
        """(object, end position, raw dict for a top-level dictionary else None) for the token at `pos`."""
        if depth > _MAX_DEPTH:
            raise _Unsure
        m = _TOKEN.match(chunk, pos)
        g = self.g
        if m is None:
            blanks = _BLANKS.match(chunk, pos)
            at = blanks.end() if blanks is not None else pos
            if chunk[at:at + 1] != b"(":
                raise _no_token(chunk, pos)
            raw, end = _literal(chunk, at)  # a string with escapes or balanced parentheses inside
            text = g.pdf_string(raw)
            text.container_ref = container_ref
            return text, end, None
        kind = m.lastgroup
        if kind == "open":
            data, end = self._dictionary(chunk, m.end(), container_ref, depth)
            if depth == 0:
                return None, end, data
            obj: Any = g.DictionaryObject(data)
            obj.container_ref = container_ref
            return obj, end, None
        if kind == "aopen":
            obj, end = self._array(chunk, m.end(), container_ref, depth)
        elif kind == "name":
            obj, end = g._decode_name(m.group("name")[1:]), m.end()
        elif kind == "int":
            start = m.start("int")
            if chunk[start] in b"+-":  # pyHanko reads a signed number without looking for a reference
                obj, end = g.NumberObject(m.group("int").decode("ascii")), m.end()
            else:
                if len(chunk) - start < _REFERENCE_PEEK and not chunk.at_end:
                    raise _NeedMore  # pyHanko peeks 20 bytes for " 0 R": the chunk must hold what it would see
                ref = _REFERENCE.match(chunk, start, start + _REFERENCE_PEEK)
                if ref is not None:
                    idnum, generation = int(ref.group(1)), int(ref.group(2))
                    if idnum <= 0:
                        raise _Unsure
                    obj, end = g.IndirectObject(idnum, generation, container_ref.get_pdf_handler()), ref.end() - 1
                elif g.INDIRECT_PATTERN.match(chunk, start, start + _REFERENCE_PEEK) is not None:
                    raise _Unsure  # a reference with blanks the two readers disagree on
                else:
                    obj, end = g.NumberObject(m.group("int").decode("ascii")), m.end()
        elif kind == "float":
            obj, end = g.FloatObject(m.group("float").decode("ascii")), m.end()
        elif kind == "str":
            obj, end = g.pdf_string(m.group("str")), m.end()
        elif kind == "hex":
            digits = m.group("hex")
            obj, end = g.pdf_string(bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode("ascii"))), \
                m.end()
        elif kind == "kw":
            word = m.group("kw")
            obj = g.NullObject() if word == b"null" else g.BooleanObject(word == b"true")
            end = m.end()
        else:  # a stray ">>" or "]"
            raise _Unsure
        obj.container_ref = container_ref
        return obj, end, None

    def _dictionary(self, chunk: _Chunk, pos: int, container_ref: Any, depth: int) -> tuple[dict[Any, Any], int]:
        """The entries up to the closing ">>", and the position after it."""
        data: dict[Any, Any] = {}
        while True:
            m = _TOKEN.match(chunk, pos)
            if m is None:
                raise _no_token(chunk, pos)
            kind = m.lastgroup
            if kind == "close":
                return data, m.end()
            if kind != "name":
                raise _Unsure
            key = self.g._decode_name(m.group("name")[1:])
            if key in data:
                raise _Unsure  # pyHanko warns (or refuses, strict) and keeps the first: let it
            value, pos, _ = self._parse(chunk, m.end(), container_ref, depth + 1)
            data[key] = value

    def _array(self, chunk: _Chunk, pos: int, container_ref: Any, depth: int) -> tuple[Any, int]:
        items = self.g.ArrayObject()
        while True:
            m = _TOKEN.match(chunk, pos)
            if m is not None and m.lastgroup == "aclose":
                return items, m.end()
            value, pos, _ = self._parse(chunk, pos, container_ref, depth + 1)
            items.append(value)


_STRING_RUN = re.compile(rb"[^()\\]+")
_SIMPLE_ESCAPES = {**{c: bytes([c]) for c in b"() /%<>[]#_&$\\"},
                   **{ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}}
_OCTAL = re.compile(rb"[0-9]{1,3}")


def _literal(chunk: _Chunk, start: int) -> tuple[bytes, int]:
    """The bytes of the literal string opening at `start` and the position after it, exactly as pyHanko's
    `_read_string_literal_bytes` reads them (escapes, octal codes, escaped line ends, balanced parentheses); an
    escape it would refuse, or one its octal handling would fail on, is left to it."""
    out = bytearray()
    depth = 1
    pos = start + 1
    size = len(chunk)
    while True:
        run = _STRING_RUN.match(chunk, pos)
        if run is not None:
            out += run.group()
            pos = run.end()
        if pos >= size:
            raise _Unsure() if chunk.at_end else _NeedMore()
        c = chunk[pos]
        pos += 1
        if c == 0x28:  # (
            depth += 1
            out.append(c)
        elif c == 0x29:  # )
            depth -= 1
            if depth == 0:
                return bytes(out), pos
            out.append(c)
        else:  # a backslash
            if pos >= size:
                raise _Unsure() if chunk.at_end else _NeedMore()
            e = chunk[pos]
            if e in _SIMPLE_ESCAPES:
                out += _SIMPLE_ESCAPES[e]
                pos += 1
            elif 0x30 <= e <= 0x39:
                if pos + 3 > size and not chunk.at_end:
                    raise _NeedMore()
                digits = _OCTAL.match(chunk, pos)
                assert digits is not None
                text = digits.group()
                if b"8" in text or b"9" in text or int(text, 8) > 255:
                    raise _Unsure()  # pyHanko's int(…, 8) / bytes(…) would fail: its error, its words
                out.append(int(text, 8))
                pos = digits.end()
            elif e in (0x0A, 0x0D):  # an escaped line end (two characters of \r\n, \n\r, … count as one)
                pos += 1
                if pos < size and chunk[pos] in (0x0A, 0x0D):
                    pos += 1
                elif pos >= size and not chunk.at_end:
                    raise _NeedMore()
            else:
                raise _Unsure()


def _lazy_stream_class(generic: Any) -> Any:
    class LazyPayloadStream(generic.StreamObject):  # type: ignore[misc]
        """A stream read from a file whose encoded payload is copied out of it on first use."""

        def defer_payload(self, source: Any, start: int, length: int) -> None:
            self.__dict__["_vanthu_span"] = (source, start, length)

        def deferred_payload(self) -> tuple[Any, int, int] | None:
            """Where the payload still is to be read from, or None once it has been read or replaced."""
            span: tuple[Any, int, int] | None = self.__dict__.get("_vanthu_span")
            return span

        @property
        def _encoded_data(self) -> Any:
            span = self.__dict__.pop("_vanthu_span", None)
            if span is not None:
                source, start, length = span
                here = source.tell()
                try:
                    source.seek(start)
                    self.__dict__["_vanthu_payload"] = source.read(length)
                finally:
                    source.seek(here)
            return self.__dict__.get("_vanthu_payload")

        @_encoded_data.setter
        def _encoded_data(self, value: Any) -> None:
            self.__dict__.pop("_vanthu_span", None)
            self.__dict__["_vanthu_payload"] = value

    return LazyPayloadStream
