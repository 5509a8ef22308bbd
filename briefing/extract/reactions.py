"""Reactions in one document: who said or did what in response, with a stance and the quote.

The speaker is found from the parse: the subject of a reporting or stance verb ("X said", "X condemned"),
the object of "according to", the object of "quoted/cited X as saying". Pronoun speakers ("he said") and
title-only subjects ("the Russian president") are resolved to a person named nearby; a statement's subject
("the statement said") to whoever spoke last. Outlets that only carry the story are never speakers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.extract import dateline_end
from briefing.extract.clauses import is_negated, tokens_text
from briefing.extract.lexicon import (ACADEMIC_HEADS, ACCUSATION_NOUNS, ACCUSING_VERBS, ADJECTIVE_ONLY_EVALUATIONS,
                                      AID_NOUNS, AID_VERBS, AUTHORING_VERBS, BACKING_VERBS, BLAME_PATTERNS,
                                      BYSTANDER_NOUNS, CHARGE_NOUNS, CLAIM_NOUNS, COMMENTATOR_ROLES, CONTEST_VERBS,
                                      DECIDED_ACT_NOUNS, DECISION_NOUNS, DEFENCE_PATTERNS, DEFEND_VERBS,
                                      DOCUMENT_NOUNS, ENACT_VERBS, EXAGGERATION_LEMMAS, FORESEEING_MODALS,
                                      GENERIC_BODY_NOUNS, HARM_VERBS, HONORIFICS, INFO_NOUNS, INTENT_ADVERBS,
                                      IRONIC_FAVOUR_NOUNS, LEGAL_ACTION_NOUNS, LEGAL_ACTION_VERBS, LEGAL_QUALIFIERS,
                                      LEGAL_WHEN_QUALIFIED, MEDIA_NOUNS, MISFORTUNE_WORDS, MISHANDLING_VERBS, NECESSITY_WORDS,
                                      MORE_REPORTING_VERBS, NEGATIVE_JUDGMENTS, NEWS_OUTLETS, OPPOSITION_NOUNS,
                                      ORG_HEADS, PERSON_NOUNS, PLEA_MODIFIERS, POSITIVE_EVALUATIONS, REBUTTAL_NOUNS,
                                      REMOVAL_PATTERN, REPORTING_VERBS, RESPONSE_MANNER, RESPONSE_NOUNS,
                                      RESPONSE_VERBS, RESPONSIBILITY_NOUNS, REVERSAL_VERBS, RIGHTS_NOUNS,
                                      SHORTFALL_WORDS, SPEECH_CONTROL_VERBS, SPOKESPERSON_WORDS, STAKEHOLDER_GROUPS,
                                      HABITUAL_ADVERBS, LOCAL_PLACE_NOUNS, PROPRIETOR_VERBS, body_outlet,
                                      BODY_LEADER_WORDS, TITLE_MODIFIERS,
                                      STANCE_LEMMAS, STANCE_PHRASES, STANCE_VERBS, STATEMENT_NOUNS, SYMPATHY_PHRASES,
                                      SYMPATHY_WORDS, TITLE_WORDS, URGE_VERBS)
from briefing.summary import Actor, Reaction

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefing.extract import DocContext, Sentence

SPEAKER_LABELS = ("PERSON", "ORG", "GPE", "NORP")
PERSON_PRONOUNS = frozenset({"he", "she"})
# where a speech verb may sit: the main clause, a conjoined or reported clause; not "content that X declared"
SPEECH_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "parataxis"})
# deny-words count only when they say something is false, not as a plain modifier ("false information")
PREDICATE_DEPS = frozenset({"acomp", "attr", "ROOT", "oprd", "xcomp", "conj"})
VERB_WEIGHT = 3.0
# verbs that carry a reaction besides reporting and stance verbs: "expressed concern", "voiced support"
SPEECH_LEMMAS = REPORTING_VERBS | MORE_REPORTING_VERBS | frozenset(STANCE_VERBS) | frozenset({"express", "voice", "reiterate"})  # the speaker's own verb outweighs single words in what they said
# verbs of holding to what one said: a neutral quote so attributed keeps the speaker's stance of just before
PERSISTING_VERBS = frozenset({"insist", "maintain", "reiterate"})
# verbs whose object is weighed down by something better: "the benefit outweighs the risk"
OUTWEIGH_VERBS = frozenset({"outweigh", "offset", "justify"})
# words opening a condition or a case of a rule: "when the benefit outweighs the risk", "where there is a risk"
CONDITION_MARKS = frozenset({"if", "when", "where", "unless", "provided", "whenever"})
# verbs too general to stand for what one was accused of ("accused of making", "denied having")
LIGHT_VERBS = frozenset("be have do make take get give go say know come see".split())
# verbs of putting evidence forward: "has sent us no evidence", "provided no proof"
EVIDENCE_GIVING_VERBS = frozenset("send provide give present offer produce show share supply submit have".split())
# a quoted passage: straight or typographic double quotes, guillemets, low-9 quotes
QUOTE_RE = re.compile(r"[\"“„«]\s*([^\"“”„«»]{2,}?)\s*[\"”“»]")
OPEN_QUOTES = "\"“„«"
# single quotes as British house styles use them ('It is a disaster,' she said): the opening mark starts a word
# after a space, the closing one ends a word before punctuation or a space, so apostrophes (won't, farmers')
# are not taken for quote marks
SINGLE_QUOTE_RE = re.compile(r"(?:^|(?<=[\s(\[—–-]))[‘']([A-Za-z0-9][^‘\n]*?[^\s‘])[’'](?=[\s,.;:!?)\]]|$)")


@dataclass
class Speech:
    """One speech act found in a sentence: who, through which verb, and the words weighed for stance."""

    speaker: str
    is_person: bool
    verbs: list["Token"]
    content: list["Token"]
    according_to: bool = False  # named as a source ("according to X"), not speaking


# ---------------------------------------------------------------- stance

def stance_scores(verbs: list["Token"], content: list["Token"], quote: str | None,
                  speaker: str | None = None, accused: frozenset[str] | set[str] = frozenset(),
                  country: str | None = None) -> dict[str, float]:
    """Evidence for each stance: the speaker's verbs weigh most, then words of what was said.

    accused: lemmas of acts the text so far accused someone of or had them deny ('accused X of hiding',
    'denied harbouring'); saying one does not do them ('we do not hide anything') denies the accusation."""
    scores = {"support": 0.0, "condemn": 0.0, "deny": 0.0, "concern": 0.0}
    if accused and any(t.lemma_.lower() in accused and t.pos_ in ("VERB", "AUX") and is_negated(t)
                       and t.dep_ in ("ROOT", "ccomp", "conj") for t in content):
        scores["deny"] += VERB_WEIGHT
    for v in verbs:
        stance = STANCE_VERBS.get(v.lemma_.lower())
        if stance == "deny" and not _denies_a_claim(v):
            # rejecting a ruling or a plan opposes it; dismissing protests denies their merit; denying access is no stance
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            opposes = obj is not None and obj.lemma_.lower() in DECISION_NOUNS
            stands_by = obj is not None and obj.lemma_.lower() in OPPOSITION_NOUNS
            stance = ("condemn" if opposes else "support" if stands_by else "deny") \
                if v.lemma_.lower() in ("reject", "dismiss") else None
        if stance is None:
            stance = act_stance(v)  # "X will appeal the ruling", "X sent rescue teams"
        if stance and is_negated(v) and v.lemma_.lower() in BACKING_VERBS:
            scores["condemn"] += VERB_WEIGHT - 1  # "will not support ratification"
        elif stance and not is_negated(v):
            scores[stance] += VERB_WEIGHT
    short_quote = quote is not None and len(quote.split()) <= 3
    for t in content:
        if t.pos_ == "VERB" and t.lemma_.lower() in BACKING_VERBS and is_negated(t):
            scores["condemn"] += 2.0  # "said it will not support the treaty"
            continue
        stance = STANCE_LEMMAS.get(t.lemma_.lower()) or STANCE_LEMMAS.get(t.lower_)
        if stance == "deny" and t.dep_ not in PREDICATE_DEPS and not short_quote:
            continue
        if stance == "support" and t.dep_ == "amod" and t.tag_ in ("VBN", "VBD"):
            continue  # "the pledged sum", "the welcomed change": a label for a thing, not the speaker's act
        if stance == "concern" and (_in_relative_clause(t) or _outweighed_or_conditional(t) or _under_praise(t)):
            continue  # "a milestone for families who live in fear of floods": the fear describes them, it is not voiced
        if stance and not is_negated(t) and not (t.head.i != t.i and is_negated(t.head) and t.dep_ != "nsubj") \
                and not _denied_by_no(t) and not _hedged_away(t):
            scores[stance] += 1.0
    seen = {t.i for t in verbs}
    for t in content:
        if t.i in seen:
            continue
        acted = act_stance(t) if t.pos_ == "VERB" and _acts_for_speaker(t, verbs, speaker, country) else None
        if acted:
            scores[acted] += 2.0  # "said it would appeal", "said it stood by its decision"
        elif _solidarity(t):
            scores["support"] += 2.0
        elif not (STANCE_LEMMAS.get(t.lemma_.lower()) or STANCE_LEMMAS.get(t.lower_)):
            judged = _evaluation(t)
            if judged:
                scores[judged] += 1.5  # "a good day for ...", "called the ruling wrong"
        if t.pos_ == "VERB" and t.lemma_.lower() in HARM_VERBS and not is_negated(t) \
                and any(c.dep_ == "aux" and c.lower_ in FORESEEING_MODALS for c in t.children):
            scores["concern"] += 1.0  # foreseen harm: "the cuts would hurt rural schools"
        if t.lemma_.lower() in SYMPATHY_WORDS:
            scores["support"] += 1.0
        if _warned_in_vain(t):
            scores["condemn"] += 2.0  # "we warned in the spring that this was coming": blame for a warning ignored
        if _rebuts(t):
            scores["deny"] += 1.5  # "has sent us no evidence", "no evidence that they hold it": a rebuttal
        extra = _content_evidence(t, speaker, country)
        if extra:
            scores[extra] += 1.5
    words = " ".join(t.lower_ for t in content)
    if quote:
        words += " " + " ".join(re.findall(r"[\w']+", quote.lower()))
    for phrase, stance in STANCE_PHRASES.items():
        if re.search(r"\b" + re.escape(phrase) + r"\b", words):
            scores[stance] += 1.5
    if any(re.search(r"\b" + re.escape(phrase) + r"\b", words) for phrase in SYMPATHY_PHRASES):
        scores["support"] += 1.5
    plain = " ".join(t.lower_ for t in content if not t.is_punct)
    if any(re.search(p, plain) for p in BLAME_PATTERNS):
        scores["condemn"] += 1.5  # "bore direct responsibility", "holds the board responsible"
    if re.search(REMOVAL_PATTERN, plain) and RIGHTS_NOUNS & set(plain.split()):
        scores["condemn"] += 1.5  # "uses its legal right to strike ... finds a way to take it away"
    if any(re.search(p, plain) for p in DEFENCE_PATTERNS):
        scores["support"] += 1.5  # "acted fully within her authority": defending the decision
    _weigh_contrast(content, scores)
    return scores


def _content_evidence(t: "Token", speaker: str | None, country: str | None = None) -> str | None:
    """Stance from the structure of what was said: a reported stance verb of the speaker's side ('said the
    agency fully backs the plan'), an exaggerated claim ('the figures are inflated'), an act done on purpose
    against something ('deliberately rammed the ship'), a chance wasted ('had years and wasted them')."""
    if t.pos_ not in ("VERB", "AUX", "ADV", "ADJ", "NOUN") or is_negated(t):
        return None
    lemma = t.lemma_.lower()
    # the tagger may take a quoted verb for a noun ('the agency "fully backs" the plan'): a clause head with a subject
    verb_like = t.pos_ == "VERB" or t.pos_ == "NOUN" and t.dep_ == "ccomp" and _own_subject(t) is not None
    if verb_like and lemma in STANCE_VERBS and t.dep_ in ("ccomp", "conj", "ROOT") and not _in_relative_clause(t):
        subj = _own_subject(t)
        # another named party's stance reported by the speaker is theirs ("X said Kenya opposes the levy"),
        # unless in the speaker's own quoted words, where an official speaks for a state or body ('"Spain opposes"')
        other = subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_) and not (
            speaker and (subj.text in speaker or speaker in tokens_text(subj.subtree))) \
            and not (subj.ent_type_ in ("GPE", "ORG", "NORP") and _inside_quotes(t)) and not _same_state(subj, country)
        stance = STANCE_VERBS[lemma]
        # "floods threaten homes" is a danger, not a threat made; "denied access" denies no claim
        if not other and lemma != "threaten" and (stance != "deny" or _denies_a_claim(t)):
            return stance
    if lemma in EXAGGERATION_LEMMAS or t.lower_ in EXAGGERATION_LEMMAS:
        noun = _own_subject(t) if t.pos_ in ("VERB", "AUX") else (t.head if t.dep_ == "amod" else _own_subject(t.head))
        if noun is not None and noun.lemma_.lower() in CLAIM_NOUNS | INFO_NOUNS:
            return "deny"  # "the figures circulating abroad are inflated"
    if t.lower_ in INTENT_ADVERBS and t.head.pos_ == "VERB" and not is_negated(t.head) \
            and not any(c.dep_ in ("nsubjpass", "auxpass") for c in t.head.children) \
            and not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in t.head.children):
        # "deliberately rammed", not "the fire was deliberately set" (a finding) or "we deliberately kept it low"
        return "condemn"
    if lemma in IRONIC_FAVOUR_NOUNS and t.pos_ == "NOUN" and _called(t) and any(
            c.dep_ == "prep" and c.lower_ in ("to", "for") for c in t.children):
        return "condemn"  # 'called the move "a gift to the shipping companies"'
    if t.pos_ == "VERB" and lemma in MISHANDLING_VERBS and any(
            c.dep_ == "dobj" and not any(d.lower_ == "no" for d in c.children) for c in t.children) \
            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children):
        return "condemn"  # a chance wasted, not a cost foreseen ("the appeal would waste money")
    return None


def _same_state(subj: "Token", country: str | None) -> bool:
    """Whether a subject names the speaker's own state ('French minister X said Paris would ...')."""
    if country is None or subj.ent_type_ not in ("GPE", "NORP"):
        return False
    from briefing.extract import entities as ents

    form = ents.country_of(subj.text)
    return form is not None and form.country == country


