"""`carebot gaps`: the officer's improvement loop, a thin shell over bot.gaps."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import click

from bot.cli_options import COUNCIL, DB, settings_from

DAY = click.DateTime(["%Y-%m-%d"])


@click.group(invoke_without_command=True)
@COUNCIL
@DB
@click.option("--since", type=DAY, default=None, help="First day, included (default: 90 days ago, as long as questions are kept).")
@click.pass_context
def gaps(ctx: click.Context, council: str | None, db_path: str | None, since) -> None:  # type: ignore[no-untyped-def]
    """What carebot could not answer, grouped into themes, with phrasings to approve.

    Example:

        carebot gaps --council somerset --since 2026-10-01
        carebot --overlay somerset-overlay.yaml gaps approve offer.council_tax 'do i pay ctax in my first flat'
    """
    ctx.obj = {"council": council, "db_path": db_path}
    if ctx.invoked_subcommand is not None:
        return
    from bot import gaps as loop
    from intents.matcher import Matcher
    from intents.router import Router
    from knowledge.base import CouncilKnowledge, load

    settings = settings_from(council, db_path)
    if not settings.db_path.exists():
        raise click.ClickException(f"no database at {settings.db_path}: nothing has been asked yet")
    from storage.store import Store

    knowledge = CouncilKnowledge(load(), settings.council)
    store = Store(settings.db_path)
    try:
        today = date.today()
        found = loop.gaps(store, knowledge, Router(Matcher(knowledge.matchable())),
                          since.date() if since else today - timedelta(days=90), today + timedelta(days=1))
    finally:
        store.close()
    click.echo(loop.report(found, knowledge))
    if found.empty:
        sys.exit(3)  # nothing to learn from: a script can tell this from a report


@gaps.command("approve")
@click.argument("topic_id")
@click.argument("phrasing")
@click.pass_context
def gaps_approve(ctx: click.Context, topic_id: str, phrasing: str) -> None:
    """Add an approved phrasing for a topic to the council's overlay (--overlay or CAREBOT_KNOWLEDGE_OVERLAY).

    Example:

        carebot --overlay somerset-overlay.yaml gaps approve offer.council_tax 'do i pay ctax in my first flat'
    """
    from bot import gaps as loop
    from knowledge.overlay import overlay_path
    from knowledge.read import read_all

    settings = settings_from(ctx.obj["council"], ctx.obj["db_path"])
    path = overlay_path()
    if path is None:
        raise click.ClickException("say which overlay file to add it to: carebot --overlay PATH gaps approve ...")
    kb, _ = read_all()
    if kb is None:
        raise click.ClickException("the knowledge base has errors; run `carebot kb check`")
    try:
        loop.approve(Path(path), settings.council, topic_id, phrasing, set(kb.topics), kb.councils)
    except loop.GapsError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Added to {path}: {topic_id} <- {phrasing!r}. carebot uses it from its next start.")


def register(main: click.Group) -> None:
    main.add_command(gaps)
