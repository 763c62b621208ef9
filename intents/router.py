"""Decide what to do with one message: crisis, answer, ask, or fall back.

This is the whole understanding path, shared by the conversation engine and
`carebot eval`, so that what is measured is what young people get.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum

from intents import answer_gate
from intents.matcher import Candidate, Matcher
from intents.normalise import has_words, normalise
from intents.safety import Screen, screen
from knowledge.model import family

OUT_OF_SCOPE = "out_of_scope"

# Tuned on shared/eval/dev.yaml and ~200 cases of our own: below a margin of
# 0.02 wrong answers start to appear, so 0.04 leaves room. See tests/test_router.py.
ANSWER_THRESHOLD = 0.50
CLARIFY_THRESHOLD = 0.30
MARGIN = 0.04
MAX_CHOICES = 3
# "Did you mean" offers the topics scoring within this of the best.
CHOICE_WINDOW = 0.15
# How sure the matcher must be of an answer to outweigh the learned tier's guess of a crisis (Router.screen).
SURE_ANSWER = 0.7
# Matching reads at most this much of a long message (the whole of it is always screened): its start,
# which says who and what, and its end, where a long story usually asks its question.
MATCH_HEAD, MATCH_TAIL = 300, 700
# A question left after its pleasantry this short may be no question at all.
SHORT_REMAINDER = 3

# "hello i need help with money" is a question about money, not a greeting.
_PLEASANTRIES = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|heya|yo|hallo|alright|good (?:morning|afternoon|evening)|morning|evening)"
    r"(?: there| carebot| bot)?\s+)+"
    r"|^(?:ok|okay|thanks|thank you|cheers|ta)(?: (?:but|and|so|then))?\s+"
    r"|\s+(?:please|thanks|thank you|cheers|ta)$"
)


class Action(str, Enum):
    CRISIS = "crisis"
    ANSWER = "answer"
    CLARIFY = "clarify"
    FALLBACK = "fallback"
    EMPTY = "empty"
    CHECK_IN = "check_in"  # worrying but unclear: "Are you safe right now?"
    ABOUT = "about"  # a question about a harm, answered as information


@dataclass(frozen=True)
class Decision:
    """What the bot will do with a message, and why."""

    action: Action
    topic_id: str | None = None
    choices: tuple[str, ...] = ()
    score: float = 0.0
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)
    also: tuple[str, ...] = ()  # a second question in the same message, answered after the first

    @property
    def prediction(self) -> str:
        """The label `carebot eval` scores: a topic id, 'clarify' or 'out_of_scope'."""
        if self.action in (Action.CRISIS, Action.ANSWER):
            return self.topic_id or OUT_OF_SCOPE
        if self.action in (Action.CLARIFY, Action.CHECK_IN, Action.ABOUT):
            return self.action.value
        return OUT_OF_SCOPE


class Router:
    """Safety screen first, then the matcher, then the thresholds."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher

    def screen(self, text: str, after_crisis: bool = False) -> Screen:
        """The safety screen, with one check against the knowledge base.

        The learned tier reads words, not questions: "my college wont give me
        the bursary" shares words with cries for help. When it alone found a
        crisis and the message is plainly a question the knowledge base
        answers, it asks "are you safe?" after the answer, rather than raising
        the alarm. A rule's finding is never weighed like this.
        """
        crisis = screen(text, after_crisis=after_crisis)
        if crisis.is_crisis and crisis.tier == "learned":
            understood = self.understand(text)
            plainly = understood.candidates[0].short_message_score if understood.candidates else 0.0
            if understood.action is Action.ANSWER and plainly >= SURE_ANSWER:
                return replace(crisis, kinds=(), friend_kinds=(), check_in=True, tier="learned, weighed against an answer")
        return crisis

    def decide(self, text: str) -> Decision:
        if not has_words(text):
            return Decision(Action.EMPTY)
        crisis = self.screen(text)
        if crisis.is_crisis:
            return Decision(Action.CRISIS, topic_id=crisis.topic_id, score=1.0)
        if crisis.check_in:
            # The engine answers a clear question and then asks "are you safe?"; otherwise it only asks.
            understood = self.understand(text)
            return understood if understood.action is Action.ANSWER else Decision(Action.CHECK_IN)
        if crisis.about:
            return Decision(Action.ABOUT)
        return self.understand(text)

    def understand(self, text: str) -> Decision:
        """Matching only, for callers that have already screened the text."""
        text = _matched_part(text)
        decision = self._understand_one(text)
        return self._two_questions(text, decision) or decision

    def _two_questions(self, text: str, whole: Decision) -> Decision | None:
        """Two questions in one ("how do i claim my junior isa and whats the setting up home allowance"):
        each half is clearly its own topic, so both are answered. When the whole message was clear,
        its topic stays first, and only a half that agrees with it brings the other."""
        if len(text.split()) > TWO_QUESTIONS_WORDS:
            return None  # a story's clauses are not questions of their own
        for first, second in _halves(text):
            one, other = self._understand_one(first), self._understand_one(second)
            # "...and how does it work" is not a second question about the bot (meta.help).
            topics = [
                d.topic_id
                for d in (one, other)
                if d.action is Action.ANSWER and d.topic_id and family(d.topic_id) not in ("meta", OUT_OF_SCOPE)
            ]
            if len(set(topics)) < 2:
                continue
            if whole.action is not Action.ANSWER:
                return replace(one, also=(other.topic_id,))
            if whole.topic_id in topics:
                return replace(whole, also=tuple(t for t in topics if t != whole.topic_id))
        return None

    def _understand_one(self, text: str) -> Decision:
        plain = normalise(text)
        question = _PLEASANTRIES.sub("", plain).strip()
        words_left = len(question.split())
        ranked = tuple(self.matcher.rank(question if words_left >= 2 else text, limit=6))
        if question != plain and 2 <= words_left <= SHORT_REMAINDER:
            # But "cheers that helped" is still thanks: when little is left,
            # the whole message may fit better, and then it wins.
            whole = tuple(self.matcher.rank(text, limit=6))
            if whole and (not ranked or whole[0].score > ranked[0].score):
                ranked = whole
        if not ranked:
            return Decision(Action.FALLBACK)
        best = ranked[0]
        second = ranked[1].score if len(ranked) > 1 else 0.0
        if best.topic_id == OUT_OF_SCOPE and best.score >= CLARIFY_THRESHOLD:
            return Decision(Action.FALLBACK, topic_id=OUT_OF_SCOPE, score=best.score, candidates=ranked)
        if answer_gate.should_answer(ranked, clear=best.score >= ANSWER_THRESHOLD and best.score - second >= MARGIN):
            return Decision(Action.ANSWER, topic_id=best.topic_id, score=best.score, candidates=ranked)
        if best.score >= CLARIFY_THRESHOLD:
            choices = tuple(
                c.topic_id
                for c in ranked
                if c.topic_id != OUT_OF_SCOPE and c.score >= max(CLARIFY_THRESHOLD, best.score - CHOICE_WINDOW)
            )[:MAX_CHOICES]
            if len(choices) == 1 and best.score >= ANSWER_THRESHOLD:
                return Decision(Action.ANSWER, topic_id=choices[0], score=best.score, candidates=ranked)
            if choices:
                return Decision(Action.CLARIFY, choices=choices, score=best.score, candidates=ranked)
        return Decision(Action.FALLBACK, score=best.score, candidates=ranked)