def _speaker_country(speech: "Speech") -> str | None:
    """The state a speaker's own words present them as serving: 'French Agriculture Minister X', 'Ghana's
    environment minister X'; None when the subject phrase names no state."""
    if not speech.is_person or not speech.verbs or speech.according_to:
        return None
    subj = _speaker_subject(speech.verbs[0])
    if subj is None:
        return None
    from briefing.extract import entities as ents

    for t in subj.subtree:
        if t.ent_type_ in ("GPE", "NORP") and t.i < subj.i:
            form = ents.country_of(t.text)
            if form is not None:
                return form.country
    return None


def _inside_quotes(tok: "Token") -> bool:
    """Whether a word sits inside quote marks in its sentence (an odd count of marks before it)."""
    marks = 0
    for t in tok.doc[tok.sent.start:tok.i]:
        if t.text in "\"“”„«»":
            marks += 1
    return marks % 2 == 1


def _called(noun: "Token") -> bool:
    """Whether a noun is what something was called: 'called the move a gift', 'described it as a handout'."""
    if noun.dep_ in ("oprd", "xcomp", "attr", "dobj") and noun.head.lemma_.lower() in CALL_VERBS:
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.lemma_.lower() in DESCRIBE_VERBS


def _weigh_contrast(content: list["Token"], scores: dict[str, float]) -> None:
    """'welcome but late', 'good but not enough': in a judgment split by 'but' the criticism is what counts,
    so the praise before it is outweighed by a judgment after it."""
    for t in content:
        if t.lower_ != "but" or t.dep_ != "cc":
            continue
        first, second = t.head, next((c for c in t.head.children if c.dep_ == "conj" and c.i > t.i), None)
        if second is not None and first.pos_ == "ADJ" and first.lemma_.lower() in NEGATIVE_JUDGMENTS \
                and (second.lemma_.lower() in POSITIVE_EVALUATIONS or second.lower_ in POSITIVE_EVALUATIONS):
            # "disappointed but relieved": a mixed feeling takes no side
            scores["condemn"] = max(0.0, scores["condemn"] - 1.5)
            scores["support"] = max(0.0, scores["support"] - 1.5)
            continue
        if second is not None and first.pos_ == "VERB" and STANCE_VERBS.get(first.lemma_.lower()) == "support" \
                and STANCE_VERBS.get(second.lemma_.lower()) == "condemn" and not is_negated(second):
            scores["condemn"] += 0.5  # "praised the target but condemned the summit": the criticism is the news
            continue
        # only a judgment split in one predicate; "welcomed the recall but said it came too late" keeps the
        # welcome its speaker acted on
        if second is None or first.pos_ not in ("ADJ", "NOUN") or not (first.lemma_.lower() in POSITIVE_EVALUATIONS
                                  or STANCE_LEMMAS.get(first.lemma_.lower()) == "support"):
            continue
        if second.lemma_.lower() in POSITIVE_EVALUATIONS or STANCE_LEMMAS.get(second.lemma_.lower()) == "support":
            continue
        if not any(w.lower_ in CONTRAST_CRITICISM or w.lemma_.lower() in NEGATIVE_JUDGMENTS | MISFORTUNE_WORDS
                   or STANCE_LEMMAS.get(w.lemma_.lower()) in ("condemn", "concern", "deny") for w in second.subtree):
            continue  # "welcomed the plan but said talks would go on": no criticism after the "but"
        scores["condemn"] = max(scores["condemn"], scores["support"] + 0.5)


def _warned_in_vain(verb: "Token") -> bool:
    """'We warned last year that this would happen', 'I had warned the council that the bridge was unsafe': the
    speaker recalls a warning of theirs that went unheeded, which blames those who did not act on it. Not an
    instruction ('we warned residents to stay indoors') nor a warning given now ('we warn that ...')."""
    if verb.lemma_.lower() != "warn" or verb.pos_ != "VERB" or is_negated(verb):
        return False
    past = verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                                             for c in verb.children)
    own = any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)
    told_of = any(c.dep_ == "ccomp" for c in verb.children) and not any(c.dep_ == "xcomp" for c in verb.children)
    return past and own and told_of


def _in_relative_clause(word: "Token") -> bool:
    """Whether a word sits in a clause that describes a noun ('families who live in fear', 'a rule which
    allows it when the benefit outweighs the risk'), not in what the speaker asserts."""
    tok = word
    for _ in range(8):
        if tok.dep_ in ("relcl", "acl"):
            if _content_clause_on_noun(tok):
                # "told a press conference that X was concerned": a content clause the parser hung on the noun
                return False
            # "..., which it called 'implausible'": a relative clause of saying carries the speaker's own judgment
            return tok.lemma_.lower() not in SPEECH_LEMMAS | CALL_VERBS
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _content_clause_on_noun(clause: "Token") -> bool:
    """'told a press conference that Japan was concerned': what was said, which the parser hung on the noun
    as a relative clause; a true one has 'that' as its own subject or object ('the report that Kenya wrote')."""
    that = next((c for c in clause.children if c.lower_ == "that"), None)
    if that is None:
        return False
    if that.dep_ == "mark":
        return True
    noun = clause.head
    # "told a briefing that ...": the noun is where something was said, and the clause has its own subject
    return noun.dep_ in ("dobj", "pobj") and (noun.head.lemma_.lower() in SPEECH_LEMMAS or
                                             noun.head.head.lemma_.lower() in SPEECH_LEMMAS) \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children)


def _rebuts(noun: "Token") -> bool:
    """'no evidence that they hold the files', 'has sent us no evidence', 'no basis for the claim': a claim
    rebutted; not a finding such as 'no evidence of foul play' or 'no evidence of spread'."""
    if noun.lemma_.lower() not in REBUTTAL_NOUNS or not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return False
    if any(c.dep_ in ("acl", "ccomp", "relcl") and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
           or c.dep_ == "prep" and c.lower_ == "for" for c in noun.children):
        return True  # "no evidence that ...", "no basis for the claim"
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in EVIDENCE_GIVING_VERBS


