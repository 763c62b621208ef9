"""The web channel's API through aiohttp's test client, on a real engine and the shipped knowledge.

Each Browser keeps its own cookie and claims its own address through
X-Forwarded-For, which the app trusts from 127.0.0.1 as it would from a
reverse proxy on the same machine.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot import wording
from bot.channels import web as web_channel
from bot.channels.web import MAX_WEB_TEXT, SLOW_DOWN, WRONG_ORIGIN, build_web_app, read_page, web_app_for
from bot.channels.web_alerts import AlertNotSent, telegram_alert_sink
from bot.channels.web_guard import COOKIE, RateLimits
from bot.config import Settings
from bot.engine import Engine
from bot.messages import Alert, Incoming, Notification, Reply, Result
from bot.welcome import AGE_SKIPPED
from knowledge.base import CouncilKnowledge
from storage import voice
from storage.pseudonym import Pseudonymiser
from storage.store import Store
from tests.conftest import SECRET

API = "/api/messages"


class Browser:
    """One person's browser: its own cookie and its own address."""

    def __init__(self, client: TestClient, address: str = "203.0.113.7") -> None:
        self.client = client
        self.address = address
        self.cookie: str | None = None
        self.last: dict[str, Any] = {}

    @property
    def token(self) -> str:
        assert self.cookie is not None
        return self.cookie.split(".")[0]

    async def post(self, body: Any = None, *, data: Any = None, headers: dict[str, str] | None = None) -> aiohttp.ClientResponse:
        sent = {"X-Forwarded-For": self.address, **(headers or {})}
        if self.cookie is not None:
            sent["Cookie"] = f"{COOKIE}={self.cookie}"
        response = await self.client.post(API, json=body, data=data, headers=sent)
        if COOKIE in response.cookies:
            self.cookie = response.cookies[COOKIE].value
        return response

    async def say(self, text: str) -> dict[str, Any]:
        return await self._ok({"text": text})

    async def press(self, label: str) -> dict[str, Any]:
        for reply in self.last["replies"]:
            for button in reply["buttons"]:
                if button["label"] == label:
                    return await self._ok({"button": button["payload"]})
        raise AssertionError(f"no button {label!r}")

    async def _ok(self, body: dict[str, str]) -> dict[str, Any]:
        response = await self.post(body)
        assert response.status == 200, await response.text()
        self.last = await response.json()
        return self.last


def text_of(answer: dict[str, Any]) -> str:
    return "\n".join(reply["text"] for reply in answer["replies"])


def labels_of(answer: dict[str, Any]) -> list[str]:
    return [button["label"] for reply in answer["replies"] for button in reply["buttons"]]


@pytest.fixture
def web_engine(somerset: CouncilKnowledge, store: Store) -> Iterator[Engine]:
    engine = Engine(somerset, store, Pseudonymiser(SECRET), alerting=True)
    yield engine
    engine.close()


@pytest.fixture
def alerts() -> list[Alert]:
    return []


@pytest.fixture
async def client(web_engine: Engine, alerts: list[Alert]) -> AsyncIterator[TestClient]:
    async def sink(alert: Alert) -> None:
        alerts.append(alert)

    app = build_web_app(web_engine, alert_sink=sink)
    async with TestClient(TestServer(app), cookie_jar=aiohttp.DummyCookieJar()) as test_client:
        yield test_client


async def started(engine: Engine, **options: Any) -> TestClient:
    test_client = TestClient(TestServer(build_web_app(engine, **options)), cookie_jar=aiohttp.DummyCookieJar())
    await test_client.start_server()
    return test_client


def key_of(engine: Engine, browser: Browser) -> str:
    return engine.person_key(Incoming("web", browser.token, browser.token))


# Conversations


async def test_the_welcome_comes_first_then_a_question_gets_its_answer(client: TestClient) -> None:
    browser = Browser(client)
    welcome = await browser.say("/start")
    assert "Hi, I'm carebot for Somerset" in text_of(welcome)
    assert "Before we start, what happens to what you tell me" in text_of(welcome)
    assert "Press Forget me any time" in text_of(welcome) and "Telegram" not in text_of(welcome)
    assert "Under 16" in labels_of(welcome)
    answer = await browser.say("wat is a pathway plan")
    assert "Your pathway plan is your plan for leaving care" in text_of(answer)
    assert all(set(button) == {"label", "payload"} for reply in answer["replies"] for button in reply["buttons"])


