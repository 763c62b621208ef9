"""Options shared by every `carebot` command, in a module of their own.

bot.cli registers the commands of bot.cli_board and bot.cli_voice, and all
three need these; here, none of them has to import another to get them.
"""

from __future__ import annotations

from pathlib import Path

import click

from bot.config import Settings

COUNCIL = click.option("--council", envvar="CAREBOT_COUNCIL", default=None, help="Council slug (default: somerset).")
DB = click.option("--db", "db_path", envvar="CAREBOT_DB", default=None, type=click.Path(dir_okay=False), help="SQLite file (default: carebot.db).")


def settings_from(council: str | None, db_path: str | None) -> Settings:
    return Settings.from_env(council=council, db_path=Path(db_path) if db_path else None)
