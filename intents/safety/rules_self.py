"""Crisis rules for harm to oneself: suicide, self-harm, overdose, eating disorders.

Written from the warning signs that Samaritans, PAPYRUS, Childline and Beat
describe: wanting to die said directly or passively, plans and means,
goodbyes and giving things away, hopelessness and being a burden, hurting
oneself, taking too much, and not eating or making oneself sick.
"""

from __future__ import annotations

SUICIDE = [
    r"{WANT} _ {TO}? ?{DIE}",
    r"{WANT} _ (?:be dead|was dead|were dead|dead already|not here|gone forever|never born|never been born|not born)",
    r"wish _ i (?:was|were|had) (?:dead|never been born|not born|gone|not here|never existed)",
    r"{NEG} _ (?:want|wanna|wish|see the point|see a reason|see a way) _ {TO} {LIVE}(?! (?:here|there|with|in|at|near|on|by|alone|at home|in this|in that))",
    r"{NEG} _ (?:want|wanna) _ {TO} (?:be here|exist|be alive|wake up|live anymore|live any more|be around)(?! (?:with|in|at))",
    r"{NEG} (?:want|wanna) _ (?:life|living|this life|existing) _ (?:anymore|any more|no more)",
    r"no (?:point|reason|purpose) _ (?:in |to |of )?(?:{LIVE}|life|anything|anymore|any more|being here|being alive|carrying on|going on|trying|me being here)",
    r"(?:what is the|whats the) point (?:in |of )?(?:living|life|being alive|me|anything|carrying on|going on|even trying)",
    r"better off (?:dead|without me|if i was(?:nt)? (?:gone|dead|here|around)|if i (?:was|were) gone|if i died|if i wasnt here|if i was not here)",
    r"(?:everyone|everybody|they|world|family|people) (?:would be|will be|is|are|d be) (?:better|happier|fine) _ (?:without me|if i (?:was|were|am) gone|if i died|when i am gone|once i am gone)",
    r"(?:nobody|no one|noone|no1) _ (?:miss|notice|care|cry|come to my funeral) _ (?:if|when) i (?:was|were|am|died|die|go|disappear|left|killed)",
    r"(?:nobody|no one|no1) would (?:even )?(?:miss|notice|care about) me",
    r"(?:can not|cant|could not) _ (?:go on|do this|take (?:it|this|any more|anymore)|cope|carry on|keep going|handle (?:it|this|life)|live like this|be here) _ (?:anymore|any more|no more|much longer|like this)",
    r"(?:can not|cant) (?:keep going|go on|carry on|do life|do this life)(?! (?:holiday|a trip|the|a|an|my|with|to|at|on|in|without|until))",
    r"(?:give|giving|given|gave) up on (?:life|living|everything|myself|it all|me|being alive)",
    r"(?:done|finished|over) with (?:life|living|everything|it all|this world|being alive|existing)",
    r"nothing (?:left )?{TO} live {FOR}", r"no (?:way out|future for me|hope left|hope for me)",
    r"(?:want|wish|wanna) (?:it all|my life|everything|it|this|the pain|the world) {TO} (?:end|stop|be over)(?! (?:early|soon|at))",
    r"(?:sleep|go to sleep|fall asleep|close my eyes) (?:forever|and never wake up|and not wake up|and never open them)",
    r"(?:suicidal|suicide note|suicide plan|suicide attempt|tried suicide|attempted suicide|attempt suicide|thoughts of suicide|suicidal thoughts|commit suicide|commiting suicide|committing suicide|kill myself|killing myself|kms|unalive myself|take my (?:own )?life|end my life|ending my life|end it all)",
    r"(?:thinking|think|thought|thoughts|dreaming|dream) (?:about|of) (?:dying|death|suicide|killing myself|ending it|ending it all|ending things|ending everything|ending my life|ending myself|not being here|not waking up|being dead|my funeral|how to die)",
    # plans and means
    r"(?:how|best way|quickest way|easiest way|painless way) {TO} (?:die|kill myself|end it|end my life|overdose|hang|od)",
    r"how many {PILLS} _ (?:kill|to die|would it take|does it take|to overdose|to od|is lethal|is fatal)",
    r"(?:saving|saved|saving up|collecting|collected|hoarding|stockpiling|stockpiled) _ {PILLS} _ (?:for|to|ready|until|just in case|so i can|take them all|for when|for tonight|for the end)",
    r"{PILLS} _ (?:ready|lined up|in front of me|saved up|counted out|hidden)",
    r"(?:rope|noose|ligature) _ (?:ready|tied|bought|in my|up|round|around|for me|hanging)",
    r"(?:tied|bought|got) (?:a )?(?:rope|noose|ligature)",
    r"(?:jump|jumping|step|stepping|walk|walking|throw myself|lie down) (?:off|in front of|onto|under) (?:a |the |this )?(?:bridge|train|bus|lorry|car|building|roof|cliff|multi storey|car park|tracks|railway|motorway|traffic)",
    r"(?:standing|stood|sitting|sat|am|i am) (?:on|at) (?:the |a )?(?:edge|bridge|roof|cliff|train tracks|railway|platform edge) _ (?:jump|end|done|goodbye|cant|can not|want|ready)",
    r"(?:on|at|near) (?:the |a )?(?:bridge|train tracks|railway tracks|cliff edge|roof edge) _ (?:jump|end it|goodbye|want to|ready)",
    r"hang (?:myself|my self)", r"drown (?:myself|my self)",
    # goodbyes
    r"(?:this is|these are|its|it is) my (?:last|final) (?:message|text|goodbye|night|day|words|post)",
    r"(?:goodbye|bye|goodnight) (?:forever|everyone|world|all|for good|for the last time)",
    r"(?:final|last) goodbye", r"(?:wrote|writing|written|left|leaving|finished) _ (?:suicide |goodbye |a last |my last )?(?:note|letter) _ (?:for|to) _ (?:find|my|everyone|when|after)",
    r"(?:wrote|written|writing|left) (?:a |my )?(?:suicide|goodbye) (?:note|letter)",
    r"(?:will not|wont|not going to|not gonna) (?:be (?:here|around)|see (?:you|anyone|tomorrow)|wake up) _ (?:much longer|tomorrow|by (?:tomorrow|morning|friday|the weekend|next week)|for long|anymore|any more|after tonight)",
    r"(?:giving|gave|give) (?:away )?(?:all )?my (?:stuff|things|belongings|clothes|stuff away|things away)(?: away)? _ (?:because|as|since|wont need|will not need|not need|dont need|do not need|goodbye)",
    r"(?:wont|will not|dont|do not) need (?:it|them|my stuff|anything) (?:anymore|any more|where i am going|soon|after tonight)",
    r"tell (?:my|them|everyone|her|him|mum|nan) _ (?:i love (?:them|her|him|you)|im sorry|i am sorry) _ (?:when i am gone|after|goodbye|for me|one last time|when i go)",
    r"(?:sorry for everything|sorry for being a burden|i am a burden|i am such a burden|im a burden|burden to everyone|burden on everyone)",
    r"(?:by the time you read this|when you read this i|if you are reading this i)",
    r"(?:final|big|eternal|permanent) sleep", r"permanent solution", r"(?:i want|want) out of (?:life|this life|this world)",
    r"{WANT} _ (?:disappear|vanish) (?:forever|for good|and never come back|permanently)",
    r"(?:wish|wishing|pray|praying) _ (?:i would|id|i could|i can|to|i) (?:die|not wake up|never wake up|get hit by a (?:car|bus|train)|just disappear|be gone)",
    r"hope _ (?:i|to) (?:die|do not wake up|never wake up|dont wake up|get hit by)",
    r"(?:wish|hope) (?:a|the) (?:car|bus|train|lorry) (?:would |will )?(?:hit|kill) me",
    r"(?:tonight|today|this weekend|on my birthday|on friday|tomorrow) _ (?:is|will be) (?:the night|the day|my last|the end)",
    r"(?:end|ending) (?:it|things|everything|my life|myself) _ (?:tonight|today|soon|this week|tomorrow|now|for good)",
    r"(?:my )?(?:funeral|will) _ (?:planned|sorted|written|ready|i want)",
    r"{NEG} _ (?:scared|afraid) _ {TO} (?:die|of dying|of death) (?:anymore|any more|now)",
    r"(?:life|my life|living) (?:is not|isnt|aint|is) (?:worth|worthless|pointless|meaningless|not worth) _ (?:living|it|anything|anymore)?",
    r"(?:i )?(?:hate|hating) (?:being alive|my life so much|life so much|existing|that i exist|that i am alive)",
]

