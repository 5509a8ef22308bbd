"""Timeline: date expressions resolved against the publication date (never more precise than the text),
dated happenings found from the verb a date modifies, and merging across sources."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given, strategies as st

from briefing.consolidate.timeline import merge
from briefing.dates import granularity, is_duration, is_year_range, resolve
from briefing.extract.timeline import TimelineCandidate
from briefing.summary import Citation, TimelineEntry

FRIDAY = date(2031, 10, 17)  # a Friday


# --- dates (no model) ------------------------------------------------------------------------------

@pytest.mark.parametrize("expr,expected", [
    ("last fall", "2030"), ("last autumn", "2030"), ("in March", "2031-03"), ("March", "2031-03"),
    ("in November", "2030-11"),                     # a month still to come this year is last year's
    ("June 2024", "2024-06"), ("in June last year", "2030-06"), ("October of last year", "2030-10"),
    ("In early November last year", "2030-11"), ("last year", "2030"), ("last year's", "2030"),
    ("earlier this year", "2031"), ("on April 26", "2031-04-26"), ("3 March 2025", "2025-03-03"),
    ("Oct. 3, 2024", "2024-10-03"), ("2025-04-26", "2025-04-26"), ("five years ago", "2026"),
    ("last month", "2031-09"), ("in 2019", "2019"), ("the summer of 2023", "2023"),
    ("on Monday", "2031-10-13"), ("Friday", "2031-10-17"), ("on Saturday local time", "2031-10-11"),
    ("Friday evening", "2031-10-17"), ("late on Sunday", "2031-10-12"), ("Monday evening local time", "2031-10-13"),
    ("the night of October 12", "2031-10-12"), ("the small hours of Monday", "2031-10-13"),
    ("yesterday evening", "2031-10-16"), ("early yesterday", "2031-10-16"),
    ("yesterday", "2031-10-16"), ("over the weekend", "2031-10"),
])
def test_resolve_against_publication_date(expr, expected):
    assert resolve(expr, FRIDAY) == expected


@pytest.mark.parametrize("expr", ["six months", "over six months", "two days", "just two days", "48 hours",
                                  "the 1950-53", "the 1990s", "2019-2021", "recently", "soon", "last winter"])
def test_not_a_point_in_time(expr):
    assert resolve(expr, FRIDAY) is None


def test_durations_and_ranges_are_recognised():
    assert is_duration("six months") and is_duration("more than two years") and not is_duration("two years ago")
    assert is_duration("two nights") and is_duration("three weekends") and not is_duration("last night")
    assert is_year_range("the 1950-53 war") and not is_year_range("2025-04-26")


def test_weekdays_need_the_articles_own_date():
    assert resolve("on Monday", FRIDAY, exact_reference=False) is None
    assert resolve("yesterday", FRIDAY, exact_reference=False) is None
    assert resolve("in March", FRIDAY, exact_reference=False) == "2031-03"  # a month is safe from an estimate
    assert resolve("on Monday", None) is None and resolve("last fall", None) is None
    assert resolve("June 2024", None) == "2024-06"  # absolute dates need no reference


def test_future_reading_goes_forward():
    assert resolve("on Monday", FRIDAY, future=True) == "2031-10-20"
    assert resolve("in March", FRIDAY, future=True) == "2032-03"


@pytest.mark.parametrize("expr,expected", [
    ("at the end of January", "2032-01"), ("early February", "2032-02"), ("by March", "2032-03"),
    ("through January", "2032-01"), ("in December", "2031-12"), ("last January", "2031-01"),
    ("last year", "2030"), ("January last year", "2030-01"),
])
def test_future_reading_of_month_phrases(expr, expected):
    assert resolve(expr, date(2031, 11, 20), future=True) == expected


@pytest.mark.parametrize("expr,expected", [
    ("in January", "2031-01"), ("at the end of January", "2031-01"), ("last January", "2031-01"),
    ("January last year", "2030-01"), ("last year", "2030"), ("in December", "2030-12"),
])
def test_past_reading_of_month_phrases(expr, expected):
    assert resolve(expr, date(2031, 11, 20)) == expected


MONTH_OR_COARSER = ["in March", "last fall", "in June last year", "earlier this year", "last year", "last month",
                    "early November last year", "October of last year", "this spring", "June"]


@given(expr=st.sampled_from(MONTH_OR_COARSER), ref=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_never_more_precise_than_the_text(expr, ref):
    iso = resolve(expr, ref)
    assert iso is not None and granularity(iso) in ("year", "month")
    assert iso <= ref.isoformat()[:len(iso)] or expr == "this spring"  # the past, read from the reference


# --- extraction (spaCy) ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def timeline_of(nlp):
    from briefing.extract import DocContext, Sentence
    from briefing.extract import timeline

    def run(text: str, published: date | None = FRIDAY):
        doc = nlp(text)
        sents = [Sentence(span=s, start=s.start_char, source="a") for s in doc.sents]
        ctx = DocContext(document=SimpleNamespace(id="a", published=published), sentences=sents)
        return timeline.extract(ctx)

    return run


@pytest.mark.slow
def test_weekday_happening_with_its_clause(timeline_of):
    entries = timeline_of("On Tuesday, the port authority announced that the harbour had fully reopened.")
    assert [(e.date, e.event) for e in entries] == [
        ("2031-10-14", "The port authority announced that the harbour had fully reopened")]
    assert entries[0].citations[0].text.startswith("On Tuesday")


@pytest.mark.slow
def test_relative_clause_date_takes_its_antecedent(timeline_of):
    entries = timeline_of("Engineers rebuilt the old dam, which a flood destroyed in March.")
    assert [(e.date, e.event) for e in entries] == [("2031-03", "A flood destroyed the old dam")]


@pytest.mark.slow
def test_participle_after_a_noun_is_a_passive_happening(timeline_of):
    entries = timeline_of("Farmers protested against the water law passed in June 2030 by the assembly.")
    assert [e.date for e in entries] == ["2030-06"]
    assert entries[0].event.startswith("The water law was passed")


@pytest.mark.slow
def test_reported_happening_keeps_who_says_so(timeline_of):
    entries = timeline_of("Health officials said 40 people fell ill at the festival last fall.")
    assert [(e.date, e.event) for e in entries] == [("2030", "40 people fell ill at the festival, "
                                                              "according to health officials")]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The mayor said the plan was the result of last year's budget agreement.",   # a date describing a noun
    "After six months of talks, nothing changed.",                                # a duration
    "It was the worst drought since the 1950-53 drought.",                        # a historic range
    "The minister could visit the valley in May.",                                 # hedged future
    "The court will rule on the appeal next week.",                                # still to come
    "Countries pledged to cut emissions by 2040.",                                 # a target date
    "Sign up for our newsletter on Monday.",                                       # nobody doing anything
    "How many boats sank in March?",                                               # a question
    "Yesterday the appeals court agreed with us.",                                 # the writer's own voice
    "The 75-year-old farmer lost his herd.",                                       # an age
    "Critics said Monday's announcement changed nothing.",                         # dates a statement, not an event
    "The army withdrew two days after the rebels did so.",                         # relative to another happening
])
def test_dates_that_are_not_happenings(timeline_of, text):
    assert timeline_of(text) == []


@pytest.mark.slow
def test_undated_article_leaves_weekdays_out_and_defers_months(timeline_of):
    entries = timeline_of("The rail union went on strike on Monday. Fares rose sharply in March.", published=None)
    assert len(entries) == 1 and entries[0].date == "" and entries[0].expression == "March"
    placed = merge(entries, reference=FRIDAY)
    assert [(e.date, e.event) for e in placed] == [("2031-03", "Fares rose sharply")]


LATE_NOVEMBER = date(2031, 11, 20)


@pytest.mark.slow
@pytest.mark.parametrize("text,published,expected", [
    ("The district expects to reopen the school in February.", FRIDAY, ["2032-02"]),   # a future frame
    ("The ferry service resumes at the end of January, the operator says.", LATE_NOVEMBER, ["2032-01"]),
    ("The new tariff takes effect in early January, the ministry says.", LATE_NOVEMBER, ["2032-01"]),
    ("The vaccine trial is due to end in March.", date(2031, 12, 5), []),             # a bare 'is due': no verb
    ("The plant is idle, with repairs scheduled through January.", LATE_NOVEMBER, []),  # the end of a stretch
    ("The company expects to finish the tunnel in September.", LATE_NOVEMBER, []),    # too far ahead
])
def test_month_in_a_forward_clause_is_the_next_one(timeline_of, text, published, expected):
    # a milestone in the coming months, marked future; never last year's month
    entries = timeline_of(text, published=published)
    assert [e.date for e in entries] == expected and all(e.future for e in entries)


@pytest.mark.slow
@pytest.mark.parametrize("text,published,expected", [
    ("The factory resumed shipments in January.", LATE_NOVEMBER, "2031-01"),      # a past clause stays past
    ("The ministry closed the border in December.", FRIDAY, "2030-12"),           # a month still ahead, told past
    ("Parliament passed the budget in October.", date(2031, 12, 5), "2031-10"),
])
def test_month_in_a_past_clause_stays_in_the_past(timeline_of, text, published, expected):
    assert [e.date for e in timeline_of(text, published=published)] == [expected]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Last year's outage, when a transformer in the north was damaged in March 2030, was blamed on a storm.",
     ("2030-03", "A transformer in the north was damaged")),
    ("The town remembers the winter of 2028, when heavy snow closed the only road in January 2028.",
     ("2028-01", "Heavy snow closed the only road")),
])
def test_when_clause_after_a_noun_stands_on_its_own(timeline_of, text, expected):
    # the noun the 'when' clause follows is no object of its verb ("was damaged last year's outage")
    assert [(e.date, e.event) for e in timeline_of(text)] == [expected]


@pytest.mark.slow
def test_pronoun_subject_named_from_the_sentence(timeline_of):
    entries = timeline_of("The Lakeside Water Board said it closed the reservoir on Wednesday.")
    assert [(e.date, e.event) for e in entries] == [("2031-10-15", "The Lakeside Water Board closed the reservoir")]


# --- merging (no model) ----------------------------------------------------------------------------

def cite(source: str, text: str) -> Citation:
    return Citation(source=source, text=text, start=0, end=len(text))


def cand(source: str, when: str, event: str, verb: str = "", subject: str = "", expression: str = "") -> TimelineCandidate:
    return TimelineCandidate(date=when, event=event, citations=[cite(source, event + ".")], verb=verb,
                             subject=subject, expression=expression)


def test_milestones_still_to_come_only_fill_spare_room():
    from briefing.consolidate.timeline import MAX_ENTRIES

    past = [cand(f"s{i}", f"2031-09-{i + 1:02d}", f"Event number {i} happened in the town of {i}") for i in range(MAX_ENTRIES)]
    ahead = cand("m1", "2032-02", "The new bridge opens to traffic")
    again = cand("m2", "2032-02", "The new bridge opens to traffic")
    ahead.future = again.future = True
    kept = merge(past + [ahead, again])
    assert len(kept) == MAX_ENTRIES and all(e.date < "2032" for e in kept)
    assert [e.date for e in merge(past[:3] + [ahead])][-1] == "2032-02"


def test_same_happening_from_two_sources_is_one_entry_with_the_finer_date():
    entries = merge([
        cand("a", "2031-10", "The port reopened to ships", "reopen", "The port"),
        cand("b", "2031-10-14", "The port fully reopened to cargo ships", "reopen", "The port"),
    ])
    assert len(entries) == 1
    assert entries[0].date == "2031-10-14" and entries[0].event == "The port fully reopened to cargo ships"
    assert {c.source for c in entries[0].citations} == {"a", "b"}


def test_different_happenings_on_one_day_stay_apart_and_are_sorted():
    entries = merge([
        cand("a", "2031-10-14", "The union called a strike", "call", "The union"),
        cand("a", "2030", "The company cut wages", "cut", "The company"),
        cand("b", "2031-10-14", "The minister resigned", "resign", "The minister"),
    ])
    assert [e.date for e in entries] == ["2030", "2031-10-14", "2031-10-14"]
    assert len({e.event for e in entries}) == 3
    assert all(type(e) is TimelineEntry for e in entries)


def test_conflicting_dates_do_not_merge():
    entries = merge([cand("a", "2031-03", "The dam failed", "fail", "The dam"),
                     cand("b", "2031-04", "The dam failed", "fail", "The dam")])
    assert [e.date for e in entries] == ["2031-03", "2031-04"]


def test_undated_candidate_without_reference_is_dropped():
    assert merge([cand("a", "", "Fares rose", expression="in March")], reference=None) == []


def test_same_verb_on_the_same_kind_of_thing_and_date_is_one_happening():
    a = cand("a", "2030-06", "The mutual defence treaty was signed", "sign", "The mutual defence treaty")
    b = cand("b", "2030-06", "The partnership treaty was signed with the port city", "sign", "The partnership treaty")
    a.subject_head = b.subject_head = "treaty"
    said_a = cand("a", "2030-06", "The mayor said the port would close", "say", "The mayor")
    said_b = cand("b", "2030-06", "The mayor said taxes would rise", "say", "The mayor")
    said_a.subject_head = said_b.subject_head = "mayor"
    assert len(merge([a, b])) == 1
    assert len(merge([said_a, said_b])) == 2  # two statements, not one happening


@pytest.mark.slow
def test_a_bare_reference_takes_the_instruments_name_and_cites_where_it_was_named(timeline_of):
    entries = timeline_of("The towns signed the Lake Shore Fishing Pact last year. "
                          "In March, the regional assembly ratified the document.")
    ratified = [e for e in entries if e.date == "2031-03"]
    assert [e.event for e in ratified] == ["The regional assembly ratified the Lake Shore Fishing Pact"]
    assert [c.text for c in ratified[0].citations] == [
        "In March, the regional assembly ratified the document.", "The towns signed the Lake Shore Fishing Pact last year."]


@pytest.mark.slow
def test_a_date_that_opens_a_period_stays_in_the_line(timeline_of):
    entries = timeline_of("The regulator has fined three platforms since January, its annual report shows.")
    assert [(e.date, e.event) for e in entries] == [("2031-01", "The regulator has fined three platforms since January")]


@pytest.mark.slow
def test_coordinated_verbs_keep_their_conjunction(timeline_of):
    entries = timeline_of("Police raided Ostra Pharma's plant in Vesby on Thursday and seized documents, "
                          "prosecutors said.")
    assert [e.event for e in entries] == ["Police raided Ostra Pharma's plant in Vesby and seized documents, "
                                          "according to prosecutors"]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Port workers were told to leave the docks on Wednesday evening, according to the harbour master.",
     ("2031-10-15", "Port workers were told to leave the docks, according to the harbour master")),
    ("Rebels shelled the airport Tuesday night.", ("2031-10-14", "Rebels shelled the airport")),
    ("The utility cut power to 9,000 homes late on Sunday, the company said.",
     ("2031-10-12", "The utility cut power to 9,000 homes, according to the company")),
    ("The ferry operator suspended all crossings early Monday.",
     ("2031-10-13", "The ferry operator suspended all crossings")),
    ("Heavy snow fell overnight into Wednesday across the northern valleys.",
     ("2031-10-15", "Heavy snow fell across the northern valleys")),
    ("Firefighters contained the blaze on Monday evening local time.",
     ("2031-10-13", "Firefighters contained the blaze")),
    ("The strike began on the night of October 12.", ("2031-10-12", "The strike began")),
    ("Troops withdrew from the town in the small hours of Monday.", ("2031-10-13", "Troops withdrew from the town")),
    ("Police arrested the suspect yesterday evening.", ("2031-10-16", "Police arrested the suspect")),
])
def test_a_part_of_day_is_read_with_its_day(timeline_of, text, expected):
    """spaCy splits 'Friday evening' into DATE + TIME; the happening is dated to the day."""
    assert [(e.date, e.event) for e in timeline_of(text)] == [expected]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("The council will meet on Monday evening.", ("2031-10-20", "The council will meet")),
    ("Night buses will run on Saturday night.", ("2031-10-18", "Night buses will run")),
])
def test_a_part_of_day_still_to_come_is_a_plan_dated_forward(timeline_of, text, expected):
    entries = timeline_of(text)
    assert [(e.date, e.event) for e in entries] == [expected] and entries[0].future


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("LISBON, Portugal, March 3 (Harbor Wire) - Portugal declared a six-month drought emergency in the southern "
     "islands on Tuesday after reservoirs fell to record lows, forcing towns to ration water and leaving farmers "
     "without irrigation, the environment ministry said.",
     ("2031-10-14", "Portugal declared a six-month drought emergency in the southern islands, "
                    "according to the environment ministry")),
    ("The central bank raised its benchmark rate by half a point on Wednesday, citing stubborn inflation and "
     "pushing borrowing costs to a 15-year high, officials said.",
     ("2031-10-15", "The central bank raised its benchmark rate by half a point, according to officials")),
    ("Lawmakers approved a ban on single-use plastics in the capital region on Monday after a heated debate, "
     "sending the bill to the president, the speaker's office said.",
     ("2031-10-13", "Lawmakers approved a ban on single-use plastics in the capital region after a heated debate, "
                    "according to the speaker's office")),
    ("The airline grounded its entire fleet of 30 jets on Tuesday after a software fault, stranding thousands of "
     "passengers, according to the transport ministry.",
     ("2031-10-14", "The airline grounded its entire fleet of 30 jets after a software fault, "
                    "according to the transport ministry")),
    # an attribution inside a side clause vouches only for that clause
    ("The airline grounded its fleet on Tuesday, after engineers found cracks that, according to the ministry, "
     "posed a risk.", ("2031-10-14", "The airline grounded its fleet")),
])
def test_trailing_participles_and_attribution_keep_the_lead_clause_and_its_date(timeline_of, text, expected):
    """The date closing the object ('declared an emergency in the islands on Tuesday') dates the verb, and
    a wire dateline's date ('March 3') is the filing date, not the happening's."""
    assert [(e.date, e.event) for e in timeline_of(text)] == [expected]


@pytest.mark.slow
def test_the_real_subject_after_a_dateline_the_parser_took_for_one(timeline_of):
    entries = timeline_of("NAIROBI (Rift Wire) - The regional bloc's secretary-general, Ana Ruiz, on Thursday urged "
                          "the two states to reopen the border, warning that the closure would hurt traders.")
    assert [(e.date, e.event) for e in entries] == [
        ("2031-10-16", "The regional bloc's secretary-general urged the two states to reopen the border")]


@pytest.mark.slow
def test_a_date_on_the_object_of_a_verb_not_in_the_past_is_no_happening(timeline_of):
    assert timeline_of("Officials expect a decision on Monday.") == []


@pytest.mark.slow
def test_a_coordinated_verb_stays_when_only_a_noun_under_it_is_dated(timeline_of):
    entries = timeline_of("The governor toured the burned hillside on Friday and pledged $40 million in aid, "
                          "as the death toll from Wednesday's fire rose to 12.")
    assert ("2031-10-17", "The governor toured the burned hillside and pledged $40 million in aid") in \
        [(e.date, e.event) for e in entries]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Seven people were killed and 20 injured when a bus plunged into a ravine on Saturday, police said.",
     ("2031-10-11", "A bus plunged into a ravine")),
    ("Three hikers were rescued when a helicopter reached the ridge on Thursday.",
     ("2031-10-16", "A helicopter reached the ridge")),
])
def test_a_dated_when_clause_is_a_line_without_its_when(timeline_of, text, expected):
    assert expected in [(e.date, e.event) for e in timeline_of(text)]


@pytest.mark.slow
def test_an_indirect_where_question_is_no_happening(timeline_of):
    assert timeline_of("Where the army went on Monday remains unclear.") == []


def test_one_actor_stating_one_figure_on_one_day_is_one_happening():
    long_form = cand("a", "2031-10-14", "The International Energy Agency said that 40 refineries had shut", "say",
                     "The International Energy Agency")
    acronym = cand("b", "2031-10-14", "The IEA reported 40 refinery closures", "report", "The IEA")
    assert len(merge([long_form, acronym])) == 1
    unparsed = cand("b", "2031-10-14", "The IEA reported 40 refinery closures")  # no subject found: its first words
    assert len(merge([long_form, unparsed])) == 1
    other_day = cand("b", "2031-10-15", "The IEA reported 40 refinery closures", "report", "The IEA")
    other_figure = cand("b", "2031-10-14", "The IEA reported 12 pipeline leaks", "report", "The IEA")
    other_actor = cand("b", "2031-10-14", "The union reported 40 refinery closures", "report", "The union")
    for different in (other_day, other_figure, other_actor):
        assert len(merge([long_form, different])) == 2


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Rebels seized the town on Sunday, the army confirmed on Wednesday.",
     [("2031-10-12", "Rebels seized the town, according to the army")]),
    ("The ministry said on Tuesday that the province had declared a drought emergency on Monday.",
     [("2031-10-13", "The province had declared a drought emergency, according to the ministry")]),
    ("The province declared a drought emergency on Monday, forcing towns to ration water, the ministry said in a "
     "statement on Tuesday.",
     [("2031-10-13", "The province declared a drought emergency, according to the ministry")]),
    # a statement whose content has no date of its own is the happening of its day
    ("The ministry said on Tuesday that 40 people had died.",
     [("2031-10-14", "The ministry said that 40 people had died")]),
])
def test_a_statement_about_a_dated_happening_dates_only_the_happening(timeline_of, text, expected):
    assert [(e.date, e.event) for e in timeline_of(text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Police raided the plant and prosecutors confirmed the arrests on Friday.",
     [("2031-10-17", "Prosecutors confirmed the arrests")]),
    ("Police raided the plant on Thursday and prosecutors confirmed the arrests on Friday.",
     [("2031-10-16", "Police raided the plant"), ("2031-10-17", "Prosecutors confirmed the arrests")]),
])
def test_a_second_subject_the_parser_joined_to_the_first_clause(timeline_of, text, expected):
    assert [(e.date, e.event) for e in timeline_of(text)] == expected


@pytest.mark.slow
def test_coordinated_objects_stay_objects(timeline_of):
    assert [(e.date, e.event) for e in timeline_of("Inspectors visited the farms and the barns on Monday.")] == [
        ("2031-10-13", "Inspectors visited the farms and the barns")]


@pytest.mark.slow
def test_an_announcement_the_parser_coordinated_with_what_it_announces(timeline_of):
    entries = timeline_of("Norland will raise fuel duties by 10 percent from January 1, Finance Minister Eva Berg "
                          "announced on Wednesday, saying the budget needed the money.")
    assert [(e.date, e.event) for e in entries] == [
        ("2031-10-15", "Norland will raise fuel duties by 10 percent, according to Finance Minister Eva Berg")]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Vestria filed a complaint against Lumia at the WTO on Thursday, the first step in a trade dispute.",
     ("2031-10-16", "Vestria filed a complaint against Lumia at the WTO")),
    ("The carrier cut 400 jobs on Monday, its third round of layoffs this year.",
     ("2031-10-13", "The carrier cut 400 jobs")),
    ("Shares closed 3.2 percent lower on Wednesday.", ("2031-10-15", "Shares closed 3.2 percent lower")),
    ("The union said on Tuesday that turnout would reach 80 percent once late ballots are counted, a figure the "
     "employers rejected.", ("2031-10-14", "The union said that turnout would reach 80 percent")),
])
def test_a_closing_remark_on_the_happening_is_not_part_of_its_line(timeline_of, text, expected):
    assert [(e.date, e.event) for e in timeline_of(text)] == [expected]


# --- the publication day without a day's name -------------------------------------------------------

@pytest.mark.parametrize("expr", ["overnight", "this morning", "early this morning"])
def test_a_part_of_the_publication_day_resolves_to_that_day(expr):
    assert resolve(expr, FRIDAY) == "2031-10-17"


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Hackers leaked a second set of customer emails overnight, the bank said.",
     ("2031-10-17", "Hackers leaked a second set of customer emails, according to the bank")),
    ("Rebel gunboats shelled the harbour overnight.", ("2031-10-17", "Rebel gunboats shelled the harbour")),
    ("Activists posted a cache of memos taken from the ministry overnight, after talks failed.",
     ("2031-10-17", "Activists posted a cache of memos taken from the ministry")),
    ("The governor signed the drought decree this morning.", ("2031-10-17", "The governor signed the drought decree")),
])
def test_overnight_and_this_morning_date_a_happening_to_the_publication_day(timeline_of, text, expected):
    assert [(e.date, e.event) for e in timeline_of(text)] == [expected]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The council imposed an overnight curfew on Tuesday.",  # an overnight curfew: the day is Tuesday
    "Heavy rain fell overnight into Wednesday across the coast.",  # the named day wins
])
def test_overnight_yields_to_a_named_day(timeline_of, text):
    assert [e.date for e in timeline_of(text)] == ["2031-10-14" if "Tuesday" in text else "2031-10-15"]


# --- clauses set off after a noun ---------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("A study of 900 dairy farms, whose findings were released in June, alarmed regulators.",
     ("2031-06", "The findings of a study of 900 dairy farms were released")),
    ("The mayor of the port city, whose budget was cut in April, resigned.",
     ("2031-04", "The budget of the port city was cut")),
    ("The envoy, whose recall the foreign ministry ordered in May, left the capital.",
     ("2031-05", "The foreign ministry ordered the recall of the envoy")),
])
def test_a_whose_clause_dates_what_its_noun_owns(timeline_of, text, expected):
    assert [(e.date, e.event) for e in timeline_of(text)] == [expected]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("An audit of the accounts by the National Audit Office, published in May, found gaps.",
     ("2031-05", "An audit of the accounts by the National Audit Office was published")),
    ("A survey of 2,000 growers by the grain board, released in March, showed falling yields.",
     ("2031-03", "A survey of 2,000 growers by the grain board was released")),
])
def test_a_participle_set_off_after_a_name_qualifies_the_head_of_the_phrase(timeline_of, text, expected):
    assert [(e.date, e.event) for e in timeline_of(text)] == [expected]


@pytest.mark.slow
def test_which_still_takes_the_nearest_noun(timeline_of):
    entries = timeline_of("Officials praised the chairman of the commission, which was founded in 1990.")
    assert [(e.date, e.event) for e in entries] == [("1990", "The commission was founded")]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The carrier denied ignoring the warning, saying the upgrade had been scheduled for this month.",
    "The vote had been set for May but the assembly never met.",
    "A hearing was planned for September.",
])
def test_a_date_a_plan_was_made_for_is_no_happening(timeline_of, text):
    assert [e.date for e in timeline_of(text)] == []


@pytest.mark.slow
def test_a_planning_verb_with_its_own_date_is_a_happening(timeline_of):
    entries = timeline_of("The board scheduled the vote in March.")
    assert [e.date for e in entries] == ["2031-03"]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ('The insurer will "not pay a single claim", a spokesman repeated on Wednesday.',
     ("2031-10-15", "The insurer will not pay a single claim, according to a spokesman")),
    ("The border stays closed, the interior minister reiterated on Monday.",
     ("2031-10-13", "The border stays closed, according to the interior minister")),
])
def test_repeating_a_statement_reports_it(timeline_of, text, expected):
    assert [(e.date, e.event) for e in timeline_of(text)] == [expected]


@pytest.mark.slow
def test_a_participle_right_after_a_name_qualifies_the_head_of_the_phrase(timeline_of):
    entries = timeline_of("A report by the National Audit Office published in May found gaps.")
    assert [(e.date, e.event) for e in entries] == [("2031-05", "A report by the National Audit Office was published")]


# --- clause text: side clauses, pronouns, layout -----------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("- **October 13**: ferry service resumes at noon.", ("2031-10-13", "Ferry service resumes at noon")),
    ("On Tuesday the council called for an inquiry into the flood that has swamped the valley since last Sunday.",
     ("2031-10-14", "The council called for an inquiry into the flood")),
    ("The farmers' union yesterday demanded compensation for the drought that has ruined crops since June.",
     ("2031-10-16", "The farmers' union demanded compensation for the drought")),
    ("The walkout followed an ultimatum that the drivers issued on October 3.",
     ("2031-10-03", "The drivers issued an ultimatum")),
    ("Residents rejected the offer that the council made on Tuesday.", ("2031-10-14", "The council made the offer")),
    ("Health Minister Jean-Luc Moreau said the clinic reopened on Tuesday.",
     ("2031-10-14", "The clinic reopened, according to Health Minister Jean-Luc Moreau")),
    ("Austria closed its border with Slovenia on Thursday and North Macedonia restricted rail traffic from Serbia.",
     ("2031-10-16", "Austria closed its border with Slovenia")),
    ("According to the coast guard, the ferry sank on Tuesday near the harbour.",
     ("2031-10-14", "The ferry sank near the harbour, according to the coast guard")),
    ("The county governor, himself a farmer, opened the fair on Wednesday evening.",
     ("2031-10-15", "The county governor opened the fair")),
    ("Four people have died since the storm hit the coast on Sunday, including a lifeguard.",
     ("2031-10-12", "The storm hit the coast")),
    ("Farmers will challenge the agriculture minister's decision, announced on Monday, to cut the grain subsidy by half.",
     ("2031-10-13", "The agriculture minister's decision to cut the grain subsidy by half was announced")),
    ("Unions want the tribunal to review the ministry's order, issued on Monday, to suspend the strike.",
     ("2031-10-13", "The ministry's order was issued")),
    ("The agency has used the measure for cholera in August 2029, and for measles in January 2024.",
     ("2029-08", "The agency has used the measure for cholera")),
    ("The agency has previously used the measure for cholera, most recently in August 2029.",
     ("2029-08", "The agency has previously used the measure for cholera")),
    ("Shops will stay shut until the curfew, imposed on 3 October under the emergency law, is lifted.",
     ("2031-10-03", "The curfew was imposed under the emergency law")),
    ("A ferry worker was injured on Tuesday as a storm that had battered the coast since Sunday tore a gangway loose.",
     ("2031-10-14", "A ferry worker was injured")),
])
def test_clause_text_is_whole_and_clean(timeline_of, text, expected):
    entries = [(e.date, e.event) for e in timeline_of(text)]
    assert entries[0] == expected and len(entries) <= 2  # (a relative clause may date its own line too)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The audit was finished, but it had not been published by Thursday evening.",   # nothing happened by then
    "The ministry had not answered the letter by Wednesday.",
    "According to the port authority, 40 ships were waiting at anchor as of Wednesday afternoon.",  # a state
    "Rescuers were searching the rubble on Monday.",                                # ongoing, not a happening
    "Hospital admissions had tripled since 2027, the ministry said.",               # a change over years
    '"Repairs are finished," the governor said on Tuesday.',                        # a quotation's words
    "Our reporters reached the valley on Tuesday, the editor said.",                # the writer's own side
    "The group has long criticised the ministry. On Wednesday, its spokesman described them as lies.",
    "By Wednesday, donors had pledged less than half of that, the agency said.",     # of what, the line cannot say
    "The old man lived alone in a cottage near Lake Varna. He had refused to leave on Monday.",  # he: not a place
    '"The dam is safe. Our engineers are on site," the mayor told reporters on Wednesday night.',
    '"On Monday night the streets are still empty. People are waiting on their roofs," the mayor said.',
])
def test_lines_that_cannot_stand_on_their_own(timeline_of, text):
    assert timeline_of(text) == []


@pytest.mark.slow
def test_a_quotation_is_dated_with_its_speaker(timeline_of):
    entries = timeline_of('"The council shut the harbour on Monday," said harbour master Lena Voss.')
    assert [(e.date, e.event) for e in entries] == [
        ("2031-10-13", "The council shut the harbour, according to harbour master Lena Voss")]
    assert timeline_of('"On Monday night nobody from the council came to the flooded streets. People waded out '
                       'alone," he said.') == []  # whose words, the sentence does not say


@pytest.mark.slow
def test_person_pronouns_name_only_a_person_who_acts(timeline_of):
    entries = timeline_of("Mayor Anna Berg visited the harbour. She opened the new pier on Tuesday.")
    assert [(e.date, e.event) for e in entries] == [("2031-10-14", "Anna Berg opened the new pier")]
    entries = timeline_of("The recall was ordered by Health Minister Paul Amos himself. He signed the order on Tuesday.")
    assert [e.event for e in entries] == ["Paul Amos signed the order"]  # the doer of a passive acts too
    entries = timeline_of("Senator Paula Grant fell ill in Geneva. Her resignation was accepted on Tuesday.")
    assert [e.event for e in entries] == ["Paula Grant's resignation was accepted"]


def test_layout_marks_never_open_a_line():
    from briefing.extract.timeline import _tidy

    assert _tidy("**: strike begins at 6 a.m.") == "Strike begins at 6 a.m."
    assert _tidy("* Harbour master closes the basin") == "Harbour master closes the basin"
    assert _tidy("- The union **struck** at dawn") == "The union struck at dawn"
    assert _tidy("12 ministers met") == "12 ministers met" and _tidy("a 3*4 grid") == "A 3*4 grid"


# --- plans with a day -------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("The court will rule on the appeal on Tuesday.", ("2031-10-21", "The court will rule on the appeal")),
    ("The committee is set to vote on the proposal on October 22.",
     ("2031-10-22", "The committee is set to vote on the proposal")),
    ("The tribunal is due to hear the two airlines on October 20.",
     ("2031-10-20", "The tribunal is due to hear the two airlines")),
    ("The regulator has scheduled a hearing for Monday.", ("2031-10-20", "The regulator has scheduled a hearing")),
    ("Two more pumps are arriving on Wednesday.", ("2031-10-22", "Two more pumps are arriving")),
    ("The carrier said it will resume flights to the island on Monday.",
     ("2031-10-20", "The carrier will resume flights to the island")),
    ("The president is to visit the flooded region on Friday.", ("2031-10-24", "The president is to visit the flooded region")),
    ("Local 12 chair Rosa Dunn confirmed the drivers would walk out on Friday.",
     ("2031-10-24", "The drivers would walk out, according to Local 12 chair Rosa Dunn")),
    ("Transport Secretary Lina Park confirmed the ferry operator would appeal against the fine on Friday.",
     ("2031-10-24", "The ferry operator would appeal against the fine, according to Transport Secretary Lina Park")),
])
def test_a_plan_with_its_day_is_on_the_timeline_dated_forward(timeline_of, text, expected):
    entries = timeline_of(text)
    assert [(e.date, e.event) for e in entries] == [expected]
    assert entries[0].future


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The minister could visit the valley on Monday.",          # only possible
    "The trial is expected to open on Monday.",                # only expected
    "Engineers will not reopen the bridge on Monday.",         # negated
    "The vote was scheduled for Tuesday.",                     # a past plan: whether it took place is not said
    "The spokesman said on Monday that the mayor would resign on Friday.",  # which Friday depends on Monday
    "The agency will publish its findings by Friday.",         # a deadline
    "The union said its members would strike on Monday if talks failed.",  # only on a condition
    "Dockers will walk out on Monday unless the port raises its offer.",
    "Officials hope the bridge will reopen on Tuesday.",
    "The talks ran on long after the summit was due to close on Friday evening.",  # a plan of the past
])
def test_plans_that_are_not_timeline_entries(timeline_of, text):
    assert timeline_of(text) == []


# --- merging near-duplicates of one day (no model) ---------------------------------------------------

def test_one_act_told_with_two_verbs_on_one_day_is_one_entry():
    entries = merge([
        cand("a", "2031-10-14", "The outbreak was declared", "declare", ""),
        cand("b", "2031-10-14", "The regional health office announced the outbreak", "announce", "The regional health office"),
    ])
    assert len(entries) == 1 and entries[0].event == "The regional health office announced the outbreak"
    entries = merge([cand("a", "2031-10-14", "Hungary closed its main border crossings with Serbia", "close", "Hungary"),
                     cand("b", "2031-10-14", "Hungary shut its crossings near Szeged", "shut", "Hungary")])
    assert len(entries) == 1
    entries = merge([cand("a", "2031-10-13", "Walkout begins at 6 a.m.", "begin", "Walkout"),
                     cand("b", "2031-10-13", "The stoppage began", "begin", "The stoppage")])
    assert len(entries) == 1


def test_a_bare_event_noun_joins_the_line_that_tells_it():
    entries = merge([cand("a", "2029", "Ruling", "ruling", "Ruling"),
                     cand("b", "2029-07", "A regional court ruled that the levy was unlawful", "rule", "A regional court")])
    assert [(e.date, e.event) for e in entries] == [("2029-07", "A regional court ruled that the levy was unlawful")]


def test_a_bare_event_noun_joins_a_line_of_the_same_date_that_names_it():
    entries = merge([cand("a", "2001", "The two countries signed a ceasefire agreement", "sign", "The two countries"),
                     cand("b", "2001", "Ceasefire", "ceasefire", "Ceasefire")])
    assert [(e.date, e.event, len(e.citations)) for e in entries] == [
        ("2001", "The two countries signed a ceasefire agreement", 2)]
    # another date, or a line that does not name it, keeps the noun's own entry
    assert len(merge([cand("a", "2001-05", "The two countries signed a ceasefire agreement", "sign", "The two"),
                      cand("b", "2001", "Ceasefire", "ceasefire", "Ceasefire")])) == 2
    assert len(merge([cand("a", "2001", "The two countries signed a trade agreement", "sign", "The two countries"),
                      cand("b", "2001", "Ceasefire", "ceasefire", "Ceasefire")])) == 2


def test_a_long_line_and_its_short_telling_of_one_day_merge_by_shared_stems():
    entries = merge([
        cand("a", "2031-10-14", "The cabinet stepped into the dispute, with the minister referring the dispute to the "
                                "labour board and asking it to impose arbitration", "step", "The cabinet"),
        cand("b", "2031-10-14", "Minister refers the dispute to the labour board under section 12", "refer", "Minister"),
    ])
    assert len(entries) == 1


def test_different_acts_of_one_day_stay_apart():
    entries = merge([
        cand("a", "2031-10-14", "Police closed the bridge", "close", "Police"),
        cand("b", "2031-10-14", "The council announced a curfew", "announce", "The council"),
        cand("c", "2031-10-14", "Hungary closed its border with Serbia", "close", "Hungary"),
        cand("d", "2031-10-14", "Austria shut its airports to passenger flights", "shut", "Austria"),
    ])
    assert len(entries) == 4


# --- dates inside relative clauses, and offsets from a dated happening ----------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Crops failed across the plain in a drought that began last Wednesday and is forecast to last until the autumn.",
     [("2031-10-15", "A drought began")]),
    ("Farmers criticised the quotas in the rules that entered into force in September 2030.",
     [("2030-09", "The rules entered into force")]),
])
def test_a_relative_clause_dates_its_noun(timeline_of, text, expected):
    assert [(e.date, e.event) for e in timeline_of(text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("On Wednesday the health agency declared the outbreak an emergency. The declaration comes five days after "
     "the regional disease agency declared the outbreak a continental emergency.",
     ("2031-10-10", "The regional disease agency declared the outbreak a continental emergency")),
    ("The ministry closed the border on Thursday. The closure came two weeks after rebels seized the border town "
     "of Karsk.", ("2031-10-02", "Rebels seized the border town of Karsk")),
])
def test_an_offset_from_a_dated_happening_places_the_earlier_one(timeline_of, text, expected):
    assert expected in [(e.date, e.event) for e in timeline_of(text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The closure came two weeks after rebels seized the border town of Karsk.",   # the closure is not dated here
    "The ministry closed the border on Thursday. The talks resumed two weeks after rebels seized the town.",
    "The ministry closed the border on Thursday. The closure came several weeks after rebels seized the town.",
])
def test_offsets_without_a_dated_anchor_are_left_out(timeline_of, text):
    assert all("seized" not in e.event for e in timeline_of(text))


def test_a_line_that_says_who_acted_wins_over_an_agentless_passive():
    entries = merge([
        cand("a", "2031-10-14", "The outbreak was declared", "declare", "The outbreak"),
        cand("b", "2031-10-14", "The regional health office declared the outbreak", "declare", "The regional health office"),
    ])
    assert [e.event for e in entries] == ["The regional health office declared the outbreak"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Crews battled a blaze that has burned through the valley since Sunday.",   # a noun's background
    "Two dozen have been infected since October, the agency said.",              # two dozen what
])
def test_background_and_bare_counts_are_no_lines(timeline_of, text):
    assert timeline_of(text) == []


def test_an_event_noun_phrase_joins_the_line_of_its_day():
    noun = cand("a", "2031-10-13", "Drone attack on the Tarsk dam", "attack", "Drone attack on the Tarsk dam")
    told = cand("b", "2031-10-13", "Drones struck the Tarsk hydroelectric dam", "strike", "Drones")
    other = cand("c", "2031-10-13", "Drone attack on the Vell pipeline", "attack", "Drone attack on the Vell pipeline")
    entries = merge([noun, told, other])
    assert sorted(e.event for e in entries) == ["Drone attack on the Vell pipeline", "Drones struck the Tarsk hydroelectric dam"]


def test_a_plan_and_its_act_on_one_day_are_one_entry():
    entries = merge([cand("a", "2031-10-20", "The tribunal has scheduled a hearing", "schedule", "The tribunal"),
                     cand("b", "2031-10-20", "The tribunal will hear the two airlines", "hear", "The tribunal")])
    assert len(entries) == 1
    entries = merge([cand("a", "2031-10-20", "The council has scheduled a vote on the budget", "schedule", "The council"),
                     cand("b", "2031-10-20", "Police closed the bridge to the budget office", "close", "Police")])
    assert len(entries) == 2


@pytest.mark.parametrize("text, expected", [
    ("June 9713", None),         # a number after a month, no year a story can mean
    ("3/4/2025", "2025-03-04"),  # read by dateparser as before
])
def test_dateparser_years_stay_within_reason(text, expected):
    from briefing import dates

    assert dates._with_dateparser(text.lower(), date(2025, 4, 28), False) == expected
