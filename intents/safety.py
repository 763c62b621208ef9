"""The safety screen: runs first on every message, in every state.

Deterministic on purpose: curated phrases per kind of crisis, matched on
normalised text, so that the same words always get the same care. Recall
comes first: a crisis reply to someone who was fine costs a moment; a missed
cry for help can cost a life. Idioms ("this homework is killing me") are
removed before matching, rather than weakening the crisis phrases.

A message that matches nothing is read once more with typos in crisis words
put right ("no eason to live"), because a young person in distress types
fast. Only words one slip away from a word the crisis phrases use are
changed, so the extra reading finds cries for help without inventing them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from intents.normalise import normalise

# Order matters only for which kind is reported when several match:
# the most urgent kind wins.
KINDS = ("suicide", "danger", "abuse", "exploitation", "homeless")

_ME = r"(?:myself|my self|my ?sel)"
_WANT = r"(?:want|wanted|wanting|going|gonna|thinking about|thought about|planning|plan|tempted|feel like|feeling like|about|trying|tried|try|need)"

PATTERNS: dict[str, list[str]] = {
    "suicide": [
        rf"\bkill(?:ing|ed)? {_ME}\b", r"\bkill my ?self\b", r"\bend(?:ing)? (?:my|it) (?:life|all)\b",
        r"\bend it all\b", r"\bend my life\b", r"\btake my (?:own )?life\b", r"\bsuicid", r"\bunalive\b",
        r"\b(?:want|wanna|wish|wished|going|ready) (?:to )?(?:die|be dead|not be here|disappear forever)\b",
        r"\bwish i (?:was|were|had) (?:dead|never been born|not born)\b", r"\bbetter off (?:dead|without me)\b",
        r"\bno (?:reason|point) (?:to|in) (?:live|living|being alive|go on|going on|carry on|carrying on)\b",
        # "i dont want to live" is a crisis; "i dont want to live here" is about a placement.
        r"\bnot? (?:want|wanna) to (?:live|be alive|be here|wake up|exist)\b(?! (?:here|there|with|in|at|near|on|alone|by))",
        r"\bdo not want to (?:live|be alive|be here anymore|be here any more|wake up|exist)\b(?! (?:here|there|with|in|at|near|on|alone|by))",
        r"\bcan not (?:go on|carry on|cope|take it|do this) (?:anymore|any more|like this)\b",
        r"\bself ?harm", r"\bcut(?:ting)? (?:my ?self|myself|my (?:arms?|wrists?|legs?|skin))\b",
        r"\bhurt(?:ing)? {_ME}\b".replace("{_ME}", _ME), r"\bharm(?:ing)? {_ME}\b".replace("{_ME}", _ME),
        r"\boverdose", r"\b(?:took|taken|take|swallowed|taking) (?:too many|loads of|a lot of|all my|a load of|a bunch of|lots of|a handful of|a packet of|a box of|all the) (?:pills|tablets|paracetamol|meds|medication)\b",
        r"\bjump (?:off|in front of)\b", r"\bhang (?:my ?self|myself)\b", r"\blife is not worth living\b",
        r"\bno one would (?:care|miss me|notice) if i\b", r"\bnobody would (?:care|miss me|notice) if i\b",
        r"\bgoodbye forever\b", r"\bfinal goodbye\b", r"\bwrote a (?:suicide )?note\b",
        r"\b(?:want|wanna|going|ready|about) (?:to )?end it\b", r"\bpoint (?:in|of) (?:living|life|being alive|going on|carrying on)\b",
        r"\b(?:thinking|think|thought|thoughts|dreaming) (?:about|of) (?:dying|death|killing myself|ending it|ending my life|not being here)\b",
        r"\b(?:should|might as well|may as well) (?:just )?(?:die|be dead|kill myself|end it)\b",
        r"\bgoodbye (?:everyone|world|all)\b", r"\bcan not keep going\b", r"\bno way out\b",
        r"\b(?:want|wanna|wish i could) (?:to )?disappear\b", r"\b(?:been|started|keep|keeps) cutting\b(?! (?:my hair|hair|class|lessons|school))",
        r"\b(?:nobody|no one|no1) would (?:miss|notice|care about) me\b",
        r"\b(?:give|giving|given|gave) up on (?:life|living|everything|myself|it all)\b", r"\bdone with (?:life|living|everything)\b",
        r"\bnothing (?:left )?to live for\b", r"\bcan not go on\b(?! (?:holiday|a trip|the|a|an|my|with|to|at))",
        r"\bno point (?:anymore|any more|in anything|to anything)\b", r"\bwant (?:it all|my life|everything|it) to (?:end|stop)\b",
        r"\b(?:sleep|go to sleep) (?:forever|and never wake up|and not wake up)\b", r"\bend (?:things|everything)\b",
        r"\b(?:burn|burning|starve|starving|punish|punishing) (?:myself|my self)\b", r"\bsuicidal\b",
    ],
    "danger": [
        r"\b(?:i am|i feel|feel|im|i do not feel|do not feel|not|never) (?:not |un)?safe\b(?! (?:to|for|with my data))",
        r"\bunsafe\b", r"\bin danger\b", r"\bdangerous (?:at|where) (?:home|i live)\b",
        r"\b(?:call|ring|phone|get|need|want) (?:the |an? )?(?:police|ambulance|999|cops)\b", r"\b999\b",
        r"\bscared for my life\b", r"\bafraid for my life\b", r"\b(?:is|are|keeps?) following me\b",
        r"\b(?:going|gonna|threatened|threatening|says he will|says she will|said he would|said she would) (?:to )?(?:kill|hurt|stab|beat|attack) me\b",
        r"\b(?:has|got|with) a (?:knife|gun|weapon)\b",
        r"\b(?:threatening|threatened|threatens|stalking|stalks|harassing) me\b", r"\bcan not breathe\b",
        r"\b(?:man|men|someone|somebody|person|people|guy|gang) (?:is |are )?(?:outside|at) my (?:house|door|flat|room|window)\b",
        r"\bneed help right now\b", r"\bhelp me(?: please)? (?:i am|im) (?:scared|frightened|terrified)\b",
        r"\b(?:he|she|they|someone|somebody|people|he is|she is|they are) (?:will|is going to|are going to|going to|might|could|wants to|want to) (?:hurt|kill|hit|beat|stab|attack|get) me\b",
        r"\b(?:scared|afraid|terrified|frightened) (?:of (?:him|her|them|my)|to go home|he will|she will|they will)\b",
        r"\b(?:they|he|she) (?:will not|wont|do not|dont|does not|doesnt) let me (?:leave|out|go)\b",
        r"\b(?:got|been|was|were) (?:jumped|mugged|stabbed|shot|attacked|beaten)\b",
        r"\bscared for my (?:safety|life)\b", r"\bspiked\b",
        r"\b(?:being|been|got) (?:attacked|stabbed|assaulted|kidnapped)\b", r"\blocked (?:me )?in\b",
    ],
    "abuse": [
        r"\b(?:is|are|keeps?|keep|has been|have been|always|kept|started) (?:hurting|hitting|beating|punching|kicking|slapping|touching|abusing|hurt|hit|hits|beat|beats|punch|punches|kick|kicks|slap|slaps|touch|touches|strangling|choking) me\b",
        r"\b(?:hurts|hits|beats|punches|kicks|slaps|chokes|strangles|touches|abuses|hurt|hit|beat|punched|kicked|slapped|choked|strangled|touched|abused|raped|assaulted|molested) me\b",
        r"\b(?:sexually |physically |emotionally )?abus(?:ed|ing|ive)\b", r"\bsexual(?:ly)? assault", r"\braped?\b",
        r"\bmolest", r"\btouch(?:es|ed|ing)? me (?:down there|inappropriately|where)\b", r"\bbeat(?:s|en)? up\b",
        r"\bdomestic (?:abuse|violence)\b", r"\bforced (?:me )?(?:to have sex|into sex|to do sexual)",
        r"\b(?:i am|im|i get|i got|getting|been|being) (?:hurt|hit|beaten|abused|slapped|punched)\b(?! (?:at football|playing|in a game|in football|by a ball))",
        r"\b(?:is|are|gets|get) (?:violent|aggressive)\b",
        r"\b(?:forces|forced|forcing|pressures|pressured|pressuring) me (?:to |into )?(?:do (?:stuff|things|sexual|it)|have sex|sleep with|send|touch)", r"\b(?:made|makes|forced|forces|forcing) me (?:to )?(?:have sex|do sexual|touch|watch)\b",
        r"\bbruises? (?:from|because)\b", r"\bstarv(?:e|es|ing) me\b", r"\block(?:s|ed)? me (?:in|out)\b",
        r"\b(?:comes|came|keeps coming) into my (?:room|bed|bedroom) at night\b",
    ],
    "exploitation": [
        r"\bgroom(?:ed|ing|s)?\b", r"\bcounty lines?\b", r"\bsextort", r"\bexploit(?:ed|ing|ation)\b",
        r"\b(?:making|made|make|forcing|forced|force|want|wants|asked|asking|told|telling) me (?:to )?(?:deal|sell|carry|hold|move|run|drop) (?:drugs|weed|packages?|parcels?|stuff|bags?)\b",
        r"\b(?:deal|dealing|sell|selling|run|running) drugs for\b", r"\bdeal(?:ing)? drugs\b",
        r"\b(?:send|sent|share|shared|post|posted|leak|leaked) (?:my )?nudes?\b", r"\bnudes?\b.*\b(?:threat|share|post|money|pay|everyone)\b",
        r"\bowe (?:them|him|her|a dealer|dealers)\b", r"\bdebt bondage\b", r"\bsex for (?:money|drugs|a place)\b",
        r"\btraffick", r"\bselling me\b", r"\b(?:stranger|older (?:man|men|guy|woman)|someone online)\b.*\b(?:photos|pics|pictures|nudes|meet up|meet me)\b",
        r"\bmaking me do (?:things|stuff)\b",
        r"\b(?:being |been |getting )?(?:forced|made|pressured) to (?:deal|sell|carry|hold|move|run) (?:drugs|weed|packages?|parcels?)\b",
        r"\b(?:a |an |this |some )?(?:man|guy|stranger|older (?:man|guy|boy|woman)|someone) (?:keeps |is |has been )?(?:messaging|texting|dming) me\b.*\b(?:meet|photos|pics|nudes|secret)\b",
        r"\b(?:older|old) (?:man|men|guy|guys|boyfriend|woman) (?:gives|gave|buys|bought|keeps giving) me\b",
        r"\bpics? (?:of me )?(?:to|unless) (?:everyone|my friends)\b", r"\bblackmail",
        r"\b(?:wants|asks|asking|asked|told|making|made|pressuring|pressured|keeps asking) me (?:to )?send (?:him |her |them )?(?:pics|pictures|photos|nudes|naked|videos)",
    ],
    "homeless": [
        r"\bhomeless\b(?! (?:prevention|duty|team|services?))", r"\bnowhere (?:to|2) (?:sleep|stay|go|live)\b",
        r"\bno where (?:to|2) (?:sleep|stay|go|live)\b", r"\bnot got anywhere (?:to )?(?:sleep|stay|go)\b",
        r"\b(?:kicked|thrown|chucked|locked) (?:me )?out\b(?! of (?:school|college|class|lessons?|uni|university|the game|club|the group|the chat|my course|the course|course|training|work|my job|the team))", r"\bsleep(?:ing)? (?:rough|on the streets?|outside|on a bench|in a park)\b",
        r"\bon the streets?\b", r"\bno (?:bed|roof|home) (?:tonight|for tonight)\b", r"\bno place to (?:sleep|stay)\b",
        r"\bevicted (?:today|tonight|now)\b", r"\bhave to leave (?:tonight|today|now)\b",
        r"\bsleep(?:ing)? (?:in (?:a|my|the) (?:car|tent|park|station|doorway|stairwell|bus station))\b",
        r"\bnowhere (?:tonight|for tonight)\b", r"\bsofa surf",
        r"\b(?:got|been|being|was|am|i am|im) evicted\b", r"\b(?:ran|run|running) away\b(?! from (?:a|the) (?:dog|spider|bee|wasp))",
        r"\b(?:living|sleeping|staying) in a (?:tent|car|van|park|hostel tonight)\b", r"\bstrangers? (?:house|flat|place) tonight\b",
    ],
}

# Everyday phrases that look like a crisis but are not. They are cut out of
# the text before the crisis phrases are tried, so "this homework is killing
# me but i want to die" still counts.
IDIOMS: list[str] = [
    r"\b(?:is|are|was|its|it is|this|that|these|those|queue|homework|work|exam|exams|school|college|wait|waiting|heat|music|suspense|song|traffic|bus) (?:is |are |was )?killing me\b",
    r"\bkilling me (?:softly|with)\b", r"\b(?:could|would|will) (?:murder|kill) (?:a|for a|for) (?:pizza|burger|drink|brew|cup|curry|kebab|sandwich|coffee|tea|nap|sleep)\w*\b",
    r"\bdie(?:d|s)? (?:of|from) (?:embarrassment|boredom|laughing|laughter|shame|cringe|hunger|thirst)\b",
    r"\bdying (?:to|for|of (?:embarrassment|boredom|laughter|laughing))\b", r"\bto die for\b", r"\bdying laughing\b",
    r"\bdead (?:tired|funny|good|easy|serious|boring|jealous|excited)\b", r"\b(?:phone|laptop|battery|tablet|ipad|console|xbox|ps5|plant|car) (?:is |was |has |just )?(?:dead|died)\b",
    r"\bkill(?:ing)? time\b", r"\bkill(?:ed|ing)? it\b", r"\b(?:suicide squad|dead rising|dead island)\b",
    r"\bmy feet are killing me\b", r"\bkill(?:ing)? (?:the|a|this) (?:game|level|boss|round|vibe)\b",
    r"\b(?:game|film|movie|book|show|character) (?:about|where|with)\b.*\b(?:dies|kills|killed)\b",
    r"\b(?:safe|safety) (?:with )?(?:my|our) (?:data|details|information|info|messages|chat)\b",
    r"\bis (?:my|this|it) (?:data |chat |information |info )?safe\b", r"\bsafe to (?:talk|tell|use|say)\b",
    r"\bwhat if i (?:become|became|get|end up|was|were|am|go) homeless\b", r"\bhomelessness\b",
    r"\bif i (?:become|became|get|end up|was|were) homeless\b", r"\bnearly died laughing\b",
    # Questions about what happens at a birthday are about leaving care, not tonight.
    r"\b(?:will|do|does|can|could|would) (?:i|they|you|my carers?) (?:be |get |have to )?(?:kick|kicked|throw|thrown|chuck|chucked) (?:me )?out (?:at|when|on|after|before) (?:i (?:am|turn) )?(?:16|17|18|19|21|my birthday)\b",
    r"\bfood poisoning\b", r"\bdead end\b", r"\bdeadline\b",
    r"\b(?:dog|pet|horse|hair) groom\w*\b", r"\bgrooming (?:course|salon|parlour|apprenticeship|business)\b",
    r"\bdie (?:my|your|her|his|their) hair\b", r"\bin danger of (?:failing|losing|being late|missing|getting|not)\b",
    r"\bhit me (?:up|with (?:a |the )?(?:pillow|snowball|ball|joke|message|text|question|song))\b",
    r"\bwill i (?:be|become|end up|get) homeless\b",
]

_DOUBLED = re.compile(r"([a-z])\1+")


def _squeeze(text: str) -> str:
    """Every run of a letter as one letter: 'diie' and 'kiill' become 'die' and 'kil'."""
    return _DOUBLED.sub(r"\1", text)


# Each pattern in two forms: as written, and squeezed to match squeezed text,
# so that stretched words ("diiiie", "plzzz hellllp") are still recognised.
# One alternation per kind: a single scan of the text instead of one per phrase.
_COMPILED = {kind: re.compile("|".join(f"(?:{p})" for p in patterns)) for kind, patterns in PATTERNS.items()}
_SQUEEZED = {kind: re.compile("|".join(f"(?:{_squeeze(p)})" for p in patterns)) for kind, patterns in PATTERNS.items()}
_IDIOMS = re.compile("|".join(f"(?:{p})" for p in IDIOMS))
_SQUEEZED_IDIOMS = re.compile("|".join(f"(?:{_squeeze(p)})" for p in IDIOMS))


# Every word of three letters or more that the crisis phrases use: a typo is
# put right only towards one of these.
_CRISIS_WORDS = frozenset(
    word
    for patterns in PATTERNS.values()
    for pattern in patterns
    for word in re.findall(r"[a-z]{3,}", re.sub(r"\\[a-zA-Z]", " ", pattern))
)


def _one_letter_less() -> tuple[dict[str, str], dict[tuple[int, str], str]]:
    """Each crisis word with one letter taken out, and with where it was taken from.

    Set lookups in these find a one-letter slip in microseconds. Sorted, so
    that a clash always resolves the same way.
    """
    missing_one: dict[str, str] = {}
    wrong_at: dict[tuple[int, str], str] = {}
    for word in sorted(_CRISIS_WORDS):
        for i in range(len(word)):
            missing_one.setdefault(word[:i] + word[i + 1 :], word)
            wrong_at.setdefault((i, word[:i] + word[i + 1 :]), word)
    return missing_one, wrong_at


_MISSING_ONE, _WRONG_AT = _one_letter_less()
# Words that can be run into a crisis word without a space: "todie", "callthe".
_JOINABLE = _CRISIS_WORDS | {"to", "me", "my", "be", "no", "am", "of", "it", "up", "go", "so", "do"}


@dataclass(frozen=True)
class Screen:
    """The result of screening one message."""

    kind: str | None  # one of KINDS, or None when no crisis was found

    @property
    def is_crisis(self) -> bool:
        return self.kind is not None

    @property
    def topic_id(self) -> str | None:
        return f"crisis.{self.kind}" if self.kind else None


def _without(idioms: re.Pattern[str], text: str) -> str:
    return idioms.sub(" ", text)


def _respelt(plain: str) -> str:
    """The words of a message with a typo in a crisis word put right ("no eason to live").

    Only words that are not crisis words already, and only to a crisis word
    they closely resemble: this pass can find more cries for help, and the
    idioms are still taken out after it.
    """
    return " ".join(_crisis_word_meant(word) for word in plain.split())


@lru_cache(maxsize=65536)  # the same words come again and again
def _crisis_word_meant(word: str) -> str:
    """The crisis word a typo most likely meant, one slip away ("eason", "wnat", "abuzes", "todie").

    In words of four letters or fewer a wrong letter does not count, only a
    missed, extra or swapped one: "dye" stays dye, not die.
    """
    if len(word) < 3 or word in _CRISIS_WORDS:
        return word
    if word in _MISSING_ONE:  # a letter missed: "eason"
        return _MISSING_ONE[word]
    for i in range(len(word)):
        less = word[:i] + word[i + 1 :]
        if less in _CRISIS_WORDS:  # a letter too many: "killl"
            return less
        if len(word) >= 5 and (i, less) in _WRONG_AT:  # a wrong letter: "abuzes"
            return _WRONG_AT[(i, less)]
    for i in range(len(word) - 1):  # two letters swapped: "wnat"
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped in _CRISIS_WORDS:
            return swapped
    for i in range(2, len(word) - 1):  # a space missed: "todie", "killmyself"
        if word[:i] in _JOINABLE and word[i:] in _JOINABLE:
            return f"{word[:i]} {word[i:]}"
    return word


def screen(text: str) -> Screen:
    """Find a cry for help in one message, whatever else it says."""
    plain = normalise(text)
    as_written = _without(_IDIOMS, plain)
    squeezed = _without(_SQUEEZED_IDIOMS, _squeeze(plain))
    for kind in KINDS:
        if _COMPILED[kind].search(as_written) or _SQUEEZED[kind].search(squeezed):
            return Screen(kind)
    respelt = _without(_IDIOMS, _respelt(plain))
    if respelt != as_written:
        for kind in KINDS:
            if _COMPILED[kind].search(respelt):
                return Screen(kind)
    return Screen(None)
