"""Getting ready for a review, waiting messages, and erasing everything."""

from __future__ import annotations

from datetime import date

from bot.engine import Engine
from bot.flows import steps
from storage import voice
from tests.conftest import Person, labels_of, text_of


def test_review_prep_makes_a_summary_and_keeps_it_only_if_asked(person: Person, engine: Engine) -> None:
    first = person.send("help me get ready for my review")
    assert "Get ready for my review" in labels_of(first)
    assert "What is going well?" in text_of(person.press("Get ready for my review"))
    person.send("college is good")
    person.press(steps.SKIP)
    person.send("move closer to my sister")
    person.send("my advocate")
    summary = person.send("when is my next PEP?")
    assert "college is good" in text_of(summary) and "Independent Reviewing Officer" in text_of(summary)
    assert "What is not going so well?" not in text_of(summary)  # skipped questions are left out
    person.press("Don't keep it")
    assert engine.store.rows("SELECT * FROM review_preps") == []


def test_review_prep_kept_when_chosen(person: Person, engine: Engine) -> None:
    person.send("/review")
    for _ in range(5):
        person.send("something")
    person.press("Keep a copy")
    assert len(engine.store.rows("SELECT * FROM review_preps WHERE key = ?", (person.key,))) == 1


def test_a_waiting_message_arrives_before_the_reply(person: Person, engine: Engine) -> None:
    person.send("hi")
    voice.queue_message(engine.store, person.key, "The council answered your item.", [("Yes", "0|rate|1:yes")])
    result = person.send("staying put")
    assert result.replies[0].text == "The council answered your item."
    assert voice.take_queued(engine.store) == []


def test_forget_me_leaves_no_row_behind(person: Person, engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    store = engine.store
    person.send("/start")
    person.send("/view")
    person.press("Money")
    person.press("😐 OK")
    person.send("my sw is Kelly")
    person.press(steps.SKIP)
    person.press("Anonymous: counted in the board report, no name")
    person.press(steps.SEND)
    person.send("/review")
    for _ in range(5):
        person.send("x y")
    person.press("Keep a copy")
    item = voice.add_we_said(store, "somerset", "More help with money", "family:offer", date(2026, 11, 2), person.key)
    voice.endorse(store, item, person.key)
    voice.rate_answer(store, item, person.key, "yes")
    person.send("i want to die")
    person.send("zzkq wibble")
    person.send("/forgetme")
    person.press("Yes, delete everything")
    for table, column in store.linked_tables():
        assert store.rows(f"SELECT * FROM [{table}] WHERE [{column}] = ?", (person.key,)) == [], table
    dump = "\n".join(store.conn.iterdump())
    assert person.key not in dump
    # What belongs to the council stays, unlinked.
    assert store.rows("SELECT raised_by FROM wsyd_items") == [{"raised_by": None}]
    assert store.rows("SELECT key FROM safeguarding_events") == [{"key": None}]


def test_ids_live_only_in_chat_links_and_the_secret_nowhere(engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    person = new_person("987654321")
    person.send("hello")
    person.send("zzkq wibble")
    dump = engine.store.conn.iterdump()
    holding_id = [line for line in dump if "987654321" in line]
    assert holding_id == [f"INSERT INTO \"chat_links\" VALUES('{person.key}','987654321');"]
    from tests.conftest import SECRET

    assert SECRET.hex() not in "\n".join(engine.store.conn.iterdump())
