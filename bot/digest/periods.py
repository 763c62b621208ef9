"""Periods people mean: inclusive dates, and named months, quarters and years.

A board member reads "1 January to 30 June" as including 30 June, so the
last day given is always in. Named periods sit beside the dates:

    2026-06    June 2026
    2026-Q2    April to June 2026
    2026       the calendar year
    2025-26    the financial year, 1 April 2025 to 31 March 2026

Inside the digest a period is [start, end): end is the day after the last.
"""

from __future__ import annotations

import re
from datetime import date, timedelta


class PeriodError(ValueError):
    """A period that cannot be used, in words an officer can act on."""


_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-[Qq](\d)")
_YEAR = re.compile(r"(\d{4})")
_FINANCIAL = re.compile(r"(\d{4})-(\d{2})")


def named(name: str) -> tuple[date, date]:
    """The [start, end) of a named period, or PeriodError saying what the names look like."""
    text = name.strip()
    if match := _QUARTER.fullmatch(text):
        year, quarter = int(match.group(1)), int(match.group(2))
        if not 1 <= quarter <= 4:
            raise PeriodError(f"there is no quarter {quarter}: use Q1 to Q4, as in 2026-Q1")
        start = date(year, 3 * quarter - 2, 1)
        return start, _add_months(start, 3)
    if match := _MONTH.fullmatch(text):
        year, second = int(match.group(1)), int(match.group(2))
        if 1 <= second <= 12:
            start = date(year, second, 1)
            return start, _add_months(start, 1)
        if second == (year + 1) % 100:  # 2025-26: a financial year
            return date(year, 4, 1), date(year + 1, 4, 1)
        raise PeriodError(
            f"{text!r} is neither a month (2026-01 to 2026-12) nor a financial year "
            f"({year}-{(year + 1) % 100:02d} runs from April {year} to March {year + 1})"
        )
    if match := _YEAR.fullmatch(text):
        year = int(match.group(1))
        return date(year, 1, 1), date(year + 1, 1, 1)
    raise PeriodError(
        f"{text!r} is not a period carebot knows: use a month (2026-06), a quarter (2026-Q2), "
        "a year (2026) or a financial year (2025-26)"
    )


def resolve(
    today: date, first: date | None = None, last: date | None = None, name: str | None = None
) -> tuple[date, date]:
    """The [start, end) to build, from a named period or from inclusive first and last days.

    With neither, the twelve months up to and including today. A period
    that starts after today, or ends before it starts, is refused.
    """
    if name is not None:
        if first is not None or last is not None:
            raise PeriodError("give a named period or --from/--to, not both")
        start, end = named(name)
    else:
        end = (last or today) + timedelta(days=1)
        start = first or _year_before(end)
        if last is not None and first is not None and last < first:
            raise PeriodError(f"--to ({last}) is before --from ({first})")
    if start > today:
        raise PeriodError(f"the period starts on {start}, after today ({today}): there is nothing to report yet")
    return start, end


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
