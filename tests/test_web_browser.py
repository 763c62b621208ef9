"""The web chat in a real headless browser (Debian's chromium), driven over the DevTools protocol.

No Selenium or Playwright offline, so the test launches chromium with
--remote-debugging-port=0, reads the port it chose from DevToolsActivePort
in a fresh profile, and speaks CDP over a websocket with aiohttp's client.
The app runs on 127.0.0.1 in a thread with its own event loop, as a browser
would reach it.

Skipped only when chromium is missing on a developer's machine; in CI
(CI=true or CI=1) a missing browser fails, because .ci/run installs it.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import socket
import struct
import subprocess
import threading
import time
import zlib
from base64 import b64decode
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot import wording
from bot.channels.web import build_web_app
from bot.engine import Engine
from bot.messages import Alert
from knowledge.base import CouncilKnowledge
from storage.pseudonym import Pseudonymiser
from storage.store import Store
from tests.conftest import SECRET

PHONE = (390, 844)
WAIT = 20.0  # seconds for anything the page should do


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") in ("true", "1"):
        pytest.fail("chromium is not installed; .ci/run installs it before `make test`")
    pytest.skip("chromium is not installed (apt-get install chromium)")


@contextmanager
def served(app: web.Application) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, in a background thread; yields its URL."""
    loop = asyncio.new_event_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    runner = web.AppRunner(app, access_log=None)
    thread = threading.Thread(target=loop.run_forever, name="carebot-web-test", daemon=True)
    thread.start()

    async def start() -> None:
        await runner.setup()
        await web.SockSite(runner, sock).start()

    asyncio.run_coroutine_threadsafe(start(), loop).result(30)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@contextmanager
def browser(profile: Path) -> Iterator[int]:
    """Headless chromium with a fresh profile; yields its DevTools port."""
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--no-proxy-server", "--remote-debugging-port=0", f"--user-data-dir={profile}", "about:blank",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (active.exists() and active.read_text().strip()):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("chromium did not open its DevTools port")
            time.sleep(0.05)
        yield int(active.read_text().splitlines()[0])
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


class DevTools:
    """A minimal CDP client for one page: call a method, keep the events that arrive meanwhile."""

    def __init__(self, socket_: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket_
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.socket.send_json({"id": number, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.socket.receive_json(), WAIT)
            if message.get("id") == number:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    async def evaluate(self, expression: str) -> Any:
        answer = await self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            raise AssertionError(f"page script failed: {answer['exceptionDetails'].get('text')}")
        return answer["result"].get("value")

    async def wait_for(self, expression: str) -> Any:
        deadline = time.monotonic() + WAIT
        # While the page is still loading, the element may not be there yet: that counts as "not yet".
        guarded = f"(function () {{ try {{ return ({expression}); }} catch (e) {{ return false; }} }})()"
        while time.monotonic() < deadline:
            value = await self.evaluate(guarded)
            if value:
                return value
            await asyncio.sleep(0.1)
        log = await self.evaluate("document.getElementById('log') && document.getElementById('log').innerText")
        raise AssertionError(f"timed out waiting for {expression}; the chat says:\n{log}")

    async def wait_for_text(self, text: str) -> None:
        await self.wait_for(f"document.getElementById('log').innerText.includes({text!r})")

    async def key(self, key: str, code: str, keycode: int, text: str = "", shift: bool = False) -> None:
        modifiers = 8 if shift else 0
        extra = {"text": text} if text else {}
        await self.call("Input.dispatchKeyEvent", type="keyDown", key=key, code=code,
                        windowsVirtualKeyCode=keycode, modifiers=modifiers, **extra)
        await self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code,
                        windowsVirtualKeyCode=keycode, modifiers=modifiers)

    async def type_and_send(self, text: str) -> None:
        """Focus the message box, type as a keyboard would, and press Enter."""
        await self.evaluate("document.getElementById('message').focus()")
        await self.call("Input.insertText", text=text)
        await self.key("Enter", "Enter", 13, "\r")

    async def tab_to(self, label: str) -> None:
        """Press Tab until the button with this label has focus: keyboard only, no mouse."""
        for _ in range(80):
            await self.key("Tab", "Tab", 9)
            if await self.evaluate(f"document.activeElement.textContent === {label!r}"):
                return
        raise AssertionError(f"Tab never reached {label!r}")


@asynccontextmanager
async def devtools(port: int) -> AsyncIterator[DevTools]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{port}/json/list") as response:
            targets = await response.json()
        page = next(t for t in targets if t.get("type") == "page")
        async with session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=64 * 1024 * 1024) as ws:
            tools = DevTools(ws)
            await tools.call("Page.enable")
            await tools.call("Runtime.enable")
            # Runs before the page's own script: collects anything the page's own policy blocks.
            await tools.call("Page.addScriptToEvaluateOnNewDocument", source=(
                "window.__blocked = [];"
                "document.addEventListener('securitypolicyviolation',"
                " function (e) { window.__blocked.push(e.violatedDirective); });"
            ))
            yield tools


