"""Pure conversions for the Telegram channel: Update -> Incoming, Reply -> message pieces.

No network and no Application here, so everything in this module is tested
with plain objects (tests/test_telegram.py).
"""

from __future__ import annotations

from typing import Any

from telegram import Message, Update
from telegram.constants import ChatType

from bot.messages import MAX_TEXT, Button, Incoming

CHANNEL = "telegram"

# What a message holds, for the engine's kind "I can't see that" reply. Checked
# in order: a GIF also carries a document, a venue also carries a location.
KINDS: tuple[tuple[str, str], ...] = (
    ("animation", "a GIF"),
    ("sticker", "a sticker"),
    ("photo", "a photo"),
    ("video_note", "a video message"),
    ("video", "a video"),
    ("voice", "a voice note"),
    ("audio", "an audio file"),
    ("document", "a file"),
    ("venue", "a location"),
    ("location", "a location"),
    ("contact", "a contact"),
    ("poll", "a poll"),
    ("dice", "a dice roll"),
    ("game", "a game"),
    ("story", "a story"),
    ("paid_media", "paid media"),
)
SOMETHING_ELSE = "that kind of message"
# The engine words every reply; this names what it could not read.
EDITED = "changes to a message you've already sent"

# Where a long text may be cut, best first: between paragraphs, lines, words.
BREAKS = ("\n\n", "\n", " ")


def describe(message: Message) -> str:
    """What a non-text message holds, in words for the reply ("a photo")."""
    for attribute, words in KINDS:
        if getattr(message, attribute, None):
            return words
    return SOMETHING_ELSE


def to_incoming(update: Update) -> Incoming | None:
    """The engine's Incoming for a private-chat update, or None when there is nothing to answer."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None or chat.type != ChatType.PRIVATE:
        return None
    ids = {"channel": CHANNEL, "user_id": str(user.id), "chat_id": str(chat.id)}
    if update.callback_query is not None:
        data = update.callback_query.data
        return Incoming(**ids, button=data) if data is not None else None
    if update.edited_message is not None:
        edited = update.edited_message
        # The words ride along so the engine can still screen them for safety.
        return Incoming(**ids, text=edited.text or edited.caption or "", unsupported=EDITED)
    message = update.message
    if message is None:
        return None
    if message.text is not None:
        return Incoming(**ids, text=message.text)
    return Incoming(**ids, text=message.caption or "", unsupported=describe(message))


def keyboard(buttons: tuple[Button, ...]) -> dict[str, Any] | None:
    """An inline keyboard as the Bot API's JSON, one button per row so labels stay whole on a phone.

    Plain JSON rather than InlineKeyboardMarkup objects: building those cost
    more than sending them (benchmarks/README.md).
    """
    if not buttons:
        return None
    return {"inline_keyboard": [[{"text": b.label, "callback_data": b.payload}] for b in buttons]}


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units, so an emoji may count twice."""
    return len(text.encode("utf-16-le")) // 2


def _longest_fit(text: str, limit: int) -> int:
    """How many characters from the start of text fit in limit Telegram units."""
    if telegram_length(text[:limit]) <= limit:
        return min(len(text), limit)
    units = 0
    for index, character in enumerate(text):
        units += 2 if ord(character) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def _last_break(window: str) -> int | None:
    """Where the last paragraph break is, else the last line break, else the last space."""
    for mark in BREAKS:
        index = window.rfind(mark)
        if index > 0:
            return index
    return None


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Cut text into messages of at most limit, at a paragraph, line or word break if there is one.

    Only whitespace is lost at a cut; a word is cut only when it alone is
    longer than the limit.
    """
    pieces: list[str] = []
    rest = text.strip()
    while telegram_length(rest) > limit:
        fit = _longest_fit(rest, limit)
        window = rest[: fit + 1]  # a break just past the limit still ends this piece cleanly
        cut = _last_break(window) or fit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def chosen_label(message: Message, data: str) -> str | None:
    """The label of the pressed button, read from the message's own keyboard."""
    markup = message.reply_markup
    if markup is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data == data:
                return button.text
    return None


def base_file_url(base_url: str) -> str:
    """A local Bot API server serves files beside its methods: .../bot -> .../file/bot."""
    root = base_url.rstrip("/")
    if root.endswith("/bot"):
        return root[: -len("bot")] + "file/bot"
    return root + "/file/bot"
