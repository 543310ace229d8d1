"""Translations: pages missing a twin fail; Chinese pages older than their English source are listed.

A stale page does not fail the check: an English fix by a contributor who does not write Chinese
should not be blocked, and the page itself tells Chinese readers that the translation may lag
(hooks/docsite/untranslated.py). After updating a translation, `--stamp` records the new hash.
"""

from __future__ import annotations

import sys

from docsite import twins


def options(cli):
    """--stamp records hashes instead of checking."""
    cli.add_argument("--stamp", nargs="+", metavar="PAGE.zh.md", default=[],
                     help="record the English source's current hash in these Chinese pages (paths under docs/)")
    return cli


def _stamp(docs_dir, pages: list[str]) -> int:
    """Record the English source's hash in each named Chinese page."""
    for page in pages:
        chinese = page.removeprefix("docs/")
        english = docs_dir / twins.english_path_of(chinese)
        if not chinese.endswith(f".{twins.TRANSLATION}.md") or not english.is_file():
            print(f"{page}: not a Chinese page with an English source — give a path like docs/index.zh.md",
                  file=sys.stderr)
            return 1
        print(f"docs/{chinese}: source_hash {twins.stamp(docs_dir, chinese)}")
    return 0


def report(docs_dir) -> tuple[list[str], list[str]]:
    """(errors, warnings) about every hand-written page, one line each."""
    errors, warnings = [], []
    for page in twins.pages(docs_dir):
        if page.chinese is None:
            errors.append(f"docs/{page.english}: no Chinese twin — add docs/{twins.chinese_path_of(page.english)}")
        elif page.english is None:
            errors.append(f"docs/{page.chinese}: no English twin — add docs/{twins.english_path_of(page.chinese)}")
        elif twins.recorded_hash((docs_dir / page.chinese).read_text(encoding="utf-8")) is None:
            warnings.append(f"docs/{page.chinese}: no `source_hash` — after checking it matches docs/{page.english}, "
                            f"run `scripts/check translations --stamp docs/{page.chinese}`")
        elif twins.is_stale(docs_dir, page):
            warnings.append(f"docs/{page.chinese}: older than docs/{page.english} — update the translation, then "
                            f"run `scripts/check translations --stamp docs/{page.chinese}`")
    return errors, warnings


def run(root, options) -> int:
    """Print missing twins (errors) and pages to review (warnings); fail on errors only."""
    docs_dir = root / "docs"
    if options.stamp:
        return _stamp(docs_dir, options.stamp)
    errors, warnings = report(docs_dir)
    for line in errors:
        print(f"error: {line}", file=sys.stderr)
    for line in warnings:
        print(f"warning: {line}", file=sys.stderr)
    pages = len(twins.pages(docs_dir))
    print(f"translations: {pages} pages, {len(errors)} missing twin(s), {len(warnings)} to review")
    return 1 if errors else 0
