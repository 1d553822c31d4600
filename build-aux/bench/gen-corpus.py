#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes a synthetic Gloss corpus (docs/format.md) for the benchmarks:
# English and Vietnamese news-like prose made of the word lists below,
# with a few emoji (ZWJ sequences, skin tones, flags, VS16), some words
# with decomposed diacritics, and about 120 spans per 10 KB of text, one
# in ten overlapping or nesting another.
#
#   gen-corpus.py --size 100M --seed 1 -o corpus.gloss.json
#   gen-corpus.py --one-document --size 1M --spans 20000 -o ui.gloss.json
#
# The same size and seed give the same bytes (random.Random(seed), no
# clock, no hash order), in the exact layout Gloss writes, so a save of a
# generated corpus must reproduce it byte for byte. Standard library only.

import argparse
import bisect
import json
import os
import random
import sys
import unicodedata

EN_WORDS = """
the a of and to in for on with by from as at that this which these new
river market council school village harbour budget report season policy
farmers teachers workers families students doctors engineers volunteers
plan road bridge water rice coffee tea fish forest coast island province
city district museum library station clinic factory garden festival
agreement project programme network energy solar wind rain flood drought
harvest trade export import price wage tax loan growth reform training
said announced opened closed built repaired planted measured counted
expects reported agreed promised delivered studied visited described
local national regional early late quiet busy bright narrow wide
several many few most every each other second third last next whole
morning evening week month year decade century hour minute day night
people community committee ministry office company cooperative union
because although while after before during since until unless whether
green blue golden wooden stone small large old young long short
""".split()

VI_WORDS = """
người dân làng xã huyện tỉnh thành phố sông biển núi rừng đồng ruộng
lúa gạo cà phê chè cá tôm muối nước điện đường cầu trường học bệnh viện
chợ nhà máy hợp tác xã công nhân nông dân giáo viên học sinh bác sĩ kỹ sư
kế hoạch dự án chương trình ngân sách báo cáo mùa vụ chính sách thuế
mưa lũ hạn hán thu hoạch xuất khẩu nhập khẩu giá lương tăng trưởng
đã đang sẽ vừa mới được bị cho với và của trong ngoài trên dưới
nói cho biết khẳng định công bố mở đóng xây dựng sửa chữa trồng đo đếm
mong đợi thống nhất hứa giao nhận nghiên cứu thăm mô tả tổ chức
sáng tối tuần tháng năm thập kỷ thế kỷ giờ phút ngày đêm
địa phương quốc gia khu vực sớm muộn yên tĩnh đông đúc hẹp rộng
nhiều ít mỗi khác thứ hai thứ ba cuối cùng tiếp theo toàn bộ
cộng đồng ủy ban bộ văn phòng công ty liên hiệp hội đồng
vì mặc dù trong khi sau khi trước khi kể từ cho đến nếu không
xanh vàng bằng gỗ đá nhỏ lớn cũ trẻ dài ngắn ổn định bền vững
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương
""".split()

EN_NAMES = """
Alder Brookfield Carvell Dunmore Elsworth Fairholm Greaves Harrowgate
Ilford Jessop Kingsley Larkspur Merriweather Northcott Oakridge Pemberton
""".split()

VI_NAMES = """
Hà Nội Huế Đà Nẵng Cần Thơ Hải Phòng Quảng Ninh Nghệ An Lâm Đồng
Nguyễn Văn Ánh Trần Thị Hương Lê Quốc Bảo Phạm Minh Đức Võ Thu Trang
""".split()

# Dove with VS16, a ZWJ technologist, a ZWJ family, a waving hand with a
# skin tone, the Vietnamese flag (two regional indicators), a plain smile.
EMOJI = ["🕊️", "👩‍💻", "👨‍👩‍👧", "👋🏽", "🇻🇳", "🙂", "🌾"]

LABELS = [
    ("principle", "Principle", "Nguyên tắc", "#3584e4", "1",
     "A guiding principle or value the text commits to."),
    ("task", "Task", "Nhiệm vụ", "#2ec27e", "2", "Something to be done."),
    ("pillar", "Pillar", "Trụ cột", "#e5a50a", "3", "A main area of work."),
    ("person", "Person", "Người", "#c061cb", "4", ""),
    ("place", "Place", "Địa điểm", "#ff7800", "5", ""),
    ("org", "Organisation", "Tổ chức", "#9141ac", "6", ""),
]

ANNOTATORS = ["an", "binh", "chi", "dung"]
NOTES = ["", "", "", "", "", "check with the team", "kiểm tra lại",
         "ambiguous: could be a task", "ngữ cảnh chưa rõ 🤔"]

SPANS_PER_10K = 120


def parse_size(text):
    units = {"K": 1024, "M": 1024 * 1024}
    if text[-1].upper() in units:
        return int(float(text[:-1]) * units[text[-1].upper()])
    return int(text)


def sentence(rng, lang):
    words = EN_WORDS if lang == "en" else VI_WORDS
    names = EN_NAMES if lang == "en" else VI_NAMES
    out = []
    for _ in range(rng.randint(8, 22)):
        r = rng.random()
        if r < 0.08:
            out.append(rng.choice(names))
        elif r < 0.10:
            out.append(str(rng.randint(2, 2030)))
        else:
            w = rng.choice(words)
            # Some words with their diacritics decomposed (e + U+0301…),
            # as text pasted from other tools carries them.
            if lang == "vi" and rng.random() < 0.02:
                w = unicodedata.normalize("NFD", w)
            out.append(w)
        if rng.random() < 0.06:
            out[-1] += ","
    out[0] = out[0][:1].upper() + out[0][1:]
    text = " ".join(out) + rng.choice([".", ".", ".", "?", "!", ":"])
    if rng.random() < 0.05:
        text += " " + rng.choice(EMOJI)
    if rng.random() < 0.03:
        text = "“" + text + "”"
    return text


