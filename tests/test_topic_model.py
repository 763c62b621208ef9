"""The learned topic model: what it changes for a young person, and how it is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from intents import topic_model
from intents.matcher import Matcher
from intents.router import Action, Router
from knowledge.base import CouncilKnowledge


@pytest.fixture(scope="module")
def router(somerset: CouncilKnowledge) -> Router:
    return Router(Matcher(somerset.matchable()))


# Each of these shares words with two or three topics' phrasings, and the matcher alone asked
# "did you mean"; the model, reading every topic's phrasings at once, knows which words tell.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("speak to someone", "meta.human"),
        ("will my social worker read this", "meta.privacy"),
        ("i left care at 17 am i still a care leaver", "offer.eligibility"),
        ("can i get an adult to visit me who isnt my social worker", "voice.independent_visitor"),
        ("wat happens if i want to live in a different council area to the one i was in care with", "offer.housing"),
    ],
)
def test_words_that_tell_topics_apart_get_a_straight_answer(router: Router, text: str, topic: str) -> None:
    decision = router.decide(text)
    assert (decision.action, decision.topic_id) == (Action.ANSWER, topic)


TOY = {
    "offer.money": ("money for bills", "help with money", "can i get money for food", "emergency money"),
    "offer.university": ("money for uni", "bursary for university", "help with uni fees", "going to uni"),
}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(topic_model, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(topic_model, "_LOADED", {})
    return tmp_path


def test_an_exact_phrasing_is_answered_whatever_the_model_thinks(cache: Path) -> None:
    # An officer's approved phrasing must answer its topic, even where the model leans elsewhere.
    phrasings = {**TOY, "offer.university": (*TOY["offer.university"], "money for bills at uni halls")}
    best = Matcher(phrasings).rank("money for bills at uni halls")[0]
    assert (best.topic_id, best.score) == ("offer.university", 1.0)


def test_the_model_is_kept_and_read_back_the_same(cache: Path) -> None:
    words = Matcher(TOY, learned=False)._features_of_text
    trained = topic_model.load_or_train(TOY, words)
    assert len(list(cache.glob("topic-model-*.npz"))) == 1
    topic_model._LOADED.clear()
    reread = topic_model.load_or_train(TOY, words)
    assert reread is not trained
    for text in ("uni bursary", "money for food"):
        assert reread.posterior(words(text)) == pytest.approx(trained.posterior(words(text)), abs=1e-6)
    assert max(reread.posterior(words("uni bursary")).items(), key=lambda kv: kv[1])[0] == "offer.university"


def test_a_damaged_cache_is_trained_again_not_trusted(cache: Path) -> None:
    words = Matcher(TOY, learned=False)._features_of_text
    topic_model.load_or_train(TOY, words)
    (kept,) = cache.glob("topic-model-*.npz")
    kept.write_bytes(b"not a model")
    topic_model._LOADED.clear()
    model = topic_model.load_or_train(TOY, words)
    assert max(model.posterior(words("money for food")).items(), key=lambda kv: kv[1])[0] == "offer.money"


def test_words_the_model_never_saw_leave_the_matcher_alone(cache: Path) -> None:
    model = topic_model.load_or_train(TOY, Matcher(TOY, learned=False)._features_of_text)
    assert model.posterior({"zebra", "quantum"}) == {}


# Long messages that name their topic in passing: the fixed rule saw a modest score and asked
# "did you mean" with one choice; matching and model agree, so the answer gate answers.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "ok so long story but basically i moved to a different town for work last year and my leaving care "
            "worker said she couldnt really visit anymore and now i dont really hear from anyone, am i still "
            "allowed a personal adviser if i dont live in the area",
            "offer.personal_adviser",
        ),
        (
            "so basically ive been told theres this document that says what care leavers get and i went on the "
            "website and it was all just pdfs and i gave up, can you just tell me whats in it or where to look",
            "offer.local_offer",
        ),
    ],
)
def test_a_topic_matching_and_model_agree_on_is_answered(router: Router, text: str, topic: str) -> None:
    decision = router.decide(text)
    assert (decision.action, decision.topic_id) == (Action.ANSWER, topic)


def test_a_clear_lead_the_model_does_not_share_is_asked_not_answered() -> None:
    from intents import answer_gate
    from intents.matcher import Candidate

    # The same scores; only who agrees differs.
    agreed = [Candidate("offer.housing", 0.56, matched=0.6, model=0.45), Candidate("offer.money", 0.5, matched=0.5, model=0.2)]
    doubted = [Candidate("offer.housing", 0.56, matched=0.7, model=0.05), Candidate("offer.money", 0.5, matched=0.4, model=0.6)]
    assert answer_gate.should_answer(agreed, clear=True)
    assert not answer_gate.should_answer(doubted, clear=True)
    assert not answer_gate.should_answer([], clear=False)
