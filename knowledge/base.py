"""The knowledge one council's young people see: national topics, refined locally."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from knowledge.crisis import TOPIC_OF_KIND, CrisisReplies
from knowledge.model import Council, Knowledge, Topic, family
from knowledge.overlay import overlay_path
from knowledge.read import CONTENT_DIR, Problem, read_all
from knowledge.render import fill

DEFAULT_COUNCIL = "somerset"
log = logging.getLogger("carebot.knowledge")


class KnowledgeError(Exception):
    """The knowledge base has errors; the bot must not start on it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def load(content_dir: Path = CONTENT_DIR, overlay: Path | str | None = None) -> Knowledge:
    """Read and check the knowledge base, or raise KnowledgeError listing every error.

    A council's overlay (CAREBOT_KNOWLEDGE_OVERLAY) with errors is left out,
    and said so in the log: the shipped contacts are used, and the bot still runs.
    """
    path = overlay_path(overlay)
    kb, problems = read_all(content_dir, path)
    errors = [p for p in problems if p.level == "error" and p.file != path]
    if kb is None or errors:
        raise KnowledgeError(errors)
    for problem in problems:
        if problem.level == "error":
            log.error("overlay not used: %s", problem)
    return kb


def _merge(national: Topic, local: Topic | None) -> Topic:
    if local is None:
        return national
    return replace(
        national,
        title=local.title or national.title,
        asks=national.asks + tuple(a for a in local.asks if a not in national.asks),
        answer=local.answer or national.answer,
        related=local.related or national.related,
        source=local.source,
        reviewed=local.reviewed,
        file=local.file,
        line=local.line,
    )


class CouncilKnowledge:
    """Topics as one council's young people see them, with answers filled in."""

    def __init__(self, kb: Knowledge, slug: str) -> None:
        if slug not in kb.councils:
            raise KeyError(f"no council {slug!r}; choose one of {', '.join(sorted(kb.councils))}")
        self.council: Council = kb.councils[slug]
        self.helplines = kb.helplines
        self.topics: dict[str, Topic] = {
            topic_id: _merge(topic, self.council.refinements.get(topic_id))
            for topic_id, topic in kb.topics.items()
        }
        self.values: dict[str, Any] = {"council": self.council.profile, "helplines": kb.helpline_data()}
        self.crisis: CrisisReplies = kb.crisis

    @property
    def slug(self) -> str:
        return self.council.slug

    @property
    def name(self) -> str:
        return self.council.short_name

    def answer(self, topic_id: str) -> str:
        """The answer with this council's details filled in."""
        return fill(self.topics[topic_id].answer, self.values)

    def crisis_reply(self, kind: str) -> str:
        """The reply for one kind of harm, with this council's numbers, and never a dead end."""
        replies = self.crisis
        text = fill(replies.kinds.get(kind) or self.topics[TOPIC_OF_KIND[kind]].answer, self.values)
        if not self.setting("contacts.out_of_hours.phone"):
            text += "\n" + fill(replies.texts["no_out_of_hours"], self.values)
        return text

    def crisis_text(self, key: str, **names: str) -> str:
        """One of crisis.yaml's own texts (check_in, about), filled in."""
        text = self.crisis.texts[key]
        for name, value in names.items():
            text = text.replace("{" + name + "}", value)
        return fill(text, self.values)

    def title(self, topic_id: str) -> str:
        return self.topics[topic_id].title or topic_id

    def setting(self, path: str) -> Any:
        """A profile value by dotted path (None when unset)."""
        node: Any = self.council.profile
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    def matchable(self) -> dict[str, tuple[str, ...]]:
        """Phrasings per topic for the matcher; crisis topics are never guessed."""
        return {
            topic_id: topic.asks + ((topic.title,) if topic.title else ())
            for topic_id, topic in self.topics.items()
            if family(topic_id) != "crisis"
        }
