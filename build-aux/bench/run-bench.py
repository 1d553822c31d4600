#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Gloss's benchmarks (docs/performance.md). Prints a Markdown table: each
# figure is the median of several runs, with the range, the peak resident
# memory, and a reference measured in the same run, as a ratio, so that the
# ratios mean something even on a loaded machine.
#
#   run-bench.py --builddir _build-bench            the whole bench (minutes)
#   run-bench.py --builddir _build-bench --quick    small sizes (about a minute)
#   run-bench.py --builddir _build --check          correctness only, as TAP
#
# build-aux/dev.sh bench [--quick] builds a release tree and runs this under
# Xvfb. Corpora come from gen-corpus.py and are cached in BUILDDIR/bench/.

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MB = 1024 * 1024


class Tools:
    def __init__(self, builddir):
        self.builddir = os.path.abspath(builddir)
        self.cli = os.path.join(self.builddir, "src", "cli", "gloss-cli")
        self.app = os.path.join(self.builddir, "src", "ui", "gloss")
        self.scan = os.path.join(self.builddir, "build-aux", "bench", "gloss-bench-scan")
        self.ui = os.path.join(self.builddir, "build-aux", "bench", "gloss-bench-ui")
        self.cache = os.path.join(self.builddir, "bench")
        self.work = tempfile.mkdtemp(prefix="gloss-bench-")
        os.makedirs(self.cache, exist_ok=True)
        self.env = dict(os.environ,
                        GSETTINGS_SCHEMA_DIR=os.path.join(self.builddir, "data"),
                        GSETTINGS_BACKEND="memory",
                        GTK_A11Y="none",
                        LANGUAGE="en",
                        XDG_STATE_HOME=os.path.join(self.work, "state"))
        # Under Xvfb, GTK's GL renderer runs on llvmpipe, a GPU emulated on
        # the CPU, which takes most of every frame (docs/performance.md):
        # cairo draws the same nodes on the CPU as a GPU-less machine does.
        self.env.setdefault("GSK_RENDERER", "cairo")

    def py_reference(self, job, *args):
        return [sys.executable, os.path.join(HERE, "py-reference.py"), job, *args]


