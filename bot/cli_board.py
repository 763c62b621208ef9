"""`carebot demo`, `carebot digest` and `carebot quotes`: the participation officer's commands.

Thin commands over bot.demo, bot.digest and storage.board; register()
adds them to the main group:

    from bot import cli_board
    cli_board.register(main)
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import click

from bot.cli_options import COUNCIL, DB, settings_from
from bot.digest import periods
from storage.board import OVERDUE_WORKING_DAYS
from storage.store import Store

ACTOR = "cli"
DAY = click.DateTime(["%Y-%m-%d"])


def _open_existing(db_path: Path) -> Store:
    if not db_path.exists():
        raise click.ClickException(f"no database at {db_path}; try `carebot demo --db {db_path}` first")
    return Store(db_path)


def _knowledge(council: str):  # type: ignore[no-untyped-def]
    from knowledge.base import CouncilKnowledge, KnowledgeError, load

    try:
        return CouncilKnowledge(load(), council)
    except KnowledgeError as error:
        raise click.ClickException(f"the knowledge base has errors; run `carebot kb check`:\n{error}") from error
    except KeyError as error:
        raise click.ClickException(str(error.args[0])) from error


def _say(step: str) -> None:
    click.echo(f"  {step}…", err=True)


@click.command()
@COUNCIL
@DB
@click.option("--seed", default=1, show_default=True, type=int, help="The same seed gives the same made-up data.")
@click.option(
    "--year-end", type=DAY, default=None,
    help="The day after the made-up year ends (default: tomorrow, so the year ends today).",
)
def demo(council: str | None, db_path: str | None, seed: int, year_end: datetime | None) -> None:
    """Fill a database with a made-up year of activity, to try the digest on.

    Everything is invented: young people, questions, views with seasons,
    We Said items at every status, safeguarding counts. Use a new database.

    Example:

        carebot demo --council dorset --db demo.db --seed 7
        carebot digest --council dorset --db demo.db --format html --out digest.html
    """
    from bot.demo import fill

    settings = settings_from(council, db_path)
    _knowledge(settings.council)  # a council the knowledge base knows
    end = year_end.date() if year_end else date.today() + timedelta(days=1)
    store = Store(settings.db_path)
    try:
        summary = fill(store, settings.council, seed, end)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    finally:
        store.close()
    click.echo(
        f"Made up a year for {settings.council} in {settings.db_path}: {summary['people']} young people, "
        f"{summary['questions']} questions ({summary['unanswered']} unanswered), {summary['views']} views, "
        f"{summary['we_said_items']} We Said items, {summary['safeguarding_events']} safeguarding events, "
        f"{summary['quotes_pending']} quotes waiting for approval."
    )


@click.command()
@COUNCIL
@DB
@click.option("--from", "start", type=DAY, default=None, help="First day, included (default: a year before --to).")
@click.option("--to", "end", type=DAY, default=None, help="Last day, included (default: today).")
@click.option("--period", default=None, help="A named period instead: 2026-06, 2026-Q2, 2026, or a financial year 2025-26.")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "csv", "json"]), default="html", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="File to write (default: standard output).")
@click.option(
    "--threshold", default=6, show_default=True, type=click.IntRange(2, 100),
    help="Counts below this are shown as 'fewer than N'.",
)
@click.option(
    "--overdue-days", default=OVERDUE_WORKING_DAYS, show_default=True, type=click.IntRange(1, 365),
    help="Working days before an unanswered We Said item is overdue.",
)
def digest(
    council: str | None,
    db_path: str | None,
    start: datetime | None,
    end: datetime | None,
    period: str | None,
    fmt: str,
    out: str | None,
    threshold: int,
    overdue_days: int,
) -> None:
    """The anonymised board digest for a council and period: --from to --to, both days included, or --period.

    Progress goes to standard error; the digest to --out or standard output.
    Every export is recorded in the audit log.

    Example:

        carebot digest --council somerset --from 2024-04-01 --to 2025-03-31 --format html --out board.html
        carebot digest --council somerset --period 2025-26 --format html --out board.html
        carebot digest --council somerset --format csv > board.csv
    """
    from bot import digest as board_digest

    settings = settings_from(council, db_path)
    try:
        first, last = periods.resolve(
            date.today(), start.date() if start else None, end.date() if end else None, period
        )
    except periods.PeriodError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Building the {fmt} digest for {settings.council}, {first} to {last - timedelta(days=1)}:", err=True)
    knowledge = _knowledge(settings.council)
    store = _open_existing(settings.db_path)
    try:
        _, text = board_digest.export(
            store, knowledge, first, last, fmt,
            actor=ACTOR, threshold=threshold, overdue_days=overdue_days, progress=_say,
        )
    finally:
        store.close()
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@click.group()
@COUNCIL
@DB
@click.pass_context
def quotes(ctx: click.Context, council: str | None, db_path: str | None) -> None:
    """Quotes from young people's views: list those waiting, approve or reject them.

    Only approved quotes appear in the digest; every decision is audited.

    Example:

        carebot quotes --council dorset list
        carebot quotes --council dorset approve 12
    """
    ctx.obj = settings_from(council, db_path)


@quotes.command("list")
@click.pass_obj
def quotes_list(settings) -> None:  # type: ignore[no-untyped-def]
    """Show the quotes waiting for a decision, oldest first.

    Example:

        carebot quotes --council dorset list
    """
    from storage.board import pending_quotes

    store = _open_existing(settings.db_path)
    try:
        waiting = pending_quotes(store, settings.council)
    finally:
        store.close()
    for quote in waiting:
        click.echo(f"{quote['id']:>6}  [{quote['topic']}] {quote['quote']}")
    click.echo(f"{len(waiting)} quote(s) waiting. Approve with `carebot quotes approve ID`.", err=True)


def _decide(settings, view_id: int, approve: bool) -> None:  # type: ignore[no-untyped-def]
    from storage.board import approve_quote, reject_quote

    store = _open_existing(settings.db_path)
    try:
        (approve_quote if approve else reject_quote)(store, view_id, ACTOR, council=settings.council)
    except KeyError as error:
        raise click.ClickException(f"no quote {view_id} for {settings.council}") from error
    finally:
        store.close()
    outcome = "approved: it can appear in the digest" if approve else "rejected: it stays out of the digest"
    click.echo(f"Quote {view_id} {outcome}.")


@quotes.command("approve")
@click.argument("view_id", type=int)
@click.pass_obj
def quotes_approve(settings, view_id: int) -> None:  # type: ignore[no-untyped-def]
    """Let a quote appear in the digest.

    Example:

        carebot quotes --council dorset approve 12
    """
    _decide(settings, view_id, approve=True)


@quotes.command("reject")
@click.argument("view_id", type=int)
@click.pass_obj
def quotes_reject(settings, view_id: int) -> None:  # type: ignore[no-untyped-def]
    """Keep a quote out of the digest (also withdraws an approval).

    Example:

        carebot quotes --council dorset reject 12
    """
    _decide(settings, view_id, approve=False)


def register(main: click.Group) -> None:
    """Add demo, digest and quotes to the carebot command group."""
    main.add_command(demo)
    main.add_command(digest)
    main.add_command(quotes)
