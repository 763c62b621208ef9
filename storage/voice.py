"""Young people's voice in the database: views, review notes, We Said, You Did, invites."""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime, timedelta
from typing import Any

from storage.board import candidate_quote
from storage.scrub import scrub
from storage.store import Store, stamp, utc_now

INVITE_DAYS = 7


def save_view(store: Store, key: str, council: str, data: dict[str, Any], age_band: str | None) -> int:
    quote = candidate_quote(data.get("happening"), data.get("better"))  # scrubbed; the officer approves or not
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO views (key, council, topic, feeling, happening, better, share, age_band, created,"
            " quote_status, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key, council, data["topic"], int(data["feeling"]), data.get("happening"), data.get("better"),
                data.get("share") or "anonymous", age_band, stamp(),
                "pending" if quote else "none", quote,
            ),
        )
        return int(cursor.lastrowid or 0)


def save_review_prep(store: Store, key: str, council: str, data: dict[str, Any]) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO review_preps (key, council, data, created) VALUES (?, ?, ?, ?)",
            (key, council, json.dumps(data, ensure_ascii=False), stamp()),
        )


# We Said, You Did


def add_we_said(store: Store, council: str, said: str, theme: str, raised_on: date, raised_by: str | None) -> int:
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO wsyd_items (council, said, theme, raised_on, raised_by, created) VALUES (?, ?, ?, ?, ?, ?)",
            (council, said, theme, raised_on.isoformat(), raised_by, stamp()),
        )
        return int(cursor.lastrowid or 0)


def wsyd_item(store: Store, item_id: int) -> dict[str, Any] | None:
    found = store.rows("SELECT * FROM wsyd_items WHERE id = ?", (item_id,))
    return found[0] if found else None


def wsyd_items(store: Store, council: str, only_open: bool = False) -> list[dict[str, Any]]:
    where = "AND status = 'open'" if only_open else ""
    return store.rows(
        "SELECT i.*, (SELECT COUNT(*) FROM wsyd_endorsements e WHERE e.item_id = i.id) AS endorsements "
        f"FROM wsyd_items i WHERE council = ? {where} ORDER BY raised_on DESC, id DESC",
        (council,),
    )


def endorse(store: Store, item_id: int, key: str) -> bool:
    """Add "me too"; False if this person already had."""
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO wsyd_endorsements (item_id, key, created) VALUES (?, ?, ?)",
            (item_id, key, stamp()),
        )
        return cursor.rowcount == 1


def answer_day_allowed(raised_on: str, day: date) -> bool:
    """An answer cannot come before its question, nor from the future: the board counts days late."""
    return date.fromisoformat(raised_on[:10]) <= day <= utc_now().date()


def answer_you_did(
    store: Store,
    item_id: int,
    *,
    did: str,
    status: str,
    owner: str,
    answered_by: str | None,
    reason: str | None = None,
    answered_on: date | None = None,
) -> list[str]:
    """Record "You did"; returns the keys of everyone to tell (who raised or endorsed it)."""
    if status == "cannot_do" and not reason:
        raise ValueError("'cannot do' needs a reason")
    item = wsyd_item(store, item_id)
    if item is not None and answered_on is not None and not answer_day_allowed(item["raised_on"], answered_on):
        raise ValueError("the answer's date must be between the day the item was raised and today")
    with store.transaction() as conn:
        updated = conn.execute(
            "UPDATE wsyd_items SET did = ?, status = ?, reason = ?, owner = ?, answered_on = ?, answered_by = ? "
            "WHERE id = ?",
            (did, status, reason, owner, (answered_on or utc_now().date()).isoformat(), answered_by, item_id),
        )
        if updated.rowcount != 1:
            raise KeyError(f"no We Said item {item_id}")
        keys = [row[0] for row in conn.execute("SELECT key FROM wsyd_endorsements WHERE item_id = ?", (item_id,))]
        raiser = conn.execute("SELECT raised_by FROM wsyd_items WHERE id = ?", (item_id,)).fetchone()[0]
    return sorted({k for k in keys + [raiser] if k})


def rate_answer(store: Store, item_id: int, key: str, rating: str) -> bool:
    """A young person's verdict on "You did"; False if they had already rated it."""
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO wsyd_ratings (item_id, key, rating, created) VALUES (?, ?, ?, ?)",
            (item_id, key, rating, stamp()),
        )
        return cursor.rowcount == 1


def add_rating_reason(store: Store, item_id: int, key: str, why: str) -> None:
    with store.transaction() as conn:
        conn.execute("UPDATE wsyd_ratings SET why = ? WHERE item_id = ? AND key = ?", (scrub(why), item_id, key))


# Roles and invites


def create_invite(store: Store, role: str, council: str, created_by: str | None, days: int = INVITE_DAYS) -> str:
    code = secrets.token_urlsafe(12)
    now = utc_now()
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO invites (code, role, council, created, expires, created_by) VALUES (?, ?, ?, ?, ?, ?)",
            (code, role, council, stamp(now), stamp(now + timedelta(days=days)), created_by),
        )
    store.audit(created_by or "cli", "invite_created", council, {"role": role, "days": days})
    return code


def redeem_invite(store: Store, code: str, key: str, council: str, now: datetime | None = None) -> str:
    """Give the invite's role to this person. Returns the role, or raises ValueError saying why not."""
    now = now or utc_now()
    with store.transaction() as conn:
        row = conn.execute("SELECT role, council, expires, used_by FROM invites WHERE code = ?", (code,)).fetchone()
        if row is None:
            raise ValueError("unknown")
        role, invite_council, expires, used_by = row
        if used_by is not None:
            raise ValueError("used")
        if datetime.fromisoformat(expires) < now:
            raise ValueError("expired")
        if invite_council != council:
            raise ValueError("council")
        conn.execute("UPDATE invites SET used_by = ?, used_at = ? WHERE code = ?", (key, stamp(now), code))
        conn.execute("UPDATE people SET role = ? WHERE key = ?", (role, key))
    store.audit(key, "invite_redeemed", council, {"role": role})
    return str(role)


def people_with_role(store: Store, council: str, role: str) -> list[str]:
    return [r["key"] for r in store.rows("SELECT key FROM people WHERE council = ? AND role = ?", (council, role))]


# Outbox: messages recorded by the CLI for delivery by the running bot.


def queue_message(store: Store, key: str, text: str, buttons: list[tuple[str, str]]) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO outbox (key, text, buttons, created) VALUES (?, ?, ?, ?)",
            (key, text, json.dumps(buttons, ensure_ascii=False), stamp()),
        )


def take_queued(
    store: Store, key: str | None = None, channel: str | None = None
) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Remove and return waiting messages, for one person or one channel's people: (key, text, buttons)."""
    # Almost always empty: look before taking a write lock.
    if not store.rows("SELECT 1 FROM outbox LIMIT 1"):
        return []
    where, params = "WHERE 1", list[str]()
    if key:
        where, params = where + " AND o.key = ?", params + [key]
    if channel:
        where, params = where + " AND p.channel = ?", params + [channel]
    with store.transaction() as conn:
        rows = conn.execute(
            f"SELECT o.id, o.key, o.text, o.buttons FROM outbox o JOIN people p ON p.key = o.key {where} ORDER BY o.id",
            params,
        ).fetchall()
        conn.executemany("DELETE FROM outbox WHERE id = ?", [(row[0],) for row in rows])
    return [(row[1], row[2], [tuple(b) for b in json.loads(row[3])]) for row in rows]  # type: ignore[misc]
