"""The safety screen tells kinds of harm apart, reads through disguises, and knows a lesson from a disclosure."""

from __future__ import annotations

import pytest

from intents.safety import screen
from intents.safety.reading import read_for_safety

KINDS = [
    ("i really just dont want to be alive anymore", "suicide"),
    ("wrote letters for everyone, this is my last night", "suicide"),
    ("thinking about unaliving tonight", "suicide"),
    ("relapsed and cut my thighs again", "self_harm"),
    ("i took 30 paracetamol", "overdose"),
    ("i think my drink got spiked", "overdose"),
    ("havent eaten in 4 days and i make myself sick after tea", "eating_disorder"),
    ("my step mum locks the fridge and i go to bed hungry", "abuse"),
    ("he comes into my room at night and says its our secret", "abuse"),
    ("my gf grabbed my neck and choked me", "domestic_abuse"),
    ("an older guy keeps buying me vapes and wants me to meet him at a hotel", "sexual_exploitation"),
    ("someone online says he will send my pics to everyone unless i pay", "sextortion"),
    ("they keep sending me to other towns to drop packages for them", "criminal_exploitation"),
    ("the man who brought me here took my passport and i work in the car wash for no money", "trafficking"),
    ("a group on discord wants me to join their cause and says violence is the only answer", "radicalisation"),
    ("my family say they will kill me if they find out about my boyfriend", "forced_marriage"),
    ("theres a man banging on my door trying to get in", "danger"),
    ("im carrying a knife for protection now", "violence"),
    ("nobody knows where i am and im not going back", "missing"),
    ("my landlord kicked me out tonight and i have nowhere to sleep", "homeless"),
]


@pytest.mark.parametrize("text, kind", KINDS)
def test_each_kind_is_told_apart(text: str, kind: str) -> None:
    assert kind in screen(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "i want to k\u200bill mys\u200belf",  # zero-width spaces
        "i wаnt to diе",  # Cyrillic а and е
        "i w4nt 2 d1e",  # leetspeak and 2 for to
        "k i l l   m y s e l f",  # spaced letters
        "iwanttodie",  # no spaces
        "i want to diiiiiieeeee",  # stretched
        "im gonna kms 💊💊💊",
        "i cant do this anymore 🪢",
    ],
)
def test_disguised_words_are_still_read(text: str) -> None:
    assert screen(text).is_crisis


def test_a_disclosure_buried_in_a_long_story_is_caught() -> None:
    story = (
        "so today i went to college and had maths then english and the bus was late again. " * 20
        + "my foster dad hit me again last night and i have a bruise. "
        + "anyway after that i went to the shop and got a meal deal and watched tiktok. " * 20
    )
    assert len(story) > 3000 and "abuse" in screen(story).kinds


@pytest.mark.parametrize(
    "text",
    [
        "our teacher told us about grooming, what does it mean",
        "we did county lines in pshe",
        "i used to self harm years ago but im doing well now, can i get counselling",
        "my dog got groomed today",
        "i got killed in fortnite again",
        "i could murder a kebab",
        "i want to die my hair pink",
        "is my data safe",
        "can i get kicked out of my placement for smoking at 18",
        "i dont want to live in this flat, can i move",
        "why am i still here at college at 6pm",
        "who gets my stuff if i move out of my foster home",
        "i left my foster home in april and moved into a studio, do i pay council tax",
        "i left my placement at 18 to move into supported housing",
    ],
)
def test_a_calm_message_is_never_an_alarm(text: str) -> None:
    assert not screen(text).is_crisis


def test_the_friend_not_the_sender_is_the_one_in_danger() -> None:
    result = screen("my little brother gets hit by his dad")
    assert result.kinds[0] == "friend"


def test_after_a_crisis_short_answers_are_read_in_its_light() -> None:
    assert not screen("its too late").is_crisis
    assert screen("its too late", after_crisis=True).is_crisis


@pytest.mark.parametrize(
    "text, kind",
    [
        ("sh again 😞", "self_harm"),
        ("blades under my bed", "self_harm"),
        ("i put out a cig on my arm", "self_harm"),
        ("how do u get blood out of bedsheets before my carer sees", "self_harm"),
        ("day 4 no food", "eating_disorder"),
        ("🤮 after dinner again", "eating_disorder"),
        ("i tip my fortisip down the sink", "eating_disorder"),
        ("id rather die than be fat", "eating_disorder"),
        ("lowkey planning my exit 🙃", "suicide"),
        ("ive been googling how many tablets it takes", "suicide"),
        ("ppl wud b beter of wivout me honestly", "suicide"),
        ("i dont want to live in this world no more", "suicide"),
        ("saving for a flat is pointless, ill be dead before i need one", "suicide"),
        ("whats the least painful way to go", "suicide"),
        ("sorted out who gets my stuff now", "suicide"),
        ("theyre inside", "danger"),
        ("i left my foster home last night and im sleeping at a mates, dont tell my sw", "missing"),
        ("snuck out of my placement in the night", "missing"),
        ("dad made me sleep out on the balcony in the cold", "abuse"),
        ("i think my foster carer films me in the bath", "abuse"),
    ],
)
def test_harm_is_read_through_its_signs(text: str, kind: str) -> None:
    assert kind in screen(text).kinds


@pytest.mark.parametrize(
    "typed, read",
    [
        ("i'd be better off dead", "i would be better off dead"),
        ("id rather die", "i would rather die"),
        ("hell kill me if i tell", "he will kill me if i tell"),
        ("she'll find me", "she will find me"),
        # The same letters that are words in their own right stay words.
        ("i need my id for the bank", "i need my id for the bank"),
        ("what the hell is a pep", "what the hell is a pep"),
        ("found a shell at the beach", "found a shell at the beach"),
    ],
)
def test_contractions_are_read_without_losing_words(typed: str, read: str) -> None:
    assert read_for_safety(typed) == read
