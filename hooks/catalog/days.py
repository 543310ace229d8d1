"""The date field, and today's date as the checks see it."""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass

from .fields import Field, shown


def as_date(value) -> datetime.date:
    """A checked date: YAML reads 2026-11-28 as a date, "2026-11-28" (quoted) as text; both are fine."""
    if isinstance(value, datetime.datetime):  # a timestamp; only its day counts
        return value.date()
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _is_iso_date(value: str) -> bool:
    """True for text such as 2026-11-28 that names a real day."""
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)) and bool(as_date(value))
    except ValueError:
        return False


EARLIEST_DAY, LATEST_DAY = datetime.date(2020, 1, 1), datetime.date(2099, 12, 31)  # before the first model APIs


def today() -> datetime.date:
    """Today in UTC, or SOURCE_DATE_EPOCH's day, so a reproducible build judges dates the same way."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    utc = datetime.timezone.utc
    now = datetime.datetime.fromtimestamp(int(epoch), utc) if epoch else datetime.datetime.now(utc)
    return now.date()


@dataclass
class Day(Field):
    """A calendar date. Editors read YAML 1.2, where a date is a string, so the schema says string."""

    def check(self, value, spot):
        hint = "write it as YYYY-MM-DD, e.g. 2026-11-28"
        if not (isinstance(value, datetime.date) or (isinstance(value, str) and _is_iso_date(value))):
            return [spot.problem(f"expected a date, got {shown(value)}", hint)]
        day = as_date(value)
        if not EARLIEST_DAY <= day <= LATEST_DAY:
            return [spot.problem(f"{day.isoformat()} is not a plausible date",
                                 f"between {EARLIEST_DAY.isoformat()} and {LATEST_DAY.isoformat()}; {hint}")]
        return []

    def schema(self):
        return self.described({"type": "string", "format": "date", "pattern": r"^20[2-9]\d-\d{2}-\d{2}$"})
