"""The fixed choices young people pick from, shared by the flows and the digest.

Stored values are the short keys; labels are what people see.
"""

from __future__ import annotations

# What a view is about (Mind of My Own style).
VIEW_TOPICS: dict[str, str] = {
    "home": "Where I live",
    "learning": "School, college or work",
    "health": "Health and feelings",
    "family": "Family and friends",
    "worker": "My worker or PA",
    "money": "Money",
    "leaving_care": "Leaving care",
    "other": "Something else",
}

# How it feels, from 1 (awful) to 5 (great), shown as emoji.
FEELINGS: dict[int, tuple[str, str]] = {
    1: ("😞", "Really bad"),
    2: ("🙁", "Not good"),
    3: ("😐", "OK"),
    4: ("🙂", "Good"),
    5: ("😄", "Really good"),
}

AGE_BANDS: dict[str, str] = {
    "under_16": "Under 16",
    "16_17": "16-17",
    "18_21": "18-21",
    "22_25": "22-25",
    "not_said": "Prefer not to say",
}

# The seven corporate parenting principles (Children and Social Work Act
# 2017, s.1), as the councils' board reports lay them out, in plain words.
PRINCIPLES: dict[str, str] = {
    "best_interests": "Act in their best interests, and promote health and well-being",
    "express_views": "Encourage them to say what they think, want and feel",
    "take_views_into_account": "Take their views, wishes and feelings into account",
    "access_services": "Help them get and make the best use of services",
    "aspirations": "Promote high hopes and the best outcomes",
    "safe_stable": "Be safe, with stability at home, in relationships and in education or work",
    "adulthood": "Prepare them for adulthood and living on their own",
}

# Which principle each view topic speaks to, for laying the digest out by principle.
VIEW_TOPIC_PRINCIPLE: dict[str, str] = {
    "home": "safe_stable",
    "learning": "aspirations",
    "health": "best_interests",
    "family": "safe_stable",
    "worker": "access_services",
    "money": "adulthood",
    "leaving_care": "adulthood",
    "other": "express_views",
}

# A We Said item's theme: a topic family or one of the principles.
WSYD_THEMES: dict[str, str] = {
    **{f"principle:{key}": label for key, label in PRINCIPLES.items()},
    "family:offer": "Leaving care support (Local Offer)",
    "family:voice": "Having a say and advocacy",
    "family:care": "Life in care",
}

WSYD_STATUSES: dict[str, str] = {
    "open": "Waiting for an answer",
    "planned": "Planned",
    "in_progress": "In progress",
    "done": "Done",
    "cannot_do": "Cannot do",
}

RATINGS: dict[str, str] = {"yes": "Yes", "partly": "Partly", "no": "No"}
