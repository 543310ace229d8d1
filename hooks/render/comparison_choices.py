"""The comparison's choices beyond filters: which task the cost column prices, and which models go to the
side-by-side view (models/?compare=…). HTML for docs/javascripts/compare.js, which keeps both in the address.

The task chooser lists every profile of data/task-profiles.yaml and "custom"; each profile option carries
its counts, so the script prices it with the formula of docs/javascripts/taskcost.js. The custom counts
start at the default profile's, so only counts the reader changed go into the address.
"""

from __future__ import annotations

from catalog.entities import Catalog, TaskProfile

from .text import attr, inline

CUSTOM = "custom"
# The custom count fields: URL parameter, label key, the profile's count, and the bounds a browser checks.
COUNT_FIELDS = (
    ("req", "col_requests", lambda profile: profile.requests, 'min="1"'),
    ("sent", "col_prompt_tokens", lambda profile: profile.prompt_tokens, 'min="1"'),
    ("cached", "cmp_custom_cached", lambda profile: profile.cache_read_percent, 'min="0" max="100"'),
    ("written", "cmp_custom_written", lambda profile: profile.cache_write_tokens, 'min="0"'),
    ("out", "cmp_custom_out", lambda profile: profile.output_tokens, 'min="0"'),
)


def profile_counts(profile: TaskProfile) -> str:
    """A profile's counts in the order of COUNT_FIELDS, for its option's data-counts."""
    return " ".join(str(count(profile)) for _, _, count, _ in COUNT_FIELDS)


def task_select(catalog: Catalog, lang: str) -> str:
    """Every profile, the default chosen, then custom counts."""
    options = [f'<option value="{attr(profile.id)}" data-counts="{profile_counts(profile)}"'
               f'{" selected" if profile is catalog.default_profile else ""}>{inline(profile.name(lang))}</option>'
               for profile in catalog.task_profiles]
    options.append(f'<option value="{CUSTOM}">{inline(catalog.label("cmp_task_custom_option", lang))}</option>')
    return (f'<div class="cmp-field"><label for="cmp-task">{inline(catalog.label("cmp_task", lang))}</label>'
            f'<select id="cmp-task" name="task">{"".join(options)}</select></div>')


def custom_fields(catalog: Catalog, lang: str) -> str:
    """Whole-number counts per request, disabled (and so out of the address) unless custom is chosen."""
    default = catalog.default_profile
    fields = "".join(
        f'<div class="cmp-field"><label for="cmp-{name}">{inline(catalog.label(key, lang))}</label>'
        f'<input type="number" id="cmp-{name}" name="{name}" value="{count(default)}" {bounds} step="1" required '
        f'inputmode="numeric"></div>' for name, key, count, bounds in COUNT_FIELDS)
    error = (f'<p id="cmp-custom-error" class="cmp-custom-error" role="alert" hidden>'
             f'{inline(catalog.label("cmp_custom_invalid", lang))}</p>')
    return (f'<fieldset id="cmp-custom" class="cmp-field cmp-custom" disabled hidden>'
            f'<legend>{inline(catalog.label("cmp_custom", lang))}</legend>{fields}{error}</fieldset>')


def task_fields(catalog: Catalog, lang: str) -> str:
    """The task chooser and its custom counts, as fields of the filter form (so the address keeps them)."""
    return task_select(catalog, lang) + custom_fields(catalog, lang)


def render_picked(catalog: Catalog, lang: str) -> str:
    """The bar that lists the models picked for the side-by-side view and links to it (shown by the script)."""
    template = attr(catalog.label("cmp_picked", lang))
    hint = attr(catalog.label("cmp_pick_hint", lang))
    return (f'<div id="cmp-picked" class="cmp-picked" data-template="{template}" data-hint="{hint}" hidden>'
            f'<p id="cmp-picked-text" role="status"></p>'
            f'<a id="cmp-picked-link" class="cmp-button" href="../models/">'
            f'{inline(catalog.label("cmp_picked_link", lang))}</a> '
            f'<button type="button" id="cmp-picked-clear" class="cmp-button">'
            f'{inline(catalog.label("cmp_picked_clear", lang))}</button></div>')
