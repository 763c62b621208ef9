"""Read YAML while remembering the line every value came from.

A young person never sees this module, but the officer who edits a council
file does: every problem in the knowledge base is reported as ``file:line``,
so the loader keeps a map from each value's path to its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class KnowledgeFileError(Exception):
    """A knowledge file that cannot be read at all (bad YAML, missing file)."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@dataclass
class SourceFile:
    """One parsed YAML file: its data and where each value sits."""

    path: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, *where: str | int) -> int:
        """The line of a value, or of its nearest parent that has one."""
        path: Path_ = tuple(where)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> Any:
    # yaml marks are 0-based; people count lines from 1.
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise KnowledgeFileError(Path("?"), key_node.start_mark.line + 1, "a key must be plain text")
            key = key_node.value
            if key in result:
                raise KnowledgeFileError(
                    Path("?"), key_node.start_mark.line + 1, f"key {key!r} appears twice"
                )
            result[key] = _build(value_node, path + (str(key),), lines)
            lines[path + (str(key),)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines) for i, item in enumerate(node.value)]
    return _SCALARS.construct_object(node, deep=True)


# One loader is enough to turn scalar nodes into str, int, bool, date or None.
_SCALARS = yaml.SafeLoader("")
# libyaml's parser when PyYAML has it (its wheels do): the same nodes and
# lines, nine times faster, which is most of a cold start.
_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path) -> SourceFile:
    """Parse one YAML file, or raise KnowledgeFileError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise KnowledgeFileError(path, 1, f"cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise KnowledgeFileError(path, 1, "not UTF-8 text") from error
    try:
        node = yaml.compose(text, Loader=_PARSER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise KnowledgeFileError(path, line, f"YAML error: {error.problem}") from error
    if node is None:
        raise KnowledgeFileError(path, 1, "the file is empty")
    lines: dict[Path_, int] = {}
    try:
        data = _build(node, (), lines)
    except KnowledgeFileError as error:
        raise KnowledgeFileError(path, error.line, error.message) from error
    except yaml.YAMLError as error:
        raise KnowledgeFileError(path, node.start_mark.line + 1, f"YAML error: {error}") from error
    return SourceFile(path=path, data=data, lines=lines)
