"""Crisis rules for danger now, threats of violence, going missing and having nowhere to stay.

From Childline on feeling unsafe, Missing People and the Runaway Helpline,
Shelter on emergency housing, and the government's knife crime guidance:
someone at the door or following; hurt or bleeding now; trapped; threats to
stab or "get" someone; carrying a blade "for protection"; running away and
not going back; sleeping in a car, a stairwell or a stranger's flat.
"""

from __future__ import annotations

DANGER = [
    r"(?:i am|i feel|feel|feeling|im|i) (?:not |un|never )safe(?! (?:to|for|with my data|space|word|place to talk|to talk))",
    r"(?:i do not|do not|dont|i dont|i never|never|i can not|cant|i cant) (?:feel|felt|feeling) safe(?! (?:to|for|with my data|space|word|place to talk|to talk))",
    r"(?:unsafe|(?<!not )(?<!never )(?<!no longer )in danger|not safe)(?! (?:of (?:failing|losing|being late|missing|getting|not))| space| word| sex)",
    r"(?:dangerous|not safe|unsafe) (?:at|where|in) (?:home|i live|my (?:house|flat|placement|home|room))",
    r"(?:call|ring|phone|get|need|want|calling|ringing) (?:the |an? )?(?:police|ambulance|999|cops|feds)(?! (?:if|when|for a|about a|on a))",
    r"(?:scared|afraid|terrified|fearing|fear) (?:for )?my (?:life|safety)",
    r"(?:is|are|keeps?|been|was|has been|have been|keep) (?:following|followed|watching|stalking|waiting for) me",
    r"(?:someone|somebody|a man|a guy|men|people|they|he|she|a car|a van|two guys|some guys|a gang|the guy|the man) _ (?:following|followed|follows) me",
    r"(?:someone|somebody|a man|a guy|men|people|they|he|she|his mates|her mates|the guy|the man|my ex|the gang) _ (?:trying to get in|tryna get in|try to get in|banging on|banging at|kicking|knocking on|bashing|at|outside|breaking|smashing) _ (?:my |the )?(?:door|window|windows|flat|house|room|front door|back door|bedroom door|gate)",
    r"(?:he|she|they|someone|somebody|the man|my ex) (?:is|are) (?:here|outside|coming|on (?:his|her|their) way|back|downstairs|in the house|at the door)(?! (?:to (?:fix|see|help|visit|collect|pick)|for (?:tea|dinner|my review)))",
    r"(?:help|please help|help me|pls help|plz help|someone help) _ (?:he|she|they|someone|somebody) (?:is|are|s) (?:here|coming|outside|back|hurting|hitting|going to|gonna|trying|in)",
    r"(?:hiding|hid|hide|locked myself) (?:in|under) _ (?:from|because|cos|so) (?:he|she|they|him|her|them|my)",
    r"(?:hiding|hid|hide) from (?:him|her|them|my (?:dad|mum|step dad|ex|boyfriend|partner|carer|foster))",
    r"(?:blood everywhere|wont stop bleeding|will not stop bleeding|cant stop (?:the )?bleeding|can not stop (?:the )?bleeding|lost a lot of blood|losing (?:a lot of )?blood|bleeding (?:a lot|badly|loads|everywhere|heavily|out|bad))",
    r"(?:he|she|they|someone|somebody|a man|a guy|the man|my ex|his mate|the gang) (?:has|got|pulled|pulling|holding|is holding|waving|came at me with|came with|brought|had) (?:a |an |his |her )?{WEAPON}",
    r"(?:trapped in (?:a|the|his|her|their|my) (?:room|house|flat|car|van|cupboard|basement|shed)|cant get out|can not get out|locked me in|wont let me (?:leave|out|go)|will not let me (?:leave|out|go)|not letting me (?:leave|out|go))",
    r"(?:hurt|hurting|injured|bleeding) (?:now|right now|badly|bad|really bad|and alone|and cant move)",
    r"(?:need|needs|want) (?:help|someone) (?:right now|now|asap|urgently|quick|quickly|fast)(?! (?:with|for|on|about|filling|doing|to fill|to do|to sort))",
    r"(?:help me|help|helpp|please help|pls help|someone help|sos) (?:please )?(?:i am|im|i feel|i m) (?:scared|frightened|terrified|in danger|not safe|hurt|trapped|hiding|bleeding)",
    r"(?:scared|afraid|terrified|frightened) (?:he|she|they|someone) (?:will|is going to|gonna|might) (?:hurt|kill|hit|beat|stab|attack|get|find|come for) me",
    r"(?:cant|can not|could not) breathe(?! (?:in|when|at|through))", r"(?:got|been|was|were|being|just got) (?:jumped|mugged|stabbed|shot|attacked|beaten up|assaulted|kidnapped|battered|robbed)",
    r"(?:kidnap|kidnapped|abducted) _ (?:and|somewhere|to|in a car|in a van|against my will)",
    r"(?:in (?:a|the|his|their) (?:car|van)) _ (?:wont let me out|will not let me out|dont know where|do not know where|scared|taking me)",
    r"(?:dont|do not) know where i am _ (?:scared|help|phone|dying|they|he|taken|car)",
    r"sos",
    r"^(?:pls|please|plz) (?:hurry|help quick|help fast|help now|come quick|come now|call someone|call the police)",
    r"(?:he is|she is|they are|someone is|somebody is|hes|shes|theyre) (?:inside|in the house|in my room|in my flat|chasing me|strangling|choking|hitting (?:mum|my mum|her|him))",
    r"hiding in (?:the|my) (?:wardrobe|cupboard|loft|shed|garage|attic)",
    r"restraining order _ (?:outside|here|at my|turned up|is back|came)",
    r"(?:turning|turned|turns|keeps turning) up at my (?:work|flat|house|door|school|college|placement) _ (?:inside|in my|again|scared|wont leave|will not leave)",
    r"(?:text|message) (?:the )?(?:police|999) _ (?:can not talk|cant talk|cannot talk|he will hear|she will hear|they will hear)",
]

