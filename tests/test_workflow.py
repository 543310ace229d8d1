"""The contributor workflow files agree with each other: CI, .ci/run, scripts/test and pre-commit run
the same commands, and the data-correction form cannot be sent without a source."""

from __future__ import annotations

import re

import yaml

from checks.__main__ import CHECKS
from conftest import ROOT


def load(path: str):
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def test_pull_requests_run_ci_run():
    ci = load(".github/workflows/ci.yml")
    triggers = ci[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and "workflow_call" in triggers
    runs = [step["run"] for step in ci["jobs"]["test"]["steps"] if "run" in step]
    assert runs[0] == "bash .ci/run"
    assert all("scripts/check diff" in run for run in runs[1:])  # the only other step reports, it tests nothing


def test_pull_requests_touching_data_show_the_changed_facts_in_the_job_summary():
    steps = load(".github/workflows/ci.yml")["jobs"]["test"]["steps"]
    checkout = next(step for step in steps if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base commit must be there to read data/ at it
    summary = next(step for step in steps if "scripts/check diff" in step.get("run", ""))
    assert "pull_request" in summary["if"] and summary["env"]["BASE"] == "${{ github.event.pull_request.base.sha }}"
    assert 'git diff --quiet "$BASE" HEAD -- data/' in summary["run"]
    assert '--lang zh' in summary["run"] and '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]


def test_weekly_sync_opens_one_pull_request_with_the_drift_report():
    sync = load(".github/workflows/sync.yml")
    assert "schedule" in sync[True] and "workflow_dispatch" in sync[True]
    steps = sync["jobs"]["sync"]["steps"]
    uses = [step["uses"] for step in steps if "uses" in step]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+(\.\d+)*", action) for action in uses), uses
    assert {action.split("@")[0] for action in uses} == {
        "actions/checkout", "actions/setup-python", "peter-evans/create-pull-request"}
    checkout = next(action for action in uses if action.startswith("actions/checkout@"))
    assert checkout in (step.get("uses") for step in load(".github/workflows/ci.yml")["jobs"]["test"]["steps"])
    runs = [step["run"] for step in steps if "run" in step]
    write = next(run for run in runs if run.startswith("scripts/sync"))
    assert "--write" in write and '--markdown "$RUNNER_TEMP/drift.md"' in write
    assert runs.index("scripts/check data") > runs.index(write)
    pull_request = steps[-1]["with"]
    assert pull_request["body-path"] == "${{ runner.temp }}/drift.md"
    assert pull_request["branch"] == "sync/upstream-catalogs"  # one branch: the next run updates the same PR
    # The providers' numbers, and the record of what changed that the change page and feeds are made from.
    assert pull_request["add-paths"].split() == ["data/providers/*.yaml", "data/changes.yaml"]
    assert sync["permissions"] == {"contents": "write", "pull-requests": "write"}


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
