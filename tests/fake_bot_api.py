"""A fake Telegram Bot API server on 127.0.0.1: real HTTP, no internet.

It runs tornado on its own thread and event loop, as a remote server would
be, so the bot under test talks to it exactly as it talks to Telegram. Tests
act as the people in the chats (they queue updates: a text, a photo, a
button press) and read back every call the bot made.

    with FakeBotApi() as api:
        application = ApplicationBuilder().token(api.token).base_url(api.base_url).build()
        ...
        api.send_text(1001, "/start")
        api.wait_for(lambda: len(api.texts_to(1001)) >= 2)

Only what carebot uses is implemented, with Telegram's own checks where a
mistake is easy to make (text length, button data, editing a message that
did not change, answering a callback query twice, writing to a chat the bot
has left).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import tornado.httpserver
import tornado.netutil
import tornado.web

T = TypeVar("T")

BOT_ID = 123
BOT_USERNAME = "carebot_test_bot"
# Parameters the library sends JSON-encoded; everything else arrives as a plain string.
JSON_PARAMETERS = {
    "chat_id", "message_id", "reply_markup", "commands", "offset", "limit", "timeout", "allowed_updates",
    "show_alert", "cache_time", "drop_pending_updates", "max_connections", "scope", "link_preview_options",
    "disable_notification", "protect_content", "reply_parameters", "entities", "caption_entities",
}  # fmt: skip
LONG_POLL_CAP = 1.0  # seconds: a short long poll keeps shutdowns quick


class ApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


@dataclass
class Call:
    """One request the bot made: the method, its decoded parameters, any uploaded files."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    at: float = field(default_factory=time.perf_counter)  # when it arrived, for benchmarks


