"""The board digest for a large council's year: 100,000 views, 1,000,000
answered questions, 2,000 We Said items. Time and peak memory of
`carebot digest` as an officer runs it, for JSON and for HTML with charts.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.timing import median
from storage.store import Store
from storage.vocab import VIEW_TOPICS, WSYD_THEMES

ROOT = Path(__file__).resolve().parents[1]
COUNCIL = "hampshire"
YEAR_END = date(2026, 11, 1)
VIEWS, QUESTIONS, ITEMS, PEOPLE = 100_000, 1_000_000, 2_000, 20_000


def fill(db: Path, seed: int = 3) -> None:
    """Bulk-insert a year of made-up activity, fast (executemany in one transaction)."""
    rng = random.Random(seed)
    store = Store(db)
    start = YEAR_END - timedelta(days=365)
    days = [start + timedelta(days=d) for d in range(365)]
    topics = ["offer.housing", "offer.money", "offer.staying_put", "offer.council_tax", "offer.education",
              "voice.advocacy", "care.placement", "offer.health", "offer.work", "voice.complaints"]
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO people (key, channel, council, created, last_seen, role, age_band) VALUES (?, 'telegram', ?, ?, ?, 'young_person', ?)",
            [(f"k{i}", COUNCIL, f"{rng.choice(days)}T10:00:00+00:00", f"{rng.choice(days)}T12:00:00+00:00",
              rng.choice(["16_17", "18_21", "22_25", None])) for i in range(PEOPLE)],
        )
        per_cell = QUESTIONS // (len(days) * len(topics))
        conn.executemany(
            "INSERT INTO topic_stats (council, day, topic_id, asked, helpful, not_helpful) VALUES (?, ?, ?, ?, ?, ?)",
            [(COUNCIL, d.isoformat(), t, per_cell, per_cell // 3, per_cell // 10) for d in days for t in topics],
        )
        conn.executemany(
            "INSERT INTO views (key, council, topic, feeling, happening, better, share, created, quote_status, quote)"
            " VALUES (?, ?, ?, ?, ?, ?, 'anonymous', ?, ?, ?)",
            [(f"k{rng.randrange(PEOPLE)}", COUNCIL, rng.choice(list(VIEW_TOPICS)), rng.randint(1, 5),
              "things are hard with money", "more help", f"{rng.choice(days)}T09:00:00+00:00",
              rng.choice(["none", "pending", "approved", "rejected"]), "more help with money please")
             for _ in range(VIEWS)],
        )
        statuses = ["open", "planned", "in_progress", "done", "cannot_do"]
        conn.executemany(
            "INSERT INTO wsyd_items (council, said, theme, raised_on, raised_by, created, status, did, reason, owner, answered_on)"
            " VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
            [(COUNCIL, f"We said item {i}", rng.choice(list(WSYD_THEMES)), rng.choice(days).isoformat(),
              f"{YEAR_END}T00:00:00+00:00", s, None if s == "open" else "We did something",
              "Budget" if s == "cannot_do" else None, None if s == "open" else "Head of Service",
              None if s == "open" else YEAR_END.isoformat())
             for i, s in ((i, rng.choice(statuses)) for i in range(ITEMS))],
        )
    store.close()


def once(db: Path, fmt: str, out: Path) -> tuple[float, float]:
    """Seconds and peak MB of one `carebot digest` run; call from a fresh process."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "digest", "--council", COUNCIL, "--db", str(db),
         "--from", (YEAR_END - timedelta(days=365)).isoformat(), "--to", YEAR_END.isoformat(),
         "--format", fmt, "--out", str(out)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy(),
    )
    elapsed = time.perf_counter() - started
    # The largest child so far; this process has had only the one.
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run(runs: int = 3) -> list[tuple[str, str, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "large.db"
        fill(db)
        for fmt in ("json", "html"):
            # Each format measured in a fresh child of a fresh measuring process,
            # so the peak is that format's own.
            results = [measure_in_child(db, fmt, Path(tmp) / f"digest.{fmt}") for _ in range(runs)]
            rows.append((
                f"digest, a large council's year, {fmt}",
                f"{median([r[0] for r in results]):.2f} s, {median([r[1] for r in results]):.0f} MB",
                "<= 5 s, <= 300 MB",
            ))
    return rows


def measure_in_child(db: Path, fmt: str, out: Path) -> tuple[float, float]:
    code = (
        "import sys; from pathlib import Path; from benchmarks.digest_large import once; "
        f"t, m = once(Path({str(db)!r}), {fmt!r}, Path({str(out)!r})); print(t, m)"
    )
    output = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    elapsed, peak = output.split()
    return float(elapsed), float(peak)
