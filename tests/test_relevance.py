"""Relevance: a question-and-answer source's units about other matters give no candidates."""
from briefing.consolidate.relevance import drop_off_topic, off_topic_blocks, salient_terms
from briefing.extract import DocumentExtraction
from briefing.ingest import Document
from briefing.summary import Actor, Citation, OpenQuestion


def _doc(doc_id: str, paragraphs: list[str]) -> Document:
    text, blocks = "", []
    for p in paragraphs:
        blocks.append((len(text), len(text) + len(p)))
        text += p + "\n\n"
    return Document(id=doc_id, path=doc_id + ".txt", text=text, blocks=blocks)


NEWS = [
    _doc("a", ["Flooding on the Varna river forced the evacuation of 4,000 residents from the town of Dellin on "
               "Sunday after the embankment gave way.",
               "The regional flood agency said water levels would keep rising until Tuesday."]),
    _doc("b", ["Some 4,000 residents of Dellin were evacuated after the Varna river burst its embankment, the flood "
               "agency said.", "Rescuers used boats to reach villages cut off by the water."]),
    _doc("c", ["The embankment failure on the Varna river flooded Dellin and forced thousands of residents to leave.",
               "Engineers blamed years of neglect of the embankment."]),
]

TRANSCRIPT = _doc("t", [
    "The Minister of Culture will open the International Book Fair in Porto on Thursday at the invitation of the "
    "Portuguese publishers' association.",
    "Coastal Radio: Residents of Dellin say the flood agency ignored warnings about the Varna embankment. Will "
    "the agency review its inspections?",
    "Spokesman Ivo Lant: The flood agency inspected the embankment in the spring. Every resident of Dellin "
    "evacuated on Sunday will receive help, and engineers are checking the river defences.",
    "Market Daily: The Central Bank of Ruvania is expected to cut interest rates next week. Will the currency "
    "weaken?",
    "Spokesman Ivo Lant: I would refer you to the monetary authorities.",
])


def _cite(doc: Document, phrase: str) -> Citation:
    start = doc.text.index(phrase)
    return Citation(source=doc.id, text=phrase, start=start, end=start + len(phrase))


def test_salient_terms_skip_a_capitalised_sentence_opener():
    names, terms = salient_terms("Restore forest funding to earlier levels. The plan was drawn up by the Bank of "
                                 "Ruvania.")
    assert "restore" not in names and "bank of ruvania" in names
    assert "forest" in terms and "funding" in terms


def test_transcript_units_on_other_matters_are_off_topic():
    spans = off_topic_blocks(NEWS + [TRANSCRIPT])
    texts = [TRANSCRIPT.text[s:e] for s, e in spans["t"]]
    assert any("Book Fair" in t for t in texts)
    assert any("Central Bank of Ruvania" in t for t in texts)
    assert any("monetary authorities" in t for t in texts)  # the answer goes with its question
    assert not any("Dellin" in t for t in texts)


def test_candidates_of_off_topic_units_go_and_shared_items_keep_their_other_citations():
    bank = Actor(name="Central Bank of Ruvania", kind="organization",
                 citations=[_cite(TRANSCRIPT, "The Central Bank of Ruvania is expected to cut interest rates")])
    agency = Actor(name="flood agency", kind="organization",
                   citations=[_cite(TRANSCRIPT, "The flood agency inspected the embankment in the spring."),
                              _cite(TRANSCRIPT, "the invitation of the Portuguese publishers' association")])
    fair = OpenQuestion(question="Will the minister open the book fair?", reason="planned",
                        citations=[_cite(TRANSCRIPT, "The Minister of Culture will open the International Book Fair")])
    x = DocumentExtraction(source_id="t", actors=[bank, agency], signals=[fair])
    drop_off_topic(NEWS + [TRANSCRIPT], [DocumentExtraction(source_id=d.id) for d in NEWS] + [x])
    assert [a.name for a in x.actors] == ["flood agency"]
    assert [c.text for c in x.actors[0].citations] == ["The flood agency inspected the embankment in the spring."]
    assert x.signals == []


def test_an_ordinary_article_loses_nothing():
    # a single-topic story with a paragraph on a side matter (no labelled questions): never filtered
    article = _doc("d", ["The Varna river flooded Dellin on Sunday after the embankment failed.",
                         "Separately, the Minister of Culture will open the International Book Fair in Porto.",
                         "The Central Bank of Ruvania is expected to cut interest rates next week."])
    assert off_topic_blocks(NEWS + [article]) == {}


def test_too_few_sources_for_a_core():
    assert off_topic_blocks(NEWS[:1] + [TRANSCRIPT]) == {}


def test_the_turns_ingest_found_mark_the_questions():
    # bold speaker labels the block pattern does not read: the transcript's turns say where questions begin
    doc = _doc("t2", [p.replace("Coastal Radio:", "**Coastal Radio:**").replace("Market Daily:", "**Market Daily:**")
                      .replace("Spokesman Ivo Lant:", "**Ivo Lant:**") for p in TRANSCRIPT.block_texts()])
    doc.turns = [(s, doc.text.index(":", s) + 3, "") for s, _ in doc.blocks[1:]]
    texts = [doc.text[s:e] for s, e in off_topic_blocks(NEWS + [doc])["t2"]]
    assert any("Central Bank of Ruvania" in t for t in texts) and not any("Dellin" in t for t in texts)


def test_lead_sentences_of_off_topic_units_go_with_their_clauses():
    fair = _cite(TRANSCRIPT, "The Minister of Culture will open the International Book Fair in Porto on Thursday")
    answer = _cite(TRANSCRIPT, "The flood agency inspected the embankment in the spring.")
    x = DocumentExtraction(source_id="t", lead=[fair, answer], lead_clauses=["The Minister will open the fair", ""])
    drop_off_topic(NEWS + [TRANSCRIPT], [DocumentExtraction(source_id=d.id) for d in NEWS] + [x])
    assert x.lead == [answer] and x.lead_clauses == [""]
