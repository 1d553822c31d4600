#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Gives the sample corpus's labels their names in every language of po/LINGUAS.

A new corpus gets the default labels' names in each language Gloss ships
(see gen-label-names.py); the sample corpus should read the same way, and
tests/core/test-sample.c checks that it does. Run this after adding a
language or changing a label name's translation:

    build-aux/update-sample-names.py
"""

import importlib.util
import json
import pathlib
import re

top = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("gen_label_names", top / "build-aux" / "gen-label-names.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def main():
    languages = [line.strip() for line in open(top / "po" / "LINGUAS", encoding="utf-8")
                 if line.strip() and not line.startswith("#")]
    names = {language: gen.label_names(top / "po" / f"{language}.po") for language in sorted(languages)}

    sample = top / "data" / "sample" / "sample.gloss.json"
    text = sample.read_text(encoding="utf-8")

    def replace(match):
        label_id = match.group(1)
        per_locale = {language: names[language][label_id]
                      for language in names if label_id in names[language]}
        members = ", ".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in per_locale.items())
        return f'{{ "id": "{label_id}", "name": {match.group(2)}, "names": {{ {members} }}'

    # Each label is one line: { "id": …, "name": …, "names": { … }, …
    text, count = re.subn(r'\{ "id": "([a-z]+)", "name": ("[^"]*"), "names": \{[^}]*\}', replace, text)
    if count == 0:
        raise SystemExit(f"{sample}: no label lines found")
    sample.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
