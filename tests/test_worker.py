"""Turns decided in a second process (bot.worker), as `carebot run` does.

The real Application polls the fake Bot API; the engine's database is a file
shared with the worker. What people see must not change: the same replies,
in order, the same crisis alert, and an answer even when the worker dies.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bot import worker as worker_module
from bot.app import build_engine
from bot.config import Settings
from bot.engine import Engine
from bot.messages import Incoming
from knowledge.base import CouncilKnowledge
from storage.pseudonym import Pseudonymiser
from storage.store import Store
from tests.conftest import SECRET
from tests.fake_bot_api import FakeBotApi
from tests.test_telegram import (  # noqa: F401  (api and start_bot are fixtures)
    SAFEGUARDING,
    SAM,
    STAYING_PUT,
    StartBot,
    api,
    reference,
    replies_of,
    sent_replies,
    start_bot,
)


def file_settings(tmp_path: Path) -> dict[str, Path]:
    return {"db_path": tmp_path / "carebot.db", "secret_file": tmp_path / "secret"}


def start_with_worker(start_bot: StartBot, tmp_path: Path, **more: Any) -> Engine:
    settings = {**file_settings(tmp_path), **more}
    engine = build_engine(Settings(**settings))
    start_bot(engine, turn_worker=True, **settings)
    assert engine.worker is not None and engine.worker.pid != os.getpid()
    return engine


def test_the_worker_gives_the_same_replies_in_order_and_stores_them(
    api: FakeBotApi, start_bot: StartBot, tmp_path: Path, somerset: CouncilKnowledge
) -> None:
    engine = start_with_worker(start_bot, tmp_path)
    people = list(range(7000, 7020))
    said = ["/start", STAYING_PUT, "how do i get a advocate"]
    for text in said:
        for user_id in people:
            api.send_text(user_id, text)
    expected = {u: replies_of(reference(somerset, u, said)) for u in people}
    api.wait_for(lambda: all(api.count_sent(u) >= len(expected[u]) for u in people), timeout=20)
    api.settle()
    for user_id in people:
        assert sent_replies(api, user_id) == expected[user_id], user_id
    # Written by the worker, read by the main process: one database.
    assert engine.store.db["people"].count == len(people)


def test_an_officers_digest_comes_back_from_the_worker_as_files(api: FakeBotApi, start_bot: StartBot, tmp_path: Path) -> None:
    start_with_worker(start_bot, tmp_path, officers=(str(SAM),))
    api.send_text(SAM, "hi")
    api.send_text(SAM, "/digest")
    documents = api.wait_for(lambda: len(api.calls_to("sendDocument")) == 2 and api.calls_to("sendDocument"))
    names = sorted(call.files["document"][0] for call in documents)
    assert names[0].endswith(".csv") and names[1].endswith(".html")
    html = next(call.files["document"][1] for call in documents if call.files["document"][0].endswith(".html"))
    assert b"<html" in html and len(html) > 10_000


def test_a_crisis_decided_in_the_worker_alerts_the_team_and_is_counted(
    api: FakeBotApi, start_bot: StartBot, tmp_path: Path
) -> None:
    engine = start_with_worker(start_bot, tmp_path)
    api.send_text(SAM, "i want to die")
    alert = api.wait_for(lambda: api.texts_to(SAM) and api.texts_to(SAFEGUARDING))[0]
    assert "999" in api.texts_to(SAM)[0]
    assert "Kind: suicide" in alert and str(SAM) not in alert
    assert [row["kind"] for row in engine.store.db["safeguarding_events"].rows] == ["suicide"]


def test_when_the_worker_dies_people_are_still_answered_and_a_new_one_starts(
    api: FakeBotApi, start_bot: StartBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = start_with_worker(start_bot, tmp_path)
    worker = engine.worker
    assert worker is not None and worker.pid is not None
    first = worker.pid
    os.kill(first, signal.SIGKILL)

    api.send_text(SAM, STAYING_PUT)
    assert "Staying Put" in api.wait_for(lambda: api.texts_to(SAM))[0]
    assert "the turn worker stopped" in caplog.text
    api.wait_for(lambda: worker.ready and worker.pid != first, timeout=30)
    api.send_text(SAM, "i want to die")
    api.wait_for(lambda: len(api.texts_to(SAM)) == 2 and api.texts_to(SAFEGUARDING))
    assert "999" in api.texts_to(SAM)[1]


def test_a_stuck_worker_is_stopped_and_people_are_still_answered(
    api: FakeBotApi, start_bot: StartBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(worker_module, "TURN_TIMEOUT", 0.5)
    engine = start_with_worker(start_bot, tmp_path)
    worker = engine.worker
    assert worker is not None and worker.pid is not None
    stuck = worker.pid
    os.kill(stuck, signal.SIGSTOP)  # alive, but answering nothing

    api.send_text(SAM, STAYING_PUT)
    assert "Staying Put" in api.wait_for(lambda: api.texts_to(SAM))[0]
    api.wait_for(lambda: worker.ready and worker.pid != stuck, timeout=30)
    assert not running(str(stuck))


def test_an_engine_in_memory_runs_without_a_worker(
    api: FakeBotApi, start_bot: StartBot, somerset: CouncilKnowledge, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = Engine(somerset, Store(":memory:"), Pseudonymiser(SECRET))
    start_bot(engine, turn_worker=True, **file_settings(tmp_path))
    api.send_text(SAM, STAYING_PUT)
    assert "Staying Put" in api.wait_for(lambda: api.texts_to(SAM))[0]
    assert engine.worker is None
    assert "no turn worker" in caplog.text


def running(pid: str) -> bool:
    """Alive, not a zombie waiting to be reaped by whoever adopted it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_the_worker_does_not_outlive_a_killed_bot(api: FakeBotApi, tmp_path: Path) -> None:
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "CAREBOT_SECRET_FILE": str(tmp_path / "secret")}
    command = [sys.executable, "-c", "from bot.cli import main; main()", "run", "--db", str(tmp_path / "carebot.db"),
               "--base-url", api.base_url]
    bot = subprocess.Popen(command, env=env, cwd=Path(__file__).parents[1], stderr=subprocess.DEVNULL)
    try:
        api.wait_for(lambda: api.calls_to("getUpdates"), timeout=30)
        # Each thread's children are listed under it; the worker is started from a thread.
        children = [pid for task in Path(f"/proc/{bot.pid}/task").iterdir() for pid in (task / "children").read_text().split()]
        assert children, "carebot run started no worker"
        bot.kill()
        bot.wait()
        api.wait_for(lambda: not any(running(child) for child in children), timeout=10)
    finally:
        bot.kill()


async def test_the_event_loop_never_waits_on_a_worker_that_cannot_read(tmp_path: Path) -> None:
    settings = Settings(**file_settings(tmp_path))
    build_engine(settings).close()  # the database and the secret, as `carebot run` makes them
    worker = worker_module.TurnWorker(settings)
    await worker.start()
    assert worker.pid is not None
    os.kill(worker.pid, signal.SIGSTOP)  # busy: reads nothing for three seconds
    threading.Timer(3.0, os.kill, (worker.pid, signal.SIGCONT)).start()
    try:
        # Telegram's longest message, in emoji: 16 KB each, far more in all than a pipe holds.
        story = "money help 😢 " * 6 + "😢" * 4000
        turns = [asyncio.create_task(worker.respond(Incoming("telegram", str(n), str(n), text=story))) for n in range(100)]
        before = time.monotonic()
        await asyncio.sleep(0.05)  # every turn is handed over meanwhile
        assert time.monotonic() - before < 1.0, "the event loop waited for the worker"
        results = await asyncio.gather(*turns)
        assert all(result is not None and result.replies for result in results)
    finally:
        await worker.close()
