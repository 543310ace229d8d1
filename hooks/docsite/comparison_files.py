"""The comparison page's files: its models.json (one per language, beside the page) and its script,
minified with rjsmin once every language is built. Nothing is written into docs/.

The script is one file in the site: the task-cost formula (docs/javascripts/taskcost.js, a file of its
own so that tests can run it in Node) goes in front of compare.js, so a phone makes one request, not two."""

from __future__ import annotations

from pathlib import Path

import rjsmin

from catalog.entities import Catalog
from render import comparison, comparison_data
from render.memo import per_catalog

SCRIPT = "javascripts/compare.js"  # copied from docs/ by MkDocs, then replaced by the minified bundle
BUNDLED = ("javascripts/taskcost.js",)  # put in front of it, in this order, and not served on their own


def fill_page(output: str, page, catalog: Catalog, lang: str) -> str:
    """The comparison page with its table in place, its JSON written beside it; other pages unchanged."""
    if comparison.SLOT not in output:
        return output
    data, table = rendered(catalog, lang)
    target = Path(page.file.abs_dest_path).parent / comparison.DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(data, encoding="utf-8")
    return output.replace(comparison.SLOT, table, 1)


@per_catalog
def rendered(catalog: Catalog, lang: str) -> tuple[str, str]:
    """The comparison's models.json and its table's HTML in one language, from the same records."""
    every = comparison_data.records(catalog, lang)
    return comparison_data.render_json(catalog, every, lang), comparison.render_comparison(catalog, every, lang)


def minify_script(site_dir: Path, docs_dir: Path) -> None:
    """Replace the site's copy of the comparison script by the minified bundle (the sources stay readable).
    Every part is read from docs/: a `--dirty` rebuild leaves the site's copy alone when docs/ has nothing
    newer, and that copy is already the bundle."""
    path = site_dir / SCRIPT
    if not path.is_file():
        return
    texts = [(docs_dir / name).read_text(encoding="utf-8") for name in (*BUNDLED, SCRIPT)]
    path.write_text(rjsmin.jsmin("\n".join(texts)), encoding="utf-8")
    for name in BUNDLED:
        (site_dir / name).unlink(missing_ok=True)