VIOLENCE = [
    r"(?:going to|gonna|will|want to|wanna|plan to|planning to|thinking of|thinking about|about to|ready to|i will|ima|finna) _ (?:stab|shoot|kill|knife|shank|slash|hurt|beat up|batter|attack|smash|jump|merk|murk|wet|bang|burn|poke) _ (?:him|her|them|someone|somebody|my|that|this|the|a|people|everyone|his|her|their|he|she)(?! (?:game|boss|level|exam|test|homework|round|match|mission|quiz))",
    r"(?:carry|carrying|carried|bring|brought|bringing|got|have|keep|keeping|kept|take|taking|took|pack|packing|bought|buy|buying) _ (?:a |my |the )?(?:knife|blade|shank|machete|weapon|nank|zombie knife|gun|strap|burner|ting|knuckle duster) _ (?:for protection|to protect|just in case|for safety|in case|on me|with me|to school|to college|out|in my bag|in my pocket|in my coat|because|cos|everywhere|when i go out|to use|for them|for him|for the opps|for the)",
    r"(?:threatened|threatening|threatens|threaten|said|says|saying|told me|keeps saying|going to|gonna|will|wants to|want to|swear) _ (?:to )?(?:stab|kill|hurt|beat|jump|shoot|batter|knife|shank|slash|burn|smash) (?:me|my|us|my family|my mum|my brother|my sister|my house)(?! (?:up|a favour|a solid))",
    r"(?:gang|opps|they|them|he|she|people|the olders|some guys|these boys|his boys) _ (?:after me|looking for me|coming for me|want me dead|wants me dead|put a price on|know where i live|out for me|gunning for me)",
    r"(?:death threats?|threats? to kill|threatening to kill|threatened to kill|threatening messages|threats? to stab)",
    r"(?:hurt|kill|stab|attack|shoot) (?:someone|somebody|people|him|her|them) (?:badly|bad|for real|real|if|when|tonight|tomorrow|at school)",
    r"(?:scared|afraid|terrified|fear) _ (?:i will|i might|im going to|i am going to|ill) (?:hurt|kill|stab|attack|hit) (?:someone|somebody|him|her|them|my)",
    r"(?:will|would|going to|gonna) (?:get|be) (?:stabbed|shot|jumped|killed|beaten|battered|merked|wet) (?:if|when|tonight|tomorrow|at|by)",
    r"(?:jumped|stabbed|shot|attacked|beaten up|battered|slashed|mugged) (?:me|my (?:brother|mate|friend|cousin))",
    r"(?:revenge|get them back|get him back|payback|ride on) _ (?:stab|knife|shank|weapon|kill|hurt|batter|get|tonight|them|him)",
]

