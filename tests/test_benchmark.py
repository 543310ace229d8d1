"""The benchmark's own machinery on a tiny catalog: a synthetic project and its hook-free baseline both build
with --strict, and a hooked build reports the time inside our hooks. (It measures nothing here: a benchmark
that cannot build its baseline reports no ratio at all, which is how a broken baseline went unnoticed.)"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

MAKE = """
import sys
from pathlib import Path
sys.path.insert(0, "bench")
import synthetic
work = Path(sys.argv[1])
project = synthetic.make_project(work / "project", 2, 3)
synthetic.make_baseline(project, work / "baseline")
"""


def run_build(project, site, *options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "bench/run_build.py", str(project), str(site), *options], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_synthetic_project_and_its_baseline_build_strictly(tmp_path):
    subprocess.run([sys.executable, "-c", MAKE, str(tmp_path)], cwd=ROOT, check=True, timeout=300)
    hooked = run_build(tmp_path / "project", tmp_path / "site")
    assert hooked.returncode == 0, hooked.stderr[-3000:]
    figures = json.loads(hooked.stdout.strip().splitlines()[-1])
    assert figures["hooks"] > 0 and figures["parses"] >= 1 and "config" in figures["events"]
    baseline = run_build(tmp_path / "baseline", tmp_path / "baseline-site", "--no-hooks")
    assert baseline.returncode == 0, baseline.stderr[-3000:]
    assert json.loads(baseline.stdout.strip().splitlines()[-1])["hooks"] == 0
    # The baseline is the same pages: every page of the hooked site is there too
    pages = {path.relative_to(tmp_path / "site") for path in (tmp_path / "site").rglob("index.html")}
    assert pages <= {path.relative_to(tmp_path / "baseline-site")
                     for path in (tmp_path / "baseline-site").rglob("index.html")}
