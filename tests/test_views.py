"""Sharing a view: every step, back and cancel, bad input, crisis mid-flow."""

from __future__ import annotations

from bot.engine import Engine
from bot.flows import steps
from tests.conftest import Person, labels_of, text_of


def views_rows(engine: Engine) -> list[dict]:
    return engine.store.rows("SELECT topic, feeling, happening, better, share, quote_status, quote FROM views")


def test_a_whole_view_with_every_step(person: Person, engine: Engine) -> None:
    first = person.send("/view")
    assert labels_of(first)[:2] == ["Where I live", "School, college or work"]
    assert labels_of(first)[-1] == steps.CANCEL
    feeling = person.press("Money")
    assert labels_of(feeling)[:5] == ["😞 Really bad", "🙁 Not good", "😐 OK", "🙂 Good", "😄 Really good"]
    person.press("🙁 Not good")
    person.send("My PA is Dave Smith and my money runs out every week")
    share = person.send("help with budgeting")
    assert "Anonymous: counted in the board report, no name" in labels_of(share)
    check = person.press("Anonymous: counted in the board report, no name")
    assert "About: Money" in text_of(check) and "How it feels: 🙁 Not good" in text_of(check)
    assert labels_of(check) == [steps.SEND, steps.BACK, steps.CANCEL]
    done = person.press(steps.SEND)
    assert "Your view is saved" in text_of(done)
    [row] = views_rows(engine)
    assert row["topic"] == "money" and row["feeling"] == 2 and row["share"] == "anonymous"
    assert row["quote_status"] == "pending" and "Dave" not in row["quote"] and "budgeting" in row["quote"]


def test_optional_steps_can_be_skipped(person: Person, engine: Engine) -> None:
    person.send("/view")
    person.press("Family and friends")
    person.press("😄 Really good")
    person.press(steps.SKIP)
    person.press(steps.SKIP)
    person.press("Anonymous: counted in the board report, no name")
    person.press(steps.SEND)
    assert views_rows(engine)[0]["happening"] is None and views_rows(engine)[0]["quote_status"] == "none"


def test_back_returns_to_the_previous_question_and_keeps_answers(person: Person, engine: Engine) -> None:
    person.send("/view")
    person.press("Money")
    person.press("😐 OK")
    back = person.press(steps.BACK)
    assert text_of(back) == "How do you feel about it?"
    person.press("🙂 Good")
    person.send("saving up")
    person.press(steps.SKIP)
    check = person.press("Anonymous: counted in the board report, no name")
    assert "How it feels: 🙂 Good" in text_of(check) and "saving up" in text_of(check)


def test_cancel_saves_nothing(person: Person, engine: Engine) -> None:
    person.send("/view")
    person.press("Money")
    assert "Nothing was saved" in text_of(person.press(steps.CANCEL))
    assert views_rows(engine) == []


def test_typing_when_a_button_is_expected(person: Person) -> None:
    person.send("/view")
    wrong = person.send("banana")
    assert steps.PICK_A_BUTTON in text_of(wrong)
    assert "Money" in labels_of(wrong)
    # A typed label or feeling word still counts.
    assert text_of(person.send("money")) == "How do you feel about it?"
    assert "What's happening?" in text_of(person.send("really good"))


def test_bad_free_text_keeps_the_draft(person: Person, engine: Engine) -> None:
    person.send("/view")
    person.press("Money")
    person.press("😐 OK")
    too_long = person.send("x " * 700)
    assert "the most I can take here is 1000" in text_of(too_long)
    assert "🙂" not in text_of(person.send("🙂🙂"))  # emoji-only: asked again
    assert steps.EMOJI_ONLY.format(way_out=steps.SKIP) in text_of(person.last)
    person.send("fine now")
    person.press(steps.SKIP)
    check = person.press("Anonymous: counted in the board report, no name")
    assert "About: Money" in text_of(check) and "fine now" in text_of(check)


def test_stale_and_double_pressed_buttons(person: Person, engine: Engine) -> None:
    start = person.send("/view")
    person.press("Money", start)
    stale = person.press("Where I live", start)
    assert "older message" in text_of(stale)
    person.press("😐 OK")
    person.press(steps.SKIP)
    person.press(steps.SKIP)
    check = person.press("Anonymous: counted in the board report, no name")
    person.press(steps.SEND, check)
    again = person.press(steps.SEND, check)
    assert "older message" in text_of(again)
    assert len(views_rows(engine)) == 1


def test_crisis_mid_flow_pauses_and_resumes(person: Person, engine: Engine) -> None:
    person.send("/view")
    person.press("School, college or work")
    crisis = person.send("i want to kill myself")
    assert "116 123" in text_of(crisis) and "Carry on" in labels_of(crisis)
    resumed = person.press("Carry on")
    assert text_of(resumed) == "How do you feel about it?"
    person.press("😞 Really bad")
    assert engine.store.rows("SELECT kind FROM safeguarding_events") == [{"kind": "suicide"}]


def test_low_feeling_about_home_asks_about_safety(person: Person, engine: Engine) -> None:
    person.send("/view")
    person.press("Where I live")
    ask = person.press("😞 Really bad")
    assert "do you feel safe where you live?" in text_of(ask)
    crisis = person.press("No, I don't feel safe")
    assert "999" in text_of(crisis) and crisis.alerts and crisis.alerts[0].kind == "danger"
    assert "Carry on" in labels_of(crisis)
    assert "What's happening?" in text_of(person.press("Carry on"))


def test_feeling_safe_carries_on(person: Person, engine: Engine) -> None:
    person.send("/view")
    person.press("Where I live")
    person.press("🙁 Not good")
    assert "What's happening?" in text_of(person.press("Yes, I feel safe"))
    assert engine.store.rows("SELECT * FROM safeguarding_events") == []


def test_follow_up_tells_the_officer(engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    officer = new_person("officer-1")
    officer.send("hi")
    engine.store.update_person(officer.key, role="officer")
    young = new_person("yp-1")
    young.send("/view")
    young.press("My worker or PA")
    young.press("🙁 Not good")
    young.send("I never hear back")
    young.press(steps.SKIP)
    young.press("Also send to the participation officer to follow up")
    done = young.press(steps.SEND)
    assert [n.person for n in done.notifications] == [officer.key]
    assert "I never hear back" in done.notifications[0].reply.text


def test_share_views_topic_starts_the_flow(person: Person) -> None:
    assert "What would you like to share a view about?" in text_of(person.send("i want to share my views"))


def test_a_feeling_can_be_sent_as_its_emoji(person: Person) -> None:
    person.send("/view")
    person.press("Money")
    assert "What's happening?" in text_of(person.send("🙂"))
