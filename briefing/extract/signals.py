"""Signals for open questions in one document, read from the parse.

Kinds (``OpenQuestion.kind``):
- ``dispute``: a party denies or rejects a claim; cites the claim and the denial.
- ``unknown``: the article says something is not specified, not disclosed or unclear; the question names it.
- ``next``: something spoken of as likely or possible (a visit, talks, a deployment).
- ``frame``: internal, not shown: how a counted thing is asked about ("How many troops did X send?"), one per
  figure-like number, so that the cross-source conflict question can be phrased from the sentence; it also
  carries what the number measures (``measure_of``), so that two sources' different wordings of one quantity
  can be recognised as rivals.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.extract.clauses import (PRONOUN_SUBJECTS, WH_WORDS, is_negated, lower_determiner, noun_phrase,
                                      possessives_resolved,
                                      subject_of, subtree_without, tokens_text, wh_question, yes_no_question)
from briefing.extract.lexicon import (ACCUSATION_NOUNS, ANNOUNCE_EVENT_VERBS, BLAME_VERBS, KNOWN_ADJECTIVES, RESPONSIBILITY_NOUNS,
                                      CLAIM_NOUNS, CLAIM_VERBS, DISCLOSURE_VERBS, EVENT_NOUNS, INFO_NOUNS, LIKELY_HEADS,
                                      REPORTING_VERBS, PERSON_NOUNS, TITLE_WORDS,
                                      NON_FUTURE_VERBS, PLANNED_ADJECTIVES, POSSIBILITY_MODALS, POSSIBLE_ADJECTIVES,
                                      STANCE_VERBS, UNKNOWN_ADJECTIVES)
from briefing.extract.figures import FRACTION_DENOMINATORS  # words of a share of a whole
from briefing.summary import Citation, OpenQuestion

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefing.extract import DocContext, Sentence

DENY_VERBS = frozenset(k for k, v in STANCE_VERBS.items() if v == "deny")
# verbs that name the same next step: "a trial could begin" and "a trial could start"
SAME_EVENT_VERBS = {"start": "begin", "commence": "begin", "convene": "meet", "hold": "meet"}
LOOKBACK = 3  # sentences before a denial searched for the claim it answers
STRONG_CLAIM_VERBS = frozenset("claim allege accuse insist assert contend".split())
NUMBER_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
# verbs by which a claimant gives a figure: the frame asks about the thing counted, not the counter
DEATH_VERBS = frozenset({"kill", "die"})
INJURY_VERBS = frozenset({"injure", "wound", "hurt"})
COUNTING_VERBS = frozenset("count record register list give tally put cite".split())


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_det(text: str) -> str:
    """'The number of X' -> 'the number of X' inside a question (proper names keep their capitals)."""
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An", "This", "These", "Its", "Their", "His", "Her"):
        return first.lower() + (" " + rest if rest else "")
    return text


def _subject_phrase(verb: "Token") -> str | None:
    subj = subject_of(verb)
    if subj is None or subj.lower_ in PRONOUN_SUBJECTS:
        return None
    return noun_phrase(subj)


def _name_in(tok: "Token") -> str | None:
    """The entity a subject phrase names ("Ukrainian authorities" -> "Ukrainian"), for matching parties."""
    for t in [tok] + list(tok.subtree):
        if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            if ent is not None:
                text = ent.text
                for prefix in ("the ", "The "):
                    text = text.removeprefix(prefix)
                return text.removesuffix("'s").removesuffix("’s")
    return None


# ---------------------------------------------------------------- disputes

def _claim_clause(verb: "Token") -> "Token | None":
    """The clause a claim verb introduces: 'announced that X', 'claiming X'."""
    return next((c for c in verb.children if c.dep_ == "ccomp"), None)


def _claims_in(sent: "Sentence", skip: set[int]) -> list[tuple["Token", "Token"]]:
    """(claim verb, claimed clause) pairs of a sentence."""
    out = []
    for t in sent.span:
        if t.i in skip or t.lemma_.lower() not in CLAIM_VERBS or is_negated(t):
            continue
        clause = _claim_clause(t)
        if clause is not None:
            out.append((t, clause))
    return out


# verbs that contest a claim only when their object is one with its content: 'criticised statements that the
# epidemic is under control', 'questioned claims that the water was safe' (not 'criticised the minister')
CONTEST_VERBS = frozenset("criticise criticize question challenge doubt ridicule".split())


def _contested_claim(verb: "Token") -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS and any(
        g.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark" for m in g.children)
        for g in c.children) for c in verb.children)


def _denial_verbs(sent: "Sentence") -> list["Token"]:
    out = []
    for t in sent.span:
        if t.pos_ != "VERB" or is_negated(t):
            continue
        if t.lemma_.lower() in CONTEST_VERBS and _contested_claim(t):
            out.append(t)
            continue
        if t.lemma_.lower() not in DENY_VERBS:
            continue
        objs = [c for c in t.children if c.dep_ in ("dobj", "ccomp")]
        if any(o.dep_ == "ccomp" or o.lemma_.lower() in CLAIM_NOUNS | RESPONSIBILITY_NOUNS
               or o.lower_ in ("it", "this", "that") for o in objs):
            out.append(t)
    return out


def _blame_near(sents: list["Sentence"], k: int, denier_tok: "Token") -> tuple["Sentence", "Token"] | None:
    """The sentence that lays the blame a denial answers: 'X blamed the attack on Y', 'accused Y of Z'."""
    for j in range(k, max(-1, k - 1 - LOOKBACK), -1):
        for t in sents[j].span:
            if t.lemma_.lower() in BLAME_VERBS and t.pos_ == "VERB" and not is_negated(t):
                subj = subject_of(t)
                if subj is None or subj.i == denier_tok.i or (j == k and subj.lower_ in PRONOUN_SUBJECTS):
                    continue
                return sents[j], t
    return None


def responsibility_dispute(sents: list["Sentence"], k: int, deny: "Token", denier_tok: "Token",
                           denier: str) -> OpenQuestion | None:
    """'The group denied any role' after 'X blamed the attack on the group': who is responsible?"""
    found = _blame_near(sents, k, denier_tok)
    deed = None
    if found is not None:
        blame_sent, blame = found
        deed_tok = next((c for c in blame.children if c.dep_ == "dobj"), None)
        if deed_tok is not None and blame.lemma_.lower() == "blame":
            # "blamed the attack on X": the deed is the noun with its own modifiers, not "on X"
            deed = lower_determiner(tokens_text([t for t in deed_tok.subtree if t.i <= deed_tok.i]))
    question = f"Who is responsible for {deed}?" if deed else "Who is responsible?"
    verb = deny.lemma_.lower()
    plural = denier_tok.tag_ in ("NNS", "NNPS")
    obj = next((c for c in deny.children if c.dep_ == "dobj"), None)
    what = lower_determiner(noun_phrase(obj)) if obj is not None else "it"
    denial = f"{lower_determiner(denier)} {verb if plural else _third_person(verb)} {what}"
    if found is None:
        return OpenQuestion(question=question, reason=_cap(denial) + ".", citations=[sents[k].citation()],
                            kind="dispute")
    accuser = subject_of(found[1])
    accuser_text = noun_phrase(accuser) if accuser is not None else "A source"
    cites = list(dict.fromkeys([found[0].citation(), sents[k].citation()]))
    q = OpenQuestion(question=question, reason=f"{_cap(accuser_text)} lays the blame; {denial}.", citations=cites,
                     kind="dispute")
    setattr(q, "sides", (_name_in(accuser) if accuser is not None else None, _name_in(denier_tok)))
    setattr(q, "parts", (None, denial))
    return q


def _recent_person(sents: list["Sentence"], k: int) -> "Token | None":
    """The person a 'she'/'he' most likely means: the latest person who was a subject in the sentences before."""
    for j in range(k - 1, max(-1, k - 4), -1):
        people = [t for t in sents[j].span if t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "PERSON"]
        if people:
            return people[-1]
    return None


def _third_person(verb: str) -> str:
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")


# bodies among the nouns for speakers: 'the government ... whether it will pay' is the government itself
COLLECTIVE_NOUNS = frozenset("government authority military intelligence agency".split())


def _agrees(pronoun: "Token", denier: "Token") -> bool:
    """'it' stands for a body or a country, 'he'/'she' for a person, 'they' for a plural: a minister who
    'denied that it was aimed at X' is not 'it'."""
    person = denier.ent_type_ == "PERSON" or (denier.lemma_.lower() in PERSON_NOUNS - COLLECTIVE_NOUNS) \
        or denier.lower_ in TITLE_WORDS
    low = pronoun.lower_
    if low == "it":
        return not person and denier.tag_ not in ("NNS", "NNPS")
    if low in ("he", "she"):
        return person
    return low == "they"


def disputes(ctx: "DocContext") -> list[OpenQuestion]:
    out = []
    sents = ctx.sentences
    for k, sent in enumerate(sents):
        for deny in _denial_verbs(sent):
            denier_tok = subject_of(deny)
            if denier_tok is not None and denier_tok.lower_ in ("he", "she"):
                denier_tok = _recent_person(sents, k)
            if denier_tok is None or denier_tok.lower_ in PRONOUN_SUBJECTS:
                continue
            denier = noun_phrase(denier_tok)
            obj = next((c for c in deny.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in RESPONSIBILITY_NOUNS and not any(
                    c.dep_ in ("acl", "ccomp") for c in obj.children):
                q = responsibility_dispute(sents, k, deny, denier_tok, denier)
                if q is not None:
                    out.append(q)
                continue
            claim = _find_claim(sents, k, deny)
            if claim is None and obj is not None and obj.lemma_.lower() in ACCUSATION_NOUNS:
                q = responsibility_dispute(sents, k, deny, denier_tok, denier)
                if q is not None:
                    out.append(q)
                continue
            if claim is None:
                continue
            claim_sent, claimant_tok, clause = claim
            if claimant_tok is not None and claimant_tok.lower_ in ("he", "she"):
                claimant_tok = _recent_person(sents, sents.index(claim_sent) + 1) if \
                    claim_sent is not sent else _recent_person(sents, k)
            claimant = noun_phrase(claimant_tok) if claimant_tok is not None and \
                claimant_tok.lower_ not in PRONOUN_SUBJECTS else None
            clause_subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # "denied that it had delayed anything": 'it' is the denier
            stand_in = denier if clause_subj is not None and _agrees(clause_subj, denier_tok) \
                and claim_sent is sent else None
            question = _with_time_clause(yes_no_question(clause, owner=claimant, subject_text=stand_in), clause)
            question = _without_empty_phrases(question, clause)
            if question is None or _garbled(clause):
                continue
            plural = denier_tok.tag_ in ("NNS", "NNPS")
            # "criticised statements that ...": in the reason, the claim is disputed, not its maker criticised
            word = "dispute" if deny.lemma_.lower() in CONTEST_VERBS else deny.lemma_.lower()
            denial = f"{lower_determiner(denier)} {word if plural else _third_person(word)} it"
            says = "say" if claimant_tok is not None and claimant_tok.tag_ in ("NNS", "NNPS") else "says"
            ground = _ground_of(deny)  # (the reason only: merged disputes list their deniers, not grounds)
            reason = f"{_cap(claimant)} {says} so; {denial}{ground}." if claimant else f"{_cap(denial)}{ground}."
            cites = [claim_sent.citation()] + ([sent.citation()] if claim_sent is not sent else [])
            q = OpenQuestion(question=question, reason=reason, citations=cites, kind="dispute")
            # the two sides, for merging the same dispute across sources
            setattr(q, "sides", (_name_in(claimant_tok) if claimant_tok is not None else None, _name_in(denier_tok)))
            setattr(q, "parts", (claimant, denial))
            out.append(q)
    return out


# verbs of the ground a denier gives: '..., saying the patch had been scheduled', '..., insisting that ...'
GROUND_VERBS = frozenset("say insist argue add explain stress note maintain".split())
MAX_GROUND_WORDS = 20


def _ground_of(deny: "Token") -> str:
    """', saying the patch had been scheduled for this month': the ground a denial gives in its own sentence,
    set off by a comma (the parser may hang it on the denied clause: 'denied that it had ignored the warning,
    saying ...'); '' when there is none, or it is long or a quotation."""
    holders = [deny] + [c for c in deny.children if c.dep_ == "ccomp"]
    for holder in holders:
        for c in holder.children:
            if c.dep_ != "advcl" or c.tag_ != "VBG" or c.lemma_.lower() not in GROUND_VERBS \
                    or c.i == 0 or c.doc[c.i - 1].text != ",":
                continue
            said = next((g for g in c.children if g.dep_ == "ccomp"), None)
            if said is None:
                continue
            words = [t for t in said.subtree if not (t.i == said.left_edge.i and t.lower_ == "that")]
            text = tokens_text(words).rstrip(" .,;")
            if not text or len(text.split()) > MAX_GROUND_WORDS or any(t.text in "\"“”" for t in words):
                continue
            return f", {c.text.lower()} {text}"
    return ""


def _find_claim(sents: list["Sentence"], k: int, deny: "Token"):
    """(sentence, claimant, claimed clause) a denial answers: the denied noun's own 'that'-clause
    ('rejected accusations from X that ...'), a claim earlier in the same sentence, or one just before."""
    obj = next((c for c in deny.children if c.dep_ in ("dobj", "ccomp")), None)
    if obj is not None and obj.dep_ == "ccomp":
        return sents[k], None, obj
    if obj is not None:
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")
                       and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)), None)
        if clause is not None:
            by = next((p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")), None)
            claimant = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            return sents[k], claimant, clause
    own = {t.i for t in deny.subtree}
    same = [c for c in _claims_in(sents[k], own) if c[0].i < deny.i]
    if same:
        return sents[k], subject_of(same[-1][0]), same[-1][1]
    # "rejected the government's accusation": only a claim the government made will do
    owner = next((c for c in obj.children if c.dep_ == "poss"), None) if obj is not None else None
    owner_words = {t.lower_ for t in owner.subtree if t.is_alpha} if owner is not None and owner.pos_ != "PRON" else set()
    # the nearest claim before, preferring verbs that assert a contested claim ("claimed", "alleged")
    best, best_score = None, 99.0
    for j in range(k - 1, max(-1, k - 1 - LOOKBACK), -1):
        for verb, clause in _claims_in(sents[j], set()):
            claimant = subject_of(verb)
            if owner_words and (claimant is None or not owner_words & {t.lower_ for t in claimant.subtree}):
                continue
            score = (k - j) - (1.5 if verb.lemma_.lower() in STRONG_CLAIM_VERBS else 0.0)
            if score < best_score:
                best, best_score = (sents[j], subject_of(verb), clause), score
    return best


# ---------------------------------------------------------------- unknowns

def _what_question(np_tok: "Token", np_text: str) -> str:
    """'the number of casualties' -> 'How many casualties?'; else 'What is/are <np>?'."""
    if np_tok.lemma_.lower() == "number":
        of = next((c for c in np_tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None and not any(c.dep_ == "conj" for c in np_tok.children):
            return f"How many {tokens_text(subtree_without(pobj, frozenset({'relcl', 'punct'})))}?"
    plural = np_tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in np_tok.children)
    return f"What {'are' if plural else 'is'} {_lower_det(np_text)}?"


def _info_question(noun: "Token") -> str | None:
    """'did not give the number of dead' -> 'How many dead?'; 'would not give a figure for the losses' -> 'What is
    the figure for the losses?'; 'will not give a number (we cannot stand behind)' names nothing: None."""
    owned = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "on")] + \
        [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
    if not _indefinite(noun):
        return _what_question(noun, noun_phrase(noun))
    own_det = {c.i for c in noun.children if c.dep_ == "det"}
    text = tokens_text(t for t in subtree_without(noun, frozenset({"relcl", "appos", "acl", "punct"}))
                       if t.i not in own_det)
    # "gave no figure for the losses": the parser often hangs the 'for' phrase on the verb
    on_verb = next((c for c in noun.head.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
                    and c.i == noun.right_edge.i + 1), None)
    if on_verb is not None and not owned:
        return f"What is the {text} {tokens_text(subtree_without(on_verb, frozenset({'punct'})))}?"
    if not owned:
        return None
    return _what_question(noun, "the " + text)


# words opening an embedded question: 'has not said how many ...', 'whether ...', 'if ...'
EMBEDDED_QUESTION_WORDS = WH_WORDS | {"if"}
# subordinators of an embedded yes/no question: 'has not said whether it will pay'
YES_NO_MARKS = frozenset({"whether", "if"})


def _wh_clauses(head: "Token") -> list["Token"]:
    """Embedded wh-clauses under a verb or adjective: 'specify how many X or how many Y', 'say whether X'."""
    out = []
    for c in head.children:
        if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") and c.pos_ in ("VERB", "AUX"):
            if c.doc[c.left_edge.i].lower_ in EMBEDDED_QUESTION_WORDS:
                out.append(c)
                out.extend(x for x in c.children if x.dep_ == "conj" and x.doc[x.left_edge.i].lower_ in WH_WORDS)
                out.extend(x for x in c.children if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")
                           and x not in out and _starts_with_wh_after_cc(x))
    return out


def _wh_object_question(wh_obj: "Token", verb: "Token") -> str | None:
    wh_text = tokens_text(subtree_without(wh_obj, frozenset({"punct", "relcl"})))
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > wh_obj.i), None)
    if clause is None:
        return _cap(wh_text) + "?" if len(wh_text.split()) > 1 else None
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    inverted = yes_no_question(clause, subject_text=subj.text if subj is not None else None)
    if inverted is None:
        return None
    return _cap(wh_text) + " " + inverted[:1].lower() + inverted[1:]


