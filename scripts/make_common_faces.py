"""Cut the Simplified Chinese Noto CJK faces to the common characters, for the PDF.

Why: dpa_builder/render/common_faces.py. Each face keeps the characters of GB 2312 (the
6,763 hanzi of everyday Simplified Chinese, its punctuation and symbols), a few blocks
whole (BLOCKS), and the layout features horizontal text uses.
It is renamed, so that fontconfig never takes it for the full face. The same source
gives the same bytes (no timestamps). scripts/setup.sh runs this; it skips a face made
from the same source file.

    .venv/bin/python scripts/make_common_faces.py
"""
import hashlib
import json
import subprocess
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from dpa_builder.render.common_faces import FACES, FOLDER, MANIFEST, Face

# Whole blocks besides: Pango sets a space or a quotation mark inside a Chinese run in the
# run's face, so the Latin-1 letters, general punctuation, CJK punctuation, full-width forms.
BLOCKS = (range(0x20, 0x7F), range(0xA0, 0x100), range(0x2000, 0x2070), range(0x3000, 0x3040),
          range(0xFF00, 0xFFF0))
# Horizontal text's features only: with 'locl' and the vertical ones, the closure pulls in
# the Japanese, Korean and Traditional forms and doubles the face.
FEATURES = ["ccmp", "kern", "liga", "clig", "calt", "rlig", "mark", "mkmk"]


def common_characters() -> str:
    """GB 2312's characters (rows 0xA1-0xF7 of EUC-CN) and the two blocks."""
    found = {code for block in BLOCKS for code in block}
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                continue  # an unassigned cell
    return "".join(map(chr, sorted(found)))


def source_of(face: Face) -> dict:
    """The installed file and index of the face's source (fonts-noto-cjk)."""
    listed = subprocess.run(["fc-list", "--format", "%{file}\t%{index}\n", face.source],
                            capture_output=True, text=True, check=True).stdout.split("\n")[0]
    if not listed:
        raise SystemExit(f"{face.source} is not installed: run scripts/setup.sh")
    file, index = listed.split("\t")
    return {"file": file, "index": int(index), "size": Path(file).stat().st_size}


def cut(face: Face, source: dict) -> bytes:
    font = TTFont(source["file"], fontNumber=source["index"], recalcTimestamp=False)
    subsetter = subset.Subsetter(subset.Options(layout_features=FEATURES))
    subsetter.populate(text=common_characters())
    subsetter.subset(font)
    style = face.source.split("=")[1]
    for record in font["name"].names:
        record.string = {1: face.family, 4: f"{face.family} {style}",
                         6: f"{face.family.replace(' ', '')}-{style}"}.get(record.nameID, record.string)
    out = FOLDER / face.file
    font.save(out)
    return out.read_bytes()


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    made = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    for face in FACES:
        source = source_of(face)
        if made.get(face.file, {}).get("source") == source and (FOLDER / face.file).exists():
            continue
        print(f"cutting {face.source} to the common characters (once; 10-30 s)", flush=True)
        data = cut(face, source)
        made[face.file] = {"source": source, "sha256": hashlib.sha256(data).hexdigest()}
        MANIFEST.write_text(json.dumps(made, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