def generator_version():
    with open(os.path.join(HERE, "gen-corpus.py"), "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()[:8]


def corpus(tools, size, seed=1, one_document=False, spans=None):
    """The cached corpus of @size (and @spans in one document), made and
    validated on first use."""
    name = "%s-%s%s-s%d-g%s.gloss.json" % (
        "doc" if one_document else "corpus", size, "-%d" % spans if spans else "",
        seed, generator_version())
    path = os.path.join(tools.cache, name)
    if os.path.exists(path):
        return path
    cmd = [sys.executable, os.path.join(HERE, "gen-corpus.py"), "--size", size,
           "--seed", str(seed), "-o", path + ".new"]
    if one_document:
        cmd.append("--one-document")
    if spans:
        cmd += ["--spans", str(spans)]
    print("# generating %s" % name, file=sys.stderr)
    subprocess.run(cmd, check=True)
    out = subprocess.run([tools.cli, "validate", path + ".new"], capture_output=True, text=True)
    if out.returncode != 0 or out.stdout.strip() != "%s.new: OK" % path:
        sys.exit("gen-corpus.py made a corpus gloss-cli does not take:\n" + out.stdout[:2000])
    os.replace(path + ".new", path)
    return path


def run_once(cmd, env=None, stdout=subprocess.DEVNULL):
    """Wall time in seconds and peak RSS in bytes of one run of @cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit("failed (%d): %s" % (proc.returncode, " ".join(cmd)))
    return elapsed, usage.ru_maxrss * 1024


def measure(cmd, runs, env=None):
    times, rss = [], []
    for _ in range(runs):
        t, r = run_once(cmd, env)
        times.append(t)
        rss.append(r)
    return times, max(rss)


def instructions(tools, cmd):
    """Instructions executed (callgrind's Ir) by @cmd: stable on a busy machine."""
    if shutil.which("valgrind") is None:
        return None
    out = os.path.join(tools.work, "callgrind.out")
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, *cmd],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    return None


class Row:
    def __init__(self, case, size, values, unit, rss=None, ref_name="", ref_values=None,
                 target=None, target_text="", ir=None, spread=None):
        self.case, self.size, self.values, self.unit = case, size, values, unit
        self.rss, self.ref_name, self.ref_values = rss, ref_name, ref_values
        self.target, self.target_text, self.ir, self.spread = target, target_text, ir, spread


def fmt(value, unit):
    if unit == "s":
        return "%.3f s" % value if value < 10 else "%.2f s" % value
    if unit == "ms":
        return "%.1f ms" % value
    return "%.2f×" % value


def fmt_size(n):
    return "%.0f MB" % (n / MB) if n >= MB else "%.0f KB" % (n / 1024)


def print_table(rows):
    head = ["case", "input", "median", "min–max", "peak RSS", "RSS/input",
            "reference (median)", "ratio", "target", "met?", "Ir (callgrind)"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        med = statistics.median(r.values)
        spread = r.spread or "%s–%s" % (fmt(min(r.values), r.unit).split()[0], fmt(max(r.values), r.unit))
        ratio = ""
        ref = "—"
        if r.ref_values:
            ref_med = statistics.median(r.ref_values)
            ref = "%s %s" % (r.ref_name, fmt(ref_med, r.unit))
            ratio = "%.2f×" % (med / ref_med)
        met = ""
        if r.target is not None:
            # A target is a ratio to the reference unless the unit is ms.
            value = med if r.unit == "ms" or r.unit == "x" or not r.ref_values else med / statistics.median(r.ref_values)
            met = "yes" if value <= r.target else "**no**"
        rss = "%.0f MB" % (r.rss / MB) if r.rss else ""
        per = "%.2f×" % (r.rss / r.size) if r.rss and r.size and r.unit == "s" else ""
        print("| " + " | ".join([r.case, fmt_size(r.size) if r.size else "", fmt(med, r.unit), spread,
                                 rss, per, ref, ratio, r.target_text or "—", met,
                                 "{:,}".format(r.ir) if r.ir else ""]) + " |")


def cli_rows(tools, size, runs, with_ir):
    path = corpus(tools, size)
    n_bytes = os.path.getsize(path)
    subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)  # a warm cache for all
    rows = []
    out = lambda name: os.path.join(tools.work, name)

    validate = [tools.cli, "validate", "--quiet", path]
    t, rss = measure(validate, runs)
    ref_t, ref_rss = measure(tools.py_reference("load", path), runs)
    scan_t, _ = measure([tools.scan, path], runs)
    ir = instructions(tools, validate) if with_ir else None
    rows.append(Row("validate", n_bytes, t, "s", rss, "json.load", ref_t, 1.0, "≤ 1.0× Python", ir))
    rows.append(Row("validate vs bare scan", n_bytes, t, "s", rss, "scan", scan_t))
    # The target is the 100 MB corpus's: below that, the process's own
    # 15 MB (GLib, GIO, the code) is most of the peak, for Python too.
    big = size == "100M"
    rows.append(Row("peak memory (validate)", n_bytes, [rss / n_bytes], "x", rss, "json.load",
                    [ref_rss / n_bytes], 2.5 if big else None,
                    "≤ 2.5× file" if big else "(at 100 MB)"))

    for job, name in (("gloss", "save (native)"), ("doccano", "export doccano"), ("conll", "export CoNLL")):
        suffix = {"gloss": ".gloss.json", "doccano": ".jsonl", "conll": ".conll"}[job]
        cmd = [tools.cli, "export", "--to", job, path, "-o", out("gloss" + suffix)]
        t, rss = measure(cmd, runs)
        ref_t, _ = measure(tools.py_reference(job, path, out("python" + suffix)), runs)
        ir = instructions(tools, cmd) if with_ir else None
        rows.append(Row(name, n_bytes, t, "s", rss, "Python", ref_t, 0.5, "≤ 0.5× Python", ir))
    return rows


def ui_runs(tools, path, runs, plain):
    """Each run's figures from gloss-bench-ui, merged."""
    merged = {}
    rss = 0
    for _ in range(runs):
        cmd = [tools.ui, "--presses", "20", path] + (["--plain"] if plain else [])
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=tools.env, text=True)
        text = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit("gloss-bench-ui failed: " + " ".join(cmd))
        rss = max(rss, usage.ru_maxrss * 1024)
        for line in text.splitlines():
            name, value = line.split(" ", 1)
            merged.setdefault(name, []).append(value)
    return merged, rss


