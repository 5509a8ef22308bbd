"""Open questions: conflicting figures, disputed claims, unknowns and next steps, asked once each.

Per-document signals are read from made-up sentences on topics far from the seeds (floods, a strike,
an epidemic, a trade deal); the cross-source questions are built from hand-made figures and signals;
two small article sets run through the whole pipeline, one of them with nothing to flag.
"""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefing.consolidate.questions import build, conflicts
from briefing.summary import Citation, Event, EventSummary, Figure, OpenQuestion, Source


@pytest.fixture(scope="module")
def signals_of(nlp):
    from briefing.extract import DocContext, Sentence, signals

    def run(text: str, kind: str | None = None) -> list[OpenQuestion]:
        doc = nlp(text)
        sents = [Sentence(span=s, start=s.start_char, source="a.txt") for s in doc.sents]
        ctx = DocContext(document=SimpleNamespace(id="a.txt", published=None, outlet=None), sentences=sents)
        found = [q for q in signals.extract(ctx) if q.kind != "frame"]
        for q in found:
            assert q.question.endswith("?") and q.reason and q.citations
            for c in q.citations:
                assert text[c.start:c.end] == c.text
        return [q for q in found if kind is None or q.kind == kind]

    return run


def questions(found: list[OpenQuestion]) -> list[str]:
    return [q.question for q in found]


# ---------------------------------------------------------------- disputes

def test_denied_claim_asks_the_claim_and_cites_both_sides(signals_of):
    text = ("The ministry said that 40 people had died in the floods. "
            "Opposition lawmakers rejected this claim, saying the toll was far higher.")
    found = signals_of(text, "dispute")
    assert questions(found) == ["Did 40 people die in the floods?"]
    assert [c.text[:12] for c in found[0].citations] == ["The ministry", "Opposition l"]
    assert "The ministry says so" in found[0].reason and "reject" in found[0].reason


def test_denied_that_clause_with_pronoun_is_about_the_denier(signals_of):
    found = signals_of("Uganda's health ministry denied that it had delayed its report to the WHO.", "dispute")
    assert questions(found) == ["Did Uganda's health ministry delay its report to the WHO?"]


def test_denying_any_role_asks_who_is_responsible(signals_of):
    text = ("The interior minister, Sara Holm, blamed the attack on the Northern Front. "
            "The group denied any role.")
    found = signals_of(text, "dispute")
    assert questions(found) == ["Who is responsible for the attack?"]
    assert len(found[0].citations) == 2


def test_denying_something_that_is_not_a_claim_is_no_dispute(signals_of):
    assert signals_of("The court denied bail to the three suspects.", "dispute") == []


# ---------------------------------------------------------------- unknowns

@pytest.mark.parametrize("text, question", [
    ("Officials did not say how many homes were destroyed.", "How many homes were destroyed?"),
    ("The cause of the fire has not been identified.", "What is the cause of the fire?"),
    ("It was not immediately clear when production would resume.", "When would production resume?"),
    ("The court did not say whether fines already paid must be refunded.", "Must fines already paid be refunded?"),
    ("The company did not disclose the number of workers affected.", "How many workers?"),
])
def test_unknown_names_what_is_unknown(signals_of, text, question):
    assert question in questions(signals_of(text, "unknown"))


@pytest.mark.parametrize("text, question", [
    # 'not said whether/if' is an unknown like 'not said how many'; 'it' is the body that did not say
    ("The government has not said whether it will refund farmers whose crops were lost.",
     "Will the government refund farmers?"),
    ("The airline has not confirmed if it will cancel more flights.", "Will the airline cancel more flights?"),
    ("The port authority has not disclosed when the cranes will be repaired.", "When will the cranes be repaired?"),
    ("It is not known whether the bridge was damaged by the floods.", "Was the bridge damaged by the floods?"),
    # the parser's clausal subject ('whether fees already paid under the rule must be ...') is still a subject
    ("The tribunal did not say whether fees already paid under the rule must be returned.",
     "Must fees already paid under the rule be returned?"),
])
def test_not_saying_whether_is_an_unknown_like_not_saying_how_many(signals_of, text, question):
    assert questions(signals_of(text, "unknown")) == [question]


def test_a_person_is_not_the_it_of_an_embedded_question(signals_of):
    assert signals_of("The spokesman has not said whether it will reopen.", "unknown") == []


def test_a_plain_negation_is_not_an_unknown(signals_of):
    assert signals_of("The ministry has never published the orders.", "unknown") == []


# ---------------------------------------------------------------- what comes next

@pytest.mark.parametrize("text, question", [
    ("The two leaders are expected to meet in Geneva next month.", "Will the two leaders meet in Geneva next month?"),
    ("The health agency said a vaccine trial could begin within two weeks.",
     "Could a vaccine trial begin within two weeks?"),
    ("Both sides are preparing for an upcoming summit in Lagos.", "What will come of the summit in Lagos?"),
    ("Diplomats discussed a potential ceasefire deal.", "Will there be a ceasefire deal?"),
    ("The union has called for protests on Saturday.", "Will the protests go ahead?"),
    ("Legal experts say the court is unlikely to hear the case before August.",
     "Will the court hear the case before August?"),
])
def test_next_steps_are_asked(signals_of, text, question):
    assert question in questions(signals_of(text, "next"))


@pytest.mark.parametrize("text", [
    "Residents could hear explosions all night.",  # past ability, not a next step
    "The law was passed in May after a long debate.",  # the month, not the modal
    "The virus may have spread before the first case was found.",  # speculation about the past
    "Voters could not reach the polling stations because of the floods.",  # negated
    "The president called the vote a clear mandate.",  # naming, not asking for a vote
])
def test_hedges_that_are_not_about_the_future_raise_nothing(signals_of, text):
    assert signals_of(text, "next") == []


# ---------------------------------------------------------------- conflicting figures (no model)

def fig(value, src, claimed_by, text, unit="troops", quantity="troops", low=None, high=None):
    sentence = f"{claimed_by} said {text} were sent."
    return Figure(value=value, low=low, high=high, unit=unit, text=text, description=sentence,
                  claimed_by=claimed_by, quantity=quantity,
                  citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])


def summary_with(figures: list[Figure]) -> EventSummary:
    return EventSummary(event=Event(headline="h", summary="s"), figures=figures,
                        sources=[Source(id=s, path=s) for s in ("a", "b", "c")])


def test_differing_figures_from_two_claimants_make_one_question_citing_each_side():
    figs = [fig(12000, "a", "US intelligence", "10,000 to 12,000 troops", low=10000, high=12000),
            fig(14000, "b", "Ukrainian officials", "about 14,000 troops"),
            fig(12000, "c", "Seoul's spy agency", "around 12,000 troops")]
    found = conflicts(figs, [], {})
    assert len(found) == 1
    q = found[0]
    assert q.kind == "conflict" and q.question == "How many troops?"
    assert "about 14,000 troops (per Ukrainian officials)" in q.reason
    assert "10,000 to 12,000 troops (per US intelligence)" in q.reason
    assert {c.source for c in q.citations} == {"a", "b", "c"}


def test_the_sentences_own_frame_phrases_the_question():
    figs = [fig(900, "a", "police", "900 troops"), fig(3000, "b", "organisers", "3,000 troops")]
    frame = OpenQuestion(question="How many troops did the army send?", reason="900 troops",
                         citations=list(figs[0].citations), kind="frame")
    assert conflicts(figs, [frame], {})[0].question == "How many troops did the army send?"


@pytest.mark.parametrize("figs", [
    # the same figure from several sources: agreement, not conflict
    [fig(500, "a", "police", "500 troops"), fig(505, "b", "the army", "about 505 troops")],
    # an increment is not a rival total
    [fig(12000, "a", "police", "12,000 troops"), fig(3000, "b", "the army", "3,000 additional troops")],
    # nobody in the text gives one side: no claimant, no conflict
    [fig(30, "a", None, "30 troops"), fig(48, "b", "the army", "48 troops")],
    # different currencies are not comparable
    [fig(1.4e9, "a", "the Commission", "1.4 billion euros", unit="EUR", quantity="money savings"),
     fig(2.1e9, "b", "the minister", "$2.1 billion", unit="USD", quantity="money savings")],
    # two orders of magnitude apart: different things counted
    [fig(150, "a", "observers", "150 troops"), fig(6200, "b", "the campaign", "6,200 troops")],
    # a part of a total in the same breath
    [fig(23, "a", "the ministry", "23 of the 30 troops"), fig(30, "b", "the army", "30 troops")],
])
def test_no_invented_conflicts(figs):
    assert conflicts(figs, [], {}) == []


