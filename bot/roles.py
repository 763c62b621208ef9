"""Who may do what: young person, council member, officer.

Everyone is a young person unless an invite or CAREBOT_OFFICERS says
otherwise. Every refused attempt is written to the audit log, so misuse
shows up in the same place as use.
"""

from __future__ import annotations

from bot.turn import Turn
from storage.store import Store

YOUNG_PERSON, COUNCIL_MEMBER, OFFICER = "young_person", "council_member", "officer"
ROLE_NAMES = {YOUNG_PERSON: "young person", COUNCIL_MEMBER: "children in care council member", OFFICER: "participation officer"}

# Who may do each role-only action.
ALLOWED: dict[str, tuple[str, ...]] = {
    "we_said": (COUNCIL_MEMBER, OFFICER),
    "you_did": (OFFICER,),
    "invite": (OFFICER,),
    "digest": (OFFICER,),
    "quotes": (OFFICER,),
}
REFUSED = (
    "Sorry, only a {who} can do that. If you think you should be able to, "
    "ask your participation officer for an invite link."
)


def is_listed_officer(officers: tuple[str, ...], channel: str, user_id: str) -> bool:
    """CAREBOT_OFFICERS lists Telegram ids ("123") or channel-qualified ids ("terminal:me")."""
    return f"{channel}:{user_id}" in officers or (channel == "telegram" and user_id in officers)


def allowed(store: Store, turn: Turn, action: str, council: str) -> bool:
    """True if this person may do the action; otherwise say so and record the refusal."""
    if turn.role in ALLOWED[action]:
        return True
    who = " or ".join(ROLE_NAMES[r] for r in ALLOWED[action])
    turn.say(REFUSED.format(who=who))
    store.audit(turn.key, "refused", council, {"action": action, "role": turn.role})
    return False
