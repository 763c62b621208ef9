"""Getting ready for a review meeting. See review.mmd.

Five optional questions become a summary to forward to the Independent
Reviewing Officer or worker. Kept only if the young person chooses.
"""

from __future__ import annotations

from bot.flows.base import FlowHost
from bot.flows.steps import Choice, Data, Step, StepFlow
from bot.turn import Turn
from storage import voice

NAME = "review"
QUESTIONS = (
    ("going_well", "What is going well?"),
    ("not_going_well", "What is not going so well?"),
    ("want", "What do you want to happen?"),
    ("who", "Who do you want at your meeting?"),
    ("questions", "What questions do you have?"),
)


def summary(data: Data) -> str:
    lines = ["My review: what I want to say"]
    for key, question in QUESTIONS:
        if data.get(key):
            lines.append(f"{question}\n{data[key]}")
    if len(lines) == 1:
        lines.append("(No answers yet.)")
    return "\n\n".join(lines)


def _keep_prompt(data: Data) -> str:
    return (
        summary(data)
        + "\n\nYou can copy this and send it to your Independent Reviewing Officer (IRO) or your worker.\n"
        "Do you want me to keep a copy?"
    )


STEPS = (
    *(Step(key, f"{question} (You can skip this.)", optional=True, max_len=1000) for key, question in QUESTIONS),
    Step("keep", _keep_prompt, "choice",
         (Choice("yes", "Keep a copy", ("yes", "keep")), Choice("no", "Don't keep it", ("no", "dont keep")))),
)


def _finish(host: FlowHost, turn: Turn, data: Data) -> None:
    if data.get("keep") == "yes":
        answers = {key: data.get(key) for key, _ in QUESTIONS}
        voice.save_review_prep(host.store, turn.key, host.answering.council, answers)
        turn.say("Saved. Type /review any time to make a new one. Good luck at your meeting.",
                 host.answering.standard_buttons(turn))
    else:
        turn.say("OK, I haven't kept it. Good luck at your meeting.", host.answering.standard_buttons(turn))


FLOW = StepFlow(NAME, STEPS, _finish)
