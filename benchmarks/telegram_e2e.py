"""End to end through Telegram's path: `carebot run` in its own process, polling
a Bot API stand-in (benchmarks/bot_api_server.py) in another, over loopback,
with storage on (a WAL SQLite file) and 100 people writing at once.

Telegram's own pace (about 30 messages a second) is switched off with the
hidden --no-rate-limit flag, which only works with --base-url: this measures
carebot, not Telegram.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.timing import median, percentile

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123:BENCH"
PEOPLE = 100
MESSAGES_EACH = 10
QUESTION = "can i stay at my foster carers wen im 18"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def update(update_id: int, person: int) -> dict:
    user = {"id": person, "is_bot": False, "first_name": "Sam"}
    message = {"message_id": update_id, "date": int(time.time()), "chat": {"id": person, "type": "private"},
               "from": user, "text": QUESTION}
    return {"update_id": update_id, "message": message}


def push_and_wait(client: httpx.Client, control: str, updates: list[dict], total: int) -> dict:
    """Queue updates at the Bot API and wait until `total` messages have been sent in all."""
    client.post(f"{control}/push", json={"updates": updates})
    deadline = time.monotonic() + 300
    while True:
        stats = client.get(f"{control}/stats").json()
        if sum(len(t) for t in stats["sent"].values()) >= total:
            return stats
        if time.monotonic() > deadline:
            raise RuntimeError("the bot stopped answering")
        time.sleep(0.1)


def once() -> tuple[float, float]:
    port = free_port()
    control = f"http://127.0.0.1:{port}/control"
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen([sys.executable, "-m", "benchmarks.bot_api_server", str(port)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert server.stdout is not None
        server.stdout.readline()  # "ready"
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "CAREBOT_SECRET_FILE": f"{tmp}/secret"}
        bot = subprocess.Popen(
            [sys.executable, "-c", "from bot.cli import main; main()", "run", "--db", f"{tmp}/bench.db",
             "--base-url", f"http://127.0.0.1:{port}/bot", "--no-rate-limit"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            with httpx.Client(timeout=60) as client:
                started = time.monotonic()
                while not client.get(f"{control}/stats").json()["polling"]:  # the bot is up
                    if bot.poll() is not None or time.monotonic() - started > 60:
                        raise RuntimeError("the bot did not start polling")
                    time.sleep(0.1)
                # Warm up with 100 other people first, as a bot that has been up a while would be.
                warm = [update(1 + n, 20_000 + n) for n in range(PEOPLE)]
                push_and_wait(client, control, warm, len(warm))
                people = list(range(10_000, 10_000 + PEOPLE))
                updates = [update(len(warm) + 1 + n, people[n % PEOPLE]) for n in range(PEOPLE * MESSAGES_EACH)]
                stats = push_and_wait(client, control, updates, len(warm) + len(updates))
        finally:
            bot.terminate()
            server.terminate()
            bot.wait(timeout=30)
            server.wait(timeout=30)
    measured = {u["update_id"]: u["message"]["chat"]["id"] for u in updates}
    pushed = {int(k): v for k, v in stats["pushed"].items() if int(k) in measured}
    first_push = min(pushed.values())
    last_sent = max(max(stats["sent"][str(person)]) for person in people)
    latencies = []
    for person in people:
        mine = sorted(t for uid, t in pushed.items() if measured[uid] == person)
        sent = stats["sent"][str(person)]
        latencies += [(s - p) * 1000 for s, p in zip(sent, mine)]
    return len(updates) / (last_sent - first_push), percentile(latencies, 0.99)


def run(runs: int = 3) -> list[tuple[str, str, str]]:
    results = [once() for _ in range(runs)]
    return [
        (f"Telegram path, {PEOPLE} people at once: updates handled", f"{median([r[0] for r in results]):.0f} /s",
         ">= 500 /s on 2 cores"),
        ("Telegram path: p99 update to reply", f"{median([r[1] for r in results]):.0f} ms",
         f"{PEOPLE * MESSAGES_EACH} updates arriving at once"),
    ]
