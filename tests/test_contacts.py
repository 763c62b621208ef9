"""Council contacts: sourced, dated, dialable, used in crisis replies, and correctable by the council's overlay."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from knowledge.base import CouncilKnowledge, load
from knowledge.check import check
from knowledge.contacts import VALUE_FIELDS, is_uk_phone, places
from knowledge.crisis import KINDS
from knowledge.model import Knowledge

OUT_OF_HOURS = {"somerset": "0300 123 23 27", "hampshire": "0300 555 1373", "worcestershire": "01905 768020", "bathnes": "01454 615165"}


@pytest.mark.parametrize("slug, number", sorted(OUT_OF_HOURS.items()))
def test_a_councils_crisis_reply_carries_its_own_out_of_hours_number(shipped: Knowledge, slug: str, number: str) -> None:
    council = CouncilKnowledge(shipped, slug)
    for kind in KINDS:
        assert number in council.crisis_reply(kind), kind
    others = set(OUT_OF_HOURS.values()) - {number}
    assert not any(other in council.crisis_reply("danger") for other in others)


def test_a_friend_in_danger_gets_the_report_a_worry_number(shipped: Knowledge) -> None:
    assert "0300 123 2224" in CouncilKnowledge(shipped, "somerset").crisis_reply("friend")


def test_asking_for_a_person_gives_the_leaving_care_contact(shipped: Knowledge) -> None:
    assert "01305 225809" in CouncilKnowledge(shipped, "dorset").answer("meta.human")


def test_no_contact_in_the_shipped_files_lacks_a_source_or_date(shipped: Knowledge) -> None:
    for council in shipped.councils.values():
        for path, entry in places(council.profile):
            if any(entry.get(f) for f in VALUE_FIELDS):
                assert entry.get("source") and entry.get("checked"), (council.slug, path)


@pytest.mark.parametrize(
    "value, ok",
    [("0300 123 2224", True), ("01905 768020", True), ("+44 1305 225809", True), ("01225 396312 or 01225 396313", True),
     ("999", True), ("12345", False), ("555-0100", False), ("+1 212 555 0100", False), ("0300 123", False)],
)
def test_only_uk_numbers_are_phone_numbers(value: str, ok: bool) -> None:
    assert is_uk_phone(value) is ok


GOOD = """council: dorset
profile:
  contacts:
    out_of_hours: {phone: "01305 000000", source: "https://www.dorsetcouncil.gov.uk/example", checked: 2026-12-03}
"""


def test_the_overlay_wins_over_the_shipped_profile(tmp_path: Path) -> None:
    overlay = tmp_path / "dorset.yaml"
    overlay.write_text(GOOD, encoding="utf-8")
    dorset = CouncilKnowledge(load(overlay=overlay), "dorset")
    assert "01305 000000" in dorset.crisis_reply("danger")
    assert "I don't have Dorset's out-of-hours number yet" not in dorset.crisis_reply("danger")
    assert dorset.setting("contacts.leaving_care_team.phone") == "01305 225809"  # the rest is still shipped
    assert not [p for p in check(overlay=overlay, council="dorset", strict=True) if p.level == "error"]


@pytest.mark.parametrize(
    "line, message",
    [
        ('    out_of_hours: {phone: "01305 000000", checked: 2026-12-03}', "has a value but no source"),
        ('    out_of_hours: {phone: "911", source: "https://x.example", checked: 2026-12-03}', "is not a UK phone number"),
        ('    out_of_hours: {phone: "01305 000000", fax: "1", source: "https://x.example", checked: 2026-12-03}', "unknown field"),
        ('    out_of_hours: {phone: "01305 000000", source: "https://x.example"}', "no 'checked' date"),
    ],
)
def test_a_bad_overlay_is_an_error_with_file_and_line_and_the_shipped_contacts_are_used(
    tmp_path: Path, line: str, message: str
) -> None:
    overlay = tmp_path / "dorset.yaml"
    overlay.write_text(GOOD.rsplit("\n", 2)[0] + "\n" + line + "\n", encoding="utf-8")
    errors = [str(p) for p in check(overlay=overlay) if p.level == "error"]
    assert any(e.startswith(f"{overlay}:4: error:") and message in e for e in errors), errors
    dorset = CouncilKnowledge(load(overlay=overlay), "dorset")
    assert "01305 000000" not in dorset.crisis_reply("danger") and "101" in dorset.crisis_reply("danger")


def test_an_overlay_that_is_not_yaml_names_its_line(tmp_path: Path) -> None:
    overlay = tmp_path / "broken.yaml"
    overlay.write_text("council: dorset\nprofile:\n  contacts: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--overlay", str(overlay), "kb", "check"])
    assert result.exit_code == 1 and f"{overlay}:" in result.output


def test_kb_contacts_lists_every_contact_with_source_date_and_gaps() -> None:
    result = CliRunner().invoke(main, ["kb", "contacts", "--council", "dorset"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:5] == ["council", "contact", "status", "checked", "value"]
    duty_pa = next(line for line in lines if "contacts.leaving_care_team" in line)
    assert "01305 225809" in duty_pa and "2026-12-03" in duty_pa and "dorsetcouncil.gov.uk" in duty_pa
    assert any("contacts.out_of_hours" in line and "unset" in line for line in lines)
    assert lines[-1].startswith("7 contact(s): ")
    assert CliRunner().invoke(main, ["kb", "contacts", "--council", "narnia"]).exit_code == 1


def test_strict_passes_every_council_with_an_emergency_number_and_refuses_the_rest() -> None:
    for slug in OUT_OF_HOURS:
        assert CliRunner().invoke(main, ["kb", "check", "--council", slug, "--strict"]).exit_code == 0
    refused = CliRunner().invoke(main, ["kb", "check", "--council", "dorset", "--strict"])
    assert refused.exit_code == 1 and "contacts.out_of_hours.phone is not set" in refused.output