def _under_praise(word: "Token") -> bool:
    """A fear named in a phrase of a positive judgment: 'a turning point in the fight against the threat of
    malaria', 'a victory over the danger of floods': what the good news overcomes, not a worry."""
    tok = word
    for _ in range(6):
        if tok.dep_ not in ("pobj", "prep", "compound", "nmod", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
        lemma = tok.lemma_.lower()
        if lemma in POSITIVE_EVALUATIONS or STANCE_LEMMAS.get(lemma) == "support" \
                or lemma == "point" and any(c.lower_ == "turning" for c in tok.children):
            return True
    return False


def _outweighed_or_conditional(word: "Token") -> bool:
    """A risk said to be outweighed ('the benefit outweighs the risk') or named in a condition ('approved
    when the benefit outweighs the risk', 'if there is a risk'): a rule or a weighing, not a voiced worry."""
    if word.dep_ == "dobj" and word.head.lemma_.lower() in OUTWEIGH_VERBS:
        return True
    tok = word
    for _ in range(8):
        if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in CONDITION_MARKS
                                       for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _accused_acts(span: "Span") -> set[str]:
    """Lemmas of acts a sentence accuses someone of or has them deny: 'accused X of hiding the spill',
    'denied that it was harbouring them', 'the charge of price gouging'."""
    acts: set[str] = set()
    for t in span:
        lemma = t.lemma_.lower()
        if not (t.pos_ == "VERB" and lemma in ACCUSING_VERBS or t.pos_ == "NOUN" and lemma in CHARGE_NOUNS):
            continue
        # "accused the firm of cutting wages": the parser often hangs the "of" phrase on the object
        objects = [c for c in t.children if c.dep_ == "dobj" and t.pos_ == "VERB"]
        for c in [*t.children, *(g for o in objects for g in o.children if g.dep_ == "prep")]:
            if c.pos_ == "VERB" and c.dep_ in ("ccomp", "xcomp", "dobj", "pcomp"):
                acts.add(c.lemma_.lower())
            elif c.dep_ == "prep" and c.lower_ in ("of", "for"):
                acts.update(g.lemma_.lower() for g in c.children if g.pos_ == "VERB" and g.dep_ in ("pcomp", "pobj"))
    return acts - LIGHT_VERBS


# words that make what follows "but" a criticism: "welcome but late", "a start but not enough", "too little"
CONTRAST_CRITICISM = frozenset("late slow little few short not no too never".split())
# on equal evidence a denial wins ("denied ramming the ship and accused X of provoking"); otherwise the order
# stance words were always weighed in (support before condemn before concern)
TIE_ORDER = ("deny", "support", "condemn", "concern")


def stance_of_scores(scores: dict[str, float]) -> str:
    best = max(TIE_ORDER, key=lambda k: scores[k])
    return best if scores[best] > 0 else "neutral"


def stance_of(text: str) -> str:
    """Stance of a bare text by its phrases and words (no parse): used where only text is at hand."""
    low = " ".join(re.findall(r"[\w']+", text.lower()))
    scores = {"support": 0.0, "condemn": 0.0, "deny": 0.0, "concern": 0.0}
    for phrase, stance in STANCE_PHRASES.items():
        if re.search(r"\b" + re.escape(phrase) + r"\b", low):
            scores[stance] += 1.5
    for word in low.split():
        stance = STANCE_VERBS.get(word) or STANCE_LEMMAS.get(word)
        if stance:
            scores[stance] += 1.0
    return stance_of_scores(scores)


def _denies_a_claim(verb: "Token") -> bool:
    """'denied the claim', 'rejected that ...', 'denied it': a denial of something said, not 'denied access'."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "obj", "xcomp")]
    if not objs:
        return True
    # "denied ramming the ship": denying an act one is accused of
    return any(o.dep_ in ("ccomp", "xcomp") or o.tag_ == "VBG"
               or o.lemma_.lower() in CLAIM_NOUNS | RESPONSIBILITY_NOUNS | ACCUSATION_NOUNS
               or o.lower_ in ("it", "this", "that", "them") for o in objs)


# deps of a word that states a judgment of something: "is wrong", "called it a mistake", a quote that is just "a disaster"
JUDGING_DEPS = frozenset({"acomp", "attr", "oprd", "ROOT", "appos", "conj", "xcomp", "ccomp"})
# groups or bundles whose modifier says whether they are help: "rescue team", "aid package", "relief convoy"
AID_GROUP_NOUNS = frozenset("team unit crew convoy package shipment consignment flight flights batch".split())
# modals that make an act an obligation or a possibility rather than something done or promised
UNREAL_MODALS = frozenset("shall must should would could may might".split())
# bodies one appeals to or challenges something before: "appealed to the tribunal", "challenge it in court"
COURT_NOUNS = frozenset("court courts tribunal judge judges panel".split())
# nouns of amount that 'good'/'great' quantify rather than judge: "a great deal of", "a good number of"
QUANTITY_NOUNS = frozenset("deal number majority many part share amount".split())
# adverbs that deny what they modify: "hardly a victory", "scarcely fair"
NEGATING_ADVERBS = frozenset("hardly scarcely barely never".split())
# verbs that name what something is: "called the package excessive", "labelled it a mistake"
CALL_VERBS = frozenset("call label brand term deem consider find declare".split())
# verbs whose object is the feeling one shows: "expressed disappointment", "voiced satisfaction"
EXPRESS_VERBS = frozenset("express voice show register convey".split())
# verbs that present a judgment with "as": "described the plan as reckless", "saw it as a victory"
DESCRIBE_VERBS = frozenset("describe denounce condemn criticize criticise hail praise welcome see view regard brand characterize characterise dismiss".split())


def _denied_by_no(tok: "Token") -> bool:
    """A word in a noun phrase that 'no' or 'without' rules out: 'no cause for alarm', 'without fear'."""
    for _ in range(4):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or \
                (tok.dep_ == "pobj" and tok.head.lower_ == "without"):
            return True
        if tok.dep_ not in ("pobj", "prep", "compound", "amod", "nmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _hedged_away(word: "Token") -> bool:
    """'hardly a victory', 'far from fair', 'is hardly good news': an adverb that takes the judgment back."""
    near = [word, word.head] + ([word.head.head] if word.dep_ == "amod" else [])
    if any(c.dep_ in ("advmod", "neg") and c.lower_ in NEGATING_ADVERBS for t in near for c in t.children):
        return True
    return word.dep_ == "pobj" and word.head.lower_ == "from" and word.head.head.lower_ == "far"


def _quoted_fragment(word: "Token") -> bool:
    """'"A disaster for tourism," said X': a quoted phrase the parser hangs on the speech verb is what was said."""
    head = word.head
    if head.i == word.i or head.lemma_.lower() not in SPEECH_LEMMAS or word.i > head.i:
        return False
    return any(t.text in "\"”’'»" for t in word.doc[word.right_edge.i + 1:head.i])


def _judged_thing(word: "Token") -> "Token | None":
    """What an evaluative word is said of: the copula's subject ('this ruling is a disaster'), the object
    of 'call' ('called the ruling wrong'), the noun an adjective qualifies ('a wrong decision')."""
    if word.dep_ == "conj" and word.head.i != word.i and word.head.i < word.i:
        return _judged_thing(word.head)  # "was slow, fragmented and underfunded": all said of the same thing
    if word.head.lower_ == "as" and word.head.head.i != word.head.i:  # "described the plan as a disaster"
        return next((c for c in word.head.head.children if c.dep_ == "dobj"), None)
    if word.dep_ == "amod" and word.i > word.head.i and word.head.dep_ == "dobj":  # 'called the fine "unjust"'
        return word.head
    pred = word.head if word.dep_ == "amod" else word
    if pred.dep_ in ("attr", "acomp", "oprd", "xcomp") and pred.head.i != pred.i:
        holder = pred.head
        # "called the budget a disaster": what is called, not the caller
        wanted = ("dobj",) if pred.dep_ == "oprd" else ("nsubj", "nsubjpass")
        return next((c for c in holder.children if c.dep_ in wanted), None)
    return pred if pred.pos_ in ("NOUN", "PROPN") else None


# judgment nouns that, with a modifier, may name a plain fault ("heart failure", "a power failure") unless the
# modifier is something one governs ("a policy failure", "a leadership failure", "a total failure")
FACTUAL_WHEN_MODIFIED = frozenset({"failure"})
JUDGED_DOMAINS = frozenset("""policy leadership political government governance management regulatory moral
intelligence security planning total complete utter abject systemic institutional collective""".split())


def _evaluation(word: "Token") -> str | None:
    """The stance a judging word states ('good day' support, 'deeply wrong' condemn), or None.

    Counts only in a predicate of what was said, never negated ('not a good day'), and not in a
    quantity ('a great deal of'); a misfortune word condemns a decision but voices concern about an event.
    """
    lemma, low = word.lemma_.lower(), word.lower_
    if low in ADJECTIVE_ONLY_EVALUATIONS and word.pos_ != "ADJ":
        return None
    if lemma in FACTUAL_WHEN_MODIFIED and any(c.dep_ in ("compound", "amod") for c in word.children) \
            and not any(c.lemma_.lower() in JUDGED_DOMAINS for c in word.children):
        return None  # "heart failure", "an equipment failure" name a fault; "a policy failure" judges
    if word.pos_ in ("VERB", "AUX") and word.dep_ not in ("acomp", "amod", "oprd"):
        return None  # "said they would win the appeal" is a forecast; "was disappointed" is a judgment
    if lemma in POSITIVE_EVALUATIONS or low in POSITIVE_EVALUATIONS:
        stance = "support"
    elif lemma in NEGATIVE_JUDGMENTS or low in NEGATIVE_JUDGMENTS:
        thing = _judged_thing(word)
        # "the figures are wrong" disputes a claim; "the ruling is wrong" condemns a decision
        stance = "deny" if thing is not None and thing.lemma_.lower() in CLAIM_NOUNS else "condemn"
    elif lemma in MISFORTUNE_WORDS or low in MISFORTUNE_WORDS or lemma in SHORTFALL_WORDS or low in SHORTFALL_WORDS:
        thing = _judged_thing(word)
        judged = DECISION_NOUNS | DECIDED_ACT_NOUNS
        if lemma in SHORTFALL_WORDS or low in SHORTFALL_WORDS:
            judged = judged | RESPONSE_NOUNS
        decided = thing is not None and thing.lemma_.lower() in judged
        stance = "condemn" if decided else "concern"
    elif lemma in NECESSITY_WORDS or low in NECESSITY_WORDS:
        measures = DECISION_NOUNS | DECIDED_ACT_NOUNS | RESPONSE_NOUNS
        thing = _judged_thing(word)
        if not (thing is not None and thing.lemma_.lower() in measures
                or word.dep_ == "amod" and word.head.lemma_.lower() in measures):
            return None  # "the flooding was inevitable", "rain is essential": no measure backed
        stance = "support"
    else:
        return None
    if word.dep_ == "amod" and word.head.lower_ != "as":
        noun = word.head
        quantity = noun.lemma_.lower() in QUANTITY_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of"
                                                                 for c in noun.children)
        # 'called the package "excessive"': an adjective after the object of 'call' is its predicate
        called = noun.dep_ == "dobj" and word.i > noun.i and noun.head.lemma_.lower() in CALL_VERBS
        if (noun.dep_ not in JUDGING_DEPS and not called) or quantity:  # "a great deal of", "a good number of"
            return None
        if is_negated(noun) or any(c.dep_ == "neg" for c in noun.head.children):
            return None
    elif word.dep_ in ("pobj", "amod", "acomp") and word.head.lower_ == "as" \
            and word.head.head.lemma_.lower() in DESCRIBE_VERBS:
        pass  # "described the royalty as a mistake", "denounced the ban as unjust"
    elif word.dep_ == "dobj" and word.head.lemma_.lower() in EXPRESS_VERBS:
        pass  # "expressed disappointment", "voiced its anger"
    elif word.dep_ not in JUDGING_DEPS and not _quoted_fragment(word):
        return None
    if is_negated(word) or _hedged_away(word):
        return None
    if word.dep_ in ("acomp", "attr") and any(c.lower_ == "it" for c in word.head.children if c.dep_ == "nsubj") \
            and any(c.dep_ in ("xcomp", "ccomp") for c in list(word.head.children) + list(word.children)):
        return None  # "it would be wrong to speculate": advice about talking, not a judgment of the event
    return stance


def _goes_to_law(verb: "Token") -> bool:
    """'filed a lawsuit', 'will seek a judicial review', 'lodged an appeal'; not 'launched an appeal for funds'."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() == "win":  # "is confident it will win the appeal": the one who appeals
        return any(o.lemma_.lower() in LEGAL_ACTION_NOUNS | LEGAL_WHEN_QUALIFIED for o in objs)
    if verb.lemma_.lower() not in LEGAL_ACTION_VERBS:
        return False
    for obj in objs:
        lemma = obj.lemma_.lower()
        if lemma == "appeal" and (any(c.dep_ == "prep" and c.lower_ == "for" for c in [*obj.children, *verb.children])
                                  or any(c.lower_ in PLEA_MODIFIERS for c in obj.children)):
            continue  # an appeal for donations, an emergency appeal: a plea
        if lemma in LEGAL_ACTION_NOUNS:
            return True
        if lemma in LEGAL_WHEN_QUALIFIED and any(c.lemma_.lower() in LEGAL_QUALIFIERS for c in obj.children):
            return True
    return False


def _contests(verb: "Token") -> bool:
    """'said it would appeal', 'will challenge the permit in court', 'sued the ministry', 'filed a lawsuit';
    not 'appealed for calm'."""
    if verb.pos_ != "VERB" or is_negated(verb):
        return False
    if _goes_to_law(verb):
        return True
    if verb.lemma_.lower() not in CONTEST_VERBS:
        return False
    if verb.lemma_.lower() == "appeal":
        # "appealed for calm", "appealed to residents to stay home": a plea, not a legal challenge
        plea = any((c.dep_ == "prep" and c.lower_ == "for") or c.dep_ in ("xcomp", "ccomp")
                   or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
                   for c in verb.children)
        # "appealed to the tribunal" contests; "the plan appealed to voters" attracts
        addressees = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                      if g.dep_ == "pobj"]
        attracts = any(g.pos_ != "PROPN" and g.lemma_.lower() not in COURT_NOUNS for g in addressees)
        return not plea and not attracts
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:  # "will fight" alone is no contest of a decision; "will challenge in court" is
        return verb.lemma_.lower() != "fight" or _in_court(verb)
    return obj.lemma_.lower() in DECISION_NOUNS | DECIDED_ACT_NOUNS | CLAIM_NOUNS or obj.lower_ in ("it", "this") \
        or (obj.pos_ == "PROPN" and verb.lemma_.lower() == "sue") or _in_court(verb)


