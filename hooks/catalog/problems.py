"""Problems found in data files, collected so that all of them are reported at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One mistake in one data file, at a line and column (both 1-based)."""

    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        hint = f" — {self.hint}" if self.hint else ""
        return f"{self.path}:{self.line}:{self.column}:{field} {self.message}{hint}"


class SourceError(Exception):
    """A file cannot be read as data at all; carries the problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


class CatalogError(Exception):
    """Raised with every problem found; its text is what the contributor reads."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.column, p.field))
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the catalog:"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))
