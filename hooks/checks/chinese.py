"""Chinese copy: spaces between CJK and Latin letters or digits, full-width punctuation (autocorrect),
no space after Chinese punctuation, the glossary's terms, and "the table below" only above a table.

Checks every Chinese page under docs/ and every `zh:` text in the catalog; with `--site DIR`, the
built site's pages as readers get them (checks/site_copy.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import yaml

from . import copyrules


def options(cli):
    """`--site DIR`: also check a built site (the output of `mkdocs build`)."""
    cli.add_argument("--site", type=Path, help="a built site to check as well (HTML, both languages)")
    return cli


def zh_strings(node, path=""):
    """Every `zh:` text in a data tree, with where it is."""
    yield from (item for item in texts(node, path) if item[0].endswith(".zh"))


def texts(node, path=""):
    """Every localized text (`en:` or `zh:`) in a data tree, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("en", "zh") and isinstance(value, str):
                yield f"{path}.{key}", value
            else:
                yield from texts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, f"{path}[{index}]")


def glossary(root: Path) -> list:
    """The glossary's terms with the words each one rejects (read directly: this check builds nothing)."""
    try:
        terms = yaml.safe_load((root / "data" / "glossary.yaml").read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return []  # `scripts/check data` reports where and why
    return [SimpleNamespace(en=term.get("en", ""), zh=term.get("zh", ""), avoid=tuple(term.get("avoid", ())),
                            keep=tuple(term.get("keep", ()))) for term in terms if isinstance(term, dict)]


def page_problems(path, autocorrect, terms=()) -> list[str]:
    """Findings in one Chinese Markdown page, as line:column: what is wrong."""
    text = path.read_text(encoding="utf-8")
    found = [f"{line.line}:{line.col}: {line.old!r} → {line.new!r}"
             for line in autocorrect.lint_for(text, path.name).lines]
    for number, line in enumerate(text.splitlines(), start=1):
        found += [f"{number}:1: {problem}" for problem in copyrules.spacing_problems(line)
                  + copyrules.term_problems(line, terms) + copyrules.page_link_problems(line)]
    return found


def _direction(where: str, text: str) -> list[str]:
    """A provider text pointing at the model table from the wrong side of it."""
    field = where.split(".")[1].split("[")[0] if where.count(".") >= 2 else ""
    field = "live_models_note" if where.startswith(".cline.live_models_note") else field
    lang = where.rsplit(".", 1)[1]
    if field in copyrules.AFTER_MODEL_TABLE:
        return copyrules.direction_problems(text, lang, table_before=True, table_after=False)
    if field in copyrules.BEFORE_MODEL_TABLE:
        return copyrules.direction_problems(text, lang, table_before=False, table_after=True)
    return []


def data_problems(path, autocorrect, terms=()) -> list[str]:
    """Findings in the localized texts of one data file."""
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return []  # unreadable: `scripts/check data` reports where and why
    provider = path.parent.name == "providers"
    terms = () if path.name == "glossary.yaml" else terms  # it names the avoided words on purpose
    found = []
    for where, text in texts(tree):
        problems = _direction(where, text) if provider else []
        if where.endswith(".zh"):
            if autocorrect.format(text) != text:
                problems.append(f"{text!r} → {autocorrect.format(text)!r}")
            problems += copyrules.spacing_problems(text) + copyrules.term_problems(text, terms)
        found += [f"{where}: {problem}" for problem in problems]
    if path.name != "glossary.yaml":  # its Chinese column is a term, not a sentence
        found += [f"{where}: {problem}" for where, text_en, text_zh in pairs(tree)
                  for problem in copyrules.label_problems(text_en, text_zh)]
    return found + (_link_problems(tree) if provider else [])


def pairs(node, path=""):
    """Every localized text as (where, English, Chinese)."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str) and isinstance(node.get("zh"), str):
            yield path, node["en"], node["zh"]
        for key, value in node.items():
            yield from pairs(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from pairs(value, f"{path}[{index}]")


def _link_problems(tree) -> list[str]:
    """How each further-reading link marks the language of the page it leads to."""
    found = []
    for index, link in enumerate(tree.get("links") or [] if isinstance(tree, dict) else []):
        title = link.get("title") if isinstance(link, dict) else None
        if isinstance(title, dict) and isinstance(title.get("en"), str) and isinstance(title.get("zh"), str):
            found += [f".links[{index}].title: {problem}" for problem in
                      copyrules.link_title_problems(title["en"], title["zh"], bool(link.get("url_zh")))]
    return found


def source_problems(root: Path, autocorrect, terms) -> list[str]:
    """Findings in docs/**/*.zh.md (path:line:column) and data/**/*.yaml (path: field)."""
    found = []
    for path in sorted((root / "docs").rglob("*.zh.md")):
        where = path.relative_to(root).as_posix()
        found += [f"{where}:{problem}" for problem in page_problems(path, autocorrect, terms)]
    for path in sorted((root / "data").rglob("*.yaml")):
        where = path.relative_to(root).as_posix()
        found += [f"{where}: {problem}" for problem in data_problems(path, autocorrect, terms)]
    return found


def run(root, options) -> int:
    """Lint docs/**/*.zh.md and data/**/*.yaml (and a built site with --site); fail on any finding."""
    try:
        import autocorrect_py as autocorrect
    except ImportError:
        print("chinese: autocorrect-py is missing — run `scripts/setup --dev`", file=sys.stderr)
        return 1
    terms = glossary(root)
    found = source_problems(root, autocorrect, terms)
    if getattr(options, "site", None):
        from . import site_copy
        found += site_copy.site_problems(options.site, terms)
    for line in found:
        print(line, file=sys.stderr)
    print(f"chinese: {len(found)} problem(s)" if found else "chinese: Chinese copy follows the conventions")
    return 1 if found else 0
