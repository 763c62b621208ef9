"""Hostile input in every conversation state: nothing escapes, every reply fits Telegram.

Generated with hypothesis: 20 states x 500 messages = 10,000 messages per run.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Engine
from bot.messages import MAX_BUTTON_DATA, MAX_TEXT, Incoming
from knowledge.base import CouncilKnowledge
from storage.pseudonym import Pseudonymiser
from storage.store import Store
from tests.conftest import SECRET

# How to get into each state from a fresh conversation.
STATES: dict[str, list[str]] = {
    "new": [],
    "welcomed": ["/start"],
    "answered": ["staying put"],
    "clarify": ["plan"],
    "menu": ["/menu"],
    "erase_confirm": ["/forgetme"],
    "views_topic": ["/view"],
    "views_feeling": ["/view", "money"],
    "views_safe": ["/view", "where i live", "really bad"],
    "views_happening": ["/view", "money", "ok"],
    "views_better": ["/view", "money", "ok", "it is fine"],
    "views_share": ["/view", "money", "ok", "it is fine", "more"],
    "views_confirm": ["/view", "money", "ok", "it is fine", "more", "anonymous"],
    "review_1": ["/review"],
    "review_keep": ["/review", "a", "b", "c", "d", "e"],
    "wsyd": ["/wsyd"],
    "crisis_paused": ["/view", "money", "i want to die"],
    "rate_why": [],
    "after_forget": ["/forgetme", "yes"],
    "long": ["x" * 4000],
}

MARKUP = st.sampled_from([
    "<script>alert(1)</script>", "'; DROP TABLE people; --", "*bold* _it_ [x](http://e)", "{council.name}",
    "\u202eevil\u202c", "مرحبا كيف حالك", "שלום", "\x00\x1b[31m", "\u200b\u200d", "👍🏽" * 50, "/start", "/start x",
    "/youdid", "/invite officer", "0|rate|1:yes", "1|step|home", "|||", "9" * 40,
])
MESSAGES = st.one_of(
    st.text(max_size=60),
    # Long messages: a generated piece repeated (generating 4,000 random
    # characters each time would make hypothesis, not the bot, the slow part).
    st.tuples(st.text(min_size=1, max_size=40), st.integers(3000, 4200)).map(lambda t: (t[0] * 4200)[: t[1]]),
    MARKUP,
    st.lists(MARKUP, min_size=1, max_size=5).map(" ".join),
)
PAYLOADS = st.one_of(st.text(max_size=80), st.from_regex(r"\A[0-9]{1,3}\|[a-z]{2,8}\|[a-z0-9_.:|]{0,20}\Z"))



@pytest.fixture(scope="module")
def engine(somerset: CouncilKnowledge) -> Engine:
    return Engine(somerset, Store(":memory:"), Pseudonymiser(SECRET))


def check(result) -> None:  # type: ignore[no-untyped-def]
    assert result.replies, "every message gets a reply"
    for reply in result.replies:
        assert reply.text.strip() and len(reply.text) <= MAX_TEXT
        for button in reply.buttons:
            assert len(button.payload.encode()) <= MAX_BUTTON_DATA and button.label


@pytest.fixture(scope="module")
def saved_states(engine: Engine) -> dict[str, tuple[dict, str]]:
    """Each state reached once by really talking; examples then start from a copy."""
    from datetime import date

    from storage import voice

    saved = {}
    for state, lines in STATES.items():
        user = f"template-{state}"
        for line in lines:
            engine.respond(Incoming("fuzz", user, user, text=line))
        key = engine.person_key(Incoming("fuzz", user))
        if state == "rate_why":
            engine.respond(Incoming("fuzz", user, user, text="hi"))
            item = voice.add_we_said(engine.store, engine.council, "x", "family:offer", date(2026, 1, 1), key)
            voice.answer_you_did(engine.store, item, did="y", status="done", owner="z", answered_by=None)
            engine.respond(Incoming("fuzz", user, user, button=f"0|rate|{item}:no"))
        person = engine.store.person(key) or {}
        saved[state] = (engine.store.load_state(key), str(person.get("role") or "young_person"))
    return saved


@pytest.mark.parametrize("state", list(STATES))
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(message=MESSAGES, payload=PAYLOADS, press=st.booleans())
def test_any_message_in_any_state(
    engine: Engine, saved_states: dict[str, tuple[dict, str]], state: str, message: str, payload: str, press: bool
) -> None:
    user = f"{state}-example"
    key = engine.person_key(Incoming("fuzz", user))
    saved, role = saved_states[state]
    engine.store.erase_person(key)
    engine.store.touch_person(key, "fuzz", engine.council)
    engine.store.update_person(key, role=role)
    engine.store.save_state(key, saved)
    incoming = Incoming("fuzz", user, user, button=payload) if press else Incoming("fuzz", user, user, text=message)
    check(engine.respond(incoming))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=1000))
def test_stored_text_round_trips_exactly(engine: Engine, text: str) -> None:
    key = "round-trip"
    engine.store.touch_person(key, "fuzz", engine.council)
    engine.store.save_state(key, {"draft": text})
    assert engine.store.load_state(key)["draft"] == text
