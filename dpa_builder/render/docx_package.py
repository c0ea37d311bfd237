"""A rendered DOCX's package: core, extended (app.xml) and custom properties, fixed zip.

Every property says what is true of this file: who issued it, what it holds,
which program wrote it. Nothing depends on the clock, so rebuilds are
byte-identical.
"""
import io
import zipfile
from dataclasses import astuple, dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from ..assembly.model import Document
from .ooxml import text_of

CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
APP_CT = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A stored zip entry's time is part of the file; fixing it makes rebuilds byte-identical.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Counts:
    """What Word counts of a body under File > Info: paragraphs with text, words, characters."""
    paragraphs: int = 0
    words: int = 0
    characters: int = 0  # without spaces
    with_spaces: int = 0

    @classmethod
    def of(cls, root) -> "Counts":
        texts = [text for text in (text_of(p) for p in root.iter(f"{W}p")) if text.strip()]
        return cls(len(texts), sum(len(text.split()) for text in texts),
                   sum(len("".join(text.split())) for text in texts), sum(map(len, texts)))

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


def set_properties(docx, document: Document, counts: Counts) -> None:
    stamp = datetime(document.issued.year, document.issued.month, document.issued.day,
                     tzinfo=UTC)
    core = docx.core_properties
    # A core property holds 255 characters at most; a long customer name is cut there.
    core.title = " — ".join(part for part in (document.title, document.customer) if part)[:255]
    core.subject, core.author = document.subject[:255], document.author
    core.keywords, core.identifier, core.language = document.keywords, document.id, document.language
    core.category, core.comments, core.version = "Data Processing Addendum", "", document.content_version
    core.created = core.modified = stamp
    core.last_modified_by, core.revision = document.author, 1
    core.last_printed = stamp
    package = docx.part.package
    _replace_part(package, "/docProps/app.xml", APP_CT, RT.EXTENDED_PROPERTIES,
                  _app_xml(counts, document))
    _replace_part(package, "/docProps/custom.xml", CUSTOM_CT, RT.CUSTOM_PROPERTIES,
                  _custom_xml(document.properties()))


def _app_xml(counts: Counts, document: Document) -> str:
    """The counts; pages are left out, only a layout knows them."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{APP_NS}" xmlns:vt="{VT_NS}"><Application>DPA Builder</Application>'
            f"<DocSecurity>0</DocSecurity><Words>{counts.words}</Words><Characters>{counts.characters}</Characters>"
            f"<Paragraphs>{counts.paragraphs}</Paragraphs><Company>{escape(document.author)}</Company>"
            f"<LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>{counts.with_spaces}"
            f"</CharactersWithSpaces><SharedDoc>false</SharedDoc>"
            f"<HyperlinksChanged>false</HyperlinksChanged></Properties>")


def _custom_xml(properties: dict[str, str]) -> str:
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(properties.items()), start=2))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>')


def _replace_part(package, name: str, content_type: str, reltype: str, xml: str) -> None:
    """Give the package's part of this relationship type new content, or add the part."""
    try:
        package.part_related_by(reltype)._blob = xml.encode()
    except KeyError:
        package.relate_to(Part(PackURI(name), content_type, xml.encode(), package), reltype)


def normalise_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
