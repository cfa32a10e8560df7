"""Where each object of a signed revision is referenced from: pyHanko's map, made without pyHanko's objects.

Why: pyHanko's difference analysis starts by walking every object of the revision a signature covers, from the
trailer down, to record each path by which an object can be reached (`HistoricalResolver._load_reverse_xref_cache`).
For a 100-page scan that is some 320 objects read, parsed into pyHanko objects and copied into the historical view:
about 30 ms, most of a verification's own time. Here the same walk runs over light values (dicts, lists, reference
tuples, names decoded by pyHanko's own decoder) parsed straight from the file's bytes, and the result is handed to
pyHanko in its own form; pyHanko then reads only the objects its analysis looks at, as before.

The walk is pyHanko's, rule for rule: the page tree entered only by its canonical path, `/Parent` not followed, a
reference already on the current path not followed again, a reference's path recorded before it is resolved.
Whatever this does not cover leaves the map to pyHanko, which then builds it (and raises its own errors): an
encrypted file, an object in an object stream or not found in the revision's cross-reference sections, a header
that does not name the object, a structure tree, a token the light parser is unsure of (the tokens are
`fast_objects`' own). Tests compare the two maps on the app's own documents and on files with unusual shapes.
"""

from __future__ import annotations

import re
from typing import Any

from app.services.signing.fast_objects import _REFERENCE, _REFERENCE_PEEK, _TOKEN, _literal, _Unsure

_HEADER = re.compile(rb"[ \t\n\r\f\x00]*([0-9]+)[ \t\n\r\f\x00]+([0-9]+)[ \t\n\r\f\x00]+obj")
_BLANKS = re.compile(rb"[ \t\n\r\f\x00]*")
_MAX_DEPTH = 32
_SCALAR = object()  # a number, string, boolean or null: nothing to follow


class _Ref(tuple[int, int]):
    """An indirect reference (object number, generation)."""

    __slots__ = ()


def load(resolver: Any, pdf_bytes: bytes) -> bool:
    """Give `resolver` (a pyHanko `HistoricalResolver` over `pdf_bytes`) its map of paths; False: not done, let
    pyHanko's `_load_reverse_xref_cache` make it."""
    if resolver._indirect_object_access_cache is not None:
        return True
    reader = resolver.reader
    if reader.encrypted:
        return False
    try:
        resolver._indirect_object_access_cache = _Walk(resolver, pdf_bytes).run()
    except (_Unsure, RecursionError, KeyError, TypeError, ValueError, IndexError, AttributeError):
        return False
    return True


