"""The `carebot` command line: thin commands over the library."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import date
from pathlib import Path

import click

from bot import cli_board, cli_gaps, cli_voice
from bot.cli_options import COUNCIL, DB, settings_from
from bot.config import LOG_FORMAT, Settings
from knowledge.base import KnowledgeError
from knowledge.overlay import ENV as OVERLAY_ENV


def _use_overlay(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Every command (and the turn worker) reads the overlay from the environment, so set it there."""
    if value:
        os.environ[OVERLAY_ENV] = value


OVERLAY = click.option(
    "--overlay", type=click.Path(dir_okay=False), default=None, expose_value=False, callback=_use_overlay,
    help=f"A council's overlay YAML whose fields override the shipped profile (or {OVERLAY_ENV}).",
)


@click.group()
@click.version_option(package_name="carebot")
@OVERLAY
def main() -> None:
    """carebot: answers for young people in care and care leavers."""
    logging.basicConfig(level=logging.WARNING, format=LOG_FORMAT)


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    from bot.app import build_engine

    try:
        return build_engine(settings)
    except KnowledgeError as error:
        raise click.ClickException(f"the knowledge base has errors; run `carebot kb check`:\n{error}") from error
    except KeyError as error:
        raise click.ClickException(str(error.args[0])) from error


@main.command()
@COUNCIL
@DB
def chat(council: str | None, db_path: str | None) -> None:
    """Talk to carebot in the terminal. Buttons are numbered options.

    Example:

        carebot chat --council dorset
        printf 'hello\\nctax exempt?\\n' | carebot chat
    """
    from bot.channels import terminal

    engine = _engine(settings_from(council, db_path))
    interactive = sys.stdin.isatty()

    def write(text: str) -> None:
        click.echo(text, nl=not text.startswith("> "))

    try:
        terminal.run(engine, sys.stdin, write, interactive)
    except (KeyboardInterrupt, EOFError):
        click.echo("\nBye for now.")
    finally:
        engine.close()


@main.command()
@COUNCIL
@DB
@click.pass_context
def start(ctx: click.Context, council: str | None, db_path: str | None) -> None:
    """Run the bot: Telegram when TELEGRAM_BOT_TOKEN is set, otherwise the terminal chat.

    Example:

        make run
    """
    settings = settings_from(council, db_path)
    if settings.telegram_token and "run" in main.commands:
        ctx.invoke(main.commands["run"], council=council, db_path=db_path)
        return
    click.echo(
        "No TELEGRAM_BOT_TOKEN set, so here is the terminal chat. "
        "To connect Telegram, get a token from @BotFather and run: TELEGRAM_BOT_TOKEN=... make run\n",
        err=True,
    )
    ctx.invoke(chat, council=council, db_path=db_path)


@main.group()
def kb() -> None:
    """The knowledge base."""


@kb.command("check")
@click.option("--council", default=None, help="Check one council only.")
@OVERLAY
@click.option("--strict", is_flag=True, help="Refuse a council with no out-of-hours emergency number.")
def kb_check(council: str | None, strict: bool) -> None:
    """Validate the knowledge base: every problem with its file and line.

    Example:

        carebot kb check --council dorset --strict
    """
    from knowledge.check import check

    problems = check(council=council, strict=strict)
    for problem in problems:
        click.echo(str(problem))
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    click.echo(f"{errors} error(s), {warnings} warning(s)")
    if errors:
        sys.exit(1)


@kb.command("contacts")
@click.option("--council", default=None, help="One council only.")
@OVERLAY
def kb_contacts(council: str | None) -> None:
    """Every council contact: its value, source and checked date, and which are unset or older than a year.

    Example:

        carebot kb contacts --council somerset
        carebot --overlay somerset-overlay.yaml kb contacts
    """
    from knowledge.base import load
    from knowledge.contact_table import contact_rows, render

    try:
        kb = load()
    except KnowledgeError as error:
        raise click.ClickException(f"the knowledge base has errors; run `carebot kb check`:\n{error}") from error
    if council is not None and council not in kb.councils:
        raise click.ClickException(f"no council {council!r}; choose one of {', '.join(sorted(kb.councils))}")
    rows = contact_rows(kb, date.today(), council)
    click.echo(render(rows))
    unset = sum(r.status == "unset" for r in rows)
    stale = sum(r.status == "older than a year" for r in rows)
    click.echo(f"{len(rows)} contact(s): {unset} unset, {stale} older than a year")


