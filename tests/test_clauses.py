"""Grammar helpers on spaCy parses (briefing.extract.clauses)."""
from __future__ import annotations

import pytest

from briefing.extract.clauses import joins_words, looks_ahead


def _verb(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.slow
@pytest.mark.parametrize("text,word", [
    ("Temperatures are expected to fall to about 12C by Saturday.", "fall"),
    ("The court will rule on the appeal on Monday.", "rule"),
    ("The ferry is due to sail on Friday.", "sail"),
    ("The committee is scheduled to meet on Tuesday.", "meet"),
    ("Rainfall is forecast to ease by Thursday.", "ease"),
    ("Prices are expected to rise.", "expected"),
])
def test_clauses_that_look_ahead(nlp, text, word):
    assert looks_ahead(_verb(nlp(text), word))


@pytest.mark.slow
@pytest.mark.parametrize("text,word", [
    ("Temperatures fell to about 12C on Saturday.", "fell"),
    ("The ferry was due to sail on Friday.", "sail"),
    ("Prices were expected to rise by Monday.", "rise"),
    ("The court ruled on the appeal on Monday.", "ruled"),
])
def test_clauses_that_do_not_look_ahead(nlp, text, word):
    assert not looks_ahead(_verb(nlp(text), word))


@pytest.mark.slow
def test_a_hyphen_inside_a_name_joins_words(nlp):
    doc = nlp("Health Minister Jean-Luc Moreau spoke - briefly - on Monday.")
    hyphens = [t for t in doc if t.text == "-"]
    assert joins_words(hyphens[0]) and not joins_words(hyphens[1])


# ---------------------------------------------------------------- questions built from clauses

def _word(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.slow
@pytest.mark.parametrize("text,word,question", [
    # an adverb between subject and verb stays before the verb
    ("Officials did not say how the contamination first entered the water supply.", "entered",
     "How did the contamination first enter the water supply?"),
    ("It is unclear why the airline suddenly cancelled the flights.", "cancelled",
     "Why did the airline suddenly cancel the flights?"),
    ("Nobody knows when the regulator will finally publish the report.", "publish",
     "When will the regulator finally publish the report?"),
    ("It is unclear why the mayor had not acted.", "acted", "Why did the mayor not act?"),
    # an adverb after the verb stays after it
    ("It is unclear how the firm responded so quickly.", "responded", "How did the firm respond so quickly?"),
    # a coordination inside the clause stays whole
    ("The ministry has not said how the funds will be divided between schools and hospitals.", "divided",
     "How will the funds be divided between schools and hospitals?"),
    # a wh-word may ask about a reported clause
    ("The board did not say who the auditors said had signed the accounts.", "said",
     "Who did the auditors say had signed the accounts?"),
    ("She did not say how many workers had already left.", "left", "How many workers had already left?"),
])
def test_wh_questions(nlp, text, word, question):
    from briefing.extract.clauses import wh_question

    assert wh_question(_word(nlp(text), word)) == question


@pytest.mark.slow
@pytest.mark.parametrize("text,word", [
    ("how the leak started; the cause has not been found;", "found"),  # the 'how' asks about another clause
    ("WHO officials said the virus had spread.", "said"),  # the agency, not a wh-word
])
def test_no_wh_question_from_a_wh_word_of_another_clause(nlp, text, word):
    from briefing.extract.clauses import wh_question

    assert wh_question(_word(nlp(text), word)) is None


@pytest.mark.slow
@pytest.mark.parametrize("text,word,question", [
    # a clause that is itself the second of two embedded questions
    ("The report does not say whether the dam was inspected, or whether engineers had warned the owners.",
     "warned", "Did engineers warn the owners?"),
    ("It is unclear whether the talks will resume, and whether the union will accept the offer.", "accept",
     "Will the union accept the offer?"),
    # a second claim with its own subject is still left out
    ("Officials said repairs could take months and imports would rise.", "take", "Could repairs take months?"),
    # coordinated words keep their commas and 'and'/'or'
    ("The storm damaged roads, bridges and schools.", "damaged", "Did the storm damage roads, bridges and schools?"),
    ("The fees will be raised, frozen or scrapped next year.", "raised",
     "Will the fees be raised, frozen or scrapped next year?"),
    # conjoined verbs take the base form after 'did'
    ("The company closed two plants and cut 500 jobs.", "closed",
     "Did the company close two plants and cut 500 jobs?"),
    ("The ministry had suspended the contract and dismissed the supplier.", "suspended",
     "Did the ministry suspend the contract and dismiss the supplier?"),
    # a conjoined verb that cannot share the fronted word is left out
    ("The clinics are open and will be staffed by volunteers.", "are", "Are the clinics open?"),
    ("The shelters were full and turned families away.", "were", "Were the shelters full?"),
    # asides set off by dashes, brackets or commas are left out
    ("Nearly half of the grain harvest - 48%, by the ministry's estimate - was lost to pests.", "lost",
     "Was nearly half of the grain harvest lost to pests?"),
    ("The agency (ESA) will launch the probe in May.", "launch", "Will the agency launch the probe in May?"),
    ("About 300 nurses, many of them from rural clinics, could lose their jobs.", "lose",
     "Could about 300 nurses lose their jobs?"),
    ("The tariff could hurt the Andean Trade Pact, in effect since 2018.", "hurt",
     "Could the tariff hurt the Andean Trade Pact?"),
    # a dash between numbers is a range, and a possessive's apostrophe is no quotation mark
    ("The clinic treats 10 - 12 patients a day.", "treats", "Does the clinic treat 10 - 12 patients a day?"),
    ("The dockers' union will strike on Monday.", "strike", "Will the dockers' union strike on Monday?"),
    ("Two of the miners were rescued on Sunday.", "rescued", "Were two of the miners rescued on Sunday?"),
])
def test_yes_no_questions(nlp, text, word, question):
    from briefing.extract.clauses import yes_no_question

    assert yes_no_question(_word(nlp(text), word)) == question


@pytest.mark.slow
@pytest.mark.parametrize("text,word,phrase", [
    ("Negotiators from Chile and Peru met on Monday.", "Negotiators", "Negotiators from Chile and Peru"),
    ("Farmers from Kenya, Uganda and Tanzania protested.", "Farmers", "Farmers from Kenya, Uganda and Tanzania"),
    ("The nurses' union called a strike.", "union", "The nurses' union"),
    # a noun conjoined to the phrase's own noun, and its clauses, are left out
    ("The minister and her deputy resigned.", "minister", "The minister"),
    ("The inspectors, who arrived on Friday, left.", "inspectors", "The inspectors"),
])
def test_noun_phrases(nlp, text, word, phrase):
    from briefing.extract.clauses import noun_phrase

    assert noun_phrase(_word(nlp(text), word)) == phrase
