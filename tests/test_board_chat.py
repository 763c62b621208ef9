"""/digest and /quotes in chat: officers only, files sent, everything audited."""

from __future__ import annotations


from bot.engine import Engine
from bot.flows import steps
from tests.conftest import Person, text_of


def share_view(person: Person, words: str) -> None:
    person.send("/view")
    person.press("Money")
    person.press("🙁 Not good")
    person.send(words)
    person.press(steps.SKIP)
    person.press("Anonymous: counted in the board report, no name")
    person.press(steps.SEND)


def officer_of(engine: Engine, new_person) -> Person:  # type: ignore[no-untyped-def]
    engine.officers = ("test:officer",)
    officer = new_person("officer")
    officer.send("hi")
    return officer


def test_digest_in_chat_sends_html_and_csv_and_is_audited(engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    share_view(new_person("yp"), "my rent money runs out every week")
    officer = officer_of(engine, new_person)
    result = officer.send("/digest")
    files = [r.document for r in result.replies if r.document]
    assert [name.rsplit(".", 1)[1] for name, _ in files] == ["html", "csv"]
    html = files[0][1].decode()
    assert "<html" in html.lower() and "Corporate Parenting" in html
    assert officer.key not in html and "rent money" not in html  # not approved: no quote
    audit = engine.store.rows("SELECT actor, action FROM audit_log WHERE action = 'digest_export'")
    assert audit == [{"actor": officer.key, "action": "digest_export"}] * 2


def test_digest_for_a_period_and_bad_dates(engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    officer = officer_of(engine, new_person)
    assert len([r for r in officer.send("/digest 2026-01-01 2026-07-01").replies if r.document]) == 2
    assert "is not a period carebot knows" in text_of(officer.send("/digest yesterday"))
    assert "couldn't read those dates" in text_of(officer.send("/digest 2026-02-30 2026-03-01"))


def test_quotes_are_listed_scrubbed_and_approved(engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    share_view(new_person("yp"), "my PA Dave never answers and my rent money runs out every week")
    officer = officer_of(engine, new_person)
    listing = text_of(officer.send("/quotes"))
    assert "rent money" in listing and "Dave" not in listing
    view_id = engine.store.rows("SELECT id FROM views")[0]["id"]
    assert text_of(officer.send(f"/quotes approve {view_id}")).startswith("Approved:")
    assert "no quote" in text_of(officer.send("/quotes approve 998"))
    assert engine.store.rows("SELECT quote_status FROM views") == [{"quote_status": "approved"}]


def test_young_people_cannot_get_the_digest_or_quotes(person: Person, engine: Engine) -> None:
    assert "Sorry, only a participation officer" in text_of(person.send("/digest"))
    assert "Sorry, only a participation officer" in text_of(person.send("/quotes approve 1"))
    assert not any(r.document for r in person.last.replies)
    assert len(engine.store.rows("SELECT * FROM audit_log WHERE action = 'refused'")) == 2


def test_an_officers_command_number_is_not_a_crisis_but_its_words_are(engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    officer = officer_of(engine, new_person)
    assert "no quote" in text_of(officer.send("/quotes approve 999"))
    assert engine.store.rows("SELECT kind FROM safeguarding_events") == []
    assert "999" in text_of(officer.send("/quotes approve 12 i want to die"))
    assert engine.store.rows("SELECT kind FROM safeguarding_events") == [{"kind": "suicide"}]


def test_the_same_command_from_a_young_person_is_still_screened(engine: Engine, new_person) -> None:  # type: ignore[no-untyped-def]
    young = new_person("young")
    young.send("/quotes approve 999")
    assert engine.store.rows("SELECT kind FROM safeguarding_events") == [{"kind": "danger"}]