SELF_HARM = [
    # Before the bare words below: an alternation takes the first branch that fits, and "self harm
    # again" must be read as telling, not as naming a topic.
    r"(?:self harm|self harmed|self harming|cutting|harming) (?:again|tonight|today|right now|last night|so bad|so much)",
    r"(?:cut|cutting|cuts|slice|slicing|sliced|burn|burning|burned|burnt|scratch|scratching|scratched|carve|carving|carved|"
    r"hit|hitting|hurt|hurting|harm|harming|punch|punching|punched|bang|banging|banged|stab|stabbing|starve|starving|punish|punishing|"
    r"pick|picking|bite|biting|bruise|bruising) _ (?:myself|my self|meself|my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|belly|body|hips|ankles|head against))"
    r"(?! (?:playing|at (?:football|rugby|pe|the gym|training|work)|in (?:pe|football|rugby|the gym|training|a game|the match)|falling|when i fell|doing|on the|by accident|accidentally|skating|skateboarding|cooking|shaving|chopping|riding|slightly|a bit playing|lifting|laughing|shavin|on the|at the|by|with a|to bits cos))",
    r"self ?harm", r"self harming", r"self harmed", r"(?:sh|self harm) (?:again|relapse|urges|scars|cuts|wounds)",
    r"(?:relapsed|relapse|slipped up|did it again|done it again|cut again|started again) _ (?:cutting|self harm|harming|blade|after \d+ (?:days|weeks|months)|clean|my arms?|my wrists?)",
    r"(?:clean|been clean|stopped) (?:for )?(?:\d+|a|two|three|six) (?:days|weeks|months|year|years) _ (?:but|and now|until|then|and i) _ (?:relapsed|did it|cut|again|failed)",
    r"(?:blade|blades|razor|razors|sharpener|sharpeners|glass|lighter|compass) _ (?:on|against|to|into|across) my (?:skin|arm|arms|wrist|wrists|leg|legs|thigh|thighs|body|stomach)",
    r"(?:took|taken|got|hid|hiding|hidden|keep|keeping|broke) (?:the |a )?(?:blade|blades|razor blade|razor blades) _ (?:out of|from|under|in my|to use|so i can)",
    r"(?:the |my )?(?:cuts|scars|wounds|marks) _ (?:on|in) my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|stomach) _ (?:from|again|fresh|deep|hide|hiding|bleeding|infected|wont stop|made)",
    r"(?:deep|fresh|new) (?:cuts|cut|wounds|burns) _ (?:on|in|my|again|tonight)",
    r"(?:cut|cutting|cuts) (?:too )?deep",
    r"(?:hiding|hide|cover|covering) (?:my )?(?:cuts|scars|arms|wrists|marks|burns) _ (?:from|with|so|under|sleeves)",
    r"(?:urge|urges|want|wanna|need|needing) _ {TO} (?:cut|self harm|hurt myself|harm myself|burn myself|bleed|feel pain)",
    r"(?:blood|bleeding) _ (?:from my (?:arm|arms|wrist|wrists|leg|legs|cuts)|where i cut|after i cut)",
    r"(?:bleeding|blood) _ (?:cut|cuts) _ (?:myself|my self|my arm|my arms|my wrist|my wrists)",
    r"(?:deserve|deserved) (?:the )?(?:pain|to hurt|to be hurt|to suffer|to bleed)",
    r"(?:only way|only thing that helps|helps me cope|makes me feel better|feel something) _ (?:is )?(?:cutting|hurting myself|pain|the pain|burning myself|bleeding|harming)",
    # Through its tools, marks and hiding (Childline, NSPCC): nobody says "self-harm" every time.
    r"(?:i|i have|ive|i just|just|i think i) relapsed", r"relapsed (?:again|tonight|today|last night)",
    r"(?:\d+|three|two|four|some|more) (?:fresh|new|deep) (?:ones|cuts|lines|marks)",
    r"(?:blades?|razors?) (?:are |is )?(?:under|in|hidden in|hid in|stashed in|inside) (?:my|the) (?:bed|pillow|room|pencil case|drawer|wardrobe|bag|phone case)",
    r"(?:take|took|bring|brought|keep|kept) (?:a |the )?(?:knife|blade|razor) (?:up )?(?:to|in) my (?:room|bedroom|bed)",
    r"(?:use|used|using) (?:the )?(?:edge of a|a ring pull|ring pulls|a metal ruler|a sharpener|a compass|glass|a razor|a blade) _ (?:to cut|to scratch|on my|cut)",
    r"(?:put|stubbed|held|pressed) (?:out )?(?:a |my )?(?:cig|cigarette|fag|lighter) (?:out )?on my (?:arm|arms|hand|wrist|leg|legs|skin|thigh)",
    r"(?:punched|punch|punching|hit|hitting|banged|banging|smashed) (?:the |a )?walls? _ (?:till|until|so hard) _ (?:knuckles|bleed|bled|bleeding|split|broke|bruised)",
    r"(?:held|hold|holding|put) my (?:hand|arm|fingers) (?:under|in|on|over) _ (?:hot|boiling|iron|hob|cooker|fire|flame|kettle) _ (?:till|until)",
    r"(?:pulled|pulling|pull|rip|ripped|ripping) (?:out )?(?:a )?(?:big )?(?:patch of |chunks of |clumps of )?(?:my )?hair (?:out )?_ (?:bald|patch|gap|till|cant stop|can not stop|again)",
    r"(?:picking|pick|picked|scratching|scratch|scratched) _ (?:till|until|so) _ (?:bleed|bled|bleeding|raw|never heal|they never heal|it never heals)",
    r"(?:blood|bloody) _ (?:sleeve|sleeves|bedsheets|sheets|towel|towels|duvet) _ (?:before|so|wash|hide|carer|sees|out)",
    r"(?:get|getting) blood out of (?:my )?(?:bedsheets|sheets|sleeve|shirt|towel|duvet) _ (?:before|so|carer|sees)?",
    r"(?:cuts|cut|burns|burn|wounds|wound) _ (?:infected|infection|heal|blistered|red and hot|need stitches|stitches) __ (?:wrist|wrists|arm|arms|thigh|thighs|blade|did it)",
    r"(?:dirty|rusty|old) (?:blade|blades|razor) _ (?:infection|infected|red|hot|cut)",
    r"(?:if i (?:say|tell (?:them|her|him|my \w+))|if they find out) i (?:cut|self harm|burn myself|hurt myself)",
    r"(?:arm|arms|wrist|wrists|legs|thighs) _ (?:looks?|look) like a barcode", r"barcode (?:arm|arms|wrists)",
]

