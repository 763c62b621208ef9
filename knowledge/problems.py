"""Problems with the knowledge base, each with its file and line, collected rather than raised.

Reading never stops at the first problem: an officer fixing a council file
wants the whole list at once. Every reader (read.py, crisis.py, overlay.py)
reports through a Collector.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from knowledge import source


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge base."""

    file: Path
    line: int
    message: str
    level: str = "error"  # or "warning"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.level}: {self.message}"


class Collector:
    """Problems found so far, with the file they belong to."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, src: source.SourceFile, where: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(src.path, src.line(*where), message))

    def file_error(self, error: source.KnowledgeFileError) -> None:
        """A file that could not be read at all (bad YAML, missing file)."""
        self.problems.append(Problem(error.path, error.line, error.message))

    def warn(self, src: source.SourceFile, where: tuple[str | int, ...], message: str) -> None:
        self.problems.append(Problem(src.path, src.line(*where), message, "warning"))
