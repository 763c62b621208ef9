"""The web channel: one page and a small JSON API over the same engine (channel "web").

Usage:

    carebot web --council somerset --host 127.0.0.1 --port 8080

The API, which the page and other tools use:

    POST /api/messages  {"text": "..."} or {"button": "PAYLOAD"}
        -> {"replies": [{"text": "...", "buttons": [{"label": "...", "payload": "..."}]}]}
    GET  /healthz       -> {"ok": true}, or 503 {"ok": false} when the database does not answer

The first message sets a session cookie; the random token in it is the
person's user_id, so the engine keys them by HMAC of "web:TOKEN" like every
other channel. Telegram's terms keep under-16s off Telegram; this channel is
for them (docs/web.md). The defences (sessions, origins, rate limits,
headers) live in bot.channels.web_guard.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from importlib import resources
from typing import Any

from aiohttp import web

from bot import wording
from bot.channels.web_alerts import AlertSink, telegram_alert_sink
from bot.channels.web_guard import (
    COOKIE,
    RateLimits,
    Sessions,
    SlidingWindow,
    client_address,
    content_security_policy,
    cors_headers,
    forwarded_https,
    normal_origin,
    origin_allowed,
    security_headers,
)
from bot.config import Settings
from bot.engine import Engine
from bot.errors import where
from bot.messages import MAX_BUTTON_DATA, Alert, Incoming, Notification, Result
from storage import voice

log = logging.getLogger("carebot.web")

CHANNEL = "web"
MAX_BODY = 16 * 1024
MAX_WEB_TEXT = 4000  # under Telegram's 4,096, so a message means the same on every channel
ALERT_WAIT = 3.0  # seconds a reply waits for its alert to go; after that the alert carries on alone
HEALTH_TIMEOUT = 2.0
PURGE_EVERY = 24 * 60 * 60.0
LOOPBACK = ("127.0.0.1", "::1")

# What the channel says itself, when the engine never sees the message. Plain, short, kind.
BAD_JSON = "Sorry, I couldn't read that. Please type your message again."
ONE_THING = "Please type a message or press a button."
NOT_WORDS = "Sorry, I can only read words. Please type your message again."
UNKNOWN_BUTTON = "Sorry, I don't know that button. Type your question instead."
TOO_BIG = "That message is too long for me. Please send a shorter one." + wording.SAFETY_LINE
WRONG_ORIGIN = "This chat only works from its own page."
SLOW_DOWN = (
    "Slow down a little, please. That's a lot of messages very fast. Wait a few seconds, then try again."
    + wording.SAFETY_LINE
)
NOT_FOUND = "There's nothing here. The chat is on the home page."
NOT_ALLOWED = "That doesn't work here."
KIND_STATUS = {404: NOT_FOUND, 405: NOT_ALLOWED, 413: TOO_BIG}


def kind_json(status: int, text: str) -> web.Response:
    """An error the page can show like any reply: a short message, no buttons, nothing technical."""
    return web.json_response({"error": text, "replies": [{"text": text, "buttons": []}]}, status=status)


def replies_json(result: Result) -> dict[str, Any]:
    """Replies as the API shapes them. A document (only officers get those) has no place on the web."""
    return {"replies": [
        {"text": reply.text, "buttons": [{"label": b.label, "payload": b.payload} for b in reply.buttons]}
        for reply in result.replies
    ]}


def _no_lone_surrogates(text: str) -> str:
    """JSON can carry half an emoji ("\\ud83d"); SQLite cannot store it, so it becomes "?"."""
    return text.encode("utf-8", "replace").decode("utf-8")


def read_page(council_name: str) -> str:
    page = resources.files(__package__).joinpath("web_page.html").read_text(encoding="utf-8")
    return page.replace("{{council}}", html.escape(council_name))


@web.middleware
async def kind_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Every failure becomes a short, kind JSON answer; the log gets the error's type and place, never the words."""
    try:
        return await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        response = kind_json(error.status, KIND_STATUS.get(error.status, NOT_ALLOWED))
        if "Allow" in error.headers:
            response.headers["Allow"] = error.headers["Allow"]
        return response
    except asyncio.CancelledError:
        raise
    except Exception as error:
        log.error("web request failed: %s at %s", type(error).__name__, where(error))
        return kind_json(500, wording.ERROR)


