"""Small grammar helpers on spaCy parses: clause text, speakers' subjects, turning a clause into a question.

Used by the reactions and signals extractors. Everything works from dependency labels and tags, so it
holds for any topic; when a clause does not have a shape we can invert safely we return None instead of
writing a question the sentence does not support.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from spacy.tokens import Token

# children whose subtree is an aside, not part of the claim itself
ASIDE_DEPS = frozenset({"relcl", "appos", "advcl", "parataxis", "punct", "cc", "mark", "prep_aside"})
PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
QUOTE_CHARS = "\"“”„«»‘’'"


def tokens_text(tokens: Iterable["Token"]) -> str:
    """The text of tokens in sentence order, spaced as in the source."""
    toks = sorted(set(tokens), key=lambda t: t.i)
    out = []
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        out.append(t.text + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else (" " if nxt else "")))
    return "".join(out).strip()


def subtree_without(tok: "Token", drop_deps: frozenset[str] = frozenset()) -> list["Token"]:
    """tok's subtree less the subtrees of children attached by one of drop_deps (and quote marks)."""
    out, stack = [], [tok]
    while stack:  # iterative: a run-on "sentence" of scraped text can nest deeper than Python's recursion limit
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in drop_deps or joins_words(c))
    return sorted((t for t in out if t.text not in QUOTE_CHARS), key=lambda t: t.i)


def joins_words(tok: "Token") -> bool:
    """A hyphen or slash inside a word ("Kim Jong-un"): part of the name, not punctuation to drop."""
    if tok.text not in "-‐‑/" or tok.i == 0:
        return False
    return not tok.doc[tok.i - 1].whitespace_ and not tok.whitespace_


def subject_of(verb: "Token") -> "Token | None":
    """The subject of a verb, following conjoined and auxiliary-bearing verbs up to one that has it."""
    speech = verb.lemma_.lower() in SPEECH_ACTS
    seen = 0
    while verb is not None and seen < 4:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                if speech and seen and verb.dep_ == "ccomp" and _mute(c) and verb.head.i != verb.i:
                    break  # "said the duty complied ... and denied": the one who said it denied, not the duty
                return c
        else:
            c = None
        if c is not None:
            verb, seen = verb.head, seen + 1
            continue
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


# words that make a clause look ahead: modals of the future, and frames of expectation or schedule
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
LOOK_AHEAD_FRAMES = frozenset({"expect", "due", "set", "schedule", "forecast", "predict", "project", "plan", "slate"})


def looks_ahead(verb: "Token") -> bool:
    """Does the clause speak of what is still to come, so that a bare weekday or month in it names the next
    one ("temperatures are expected to fall by Saturday", "the court will rule on Monday", "is due to open
    on Friday")? Past frames ("was expected to", "was due to") do not."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
        return True
    frame = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else verb  # "expected to fall"
    if frame is verb and not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    if frame.lemma_.lower() not in LOOK_AHEAD_FRAMES:
        return False
    holder = frame.head if frame.dep_ == "acomp" else frame  # "is due to sail": the tense is on 'is'
    tenses = {holder.tag_} | {c.tag_ for t in (holder, frame) for c in t.children if c.dep_ in ("aux", "auxpass")}
    return "VBD" not in tenses


SPEECH_ACTS = frozenset("say deny reject dispute refute dismiss insist add claim accuse condemn denounce warn".split())


def _mute(subj: "Token") -> bool:
    """A subject that cannot say anything: a common noun that names no person, body or group."""
    from briefing.extract.lexicon import PERSON_NOUNS, STAKEHOLDER_GROUPS

    return subj.pos_ == "NOUN" and not subj.ent_type_ and subj.lemma_.lower() not in PERSON_NOUNS \
        and subj.lemma_.lower() not in STAKEHOLDER_GROUPS and subj.lower_ not in PERSON_NOUNS


def is_negated(tok: "Token") -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    # "is not true", "did not specify": negation may sit on the auxiliary's head
    return tok.dep_ in ("acomp", "attr", "xcomp") and any(c.dep_ == "neg" for c in tok.head.children)


def noun_phrase(tok: "Token") -> str:
    """A noun with its determiners, modifiers and short prepositional complements, not its clauses."""
    return tokens_text(subtree_without(tok, frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})))


def possessives_resolved(tokens: list["Token"], owner: str | None) -> str:
    """Clause text with a leading possessive pronoun ("its troops") replaced by the owner's name."""
    text_parts = []
    toks = sorted(set(tokens), key=lambda t: t.i)
    replaced = False
    for k, t in enumerate(toks):
        word = t.text
        if owner and not replaced and t.lower_ in POSSESSIVE_PRONOUNS and t.dep_ == "poss":
            word = owner + ("'" if owner.endswith("s") else "'s")
            replaced = True
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        text_parts.append(word + (t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else (" " if nxt else "")))
    return "".join(text_parts).strip()


