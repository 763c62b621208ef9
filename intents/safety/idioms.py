"""Everyday phrases that look like a crisis but are not.

A crisis match that lies wholly inside one of these is ignored; the words
beside it are still read, so "this homework is killing me and i want to die"
is still a cry for help. Nothing is cut out of the text.
"""

from __future__ import annotations

import re

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


# Games, pets, camping and jokes among siblings: the same words, nothing wrong.
IDIOMS_MORE = [
    r"\b(?:kicked|thrown|chucked|excluded|expelled|booted) out (?:of )?(?:school|college|class|lessons?|uni|university|my course|the course|course|training|work|my job|the team|the lesson|the shop|the match|the lobby|the server|the party|the squad|the cinema|the library|the group chat|the chat|the pub quiz|the game)\b",
    # Where they live, not whether: "i dont want to live here anymore" is about a placement.
    r"\b(?:do not|dont|not) (?:want|wanna) (?:to )?live (?:here|there|with|in|at|near|on|by)\b(?! (?:this|the) (?:world|earth|planet|life))",
    # "can i get kicked out for smoking" asks about a rule; it is not tonight.
    r"\b(?:can|could|will|would|do|does|might|if|when) (?:i|they|you|carers|staff|my \w+) (?:\w+ )?(?:get |be )?(?:kicked|thrown|chucked|kick|throw|chuck) (?:me )?out(?: \w+){0,6}",
    r"\b(?:got |get |getting |we got |i got )?(?:jumped|killed|shot|stabbed|raided|wiped|died|kicked out|trapped) (?:\w+ ){0,3}(?:in|on|by) (?:warzone|fortnite|gta|gta online|the game|cod|apex|roblox|minecraft|valorant|fifa|among us|the lobby|a game)\b",
    r"\b(?:going to|gonna) kill me (?:when|if) (?:she|he|they|my \w+) (?:\w+ )?(?:see|sees|find|finds|know|knows|hear|hears|finds out)\b",
    r"\b(?:going to|gonna|will|am going to) kill (?:my|him|her) (?:\w+ )?if (?:he|she|they) (?:\w+ ){0,3}(?:eats|takes|borrows|touches|uses|steals|finishes|eat|take|borrow)\b",
    r"\bthought i was (?:going to|gonna) die\b", r"\b(?:cat|dog|kitten|puppy|hamster|rabbit|parrot) (?:scratched|bit|bites|scratches) my \w+\b",
    r"\b(?:baby|ugly|funny|embarrassing|old|school|year \d+) (?:pics?|photos?|pictures?|videos?|vids?)\b",
    r"\b(?:pics?|photos?|videos?|vids?) of me (?:singing|falling|dancing|eating|sleeping|as a baby|from year)\b",
    r"\bblackmail\w* me (?:for|into) (?:sweets|chocolate|chips|my chips|doing|snacks|her|his|the)\b",
    r"\b(?:have to|has to|do they|will they|would they|do staff|does staff|do carers|do you have to|does the home) (?:\w+ ){0,2}(?:call|ring|phone|contact) (?:the )?(?:police|999|ambulance)\b",
    r"\bmissing (?:my|her|his|you|them|home|lessons|school)\b", r"\bgone missing from my bag\b",
    r"\b(?:dog|cat|puppy|kitten|pet|hamster|rabbit|goose|tortoise) (?:\w+ )?(?:ran|run|went|has gone|was|got) (?:away|off|missing|groomed)\b",
]

IDIOM_PATTERN = re.compile("|".join(f"(?:{p})" for p in IDIOMS + IDIOMS_MORE))


def idiom_spans(text: str) -> list[tuple[int, int]]:
    """Where the everyday phrases are in a message."""
    return [m.span() for m in IDIOM_PATTERN.finditer(text)]



# Words anywhere in a message that explain a kind's words away: a sleepover
# is not a night with nowhere to stay, a lost dog is not a missing child.
EXCUSES: dict[str, re.Pattern[str]] = {
    "homeless": re.compile(r"\b(?:sleepover|sleep over|dofe|camping|expedition|festival|glamping|scouts|built a fort|fort|cubs|brownies|guides|the man who sleeps|people who sleep)\b"),
    "missing": re.compile(r"\b(?:carer knows|carers know|staff know|staff knows|mum knows|they know where i am|gap year|for tea|for dinner|(?:dog|cat|puppy|kitten|pet|hamster|goose) (?:\w+ )?(?:ran|run|went|got))\b"),
    "danger": re.compile(r"\b(?:fortnite|warzone|gta|roblox|minecraft|valorant|call of duty|among us|fire drill|thunderstorm|amazon guy|delivery guy|window cleaner|cleaning the windows)\b"),
    "violence": re.compile(r"\b(?:fortnite|warzone|gta|roblox|minecraft|valorant|call of duty|among us|in the game)\b"),
}
