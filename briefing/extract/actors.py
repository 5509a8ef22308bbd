"""Actors in one document: the people, organisations, countries and groups that act in the story.

spaCy's entities are the candidates. Each is corrected from context (a place before "region", a
person after a title, an organisation by its head noun, a capital or government seat standing for its
country, a demonym for its country, a surname NER mislabelled), checked for acting (subject of a
verb, agent, "according to", the body behind a subject such as "officials from X"), and bylines,
presenters, outlets that only carry the story, treaties, events and places are dropped. Mentions of
one actor are grouped across spellings, surname-only mentions and abbreviations, and each actor gets
a role phrase from the text when there is one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from briefing.extract import dateline_end
from briefing.extract import entities as ents
from briefing.extract.entities import AGENT_VERBS, BYLINE_LEADS, EVENT_HEADS, FORCE_NOUNS, INSTRUMENT_HEADS
from briefing.extract.lexicon import (BYLINE_WORDS, HONORIFICS, LOCATIVE_PREPS, MEDIA_NOUNS, MOTION_VERBS,
                                      NEWS_OUTLETS, ORG_HEADS, OUTLET_HEADS, PERSON_NOUNS, PLACE_NOUNS,
                                      PRESENTER_OBJECTS, REPORTING_VERBS, STATE_MEDIA_CUES, TITLE_WORDS)
from briefing.summary import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefing.extract import DocContext, Sentence

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "nummod")
SEPARATORS = (",", ";", "—", "–", "-", "|", ":", "(", ")")
# words that join the parts of one name and never end one: NER cuts "the X and Y Union" into "the X and" + "Y
# Union"; a name ending in one of these is such a cut fragment
JOINING_WORDS = ("and", "&")
FRAGMENT_ENDS = frozenset(("and", "&", "of", "for", "the", "de", "du", "des"))
DASHES = ("-", "—", "–", "--")
# lower-case words inside names in other languages, between capitalised words: "Ecologistas en Acción",
# "Banco de España", "Institut für X", "Jan van Dijk" (not English "do": "why do Americans")
NAME_CONNECTORS = frozenset("""de del della la las los le les du des da di dos das en für fur van von der den zu
y""".split())
MAX_CONNECTED_WORDS = 6
# words an outlet's name may end in beyond the short name its text uses: "X Media", "X News Online"
OUTLET_WORDS = OUTLET_HEADS | MEDIA_NOUNS | {"media", "online", "digital", "live", "group"}
NOT_PARTIES = INSTRUMENT_HEADS | EVENT_HEADS
# a body acts through these nouns when it modifies them: "the KCNA news agency said", "X officials said"
SPEAKING_NOUNS = PERSON_NOUNS | TITLE_WORDS | ORG_HEADS | FORCE_NOUNS | {"agency", "statement", "office", "embassy",
                                                                         "consulate", "mission"}
# bodies only a state has, through which a place NER calls GPE acts as a country: "X's government said"
STATE_BODY_NOUNS = frozenset("government cabinet ministry parliament presidency army military".split())
# what only a state has: "X's foreign minister", "X's embassy" (a party or a firm has a president too)
STATE_ONLY_NOUNS = frozenset("government cabinet minister ministry parliament embassy ambassador army".split())
CITATIONS_PER_DOCUMENT = 2
MAX_ROLE_CHARS = 90
MAX_NAME_CHARS = 80
# nouns for a company, before its name or in apposition: "the start-up X", "X, a logistics firm"
# (not "producer", "developer", "operator": "film producer Ana Ruiz" is a person)
COMPANY_NOUNS = frozenset("""company firm start-up startup business corporation conglomerate bank lender insurer
airline manufacturer maker retailer supermarket supplier subsidiary brand chain group charity fintech utility
refiner""".split())
# last words of company names: "X Systems", "X Freight" (no person's name ends in them)
COMPANY_SUFFIXES = frozenset("""systems payments labs laboratories industries holdings technologies pharmaceuticals
pharma motors airlines airways foods energy resources capital ventures networks solutions logistics freight
shipping mining media studios entertainment insurance financial securities investments properties brands
telecom telecoms semiconductors electronics chemicals petroleum airline bancorp biotech biotechnology
therapeutics biosciences biologics diagnostics genomics robotics dynamics aerospace automotive pharmaceutical
inc incorporated ltd limited llc plc corp co jsc pte pty gmbh ag sa nv bv spa oyj asa""".split())
# nouns that say what a name is when they stand before it, beside it or after "X is a": a product, an illness
# or a place, not a party ("the vaccine X", "X, a blood-pressure drug", "X is a messaging app", "the storm X")
NOT_PARTY_NOUNS = frozenset("""product drug medicine medication vaccine shot jab pill tablet treatment therapy
remedy device gadget app application software chatbot game film movie album song novel vehicle car truck aircraft
plane jet ship vessel ferry tanker freighter trawler frigate cutter destroyer warship corvette submarine tugboat
barge yacht satellite rocket missile drone weapon rifle
disease illness virus bacterium infection syndrome pathogen parasite strain variant condition disorder
city town village capital port suburb neighbourhood neighborhood island river lake mountain volcano
storm hurricane typhoon cyclone""".split())
# prefixes written before a ship's name ("MV", "HMS", "BRP"), in capitals: a vessel is no party
SHIP_PREFIXES = frozenset("MV MT RV SS HMS HMCS HMAS HMNZS USS USNS USCGC RFA BRP INS FV CCGS KRI".split())
SHIP_NAME = re.compile(r"\b(?:%s)\.? ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,3})" % "|".join(sorted(SHIP_PREFIXES)))
# generic nouns for a body that a parent's name may describe: "the UN agency", "the EU body"
MEMBER_BODY_NOUNS = frozenset("agency body organisation organization institution entity".split())
# adjectives that go with a person's name after "the": "the late X", "the former X"
PERSON_ADJECTIVES = frozenset("late then former young elder veteran legendary famous".split())
# continents, whose people's adjective ("European", "African") names no state
CONTINENTS = frozenset("europe africa asia america americas oceania antarctica eurasia".split())
# units of local government whose name follows "of": "the municipality of X", "the districts of X and Y"
LOCAL_UNIT_NOUNS = frozenset("municipality district county province region commune prefecture parish".split())
# prepositions of position beside the lexicon's locatives: "a road above X" is a place
PLACE_PREPS = frozenset("above below beyond behind beneath along past".split())
# nouns of an illness a name may modify: "X virus disease", "X fever" name the illness ("the X vaccine" may be
# a company's)
ILLNESS_NOUNS = frozenset("disease virus fever syndrome infection flu influenza pox".split())
# nouns of a piece of work or an act that a "by" phrase names the doer of: "a review of the data by X"
WORK_NOUNS = frozenset("""review study report analysis survey audit investigation inquiry probe assessment
evaluation estimate count tally poll research paper decision ruling order statement proposal plan bid offer
attack strike campaign appeal request complaint lawsuit warning move intervention""".split())
# verbs a country may be the subject of without acting as a party: it is a place that has, suffers or holds
# something ("X has 3,000 cases", "X lies on the coast", "X faces shortages"); any other verb is an act
NON_AGENT_VERBS = frozenset("""be have lie border sit stand remain stay face suffer experience see record
register receive get lose need lack contain include host rank become seem appear look share account fall rise
grow shrink number total produce export import depend rely belong neighbour neighbor""".split())
# what only a company or body has: "X's chief executive", "X shares fell" ("X's share of the vote" is anyone's)
COMPANY_OWNED_NOUNS = frozenset("""shares shareholders stock executive ceo founder co-founder chairman chairwoman
board headquarters subsidiary subsidiaries customers employees workforce revenue revenues profit profits earnings
turnover""".split())
# what a body says it will do, in "X said it would <verb>" ("X said it was hard" may be anyone)
BODY_ACTION_VERBS = AGENT_VERBS | frozenset("""cut close hire invest recall raise pay comply cooperate challenge
review open expand sell buy merge acquire file resume suspend halt cancel""".split())
PERSON_PRONOUNS = frozenset(("he", "she"))
# words before the colon of a press release's contact line ("Media contact: X")
CONTACT_WORDS = frozenset("contact contacts enquiries inquiries".split())
# words before a place's name that make part of it or say which part: "West Berlin", "New Delhi"
PLACE_MODIFIERS = frozenset("""north south east west northern southern eastern western central greater new old
upper lower inner outer downtown metropolitan""".split())
# titles of a place's office, after the place's name: "Varnakas mayor X" (NER may take the town for a person)
PLACE_TITLES = frozenset("mayor governor prefect councillor councilor alderman".split())
# common nouns for a state, which name none ("the Republic", "the Nation")
STATE_WORDS = frozenset("republic nation kingdom country".split())
# ranks and courtesy titles that go with a person's name rather than their role ("Colonel X, the army spokesman")
# prepositions between a title and the field of its office: "Minister of State", "Secretary for Trade"
OFFICE_PREPS = frozenset(("of", "for"))
RANKS = frozenset("""colonel col lieutenant lt major maj captain capt admiral adm marshal sergeant sgt commodore general
gen brigadier brig commander cmdr corporal cpl inspector superintendent constable professor prof dr mr mrs ms sir
dame""".split())
# "(WTO)", and a short form that keeps a word of the name before the abbreviation: "(Africa CDC)"
ABBREVIATION_IN_BRACKETS = re.compile(r"\(\s*((?:[A-Z][a-z]+\s+){0,2}[A-Z][A-Za-z.]{1,9})\s*\)")


@dataclass
class Mention:
    """One naming of an actor in one sentence."""

    sent: "Sentence"
    surface: str  # as written, without "the" or a possessive
    key: str  # what mentions of one actor share: the country, or the normalised name
    kind: str
    acting: bool
    role: str | None = None
    also: str | None = None  # another form of the name in the same words ("Senate" of "Chile's Senate")
    sure: bool = False  # the kind rests on the words around the name ("X, which", "X said he"), not on NER alone


@dataclass
class Candidate:
    """The mentions of one actor in one document."""

    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def kind(self) -> str:
        from briefing.consolidate.actors import vote_kind

        # the words around a name outvote NER's label for it: "Lumo Pay, which ..." once beats three PERSONs
        sure = [m for m in self.mentions if m.sure]
        return vote_kind([(m.kind, 1, m.surface, m.role) for m in sure or self.mentions])

    @property
    def acting(self) -> int:
        return sum(m.acting for m in self.mentions)

    @property
    def surfaces(self) -> list[str]:
        return list(dict.fromkeys(f for m in self.mentions for f in (m.surface, m.also) if f))

    @property
    def names(self) -> list[str]:
        """The names as written, and the body a seat stands for ("Brussels" -> "European Union")."""
        bodies = [ents.body_of_seat(s) for s in self.surfaces if ents.body_of_seat(s)]
        return self.surfaces + [b for b in bodies if b not in self.surfaces]

    def absorb(self, other: "Candidate") -> None:
        self.mentions += other.mentions


@dataclass
class DocWords:
    """What the whole document says about its words: how it writes them and which names it uses."""

    surnames: set[str]  # last words of multi-word person names (to relabel a lone surname)
    lowercase: set[str]  # words written in lower case somewhere: common words
    capitalised_inside: set[str]  # words (lower-cased) written capitalised inside a sentence: names
    place_names: list[str]  # proper nouns that may be places, for people's adjectives the country table lacks
    adjectives: list[str]  # capitalised adjectives and NORP words: people's adjectives of places ("Vestrian")
    lowercase_nouns: set[str] = field(default_factory=set)  # words used in lower case as nouns ("malaria")
    things: set[str] = field(default_factory=set)  # names the text calls a product, illness or place (normalised)
    given_names: set[str] = field(default_factory=set)  # first words of people's full names (normalised)


def entities_by_sentence(ctx: "DocContext") -> list[list["Span"]]:
    """Each sentence's entities, read in one pass over each parsed text's entities: ``Span.ents`` scans all of
    its text's entities on every call, which cost more than the rest of the extraction on long pages."""
    out: list[list["Span"]] = [[] for _ in ctx.sentences]
    by_doc: dict[int, list[int]] = {}
    for k, sent in enumerate(ctx.sentences):
        by_doc.setdefault(id(sent.span.doc), []).append(k)
    for indices in by_doc.values():
        indices.sort(key=lambda k: ctx.sentences[k].span.start)
        starts = [ctx.sentences[k].span.start for k in indices]
        for ent in ctx.sentences[indices[0]].span.doc.ents:
            pos = bisect_right(starts, ent.start) - 1
            if pos >= 0 and ent.end <= ctx.sentences[indices[pos]].span.end:
                out[indices[pos]].append(ent)
    return out