class FakeBotApi:
    token = "123:TEST"

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}  # what the bot sent, as it is now
        self.left_chats: set[int] = set()
        self.port = 0
        self._sent: Counter[str] = Counter()  # messages sent per chat, for cheap waits
        self._cond = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._confirmed = 0  # the highest update_id the bot has confirmed (offset - 1)
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._query_ids = itertools.count(1)
        self._answered: set[str] = set()
        self._queries: set[str] = set()
        self._holds: dict[int, asyncio.Event] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._arrived: asyncio.Event | None = None
        self._server: tornado.httpserver.HTTPServer | None = None
        self._closing = False

    # Running

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> FakeBotApi:
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), name="fake-bot-api", daemon=True)
        self._thread.start()
        if not ready.wait(5):
            raise RuntimeError("the fake Bot API did not start")
        return self

    def stop(self) -> None:
        if self._loop is None or self._thread is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def __enter__(self) -> FakeBotApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        loop.run_until_complete(self._listen())
        ready.set()
        try:
            loop.run_forever()
        finally:
            pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.close()

    async def _listen(self) -> None:
        self._arrived = asyncio.Event()
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
        self.port = sockets[0].getsockname()[1]
        app = tornado.web.Application([(r"/bot([^/]+)/(\w+)", _MethodHandler, {"api": self})])
        self._server = tornado.httpserver.HTTPServer(app)
        self._server.add_sockets(sockets)

    async def _shutdown(self) -> None:
        self._closing = True
        assert self._arrived is not None and self._server is not None
        self._arrived.set()
        for gate in self._holds.values():
            gate.set()
        self._server.stop()
        await self._server.close_all_connections()

    # What people do

    def user(self, user_id: int, first_name: str = "Sam") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": first_name, "username": f"user{user_id}"}

    @staticmethod
    def chat(chat_id: int, kind: str | None = None) -> dict[str, Any]:
        kind = kind or ("private" if chat_id > 0 else "supergroup")
        chat: dict[str, Any] = {"id": chat_id, "type": kind}
        if kind == "private":
            chat["first_name"] = "Sam"
        else:
            chat["title"] = "A group"
        return chat

    def push(self, update: dict[str, Any]) -> int:
        """Queue any update; returns its update_id."""
        with self._cond:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._cond.notify_all()
        if self._loop is not None and self._arrived is not None:
            self._loop.call_soon_threadsafe(self._arrived.set)
        return update["update_id"]

    def message_from(self, user_id: int, chat_id: int | None = None, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id if chat_id is not None else user_id),
            "from": self.user(user_id),
            **content,
        }

    def send_text(self, user_id: int, text: str, chat_id: int | None = None) -> int:
        return self.push({"message": self.message_from(user_id, chat_id, text=text)})

    def send(self, user_id: int, chat_id: int | None = None, **content: Any) -> int:
        """Send anything: photo=[...], sticker={...}, location={...}."""
        return self.push({"message": self.message_from(user_id, chat_id, **content)})

    def edit(self, user_id: int, text: str) -> int:
        message = self.message_from(user_id, text=text)
        message["edit_date"] = message["date"]
        return self.push({"edited_message": message})

    def press(self, user_id: int, label: str) -> int:
        """Press the button with this label on the latest message the bot sent to this person."""
        with self._cond:
            latest_first = sorted(self.messages.items(), key=lambda item: -item[0][1])
        for (chat_id, _), message in latest_first:
            if chat_id != user_id:
                continue
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if button["text"] == label:
                        return self.press_data(user_id, message, button["callback_data"])
        raise AssertionError(f"no message to {user_id} has a button {label!r}")

    def press_data(self, user_id: int, message: dict[str, Any], data: str) -> int:
        """A callback query from this message, as the person's app saw it."""
        query_id = str(next(self._query_ids))
        with self._cond:
            self._queries.add(query_id)
        query = {
            "id": query_id,
            "from": self.user(user_id),
            "chat_instance": "1",
            "message": json.loads(json.dumps(message)),
            "data": data,
        }
        return self.push({"callback_query": query})

    def add_to_group(self, chat_id: int, by_user: int, status: str = "member") -> int:
        member = {
            "chat": self.chat(chat_id),
            "from": self.user(by_user),
            "date": int(time.time()),
            "old_chat_member": {"status": "left", "user": self.me()},
            "new_chat_member": {"status": status, "user": self.me()},
        }
        return self.push({"my_chat_member": member})

    def hold(self, chat_id: int) -> None:
        """Keep every message to this chat waiting until release()."""
        self._on_loop(lambda: self._holds.setdefault(chat_id, asyncio.Event()))

    def release(self, chat_id: int) -> None:
        self._on_loop(lambda: self._holds.pop(chat_id, asyncio.Event()).set())

    def _on_loop(self, action: Callable[[], object]) -> None:
        """Run action on the server's loop and wait for it, so it is in force when this returns."""
        assert self._loop is not None

        async def act() -> None:
            action()

        asyncio.run_coroutine_threadsafe(act(), self._loop).result(5)

    # What the bot did

    def calls_to(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def texts_to(self, chat_id: int | str) -> list[str]:
        """Every text the bot sent to a chat, in the order it sent them."""
        with self._cond:
            return [
                str(c.params.get("text"))
                for c in self.calls
                if c.method == "sendMessage" and str(c.params.get("chat_id")) == str(chat_id)
            ]

    def sent_to(self, chat_id: int | str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method.startswith("send") and str(c.params.get("chat_id")) == str(chat_id)]

    def count_sent(self, chat_id: int | str) -> int:
        """How many messages and files the bot has sent to a chat so far."""
        with self._cond:
            return self._sent[str(chat_id)]

    def wait_for(self, predicate: Callable[[], T], timeout: float = 10.0) -> T:
        """Wait until predicate() is truthy, re-checking as each call arrives and every 0.1 s; returns its value."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    methods = [c.method for c in self.calls if c.method != "getUpdates"]
                    raise AssertionError(f"timed out; calls so far: {methods}")
                self._cond.wait(min(remaining, 0.1))  # also for things that change outside the API

    def settle(self, quiet: float = 0.1, timeout: float = 5.0) -> None:
        """Wait until every queued update was fetched and the bot has been quiet for a while."""
        self.wait_for(lambda: self._confirmed >= len(self._updates), timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._cond:
                seen = len([c for c in self.calls if c.method != "getUpdates"])
                self._cond.wait(quiet)
                if len([c for c in self.calls if c.method != "getUpdates"]) == seen:
                    return
        raise AssertionError("the bot never went quiet")

    def me(self) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "carebot", "username": BOT_USERNAME}

    # The Bot API, on the server's loop

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            if call.method.startswith("send"):
                self._sent[str(call.params.get("chat_id"))] += 1
            self._cond.notify_all()

    async def handle(self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> Any:
        self._record(Call(method, params, files))
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            raise ApiError(404, "Not Found: method not found")
        return await handler(params, files)

    async def api_getMe(self, params: dict[str, Any], files: Any) -> Any:
        return {**self.me(), "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}

    async def api_getUpdates(self, params: dict[str, Any], files: Any) -> Any:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        assert self._loop is not None and self._arrived is not None
        deadline = self._loop.time() + min(float(params.get("timeout") or 0), LONG_POLL_CAP)
        while True:
            self._arrived.clear()
            with self._cond:
                if offset:
                    self._confirmed = max(self._confirmed, offset - 1)
                    self._cond.notify_all()
                pending = [u for u in self._updates if u["update_id"] >= offset][:limit]
            remaining = deadline - self._loop.time()
            if pending or self._closing or remaining <= 0:
                return pending
            try:
                await asyncio.wait_for(self._arrived.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    async def api_sendMessage(self, params: dict[str, Any], files: Any) -> Any:
        text = str(params.get("text") or "")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text.encode("utf-16-le")) // 2 > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        return await self._new_message(params, text=text)

    async def api_sendDocument(self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> Any:
        if "document" not in files and not params.get("document"):
            raise ApiError(400, "Bad Request: there is no document in the request")
        name = files["document"][0] if "document" in files else "file"
        document = {"file_id": "doc1", "file_unique_id": "doc1", "file_name": name}
        return await self._new_message(params, document=document, caption=params.get("caption"))

    async def _new_message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = self._chat_of(params)
        markup = params.get("reply_markup")
        if markup:
            for row in markup.get("inline_keyboard", []):
                for button in row:
                    if len(str(button.get("callback_data", "")).encode()) > 64:
                        raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        gate = self._holds.get(chat_id)
        if gate is not None:
            await gate.wait()
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id),
            "from": self.me(),
            **{k: v for k, v in content.items() if v is not None},
        }
        if markup:
            message["reply_markup"] = markup
        with self._cond:
            self.messages[(chat_id, message["message_id"])] = message
        return message

    async def api_editMessageText(self, params: dict[str, Any], files: Any) -> Any:
        return self._edit(params, text=str(params.get("text") or ""))

    async def api_editMessageReplyMarkup(self, params: dict[str, Any], files: Any) -> Any:
        return self._edit(params)

    def _edit(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        key = (self._chat_of(params), int(params.get("message_id") or 0))
        with self._cond:
            message = self.messages.get(key)
            if message is None:
                raise ApiError(400, "Bad Request: message to edit not found")
            changed = {**message, **content}
            changed.pop("reply_markup", None)
            if params.get("reply_markup"):
                changed["reply_markup"] = params["reply_markup"]
            if changed == message:
                raise ApiError(400, "Bad Request: message is not modified")
            self.messages[key] = changed
            return changed

    async def api_answerCallbackQuery(self, params: dict[str, Any], files: Any) -> Any:
        query_id = str(params.get("callback_query_id"))
        with self._cond:
            if query_id not in self._queries or query_id in self._answered:
                raise ApiError(400, "Bad Request: query is too old and response timeout expired or query id is invalid")
            self._answered.add(query_id)
        return True

    async def api_leaveChat(self, params: dict[str, Any], files: Any) -> Any:
        chat_id = self._chat_of(params)
        with self._cond:
            self.left_chats.add(chat_id)
        return True

    async def api_setMyCommands(self, params: dict[str, Any], files: Any) -> Any:
        return True

    async def api_deleteWebhook(self, params: dict[str, Any], files: Any) -> Any:
        return True

    async def api_setWebhook(self, params: dict[str, Any], files: Any) -> Any:
        return True

    async def api_getWebhookInfo(self, params: dict[str, Any], files: Any) -> Any:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    def _chat_of(self, params: dict[str, Any]) -> int:
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, TypeError, ValueError):
            raise ApiError(400, "Bad Request: chat not found") from None
        if chat_id in self.left_chats:
            raise ApiError(403, "Forbidden: bot is not a member of the group chat")
        return chat_id


def _decode(name: str, value: str) -> Any:
    if name in JSON_PARAMETERS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class _MethodHandler(tornado.web.RequestHandler):
    """/bot<token>/<method>, by GET or POST, form-encoded, multipart or JSON, like the real thing."""

    def initialize(self, api: FakeBotApi) -> None:
        self.api = api

    async def get(self, token: str, method: str) -> None:
        await self.post(token, method)

    async def post(self, token: str, method: str) -> None:
        if token != self.api.token:
            self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        params: dict[str, Any] = {k: _decode(k, v[-1].decode()) for k, v in self.request.arguments.items()}
        if self.request.headers.get("Content-Type", "").startswith("application/json") and self.request.body:
            params.update(json.loads(self.request.body))
        files = {name: (parts[0].filename, parts[0].body) for name, parts in self.request.files.items()}
        try:
            result = await self.api.handle(method, params, files)
        except ApiError as error:
            self._reply(error.code, {"ok": False, "error_code": error.code, "description": error.description})
            return
        self._reply(200, {"ok": True, "result": result})

    def _reply(self, status: int, body: dict[str, Any]) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))
