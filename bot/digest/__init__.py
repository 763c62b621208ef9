"""The anonymised board digest: what young people told carebot, for the Corporate Parenting Board.

Usage:

    from bot import digest
    files = digest.export_files(store, knowledge, start, end, ("html", "csv"), actor=officer_key)
    for name, data in files: ...  # send each as a document

    d = digest.build(store, knowledge, start, end)  # a Digest: suppressed figures only
    text = digest.render(d, "md")

Layout: build.py reads storage/board.py's counts, protects them with
suppress.py and lays them out as model.py's Digest; words.py holds the
plain language every format shares; one render_*.py per format; charts.py
draws the HTML's charts.

The period is [start, end): start is included, end is not (periods.py turns
the days people give, both included, into this). Every export
(export() or export_files()) is recorded in the audit log: who, which
council, the period and the format.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from bot.digest import periods
from bot.digest.build import build
from bot.digest.model import Digest
from bot.digest.suppress import DEFAULT_THRESHOLD
from knowledge.base import CouncilKnowledge
from storage.board import OVERDUE_WORKING_DAYS
from storage.store import Store

__all__ = ["FORMATS", "Digest", "build", "default_period", "export", "export_files", "filename", "render"]

FORMATS: dict[str, str] = {"html": "html", "md": "md", "csv": "csv", "json": "json"}
MEDIA_TYPES = {"html": "text/html", "md": "text/markdown", "csv": "text/csv", "json": "application/json"}
Progress = Callable[[str], None]


def default_period(today: date) -> tuple[date, date]:
    """The last twelve months up to and including today: [same day a year ago + 1, tomorrow)."""
    return periods.resolve(today)


def render(digest: Digest, fmt: str, progress: Progress | None = None, charts: bool = True) -> str:
    """The digest in one format: "html", "md", "csv" or "json"."""
    if fmt == "html":
        from bot.digest import render_html

        return render_html.render(digest, charts=charts, progress=progress)
    if fmt == "md":
        from bot.digest import render_md

        return render_md.render(digest)
    if fmt == "csv":
        from bot.digest import render_csv

        return render_csv.render(digest)
    if fmt == "json":
        from bot.digest import render_json

        return render_json.render(digest)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def filename(digest: Digest, fmt: str) -> str:
    """A file name that says what is in it, e.g. carebot-digest-somerset-2024-04-01-to-2025-03-31.html."""
    return f"carebot-digest-{digest.council}-{digest.start.isoformat()}-to-{digest.last_day.isoformat()}.{FORMATS[fmt]}"


def export(
    store: Store,
    knowledge: CouncilKnowledge | str,
    start: date,
    end: date,
    fmt: str,
    *,
    actor: str | None,
    threshold: int = DEFAULT_THRESHOLD,
    overdue_days: int = OVERDUE_WORKING_DAYS,
    progress: Progress | None = None,
) -> tuple[str, str]:
    """Build, render and audit one export; returns (file name, text)."""
    name, data = export_files(
        store, knowledge, start, end, (fmt,), actor=actor, threshold=threshold, overdue_days=overdue_days, progress=progress
    )[0]
    return name, data.decode("utf-8")


def export_files(
    store: Store,
    knowledge: CouncilKnowledge | str,
    start: date,
    end: date,
    formats: Sequence[str] = ("html", "csv"),
    *,
    actor: str | None,
    threshold: int = DEFAULT_THRESHOLD,
    overdue_days: int = OVERDUE_WORKING_DAYS,
    progress: Progress | None = None,
) -> list[tuple[str, bytes]]:
    """One digest in several formats, as (file name, UTF-8 bytes); each export audited.

    For /digest in chat: export_files(store, knowledge, start, end, ("html", "csv"), actor=officer_key).
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    digest = build(store, knowledge, start, end, threshold, overdue_days, progress=progress)
    files = []
    for fmt in formats:
        files.append((filename(digest, fmt), render(digest, fmt, progress=progress).encode("utf-8")))
        store.audit(
            actor, "digest_export", digest.council,
            {"from": start.isoformat(), "to": (end - timedelta(days=1)).isoformat(), "format": fmt},  # both days in
        )
    return files