def document_words(ctx: "DocContext", sentence_ents: list[list["Span"]] | None = None) -> DocWords:
    sentence_ents = entities_by_sentence(ctx) if sentence_ents is None else sentence_ents
    lowercase, lowercase_nouns, capitalised, places, adjectives = set(), set(), set(), {}, {}
    for sent in ctx.sentences:
        for tok in sent.span:
            if not tok.is_alpha:
                continue
            if tok.text.islower():
                lowercase.add(tok.text)
                if tok.pos_ == "NOUN":
                    lowercase_nouns.add(tok.text)
            elif tok.is_title and not starts_sentence(tok, sent):
                capitalised.add(tok.lower_)
            if tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE"):
                places.setdefault(tok.text, None)
            if tok.is_title and (tok.pos_ == "ADJ" or tok.ent_type_ == "NORP") and not starts_sentence(tok, sent):
                adjectives.setdefault(tok.text, None)
    surnames, given_names = person_name_words(sentence_ents)
    return DocWords(surnames=surnames, lowercase=lowercase, capitalised_inside=capitalised,
                    place_names=list(places), adjectives=list(adjectives), lowercase_nouns=lowercase_nouns,
                    things=names_said_to_be_things(ctx, sentence_ents), given_names=given_names)


def names_said_to_be_things(ctx: "DocContext", sentence_ents: list[list["Span"]]) -> set[str]:
    """Names the text says are a product, an illness or a place, by a noun before them ("the vaccine X",
    "its malaria drug X"), in apposition ("X, a cholera vaccine", "its app, X"), after "X is a", or as the
    name of an illness ("X virus disease", "X fever")."""
    found = set()
    for sent, sent_ents in zip(ctx.sentences, sentence_ents):
        for ent in sent_ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            root = ent.root
            names_illness = root.dep_ == "compound" and root.head.i >= ent.end and \
                root.head.lemma_.lower() in ILLNESS_NOUNS
            if names_illness or described_as(ent) in NOT_PARTY_NOUNS:
                found.add(ents.normalize(ent.text))
            ship = ship_name(ent)
            if ship is not None:
                found.update((ents.normalize(ent.text), ents.normalize(ship)))
        if SHIP_NAME.search(sent.span.text):  # "The BRP X was hit": NER often tags no entity there
            found.update(ents.normalize(m.group(1)) for m in SHIP_NAME.finditer(sent.span.text))
        found.update(places_of(sent))
    return found


def ship_name(ent: "Span") -> str | None:
    """A vessel's name, written after a ship prefix ("the BRP X", "MV X", "HMS X") that NER left out or took
    in: the name without the prefix."""
    doc = ent.doc
    first = ent[0] if ent[0].lower_ != "the" or len(ent) == 1 else ent[1]
    if first.text.replace(".", "") in SHIP_PREFIXES and first.i + 1 < ent.end:
        return doc[first.i + 1: ent.end].text
    if ent.start > 0 and doc[ent.start - 1].text.replace(".", "") in SHIP_PREFIXES:
        return ent.text
    return None


def places_of(sent: "Sentence") -> list[str]:
    """The names after "the port city of", "the town of" (NER often leaves them unlabelled); "the capital
    of X" makes X a country, not a place."""
    doc, end = sent.span.doc, sent.span.end
    found = []
    for tok in sent.span:
        if tok.lower_ != "of" or tok.i == sent.span.start:
            continue
        noun = doc[tok.i - 1]
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in (NOT_PARTY_NOUNS | LOCAL_UNIT_NOUNS) - {"capital"}:
            continue
        stop = tok.i + 1
        while stop < end and doc[stop].pos_ == "PROPN" and doc[stop].is_title:
            stop += 1
        if stop > tok.i + 1:
            found.append(ents.normalize(doc[tok.i + 1: stop].text))
    return found


def described_as(span: "Span") -> str | None:
    """The common noun (lemma) the sentence uses to say what a name is: the noun right before it that the
    parse links to it ("the drug X"), an apposition ("X, a vaccine", "its vaccine, X"), or the complement of
    "X is a ..." (its head noun: "X is a vaccine company" -> company)."""
    doc, root = span.doc, span.root
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and not before.ent_type_ and \
            (before.head.i == root.i or root.head.i == before.i and root.dep_ in ("appos", "compound", "npadvmod")):
        return before.lemma_.lower()
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return child.lemma_.lower()
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return root.head.lemma_.lower()
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        attr = next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attr is not None:
            return attr.lemma_.lower()
    return apposition_after(span)


APPOSITION_LEADS = ("a", "an", "the", "its", "their")


