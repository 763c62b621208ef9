"""`carebot invite` and `carebot wsyd`: the officer's side of roles and We Said, You Did."""

from __future__ import annotations

from datetime import date

import click

from bot import wsyd
from bot.cli_options import COUNCIL, DB, settings_from
from bot.commands import invite_link
from storage import board, retention, voice
from storage.store import Store, utc_now
from storage.vocab import WSYD_STATUSES


def _store(council: str | None, db_path: str | None) -> tuple[Store, str]:
    settings = settings_from(council, db_path)
    return Store(settings.db_path), settings.council


@click.command()
@click.option("--role", type=click.Choice(["council_member", "officer"]), required=True)
@COUNCIL
@DB
@click.option("--bot", "bot_username", envvar="CAREBOT_BOT_USERNAME", default=None, help="The bot's Telegram username, for the link.")
@click.option("--days", default=voice.INVITE_DAYS, show_default=True, help="Days before the invite expires.")
def invite(role: str, council: str | None, db_path: str | None, bot_username: str | None, days: int) -> None:
    """Print a one-time, expiring invite for a council member or officer.

    Example:

        carebot invite --role council_member --council somerset --bot SomersetCareBot
    """
    store, council = _store(council, db_path)
    code = voice.create_invite(store, role, council, None, days=days)
    click.echo(invite_link(code, bot_username))
    if not bot_username:
        click.echo("(Set CAREBOT_BOT_USERNAME or --bot for a t.me link. In the terminal chat, type the line above.)", err=True)


@click.group("wsyd")
def wsyd_group() -> None:
    """We Said, You Did items."""


@wsyd_group.command("list")
@COUNCIL
@DB
@click.option("--overdue-days", default=wsyd.OVERDUE_WORKING_DAYS, show_default=True, help="Working days before an open item is overdue.")
def wsyd_list(council: str | None, db_path: str | None, overdue_days: int) -> None:
    """List every item with its status; overdue ones are marked.

    Example:

        carebot wsyd list --council dorset
    """
    store, council = _store(council, db_path)
    items = voice.wsyd_items(store, council)
    today = utc_now().date()
    for item in items:
        overdue = " OVERDUE" if board.is_overdue(item, today, overdue_days) else ""
        click.echo(f"{item['id']}\t{item['raised_on']}\t{WSYD_STATUSES[item['status']]}{overdue}\t{item['said']}")
    click.echo(f"{len(items)} item(s)")


@wsyd_group.command("answer")
@click.argument("item_id", type=int)
@click.option("--did", required=True, help="What was done.")
@click.option("--status", type=click.Choice([s for s in WSYD_STATUSES if s != "open"]), required=True)
@click.option("--reason", default=None, help="Why not (needed for cannot_do).")
@click.option("--owner", required=True, help="Who owns it: a role, not a name.")
@click.option("--date", "answered_on", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Default: today.")
@COUNCIL
@DB
def wsyd_answer(
    item_id: int, did: str, status: str, reason: str | None, owner: str, answered_on, council: str | None, db_path: str | None  # type: ignore[no-untyped-def]
) -> None:
    """Answer an item with "You did"; everyone who raised or backed it is told.

    Example:

        carebot wsyd answer 3 --did "Wi-Fi in every flat by March" --status planned --owner "Head of Housing"
    """
    store, council = _store(council, db_path)
    item = voice.wsyd_item(store, item_id)
    if item is None or item["council"] != council:
        raise click.ClickException(f"no item {item_id} for {council}")
    when: date | None = answered_on.date() if answered_on else None
    try:
        keys = voice.answer_you_did(store, item_id, did=did, status=status, owner=owner, reason=reason, answered_by=None, answered_on=when)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    wsyd.queue_answer(store, item_id, keys)
    store.audit("cli", "you_did_answered", council, {"item": item_id, "status": status})
    click.echo(f"Answered item {item_id}; {len(keys)} young people will be told.")


@click.command()
@DB
@click.option("--view-days", envvar="CAREBOT_VIEW_RETENTION_DAYS", default=retention.VIEW_TEXT_DAYS, show_default=True, type=int,
              help="Keep the words of views this many days (the council's retention period).")
def purge(db_path: str | None, view_days: int) -> None:
    """Delete unanswered questions older than 90 days and view texts past retention.

    Counts stay, so board figures still add up. `carebot run` does this daily.

    Example:

        carebot purge --view-days 730
    """
    store, _ = _store(None, db_path)
    done = retention.purge(store, view_text_days=view_days)
    click.echo(f"Deleted {done.unanswered} unanswered question(s) and the words of {done.view_texts} view(s).")


def register(main: click.Group) -> None:
    main.add_command(invite)
    main.add_command(wsyd_group)
    main.add_command(purge)
