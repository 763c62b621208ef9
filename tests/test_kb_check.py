"""`carebot kb check`: every problem with its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from knowledge.base import KnowledgeError, load
from knowledge.check import check
from knowledge.read import CONTENT_DIR, read_all


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the shipped content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    for path in target.rglob("*.yaml"):
        path.chmod(0o644)
    return target


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(fragment)


def errors(problems) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(p) for p in problems if p.level == "error"]


def test_shipped_knowledge_has_no_errors() -> None:
    assert errors(check()) == []


def test_every_canonical_topic_is_answered_with_source_and_date() -> None:
    kb = load()
    for topic_id in kb.canonical_ids:
        topic = kb.topics[topic_id]
        assert topic.answer and topic.source and topic.reviewed.year >= 2026, topic_id


def test_broken_yaml_names_file_and_line(content: Path) -> None:
    national = content / "national.yaml"
    line = line_of(national, "- id: offer.housing")
    replace_in(national, "- id: offer.housing", "- id: offer.housing\n    title: [unclosed")
    problems = check(content)
    assert len(problems) == 1
    assert problems[0].file == national and line <= problems[0].line <= line + 3
    assert "YAML" in problems[0].message


def test_duplicate_id_names_both_lines(content: Path) -> None:
    national = content / "national.yaml"
    replace_in(national, "- id: offer.housing", "- id: offer.money")
    found = errors(check(content))
    assert any("duplicate id 'offer.money'" in e and f":{line_of(national, '- id: offer.money')}:" not in e for e in found)
    assert any("missing canonical topic 'offer.housing'" in e for e in found)


def test_unknown_id_in_a_council_file(content: Path) -> None:
    dorset = content / "councils" / "dorset.yaml"
    text = dorset.read_text(encoding="utf-8")
    first_topic = text.index("  - id: ", text.index("\ntopics:"))
    end = text.index("\n", first_topic)
    old_line = text[first_topic:end]
    dorset.write_text(text[:first_topic] + "  - id: offer.spaceship" + text[end:], encoding="utf-8")
    line = line_of(dorset, "- id: offer.spaceship")
    found = errors(check(content))
    assert f"{dorset}:{line}: error: unknown id 'offer.spaceship': not a topic in national.yaml" in found
    del old_line


def test_related_id_that_does_not_exist(content: Path) -> None:
    national = content / "national.yaml"
    text = national.read_text(encoding="utf-8")
    start = text.index("- id: offer.housing")
    rel = text.index("related: [", start)
    national.write_text(text[:rel] + "related: [offer.moon, " + text[rel + len("related: ["):], encoding="utf-8")
    found = errors(check(content))
    assert any("offer.housing: related id 'offer.moon' does not exist" in e and e.startswith(f"{national}:{line_of(national, '- id: offer.housing')}:") for e in found)


def test_placeholder_with_no_value(content: Path) -> None:
    national = content / "national.yaml"
    text = national.read_text(encoding="utf-8")
    start = text.index("- id: offer.housing")
    answer = text.index("answer: |", start)
    eol = text.index("\n", answer)
    national.write_text(text[: eol + 1] + "      Call {council.contacts.housing_options.fax}\n" + text[eol + 1 :], encoding="utf-8")
    found = errors(check(content))
    assert any("{council.contacts.housing_options.fax} has no value" in e for e in found)


def test_missing_profile_key_and_wrong_type(content: Path) -> None:
    hampshire = content / "councils" / "hampshire.yaml"
    text = hampshire.read_text(encoding="utf-8")
    text = text.replace("alerts_include_text: false", "alerts_include_text: sometimes")
    hampshire.write_text(text, encoding="utf-8")
    found = errors(check(content))
    line = line_of(hampshire, "alerts_include_text: sometimes")
    assert f"{hampshire}:{line}: error: council.alerts_include_text must be bool" in found


def test_unset_contacts_are_warnings_unless_strict(content: Path) -> None:
    relaxed = check(content, council="dorset")
    assert errors(relaxed) == []
    assert any("out_of_hours.phone is not set" in str(p) for p in relaxed if p.level == "warning")
    assert any("out_of_hours.phone is not set" in e for e in errors(check(content, council="dorset", strict=True)))


def test_loading_refuses_a_broken_base(content: Path) -> None:
    replace_in(content / "national.yaml", "- id: offer.housing", "- id: offer.money")
    with pytest.raises(KnowledgeError):
        load(content)


def test_cli_exit_codes() -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["kb", "check"])
    assert ok.exit_code == 0, ok.output
    assert ok.output.strip().endswith("warning(s)") and "0 error(s)" in ok.output
    strict = runner.invoke(main, ["kb", "check", "--council", "dorset", "--strict"])
    assert strict.exit_code == 1
    assert "dorset: contact contacts.out_of_hours.phone is not set" in strict.output


def test_crisis_replies_name_file_and_line_for_an_unknown_or_missing_kind(content: Path) -> None:
    crisis = content / "crisis.yaml"
    replace_in(crisis, "  trafficking: |", "  traficking: |")
    found = errors(check(content))
    assert any(e.startswith(f"{crisis}:{line_of(crisis, 'traficking:')}: error: unknown kind 'traficking'") for e in found)
    assert any("kind 'trafficking' has no reply" in e for e in found)


def test_crisis_replies_check_their_helplines(content: Path) -> None:
    crisis = content / "crisis.yaml"
    replace_in(crisis, "{helplines.shout.contact}", "{helplines.shoutt.contact}")
    assert any("unknown placeholder {helplines.shoutt.contact}" in e for e in errors(check(content)))


def test_phrasings_files_add_asks_and_name_file_and_line_for_an_unknown_topic(content: Path) -> None:
    extra = content / "phrasings" / "extra.yaml"
    extra.parent.mkdir(exist_ok=True)
    extra.write_text("phrasings:\n  offer.council_tax:\n    - ctax in my very first flat\n  offer.jetpacks:\n    - jetpack\n", encoding="utf-8")
    found = errors(check(content))
    assert found == [f"{extra}:4: error: no topic 'offer.jetpacks' to add phrasings to (crisis topics are never matched)"]
    extra.write_text("phrasings:\n  offer.council_tax:\n    - ctax in my very first flat\n", encoding="utf-8")
    kb, _ = read_all(content)
    assert kb is not None and "ctax in my very first flat" in kb.topics["offer.council_tax"].asks