MISSING = [
    r"(?:i|im|i am|i have|ive|i just|i will|ill|i want to|i wanna|i am going to|i am gonna|going to|gonna|thinking of|thinking about|planning to|about to|decided to|want to|wanna) _ (?:ran|run|running|runaway) (?:away|off)(?! (?:from (?:a|the) (?:dog|spider|bee|wasp|ball|goose|geese|cow|my responsibilities)|with the ball|with my heart|with it|to (?:australia|join)|and join))",
    r"(?:not|never|am not|im not|i am not|will not|wont|aint) (?:going|coming|gonna go|gonna come|go) (?:back|home) _ (?:tonight|ever|again|to (?:the|my) (?:placement|home|foster|house|unit|carers|hostel)|there|anymore|any more)",
    r"(?:nobody|no one|noone|no1) (?:knows|knew) where i (?:am|was|be)",
    # Leaving a foster home "in april", "at 18" or "to move into a flat" is moving on, not running away.
    r"(?:left|walked out of|ran from|ran out of|run from|escaped|got out of|snuck out of|sneaked out of|climbed out of) _ (?:my|the) (?:placement|home|childrens home|foster home|foster|house|carers|unit|flat|hostel|window)"
    r"(?!(?: home| placement| carers)? (?:in (?:the )?(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|\d{4})|"
    r"at (?:16|17|18|19|20|21)|when i (?:turned|was)|after my (?:16th|17th|18th|birthday)|last year|years ago|a few (?:months|years) ago|"
    r"and moved (?:in|into|to)|to (?:move|live) (?:in|into|to|with)|for (?:uni|university|college|my own (?:flat|place))))",
    r"(?:staying|sleeping|stayed|slept|stay|sleep|crashing|crashed) _ (?:at|in|with) _ (?:someone|a guy|a guys|a man|a mans|a stranger|strangers|some guy|some man|people i (?:met|dont know|do not know|just met)|an older|older|his|a girl i met|someone i met)(?:s)? _ (?:house|flat|place|car|tonight|online|last night|i met)?",
    r"(?:dont|do not|dont you|never|please dont|please do not) tell (?:anyone|anybody|them|my (?:sw|social worker|carers|carer|foster|staff|pa|mum)|the (?:staff|police|home)) where i (?:am|went|was|be)",
    r"(?:i|im|i am|i have|ive|i was|i been|i will|ill|i might|i could|me) _ (?:gone|been|went|go|going|am|is) missing(?! in action| (?:my|her|his|lessons|school|class|college|the))",
    r"(?:reported|report) me missing",
    r"(?:police|they|staff|carers) _ (?:looking for me|reported me missing|think im missing|think i am missing|searching for me)",
    r"(?:not|never) (?:been|gone) (?:back|home) (?:for|since|in) (?:days|a week|\d+ days|two days|three days|the weekend|ages|monday)",
    r"(?:hitch|hitched|hitching|got in a car with|picked me up in a car|picked up by) _ (?:stranger|strangers|a guy|a man|some guy|older|someone i dont know|someone i do not know|people i dont know)",
    r"(?:phone|my phone) _ (?:off|switched off|dying|dead|turned off) _ (?:so they cant|so they can not|so no one|so nobody|so staff|so they wont|so they will not) _ (?:find|track|call|ring)",
]

