"""The model comparison page, for `<!-- catalog:comparison -->`: a form, a table and its first page of rows.

Every model is in compare/models.json (comparison_data.py); the page's script fetches it and keeps in
the page only the rows the reader asked to see, a page at a time. The first page is rendered here
from the same records and lines as the script's rows, so the page answers without the script too,
with links to every provider's full table.

The marker leaves only a slot in the Markdown; `fill_slot` puts the table into the built page (the
`on_post_page` hook), after Markdown conversion and search indexing, which have no use for it.
"""

from __future__ import annotations

from pymdownx.slugs import slugify

from catalog.entities import Catalog
from catalog.specs import CURRENCIES, PLANS

from .comparison_columns import COLUMNS, NUMERIC, Column, heading
from .comparison_data import Record, records
from .comparison_choices import render_picked
from .comparison_form import render_empty, render_filter_form
from .text import attr, fill, html_text, inline, plain

# The table lives on docs/compare.md (provider pages link to compare/), so with directory URLs a provider
# page is one level up from it, in the same language. MkDocs never sees these links: tests follow them.
PROVIDER_PAGE = "../providers/{id}/"
DATA_FILE = "models.json"  # beside the page, one per language (written by docsite/comparison_files.py)
PAGE_SIZE = 30  # rows per page: the first is rendered here, the script adds more on request
SLOT = '<div class="cmp-slot"></div>'
_SLUG = slugify(case="lower")


def html_line(line: str) -> str:
    """One line of a cell as HTML: its text, and its note (after a tab) in <small>."""
    text, _, note = line.partition("\t")
    return html_text(text) + (f"{' ' if text else ''}<small>{html_text(note)}</small>" if note else "")


def first_line(catalog: Catalog, column: Column, entry: Record, line: str, lang: str) -> str:
    """The provider and the model id link to the provider page; the id has a copy button."""
    provider = catalog.providers[entry.provider]
    page = PROVIDER_PAGE.format(id=provider.id)
    if column.cell == "provider":
        return f'<a href="{page}">{html_text(line)}</a>'
    if column.cell == "model":
        copy = plain(catalog.label("copy_id", lang))
        return (f'<a href="{page}#model-{entry.anchor}"><code>{html_text(line)}</code></a>'
                f'<button class="md-clipboard md-icon copy-id" type="button" data-clipboard-text="{attr(line)}" '
                f'title="{attr(copy)}" aria-label="{attr(copy)}: {attr(line)}"></button>'
                + model_page_link(catalog, entry, lang) + pick_box(catalog, entry, lang))
    return html_line(line)


def model_page_link(catalog: Catalog, entry: Record, lang: str) -> str:
    """A small link to the model's own page (every provider that serves it), where it has one."""
    if not entry.page:
        return ""
    slug, count = entry.page
    text = plain(catalog.label("mp_row_link", lang)).format(count=count)
    return f' <small class="model-page-link"><a href="../models/{slug}/">{html_text(text)}</a></small>'


def pick_box(catalog: Catalog, entry: Record, lang: str) -> str:
    """A tick that picks the row's model for the side-by-side view (shown only once the script runs)."""
    name = plain(catalog.label("cmp_pick_label", lang)).format(model=entry.model)
    return (f' <label class="cmp-pick"><input type="checkbox" value="{attr(entry.served_slug)}" '
            f'aria-label="{attr(name)}"> {html_text(plain(catalog.label("cmp_pick", lang)))}</label>')


def price_source_links(catalog: Catalog, entry: Record, lang: str) -> str:
    """Each price block taken from another page, named as provider tables name it: "CNY prices: <page>"."""
    before, _, after = plain(catalog.label("row_price_source", lang)).partition("{source}")
    return "".join(f'<br><small>{html_text(before.format(currency=currency))}<a href="{attr(url)}">'
                   f'{html_text(title)}</a>{html_text(after.format(currency=currency))}</small>'
                   for currency, url, title in entry.price_sources or ())


def checked_link(catalog: Catalog, entry: Record, lang: str) -> str:
    """A small "checked <date>" linked to where the row's numbers come from."""
    text = plain(catalog.label("cmp_checked", lang)).format(date=entry.verified)
    label = plain(catalog.label("cmp_source_label", lang)).format(model=entry.model, date=entry.verified)
    return f'<br><small><a href="{attr(entry.source)}" aria-label="{attr(label)}">{html_text(text)}</a></small>'


def render_row(catalog: Catalog, entry: Record, lang: str) -> str:
    """One row, as the script renders it too (tests compare the two)."""
    cells = []
    for column, lines in zip(COLUMNS, entry.cells):
        first, *rest = lines.split("\n")
        html = "<br>".join([first_line(catalog, column, entry, first, lang), *map(html_line, rest)])
        if column.cell == "status":
            html += checked_link(catalog, entry, lang) + price_source_links(catalog, entry, lang)
        numeric = ' class="cmp-num"' if column.sort in NUMERIC else ""
        cells.append(f'<td{numeric} data-label="{attr(heading(catalog, column, lang))}">{html}</td>')
    return f'<tr id="cmp-{entry.anchor}">{"".join(cells)}</tr>'


