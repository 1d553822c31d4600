#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a temporary DESTDIR, as a packager does, and
checks the tree: every file in place, every validator passes, the files
agree with one another, the MIME database and the desktop database resolve
a corpus to Gloss, the installed binaries run, and D-Bus activation (what
a desktop does with DBusActivatable=true) opens a corpus. Prints TAP.

    check-install.py MESON BUILD_ROOT SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID VERSION
"""

import configparser
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import tap

MIME_TYPE = "application/x-gloss-corpus"
SCHEMA_ID = "io.github.glossapp.Gloss"

# What the native writer puts first, then the same without spaces and
# indentation, as another JSON writer might.
CORPUS = '{\n  "format": "gloss-corpus",\n  "version": 1,\n  "offset_unit": "codepoint",\n' \
         '  "schema": { "labels": [] },\n  "documents": []\n}\n'
COMPACT = '{"format":"gloss-corpus","version":1,"offset_unit":"codepoint","schema":{"labels":[]},"documents":[]}'


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kwargs)


def failed(result):
    """The problems a finished command reports: none when it succeeded."""
    if result.returncode == 0:
        return []
    output = (result.stdout + result.stderr).strip().splitlines()
    command = " ".join(str(arg) for arg in result.args if "\n" not in str(arg))
    return [f"{command} exited with {result.returncode}"] + output[-20:]


def desktop_entry(path):
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


class Tree:
    def __init__(self, root, args):
        (self.meson, self.build, self.source, prefix, bindir, datadir, localedir,
         self.app_id, self.version) = args
        self.prefix = pathlib.Path(prefix)
        self.root = pathlib.Path(root)
        self.destdir = self.root / "destdir"
        self.installed = self.destdir / self.prefix.relative_to(self.prefix.anchor)
        self.bindir = self.installed / bindir
        self.datadir = self.installed / datadir
        self.localedir = self.installed / localedir
        self.env = dict(os.environ, GSETTINGS_BACKEND="memory", GTK_A11Y="none",
                        XDG_DATA_HOME=str(self.root / "data-home"),
                        XDG_CONFIG_HOME=str(self.root / "config"))

    def path(self, *parts):
        return self.datadir.joinpath(*parts)

    def expected(self):
        files = [self.bindir / "gloss", self.bindir / "gloss-cli",
                 self.path("applications", f"{self.app_id}.desktop"),
                 self.path("metainfo", f"{self.app_id}.metainfo.xml"),
                 self.path("glib-2.0", "schemas", f"{SCHEMA_ID}.gschema.xml"),
                 self.path("icons", "hicolor", "scalable", "apps", f"{self.app_id}.svg"),
                 self.path("icons", "hicolor", "symbolic", "apps", f"{self.app_id}-symbolic.svg"),
                 self.path("mime", "packages", f"{self.app_id}.xml"),
                 self.path("dbus-1", "services", f"{self.app_id}.service")]
        linguas = pathlib.Path(self.source, "po", "LINGUAS").read_text(encoding="utf-8")
        for language in linguas.split():
            if not language.startswith("#"):
                files.append(self.localedir / language / "LC_MESSAGES" / "gloss.mo")
        return files

    # A private copy of the installed data directory, with the caches a
    # package's triggers would build, in front of the system's, and the
    # installed binaries on the PATH (GIO hides a desktop file whose Exec is
    # not there). Not its D-Bus service: that one names the prefix, not
    # DESTDIR, and the bus would find it first.
    def data_dirs(self):
        share = self.root / "share"
        if not share.exists():
            shutil.copytree(self.datadir, share, symlinks=True,
                            ignore=lambda folder, names: ["dbus-1"] if folder == str(self.datadir) else [])
            run(["update-mime-database", share / "mime"], check=True)
            run(["update-desktop-database", "-q", share / "applications"], check=True)
            run(["glib-compile-schemas", share / "glib-2.0" / "schemas"], check=True)
        system = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
        return dict(self.env, XDG_DATA_DIRS=f"{share}{os.pathsep}{system}",
                    PATH=f"{self.bindir}{os.pathsep}{os.environ.get('PATH', '')}",
                    GSETTINGS_SCHEMA_DIR=str(share / "glib-2.0" / "schemas"))


def check_install(tree):
    result = run([tree.meson, "install", "-C", tree.build, "--no-rebuild", "--quiet",
                  "--destdir", tree.destdir])
    return failed(result)


def check_files(tree):
    return [f"{path.relative_to(tree.destdir)} is missing" for path in tree.expected()
            if not path.is_file()]


def check_validators(tree):
    problems = []
    problems += failed(run(["desktop-file-validate", tree.path("applications", f"{tree.app_id}.desktop")]))
    problems += failed(run(["appstreamcli", "validate", "--no-net",
                            tree.path("metainfo", f"{tree.app_id}.metainfo.xml")]))
    problems += failed(run(["glib-compile-schemas", "--strict", "--dry-run",
                            tree.path("glib-2.0", "schemas")]))
    problems += failed(run(["xmllint", "--noout", tree.path("mime", "packages", f"{tree.app_id}.xml")]))
    return problems


def check_agreement(tree):
    problems = []
    entry = desktop_entry(tree.path("applications", f"{tree.app_id}.desktop"))
    if entry.get("Icon") != tree.app_id:
        problems.append(f"the desktop file's Icon is {entry.get('Icon')!r}, not {tree.app_id!r}")
    if MIME_TYPE not in entry.get("MimeType", "").split(";"):
        problems.append(f"the desktop file does not list {MIME_TYPE}")
    if entry.get("DBusActivatable") != "true":
        problems.append("the desktop file is not DBusActivatable")
    if entry.get("Exec", "").split()[0] != "gloss":
        problems.append(f"the desktop file runs {entry.get('Exec')!r}")

    service = configparser.RawConfigParser(interpolation=None)
    service.optionxform = str
    service.read(tree.path("dbus-1", "services", f"{tree.app_id}.service"), encoding="utf-8")
    if service["D-BUS Service"].get("Name") != tree.app_id:
        problems.append(f"the D-Bus service is named {service['D-BUS Service'].get('Name')!r}")
    wanted = f"{tree.prefix / tree.bindir.relative_to(tree.installed) / 'gloss'} --gapplication-service"
    if service["D-BUS Service"].get("Exec") != wanted:
        problems.append(f"the D-Bus service runs {service['D-BUS Service'].get('Exec')!r}, not {wanted!r}")

    component = ET.parse(tree.path("metainfo", f"{tree.app_id}.metainfo.xml")).getroot()
    if component.findtext("id") != tree.app_id:
        problems.append(f"the metainfo id is {component.findtext('id')!r}")
    if component.findtext("launchable") != f"{tree.app_id}.desktop":
        problems.append(f"the metainfo launches {component.findtext('launchable')!r}")
    for binary in component.iterfind("provides/binary"):
        if not (tree.bindir / binary.text).is_file():
            problems.append(f"the metainfo provides {binary.text}, which is not installed")
    if component.find(f"releases/release[@version='{tree.version}']") is None:
        problems.append(f"the metainfo has no release {tree.version}")

    mime = ET.parse(tree.path("mime", "packages", f"{tree.app_id}.xml")).getroot()
    types = [t.get("type") for t in mime.iter("{http://www.freedesktop.org/standards/shared-mime-info}mime-type")]
    if types != [MIME_TYPE]:
        problems.append(f"the MIME package defines {types}")
    return problems


def content_type(tree, env, path):
    result = run(["gio", "info", "--attributes=standard::content-type", path], env=env)
    for line in result.stdout.splitlines():
        if "standard::content-type:" in line:
            return line.split(":", 3)[-1].strip()
    return None


def check_mime(tree):
    env = tree.data_dirs()
    files = tree.root / "files"
    files.mkdir()
    cases = [("corpus.gloss.json", CORPUS, MIME_TYPE),          # by name
             ("corpus-from-mail", CORPUS, MIME_TYPE),           # by content
             ("compact", COMPACT, MIME_TYPE),                   # by content, no spaces
             ("other.json", '{"format": "other"}\n', "application/json")]
    problems = []
    for name, text, wanted in cases:
        (files / name).write_text(text, encoding="utf-8")
        found = content_type(tree, env, files / name)
        if found != wanted:
            problems.append(f"{name}: {found}, not {wanted}")
    result = run(["gio", "mime", MIME_TYPE], env=env)
    default = result.stdout.splitlines()[0] if result.stdout else ""
    if not default.endswith(f": {tree.app_id}.desktop"):
        problems.append(f"gio mime {MIME_TYPE}: Gloss is not the default application")
        problems += result.stdout.splitlines() + result.stderr.splitlines()
    return problems


def check_binaries(tree):
    env = tree.data_dirs()
    problems = []
    result = run([tree.bindir / "gloss-cli", "--version"], env=env)
    problems += failed(result)
    if tree.version not in result.stdout:
        problems.append(f"gloss-cli --version says {result.stdout.strip()!r}, not {tree.version}")
    result = run([tree.bindir / "gloss", "--help"], env=env)
    problems += failed(result)
    if "--sample" not in result.stdout:
        problems.append("gloss --help does not list --sample")
    return problems


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <include>/usr/share/dbus-1/session.conf</include>
  <servicedir>{services}</servicedir>
</busconfig>
"""


