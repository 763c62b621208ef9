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

The two talk over one pipe, read by the event loop itself: no extra threads
in the main process to compete with it. If the worker dies (killed, out of
memory) or gets stuck, turns are decided in the main process again at once
and a new worker is started; nobody waits for it. If the main process dies, the
worker sees its pipe close and stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import multiprocessing
import signal
import traceback
from dataclasses import replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from bot.app import build_engine
from bot.config import LOG_FORMAT, Settings
from bot.engine import Engine
from bot.messages import Incoming, Result

log = logging.getLogger("carebot.worker")

# Loading the knowledge takes about half a second; this allows for a slow disk.
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
# A turn takes milliseconds; the board digest for a big council a few
# seconds. Past this the worker is stuck: it is stopped, and its turns are
# decided in the main process, so nobody waits for ever.
TURN_TIMEOUT = 60.0


class TurnWorker:
    """One process that runs Engine.respond for the main process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pid: int | None = None
        self._process: BaseProcess | None = None
        self._pipe: Connection | None = None
        self._reading = False
        self._waiting: dict[int, asyncio.Future[Result | None]] = {}
        self._numbers = itertools.count()
        self._restarting: asyncio.Task[None] | None = None
        self._closed = False

    @property
    def ready(self) -> bool:
        return self._pipe is not None

    def start(self) -> None:
        """Start the process and wait until its engine is loaded, so that no turn waits for it."""
        # spawn, not fork: the main process has threads and an open database by now.
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve, args=(theirs, self.settings, logging.getLogger().level), name="carebot-worker", daemon=True
        )
        process.start()
        theirs.close()  # only the worker holds its end: when it dies, we read EOF
        try:
            if not ours.poll(START_TIMEOUT):
                raise TimeoutError("the turn worker did not load in time")
            status = ours.recv()
            if status != "ready":
                raise RuntimeError(f"the turn worker failed to load: {status}")
        except BaseException:
            process.kill()
            ours.close()
            raise
        if self._closed:  # closed while this (re)start was under way
            ours.close()
            process.join(STOP_TIMEOUT)
            return
        self._process, self._pipe, self.pid = process, ours, process.pid

    async def respond(self, incoming: Incoming) -> Result | None:
        """The worker's Result for one turn, or None if it is not there (or dies meanwhile)."""
        pipe = self._pipe
        if pipe is None:
            return None
        loop = asyncio.get_running_loop()
        if not self._reading:
            loop.add_reader(pipe.fileno(), self._read_reply)
            self._reading = True
        number = next(self._numbers)
        future: asyncio.Future[Result | None] = loop.create_future()
        self._waiting[number] = future
        try:
            # A turn is a few hundred bytes; the pipe holds 64 KB, so this does not block.
            pipe.send((number, incoming))
        except OSError:
            self._gone()
        try:
            return await asyncio.wait_for(asyncio.shield(future), TURN_TIMEOUT)
        except asyncio.TimeoutError:
            log.error("a turn took over %.0f s in the turn worker: stopping it", TURN_TIMEOUT)
            if self._process is not None:
                self._process.kill()  # its pipe closes, and _gone settles this turn with None
            return await future

    def _read_reply(self) -> None:
        """Called by the event loop when the worker has written: settle that turn's future."""
        pipe = self._pipe
        if pipe is None:
            return
        try:
            number, result, error = pipe.recv()
        except (EOFError, OSError):
            self._gone()
            return
        future = self._waiting.pop(number, None)
        if future is None or future.done():
            return
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(RuntimeError(error))

    def _gone(self) -> None:
        """The worker stopped: every turn it held is decided here instead, and a new one starts."""
        pipe, self._pipe = self._pipe, None
        if pipe is None:
            return
        asyncio.get_running_loop().remove_reader(pipe.fileno())
        self._reading = False
        pipe.close()
        for future in self._waiting.values():
            if not future.done():
                future.set_result(None)
        self._waiting.clear()
        if self._closed:
            return
        log.error("the turn worker stopped; deciding turns here until a new one is up")
        self._restarting = asyncio.get_running_loop().create_task(self._restart(), name="carebot-worker-restart")

    async def _restart(self) -> None:
        if self._process is not None:
            await asyncio.to_thread(self._process.join, STOP_TIMEOUT)  # reap it
        try:
            await asyncio.to_thread(self.start)
            log.info("a new turn worker is up")
        except Exception as error:  # stay on the main process: the bot still answers
            log.error("the turn worker could not restart: %s", type(error).__name__)

    async def close(self) -> None:
        """Stop the worker once the turns it holds are answered."""
        self._closed = True
        if self._restarting is not None:
            self._restarting.cancel()
        pipe, process = self._pipe, self._process
        if pipe is not None:
            with contextlib.suppress(OSError):  # already gone: nothing to wait for
                pipe.send(None)  # after the turns already sent: it answers those first
            loop = asyncio.get_running_loop()
            deadline = loop.time() + STOP_TIMEOUT
            while self._pipe is not None and loop.time() < deadline:
                await asyncio.sleep(0.02)  # _read_reply settles them, then sees EOF
            if self._pipe is not None:
                self._gone()
        if process is not None:
            await asyncio.to_thread(process.join, STOP_TIMEOUT)
            if process.is_alive():
                process.kill()


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
    """Turns back on the engine's own thread; the worker stops after the turns it holds."""
    worker, engine.worker = engine.worker, None
    if worker is not None:
        await worker.close()


# In the worker process


def _serve(pipe: Connection, settings: Settings, log_level: int) -> None:
    """Load an engine, then answer turns in the order they come until told to stop or orphaned."""
    # Ctrl-C reaches the whole process group; the main process decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logging.basicConfig(level=log_level, format=LOG_FORMAT)
    try:
        engine = build_engine(settings)
    except Exception as error:
        pipe.send(type(error).__name__)
        return
    pipe.send("ready")
    while True:
        try:
            request = pipe.recv()
        except (EOFError, OSError):  # the main process is gone
            return
        if request is None:
            return
        number, incoming = request
        try:
            reply: tuple[int, Result | None, str | None] = (number, engine.respond(incoming), None)
        except Exception as error:
            # Where it failed, never what was said; the main process's error handler answers kindly.
            frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
            where = f"{Path(frame.filename).name}:{frame.lineno}" if frame else "unknown"
            log.error("turn failed: %s at %s", type(error).__name__, where)
            reply = (number, None, f"{type(error).__name__} at {where} in the turn worker")
        try:
            pipe.send(reply)
        except OSError:  # the main process is gone
            return
