import pytest

from intents.normalise import clean, has_words, normalise


@pytest.mark.parametrize(
    "typed, plain",
    [
        ("Can I stay at my foster carers wen im 18??", "can i stay at my foster carers when i am 18"),
        ("wat is a PA", "what is a personal adviser"),
        ("ctax exempt?", "council tax exempt"),
        ("HELLLLLOOOO", "helloo"),
        ("how do i get an advacate", "how do i get an advocate"),
        ("apprentiship bursery", "apprenticeship bursary"),
        ("my SW doesn't reply cos she's busy", "my social worker does not reply because shes busy"),
        ("i\u200bwant\u200d help", "iwant help"),
        ("ｆｕｌｌ ｗｉｄｔｈ", "full width"),
        ("when i turn eighteen", "when i turn 18"),
        ("on my 18th birthday", "on my 18 birthday"),
        ("u r gr8", "you are gr8"),
    ],
)
def test_normalise_meets_plain_words(typed: str, plain: str) -> None:
    assert normalise(typed) == plain


def test_clean_drops_control_characters_but_keeps_case() -> None:
    assert clean("Hi\x00 there\x07\tfriend\u202e") == "Hi there friend"


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "\u200b\u200b", "!!!", "😀😀"])
def test_no_words(text: str) -> None:
    assert not has_words(text)
