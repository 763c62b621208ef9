"""Refit intents/answer_gate.py's weights, and show what the gate does, with phrasings held out.

A quarter of the phrasings is held out at a time (four folds, by a hash of the
text); the matcher and topic model are built from the rest and each held-out
phrasing is asked as a question. Run it after the phrasings change:

    .venv/bin/python scripts/fit_answer_gate.py [--council SLUG]

It prints the fitted weights (paste them into WEIGHTS if they moved), then
accuracy / reach / wrong with the fixed rule alone and with the gate. It
reads no eval cases: the never-tuned splits must stay that way.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intents import answer_gate, router  # noqa: E402
from intents.matcher import Matcher  # noqa: E402
from knowledge.base import CouncilKnowledge, load  # noqa: E402

FOLDS = 4


def fold_of(text: str) -> int:
    return int(hashlib.md5(text.encode()).hexdigest(), 16) % FOLDS


def held_out(phrasings: dict[str, tuple[str, ...]]) -> list[tuple[str, str, router.Router]]:
    """(phrasing, its topic, a router built without that phrasing's fold) for every phrasing."""
    asked = []
    for k in range(FOLDS):
        rest = {t: tuple(x for x in xs if fold_of(x) != k) for t, xs in phrasings.items()}
        built = router.Router(Matcher(rest))
        asked += [(x, t, built) for t, xs in phrasings.items() for x in xs if fold_of(x) == k]
    return asked


def fit(signals: np.ndarray, right: np.ndarray, steps: int = 3000) -> np.ndarray:
    """Logistic regression by plain gradient descent (five signals: nothing cleverer is needed)."""
    weights = np.zeros(signals.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-signals @ weights))
        weights -= 0.5 * (signals.T @ (p - right) / len(right) + 1e-4 * weights)
    return weights


def figures(asked: list[tuple[str, str, router.Router]]) -> str:
    right = reach = wrong = 0
    for text, topic, built in asked:
        decision = built.understand(text)
        if decision.action is router.Action.ANSWER:
            right += decision.topic_id == topic
            wrong += decision.topic_id != topic
        reach += decision.topic_id == topic or topic in decision.choices
    n = len(asked)
    return f"accuracy={right / n:.3f} reach={reach / n:.3f} wrong={wrong / n:.3f} n={n}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--council", default="somerset")
    council = parser.parse_args().council
    asked = held_out(CouncilKnowledge(load(), council).matchable())
    rows, right = [], []
    for text, topic, built in asked:
        ranked = built.matcher.rank(text, limit=6)
        if ranked:
            rows.append(answer_gate.signals(ranked))
            right.append(float(ranked[0].topic_id == topic))
    print("weights:", tuple(round(float(w), 2) for w in fit(np.array(rows), np.array(right))))
    print("with the gate:      ", figures(asked))
    answer_gate.DOUBT_BELOW, answer_gate.SURE_ABOVE = 0.0, 2.0
    print("fixed rule alone:   ", figures(asked))


if __name__ == "__main__":
    main()