def _starts_with_wh_after_cc(tok: "Token") -> bool:
    first = min(tok.subtree, key=lambda t: t.i)
    return first.lower_ in WH_WORDS


def _embedded_question(clause: "Token", antecedent: "Token | None") -> str | None:
    """The direct question of an embedded one: 'how many X will be trained' -> 'How many X will be trained?',
    'whether it will pay' (under 'the firm has not said') -> 'Will the firm pay?'."""
    if clause.doc[clause.left_edge.i].lower_ not in YES_NO_MARKS:
        return _pronoun_resolved(wh_question(clause), clause, antecedent)
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass")), None)
    stand_in = None
    if subj is not None and subj.lower_ in ("it", "they", "he", "she"):
        if antecedent is None or antecedent.pos_ == "PRON" or not _agrees(subj, antecedent):
            return None
        stand_in = lower_determiner(noun_phrase(antecedent))
    return yes_no_question(clause, subject_text=stand_in)


def unknowns_in(sent: "Sentence") -> list[tuple[str, str]]:
    """(question, reason) pairs for what a sentence says is not known or not disclosed."""
    out: list[tuple[str, str]] = []
    for t in sent.span:
        lemma = t.lemma_.lower()
        if lemma in DISCLOSURE_VERBS | {"know"} and t.pos_ == "VERB" and is_negated(t):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in ("i", "you"):
                continue
            passive = subj is not None and subj.dep_ == "nsubjpass"
            who = noun_phrase(subj) if subj is not None and not passive and subj.pos_ != "PRON" else None
            who = who if who is None or who.lower() not in ("it", "we", "they") else None
            reason = f"{_cap(who)} did not {t.lemma_.lower()} it." if who else "The sources say it is not known."
            for clause in _wh_clauses(t):
                q = _embedded_question(clause, subj if who else None)
                if q:
                    out.append((q, reason))
            wh_obj = next((c for c in t.children if c.dep_ == "dobj" and c.doc[c.left_edge.i].lower_ in WH_WORDS), None)
            # "What we don't know (is ...)": a free relative that opens the sentence asks nothing by itself
            # "did not say how many jobs it expects ...", parsed with the wh-phrase as object
            if wh_obj is not None and wh_obj.left_edge.i > sent.span.start:
                inner = next((c for c in t.children if c.dep_ == "ccomp" and c.i > wh_obj.i), None)
                q = _wh_object_question(wh_obj, t)
                q = _pronoun_resolved(q, inner, subj if who else None) if inner is not None else q
                if q:
                    out.append((q, reason))
            obj = next((c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in INFO_NOUNS), None)
            if obj is not None and not out and (q := _info_question(obj)):
                out.append((q, reason))
            if passive and subj.pos_ in ("NOUN", "PROPN") and (subj.lemma_.lower() in INFO_NOUNS or any(
                    c.dep_ == "conj" and c.lemma_.lower() in INFO_NOUNS | {"loss", "losses", "composition"}
                    for c in subj.children) or lemma in ("specify", "disclose", "reveal", "identify", "know")):
                np_text = tokens_text(subtree_without(subj, frozenset({"relcl", "appos", "acl"})))
                out.append((_what_question(subj, np_text),
                            f"The sources say this is not {t.text.lower()}."))
        elif (lemma in UNKNOWN_ADJECTIVES or (lemma in KNOWN_ADJECTIVES and is_negated(t))) \
                and t.dep_ in ("acomp", "amod", "attr"):
            clauses = _wh_clauses(t) + (_wh_clauses(t.head) if t.dep_ == "acomp" else [])
            for clause in clauses:
                q = _embedded_question(clause, None)
                if q:
                    out.append((q, f"The sources say this is {_unknown_word(t)}."))
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None) if t.dep_ == "acomp" else None
            if not clauses and subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                out.append((_what_question(subj, noun_phrase(subj)), f"The sources say this is {_unknown_word(t)}."))
    return out


def _unknown_word(adj: "Token") -> str:
    return f"not {adj.lower_}" if adj.lemma_.lower() in KNOWN_ADJECTIVES else adj.lower_


# verbs that refuse what their infinitive does: 'declined to confirm the number', 'refused to release the report'
REFUSAL_VERBS = frozenset("decline refuse".split())
# 'too early to estimate losses', 'too soon to say whether ...': what is not yet known
PREMATURE_ADJECTIVES = frozenset("early soon".split())
# determiners of a subject that nobody in it did the deed: 'Neither government has released the footage'
NONE_DETERMINERS = frozenset("neither no".split())
NOBODY_WORDS = frozenset("nobody none".split())  # 'nobody knows whether ...'
# verbs of making a thing public: 'has not released the footage' -> 'Will the footage be released?'
RELEASE_VERBS = frozenset("release publish disclose reveal".split())
# verbs of putting a size on something, which 'too early to' leaves open: 'too early to estimate losses'
ASSESS_VERBS = frozenset("estimate assess quantify calculate gauge".split())
# verbs of telling what one knows, after 'too early to' or 'declined to': 'too early to say whether ...'
SAYING_VERBS = frozenset("say tell know predict".split())
# people are released from custody, not published: 'did not release the suspect' is no withheld information
CUSTODY_NOUNS = frozenset("suspect suspects hostage hostages prisoner prisoners detainee detainees captive captives"
                          .split())
# nouns that name a number without saying of what: 'declined to confirm the number'
BARE_NUMBER_NOUNS = frozenset("number figure total estimate tally".split())


def _participle(verb: "Token") -> str:
    if verb.tag_ == "VBN":
        return verb.lower_
    lemma = verb.lemma_.lower()
    return lemma + ("d" if lemma.endswith("e") else "ed")


def _withholding(verb: "Token") -> str | None:
    """How a clause says its deed was not done, or not yet: 'neither/no X has ...' ('none'), 'declined to ...'
    ('refused'), 'too early to ...' ('premature'), a plain negation ('not'); None when it was done."""
    if is_negated(verb):
        # "has never published the orders": a habit, not a thing still awaited
        return None if any(c.lower_ == "never" for c in verb.children) else "not"
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and (subj.lower_ in NOBODY_WORDS or any(
            c.dep_ in ("det", "preconj") and c.lower_ in NONE_DETERMINERS for c in subj.children)):
        return "none"  # "Neither government has ...", "Neither the company nor its auditors have ...", "Nobody"
    if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
        if head.lemma_.lower() in REFUSAL_VERBS and head.pos_ == "VERB" and not is_negated(head):
            return "refused"
        if head.lemma_.lower() in PREMATURE_ADJECTIVES and any(c.lower_ == "too" for c in head.children):
            return "premature"
    return None


def _named_number(noun: "Token", previous: "Sentence | None") -> tuple[str, "Token"] | None:
    """What 'the number' a refusal is about stands for: the 'estimate of insured losses' of the sentence before
    ('... insured losses are put at EUR300 million. The federation declined to confirm the number.')."""
    if previous is None:
        return None
    for t in previous.span:
        if t.lemma_.lower() in BARE_NUMBER_NOUNS | INFO_NOUNS and t.pos_ == "NOUN":
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None and pobj.pos_ == "NOUN":
                text = tokens_text(subtree_without(pobj, frozenset({"relcl", "appos", "acl", "det", "punct"})))
                plural = pobj.tag_ == "NNS"
                return f"What {'are' if plural else 'is'} the {text}?", pobj
    return None


def _antecedent_object(pronoun: "Token") -> "Token | None":
    """The thing an 'it' stands for: the nearest object before it in its sentence ('they had recorded video of
    the collision, but it had not been made public')."""
    for t in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
        if t.dep_ == "dobj" and t.pos_ == "NOUN" and t.tag_ == "NN" and t.ent_type_ != "PERSON":
            return t
    return None


def _definite_phrase(noun: "Token") -> str:
    """'the footage', 'video of the collision' -> 'the video of the collision', 'no timeline' -> 'the timeline'."""
    toks = [t for t in subtree_without(noun, frozenset({"relcl", "appos", "acl", "punct", "cc", "conj"}))
            if not (t.dep_ == "det" and t.head.i == noun.i and t.lower_ in NONE_DETERMINERS | INDEFINITE_DETS)]
    text = tokens_text(toks)
    first = toks[0]
    if first.dep_ in ("det", "poss") or noun.pos_ == "PROPN":
        return lower_determiner(text) if first.dep_ == "det" else text
    return "the " + (text[:1].lower() + text[1:] if first.is_sent_start or first.i == first.sent.start else text)