def lower_determiner(text: str) -> str:
    """'The alliance' -> 'the alliance' inside a question; names keep their capitals."""
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An", "This", "These", "Those", "Its", "Their", "His", "Her", "Some", "Any"):
        return first.lower() + (" " + rest if rest else "")
    return text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def yes_no_question(verb: "Token", owner: str | None = None, subject_text: str | None = None) -> str | None:
    """Turn a declarative clause headed by ``verb`` into a yes/no question, or None if its shape is unusual.

    "its troops had fully recaptured the region" -> "Did Russia's troops fully recapture the region?"
    "forces had been driven out of the village" -> "Were forces driven out of the village?"
    """
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass")), None)
    if subj is None or (subj.lower_ in PRONOUN_SUBJECTS and not subject_text):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(t.tag_ in ("WP", "WP$", "WDT") for t in subj.subtree) and not subject_text:
        return None  # "whose destruction ...": a relative clause, not a claim to ask about
    # a conjoined clause with its own subject is a second claim: "repairs could take months and imports would rise"
    second = [c for c in verb.subtree if c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    own_clauses = {t.i for c in second for t in c.subtree}
    own_clauses |= {g.i for c in second for g in c.head.children if g.dep_ == "cc" and g.i < c.i}
    clause = [t for t in subtree_without(verb, ASIDE_DEPS) if t.i not in own_clauses]
    clause = [t for t in clause if t.i >= subj.left_edge.i and not (t.dep_ == "mark" and t.lower_ in ("whether", "if", "that"))]
    subj_toks = [t for t in clause if subj.left_edge.i <= t.i <= subj.right_edge.i]
    rest = [t for t in clause if t not in subj_toks and t not in auxes and t.i != verb.i]
    before = [t for t in rest if t.i < verb.i]
    after = [t for t in rest if t.i > verb.i]
    subject_text = lower_determiner(subject_text or possessives_resolved(subj_toks, owner))
    first = subj_toks[0] if subj_toks else None
    at_start = first is not None and (first.is_sent_start or (first.i > 0 and first.doc[first.i - 1].is_sent_start
                                                               and first.doc[first.i - 1].is_quote))
    if at_start and subj_toks[0].pos_ != "PROPN" and subject_text[:1].isupper() \
            and not subject_text[:2].isupper():
        subject_text = subject_text[:1].lower() + subject_text[1:]  # "Countries are ..." -> "Are countries ...?"
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    aux_words = [a.lower_ for a in auxes]
    if aux_words[:2] in (["had", "been"], ["has", "been"], ["have", "been"]) or aux_words[:1] in (["was"], ["were"]):
        front, verb_word = ("were" if plural else "was"), verb.text
        if aux_words[:1] in (["has"], ["have"]):
            front, verb_word = ("have" if plural else "has"), "been " + verb.text
    elif aux_words[:1] == ["had"]:
        front, verb_word = "did", verb.lemma_
    elif aux_words:
        front, verb_word = aux_words[0], tokens_text(auxes[1:] + [verb])
    elif (fronted := _front_without_aux(verb)) is not None:
        front, verb_word = fronted
    else:
        return None
    middle = " ".join(w for w in (subject_text, tokens_text(before), verb_word, tokens_text(after)) if w)
    middle = middle.rstrip(" ,;:.")
    if len(middle.split()) < 3:
        return None
    return _capitalise(front) + " " + middle + "?"


def _front_without_aux(verb: "Token") -> tuple[str, str] | None:
    """The word a question puts first when the verb has no auxiliary, and what is left of the verb:
    'was' -> ('was', ''), 'sent' -> ('did', 'send'), 'says' -> ('does', 'say'); None for other forms."""
    if verb.lemma_ == "be" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        return verb.lower_, ""
    if verb.tag_ == "VBD":
        return "did", verb.lemma_
    if verb.tag_ in ("VBZ", "VBP"):
        return ("does" if verb.tag_ == "VBZ" else "do"), verb.lemma_
    return None


WH_WORDS = frozenset({"how", "what", "who", "whom", "when", "where", "why", "which", "whether"})


def wh_question(verb: "Token") -> str | None:
    """Turn an embedded wh-clause into a direct question.

    "how many troops North Korea had sent" -> "How many troops did North Korea send?"
    "how many had died" -> "How many had died?"  (the wh-phrase is the subject: no inversion needed)
    """
    toks = subtree_without(verb, frozenset({"punct", "cc", "conj"}))
    first = min(toks, key=lambda t: t.i)
    if first.lower_ not in WH_WORDS:
        return None
    if first.lower_ == "whether":
        inner = yes_no_question(verb)
        return inner
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.left_edge.i <= first.i <= subj.right_edge.i:
        # the wh-phrase is the subject ("how many had died"): keep the order
        return _capitalise(tokens_text(toks).rstrip(" ,;:.")) + "?"
    wh_phrase_end = first.i
    # the wh-phrase runs over "how many troops" / "what kind of aid": up to the subject or the verb
    stop = subj.left_edge.i if subj is not None and subj.i > first.i else verb.i
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if auxes:
        stop = min(stop, auxes[0].i) if subj is None or subj.i < first.i or subj.i > auxes[0].i else stop
    wh_toks = [t for t in toks if first.i <= t.i < stop]
    wh_phrase_end = max(t.i for t in wh_toks) if wh_toks else wh_phrase_end
    rest = [t for t in toks if t.i > wh_phrase_end]
    if subj is None or subj.i <= wh_phrase_end:
        # the wh-phrase is the subject ("how many had died"): keep the order
        return _capitalise(tokens_text(wh_toks + rest).rstrip(" ,;:.")) + "?"
    subj_toks = [t for t in rest if subj.left_edge.i <= t.i <= subj.right_edge.i]
    after = [t for t in rest if t not in subj_toks and t not in auxes and t.i != verb.i]
    aux_words = [a.lower_ for a in auxes]
    if aux_words[:1] == ["had"] and (len(aux_words) == 1):
        front, verb_word = "did", verb.lemma_
    elif aux_words:
        front, verb_word = aux_words[0], tokens_text(auxes[1:] + [verb])
    elif (fronted := _front_without_aux(verb)) is not None:
        front, verb_word = fronted
    else:
        return None
    parts = [tokens_text(wh_toks), front, tokens_text(subj_toks), verb_word, tokens_text(after)]
    return _capitalise(" ".join(p for p in parts if p).rstrip(" ,;:.")) + "?"
