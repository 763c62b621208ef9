"""Where an error happened, for the logs: enough to find it, with no data in it."""

from __future__ import annotations

import traceback
from pathlib import Path


def where(error: BaseException | None) -> str:
    """The innermost file, line and function of an error ("engine.py:201 in respond")."""
    frames = traceback.extract_tb(error.__traceback__) if error is not None else []
    if not frames:
        return "unknown"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"