def _in_court(verb: "Token") -> bool:
    return any(c.dep_ == "prep" and any(g.lemma_.lower() in COURT_NOUNS for g in c.children) for c in verb.children)


def _stands_by(verb: "Token") -> bool:
    """'stood by its decision', 'defended the ruling': backing what was decided."""
    if is_negated(verb):
        return False
    lemma = verb.lemma_.lower()
    if lemma == "stand":
        # "stands by its analysis" holds to one's own claim, it backs no decision
        return any(c.dep_ == "prep" and c.lower_ == "by" and not any(
            g.dep_ == "pobj" and g.lemma_.lower() in CLAIM_NOUNS for g in c.children) for c in verb.children)
    if lemma in DEFEND_VERBS:  # "defended the ruling", "defended the government's handling of the fire"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return obj is not None and obj.lemma_.lower() in DECISION_NOUNS | DECIDED_ACT_NOUNS | RESPONSE_NOUNS
    return False


def _urges(verb: "Token") -> str | None:
    """Asking someone to act on a decision: to undo it opposes it ('urged the council to scrap the plan'),
    to make it backs it ('called on the agency to approve the drug'); other requests take no side."""
    if verb.lemma_.lower() not in URGE_VERBS or is_negated(verb):
        return None
    for act in verb.subtree:
        if act.dep_ != "xcomp" or act.pos_ != "VERB" or verb.i not in (act.head.i, act.head.head.i):
            continue
        lemma = act.lemma_.lower()
        if lemma in REVERSAL_VERBS:
            return "condemn"
        asked = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma in ("review", "examine") and any(o.lemma_.lower() in COURT_NOUNS or o.text == "Court"
                                                   for o in asked):
            return "condemn"  # "will ask the Federal Court to review the decision": a legal challenge
        if lemma in ENACT_VERBS:
            return "support"
    return None


def _gives_aid(verb: "Token") -> bool:
    """Sending or offering help after a disaster takes the side of those hit: 'sent rescue teams',
    'offered assistance', 'offered to help'; not 'sent troops' or 'sent a letter'."""
    if verb.lemma_.lower() not in AID_VERBS or is_negated(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_ in UNREAL_MODALS for c in verb.children):
        return False  # "shall provide assistance", "could send help": an obligation or a possibility, not an act
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and _names_aid(c):
            return True
        if c.dep_ == "xcomp" and (c.lemma_.lower() in ("help", "assist") or _gives_aid(c)):
            return True
    return False


def _names_aid(noun: "Token", depth: int = 0) -> bool:
    """Whether an object is help: 'aid', 'rescuers', '$5 million in aid', 'tonnes of supplies', 'a relief
    convoy'; not 'funding figures' or 'troops'."""
    for head in (noun, *[c for c in noun.conjuncts if c.i > noun.i]):
        lemma = head.lemma_.lower()
        if lemma in AID_NOUNS:
            return True
        if lemma in AID_GROUP_NOUNS and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in AID_NOUNS
                                            for c in head.children):
            return True  # "rescue teams", "an aid package", "humanitarian convoy"
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in") and depth < 2):
            if any(p.dep_ == "pobj" and _names_aid(p, depth + 1) for p in prep.children):
                return True
    return False


def _solidarity(tok: "Token") -> bool:
    """'Their pain is our pain', 'your fight is our fight': making another's plight one's own."""
    if tok.dep_ != "attr" or not any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in tok.children):
        return False
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() == tok.lemma_.lower()


def _acts_for_speaker(verb: "Token", speech_verbs: list["Token"], speaker: str | None = None,
                      country: str | None = None) -> bool:
    """Whether an act in what was said is the speaker's own: 'said it would appeal', 'we will appeal',
    'vowed to fight it', 'Acme will appeal, a company spokeswoman said' (Acme speaking);
    not 'said the appeal would waste money defending a law'."""
    speech_ids = {v.i for v in speech_verbs}
    for _ in range(5):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.pos_ == "PROPN" and speaker:
                return subj.text in speaker or speaker in tokens_text(subj.subtree) or _same_state(subj, country)
            return subj.pos_ == "PRON" and subj.lower_ in ("i", "we", "it", "he", "she", "they")
        if verb.head.i == verb.i or verb.i in speech_ids:
            return True
        verb = verb.head
        if verb.i in speech_ids:
            return True
    return False


def _acts_against(verb: "Token") -> bool:
    """'voted against the bill', 'would use every lever against the deal', 'campaigned against the merger':
    acting against a decision opposes it; not 'protection against floods' or 'ruled against the advice'."""
    if verb.pos_ != "VERB" or is_negated(verb) or verb.lemma_.lower() in LIGHT_VERBS:
        return False
    places = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # the parser may hang it on the object
    return any(c.dep_ == "prep" and c.lower_ == "against" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in DECISION_NOUNS | DECIDED_ACT_NOUNS for g in c.children)
        for p in places for c in p.children)


def _threatens_response(verb: "Token") -> bool:
    """'We will respond in proportion and without delay', 'will react firmly': a promised countermeasure."""
    if verb.lemma_.lower() not in RESPONSE_VERBS or is_negated(verb) or verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() in ("hit", "strike") and not any(c.lower_ == "back" for c in verb.children):
        return False  # only "hit back", "strike back"
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children):
        return False
    return any(t.lower_ in RESPONSE_MANNER for c in verb.children if c.dep_ in ("advmod", "prep", "conj", "prt")
               for t in c.subtree) or any(c.lower_ == "back" for c in verb.children)


def act_stance(verb: "Token") -> str | None:
    """The stance of a verb that acts rather than speaks: contesting, standing by, urging, giving aid."""
    if _acts_against(verb) or _threatens_response(verb):
        return "condemn"
    if _contests(verb):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        # challenging a decision opposes it; challenging findings or claims disputes them
        return "deny" if obj is not None and obj.lemma_.lower() in CLAIM_NOUNS else "condemn"
    if _stands_by(verb) or _gives_aid(verb):
        return "support"
    return _urges(verb)


def _is_act_verb(tok: "Token") -> bool:
    return tok.pos_ == "VERB" and (_gives_aid(tok) or _contests(tok) or _stands_by(tok) or _acts_against(tok))


# ---------------------------------------------------------------- quotes

def quote_in(text: str, speaker_at: int | None = None) -> str | None:
    """The longest quoted passage of a sentence; robust to an unclosed or stray quote mark."""
    found = [m.group(1).strip(" ,.;:") for m in QUOTE_RE.finditer(text)]
    found = [q for q in found if len(q) >= 2]
    if found:
        return max(found, key=len)
    if not any(ch in text for ch in OPEN_QUOTES + "”"):
        singles = [m.group(1).strip(" ,.;:") for m in SINGLE_QUOTE_RE.finditer(text)]
        singles = [q for q in singles if len(q.split()) >= 2]
        if singles:
            return max(singles, key=len)
    marks = [i for i, ch in enumerate(text) if ch in OPEN_QUOTES or ch == "”"]
    if len(marks) != 1:
        return None
    at = marks[0]
    closing = text[at] == "”" or (text[at] == '"' and at > 0 and not text[at - 1].isspace()
                                  and (at + 1 == len(text) or not text[at + 1].isalnum()))
    if at <= 1:  # quote-first sentence whose closing mark is missing: up to the attribution
        end = speaker_at if speaker_at and speaker_at > at else len(text)
        piece = text[at + 1:end]
    elif closing:  # a quote that opened in an earlier sentence and closes here
        piece = text[:at]
    else:
        piece = text[at + 1:]
    piece = piece.strip(" ,.;:\"“”")
    return piece if len(piece.split()) >= 2 else None


# ---------------------------------------------------------------- speakers

class SpeakerMemory:
    """Who was named last in the document, for resolving 'he said' and 'the statement said'."""

    def __init__(self) -> None:
        self.person: str | None = None
        self.person_age = 99
        self.speaker: str | None = None
        self.speaker_is_person = False
        self.speaker_age = 99
        self.body: str | None = None  # the body last named as a sentence's subject: who 'its chief' works for
        self.body_age = 99
        self.speaks_for: dict[str, str] = {}  # person -> the body they were named speaking for or leading

    def next_sentence(self) -> None:
        self.person_age += 1
        self.speaker_age += 1
        self.body_age += 1

    def saw_body(self, name: str) -> None:
        self.body, self.body_age = name, 0

    def saw_person(self, name: str) -> None:
        self.person, self.person_age = name, 0

    def spoke(self, name: str, is_person: bool) -> None:
        self.speaker, self.speaker_is_person, self.speaker_age = name, is_person, 0
        if is_person:
            self.saw_person(name)
        else:
            self.saw_body(name)


DATELINE_RE = re.compile(r"^[A-Z][A-Z .'-]{2,}\s+[-–—]+\s+")
# a live blog's entry heading: "18:10 — Insurers warn of ...", "9.45am - Minister arrives": a headline, not a
# statement (behind markdown heading or bullet marks, with an optional am/pm and time zone)
TIMESTAMP_HEADING_RE = re.compile(
    r"^\s*(?:#+\s*|[*-]\s+)?\**\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}\s*)?[-–—|:]")


def clean_name(text: str) -> str:
    text = DATELINE_RE.sub("", text.strip()).strip("\"“”‘’'")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    text = re.sub(r"[’']s$", "", text)
    return text.strip(" ,.")


# generic nouns that stand in for a body just named ("the bloc", "the agency"); not "the government" or "the
# army", which name a state's own organs
STAND_IN_NOUNS = frozenset("""bloc agency body organisation organization alliance coalition federation association
group company firm charity""".split())
# words that join the parts of one name: an entity that ends in one runs on into the next
NAME_JOINERS = frozenset({"and", "&", "of", "for"})


def _entity_for(tok: "Token", sent: "Span") -> "Span | None":
    """The speaker-like entity a token is part of, read from its IOB tags (no scan of all entities)."""
    if tok.ent_type_ not in SPEAKER_LABELS:
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while True:
        while doc[start].ent_iob_ == "I" and start > sent.start:
            start -= 1
        # NER may cut a name at a joining word: "[The Canadian Dockers and] [Harbour Workers Union]"
        if start - 1 > sent.start and doc[start - 1].lower_ in NAME_JOINERS and doc[start - 1].ent_iob_ == "I" \
                and doc[start - 1].ent_type_ == tok.ent_type_:
            start -= 1
            continue
        break
    while True:
        while end < sent.end and doc[end].ent_iob_ == "I":
            end += 1
        if end < sent.end and doc[end - 1].lower_ in NAME_JOINERS and doc[end].ent_iob_ == "B" \
                and doc[end].ent_type_ == tok.ent_type_:
            end += 1
            continue
        break
    from spacy.tokens import Span

    return Span(doc, start, end, label=tok.ent_type_)


