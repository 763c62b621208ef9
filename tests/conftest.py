"""Shared fixtures: an in-memory store, the shipped knowledge, and an engine to talk to."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.messages import Incoming, Result
from knowledge.base import CouncilKnowledge, load
from knowledge.model import Knowledge
from storage.pseudonym import Pseudonymiser
from storage.store import Store

SECRET = bytes(range(32))


@pytest.fixture(scope="session")
def shipped() -> Knowledge:
    return load()


@pytest.fixture(scope="session")
def somerset(shipped: Knowledge) -> CouncilKnowledge:
    return CouncilKnowledge(shipped, "somerset")


@pytest.fixture
def store() -> Store:
    return Store(":memory:")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "carebot.db"


@pytest.fixture
def engine(somerset: CouncilKnowledge, store: Store) -> Engine:
    return Engine(somerset, store, Pseudonymiser(SECRET))


class Person:
    """A young person talking to the engine; remembers the last buttons shown."""

    def __init__(self, engine: Engine, user_id: str = "1001", channel: str = "test") -> None:
        self.engine = engine
        self.user_id = user_id
        self.channel = channel
        self.last: Result = Result()

    @property
    def key(self) -> str:
        return self.engine.pseudonymiser.key(self.channel, self.user_id)

    def send(self, text: str) -> Result:
        return self._go(Incoming(self.channel, self.user_id, self.user_id, text=text))

    def press(self, label: str, result: Result | None = None) -> Result:
        """Press the button with this label (from the last result, or a given one)."""
        source = result or self.last
        for reply in source.replies:
            for button in reply.buttons:
                if button.label == label:
                    return self._go(Incoming(self.channel, self.user_id, self.user_id, button=button.payload))
        raise AssertionError(f"no button {label!r} in {[b.label for r in source.replies for b in r.buttons]}")

    def press_payload(self, payload: str) -> Result:
        return self._go(Incoming(self.channel, self.user_id, self.user_id, button=payload))

    def _go(self, incoming: Incoming) -> Result:
        self.last = asyncio.run(self.engine.handle(incoming))
        return self.last


def text_of(result: Result) -> str:
    return "\n".join(r.text for r in result.replies)


def labels_of(result: Result) -> list[str]:
    return [b.label for r in result.replies for b in r.buttons]


@pytest.fixture
def person(engine: Engine) -> Person:
    return Person(engine)


@pytest.fixture
def new_person(engine: Engine) -> Callable[[str], Person]:
    return lambda user_id: Person(engine, user_id)


@pytest.fixture(autouse=True)
def no_overlay_unless_a_test_sets_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--overlay` sets CAREBOT_KNOWLEDGE_OVERLAY for the process; undo it after every test."""
    monkeypatch.setenv("CAREBOT_KNOWLEDGE_OVERLAY", "")
