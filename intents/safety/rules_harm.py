"""Crisis rules for harm by others at home or in a relationship, and for a friend in danger.

From the signs the NSPCC, Childline, the Forced Marriage Unit, the NHS (FGM)
and domestic abuse charities describe: being hit, hurt or touched; secrets
and "no one will believe you"; being kept without food or locked in; a
partner who controls, checks and isolates; being taken abroad to marry or to
be cut; threats to family honour; and a friend who has told you something.
"""

from __future__ import annotations

# Someone hurting me, but not "hit me up" or "pushes me to do my best".
_NOT_IDIOM = r"(?! (?:up|at|in (?:a|the) (?:game|race)|round|around|to come|to go|along|out to|to do|to try|to work|to be|to get|to train|with a (?:ball|pillow|snowball|cushion|joke)|back in a game|in the game|in fortnite|at football))"

ABUSE = [
    r"{PERP} _ {HARM_V} (?:me|my (?:face|head|back|arm|arms|legs|body|stomach|ribs))" + _NOT_IDIOM,
    r"{HARM_V} me(?: again| every day| all the time| when| if| for| with| so hard| until| and)" + _NOT_IDIOM,
    r"(?:i am|im|i get|i got|getting|been|being|get) (?:hit|beaten|beat|hurt|abused|slapped|punched|kicked|battered|strangled|choked|smacked|belted|whipped|touched|raped|molested|thrown|pushed|locked (?:in|out)|starved) _ (?:by|at home|every|when|if|again|all the time|for)(?! (?:the ball|a ball|playing|football|rugby|pe|accident))",
    r"(?:sexually |physically |emotionally )?abus(?:ed|ing|ive) (?:me|my|at home|by|towards me)", r"(?:being|been|was|were|am|im|i am|get|getting) (?:sexually |physically |emotionally )?abused",
    r"(?:abusive|violent) (?:dad|mum|father|mother|step dad|stepdad|carer|carers|foster carer|foster carers|family|home|parents|uncle|brother)",
    r"sexual(?:ly)? assault(?:ed)? me", r"(?:was|been|got|i was|i got) (?:sexually assaulted|raped|molested)", r"raped me", r"rape me", r"molest",
    r"{TOUCH_V} (?:me|my) _ (?:down there|private|privates|private parts|where|inappropriately|under my|bum|chest|boobs|body|in my sleep|at night|when (?:no one|nobody|mum|they))",
    r"{TOUCH_V} me (?:and|when|in|at|while|where) _ (?:i did not|i didnt|dont|do not|didnt|did not|uncomfortable|scared|secret|want)",
    r"(?:comes|came|keeps coming|sneaks|snuck|creeps|come) _ (?:in|into) my (?:room|bed|bedroom)(?: at night| when| and| while| after)?",
    r"(?:he|she|they|says|said) _ (?:our|its) (?:little |special )?secret",
    r"(?:no one|nobody|noone) (?:will|would|is going to|gonna) believe me",
    r"(?:made|makes|forced|forces|forcing|pressured|pressures|pressuring|making) me _ (?:touch|watch|have sex|do sexual|do things|do stuff|take (?:my|off my) clothes|undress|get naked|kiss him|kiss her|sleep with)",
    r"(?:forced|forces|forcing|force|made|makes) (?:me )?(?:to have sex|into sex|to do sexual|to sleep with)",
    r"(?:bruise|bruises|marks|black eye|burns|cuts|welts|scars) _ (?:from|because of|where|that) _ (?:he|she|they|him|her|them|dad|mum|carer|step dad|foster)",
    r"(?:bruises|marks|black eye) _ (?:hide|hiding|cover|covering|make up|long sleeves) _ (?:he|she|they|dad|mum|carer|school|teacher|social worker)",
    # neglect
    r"(?:no|not any|never any|never enough|not enough|hardly any) food _ (?:in|at) (?:the house|home|my house|the flat|placement)",
    r"(?:not allowed|never allowed|wont let me|will not let me|dont let me|do not let me|doesnt let me|does not let me|not let me) _ (?:eat|food|have food|shower|wash|out of my room|leave my room|see anyone|talk to anyone|go to school|use the toilet|sleep)(?! (?:in (?:my|the) (?:room|bedroom|lounge|car)|after|before|upstairs|on the sofa|past|till|until|at night))",
    r"(?:lock|locks|locked|padlock|padlocks|padlocked) _ (?:the fridge|the food|the cupboards|me in|me out|me in my room)",
    r"(?:left|leave|leaves) (?:me|us|my (?:little )?(?:brother|sister)) _ (?:alone|on my own|on our own|by myself|home alone) _ (?:for days|all weekend|overnight|at night|for a week|every night|with no food)",
    r"(?:go|going|went|sent) to bed hungry", r"(?:havent|have not|not) eaten _ because (?:they|he|she|mum|dad|my carer|my foster)",
    r"(?:mum|dad|carer|carers|parents|they) _ (?:drunk|high|off (?:her|his|their) face|passed out) _ (?:again|every|all the time|and|no food|cant|can not)",
    # emotional abuse
    r"{PERP} _ (?:calls|call|called|calling) me _ (?:worthless|useless|stupid|fat|ugly|a waste|disgusting|a mistake|a slag|a whore|evil|nothing|a burden|a freak)",
    r"{PERP} _ (?:says|said|tells me|told me|keeps saying) _ (?:wish i was never born|wishes i was dead|i should die|i should kill myself|no one wants me|i am worthless|im worthless|they will send me away|i deserve it)",
    r"{PERP} _ (?:screams|shouts|yells|swears) at me _ (?:every day|all the time|constantly|for nothing|and (?:hits|throws|scares))",
    r"(?:scared|afraid|terrified|frightened) (?:of|to go home|to go back|of going home|of going back) _ (?:my (?:dad|mum|step dad|foster carer|carer|uncle|brother)|him|her|them|home|because)",
    r"(?:cover|covering|hide|hiding) (?:up )?(?:my |the )?(?:bruises|bruise|marks|black eye) (?:with|before|so|again|under)",
    r"(?:made|makes|make|making) me sleep (?:out|outside|on the floor|in the shed|on the balcony|in the garden|in the cold|in the car)",
    r"(?:puts|put|putting|throws|threw) me in _ (?:hot|cold|freezing|boiling) (?:bath|water|shower)", r"runs the bath (?:really |too )?(?:hot|cold) _ puts me in",
    r"(?:act|pretend) (?:happy|fine|ok|okay) when _ (?:social|social worker|comes|visits|sw) _ (?:or i get it|or else|or he|or she|or they)",
    r"(?:in trouble|get in trouble) for (?:hitting|smacking|hurting) _ (?:asking for me|for me|asking for myself|asking for a friend)",
    r"(?:films|filming|filmed|records|recording|recorded|photographs|takes photos of) me _ (?:in the bath|in the shower|changing|undressing|naked|in my room|sleeping|getting dressed)",
    r"(?:jump|flinch) (?:every time|whenever|when) _ (?:door|he comes|she comes|hes back|he is back|comes home|comes in)",
]