@main.command("eval")
@click.argument("cases_file", type=click.Path(exists=True, dir_okay=False))
@COUNCIL
@click.option("--json", "json_out", type=click.Path(dir_okay=False), default=None, help="Write one record per case.")
def eval_command(cases_file: str, council: str | None, json_out: str | None) -> None:
    """Score understanding on labelled cases.

    Example:

        carebot eval ../shared/eval/dev.yaml --json results.json
    """
    from bot import evaluate
    from intents.matcher import Matcher
    from intents.router import Router
    from knowledge.base import CouncilKnowledge, load
    from knowledge.source import KnowledgeFileError

    try:
        cases = evaluate.read_cases(Path(cases_file))
        knowledge = CouncilKnowledge(load(), council or Settings.from_env().council)
    except KnowledgeFileError as error:
        raise click.ClickException(str(error)) from error
    except KnowledgeError as error:
        raise click.ClickException(str(error)) from error
    router = Router(Matcher(knowledge.matchable()))
    router.decide("hello")  # warm the caches (and train the safety screen's second tier) so timings are of steady use
    outcomes, figures = evaluate.score(router, cases)
    for line in evaluate.misses(outcomes):
        click.echo(line)
    for line in evaluate.by_kind(outcomes):
        click.echo(line)
    if json_out:
        Path(json_out).write_text(json.dumps(evaluate.records(outcomes), indent=2), encoding="utf-8")
    click.echo(evaluate.figure_line(figures))


@main.command()
@COUNCIL
@DB
@click.option("--base-url", default=None, help="A local Bot API server, e.g. http://127.0.0.1:8081/bot")
@click.option("--webhook-url", default=None, help="Public HTTPS URL for webhook mode (default: polling).")
@click.option("--listen", default="127.0.0.1", show_default=True, help="Address the webhook server listens on.")
@click.option("--port", default=8443, show_default=True, type=int, help="Port the webhook server listens on.")
@click.option("--secret-token", envvar="CAREBOT_WEBHOOK_SECRET", default=None, help="Telegram's webhook secret token.")
@click.option("--no-rate-limit", is_flag=True, hidden=True, help="Only with a local or fake Bot API: skip Telegram's pace (benchmarks).")
def run(
    council: str | None,
    db_path: str | None,
    base_url: str | None,
    webhook_url: str | None,
    listen: str,
    port: int,
    secret_token: str | None,
    no_rate_limit: bool,
) -> None:
    """Run the Telegram channel. The token comes from TELEGRAM_BOT_TOKEN.

    Example:

        TELEGRAM_BOT_TOKEN=123:abc carebot run --council hampshire
    """
    settings = settings_from(council, db_path)
    if not settings.telegram_token:
        raise click.ClickException(
            "TELEGRAM_BOT_TOKEN is not set. Get a token from @BotFather, then run: "
            "TELEGRAM_BOT_TOKEN=... carebot run (or use `carebot chat` to try the bot in the terminal)."
        )
    from bot.channels import telegram

    engine = _engine(settings)
    try:
        telegram.run(
            engine,
            settings,
            base_url=base_url,
            webhook_url=webhook_url,
            listen=listen,
            port=port,
            secret_token=secret_token,
            rate_limited=not (no_rate_limit and base_url),
            turn_worker=True,  # both cores: Telegram here, turns in a second process
        )
    finally:
        engine.close()


@main.command("web")
@COUNCIL
@DB
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; keep 127.0.0.1 behind a reverse proxy.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--origin", "origins", multiple=True, envvar="CAREBOT_WEB_ORIGINS",
    help="Another origin whose pages may post to the chat, e.g. https://www.council.gov.uk (repeatable).",
)
def web_command(council: str | None, db_path: str | None, host: str, port: int, origins: tuple[str, ...]) -> None:
    """Serve the web chat: one page and a JSON API on the same engine, for everyone Telegram leaves out.

    Example:

        carebot web --council worcestershire --port 8080
    """
    from bot.channels.web import run_web

    settings = settings_from(council, db_path)
    engine = _engine(settings)
    try:
        run_web(settings, host, port, engine=engine, allowed_origins=tuple(origins))
    finally:
        engine.close()


cli_voice.register(main)
cli_board.register(main)
cli_gaps.register(main)
