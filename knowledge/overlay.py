"""A council's own corrections to its shipped profile, without editing the shipped files.

An overlay is one YAML file (CAREBOT_KNOWLEDGE_OVERLAY, or --overlay PATH):

    council: somerset
    profile:
      contacts:
        out_of_hours: {phone: "0300 123 23 27", source: "https://...", checked: 2026-12-03}

Its fields override the shipped profile, field by field. It is checked like
every other knowledge file, with file and line; an overlay with any error is
not used at all, so a typo in it can never replace a number that works.
"""

from __future__ import annotations

import copy
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from knowledge import source
from knowledge.contacts import contact_problems
from knowledge.model import PROFILE_SHAPE, Council, leaf_fits

if TYPE_CHECKING:
    from knowledge.read import Collector

ENV = "CAREBOT_KNOWLEDGE_OVERLAY"
TOP_KEYS = {"council", "profile"}
# A council may correct what it publishes, not who it is.
FIXED = {"slug"}


def overlay_path(given: Path | str | None = None) -> Path | None:
    """The overlay to use: the one given, else the environment's, else none."""
    value = given if given is not None else os.environ.get(ENV)
    return Path(value) if value else None


def read_overlay(path: Path, councils: dict[str, Council], found: Collector) -> tuple[str, dict[str, Any]] | None:
    """The council and profile fields of an overlay, or None (with problems) if it cannot be used."""
    before = len(found.problems)
    try:
        src = source.load(path)
    except source.KnowledgeFileError as error:
        found.problems.append(_problem(error.path, error.line, error.message))
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
    profile = data.get("profile")
    if not isinstance(profile, dict):
        found.error(src, ("profile",), "'profile:' must be a mapping of the fields to override")
        return None
    _check_partial(src, ("profile",), PROFILE_SHAPE, profile, found)
    contact_problems(profile, lambda where, message: found.error(src, where, message), prefix=("profile",))
    if len(found.problems) > before:
        return None
    return str(slug), profile


def apply_overlay(council: Council, profile: dict[str, Any]) -> Council:
    """The council with the overlay's fields in place of its own."""
    merged = copy.deepcopy(council.profile)
    _merge(merged, profile)
    return replace(council, profile=merged)


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


def _problem(path: Path, line: int, message: str):  # type: ignore[no-untyped-def]
    from knowledge.read import Problem

    return Problem(path, line, message)
