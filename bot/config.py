"""Settings from the environment, each overridable by a CLI flag."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.base import DEFAULT_COUNCIL

# One format for every carebot process (the CLI and its turn worker).
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


@dataclass(frozen=True)
class Settings:
    council: str = DEFAULT_COUNCIL
    db_path: Path = Path("carebot.db")
    secret_file: Path = Path(".carebot-secret")
    telegram_token: str | None = None
    # Telegram user ids of participation officers (CAREBOT_OFFICERS, comma-separated).
    officers: tuple[str, ...] = field(default_factory=tuple)
    safeguarding_chat: str | None = None
    bot_username: str | None = None  # for t.me invite links
    wsyd_overdue_days: int = 20  # working days before a We Said item is overdue
    view_retention_days: int = 365  # the council's retention period for the words of views

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> "Settings":
        env = os.environ if environ is None else environ
        values: dict[str, object] = {
            "council": env.get("CAREBOT_COUNCIL") or DEFAULT_COUNCIL,
            "db_path": Path(env.get("CAREBOT_DB") or "carebot.db"),
            "secret_file": Path(env.get("CAREBOT_SECRET_FILE") or ".carebot-secret"),
            "telegram_token": env.get("TELEGRAM_BOT_TOKEN") or None,
            "officers": _split(env.get("CAREBOT_OFFICERS")),
            "safeguarding_chat": env.get("CAREBOT_SAFEGUARDING_CHAT") or None,
            "bot_username": env.get("CAREBOT_BOT_USERNAME") or None,
            "wsyd_overdue_days": int(env.get("CAREBOT_WSYD_OVERDUE_DAYS") or 20),
            "view_retention_days": int(env.get("CAREBOT_VIEW_RETENTION_DAYS") or 365),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        if isinstance(values["db_path"], str):
            values["db_path"] = Path(values["db_path"])  # type: ignore[arg-type]
        return cls(**values)  # type: ignore[arg-type]