async def test_buttons_from_a_reply_work(client: TestClient) -> None:
    browser = Browser(client)
    await browser.say("/start")
    assert AGE_SKIPPED in text_of(await browser.press("Skip"))
    await browser.say("wat is a pathway plan")
    assert "Personal Adviser" in text_of(await browser.press("Personal Adviser (PA)"))
    assert wording.HELPFUL_THANKS in text_of(await browser.press("👍 Yes, it helped"))


async def test_a_crisis_gets_999_and_childline_and_the_alert_goes_out(
    client: TestClient, web_engine: Engine, alerts: list[Alert]
) -> None:
    browser = Browser(client)
    await browser.say("/start")
    await browser.press("Under 16")
    reply = text_of(await browser.say("i want to die"))
    assert reply.startswith("You can call Childline any time, for free: 0800 1111")  # under 16: Childline first
    assert "999" in reply and "Somerset's safeguarding team" in reply
    assert [alert.kinds for alert in alerts] == [("suicide",)]
    assert alerts[0].person == key_of(web_engine, browser) and alerts[0].case is not None


async def test_a_crisis_reply_still_comes_when_the_alert_fails_or_there_is_no_sink(
    web_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(alert: Alert) -> None:
        raise ConnectionError("the safeguarding chat is down")

    for sink in (broken, None):
        test_client = await started(web_engine, alert_sink=sink)
        try:
            assert "999" in text_of(await Browser(test_client).say("i want to die"))
        finally:
            await test_client.close()
    logged = caplog.text
    assert "safeguarding alert failed: ConnectionError" in logged
    assert "crisis alert not sent" in logged and "the safeguarding chat is down" not in logged


# Sessions and cookies


async def test_the_first_answer_sets_a_private_cookie(client: TestClient) -> None:
    response = await Browser(client).post({"text": "/start"})
    cookie = response.headers["Set-Cookie"]
    assert re.match(rf"{COOKIE}=[A-Za-z0-9_-]{{43}}\.[0-9a-f]{{32}};", cookie)
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie and "Max-Age" not in cookie and "expires" not in cookie.lower()
    behind_https = await Browser(client).post({"text": "/start"}, headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in behind_https.headers["Set-Cookie"]
    assert "max-age" in behind_https.headers["Strict-Transport-Security"]


async def test_the_cookie_is_set_once_and_can_be_forced_secure(web_engine: Engine) -> None:
    test_client = await started(web_engine, secure_cookie=True)
    try:
        browser = Browser(test_client)
        first = await browser.post({"text": "/start"})
        assert "Secure" in first.headers["Set-Cookie"]
        again = await browser.post({"text": "hello"})
        assert "Set-Cookie" not in again.headers
    finally:
        await test_client.close()


async def test_a_person_is_keyed_by_hmac_of_their_web_session(client: TestClient, web_engine: Engine, store: Store) -> None:
    browser = Browser(client)
    await browser.say("/start")
    key = Pseudonymiser(SECRET).key("web", browser.token)
    person = store.person(key)
    assert person is not None and person["channel"] == "web"
    assert browser.token not in str(person)


async def test_two_sessions_do_not_see_each_others_state(client: TestClient, web_engine: Engine, store: Store) -> None:
    alice, bob = Browser(client, "198.51.100.1"), Browser(client, "198.51.100.2")
    await alice.say("/start")
    await alice.say("/forgetme")
    assert wording.ERASE_CONFIRM in text_of(alice.last)
    alice_yes = next(b["payload"] for r in alice.last["replies"] for b in r["buttons"] if b["label"] == wording.BUTTON_ERASE_YES)
    await bob.say("/start")
    assert "Your pathway plan" in text_of(await bob.say("wat is a pathway plan"))
    # Bob pressing Alice's button acts on Bob's own conversation only.
    await bob._ok({"button": alice_yes})
    assert store.person(key_of(web_engine, alice)) is not None
    assert wording.ERASE_KEPT in text_of(await alice.say("no"))
    assert alice.token != bob.token


@pytest.mark.parametrize("forge", [
    lambda cookie: "garbage",
    lambda cookie: cookie.split(".")[0],  # the token without its MAC
    lambda cookie: cookie.split(".")[0] + "." + "0" * 32,  # a made-up MAC
    lambda cookie: "A" * 43 + "." + cookie.split(".")[1],  # someone else's MAC
    lambda cookie: cookie.upper(),
    lambda cookie: "\u00e9" * 200,
])
async def test_a_forged_cookie_gets_a_fresh_session_and_touches_no_one(
    client: TestClient, web_engine: Engine, store: Store, forge: Any
) -> None:
    alice = Browser(client)
    await alice.say("/start")
    await alice.say("/forgetme")
    alice_state = store.load_state(key_of(web_engine, alice))
    forger = Browser(client, "192.0.2.66")
    forger.cookie = forge(alice.cookie)
    response = await forger.post({"text": "yes"})
    assert response.status == 200
    assert forger.cookie is not None and forger.token != alice.token
    assert wording.ERASE_DONE not in text_of(await response.json())
    assert store.load_state(key_of(web_engine, alice)) == alice_state
    assert store.person(key_of(web_engine, alice)) is not None


async def test_forget_me_erases_and_starts_a_new_session(client: TestClient, web_engine: Engine, store: Store) -> None:
    browser = Browser(client)
    await browser.say("/start")
    old_key, old_cookie = key_of(web_engine, browser), browser.cookie
    await browser.say("/forgetme")
    assert wording.ERASE_DONE in text_of(await browser.press(wording.BUTTON_ERASE_YES))
    assert store.person(old_key) is None
    assert browser.cookie != old_cookie


# Bad input


@pytest.mark.parametrize("body", [
    b"{nope",
    b"",
    b"[1, 2]",
    b'"just a string"',
    b"null",
    b"{}",
    b'{"text": "hi", "button": "1|menu|"}',
    b'{"text": 5}',
    b'{"text": ["a"]}',
    b'{"button": null}',
    b'{"button": {"payload": "x"}}',
    b"\xff\xfe\x00",
    b"[" * 10_000,
    b'{"button": "' + b"9" * 100 + b'"}',
])
async def test_bad_bodies_get_a_short_kind_400_and_no_session(client: TestClient, body: bytes) -> None:
    browser = Browser(client)
    response = await browser.post(data=body, headers={"Content-Type": "application/json"})
    assert response.status == 400
    answer = await response.json()
    assert answer["replies"][0]["buttons"] == [] and 10 < len(answer["error"]) < 80
    assert "Traceback" not in answer["error"] and "Error" not in answer["error"]
    assert browser.cookie is None
    assert (await browser.post({"text": "hello"})).status == 200  # and the server carries on


async def test_a_100_kb_body_gets_413_with_a_kind_message(client: TestClient) -> None:
    browser = Browser(client)
    big = {"text": "help " * 20_000}
    response = await browser.post(big)
    assert response.status == 413
    answer = await response.json()
    assert "too long for me" in answer["replies"][0]["text"] and "999" in answer["replies"][0]["text"]

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the limit holds while reading
        yield b'{"text": "'
        for _ in range(100):
            yield b"a" * 1024
        yield b'"}'

    chunked = await browser.post(data=chunks(), headers={"Content-Type": "application/json"})
    assert chunked.status == 413
    assert (await browser.post({"text": "hello"})).status == 200


async def test_text_over_4000_characters_is_cut_before_the_engine(
    client: TestClient, web_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Incoming] = []
    handle = web_engine.handle

    async def spy(incoming: Incoming) -> Result:
        seen.append(incoming)
        return await handle(incoming)

    monkeypatch.setattr(web_engine, "handle", spy)
    response = await Browser(client).post({"text": "x" * 5000 + " i want to die"})
    assert response.status == 200
    assert len(seen[0].text) == MAX_WEB_TEXT and seen[0].channel == "web"


async def test_half_an_emoji_does_not_break_anything(client: TestClient) -> None:
    response = await Browser(client).post(data=b'{"text": "\\ud83d help"}', headers={"Content-Type": "application/json"})
    assert response.status == 200


@pytest.mark.parametrize("payload", ["bogus", "999|topic|offer.pathway_plan", "1|nope|x", "", "1|age|admin"])
async def test_an_unknown_button_gets_a_kind_answer(client: TestClient, payload: str) -> None:
    browser = Browser(client)
    await browser.say("/start")
    answer = await browser._ok({"button": payload})
    assert answer["replies"] and "Traceback" not in text_of(answer)
    assert any(word in text_of(answer) for word in ("button", "menu", "Pick"))


@pytest.mark.parametrize(("origin", "status"), [
    ("https://evil.example", 403),
    ("null", 403),
    ("http://127.0.0.1.evil.example", 403),
    ("file://", 403),
    ("https://www.somerset.gov.uk", 200),  # listed by the council
    ("HTTPS://WWW.SOMERSET.GOV.UK/", 200),
    (None, 200),  # a tool such as curl, which carries nobody's cookie
])
async def test_the_origin_is_checked(web_engine: Engine, origin: str | None, status: int) -> None:
    test_client = await started(web_engine, allowed_origins=("https://www.somerset.gov.uk",))
    try:
        headers = {"Origin": origin} if origin else {}
        response = await Browser(test_client).post({"text": "hello"}, headers=headers)
        assert response.status == status
        if status == 403:
            assert (await response.json())["error"] == WRONG_ORIGIN
    finally:
        await test_client.close()


async def test_the_same_host_is_an_allowed_origin(client: TestClient) -> None:
    own = f"http://{client.host}:{client.port}"
    assert (await Browser(client).post({"text": "hello"}, headers={"Origin": own})).status == 200


# Rate limits


async def test_a_burst_of_500_gets_a_kind_slow_down_and_the_server_still_answers(web_engine: Engine) -> None:
    test_client = await started(web_engine, limits=RateLimits(per_session=20, per_address=60, seconds=120.0))
    try:
        browser = Browser(test_client)
        statuses = [(await browser.post({"text": "hello"})).status for _ in range(500)]
        assert statuses.count(200) == 20 and statuses.count(429) == 480
        slowed = await (await browser.post({"text": "hello"})).json()
        assert slowed["replies"] == [{"text": SLOW_DOWN, "buttons": []}]
        assert (await browser.post({"text": "hello"})).headers["Retry-After"] == "120"
        assert "999" in SLOW_DOWN and "Childline" in SLOW_DOWN
        # Everyone else is still answered, and so is the health check.
        assert "Hi, I'm carebot" in text_of(await Browser(test_client, "198.51.100.9").say("/start"))
        assert (await test_client.get("/healthz")).status == 200
    finally:
        await test_client.close()


async def test_a_burst_sent_all_at_once_is_limited_too(web_engine: Engine) -> None:
    test_client = await started(web_engine, limits=RateLimits(per_session=20, seconds=120.0))
    try:
        browser = Browser(test_client)
        await browser.say("/start")
        responses = await asyncio.gather(*(browser.post({"text": "hello"}) for _ in range(100)))
        assert sorted({r.status for r in responses}) == [200, 429]
        assert sum(r.status == 200 for r in responses) == 19
    finally:
        await test_client.close()


async def test_after_the_window_the_same_person_is_answered_again(web_engine: Engine) -> None:
    test_client = await started(web_engine, limits=RateLimits(per_session=3, seconds=0.3))
    try:
        browser = Browser(test_client)
        assert [(await browser.post({"text": "hi"})).status for _ in range(4)] == [200, 200, 200, 429]
        await asyncio.sleep(0.35)
        assert (await browser.post({"text": "hi"})).status == 200
    finally:
        await test_client.close()


async def test_limits_per_address_and_on_new_sessions(web_engine: Engine) -> None:
    test_client = await started(web_engine, limits=RateLimits(per_session=50, per_address=5, new_sessions=3, seconds=60.0))
    try:
        kept = Browser(test_client, "198.51.100.20")
        await kept.say("/start")
        # Two more new sessions from that address are fine, the next is one too many...
        assert [(await Browser(test_client, "198.51.100.20").post({"text": "hi"})).status for _ in range(3)] == [200, 200, 429]
        # ...while the person who already has a session carries on, up to the address's limit.
        assert [(await kept.post({"text": "hi"})).status for _ in range(3)] == [200, 200, 429]
        assert (await Browser(test_client, "198.51.100.21").post({"text": "hi"})).status == 200
    finally:
        await test_client.close()


async def test_forwarded_for_is_ignored_from_an_untrusted_address(web_engine: Engine) -> None:
    test_client = await started(web_engine, limits=RateLimits(per_address=2, seconds=60.0), trusted_proxies=())
    try:
        statuses = [(await Browser(test_client, f"198.51.100.{n}").post({"text": "hi"})).status for n in range(3)]
        assert statuses == [200, 200, 429]
    finally:
        await test_client.close()


# Health, headers, errors


async def test_healthz_says_whether_the_database_answers(somerset: CouncilKnowledge) -> None:
    store = Store(":memory:")
    engine = Engine(somerset, store, Pseudonymiser(SECRET))
    test_client = await started(engine)
    try:
        healthy = await test_client.get("/healthz")
        assert healthy.status == 200 and await healthy.json() == {"ok": True}
        store.close()
        broken = await test_client.get("/healthz")
        assert broken.status == 503 and await broken.json() == {"ok": False}
    finally:
        await test_client.close()
        engine.close()


def csp_directives(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


async def test_every_response_has_a_strict_policy_and_hardening_headers(client: TestClient) -> None:
    page = await client.get("/")
    html = await page.text()
    for response in (page, await client.get("/healthz"), await client.get("/nowhere"), await Browser(client).post({"text": "hi"})):
        headers = response.headers
        csp = csp_directives(headers["Content-Security-Policy"])
        assert csp["default-src"] == "'none'" and csp["connect-src"] == "'self'"
        assert csp["img-src"] == "'self' data:" and csp["base-uri"] == "'none'"
        assert csp["form-action"] == "'none'" and csp["frame-ancestors"] == "'none'"
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"
        assert all(f"{feature}=()" in headers["Permissions-Policy"] for feature in ("geolocation", "camera", "microphone"))
        assert headers["Cache-Control"] == "no-store" and "aiohttp" not in headers.get("Server", "")
    # The hashes are those of the page's own inline script and style, and nothing else may run.
    csp = csp_directives(page.headers["Content-Security-Policy"])
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        (inline,) = re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.DOTALL)
        digest = base64.b64encode(hashlib.sha256(inline.encode()).digest()).decode()
        assert csp[directive] == f"'sha256-{digest}'"
    assert await (await client.get("/nowhere")).json() == {
        "error": web_channel.NOT_FOUND, "replies": [{"text": web_channel.NOT_FOUND, "buttons": []}]
    }


async def test_the_page_is_self_contained_accessible_and_keeps_nothing(client: TestClient) -> None:
    response = await client.get("/")
    assert response.status == 200 and response.content_type == "text/html"
    html = await response.text()
    assert '<html lang="en-GB">' in html and 'name="viewport"' in html
    assert "<title>carebot for Somerset</title>" in html
    assert '<label for="message">' in html and 'id="message"' in html
    assert 'role="log"' in html and 'aria-live="polite"' in html
    assert 'id="forget"' in html and ">Forget me</button>" in html and '"/forgetme"' in html
    assert 'class="skip" href="#message"' in html and "prefers-reduced-motion" in html and ":focus-visible" in html
    assert 'send({ text: "/start" })' in html
    for banned in ("localStorage", "sessionStorage", "document.cookie", "geolocation", "indexedDB", " src=", "@import", "url(", "innerHTML"):
        assert banned not in html
    assert not re.search(r"(?:href|action)=\"https?://", html)  # no third-party anything


async def test_no_stack_trace_ever_reaches_the_browser(
    client: TestClient, web_engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def boom(incoming: Incoming) -> Result:
        raise RuntimeError("secret words from the message")

    monkeypatch.setattr(web_engine, "handle", boom)
    browser = Browser(client)
    response = await browser.post({"text": "secret words from the message"})
    assert response.status == 500
    body = await response.text()
    assert (await response.json())["replies"][0]["text"] == wording.ERROR
    for leak in ("Traceback", "RuntimeError", "secret words", "web.py", "File "):
        assert leak not in body
    assert "web request failed: RuntimeError at test_web.py" in caplog.text
    assert "secret words" not in caplog.text


async def test_notifications_for_other_people_wait_in_the_outbox(
    client: TestClient, web_engine: Engine, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.touch_person("officer-key", "telegram", "somerset", "42")

    async def with_notes(incoming: Incoming) -> Result:
        return Result([Reply("ok")], notifications=[
            Notification("officer-key", Reply("for the officer")), Notification("gone-key", Reply("for nobody")),
        ])

    monkeypatch.setattr(web_engine, "handle", with_notes)
    assert (await Browser(client).post({"text": "hi"})).status == 200
    assert voice.take_queued(store) == [("officer-key", "for the officer", [])]


async def test_the_logs_carry_no_words_and_no_session(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    browser = Browser(client)
    for text in ("/start", "my sw is Kellyanne, call 07700900123", "i want to kill myself", "zzkq wibble"):
        await browser.say(text)
    logged = "\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records)
    assert "safeguarding kind=suicide" in logged
    for secret in ("Kellyanne", "07700900123", "kill myself", "zzkq", browser.token):
        assert secret not in logged


def test_the_app_is_an_aiohttp_application(web_engine: Engine) -> None:
    app = build_web_app(web_engine)
    assert isinstance(app, web.Application)
    assert {route.resource.canonical for route in app.router.routes()} >= {"/", "/api/messages", "/healthz"}


# Listed origins, alerts to Telegram, and `carebot web`'s own wiring


async def test_a_listed_origin_may_post_from_its_page_and_others_may_not(web_engine: Engine) -> None:
    listed = "https://www.somerset.gov.uk"
    test_client = await started(web_engine, allowed_origins=(listed,))
    try:
        ask = {"Origin": listed, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
        preflight = await test_client.options(API, headers=ask)
        assert preflight.status == 204
        assert preflight.headers["Access-Control-Allow-Origin"] == listed
        assert preflight.headers["Access-Control-Allow-Credentials"] == "true"
        refused = await test_client.options(API, headers={**ask, "Origin": "https://evil.example"})
        assert refused.status == 403 and "Access-Control-Allow-Origin" not in refused.headers
        posted = await Browser(test_client).post({"text": "hello"}, headers={"Origin": listed})
        assert posted.headers["Access-Control-Allow-Origin"] == listed and posted.headers["Vary"] == "Origin"
        own = await Browser(test_client).post({"text": "hello"})
        assert "Access-Control-Allow-Origin" not in own.headers
    finally:
        await test_client.close()


async def test_alerts_go_to_the_telegram_safeguarding_chat() -> None:
    sent: list[dict[str, Any]] = []

    async def send_message(request: web.Request) -> web.Response:
        sent.append(await request.json())
        return web.json_response({"ok": True}, status=200 if len(sent) == 1 else 403)

    fake = web.Application()
    fake.router.add_post("/bot123:abc/sendMessage", send_message)
    async with TestServer(fake) as server:
        settings = Settings(telegram_token="123:abc", safeguarding_chat="-1001")
        sink = telegram_alert_sink(settings, base_url=str(server.make_url("/bot")))
        assert sink is not None
        alert = Alert(kinds=("suicide",), at="2026-11-30T10:00:00+00:00", person="f" * 64, council="somerset", case=7)
        await sink(alert)
        assert sent == [{"chat_id": "-1001", "text": alert.render()}]
        with pytest.raises(AlertNotSent, match="403"):
            await sink(alert)
    assert telegram_alert_sink(Settings(safeguarding_chat="-1001")) is None
    assert telegram_alert_sink(Settings(telegram_token="123:abc")) is None


async def test_carebot_web_never_says_the_team_was_told_when_it_cannot_tell_them(web_engine: Engine, store: Store) -> None:
    # A safeguarding chat but no token: this process has no way to send, so the reply must not claim it did.
    app = web_app_for(Settings(safeguarding_chat="-1001"), web_engine)
    async with TestClient(TestServer(app), cookie_jar=aiohttp.DummyCookieJar()) as test_client:
        reply = text_of(await Browser(test_client).say("i want to die"))
    assert wording.ALERT_NOT_SENT in reply and "safeguarding team know" not in reply
    assert store.rows("SELECT kind FROM safeguarding_events") == [{"kind": "suicide"}]


ROOT_COLOURS = re.compile(r"--([a-z-]+):\s*(#[0-9a-f]{6});")


def contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(("text", "background"), [
    ("ink", "paper"), ("ink", "bot"), ("ink", "me"), ("muted", "paper"), ("muted", "bot"),
    ("accent", "paper"), ("accent", "bot"), ("accent", "accent-soft"), ("ink", "focus"),
])
def test_text_colours_pass_wcag_aa_contrast(text: str, background: str) -> None:
    page = read_page("Somerset")
    colours = dict(ROOT_COLOURS.findall(page))
    assert contrast(colours[text], colours[background]) >= 4.5