# what a copula's subject calls the open point: "the question is whether ...", "the key unknown is how ..."
OPEN_QUESTION_NOUNS = frozenset({"question", "unknown", "uncertainty", "mystery", "issue", "puzzle"})


def withheld_in(sent: "Sentence", previous: "Sentence | None" = None,
                topics: dict[str, tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """(question, reason) pairs for what a sentence says nobody has yet released, confirmed or put a size on:
    'Neither side has released the footage', 'it had not been made public', 'declined to confirm the number',
    'too early to estimate losses'. ``topics`` receives what a release question is about, to ask it once."""
    out: list[tuple[str, str]] = []
    for t in sent.span:
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in DISCLOSURE_VERBS | ASSESS_VERBS | SAYING_VERBS and \
                _withholding(t) in ("refused", "premature", "none"):
            # "declined to say how many were arrested", "too early to tell whether the vaccine works",
            # "no one knows whether the dam will hold"
            how = _withholding(t)
            # "declined to comment on whether job cuts were planned": the question under 'on'/'about'
            about = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "over")
                     for g in c.children
                     if g.dep_ == "pcomp" and g.doc[g.left_edge.i].lower_ in EMBEDDED_QUESTION_WORDS]
            for clause in _wh_clauses(t) + about:
                q = _embedded_question(clause, None)
                if q:
                    out.append((q, {"premature": "A source says it cannot yet say.",
                                    "refused": "A source declined to say."}.get(how, "The sources say nobody knows.")))
        elif lemma == "see" and t.head.lemma_.lower() == "remain" and t.dep_ == "xcomp":
            # "it remains to be seen whether the ceasefire will hold"
            for clause in _wh_clauses(t):
                q = _embedded_question(clause, None)
                if q:
                    out.append((q, "The sources say it remains to be seen."))
        elif lemma == "be" and t.tag_ in ("VBZ", "VBP") \
                and any(c.dep_ == "nsubj" and c.lemma_.lower() in OPEN_QUESTION_NOUNS for c in t.children):
            # "the question is whether imports caused the losses", "the big unknown is how long it will hold"
            # (in the present: "the question was whether the bill would pass, and it did" is settled)
            for clause in _wh_clauses(t):
                q = _embedded_question(clause, None)
                if q:
                    out.append((q, "A source names it as the open question."))
        public = lemma == "make" and any(c.dep_ in ("oprd", "acomp", "ccomp") and c.lower_ == "public"
                                         for c in t.children)
        if t.pos_ != "VERB" or not (public or lemma in RELEASE_VERBS | ASSESS_VERBS | {"confirm", "give"}):
            continue
        how = _withholding(t)
        if how is None or (how == "not" and not public and lemma not in RELEASE_VERBS):
            continue  # plain 'did not give/confirm X' is unknowns_in's
        if how == "premature" and lemma not in ASSESS_VERBS | {"confirm"}:
            continue
        done = "made public" if public else _participle(t)
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        resolved = False  # an 'it' stands for a particular thing named before, even as 'a report'
        if obj is None and subj is not None and subj.dep_ == "nsubjpass":
            resolved = subj.lower_ == "it"
            obj = _antecedent_object(subj) if resolved else subj if subj.pos_ == "NOUN" else None
        if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
                or obj.lemma_.lower() in CUSTODY_NOUNS | PERSON_NOUNS or obj.lower_ in CUSTODY_NOUNS:
            continue
        owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None:
            # "China has not published its own tally": its is the subject; "declined to give her name" is private
            if owner.lower_ != "its" or subj is None or subj.pos_ not in ("NOUN", "PROPN") or resolved:
                continue
            obj_text = possessives_resolved(subtree_without(obj, frozenset({"relcl", "appos", "acl", "punct"})),
                                            lower_determiner(noun_phrase(subj)))
            plural = obj.tag_ in ("NNS", "NNPS")
            out.append((f"What {'are' if plural else 'is'} {obj_text}?", f"The sources say it has not been "
                        f"{'made public' if public else _participle(t)}."))
            continue
        if obj.lemma_.lower() in BARE_NUMBER_NOUNS | INFO_NOUNS and not any(
                c.dep_ in ("prep", "amod", "compound", "poss") for c in obj.children):
            named = _named_number(obj, previous)  # 'the number' alone says nothing of what it counts
            question = named[0] if named else None
            if named and topics is not None:  # 'the insured losses' and 'too early to estimate losses': one
                topics[named[0]] = (named[1].lemma_.lower(), "size")
        elif obj.lemma_.lower() in INFO_NOUNS | BARE_NUMBER_NOUNS or lemma in ASSESS_VERBS:
            np_text = _definite_phrase(obj)
            plural = obj.tag_ in ("NNS", "NNPS")
            # "too soon to quantify losses from the collapse": the parser hangs the phrase on the verb
            after = next((c for c in t.children if c.dep_ == "prep" and c.i == obj.right_edge.i + 1
                          and c.lower_ in ("from", "of", "in", "to", "on")), None)
            if after is not None and lemma in ASSESS_VERBS:
                np_text += " " + tokens_text(subtree_without(after, frozenset({"punct", "relcl"})))
            question = _what_question(obj, np_text) if obj.lemma_.lower() == "number" \
                else f"What {'are' if plural else 'is'} {np_text}?"
            if topics is not None and lemma in ASSESS_VERBS:
                topics[question] = (obj.lemma_.lower(), "size")
        elif public or lemma in RELEASE_VERBS:
            if not resolved and (_indefinite(obj) or obj.tag_ in ("NNS", "NNPS") and obj.left_edge.i == obj.i):
                continue  # 'has not released any figures': nothing in particular
            question = f"Will {_definite_phrase(obj)} be {done}?"
            if topics is not None:
                topics[question] = _release_topic(obj)
        else:
            continue
        if question is None:
            continue
        reason = {"refused": f"A source declined to {'make it public' if public else lemma + ' it'}.",
                  "premature": f"A source says it is too {t.head.lower_} to {lemma} it."}.get(
            how, f"The sources say it has not been {done}.")
        out.append((question, reason))
    return out


# ---------------------------------------------------------------- clean questions

# subordinators of a time clause that carries the point of a claim: "the warning came when the water was in"
TIME_MARKS = frozenset("when before after until once while as".split())
# subordinators of a condition: "a country may restrict imports if ...": a rule, not a forecast
CONDITION_MARKS = frozenset("if unless whenever provided where".split())
# determiners of a noun that names no particular thing: "a merger", "any company"
INDEFINITE_DETS = frozenset("a an any every each no".split())
NUMBER_ENTS = frozenset(NUMBER_LABELS)
MEASURE_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})  # sums, shares and amounts: always an estimate
# verbs that put a level on something: with any number they make an estimate ('could reach 3,000')
LEVEL_VERBS = frozenset("""reach total exceed hit top rise fall climb drop cost amount number surpass double triple
grow shrink increase decrease""".split())
PART_PREPS = frozenset("including among excluding besides".split())
# nouns of a measured amount whatever the number before them: '0.1 percentage point', 'two basis points'
MEASURE_NOUNS = frozenset("point points percent percentage".split())
# what an 'according to' names when the sentence is a projection: 'according to an estimate by a bank'
ESTIMATE_NOUNS = frozenset("estimate estimates projection projections forecast forecasts model calculation".split())
MAX_TIME_CLAUSE = 16  # words of a time clause kept in a question; a longer one would bury the question


def _marked_clauses(verb: "Token", marks: frozenset[str]) -> list["Token"]:
    # the subordinator is a 'mark' ("if"), or a wh-adverb the parser attaches as 'advmod' ("when"), before
    # the clause's verb ("only after the drones had hit")
    return [c for c in verb.children if c.dep_ == "advcl"
            and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks and m.i < c.i for m in c.children)]


def _with_time_clause(question: str | None, verb: "Token") -> str | None:
    """'Did the warning come?' asks nothing when the dispute is whether it came 'when the water was already in':
    keep a time clause of the claim (the question-maker drops adverbial clauses)."""
    if question is None:
        return None
    when = _marked_clauses(verb, TIME_MARKS)
    if not when or any(c.i < verb.i for c in when):
        return question
    tail = tokens_text(t for t in subtree_without(when[0], frozenset({"punct"})) if t.text not in '"“”')
    if len(tail.split()) > MAX_TIME_CLAUSE:
        return question
    return question[:-1].rstrip() + " " + tail + "?"


def _garbled(verb: "Token") -> bool:
    """Conjoined words whose 'and'/'or' the question-maker drops ('homes damaged destroyed'): no clean question."""
    # a conjoined clause with its own subject is a second claim the question-maker leaves out
    second = {g.i for c in verb.subtree if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass")
                                                                   for g in c.children) for g in c.subtree}
    kept = [t for t in subtree_without(verb, frozenset({"relcl", "appos", "advcl", "parataxis", "punct", "mark"}))
            if t.i not in second]
    return any(t.dep_ == "conj" and any(c.dep_ == "cc" for c in t.head.children) for t in kept)


def _pronoun_resolved(question: str | None, clause: "Token", antecedent: "Token | None") -> str | None:
    """'How will it vote?' under 'the coalition has not said': the pronoun is the sayer when it can be
    ('it' a body, 'they' a plural), else there is no clean question."""
    if question is None:
        return None
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in ("it", "they", "he", "she"):
        return question
    if antecedent is None or antecedent.pos_ == "PRON" or not _agrees(subj, antecedent):
        return None
    name = lower_determiner(noun_phrase(antecedent))
    return re.sub(r"\b" + subj.text + r"\b", name, question, count=1)


# first-person possessives: 'our correspondents will keep reporting' is the outlet's housekeeping, and a party's
# 'our troops' is no subject a question can name
FIRST_PERSON_POSSESSIVES = frozenset({"our", "my"})


def _writers_own(subj: "Token") -> bool:
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON_POSSESSIVES for c in subj.children)


def _indefinite(noun: "Token") -> bool:
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETS for c in noun.children)


def _in_relative_clause(verb: "Token") -> bool:
    tok = verb
    for _ in range(8):
        if tok.dep_ == "relcl":
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _sentential_relative(relcl: "Token") -> bool:
    """', which could prompt a response' after a prepositional phrase ('launched from across the border, which
    could ...') is about the whole clause, not the noun the parser attaches it to: no clean subject."""
    noun = relcl.head
    first = relcl.left_edge
    return noun.dep_ == "pobj" and first.i > 0 and relcl.doc[first.i - 1].text == ","


def _nonspecific(noun: "Token") -> bool:
    """An antecedent that names no particular thing: 'any member', or 'a merger' as the object of a verb that
    is only possible ('prohibit a merger', 'may block a deal'); 'they share an alliance, which ...' is one."""
    dets = {c.lower_ for c in noun.children if c.dep_ == "det" and c.lower_ in INDEFINITE_DETS}
    if not dets:
        return False
    if dets - {"a", "an"}:
        return True
    gov = noun.head.head if noun.dep_ == "pobj" else noun.head
    return gov.tag_ == "VB" or any(c.tag_ == "MD" for c in gov.children)


def _generic_statement(verb: "Token", subject: "Token") -> bool:
    """A hedge about no particular actor: 'the law lets it block a merger that is likely to ...', 'a country may
    restrict imports if ...'. Forecasts are about definite actors, or said of the event in a main clause or
    reported speech."""
    if verb.dep_ == "relcl" and subject.i == verb.head.i:
        return _nonspecific(subject)
    if not _indefinite(subject):
        return False
    if _in_relative_clause(verb):
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return False  # "the agency said a trial could begin if ...": said of this event
    # a main clause on 'a country' that holds under a condition or under a rule ('Under the treaty, ...') states
    # the rule itself
    under = any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)
    return verb.dep_ != "ROOT" or under or bool(_marked_clauses(verb, CONDITION_MARKS))


