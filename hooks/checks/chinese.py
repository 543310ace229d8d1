"""Chinese copy: spaces between CJK and Latin letters or digits, full-width punctuation (autocorrect).

Checks every Chinese page under docs/ and every `zh:` text in the catalog.
"""

from __future__ import annotations

import sys

import yaml


def options(cli):
    """No options: every Chinese page and every `zh:` text is checked."""
    return cli


def zh_strings(node, path=""):
    """Every `zh:` text in a data tree, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "zh" and isinstance(value, str):
                yield f"{path}.zh", value
            else:
                yield from zh_strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from zh_strings(value, f"{path}[{index}]")


def page_problems(path, autocorrect) -> list[str]:
    """autocorrect's findings in one Chinese Markdown page, as line:column: old → new."""
    result = autocorrect.lint_for(path.read_text(encoding="utf-8"), path.name)
    return [f"{line.line}:{line.col}: {line.old!r} → {line.new!r}" for line in result.lines]


def data_problems(path, autocorrect) -> list[str]:
    """autocorrect's findings in the `zh:` texts of one data file."""
    try:
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return []  # unreadable: `scripts/check data` reports where and why
    return [f"{where}: {text!r} → {autocorrect.format(text)!r}"
            for where, text in zh_strings(tree) if autocorrect.format(text) != text]


def run(root, options) -> int:
    """Lint docs/**/*.zh.md and data/**/*.yaml; fail on any finding."""
    try:
        import autocorrect_py as autocorrect
    except ImportError:
        print("chinese: autocorrect-py is missing — run `scripts/setup --dev`", file=sys.stderr)
        return 1
    found = []
    for path in sorted((root / "docs").rglob("*.zh.md")):
        found += [f"{path.relative_to(root).as_posix()}:{problem}" for problem in page_problems(path, autocorrect)]
    for path in sorted((root / "data").rglob("*.yaml")):
        found += [f"{path.relative_to(root).as_posix()}: {problem}" for problem in data_problems(path, autocorrect)]
    for line in found:
        print(line, file=sys.stderr)
    print(f"chinese: {len(found)} problem(s)" if found else "chinese: Chinese copy follows the conventions")
    return 1 if found else 0
