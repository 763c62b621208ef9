"""What a conversation flow needs from the engine, and what the engine needs from a flow.

Each flow is a module with start(), on_text() and on_button(); its position
lives in the person's saved state (turn.flow), never in memory, so a restart
picks up where they were.
"""

from __future__ import annotations

from typing import Protocol

from bot.answering import Answering
from bot.turn import Press, Turn
from storage.store import Store


class FlowHost(Protocol):
    """The engine, as flows see it."""

    store: Store
    answering: Answering

    def stale(self, turn: Turn) -> None:
        """Tell the person a button is out of date, and offer a way on."""

    def understand(self, turn: Turn, text: str) -> None:
        """Treat text as a fresh question."""


class Flow(Protocol):
    NAME: str

    def start(self, host: FlowHost, turn: Turn) -> None: ...

    def on_text(self, host: FlowHost, turn: Turn, text: str) -> None: ...

    def on_button(self, host: FlowHost, turn: Turn, press: Press) -> None: ...

    def resume(self, host: FlowHost, turn: Turn) -> None: ...