HOMELESS = [
    r"(?:sleep|sleeping|kip|kipping|stay|staying|spend the night) (?:in|at) (?:a |the )?(?:24 ?hr|24 ?hour|twenty four hour|all night|open all night) \w+",
    r"(?:got|have|with|there is|theres) no (?:other )?(?:option|choice|options|where) _ tonight",
    r"homeless(?! (?:prevention|duty|team|services?|charity|charities|people|person|shelter|man|woman|guy|lady|in the|on the))",
    r"(?:nowhere|no where|nowhere else|no place|not got anywhere|havent got anywhere|have not got anywhere|dont have anywhere|do not have anywhere|aint got nowhere|got nowhere|have nowhere|no where else|nowhere safe|nowhere left) _ {TO} (?:sleep|stay|go|live|be|crash|kip)",
    r"(?:kicked|thrown|chucked|put|told to get|told me to get|booted|threw|kicking|throwing|chucking) (?:me )?out(?: of (?:home|the house|my house|the flat|my flat|my placement|the placement|my room|my mums|my dads|my carers|my foster|my foster home|supported lodgings|my lodgings|the hostel|my hostel|my nans|my aunts|my mates))?(?: (?:tonight|today|last night|this morning|this evening|now|again|and|because|cos|for|with|by|at \d+|in the rain|in the cold)|$)",
    r"(?:mum|mam|dad|carer|carers|he|she|they|foster \w+|landlord|nan|aunt|uncle|step dad|stepdad|parents|family|staff|boyfriend|girlfriend|partner) _ (?:kicked|threw|chucked|thrown|booted|put) me out(?! of (?:the game|the lobby|the group|the chat|the car at school))",
    r"(?:sleep|sleeping|slept|sleep in|stay|staying|stayed|spend the night|spent the night|kipping|kip) _ (?:rough|on the streets?|outside|on a bench|in a park|in (?:a|my|the|his|her|someones|a mates) (?:car|tent|park|station|doorway|stairwell|bus station|train station|bus shelter|garage|shed|alley|alleyway|playground|van|bin shed|underpass|stair well|hallway|corridor|laundrette|mcdonalds|hospital waiting room|a and e)|on (?:a|the|my mates|his|her|someones) (?:floor|sofa|couch|settee|bench|street|streets|stairs))",
    r"(?:on the streets? (?:tonight|now|again|for|since)|(?:i am|im|been|i have been|ive been) sofa surf\w*|sofa surfing (?:tonight|again|for|since)|couch surf\w* (?:tonight|again|for|since))",
    r"no (?:bed|roof|home|house|place|room|where) (?:tonight|for tonight|to go tonight|to stay tonight)",
    r"(?:evicted|eviction|locked out|lockout|chucked out|kicked out) _ (?:today|tonight|now|this morning|this evening|yesterday|just now|right now|of my flat|from my flat|of my room)",
    r"(?:have to|got to|gotta|must|need to|told to|told me to) (?:leave|get out|move out|be out) (?:tonight|today|now|right now|by tonight|by tomorrow|this evening|immediately)",
    r"(?:got|been|being|was|am|i am|im|getting) evicted", r"(?:evicting|evict) me",
    r"(?:locked out of|cant get into|can not get into|lost the keys to|lost my keys to) (?:my )?(?:flat|house|place|room|home|hostel) _ (?:tonight|night|nowhere|cold|late|closed|no one|nobody|help)?",
    r"(?:living|sleeping|staying) in (?:a|my) (?:tent|car|van|park|shed|garage)",
    r"(?:strangers?|someones|some guys|a mans|random) (?:house|flat|place|sofa|floor) (?:tonight|again|last night)",
    r"(?:where (?:do|can|will|should) i|where am i gonna|where am i going to) (?:sleep|stay|go) (?:tonight|now|tonite)",
    r"(?:no money|no where|nowhere) _ (?:and|for) _ (?:a room|a bed|a hostel|somewhere to stay) tonight",
]

RULES: dict[str, list[str]] = {
    "danger": DANGER,
    "violence": VIOLENCE,
    "missing": MISSING,
    "homeless": HOMELESS,
}
