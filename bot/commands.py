"""Slash commands, the same in every channel ("/menu", "/view", "/youdid"...)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot import roles, wording, wsyd
from bot.flows import erase, review, views, wesaid
from bot.turn import Turn
from bot.welcome import welcome
from storage import voice
from storage.store import utc_now

if TYPE_CHECKING:
    from bot.engine import Engine

# The commands everyone has, with what a channel's menu says about them.
# Kept here, beside the code that runs them, so a channel's list cannot drift.
PUBLIC_COMMANDS = (
    ("start", "Start again"),
    ("menu", "Topics to ask about"),
    ("view", "Tell the council what you think"),
    ("review", "Get ready for a review meeting"),
    ("wsyd", "We Said, You Did: what the council did"),
    ("help", "What I can help with"),
    ("privacy", "What I keep and who sees it"),
    ("forgetme", "Delete everything I keep about you"),
)
WELCOME_BACK = "Welcome back. Here's where you were (tap Cancel to stop):"
INVITE_ROLES = (roles.COUNCIL_MEMBER, roles.OFFICER)
HELP_TOPICS = {"/help": "meta.help", "/privacy": "meta.privacy"}
INVITE_FAILED = {
    "unknown": "That invite code doesn't work. Check the link, or ask the participation officer for a new one.",
    "used": "That invite has already been used. Ask the participation officer for a new one.",
    "expired": "That invite has expired. Ask the participation officer for a new one.",
    "council": "That invite is for a different council's carebot.",
}


def invite_link(code: str, bot_username: str | None) -> str:
    if bot_username:
        return f"https://t.me/{bot_username}?start={code}"
    return f"/start {code}"


def command_of(text: str) -> str:
    """The command a text starts with, as typed or as Telegram sends it ("/Quotes@carebot" is "/quotes")."""
    words = text.split(maxsplit=1)
    return words[0].lower().split("@")[0] if words else ""


def run(engine: "Engine", turn: Turn, text: str) -> None:
    words = text.split()
    command = command_of(text)
    arg = words[1] if len(words) > 1 else ""
    store, council = engine.store, engine.council
    if command == "/start" and not arg and (turn.flow or turn.state.get("paused")):
        # Coming back mid-flow (a new session, a restart): carry on, never start over.
        paused = turn.state.pop("paused", None)
        turn.flow = turn.flow or paused
        turn.say(WELCOME_BACK)
        engine.flows[turn.flow["name"]].resume(engine, turn)  # type: ignore[index]
    elif command == "/start":
        turn.flow = None
        if arg:
            _redeem(engine, turn, arg)
        else:
            welcome(turn, store, engine.knowledge.name)
    elif command == "/menu":
        engine.answering.menu(turn)
    elif command in ("/forgetme", "/delete"):
        erase.start(engine, turn)
    elif command in HELP_TOPICS:
        engine.answering.answer(turn, HELP_TOPICS[command])
    elif command == "/view":
        views.FLOW.start(engine, turn)
    elif command == "/review":
        review.FLOW.start(engine, turn)
    elif command == "/wsyd":
        wsyd.browse(store, council, turn, utc_now().date(), engine.overdue_days)
    elif command == "/wesaid":
        if roles.allowed(store, turn, "we_said", council):
            wesaid.FLOW.start(engine, turn)
    elif command == "/youdid":
        if roles.allowed(store, turn, "you_did", council):
            wsyd.browse(store, council, turn, utc_now().date(), engine.overdue_days)
    elif command == "/invite":
        if roles.allowed(store, turn, "invite", council):
            _invite(engine, turn, arg)
    elif command in engine.officer_commands:
        if roles.allowed(store, turn, command.lstrip("/"), council):
            engine.officer_commands[command](engine, turn, words[1:])
    else:
        turn.say(wording.UNKNOWN_COMMAND, engine.answering.standard_buttons(turn))


def _redeem(engine: "Engine", turn: Turn, code: str) -> None:
    try:
        role = voice.redeem_invite(engine.store, code, turn.key, engine.council)
    except ValueError as error:
        engine.store.audit(turn.key, "invite_refused", engine.council, {"why": str(error)})
        turn.say(INVITE_FAILED[str(error)], engine.answering.standard_buttons(turn))
        return
    turn.person["role"] = role
    what = "record what young people said with /wesaid" if role == roles.COUNCIL_MEMBER else (
        "answer We Said items with /youdid, invite people with /invite, and get the board digest with /digest"
    )
    turn.say(f"Welcome. You're now set up as a {roles.ROLE_NAMES[role]}. You can {what}.")


def _invite(engine: "Engine", turn: Turn, role: str) -> None:
    if role not in INVITE_ROLES:
        turn.say("Which role? Type /invite council_member or /invite officer.")
        return
    code = voice.create_invite(engine.store, role, engine.council, turn.key)
    turn.say(
        f"Here's a one-time invite for a {roles.ROLE_NAMES[role]}. It works once and expires in "
        f"{voice.INVITE_DAYS} days:\n{invite_link(code, engine.bot_username)}"
    )