DOMESTIC_ABUSE = [
    r"{PARTNER} _ {HARM_V} me" + _NOT_IDIOM,
    r"{PARTNER} _ (?:checks|checking|goes through|went through|reads|tracks|tracking|monitors|controls|controlling|takes) _ (?:my phone|my messages|my location|where i am|my money|my bank|my card|my benefits|my uc|everything)",
    r"{PARTNER} _ (?:wont let me|will not let me|doesnt let me|does not let me|stops me|stopped me|not allowed) _ (?:see|go out|talk|work|leave|have friends|see my friends|see my family|wear|go to)",
    r"{PARTNER} _ (?:threatens|threatened|says he will|says she will|said he would|said she would) _ (?:kill|hurt|leave|take the baby|take my baby|kill himself|kill herself|post|share)",
    r"{PARTNER} _ (?:strangled|choked|chokes|strangles|grabbed my neck|put his hands round my neck|pinned me)",
    r"(?:controlling|abusive|violent) (?:relationship|boyfriend|girlfriend|partner|ex|husband)",
    r"(?:mum|mam|mom|my mum|my mam)s? (?:boyfriend|partner|husband) _ {HARM_V} (?:her|my mum|my mam|mum|us)",
    r"(?:dad|step dad|stepdad|he|my dad|her boyfriend|mums boyfriend) _ {HARM_V} (?:my mum|mum|my mam|her|my nan)",
    r"(?:shouting|screaming|fighting|smashing|throwing things|banging) _ (?:at home|downstairs|in the house|next door) _ (?:scared|hiding|hide|frightened|terrified|cant sleep|again)",
    r"domestic (?:abuse|violence)", r"(?:coercive|coercion) (?:control|controlling)",
    r"(?:scared|afraid|terrified) (?:of|to leave) (?:my )?{PARTNER}",
]

