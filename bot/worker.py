"""Turns decided in a second process, so that a bot on two cores uses both.

Under load the Telegram process is busy with python-telegram-bot and HTTP.
Deciding a reply (matching, storage) used to run on a thread of that same
process: one interpreter lock for both, and each turn ran about twice as
slowly as on its own, because the two kept pushing each other's data out of
the CPU caches (benchmarks/README.md). In its own process the engine keeps
its cache and gets the second core.

The worker builds its own engine from the same Settings: the same knowledge,
database file and pseudonym secret, so it answers exactly as the engine in
the main process would. The main process still keeps each person's turns in
order (Engine.handle), and owns the outbox, retention and the flood check.

If the worker dies (killed, out of memory), turns are decided in the main
process again at once, and a new worker is started: nobody waits for it.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from bot.app import build_engine
from bot.config import LOG_FORMAT, Settings
from bot.engine import Engine
from bot.messages import Incoming, Result

log = logging.getLogger("carebot.worker")

# Loading the knowledge takes about half a second; this allows for a slow disk.
START_TIMEOUT = 60.0
PARENT_CHECK_SECONDS = 0.5

_engine: Engine | None = None  # in the worker process only


class TurnWorker:
    """One process that runs Engine.respond for the main process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pool: ProcessPoolExecutor | None = None
        self._restarting: asyncio.Task[None] | None = None
        self._closed = False
        self.pid: int | None = None

    @property
    def ready(self) -> bool:
        return self._pool is not None

    def start(self) -> None:
        """Start the process and wait until its engine is loaded, so that no turn waits for it."""
        # spawn, not fork: the main process has threads and an open database by now.
        pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_engine,
            initargs=(self.settings, os.getpid(), logging.getLogger().level),
        )
        try:
            self.pid = pool.submit(_worker_pid).result(timeout=START_TIMEOUT)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        if self._closed:  # closed while this (re)start was under way
            pool.shutdown(wait=True)
            return
        self._pool = pool

    async def respond(self, incoming: Incoming) -> Result:
        """The worker's Result for one turn; BrokenProcessPool if the process has died."""
        if self._pool is None:
            raise RuntimeError("the turn worker is not running")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, _respond, incoming)

    def broke(self) -> None:
        """The process died: stop using it, and start a new one in the background."""
        if self._pool is None:
            return  # another turn noticed first
        log.error("the turn worker stopped; deciding turns here until a new one is up")
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self._restarting = asyncio.get_running_loop().create_task(self._restart(), name="carebot-worker-restart")

    async def _restart(self) -> None:
        try:
            await asyncio.to_thread(self.start)
            log.info("a new turn worker is up")
        except Exception as error:  # stay on the main process; the bot still answers
            log.error("the turn worker could not restart: %s", type(error).__name__)

    def close(self) -> None:
        """Stop the process once its current turn is done."""
        self._closed = True
        if self._restarting is not None:
            self._restarting.cancel()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


async def attach_worker(engine: Engine, settings: Settings) -> TurnWorker | None:
    """Start a worker for the engine's turns; None (and the reason logged) if it cannot have one.

    Without a worker the bot answers just the same, on one core.
    """
    if Path(engine.store.path) != Path(settings.db_path):
        log.warning("no turn worker: the engine's database is not the settings' database file")
        return None
    worker = TurnWorker(replace(settings, bot_username=engine.bot_username))
    try:
        await asyncio.to_thread(worker.start)
    except Exception as error:
        log.error("no turn worker (%s): deciding turns in this process", type(error).__name__)
        return None
    engine.worker = worker
    return worker


async def detach_worker(engine: Engine) -> None:
    """Turns back on the engine's own thread; the worker stops after its current turn."""
    worker, engine.worker = engine.worker, None
    if worker is not None:
        await asyncio.to_thread(worker.close)


# In the worker process


def _load_engine(settings: Settings, parent: int, log_level: int) -> None:
    global _engine
    # Ctrl-C reaches the whole process group; the main process decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=log_level, format=LOG_FORMAT)
    threading.Thread(target=_exit_with, args=(parent,), name="carebot-worker-watch", daemon=True).start()
    _engine = build_engine(settings)


def _exit_with(parent: int) -> None:
    """Stop when the main process is gone, even killed outright: an orphan would hold the database."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _worker_pid() -> int:
    return os.getpid()


def _respond(incoming: Incoming) -> Result:
    if _engine is None:
        raise RuntimeError("the turn worker has no engine")
    return _engine.respond(incoming)