def _estimate(verb: "Token") -> bool:
    """'could reach about EUR1.3 billion', 'may cost $40 million': an estimate belongs with the figures, not among
    the questions; 'could send 500 doctors' is a step someone may take."""
    toks = [t for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod", "prep", "acomp") for t in c.subtree]
    labels = {t.ent_type_ for t in toks}
    # "is likely to be well over 700", "to be 40 percent higher": a number as what something is, is its level
    levels = LEVEL_VERBS | {"be"}
    counted = bool(labels & NUMBER_ENTS) or any(t.pos_ == "NUM" and not t.ent_type_ for t in toks)
    # "0.1 percentage point", "two points": a share of something, however the model labels the number
    measured = any(t.lemma_.lower() in MEASURE_NOUNS and any(c.pos_ == "NUM" for c in t.children) for t in toks)
    # "..., according to an estimate by X": the sentence says it is an estimate
    said_estimate = any(c.lower_ == "according" and any(t.lemma_.lower() in ESTIMATE_NOUNS for t in c.subtree)
                        for c in verb.children)
    return bool(labels & MEASURE_ENTS) or measured or (said_estimate and counted) or (
        counted and verb.lemma_.lower() in levels)


# ---------------------------------------------------------------- what comes next

def _infinitive_target(head: "Token") -> "Token | None":
    """'likely set to visit' -> visit: follow xcomp links down to the innermost 'to'-infinitive."""
    cur, found = head, None
    for _ in range(3):
        nxt = next((c for c in cur.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None:
            break
        if any(g.lower_ == "to" and g.dep_ == "aux" for g in nxt.children):
            found = nxt
        cur = nxt
    return found


# 'could, in theory, draw X into a war', 'could theoretically block': what is possible in principle, no forecast
IN_PRINCIPLE_NOUNS = frozenset("theory principle".split())
IN_PRINCIPLE_ADVERBS = frozenset("theoretically hypothetically conceivably".split())


def _in_principle(verb: "Token") -> bool:
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in IN_PRINCIPLE_ADVERBS:
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ in IN_PRINCIPLE_NOUNS
                                                         for g in c.children):
            return True
    return False


# what a count or a sum is called: 'the real toll is likely to be higher' says the count is understated
QUANTITY_NOUNS = BARE_NUMBER_NOUNS | frozenset("toll cost loss damage count".split())


def _said_understated(target: "Token", subj: "Token") -> str | None:
    """'The real toll is likely to be higher': no step to watch for but a count the sources doubt; the
    comparative ('higher') when so, else None."""
    if target.lemma_ != "be" or subj.lemma_.lower() not in QUANTITY_NOUNS:
        return None
    return next((c.lower_ for c in target.children if c.dep_ in ("acomp", "advmod") and c.tag_ in ("JJR", "RBR")),
                None)


def understated_in(sent: "Sentence") -> list[tuple[str, str]]:
    """'The real toll is likely to be higher, aid groups warned.' -> ('What is the real toll?', 'A source says it
    is likely to be higher.')."""
    out = []
    for t in sent.span:
        if t.lower_ not in LIKELY_HEADS or t.dep_ not in ("acomp", "ROOT", "xcomp", "ccomp", "conj") or is_negated(t):
            continue
        target = _infinitive_target(t)
        head = t.head if t.dep_ == "acomp" else t
        subj = subject_of(head)
        if target is None or subj is None or subj.pos_ != "NOUN":
            continue
        more = _said_understated(target, subj)
        if more is not None:
            np_text = lower_determiner(noun_phrase(subj))
            if not np_text.lower().startswith(("the ", "its ", "their ")) and "'s" not in np_text:
                np_text = "the " + np_text
            plural = subj.tag_ == "NNS"
            out.append((f"What {'are' if plural else 'is'} {np_text}?", f"A source says it is {t.lower_} to be {more}."))
    return out


def _whole_subject(subj: "Token") -> str:
    """A forecast's subject with every party it names: 'negotiators from ASEAN and China', 'France and Germany'
    (the general noun phrase drops conjoined words). A subject with clauses or asides falls back to that."""
    toks = list(subj.subtree)
    if any(t.dep_ in ("relcl", "acl", "appos", "advcl", "parataxis") for t in toks) or \
            any(t.is_punct and t.text != "," for t in toks) or not any(t.dep_ == "conj" for t in toks):
        return noun_phrase(subj)
    return tokens_text(toks)


def _empty_without_clause(prep: "Token") -> bool:
    """'in a way that could cost jobs', 'in a manner that ...': an indefinite noun that says nothing once its
    relative clause is left out; the question drops the whole phrase."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj is not None and _indefinite(pobj) and any(c.dep_ == "relcl" for c in pobj.children)


def _without_empty_phrases(question: str | None, verb: "Token") -> str | None:
    """A question made by the general question-maker, less the phrases that say nothing once their relative
    clause is left out ('... move production to Poland in a way?' -> '... move production to Poland?')."""
    if question is None:
        return None
    for prep in (t for t in verb.subtree if t.dep_ == "prep" and _empty_without_clause(t)):
        clause = {x.i for c in prep.subtree if c.dep_ == "relcl" for x in c.subtree}
        phrase = tokens_text(t for t in prep.subtree if t.i not in clause)
        question = question.replace(" " + phrase + "?", "?").replace(" " + phrase + " ", " ")
    return question


def _will_question(verb: "Token", subject: str) -> str:
    # only the target's own "to" goes ("expected to vote"); "on whether to open" keeps its own
    empty = {t.i for c in verb.children if c.dep_ == "prep" and _empty_without_clause(c) for t in c.subtree}
    rest = [t for t in subtree_without(verb, frozenset({"punct", "advcl", "relcl", "cc", "conj"}))
            if not (t.dep_ == "aux" and t.lower_ == "to" and t.head.i == verb.i) and t.i >= verb.i
            and t.i not in empty]
    words = tokens_text(rest[1:])
    # "likely to be revoked": the passive stays passive
    form = f"be {verb.text}" if any(c.dep_ == "auxpass" for c in verb.children) else verb.lemma_.lower()
    return f"Will {lower_determiner(subject)} {form}{(' ' + words) if words else ''}?"


def _announced_event(verb: "Token") -> "Token | None":
    """'plans a rally', 'called for protests': the event noun a party puts ahead."""
    for c in verb.children:
        # "plans a rally"; but "calling the vote a mandate" names it, only "called for a vote" asks for one
        # "scheduled for 3 March": a date, not a protest march
        if c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS and verb.lemma_.lower() != "call" \
                and c.ent_type_ != "DATE":
            return c
        if c.dep_ == "prep" and c.lower_ == "for":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in EVENT_NOUNS and pobj.ent_type_ != "DATE":
                return pobj
    return None


def _event_np(noun: "Token", drop: "Token") -> str:
    toks = [t for t in subtree_without(noun, frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "det"}))
            if drop is None or t.i != drop.i]
    return tokens_text(toks)


def _dated_event_np(noun: "Token") -> str:
    """'scheduled a hearing for Monday' -> 'hearing on Monday': the event with its date as a date is said."""
    date_for = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children)), None)
    if date_for is None:
        return _event_np(noun, None)
    when = _date_with_preposition([t for t in date_for.subtree if t.i != date_for.i])
    rest = _event_np(noun, None)
    phrase = tokens_text(date_for.subtree)
    return rest.replace(phrase, when) if when and phrase in rest else rest


def _topic(noun: "Token | None", verb: str) -> tuple[str, str] | None:
    """What a next step is about, to ask it once across sources: (head noun, verb) with near-synonyms folded."""
    if noun is None or noun.pos_ == "PRON":
        return None
    return noun.lemma_.lower(), SAME_EVENT_VERBS.get(verb, verb)


def _is_event_noun(tok: "Token") -> bool:
    # "talks" lemmatises to "talk", which is not an event; the plural as written is
    return tok.lemma_.lower() in EVENT_NOUNS or tok.lower_ in EVENT_NOUNS


# ---------------------------------------------------------------- what is scheduled

# modals of a stated future: with a date of its own, "X will do Y next month" is a step to watch for
FUTURE_MODALS = frozenset({"will", "shall", "would"})
# words that put a thing on a calendar without an infinitive: "the report is due by 30 April", "results are
# expected in 2027", "the vote is scheduled for March"
SCHEDULED_WORDS = frozenset("due expected scheduled slated set planned".split())
# prepositions of a time phrase kept in the question ("by 30 April", "in 2027", "before the summer")
TIME_PREPS = frozenset("by in on at before within until from after during for".split())
# things that are published when they are due: "the findings are due", "final data are expected"
PUBLISHED_NOUNS = frozenset("""data findings finding results result report reports figures statistics study
assessment audit evaluation analysis recommendations conclusions verdict estimates""".split())
# words opening a time phrase that needs no preposition: "for next week" -> "next week"
RELATIVE_TIME_WORDS = frozenset("next this later early late mid coming following".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("""january february march april may june july august september october november december""".split())


def _time_phrase(head: "Token") -> str | None:
    """The date a scheduled step carries, as written: 'next month', 'by 30 April', 'later this year'; a date in
    a clause of its own ('after the talks that began in May') is not the step's date."""
    for c in head.children:
        toks = list(c.subtree)
        if not any(t.ent_type_ == "DATE" for t in toks) or any(t.dep_ in ("relcl", "ccomp", "advcl") for t in toks):
            continue
        if c.dep_ in ("npadvmod", "advmod", "tmod") and c.ent_type_ == "DATE":
            return tokens_text(toks)
        if c.dep_ == "prep" and c.lower_ in TIME_PREPS and any(g.dep_ == "pobj" and g.ent_type_ == "DATE"
                                                              for g in c.children):
            if c.lower_ != "for":
                return tokens_text(toks)
            return _date_with_preposition(toks[1:])
    return None


def _date_with_preposition(date: list["Token"]) -> str | None:
    """'(scheduled) for 3 March' -> 'on 3 March'; 'for next week' -> 'next week'; 'for 2027' -> 'in 2027'."""
    if not date:
        return None
    text = tokens_text(date)
    first = date[0].lower_
    if first in RELATIVE_TIME_WORDS:
        return text
    if date[0].like_num and len(date) > 1 or (first in MONTHS and any(t.like_num and len(t.text) <= 2 for t in date)) \
            or first in WEEKDAYS:
        return "on " + text  # a day: '3 March', 'March 3', 'Monday'
    return "in " + text


# a clause of its own inside a verb's phrase: its date is not the verb's ('after talks that began in May')
OWN_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis", "conj", "acl", "nsubj", "nsubjpass", "csubj"})


def _dated(verb: "Token", after: int = -1) -> bool:
    """A date among the verb's own words ('next month', 'at a hearing next Tuesday', 'vaccinating children from
    May'), not one that names a thing ('the 2019 law') or sits in a clause of its own; only words after
    ``after`` count."""
    stack = [c for c in verb.children if c.dep_ not in OWN_CLAUSE_DEPS and c.i > after]
    while stack:
        t = stack.pop()
        if t.ent_type_ == "DATE" and t.dep_ not in ("compound", "amod", "poss", "nummod", "det") \
                and _calendar_date(t):
            return True
        stack.extend(c for c in t.children if c.dep_ not in OWN_CLAUSE_DEPS - {"conj"})
    return False


# words of a date that place a step on the calendar ('next month', 'by 30 April', 'later this year'), as against a
# bare duration ('will wait years', 'for two weeks')
CALENDAR_WORDS = MONTHS | frozenset("""monday tuesday wednesday thursday friday saturday sunday next this later
tomorrow tonight end coming following spring summer autumn fall winter""".split())
# a duration after these is a point in time: 'after one year', 'within two weeks', 'in three months'
DELAY_PREPS = frozenset("after within in".split())


def _calendar_date(tok: "Token") -> bool:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None) if tok.ent_type_ else None
    words = [t.lower_ for t in ent] if ent is not None else [tok.lower_]
    if set(words) & CALENDAR_WORDS or any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words):
        return True
    head = ent.root if ent is not None else tok
    return head.dep_ == "pobj" and head.head.lower_ in DELAY_PREPS


def _reported_sayer(verb: "Token") -> "Token | None":
    """Who says the clause: 'the agency said it would ...' -> the agency."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return subject_of(verb.head)
    return None


def _earlier_owner(subj: "Token") -> str | None:
    """Whose 'its findings': the nearest subject before it in the sentence that is a thing, not a pronoun
    ('The audit will be carried out by X and its findings are due ...' -> the audit)."""
    for t in reversed(list(subj.sent[: subj.i - subj.sent.start])):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and t.tag_ not in ("NNS", "NNPS") \
                and t.ent_type_ != "PERSON":
            return lower_determiner(noun_phrase(t))
    return None


def _will_step(modal: "Token") -> tuple[str, str, tuple[str, str] | None] | None:
    """'The committee will question the minister at a hearing next Tuesday', 'the agency said it would publish
    its review later this year': a dated step some actor is to take."""
    verb = modal.head
    if is_negated(verb) or verb.lemma_.lower() in NON_FUTURE_VERBS - {"be"} or verb.pos_ not in ("VERB", "AUX"):
        return None
    sayer = _reported_sayer(verb)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "said on Friday it would ...": a date before the reported clause's subject is the saying's
    if not _dated(verb, after=subj.i if sayer is not None and subj is not None else -1):
        return None  # an undated 'will' is the article's statement of fact, not a step to watch for
    if any(c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children) for c in verb.children):
        return None  # "will issue no new fines": a commitment not to act
    if modal.lower_ == "would" and sayer is None:
        return None  # 'would' outside reported speech is a condition or a past habit
    if _in_relative_clause(verb) or _marked_clauses(verb, CONDITION_MARKS) or any(
            m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in verb.children):
        return None
    if subj is None or subj.lower_ in ("i", "you", "we", "who", "which", "that", "there") or _writers_own(subj):
        return None
    stand_in = None
    if subj.lower_ in ("it", "they", "he", "she"):
        if sayer is None or sayer.pos_ == "PRON" or not _agrees(subj, sayer):
            return None
        stand_in = noun_phrase(sayer)
    elif _indefinite(subj) or _estimate(verb):
        return None
    q = _listing_will_question(modal, verb, subj, stand_in) if _garbled(verb) \
        else yes_no_question(verb, subject_text=stand_in)
    if q is None:
        return None
    if q.lower().startswith(("would ", "shall ")):
        q = "Will" + q[q.index(" "):]
    return q, "scheduled", _topic(subj if stand_in is None else sayer, verb.lemma_.lower())


