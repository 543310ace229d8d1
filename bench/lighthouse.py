"""Lighthouse's mobile performance score for pages of the built site, served gzipped as a static host does.

    .venv/bin/python bench/lighthouse.py                 # builds the site, scores the comparison pages
    .venv/bin/python bench/lighthouse.py SITE compare/ zh/compare/ providers/groq/

Lighthouse (pinned in bench/lighthouse/package.json) is installed there with `npm ci` on first use; it
drives the system Chromium with its default mobile settings (simulated slow 4G, 4× slower CPU). Its
scores vary from run to run, so each page is scored RUNS times and the median run is reported.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import weight  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "bench/lighthouse"
RUNS = 3
PAGES = ("compare/", "zh/compare/")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index",
           "cumulative-layout-shift")


class GzipHandler(weight.QuietHandler):
    """Files gzipped on the way out, as GitHub Pages and most static hosts send HTML, CSS, JS and JSON."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse() -> Path:
    """The pinned Lighthouse command, installed on first use."""
    command = TOOL / "node_modules/.bin/lighthouse"
    if not command.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOL, check=True)
    return command


def score(url: str, out: Path) -> dict:
    """One Lighthouse run of `url`: the performance score (0–100) and its metrics in milliseconds."""
    subprocess.run([str(lighthouse()), url, "--quiet", "--only-categories=performance", "--output=json",
                    f"--output-path={out}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {"score": round(report["categories"]["performance"]["score"] * 100),
            **{name: audits[name]["numericValue"] for name in METRICS}}


def measure(site: Path, pages=PAGES, runs: int = RUNS) -> dict:
    """The median run (by score) of each page."""
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results = {}
    try:
        with tempfile.TemporaryDirectory() as work:
            for page in pages:
                scored = sorted((score(base + page, Path(work) / "report.json") for _ in range(runs)),
                                key=lambda run: run["score"])
                results[page] = {**scored[len(scored) // 2], "scores": [run["score"] for run in scored],
                                 "median_score": statistics.median(run["score"] for run in scored)}
    finally:
        server.shutdown()
    return results


def table(results: dict) -> str:
    lines = ["| page | performance (runs) | FCP (s) | LCP (s) | TBT (ms) | CLS |", "|---|---|---:|---:|---:|---:|"]
    for page, run in results.items():
        lines.append(f"| /{page} | **{run['score']}** ({', '.join(map(str, run['scores']))}) "
                     f"| {run['first-contentful-paint'] / 1000:.1f} | {run['largest-contentful-paint'] / 1000:.1f} "
                     f"| {run['total-blocking-time']:.0f} | {run['cumulative-layout-shift']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        if len(sys.argv) > 1:
            site, pages = Path(sys.argv[1]), tuple(sys.argv[2:]) or PAGES
        else:
            site, pages = Path(work) / "site", PAGES
            subprocess.run([str(ROOT / ".venv/bin/mkdocs"), "build", "--strict", "--quiet", "-d", str(site)],
                           cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        print("## Lighthouse, mobile (simulated slow 4G, CPU 4× slower), median of "
              f"{RUNS} runs\n\n{table(measure(site, pages))}")


if __name__ == "__main__":
    main()
