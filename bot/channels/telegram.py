"""The Telegram channel: python-telegram-bot's Application around the engine.

Usage:

    TELEGRAM_BOT_TOKEN=123:abc carebot run --council somerset
    carebot run --base-url http://127.0.0.1:8081/bot          # a local Bot API server
    carebot run --webhook-url https://bot.example.org/carebot --listen 0.0.0.0 --port 8443

Updates become the engine's Incoming and each Reply becomes a message with an
inline keyboard. Nothing about conversations lives here: the engine decides
every word, and this module only converts, sends, and keeps Telegram manners
(commands, answered callback queries, split long texts, one-to-one only).
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
from collections.abc import Awaitable, Sequence
from typing import Any
from urllib.parse import urlsplit

from telegram import Bot, BotCommand, Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import Forbidden, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    BaseRateLimiter,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot import wording
from bot.channels.telegram_http import DEFAULT_BASE_URL, AiohttpRequest, CarebotBot, quiet_library_logs
from bot.channels.telegram_order import OneChatAtATime
from bot.channels.telegram_render import (
    CHANNEL,
    base_file_url,
    chosen_label,
    keyboard,
    split_text,
    telegram_length,
    to_incoming,
)
from bot.commands import PUBLIC_COMMANDS
from bot.config import Settings
from bot.engine import Engine
from bot.errors import where
from bot.messages import MAX_TEXT, Notification, Reply, Result
from bot.worker import attach_worker, detach_worker
from storage import voice

log = logging.getLogger("carebot.telegram")

# What everyone may use; officer commands stay out of the public menu.
COMMANDS = tuple(BotCommand(name, description) for name, description in PUBLIC_COMMANDS)
# channel_post: so that a bot made admin of a channel notices and leaves it.
ALLOWED_UPDATES = (
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.MY_CHAT_MEMBER,
    Update.CHANNEL_POST,
)
# How many updates run at once, across different people.
CONCURRENT_UPDATES = 32
# How often to deliver messages the CLI left in the outbox ("You did" answers).
OUTBOX_EVERY = 30.0
MAX_CAPTION = 1024
ALERT_CASE = re.compile(r"carebot safeguarding alert, case (\d+)")  # the first line of Alert.render()
PURGE_EVERY = 24 * 60 * 60.0


GROUP_ONLY = (
    "Hi! carebot only talks one-to-one, so that what people tell it stays private. "
    "I'm leaving this chat now. To talk to me, message @{username} directly."
)
CHOSEN = "\n\n» {label}"  # appended to a message when one of its buttons is pressed
SYSTEM_SIGNALS = object()  # run(): the library's default stop signals (SIGINT, SIGTERM, SIGABRT)

Context = ContextTypes.DEFAULT_TYPE


class TelegramChannel:
    """Handlers that convert and send; the engine decides."""

    def __init__(
        self, engine: Engine, settings: Settings, outbox_every: float = OUTBOX_EVERY, turn_worker: bool = False
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.outbox_every = outbox_every
        self.turn_worker = turn_worker
        # Group chats already told and left, so a burst of their updates gets one goodbye.
        self.left: set[int] = set()
        self._outbox: asyncio.Task[None] | None = None
        self._purge: asyncio.Task[None] | None = None

    def wire(self, application: Application) -> None:
        """All handlers in one place. Group -1 runs first: it keeps groups away from the engine."""
        application.add_handler(TypeHandler(Update, self.leave_group), group=-1)
        application.add_handler(CallbackQueryHandler(self.press_button))
        messages = (filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE) & ~filters.StatusUpdate.ALL
        application.add_handler(MessageHandler(messages, self.read_message))
        application.add_error_handler(self.report_error)

    async def begin(self, application: Application) -> None:
        """On startup: show the commands in Telegram's menu, start the turn worker and the outbox."""
        await application.bot.set_my_commands(COMMANDS)
        if getattr(self.engine, "bot_username", "") is None:
            self.engine.bot_username = application.bot.username  # for t.me invite links
        if not self.settings.safeguarding_chat:
            log.warning("no safeguarding chat set (CAREBOT_SAFEGUARDING_CHAT): crisis alerts will not be sent")
        if self.turn_worker:
            await attach_worker(self.engine, self.settings)
        self._outbox = asyncio.create_task(self._deliver_outbox(application.bot), name="carebot-outbox")
        self._purge = asyncio.create_task(self._purge_daily(), name="carebot-retention")

    async def end(self, application: Application) -> None:
        """On stopping: stop the outbox (what is left waits for the next run) and the turn worker."""
        for task in (self._outbox, self._purge):
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        self._outbox = self._purge = None
        if self.turn_worker:
            await detach_worker(self.engine)

    async def _purge_daily(self) -> None:
        """Retention while the bot is up: once at start, then every day."""
        while True:
            try:
                done = await self.engine.purge(self.settings.view_retention_days)
                log.info("retention: %d unanswered, %d view texts deleted", done.unanswered, done.view_texts)
            except Exception as error:
                log.error("retention failed: %s at %s", type(error).__name__, where(error))
            await asyncio.sleep(PURGE_EVERY)

    async def _deliver_outbox(self, bot: Bot) -> None:
        while True:
            try:
                waiting = await self.engine.queued_notifications("telegram")
            except Exception as error:  # the database was busy or broken: try again next time
                log.error("outbox not read: %s at %s", type(error).__name__, where(error))
                waiting = []
            for notification in waiting:
                try:
                    await self.notify(bot, notification)
                except Exception as error:  # one bad message must not stop the rest
                    log.error("outbox message failed: %s at %s", type(error).__name__, where(error))
            await asyncio.sleep(self.outbox_every)

    # Handlers

    async def leave_group(self, update: Update, context: Context) -> None:
        """Say once that carebot is one-to-one only, and leave; nothing from a group reaches the engine."""
        chat = update.effective_chat
        if chat is None or chat.type == ChatType.PRIVATE:
            return
        if update.callback_query is not None:
            await _quietly(update.callback_query.answer(), "answer")
        if self._is_safeguarding_chat(chat.id, chat.username):
            # The team's own chat: stay, and read nothing in it but answers to alerts.
            await self._relay_lead_reply(update, context)
            raise ApplicationHandlerStop
        member = update.my_chat_member
        if member is not None:
            if member.new_chat_member.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
                raise ApplicationHandlerStop  # already out
            self.left.discard(chat.id)  # added (again): say it again
        if chat.id not in self.left:
            self.left.add(chat.id)
            log.info("left a %s chat: carebot is one-to-one only", chat.type)
            text = GROUP_ONLY.format(username=context.bot.username)
            await _quietly(context.bot.send_message(chat.id, text), "group notice")
            await _quietly(context.bot.leave_chat(chat.id), "leave chat")
        raise ApplicationHandlerStop

    async def _relay_lead_reply(self, update: Update, context: Context) -> None:
        """A reply to an alert, passed to the young person; the lead never sees who they are."""
        message = update.message
        quoted = message.reply_to_message if message is not None else None
        case = ALERT_CASE.match(quoted.text or "") if quoted is not None else None
        if message is None or case is None or not message.text:
            return
        number = int(case.group(1))
        notification = await asyncio.to_thread(self.engine.lead_reply, number, message.text)
        if notification is not None:
            await self.notify(context.bot, notification)
        answer = (wording.LEAD_SENT if notification is not None else wording.LEAD_NOT_SENT).format(case=number)
        await _quietly(context.bot.send_message(message.chat.id, answer), "lead reply receipt")

    async def press_button(self, update: Update, context: Context) -> None:
        """Answer the press at once, close the keyboard it came from, then let the engine decide."""
        query = update.callback_query
        if query is None:  # the handler only sees callback queries; this keeps the types honest
            return
        await _quietly(query.answer(), "answer")
        if isinstance(query.message, Message) and query.data is not None:
            await _quietly(self._close_keyboard(query.message, query.data), "close keyboard")
        await self.converse(update, context)

    async def read_message(self, update: Update, context: Context) -> None:
        """Text, commands, edits and everything else a person sends."""
        await self.converse(update, context)

    async def converse(self, update: Update, context: Context) -> None:
        incoming = to_incoming(update)
        if incoming is None or incoming.chat_id is None:
            return
        result = await self.engine.handle(incoming)
        await self.deliver(context.bot, int(incoming.chat_id), result)

    async def report_error(self, update: object, context: Context) -> None:
        """Log what failed and where, never what was said or who; tell the person kindly."""
        error = context.error
        kind = type(error).__name__
        if update is None:  # polling itself: usually a network blip, retried by the library
            log.warning("polling failed: %s", kind)
            return
        log.error("update failed: %s at %s (%s)", kind, where(error), _update_kind(update))
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is not None and chat.type == ChatType.PRIVATE:
            await _quietly(context.bot.send_message(chat.id, wording.ERROR), "error reply")

    # Sending

    async def deliver(self, bot: Bot, chat_id: int, result: Result) -> None:
        """The person's replies first, then the safeguarding alert, then anyone else's notifications."""
        try:
            for reply in result.replies:
                await self.send(bot, chat_id, reply)
        finally:  # the team hears of a crisis even when the person's reply failed
            for alert in result.alerts:
                if self.settings.safeguarding_chat:
                    sent = bot.send_message(self.settings.safeguarding_chat, alert.render())
                    await _quietly(sent, "safeguarding alert", level=logging.ERROR)
                else:
                    log.warning("crisis alert not sent: no safeguarding chat configured")
        for notification in result.notifications:
            await self.notify(bot, notification)

    async def send(self, bot: Bot, chat_id: int | str, reply: Reply) -> None:
        """One Reply: its text in as many messages as it takes, the keyboard on the last one."""
        pieces = split_text(reply.text)
        markup = keyboard(reply.buttons)
        if reply.document is not None:
            name, content = reply.document
            # A short text rides along as the file's caption (Telegram allows 1,024 characters).
            caption = reply.text if telegram_length(reply.text) <= MAX_CAPTION else None
            for piece in [] if caption else pieces:
                await _lean(bot).send_text(chat_id, piece)
            extra = {"reply_markup": markup} if markup else None
            await bot.send_document(chat_id, content, filename=name, caption=caption, api_kwargs=extra)
            return
        for number, piece in enumerate(pieces, start=1):
            await _lean(bot).send_text(chat_id, piece, markup if number == len(pieces) else None)

    async def notify(self, bot: Bot, notification: Notification) -> None:
        """A message for someone else; kept in the outbox when it cannot go now."""
        known, target = await asyncio.to_thread(self._telegram_chat, notification.person)
        if not known:
            return  # erased since: nothing of theirs is kept
        if target is None:  # not a Telegram person: the engine gives it on their next turn
            await asyncio.to_thread(self._keep, notification)
            return
        try:
            await self.send(bot, target, notification.reply)
        except Forbidden:
            log.info("notification dropped: the person has blocked the bot")
        except TelegramError as error:
            log.warning("notification kept for later: %s", type(error).__name__)
            await asyncio.to_thread(self._keep, notification)

    def _keep(self, notification: Notification) -> None:
        buttons = [(b.label, b.payload) for b in notification.reply.buttons]
        voice.queue_message(self.engine.store, notification.person, notification.reply.text, buttons)

    async def _close_keyboard(self, message: Message, data: str) -> None:
        """Show which button was pressed and take the keyboard away, so a second press is visibly over."""
        label = chosen_label(message, data)
        if message.text and label and telegram_length(message.text + CHOSEN.format(label=label)) <= MAX_TEXT:
            await message.edit_text(message.text + CHOSEN.format(label=label), reply_markup=None)
        else:
            await message.edit_reply_markup(reply_markup=None)

    def _telegram_chat(self, person: str) -> tuple[bool, str | None]:
        """Whether the person still exists, and their Telegram chat if they have one."""
        found = self.engine.store.person(person)
        if not found:
            return False, None
        if found.get("channel") != CHANNEL:
            return True, None
        return True, self.engine.store.chat_id(person)

    def _is_safeguarding_chat(self, chat_id: int, username: str | None) -> bool:
        """The configured chat, given as its id ("-100...") or a public @name."""
        configured = (self.settings.safeguarding_chat or "").strip()
        return bool(configured) and configured in (str(chat_id), f"@{username}")


