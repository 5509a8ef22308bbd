"""The lookup tables shipped in briefing/data are what their builders make from the libraries installed now.

A failure means jusText, countryinfo or the spaCy pipeline package changed (or the way a table is built did): run tools/data_tables.py.
"""
from __future__ import annotations

import json
from importlib import resources

import pytest

from briefing import chrome
from briefing.extract import entities


def _shipped(name: str) -> str:
    return resources.files("briefing.data").joinpath(name).read_text("utf-8")


def test_stopword_index_is_current():
    assert _shipped(chrome.STOPWORD_INDEX) == chrome.build_stopword_index()


def test_country_table_is_current():
    pytest.importorskip("countryinfo")
    assert json.loads(_shipped(entities.COUNTRY_TABLE)) == entities.build_country_table()


def test_common_nouns_are_current():
    assert _shipped(entities.COMMON_NOUNS) == entities.build_common_nouns()
    assert {"shopper", "resident", "analyst"} <= entities.common_nouns()


def test_languages_of_agrees_with_justext():
    import justext

    lists = {language: justext.get_stoplist(language) for language in justext.get_stoplists()}
    for word in ("the", "und", "não", "що", "and", "de", "zzzz", "", "a"):
        expected = tuple(sorted(language for language, words in lists.items() if word in words))
        assert chrome._languages_of(word) == expected, word


def test_stopwords_of_a_language_and_the_english_fallback():
    import justext

    assert chrome.stopwords("Portuguese") == justext.get_stoplist("Portuguese")
    assert chrome.stopwords("Klingon") == justext.get_stoplist("English")


def test_country_supplement_is_applied_over_the_table():
    forms = entities.country_forms()
    assert forms["us"].country == "United States"          # countryinfo's abbreviation
    assert "brussels" not in forms or forms["brussels"].form == "seat"   # capital override
    assert entities.country_of("Kyiv").country == "Ukraine"
