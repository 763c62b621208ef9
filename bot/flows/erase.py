"""Forget me: confirm, then erase everything linked to the person. See erase.mmd."""

from __future__ import annotations

import logging

from bot import wording
from bot.flows.base import FlowHost
from bot.turn import Press, Turn

NAME = "erase"
log = logging.getLogger("carebot.flows.erase")


def start(host: FlowHost, turn: Turn) -> None:
    """Ask before deleting anything."""
    turn.flow = {"name": NAME, "step": "confirm", "turn": turn.number, "data": {}}
    turn.say(
        wording.ERASE_CONFIRM,
        [turn.button(wording.BUTTON_ERASE_YES, "erase", "yes"), turn.button(wording.BUTTON_ERASE_NO, "erase", "no")],
    )


def on_button(host: FlowHost, turn: Turn, press: Press) -> None:
    if press.action != "erase" or press.turn != (turn.flow or {}).get("turn"):
        host.stale(turn)
        return
    turn.flow = None
    if press.arg == "yes":
        host.store.erase_person(turn.key)
        turn.erased = True
        log.info("person erased")
        turn.say(wording.ERASE_DONE)
    else:
        turn.say(wording.ERASE_KEPT, host.answering.standard_buttons(turn))


def on_text(host: FlowHost, turn: Turn, text: str) -> None:
    """Typing instead of pressing: yes/no words count; anything else leaves the flow."""
    words = text.strip().lower()
    if words in ("yes", "y", "yes delete everything", "delete", "yes delete"):
        on_button(host, turn, Press(turn.flow["turn"], "erase", "yes"))  # type: ignore[index]
    elif words in ("no", "n", "no keep it", "keep", "cancel", "stop"):
        on_button(host, turn, Press(turn.flow["turn"], "erase", "no"))  # type: ignore[index]
    else:
        turn.flow = None
        host.understand(turn, text)


def resume(host: FlowHost, turn: Turn) -> None:
    """After a crisis pause, ask again rather than act on an old answer."""
    start(host, turn)
