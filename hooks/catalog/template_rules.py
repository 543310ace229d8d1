"""Rules for texts with {placeholders}: setup guides, a provider's own steps and the UI labels, each
checked against what its template receives (templates.py), and the provider fields a guide needs."""

from __future__ import annotations

from .fields import Spot
from .problems import Problem
from .rules import field_spot
from .templates import (GUIDE_PLACEHOLDERS, LABEL_PLACEHOLDERS, REQUIRED_LABELS, placeholders_in,
                        unknown_placeholders)


def provider_value(provider, dotted: str):
    """The value behind a placeholder's field path, or None when the provider leaves it out."""
    node = provider
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _missing_fields(provider, steps) -> list[str]:
    """Provider fields that the placeholders of these steps need and the provider leaves out."""
    needed = {name for step in steps for lang in ("en", "zh") for name in placeholders_in(step[lang])}
    return [GUIDE_PLACEHOLDERS[name] for name in sorted(needed & GUIDE_PLACEHOLDERS.keys())
            if provider_value(provider, GUIDE_PLACEHOLDERS[name]) in (None, {}, [])]


def _check_steps(steps, spot: Spot) -> list[Problem]:
    """One problem per step using a placeholder that steps do not receive (`{bogus}`, `{0}`, `{a.b}`)."""
    problems = []
    for index, step in enumerate(steps):
        unknown = unknown_placeholders(step["en"], GUIDE_PLACEHOLDERS) + unknown_placeholders(
            step["zh"], GUIDE_PLACEHOLDERS)
        if unknown:
            problems.append(spot.at(index, steps.marks[index]).problem(
                f"unknown placeholder {{{unknown[0]}}}",
                "one of: " + ", ".join("{%s}" % name for name in GUIDE_PLACEHOLDERS) +
                " (a brace with spaces inside, like {{ this }}, is shown as written)"))
    return problems


def check_guide_fields(provider, path: str, guides: dict) -> list[Problem]:
    guide = guides.get(provider["kind"])
    if guide is None:
        return [field_spot(path, provider, "kind").problem(f"no setup guide for kind {provider['kind']!r}",
                                                      "add it to data/guides.yaml")]
    problems = []
    for part in ("key_steps", "setup_steps"):
        own = part in provider
        spot = field_spot(path, provider, part if own else "kind")
        if own:
            problems += _check_steps(provider[part], spot)
        for field in _missing_fields(provider, provider[part] if own else guide[part]):
            needs = f"your `{part}` need" if own else f"the {provider['kind']} setup guide needs"
            problems.append(spot.problem(f"{needs} `{field}`",
                                         f"add `{field}`" + ("" if own else f" or write your own `{part}`")))
    return problems


def check_guides(guides, path: str) -> list[Problem]:
    """Steps use the placeholders a guide receives; a heading is shown as written and receives none."""
    problems = []
    for kind, guide in guides.items():
        spot = Spot(path, kind, *guides.marks[kind])
        for part in ("key_steps", "setup_steps"):
            problems += _check_steps(guide[part], spot.at(part, guide.marks[part]))
        heading = guide["heading"]
        for lang in ("en", "zh"):
            unknown = unknown_placeholders(heading[lang], ())
            if unknown:
                problems.append(spot.at("heading", guide.marks["heading"]).at(lang, heading.marks[lang]).problem(
                    f"unknown placeholder {{{unknown[0]}}}", "a heading receives no placeholders; write it out"))
    return problems


def check_labels(labels: dict, origins: dict, folder: str) -> list[Problem]:
    """Every label the site uses exists, and each uses only the placeholders it receives."""
    problems = []
    for area, keys in REQUIRED_LABELS.items():
        for key in keys:
            if key not in labels:
                problems.append(Problem(f"{folder}/{area}.yaml", 1, 1, key, "label is missing",
                                        "restore it: the site shows this text (see hooks/catalog/templates.py)"))
    for key, label in labels.items():
        receives = LABEL_PLACEHOLDERS.get(key, ())
        for lang in ("en", "zh"):
            unknown = unknown_placeholders(label[lang], receives)
            if unknown:
                line, column = label.marks[lang]
                what = ", ".join("{%s}" % name for name in receives) if receives else "no placeholders"
                problems.append(Problem(origins[key], line, column, f"{key}.{lang}",
                                        f"unknown placeholder {{{unknown[0]}}}", f"this label receives {what}"))
    return problems
