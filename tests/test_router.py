"""Phrase -> topic, per family: what a young person types and what they get."""

from __future__ import annotations

import pytest

from intents.matcher import LONG_MODEL_WEIGHT, MODEL_WEIGHT, Candidate, Matcher, model_weight
from intents.router import SURE_ANSWER, Action, Router
from knowledge.base import CouncilKnowledge


@pytest.fixture(scope="module")
def router(somerset: CouncilKnowledge) -> Router:
    return Router(Matcher(somerset.matchable()))


def answered(router: Router, text: str) -> str:
    decision = router.decide(text)
    return decision.topic_id if decision.action in (Action.ANSWER, Action.CRISIS) else decision.action.value


OFFER = [
    ("wat is the local offer", "offer.local_offer"),
    ("where can i read the care leavers offer", "offer.local_offer"),
    ("do i count as a care leaver", "offer.eligibility"),
    ("do i count as a care leaver if i went home at 17", "offer.eligibility"),
    ("can i keep my pa till im 25", "offer.personal_adviser"),
    ("i want a different personal adviser", "offer.personal_adviser"),
    ("wats a pathway plan", "offer.pathway_plan"),
    ("how often is my pathway plan reviewed", "offer.pathway_plan"),
    ("wat happens wen i turn 18", "offer.leaving_care_age"),
    ("can i stay at my foster carers wen im 18", "offer.staying_put"),
    ("staying put", "offer.staying_put"),
    ("staying close", "offer.staying_close"),
    ("im looking for a flat", "offer.housing"),
    ("setting up home allowance", "offer.setting_up_home"),
    ("leaving care grant", "offer.setting_up_home"),
    ("ctax exempt?", "offer.council_tax"),
    ("do care leavers pay council tax", "offer.council_tax"),
    ("universal credit", "offer.money"),
    ("junior isa", "offer.junior_isa"),
    ("16-19 bursary", "offer.education"),
    ("uni bursary", "offer.university"),
    ("where do i live in the summer holidays from uni", "offer.university"),
    ("apprentiship", "offer.work"),
    ("register with a dentist", "offer.health"),
    ("free prescriptions", "offer.health"),
    ("i need someone to talk to about my feelings", "offer.mental_health"),
    ("gym membership", "offer.leisure"),
    ("how do i get my birth certificate", "offer.documents"),
    ("national insurance number", "offer.documents"),
    ("im pregnant", "offer.parenting"),
    ("care leaver covenant", "offer.care_leaver_covenant"),
    ("my asylum claim", "offer.immigration"),
]

VOICE = [
    ("wats an advacate", "voice.advocacy"),
    ("advocate phone number", "voice.advocacy_contact"),
    ("route one advocacy", "voice.advocacy_contact"),
    ("independent visitor", "voice.independent_visitor"),
    ("how do i make a complaint", "voice.complaints"),
    ("my lac review", "voice.review_meeting"),
    ("how do i join sicc", "voice.in_care_council"),
    ("corporate parenting board", "voice.corporate_parenting"),
    ("we said you did", "voice.we_said_you_did"),
    ("i want to give feedback on my care", "voice.share_views"),
]

CARE = [
    ("my social worker never answers", "care.social_worker"),
    ("i hate my placement", "care.placement"),
    ("can i see my brother", "care.family_time"),
    ("i want to read my care file", "care.records"),
    ("what does section 20 mean", "care.legal_status"),
    ("how much pocket money should i get", "care.pocket_money"),
    ("i want to learn to budget and cook", "care.independence_skills"),
]

GLOSSARY = [
    ("what does pep stand for", "glossary.pep"),
    ("wat is an iro", "glossary.iro"),
    ("what does cla mean", "glossary.cla"),
    ("what does uasc mean", "glossary.uasc"),
    ("what is an sdq", "glossary.sdq"),
    ("what does neet mean", "glossary.neet"),
    ("what is camhs", "glossary.camhs"),
    ("sgo meaning", "glossary.sgo"),
]

META = [
    ("hiya", "meta.greeting"),
    ("cheers", "meta.thanks"),
    ("bye", "meta.goodbye"),
    ("what can you do", "meta.help"),
    ("can i speak to a real person", "meta.human"),
    ("are you a real person", "meta.bot_identity"),
    ("who can see my messages", "meta.privacy"),
    ("forget me", "meta.delete_data"),
]

CRISIS = [
    ("i wanna die", "crisis.suicide"),
    ("my carer hits me", "crisis.abuse"),
    ("i have been kicked out and have nowhere to sleep", "crisis.homeless"),
    ("someone is making me sell drugs", "crisis.exploitation"),
    ("im in danger", "crisis.danger"),
]


@pytest.mark.parametrize("text, topic", OFFER + VOICE + CARE + GLOSSARY + META + CRISIS)
def test_phrase_goes_to_topic(router: Router, text: str, topic: str) -> None:
    assert answered(router, text) == topic