def _entity_in_phrase(head: "Token", sent: "Span") -> "Span | None":
    """The entity a subject phrase names: the head itself, then its modifiers, then anything inside."""
    ent = _entity_for(head, sent)
    if ent is not None and all(t.is_lower for t in ent):
        # "Rwanda's health ministry": NER took the common-noun body for a name; its named owner speaks
        owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ in SPEAKER_LABELS), None)
        if owner is not None:
            return _entity_for(owner, sent)
    if ent is not None:
        return ent
    for dep_group in (("compound", "poss", "amod", "nmod"), ("prep",)):
        for child in head.children:
            if child.dep_ not in dep_group:
                continue
            for t in child.subtree:
                ent = _entity_for(t, sent)
                if ent is not None:
                    return ent
    for t in _own_subtree(head):
        ent = _entity_for(t, sent)
        if ent is not None:
            return ent
    return None


def _own_subtree(head: "Token") -> list["Token"]:
    """A phrase without the phrases coordinated with it: 'rival banks' of 'rival banks and the Retail Council'."""
    others = {t.i for c in head.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in head.subtree if t.i not in others]


@dataclass
class DocNames:
    """Each document's named people and organisations, gathered once: (offset, text, the 60 characters before)."""

    people: list[tuple[int, str, str]]
    orgs: list[tuple[int, str]]
    surnames: dict[str, str]


def doc_names(ctx: "DocContext") -> DocNames:
    cached = getattr(ctx, "_reaction_names", None)
    if cached is not None:
        return cached
    people, orgs, surnames = [], [], {}
    for s in ctx.sentences:
        for ent in s.span.ents:
            at = s.start + ent.start_char - s.span.start_char
            if ent.label_ == "PERSON":
                before = s.span.doc.text[max(0, ent.start_char - 60):ent.start_char].lower().rstrip()
                people.append((at, ent.text, before))
                words = ent.text.split()
                if len(words) > 1:
                    surnames.setdefault(words[-1], ent.text)
            elif ent.label_ == "ORG":
                orgs.append((at, ent.text))
    names = DocNames(people, orgs, surnames)
    setattr(ctx, "_reaction_names", names)
    return names


def _person_by_title(phrase: str, ctx: "DocContext", actors: list[Actor], before: int) -> str | None:
    """'the Russian president' -> the person the document introduces as 'Russian President X'.

    Tries the whole title phrase, then its head word alone ("leader X"); the latest such person
    before the sentence wins, else the first after it.
    """
    words = clean_name(phrase).lower()
    if not words or len(words.split()) > 5:
        return None
    for a in actors:
        if a.kind == "person" and a.role and a.role.lower().endswith(words):
            return a.name
    for wanted in (words, words.split()[-1]):
        found = [(at, text) for at, text, ahead in doc_names(ctx).people if ahead.endswith(wanted)]
        if found:
            earlier = [f for f in found if f[0] < before]
            return clean_name((earlier[-1] if earlier else found[0])[1])
    return None


def _body_by_head_noun(noun: str, ctx: "DocContext", before: int) -> str | None:
    """'the regulator', 'the ministry': the organisation named earlier in the article with that word in its name."""
    found = None
    for at, text in doc_names(ctx).orgs:
        if at >= before:
            break
        if noun in {w.lower() for w in text.split()}:
            found = clean_name(text)
    outlet = ctx.document.outlet or ""
    if found is None and noun in {w.lower() for w in outlet.split()} and body_outlet(outlet):
        found = outlet  # 'The Ministry rejects ...' in the ministry's own release: its issuer
    return found


def _is_carrier(name: str, head: "Token", ctx: "DocContext") -> bool:
    """An outlet that only carries the story: the article's own outlet, a wire service, 'the X portal'."""
    low = name.lower()
    outlet = (ctx.document.outlet or "").lower()
    # a release published by the body itself ("X Association", "Ministry of Y"): its words are its own
    own_release = body_outlet(outlet)
    if outlet and (low in outlet or outlet in low) and not own_release:
        return True
    if low in NEWS_OUTLETS or low.split()[0] in NEWS_OUTLETS and len(low.split()) <= 2:
        return True
    # "the Moscow Times portal": a media noun heads the subject and no state-media cue is present
    words = {t.lower_ for t in head.subtree}
    return head.lower_ in MEDIA_NOUNS and "state" not in words and head.lower_ != "agency"


def resolve_subject(subj: "Token", sent: "Sentence", ctx: "DocContext", actors: list[Actor],
                    memory: SpeakerMemory) -> tuple[str, bool] | None:
    """(speaker name, is a person) for a subject token, or None when it names nobody we can tell. A person the
    article named speaking for a body ('Acme spokeswoman Ana Ruiz') speaks for it again as 'she' or 'Ms Ruiz'."""
    who = _resolve_subject(subj, sent, ctx, actors, memory)
    if who and who[1] and memory.speaks_for:
        last = who[0].split()[-1]
        body = memory.speaks_for.get(who[0]) or next(
            (b for p, b in memory.speaks_for.items() if p.split()[-1] == last), None)
        if body:
            return body, False
    return who


def _resolve_subject(subj: "Token", sent: "Sentence", ctx: "DocContext", actors: list[Actor],
                     memory: SpeakerMemory) -> tuple[str, bool] | None:
    span = sent.span
    low = subj.lower_
    if low in PERSON_PRONOUNS:
        # "Okafor rejected the charge. '...,' he insisted.": a bare surname that spoke just before is who 'he'
        # is, unless a person was named since
        last = memory.speaker
        if last and memory.speaker_age <= 1 and memory.speaker_age < memory.person_age and _bare_surname(last, actors) \
                and not any(text == last for _, text in doc_names(ctx).orgs):
            return last, True
        if memory.person and memory.person_age <= 3:
            return memory.person, True
        return None
    if subj.pos_ == "PRON":
        # "The Secretariat has issued a statement. It says ...": 'it' is the body that just spoke
        if low == "it" and memory.speaker and not memory.speaker_is_person and memory.speaker_age <= 1:
            return memory.speaker, False
        return None
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in GENERIC_BODY_NOUNS | ORG_HEADS \
            and _entity_for(subj, span) is None and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another", "some") for c in subj.children):
        return None  # "an estimate by a major Canadian bank": an unnamed body, not the country its adjective names
    if subj.lemma_.lower() in STATEMENT_NOUNS:
        agent = next((t for t in subj.subtree if t.dep_ == "pobj" and t.head.lower_ == "by"), None)
        if agent is not None:
            return resolve_subject(agent, sent, ctx, actors, memory)
        ent = _entity_in_phrase(subj, span)
        if ent is not None:
            return clean_name(ent.text), ent.label_ == "PERSON"
        if memory.speaker and memory.speaker_age <= 2:
            return memory.speaker, memory.speaker_is_person
        return None
    heads = [subj] + [c for c in subj.children if c.dep_ == "appos"]
    if subj.pos_ in ("PROPN", "NOUN"):
        recent_body = memory.body if memory.body_age <= 2 else None
        body = _spokesperson_body(heads, span, recent_body)
        if body:  # "spokeswoman Ana Ruiz of the Port Authority": her words are the body's
            person = next((e for e in (_entity_for(h, span) for h in heads) if e is not None
                           and e.label_ == "PERSON"), None)
            if person is not None:
                name = _person_name(clean_name(_widened(person)))
                memory.speaks_for[name] = body
                memory.saw_person(name)  # 'she said' next is this person, so her body again
            return body, False
        if body == "" and memory.speaker and not memory.speaker_is_person and memory.speaker_age == 1 \
                and not _names_party(span, memory.speaker):
            # "The ministry denied it. '...,' spokeswoman Ana Ruiz said.": a spokesperson of no stated body
            # speaks for the body that spoke just before, unless the words are about that body ("Spokesman X
            # said the North Korean deployment was a crime" after a sentence read as North Korea's)
            return memory.speaker, False
        if body == "" and memory.body and memory.body_age == 1 and memory.speaker_age > 1 \
                and not _names_party(span, memory.body):
            # "The Harbour Board held a briefing. Spokesman X said ...": the body the sentence before was about
            return memory.body, False
    people = [e for e in (_entity_for(h, span) for h in heads) if e is not None and e.label_ == "PERSON"
              and e[-1].lower_ not in ORG_HEADS]  # "the ASEAN Secretariat" tagged as a person is a body
    if people:  # "Chief of the General Staff Valery Gerasimov": the named person heads the phrase
        # a named subject keeps its own name: in "Professor X of Y University Z" the place Z may be tagged a
        # person and parsed as X's appositive
        own = people[0] if subj.pos_ == "PROPN" and people[0].start <= subj.i < people[0].end else people[-1]
        return _person_name(_widened(own)), True
    named = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None and subj.pos_ in ("NOUN", "PROPN") and _entity_for(subj, span) is None:
        # "The UN Secretary-General, Ana Lindqvist, condemned", "the mining company Orex": the appositive names it
        name = clean_name(_proper_name(named))
        if subj.lower_ in TITLE_WORDS or subj.lower_ in PERSON_NOUNS or _looks_like_person(name, None, actors):
            return _full_name(_person_name(name), ctx), True
        return name, False
    phrase = tokens_text([t for t in _own_subtree(subj) if t.dep_ not in ("relcl", "appos", "prep")])
    if subj.lower_ in TITLE_WORDS and _entity_for(subj, span) is None:
        # "the Russian president", "the North Korean leader": the person the article introduced so
        person = _person_by_title(phrase, ctx, actors, sent.start)
        if person:
            return person, True
    ent = _entity_in_phrase(subj, span)
    if subj.pos_ == "PROPN" and subj.lower_ in GENERIC_BODY_NOUNS | ORG_HEADS and len(list(subj.children)) == 1 \
            and any(c.lower_ == "the" for c in subj.children) and (ent is None or ent.text.lower() == subj.lower_):
        body = _body_by_head_noun(subj.lower_, ctx, sent.start)
        if body:  # "The Ministry said": capitalised as a house style, still the ministry named before
            return body, False
    if ent is None and subj.pos_ == "NOUN" and any(c.lower_ == "the" for c in subj.children):
        body = _body_by_head_noun(subj.lower_, ctx, sent.start)
        if body:  # "the regulator said" after "the Digital Content Regulator"
            return body, False
        if subj.lower_ in STAND_IN_NOUNS and memory.speaker and not memory.speaker_is_person \
                and memory.speaker_age <= 2 and len(list(subj.children)) == 1:
            return memory.speaker, False  # "ASEAN said ... The bloc added": the body that just spoke
    if ent is not None and subj.pos_ == "NOUN" and subj.lower_ not in PERSON_NOUNS and subj.lower_ not in TITLE_WORDS \
            and not any(c.dep_ in ("compound", "poss", "amod") for c in subj.children if ent.start <= c.i < ent.end) \
            and not ent.start <= subj.i < ent.end:
        # "Residents of X say": the speakers are the residents, not the place
        return clean_name(tokens_text(t for t in _own_subtree(subj) if t.dep_ not in ("relcl", "appos", "punct")
                                      and not _inside_relcl(t, subj))), False
    # a lower-case head the tagger took for a name ("Norland's foreign ministry") is a common noun: its owner speaks
    if subj.pos_ == "PROPN" and not subj.is_lower and (ent is None or not ent.start <= subj.i < ent.end
                                 or len(_proper_name(subj)) > len(ent.text)):
        # a name NER missed or cut ("Hong Min of the institute", "the Southern African Editors' Council")
        name = clean_name(_proper_name(subj))
        if _looks_like_person(_person_name(name), None, actors):
            return _full_name(_person_name(name), ctx), True
        return name, False
    if ent is not None and ent.label_ in ("NORP", "GPE") and subj.pos_ == "NOUN" and subj.tag_ == "NNS" \
            and not ent.start <= subj.i < ent.end \
            and subj.lemma_.lower() in (LOCAL_PLACE_NOUNS | BYSTANDER_NOUNS) - STAKEHOLDER_GROUPS:
        return None  # "Danish shops say", "Danish shoppers say": people or shops of a country, not its state
    if ent is not None:
        name = clean_name(_widened(ent))
        if ent.label_ == "PERSON":
            name = _full_name(_person_name(name), ctx)
        if not name or _is_carrier(name, subj, ctx):
            return None
        return name, _looks_like_person(name, ent.label_, actors)
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in STAKEHOLDER_GROUPS and subj.tag_ == "NNS":
        # "Parents' groups welcomed the recall", "Farmers said ...": a side in the story without a name
        words = [t for t in subj.subtree if t.i <= subj.i and t.dep_ not in ("det", "punct", "relcl", "appos")]
        if len(words) <= 4:
            return _capitalise_first(tokens_text(words)), False
    return None