def check_activation(tree):
    """Starts the installed Gloss the way the desktop does, through D-Bus
    activation and org.freedesktop.Application.Open, and watches the
    corpus arrive among the recent ones in its (key file) settings."""
    env = tree.data_dirs()
    services = tree.root / "services"
    services.mkdir()
    installed = tree.path("dbus-1", "services", f"{tree.app_id}.service").read_text(encoding="utf-8")
    # The service names the installed prefix; here the tree sits under DESTDIR.
    (services / f"{tree.app_id}.service").write_text(
        installed.replace(f"Exec={tree.prefix}", f"Exec={tree.installed}"), encoding="utf-8")
    config = tree.root / "bus.conf"
    config.write_text(BUS_CONFIG.format(services=services), encoding="utf-8")

    corpus = tree.root / "files" / "activated.gloss.json"
    corpus.write_text(CORPUS, encoding="utf-8")
    keyfile = tree.root / "config" / "glib-2.0" / "settings" / "keyfile"
    object_path = "/" + tree.app_id.replace(".", "/")
    script = f"""
set -u
gdbus call --session --dest {tree.app_id} --object-path {object_path} \\
  --method org.freedesktop.Application.Open "['{corpus.as_uri()}']" "{{}}" >/dev/null || exit 3
for i in $(seq 100); do
  grep -qF "{corpus.as_uri()}" "{keyfile}" 2>/dev/null && break
  sleep 0.2
done
grep -qF "{corpus.as_uri()}" "{keyfile}" || exit 4
gdbus call --session --dest {tree.app_id} --object-path {object_path} \\
  --method org.freedesktop.Application.ActivateAction quit "[]" "{{}}" >/dev/null
"""
    env = dict(env, GSETTINGS_BACKEND="keyfile")
    result = run(["dbus-run-session", f"--config-file={config}", "--", "sh", "-c", script], env=env)
    problems = failed(result)
    if result.returncode == 4:
        problems.insert(0, f"{corpus.name} never reached the recent corpora in {keyfile}")
    return problems


def main():
    results = []
    with tempfile.TemporaryDirectory(prefix="gloss-install-") as root:
        tree = Tree(root, sys.argv[1:10])
        checks = [("meson install --destdir", check_install),
                  ("every file is installed", check_files),
                  ("the installed files pass their validators", check_validators),
                  ("desktop file, D-Bus service, metainfo and MIME package agree", check_agreement),
                  ("the MIME and desktop databases send a corpus to Gloss", check_mime),
                  ("the installed gloss-cli and gloss run", check_binaries),
                  ("D-Bus activation of the installed Gloss opens a corpus", check_activation)]
        for name, check in checks:
            if results and results[0][1]:
                results.append((f"{name} # SKIP nothing was installed", []))
                continue
            if check is check_activation and not os.environ.get("DISPLAY"):
                results.append((f"{name} # SKIP no display", []))
                continue
            try:
                problems = check(tree)
            except (OSError, subprocess.SubprocessError, ValueError, KeyError) as error:
                problems = [f"{type(error).__name__}: {error}"]
            results.append((name, problems))
    return tap.report(results)


if __name__ == "__main__":
    sys.exit(main())
