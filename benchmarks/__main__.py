"""`make bench`: every benchmark, one table, medians of several runs."""

from __future__ import annotations

import sys

from benchmarks import coldstart, decide, digest_large, safety_screen, telegram_e2e


def main() -> None:
    rows: list[tuple[str, str, str]] = []
    for part in (safety_screen, decide, telegram_e2e, digest_large, coldstart):
        print(f"running {part.__name__} ...", file=sys.stderr, flush=True)
        rows += part.run()
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'median of runs':<22}  target / note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:<22}  {note}")


if __name__ == "__main__":
    main()
