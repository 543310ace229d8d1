"""The comparison page's files: its models.json (one per language, beside the page) and its script,
minified with rjsmin once every language is built. Nothing is written into docs/."""

from __future__ import annotations

from pathlib import Path

import rjsmin

from catalog.entities import Catalog
from render import comparison, comparison_data

# Copied from docs/ by MkDocs, then replaced by their minified form.
SCRIPTS = ("javascripts/compare.js", "javascripts/taskcost.js")


def fill_page(output: str, page, catalog: Catalog, lang: str) -> str:
    """The comparison page with its table in place, its JSON written beside it; other pages unchanged."""
    if comparison.SLOT not in output:
        return output
    every = comparison_data.records(catalog, lang)
    target = Path(page.file.abs_dest_path).parent / comparison.DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(comparison_data.render_json(catalog, every, lang), encoding="utf-8")
    return comparison.fill_slot(output, catalog, lang, every)


def minify_script(site_dir: Path) -> None:
    """Replace the site's copies of the comparison's scripts by their minified form (the source stays readable)."""
    for script in SCRIPTS:
        path = site_dir / script
        if path.is_file():
            path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")