@pytest.mark.parametrize("text", ["what is the capital of france", "who won the football", "tell me a joke", "asdfgh"])
def test_out_of_scope_is_declined_not_guessed(router: Router, text: str) -> None:
    decision = router.decide(text)
    assert decision.action is Action.FALLBACK


def test_a_vague_word_asks_did_you_mean(router: Router) -> None:
    decision = router.decide("plan")
    assert decision.action is Action.CLARIFY
    assert set(decision.choices) >= {"offer.pathway_plan", "voice.review_meeting"}


def test_crisis_topics_are_never_guessed_by_the_matcher(somerset: CouncilKnowledge) -> None:
    assert not any(t.startswith("crisis.") for t in somerset.matchable())


# Two letters swapped, and a dropped g, are read as the word meant.
@pytest.mark.parametrize(
    ("text", "topic"),
    [("am i a care levaer", "offer.eligibility"), ("hosuing help", "offer.housing"), ("sw not replyin", "care.social_worker")],
)
def test_phone_slips_are_read_as_the_word_meant(router: Router, text: str, topic: str) -> None:
    decision = router.decide(text)
    assert (decision.action, decision.topic_id) == (Action.ANSWER, topic)


# Two words run together on a phone keyboard are read as the two words.
@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("socialworker", "care.social_worker"),
        ("independentvisitor", "voice.independent_visitor"),
        ("how do i get my birthcertificate", "offer.documents"),
        ("whats a pathwayplan", "offer.pathway_plan"),
    ],
)
def test_words_run_together_are_read_apart(router: Router, text: str, topic: str) -> None:
    decision = router.decide(text)
    assert (decision.action, decision.topic_id) == (Action.ANSWER, topic)


# A question that is one line of a long story: the story's other words must not drown it.
# Sure enough to outweigh a learned guess of a crisis (the first also leaves a foster home, calmly, in april).
LONG_STORIES = [
    (
        "right so i left my foster home in april and moved into a little studio near the station. its been "
        "ok, work is fine and my nan comes round on sundays. but yesterday a council tax letter came for the "
        "flat, like two hundred quid, and i thought care leavers didnt pay that. do i have to pay it?",
        "offer.council_tax",
    ),
    (
        "so my carer took me to see my mum on saturday at the contact centre and it went ok but it was only "
        "an hour again and my little brother wasnt even there. i keep asking my social worker if we can have "
        "longer or see each other at the park instead. who decides how often i see my family?",
        "care.family_time",
    ),
    (
        "this might be a weird one but im 19 and i just found out my girlfriend is pregnant, we are both "
        "really happy but also scared cos neither of us had a good start. my pa is on leave. is there any "
        "help for care leavers who are going to be parents?",
        "offer.parenting",
    ),
    (
        "i moved to my new supported flat last month and honestly its fine, the staff are nice, but i have "
        "literally nothing in it, no kettle no bedding nothing, and i spent my last money on the bus. someone "
        "said there is a grant you get when you set up your first home, how do i get it?",
        "offer.setting_up_home",
    ),
]


@pytest.mark.parametrize(("text", "topic"), LONG_STORIES)
def test_a_question_inside_a_long_story_is_answered(router: Router, text: str, topic: str) -> None:
    decision = router.decide(text)
    assert (decision.action, decision.topic_id) == (Action.ANSWER, topic)
    assert decision.score >= SURE_ANSWER


def test_the_topic_model_counts_for_more_in_longer_messages() -> None:
    assert model_weight(5) == MODEL_WEIGHT and model_weight(200) == LONG_MODEL_WEIGHT
    assert MODEL_WEIGHT < model_weight(20) < LONG_MODEL_WEIGHT


# Two questions in one: each half is clear on its own, so both are answered.
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("how do i claim my junior isa and whats the setting up home allowance", "offer.junior_isa", "offer.setting_up_home"),
        ("what is a pep? also can i get a bus pass for college", "offer.education", "glossary.pep"),
        ("can i get help with council tax and how do i open a bank account", "offer.money", "offer.council_tax"),
    ],
)
def test_two_questions_in_one_are_both_answered(router: Router, text: str, first: str, second: str) -> None:
    decision = router.decide(text)
    assert (decision.action, decision.topic_id, decision.also) == (Action.ANSWER, first, (second,))


def test_one_question_with_and_in_it_is_one_question(router: Router) -> None:
    decision = router.decide("can i stay with my foster carers after 18 and how does it work")
    assert decision.also == ()


def test_a_long_message_is_not_plainly_a_question_at_the_long_message_weight() -> None:
    # The check that softens a learned alarm beside a plain question reads the short-message blend.
    leaning_on_the_model = Candidate("offer.housing", score=0.8, matched=0.5, model=0.95)
    assert leaning_on_the_model.short_message_score == pytest.approx(0.75 * 0.5 + 0.25 * 0.95)
    assert Candidate("offer.housing", score=0.3, matched=0.9, model=0.9).short_message_score == 0.3
