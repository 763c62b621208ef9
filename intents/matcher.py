"""Find the topics a message is most likely about.

Two signals, both from rapidfuzz-friendly normalised words:

- weighted word overlap: words that only a few topics use ("bursary",
  "advocate") count for more than words every topic uses ("help", "get").
  Misspelt words are first corrected to the nearest word the knowledge base
  knows (rapidfuzz ``ratio``, only for words of four letters or more).
- whole-phrase similarity, over the phrasings that share a telling word, with token-sorted ``fuzz.ratio`` (that is,
  ``token_sort_ratio`` with the sorting done once), which rewards
  close phrasings without the known traps: ``WRatio`` overrates short
  strings, ``token_set_ratio`` scores 100 for any subset and
  ``partial_ratio`` for any substring.

A topic's score is its best phrasing's score, from 0 to 1, blended with a
learned second opinion over all of a topic's phrasings at once
(intents/topic_model.py).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from intents import topic_model
from intents.normalise import normalise

# Words that carry no topic on their own. Kept short on purpose: "help",
# "money" and "hi" matter.
STOPWORDS = frozenset(
    """a an the i me my mine am is are was were be been being to of in on at for from by with and or but
    do does did can could would should will shall may might must it its this that these those there here
    what how when where who whom which why if so just about any some you your yours we our us they them their
    he she his her him have has had get got getting please tell know want need like really much many very
    also then than too as into out up down off over again now ok okay yeah yes not no""".split()
)

# Function words still say something ("how do i GET one" vs "what IS one"),
# so they count, but for much less than topic words.
STOPWORD_WEIGHT = 0.2
# How closely a misspelt word must resemble a known one to be corrected.
CORRECTION_CUTOFF = 84
PHRASE_WEIGHT = 0.35
# Words in more phrasings than this are too common to find candidates by.
RARE_POSTINGS = 300
# How much the learned topic model counts in a topic's score, and how many of its
# likeliest topics join the candidates. Chosen with phrasings held out (docs/understanding.md).
MODEL_WEIGHT = 0.25
MODEL_TOPICS = 2
# A long message matches no phrasing closely: its question is one line of a story, and the story's
# other words dilute every overlap. The topic model weighs all the words at once, so past
# MODEL_WEIGHT_FROM words it counts for more, up to LONG_MODEL_WEIGHT. Chosen on our second tuning
# split (accuracy / reach / wrong 0.917 / 0.957 / 0.007 -> 0.931 / 0.966 / 0.010); the first tuning
# split, our own cases and dev did not fall, and held-out phrasings (mostly short) moved 0.2 points.
MODEL_WEIGHT_FROM, MODEL_WEIGHT_PER_WORD, LONG_MODEL_WEIGHT = 16, 0.025, 0.7
# A message this close to a phrasing is that phrasing, whatever the model thinks.
SAME_PHRASING = 97


def blend(matched: float, model: float, weight: float = MODEL_WEIGHT) -> float:
    """A topic's word-and-phrase score moved toward the topic model's probability for it."""
    return (1 - weight) * matched + weight * model


def model_weight(words: int) -> float:
    """How much the topic model counts in a message of this many words."""
    return min(LONG_MODEL_WEIGHT, MODEL_WEIGHT + MODEL_WEIGHT_PER_WORD * max(0, words - MODEL_WEIGHT_FROM))


@lru_cache(maxsize=65536)  # the same few thousand words, over and over: start-up spends its time here
def stem(word: str) -> str:
    """A light suffix strip so that 'leaving' and 'leave', 'housing' and 'house' meet."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ers", "er"), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + keep
            break
    # A final silent e: 'leave' -> 'leav', like 'leav(ing)'. Short words such
    # as 'care' keep theirs, so they do not become other words.
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


def _undoubled(word: str) -> Iterator[str]:
    """The word with one of its doubled letters made single, each way in turn."""
    for i in range(len(word) - 1):
        if word[i] == word[i + 1]:
            yield word[:i] + word[i + 1 :]


