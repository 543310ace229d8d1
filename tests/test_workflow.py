"""The contributor workflow files agree with each other: CI, .ci/run, scripts/test and pre-commit run
the same commands, and the data-correction form cannot be sent without a source."""

from __future__ import annotations

import yaml

from checks.__main__ import CHECKS
from conftest import ROOT


def load(path: str):
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def test_pull_requests_run_ci_run():
    ci = load(".github/workflows/ci.yml")
    triggers = ci[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "workflow_call" in triggers
    assert [step["run"] for step in ci["jobs"]["test"]["steps"] if "run" in step] == ["bash .ci/run"]


def test_ci_run_is_scripts_test_which_runs_the_checks_first():
    assert "exec scripts/test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    script = (ROOT / "scripts/test").read_text(encoding="utf-8")
    assert script.index("\nscripts/check\n") < script.index("-m pytest")


def test_main_is_tested_then_built_strictly_and_deployed():
    deploy = load(".github/workflows/deploy.yml")
    assert deploy[True]["push"]["branches"] == ["main"]
    jobs = deploy["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/ci.yml"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert any("mkdocs build --strict" in step.get("run", "") for step in jobs["build"]["steps"])
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in jobs["deploy"]["steps"])


def test_pre_commit_runs_every_check_by_its_scripts_check_name():
    hooks = [hook for repo in load(".pre-commit-config.yaml")["repos"] for hook in repo["hooks"]]
    entries = {hook["entry"] for hook in hooks}
    assert {f"scripts/check {name}" for name in CHECKS} <= entries
    assert any(entry.startswith("ruff") for entry in entries)


def test_data_correction_form_requires_a_source_url():
    form = load(".github/ISSUE_TEMPLATE/data-correction.yml")
    source = next(field for field in form["body"] if field.get("id") == "source")
    assert source["validations"]["required"] is True
