"""Chinese copywriting conventions (spaces between CJK and Latin letters or digits, full-width
punctuation), checked with autocorrect on every Chinese page and every Chinese string in the catalog."""

from __future__ import annotations

from pathlib import Path

import autocorrect_py
import pytest
import yaml

from checks.chinese import zh_strings
from conftest import ROOT

ZH_PAGES = sorted((ROOT / "docs").rglob("*.zh.md"))
DATA_FILES = sorted((ROOT / "data").rglob("*.yaml"))


def test_there_is_chinese_to_check():
    assert len(ZH_PAGES) >= 4 and DATA_FILES


@pytest.mark.parametrize("path", ZH_PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_chinese_page_follows_conventions(path: Path):
    result = autocorrect_py.lint_for(path.read_text(encoding="utf-8"), path.name)
    problems = [f"{line.line}:{line.col}: {line.old!r} → {line.new!r}" for line in result.lines]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_chinese_data_text_follows_conventions(path: Path):
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = [f"{where}: {text!r} → {autocorrect_py.format(text)!r}"
                for where, text in zh_strings(tree) if autocorrect_py.format(text) != text]
    assert not problems, "\n".join(problems)


def test_the_linter_catches_a_missing_space():
    assert autocorrect_py.format("使用API密钥") == "使用 API 密钥"
