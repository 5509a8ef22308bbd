"""Actors: who acts in a story, under one name however it is spelled, with a role from the text.

Made-up sentences about events far from the seeds (an election, a trade dispute, a court case, a flood)
show each hard case; the cross-source merge and the speaker lookup are tested without the model.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from briefing.consolidate.actors import canonical_name, merge
from briefing.extract import entities
from briefing.summary import Actor, Citation


@pytest.fixture(scope="module")
def actors_of(nlp):
    from briefing.extract import DocContext, Sentence, actors

    def run(text: str, outlet: str | None = None, entities: tuple[tuple[str, str], ...] = ()) -> list[Actor]:
        doc = nlp(text)
        if entities:  # NER's slips, forced: (words as written, label); every occurrence gets the label
            forced = [doc.char_span(m.start(), m.end(), label=label)
                      for words, label in entities for m in re.finditer(re.escape(words), text)]
            doc.ents = [e for e in doc.ents if not any(e.start < f.end and f.start < e.end for f in forced)] + forced
        sents = [Sentence(span=s, start=s.start_char, source="a.txt") for s in doc.sents]
        ctx = DocContext(document=SimpleNamespace(id="a.txt", published=None, outlet=outlet), sentences=sents)
        found = actors.extract(ctx)
        for a in found:  # every citation slices the text exactly and names the actor
            for c in a.citations:
                assert text[c.start:c.end] == c.text
                assert any(_norm(n) in _norm(c.text) for n in [a.name] + a.aliases), (a.name, c.text)
        return found

    return run


def _norm(s: str) -> str:
    return re.sub(r"[-‐‑–—]", " ", s.replace("’", "'")).lower()


def named(actors: list[Actor], name: str) -> Actor:
    hits = [a for a in actors if a.name == name]
    assert len(hits) == 1, [(a.name, a.aliases) for a in actors]
    return hits[0]


def names(actors: list[Actor]) -> set[str]:
    return {n for a in actors for n in [a.name] + a.aliases}


# --- the country table (no model) ---------------------------------------------------------------------

@pytest.mark.parametrize("form,country,kind", [
    ("Kyiv", "Ukraine", "capital"), ("the Kremlin", "Russia", "seat"), ("Washington", "United States", "seat"),
    ("Brazilian", "Brazil", "demonym"), ("Nigerians", "Nigeria", "demonym"), ("U.S.", "United States", "abbreviation"),
    ("DPRK", "North Korea", "abbreviation"), ("Republic of Korea", "South Korea", "alias"),
])
def test_country_forms(form, country, kind):
    found = entities.country_of(form)
    assert found is not None and (found.country, found.form) == (country, kind)


@pytest.mark.parametrize("form", ["Rosa", "us", "Victoria", "Korea", "Island"])
def test_names_that_are_not_countries(form):
    assert entities.country_of(form) is None  # "Rosa" spells RSA's initials, "Victoria" a tiny capital


def test_abbreviation_by_initials():
    assert entities.abbreviates("WTO", "World Trade Organization")
    assert entities.abbreviates("DPRK", "Democratic People's Republic of Korea")
    assert not entities.abbreviates("WHO", "World Trade Organization")


# --- merging across sources (no model) ----------------------------------------------------------------

def cite(source: str, text: str) -> Citation:
    return Citation(source=source, text=text, start=0, end=len(text))


def test_merge_hyphenation_surname_and_kind_vote():
    merged = merge([
        Actor("Lee Jae-myung", "person", mentions=3, role="President", citations=[cite("1", "Lee Jae-myung said")]),
        Actor("Lee Jae Myung", "person", mentions=2, citations=[cite("2", "Lee Jae Myung said")]),
        Actor("Lee", "organization", mentions=1, citations=[cite("3", "Lee said")]),
        Actor("Chile", "country", mentions=1, citations=[cite("3", "Chile said")]),
    ])
    lee = named(merged, "Lee Jae-myung")
    assert set(lee.aliases) == {"Lee Jae Myung", "Lee"}
    assert lee.kind == "person" and lee.mentions == 6 and lee.role == "President"
    assert {c.source for c in lee.citations} == {"1", "2", "3"}
    assert merged[0] is lee  # three sources before one


def test_merge_abbreviation_short_form_and_country_qualifier():
    merged = merge([
        Actor("World Trade Organization", "organization", mentions=2, citations=[cite("1", "x")]),
        Actor("WTO", "organization", mentions=3, citations=[cite("2", "x")]),
        Actor("European Commission", "organization", mentions=2, citations=[cite("1", "x")]),
        Actor("Commission", "organization", mentions=4, citations=[cite("2", "x")]),
        Actor("US Trade Department", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Trade Department", "organization", mentions=1, citations=[cite("2", "x")]),
    ])
    assert {a.name for a in merged} == {"World Trade Organization", "European Commission", "US Trade Department"}


def test_owned_body_links_to_its_bare_name_only_when_unambiguous():
    one_owner = merge([
        Actor("Ghana's Ministry of Environment", "organization", aliases=["Ministry of Environment"], mentions=1,
              citations=[cite("1", "x")]),
        Actor("Ministry of Environment", "organization", mentions=2, citations=[cite("2", "x")]),
    ])
    assert [a.name for a in one_owner] == ["Ghana's Ministry of Environment"]
    two_owners = merge([
        Actor("Kenya's Ministry of Health", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Uganda's Ministry of Health", "organization", mentions=1, citations=[cite("2", "x")]),
        Actor("Ministry of Health", "organization", mentions=1, citations=[cite("3", "x")]),
    ])
    assert len(two_owners) == 3


def test_merge_keeps_different_people_and_countries_apart():
    merged = merge([
        Actor("Maria Santos", "person", mentions=1, citations=[cite("1", "x")]),
        Actor("Mario Santos", "person", mentions=1, citations=[cite("2", "x")]),
        Actor("Santos", "person", mentions=1, citations=[cite("3", "x")]),  # ambiguous: stays apart
        Actor("North Korea", "country", mentions=1, citations=[cite("1", "x")]),
        Actor("South Korea", "country", mentions=1, citations=[cite("2", "x")]),
        Actor("Russian Armed Forces", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Ukrainian Armed Forces", "organization", mentions=1, citations=[cite("2", "x")]),
    ])
    assert len(merged) == 7


def test_merge_scales_to_thousands_of_names():
    import random
    import string
    import time

    rng = random.Random(7)

    def word() -> str:
        return rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=6))

    many = [Actor(f"{word()} {word()}", "person", mentions=1, citations=[cite("1", "x")]) for _ in range(3000)]
    many += [Actor(f"{word()} Council", "organization", mentions=1, citations=[cite("1", "x")]) for _ in range(1000)]
    started = time.perf_counter()
    merged = merge(many)
    assert time.perf_counter() - started < 20  # about 1 s here; pairwise comparing took minutes
    assert len(merged) == 20


def test_canonical_name_for_speaker_strings():
    actors = [Actor("Kim Jong Un", "person", aliases=["Kim Jong-un", "Kim"]),
              Actor("Vladimir Putin", "person", aliases=["Putin"]),
              Actor("South Korea", "country", aliases=["Seoul"]),
              Actor("Ukraine", "country"),
              Actor("World Health Organization", "organization", aliases=["WHO"])]
    assert canonical_name("Kim Jong-un", actors) == "Kim Jong Un"
    assert canonical_name("Putin", actors) == "Vladimir Putin"
    assert canonical_name("Russian President Vladimir Putin", actors) == "Vladimir Putin"
    assert canonical_name("Kyiv", actors) == "Ukraine"
    assert canonical_name("the South Korean military", actors) == "South Korea"
    assert canonical_name("WHO", actors) == "World Health Organization"
    assert canonical_name("Vladimir Puttin", actors) == "Vladimir Putin"
    assert canonical_name("the mayor of Lyon", actors) is None
    assert canonical_name("Kim Yo Jong", actors) is None  # another Kim
    assert canonical_name("", actors) is None


def test_canonical_name_of_a_body_owned_by_an_actor():
    actors = [Actor("Velmora", "country"), Actor("Brazil", "country"),
              Actor("Chile's Ministry of Justice", "organization", aliases=["Ministry of Justice"])]
    assert canonical_name("Velmora's foreign ministry", actors) == "Velmora"
    assert canonical_name("Brazil’s foreign ministry", actors) == "Brazil"
    assert canonical_name("Chile's Ministry of Justice", actors) == "Chile's Ministry of Justice"
    assert canonical_name("Peru's foreign ministry", actors) is None


# --- one document (model) -----------------------------------------------------------------------------

@pytest.mark.slow
def test_hyphenated_name_surname_and_title_role(actors_of):
    found = actors_of("Chancellor Anna Berg-Holm presented the budget to parliament on Tuesday. "
                      "Berg-Holm said the plan would cut the deficit by half.")
    anna = named(found, "Anna Berg-Holm")
    assert anna.kind == "person" and "Berg-Holm" in anna.aliases and anna.mentions == 2
    assert anna.role == "Chancellor"


@pytest.mark.slow
def test_capital_metonym_acts_but_a_venue_does_not(actors_of):
    found = actors_of("Paris rejected the tariff proposal on Monday. The ministers met in Berlin on Friday.")
    france = named(found, "France")
    assert france.kind == "country" and "Paris" in france.aliases
    assert "Germany" not in names(found) and "Berlin" not in names(found)


@pytest.mark.slow
def test_demonym_stands_for_its_country_only_when_acting(actors_of):
    found = actors_of("Brazilian officials said the export ban would be lifted next month. "
                      "Coffee prices rose on Brazilian markets.")
    brazil = named(found, "Brazil")
    assert brazil.mentions == 1 and "Brazilian" in brazil.aliases
    assert brazil.citations[0].text.startswith("Brazilian officials said")


@pytest.mark.slow
def test_abbreviation_defined_in_the_text(actors_of):
    found = actors_of("The Independent Electoral Commission (IEC) announced the final results on Sunday. "
                      "The IEC said turnout was the highest since 1994.")
    iec = named(found, "Independent Electoral Commission")
    assert iec.kind == "organization" and "IEC" in iec.aliases and iec.mentions == 2


@pytest.mark.slow
def test_bylines_and_presenters_are_not_actors(actors_of):
    found = actors_of("Farmers blocked the motorway for a third day on Wednesday. Maria Lopez starts us off. "
                      "The union said the protest would continue. Maria Lopez, Channel Seven News.\n"
                      "(Reporting by John Smithers; Editing by Jane Doyle)")
    assert not {"Maria Lopez", "John Smithers", "Jane Doyle", "Channel Seven News"} & names(found)


@pytest.mark.slow
def test_outlets_that_carry_the_story_are_not_actors(actors_of):
    found = actors_of("A spokesperson for the Finance Ministry told Reuters that the deal was close. "
                      "As the Daily Herald newspaper points out, the deal needs a vote in the Senate.")
    assert not {"Reuters", "Daily Herald"} & names(found)
    assert "Finance Ministry" in names(found)


@pytest.mark.slow
def test_place_before_region_is_a_location_not_an_actor(actors_of):
    found = actors_of("Floods swept through the Kerala region on Sunday, and rescue teams reached the province of "
                      "Sindh late on Monday. Local officials said 40 villages were cut off.")
    assert not {"Kerala", "Sindh"} & names(found)


@pytest.mark.slow
def test_person_after_title_and_organisation_by_head_noun(actors_of):
    found = actors_of("Judge Amara Okoye dismissed the appeal on Thursday. "
                      "The Lagos Water Council said it would comply with the ruling.")
    assert named(found, "Amara Okoye").kind == "person"
    assert named(found, "Amara Okoye").role == "Judge"
    assert named(found, "Lagos Water Council").kind == "organization"


@pytest.mark.slow
def test_role_phrases_from_apposition_and_affiliation(actors_of):
    found = actors_of("Kenyan President William Ruto said the deal was fair. "
                      "Maria Santos, the health minister, said the clinics would reopen. "
                      "Paolo Ricci of the Milan Institute for Economic Studies said the figures were too low.")
    assert named(found, "William Ruto").role == "Kenyan President"
    assert named(found, "Maria Santos").role == "health minister"
    assert named(found, "Paolo Ricci").role == "of the Milan Institute for Economic Studies"


@pytest.mark.slow
def test_which_makes_a_body_and_owner_kept(actors_of):
    found = actors_of("Amnesty Rights Watch, which monitors prisons, said the ruling was overdue. "
                      "A spokesperson for Chile's Ministry of Justice said the government would appeal.")
    assert named(found, "Amnesty Rights Watch").kind == "organization"
    ministry = named(found, "Chile's Ministry of Justice")
    assert ministry.kind == "organization" and "Ministry of Justice" in ministry.aliases


@pytest.mark.slow
def test_treaties_and_events_are_not_parties(actors_of):
    found = actors_of("Forty countries signed the Lisbon Accord at the Lisbon Climate Summit on Friday. "
                      "Portugal said the Lisbon Accord was a turning point.")
    assert not {"Lisbon Accord", "Lisbon Climate Summit"} & names(found)
    assert "Portugal" in names(found)


# --- common nouns, kinds from context, short forms, people's adjectives ---------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,noun", [
    ("Commuters faced long delays on Monday, the rail operator Westline said.", "Commuters"),
    ("Pensioners will bear most of the cost, according to the Treasury. Most pensioners rent their homes.",
     "Pensioners"),
    ("Growers would ultimately carry that loss, according to its chairman, Piet Vos.", "Growers"),
])
def test_sentence_initial_common_noun_is_not_a_name(actors_of, text, noun):
    assert noun not in names(actors_of(text))


@pytest.mark.slow
def test_sentence_initial_name_written_as_a_name_elsewhere_is_kept(actors_of):
    found = actors_of("Halden said on Monday that it would close two plants. "
                      "Workers at Halden walked out on Tuesday, and Halden said it would talk to the union.")
    assert "Halden" in names(found)


@pytest.mark.slow
def test_kind_from_the_words_around_the_name(actors_of):
    found = actors_of("Vantor Labs, which makes hearing aids, said the recall covered 9,000 devices. "
                      "Ridgeway, a logistics company based in Leeds, said it would cut 300 jobs. "
                      "Okafor said she would resign as chair of the panel. "
                      "Harlow's chief executive, Ines Moura, said the ruling was wrong.")
    assert named(found, "Vantor Labs").kind == "organization"
    assert named(found, "Ridgeway").kind == "organization"
    assert named(found, "Okafor").kind == "person"
    assert named(found, "Ines Moura").kind == "person"


@pytest.mark.slow
def test_title_before_a_comma_gives_the_role(actors_of):
    # the parse does not make the title and the name appositives here; the words still do
    found = actors_of('"This ruling would let one insurer set the price of cover," the watchdog\'s chair, '
                      'Ylva Marsk, said.')
    ylva = named(found, "Ylva Marsk")
    assert ylva.kind == "person" and ylva.role == "watchdog's chair"


@pytest.mark.slow
def test_short_forms_join_their_full_names_in_one_document(actors_of):
    found = actors_of("Harrow Freight agreed to buy Osmo Rail for $400 million on Monday. "
                      "Harrow said the deal would close in June. "
                      "The chair of the port authority, Lena Quist, said the deal needed approval. "
                      "Quist told reporters the review would take months.")
    harrow = named(found, "Harrow Freight")
    assert harrow.kind == "organization" and "Harrow" in harrow.aliases
    lena = named(found, "Lena Quist")
    assert lena.kind == "person" and "Quist" in lena.aliases


@pytest.mark.slow
def test_people_adjective_of_a_place_the_text_names(actors_of):
    found = actors_of("Floods cut the road from Vestria to the coast on Monday. "
                      "Two rescue teams arrived on Tuesday, according to the Vestrian embassy.")
    vestria = named(found, "Vestria")
    assert vestria.kind == "country" and "Vestrian" in vestria.aliases
    assert "Vestrian" not in {a.name for a in found}


def test_demonym_formation():
    assert entities.is_demonym_of_place("Vestrian", "Vestria")
    assert entities.is_demonym_of_place("Kenyan", "Kenya")
    assert entities.is_demonym_of_place("Japanese", "Japan")
    assert entities.is_demonym_of_place("Vestrians", "Vestria")
    assert not entities.is_demonym_of_place("Vestrian", "Vest")
    assert not entities.is_demonym_of_place("Indiana", "India")


def test_merge_short_forms_kinds_from_full_names():
    merged = merge([
        Actor("Ada Okafor", "person", mentions=1, role="chair", citations=[cite("1", "x")]),
        Actor("Okafor", "country", mentions=2, citations=[cite("2", "x")]),  # NER called the surname a place
        Actor("Harrow Freight", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Harrow", "person", mentions=3, citations=[cite("2", "x")]),
        Actor("Vestrian Red Crescent", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Red Crescent", "organization", mentions=2, citations=[cite("2", "x")]),
        Actor("Vestria", "country", mentions=2, citations=[cite("1", "x")]),
        Actor("Vestrians", "group", mentions=1, citations=[cite("2", "x")]),
    ])
    assert {(a.name, a.kind) for a in merged} == {("Ada Okafor", "person"), ("Harrow Freight", "organization"),
                                                  ("Vestrian Red Crescent", "organization"), ("Vestria", "country")}


def test_merge_keeps_ambiguous_or_different_short_forms_apart():
    merged = merge([
        Actor("Holm Shipping", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Eva Holm", "person", mentions=1, citations=[cite("1", "x")]),
        Actor("Holm", "person", mentions=1, citations=[cite("2", "x")]),  # which Holm: stays apart
        Actor("Bank of Vestria", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Vestria", "country", mentions=1, citations=[cite("2", "x")]),
        Actor("Tarvia Steel Association", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Tarvia", "organization", mentions=1, citations=[cite("2", "x")]),  # a place NER called a body
        Actor("European Union", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("European", "group", mentions=1, citations=[cite("2", "x")]),
        Actor("Parish Council", "organization", mentions=1, citations=[cite("1", "x")]),
        Actor("Council", "organization", mentions=1, citations=[cite("2", "x")]),
    ])
    assert {a.name for a in merged} >= {"Holm Shipping", "Eva Holm", "Holm", "Bank of Vestria", "Vestria",
                                        "Tarvia Steel Association", "Tarvia", "European Union", "European"}


@pytest.mark.slow
def test_it_after_a_person_name_does_not_make_a_body(actors_of):
    found = actors_of("Nadia Berger said it would cut 300 jobs at the plant. "
                      "Tomas Ek said it was a hard decision for the board.")
    assert named(found, "Nadia Berger").kind == "person"
    assert named(found, "Tomas Ek").kind == "person"


@pytest.mark.slow
def test_place_the_table_lacks_acts_as_a_state(actors_of):
    found = actors_of("Talvia will raise its fuel duty from March, the finance minister said. "
                      "Drivers said Talvian petrol was already the dearest in the region. "
                      "Kardania's government said on Monday it would respond with its own duty. "
                      "Kardania filed a complaint at the regional trade court on Tuesday.")
    assert named(found, "Talvia").kind == "country"  # its people's adjective is in the text
    assert named(found, "Kardania").kind == "country"  # it has a government


@pytest.mark.slow
def test_place_without_state_evidence_needs_to_act(actors_of):
    found = actors_of("Prices in Corlan rose sharply. The Corlan Traders Guild said the rise would last.")
    assert "Corlan" not in {a.name for a in found}


@pytest.mark.slow
def test_hyphenated_title_before_a_comma(actors_of):
    found = actors_of("The Fisheries Council's secretary-general, Irene Okoth, on Monday urged both "
                      "sides to resume talks.")
    assert named(found, "Irene Okoth").role == "Fisheries Council's secretary-general"


@pytest.mark.slow
def test_sentence_initial_proper_noun_also_a_common_word_stays_a_name(actors_of):
    found = actors_of("The river turned brown after the spill. Brown said the company would pay for the clean-up.")
    assert "Brown" in names(found)
    found = actors_of("Growers blamed the weather for the poor apple harvest. Apple said on Monday that it would "
                      "cut prices.")
    assert "Apple" in names(found)
    found = actors_of("Oil firms have long used a shell to hide profits. Shell cut its dividend on Monday, "
                      "and the regulator fined Shell in May.")
    assert "Shell" in names(found)


# --- what the text says a name is; who acts; the page's own outlet ------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,thing", [
    ("Orvane Pharma said on Monday that its blood-pressure drug Cardiqel had been approved. "
     "Cardiqel cut strokes by a third in a two-year trial, the company said.", "Cardiqel"),
    ("Trellis Systems launched Pingo, a messaging app for farmers, in May. "
     "Pingo reached a million users in six weeks, Trellis Systems said.", "Pingo"),
    ("Zentrova (ZT-4) is a once-a-week injection treatment for diabetes made by Halden Labs. "
     "Zentrova lowered blood sugar in most patients, Halden Labs said.", "Zentrova"),
    ("Doctors in the north have reported a rise in Kessler fever this month. "
     "Kessler killed 40 people last year, the Northern Health Agency said.", "Kessler"),
])
def test_name_the_text_calls_a_product_or_illness_is_not_an_actor(actors_of, text, thing):
    found = actors_of(text)
    assert thing not in names(found)
    assert any(a.kind == "organization" for a in found)  # the company or agency that speaks is kept


@pytest.mark.slow
def test_a_product_named_as_a_speaker_is_a_party(actors_of):
    found = actors_of("Chirpa, the video-sharing app, said on Monday that it would appeal the fine. "
                      "Chirpa has 40 million users in Europe.")
    assert "Chirpa" in names(found)


@pytest.mark.slow
def test_a_company_named_beside_a_product_noun_stays_an_actor(actors_of):
    found = actors_of("The Orvane vaccine was approved on Monday. Orvane Pharma said it would ship "
                      "the first doses in June. Orvane Pharma, a drug maker based in Lyon, employs 900 people.")
    assert named(found, "Orvane Pharma").kind == "organization"


@pytest.mark.slow
@pytest.mark.parametrize("text,illness", [
    ("Cholera spreads quickly where water is unsafe, according to the World Health Organization. "
     "Cases of cholera have doubled since March, the Red Crescent Society said.", "Cholera"),
    ("Dengue infects millions of people every year. The ministry said dengue cases rose by 40 percent.", "Dengue"),
    ("Typhoid kills thousands of children a year. A typhoid vaccine will be offered in schools, the Lakeland "
     "Health Board said.", "Typhoid"),
])
def test_sentence_initial_illness_the_text_writes_in_lower_case_is_not_an_actor(actors_of, text, illness):
    assert illness not in names(actors_of(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,town,company", [
    ("Norrvik, 12 June 2028 - Fjordline Shipping today announced that it had ordered four electric ferries.",
     "Norrvik", "Fjordline Shipping"),
    ("Lyon, March 3 (Wire Service) - Brandt Robotics said on Tuesday it would cut 300 jobs.",
     "Lyon", "Brandt Robotics"),
    ("Aldmoor, June 12, 2028 — Corvel Therapeutics said today that its trial had met its goal.",
     "Aldmoor", "Corvel Therapeutics"),
    ("Kessring (Nordic Wire) - Halvard Mining said on Friday that it would close the Vesk pit.",
     "Kessring", "Halvard Mining"),
    ("Tarnholm (Baltic Wire) - Halvard Mining said on Friday that it would close the pit.",
     "Tarnholm", "Halvard Mining"),
    ("Oberfeld (Coastal Press) - Halvard Mining announced on Friday that it would close the pit.",
     "Oberfeld", "Halvard Mining"),
    ("Rotterdam, 14 February 2029 - Veldhaven Energy N.V. today announced that it had signed a supply contract.",
     "Rotterdam", "Veldhaven Energy N.V."),
])
def test_dateline_town_before_a_date_and_dash_is_not_an_actor(actors_of, text, town, company):
    found = actors_of(text)
    assert town not in names(found)
    assert named(found, company).kind == "organization"


@pytest.mark.slow
def test_a_name_and_comma_without_a_dated_dash_still_acts(actors_of):
    found = actors_of("Delgado, 54, said on Monday that the strike would go on.")
    assert "Delgado" in names(found)
    found = actors_of("Ines Marlow (Green Party) said on Monday that the strike would go on.")
    assert "Ines Marlow" in names(found)


@pytest.mark.slow
@pytest.mark.parametrize("text,company", [
    ("Kelmar Biotech said on Monday that its trial had met its goals.", "Kelmar Biotech"),
    ("Novaris Therapeutics announced a $40 million share sale on Friday.", "Novaris Therapeutics"),
    ("Brightwater Holdings agreed to buy the port on Tuesday, Brightwater Holdings said.", "Brightwater Holdings"),
    ("Tallis AG said its profits fell in the first quarter.", "Tallis AG"),
])
def test_company_suffix_makes_an_organisation_whatever_ner_says(actors_of, text, company):
    assert named(actors_of(text), company).kind == "organization"


@pytest.mark.slow
def test_x_is_a_company_makes_an_organisation(actors_of):
    found = actors_of("Ravel Quint said on Monday it would close two plants. "
                      "Ravel Quint is a packaging company with 4,000 employees.")
    assert named(found, "Ravel Quint").kind == "organization"


@pytest.mark.slow
@pytest.mark.parametrize("text,country", [
    ("Lemuria will start rationing water next week, the energy minister said on Monday.", "Lemuria"),
    ("Belgravia is building three new dams on the river, officials said.", "Belgravia"),
    ("Elbonia plans to vaccinate every child by June, the health minister said.", "Elbonia"),
])
def test_place_that_acts_as_subject_of_an_action_is_an_actor(actors_of, text, country):
    assert named(actors_of(text), country).kind == "country"


@pytest.mark.slow
@pytest.mark.parametrize("text,place", [
    ("Elbonia faces its worst drought in fifty years, farmers said.", "Elbonia"),
    ("Belgravia lies on the river delta, where the floods began.", "Belgravia"),
])
def test_place_that_only_has_or_suffers_something_is_not_an_actor(actors_of, text, place):
    assert place not in names(actors_of(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,body", [
    ("A study by the Norland Climate Institute found that emissions rose in 2027.", "Norland Climate Institute"),
    ("An audit of the accounts by Harlow & Pike, published on Friday, found missing funds.", "Harlow & Pike"),
    ("The report by the Coastal Fisheries Council, released on Monday, blamed the port operator.",
     "Coastal Fisheries Council"),
])
def test_organisation_behind_a_study_or_report_acts(actors_of, text, body):
    assert body in names(actors_of(text))


@pytest.mark.slow
def test_organisation_after_by_of_an_ordinary_noun_does_not_act(actors_of):
    found = actors_of("The exhibition opened with a painting by the Tolvane Art Society.")
    assert "Tolvane Art Society" not in names(found)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The group demanded $2 million, according to emails seen by HarbourWatch.",
    "Two officials told HarbourWatch that the port would stay closed.",
    "The port will stay closed, according to HarbourWatch.",
])
def test_the_page_outlet_named_as_a_witness_is_not_an_actor(actors_of, text):
    assert "HarbourWatch" not in names(actors_of(text, outlet="HarbourWatch Media"))


@pytest.mark.slow
def test_the_page_outlet_is_an_actor_as_the_subject_of_its_own_release(actors_of):
    found = actors_of("Helmstad, 2 May 2028 - Quorra Energy today announced that it would build a wind farm. "
                      "Quorra Energy said the farm would power 40,000 homes.", outlet="Quorra Energy")
    assert named(found, "Quorra Energy").kind == "organization"
    found = actors_of("The port will stay closed, according to the Tessaly Port Authority.", outlet="Tessaly Gazette")
    assert "Tessaly Port Authority" in names(found)  # not the outlet, though it shares a word with it


@pytest.mark.slow
@pytest.mark.parametrize("text,country", [
    ("Velmora's foreign ministry on Friday denied that it had closed the border.", "Velmora"),
    ("Brazil's foreign ministry said on Monday that the talks would resume.", "Brazil"),
    ("The foreign ministry of Elbonia said on Friday that the border would stay open.", "Elbonia"),
    ("The government of Lemuria announced on Monday that it would cut fuel taxes.", "Lemuria"),
])
def test_country_acts_through_its_ministry(actors_of, text, country):
    assert named(actors_of(text), country).kind == "country"


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Fires reached the town of Belcourt on Sunday. Belcourt's fire chief said 40 homes had burned.",
    "Floods cut off the port city of Ravensk on Monday. Ravensk's mayor said the water was still rising.",
    "Drones struck an oil depot in the city of Karsk overnight. Karsk's mayor, Ivo Petrov, said 40 people fled.",
])
def test_a_place_the_text_calls_a_town_does_not_act_through_its_officials(actors_of, text):
    assert not names(actors_of(text)) & {"Belcourt", "Ravensk", "Karsk"}


@pytest.mark.slow
def test_the_country_a_capital_belongs_to_is_not_a_place(actors_of):
    found = actors_of("Lemuria announced a curfew in Tarbel, the capital of Lemuria, on Monday.")
    assert "Lemuria" in names(found)


@pytest.mark.slow
def test_a_person_described_by_a_place_they_belong_to_stays_a_person(actors_of):
    found = actors_of("Ana Soto, the city's mayor, said the bridge would reopen. Ana Soto has led the city since 2024.")
    assert named(found, "Ana Soto").kind == "person"


@pytest.mark.slow
def test_a_field_after_a_capitalised_ministry_is_not_a_country(actors_of):
    found = actors_of("The Ministry of Fisheries said on Monday that the quota would be cut.")
    assert not any(a.kind == "country" for a in found)


# --- names NER cuts or over-reads (round of the blind sets 6 and 7) -----------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("text,body", [
    ("The Scottish Crofters and Fishing Workers Union said it would sue the ministry.",
     "Scottish Crofters and Fishing Workers Union"),
    ("A spokesman for the Kenyan Tea and Coffee Growers Association said prices fell.",
     "Kenyan Tea and Coffee Growers Association"),
    ("The Canadian Miners and Smelter Workers Union said it would strike on Monday.",
     "Canadian Miners and Smelter Workers Union"),
])
def test_a_name_ner_cut_at_its_and_is_joined(actors_of, text, body):
    found = actors_of(text)
    assert body in names(found)
    assert not any(n.endswith((" and", " of")) for n in names(found))
    assert not names(found) & {"Scottish Crofters", "Kenyan Tea", "Miners", "Fishing Workers Union"}


@pytest.mark.slow
def test_a_name_ending_in_and_or_of_that_nothing_joins_is_dropped(actors_of):
    found = actors_of("The Coastal Farmers and Growers Federation said yields fell.",
                      entities=(("Coastal Farmers and", "ORG"),))
    assert not any(n.endswith(" and") for n in names(found))


@pytest.mark.slow
@pytest.mark.parametrize("text,bodies", [
    ("Siemens and the Metal Workers Union said the plant would stay open.", {"Siemens", "Metal Workers Union"}),
    ("The Tea Board and Coffee Growers Federation said prices fell.", {"Tea Board", "Coffee Growers Federation"}),
])
def test_two_bodies_joined_by_and_stay_two(actors_of, text, bodies):
    assert bodies <= names(actors_of(text))


@pytest.mark.slow
@pytest.mark.parametrize("text,body", [
    ("The quake was measured at 6.1, according to the Geophysical Observatory of Quito. "
     "The Geophysical Observatory of Quito said more quakes would come.", "Geophysical Observatory of Quito"),
    ("The National Observatory of Lisbon said the heat would last until Sunday.", "National Observatory of Lisbon"),
])
def test_a_body_named_after_a_city_keeps_its_of_city(actors_of, text, body):
    found = actors_of(text)
    assert named(found, body).kind == "organization"
    assert named(found, body).role is None


@pytest.mark.slow
@pytest.mark.parametrize("text,person,body", [
    ('"The budget is a disgrace," said Tomas Berg, Director of Clean Rivers Vasa.', "Tomas Berg", "Clean Rivers Vasa"),
    ('"Nobody listened," said Petra Ilves, Head of Baltic Sea Action Tallinn.', "Petra Ilves",
     "Baltic Sea Action Tallinn"),
])
def test_title_of_a_body_names_the_body_not_a_titled_person(actors_of, text, person, body):
    # NER reads the last words of the body's name as a person's name
    found = actors_of(text, entities=((body.split(" ", 1)[1], "PERSON"),))
    assert named(found, body).kind == "organization"
    assert named(found, body).role is None
    assert named(found, person).role.endswith(body)


@pytest.mark.slow
def test_a_bare_title_is_not_a_person(actors_of):
    text = ("The ministry takes note of the decision announced today by the Director-General of the International "
            "Labour Organization to open an inquiry.")
    found = actors_of(text, entities=(("Director-General", "PERSON"),))
    assert "Director-General" not in names(found)


@pytest.mark.slow
def test_a_rank_goes_with_the_name_not_the_role(actors_of):
    found = actors_of('"We were ready," navy spokesperson Captain Ana Reyes told reporters. Lieutenant Colonel '
                      'Omar Haddad, the army spokesman, said the drill was routine. Attorney General Jane Doe said '
                      'charges would follow.')
    assert named(found, "Ana Reyes").role == "navy spokesperson"
    assert named(found, "Omar Haddad").role == "army spokesman"
    assert named(found, "Jane Doe").role == "Attorney General"  # one title in capitals throughout


@pytest.mark.slow
def test_the_title_after_for_belongs_to_the_person_it_names(actors_of):
    found = actors_of('"No comment," said Lars Holm, deputy spokesperson for Prime Minister Eva Lind.')
    assert named(found, "Eva Lind").role == "Prime Minister"
    assert named(found, "Lars Holm").role == "deputy spokesperson for Prime Minister"


@pytest.mark.slow
@pytest.mark.parametrize("text,body,short", [
    ("The minister referred the row to the Coastal Shipping Tribunal (CST) on Monday. The CST is due to hear the "
     "parties in June.", "Coastal Shipping Tribunal", "CST"),
    ("The ministry sent the complaint to the National Grain Standards Board (NGSB) last week. The NGSB is expected "
     "to rule within a month.", "National Grain Standards Board", "NGSB"),
    ("The Pacific Ocean Monitoring Institute (Pacific OMI) declared a marine heatwave. Pacific OMI spokesperson "
     "Lena Vaka said reefs were bleaching.", "Pacific Ocean Monitoring Institute", "Pacific OMI"),
])
def test_a_body_named_by_its_defined_short_form_is_an_actor(actors_of, text, body, short):
    found = actors_of(text)
    assert short in named(found, body).aliases


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The minister acted under the Coastal Shipping Act (CSA) on Monday. The CSA is due to be reviewed in June.",
    "The ministry acted under the Maritime Safety Regulations (MSR) after the spill. The MSR require owners to "
    "report leaks within a day.",
])
def test_a_law_and_its_short_form_are_not_actors(actors_of, text):
    assert not names(actors_of(text)) & {"CSA", "MSR", "Coastal Shipping Act", "Maritime Safety Regulations"}


def test_bracketed_short_forms():
    assert entities.bracketed_short_form("Africa XYZ", "Africa Xeno Yield Zone")
    assert entities.bracketed_short_form("CDC", "Centers for Disease Control and Prevention")
    assert not entities.bracketed_short_form("Europe CDC", "Africa Centres for Disease Control")
    assert not entities.bracketed_short_form("Nordic Wire", "the Nordic Wire service")


@pytest.mark.slow
@pytest.mark.parametrize("text,entities_", [
    ("Its Local 12 says the company plans to close two depots.", ()),
    ("The hauliers called on the Road Haulage Union, Local 12, to end the blockade. Local 12 said it would vote.",
     (("Local 12", "PERSON"),)),
])
def test_a_name_with_a_number_is_no_person(actors_of, text, entities_):
    found = actors_of(text, entities=entities_)
    assert not any(a.kind == "person" and a.name.startswith("Local") for a in found), [a.name for a in found]


@pytest.mark.slow
@pytest.mark.parametrize("text,place", [
    ("The driver died when his truck was trapped on a road above Varnakas, the fire service said. The government "
     "declared an emergency for the municipalities of Varnakas and Ostrovo on Monday.", "Varnakas"),
    ("Rescuers reached the hamlet beyond Pelagos at dawn. The district of Pelagos has no hospital.", "Pelagos"),
])
def test_a_place_ner_took_for_a_person_is_no_actor(actors_of, text, place):
    assert place not in names(actors_of(text, entities=((place, "PERSON"),)))


@pytest.mark.slow
@pytest.mark.parametrize("text,country", [
    ("Ghana said it would send doctors. Chad pledged 40 nurses.", "Chad"),
    ("Peru said it would close two crossings. Malawi pledged to send nurses.", "Malawi"),
])
def test_a_country_ner_took_for_a_person_is_the_country(actors_of, text, country):
    assert named(actors_of(text, entities=((country, "PERSON"),)), country).kind == "country"


@pytest.mark.slow
@pytest.mark.parametrize("text,person", [
    ("Chad Miller, the club's coach, said the team was ready. Chad said he would stay.", "Chad Miller"),
    ("Jordan said he would not run again, the senator's office confirmed.", "Jordan"),
])
def test_a_country_name_used_as_a_first_name_stays_a_person(actors_of, text, person):
    found = actors_of(text, entities=(("Jordan", "PERSON"), ("Chad", "PERSON")))
    assert not any(a.kind == "country" for a in found)


@pytest.mark.slow
@pytest.mark.parametrize("text,short,full", [
    ("Gavi, the Vaccine Alliance, which runs a global stockpile, said it was working with suppliers.", "Gavi",
     "Vaccine Alliance"),
    ("Norbu, the Mountain Rescue Alliance, said it had sent two teams.", "Norbu", "Mountain Rescue Alliance"),
])
def test_a_body_named_beside_its_full_name_is_an_organisation(actors_of, text, short, full):
    found = actors_of(text, entities=((short, "PERSON"),))
    actor = named(found, full)
    assert actor.kind == "organization" and short in actor.aliases


def test_a_short_country_name_resolves_to_the_longer_country_the_sources_name():
    merged = merge([
        Actor(name="Republic of the Congo", kind="country", aliases=["Congo"], mentions=3,
              citations=[cite("a.txt", "Congo closed two crossings.")]),
        Actor(name="Democratic Republic of the Congo", kind="country", aliases=["DRC"], mentions=2,
              citations=[cite("b.txt", "The DRC said ...")]),
    ])
    assert [(a.name, sorted(a.aliases)) for a in merged] == [("Democratic Republic of the Congo", ["Congo", "DRC"])]


def test_a_country_written_in_full_stays_apart_from_a_longer_one():
    merged = merge([
        Actor(name="Sudan", kind="country", mentions=3, citations=[cite("a.txt", "Sudan said ...")]),
        Actor(name="South Sudan", kind="country", mentions=2, citations=[cite("b.txt", "South Sudan said ...")]),
        Actor(name="Republic of the Congo", kind="country", aliases=["Congo"], mentions=1,
              citations=[cite("c.txt", "Congo said ...")]),
    ])
    assert {a.name for a in merged} == {"Sudan", "South Sudan", "Republic of the Congo"}


@pytest.mark.slow
@pytest.mark.parametrize("text,body", [
    ("The Government of the Republic wishes to reassure the population. The Government of the Republic will publish "
     "figures daily.", "Government of the Republic"),
    ("The Cabinet of the Kingdom approved the budget on Monday. The Cabinet of the Kingdom said taxes would not "
     "rise.", "Cabinet of the Kingdom"),
])
def test_a_state_body_that_names_no_state_is_no_actor(actors_of, text, body):
    assert body not in names(actors_of(text))


@pytest.mark.slow
def test_a_state_body_that_names_its_state_stays(actors_of):
    found = actors_of("The Government of Ghana said the outbreak was under control. The Government of Ghana will "
                      "publish figures daily.")
    assert "Government of Ghana" in names(found)


def test_canonical_name_of_a_cut_piece_of_a_body_name():
    actors = [Actor("Geophysical Observatory of Quito", "organization"),
              Actor("Scottish Crofters and Fishing Workers Union", "organization"),
              Actor("Coastal Farmers and Growers Federation", "organization"),
              Actor("Hill Farmers and Growers Federation", "organization"),
              Actor("Quito", "person")]
    assert canonical_name("Geophysical Observatory of", actors) == "Geophysical Observatory of Quito"
    assert canonical_name("Fishing Workers Union", actors) == "Scottish Crofters and Fishing Workers Union"
    assert canonical_name("Growers Federation", actors) is None  # the end of two bodies' names
    assert canonical_name("Geophysical Observatory", actors) is None  # no dangling "of": another body


@pytest.mark.slow
@pytest.mark.parametrize("text,name,role", [
    ("The Dairy Council of Norland, a lobby group whose members include big processors, said prices would rise.",
     "Dairy Council of Norland", "lobby group"),
    ('"It is a blow," said Ana Ruiz, an economist whose firm advises the port.', "Ana Ruiz", "economist"),
    ('"It is a blow," said Ana Ruiz, an economist who chairs the port board.', "Ana Ruiz",
     "economist who chairs the port board"),  # what a person does is part of the role
    ('"It is a blow," said Ana Ruiz, an economist at the Harbour Institute.', "Ana Ruiz",
     "economist at the Harbour Institute"),
])
def test_an_apposition_gives_the_role_without_its_relative_clause(actors_of, text, name, role):
    assert named(actors_of(text), name).role == role


@pytest.mark.slow
@pytest.mark.parametrize("text,town,person", [
    ("Varnakas mayor Petros Lambis, speaking to our station this morning, criticised the evacuation.", "Varnakas",
     "Petros Lambis"),
    ("Dunmore governor Alice Kerr said the roads would reopen on Friday.", "Dunmore", "Alice Kerr"),
])
def test_a_town_ner_took_for_a_person_before_its_mayor_is_the_role(actors_of, text, town, person):
    found = actors_of(text, entities=((town, "PERSON"),))
    assert town not in names(found)
    assert named(found, person).role.startswith(town)


@pytest.mark.slow
@pytest.mark.parametrize("text,noun", [
    ('The drought cut yields by a third. "Drought is becoming an uninsurable risk," Ana Ruiz told reporters.',
     "Drought"),
    ('Flooding closed two schools. "Flooding is now a yearly event," the mayor said.', "Flooding"),
])
def test_a_sentence_initial_common_noun_ner_took_for_a_person_is_no_actor(actors_of, text, noun):
    assert noun not in names(actors_of(text, entities=((noun, "PERSON"),)))


@pytest.mark.slow
def test_a_speaking_name_also_written_as_a_common_word_stays(actors_of):
    found = actors_of("Brown said the river would stay closed. The water turned brown after the spill.",
                      entities=(("Brown", "PERSON"),))
    assert "Brown" in names(found)


@pytest.mark.slow
@pytest.mark.parametrize("text,body", [
    ("Officials at the Trans-Alpine Rail Authority said the tunnel would reopen. The Trans-Alpine Rail Authority gave "
     "no date.", "Trans-Alpine Rail Authority"),
    ("The Pan-Nordic Fishers Federation said the quota cut was unfair. The Pan-Nordic Fishers Federation will "
     "appeal.", "Pan-Nordic Fishers Federation"),
])
def test_a_hyphenated_body_name_is_kept_whole(actors_of, text, body):
    found = actors_of(text)
    assert named(found, body).kind == "organization"
    assert not any(n in body and n != body for n in names(found))


@pytest.mark.slow
def test_a_body_of_a_place_owned_by_the_place_is_not_joined_to_it(actors_of):
    found = actors_of("The Central Audit Commission of Vestria's Labour Party said the accounts were sound.",
                      entities=(("Central Audit Commission", "ORG"), ("Vestria's", "GPE")))
    assert "Central Audit Commission of Vestria" not in names(found)


@pytest.mark.slow
@pytest.mark.parametrize("text,person", [
    ("Halden Foods recalled the syrup on Monday. The company said no one was hurt.\n\n"
     "Media contact: Maria Lund, Head of Communications, +00 20 555 0147", "Maria Lund"),
    ("The council approved the plan. Press contacts: Tom Berg, spokesman, +00 11 222 333", "Tom Berg"),
    ("The council approved the plan.\n\nMedia contacts:\nTom Berg, Director, Communications\nHarbour Council\n",
     "Tom Berg"),
])
def test_the_press_contact_of_a_release_is_no_actor(actors_of, text, person):
    assert person not in names(actors_of(text, entities=((person, "PERSON"),)))


@pytest.mark.slow
def test_a_role_in_markdown_emphasis_loses_its_asterisks(actors_of):
    found = actors_of("*Posted on Feb 21, 2026 by Ana Lima, Executive Director*\n\nAna Lima said the court erred.")
    assert all("*" not in (a.role or "") for a in found)


@pytest.mark.slow
def test_a_body_gets_no_person_title_as_its_role(actors_of):
    text = ("The Harbour Employers Council said talks had failed. The Harbour Employers Council will meet on Monday.\n\n"
            "Media contacts:\nTom Berg, Director, Communications\nHarbour Employers Council\n555-0142")
    actor = named(actors_of(text), "Harbour Employers Council")
    assert actor.role is None


@pytest.mark.slow
@pytest.mark.parametrize("text,person,country", [
    ('"Stocks are low," World Food Programme spokesperson Ana Lima told reporters.', "Ana Lima", "Peru"),
    ('"Stocks are low," relief coordinator Mara Sofia told reporters.', "Mara Sofia", "Bulgaria"),
])
def test_a_surname_ner_took_for_a_capital_is_a_person(actors_of, text, person, country):
    found = actors_of(text, entities=((person.split()[1], "GPE"),))
    assert named(found, person).kind == "person"
    assert country not in names(found)


@pytest.mark.slow
@pytest.mark.parametrize("text,place,country", [
    ("The summit opened in New Delhi. New Delhi said it would host talks.", "New Delhi", "India"),
    ("Berlin said the talks would resume. Protesters marched in West Berlin.", "Berlin", "Germany"),
])
def test_a_capital_with_its_place_words_stays_the_country(actors_of, text, place, country):
    assert named(actors_of(text), country).kind == "country"


@pytest.mark.slow
@pytest.mark.parametrize("text,body", [
    ('"We are ready," Red Crescent spokesman Omar Said told reporters. The Red Crescent has sent 40 trucks.',
     "Red Crescent"),
    ('"Stocks are low," UNHCR spokesperson Ana Lima said. The UNHCR has cut rations twice this year.', "UNHCR"),
    ('"The port is shut," Harbour Authority spokesman Tom Berg said. The Harbour Authority closed the port on '
     'Monday.', "Harbour Authority"),
])
def test_a_body_before_its_spokesperson_is_an_actor(actors_of, text, body):
    found = actors_of(text)
    assert named(found, body).kind == "organization"
    assert len(named(found, body).citations) == 2


@pytest.mark.slow
def test_words_of_a_capitalised_title_are_no_body(actors_of):
    found = actors_of("European Climate Commissioner Wopke Hoekstra said the target would hold. Hoekstra spoke "
                      "to the European Climate Commissioner's staff.")
    assert "European Climate" not in names(found)


@pytest.mark.slow
@pytest.mark.parametrize("text,words", [
    ("Norland's Chief Cabinet Secretary said Lorvik was concerned about the incident. The Chief Cabinet Secretary "
     "gave no details.", {"Cabinet", "Chief Cabinet"}),
    ("The Deputy Senate Speaker said the vote would be held on Friday. The Deputy Senate Speaker gave no date.",
     {"Senate", "Deputy Senate"}),
])
def test_a_body_word_inside_a_capitalised_title_is_no_body(actors_of, text, words):
    assert not names(actors_of(text, entities=((sorted(words)[0], "ORG"),))) & words


@pytest.mark.slow
def test_a_body_before_a_capitalised_title_of_a_named_person_stays_when_it_acts(actors_of):
    found = actors_of("The European Commission said it would appeal. European Commission President Ana Berg said "
                      "the ruling was wrong.")
    assert "European Commission" in names(found)


def test_shortlist_keeps_every_reacting_party_beyond_the_cap():
    from briefing.consolidate import actors as consolidate_actors
    from briefing.summary import Actor

    many = [Actor(name=f"Person {chr(65 + i)}", kind="person", mentions=30 - i) for i in range(25)]
    kept = consolidate_actors.shortlist(many, {"Person Y", "Nobody Listed"}, limit=20)
    assert [a.name for a in kept] == [a.name for a in many[:20]] + ["Person Y"]
    assert consolidate_actors.shortlist(many, set(), limit=20) == many[:20]


# --- round 2: office words, names in other languages, vessels, member bodies ---------------------------

@pytest.mark.parametrize("text,person,role_words", [
    ("Minister of State Ana Ruiz said the talks would resume on Friday.", "Ana Ruiz", "Minister of State"),
    ("Secretary of State for the Environment Tomas Eguren told reporters in Lyon that the money would fund new "
     "wells.", "Tomas Eguren", "Secretary of State for the Environment"),
    ("Minister of Justice Rose Bush said the court would sit again in March.", "Rose Bush", None),
])
def test_the_office_of_a_title_is_no_part_of_the_name(actors_of, text, person, role_words):
    found = actors_of(text)
    assert person in names(found) and not any(n.endswith(person) and n != person for n in names(found))
    assert not {"State", "Environment", "Justice"} & names(found)
    if role_words:
        assert named(found, person).role == role_words


def test_a_title_without_an_office_keeps_the_body_it_is_of(actors_of):
    found = actors_of("Maria Lind, Director of the Nordic Climate Alliance, said the fire was a policy failure.")
    assert {"Maria Lind", "Nordic Climate Alliance"} <= names(found)


def test_the_accented_spelling_of_a_name_wins_over_one_without_accents():
    from briefing.consolidate.actors import best_name

    assert best_name(["Jose Nuñez", "José Nuñez"], ["Jose Nuñez", "Jose Nuñez", "José Nuñez"]) == "José Nuñez"
    assert best_name(["Rocio Pardo", "Rocío Pardo"]) == "Rocío Pardo"
    assert best_name(["Ana Lima", "Anna Lima"], ["Ana Lima", "Ana Lima", "Anna Lima"]) == "Ana Lima"


@pytest.mark.parametrize("text,body", [
    ("Environmental group Verdes en Marcha blamed the council for the losses.", "Verdes en Marcha"),
    ("Verdes en Marcha insists that a third of the grain is lost before it reaches the mills.", "Verdes en Marcha"),
    ("The Banco de Portugal said inflation would ease next year.", "Banco de Portugal"),
    ("Germany's Institut für Meeresforschung said the survey would resume.", "Institut für Meeresforschung"),
])
def test_a_lower_case_connector_inside_a_foreign_name_keeps_it_whole(actors_of, text, body):
    assert any(n.endswith(body) for n in names(actors_of(text)))


def test_a_person_with_a_connector_in_the_name_stays_a_person(actors_of):
    found = actors_of("Jan van Dijk, a farmer, said the harvest was the worst in a decade.")
    assert named(found, "Jan van Dijk").kind == "person"


def test_a_name_cut_short_of_its_bracketed_abbreviation_is_taken_back(actors_of):
    found = actors_of("Aguas Claras de Murcia (ACM) informs customers that night cuts have been applied.")
    assert "Aguas Claras de Murcia" in names(found) and "Claras de Murcia" not in names(found)


@pytest.mark.parametrize("text,person,body", [
    ("Professor Annelies de Groot of Erasmus University Rotterdam said the case looked solid.",
     "Annelies de Groot", "Erasmus University Rotterdam"),
    ("Dr Pieter Claes of Ghent University Hospital said the trial was sound.", "Pieter Claes", None),
])
def test_a_person_of_a_body_speaks_and_the_body_keeps_its_town(actors_of, text, person, body):
    found = actors_of(text)
    assert person in names(found)
    assert "Rotterdam" not in names(found) and "University Rotterdam" not in names(found)


@pytest.mark.parametrize("text,person", [
    ("Hydrologist Elena Varga told us the gap was a month of supply.", "Elena Varga"),
    ("Spokeswoman Nuria Salas said the group would appeal the ruling.", "Nuria Salas"),
])
def test_an_occupation_opening_the_sentence_is_no_part_of_the_name(actors_of, text, person):
    found = actors_of(text)
    assert named(found, person).kind == "person"


@pytest.mark.parametrize("text,body", [
    ("The independent Observatorio Andino del Clima says usable reserves are low.", "Observatorio Andino del Clima"),
    ("The Tagus River Basin Confederation (TRBC), which manages the basin, did not respond.",
     "Tagus River Basin Confederation"),
])
def test_a_name_after_the_is_a_body_not_a_person(actors_of, text, body):
    assert named(actors_of(text), body).kind == "organization"


def test_the_late_person_stays_a_person(actors_of):
    found = actors_of("The late Mark Dunn said in 2019 that the dam would fail.")
    assert all(a.kind == "person" for a in found if "Dunn" in a.name)


@pytest.mark.parametrize("text,ship", [
    ("The BRP Mabini Star was struck by a cutter, the navy said. The Mabini Star later returned to port.",
     "Mabini Star"),
    ("Helios Shipping said the MT Aurora Crest had been seized. The Aurora Crest was towed to Bandar Abbas.",
     "Aurora Crest"),
    ("The patrol ship Rio Verde was hit near the shoal. The Rio Verde sailed home on Monday.", "Rio Verde"),
])
def test_a_vessel_is_no_party(actors_of, text, ship):
    assert ship not in names(actors_of(text))


@pytest.mark.parametrize("text,parent,body", [
    ("The World Health Organization said the outbreak was growing. The UN agency counts 586 cases.",
     "UN", "World Health Organization"),
    ("The Food and Agriculture Organization warned of shortages. The UN body says two million people need aid.",
     "UN", "Food and Agriculture Organization"),
])
def test_the_parent_of_a_member_body_named_before_does_not_act(actors_of, text, parent, body):
    found = actors_of(text)
    assert body in names(found) and parent not in names(found)


def test_a_parent_body_acting_itself_stays(actors_of):
    assert "UN" in names(actors_of("The UN said the talks would resume in Geneva next week."))


@pytest.mark.parametrize("text,body", [
    ("Meanwhile the staff committee, led by the UGT union, said forty posts were unfilled.", "UGT"),
    ("The Likud party said the vote would go ahead on Tuesday.", "Likud"),
])
def test_a_lower_case_body_noun_after_a_name_is_no_part_of_it(actors_of, text, body):
    found = actors_of(text)
    assert body in names(found) and not any(n.startswith(body + " ") for n in names(found))


def test_a_capitalised_body_word_stays_in_the_name(actors_of):
    assert "Acme Workers Union" in names(actors_of("The Acme Workers Union said its members would strike."))


@pytest.mark.parametrize("text,company", [
    ("Hai Phong E-Mobility Co. was hit with 34.2% and Mekong Bike Manufacturing with 47.6%, while others pay more.",
     "Hai Phong E-Mobility Co"),
    ("Lotus Freight Corp. said it would appeal the fine.", "Lotus Freight Corp"),
])
def test_a_legal_form_with_a_full_stop_makes_a_company(actors_of, text, company):
    assert named(actors_of(text), company).kind == "organization"


def test_canonical_name_of_a_body_name_cut_before_its_and():
    actors = [Actor("Ministry of Fisheries and Oceans", "organization"),
              Actor("Board of Trade and Industry", "organization"), Actor("Board of Trade and Shipping", "organization")]
    assert canonical_name("Ministry of Fisheries", actors) == "Ministry of Fisheries and Oceans"
    assert canonical_name("Board of Trade", actors) is None  # the start of two bodies' names


@pytest.mark.parametrize("text", [
    'Exporters in Europe face new rules. "The European side has ignored our data," spokeswoman Ana Lima said.',
    "Farmers across Africa fear the levy. The African side rejected the plan, a negotiator said.",
])
def test_the_people_of_a_continent_are_no_state(actors_of, text):
    assert not {"Europe", "Africa"} & names(actors_of(text))


def test_the_people_of_a_place_the_text_names_are_its_state(actors_of):
    found = actors_of("The Vestrian embassy said it would protest the ruling. Vestria has three ports.")
    assert "Vestria" in names(found)


@pytest.mark.slow
@pytest.mark.parametrize("text, kind", [
    ("Norvana's defence ministry said two patrol boats were lost.", "country"),
    ("Kelvoria's president recalled the ambassador on Sunday.", "country"),
    ("Modi's government approved the budget on Friday.", "person"),  # a leader's government: still a person
])
def test_a_name_ner_took_for_a_person_that_owns_a_state_body_is_a_state(nlp, text, kind):
    from briefing.extract.actors import kind_of

    doc = nlp(text)
    assert kind_of(doc[0:1], "PERSON", doc[0].text, set(), None) == kind