def spread_p95(values):
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return "%.1f–%.1f (p95 %.1f)" % (ordered[0], ordered[-1], p95)


def ui_rows(tools, text_size, n_spans, runs):
    path = corpus(tools, text_size, one_document=True, spans=n_spans)
    gloss, rss = ui_runs(tools, path, runs, plain=False)
    plain, plain_rss = ui_runs(tools, path, runs, plain=True)
    f = lambda d, k: [float(v) for v in d[k]]
    what = "1 document, %s of text, %d spans" % (text_size, n_spans)
    tools.renderer = gloss["renderer"][0]
    size = os.path.getsize(path)
    return [
        Row("open → first frame (%s)" % what, size, f(gloss, "open"), "ms", rss,
            "GtkTextView", f(plain, "open"), 300, "≤ 300 ms"),
        Row("  of which: window → first frame", size, f(gloss, "first-frame"), "ms", None,
            "GtkTextView", f(plain, "first-frame")),
        Row("label key → repaint (pressed at a random moment of the frame)", size,
            f(gloss, "key-repaint"), "ms", None,
            "GtkTextView tag", f(plain, "key-repaint"), 16, "≤ 16 ms",
            spread=spread_p95(f(gloss, "key-repaint"))),
        Row("  of which: key handler + painting the frame", size, f(gloss, "key-work"), "ms", None,
            "GtkTextView tag", f(plain, "key-work"), 16, "≤ 16 ms",
            spread=spread_p95(f(gloss, "key-work"))),
        Row("scroll top → bottom, per frame (%s frames)" % gloss["scroll-steps"][0], size,
            f(gloss, "scroll-frame"), "ms", None, "GtkTextView", f(plain, "scroll-frame"),
            spread=spread_p95(f(gloss, "scroll-frame"))),
    ]


def first_frame_ms(tools, cmd):
    start = time.monotonic_ns()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=dict(tools.env, GLOSS_BENCH_FIRST_FRAME="1"), text=True)
    text = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or "first-frame" not in text:
        sys.exit("no first frame from " + " ".join(cmd))
    return (int(text.split()[-1]) * 1000 - start) / 1e6, usage.ru_maxrss * 1024


def cold_start_row(tools, runs):
    app = [first_frame_ms(tools, [tools.app]) for _ in range(runs)]
    empty = [first_frame_ms(tools, [tools.ui, "--empty-window"]) for _ in range(runs)]
    return Row("cold start → first frame", None, [a[0] for a in app], "ms", max(a[1] for a in app),
               "empty Adw window", [e[0] for e in empty], 400, "≤ 400 ms")


def machine():
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    return "%s, %d cores, %s, Python %s; load average %s" % (
        cpu, os.cpu_count(), platform.platform(), platform.python_version(), load)


def bench(tools, quick):
    print("Machine: " + machine())
    print("Started %s\n" % time.strftime("%Y-%m-%d %H:%M:%S"))
    rows = []
    sizes = ["1M"] if quick else ["1M", "10M", "100M"]
    for size in sizes:
        runs = 3 if quick or size == "100M" else 5
        rows += cli_rows(tools, size, runs, with_ir=size == "1M")
    if shutil.which("xvfb-run") is None and "DISPLAY" not in os.environ:
        print("# no display: the UI rows are left out", file=sys.stderr)
    else:
        rows += ui_rows(tools, "100K" if quick else "1M", 2000 if quick else 20000, 1 if quick else 3)
        rows.append(cold_start_row(tools, 3 if quick else 5))
    print_table(rows)
    if getattr(tools, "renderer", None):
        print("\nUI under Xvfb, 1280×800 window, renderer %s." % tools.renderer)
    with open("/proc/loadavg") as f:
        print("\nLoad average at the end: " + " ".join(f.read().split()[:3]))


