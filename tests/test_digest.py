"""The board digest: sections, suppression, overdue items, trends, formats, the demo year and the CLI."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bot import cli_board, digest
from bot.demo import PLANTED, fill
from bot.digest import render_csv, render_md
from bot.digest.build import build
from bot.digest.model import Digest
from knowledge.base import CouncilKnowledge
from storage.store import Store
from storage.vocab import PRINCIPLES, WSYD_STATUSES

START, END = date(2024, 4, 1), date(2025, 4, 1)
SECTION_KEYS = ["engagement", *PRINCIPLES]


@pytest.fixture(scope="module")
def demo_store() -> Store:
    store = Store(":memory:")
    fill(store, "somerset", 3, END)
    return store


@pytest.fixture(scope="module")
def demo_digest(demo_store: Store, somerset: CouncilKnowledge) -> Digest:
    return build(demo_store, somerset, START, END)


def add_people(store: Store, keys: list[str], created: str) -> None:
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO people (key, channel, council, created, last_seen) VALUES (?, 'test', 'somerset', ?, ?)",
            [(k, created, created) for k in keys],
        )


def add_item(store: Store, said: str, raised_on: str, status: str = "open", did: str | None = None,
             owner: str | None = None) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO wsyd_items (council, said, theme, raised_on, created, status, did, owner) "
            "VALUES ('somerset', ?, 'family:offer', ?, ?, ?, ?, ?)",
            (said, raised_on, raised_on, status, did, owner),
        )


def events(store: Store, kind: str, count: int) -> None:
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO safeguarding_events (key, council, kind, at) VALUES (NULL, 'somerset', ?, '2024-06-01T10:00:00+00:00')",
            [(kind,)] * count,
        )


def table_texts(d: Digest, section: str, table: str) -> dict[str, str]:
    found = next(t for t in d.section(section).tables if t.key == table)
    rows = {row.label: row.cells[0].text(d.threshold) for row in found.rows}
    rows["Total"] = found.totals.cells[0].text(d.threshold)  # type: ignore[union-attr]
    return rows


# Sections


def test_sections_follow_the_seven_principles(demo_digest: Digest) -> None:
    assert [s.key for s in demo_digest.sections] == SECTION_KEYS
    assert [s.principle_number for s in demo_digest.sections[1:]] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json"])
def test_every_format_has_the_required_sections(demo_digest: Digest, fmt: str) -> None:
    text = digest.render(demo_digest, fmt, charts=False)
    for phrase in (
        "Young people who used carebot",  # engagement
        "Questions carebot answered", "Questions carebot could not answer",  # asked, and the gaps
        "How young people feel, by topic: this period", "How young people feel, by topic: the period before",
        "we_said_you_did" if fmt == "json" else "We said", "Care leavers should not pay council tax",
        "Times carebot signposted someone to urgent help",  # safeguarding, numbers only
    ):
        assert phrase in text, (fmt, phrase)


def test_the_demo_digest_has_every_status_and_overdue_items(demo_digest: Digest) -> None:
    items = demo_digest.section("take_views_into_account").items
    assert {i.status for i in items} == set(WSYD_STATUSES)
    assert any(i.overdue for i in items) and not all(i.overdue for i in items if i.status == "open")
    assert all(i.reason for i in items if i.status == "cannot_do")


# Suppression in the digest


def test_small_counts_read_fewer_than_six_and_cannot_be_worked_out_from_the_total(store: Store) -> None:
    events(store, "abuse", 3)
    events(store, "homeless", 10)
    events(store, "suicide", 7)
    d = build(store, "somerset", START, END)
    assert table_texts(d, "safe_stable", "safeguarding") == {
        "Thoughts of suicide or self-harm": "not shown",  # the next smallest, hidden so abuse stays hidden
        "In danger now": "0",
        "Abuse": "fewer than 6",
        "Exploitation": "0",
        "Homeless, or about to be": "10",
        "Total": "20",
    }


def test_the_words_follow_the_threshold(store: Store) -> None:
    events(store, "abuse", 8)
    events(store, "homeless", 8)
    d = build(store, "somerset", START, END, threshold=10)
    texts = table_texts(d, "safe_stable", "safeguarding")
    assert texts["Abuse"] == texts["Homeless, or about to be"] == "fewer than 10"
    assert "fewer than 10" in digest.render(d, "md")
    assert "fewer than 6" not in digest.render(d, "md")


def test_every_export_is_audited(store: Store) -> None:
    files = digest.export_files(store, "somerset", START, END, ("html", "csv"), actor="officer-key")
    assert [name for name, _ in files] == [
        "carebot-digest-somerset-2024-04-01-to-2025-03-31.html",
        "carebot-digest-somerset-2024-04-01-to-2025-03-31.csv",
    ]
    audit = store.rows("SELECT actor, action, council, detail FROM audit_log ORDER BY id")
    assert [(a["actor"], a["action"], a["council"], json.loads(a["detail"])) for a in audit] == [
        ("officer-key", "digest_export", "somerset", {"from": "2024-04-01", "to": "2025-03-31", "format": "html"}),
        ("officer-key", "digest_export", "somerset", {"from": "2024-04-01", "to": "2025-03-31", "format": "csv"}),
    ]
    with pytest.raises(ValueError):
        digest.export_files(store, "somerset", START, END, ("pdf",), actor="x")


# Overdue and trend


@pytest.mark.parametrize("overdue_days, overdue", [(20, True), (100, False)])
def test_an_open_item_is_overdue_after_the_working_days(store: Store, overdue_days: int, overdue: bool) -> None:
    add_item(store, "Free bus passes", "2025-01-02")  # 63 working days before 31 March 2025
    d = build(store, "somerset", START, END, overdue_days=overdue_days)
    (item,) = d.section("take_views_into_account").items
    assert item.overdue is overdue
    assert ("overdue: no answer after" in digest.render(d, "md")) is overdue


def test_the_trend_compares_with_the_period_before(store: Store) -> None:
    now = [f"now{i}" for i in range(12)]
    before = [f"before{i}" for i in range(10)]
    add_people(store, now, "2024-06-01T10:00:00+00:00")
    add_people(store, before, "2023-06-01T10:00:00+00:00")
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO views (key, council, topic, feeling, created) VALUES (?, 'somerset', 'home', ?, ?)",
            [(k, 5 if i < 6 else 1, "2024-06-01T10:00:00+00:00") for i, k in enumerate(now)]
            + [(k, 4, "2023-06-01T10:00:00+00:00") for k in before],
        )
    d = build(store, "somerset", START, END)
    home = d.trend("home")
    # 12 and 6 are published as 15 and 10 (bands of five), and the trend and percentages are worked out
    # from what is published, so none of them can give back a count the bands hide.
    assert (home.now.value, home.before.value, home.change, home.good_now, home.good_before) == (15, 10, "more (+50%)", "67%", "100%")
    assert "Where I live: 15 young people shared a view (10 in the period before), more (+50%). 67% felt good" in digest.render(d, "md")
    assert d.trend("money").change == "none either time"


# Formats


def test_json_carries_the_same_suppressed_figures(store: Store) -> None:
    events(store, "abuse", 3)
    events(store, "homeless", 10)
    events(store, "suicide", 7)
    data = json.loads(digest.render(build(store, "somerset", START, END), "json"))
    (section,) = [s for s in data["sections"] if s["key"] == "safe_stable"]
    table = section["tables"][0]
    assert [row["Times"] for row in table["rows"]] == ["not shown", 0, "fewer than 6", 0, 10]
    assert table["totals"]["Times"] == 20
    assert data["period"] == {"from": "2024-04-01", "to": "2025-04-01", "to_included": False}


def test_csv_is_one_tidy_table(demo_digest: Digest) -> None:
    rows = list(csv.reader(io.StringIO(render_csv.render(demo_digest))))
    assert rows[0] == ["section", "item", "measure", "value"]
    assert all(len(row) == 4 for row in rows)
    assert {row[0] for row in rows[1:]} >= {
        "about", "engagement", "express_views", "take_views_into_account", "access_services", "safe_stable"
    }
    assert ["safe_stable", "Times carebot signposted someone to urgent help, by kind: Total", "Times"] in [r[:3] for r in rows]


def test_csv_defuses_spreadsheet_formulas(store: Store) -> None:
    add_item(store, "Bus passes", "2025-03-30", status="done", did="=HYPERLINK(\"http://x\")")
    text = render_csv.render(build(store, "somerset", START, END))
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text and ',"=HYPERLINK' not in text


def test_markdown_and_html_escape_stored_text(store: Store) -> None:
    add_item(store, "<script>alert(1)</script> | *bold* [link](http://x)", "2025-03-30", owner="<b>Head</b>")
    d = build(store, "somerset", START, END)
    md = render_md.render(d)
    assert "<script>" not in md and "&lt;script&gt;" in md and "\\| \\*bold\\*" in md and "\\[link\\]" in md
    html = digest.render(d, "html", charts=False)
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;Head&lt;/b&gt;" in html


def test_html_is_one_self_contained_file_for_phone_and_a4(demo_digest: Digest) -> None:
    html = digest.render(demo_digest, "html")
    assert html.startswith("<!doctype html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "@page { size: A4" in html and "@media print" in html
    assert html.count('<img src="data:image/png;base64,') == 3
    for outside in ("<script", "<link", "src=\"http", "url(http", "@import"):
        assert outside not in html


def test_default_period_is_the_last_twelve_months_to_today() -> None:
    assert digest.default_period(date(2025, 3, 31)) == (date(2024, 4, 1), date(2025, 4, 1))
    assert digest.default_period(date(2024, 2, 28)) == (date(2023, 2, 28), date(2024, 2, 29))


# The demo year


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    tables = ["people", "chat_links", "views", "topic_stats", "unanswered", "wsyd_items", "wsyd_endorsements",
              "wsyd_ratings", "safeguarding_events"]
    return {t: [tuple(r.values()) for r in store.rows(f"SELECT * FROM {t} ORDER BY rowid")] for t in tables}


def test_the_demo_is_the_same_for_the_same_seed(demo_store: Store) -> None:
    again, other = Store(":memory:"), Store(":memory:")
    assert fill(again, "somerset", 3, END) == fill(Store(":memory:"), "somerset", 3, END)
    assert dump(again) == dump(demo_store)
    fill(other, "somerset", 4, END)
    assert dump(other) != dump(demo_store)


def test_the_demo_refuses_a_database_that_has_activity(demo_store: Store) -> None:
    with pytest.raises(ValueError, match="already has activity"):
        fill(demo_store, "somerset", 3, END)


def test_the_demo_has_what_the_digest_needs(demo_store: Store, somerset: CouncilKnowledge) -> None:
    statuses = {r["quote_status"] for r in demo_store.rows("SELECT DISTINCT quote_status FROM views")}
    assert statuses == {"none", "pending", "approved", "rejected"}
    texts = " ".join(r["happening"] or "" for r in demo_store.rows("SELECT happening FROM views"))
    assert sum(p in texts for p in PLANTED) >= 4  # planted details, for scrubbing to remove
    kinds = {r["kind"] for r in demo_store.rows("SELECT DISTINCT kind FROM safeguarding_events")}
    assert len(kinds) >= 4
    assert demo_store.rows("SELECT COUNT(*) AS n FROM topic_stats WHERE day < '2024-04-01'")[0]["n"] == 0
    topics = {r["topic_id"] for r in demo_store.rows("SELECT DISTINCT topic_id FROM topic_stats")}
    assert topics <= set(somerset.topics)


@pytest.mark.parametrize(
    "topic, worse_months, better_months",
    [("money", ("01", "02"), ("06", "07", "08")), ("learning", ("05", "06"), ("09", "10"))],
)
def test_the_demo_has_seasons(demo_store: Store, topic: str, worse_months: tuple[str, ...], better_months: tuple[str, ...]) -> None:
    def mood(months: tuple[str, ...]) -> float:
        marks = ",".join("?" * len(months))
        return demo_store.rows(
            f"SELECT AVG(feeling) AS f FROM views WHERE topic = ? AND substr(created, 6, 2) IN ({marks})", (topic, *months)
        )[0]["f"]

    assert mood(worse_months) < mood(better_months) - 0.3


# The command line


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CAREBOT_COUNCIL", raising=False)
    monkeypatch.delenv("CAREBOT_DB", raising=False)

    @click.group()
    def group() -> None:
        """carebot"""

    cli_board.register(group)
    db = str(tmp_path / "demo.db")

    def run(*args: str, ok: bool = True) -> click.testing.Result:
        result = CliRunner().invoke(group, [*args, "--db", db] if args[0] != "quotes" else [args[0], "--db", db, *args[1:]])
        assert (result.exit_code == 0) is ok, result.output
        return result

    run.db = db  # type: ignore[attr-defined]
    return run


def test_cli_demo_digest_and_audit(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = cli("demo", "--council", "dorset", "--seed", "2", "--year-end", "2025-04-01")
    assert made.output.startswith("Made up a year for dorset in ")
    out = tmp_path / "board.html"
    result = cli("digest", "--council", "dorset", "--from", "2024-04-01", "--to", "2025-04-01", "--format", "html", "--out", str(out))
    assert "Counting questions" in result.stderr and "Wrote" in result.stderr
    assert "Dorset" in out.read_text(encoding="utf-8")
    csv_out = cli("digest", "--council", "dorset", "--from", "2024-04-01", "--to", "2025-04-01", "--format", "csv")
    assert csv_out.stdout.startswith("section,item,measure,value\n")
    conn = sqlite3.connect(cli.db)
    audit = conn.execute("SELECT actor, action, council, detail FROM audit_log ORDER BY id").fetchall()
    assert [(a, b, c, json.loads(d)) for a, b, c, d in audit] == [
        ("cli", "digest_export", "dorset", {"from": "2024-04-01", "to": "2025-04-01", "format": "html"}),
        ("cli", "digest_export", "dorset", {"from": "2024-04-01", "to": "2025-04-01", "format": "csv"}),
    ]


def test_cli_digest_without_a_database_says_what_to_do(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("digest", "--council", "dorset", "--format", "md", ok=False)
    assert "no database at" in result.output and "carebot demo" in result.output
    bad = cli("digest", "--council", "dorset", "--from", "2025-04-01", "--to", "2024-04-01", ok=False)
    assert "--to (2024-04-01) is before --from (2025-04-01)" in bad.output


def test_cli_quotes_list_approve_reject(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--council", "somerset", "--year-end", "2025-04-01")
    listed = cli("quotes", "--council", "somerset", "list")
    first, second = (int(line.split()[0]) for line in listed.stdout.splitlines()[:2])
    assert "quote(s) waiting" in listed.stderr
    assert cli("quotes", "--council", "somerset", "approve", str(first)).output.startswith(f"Quote {first} approved")
    assert cli("quotes", "--council", "somerset", "reject", str(second)).output.startswith(f"Quote {second} rejected")
    assert "no quote 999999" in cli("quotes", "--council", "somerset", "approve", "999999", ok=False).output
    assert "no quote" in cli("quotes", "--council", "dorset", "approve", str(first), ok=False).output
    conn = sqlite3.connect(cli.db)
    assert conn.execute("SELECT action FROM audit_log ORDER BY id").fetchall() == [("quote_approved",), ("quote_rejected",)]
    assert conn.execute("SELECT quote_status FROM views WHERE id = ?", (first,)).fetchone() == ("approved",)


@pytest.mark.parametrize("command", ["demo", "digest", "quotes", "quotes list", "quotes approve", "quotes reject"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    @click.group()
    def group() -> None:
        """carebot"""

    cli_board.register(group)
    result = CliRunner().invoke(group, [*command.split(), "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
