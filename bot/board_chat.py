"""The officer's board work in chat: /digest sends the files, /quotes moderates quotes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from bot import digest
from bot.messages import Reply
from bot.turn import Turn
from storage import board
from storage.store import utc_now

if TYPE_CHECKING:
    from bot.engine import Engine

DIGEST_HELP = "Type /digest for the last 12 months, or /digest 2026-04-01 2027-04-01 for a period (the end day not included)."
QUOTES_HELP = "Approve with /quotes approve ID, or reject with /quotes reject ID."


def _dates(words: list[str]) -> tuple[date, date] | None:
    if not words:
        return digest.default_period(utc_now().date())
    try:
        start = date.fromisoformat(words[0])
        end = date.fromisoformat(words[1]) if len(words) > 1 else utc_now().date()
    except ValueError:
        return None
    return (start, end) if start < end else None


def send_digest(engine: "Engine", turn: Turn, words: list[str]) -> None:
    """The HTML and CSV digest as files; every export is in the audit log."""
    period = _dates(words)
    if period is None:
        turn.say("I couldn't read those dates. " + DIGEST_HELP)
        return
    start, end = period
    files = digest.export_files(
        engine.store, engine.knowledge, start, end, ("html", "csv"), actor=turn.key, overdue_days=engine.overdue_days
    )
    turn.say(
        f"Here's the board digest for {start:%d %B %Y} to {end:%d %B %Y} (not including the last day). "
        "It has no names, and small numbers are hidden, so it is safe to share with the board."
    )
    for name, content in files:
        turn.result.replies.append(Reply(name, document=(name, content)))


def moderate_quotes(engine: "Engine", turn: Turn, words: list[str]) -> None:
    """List quotes waiting for approval, or approve or reject one."""
    council = engine.council
    if len(words) == 2 and words[0] in ("approve", "reject") and words[1].isdigit():
        act = board.approve_quote if words[0] == "approve" else board.reject_quote
        try:
            quote = act(engine.store, int(words[1]), turn.key, council=council)
        except KeyError:
            turn.say(f"There's no quote {words[1]} waiting here. Type /quotes to see them.")
            return
        turn.say(f"{'Approved' if words[0] == 'approve' else 'Rejected'}: \"{quote}\"")
        return
    waiting = board.pending_quotes(engine.store, council)
    if not waiting:
        turn.say("No quotes are waiting for approval.")
        return
    lines = [f"{q['id']}. ({q['topic']}) \"{q['quote']}\"" for q in waiting[:20]]
    turn.say("Quotes waiting for approval (already scrubbed of names and numbers):\n" + "\n".join(lines) + "\n\n" + QUOTES_HELP)


COMMANDS = {"/digest": send_digest, "/quotes": moderate_quotes}
