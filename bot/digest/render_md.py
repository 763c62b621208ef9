"""The digest as Markdown: the same sections and figures as the HTML, without charts.

Stored text is escaped twice over: HTML escaping, because most Markdown
viewers pass HTML straight through, then Markdown's own special characters.
"""

from __future__ import annotations

import html
import re

from bot.digest import words
from bot.digest.model import Digest, Section, Table, WsydItem

# Characters that mean something anywhere in a line, and at its start.
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LEADING = re.compile(r"^([#+=-])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def esc(text: object) -> str:
    """Safe inside a paragraph, a list item or a table cell, and still readable as plain text."""
    flat = " ".join(str(text).split())
    text = _SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))
    return _NUMBERED.sub(r"\1\\\2", _LEADING.sub(r"\\\1", text))


def table_md(table: Table, threshold: int) -> list[str]:
    header = [table.row_header or " ", *table.columns] + ([table.total_header] if table.total_header else [])
    lines = [f"**{esc(table.title)}**", "", "| " + " | ".join(esc(h) for h in header) + " |"]
    lines.append("|" + "---|" + "---:|" * (len(header) - 1))
    for row in (*table.rows, *((table.totals,) if table.totals else ())):
        cells = [esc(row.label)] + [esc(f.text(threshold)) for f in row.cells]
        if table.total_header and row.total is not None:
            cells.append(esc(row.total.text(threshold)))
        if row is table.totals:
            cells = [f"**{c}**" for c in cells]
        lines.append("| " + " | ".join(cells) + " |")
    if table.note:
        lines += ["", f"_{esc(table.note)}_"]
    return lines + [""]


def trend_md(digest: Digest) -> list[str]:
    t = digest.threshold
    lines = [
        "**The trend: young people with a view on each topic**", "",
        "| Topic | Now | Before | Change | Good now | Good before |",
        "|---|---:|---:|---|---:|---:|",
    ]
    for r in digest.section("express_views").trend:
        cells = [r.label, r.now.text(t), r.before.text(t), r.change, r.good_now or "–", r.good_before or "–"]
        lines.append("| " + " | ".join(esc(c) for c in cells) + " |")
    return lines + [
        "",
        "_Now: young people with a view this period; before: in the period before. Good: the share who felt good "
        "or really good. A dash means a percentage would need a number that is not shown._",
        "",
    ]


def item_md(item: WsydItem, digest: Digest) -> list[str]:
    t = digest.threshold
    lines = [
        f"#### We said: \u201c{esc(item.said)}\u201d",
        "",
        f"- {esc(item.theme)}, raised {esc(words.long_date(item.raised_on))}",
        f"- Status: {'**' if item.overdue else ''}{esc(words.item_status(item, digest.overdue_days))}{'**' if item.overdue else ''}",
    ]
    if item.did:
        lines.append(f"- You did: {esc(item.did)}")
    if item.reason:
        lines.append(f"- Why not: {esc(item.reason)}")
    if item.owner:
        lines.append(f"- Who is responsible: {esc(item.owner)}")
    if item.answered_on:
        lines.append(f"- Answered {esc(words.long_date(item.answered_on))}")
    lines.append(f"- Young people's verdict: {esc(words.verdicts(item, t))}; \u201cMe too\u201d: {esc(item.endorsements.text(t))}")
    return lines + [""]


def section_md(section: Section, digest: Digest) -> list[str]:
    t = digest.threshold
    lines = [f"## {esc(words.heading(section))}", ""]
    for paragraph in section.summary:
        lines += [esc(paragraph), ""]
    for fact in section.facts:
        lines.append(f"- **{esc(fact.figure.text(t))}** {esc(fact.label)}")
    if section.facts:
        lines.append("")
    if section.topics:
        lines += ["### How young people feel", ""]
        lines += [f"- {esc(words.trend_sentence(digest.trend(topic), t))}" for topic in section.topics]
        lines.append("")
    if section.key == "express_views":
        lines += trend_md(digest)
    for table in section.tables:
        lines += table_md(table, t)
    if section.items:
        lines += ["### Every item", ""]
        for item in section.items:
            lines += item_md(item, digest)
    elif section.key == "take_views_into_account":
        lines += ["No We Said items for this period.", ""]
    if section.quotes:
        lines += ["### In their own words", ""]
        for quote in section.quotes:
            lines += [f"> \u201c{esc(words.quote_text(quote))}\u201d", ""]
    note = words.empty_note(section)
    if note:
        lines += [esc(note), ""]
    return lines


def render(digest: Digest) -> str:
    lines = [
        f"# {esc(words.TITLE)}",
        "",
        f"{esc(words.SUBTITLE)}: {esc(digest.council_name)}, {esc(words.period(digest))}",
        "",
        "**How to read this**",
        "",
        *[f"- {esc(line)}" for line in words.how_to_read(digest)],
        "",
    ]
    for section in digest.sections:
        lines += section_md(section, digest)
    return "\n".join(lines).rstrip() + "\n"
