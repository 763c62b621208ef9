"""Replies about topics: answers, "did you mean", the menu, fallbacks and crisis replies."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot import wording
from bot.menu import MENU
from bot.messages import Alert, Button
from bot.turn import Turn
from intents.router import OUT_OF_SCOPE
from intents.safety import Screen
from knowledge.base import CouncilKnowledge
from knowledge.crisis import KIND_NAMES
from knowledge.model import family
from storage.scrub import scrub
from storage.store import Store, stamp

log = logging.getLogger("carebot.answering")

# Support that starts at 16 or 18: someone under 16 is told so first.
FROM_16_OR_18 = frozenset({
    "offer.staying_put", "offer.staying_close", "offer.setting_up_home", "offer.council_tax", "offer.university",
    "offer.housing", "offer.money", "offer.pathway_plan", "offer.personal_adviser", "offer.leaving_care_age",
    "offer.care_leaver_covenant", "offer.work",
})
UNDER_16_NOTE = "Most of this is for when you're 16 or older. Your social worker can tell you what applies to you now.\n\n"

# Families whose answers are facts: they carry a source and ask "was this helpful?".
FACT_FAMILIES = ("offer", "voice", "care", "glossary")


def readable_source(source: str) -> str:
    """Name sources the way a young person can look them up.

    National facts are kept in the project's facts file, which each cites;
    to a reader, that is "national guidance".
    """
    return source.replace("facts.md: ", "national guidance: ").replace("(facts.md)", "").replace("facts.md", "national guidance").strip()


@dataclass
class Answering:
    """Builds topic replies for one council and records what was asked."""

    knowledge: CouncilKnowledge
    store: Store
    alerting: bool = False  # whether alerts reach a safeguarding chat, so replies say who has been told

    @property
    def council(self) -> str:
        return self.knowledge.slug

    def topic_button(self, turn: Turn, topic_id: str) -> Button:
        return turn.button(self.knowledge.title(topic_id), "topic", topic_id)

    def standard_buttons(self, turn: Turn) -> list[Button]:
        return [turn.button(wording.BUTTON_MENU, "menu"), turn.button(wording.BUTTON_HUMAN, "topic", "meta.human")]

    def answer(self, turn: Turn, topic_id: str, offers: list[Button] | None = None) -> None:
        """Answer one topic, with what it offers to start, related topics and "was this helpful?"."""
        offers = offers or []
        topic = self.knowledge.topics[topic_id]
        text = self.knowledge.answer(topic_id)
        if turn.person.get("age_band") == "under_16" and topic_id in FROM_16_OR_18:
            text = UNDER_16_NOTE + text
        if family(topic_id) in FACT_FAMILIES:
            text += f"\n\nSource: {readable_source(topic.source)} (checked {topic.reviewed:%B %Y})"
            self.store.count_topic(self.council, topic_id)
            log.info("answered topic=%s", topic_id)
            related = [self.topic_button(turn, r) for r in topic.related if r in self.knowledge.topics]
            # One message, not two: less noise on a phone, and half the sends.
            turn.say(
                f"{text}\n\n{wording.HELPFUL_QUESTION}",
                offers
                + related
                + [
                    turn.button(wording.BUTTON_HELPFUL, "helpful", f"y:{topic_id}"),
                    turn.button(wording.BUTTON_NOT_HELPFUL, "helpful", f"n:{topic_id}"),
                    turn.button(wording.BUTTON_MENU, "menu"),
                ],
            )
            return
        buttons = [self.topic_button(turn, r) for r in topic.related if r in self.knowledge.topics]
        if topic_id == OUT_OF_SCOPE:
            buttons = self.standard_buttons(turn)
            text += wording.SAFETY_LINE  # declining is still never a shrug
        turn.say(text, offers + (buttons or self.standard_buttons(turn)))

    def clarify(self, turn: Turn, choices: tuple[str, ...], asked: str) -> None:
        """Offer the likeliest topics; remember them so only these buttons count."""
        turn.state["clarify"] = {"turn": turn.number, "choices": list(choices), "asked": self._scrubbed(asked)}
        buttons = [turn.button(self.knowledge.title(c), "choose", c) for c in choices]
        buttons.append(turn.button(wording.CLARIFY_NONE, "choose", ""))
        turn.say(wording.CLARIFY, buttons)

    def fallback(self, turn: Turn, text: str) -> None:
        """Be honest, keep the question for the officer, and offer a way on."""
        self.store.log_unanswered(turn.key, self.council, text)
        log.info("unanswered")
        turn.say(wording.FALLBACK, self.standard_buttons(turn))

    def none_of_these(self, turn: Turn, asked: str) -> None:
        if asked:
            self.store.log_unanswered(turn.key, self.council, asked)
        turn.say(wording.NONE_OF_THESE, self.standard_buttons(turn))

    def menu(self, turn: Turn, group: str = "") -> None:
        if group in MENU:
            title, topics = MENU[group]
            buttons = [self.topic_button(turn, t) for t in topics if t in self.knowledge.topics]
            buttons.append(turn.button(wording.BUTTON_BACK, "menu"))
            turn.say(wording.MENU_GROUP.format(group=title), buttons)
            return
        buttons = [turn.button(title, "menu", key) for key, (title, _) in MENU.items()]
        buttons.append(turn.button(wording.BUTTON_HUMAN, "topic", "meta.human"))
        turn.say(wording.MENU, buttons)

    def crisis(self, turn: Turn, screened: Screen | str, text: str) -> None:
        """The reply for the most urgent kind, a stored event and one alert for every kind; any flow waits."""
        if isinstance(screened, str):
            screened = Screen(kinds=(screened,))
        kinds = screened.kinds
        turn.safeguarding.extend(kinds)  # stored by the engine even if the rest of the turn fails
        log.info("safeguarding kind=%s", ",".join(kinds))
        include_text = bool(self.knowledge.setting("alerts_include_text"))
        turn.result.alerts.append(Alert(
            kinds=kinds, at=stamp(), person=turn.key, council=self.council,
            text=text if include_text else None, friend_kinds=screened.friend_kinds,
        ))
        buttons = [turn.button(wording.BUTTON_HUMAN, "topic", "meta.human")]
        if turn.flow is not None:
            # Pause, never carry on as if nothing happened; the person can resume.
            turn.state["paused"] = turn.flow
            turn.flow = None
        turn.state.pop("clarify", None)
        turn.state.pop("check_in", None)
        turn.state["crisis_turn"] = turn.number
        text_out = self.knowledge.crisis_reply(kinds[0])
        if turn.person.get("age_band") == "under_16" and kinds[0] != "overdose":
            text_out = wording.UNDER_16_CRISIS.format(childline=self.knowledge.helplines["childline"].contact) + "\n" + text_out
        text_out += "\n\n" + (wording.ALERT_SENT.format(council=self.knowledge.name) if self.alerting else wording.ALERT_NOT_SENT)
        if "paused" in turn.state:
            buttons.append(turn.button(wording.BUTTON_RESUME, "resume"))
            text_out += "\n\n" + wording.CRISIS_RESUME
        turn.say(text_out, buttons)

    def check_in(self, turn: Turn) -> None:
        """Worrying but unclear: ask whether they are safe, with a way to say so in one tap."""
        turn.state["check_in"] = turn.number
        turn.say(self.knowledge.crisis_text("check_in"), [
            turn.button(wording.BUTTON_SAFE, "safe", "yes"),
            turn.button(wording.BUTTON_NOT_SAFE, "safe", "no"),
            turn.button(wording.BUTTON_TALK, "topic", "meta.human"),
        ])

    def about(self, turn: Turn, kind: str) -> None:
        """A question about a harm: information, and what to do if it is happening to them."""
        turn.say(self.knowledge.crisis_text("about", topic=KIND_NAMES[kind]), self.standard_buttons(turn))

    @staticmethod
    def _scrubbed(text: str) -> str:
        return scrub(text)[:300]
