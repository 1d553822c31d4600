#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a user-visible string in src/ escapes gettext.

Looks where strings reach people: properties and menu attributes of .ui
files that show text, and in C the string literals handed to the calls that
put text on screen, into an error or onto the terminal. A literal there is
prose (two words or more) and must sit inside _(), N_(), C_(), NC_() or
ngettext; names, formats and punctuation may go bare. Prints TAP.
"""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

# .ui properties and menu attributes whose value is shown to people.
UI_TEXT = {
    "label", "title", "subtitle", "tooltip-text", "tooltip-markup",
    "placeholder-text", "description", "text", "heading", "body",
    "secondary-text", "copyright", "comments",
}

# C calls whose string arguments are shown to people.
C_SINKS = [
    "gtk_label_new", "gtk_label_set_label", "gtk_label_set_text",
    "gtk_label_set_markup", "gtk_widget_set_tooltip_text",
    "gtk_widget_set_tooltip_markup", "gtk_button_set_label",
    "gtk_button_new_with_label", "gtk_button_new_with_mnemonic",
    "gtk_check_button_new_with_label", "gtk_check_button_set_label",
    "gtk_window_set_title", "gtk_editable_set_text",
    "gtk_entry_set_placeholder_text", "gtk_search_entry_set_placeholder_text",
    "gtk_file_chooser_native_new", "gtk_file_filter_set_name",
    "gtk_accessible_update_property",
    "adw_toast_new", "adw_toast_set_title", "adw_toast_set_button_label",
    "adw_window_title_set_title", "adw_window_title_set_subtitle",
    "adw_status_page_set_title", "adw_status_page_set_description",
    "adw_preferences_row_set_title", "adw_preferences_group_set_title",
    "adw_preferences_group_set_description", "adw_preferences_page_set_title",
    "adw_action_row_set_subtitle", "adw_expander_row_set_subtitle",
    "adw_message_dialog_new", "adw_message_dialog_set_heading",
    "adw_message_dialog_set_body", "adw_message_dialog_format_heading",
    "adw_message_dialog_format_body", "adw_message_dialog_add_response",
    "adw_message_dialog_add_responses",
    "g_set_error", "g_set_error_literal", "g_prefix_error",
    "g_task_return_new_error",
    "g_option_context_new", "g_option_context_set_summary",
    "g_option_context_set_description",
    "printf", "fprintf", "fputs", "puts", "g_print", "g_printerr",
]

WRAPPERS = ("_", "N_", "C_", "NC_", "ngettext", "g_dngettext", "g_dpgettext2",
            "g_dgettext", "gettext", "dngettext")

PROSE = re.compile(r"[^\W\d_]{2,}[^\S\n]+[^\W\d_]{2,}", re.UNICODE)
FORMAT = re.compile(r"%[-+ #0-9.*]*(?:l{0,2}|z|h|" r'" G_G\w+ "' r")[a-zA-Z%]")


def is_prose(text):
    text = FORMAT.sub(" ", text.replace("\\n", " ").replace("\\t", " "))
    return PROSE.search(text) is not None


def check_ui(path, problems):
    tree = ET.parse(path)
    for element in tree.iter():
        if element.tag not in ("property", "attribute"):
            continue
        name = element.get("name")
        if name not in UI_TEXT or element.get("translatable") == "yes":
            continue
        text = (element.text or "").strip()
        if element.get("bind-source") or not text:
            continue
        if is_prose(text) or re.search(r"[^\W\d_]{3,}", text):
            problems.append(f"{path}: <{element.tag} name=\"{name}\"> “{text}” "
                            "is not translatable=\"yes\"")


def strip_comments(code):
    # Comments out, strings and line count kept.
    out = []
    i = 0
    n = len(code)
    while i < n:
        if code.startswith("/*", i):
            j = code.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", code[i:j]))
            i = j
        elif code.startswith("//", i):
            j = code.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif code[i] == '"':
            j = i + 1
            while j < n and code[j] != '"':
                j += 2 if code[j] == "\\" else 1
            out.append(code[i:j + 1])
            i = j + 1
        elif code[i] == "'":
            j = i + 1
            while j < n and code[j] != "'":
                j += 2 if code[j] == "\\" else 1
            out.append(code[i:j + 1])
            i = j + 1
        else:
            out.append(code[i])
            i += 1
    return "".join(out)


def call_arguments(code, start):
    """The text between the parenthesis at @start and its match."""
    depth = 0
    i = start
    while i < len(code):
        c = code[i]
        if c == '"':
            i += 1
            while i < len(code) and code[i] != '"':
                i += 2 if code[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return code[start + 1:i]
        i += 1
    return code[start + 1:]


def bare_literals(arguments):
    """String literals of @arguments not inside a gettext wrapper."""
    wrapped = set()
    for match in re.finditer(r"\b(" + "|".join(map(re.escape, WRAPPERS)) + r")\s*\(", arguments):
        inner = call_arguments(arguments, match.end() - 1)
        begin = match.end()
        wrapped.update(range(begin, begin + len(inner)))
    for match in re.finditer(r'"((?:[^"\\]|\\.)*)"', arguments):
        if match.start() not in wrapped:
            yield match.group(1)


def check_c(path, problems):
    code = strip_comments(path.read_text(encoding="utf-8"))
    sinks = re.compile(r"\b(" + "|".join(C_SINKS) + r")\s*\(")
    for match in sinks.finditer(code):
        arguments = call_arguments(code, match.end() - 1)
        for literal in bare_literals(arguments):
            if is_prose(literal):
                line = code.count("\n", 0, match.start()) + 1
                problems.append(f"{path}:{line}: {match.group(1)}: “{literal}” "
                                "is not marked for translation")
    # Option descriptions: { "name", 'x', 0, G_OPTION_ARG_…, &var, "description", "ARG" }
    for match in re.finditer(r"\{\s*\"[\w-]+\",\s*'.'[^{}]*G_OPTION_ARG_\w+[^{}]*\}", code):
        for literal in bare_literals(match.group(0)):
            if is_prose(literal):
                line = code.count("\n", 0, match.start()) + 1
                problems.append(f"{path}:{line}: option description “{literal}” "
                                "is not marked for translation")


def main():
    top = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    src = top / "src"
    checks = [
        ("every .ui text is translatable", sorted(src.rglob("*.ui")), check_ui),
        ("every C string shown to people goes through gettext",
         sorted(src.rglob("*.c")), check_c),
    ]
    status = 0
    print(f"1..{len(checks)}")
    for number, (name, files, check) in enumerate(checks, 1):
        problems = []
        for path in files:
            check(path, problems)
        if problems:
            status = 1
            print(f"not ok {number} {name}")
            for problem in problems:
                print(f"# {problem}")
        else:
            print(f"ok {number} {name}")
    return status


if __name__ == "__main__":
    sys.exit(main())
