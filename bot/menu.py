"""The topic menu: every answerable topic, grouped the way young people look for them."""

from __future__ import annotations

MENU: dict[str, tuple[str, tuple[str, ...]]] = {
    "support": (
        "Leaving care support",
        ("offer.local_offer", "offer.eligibility", "offer.personal_adviser", "offer.pathway_plan",
         "offer.leaving_care_age", "offer.documents", "offer.care_leaver_covenant", "offer.immigration"),
    ),
    "home": (
        "Where I live",
        ("offer.housing", "offer.staying_put", "offer.staying_close", "care.placement", "care.independence_skills"),
    ),
    "money": (
        "Money",
        ("offer.money", "offer.setting_up_home", "offer.council_tax", "offer.junior_isa", "care.pocket_money"),
    ),
    "learn": ("School, college and work", ("offer.education", "offer.university", "offer.work", "offer.leisure")),
    "health": ("Health and feelings", ("offer.health", "offer.mental_health", "offer.parenting")),
    "rights": (
        "My rights and having a say",
        ("voice.advocacy", "voice.advocacy_contact", "voice.complaints", "voice.review_meeting",
         "voice.independent_visitor", "voice.in_care_council", "voice.corporate_parenting",
         "voice.we_said_you_did", "voice.share_views"),
    ),
    "care": (
        "Life in care",
        ("care.social_worker", "care.family_time", "care.records", "care.legal_status"),
    ),
    "words": (
        "What words mean",
        ("glossary.pep", "glossary.iro", "glossary.cla", "glossary.uasc", "glossary.sdq",
         "glossary.neet", "glossary.camhs", "glossary.sgo"),
    ),
}


def menu_topics() -> set[str]:
    return {topic for _, topics in MENU.values() for topic in topics}
