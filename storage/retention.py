"""Retention: delete what we no longer need to keep, keep the anonymous counts.

Unanswered questions, and questions answered through "did you mean", go after 90 days. A view's words (and its quote) go
after the council's retention period; its topic, feeling and date stay, so
the board's figures still add up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.store import Store, stamp, utc_now

UNANSWERED_DAYS = 90
VIEW_TEXT_DAYS = 365


@dataclass(frozen=True)
class Purged:
    unanswered: int
    view_texts: int


def purge(store: Store, now: datetime | None = None, view_text_days: int = VIEW_TEXT_DAYS) -> Purged:
    """Delete old unanswered questions and old view texts, in one transaction."""
    now = now or utc_now()
    unanswered_before = stamp(now - timedelta(days=UNANSWERED_DAYS))
    views_before = stamp(now - timedelta(days=view_text_days))
    with store.transaction() as conn:
        unanswered = conn.execute("DELETE FROM unanswered WHERE created < ?", (unanswered_before,)).rowcount
        # A "did you mean" question is kept the same 90 days as an unanswered one.
        unanswered += conn.execute("DELETE FROM clarify_picks WHERE created < ?", (unanswered_before,)).rowcount
        texts = conn.execute(
            "UPDATE views SET happening = NULL, better = NULL, quote = NULL, texts_purged = 1, "
            "quote_status = CASE quote_status WHEN 'none' THEN 'none' ELSE 'rejected' END "
            "WHERE created < ? AND texts_purged = 0",
            (views_before,),
        ).rowcount
    if unanswered or texts:
        store.audit("retention", "purge", None, {"unanswered": unanswered, "view_texts": texts})
    return Purged(unanswered, texts)