def make_text(rng, lang, n_bytes):
    paragraphs = []
    size = 0
    while size < n_bytes:
        para = " ".join(sentence(rng, lang) for _ in range(rng.randint(2, 6)))
        paragraphs.append(para)
        size += len(para.encode()) + 2
    return "\n\n".join(paragraphs)


def word_ranges(text):
    """(start, end) code-point ranges of the runs of letters, marks and digits."""
    ranges = []
    start = None
    for i, ch in enumerate(text):
        # A mark only continues a word: the VS16 after an emoji starts none.
        category = unicodedata.category(ch)[0]
        is_word = category in "LN" or (category == "M" and start is not None)
        if is_word and start is None:
            start = i
        elif not is_word and start is not None:
            ranges.append((start, i))
            start = None
    if start is not None:
        ranges.append((start, len(text)))
    return ranges


def make_spans(rng, text, n_spans):
    words = word_ranges(text)
    if not words:
        return []
    starts = [w[0] for w in words]
    seen = set()
    spans = []
    attempts = 0
    while len(spans) < n_spans and attempts < n_spans * 20:
        attempts += 1
        if spans and rng.random() < 0.1:
            # Overlapping or nested: from a word before, at or after the
            # start of a span made before.
            s = rng.choice(spans)[0]
            first = bisect.bisect_left(starts, s) + rng.choice([-1, 0, 1])
            first = min(max(first, 0), len(words) - 1)
        else:
            first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.choice([0, 0, 0, 1, 1, 2, 3]))
        start, end = words[first][0], words[last][1]
        label = rng.choice(LABELS)[0]
        if (start, end, label) in seen:
            continue
        seen.add((start, end, label))
        spans.append((start, end, label))
    spans.sort()
    return spans


def write_string(value):
    # json.dumps(ensure_ascii=False) escapes exactly what Gloss escapes:
    # quote, backslash and control characters.
    return json.dumps(value, ensure_ascii=False)


def header():
    lines = ['{\n  "format": "gloss-corpus",\n  "version": 1,\n'
             '  "offset_unit": "codepoint",\n  "schema": {\n    "labels": [\n']
    for i, (lid, name, vi, color, key, desc) in enumerate(LABELS):
        lines.append('      { "id": %s, "name": %s, "names": { "vi": %s }, "color": %s, '
                     '"key": %s, "description": %s }%s\n'
                     % (write_string(lid), write_string(name), write_string(vi),
                        write_string(color), write_string(key), write_string(desc),
                        "" if i + 1 == len(LABELS) else ","))
    lines.append('    ]\n  },\n  "documents": [')
    return "".join(lines)


def document(rng, n, text, lang, spans, first):
    out = ["\n    {\n" if first else ",\n    {\n"]
    title = text.split(".")[0][:80]
    for name, value in (("id", "doc-%05d" % n), ("title", title),
                        ("source", "synthetic/doc-%05d.txt" % n), ("lang", lang),
                        ("text", text)):
        out.append('      "%s": %s,\n' % (name, write_string(value)))
    meta = {"batch": n // 100, "words": len(text.split())}
    out.append('      "meta": %s,\n' % json.dumps(meta, ensure_ascii=False))
    if rng.random() < 0.3:
        out.append('      "done": true,\n')
    if not spans:
        out.append('      "spans": []\n    }')
        return "".join(out)
    out.append('      "spans": [\n')
    for i, (start, end, label) in enumerate(spans):
        created = "2026-%02d-%02dT%02d:%02d:00Z" % (rng.randint(1, 12), rng.randint(1, 28),
                                                   rng.randint(0, 23), rng.randint(0, 59))
        out.append('        { "id": "s%d", "start": %d, "end": %d, "label": %s, "text": %s, '
                   '"note": %s, "annotator": %s, "created": %s }%s\n'
                   % (i + 1, start, end, write_string(label), write_string(text[start:end]),
                      write_string(rng.choice(NOTES)), write_string(rng.choice(ANNOTATORS)),
                      write_string(created), "" if i + 1 == len(spans) else ","))
    out.append('      ]\n    }')
    return "".join(out)


def generate(out, size, seed, one_document=False, n_spans=None):
    rng = random.Random(seed)
    written = 0

    def put(chunk):
        nonlocal written
        data = chunk.encode()
        out.write(data)
        written += len(data)

    put(header())
    n = 0
    counts = [0, 0]
    while n == 0 or (not one_document and written < size):
        lang = "vi" if rng.random() < 0.5 else "en"
        text_bytes = size if one_document else rng.randint(4000, 16000)
        text = make_text(rng, lang, text_bytes)
        if n_spans is None:
            spans_wanted = max(1, round(len(text.encode()) / 10240 * SPANS_PER_10K))
        else:
            spans_wanted = n_spans
        spans = make_spans(rng, text, spans_wanted)
        n += 1
        put(document(rng, n, text, lang, spans, n == 1))
        counts[0] += 1
        counts[1] += len(spans)
    put("\n  ]\n}\n")
    return counts, written


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1M", help="bytes of the corpus file, or of the text with --one-document (K, M suffixes)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-document", action="store_true",
                        help="one document of --size bytes of text")
    parser.add_argument("--spans", type=int, help="spans per document (default: 120 per 10 KB)")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    tmp = args.output + ".part"
    with open(tmp, "wb") as out:
        (n_docs, n_spans), written = generate(out, parse_size(args.size), args.seed,
                                              args.one_document, args.spans)
    os.replace(tmp, args.output)
    print("%s: %d documents, %d spans, %d bytes" % (args.output, n_docs, n_spans, written),
          file=sys.stderr)


if __name__ == "__main__":
    main()
