"""Small helpers for timing: medians of several runs, percentiles."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def per_call_ms(func: Callable[[str], object], inputs: list[str]) -> list[float]:
    times = []
    for text in inputs:
        started = time.perf_counter()
        func(text)
        times.append((time.perf_counter() - started) * 1000)
    return times


def median_of_runs(runs: int, measure: Callable[[], T]) -> list[T]:
    return [measure() for _ in range(runs)]


def median(values: list[float]) -> float:
    return statistics.median(values)
