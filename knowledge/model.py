"""What the knowledge base holds, once read and checked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

# {council.advocacy.phone} or {helplines.samaritans.contact}
PLACEHOLDER = re.compile(r"\{((?:council|helplines)(?:\.[A-Za-z0-9_]+)+)\}")
# {unset:council.contacts.out_of_hours.phone} at the start of a line: keep the
# line only while that value is unset, so an answer can say what to do instead.
UNSET_MARKER = re.compile(r"\{unset:((?:council|helplines)(?:\.[A-Za-z0-9_]+)+)\}")

CRISIS_FAMILY = "crisis"
OUT_OF_SCOPE = "out_of_scope"

# The shape every council profile must have. A string names the kind of
# leaf; a dict is a nested mapping. None is always allowed for a leaf, since
# what the seeds do not say stays unset.
CONTACT_SHAPE = {"phone": "text", "email": "text", "web": "text", "hours": "text", "source": "text", "checked": "date"}
CONTACT_ROLES = (
    "leaving_care_team",
    "out_of_hours",
    "children_services",
    "participation_officer",
    "housing_options",
)
PROFILE_SHAPE: dict[str, Any] = {
    "slug": "text",
    "name": "text",
    "short_name": "text",
    "source": "text",
    "reviewed": "date",
    "in_care_councils": "list",
    "advocacy": {"provider": "text", "phone": "text", "email": "text", "web": "text", "source": "text", "checked": "date"},
    "local_offer": {"url": "text", "source": "text", "checked": "date"},
    "contacts": {role: CONTACT_SHAPE for role in CONTACT_ROLES},
    "council_tax": {"exempt": "bool", "age_limit": "int", "rule": "text"},
    "pledge": "text",
    "reply_promise": "text",
    "alerts_include_text": "bool",
}
def leaf_fits(shape: str, value: Any) -> bool:
    """Whether a profile value is of the kind its shape names (None always fits: not known)."""
    if value is None:
        return True
    expected = {"text": str, "date": date, "list": list, "bool": bool, "int": int}[shape]
    return isinstance(value, expected) and not (expected is int and isinstance(value, bool))


REQUIRED_PROFILE_TEXT = ("slug", "name", "short_name", "source")


def family(topic_id: str) -> str:
    """The family of a topic id: 'offer' for 'offer.housing'."""
    return topic_id.split(".", 1)[0]


@dataclass(frozen=True)
class Topic:
    """One answerable topic, national or refined by a council."""

    id: str
    title: str
    asks: tuple[str, ...]
    answer: str
    related: tuple[str, ...]
    source: str
    reviewed: date
    file: Path
    line: int


@dataclass(frozen=True)
class Helpline:
    """A national helpline from facts.md."""

    key: str
    name: str
    contact: str
    hours: str
    source: str


@dataclass(frozen=True)
class Council:
    """One council's profile and its local refinements of topics."""

    slug: str
    profile: dict[str, Any]
    refinements: dict[str, Topic]
    file: Path
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    @property
    def short_name(self) -> str:
        return str(self.profile.get("short_name") or self.profile.get("name") or self.slug)


@dataclass
class Knowledge:
    """Everything read from knowledge/content, before choosing a council."""

    canonical_ids: tuple[str, ...]
    topics: dict[str, Topic]
    helplines: dict[str, Helpline]
    councils: dict[str, Council] = field(default_factory=dict)
    crisis: Any = None  # knowledge.crisis.CrisisReplies, once read

    def helpline_data(self) -> dict[str, dict[str, str]]:
        return {
            key: {"name": h.name, "contact": h.contact, "hours": h.hours}
            for key, h in self.helplines.items()
        }
