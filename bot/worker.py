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

The two talk over one socket pair: asyncio's own streams on the main side,
so there are no extra threads to compete with the event loop, and a write
never blocks it, however much is waiting. If the worker dies (killed, out of
memory) or gets stuck, turns are decided in the main process again at once
and a new worker is started; nobody waits for it. If the main process dies,
the worker sees its end close and stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import multiprocessing
import os
import pickle
import signal
import socket
import struct
from dataclasses import replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from bot.app import build_engine
from bot.config import LOG_FORMAT, Settings
from bot.engine import Engine
from bot.errors import where
from bot.messages import Incoming, Result

log = logging.getLogger("carebot.worker")

# Loading the knowledge takes about half a second; this allows for a slow disk.
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
# multiprocessing.Connection's framing, which the worker's end reads and writes.
HEADER = struct.Struct("!i")
LONG_HEADER = struct.Struct("!Q")
# A turn takes milliseconds; the board digest for a big council a few
# seconds. Past this the worker is stuck: it is stopped, and its turns are
# decided in the main process, so nobody waits for ever.
TURN_TIMEOUT = 60.0


class TurnWorker:
    """One process that runs Engine.respond for the main process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._process: BaseProcess | None = None
        self._socket: socket.socket | None = None  # started, not yet handed to the event loop
        self._writer: asyncio.StreamWriter | None = None
        self._reading: asyncio.Task[None] | None = None
        self._waiting: dict[int, asyncio.Future[Result | None]] = {}
        self._numbers = itertools.count()
        self._restarting: asyncio.Task[None] | None = None
        self._closed = False

    @property
    def ready(self) -> bool:
        return self._writer is not None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def start(self) -> None:
        """Start the process, wait until its engine is loaded (so no turn waits), and connect."""
        await asyncio.to_thread(self._spawn)
        if self._socket is None:
            return  # closed meanwhile
        reader, self._writer = await asyncio.open_connection(sock=self._socket)
        self._socket = None
        self._reading = asyncio.get_running_loop().create_task(self._read_replies(reader), name="carebot-worker-replies")

    def _spawn(self) -> None:
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
        # From here the event loop talks on this end, with asyncio's buffers:
        # a write never blocks it, however much is waiting for the worker.
        talk = socket.socket(fileno=os.dup(ours.fileno()))
        ours.close()
        if self._closed:  # closed while this (re)start was under way
            talk.close()
            process.join(STOP_TIMEOUT)
            return
        self._process, self._socket = process, talk

    async def respond(self, incoming: Incoming) -> Result | None:
        """The worker's Result for one turn, or None if it is not there (or dies meanwhile)."""
        writer = self._writer
        if writer is None or writer.is_closing():
            return None
        number = next(self._numbers)
        future: asyncio.Future[Result | None] = asyncio.get_running_loop().create_future()
        self._waiting[number] = future
        writer.write(_frame((number, incoming)))
        try:
            return await asyncio.wait_for(asyncio.shield(future), TURN_TIMEOUT)
        except asyncio.TimeoutError:
            log.error("a turn took over %.0f s in the turn worker: stopping it", TURN_TIMEOUT)
            if self._process is not None:
                self._process.kill()  # its socket closes, and _gone settles this turn with None
            return await future

    async def _read_replies(self, reader: asyncio.StreamReader) -> None:
        """Settle each turn's future as the worker answers; when it stops, hand its turns back."""
        try:
            while True:
                (size,) = HEADER.unpack(await reader.readexactly(HEADER.size))
                if size == -1:  # multiprocessing's mark for a message over 2 GB
                    (size,) = LONG_HEADER.unpack(await reader.readexactly(LONG_HEADER.size))
                number, result, error = pickle.loads(await reader.readexactly(size))
                future = self._waiting.pop(number, None)
                if future is None or future.done():
                    continue
                if error is None:
                    future.set_result(result)
                else:
                    future.set_exception(RuntimeError(error))
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self._gone()

    def _gone(self) -> None:
        """The worker stopped: every turn it held is decided here instead, and a new one starts."""
        writer, self._writer = self._writer, None
        if writer is None:
            return
        writer.close()
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
            await self.start()
            log.info("a new turn worker is up")
        except Exception as error:  # stay on the main process: the bot still answers
            log.error("the turn worker could not restart: %s", type(error).__name__)

    async def close(self) -> None:
        """Stop the worker once the turns it holds are answered."""
        self._closed = True
        if self._restarting is not None:
            self._restarting.cancel()
        if self._writer is not None and not self._writer.is_closing():
            self._writer.write(_frame(None))  # after the turns already sent: it answers those first
        if self._reading is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._reading), STOP_TIMEOUT)
        self._gone()
        process = self._process
        if process is not None:
            await asyncio.to_thread(process.join, STOP_TIMEOUT)
            if process.is_alive():
                process.kill()


def _frame(message: object) -> bytes:
    """A message as multiprocessing's Connection.recv() in the worker reads it: length, then pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


async def attach_worker(engine: Engine, settings: Settings) -> TurnWorker | None:
    """Start a worker for the engine's turns; None (and the reason logged) if it cannot have one.

    Without a worker the bot answers just the same, on one core.
    """
    if Path(engine.store.path) != Path(settings.db_path):
        log.warning("no turn worker: the engine's database is not the settings' database file")
        return None
    worker = TurnWorker(replace(settings, bot_username=engine.bot_username))
    try:
        await worker.start()
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
            failed = f"{type(error).__name__} at {where(error)}"
            log.error("turn failed: %s", failed)
            reply = (number, None, f"{failed} in the turn worker")
        try:
            pipe.send(reply)
        except OSError:  # the main process is gone
            return
