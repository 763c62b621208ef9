"""Small-number suppression: no count from 1 to threshold-1 can be seen or worked out.

A published table is a set of figures and the sums that tie them together
(row totals, column totals, the grand total). Each figure is shown, shown as
"fewer than 6" (a small count: primary suppression), or "not shown"
(secondary suppression: hidden only so that a small count cannot be worked
out from it).

How we decide, in plain words:

1. Every count from 1 to threshold-1 is small. Zero is shown: it says that
   nobody did something, not who.
2. We then play the reader who wants to undo that. They know every shown
   figure, that a small figure is between 1 and threshold-1, that a hidden
   one is 0 or more, every sum, and any "at most" between tables (people
   with a view on one topic are at most the people active). They narrow
   each hidden figure's range from these, again and again until nothing
   changes: the "shuttle" method for tables with totals. (A reader solving
   it as a linear programme could in principle narrow further; the tests
   play this reader only.)
3. If the reader can narrow any small count to a range narrower than "from
   1 to threshold-1" (so never to one value), we hide one more figure in a
   sum that holds it (the smallest non-zero cell, else that sum's total; a
   small total becomes "not shown", which lifts the ceiling it puts on its
   parts) and play again. If nothing is left to hide, every non-zero figure
   is not shown.
4. Last, a hidden figure the reader can pin to one exact value anyway is
   shown: hiding it protects nothing, and an exact figure is more use.

Hidden figures never reach the renderers: a Figure that is not shown carries
no value, so no format can leak one by mistake.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

SHOWN = "shown"
SMALL = "small"  # 1 to threshold-1: "fewer than 6"
HIDDEN = "hidden"  # secondary suppression: "not shown"

NOT_SHOWN = "not shown"
DEFAULT_THRESHOLD = 6
ROUNDING_BASE = 5  # every shown count is rounded up to its band of five (see rounded())
# Bound narrowing converges in a few rounds on tables this size; the cap
# only stops a pathological table from spinning.
MAX_ROUNDS = 500

Key = Hashable
Sum = tuple[Sequence[Key], Key]  # (parts, total): sum(parts) == total
AtMost = tuple[Key, Key]  # (a, b): a <= b, e.g. people with a view on one topic <= people active


def small_text(threshold: int) -> str:
    return f"fewer than {threshold}"


@dataclass(frozen=True)
class Figure:
    """One published count. value is None unless it is shown."""

    value: int | None
    status: str = SHOWN

    @property
    def shown(self) -> bool:
        return self.status == SHOWN

    def text(self, threshold: int = DEFAULT_THRESHOLD) -> str:
        if self.status == SMALL:
            return small_text(threshold)
        if self.status == HIDDEN:
            return NOT_SHOWN
        return str(self.value)

    def public(self, threshold: int = DEFAULT_THRESHOLD) -> int | str:
        """The figure for JSON and CSV: the number, or the words that replace it."""
        return self.value if self.shown and self.value is not None else self.text(threshold)


def primary_status(value: int, threshold: int) -> str:
    return SMALL if 0 < value < threshold else SHOWN


def single(value: int, threshold: int = DEFAULT_THRESHOLD) -> Figure:
    """A figure that no published sum includes."""
    return publish({"x": value}, [], threshold)["x"]


def publish(
    values: Mapping[Key, int], sums: Sequence[Sum], threshold: int = DEFAULT_THRESHOLD, at_most: Sequence[AtMost] = ()
) -> dict[Key, Figure]:
    """Figures for every value, small ones suppressed and their sums protected."""
    status = protect(values, sums, threshold, at_most)
    return {
        key: Figure(rounded(values[key], threshold) if status[key] == SHOWN else None, status[key]) for key in values
    }


def rounded(value: int, threshold: int = DEFAULT_THRESHOLD) -> int:
    """A shown count rounded up to the top of its band of five: with the default, 6 to 10 read 10, 11 to 15 read 15.

    Suppression alone holds for one table but not across periods: a digest
    for January to July minus one for January to June gives back July's
    hidden counts. Every shown count is therefore a band of five values,
    so a difference of two shown counts is a band of nine, and no hidden
    count from 1 to threshold-1 can be pinned by subtracting digests, however
    the periods nest (docs/security.md). Bands start at the threshold, so
    the lowest shown band is never narrower than the others. Zero stays
    zero: that nobody did something says nothing of who.
    """
    if value < threshold or threshold < 2:
        return value
    return threshold - 1 + ROUNDING_BASE * math.ceil((value - threshold + 1) / ROUNDING_BASE)


def protect(
    values: Mapping[Key, int], sums: Sequence[Sum], threshold: int = DEFAULT_THRESHOLD, at_most: Sequence[AtMost] = ()
) -> dict[Key, str]:
    """The status of every figure: SHOWN, SMALL or HIDDEN."""
    if threshold < 2:
        return {key: SHOWN for key in values}
    for value in values.values():
        if value < 0:
            raise ValueError("counts are never negative")
    status = {key: primary_status(value, threshold) for key, value in values.items()}
    member_of: dict[Key, list[int]] = {key: [] for key in values}
    for index, (parts, total) in enumerate(sums):
        for key in (*parts, total):
            member_of[key].append(index)
    # Each round hides one more figure (shown or small -> hidden), so at most
    # two rounds per figure.
    for _ in range(2 * len(values) + 1):
        ranges = reader_ranges(status, values, sums, threshold, at_most)
        leaking = [key for key in values if leaks(key, values, status, ranges, threshold)]
        if not leaking:
            break
        extra = _complement(leaking[0], values, status, sums, member_of)
        if extra is None:
            return _hide_all(values, threshold)
        status[extra] = HIDDEN
    else:  # pragma: no cover - statuses only ever move towards hidden, so this cannot run out
        return _hide_all(values, threshold)
    # A hidden figure the reader can pin exactly protects nothing: show it.
    ranges = reader_ranges(status, values, sums, threshold, at_most)
    for key, (low, high) in ranges.items():
        if status[key] == HIDDEN and low == high:
            status[key] = SHOWN
    return status


def leaks(
    key: Key, values: Mapping[Key, int], status: Mapping[Key, str], ranges: Mapping[Key, tuple[float, float]], threshold: int
) -> bool:
    """Whether the reader can narrow this small count to a range narrower than "1 to threshold-1".

    The width is what matters, not the ends: a total of two small counts
    is at least 2, and saying so tells nothing that "fewer than 6" twice
    did not.
    """
    if status[key] == SHOWN or not 0 < values[key] < threshold:
        return False
    low, high = ranges[key]
    return high - low < threshold - 2


def reader_ranges(
    status: Mapping[Key, str],
    values: Mapping[Key, int],
    sums: Sequence[Sum],
    threshold: int,
    at_most: Sequence[AtMost] = (),
) -> dict[Key, tuple[float, float]]:
    """The range a reader can narrow each figure to, from what is published alone."""
    low: dict[Key, float] = {}
    high: dict[Key, float] = {}
    for key, state in status.items():
        if state == SHOWN:
            low[key] = high[key] = values[key]
        elif state == SMALL:
            low[key], high[key] = 1, threshold - 1
        else:
            low[key], high[key] = 0, math.inf
    for _ in range(MAX_ROUNDS):
        changed = False
        for parts, total in sums:
            parts_low = sum(low[p] for p in parts)
            finite_high = sum(high[p] for p in parts if high[p] != math.inf)
            unbounded = sum(1 for p in parts if high[p] == math.inf)
            changed |= _narrow(low, high, total, parts_low, math.inf if unbounded else finite_high)
            for part in parts:
                others_low = parts_low - low[part]
                if high[part] == math.inf:
                    others_high = math.inf if unbounded > 1 else finite_high
                else:
                    others_high = math.inf if unbounded else finite_high - high[part]
                changed |= _narrow(low, high, part, low[total] - others_high, high[total] - others_low)
        for smaller, larger in at_most:
            changed |= _narrow(low, high, smaller, low[smaller], high[larger])
            changed |= _narrow(low, high, larger, low[smaller], high[larger])
        if not changed:
            break
    return {key: (low[key], high[key]) for key in status}


def _narrow(low: dict[Key, float], high: dict[Key, float], key: Key, new_low: float, new_high: float) -> bool:
    changed = False
    if new_low > low[key]:
        low[key] = new_low
        changed = True
    if new_high < high[key]:
        high[key] = new_high
        changed = True
    if low[key] > high[key]:
        raise ValueError("the sums do not add up")
    return changed


def _complement(
    key: Key, values: Mapping[Key, int], status: Mapping[Key, str], sums: Sequence[Sum], member_of: Mapping[Key, list[int]]
) -> Key | None:
    """One more figure to hide so that this small count is safe, or None if none is left.

    The sums that hold the count come first, those with fewest hidden
    figures first; then the sums that hold their members, and so on
    outwards. In each ring: the smallest non-zero shown cell, else a shown
    total, else a small total.
    """
    seen_lines: set[int] = set()
    ring = sorted(member_of[key], key=lambda i: sum(status[k] != SHOWN for k in (*sums[i][0], sums[i][1])))
    while ring:
        seen_lines.update(ring)
        for index in ring:
            parts, total = sums[index]
            cells = sorted((p for p in parts if status[p] == SHOWN and values[p] > 0), key=lambda p: values[p])
            if cells:
                return cells[0]
        for index in ring:
            if status[sums[index][1]] == SHOWN:
                return sums[index][1]
        for index in ring:
            if status[sums[index][1]] == SMALL and sums[index][1] != key:
                return sums[index][1]
        members = {m for index in ring for m in (*sums[index][0], sums[index][1])}
        ring = sorted({i for m in members for i in member_of[m]} - seen_lines)
    return None


def _hide_all(values: Mapping[Key, int], threshold: int) -> dict[Key, str]:
    """The last resort: every non-zero figure not shown."""
    return {key: HIDDEN if value > 0 else SHOWN for key, value in values.items()}


# Table shapes


TOTAL = "total"


def grid_sums(rows: Sequence[Key], columns: Sequence[Key], row_totals: bool = True, column_totals: bool = True) -> list[Sum]:
    """The sums of a table keyed (row, column), with TOTAL for totals.

    Row totals are (row, TOTAL), column totals (TOTAL, column), the grand
    total (TOTAL, TOTAL), which is both the sum of the row totals and of the
    column totals when both are published.
    """
    sums: list[Sum] = []
    if row_totals:
        sums += [([(r, c) for c in columns], (r, TOTAL)) for r in rows]
    if column_totals:
        sums += [([(r, c) for r in rows], (TOTAL, c)) for c in columns]
    if row_totals:
        sums.append(([(r, TOTAL) for r in rows], (TOTAL, TOTAL)))
    if column_totals:
        sums.append(([(TOTAL, c) for c in columns], (TOTAL, TOTAL)))
    return sums


def grid_values(
    counts: Mapping[Key, Mapping[Key, int]],
    rows: Sequence[Key],
    columns: Sequence[Key],
    row_totals: bool = True,
    column_totals: bool = True,
) -> dict[Key, int]:
    """The values for grid_sums(): every cell and the totals asked for."""
    values = {(r, c): int(counts.get(r, {}).get(c, 0)) for r in rows for c in columns}
    if row_totals:
        values.update({(r, TOTAL): sum(values[(r, c)] for c in columns) for r in rows})
    if column_totals:
        values.update({(TOTAL, c): sum(values[(r, c)] for r in rows) for c in columns})
    if row_totals or column_totals:
        values[(TOTAL, TOTAL)] = sum(values[(r, c)] for r in rows for c in columns)
    return values
