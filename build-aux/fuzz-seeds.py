#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes the seed corpora of the fuzz targets from the test suite's files.

    fuzz-seeds.py SOURCE_DIR OUTPUT_DIR

writes OUTPUT_DIR/TARGET/… for each target in fuzz/: the native loader gets
every corpus under tests/data and the sample; the importers get their
format's files, each behind the options byte the targets read first (the
brat target also the .txt and a NUL before the .ann).
"""

import hashlib
import pathlib
import sys


def write(out, target, data):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main():
    top = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    data = top / "tests" / "data"

    for path in sorted(data.rglob("*.json")) + [top / "data" / "sample" / "sample.gloss.json"]:
        write(out, "native", path.read_bytes())

    # Options byte: 0 = code points, 1 = UTF-16, 2 = bytes; +8 = given.
    for target in ("doccano", "spacy"):
        for path in sorted((data / "formats" / target).glob("*.jsonl")):
            unit = {"utf16": 1, "byte": 2}.get(path.suffixes[0].lstrip(".") if len(path.suffixes) > 1 else "", 0)
            write(out, target, bytes([unit | 8]) + path.read_bytes())
            write(out, target, bytes([0]) + path.read_bytes())

    for ann in sorted((data / "formats" / "brat").rglob("*.ann")):
        txt = ann.with_suffix(".txt")
        text = txt.read_bytes() if txt.exists() else b""
        write(out, "brat", bytes([0]) + text + b"\0" + ann.read_bytes())

    for path in sorted(p for p in (data / "text").rglob("*.txt") if p.is_file()):
        write(out, "text", bytes([0]) + path.read_bytes())
        write(out, "text", bytes([4]) + path.read_bytes())


if __name__ == "__main__":
    main()