def _bare_surname(name: str, actors: list[Actor]) -> bool:
    """A one-word capitalised name that no actor or name ending marks as a body: 'Okafor', not 'Acme Corp'."""
    if " " in name or not name[:1].isupper() or name.isupper() or name.lower() in ORG_HEADS:
        return False
    for a in actors:
        if a.name == name or name in a.aliases:
            return a.kind == "person"
    return True


def _names_party(sent: "Span", party: str) -> bool:
    """Whether a sentence names ``party`` (or, for a country, its people) as the owner or kind of a thing it
    talks about ('the North Korean deployment', "Norland's troops"): words about that party's doings, which
    its own spokesperson would not put so ('"Norland does not shelter criminals," spokeswoman X said' is)."""
    from briefing.extract import entities as ents

    low = party.lower()
    country = ents.country_of(party)
    for ent in sent.ents:
        if ent.root.dep_ not in ("amod", "compound", "poss", "nmod"):
            continue
        if ent.text.lower().removesuffix("'s").removesuffix("’s") == low:
            return True
        form = ents.country_of(ent.text)
        if country is not None and form is not None and form.country == country.country:
            return True
    return False


def _is_role_word(tok: "Token") -> bool:
    """A word naming one who speaks for or runs a body: 'spokeswoman', 'chief executive', 'secretary-general'."""
    low = tok.lower_
    if low in SPOKESPERSON_WORDS or low in BODY_LEADER_WORDS:
        return True
    # "secretary-general", "director-general" come as three tokens
    return low == "general" and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ in ("secretary", "director")


def _body_before_role(role: "Token", heads: list["Token"]) -> str | None:
    """The body a name before the role words stands for: 'Harbour Authority port spokesperson X', 'Acme chief
    executive X', 'Ministry of Health spokeswoman X', 'EBMA Secretary-General X'; None for 'Chief Executive
    Officer X' or 'Russian foreign ministry spokesman X' (no proper name of a body before the title)."""
    inside = {t.i for h in heads for t in h.subtree}
    doc = role.doc
    i = role.i - 1
    # back over the rest of the title: lower-case words ('trade', 'chief') and capitalised title words
    while i >= 0 and i in inside and (doc[i].is_lower or doc[i].text == "-" or doc[i].lower_ in TITLE_WORDS
                                      or _is_role_word(doc[i]) or doc[i].lower_ in TITLE_MODIFIERS):
        i -= 1
    end = i + 1
    while i >= 0 and i in inside and (doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
                                      or doc[i].lower_ in NAME_JOINERS and i + 1 < end):
        i -= 1
    start = i + 1
    while start < end and doc[start].lower_ in NAME_JOINERS:
        start += 1
    if start >= end or doc[start].ent_type_ == "PERSON" and doc[end - 1].ent_type_ == "PERSON" \
            and any(t.ent_iob_ == "I" for t in doc[start + 1:end]):
        return None  # "Mayor Lin spokesperson": a person's spokesperson is not handled here
    return clean_name(doc[start:end].text) or None


def _spokesperson_body(heads: list["Token"], sent: "Span", recent_body: str | None = None) -> str | None:
    """The body a named spokesperson or head of a body speaks for when the sentence states it: 'spokeswoman X
    of Y', 'X, a spokesman for Y', 'Y's spokesperson X', 'Y chief executive X', 'its secretary-general, X'
    (the body just named); "" when the sentence names no body at all for a spokesperson."""
    roles = [t for h in heads for t in [h, *h.children] if _is_role_word(t)]
    roles += [t for h in heads for t in h.subtree if t.i < h.i and t.dep_ in ("compound", "nmod", "amod")
              and _is_role_word(t) and t not in roles]
    if not roles:
        return None
    words = [t for t in roles if t.lower_ in SPOKESPERSON_WORDS]
    stated = False
    for word in roles + heads:
        for c in word.children:
            owner = c if c.dep_ == "poss" else next(
                (g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" and c.lower_ in ("of", "for") else None
            if owner is None:
                continue
            stated = True
            if owner.lower_ in ("its", "their"):
                if recent_body:  # "The association stands by its figures. Its secretary-general, X, said"
                    return recent_body
                continue
            ent = _entity_for(owner, sent)
            if ent is not None and ent.label_ == "PERSON":
                if any(h.pos_ == "PROPN" for h in heads):
                    continue  # "X, deputy spokesperson for Secretary-General Y": the named spokesperson speaks, not Y
                return _person_name(clean_name(_widened(ent)))  # "a spokesperson for Mayor Lin": for Lin
            if ent is not None and ent.label_ in ("ORG", "GPE", "NORP"):
                return clean_name(_widened(ent))
            if owner.pos_ == "PROPN" and owner.text[:1].isupper():
                return clean_name(_proper_name(owner))
    if not stated and any(h.pos_ == "PROPN" for h in heads):
        first = min(roles, key=lambda t: t.i)
        body = _body_before_role(first, heads)
        if body:
            return body
    if not words:
        return None  # a leader with no body stated stays the person ("Chief Executive Officer X said")
    # "" for a spokesperson with no body named at all (not "of the ministry", not "Acme spokesman X"),
    # None when one is named that we cannot resolve
    first = min(w.i for w in words)
    named_before = any(t.pos_ in ("PROPN", "NOUN") and t.lower_ not in SPOKESPERSON_WORDS | TITLE_WORDS
                       for h in heads for t in h.subtree if t.i < first)
    return None if stated or named_before else ""


def _capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _inside_relcl(tok: "Token", top: "Token") -> bool:
    while tok.i != top.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "appos", "acl"):
            return True
        tok = tok.head
    return False


def _widened(ent: "Span") -> str:
    """An entity grown over name parts NER left out: 'Asante-Mensah' for 'Mensah', 'Médecins Sans Frontières'."""
    doc, start = ent.doc, ent.start
    while start > 0:
        prev = doc[start - 1]
        if prev.text in "-‐‑" and start > 1 and not prev.whitespace_ and not doc[start - 2].whitespace_:
            start -= 2
        elif prev.pos_ in ("PROPN", "NOUN") and prev.text[:1].isupper() and prev.dep_ == "compound" \
                and prev.head.i >= ent.start and prev.ent_type_ == "":
            start -= 1
        else:
            break
    return doc[start:ent.end].text


def _full_name(name: str, ctx: "DocContext") -> str:
    """A surname alone ("Mokoena said") as the full name the article gave the person ("Thandiwe Mokoena")."""
    if " " in name:
        return name
    full = doc_names(ctx).surnames.get(name)
    return _person_name(full) if full else name


def _person_name(text: str) -> str:
    """A person's name without the titles NER sometimes keeps: 'Kasese Woman MP Winnie Bwambale' -> 'Winnie Bwambale'."""
    words = clean_name(text).split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower().strip(".") in TITLE_WORDS | HONORIFICS), default=0)
    return " ".join(words[cut:]) or clean_name(text)


def _proper_name(head: "Token") -> str:
    """The capitalised words that end in a proper-noun head: its compound, adjective and possessive modifiers."""
    start = head.i
    for c in sorted(head.lefts, key=lambda t: -t.i):  # nearest modifier first
        if c.dep_ == "det":
            continue
        toks = [t for t in c.subtree if t.dep_ != "det"]
        if c.dep_ not in ("compound", "amod", "poss", "nmod") or not toks or \
                not all(t.text[:1].isupper() or t.dep_ == "case" or t.text in "-&" for t in toks) or \
                (toks[0].is_sent_start and toks[0].pos_ not in ("PROPN", "NOUN")):
            break
        start = toks[0].i
    return head.doc[start:head.i + 1].text


def _looks_like_person(name: str, label: str | None, actors: list[Actor]) -> bool:
    """A person by the actors' kind when known, else by NER, else by the shape of the name."""
    for a in actors:
        if a.name == name or name in a.aliases:
            return a.kind == "person"
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ORG_HEADS:
        return False  # "the ASEAN Secretariat" is a body whatever NER says
    if label is not None and label != "ORG":
        return label == "PERSON"
    return 2 <= len(words) <= 3 and words[-1].lower() not in ORG_HEADS and not name.isupper() \
        and all(w[:1].isupper() for w in words)


def _speech_verbs(span: "Span") -> list["Token"]:
    """Reporting and stance verbs of a sentence, and verbs that act on the event (appealing, sending aid),
    main verb first."""
    verbs = [t for t in span if (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_LEMMAS
                                 or _is_act_verb(t) and _in_main_clause(t))
             and _in_speech_position(t) and (not is_negated(t) or t.lemma_.lower() in BACKING_VERBS)]
    return sorted(verbs, key=lambda t: (t.dep_ != "ROOT", t.i))


def _in_main_clause(verb: "Token") -> bool:
    """An act the sentence itself reports ('Japan sent rescuers'), not one inside what someone says
    ('the treaty says both shall provide assistance')."""
    while verb.head.i != verb.i:
        if verb.dep_ not in ("conj", "advcl", "parataxis"):
            return False
        verb = verb.head
    return True


def _in_speech_position(verb: "Token") -> bool:
    """A main, conjoined or reported clause; or an infinitive of saying under 'declined to', 'refused to'."""
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children):
        return False  # "Rwanda closed its border hours after the WHO declared an emergency": when, not a reaction
    if verb.dep_ in SPEECH_DEPS:
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SPEECH_CONTROL_VERBS


# words opening a clause that dates the main one: a speech inside it is background, not the sentence's reaction
TIME_MARKS = frozenset("after before since until once".split())


