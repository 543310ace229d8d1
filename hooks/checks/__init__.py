"""Fast checks that need no site build, run by `scripts/check`, `scripts/test`, CI and pre-commit.

Each module has `run(root, options) -> int` (0 when the check passes) and prints what a contributor
needs to fix. `python -m checks` (with hooks/ on the path) runs them; see `__main__.py`.
"""
