"""The sidebar at scale: beyond PRUNE_ABOVE providers a page's navigation holds only its open group
(Material's navigation.prune), so a 500-provider site does not put every provider on every page;
the real catalog keeps groups that open in place."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, mkdocs_build

MAKE = """
import sys
from pathlib import Path
sys.path.insert(0, "bench")
import synthetic
synthetic.make_project(Path(sys.argv[1]), int(sys.argv[2]), 1)
"""


def test_a_large_catalog_prunes_the_sidebar(tmp_path):
    sys.path.insert(0, str(ROOT / "hooks"))
    from docsite.navigation import PRUNE_ABOVE

    project = tmp_path / "project"
    subprocess.run([sys.executable, "-c", MAKE, str(project), str(PRUNE_ABOVE + 1)], cwd=ROOT, check=True, timeout=300)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    compare = (tmp_path / "site/compare/index.html").read_text(encoding="utf-8")
    own = (tmp_path / "site/providers/provider-5/index.html").read_text(encoding="utf-8")
    # The comparison's sidebar has the providers' group as one link; a provider's page has its group open.
    assert "md-nav__item--pruned" in compare and compare.count("md-nav__link") < 20
    assert own.count("md-nav__link") > PRUNE_ABOVE


def test_the_real_catalog_keeps_every_provider_in_the_sidebar(site):
    compare = (site / "compare/index.html").read_text(encoding="utf-8")
    assert "md-nav__item--pruned" not in compare
    assert compare.count("md-nav__link") > 41
