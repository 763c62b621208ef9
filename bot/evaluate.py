"""`carebot eval`: score understanding on labelled cases (shared/eval/README.md).

Each case goes through Router.decide, the same path a real message takes
(safety screen, then matching), with no conversation state.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from intents.router import Router
from knowledge import source
from knowledge.model import family


@dataclass(frozen=True)
class Case:
    text: str
    expect: tuple[str, ...]
    expect_not: tuple[str, ...]
    line: int
    kind: str | None = None  # the kind of harm a case is about (a crisis, or calm that looks like one)


@dataclass
class Outcome:
    text: str
    expect: list[str]
    expect_not: list[str]
    prediction: str
    choices: list[str]
    score: float
    correct: bool
    ms: float
    kind: str | None = None


def _labels(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def read_cases(path: Path) -> list[Case]:
    """The cases of an eval file, or KnowledgeFileError with the line at fault."""
    src = source.load(path)
    raw = src.data.get("cases") if isinstance(src.data, dict) else None
    if not isinstance(raw, list):
        raise source.KnowledgeFileError(path, src.line("cases"), "expected a top-level 'cases:' list")
    cases: list[Case] = []
    for i, item in enumerate(raw):
        line = src.line("cases", i)
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise source.KnowledgeFileError(path, line, "each case needs 'text'")
        expect, expect_not = _labels(item.get("expect")), _labels(item.get("expect_not"))
        if expect is None or expect_not is None or not (expect or expect_not):
            raise source.KnowledgeFileError(path, line, "each case needs 'expect' and/or 'expect_not' (an id or a list)")
        unknown = set(item) - {"text", "expect", "expect_not", "kind"}
        if unknown:
            raise source.KnowledgeFileError(path, line, f"unknown key(s) {sorted(unknown)}")
        kind = item.get("kind")
        if kind is not None and not isinstance(kind, str):
            raise source.KnowledgeFileError(path, line, "'kind' must be a word, such as suicide")
        cases.append(Case(item["text"], expect, expect_not, line, kind))
    return cases


def matches(prediction: str, labels: tuple[str, ...]) -> bool:
    """A label matches its own id, or any topic of a family it names."""
    return any(prediction == label or (("." not in label) and family(prediction) == label) for label in labels)


def score(router: Router, cases: list[Case]) -> tuple[list[Outcome], dict[str, float]]:
    outcomes: list[Outcome] = []
    for case in cases:
        started = time.perf_counter()
        decision = router.decide(case.text)
        ms = (time.perf_counter() - started) * 1000
        prediction = decision.prediction
        correct = (not case.expect or matches(prediction, case.expect)) and not (
            case.expect_not and matches(prediction, case.expect_not)
        )
        outcomes.append(
            Outcome(case.text, list(case.expect), list(case.expect_not), prediction,
                    list(decision.choices), round(decision.score, 4), correct, round(ms, 3), case.kind)
        )
    return outcomes, figures(outcomes)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def figures(outcomes: list[Outcome]) -> dict[str, float]:
    expecting = [o for o in outcomes if o.expect]
    n = len(expecting) or 1
    accurate = [o for o in expecting if matches(o.prediction, tuple(o.expect))]
    reached = [
        o for o in expecting
        if o in accurate or (o.prediction == "clarify" and any(matches(c, tuple(o.expect)) for c in o.choices))
    ]
    wrong = [
        o for o in expecting
        # A check-in ("are you safe?") or a safety explanation is not an answer on a wrong topic.
        if o.prediction not in ("clarify", "out_of_scope", "check_in", "about") and not matches(o.prediction, tuple(o.expect))
    ]
    # A case expects a crisis when it names the family or one of its topics ("crisis.abuse").
    crisis_cases = [o for o in expecting if any(family(label) == "crisis" for label in o.expect)]
    calm_cases = [o for o in outcomes if o not in crisis_cases]
    return {
        "accuracy": len(accurate) / n,
        "reach": len(reached) / n,
        "wrong": len(wrong) / n,
        "crisis_recall": (sum(matches(o.prediction, ("crisis",)) for o in crisis_cases) / len(crisis_cases)) if crisis_cases else 1.0,
        "false_alarms": (sum(matches(o.prediction, ("crisis",)) for o in calm_cases) / len(calm_cases)) if calm_cases else 0.0,
        "p50_ms": _percentile([o.ms for o in outcomes], 0.50),
        "p99_ms": _percentile([o.ms for o in outcomes], 0.99),
        "n": len(outcomes),
    }


def _expects_crisis(o: Outcome) -> bool:
    return bool(o.expect) and any(family(label) == "crisis" for label in o.expect)


def by_kind(outcomes: list[Outcome]) -> list[str]:
    """Recall, check-ins and false alarms for each kind named by the cases' optional `kind:`."""
    kinds = sorted({o.kind for o in outcomes if o.kind})
    lines = []
    for kind in kinds:
        crisis = [o for o in outcomes if o.kind == kind and _expects_crisis(o)]
        calm = [o for o in outcomes if o.kind == kind and not _expects_crisis(o)]
        caught = sum(matches(o.prediction, ("crisis",)) for o in crisis)
        asked = sum(o.prediction == "check_in" for o in crisis)
        alarms = sum(matches(o.prediction, ("crisis",)) for o in calm)
        recall = f"{caught / len(crisis):.3f} ({caught}/{len(crisis)}, {asked} check-ins)" if crisis else "-"
        false = f"{alarms / len(calm):.3f} ({alarms}/{len(calm)})" if calm else "-"
        lines.append(f"kind={kind} recall={recall} false_alarms={false}")
    return lines


def figure_line(f: dict[str, float]) -> str:
    return (
        f"accuracy={f['accuracy']:.3f} reach={f['reach']:.3f} wrong={f['wrong']:.3f} "
        f"crisis_recall={f['crisis_recall']:.3f} false_alarms={f['false_alarms']:.3f} "
        f"p50_ms={f['p50_ms']:.2f} p99_ms={f['p99_ms']:.2f} n={int(f['n'])}"
    )


def misses(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if not o.correct:
            wanted = ", ".join(o.expect) or "-"
            if o.expect_not:
                wanted += f" (not {', '.join(o.expect_not)})"
            did = o.prediction + (f" [{', '.join(o.choices)}]" if o.choices else "")
            lines.append(f"MISS {o.text!r}: expected {wanted}; got {did} (score {o.score:.2f})")
    return lines


def records(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    return [{k: v for k, v in asdict(o).items() if k != "ms" and (k != "kind" or v)} for o in outcomes]
