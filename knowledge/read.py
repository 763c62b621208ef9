"""Turn the YAML files into a checked Knowledge, collecting every problem.

Reading never stops at the first problem: an officer fixing a council file
wants the whole list at once, each with its file and line.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from knowledge import source
from knowledge.contacts import contact_problems
from knowledge.overlay import apply_overlay, read_overlay
from knowledge.crisis import KINDS as CRISIS_KINDS, read_crisis
from knowledge.problems import Collector, Problem
from knowledge.model import (
    CRISIS_FAMILY,
    PROFILE_SHAPE,
    REQUIRED_PROFILE_TEXT,
    Council,
    Helpline,
    Knowledge,
    Topic,
    family,
    leaf_fits,
)

CONTENT_DIR = Path(__file__).parent / "content"
# Where a contact came from and when: needed only once it has a value (knowledge/contacts.py).
OPTIONAL_KEYS = {"source", "checked"}
TOPIC_KEYS = {"id", "title", "ask", "answer", "related", "source", "reviewed"}


def _text_list(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def _read_topic(
    src: source.SourceFile, where: tuple[str | int, ...], raw: Any, found: Collector, *, refinement: bool
) -> Topic | None:
    """One topic entry; a refinement may leave out what it does not change."""
    if not isinstance(raw, dict):
        found.error(src, where, "a topic must be a mapping with id, title, ask, answer...")
        return None
    for key in sorted(set(raw) - TOPIC_KEYS):
        found.error(src, where + (key,), f"unknown key {key!r} (expected one of {sorted(TOPIC_KEYS)})")
    topic_id = raw.get("id")
    if not isinstance(topic_id, str) or not topic_id:
        found.error(src, where, "a topic needs an 'id'")
        return None
    required = ("source", "reviewed") if refinement else ("title", "answer", "source", "reviewed")
    for key in required:
        if raw.get(key) in (None, ""):
            found.error(src, where + (key,), f"{topic_id}: missing {key!r}")
    for key in ("title", "answer", "source"):
        if key in raw and raw[key] is not None and not isinstance(raw[key], str):
            found.error(src, where + (key,), f"{topic_id}: {key!r} must be text")
    reviewed = raw.get("reviewed")
    if reviewed is not None and not isinstance(reviewed, date):
        found.error(src, where + ("reviewed",), f"{topic_id}: 'reviewed' must be a date like 2026-11-22")
    asks = _text_list(raw.get("ask"))
    related = _text_list(raw.get("related"))
    if asks is None:
        found.error(src, where + ("ask",), f"{topic_id}: 'ask' must be a list of phrasings")
    if related is None:
        found.error(src, where + ("related",), f"{topic_id}: 'related' must be a list of topic ids")
    if not refinement and not asks and family(topic_id) != CRISIS_FAMILY:
        found.error(src, where + ("ask",), f"{topic_id}: no phrasings in 'ask'")
    return Topic(
        id=topic_id,
        title=raw.get("title") or "",
        asks=tuple(a.strip() for a in asks or [] if a.strip()),
        answer=(raw.get("answer") or "").strip(),
        related=tuple(related or ()),
        source=raw.get("source") or "",
        reviewed=reviewed if isinstance(reviewed, date) else date.min,
        file=src.path,
        line=src.line(*where),
    )


def _read_topics(src: source.SourceFile, found: Collector, *, refinement: bool) -> dict[str, Topic]:
    raw_topics = src.data.get("topics") if isinstance(src.data, dict) else None
    if raw_topics is None and refinement:
        return {}
    if not isinstance(raw_topics, list):
        found.error(src, ("topics",), "'topics' must be a list")
        return {}
    topics: dict[str, Topic] = {}
    for i, raw in enumerate(raw_topics):
        topic = _read_topic(src, ("topics", i), raw, found, refinement=refinement)
        if topic is None:
            continue
        if topic.id in topics:
            found.error(src, ("topics", i), f"duplicate id {topic.id!r} (first at line {topics[topic.id].line})")
            continue
        topics[topic.id] = topic
    return topics


def _check_shape(
    src: source.SourceFile, where: tuple[str | int, ...], shape: Any, value: Any, found: Collector
) -> None:
    """Compare a profile against PROFILE_SHAPE, naming the exact key."""
    name = ".".join(str(w) for w in where)
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            found.error(src, where, f"{name} must be a mapping")
            return
        for key in sorted(set(shape) - set(value) - OPTIONAL_KEYS):
            found.error(src, where, f"{name}.{key} is missing (write null if it is not known)")
        for key in sorted(set(value) - set(shape)):
            found.error(src, where + (key,), f"unknown key {name}.{key}")
        for key in set(shape) & set(value):
            _check_shape(src, where + (key,), shape[key], value[key], found)
        return
    if not leaf_fits(shape, value):
        found.error(src, where, f"{name} must be {shape}")


def _read_council(path: Path, found: Collector) -> Council | None:
    try:
        src = source.load(path)
    except source.KnowledgeFileError as error:
        found.file_error(error)
        return None
    if not isinstance(src.data, dict) or not isinstance(src.data.get("council"), dict):
        found.error(src, (), "a council file needs a 'council:' profile")
        return None
    for key in sorted(set(src.data) - {"council", "topics"}):
        found.error(src, (key,), f"unknown top-level key {key!r}")
    profile = src.data["council"]
    _check_shape(src, ("council",), PROFILE_SHAPE, profile, found)
    contact_problems(profile, lambda where, message: found.error(src, where, message))
    for key in REQUIRED_PROFILE_TEXT:
        if not profile.get(key):
            found.error(src, ("council", key), f"council.{key} must be set")
    if profile.get("slug") not in (None, path.stem):
        found.error(src, ("council", "slug"), f"slug {profile.get('slug')!r} does not match the file name {path.stem!r}")
    return Council(
        slug=path.stem,
        profile=profile,
        refinements=_read_topics(src, found, refinement=True),
        file=path,
        lines=src.lines,
    )


def _read_helplines(src: source.SourceFile, found: Collector) -> dict[str, Helpline]:
    raw = src.data.get("helplines")
    if not isinstance(raw, dict):
        found.error(src, ("helplines",), "'helplines' must be a mapping")
        return {}
    helplines: dict[str, Helpline] = {}
    for key, entry in raw.items():
        if not isinstance(entry, dict) or not all(isinstance(entry.get(f), str) for f in ("name", "contact")):
            found.error(src, ("helplines", key), f"helpline {key!r} needs a name and a contact")
            continue
        helplines[key] = Helpline(
            key=key,
            name=entry["name"],
            contact=entry["contact"],
            hours=str(entry.get("hours") or ""),
            source=str(entry.get("source") or ""),
        )
    return helplines


def _add_phrasings(path: Path, topics: dict[str, Topic], found: Collector) -> None:
    """More ways young people ask, kept apart from the answers (content/phrasings/*.yaml): `phrasings: {topic: [...]}`."""
    try:
        src = source.load(path)
    except source.KnowledgeFileError as error:
        found.file_error(error)
        return
    raw = src.data.get("phrasings") if isinstance(src.data, dict) else None
    if not isinstance(raw, dict):
        found.error(src, (), "a phrasings file needs 'phrasings:' mapping topic ids to lists")
        return
    for topic_id, asks in raw.items():
        where = ("phrasings", topic_id)
        if topic_id not in topics or family(str(topic_id)) == CRISIS_FAMILY:
            found.error(src, where, f"no topic {topic_id!r} to add phrasings to (crisis topics are never matched)")
            continue
        listed = _text_list(asks)
        if listed is None or not all(a.strip() for a in listed):
            found.error(src, where, f"{topic_id}: phrasings must be a list of non-empty words")
            continue
        topic = topics[topic_id]
        topics[topic_id] = replace(topic, asks=topic.asks + tuple(a for a in listed if a not in topic.asks))


def read_canonical_ids(path: Path) -> tuple[str, ...]:
    """The topic ids of the contract file (topics.yaml): its top-level keys."""
    data = source.load(path).data
    if not isinstance(data, dict):
        raise source.KnowledgeFileError(path, 1, "topics.yaml must map ids to their 'covers'")
    return tuple(data)


def read_all(content_dir: Path = CONTENT_DIR, overlay: Path | None = None) -> tuple[Knowledge | None, list[Problem]]:
    """Read every file, and the council's overlay if there is one; return what could be read and every problem."""
    found = Collector()
    try:
        canonical = read_canonical_ids(content_dir / "topics.yaml")
        national = source.load(content_dir / "national.yaml")
    except source.KnowledgeFileError as error:
        return None, [Problem(error.path, error.line, error.message)]
    if not isinstance(national.data, dict):
        found.error(national, (), "national.yaml needs 'helplines' and 'topics'")
        return None, found.problems
    knowledge = Knowledge(
        canonical_ids=canonical,
        topics=_read_topics(national, found, refinement=False),
        helplines=_read_helplines(national, found),
    )
    for path in sorted((content_dir / "phrasings").glob("*.yaml")):
        _add_phrasings(path, knowledge.topics, found)
    for path in sorted((content_dir / "councils").glob("*.yaml")):
        council = _read_council(path, found)
        if council is not None:
            knowledge.councils[council.slug] = council
    if overlay is not None:
        read = read_overlay(overlay, knowledge.councils, found, set(knowledge.topics))
        if read is not None:
            knowledge.councils[read.council] = apply_overlay(knowledge.councils[read.council], read, knowledge.topics)
    known = {f"helplines.{key}.{part}" for key in knowledge.helplines for part in ("name", "contact", "hours")}
    knowledge.crisis = read_crisis(content_dir / "crisis.yaml", CRISIS_KINDS, found, known)
    return knowledge, found.problems
