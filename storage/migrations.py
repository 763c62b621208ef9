"""Numbered schema migrations, applied in order and recorded once each.

Each migration is a list of SQL statements. Never edit one that has
shipped: add the next number instead, so every council's database can be
brought up to date without losing anything.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "people, state, counts, unanswered questions, safeguarding, audit",
        [
            # key: HMAC of channel:user id. No names, no Telegram ids.
            """CREATE TABLE people (
                key TEXT PRIMARY KEY,
                channel TEXT NOT NULL,
                council TEXT NOT NULL,
                created TEXT NOT NULL,
                last_seen TEXT NOT NULL,
                role TEXT NOT NULL DEFAULT 'young_person',
                age_band TEXT,
                notice_version TEXT
            )""",
            # Kept apart so that exports never touch it; erased with the person.
            """CREATE TABLE chat_links (
                key TEXT PRIMARY KEY REFERENCES people(key) ON DELETE CASCADE,
                chat_id TEXT NOT NULL
            )""",
            """CREATE TABLE states (
                key TEXT PRIMARY KEY REFERENCES people(key) ON DELETE CASCADE,
                data TEXT NOT NULL,
                updated TEXT NOT NULL
            )""",
            # Answered questions are only counted; their words are not kept.
            """CREATE TABLE topic_stats (
                council TEXT NOT NULL,
                day TEXT NOT NULL,
                topic_id TEXT NOT NULL,
                asked INTEGER NOT NULL DEFAULT 0,
                helpful INTEGER NOT NULL DEFAULT 0,
                not_helpful INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (council, day, topic_id)
            )""",
            """CREATE TABLE unanswered (
                id INTEGER PRIMARY KEY,
                key TEXT REFERENCES people(key) ON DELETE CASCADE,
                council TEXT NOT NULL,
                text TEXT NOT NULL,
                created TEXT NOT NULL
            )""",
            """CREATE TABLE safeguarding_events (
                id INTEGER PRIMARY KEY,
                key TEXT REFERENCES people(key) ON DELETE SET NULL,
                council TEXT NOT NULL,
                kind TEXT NOT NULL,
                at TEXT NOT NULL
            )""",
            """CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT,
                action TEXT NOT NULL,
                council TEXT,
                detail TEXT
            )""",
            "CREATE INDEX unanswered_council ON unanswered(council, created)",
            "CREATE INDEX safeguarding_council ON safeguarding_events(council, at)",
        ],
    ),
    (
        2,
        "views, review preparation, We Said You Did, invites",
        [
            # A view, Mind of My Own style. key is kept so "forget me" can
            # erase it; exports never include it.
            """CREATE TABLE views (
                id INTEGER PRIMARY KEY,
                key TEXT REFERENCES people(key) ON DELETE CASCADE,
                council TEXT NOT NULL,
                topic TEXT NOT NULL,
                feeling INTEGER NOT NULL CHECK (feeling BETWEEN 1 AND 5),
                happening TEXT,
                better TEXT,
                share TEXT NOT NULL DEFAULT 'anonymous' CHECK (share IN ('anonymous', 'follow_up')),
                age_band TEXT,
                created TEXT NOT NULL,
                quote_status TEXT NOT NULL DEFAULT 'none'
                    CHECK (quote_status IN ('none', 'pending', 'approved', 'rejected')),
                quote TEXT,
                texts_purged INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX views_council ON views(council, created)",
            """CREATE TABLE review_preps (
                id INTEGER PRIMARY KEY,
                key TEXT REFERENCES people(key) ON DELETE CASCADE,
                council TEXT NOT NULL,
                data TEXT NOT NULL,
                created TEXT NOT NULL
            )""",
            # "We said": what young people said, recorded by a council member.
            # raised_by is unlinked (not deleted) on erasure: the item belongs
            # to the children-in-care council, not to one person.
            """CREATE TABLE wsyd_items (
                id INTEGER PRIMARY KEY,
                council TEXT NOT NULL,
                said TEXT NOT NULL,
                theme TEXT NOT NULL,
                raised_on TEXT NOT NULL,
                raised_by TEXT REFERENCES people(key) ON DELETE SET NULL,
                created TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open'
                    CHECK (status IN ('open', 'planned', 'in_progress', 'done', 'cannot_do')),
                did TEXT,
                reason TEXT,
                owner TEXT,
                answered_on TEXT,
                answered_by TEXT
            )""",
            "CREATE INDEX wsyd_council ON wsyd_items(council, status)",
            """CREATE TABLE wsyd_endorsements (
                item_id INTEGER NOT NULL REFERENCES wsyd_items(id) ON DELETE CASCADE,
                key TEXT NOT NULL REFERENCES people(key) ON DELETE CASCADE,
                created TEXT NOT NULL,
                PRIMARY KEY (item_id, key)
            )""",
            """CREATE TABLE wsyd_ratings (
                item_id INTEGER NOT NULL REFERENCES wsyd_items(id) ON DELETE CASCADE,
                key TEXT NOT NULL REFERENCES people(key) ON DELETE CASCADE,
                rating TEXT NOT NULL CHECK (rating IN ('yes', 'partly', 'no')),
                why TEXT,
                created TEXT NOT NULL,
                PRIMARY KEY (item_id, key)
            )""",
            """CREATE TABLE invites (
                code TEXT PRIMARY KEY,
                role TEXT NOT NULL CHECK (role IN ('council_member', 'officer')),
                council TEXT NOT NULL,
                created TEXT NOT NULL,
                expires TEXT NOT NULL,
                created_by TEXT,
                used_by TEXT REFERENCES people(key) ON DELETE SET NULL,
                used_at TEXT
            )""",
        ],
    ),
    (
        3,
        "outbox: messages for people that wait for their channel",
        [
            # "You did" answers recorded from the CLI wait here until the
            # running bot can deliver them; erased with the person.
            """CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL REFERENCES people(key) ON DELETE CASCADE,
                text TEXT NOT NULL,
                buttons TEXT NOT NULL DEFAULT '[]',
                created TEXT NOT NULL
            )""",
        ],
    ),
    (
        4,
        "clarify picks: which 'did you mean' choice answered a question, for the officer's gaps",
        [
            # The question is kept scrubbed, like an unanswered one, for 90
            # days, and erased with the person: it teaches the bot a phrasing.
            """CREATE TABLE clarify_picks (
                id INTEGER PRIMARY KEY,
                key TEXT,
                council TEXT NOT NULL,
                topic_id TEXT NOT NULL,
                text TEXT NOT NULL,
                created TEXT NOT NULL
            )""",
            "CREATE INDEX clarify_picks_council ON clarify_picks(council, created)",
        ],
    ),
]


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied TEXT)"
    )
    return {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply every migration not yet applied, each in its own transaction."""
    done = applied_versions(conn)
    applied: list[int] = []
    for version, name, statements in MIGRATIONS:
        if version in done:
            continue
        # The connection is in autocommit mode, so BEGIN makes the DDL and
        # its record one transaction: a failed migration leaves no trace.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                (version, name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(version)
    return applied
