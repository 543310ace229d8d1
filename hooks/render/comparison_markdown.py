"""The comparison as a plain Markdown table, for llms-full.txt: no script runs there, and the HTML
table's attributes would only be noise to a reader of text. Same columns and order as the page."""

from __future__ import annotations

from catalog.entities import Catalog

from .comparison import COLUMNS, ordered_rows, price_columns, status_cell
from .models import capability_text, model_anchor, vendor_text
from .text import inline, tokens


def render_comparison_markdown(catalog: Catalog, lang: str) -> str:
    header = "| " + " | ".join(inline(catalog.label(label, lang)) for _, label, _ in COLUMNS) + " |"
    align = "| " + " | ".join("--:" if sort in ("number", "price") else "---" for _, _, sort in COLUMNS) + " |"
    rows = []
    for provider, model in ordered_rows(catalog, lang):
        page = f"/providers/{provider.id}.md"
        cells = [f"[{inline(provider.title(lang))}]({page})",
                 f"[<code>{inline(model.id)}</code>]({page}#{model_anchor(provider, model)})",
                 vendor_text(model, lang), tokens(model.context), tokens(model.max_output),
                 *price_columns(catalog, model.price, lang), capability_text(catalog, model, lang),
                 status_cell(catalog, model, lang)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join([inline(catalog.label("cmp_caption", lang)), "", header, align, *rows])
