"""What the Corporate Parenting Board digest is built from: counts for one council and period.

Every function takes a council slug and a period [start, end) of whole days
(start included, end not) and returns plain counts. Nothing here returns a
person's key, a chat id, the words of a question or the time of one
person's activity: the digest (bot/digest) then hides small counts.

Quote moderation lives here too, because it is a change to stored views:
pending_quotes() for the officer to read, approve_quote() and
reject_quote(), each recorded in the audit log in the same transaction.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from storage.scrub import scrub
from storage.store import Store, stamp
from storage.vocab import RATINGS

# A quote is read aloud at a board meeting: short, and never a whole story.
QUOTE_LIMIT = 280
QUOTE_MIN_WORDS = 3
# "Open" (no answer yet) for longer than this many working days is overdue.
OVERDUE_WORKING_DAYS = 20

# Rough themes for questions the bot could not answer, by the view topics
# young people already know. Only counts leave this module, never the words.
# Whole words; a trailing * matches any ending ("anxi*": anxious, anxiety).
UNANSWERED_THEMES: dict[str, tuple[str, ...]] = {
    "money": ("money", "cash", "grant*", "pay", "paid", "paying", "benefit*", "universal credit", "debt*", "bill*",
              "bursary", "allowance", "£*", "loan*", "budget*", "afford*", "council tax", "savings", "isa"),
    "home": ("house", "housing", "flat", "home", "rent", "landlord", "tenancy", "hostel", "move out", "moving",
             "placement", "bedroom", "homeless", "live", "living", "accommodation"),
    "learning": ("school", "college", "uni", "university", "exam*", "course*", "apprentice*", "job*", "work",
                 "tuition", "gcse*", "a level*", "training", "cv", "interview*"),
    "health": ("doctor", "gp", "dentist", "health", "anxi*", "depress*", "mental", "therapy", "therapist",
               "counsell*", "medication", "pregnan*", "sleep*"),
    "family": ("mum", "dad", "brother*", "sister*", "family", "friend*", "contact", "nan", "sibling*",
               "boyfriend", "girlfriend"),
    "worker": ("social worker", "sw", "pa", "personal adviser", "worker", "iro", "advocate", "key worker"),
    "leaving_care": ("leaving care", "care leaver*", "staying put", "staying close", "pathway plan", "local offer"),
}
_THEME_PATTERNS = {
    theme: re.compile(
        "|".join(
            rf"(?<![a-z0-9]){re.escape(w[:-1])}" if w.endswith("*") else rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])"
            for w in words
        )
    )
    for theme, words in UNANSWERED_THEMES.items()
}
QUOTE_STATUSES = ("none", "pending", "approved", "rejected")


def day(value: date) -> str:
    """A date as stored: ISO, so that stamps compare as text."""
    return value.isoformat()


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before [start, end)."""
    length = end - start
    return start - length, start


def working_days_between(start: date, end: date) -> int:
    """Monday to Friday days after start, up to and including end."""
    if end <= start:
        return 0
    whole_weeks, rest = divmod((end - start).days, 7)
    days = whole_weeks * 5
    current = start + timedelta(days=whole_weeks * 7)
    for _ in range(rest):
        current += timedelta(days=1)
        days += current.weekday() < 5
    return days


def is_overdue(item: dict[str, Any], as_of: date, working_days: int = OVERDUE_WORKING_DAYS) -> bool:
    """Still open, with no answer, more than working_days working days after it was raised."""
    if item.get("status") != "open" or item.get("did"):
        return False
    return working_days_between(date.fromisoformat(item["raised_on"]), as_of) > working_days


# Engagement


# Everything a young person does that carries their key, with when it happened.
_ACTIVITY = """
    SELECT key FROM people WHERE council = :council AND role != 'officer'
        AND ((created >= :start AND created < :end) OR (last_seen >= :start AND last_seen < :end))
    UNION SELECT key FROM views WHERE council = :council AND created >= :start AND created < :end
    UNION SELECT key FROM unanswered WHERE council = :council AND created >= :start AND created < :end
    UNION SELECT key FROM review_preps WHERE council = :council AND created >= :start AND created < :end
    UNION SELECT key FROM safeguarding_events WHERE council = :council AND at >= :start AND at < :end
    UNION SELECT r.key FROM wsyd_ratings r JOIN wsyd_items i ON i.id = r.item_id
        WHERE i.council = :council AND r.created >= :start AND r.created < :end
    UNION SELECT e.key FROM wsyd_endorsements e JOIN wsyd_items i ON i.id = e.item_id
        WHERE i.council = :council AND e.created >= :start AND e.created < :end
    UNION SELECT raised_by FROM wsyd_items WHERE council = :council AND created >= :start AND created < :end
"""


