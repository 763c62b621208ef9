"""Cold start: from launching `carebot chat` to its first prompt."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.timing import median

ROOT = Path(__file__).resolve().parents[1]


def once() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "CAREBOT_SECRET_FILE": f"{tmp}/secret"}
        env.pop("TELEGRAM_BOT_TOKEN", None)
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", "from bot.cli import main; main()", "chat", "--db", f"{tmp}/c.db"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, env=env,
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # the first line of the greeting
        elapsed = time.perf_counter() - started
        proc.kill()
        proc.wait()
        return elapsed


def run(runs: int = 5) -> list[tuple[str, str, str]]:
    times = [once() for _ in range(runs)]
    return [("cold start: launch to first prompt", f"{median(times):.2f} s", "<= 1 s")]
