"""Remove details that could identify someone from text we keep.

Used on unanswered questions before they are stored, and on quotes before
an officer sees them. It errs towards removing too much.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# UK phone numbers in their usual shapes, and any long run of digits.
_PHONE = re.compile(r"(?:\+44\s?|\b0)(?:\d[\s-]?){8,11}\d\b|\b\d{7,}\b")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{2,4})?\b",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"\b\d{1,4}[a-z]?\s+(?:[A-Za-z]+\s){0,3}(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|crescent|place|terrace|gardens|grove|hill|park|square|walk|mews)\b",
    re.IGNORECASE,
)
_SCHOOL = re.compile(
    r"\b(?:[A-Z][\w'-]*\s){1,4}(?i:school|academy|college|primary|high school|grammar)\b"
    r"|\b(?:at|go to|attend|from)\s+(?:[A-Z][\w'-]*\s?){1,4}(?=\s|$|[.,!?])"
)
# A name usually follows a cue. After a strong cue ("my social worker is")
# any word is taken as a name; after a weak one ("with", "im") only a
# capitalised word is, so "im pregnant" survives but "with Dave" does not.
_ROLES = (
    r"social worker|sw|pa|personal adviser|personal advisor|foster carer|foster mum|foster dad|carer|key ?worker|"
    r"iro|teacher|advocate|mum|dad|step ?dad|step ?mum|nan|brother|sister|boyfriend|girlfriend|friend|manager|worker"
)
_STRONG_CUES = (
    rf"(?:my |our |the )?(?:{_ROLES})(?:s name|'s name)?\s+(?:is|was|=)(?:\s+(?:called|named))?"
    r"|my name is|my names|i am called|im called|call me|named|called"
)
_NOT_SURNAME = r"(?:and|but|he|she|who|is|was|never|doesnt|does|did|has|keeps|always|not|they|i|because|cos|so|said|says|wont|can|cant|will|would|isnt|hasnt|didnt|at|in|on|to|from|for|or)\b"
_STRONG = re.compile(
    rf"\b((?i:{_STRONG_CUES}))\s+([A-Za-z][a-z'-]+(?:\s+(?!(?i:{_NOT_SURNAME}))[A-Za-z][a-z'-]+)?)"
)
# "my PA Dave", "my social worker Sarah Jones": a capitalised word right after a role.
_ROLE_THEN_NAME = re.compile(rf"\b((?i:(?:my|our|the) (?:{_ROLES})))\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)")
_WEAK = re.compile(
    r"\b((?i:i'm|im|i am|this is|from|with|by|to|and|mr|mrs|ms|miss|dr|sir|dear|hi|hey))\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
)
# Words that often follow a cue but are not names.
_NOT_NAMES = frozenset(
    """a an the not no so very really just going gonna at in on to my your his her their our it this that
    here there being been feeling sad happy ok okay fine good bad scared worried angry upset
    tired sick ill lonely alone stuck homeless care school college work home i you we they he she
    trying looking asking wondering thinking monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    telegram carebot council england great nice lovely kind rubbish useless amazing brilliant helpful unhelpful
    busy off away new leaving late never always nowhere mean strict ace awful terrible horrible""".split()
)


# Common first names in England, caught with no cue and in any case
# ("dave never replies"). Names that are also everyday words (will, mark,
# rose, grace, hope, may, rob, jack, max, bill) are left out on purpose:
# removing them would mangle ordinary sentences.
_COMMON_FIRST_NAMES = """
    aaron abdul adam ahmed aidan aisha alex alexander alfie ali alice amelia amir amy andrew andy angela anna
    anne ashley bethany ben benjamin bradley brandon callum carl carol caroline charlie charlotte chelsea chloe
    chris christine christopher claire connor craig daniel danielle danny darren dave david dean debbie deborah
    declan dylan eleanor ellie emily emma ethan evie fatima freddie gary gemma george georgia graham hannah harry
    hassan hayley heather helen ian imran isabella isla jade james jamie jane janet jason jayden jennifer jenny
    jessica joanne joe john jon jonathan jordan joseph josh joshua julie karen kate katie kayleigh keith kelly
    kerry kevin kieran kyle laura lauren leah lee leanne liam lily lisa louise lucy luke lydia mandy maria martin
    matt matthew megan melissa mia michael michelle mike mohammed mohammad molly muhammad nathan neil nicola nicole
    niamh oliver olivia ollie owen paul paula peter phil philip priya rachel rebecca reece richard ricky ryan sadia
    sally samantha sandra sarah scott sean shannon sharon simon sophie stacey stephen steve steven stuart susan
    tanya tariq tom tommy tony tracey tracy tyler vicky victoria wayne yasmin zara zoe
""".split()
_BARE_NAME = re.compile(rf"\b(?i:{'|'.join(_COMMON_FIRST_NAMES)})\b")


def _replace_name(match: re.Match[str]) -> str:
    cue, name = match.group(1), match.group(2)
    if name.split()[0].lower() in _NOT_NAMES:
        return match.group(0)
    return f"{cue} [name]"


def scrub(text: str) -> str:
    """The text with contact details, places, dates and names replaced by tags."""
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[link]", text)
    text = _POSTCODE.sub("[postcode]", text)
    text = _DATE.sub("[date]", text)
    text = _PHONE.sub("[phone]", text)
    text = _ADDRESS.sub("[address]", text)
    text = _SCHOOL.sub("[place]", text)
    text = _STRONG.sub(_replace_name, text)
    text = _ROLE_THEN_NAME.sub(_replace_name, text)
    text = _WEAK.sub(_replace_name, text)
    text = _BARE_NAME.sub("[name]", text)
    return text
