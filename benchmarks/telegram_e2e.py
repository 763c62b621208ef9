"""End to end through Telegram's path: the real Application polling the fake
Bot API over loopback, storage on (a WAL SQLite file), 100 people at once.

Telegram's own rate limits (about 30 messages a second) are switched off
here, as in the tests: this measures carebot, not Telegram.
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time
from pathlib import Path

from telegram.ext import AIORateLimiter

from benchmarks.timing import median, percentile
from bot.channels import telegram
from bot.config import Settings
from bot.engine import Engine
from knowledge.base import CouncilKnowledge, load
from storage.pseudonym import Pseudonymiser
from storage.store import Store
from tests.fake_bot_api import FakeBotApi

PEOPLE = 100
MESSAGES_EACH = 10
QUESTION = "can i stay at my foster carers wen im 18"  # two replies: the answer, then "was this helpful?"
REPLIES_EACH = 2


def once(knowledge: CouncilKnowledge) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp, FakeBotApi() as api:
        engine = Engine(knowledge, Store(Path(tmp) / "bench.db"), Pseudonymiser(b"b" * 32))
        settings = Settings(telegram_token=api.token)
        application = telegram.build_application(
            engine, settings, base_url=api.base_url, rate_limiter=AIORateLimiter(overall_max_rate=0, group_max_rate=0)
        )
        loop = asyncio.new_event_loop()

        def serve() -> None:
            asyncio.set_event_loop(loop)
            application.run_polling(allowed_updates=telegram.ALLOWED_UPDATES, stop_signals=None, close_loop=False)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        api.wait_for(lambda: api.calls_to("getUpdates"))
        people = list(range(10_000, 10_000 + PEOPLE))
        pushed: dict[int, list[float]] = {p: [] for p in people}
        started = time.perf_counter()
        for _ in range(MESSAGES_EACH):
            for person in people:
                pushed[person].append(time.perf_counter())
                api.send_text(person, QUESTION)
        api.wait_for(lambda: all(api.count_sent(p) >= MESSAGES_EACH * REPLIES_EACH for p in people), timeout=120)
        elapsed = time.perf_counter() - started
        latencies = []
        for person in people:
            sent = [c.at for c in api.sent_to(person)]
            for k, at in enumerate(pushed[person]):
                latencies.append((sent[k * REPLIES_EACH] - at) * 1000)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        engine.close()
        return PEOPLE * MESSAGES_EACH / elapsed, percentile(latencies, 0.99)


def run(runs: int = 3) -> list[tuple[str, str, str]]:
    knowledge = CouncilKnowledge(load(), "somerset")
    results = [once(knowledge) for _ in range(runs)]
    rate = median([r[0] for r in results])
    p99 = median([r[1] for r in results])
    return [
        (f"Telegram path, {PEOPLE} people at once: updates handled", f"{rate:.0f} /s", ">= 500 /s on 2 cores"),
        ("Telegram path: p99 update to first reply", f"{p99:.0f} ms", "all updates queued at once"),
    ]