def _params(council: str, start: date, end: date) -> dict[str, str]:
    return {"council": council, "start": day(start), "end": day(end)}


def engagement(store: Store, council: str, start: date, end: date) -> dict[str, Any]:
    """Distinct young people active in the period, new or returning, by age band.

    People are counted once each, however many things they did; officers
    are not counted. "new" were first seen in the period; "returning"
    before it. by_age_band sums to active ("not_said" when unknown).
    """
    rows = store.rows(
        f"""SELECT COALESCE(pe.age_band, 'not_said') AS band,
                SUM(pe.created >= :start) AS new, SUM(pe.created < :start) AS before
            FROM people pe WHERE pe.role != 'officer' AND pe.created < :end
              AND pe.key IN (SELECT key FROM ({_ACTIVITY}) WHERE key IS NOT NULL)
            GROUP BY band""",
        _params(council, start, end),
    )
    by_band = {row["band"]: {"new": row["new"], "returning": row["before"]} for row in rows}
    return {
        "active": sum(band["new"] + band["returning"] for band in by_band.values()),
        "new": sum(band["new"] for band in by_band.values()),
        "by_age_band": by_band,
    }


# What young people asked


def questions_by_topic(store: Store, council: str, start: date, end: date) -> dict[str, dict[str, int]]:
    """Questions answered per topic: asked, helpful and not_helpful, summed over the days."""
    rows = store.rows(
        "SELECT topic_id, SUM(asked) AS asked, SUM(helpful) AS helpful, SUM(not_helpful) AS not_helpful "
        "FROM topic_stats WHERE council = :council AND day >= :start AND day < :end "
        "GROUP BY topic_id ORDER BY topic_id",
        _params(council, start, end),
    )
    return {row.pop("topic_id"): row for row in rows}


def unanswered_count(store: Store, council: str, start: date, end: date) -> int:
    return store.rows(
        "SELECT COUNT(*) AS n FROM unanswered WHERE council = :council AND created >= :start AND created < :end",
        _params(council, start, end),
    )[0]["n"]


def unanswered_theme(text: str) -> str:
    """The view topic an unanswered question seems closest to, or "other"."""
    lowered = text.lower()
    for theme, pattern in _THEME_PATTERNS.items():
        if pattern.search(lowered):
            return theme
    return "other"


def unanswered_by_theme(store: Store, council: str, start: date, end: date) -> dict[str, int]:
    """How many unanswered questions fall under each theme; the texts stay here."""
    themes = Counter(
        unanswered_theme(row["text"])
        for row in store.rows(
            "SELECT text FROM unanswered WHERE council = :council AND created >= :start AND created < :end",
            _params(council, start, end),
        )
    )
    return dict(sorted(themes.items()))


# Views


def views_by_topic_feeling(store: Store, council: str, start: date, end: date) -> dict[str, dict[int, int]]:
    """Young people per view topic and feeling (1-5).

    Each young person counts once per topic, by their latest view in the
    period, so that one person sending ten views cannot fill a cell alone.
    """
    rows = store.rows(
        """SELECT topic, feeling, COUNT(*) AS n FROM (
            SELECT topic, feeling, ROW_NUMBER() OVER (
                PARTITION BY COALESCE(key, 'view:' || id), topic ORDER BY created DESC, id DESC) AS latest
            FROM views WHERE council = :council AND created >= :start AND created < :end)
        WHERE latest = 1 GROUP BY topic, feeling ORDER BY topic, feeling""",
        _params(council, start, end),
    )
    result: dict[str, dict[int, int]] = {}
    for row in rows:
        result.setdefault(row["topic"], {})[int(row["feeling"])] = row["n"]
    return result


# We Said, You Did


def wsyd_report(
    store: Store, council: str, start: date, end: date, overdue_days: int = OVERDUE_WORKING_DAYS
) -> list[dict[str, Any]]:
    """Every We Said item the board should see for the period, as recorded now.

    That is every item raised before the end, except those already closed
    (done or cannot do) before the start. Each has its rating counts and
    endorsements up to the end, and whether it is overdue: still open with
    no answer more than overdue_days working days after it was raised, on
    the last day of the period.
    """
    p = _params(council, start, end)
    items = store.rows(
        """SELECT id, said, theme, raised_on, status, did, reason, owner, answered_on FROM wsyd_items
        WHERE council = :council AND raised_on < :end
          AND NOT (status IN ('done', 'cannot_do') AND answered_on IS NOT NULL AND answered_on < :start)
        ORDER BY raised_on, id""",
        p,
    )
    ratings: dict[int, Counter[str]] = {}
    for row in store.rows(
        "SELECT r.item_id, r.rating, COUNT(*) AS n FROM wsyd_ratings r JOIN wsyd_items i ON i.id = r.item_id "
        "WHERE i.council = :council AND r.created < :end GROUP BY r.item_id, r.rating",
        p,
    ):
        ratings.setdefault(row["item_id"], Counter())[row["rating"]] = row["n"]
    endorsements = {
        row["item_id"]: row["n"]
        for row in store.rows(
            "SELECT e.item_id, COUNT(*) AS n FROM wsyd_endorsements e JOIN wsyd_items i ON i.id = e.item_id "
            "WHERE i.council = :council AND e.created < :end GROUP BY e.item_id",
            p,
        )
    }
    as_of = end - timedelta(days=1)
    for item in items:
        counted = ratings.get(item["id"], Counter())
        item["ratings"] = {rating: counted.get(rating, 0) for rating in RATINGS}
        item["endorsements"] = endorsements.get(item["id"], 0)
        item["overdue"] = is_overdue(item, as_of, overdue_days)
    return items


