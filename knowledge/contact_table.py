"""`carebot kb contacts`: every council contact, its value, where it came from and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from knowledge.contacts import VALUE_FIELDS, is_stale, places
from knowledge.model import Knowledge


@dataclass(frozen=True)
class ContactRow:
    council: str
    contact: str
    value: str
    source: str
    checked: str
    status: str  # "ok", "unset", or "older than a year"


def contact_rows(kb: Knowledge, today: date, council: str | None = None) -> list[ContactRow]:
    """One row per contact of each council (or of one), unset ones included so gaps are seen."""
    rows = []
    for slug, entry in sorted(kb.councils.items()):
        if council is not None and slug != council:
            continue
        for path, contact in places(entry.profile):
            value = "; ".join(str(contact[f]) for f in VALUE_FIELDS if contact.get(f))
            status = "unset" if not value else ("older than a year" if is_stale(contact, today) else "ok")
            rows.append(ContactRow(
                slug, ".".join(path), value or "-", str(contact.get("source") or "-"),
                _day(contact.get("checked")), status,
            ))
    return rows


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else "-"


def render(rows: list[ContactRow]) -> str:
    """A plain-text table, widest column last so it wraps least."""
    headers = ("council", "contact", "status", "checked", "value", "source")
    table = [headers] + [(r.council, r.contact, r.status, r.checked, r.value, r.source) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(headers) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])) + "  " + row[-1] for row in table
    )
