"""The safety screen's follow-through: check-ins, the minutes after a crisis, and the lead's answer.

The engine screens every message (intents.safety); this module holds what
happens around a crisis reply, so the engine stays about routing.
"""

from __future__ import annotations

import logging

from bot import wording
from bot.answering import Answering
from bot.messages import Notification, Reply
from bot.turn import Press, Turn
from intents.normalise import clean
from storage.store import Store

log = logging.getLogger("carebot.safeguarding")

# For this many messages after a crisis reply, short answers are read in its light.
AFTER_CRISIS_TURNS = 3
# A lead's answer is a message, not a letter: long enough to help, short enough for one screen.
LEAD_REPLY_LIMIT = 1500


def soon_after_crisis(turn: Turn) -> bool:
    """Within a few messages of a crisis reply, "its too late" means what it says."""
    last = turn.state.get("crisis_turn")
    return isinstance(last, int) and turn.number - last <= AFTER_CRISIS_TURNS


def answer_check_in(answering: Answering, turn: Turn, press: Press) -> bool:
    """The answer to "Are you safe right now?"; False for a stale or unknown button.

    "Not safe" takes the crisis path, so the team is alerted; "safe" alerts no one.
    """
    if turn.state.get("check_in") != press.turn or press.arg not in ("yes", "no"):
        return False
    turn.state.pop("check_in", None)
    if press.arg == "no":
        answering.crisis(turn, "danger", "")
    else:
        turn.say(wording.SAFE_YES, answering.standard_buttons(turn))
    return True


def lead_reply(store: Store, council: str, case: int, text: str) -> Notification | None:
    """The safeguarding lead's answer to an alert, for the young person it was about.

    The lead only ever knows the case number; the person is found from the
    stored event. None when the case is unknown, another council's, or the
    person has since asked to be forgotten.
    """
    words = clean(text)[:LEAD_REPLY_LIMIT]
    rows = store.rows("SELECT key FROM safeguarding_events WHERE id = ? AND council = ?", (case, council))
    if not words or not rows or not rows[0]["key"]:
        return None
    key = rows[0]["key"]
    if not store.rows("SELECT key FROM people WHERE key = ?", (key,)):
        return None
    store.audit("safeguarding lead", "lead_reply", council, {"case": case})
    log.info("lead replied to case=%s", case)
    return Notification(key, Reply(wording.FROM_LEAD.format(text=words)))
