"""A council's own corrections to its shipped profile, without editing the shipped files.

An overlay is one YAML file (CAREBOT_KNOWLEDGE_OVERLAY, or --overlay PATH):

    council: somerset
    profile:
      contacts:
        out_of_hours: {phone: "0300 123 23 27", source: "https://...", checked: 2026-12-03}
    phrasings:              # ways young people ask, approved with `carebot gaps approve`
      offer.council_tax:
        - do i pay ctax in my first flat

Its fields override the shipped profile, field by field; its phrasings are
added to the topics'. It is checked like
every other knowledge file, with file and line; an overlay with any error is
not used at all, so a typo in it can never replace a number that works.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from knowledge import source
from knowledge.problems import Collector
from knowledge.contacts import contact_problems
from knowledge.model import PROFILE_SHAPE, Council, Topic, leaf_fits


ENV = "CAREBOT_KNOWLEDGE_OVERLAY"
TOP_KEYS = {"council", "profile", "phrasings"}
MAX_PHRASING = 200
# A council may correct what it publishes, not who it is.
FIXED = {"slug"}


def overlay_path(given: Path | str | None = None) -> Path | None:
    """The overlay to use: the one given, else the environment's, else none."""
    value = given if given is not None else os.environ.get(ENV)
    return Path(value) if value else None


@dataclass(frozen=True)
class Overlay:
    council: str
    profile: dict[str, Any]
    phrasings: dict[str, tuple[str, ...]]


def read_overlay(path: Path, councils: dict[str, Council], found: Collector, topic_ids: set[str]) -> Overlay | None:
    """What an overlay changes, or None (with problems) if it cannot be used."""
    before = len(found.problems)
    try:
        src = source.load(path)
    except source.KnowledgeFileError as error:
        found.file_error(error)
        return None
    data = src.data if isinstance(src.data, dict) else None
    if data is None:
        found.error(src, (), "an overlay needs 'council:' and 'profile:'")
        return None
    for key in sorted(set(data) - TOP_KEYS, key=str):
        found.error(src, (key,), f"unknown key {key!r} (an overlay has {sorted(TOP_KEYS)})")
    slug = data.get("council")
    if slug not in councils:
        found.error(src, ("council",), f"council {slug!r} is not one of {sorted(councils)}")
    profile = data.get("profile", {})
    if not isinstance(profile, dict):
        found.error(src, ("profile",), "'profile:' must be a mapping of the fields to override")
        return None
    _check_partial(src, ("profile",), PROFILE_SHAPE, profile, found)
    contact_problems(profile, lambda where, message: found.error(src, where, message), prefix=("profile",))
    phrasings = _read_phrasings(src, data.get("phrasings", {}), topic_ids, found)
    if len(found.problems) > before:
        return None
    return Overlay(str(slug), profile, phrasings)


def _read_phrasings(src: source.SourceFile, raw: Any, topic_ids: set[str], found: Collector) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        found.error(src, ("phrasings",), "'phrasings:' must map topic ids to lists of phrasings")
        return {}
    phrasings: dict[str, tuple[str, ...]] = {}
    for topic_id, asks in raw.items():
        where = ("phrasings", topic_id)
        if topic_id not in topic_ids or str(topic_id).startswith("crisis."):
            found.error(src, where, f"no topic {topic_id!r} to add phrasings to (crisis topics are never matched)")
            continue
        if not isinstance(asks, list) or not all(isinstance(a, str) and a.strip() and len(a) <= MAX_PHRASING for a in asks):
            found.error(src, where, f"{topic_id}: phrasings must be a list of words of up to {MAX_PHRASING} characters")
            continue
        phrasings[topic_id] = tuple(a.strip() for a in asks)
    return phrasings


def apply_overlay(council: Council, overlay: Overlay, topics: dict[str, Topic]) -> Council:
    """The council with the overlay's fields in place of its own, and its phrasings added."""
    merged = copy.deepcopy(council.profile)
    _merge(merged, overlay.profile)
    refinements = dict(council.refinements)
    for topic_id, asks in overlay.phrasings.items():
        base = refinements.get(topic_id)
        if base is None:
            # Only asks: the national answer, source and date stay as they are.
            national = topics[topic_id]
            base = replace(national, title="", answer="", asks=(), related=())
        refinements[topic_id] = replace(base, asks=base.asks + tuple(a for a in asks if a not in base.asks))
    return replace(council, profile=merged, refinements=refinements)


def _merge(target: dict[str, Any], changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _check_partial(src: source.SourceFile, where: tuple[str | int, ...], shape: Any, value: Any, found: Collector) -> None:
    """Like the profile check, but every key may be left out: an overlay says only what changes."""
    name = ".".join(str(w) for w in where[1:]) or "profile"
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            found.error(src, where, f"{name} must be a mapping")
            return
        for key in sorted(set(value) - set(shape), key=str):
            found.error(src, where + (key,), f"unknown field {name}.{key}")
        for key in sorted(set(value) & set(shape) - (FIXED if len(where) == 1 else set())):
            _check_partial(src, where + (key,), shape[key], value[key], found)
        for key in sorted(set(value) & FIXED if len(where) == 1 else ()):
            found.error(src, where + (key,), f"{key} cannot be changed by an overlay")
        return
    if not leaf_fits(shape, value):
        found.error(src, where, f"{name} must be {shape}")

