"""The first screen's phrases, kept as a tier of their own.

These were the whole screen before the rules in concepts; they are tuned on
years of phrasings and still catch some that the concept rules do not. Each
names one of the five crisis topics; the kind within it comes from the
second tier's kind model (learned.py).
"""

from __future__ import annotations

import re

_ME = r"(?:myself|my self|my ?sel)"
_WANT = r"(?:want|wanted|wanting|going|gonna|thinking about|thought about|planning|plan|tempted|feel like|feeling like|about|trying|tried|try|need)"

PHRASES: dict[str, list[str]] = {
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
        r"\bunsafe\b", r"(?<!not )(?<!never )\bin danger\b", r"\bdangerous (?:at|where) (?:home|i live)\b",
        r"\b(?:call|ring|phone|get|need|want) (?:the |an? )?(?:police|ambulance|999|cops)\b", r"\b999\b",
        r"\bscared for my life\b", r"\bafraid for my life\b", r"\b(?:is|are|keeps?) following me\b",
        r"\b(?:going|gonna|threatened|threatening|says he will|says she will|said he would|said she would) (?:to )?(?:kill|hurt|stab|beat|attack) me\b",
        r"\b(?:has|got|with) a (?:knife|gun|weapon)\b",
        r"\b(?:threatening|threatened|threatens|stalking|stalks|harassing) me\b", r"\bcan not breathe\b",
        r"\b(?:man|men|someone|somebody|person|people|guy|gang) (?:is |are )?(?:outside|at) my (?:house|door|flat|room|window)\b",
        r"\bneed help right now\b", r"\bhelp me(?: please)? (?:i am|im) (?:scared|frightened|terrified)\b",
        r"\b(?:he|she|they|someone|somebody|people|he is|she is|they are) (?:will|is going to|are going to|going to|might|could|wants to|want to) (?:hurt|kill|hit|beat|stab|attack|get) me\b",
        r"\b(?:scared|afraid|terrified|frightened) (?:of (?:him|her|them|my)|to go home)\b",
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


COMPILED = {topic: re.compile("|".join(f"(?:{p})" for p in patterns)) for topic, patterns in PHRASES.items()}
