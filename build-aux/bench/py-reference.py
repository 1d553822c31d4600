#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the Python standard library takes for the jobs gloss-cli does, the
# reference each benchmark figure is measured against (run-bench.py):
#
#   py-reference.py load CORPUS              json.load of the corpus
#   py-reference.py gloss CORPUS OUTPUT      json.load, then the native layout
#   py-reference.py doccano CORPUS OUTPUT    json.load, then doccano JSONL
#   py-reference.py conll CORPUS OUTPUT      json.load, then CoNLL IOB2
#
# Written as a careful Python programmer would: no validation beyond what
# json.load does, output buffered and written in one pass, synced and
# renamed into place as gloss-cli does. The native and doccano outputs are
# the bytes gloss-cli writes (run-bench.py --check compares them); CoNLL
# uses a regular-expression tokenizer close to, not the same as, Gloss's.

import json
import os
import re
import sys


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def write_atomically(path, chunks):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def native(corpus):
    yield ('{\n  "format": "gloss-corpus",\n  "version": 1,\n'
           '  "offset_unit": "codepoint",\n  "schema": {\n')
    labels = corpus["schema"]["labels"]
    yield '    "labels": [\n' if labels else '    "labels": []\n'
    for i, label in enumerate(labels):
        names = label.get("names", {})
        names_text = ("{ " + ", ".join("%s: %s" % (dumps(k), dumps(v))
                                       for k, v in sorted(names.items())) + " }") if names else "{}"
        yield ('      { "id": %s, "name": %s, "names": %s, "color": %s, "key": %s, '
               '"description": %s }%s\n'
               % (dumps(label["id"]), dumps(label.get("name", label["id"])), names_text,
                  dumps(label.get("color", "")), dumps(label.get("key", "")),
                  dumps(label.get("description", "")), "" if i + 1 == len(labels) else ","))
    if labels:
        yield "    ]\n"
    yield '  },\n  "documents": ['
    documents = corpus["documents"]
    for n, doc in enumerate(documents):
        parts = ["\n    {\n" if n == 0 else ",\n    {\n"]
        for name in ("id", "title", "source", "lang", "text"):
            parts.append('      "%s": %s,\n' % (name, dumps(doc.get(name, ""))))
        parts.append('      "meta": %s,\n' % dumps(doc.get("meta", {})))
        if doc.get("done"):
            parts.append('      "done": true,\n')
        text = doc["text"]
        spans = sorted(doc.get("spans", []), key=lambda s: (s["start"], s["end"], s["label"]))
        parts.append('      "spans": [\n' if spans else '      "spans": []\n')
        for i, span in enumerate(spans):
            parts.append('        { "id": %s, "start": %d, "end": %d, "label": %s, "text": %s, '
                         '"note": %s, "annotator": %s, "created": %s }%s\n'
                         % (dumps(span.get("id", "s%d" % (i + 1))), span["start"], span["end"],
                            dumps(span["label"]), dumps(text[span["start"]:span["end"]]),
                            dumps(span.get("note", "")), dumps(span.get("annotator", "")),
                            dumps(span.get("created", "")), "" if i + 1 == len(spans) else ","))
        if spans:
            parts.append("      ]\n")
        parts.append("    }")
        yield "".join(parts)
    yield "\n  ]\n}\n" if documents else "]\n}\n"


def doccano(corpus):
    for doc in corpus["documents"]:
        spans = sorted(doc.get("spans", []), key=lambda s: (s["start"], s["end"], s["label"]))
        meta = dict(doc.get("meta", {}))
        for name in ("title", "source", "lang"):
            if doc.get(name):
                meta[name] = doc[name]
        meta["offset_unit"] = "codepoint"
        extras = {}
        for i, span in enumerate(spans):
            members = {}
            if span.get("id", "s%d" % (i + 1)) != "s%d" % (i + 1):
                members["id"] = span["id"]
            for name in ("note", "annotator", "created"):
                if span.get(name):
                    members[name] = span[name]
            if members:
                extras["%d:%d:%s" % (span["start"], span["end"], span["label"])] = members
        if extras:
            meta["gloss_spans"] = extras
        yield ('{"id": %s, "text": %s, "label": %s, "meta": %s}\n'
               % (dumps(doc["id"]), dumps(doc["text"]),
                  dumps([[s["start"], s["end"], s["label"]] for s in spans]), dumps(meta)))


TOKEN = re.compile(r"[\w\u0300-\u036f]+|\S")
SENTENCE_END = {".", "?", "!"}


def conll(corpus):
    dropped = 0
    for doc in corpus["documents"]:
        text = doc["text"]
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        by_start = {t[0]: i for i, t in enumerate(tokens)}
        by_end = {t[1]: i for i, t in enumerate(tokens)}
        tags = ["O"] * len(tokens)
        spans = sorted(doc.get("spans", []),
                       key=lambda s: (-(s["end"] - s["start"]), s["start"], s["end"], s["label"]))
        for span in spans:
            first, last = by_start.get(span["start"]), by_end.get(span["end"])
            if first is None or last is None or any(t != "O" for t in tags[first:last + 1]):
                dropped += 1
                print("%s/%s: warning: dropped" % (doc["id"], span.get("id", "")), file=sys.stderr)
                continue
            tags[first] = "B-" + span["label"]
            for i in range(first + 1, last + 1):
                tags[i] = "I-" + span["label"]
        lines = ["# doc_id = %s\n" % doc["id"]]
        for (start, end, word), tag in zip(tokens, tags):
            lines.append("%s\t%s\n" % (word, tag))
            if word in SENTENCE_END:
                lines.append("\n")
        if not lines[-1] == "\n":
            lines.append("\n")
        yield "".join(lines)
    print("warning: %d spans dropped" % dropped, file=sys.stderr)


def main():
    job, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        corpus = json.load(f)
    if job == "load":
        return
    write_atomically(sys.argv[3], {"gloss": native, "doccano": doccano, "conll": conll}[job](corpus))


if __name__ == "__main__":
    main()