# a clause's asides, left out of a question about it
ASIDE_CLAUSE_DEPS = frozenset({"relcl", "advcl", "parataxis", "appos", "ccomp"})


def _listing_will_question(modal: "Token", verb: "Token", subj: "Token", stand_in: str | None) -> str | None:
    """'X will question A, B and C at a hearing next Tuesday': the list keeps its commas and 'and' (the general
    question-maker drops them); a second clause with its own subject asks nothing."""
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return None
    # asides: clauses, and phrases set off by a comma (', after weeks of delays that ...')
    aside = {t.i for c in verb.children if c.dep_ in ASIDE_CLAUSE_DEPS or (
        c.i > verb.i and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ",") for t in c.subtree}
    rest = [t for t in verb.subtree if t.i > verb.i and t.i not in aside and t.dep_ not in ("neg",)]
    while rest and rest[-1].is_punct:
        rest.pop()
    between = [t for t in verb.children if t.dep_ in ("aux", "auxpass") and modal.i < t.i < verb.i]
    subject = stand_in or tokens_text(list(subj.subtree))
    if subj.left_edge.is_sent_start and subj.pos_ != "PROPN" and not subject[:2].isupper():
        subject = subject[:1].lower() + subject[1:]  # "Inspectors will ..." -> "Will inspectors ...?"
    words = [subject] + [t.text for t in between] + [verb.text if between else verb.lemma_.lower(), tokens_text(rest)]
    return "Will " + " ".join(w for w in words if w) + "?"


def _on_the_calendar(noun: "Token") -> bool:
    """'The next rate decision is due on 11 December': a subject given a date (the scheduled branch asks it)."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    return verb.lower_ in SCHEDULED_WORDS or any(c.dep_ == "acomp" and c.lower_ in SCHEDULED_WORDS
                                                 for c in verb.children)


def _scheduled_thing(word: "Token") -> tuple[str, str, tuple[str, str] | None] | None:
    """'Its findings are due by 30 April', 'final results are expected in 2027', 'the vote is scheduled for
    March': a thing on the calendar, asked with its date."""
    if is_negated(word) or word.lower_ not in SCHEDULED_WORDS or word.dep_ not in ("ROOT", "ccomp", "conj", "acomp"):
        return None
    head = word.head if word.dep_ == "acomp" else word
    if any(c.dep_ == "xcomp" for c in word.children):
        return None  # "expected to meet": the infinitive branch asks it
    if head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children):
        return None  # "had been scheduled for this month", "were expected in May": a past plan
    when = _time_phrase(word) or (_time_phrase(head) if head is not word else None)
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if when is None or subj is None or subj.pos_ not in ("NOUN", "PROPN") or _indefinite(subj):
        return None
    if _is_event_noun(subj) and word.lower_ == "expected":
        return None  # "talks are expected in May": the expected-event branch asks it
    owner = _earlier_owner(subj) if any(c.dep_ == "poss" and c.lower_ == "its" for c in subj.children) else None
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children) and owner is None:
        return None  # 'their results are due': whose is not clear
    toks = subtree_without(subj, frozenset({"relcl", "appos", "acl", "punct", "cc", "conj"}))
    phrase = lower_determiner(possessives_resolved(toks, owner))
    if subj.left_edge.is_sent_start and subj.pos_ == "NOUN" and phrase[:1].isupper():
        phrase = phrase[:1].lower() + phrase[1:]  # "Final results ..." -> "the final results"
    if not phrase.lower().startswith(("the ", "a ", "an ")) and "'s" not in phrase and "’s" not in phrase \
            and subj.pos_ == "NOUN":
        phrase = "the " + phrase
    if subj.lemma_.lower() in PUBLISHED_NOUNS or subj.lower_ in PUBLISHED_NOUNS:
        doing = "be published"
    elif _is_event_noun(subj):
        doing = "take place"
    else:
        doing = "be ready"
    return f"Will {phrase} {doing} {when}?", "scheduled", _topic(subj, "happen")


