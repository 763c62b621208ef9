"""The conversation engine: transport-free, one Incoming in, one Result out.

    Engine.handle:
      1. load the person and their conversation state (storage)
      2. safety screen, always first, in every state      -> crisis reply, event, alert
      3. if a flow is active                              -> that flow's next step
      4. else understand                                  -> answer | "did you mean" | fallback
      5. save state; return replies

Storage is synchronous SQLite, so handle() runs each turn on one database
thread, or under `carebot run` in a worker process (bot.worker): the event
loop stays free for other people, and SQLite sees one writer at a time. A lock per person keeps each person's turns in order.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot import board_chat, commands, roles, safeguarding, wording, wsyd
from bot.answering import Answering
from bot.flows import erase, review, views, wesaid, youdid
from bot.messages import Button, Incoming, Notification, Reply, Result
from bot.turn import Press, Turn, parse_payload
from bot.welcome import AGE_SAVED, AGE_SKIPPED, set_age_band, welcome
from intents.matcher import Matcher
from intents.normalise import clean, has_words
from intents.router import Action, Router
from intents.safety.reading import unreadable_script
from knowledge.base import CouncilKnowledge
from storage import retention, voice
from storage.pseudonym import Pseudonymiser
from storage.store import Store, utc_now

if TYPE_CHECKING:
    from bot.worker import TurnWorker

log = logging.getLogger("carebot.engine")

# Past this, a message is probably a story rather than a question: we still
# screen all of it, but only try to match its start.
LONG_MESSAGE = 600
# More than this many messages from one person inside the window gets one
# gentle "slow down" per burst. Every message is still answered.
FLOOD_MESSAGES = 10
FLOOD_SECONDS = 5.0
NUMBERS = re.compile(r"\b\d+\b")

FLOWS: dict[str, Any] = {
    erase.NAME: erase,
    views.NAME: views.FLOW,
    review.NAME: review.FLOW,
    wesaid.NAME: wesaid.FLOW,
    youdid.NAME: youdid.FLOW,
    wsyd.RATE_WHY.NAME: wsyd.RATE_WHY,
}
# Topics that start something rather than just answer.
TOPIC_FLOWS = {"meta.delete_data": erase.NAME, "voice.share_views": views.NAME}
# Topics whose answer offers to start something, as an extra button.
TOPIC_OFFERS = {
    "voice.review_meeting": ("Get ready for my review", review.NAME),
    "voice.we_said_you_did": ("See what young people said", "wsyd"),
    "meta.human": ("Pass on a message (share a view)", views.NAME),
    "meta.help": ("Share a view", views.NAME),
}
OfficerCommand = Callable[["Engine", Turn, list[str]], None]


class Engine:
    """Decides every reply. Channels only convert."""

    def __init__(
        self,
        knowledge: CouncilKnowledge,
        store: Store,
        pseudonymiser: Pseudonymiser,
        *,
        officers: tuple[str, ...] = (),
        overdue_days: int = wsyd.OVERDUE_WORKING_DAYS,
        bot_username: str | None = None,
        alerting: bool = False,
    ) -> None:
        self.knowledge = knowledge
        self.store = store
        self.pseudonymiser = pseudonymiser
        self.officers = officers
        self.overdue_days = overdue_days
        self.bot_username = bot_username
        self.flows = FLOWS
        # Officer-only commands: the board digest and quote approval.
        self.officer_commands: dict[str, OfficerCommand] = dict(board_chat.COMMANDS)
        self.router = Router(Matcher(knowledge.matchable()))
        self.answering = Answering(knowledge, store, alerting)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="carebot-db")
        self._locks: dict[str, asyncio.Lock] = {}
        self._queued_turns: defaultdict[str, int] = defaultdict(int)
        self._recent: defaultdict[str, deque[float]] = defaultdict(deque)
        self._warned: set[str] = set()
        # A second process that decides turns (bot.worker.attach_worker, under `carebot run`).
        self.worker: TurnWorker | None = None

    @property
    def council(self) -> str:
        return self.knowledge.slug

    def person_key(self, incoming: Incoming) -> str:
        return self.pseudonymiser.key(incoming.channel, incoming.user_id)

    async def handle(self, incoming: Incoming) -> Result:
        """Answer one Incoming, in order for its person, without blocking others."""
        key = self.person_key(incoming)
        flooding = self._flooding(key)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._queued_turns[key] += 1
        try:
            async with lock:
                result = await self._decide(incoming)
        finally:
            # Forget the lock once nobody waits on it, so memory does not grow with every person ever seen.
            self._queued_turns[key] -= 1
            if not self._queued_turns[key]:
                del self._queued_turns[key], self._locks[key]
        if flooding:
            result.replies.insert(0, Reply(wording.SLOW_DOWN))
        return result

    async def _decide(self, incoming: Incoming) -> Result:
        """One turn, on the worker process if there is one, else on this process's database thread."""
        if self.worker is not None:
            result = await self.worker.respond(incoming)
            if result is not None:
                return result
            # No worker just now (it died): decided here instead, so the person still gets an answer.
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.respond, incoming)

    def _flooding(self, key: str) -> bool:
        """True once per burst when someone sends many messages very fast."""
        now = time.monotonic()
        recent = self._recent[key]
        recent.append(now)
        while recent and now - recent[0] > FLOOD_SECONDS:
            recent.popleft()
        if len(recent) <= FLOOD_MESSAGES:
            self._warned.discard(key)
            if not recent:
                del self._recent[key]
            return False
        if key in self._warned:
            return False
        self._warned.add(key)
        return True

    def _queued(self, key: str | None, channel: str | None = None) -> list[Notification]:
        return [
            Notification(who, Reply(text, tuple(Button(label, payload) for label, payload in buttons)))
            for who, text, buttons in voice.take_queued(self.store, key, channel)
        ]

    async def queued_notifications(self, channel: str) -> list[Notification]:
        """Messages waiting for people on one channel, for it to deliver now (taken once)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._queued, None, channel)

    async def purge(self, view_text_days: int) -> retention.Purged:
        """Retention, off the event loop (the daily job while `carebot run` is up)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: retention.purge(self.store, view_text_days=view_text_days))

    def close(self) -> None:
        self._executor.shutdown(wait=True)

    def respond(self, incoming: Incoming) -> Result:
        """The synchronous core of handle(); safe to call directly in tests and eval.

        One transaction per turn: what a turn writes lands together or not
        at all, and one commit costs less than several.
        """
        with self.store.transaction():
            return self._respond(incoming)

    def _respond(self, incoming: Incoming) -> Result:
        key = self.person_key(incoming)
        person = self.store.touch_person(key, incoming.channel, self.council, incoming.chat_id)
        if person.get("role") != roles.OFFICER and roles.is_listed_officer(self.officers, incoming.channel, incoming.user_id):
            self.store.update_person(key, role=roles.OFFICER)
            person["role"] = roles.OFFICER
        state = self.store.load_state(key)
        turn = Turn(key=key, person=person, state=state, number=int(state.get("turn", 0)) + 1)
        # Anything that waited for this person (a "You did" from the CLI) comes first.
        turn.result.replies.extend(m.reply for m in self._queued(key))
        try:
            with self.store.transaction():
                self._dispatch(turn, incoming)
        except Exception:
            # Log the error, never the message. What the failed step wrote is
            # rolled back; the crisis reply, if any, is already in the result.
            log.exception("turn failed in state=%s", (turn.flow or {}).get("name", "idle"))
            turn.say(wording.ERROR, self.answering.standard_buttons(turn))
        cases = [self.store.record_safeguarding(None if turn.erased else key, self.council, kind) for kind in turn.safeguarding]
        if cases:
            # One case number per turn (its first event), so the lead can answer through the bot.
            turn.result.alerts[:] = [replace(alert, case=cases[0]) for alert in turn.result.alerts]
        if not turn.erased:
            state["turn"] = turn.number
            self.store.save_state(key, state)
        return turn.result

    # Dispatch

    def _dispatch(self, turn: Turn, incoming: Incoming) -> None:
        if incoming.button is not None:
            self._on_button(turn, incoming.button)
            return
        # Every text is screened first, including a photo's caption or an edit.
        text = clean(incoming.text)
        crisis = self.router.screen(self._screened_part(turn, text), after_crisis=safeguarding.soon_after_crisis(turn))
        if crisis.is_crisis:
            self.answering.crisis(turn, crisis, text)
            return
        if incoming.unsupported:
            turn.say(wording.UNSUPPORTED.format(what=incoming.unsupported), self.answering.standard_buttons(turn))
            return
        if text.startswith("/"):
            commands.run(self, turn, text)
            return
        flow = turn.flow
        if flow is not None and flow.get("name") in FLOWS:
            FLOWS[flow["name"]].on_text(self, turn, text)
            return
        if unreadable_script(text):
            # Never "no words": someone may be asking for help in the language they have.
            turn.say(wording.OTHER_SCRIPT, [turn.button(wording.BUTTON_HUMAN, "topic", "meta.human")])
            return
        if not has_words(text):
            turn.say(wording.EMPTY, self.answering.standard_buttons(turn))
            return
        if crisis.about:
            self.answering.about(turn, crisis.about)
        elif crisis.check_in:
            # A clear question still gets its answer ("i dont want to live here anymore" is about a
            # placement); the check-in comes after it, so "are you safe?" is never skipped.
            decision = self.router.understand(text)
            if decision.action is Action.ANSWER and decision.topic_id:
                self.open_topic(turn, decision.topic_id)
        else:
            self.understand(turn, text)
        if crisis.check_in:
            self.answering.check_in(turn)

    def _screened_part(self, turn: Turn, text: str) -> str:
        """What the safety screen reads: everything, except the numbers in an officer's own command.

        "/quotes approve 999" approves quote number 999; it is not a call for
        help, and it must not page the safeguarding team. Any words in the
        command are still screened, and so is everything a young person sends.
        """
        if commands.command_of(text) in self.officer_commands and turn.person.get("role") == roles.OFFICER:
            return NUMBERS.sub(" ", text)
        return text

    def understand(self, turn: Turn, text: str) -> None:
        """Treat text as a question: answer, ask "did you mean", or fall back."""
        turn.state.pop("clarify", None)
        decision = self.router.understand(text)
        long_text = len(text) > LONG_MESSAGE
        if decision.action is Action.ANSWER and decision.topic_id:
            self.open_topic(turn, decision.topic_id)
            for topic_id in decision.also:
                # Two questions in one get two answers; a flow (sharing a view, deleting data) takes
                # over the chat, so beside another answer it is offered, not started.
                if {topic_id, decision.topic_id} & set(TOPIC_FLOWS):
                    turn.say(wording.ALSO_ASKED, [self.answering.topic_button(turn, topic_id)])
                else:
                    self.open_topic(turn, topic_id)
        elif long_text:
            # A long message is often something someone needs heard: offer to pass it on.
            share = turn.button(TOPIC_OFFERS["meta.human"][0], "start", views.NAME)
            turn.say(wording.LONG, [share, *self.answering.standard_buttons(turn)])
        elif decision.action is Action.CLARIFY:
            self.answering.clarify(turn, decision.choices, text)
        elif decision.topic_id:  # matched out_of_scope: decline kindly, nothing to log
            self.answering.answer(turn, decision.topic_id)
        else:
            self.answering.fallback(turn, text)

    def open_topic(self, turn: Turn, topic_id: str) -> None:
        """Answer a topic, or start the flow it stands for."""
        if topic_id in TOPIC_FLOWS:
            self.store.count_topic(self.council, topic_id)
            FLOWS[TOPIC_FLOWS[topic_id]].start(self, turn)
        elif topic_id == "meta.greeting" and not turn.person.get("notice_version"):
            welcome(turn, self.store, self.knowledge.name)
        else:
            offer = TOPIC_OFFERS.get(topic_id)
            offers = [turn.button(offer[0], "start", offer[1])] if offer else []
            self.answering.answer(turn, topic_id, offers)

    def stale(self, turn: Turn) -> None:
        """An out-of-date button: change nothing, and show where they really are."""
        flow = turn.flow
        if flow is not None and flow.get("name") in FLOWS:
            turn.say(wording.STALE_BUTTON_IN_FLOW)
            FLOWS[flow["name"]].resume(self, turn)
        else:
            turn.say(wording.STALE_BUTTON, self.answering.standard_buttons(turn))

    # Buttons

    def _on_button(self, turn: Turn, payload: str) -> None:
        press = parse_payload(payload)
        if press is None or press.turn > turn.number:
            turn.say(wording.UNKNOWN_BUTTON)
            self.answering.menu(turn)
            return
        handler = getattr(self, f"_press_{press.action}", None)
        flow = turn.flow
        if handler is None and flow is not None and flow.get("name") in FLOWS:
            FLOWS[flow["name"]].on_button(self, turn, press)
        elif handler is None:
            self.stale(turn)
        else:
            handler(turn, press)

    def _press_topic(self, turn: Turn, press: Press) -> None:
        # Topic buttons are safe to press at any time, from any message.
        if press.arg in self.knowledge.topics and not press.arg.startswith("crisis."):
            turn.flow = None
            self.open_topic(turn, press.arg)
        else:
            self.stale(turn)

    def _press_safe(self, turn: Turn, press: Press) -> None:
        if not safeguarding.answer_check_in(self.answering, turn, press):
            self.stale(turn)

    def lead_reply(self, case: int, text: str) -> Notification | None:
        """The safeguarding lead's answer to an alert, addressed to the young person (bot.safeguarding)."""
        with self.store.transaction():
            return safeguarding.lead_reply(self.store, self.council, case, text)

    def _press_menu(self, turn: Turn, press: Press) -> None:
        self.answering.menu(turn, press.arg)

    def _press_choose(self, turn: Turn, press: Press) -> None:
        clarify = turn.state.get("clarify")
        if not clarify or clarify.get("turn") != press.turn:
            self.stale(turn)
            return
        turn.state.pop("clarify", None)
        if press.arg in clarify.get("choices", ()):
            if clarify.get("asked"):
                self.store.log_clarify_pick(turn.key, self.council, press.arg, clarify["asked"])
            self.open_topic(turn, press.arg)
        else:
            self.answering.none_of_these(turn, clarify.get("asked", ""))

    def _press_helpful(self, turn: Turn, press: Press) -> None:
        verdict, _, topic_id = press.arg.partition(":")
        rated: list[int] = turn.state.setdefault("rated", [])
        if press.turn in rated:
            turn.say(wording.ALREADY_RATED)
            return
        if topic_id not in self.knowledge.topics or verdict not in ("y", "n"):
            self.stale(turn)
            return
        rated.append(press.turn)
        del rated[:-50]  # only recent answers can still be rated twice
        self.store.count_topic(self.council, topic_id, "helpful" if verdict == "y" else "not_helpful")
        if verdict == "y":
            turn.say(wording.HELPFUL_THANKS)
        else:
            turn.say(wording.NOT_HELPFUL, self.answering.standard_buttons(turn))

    def _press_age(self, turn: Turn, press: Press) -> None:
        if not set_age_band(turn, self.store, press.arg):
            self.stale(turn)
            return
        turn.say(AGE_SAVED if press.arg else AGE_SKIPPED, self.answering.standard_buttons(turn))

    def _press_start(self, turn: Turn, press: Press) -> None:
        """Buttons that start something: a flow, or the We Said, You Did list."""
        turn.flow = None
        if press.arg == "wsyd":
            wsyd.browse(self.store, self.council, turn, utc_now().date(), self.overdue_days)
        elif press.arg in (views.NAME, review.NAME):
            FLOWS[press.arg].start(self, turn)
        else:
            self.stale(turn)

    def _press_metoo(self, turn: Turn, press: Press) -> None:
        if press.arg.isdigit():
            wsyd.endorse(self.store, turn, int(press.arg))
        else:
            self.stale(turn)

    def _press_youdid(self, turn: Turn, press: Press) -> None:
        if not roles.allowed(self.store, turn, "you_did", self.council):
            return
        item = voice.wsyd_item(self.store, int(press.arg)) if press.arg.isdigit() else None
        if item is None or item["status"] != "open":
            turn.say("That item is already answered or no longer exists. Type /youdid for the open ones.")
            return
        youdid.FLOW.start(self, turn, {"item": item["id"], "said": item["said"], "raised": item["raised_on"]})

    def _press_rate(self, turn: Turn, press: Press) -> None:
        if wsyd.rate(self.store, turn, press.arg):
            wsyd.RATE_WHY.start(self, turn, {"item": press.arg.partition(":")[0]})

    def _press_resume(self, turn: Turn, press: Press) -> None:
        paused = turn.state.pop("paused", None)
        if paused is None or paused.get("name") not in FLOWS:
            self.stale(turn)
            return
        turn.flow = paused
        FLOWS[paused["name"]].resume(self, turn)