def heading_html(catalog: Catalog, column: Column, lang: str) -> str:
    """A heading; the cost column's profile name is an element of its own, which the script renames."""
    if column.key != "task-cost":
        return inline(catalog.label(column.label, lang))
    name = f'<span class="cmp-task-name">{inline(catalog.default_profile.name(lang))}</span>'
    return fill(catalog.label(column.label, lang), {"profile": name})


def render_header(catalog: Catalog, lang: str) -> str:
    """Column headings; the script turns each into a sort button, so without it they stay plain text."""
    cells = []
    for column in COLUMNS:
        numeric = ' class="cmp-num"' if column.sort in NUMERIC else ""
        cells.append(f'<th scope="col"{numeric} data-sort="{column.key}" data-type="{column.sort}" '
                     f'data-cell="{column.cell}">{heading_html(catalog, column, lang)}</th>')
    return f'<thead><tr>{"".join(cells)}</tr></thead>'


def script_labels(catalog: Catalog, lang: str) -> str:
    """The words the script writes, as attributes of the table: the script holds no language."""
    labels = {"more": "cmp_more", "checked": "cmp_checked", "source-label": "cmp_source_label", "copy": "copy_id",
              "model-page": "mp_row_link", "price-source": "row_price_source", "pick": "cmp_pick",
              "pick-label": "cmp_pick_label", "too-large": "task_too_large", "long-context": "task_long_context",
              "custom": "cmp_task_custom", **{f"plan-{plan}": f"plan_{plan}" for plan in PLANS}}
    return " ".join(f'data-{name}="{attr(plain(catalog.label(key, lang)))}"' for name, key in labels.items())


def render_table(catalog: Catalog, first_page: list[Record], lang: str) -> str:
    region = attr(catalog.label("cmp_table_region", lang))
    rows = "\n".join(render_row(catalog, entry, lang) for entry in first_page)
    return "\n".join([
        f'<div class="cmp-scroll" tabindex="0" role="region" aria-label="{region}">',
        f'<table id="cmp-table" class="cmp-table" aria-describedby="cmp-caption" data-src="{DATA_FILE}" '
        f'data-page-size="{PAGE_SIZE}" data-currencies="{" ".join(CURRENCIES)}" {script_labels(catalog, lang)}>',
        render_header(catalog, lang), f"<tbody>\n{rows}\n</tbody>", "</table>", "</div>"])


def render_pager(catalog: Catalog, lang: str) -> tuple[str, str]:
    """Buttons before and after the table that bring earlier or further rows (shown by the script)."""
    earlier = (f'<p class="cmp-pager"><button type="button" id="cmp-earlier" class="cmp-button" hidden>'
               f'{inline(catalog.label("cmp_earlier", lang))}</button></p>')
    more = '<p class="cmp-pager"><button type="button" id="cmp-more" class="cmp-button" hidden></button></p>'
    return earlier, more


def render_provider_links(catalog: Catalog, total: int, lang: str) -> str:
    """For readers without the script: what they see, and every provider's own table of models."""
    models_heading = _SLUG(catalog.label("h_models", lang), "-")
    links = " · ".join(f'<a href="{PROVIDER_PAGE.format(id=provider.id)}#{attr(models_heading)}">'
                       f"{inline(provider.title(lang))}</a>" for provider in catalog.providers if provider.models)
    note = fill(catalog.label("cmp_first_page", lang), {"shown": str(min(PAGE_SIZE, total)), "total": str(total)})
    return f'<noscript><p class="cmp-nojs">{note}</p><p class="cmp-nojs">{links}</p></noscript>'


def render_comparison(catalog: Catalog, every: list[Record], lang: str) -> str:
    """The filter form, a live count, the first page of the table, pager buttons and the no-script note."""
    caption = f'<p id="cmp-caption" class="cmp-caption">{inline(catalog.label("cmp_caption", lang))}</p>'
    earlier, more = render_pager(catalog, lang)
    # The data starts loading from the page's head (front matter `preload:` of docs/compare.md), not here.
    return "\n\n".join([render_filter_form(catalog, lang), caption, earlier,
                        render_table(catalog, every[:PAGE_SIZE], lang), render_empty(catalog, lang), more,
                        render_picked(catalog, lang), render_provider_links(catalog, len(every), lang)])


def render_slot(catalog: Catalog, lang: str) -> str:
    """What the marker becomes in the Markdown: a placeholder that Markdown passes through untouched."""
    return SLOT


def fill_slot(html: str, catalog: Catalog, lang: str, every: list[Record] | None = None) -> str:
    """A built page with the comparison in place of its slot; pages without one come back unchanged.
    `every` is the records when the caller has them already (it writes them as JSON too)."""
    if SLOT not in html:
        return html
    return html.replace(SLOT, render_comparison(catalog, records(catalog, lang) if every is None else every, lang), 1)
