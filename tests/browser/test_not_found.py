"""The 404 page speaks the reader's language, served the way GitHub Pages serves it.

The test server answers every missing path with /404.html and status 404, as GitHub Pages does; it
never serves /zh/404.html by itself.
"""

from __future__ import annotations

import pytest

from .reader import assert_on, path_of

pytestmark = pytest.mark.browser

TEXT = {"en": ("404: page not found", "Go to the home page"), "zh": ("404：页面不存在", "返回首页")}
HOME = {"en": "", "zh": "zh/"}
TITLE = {"en": "Cline Provider Guide", "zh": "Cline 服务商指南"}
INTERFACE = {"en": ("Search", "Back to top", "Header", "Made with"), "zh": ("搜索", "回到页面顶部", "页眉", "本站使用")}


def visible_heading(page) -> str:
    return page.locator("article h1:visible").inner_text()


@pytest.mark.parametrize("lang, missing", [("en", "no/such/page/"), ("en", "providers/no-such-provider/"),
                                           ("zh", "zh/no/such/page/"), ("zh", "zh/providers/no-such-provider/")])
def test_missing_page_answers_404_in_the_readers_language(browse, server, lang, missing):
    page = browse()
    page.recorder.expect_missing(server + missing)
    response = page.goto(missing)
    assert response.status == 404
    heading, home_link = TEXT[lang]
    assert page.locator("article h1:visible").count() == 1
    assert visible_heading(page) == heading
    assert page.locator("html").get_attribute("lang") == lang
    assert page.title() == TITLE[lang]
    assert page.locator(".md-header__topic .md-ellipsis").first.inner_text() == TITLE[lang]
    assert (lang == "zh") == ("本站与 Cline 及各服务商均无隶属关系" in page.locator(".md-copyright").inner_text())
    # The theme's interface follows too: search box, "back to top", header label, footer.
    search, top, header, generator = INTERFACE[lang]
    assert page.locator("input.md-search__input").get_attribute("placeholder") == search
    assert page.locator(".md-top").inner_text().strip() == top
    assert page.locator(".md-header__inner").get_attribute("aria-label") == header
    assert generator in page.locator(".md-copyright").inner_text()
    other = TEXT["zh" if lang == "en" else "en"][0]
    assert other not in page.locator("article").inner_text()  # hidden text is not shown
    page.get_by_role("link", name=home_link).click()
    page.wait_for_load_state("load")
    assert_on(page, HOME[lang], lang)


def test_chinese_404_page_of_the_chinese_build(browse):
    """Hosts that serve a 404.html per folder use /zh/404.html; its language menu leads home."""
    page = browse("zh/404.html")
    assert visible_heading(page) == TEXT["zh"][0]
    assert page.locator("html").get_attribute("lang") == "zh"
    links = page.locator(".md-header a.md-select__link")
    assert {links.nth(i).get_attribute("hreflang"): path_of(links.nth(i).evaluate("a => a.href"))
            for i in range(links.count())} == {"en": "", "zh": "zh/"}
