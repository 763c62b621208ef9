"""The digest as one self-contained HTML file: readable on a phone, printable on A4.

No external files, scripts or fonts: styles are inline and charts are PNG
data URIs, so the file can be emailed or sent in a chat as it is. Every
piece of text, stored or not, goes through esc().
"""

from __future__ import annotations

import html
from collections.abc import Callable

from bot.digest import words
from bot.digest.model import Digest, Section, Table, WsydItem
from bot.digest.suppress import HIDDEN, SMALL, Figure

Progress = Callable[[str], None]

CSS = """
:root { --ink: #1d1d1f; --muted: #5b5b66; --line: #d0d0d7; --soft: #f4f5f8; --accent: #0b5cad; --warn: #9b2c00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
header.cover { border-bottom: 4px solid var(--accent); margin-bottom: 1rem; padding-bottom: .5rem; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: .2rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-top: .5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.lede { color: var(--muted); margin: 0; }
.box { background: var(--soft); border-radius: 8px; padding: .6rem 1rem; margin: 1rem 0; }
.box ul { margin: .3rem 0; padding-left: 1.2rem; }
nav ol { padding-left: 1.4rem; margin: .3rem 0; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .6rem; margin: .8rem 0; }
.fact { border: 1px solid var(--line); border-radius: 8px; padding: .5rem .8rem; }
.fact b { display: block; font-size: 1.6rem; line-height: 1.2; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; }
thead th { background: var(--soft); text-align: left; font-size: .85rem; }
tbody th, tfoot th { text-align: left; font-weight: 600; min-width: 7.5rem; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
.small, .hidden { color: var(--muted); font-style: italic; font-size: .85rem; }
.note { color: var(--muted); font-size: .85rem; margin: .2rem 0 1rem; }
figure { margin: 1rem 0; }
figure img { width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .85rem; }
blockquote { margin: .6rem 0; padding: .4rem .9rem; border-left: 4px solid var(--accent); background: var(--soft); }
blockquote p { margin: 0; }
blockquote footer { color: var(--muted); font-size: .8rem; }
.item { border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem; margin: .7rem 0; break-inside: avoid; }
.item h4 { margin: 0 0 .3rem; font-size: 1rem; }
.item p { margin: .2rem 0; }
.meta { color: var(--muted); font-size: .85rem; }
.badge { display: inline-block; border-radius: 1rem; padding: 0 .55rem; font-size: .8rem; background: var(--soft); border: 1px solid var(--line); }
.badge.overdue { background: #fde8e1; border-color: var(--warn); color: var(--warn); font-weight: 700; }
footer.end { margin-top: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media (max-width: 36rem) {
  body { font-size: 15px; }
  main { padding: .7rem; }
  h1 { font-size: 1.35rem; }
  th, td { padding: .3rem .35rem; }
  table { font-size: .85rem; }
  td.n { white-space: normal; }
}
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-before: auto; break-after: avoid; }
  h3, caption { break-after: avoid; }
  table, figure, blockquote, .fact { break-inside: avoid; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
"""


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def figure_html(figure: Figure, threshold: int) -> str:
    if figure.status == SMALL:
        return f'<span class="small">{esc(figure.text(threshold))}</span>'
    if figure.status == HIDDEN:
        return f'<span class="hidden">{esc(figure.text(threshold))}</span>'
    return esc(figure.text(threshold))


def table_html(table: Table, threshold: int) -> str:
    head = [f'<th scope="col">{esc(table.row_header)}</th>'] + [f'<th scope="col" class="n">{esc(c)}</th>' for c in table.columns]
    if table.total_header:
        head.append(f'<th scope="col" class="n">{esc(table.total_header)}</th>')

    def row_html(row, cell: str = "td") -> str:  # type: ignore[no-untyped-def]
        cells = [f'<th scope="row">{esc(row.label)}</th>']
        cells += [f'<{cell} class="n">{figure_html(f, threshold)}</{cell}>' for f in row.cells]
        if table.total_header and row.total is not None:
            cells.append(f'<{cell} class="n">{figure_html(row.total, threshold)}</{cell}>')
        return "<tr>" + "".join(cells) + "</tr>"

    parts = [f'<div class="scroll"><table id="{esc(table.key)}"><caption>{esc(table.title)}</caption>']
    parts.append("<thead><tr>" + "".join(head) + "</tr></thead>")
    if table.rows:
        parts.append("<tbody>" + "".join(row_html(r) for r in table.rows) + "</tbody>")
    if table.totals is not None:
        parts.append("<tfoot>" + row_html(table.totals) + "</tfoot>")
    parts.append("</table></div>")
    if table.note:
        parts.append(f'<p class="note">{esc(table.note)}</p>')
    return "".join(parts)


def chart_html(uri: str | None, alt: str, caption: str) -> str:
    if not uri:
        return ""
    return f'<figure><img src="{esc(uri)}" alt="{esc(alt)}"><figcaption>{esc(caption)}</figcaption></figure>'


