"""scripts/sync against small committed snapshots of models.dev and Cline's catalog: the drift it reports, what
--write changes (and everything it must leave alone), and that a second run finds nothing."""

from __future__ import annotations

import datetime
import difflib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

import catalog
from conftest import ROOT
from sync import cline, identity, modelsdev, snapshots
from sync.__main__ import main

UPSTREAM = ROOT / "tests/fixtures/upstream"
SNAPSHOTS = ["--models-dev", str(UPSTREAM / "models.dev"), "--models-dev-date", "2026-07-02",
             "--models-dev-commit", "f3fc692299671838c7c65fd8126bf84d81a2e817",
             "--cline", str(UPSTREAM / "catalog.generated.ts"), "--cline-date", "2026-08-22",
             "--cline-commit", "21cb8d2525bcedf1f4b6890b27a74a14fe7451e4", "--today", "2026-11-30"]
# Lines --write may change or add: the facts it compares, provenance, retirement, the sources it names.
WRITTEN = re.compile(r"^\s*(- )?(context|max_output|price|capabilities|status|retired|deprecated|replacement|source|"
                     r"verified|models-dev|cline-catalog|url|title|date|- \{up_to|- id|name|model|vendor|id):")


@pytest.fixture
def repo(tmp_path) -> Path:
    """The real vendors, labels and guides with the three fixture provider files as the only providers."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("providers", "changes.yaml"))
    shutil.copytree(UPSTREAM / "providers", tmp_path / "data/providers")
    return tmp_path


def sync(repo: Path, capsys, *options: str) -> tuple[int, str, str]:
    """Run the command in-process; returns its exit code, standard output and standard error."""
    code = main([*SNAPSHOTS, "--root", str(repo), *options])
    out, err = capsys.readouterr()
    return code, out, err


def provider(repo: Path, name: str) -> dict:
    return yaml.safe_load((repo / f"data/providers/{name}.yaml").read_text(encoding="utf-8"))


def model(data: dict, model_id: str, endpoint: str | None = None) -> dict:
    return next(item for item in data["models"] if item["id"] == model_id and item.get("endpoint") == endpoint)


def test_report_names_each_changed_field_with_old_and_new_value(repo, capsys):
    code, out, _ = sync(repo, capsys)
    assert code == 0  # drift without --check is a report, not a failure
    expected = [
        "llama-3.3-70b-versatile  input price 0.55 USD → 0.59 USD  (models.dev 2026-07-02)",
        "llama-3.3-70b-versatile  capabilities none → tools  (models.dev 2026-07-02)",
        "openai/gpt-oss-120b  max output 32766 → 65536  (models.dev 2026-07-02)",
        "openai/gpt-oss-120b  output price 0.75 USD → 0.6 USD",
        "openai/gpt-oss-120b  cache read price — → 0.075 USD",
        "qwen/qwen3-32b  status active → preview",
        "devstral-2512  price unlisted → 0.4/2 USD",
        "devstral-2512  context 256000 → 262144",
        "devstral-small-2505  status deprecated → retired",
        "qwen3.6-plus (international)  price tiers — → ≤256,000: 0.5/3; above: 2/6",
        "qwen3.6-plus (china)  context 991000 → 1000000",
    ]
    for line in expected:
        assert line in out, line
    # models.dev's dollar figures for the mainland line are conversions from yuan: never compared
    assert not re.search(r"qwen3\.6-plus \(china\)  \w+ price", out)


def test_report_lists_models_added_and_withdrawn_upstream(repo, capsys):
    _, out, _ = sync(repo, capsys)
    assert re.search(r"added\s+openai/gpt-oss-safeguard-20b  context 131072, max output 65536, 0.075/0.3 USD"
                     r"  \(models.dev 2026-07-02\)", out)
    assert re.search(r"added\s+qwen/qwen3.6-27b  .*\(Cline catalog 2026-08-22\)", out)
    assert re.search(r"added\s+codestral-latest  ", out)
    assert "whisper" not in out  # speech-to-text: Cline lists it, but no one codes with it
    assert re.search(r"withdrawn\s+moonshotai/kimi-k2-instruct-0905  status → retired 2026-07-02", out)
    assert out.rstrip().splitlines()[-1] == ("3 providers compared (6 models), 3 with drift: 15 changed fields, "
                                             "4 models added upstream (0 to add by hand), 1 withdrawn, "
                                             "0 kept from newer sources, 0 left out on purpose")


def test_markdown_report_for_a_pull_request(repo, capsys, tmp_path):
    body = tmp_path / "drift.md"
    sync(repo, capsys, "--markdown", str(body))
    text = body.read_text(encoding="utf-8")
    assert "https://github.com/anomalyco/models.dev/tree/f3fc692299671838c7c65fd8126bf84d81a2e817/providers)" in text
    assert "### groq (`data/providers/groq.yaml`)" in text
    assert "| changed | `llama-3.3-70b-versatile` | `llama-3.3-70b-versatile` | input price 0.55 USD → 0.59 USD |" \
           " models.dev 2026-07-02 |" in text


def test_check_exits_1_on_drift_and_write_then_finds_none(repo, capsys):
    assert sync(repo, capsys, "--check")[0] == 1
    assert sync(repo, capsys, "--write")[0] == 0
    written = {path.name: path.read_bytes() for path in (repo / "data/providers").iterdir()}
    code, out, _ = sync(repo, capsys, "--check", "--write")
    assert code == 0, out
    assert out.strip().endswith("0 with drift: 0 changed fields, 0 models added upstream (0 to add by hand), "
                                "0 withdrawn, 0 kept from newer sources, 0 left out on purpose")
    assert written == {path.name: path.read_bytes() for path in (repo / "data/providers").iterdir()}


def test_write_keeps_comments_order_and_layout_outside_the_changed_values(repo, capsys):
    before = (repo / "data/providers/groq.yaml").read_text(encoding="utf-8")
    sync(repo, capsys, "--write")
    after = (repo / "data/providers/groq.yaml").read_text(encoding="utf-8")
    old, new = before.splitlines(), after.splitlines()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            assert all(WRITTEN.match(line) for line in old[i1:i2] + new[j1:j2]), (old[i1:i2], new[j1:j2])
    for kept in ("# Cline's default; gone from both upstream snapshots.",
                 "  context: 131072   # prompt and output together",
                 "  settings: [groqApiKey, planModeGroqModelId, actModeGroqModelId, planModeGroqModelInfo, "
                 "actModeGroqModelInfo,\n    groqModelInfoCache]", "  en: >-\n    Groq runs open-weight models"):
        assert kept in after
    assert "  price: {currency: USD, input: 0.59, output: 0.79}\n  capabilities: [tools]\n" in after


def test_write_never_touches_editorial_fields(repo, capsys):
    before = {name: provider(repo, name) for name in ("groq", "mistral", "qwen")}
    sync(repo, capsys, "--write")
    for name, old in before.items():
        new = provider(repo, name)
        for key in ("name", "summary", "tips", "notes", "cline", "key_steps", "setup_steps", "links", "verified"):
            assert new.get(key) == old.get(key), (name, key)
        for entry in old["models"]:
            written = model(new, entry["id"], entry.get("endpoint"))
            assert (written["name"], written.get("description")) == (entry["name"], entry.get("description"))
    # upstream calls it "Llama 3.3 70B"; our name stays
    assert model(provider(repo, "groq"), "llama-3.3-70b-versatile")["name"] == "Llama 3.3 70B Versatile"


def test_withdrawn_or_deprecated_upstream_is_retired_with_a_date_not_deleted(repo, capsys):
    sync(repo, capsys, "--write")
    kimi = model(provider(repo, "groq"), "moonshotai/kimi-k2-instruct-0905")
    assert (kimi["status"], kimi["retired"]) == ("retired", datetime.date(2026, 7, 2))
    assert kimi["description"]["en"] == "Cline's default: Moonshot's 1T mixture of experts."
    assert kimi["verified"] == datetime.date(2026, 11, 28)  # nothing was compared: the old date stands
    small = model(provider(repo, "mistral"), "devstral-small-2505")
    assert (small["status"], small["retired"]) == ("retired", datetime.date(2026, 7, 2))
    assert "deprecated" not in small


def test_compared_models_get_source_and_date_and_sources_name_the_snapshot(repo, capsys):
    sync(repo, capsys, "--write")
    groq = provider(repo, "groq")
    llama = model(groq, "llama-3.3-70b-versatile")
    assert (llama["source"], llama["verified"]) == ("models-dev", datetime.date(2026, 11, 30))
    assert groq["sources"]["models-dev"] == {
        "url": "https://github.com/anomalyco/models.dev/tree/f3fc692299671838c7c65fd8126bf84d81a2e817/providers/groq",
        "title": {"en": "models.dev catalog", "zh": "models.dev 模型目录"}, "date": datetime.date(2026, 7, 2)}
    assert groq["sources"]["cline-catalog"]["url"].endswith(
        "/21cb8d2525bcedf1f4b6890b27a74a14fe7451e4/sdk/packages/llms/src/catalog/catalog.generated.ts")
    assert groq["sources"]["pricing"]["url"] == "https://groq.com/pricing"
    china = model(provider(repo, "qwen"), "qwen3.6-plus", "china")
    assert china["price"] == {"currency": "CNY", "input": 2, "output": 12}  # never written from models.dev
    assert (china["context"], china["source"]) == (1000000, "pricing-cn")
    assert china["verified"] == datetime.date(2026, 11, 28)


def test_new_models_are_appended_with_upstream_numbers_and_a_vendor(repo, capsys):
    sync(repo, capsys, "--write")
    groq = provider(repo, "groq")
    assert [item["id"] for item in groq["models"]][-2:] == ["qwen/qwen3.6-27b", "openai/gpt-oss-safeguard-20b"]
    safeguard = model(groq, "openai/gpt-oss-safeguard-20b")
    assert safeguard == {"id": "openai/gpt-oss-safeguard-20b", "name": "Safety GPT OSS 20B",
                         "model": "gpt-oss-safeguard-20b", "vendor": "openai",
                         "context": 131072, "max_output": 65536, "price": {"currency": "USD", "input": 0.075,
                                                                            "output": 0.3},
                         "capabilities": ["reasoning", "tools"], "status": "preview", "source": "models-dev",
                         "verified": datetime.date(2026, 11, 30)}
    assert (model(groq, "qwen/qwen3.6-27b")["vendor"], model(groq, "qwen/qwen3.6-27b")["source"]) == \
        ("alibaba-cloud", "cline-catalog")
    assert model(provider(repo, "mistral"), "codestral-latest")["vendor"] == "mistral"  # from its family
    tiers = model(provider(repo, "qwen"), "qwen3.6-plus", "international")["price"]["tiers"]
    assert tiers == [{"up_to": 256000, "input": 0.5, "output": 3, "cache_read": 0.05, "cache_write": 0.625},
                     {"input": 2, "output": 6, "cache_read": 0.2, "cache_write": 2.5}]


def test_a_model_is_matched_by_its_upstream_id(repo, capsys):
    path = repo / "data/providers/groq.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "- id: llama-3.3-70b-versatile\n", "- id: llama-3.3-70b\n  upstream_id: llama-3.3-70b-versatile\n"),
        encoding="utf-8")
    _, out, _ = sync(repo, capsys)
    assert ("llama-3.3-70b  input price 0.55 USD → 0.59 USD  (models.dev 2026-07-02, upstream llama-3.3-70b-versatile)"
            in out)
    assert "added      llama-3.3-70b-versatile" not in out


def test_a_provider_that_lists_no_models_gets_none_added(repo, capsys):
    path = repo / "data/providers/mistral.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("models:\n")] + "models: []\n", encoding="utf-8")
    _, out, _ = sync(repo, capsys)
    assert "mistral" not in out and "codestral-latest" not in out


def test_models_dev_api_json_reads_like_a_checkout():
    built = modelsdev.read(UPSTREAM / "api.json")
    checkout = modelsdev.read(UPSTREAM / "models.dev")
    assert built["groq"]["llama-3.3-70b-versatile"] == checkout["groq"]["llama-3.3-70b-versatile"]
    sonnet = built["anthropic"]["claude-sonnet-4-5"]
    assert sonnet.capabilities == {"vision", "reasoning", "tools", "prompt-cache"}
    assert sonnet.price["tiers"] == [
        {"up_to": 200000, "input": 3, "output": 15, "cache_read": 0.3, "cache_write": 3.75},
        {"input": 6, "output": 22.5, "cache_read": 0.6, "cache_write": 7.5}]
    assert built["groq"]["whisper-large-v3"].text_io is False
    # base_model: the groq file inherits name and context from models/openai/gpt-oss-120b.toml
    inherited = checkout["groq"]["openai/gpt-oss-120b"]
    assert (inherited.name, inherited.context, inherited.max_output, inherited.lab, inherited.base_model) == \
        ("GPT OSS 120B", 131072, 65536, "openai", "openai/gpt-oss-120b")


def test_a_new_model_names_the_model_it_serves_from_upstreams_base_model(repo, capsys, tmp_path):
    snapshot = tmp_path / "models.dev"
    shutil.copytree(UPSTREAM / "models.dev", snapshot)
    added = snapshot / "providers/groq/models/openai/gpt-oss-safeguard-20b.toml"
    added.write_text('base_model = "openai/gpt-oss-120b"\n' + added.read_text(encoding="utf-8"), encoding="utf-8")
    options = [str(snapshot) if item == str(UPSTREAM / "models.dev") else item for item in SNAPSHOTS]
    assert main([*options, "--root", str(repo), "--write"]) == 0
    capsys.readouterr()
    groq = provider(repo, "groq")
    assert model(groq, "openai/gpt-oss-safeguard-20b")["model"] == "gpt-oss-120b"  # base_model wins over the id
    assert model(groq, "qwen/qwen3.6-27b")["model"] == "qwen3.6-27b"  # Cline's id, its namespace dropped


@pytest.mark.parametrize("model_id, served", [
    ("openai/gpt-oss-120b", "gpt-oss-120b"), ("accounts/fireworks/models/gpt-oss-120b", "gpt-oss-120b"),
    ("openai.gpt-oss-120b-1:0", "gpt-oss-120b"), ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5"),
    ("claude-sonnet-4-5@20250929", "claude-sonnet-4-5"), ("accounts/fireworks/models/kimi-k2p5", "kimi-k2.5"),
    ("meta-llama/Llama-3.3-70B-Instruct-fast", "llama-3.3-70b-instruct"), ("deepseek-ai/DeepSeek-V3", "deepseek-v3"),
    ("anthropic.claude-opus-4-6-v1", "claude-opus-4-6"), ("qwen3.6-plus", "qwen3.6-plus"),
])
def test_provider_ids_normalise_to_the_model_they_serve(model_id, served):
    assert identity.canonical_id(model_id) == served


ONLY_CLINE = ["--cline", str(UPSTREAM / "catalog.generated.ts"), "--cline-date", "2026-08-22"]


@pytest.mark.parametrize(("options", "message"), [
    (ONLY_CLINE, "give both --models-dev PATH and --cline PATH"),
    ([*SNAPSHOTS, "--models-dev", "nowhere"], "--models-dev nowhere: no such file or folder"),
    ([*SNAPSHOTS, "--today", "2026-06-01"], "--today 2026-06-01 is before a snapshot's date"),
    ([*SNAPSHOTS, "--cline", str(UPSTREAM / "api.json")], "no `GENERATED_PROVIDER_MODELS ... = {` found"),
    ([*SNAPSHOTS, "--models-dev", str(UPSTREAM / "catalog.generated.ts")], "not a models.dev checkout or api.json"),
])
def test_bad_input_is_one_clear_message_and_exit_2(repo, capsys, options, message):
    code = main([*options, "--root", str(repo)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err


def test_an_invalid_catalog_is_refused_before_anything_is_written(repo, capsys):
    path = repo / "data/providers/groq.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("context: 131072   #", "context: lots   #"),
                    encoding="utf-8")
    code, _, err = sync(repo, capsys, "--write")
    assert code == 2 and "data/providers/groq.yaml" in err and "context" in err


def test_the_script_runs_from_anywhere_with_paths_relative_to_the_caller(repo):
    relative = ["--models-dev", "models.dev", "--models-dev-date", "2026-07-02",
                "--cline", "catalog.generated.ts", "--cline-date", "2026-08-22", "--today", "2026-11-30"]
    result = subprocess.run([str(ROOT / "scripts/sync"), *relative, "--root", str(repo), "--check"],
                            cwd=UPSTREAM, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "withdrawn  moonshotai/kimi-k2-instruct-0905" in result.stdout


def test_cline_catalog_strings_may_hold_braces_and_quotes(tmp_path):
    source = tmp_path / "catalog.generated.ts"
    source.write_text('export const GENERATED_PROVIDER_MODELS: {\n  version: number\n} = {\n  version: 1,\n'
                      '  providers: {\n    "x": {"m": {"id": "m", "name": "Say \\"}\\" {twice}",\n'
                      '      "contextWindow": 8192,\n'
                      '      "maxTokens": 1024, "capabilities": ["tools"], "pricing": {"input": 1, "output": 2,},},},\n'
                      '  },\n}\nexport const OTHER = { a: 1 }\n', encoding="utf-8")
    parsed = cline.read(source)["x"]["m"]
    assert (parsed.name, parsed.context, parsed.price, parsed.capabilities) == \
        ('Say "}" {twice}', 8192, {"input": 1, "output": 2}, {"tools"})


def test_live_upstreams_are_downloaded_and_dated(monkeypatch):
    """The weekly workflow's path, served from the fixtures: models.dev's api.json and Cline's file at the
    commit that last changed it."""
    served = {snapshots.MODELS_DEV_API: (UPSTREAM / "api.json").read_bytes(),
              snapshots.CLINE_COMMITS: b'[{"sha": "abc123", "commit": {"committer": {"date": "2026-08-22T10:00Z"}}}]',
              snapshots.CLINE_RAW.format(commit="abc123"): (UPSTREAM / "catalog.generated.ts").read_bytes()}
    monkeypatch.setattr(snapshots.urllib.request, "urlopen",
                        lambda request, timeout: io.BytesIO(served[request.full_url]))
    models_dev, cline_catalog = snapshots.live(datetime.date(2026, 11, 30))
    assert (models_dev.url_for("groq"), models_dev.date) == ("https://models.dev/api.json", datetime.date(2026, 11, 30))
    assert cline_catalog.date == datetime.date(2026, 8, 22)
    assert cline_catalog.url_for("groq") == f"https://github.com/cline/cline/blob/abc123/{snapshots.CLINE_FILE}"
    assert "llama-3.3-70b-versatile" in models_dev.models("groq") and "qwen/qwen3.6-27b" in cline_catalog.models("groq")


def test_an_upstream_name_claimed_by_two_vendors_is_refused(repo, capsys):
    path = repo / "data/vendors.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("upstream: [meta, meta-llama, llama]",
                                                             "upstream: [meta, meta-llama, llama, qwen]"),
                    encoding="utf-8")
    code, _, err = sync(repo, capsys)
    assert code == 2 and "upstream name 'qwen' is listed by both alibaba-cloud and meta" in err


def test_tiered_prices_compare_tier_by_tier_whatever_the_top_level_amounts(repo, capsys):
    path = repo / "data/providers/qwen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  price: {currency: USD, input: 0.5, output: 3, cache_read: 0.05, cache_write: 0.625}\n",
        "  price:\n    currency: USD\n    input: 2\n    output: 6\n    tiers:\n"
        "    - {up_to: 256000, input: 0.5, output: 3, cache_read: 0.05, cache_write: 0.625}\n"
        "    - {input: 2, output: 6, cache_read: 0.2, cache_write: 2.5}\n"), encoding="utf-8")
    _, out, _ = sync(repo, capsys)
    assert "qwen3.6-plus (international)" not in out


def test_an_upstream_id_missing_from_the_snapshot_is_named(repo, capsys):
    path = repo / "data/providers/qwen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{models_dev: alibaba-cn,", "{models_dev: alibaba-china,"),
                    encoding="utf-8")
    code, _, err = sync(repo, capsys)
    assert code == 2
    assert ("data/providers/qwen.yaml: upstream.endpoints.china.models_dev: 'alibaba-china' is not a provider in "
            "the models.dev snapshot of 2026-07-02") in err


@pytest.mark.parametrize("status", ["retired\n  retired: 2026-10-01", "preview",
                                    "deprecated\n  deprecated: 2027-01-31"])
def test_our_status_stands_where_upstream_lists_the_model_without_a_flag(repo, capsys, status):
    path = repo / "data/providers/groq.yaml"
    text = path.read_text(encoding="utf-8")
    llama = text.index("- id: llama-3.3-70b-versatile")
    path.write_text(text[:llama] + text[llama:].replace("  status: active\n", f"  status: {status}\n", 1),
                    encoding="utf-8")
    _, out, _ = sync(repo, capsys)
    assert "llama-3.3-70b-versatile  input price" in out and "llama-3.3-70b-versatile  status" not in out


def test_one_provider_at_a_time(repo, capsys):
    _, out, _ = sync(repo, capsys, "--provider", "mistral")
    assert out.startswith("mistral  data/providers/mistral.yaml\n") and "groq" not in out
    code, _, err = sync(repo, capsys, "--provider", "nope")
    assert code == 2 and "--provider nope: no such file under data/providers/" in err


def test_an_unreachable_upstream_is_a_clear_error(repo, capsys, monkeypatch):
    def offline(request, timeout):
        raise snapshots.urllib.error.URLError("Name or service not known")
    monkeypatch.setattr(snapshots.urllib.request, "urlopen", offline)
    code = main(["--root", str(repo), "--today", "2026-11-30"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert re.search(r"cannot download https://\S+ \(Name or service not known\); give --models-dev PATH", err)


def test_numbers_read_from_a_newer_source_are_kept_and_reported(repo, capsys):
    path = repo / "data/providers/groq.yaml"
    text = path.read_text(encoding="utf-8")
    # Groq's own price page, compared after both snapshots were taken, says 0.55: it stands.
    newer = text.replace("  verified: 2026-11-28\n- id: qwen/qwen3-32b",
                         "  source: pricing\n  verified: 2026-11-30\n- id: qwen/qwen3-32b", 1)
    assert newer != text
    path.write_text(newer, encoding="utf-8")
    code, out, _ = sync(repo, capsys, "--write")
    assert code == 0
    assert "kept       llama-3.3-70b-versatile" in out and "ours come from `pricing`, as of 2026-11-30" in out
    assert model(provider(repo, "groq"), "llama-3.3-70b-versatile")["price"]["input"] == 0.55
    # A snapshot source holds for the day it was taken: Cline's May table gives way to July's models.dev.
    assert model(provider(repo, "groq"), "openai/gpt-oss-120b")["max_output"] == 65536


def test_write_records_what_it_changed_in_the_change_log_once(repo, capsys):
    assert sync(repo, capsys, "--write")[0] == 0
    changes = catalog.load(repo / "data", repo).changes
    llama = next(change for change in changes if change.model_id == "llama-3.3-70b-versatile")
    assert (llama.date, llama.event, llama.source.id) == (datetime.date(2026, 11, 30), "changed", "models-dev")
    assert ("input", "USD", "0.55", "0.59") in [(fact.fact, fact.currency, fact.before, fact.after)
                                                for fact in llama.facts]
    assert {change.event for change in changes} >= {"changed", "added", "retired"}
    recorded = (repo / "data/changes.yaml").read_text(encoding="utf-8")
    sync(repo, capsys, "--write")  # nothing left to apply: nothing more to record
    assert (repo / "data/changes.yaml").read_text(encoding="utf-8") == recorded


def test_changes_that_would_leave_an_invalid_catalog_are_not_written(repo, capsys, monkeypatch):
    import sync.__main__ as command

    def apply_badly(tree, drift, today):  # a sync defect: a written number the validator refuses
        tree["models"][0]["context"] = -1

    monkeypatch.setattr(command, "apply", apply_badly)
    before = {path: path.read_bytes() for path in (repo / "data").rglob("*") if path.is_file()}
    code, _, err = sync(repo, capsys, "--write")
    assert code == 2 and "nothing was written" in err and "context" in err and "Traceback" not in err
    assert {path: path.read_bytes() for path in (repo / "data").rglob("*") if path.is_file()} == before


def test_a_model_left_out_on_purpose_is_explained_not_drift(repo, capsys):
    path = repo / "data/providers/groq.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("upstream:\n", "upstream:\n  left_out: {openai/gpt-oss-safeguard-20b: "
                                 "'a safety classifier, not a model to code with'}\n", 1), encoding="utf-8")
    code, out, err = sync(repo, capsys, "--write")
    assert code == 0, err
    assert re.search(r"left out\s+openai/gpt-oss-safeguard-20b  on purpose: a safety classifier, not a model to "
                     r"code with  \(explained\)", out)
    assert "3 models added upstream" in out and out.rstrip().endswith("1 left out on purpose")
    assert "gpt-oss-safeguard-20b" not in provider(repo, "groq")["models"].__repr__()
