"""Checks on a council's contact details: where each came from, when, and that a phone number can be dialled.

A number given to a young person in trouble must be real. Every contact
that has a value carries `source` (the page's address) and `checked` (the day
it was read); a phone number must be a UK number. The same checks apply to
the shipped profiles and to a council's own overlay (knowledge/overlay.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from knowledge.model import CONTACT_ROLES

# Where contact details sit in a profile, and which of their fields are values.
CONTACT_PLACES: tuple[tuple[str, ...], ...] = (
    *(("contacts", role) for role in CONTACT_ROLES),
    ("advocacy",),
    ("local_offer",),
)
VALUE_FIELDS = ("phone", "email", "web", "url")
# 01, 02, 03, 05, 07, 08 and 09 numbers of 10 or 11 digits, or +44; and the short national numbers.
_UK_PHONE = re.compile(r"(?:\+44 ?|0)(?:\d ?){9,10}")
_SHORT = {"999", "101", "111", "112", "116 123", "116123", "85258"}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
STALE_AFTER_DAYS = 365

Report = Callable[[tuple[str | int, ...], str], None]


def is_uk_phone(value: str) -> bool:
    """A UK number someone can dial: "0300 123 2224", "+44 1905 768020", "999"; one or two with "or"."""
    return all(
        part.strip() in _SHORT or bool(_UK_PHONE.fullmatch(part.strip()))
        for part in re.split(r"\s*(?:,|/|\bor\b)\s*", value.replace("(", "").replace(")", ""))
        if part.strip()
    )


def places(profile: dict[str, Any]) -> Iterator[tuple[tuple[str, ...], dict[str, Any]]]:
    """Every contact entry in a profile, with its path."""
    for path in CONTACT_PLACES:
        node: Any = profile
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict):
            yield path, node


def contact_problems(profile: dict[str, Any], report: Report, prefix: tuple[str, ...] = ("council",)) -> None:
    """Report every contact with a value but no source or date, a phone that is not a UK number, or a bad email."""
    for path, entry in places(profile):
        where = prefix + path
        has_value = any(entry.get(f) for f in VALUE_FIELDS)
        if has_value and not entry.get("source"):
            report(where, f"{'.'.join(path)} has a value but no source (the address of the page it came from)")
        if has_value and not isinstance(entry.get("checked"), date):
            report(where, f"{'.'.join(path)} has a value but no 'checked' date (YYYY-MM-DD, the day the source was read)")
        phone = entry.get("phone")
        if isinstance(phone, str) and not is_uk_phone(phone):
            report(where + ("phone",), f"{'.'.join(path)}.phone {phone!r} is not a UK phone number")
        email = entry.get("email")
        if isinstance(email, str) and not _EMAIL.fullmatch(email):
            report(where + ("email",), f"{'.'.join(path)}.email {email!r} is not an email address")


def is_stale(entry: dict[str, Any], today: date) -> bool:
    checked = entry.get("checked")
    return isinstance(checked, date) and (today - checked).days > STALE_AFTER_DAYS