def trend_table_html(digest: Digest) -> str:
    t = digest.threshold
    rows = "".join(
        f'<tr><th scope="row">{esc(r.label)}</th><td class="n">{figure_html(r.now, t)}</td>'
        f'<td class="n">{figure_html(r.before, t)}</td><td>{esc(r.change)}</td>'
        f'<td class="n">{esc(r.good_now or "–")}</td><td class="n">{esc(r.good_before or "–")}</td></tr>'
        for r in digest.section("express_views").trend
    )
    return (
        '<div class="scroll"><table id="trend"><caption>The trend: young people with a view on each topic</caption>'
        '<thead><tr><th scope="col">Topic</th><th scope="col" class="n">Now</th>'
        '<th scope="col" class="n">Before</th><th scope="col">Change</th>'
        '<th scope="col" class="n">Good now</th><th scope="col" class="n">Good before</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        '<p class="note">Now: young people with a view this period; before: in the period before. Good: the share who '
        "felt good or really good. A dash means a percentage would need a number that is not shown.</p>"
    )


def item_html(item: WsydItem, digest: Digest) -> str:
    t = digest.threshold
    badge = "badge overdue" if item.overdue else "badge"
    parts = [
        '<article class="item">',
        f"<h4>We said: \u201c{esc(item.said)}\u201d</h4>",
        f'<p class="meta">{esc(item.theme)} \u00b7 raised {esc(words.long_date(item.raised_on))} \u00b7 '
        f'<span class="{badge}">{esc(words.item_status(item, digest.overdue_days))}</span></p>',
    ]
    if item.did:
        parts.append(f"<p><b>You did:</b> {esc(item.did)}</p>")
    if item.reason:
        parts.append(f"<p><b>Why not:</b> {esc(item.reason)}</p>")
    if item.owner:
        parts.append(f"<p><b>Who is responsible:</b> {esc(item.owner)}</p>")
    if item.answered_on:
        parts.append(f'<p class="meta">Answered {esc(words.long_date(item.answered_on))}</p>')
    parts.append(
        f"<p><b>Young people's verdict:</b> {esc(words.verdicts(item, t))}. "
        f"<b>\u201cMe too\u201d:</b> {figure_html(item.endorsements, t)}</p>"
    )
    parts.append("</article>")
    return "".join(parts)


def section_html(section: Section, digest: Digest, charts: bool) -> str:
    t = digest.threshold
    parts = [f'<section id="{esc(section.key)}"><h2>{esc(words.heading(section))}</h2>']
    parts += [f"<p>{esc(paragraph)}</p>" for paragraph in section.summary]
    if section.facts:
        parts.append('<div class="facts">')
        parts += [f'<div class="fact"><b>{figure_html(f.figure, t)}</b>{esc(f.label)}</div>' for f in section.facts]
        parts.append("</div>")
    if section.topics:
        parts.append("<h3>How young people feel</h3><ul>")
        parts += [f"<li>{esc(words.trend_sentence(digest.trend(topic), t))}</li>" for topic in section.topics]
        parts.append("</ul>")
    if section.key == "express_views":
        if charts:
            from bot.digest import charts as draw

            parts.append(chart_html(
                draw.feelings_chart(section.tables[0], t), "Bar chart: how young people feel about each topic this period",
                "How young people feel about each topic this period, as shares of the young people with a view on it.",
            ))
            parts.append(chart_html(
                draw.trend_chart(section.trend, t), "Bar chart: young people with a view on each topic, this period and the one before",
                "Young people with a view on each topic, this period and the one before.",
            ))
        parts.append(trend_table_html(digest))
    if section.key == "access_services" and charts:
        from bot.digest import charts as draw

        parts.append(chart_html(
            draw.questions_chart(section.tables[0]), "Bar chart: the topics young people asked about most",
            "The topics young people asked about most (topics with a hidden number are left out).",
        ))
    parts += [table_html(table, t) for table in section.tables]
    if section.items:
        parts.append("<h3>Every item</h3>")
        parts += [item_html(item, digest) for item in section.items]
    elif section.key == "take_views_into_account":
        parts.append("<p>No We Said items for this period.</p>")
    if section.quotes:
        parts.append("<h3>In their own words</h3>")
        parts += [f"<blockquote><p>\u201c{esc(words.quote_text(q))}\u201d</p></blockquote>" for q in section.quotes]
    note = words.empty_note(section)
    if note:
        parts.append(f"<p>{esc(note)}</p>")
    parts.append("</section>")
    return "".join(parts)


def render(digest: Digest, charts: bool = True, progress: Progress | None = None) -> str:
    """The whole digest as an HTML document."""
    say = progress or (lambda _step: None)
    title = f"{words.TITLE}: {digest.council_name}, {words.period(digest)}"
    contents = "".join(f'<li><a href="#{esc(s.key)}">{esc(words.heading(s))}</a></li>' for s in digest.sections)
    how = "".join(f"<li>{esc(line)}</li>" for line in words.how_to_read(digest))
    body = []
    for section in digest.sections:
        if charts and section.key in ("express_views", "access_services"):
            say(f"Drawing charts: {words.heading(section)}")
        body.append(section_html(section, digest, charts))
    return (
        '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body><main>"
        f'<header class="cover"><p class="lede">{esc(words.SUBTITLE)}</p><h1>{esc(words.TITLE)}</h1>'
        f'<p class="lede">{esc(digest.council_name)} \u00b7 {esc(words.period(digest))}</p></header>'
        f'<div class="box"><b>How to read this</b><ul>{how}</ul></div>'
        f'<nav class="box" aria-label="Contents"><b>Contents</b><ol>{contents}</ol></nav>'
        + "".join(body)
        + f'<footer class="end"><p>Made by carebot from its own records. {esc(words.how_to_read(digest)[1])}</p></footer>'
        "</main></body></html>\n"
    )
