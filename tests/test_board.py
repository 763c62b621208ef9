"""The board digest's queries: counts for one council and period, quotes and their moderation."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.digest.build import QUOTES_PER_SECTION, build
from storage import board
from storage.store import Store

START, END = date(2024, 4, 1), date(2025, 4, 1)


def person(store: Store, key: str, created: str, last_seen: str | None = None, council: str = "somerset",
           role: str = "young_person", age_band: str | None = None) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO people (key, channel, council, created, last_seen, role, age_band) VALUES (?, 'test', ?, ?, ?, ?, ?)",
            (key, council, created, last_seen or created, role, age_band),
        )


def known(store: Store, *keys: str | None) -> None:
    """People that rows refer to, made on first mention."""
    with store.transaction() as conn:
        for key in keys:
            if key:
                conn.execute(
                    "INSERT OR IGNORE INTO people (key, channel, council, created, last_seen) "
                    "VALUES (?, 'test', 'elsewhere', '2000-01-01', '2000-01-01')",
                    (key,),
                )


def view(store: Store, key: str | None, topic: str, feeling: int, created: str, council: str = "somerset",
         quote: str | None = None, quote_status: str = "none") -> int:
    known(store, key)
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO views (key, council, topic, feeling, created, quote, quote_status) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, council, topic, feeling, created, quote, quote_status),
        )
        return int(cursor.lastrowid or 0)


def item(store: Store, raised_on: str, status: str = "open", answered_on: str | None = None, council: str = "somerset",
         did: str | None = None) -> int:
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO wsyd_items (council, said, theme, raised_on, created, status, did, answered_on) "
            "VALUES (?, 'We said', 'family:offer', ?, ?, ?, ?, ?)",
            (council, raised_on, raised_on + "T10:00:00+00:00", status, did, answered_on),
        )
        return int(cursor.lastrowid or 0)


@pytest.mark.parametrize(
    "start, end, days",
    [
        (date(2024, 1, 1), date(2024, 1, 1), 0),  # Monday to itself
        (date(2024, 1, 1), date(2024, 1, 2), 1),
        (date(2024, 1, 5), date(2024, 1, 8), 1),  # Friday to Monday: only Monday
        (date(2024, 1, 6), date(2024, 1, 7), 0),  # Saturday to Sunday
        (date(2024, 1, 1), date(2024, 1, 31), 22),
        (date(2024, 1, 1), date(2024, 12, 31), 261),
        (date(2024, 1, 10), date(2024, 1, 1), 0),  # backwards
    ],
)
def test_working_days_between(start: date, end: date, days: int) -> None:
    assert board.working_days_between(start, end) == days


def test_previous_period_has_the_same_length() -> None:
    assert board.previous_period(date(2024, 4, 1), date(2024, 7, 1)) == (date(2024, 1, 1), date(2024, 4, 1))


def test_engagement_counts_people_not_rows(store: Store) -> None:
    person(store, "busy", "2024-05-01T10:00:00+00:00", "2024-06-01T10:00:00+00:00", age_band="16_17")
    for day in ("2024-05-02", "2024-05-03", "2024-05-04"):
        view(store, "busy", "home", 3, f"{day}T10:00:00+00:00")
    # Joined before the period, seen after it, but shared a view during it.
    person(store, "old", "2023-01-01T10:00:00+00:00", "2025-06-01T10:00:00+00:00", age_band="18_21")
    view(store, "old", "money", 2, "2024-09-01T10:00:00+00:00")
    person(store, "quiet", "2023-01-01T10:00:00+00:00", "2023-02-01T10:00:00+00:00")  # not active in the period
    person(store, "officer", "2024-05-01T10:00:00+00:00", role="officer")
    person(store, "elsewhere", "2024-05-01T10:00:00+00:00", council="dorset")
    counts = board.engagement(store, "somerset", START, END)
    assert counts["active"] == 2
    assert counts["new"] == 1
    assert counts["by_age_band"] == {"16_17": {"new": 1, "returning": 0}, "18_21": {"new": 0, "returning": 1}}


def test_engagement_counts_activity_through_every_table(store: Store) -> None:
    for key in ("a", "b", "c", "d"):
        person(store, key, "2020-01-01T10:00:00+00:00")
    with store.transaction() as conn:
        conn.execute("INSERT INTO unanswered (key, council, text, created) VALUES ('a', 'somerset', 'x', '2024-05-01T10:00:00+00:00')")
        conn.execute("INSERT INTO safeguarding_events (key, council, kind, at) VALUES ('b', 'somerset', 'abuse', '2024-05-01T10:00:00+00:00')")
    wsyd = item(store, "2024-05-01")
    with store.transaction() as conn:
        conn.execute("INSERT INTO wsyd_endorsements (item_id, key, created) VALUES (?, 'c', '2024-06-01T10:00:00+00:00')", (wsyd,))
        conn.execute("INSERT INTO wsyd_ratings (item_id, key, rating, created) VALUES (?, 'd', 'no', '2026-01-01T10:00:00+00:00')", (wsyd,))
    counts = board.engagement(store, "somerset", START, END)
    assert counts["active"] == 3  # d rated after the period
    assert counts["by_age_band"] == {"not_said": {"new": 0, "returning": 3}}


def test_questions_are_summed_over_the_period_only(store: Store) -> None:
    for day in (date(2024, 3, 31), date(2024, 4, 1), date(2024, 4, 1), date(2025, 3, 31), date(2025, 4, 1)):
        store.count_topic("somerset", "offer.housing", day=day)
    store.count_topic("somerset", "offer.housing", "helpful", day=date(2024, 4, 1))
    store.count_topic("dorset", "offer.housing", day=date(2024, 6, 1))
    assert board.questions_by_topic(store, "somerset", START, END) == {
        "offer.housing": {"asked": 3, "helpful": 1, "not_helpful": 0}
    }


@pytest.mark.parametrize(
    "text, theme",
    [
        ("can i get help paying for driving lessons", "money"),
        ("what if my landlord wont give my deposit back", "home"),
        ("can i get a laptop for college", "learning"),
        ("how do I register with a gp", "health"),
        ("can my girlfriend move in", "family"),
        ("can i change my PA", "worker"),
        ("what is staying close", "leaving_care"),
        ("where is the youth club", "other"),
        ("packing for a trip", "other"),  # "pa" only as a whole word
    ],
)
def test_unanswered_themes(text: str, theme: str) -> None:
    assert board.unanswered_theme(text) == theme


def test_unanswered_are_counted_not_exported(store: Store) -> None:
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO unanswered (key, council, text, created) VALUES (NULL, 'somerset', ?, ?)",
            [("help with my gas bill", "2024-05-01T10:00:00+00:00"), ("where is the youth club", "2024-05-02T10:00:00+00:00"),
             ("old question about rent", "2023-05-02T10:00:00+00:00")],
        )
    assert board.unanswered_count(store, "somerset", START, END) == 2
    assert board.unanswered_by_theme(store, "somerset", START, END) == {"money": 1, "other": 1}


def test_views_count_each_person_once_per_topic_by_latest_view(store: Store) -> None:
    view(store, "a", "money", 1, "2024-05-01T10:00:00+00:00")
    view(store, "a", "money", 4, "2024-06-01T10:00:00+00:00")
    view(store, "a", "home", 2, "2024-06-01T10:00:00+00:00")
    view(store, "b", "money", 4, "2024-06-02T10:00:00+00:00")
    view(store, None, "money", 5, "2024-06-03T10:00:00+00:00")
    view(store, None, "money", 5, "2024-06-04T10:00:00+00:00")  # no key: each counts
    view(store, "b", "money", 1, "2025-06-02T10:00:00+00:00")  # after the period
    assert board.views_by_topic_feeling(store, "somerset", START, END) == {"home": {2: 1}, "money": {4: 2, 5: 2}}


def test_we_said_report_with_ratings_endorsements_and_overdue(store: Store) -> None:
    late = item(store, "2025-01-02")  # open: 63 working days before 31 March 2025
    recent = item(store, "2025-03-20")  # open, but only 7 working days
    answered = item(store, "2024-06-03", "done", "2024-06-20", did="We did it")
    item(store, "2023-01-02", "done", "2023-02-01")  # closed before the period: left out
    kept = item(store, "2023-01-02", "in_progress", "2023-02-01")  # still going: kept
    item(store, "2025-05-01")  # raised after the period
    item(store, "2024-06-03", council="dorset")
    known(store, "a", "b", "c")
    with store.transaction() as conn:
        for key, rating in (("a", "yes"), ("b", "yes"), ("c", "partly")):
            conn.execute("INSERT INTO wsyd_ratings (item_id, key, rating, created) VALUES (?, ?, ?, '2024-07-01T10:00:00+00:00')",
                         (answered, key, rating))
        conn.execute("INSERT INTO wsyd_endorsements (item_id, key, created) VALUES (?, 'a', '2025-01-03T10:00:00+00:00')", (late,))
        conn.execute("INSERT INTO wsyd_endorsements (item_id, key, created) VALUES (?, 'b', '2025-05-03T10:00:00+00:00')", (late,))
    report = {row["id"]: row for row in board.wsyd_report(store, "somerset", START, END)}
    assert list(report) == [kept, answered, late, recent]
    assert report[late]["overdue"] and not report[recent]["overdue"] and not report[answered]["overdue"]
    assert report[answered]["ratings"] == {"yes": 2, "partly": 1, "no": 0}
    assert report[late]["endorsements"] == 1  # the second came after the period
    assert not board.wsyd_report(store, "somerset", START, END, overdue_days=100)[2]["overdue"]


def test_safeguarding_counts_are_numbers_by_kind(store: Store) -> None:
    for kind, at in (("abuse", "2024-05-01"), ("abuse", "2024-06-01"), ("homeless", "2024-07-01"), ("abuse", "2023-01-01")):
        store.record_safeguarding(None, "somerset", kind)
        with store.transaction() as conn:
            conn.execute("UPDATE safeguarding_events SET at = ? WHERE id = (SELECT MAX(id) FROM safeguarding_events)", (at + "T10:00:00+00:00",))
    assert board.safeguarding_counts(store, "somerset", START, END) == {"abuse": 2, "homeless": 1}


@pytest.mark.parametrize(
    "happening, better, expected",
    [
        (None, None, None),
        ("  ", "", None),
        ("ok", None, None),  # too short to be a quote
        ("My flat is cold", "Fix repairs quicker", "My flat is cold. Fix repairs quicker."),
        ("my social worker is Dave Smith and he is late", None, "my social worker is [name] and he is late"),
        ("ring me on 07700 900123 please", None, "ring me on [phone] please"),
    ],
)
def test_candidate_quote(happening: str | None, better: str | None, expected: str | None) -> None:
    assert board.candidate_quote(happening, better) == expected


def test_candidate_quote_is_trimmed_at_a_word() -> None:
    quote = board.candidate_quote("word " * 100, None)
    assert quote is not None and len(quote) <= board.QUOTE_LIMIT and quote.endswith("word…")


def test_quotes_wait_for_the_officer_and_every_decision_is_audited(store: Store) -> None:
    first = view(store, "a", "home", 4, "2024-05-01T10:00:00+00:00", quote="I like my flat", quote_status="pending")
    second = view(store, "b", "money", 2, "2024-05-02T10:00:00+00:00", quote="Call me on 07700 900123", quote_status="pending")
    view(store, "c", "money", 2, "2024-05-02T10:00:00+00:00", council="dorset", quote="Dorset one", quote_status="pending")
    pending = board.pending_quotes(store, "somerset")
    assert pending == [
        {"id": first, "topic": "home", "quote": "I like my flat"},
        {"id": second, "topic": "money", "quote": "Call me on [phone]"},  # scrubbed again when listed
    ]
    assert list(board.approved_quotes(store, "somerset", START, END)) == []
    assert board.approve_quote(store, first, "officer-key") == "I like my flat"
    board.reject_quote(store, second, "officer-key")
    assert board.pending_quotes(store, "somerset") == []
    assert list(board.approved_quotes(store, "somerset", START, END)) == [{"topic": "home", "quote": "I like my flat"}]
    assert list(board.approved_quotes(store, "somerset", END, date(2026, 1, 1))) == []
    audit = store.rows("SELECT actor, action, council, detail FROM audit_log ORDER BY id")
    assert audit == [
        {"actor": "officer-key", "action": "quote_approved", "council": "somerset", "detail": json.dumps({"view": first})},
        {"actor": "officer-key", "action": "quote_rejected", "council": "somerset", "detail": json.dumps({"view": second})},
    ]


def test_a_quote_cannot_be_moderated_from_another_council_or_when_missing(store: Store) -> None:
    other = view(store, "c", "money", 2, "2024-05-02T10:00:00+00:00", council="dorset", quote="Dorset one", quote_status="pending")
    no_quote = view(store, "c", "money", 2, "2024-05-02T10:00:00+00:00")
    with pytest.raises(KeyError):
        board.approve_quote(store, other, "officer", council="somerset")
    with pytest.raises(KeyError):
        board.approve_quote(store, no_quote, "officer")
    with pytest.raises(KeyError):
        board.reject_quote(store, 9999, "officer")
    assert store.rows("SELECT COUNT(*) AS n FROM audit_log")[0]["n"] == 0


def test_the_digest_shows_the_newest_few_quotes_per_section_each_once_and_scrubbed(store: Store) -> None:
    said = ["My flat is warm now", "My flat is warm now", "I feel safe here", "Call me on 07700 900123 please",
            "The new carer listens to me", "Oldest words about home"]
    for day, words in enumerate(said):
        # Newest first in the digest: the first of these is the newest.
        view(store, f"p{day}", "home", 4, f"2024-06-{20 - day:02d}T10:00:00+00:00", quote=words, quote_status="approved")
    view(store, "q", "money", 2, "2024-06-01T10:00:00+00:00", quote="Money talk here", quote_status="approved")

    sections = {s.key: s for s in build(store, "somerset", START, END).sections}
    home = [q.text for q in sections["safe_stable"].quotes]
    assert home == ["My flat is warm now", "I feel safe here", "Call me on [phone] please"]
    assert len(home) == QUOTES_PER_SECTION
    assert [q.text for q in sections["adulthood"].quotes] == ["Money talk here"]
