#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when the UI asks for an icon that may not be there, or the
application's own icons are not drawn as the icon theme expects.

Every icon name in src/ (.ui properties and attributes, icon names in C)
must exist in the Adwaita theme of the oldest system Gloss supports
(Debian 12: adwaita-icon-theme 43) or be bundled in the resources. Prints TAP.

    check-icons.py SOURCE_ROOT APP_ID [ADWAITA_DIR]
"""

import pathlib
import re
import sys

import tap
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"

# .ui properties and menu attributes that name an icon.
UI_ICON = {"icon-name", "icon", "verb-icon", "application-icon", "gicon"}

# C: a literal after one of these calls' object argument, or after an
# "icon-name"-like property name in g_object_new/g_object_set.
C_ICON_CALLS = re.compile(
    r"\b(?:gtk_image_new_from_icon_name|g_themed_icon_new|g_themed_icon_new_with_default_fallbacks)"
    r"\s*\(\s*\"([^\"]+)\""
    r"|\b\w+_set_(?:icon_name|from_icon_name)\s*\([^,()]*,\s*\"([^\"]+)\""
    r"|\"(?:icon-name|application-icon|verb-icon)\"\s*,\s*\"([^\"]+)\"")
# Any literal that looks like a symbolic icon name, wherever it is.
C_SYMBOLIC = re.compile(r"\"([a-z0-9][a-z0-9.-]*-symbolic)\"")


def used_icons(src):
    used = {}
    for path in sorted(src.rglob("*.ui")):
        for element in ET.parse(path).iter():
            if element.tag in ("property", "attribute") and element.get("name") in UI_ICON:
                name = (element.text or "").strip()
                if name:
                    used.setdefault(name, f"{path}")
    for path in sorted(src.rglob("*.c")):
        code = path.read_text(encoding="utf-8")
        for pattern in (C_ICON_CALLS, C_SYMBOLIC):
            for match in pattern.finditer(code):
                name = next(g for g in match.groups() if g)
                line = code.count("\n", 0, match.start()) + 1
                used.setdefault(name, f"{path}:{line}")
    return used


def bundled_icons(src):
    """Icon names in the resources, under <prefix>/icons/<size>/<context>/."""
    names = set()
    for path in sorted(src.rglob("*.gresource.xml")):
        for element in ET.parse(path).iter("file"):
            alias = element.get("alias") or (element.text or "").strip()
            parts = alias.split("/")
            if len(parts) == 4 and parts[0] == "icons":
                names.add(re.sub(r"\.(svg|png)$", "", parts[3]))
    return names


def theme_icons(theme):
    names = set()
    for path in theme.rglob("*"):
        match = re.fullmatch(r"(.+?)(?:\.symbolic)?\.(svg|png)", path.name)
        if match:
            names.add(match.group(1))
    return names


def svg_size(path):
    root = ET.parse(path).getroot()
    return root.get("width"), root.get("height"), root.get("viewBox")


def colours(path):
    """Fill and stroke colours of every element but those in <defs>."""
    root = ET.parse(path).getroot()
    defs = {id(e) for d in root.iter(SVG + "defs") for e in d.iter()}
    found = set()
    for element in root.iter():
        if id(element) in defs:
            continue
        style = dict(item.split(":", 1) for item in (element.get("style") or "").split(";") if ":" in item)
        for key in ("fill", "stroke"):
            value = element.get(key) or style.get(key)
            if value and value.strip() not in ("none", "currentColor"):
                found.add(f"{key}={value.strip()}")
    return found


def main():
    top = pathlib.Path(sys.argv[1])
    app_id = sys.argv[2]
    theme = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else "/usr/share/icons/Adwaita")
    src = top / "src"
    icons = top / "data" / "icons" / "hicolor"
    scalable = icons / "scalable" / "apps"
    symbolic = icons / "symbolic" / "apps" / "io.github.glossapp.Gloss-symbolic.svg"
    results = []

    used = used_icons(src)
    bundled = bundled_icons(src)
    known = theme_icons(theme) if theme.is_dir() else set()
    missing = [f"{where}: “{name}” is neither in {theme} nor in the resources"
               for name, where in sorted(used.items())
               if name not in known and name not in bundled]
    if not known:
        missing.insert(0, f"no icons found in {theme} (install adwaita-icon-theme)")
    results.append((f"the {len(used)} icon names the UI uses exist", missing))

    wanted = {app_id, app_id + "-symbolic"}
    results.append(("the application's icon and symbolic icon are in the resources",
                    [f"“{name}” is not bundled" for name in sorted(wanted - bundled)]))

    problems = []
    for name in ("io.github.glossapp.Gloss.svg", "io.github.glossapp.Gloss.Devel.svg"):
        size = svg_size(scalable / name)
        if size != ("128", "128", "0 0 128 128"):
            problems.append(f"{name}: drawn on {size}, not a 128×128 canvas")
    if (scalable / "io.github.glossapp.Gloss.svg").read_bytes() == \
       (scalable / "io.github.glossapp.Gloss.Devel.svg").read_bytes():
        problems.append("the .Devel icon is the same as the stable one")
    results.append(("the application icons use a 128×128 canvas", problems))

    problems = []
    size = svg_size(symbolic)
    if size != ("16", "16", "0 0 16 16"):
        problems.append(f"{symbolic.name}: drawn on {size}, not 16×16")
    found = colours(symbolic)
    if len(found) != 1 or not next(iter(found)).startswith("fill="):
        problems.append(f"{symbolic.name}: one fill colour and no strokes expected, found {sorted(found)}")
    results.append(("the symbolic icon is 16×16 in a single fill colour", problems))

    return tap.report(results)


if __name__ == "__main__":
    sys.exit(main())
