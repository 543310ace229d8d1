"""What a change does to the catalog: `scripts/check diff BASE [--lang zh]` compares data/ at git revision BASE
with the working tree, both read by the real catalog loader, and prints a Markdown table of facts."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import catalog
from render.text import substitute

from . import record
from .catalog_facts import catalog_facts


class DiffError(Exception):
    """BASE cannot be read or its catalog does not load; the message says which."""


def options(cli):
    """BASE (a commit, branch or tag) and the language of the table."""
    cli.add_argument("base", help="git revision to compare with, e.g. origin/main")
    cli.add_argument("--lang", choices=("en", "zh"), default="en", help="language of the table (default: en)")
    cli.add_argument("--record", action="store_true",
                     help="also add the changes to data/changes.yaml, for the change page and feeds")
    cli.add_argument("--date", type=datetime.date.fromisoformat, default=datetime.date.today(),
                     help="the day to record them under, YYYY-MM-DD (default: today)")
    return cli


def with_served_models(text: str, stem: str) -> str:
    """A provider file from before models named the model they serve (`model:`), each entry given a `model` of
    its own, so an older BASE still loads (one per entry: no cross-file rule can trip; the diff ignores it)."""
    entries = re.split(r"(?m)^(?=- id:)", text)
    return "".join(entry if not entry.startswith("- id:") or re.search(r"(?m)^  model:", entry) else
                   re.sub(r"^(- id:[^\n]*\n)", rf"\g<1>  model: {stem}-{number}\n", entry, count=1)
                   for number, entry in enumerate(entries))


def catalog_at(root: Path, base: str, folder: Path) -> catalog.Catalog:
    """The catalog as it was at `base`: data/ from `git archive` into `folder`, loaded like the working tree."""
    archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", base, "data"], capture_output=True)
    if archive.returncode:
        raise DiffError(f"git cannot read data/ at {base!r}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    for path in (folder / "data/providers").glob("*.yaml"):
        path.write_text(with_served_models(path.read_text(encoding="utf-8"), path.stem), encoding="utf-8")
    try:
        return catalog.load(folder / "data", folder)
    except catalog.CatalogError as error:
        raise DiffError(f"the catalog at {base} does not load with this version's loader:\n{error}") from None


class Table:
    """Facts formatted in one language with the catalog's own labels."""

    def __init__(self, labels: catalog.Catalog, lang: str):
        self.labels, self.lang = labels, lang

    def label(self, key: str, **values) -> str:
        # The site's placeholder rule (a name in braces; other braces are text), not str.format.
        return substitute(self.labels.label(key, self.lang), {name: str(value) for name, value in values.items()})

    def value(self, key: str, shown) -> str:
        """One value: capability, status and plan names translated; prices with their currency."""
        if shown is None or shown == ():
            return "—"
        field, _, currency = key.partition(":")
        if field == "capabilities":
            return self.label("diff_separator").join(self.label("cap_" + item.replace("-", "_")) for item in shown)
        if field in ("status", "plan"):
            return self.label(f"{field}_{shown}")
        if field == "tiers":
            return "; ".join(f"{self._bound(up_to)}: {low}/{high}" for up_to, low, high in shown) + f" {currency}"
        return f"{shown} {currency}".strip()

    def _bound(self, up_to) -> str:
        return self.label("price_up_to", tokens=f"{up_to:,}") if up_to else self.label("price_above", tokens="")

    def change(self, key: str, old, new) -> str:
        field, _, currency = key.partition(":")
        before, after = self.value(key, old), self.value(key, new)
        if currency and field != "tiers":  # `0.59 → 0.65 USD`, the currency once
            before, after = before.removesuffix(" " + currency), after
        return f"{self.label('diff_field_' + field)} {before} → {after}"

    def added(self, facts: dict) -> str:
        shown = [f"{self.label('diff_field_' + key.partition(':')[0])} {self.value(key, facts[key])}"
                 for key in ("context", "max_output", "plan", "input:USD", "output:USD", "input:CNY", "output:CNY",
                             "capabilities") if facts.get(key) is not None]
        return self.label("diff_model_added", facts=self.label("diff_separator").join(shown))


