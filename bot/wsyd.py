"""We Said, You Did for young people: browse items, add "me too", rate the answer."""

from __future__ import annotations

from datetime import date

from bot.flows.steps import Data, Step, StepFlow
from bot.messages import Button, Notification, Reply, Result
from bot.turn import Turn
from storage import voice
from storage.board import OVERDUE_WORKING_DAYS, is_overdue
from storage.store import Store
from storage.vocab import RATINGS, WSYD_STATUSES, WSYD_THEMES

# Answers carry no turn of the person they reach, so their buttons use 0:
# always valid, and made safe to press twice by the database (one rating each).
TIMELESS = 0
MAX_LISTED = 8


def describe(item: dict, today: date, overdue_days: int = OVERDUE_WORKING_DAYS) -> str:
    lines = [f"{item['id']}. We said: {item['said']}", f"   Theme: {WSYD_THEMES.get(item['theme'], item['theme'])}"]
    if item["status"] == "open":
        waiting = "   Waiting for the council's answer"
        if is_overdue(item, today, overdue_days):
            waiting += " (overdue)"
        lines.append(waiting)
    else:
        lines.append(f"   You did: {item['did']} ({WSYD_STATUSES[item['status']]})")
        if item.get("reason"):
            lines.append(f"   Why: {item['reason']}")
    if item.get("endorsements"):
        lines.append(f"   {item['endorsements']} said \"me too\"")
    return "\n".join(lines)


def browse(store: Store, council: str, turn: Turn, today: date, overdue_days: int = OVERDUE_WORKING_DAYS) -> None:
    """List recent items; open ones get a "me too" button (and an answer button for officers)."""
    items = voice.wsyd_items(store, council)[:MAX_LISTED]
    if not items:
        turn.say(
            "There are no We Said, You Did items here yet. When your children in care council raises something, "
            "it will show here with the council's answer.",
        )
        return
    text = "We Said, You Did: what young people said, and what the council did.\n\n"
    text += "\n\n".join(describe(item, today, overdue_days) for item in items)
    buttons: list[Button] = []
    for item in items:
        if item["status"] == "open":
            buttons.append(turn.button(f"Me too: item {item['id']}", "metoo", str(item["id"])))
            if turn.role == "officer":
                buttons.append(turn.button(f"Answer item {item['id']}", "youdid", str(item["id"])))
    turn.say(text, buttons)


def endorse(store: Store, turn: Turn, item_id: int) -> None:
    item = voice.wsyd_item(store, item_id)
    if item is None or item["status"] != "open":
        turn.say("That item has already been answered or no longer exists. Type /wsyd to see the latest.")
    elif voice.endorse(store, item_id, turn.key):
        turn.say("Thanks. I've added your \"me too\". You'll get the council's answer here when it comes.")
    else:
        turn.say("You've already said \"me too\" to that one. You'll get the answer here when it comes.")


def answer_message(store: Store, item_id: int) -> Reply:
    """The "You did" message for everyone who raised or backed an item, asking if it's good enough."""
    item = voice.wsyd_item(store, item_id)
    assert item is not None
    text = (
        "You asked, and the council has answered.\n"
        f"We said: {item['said']}\n"
        f"You did: {item['did']} ({WSYD_STATUSES[item['status']]})"
        + (f"\nWhy: {item['reason']}" if item.get("reason") else "")
        + "\n\nIs this answer good enough?"
    )
    return Reply(text, tuple(Button(label, f"{TIMELESS}|rate|{item_id}:{value}") for value, label in RATINGS.items()))


def notify_answer(store: Store, result: Result, item_id: int, keys: list[str]) -> None:
    message = answer_message(store, item_id)
    result.notifications.extend(Notification(key, message) for key in keys)


def queue_answer(store: Store, item_id: int, keys: list[str]) -> None:
    """From the CLI: the running bot delivers these (see Engine.queued_notifications)."""
    message = answer_message(store, item_id)
    for key in keys:
        voice.queue_message(store, key, message.text, [(b.label, b.payload) for b in message.buttons])


def rate(store: Store, turn: Turn, arg: str) -> bool:
    """Record a rating from a notification button; True if a reason should be asked for."""
    item_id, _, rating = arg.partition(":")
    if not item_id.isdigit() or rating not in RATINGS or voice.wsyd_item(store, int(item_id)) is None:
        turn.say("Sorry, that button no longer works. Type /wsyd to see the latest answers.")
        return False
    if not voice.rate_answer(store, int(item_id), turn.key, rating):
        turn.say("You've already told us what you think of that answer. Thank you.")
        return False
    return True


def _save_reason(host, turn: Turn, data: Data) -> None:  # type: ignore[no-untyped-def]
    if data.get("why"):
        voice.add_rating_reason(host.store, int(data["item"]), turn.key, data["why"])
    turn.say("Thank you. Your answer goes back to the council.", host.answering.standard_buttons(turn))


RATE_WHY = StepFlow(
    "rate_why",
    (Step("why", "Thanks. Do you want to say why? (You can skip this.)", optional=True, max_len=500),),
    _save_reason,
    cancelled_text="OK. Your rating is saved.",
)
