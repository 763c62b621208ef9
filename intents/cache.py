"""Where trained models are kept between starts: CAREBOT_CACHE_DIR, else the user's cache folder."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_DIR = Path(os.environ.get("CAREBOT_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "carebot")
