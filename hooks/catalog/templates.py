"""Texts with {placeholders}: which labels the site needs, what each label and setup step receives,
and the one syntax shared by the validator and `render.text.fill`.

A placeholder is a name in braces with nothing else inside (`{name}`); any other brace is plain text,
so `{{ jinja }}` or a lone `{` is shown as written instead of being read as Python's format syntax.
"""

from __future__ import annotations

import re

from .specs import CAPABILITIES, ENDPOINT, PLANS, PROVIDER_KINDS, STATUSES

PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")

# Placeholders a setup guide (or a provider's own steps) may use, and the provider field each one needs.
GUIDE_PLACEHOLDERS = {
    "name": "name",
    "provider": "cline.provider",
    "key_field": "cline.key_field",
    "base_url_field": "cline.base_url_field",
    "model_field": "cline.model_field",
    "api_key_url": "api_key_url",
    "console_url": "console_url",
    "website": "website",
    "base_url": "endpoints",
    "default_model": "cline.default_model",
}

# What each label that is a template receives; every other label receives none.
LABEL_PLACEHOLDERS = {
    "llms_changes": ("page", "feed"), "llms_comparison": ("data",),
    "cmp_deprecated_on": ("date",), "cmp_at_least": ("tokens",), "cmp_count": ("shown", "total"),
    "cmp_total": ("total",), "notice_untranslated": ("original",), "notice_outdated": ("original",),
    "fact_base_url": ("endpoint",), "fact_line": ("label", "value"), "price_above": ("tokens",),
    "price_up_to": ("tokens",), "live_models": ("name", "endpoint"), "models_url": ("url",),
    "verified_on": ("date",), "stats": ("providers", "models"), "cmp_retired_on": ("date",),
    "models_checked_on": ("date",), "source_snapshot": ("date",), "row_checked": ("date",),
    "row_source": ("source", "checked"), "row_price_source": ("currency", "source"),
    "two_sentences": ("first", "second"), "made_with": ("tool",),
    **{f"feature_{capability}": ("models",) for capability in ("prompt_cache", "vision", "reasoning")},
    "cmp_more": ("count",), "cmp_checked": ("date",), "cmp_source_label": ("model", "date"),
    "cmp_first_page": ("shown", "total"), "cmp_pick_label": ("model",), "cmp_picked": ("count", "models"),
    # The change page, its feeds and the retirement radar (render/changes.py, feed.py, radar.py)
    "changes_latest": ("date", "models", "providers"), "changes_feeds": ("feed",), "changes_feed_of": ("provider",),
    "changes_provider_count": ("count",), "changes_entry_title": ("provider", "model", "event"),
    "changes_feed_title": ("site",), "changes_feed_title_provider": ("site", "provider"),
    "radar_intro": ("days", "today"), "radar_upcoming": ("days",), "radar_recent": ("days",),
    "radar_notice_upcoming": ("model", "date"), "radar_notice_recent": ("model", "date"),
    "radar_notice_upcoming_replaced": ("model", "date", "replacement"),
    "radar_notice_recent_replaced": ("model", "date", "replacement"), "radar_notice_more": ("link",),
    "changes_event_dated": ("event", "date"), "changes_tier": ("tier", "input", "output"),
    # Model pages and their index (render/model_pages.py and friends)
    "mp_provider_count": ("count",), "mp_at": ("value", "where"), "mp_compare_text": ("link",), "mp_row_link":
    ("count",), "mp_cmp_pick": ("number",), "mp_description": ("name", "vendor", "count"),
    "mp_history_intro": ("record",), "mp_history_none": ("record",),
    # What a task costs (render/cost.py, cost_text.py and the task-cost page)
    "col_task_cost": ("profile",), "task_cost_note": ("profile", "link"), "example_total": ("request", "requests",
    "total"), "example_model": ("profile", "model", "provider", "currency"), "example_profile_line": ("profile",
    "cost"), "share_tokens": ("percent", "tokens"),
    # scripts/check diff (hooks/checks/diff.py)
    "diff_title": ("base",), "diff_model_added": ("facts",), "diff_model_retired": ("date",),
    "diff_summary": ("models", "providers"),
}

REGIONS = ENDPOINT.fields["region"].values
_KINDS = tuple(kind.replace("-", "_") for kind in PROVIDER_KINDS)
_CAPABILITIES = tuple(capability.replace("-", "_") for capability in CAPABILITIES)

