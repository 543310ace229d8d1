"""The comparison as a plain Markdown table, for llms-full.txt: no script runs there, and the page's
HTML would only be noise to a reader of text. Same columns, lines and order as the page."""

from __future__ import annotations

from catalog.entities import Catalog, Model, Provider

from .comparison_columns import COLUMNS, NUMERIC, Column, heading
from .comparison_data import ordered_rows
from .models import model_anchor
from .served import page_link
from .text import inline


def markdown_line(line: str) -> str:
    """One line of a cell: its text, and its note (after a tab) in <small>."""
    text, _, note = line.partition("\t")
    return inline(text) + (f" <small>{inline(note)}</small>" if note else "")


def markdown_cell(catalog: Catalog, column: Column, provider: Provider, model: Model, lang: str) -> str:
    """A cell's lines joined by <br>; the provider and the model id link to the provider page."""
    lines = column.lines(catalog, provider, model, lang)
    page = f"/providers/{provider.id}.md"
    if column.cell == "provider":
        lines[0] = f"[{inline(lines[0])}]({page})"
    elif column.cell == "model":
        lines[0] = (f"[<code>{inline(lines[0])}</code>]({page}#{model_anchor(provider, model)})"
                    + page_link(catalog, model, lang, "../"))  # the comparison is at compare/
    else:
        lines[0] = markdown_line(lines[0])
    return "<br>".join([lines[0], *(markdown_line(line) for line in lines[1:])]).strip()


def render_comparison_markdown(catalog: Catalog, lang: str) -> str:
    header = "| " + " | ".join(inline(heading(catalog, column, lang)) for column in COLUMNS) + " |"
    align = "| " + " | ".join("--:" if column.sort in NUMERIC else "---" for column in COLUMNS) + " |"
    rows = ["| " + " | ".join(markdown_cell(catalog, column, provider, model, lang) for column in COLUMNS) + " |"
            for provider, model in ordered_rows(catalog, lang)]
    return "\n".join([inline(catalog.label("cmp_caption", lang)), "", header, align, *rows])
