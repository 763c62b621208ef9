"""The digest as JSON: the same suppressed figures as every other format.

A shown figure is a number; a suppressed one is its words ("fewer than 6",
"not shown"), never a number, so a program reading it cannot mistake a
hidden count for a real one.
"""

from __future__ import annotations

import json
from typing import Any

from bot.digest import words
from bot.digest.model import Digest, Row, Section, Table


def _row(row: Row, table: Table, threshold: int) -> dict[str, Any]:
    out: dict[str, Any] = {"label": row.label}
    out.update({column: figure.public(threshold) for column, figure in zip(table.columns, row.cells)})
    if table.total_header and row.total is not None:
        out[table.total_header] = row.total.public(threshold)
    return out


def _table(table: Table, threshold: int) -> dict[str, Any]:
    return {
        "key": table.key,
        "title": table.title,
        "columns": list(table.columns),
        "total_column": table.total_header,
        "rows": [_row(row, table, threshold) for row in table.rows],
        "totals": _row(table.totals, table, threshold) if table.totals else None,
        "note": table.note,
    }


def _section(section: Section, threshold: int, overdue_days: int) -> dict[str, Any]:
    return {
        "key": section.key,
        "title": section.title,
        "principle": section.principle_number if section.key != "engagement" else None,
        "summary": list(section.summary),
        "facts": [{"label": f.label, "value": f.figure.public(threshold)} for f in section.facts],
        "tables": [_table(table, threshold) for table in section.tables],
        "view_topics": list(section.topics),
        "trend": [
            {
                "topic": t.topic, "label": t.label,
                "this_period": t.now.public(threshold), "period_before": t.before.public(threshold),
                "change": t.change, "good_now": t.good_now, "good_before": t.good_before,
            }
            for t in section.trend
        ],
        "we_said_you_did": [
            {
                "said": i.said, "theme": i.theme, "raised_on": i.raised_on.isoformat(), "status": i.status,
                "status_label": words.item_status(i, overdue_days), "overdue": i.overdue, "did": i.did,
                "reason": i.reason, "owner": i.owner,
                "answered_on": i.answered_on.isoformat() if i.answered_on else None,
                "verdicts": {k: f.public(threshold) for k, f in i.ratings.items()},
                "me_too": i.endorsements.public(threshold),
            }
            for i in section.items
        ],
        "quotes": [{"topic": q.topic, "quote": words.quote_text(q)} for q in section.quotes],
    }


def to_dict(digest: Digest) -> dict[str, Any]:
    return {
        "title": words.TITLE,
        "council": digest.council,
        "council_name": digest.council_name,
        "period": {"from": digest.start.isoformat(), "to": digest.end.isoformat(), "to_included": False},
        "previous_period": {"from": digest.previous_start.isoformat(), "to": digest.previous_end.isoformat()},
        "threshold": digest.threshold,
        "overdue_working_days": digest.overdue_days,
        "how_to_read": words.how_to_read(digest),
        "sections": [_section(s, digest.threshold, digest.overdue_days) for s in digest.sections],
    }


def render(digest: Digest) -> str:
    return json.dumps(to_dict(digest), indent=2, ensure_ascii=False) + "\n"