class WebChannel:
    """Handlers that check, convert and answer; the engine decides every word."""

    def __init__(
        self,
        engine: Engine,
        *,
        allowed_origins: tuple[str, ...],
        secure_cookie: bool | None,
        alert_sink: AlertSink | None,
        limits: RateLimits,
        trusted_proxies: tuple[str, ...],
    ) -> None:
        self.engine = engine
        self.page = read_page(engine.knowledge.name)
        self.csp = content_security_policy(self.page)
        self.allowed_origins = frozenset(normal_origin(o) for o in allowed_origins)
        self.secure_cookie = secure_cookie
        self.alert_sink = alert_sink
        self.trusted_proxies = frozenset(trusted_proxies)
        self.sessions = Sessions(engine.pseudonymiser)
        self.per_session = SlidingWindow(limits.per_session, limits.seconds)
        self.per_address = SlidingWindow(limits.per_address, limits.seconds)
        self.new_sessions = SlidingWindow(limits.new_sessions, limits.new_session_seconds)
        # Alert deliveries still running; kept so they are not garbage-collected, and awaited at shutdown.
        self._alerts: set[asyncio.Task[None]] = set()

    # Routes

    async def show_page(self, request: web.Request) -> web.Response:
        return web.Response(text=self.page, content_type="text/html", charset="utf-8")

    async def health(self, request: web.Request) -> web.Response:
        """200 when the database answers SELECT 1; 503 (and no detail) when it does not."""
        try:
            await asyncio.wait_for(asyncio.to_thread(self.engine.store.rows, "SELECT 1"), HEALTH_TIMEOUT)
        except Exception as error:
            log.warning("health check failed: %s", type(error).__name__)
            return web.json_response({"ok": False}, status=503)
        return web.json_response({"ok": True})

    async def post_message(self, request: web.Request) -> web.Response:
        """Check, then one turn of the engine; cookies are set only once a message is really answered."""
        if not origin_allowed(request.headers.get("Origin"), request.host, self.allowed_origins):
            return kind_json(403, WRONG_ORIGIN)
        token = self.sessions.token_of(request.cookies.get(COOKIE))
        address = client_address(request.remote, request.headers.get("X-Forwarded-For"), self.trusted_proxies)
        if not self._admit(address, token):
            slowed = kind_json(429, SLOW_DOWN)
            slowed.headers["Retry-After"] = str(max(1, round(self.per_session.seconds)))
            return slowed
        what = await self._read(request)
        if isinstance(what, web.Response):
            return what
        cookie = None
        if token is None:  # new, expired with the browser, or forged: a fresh person, never someone else
            token, cookie = self.sessions.new()
            self.per_session.record(token)  # its first message counts towards its own limit too
        # Shielded: if the browser goes away mid-turn, the turn and its alert still finish.
        result = await asyncio.shield(self._turn(Incoming(CHANNEL, token, token, **what)))
        response = web.json_response(replies_json(result))
        if any(reply.text == wording.ERASE_DONE for reply in result.replies):
            # Forgotten: a new token too, so nothing links what they do next to what was deleted.
            token, cookie = self.sessions.new()
        if cookie is not None:
            response.set_cookie(
                COOKIE, cookie, httponly=True, samesite="Strict", secure=self._https(request), path="/"
            )
        return response

    async def preflight(self, request: web.Request) -> web.Response:
        """The browser's check before a listed origin's page posts JSON; every other origin is refused."""
        if not self._cors(request):
            return kind_json(403, WRONG_ORIGIN)
        return web.Response(status=204)  # harden() adds the CORS headers

    # Steps

    def _cors(self, request: web.Request) -> dict[str, str]:
        origin = request.headers.get("Origin")
        if origin is None or normal_origin(origin) not in self.allowed_origins:
            return {}
        return cors_headers(origin)

    def _admit(self, address: str, token: str | None) -> bool:
        """Under every limit that applies; only admitted messages are counted."""
        windows = [(self.per_address, address)]
        windows.append((self.per_session, token) if token else (self.new_sessions, address))
        if not all(window.allows(key) for window, key in windows):
            return False
        for window, key in windows:
            window.record(key)
        return True

    async def _read(self, request: web.Request) -> dict[str, str] | web.Response:
        """{"text": ...} or {"button": ...} from the body, or a kind 4xx."""
        if request.content_length is not None and request.content_length > MAX_BODY:
            return kind_json(413, TOO_BIG)
        try:
            body = await request.read()  # client_max_size stops a body with no length at MAX_BODY
        except web.HTTPRequestEntityTooLarge:
            return kind_json(413, TOO_BIG)
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):  # bad JSON, bad UTF-8, or nesting deep enough to hurt
            return kind_json(400, BAD_JSON)
        if not isinstance(data, dict):
            return kind_json(400, BAD_JSON)
        text, button = data.get("text"), data.get("button")
        if (text is None) == (button is None):
            return kind_json(400, ONE_THING)
        if not isinstance(text if button is None else button, str):
            return kind_json(400, NOT_WORDS)
        if isinstance(button, str):
            if len(button.encode("utf-8", "surrogatepass")) > MAX_BUTTON_DATA:  # longer than any button carebot makes
                return kind_json(400, UNKNOWN_BUTTON)
            return {"button": _no_lone_surrogates(button)}
        # Cut, not refused: a long story still reaches the safety screen.
        return {"text": _no_lone_surrogates(str(text)[:MAX_WEB_TEXT])}

    async def _turn(self, incoming: Incoming) -> Result:
        result = await self.engine.handle(incoming)
        if result.alerts:
            await self._raise_alerts(result.alerts)
        if result.notifications:
            await self._keep(result.notifications)
        return result

    async def _raise_alerts(self, alerts: list[Alert]) -> None:
        if self.alert_sink is None:
            log.warning("crisis alert not sent: no safeguarding sink for the web channel")
            return
        task = asyncio.create_task(self._deliver(alerts), name="carebot-web-alert")
        self._alerts.add(task)
        task.add_done_callback(self._alerts.discard)
        # Usually sent at once; a slow safeguarding chat must not hold back the crisis reply.
        await asyncio.wait({task}, timeout=ALERT_WAIT)

    async def _deliver(self, alerts: list[Alert]) -> None:
        assert self.alert_sink is not None
        for alert in alerts:
            try:
                await self.alert_sink(alert)
            except Exception as error:  # one failed alert must not stop the next, nor the reply
                log.error("safeguarding alert failed: %s at %s", type(error).__name__, where(error))

    async def _keep(self, notifications: list[Notification]) -> None:
        """Messages for other people wait in the outbox: Telegram's outbox loop or their own next turn delivers them."""
        try:
            await asyncio.to_thread(self._queue, notifications)
        except Exception as error:
            log.error("notifications not kept: %s at %s", type(error).__name__, where(error))

    def _queue(self, notifications: list[Notification]) -> None:
        store = self.engine.store
        for notification in notifications:
            if store.person(notification.person) is None:
                continue  # erased since: nothing of theirs is kept
            buttons = [(b.label, b.payload) for b in notification.reply.buttons]
            voice.queue_message(store, notification.person, notification.reply.text, buttons)

    def _https(self, request: web.Request) -> bool:
        if self.secure_cookie is not None:
            return self.secure_cookie
        return request.secure or forwarded_https(request.headers)

    async def harden(self, request: web.Request, response: web.StreamResponse) -> None:
        """The same strict headers on every response, errors included; CORS only for a listed origin."""
        response.headers.update(security_headers(self.csp, self._https(request)))
        response.headers.update(self._cors(request))
        response.headers["Server"] = "carebot"  # not which server and version, for anyone probing

    async def drain(self, app: web.Application) -> None:
        """At shutdown, let alerts still on their way finish."""
        if self._alerts:
            await asyncio.wait(set(self._alerts), timeout=ALERT_WAIT * 3)