def _lean(bot: Bot) -> CarebotBot:
    """The application's bot, which build_application always makes a CarebotBot."""
    if not isinstance(bot, CarebotBot):
        raise TypeError("build_application makes the bot; got another kind")
    return bot


async def _quietly(call: Awaitable[Any], what: str, level: int = logging.INFO) -> None:
    """Await a Telegram call whose failure must not stop the turn (answers, notices, edits)."""
    try:
        await call
    except TelegramError as error:
        log.log(level, "%s failed: %s", what, type(error).__name__)


def _update_kind(update: object) -> str:
    if not isinstance(update, Update):
        return type(update).__name__
    for kind in ALLOWED_UPDATES:
        if getattr(update, kind, None) is not None:
            return kind
    return "update"


def build_application(
    engine: Engine,
    settings: Settings,
    *,
    base_url: str | None = None,
    rate_limiter: BaseRateLimiter | None = None,
    outbox_every: float = OUTBOX_EVERY,
    turn_worker: bool = False,
) -> Application:
    """The Application with every handler wired; run it with run_polling or run_webhook.

    turn_worker: decide turns in a second process (bot.worker), which needs
    the engine's database to be settings.db_path.
    """
    if not settings.telegram_token:
        raise ValueError("no Telegram token: set TELEGRAM_BOT_TOKEN")
    quiet_library_logs()
    channel = TelegramChannel(engine, settings, outbox_every, turn_worker)
    root = base_url or DEFAULT_BASE_URL
    bot = CarebotBot(
        settings.telegram_token,
        base_url=root,
        base_file_url=base_file_url(root),
        # As many connections as updates in flight, so no send waits for a connection.
        request=AiohttpRequest(CONCURRENT_UPDATES),
        get_updates_request=AiohttpRequest(1),
        rate_limiter=rate_limiter or AIORateLimiter(max_retries=3),
    )
    builder = (
        ApplicationBuilder()
        .bot(bot)
        .concurrent_updates(OneChatAtATime(CONCURRENT_UPDATES))
        .post_init(channel.begin)
        .post_stop(channel.end)
        .post_shutdown(channel.end)
    )
    application = builder.build()
    channel.wire(application)
    return application


