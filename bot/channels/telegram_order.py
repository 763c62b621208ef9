"""Per-chat order for python-telegram-bot's concurrent updates.

With concurrent_updates, the Application runs every update as its own task.
The engine keeps each person's turns in order, but a Telegram handler also
awaits Telegram before and after the engine (answering a button, sending the
replies), and two updates from one chat must not overtake each other there
either: the second message's answer would arrive before the first's.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class OneChatAtATime(BaseUpdateProcessor):
    """Different chats concurrently; each chat's updates one at a time, in arrival order.

    The Application calls process_update in arrival order, each as the first
    step of a new task, so a place in the chat's queue is taken before the
    first await. Waiting happens before the semaphore, so a busy chat holds
    no slot that other people need.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._last: dict[int, asyncio.Future[None]] = {}

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await super().process_update(update, coroutine)
            return
        previous = self._last.get(key)
        mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._last[key] = mine
        started = False
        try:
            if previous is not None:
                await asyncio.shield(previous)  # shielded: our cancellation must not cancel theirs
            started = True
            await super().process_update(update, coroutine)
        finally:
            if not started and inspect.iscoroutine(coroutine):
                coroutine.close()  # cancelled while queued (shutdown)
            mine.set_result(None)
            if self._last.get(key) is mine:
                del self._last[key]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def _chat_key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