def test_build_merges_the_same_dispute_and_unknown_across_sources_and_orders_by_kind():
    def sig(kind, question, src, reason="r"):
        c = Citation(source=src, text=f"{kind} {src}", start=0, end=len(f"{kind} {src}"))
        return OpenQuestion(question=question, reason=reason, citations=[c], kind=kind)

    signals = [sig("next", "Will there be a ceasefire deal?", "a"),
               sig("unknown", "How many homes were destroyed?", "a"),
               sig("unknown", "How many homes were destroyed?", "b"),
               sig("dispute", "Did 40 people die in the floods?", "b")]
    figs = [fig(900, "a", "police", "900 troops"), fig(3000, "b", "organisers", "3,000 troops")]
    found = build(summary_with(figs), signals)
    assert [q.kind for q in found] == ["conflict", "dispute", "unknown", "next"]
    homes = found[2]
    assert {c.source for c in homes.citations} == {"a", "b"}
    assert len({q.question for q in found}) == len(found)  # no duplicates


# ---------------------------------------------------------------- whole pipeline on small article sets

def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_articles_that_agree_raise_no_conflict_or_dispute(tmp_path):
    from briefing.pipeline import summarize

    folder = write_articles(tmp_path / "agree", {
        "01.txt": "Storm Idris hits the coast\n\nStorm Idris killed 14 people in the coastal province of Varna on "
                  "Tuesday, the regional governor, Petra Ilic, said. About 2,000 homes were damaged.\n",
        "02.txt": "Fourteen dead as storm batters Varna\n\nAt least 14 people died when Storm Idris struck Varna "
                  "on Tuesday, governor Petra Ilic said. Emergency services said about 2,000 homes were damaged.\n",
        "03.txt": "Varna counts the cost\n\nThe storm left 14 people dead, officials said on Wednesday. "
                  "Rescue teams praised volunteers who cleared roads overnight.\n",
    })
    summary = summarize([folder])
    kinds = [q.kind for q in summary.open_questions]
    assert "conflict" not in kinds and "dispute" not in kinds, summary.open_questions


@pytest.mark.slow
def test_articles_that_disagree_raise_a_conflict_citing_both(tmp_path):
    from briefing.pipeline import summarize

    folder = write_articles(tmp_path / "disagree", {
        "01.txt": "Strike halts ports\n\nDock workers walked out on Monday. The port authority said 2,000 workers "
                  "joined the strike.\n",
        "02.txt": "Ports shut by strike\n\nThe dockers' union said 6,500 workers joined the strike on Monday, "
                  "and the authority denied that the ports were closed.\n",
    })
    summary = summarize([folder])
    conflict = [q for q in summary.open_questions if q.kind == "conflict"]
    assert len(conflict) == 1, summary.open_questions
    assert {c.source for c in conflict[0].citations} == {"01.txt", "02.txt"}
    assert "2,000" in conflict[0].reason and "6,500" in conflict[0].reason


@pytest.mark.slow
def test_seed_open_questions_cover_troops_losses_kursk_and_what_comes_next(seed_summary):
    qs = seed_summary.open_questions
    text = [(q.question + " " + q.reason).lower() for q in qs]
    troops = next(q for q in qs if q.kind == "conflict" and "troops" in q.question)
    assert len({(c.source, c.start) for c in troops.citations}) >= 3
    kursk = next(q for q in qs if q.kind == "dispute")
    assert "kursk" in kursk.question.lower() and len(kursk.citations) >= 2
    assert any("died" in t or "losses" in t for t in text)
    assert any(q.kind == "next" and "summit" in q.question for q in qs)
    assert any(q.kind == "next" and "deployed" in q.question for q in qs)
    assert len({q.question for q in qs}) == len(qs)


@pytest.mark.parametrize("text", [
    "“ ” \" « » ‘ ’",
    "He said. She said. They said it. “",
    "did not specify how many or whether or when",
    "Could? May. Might! Likely to. Expected in. Upcoming. Potential.",
    " ".join(["and said that"] * 300),
])
def test_odd_text_raises_nothing(signals_of, nlp, text):
    from briefing.extract import DocContext, Sentence, reactions

    signals_of(text)
    doc = nlp(text)
    sents = [Sentence(span=s, start=s.start_char, source="a.txt") for s in doc.sents]
    ctx = DocContext(document=SimpleNamespace(id="a.txt", published=None, outlet=None), sentences=sents)
    reactions.extract(ctx, [])


def test_frames_read_deaths_from_the_verb_whatever_noun_is_counted(nlp):
    from briefing.extract import Sentence, signals

    def counts(text: str) -> list:
        doc = nlp(text)
        return [getattr(f, "counts") for s in doc.sents
                for f in signals.frames(Sentence(span=s, start=s.start_char, source="a.txt"))]

    assert counts("Drones struck the refinery, killing at least 11 workers.") == ["deaths"]
    assert counts("At least 19 people were killed in the attack.") == ["deaths"]
    assert counts("About 4,000 soldiers were killed or wounded.") == [None]  # casualties, not deaths
    assert counts("The union said 2,000 workers joined the strike.") == [None]


def test_death_figures_counted_with_different_nouns_conflict_as_the_death_toll():
    a = fig(11, "a", "the governor", "at least 11 workers", unit="workers", quantity="deaths")
    b = fig(19, "b", "the hospital", "at least 19 people", unit="people", quantity="casualties")
    frame = OpenQuestion(question="How many people were killed?", reason="at least 19 people",
                         citations=list(b.citations), kind="frame")
    setattr(frame, "counts", "deaths")
    found = conflicts([a, b], [frame], {})
    assert [q.question for q in found] == ["What is the death toll?"]
    assert conflicts([a, b], [], {}) == []  # without the grammar's reading they count different things


def _sided_summary(stances: dict[str, str], claimant: str, sources: int = 1,
                   sentence: str = "{claimant} said 900 fishermen lost their boats."):
    from briefing.summary import Actor, Citation, Event, EventSummary, Figure, Reaction, Source

    text = sentence.format(claimant=claimant)
    cites = [Citation(source=f"s{i}.txt", text=text, start=0, end=len(text)) for i in range(sources)]
    actors = [Actor(name=n, kind="organization", citations=cites[:1]) for n in stances]
    return EventSummary(
        event=Event(headline="h", summary="s"),
        sources=[Source(id=f"s{i}.txt", path=f"s{i}.txt") for i in range(3)],
        actors=actors,
        figures=[Figure(value=900, unit="fishermen", text="900 fishermen", description="fishermen who lost boats",
                        claimed_by=claimant, quantity="fishermen", citations=cites)],
        reactions=[Reaction(actor=n, stance=st, summary=f"{n} spoke.", citations=cites[:1])
                   for n, st in stances.items()])


def test_a_figure_only_one_side_gives_is_questioned():
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union")
    questions = [q for q in build(summary, []) if q.kind == "single_source"]
    assert [q.question for q in questions] == ["Can the figure of 900 fishermen be confirmed independently?"]
    assert "Harbour Union" in questions[0].reason and questions[0].citations


def test_a_figure_that_opened_its_sentence_reads_in_lower_case_inside_the_question():
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union",
                             sentence="About 900 fishermen lost their boats, {claimant} said.")
    summary.figures[0].text = "About 900 fishermen"
    questions = [q for q in build(summary, []) if q.kind == "single_source"]
    assert [q.question for q in questions] == ["Can the figure of about 900 fishermen be confirmed independently?"]


def test_a_length_of_time_one_side_states_is_no_figure_to_confirm():
    """'a step that starts a 60-day period': a term of a procedure, not a tally to check."""
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union",
                             sentence="{claimant} asked for talks, which open a 60-day period.")
    summary.figures[0].value, summary.figures[0].unit, summary.figures[0].text = 60, "days", "60-day"
    summary.figures[0].quantity = "days"
    assert not [q for q in build(summary, []) if q.kind == "single_source"]


