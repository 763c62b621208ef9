"""What a built digest is: sections of published figures, laid out by the seven principles.

Plain frozen dataclasses, so that every renderer reads the same thing and
none can reach back into storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.digest.suppress import Figure
from storage.vocab import PRINCIPLES

# How young people rated the council's answer, in the digest's words.
VERDICTS = {"yes": "Good enough", "partly": "Partly", "no": "Not good enough"}


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Figure, ...]
    total: Figure | None = None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    totals: Row | None = None
    total_header: str | None = None  # set when rows have a total column
    note: str = ""


@dataclass(frozen=True)
class Fact:
    label: str
    figure: Figure


@dataclass(frozen=True)
class Trend:
    """One view topic this period against the one before."""

    topic: str
    label: str
    principle: str
    now: Figure
    before: Figure
    change: str
    good_now: str | None  # "45%", or None when a hidden count would be needed
    good_before: str | None


@dataclass(frozen=True)
class WsydItem:
    said: str
    theme: str
    raised_on: date
    status: str
    status_label: str
    did: str | None
    reason: str | None
    owner: str | None
    answered_on: date | None
    overdue: bool
    ratings: dict[str, Figure]
    endorsements: Figure


@dataclass(frozen=True)
class Quote:
    topic: str
    text: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    principle: str | None
    summary: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    tables: tuple[Table, ...] = ()
    topics: tuple[str, ...] = ()  # view topics this section speaks to (see Digest.trend)
    trend: tuple[Trend, ...] = ()
    items: tuple[WsydItem, ...] = ()
    quotes: tuple[Quote, ...] = ()

    @property
    def principle_number(self) -> int | None:
        return list(PRINCIPLES).index(self.principle) + 1 if self.principle else None


@dataclass(frozen=True)
class Digest:
    council: str
    council_name: str
    start: date
    end: date  # not included
    previous_start: date
    previous_end: date
    threshold: int
    overdue_days: int
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def last_day(self) -> date:
        return date.fromordinal(self.end.toordinal() - 1)

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def trend(self, topic: str) -> Trend:
        for row in self.section("express_views").trend:
            if row.topic == topic:
                return row
        raise KeyError(topic)
