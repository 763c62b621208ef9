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
    ("county lines", "exploitation"),
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
def test_crisis_is_found_with_its_kind(text: str, kind: str) -> None:
    assert screen(text).kind == kind


@pytest.mark.parametrize("text", NOT_CRISES)
def test_idioms_and_everyday_words_are_not_a_crisis(text: str) -> None:
    assert screen(text).kind is None


def test_idiom_does_not_hide_a_real_crisis_in_the_same_message() -> None:
    assert screen("this homework is killing me and honestly i want to die").kind == "suicide"


@pytest.mark.parametrize("text", ["i want to\u200b die", "i want to diiiie", "I WANT TO DIE!!!", "i want to die \U0001F62D"])
def test_disguised_spelling_still_caught(text: str) -> None:
    assert screen(text).kind == "suicide"
