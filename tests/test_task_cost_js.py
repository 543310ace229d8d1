"""The comparison's task costs in the browser (docs/javascripts/taskcost.js) against render/cost.py: the same
hand-worked examples as tests/test_task_cost.py, then every model of the catalog under every profile and
a few custom counts, run in Node. The two must print the same text and sort by the same number."""

from __future__ import annotations

import dataclasses
import json
import math
import shutil
import subprocess

import pytest

import catalog
from catalog.entities import Price, Tier
from conftest import ROOT
from render import comparison_data
from render.comparison_columns import profile_cost_lines
from render.cost import PRICED, task_costs

CATALOG = catalog.load(ROOT / "data", ROOT)
SCRIPT = ROOT / "docs/javascripts/taskcost.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is needed to run the page's script")

# Custom counts a reader might type: a tier boundary, a share that does not divide evenly, no cache at
# all, a prompt too large for most windows, and the hand-worked profile of tests/test_task_cost.py.
CUSTOM = [(10, 100_000, 80, 10_000, 2_000), (3, 200_000, 90, 0, 4_000), (7, 10_001, 33, 17, 1),
          (1, 1, 0, 0, 0), (2, 900_000, 95, 20_000, 1_000), (40, 128_000, 50, 64_000, 8_192)]

RUN = """
const TaskCost = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.tasks.map(counts => input.rows.map(([billing, context]) => {
  const values = TaskCost.taskCosts(billing, context, TaskCost.counts(...counts));
  const sort = TaskCost.sortValue(values);
  return [TaskCost.costLines(values, input.labels), Number.isNaN(sort) ? null : sort];
}));
process.stdout.write(JSON.stringify(out));
"""


def run_script(rows: list, tasks: list, lang: str) -> list:
    """[[lines, sort value], …] per task and row, as the page's script computes them."""
    label = lambda key: CATALOG.label(key, lang)  # noqa: E731
    labels = {"tooLarge": label("task_too_large"), "long": label("task_long_context"),
              "plans": {plan: label("plan_" + plan) for plan in ("free", "subscription", "unlisted", "unknown")}}
    result = subprocess.run([NODE, "-e", RUN, str(SCRIPT)], input=json.dumps(
        {"rows": rows, "tasks": tasks, "labels": labels}), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def profile_of(counts: tuple):
    requests, prompt, percent, written, output = counts
    return dataclasses.replace(CATALOG.default_profile, requests=requests, prompt_tokens=prompt,
                               cache_read_percent=percent, cache_write_tokens=written, output_tokens=output)


def expected(model, profile, lang: str) -> list:
    """What render/cost.py says: the column's lines and its sort value (None for no number)."""
    first = task_costs(model, profile)[0]
    sort = first.amount if first.kind == PRICED else (0.0 if first.kind == "free" else None)
    return ["\n".join(profile_cost_lines(CATALOG, model, profile, lang)), sort]


def counts_of(profile) -> tuple:
    return (profile.requests, profile.prompt_tokens, profile.cache_read_percent, profile.cache_write_tokens,
            profile.output_tokens)


def test_hand_worked_examples_agree_with_python():
    # The billing styles of tests/test_task_cost.py: plain, cache read only, read + write, tiered (with and
    # without a cache price in the upper tier), yuan beside dollars, plans and a task too large.
    usd = lambda **prices: Price("per-token", "USD", **prices)  # noqa: E731
    blocks = [(usd(input=1, output=4),), (usd(input=2, output=8, cache_read=0.5),),
              (usd(input=3, output=15, cache_read=0.3, cache_write=3.75),),
              (usd(input=1, output=2, cache_read=0.1, tiers=(Tier(50_000, 1, 2, 0.1, None),
                                                            Tier(None, 2, 4, 0.2, None))),),
              (usd(input=3, output=15, cache_read=0.3, tiers=(Tier(50_000, 3, 15, 0.3, None),
                                                             Tier(None, 6, 20, None, None))),),
              (usd(input=0.28, output=0.42, cache_read=0.028), Price("per-token", "CNY", input=2, output=3,
                                                                    cache_read=0.2)),
              (Price("free"),), (Price("subscription"),), (Price("unlisted"),), (Price("unknown"),)]
    base = next(model for provider in CATALOG.providers for model in provider.models if model.context >= 200_000)
    models = [dataclasses.replace(base, price=block[0], other_prices=block[1:], context=200_000) for block in blocks]
    models.append(dataclasses.replace(models[0], context=64_000))
    profile = profile_of(CUSTOM[0])
    shown = run_script([[list(comparison_data.billing(model)), model.context] for model in models],
                       [CUSTOM[0]], "en")[0]
    wanted = [expected(model, profile, "en") for model in models]
    assert [line for line, _ in shown] == [line for line, _ in wanted]
    assert [line for line, _ in shown][:6] == ["$1.08", "$0.96", "$1.21", "$0.64\tlong-context price",
                                               "$6.40\tlong-context price", "$0.087\n¥0.62"]
    assert all(_same(mine, theirs) for (_, mine), (_, theirs) in zip(shown, wanted))


def test_an_exact_half_cent_rounds_to_even_as_python_does():
    # 125,000 tokens at $1 per million is exactly $0.125 in binary: Python prints $0.12, Number.toFixed $0.13.
    base = next(model for provider in CATALOG.providers for model in provider.models)
    model = dataclasses.replace(base, price=Price("per-token", "USD", input=1, output=1), other_prices=(),
                                context=200_000)
    counts = [(1, 125_000, 0, 0, 0), (1, 375_000, 0, 0, 0), (5, 125_000, 0, 0, 0)]
    shown = run_script([[list(comparison_data.billing(model)), model.context]], counts, "en")
    assert [result[0][0] for result in shown] == [expected(model, profile_of(item), "en")[0] for item in counts]
    assert shown[0][0][0] == "$0.12"


def _same(mine, theirs) -> bool:
    if mine is None or theirs is None:
        return mine is theirs
    return math.isclose(mine, theirs, rel_tol=0, abs_tol=0)  # the same arithmetic: the same number


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_model_costs_the_same_in_the_page_and_in_python(lang):
    entries = [model for provider in CATALOG.providers for model in provider.models]
    profiles = [*CATALOG.task_profiles, *map(profile_of, CUSTOM)]
    shown = run_script([[list(comparison_data.billing(model)), model.context] for model in entries],
                       [counts_of(profile) for profile in profiles], lang)
    priced = 0
    for profile, results in zip(profiles, shown):
        for model, (lines, sort) in zip(entries, results):
            wanted_lines, wanted_sort = expected(model, profile, lang)
            assert (lines, _same(sort, wanted_sort)) == (wanted_lines, True), (profile.id, model.id, sort, wanted_sort)
            priced += wanted_sort not in (None, 0.0)
    assert priced > len(entries)  # most models have a per-token price under most tasks