def test_the_single_party_question_gives_an_organisation_its_article():
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Coastal Fishing Federation": "condemn", "Port Authority": "support"},
                             "Coastal Fishing Federation")
    reason = [q.reason for q in build(summary, []) if q.kind == "single_source"][0]
    assert reason.startswith("Only the Coastal Fishing Federation gives it, and the Coastal Fishing Federation is")


@pytest.mark.parametrize("name, written", [
    ("World Meteorological Organization", "the World Meteorological Organization"),
    ("Nordic Grain Union", "the Nordic Grain Union"),
    ("The Hague Tribunal", "The Hague Tribunal"),  # already has its article
    ("Ostravia's transport ministry", "Ostravia's transport ministry"),  # a possessive is its determiner
    ("Maria Lindqvist", "Maria Lindqvist"),
    ("Portugal", "Portugal"),
    ("Transport Minister Anna Berg", "Transport Minister Anna Berg"),
    ("Savanna Institute of Public Health", "the Savanna Institute of Public Health"),
    ("Organisers from the Nordic Grain Union", "Organisers from the Nordic Grain Union"),  # a description
    ("Lisbon police", "Lisbon police"),
])
def test_organisation_names_take_the_article_in_running_text(name, written):
    from briefing.consolidate.questions import with_article

    assert with_article(name) == written


@pytest.mark.parametrize("sentence", [
    "Droughts destroy 900 fishermen's livelihoods each year, according to {claimant}.",
    "{claimant} says an annual 900 fishermen lose their boats to storms.",
])
def test_a_recurring_background_statistic_is_not_one_sides_claim(sentence):
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union",
                             sentence=sentence)
    assert not [q for q in build(summary, []) if q.kind == "single_source"]


def test_a_sides_forecast_of_a_yearly_gain_is_still_questioned():
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union",
                             sentence="{claimant} said the levy would cost 900 fishermen their boats each year.")
    assert [q.question for q in build(summary, []) if q.kind == "single_source"] == [
        "Can the figure of 900 fishermen be confirmed independently?"]


def test_no_single_party_question_when_nobody_takes_opposite_sides_or_others_report_it():
    from briefing.consolidate.questions import build

    agreeing = _sided_summary({"Harbour Union": "condemn", "Port Authority": "condemn"}, "Harbour Union")
    assert not [q for q in build(agreeing, []) if q.kind == "single_source"]
    corroborated = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union", 2)
    assert not [q for q in build(corroborated, []) if q.kind == "single_source"]


@pytest.mark.parametrize("text, question", [
    # a dated 'will' of a named actor is a step to watch for, with its date
    ("The senate's finance committee will question the central bank governor at a hearing next Thursday.",
     "Will the senate's finance committee question the central bank governor at a hearing next Thursday?"),
    ("The city will start rationing water next week, the mayor announced on Monday.",
     "Will the city start rationing water next week?"),
    # 'would' in reported speech, the pronoun being the body that said it
    ("The agency said it would publish its own safety review, which insurers need, later this month.",
     "Will the agency publish its own safety review later this month?"),
    # a thing on the calendar without an infinitive, its owner found for 'its'
    ("The inquiry will be led by a retired judge and its report is due by 15 June, the ministry said.",
     "Will the inquiry's report be published by 15 June?"),
    ("Final results of the census are expected in 2028.", "Will the final results of the census be published in 2028?"),
    ("The vote is scheduled for 3 March.", "Will the vote take place on 3 March?"),
    # a "next" event given its date is asked with the date, not as "What will come of the next ...?"
    ("The next board meeting is due on 4 May.", "Will the next board meeting take place on 4 May?"),
    ("The new terminal is due in 2027.", "Will the new terminal be ready in 2027?"),
    ("The licence will be reviewed after one year.", "Will the licence be reviewed after one year?"),
    # a list keeps its commas and 'and'; an aside set off by a comma goes
    ("The senate's finance committee will question Holm, Berg and Lind at a hearing next Thursday, after weeks "
     "of delays that critics say have hurt exporters.",
     "Will the senate's finance committee question Holm, Berg and Lind at a hearing next Thursday?"),
    ("Inspectors will visit the mine and the port next week.", "Will inspectors visit the mine and the port next week?"),
])
def test_scheduled_steps_are_asked_with_their_date(signals_of, text, question):
    assert question in questions(signals_of(text, "next"))


@pytest.mark.parametrize("text", [
    "The company will pay a dividend.",  # no date: a statement of fact
    "Parliament will amend the 2019 law.",  # the year names the law
    "Ministers will review the plan, which was approved in 2021.",  # the date is the relative clause's
    "If the talks fail, the union will strike next week.",  # a condition
    "Prices will rise 5 percent next year, the bank said.",  # an estimate, kept with the figures
    "The station would close on Sundays in winter.",  # 'would' outside reported speech
    "The spokesman said it will reopen next month.",  # 'it' is not the spokesman
    "Farmers in the valley will wait years for new pumps, the union said.",  # a duration, not a date
    "Negotiators will meet for two days in Oslo.",  # how long, not when
    "The operator said the repair had been scheduled for this month.",  # a past plan
    "The results were expected in May.",
    "The regulator said on Friday it would publish new rules.",  # the date is the saying's
    "The ministry said it would issue no new permits until March.",  # a commitment not to act
])
def test_undated_conditional_or_unresolved_futures_are_not_asked(signals_of, text):
    assert signals_of(text, "next") == []


def test_an_expected_event_without_an_infinitive_is_a_next_step():
    from briefing.extract import Sentence, signals
    from briefing.nlp import load_pipeline

    doc = load_pipeline()("Talks between the two governments are expected in Geneva later this month.")
    steps = signals.next_steps(Sentence(span=doc[:], start=0, source="a"))
    assert [q for q, _, _ in steps] == ["Will the talks between two governments take place in Geneva later this month?"]


# ---------------------------------------------------------------- one quantity worded differently by two sources

def _worded(nlp, src: str, sentence: str, number: str, value: float, unit: str, quantity: str,
            claimed_by: str | None):
    """A figure as extraction gives it, with its sentence's frames (what the grammar says it measures)."""
    from briefing.extract import Sentence, signals

    doc = nlp(sentence)
    sent = Sentence(span=doc[:], start=0, source=src)
    figure = Figure(value=value, unit=unit, text=number, description=sentence, claimed_by=claimed_by,
                    quantity=quantity, citations=[sent.citation()])
    return figure, signals.frames(sent)


def _conflict_between(nlp, *specs):
    figs, frames = [], []
    for spec in specs:
        f, fr = _worded(nlp, *spec)
        figs.append(f)
        frames.extend(fr)
    return conflicts(figs, frames, {})


@pytest.mark.parametrize("a, b, asked", [
    # people forced from their homes ~ evacuees
    (("a", "More than 9,000 residents have been driven from their homes by the wildfires, the charity said.",
      "More than 9,000 residents", 9000, "residents", "resident", "the charity"),
     ("b", "The regional council has registered 5,500 evacuees so far.", "5,500 evacuees", 5500, "evacuees",
      "evacuee", "regional council"),
     "How many people were forced from their homes?"),
    # a holder's share ~ the percentage of something the holder would handle
    (("a", "Regulators said the merged airline would have operated 60 percent of all domestic flights.",
      "60 percent", 60, "percent", "percent flight", "Regulators"),
     ("b", "The merged airline's share would have been below 35 percent, its chief executive said.",
      "below 35 percent", 35, "percent", "percent share", "its chief executive"),
     "What is the true share?"),
    # imports worth X ~ exports worth Y (one trade, seen from both ends)
    (("a", "Egypt imported about 3 million tonnes of Brazilian soybeans last year, worth roughly $1.4 billion, "
           "according to customs figures.", "roughly $1.4 billion", 1.4e9, "USD", "money egypt", "customs figures"),
     ("b", "Brazilian farmers say exports to Egypt are worth about $900 million a year.", "about $900 million",
      9e8, "USD", "money export", "Brazilian farmers"),
     "What is the trade worth?"),
])
def test_one_quantity_in_different_words_is_one_conflict(nlp, a, b, asked):
    found = _conflict_between(nlp, a, b)
    assert [q.question for q in found] == [asked]
    assert {c.source for c in found[0].citations} == {"a", "b"}
    from briefing.extract.figures import inline_text

    assert inline_text(a[2]) in found[0].reason and inline_text(b[2]) in found[0].reason  # 'more than 9,000 ...'


