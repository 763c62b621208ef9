"""Concepts the crisis rules are written in, and how a rule becomes a regex.

A rule names concepts ({SELF}, {WANT}, {DIE}) rather than spelling out every
phrase, and lets filler words stand between them: `_` allows up to three
words, `__` up to six. So "i really just dont want to live" meets the rule
"{NEG} _ {WANT} {TO} {LIVE}" without anyone having written it down.
Everything stays a regular expression, so a match can always be shown and
explained.
"""

from __future__ import annotations

import re

CONCEPTS: dict[str, str] = {
    # who
    "SELF": r"(?:myself|my self|meself|me)",
    "I": r"(?:i|i am|i have|i will|i would|ive|ill|im|i was|i feel|i just|i really)",
    "TO": r"(?:to|2)",
    "FOR": r"(?:for|4)",
    "NEG": r"(?:not|never|no longer|do not|does not|did not|can not|could not|would not|will not|dont|doesnt)",
    "PERP": (
        r"(?:mum|mam|mom|mother|dad|father|step dad|step mum|stepfather|stepmother|step father|step mother|"
        r"foster (?:carer|carers|dad|mum|mother|father|parent|parents|brother|sister)|carer|carers|parents|"
        r"uncle|aunt|auntie|grandad|granddad|nan|nana|grandma|grandpa|brother|sister|cousin|stepbrother|"
        r"step brother|step sister|staff|staff member|key worker|keyworker|support worker|residential worker|"
        r"worker|teacher|coach|he|she|they|someone|somebody|adult|adults|family|mums boyfriend|mums partner|"
        r"dads girlfriend|dads partner|landlord|manager|boss|him|her|them)"
    ),
    "PARTNER": r"(?:boyfriend|girlfriend|partner|husband|wife|ex|ex boyfriend|ex girlfriend|fiance|fiancee|babys dad|baby dad|babys father|babys mum|man i live with)",
    "OTHER": (
        r"(?:my (?:friend|friends|mate|mates|bestie|best friend|best mate|bff|sister|brother|little sister|"
        r"little brother|big sister|big brother|cousin|flatmate|roommate|housemate|girlfriend|boyfriend|foster sister|"
        r"foster brother|step sister|step brother|twin|niece|nephew)|a friend|a mate|someone i know|"
        r"someone in my (?:class|home|house|school|placement|year|unit|group)|a girl (?:in|at|from) my \w+|"
        r"a boy (?:in|at|from) my \w+|a kid (?:in|at) my \w+|this (?:girl|boy|kid) (?:in|at|from) my \w+|"
        r"one of my (?:friends|mates)|the (?:girl|boy|kid) (?:in|at) my (?:home|house|placement|unit))"
    ),
    "THEY_SELF": r"(?:herself|himself|themself|themselves|her self|him self)",
    # what
    "WANT": (
        r"(?:want|wanted|wanting|wanna|wish|wished|wishing|going|gonna|ready|planning|plan|planned|"
        r"thinking about|thinking of|thought about|think about|tempted|feel like|feeling like|felt like|"
        r"need|urge|urges|deserve|should|might as well|may as well|could just|just want|about|hope|"
        r"trying|tried|try|decided|going to|will)"
    ),
    "DIE": (
        r"(?:die|dying|be dead|kill myself|killing myself|kill me|end it|end it all|end my life|ending my life|ending things|ending everything|"
        r"ending it|ending it all|end things|end everything|take my (?:own )?life|taking my (?:own )?life|"
        r"commit suicide|suicide|not wake up|never wake up|not be here|not be around|disappear forever|"
        r"sleep forever|stop existing|stop breathing|not exist|unalive myself|be gone|be with my (?:nan|mum|dad|grandad)"
        r" in heaven|go to sleep forever|jump off|hang myself|drown myself|overdose|od)"
    ),
    "LIVE": r"(?:live|living|be alive|exist|existing|be here|wake up|be around|carry on|go on|keep going|be on this earth|be in this world)",
    "HARM_V": (
        r"(?:hits|hit|hitting|beats|beat|beating|beaten|punches|punched|punching|kicks|kicked|kicking|slaps|slapped|"
        r"slapping|hurts|hurt|hurting|chokes|choked|choking|strangles|strangled|throws|threw|pushes|pushed|shoves|"
        r"shoved|burns|burnt|burned|bites|bit|grabs|grabbed|drags|dragged|whips|whipped|belts|belted|smacks|"
        r"smacked|batters|battered|abuses|abused|abusing|rapes|raped|molests|molested|attacks|attacked|"
        r"headbutts|headbutted|pins|pinned|spits on|spat on|bashes|bashed|beat up|beats up|batter|thumps|thumped|"
        r"lashes out at|chucks things at|throws things at|threw things at|pulls my hair|pulled my hair)"
    ),
    "TOUCH_V": r"(?:touches|touched|touching|touch|feels|felt|grabs|grabbed|rubs|rubbed|kisses|kissed|strokes|stroked)",
    "IMG": r"(?:pics|pic|pictures|picture|photos|photo|nudes|nude|images|image|videos|video|vids|vid|screenshots|naked|nakeds|selfies)",
    "PILLS": (
        r"(?:pills|pill|tablets|tablet|paracetamol|paracetemol|meds|medication|medicine|sleeping pills|ibuprofen|"
        r"painkillers|antidepressants|co codamol|codeine|sertraline|fluoxetine|xanax|xans|diazepam|vallies|"
        r"tramadol|insulin|my prescription|the whole packet|whole box|a packet|a box)"
    ),
    "LOTS": (
        r"(?:too many|loads of|loads|a lot of|all my|all of my|a load of|a bunch of|lots of|a handful of|handful|"
        r"a packet of|a box of|all the|whole packet of|whole box of|the whole packet|the whole box|whole bottle of|"
        r"a whole|every|a strip of|two packets|2 packets|\d{2,} of|\d{2,}|twenty|thirty|forty|fifty|mums|my mums|"
        r"someones|a bottle of|too much)"
    ),
    "WEAPON": r"(?:knife|knives|blade|blades|shank|machete|gun|weapon|bat|baseball bat|nank|ting|screwdriver|hammer|zombie knife|bottle)",
    "HOME": r"(?:house|flat|home|place|room|door|window|building|placement|foster home|childrens home|hostel|street)",
    "NOW": r"(?:now|right now|tonight|today|rn|at the moment|this minute|as we speak|outside|here)",
}

_MACRO = re.compile(r"\{([A-Z_]+)\}")


def compile_rules(rules: list[str]) -> re.Pattern[str]:
    """One alternation for a list of rules, each with its concepts and gaps spelt out."""
    return re.compile("|".join(f"(?:{expand(rule)})" for rule in rules))


def expand(rule: str) -> str:
    """A rule with its concepts replaced and `_`/`__` turned into room for filler words."""
    text = rule.replace(" __ ", r" (?:\S+ ){0,6}").replace(" _ ", r" (?:\S+ ){0,3}")
    text = _MACRO.sub(lambda m: CONCEPTS[m.group(1)], text)
    return rf"\b{text}\b" if not text.startswith(r"\b") else text
