"""The officer's board work in chat: /digest sends the files, /quotes moderates quotes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot import digest
from bot.digest import periods
from bot.messages import Reply
from bot.turn import Turn
from storage import board
from storage.store import utc_now

if TYPE_CHECKING:
    from bot.engine import Engine

DIGEST_HELP = (
    "Type /digest for the last 12 months, /digest 2026-Q1 or /digest 2025-26 for a quarter or financial year, "
    "or /digest 2026-04-01 2027-03-31 for two days and everything between."
)
QUOTES_HELP = "Approve with /quotes approve ID, or reject with /quotes reject ID."


def _period(words: list[str]) -> tuple[date, date]:
    """[start, end) from what the officer typed; PeriodError with what went wrong."""
    today = utc_now().date()
    if len(words) == 1 and not _is_day(words[0]):
        return periods.resolve(today, name=words[0])
    try:
        days = [date.fromisoformat(w) for w in words[:2]]
    except ValueError as error:
        raise periods.PeriodError("I couldn't read those dates") from error
    return periods.resolve(today, *(days + [None, None])[:2])


def _is_day(word: str) -> bool:
    return len(word) == 10 and word[4] == "-" and word[7] == "-"


def send_digest(engine: "Engine", turn: Turn, words: list[str]) -> None:
    """The HTML and CSV digest as files; every export is in the audit log."""
    try:
        start, end = _period(words)
    except periods.PeriodError as error:
        turn.say(f"{str(error)[0].upper()}{str(error)[1:]}. {DIGEST_HELP}")
        return
    files = digest.export_files(
        engine.store, engine.knowledge, start, end, ("html", "csv"), actor=turn.key, overdue_days=engine.overdue_days
    )
    turn.say(
        f"Here's the board digest for {start:%d %B %Y} to {end - timedelta(days=1):%d %B %Y}. "
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
