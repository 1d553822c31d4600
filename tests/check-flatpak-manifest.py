#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest without Flatpak: it parses, names the
development app id and the installed command, runs on a GNOME runtime that
has what Gloss needs, asks for no more than a GTK app needs (no network, no
file system: file choosers go through the portal), and builds this source
tree with meson in the development profile. Prints TAP.

    check-flatpak-manifest.py MANIFEST APP_ID COMMAND SOURCE_ROOT
"""

import json
import pathlib
import sys

import tap

NEEDED_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"}
MIN_GNOME = 43


def check(manifest_path, app_id, command, source_root):
    manifest_path = pathlib.Path(manifest_path)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [("the manifest parses as JSON", [str(error)])]
    results = [("the manifest parses as JSON", [])]

    problems = []
    if manifest.get("id", manifest.get("app-id")) != app_id:
        problems.append(f"id is {manifest.get('id')!r}, not {app_id!r}")
    if manifest.get("command") != command:
        problems.append(f"command is {manifest.get('command')!r}, not {command!r}")
    results.append(("it names the app id and the command", problems))

    problems = []
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        problems.append(f"runtime {manifest.get('runtime')!r}, sdk {manifest.get('sdk')!r}")
    version = str(manifest.get("runtime-version", ""))
    if not version.isdigit() or int(version) < MIN_GNOME:
        problems.append(f"runtime-version {version!r} is not GNOME {MIN_GNOME} or later")
    results.append((f"it runs on org.gnome.Platform {MIN_GNOME} or later", problems))

    args = manifest.get("finish-args", [])
    problems = [f"{arg} is missing" for arg in sorted(NEEDED_ARGS - set(args))]
    problems += [f"{arg} is more than Gloss needs" for arg in args
                 if arg.startswith("--filesystem") or arg == "--share=network"
                 or arg not in NEEDED_ARGS]
    results.append(("finish-args: ipc, X11 fallback, Wayland, DRI and nothing more", problems))

    problems = []
    modules = manifest.get("modules", [])
    gloss = modules[-1] if modules else {}
    if gloss.get("buildsystem") != "meson":
        problems.append(f"the last module builds with {gloss.get('buildsystem')!r}, not meson")
    if "-Dprofile=development" not in gloss.get("config-opts", []):
        problems.append("-Dprofile=development is not among config-opts")
    sources = gloss.get("sources", [])
    dirs = [s for s in sources if s.get("type") == "dir"]
    if len(dirs) != 1 or \
       (manifest_path.parent / dirs[0].get("path", "")).resolve() != pathlib.Path(source_root).resolve():
        problems.append(f"its sources {sources} are not this source tree")
    results.append(("the last module builds this source tree with meson, development profile", problems))
    return results


def main():
    return tap.report(check(*sys.argv[1:5]))


if __name__ == "__main__":
    sys.exit(main())
