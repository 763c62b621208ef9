"""We Said, You Did, roles and invites: the whole loop, and who may do what."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.engine import Engine
from bot.flows import steps
from storage import board, voice
from tests.conftest import Person, labels_of, text_of


@pytest.fixture
def member(engine: Engine, new_person) -> Person:  # type: ignore[no-untyped-def]
    person = new_person("member")
    person.send("hi")
    code = voice.create_invite(engine.store, "council_member", "somerset", None)
    assert "children in care council member" in text_of(person.send(f"/start {code}"))
    return person


@pytest.fixture
def officer(engine: Engine, new_person) -> Person:  # type: ignore[no-untyped-def]
    engine.officers = ("test:officer",)
    person = new_person("officer")
    person.send("hi")
    return person


def record_item(member: Person, said: str = "We want Wi-Fi in supported housing") -> int:
    member.send("/wesaid")
    member.send(said)
    member.press("Leaving care support (Local Offer)")
    member.press("About a week ago")
    done = member.press(steps.SEND)
    return int(text_of(done).split("Saved as item ")[1].split(".")[0])


def test_council_member_records_an_item(member: Person, engine: Engine) -> None:
    item_id = record_item(member)
    [item] = voice.wsyd_items(engine.store, "somerset")
    assert item["id"] == item_id and item["status"] == "open" and item["raised_by"] == member.key
    assert item["raised_on"] == (datetime.now(timezone.utc).date() - timedelta(days=7)).isoformat()


def test_young_people_browse_and_say_me_too_once(member: Person, person: Person, engine: Engine) -> None:
    item_id = record_item(member)
    listing = person.send("/wsyd")
    assert "We want Wi-Fi in supported housing" in text_of(listing)
    assert f"Answer item {item_id}" not in labels_of(listing)
    assert "I've added your" in text_of(person.press(f"Me too: item {item_id}", listing))
    assert "already said" in text_of(person.press(f"Me too: item {item_id}", listing))
    assert voice.wsyd_items(engine.store, "somerset")[0]["endorsements"] == 1


def test_officer_answers_and_everyone_is_told_and_rates(member: Person, person: Person, officer: Person, engine: Engine) -> None:
    item_id = record_item(member)
    person.send("/wsyd")
    person.press(f"Me too: item {item_id}")
    listing = officer.send("/youdid")
    officer.press(f"Answer item {item_id}", listing)
    officer.send("Wi-Fi is being put into every flat")
    officer.press("Planned")
    officer.send("Head of Housing")
    officer.press("Today")
    done = officer.press(steps.SEND)
    assert "2 young people have been sent the answer" in text_of(done)
    told = {n.person: n.reply for n in done.notifications}
    assert set(told) == {member.key, person.key}
    message = told[person.key]
    assert "Wi-Fi is being put into every flat" in message.text
    assert [b.label for b in message.buttons] == ["Yes", "Partly", "No"]
    # The young person rates it from that message, then says why.
    partly = next(b for b in message.buttons if b.label == "Partly")
    ask_why = person.press_payload(partly.payload)
    assert "say why" in text_of(ask_why)
    person.send("it should be sooner")
    again = person.press_payload(partly.payload)
    assert "already told us" in text_of(again)
    assert engine.store.rows("SELECT rating, why FROM wsyd_ratings") == [{"rating": "partly", "why": "it should be sooner"}]
    item = voice.wsyd_item(engine.store, item_id)
    assert item["status"] == "planned" and item["owner"] == "Head of Housing" and item["answered_by"] == officer.key


def test_an_answer_given_earlier_is_dated_when_it_was_given(member: Person, officer: Person, engine: Engine) -> None:
    item_id = record_item(member)
    raised = date.fromisoformat(voice.wsyd_item(engine.store, item_id)["raised_on"])
    today = datetime.now(timezone.utc).date()
    officer.send("/youdid")
    officer.press(f"Answer item {item_id}")
    officer.send("New Wi-Fi agreed at the board")
    officer.press("Planned")
    officer.send("Head of Housing")
    for wrong in ("last tuesday", (today + timedelta(days=3)).strftime("%d/%m/%Y"),
                  (raised - timedelta(days=1)).isoformat()):
        assert "couldn't use that date" in text_of(officer.send(wrong)), wrong
    given = raised + timedelta(days=1)  # raised about a week ago
    check = officer.send(given.strftime("%d/%m/%Y"))
    assert f"Done on: {given.day} {given:%B %Y}" in text_of(check)
    officer.press(steps.SEND)
    assert voice.wsyd_item(engine.store, item_id)["answered_on"] == given.isoformat()


def test_cannot_do_needs_a_reason(member: Person, officer: Person, engine: Engine) -> None:
    item_id = record_item(member)
    officer.send("/youdid")
    officer.press(f"Answer item {item_id}")
    officer.send("We looked at it")
    reason = officer.press("Cannot do")
    assert "Why can't it be done?" in text_of(reason)
    officer.send("The building is not ours")
    officer.send("Leaving Care manager")
    officer.press("Today")
    officer.press(steps.SEND)
    assert voice.wsyd_item(engine.store, item_id)["reason"] == "The building is not ours"


@pytest.mark.parametrize("command, action", [("/wesaid", "we_said"), ("/youdid", "you_did"), ("/invite officer", "invite")])
def test_role_only_actions_are_refused_and_audited(person: Person, engine: Engine, command: str, action: str) -> None:
    result = person.send(command)
    assert "Sorry, only a" in text_of(result)
    audit = engine.store.rows("SELECT actor, action, detail FROM audit_log WHERE action = 'refused'")
    assert audit[0]["actor"] == person.key and action in audit[0]["detail"]


def test_a_forged_answer_button_is_refused(member: Person, person: Person) -> None:
    item_id = record_item(member)
    assert "Sorry, only a" in text_of(person.press_payload(f"1|youdid|{item_id}"))


def test_invites_work_once_and_expire(engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    code = voice.create_invite(engine.store, "council_member", "somerset", None)
    first, second = new_person("a"), new_person("b")
    first.send("/start " + code)
    assert "already been used" in text_of(second.send("/start " + code))
    assert engine.store.person(second.key)["role"] == "young_person"
    old = voice.create_invite(engine.store, "officer", "somerset", None, days=1)
    later = datetime.now(timezone.utc) + timedelta(days=2)
    with pytest.raises(ValueError, match="expired"):
        voice.redeem_invite(engine.store, old, second.key, "somerset", now=later)
    assert "doesn't work" in text_of(second.send("/start not-a-code"))
    other = voice.create_invite(engine.store, "officer", "dorset", None)
    assert "different council" in text_of(second.send("/start " + other))


def test_officer_makes_an_invite_in_chat(officer: Person, engine: Engine) -> None:
    engine.bot_username = "SomersetCareBot"
    result = officer.send("/invite council_member")
    assert "https://t.me/SomersetCareBot?start=" in text_of(result)


def test_overdue_counts_working_days() -> None:
    item = {"status": "open", "raised_on": "2026-11-02"}  # a Monday
    assert board.working_days_between(date(2026, 11, 2), date(2026, 11, 9)) == 5
    assert not board.is_overdue(item, date(2026, 11, 30), 20)
    assert board.is_overdue(item, date(2026, 12, 1), 20)
    assert not board.is_overdue({**item, "status": "done"}, date(2027, 1, 1), 20)


def test_cli_invite_list_and_answer_reach_people(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: Engine) -> None:
    db = tmp_path / "c.db"
    monkeypatch.setenv("CAREBOT_DB", str(db))
    runner = CliRunner()
    link = runner.invoke(main, ["invite", "--role", "council_member", "--council", "somerset", "--bot", "SomersetCareBot"])
    assert link.exit_code == 0 and link.output.startswith("https://t.me/SomersetCareBot?start=")
    from storage.store import Store

    store = Store(db)
    store.touch_person("k1", "telegram", "somerset")
    item_id = voice.add_we_said(store, "somerset", "More bus passes", "family:offer", date(2026, 1, 5), "k1")
    listed = runner.invoke(main, ["wsyd", "list", "--council", "somerset"])
    assert "OVERDUE" in listed.output and "More bus passes" in listed.output
    refused = runner.invoke(main, ["wsyd", "answer", str(item_id), "--did", "No", "--status", "cannot_do", "--owner", "Transport", "--council", "somerset"])
    assert refused.exit_code == 1 and "needs a reason" in refused.output
    before = runner.invoke(main, ["wsyd", "answer", str(item_id), "--did", "Passes", "--status", "done", "--owner", "Transport",
                                  "--date", "2026-01-04", "--council", "somerset"])
    assert before.exit_code == 1 and "between the day the item was raised and today" in before.output
    answered = runner.invoke(main, ["wsyd", "answer", str(item_id), "--did", "Passes for all care leavers", "--status", "done", "--owner", "Transport", "--council", "somerset"])
    assert answered.exit_code == 0, answered.output
    queued = voice.take_queued(store)
    assert [(k, "Passes for all care leavers" in text) for k, text, _ in queued] == [("k1", True)]
