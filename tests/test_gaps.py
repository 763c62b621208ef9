"""The officer's loop: questions carebot could not answer become themes, then approved phrasings it answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.engine import Engine
from knowledge.base import CouncilKnowledge, load
from storage.pseudonym import Pseudonymiser
from storage.store import Store
from tests.conftest import SECRET, Person, labels_of

UNANSWERED = "how do i get my cscs card for building work"
CLARIFIED = "help with my fishing licence"


def talk(db: Path, overlay: Path | None = None) -> Person:
    knowledge = CouncilKnowledge(load(overlay=overlay or ""), "somerset")  # "": not the one --overlay left in the environment
    return Person(Engine(knowledge, Store(db), Pseudonymiser(SECRET)))


@pytest.fixture
def asked(tmp_path: Path) -> Path:
    """A database where one question went unanswered and one was answered through "did you mean"."""
    db = tmp_path / "carebot.db"
    person = talk(db)
    person.send(UNANSWERED)
    clarify = person.send(CLARIFIED)
    assert "Proof of who you are: ID and documents" in labels_of(clarify) or labels_of(clarify)
    person.press(labels_of(clarify)[0], clarify)
    person.engine.store.close()
    return db


def gaps(*args: str) -> object:
    return CliRunner().invoke(main, [*args])


def test_gaps_shows_the_theme_the_picked_phrasing_and_no_person(asked: Path) -> None:
    result = gaps("gaps", "--db", str(asked))
    assert result.exit_code == 0, result.output
    assert "School, college or work (fewer than 6 questions)" in result.output
    assert UNANSWERED in result.output
    assert f"carebot gaps approve offer.documents '{CLARIFIED}'" in result.output
    keys = [row["key"] for row in Store(asked).rows("SELECT key FROM people")]
    assert keys and not any(key[:12] in result.output for key in keys)


def test_an_approved_phrasing_is_answered_next_time(asked: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "somerset.yaml"
    overlay.write_text("council: somerset\n", encoding="utf-8")
    approved = gaps("--overlay", str(overlay), "gaps", "approve", "offer.work", UNANSWERED)
    assert approved.exit_code == 0, approved.output
    assert UNANSWERED in overlay.read_text(encoding="utf-8")
    assert gaps("--overlay", str(overlay), "kb", "check", "--council", "somerset").exit_code == 0
    before = talk(tmp_path / "before.db")
    assert before.engine.router.decide(UNANSWERED).topic_id != "offer.work"
    after = talk(tmp_path / "after.db", overlay)
    assert after.engine.router.decide(UNANSWERED).topic_id == "offer.work"
    assert "apprenticeship" in after.send(UNANSWERED).replies[0].text.lower()


def test_gaps_on_an_empty_database_says_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    result = gaps("gaps", "--db", str(db))
    assert result.exit_code == 3 and "Nothing to learn from yet" in result.output
    missing = gaps("gaps", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 1 and "no database" in missing.output


def test_an_approval_without_an_overlay_or_for_no_topic_writes_nothing(tmp_path: Path) -> None:
    no_path = gaps("gaps", "approve", "offer.work", UNANSWERED)
    assert no_path.exit_code == 1 and "--overlay" in no_path.output
    overlay = tmp_path / "somerset.yaml"
    no_file = gaps("--overlay", str(overlay), "gaps", "approve", "offer.work", UNANSWERED)
    assert no_file.exit_code == 1 and "no overlay at" in no_file.output and not overlay.exists()
    overlay.write_text("council: somerset\n", encoding="utf-8")
    no_topic = gaps("--overlay", str(overlay), "gaps", "approve", "offer.jetpacks", "can i get a jetpack")
    assert no_topic.exit_code == 1 and "no topic 'offer.jetpacks'" in no_topic.output
    crisis = gaps("--overlay", str(overlay), "gaps", "approve", "crisis.suicide", "sad")
    assert crisis.exit_code == 1
    assert overlay.read_text(encoding="utf-8") == "council: somerset\n"


def test_a_bad_phrasing_in_an_overlay_is_an_error_with_its_line(tmp_path: Path) -> None:
    overlay = tmp_path / "somerset.yaml"
    overlay.write_text("council: somerset\nphrasings:\n  offer.work: [\"\"]\n", encoding="utf-8")
    result = gaps("--overlay", str(overlay), "kb", "check")
    assert result.exit_code == 1 and f"{overlay}:3:" in result.output


def test_the_loop_end_to_end_through_the_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked in `carebot chat`, seen in `carebot gaps`, approved, then answered in `carebot chat`."""
    monkeypatch.setenv("CAREBOT_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    db, overlay = tmp_path / "chat.db", tmp_path / "somerset.yaml"
    overlay.write_text("council: somerset\n", encoding="utf-8")

    def chat(*lines: str) -> str:
        args = ["--overlay", str(overlay), "chat", "--council", "somerset", "--db", str(db)]
        result = CliRunner().invoke(main, args, input="".join(line + "\n" for line in lines))
        assert result.exit_code == 0, result.output
        return result.output

    first = chat("6", UNANSWERED)  # 6: skip the age question
    assert "apprenticeship" not in first.lower().split(UNANSWERED)[-1]
    shown = gaps("gaps", "--db", str(db), "--council", "somerset")
    assert shown.exit_code == 0 and UNANSWERED in shown.output, shown.output
    approved = gaps("--overlay", str(overlay), "gaps", "approve", "offer.work", UNANSWERED)
    assert approved.exit_code == 0, approved.output
    assert "apprenticeship" in chat("6", UNANSWERED).lower()
