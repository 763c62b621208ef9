"""The terminal chat, scripted through the real `carebot chat` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot import wording
from bot.cli import main


@pytest.fixture
def chat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CAREBOT_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)

    def run(*lines: str, council: str = "somerset") -> list[str]:
        result = CliRunner().invoke(
            main, ["chat", "--council", council, "--db", str(tmp_path / "chat.db")], input="".join(line + "\n" for line in lines)
        )
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    return run


def test_greeting_lists_numbered_buttons(chat) -> None:  # type: ignore[no-untyped-def]
    out = chat()
    assert out[0] == "Hi, I'm carebot for Somerset. I'm an automated helper, not a person."
    assert out[-7:-1] == ["  [1] Under 16", "  [2] 16-17", "  [3] 18-21", "  [4] 22-25", "  [5] Prefer not to say", "  [6] Skip"]


def test_a_scripted_conversation_line_by_line(chat) -> None:  # type: ignore[no-untyped-def]
    out = chat("6", "1", "3", "99", "ctax exempt?")
    text = "\n".join(out)
    # 6 -> skip the age question; 1 -> the topics menu
    assert wording.MENU in out
    # 3 -> the third group of the menu
    assert any(line.startswith("Money: pick a topic.") for line in out)
    # 99 -> no such option, nothing lost
    assert wording.NO_SUCH_OPTION.format(number=99) in out
    # a typed question still works after that
    assert "council tax" in text.lower() and "Source:" in text


def test_typing_a_button_label_presses_it(chat) -> None:  # type: ignore[no-untyped-def]
    out = chat("16-17")
    assert "Thanks. Ask me anything, or pick from the menu." in out


def test_each_council_greets_by_name(chat) -> None:  # type: ignore[no-untyped-def]
    assert "Dorset" in chat(council="dorset")[0]


def test_unknown_council_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["chat", "--council", "atlantis", "--db", str(tmp_path / "x.db")], input="")
    assert result.exit_code == 1
    assert "no council 'atlantis'" in result.output


def test_crisis_reply_in_the_terminal(chat) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(chat("i want to kill myself"))
    assert "116 123" in text and "999" in text


def test_bad_input_never_shows_a_traceback(chat) -> None:  # type: ignore[no-untyped-def]
    out = "\n".join(chat("", "\x00\x1b[31m", "😀", "x" * 4000, "0", "-1"))
    assert "Traceback" not in out
    assert wording.EMPTY in out
