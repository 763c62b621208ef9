"""The digest as one tidy CSV table: section, item, measure, value.

One row per published figure or fact, so it pivots in a spreadsheet.
Suppressed figures keep their words ("fewer than 6", "not shown") in the
value column. Text that a spreadsheet would run as a formula is defused.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from bot.digest import words
from bot.digest.model import Digest, Table
from bot.digest.suppress import Figure

HEADER = ("section", "item", "measure", "value")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Record = tuple[str, str, str, "int | str"]


def _table_records(section: str, table: Table, threshold: int) -> Iterator[Record]:
    for row in (*table.rows, *((table.totals,) if table.totals else ())):
        label = f"{table.title}: {row.label}"
        for column, figure in zip(table.columns, row.cells):
            yield section, label, column, figure.public(threshold)
        if table.total_header and row.total is not None:
            yield section, label, table.total_header, row.total.public(threshold)


def records(digest: Digest) -> Iterator[Record]:
    """Every published figure and fact of the digest, in order."""
    t = digest.threshold
    yield "about", "digest", "council", digest.council_name
    yield "about", "digest", "from", digest.start.isoformat()
    yield "about", "digest", "to (not included)", digest.end.isoformat()
    yield "about", "digest", "previous period from", digest.previous_start.isoformat()
    yield "about", "digest", "previous period to (not included)", digest.previous_end.isoformat()
    yield "about", "digest", "smallest number shown", t
    yield "about", "digest", "overdue after working days", digest.overdue_days
    for section in digest.sections:
        for fact in section.facts:
            yield section.key, fact.label, "young people", fact.figure.public(t)
        for table in section.tables:
            yield from _table_records(section.key, table, t)
        for trend in section.trend:
            label = f"Trend: {trend.label}"
            yield section.key, label, "young people this period", trend.now.public(t)
            yield section.key, label, "young people in the period before", trend.before.public(t)
            yield section.key, label, "change", trend.change
            yield section.key, label, "good or really good this period", trend.good_now or "not available"
            yield section.key, label, "good or really good before", trend.good_before or "not available"
        for item in section.items:
            label = f"We said: {item.said}"
            yield section.key, label, "theme", item.theme
            yield section.key, label, "raised on", item.raised_on.isoformat()
            yield section.key, label, "status", item.status_label
            yield section.key, label, "overdue", "yes" if item.overdue else "no"
            yield section.key, label, "you did", item.did or ""
            yield section.key, label, "why not", item.reason or ""
            yield section.key, label, "who is responsible", item.owner or ""
            yield section.key, label, "answered on", item.answered_on.isoformat() if item.answered_on else ""
            for rating, figure in item.ratings.items():
                yield section.key, label, f"verdict: {words.VERDICTS[rating].lower()}", figure.public(t)
            yield section.key, label, "me too", item.endorsements.public(t)
        for quote in section.quotes:
            yield section.key, "In their own words", "quote", words.quote_text(quote)


def cell(value: int | str | Figure) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render(digest: Digest) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for record in records(digest):
        writer.writerow([cell(value) for value in record])
    return out.getvalue()