@pytest.fixture
def alerts() -> list[Alert]:
    return []


@pytest.fixture
def url(somerset: CouncilKnowledge, alerts: list[Alert]) -> Iterator[str]:
    chromium()  # skip (or fail in CI) before starting anything
    engine = Engine(somerset, Store(":memory:"), Pseudonymiser(SECRET), alerting=True)

    async def sink(alert: Alert) -> None:
        alerts.append(alert)

    try:
        with served(build_web_app(engine, alert_sink=sink)) as address:
            yield address
    finally:
        engine.close()


async def test_a_conversation_in_a_real_browser(url: str, tmp_path: Path, alerts: list[Alert]) -> None:
    with browser(tmp_path / "profile") as port:
        async with devtools(port) as page:
            await page.call("Emulation.setDeviceMetricsOverride", width=PHONE[0], height=PHONE[1], deviceScaleFactor=1, mobile=True)
            await page.call("Page.navigate", url=url)
            await page.wait_for_text("Hi, I'm carebot for Somerset")
            await page.wait_for_text("tell me your age group")
            assert await page.evaluate("document.documentElement.lang") == "en-GB"
            assert await page.evaluate("document.cookie") == ""  # HttpOnly: the page's script cannot read it

            await page.type_and_send("wat is a pathway plan")
            await page.wait_for_text("Your pathway plan is your plan for leaving care")
            assert await page.evaluate("document.activeElement.id") == "message"

            await page.tab_to("👍 Yes, it helped")
            focus = await page.evaluate(
                "(function (s) { return [s.outlineStyle, s.outlineWidth]; })(getComputedStyle(document.activeElement))"
            )
            assert focus == ["solid", "3px"]  # a visible focus outline...
            clear = await page.evaluate(
                "(function (r, top, bottom) { return r.top >= top && r.bottom <= bottom; })("
                "document.activeElement.getBoundingClientRect(),"
                "document.querySelector('header').getBoundingClientRect().bottom,"
                "document.getElementById('composer').getBoundingClientRect().top)"
            )
            assert clear  # ...not hidden under the sticky header or message box (WCAG 2.4.11)
            await page.key("Enter", "Enter", 13, "\r")
            await page.wait_for_text(wording.HELPFUL_THANKS)

            await page.type_and_send("i want to die")
            await page.wait_for_text("I'm really glad you told me")
            crisis = await page.evaluate(
                "Array.from(document.querySelectorAll('#log .bot')).pop().innerText"
            )
            assert "999" in crisis and "Childline" in crisis and "0800 1111" in crisis
            assert [alert.kinds for alert in alerts] == [("suicide",)]

            assert await page.evaluate("window.__blocked") == []
            thrown = [e for e in page.events if e.get("method") == "Runtime.exceptionThrown"]
            assert thrown == []


async def test_forget_me_is_one_tap_away(url: str, tmp_path: Path) -> None:
    with browser(tmp_path / "profile") as port:
        async with devtools(port) as page:
            await page.call("Page.navigate", url=url)
            await page.wait_for_text("Hi, I'm carebot for Somerset")
            await page.evaluate("document.getElementById('forget').click()")
            await page.wait_for_text("Do you want to delete everything?")
            await page.tab_to(wording.BUTTON_ERASE_YES)
            await page.key("Enter", "Enter", 13, "\r")
            await page.wait_for_text("I've deleted everything I kept about you")


def png_size_and_colours(data: bytes) -> tuple[int, int, int]:
    """Width, height, and how many different byte values the decoded pixels hold (1 for a blank image)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    position, pixels = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind == b"IDAT":
            pixels += data[position + 8:position + 8 + length]
        position += 12 + length
    return width, height, len(set(zlib.decompress(pixels)))


async def test_it_reads_on_a_phone(url: str, tmp_path: Path) -> None:
    with browser(tmp_path / "profile") as port:
        async with devtools(port) as page:
            width, height = PHONE
            await page.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=True)
            await page.call("Page.navigate", url=url)
            await page.wait_for_text("tell me your age group")
            # Nothing wider than the phone: no sideways scrolling.
            assert await page.evaluate("document.documentElement.scrollWidth") <= width
            # The header with Forget me and the message box are both on screen.
            forget = await page.evaluate("document.getElementById('forget').getBoundingClientRect().bottom")
            box = await page.evaluate("document.getElementById('message').getBoundingClientRect().bottom")
            assert 0 < forget < height and 0 < box <= height
            shot = await page.call("Page.captureScreenshot", format="png")
    data = b64decode(shot["data"])
    path = Path(os.environ.get("CAREBOT_SCREENSHOT") or tmp_path / "phone.png")
    path.write_bytes(data)
    shot_width, shot_height, colours = png_size_and_colours(path.read_bytes())
    assert (shot_width, shot_height) == PHONE
    assert len(data) > 10_000 and colours > 20  # text and bubbles, not a blank page
