import pytest

from storage.scrub import scrub


@pytest.mark.parametrize(
    "text, gone, kept",
    [
        ("my social worker is dave smith and he never replies", ["dave", "smith"], ["never replies"]),
        ("my sw is Kelly", ["Kelly"], ["my sw is"]),
        ("my name is Jo", ["Jo"], []),
        ("im pregnant what help is there", [], ["pregnant"]),
        ("call me on 07700 900123", ["07700", "900123"], []),
        ("ring +44 7700 900123 pls", ["7700"], []),
        ("email jo.bloggs@example.co.uk", ["jo.bloggs", "example"], []),
        ("I live at 12 Oak Road near BA1 2AB", ["12 Oak", "BA1"], []),
        ("I go to Taunton Academy", ["Taunton"], []),
        ("born 12/03/2007", ["12/03/2007"], []),
        ("my birthday is 3rd March 2008", ["3rd March"], []),
        ("I went with Sarah to the shops", ["Sarah"], ["the shops"]),
    ],
)
def test_scrub_removes_identifiers(text: str, gone: list[str], kept: list[str]) -> None:
    result = scrub(text)
    for fragment in gone:
        assert fragment not in result
    for fragment in kept:
        assert fragment in result


@pytest.mark.parametrize(
    "text, expected",
    [
        ("dave never replies", "[name] never replies"),
        ("MICHELLE keeps cancelling", "[name] keeps cancelling"),
        ("i see tom and ellie on fridays", "i see [name] and [name] on fridays"),
        # Names that are everyday words stay words.
        ("i will ask if i may", "i will ask if i may"),
        ("i hope grace gets better", "i hope grace gets better"),
    ],
)
def test_common_first_names_are_caught_without_a_cue(text: str, expected: str) -> None:
    assert scrub(text) == expected