def check(tools):
    """Correctness of the harness, as TAP: what a timing means only if
    these hold."""
    results = []

    def ok(cond, name):
        results.append((bool(cond), name))

    path = corpus(tools, "256K")
    again = os.path.join(tools.work, "again.gloss.json")
    subprocess.run([sys.executable, os.path.join(HERE, "gen-corpus.py"), "--size", "256K",
                    "-o", again], check=True, stderr=subprocess.DEVNULL)
    same = lambda a, b: open(a, "rb").read() == open(b, "rb").read()
    ok(same(path, again), "the generator is deterministic")
    ok(subprocess.run([tools.cli, "validate", path], capture_output=True, text=True).stdout.strip()
       == path + ": OK", "a generated corpus validates without warnings")
    for job, suffix in (("gloss", ".gloss.json"), ("doccano", ".jsonl"), ("conll", ".conll")):
        mine = os.path.join(tools.work, "gloss" + suffix)
        theirs = os.path.join(tools.work, "python" + suffix)
        run_once([tools.cli, "export", "--to", job, path, "-o", mine])
        run_once(tools.py_reference(job, path, theirs))
        if job == "conll":
            ok(os.path.getsize(mine) > 0 and os.path.getsize(theirs) > 0, "both write CoNLL")
        else:
            ok(same(mine, theirs), "the Python reference writes gloss-cli's %s bytes" % job)
    ok(same(path, os.path.join(tools.work, "gloss.gloss.json")), "a save reproduces the generated corpus")
    scanned = subprocess.run([tools.scan, path], capture_output=True, text=True)
    ok(scanned.returncode == 0 and scanned.stdout.endswith("values\n"), "the bare scan reads the corpus")
    broken = os.path.join(tools.work, "broken.json")
    with open(broken, "wb") as f:
        f.write(b'{"a": "\xff"}')
    ok(subprocess.run([tools.scan, broken], capture_output=True).returncode == 1,
       "the bare scan refuses invalid UTF-8")

    if "DISPLAY" in os.environ:
        doc = corpus(tools, "20K", one_document=True, spans=400)
        merged, _ = ui_runs(tools, doc, 1, plain=False)
        # A press on a word that has the label already adds nothing: most do.
        ok(int(merged.get("spans-added", ["0"])[0]) >= 15, "label keys add spans and repaint")
        ok(0 < len(merged.get("key-work", [])) == len(merged.get("key-repaint", [])),
           "each press reports the work it cost")
        ok(int(merged.get("scroll-steps", ["0"])[0]) > 0, "the view scrolls to the bottom")
        ms, _ = first_frame_ms(tools, [tools.app])
        ok(ms > 0, "gloss reports its first frame")
        ms, _ = first_frame_ms(tools, [tools.ui, "--empty-window"])
        ok(ms > 0, "the empty window reports its first frame")

    print("TAP version 13\n1..%d" % len(results))
    for i, (passed, name) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if passed else "not ok", i, name))
    return all(p for p, _ in results)


def main():
    parser = argparse.ArgumentParser(description="Gloss's benchmarks")
    parser.add_argument("--builddir", required=True)
    parser.add_argument("--quick", action="store_true", help="small sizes, about a minute")
    parser.add_argument("--check", action="store_true", help="correctness only, as TAP")
    args = parser.parse_args()
    tools = Tools(args.builddir)
    try:
        if args.check:
            return 0 if check(tools) else 1
        bench(tools, args.quick)
        return 0
    finally:
        shutil.rmtree(tools.work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
