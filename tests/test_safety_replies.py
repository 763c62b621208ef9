"""What a young person sees, what is stored and who is told, for each kind of harm."""

from __future__ import annotations

import pytest

from bot import wording
from bot.engine import Engine
from knowledge.base import CouncilKnowledge
from knowledge.model import Knowledge
from storage.pseudonym import Pseudonymiser
from storage.store import Store
from tests.conftest import SECRET, Person, labels_of, text_of


def events(engine: Engine) -> list[str]:
    return [row["kind"] for row in engine.store.rows("SELECT kind FROM safeguarding_events ORDER BY id")]


@pytest.mark.parametrize(
    "message, kind, must_say",
    [
        ("i took a whole packet of paracetamol an hour ago", "overdose", "even if you feel fine"),
        ("ive been cutting my arms again tonight", "self_harm", "A&E"),
        ("my foster dad hits me when hes drunk", "abuse", "Help at Hand"),
        ("my boyfriend checks my phone and wont let me see my mates", "domestic_abuse", "999"),
        ("they want to take me to pakistan in the summer to get married", "forced_marriage", "Forced Marriage Unit"),
        ("he said he will post my nudes unless i pay him", "sextortion", "Don't pay"),
        ("the olders gave me a burner and i have to go country this weekend", "criminal_exploitation", "county lines"),
        ("i ran away from my placement and im not going back tonight", "missing", "You're not in trouble"),
        ("my best mate told me she wants to kill herself", "friend", "looking out for them"),
    ],
)
def test_each_kind_gets_a_reply_written_for_it(person: Person, engine: Engine, message: str, kind: str, must_say: str) -> None:
    result = person.send(message)
    assert must_say in text_of(result)
    assert result.alerts and result.alerts[0].kinds[0] == kind
    assert events(engine)[0] == kind
    assert wording.BUTTON_HUMAN in labels_of(result)


def test_when_the_danger_is_a_carer_the_reply_never_says_tell_your_carer(person: Person) -> None:
    text = text_of(person.send("my foster carer hits me"))
    assert "tell your carer" not in text.lower() and "Coram Voice" in text and "NYAS" in text


def test_a_friend_in_danger_gets_advice_for_the_friend(person: Person) -> None:
    result = person.send("my mate said he took loads of pills")
    assert "call 999 for them" in text_of(result)
    assert result.alerts[0].kinds == ("friend",) and "overdose" in result.alerts[0].friend_kinds


def test_every_kind_that_matched_is_alerted_and_stored(person: Person, engine: Engine) -> None:
    result = person.send("my stepdad hits me all the time and honestly i want to die")
    assert set(result.alerts[0].kinds) >= {"suicide", "abuse"}
    assert set(events(engine)) >= {"suicide", "abuse"}
    assert "Case" in result.alerts[0].render() or "case" in result.alerts[0].render()


def test_the_stored_event_has_the_kind_and_never_the_words(person: Person, engine: Engine) -> None:
    person.send("the olders make me hold stuff for them or they will stab me")
    dump = "\n".join(engine.store.conn.iterdump())
    assert "olders" not in dump and "stab" not in dump


def test_the_reply_says_plainly_who_has_been_told(somerset: CouncilKnowledge, store: Store) -> None:
    alerting = Person(Engine(somerset, store, Pseudonymiser(SECRET), alerting=True))
    assert "safeguarding team know" in text_of(alerting.send("i want to die"))
    quiet = Person(Engine(somerset, Store(":memory:"), Pseudonymiser(SECRET)), user_id="2")
    assert "no one has been told" in text_of(quiet.send("i want to die"))


def test_under_16s_see_childline_first(person: Person) -> None:
    person.press_payload("0|age|under_16")
    assert text_of(person.send("my dad beats me")).startswith("You can call Childline any time")


def test_an_unclear_worry_gets_a_check_in_and_not_safe_alerts(person: Person, engine: Engine) -> None:
    asked = person.send("i cant cope")
    assert "Are you safe right now?" in text_of(asked) and not asked.alerts
    assert labels_of(asked) == [wording.BUTTON_SAFE, wording.BUTTON_NOT_SAFE, wording.BUTTON_TALK]
    answered = person.press(wording.BUTTON_NOT_SAFE, asked)
    assert "999" in text_of(answered) and answered.alerts and events(engine) == ["danger"]
    again = person.press(wording.BUTTON_NOT_SAFE, asked)
    assert text_of(again) == wording.STALE_BUTTON and not again.alerts and events(engine) == ["danger"]


def test_a_check_in_answered_safe_alerts_no_one(person: Person, engine: Engine) -> None:
    asked = person.send("i cant cope")
    answered = person.press(wording.BUTTON_SAFE, asked)
    assert text_of(answered).startswith("I'm glad you're safe") and not answered.alerts and events(engine) == []


def test_a_question_about_a_harm_is_information_not_an_alarm(person: Person, engine: Engine) -> None:
    result = person.send("we did county lines in pshe today, what does it mean")
    assert "If it is happening to you" in text_of(result) and not result.alerts and events(engine) == []


def test_soon_after_a_crisis_too_late_is_read_as_one(person: Person, engine: Engine) -> None:
    person.send("i want to die")
    result = person.send("i already took them")
    assert "A&E" in text_of(result) and events(engine) == ["suicide", "overdose"]


def test_the_same_words_long_after_are_not(person: Person, engine: Engine) -> None:
    person.send("i want to die")
    for _ in range(4):
        person.send("what is a pathway plan")
    assert not person.send("its too late").alerts


@pytest.mark.parametrize("text", ["مرحبا أحتاج مساعدة", "سلام من کمک لازم دارم", "ሰላም ሓገዝ የድልየኒ"])
def test_a_script_the_bot_cannot_read_gets_helplines_and_an_interpreter(person: Person, text: str) -> None:
    reply = text_of(person.send(text))
    assert "999" in reply and "interpreter" in reply and wording.EMPTY not in reply


@pytest.mark.parametrize("text", ["", "🙂🙂", "asdf qwer zxcv"])
def test_replies_that_did_not_understand_carry_a_safety_line(person: Person, text: str) -> None:
    assert "Samaritans 116 123" in text_of(person.send(text))


def test_a_council_without_an_out_of_hours_number_is_never_a_dead_end(shipped: Knowledge) -> None:
    for slug in shipped.councils:
        council = CouncilKnowledge(shipped, slug)
        reply = council.crisis_reply("homeless")
        assert "999" in reply
        assert "101" in reply or str(council.setting("contacts.out_of_hours.phone")) in reply