@pytest.mark.parametrize("a, b", [
    # killed and wounded are two quantities, whatever the noun
    (("a", "The army said 40 soldiers were killed in the ambush.", "40 soldiers", 40, "soldiers", "deaths",
      "The army"),
     ("b", "Medics said 65 soldiers were wounded in the ambush.", "65 soldiers", 65, "soldiers", "injured",
      "Medics")),
    # a change in a share price is not a market share
    (("a", "Shares in the airline fell 12 percent on Monday, traders said.", "12 percent", 12, "percent",
      "percent share airline", "traders"),
     ("b", "The airline's share would have been below 35 percent, its chief executive said.", "below 35 percent",
      35, "percent", "percent share", "its chief executive")),
    # two years of one series are not rival values
    (("a", "Coffee exports were worth $5 billion in 2024, the ministry said.", "$5 billion", 5e9, "USD",
      "money export", "the ministry"),
     ("b", "Coffee exports were worth $8 billion in 2025, the growers' federation said.", "$8 billion", 8e9, "USD",
      "money coffee", "the growers' federation")),
    # a number dated 'next year' beside another's year is the next step of a series, not a rival
    (("a", "The firm will build 300 turbines in 2028 and 120 next year, its chief executive said.", "120", 120,
      "turbines", "turbine", "its chief executive"),
     ("b", "The energy ministry expects the firm to build up to 300 turbines a year from 2028.", "up to 300 turbines",
      300, "turbines", "turbine", "The energy ministry")),
    # two holders' shares in one party's count are two quantities
    (("a", "The union's own tally puts the strikers on 62 percent and the managers on 30 percent.", "62 percent",
      62, "percent", "percent striker", "The union"),
     ("b", "The labour office said the managers won 48 percent of the ballot.", "48 percent", 48, "percent",
      "percent manager", "The labour office")),
    # a share of one thing is not a share of another, even when the holders' words meet ('coal')
    (("a", "Coal accounted for 36 percent of global electricity generation, the agency said.", "36 percent", 36,
      "percent", "percent generation", "the agency"),
     ("b", "The coalition of coal pledge signatories accounts for only 12 percent of global power capacity, "
           "analysts said.", "only 12 percent", 12, "percent", "percent capacity", "analysts")),
    # what rose differs: demand is not prices
    (("a", "Gas demand rose 9 percent in March, the network operator said.", "9 percent", 9, "percent",
      "percent demand", "the network operator"),
     ("b", "Gas prices rose 14 percent in March, the regulator said.", "14 percent", 14, "percent",
      "percent price", "the regulator")),
    # a part of the cases is not a rival count of cases
    (("a", "The ministry said 40 cases had been confirmed.", "40 cases", 40, "cases", "cases", "The ministry"),
     ("b", "The hospital said nine nurses were among the confirmed cases.", "nine nurses", 9, "nurses", "nurse",
      "The hospital")),
    # shares of different things held by different holders
    (("a", "The law allows fines of up to 10 percent of a company's global turnover.", "up to 10 percent", 10,
      "percent", "percent turnover", "the law"),
     ("b", "Regulators said the merged airline would have operated 40 percent of all domestic flights.",
      "40 percent", 40, "percent", "percent flight", "Regulators")),
])
def test_differently_worded_quantities_that_differ_raise_no_conflict(nlp, a, b):
    assert _conflict_between(nlp, a, b) == []


@pytest.mark.parametrize("a, b", [
    (("a", "The drug maker said the pill cut hospital admissions by 80 percent in its trial.", "80 percent", 80,
      "percent", "percent admission", "The drug maker"),
     ("b", "An independent analysis put the pill's efficacy at 49 percent.", "49 percent", 49, "percent",
      "percent efficacy", "An independent analysis")),
    (("a", "The manufacturer said the new drug reduced deaths from the disease by 60 percent.", "60 percent", 60,
      "percent", "percent death", "The manufacturer"),
     ("b", "Researchers at the university said the net was only 35 percent effective.", "only 35 percent", 35,
      "percent", "percent net", "Researchers at the university")),
])
def test_a_cut_in_cases_and_an_efficacy_are_one_quantity(nlp, a, b):
    found = _conflict_between(nlp, a, b)
    assert [q.question for q in found] == ["What is the true efficacy?"]


def test_a_cut_in_spending_is_no_efficacy(nlp):
    assert _conflict_between(
        nlp, ("a", "The city said the scheme cut water use by 30 percent, officials said.", "30 percent", 30,
              "percent", "percent use", "The city"),
        ("b", "Auditors put the scheme's efficacy at 12 percent.", "12 percent", 12, "percent", "percent efficacy",
         "Auditors")) == []


def _one_source(nlp, text: str, specs: list[tuple[str, float, str, str, str]]):
    """Figures from one article's sentences: (number as written, value, unit, quantity key, claimant)."""
    from briefing.extract import Sentence, signals

    doc = nlp(text)
    sents = [Sentence(span=s, start=s.start_char, source="a") for s in doc.sents]
    figs, frames = [], []
    for sent in sents:
        frames.extend(signals.frames(sent))
    for number, value, unit, key, who in specs:
        sent = next(s for s in sents if number in s.span.text)
        figs.append(Figure(value=value, unit=unit, text=number, description=sent.span.text, claimed_by=who,
                           quantity=key, citations=[sent.citation()]))
    return conflicts(figs, frames, {})


@pytest.mark.parametrize("text, specs, asked", [
    ("The hackers said they had copied 2 million customer files. The bank disputed the figure, saying the "
     "accounts of about 600,000 customers may have been viewed.",
     [("2 million customer files", 2e6, "files", "file", "The hackers"),
      ("about 600,000 customers", 6e5, "customers", "customer", "The bank")], "How many customer files?"),
    ("Organisers said 50,000 protesters filled the square. Police rejected the estimate, saying about 18,000 "
     "people took part.",
     [("50,000 protesters", 5e4, "protesters", "protester", "Organisers"),
      ("about 18,000 people", 1.8e4, "people", "people", "Police")], None),
])
def test_a_number_given_against_a_disputed_figure_rivals_it(nlp, text, specs, asked):
    found = _one_source(nlp, text, specs)
    assert len(found) == 1 and found[0].kind == "conflict"
    assert specs[0][0] in found[0].reason and specs[1][0] in found[0].reason
    if asked:
        assert found[0].question == asked


def test_a_number_after_a_dispute_about_something_else_is_no_rival(nlp):
    text = ("The hackers said they had copied 2 million customer files. The bank disputed the figure, saying it "
            "had hired 300 engineers to restore its systems.")
    assert _one_source(nlp, text, [("2 million customer files", 2e6, "files", "file", "The hackers"),
                                   ("300 engineers", 300, "engineers", "engineer", "The bank")]) == []


@pytest.mark.parametrize("a, b", [
    # a price is not what the thing costs to make
    (("a", "Nordvik Pharma will charge $9 a pack for the inhaler, its chief executive said.", "$9", 9, "USD",
      "money pharma nordvik", "its chief executive"),
     ("b", "Patient groups say the inhaler costs less than $3 a pack to produce.", "less than $3", 3, "USD",
      "money inhaler", "Patient groups")),
    # a fine is not a revenue
    (("a", "The regulator fined the bank $40 million over the outage, officials said.", "$40 million", 4e7, "USD",
      "money bank", "officials"),
     ("b", "The bank's quarterly revenue was $90 million, analysts said.", "$90 million", 9e7, "USD",
      "money bank", "analysts")),
    # a price is not a budget
    (("a", "Each of the new ferries will be sold at a price of $12 million, the shipyard said.", "$12 million",
      1.2e7, "USD", "money ferry", "the shipyard"),
     ("b", "The council's budget for new ferries is $30 million, the mayor said.", "$30 million", 3e7, "USD",
      "money ferry", "the mayor")),
])
def test_sums_said_to_be_different_things_raise_no_conflict(nlp, a, b):
    assert _conflict_between(nlp, a, b) == []


