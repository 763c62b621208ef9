"""Charts for the HTML digest: PNG images drawn by matplotlib (Agg, no display needed).

Charts draw shown figures only. A hidden figure has no value in the Digest,
so it is labelled ("fewer than 6", "not shown") where its bar would be,
never drawn at a height a reader could measure.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure as Canvas  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from bot.digest.model import Table, Trend  # noqa: E402

# Colour-blind-safe (Okabe-Ito), dark enough to print in grey.
LOW, OK, GOOD = "#D55E00", "#E69F00", "#009E73"
NOW, BEFORE = "#0072B2", "#A6A6A6"
TEXT = "#222222"
TOP_QUESTIONS = 10
NOTE = {"va": "center", "fontsize": 9, "color": TEXT, "style": "italic"}
LEGEND = {"loc": "upper center", "frameon": False, "fontsize": 10}


def png_data_uri(canvas: Canvas) -> str:
    buffer = io.BytesIO()
    FigureCanvasAgg(canvas)
    canvas.savefig(buffer, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _canvas(rows: int) -> tuple[Canvas, object]:
    # Narrow and with big type: it is read on a phone as often as on paper.
    canvas = Canvas(figsize=(5.2, 1.0 + 0.45 * max(rows, 1)))
    axes = canvas.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(colors=TEXT, labelsize=10)
    return canvas, axes


def feelings_chart(table: Table, threshold: int) -> str:
    """How each topic feels, as shares of its young people; hidden rows say why they are empty."""
    canvas, axes = _canvas(len(table.rows))
    labels = [row.label for row in table.rows][::-1]
    for y, row in enumerate(table.rows[::-1]):
        whole = row.total.value if row.total is not None and row.total.shown else None
        if not whole or not all(cell.shown for cell in row.cells):
            axes.text(0.01, y, "too few to show", **NOTE)  # type: ignore[attr-defined]
            continue
        left = 0.0
        for cell, colour in zip(row.cells, (LOW, OK, GOOD)):
            share = (cell.value or 0) / whole
            axes.barh(y, share, left=left, color=colour, height=0.6)  # type: ignore[attr-defined]
            left += share
    axes.set_yticks(range(len(labels)), labels)  # type: ignore[attr-defined]
    axes.set_xlim(0, 1)  # type: ignore[attr-defined]
    axes.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"])  # type: ignore[attr-defined]
    handles = [Patch(color=c, label=label) for c, label in zip((LOW, OK, GOOD), table.columns)]
    axes.legend(handles=handles, bbox_to_anchor=(0.4, -0.12), ncol=3, **LEGEND)  # type: ignore[attr-defined]
    return png_data_uri(canvas)


def trend_chart(trends: Sequence[Trend], threshold: int) -> str:
    """Young people with a view on each topic: this period and the one before."""
    canvas, axes = _canvas(len(trends))
    labels = [trend.label for trend in trends][::-1]
    for y, trend in enumerate(trends[::-1]):
        for offset, figure, colour in ((0.2, trend.now, NOW), (-0.2, trend.before, BEFORE)):
            if figure.shown:
                axes.barh(y + offset, figure.value, height=0.38, color=colour)  # type: ignore[attr-defined]
            else:
                axes.text(0, y + offset, f" {figure.text(threshold)}", **NOTE)  # type: ignore[attr-defined]
    axes.set_yticks(range(len(labels)), labels)  # type: ignore[attr-defined]
    axes.set_xlabel("Young people", fontsize=10, color=TEXT)  # type: ignore[attr-defined]
    handles = [Patch(color=c, label=label) for c, label in ((NOW, "This period"), (BEFORE, "The period before"))]
    axes.legend(handles=handles, bbox_to_anchor=(0.4, -0.18), ncol=2, **LEGEND)  # type: ignore[attr-defined]
    return png_data_uri(canvas)


def questions_chart(table: Table) -> str | None:
    """The topics asked about most, from shown figures only; None if none is shown."""
    shown = [(row.label, row.cells[0].value or 0) for row in table.rows if row.cells[0].shown and row.cells[0].value]
    top = sorted(shown, key=lambda pair: (-pair[1], pair[0]))[:TOP_QUESTIONS]
    if not top:
        return None
    canvas, axes = _canvas(len(top))
    axes.barh(range(len(top)), [value for _, value in top][::-1], color=NOW, height=0.6)  # type: ignore[attr-defined]
    axes.set_yticks(range(len(top)), [label for label, _ in top][::-1])  # type: ignore[attr-defined]
    axes.set_xlabel("Questions", fontsize=10, color=TEXT)  # type: ignore[attr-defined]
    return png_data_uri(canvas)