WEB_CHANNEL = web.AppKey("carebot_web_channel", WebChannel)


def build_web_app(
    engine: Engine,
    *,
    allowed_origins: tuple[str, ...] = (),
    secure_cookie: bool | None = None,
    alert_sink: AlertSink | None = None,
    limits: RateLimits = RateLimits(),
    trusted_proxies: tuple[str, ...] = LOOPBACK,
) -> web.Application:
    """The page, the API and the health check for one engine.

    allowed_origins: other origins whose pages may post (besides the page's own host).
    secure_cookie: None marks the cookie Secure when the request came over HTTPS
    (directly or as X-Forwarded-Proto says); True or False forces it.
    trusted_proxies: addresses whose X-Forwarded-For names the browser, for the per-address limit.
    """
    if alert_sink is None:
        log.warning("web channel has no safeguarding sink: crisis alerts will not be sent")
    channel = WebChannel(
        engine,
        allowed_origins=allowed_origins,
        secure_cookie=secure_cookie,
        alert_sink=alert_sink,
        limits=limits,
        trusted_proxies=trusted_proxies,
    )
    app = web.Application(client_max_size=MAX_BODY, middlewares=[kind_errors])
    app[WEB_CHANNEL] = channel
    app.router.add_get("/", channel.show_page)
    app.router.add_post("/api/messages", channel.post_message)
    app.router.add_route("OPTIONS", "/api/messages", channel.preflight)
    app.router.add_get("/healthz", channel.health)
    app.on_response_prepare.append(channel.harden)
    app.on_cleanup.append(channel.drain)
    return app


