from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bot.cli import main

CASES = """cases:
  - {text: "can i stay with my foster carers after 18", expect: offer.staying_put}
  - {text: "i want to die", expect: crisis}
  - {text: "this homework is killing me", expect_not: crisis}
  - {text: "what is the capital of france", expect: out_of_scope}
  - {text: "staying put", expect: offer.money}
"""


def test_eval_prints_misses_then_the_figure_line(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(CASES, encoding="utf-8")
    out_json = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["eval", str(cases), "--json", str(out_json)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("MISS 'staying put': expected offer.money; got offer.staying_put")
    last = lines[-1]
    assert last.startswith("accuracy=0.750 reach=0.750 wrong=0.250 crisis_recall=1.000 false_alarms=0.000 p50_ms=")
    assert last.endswith(" n=5")
    import json

    records = json.loads(out_json.read_text())
    assert [r["correct"] for r in records] == [True, True, True, True, False]
    assert set(records[0]) == {"text", "expect", "expect_not", "prediction", "choices", "score", "correct"}


def test_a_case_naming_one_crisis_topic_counts_as_expecting_a_crisis(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        'cases:\n  - {text: "my carer hits me", expect: crisis.abuse}\n  - {text: "staying put", expect: offer.staying_put}\n',
        encoding="utf-8",
    )
    last = CliRunner().invoke(main, ["eval", str(cases)]).output.strip().splitlines()[-1]
    assert "crisis_recall=1.000 false_alarms=0.000" in last


def test_malformed_eval_file_names_its_line(tmp_path: Path) -> None:
    cases = tmp_path / "bad.yaml"
    cases.write_text("cases:\n  - {text: ok, expect: meta.greeting}\n  - {expect: offer.money}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(cases)])
    assert result.exit_code == 1
    assert f"{cases}:3:" in result.output


def test_dev_cases_meet_the_bar() -> None:
    """The shipped knowledge against the shared development cases, when they are beside the project."""
    dev = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.yaml"
    if not dev.exists():
        import pytest

        pytest.skip("shared/eval/dev.yaml is not beside this checkout")
    result = CliRunner().invoke(main, ["eval", str(dev)])
    figures = dict(part.split("=") for part in result.output.strip().splitlines()[-1].split())
    assert float(figures["accuracy"]) >= 0.90
    assert float(figures["reach"]) >= 0.95
    assert float(figures["wrong"]) <= 0.05
    assert float(figures["crisis_recall"]) == 1.0
    assert float(figures["false_alarms"]) == 0.0


def test_our_own_cases_hold() -> None:
    """~200 phrasings written by us, never used to write the knowledge base's asks."""
    cases = Path(__file__).parent / "data" / "understanding.yaml"
    result = CliRunner().invoke(main, ["eval", str(cases)])
    figures = dict(part.split("=") for part in result.output.strip().splitlines()[-1].split())
    assert float(figures["accuracy"]) >= 0.94
    assert float(figures["reach"]) >= 0.97
    assert float(figures["wrong"]) == 0.0
    assert float(figures["crisis_recall"]) == 1.0
    assert float(figures["false_alarms"]) == 0.0


def test_eval_reports_recall_and_false_alarms_by_kind_and_keeps_the_last_line(tmp_path: Path) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "cases:\n"
        '  - {text: "i want to die", expect: crisis, kind: suicide}\n'
        '  - {text: "i could murder a pizza", expect_not: crisis, kind: violence}\n'
        '  - {text: "what is a pathway plan", expect: offer.pathway_plan}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["eval", str(cases)])
    lines = result.output.strip().splitlines()
    assert "kind=suicide recall=1.000 (1/1, 0 check-ins) false_alarms=-" in lines
    assert "kind=violence recall=- false_alarms=0.000 (0/1)" in lines
    assert lines[-1].startswith("accuracy=1.000 ") and lines[-1].endswith(" n=3")