OVERDOSE = [
    r"(?:took|taken|take|taking|swallowed|swallow|swallowing|had|have had|necked|downed|popped|popping) _ {LOTS} _ {PILLS}(?! (?:organiser|box|reminder|dispenser))",
    r"(?:took|taken|swallowed|necked|downed|popped|had) (?:the |my |some |her |his |mums |all )?{PILLS} _ (?:all|all of them|all at once|at once|in one go|to die|so i (?:dont|do not|wont|will not) wake up|and (?:now|i feel)|an hour ago|earlier|just now)",
    r"(?:just|already|i) (?:took|swallowed|necked|downed|taken) (?:them|it|the lot|them all|all of them|the whole lot|everything|the pills)",
    r"overdos(?:e|ed|ing)(?! (?:on|of) (?:netflix|cuteness|chocolate|sugar|love|tv|sweets|memes|kindness))", r"(?:took|taken|had|done|drank|drunk|snorted|smoked|injected|used) _ too much (?:of )?(?:drugs|ket|coke|mdma|pills|molly|xans|spice|heroin|wine|vodka|alcohol|drink|stuff|something|gabapentin|weed|g|ghb|tablets|meds)",
    r"(?:feel|feeling|felt|am|im) _ (?:weird|dizzy|sick|funny|strange|drowsy|faint|like passing out|like i am dying|numb|really bad|shaky|confused) _ (?:after|since|from) (?:i |)?(?:took|taking|taken|the|those|these|mixing|having|i had|drinking|smoking) _ (?:pills|tablets|meds|drugs|stuff|ket|xans|them|it|paracetamol|wine|vodka|something|drink)",
    r"(?:drink|drinks|drank) (?:was |got |been )?spiked", r"spiked (?:me|my drink|my drinks)", r"(?:been|was|got|think i was|think i got|think i have been|i have been) spiked",
    r"(?:mixed|mixing) _ (?:pills|tablets|meds|xans|drugs|alcohol|vodka|drink|ket|coke) _ (?:with|and) _ (?:alcohol|vodka|drink|pills|meds|xans|drugs|ket|coke)",
    r"(?:cant|can not|could not) (?:wake|stay awake|keep my eyes open|feel my) _ (?:after|since|took)",
    r"(?:friend|mate|he|she) _ (?:will not|wont|cant|can not) wake up",
    r"(?:how many|how much) {PILLS} _ (?:before|until|to|can you take|is too many|is an overdose|can kill)",
]

