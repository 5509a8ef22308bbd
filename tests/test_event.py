"""The event: lead sentences (statements only), the headline clause, and the headline/summary/date/place
drawn from what most sources' leads agree on."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from briefing.consolidate.event import build_event, event_date, event_location
from briefing.extract import DocumentExtraction
from briefing.summary import Actor, Citation, TimelineEntry


@pytest.fixture(scope="module")
def leads_of(nlp):
    from briefing.extract import DocContext, Sentence, lead_sentences

    def run(text: str):
        # one parse per paragraph, as ingest hands over article blocks
        sents, offset = [], 0
        for block in text.split("\n\n"):
            doc = nlp(block)
            sents += [Sentence(span=s, start=offset + s.start_char, source="a") for s in doc.sents]
            offset += len(block) + 2
        ctx = DocContext(document=SimpleNamespace(id="a", published=None), sentences=sents)
        return [s.text for s in lead_sentences(ctx)]

    return run


@pytest.mark.slow
def test_lead_sentences_skip_page_lines_and_imperatives(leads_of):
    text = ("Follow our liveblog about the election here.\n\n"
            "Storm Elna hits the coast\n\n"
            "Storm Elna made landfall near the port city of Varna on Sunday, cutting power to 40,000 homes.\n\n"
            "Sign up to get the latest weather alerts in your inbox every morning.\n\n"
            "Emergency crews evacuated three coastal villages before the storm reached the shore.")
    assert leads_of(text) == [
        "Storm Elna made landfall near the port city of Varna on Sunday, cutting power to 40,000 homes.",
        "Emergency crews evacuated three coastal villages before the storm reached the shore."]


@pytest.mark.slow
@pytest.mark.parametrize("sentence,headline", [
    ("The Supreme Court on Thursday struck down the state's ban on mail-in voting, ruling 6-3 that it violated "
     "the constitution.", "The Supreme Court struck down the state's ban on mail-in voting"),
    ("VARNA, May 3 - Storm Elna made landfall near the port city on Sunday, cutting power to 40,000 homes.",
     "Storm Elna made landfall near the port city"),
    ("Voters in Norland elected Ana Ruiz as president, and her rival conceded defeat late on Sunday night.",
     "Voters in Norland elected Ana Ruiz as president"),
])
def test_headline_clause_is_the_main_clause_in_the_sentences_words(nlp, sentence, headline):
    from briefing.extract.lead import headline_clause

    clause = headline_clause(nlp(sentence)[:])
    assert clause == headline
    assert len(clause.split()) <= 15
    assert all(word in sentence for word in clause.split())


# --- consolidation (no model) ----------------------------------------------------------------------

def cite(source: str, text: str, start: int = 0) -> Citation:
    return Citation(source=source, text=text, start=start, end=start + len(text))


def extraction(source: str, leads: list[tuple[str, str]], **kw) -> DocumentExtraction:
    x = DocumentExtraction(source_id=source, **kw)
    x.lead = [cite(source, text) for text, _ in leads]
    x.lead_clauses = [clause for _, clause in leads]
    return x


def doc(source: str, published: date | None = None, title: str | None = None):
    return SimpleNamespace(id=source, published=published, title=title, duplicate_of=None)


STORM = [
    extraction("a", [("Storm Elna made landfall near the port city of Varna on Sunday, cutting power to "
                      "40,000 homes.", "Storm Elna made landfall near the port city of Varna"),
                     ("The storm also flooded the old harbour.", "The storm also flooded the old harbour")],
               locations=["Varna", "Norland", "Varna"]),
    extraction("b", [("Residents of Varna were still without power on Monday after Storm Elna made landfall "
                      "on Sunday.", "Residents of Varna were still without power"),
                     ("Our weather desk answers your questions every day at noon.", "")],
               locations=["Varna", "Norland"]),
    extraction("c", [("Norland's government declared an emergency after Storm Elna made landfall near Varna "
                      "on Sunday.",
                      "Norland's government declared an emergency"),
                     ("Fishing crews in the south reported calm seas.", "Fishing crews in the south reported calm seas")],
               locations=["Norland", "Varna"],
               actors=[Actor(name="Norland", kind="country")]),
]


def test_headline_and_summary_rest_on_what_sources_agree_on():
    event = build_event([doc("a"), doc("b"), doc("c")], STORM)
    assert event.headline == "Storm Elna made landfall near the port city of Varna"
    cited = {c.text for c in event.citations}
    assert event.citations[0].text.startswith("Storm Elna made landfall")
    # the summary is whole cited sentences, the agreeing ones, without the one-source asides
    sentences = [c.text for c in event.citations if c.text in event.summary]
    assert event.summary == " ".join(sentences) and 2 <= len(sentences) <= 3
    assert "calm seas" not in event.summary and "weather desk" not in event.summary
    assert {c.source for c in event.citations} >= {"a", "b", "c"} and len(cited) == len(event.citations)


def test_location_prefers_the_specific_place_over_an_actor_country():
    assert event_location(STORM) == "Varna"


def test_a_name_used_as_a_modifier_is_not_the_location():
    xs = [extraction(s, [(f"The Marburg virus outbreak spread in Kasese district, officials in {s} said.", "")],
                     locations=["Marburg", "Kasese"]) for s in ("a", "b", "c")]
    assert event_location(xs) in ("Kasese district", "Kasese")


def test_date_named_by_the_leads_beats_publication_dates():
    xs = [extraction("a", [("The court ruled on Tuesday that the ban was void.", "")]),
          extraction("b", [("The court's ruling on Tuesday drew protests.", "")])]
    for x in xs:
        x.timeline = [TimelineEntry(date="2031-10-14", event="The court ruled", citations=[x.lead[0]])]
    docs = [doc("a", date(2031, 10, 15)), doc("b", date(2031, 10, 16))]
    assert event_date(docs, xs) == "2031-10-14"
    for x in xs:
        x.timeline = []
    assert event_date(docs, xs) == "2031-10-15"  # equally common publication dates: the earliest


def test_no_leads_falls_back_to_a_title_and_no_summary():
    event = build_event([doc("a", title="Storm Elna hits the coast")], [extraction("a", [])])
    assert event.headline == "Storm Elna hits the coast" and event.summary == "" and event.citations == []


def test_dateline_is_cut_from_the_summary_citation():
    x = extraction("a", [("VARNA, May 3 - Storm Elna made landfall near the port city on Sunday.",
                          "Storm Elna made landfall near the port city")])
    event = build_event([doc("a")], [x])
    assert event.summary == "Storm Elna made landfall near the port city on Sunday."
    c = event.citations[0]
    assert ("VARNA, May 3 - Storm Elna made landfall near the port city on Sunday.")[c.start:c.end] == c.text


def test_an_organisation_taken_for_a_place_is_not_the_location():
    xs = [extraction(s, [(f"Open Net Africa said the court in Bloemfontein ruled for it, {s} reported.", "")],
                     locations=["Open Net Africa", "Open Net Africa", "Bloemfontein"],
                     actors=[Actor(name="Open Net Africa", kind="organization")]) for s in ("a", "b")]
    assert event_location(xs) == "Bloemfontein"
