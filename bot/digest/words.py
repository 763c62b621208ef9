"""Plain words every format of the digest shares: dates, headings, how to read it, trends.

Councillors read this, so it says "young people", not "users", and "fewer
than 6", not "<6". Nothing here is escaped: each renderer escapes for its
own format.
"""

from __future__ import annotations

from datetime import date

from bot.digest.model import VERDICTS, Digest, Quote, Section, Trend, WsydItem
from storage.scrub import scrub

TITLE = "What young people told carebot"
SUBTITLE = "An anonymised digest for the Corporate Parenting Board"


def long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def period(digest: Digest) -> str:
    return f"{long_date(digest.start)} to {long_date(digest.last_day)}"


def previous_period(digest: Digest) -> str:
    last = date.fromordinal(digest.previous_end.toordinal() - 1)
    return f"{long_date(digest.previous_start)} to {long_date(last)}"


def heading(section: Section) -> str:
    if section.key == "engagement":
        return section.title
    return f"Principle {section.principle_number}: {section.title}"


def how_to_read(digest: Digest) -> list[str]:
    t = digest.threshold
    return [
        f"This digest covers {period(digest)} for {digest.council_name}. Trends compare it with "
        f"{previous_period(digest)}.",
        "It has no names and nothing that could identify a young person. Questions carebot answered are only "
        "counted; their words are not kept.",
        f"Where fewer than {t} young people (or questions, or events) are behind a number, it says "
        f"\u201cfewer than {t}\u201d. Where a number could be used with a total to work out a hidden one, it says "
        "\u201cnot shown\u201d. Zero means none.",
        f"Every other number is rounded up to the top of its group of five: {t + 4} means somewhere from {t} to "
        f"{t + 4}, {t + 9} means {t + 5} to {t + 9}, and so on. This stops anyone working out a hidden number "
        "by taking one digest away from another, for example this year so far minus last month's. "
        "So totals may not add up exactly.",
        "Percentages and trends are worked out from the rounded numbers, and only where every number behind "
        "them is shown.",
        "Quotes are in young people's own words, with names and contact details taken out, and only after "
        "the participation officer agreed to share them.",
    ]


def trend_sentence(trend: Trend, threshold: int) -> str:
    """One view topic, this period against the one before, in a sentence."""
    text = (
        f"{trend.label}: {trend.now.text(threshold)} young people shared a view "
        f"({trend.before.text(threshold)} in the period before)"
    )
    if trend.change not in ("cannot compare", "none either time"):
        text += f", {trend.change}"
    text += "."
    if trend.good_now and trend.good_before:
        text += f" {trend.good_now} felt good or really good, against {trend.good_before} before."
    elif trend.good_now:
        text += f" {trend.good_now} felt good or really good."
    return text


def quote_text(quote: Quote) -> str:
    """Scrubbed again as it is rendered: approval happened once, rendering happens every time."""
    return " ".join(scrub(quote.text).split())


def item_status(item: WsydItem, overdue_days: int) -> str:
    if item.overdue:
        return f"{item.status_label} (overdue: no answer after {overdue_days} working days)"
    return item.status_label


def verdicts(item: WsydItem, threshold: int) -> str:
    return "; ".join(f"{VERDICTS[key]}: {figure.text(threshold)}" for key, figure in item.ratings.items())


def empty_note(section: Section) -> str | None:
    """What to say when carebot has nothing for a principle's topics."""
    if section.topics or section.tables or section.items or section.quotes:
        return None
    return "carebot has nothing to report under this principle for this period."