EATING_DISORDER = [
    r"(?:not|havent|have not|havnt|didnt|did not|barely|hardly|refuse to|refused to|stopped|scared to|afraid to|cant|can not|wont let myself|do not let myself|dont let myself) _ (?:eat|eaten|eating|ate|had (?:any )?food|had a meal) _ (?:in|for|since|all) _ (?:days|a week|weeks|ages|\d+ days|two days|three days|four days|five days|yesterday|monday|the weekend|day)",
    r"(?:havent|have not|not|didnt|did not) (?:eaten|eaten anything|had anything to eat) (?:in|for) (?:days|a week|weeks|ages|\d+ days|two days|three days)",
    r"(?:make|making|made|force|forcing|forced) (?:myself|my self) (?:be |to be )?(?:sick|throw up|vomit|puke|purge)",
    r"(?:throw|throwing|threw|being|been|am) (?:up|sick) _ after (?:i eat|eating|every meal|meals|food|dinner|tea|i have eaten|i ate|everything i eat)",
    r"purg(?:e|ing|ed)(?! (?:my|the|your|his|her|our) (?:wardrobe|room|clothes|inbox|photos|files|stuff|drawers|phone))", r"laxatives?", r"diet pills",
    r"(?:starving|starve|starved) (?:myself|my self)",
    r"(?:count|counting|counted|obsessed with) (?:every |all my |the )?calories(?! (?:for|in) (?:my|the|a|our) (?:project|coursework|food tech|lesson|class|recipe))", r"(?:under|only|less than) \d+ (?:calories|cals)",
    r"(?:too|so|really|disgustingly) fat _ (?:cant|can not|wont|will not|do not deserve|dont deserve|not allowed|refuse) _ (?:eat|food)",
    r"(?:dont|do not|not) deserve (?:to eat|food)", r"(?:not allowed|refuse) (?:myself )?to eat",
    r"anorexi", r"bulimi", r"\bbinge (?:and|then) (?:purge|throw up|make myself sick)", r"eating disorder(?:s)? _ (?:back|again|relapse|got worse|getting worse|i have|i think i have|mine|my)",
    r"(?:i|i think i|i might) (?:have|got) (?:an )?eating disorder", r"my eating disorder",
    r"(?:hate|scared of|terrified of|afraid of) _ (?:food|eating|gaining weight|getting fat)",
    r"(?:skip|skipping|skipped) (?:every|all|most|all my) meals?",
    r"(?:only|barely|just) (?:eat|eaten|ate|had) _ (?:one|an apple|a cracker|water|\d+ calories|a bite|nothing) _ (?:all day|today|this week|in days|for days|each day|a day)",
    r"(?:weigh|weighing) myself _ (?:times|every|all the time|constantly)",
    r"(?:fainted|faint|dizzy|passing out) _ (?:not eating|from not eating|because i have not eaten|because i havent eaten|hunger)",
    r"(?:lost|losing) _ (?:so much|too much|loads of|a lot of) weight _ (?:on purpose|cant stop|can not stop|want to lose more|still fat|still not enough)",
    # Through behaviours (Beat): fasting, purging, hiding food, rules, lies about eating.
    r"day (?:\d+|two|three|four|five|six|seven) (?:of )?(?:no food|without food|not eating|fasting|no eating)",
    r"(?:water|dry|juice) fast(?:ing)? (?:day )?(?:\d+|again|for)", r"no food (?:for|in|since) (?:\d+|two|three|four|five) days",
    r"sick after (?:dinner|tea|eating|every meal|meals|food|lunch|breakfast|i eat)",
    r"(?:rather|would rather) (?:die|be dead) than (?:be|get|look) fat", r"(?:rather|would rather) (?:die|starve) than eat",
    r"burn (?:off|it off) _ (?:everything i eat|what i eat|i ate|calories|the food|every calorie)",
    r"(?:tip|tipped|pour|poured|throw|threw|hide|hid|hiding|flush|flushed) _ (?:food|fortisip|my meals|meal|dinner|tea|lunch|breakfast|supplement drinks?) _ (?:down the sink|in the bin|in my room|away|under|in my pockets|down the toilet|in a napkin)",
    r"(?:counting|count) everything (?:i eat|again)", r"back to counting", r"safe foods?",
    r"(?:ripped up|threw away|binned|ignoring|ignore|not following|stopped following) _ meal plan",
    r"(?:see|watch|need) the (?:number|numbers|scale|scales) (?:go|going) down", r"number on the scales? _ (?:panic|cry|go down|lower|higher)",
    r"(?:havent|have not|not|didnt|did not) (?:eaten|ate|had food|eat|had anything) since (?:\w+day|yesterday|last \w+|the weekend|\w+)",
    r"instead of (?:eating|food|meals|lunch|dinner|tea|breakfast)",
    r"(?:go|went|run|ran) to the (?:toilet|bathroom|loo) after (?:meals|eating|dinner|tea|every meal|food) _ (?:run the taps|taps|so no one|so nobody|sick)", r"run the taps so",
    r"(?:lie|lied|lying) to _ (?:dietician|dietitian|nurse|doctor|carer|carers|camhs|my pa|staff) about (?:what i eat|eating|food|my weight|how much i eat)",
]

RULES: dict[str, list[str]] = {
    "suicide": SUICIDE,
    "self_harm": SELF_HARM,
    "overdose": OVERDOSE,
    "eating_disorder": EATING_DISORDER,
}
