"""The database: one SQLite file through sqlite-utils, pseudonymous throughout.

Every method is a short, complete unit of work; anything that writes more
than one row runs in one transaction, so a crash never leaves half of it.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.migrations import migrate
from storage.pseudonym import create_private_file
from storage.scrub import scrub

# Columns that hold a person's key, wherever they appear.
PERSON_COLUMNS = ("key", "actor", "raised_by", "answered_by", "created_by", "used_by")
# Rows that stay, anonymous, when a person is erased: the board still needs
# to know that a safeguarding event or an export happened, not who it was.
KEEP_UNLINKED = {
    ("safeguarding_events", "key"),
    ("audit_log", "actor"),
    ("wsyd_items", "raised_by"),
    ("wsyd_items", "answered_by"),
    ("invites", "created_by"),
    ("invites", "used_by"),
}

# Unanswered questions are kept for the officer, scrubbed, and cut to this.
MAX_KEPT_TEXT = 500


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def stamp(moment: datetime | None = None) -> str:
    return (moment or utc_now()).isoformat(timespec="seconds")


class Store:
    """All reads and writes the bot makes."""

    def __init__(self, path: Path | str = ":memory:") -> None:
        self.path = path
        if path != ":memory:":
            path = Path(path)
            if not path.exists():
                create_private_file(path)  # the database is private too: mode 0600
        # Autocommit; transactions are explicit (see transaction()).
        # check_same_thread=False: the engine runs storage on a worker
        # thread, one call at a time under self._lock.
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        self._lock = threading.RLock()
        self._savepoints = itertools.count()
        migrate(conn)
        self._linked = self._find_linked_tables()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; inside another, a savepoint that can fail alone."""
        with self._lock:
            if self.conn.in_transaction:
                name = f"inner{next(self._savepoints)}"
                self.conn.execute(f"SAVEPOINT {name}")
                try:
                    yield self.conn
                except BaseException:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                    raise
                self.conn.execute(f"RELEASE {name}")
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def rows(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(r) for r in self.db.query(sql, params)]

    # People and their conversations

    def touch_person(self, key: str, channel: str, council: str, chat_id: str | None = None) -> dict[str, Any]:
        """Create or refresh a person; returns their row."""
        now = stamp()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO people (key, channel, council, created, last_seen) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET last_seen = excluded.last_seen",
                (key, channel, council, now, now),
            )
            if chat_id is not None:
                conn.execute(
                    "INSERT INTO chat_links (key, chat_id) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET chat_id = excluded.chat_id",
                    (key, str(chat_id)),
                )
        return self.person(key) or {}

    def person(self, key: str) -> dict[str, Any] | None:
        found = self.rows("SELECT * FROM people WHERE key = ?", (key,))
        return found[0] if found else None

    def update_person(self, key: str, **fields: Any) -> None:
        with self._lock:
            self.db.table("people").update(key, fields)

    def chat_id(self, key: str) -> str | None:
        found = self.rows("SELECT chat_id FROM chat_links WHERE key = ?", (key,))
        return found[0]["chat_id"] if found else None

    def load_state(self, key: str) -> dict[str, Any]:
        found = self.rows("SELECT data FROM states WHERE key = ?", (key,))
        return json.loads(found[0]["data"]) if found else {}

    def save_state(self, key: str, state: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO states (key, data, updated) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET data = excluded.data, updated = excluded.updated",
                (key, json.dumps(state, ensure_ascii=False), stamp()),
            )

    # What young people asked

    def count_topic(self, council: str, topic_id: str, field: str = "asked", day: date | None = None) -> None:
        """Add one to a topic's daily count: 'asked', 'helpful' or 'not_helpful'."""
        if field not in ("asked", "helpful", "not_helpful"):
            raise ValueError(field)
        with self.transaction() as conn:
            conn.execute(
                f"INSERT INTO topic_stats (council, day, topic_id, {field}) VALUES (?, ?, ?, 1) "
                f"ON CONFLICT(council, day, topic_id) DO UPDATE SET {field} = {field} + 1",
                (council, (day or utc_now().date()).isoformat(), topic_id),
            )

    def topic_stats(self, council: str) -> dict[str, dict[str, int]]:
        """Totals per topic for one council."""
        result: dict[str, dict[str, int]] = {}
        for row in self.rows(
            "SELECT topic_id, SUM(asked) AS asked, SUM(helpful) AS helpful, SUM(not_helpful) AS not_helpful "
            "FROM topic_stats WHERE council = ? GROUP BY topic_id",
            (council,),
        ):
            result[row.pop("topic_id")] = row
        return result

    def log_unanswered(self, key: str | None, council: str, text: str) -> str:
        """Keep a question the bot could not answer, scrubbed; returns what was kept."""
        kept = scrub(text)[:MAX_KEPT_TEXT]
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO unanswered (key, council, text, created) VALUES (?, ?, ?, ?)",
                (key, council, kept, stamp()),
            )
        return kept

    def log_clarify_pick(self, key: str | None, council: str, topic_id: str, scrubbed: str) -> None:
        """A "did you mean" choice that answered a question: its words (already scrubbed) teach a phrasing."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO clarify_picks (key, council, topic_id, text, created) VALUES (?, ?, ?, ?, ?)",
                (key, council, topic_id, scrubbed[:MAX_KEPT_TEXT], stamp()),
            )

    # Safeguarding and audit

    def record_safeguarding(self, key: str | None, council: str, kind: str, at: datetime | None = None) -> int:
        """The kind and time of a crisis, never the words; returns its case number."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO safeguarding_events (key, council, kind, at) VALUES (?, ?, ?, ?)",
                (key, council, kind, stamp(at)),
            )
            return int(cursor.lastrowid or 0)

    def audit(self, actor: str | None, action: str, council: str | None = None, detail: dict[str, Any] | None = None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, council, detail) VALUES (?, ?, ?, ?, ?)",
                (stamp(), actor, action, council, json.dumps(detail or {}, sort_keys=True)),
            )

    # Forget me

    def erase_person(self, key: str) -> None:
        """Remove every row linked to a person, in one transaction."""
        with self.transaction() as conn:
            for table, column in self.linked_tables():
                if (table, column) in KEEP_UNLINKED:
                    conn.execute(f"UPDATE [{table}] SET [{column}] = NULL WHERE [{column}] = ?", (key,))
                else:
                    conn.execute(f"DELETE FROM [{table}] WHERE [{column}] = ?", (key,))
            conn.execute("DELETE FROM people WHERE key = ?", (key,))

    def linked_tables(self) -> list[tuple[str, str]]:
        """Every (table, column) that can hold a person's key."""
        return list(self._linked)

    def _find_linked_tables(self) -> list[tuple[str, str]]:
        """Found from the schema rather than listed, so a table added by a
        later migration is erased too without anyone remembering to add it."""
        found: list[tuple[str, str]] = []
        with self._lock:
            for table in self.db.table_names():
                if table == "people":
                    continue
                for column in self.db[table].columns:
                    if column.name in PERSON_COLUMNS:
                        found.append((table, column.name))
        return found