def _daily_purge(engine: Engine, view_text_days: int) -> Callable[[web.Application], AsyncIterator[None]]:
    """Retention while the web chat is up, as `carebot run` does it: at start, then every day."""

    async def loop() -> None:
        while True:
            try:
                done = await engine.purge(view_text_days)
                log.info("retention: %d unanswered, %d view texts deleted", done.unanswered, done.view_texts)
            except Exception as error:
                log.error("retention failed: %s at %s", type(error).__name__, where(error))
            await asyncio.sleep(PURGE_EVERY)

    async def context(app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(loop(), name="carebot-web-retention")
        yield
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    return context


def web_app_for(
    settings: Settings, engine: Engine, *, allowed_origins: tuple[str, ...] = (), alert_sink: AlertSink | None = None
) -> web.Application:
    """The app as `carebot web` serves it: alerts to the Telegram safeguarding chat when set, daily retention."""
    sink = alert_sink or telegram_alert_sink(settings)
    # The crisis reply says whether the team has been told, so it must match what this process can do.
    engine.answering.alerting = sink is not None
    app = build_web_app(engine, allowed_origins=allowed_origins, alert_sink=sink)
    app.cleanup_ctx.append(_daily_purge(engine, settings.view_retention_days))
    return app


def run_web(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    engine: Engine | None = None,
    allowed_origins: tuple[str, ...] = (),
    alert_sink: AlertSink | None = None,
) -> None:
    """Serve the web chat until stopped (Ctrl-C). An engine passed in is the caller's to close."""
    from bot.app import build_engine

    own = engine is None
    engine = engine or build_engine(settings)
    app = web_app_for(settings, engine, allowed_origins=allowed_origins, alert_sink=alert_sink)
    # aiohttp's loggers stay quiet and there is no access log: it would keep every address and time.
    logging.getLogger("aiohttp").setLevel(logging.WARNING)
    print(f"carebot web chat for {engine.knowledge.name} on http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        web.run_app(app, host=host, port=port, access_log=None, print=None)
    finally:
        if own:
            engine.close()
