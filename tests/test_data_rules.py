"""Data rules: the real Groq file is valid; each test breaks one thing and reads the message."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import catalog
from catalog.templates import REQUIRED_LABELS
from conftest import ROOT, copy_project, mkdocs_build
from corpus import GROQ_FIXTURE

GROQ = GROQ_FIXTURE.read_text(encoding="utf-8")


@pytest.fixture
def data(tmp_path) -> Path:
    """The shared data files and Groq only, so other providers' files cannot change what a test sees."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("providers", "changes.yaml"))
    (tmp_path / "data/providers").mkdir()
    shutil.copy2(GROQ_FIXTURE, tmp_path / "data/providers/groq.yaml")
    return tmp_path / "data"


def problems_for(data: Path, groq_text: str | bytes) -> list[str]:
    path = data / "providers/groq.yaml"
    path.write_bytes(groq_text if isinstance(groq_text, bytes) else groq_text.encode("utf-8"))
    with pytest.raises(catalog.CatalogError) as caught:
        catalog.load(data, data.parent)
    return [str(problem) for problem in caught.value.problems]


def line_of(text: str, needle: str, nth: int = 0) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[nth]


def test_real_catalog_is_valid():
    loaded = catalog.load(ROOT / "data", ROOT)
    groq = loaded.provider("groq")
    # The nine models of Groq's original page stay on it, withdrawn ones as retired (shared/DESIGN.md).
    assert {m.id for m in groq.models} >= {
        "llama-3.3-70b-versatile", "llama-3.1-8b-instant", "openai/gpt-oss-120b", "openai/gpt-oss-20b",
        "moonshotai/kimi-k2-instruct", "deepseek-r1-distill-llama-70b", "meta-llama/llama-4-maverick-17b-128e-instruct",
        "meta-llama/llama-4-scout-17b-16e-instruct", "qwen/qwen3-32b"}


def test_abbreviated_number_names_file_line_and_field(data):
    broken = GROQ.replace("  context: 262144", "  context: 131K", 1)
    [message] = problems_for(data, broken)
    line = line_of(broken, "context: 131K")
    assert message.startswith(f"data/providers/groq.yaml:{line}:")
    assert "models[0].context: expected a positive integer, got '131K'" in message
    assert "131072" in message  # says what would be valid


def test_unknown_field_suggests_the_right_one(data):
    broken = GROQ.replace("  max_output: 16384", "  max_outptu: 16384", 1)
    found = problems_for(data, broken)
    assert any("models[0].max_outptu: unknown field — did you mean `max_output`?" in m for m in found)
    assert any("models[0].max_output: required field is missing — add it: Largest number" in m for m in found)


def test_duplicate_key_is_an_error(data):
    broken = GROQ.replace("website: https://groq.com/\n",
                          "website: https://groq.com/\nwebsite: https://groq.com/x\n", 1)
    [message] = problems_for(data, broken)
    assert f":{line_of(broken, 'website:', 1)}:" in message
    assert "website: duplicate key (first set on line" in message


def test_negative_price(data):
    broken = GROQ.replace("input: 0.59,", "input: -0.59,", 1)
    [message] = problems_for(data, broken)
    assert "price.input: price cannot be negative, got -0.59" in message


def test_output_above_context(data):
    broken = GROQ.replace("  max_output: 32766", "  max_output: 300000", 1)
    [message] = problems_for(data, broken)
    assert "models[1].max_output: max output 300,000 is larger than the context window 131,072" in message


def test_cache_read_above_input(data):
    broken = GROQ.replace("cache_read: 0.15}", "cache_read: 0.9}", 1)
    [message] = problems_for(data, broken)
    assert "cache-read price 0.9 is above the input price 0.6" in message


def test_missing_translation(data):
    broken = GROQ.replace("  zh: 立即复制密钥并妥善保存：Groq 只显示一次。密钥以 gsk_ 开头。\n", "", 1)
    [message] = problems_for(data, broken)
    assert "key_steps[3]: the zh text is missing" in message