def _participle_clause(modal: "Token", verb: "Token") -> "Token | None":
    """'though strong winds forecast for Thursday could fan the flames': the parser reads 'winds forecast for
    Thursday' as a clause of its own ('winds' its subject, 'forecast' a past verb) and leaves 'could fan' without
    a subject. Such a clause: a bare participle with a subject and no auxiliary, just before the modal."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBN" and c.i < modal.i and c.right_edge.i == modal.i - 1 \
                and any(g.dep_ == "nsubj" and g.pos_ == "NOUN" for g in c.children) \
                and not any(g.dep_ in ("aux", "auxpass") for g in c.children):
            return c
    return None


def _reduced_relative_forecast(modal: "Token", verb: "Token") -> tuple[str, tuple[str, str] | None] | None:
    """'... though strong winds forecast for Thursday could fan the flames again' -> ('Could strong winds forecast
    for Thursday fan the flames again?', topic)."""
    clause = _participle_clause(modal, verb)
    if clause is None or _estimate(verb) or _garbled(verb):
        return None
    subj = next(c for c in clause.children if c.dep_ == "nsubj")
    subject = [t for t in clause.subtree if t.dep_ not in ("mark", "punct") and t.head.dep_ != "mark"]
    if subject[0].pos_ != "PROPN":
        subject_text = tokens_text(subject)
        subject_text = subject_text[:1].lower() + subject_text[1:]
    else:
        subject_text = tokens_text(subject)
    asides = {t.i for c in verb.children if c.dep_ in ASIDE_CLAUSE_DEPS | {"punct", "cc", "conj"} for t in c.subtree}
    rest = [t for t in verb.subtree if t.i > modal.i and t.i not in asides]
    if not rest:
        return None
    word = "Will" if modal.lower_ in ("may", "might") else _cap(modal.lower_)
    return f"{word} {subject_text} {tokens_text(rest)}?", _topic(subj, verb.lemma_.lower())


def _past_expectation(expected: "Token") -> bool:
    """'the decision had been widely expected', 'the vote was expected': what was expected has happened or
    not; either way it is no step still ahead."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in expected.children)


def next_steps(sent: "Sentence") -> list[tuple[str, str, tuple[str, str] | None]]:
    """(question, cue word, topic) for what a sentence speaks of as likely, planned or possible."""
    out: list[tuple[str, str, tuple[str, str] | None]] = []
    for t in sent.span:
        low = t.lower_
        if low in POSSIBILITY_MODALS and t.tag_ == "MD" and t.dep_ == "aux":
            verb = t.head
            after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if is_negated(verb) or (after is not None and after.lower_ in ("have", "not")) \
                    or verb.lemma_.lower() in NON_FUTURE_VERBS:
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and (forecast := _reduced_relative_forecast(t, verb)) is not None:
                out.append((forecast[0], low, forecast[1]))
                continue
            if subj is None or subj.lower_ in ("i", "you", "we", "he", "she", "they", "it") or _writers_own(subj):
                continue
            override = None
            if subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
                if _sentential_relative(verb):
                    continue
                override = noun_phrase(verb.head)
            if _generic_statement(verb, verb.head if override else subj) or _estimate(verb) or _garbled(verb) \
                    or _in_principle(verb):
                continue
            q = _without_empty_phrases(yes_no_question(verb, subject_text=override), verb)
            if q and low in ("may", "might"):
                q = "Will" + q[len(low):]  # "Might X meet?" reads oddly; the cue goes in the reason
            if q:
                out.append((q, low, _topic(verb.head if override else subj, verb.lemma_.lower())))
        elif low in LIKELY_HEADS and t.dep_ in ("acomp", "ROOT", "xcomp", "advmod", "ccomp", "conj", "relcl") \
                and not is_negated(t) and _infinitive_target(t if t.pos_ != "ADV" else t.head) is not None:
            # (without an infinitive, "talks are expected in May" is an expected event: the branch below)
            target = _infinitive_target(t if t.pos_ != "ADV" else t.head)
            head = t.head if t.pos_ == "ADV" or t.dep_ == "acomp" else t
            subj = subject_of(head)
            if subj is None:
                continue
            subject = _whole_subject(subj)
            if subj.lower_ in ("which", "who", "that"):  # "the Parliament, which is expected to vote"
                clause = subj.head
                while clause.dep_ not in ("relcl",) and clause.head.i != clause.i and clause.i != head.head.i:
                    clause = clause.head
                if clause.dep_ != "relcl" or _nonspecific(clause.head):
                    continue  # "a merger that is likely to ...": said of any merger, not of this one
                subject = noun_phrase(clause.head)
            elif subj.lower_ in PRONOUN_SUBJECTS or _generic_statement(head, subj):
                continue
            if _estimate(target) or _writers_own(subj) or _said_understated(target, subj) is not None:
                continue
            cue = _hedged(head, subj, f"it is {CUE_WORDING.get(low, low)}") or low
            if subj.left_edge.is_sent_start and subj.left_edge.pos_ != "PROPN" and subject[:1].isupper() \
                    and not subject[:2].isupper():
                subject = subject[:1].lower() + subject[1:]  # "Temperatures are ..." -> "Will temperatures ...?"
            out.append((_will_question(target, subject), cue, _topic(subj, target.lemma_.lower())))
        elif t.lemma_.lower() in ANNOUNCE_EVENT_VERBS and t.pos_ == "VERB" and not is_negated(t) \
                and _announced_event(t) is not None:
            event = _announced_event(t)
            out.append((f"Will the {_dated_event_np(event)} go ahead?", "planned", _topic(event, "happen")))
        elif t.lemma_.lower() == "expect" and t.tag_ == "VBN" and not is_negated(t) and not _past_expectation(t) \
                and (any(
                c.dep_ == "nsubjpass" and _is_event_noun(c) for c in t.children)
                or (t.dep_ in ("acl", "amod") and _is_event_noun(t.head))):
            event = next((c for c in t.children if c.dep_ == "nsubjpass"), t.head)
            when = [c for c in t.children if c.dep_ in ("prep", "npadvmod") and c.lower_ != "by"]
            tail = " ".join(tokens_text(list(c.subtree)) for c in when)
            phrase = _event_np(event, None)
            if event.pos_ == "NOUN" and phrase[:1].isupper():  # "Talks ... are expected": not a name
                phrase = phrase[:1].lower() + phrase[1:]
            out.append((f"Will the {phrase} take place{(' ' + tail) if tail else ''}?", "expected",
                        _topic(event, "happen")))
        elif low in PLANNED_ADJECTIVES | POSSIBLE_ADJECTIVES and t.dep_ == "amod" \
                and t.head.lemma_.lower() in EVENT_NOUNS and not _on_the_calendar(t.head):
            noun = t.head
            while noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "potential ceasefire deal"
                noun = noun.head
            if low in PLANNED_ADJECTIVES:
                out.append((f"What will come of the {_event_np(noun, t)}?", low, _topic(noun, "happen")))
            else:
                keep = t if low == "further" else None
                np_text = _event_np(noun, t) if keep is None else _event_np(noun, None)
                plural = noun.tag_ in ("NNS", "NNPS")
                article = "" if plural else ("an " if np_text[:1].lower() in "aeiou" else "a ")
                out.append((f"Will there be {article}{np_text}?", low, _topic(noun, "happen")))
        elif low in FUTURE_MODALS and t.tag_ == "MD" and t.dep_ == "aux":
            step = _will_step(t)
            if step is not None:
                out.append(step)
        if low in SCHEDULED_WORDS and not any(q[2] and q[2][1] == "happen" for q in out):
            step = _scheduled_thing(t)
            if step is not None:
                out.append(step)
    # one sentence, one next-step question for each distinct wording
    return list({q: (q, cue, topic) for q, cue, topic in out if len(q.split()) >= 4}.values())


# ---------------------------------------------------------------- figure frames

def frame_question(number: "Span") -> str | None:
    """How the counted thing is asked about: 'North Korea sent 10,000 troops' -> 'How many troops did North Korea send?'"""
    root = number.root
    noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    noun_text = tokens_text([c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ not in
                             ("CARDINAL", "QUANTITY") and not number.start <= c.i < number.end] + [noun])
    # a share is no count: 'half the world's capacity' asks what share, 'a 38% share' / 'a 10% tariff' how large
    if root.lower_ in FRACTION_DENOMINATORS:  # "half", "two-thirds", "a quarter"
        return f"What share of the {noun_text}?"
    if any(t.text == "%" or t.lower_ in ("percent", "pct") for t in number) or root.text == "%":
        return f"How large is the {noun_text}?"
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() not in REPORTING_VERBS | COUNTING_VERBS:
        subj = subject_of(verb)
        if subj is not None and subj.lower_ not in PRONOUN_SUBJECTS:
            who = lower_determiner(noun_phrase(subj))
            if subj.left_edge.is_sent_start and subj.pos_ != "PROPN":
                who = who[:1].lower() + who[1:]  # "Drones struck ..." -> "did drones kill"
            return f"How many {noun_text} did {who} {verb.lemma_.lower()}?"
    if noun.dep_ == "nsubjpass" and verb.tag_ == "VBN":
        return f"How many {noun_text} were {verb.text}?"
    if noun.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.tag_ == "VBD" and verb.lemma_.lower() != "be":
        # "3,000 tractors took part": keep a particle or bare object that completes the verb
        tail = [c for c in verb.children if (c.dep_ == "prt" or (c.dep_ == "dobj" and not list(c.children)))
                and c.i == verb.i + 1]
        return f"How many {noun_text} {tokens_text([verb] + tail)}?"
    return f"How many {noun_text}?"


def frames(sent: "Sentence", cite: Citation | None = None) -> list[OpenQuestion]:
    """One frame per number: the question its sentence asks about it ('' when none), what it counts and
    what it measures (for grouping rival figures worded differently)."""
    cite = cite or sent.citation()  # one citation per sentence: a long span's text is costly to rebuild
    out = []
    for ent in sent.span.ents:
        if ent.label_ not in NUMBER_LABELS:
            continue
        frame = OpenQuestion(question=frame_question(ent) or "", reason=ent.text, citations=[cite], kind="frame")
        setattr(frame, "counts", _what_happened_to(ent))
        setattr(frame, "measure", measure_of(ent))
        out.append(frame)
    return out


def _what_happened_to(number: "Span") -> str | None:
    """'killing at least 11 workers', '19 people were killed': the count is of deaths, whatever noun is counted.
    'killed or wounded' counts casualties, not deaths: None then."""
    root = number.root
    noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass", "nsubj") or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    conj = {c.lemma_.lower() for c in verb.children if c.dep_ == "conj"}
    if lemma in DEATH_VERBS and not conj & INJURY_VERBS and (noun.dep_ != "nsubj" or lemma == "die"):
        return "deaths"
    return None


# ---------------------------------------------------------------- what a figure measures

# words for one measured thing, folded to one concept so that two sources' wordings of it meet
# ("evacuees" ~ "people forced from their homes", "imports" ~ "exports" ~ "trade", "worth" ~ "value")
MEASURE_SYNONYMS = {
    **dict.fromkeys("""evacuee evacuate evacuation displace displaced displacement homeless refugee flee uproot
                       relocate relocation""".split(), "displaced"),
    **dict.fromkeys("death dead die kill fatality fatal toll".split(), "deaths"),
    **dict.fromkeys("injure injured injury wound wounded hurt".split(), "injured"),
    **dict.fromkeys("miss missing unaccounted".split(), "missing"),
    **dict.fromkeys("arrest arrested detain detained detention".split(), "arrested"),
    **dict.fromkeys("infect infection infected case".split(), "cases"),
    **dict.fromkeys("rescue rescued save".split(), "rescued"),
    **dict.fromkeys("import export trade shipment".split(), "trade"),
    **dict.fromkeys("worth value valuation".split(), "value"),
    **dict.fromkeys("share portion proportion fraction".split(), "share"),
    **dict.fromkeys("acquisition takeover buyout purchase merger bid".split(), "takeover"),
    **dict.fromkeys("cost bill expense spending".split(), "cost"),
    **dict.fromkeys("damage destruction loss".split(), "damage"),
    **dict.fromkeys("job post position".split(), "jobs"),
    **dict.fromkeys("price fee tariff charge levy duty rate".split(), "price"),
    **dict.fromkeys("efficacy effectiveness effective efficacious protection protect".split(), "efficacy"),
    **dict.fromkeys("budget funding fund grant allocation appropriation".split(), "budget"),
    **dict.fromkeys("fine fined fin penalty".split(), "fine"),  # the lemmatizer gives 'fined' as 'fin'
    **dict.fromkeys("revenue sales turnover income".split(), "revenue"),
    **dict.fromkeys("profit earnings".split(), "profit"),
    **dict.fromkeys("wage salary pension".split(), "wage"),
    **dict.fromkeys("investment invest".split(), "investment"),
    **dict.fromkeys("person people individual resident inhabitant civilian citizen villager".split(), "people"),
}
# verbs by which a share says how much something was cut: 'cut cases by 77 percent' is an efficacy
REDUCTION_VERBS = frozenset("cut reduce lower decrease slash halve prevent avert curb".split())
# what such a cut is of when it measures how well a remedy works (besides the fates of people)
EFFECT_TARGETS = frozenset("""risk hospitalisation hospitalization admission illness disease transmission episode
infection""".split())
# verbs of contesting a number, and the nouns for the number contested: 'X disputed the figure, saying ...'
DISPUTE_VERBS = frozenset("dispute contest reject deny challenge question rebut".split())
FIGURE_NOUNS = frozenset("figure figures number numbers estimate estimates tally count total toll claim data".split())
MAX_DISPUTE_DEPTH = 8  # clause levels between a rival number and the verb that disputes the other one
# what a sum of money is, from the list above: a price is not a production cost, a fine is not a revenue
AMOUNT_CONCEPTS = frozenset("price cost budget fine revenue profit wage investment damage takeover trade".split())
# what happens to people, from the list above: two counts of people with different fates never rival
FATES = frozenset("displaced deaths injured missing arrested cases rescued".split())
# verbs that drive people from their homes: "forced from their homes", "fled their homes"
LEAVE_HOME_VERBS = frozenset("force drive flee leave evacuate chase uproot lose".split())
HOME_NOUNS = frozenset("home house village town".split())
# a number that says by how much something moved, not how big it is ("rose 6%", "closed 3% lower")
CHANGE_WORDS = frozenset("""rise fall climb drop increase decrease jump slump gain lose grow shrink decline plunge
soar sink slide tumble surge dip rally cut raise lift lower higher low high up down""".split())
# words too general to say what is measured ("the figure", "last year", "the total")
VAGUE_WORDS = frozenset("""be have do get make go take give put say number figure total amount level year month week
day time percent per cent more less least most about other all some many much new accord""".split())
CLAUSE_WINDOW = 30  # words either side of a number read as its clause
# participles by which a source is bound to a number: "the 12,000 evacuees registered by X"
ATTRIBUTION_VERBS = frozenset("register record count tally list confirm report give cite estimate put".split())


def _fold(lemma: str) -> str:
    return MEASURE_SYNONYMS.get(lemma, lemma)


def _content_lemma(tok: "Token") -> str | None:
    """A content word's lemma, folded; names, numbers, dates and vague words say nothing about the quantity."""
    if tok.pos_ not in ("NOUN", "VERB", "ADJ") or tok.ent_type_ or tok.like_num or not tok.is_alpha:
        return None
    lemma = tok.lemma_.lower()
    if lemma in VAGUE_WORDS or (tok.pos_ == "VERB" and lemma in REPORTING_VERBS) or len(lemma) < 3:
        return None
    if lemma == "share" and tok.tag_ == "NNS":
        return "stock"  # "shares closed lower": stock, not a share of something
    return _fold(lemma)


def _clause_head(number: "Span") -> tuple["Token", "Token"]:
    """(what the number counts or modifies, the verb or adjective whose clause it sits in)."""
    root = number.root
    anchor = root.head if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ in ("NOUN", "PROPN") \
        else root
    head = anchor
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX", "ADJ") and head.i != anchor.i:
            break
        if head.head.i == head.i:
            break
        head = head.head
    # "the 12,000 evacuees registered by X, the group said": the noun's own participle is its clause
    own = next((c for c in anchor.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
    if own is not None and (head.lemma_.lower() in REPORTING_VERBS or head.i == anchor.i):
        head = own
    return anchor, head


def _bound_claimant(anchor: "Token", head: "Token", scope: "Token") -> str | None:
    """Who the sentence binds to this very number: 'the 12,000 evacuees registered by X', 'according to X'."""
    for verb in (c for c in anchor.children if c.dep_ == "acl"):
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if pobj is not None and verb.lemma_.lower() in ATTRIBUTION_VERBS:
                return noun_phrase(pobj)
    for tok in (anchor, head, scope):
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "according"):
            to = next((g for g in prep.children if g.dep_ == "prep" and g.lower_ == "to"), None)
            pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if pobj is not None:
                return noun_phrase(pobj)
    return None


def _speaker(head: "Token") -> str | None:
    """Who says the number's clause: 'X said' beside it or 'X said that' above it."""
    speech = [c for c in head.children if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in REPORTING_VERBS]
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORTING_VERBS:
        speech.append(head.head)
    for verb in speech:
        subj = subject_of(verb)
        if subj is not None and subj.lower_ not in PRONOUN_SUBJECTS:
            return noun_phrase(subj)
    return None


def _near(head: "Token", number: "Span") -> list["Token"]:
    """The tokens of head's phrase within a few words of the number: its clause in a normal sentence, and a
    bounded cost in a run-on one (a scraped 'sentence' of 3,000 words with 200 numbers)."""
    doc = head.doc
    lo = max(head.left_edge.i, number.start - CLAUSE_WINDOW)
    hi = min(head.right_edge.i + 1, number.end + CLAUSE_WINDOW)
    return [doc[i] for i in range(lo, hi)]


def measure_of(number: "Span") -> dict:
    """What a number measures, read from its clause: the fate of people counted (displaced, deaths ...), whether
    it is a change, the concepts its clause names (folded: 'imports' and 'exports' are 'trade'), who holds a share
    ('the company's share' ~ 'the company would have processed 40 percent of'), whether the clause is dated, and
    who gives the number when the sentence binds a source to it."""
    anchor, head = _clause_head(number)
    toks = [anchor, head] + [c for c in anchor.children] + [c for c in head.children]
    scope = head  # the clause whose date words date the number
    if head.dep_ in ("advcl", "acl", "xcomp") or (head.pos_ == "ADJ" and head.dep_ != "ROOT"):
        # "imported 2.4 million tonnes last year, worth $1.9 billion": the sum is of what was imported
        scope = head.head
        toks += [head.head] + [c for c in head.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    core = {x for x in (_content_lemma(t) for t in toks) if x}
    for t in list(toks):  # "percent of payments", "tonnes of steel", "from their homes"
        for prep in (c for c in t.children if c.dep_ == "prep"):
            core |= {x for x in (_content_lemma(g) for g in prep.children if g.dep_ == "pobj") if x}
    lemmas = {t.lemma_.lower() for t in toks if not number.start <= t.i < number.end}  # not "up to 10%"
    clause = _near(head, number)
    bag = {x for x in (_content_lemma(t) for t in clause) if x}
    # the counted noun says most ('nine deaths' among 'cases'), then its verb, then the rest of the clause
    fate = next((c for c in [_content_lemma(anchor), _content_lemma(head)] + sorted(core) if c in FATES), None)
    homes = any(t.lemma_.lower() in HOME_NOUNS and t.dep_ in ("pobj", "dobj") for t in clause)
    if fate is None and head.lemma_.lower() in LEAVE_HOME_VERBS and homes:
        fate = "displaced"
    holders: set[str] = set()
    share = number.root.lower_ in ("percent", "%") or any(t.text == "%" for t in number)
    share_nouns = [t for t in clause if t.pos_ == "NOUN" and t.tag_ == "NN" and _fold(t.lemma_.lower()) == "share"]
    for noun in share_nouns:  # "the company's share would have been 25 percent"
        core.add("share")
        holders |= {g.lemma_.lower() for c in noun.children if c.dep_ == "poss" for g in c.subtree if g.is_alpha}
    of_what = None
    of = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if share and of is not None:
        core.add("share")  # "40 percent of all payments": a share held by the clause's subject
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None)
        of_what = _content_lemma(pobj) if pobj is not None else None
        subj = subject_of(head) if head.pos_ in ("VERB", "AUX") else None
        if subj is not None:  # the holder's own words: "the combined company", not its relative clauses
            holders |= {g.lemma_.lower() for g in [subj] + list(subj.children)
                        if g.is_alpha and g.dep_ in ("nsubj", "nsubjpass", "amod", "compound", "poss")}
    change = bool(lemmas & CHANGE_WORDS) and not any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.i == anchor.i for g in c.children) for c in head.children)
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "by" and anchor.head.head.lemma_.lower() in CHANGE_WORDS:
        change = True
    dated = any(t.ent_type_ == "DATE" and any(ch.isdigit() for ch in t.text) or t.lower_ in ("last", "next", "this")
                and t.head.lemma_.lower() == "year" for t in _near(scope, number))
    def years_in(tokens) -> frozenset[str]:
        return frozenset(re.findall(r"\b(?:19|20)\d\d\b", " ".join(t.text for t in tokens if t.ent_type_ == "DATE")))

    # "rose 8 percent in 2024 and 11 percent in 2025": the number's own year first
    others = {t.i for c in anchor.children if c.dep_ == "conj" for t in _near(c, number)}
    own = [t for t in _near(anchor, number) if t.i not in others]
    # "... in 2027, and 15 million this year": a year the number's own words name relatively is its own
    relative = frozenset(f"{t.lower_} year" for t in own if t.ent_type_ == "DATE" and t.lower_ in ("this", "next", "last")
                         and t.head.lemma_.lower() == "year")
    years = years_in(own) or relative or years_in(_near(scope, number))
    # "27 cases, including five health workers", "five workers were among the cases": a part of another count
    part = (anchor.dep_ == "pobj" and anchor.head.lower_ in PART_PREPS) or (
        head.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ in PART_PREPS for c in head.children))
    # "the vaccine cut malaria cases by 77 percent": how well it works, the same quantity as 'an efficacy of 54%'
    reducer = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "by" else None
    if share and reducer is not None and reducer.lemma_.lower() in REDUCTION_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and (_fold(c.lemma_.lower()) in FATES or c.lemma_.lower() in EFFECT_TARGETS)
            for c in reducer.children):
        core = core | {"efficacy"}
        fate, change = None, False
    # what the clause says something about: 'demand rose 12%' and 'prices rose 8%' measure two things
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != anchor.i), None)
    topic = _content_lemma(subj) if subj is not None and subj.pos_ == "NOUN" else None
    return {"fate": fate, "years": years, "part": part, "topic": topic, "of": of_what, "change": change, "core": frozenset(core), "bag": frozenset(bag),
            "holders": frozenset(holders - {"the", "a", "an", "'s"}), "dated": dated,
            "bound": _bound_claimant(anchor, head, scope), "speaker": _speaker(scope), "percent": share,
            "disputes": _disputes_another(anchor)}


