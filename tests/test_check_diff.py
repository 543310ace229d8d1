"""scripts/check diff BASE on a throwaway git repository: a table of the facts a change alters, in both
languages, read through the real catalog loader on both sides."""

from __future__ import annotations

import copy
import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from checks.__main__ import main
from conftest import ROOT
from sync.yamlio import dump, load

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com"]


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository holding data/ with one provider (the sync tests' groq.yaml), committed once."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("providers", "changes.yaml"))
    (tmp_path / "data/providers").mkdir()
    shutil.copy2(ROOT / "tests/fixtures/upstream/providers/groq.yaml", tmp_path / "data/providers/groq.yaml")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run([*GIT, "-C", str(tmp_path), "add", "data"], check=True)
    subprocess.run([*GIT, "-C", str(tmp_path), "commit", "-q", "-m", "base"], check=True)
    return tmp_path


def edit_groq(repo: Path) -> None:
    """A price, a capability, a context window, a retirement, a removal and a new model in groq.yaml."""
    path = repo / "data/providers/groq.yaml"
    tree = load(path, "groq.yaml")
    models = {model["id"]: model for model in tree["models"]}
    models["llama-3.3-70b-versatile"]["price"]["input"] = 0.65
    models["llama-3.3-70b-versatile"]["capabilities"].append("tools")
    models["openai/gpt-oss-120b"]["context"] = 262144
    models["moonshotai/kimi-k2-instruct-0905"].update(status="retired", retired=datetime.date(2026, 7, 2))
    tree["models"].remove(models["qwen/qwen3-32b"])
    added = copy.deepcopy(models["openai/gpt-oss-120b"])
    added.update(id="openai/gpt-oss-safeguard-20b", name="Safety GPT OSS 20B", context=131072)
    tree["models"].append(added)
    path.write_text(dump(tree), encoding="utf-8")


def diff(repo: Path, capsys, *options: str) -> tuple[int, str, str]:
    code = main(["--root", str(repo), "diff", "HEAD", *options])
    out, err = capsys.readouterr()
    return code, out, err


def test_each_changed_fact_is_one_row(repo, capsys):
    edit_groq(repo)
    code, out, _ = diff(repo, capsys)
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("| groq |")]
    assert rows == [
        "| groq | `moonshotai/kimi-k2-instruct-0905` | retired on 2026-07-02 |",
        "| groq | `openai/gpt-oss-120b` | context window 131072 → 262144 |",
        "| groq | `llama-3.3-70b-versatile` | capabilities — → Tool use |",
        "| groq | `llama-3.3-70b-versatile` | input price 0.55 → 0.65 USD |",
        "| groq | `qwen/qwen3-32b` | removed |",
        "| groq | `openai/gpt-oss-safeguard-20b` | added: context window 131072, max output 32766, "
        "input price 0.15 USD, output price 0.75 USD, capabilities Reasoning |",
    ]
    assert out.startswith("### Catalog changes since HEAD\n\n| Provider | Model | Change |")
    assert out.rstrip().endswith("Models changed: 5, in 1 providers.")


def test_the_table_in_chinese(repo, capsys):
    edit_groq(repo)
    _, out, _ = diff(repo, capsys, "--lang", "zh")
    assert "| groq | `llama-3.3-70b-versatile` | 输入价格 0.55 → 0.65 USD |" in out
    assert "| groq | `moonshotai/kimi-k2-instruct-0905` | 于 2026-07-02 下线 |" in out
    assert "| groq | `llama-3.3-70b-versatile` | 能力 — → 工具调用 |" in out
    assert "新增：上下文窗口 131072，最大输出 32766，" in out
    assert out.startswith("### 自 HEAD 以来的目录变化\n\n| 服务商 | 模型 | 变化 |")


def test_no_change_says_so(repo, capsys):
    assert diff(repo, capsys) == (0, "### Catalog changes since HEAD\n\nNo catalog facts changed.\n", "")


def test_a_new_provider_is_one_row_and_its_models_are_listed_as_added(repo, capsys):
    groq = (repo / "data/providers/groq.yaml").read_text(encoding="utf-8")
    (repo / "data/providers/groq-copy.yaml").write_text(groq, encoding="utf-8")
    _, out, _ = diff(repo, capsys)
    assert "| groq-copy |  | provider added |" in out
    models = groq.count("\n- id: ")
    added = [line for line in out.splitlines() if line.startswith("| groq-copy | `") and "| added: " in line]
    assert len(added) == models


def test_catalog_text_cannot_break_the_table(repo, capsys):
    path = repo / "data/providers/groq.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Llama 3.3 70B Versatile", "name: Llama | <b>70B</b>"), encoding="utf-8")
    _, out, _ = diff(repo, capsys)
    assert ("| groq | `llama-3.3-70b-versatile` | name Llama 3.3 70B Versatile → Llama \\| &lt;b&gt;70B&lt;/b&gt; |"
            in out)


def test_an_unknown_revision_or_invalid_data_is_a_clear_error(repo, capsys):
    code = main(["--root", str(repo), "diff", "no-such-branch"])
    err = capsys.readouterr().err
    assert code == 2 and "git cannot read data/ at 'no-such-branch'" in err
    path = repo / "data/providers/groq.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("context: 131072", "context: lots", 1), encoding="utf-8")
    code, _, err = diff(repo, capsys)
    assert code == 2 and "data/providers/groq.yaml" in err and "Traceback" not in err


def test_a_base_from_before_the_model_field_still_loads():
    import yaml

    from checks.diff import with_served_models
    from corpus import GROQ_FIXTURE

    current = GROQ_FIXTURE.read_text(encoding="utf-8")
    older = re.sub(r"(?m)^  model: .*\n", "", current)
    upgraded = yaml.safe_load(with_served_models(older, "groq"))["models"]
    assert [entry["id"] for entry in upgraded] == [entry["id"] for entry in yaml.safe_load(current)["models"]]
    assert len({entry["model"] for entry in upgraded}) == len(upgraded)  # one each: no cross-file rule can trip
    assert with_served_models(current, "groq") == current  # a file that names them is left alone