_NONE: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Candidate:
    """A topic and how well the message fits it (0 to 1).

    ``matched`` is the word and phrase score before the topic model's opinion
    is blended in, and ``model`` that opinion (a probability): the router
    weighs how far the two agree before it answers (intents/answer_gate.py).
    """

    topic_id: str
    score: float
    matched: float = 0.0
    model: float = 0.0

    @property
    def short_message_score(self) -> float:
        """The score at a short message's model weight: a long message leans on the model (model_weight),
        which suits finding its topic but overstates how plainly it is only a question."""
        return min(self.score, blend(self.matched, self.model))


@dataclass(frozen=True)
class _Phrasing:
    topic_id: str
    text: str  # normalised
    words: frozenset[str]  # content words, stemmed


class Matcher:
    """Scores messages against every phrasing of every topic."""

    def __init__(self, phrasings: dict[str, tuple[str, ...]], learned: bool = True) -> None:
        """learned=False leaves out the topic model: the matcher alone, to measure what the model adds."""
        self._phrasings: list[_Phrasing] = []
        for topic_id, texts in phrasings.items():
            seen: set[str] = set()
            for text in texts:
                norm = normalise(text)
                if norm and norm not in seen:
                    seen.add(norm)
                    self._phrasings.append(_Phrasing(topic_id, norm, self._content(norm)))
        topics_with: dict[str, set[str]] = defaultdict(set)
        self._index: dict[str, list[int]] = defaultdict(list)
        for i, phrasing in enumerate(self._phrasings):
            for word in phrasing.words:
                topics_with[word].add(phrasing.topic_id)
                self._index[word].append(i)
        n_topics = max(1, len(phrasings))
        # Inverse topic frequency: rare across topics -> telling.
        self._weight = {
            w: math.log(1 + n_topics / len(t)) * (STOPWORD_WEIGHT if w in STOPWORDS else 1.0)
            for w, t in topics_with.items()
        }
        self._vocabulary = sorted(w for w in self._weight if len(w) >= 4 and w not in STOPWORDS)
        self._unknown_weight = math.log(1 + n_topics)
        self._postings = {w: frozenset(ids) for w, ids in self._index.items()}
        self._topic_of = [p.topic_id for p in self._phrasings]
        self._sorted_texts = [" ".join(sorted(p.text.split())) for p in self._phrasings]
        self._own_weight = [sum(self._weight[w] for w in p.words) or 1.0 for p in self._phrasings]
        self._correct = lru_cache(maxsize=16384)(self._correct_uncached)
        self._split = lru_cache(maxsize=16384)(self._split_uncached)
        self._model = topic_model.load_or_train(phrasings, self._features_of_text) if learned else None

    @staticmethod
    def _content(norm: str) -> frozenset[str]:
        return frozenset(w if w in STOPWORDS else stem(w) for w in norm.split())

    def _correct_uncached(self, word: str) -> str:
        """The known word a misspelt one most likely meant (or the word itself)."""
        if word in self._weight or word in STOPWORDS or word.isdigit():
            return word
        # Stretched words ("heyyy", "hiii") reach here with two letters left
        # (see normalise): one of them may be the known word.
        for shorter in _undoubled(word):
            if shorter in self._weight or shorter in STOPWORDS:
                return shorter
        # A dropped g ("waitin", "replyin", "talkin"): the word the -ing form stems to.
        if word.endswith("in") and stem(word + "g") in self._weight:
            return stem(word + "g")
        if len(word) < 4:
            return word
        # Two letters swapped ("levaer", "hosuing") is the commonest slip on a phone, and ratio() scores it low.
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in self._weight and swapped not in STOPWORDS:
                return swapped
        found = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=CORRECTION_CUTOFF)
        return found[0] if found else word

    def _split_uncached(self, word: str) -> tuple[str, ...]:
        """Two known words run together ("pocketmoney", "socialworker"), else the word itself."""
        if len(word) < 7 or word in STOPWORDS or stem(word) in self._weight:
            return (word,)
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            if left not in STOPWORDS and right not in STOPWORDS and stem(left) in self._weight and stem(right) in self._weight:
                return left, right
        return (word,)

    def words_of(self, text: str) -> frozenset[str]:
        """The content words of a message, stemmed and spelling-corrected."""
        parts = " ".join(part for word in normalise(text).split() for part in self._split(word))
        return frozenset(self._correct(w) for w in self._content(parts))

    def _features(self, norm: str, words: frozenset[str]) -> set[str]:
        """What the topic model reads: the content words, and pairs of neighbouring topic words."""
        topical = [w for w in norm.split() if w not in STOPWORDS]
        return {*words, *(f"{a}_{b}" for a, b in zip(topical, topical[1:]))}

    def _features_of_text(self, text: str) -> set[str]:
        return self._features(normalise(text), self.words_of(text))

    def rank(self, text: str, limit: int = 5) -> list[Candidate]:
        """The best topics for a message, best first."""
        norm = normalise(text)
        if not norm:
            return []
        words = self.words_of(text)
        # Unknown words count as heavy: "capital of france" should not look
        # like a confident match for a topic that merely shares "of".
        weight = {w: self._weight.get(w, self._unknown_weight) for w in words}
        total = sum(weight.values()) or 1.0
        best: dict[str, float] = defaultdict(float)
        # Find candidates through the index by their rarer topic words; a
        # common word ("care") only adds to candidates found that way. Both
        # keep the work small when the knowledge base is large.
        keys = [w for w in words if w not in STOPWORDS] or list(words)
        index = self._index
        rare = [w for w in keys if len(index.get(w, ())) <= RARE_POSTINGS]
        if not rare:
            rare = [min(keys, key=lambda w: len(index.get(w, ())))]
        shared: dict[int, float] = defaultdict(float)
        for w in rare:
            for i in index.get(w, ()):
                shared[i] += weight[w]
        # A common word adds to the candidates that have it: one set intersection in C per word,
        # not a membership test per candidate (the slowest messages' cost, halved).
        postings = self._postings
        for w in words.difference(rare):
            for i in postings.get(w, _NONE).intersection(shared):
                shared[i] += weight[w]
        topic_of, own_weight = self._topic_of, self._own_weight
        for i, common in shared.items():
            # Dice-like: both the message and the phrasing should be covered.
            score = 0.5 * (2 * common / (total + own_weight[i])) + 0.5 * (common / total)
            topic_id = topic_of[i]
            if score > best[topic_id]:
                best[topic_id] = score
        # Whole-phrase similarity over every phrasing. token_sort_ratio is
        # ratio() on sorted words, so the phrasings are sorted once, up front.
        query = " ".join(sorted(norm.split()))
        same: dict[str, float] = {}
        # Only over the phrasings that share a telling word: half the time of all 6,000, and
        # the same figures on dev and our cases (0.6 points of accuracy lower with phrasings held out).
        texts = self._sorted_texts
        for _, similarity, i in process.extract(
            query, {i: texts[i] for i in shared}, scorer=fuzz.ratio, limit=12, score_cutoff=60
        ):
            topic_id = topic_of[i]
            best[topic_id] = max(best[topic_id], (1 - PHRASE_WEIGHT) * best[topic_id] + PHRASE_WEIGHT * similarity / 100)
            if similarity >= SAME_PHRASING:
                same[topic_id] = max(same.get(topic_id, 0.0), similarity / 100)
        matched = dict(best)
        posterior = self._model.posterior(self._features(norm, words)) if self._model is not None else {}
        self._blend(best, posterior, model_weight(len(norm.split())))
        for topic_id, similarity in same.items():
            best[topic_id] = max(best[topic_id], similarity)
        ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
        return [
            Candidate(t, round(s, 4), round(matched.get(t, 0.0), 4), round(posterior.get(t, 0.0), 4))
            for t, s in ranked[:limit]
            if s > 0
        ]

    @staticmethod
    def _blend(best: dict[str, float], posterior: dict[str, float], weight: float = MODEL_WEIGHT) -> None:
        """The matcher's scores moved toward the topic model's probabilities, in place."""
        if not posterior:
            return  # no word the model knows: the matcher's scores stand
        for topic_id in sorted(posterior, key=posterior.__getitem__, reverse=True)[:MODEL_TOPICS]:
            best.setdefault(topic_id, 0.0)
        for topic_id, score in best.items():
            best[topic_id] = blend(score, posterior.get(topic_id, 0.0), weight)
