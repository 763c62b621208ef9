"""The terminal channel: the same engine, buttons shown as numbered options.

Interactive at a prompt, or scripted: with piped input, each line is one
message and the replies are printed, so a whole conversation can be tested.

    $ printf 'hello\\n1\\n' | carebot chat --council dorset
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from pathlib import Path

from bot import wording
from bot.engine import Engine
from bot.messages import Button, Incoming, Result

USER_ID = "terminal"


def render(result: Result, numbered: list[Button]) -> str:
    """Replies as text; buttons get numbers that carry on across replies."""
    numbered.clear()
    lines: list[str] = []
    for reply in result.replies:
        lines.append(reply.text)
        for button in reply.buttons:
            numbered.append(button)
            lines.append(f"  [{len(numbered)}] {button.label}")
        if reply.document is not None:
            name, content = reply.document
            Path(name).write_bytes(content)  # the officer's own working folder
            lines.append(f"  (saved {name}, {len(content):,} bytes)")
        lines.append("")
    return "\n".join(lines)


def to_incoming(line: str, numbered: list[Button], user_id: str = USER_ID) -> Incoming | str:
    """A typed line as an Incoming, or a message to show when it names no option."""
    stripped = line.strip()
    if stripped.isdigit() and numbered:
        number = int(stripped)
        if 1 <= number <= len(numbered):
            return Incoming("terminal", user_id, user_id, button=numbered[number - 1].payload)
        return wording.NO_SUCH_OPTION.format(number=number)
    # A label typed in full counts as pressing that button.
    for button in numbered:
        if stripped.casefold() == button.label.casefold():
            return Incoming("terminal", user_id, user_id, button=button.payload)
    return Incoming("terminal", user_id, user_id, text=line)


async def converse(
    engine: Engine, lines: Iterable[str], write: Callable[[str], None], prompt: str = "", user_id: str = USER_ID
) -> None:
    """Run a conversation: a greeting, then one turn per line."""
    numbered: list[Button] = []
    greeting = await engine.handle(Incoming("terminal", user_id, user_id, text="/start"))
    write(render(greeting, numbered))
    if prompt:
        write(prompt)
    for line in lines:
        incoming = to_incoming(line.rstrip("\n"), numbered, user_id)
        if isinstance(incoming, str):
            write(incoming + "\n")
        else:
            # The terminal has no safeguarding chat: alerts are dropped here,
            # but the engine has already stored the safeguarding event.
            result = await engine.handle(incoming)
            write(render(result, numbered))
        if prompt:
            write(prompt)


def run(engine: Engine, lines: Iterable[str], write: Callable[[str], None], interactive: bool) -> None:
    asyncio.run(converse(engine, lines, write, prompt="> " if interactive else ""))