def test_two_prices_for_one_thing_conflict_under_a_clean_name(nlp):
    found = _conflict_between(
        nlp, ("a", "Ostmark Rail will charge $40 for a return ticket, the operator said.", "$40", 40, "USD",
              "money rail ostmark", "the operator"),
        ("b", "Commuter groups said the price of a return ticket would be $65.", "$65", 65, "USD", "money ticket",
         "Commuter groups"))
    assert [q.question for q in found] == ["What is the true price?"]


def test_more_than_is_a_bound_not_an_increment():
    figs = [fig(20000, "a", "the charity", "more than 20,000 troops"), fig(9000, "b", "the army", "9,000 troops")]
    assert len(conflicts(figs, [], {})) == 1


# ---------------------------------------------------------------- one amount reported twice (figures merge)

def _amount(value, src, text, description, quantity, claimed_by=None, unit="USD"):
    return Figure(value=value, unit=unit, text=text, description=description, claimed_by=claimed_by,
                  quantity=quantity, citations=[Citation(source=src, text=description, start=0,
                                                         end=len(description))])


@pytest.mark.parametrize("a, b", [
    (_amount(4e9, "a", "$4 billion", "the blocked acquisition of the chip maker", "money acquisition maker"),
     _amount(4e9, "b", "$4 billion", "takeover of Arlo Semiconductors", "money takeover semiconductors",
             "a company spokesman")),
    (_amount(7.5e8, "a", "€750 million", "exports of wine to Japan", "money export", unit="EUR"),
     _amount(7.5e8, "b", "750 million euros", "Japanese imports of wine", "money japanese", "customs office",
             unit="EUR")),
    (_amount(3000, "a", "3,000 evacuees", "evacuees in shelters", "evacuee", unit="evacuees"),
     _amount(3000, "b", "3,000 evacuees", "evacuees registered", "displaced", "the county", unit="evacuees")),
])
def test_the_same_amount_worded_differently_is_one_figure(a, b):
    from briefing.consolidate.figures import merge

    merged = merge([a, b])
    assert len(merged) == 1 and {c.source for c in merged[0].citations} == {"a", "b"}


@pytest.mark.parametrize("a, b", [
    # the same sum for two different things
    (_amount(4e9, "a", "$4 billion", "the acquisition of the chip maker", "money acquisition maker"),
     _amount(4e9, "b", "$4 billion", "loan from state banks", "money loan")),
    # the same number in another currency
    (_amount(5e8, "a", "$500 million", "exports of wine", "money export"),
     _amount(5e8, "b", "€500 million", "exports of wine", "money export", unit="EUR")),
    # the same count of people doing different things
    (_amount(3000, "a", "3,000 people", "people evacuated from villages", "evacuated", unit="people"),
     _amount(3000, "b", "3,000 people", "people attended the rally", "people", unit="people")),
    # two claimants that cannot be one
    (_amount(2e6, "a", "$2 million", "damage to the harbour", "money damage", "the port authority"),
     _amount(2e6, "b", "$2 million", "damage estimate", "money damage estimate", "the insurers")),
])
def test_same_value_for_different_things_stays_two_figures(a, b):
    from briefing.consolidate.figures import merge

    assert len(merge([a, b])) == 2


# ---------------------------------------------------------------- questions only where they can be asked cleanly

@pytest.mark.parametrize("text", [
    # a hedge in a legal definition or a relative clause about no particular thing
    "The statute lets the ministry revoke a licence that is likely to endanger public health.",
    "The treaty allows the court to suspend any member that is expected to default on its debts.",
    # a rule with a condition, about any country
    "Under the accord, a member state may suspend quotas temporarily if imports surge.",
    "Under the charter, a shareholder may call an extraordinary meeting at any time.",
    # ', which could ...' after a prepositional phrase is about the whole clause, not that noun
    "The ministry said the rockets were fired from across the river, which could prompt a wider response.",
    # an estimate belongs among the figures
    "The cost of the repairs could reach about $40 million, the mayor said.",
    "Officials said the harvest could fall by 30 percent this year.",
    "The agency said the number of displaced could reach 12,000 by Friday.",
])
def test_generic_statements_and_estimates_are_not_next_steps(signals_of, text):
    assert signals_of(text, "next") == []


@pytest.mark.parametrize("text, question", [
    # the same hedges said of a particular actor are forecasts
    ("The ministry said the licence is likely to be revoked next week.", "Will the licence be revoked next week?"),
    ("The health agency said a vaccine trial could begin within two weeks.",
     "Could a vaccine trial begin within two weeks?"),
    # a condition on a reported forecast keeps it a forecast
    ("The agency said a second round of talks could open in Nairobi if both sides agree.",
     "Could a second round of talks open in Nairobi?"),
    # a step with a number in it is still a step, not an estimate
    ("The health ministry said the army could send 500 doctors to the region next week.",
     "Could the army send 500 doctors to the region next week?"),
    # a 'to' inside the predicate stays
    ("The senate is expected to decide on Friday on whether to extend the curfew.",
     "Will the senate decide on Friday on whether to extend the curfew?"),
    ("The board is set to vote next month on how to fund the pension scheme.",
     "Will the board vote next month on how to fund the pension scheme?"),
])
def test_forecasts_about_particular_actors_are_asked_whole(signals_of, text, question):
    assert question in questions(signals_of(text, "next"))


@pytest.mark.parametrize("text, question", [
    ("The union has not said how it will vote on the offer.", "How will the union vote on the offer?"),
    ("The airline did not say when it would resume flights.", "When would the airline resume flights?"),
])
def test_a_pronoun_in_an_unknown_is_its_antecedent(signals_of, text, question):
    assert questions(signals_of(text, "unknown")) == [question]


def test_an_unresolvable_pronoun_in_an_unknown_asks_nothing(signals_of):
    # 'she' cannot be the ministry: no question rather than "When will she decide?"
    assert signals_of("The ministry has not said when she will decide.", "unknown") == []


@pytest.mark.parametrize("text, question", [
    ("\"The evacuation order came after the bridge had already collapsed,\" the mayor said. "
     "The regional government rejected the claim.",
     "Did the evacuation order come after the bridge had already collapsed?"),
    ("The union said the managers left when the fire started. The company denied it.",
     "Did the managers leave when the fire started?"),
    ("\"The coastguard sailed only after the ferry had sunk,\" a survivor said. The navy rejected the claim.",
     "Did the coastguard sail only after the ferry had sunk?"),
])
def test_a_disputed_claim_keeps_its_time_clause(signals_of, text, question):
    assert question in questions(signals_of(text, "dispute"))


@pytest.mark.parametrize("text, question", [
    # a second reported clause with its own subject is left out, not a garbled conjunct
    ("The union said the plant would shed 400 jobs and that managers had known for months. The company denied it.",
     "Would the plant shed 400 jobs?"),
])
def test_a_claim_with_a_second_clause_is_still_asked(signals_of, text, question):
    assert question in questions(signals_of(text, "dispute"))


@pytest.mark.parametrize("text", [
    "The mayor said the storm had damaged or destroyed 300 homes. The governor rejected the claim.",
])
def test_a_claim_whose_conjuncts_would_lose_their_and_asks_nothing(signals_of, text):
    assert signals_of(text, "dispute") == []


def test_a_share_question_names_a_holder_or_falls_back():
    def share(value, src, who, sentence, quantity):
        return Figure(value=value, unit="percent", text=f"{value} percent", description=sentence, claimed_by=who,
                      quantity=quantity, citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])

    named = [share(41, "a", "the commission", "Moreau won 41 percent of the vote.", "percent moreau"),
             share(48, "b", "Moreau's campaign", "Moreau took 48 percent of the vote.", "percent moreau")]
    assert conflicts(named, [], {})[0].question == "What share of the vote did Moreau get?"
    common = [share(12, "a", "analysts", "The signatories hold 12 percent of the world's fleet capacity.",
                    "percent capacity"),
              share(30, "b", "organisers", "The pact covers 30 percent of the world's fleet capacity.",
                    "percent capacity")]
    assert conflicts(common, [], {})[0].question == "What is the true figure for the capacity?"


# ---------------------------------------------------------------- units, subsets, bounds, parts (figures across sources)

