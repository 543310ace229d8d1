"""What a reader does on the site, as Playwright steps; shared by the tests and the mutation checks."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from . import harness


def path_of(page_or_url) -> str:
    """The site path of a page or URL without query or fragment, e.g. 'zh/providers/groq/'.

    The harness serves every site at the root of its own port, so the path is the site path."""
    url = page_or_url if isinstance(page_or_url, str) else page_or_url.url
    return urlsplit(url).path.removeprefix("/")


def translations(page) -> dict:
    return json.loads(page.locator("#__config").text_content())["translations"]


# Language ------------------------------------------------------------------------------------------

def switch_language(page, lang: str) -> None:
    """Open the header's language menu and pick `lang`, as a reader does with the mouse."""
    menu = page.locator(".md-header .md-select")
    assert menu.count(), f"no language menu on {page.url}"
    menu.first.hover()
    link = page.locator(f'.md-header a.md-select__link[hreflang="{lang}"]')
    assert link.count() == 1, f"the language menu on {page.url} offers no {lang}"
    link.click()
    page.wait_for_load_state("load")


def assert_on(page, path: str, lang: str) -> None:
    assert path_of(page) == path, f"expected /{path}, the reader is on {page.url}"
    assert page.locator("html").get_attribute("lang") == lang, f"{page.url} is not in {lang}"


# Search --------------------------------------------------------------------------------------------

def search(page, query: str, everything: bool = False) -> list[dict]:
    """Put `query` into the search box like a reader; the results, best first, one per page.

    Each result is {"path": "zh/providers/groq/", "title": ...}. Material reads the box on keyup only,
    and Playwright's type()/fill() of Chinese sends no key event, so End is pressed after filling the
    box (a real IME commit sends one). Filling rather than typing key by key also means one search
    runs, for the whole query: typed ASCII would search every prefix ("l", "ll", ...) on the way.
    Material shows the first ten results and more as the reader scrolls: `everything` scrolls to the end.
    """
    placeholder = translations(page)["search.result.placeholder"]
    # Material shows its search once its script has run: as a page loads, but on the comparison page
    # only after the reader's first tap or key or a quiet moment (overrides/main.html).
    page.wait_for_selector("html.js", state="attached")
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # phone layout: the box hides behind the magnifier button
        page.locator('.md-header__button[for="__search"]').click()
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    meta = page.locator(".md-search-result__meta")
    # Ready when the worker has loaded the index: the meta line changes to the placeholder.
    page.wait_for_function("([el, text]) => el.textContent.trim() === text", arg=[meta.element_handle(), placeholder])
    box.fill(query)
    box.press("End")
    page.wait_for_function("([el, text]) => el.textContent.trim() !== text", arg=[meta.element_handle(), placeholder])
    found = re.search(r"\d+", meta.inner_text())
    total = int(found.group()) if found else 0
    items = page.locator(".md-search-result__list > .md-search-result__item")
    page.wait_for_function("n => document.querySelectorAll('.md-search-result__list > li').length >= n",
                           arg=min(total, 10))
    scroller = page.locator(".md-search__scrollwrap")
    stalled = 0
    while everything and items.count() < total and stalled < 3:
        shown = items.count()
        # Material renders the next results when the list is scrolled near its end: scroll back a
        # little, then to the end, in two frames so that each is a scroll event of its own.
        scroller.evaluate("""async list => {
            const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
            list.scrollTop = Math.max(0, list.scrollHeight - list.clientHeight - 200); await frame();
            list.scrollTop = list.scrollHeight; await frame();
        }""")
        try:
            page.wait_for_function("n => document.querySelectorAll('.md-search-result__list > li').length > n",
                                   arg=shown, timeout=3000)
            stalled = 0
        except Exception:  # noqa: BLE001 - try again; after three tries report what the reader can see
            stalled += 1
    hits = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        """items => items.map(item => ({
             url: item.querySelector("a").href,
             title: (item.querySelector("h1, h2") || item.querySelector("a"))
               .textContent.replace(/\\u200b/g, "").trim(),
           }))""",
    )
    return [{"path": path_of(hit["url"]), "title": hit["title"]} for hit in hits]


# Layout --------------------------------------------------------------------------------------------

OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  window.scrollTo(10000, window.scrollY);
  const scrolledBy = window.scrollX;
  window.scrollTo(0, window.scrollY);
  // Elements may overflow inside their own scroll container (tables, code blocks): that scrolls the
  // table, not the page. Anything else sticking out past the right edge is what a reader scrolls to.
  const scrolls = el => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow === "auto" || overflow === "scroll") return true;
    }
    return false;
  };
  const offenders = [];
  for (const el of document.querySelectorAll(".md-main *, .md-header *, .md-footer *")) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === "hidden") continue;
    if (box.right > width + 1 && !scrolls(el))
      offenders.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(box.right)}`);
  }
  return {width, scrollWidth: document.documentElement.scrollWidth, scrolledBy, offenders: offenders.slice(0, 10)};
}"""


def horizontal_overflow(page) -> dict:
    return page.evaluate(OVERFLOW_SCRIPT)


# Colour scheme -------------------------------------------------------------------------------------

def color_scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def toggle_palette(page) -> None:
    """Click the palette button the reader sees (Material shows the one for the next palette)."""
    page.locator('form[data-md-component="palette"] label.md-header__button:visible').click()


# Accessibility -------------------------------------------------------------------------------------

def axe_violations(page, impacts=("serious", "critical")) -> list[str]:
    """axe-core (from npm, node_modules/) run in the page; violations of the given impacts."""
    assert harness.AXE.is_file(), f"{harness.AXE} is missing: run npm ci"
    page.add_script_tag(path=str(harness.AXE))
    violations = page.evaluate("""async () => {
      const result = await axe.run(document, {resultTypes: ["violations"]});
      return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}));
    }""")
    return [f"{v['impact']} {v['id']}: {v['help']} — {', '.join(v['nodes'])}"
            for v in violations if v["impact"] in impacts]
