"""Conversations as a young person would have them, through the engine."""

from __future__ import annotations

import asyncio

import pytest

from bot import wording
from bot.engine import Engine
from bot.messages import Incoming
from knowledge.base import CouncilKnowledge
from knowledge.model import Knowledge
from storage.pseudonym import Pseudonymiser
from storage.store import Store
from tests.conftest import SECRET, Person, labels_of, text_of


def test_start_greets_with_privacy_notice_and_optional_age(person: Person, engine: Engine) -> None:
    result = person.send("/start")
    assert "carebot for Somerset" in text_of(result)
    assert "safeguarding team" in text_of(result) and "/forgetme" in text_of(result)
    assert labels_of(result) == ["Under 16", "16-17", "18-21", "22-25", "Prefer not to say", "Skip"]
    assert engine.store.person(person.key)["notice_version"] == "2026-11-22"
    person.press("18-21")
    assert engine.store.person(person.key)["age_band"] == "18_21"


def test_skipping_the_age_is_as_easy_as_answering(person: Person, engine: Engine) -> None:
    person.send("/start")
    assert "Topics menu" in labels_of(person.press("Skip"))
    assert engine.store.person(person.key)["age_band"] is None


def test_typing_a_question_instead_of_an_age_just_answers_it(person: Person) -> None:
    person.send("/start")
    assert "Staying Put" in text_of(person.send("staying put"))


def test_a_question_in_text_speak_gets_a_sourced_answer(person: Person, engine: Engine) -> None:
    result = person.send("can i stay at my foster carers wen im 18")
    answer = result.replies[0].text
    assert "Staying Put" in answer
    assert "Source:" in answer
    assert answer.endswith("Was this helpful?") and len(result.replies) == 1
    assert labels_of(result)[-3:] == [wording.BUTTON_HELPFUL, wording.BUTTON_NOT_HELPFUL, "Topics menu"]
    assert engine.store.topic_stats("somerset")["offer.staying_put"]["asked"] == 1


def test_council_refinement_is_used(person: Person) -> None:
    assert "Route One" in text_of(person.send("how do i get an advocate"))


def test_related_topic_buttons_answer_that_topic(person: Person) -> None:
    first = person.send("staying put")
    related = first.replies[0].buttons[0]
    second = person.press(related.label)
    assert second.replies[0].text.startswith(person.engine.knowledge.answer(related.payload.split("|")[2])[:40])


def test_helpful_counts_once_even_when_pressed_twice(person: Person, engine: Engine) -> None:
    answer = person.send("staying put")
    assert text_of(person.press(wording.BUTTON_HELPFUL, answer)) == wording.HELPFUL_THANKS
    assert text_of(person.press(wording.BUTTON_HELPFUL, answer)) == wording.ALREADY_RATED
    assert text_of(person.press(wording.BUTTON_NOT_HELPFUL, answer)) == wording.ALREADY_RATED
    assert engine.store.topic_stats("somerset")["offer.staying_put"]["helpful"] == 1


def test_not_helpful_offers_a_person(person: Person, engine: Engine) -> None:
    person.send("staying put")
    result = person.press(wording.BUTTON_NOT_HELPFUL)
    assert "Talk to a person" in labels_of(result)
    assert engine.store.topic_stats("somerset")["offer.staying_put"]["not_helpful"] == 1


@pytest.mark.parametrize("council", ["somerset", "worcestershire", "dorset", "hampshire", "bathnes"])
def test_asking_for_a_person_always_ends_at_a_number_to_call(shipped: Knowledge, council: str) -> None:
    # No council has given its phone numbers yet, so a council line alone would be a dead end.
    asking = Person(Engine(CouncilKnowledge(shipped, council), Store(":memory:"), Pseudonymiser(SECRET)))
    for text in ("can i talk to a real person", "im really low and need someone to talk to"):
        reply = text_of(asking.send(text))
        assert "Childline (up to 19): 0800 1111" in reply and "Samaritans: 116 123" in reply, (council, text)


def test_did_you_mean_offers_choices_and_answers_the_chosen_one(person: Person) -> None:
    result = person.send("plan")
    assert result.replies[0].text == wording.CLARIFY
    choices = labels_of(result)
    assert choices[-1] == wording.CLARIFY_NONE and len(choices) >= 3
    answer = person.press(choices[0])
    assert "Source:" in answer.replies[0].text


def test_none_of_these_keeps_the_question_for_the_officer(person: Person, engine: Engine) -> None:
    person.send("plan")
    result = person.press(wording.CLARIFY_NONE)
    assert text_of(result) == wording.NONE_OF_THESE
    assert engine.store.rows("SELECT text FROM unanswered") == [{"text": "plan"}]


