"""Cut the Simplified Chinese Noto CJK faces to the common characters, for the PDF.

Why: dpa_builder/render/common_faces.py. Each face keeps the characters of GB 2312 (the
6,763 hanzi of everyday Simplified Chinese, its punctuation and symbols), a few blocks
whole (BLOCKS), and the layout features horizontal text uses. It is renamed, so that
fontconfig never takes it for the full face. The same source
gives the same bytes (no timestamps). scripts/setup.sh runs this; it skips a face made
from the same source file by the same recipe (characters and features).

    .venv/bin/python scripts/make_common_faces.py
"""
import hashlib
import io
import json
import subprocess
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from dpa_builder.files import write_atomically
from dpa_builder.render.common_faces import FACES, FOLDER, MANIFEST, Face

# Whole blocks besides: Pango sets a space or a quotation mark inside a Chinese run in the
# run's face, so the Latin-1 letters, general punctuation, CJK punctuation, full-width forms.
BLOCKS = (range(0x20, 0x7F), range(0xA0, 0x100), range(0x2000, 0x2070), range(0x3000, 0x3040),
          range(0xFF00, 0xFFF0))
# Horizontal text's features only: with 'locl' and the vertical ones, the closure pulls in
# the Japanese, Korean and Traditional forms and doubles the face.
FEATURES = ["ccmp", "kern", "liga", "clig", "calt", "rlig", "mark", "mkmk"]


def common_characters() -> str:
    """GB 2312's characters (rows 0xA1-0xF7 of EUC-CN; unassigned cells decode to nothing)
    and BLOCKS."""
    found = {chr(code) for block in BLOCKS for code in block}
    found.update(bytes((row, cell)).decode("gb2312", "ignore")
                 for row in range(0xA1, 0xF8) for cell in range(0xA1, 0xFF))
    return "".join(sorted(found - {""}))


def source_of(face: Face) -> dict:
    """The installed file and index of the face's source (fonts-noto-cjk)."""
    listed = subprocess.run(["fc-list", "--format", "%{file}\t%{index}\n", face.source],
                            capture_output=True, text=True, check=True).stdout.split("\n")[0]
    if not listed:
        raise SystemExit(f"{face.source} is not installed: run scripts/setup.sh")
    file, index = listed.split("\t")
    return {"file": file, "index": int(index), "size": Path(file).stat().st_size}


def cut(face: Face, source: dict) -> bytes:
    """The face's source cut to the common characters and renamed, as an OpenType file."""
    font = TTFont(source["file"], fontNumber=source["index"], recalcTimestamp=False)
    subsetter = subset.Subsetter(subset.Options(layout_features=FEATURES))
    subsetter.populate(text=common_characters())
    subsetter.subset(font)
    style = face.source.split("=")[1]
    for record in font["name"].names:
        record.string = {1: face.family, 4: f"{face.family} {style}",
                         6: f"{face.family.replace(' ', '')}-{style}"}.get(record.nameID, record.string)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def main() -> None:
    made = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    # A face is cut again when its source or what this script keeps of it changes.
    recipe = hashlib.sha256(f"{common_characters()} {FEATURES}".encode()).hexdigest()
    for face in FACES:
        source = source_of(face)
        wanted = {"source": source, "recipe": recipe}
        if made.get(face.file, {}).items() >= wanted.items() and (FOLDER / face.file).exists():
            continue
        print(f"cutting {face.source} to the common characters (once; 10-30 s)", flush=True)
        data = cut(face, source)
        write_atomically(FOLDER / face.file, data)  # a running service may be reading it
        made[face.file] = {**wanted, "sha256": hashlib.sha256(data).hexdigest()}
        write_atomically(MANIFEST, json.dumps(made, indent=1, sort_keys=True).encode())


if __name__ == "__main__":
    main()
