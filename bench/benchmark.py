"""Benchmark: build speed, hook overhead and page weight as the catalog grows.

    .venv/bin/python bench/benchmark.py                # 10, 100 and 500 providers × 30 models
    .venv/bin/python bench/benchmark.py --sizes 10,100 # quicker
    .venv/bin/python bench/benchmark.py --compare-only # only the comparison page on a slowed phone

Every number is measured in this run; overheads are ratios against a baseline built in the same run
(the same pages as plain Markdown, without our hooks). Synthetic catalogs are generated in a
temporary folder and deleted afterwards. Prints a Markdown table; writes JSON to bench-results/.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_page  # noqa: E402
import serve_rebuild  # noqa: E402
import synthetic  # noqa: E402
import weight  # noqa: E402

ROOT = synthetic.ROOT


def build(project: Path, site: Path, hooks: bool = True, env: dict | None = None, first: bool = False) -> dict:
    """One build in a fresh process; returns {total, hooks, parses} in seconds / count. `first`: without the
    copies an earlier build saved (.cache/), as a fresh clone builds."""
    if first:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    command = [sys.executable, str(ROOT / "bench/run_build.py"), str(project), str(site)]
    result = subprocess.run(command + ([] if hooks else ["--no-hooks"]), capture_output=True, text=True,
                            env={**os.environ, **(env or {})})
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def best_of(repeat: int, *args, **kwargs) -> dict:
    return min((build(*args, **kwargs) for _ in range(repeat)), key=lambda run: run["total"])


def measure_size(work: Path, providers: int, models: int, repeat: int, compare_only: bool = False) -> dict:
    project = synthetic.make_project(work / f"p{providers}", providers, models)
    hooked = best_of(repeat, project, work / f"s{providers}", first=True)
    compare = compare_page.measure(work / f"s{providers}")
    if compare_only:
        return {"providers": providers, "models": providers * models, "build_s": hooked["total"], "compare": compare}
    baseline_project = synthetic.make_baseline(project, work / f"b{providers}")
    baseline = best_of(repeat, baseline_project, work / f"sb{providers}", hooks=False)
    pages = len(list((work / f"s{providers}").rglob("index.html")))
    # The next builds of the same data read the saved catalog and results (skipped at 500: a minute each).
    repeated = best_of(repeat, project, work / f"s{providers}") if providers <= 100 else None
    again = repeated and {"build_s": repeated["total"], "hooks_share": repeated["hooks"] / repeated["total"],
                          "hook_events_s": repeated["events"]}
    return {"repeated": again,
            "providers": providers, "models": providers * models, "pages": pages, "build_s": hooked["total"],
            "hooks_s": hooked["hooks"], "hooks_share": hooked["hooks"] / hooked["total"],
            "baseline_s": baseline["total"], "overhead_ratio": hooked["total"] / baseline["total"],
            "parses": hooked["parses"], "hook_events_s": hooked["events"], "compare": compare}


def exponent(rows: list[dict], key: str) -> float:
    first, last = rows[0], rows[-1]
    return math.log(last[key] / first[key]) / math.log(last["providers"] / first["providers"])


def project_copy(target: Path) -> Path:
    """The real project in a fresh folder (no saved catalog yet), runnable with scripts/ and the venv."""
    target.mkdir()
    for part in ("mkdocs.yml", "hooks", "overrides", "docs", "data", "schemas", "scripts"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part,
                                                              **({"symlinks": True} if source.is_dir() else {}))
    (target / ".venv").symlink_to(ROOT / ".venv")
    return target


def real_site(work: Path, repeat: int, compare_only: bool = False) -> dict:
    """The real catalog: a first build (catalog read and checked) and a repeated one (the saved catalog),
    English-only build time, page weight, search index size, comparison page."""
    project = project_copy(work / "real-project")
    first = build(project, work / "real")
    full = best_of(repeat, project, work / "real")
    compare = compare_page.measure(work / "real")
    if compare_only:
        return {"build_s": full["total"], "compare": compare}
    english = best_of(repeat, project, work / "real-en", env={"DOCS_BUILD_ZH": "false"})
    indexes = weight.search_indexes(work / "real")
    visits = {path: weight.first_visit(work / "real", path) for path in ("providers/groq/", "zh/providers/groq/")}
    return {"first_build_s": first["total"], "first_hooks_share": first["hooks"] / first["total"],
            "first_events_s": first["events"], "events_s": full["events"],
            "build_s": full["total"], "hooks_share": full["hooks"] / full["total"], "parses": full["parses"],
            "english_only_s": english["total"], "preview_speedup": full["total"] / english["total"],
            "search_index": {lang: {"bytes": raw, "gzip": packed} for lang, (raw, packed) in indexes.items()},
            "first_visit": visits, "compare": compare}


def serve_times(work: Path) -> list[float]:
    """Saving data/providers/groq.yaml under scripts/serve, as a contributor runs it."""
    project = project_copy(work / "serve-project")
    return serve_rebuild.measure(project, "data/providers/groq.yaml", "providers/groq/")


def table(rows: list[dict]) -> str:
    lines = ["| providers × models | pages | build (s) | our hooks (s) | hooks share | baseline (s) "
             "| build / baseline | catalog parses |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row['providers']} × {row['models'] // row['providers']} | {row['pages']} "
                     f"| {row['build_s']:.2f} | {row['hooks_s']:.2f} | {row['hooks_share']:.1%} "
                     f"| {row['baseline_s']:.2f} | {row['overhead_ratio']:.2f} | {row['parses']} |")
    return "\n".join(lines)


def breakdown(row: dict) -> str:
    return by_event(f"Our hooks at {row['providers']} × {row['models'] // row['providers']}", row["hook_events_s"])


def by_event(title: str, events: dict) -> str:
    ranked = sorted(events.items(), key=lambda item: -item[1])
    shown = [f"`{name}` {seconds:.2f} s" for name, seconds in ranked if seconds >= 0.005]
    return f"{title}, by event: " + ", ".join(shown) + "."


def compare_report(results: dict) -> list[str]:
    """The comparison page at each catalog size, as a phone with a 4× slower CPU meets it."""
    rows = [(f"{row['providers']} × {row['models'] // row['providers']}", path, figures)
            for row in results["sizes"] for path, figures in row["compare"].items()]
    if "real" in results:
        rows += [("real", path, figures) for path, figures in results["real"]["compare"].items()]
    return ["## Comparison page (375 × 740, CPU 4× slower)", "", compare_page.table(rows), ""]


def report(results: dict) -> str:
    if results.get("compare_only"):
        return "\n".join(compare_report(results))
    parts = ["## Synthetic catalogs", "", table(results["sizes"]), ""] if results["sizes"] else []
    parts += [breakdown(row) for row in results["sizes"]] + [""] if results["sizes"] else []
    parts += [by_event(f"Repeated build at {row['providers']} × {row['models'] // row['providers']} (reading the "
                       f"saved catalog and results): {row['repeated']['build_s']:.2f} s, our hooks "
                       f"{row['repeated']['hooks_share']:.1%}", row["repeated"]["hook_events_s"])
              for row in results["sizes"] if row.get("repeated")] + [""]
    if len(results["sizes"]) > 1:
        parts += [f"Growth exponent of build time from {results['sizes'][0]['providers']} to "
                  f"{results['sizes'][-1]['providers']} providers: **{results['exponent']:.2f}** "
                  f"(baseline: {results['baseline_exponent']:.2f}).", ""]
    if "serve_rebuild_s" in results:
        times = ", ".join(f"{t:.2f}" for t in results["serve_rebuild_s"])
        parts += [f"`scripts/serve` (English only, its default): saving data/providers/groq.yaml to the rebuilt "
                  f"page: {times} s.", ""]
    if "real" in results:
        real = results["real"]
        parts += ["## Real site", "", f"- first build {real['first_build_s']:.2f} s (hooks "
                  f"{real['first_hooks_share']:.1%}: catalog read and checked); "
                  f"repeated build {real['build_s']:.2f} s (hooks {real['hooks_share']:.1%}, "
                  f"catalog parsed {real['parses']}×: the saved copy); English only (`DOCS_BUILD_ZH=false`) "
                  f"{real['english_only_s']:.2f} s: **{real['preview_speedup']:.2f}× faster**",
                  "- " + by_event("our hooks, first build", real["first_events_s"]),
                  "- " + by_event("our hooks, repeated build", real["events_s"]),
                  "- search index per language (each reader downloads one): " + "; ".join(
                      f"{lang} {size['bytes'] / 1024:.0f} KB raw, **{size['gzip'] / 1024:.0f} KB gzipped**"
                      for lang, size in real["search_index"].items())]
        for path, visit in real["first_visit"].items():
            kinds = ", ".join(f"{kind} {packed / 1024:.1f} KB"
                              for kind, (_, packed) in sorted(visit["by_kind"].items()))
            parts.append(f"- first visit to /{path}: **{visit['gzipped_total'] / 1024:.1f} KB gzipped** "
                         f"({visit['gzipped_without_search_index'] / 1024:.1f} KB without the search index) in "
                         f"{visit['requests']} requests, {len(visit['third_party'])} third-party; {kinds}")
    return "\n".join(targets(results) + parts + [""] + compare_report(results))


def targets(results: dict) -> list[str]:
    """The speed targets (our hooks ≤ 5 % of a build, growth ≤ 1.1, serve round trip < 1.5 s), met or not."""
    checks = []
    for row in results["sizes"]:
        if row["providers"] == 100:
            share = row["hooks_share"]
            checks.append(("our hooks at 100 × 30, first build", f"{share:.1%}", share <= 0.05))
            if row.get("repeated"):
                share = row["repeated"]["hooks_share"]
                checks.append(("our hooks at 100 × 30, repeated build", f"{share:.1%}", share <= 0.05))
    if "real" in results:
        real = results["real"]
        checks += [("our hooks, real site, first build", f"{real['first_hooks_share']:.1%}",
                    real["first_hooks_share"] <= 0.05),
                   ("our hooks, real site, repeated build", f"{real['hooks_share']:.1%}", real["hooks_share"] <= 0.05)]
    if "exponent" in results:
        span = f"{results['sizes'][0]['providers']} → {results['sizes'][-1]['providers']} providers"
        checks.append((f"growth exponent, {span}", f"{results['exponent']:.2f}", results["exponent"] <= 1.1))
    if results.get("serve_rebuild_s"):
        slowest = max(results["serve_rebuild_s"])
        checks.append(("serve round trip, slowest of 3", f"{slowest:.2f} s", slowest < 1.5))
    lines = ["## Targets", "", "| target | measured | met |", "|---|---:|---|"]
    lines += [f"| {name} | {value} | {'yes' if met else '**no**'} |" for name, value, met in checks]
    return lines + [""] if checks else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10,100,500", help="provider counts, comma-separated")
    parser.add_argument("--models", type=int, default=30, help="models per provider")
    parser.add_argument("--repeat", type=int, default=1, help="builds per measurement; the fastest counts")
    parser.add_argument("--skip-real", action="store_true", help="skip the real-site and serve measurements")
    parser.add_argument("--compare-only", action="store_true",
                        help="build each catalog once and measure only the comparison page (no baselines, no serve)")
    parser.add_argument("--out", default=str(ROOT / "bench-results"), help="folder for benchmark.json")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    results: dict = {"sizes": [], "compare_only": args.compare_only}
    sizes = results["sizes"]
    try:
        for size in filter(None, args.sizes.split(",")):
            sizes.append(measure_size(work, int(size), args.models, args.repeat, args.compare_only))
            print(f"{size} providers: built and measured", flush=True)  # progress: the big sizes take minutes
        if args.compare_only:
            if not args.skip_real:
                results["real"] = real_site(work, args.repeat, compare_only=True)
        elif len(sizes) > 1:
            results["exponent"] = exponent(sizes, "build_s")
            results["baseline_exponent"] = exponent(sizes, "baseline_s")
        if not args.skip_real and not args.compare_only:
            results["real"] = real_site(work, args.repeat)
            results["serve_rebuild_s"] = serve_times(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "benchmark.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "benchmark.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
