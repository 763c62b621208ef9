import os
import sqlite3
import stat
from pathlib import Path

import pytest

from storage.migrations import MIGRATIONS
from storage.pseudonym import Pseudonymiser, load_or_create_secret
from storage.store import Store


def test_secret_file_is_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    first = load_or_create_secret(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_or_create_secret(path) == first
    assert len(first) == 32


def test_database_file_is_private(db_path: Path) -> None:
    Store(db_path).close()
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_keys_are_hmac_not_plain_hashes() -> None:
    one, other = Pseudonymiser(b"a" * 32), Pseudonymiser(b"b" * 32)
    assert one.key("telegram", 42) == one.key("telegram", "42")
    assert one.key("telegram", 42) != other.key("telegram", 42)
    assert one.key("telegram", 42) != one.key("terminal", 42)
    import hashlib

    assert one.key("telegram", 42) != hashlib.sha256(b"telegram:42").hexdigest()


def test_migrations_apply_once_and_are_recorded(db_path: Path) -> None:
    Store(db_path).close()
    Store(db_path).close()  # reopening applies nothing twice
    conn = sqlite3.connect(db_path)
    versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [number for number, _, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_state_round_trips_exactly(store: Store) -> None:
    store.touch_person("k1", "test", "somerset")
    state = {"turn": 3, "flow": {"name": "erase", "data": {"text": "émoji 🙂 <b>"}}}
    store.save_state("k1", state)
    assert store.load_state("k1") == state


def test_topic_counts_add_up(store: Store) -> None:
    for _ in range(3):
        store.count_topic("dorset", "offer.housing")
    store.count_topic("dorset", "offer.housing", "helpful")
    store.count_topic("somerset", "offer.housing")
    assert store.topic_stats("dorset") == {"offer.housing": {"asked": 3, "helpful": 1, "not_helpful": 0}}


def test_count_rejects_unknown_field(store: Store) -> None:
    with pytest.raises(ValueError):
        store.count_topic("dorset", "offer.housing", "asked; DROP TABLE people")


def test_unanswered_questions_are_scrubbed(store: Store) -> None:
    kept = store.log_unanswered(None, "somerset", "my social worker is Dave Smith, call me on 07700 900123 or jo@example.com, BA1 1AA")
    assert "Dave" not in kept and "Smith" not in kept
    assert "07700" not in kept and "jo@example.com" not in kept and "BA1" not in kept
    assert store.rows("SELECT text FROM unanswered")[0]["text"] == kept


def test_erase_removes_every_linked_row_but_keeps_anonymous_counts(store: Store) -> None:
    store.touch_person("k1", "telegram", "somerset", chat_id="555")
    store.touch_person("k2", "telegram", "somerset", chat_id="556")
    store.save_state("k1", {"turn": 1})
    store.log_unanswered("k1", "somerset", "something odd")
    store.record_safeguarding("k1", "somerset", "suicide")
    store.count_topic("somerset", "offer.housing")
    store.erase_person("k1")
    for table, column in store.linked_tables():
        assert store.rows(f"SELECT * FROM [{table}] WHERE [{column}] = 'k1'") == []
    assert store.person("k1") is None and store.chat_id("k1") is None
    assert store.person("k2") is not None
    # The board still learns a safeguarding event happened, not who it was.
    assert store.rows("SELECT key, kind FROM safeguarding_events") == [{"key": None, "kind": "suicide"}]
    assert store.topic_stats("somerset")["offer.housing"]["asked"] == 1
