#!/usr/bin/env python3
"""Turns bench/run.sh's results.tsv into the markdown summary: medians per corpus size and tool, the ratio
PolicyKB / (Hugo + Pagefind), PolicyKB's time by stage, growth with the corpus, the -Xmx2g run and the samples.

usage: summarize.py RESULTS.tsv [ENVIRONMENT.txt]
"""

import csv
import re
import sys
from collections import defaultdict
from statistics import median

# The targets of issue 6, by corpus size: the full-build wall-time ratio and PolicyKB's peak memory.
RATIO_GOAL = {1000: 0.25, 10000: 0.15}
MEMORY_GOAL_GB = {1000: 1.0, 10000: 2.0}
SAMPLES_GOAL_S = 2.0

STAGE = re.compile(r"^(.*\S)\s+([0-9.]+)\s*s$")


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        r["docs"] = int(r["docs"])
        r["run"] = int(r["run"])
        r["exit"] = int(r["exit"])
        for key in ("wall_s", "user_s", "sys_s", "load1"):
            r[key] = float(r[key] or 0)
        r["cpu_s"] = r["user_s"] + r["sys_s"]
        r["rss_mb"] = int(r["rss_kb"] or 0) / 1024
        r["files"] = int(r["files"] or 0)
        r["bytes"] = int(r["bytes"] or 0)
        r["build_s"] = float(r["build_s"]) if r.get("build_s") else None
        r["stages"] = stages(r.get("stages") or "")
    return rows


def stages(line):
    """'read 0.26 s, check links 0.10 s' -> [('read', 0.26), ('check links', 0.10)]"""
    out = []
    for part in line.split(","):
        m = STAGE.match(part.strip())
        if m:
            out.append((m.group(1), float(m.group(2))))
    return out


def figures(rows):
    """Medians of the successful runs: wall, cpu, rss, files, bytes; None when no run succeeded."""
    ok = [r for r in rows if r["exit"] == 0]
    if not ok:
        return None
    return {k: median(r[k] for r in ok) for k in ("wall_s", "cpu_s", "rss_mb", "files", "bytes")} | {"runs": len(ok)}


def combined(hugo, pagefind):
    """Hugo then Pagefind, run by run: times add up, peak memory is the larger of the two, outputs add up."""
    by_run = {r["run"]: r for r in pagefind}
    out = []
    for h in hugo:
        p = by_run.get(h["run"])
        if p is None:
            continue
        out.append({"run": h["run"], "exit": h["exit"] or p["exit"],
                    "wall_s": h["wall_s"] + p["wall_s"], "cpu_s": h["cpu_s"] + p["cpu_s"],
                    "rss_mb": max(h["rss_mb"], p["rss_mb"]),
                    "files": h["files"] + p["files"], "bytes": h["bytes"] + p["bytes"]})
    return out


def runs(count):
    return "one run" if count == 1 else f"medians of {count} runs"


def row(name, f):
    if f is None:
        return f"| {name} | failed | | | | |"
    return (f"| {name} | {f['wall_s']:.2f} | {f['cpu_s']:.2f} | {f['rss_mb']:.0f} | {f['files']:,.0f} "
            f"| {f['bytes'] / 1e6:.1f} |")