def test_javascript_url_is_rejected(data):
    broken = GROQ.replace("pricing_url: https://groq.com/pricing", "pricing_url: javascript:alert(1)", 1)
    [message] = problems_for(data, broken)
    assert "pricing_url: 'javascript:alert(1)' is not an https:// address" in message


def test_plain_http_only_for_local_servers(data):
    broken = GROQ.replace("website: https://groq.com/", "website: http://groq.com/", 1)
    [message] = problems_for(data, broken)
    assert "website:" in message and "http://" in message


def test_unknown_vendor_lists_known_ones(data):
    broken = GROQ.replace("vendor: moonshot-ai", "vendor: moonshot", 1)
    [message] = problems_for(data, broken)
    assert "models[0].vendor: unknown vendor 'moonshot'" in message and "moonshot-ai" in message


def test_deprecated_model_needs_a_date(data):
    broken = GROQ.replace("  status: preview", "  status: deprecated", 1)
    [message] = problems_for(data, broken)
    assert "a deprecated model needs the date it is retired" in message


def test_duplicate_model_id(data):
    broken = GROQ.replace("- id: openai/gpt-oss-20b", "- id: openai/gpt-oss-120b", 1)
    [message] = problems_for(data, broken)
    assert "model id 'openai/gpt-oss-120b' is listed twice" in message


def test_free_is_a_plan_not_a_zero_price_with_plan(data):
    broken = GROQ.replace("price: {plan: unlisted}", "price: {plan: free, input: 0}", 1)
    [message] = problems_for(data, broken)
    assert "models[10].price: a `plan` price cannot also have `input` — write `{currency: USD" in message


def test_all_problems_are_reported_at_once(data):
    broken = GROQ.replace("  context: 262144", "  context: 131K", 1).replace("input: 0.59,", "input: -1,", 1)
    assert len(problems_for(data, broken)) == 2


@pytest.mark.parametrize("text, expected", [
    ("name: !!python/object/apply:os.system [echo hi]\n",
     "custom tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("a: &x [1]\nb: *x\n", "YAML anchors and aliases are not allowed"),
    ("name: Groq\n\tkind: cloud-api\n", "tab used for indentation"),
    ("name: [unclosed\n", "YAML syntax error"),
    ("name: Groq\n---\nname: Groq\n", "2 YAML documents in one file — remove the `---` lines"),
    ("? [name]\n: Groq\n", "1:3: key (a list) is not text"),
    ("name: Groq\nname: Groq\n", "2:1: name: duplicate key (first set on line 1)"),
    ("a: [[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]\n", "nested more than 20 levels deep"),
    ("", "file is empty"),
])
def test_hostile_yaml_is_refused(data, text, expected):
    [message] = problems_for(data, text)
    assert expected in message and message.startswith("data/providers/groq.yaml:")


def test_alias_bomb_is_refused(data):
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 4)}]\n" for i in range(20))
    [message] = problems_for(data, bomb)  # expanded, the bomb would be 9 × 4^20 items: refused unexpanded
    assert "anchors and aliases are not allowed" in message


def test_not_utf8(data):
    [message] = problems_for(data, "name: Gro\xe9\n".encode("latin-1"))
    assert "file is not valid UTF-8" in message


def test_absurdly_large_file(data):
    [message] = problems_for(data, "# " + "x" * 600_000 + "\n")
    assert "data files must stay under" in message


def test_bad_provider_file_name(data):
    (data / "providers/x.ai.yaml").write_text(GROQ, encoding="utf-8")
    with pytest.raises(catalog.CatalogError) as caught:
        catalog.load(data, data.parent)
    assert "data/providers/x.ai.yaml:1:1: file name is not a provider id" in str(caught.value)


def test_guide_placeholder_needs_its_field(data):
    broken = GROQ.replace("  key_field: Groq API Key\n", "", 1)
    found = problems_for(data, broken)
    assert any("the cloud-api setup guide needs `cline.key_field`" in m for m in found)


