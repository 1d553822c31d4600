#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every language in po/LINGUAS is complete for the strings of today's sources.

Extracts a fresh template from po/POTFILES.in with the same keywords as
meson's i18n 'glib' preset, merges each .po into it without fuzzy matching,
and requires of the result: msgfmt --check passes, nothing is untranslated
or fuzzy, and the Plural-Forms header is the one the language needs. So a
new string in the sources fails this test until every language has it.
Prints TAP.

    check-po.py SOURCE_ROOT
"""

import os
import pathlib
import re
import subprocess
import sys
import tempfile

# As meson's i18n.gettext(preset: 'glib').
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments", "--msgid-bugs-address=", "--package-name=gloss",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
]

# The number of plural forms each language has (CLDR / GNU gettext's table).
NPLURALS = {
    "ar": 6, "de": 2, "es": 2, "fr": 2, "id": 1, "ja": 1, "ko": 1,
    "pt_BR": 2, "ru": 3, "th": 1, "vi": 1, "zh_CN": 1,
}


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def main():
    top = pathlib.Path(sys.argv[1])
    po = top / "po"
    languages = [line.strip() for line in (po / "LINGUAS").read_text().splitlines()
                 if line.strip() and not line.startswith("#")]
    files = [line.strip() for line in (po / "POTFILES.in").read_text().splitlines()
             if line.strip() and not line.startswith("#")]

    print(f"1..{1 + len(languages)}")
    status = 0

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "gloss.pot")
        result = run(["xgettext", *XGETTEXT_ARGS, "-o", pot, *files], cwd=top)
        if result.returncode != 0:
            print("not ok 1 the template can be extracted")
            print("# " + result.stderr.replace("\n", "\n# "))
            return 1
        count = len(re.findall(r'^msgid "', pathlib.Path(pot).read_text(), re.M)) - 1
        print(f"ok 1 the template can be extracted ({count} strings)")

        for number, language in enumerate(languages, 2):
            problems = []
            source = po / f"{language}.po"
            merged = os.path.join(tmp, f"{language}.po")
            if not source.exists():
                problems.append(f"po/{language}.po is missing")
            else:
                result = run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--no-wrap",
                              "-o", merged, str(source), pot])
                if result.returncode != 0:
                    problems.append(result.stderr.strip())
                else:
                    result = run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                                 env={**os.environ, "LC_ALL": "C"})
                    statistics = result.stderr.strip()
                    if result.returncode != 0:
                        problems.append(statistics)
                    elif "untranslated" in statistics or "fuzzy" in statistics:
                        problems.append(statistics)
                        untranslated = run(["msgattrib", "--untranslated", "--no-obsolete",
                                            "--no-wrap", merged]).stdout
                        for msgid in re.findall(r'^msgid "(.+)"$', untranslated, re.M)[:10]:
                            problems.append(f"untranslated: {msgid}")
                    header = pathlib.Path(merged).read_text(encoding="utf-8")
                    match = re.search(r'"Plural-Forms: nplurals=(\d+);', header)
                    wanted = NPLURALS.get(language)
                    if match is None:
                        problems.append("no Plural-Forms header")
                    elif wanted is not None and int(match.group(1)) != wanted:
                        problems.append(f"nplurals={match.group(1)}, but {language} has {wanted} forms")
            name = f"{language} is complete and correct"
            if problems:
                status = 1
                print(f"not ok {number} {name}")
                for problem in problems:
                    print("# " + problem.replace("\n", "\n# "))
            else:
                print(f"ok {number} {name}")

    return status


if __name__ == "__main__":
    sys.exit(main())