@pytest.mark.parametrize("a, b", [
    (("120 lorries", "lorries", "lorry"), ("300 trucks", "trucks", "truck")),
    (("60 houses", "houses", "house"), ("140 homes", "homes", "home")),
    (("9 boats", "boats", "boat"), ("22 vessels", "vessels", "vessel")),
])
def test_counts_in_synonymous_nouns_are_one_conflict(a, b):
    figs = [fig(int(a[0].split()[0]), "a", "the operator", a[0], unit=a[1], quantity=a[2]),
            fig(int(b[0].split()[0]), "b", "the association", b[0], unit=b[1], quantity=b[2])]
    found = conflicts(figs, [], {})
    assert len(found) == 1 and a[0] in found[0].reason and b[0] in found[0].reason


def test_counts_of_different_nouns_or_a_length_raise_no_conflict():
    lorries = fig(120, "a", "the operator", "120 lorries", unit="lorries", quantity="lorry")
    cars = fig(300, "b", "the association", "300 cars", unit="cars", quantity="car")
    assert conflicts([lorries, cars], [], {}) == []
    boats = fig(12, "a", "the navy", "12 patrol boats", unit="boats", quantity="boat")
    length = fig(30, "b", "the shipyard", "30-metre", unit="metres", quantity="metres boat")
    assert conflicts([boats, length], [], {}) == []


@pytest.mark.parametrize("first, second", [
    ((3, "three Brazilian sailors"), (11, "11 Argentine sailors")),  # two nations' crews
    ((60, "60 school pupils"), (95, "95 pupils")),  # a subset named by a noun compounded with the counted noun
    ((4, "four Vestrian volunteers"), (9, "nine Norlandish volunteers")),  # demonyms the country table lacks
])
def test_counts_of_different_subsets_are_not_rivals(first, second):
    unit = first[1].split()[-1]
    figs = [fig(first[0], "a", "the navy", first[1], unit=unit, quantity="injured"),
            fig(second[0], "b", "the coast guard", second[1], unit=unit, quantity="injured")]
    assert conflicts(figs, [], {}) == []


def test_counts_of_one_subset_conflict_and_are_asked_by_it():
    figs = [fig(8, "a", "the navy", "8 Argentine sailors", unit="sailors", quantity="injured"),
            fig(11, "b", "the coast guard", "11 Argentinian sailors", unit="sailors", quantity="injured"),
            fig(3, "c", "the embassy", "three Brazilian sailors", unit="sailors", quantity="injured")]
    found = conflicts(figs, [], {})
    assert len(found) == 1 and "Brazilian" not in found[0].reason
    # 'crew members' are the crew: no subset of them
    figs.append(fig(8, "d", "the ministry", "eight crew members", unit="members", quantity="injured"))
    found = conflicts(figs, [], {})
    assert len(found) == 1 and "Brazilian" not in found[0].reason and "11 Argentinian" in found[0].reason
    pupils = [fig(60, "a", "the council", "60 school pupils", unit="pupils", quantity="cases"),
              fig(85, "b", "the union", "85 school pupils", unit="pupils", quantity="cases"),
              fig(400, "a", "the council", "400 cases", unit="cases", quantity="cases"),
              fig(520, "b", "the union", "520 cases", unit="cases", quantity="cases")]
    assert sorted(q.question for q in conflicts(pupils, [], {})) == ["How many cases?", "How many school pupils?"]
    # one subset only: the question the sentences ask stays
    assert conflicts(pupils[:2], [], {})[0].question == "How many pupils?"


@pytest.mark.parametrize("loose, other", [
    ("more than a dozen drones", 15),
    ("at least 40 drones", 46),
    ("up to 300 drones", 210),
])
def test_a_rough_bound_and_a_value_inside_it_are_no_conflict(loose, other):
    value = {"more": 12, "at": 40, "up": 300}[loose.split()[0]]
    figs = [fig(value, "a", "the army", loose, unit="drones", quantity="drone"),
            fig(other, "b", "the monitors", f"{other} drones", unit="drones", quantity="drone")]
    assert conflicts(figs, [], {}) == []


def test_a_value_outside_a_bound_still_conflicts():
    figs = [fig(40000, "a", "the organisers", "more than 40,000 marchers", unit="marchers", quantity="marcher"),
            fig(31000, "b", "the police", "31,000 marchers", unit="marchers", quantity="marcher")]
    assert len(conflicts(figs, [], {})) == 1


def test_a_value_given_as_part_of_another_count_is_no_rival_total():
    def case(value, src, who, text, sentence):
        return Figure(value=value, unit="cases", text=text, description="cases", claimed_by=who, quantity="cases",
                      citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])

    figs = [case(140, "a", "the agency", "140 cases", "The agency counts 140 cases, of which 12 cases are in the north."),
            case(12, "a", "the agency", "12 cases", "The agency counts 140 cases, of which 12 cases are in the north."),
            case(12, "b", "the region", "12 cases", "The north has confirmed 12 cases, the region said."),
            case(90, "c", "the ministry", "90 cases", "The ministry reports 90 cases.")]
    found = conflicts(figs, [], {})
    assert len(found) == 1 and "12 cases" not in found[0].reason and "90 cases" in found[0].reason


def test_the_same_value_in_another_unit_or_currency_confirms_a_sides_figure():
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union")
    text = "Four hundred and fifty million dollars is lost a day."
    summary.figures[0].unit, summary.figures[0].text = "boats", "900 boats"
    other = Figure(value=900, unit="vessels", text="900 vessels", description="vessels", quantity="vessel",
                   citations=[Citation(source="s2.txt", text="900 vessels are idle.", start=0, end=21)])
    summary.figures.append(other)
    assert not [q for q in build(summary, []) if q.kind == "single_source"]
    money = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union")
    money.figures[0] = Figure(value=4.5e8, unit="dollars", text="Half a billion dollars", description="lost",
                              claimed_by="Harbour Union", quantity="dollar", citations=money.figures[0].citations)
    money.figures.append(Figure(value=4.5e8, unit="CAD", text="C$450 million", description="cost", quantity="money cost",
                                citations=[Citation(source="s2.txt", text=text, start=0, end=len(text))]))
    assert not [q for q in build(money, []) if q.kind == "single_source"]
    money.figures[1].unit = "EUR"  # another currency confirms nothing
    assert [q for q in build(money, []) if q.kind == "single_source"]


# ---------------------------------------------------------------- disputes that dispute nothing; tidy questions

def _dispute(claim: str, denial: str, reason: str = "X says so; Y rejects it.") -> OpenQuestion:
    cites = [Citation(source="a", text=claim, start=0, end=len(claim)),
             Citation(source="a", text=denial, start=len(claim) + 1, end=len(claim) + 1 + len(denial))]
    return OpenQuestion(question="Is it so?", reason=reason, citations=cites, kind="dispute")


@pytest.mark.parametrize("q, dropped", [
    # a negative pronoun disputing: everyone agrees
    (OpenQuestion(question="Are 40 barges stuck?", reason="Nobody disputes it.", kind="dispute",
                  citations=[Citation(source="a", text="Nobody disputes that 40 barges are stuck.", start=0, end=41)]),
     True),
    (_dispute("a", "b", reason="No one contests it."), True),
    # the denial names an account the claim does not speak of: paired only for standing next to it
    (_dispute("The mayor said the levy included the cost of street lighting.", "Brussels rejected the Belgian plan."),
     True),
    (_dispute("Asked about the delay, the airline said its pilots had been ill.", "The regulator dismissed the union's figures."),
     True),
    # a denial pointing back at the claim, or naming what it claims
    (_dispute("The ministry said 40 people had died in the floods.", "Opposition lawmakers rejected this claim."), False),
    (_dispute("The minister blamed the attack on the Northern Front.", "The group denied any role."), False),
    (_dispute("Police said the Vestrian trawler rammed the ferry.", "Vestria rejected the Vestrian crew's account."), False),
])
def test_disputes_that_dispute_nothing_are_dropped(q, dropped):
    from briefing.consolidate.questions import _no_dispute

    assert _no_dispute(q) is dropped