# Every label the generator asks for, by the file under data/labels/ that holds it.
REQUIRED_LABELS = {
    "compare": (
        "cmp_checked", "cmp_earlier", "cmp_first_page", "cmp_source_label",
        "cmp_caption", "cmp_table_region", "cmp_col_model", "cmp_col_cache_write", "cmp_col_status",
        "cmp_deprecated_on", "cmp_retired_on", "cmp_filters", "cmp_search", "cmp_search_hint", "cmp_vendor",
        "cmp_kind",
        "cmp_min_context", "cmp_max_input", "cmp_currency", "cmp_capabilities", "cmp_any", "cmp_at_least",
        "cmp_reset", "cmp_count", "cmp_total", "cmp_empty", "cmp_link", "cmp_link_title",
        "cmp_task", "cmp_task_custom_option", "cmp_task_custom", "cmp_custom", "cmp_custom_cached",
        "cmp_custom_written", "cmp_custom_out", "cmp_custom_invalid", "cmp_pick", "cmp_pick_label", "cmp_picked",
        "cmp_pick_hint", "cmp_picked_link", "cmp_picked_clear",
    ),
    "models": (  # the model pages, their index and the side-by-side view: every label of the file
        "nav_models", "mp_intro", "mp_fact_providers", "mp_provider_count", "mp_at", "mp_h_providers", "mp_h_compare",
        "mp_compare_text", "mp_compare_link", "mp_col_endpoint", "mp_col_status", "mp_col_source", "mp_col_cache",
        "mp_mark_cheapest", "mp_mark_largest", "mp_setup", "mp_row_link", "mp_row_link_title", "mp_index_intro",
        "mp_index_shared", "mp_index_single", "mp_col_model", "mp_col_providers", "mp_cmp_intro", "mp_cmp_pick",
        "mp_cmp_none", "mp_cmp_fact", "mp_cmp_output", "mp_cmp_lowest_output", "mp_cmp_empty", "mp_description",
        "mp_index_description", "mp_h_history", "mp_history_intro", "mp_history_none",
    ),
    "taskcost": (  # what a task costs: every label of the file
        "col_task_cost", "task_too_large", "task_cost_note", "task_cost_page", "task_long_context", "col_profile",
        "col_requests", "col_prompt_tokens", "col_cache_read_share", "col_cache_write_tokens", "col_output_tokens",
        "col_basis", "col_bucket", "col_tokens", "col_rate", "col_amount", "bucket_fresh", "bucket_cache_read",
        "bucket_cache_write", "bucket_output", "example_total", "example_model", "example_all_profiles",
        "example_profile_line", "share_tokens",
    ),
    "changepage": (  # the change page, its feeds and the retirement radar: every label of the file
        "changes_title", "changes_intro", "changes_latest", "changes_none", "changes_feeds", "changes_feed",
        "changes_feed_of", "changes_feed_all", "changes_by_provider", "changes_provider_count", "changes_col_date",
        "changes_col_model", "changes_col_event", "changes_col_facts", "changes_col_source", "changes_event_added",
        "changes_event_changed", "changes_event_deprecated", "changes_event_retired", "changes_event_removed",
        "changes_no_value", "changes_entry_title", "changes_feed_title", "changes_feed_title_provider",
        "changes_feed_subtitle", "changes_model_gone", "radar_title", "radar_intro", "radar_upcoming", "radar_recent",
        "radar_none_upcoming", "radar_none_recent", "radar_col_provider", "radar_col_model", "radar_col_date",
        "radar_col_replacement", "radar_notice_title", "radar_notice_upcoming", "radar_notice_recent",
        "radar_notice_upcoming_replaced", "radar_notice_recent_replaced", "radar_notice_more",
        "changes_fact_separator", "changes_event_dated", "changes_tier", "changes_description",
    ),
    "contributing": tuple(f"notice_{notice}{suffix}" for notice in ("untranslated", "outdated")
                          for suffix in ("", "_title")) + ("notice_original",),
    "diff": (  # scripts/check diff
        "diff_title", "diff_col_provider", "diff_col_model", "diff_col_change", "diff_model_added",
        "diff_model_removed", "diff_model_retired", "diff_provider_added", "diff_provider_removed", "diff_none",
        "diff_separator", "diff_summary",
        *(f"diff_field_{field}" for field in ("name", "vendor", "context", "max_output", "input", "output",
                                                "cache_read", "cache_write", "tiers", "plan", "capabilities",
                                                "status", "source")),
    ),
    "exports": (
        "llms_about", "llms_guides", "llms_data", "llms_catalog", "llms_catalog_about", "llms_schema",
        "llms_schema_about", "llms_full", "llms_full_about", "llms_other", "llms_other_about", "llms_changes",
        "llms_comparison",
    ),
    "site": (
        "h_models", "h_setup", "h_features", "h_tips", "h_sources", "fact_website", "fact_console",
        "fact_pricing", "fact_docs", "fact_base_url", "fact_line", "fact_openai", "fact_kind", "yes", "no",
        "col_model_id", "col_vendor", "col_context", "col_max_output", "col_input", "col_output",
        "col_cache_read", "col_capabilities", "price_unit", "price_above", "price_up_to", "copy_id",
        "live_models_title", "live_models", "no_static_models", "models_url", "features_live", "no_features",
        "notes_title", "no_tips", "verified_on", "col_provider", "col_models", "col_max_context",
        "col_lowest_input", "models_live", "stats", "col_term_en", "col_term_zh", "col_meaning", "nav_providers",
        "models_checked_on", "row_checked", "row_source", "source_snapshot", "row_price_source", "two_sentences",
        "list_separator", "permalink_title", "made_with",
        *(f"kind_{kind}{suffix}" for kind in _KINDS for suffix in ("", "_plural", "_about")),
        *(f"region_{region}" for region in REGIONS), *(f"status_{status}" for status in STATUSES),
        *(f"plan_{plan}" for plan in PLANS), *(f"cap_{capability}" for capability in _CAPABILITIES),
        *(f"feature_{capability}" for capability in ("prompt_cache", "vision", "reasoning")),
    ),
}


def placeholders_in(template: str) -> list[str]:
    """The placeholder names a text uses, in order (`{0}` and `{a.b}` included, to be refused)."""
    return PLACEHOLDER.findall(template)


def unknown_placeholders(template: str, known) -> list[str]:
    """Placeholders of a text that its template does not receive."""
    return [name for name in placeholders_in(template) if name not in known]