def _model_changes(before, after, table: Table) -> list[str]:
    """What happened to one model: removed, added, retired, or each fact that changed."""
    if after is None:
        return [table.label("diff_model_removed")]
    model, facts = after
    if before is None:
        return [table.added(facts)]
    old = before[1]
    changes = []
    if facts["status"] == "retired" != old["status"]:
        changes.append(table.label("diff_model_retired", date=model.retired))
        old = old | {"status": "retired"}
    keys = list(old) + [key for key in facts if key not in old]
    return changes + [table.change(key, old.get(key), facts.get(key)) for key in keys if old.get(key) != facts.get(key)]


def rows(old: dict, new: dict, table: Table) -> list[tuple[str, str, str]]:
    """(provider, model, change) for every provider and model that differs, in catalog order."""
    found = []
    for provider_id in list(old) + [key for key in new if key not in old]:
        if provider_id not in new or provider_id not in old:
            found.append((provider_id, "", table.label("diff_provider_removed" if provider_id in old
                                                       else "diff_provider_added")))
        before, after = old.get(provider_id, {}), new.get(provider_id, {})
        for key in list(before) + [key for key in after if key not in before]:
            model_id, endpoint = key
            shown = f"{model_id} ({endpoint})" if endpoint else model_id
            found += [(provider_id, shown, change) for change in _model_changes(before.get(key), after.get(key), table)]
    return found


def _cell(text: str) -> str:
    """Catalog text is untrusted: keep it from closing a table cell or opening HTML in the job summary."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def markdown(found: list, table: Table, base: str) -> str:
    """The job summary: a heading, the table of facts, and a count."""
    lines = [f"### {_cell(table.label('diff_title', base=base))}", ""]
    if not found:
        return "\n".join(lines + [table.label("diff_none")]) + "\n"
    lines += [f"| {table.label('diff_col_provider')} | {table.label('diff_col_model')} | "
              f"{table.label('diff_col_change')} |", "|---|---|---|"]
    lines += [f"| {provider} | {'`' + model + '`' if model else ''} | {_cell(change)} |"
              for provider, model, change in found]
    models = {(provider, model) for provider, model, _ in found if model}
    providers = {provider for provider, _, _ in found}
    return "\n".join(lines + ["", table.label("diff_summary", models=len(models), providers=len(providers))]) + "\n"


def run(root: Path, options) -> int:
    """Print the table; 0 when it could be made (changes are not failures), 2 when BASE cannot be read."""
    try:
        current = catalog.load(root / "data", root)
        with tempfile.TemporaryDirectory(prefix="catalog-base-") as folder:
            before = catalog_at(root, options.base, Path(folder))
    except (catalog.CatalogError, DiffError) as error:
        print(f"scripts/check diff: {error}", file=sys.stderr)
        return 2
    table = Table(current, options.lang)
    print(markdown(rows(catalog_facts(before), catalog_facts(current), table), table, options.base), end="")
    if options.record:
        return _record(root, before, current, options.date)
    return 0


def _record(root: Path, before: catalog.Catalog, current: catalog.Catalog, date: datetime.date) -> int:
    """Add the changes to the record, then check that the catalog still loads with it."""
    added = record.write(root / "data/changes.yaml", record.entries(before, current, date))
    try:
        catalog.load(root / "data", root)
    except catalog.CatalogError as error:
        print(f"scripts/check diff --record: data/changes.yaml does not load now:\n{error}", file=sys.stderr)
        return 2
    print(f"recorded {added} entr{'y' if added == 1 else 'ies'} in data/changes.yaml", file=sys.stderr)
    return 0
