"""The Bot API wire: proxies and timeouts as python-telegram-bot's httpx layer had them.

Sending itself is tested end to end through the fake Bot API (test_telegram.py).
"""

from __future__ import annotations

import pytest

from bot.channels.telegram_http import AiohttpRequest, _timeout


def test_proxy_from_the_environment_except_for_hosts_that_bypass_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.council.example:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    request = AiohttpRequest()
    assert request._proxy_for("https://api.telegram.org/bot123:abc/sendMessage") == "http://proxy.council.example:3128"
    assert request._proxy_for("http://127.0.0.1:8081/bot123:abc/getUpdates") is None


def test_no_proxy_when_none_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    assert AiohttpRequest()._proxy_for("https://api.telegram.org/bot123:abc/getMe") is None


def test_timeouts_keep_none_as_no_limit() -> None:
    limited = _timeout(read=5.0, write=5.0, connect=5.0, pool=1.0)
    assert (limited.sock_read, limited.connect, limited.total) == (5.0, 6.0, 16.0)
    long_poll = _timeout(read=None, write=5.0, connect=5.0, pool=1.0)
    assert long_poll.sock_read is None and long_poll.total is None
