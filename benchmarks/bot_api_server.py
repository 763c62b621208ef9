"""A minimal, fast stand-in for Telegram's Bot API, for the end-to-end benchmark.

tests/fake_bot_api.py checks everything the bot sends and is right for
tests, but it is too slow to measure carebot at hundreds of updates a
second. This one does the least that python-telegram-bot needs, in its own
process, so that the bot under measurement has a core of its own.

    python -m benchmarks.bot_api_server 8765
    POST /control/push  {"updates": [...]}   queue updates (their arrival time is recorded)
    GET  /control/stats                      {"pushed": {update_id: t}, "sent": {chat_id: [t, ...]}, "polling": bool}
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any
from urllib.parse import parse_qsl

ME = {"id": 123, "is_bot": True, "first_name": "carebot", "username": "carebot_bench_bot"}


class BotApi:
    def __init__(self) -> None:
        self.updates: list[dict[str, Any]] = []
        self.confirmed = 0
        self.arrived = asyncio.Event()
        self.pushed: dict[int, float] = {}
        self.sent: dict[str, list[float]] = {}
        self.next_message = 1000
        self.polling = False  # set by the first getUpdates: the bot is up

    def call(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return ME
        if method in ("sendMessage", "editMessageText", "sendDocument"):
            chat = str(params.get("chat_id"))
            self.sent.setdefault(chat, []).append(time.perf_counter())
            self.next_message += 1
            return {"message_id": self.next_message, "date": int(time.time()),
                    "chat": {"id": int(chat), "type": "private"}, "text": params.get("text", "")}
        return True  # setMyCommands, deleteWebhook, answerCallbackQuery, editMessageReplyMarkup...

    async def get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        self.polling = True
        offset = int(params.get("offset") or 0)
        if offset:
            self.confirmed = max(self.confirmed, offset - 1)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 1.0)
        limit = int(params.get("limit") or 100)
        while True:
            waiting = [u for u in self.updates if u["update_id"] > self.confirmed][:limit]
            if waiting or time.monotonic() >= deadline:
                self.updates = [u for u in self.updates if u["update_id"] > self.confirmed]
                return waiting
            self.arrived.clear()
            try:
                await asyncio.wait_for(self.arrived.wait(), deadline - time.monotonic())
            except asyncio.TimeoutError:
                pass

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                verb, path, _ = lines[0].split(" ", 2)
                headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
                body = await reader.readexactly(int(headers.get("content-length", 0)))
                result = await self.route(verb, path, headers.get("content-type", ""), body)
                payload = json.dumps(result).encode()
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                             + str(len(payload)).encode() + b"\r\n\r\n" + payload)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def route(self, verb: str, path: str, content_type: str, body: bytes) -> Any:
        if path == "/control/push":
            now = time.perf_counter()
            for update in json.loads(body)["updates"]:
                self.pushed[update["update_id"]] = now
                self.updates.append(update)
            self.arrived.set()
            return {"ok": True}
        if path == "/control/stats":
            return {"pushed": self.pushed, "sent": self.sent, "polling": self.polling}
        method = path.rsplit("/", 1)[-1]
        params: dict[str, Any] = {}
        if "json" in content_type and body:
            params = json.loads(body)
        elif body:
            params = dict(parse_qsl(body.decode()))
        if method == "getUpdates":
            return {"ok": True, "result": await self.get_updates(params)}
        return {"ok": True, "result": self.call(method, params)}


async def main(port: int) -> None:
    api = BotApi()
    server = await asyncio.start_server(api.serve, "127.0.0.1", port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
