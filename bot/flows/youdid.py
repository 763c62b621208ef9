"""The officer answers a "We said" item with "You did". See youdid.mmd.

Everyone who raised or endorsed the item is sent the answer and asked
whether it is good enough.
"""

from __future__ import annotations

from bot.flows.base import FlowHost
from bot.flows.steps import Choice, Data, Step, StepFlow
from bot.turn import Turn
from bot.wsyd import notify_answer
from storage import voice
from storage.vocab import WSYD_STATUSES

NAME = "youdid"
STATUS_CHOICES = tuple(Choice(k, v) for k, v in WSYD_STATUSES.items() if k != "open")


def _summary(data: Data) -> str:
    lines = [
        "Check this, then tap Send. Everyone who raised or backed the item will get it.",
        f"Item {data['item']}: {data.get('said', '')}",
        f"You did: {data['did']}",
        f"Status: {WSYD_STATUSES[data['status']]}",
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
    Step("confirm", _summary, "confirm"),
)


def _finish(host: FlowHost, turn: Turn, data: Data) -> None:
    item_id = int(data["item"])
    keys = voice.answer_you_did(
        host.store, item_id, did=data["did"], status=data["status"], owner=data["owner"],
        reason=data.get("reason"), answered_by=turn.key,
    )
    host.store.audit(turn.key, "you_did_answered", host.answering.council, {"item": item_id, "status": data["status"]})
    notify_answer(host.store, turn.result, item_id, keys)
    turn.say(f"Saved. {len(keys)} young people have been sent the answer.", host.answering.standard_buttons(turn))


FLOW = StepFlow(NAME, STEPS, _finish)