def _speaker_subject(verb: "Token") -> "Token | None":
    """The verb's subject, or the subject it shares with the clause it hangs from: 'declined to comment',
    '..., noting that', 'said ... and added'. A clause opened by a conjunction ('while X insisted') has its own."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            # '"A disaster," said the Guild': the parser may take the quoted words for a second subject
            return _person_before_of(next((c for c in subjects if c.pos_ in ("PROPN", "PRON") or c.ent_type_),
                                          subjects[0]))
        if any(c.dep_ in ("nsubjpass", "expl", "csubj") for c in verb.children) or verb.head.i == verb.i:
            return None
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SPEECH_CONTROL_VERBS:
            verb = verb.head
        elif verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            verb = verb.head  # "launched an appeal to provide shelter": who launched it provides it
        elif verb.dep_ in ("advcl", "conj") and verb.tag_ in ("VBG", "VBD", "VBZ", "VBP") \
                and not any(c.dep_ == "mark" for c in verb.children):
            if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_.lower() in SPEECH_LEMMAS:
                verb = verb.head  # "said drivers had waited ... and warned": the one who said it warned
            verb = verb.head
        else:
            return None
    return None


def _person_before_of(subj: "Token") -> "Token":
    """The person a misparsed subject hangs from: in 'Professor X of Y University Z said' the parser may make the
    place name Z the subject, with the person X as its modifier; X, who has the 'of' phrase, is the subject."""
    if subj.pos_ != "PROPN":
        return subj
    for c in subj.children:
        if c.dep_ in ("nmod", "compound") and c.i < subj.i and c.ent_type_ == "PERSON" \
                and any(g.dep_ == "prep" and g.lower_ in ("of", "at") for g in c.children):
            return c
    return subj


def _relative_clause_verbs(subj: "Token") -> list["Token"]:
    """Speech or act verbs in a relative clause on the speaker: 'X, which had urged the regulator to ...'."""
    out = []
    for c in subj.children:
        if c.dep_ == "relcl" and c.pos_ == "VERB" and any(
                g.dep_ == "nsubj" and g.tag_ in ("WDT", "WP") for g in c.children) \
                and (c.lemma_.lower() in SPEECH_LEMMAS or act_stance(c)):
            out.append(c)
    return out


def _reported_by(verb: "Token", speeches: list["Speech"]) -> bool:
    """Whether a verb sits inside what an earlier speaker said ('X said Y condemned ...'), not beside it
    ('X welcomed ..., while Y insisted ...')."""
    claimed = {v.i for sp in speeches for v in sp.verbs}
    tok, nested = verb, False
    while tok.head.i != tok.i:
        nested = nested or tok.dep_ not in ("conj", "advcl", "parataxis")
        tok = tok.head
        if tok.i in claimed:
            return nested
    return bool(claimed) and nested  # under no earlier speaker: reported only if it sits in a clause


def _same_speaker_verbs(verb: "Token") -> list["Token"]:
    """The verb and verbs that share its subject: 'said ... and denounced', 'demanded ..., adding that'."""
    out = [verb]
    for c in verb.children:
        if c.dep_ in ("conj", "advcl") and c.pos_ == "VERB" and not any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            out.append(c)
        # "said the government would take X, and accused the judges": a past-tense verb conjoined to a
        # reported clause in another tense belongs to the speaker (a frequent mis-attachment)
        if c.dep_ == "ccomp" and (c.tag_ != "VBD" or any(a.tag_ == "MD" for a in c.children)):
            out.extend(g for g in c.children if g.dep_ == "conj" and g.tag_ == "VBD" and verb.tag_ == "VBD"
                       and not any(x.dep_ in ("nsubj", "nsubjpass") for x in g.children))
        elif c.dep_ == "ccomp" and not _can_speak(_own_subject(c)):
            # "said the duty complied with the rules and denied that ...": a duty cannot deny; the speaker did
            out.extend(g for g in c.children if g.dep_ == "conj" and g.lemma_.lower() in SPEECH_LEMMAS
                       and not any(x.dep_ in ("nsubj", "nsubjpass") for x in g.children))
    return out


def _own_subject(verb: "Token") -> "Token | None":
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _can_speak(subj: "Token | None") -> bool:
    """Whether a subject could say or deny something: a person, a body, a pronoun; not 'the duty'."""
    if subj is None:
        return True
    return subj.pos_ in ("PROPN", "PRON") or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
        or subj.lemma_.lower() in PERSON_NOUNS or subj.lemma_.lower() in STAKEHOLDER_GROUPS


def _content(verbs: list["Token"], span: "Span") -> list["Token"]:
    """What the speaker said: the verbs' clauses and objects (not their subject), or the whole sentence."""
    toks: set["Token"] = set()
    declined = False
    for v in verbs:
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in SPEECH_CONTROL_VERBS and v.head.lemma_.lower() in (
                "decline", "refuse"):
            declined = True
            continue  # "declined to comment on the lawsuit": what one did not talk about is no stance
        for c in v.children:
            if c in verbs or c.dep_ in ("nsubj", "nsubjpass", "punct", "aux", "neg"):
                continue
            if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue  # another speaker's clause: "X confirmed ..., and Y is thanking ..."
            toks.update(c.subtree)
    return sorted(toks, key=lambda t: t.i) or ([] if declined else list(span))


def _quoted_tokens(span: "Span") -> list["Token"]:
    """Tokens inside quote marks: the speaker's own words count toward stance."""
    out, inside = [], False
    for t in span:
        if t.text in "\"“”„«»":
            inside = not inside if t.text == '"' else t.text in "“„«"
            continue
        if inside:
            out.append(t)
    return out


def _unnamed_spokesperson_for(subj: "Token", verb: "Token", sent: "Sentence", ctx: "DocContext",
                              actors: list[Actor], memory: SpeakerMemory) -> tuple[str, bool] | None:
    """'Acme will appeal, a company spokeswoman said': a spokesperson of an unnamed company speaks for the
    organisation that is the subject of what they report."""
    if subj.lemma_.lower() not in PERSON_NOUNS or not any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in GENERIC_BODY_NOUNS for c in subj.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    body = _own_subject(clause) if clause is not None else None
    if body is None or body.pos_ != "PROPN" or body.ent_type_ in ("PERSON", "GPE", "NORP"):
        return None
    who = resolve_subject(body, sent, ctx, actors, memory)
    return (who[0], False) if who else None


def _document_author(doc_noun: "Token") -> "Token | None":
    """Who speaks through a document after "according to": its author ('a report by X', 'figures from X',
    'the ministry's data', 'figures released by X'), never one who only saw it ('screenshots seen by X')."""
    for c in doc_noun.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" or c.dep_ == "compound" and c.pos_ == "PROPN":
            return c  # "the ministry's data", "Eurostat figures"
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "acl" and c.lemma_.lower() in AUTHORING_VERBS:
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    return None


def find_speeches(sent: "Sentence", ctx: "DocContext", actors: list[Actor],
                  memory: SpeakerMemory) -> list[Speech]:
    """Each speaker's speech in a sentence: usually one; two when clauses side by side have their own
    speakers ('X welcomed the ruling, while Y said it would appeal')."""
    span = sent.span
    # "according to X, ..." names the speaker of the whole sentence
    for t in span:
        if t.lower_ == "according" and t.i + 1 < span.end and span.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in span.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            source = _document_author(pobj) if pobj is not None and pobj.lemma_.lower() in DOCUMENT_NOUNS \
                and pobj.pos_ == "NOUN" else pobj
            if source is not None:
                who = resolve_subject(source, sent, ctx, actors, memory)
                if who:
                    main = span.root
                    return [Speech(who[0], who[1], [main], [x for x in span if x.i < t.i or x.i > pobj.right_edge.i],
                                   according_to=True)]
    speeches: list[Speech] = []
    used: set[int] = set()
    filed_end = dateline_end(span)
    candidates = _speech_verbs(span)
    for verb in candidates:
        if verb.i in used or (speeches and _reported_by(verb, speeches)):
            continue
        # "KCNA quoted Kim as saying ...", "cited the commission as saying": the quoted one speaks;
        # so does the subject of "X was quoted as saying"
        if verb.lemma_.lower() in ("quote", "cite"):
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
            saying = next((c for c in verb.subtree if c.lower_ == "saying"), None)
            if obj is not None and saying is not None and not speeches:
                who = resolve_subject(obj, sent, ctx, actors, memory)
                if who:
                    return [Speech(who[0], who[1], [saying], list(saying.subtree))]
            continue
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
            continue  # "insurers often report losses in ways that flatter them": a habit, not a statement
        subj = _speaker_subject(verb)
        if subj is not None and subj.idx < filed_end:
            subj = _subject_after_dateline(subj, filed_end)
        if subj is None:
            continue
        # "France and Germany condemned ...": each named party of a coordinated subject speaks
        partners = [c for c in subj.conjuncts if c.dep_ == "conj" and c.idx >= filed_end]
        speakers = [resolve_subject(s, sent, ctx, actors, memory) for s in (subj, *partners)]
        speakers = [who for who in speakers if who is not None]
        if not speakers:
            who = _unnamed_spokesperson_for(subj, verb, sent, ctx, actors, memory)
            speakers = [who] if who else []
        if not speakers:
            continue
        verbs = _same_speaker_verbs(verb)
        # other verbs of the same subject ("declined to comment ..., noting that"), and what a relative
        # clause on the speaker says it did ("X, which had urged ...")
        verbs += [v for v in candidates if v not in verbs and v.i not in used and _speaker_subject(v) == subj]
        verbs += [v for v in _relative_clause_verbs(subj) if v not in verbs]
        used.update(v.i for v in verbs)
        content = _content(verbs, span)
        for name, is_person in dict.fromkeys(speakers):
            speeches.append(Speech(name, is_person, verbs, content))
    if len(speeches) > 1:  # each speaker's words are their own clause, not the other's
        regions = [{t.i for v in sp.verbs for t in v.subtree} for sp in speeches]
        for sp, region in zip(speeches, regions):
            # drop a beside clause ('..., while Y insisted ...'), not the clause this speech itself sits in
            others = {i for o, r in zip(speeches, regions) if o.verbs is not sp.verbs
                      and not any(v.i in r for v in sp.verbs) for i in r}
            sp.content = [t for t in sp.content if t.i not in others]
    return speeches


def _own_region(speech: Speech, speeches: list[Speech]) -> set[int]:
    """Token indices of a speech's clauses, less the clauses of the other speakers inside them."""
    own = {t.i for v in speech.verbs for t in v.subtree}
    for other in speeches:
        if other.verbs is not speech.verbs and not any(v.i in {t.i for w in other.verbs for t in w.subtree}
                                                       for v in speech.verbs):
            own -= {t.i for w in other.verbs for t in w.subtree}
    return own


def find_speech(sent: "Sentence", ctx: "DocContext", actors: list[Actor],
                memory: SpeakerMemory) -> Speech | None:
    """The sentence's first speech (kept for callers that want one)."""
    found = find_speeches(sent, ctx, actors, memory)
    return found[0] if found else None


# "GENEVA (CP) - ", "ACCRA, May 16 (Wire) — ": where and by whom the story was filed, not who speaks
def _subject_after_dateline(subj: "Token", end: int) -> "Token | None":
    """The parser took the dateline's city for the subject; the real subject hangs off it as an apposition."""
    for tok in subj.subtree:
        if tok.idx >= end and tok.dep_ in ("appos", "conj", "npadvmod") and tok.head.idx < end:
            return tok
    return None


# verbs by which a body puts out a statement: "X has issued a statement" makes X who a following "it says" is
ISSUING_VERBS = frozenset("issue release publish post put circulate".split())