def test_crisis_in_the_middle_of_did_you_mean(person: Person, engine: Engine) -> None:
    clarify = person.send("plan")
    crisis = person.send("actually i want to die")
    assert "116 123" in text_of(crisis) and "999" in text_of(crisis)
    assert wording.CLARIFY not in text_of(crisis)
    assert "Talk to a person" in labels_of(crisis)
    # The old "did you mean" buttons no longer act.
    stale = person.press(labels_of(clarify)[0], clarify)
    assert text_of(stale) == wording.STALE_BUTTON
    events = engine.store.rows("SELECT key, kind FROM safeguarding_events")
    assert events == [{"key": person.key, "kind": "suicide"}]


def test_crisis_event_stores_kind_not_words(person: Person, engine: Engine) -> None:
    result = person.send("my foster carer hits me")
    assert "not your fault" in text_of(result).lower()
    assert len(result.alerts) == 1 and result.alerts[0].kind == "abuse" and result.alerts[0].text is None
    dump = "\n".join(engine.store.conn.iterdump())
    assert "hits me" not in dump


def test_unknown_question_is_logged_scrubbed_and_honest(person: Person, engine: Engine) -> None:
    result = person.send("can my pa Sarah Jones lend me her car for a driving test on 07700900123")
    assert "don't have an answer" in text_of(result) or wording.CLARIFY in text_of(result)


def test_out_of_scope_is_declined_kindly_and_not_logged(person: Person, engine: Engine) -> None:
    result = person.send("what is the capital of france")
    assert "Topics menu" in labels_of(result)
    assert engine.store.rows("SELECT * FROM unanswered") == []


def test_fallback_logs_unanswered(person: Person, engine: Engine) -> None:
    result = person.send("zxqv blorp wibble")
    assert text_of(result) == wording.FALLBACK
    assert engine.store.rows("SELECT text FROM unanswered") == [{"text": "zxqv blorp wibble"}]


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x02", "\u200b"])
def test_empty_messages_get_a_kind_prompt(person: Person, text: str) -> None:
    assert text_of(person.send(text)) == wording.EMPTY


def test_emoji_only_gets_a_kind_prompt(person: Person) -> None:
    assert text_of(person.send("😀🙏🏽")) == wording.EMPTY


def test_four_thousand_characters_get_a_reply(person: Person) -> None:
    result = person.send("my placement is hard because " + "blah " * 800)
    assert result.replies and all(0 < len(r.text) <= 4096 for r in result.replies)


def test_crisis_at_the_end_of_a_long_message_is_still_caught(person: Person) -> None:
    result = person.send("so today was long. " * 200 + "and i want to kill myself")
    assert "116 123" in text_of(result)


def test_menu_groups_and_topics(person: Person) -> None:
    menu = person.send("/menu")
    assert "Money" in labels_of(menu)
    money = person.press("Money")
    assert "Council tax" in " ".join(labels_of(money)) or len(labels_of(money)) >= 4
    back = person.press(wording.BUTTON_BACK, money)
    assert "Money" in labels_of(back)


@pytest.mark.parametrize("payload", ["nonsense", "999|topic|offer.housing", "1|explode|now", "|||", "1|topic|crisis.suicide"])
def test_forged_or_unknown_buttons_are_handled(person: Person, payload: str) -> None:
    person.send("/start")
    result = person.press_payload(payload)
    assert result.replies and all(r.text for r in result.replies)


def test_unknown_command(person: Person) -> None:
    assert text_of(person.send("/launch")) == wording.UNKNOWN_COMMAND


def test_photos_and_stickers_get_a_kind_reply(engine: Engine) -> None:
    result = asyncio.run(engine.handle(Incoming("test", "5", "5", unsupported="a photo")))
    assert "can't see a photo" in text_of(result)


def test_forget_me_confirms_then_erases_everything(person: Person, engine: Engine) -> None:
    person.send("staying put")
    person.send("zxqv blorp")
    confirm = person.send("delete my data")
    assert text_of(confirm) == wording.ERASE_CONFIRM
    done = person.press(wording.BUTTON_ERASE_YES)
    assert text_of(done) == wording.ERASE_DONE
    for table, column in engine.store.linked_tables():
        assert engine.store.rows(f"SELECT * FROM [{table}] WHERE [{column}] = ?", (person.key,)) == []
    assert engine.store.person(person.key) is None
    # The confirm button pressed again does nothing.
    again = person.press(wording.BUTTON_ERASE_YES, confirm)
    assert wording.ERASE_DONE not in text_of(again) and again.replies


def test_forget_me_can_be_cancelled(person: Person, engine: Engine) -> None:
    person.send("/forgetme")
    assert text_of(person.send("no")) == wording.ERASE_KEPT
    assert engine.store.person(person.key) is not None


