"""Typos in crisis words put right, for a second reading of a message.

A young person in distress types fast. Only words one slip away from a word
the crisis rules use are changed ("eason", "wnat", "abuzes", "kiill"), and
words run together are split only into crisis words ("killmyself",
"imnotsafe"), so this reading finds cries for help without inventing them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_DOUBLED = re.compile(r"([a-z])\1+")
# Short words a crisis phrase is made of besides its crisis words, for splitting run-together text.
JOINING_WORDS = frozenset({
    "i", "im", "me", "my", "to", "be", "no", "am", "of", "it", "up", "go", "so", "do", "not", "dont", "want", "wanna",
    "a", "in", "is", "he", "she", "they", "him", "her", "help", "safe", "please", "self", "all",
})
# Words that would split into crisis words but are everyday words ("the rapist").
NEVER_SPLIT = frozenset({"therapist", "therapists", "theraputic", "therapy", "mankind", "scarfed", "sometimes", "nothing"})


class Respeller:
    """Puts typos right towards one set of crisis words."""

    def __init__(self, crisis_words: Iterable[str], everyday_words: Iterable[str] = ()) -> None:
        self.words = frozenset(crisis_words)
        # Real words are never "corrected": "hugged" is not "mugged", "payday" is not "mayday".
        self.everyday = frozenset(everyday_words) - self.words
        self.joinable = self.words | JOINING_WORDS
        self.missing_one: dict[str, str] = {}
        self.wrong_at: dict[tuple[int, str], str] = {}
        for word in sorted(self.words):  # sorted, so a clash always resolves the same way
            for i in range(len(word)):
                self.missing_one.setdefault(word[:i] + word[i + 1 :], word)
                self.wrong_at.setdefault((i, word[:i] + word[i + 1 :]), word)
        self.meant = lru_cache(maxsize=65536)(self._meant)

    def respell(self, plain: str) -> str:
        return " ".join(self.meant(word) for word in plain.split())

    def _meant(self, word: str) -> str:
        """The crisis word a typo most likely meant; in short words only a missed, extra or swapped letter."""
        # Three-letter words are left alone: "rap" is not "rape", "dye" is not "die".
        if len(word) < 4 or word in self.words or word in self.everyday:
            return word
        squeezed = _DOUBLED.sub(r"\1", word)
        if squeezed in self.words:  # stretched: "kiill", "diie"
            return squeezed
        if word in self.missing_one:  # a letter missed: "eason"
            return self.missing_one[word]
        for i in range(len(word)):
            less = word[:i] + word[i + 1 :]
            if less in self.words:  # a letter too many: "killl"
                return less
            if len(word) >= 5 and (i, less) in self.wrong_at:  # a wrong letter: "abuzes"
                return self.wrong_at[(i, less)]
        for i in range(len(word) - 1):  # two letters swapped: "wnat"
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in self.words:
                return swapped
        if len(word) >= 5 and word not in NEVER_SPLIT:
            split = self._split(word)
            if split:
                return " ".join(split)
        return word

    def _split(self, word: str) -> list[str] | None:
        """Run-together words as crisis and joining words: "killmyself", "iwanttodie"."""
        best: list[list[str] | None] = [None] * (len(word) + 1)
        best[0] = []
        for end in range(1, len(word) + 1):
            for start in range(max(0, end - 12), end):
                piece = word[start:end]
                if best[start] is not None and piece in self.joinable:
                    candidate = [*best[start], piece]  # type: ignore[misc]
                    if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                        best[end] = candidate
        found = best[len(word)]
        if found and len(found) >= 2 and any(p in self.words and len(p) >= 3 for p in found):
            return found
        return None