def apposition_after(span: "Span") -> str | None:
    """The head noun of ", a/its ... NOUN" right after a name (past a bracket), read from the words when the
    parse hangs the apposition elsewhere: "X (KV-7), a two-dose vaccine for" -> vaccine."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text == "(":
        close = next((t.i for t in doc[i: i + 8] if t.text == ")"), None)
        if close is None:
            return None
        i = close + 1
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in APPOSITION_LEADS:
        return None
    head = None
    for tok in doc[i + 2: i + 10]:
        if tok.pos_ == "NOUN":
            head = tok
        elif tok.tag_ == "POS":
            head = None  # "X, the city's mayor": the city owns the head noun that follows
        elif not (tok.pos_ in ("ADJ", "NUM", "PROPN") or tok.tag_ == "HYPH"):
            break
    return head.lemma_.lower() if head is not None else None


def starts_sentence(tok: "Token", sent: "Sentence") -> bool:
    """The first word of the sentence, after any opening quote or bracket."""
    doc = sent.span.doc
    i = tok.i - 1
    while i >= sent.span.start:  # back to the first word that is not punctuation: one step for most words
        if not (doc[i].is_punct or doc[i].is_space):
            return False
        i -= 1
    return True


def extract(ctx: "DocContext") -> list[Actor]:
    sentence_ents = entities_by_sentence(ctx)
    words = document_words(ctx, sentence_ents)
    surnames = words.surnames
    mentions: list[Mention] = []
    bylined: set[str] = set()
    outlet_words = ents.normalize(getattr(ctx.document, "outlet", None) or "").split()
    for sent, sent_ents in zip(ctx.sentences, sentence_ents):
        byline_line = is_byline_line(sent)
        found = sentence_entities(sent, sent_ents)
        for ent, label in found:
            if label == "PERSON" and (byline_line or is_byline(ent, sent)):
                bylined.add(ents.normalize(ent.text))
                continue
            if byline_line:
                continue
            for part in entity_parts(ent):
                mention = read_mention(part, label, sent, words)
                if mention is not None and not is_own_outlet(part, mention, outlet_words):
                    mentions.append(mention)
        if not byline_line:
            mentions += unlabelled_speakers(sent, {t.i for ent, label in found if label == "ORG" for t in ent})
    mentions = [m for m in mentions if not (m.kind == "person" and m.key in bylined)]
    definitions = abbreviation_definitions(ctx)
    mentions += defined_abbreviations_ner_missed(ctx, definitions)
    # the short form of a law or treaty ("the Coastal Shipping Act (CSA)") is no party either
    mentions = [m for m in mentions if not names_no_party(definitions.get(m.key, "x"))]
    candidates = group_mentions(mentions, definitions)
    return [to_actor(c) for c in candidates if worth_keeping(c)]


def person_name_words(sentence_ents: list[list["Span"]]) -> tuple[set[str], set[str]]:
    """Of the multi-word person names in the document: their last words (to relabel a lone surname) and
    their first words ("georgia" of "Georgia Bakali": a country's name used as a first name)."""
    words, given = set(), set()
    for sent_ents in sentence_ents:
        for ent in sent_ents:
            if ent.label_ != "PERSON":
                continue
            toks = ents.normalize(ent.text).split()
            if len(toks) >= 2:
                given.add(toks[0])
                if toks[-1] not in COMPANY_SUFFIXES | ORG_HEADS:
                    words.update((toks[-1], " ".join(toks[-2:])))
    return words, given


# ---------------------------------------------------------------------------------------------- mentions

def sentence_entities(sent: "Sentence", sent_ents: list["Span"] | None = None) -> list[tuple["Span", str]]:
    """The sentence's entities with two NER slips mended: an organisation cut before its "of X"
    ("The Defence Ministry of" + "Tarsia") is joined up, and a capitalised name ending in an organisation
    word that NER missed or cut ("the Southern African Editors' Council") is added as an organisation."""
    found: list[tuple["Span", str]] = []
    doc_ents = list(sent.span.ents) if sent_ents is None else sent_ents
    i = 0
    while i < len(doc_ents):
        ent = doc_ents[i]
        nxt = doc_ents[i + 1] if i + 1 < len(doc_ents) else None
        if ent.label_ == "ORG" and nxt is not None and (nxt.start == ent.end and (
                ent[-1].lower_ in ("of", "for") and nxt.label_ in ("GPE", "ORG", "LOC") or
                ent[-1].lower_ in JOINING_WORDS and nxt.label_ == "ORG" and nxt[0].lower_ != "the") or
                of_place_after(ent, nxt)):
            found.append((ent.doc[ent.start: nxt.end], "ORG"))
            i += 2
            continue
        ent = with_words_before(ent, doc_ents[i - 1] if i > 0 else None)
        joined = with_connected_words(ent, doc_ents[i + 1:])
        if joined is not None:
            span, label, used = joined
            found.append((span, label))
            i += 1 + used
            continue
        found.append((ent, ent.label_))
        company = company_after_date(ent) if ent.label_ == "DATE" else None
        if company is not None:
            found.append((company, "ORG"))
        i += 1
    for run in capitalised_org_names(sent):
        run = without_person_before(run, found)
        if run is None:
            continue
        if any(e.start <= run.end - 1 < e.end and label == "ORG" for e, label in found) and \
                not joined_by_and(run, found):
            continue  # NER has the organisation already
        found = [(e, label) for e, label in found if e.end <= run.start or e.start >= run.end]
        found.append((run, "ORG"))
    return sorted(found, key=lambda item: item[0].start)


def without_person_before(run: "Span", found: list[tuple["Span", str]]) -> "Span | None":
    """A run of capitalised words that takes in a person's name ("Professor Annelies de Groot of Erasmus
    University"): the body after the name and its "of"; None if no body of two words is left."""
    person_end = max((e.end for e, label in found if label == "PERSON" and e.start < run.end - 1 and
                      run.start < e.end < run.end), default=None)
    if person_end is None:
        return run
    start = person_end
    while start < run.end and run.doc[start].lower_ in ("of", "for", "and", "at", "from"):
        start += 1
    return run.doc[start: run.end] if run.end - start >= 2 else None


def labelled(doc, start: int, end: int, label: str) -> "Span":
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def with_words_before(ent: "Span", previous: "Span | None") -> "Span":
    """A name NER began too late: after a lower-case connector ("Ecologistas en" + "Acción" at the start of a
    sentence), or short of the initials of the abbreviation in brackets after it ("Metropolitanas de Sevilla
    (AMS)" of "Aguas Metropolitanas de Sevilla (AMS)"); capitalised words before it that no other entity
    holds are taken back."""
    doc = ent.doc
    floor = previous.end if previous is not None else ent.sent.start
    start = ent.start
    if start - 2 >= floor and doc[start - 1].lower_ in NAME_CONNECTORS and doc[start - 1].is_lower:
        back = start - 1
        while back - 1 >= floor and doc[back - 1].is_title and doc[back - 1].is_alpha and \
                doc[back - 1].lower_ not in ("the", "a", "an") and not doc[back - 1].ent_type_:
            back -= 1
        if back < start - 1:
            return labelled(doc, back, ent.end, ent.label_)
    after = doc[ent.end: ent.end + 3]
    if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and \
            not ents.bracketed_short_form(after[1].text, ent.text):
        for back in range(start - 1, max(floor, start - 3) - 1, -1):
            tok = doc[back]
            if not (tok.is_title and tok.is_alpha) or tok.ent_type_ or tok.lower_ in ("the", "a", "an"):
                break
            if ents.bracketed_short_form(after[1].text, doc[back: ent.end].text):
                return labelled(doc, back, ent.end, "ORG")  # a person's name is not abbreviated
    return ent


def with_connected_words(ent: "Span", later: list["Span"]) -> tuple["Span", str, int] | None:
    """A name in another language that NER cut at a lower-case connector: "Ecologistas" + "en" + "Acción",
    "Aguas" + "de" + "Sevilla": the whole name, its label (an organisation if any part was one or the first
    was a people's name; a person's only when every part was), and how many later entities it took in."""
    doc = ent.doc
    end = ent.end
    while end + 1 < len(doc) and end - ent.end < MAX_CONNECTED_WORDS and doc[end].lower_ in NAME_CONNECTORS and \
            doc[end].is_lower and doc[end + 1].is_title and doc[end + 1].is_alpha:
        end += 2
        while end < len(doc) and doc[end].is_title and doc[end].is_alpha and not doc[end].is_sent_start:
            end += 1
    if end == ent.end:
        return None
    inside = [e for e in later if e.start < end]
    if any(e.end > end for e in inside):
        end = max(e.end for e in inside)
    labels = {ent.label_} | {e.label_ for e in inside}
    if labels <= {"PERSON"}:
        label = "PERSON"
    elif "ORG" in labels or ent.label_ == "NORP" or ent.label_ == "PERSON":
        label = "ORG"
    else:
        label = ent.label_
    return doc[ent.start: end], label, len(inside)


def name_start(ent: "Span") -> int:
    """Where an entity's name begins, past a leading article NER took in ("the Scottish Crofters")."""
    return ent.start + 1 if len(ent) > 1 and ent[0].lower_ in ("the", "a", "an") else ent.start


def of_place_after(ent: "Span", nxt: "Span") -> bool:
    """"the Geophysical Observatory" + "of" + "Quito": a capitalised body name NER ended before "of <place>"
    (a body is named after the place it serves: "the Central Bank of X"); not "the X Commission of <place>'s
    Y Party", where the place owns what follows."""
    doc = ent.doc
    owner = nxt.root.dep_ == "poss" or nxt[-1].tag_ == "POS" or \
        nxt.end < len(doc) and doc[nxt.end].text in ("'s", "’s", "'", "’")
    return nxt.start == ent.end + 1 and doc[ent.end].text == "of" and nxt.label_ in ("GPE", "LOC") and \
        ent[-1].is_title and ent[-1].pos_ in ("PROPN", "NOUN") and len(nxt) <= 3 and not owner


def joined_by_and(run: "Span", found: list[tuple["Span", str]]) -> bool:
    """A capitalised name with "and" inside that NER cut at the "and": "the Coastal Farmers and Growers
    Federation" as "Coastal Farmers" + "Growers Federation". The words before "and" do not end in an
    organisation word (else two bodies: "the Tea Board and Growers Federation"), or an abbreviation in
    brackets after the run spells the whole name's initials."""
    joins = [t for t in run if t.lower_ in JOINING_WORDS]
    if not joins or any(name_start(e) < run.start < e.end or e.start < run.end < e.end for e, _label in found):
        return False  # no "and", or an entity runs across the run's edge
    first = joins[0]
    if not any(label == "ORG" and e.start > first.i for e, label in found if run.start <= e.start < run.end):
        return False
    doc = run.doc
    after = doc[run.end: run.end + 3]
    if len(after) == 3 and after[0].text == "(" and after[2].text == ")" and \
            ents.bracketed_short_form(after[1].text, run.text):
        return True
    return doc[first.i - 1].lower_ not in ORG_HEADS | COMPANY_SUFFIXES


def company_after_date(ent: "Span") -> "Span | None":
    """A company name NER swallowed into the date of a dateline: "4 May 2027 - Brandt Robotics" tagged as
    one date; only a name ending in a company or organisation word is taken back."""
    dash = next((t for t in ent if t.text in DASHES and t.whitespace_), None)
    if dash is None:
        return None
    rest = ent.doc[dash.i + 1: ent.end]
    if len(rest) >= 2 and all(t.is_title and t.pos_ == "PROPN" for t in rest) and \
            rest[-1].lower_ in COMPANY_SUFFIXES | ORG_HEADS:
        return rest
    return None


def capitalised_org_names(sent: "Sentence") -> list["Span"]:
    """Runs of capitalised words ending in an organisation word: "Southern African Editors' Council"."""
    runs = []
    toks = list(sent.span)
    i = 0
    while i < len(toks):
        if not _name_word(toks[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and (_name_word(toks[j + 1]) or toks[j + 1].text in ("'", "’", "'s", "’s") or
                                     (toks[j + 1].lower_ in ("of", "for", "and") or is_inner_hyphen(toks[j + 1]))
                                     and j + 2 < len(toks) and _name_word(toks[j + 2])):
            j += 1
        end = j
        while end > i and not (toks[end].lower_ in ORG_HEADS and toks[end].is_title):
            end -= 1
        if end == j - 1 and end > i and is_seat_of_name(toks[j]):
            end = j  # "Erasmus University Rotterdam": the town the body is named after ends its name
        words = [t for t in toks[i: end + 1] if t.is_alpha]
        after = toks[end + 1] if end + 1 < len(toks) else None
        title = after is not None and after.is_title and after.lower_ in TITLE_WORDS - ORG_HEADS
        if end > i and 2 <= len(words) <= 8 and not title:  # "Chief Cabinet Secretary": a title, no body
            runs.append(sent.span.doc[toks[i].i: toks[end].i + 1])
        i = j + 1
    return runs


def is_seat_of_name(tok: "Token") -> bool:
    """One place-like word that ends a run of capitalised words after an organisation word: NER tags it a
    place or (often for a foreign town) a one-word person."""
    return tok.ent_type_ in ("GPE", "LOC", "PERSON") and tok.ent_iob_ == "B" and \
        (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")


def is_inner_hyphen(tok: "Token") -> bool:
    """A hyphen inside a word ("Trans-Alpine"), no space on either side."""
    return tok.text in ("-", "‐") and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


def _name_word(tok: "Token") -> bool:
    return tok.is_title and tok.is_alpha and tok.lower_ not in ("the", "a", "an") \
        and (tok.pos_ == "PROPN" or tok.pos_ in ("NOUN", "ADJ") and not tok.is_sent_start)

def entity_parts(ent: "Span") -> Iterator["Span"]:
    """The names inside one entity: NER joins "KAMPALA - The World Health Organization" or "X, Y"."""
    start = ent.start
    for tok in ent:
        if tok.text in SEPARATORS and (tok.text != "-" or tok.whitespace_ or tok.i > 0 and
                                       tok.doc[tok.i - 1].whitespace_):
            if tok.i > start:
                yield tok.doc[start: tok.i]
            start = tok.i + 1
    if start < ent.end:
        yield ent.doc[start: ent.end]


def read_mention(span: "Span", label: str, sent: "Sentence", words: DocWords) -> Mention | None:
    """What an entity names, corrected from context; None for places, outlets, treaties and page words."""
    if label not in ACTOR_LABELS or is_dateline(span, sent) or is_defining_abbreviation(span):
        return None
    surnames = words.surnames
    span, title = trim_entity(span, label)
    surface = ents.clean_surface(span.text)
    if not 2 <= len(surface) <= MAX_NAME_CHARS or not any(c.isupper() for c in surface) or names_a_place(span):
        return None  # too long for a name: a run of capitalised words or a mis-cut entity
    if span[-1].lower_ in FRAGMENT_ENDS:
        return None  # "the X and" of "the X and Y Union" that NER cut in two and nothing joined
    if is_office_only(span):
        return None  # "State" of "Secretary of State": the field of an office, no body
    if is_capitalised_common_noun(span, label, sent, words):
        return None  # "Shoppers would have paid": capitalised because it opens the sentence
    acting = is_acting(span) and is_full_sentence(sent)
    body = ents.body_of_seat(surface)
    if body is not None:
        if is_location_use(span) or span.root.dep_ == "compound":
            return None
        return Mention(sent=sent, surface=surface, key=ents.normalize(body), kind="organization", acting=acting)
    country = country_meant(span, label, surface, surnames, words.given_names)
    if country is not None:
        return country_mention(span, sent, surface, country, acting)
    place = place_of_demonym(span, label, surface, words)
    if place is not None:  # "the Vestrian embassy said" in a text that names Vestria: that country acting
        mention = country_mention(span, sent, surface, ents.CountryForm(place, "demonym"), acting)
        if mention is not None:
            mention.key, mention.surface, mention.also = ents.normalize(place), place, surface
        return mention
    if ents.normalize(surface) in words.things and not speaks(span):
        return None  # "the vaccine X", "the storm X": a thing or a place ("X, the video app, said" speaks)
    kind = kind_of(span, label, surface, surnames, title)
    if kind is None or is_outlet(span, surface) or span[-1].lower_ in NOT_PARTIES or \
            span[-1].lower_.removesuffix("s") in INSTRUMENT_HEADS and span[-1].is_title:
        return None  # a treaty, law or event ("the X Regulations" as well as "the X Regulation")
    if kind == "person" and all(t.lower_ in TITLE_WORDS | HONORIFICS or t.tag_ == "HYPH" for t in span):
        return None  # "the Director-General of X": a title without its holder's name
    if kind == "person" and (span[-1].like_num or ends_before_number(span)):
        return None  # "Local 40", "Unit 7": a numbered branch or thing, no person's name has a number
    if inside_capitalised_title(span):
        return None  # "Chief Cabinet Secretary", "Deputy Council Chair": words of a title, not the body
    if kind == "organization" and is_unnamed_state_body(surface):
        return None  # "the Government of the Republic": a communiqué's own state, which it does not name
    cue = kind_cue(span, label, surnames)
    if cue == "organization" and kind in ("person", "group", "country"):
        kind = "organization"  # "X, which runs a clinic", "X's chief executive": a body, whatever NER says
    if cue == "person" and kind in ("organization", "group", "country") and \
            (looks_like_person_name(span) or len(span) == 1):
        kind = "person"  # "Peru's Rosa Elena Quispe, who signed for ...", "X said she": a person
    state = kind in ("organization", "group", "country") and cue is None and label != "PERSON" and \
        names_a_state(span, words)
    if state:
        kind = "country"  # "Vestria will impose a tariff" in a text that speaks of "Vestrian" steel
    if not acting and (is_location_use(span) or in_person_title(span) and not names_employer(span, label)):
        return None  # "an isolation unit in Bwera"; "District Health Officer Dr. X" ("WFP spokesperson X": a body)
    if kind == "organization" and precedes_person_in_title(span):
        return None  # "Chief of the General Staff of the Army X": the person acts, the body is their role
    if kind in ("group", "country") and not state and not acts_directly(span, sent, country=kind == "country"):
        return None  # "European farm groups", "in Kasese": adjectives and places, not parties
    body_of_title = False
    if kind in ("person", "organization"):
        # before the role: the title before "Ana" of "Ana Lindqvist" is not "Ana"
        span = with_given_names(span, kind == "person" and not titled_by_of(span))
        surface = ents.clean_surface(span.text)
        body_of_title = titled_by_of(span)
        if body_of_title:
            kind, title = "organization", None  # "X, Director of Climate Action Y": the body the title is of
    role = title or (role_of(span) if kind == "person" else body_role(span) if kind == "organization" else None)
    titled = bool(role and has_person_title(role))
    if kind == "organization" and titled and not body_of_title and \
            (looks_like_person_name(span) or len(span) == 1 and span[0].is_title and span[0].lower_ not in ORG_HEADS):
        kind = "person"  # "Rosa Elena Quispe, Peru's trade minister": NER said ORG
    elif kind == "organization" and titled:
        role, titled = None, False  # "X, Director, Communications <Body>": the title is a person's, not the body's
    sure = bool(title) or cue is not None or kind == "person" and titled or body_of_title
    owned = with_country_possessor(span) if kind == "organization" else None
    # "Gavi, the Vaccine Alliance, said": the name beside it is another form of the same body's name
    full_name = next((n for c in span.root.children if (n := appositive_body_name(c))), None) \
        if kind == "organization" and not owned else None
    return Mention(sent=sent, surface=owned or surface, key=ents.normalize(owned or surface), kind=kind,
                   acting=acting, role=role, also=surface if owned else full_name, sure=sure)


def is_capitalised_common_noun(span: "Span", label: str, sent: "Sentence", words: DocWords) -> bool:
    """A common noun NER took for a name because it opens the sentence ("Commuters faced delays",
    "Shoppers would pay"): one word, first in its sentence, never written capitalised inside a sentence,
    and a common noun by the tagger, by the text (a plural or non-proper noun written in lower case
    elsewhere) or by the vocabulary (a plural whose singular is a general English noun)."""
    if label not in ("ORG", "NORP", "GPE", "PERSON") or len(span) != 1 or not starts_sentence(span[0], sent):
        return False
    tok = span[0]
    low = tok.lower_
    if low in ORG_HEADS:
        return False  # "Parliament approved the bill": an institution named by its common noun
    if low in words.capitalised_inside or low in words.surnames or ents.country_of(tok.text) is not None:
        return False  # written as a name elsewhere, a person's surname, or a country's name or people
    plural = tok.tag_ in ("NNS", "NNPS")
    if tok.pos_ == "NOUN" and tok.lemma_.islower() or low in words.lowercase and (plural or tok.pos_ != "PROPN"):
        return True  # a singular proper noun stays a name: "Brown said" beside "the river turned brown"
    if label == "PERSON" and low in words.lowercase_nouns and low in ents.common_nouns() and \
            low not in words.given_names and not speaks(span):
        return True  # '"Drought is becoming a risk," X said' beside "the drought": the text's own noun
    if label in ("NORP", "PERSON"):
        return False  # "Democrats voted", "Pat said": names of groups and people are common words too
    if low in words.lowercase_nouns and not speaks(span):
        return True  # "Cholera spreads fast" beside "cholera cases": the text's own common noun ("Apple said"
        # beside "apple harvest" speaks, and no common noun does)
    return plural and any(w in ents.common_nouns() for w in ents.singular_forms(low))


def names_a_state(span: "Span", words: DocWords) -> bool:
    """A name the country table lacks that the text treats as a state: it has a minister, an embassy or a
    government ("Vestria's trade minister"), or a people's adjective formed from it ("Vestrian mills")."""
    if len(span) > 2 or span[-1].lower_ in ORG_HEADS | COMPANY_SUFFIXES:
        return False
    root = span.root
    if owned_body(root, STATE_ONLY_NOUNS) is not None:
        return True
    return any(ents.is_demonym_of_place(adj, span.text) for adj in words.adjectives)


def owned_body(tok: "Token", bodies: frozenset[str]) -> "Token | None":
    """The body a name owns, of the given nouns: "X's government", "the foreign ministry of X" (not a
    capitalised "Ministry of X", where X is the field: "Ministry of Health")."""
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in bodies:
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        body = tok.head.head
        if body.lemma_.lower() in bodies and body.is_lower:
            return body
    return None


def place_of_demonym(span: "Span", label: str, surface: str, words: DocWords) -> str | None:
    """The place a people's adjective the country table lacks is formed from, when the document names
    that place: "the Vestrian embassy" in a text about Vestria -> "Vestria"."""
    if label not in ("NORP", "GPE") or len(span) != 1 or span[0].pos_ not in ("ADJ", "PROPN", "NOUN"):
        return None
    places = [p for p in words.place_names if ents.is_demonym_of_place(surface, p)
              and p.lower() not in CONTINENTS]  # "the European side": a continent is no state that acts
    return max(places, key=len) if places else None


def kind_cue(span: "Span", label: str, surnames: set[str] | frozenset[str] = frozenset()) -> str | None:
    """"person" or "organization" when the words around the name say which, whatever NER labelled it:
    a relative pronoun (", who" / ", which"), a pronoun that takes the name up ("X said she" / "X said it"),
    a courtesy title ("Ms X"), a company noun before or beside it ("the start-up X", "X, a logistics firm"),
    or what only a company owns ("X's chief executive", "X shares"). "which", "it" and possessions also
    go with a place, so they say nothing against NER's GPE; "it" after a person's name is often their
    company ("Ana Ruiz said it would cut jobs"), so it says nothing against a person's name either."""
    place = label == "GPE" or ents.country_of(span.text) is not None
    personal = label == "PERSON" and len(span) >= 2 or ents.normalize(span.text) in surnames
    if is_followed_by(span, "which") and not place:
        return "organization"
    if is_followed_by(span, "who"):
        return "person"
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in HONORIFICS:
        return "person"
    pronoun, clause_verb = subject_pronoun_taking_up(span)
    if pronoun in PERSON_PRONOUNS:
        return "person"
    if pronoun == "it" and clause_verb in BODY_ACTION_VERBS and not place and not personal:
        return "organization"  # "X said it would appeal"; not "X said it was a hard choice"
    if word_before(span) in COMPANY_NOUNS or described_as(span) in COMPANY_NOUNS:
        return "organization"  # "the start-up X", "X is a vaccine company"
    if label == "PERSON" and len(span) >= 2 and after_definite_article(span):
        return "organization"  # "the independent X Observatory": a person's name takes no "the"
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in COMPANY_NOUNS:
            return "organization"  # "Ridgeway, a logistics company based in Leeds, said"
        if appositive_body_name(child) is not None:
            return "organization"  # "Gavi, the Vaccine Alliance, said": a body's full name beside it
    owned = root.head if root.dep_ in ("poss", "compound") or (root.dep_ == "amod" and root.head.pos_ == "NOUN") \
        else None
    if owned is not None and owned.i >= span.end and owned.lower_ in COMPANY_OWNED_NOUNS and not place:
        if owned.lower_ != "executive" or any(c.lower_ == "chief" for c in owned.children):
            return "organization"
    return None


def after_definite_article(span: "Span") -> bool:
    """"the X", "the independent X": "the" and lower-case adjectives right before the name (not "the late X",
    "the former X", which do go with a person)."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower and doc[i].lower_ not in PERSON_ADJECTIVES:
        i -= 1
    return i >= 0 and doc[i].lower_ == "the" and not (i + 1 < len(doc) and doc[i + 1].lower_ in PERSON_ADJECTIVES)


def appositive_body_name(tok: "Token") -> str | None:
    """The capitalised name of a body in apposition to a name, ending in an organisation word: "the Vaccine
    Alliance" of "Gavi, the Vaccine Alliance, said"."""
    if tok.dep_ != "appos" or tok.pos_ != "PROPN" or not tok.is_title or tok.lower_ not in ORG_HEADS:
        return None
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ != "det"]
    if not words or not all(t.is_title and t.pos_ == "PROPN" for t in words) or len(words) < 2:
        return None
    return tok.doc[words[0].i: tok.i + 1].text


def subject_pronoun_taking_up(span: "Span") -> tuple[str | None, str | None]:
    """The subject pronoun of the clause a name's reporting verb introduces and that clause's verb
    (lemma): "X said (that) she would resign" -> ("she", "resign")."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_.lower() not in REPORTING_VERBS:
        return None, None
    for clause in root.head.children:
        if clause.dep_ == "ccomp":
            for child in clause.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "PRON":
                    return child.lower_, clause.lemma_.lower()
    return None, None


def word_before(span: "Span") -> str:
    """The word right before a name, hyphenated compounds joined ("start-up" of "the start-up X")."""
    doc = span.doc
    i = span.start - 1
    if i < 0:
        return ""
    parts = [doc[i].lower_]
    while i >= 2 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        parts[:0] = [doc[i - 2].lower_, "-"]
        i -= 2
    return "".join(parts)


def with_given_names(span: "Span", person: bool = False) -> "Span":
    """A name with the leading words NER left out ("Ana" of "Ana Lindqvist", "Médecins" of "Médecins Sans
    Frontières"): capitalised proper-noun compounds of the name that are not titles."""
    start = span.start
    while start > 0:
        prev = span.doc[start - 1]
        if prev.pos_ in ("PROPN", "NOUN") and prev.dep_ == "compound" and span.start <= prev.head.i < span.end \
                and prev.is_title and not prev.ent_type_ and prev.lower_ not in TITLE_WORDS | HONORIFICS | ORG_HEADS \
                and not (person and office_lead(span.doc[start - 1: span.end])) and not is_opening_occupation(prev):
            start -= 1
        else:
            break
    return span.doc[start: span.end]


def is_opening_occupation(tok: "Token") -> bool:
    """A common noun for what a person does, capitalised only because it opens the sentence: "Hydrologist X
    said" (a person's name opens with a name, not with "hydrologist"; "ist" nouns only: "Hunter" is a name)."""
    return tok.is_sent_start and tok.lower_.endswith("ist") and tok.lower_ in ents.common_nouns()


def with_country_possessor(span: "Span") -> str | None:
    """"Ghana's Ministry of Environment" as written: the country that owns a body keeps two countries'
    ministries apart."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in ("'s", "’s"):
        return None
    owner = doc[span.start - 2]
    start = owner.i
    while start > 0 and doc[start - 1].ent_iob_ == "I" and doc[start - 1].ent_type_ == owner.ent_type_:
        start -= 1
    if owner.ent_iob_ == "I":
        start = next((t.i for t in reversed(doc[:owner.i + 1]) if t.ent_iob_ == "B"), owner.i)
    form = ents.country_of(doc[start: owner.i + 1].text)
    if form is None or form.form == "demonym":
        return None
    return ents.clean_surface(doc[start: span.end].text)


def is_defining_abbreviation(span: "Span") -> bool:
    """"(IEC)" right after "the Independent Electoral Commission": the definition, not another mention."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    before = doc[max(0, span.start - 12): span.start - 1].text
    return any(ents.bracketed_short_form(span.text, " ".join(before.split()[-n:])) for n in range(2, 11))


def is_followed_by(span: "Span", pronoun: str) -> bool:
    """", which ..." after a name makes it a thing or body; ", who ..." a person."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == pronoun


def is_dateline(span: "Span", sent: "Sentence") -> bool:
    """"LIMA, March 10 -" / "KAMPALA -" / "Lyon, 4 May 2027 -": the place a story was filed from."""
    if span[0].i - sent.span.start > 1:
        return False
    return span.start_char < dateline_end(sent.span) or dash_after_date(span)


def dash_after_date(span: "Span") -> bool:
    """The name is followed by a date or the outlet in brackets, then a dash, the way a press release or wire
    story opens: "Lyon, 4 May 2027 - ", "Oslo, March 3 (Nordic Wire) — ", "Lyon (Nordic Wire) - "."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    date_start = i
    while i < len(doc) and (doc[i].ent_type_ == "DATE" or doc[i].like_num) and doc[i].text not in DASHES:
        i += 1
    dated = i > date_start
    if i < len(doc) and doc[i].text == "(":  # the outlet's name in brackets
        close = next((t.i for t in doc[i: i + 8] if t.text == ")"), None)
        if close is None:
            return False
        i, dated = close + 1, True
    return dated and i < len(doc) and doc[i].text in DASHES


def is_full_sentence(sent: "Sentence") -> bool:
    """A sentence of the article, not a headline or link text: only those say who acted."""
    return sent.text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ")"))


def is_office_word(tok: "Token") -> bool:
    """A capitalised common word that can name an office's field: "State", "Environment", "Foreign Affairs"."""
    return tok.is_title and tok.is_alpha and (tok.pos_ == "ADJ" or tok.lower_ in ents.common_nouns() or
                                              any(w in ents.common_nouns() for w in ents.singular_forms(tok.lower_)))


def office_lead(span: "Span") -> int:
    """How many leading words of a name belong to the office of a title before it: "Minister of State Ana Ruiz",
    "Secretary of State for the Environment X" (NER or the parse runs "State", "Environment" into the name).
    The words before the name go back through "of"/"for" to a title word; the name keeps two words at least."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or doc[i].lower_ not in OFFICE_PREPS:
        return 0
    back = i
    while back >= max(0, i - 8) and not (doc[back].lower_ in TITLE_WORDS and doc[back].is_title):
        tok = doc[back]
        if not (tok.lower_ in OFFICE_PREPS | {"the", "and"} or is_office_word(tok)):
            return 0
        back -= 1
    if back < max(0, i - 8):
        return 0
    lead = 0
    while len(span) - lead > 2 and is_office_word(span[lead]) and span[lead].lower_ not in HONORIFICS:
        lead += 1
    return lead


def is_office_only(span: "Span") -> bool:
    """A name that is all office words after a title and "of"/"for": "State" of "Secretary of State X"."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ in OFFICE_PREPS and \
        doc[span.start - 2].lower_ in TITLE_WORDS and all(is_office_word(t) or t.lower_ == "and" for t in span)


def trim_entity(span: "Span", label: str) -> tuple["Span", str | None]:
    """The name without a leading determiner or honorific, a person's leading title (returned as the
    role: "MEP Lorenzo Baldi"), a trailing possessive, or a trailing "of <country>"."""
    doc = span.doc
    start, end = span.start, span.end
    title_start = None
    while start < end - 1:
        low = doc[start].lower_
        if low in ("the", "a", "an") or low in HONORIFICS:
            start += 1
        elif (label == "PERSON" or label == "ORG" and start == span.start and doc[start].is_sent_start and
              looks_like_person_name(doc[start + 1: end])) and low in TITLE_WORDS - ORG_HEADS and \
                doc[start + 1].is_title:  # "Spokeswoman X said" opening a sentence, NER's ORG
            title_start = start if title_start is None else title_start
            start += 1
        else:
            break
    while end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’", "*"):
        end -= 1
    if label == "ORG" and end > start + 1 and doc[end - 1].is_lower and \
            doc[end - 1].lower_ in ORG_HEADS | COMPANY_NOUNS and not doc[end - 2].is_lower:
        end -= 1  # "the CCOO union", "the Likud party": the body's name, then what kind of body it is
    # "Tuilagi Fa'amausili of Samoa" tagged as one organisation: the person, of a country
    for i in range(start + 2, end - 1):
        country = ents.country_of(doc[i + 1: end].text)  # a country's name: "the Observatory of <capital>" is a body
        if doc[i].lower_ == "of" and country is not None and country.form in ("name", "alias") and \
                looks_like_person_name(doc[start:i]):
            end = i
            break
    if label == "PERSON":
        start += office_lead(doc[start:end])  # "Minister of State Ana Ruiz": the name is Ana Ruiz
    title = doc[title_start:start].text if title_start is not None else None
    if title is not None and all(t.lower_.rstrip(".") in RANKS for t in doc[title_start:start]):
        title = None  # "Colonel X": a rank is part of how the name is written, not the role
    return doc[start:end], title


def country_meant(span: "Span", label: str, surface: str, surnames: set[str],
                  given_names: set[str] = frozenset()) -> ents.CountryForm | None:
    """The country a name stands for, if the name is a country's, its capital's, seat's or people's."""
    form = ents.country_of(surface)
    if form is None or form.form == "capital" and (ents.normalize(surface) in surnames or given_name_before(span)):
        return None  # "Lima" of "Ana Lima" (NER took the surname for the capital)
    if form.form in ("capital", "seat"):
        return form  # NER tags capitals as anything ("Kyiv" as a person): the name decides
    if form.form == "abbreviation" and not ents.is_abbreviation(surface.replace(" ", "")):
        return None
    if label == "PERSON":
        # "Jordan", "Chad", "Georgia" are also first names: a country's own name NER took for a person is the
        # country unless the text uses it as a first name or the words around it make it a person
        lone = len(span) == 1 and form.form == "name" and ents.normalize(surface) not in given_names | surnames
        return form if lone and kind_cue(span, label, surnames) != "person" else None
    if form.form == "demonym" and label not in ("NORP", "GPE"):
        return None
    return form


def country_mention(span: "Span", sent: "Sentence", surface: str, form: ents.CountryForm,
                    acting: bool) -> Mention | None:
    """A country named outright, through its capital or seat (unless a mere location), or its demonym."""
    if form.form in ("capital", "seat"):
        if (is_location_use(span) or span.root.dep_ == "compound") and not acting:
            return None  # "a monument in Pyongyang", "Brussels police": the city, not the state
    elif form.form == "demonym":
        if not acting or modifies_named_person(span):
            return None  # "North Korean troops", "Russian President X": an adjective, not the country acting
    return Mention(sent=sent, surface=surface, key=form.country, kind="country", acting=acting)


def given_name_before(span: "Span") -> bool:
    """A capitalised word NER left out that the parse joins to a one-word place name as its first name:
    "spokesperson Ana Lima" (not "West Berlin", "New Delhi")."""
    if len(span) != 1 or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == span.start and prev.is_title \
        and not prev.ent_type_ and prev.lower_ not in TITLE_WORDS | HONORIFICS | ORG_HEADS | PLACE_MODIFIERS \
        and ents.country_of(prev.text) is None


def kind_of(span: "Span", label: str, surface: str, surnames: set[str], title: str | None) -> str | None:
    """person / organization / country / group from the NER label, corrected by head noun and title."""
    last = span[-1].lower_.rstrip(".")  # "X Co.", "X Corp."
    if label in ("GPE", "LOC") and given_name_before(span):
        return "person"  # "Ana Lima told reporters": NER took the surname for a place
    if ents.normalize(surface) in surnames and label != "PERSON" and len(span) <= 3:
        return "person"  # "Baluku said" tagged as a place after "Dr. Yosia Baluku"
    if last in ORG_HEADS and label != "NORP" or last in COMPANY_SUFFIXES and len(span) >= 2:
        return "organization"  # "X Council"; "X Freight", "X Systems" even when NER says PERSON
    if label in ("PERSON", "ORG") and len(span) == 1 and owns_a_state_body(span):
        return "country"  # "Toruna's defence ministry", "Valdoria's president": a state, whatever NER guessed
    if label == "PERSON":
        return "organization" if last in OUTLET_HEADS else "person"
    if label == "ORG":
        if title or after_title(span) or (looks_like_person_name(span) and is_affiliated(span)):
            return "person"
        return "organization"
    if label == "GPE":
        return "country"  # a state or province acting: the nearest kind
    if label == "NORP":
        return "group"
    return None  # products, works, events and facilities act only through an organisation head noun


# what only a state has: "X's defence ministry", "X's president", "X's embassy" (not what a leader is said to
# have too: "Modi's government", "Putin's army", "Zelensky's troops")
STATE_OWNED_NOUNS = frozenset("ministry president parliament embassy ambassador navy".split())


def owns_a_state_body(span: "Span") -> bool:
    root = span.root
    if root.dep_ != "poss" or root.head.i < span.end:
        return False
    owned = root.head
    return owned.lemma_.lower() in STATE_OWNED_NOUNS or owned.lower_ in STATE_OWNED_NOUNS


def names_a_place(span: "Span") -> bool:
    """"the Kursk region", "X province", "the region of X": a location whatever NER says."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in PLACE_NOUNS and span[-1].lower_ not in ORG_HEADS:
        return not ents.country_of(span.text) or nxt.lower_ in ("region", "province", "oblast", "border")
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        before = doc[span.start - 2]
        if before.lower_ in PLACE_NOUNS:
            return True
    return False


def is_location_use(span: "Span") -> bool:
    """The name is where something happens: "in Moscow", "visit Seoul"."""
    head = phrase_head(span.root)
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS | PLACE_PREPS:
        return True
    return head.dep_ == "dobj" and head.head.lemma_.lower() in MOTION_VERBS


def phrase_head(tok: "Token") -> "Token":
    """The noun a name modifies ("KCNA" in "the KCNA news agency" -> "agency")."""
    for _ in range(6):
        if tok.dep_ in MODIFIER_DEPS and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        else:
            break
    return tok


def is_acting(span: "Span") -> bool:
    """Subject of a verb, agent of a passive, "according to" source, or the body behind such a subject
    ("officials from X said", "X officials said", "the X news agency said")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("of", "at", "from") and before.head.ent_type_ == "PERSON" and \
            before.head.i < before.i:
        return False  # "Professor X of Y University said": X speaks, Y is where X works
    tok = phrase_head(span.root)
    if tok.i != span.root.i and not of_body_after(span, tok):
        if tok.ent_type_ == "PERSON" or tok.lemma_.lower() not in SPEAKING_NOUNS:
            return False  # "Kremlin leader Vladimir Putin", "Marburg outbreak": a modifier, not a party
        if describes_member_body(span, tok):
            return False  # "the UN agency counts": one of the parent's bodies, named before, counts
    for _ in range(6):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.dep_ == "agent" or (prep.lower_ == "to" and prep.head.lower_ == "according"):
                return True
            if prep.lower_ == "by" and is_work_noun(prep.head):
                return True  # "a study by X", "a review of the data by X": X made it
            speaker = prep.head
            if prep.lower_ in ("from", "of", "at", "for") and speaker.lemma_.lower() in PERSON_NOUNS | TITLE_WORDS:
                tok = speaker  # "officials from X said": X speaks through them
                continue
            if owned_body(tok, STATE_BODY_NOUNS) is not None:
                tok = speaker  # "the foreign ministry of X said": X acts through its ministry
                continue
        return False
    return False


def describes_member_body(span: "Span", head: "Token") -> bool:
    """"the UN agency", "the EU body": a body name right before a generic body noun with "the" describes a
    member body the text named before, not the parent acting ("the KCNA news agency" names its own agency)."""
    return head.lower_ in MEMBER_BODY_NOUNS and span.end == head.i and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def of_body_after(span: "Span", head: "Token") -> bool:
    """The parse hangs a person's name on the body named after it ("Professor X of Erasmus University Rotterdam
    said" with "Rotterdam" as the subject): the person is the one who acts, through the capitalised body name."""
    doc = span.doc
    return span.end + 1 < head.i and doc[span.end].lower_ in ("of", "at", "from") and \
        all(t.is_title or t.lower_ in NAME_CONNECTORS | {"of", "for", "and"} for t in doc[span.end + 1: head.i + 1])


def speaks(span: "Span") -> bool:
    """The name is the subject of a reporting verb: "X said", "X announced" (no product or place does)."""
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS


def is_work_noun(tok: "Token") -> bool:
    """A noun of a piece of work or an act ("review", "study", "attack"), or the object of "of" after one
    (the parse hangs "by X" on "data" in "a review of the data by X")."""
    if tok.pos_ != "NOUN":
        return False
    if tok.lemma_.lower() in WORK_NOUNS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in WORK_NOUNS


def acts_directly(span: "Span", sent: "Sentence", country: bool = False) -> bool:
    """The name itself is the subject of a saying or doing verb ("Democrats voted", "California sued"),
    or a country-like name is one of several parties acting. A country-like name acts through any verb
    but those of a place that has, suffers or holds something ("X will begin rationing water", not
    "X faces a drought")."""
    if not is_full_sentence(sent):
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    body = owned_body(tok, STATE_BODY_NOUNS)
    if body is not None and body.dep_ in SUBJECT_DEPS:
        tok = body  # "Vestria's government said", "the foreign ministry of Vestria said": the state acting
    verb = tok.head.lemma_.lower()
    if tok.dep_ != "nsubj":
        return False
    if verb in REPORTING_VERBS or verb in AGENT_VERBS:
        return True
    return country and tok.head.pos_ == "VERB" and verb not in NON_AGENT_VERBS


def modifies_named_person(span: "Span") -> bool:
    """A demonym inside a person's title ("Russian President Vladimir Putin")."""
    head = span.root.head
    for _ in range(4):
        if head.ent_type_ == "PERSON":
            return True
        if head.dep_ not in MODIFIER_DEPS or head.head.i == head.i:
            return False
        head = head.head
    return False


def in_person_title(span: "Span") -> bool:
    """Part of a title before a person's name that is not itself an organisation ("European Climate
    Commissioner X", "District Health Officer X")."""
    return span[-1].lower_ not in ORG_HEADS and modifies_named_person(span)


def precedes_person_in_title(span: "Span") -> bool:
    """The name sits in a title phrase that runs on into a person's name, with a title word before it."""
    doc = span.doc
    before = doc[max(0, span.start - 4): span.start]
    if not any(t.lower_ in TITLE_WORDS for t in before):
        return False
    for tok in doc[span.end: span.end + 8]:
        if tok.ent_type_ == "PERSON":
            return True
        if not (tok.lower_ in ("of", "for", "the") or tok.pos_ in ("PROPN", "NOUN", "ADJ")) or tok.is_punct:
            return False
    return False


def after_title(span: "Span") -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in TITLE_WORDS


def looks_like_person_name(span: "Span") -> bool:
    words = [t for t in span if not t.is_punct]
    return 2 <= len(words) <= 4 and all(t.text[:1].isupper() and t.lower_ not in ORG_HEADS | NOT_PARTIES
                                        and not ents.country_of(t.text) for t in words)


def inside_capitalised_title(span: "Span") -> bool:
    """The name stands between two capitalised title words: "Chief Cabinet Secretary", "Vice Senate Speaker"."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc):
        return False
    before, after = doc[span.start - 1], doc[span.end]
    if len(span) > 1 and span[0].is_title and span[0].lower_ in TITLE_WORDS - ORG_HEADS:
        before = span[0]  # NER took the title's first word in: "Deputy Senate" of "Deputy Senate Speaker"
    return all(t.is_title and t.lower_ in TITLE_WORDS - ORG_HEADS for t in (before, after))


def is_unnamed_state_body(name: str) -> bool:
    """A body of a state named by common words alone: "Government of the Republic", "Cabinet of the Nation"
    (a country's own release calls it so; no word says which state)."""
    words = ents.normalize(name).split()
    return len(words) >= 2 and bool(set(words) & STATE_WORDS) and \
        all(w in ORG_HEADS | STATE_WORDS | ents.FUNCTION_WORDS for w in words)


def ends_before_number(span: "Span") -> bool:
    """The name goes on with a number the parse hangs on it ("Local" of "Local 40", "Gate" of "Gate 9")."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].like_num and doc[span.end].head.i in range(span.start, span.end)


def names_employer(span: "Span", label: str) -> bool:
    """A body before the title of the person who speaks for it, not words of a title written in capitals:
    "WFP spokesperson X", "Red Crescent spokesman X" (a lower-case title after an organisation), not
    "European Climate Commissioner X"."""
    doc = span.doc
    lower_title = span.end < len(doc) and doc[span.end].is_lower and doc[span.end].lower_ in TITLE_WORDS
    return has_abbreviation(span) or label == "ORG" and lower_title


def has_abbreviation(span: "Span") -> bool:
    """An abbreviation in the name that is no country's ("the WFP", "Africa CDC"): a body, not a title's words."""
    return any(ents.is_abbreviation(t.text) and ents.country_of(t.text) is None for t in span)


def has_person_title(role: str) -> bool:
    return bool(set(ents.normalize(role).split()) & (TITLE_WORDS - ORG_HEADS))


def is_affiliated(span: "Span") -> bool:
    """"X from/of/at <organisation>": X is a person of that organisation."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("from", "of", "at"):
        return False
    rest = [t for t in doc[span.end + 1: span.end + 12] if t.ent_type_ == "ORG" or t.pos_ == "PROPN"]
    return any(t.lower_ in ORG_HEADS for t in rest)


def is_outlet(span: "Span", surface: str) -> bool:
    """A news outlet carrying the story ("told Reuters", "the Moscow Times portal"), unless a state's own."""
    words = ents.normalize(surface).split()
    if not words:
        return True
    named_outlet = words[-1] in OUTLET_HEADS or bool({"news", "wire", "press", "broadcasting"} & set(words)) \
        or " ".join(words) in NEWS_OUTLETS or words[-1].endswith("wire")
    head = phrase_head(span.root)
    presented = head.i != span.root.i and head.lower_ in MEDIA_NOUNS - {"agency", "network"}
    near = span.doc[max(0, span.start - 3): span.end + 3]
    news_agency = any(t.lower_ in ("news", "press") for t in near) and any(t.lower_ == "agency" for t in near)
    if not (named_outlet or presented or news_agency):
        return False
    window = span.doc[max(0, span.start - 4): span.end + 2]
    return not any(t.lower_ in STATE_MEDIA_CUES for t in window)


def is_own_outlet(span: "Span", mention: Mention, outlet_words: list[str]) -> bool:
    """The page's own outlet (from the page's metadata) named as the one that saw or was told something
    ("documents seen by X", "told X", "according to X"): the carrier, not a party. As the subject of a verb it
    is one: a company's own press release says "X today announced"."""
    words = mention.key.split()
    if not outlet_words or not words or mention.kind not in ("organization", "person") or \
            outlet_words[:len(words)] != words or not set(outlet_words[len(words):]) <= OUTLET_WORDS:
        return False  # the outlet's name, or its name without "Media", "News", ...
    tok = phrase_head(span.root)
    while tok.dep_ in ("appos", "conj") and tok.head.i != tok.i:
        tok = tok.head  # "Lyon, 4 May - X today announced": the parse hangs the name on the dateline
    return tok.dep_ not in SUBJECT_DEPS


def is_byline_line(sent: "Sentence") -> bool:
    """"(Reporting by X in Lima; Editing by Y)": a credit line, every name in it a journalist."""
    words = [t.lower_ for t in sent.span if not t.is_punct][:3]
    return "by" in words and any(w in BYLINE_LEADS - {"by"} for w in words) or (words[:1] == ["by"])


def is_byline(ent: "Span", sent: "Sentence") -> bool:
    """A reporter's or presenter's name: "X, Outlet News.", "X starts us off", "reporter X"."""
    words = [t for t in sent.span if not t.is_punct]
    if len(words) <= 6 and any(e.label_ == "ORG" or e.text.split()[-1].lower() in OUTLET_HEADS
                               for e in sent.span.ents if e != ent):
        return True
    before = ent.doc[max(sent.span.start, ent.start - 2): ent.start]
    if any(t.lower_ in BYLINE_WORDS or (t.lower_ == "by" and t.i == sent.span.start) for t in before):
        return True
    lead = [t for t in ent.doc[max(sent.span.start, ent.start - 4): ent.start] if not t.is_space][-2:]
    if len(lead) == 2 and lead[-1].text == ":" and lead[0].lower_ in CONTACT_WORDS:
        return True  # "Media contact: X, Head of Communications": who answers the press, not a party
    root = ent.root
    if root.dep_ == "nsubj" and any(c.dep_ == "dobj" and c.lower_ in PRESENTER_OBJECTS for c in root.head.children):
        return True
    # "X, reporter" or "X reports"; "X told reporters" is a speaker
    return any(t.lower_ in BYLINE_WORDS and t.dep_ not in ("dobj", "dative", "pobj")
               for t in ent.doc[ent.end: ent.end + 2])


def unlabelled_speakers(sent: "Sentence", in_names: set[int] = frozenset()) -> list[Mention]:
    """Names NER missed as the subject of a reporting verb: "Hong Min of the X Institute said",
    "Asante-Mensah said" (a lone surname joins its full name when grouped), "Lyon (Wire) - X Mining said"
    (the parse makes the dateline the subject and hangs the name on it)."""
    found = []
    if not is_full_sentence(sent):
        return found
    for tok in sent.span:
        subject = tok.dep_ == "nsubj" or after_dateline(tok, sent)
        verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
        if not subject or tok.pos_ != "PROPN" or tok.ent_type_ or verb.lemma_.lower() not in REPORTING_VERBS or \
                tok.i in in_names:
            continue  # a word of an organisation's name NER cut ("the X Miners and Y Union said")
        start = tok.i
        while start - 1 >= sent.span.start and not tok.doc[start - 1].ent_type_ and (
                tok.doc[start - 1].pos_ == "PROPN" or (tok.doc[start - 1].text == "-" and
                                                       not tok.doc[start - 1].whitespace_)):
            start -= 1
        end = tok.i + 1
        while end + 1 < sent.span.end and tok.doc[end].lower_ in NAME_CONNECTORS and tok.doc[end].is_lower and \
                tok.doc[end + 1].is_title and tok.doc[end + 1].is_alpha and not tok.doc[end + 1].ent_type_:
            end += 2  # "Verdes en Marcha insists": the parse makes "en Marcha" a phrase hung on the subject
        span = tok.doc[start: end]
        span = span[office_lead(span):]  # "Minister of State Ana Ruiz said": the office is no part of the name
        if ends_before_number(span):
            continue  # "Its Local 40 says": a numbered branch, not a name cut before its number
        if is_dateline(span, sent):
            continue  # "Lyon, 4 May 2027 - X announced": the town the story was filed from
        words = [w for w in span if w.text != "-" and w.lower_ not in NAME_CONNECTORS]
        legal_form = len(words) >= 2 and words[-1].text.replace(".", "").lower() in COMPANY_SUFFIXES
        if legal_form:
            words = words[:-1]  # "Veldmark Energy N.V.", "Orlen S.A.": the company's legal form
        if not (1 <= len(words) <= 3 and all(w.is_title and w.is_alpha for w in words)) or \
                any(w.lower_ in ORG_HEADS | TITLE_WORDS | HONORIFICS or ents.country_of(w.text) for w in words):
            continue
        company = legal_form or words[-1].lower_ in COMPANY_SUFFIXES and len(words) >= 2  # "Quorra Energy said"
        # "the X Y Z did not respond": a person's name takes no "the"
        kind = "organization" if company or kind_cue(span, "") == "organization" or \
            len(words) >= 2 and after_definite_article(span) else "person"
        found.append(Mention(sent=sent, surface=span.text, key=ents.normalize(span.text), kind=kind,
                             acting=True, role=role_of(span) if kind == "person" else None))
    return found


def after_dateline(tok: "Token", sent: "Sentence") -> bool:
    """A name hung as an apposition on the subject that opens the sentence, with a dash between them: the
    parse of "Lyon (Wire) - X said" or "Lyon, 4 May - X said" makes the dateline the subject."""
    head = tok.head
    return tok.dep_ == "appos" and head.dep_ == "nsubj" and head.i < tok.i and starts_sentence(head, sent) \
        and any(t.text in DASHES for t in tok.doc[head.i + 1: tok.i])


# ------------------------------------------------------------------------------------------------- roles

def role_of(span: "Span") -> str | None:
    """A role phrase from the text: a title before the name, an appositive, or "of <organisation>"."""
    return title_before(span) or appositive(span) or affiliation(span) or title_before_comma(span)


def body_role(span: "Span") -> str | None:
    """What the text calls an organisation ("X, an environmental group"), or the person's title it gives a name
    NER took for an organisation ("X, Peru's trade minister"); never the words around the name that belong to
    the name or to someone else ("National Observatory" + "of Athens", "Director of X")."""
    role = appositive(span) or title_before(span) or title_before_comma(span)
    if role is not None and ents.normalize(span.text) in ents.normalize(role):
        return None  # the name again ("About the X Council\nThe X Council ..." read as an apposition)
    return role


def titled_by_of(span: "Span") -> bool:
    """The name is the body a title is of: "Director of Climate Action Hellas", "chair of the Vestrian Red Cross"
    (no title word between "of" and the name: in "Secretary of State X" the name is not the object of "of")."""
    root, doc = span.root, span.doc
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.lower_ not in TITLE_WORDS:
        return False
    between = doc[root.head.i + 1: span.start]
    return not any(t.lower_ in TITLE_WORDS | HONORIFICS for t in between) and span.start > root.head.i


def title_before_comma(span: "Span") -> str | None:
    """"the authority's chair, X, said": a title noun phrase just before the name and a comma, read from
    the words when the parse does not make the two appositives."""
    doc = span.doc
    i = span.start - 2
    if i < 0 or doc[span.start - 1].text != "," or doc[i].lower_ not in TITLE_WORDS:
        return None
    hyphenated = i >= 2 and doc[i - 1].tag_ == "HYPH" and doc[i - 2].lower_ in TITLE_WORDS  # "director-general"
    if doc[i].pos_ != "NOUN" and not hyphenated:
        return None
    start = i
    while start - 1 >= 0 and not doc[start].is_sent_start and \
            (doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ") or doc[start - 1].tag_ in ("POS", "HYPH")):
        start -= 1
    if doc[start].tag_ == "POS":
        start += 1
    return clean_role(doc[start: i + 1].text)


def title_before(span: "Span") -> str | None:
    """"Russian President X", "Chief of the General Staff of Y X", "Kremlin leader X"."""
    doc = span.doc
    i = span.start - 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN") or doc[i].ent_type_ == "PERSON":
        return None
    start = i
    while start - 1 >= 0 and not doc[start].is_sent_start:
        prev = doc[start - 1]
        if prev.ent_type_ == "PERSON" and not (doc[start].lower_ in PLACE_TITLES and prev.ent_iob_ == "B" and
                                               doc[start].ent_iob_ != "I"):
            break  # another person's name: "President X and Prime Minister Y" (not the town of "X mayor Y")
        if prev.pos_ in ("NOUN", "PROPN", "ADJ") or prev.lower_ in ("of", "the", "for") or prev.text == "-":
            start -= 1
        else:
            break
    words = list(doc[start: span.start])
    while words and (words[0].lower_ in ("of", "the", "for", "a", "an") or words[0].lower_ in HONORIFICS):
        words.pop(0)
    preps = [k for k, w in enumerate(words) if w.lower_ in ("of", "for")]
    if preps and any(w.lower_ in TITLE_WORDS for w in words[preps[-1] + 1:]):
        words = words[preps[-1] + 1:]  # "deputy spokesperson for UN Secretary-General X": X's own title follows
    while len(words) >= 2 and is_rank_of_name(words[-1], words[-2]):
        words.pop()  # "navy spokesperson Captain X": the rank goes with the name, the role is "navy spokesperson"
    if not words or not any(w.lower_ in TITLE_WORDS for w in words) or \
            all(w.lower_.rstrip(".") in RANKS for w in words):
        return None  # "Colonel X": a rank alone is how the name is written, not a role
        return None
    return clean_role(doc[words[0].i: words[-1].i + 1].text)


def is_rank_of_name(word: "Token", before: "Token") -> bool:
    """A capitalised rank or courtesy title right before a name, after a role written in lower case
    ("spokesperson Colonel X"); "Attorney General X" is one title written in capitals throughout."""
    return word.lower_.rstrip(".") in RANKS and word.is_title and before.is_lower


def appositive(span: "Span") -> str | None:
    """"X, the foreign minister," or "its leader, X": a common-noun phrase in apposition."""
    root = span.root
    for child in root.children:
        titled = child.lower_ in TITLE_WORDS - ORG_HEADS  # NER may take "the navy spokesperson" for a body
        if child.dep_ == "appos" and (child.ent_type_ == "" or titled) and \
                (child.pos_ == "NOUN" or child.pos_ == "PROPN" and titled):
            return _phrase(child)  # "X, the foreign minister", "X, Director of Y"
    head = root.head
    if head.dep_ == "pobj" and head.head.head.lemma_.lower() in TITLE_WORDS:
        head = head.head.head  # "a legal expert at Qesh University, Omar Haddad": the expert, not the university
    if root.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN") and head.lower_ in TITLE_WORDS | ORG_HEADS:
        return _phrase(head, stop=min(t.i for t in root.subtree))
    return None


def affiliation(span: "Span") -> str | None:
    """"X of the Korea Institute for ...", "X from Y University": the organisation a person speaks from."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in ("of", "from", "at"):
        return None
    prep = doc[span.end]
    if prep.head.i not in range(span.start, span.end):
        return None
    obj = list(prep.subtree)
    if not any(t.ent_type_ == "ORG" or t.lower_ in ORG_HEADS for t in obj):
        return None
    return clean_role(doc[obj[0].i: obj[-1].i + 1].text)


def _phrase(tok: "Token", stop: int | None = None) -> str | None:
    toks = [t for t in tok.subtree if stop is None or t.i < stop]
    person = next((t.i for t in toks if t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and t.i > tok.i and
                   tok.doc[t.i - 1].lower_ in TITLE_WORDS), None)
    if person is not None:
        toks = [t for t in toks if t.i < person]  # "spokesperson for Secretary-General X": X is another person
    relative = next((t.i for t in toks if t.tag_ in ("WDT", "WP$") and t.i > tok.i), None)
    if relative is not None:
        toks = [t for t in toks if t.i < relative]  # "a lobby group whose members include ...": the group
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "relcl"):
        toks.pop()
    while toks and (toks[0].pos_ in ("DET", "PRON", "PUNCT") or toks[0].dep_ == "poss" and toks[0].pos_ == "PRON"):
        toks.pop(0)
    if not toks:
        return None
    return clean_role(tok.doc[toks[0].i: toks[-1].i + 1].text)


def clean_role(text: str) -> str | None:
    """A role phrase without edge punctuation or a trailing courtesy title ("Health Officer Dr.")."""
    words = text.strip(" ,;:-—*_").split()  # "*" and "_" of markdown emphasis around a credit line
    while words and (words[-1].lower().strip(",") in HONORIFICS or words[-1] in (",", "-", "—")):
        words.pop()
    text = " ".join(words).strip(" ,;:-—*_")
    return text if 0 < len(text) <= MAX_ROLE_CHARS else None


# ---------------------------------------------------------------------------------------------- grouping

def abbreviation_definitions(ctx: "DocContext") -> dict[str, str]:
    """"Full Name (ABBR)" in the text: normalised short form -> normalised full name."""
    found: dict[str, str] = {}
    for sent in ctx.sentences:
        text = sent.text
        if "(" not in text:
            continue
        for m in ABBREVIATION_IN_BRACKETS.finditer(text):
            short = m.group(1)
            words = text[max(0, m.start() - 200): m.start()].split()[-12:]
            for n in range(2, len(words) + 1):  # the shortest run of words before it whose initials fit
                cand = " ".join(words[-n:])
                if ents.bracketed_short_form(short, cand):
                    found[ents.normalize(short)] = ents.normalize(cand)
                    break
    return found


def defined_abbreviations_ner_missed(ctx: "DocContext", definitions: dict[str, str]) -> list[Mention]:
    """Later uses of a body's abbreviation the text defined ("the Fisheries Licensing Board (FLB)" ... "the FLB
    will rule") where NER tagged nothing: mentions of that body (not of a law, treaty or country)."""
    # as written: the abbreviation in capitals after any words kept from the name ("africa cdc" -> "Africa CDC")
    shorts = [" ".join([w.capitalize() for w in short.split()[:-1]] + [short.split()[-1].upper()])
              for short, full in definitions.items()
              if not names_no_party(full) and not ents.country_of(full)]
    if not shorts:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, shorts)) + r")\b")
    found = []
    for sent in ctx.sentences:
        for m in pattern.finditer(sent.text):
            span = sent.span.doc.char_span(sent.span.start_char + m.start(), sent.span.start_char + m.end())
            if span is None or one_entity(span) or is_defining_abbreviation(span) or is_byline_line(sent):
                continue  # NER has it whole (read with the other entities), or it is the definition itself
            acting = is_acting(span) and is_full_sentence(sent)
            found.append(Mention(sent=sent, surface=span.text, key=ents.normalize(span.text), kind="organization",
                                 acting=acting))
    return found


def names_no_party(name: str) -> bool:
    """A normalised name ending in a treaty's, law's or event's word ("maritime safety regulations")."""
    last = name.split()[-1] if name.split() else ""
    return last in NOT_PARTIES or last.removesuffix("s") in INSTRUMENT_HEADS


def one_entity(span: "Span") -> bool:
    """Some entity covers the span (NER cutting it in two or missing it leaves none)."""
    return span[0].ent_iob_ in ("B", "I") and all(t.ent_iob_ == "I" for t in span[1:]) or \
        span[0].ent_type_ != "" and len(span) == 1


def group_mentions(mentions: list[Mention], definitions: dict[str, str]) -> list[Candidate]:
    by_key: dict[str, Candidate] = {}
    for m in mentions:
        key = definitions.get(m.key, m.key) if m.kind != "country" else m.key
        by_key.setdefault(key, Candidate(key=key)).mentions.append(m)
    return merge_candidates(list(by_key.values()))


def merge_candidates(cands: list[Candidate]) -> list[Candidate]:
    """Join the candidates that name one actor: spellings, abbreviations, surname after the full name."""
    from briefing.consolidate.actors import NameSet, link_groups

    sets = [NameSet(kind=c.kind, names=c.names, weight=len(c.mentions)) for c in cands]
    merged: list[Candidate] = []
    for group in link_groups(sets):
        head = cands[group[0]]
        for j in group[1:]:
            head.absorb(cands[j])
        merged.append(head)
    return merged


def worth_keeping(c: Candidate) -> bool:
    """Acts somewhere, or is named more than once, or a person given a role."""
    if c.acting:
        return True
    if c.kind == "person" and any(m.role for m in c.mentions):
        return True
    return len(c.mentions) >= 2 and c.kind != "group"


def to_actor(c: Candidate) -> Actor:
    from briefing.consolidate.actors import best_name, best_role

    kind = c.kind
    name = c.key if kind == "country" and ents.country_of(c.key) else best_name(c.surfaces, [m.surface for m in c.mentions])
    if kind == "organization" and ents.body_of_seat(name):
        name = ents.body_of_seat(name)
    aliases = [s for s in c.surfaces if s != name]
    ordered = sorted(c.mentions, key=lambda m: (not m.acting, m.sent.start))
    citations = []
    for m in ordered:
        cite = m.sent.citation()
        if cite not in citations:
            citations.append(cite)
        if len(citations) >= CITATIONS_PER_DOCUMENT:
            break
    return Actor(name=name, kind=kind, aliases=aliases, role=best_role([m.role for m in c.mentions if m.role]),
                 mentions=len(c.mentions), citations=citations)