def run(
    engine: Engine,
    settings: Settings,
    *,
    base_url: str | None = None,
    webhook_url: str | None = None,
    listen: str = "127.0.0.1",
    port: int = 8443,
    secret_token: str | None = None,
    stop_signals: Sequence[int] | None | object = SYSTEM_SIGNALS,
    rate_limited: bool = True,
    turn_worker: bool = False,
) -> None:
    """Run until stopped (Ctrl-C): long polling by default, a webhook when webhook_url is given.

    stop_signals=None runs without signal handlers, as a thread other than
    the main one must (the tests do).
    """
    # Without Telegram's pace only for a local or fake Bot API (benchmarks).
    unlimited = None if rate_limited else AIORateLimiter(overall_max_rate=0, group_max_rate=0)
    application = build_application(
        engine, settings, base_url=base_url, rate_limiter=unlimited, turn_worker=turn_worker
    )
    signals: dict[str, Any] = {} if stop_signals is SYSTEM_SIGNALS else {"stop_signals": stop_signals}
    if not webhook_url:
        application.run_polling(allowed_updates=ALLOWED_UPDATES, **signals)
        return
    # Without a secret anyone who finds the URL could post fake updates; we
    # set the webhook ourselves, so a fresh random one works just as well.
    application.run_webhook(
        listen=listen,
        port=port,
        url_path=urlsplit(webhook_url).path.lstrip("/"),
        webhook_url=webhook_url,
        secret_token=secret_token or secrets.token_urlsafe(32),
        allowed_updates=ALLOWED_UPDATES,
        **signals,
    )
