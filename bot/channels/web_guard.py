"""The web channel's defences, apart from its routes: sessions, origins, rate limits and headers.

Pure functions and small classes with no aiohttp application in them, so
each can be read and tested on its own (tests/test_web.py drives them
through the app).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

from yarl import URL

from storage.pseudonym import Pseudonymiser

COOKIE = "carebot_session"
TOKEN_BYTES = 32  # secrets.token_urlsafe(32): 43 characters of the URL-safe alphabet
# The cookie is TOKEN.MAC, so a cookie the server never issued is refused
# (a guessed or planted session id gets a fresh session instead). The MAC is
# an HMAC under the pseudonym secret with its own prefix, so it tells nothing
# about the person key, which is HMAC("web:" + token), and it survives a restart.
MAC_PURPOSE = "web-session"
MAC_CHARS = 32
COOKIE_VALUE = re.compile(r"([A-Za-z0-9_-]{43})\.([0-9a-f]{32})")


@dataclass(frozen=True)
class RateLimits:
    """How many messages are answered in a sliding window; the rest get a kind "slow down".

    A person typing cannot come near these; a script can. new_sessions caps
    how many new conversations one address may start, so a flood without
    cookies cannot fill the database with people.
    """

    per_session: int = 20
    per_address: int = 60
    seconds: float = 10.0
    new_sessions: int = 60
    new_session_seconds: float = 600.0


class SlidingWindow:
    """At most `limit` hits per key in any `seconds`; memory is swept so it does not grow for ever."""

    SWEEP_EVERY = 1000

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._hits: dict[str, deque[float]] = {}
        self._calls = 0

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.get(key)
        if hits is None:
            return deque()
        while hits and now - hits[0] >= self.seconds:
            hits.popleft()
        return hits

    def allows(self, key: str) -> bool:
        """Whether one more hit fits, without counting it."""
        return len(self._recent(key, time.monotonic())) < self.limit

    def record(self, key: str) -> None:
        now = time.monotonic()
        self._hits.setdefault(key, deque()).append(now)
        self._calls += 1
        if self._calls % self.SWEEP_EVERY == 0:
            self._sweep(now)

    def _sweep(self, now: float) -> None:
        for key in [k for k, hits in self._hits.items() if not hits or now - hits[-1] >= self.seconds]:
            del self._hits[key]

    def __len__(self) -> int:
        return len(self._hits)


class Sessions:
    """Issue and check session cookies; the token inside is the person's user_id on the web channel."""

    def __init__(self, pseudonymiser: Pseudonymiser) -> None:
        self._pseudonymiser = pseudonymiser

    def _mac(self, token: str) -> str:
        return self._pseudonymiser.key(MAC_PURPOSE, token)[:MAC_CHARS]

    def new(self) -> tuple[str, str]:
        """A fresh (token, cookie value)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        return token, f"{token}.{self._mac(token)}"

    def token_of(self, cookie: str | None) -> str | None:
        """The token in a cookie we issued, or None for a missing, malformed or forged one."""
        match = COOKIE_VALUE.fullmatch(cookie or "")
        if match is None:
            return None
        token, mac = match.groups()
        return token if hmac.compare_digest(mac, self._mac(token)) else None


def forwarded_https(headers: Mapping[str, str]) -> bool:
    """True when a reverse proxy says the browser spoke HTTPS to it."""
    first = headers.get("X-Forwarded-Proto", "").split(",")[0]
    return first.strip().lower() == "https"


def normal_origin(origin: str) -> str:
    return origin.strip().rstrip("/").lower()


def origin_allowed(origin: str | None, host: str | None, allowed: frozenset[str]) -> bool:
    """Same host as the request, or one the council listed.

    No Origin at all is allowed: browsers always send one on a cross-site
    POST (and SameSite=Strict keeps the cookie off it anyway), so a missing
    Origin means a tool such as curl, which cannot ride on anyone's session.
    "null" (a sandboxed frame, a file:// page) is refused.
    """
    if origin is None:
        return True
    if normal_origin(origin) in allowed:
        return True
    try:
        url = URL(origin.strip())
    except ValueError:
        return False
    if url.scheme not in ("http", "https") or not url.host or not host:
        return False
    netloc = url.host if url.is_default_port() else f"{url.host}:{url.port}"
    return netloc.lower() == host.strip().lower()


def cors_headers(origin: str) -> dict[str, str]:
    """For a page on an origin the council listed (its Local Offer site) to post and read the answer.

    The session cookie is SameSite=Strict, so it only rides along when that
    site is the same site as the chat (www.council.gov.uk and chat.council.gov.uk).
    """
    return {
        "Access-Control-Allow-Origin": origin.strip(),
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Allow-Methods": "POST",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "600",
        "Vary": "Origin",
    }


def client_address(remote: str | None, forwarded_for: str | None, trusted_proxies: frozenset[str]) -> str:
    """Who to count for the per-address limit.

    Behind a reverse proxy every request comes from the proxy, so its
    X-Forwarded-For (the last hop it added) names the browser; from anyone
    else that header could be forged, so it is ignored.
    """
    address = remote or "unknown"
    if address in trusted_proxies and forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        if last:
            return last
    return address


# Security headers

INLINE = {
    "script": re.compile(r"<script>(.*?)</script>", re.DOTALL),
    "style": re.compile(r"<style>(.*?)</style>", re.DOTALL),
}


def inline_hash(page: str, tag: str) -> str:
    """The CSP source for the page's one inline <script> or <style>, by its SHA-256."""
    found = INLINE[tag].findall(page)
    if len(found) != 1:
        raise ValueError(f"the web page must have exactly one inline <{tag}>, found {len(found)}")
    digest = hashlib.sha256(found[0].encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(page: str) -> str:
    """Only the page's own script and style run; it may talk only to its own server."""
    return "; ".join((
        "default-src 'none'",
        f"script-src {inline_hash(page, 'script')}",
        f"style-src {inline_hash(page, 'style')}",
        "connect-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ))


def security_headers(csp: str, https: bool) -> dict[str, str]:
    headers = {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "geolocation=(), camera=(), microphone=(), payment=(), usb=()",
        "X-Frame-Options": "DENY",  # for browsers too old for frame-ancestors
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
        # A shared phone or a care home's computer: nothing of a chat stays in the cache.
        "Cache-Control": "no-store",
    }
    if https:
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return headers
