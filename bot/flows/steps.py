"""Step-by-step flows (views, review prep, We Said, You Did) from one set of rules.

A flow is a list of Steps. This module gives every flow the same manners:
Back and Cancel at every step, Skip on optional questions, a stale button
does nothing, typed text works where a button is expected when it clearly
names one, and a wrong answer never loses what was already given. The
position lives in the person's saved state, so a crisis pause or a restart
carries on from the same step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.flows.base import FlowHost
from bot.messages import Button
from bot.turn import Press, Turn
from intents.normalise import has_words

BACK, CANCEL, SKIP, SEND = "Back", "Cancel", "Skip", "Send"
TOO_LONG = (
    "That's {length} characters, and the most I can take here is {limit}. "
    "Could you make it a bit shorter? Your other answers are kept."
)
EMPTY_TEXT = "I didn't get any words there. Type your answer, or tap {way_out}."
EMOJI_ONLY = "I can't read emoji-only answers here. Could you say it in words, or tap {way_out}?"
PICK_A_BUTTON = "Please pick one of the buttons below, or tap Cancel to stop."
CANCELLED = "OK, I've stopped. Nothing was saved."

Data = dict[str, Any]


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    words: tuple[str, ...] = ()  # other things people might type for it


@dataclass(frozen=True)
class Step:
    key: str
    prompt: str | Callable[[Data], str]
    kind: str = "text"  # "text", "choice" or "confirm"
    choices: tuple[Choice, ...] | Callable[[Data], tuple[Choice, ...]] = ()
    optional: bool = False
    max_len: int = 1000
    when: Callable[[Data], bool] | None = None  # ask only when this is true
    # A choice step that also takes typed answers (a date): the value to keep, or None.
    read: Callable[[str, Data], Any] | None = None
    unreadable: str = ""  # said when read() returns None

    def prompt_for(self, data: Data) -> str:
        return self.prompt(data) if callable(self.prompt) else self.prompt

    def choices_for(self, data: Data) -> tuple[Choice, ...]:
        return self.choices(data) if callable(self.choices) else self.choices


# A hook after an answer: return False to stop the flow moving on (for
# example when the answer started the safeguarding path instead).
AnswerHook = Callable[[FlowHost, Turn, str, Any], bool]
Finish = Callable[[FlowHost, Turn, Data], None]


@dataclass(frozen=True)
class StepFlow:
    """A flow made of steps; has the start/on_text/on_button/resume shape every flow has."""

    NAME: str
    steps: tuple[Step, ...]
    finish: Finish
    on_answer: AnswerHook | None = None
    cancelled_text: str = CANCELLED
    initial: Callable[[Turn], Data] = field(default=lambda turn: {})

    # Entry points

    def start(self, host: FlowHost, turn: Turn, data: Data | None = None) -> None:
        turn.flow = {"name": self.NAME, "step": -1, "data": dict(data or self.initial(turn)), "history": []}
        self._advance(host, turn)

    def resume(self, host: FlowHost, turn: Turn) -> None:
        self._ask(turn)

    def on_text(self, host: FlowHost, turn: Turn, text: str) -> None:
        step = self._current(turn)
        if step is None:
            turn.flow = None
            host.understand(turn, text)
            return
        if text.strip().casefold() in ("cancel", "stop", "quit", "exit"):
            self._cancel(host, turn)
            return
        if text.strip().casefold() == "back":
            self._back(host, turn)
            return
        if step.optional and text.strip().casefold() == "skip":
            self._accept(host, turn, step, None)
            return
        if step.kind == "text":
            self._typed_answer(host, turn, step, text)
        else:
            data = turn.flow["data"]  # type: ignore[index]
            choice = self._choice_from_text(step, data, text)
            typed = step.read(text, data) if choice is None and step.read is not None else None
            if choice is not None:
                self._accept(host, turn, step, choice.value)
            elif typed is not None:
                self._accept(host, turn, step, typed)
            else:
                turn.say(step.unreadable or PICK_A_BUTTON)
                self._ask(turn)

    def on_button(self, host: FlowHost, turn: Turn, press: Press) -> None:
        flow = turn.flow or {}
        step = self._current(turn)
        if step is None or press.turn != flow.get("turn"):
            host.stale(turn)
            return
        if press.action == "cancel":
            self._cancel(host, turn)
        elif press.action == "back":
            self._back(host, turn)
        elif press.action == "skip" and step.optional:
            self._accept(host, turn, step, None)
        elif press.action == "send" and step.kind == "confirm":
            turn.flow = None
            self.finish(host, turn, flow["data"])
        elif press.action == "step" and step.kind == "choice":
            values = {c.value for c in step.choices_for(flow["data"])}
            if press.arg in values:
                self._accept(host, turn, step, press.arg)
            else:
                host.stale(turn)
        else:
            host.stale(turn)

    # Moving between steps

    def _current(self, turn: Turn) -> Step | None:
        flow = turn.flow or {}
        index = flow.get("step", -1)
        return self.steps[index] if 0 <= index < len(self.steps) else None

    def _advance(self, host: FlowHost, turn: Turn) -> None:
        flow = turn.flow
        assert flow is not None
        index = flow["step"] + 1
        while index < len(self.steps):
            step = self.steps[index]
            if step.when is None or step.when(flow["data"]):
                break
            index += 1
        if index >= len(self.steps):
            turn.flow = None
            self.finish(host, turn, flow["data"])
            return
        if flow["step"] >= 0:
            flow["history"].append(flow["step"])
        flow["step"] = index
        self._ask(turn)

    def _back(self, host: FlowHost, turn: Turn) -> None:
        flow = turn.flow
        assert flow is not None
        if not flow["history"]:
            self._cancel(host, turn)
            return
        flow["step"] = flow["history"].pop()
        self._ask(turn)

    def _cancel(self, host: FlowHost, turn: Turn) -> None:
        turn.flow = None
        turn.say(self.cancelled_text, host.answering.standard_buttons(turn))

    def _accept(self, host: FlowHost, turn: Turn, step: Step, value: Any) -> None:
        flow = turn.flow
        assert flow is not None
        flow["data"][step.key] = value
        if self.on_answer is not None and not self.on_answer(host, turn, step.key, value):
            return
        self._advance(host, turn)

    def _typed_answer(self, host: FlowHost, turn: Turn, step: Step, text: str) -> None:
        way_out = SKIP if step.optional else CANCEL
        stripped = text.strip()
        if not stripped:
            turn.say(EMPTY_TEXT.format(way_out=way_out))
            self._ask(turn)
        elif not has_words(stripped):
            turn.say(EMOJI_ONLY.format(way_out=way_out))
            self._ask(turn)
        elif len(stripped) > step.max_len:
            turn.say(TOO_LONG.format(length=len(stripped), limit=step.max_len))
            self._ask(turn)
        else:
            self._accept(host, turn, step, stripped)

    @staticmethod
    def _choice_from_text(step: Step, data: Data, text: str) -> Choice | None:
        typed = text.strip().casefold()
        choices = step.choices_for(data)
        if step.kind == "confirm":
            return Choice("send", SEND) if typed in ("send", "yes", "ok", "y", "save") else None
        for choice in choices:
            if typed in (choice.label.casefold(), choice.value.casefold()) or typed in choice.words:
                return choice
        # "really good" should pick "😄 Really good": a label that ends with what was typed.
        found = [c for c in choices if typed and c.label.casefold().endswith(typed)]
        return found[0] if len(found) == 1 else None

    def _ask(self, turn: Turn) -> None:
        """Show the current step's question with its buttons, stamped with this turn."""
        flow = turn.flow
        assert flow is not None
        step = self.steps[flow["step"]]
        flow["turn"] = turn.number
        buttons: list[Button] = []
        if step.kind == "choice":
            buttons = [turn.button(c.label, "step", c.value) for c in step.choices_for(flow["data"])]
        elif step.kind == "confirm":
            buttons = [turn.button(SEND, "send")]
        if step.optional:
            buttons.append(turn.button(SKIP, "skip"))
        if flow["history"]:
            buttons.append(turn.button(BACK, "back"))
        buttons.append(turn.button(CANCEL, "cancel"))
        turn.say(step.prompt_for(flow["data"]), buttons)
