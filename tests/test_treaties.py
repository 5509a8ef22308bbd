"""Treaties and legal basis: names from noun-phrase structure, references attached to the named
instrument, article numbers, provisions, signing/ratification dates, and merging across spellings."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from briefing.consolidate.treaties import merge
from briefing.extract.treaties import TreatyCandidate
from briefing.summary import Citation, Treaty

PUBLISHED = date(2031, 10, 17)


@pytest.fixture(scope="module")
def treaties_of(nlp):
    from briefing.extract import DocContext, Sentence
    from briefing.extract import treaties

    def run(text: str, published: date | None = PUBLISHED, source: str = "a"):
        doc = nlp(text)
        sents = [Sentence(span=s, start=s.start_char, source=source) for s in doc.sents]
        ctx = DocContext(document=SimpleNamespace(id=source, published=published), sentences=sents)
        return treaties.extract(ctx)

    return run


def only(items):
    assert len(items) == 1, [t.name for t in items]
    return items[0]


@pytest.mark.slow
def test_article_number_and_provision_quoted_from_the_text(treaties_of):
    t = only(treaties_of('Article 7 of the Coastal Fisheries Convention says each state "shall notify its '
                         'neighbours" before it opens new fishing grounds.'))
    assert t.name == "Coastal Fisheries Convention" and t.article == "7"
    assert t.provision == 'each state "shall notify its neighbours" before it opens new fishing grounds'
    assert t.citations[0].text.startswith("Article 7")


@pytest.mark.slow
def test_ordinal_point_of_a_referenced_agreement(treaties_of):
    t = only(treaties_of("The towns signed the agreement on regional water sharing in 2029. "
                         "Only in the third point of the agreement can we read that each town will "
                         "release water to the other in a drought."))
    assert t.name == "agreement on regional water sharing" and t.article == "3"
    assert t.provision == "each town will release water to the other in a drought"
    assert len(t.citations) == 2


@pytest.mark.slow
def test_obligation_verb_gives_the_provision(treaties_of):
    t = only(treaties_of("The river basin treaty between the two states requires both sides to share flood "
                         "data within six hours."))
    assert t.name == "river basin treaty"
    assert t.provision == "requires both sides to share flood data within six hours"


@pytest.mark.slow
def test_signed_and_ratified_dates_resolved_and_attached_through_references(treaties_of):
    t = only(treaties_of("The Lake Shore Fishing Pact, which was signed in June last year, ends the dispute. "
                         "In March, the regional assembly ratified the document."))
    assert t.name == "Lake Shore Fishing Pact"
    assert (t.signed, t.ratified) == ("2030-06", "2031-03")
    assert len(t.citations) == 2


@pytest.mark.slow
def test_section_of_an_act_and_plural_proper_names(treaties_of):
    items = treaties_of("The regulator said the firm breached Section 5 of the Data Act and the "
                        "International Health Regulations.")
    by_name = {t.name: t for t in items}
    assert set(by_name) == {"Data Act", "International Health Regulations"}
    assert by_name["Data Act"].article == "5"


@pytest.mark.slow
def test_resolutions_of_a_body_are_named(treaties_of):
    t = only(treaties_of("The envoy said the shipments violated the resolutions of the UN Security Council."))
    assert t.name == "resolutions of the UN Security Council"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Prosecutors called the shooting a criminal act.",                        # 'act' as a deed
    "The army declared martial law in the province.",                          # 'law' without a name
    "The ministry published the document on Friday.",                          # a bare reference, nothing named
    "The plan respects other international treaties.",                        # a kind, not an instrument
    "The pact was considered the largest defence agreement in decades.",       # a description
    "She is a fellow of the Institute for Maritime Law.",                      # part of an organisation's name
    "Delegates walked out of the pandemic accord talks.",                      # a modifier of another noun
])
def test_not_named_instruments(treaties_of, text):
    assert treaties_of(text) == []


@pytest.mark.slow
def test_spellings_across_articles_merge_into_the_proper_name(treaties_of):
    docs = [
        ("a", "The two navies cooperate under the agreement on a comprehensive maritime partnership."),
        ("b", "Article 2 of the Comprehensive Maritime Partnership Treaty obliges each navy to share "
              "radar data with the other."),
        ("c", "Officials said the maritime partnership treaty was signed in May 2030."),
        ("d", "The ships left port under the UN Charter, not the Ocean Mining Convention."),
    ]
    candidates = [t for source, text in docs for t in treaties_of(text, source=source)]
    merged = merge(candidates)
    top = merged[0]
    assert top.name == "Comprehensive Maritime Partnership Treaty"
    assert top.article == "2" and top.signed == "2030-05"
    assert "share radar data" in top.provision
    assert {c.source for c in top.citations} == {"a", "b", "c"}
    assert {t.name for t in merged[1:]} == {"UN Charter", "Ocean Mining Convention"}


# --- merging (no model) ----------------------------------------------------------------------------

def cand(name: str, source: str, content: set[str], titled: bool = False, text: str = "", **kw) -> TreatyCandidate:
    text = text or f"They spoke about the {name}."
    return TreatyCandidate(name=name, citations=[Citation(source, text, 0, len(text))], head="agreement",
                           content=frozenset(content), titled=titled, **kw)


def test_description_joins_the_proper_name_its_sentences_point_to():
    merged = merge([
        cand("Riverlands-Coastal Union Partnership Agreement", "a", {"riverlands", "coastal", "union", "partnership"},
             titled=True),
        cand("free-trade agreement", "b", {"free", "trade"},
             text="Riverlands signed a free-trade agreement with the Coastal Union on Tuesday."),
        cand("free-trade agreement", "c", {"free", "trade"}, article="9",
             text="Under the free-trade agreement, the Coastal Union and Riverlands cut tariffs."),
        cand("Paris Agreement", "c", {"paris"}, titled=True),
    ])
    names = [t.name for t in merged]
    assert names[0] == "Riverlands-Coastal Union Partnership Agreement" and merged[0].article == "9"
    assert sorted(names) == ["Paris Agreement", "Riverlands-Coastal Union Partnership Agreement"]


def test_different_instruments_with_a_shared_word_stay_apart():
    merged = merge([
        Treaty(name="UN Charter", citations=[Citation("a", "x", 0, 1)]),
        Treaty(name="resolutions of the UN Security Council", citations=[Citation("a", "y", 0, 1)]),
    ])
    assert len(merged) == 2


def test_undated_article_dates_are_read_against_the_reference():
    t = cand("Lake Shore Fishing Pact", "a", {"lake", "shore", "fishing"}, titled=True, signed_expr="in June")
    merged = merge([t], reference=PUBLISHED)
    assert merged[0].signed == "2031-06"
    assert merge([t], reference=None)[0].signed is None


def test_description_signed_the_same_month_joins_the_proper_name():
    merged = merge([
        cand("Harbour Cooperation Treaty", "a", {"harbour", "cooperation"}, titled=True, signed="2030-06"),
        cand("mutual defence treaty", "b", {"mutual", "defence"}, signed="2030-06"),
        cand("fishing accord", "c", {"fishing"}, signed="2029-02"),
    ])
    assert [t.name for t in merged] == ["Harbour Cooperation Treaty", "fishing accord"]


@pytest.mark.slow
def test_title_case_headings_name_nothing(treaties_of):
    assert treaties_of("Minister Condemns Neighbour For Violating UN Resolutions") == []


@pytest.mark.slow
def test_provision_governed_by_an_article_phrase(treaties_of):
    t = only(treaties_of("Under Article 6 of the Regional Flood Protocol, every member must warn its neighbours "
                         "within 12 hours of a dam breach."))
    assert t.name == "Regional Flood Protocol" and t.article == "6"
    assert t.provision == "every member must warn its neighbours within 12 hours of a dam breach"


@pytest.mark.slow
def test_no_instrument_in_particular(treaties_of):
    assert treaties_of("It is the first binding methane duty in any climate agreement.") == []


def test_roman_numeral_article_keeps_its_numeral_and_gives_its_number(treaties_of):
    found = treaties_of("Under Article XIX of the General Agreement on Tariffs and Trade, a country may restrict "
                        "imports temporarily if they cause serious injury to a domestic industry.")
    assert [(t.name, t.article) for t in found] == [("General Agreement on Tariffs and Trade", "XIX (19)")]


def test_roman_value_reads_only_well_formed_numerals():
    from briefing.extract.treaties import roman_value

    assert [roman_value(x) for x in ("IV", "XIX", "XXI", "IIII", "MCM", "")] == [4, 19, 21, None, None, None]


# --- several provisions of one instrument ----------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,articles", [
    ("The ruling was made under Section 12 of the Clean Water Act 2020. Separately, the agency fined the mill "
     "$3 million under Section 40 of the same act for late reporting.", ["12", "40"]),
    ("Ministers invoked Article 5 of the Northern Defence Treaty. Diplomats said Article 7 of the treaty also "
     "applied.", ["5", "7"]),
    ("Inspectors closed the plant under Section 9 of the Clean Air Act. The owner was also charged under "
     "Section 14 of that law.", ["9", "14"]),
    ("The court cited Article 3 of the Ocean Mining Convention and later relied on Article 8 of the convention.",
     ["3", "8"]),
])
def test_a_further_provision_through_an_anaphor_is_its_own_entry(treaties_of, text, articles):
    found = treaties_of(text)
    assert sorted((t.article for t in found), key=int) == articles
    assert len({t.name for t in found}) == 1
    assert all(len(t.citations) == 1 for t in found)  # each provision cites its own sentence


@pytest.mark.slow
@pytest.mark.parametrize("text,article", [
    ("Chapter 14 of the Pacific Fisheries Agreement covers quotas. Article 14.5 of the agreement says each "
     "party shall report its catch.", "14.5"),
    ("Section 12 of the Clean Water Act was cited. Section 12(b) of the act requires plants to report spills "
     "within a day.", "12(b)"),
])
def test_a_finer_reading_of_one_provision_stays_one_entry(treaties_of, text, article):
    assert only(treaties_of(text)).article == article


@pytest.mark.slow
def test_a_provision_of_nothing_named_is_no_entry(treaties_of):
    assert treaties_of("The company was fined under Section 40 of the same act.") == []


@pytest.mark.slow
@pytest.mark.parametrize("text,name,article", [
    ("The agency fined the airline under Sec. 12 of the Aviation Safety Act.", "Aviation Safety Act", "12"),
    ("The court applied § 12 of the Aviation Safety Act.", "Aviation Safety Act", "12"),
    ("Judges cited Rule 7 of the Maritime Arbitration Code.", "Maritime Arbitration Code", "7"),
    ("The tribunal relied on Chapter 4 of the Fisheries Act.", "Fisheries Act", "4"),
    ("The regulator said the firm breached Section 5(b) of the Data Act.", "Data Act", "5(b)"),
    ("The court struck down Section 3B of the Press Freedom Act.", "Press Freedom Act", "3B"),
])
def test_designators_of_a_provision(treaties_of, text, name, article):
    t = only(treaties_of(text))
    assert (t.name, t.article) == (name, article)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The new rule took effect in 2020.",
    "The SEC fined the bank $12 million.",
])
def test_designator_words_without_an_instrument(treaties_of, text):
    assert treaties_of(text) == []


@pytest.mark.slow
def test_a_relative_clause_on_the_instrument_gives_the_provision(treaties_of):
    t = only(treaties_of("The governor invoked Article 9 of the Civil Defence Act, which allows the government to "
                         "requisition private vehicles and to order evacuations."))
    assert t.provision == "allows the government to requisition private vehicles and to order evacuations"
    assert only(treaties_of("The ruling rests on Section 12 of the Clean Water Act 2020, which lets the agency "
                            "close polluting plants.")).provision == "lets the agency close polluting plants"
    assert only(treaties_of("The court upheld the Land Reform Act, which parliament passed last year.")).provision \
        is None
    assert only(treaties_of("The court upheld the Harbour Act, which would let the port double its fees.")).provision \
        is None  # what it would do is a prediction, not what it provides


def test_provisions_of_one_instrument_merge_into_one_entry_each():
    named = "The ban rests on Section 21 of the Harbour Safety Act."
    merged = merge([
        cand("Harbour Safety Act", "a", {"harbour", "safety"}, titled=True, article="21", text=named),
        cand("Harbour Safety Act", "a", {"harbour", "safety"}, titled=True, article="34",
             text="The port was also fined under Section 34 of the same act."),
        cand("Harbour Safety Act", "b", {"harbour", "safety"}, titled=True, article="34",
             text="Section 34 of the same act covers fines."),
        cand("Harbour Safety Act", "b", {"harbour", "safety"}, titled=True, article="21(1)",
             text="Officials cited Section 21(1) of the Harbour Safety Act.", signed_expr=None, signed="2019"),
        cand("Harbour Safety Act", "c", {"harbour", "safety"}, titled=True,
             text="The Harbour Safety Act was passed in 2019."),
    ])
    assert [(t.name, t.article) for t in merged] == [("Harbour Safety Act", "21"), ("Harbour Safety Act", "34")]
    first, further = merged
    assert {c.source for c in first.citations} == {"a", "b", "c"} and first.signed == "2019"
    assert [c.text for c in further.citations] == ["The port was also fined under Section 34 of the same act.",
                                                   "Section 34 of the same act covers fines.", named]
    assert further.signed is None


def test_further_provisions_follow_their_instrument():
    named = "The ban rests on Section 21 of the Harbour Safety Act."
    merged = merge([
        cand("Harbour Safety Act", "a", {"harbour", "safety"}, titled=True, article="21", text=named),
        cand("Harbour Safety Act", "a", {"harbour", "safety"}, titled=True, article="34",
             text="The port was also fined under Section 34 of the same act."),
    ])
    assert [t.article for t in merged] == ["21", "34"]  # though the further one also cites the naming sentence


@pytest.mark.slow
@pytest.mark.parametrize("text,articles", [
    ("Ministers cited Articles 3 and 4 of the Northern Defence Treaty.", ["3", "4"]),
    ("The court cited Sections 12, 14 and 15 of the Clean Water Act.", ["12", "14", "15"]),
    ("The Clean Water Act was cited. Sections 5(a) and 6 of the act apply.", ["5(a)", "6"]),
])
def test_a_list_of_provisions_gives_one_entry_each(treaties_of, text, articles):
    found = treaties_of(text)
    assert [t.article for t in found] == articles and len({t.name for t in found}) == 1


@pytest.mark.slow
def test_a_number_after_a_single_provision_is_not_listed(treaties_of):
    assert [t.article for t in treaties_of("Section 4 of the Clean Water Act and 12 other rules apply.")] == ["4"]


@pytest.mark.slow
@pytest.mark.parametrize("text,name,article", [
    ("The regulator acted under Article 9 of the consumer credit law, which lets it freeze lending.",
     "consumer credit law", "9"),
    ("Inspectors closed the plant, invoking Section 5 of the food safety regulation (Regulation 2019/44).",
     "food safety regulation (Regulation 2019/44)", "5"),
    ("The ban rests on Article 12 of Norway's public health act.", "public health act", "12"),
    ("Officials relied on Section 30 of the mining code (Act No. 12 of 2019) to halt the works.",
     "mining code (Act No. 12 of 2019)", "30"),
])
def test_a_lower_case_statute_whose_provision_is_invoked_is_a_legal_basis(treaties_of, text, name, article):
    t = only(treaties_of(text))
    assert (t.name, t.article) == (name, article)


@pytest.mark.slow
def test_a_statute_with_its_official_number_is_named_without_a_provision(treaties_of):
    assert only(treaties_of("Fishing was halted under the coastal waters act (Act No. 7 of 2021) on Monday.")).name \
        == "coastal waters act (Act No. 7 of 2021)"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "He was detained under martial law.",
    "The company broke competition law, the court found.",
    "Ministers hailed the emergency declaration by the agency.",
    "The WHO said the outbreak declaration would free funds.",
    "The previous collective agreement expired in March.",
    "Pilots have worked without a contract since the former wage agreement lapsed.",
])
def test_fields_of_law_acts_of_declaring_and_expired_agreements_name_no_instrument(treaties_of, text):
    assert treaties_of(text) == []


@pytest.mark.slow
def test_a_capitalised_declaration_is_still_an_instrument(treaties_of):
    assert only(treaties_of("The ministers signed the Lisbon Declaration on Ocean Data in May.")).name \
        == "Lisbon Declaration on Ocean Data"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Talks on a Code of Practice for the fishing grounds resume in March.",
    "The bloc called for the early conclusion of a Charter on Data Sharing.",
    "The Arctic Shipping Treaty is still being negotiated in Oslo.",
    "Ministers discussed the proposed Digital Services Treaty on Monday.",
    "Teachers will vote on a new pay agreement next week.",
    "The nurses' wage agreement expired on June 30.",
])
def test_an_instrument_still_being_made_is_pending(treaties_of, text):
    assert only(treaties_of(text)).pending


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The Arctic Shipping Treaty entered into force in 2019.",
    "The two governments signed a new Arctic Shipping Treaty on Monday.",
])
def test_an_instrument_in_force_is_not_pending(treaties_of, text):
    assert not only(treaties_of(text)).pending


@pytest.mark.slow
def test_a_lower_case_declaration_on_a_matter_is_an_instrument(treaties_of):
    assert only(treaties_of("The leaders signed a joint declaration on the Korean Peninsula in Seoul.")).name \
        == "joint declaration on the Korean Peninsula"


def test_an_instrument_only_ever_named_as_pending_is_no_legal_basis():
    merged = merge([cand("Code of Practice", "a", {"practice"}, titled=True, pending=True),
                    cand("Code of Practice", "b", {"practice"}, titled=True, pending=True),
                    cand("Arctic Shipping Treaty", "a", {"arctic", "shipping"}, titled=True)])
    assert [t.name for t in merged] == ["Arctic Shipping Treaty"]
    merged = merge([cand("Code of Practice", "a", {"practice"}, titled=True, pending=True),
                    cand("Code of Practice", "b", {"practice"}, titled=True)])  # in force in one source
    assert [t.name for t in merged] == ["Code of Practice"]


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Ships must report under Article 8 of the Convention on the Carriage of Dangerous Goods (CCDG), the ministry "
     "said.", "Convention on the Carriage of Dangerous Goods (CCDG)"),
    ("The Treaty on the Law of Outer Space (TLOS) bans such weapons.", "Treaty on the Law of Outer Space (TLOS)"),
])
def test_a_name_keeps_its_brackets_balanced_and_holds_no_second_instrument(treaties_of, text, name):
    assert only(treaties_of(text)).name == name


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Ships must comply with Annex VI of the MARPOL Convention (the International Convention for the Prevention of "
     "Pollution from Ships).", "MARPOL Convention"),
    ("Airlines must follow Annex 9 of the Chicago Convention (the Convention on International Civil Aviation).",
     "Chicago Convention"),
])
def test_a_bracketed_long_form_is_no_second_instrument_nor_a_provision(treaties_of, text, name):
    t = only(treaties_of(text))
    assert t.name == name and t.provision is None


@pytest.mark.slow
def test_an_instrument_discussed_is_not_thereby_pending(treaties_of):
    assert not only(treaties_of("Ministers discussed the Arctic Shipping Treaty in Oslo on Monday.")).pending


@pytest.mark.slow
@pytest.mark.parametrize("sentence, name", [
    ("They were adopted under Article 7 of the EU's Basic Anti-Dumping Regulation, Regulation (EU) 2016/1036, "
     "which allows Brussels to impose provisional duties.",
     "Basic Anti-Dumping Regulation (Regulation (EU) 2016/1036)"),
    ("The fines were set under the Civil Protection Law (Law 4662/2020), the ministry said.",
     "Civil Protection Law (Law 4662/2020)"),
    ("The grants come from the Infrastructure Investment and Jobs Act, Public Law 117-58, signed in 2021.",
     "Infrastructure Investment and Jobs Act (Public Law 117-58)"),
])
def test_the_official_number_after_a_statutes_name_is_kept_with_it(treaties_of, sentence, name):
    """In brackets or set off by commas: the number an analyst looks the instrument up by."""
    assert only(treaties_of(sentence)).name == name
