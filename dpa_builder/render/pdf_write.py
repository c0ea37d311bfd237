"""Write numbered PDF objects as a file body, and finish a file from bodies written apart.

Streams are written as they are; every other object goes into one compressed object
stream per body, as pydyf does. A body's offsets are relative to its start, so a body
written once (the standard terms) is copied into each file unchanged.
"""
import struct
import zlib
from dataclasses import dataclass
from hashlib import md5

import pydyf

from .font_subsets import stream_data

HEADER = b"%PDF-1.7\n%\xf0\x9f\x96\xa4\n"  # as WeasyPrint writes it (binary marker for PDF/A)


@dataclass(frozen=True)
class Body:
    data: bytes
    entries: dict[int, tuple[int, int, int]]  # number -> xref entry, offsets from data's start

    def placed(self, at: int) -> dict[int, tuple[int, int, int]]:
        return {n: (kind, a + at if kind == 1 else a, b) for n, (kind, a, b) in self.entries.items()}


def body(objects: list[pydyf.Object], stream_number: int) -> Body:
    """The objects (numbered) as bytes; the non-streams in object stream `stream_number`."""
    data, entries = bytearray(), {}
    packed: list[pydyf.Object] = []
    for obj in objects:
        if isinstance(obj, pydyf.Stream):
            entries[obj.number] = (1, len(data), 0)
            data += b"%d 0 obj\n%s\nendobj\n" % (obj.number, stream_data(obj))
        else:
            entries[obj.number] = (2, stream_number, len(packed))
            packed.append(obj)
    entries[stream_number] = (1, len(data), 0)
    data += b"%d 0 obj\n%s\nendobj\n" % (stream_number, _object_stream(packed).data)
    return Body(bytes(data), entries)


def _object_stream(objects: list[pydyf.Object]) -> pydyf.Stream:
    """Many small objects in one compressed stream (PDF 1.5), as pydyf writes them."""
    items, offsets, position = [], [], 0
    for obj in objects:
        items.append(obj.data)
        offsets += [obj.number, position]
        position += len(items[-1]) + 1
    head = " ".join(map(str, offsets)).encode()
    return pydyf.Stream([head, *items], {"Type": "/ObjStm", "N": len(items),
                                         "First": len(head) + 1}, compress=True)


ROW = struct.Struct(">BIH")  # cross-reference rows: type, offset or stream, generation or index


def rows(body: Body, at: int, numbers: range) -> bytes:
    """The cross-reference rows of `numbers`, all in `body`, placed `at` bytes into the file."""
    placed = body.placed(at)
    return b"".join(ROW.pack(*placed[n]) for n in numbers)


def finish(parts: list[tuple[Body, bytes | None]], size: int, identifier: bytes) -> bytes:
    """One file of `size` objects: header, each part's body in order, then a compressed
    cross-reference stream (the last object) naming catalog 1 and information 6. A part
    may bring its rows ready (`rows` for its placement here) to save packing them again."""
    out, entries, ready = bytearray(HEADER), {0: (0, 0, 65535)}, {}
    for part, part_rows in parts:
        if part_rows is None:
            entries |= part.placed(len(out))
        else:
            ready[min(part.entries)] = (part_rows, len(part.entries))
        out += part.data
    entries[size - 1] = (1, len(out), 0)  # this cross-reference stream
    table, n = bytearray(), 0
    while n < size:
        if n in ready:
            table += ready[n][0]
            n += ready[n][1]
        else:
            table += ROW.pack(*entries[n])
            n += 1
    data_hash = md5(bytes(out[len(HEADER):]), usedforsecurity=False).hexdigest().encode()
    packed = zlib.compress(bytes(table), 1)  # level 1: fastest, and smaller than 9 here
    extra = pydyf.Dictionary({
        "Type": "/XRef", "Index": pydyf.Array((0, size)), "W": pydyf.Array((1, 4, 2)),
        "Size": size, "Root": b"1 0 R", "Info": b"6 0 R",
        "ID": pydyf.Array((pydyf.String(identifier).data, pydyf.String(data_hash).data)),
        "Filter": "/FlateDecode", "Length": len(packed)})
    xref_at = len(out)
    out += b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (size - 1, extra.data, packed)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)
