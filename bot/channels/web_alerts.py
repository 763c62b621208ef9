"""Where the web channel's safeguarding alerts go: any async callable, or the Telegram safeguarding chat.

The web channel takes an AlertSink rather than knowing Telegram, so a
council could send alerts elsewhere; `carebot web` uses the same chat as
`carebot run` when CAREBOT_SAFEGUARDING_CHAT and TELEGRAM_BOT_TOKEN are set.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiohttp

from bot.config import Settings
from bot.messages import Alert

AlertSink = Callable[[Alert], Awaitable[None]]
TELEGRAM_API = "https://api.telegram.org/bot"
SEND_TIMEOUT = 10.0


class AlertNotSent(Exception):
    """The Bot API refused the alert; the message says only its HTTP status."""


def telegram_alert_sink(settings: Settings, base_url: str = TELEGRAM_API) -> AlertSink | None:
    """Alerts to the Telegram safeguarding chat, as `carebot run` sends them; None unless both are set.

    The lead's replies to an alert reach the young person through `carebot run`
    (it reads the safeguarding chat); they see them on their next web message.
    """
    token, chat = settings.telegram_token, settings.safeguarding_chat
    if not (token and chat):
        return None
    url = f"{base_url}{token}/sendMessage"  # carries the token: never logged

    async def send(alert: Alert) -> None:
        timeout = aiohttp.ClientTimeout(total=SEND_TIMEOUT)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.post(url, json={"chat_id": chat, "text": alert.render()}) as answer:
                if answer.status != 200:
                    raise AlertNotSent(f"the Bot API answered {answer.status}")

    return send
