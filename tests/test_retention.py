from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from storage import voice
from storage.retention import purge
from storage.store import Store, stamp, utc_now


def age_rows(store: Store, table: str, days: int) -> None:
    store.conn.execute(f"UPDATE {table} SET created = ?", (stamp(utc_now() - timedelta(days=days)),))


def test_old_unanswered_questions_go_and_recent_ones_stay(store: Store) -> None:
    store.log_unanswered(None, "dorset", "old question")
    age_rows(store, "unanswered", 91)
    store.log_unanswered(None, "dorset", "new question")
    assert purge(store).unanswered == 1
    assert [r["text"] for r in store.rows("SELECT text FROM unanswered")] == ["new question"]


def test_old_view_words_go_but_the_view_still_counts(store: Store) -> None:
    store.touch_person("k", "test", "dorset")
    voice.save_view(store, "k", "dorset", {"topic": "money", "feeling": 2, "happening": "rent is late", "better": None}, None)
    age_rows(store, "views", 400)
    done = purge(store, view_text_days=365)
    assert done.view_texts == 1
    [view] = store.rows("SELECT topic, feeling, happening, quote, quote_status, texts_purged FROM views")
    assert view == {"topic": "money", "feeling": 2, "happening": None, "quote": None, "quote_status": "rejected", "texts_purged": 1}
    assert purge(store).view_texts == 0  # nothing twice


def test_purge_command(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    store = Store(db)
    store.log_unanswered(None, "dorset", "old")
    age_rows(store, "unanswered", 100)
    result = CliRunner().invoke(main, ["purge", "--db", str(db)])
    assert result.exit_code == 0
    assert result.output.strip() == "Deleted 1 unanswered question(s) and the words of 0 view(s)."
