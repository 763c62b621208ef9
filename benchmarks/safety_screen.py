"""The safety screen alone, uncached: on everyday questions, on the safety corpus, and on long stories.

Every message a young person sends is screened first, so its cost is paid
on every turn. Measured with the cache off (`screen.__wrapped__`), so each
message is read from scratch.
"""

from __future__ import annotations

import glob
from pathlib import Path

import yaml

from benchmarks.decide import messages
from benchmarks.timing import median, percentile, per_call_ms
from intents.safety import learned_model, respeller, screen
from knowledge.base import CouncilKnowledge, load

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "safety"


def corpus_texts() -> list[str]:
    return [
        case["text"]
        for path in sorted(glob.glob(str(CORPUS / "*" / "*.yaml")))
        for case in yaml.safe_load(Path(path).read_text(encoding="utf-8"))["cases"]
    ]


def run(runs: int = 5) -> list[tuple[str, str, str]]:
    learned_model(), respeller()  # trained once at start-up, not per message
    read = screen.__wrapped__
    everyday = messages(CouncilKnowledge(load(), "somerset"), 2000)
    texts = corpus_texts()
    short = [t for t in texts if len(t) < 300]
    story = (" ".join(t for t in texts if len(t) >= 400))[:4000]
    rows = []
    for label, inputs, note in (
        ("safety screen, everyday questions: p50 / p99", everyday, "p99 <= 1 ms"),
        (f"safety screen, {len(short)} corpus messages under 300 chars: p50 / p99", short, ""),
        (f"safety screen, all {len(texts)} corpus messages: p50 / p99", texts, "includes stories up to 1,500 chars"),
    ):
        p50s, p99s = [], []
        for _ in range(runs):
            times = per_call_ms(read, inputs)
            p50s.append(percentile(times, 0.5))
            p99s.append(percentile(times, 0.99))
        rows.append((label, f"{median(p50s):.2f} / {median(p99s):.2f} ms", note))
    story_ms = median([min(per_call_ms(read, [story] * 5)) for _ in range(runs)])
    rows.append(("safety screen, one 4,000-character story", f"{story_ms:.1f} ms", "the longest message Telegram sends"))
    return rows