class _Walk:
    def __init__(self, resolver: Any, data: bytes) -> None:
        from pyhanko.pdf_utils import generic

        self.resolver = resolver
        self.data = data
        self.g: Any = generic
        self.objects: dict[_Ref, Any] = {}

    # ---- reading light values -------------------------------------------------------------------------------------
    def resolve(self, ref: _Ref) -> Any:
        try:
            return self.objects[ref]
        except KeyError:
            pass
        location = self.resolver.reader.xrefs.get_historical_ref(self.g.Reference(ref[0], ref[1]),
                                                                 self.resolver.revision)
        if not isinstance(location, int) or isinstance(location, bool):
            raise _Unsure  # in an object stream, free, or missing: pyHanko knows what to do
        header = _HEADER.match(self.data, location)
        if header is None or (int(header.group(1)), int(header.group(2))) != ref:
            raise _Unsure
        value, _end = self.value(header.end(), 0)
        self.objects[ref] = value
        return value

    def value(self, pos: int, depth: int) -> tuple[Any, int]:
        if depth > _MAX_DEPTH:
            raise _Unsure
        data = self.data
        m = _TOKEN.match(data, pos)
        if m is None:
            at = _BLANKS.match(data, pos)
            start = at.end() if at is not None else pos
            if data[start:start + 1] != b"(":
                raise _Unsure
            # a string with escapes or nested parentheses; one cut off by the file's end meets the missing
            # `at_end` (AttributeError) and the map is left to pyHanko
            _raw, end = _literal(data, start)  # type: ignore[arg-type]
            return _SCALAR, end
        kind = m.lastgroup
        if kind == "open":
            return self.dictionary(m.end(), depth)
        if kind == "aopen":
            items: list[Any] = []
            pos = m.end()
            while True:
                close = _TOKEN.match(data, pos)
                if close is not None and close.lastgroup == "aclose":
                    return items, close.end()
                item, pos = self.value(pos, depth + 1)
                items.append(item)
        if kind == "name":
            return self.g._decode_name(m.group("name")[1:]), m.end()
        if kind == "int":
            start = m.start("int")
            if data[start] not in b"+-":
                ref = _REFERENCE.match(data, start, start + _REFERENCE_PEEK)
                if ref is not None:
                    if int(ref.group(1)) <= 0:
                        raise _Unsure
                    return _Ref((int(ref.group(1)), int(ref.group(2)))), ref.end() - 1
                if self.g.INDIRECT_PATTERN.match(data, start, start + _REFERENCE_PEEK) is not None:
                    raise _Unsure
            return _SCALAR, m.end()
        if kind in ("float", "str", "hex", "kw"):
            return _SCALAR, m.end()
        raise _Unsure  # a stray ">>" or "]"

    def dictionary(self, pos: int, depth: int) -> tuple[dict[Any, Any], int]:
        data = self.data
        entries: dict[Any, Any] = {}
        while True:
            m = _TOKEN.match(data, pos)
            if m is None:
                raise _Unsure
            if m.lastgroup == "close":
                return entries, m.end()
            if m.lastgroup != "name":
                raise _Unsure
            key = self.g._decode_name(m.group("name")[1:])
            if key in entries:
                raise _Unsure  # pyHanko keeps the first and warns: its own reader decides
            entries[key], pos = self.value(m.end(), depth + 1)

    def light(self, obj: Any) -> Any:
        """A pyHanko object (the trailer) as a light value."""
        g = self.g
        if isinstance(obj, g.IndirectObject):
            return _Ref((obj.idnum, obj.generation))
        if isinstance(obj, g.DictionaryObject):
            return {k: self.light(v) for k, v in obj.items()}
        if isinstance(obj, g.ArrayObject):
            return [self.light(v) for v in obj]
        if isinstance(obj, g.NameObject):
            return obj
        return _SCALAR

    # ---- pyHanko's walk ---------------------------------------------------------------------------------------------
    def run(self) -> dict[Any, set[Any]]:
        from pyhanko.pdf_utils.reader import RawPdfPath

        trailer = self.light(self.resolver.trailer_view)
        root_ref = trailer["/Root"]
        root = self.resolve(root_ref) if isinstance(root_ref, _Ref) else root_ref
        if not isinstance(root, dict) or "/StructTreeRoot" in root:
            raise _Unsure  # a structure tree has its own rules in pyHanko's walk
        pages_ref = root["/Pages"]
        pages_path: tuple[Any, ...] = ("/Root", "/Pages")
        page_tree: dict[_Ref, tuple[Any, ...]] = {}
        if isinstance(pages_ref, _Ref):
            page_tree[pages_ref] = pages_path
        pages = self.resolve(pages_ref) if isinstance(pages_ref, _Ref) else pages_ref
        for ref, path in self.page_tree_refs(pages, pages_path, 0):
            if ref in page_tree:
                raise _Unsure  # a circular page tree: pyHanko refuses it in its own words
            page_tree[ref] = path
        self.page_tree = page_tree
        self.collected: dict[_Ref, set[tuple[Any, ...]]] = {}
        self.paths(trailer, (), ())
        resolver = self.resolver
        return {self.g.Reference(ref[0], ref[1], pdf=resolver): {RawPdfPath(*p) for p in paths}
                for ref, paths in self.collected.items()}

    def page_tree_refs(self, node: Any, path: tuple[Any, ...], depth: int) -> Any:
        if depth > _MAX_DEPTH or not isinstance(node, dict):
            raise _Unsure
        kids = node["/Kids"]
        if not isinstance(kids, list):
            raise _Unsure
        for ix, kid in enumerate(kids):
            kid_path = (*path, "/Kids", ix)
            if isinstance(kid, _Ref):
                yield kid, kid_path
                kid = self.resolve(kid)
            if not isinstance(kid, dict):
                raise _Unsure
            if kid.get("/Type") == "/Pages":
                yield from self.page_tree_refs(kid, kid_path, depth + 1)

    def paths(self, obj: Any, path: tuple[Any, ...], seen: tuple[_Ref, ...]) -> None:
        if isinstance(obj, _Ref):
            if obj in seen:
                return
            found = self.collected.get(obj)
            if found is None:
                self.collected[obj] = found = set()
            found.add(path)
            seen = (*seen, obj)
            canonical = self.page_tree.get(obj, path)
            obj = self.resolve(obj)
            if path != canonical:
                return
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key != "/Parent":
                    self.paths(value, (*path, key), seen)
        elif isinstance(obj, list):
            for ix, value in enumerate(obj):
                self.paths(value, (*path, ix), seen)
