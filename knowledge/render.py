"""Fill an answer's placeholders from a council profile.

A line whose placeholder has no value is left out, rather than showing a
young person "Phone: None" or a raw "{council.advocacy.phone}".
"""

from __future__ import annotations

from typing import Any

from knowledge.model import PLACEHOLDER, UNSET_MARKER

_MISSING = object()


def lookup(path: str, values: dict[str, Any]) -> Any:
    """The value at a dotted path, or _MISSING when a key does not exist."""
    node: Any = values
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


def is_known(path: str, values: dict[str, Any]) -> bool:
    value = lookup(path, values)
    return value is not _MISSING and not isinstance(value, (dict, list))


def _has_value(value: Any) -> bool:
    return value is not _MISSING and value not in (None, "") and not isinstance(value, (dict, list))


def fill(text: str, values: dict[str, Any]) -> str:
    """Replace placeholders; drop each line that names an unset value."""
    kept: list[str] = []
    for line in text.splitlines():
        if any(_has_value(lookup(name, values)) for name in UNSET_MARKER.findall(line)):
            continue  # the value is known, so the fallback line is not needed
        line = UNSET_MARKER.sub("", line)
        names = PLACEHOLDER.findall(line)
        resolved = {name: lookup(name, values) for name in names}
        if not all(_has_value(v) for v in resolved.values()):
            continue
        for name, value in resolved.items():
            line = line.replace("{" + name + "}", str(value))
        kept.append(line)
    # Dropping lines can leave two blank lines in a row.
    result = "\n".join(kept)
    while "\n\n\n" in result:
        result = result.replace("\n\n\n", "\n\n")
    return result.strip()
