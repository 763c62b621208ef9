"""One turn of a conversation: who, their saved state, and what we will say.

Buttons carry the turn they were sent in ("12|choose|offer.housing"), so a
button from an old message can be told apart from a current one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.messages import MAX_BUTTON_DATA, Button, Reply, Result


@dataclass(frozen=True)
class Press:
    """A parsed button payload."""

    turn: int
    action: str
    arg: str


def parse_payload(payload: str) -> Press | None:
    """Read a button payload, or None if it is not one we could have sent."""
    parts = payload.split("|", 2)
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1]:
        return None
    return Press(int(parts[0]), parts[1], parts[2])


@dataclass
class Turn:
    """The working context while the engine answers one Incoming."""

    key: str
    person: dict[str, Any]
    state: dict[str, Any]
    number: int
    result: Result = field(default_factory=Result)
    erased: bool = False
    safeguarding: list[str] = field(default_factory=list)  # crisis kinds met this turn

    def button(self, label: str, action: str, arg: str = "") -> Button:
        payload = f"{self.number}|{action}|{arg}"
        if len(payload.encode()) > MAX_BUTTON_DATA:
            raise ValueError(f"button payload too long: {action}")
        return Button(label, payload)

    def say(self, text: str, buttons: list[Button] | tuple[Button, ...] = ()) -> None:
        self.result.replies.append(Reply(text, tuple(buttons)))

    @property
    def flow(self) -> dict[str, Any] | None:
        """The active flow, if any: {"name": ..., "step": ..., "data": {...}}."""
        return self.state.get("flow")

    @flow.setter
    def flow(self, value: dict[str, Any] | None) -> None:
        if value is None:
            self.state.pop("flow", None)
        else:
            self.state["flow"] = value

    @property
    def role(self) -> str:
        return str(self.person.get("role") or "young_person")
