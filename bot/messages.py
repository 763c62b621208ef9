"""The neutral messages between channels and the engine.

A channel turns its transport's input into an Incoming and renders each
Reply; the engine never knows whether it is talking to Telegram or a
terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.crisis import KIND_NAMES

# Telegram's limits; other channels are looser, so these bind everyone.
MAX_TEXT = 4096
MAX_BUTTON_DATA = 64


@dataclass(frozen=True)
class Incoming:
    """One thing a person did: typed text, pressed a button, or sent something else."""

    channel: str
    user_id: str
    chat_id: str | None = None
    text: str = ""
    button: str | None = None  # the payload of a pressed button
    unsupported: str | None = None  # "photo", "sticker", "voice"... for a kind reply


@dataclass(frozen=True)
class Button:
    label: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = ()
    # A file to send with the text (digest exports): its name and contents.
    # Kept in memory, so no export is ever left lying on disk.
    document: tuple[str, bytes] | None = None


@dataclass(frozen=True)
class Alert:
    """For the safeguarding chat: case, kinds, time, pseudonymous key, council; no name, no id."""

    kinds: tuple[str, ...]
    at: str
    person: str
    council: str
    text: str | None = None  # only when the council's profile allows it
    friend_kinds: tuple[str, ...] = ()  # for a friend in danger: what is happening to them
    case: int | None = None  # the stored safeguarding event's number, once stored

    @property
    def kind(self) -> str:
        return self.kinds[0]

    def render(self) -> str:
        kinds = ", ".join(self.kinds) + " (" + "; ".join(KIND_NAMES.get(k, k) for k in self.kinds) + ")"
        if self.friend_kinds:
            kinds += "; for the friend: " + ", ".join(KIND_NAMES.get(k, k) for k in self.friend_kinds)
        lines = [
            "carebot safeguarding alert" + (f", case {self.case}" if self.case is not None else ""),
            f"Kind: {kinds}",
            f"Time: {self.at}",
            f"Council: {self.council}",
            f"Person (pseudonymous key): {self.person[:16]}",
            "The young person was shown crisis contacts and offered a person.",
        ]
        if self.case is not None:
            lines.append("To answer them through carebot, reply to this message. They will see it as from the safeguarding team.")
        if self.text:
            lines.append(f"Their message: {self.text}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Notification:
    """A message for someone other than the sender (We Said, You Did answers)."""

    person: str
    reply: Reply


@dataclass
class Result:
    """Everything the engine wants sent after one Incoming."""

    replies: list[Reply] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