@pytest.mark.parametrize("question, sentence, tidy", [
    ("Will Prices rise in March?", "Prices are expected to rise in March.", "Will prices rise in March?"),
    ("Could Our reporters be expelled?", "Our reporters could be expelled.", "Could our reporters be expelled?"),
    ("Will Negotiators meet again?", "Negotiators will meet again, officials said.", "Will negotiators meet again?"),
    # names stay as they are
    ("Will Apple cut prices?", "Apple is expected to cut prices.", "Will Apple cut prices?"),
    ("Will President Lula visit?", "President Lula will visit.", "Will President Lula visit?"),
    ("Will China retaliate?", "China is expected to retaliate.", "Will China retaliate?"),
    ("Will Turkey reply?", "Turkey will reply.", "Will Turkey reply?"),
])
def test_a_sentence_initial_capital_is_not_kept_inside_a_question(question, sentence, tidy):
    from briefing.consolidate.questions import _tidy
    from briefing.summary import Actor

    q = OpenQuestion(question=question, reason="r", kind="next",
                     citations=[Citation(source="a", text=sentence, start=0, end=len(sentence))])
    assert _tidy(q, [Actor(name="Apple", kind="organization")]).question == tidy


# ---------------------------------------------------------------- sums per period, conversions, updated tolls

def _sum(value, src, who, text, sentence, unit="EUR", quantity="money x"):
    return Figure(value=value, unit=unit, text=text, description=sentence, claimed_by=who, quantity=quantity,
                  citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])


def test_sums_given_per_day_by_rival_claimants_are_one_conflict():
    figs = [_sum(8e8, "a", "the chamber", "€800 million", "The chamber says the blockade costs the economy €800 million a day.",
                 quantity="money blockade"),
            _sum(2.5e8, "b", "the union", "roughly €250 million", "The union puts the loss at roughly €250 million daily.",
                 quantity="money loss"),
            _sum(5e8, "c", "the minister", "Half a billion euros", "Half a billion euros in goods is stuck every single day, "
                 "the minister said.", unit="euros", quantity="euro"),
            # the same amount in another currency, in brackets: a conversion, not a fourth estimate
            _sum(9e8, "a", "the chamber", "$900 million", "That is €800 million ($900 million) a day.", unit="USD",
                 quantity="money day")]
    found = conflicts(figs, [], {})
    assert len(found) == 1 and found[0].question == "What is the true figure per day?"
    assert "€800 million" in found[0].reason and "€250 million" in found[0].reason and "$900" not in found[0].reason


def test_sums_per_different_periods_or_currencies_are_not_rivals():
    figs = [_sum(8e8, "a", "the chamber", "€800 million", "The blockade costs €800 million a day.", quantity="money a"),
            _sum(3e8, "b", "the union", "€300 million", "The union says the blockade costs €300 million a week.",
                 quantity="money b")]
    assert conflicts(figs, [], {}) == []
    figs[1] = _sum(3e8, "b", "the union", "$300 million", "The union says it costs $300 million a day.", unit="USD",
                   quantity="money b")
    assert conflicts(figs, [], {}) == []


def test_a_toll_rising_in_later_reports_is_asked_as_an_update():
    sources = {s: Source(id=s, path=s, published=d) for s, d in (("a", "2025-03-02"), ("b", "2025-03-03"),
                                                                 ("c", "2025-03-04"))}
    def toll(value, src, who, text, sentence):
        return Figure(value=value, unit="people", text=text, description="people", claimed_by=who, quantity="deaths",
                      citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])

    figs = [toll(3, "a", "the police", "three people", "The police said three people died in the blast."),
            toll(5, "b", "the hospital", "five", "The death toll rose to five, the hospital said."),
            toll(7, "c", "the governor", "seven", "A man died overnight, bringing the number of people killed to seven, "
                                                  "the governor said.")]
    q = conflicts(figs, [], sources)[0]
    assert q.question == "What is the latest death toll?" and "rising in later reports" in q.reason
    assert "2025-03-04" in q.reason
    # a lower toll reported later is a disagreement, and so is a higher one nobody says the toll rose to
    lower = figs[:2] + [toll(2, "c", "the governor", "two", "The governor said two people died.")]
    assert conflicts(lower, [], sources)[0].question == "What is the death toll?"
    rival = figs[:1] + [toll(11, "c", "the Red Cross", "at least 11 people",
                             "At least 11 people were killed, the Red Cross said.")]
    assert conflicts(rival, [], sources)[0].question == "What is the death toll?"
    boats = [fig(30, "a", "the port", "30 boats", unit="boats", quantity="boat"),
             fig(45, "c", "the union", "45 boats", unit="boats", quantity="boat")]
    assert conflicts(boats, [], sources)[0].reason.startswith("Sources disagree")
    boats[0].text = "About 30 boats"  # it opened the port's sentence: inside the reason it is 'about 30 boats'
    assert "disagree: about 30 boats (per the port)" in conflicts(boats, [], sources)[0].reason


def test_a_bare_count_rivals_the_one_nations_count_named_but_not_one_of_two():
    named = fig(40, "a", "the army", "40 Kenyan soldiers", unit="soldiers", quantity="deaths")
    bare = fig(120, "b", "the rebels", "120 soldiers", unit="soldiers", quantity="deaths")
    assert len(conflicts([named, bare], [], {})) == 1
    other = fig(15, "c", "the militia", "15 Ugandan soldiers", unit="soldiers", quantity="deaths")
    assert conflicts([named, bare, other], [], {}) == []
    # a noun naming a subset is no nation: health workers are not all the cases
    workers = fig(30, "a", "the union", "30 health workers", unit="workers", quantity="cases")
    cases = fig(45, "b", "the ministry", "45 cases", unit="cases", quantity="cases")
    assert conflicts([workers, cases], [], {}) == []


def test_an_unknown_joining_a_conflict_names_the_figure():
    unknown = OpenQuestion(question="How many troops?", reason="The source lists it among what is not known.",
                           citations=[Citation(source="c", text="Troops: unknown.", start=0, end=16)], kind="unknown")
    figs = [fig(900, "a", "police", "900 troops"), fig(3000, "b", "organisers", "3,000 troops")]
    found = build(summary_with(figs), [unknown])
    assert found[0].kind == "conflict" and "The source lists the figure among what is not known." in found[0].reason


def test_a_per_day_conflict_is_named_by_what_most_sides_call_the_sum(nlp):
    found = _conflict_between(
        nlp,
        ("a", "The chamber says the blockade costs the economy €800 million a day.", "€800 million", 8e8, "EUR",
         "money blockade", "the chamber"),
        ("b", "The union puts the cost at roughly €250 million a day.", "roughly €250 million", 2.5e8, "EUR",
         "money cost", "the union"))
    assert [q.question for q in found] == ["What is the true cost per day?"]


def test_a_count_placed_in_one_country_is_no_rival_of_the_whole():
    def case(value, src, who, text, sentence):
        return Figure(value=value, unit="cases", text=text, description="cases", claimed_by=who, quantity="cases",
                      citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])

    figs = [case(420, "a", "the agency", "420 cases", "The agency has recorded 420 cases so far."),
            case(35, "b", "the ministry", "35 cases", "There are 35 cases in Malawi, the ministry said."),
            case(610, "c", "the charity", "610 cases", "The charity counts 610 cases across the region.")]
    found = conflicts(figs, [], {})
    assert len(found) == 1 and "35 cases" not in found[0].reason
    # the country of whoever gives the count is no restriction
    figs[1] = case(350, "b", "Malawi's ministry", "350 cases", "There are 350 cases in Malawi, Malawi's ministry said.")
    assert "350 cases" in conflicts(figs, [], {})[0].reason


@pytest.mark.parametrize("sentence, asked", [
    ("{claimant} said it would deploy another 40 engineers to the region.", False),
    ("{claimant} will send 900 fishermen to help, its director said.", False),
    ("{claimant} pledged to donate 900 tents.", False),
    # a claim about the event, or a forecast of an effect, is still a side's figure to check
    ("{claimant} said 900 fishermen lost their boats.", True),
    ("{claimant} said the ban would cost 900 jobs.", True),
])
def test_a_sides_promise_of_its_own_action_is_not_questioned(sentence, asked):
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union",
                             sentence=sentence)
    number = re.search(r"(?:another )?\d+ \w+", sentence.format(claimant="x")).group(0)
    summary.figures[0].text = number
    assert bool([q for q in build(summary, []) if q.kind == "single_source"]) is asked


