"""Periods people mean, and digests that cannot be subtracted from each other to find a hidden count."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from datetime import date
from itertools import combinations
from typing import Any

import pytest
from click.testing import CliRunner

from bot import demo, digest
from bot.cli import main
from bot.digest.periods import PeriodError, named, resolve
from bot.digest.suppress import ROUNDING_BASE, rounded
from storage.store import Store

T = 6
SMALL = f"fewer than {T}"
TODAY = date(2027, 1, 10)


@pytest.mark.parametrize(
    "name, start, end",
    [
        ("2026-06", date(2026, 6, 1), date(2026, 7, 1)),
        ("2026-12", date(2026, 12, 1), date(2027, 1, 1)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 4, 1)),
        ("2026-q4", date(2026, 10, 1), date(2027, 1, 1)),
        ("2026", date(2026, 1, 1), date(2027, 1, 1)),
        ("2025-26", date(2025, 4, 1), date(2026, 4, 1)),
    ],
)
def test_named_periods(name: str, start: date, end: date) -> None:
    assert named(name) == (start, end)


@pytest.mark.parametrize(
    "name, says", [("2026-Q5", "no quarter 5"), ("2026-13", "neither a month"), ("2025-27", "neither a month"), ("last year", "not a period")]
)
def test_a_named_period_that_does_not_exist_says_what_would(name: str, says: str) -> None:
    with pytest.raises(PeriodError, match=says):
        named(name)


def test_the_last_day_given_is_in() -> None:
    assert resolve(TODAY, date(2026, 1, 1), date(2026, 6, 30)) == (date(2026, 1, 1), date(2026, 7, 1))
    assert resolve(TODAY) == (date(2026, 1, 11), date(2027, 1, 11))


@pytest.mark.parametrize(
    "first, last, name, says",
    [
        (date(2026, 7, 1), date(2026, 6, 30), None, "is before --from"),
        (date(2027, 2, 1), None, None, "after today"),
        (None, None, "2027-Q2", "after today"),
        (date(2026, 1, 1), None, "2026-Q1", "not both"),
    ],
)
def test_periods_that_cannot_be_used_are_refused(first: date | None, last: date | None, name: str | None, says: str) -> None:
    with pytest.raises(PeriodError, match=says):
        resolve(TODAY, first, last, name)


def test_rounding_makes_every_shown_count_a_band_of_five() -> None:
    assert [rounded(n) for n in (0, 5, 6, 7, 10, 11, 15, 16, 99)] == [0, 5, 10, 10, 10, 15, 15, 20, 100]
    assert [rounded(n, 10) for n in (10, 14, 15)] == [14, 14, 19]


# The attack: a year of made-up activity, and every nested pair of periods.

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
QUARTERS = [f"2026-Q{q}" for q in range(1, 5)]
AD_HOC = [(date(2026, 1, 1), date(2026, 7, 1)), (date(2026, 1, 1), date(2026, 8, 1)), (date(2026, 3, 15), date(2026, 9, 1))]


@pytest.fixture(scope="module")
def year() -> dict[tuple[date, date], dict[str, Any]]:
    """JSON digests of a demo year for every month, quarter, half year, the year and some ad hoc periods."""
    store = Store(":memory:")
    demo.fill(store, "somerset", seed=3, year_end=date(2027, 1, 1))
    periods = [named(p) for p in MONTHS + QUARTERS + ["2026"]] + AD_HOC
    return {p: json.loads(digest.render(digest.build(store, "somerset", *p), "json")) for p in periods}


def figures(data: dict[str, Any]) -> dict[tuple[Any, ...], Any]:
    """Every published count of a digest, by where it sits."""
    out: dict[tuple[Any, ...], Any] = {}
    for section in data["sections"]:
        for table in section["tables"]:
            if table["key"] == "views_before":  # the period before this one: not nested with the others
                continue
            for row in [*table["rows"], table["totals"] or {}]:
                for column, value in row.items():
                    if column != "label":
                        out[(table["key"], row.get("label", "total"), column)] = value
        for fact in section["facts"]:
            out[(section["key"], fact["label"])] = fact["value"]
        for trend in section["trend"]:
            out[("trend", trend["topic"])] = trend["this_period"]
    return out


def band(value: Any) -> tuple[float, float]:
    """What a reader knows of one published count."""
    if isinstance(value, int):
        return (value, value) if value < T else (value - ROUNDING_BASE + 1, value)
    return (1, T - 1) if value == SMALL else (0, math.inf)


def nested_pairs(year: dict[tuple[date, date], dict[str, Any]]) -> list[tuple[tuple[date, date], tuple[date, date]]]:
    return [
        (small, big) for small, big in combinations(sorted(year, key=lambda p: p[1] - p[0]), 2)
        if big[0] <= small[0] and small[1] <= big[1] and small != big
    ]


def test_no_difference_of_two_digests_gives_back_a_hidden_count(year: dict[tuple[date, date], dict[str, Any]]) -> None:
    pairs = nested_pairs(year)
    assert len(pairs) > 30  # months in quarters, quarters in the year, months and quarters in ad hoc periods
    hidden_somewhere = 0
    for small, big in pairs:
        a, b = figures(year[small]), figures(year[big])
        for key in a.keys() & b.keys():
            low_a, high_a = band(a[key])
            low_b, high_b = band(b[key])
            low, high = max(1, low_b - high_a), min(T - 1, high_b - low_a)
            # The difference may be a count another digest hides; it must never be pinned to one value.
            assert not (low == high), (small, big, key, a[key], b[key])
            hidden_somewhere += a[key] == SMALL or b[key] == SMALL
    assert hidden_somewhere  # the year really does have hidden counts to attack


def test_the_remainder_of_a_period_is_never_recovered(year: dict[tuple[date, date], dict[str, Any]]) -> None:
    """Half year minus its first quarter, year minus three quarters: the hidden counts of the rest stay hidden."""
    h1, q1, q2 = (date(2026, 1, 1), date(2026, 7, 1)), named("2026-Q1"), named("2026-Q2")
    a, b, rest = figures(year[q1]), figures(year[h1]), figures(year[q2])
    checked = 0
    for key, value in rest.items():
        if value == SMALL and key in a and key in b:
            low = max(1, band(b[key])[0] - band(a[key])[1])
            high = min(T - 1, band(b[key])[1] - band(a[key])[0])
            assert high != low, key
            checked += 1
    assert checked


def test_percentages_and_trends_come_from_the_published_numbers(year: dict[tuple[date, date], dict[str, Any]]) -> None:
    for data in year.values():
        for trend in next(s for s in data["sections"] if s["key"] == "express_views")["trend"]:
            now, before = trend["this_period"], trend["period_before"]
            if isinstance(now, int) and isinstance(before, int) and before and "%" in trend["change"]:
                assert f"{abs(round(100 * (now / before - 1)))}%" in trend["change"]


def test_every_format_shows_only_band_tops(year: dict[tuple[date, date], dict[str, Any]]) -> None:
    store = Store(":memory:")
    demo.fill(store, "somerset", seed=3, year_end=date(2027, 1, 1))
    d = digest.build(store, "somerset", *named("2026-Q3"))
    for row in csv.DictReader(io.StringIO(digest.render(d, "csv"))):
        if row["value"].isdigit() and row["measure"] != "smallest number shown":
            n = int(row["value"])
            assert n < T or (n - T + 1) % ROUNDING_BASE == 0, row
    cells = re.findall(r"\|\s*(\d+)\s*(?=\|)", digest.render(d, "md")) + re.findall(r"<td[^>]*>(\d+)</td>", digest.render(d, "html", charts=False))
    assert cells and all(int(n) < T or (int(n) - T + 1) % ROUNDING_BASE == 0 for n in cells)
    assert "rounded up to the top of its group of five" in digest.render(d, "md")


def test_the_cli_takes_a_named_period_and_an_inclusive_to(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.db"
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--council", "somerset", "--db", str(db), "--year-end", "2026-12-01"]).exit_code == 0
    to = runner.invoke(main, ["digest", "--council", "somerset", "--db", str(db), "--from", "2026-01-01", "--to", "2026-06-30", "--format", "md"])
    assert to.exit_code == 0 and "30 June 2026" in to.output and "29 June" not in to.output
    fy = runner.invoke(main, ["digest", "--council", "somerset", "--db", str(db), "--period", "2025-26", "--format", "md"])
    assert fy.exit_code == 0 and "1 April 2025 to 31 March 2026" in fy.output
    bad = runner.invoke(main, ["digest", "--council", "somerset", "--db", str(db), "--period", "2026-Q7"])
    assert bad.exit_code == 1 and "no quarter 7" in bad.output