# Safeguarding


def safeguarding_counts(store: Store, council: str, start: date, end: date) -> dict[str, int]:
    """Safeguarding events per kind: numbers only."""
    return {
        row["kind"]: row["n"]
        for row in store.rows(
            "SELECT kind, COUNT(*) AS n FROM safeguarding_events WHERE council = :council AND at >= :start AND at < :end "
            "GROUP BY kind ORDER BY kind",
            _params(council, start, end),
        )
    }


# Quotes


def candidate_quote(happening: str | None, better: str | None) -> str | None:
    """A scrubbed, short quote from a view's free text for the officer to approve, or None.

    Scrubbed first, then trimmed at a word, so that a cut never leaves half
    of a name or number behind.
    """
    parts = [t.strip() for t in (happening, better) if t and t.strip()]
    if not parts:
        return None
    # Two answers read as two sentences.
    joined = " ".join(part if part[-1] in ".!?…" else f"{part}." for part in parts) if len(parts) > 1 else parts[0]
    quote = " ".join(scrub(joined).split())
    if len(quote.split()) < QUOTE_MIN_WORDS:
        return None
    if len(quote) > QUOTE_LIMIT:
        quote = quote[: QUOTE_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:-") + "…"
    return quote


def approved_quotes(store: Store, council: str, start: date, end: date) -> Iterator[dict[str, str]]:
    """Approved quotes from views made in the period, newest first: topic and quote only.

    Each is scrubbed again as it is read, so a reader that needs only the
    newest few scrubs only those.
    """
    rows = store.rows(
        "SELECT topic, quote FROM views WHERE council = :council AND quote_status = 'approved' "
        "AND quote IS NOT NULL AND created >= :start AND created < :end ORDER BY created DESC, id DESC",
        _params(council, start, end),
    )
    scrubbed: dict[str, str] = {}  # the same words are scrubbed once
    for row in rows:
        quote = scrubbed.get(row["quote"])
        if quote is None:
            quote = scrubbed[row["quote"]] = scrub(row["quote"])
        yield {"topic": row["topic"], "quote": quote}


def pending_quotes(store: Store, council: str) -> list[dict[str, Any]]:
    """Quotes waiting for the officer: id, topic and the scrubbed quote, oldest first."""
    return [
        {"id": row["id"], "topic": row["topic"], "quote": scrub(row["quote"])}
        for row in store.rows(
            "SELECT id, topic, quote FROM views WHERE council = ? AND quote_status = 'pending' "
            "AND quote IS NOT NULL ORDER BY id",
            (council,),
        )
    ]


def approve_quote(store: Store, view_id: int, actor: str | None, council: str | None = None) -> str:
    """Let a quote appear in the digest; returns the scrubbed quote. Audited."""
    return _moderate(store, view_id, actor, "approved", council)


def reject_quote(store: Store, view_id: int, actor: str | None, council: str | None = None) -> str:
    """Keep a quote out of the digest (also withdraws an approval); returns it. Audited."""
    return _moderate(store, view_id, actor, "rejected", council)


def _moderate(store: Store, view_id: int, actor: str | None, status: str, council: str | None) -> str:
    with store.transaction() as conn:
        row = conn.execute("SELECT council, quote FROM views WHERE id = ? AND quote IS NOT NULL", (view_id,)).fetchone()
        if row is None or (council is not None and row[0] != council):
            raise KeyError(f"no quote {view_id}")
        quote = scrub(row[1])
        # Store the re-scrubbed text, so what was approved is what is shown.
        conn.execute("UPDATE views SET quote_status = ?, quote = ? WHERE id = ?", (status, quote, view_id))
        conn.execute(
            "INSERT INTO audit_log (at, actor, action, council, detail) VALUES (?, ?, ?, ?, ?)",
            (stamp(), actor, f"quote_{status}", row[0], json.dumps({"view": view_id}, sort_keys=True)),
        )
    return quote
