"""The safety screen: a missed cry for help is the worst failure of all."""

import pytest

from intents.safety import screen

CRISES = [
    # suicide and self-harm
    ("i want to die", "suicide"),
    ("i wanna kms", "suicide"),
    ("thinking about ending my life", "suicide"),
    ("i dont want to be here anymore", "suicide"),
    ("no point in living", "suicide"),
    ("i cut myself last night", "suicide"),
    ("ive been self harming again", "suicide"),
    ("I took too many pills", "suicide"),
    ("everyone would be better off without me", "suicide"),
    ("i cant cope anymore", "suicide"),
    ("SUICIDAL", "suicide"),
    # danger
    ("i am not safe", "danger"),
    ("i dont feel safe at home", "danger"),
    ("call the police", "danger"),
    ("someone is following me", "danger"),
    ("he threatened to kill me", "danger"),
    ("im scared he will hurt me", "danger"),
    # abuse
    ("someone at home is hurting me", "abuse"),
    ("my foster carer hits me", "abuse"),
    ("my step dad beats me", "abuse"),
    ("i was sexually abused", "abuse"),
    ("he touched me and i didnt want him to", "abuse"),
    # exploitation
    ("i am being groomed online", "exploitation"),
    ("people are making me deal drugs", "exploitation"),
    ("they said they will share my nudes", "exploitation"),
    ("i owe them money and they make me carry packages", "exploitation"),
    # homeless
    ("i am homeless tonight", "homeless"),
    ("nowhere to stay tonight", "homeless"),
    ("my mum chucked me out", "homeless"),
    ("sleeping on the streets", "homeless"),
    ("i got nowhere to sleep", "homeless"),
]

NOT_CRISES = [
    "this queue is killing me",
    "this homework is killing me",
    "i died of embarrassment",
    "my laptop is dead",
    "my phone died",
    "i could murder a pizza",
    "dying to see my sister",
    "dead tired after college",
    "killing time before my appointment",
    "is my data safe",
    "safe to tell you?",
    "what if i become homeless",
    "what help is there for homelessness",
    "i got kicked out of college",
    "dog grooming apprenticeship",
    "i cant go on holiday with my foster family",
    "emergency money",
    "how do i complain",
]


@pytest.mark.parametrize("text, kind", CRISES)
def test_crisis_is_found_with_its_topic(text: str, kind: str) -> None:
    # The five crisis topics are a contract (topics.yaml); the finer kind is tested in test_safety_kinds.py.
    assert screen(text).topic_id == f"crisis.{kind}"


@pytest.mark.parametrize("text", NOT_CRISES)
def test_idioms_and_everyday_words_are_not_a_crisis(text: str) -> None:
    assert screen(text).kind is None


def test_idiom_does_not_hide_a_real_crisis_in_the_same_message() -> None:
    assert screen("this homework is killing me and honestly i want to die").topic_id == "crisis.suicide"


@pytest.mark.parametrize("text", ["i want to\u200b die", "i want to diiiie", "I WANT TO DIE!!!", "i want to die \U0001F62D"])
def test_disguised_spelling_still_caught(text: str) -> None:
    assert screen(text).topic_id == "crisis.suicide"


# More ways of asking for help, and more everyday phrases that only look alarming.
MORE_CRISES = [
    "nothing to live for",
    "i cant go on",
    "someone online is asking for nudes",
    "im being forced to sell drugs",
    "i got evicted",
    "im scared for my safety",
    "theres no point anymore",
    "i hate my life and want it to end",
    "i have nothing left to live for",
    "i keep having suicidal thoughts",
    "i wish i could sleep forever",
    "im going to end things",
    "i hurt myself on purpose",
    "i burn myself",
    "i starve myself",
    "my foster carer locks me in my room",
    "my stepdad comes into my room at night",
    "they take my money and hit me",
    "im being bullied so bad i want to kill myself",
    "a man keeps messaging me and wants to meet",
    "im staying at a strangers house tonight",
    "ive run away",
    "im living in a tent",
    "im in a car park with nowhere to go",
    "he said he will kill me",
    "i've been assaulted",
    "someone spiked my drink",
    "i feel like giving up on life",
    "my boyfriend forces me to do stuff",
    "im done with everything",
    "an older man online wants me to send pics",
    "someone is threatening me",
    "i took a load of pills",
    "i want to end it",
    "i was forced to have sex",
    "theres a man outside my house",
    "i keep thinking about dying",
    "whats the point in living",
    "everyone hates me i should just die",
    "i need help right now im scared",
    "i have to sleep in a car tonight",
    "im sofa surfing and got nowhere tonight",
    "i smoked and now i cant breathe",
    "goodbye everyone",
    "i can't keep going",
    "i dont feel safe",
    "my house isnt safe",
    "i'm frightened of my foster carer",
    "they said they'd hurt me if i tell",
    "i keep getting messages from a stranger asking for photos",
    "someone at school is selling me to older men",
    "i ran away from my placement and have nowhere to go",
    "i wanna disappear",
    "i hate myself and want to die",
    "i've been cutting again",
    "i don't want to be here",
    "nobody would miss me",
    "i wish i wasnt born",
    "i feel like killing myself",
    "im going to take all my tablets",
    "my uncle touches me",
    "i get hit at home",
    "i'm being hurt",
    "my dad is violent",
    "he strangled me",
    "im locked in my room",
    "they wont let me leave",
    "im being trafficked",
    "someone is making me do things i dont want to",
    "i got jumped and stabbed",
    "call an ambulance",
]

