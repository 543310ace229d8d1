"""Chinese copywriting conventions (spaces between CJK and Latin letters or digits, full-width
punctuation), checked with autocorrect on every Chinese page and every Chinese string in the catalog."""

from __future__ import annotations

from pathlib import Path

import autocorrect_py
import pytest

from checks.chinese import data_problems, page_problems
from conftest import ROOT

ZH_PAGES = sorted((ROOT / "docs").rglob("*.zh.md"))
DATA_FILES = sorted((ROOT / "data").rglob("*.yaml"))


def test_there_is_chinese_to_check():
    assert len(ZH_PAGES) >= 4 and DATA_FILES


@pytest.mark.parametrize("path", ZH_PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_chinese_page_follows_conventions(path: Path):
    problems = page_problems(path, autocorrect_py)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_chinese_data_text_follows_conventions(path: Path):
    problems = data_problems(path, autocorrect_py)
    assert not problems, "\n".join(problems)


def test_the_linter_catches_a_missing_space(tmp_path):
    assert autocorrect_py.format("使用API密钥") == "使用 API 密钥"
    page = tmp_path / "page.zh.md"
    page.write_text("使用API密钥\n", encoding="utf-8")
    assert page_problems(page, autocorrect_py) == ["1:1: '使用API密钥' → '使用 API 密钥'"]
