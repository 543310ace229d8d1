"""Two built sites' comparison pages measured against each other: A, B, A, B, ... in one run.

The machine's load changes from minute to minute, so first-sort times are only comparable between
measurements taken in turns in the same run. Each round measures both sites, both languages
(compare_page.measure); the report gives each side's median and every value, and the other figures of
its last round. Usage: python bench/compare_ab.py ROUNDS NAME=SITE_DIR NAME=SITE_DIR [PAGE ...]
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import compare_page


def alternate(sites: dict[str, Path], rounds: int, paths: tuple[str, ...]) -> dict[str, list[dict]]:
    """Every round measures each site in turn; the results per site, in order."""
    runs: dict[str, list[dict]] = {name: [] for name in sites}
    for number in range(rounds):
        for name, site in sites.items():
            result = compare_page.measure(site, paths)
            runs[name].append(result)
            print(number + 1, name, {path: round(figures["first_sort_ms"]) for path, figures in result.items()},
                  flush=True)
    return runs


def report(runs: dict[str, list[dict]], paths: tuple[str, ...]) -> str:
    """Markdown rows: site, page, median first sort, every value, then the last round's other figures."""
    lines = ["| site | page | first sort median (ms) | all (ms) | DOM | sort paint | text sort | filter | KB gz |",
             "|---|---|---:|---|---:|---:|---:|---:|---:|"]
    for name, results in runs.items():
        for path in paths:
            values = [result[path]["first_sort_ms"] for result in results]
            last = results[-1][path]
            every = ", ".join(f"{value:.0f}" for value in values)
            lines.append(f"| {name} | /{path} | {statistics.median(values):.0f} | {every} "
                         f"| {last['dom_elements']} | {last['sort_paint_ms']:.0f} | {last['text_sort_paint_ms']:.0f} "
                         f"| {last['filter_paint_ms']:.0f} | {last['gzipped'] / 1024:.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    rounds = int(sys.argv[1])
    sites = {name: Path(folder) for name, folder in (arg.split("=", 1) for arg in sys.argv[2:] if "=" in arg)}
    paths = tuple(arg for arg in sys.argv[2:] if "=" not in arg) or ("compare/", "zh/compare/")
    print(report(alternate(sites, rounds, paths), paths))
