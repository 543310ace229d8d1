"""The drift report: plain text for the terminal, Markdown for a pull request's body."""

from __future__ import annotations

FIELDS = {"context": "context", "max_output": "max output", "capabilities": "capabilities", "status": "status",
          "price": "price", "price.input": "input price", "price.output": "output price",
          "price.cache_read": "cache read price", "price.cache_write": "cache write price",
          "price.tiers": "price tiers"}


def value(field: str, shown) -> str:
    """A fact's value as a reviewer reads it; prices carry their currency."""
    if shown is None:
        return "—"
    if isinstance(shown, (list, tuple)):
        if field == "price.tiers":
            return "; ".join(_tier(tier) for tier in shown)
        return ", ".join(shown) or "none"
    if isinstance(shown, dict):
        return f"{shown.get('input')}/{shown.get('output')} USD" + (" (tiered)" if shown.get("tiers") else "")
    return f"{shown} USD" if field.startswith("price.") else str(shown)


def _tier(tier: dict) -> str:
    size = f"≤{tier['up_to']:,}" if tier.get("up_to") else "above"
    return f"{size}: {tier.get('input')}/{tier.get('output')}"


def _shown(model_id: str, endpoint) -> str:
    return f"{model_id} ({endpoint})" if endpoint else model_id


def rows(drift) -> list[tuple[str, str, str, str, str]]:
    """(kind, our model id, upstream id, fact, snapshot) for every finding of one provider."""
    found = [("changed", _shown(change.model_id, change.endpoint), change.upstream_id,
              f"{FIELDS[change.field]} {value(change.field, change.old)} → {value(change.field, change.new)}",
              f"{change.snapshot.label} {change.snapshot.date}") for change in drift.changes]
    for addition in drift.added:
        model = addition.model
        price = "price not in USD (a mainland line)" if addition.mainland else \
            (value("price", model.price) if model.price else "no price upstream")
        fact = f"context {model.context}, max output {model.max_output}, {price}"
        fact += f" — not written: {addition.skipped}" if addition.skipped else ""
        where = f"{addition.snapshot.label} {addition.snapshot.date}"
        found.append(("added", _shown(model.id, addition.endpoint), model.id, fact, where))
    found += [("withdrawn", _shown(item.model_id, item.endpoint), item.upstream_id,
               f"status → retired {item.date}", "absent upstream") for item in drift.withdrawn]
    found += [("kept", _shown(model_id, endpoint), model_id,
               f"{count} finding(s) not applied: ours come from `{key}`, as of {day}, newer than the snapshot",
               "explained") for model_id, endpoint, key, day, count in drift.explained]
    found += [("left out", upstream_id, upstream_id, f"on purpose: {reason}", "explained")
              for upstream_id, reason in drift.left_out]
    return found


def summary(drifts: list) -> dict:
    """Counts for the last line and for the lead's notes."""
    return {"providers": len(drifts), "with drift": sum(drift.found for drift in drifts),
            "changed fields": sum(len(drift.changes) for drift in drifts),
            "models compared": sum(len(drift.compared) for drift in drifts),
            "added": sum(len(drift.added) for drift in drifts),
            "added by hand": sum(1 for drift in drifts for item in drift.added if item.skipped),
            "withdrawn": sum(len(drift.withdrawn) for drift in drifts),
            "kept": sum(len(drift.explained) for drift in drifts),
            "left out": sum(len(drift.left_out) for drift in drifts)}


def _summary_line(drifts: list) -> str:
    counts = summary(drifts)
    return (f"{counts['providers']} providers compared ({counts['models compared']} models), {counts['with drift']} "
            f"with drift: {counts['changed fields']} changed fields, {counts['added']} models added upstream "
            f"({counts['added by hand']} to add by hand), {counts['withdrawn']} withdrawn, {counts['kept']} kept "
            f"from newer sources, {counts['left out']} left out on purpose")


def text(drifts: list) -> str:
    """One block per provider with drift, one line per finding."""
    lines = []
    for drift in (drift for drift in drifts if drift.found or drift.explained or drift.left_out):
        lines.append(f"{drift.provider}  {drift.file}")
        for kind, model, upstream, fact, where in rows(drift):
            named = "" if model.split(" (")[0] == upstream else f", upstream {upstream}"
            lines.append(f"  {kind:<9}  {model}  {fact}  ({where}{named})")
    return "\n".join(lines + [_summary_line(drifts)]) + "\n"


def markdown(drifts: list, snapshots: list) -> str:
    """A pull request body: the snapshots compared, then one table per provider with drift."""
    lines = ["## Catalog drift", "", "Compared with:"]
    lines += [f"- [{snapshot.label}]({snapshot.url_for(None)}) of {snapshot.date}" for snapshot in snapshots]
    lines += ["", _summary_line(drifts) + ".", "", "| Provider | Changed fields | Added | Withdrawn |",
              "|---|---|---|---|"]
    lines += [f"| {drift.provider} | {len(drift.changes)} | {len(drift.added)} | {len(drift.withdrawn)} |"
              for drift in drifts if drift.found]  # first: a long body is cut at the end, this overview stays
    for drift in (drift for drift in drifts if drift.found or drift.explained or drift.left_out):
        lines += ["", f"### {drift.provider} (`{drift.file}`)", "", "| | Model | Upstream id | Fact | Snapshot |",
                  "|---|---|---|---|---|"]
        lines += [f"| {kind} | `{model}` | `{upstream}` | {fact.replace('|', '/')} | {where} |"
                  for kind, model, upstream, fact, where in rows(drift)]
    return "\n".join(lines) + "\n"
