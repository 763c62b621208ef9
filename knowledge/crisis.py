"""The crisis replies file (content/crisis.yaml): one reply for each kind of harm.

Kept apart from the topics because the safety screen, not the matcher,
chooses them, and because they name more kinds than there are crisis topics.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge import source
from knowledge.problems import Collector
from knowledge.model import PLACEHOLDER


TEXTS = ("no_out_of_hours", "check_in", "about")

# The kinds of harm the safety screen tells apart, most urgent first: the
# first kind found is the one a reply leads with.
KINDS = (
    "danger", "overdose", "suicide", "self_harm", "violence", "abuse", "domestic_abuse", "sexual_exploitation",
    "sextortion", "criminal_exploitation", "trafficking", "forced_marriage", "radicalisation", "missing",
    "homeless", "eating_disorder", "friend",
)
# The crisis topic (topics.yaml, a contract) each kind belongs to.
TOPIC_OF_KIND = {
    "suicide": "crisis.suicide", "self_harm": "crisis.suicide", "overdose": "crisis.suicide", "eating_disorder": "crisis.suicide",
    "abuse": "crisis.abuse", "domestic_abuse": "crisis.abuse", "forced_marriage": "crisis.abuse",
    "sexual_exploitation": "crisis.exploitation", "sextortion": "crisis.exploitation",
    "criminal_exploitation": "crisis.exploitation", "trafficking": "crisis.exploitation", "radicalisation": "crisis.exploitation",
    "danger": "crisis.danger", "violence": "crisis.danger", "missing": "crisis.danger", "homeless": "crisis.homeless",
    "friend": "crisis.danger",
}
# Plain names, for alerts, the digest and the "about" reply.
KIND_NAMES = {
    "danger": "Danger now", "overdose": "Overdose or drugs", "suicide": "Suicide", "self_harm": "Self-harm",
    "violence": "Threats of violence", "abuse": "Abuse or neglect", "domestic_abuse": "Domestic abuse",
    "sexual_exploitation": "Grooming or sexual exploitation", "sextortion": "Sextortion (threats with images)",
    "criminal_exploitation": "Criminal exploitation (county lines)", "trafficking": "Trafficking or modern slavery",
    "forced_marriage": "Forced marriage, FGM or honour-based abuse", "radicalisation": "Radicalisation",
    "missing": "Going missing", "homeless": "Nowhere to stay", "eating_disorder": "Eating disorder",
    "friend": "A friend in danger",
}


@dataclass(frozen=True)
class CrisisReplies:
    kinds: dict[str, str]
    texts: dict[str, str]
    file: Path


def read_crisis(path: Path, kinds: tuple[str, ...], found: Collector, known: set[str]) -> CrisisReplies | None:
    """Every kind's reply, or problems with file and line for each one missing or malformed."""
    try:
        src = source.load(path)
    except source.KnowledgeFileError as error:
        found.file_error(error)
        return None
    data = src.data if isinstance(src.data, dict) else {}
    raw_kinds = data.get("kinds")
    if not isinstance(raw_kinds, dict):
        found.error(src, (), "crisis.yaml needs a 'kinds:' mapping of kind to reply")
        return None
    replies: dict[str, str] = {}
    for kind in sorted(set(raw_kinds) - set(kinds)):
        found.error(src, ("kinds", kind), f"unknown kind {kind!r} (the safety screen knows {', '.join(kinds)})")
    for kind in kinds:
        text = raw_kinds.get(kind)
        if not isinstance(text, str) or not text.strip():
            found.error(src, ("kinds",), f"kind {kind!r} has no reply")
            continue
        _check_placeholders(src, ("kinds", kind), text, found, known)
        replies[kind] = text.strip()
    texts: dict[str, str] = {}
    for key in TEXTS:
        text = data.get(key)
        if not isinstance(text, str) or not text.strip():
            found.error(src, (), f"crisis.yaml needs {key!r}")
            continue
        _check_placeholders(src, (key,), text, found, known)
        texts[key] = text.strip()
    return CrisisReplies(replies, texts, path)


def _check_placeholders(src: source.SourceFile, where: tuple[str, ...], text: str, found: Collector, known: set[str]) -> None:
    for name in PLACEHOLDER.findall(text):
        if name.split(".")[0] == "helplines" and name not in known:
            found.error(src, where, f"unknown placeholder {{{name}}}")