def _remember_issuer(sent: "Sentence", ctx: "DocContext", actors: list[Actor], memory: SpeakerMemory) -> None:
    """'The Secretariat has issued a short statement.': its issuer speaks in the next sentence's 'it says'."""
    for t in sent.span:
        if t.pos_ == "VERB" and t.lemma_.lower() in ISSUING_VERBS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS for c in t.children):
            subj = _own_subject(t)
            who = resolve_subject(subj, sent, ctx, actors, memory) if subj is not None else None
            if who:
                memory.spoke(*who)
            return


def _remember_people(sent: "Sentence", memory: SpeakerMemory) -> None:
    """A person who is the subject of a sentence is who a following 'he' most likely means; a body that is the
    main subject is whom a following 'its chief executive' works for."""
    for t in sent.span:
        if t.dep_ in ("nsubj", "nsubjpass"):
            t = _person_before_of(t)
            ent = _entity_for(t, sent.span)
            if ent is not None and ent.label_ == "PERSON":
                memory.saw_person(clean_name(ent.text))
            elif t.head.dep_ == "ROOT" and memory.body_age > 0:
                ent = ent or _entity_in_phrase(t, sent.span)
                if ent is not None and ent.label_ == "ORG":
                    memory.saw_body(clean_name(_widened(ent)))


# entity labels of a figure: a neutral sentence that reports one supplies a fact, it reacts to nothing
FIGURE_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _only_informs(speech: Speech) -> bool:
    """A neutral, unquoted statement that is not a reaction: bystanders telling what they saw ('Residents
    described a frantic escape', 'Traders said the closure had stranded hundreds'), a speaker with no name
    ('a person familiar with the talks'), or a body that only supplies a figure ('according to the port
    authority, 45,000 containers ...', 'X says 22,300')."""
    subj = _speaker_subject(speech.verbs[0]) if speech.verbs and not speech.according_to else None
    if subj is not None and subj.pos_ == "NOUN" and subj.tag_ == "NNS" and not subj.ent_type_ \
            and subj.lemma_.lower() in BYSTANDER_NOUNS:
        return True  # "Residents described ...", "Volunteers at the hall say ...": people telling what they saw
    if speech.speaker[:1].islower():
        return True  # "a person familiar with the talks", "health ministry": no named party
    if speech.is_person or any(act_stance(v) for v in speech.verbs):
        return False  # a person who gives a figure is still a party speaking ("the cost could top $2 billion, X said")
    words = [t for t in speech.content if not t.is_punct]
    figures = [t for t in words if t.ent_type_ in FIGURE_LABELS]
    # a source named for a figure, or a statement that is nothing but the figure ("X says 22,300")
    return bool(figures) and (speech.according_to or len(figures) == len(words))


# roles of those who lead or speak for a body: at an institute they speak for it, they do not comment
LEADING_ROLES = frozenset("""director head chief president chair chairman chairwoman chairperson ceo secretary
minister founder executive""".split())


def _private_person(speech: Speech) -> bool:
    """A person the article introduces by age and no office ('Jane Roe, 61', 'Tom Hale, 45, a teacher'):
    someone living through the event, whose account is not a party's reaction."""
    if not speech.is_person or not speech.verbs or speech.according_to:
        return False
    subj = _speaker_subject(speech.verbs[0])
    if subj is None:
        return False
    # "X, who runs two bakeries": one who keeps a small business of their own, not a body that is named
    keeps_business = any(c.dep_ == "relcl" and c.lemma_.lower() in PROPRIETOR_VERBS and any(
        o.dep_ == "dobj" and o.pos_ == "NOUN" and not o.ent_type_ for o in c.children) for c in subj.children)
    if not keeps_business and not any(c.dep_ == "appos" and c.pos_ == "NUM" for c in subj.children):
        return False
    return not any(t.lower_ in TITLE_WORDS or t.lower_ in PERSON_NOUNS for t in subj.subtree)


def _is_commentator(speech: Speech) -> bool:
    """A speaker the sentence presents as a commentator, not a party: 'X, a senior fellow at the Y School',
    'X, an analyst', 'X, who teaches law at the University of Y', 'an epidemiologist at the Z Institute'."""
    if not speech.is_person or not speech.verbs:
        return False
    subj = _speaker_subject(speech.verbs[0])
    if subj is None:
        return False
    roles = [c for c in subj.children if c.dep_ in ("appos", "relcl", "acl")]
    if subj.lower_ in COMMENTATOR_ROLES:  # "said an analyst, Y"
        return True
    if any(r.lemma_.lower() in SPOKESPERSON_WORDS | LEADING_ROLES for r in roles):
        return False  # "a spokeswoman at the Health Institute", "director of the institute": it speaks for it
    if any(c.dep_ == "poss" for r in roles for c in r.children):
        return False  # "the group's lead analyst": a member speaking for the group
    if any(t.dep_ in ("compound", "nmod") and t.i < subj.i and t.lower_ in COMMENTATOR_ROLES for t in subj.subtree):
        return True  # "Professor X said", "Analyst Y said": a title of one who comments
    described = [t for r in roles for t in r.subtree] + [c for c in subj.children if c.dep_ == "prep"]
    for t in described:
        if t.lower_ in COMMENTATOR_ROLES and t.dep_ in ("appos", "ROOT", "conj", "attr"):
            return True
        if t.lower_ == "at" and t.dep_ == "prep" and any(
                g.dep_ == "pobj" and (g.lemma_.lower() in ACADEMIC_HEADS or any(
                    w.lemma_.lower() in ACADEMIC_HEADS and w.ent_type_ == "ORG" for w in g.subtree))
                for g in t.children):
            return True  # "an epidemiologist at the London School of ..."
    return False


def _other_partys_words(quoted: list["Token"], speech: Speech) -> set[int]:
    """Quoted words inside a relative clause that has a speaker of its own ('a figure the union called
    "scaremongering"', 'a plan which critics described as "reckless"'): another party's words."""
    out: set[int] = set()
    speech_ids = {v.i for v in speech.verbs}
    for t in quoted:
        tok = t
        for _ in range(6):
            if tok.dep_ in ("relcl", "acl") and tok.i not in speech_ids:
                if _content_clause_on_noun(tok):
                    break  # "told a briefing that X was 'concerned'": a content clause of the speaker's
                subj = _own_subject(tok)
                if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in speech.speaker.lower():
                    out.add(t.i)
                break
            if tok.head.i == tok.i or tok.i in speech_ids:
                break
            tok = tok.head
    return out


def extract(ctx: "DocContext", actors: list[Actor]) -> list[Reaction]:
    memory = SpeakerMemory()
    out: list[Reaction] = []
    commentators: set[str] = set()  # people the article presents as commentators: their words are no reactions
    private: set[str] = set()  # people introduced as living through the event: their plain accounts are none
    accused: set[str] = set()  # acts the text so far accused someone of
    groups: list[tuple[int, int, set[str]]] = []  # (reaction index, sentence number, words) of unnamed groups
    for number, sent in enumerate(ctx.sentences):
        memory.next_sentence()
        if TIMESTAMP_HEADING_RE.match(sent.text):
            continue
        speeches = find_speeches(sent, ctx, actors, memory)
        if not speeches:
            _remember_issuer(sent, ctx, actors, memory)
        for k, speech in enumerate(speeches):
            if _one_of(speech.speaker, commentators) or _is_commentator(speech):
                commentators.add(speech.speaker)
                memory.spoke(speech.speaker, speech.is_person)
                continue
            verb_at = min(v.idx for v in speech.verbs) - sent.span.start_char if speech.verbs else None
            quote = quote_in(sent.text, verb_at)
            quoted = _quoted_tokens(sent.span)
            others_words = _other_partys_words(quoted, speech)
            if others_words:  # 'a figure the union called "scaremongering"': the union's word, not the speaker's
                quoted = [t for t in quoted if t.i not in others_words]
                if not any(not t.is_punct for t in quoted):
                    quote = None
            if len(speeches) > 1:  # with several speakers, each has the quote only inside their own clause
                own = _own_region(speech, speeches)
                quoted = [t for t in quoted if t.i in own]
                if not quoted:
                    quote = None
            content = sorted(set(speech.content) | set(quoted), key=lambda t: t.i)
            stance = stance_of_scores(stance_scores(speech.verbs, content, quote, speech.speaker, accused,
                                                    _speaker_country(speech)))
            if stance == "neutral" and quote and out and out[-1].actor == speech.speaker and out[-1].quote is None \
                    and memory.speaker_age == 1 and out[-1].stance != "neutral" \
                    and any(v.lemma_.lower() in PERSISTING_VERBS for v in speech.verbs):
                # "X rejected the charge. '...,' he insisted.": the quote is X's words for the stance just taken
                out[-1].quote = quote
                out[-1].citations.append(sent.citation())
                memory.spoke(speech.speaker, speech.is_person)
                continue
            member = _named_member(speech, groups, number, out)
            if member is not None:  # "Business groups welcomed ... The Business Council of X estimates ..."
                out[member].actor = speech.speaker
            if stance == "neutral" and (_one_of(speech.speaker, private) or _private_person(speech)):
                private.add(speech.speaker)
                memory.spoke(speech.speaker, speech.is_person)
                continue  # '"The sky went black," said Jane Roe, 61': a witness's account, not a party's reaction
            if stance == "neutral" and not quote and _only_informs(speech):
                continue  # "residents described a frantic escape", "the toll reached 27, the agency said"
            kind = _group_words(speech)
            if kind:
                groups.append((len(out), number, kind))
            out.append(Reaction(actor=speech.speaker, stance=stance, summary=sent.text.strip(), quote=quote,
                                citations=[sent.citation()]))
            memory.spoke(speech.speaker, speech.is_person)
        _remember_people(sent, memory)
        accused |= _accused_acts(sent.span)
    # a commentator quoted before the article said who they are
    return [r for r in out if not _one_of(r.actor, commentators)]


def _group_words(speech: Speech) -> set[str]:
    """The kind words of an unnamed group speaker ('Business groups' -> {'business'}), else an empty set."""
    subj = _speaker_subject(speech.verbs[0]) if speech.verbs and not speech.according_to else None
    if subj is None or subj.pos_ != "NOUN" or subj.tag_ != "NNS" or subj.ent_type_ \
            or subj.lemma_.lower() not in STAKEHOLDER_GROUPS:
        return set()
    # the kind of group, not where it is from: "business groups", not "European" groups
    return {c.lower_ for c in subj.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ")
            and len(c.text) > 3 and c.ent_type_ not in ("NORP", "GPE")}


def _named_member(speech: Speech, groups: list[tuple[int, int, set[str]]], number: int,
                  out: list[Reaction]) -> int | None:
    """The reaction of an unnamed group the next sentence names a member of: a body whose name holds the
    group's kind word ('Business groups welcomed the move.' then 'The Business Council of X said ...')."""
    if speech.is_person or not groups:
        return None
    at, said_in, kind = groups[-1]
    if number - said_in != 1 or at >= len(out) or out[at].actor == speech.speaker:
        return None
    words = {w.lower() for w in speech.speaker.split()}
    return at if kind & words and any(w.lower() in ORG_HEADS for w in speech.speaker.split()) else None


def _one_of(name: str, people: set[str]) -> bool:
    """Whether a name is one of these people, by full name or surname ('Reed' after 'Paul Reed')."""
    if not people:
        return False
    last = name.split()[-1] if name else ""
    return name in people or any(p.split()[-1] == last for p in people if p)
