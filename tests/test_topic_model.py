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
