"""The officer answers a "We said" item with "You did". See youdid.mmd.

Everyone who raised or endorsed the item is sent the answer and asked
whether it is good enough.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.digest.words import long_date
from bot.flows.base import FlowHost
from bot.flows.steps import Choice, Data, Step, StepFlow
from bot.turn import Turn
from bot.wsyd import notify_answer
from storage import voice
from storage.vocab import WSYD_STATUSES

NAME = "youdid"
STATUS_CHOICES = tuple(Choice(k, v) for k, v in WSYD_STATUSES.items() if k != "open")
TODAY = "today"
# How officers write dates: 2026-11-03, 3/11/2026, 3 November 2026, 3 Nov 2026.
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y")
UNREADABLE_DATE = (
    "I couldn't use that date. Type the day it was done, like 3/11/2026, or tap Today. "
    "It can't be in the future or before the item was raised."
)


def _read_date(text: str, data: Data) -> str | None:
    """A typed day, kept as 2026-11-03, if it falls between the item being raised and today.

    An answer given at a meeting last week should count from last week, or
    the board would see it as later than it was.
    """
    for form in DATE_FORMATS:
        try:
            day = datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
        return day.isoformat() if voice.answer_day_allowed(data["raised"], day) else None
    return None


def _answered_on(data: Data) -> date | None:
    """The day the officer gave, or None for today (the day it is saved)."""
    return None if data["answered_on"] == TODAY else date.fromisoformat(data["answered_on"])


def _summary(data: Data) -> str:
    day = _answered_on(data)
    lines = [
        "Check this, then tap Send. Everyone who raised or backed the item will get it.",
        f"Item {data['item']}: {data.get('said', '')}",
        f"You did: {data['did']}",
        f"Status: {WSYD_STATUSES[data['status']]}",
        f"Done on: {long_date(day) if day else 'today'}",
    ]
    if data.get("reason"):
        lines.append(f"Why not: {data['reason']}")
    lines.append(f"Owner: {data['owner']}")
    return "\n".join(lines)


STEPS = (
    Step("did", lambda d: f"We said: {d.get('said', '')}\n\nWhat was done (You did)?", max_len=800),
    Step("status", "What is its status?", "choice", STATUS_CHOICES),
    Step("reason", "Why can't it be done? Young people will see this.", max_len=500,
         when=lambda d: d.get("status") == "cannot_do"),
    Step("owner", "Who owns it? A role, not a name (for example: Head of Service, Leaving Care).", max_len=120),
    Step("answered_on", "When was this answered? Tap Today, or type the day, like 3/11/2026.", "choice",
         (Choice(TODAY, "Today"),), read=_read_date, unreadable=UNREADABLE_DATE),
    Step("confirm", _summary, "confirm"),
)


def _finish(host: FlowHost, turn: Turn, data: Data) -> None:
    item_id = int(data["item"])
    keys = voice.answer_you_did(
        host.store, item_id, did=data["did"], status=data["status"], owner=data["owner"],
        reason=data.get("reason"), answered_by=turn.key,
        answered_on=_answered_on(data),
    )
    host.store.audit(turn.key, "you_did_answered", host.answering.council, {"item": item_id, "status": data["status"]})
    notify_answer(host.store, turn.result, item_id, keys)
    turn.say(f"Saved. {len(keys)} young people have been sent the answer.", host.answering.standard_buttons(turn))


FLOW = StepFlow(NAME, STEPS, _finish)