def ratio(a, b, key):
    return a[key] / b[key] if a and b and b[key] else float("nan")


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    rows = load(sys.argv[1])
    lines = ["# Full builds: PolicyKB and Hugo + Pagefind", ""]
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            lines += [f"- {line.rstrip()}" for line in f if line.strip()]
        lines.append("")
    loads = [r["load1"] for r in rows]
    if loads:
        lines += [f"Load average (1 min) before each run: {min(loads):.2f} to {max(loads):.2f}. "
                  "Figures are only meaningful on a machine doing nothing else.", ""]

    groups = defaultdict(list)
    for r in rows:
        groups[(r["tool"], r["docs"])].append(r)
    sizes = sorted({d for (tool, d) in groups if tool == "policykb"})
    growth = []
    for n in sizes:
        kb_rows = groups[("policykb", n)]
        kb = figures(kb_rows)
        hugo, pagefind = groups.get(("hugo", n), []), groups.get(("pagefind", n), [])
        lines += [f"## {n:,} documents ({runs(len(kb_rows))})", "",
                  "| | wall s | user+sys s | peak RSS MB | files | output MB |",
                  "|---|---:|---:|---:|---:|---:|",
                  row("PolicyKB", kb)]
        both = None
        if hugo and pagefind:
            both = figures(combined(hugo, pagefind))
            lines += [row("Hugo", figures(hugo)), row("Pagefind", figures(pagefind)), row("Hugo + Pagefind", both)]
            lines.append("| PolicyKB / (Hugo + Pagefind) | " + " | ".join(
                f"{ratio(kb, both, k):.2f}" for k in ("wall_s", "cpu_s", "rss_mb", "files", "bytes")) + " |")
        lines.append("")
        failed = [r for r in kb_rows if r["exit"] != 0]
        if failed:
            lines += [f"PolicyKB failed in {len(failed)} of {len(kb_rows)} runs (exit "
                      + ", ".join(str(r["exit"]) for r in failed) + "); see logs/.", ""]
        goals = []
        if both and n in RATIO_GOAL and kb:
            r = ratio(kb, both, "wall_s")
            goals.append(f"wall-time ratio {r:.2f}, goal ≤ {RATIO_GOAL[n]}: {verdict(r <= RATIO_GOAL[n])}")
        if n in MEMORY_GOAL_GB and kb:
            gb = kb["rss_mb"] / 1024
            goals.append(f"peak RSS {gb:.2f} GB, goal < {MEMORY_GOAL_GB[n]:g} GB: {verdict(gb < MEMORY_GOAL_GB[n])}")
        if goals:
            lines += ["Goals (issue 6): " + "; ".join(goals) + ".", ""]
        if kb:
            lines += stage_table(kb_rows, kb)
            growth.append((n, kb))

    if len(growth) > 1:
        lines += ["## Growth (PolicyKB)", "",
                  "| documents | wall s | wall s per 1,000 docs | user+sys s per 1,000 docs | peak RSS MB | RSS MB per 1,000 docs |",
                  "|---:|---:|---:|---:|---:|---:|"]
        for n, f in growth:
            k = n / 1000
            lines.append(f"| {n:,} | {f['wall_s']:.2f} | {f['wall_s'] / k:.2f} | {f['cpu_s'] / k:.2f} "
                         f"| {f['rss_mb']:.0f} | {f['rss_mb'] / k:.0f} |")
        (n0, f0), (n1, f1) = growth[0], growth[-1]
        lines += ["", f"From {n0:,} to {n1:,} documents (×{n1 / n0:g}): wall ×{f1['wall_s'] / f0['wall_s']:.1f}, "
                  f"peak RSS ×{f1['rss_mb'] / f0['rss_mb']:.1f} (linear growth: at most ×{n1 / n0:g}).", ""]

    for (tool, n), rs in sorted(groups.items()):
        if tool == "policykb-xmx2g":
            for r in rs:
                lines += [f"## -Xmx2g at {n:,} documents", "",
                          f"{'Succeeded' if r['exit'] == 0 else '**Failed** (exit ' + str(r['exit']) + ')'}: "
                          f"wall {r['wall_s']:.2f} s, user+sys {r['cpu_s']:.2f} s, peak RSS {r['rss_mb']:.0f} MB.", ""]
        if tool == "samples":
            f = figures(rs)
            lines += [f"## The {n} sample documents (content/), JVM start included", ""]
            if f:
                lines += [f"{runs(f['runs']).capitalize()}: wall {f['wall_s']:.2f} s (goal < {SAMPLES_GOAL_S:g} s: "
                          f"{verdict(f['wall_s'] < SAMPLES_GOAL_S)}), user+sys {f['cpu_s']:.2f} s, "
                          f"peak RSS {f['rss_mb']:.0f} MB; runs: " + ", ".join(f"{r['wall_s']:.2f}" for r in rs) + " s.", ""]
            else:
                lines += ["Every build failed; see logs/.", ""]
    print("\n".join(lines))


def stage_table(kb_rows, kb):
    """Median seconds per stage as printed by the build, as shares of the median wall time of the process."""
    ok = [r for r in kb_rows if r["exit"] == 0 and r["stages"]]
    if not ok:
        return ["(The build printed no `stages:` line, so there is no profile by stage.)", ""]
    names = []
    for r in ok:
        for name, _ in r["stages"]:
            if name not in names:
                names.append(name)
    out = ["PolicyKB's time by stage (medians; share of the process's wall time):", "",
           "| stage | s | share |", "|---|---:|---:|"]
    wall = kb["wall_s"]
    for name in names:
        s = median(dict(r["stages"]).get(name, 0.0) for r in ok)
        out.append(f"| {name} | {s:.2f} | {s / wall:.0%} |")
    builds = [r["build_s"] for r in ok if r["build_s"] is not None]
    if builds:
        inside = median(builds)
        staged = median(sum(s for _, s in r["stages"]) for r in ok)
        if staged > inside:
            out.append("| (stages overlapping: the indexes are made beside render+check+write) "
                       f"| {inside - staged:.2f} | {(inside - staged) / wall:.0%} |")
        out.append(f"| (in the build, between stages) | {max(inside - staged, 0):.2f} | {max(inside - staged, 0) / wall:.0%} |")
        out.append(f"| (outside the build: JVM start, class loading, exit) | {max(wall - inside, 0):.2f} "
                   f"| {max(wall - inside, 0) / wall:.0%} |")
    return out + [""]


if __name__ == "__main__":
    main()
