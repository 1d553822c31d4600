#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the built desktop file, metainfo and MIME type description
carry a translation for every language of po/LINGUAS (TAP output).

    check-data-translations.py LINGUAS DESKTOP METAINFO MIME_XML

meson's merge_file does not rebuild these when a .po file changes; if this
fails on a development tree after a translation was added, delete the three
files from the build directory and build again.
"""

import sys
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def main():
    linguas, desktop, metainfo, mime = sys.argv[1:]
    languages = [line.strip() for line in open(linguas, encoding="utf-8")
                 if line.strip() and not line.startswith("#")]

    entries = {}
    for line in open(desktop, encoding="utf-8"):
        if "=" in line:
            key, value = line.rstrip("\n").split("=", 1)
            entries[key] = value

    meta = ET.parse(metainfo).getroot()
    summaries = {e.get(XML_LANG) for e in meta.findall("summary")}
    paragraphs = {e.get(XML_LANG) for e in meta.iter("p")}
    mime_comments = {e.get(XML_LANG) for e in ET.parse(mime).getroot().iter()
                     if e.tag.endswith("comment")}

    checks = []
    for language in languages:
        for key in ("GenericName", "Comment", "Keywords"):
            name = f"{key}[{language}]"
            checks.append((f"{desktop}: {name}", bool(entries.get(name))))
        checks.append((f"{metainfo}: summary in {language}", language in summaries))
        checks.append((f"{metainfo}: description in {language}", language in paragraphs))
        checks.append((f"{mime}: comment in {language}", language in mime_comments))
        keywords = entries.get(f"Keywords[{language}]", "")
        checks.append((f"{desktop}: Keywords[{language}] ends with “;”", keywords.endswith(";")))

    print(f"1..{len(checks)}")
    failed = 0
    for number, (what, ok) in enumerate(checks, 1):
        print(f"{'ok' if ok else 'not ok'} {number} {what}")
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
