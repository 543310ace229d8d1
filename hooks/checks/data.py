"""The catalog: every problem in every data file, exactly as `mkdocs build` reports them."""

from __future__ import annotations

import os
import sys
import time

import catalog


def options(cli):
    """No options: the catalog is checked as a whole, as the build does."""
    return cli


def annotation(problem: catalog.Problem) -> str:
    """The problem as a GitHub Actions annotation, shown on the pull request's changed line."""
    message = f"{problem.message} — {problem.hint}" if problem.hint else problem.message
    title = problem.field or "data file"
    return f"::error file={problem.path},line={problem.line},col={problem.column},title={title}::{message}"


def run(root, options) -> int:
    """Load the catalog under root/data; print every problem, or a one-line summary."""
    start = time.perf_counter()
    try:
        loaded = catalog.load(root / "data", root)
    except catalog.CatalogError as error:
        print(error, file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print("\n".join(annotation(problem) for problem in error.problems))
        return 1
    models = sum(len(provider.models) for provider in loaded.providers)
    print(f"data: {len(loaded.providers)} providers, {models} models, {len(loaded.vendors)} vendors are valid "
          f"({time.perf_counter() - start:.2f} s)")
    return 0
