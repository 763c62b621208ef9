"""Anonymity as properties: whatever the data, no small count, identifier or raw text gets out.

The reader here is written apart from bot/digest/suppress.py on purpose:
it takes only what a published digest says (the JSON) and narrows every
hidden count from the totals, as a determined reader would.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import math
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import digest
from bot.digest.build import build
from bot.digest.model import VERDICTS
from bot.digest.suppress import HIDDEN, SHOWN, SMALL, TOTAL, grid_sums, grid_values, protect, reader_ranges
from knowledge.base import CouncilKnowledge
from storage.store import Store
from bot.digest.suppress import ROUNDING_BASE
from storage.vocab import AGE_BANDS, RATINGS, VIEW_TOPICS

T = 6
START, END = date(2024, 4, 1), date(2025, 4, 1)
IN, BEFORE, AFTER = "2024-09-02T10:00:00+00:00", "2023-09-04T10:00:00+00:00", "2025-09-01T10:00:00+00:00"
# Planted in free text; none of it may reach any output.
PLANTED = {
    "my social worker is Dave Smith and": ["Dave", "Smith"],
    "ring me on 07700 900123 ok": ["07700", "900123"],
    "email jo.bloggs@example.com please": ["jo.bloggs", "example.com"],
    "I live at 12 Oak Road BA1 2AB": ["Oak Road", "BA1"],
    "I go to Taunton Academy": ["Taunton"],
    "born 12/03/2007 btw": ["12/03/2007", "2007"],
    "my PA is Kelly Brown": ["Kelly", "Brown"],
}
SCRIPT = "<script>alert('x')</script>"
SMALL_WORDS = f"fewer than {T}"
settings.register_profile("digest", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# The reader


Value = int | str  # a shown number, or the words that replace it


def reader(published: dict[Any, Value], sums: list[tuple[list[Any], Any]], at_most: list[tuple[Any, Any]] = ()) -> dict[Any, tuple[float, float]]:
    """Narrow every figure from the published ones and the sums, until nothing changes."""
    low: dict[Any, float] = {}
    high: dict[Any, float] = {}
    for key, value in published.items():
        if isinstance(value, int):
            # The digest's own rule: a shown count of 6 or more is the top of its band of five (10 is 6 to 10).
            low[key], high[key] = (value, value) if value < T else (value - ROUNDING_BASE + 1, value)
        elif value == SMALL_WORDS:
            low[key], high[key] = 1, T - 1
        else:
            assert value == "not shown", value
            low[key], high[key] = 0, math.inf
    for _ in range(1000):
        before = (dict(low), dict(high))
        for parts, total in sums:
            low[total] = max(low[total], sum(low[p] for p in parts))
            high[total] = min(high[total], sum(high[p] for p in parts))
            for part in parts:
                others = [p for p in parts if p != part]
                low[part] = max(low[part], low[total] - sum(high[p] for p in others))
                high[part] = min(high[part], high[total] - sum(low[p] for p in others))
        for smaller, larger in at_most:
            high[smaller] = min(high[smaller], high[larger])
            low[larger] = max(low[larger], low[smaller])
        if (low, high) == before:
            break
    return {key: (low[key], high[key]) for key in published}


def assert_nothing_recoverable(published: dict[Any, Value], sums: list[tuple[list[Any], Any]], at_most: list[tuple[Any, Any]] = ()) -> None:
    ranges = reader(published, sums, at_most)
    for key, value in published.items():
        if value == SMALL_WORDS:
            low, high = ranges[key]
            assert low < high, f"{key} can be worked out: {low}"
            assert high - low >= T - 2, f"{key} narrowed to {low}-{high}"
    # The brief's rule of thumb too: a hidden figure never stands alone in a sum.
    for parts, total in sums:
        hidden = [m for m in (*parts, total) if not isinstance(published[m], int)]
        assert len(hidden) != 1, f"{hidden[0]} is the only hidden figure in its sum"


def tables_of(data: dict[str, Any]) -> tuple[dict[Any, Value], list[tuple[list[Any], Any]], list[tuple[Any, Any]]]:
    """Every table of a JSON digest as published figures and the sums that tie them."""
    published: dict[Any, Value] = {}
    sums: list[tuple[list[Any], Any]] = []
    for section in data["sections"]:
        for table in section["tables"]:
            name, columns, total_column = table["key"], table["columns"], table["total_column"]
            rows, row_totals = table["rows"], bool(total_column)
            if name == "wsyd_ratings":  # the per-item cells live with the items, without row totals
                rows = [{VERDICTS[k]: v for k, v in item["verdicts"].items()} for item in section["we_said_you_did"]]
                row_totals = False
            for r, row in enumerate(rows):
                for c in columns:
                    published[(name, r, c)] = row[c]
                if row_totals:
                    published[(name, r, TOTAL)] = row[total_column]
                    sums.append(([(name, r, c) for c in columns], (name, r, TOTAL)))
            for c in columns:
                published[(name, TOTAL, c)] = table["totals"][c]
                sums.append(([(name, r, c) for r in range(len(rows))], (name, TOTAL, c)))
            if total_column:
                published[(name, TOTAL, TOTAL)] = table["totals"][total_column]
                sums.append(([(name, TOTAL, c) for c in columns], (name, TOTAL, TOTAL)))
            if row_totals:
                sums.append(([(name, r, TOTAL) for r in range(len(rows))], (name, TOTAL, TOTAL)))
    # No more young people have a view on one topic than used carebot at all.
    active = ("age_bands", TOTAL, TOTAL)
    at_most = [(("views_now", r, TOTAL), active) for r in range(len(VIEW_TOPICS))]
    return published, sums, at_most


# Suppression on its own


counts = st.one_of(st.integers(0, 5), st.integers(0, 30))
grids = st.integers(1, 5).flatmap(
    lambda rows: st.integers(1, 4).flatmap(
        lambda cols: st.lists(st.lists(counts, min_size=cols, max_size=cols), min_size=rows, max_size=rows)
    )
)


@settings(settings.get_profile("digest"), max_examples=200)
@given(grids, st.booleans())
def test_suppressed_tables_give_nothing_away(grid: list[list[int]], row_totals: bool) -> None:
    rows, cols = list(range(len(grid))), list(range(len(grid[0])))
    values = grid_values({r: dict(enumerate(grid[r])) for r in rows}, rows, cols, row_totals=row_totals)
    sums = grid_sums(rows, cols, row_totals=row_totals)
    status = protect(values, sums, T)
    assert all(status[k] != SHOWN for k, v in values.items() if 0 < v < T)
    assert all(status[k] == SHOWN for k, v in values.items() if v == 0 or status[k] == SHOWN)
    published = {k: values[k] if s == SHOWN else (SMALL_WORDS if s == SMALL else "not shown") for k, s in status.items()}
    assert_nothing_recoverable(published, [(list(p), t) for p, t in sums])
    for key, (low, high) in reader_ranges(status, values, sums, T).items():
        assert low <= values[key] <= high  # the narrowing is sound


@pytest.mark.parametrize(
    "column, expected",
    [
        ([10, 20, 30], [SHOWN, SHOWN, SHOWN, SHOWN]),
        ([0, 0, 0], [SHOWN, SHOWN, SHOWN, SHOWN]),
        ([3, 20, 30], [SMALL, HIDDEN, SHOWN, SHOWN]),  # the next smallest goes too
        ([3, 4, 30], [SMALL, SMALL, SHOWN, SHOWN]),  # 3 + 4 = 7: each could still be 2 to 5... see below
        ([3, 0, 0], [SMALL, SHOWN, SHOWN, SMALL]),  # the total is small too, and equal: nothing more to learn
        ([1, 1, 30], [SMALL, SMALL, HIDDEN, SHOWN]),  # 1 + 1 would be 2: both 1
    ],
)
def test_suppression_of_one_column(column: list[int], expected: list[str]) -> None:
    rows = list(range(len(column)))
    values = grid_values({r: {"n": v} for r, v in enumerate(column)}, rows, ["n"], row_totals=False)
    status = protect(values, grid_sums(rows, ["n"], row_totals=False), T)
    got = [status[(r, "n")] for r in rows] + [status[(TOTAL, "n")]]
    if column == [3, 4, 30]:
        # 3 + 4 = 7 leaves each between 2 and 5: narrower than 1 to 5, so one more is hidden.
        expected = [SMALL, SMALL, HIDDEN, SHOWN]
    assert got == expected


# The digest, from random small worlds


def key_of(i: int) -> str:
    return hashlib.sha256(f"person {i}".encode()).hexdigest()


def chat_of(i: int) -> str:
    return str(6_100_000_000 + 7919 * i)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=20).map(lambda s: s.strip() or "ok")
worlds = st.fixed_dictionaries({
    "people": st.lists(st.tuples(st.sampled_from([*AGE_BANDS, None]), st.sampled_from([IN, BEFORE])), max_size=12),
    "views": st.lists(
        st.tuples(st.integers(0, 11), st.sampled_from(list(VIEW_TOPICS)), st.integers(1, 5), st.sampled_from([IN, BEFORE, AFTER])),
        max_size=20,
    ),
    "questions": st.dictionaries(st.sampled_from(["offer.housing", "offer.money", "care.placement", "glossary.pep"]), st.integers(0, 9)),
    "unanswered": st.lists(st.sampled_from(["help with rent", "a bus pass", "where is the youth club", "my PA"]), max_size=8),
    "safeguarding": st.lists(st.sampled_from(["suicide", "danger", "abuse", "exploitation", "homeless"]), max_size=9),
    "items": st.lists(
        st.tuples(
            words, st.sampled_from(["open", "planned", "in_progress", "done", "cannot_do"]),
            st.lists(st.tuples(st.integers(0, 11), st.sampled_from(list(RATINGS))), max_size=9),
            st.lists(st.integers(0, 11), max_size=8),
        ),
        max_size=3,
    ),
    "quotes": st.lists(st.tuples(st.integers(0, 11), st.sampled_from(list(PLANTED)), st.sampled_from(["pending", "approved", "rejected"])), max_size=4),
    "threshold": st.just(T),
})


def plant(store: Store, world: dict[str, Any]) -> None:
    people = world["people"] or [(None, IN)]
    n = len(people)
    with store.transaction() as conn:
        for i, (band, created) in enumerate(people):
            conn.execute(
                "INSERT INTO people (key, channel, council, created, last_seen, age_band) VALUES (?, 'telegram', 'somerset', ?, ?, ?)",
                (key_of(i), created, created, band),
            )
            conn.execute("INSERT INTO chat_links (key, chat_id) VALUES (?, ?)", (key_of(i), chat_of(i)))
        for who, topic, feeling, at in world["views"]:
            conn.execute(
                "INSERT INTO views (key, council, topic, feeling, happening, created) VALUES (?, 'somerset', ?, ?, ?, ?)",
                (key_of(who % n), topic, feeling, f"PLAINTEXT {SCRIPT}", at),
            )
        for who, text, status in world["quotes"]:
            quote = f"{status.upper()}QUOTE {text} {SCRIPT}"
            conn.execute(
                "INSERT INTO views (key, council, topic, feeling, happening, created, quote_status, quote) "
                "VALUES (?, 'somerset', 'home', 3, ?, ?, ?, ?)",
                (key_of(who % n), text, IN, status, quote),
            )
        for topic, asked in world["questions"].items():
            conn.execute("INSERT INTO topic_stats (council, day, topic_id, asked) VALUES ('somerset', '2024-09-02', ?, ?)", (topic, asked))
        for text in world["unanswered"]:
            conn.execute("INSERT INTO unanswered (key, council, text, created) VALUES (?, 'somerset', ?, ?)", (key_of(0), f"UNANSWERED {text}", IN))
        for kind in world["safeguarding"]:
            conn.execute("INSERT INTO safeguarding_events (key, council, kind, at) VALUES (?, 'somerset', ?, ?)", (key_of(0), kind, IN))
        for said, status, ratings, endorsers in world["items"]:
            answered = None if status == "open" else "2024-10-01"
            item = conn.execute(
                "INSERT INTO wsyd_items (council, said, theme, raised_on, raised_by, created, status, did, owner, answered_on) "
                "VALUES ('somerset', ?, 'family:offer', '2024-06-03', ?, ?, ?, ?, ?, ?)",
                (f"{said} {SCRIPT}", key_of(0), IN, status, None if status == "open" else f"did {SCRIPT}", "Head of service", answered),
            ).lastrowid
            for who, rating in {who % n: r for who, r in ratings}.items():
                conn.execute("INSERT INTO wsyd_ratings (item_id, key, rating, created) VALUES (?, ?, ?, ?)", (item, key_of(who), rating, IN))
            for who in sorted({w % n for w in endorsers}):
                conn.execute("INSERT INTO wsyd_endorsements (item_id, key, created) VALUES (?, ?, ?)", (item, key_of(who), IN))


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
ALLOWED_NUMBERS = [
    rf"\b\d{{1,2}} (?:{MONTHS}) \d{{4}}\b",  # dates of the period and of We Said items: council records
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"Principle \d",
    r"[+−-]?\d+%",
    r"fewer than \d+",
    r"after \d+ working days|more than \d+ working days",
    r"\b(?:16-17|18-21|22-25|Under 16)\b",  # age band names
]


def visible_small_numbers(text: str) -> list[str]:
    for pattern in ALLOWED_NUMBERS:
        text = re.sub(pattern, " ", text)
    return [n for n in re.findall(r"(?<![\w.])\d+(?![\w.])", text) if 0 < int(n) < T]


def page_text(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def json_numbers(node: Any, parent: str = "") -> list[int]:
    if isinstance(node, dict):
        return [n for k, v in node.items() if k != "principle" for n in json_numbers(v, k)]
    if isinstance(node, list):
        return [n for v in node for n in json_numbers(v, parent)]
    return [node] if isinstance(node, int) and not isinstance(node, bool) else []


@settings(settings.get_profile("digest"))
@given(worlds)
def test_no_small_count_identifier_or_raw_text_in_any_format(somerset: CouncilKnowledge, world: dict[str, Any]) -> None:
    store = Store(":memory:")
    plant(store, world)
    built = build(store, somerset, START, END, threshold=T)
    outputs = {fmt: digest.render(built, fmt, charts=False) for fmt in ("html", "md", "csv", "json")}
    data = json.loads(outputs["json"])

    # No count from 1 to 5, anywhere.
    assert all(n == 0 or n >= T for s in data["sections"] for n in json_numbers(s))
    for section, item, measure, value in list(csv.reader(io.StringIO(outputs["csv"])))[1:]:
        if section != "about" and value.isdigit():
            assert int(value) == 0 or int(value) >= T, (item, measure, value)
    assert visible_small_numbers(outputs["md"]) == []
    assert visible_small_numbers(page_text(outputs["html"])) == []

    # No hidden count can be worked out from totals or other cells.
    assert_nothing_recoverable(*tables_of(data))

    # No identifier, planted detail, raw text or unapproved quote.
    forbidden = [key_of(i) for i in range(12)] + [chat_of(i) for i in range(12)]
    forbidden += [f for fragments in PLANTED.values() for f in fragments]
    forbidden += ["PLAINTEXT", "UNANSWERED", "PENDINGQUOTE", "REJECTEDQUOTE", "T10:00:00"]
    for fmt, text in outputs.items():
        for fragment in forbidden:
            assert fragment not in text, (fmt, fragment)

    # Stored text is escaped in the page.
    assert "<script" not in outputs["html"].lower()
    if world["items"]:
        assert html.escape(SCRIPT) in outputs["html"]


def test_an_approved_quote_is_shown_scrubbed_and_escaped(somerset: CouncilKnowledge) -> None:
    store = Store(":memory:")
    plant(store, {
        "people": [(None, IN)], "views": [], "questions": {}, "unanswered": [], "safeguarding": [], "items": [],
        "quotes": [(0, text, "approved") for text in list(PLANTED)[:3]], "threshold": T,
    })
    built = build(store, somerset, START, END)
    page = digest.render(built, "html")  # with charts, once
    assert "data:image/png;base64," in page
    page = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", page)  # base64 can spell anything
    assert page.count("APPROVEDQUOTE") == 3
    assert "[name]" in page and "[phone]" in page and "[email]" in page
    assert html.escape(SCRIPT) in page and "<script" not in page
    for fragments in PLANTED.values():
        for fragment in fragments:
            assert fragment not in page


def test_a_name_after_is_called_is_scrubbed() -> None:
    from storage.scrub import scrub

    assert "Brown" not in scrub("my PA is called Kelly Brown")
