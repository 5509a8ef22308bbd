"""The parsed-document cache: a hit returns the same parse, a new article costs only its own parse."""
from __future__ import annotations

import pytest

from briefing.cache import DocCache, default_cache_dir
from briefing.nlp import parse_documents
from tests.test_nlp import make_doc


@pytest.fixture(scope="module")
def blank():
    import spacy

    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def test_round_trip_keeps_tokens_sentences_and_entities(blank, tmp_path):
    from spacy.tokens import Span

    cache = DocCache(tmp_path, blank)
    texts = ["The council met in Geneva. It voted twice.", "Second block here."]
    docs = [blank(t) for t in texts]
    docs[0].ents = [Span(docs[0], 4, 5, label="GPE")]
    cache.put(texts, docs)
    back = cache.get(texts)
    assert back is not None and cache.hits == 1
    assert [d.text for d in back] == texts
    assert [s.text for s in back[0].sents] == [s.text for s in docs[0].sents]
    assert [(e.text, e.label_) for e in back[0].ents] == [("Geneva", "GPE")]


def test_key_depends_on_texts_boundaries_and_pipeline(blank, tmp_path):
    import spacy

    cache = DocCache(tmp_path, blank)
    assert cache.key(["ab", "c"]) != cache.key(["a", "bc"])
    assert cache.key(["ab"]) != cache.key(["ab "])
    other = spacy.blank("en")  # no sentencizer: a different pipeline parses differently
    assert DocCache(tmp_path, other).key(["ab"]) != cache.key(["ab"])


def test_corrupt_or_missing_entries_are_misses(blank, tmp_path):
    cache = DocCache(tmp_path, blank)
    assert cache.get(["nothing stored"]) is None
    texts = ["Some text."]
    cache.put(texts, [blank(texts[0])])
    cache.path(cache.key(texts)).write_bytes(b"not a docbin")
    assert cache.get(texts) is None
    assert cache.misses == 2


def test_an_unwritable_cache_is_skipped(blank, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = DocCache(blocker / "cache", blank)  # a folder under a file can never be created
    cache.put(["a"], [blank("a")])  # no exception
    assert cache.get(["a"]) is None


def test_second_pass_parses_only_the_new_document(blank, tmp_path, count_parses):
    cache = DocCache(tmp_path, blank)
    docs = [make_doc(i) for i in range(5)]
    first = [[d.text for d in p.docs] for p in parse_documents(docs, blank, cache=cache)]
    assert len(count_parses) == 10
    count_parses.clear()
    new = make_doc(99)
    again = [[d.text for d in p.docs] for p in parse_documents(docs[:2] + [new] + docs[2:], blank, cache=cache)]
    assert count_parses == new.block_texts()
    assert again[:2] + again[3:] == first
    assert cache.hits == 5


def test_a_corrupt_entry_is_parsed_again_in_order(blank, tmp_path, count_parses):
    cache = DocCache(tmp_path, blank)
    docs = [make_doc(i) for i in range(3)]
    list(parse_documents(docs, blank, cache=cache))
    texts = docs[1].block_texts()
    cache.path(cache.key(texts)).write_bytes(b"\0garbage")
    count_parses.clear()
    parsed = list(parse_documents(docs, blank, cache=cache))
    assert [p.document.id for p in parsed] == [d.id for d in docs]
    assert [d.text for d in parsed[1].docs] == texts
    assert count_parses == texts


def test_default_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIEFING_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "briefing"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"


@pytest.mark.slow
def test_cached_parse_gives_the_same_summary(seeds_dir, tmp_path):
    from briefing.pipeline import summarize

    fresh = summarize([seeds_dir]).to_json()
    assert summarize([seeds_dir], cache_dir=tmp_path).to_json() == fresh  # fills the cache
    assert summarize([seeds_dir], cache_dir=tmp_path).to_json() == fresh  # reads it


@pytest.mark.slow
def test_build_and_extract_use_the_cache_dir(cli, seeds_dir, tmp_path):
    cache = tmp_path / "cache"
    result = cli("extract", seeds_dir, "-o", tmp_path / "s.json", "--cache-dir", cache)
    assert result.exit_code == 0, result.output
    assert len(list(cache.rglob("*.spacy"))) == len(list(seeds_dir.glob("*.txt")))