def _disputes_another(anchor: "Token") -> bool:
    """A number given against another: 'X disputed the figure, saying about 400,000 patients were affected'
    (the number sits under the disputing verb's clause, not in the figure disputed)."""
    came_from = anchor
    for depth, up in enumerate(anchor.ancestors):
        if depth >= MAX_DISPUTE_DEPTH:
            break
        if up.lemma_.lower() in DISPUTE_VERBS and up.pos_ == "VERB" and not is_negated(up) \
                and came_from.dep_ not in ("dobj", "nsubj", "nsubjpass") and any(
                c.dep_ == "dobj" and c.lemma_.lower() in FIGURE_NOUNS for c in up.children):
            return True
        came_from = up
    return False


# ---------------------------------------------------------------- a heading over a list of unknowns

# words of a heading that announces what is not known: "Unanswered questions", "Still unclear", "Unknowns"
UNKNOWN_HEADING_WORDS = frozenset("unknown unknowns unclear uncertain unanswered unresolved unconfirmed".split())
# "Open questions", "Key questions that remain": questions a heading lists
QUESTION_NOUNS = frozenset({"question", "questions"})
OPEN_QUESTION_WORDS = frozenset("open outstanding remaining remain lingering".split())
MAX_HEADING_WORDS = 8
MAX_LISTED_UNKNOWNS = 8  # items read under such a heading before the list is taken to have ended
LINE_WINDOW = 2000  # characters searched either side of a sentence for the ends of its line
HEADING_MARK = re.compile(r"[ \t]*#{1,6}[ \t]*$")  # what opens a Markdown heading's line
LIST_MARK = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+$")  # what opens a list item's line
SENTENCE_END = ".!?\"”’'"


def _line_around(sent: "Sentence", text: str | None) -> tuple[str, str]:
    """(what stands before the sentence on its line, what follows it on its line) in the source text."""
    if text is None:
        text, start = sent.span.doc.text, sent.span.start_char
    else:
        start = sent.start
    end = start + len(sent.text)
    # looked for within a window: a scraped text may be one line of megabytes, and this runs for every sentence
    line_end = text.find("\n", end, end + LINE_WINDOW)
    line_start = text.rfind("\n", max(0, start - LINE_WINDOW), start) + 1
    if line_start == 0 and start > LINE_WINDOW:
        line_start = start - LINE_WINDOW  # a longer line than any heading or list mark needs
    return text[line_start:start], text[end:line_end if line_end >= 0 else min(len(text), end + LINE_WINDOW)]


def _heading_like(sent: "Sentence", text: str | None) -> bool:
    """A line of its own that titles what follows: a Markdown '#' line, or a short line without a sentence's
    closing stop ('What we don't know', 'Open questions:'); a list item is no heading."""
    before, after = _line_around(sent, text)
    if LIST_MARK.fullmatch(before) or after.strip() or len(sent.span) > MAX_HEADING_WORDS + 2:
        return False
    if HEADING_MARK.fullmatch(before) and before.strip():
        return True
    return not before.strip() and sent.text.rstrip(" *_")[-1:] not in SENTENCE_END


def _announces_unknowns(sent: "Sentence") -> bool:
    """'What we don't know', 'What is still not known', 'Unanswered questions', 'Still unclear', 'Open questions'."""
    words = {t.lower_ for t in sent.span}
    # "Still unclear", "What remains unknown"; not "An uncertain future", which describes a thing
    if any(t.lower_ in UNKNOWN_HEADING_WORDS and not (t.dep_ == "amod" and t.head.lemma_.lower() not in QUESTION_NOUNS)
           for t in sent.span):
        return True
    if words & QUESTION_NOUNS and words & OPEN_QUESTION_WORDS:
        return True
    return any(t.lemma_.lower() == "know" and is_negated(t) for t in sent.span)


def _listed_unknowns(sent: "Sentence", listed: bool) -> list[str]:
    """The questions of one item under a heading of unknowns: 'How the virus reached X, and whether Y' (each
    embedded question asked directly), 'The true death toll: ...' (what is it?, only as a list item: a bare noun
    phrase in running text is a caption or a title), or a question as written."""
    span = sent.span
    if span.text.rstrip().endswith("?"):
        return [_cap(span.text.strip())]
    root = span.root
    first = span[0]
    if first.lower_ in EMBEDDED_QUESTION_WORDS:
        # the fragment's own clause and the wh-clauses joined to it ("..., and whether ...")
        clauses = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                            and c.doc[c.left_edge.i].lower_ in EMBEDDED_QUESTION_WORDS | {"and", "or"}]
        out = []
        for clause in clauses:
            q = _there_question(clause) or _embedded_question(clause, None)
            if q and len(q.split()) >= 3:
                out.append(q)
        return out
    if not listed:
        return []
    # a noun phrase, up to a colon that comments on it ('The true death toll: the figures are far apart')
    colon = next((t.i for t in span if t.text in (":", "—", "–")), span.end)
    phrase = [t for t in span if t.i < colon and not t.is_punct]
    if not phrase or any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in phrase) \
            or phrase[0].pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
        return []
    head = next((t for t in phrase if not phrase[0].i <= t.head.i < colon or t.head.i == t.i), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return []
    np_text = tokens_text(phrase)
    if phrase[0].pos_ != "PROPN":
        np_text = np_text[:1].lower() + np_text[1:]
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    return [f"What {'are' if plural else 'is'} {np_text}?"]


def _there_question(clause: "Token") -> str | None:
    """'whether there are undetected chains of transmission' -> 'Are there undetected chains of transmission?'"""
    expl = next((c for c in clause.children if c.dep_ == "expl"), None)
    if expl is None or clause.lemma_ != "be":
        return None
    rest = [t for t in subtree_without(clause, frozenset({"punct", "cc", "conj", "mark"})) if t.i > clause.i]
    aux = [c for c in clause.children if c.dep_ == "aux" and c.i < expl.i]
    if not rest:
        return None
    front = aux[0].text if aux else clause.text
    verb = f" {clause.text}" if aux else ""
    return f"{_cap(front.lower())} there{verb} {tokens_text(rest)}?"


NOT_KNOWN = re.compile(r"(?:\bnot\b|n['’]t\b|\bnever\b).*\bknown?\b", re.I)  # "What we don't know"


def _items_left_before(text: str | None, start: int) -> int:
    """Items still to read under a heading of unknowns that stands before ``start`` in the text: a long document
    is extracted in parts, and a part may begin inside such a list."""
    if not text:
        return 0
    lines = text[max(0, start - MAX_SECTION_CHARS):start].rstrip().split("\n")[-MAX_LISTED_UNKNOWNS - 1:]
    items = 0
    for line in reversed(lines):
        mark = re.match(r"[ \t]*#{1,6}[ \t]+(.*)", line)
        if mark:
            words = set(re.findall(r"[a-z]+", mark.group(1).lower()))
            announces = bool(words & UNKNOWN_HEADING_WORDS or words & QUESTION_NOUNS and words & OPEN_QUESTION_WORDS
                             or NOT_KNOWN.search(mark.group(1)))
            return max(0, MAX_LISTED_UNKNOWNS - items) if announces else 0
        if line.strip():
            items += 1
    return 0


def _unknowns_by_heading(ctx: "DocContext") -> dict[int, list[str]]:
    """The items of each list a heading of unknowns introduces, by sentence index: their questions."""
    text = getattr(ctx.document, "text", None)
    out: dict[int, list[str]] = {}
    # items left to read under the latest heading of unknowns (one may stand before this part of the document)
    under = _items_left_before(text, ctx.sentences[0].start) if ctx.sentences else 0
    for k, sent in enumerate(ctx.sentences):
        heading = _heading_like(sent, text)
        if heading:
            out[k] = []  # a heading is never a question itself
            under = MAX_LISTED_UNKNOWNS if _announces_unknowns(sent) else 0
        elif under:
            out[k] = _listed_unknowns(sent, bool(LIST_MARK.fullmatch(_line_around(sent, text)[0])))
            under -= 1
    return {k: v for k, v in out.items() if v or _announces_unknowns(ctx.sentences[k])}


# ---------------------------------------------------------------- a question heading the section leaves open

# a time or label before the question of a live blog's entry: "8.45am – Where's the video?"
ENTRY_LABEL = re.compile(r"^[^–—]*\d[^–—]*\s[–—-]\s+(?=\S)")
# verbs by which a date or a figure is given or set: "No timeline was given", "No date has been set"
GIVEN_VERBS = DISCLOSURE_VERBS | frozenset("set announce fix".split())


MAX_SECTION_CHARS = 1500  # text between a question heading and a sentence still read as its section
MAX_CUE_TOKENS = 12  # a sentence that only says the answer is not known is short


def _section_question(sent: "Sentence", text: str | None) -> tuple[str, int] | None:
    """The question heading of the section a sentence stands in ('### 8.45am – Where's the video?', or 'When will
    the strike end?' on a line of its own) and where its question starts in the text; None when the nearest
    heading above is no question. Read from the text: a live blog's time-stamped headings are no article
    blocks, so they are no sentences."""
    if text is None:
        text, start = sent.span.doc.text, sent.span.start_char
    else:
        start = sent.start
    floor = max(0, start - MAX_SECTION_CHARS)
    end = text.rfind("\n", floor, start)
    while end > floor:
        line_start = text.rfind("\n", floor, end) + 1
        line = text[line_start:end]
        stripped = line.strip()
        heading = re.match(r"[ \t]*#{1,6}[ \t]+", line)
        if heading or (stripped.endswith("?") and len(stripped.split()) <= MAX_HEADING_WORDS + 4
                       and not LIST_MARK.match(line) and not TURN_LABEL.match(line)):
            body = line[heading.end():] if heading else line
            question = ENTRY_LABEL.sub("", body.strip().strip("*_ ").strip())
            if not question.endswith("?") or len(question.split()) < 2 or any(q in question for q in QUOTE_MARKS):
                return None
            return question, line_start + line.index(question)
        if line_start == 0:
            return None
        end = line_start - 1
    return None


def _says_not_known(sent: "Sentence") -> bool:
    """A sentence that only says the answer is not known: 'It is not clear.', 'That remains unclear.', 'Nobody
    knows.', 'It remains to be seen.', 'No timeline was given.'"""
    for t in sent.span:
        lemma = t.lemma_.lower()
        if (lemma in UNKNOWN_ADJECTIVES or (lemma in KNOWN_ADJECTIVES and is_negated(t))) \
                and t.dep_ in ("acomp", "ROOT") and not _wh_clauses(t) \
                and not (t.dep_ == "acomp" and _wh_clauses(t.head)):
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None) if t.dep_ == "acomp" else None
            if subj is None or subj.lower_ in ("it", "that", "this"):
                return True
        if lemma == "know" and t.pos_ == "VERB" and not any(c.dep_ in ("dobj", "ccomp") for c in t.children):
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is not None and (subj.lower_ in ("nobody", "noone") or any(
                    c.dep_ == "det" and c.lower_ == "no" for c in subj.children)):
                return True
        if lemma == "see" and t.head.lemma_.lower() == "remain" and not _wh_clauses(t):
            return True
        if lemma in GIVEN_VERBS and t.pos_ == "VERB":
            subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            if subj is not None and subj.lemma_.lower() in INFO_NOUNS | TIMING_NOUNS and any(
                    c.dep_ == "det" and c.lower_ in NONE_DETERMINERS for c in subj.children):
                return True
    return False


# words for one recorded thing, folded so that 'the video' and 'the footage' are asked about once
RECORDING_NOUNS = frozenset("video videos footage recording recordings film tape tapes images".split())