# Where a message asking two things joins them: "...? ...", ", and ...", "... and what/how/can ...", "... also ...".
_JOINS = re.compile(
    r"\?\s+|[,;]\s*(?:and|also|plus)\s+|\s+(?:also|plus)\s+"
    r"|\s+(?:and|&|n)\s+(?:also\s+)?(?=(?:what|whats|how|can|do|does|is|are|where|who|when|will|would|could|should|why)\b)",
    re.IGNORECASE,
)
MOST_HALVES = 3  # split points tried, first to last: each costs two more matches
TWO_QUESTIONS_WORDS = 40


def _halves(text: str) -> list[tuple[str, str]]:
    """The ways a message splits into two parts of at least three words each, at the words that join questions."""
    halves = []
    for join in _JOINS.finditer(text.strip()):
        first, second = text[: join.start()], text[join.end() :]
        if len(first.split()) >= 3 and len(second.split()) >= 3:
            halves.append((first, second))
    return halves[:MOST_HALVES]


def _matched_part(text: str) -> str:
    """The part of a message that matching reads: all of it, or a long one's start and end, cut at spaces."""
    if len(text) <= MATCH_HEAD + MATCH_TAIL:
        return text
    return f"{text[:MATCH_HEAD].rsplit(' ', 1)[0]} {text[-MATCH_TAIL:].split(' ', 1)[-1]}"