FORCED_MARRIAGE = [
    # FGM said the way it is told to a girl (NSPCC, the FGM helpline): cut "there", "like mum was".
    r"(?:get|getting|be|being) cut (?:down there|there) _ (?:like|when|at|my age|visit|holiday|trip|family|summer)",
    r"(?:get|getting|be|being) cut _ like (?:she|mum|my mum|my sister|my aunt|my auntie|my cousin|my nan) (?:did|was|had)",
    r"(?:forced|forcing|force|make|making|made|want|wants|pressure|pressuring|pressured|arrange|arranging|arranged) _ (?:me )?_ (?:to )?(?:marry|get married|marriage|wed|be engaged|get engaged)(?! (?:is|in|essay|lesson|homework|film))",
    r"(?:taking|take|taken|sending|send|sent|send me|taking me) _ (?:abroad|back home|to pakistan|to bangladesh|to india|to somalia|to sudan|to eritrea|to nigeria|to egypt|to yemen|to afghanistan|to iraq|to (?:my|our|their) (?:country|village|home country)|on holiday|for the summer) _ (?:marry|married|marriage|wedding|husband|wife|cut|cutting|ceremony|never come back|not come back|engaged)",
    r"(?:married|marry|engaged) _ (?:to )?(?:my cousin|a man|an older man|someone i do not know|someone i dont know|a stranger) _ (?:dont want|do not want|scared|against my will|family|they|said)",
    r"(?:circumcis\w*|fgm|special procedure|be cut|get cut|getting cut|being cut|sunna|cut down there|cut me down there) _ (?:me|my|down there|girls|ceremony|when we go|this summer|on holiday|in the summer|aunt|grandma|family|happen|going|want|wants|said|before)",
    r"(?:want|wants|going|planning|gonna|plan) _ (?:to )?(?:cut|circumcise) me _ (?:down there|holiday|summer|abroad|tradition|become a woman|ceremony|clean)",
    r"(?:aunt|auntie|grandma|nan|family|mum|they) _ (?:want|wants|going) _ (?:to )?(?:cut|do fgm|circumcise) (?:me|my)",
    r"(?:honour|izzat|shame|shamed|dishonour|dishonoured) _ (?:family|kill|hurt|punish|beat|send me|marry|they will)",
    r"(?:family|brother|brothers|dad|uncle|uncles|cousins|they) _ (?:will|would|gonna|going to|said they would|say they will|threatened to) _ (?:kill|hurt|beat|disown|send me away|marry me off) (?:me|us)? _ (?:if|because|when|for) _ (?:boyfriend|girlfriend|gay|lesbian|bi|find out|finds out|found out|know|knows|dating|wearing|saw me)",
    r"forced marriage (?:is happening|to me|for me|next|this summer|they)", r"(?:im|i am|being|going to be) (?:forced|made) (?:into|to) (?:marriage|marry)",
]

# A friend in danger: who, then what is happening to them.
_THEIR_HARM = (
    r"(?:kill (?:herself|himself|themself|themselves)|killing (?:herself|himself|themselves)|suicid\w*|kms|end it|end (?:her|his|their) life|"
    r"want(?:s|ed)? to die|wanna die|dont want to live|do not want to live|(?:hurt|hurting|harm|harming|cut|cutting|cuts|burn|burning) (?:herself|himself|themself|themselves)|"
    r"self harm\w*|overdos\w*|took (?:loads|too many|a lot|all|a load|a packet|a box|pills|tablets)|(?:took|taken) (?:some |her |his )?(?:pills|tablets)|will not wake up|wont wake up|"
    r"(?:is|being|been|was|got|getting|gets|get) (?:groomed|abused|hit|beaten|beat up|exploited|raped|touched|hurt|threatened|trafficked|spiked|stabbed|kicked out|thrown out|blackmailed|sextorted|battered)|"
    r"(?:ran|run|running|gone) (?:away|missing|off)|missing|not come home|not been home|hasnt come back|has not come back|has not been home|hasnt been home|"
    r"(?:hits|beats|touches|hurts|abuses|kicks|punches|chokes|slaps|rapes) (?:her|him|them)|not eating|stopped eating|making (?:herself|himself) sick|"
    r"county lines|selling drugs|dealing|carrying (?:drugs|a knife|a blade)|nudes|sending pics|older (?:man|guy|boyfriend)|"
    r"being forced to marry|forced (?:to|into) marr\w*|be cut|(?:carries|carrying) a knife|owes|in danger|not safe|unsafe|said goodbye|"
    r"goodbye message|sleeping rough|homeless|nowhere to (?:sleep|stay|go)|joined (?:a|this|some) group)"
)

FRIEND = [
    r"{OTHER} __ " + _THEIR_HARM,
    r"{OTHER} _ (?:says|said|told me|keeps saying|texted|messaged|posted|is|has been|was|wants|wanted|tried|took|keeps|has|had|might|will|could|thinks|thought|been|s|getting|gets) __ " + _THEIR_HARM,
    r"{OTHER} _ (?:dad|mum|step dad|stepdad|boyfriend|carer|carers|foster carer|uncle|brother|parents) _ (?:hits|beats|hurts|touches|abuses|kicks|punches|chokes|slaps) (?:her|him|them)",
    r"(?:worried|scared|frightened|terrified|concerned) (?:about|for) {OTHER} __ " + _THEIR_HARM,
    r"(?:she|he|they) _ (?:said|says|told me|texted|messaged) _ (?:she|he|they) (?:wants|want|is going|are going|is gonna|is) _ (?:to )?(?:die|kill (?:herself|himself|themselves)|end it|end (?:her|his|their) life|hurt (?:herself|himself)|run away)",
    r"(?:she|he) _ (?:is|has been|keeps) (?:cutting|hurting|harming) (?:herself|himself)",
]

RULES: dict[str, list[str]] = {
    "abuse": ABUSE,
    "domestic_abuse": DOMESTIC_ABUSE,
    "forced_marriage": FORCED_MARRIAGE,
    "friend": FRIEND,
}
