"""A council member records a "We said" item. See wesaid.mmd."""

from __future__ import annotations

from datetime import date, timedelta

from bot.flows.base import FlowHost
from bot.flows.steps import Choice, Data, Step, StepFlow
from bot.turn import Turn
from storage import voice
from storage.store import utc_now
from storage.vocab import WSYD_THEMES

NAME = "wesaid"
WHEN = (
    Choice("0", "Today", ("today",)),
    Choice("7", "About a week ago", ("last week", "a week ago")),
    Choice("30", "About a month ago", ("last month", "a month ago")),
    Choice("90", "Longer ago", ("longer", "ages ago")),
)


def _summary(data: Data) -> str:
    when = next(c.label for c in WHEN if c.value == data["when"])
    return (
        "Check this, then tap Send.\n"
        f"We said: {data['said']}\n"
        f"Theme: {WSYD_THEMES[data['theme']]}\n"
        f"When: {when}"
    )


STEPS = (
    Step("said", "What did young people say? Write it the way they said it, without names.", max_len=500),
    Step("theme", "Which theme is it?", "choice", tuple(Choice(k, v) for k, v in WSYD_THEMES.items())),
    Step("when", "When was it raised?", "choice", WHEN),
    Step("confirm", _summary, "confirm"),
)


def _finish(host: FlowHost, turn: Turn, data: Data) -> None:
    raised_on: date = utc_now().date() - timedelta(days=int(data["when"]))
    item_id = voice.add_we_said(host.store, host.answering.council, data["said"], data["theme"], raised_on, turn.key)
    host.store.audit(turn.key, "we_said_added", host.answering.council, {"item": item_id})
    turn.say(
        f"Saved as item {item_id}. Young people can now see it and add \"me too\", "
        "and the participation officer will be asked for a \"You did\" answer.",
        host.answering.standard_buttons(turn),
    )


FLOW = StepFlow(NAME, STEPS, _finish)
