"""Rules for data/task-profiles.yaml that span fields: unique ids, a known default, buckets that fit."""

from __future__ import annotations

from .fields import Spot
from .problems import Problem

RULES = (
    "profile ids are unique, and `default` is one of them",
    "tokens read from the cache (`cache_read_percent` of `prompt_tokens`) plus `cache_write_tokens` are at most "
    "`prompt_tokens`: they are parts of the prompt",
)


def cache_read_tokens(prompt_tokens: int, percent: int) -> int:
    """Tokens of a prompt served from the cache; whole tokens, as providers count them."""
    return prompt_tokens * percent // 100


def _check_buckets(profile, spot: Spot) -> list[Problem]:
    read = cache_read_tokens(profile["prompt_tokens"], profile["cache_read_percent"])
    if read + profile["cache_write_tokens"] <= profile["prompt_tokens"]:
        return []
    spot = spot.at("cache_write_tokens", profile.marks["cache_write_tokens"])
    return [spot.problem(f"{read} tokens read from the cache plus {profile['cache_write_tokens']} written to it "
                         f"exceed the {profile['prompt_tokens']} tokens sent",
                         f"write at most {max(profile['prompt_tokens'] - read, 0)} tokens to the cache, or "
                         "lower `cache_read_percent`")]


def check_task_profiles(tree, path: str) -> list[Problem]:
    """Problems across the profiles of a file whose fields already passed their checks."""
    problems, seen = [], set()
    profiles = tree["profiles"]
    for index, profile in enumerate(profiles):
        spot = Spot(path, "profiles", *tree.marks["profiles"]).at(index, profiles.marks[index])
        if profile["id"] in seen:
            problems.append(spot.at("id", profile.marks["id"]).problem(
                f"profile id {profile['id']!r} is listed twice", "give each profile its own id"))
        seen.add(profile["id"])
        problems += _check_buckets(profile, spot)
    if tree["default"] not in seen:
        spot = Spot(path, "default", *tree.marks["default"])
        problems.append(spot.problem(f"{tree['default']!r} is not a profile id",
                                     "one of: " + ", ".join(profile["id"] for profile in profiles)))
    return problems