def test_a_bare_number_is_shown_with_what_it_counts():
    figs = [fig(6200, "a", "the ministry", "6,200", unit="evacuees", quantity="evacuee"),
            fig(9000, "b", "the fire service", "about 9,000 evacuees", unit="evacuees", quantity="evacuee")]
    reason = conflicts(figs, [], {})[0].reason
    assert "6,200 evacuees (per the ministry)" in reason and "about 9,000 evacuees" in reason
    shares = [fig(41, "a", "the commission", "41", unit="percent", quantity="percent vote"),
              fig(48, "b", "the campaign", "48", unit="percent", quantity="percent vote")]
    assert "41 (per the commission)" in conflicts(shares, [], {})[0].reason
    homes = [fig(90, "a", "firefighters", "around 90", unit="homes", quantity="home"),
             fig(140, "b", "the governor", "at least 140 homes", unit="homes", quantity="home"),
             fig(60, "c", "the mayor", "sixty", unit="homes", quantity="home")]
    reason = conflicts(homes, [], {})[0].reason
    assert "around 90 homes (per firefighters)" in reason and "sixty homes" in reason


def test_a_figure_worded_as_a_part_is_not_asked_on_its_own():
    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union",
                             sentence="{claimant} said 30 boats sank, at least nine of which were trawlers.")
    summary.figures[0].text = "at least nine of which"
    assert not [q for q in build(summary, []) if q.kind == "single_source"]


def test_a_number_written_without_its_noun_has_no_subset():
    figs = [fig(412, "a", "the ministry", "412 cases", unit="cases", quantity="cases"),
            fig(700, "b", "the charity", "well over 700", unit="infections", quantity="cases", low=700)]
    figs[1].description = "real number of infections"
    found = conflicts(figs, [], {})
    assert len(found) == 1 and "well over 700" in found[0].reason
    # a plural the unit writes differently is still the counted noun ('crew' / 'crews')
    crews = [fig(7, "a", "the navy", "seven Argentine crew", unit="crews", quantity="injured"),
             fig(3, "b", "the embassy", "three Brazilian crew", unit="crews", quantity="injured")]
    assert conflicts(crews, [], {}) == []


def _counted(value, src, by, text, sentence, unit, quantity):
    return Figure(value=value, unit=unit, text=text, description=text, claimed_by=by, quantity=quantity,
                  citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])


@pytest.mark.parametrize("part", [
    _counted(40, "b", "the union", "40 deaths", "The union has counted 40 deaths among nurses.", "deaths",
             "deaths among nurses"),
    _counted(35, "b", "the charity", "35 children", "Of the dead, 35 were children, the charity said.", "children",
             "deaths among children"),
])
def test_a_count_among_a_group_never_rivals_the_overall_count(part):
    toll = [_counted(97, "a", "the ministry", "97 deaths", "The ministry has recorded 97 deaths.", "deaths", "deaths"),
            _counted(143, "c", "the agency", "143 deaths", "The agency has counted 143 deaths.", "deaths", "deaths")]
    found = conflicts(toll + [part], [], {})
    assert [q.question for q in found] == ["What is the death toll?"]
    assert part.text not in found[0].reason
    # negative: a plain rival toll still joins the question
    rival = _counted(60, "b", "the union", "60 deaths", "The union has counted 60 deaths.", "deaths", "deaths")
    assert "60 deaths" in conflicts(toll + [rival], [], {})[0].reason


@pytest.mark.parametrize("sentence, asked", [
    ("{claimant} pledged US$40 million to rebuild the harbour.", False),
    ("{claimant} has committed a further US$40 million to the relief fund.", False),
    ("{claimant} donated about US$40 million in food aid.", False),
    # negative: a sum the side says something else cost is its claim, still questioned
    ("{claimant} said the closure had cost traders US$40 million.", True),
])
def test_a_donors_own_gift_is_no_claim_to_confirm(sentence, asked):
    from dataclasses import replace

    from briefing.consolidate.questions import build

    summary = _sided_summary({"Harbour Union": "condemn", "Port Authority": "support"}, "Harbour Union",
                             sentence=sentence)
    cites = summary.figures[0].citations
    summary.figures = [replace(summary.figures[0], value=4e7, unit="USD", text="US$40 million",
                               description="sum", quantity="money", citations=cites)]
    found = [q for q in build(summary, []) if q.kind == "single_source"]
    assert bool(found) == asked, found


def test_a_share_question_keeps_the_thing_a_name_qualifies():
    def share(value, src, who, sentence):
        return Figure(value=value, unit="percent", text=f"{value} percent", description=sentence, claimed_by=who,
                      quantity="percent market asean",
                      citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])

    found = conflicts([share(12, "a", "analysts", "Imports took 12 percent of the ASEAN market."),
                       share(30, "b", "the federation", "Imports grabbed 30 percent of the ASEAN market.")], [], {})
    assert found[0].question == "What is the true figure for the market?"
    # negative: a key of name words only asks no raw name
    only_names = [Figure(**{**f.__dict__, "quantity": "percent asean"}) for f in
                  [share(12, "a", "analysts", "Imports took 12 percent in ASEAN."),
                   share(30, "b", "the federation", "Imports grabbed 30 percent in ASEAN.")]]
    assert conflicts(only_names, [], {})[0].question == "What is the true figure?"


def test_one_claimants_consistent_values_are_one_side():
    def units(value, src, who, text, sentence):
        return Figure(value=value, unit="units", text=text, description="shipments", claimed_by=who,
                      quantity="unit", citations=[Citation(source=src, text=sentence, start=0, end=len(sentence))])

    figs = [units(1.3e6, "a", "the federation", "1.3 million units", "The federation says 1.3 million units arrived."),
            units(8.5e5, "b", "the exporters", "about 850,000 units", "The exporters say about 850,000 units shipped."),
            units(9e5, "c", "the exporters", "fewer than 900,000 units",
                  "The exporters say fewer than 900,000 units shipped.")]
    reason = conflicts(figs, [], {})[0].reason
    assert "about 850,000 units or fewer than 900,000 units (per the exporters); 1.3 million units (per the " \
           "federation)" in reason, reason
    # negative: values that contradict each other stay two sides, even from one claimant
    figs[2] = units(6e5, "c", "the exporters", "600,000 units", "The exporters say 600,000 units shipped.")
    assert " or " not in conflicts(figs, [], {})[0].reason


def test_a_share_is_asked_as_a_share_not_as_a_count(nlp):
    from briefing.extract import Sentence, signals

    def questions(text: str) -> list:
        doc = nlp(text)
        return [f.question for s in doc.sents for f in signals.frames(Sentence(span=s, start=s.start_char, source="a"))]

    assert questions("Analysts put the firm's share at about half the regional market.") == ["What share of the regional market?"]
    assert "How large is the tariff?" in questions("The government imposed a 25% tariff on imported steel.")


def test_counts_of_one_sides_dead_and_the_others_are_no_rival_tolls():
    """'14 Toruni soldiers' (a people's adjective in -i, unknown to the country table) against 'five Aravian
    guards': two sides' losses, not two estimates of one toll."""
    a = fig(14, "a", "the defence ministry", "At least 14 Toruni soldiers", unit="soldiers", quantity="deaths")
    b = fig(5, "b", "the army", "five Aravian guards", unit="guards", quantity="deaths")
    assert conflicts([a, b], [], {}) == []


def test_a_side_counting_its_own_dead_does_not_take_the_other_sides_nation():
    """'four of its guards' (the army's own) against '14 Toruni soldiers' (the other side's): no rival tolls."""
    a = fig(14, "a", "the defence ministry", "At least 14 Toruni soldiers", unit="soldiers", quantity="deaths")
    b = fig(4, "b", "the army", "four of its guards", unit="guards", quantity="deaths")
    assert conflicts([a, b], [], {}) == []
    bare = fig(9, "c", "a hospital", "nine soldiers", unit="soldiers", quantity="deaths")
    assert [q.kind for q in conflicts([a, bare], [], {})] == ["conflict"]  # a bare count still takes the nation
