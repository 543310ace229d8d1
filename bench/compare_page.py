"""The comparison page as a phone meets it: headless Chromium at 375 × 740 with the CPU slowed 4×.

For each page it reports the bytes of a first visit (gzipped, search index excluded: it loads only when
the reader turns to search), the DOM elements once the table is ready, the time from navigation until a
click on a sort button has taken effect on screen (the click is made as soon as the button exists), and
the click-to-paint time of a sort (by context window, and by model id) and of a filter (ticking
"vision"), each the median of several clicks. Times are milliseconds.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import weight

VIEWPORT = {"width": 375, "height": 740}
CPU_SLOWDOWN = 4
REPEAT = 5

# In the page before any of its scripts: the moment the table has its data and shows the clicked sort,
# taken after the frame that paints it.
WATCH_FIRST_SORT = """
new MutationObserver((changes, observer) => {
  const table = document.getElementById("cmp-table");
  if (!table || !table.hasAttribute("data-ready") || !table.querySelector("th[aria-sort]")) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => { window.__firstSortPainted = performance.now(); }, 0));
}).observe(document, {subtree: true, childList: true, attributes: true});
"""

# Click-to-paint in the page: the click's handlers, then the next frame (style, layout, paint).
CLICK_TO_PAINT = """async ([selector, repeat]) => {
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const target = document.querySelector(selector);
    const start = performance.now();
    target.click();
    await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
    times.push(performance.now() - start);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return times;
}"""


def click_to_paint(page, selector: str) -> float:
    return statistics.median(page.evaluate(CLICK_TO_PAINT, [selector, REPEAT]))


def measure_page(browser, base: str, path: str) -> dict:
    """One first visit to `path` on a slowed phone, and the clicks after it."""
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(WATCH_FIRST_SORT)
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    responses = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(base + path, wait_until="commit")
        page.locator('button.cmp-sort[data-sort="context"]').click(timeout=60_000)
        page.wait_for_function("() => window.__firstSortPainted", timeout=60_000)
        first_sort = page.evaluate("window.__firstSortPainted")
        page.wait_for_load_state("networkidle")
        elements = page.evaluate("document.getElementsByTagName('*').length")
        sort = click_to_paint(page, 'button.cmp-sort[data-sort="context"]')
        text_sort = click_to_paint(page, 'button.cmp-sort[data-sort="model"]')
        filtering = click_to_paint(page, "#cmp-cap-vision")
        raw, packed = 0, 0
        for response in responses:
            if response.url.startswith(base) and not response.url.endswith("search_index.json"):
                body = response.body()
                raw, packed = raw + len(body), packed + weight.gzipped(body)
    finally:
        context.close()
    return {"bytes": raw, "gzipped": packed, "dom_elements": elements, "first_sort_ms": first_sort,
            "sort_paint_ms": sort, "text_sort_paint_ms": text_sort, "filter_paint_ms": filtering}


def measure(site: Path, paths=("compare/", "zh/compare/")) -> dict:
    """The comparison page of a built site, in each language."""
    from playwright.sync_api import sync_playwright

    server = weight.serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=weight.CHROMIUM_ARGS)
            try:
                return {path: measure_page(browser, base, path) for path in paths}
            finally:
                browser.close()
    finally:
        server.shutdown()


def table(rows: list[tuple[str, str, dict]]) -> str:
    """Markdown rows: catalog, page, then the figures."""
    lines = ["| catalog | page | gzipped (KB) | DOM elements | first sort (ms) | sort paint (ms) "
             "| text sort paint (ms) | filter paint (ms) |", "|---|---|---:|---:|---:|---:|---:|---:|"]
    for catalog, path, figures in rows:
        lines.append(f"| {catalog} | /{path} | {figures['gzipped'] / 1024:.0f} | {figures['dom_elements']} "
                     f"| {figures['first_sort_ms']:.0f} | {figures['sort_paint_ms']:.0f} "
                     f"| {figures['text_sort_paint_ms']:.0f} | {figures['filter_paint_ms']:.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":  # measure an already built site: python bench/compare_page.py SITE_DIR
    import json
    import sys

    print(json.dumps(measure(Path(sys.argv[1])), indent=2))
