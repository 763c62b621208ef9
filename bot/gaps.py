"""The officer's improvement loop: what carebot could not answer, and phrasings to teach it.

`carebot gaps` reads three things the bot already keeps, scrubbed and for 90
days at most: questions it could not answer, questions answered only after
"did you mean", and answers marked "not really". It groups the unanswered
ones into the same themes the board digest uses (storage.board), suggests
which existing topic each might belong to, and lists the "did you mean"
questions as phrasings ready to approve. `carebot gaps approve` writes an
approved phrasing into the council's overlay (knowledge/overlay.py), which
`kb check` checks like every other knowledge file.

Nothing here shows a person: no keys, and every count goes through the
digest's suppression and rounding, so no count from 1 to 5 is shown.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.digest.build import OTHER_THEME
from bot.digest.suppress import DEFAULT_THRESHOLD, single
from intents.router import Router
from knowledge import overlay as overlays
from knowledge.base import CouncilKnowledge
from knowledge.problems import Collector
from storage import board
from storage.store import Store
from storage.vocab import VIEW_TOPICS

# The digest's own theme names (bot/digest/build.py), so the officer and the board read the same words.
THEME_LABELS = {**{k: v for k, v in VIEW_TOPICS.items() if k != "other"}, "other": OTHER_THEME}
# A suggestion is offered only when the matcher thinks the topic fairly likely.
SUGGEST_FROM = 0.35
EXAMPLES_PER_THEME = 8


class GapsError(Exception):
    """Something the officer must put right first, in words they can act on."""


@dataclass
class Theme:
    name: str
    count: str  # suppressed and rounded, as in the digest
    questions: list[tuple[str, str | None]] = field(default_factory=list)  # (scrubbed text, suggested topic)


@dataclass
class Gaps:
    themes: list[Theme]
    picked: list[tuple[str, str]]  # (scrubbed question, the topic chosen from "did you mean")
    not_helpful: list[tuple[str, str]]  # (topic, how many said "not really", suppressed)

    @property
    def empty(self) -> bool:
        return not (self.themes or self.picked or self.not_helpful)


def gaps(store: Store, knowledge: CouncilKnowledge, router: Router, since: date, until: date) -> Gaps:
    """Everything the officer can teach the bot from [since, until)."""
    council = knowledge.slug
    params = {"council": council, "start": since.isoformat(), "end": until.isoformat()}
    by_theme: dict[str, list[str]] = defaultdict(list)
    for row in store.rows(
        "SELECT text FROM unanswered WHERE council = :council AND created >= :start AND created < :end ORDER BY id", params
    ):
        by_theme[board.unanswered_theme(row["text"])].append(row["text"])
    themes = []
    for name, texts in sorted(by_theme.items(), key=lambda item: -len(item[1])):
        theme = Theme(name, single(len(texts), DEFAULT_THRESHOLD).text(DEFAULT_THRESHOLD))
        for text in list(dict.fromkeys(texts))[:EXAMPLES_PER_THEME]:
            theme.questions.append((text, _suggestion(router, text)))
        themes.append(theme)
    picked = [
        (row["text"], row["topic_id"])
        for row in store.rows(
            "SELECT DISTINCT text, topic_id FROM clarify_picks WHERE council = :council "
            "AND created >= :start AND created < :end ORDER BY topic_id, text", params
        )
    ]
    stats = board.questions_by_topic(store, council, since, until)
    not_helpful = [
        (topic, single(row["not_helpful"]).text()) for topic, row in sorted(stats.items()) if row.get("not_helpful")
    ]
    return Gaps(themes, picked, not_helpful)


def _suggestion(router: Router, text: str) -> str | None:
    ranked = router.matcher.rank(text, limit=1)
    if ranked and ranked[0].score >= SUGGEST_FROM and ranked[0].topic_id != "out_of_scope":
        return ranked[0].topic_id
    return None


def report(found: Gaps, knowledge: CouncilKnowledge) -> str:
    """The gaps as plain text for the officer."""
    if found.empty:
        return "Nothing to learn from yet: no unanswered questions, \"did you mean\" choices or \"not really\" answers in this period."
    lines: list[str] = []
    if found.themes:
        lines.append("Questions carebot could not answer, by theme:")
        for theme in found.themes:
            lines.append(f"\n  {THEME_LABELS.get(theme.name, theme.name)} ({theme.count} questions)")
            for text, topic in theme.questions:
                hint = f"  -> maybe {topic} ({knowledge.title(topic)})" if topic else ""
                lines.append(f"    - {text}{hint}")
    if found.picked:
        lines.append("\nAnswered after \"did you mean\" (approve to answer them straight away next time):")
        for text, topic in found.picked:
            lines.append(f"    - {text}  -> {topic}")
            lines.append(f"      carebot gaps approve {topic} {_quoted(text)}")
    if found.not_helpful:
        lines.append("\nAnswers marked \"not really\": " + ", ".join(f"{topic} ({n})" for topic, n in found.not_helpful))
    return "\n".join(lines)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def approve(path: Path, council: str, topic_id: str, phrasing: str, knowledge_topics: set[str], councils: dict[str, Any]) -> None:
    """Add one phrasing to the council's overlay, checked first; nothing is written if it would not pass."""
    if not path.exists():
        raise GapsError(
            f"there is no overlay at {path} yet. Create it with one line, 'council: {council}', then approve again."
        )
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or data.get("council") != council:
        raise GapsError(f"{path} is not {council}'s overlay (its 'council:' says {data.get('council')!r})")
    phrasing = " ".join(phrasing.split())
    asks = data.setdefault("phrasings", {}).setdefault(topic_id, [])
    if phrasing in asks:
        raise GapsError(f"{topic_id} already has that phrasing in {path}")
    asks.append(phrasing)
    candidate = path.with_name(f".{path.name}.new")
    candidate.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    found = Collector()
    if overlays.read_overlay(candidate, councils, found, knowledge_topics) is None:
        candidate.unlink()
        raise GapsError("not written: " + "; ".join(p.message for p in found.problems))
    candidate.replace(path)
