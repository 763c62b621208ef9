from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.commands import PUBLIC_COMMANDS


def all_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in group.commands.items():
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found += all_commands(command, prefix + name + " ")
    return found


@pytest.mark.parametrize("name, command", all_commands(main))
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert command.help and command.help.strip(), f"carebot {name} has no help text"
    if not isinstance(command, click.Group):
        assert "Example:" in command.help, f"carebot {name} has no Example: block"


def test_run_without_a_token_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["run"])
    assert result.exit_code == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in result.output and "@BotFather" in result.output


def test_start_without_a_token_opens_the_terminal_chat(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("CAREBOT_SECRET_FILE", str(tmp_path / "s"))
    result = CliRunner().invoke(main, ["start", "--db", str(tmp_path / "d.db")], input="ctax exempt?\n")
    assert result.exit_code == 0
    assert "To connect Telegram" in result.output and "council tax" in result.output.lower()


@pytest.mark.parametrize("name", [name for name, _ in PUBLIC_COMMANDS])
def test_every_public_command_is_understood(name: str, person) -> None:  # type: ignore[no-untyped-def]
    from bot import wording
    from tests.conftest import text_of

    assert wording.UNKNOWN_COMMAND not in text_of(person.send(f"/{name}"))
