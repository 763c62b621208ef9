"""Turn what a young person typed into plain, comparable words.

Both the phrasings in the knowledge base and incoming messages go through
the same steps, so "wen can i c my SW??" and "when can I see my social
worker" meet in the middle.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Text speak and abbreviations young people use, mapped to plain words.
TEXT_SPEAK: dict[str, str] = {
    "u": "you", "ya": "you", "yu": "you", "ur": "your", "yr": "your", "r": "are",
    "wat": "what", "wot": "what", "wht": "what", "whats": "what is", "wats": "what is",
    "wen": "when", "wer": "where", "wheres": "where is", "hw": "how", "y": "why",
    "cos": "because", "coz": "because", "cuz": "because", "bc": "because", "becuz": "because",
    "pls": "please", "plz": "please", "plez": "please", "thx": "thanks", "ty": "thank you",
    "tysm": "thank you", "thnx": "thanks", "thanx": "thanks", "ta": "thanks",
    "im": "i am", "ive": "i have", "dont": "do not",
    "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
    "wont": "will not", "isnt": "is not", "arent": "are not", "aint": "is not",
    "havent": "have not", "hasnt": "has not", "wasnt": "was not", "shouldnt": "should not",
    "wanna": "want to", "gonna": "going to", "gotta": "got to", "gimme": "give me",
    "dunno": "do not know", "idk": "i do not know", "ppl": "people", "sum1": "someone",
    "some1": "someone", "any1": "anyone", "no1": "no one", "b4": "before", "2day": "today",
    "2nite": "tonight", "tonite": "tonight", "2night": "tonight", "tmrw": "tomorrow",
    "tmr": "tomorrow", "2moro": "tomorrow", "c": "see", "n": "and", "nd": "and",
    "abt": "about", "bout": "about", "gd": "good", "msg": "message", "txt": "text",
    "num": "number", "ph": "phone", "fone": "phone", "tel": "phone",
    "m8": "mate", "bf": "boyfriend", "gf": "girlfriend", "yrs": "years", "yo": "yo",
    "hlp": "help", "halp": "help", "wiv": "with", "wid": "with", "w": "with",
    "kms": "kill myself", "kys": "kill yourself", "unalive": "kill",
    # Domain abbreviations.
    "sw": "social worker", "pa": "personal adviser", "ctax": "council tax",
    "uni": "university", "advisor": "adviser", "advisors": "adviser",
    "nino": "national insurance number",
    "ni": "national insurance", "dla": "disability living allowance", "uc": "universal credit",
    "rehome": "move", "16plus": "16 plus",
}

# Domain words young people often misspell, checked before fuzzy correction.
SPELLING: dict[str, str] = {
    "councel": "council", "counsel": "council", "councill": "council", "concil": "council",
    "apprentiship": "apprenticeship", "apprentaship": "apprenticeship",
    "apprenticship": "apprenticeship", "aprenticeship": "apprenticeship",
    "advacate": "advocate", "advocat": "advocate", "advicate": "advocate", "advocasy": "advocacy",
    "advacacy": "advocacy", "adviocate": "advocate", "advisor": "adviser",
    "fostre": "foster", "fosterer": "foster carer", "fosterers": "foster carers",
    "benifits": "benefits", "benefit": "benefits", "benifit": "benefits",
    "univeristy": "university", "universty": "university", "collage": "college",
    "accomodation": "accommodation", "acommodation": "accommodation",
    "placment": "placement", "plaecment": "placement",
    "complain": "complaint", "complaining": "complaint", "complaints": "complaint",
    "passpot": "passport", "pasport": "passport", "bursery": "bursary", "bursay": "bursary",
    "exemt": "exempt", "exemption": "exempt", "excempt": "exempt", "exempted": "exempt",
    "therapist": "therapy", "counciling": "counselling",
    "pathwayplan": "pathway plan", "carelever": "care leaver",
    "careleaver": "care leaver", "careleavers": "care leavers", "socialworker": "social worker",
    "mam": "mum", "mom": "mum",
}

_APOSTROPHES = re.compile(r"['\u2019\u2018`´]")
_NOT_WORD = re.compile(r"[^a-z0-9£]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_NUMBER_WORDS = {
    "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
    "twenty": "20", "twentyone": "21", "twentyfive": "25", "eighteenth": "18",
}


# Control (Cc), format (Cf: zero-width, direction marks), surrogate and
# private-use characters: invisible, or used to hide words from a screen.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\ue000-\uf8ff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000f0000-\U0010ffff]"
)
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Unicode-normalise and drop invisible characters; collapse white space.

    Used for storing and showing text as well as for matching, so it keeps
    case and punctuation.
    """
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower-case plain words: no punctuation, text speak expanded."""
    text = clean(text).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _ORDINAL.sub(r"\1", text)
    text = _NOT_WORD.sub(" ", text)
    # "sooooo" -> "soo": three or more of a letter become two.
    text = _REPEATS.sub(r"\1\1", text)
    words: list[str] = []
    for word in text.split():
        word = _NUMBER_WORDS.get(word, word)
        word = SPELLING.get(word, word)
        word = TEXT_SPEAK.get(word, word)
        words.append(word)
    return " ".join(words)


def has_words(text: str) -> bool:
    """True when a message has any letters or digits to understand."""
    return bool(normalise(text).strip())
