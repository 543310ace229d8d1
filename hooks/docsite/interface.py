"""Interface text that Markdown extensions and our theme partials write, in each build's language.

Material translates its own strings from `theme.language`; the heading anchors' tooltip (an option
of the `toc` extension) and the footer's generator line are ours to translate, from the labels.
"""

from __future__ import annotations

from catalog.entities import Catalog
from render.text import fill

MATERIAL = ('<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">'
            'Material for MkDocs</a>')


def localize(config, catalog: Catalog, lang: str, languages: list[str]) -> None:
    """Set this build's permalink tooltip, and give templates every language's interface labels.

    The toc extension reads `permalink_title` when a page is converted, after this runs for the
    build; the root 404 page needs the other languages' labels too (overrides/404.html).
    """
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = catalog.label("permalink_title", lang)
    config.extra["interface"] = {code: {"made_with": fill(catalog.label("made_with", code), {"tool": MATERIAL}),
                                        "permalink_title": catalog.label("permalink_title", code)}
                                 for code in languages}
