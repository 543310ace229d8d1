"""Task costs as table cells: the cost column of the model tables (one line per currency billed)."""

from __future__ import annotations

from catalog.entities import Catalog, Model, TaskProfile

from .cost import PRICED, TOO_LARGE, TaskCost, task_costs
from .text import cost, fill, inline

TASK_COST_PAGE = "/task-cost.md"  # docs/task-cost.md; static-i18n points it at the page's own language


def cost_text(catalog: Catalog, value: TaskCost, lang: str) -> str:
    """One cost: an amount with its currency sign, or what stands in for it (a plan, too large)."""
    if value.kind == PRICED:
        note = f" <small>{inline(catalog.label('task_long_context', lang))}</small>" if value.tier else ""
        return cost(value.amount, value.currency) + note
    if value.kind == TOO_LARGE:
        return inline(catalog.label("task_too_large", lang))
    return inline(catalog.label("plan_" + value.kind, lang))


def cost_cell(catalog: Catalog, model: Model, profile: TaskProfile, lang: str) -> str:
    """The task's cost on a model, one line per price block (USD above CNY, never converted)."""
    return "<br>".join(cost_text(catalog, value, lang) for value in task_costs(model, profile))


def cost_header(catalog: Catalog, profile: TaskProfile, lang: str) -> str:
    """The column heading, naming the profile and linking to the page that explains the number."""
    label = fill(catalog.label("col_task_cost", lang), {"profile": inline(profile.name(lang))})
    return f"[{label}]({TASK_COST_PAGE})"


def cost_note(catalog: Catalog, profile: TaskProfile, lang: str) -> str:
    """The sentence above a model table that says what its cost column prices."""
    link = f"[{inline(catalog.label('task_cost_page', lang))}]({TASK_COST_PAGE})"
    return fill(catalog.label("task_cost_note", lang), {"profile": inline(profile.name(lang)), "link": link})
