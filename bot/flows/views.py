"""Sharing a view, in the spirit of Mind of My Own. See views.mmd.

Topic, feeling, what is happening, what would make it better, who sees it,
check and send. A low feeling about where someone lives asks, gently,
whether they feel safe there; "no" takes the safeguarding path.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.flows.base import FlowHost
from bot.flows.steps import Choice, Data, Step, StepFlow
from bot.messages import Notification, Reply
from bot.turn import Turn
from storage import voice
from storage.vocab import FEELINGS, VIEW_TOPICS

log = logging.getLogger("carebot.flows.views")

NAME = "views"
TEXT_LIMIT = 1000
FEELING_WORDS = {
    1: ("1", "awful", "terrible", "really bad", "very bad", "horrible", "😭", "😢"),
    2: ("2", "bad", "not good", "sad", "not great", "rubbish", "☹️", "😟"),
    3: ("3", "ok", "okay", "alright", "meh", "fine", "so so"),
    4: ("4", "good", "fine thanks", "pretty good", "😊"),
    5: ("5", "great", "really good", "amazing", "brilliant", "very good", "😁", "🥰"),
}
SHARE_CHOICES = (
    Choice("anonymous", "Anonymous: counted in the board report, no name", ("anonymous", "anon")),
    Choice("follow_up", "Also send to the participation officer to follow up", ("follow up", "officer")),
)


def _summary(data: Data) -> str:
    emoji, label = FEELINGS[int(data["feeling"])]
    lines = [
        "Here's your view. Check it, then tap Send.",
        f"About: {VIEW_TOPICS[data['topic']]}",
        f"How it feels: {emoji} {label}",
    ]
    if data.get("happening"):
        lines.append(f"What's happening: {data['happening']}")
    if data.get("better"):
        lines.append(f"What would make it better: {data['better']}")
    lines.append("Who sees it: " + next(c.label for c in SHARE_CHOICES if c.value == data.get("share", "anonymous")))
    return "\n".join(lines)


def _low_about_home(data: Data) -> bool:
    return data.get("topic") == "home" and int(data.get("feeling") or 5) <= 2


STEPS = (
    Step("topic", "What would you like to share a view about?", "choice",
         tuple(Choice(k, v) for k, v in VIEW_TOPICS.items())),
    Step("feeling", "How do you feel about it?", "choice",
         tuple(Choice(str(n), f"{e} {label}", FEELING_WORDS[n] + (e,)) for n, (e, label) in FEELINGS.items())),
    Step("safe", "Thanks for telling me. Can I check: do you feel safe where you live?", "choice",
         (Choice("yes", "Yes, I feel safe", ("yes", "y")), Choice("no", "No, I don't feel safe", ("no", "n")),
          Choice("unsure", "I'm not sure", ("not sure", "unsure", "dunno", "idk"))),
         when=_low_about_home),
    Step("happening", "What's happening? Tell me as much or as little as you like. (You can skip this.)",
         optional=True, max_len=TEXT_LIMIT),
    Step("better", "What would make it better? (You can skip this too.)", optional=True, max_len=TEXT_LIMIT),
    Step("share", "Who should see it?", "choice", SHARE_CHOICES),
    Step("confirm", _summary, "confirm"),
)


def _on_answer(host: FlowHost, turn: Turn, key: str, value: Any) -> bool:
    if key == "safe" and value == "no":
        # Not feeling safe at home is a safeguarding matter, not a survey answer.
        # The crisis reply pauses the flow; "Carry on" returns to the next question.
        flow = turn.flow
        assert flow is not None
        flow["history"].append(flow["step"])
        flow["step"] += 1
        host.answering.crisis(turn, "danger", "")
        return False
    return True


def _finish(host: FlowHost, turn: Turn, data: Data) -> None:
    view_id = voice.save_view(host.store, turn.key, host.answering.council, data, turn.person.get("age_band"))
    log.info("view saved topic=%s", data["topic"])
    text = (
        "Thank you. Your view is saved.\n"
        "It will be counted in the report to the council's Corporate Parenting Board, without your name."
    )
    if data.get("share") == "follow_up":
        text += "\nI've passed it to the participation officer so they can follow it up with you here."
        for officer in voice.people_with_role(host.store, host.answering.council, "officer"):
            turn.result.notifications.append(
                Notification(officer, Reply(f"A young person asked for follow-up on a view (ref V{view_id}).\n" + _summary(data).split("\n", 1)[1]))
            )
    turn.say(text, host.answering.standard_buttons(turn))


FLOW = StepFlow(NAME, STEPS, _finish, on_answer=_on_answer,
                cancelled_text="OK, I've stopped. Nothing was saved. You can share a view any time with /view.")
