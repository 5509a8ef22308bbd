"""Signals for open questions in one document, read from the parse.

Kinds (``OpenQuestion.kind``):
- ``dispute``: a party denies or rejects a claim; cites the claim and the denial.
- ``unknown``: the article says something is not specified, not disclosed or unclear; the question names it.
- ``next``: something spoken of as likely or possible (a visit, talks, a deployment).
- ``frame``: internal, not shown: how a counted thing is asked about ("How many troops did X send?"), one per
  figure-like number, so that the cross-source conflict question can be phrased from the sentence.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.extract.clauses import (PRONOUN_SUBJECTS, is_negated, noun_phrase, subject_of, subtree_without,
                                      tokens_text, wh_question, yes_no_question, WH_WORDS)
from briefing.extract.lexicon import (CLAIM_NOUNS, CLAIM_VERBS, DISCLOSURE_VERBS, EVENT_NOUNS, LIKELY_HEADS,
                                      NON_FUTURE_VERBS, PLANNED_ADJECTIVES, POSSIBILITY_MODALS, POSSIBLE_ADJECTIVES,
                                      STANCE_VERBS, UNKNOWN_ADJECTIVES)
from briefing.summary import Citation, OpenQuestion

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefing.extract import DocContext, Sentence

DENY_VERBS = frozenset(k for k, v in STANCE_VERBS.items() if v == "deny")
LOOKBACK = 2  # sentences before a denial searched for the claim it answers
NUMBER_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")


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


def _denial_verbs(sent: "Sentence") -> list["Token"]:
    out = []
    for t in sent.span:
        if t.lemma_.lower() not in DENY_VERBS or t.pos_ != "VERB" or is_negated(t):
            continue
        objs = [c for c in t.children if c.dep_ in ("dobj", "ccomp")]
        if any(o.dep_ == "ccomp" or o.lemma_.lower() in CLAIM_NOUNS or o.lower_ in ("it", "this", "that")
               for o in objs):
            out.append(t)
    return out


def disputes(ctx: "DocContext") -> list[OpenQuestion]:
    out = []
    sents = ctx.sentences
    for k, sent in enumerate(sents):
        for deny in _denial_verbs(sent):
            denier_tok = subject_of(deny)
            if denier_tok is None or denier_tok.lower_ in PRONOUN_SUBJECTS:
                continue
            denier = noun_phrase(denier_tok)
            claim = _find_claim(sents, k, deny)
            if claim is None:
                continue
            claim_sent, claim_verb, clause = claim
            claimant_tok = subject_of(claim_verb)
            claimant = noun_phrase(claimant_tok) if claimant_tok is not None and \
                claimant_tok.lower_ not in PRONOUN_SUBJECTS else None
            question = yes_no_question(clause, owner=claimant)
            if question is None:
                continue
            verb_word = deny.lemma_.lower()
            verb_word = verb_word + ("es" if verb_word.endswith(("s", "sh", "ch")) else "s") \
                if not verb_word.endswith("y") else verb_word[:-1] + "ies"
            plural = denier_tok.tag_ in ("NNS", "NNPS")
            denial_word = deny.lemma_.lower() if plural else verb_word
            denial = f"{_lower_det(denier)} {denial_word} it"
            reason = f"{_cap(claimant)} says so; {denial}." if claimant else f"{_cap(denial)}."
            cites = [claim_sent.citation()] + ([sent.citation()] if claim_sent is not sent else [])
            out.append(OpenQuestion(question=question, reason=reason, citations=cites, kind="dispute"))
            # names of the two sides, for merging the same dispute across sources
            setattr(out[-1], "sides", (_name_in(claimant_tok) if claimant_tok is not None else None,
                                         _name_in(denier_tok)))
            setattr(out[-1], "parts", (claimant, denial))
    return out


def _find_claim(sents: list["Sentence"], k: int, deny: "Token"):
    """The claim a denial answers: its own 'that'-clause object, a claim in the same sentence, or one just before."""
    obj = next((c for c in deny.children if c.dep_ in ("dobj", "ccomp")), None)
    if obj is not None and obj.dep_ == "dobj":
        # "denied claims that X": the noun's clause states the claim
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")
                       and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)), None)
        if clause is not None:
            return sents[k], deny, clause
    own = {t.i for t in deny.subtree}
    same = [c for c in _claims_in(sents[k], own) if c[0].i < deny.i]
    if same:
        return sents[k], same[-1][0], same[-1][1]
    for j in range(k - 1, max(-1, k - 1 - LOOKBACK), -1):
        found = _claims_in(sents[j], set())
        if found:
            return sents[j], found[0][0], found[0][1]
    return None


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


def _wh_clauses(head: "Token") -> list["Token"]:
    """Embedded wh-clauses under a verb or adjective: 'specify how many X or how many Y'."""
    out = []
    for c in head.children:
        if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl") and c.pos_ in ("VERB", "AUX"):
            if min(t.i for t in c.subtree) >= 0 and c.doc[c.left_edge.i].lower_ in WH_WORDS:
                out.append(c)
                out.extend(x for x in c.children if x.dep_ == "conj" and x.doc[x.left_edge.i].lower_ in WH_WORDS)
                out.extend(x for x in c.children if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX")
                           and x not in out and _starts_with_wh_after_cc(x))
    return out


def _starts_with_wh_after_cc(tok: "Token") -> bool:
    first = min(tok.subtree, key=lambda t: t.i)
    return first.lower_ in WH_WORDS


def unknowns_in(sent: "Sentence") -> list[tuple[str, str]]:
    """(question, reason) pairs for what a sentence says is not known or not disclosed."""
    out: list[tuple[str, str]] = []
    for t in sent.span:
        lemma = t.lemma_.lower()
        if lemma in DISCLOSURE_VERBS | {"know"} and t.pos_ == "VERB" and is_negated(t):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in ("i", "you", "we"):
                continue
            passive = subj is not None and subj.dep_ == "nsubjpass"
            who = noun_phrase(subj) if subj is not None and not passive and subj.pos_ != "PRON" else None
            reason = f"{_cap(who)} did not {t.lemma_.lower()} it." if who else "The sources say it is not known."
            for clause in _wh_clauses(t):
                q = wh_question(clause)
                if q:
                    out.append((q, reason))
            obj = next((c for c in t.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None and not out:
                out.append((_what_question(obj, noun_phrase(obj)), reason))
            if passive and subj.pos_ in ("NOUN", "PROPN"):
                np_text = tokens_text(subtree_without(subj, frozenset({"relcl", "appos", "acl"})))
                out.append((_what_question(subj, np_text),
                            f"The sources say this is not {t.text.lower()}."))
        elif lemma in UNKNOWN_ADJECTIVES and t.dep_ in ("acomp", "amod", "attr"):
            clauses = _wh_clauses(t) + (_wh_clauses(t.head) if t.dep_ == "acomp" else [])
            for clause in clauses:
                q = wh_question(clause)
                if q:
                    out.append((q, f"The sources say this is {t.lower_}."))
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None) if t.dep_ == "acomp" else None
            if not clauses and subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                out.append((_what_question(subj, noun_phrase(subj)), f"The sources say this is {t.lower_}."))
    return out


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


def _will_question(verb: "Token", subject: str) -> str:
    rest = [t for t in subtree_without(verb, frozenset({"punct", "advcl", "relcl", "cc", "conj"}))
            if not (t.dep_ == "aux" and t.lower_ == "to") and t.i >= verb.i]
    words = tokens_text(rest[1:])
    return f"Will {subject} {verb.lemma_.lower()}{(' ' + words) if words else ''}?"


def _event_np(noun: "Token", drop: "Token") -> str:
    toks = [t for t in subtree_without(noun, frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "det"}))
            if drop is None or t.i != drop.i]
    return tokens_text(toks)


def next_steps(sent: "Sentence") -> list[tuple[str, str]]:
    """(question, cue word) for what a sentence speaks of as likely, planned or possible."""
    out: list[tuple[str, str]] = []
    for t in sent.span:
        low = t.lower_
        if low in POSSIBILITY_MODALS and t.tag_ == "MD" and t.dep_ == "aux":
            verb = t.head
            after = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if is_negated(verb) or (after is not None and after.lower_ in ("have", "not")) \
                    or verb.lemma_.lower() in NON_FUTURE_VERBS:
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ in ("i", "you", "we", "he", "she", "they", "it"):
                continue
            override = None
            if subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
                override = noun_phrase(verb.head)
            q = yes_no_question(verb, subject_text=override)
            if q:
                out.append((q, low))
        elif low in LIKELY_HEADS and t.dep_ in ("acomp", "ROOT", "xcomp", "advmod", "ccomp", "conj") \
                and not is_negated(t):
            target = _infinitive_target(t if t.pos_ != "ADV" else t.head)
            if target is None or target.lemma_.lower() in NON_FUTURE_VERBS:
                continue
            subj = subject_of(t if t.pos_ != "ADV" else t.head)
            if subj is None or subj.lower_ in PRONOUN_SUBJECTS:
                continue
            out.append((_will_question(target, noun_phrase(subj)), low))
        elif low in PLANNED_ADJECTIVES | POSSIBLE_ADJECTIVES and t.dep_ == "amod" \
                and t.head.lemma_.lower() in EVENT_NOUNS:
            noun = t.head
            while noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "potential ceasefire deal"
                noun = noun.head
            if low in PLANNED_ADJECTIVES:
                out.append((f"What will come of the {_event_np(noun, t)}?", low))
            else:
                keep = t if low == "further" else None
                np_text = _event_np(noun, t) if keep is None else _event_np(noun, None)
                plural = noun.tag_ in ("NNS", "NNPS")
                article = "" if plural else ("an " if np_text[:1].lower() in "aeiou" else "a ")
                out.append((f"Will there be {article}{np_text}?", low))
    # one sentence, one next-step question for each distinct wording
    return list({q: (q, cue) for q, cue in out if len(q.split()) >= 4}.values())


# ---------------------------------------------------------------- figure frames

def frame_question(number: "Span") -> str | None:
    """How the counted thing is asked about: 'North Korea sent 10,000 troops' -> 'How many troops did North Korea send?'"""
    root = number.root
    noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") else None
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    noun_text = tokens_text([c for c in noun.lefts if c.dep_ in ("amod", "compound") and c.ent_type_ not in
                             ("CARDINAL", "QUANTITY")] + [noun])
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB":
        subj = subject_of(verb)
        if subj is not None and subj.lower_ not in PRONOUN_SUBJECTS:
            return f"How many {noun_text} did {noun_phrase(subj)} {verb.lemma_.lower()}?"
    if noun.dep_ == "nsubjpass" and verb.tag_ == "VBN":
        return f"How many {noun_text} were {verb.text}?"
    if noun.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.tag_ == "VBD":
        return f"How many {noun_text} {verb.text}?"
    return f"How many {noun_text}?"


def frames(sent: "Sentence") -> list[OpenQuestion]:
    out = []
    for ent in sent.span.ents:
        if ent.label_ not in NUMBER_LABELS:
            continue
        q = frame_question(ent)
        if q:
            out.append(OpenQuestion(question=q, reason=ent.text, citations=[sent.citation()], kind="frame"))
    return out


# ---------------------------------------------------------------- all signals of a document

def extract(ctx: "DocContext") -> list[OpenQuestion]:
    out: list[OpenQuestion] = disputes(ctx)
    for sent in ctx.sentences:
        if len(sent.span) < 5:
            continue
        cite: Citation = sent.citation()
        for question, reason in unknowns_in(sent):
            out.append(OpenQuestion(question=question, reason=reason, citations=[cite], kind="unknown"))
        for question, cue in next_steps(sent):
            out.append(OpenQuestion(question=question, reason=_next_reason(cue), citations=[cite], kind="next"))
        out.extend(frames(sent))
    return out


def _next_reason(cue: str) -> str:
    if cue in POSSIBILITY_MODALS:
        return f"A source says this {cue} happen."
    if cue in PLANNED_ADJECTIVES:
        return f"A source speaks of it as {cue}."
    return f"A source speaks of it as {cue}." if cue in POSSIBLE_ADJECTIVES else f"A source says this is {cue}."