MORE_CALM = [
    "i want this meeting to end",
    "can i end my placement",
    "i hurt my leg playing football",
    "my leg hurts",
    "i ran away from a dog lol",
    "im living in a flat",
    pytest.param(
        "im staying at my friends house tonight",
        marks=pytest.mark.xfail(reason="known false alarm: the learned tier reads it as going missing", strict=True),
    ),
    "is there a point to pathway plans",
    "i starve after school because dinner is late",
    "whats the end date of my tenancy",
    "my foster carer makes me do chores",
    "i gave up on maths",
    "im killing it at college",
    "im dead bored",
    "dying for a pizza",
    "this app is killing me",
    "my phone is dead",
    "i could kill for a burger",
    "im homesick",
    "i'm in danger of failing my course",
    "is it a safe space",
    "i died laughing",
    "this form is killing me",
    "the suspense is killing me",
    "can my pa drive me to the hospital appointment",
    "how do i report a crime",
    "what happens if i get arrested",
    "i feel sad sometimes",
    "im lonely",
    "i hate my placement",
    "my foster carer shouts at me",
    "i dont want to live here",
    "i dont want to live with my dad",
    "will i be homeless when i turn 18",
    "can the police help with my passport",
    "what is county court",
    "i hit my head",
    "my brother hit me with a pillow lol",
    "i want to die my hair pink",
    "kill two birds with one stone",
    "i nearly died of shock when i saw my bill",
    "i want to move out",
    "i am being kicked out of my course",
    "my laptop died",
    "my plant died",
    "my dog died",
    "my nan died last year",
    "is drug dealing illegal",
    "how do i keep safe online",
    "i want to leave my placement",
    "can i leave care early",
    "i need help with my rent",
    "i need help now with my benefits",
    "im scared about my exams",
    "im worried about money",
    "i got a parking ticket",
    "my friend is going through a hard time",
    "the end of my course",
    "how do i end my tenancy",
    "end of placement meeting",
    "my sw wants to end my placement",
    "what do i do if i lose my key",
    "i lost my bank card",
    "i have a deadline tonight",
    "im stressed",
]


# Signs said sideways, with no crisis word a list would hold; and the same words in everyday use.
SIDEWAYS = [
    ("i cut in the school toilets today", "self_harm"),
    ("is it normal to feel better after u cut", "self_harm"),
    ("its not cat scratches like i told my carer", "self_harm"),
    ("cutting makes the noise in my head quiet", "self_harm"),
    ("im gonna off myself", "suicide"),
    ("walking into the sea tonight", "suicide"),
    ("how long does it take to drown, asking for me", "suicide"),
    ("woke up again. gutted", "suicide"),
]
SIDEWAYS_CALM = ["after i cut my hair it looked bad", "i cut the grass for my foster dad", "walked into the sea on holiday, it was freezing"]


@pytest.mark.parametrize("text, kind", SIDEWAYS)
def test_signs_said_sideways_are_caught(text: str, kind: str) -> None:
    assert kind in screen(text).kinds


@pytest.mark.parametrize("text", SIDEWAYS_CALM)
def test_the_same_words_in_everyday_use_are_not_a_crisis(text: str) -> None:
    assert not screen(text).is_crisis


@pytest.mark.parametrize("text", MORE_CRISES)
def test_more_cries_for_help_are_caught(text: str) -> None:
    assert screen(text).is_crisis


@pytest.mark.parametrize("text", MORE_CALM)
def test_more_everyday_phrases_are_not_a_crisis(text: str) -> None:
    assert screen(text).kind is None


@pytest.mark.parametrize(
    "text, kind",
    [
        ("no eason to live", "suicide"),  # a letter missed
        ("i wnat to die", "suicide"),  # two letters swapped
        ("i want to kil myself", "suicide"),
        ("i keep thinkin about killing myslef", "suicide"),
        ("my step dad abuzes me", "abuse"),
        ("i want todie", "suicide"),  # a space missed
        ("i wanna killmyself", "suicide"),
        ("im notsafe", "danger"),
    ],
)
def test_a_typo_in_a_cry_for_help_is_still_caught(text: str, kind: str) -> None:
    assert screen(text).topic_id == f"crisis.{kind}"


@pytest.mark.parametrize(
    "text", ["i wanna dye my hair", "i love my placement", "i want to liv alone", "my independence skills", "nobody cares lol"]
)
def test_putting_typos_right_does_not_invent_a_crisis(text: str) -> None:
    assert screen(text).kind is None


def test_a_harms_name_alone_gets_a_check_in_and_information() -> None:
    result = screen("county lines")
    assert not result.is_crisis and result.check_in and result.about == "criminal_exploitation"
