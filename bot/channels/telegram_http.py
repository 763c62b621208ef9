"""How carebot talks to the Bot API: aiohttp under python-telegram-bot, a lean sendMessage,
and library logs kept free of texts, ids and the token.

python-telegram-bot sends through httpx by default. Profiling the bot under
load (benchmarks/README.md) showed httpx and httpcore taking about half of
the event loop's time: httpcore checks every pooled connection with a system
call on each request, and parses HTTP in pure Python. aiohttp parses in C
and keeps its pool cheaply. Everything above the wire (the Bot API methods,
error classes, the rate limiter) is still python-telegram-bot's own.
"""

from __future__ import annotations

import asyncio
import json
import logging
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.ext import ExtBot
from telegram.request import BaseRequest, RequestData

# python-telegram-bot's own defaults for HTTPXRequest, kept so behaviour does not change.
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0
POOL_TIMEOUT = 1.0
MEDIA_WRITE_TIMEOUT = 20.0  # a digest file takes longer to send than a message
JSON_BODY = {"Content-Type": "application/json"}
DEFAULT_BASE_URL = "https://api.telegram.org/bot"


def quiet_library_logs() -> None:
    """Keep message text, Telegram ids and the token out of the logs at any level.

    python-telegram-bot logs every API call's parameters at DEBUG (texts,
    chat ids); request URLs carry the token; the webhook server logs every
    request path.
    """
    logging.getLogger("telegram").setLevel(logging.INFO)
    logging.getLogger("aiohttp").setLevel(logging.WARNING)
    logging.getLogger("tornado.access").setLevel(logging.WARNING)  # webhook request paths


class AiohttpRequest(BaseRequest):
    """One aiohttp session with a bounded pool of kept-alive connections."""

    def __init__(self, connection_pool_size: int = 1) -> None:
        self._pool_size = connection_pool_size
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return READ_TIMEOUT

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data is not None else None
        body: aiohttp.FormData | bytes | None = None
        headers: dict[str, str] | None = None
        if request_data is not None and files:
            body = aiohttp.FormData(request_data.json_parameters)
            for field, (filename, content, mimetype) in files.items():
                body.add_field(field, content, filename=filename, content_type=mimetype)
        elif request_data is not None:
            # A JSON body: one dumps, where a form would percent-encode the text byte by byte.
            body, headers = json.dumps(request_data.parameters).encode(), JSON_BODY
        timeout = _timeout(
            _given(read_timeout, READ_TIMEOUT),
            _given(write_timeout, MEDIA_WRITE_TIMEOUT if files else WRITE_TIMEOUT),
            _given(connect_timeout, CONNECT_TIMEOUT),
            _given(pool_timeout, POOL_TIMEOUT),
        )
        try:
            async with self._session.request(
                method, url, data=body, headers=headers, timeout=timeout, proxy=self._proxy_for(url)
            ) as response:
                return response.status, await response.read()
        except asyncio.TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


    def _proxy_for(self, url: str) -> str | None:
        """HTTPS_PROXY and NO_PROXY, as httpx honoured them: council networks often need a proxy.

        Looked up once per host. aiohttp's own trust_env does it on every
        request, on a thread, which cost a third of the throughput.
        """
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname or "")
        if key not in self._proxies:
            bypass = bool(key[1]) and urllib.request.proxy_bypass(key[1])
            self._proxies[key] = None if bypass else urllib.request.getproxies().get(key[0])
        return self._proxies[key]


class CarebotBot(ExtBot[Any]):
    """python-telegram-bot's bot with one extra: sending text without reading Telegram's copy back.

    send_message builds a full Message object from every answer Telegram
    gives, which costs more than deciding the reply. carebot never reads that
    copy, so send_text skips it; errors, retries and the rate limiter are the
    same as send_message's, because both go through _post.
    """

    async def send_text(self, chat_id: int | str, text: str, reply_markup: dict[str, Any] | None = None) -> None:
        data: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if reply_markup is not None:
            data["reply_markup"] = reply_markup
        await self._post("sendMessage", data)


def _given(value: ODVInput[float], default: float) -> float | None:
    """The timeout a caller gave (None meaning no limit), else ours."""
    return default if isinstance(value, DefaultValue) else value


def _timeout(read: float | None, write: float | None, connect: float | None, pool: float | None) -> aiohttp.ClientTimeout:
    """aiohttp's timeouts from Telegram's four. aiohttp has no write timeout, so the total bounds it."""
    to_connect = None if connect is None or pool is None else connect + pool
    whole = None if read is None or write is None or to_connect is None else read + write + to_connect
    return aiohttp.ClientTimeout(total=whole, connect=to_connect, sock_read=read)
