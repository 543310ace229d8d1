"""Chinese copywriting conventions (spaces between CJK and Latin letters or digits, full-width
punctuation), checked with autocorrect on every Chinese page and every Chinese string in the catalog."""

from __future__ import annotations

from pathlib import Path

import autocorrect_py
import pytest

import catalog as catalog_module
from checks import site_copy
from checks.chinese import data_problems, glossary, page_problems
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


# The rules autocorrect does not know, in sources and on the built site ------------------------------

TERMS = glossary(ROOT)


def test_the_built_site_follows_the_copy_rules(site):
    """Table references, spacing, list separators, glossary terms and interface text, as readers get them."""
    problems = site_copy.site_problems(site, TERMS)
    assert not problems, "\n".join(problems[:40])


def _page(tmp_path, body: str, lang: str = "zh") -> list[str]:
    page = tmp_path / "index.html"
    page.write_text(f"<html><body><header><nav aria-label='页眉'></nav></header><article>{body}</article>"
                    "<footer>页脚</footer></body></html>", encoding="utf-8")
    return site_copy.page_problems(page, lang, TERMS, site_copy.english_interface())


def test_site_check_knows_which_way_a_table_is(tmp_path):
    table = "<table><tr><td>1</td></tr></table>"
    assert _page(tmp_path, f"<h2>模型</h2><p>价格见下表。</p>{table}") == []
    assert _page(tmp_path, f"<h2>模型</h2>{table}<h2>提示</h2><p>价格取自下表。</p>") == [
        "'下表' points down, but no table follows"]
    assert _page(tmp_path, f"<h2>提示</h2><p>价格取自上表。</p><h2>模型</h2>{table}") == [
        "'上表' points up, but no table comes before"]
    assert _page(tmp_path, f"{table}<h2>Tips</h2><p>Prices come from the table below.</p>", "en") == [
        "'table below' points down, but no table follows"]
    assert _page(tmp_path, "<p>Anything below 100% GPU runs on the CPU.</p>", "en") == []


def test_site_check_catches_spaces_and_latin_lists(tmp_path):
    problems = _page(tmp_path, "<p>支持的模型： <a href='#a'><code>a</code></a>, <a href='#b'><code>b</code></a></p>"
                               "<p><strong>已经付费。</strong> 直接用它。</p><p>即可出现。 此时价格以服务商为准。</p>")
    assert [problem.split(" in ")[0] for problem in problems] == [
        "space after '：'", "list joined with ', '", "space after '。'", "space after '。'"]
    assert _page(tmp_path, "<p>支持的模型：<code>a</code>、<code>b</code></p>"
                           "<p><strong>已经付费。</strong>直接用它。</p>") == []


def test_site_check_enforces_the_glossary_and_chinese_interface(tmp_path):
    problems = _page(tmp_path, "<h2 id='x'>标题<a class='headerlink' href='#x' title='Permanent link'>¶</a></h2>"
                               "<p>费用从你的 Anthropic 账户扣除，AWS 账户除外；它是编码助手。</p>")
    assert "interface text 'Permanent link' is English" in problems
    assert "'账户': the glossary says '账号' (account)" in problems
    assert "'编码助手': the glossary says '编码智能体' (coding agent)" in problems
    assert _page(tmp_path, "<p>费用计入你的 AWS 账户。</p>") == []


def test_source_check_knows_which_fields_follow_the_model_table(tmp_path):
    data = tmp_path / "providers"
    data.mkdir()
    path = data / "x.yaml"
    path.write_text("summary: {en: See the table above., zh: 见上表。}\n"
                    "tips:\n- {en: Prices are in the table below., zh: 价格见下表。}\n"
                    "models:\n- description: {en: Cheaper than the table below says., zh: 比下表所示更便宜。}\n",
                    encoding="utf-8")
    assert data_problems(path, autocorrect_py, TERMS) == [
        ".summary.en: 'table above' points up, but no table comes before",
        ".summary.zh: '上表' points up, but no table comes before",
        ".tips[0].en: 'table below' points down, but no table follows",
        ".tips[0].zh: '下表' points down, but no table follows",
    ]


