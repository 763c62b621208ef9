"""The welcome: who carebot is, a privacy notice in plain words, and an optional age band."""

from __future__ import annotations

from bot import wording
from bot.turn import Turn
from storage.store import Store
from storage.vocab import AGE_BANDS

# Bump when the notice's words change; the version each person saw is stored.
NOTICE_VERSION = "2026-11-22"

# What every channel promises, in the same words.
_KEPT = (
    "- Questions I can answer are only counted. Questions I can't answer are kept for 90 days, "
    "with names and numbers taken out, so the council can add answers.\n"
    "- Views you choose to share are kept. Reports to the council's Corporate Parenting Board never name anyone "
    "and hide small numbers.\n"
    "- If you tell me that you or someone else is in danger, I have to tell the council's safeguarding team so they "
    "can help. That is the only time I pass something on without asking.\n"
)
PRIVACY_NOTICE = (
    "Before we start, what happens to what you tell me:\n"
    "- I don't keep your name or your Telegram details. I use a random code instead.\n"
    + _KEPT
    + "- Chats with bots on Telegram are not end-to-end encrypted, so only share what you need to.\n"
    "- Type /forgetme any time to delete everything."
)
# The web chat is for everyone Telegram leaves out, children under 16 most of all: the same promises,
# and nothing about Telegram.
WEB_PRIVACY_NOTICE = (
    "Before we start, what happens to what you tell me:\n"
    "- I don't know your name. This chat uses a random code instead.\n"
    + _KEPT
    + "- On a shared phone or computer, close the browser when you finish.\n"
    "- Press Forget me any time to delete everything."
)
AGE_QUESTION = "If you like, tell me your age group so I can tailor answers. You can skip this."
AGE_SAVED = "Thanks. Ask me anything, or pick from the menu."
AGE_SKIPPED = "No problem. Ask me anything, or pick from the menu."


def welcome(turn: Turn, store: Store, council_name: str) -> None:
    turn.say(wording.WELCOME.format(council=council_name))
    turn.say(WEB_PRIVACY_NOTICE if turn.person.get("channel") == "web" else PRIVACY_NOTICE)
    store.update_person(turn.key, notice_version=NOTICE_VERSION)
    buttons = [turn.button(label, "age", band) for band, label in AGE_BANDS.items()]
    buttons.append(turn.button("Skip", "age", ""))
    turn.say(AGE_QUESTION, buttons)


def set_age_band(turn: Turn, store: Store, band: str) -> bool:
    """Store the age band (or nothing, for Skip); False for a band we never offered."""
    if band and band not in AGE_BANDS:
        return False
    if band:
        store.update_person(turn.key, age_band=band)
        turn.person["age_band"] = band
    return True
