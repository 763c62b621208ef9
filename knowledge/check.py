"""`carebot kb check`: everything that can be wrong with the knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.model import CONTACT_ROLES, CRISIS_FAMILY, PLACEHOLDER, UNSET_MARKER, Council, Knowledge, Topic, family
from knowledge.overlay import overlay_path
from knowledge.read import CONTENT_DIR, Problem, read_all
from knowledge.render import is_known

# Contact details a young person may be pointed to; unset ones are warned about.
EMERGENCY = ("contacts", "out_of_hours", "phone")
CONTACT_FIELDS = [("advocacy", "phone")] + [("contacts", role, "phone") for role in CONTACT_ROLES]


def _related_problems(topic: Topic, known_ids: set[str]) -> list[Problem]:
    return [
        Problem(topic.file, topic.line, f"{topic.id}: related id {rel!r} does not exist")
        for rel in topic.related
        if rel not in known_ids
    ]


def _placeholder_problems(topic: Topic, values: dict, namespace: str, suffix: str = "") -> list[Problem]:
    """Placeholders in one namespace ('council' or 'helplines') that name no key."""
    return [
        Problem(topic.file, topic.line, f"{topic.id}: placeholder {{{name}}} has no value to fill it{suffix}")
        for name in PLACEHOLDER.findall(topic.answer + topic.title) + UNSET_MARKER.findall(topic.answer)
        if name.startswith(namespace + ".") and not is_known(name, values)
    ]


def _council_problems(kb: Knowledge, council: Council, strict: bool) -> list[Problem]:
    problems: list[Problem] = []
    known = set(kb.topics)
    values = {"council": council.profile, "helplines": kb.helpline_data()}
    for topic in council.refinements.values():
        if topic.id not in known:
            problems.append(Problem(topic.file, topic.line, f"unknown id {topic.id!r}: not a topic in national.yaml"))
        elif family(topic.id) == CRISIS_FAMILY:
            problems.append(Problem(topic.file, topic.line, f"{topic.id}: crisis replies are national; refine contacts in the profile instead"))
        problems += _related_problems(topic, known)
        problems += _placeholder_problems(topic, values, "council")
        problems += _placeholder_problems(topic, values, "helplines")
    # National answers are filled from this council's profile too.
    for topic in kb.topics.values():
        problems += _placeholder_problems(topic, values, "council", f" (for {council.slug})")
    for fields in CONTACT_FIELDS:
        node: Any = council.profile
        for key in fields:
            node = node.get(key) if isinstance(node, dict) else None
        if node is None:
            line = council.lines.get(("council",) + fields, 1)
            # Strict refuses only a council with no emergency number: the one a young person must have.
            level = "error" if strict and fields == EMERGENCY else "warning"
            problems.append(Problem(council.file, line, f"{council.slug}: contact {'.'.join(fields)} is not set", level))
    return problems


def check(
    content_dir: Path = CONTENT_DIR, council: str | None = None, strict: bool = False, overlay: Path | str | None = None
) -> list[Problem]:
    """Every problem, errors first (the overlay's too); an empty list means the base is sound."""
    kb, problems = read_all(content_dir, overlay_path(overlay))
    if kb is None:
        return problems
    known = set(kb.topics)
    for topic_id in kb.canonical_ids:
        if topic_id not in known:
            problems.append(Problem(content_dir / "national.yaml", 1, f"missing canonical topic {topic_id!r}"))
    for topic in kb.topics.values():
        if topic.id not in kb.canonical_ids:
            problems.append(Problem(topic.file, topic.line, f"unknown id {topic.id!r}: not in topics.yaml"))
        problems += _related_problems(topic, known)
        problems += _placeholder_problems(topic, {"helplines": kb.helpline_data()}, "helplines")
    seen_asks: dict[str, Topic] = {}
    for topic in kb.topics.values():
        for ask in topic.asks:
            key = ask.lower()
            if key in seen_asks and seen_asks[key].id != topic.id:
                problems.append(Problem(topic.file, topic.line, f"{topic.id}: phrasing {ask!r} is also under {seen_asks[key].id}", "warning"))
            seen_asks.setdefault(key, topic)
    if council is not None and council not in kb.councils:
        problems.append(Problem(content_dir / "councils", 1, f"no council {council!r}; have {sorted(kb.councils)}"))
    for slug, entry in kb.councils.items():
        if council is None or slug == council:
            problems += _council_problems(kb, entry, strict)
    return sorted(problems, key=lambda p: (p.level != "error", str(p.file), p.line))

