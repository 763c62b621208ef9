"""A made-up year of activity for one council, to try the board digest on.

    carebot demo --council dorset --db demo.db --seed 7
    carebot digest --council dorset --db demo.db --format html --out digest.html

Everything is invented and deterministic: the same seed and year_end give
the same rows, byte for byte (random.Random(seed), dates derived from
year_end, never the clock). Views follow believable seasons: money feels
worst after Christmas, school around the summer exams. Some free text has
names, phone numbers and addresses planted in it, to show that scrubbing
keeps them out of every output. Views also go back one more year, so that
the digest has a previous period to compare with.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from storage.board import candidate_quote
from storage.scrub import scrub
from storage.store import MAX_KEPT_TEXT, Store, stamp

YEAR = timedelta(days=365)
# Questions a day on an ordinary day, per topic; seasons scale these.
QUESTION_RATES: dict[str, float] = {
    "offer.local_offer": 1.2, "offer.eligibility": 0.6, "offer.personal_adviser": 0.7, "offer.pathway_plan": 0.4,
    "offer.leaving_care_age": 0.5, "offer.staying_put": 0.3, "offer.staying_close": 0.1, "offer.housing": 1.1,
    "offer.setting_up_home": 0.5, "offer.council_tax": 0.4, "offer.money": 1.0, "offer.junior_isa": 0.2,
    "offer.education": 0.5, "offer.university": 0.3, "offer.work": 0.5, "offer.health": 0.3,
    "offer.mental_health": 0.4, "offer.leisure": 0.2, "offer.documents": 0.3, "offer.parenting": 0.05,
    "offer.care_leaver_covenant": 0.01, "offer.immigration": 0.012, "voice.advocacy": 0.4,
    "voice.complaints": 0.2, "voice.review_meeting": 0.2, "voice.in_care_council": 0.15,
    "voice.we_said_you_did": 0.1, "care.social_worker": 0.4, "care.placement": 0.3, "care.family_time": 0.3,
    "care.records": 0.1, "care.pocket_money": 0.3, "glossary.pep": 0.2, "glossary.iro": 0.15,
}
# Which months push a topic up: (topic prefix or id, months, factor).
QUESTION_SEASONS: list[tuple[str, tuple[int, ...], float]] = [
    ("offer.money", (1, 2), 1.8), ("offer.council_tax", (3, 4), 2.5), ("offer.university", (8, 9), 3.0),
    ("offer.education", (8, 9), 2.0), ("offer.work", (6, 7), 1.5), ("offer.housing", (7, 8, 9), 1.4),
    ("offer.mental_health", (11, 12, 1), 1.5),
]
VIEW_TOPIC_WEIGHTS = {"home": 20, "learning": 16, "health": 14, "family": 12, "worker": 12, "money": 12,
                      "leaving_care": 10, "other": 4}


def view_mood(topic: str, month: int) -> float:
    """The average feeling (1-5) for a topic in a month: the seasons of a year in care."""
    if topic == "money":
        return {1: 2.0, 2: 2.3, 12: 2.6}.get(month, 3.1)
    if topic == "learning":
        return {5: 2.4, 6: 2.3, 8: 3.0, 9: 3.5}.get(month, 3.2)
    if topic == "health":
        return 2.7 if month in (11, 12, 1, 2) else 3.4
    if topic == "family":
        return 2.6 if month == 12 else 3.3
    return {"home": 3.3, "worker": 3.0, "leaving_care": 2.8}.get(topic, 3.0)


HAPPENING: dict[str, list[str]] = {
    "home": ["My flat is cold and the landlord takes ages to fix things", "I like where I live now, it feels settled",
             "I have moved three times this year", "My carers make me feel part of the family"],
    "learning": ["Exams are really stressing me out", "College is going well and I got a merit",
                 "I keep missing lessons because of travel", "My apprenticeship is hard but I like it"],
    "health": ["I waited months for counselling", "I have been sleeping better", "Getting a dentist is impossible",
               "I feel anxious most days"],
    "family": ["I want to see my brother more often", "Christmas was hard without my family",
               "Family time got cancelled again", "Contact with my nan is going well"],
    "worker": ["My PA always answers my messages", "I have had four social workers this year",
               "My worker listens to me", "Nobody rang me back for two weeks"],
    "money": ["My money runs out before the end of the month", "The setting up home grant helped a lot",
              "Bills after Christmas left me with nothing", "I don't understand my universal credit"],
    "leaving_care": ["I'm scared about turning 18", "My pathway plan is out of date",
                     "Staying put has been really good for me", "Nobody told me what the Local Offer is"],
    "other": ["The youth group is the best part of my week", "I want to learn to drive"],
}
BETTER: dict[str, list[str]] = {
    "home": ["Fix repairs quicker", "Let me stay here"], "learning": ["More help before exams", "Help with bus fares"],
    "health": ["Shorter waits for counselling", "Help finding a dentist"],
    "family": ["More family time at weekends", "Help me keep in touch with my brother"],
    "worker": ["Keep the same worker for longer", "Reply within three days like the pledge says"],
    "money": ["Teach us budgeting before we move out", "Pay the grant sooner"],
    "leaving_care": ["Explain the Local Offer properly", "Start planning earlier"],
    "other": ["Driving lessons for care leavers", "More trips"],
}
# Details that must never reach the digest: scrub() removes them from quotes.
PLANTED: list[str] = [
    "my social worker is Dave Smith and he never calls back", "ring me on 07700 900123 if you want",
    "I live at 12 Oak Road BA1 2AB and it is damp", "I go to Taunton Academy and it is ok",
    "born 12/03/2007 so I am nearly 18", "email me at jo.bloggs@example.com",
    "my PA is called Kelly Brown and she is great", "I went with Sarah to the council offices",
]
UNANSWERED: list[str] = [
    "can i get help paying for driving lessons", "do i get money for a passport", "who pays my phone bill",
    "can my girlfriend move into my flat", "what happens to my savings when i turn 18", "how do i get a bus pass",
    "can i get a laptop for college", "is there help with gym membership", "what if my landlord wont give my deposit back",
    "can i change my PA", "how do i see my care files", "do care leavers get free prescriptions",
    "what is a guarantor", "help with my electric bill", "can i do a uni course part time and keep support",
    "my mate from care wants to know about council tax", "how do I register with a gp", "where is the youth club",
    "can I get help with my ex's number 07700 900456",
]
WE_SAID: list[tuple[str, str, str]] = [
    ("Care leavers should not pay council tax until they are 25", "family:offer", "Head of leaving care"),
    ("We want free bus passes to get to college", "principle:aspirations", "Virtual School head"),
    ("Placements should all have decent Wi-Fi", "family:care", "Head of fostering"),
    ("Stop changing our social workers so often", "principle:safe_stable", "Head of children's social care"),
    ("Let us help interview new staff", "family:voice", "Participation officer"),
    ("Give us a leisure pass for the gym and pool", "principle:best_interests", "Leisure services manager"),
    ("Explain the Local Offer in plain words", "family:offer", "Participation officer"),
    ("Help with driving lessons", "principle:adulthood", "Head of leaving care"),
    ("Our PEP meetings should ask what we think first", "principle:aspirations", "Virtual School head"),
    ("Counselling waits are too long", "principle:best_interests", "Designated nurse for children in care"),
    ("More family time at weekends", "principle:safe_stable", "Head of children's social care"),
    ("Care leavers need priority for council housing", "principle:adulthood", "Housing options manager"),
    ("Councillors should come to our meetings", "principle:take_views_into_account", "Corporate Parenting Board chair"),
    ("Tell us what happened after we speak up", "principle:express_views", "Participation officer"),
    ("Pay the setting up home grant before we move in", "family:offer", "Head of leaving care"),
]
DID: dict[str, str] = {
    "planned": "Agreed in principle; a plan goes to the board next quarter.",
    "in_progress": "Started: a working group with young people meets monthly.",
    "done": "Agreed by the council and in place now.",
    "cannot_do": "We looked at this carefully but cannot do it this year.",
}
REASON = "The budget for this year is already set; we will look again when it is reviewed."
# Statuses for the We Said items, in order, so every status is there.
STATUS_PLAN = ["done", "done", "in_progress", "planned", "cannot_do", "done", "in_progress", "open", "done",
               "cannot_do", "planned", "open", "in_progress", "open", "open"]
SAFEGUARDING_WEIGHTS = {"suicide": 6, "homeless": 5, "abuse": 3, "exploitation": 2, "danger": 2}
AGE_WEIGHTS = {"under_16": 5, "16_17": 30, "18_21": 40, "22_25": 15, None: 10}


def fill(store: Store, council: str, seed: int, year_end: date) -> dict[str, Any]:
    """Fill the store with a made-up year [year_end - 365 days, year_end) for one council; returns counts."""
    if store.rows("SELECT 1 FROM people WHERE council = ? LIMIT 1", (council,)):
        raise ValueError(f"the database already has activity for {council}; use a new database for the demo")
    rng = random.Random(seed)
    start = year_end - YEAR
    earliest = start - YEAR  # views go back a year more, for the trend
    people = _people(rng, council, earliest, year_end)
    young = [p for p in people if p["role"] != "officer"]
    views = _views(rng, council, young, earliest, year_end)
    questions = _questions(rng, council, start, year_end)
    unanswered = _unanswered(rng, council, young, start, year_end)
    items, endorsements, ratings = _we_said(rng, council, young, start, year_end)
    safeguarding = _safeguarding(rng, council, young, start, year_end)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO people (key, channel, council, created, last_seen, role, age_band) "
            "VALUES (:key, :channel, :council, :created, :last_seen, :role, :age_band)",
            people,
        )
        conn.executemany(
            "INSERT INTO chat_links (key, chat_id) VALUES (?, ?)",
            [(p["key"], p["chat_id"]) for p in people if p["chat_id"]],
        )
        conn.executemany(
            "INSERT INTO views (key, council, topic, feeling, happening, better, share, age_band, created, quote_status, quote) "
            "VALUES (:key, :council, :topic, :feeling, :happening, :better, :share, :age_band, :created, :quote_status, :quote)",
            views,
        )
        conn.executemany(
            "INSERT INTO topic_stats (council, day, topic_id, asked, helpful, not_helpful) VALUES (?, ?, ?, ?, ?, ?)",
            questions,
        )
        conn.executemany("INSERT INTO unanswered (key, council, text, created) VALUES (?, ?, ?, ?)", unanswered)
        conn.executemany(
            "INSERT INTO wsyd_items (id, council, said, theme, raised_on, raised_by, created, status, did, reason, owner, "
            "answered_on, answered_by) VALUES (:id, :council, :said, :theme, :raised_on, :raised_by, :created, :status, "
            ":did, :reason, :owner, :answered_on, :answered_by)",
            items,
        )
        conn.executemany("INSERT INTO wsyd_endorsements (item_id, key, created) VALUES (?, ?, ?)", endorsements)
        conn.executemany("INSERT INTO wsyd_ratings (item_id, key, rating, created) VALUES (?, ?, ?, ?)", ratings)
        conn.executemany("INSERT INTO safeguarding_events (key, council, kind, at) VALUES (?, ?, ?, ?)", safeguarding)
    return {
        "council": council,
        "from": start.isoformat(),
        "to": year_end.isoformat(),
        "people": len(people),
        "views": len(views),
        "quotes_pending": sum(v["quote_status"] == "pending" for v in views),
        "quotes_approved": sum(v["quote_status"] == "approved" for v in views),
        "questions": sum(row[3] for row in questions),
        "unanswered": len(unanswered),
        "we_said_items": len(items),
        "ratings": len(ratings),
        "endorsements": len(endorsements),
        "safeguarding_events": len(safeguarding),
    }


def _moment(rng: random.Random, day: date) -> str:
    """A time on that day, in the hours young people are awake."""
    return stamp(datetime.combine(day, time(rng.randint(7, 23), rng.randint(0, 59), rng.randint(0, 59)), timezone.utc))


def _day_between(rng: random.Random, first: date, end: date) -> date:
    return first + timedelta(days=rng.randrange(max(1, (end - first).days)))


def _weighted(rng: random.Random, weights: dict[Any, float]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _people(rng: random.Random, council: str, earliest: date, year_end: date) -> list[dict[str, Any]]:
    people = []
    for number in range(rng.randint(230, 270)):
        # Use grows: more young people started in the later year.
        created = _day_between(rng, earliest, year_end - YEAR) if rng.random() < 0.5 else _day_between(rng, year_end - YEAR, year_end)
        last_seen = min(year_end - timedelta(days=1), _day_between(rng, created, created + YEAR))
        role = "officer" if number == 0 else ("council_member" if number <= 8 else "young_person")
        channel = "terminal" if rng.random() < 0.1 else "telegram"
        people.append({
            "key": f"{rng.getrandbits(256):064x}",
            "channel": channel,
            "council": council,
            "created": _moment(rng, created),
            "last_seen": _moment(rng, last_seen),
            "role": role,
            "age_band": None if role == "officer" else _weighted(rng, AGE_WEIGHTS),
            "chat_id": str(rng.randint(10**9, 7 * 10**9)) if channel == "telegram" else None,
            "first_day": created,
            "last_day": last_seen,
        })
    return people


def _views(rng: random.Random, council: str, young: list[dict[str, Any]], earliest: date, year_end: date) -> list[dict[str, Any]]:
    views = []
    for person in young:
        for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4, 6))):
            day = _day_between(rng, person["first_day"], person["last_day"] + timedelta(days=1))
            weights = dict(VIEW_TOPIC_WEIGHTS)
            if day.month in (1, 2):
                weights["money"] *= 2.5
            if day.month in (5, 6):
                weights["learning"] *= 2.5
            topic = _weighted(rng, weights)
            # The later year goes a little better: something to show in the trend.
            lift = 0.3 if day >= year_end - YEAR and topic in ("worker", "leaving_care") else 0.0
            feeling = min(5, max(1, round(rng.gauss(view_mood(topic, day.month) + lift, 1.0))))
            happening = better = None
            if rng.random() < 0.45:
                happening = rng.choice(HAPPENING[topic])
                if rng.random() < 0.6:
                    better = rng.choice(BETTER[topic])
                if rng.random() < 0.12:
                    happening = f"{happening}, {rng.choice(PLANTED)}"
            quote = candidate_quote(happening, better)
            status = "none"
            if quote:
                planted = any(p in (happening or "") for p in PLANTED)
                roll = rng.random()
                status = "rejected" if planted and roll < 0.5 else "approved" if not planted and roll < 0.15 else "pending"
                status = "rejected" if status == "pending" and roll > 0.9 else status
            views.append({
                "key": person["key"], "council": council, "topic": topic, "feeling": feeling,
                "happening": happening, "better": better,
                "share": "follow_up" if rng.random() < 0.2 else "anonymous",
                "age_band": person["age_band"], "created": _moment(rng, day),
                "quote_status": status, "quote": quote,
            })
    return sorted(views, key=lambda v: v["created"])


def _poisson(rng: random.Random, rate: float) -> int:
    limit, count, product = math.exp(-rate), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _questions(rng: random.Random, council: str, start: date, year_end: date) -> list[tuple[Any, ...]]:
    rows = []
    day = start
    while day < year_end:
        weekend = day.weekday() >= 5
        for topic, rate in QUESTION_RATES.items():
            factor = 0.7 if weekend else 1.0
            for prefix, months, boost in QUESTION_SEASONS:
                if topic == prefix and day.month in months:
                    factor *= boost
            asked = _poisson(rng, rate * factor)
            if asked:
                helpful = sum(rng.random() < 0.6 for _ in range(asked))
                not_helpful = sum(rng.random() < 0.35 for _ in range(asked - helpful))
                rows.append((council, day.isoformat(), topic, asked, helpful, not_helpful))
        day += timedelta(days=1)
    return rows


def _unanswered(rng: random.Random, council: str, young: list[dict[str, Any]], start: date, year_end: date) -> list[tuple[Any, ...]]:
    rows = []
    for _ in range(rng.randint(60, 90)):
        person = rng.choice(young)
        text = scrub(rng.choice(UNANSWERED))[:MAX_KEPT_TEXT]  # kept scrubbed, as the bot keeps them
        rows.append((person["key"], council, text, _moment(rng, _day_between(rng, start, year_end))))
    return sorted(rows, key=lambda r: r[3])


def _we_said(
    rng: random.Random, council: str, young: list[dict[str, Any]], start: date, year_end: date
) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    members = [p for p in young if p["role"] == "council_member"] or young
    items, endorsements, ratings = [], [], []
    span = (year_end - start).days
    for number, ((said, theme, owner), status) in enumerate(zip(WE_SAID, STATUS_PLAN), start=1):
        # Spread over the year; the last open item is recent, so not yet overdue.
        raised = start + timedelta(days=int(span * (number - 0.5) / len(WE_SAID)))
        if status == "open" and number == len(WE_SAID):
            raised = year_end - timedelta(days=10)
        answered = None if status == "open" else min(year_end - timedelta(days=1), raised + timedelta(days=rng.randint(7, 45)))
        items.append({
            "id": number, "council": council, "said": said, "theme": theme, "raised_on": raised.isoformat(),
            "raised_by": rng.choice(members)["key"], "created": _moment(rng, raised), "status": status,
            "did": DID.get(status), "reason": REASON if status == "cannot_do" else None,
            "owner": None if status == "open" else owner,
            "answered_on": answered.isoformat() if answered else None, "answered_by": None,
        })
        popular = rng.random() < 0.5
        for person in rng.sample(young, rng.randint(8, 30) if popular else rng.randint(0, 5)):
            endorsements.append((number, person["key"], _moment(rng, _day_between(rng, raised, year_end))))
        if answered:
            mood = {"done": (7, 2, 1), "in_progress": (4, 4, 2), "planned": (3, 4, 3), "cannot_do": (1, 3, 6)}[status]
            for person in rng.sample(young, rng.randint(6, 20) if popular else rng.randint(1, 5)):
                rating = rng.choices(("yes", "partly", "no"), weights=mood)[0]
                ratings.append((number, person["key"], rating, _moment(rng, _day_between(rng, answered, year_end))))
    return items, endorsements, ratings


def _safeguarding(rng: random.Random, council: str, young: list[dict[str, Any]], start: date, year_end: date) -> list[tuple[Any, ...]]:
    rows = [
        (rng.choice(young)["key"], council, _weighted(rng, SAFEGUARDING_WEIGHTS), _moment(rng, _day_between(rng, start, year_end)))
        for _ in range(rng.randint(14, 24))
    ]
    return sorted(rows, key=lambda r: r[3])