def test_crisis_during_forget_me_pauses_it_and_it_resumes(person: Person, engine: Engine) -> None:
    person.send("/forgetme")
    crisis = person.send("i have nowhere to sleep tonight")
    assert wording.CRISIS_RESUME in text_of(crisis)
    resumed = person.press(wording.BUTTON_RESUME)
    assert text_of(resumed) == wording.ERASE_CONFIRM


def test_people_do_not_share_state(new_person, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    alice, bob = new_person("a"), new_person("b")
    alice.send("plan")
    result = bob.press_payload(alice.last.replies[0].buttons[0].payload)
    assert text_of(result) == wording.STALE_BUTTON or "Source:" not in text_of(result)


def test_answers_are_tailored_to_an_under_16(person: Person) -> None:
    person.send("/start")
    person.press("Under 16")
    assert text_of(person.send("staying put")).startswith("Most of this is for when you're 16 or older.")
    assert not text_of(person.send("what is a pep")).startswith("Most of this")


async def test_flooding_gets_one_gentle_reply_and_loses_nothing(engine: Engine) -> None:
    results = [await engine.handle(Incoming("test", "fast", "fast", text=f"staying put {i}")) for i in range(25)]
    slow = [r for r in results if r.replies[0].text == wording.SLOW_DOWN]
    assert len(slow) == 1
    assert all(any("Staying Put" in reply.text for reply in r.replies) for r in results)
    assert engine.store.topic_stats("somerset")["offer.staying_put"]["asked"] == 25
    other = await engine.handle(Incoming("test", "calm", "calm", text="staying put"))
    assert other.replies[0].text != wording.SLOW_DOWN


def test_crisis_reply_says_what_to_do_when_the_council_number_is_unknown(person: Person, engine: Engine) -> None:
    text = text_of(person.send("i have nowhere to sleep tonight"))
    assert "0300 123 23 27" in text and "I don't have" not in text
    shipped = engine.knowledge.council.profile["contacts"]["out_of_hours"]["phone"]
    engine.knowledge.council.profile["contacts"]["out_of_hours"]["phone"] = None
    try:
        text = text_of(person.send("i have nowhere to sleep tonight"))
        assert "I don't have Somerset's out-of-hours number yet" in text and "101" in text and "999" in text
    finally:
        engine.knowledge.council.profile["contacts"]["out_of_hours"]["phone"] = shipped


async def test_per_person_locks_are_forgotten_when_idle(engine: Engine) -> None:
    await asyncio.gather(*(engine.handle(Incoming("test", str(i), str(i), text="hi")) for i in range(20)))
    assert engine._locks == {} and not engine._queued_turns


def test_a_failing_turn_still_stores_the_safeguarding_event(person: Person, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    real_crisis = engine.answering.crisis

    def crisis_then_fail(turn, kind, text):  # type: ignore[no-untyped-def]
        real_crisis(turn, kind, text)
        engine.store.count_topic("somerset", "offer.housing")  # a write the failure must undo
        raise RuntimeError("boom")

    monkeypatch.setattr(engine.answering, "crisis", crisis_then_fail)
    result = person.send("i want to die")
    assert "116 123" in text_of(result) and wording.ERROR in text_of(result)
    assert engine.store.rows("SELECT kind FROM safeguarding_events") == [{"kind": "suicide"}]
    assert engine.store.topic_stats("somerset") == {}


def test_every_answerable_topic_can_be_found_in_the_menu(somerset) -> None:  # type: ignore[no-untyped-def]
    from bot.menu import menu_topics

    answerable = {t for t in somerset.topics if t.split(".")[0] in ("offer", "voice", "care", "glossary")}
    assert answerable - menu_topics() == set()


def test_a_long_story_is_offered_a_way_to_be_heard(person: Person) -> None:
    result = person.send("so this is what happened " * 40)
    assert "Pass on a message (share a view)" in labels_of(result)


def test_a_question_at_the_end_of_a_long_story_is_answered(person: Person) -> None:
    # Matching reads a long message's start and end: the question a story ends with is not cut off.
    story = "so today i went to college, then the shop, then home and watched tiktok for ages. " * 15
    result = person.send(story + "anyway my real question is do care leavers have to pay council tax")
    assert len(story) > 1000 and "helpful|y:offer.council_tax" in [b.payload.split("|", 1)[1] for b in result.replies[-1].buttons]


def test_two_questions_in_one_message_get_two_answers(person: Person) -> None:
    result = person.send("how do i claim my junior isa and whats the setting up home allowance")
    answered = [b.payload.split("|", 2)[2] for r in result.replies for b in r.buttons if b.payload.split("|")[1] == "helpful"]
    assert answered == ["y:offer.junior_isa", "n:offer.junior_isa", "y:offer.setting_up_home", "n:offer.setting_up_home"]
