"""Build the board digest: storage's counts, suppressed, laid out by the seven principles.

The Digest (model.py) holds only what may be published. A count hidden by
suppression reaches it as a Figure with no value, so the renderers cannot
leak one by mistake; a derived figure (a percentage, a trend) is worked out
from published figures only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from bot.digest.model import VERDICTS, Digest, Fact, Quote, Row, Section, Table, Trend, WsydItem
from bot.digest.suppress import DEFAULT_THRESHOLD, TOTAL, Figure, grid_sums, grid_values, publish, single
from knowledge.crisis import TOPIC_OF_KIND
from knowledge.base import CouncilKnowledge
from storage import board
from storage.scrub import scrub
from storage.store import Store
from storage.vocab import AGE_BANDS, PRINCIPLES, RATINGS, VIEW_TOPIC_PRINCIPLE, VIEW_TOPICS, WSYD_STATUSES, WSYD_THEMES

Progress = Callable[[str], None]

SAFEGUARDING_KINDS: dict[str, str] = {
    "suicide": "Thoughts of suicide or self-harm",
    "danger": "In danger now",
    "abuse": "Abuse",
    "exploitation": "Exploitation",
    "homeless": "Homeless, or about to be",
}
OTHER_THEME = "Something else"
# Feelings in three groups: five make cells so small that most would be
# hidden, and a councillor asks "how many are OK or better?" anyway.
FEELING_GROUPS: dict[str, tuple[str, tuple[int, ...]]] = {
    "low": ("Bad", (1, 2)),
    "ok": ("OK", (3,)),
    "good": ("Good", (4, 5)),
}
QUOTES_PER_SECTION = 3
# A change in the number of young people this small is "about the same".
SAME_WITHIN = 0.1


def build(
    store: Store,
    knowledge_or_council: CouncilKnowledge | str,
    start: date,
    end: date,
    threshold: int = DEFAULT_THRESHOLD,
    overdue_days: int = board.OVERDUE_WORKING_DAYS,
    *,
    council_name: str | None = None,
    progress: Progress | None = None,
) -> Digest:
    """The anonymised digest for one council and the period [start, end)."""
    if end <= start:
        raise ValueError("the period must end after it starts")
    say = progress or (lambda _step: None)
    if isinstance(knowledge_or_council, CouncilKnowledge):
        knowledge: CouncilKnowledge | None = knowledge_or_council
        slug, name = knowledge_or_council.slug, knowledge_or_council.name
    else:
        knowledge, slug, name = None, knowledge_or_council, knowledge_or_council.capitalize()
    previous = board.previous_period(start, end)

    def title(topic_id: str) -> str:
        if knowledge is not None and topic_id in knowledge.topics:
            return knowledge.title(topic_id)
        return topic_id.split(".", 1)[-1].replace("_", " ").capitalize()

    say("Counting who took part, and views this period and the one before")
    engagement, views_now = _people(
        board.engagement(store, slug, start, end), _grouped(board.views_by_topic_feeling(store, slug, start, end)), threshold
    )
    views_before = _views_table(
        _grid_figures(_grouped(board.views_by_topic_feeling(store, slug, *previous)), list(VIEW_TOPICS), list(FEELING_GROUPS), threshold),
        "views_before", "The period before",
    )
    say("Counting questions")
    asked = board.questions_by_topic(store, slug, start, end)
    order = list(knowledge.topics) if knowledge is not None else sorted(asked)
    questions = _questions(asked, order, title, threshold)
    unanswered = _unanswered(board.unanswered_by_theme(store, slug, start, end), threshold)
    trend = tuple(_trend(topic, views_now, views_before) for topic in VIEW_TOPICS)
    say("Reading We Said, You Did")
    items, ratings = _wsyd(board.wsyd_report(store, slug, start, end, overdue_days), threshold)
    say("Counting safeguarding signposting")
    safeguarding = _safeguarding(board.safeguarding_counts(store, slug, start, end), threshold)
    newest = _newest_quotes(board.approved_quotes(store, slug, start, end))

    def quotes_for(principle: str) -> tuple[Quote, ...]:
        return tuple(newest.get(principle, {}).values())

    def topics_for(principle: str) -> tuple[str, ...]:
        return tuple(t for t in VIEW_TOPICS if VIEW_TOPIC_PRINCIPLE[t] == principle)

    t = threshold
    asked_total, unanswered_total = questions.totals.cells[0], unanswered.totals.cells[0]  # type: ignore[union-attr]
    share = _percent(asked_total, asked_total, unanswered_total)
    active, new = engagement.totals.total, engagement.totals.cells[0]  # type: ignore[union-attr]
    sections = [
        Section(
            "engagement", "Who took part", "express_views",
            summary=(
                f"{_text(active, t)} young people used carebot in this period "  # type: ignore[arg-type]
                f"({_text(new, t)} of them for the first time). Each young person is counted once, "
                "however often they used it.",
            ),
            facts=(Fact("Young people who used carebot", active), Fact("New to carebot in this period", new)),  # type: ignore[arg-type]
            tables=(engagement,),
        ),
        Section(
            "best_interests", PRINCIPLES["best_interests"], "best_interests",
            summary=("How young people said they feel about their health and well-being.",),
            topics=topics_for("best_interests"), quotes=quotes_for("best_interests"),
        ),
        Section(
            "express_views", PRINCIPLES["express_views"], "express_views",
            summary=(
                "Young people can tell carebot how things are going, from really bad to really good. "
                "Each young person counts once per topic: their latest view in the period. "
                "The trend compares this period with the one just before it, of the same length.",
            ),
            tables=(views_now, views_before), topics=topics_for("express_views"), trend=trend,
            quotes=quotes_for("express_views"),
        ),
        Section(
            "take_views_into_account", PRINCIPLES["take_views_into_account"], "take_views_into_account",
            summary=(
                "What the children in care councils said, what the council did, and whether young people "
                "thought the answer was good enough.",
                f"Items marked overdue were still waiting for an answer more than {overdue_days} working days "
                "after they were raised." if any(item.overdue for item in items)
                else f"No item was waiting more than {overdue_days} working days for an answer.",
            ),
            tables=(ratings,), items=tuple(items),
        ),
        Section(
            "access_services", PRINCIPLES["access_services"], "access_services",
            summary=(
                f"Young people asked carebot {_text(asked_total, t)} questions it could answer and "
                f"{_text(unanswered_total, t)} it could not. The questions it could not answer show where "
                "the Local Offer is not reaching young people; we count them by theme and never keep names.",
                *((f"carebot could answer {share} of the questions it was asked.",) if share else ()),
            ),
            tables=(questions, unanswered), topics=topics_for("access_services"), quotes=quotes_for("access_services"),
        ),
        Section(
            "aspirations", PRINCIPLES["aspirations"], "aspirations",
            summary=("How young people said school, college and work are going.",),
            topics=topics_for("aspirations"), quotes=quotes_for("aspirations"),
        ),
        Section(
            "safe_stable", PRINCIPLES["safe_stable"], "safe_stable",
            summary=(
                "When someone tells carebot they are not safe, it gives them the right helplines and a person "
                "to talk to straight away, and tells the safeguarding lead. These are numbers only.",
            ),
            tables=(safeguarding,), topics=topics_for("safe_stable"), quotes=quotes_for("safe_stable"),
        ),
        Section(
            "adulthood", PRINCIPLES["adulthood"], "adulthood",
            summary=("How young people said money and leaving care are going.",),
            topics=topics_for("adulthood"), quotes=quotes_for("adulthood"),
        ),
    ]
    return Digest(slug, council_name or name, start, end, previous[0], previous[1], threshold, overdue_days, tuple(sections))


def _text(figure: Figure, threshold: int) -> str:
    return figure.text(threshold)


def _column_table(
    key: str, title: str, row_header: str, column: str, counts: dict[str, int], labels: dict[str, str], threshold: int, note: str = ""
) -> Table:
    """One column of counts with its total; rows in the order of labels."""
    rows = list(labels)
    values = grid_values({r: {column: counts.get(r, 0)} for r in rows}, rows, [column], row_totals=False)
    figures = publish(values, grid_sums(rows, [column], row_totals=False), threshold)
    return Table(
        key, title, row_header, (column,),
        tuple(Row(labels[r], (figures[(r, column)],)) for r in rows),
        Row("Total", (figures[(TOTAL, column)],)), note=note,
    )


def _grid_figures(counts: dict[Any, dict[Any, int]], rows: list[Any], columns: list[Any], threshold: int) -> dict[Any, Figure]:
    return publish(grid_values(counts, rows, columns), grid_sums(rows, columns), threshold)


def _grouped(views: dict[str, dict[int, int]]) -> dict[str, dict[str, int]]:
    return {
        topic: {group: sum(feelings.get(f, 0) for f in members) for group, (_, members) in FEELING_GROUPS.items()}
        for topic, feelings in views.items()
    }


def _people(engagement: dict[str, Any], views: dict[str, dict[str, int]], threshold: int) -> tuple[Table, Table]:
    """Young people by age band, and by view topic and feeling, protected together.

    Together, because one is bounded by the other: the young people with a
    view on one topic are never more than the young people who used
    carebot, and a reader could use that to narrow a hidden count.
    """
    bands, kinds = list(AGE_BANDS), ["new", "returning"]
    topics, feelings = list(VIEW_TOPICS), list(FEELING_GROUPS)
    people = grid_values(engagement["by_age_band"], bands, kinds)
    felt = grid_values(views, topics, feelings)
    values = {("age", *k): v for k, v in people.items()} | {("view", *k): v for k, v in felt.items()}
    sums = [
        ([(prefix, *p) for p in parts], (prefix, *total))
        for prefix, shape in (("age", (bands, kinds)), ("view", (topics, feelings)))
        for parts, total in grid_sums(*shape)
    ]
    active = ("age", TOTAL, TOTAL)
    at_most = [(("view", t, TOTAL), active) for t in topics if values[("view", t, TOTAL)] <= values[active]]
    figures = publish(values, sums, threshold, at_most)
    by_age = {k[1:]: f for k, f in figures.items() if k[0] == "age"}
    by_topic = {k[1:]: f for k, f in figures.items() if k[0] == "view"}
    table = Table(
        "age_bands", "Young people who used carebot, by age", "Age", ("New this period", "Used it before"),
        tuple(Row(AGE_BANDS[b], tuple(by_age[(b, k)] for k in kinds), by_age[(b, TOTAL)]) for b in bands),
        Row("Total", tuple(by_age[(TOTAL, k)] for k in kinds), by_age[(TOTAL, TOTAL)]),
        total_header="Young people",
    )
    return table, _views_table(by_topic, "views_now", "This period")


def _newest_quotes(approved: Iterable[dict[str, str]]) -> dict[str, dict[str, Quote]]:
    """The newest few quotes for each principle, each said once: a board reads voices, not a list.

    Reading stops once every principle has its few: a big council has tens
    of thousands of approved quotes, and each is scrubbed again as it is read.
    """
    chosen: dict[str, dict[str, Quote]] = {principle: {} for principle in set(VIEW_TOPIC_PRINCIPLE.values())}
    for row in approved:
        principle = VIEW_TOPIC_PRINCIPLE.get(row["topic"], "express_views")
        few = chosen.setdefault(principle, {})
        if len(few) < QUOTES_PER_SECTION and row["quote"] not in few:
            few[row["quote"]] = Quote(row["topic"], row["quote"])
        if all(len(few) == QUOTES_PER_SECTION for few in chosen.values()):
            break
    return chosen


def _questions(asked: dict[str, dict[str, int]], order: list[str], title: Callable[[str], str], threshold: int) -> Table:
    # Fixed order (the knowledge base's), never by size: an order by size
    # would tell a reader which hidden counts are bigger.
    topics = [t for t in order if asked.get(t, {}).get("asked")]
    topics += sorted(t for t in asked if t not in topics and asked[t].get("asked"))
    return _column_table(
        "questions", "Questions carebot answered, by topic", "Topic", "Questions",
        {t: int(asked[t]["asked"]) for t in topics}, {t: title(t) for t in topics}, threshold,
        note="Topics nobody asked about are left out.",
    )


def _unanswered(themes: dict[str, int], threshold: int) -> Table:
    labels = {**{k: v for k, v in VIEW_TOPICS.items() if k != "other"}, "other": OTHER_THEME}
    return _column_table(
        "unanswered", "Questions carebot could not answer, by theme", "Theme", "Questions", themes, labels, threshold,
        note="Themes are a rough guide from the words used. The questions themselves are not in this digest.",
    )


def _views_table(figures: dict[Any, Figure], key: str, when: str) -> Table:
    topics, feelings = list(VIEW_TOPICS), list(FEELING_GROUPS)
    return Table(
        key, f"How young people feel, by topic: {when.lower()}", "Topic", tuple(FEELING_GROUPS[f][0] for f in feelings),
        tuple(Row(VIEW_TOPICS[t], tuple(figures[(t, f)] for f in feelings), figures[(t, TOTAL)]) for t in topics),
        Row("All topics", tuple(figures[(TOTAL, f)] for f in feelings), figures[(TOTAL, TOTAL)]),
        total_header="Young people",
        note="Bad means really bad or not good; Good means good or really good. A young person with views on two "
        "topics counts once in each, so the bottom row can add up to more than the number of young people.",
    )


def _percent(part: Figure, *whole: Figure) -> str | None:
    """part as a share of the sum of whole, from shown figures only."""
    if not part.shown or not all(w.shown for w in whole):
        return None
    total = sum(w.value or 0 for w in whole)
    return f"{round(100 * (part.value or 0) / total)}%" if total else None


def _good_share(row: Row) -> str | None:
    if row.total is None or not row.total.shown or not all(c.shown for c in row.cells):
        return None
    return _percent(row.cells[list(FEELING_GROUPS).index("good")], row.total)


def _change(now: Figure, before: Figure) -> str:
    if not now.shown or not before.shown:
        return "cannot compare"
    if before.value == 0:
        return "none either time" if now.value == 0 else "new this period"
    ratio = (now.value or 0) / (before.value or 1) - 1
    if abs(ratio) < SAME_WITHIN:
        return "about the same"
    return f"{'more' if ratio > 0 else 'fewer'} ({'+' if ratio > 0 else '−'}{abs(round(100 * ratio))}%)"


def _trend(topic: str, now: Table, before: Table) -> Trend:
    index = list(VIEW_TOPICS).index(topic)
    row_now, row_before = now.rows[index], before.rows[index]
    return Trend(
        topic, VIEW_TOPICS[topic], VIEW_TOPIC_PRINCIPLE[topic], row_now.total, row_before.total,  # type: ignore[arg-type]
        _change(row_now.total, row_before.total), _good_share(row_now), _good_share(row_before),  # type: ignore[arg-type]
    )


def _clean(text: str | None) -> str | None:
    """What young people said is scrubbed too: a name typed into a We Said item stays out."""
    return scrub(text).strip() if text else None


def _wsyd(report: list[dict[str, Any]], threshold: int) -> tuple[list[WsydItem], Table]:
    ids = [item["id"] for item in report]
    ratings = list(RATINGS)
    values = grid_values({item["id"]: item["ratings"] for item in report}, ids, ratings, row_totals=False)
    figures = publish(values, grid_sums(ids, ratings, row_totals=False), threshold)
    items = [
        WsydItem(
            said=_clean(item["said"]) or "",
            theme=WSYD_THEMES.get(item["theme"], item["theme"]),
            raised_on=date.fromisoformat(item["raised_on"]),
            status=item["status"],
            status_label=WSYD_STATUSES.get(item["status"], item["status"]),
            # The council's own answer and role names are its records, kept as written.
            did=item["did"],
            reason=item["reason"],
            owner=item["owner"],
            answered_on=date.fromisoformat(item["answered_on"]) if item["answered_on"] else None,
            overdue=bool(item["overdue"]),
            ratings={r: figures[(item["id"], r)] for r in ratings},
            endorsements=single(item["endorsements"], threshold),
        )
        for item in report
    ]
    table = Table(
        "wsyd_ratings", "Was the council's answer good enough? All items", "", tuple(VERDICTS[r] for r in ratings), (),
        Row("All answers", tuple(figures[(TOTAL, r)] for r in ratings), figures[(TOTAL, TOTAL)]),
        total_header="All ratings",
    )
    return items, table


def _safeguarding(counts: dict[str, int], threshold: int) -> Table:
    # By the five crisis topics, not the seventeen kinds: finer rows would be
    # mostly hidden, and a small kind with a count could point to one person.
    grouped = dict.fromkeys(SAFEGUARDING_KINDS, 0)
    for kind, n in counts.items():
        group = TOPIC_OF_KIND.get(kind, f"crisis.{kind}").removeprefix("crisis.")
        grouped[group] = grouped.get(group, 0) + n
    counts = grouped
    labels = {kind: SAFEGUARDING_KINDS.get(kind, kind.replace("_", " ").capitalize()) for kind in counts}
    return _column_table(
        "safeguarding", "Times carebot signposted someone to urgent help, by kind", "Kind", "Times", counts, labels, threshold,
    )
