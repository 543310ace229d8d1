"""data/changes.yaml: the record of catalog changes, checked against the providers it names and built
into `Change` objects, newest first."""

from __future__ import annotations

from .entities import Change, FactChange, Provider
from .fields import Spot, as_date
from .problems import Problem

PRICE_FACTS = ("input", "output", "cache_read", "cache_write", "tiers")
RULES = (
    "`provider` is a file under data/providers/; `source` is one of the keys of `sources` in that file",
    "`model` (with its `endpoint`) is listed in the provider file, or has a `removed` entry",
    "a price fact (input, output, cache_read, cache_write, tiers) names its `currency`; other facts do not",
)


def _spot(shown: str, mapping, key: str, index: int) -> Spot:
    return Spot(shown, "", *mapping.mark).at(index, mapping.mark).at(key, mapping.marks.get(key, mapping.mark))


def _check_facts(entry, shown: str, index: int) -> list[Problem]:
    problems = []
    for position, fact in enumerate(entry.get("facts", ())):
        spot = _spot(shown, entry, "facts", index).at(position, fact.mark)
        if (fact["fact"] in PRICE_FACTS) != ("currency" in fact):
            hint = "add `currency: USD` (or CNY)" if fact["fact"] in PRICE_FACTS else "remove `currency`"
            problems.append(spot.problem(f"fact {fact['fact']!r} " + ("needs" if "currency" not in fact
                                                                      else "cannot have") + " a currency", hint))
    return problems


def _check_entry(entry, shown: str, index: int, provider: Provider, removed: set) -> list[Problem]:
    """One entry against its provider: known source, known model."""
    problems = _check_facts(entry, shown, index)
    sources = [source.id for source in provider.sources]
    if entry["source"] not in sources:
        problems.append(_spot(shown, entry, "source", index).problem(
            f"{entry['source']!r} is not a key of `sources` in {provider.file}", "one of: " + ", ".join(sources)))
    key = (entry["model"], entry.get("endpoint"))
    listed = {(model.id, model.endpoint) for model in provider.models}
    if key not in listed and key not in removed:
        where = f" (endpoint {key[1]})" if key[1] else ""
        problems.append(_spot(shown, entry, "model", index).problem(
            f"{provider.file} lists no model {key[0]!r}{where}",
            "use the id as the provider file writes it, or record the model's removal with `event: removed`"))
    return problems


def check(entries, shown: str, providers: dict, provider_ids: set) -> list[Problem]:
    """Every entry names a provider, source and model that exist. Entries of provider files that failed
    their own checks are skipped: those files' problems are reported already."""
    removed = {(entry["provider"], entry["model"], entry.get("endpoint")) for entry in entries
               if entry["event"] == "removed"}
    problems = []
    for index, entry in enumerate(entries):
        if entry["provider"] not in provider_ids:
            problems.append(_spot(shown, entry, "provider", index).problem(
                f"unknown provider {entry['provider']!r}", "a file name under data/providers/ without .yaml"))
        elif entry["provider"] in providers:
            own = {(model, endpoint) for provider_id, model, endpoint in removed if provider_id == entry["provider"]}
            problems += _check_entry(entry, shown, index, providers[entry["provider"]], own)
    return problems


def build(entries, providers: dict) -> tuple[Change, ...]:
    """The entries as objects, newest first (entries of one day keep their order in the file)."""
    changes = []
    for entry in entries:
        provider = providers[entry["provider"]]
        facts = tuple(FactChange(fact["fact"], fact.get("currency"), fact.get("from"), fact.get("to"))
                      for fact in entry.get("facts", ()))
        source = next(source for source in provider.sources if source.id == entry["source"])
        changes.append(Change(as_date(entry["date"]), provider, entry["model"], entry.get("endpoint"),
                              entry["event"], source, facts))
    return tuple(sorted(changes, key=lambda change: change.date, reverse=True))
