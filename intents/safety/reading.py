"""How the safety screen reads a message: the same words, with disguises taken off.

Young people hide words from filters, and distress types fast. Before the
crisis rules are tried, a message gets back what normalising for matching
would lose or never see: look-alike letters from other alphabets, leetspeak
("k1ll"), spaced letters ("k i l l"), emoji that carry meaning (pills, knife,
blood) and contractions ("he's"). Numbers stay numbers: "took 4 pills" must
not become "took for pills", so the rules accept "2" and "4" for to and for.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from intents.normalise import TEXT_SPEAK, clean, normalise

# Letters from other alphabets that look like Latin ones, after case-folding.
LOOK_ALIKES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l",
    "ɡ": "g", "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "ω": "w", "ѵ": "v", "ԛ": "q", "ԝ": "w", "ᴀ": "a", "ʟ": "l",
})
_LATIN = re.compile(r"[a-z]")
_OTHER_LETTERS = re.compile(r"[^\W\d_a-z]")

# Emoji whose meaning a crisis rule needs; others (😭, 💀) say too little alone.
EMOJI_WORDS = {
    "💊": " pills ", "🔪": " knife ", "🗡": " knife ", "⚔": " knife ", "🩸": " blood ", "🪢": " rope ",
    "🔫": " gun ", "⚰": " coffin ", "🪦": " grave ", "💉": " needle ", "🆘": " help ", "🤮": " sick ", "🛤": " train tracks ", "🚂": " train ", "🌉": " bridge ", "🩹": " cuts ",
}
_EMOJI = re.compile("|".join(map(re.escape, EMOJI_WORDS)))

LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
# A word that mixes letters with digits or @ $ ! inside it: "k1ll", "d!e", "su1c1d3".
_LEET_WORD = re.compile(r"(?<![\w@$!])(?=[\w@$!]*[a-z])(?=[\w@$!]*[0-9@$!][\w@$!]*[a-z]|[a-z][\w@$!]*[0-9@$!])[\w@$!]+")
# Three or more single letters in a row: "k i l l m y s e l f", "h.e.l.p".
_SPACED = re.compile(r"\b(?:[a-z][ .\-_*]){2,}[a-z]\b")

# Contractions once their apostrophe is gone ("he's" reads "hes"), and words normalising does not
# already expand (its TEXT_SPEAK has "kms", "dont", "bf" and the like).
CONTRACTIONS = {
    "hes": "he is", "shes": "she is", "theyre": "they are", "youre": "you are",
    "theyve": "they have", "weve": "we have", "youve": "you have", "thats": "that is", "whos": "who is",
    "wouldnt": "would not", "couldnt": "could not", "shouldnt": "should not", "wudnt": "would not",
    "itll": "it will", "theyll": "they will",
    "ima": "i am going to", "imma": "i am going to", "finna": "going to", "tryna": "trying to",
    "dnt": "do not", "nt": "not", "cnt": "can not", "rn": "right now", "atm": "right now",
    "ngl": "", "tbh": "", "lowkey": "", "highkey": "", "fr": "", "literally": "", "deadass": "",
    "kil": "kill", "wnt": "want", "wivout": "without", "wiout": "without", "wna": "want to", "sh": "self harm", "od": "overdose", "oded": "overdosed",
    "sewerslide": "suicide", "unalived": "killed myself", "unaliving": "killing myself", "selfharm": "self harm",
    "bro": "brother", "sis": "sister", "fam": "family",
    "stepdad": "step dad", "stepmum": "step mum", "fosterdad": "foster dad", "fostermum": "foster mum",
}


def _unleet(match: re.Match[str]) -> str:
    word = match.group(0)
    if word in TEXT_SPEAK or word.isdigit():
        return word
    return word.translate(LEET)


def _unspace(match: re.Match[str]) -> str:
    return re.sub(r"[ .\-_*]", "", match.group(0))


# "he'll" and "she'd" are read while the apostrophe still tells them from "hell" and "shed".
_APOSTROPHE_FORMS = re.compile(r"\b(i|he|she|we|you|they)['\u2019](d|ll)\b")
# Without it, "id", "hell" and "shell" are contractions only before a verb: "id rather die", "hell kill me",
# never "need my id" or "what the hell".
_VERBS = "be never just kill hurt hit do go have get come find know see tell send post leak beat".split()
_AMBIGUOUS = {
    "id": ("i would", frozenset(_VERBS + "rather sooner love like want die prefer better honestly".split())),
    "hell": ("he will", frozenset(_VERBS)), "shell": ("she will", frozenset(_VERBS)),
}


def _expand_apostrophes(match: re.Match[str]) -> str:
    return f"{match.group(1)} {'would' if match.group(2) == 'd' else 'will'}"


@lru_cache(maxsize=16384)
def read_for_safety(text: str) -> str:
    """The plain words the crisis rules read, with disguises undone."""
    text = clean(text).casefold()
    text = _EMOJI.sub(lambda m: EMOJI_WORDS[m.group(0)], text)
    if _LATIN.search(text) and _OTHER_LETTERS.search(text):
        text = unicodedata.normalize("NFC", text).translate(LOOK_ALIKES)
    text = _LEET_WORD.sub(_unleet, text)
    text = _SPACED.sub(_unspace, text)
    text = _APOSTROPHE_FORMS.sub(_expand_apostrophes, text)
    words = []
    plain = normalise(text).split()
    for word, following in zip(plain, [*plain[1:], ""]):
        expanded, before = _AMBIGUOUS.get(word, ("", frozenset()))
        words.append(expanded if following in before else CONTRACTIONS.get(word, word))
    return " ".join(w for w in words if w)


def unreadable_script(text: str) -> bool:
    """True when a message is written in letters the bot cannot read (Arabic, Farsi, Tigrinya...).

    Such a message must never be treated as "no words": someone may be
    asking for help in the language they have.
    """
    text = clean(text)
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    # Look-alike letters are a disguise inside English, not another language.
    foreign = sum(1 for c in letters if not _is_latin(c) and c.casefold().translate(LOOK_ALIKES) == c.casefold())
    return foreign >= max(2, len(letters) // 2)


def _is_latin(char: str) -> bool:
    return "LATIN" in unicodedata.name(char, "")
