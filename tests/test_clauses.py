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