def test_broken_file_fails_the_build_cleanly(tmp_path):
    project = copy_project(tmp_path / "project")
    groq = project / "data/providers/groq.yaml"
    groq.write_text(GROQ.replace("  context: 262144", "  context: 131K", 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "data/providers/groq.yaml:" in result.stderr and "models[0].context" in result.stderr
    assert "Traceback" not in result.stderr


# Gaps closed for issue 3: deprecation, dates, nesting, and the price shape ----------------------

def deprecate_kimi(replacement: str | None) -> str:
    """Groq with the first Kimi K2 release deprecated, pointing at `replacement` when given."""
    block = GROQ[GROQ.index("- id: moonshotai/kimi-k2-instruct\n"):]
    status = block[block.index("  status: active\n"):].split("\n", 1)[0]
    extra = "\n  deprecated: 2026-01-15" + (f"\n  replacement: {replacement}" if replacement else "")
    start = GROQ.index("- id: moonshotai/kimi-k2-instruct\n")
    return GROQ[:start] + block.replace(status, "  status: deprecated" + extra, 1)


def test_deprecated_model_with_date_and_replacement_is_valid(data):
    (data / "providers/groq.yaml").write_text(deprecate_kimi("moonshotai/kimi-k2-instruct-0905"), encoding="utf-8")
    groq = catalog.load(data, data.parent).provider("groq")
    kimi = next(m for m in groq.models if m.id == "moonshotai/kimi-k2-instruct")
    assert kimi.status == "deprecated" and kimi.replacement == "moonshotai/kimi-k2-instruct-0905"
    assert kimi.deprecated.isoformat() == "2026-01-15"


@pytest.mark.parametrize("replacement, expected", [
    ("moonshotai/kimi-k3", "replacement 'moonshotai/kimi-k3' is not a model of this provider — use an id listed"),
    ("moonshotai/kimi-k2-instruct", "a model cannot replace itself"),
])
def test_replacement_must_exist(data, replacement, expected):
    broken = deprecate_kimi(replacement)
    [message] = problems_for(data, broken)
    assert f":{line_of(broken, 'replacement:')}:" in message and "models[5].replacement: " + expected in message


def test_deprecated_date_hint_mentions_the_replacement(data):
    [message] = problems_for(data, GROQ.replace("  status: preview", "  status: deprecated", 1))
    assert "— add `deprecated: YYYY-MM-DD` and, where there is one, `replacement: <model id>`" in message


def test_impossible_date_is_an_error_not_a_traceback(data):
    broken = GROQ.replace("verified: 2026-11-28", "verified: 2026-02-30", 1)
    [message] = problems_for(data, broken)
    assert message.startswith(f"data/providers/groq.yaml:{line_of(broken, 'verified: 2026-02-30')}:")
    assert "verified: '2026-02-30' cannot be read: day is out of range for month — write a real date" in message


def test_quoted_date_is_a_date(data):
    (data / "providers/groq.yaml").write_text(GROQ.replace("verified: 2026-11-28", 'verified: "2026-11-28"', 1))
    assert catalog.load(data, data.parent).provider("groq").verified.isoformat() == "2026-11-28"


def test_deep_nesting_is_refused(data):
    [message] = problems_for(data, "name: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested more than 20 levels deep" in message


def test_duplicate_key_names_the_full_field_path(data):
    broken = GROQ.replace("  context: 262144\n", "  context: 262144\n  context: 131072\n", 1)
    [message] = problems_for(data, broken)
    assert f":{line_of(broken, 'context: 131072')}:3: models[0].context: duplicate key (first set on line" in message


@pytest.mark.parametrize("price, expected", [
    ("{currency: USD, input: 0.59}", "a per-token price also needs `output`"),
    ("{input: 0.59, output: 0.79}", "a per-token price also needs `currency`"),
    ("{}", "needs a `plan` price or a per-token price"),
])
def test_price_shape(data, price, expected):
    broken = GROQ.replace("price: {plan: unlisted}", f"price: {price}", 1)
    [message] = problems_for(data, broken)
    assert f"models[10].price: {expected} — write `{{currency: USD" in message


def test_tier_cache_read_above_tier_input(data):
    broken = GROQ.replace("price: {plan: unlisted}", "price: {currency: USD, input: 1, output: 2, tiers: "
                          "[{up_to: 1000, input: 1, output: 2}, {input: 2, output: 3, cache_read: 5}]}", 1)
    [message] = problems_for(data, broken)
    assert "models[10].price.tiers[1].cache_read: cache-read price 5 is above the input price 2" in message


def test_every_message_has_a_hint(data):
    broken = GROQ.replace("  context: 262144", "  context: 131K", 1)
    broken = broken.replace("website: https://groq.com/", "website: 1", 1)
    broken = broken.replace("sources:\n", "sources: []\nunused:\n", 1)
    for message in problems_for(data, broken):
        assert " — " in message, message


def test_aliases_are_a_list_of_short_names(data):
    valid = GROQ.replace("kind: cloud-api\n", "aliases: [GroqCloud, 格罗克]\nkind: cloud-api\n", 1)
    (data / "providers/groq.yaml").write_text(valid, encoding="utf-8")
    assert catalog.load(data, data.parent).provider("groq").aliases == ("GroqCloud", "格罗克")
    [message] = problems_for(data, GROQ.replace("kind: cloud-api\n", "aliases: GroqCloud\nkind: cloud-api\n", 1))
    assert f"data/providers/groq.yaml:{line_of(GROQ, 'kind:')}:" in message
    assert "aliases: expected a list" in message


def test_every_label_the_code_asks_for_is_required():
    """A label named in the code but missing from templates.REQUIRED_LABELS would pass the check and
    crash the build; a required label missing from data/labels would fail every build."""
    required = {key for keys in REQUIRED_LABELS.values() for key in keys}
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "hooks").rglob("*.py"))
    asked = set(re.findall(r"""label\(\s*["']([a-z0-9_.]+)["']\s*[,)]""", source))
    assert asked and asked <= required, sorted(asked - required)
    labels = catalog.load(ROOT / "data", ROOT).labels
    assert required <= labels.keys(), sorted(required - labels.keys())
    for area, keys in REQUIRED_LABELS.items():
        assert (ROOT / f"data/labels/{area}.yaml").is_file(), area


def test_a_missing_label_file_is_named(data):
    (data / "labels/compare.yaml").unlink()
    with pytest.raises(catalog.CatalogError) as error:
        catalog.load(data, data.parent)
    assert "data/labels/compare.yaml:1:1: cmp_caption: label is missing" in str(error.value)


def test_the_model_served_is_a_plain_lower_case_id(data):
    broken = GROQ.replace("  model: gpt-oss-120b", "  model: openai/GPT-OSS-120B", 1)
    [message] = problems_for(data, broken)
    assert message.startswith(f"data/providers/groq.yaml:{line_of(broken, 'model: openai/GPT')}:")
    assert "models[1].model: 'openai/GPT-OSS-120B' is not allowed here" in message
    assert "'gpt-oss-120b'" in message  # the example shows a valid id


def test_one_model_has_one_vendor_in_every_file(data):
    other = GROQ.replace("  vendor: openai\n", "  vendor: meta\n", 1)
    (data / "providers/other.yaml").write_text(other, encoding="utf-8")
    found = problems_for(data, GROQ)
    line = line_of(other, "model: gpt-oss-120b")
    assert f"data/providers/other.yaml:{line}:3: models[1].model: model 'gpt-oss-120b' is made by 'meta' here but by " \
           f"'openai' at data/providers/groq.yaml:{line}" in found[0]
    assert "use the same `vendor` for every entry of one model" in found[0]


def test_two_model_ids_cannot_share_a_page_address(data):
    broken = GROQ.replace("  model: gpt-oss-20b", "  model: gpt-oss.120b", 1)  # gpt-oss-120b is models[1]
    [message] = problems_for(data, broken)
    assert f"groq.yaml:{line_of(broken, 'model: gpt-oss.120b')}:3: models[2].model: model 'gpt-oss.120b' and " \
           f"'gpt-oss-120b' (at data/providers/groq.yaml:{line_of(broken, 'model: gpt-oss-120b')}) share a page " \
           "address" in message