def test_glossary_records_one_term_per_concept_and_what_it_rules_out():
    chosen = {term.en: (term.zh, term.avoid) for term in TERMS}
    for english, chinese in {"provider": "服务商", "vendor": "厂商", "gateway": "网关", "endpoint": "端点",
                             "max output": "最大输出", "account": "账号", "pull request": "PR",
                             "check (a fact)": "核对",
                             "coding agent": "编码智能体", "deprecated": "已弃用", "inference": "推理",
                             "reasoning model": "推理模型", "reasoning, thinking": "思考"}.items():
        assert chosen[english][0] == chinese, english
    assert "输出上限" in chosen["max output"][1] and "停用" in chosen["retire (a model)"][1]


def test_link_titles_mark_the_language_of_the_page_one_way(tmp_path):
    data = tmp_path / "providers"
    data.mkdir()
    path = data / "x.yaml"
    path.write_text("links:\n"
                    "- {title: {en: Sign-in guide (Cline docs), zh: 登录指南（Cline 文档，英文）}, url: https://a.example/}\n"
                    "- {title: {en: Ark documentation (Chinese), zh: 火山方舟文档}, url: https://b.example/}\n"
                    "- {title: {en: Pricing, zh: 价格（英文）}, url: https://c.example/, url_zh: https://c.example/zh/}\n"
                    "- {title: {en: Nous Portal, zh: Nous Portal}, url: https://d.example/}\n"
                    "- {title: {en: Pricing, zh: 价格（英文）}, url: https://e.example/}\n", encoding="utf-8")
    assert data_problems(path, autocorrect_py, TERMS) == [
        ".links[0].title: '登录指南（Cline 文档，英文）': "
        "mark the page's language as '（英文）' at the end of the title",
        ".links[1].title: 'Ark documentation (Chinese)': "
        "mark the page's language as '(in Chinese)' at the end of the title",
        ".links[2].title: '价格（英文）' links the Chinese edition (url_zh): drop '（英文）'",
        ".links[3].title: 'Nous Portal': the Chinese title is the English one; translate it",
    ]
    page = tmp_path / "page.zh.md"
    page.write_text("详见 [Provider routing](https://openrouter.ai/docs)（英文）。\n"
                    "详见 [服务商路由（英文）](https://openrouter.ai/docs)。\n", encoding="utf-8")
    assert [problem.split(": ", 1)[0] for problem in page_problems(page, autocorrect_py, TERMS)] == ["1:1"]


def test_chinese_pages_link_the_chinese_edition_where_one_exists():
    deepseek = [link for link in catalog_module.load(ROOT / "data", ROOT).provider("deepseek").links]
    assert all(link.url_for("zh").startswith("https://api-docs.deepseek.com/zh-cn/") for link in deepseek)
    assert all("（英文）" not in link.title("zh") and "/zh-cn/" not in link.url_for("en") for link in deepseek)


def test_words_in_quotes_are_mentioned_not_used(tmp_path):
    assert _page(tmp_path, "<h2>写作</h2><p>要写“上表”，不要写“下表”。</p>") == []


def test_both_languages_name_the_same_interface_labels(tmp_path):
    path = tmp_path / "guides.yaml"
    path.write_text("cloud-api:\n  setup_steps:\n"
                    "  - {en: In the API Provider list choose Groq.,\n"
                    "     zh: 在 **API Provider**（API 服务商）列表中选择 Groq。}\n",
                    encoding="utf-8")
    assert data_problems(path, autocorrect_py, TERMS) == [
        ".cloud-api.setup_steps[0]: **API Provider** is bold only in the Chinese text: "
        "name the same interface labels in both"]
