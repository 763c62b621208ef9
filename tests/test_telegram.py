"""The Telegram channel, over real HTTP: the real Application polling a fake Bot API on 127.0.0.1.

The bot runs as `carebot run` runs it, on its own thread and event loop;
these tests act as the people in the chats and read back what the bot sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from telegram import Update
from telegram.ext import AIORateLimiter, Application

from bot import wording
from bot.channels import telegram
from bot.channels.telegram_order import OneChatAtATime
from bot.channels.telegram_render import EDITED, base_file_url, split_text, telegram_length, to_incoming
from bot.config import Settings
from bot.engine import Engine
from bot.messages import Button, Incoming, Notification, Reply, Result
from knowledge.base import CouncilKnowledge
from storage import voice
from storage.pseudonym import Pseudonymiser
from storage.retention import Purged
from storage.store import Store
from tests.conftest import SECRET
from tests.fake_bot_api import FakeBotApi

StartBot = Callable[..., Application]
SAFEGUARDING = -100777
GROUP = -100500
SAM = 1001
LEAD = 2002  # the safeguarding lead, writing in the team's chat
STAYING_PUT = "can i stay at my foster carers wen im 18"


class BotThread:
    """Runs a blocking bot entry point on its own thread and event loop, and stops it like Ctrl-C would."""

    def __init__(self, target: Callable[[], None]) -> None:
        self.target = target
        self.loop: asyncio.AbstractEventLoop | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="carebot-telegram", daemon=True)

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        try:
            self.target()
        except BaseException as error:  # surfaced by stop()
            self.error = error

    def start(self) -> BotThread:
        self.thread.start()
        return self

    def stop(self) -> None:
        # A stop that lands while the bot is still starting can be swallowed
        # between two of the library's run_until_complete calls, so repeat it.
        deadline = time.monotonic() + 10
        while self.thread.is_alive() and time.monotonic() < deadline:
            if self.loop is not None:
                with contextlib.suppress(RuntimeError):  # closed already: it is on its way out
                    self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(0.5)
        assert not self.thread.is_alive(), "the bot did not stop"
        if self.error is not None and not is_stopped_while_starting(self.error):
            raise self.error


def is_stopped_while_starting(error: BaseException) -> bool:
    return isinstance(error, RuntimeError) and "Event loop stopped before Future completed" in str(error)


class ScriptedEngine:
    """Stands in for the engine where a test needs a reply it cannot ask for (a huge answer, a file, a crash)."""

    def __init__(self, store: Store, result: Result | None = None, error: Exception | None = None) -> None:
        self.store = store
        self.result = result or Result()
        self.error = error
        self.seen: list[Incoming] = []

    bot_username: str | None = None

    async def handle(self, incoming: Incoming) -> Result:
        self.seen.append(incoming)
        if self.error is not None:
            raise self.error
        return self.result

    async def queued_notifications(self, channel: str) -> list[Notification]:
        return []

    async def purge(self, view_text_days: int) -> Purged:
        return Purged(0, 0)


def settings_for(api: FakeBotApi, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"telegram_token": api.token, "safeguarding_chat": str(SAFEGUARDING)}
    return Settings(**{**values, **overrides})


def no_limits() -> AIORateLimiter:
    """The real rate limiter, without its 30-a-second pace, so 50 people take milliseconds."""
    return AIORateLimiter(overall_max_rate=0, group_max_rate=0)


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as fake:
        yield fake


@pytest.fixture
def start_bot(api: FakeBotApi) -> Iterator[Callable[..., Application]]:
    """Start the real Application, polling the fake API; stopped after the test."""
    running: list[BotThread] = []

    def start(
        engine: Any, outbox_every: float = telegram.OUTBOX_EVERY, turn_worker: bool = False, **settings: Any
    ) -> Application:
        application = telegram.build_application(
            engine,
            settings_for(api, **settings),
            base_url=api.base_url,
            rate_limiter=no_limits(),
            outbox_every=outbox_every,
            turn_worker=turn_worker,
        )
        polling = BotThread(lambda: application.run_polling(allowed_updates=telegram.ALLOWED_UPDATES, stop_signals=None))
        running.append(polling.start())
        api.wait_for(lambda: api.calls_to("getUpdates"))
        return application

    yield start
    for polling in running:
        polling.stop()


@pytest.fixture
def bot(start_bot: StartBot, engine: Engine) -> Application:
    return start_bot(engine)


def reference(
    somerset: CouncilKnowledge, user_id: int, actions: list[Incoming | str], engine: Engine | None = None
) -> list[Result]:
    """What the engine itself says to this person, for comparing with what reached Telegram."""
    engine = engine or Engine(somerset, Store(":memory:"), Pseudonymiser(SECRET))
    results = []
    for action in actions:
        if isinstance(action, str):
            action = Incoming("telegram", str(user_id), str(user_id), text=action)
        results.append(engine.respond(action))
    return results


def button_in(result: Result, label: str) -> Button:
    return next(b for r in result.replies for b in r.buttons if b.label == label)


def pressed(button: Button, user_id: int = SAM) -> Incoming:
    return Incoming("telegram", str(user_id), str(user_id), button=button.payload)


def replies_of(results: list[Result]) -> list[tuple[str, list[str]]]:
    return [(r.text, [b.payload for b in r.buttons]) for result in results for r in result.replies]


def sent_replies(api: FakeBotApi, chat_id: int) -> list[tuple[str, list[str]]]:
    found = []
    for call in api.sent_to(chat_id):
        markup = call.params.get("reply_markup") or {}
        found.append((call.params["text"], [row[0]["callback_data"] for row in markup.get("inline_keyboard", [])]))
    return found


def store_is_empty(store: Store) -> bool:
    tables = [t for t in store.db.table_names() if t != "schema_migrations"]
    return all(store.db[t].count == 0 for t in tables)


def media(**extra: Any) -> dict[str, Any]:
    return {"file_id": "f", "file_unique_id": "f", **extra}


# Starting up


def test_run_registers_commands_and_answers_over_polling(api: FakeBotApi, engine: Engine) -> None:
    settings = Settings(telegram_token=api.token)
    polling = BotThread(lambda: telegram.run(engine, settings, base_url=api.base_url, stop_signals=None)).start()
    try:
        commands = api.wait_for(lambda: api.calls_to("setMyCommands"))[0].params["commands"]
        assert [c["command"] for c in commands] == [c.command for c in telegram.COMMANDS]
        assert {"start", "help", "menu", "privacy", "forgetme"} <= {c["command"] for c in commands}
        assert all(3 <= len(c["description"]) <= 256 for c in commands)
        api.wait_for(lambda: api.calls_to("getUpdates"))
        assert api.calls_to("deleteWebhook")  # polling clears any old webhook first
        api.send_text(SAM, "/start")
        assert "carebot for Somerset" in api.wait_for(lambda: api.texts_to(SAM))[0]
    finally:
        polling.stop()


def test_run_with_a_webhook_checks_telegrams_secret_token(api: FakeBotApi, engine: Engine) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = Settings(telegram_token=api.token)
    webhook = BotThread(
        lambda: telegram.run(
            engine,
            settings,
            base_url=api.base_url,
            webhook_url="https://bot.example.org/carebot/hook",
            listen="127.0.0.1",
            port=port,
            secret_token="s3cret",
            stop_signals=None,
        )
    ).start()
    try:
        registered = api.wait_for(lambda: api.calls_to("setWebhook"))[0].params
        assert registered["url"] == "https://bot.example.org/carebot/hook"
        assert registered["secret_token"] == "s3cret"
        update = {"update_id": 1, "message": api.message_from(SAM, text="/start")}
        url = f"http://127.0.0.1:{port}/carebot/hook"
        forged = post_when_listening(url, update, "wrong")
        assert forged.status_code == 403
        assert post_when_listening(url, {**update, "update_id": 2}, "s3cret").status_code == 200
        texts = api.wait_for(lambda: api.texts_to(SAM))
        api.settle()
        assert "carebot for Somerset" in texts[0]
        welcome = replies_of(reference(engine.knowledge, SAM, ["/start"]))
        assert len(api.texts_to(SAM)) == len(welcome)  # the forged update was dropped
    finally:
        webhook.stop()


def post_when_listening(url: str, update: dict[str, Any], secret: str) -> httpx.Response:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
    deadline = time.monotonic() + 5
    while True:
        try:
            return httpx.post(url, json=update, headers=headers, timeout=5)
        except httpx.ConnectError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def test_a_local_bot_api_server_gets_files_beside_methods() -> None:
    assert base_file_url("http://127.0.0.1:8081/bot") == "http://127.0.0.1:8081/file/bot"
    assert base_file_url("http://127.0.0.1:8081/bot/") == "http://127.0.0.1:8081/file/bot"
    assert base_file_url("http://api.internal") == "http://api.internal/file/bot"


# Conversations


def test_start_then_a_question_then_a_button(api: FakeBotApi, bot: Application, somerset: CouncilKnowledge) -> None:
    before = reference(somerset, SAM, ["/start", STAYING_PUT])
    yes = button_in(before[1], wording.BUTTON_HELPFUL)
    expected = replies_of(reference(somerset, SAM, ["/start", STAYING_PUT, pressed(yes)]))

    api.send_text(SAM, "/start")
    api.wait_for(lambda: len(api.sent_to(SAM)) >= len(replies_of(before[:1])))
    api.send_text(SAM, STAYING_PUT)
    api.wait_for(lambda: len(api.sent_to(SAM)) >= len(replies_of(before)))
    api.press(SAM, wording.BUTTON_HELPFUL)
    api.wait_for(lambda: len(api.sent_to(SAM)) >= len(expected))

    # Reply for reply what the engine says, as in the terminal; one button a row.
    assert sent_replies(api, SAM) == expected
    assert api.texts_to(SAM)[-1] == wording.HELPFUL_THANKS
    keyboards = [c.params["reply_markup"]["inline_keyboard"] for c in api.sent_to(SAM) if "reply_markup" in c.params]
    assert keyboards and all(len(row) == 1 for rows in keyboards for row in rows)

    assert [c.params["callback_query_id"] for c in api.calls_to("answerCallbackQuery")] == ["1"]
    edited = api.calls_to("editMessageText")[0].params
    assert edited["text"].endswith(f"\n\n» {wording.BUTTON_HELPFUL}") and "reply_markup" not in edited


def test_a_button_pressed_twice_is_answered_twice_and_counted_once(
    api: FakeBotApi,
    bot: Application,
    engine: Engine,
    somerset: CouncilKnowledge,
) -> None:
    answered = len(replies_of(reference(somerset, SAM, [STAYING_PUT])))
    api.send_text(SAM, STAYING_PUT)
    api.wait_for(lambda: len(api.sent_to(SAM)) >= answered)
    api.press(SAM, wording.BUTTON_HELPFUL)
    api.press(SAM, wording.BUTTON_HELPFUL)  # the second tap, before the first was handled
    api.wait_for(lambda: len(api.texts_to(SAM)) >= answered + 2)
    api.settle()
    texts = api.texts_to(SAM)
    assert texts[answered:] == [wording.HELPFUL_THANKS, wording.ALREADY_RATED]
    assert len(api.calls_to("answerCallbackQuery")) == 2
    assert len(api.calls_to("editMessageText")) == 2  # the second edit changes nothing: Telegram says so, quietly
    assert engine.store.topic_stats("somerset")["offer.staying_put"]["helpful"] == 1
    assert wording.ERROR not in texts


def test_a_stale_button_changes_nothing(
    api: FakeBotApi,
    bot: Application,
    engine: Engine,
    somerset: CouncilKnowledge,
) -> None:
    before = reference(somerset, SAM, ["/forgetme", STAYING_PUT])
    delete = button_in(before[0], wording.BUTTON_ERASE_YES)
    expected = replies_of(reference(somerset, SAM, ["/forgetme", STAYING_PUT, pressed(delete)]))
    api.send_text(SAM, "/forgetme")
    api.wait_for(lambda: len(api.sent_to(SAM)) >= len(replies_of(before[:1])))
    api.send_text(SAM, STAYING_PUT)  # moves on without answering
    api.wait_for(lambda: len(api.sent_to(SAM)) >= len(replies_of(before)))
    api.press(SAM, wording.BUTTON_ERASE_YES)  # from the old confirm message
    api.wait_for(lambda: len(api.sent_to(SAM)) >= len(expected))
    assert sent_replies(api, SAM) == expected
    assert wording.STALE_BUTTON in api.texts_to(SAM)[-1]
    assert len(api.calls_to("answerCallbackQuery")) == 1
    assert engine.store.person(engine.pseudonymiser.key("telegram", str(SAM))) is not None


UNREADABLE = [
    ({"photo": [media(width=90, height=90)]}, "a photo"),
    ({"sticker": media(width=512, height=512, is_animated=False, is_video=False, type="regular")}, "a sticker"),
    ({"voice": media(duration=3)}, "a voice note"),
    ({"location": {"latitude": 51.0, "longitude": -2.9}}, "a location"),
]


def test_things_carebot_cannot_read_get_a_kind_reply(api: FakeBotApi, bot: Application) -> None:
    for user_id, (content, _) in enumerate(UNREADABLE, start=2001):
        api.send(user_id, **content)
    api.edit(SAM, "actually i meant something else")
    for user_id, (_, what) in enumerate(UNREADABLE, start=2001):
        assert api.wait_for(lambda: api.texts_to(user_id)) == [wording.UNSUPPORTED.format(what=what)]
    assert api.wait_for(lambda: api.texts_to(SAM)) == [wording.UNSUPPORTED.format(what=EDITED)]


def test_a_crisis_in_a_caption_or_an_edit_is_still_screened(api: FakeBotApi, bot: Application) -> None:
    api.send(SAM, photo=UNREADABLE[0][0]["photo"], caption="i want to die")
    api.edit(SAM + 1, "i want to die")
    api.wait_for(lambda: api.texts_to(SAM) and api.texts_to(SAM + 1))
    api.settle()
    assert len(api.texts_to(SAFEGUARDING)) == 2


def test_service_messages_get_no_reply(api: FakeBotApi, bot: Application, somerset: CouncilKnowledge) -> None:
    welcome = replies_of(reference(somerset, SAM, ["/start"]))
    api.send(SAM, pinned_message={"message_id": 5, "date": 0, "chat": api.chat(SAM)})
    api.send_text(SAM, "/start")
    api.wait_for(lambda: len(api.sent_to(SAM)) >= len(welcome))
    api.settle()
    assert sent_replies(api, SAM) == welcome


# Safeguarding


def test_a_crisis_sends_an_alert_without_name_or_id(
    api: FakeBotApi,
    bot: Application,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="carebot")
    api.send_text(SAM, "i want to die")
    alert = api.wait_for(lambda: api.texts_to(SAM) and api.texts_to(SAFEGUARDING))[0]
    assert "999" in api.texts_to(SAM)[0]
    assert "Kind: suicide" in alert and "Council: somerset" in alert and "pseudonymous key" in alert
    for private in (str(SAM), "Sam", f"user{SAM}", "want to die"):
        assert private not in alert
        assert private not in caplog.text


def test_an_unreachable_safeguarding_chat_never_stops_the_crisis_reply(
    api: FakeBotApi,
    bot: Application,
    caplog: pytest.LogCaptureFixture,
) -> None:
    api.left_chats.add(SAFEGUARDING)  # someone removed the bot from the team's chat
    api.send_text(SAM, "i want to die")
    api.wait_for(lambda: api.calls_to("sendMessage") and len(api.calls_to("sendMessage")) >= 2)
    api.settle()
    assert "999" in api.texts_to(SAM)[0]
    assert wording.ERROR not in api.texts_to(SAM)
    assert "safeguarding alert failed: Forbidden" in caplog.text


def test_a_crisis_alert_goes_out_even_when_the_reply_cannot(api: FakeBotApi, bot: Application) -> None:
    api.left_chats.add(SAM)  # Telegram refuses to deliver to this person
    api.send_text(SAM, "i want to die")
    assert "Kind: suicide" in api.wait_for(lambda: api.texts_to(SAFEGUARDING))[0]


def test_notifications_go_to_the_other_persons_telegram_chat(
    api: FakeBotApi,
    start_bot: StartBot,
    store: Store,
) -> None:
    store.touch_person("officer-key", "telegram", "somerset", "2002")
    store.touch_person("terminal-key", "terminal", "somerset", "terminal")
    result = Result(
        replies=[Reply("Sent.")],
        notifications=[
            Notification("officer-key", Reply("A new We Said item")),
            Notification("terminal-key", Reply("Not for Telegram")),
        ],
    )
    start_bot(ScriptedEngine(store, result))
    api.send_text(SAM, "anything")
    assert api.wait_for(lambda: api.texts_to(2002)) == ["A new We Said item"]
    api.settle()
    assert api.texts_to(SAM) == ["Sent."]
    assert [c.method for c in api.calls if c.method.startswith("send")] == ["sendMessage", "sendMessage"]


def test_the_outbox_is_delivered_while_running(api: FakeBotApi, start_bot: StartBot, engine: Engine) -> None:
    store = engine.store
    store.touch_person("member-key", "telegram", "somerset", "3003")
    store.touch_person("terminal-key", "terminal", "somerset", "terminal")
    voice.queue_message(store, "member-key", "The council answered your item.", [("Good enough", "0|rate|1:yes")])
    voice.queue_message(store, "terminal-key", "For the terminal.", [])
    start_bot(engine, outbox_every=0.05)
    sent = api.wait_for(lambda: api.sent_to(3003))
    assert sent[0].params["text"] == "The council answered your item."
    assert sent[0].params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "0|rate|1:yes"
    api.settle()
    assert [row["key"] for row in store.rows("SELECT key FROM outbox")] == ["terminal-key"]  # waits for their next turn
    assert engine.bot_username == "carebot_test_bot"  # learnt from getMe, for invite links


# Groups and channels


def test_a_group_is_told_once_and_left_and_nothing_is_stored(api: FakeBotApi, bot: Application, store: Store) -> None:
    api.add_to_group(GROUP, by_user=SAM)
    api.send_text(SAM, "/start", chat_id=GROUP)
    api.send_text(SAM, "i want to die", chat_id=GROUP)
    api.wait_for(lambda: api.calls_to("leaveChat"))
    api.settle()
    assert api.texts_to(GROUP) == [telegram.GROUP_ONLY.format(username="carebot_test_bot")]
    assert [c.params["chat_id"] for c in api.calls_to("leaveChat")] == [GROUP]
    assert api.texts_to(SAFEGUARDING) == []
    assert store_is_empty(store)


def test_being_added_again_after_leaving_says_it_again(api: FakeBotApi, bot: Application) -> None:
    api.add_to_group(GROUP, by_user=SAM)
    api.wait_for(lambda: api.calls_to("leaveChat"))
    api.left_chats.discard(GROUP)
    api.add_to_group(GROUP, by_user=SAM)
    api.wait_for(lambda: len(api.calls_to("leaveChat")) == 2)
    assert len(api.texts_to(GROUP)) == 2


def test_the_safeguarding_chat_itself_is_neither_answered_nor_left(
    api: FakeBotApi,
    bot: Application,
    engine: Engine,
) -> None:
    welcome = replies_of(reference(engine.knowledge, SAM, ["/start"]))
    api.send_text(SAM, "/start", chat_id=SAFEGUARDING)
    api.send_text(SAM, "/start")
    api.wait_for(lambda: len(api.sent_to(SAM)) >= len(welcome))
    api.settle()
    assert sent_replies(api, SAM) == welcome
    assert api.texts_to(SAFEGUARDING) == []
    assert api.calls_to("leaveChat") == []


def test_a_channel_post_is_left_too(api: FakeBotApi, bot: Application, store: Store) -> None:
    post = {"message_id": 1, "date": int(time.time()), "chat": api.chat(-100600, "channel"), "text": "hello"}
    api.push({"channel_post": post})
    api.wait_for(lambda: api.calls_to("leaveChat"))
    assert store_is_empty(store)


# Long answers, files, errors


def test_a_long_answer_arrives_in_clean_pieces_with_the_buttons_last(
    api: FakeBotApi,
    start_bot: StartBot,
    store: Store,
) -> None:
    paragraphs = [(f"Paragraph {n}. " + "Care leavers can ask for help. " * 40).strip() for n in range(12)]
    long_text = "\n\n".join(paragraphs)
    assert len(long_text) > 3 * 4096
    buttons = (Button("Topics menu", "1|menu|"),)
    start_bot(ScriptedEngine(store, Result(replies=[Reply(long_text, buttons)])))
    api.send_text(SAM, "tell me everything")
    api.wait_for(lambda: api.texts_to(SAM))
    api.settle()
    sent = api.sent_to(SAM)
    assert len(sent) == 4
    assert all(telegram_length(c.params["text"]) <= 4096 for c in sent)
    assert all(c.params["text"].startswith("Paragraph") for c in sent)  # cut between paragraphs
    assert "\n\n".join(c.params["text"] for c in sent) == long_text
    assert [("reply_markup" in c.params) for c in sent] == [False, False, False, True]


def test_a_document_reply_is_uploaded(api: FakeBotApi, start_bot: StartBot, store: Store, tmp_path: Path) -> None:
    content = b"topic,asked\noffer.staying_put,fewer than 6\n"
    reply = Reply("Here is the digest.", (Button("Topics menu", "1|menu|"), ), ("digest-2025-q1.csv", content))
    start_bot(ScriptedEngine(store, Result(replies=[reply])))
    api.send_text(SAM, "/digest")
    document = api.wait_for(lambda: api.calls_to("sendDocument"))[0]
    assert document.files["document"] == ("digest-2025-q1.csv", content)
    assert "reply_markup" in document.params
    assert document.params["caption"] == "Here is the digest."


def test_an_error_gets_a_kind_reply_and_a_log_line_without_text_or_ids(
    api: FakeBotApi,
    start_bot: StartBot,
    store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    start_bot(ScriptedEngine(store, error=RuntimeError("my secret words")))
    api.send_text(SAM, "my secret words")
    assert api.wait_for(lambda: api.texts_to(SAM)) == [wording.ERROR]
    failure = [r for r in caplog.records if r.name == "carebot.telegram" and r.levelno == logging.ERROR]
    assert failure and "RuntimeError" in failure[0].getMessage() and "(message)" in failure[0].getMessage()
    assert "secret words" not in caplog.text and str(SAM) not in caplog.text
    assert not any(r.exc_info for r in failure)  # a traceback would carry the message


# Many people at once


def test_fifty_people_at_once_each_get_their_replies_in_order(
    api: FakeBotApi,
    bot: Application,
    somerset: CouncilKnowledge,
) -> None:
    people = list(range(5000, 5050))
    said = ["/menu", "/start", STAYING_PUT]
    engine = Engine(somerset, Store(":memory:"), Pseudonymiser(SECRET))
    expected = {user_id: replies_of(reference(somerset, user_id, said, engine)) for user_id in people}
    slow, others = people[0], people[1:]

    # Telegram is slow for one person, who sends everything at once: everyone
    # else carries on, and nothing of theirs overtakes their first message.
    api.hold(slow)
    for text in said:
        api.send_text(slow, text)
    for user_id in others:
        api.send_text(user_id, said[0])
    api.wait_for(lambda: all(api.count_sent(u) >= 1 for u in others))
    assert api.count_sent(slow) == 1, api.texts_to(slow)
    api.release(slow)

    for text in said[1:]:
        for user_id in others:
            api.send_text(user_id, text)
    api.wait_for(lambda: all(api.count_sent(u) >= len(expected[u]) for u in people), timeout=20)
    api.settle()
    for user_id in people:
        assert sent_replies(api, user_id) == expected[user_id], user_id


async def test_one_chat_at_a_time_keeps_each_chat_in_order_and_chats_apart() -> None:
    processor = OneChatAtATime(256)
    events: list[str] = []
    held = asyncio.Event()

    async def work(name: str, gate: asyncio.Event | None = None) -> None:
        events.append(f"start {name}")
        if gate is not None:
            await gate.wait()
        events.append(f"end {name}")

    def from_chat(chat_id: int) -> Update:
        return update({"message": {**message(text="x"), "chat": {"id": chat_id, "type": "private"}}})

    tasks = [
        asyncio.create_task(processor.process_update(from_chat(1), work("a1", held))),
        asyncio.create_task(processor.process_update(from_chat(1), work("a2"))),
        asyncio.create_task(processor.process_update(from_chat(2), work("b1"))),
    ]
    for _ in range(10):
        await asyncio.sleep(0)
    assert events == ["start a1", "start b1", "end b1"]  # b is not kept waiting; a2 waits its turn
    held.set()
    await asyncio.gather(*tasks)
    assert events[3:] == ["end a1", "start a2", "end a2"]


# Conversions, without the network


def update(data: dict[str, Any]) -> Update:
    return Update.de_json({"update_id": 1, **data}, None)  # type: ignore[return-value]


SAM_42 = {"id": 42, "is_bot": False, "first_name": "Sam"}
POINT = {"latitude": 1, "longitude": 1}


def message(**content: Any) -> dict[str, Any]:
    return {"message_id": 7, "date": 0, "chat": {"id": 42, "type": "private"}, "from": SAM_42, **content}


def query(**extra: Any) -> dict[str, Any]:
    return {"callback_query": {"id": "9", "from": SAM_42, "chat_instance": "1", "data": "3|menu|", **extra}}


def heard(**fields: Any) -> Incoming:
    return Incoming("telegram", "42", "42", **fields)


@pytest.mark.parametrize(
    "data, expected",
    [
        ({"message": message(text="hi")}, heard(text="hi")),
        ({"message": message(text="/start")}, heard(text="/start")),
        ({"message": message(photo=[media(width=1, height=1)], caption="look")}, heard(text="look", unsupported="a photo")),
        ({"message": message(animation=media(width=1, height=1, duration=1), document=media())}, heard(unsupported="a GIF")),
        ({"message": message(document=media())}, heard(unsupported="a file")),
        ({"message": message(video_note=media(length=1, duration=1))}, heard(unsupported="a video message")),
        ({"message": message(contact={"phone_number": "07700900000", "first_name": "Alex"})}, heard(unsupported="a contact")),
        ({"message": message(venue={"location": POINT, "title": "x", "address": "y"}, location=POINT)}, heard(unsupported="a location")),
        ({"edited_message": message(text="edited", edit_date=1)}, heard(text="edited", unsupported=EDITED)),
        (query(message=message(text="menu")), heard(button="3|menu|")),
        ({"message": {**message(text="hi"), "chat": {"id": -5, "type": "group", "title": "g"}}}, None),
        (query(inline_message_id="x"), None),  # from an inline message: no chat to answer in
    ],
)
def test_updates_become_incoming(data: dict[str, Any], expected: Incoming | None) -> None:
    assert to_incoming(update(data)) == expected


@pytest.mark.parametrize(
    "text, limit, pieces",
    [
        ("short", 10, ["short"]),
        ("", 10, []),
        ("one two three four", 10, ["one two", "three four"]),
        ("para one\n\npara two is long", 20, ["para one", "para two is long"]),
        ("line one\nline two\n\nthree", 18, ["line one\nline two", "three"]),
        ("abcdefghijklmnop", 5, ["abcde", "fghij", "klmno", "p"]),
        ("abcd efgh", 4, ["abcd", "efgh"]),  # a break just past the limit is still clean
        ("😀😀😀", 4, ["😀😀", "😀"]),  # Telegram counts an emoji as two
    ],
)
def test_split_text(text: str, limit: int, pieces: list[str]) -> None:
    assert split_text(text, limit) == pieces


@given(st.text(alphabet=st.sampled_from("ab c\n😀"), max_size=300), st.integers(min_value=2, max_value=40))
def test_split_text_keeps_every_word_and_the_limit(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert all(piece and piece == piece.strip() and telegram_length(piece) <= limit for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())
    if all(telegram_length(word) <= limit for word in text.split()):
        assert [w for piece in pieces for w in piece.split()] == text.split()


def test_fake_api_refuses_what_telegram_refuses(api: FakeBotApi) -> None:
    url = f"{api.base_url}{api.token}/sendMessage"
    too_long = httpx.post(url, data={"chat_id": "1", "text": "x" * 4097})
    assert too_long.status_code == 400 and json.loads(too_long.text)["description"].endswith("too long")
    assert httpx.post(f"{api.base_url}999:WRONG/getMe").status_code == 401


def test_debug_logging_carries_no_text_ids_or_token(api: FakeBotApi, start_bot: StartBot, engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    start_bot(engine)
    api.send_text(SAM, "/start")
    api.send_text(SAM, "my sw is Kellyanne and i want to die")
    api.send_text(SAM, STAYING_PUT)
    api.wait_for(lambda: len(api.texts_to(SAFEGUARDING)) == 1 and len(api.texts_to(SAM)) >= 5)
    api.settle()
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    assert "carebot" in logged  # there is a log...
    for secret in ("Kellyanne", "want to die", "foster carers", str(SAM), api.token, api.token.split(":")[1]):
        assert secret not in logged  # ...with no words, ids or token in it


def test_two_hundred_people_share_views_at_once(api: FakeBotApi, start_bot: StartBot, somerset: CouncilKnowledge, store: Store) -> None:
    """Load: every reply reaches the right chat in order, and every view is stored exactly once."""
    engine = Engine(somerset, store, Pseudonymiser(SECRET))
    start_bot(engine)
    people = list(range(7000, 7200))
    said = ["/view", "money", "ok", "rent is late", "skip", "anonymous", "send"]
    expected = {u: replies_of(reference(somerset, u, said)) for u in people}
    for text in said:  # everyone at once, each person's messages back to back
        for user_id in people:
            api.send_text(user_id, text if text != "rent is late" else f"rent is late {user_id}")
    api.wait_for(lambda: all(api.count_sent(u) >= len(expected[u]) for u in people), timeout=60)
    api.settle()
    for user_id in people:
        texts = [text.replace(f"rent is late {user_id}", "rent is late") for text, _ in sent_replies(api, user_id)]
        assert texts == [text for text, _ in expected[user_id]], user_id
    views = store.rows("SELECT key, happening FROM views")
    assert len(views) == len(people) == len({v["key"] for v in views})
    keys = {engine.person_key(Incoming("telegram", str(u))): u for u in people}
    assert all(v["happening"] == f"rent is late {keys[v['key']]}" for v in views)


def test_retention_runs_when_the_bot_starts(api: FakeBotApi, start_bot: StartBot, engine: Engine, store: Store) -> None:
    store.log_unanswered(None, "somerset", "an old question")
    store.conn.execute("UPDATE unanswered SET created = '2020-01-01T00:00:00+00:00'")
    store.log_unanswered(None, "somerset", "a new question")
    start_bot(engine)
    api.wait_for(lambda: store.rows("SELECT text FROM unanswered") == [{"text": "a new question"}])


def test_the_lead_answers_a_young_person_by_replying_to_the_alert(api: FakeBotApi, bot: Application) -> None:
    api.send_text(SAM, "i want to die")
    alert = api.wait_for(lambda: api.texts_to(SAFEGUARDING))[0]
    assert alert.startswith("carebot safeguarding alert, case 1") and str(SAM) not in alert
    quoted = api.message_from(-1, SAFEGUARDING, text=alert)
    api.send(LEAD, SAFEGUARDING, text="Hi, this is Jo from the safeguarding team. Are you somewhere safe?", reply_to_message=quoted)
    relayed = api.wait_for(lambda: [t for t in api.texts_to(SAM) if "safeguarding team" in t and "Jo" in t])
    assert "Are you somewhere safe?" in relayed[0]
    assert api.wait_for(lambda: [t for t in api.texts_to(SAFEGUARDING) if t == "Sent to the young person for case 1."])


def test_a_reply_to_an_unknown_case_reaches_no_one(api: FakeBotApi, bot: Application) -> None:
    quoted = api.message_from(-1, SAFEGUARDING, text="carebot safeguarding alert, case 99\nKind: suicide")
    api.send(LEAD, SAFEGUARDING, text="hello", reply_to_message=quoted)
    assert api.wait_for(lambda: [t for t in api.texts_to(SAFEGUARDING) if t.startswith("Not sent: case 99")])
    assert api.texts_to(SAM) == []
