"""End to end through Telegram's path: `carebot run` in its own process, polling
the fake Bot API over loopback, storage on (a WAL SQLite file), 100 people at once.

The bot runs as it would in production, in its own process; the fake Bot API
runs here, standing in for Telegram's servers. Telegram's own pace (about 30
messages a second) is switched off with the hidden --no-rate-limit flag,
which only works with --base-url: this measures carebot, not Telegram.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import median, percentile
from tests.fake_bot_api import FakeBotApi

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = 100
MESSAGES_EACH = 10
QUESTION = "can i stay at my foster carers wen im 18"
REPLIES_EACH = 2  # the answer, then "was this helpful?"


def once() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp, FakeBotApi() as api:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "CAREBOT_SECRET_FILE": f"{tmp}/secret"}
        bot = subprocess.Popen(
            [sys.executable, *os.environ.get("BENCH_BOT_CMD", "-c|from bot.cli import main; main()").split("|"), "run", "--db", f"{tmp}/bench.db",
             "--base-url", api.base_url, "--no-rate-limit"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            api.wait_for(lambda: api.calls_to("getUpdates"), timeout=30)
            people = list(range(10_000, 10_000 + PEOPLE))
            pushed: dict[int, list[float]] = {p: [] for p in people}
            started = time.perf_counter()
            for _ in range(MESSAGES_EACH):
                for person in people:
                    pushed[person].append(time.perf_counter())
                    api.send_text(person, QUESTION)
            api.wait_for(lambda: all(api.count_sent(p) >= MESSAGES_EACH * REPLIES_EACH for p in people), timeout=300)
            elapsed = time.perf_counter() - started
        finally:
            bot.terminate()
            bot.wait(timeout=30)
        latencies = []
        for person in people:
            sent = [c.at for c in api.sent_to(person)]
            latencies += [(sent[k * REPLIES_EACH] - at) * 1000 for k, at in enumerate(pushed[person])]
        return PEOPLE * MESSAGES_EACH / elapsed, percentile(latencies, 0.99)


def run(runs: int = 3) -> list[tuple[str, str, str]]:
    results = [once() for _ in range(runs)]
    rate = median([r[0] for r in results])
    p99 = median([r[1] for r in results])
    return [
        (f"Telegram path, {PEOPLE} people at once: updates handled", f"{rate:.0f} /s", ">= 500 /s on 2 cores"),
        ("Telegram path: p99 update to first reply", f"{p99:.0f} ms", f"{PEOPLE * MESSAGES_EACH} updates queued at once"),
    ]
