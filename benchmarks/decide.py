"""Deciding one message: normalise, safety screen, match, route.

On the shipped knowledge for one council, and on a generated knowledge base
of 20,000 phrasings (about what every council in England would add), against
the obvious way: rapidfuzz `process.extractOne` with `WRatio` over every
phrasing.
"""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from benchmarks.timing import median, percentile, per_call_ms
from intents.matcher import Matcher
from intents.normalise import normalise
from intents.router import Router
from intents.safety import screen
from knowledge.base import CouncilKnowledge, load

PLACES = ["in my area", "round here", "for me", "where i live", "near me", "please", "asap", "for care leavers"]
OPENERS = ["", "hi ", "um ", "quick question ", "can u tell me ", "wat about ", "i need to know "]


def messages(knowledge: CouncilKnowledge, count: int, seed: int = 7) -> list[str]:
    """Realistic messages: phrasings with typos, text speak and extra words."""
    rng = random.Random(seed)
    asks = [a for asks in knowledge.matchable().values() for a in asks]
    out = []
    for _ in range(count):
        text = rng.choice(OPENERS) + rng.choice(asks)
        if rng.random() < 0.3 and len(text) > 6:  # a typo: two letters swapped
            i = rng.randrange(1, len(text) - 2)
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        if rng.random() < 0.3:
            text += " " + rng.choice(PLACES)
        out.append(text)
    return out


def generated_phrasings(knowledge: CouncilKnowledge, total: int = 20_000, seed: int = 11) -> dict[str, tuple[str, ...]]:
    """A knowledge base the size of all England's councils' local phrasings."""
    rng = random.Random(seed)
    base = knowledge.matchable()
    topics = list(base)
    grown: dict[str, list[str]] = {t: list(asks) for t, asks in base.items()}
    count = sum(len(a) for a in grown.values())
    while count < total:
        topic = rng.choice(topics)
        ask = rng.choice(base[topic])
        variant = f"{rng.choice(OPENERS)}{ask} {rng.choice(PLACES)} council{rng.randrange(150)}".strip()
        grown[topic].append(variant)
        count += 1
    return {t: tuple(a) for t, a in grown.items()}


class Baseline:
    """The obvious implementation: extractOne with WRatio over every phrasing."""

    def __init__(self, phrasings: dict[str, tuple[str, ...]]) -> None:
        self.texts = [normalise(a) for asks in phrasings.values() for a in asks]
        self.topics = [t for t, asks in phrasings.items() for _ in asks]

    def decide(self, text: str) -> str | None:
        if screen(text).is_crisis:
            return "crisis"
        found = process.extractOne(normalise(text), self.texts, scorer=fuzz.WRatio, score_cutoff=70)
        return self.topics[found[2]] if found else None


def run(runs: int = 5, count: int = 600) -> list[tuple[str, str, str]]:
    knowledge = CouncilKnowledge(load(), "somerset")
    rows: list[tuple[str, str, str]] = []
    for label, phrasings in (("shipped", knowledge.matchable()), ("20,000 phrasings", generated_phrasings(knowledge))):
        router, baseline = Router(Matcher(phrasings)), Baseline(phrasings)
        texts = messages(knowledge, count)
        for text in texts[:50]:  # warm caches as steady use would
            router.decide(text)
        p50s, p99s, base50, base99 = [], [], [], []
        for run_number in range(runs):
            fresh = messages(knowledge, count, seed=100 + run_number)
            ours = per_call_ms(router.decide, fresh)
            theirs = per_call_ms(baseline.decide, fresh[: count // 4])
            p50s.append(percentile(ours, 0.5))
            p99s.append(percentile(ours, 0.99))
            base50.append(percentile(theirs, 0.5))
            base99.append(percentile(theirs, 0.99))
        target = "<= 2 ms" if label == "shipped" else "<= 10 ms"
        rows.append((f"decide, {label}: p50 / p99", f"{median(p50s):.2f} / {median(p99s):.2f} ms", f"p99 {target}"))
        rows.append((
            f"baseline extractOne(WRatio), {label}: p50 / p99",
            f"{median(base50):.2f} / {median(base99):.2f} ms",
            f"ours is {median(base50) / median(p50s):.1f}x faster at p50",
        ))
    return rows