def _release_topic(noun: "Token") -> tuple[str, str]:
    """What a question about making a thing public is about: ('footage', 'release') for 'the video', 'footage'."""
    lemma = noun.lemma_.lower()
    return ("footage" if lemma in RECORDING_NOUNS else lemma), "release"


# nouns of when something is to happen: 'No timeline was given', 'no date has been set'
# adverbs that say 'when' without a date, left out of a question that asks when: 'would be published soon'
VAGUE_TIME_ADVERBS = frozenset("soon shortly eventually later promptly".split())
TIMING_NOUNS = frozenset("timeline timetable date time schedule deadline".split())


def _timing_question(sent: "Sentence", previous: "Sentence | None") -> tuple[str, tuple[str, str] | None] | None:
    """'X says the footage will be released once it has been reviewed. No timeline was given.' -> 'When will
    footage recorded ... be released?': the step of the sentence before, asked for its date."""
    if previous is None or len(sent.span) > MAX_CUE_TOKENS:
        return None
    given = next((t for t in sent.span if t.lemma_.lower() in GIVEN_VERBS and t.pos_ == "VERB" and any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in TIMING_NOUNS and any(
            d.dep_ == "det" and d.lower_ in NONE_DETERMINERS for d in c.children) for c in t.children)), None)
    if given is None:
        return None
    for modal in previous.span:
        if modal.lower_ not in ("will", "would") or modal.tag_ != "MD" or modal.dep_ != "aux":
            continue
        verb = modal.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or is_negated(verb) or _dated(verb):
            continue
        q = yes_no_question(verb)
        if q and q.startswith(("Will ", "Would ")):
            q = "When will " + q[q.index(" ") + 1:]
            for adverb in (c for c in verb.children if c.dep_ == "advmod" and c.lower_ in VAGUE_TIME_ADVERBS):
                q = q.replace(" " + adverb.text + " ", " ").replace(" " + adverb.text + "?", "?")
            topic = _release_topic(subj) if verb.lemma_.lower() in RELEASE_VERBS else _topic(subj, verb.lemma_.lower())
            return q, topic
    return None


def _unanswered_headings(ctx: "DocContext", text: str | None) -> list[OpenQuestion]:
    """'### Where's the video?' over '... No timeline was given.': the section says its own question is open."""
    out = []
    asked: set[int] = set()
    for k, sent in enumerate(ctx.sentences):
        if len(sent.span) > MAX_CUE_TOKENS or not _says_not_known(sent):
            continue
        when = _timing_question(sent, ctx.sentences[k - 1] if k else None)
        if when is not None:  # the step the sentence before announces, asked for its date
            q = OpenQuestion(question=when[0], reason="The sources say no date was given.",
                             citations=[ctx.sentences[k - 1].citation(), sent.citation()], kind="unknown")
            setattr(q, "topic", when[1])
            out.append(q)
            continue
        found = _section_question(sent, text)
        if found is None or found[1] in asked:
            continue
        question, at = found
        asked.add(at)
        source_text = text if text is not None else sent.span.doc.text
        offset = 0 if text is not None else sent.start - sent.span.start_char
        heading = Citation(source=sent.source, text=source_text[at:at + len(question)], start=at + offset,
                           end=at + offset + len(question))
        out.append(OpenQuestion(question=_cap(question), reason="The source asks it and says it is not known.",
                                citations=[heading, sent.citation()], kind="unknown"))
    return out


# ---------------------------------------------------------------- a question the reporter asks

# what a sentence says of a question it then asks: "the central question is still unanswered: which ship ...?"
OPEN_WORDS = frozenset("unanswered open unresolved outstanding unclear lingering remain remains".split())
QUOTE_MARKS = frozenset('"“”«»')


def asked_in_narrative(sent: "Sentence") -> list[str]:
    """A question the article itself poses as open: 'the central question is still unanswered: which ship turned
    into which?', 'The key question remains whether the dam can hold.' Not one inside a party's quote."""
    span = sent.span
    if any(t.text in QUOTE_MARKS for t in span):
        return []
    nouns = [t for t in span if t.lemma_.lower() in ("question", "mystery") and t.pos_ == "NOUN"]
    if not nouns:
        return []
    noun = nouns[0]
    colon = next((t for t in span if t.text in (":", "—", "–") and t.i > noun.i), None)
    if colon is not None and span.text.rstrip().endswith("?"):
        said = {t.lower_ for t in span if t.i < colon.i} | {t.lemma_.lower() for t in span if t.i < colon.i}
        asked = span.doc[colon.i + 1: span.end].text.strip()
        if said & OPEN_WORDS and len(asked.split()) >= 3:
            return [_cap(asked)]
        return []
    # "The question is/remains whether ...": the subject of 'be'/'remain' whose complement is an embedded question
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in ("be", "remain") or verb.tag_ not in ("VBZ", "VBP"):
        return []  # "the question was whether ...": a question of the past, maybe answered since
    out = []
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "attr", "acomp") and c.pos_ in ("VERB", "AUX")
                   and c.doc[c.left_edge.i].lower_ in EMBEDDED_QUESTION_WORDS):
        q = _there_question(clause) or _embedded_question(clause, None)
        if q and len(q.split()) >= 3:
            out.append(q)
    return out


# ---------------------------------------------------------------- a reporter's turn in a transcript

# the speaker label that opens a turn of a press conference or interview: "Q:", "Reuters:", "AFP:", "Kyodo News:"
TURN_LABEL = re.compile(r"[ \t]*(?:Q|Question|[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,3})[ \t]*[:：][ \t]")


def _questioners_turn(sent: "Sentence", text: str | None) -> bool:
    """Is the sentence part of a turn that asks a question ('Reuters: The central bank is expected to raise rates
    next month. Does the ministry see any risk?')? A reporter's premise or question is not the event's next step."""
    if text is None:
        text, start = sent.span.doc.text, sent.span.start_char
    else:
        start = sent.start
    line_start = text.rfind("\n", max(0, start - LINE_WINDOW), start) + 1
    if line_start == 0 and start > LINE_WINDOW:
        return False  # a line longer than any transcript turn
    line_end = text.find("\n", start, start + LINE_WINDOW)
    line = text[line_start:line_end if line_end >= 0 else min(len(text), start + LINE_WINDOW)]
    return "?" in line and TURN_LABEL.match(line) is not None


# ---------------------------------------------------------------- money short of its target

# verbs of money coming in against a sum asked for: 'donors had pledged less than a third of that'
FUNDING_VERBS = frozenset("pledge raise receive fund collect deliver disburse contribute donate secure".split())
# what the share is a share of: the sum asked for, named in the sentence or pointed back at
TARGET_NOUNS = frozenset("appeal target goal request sum amount need needs that it this".split())
# words of a sum being asked for, in the sentence that names it: 'appealing for $162 million'
ASKING_WORDS = frozenset("appeal appealing appealed seek seeking sought ask asking asked request requested "
                         "requesting target goal needs need".split())


def shortfall_in(sent: "Sentence", previous: "Sentence | None") -> "tuple[str, str, Sentence | None] | None":
    """'The WHO is appealing for $162 million ... By Wednesday, donors had pledged less than a third of that':
    ('Will the rest of the $162 million be pledged?', 'Less than a third of it has been pledged, a source
    says.', the sentence that names the sum, when it is another one). A share of a sum asked for that has come
    in leaves open whether the rest will."""
    for verb in sent.span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in FUNDING_VERBS or is_negated(verb):
            continue
        share = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if share is None or not (share.lower_ in FRACTION_DENOMINATORS or share.lower_ == "fraction"
                                 or share.ent_type_ == "PERCENT"):
            continue
        of = next((c for c in share.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if target is None or target.lemma_.lower() not in TARGET_NOUNS:
            continue
        asked = None
        for where in (sent, previous):
            if where is None:
                continue
            money = next((e for e in where.span.ents if e.label_ == "MONEY"), None)
            if money is not None and any(t.lower_ in ASKING_WORDS for t in where.span):
                asked = (f"the {money.text}", where)
                break
        if asked is None and target.pos_ == "NOUN":
            asked = (lower_determiner(noun_phrase(target)), sent)
        if asked is None:
            continue
        done = _participle(verb)
        amount = tokens_text([t for t in share.subtree if t.i < of.i])
        return (f"Will the rest of {asked[0]} be {done}?", f"{_cap(amount)} of it has been {done}, a source says.",
                asked[1] if asked[1] is not sent else None)
    return None


# ---------------------------------------------------------------- all signals of a document

def extract(ctx: "DocContext") -> list[OpenQuestion]:
    out: list[OpenQuestion] = disputes(ctx)
    listed = _unknowns_by_heading(ctx)
    text = getattr(ctx.document, "text", None)
    out.extend(_unanswered_headings(ctx, text))
    for k, sent in enumerate(ctx.sentences):
        cite: Citation = sent.citation()
        if k in listed:
            out.extend(OpenQuestion(question=q, reason="The source lists it among what is not known.",
                                    citations=[cite], kind="unknown") for q in listed[k])
            continue
        if len(sent.span) < 5:
            continue
        if _questioners_turn(sent, text):
            out.extend(frames(sent, cite))  # its numbers still have their frames; it raises no question itself
            continue
        found = unknowns_in(sent) + [(q, "The source asks it and says it is open.") for q in asked_in_narrative(sent)]
        found += understated_in(sent)
        topics: dict[str, tuple[str, str]] = {}
        found += [(q, r) for q, r in withheld_in(sent, ctx.sentences[k - 1] if k else None, topics)
                  if q not in {f[0] for f in found}]
        for question, reason in _with_counted_noun(found):
            q = OpenQuestion(question=question, reason=reason, citations=[cite], kind="unknown")
            if question in topics:  # 'the video' and 'the footage' not yet released: one question across sources
                setattr(q, "topic", topics[question])
            out.append(q)
        shortfall = shortfall_in(sent, ctx.sentences[k - 1] if k else None)
        if shortfall is not None:
            question, reason, named = shortfall
            out.append(OpenQuestion(question=question, reason=reason, kind="unknown",
                                    citations=[named.citation(), cite] if named is not None else [cite]))
        for question, cue, topic in next_steps(sent):
            q = OpenQuestion(question=question, reason=_next_reason(cue), citations=[cite], kind="next")
            setattr(q, "topic", topic)
            out.append(q)
        out.extend(frames(sent, cite))
    return out


CUE_WORDING = {"plan": "planned", "plans": "planned", "planning": "planned", "set": "set to happen",
               "due": "scheduled", "scheduled": "scheduled", "slated": "scheduled", "poised": "likely", "bound": "likely", "next": "the next step"}


HOW_MANY_NOUN = re.compile(r"^How many ([a-z]+(?: [a-z]+)?) (?:did|do|does|had|have|has|were|was|are|is|will|would)\b")
HOW_MANY_BARE = re.compile(r"^How many (had|have|has|were|was|are|is|will|would|did)\b")


def _with_counted_noun(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'how many troops were sent or how many had died': the second asks about the same troops."""
    out, noun = [], None
    for question, reason in found:
        m = HOW_MANY_NOUN.match(question)
        if m:
            noun = m.group(1)
        elif noun and HOW_MANY_BARE.match(question):
            question = f"How many {noun} " + question[len("How many "):]
        out.append((question, reason))
    return out


def _hedged(head: "Token", subj: "Token", what: str) -> str | None:
    """The reason of a step a third party claims another will take: 'the union says the employers plan to
    automate two terminals' is the union's word, not the employers' plan ('The union says it is planned.')."""
    if head.dep_ != "ccomp" or head.head.lemma_.lower() not in REPORTING_VERBS or is_negated(head.head):
        return None
    sayer = subject_of(head.head)
    if sayer is None or sayer.pos_ == "PRON" or subj.pos_ == "PRON" or sayer.ent_type_ == "PERSON" \
            or sayer.lemma_.lower() in PERSON_NOUNS - COLLECTIVE_NOUNS or sayer.lower_ in TITLE_WORDS:
        return None  # a person speaks for the party named ('..., its chief executive said')
    if {t.lower_ for t in sayer.subtree if t.pos_ in ("NOUN", "PROPN")} & \
            {t.lower_ for t in subj.subtree if t.pos_ in ("NOUN", "PROPN")}:
        return None  # "the ministry says its ministry team ...": the same party
    # "Its Local 40 says": the name without a possessive pronoun that points outside the sentence
    clauses = {t.i for c in sayer.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    words = [t for t in sayer.subtree if t.i not in clauses and not (t.dep_ == "poss" and t.pos_ == "PRON")
             and t.text not in (",", ";", "(", ")", "—", "–", '"', "“", "”")]
    name = tokens_text(words)
    verb = "say" if sayer.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in sayer.children) else "says"
    return f"{_cap(name)} {verb} {what}."


def _next_reason(cue: str) -> str:
    if cue.endswith("."):
        return cue  # a reason already written out: a third party's claim ('The union says it is planned.')
    if cue in POSSIBILITY_MODALS:
        return f"A source says this {cue} happen."
    return f"A source speaks of it as {CUE_WORDING.get(cue, cue)}."
