"""Small grammar helpers on spaCy parses: clause text, speakers' subjects, turning a clause into a question.

Used by the signals, reactions, figures and timeline extractors. Everything works from dependency labels and tags, so it
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


def tokens_text(tokens: Iterable["Token"], words: dict[int, str] | None = None) -> str:
    """The text of tokens in sentence order, spaced as in the source; words: other spellings of some tokens by
    index (a conjoined verb's base form after 'did')."""
    toks = sorted(set(tokens), key=lambda t: t.i)
    words = words or {}
    out = []
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        space = t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else (" " if nxt else "")
        out.append(words.get(t.i, t.text) + space)
    return "".join(out).strip()


def subtree_without(tok: "Token", drop_deps: frozenset[str] = frozenset()) -> list["Token"]:
    """tok's subtree less the subtrees of children attached by one of drop_deps (and quote marks, but not the
    apostrophe of a possessive: 'the workers' pay')."""
    out, stack = [], [tok]
    while stack:  # iterative: a run-on "sentence" of scraped text can nest deeper than Python's recursion limit
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in drop_deps or joins_words(c))
    return sorted((t for t in out if not _quote_mark(t)), key=lambda t: t.i)


def joins_words(tok: "Token") -> bool:
    """A hyphen or slash inside a word ("Kim Jong-un"): part of the name, not punctuation to drop."""
    if tok.text not in "-‐‑/" or tok.i == 0:
        return False
    return not tok.doc[tok.i - 1].whitespace_ and not tok.whitespace_


# subjects and subordinators that make a conjoined verb a clause of its own: 'and imports would rise',
# 'and there are fears', 'and whether engineers had warned'
OWN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
BRACKETS = {"(": ")", "[": "]"}
DASHES = frozenset({"-", "–", "—", "--"})
# a preposition left without its object once an aside is cut ('lost to leaks by' -> 'lost to leaks')
PREP_DEPS = frozenset({"prep", "agent", "dative"})
PREP_OBJECT_DEPS = frozenset({"pobj", "pcomp"})


def _own_clause(conj: "Token") -> bool:
    """A conjoined verb with its own subject or subordinator is a second claim, not part of this one."""
    if conj.pos_ not in ("VERB", "AUX"):
        return False
    # a wh-word of its own comes after the coordinator ('or how many had died'), not before the first verb
    return any(c.dep_ in OWN_SUBJECT_DEPS or c.dep_ == "mark" or (_is_wh(c) and c.i > conj.head.i)
               for c in conj.children)


def _is_wh(tok: "Token") -> bool:
    """A wh-word by its tag and its spelling: 'WHO' the agency is none."""
    return tok.lower_ in WH_WORDS and (tok.tag_ in WH_TAGS or tok.lower_ == "whether") \
        and not tok.text.isupper() and tok.dep_ != "compound"


def _kept_with_coordination(root: "Token", drop_deps: frozenset[str], drop_conj) -> list["Token"]:
    """root's subtree less the subtrees of children attached by drop_deps, of conjuncts drop_conj(c) rejects
    and of conjuncts joined by commas alone; the 'and'/'or' of each coordination kept ('bridges and schools')
    stays with it, and hyphens inside words. Sorted, without quote marks and commas (_without_asides puts
    back those between words that stay)."""
    out, stack = [], [root]
    while stack:  # iterative, as subtree_without
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ == "conj":
                if _syndetic(c) and not drop_conj(c):
                    stack.append(c)
            elif c.dep_ in ("cc", "punct"):
                continue  # decided below, once we know which conjuncts stay
            elif c.dep_ not in drop_deps or joins_words(c):
                stack.append(c)
    kept = {t.i for t in out}
    for t in list(out):
        later_conjuncts = [c.i for c in t.children if c.dep_ == "conj" and c.i in kept]
        for c in t.children:
            if c.dep_ == "punct" and joins_words(c):
                out.append(c)
            elif c.dep_ == "cc" and c.i > t.i and any(i > c.i for i in later_conjuncts):
                out.extend(c.subtree)  # 'as well as'
            elif c.dep_ == "cc" and c.i - 1 in kept and c.right_edge.i + 1 in kept:
                out.extend(c.subtree)  # 'between 18% and 79%' parsed with no conjunct: the words on both sides stay
    return sorted((t for t in out if not _quote_mark(t)), key=lambda t: t.i)


def _syndetic(conj: "Token") -> bool:
    """Is the coordination conj belongs to joined by a conjunction somewhere ('A, B and C')? One joined by
    commas alone is most often a misread apposition ('the Regulation, Regulation 2016/1036')."""
    before = conj.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
    if before is not None and before.dep_ == "cc":
        return True  # 'a protest and summon the envoy', the 'and' hung on 'protest'
    first = conj
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    stack = [first]
    while stack:
        t = stack.pop()
        if any(c.dep_ == "cc" for c in t.children):
            return True
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return False


def _without_asides(tokens: list["Token"], drop: set[int] = frozenset(), list_commas_only: bool = False) \
        -> list["Token"]:
    """tokens less those in drop and those set off by brackets or dashes, and less a preposition whose object
    went with them ('lost to leaks by' once 'by its count' is cut); a comma between two words that stay stays
    too ('roads, bridges and schools'), one next to a cut aside goes. list_commas_only: only a comma before a
    conjunct stays ('Lima, Quito and Bogota', not 'the duties, of between 5% and 9%')."""
    if not tokens:
        return []
    drop = set(drop) | _delimited_asides(tokens)
    kept = {t.i for t in tokens if t.i not in drop}
    kept -= {t.i for t in tokens if t.dep_ in PREP_DEPS and any(c.dep_ in PREP_OBJECT_DEPS for c in t.children)
             and not any(c.i in kept for c in t.children)}
    doc = tokens[0].doc
    commas = [doc[i] for i in range(tokens[0].i + 1, tokens[-1].i) if doc[i].text == ","
              and i - 1 in kept and i + 1 in kept]
    # a dash between two numbers that stay is a range ('10 - 12 patients')
    ranges = [doc[i] for i in range(tokens[0].i + 1, tokens[-1].i) if doc[i].text in DASHES
              and i - 1 in kept and i + 1 in kept and doc[i - 1].like_num and doc[i + 1].like_num]
    if list_commas_only:
        conjunct_starts = {t.left_edge.i for t in tokens if t.dep_ == "conj" and t.i in kept}
        commas = [c for c in commas if c.i + 1 in conjunct_starts or (
            doc[c.i + 1].dep_ == "cc" and doc[c.i + 1].right_edge.i + 1 in conjunct_starts)]
    return sorted({t for t in tokens if t.i in kept} | set(commas) | set(ranges), key=lambda t: t.i)


def _quote_mark(tok: "Token") -> bool:
    """A quotation mark, not the apostrophe of a plural's possessive ('the workers' pay')."""
    return tok.text in QUOTE_CHARS and tok.tag_ != "POS"


def _delimited_asides(tokens: list["Token"]) -> set[int]:
    """Indexes of tokens set off inside a clause by brackets or by a pair of spaced dashes
    ('more than a quarter of the water - 27%, by its count - is lost'); a dash between numbers is a range."""
    if not tokens:
        return set()
    doc = tokens[0].doc
    out: set[int] = set()
    closing: list[str] = []
    dash_open = None
    for i in range(tokens[0].i, tokens[-1].i + 1):
        t = doc[i]
        if t.text in BRACKETS:
            closing.append(BRACKETS[t.text])
        if closing:
            out.add(i)
            if t.text == closing[-1]:
                closing.pop()
            continue
        if t.text in DASHES and not joins_words(t) and not (
                0 < i < len(doc) - 1 and doc[i - 1].like_num and doc[i + 1].like_num):
            if dash_open is None:
                dash_open = i
            else:
                out.update(range(dash_open, i + 1))
                dash_open = None
    return out


def _comma_asides(verb: "Token", start: int, end: int) -> set[int]:
    """Indexes of a phrase set off by commas between start and end ('workers, most of them in the north, could be')."""
    commas = [i for i in range(start, end) if verb.doc[i].text == ","]
    return set(range(commas[0], commas[-1] + 1)) if len(commas) >= 2 else set()


# what a comma may append to a clause after its complements: adjuncts, never an object or a complement
APPENDED_DEPS = frozenset({"prep", "npadvmod", "advmod", "amod", "acl", "appos", "dep", "nummod"})


def _appended_after_comma(verb: "Token", kept: set[int]) -> set[int]:
    """Phrases a comma appends to the verb's clause after its complements ('could weigh on the treaty, in
    force since 2020', 'killed 12 people, including three children'): an aside, not part of the claim. A list
    comma between conjoined verbs is not one, nor a comma before the object ('destroyed, by one count, 140 homes')."""
    comma = next((c for c in verb.children if c.dep_ == "punct" and c.text == "," and c.i > verb.i
                  and not (c.i + 1 in kept and c.doc[c.i + 1].dep_ in ("conj", "cc"))), None)
    if comma is None or not any(verb.i < c.i < comma.i for c in verb.children):
        return set()  # 'destroyed, by one count, 140 homes': the comma comes before the complement
    appended = [c for c in verb.children if c.i > comma.i and c.dep_ not in ("conj", "cc", "punct")]
    if any(c.dep_ not in APPENDED_DEPS for c in appended):
        return set()
    return {t.i for c in appended for t in c.subtree}


def _joined(*parts: str) -> str:
    """Parts of a question joined by spaces, none before a comma that opens a part ('raised' + ', cut or dropped')."""
    return " ".join(p for p in parts if p).replace(" , ", ", ")


def _conjoined_verbs(verb: "Token", kept: set[int]) -> list["Token"]:
    """Verbs conjoined to verb with no subject of their own ('raised, cut or dropped'), which share its
    auxiliaries: after a fronted 'did' they take their base form too."""
    out, stack = [], [verb]
    while stack:
        for c in stack.pop().children:
            if c.dep_ == "conj" and c.i in kept and c.pos_ in ("VERB", "AUX"):
                stack.append(c)
                out.append(c)
    return out


# verb forms that can share one fronted auxiliary: 'will lodge and summon', 'was pulled and flown'
VERB_FORM_GROUPS = {"VB": "base", "VBN": "participle", "VBD": "participle", "VBG": "gerund", "VBZ": "present",
                    "VBP": "present"}


def _conjoined_to(conj: "Token", verb: "Token") -> bool:
    t = conj
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.i == verb.i


def _not_sharing(verb: "Token"):
    """What a question about verb leaves out of its coordinations: a second clause, and a verb conjoined to it
    that cannot share the question's fronted word ('are exempt and will be supplied', 'was painful and urged
    residents', 'had no cases but was concerned')."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    copula = verb.lemma_ == "be" and not auxes
    takes_base = not auxes or auxes == ["had"]  # fronted 'did'/'does': conjoined verbs take their base form

    def drop(conj: "Token") -> bool:
        if _own_clause(conj):
            return True
        if conj.pos_ not in ("VERB", "AUX") or not _conjoined_to(conj, verb):
            return False
        if copula or any(c.dep_ in ("aux", "auxpass", "neg") for c in conj.children) \
                or (conj.lemma_ == "be" and verb.lemma_ != "be"):
            return True
        if takes_base:
            return VERB_FORM_GROUPS.get(conj.tag_) not in ("participle", "present")
        return VERB_FORM_GROUPS.get(conj.tag_) != VERB_FORM_GROUPS.get(verb.tag_)
    return drop


def _clause_parts(verb: "Token", subj: "Token", first: int = -1) \
        -> tuple[list["Token"], list["Token"], list["Token"], dict[int, str]]:
    """verb's clause for a question: its subject's words, then the words other than subject, auxiliaries and
    verb, split into those before the verb ('first', 'already', 'not') and those after it; and the base forms of
    verbs conjoined to it. Asides, second claims and quotation marks are left out, coordinations kept.
    first: the clause starts after this index (a wh-phrase)."""
    toks = _kept_with_coordination(verb, ASIDE_DEPS - {"cc", "punct"}, _not_sharing(verb))
    drop = _comma_asides(verb, subj.right_edge.i + 1, verb.i) | _appended_after_comma(verb, {t.i for t in toks})
    toks = [t for t in _without_asides(toks, drop) if t.i > first and not (
        t.dep_ == "mark" and t.head.i == verb.i and t.lower_ in ("whether", "if", "that"))]
    auxes = {c.i for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i}
    in_subject = [t for t in toks if subj.left_edge.i <= t.i <= subj.right_edge.i]
    rest = [t for t in toks if t not in in_subject and t.i not in auxes and t.i != verb.i]
    words = {c.i: c.lemma_ for c in _conjoined_verbs(verb, {t.i for t in toks})}
    return in_subject, [t for t in rest if t.i < verb.i], [t for t in rest if t.i > verb.i], words


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


NOUN_ASIDE_DEPS = frozenset({"relcl", "acl", "appos", "advcl"})


def noun_phrase(tok: "Token") -> str:
    """A noun with its determiners, modifiers and short prepositional complements, not its clauses nor the nouns
    conjoined to it ('the minister and her deputy' -> 'the minister'); a coordination inside it stays whole
    ('negotiators from Chile and Peru')."""
    toks = _kept_with_coordination(tok, NOUN_ASIDE_DEPS, lambda c: c.head.i == tok.i or c.pos_ in ("VERB", "AUX"))
    return tokens_text(_without_asides(toks, list_commas_only=True))


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


SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


def _set_off(tok: "Token") -> bool:
    """Is tok's phrase between two commas ('workers, most of them in the north, ...')?"""
    left, right = tok.left_edge.i, tok.right_edge.i
    return left > 0 and right + 1 < len(tok.doc) and tok.doc[left - 1].text == "," and tok.doc[right + 1].text == ","


def _subject(verb: "Token", deps: tuple[str, ...] = SUBJECT_DEPS) -> "Token | None":
    """verb's subject; when the parser took a phrase set off by commas for it ('300 nurses, many of them from
    clinics, could lose'), the noun before that phrase."""
    subj = next((c for c in verb.children if c.dep_ in deps), None)
    if subj is None or not _set_off(subj):
        return subj
    head_noun = next((c for c in verb.children if c.i < subj.left_edge.i and c.pos_ in ("NOUN", "PROPN")
                      and c.dep_ in deps + ("npadvmod",) and not _set_off(c)), None)
    return head_noun or subj


def yes_no_question(verb: "Token", owner: str | None = None, subject_text: str | None = None) -> str | None:
    """Turn a declarative clause headed by ``verb`` into a yes/no question, or None if its shape is unusual.

    "its troops had fully recaptured the region" -> "Did Russia's troops fully recapture the region?"
    "forces had been driven out of the village" -> "Were forces driven out of the village?"
    """
    subj = _subject(verb)
    if subj is None or (subj.lower_ in PRONOUN_SUBJECTS and not subject_text):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(t.tag_ in ("WP", "WP$", "WDT") for t in subj.subtree) and not subject_text:
        return None  # "whose destruction ...": a relative clause, not a claim to ask about
    # asides, second claims ('repairs could take months and imports would rise') and what comes before the subject
    # ('On Monday, ...') are left out
    subj_toks, before, after, words = _clause_parts(verb, subj, first=subj.left_edge.i - 1)
    subject_text = lower_determiner(subject_text or possessives_resolved(subj_toks, owner))
    first = subj_toks[0] if subj_toks else None
    at_start = first is not None and (first.is_sent_start or (first.i > 0 and first.doc[first.i - 1].is_sent_start
                                                               and first.doc[first.i - 1].is_quote))
    if at_start and subj_toks[0].pos_ != "PROPN" and subject_text[:1].isupper() \
            and not subject_text[:2].isupper():
        subject_text = subject_text[:1].lower() + subject_text[1:]  # "Countries are ..." -> "Are countries ...?"
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children) \
        or (subj.tag_ == "CD" and subj.lower_ not in ("one", "1"))  # 'two of its officers were hurt'
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
    if not verb_word and not after:
        return None  # 'Was the response on Monday?': the complement was an aside or misread
    if front not in ("did", "does", "do") or not verb_word:
        words = {}  # conjoined verbs keep their form after a fronted auxiliary: 'will be raised, cut or dropped'
    middle = _joined(subject_text, tokens_text(before), verb_word, tokens_text(after, words)).rstrip(" ,;:.")
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
WH_TAGS = frozenset({"WRB", "WP", "WP$", "WDT"})


# a verb on the path from a wh-word up to the clause's verb that heads a clause of its own: the wh-word asks about
# that clause, not this one ('how the patient was infected; the source has not been identified')
OTHER_CLAUSE_DEPS = frozenset({"advcl", "csubj", "csubjpass", "parataxis", "relcl", "acl", "conj"})


def _asks_about(wh: "Token", verb: "Token") -> bool:
    """Does the wh-word belong to verb's own clause (through its phrase, 'how many troops', an infinitive,
    'how much they plan to spend', or a reported clause, 'who the board said had resigned'), rather than to an
    adverbial, relative or conjoined clause nested in it?"""
    t = wh
    while t.i != verb.i:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in OTHER_CLAUSE_DEPS:
            return False
        if t.head.i == t.i:
            return False  # reached the root without meeting verb
        t = t.head
    return True


def wh_question(verb: "Token") -> str | None:
    """Turn an embedded wh-clause into a direct question.

    "how many troops North Korea had sent" -> "How many troops did North Korea send?"
    "how many had died" -> "How many had died?"  (the wh-phrase is the subject: no inversion needed)
    "how the virus first reached the town" -> "How did the virus first reach the town?"
    """
    toks = _without_asides(_kept_with_coordination(verb, frozenset({"punct"}), _own_clause))
    first = toks[0] if toks else verb
    if not _is_wh(first):
        return None
    if first.lower_ == "whether":
        return yes_no_question(verb)
    if not _asks_about(first, verb):
        return None
    subj = _subject(verb, ("nsubj", "nsubjpass"))
    if subj is not None and subj.left_edge.i <= first.i <= subj.right_edge.i:
        # the wh-phrase is the subject ("how many had died"): keep the order
        return _capitalise(tokens_text(toks).rstrip(" ,;:.")) + "?"
    # the wh-phrase runs over "how many troops" / "what kind of aid": up to the subject or the verb
    stop = subj.left_edge.i if subj is not None and subj.i > first.i else verb.i
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if auxes:
        stop = min(stop, auxes[0].i) if subj is None or subj.i < first.i or subj.i > auxes[0].i else stop
    wh_toks = [t for t in toks if first.i <= t.i < stop]
    wh_phrase_end = max(t.i for t in wh_toks) if wh_toks else first.i
    if subj is None or subj.i <= wh_phrase_end:
        # the wh-phrase is the subject ("how many had died"): keep the order
        return _capitalise(tokens_text([t for t in toks if t.i >= first.i]).rstrip(" ,;:.")) + "?"
    subj_toks, before, after, words = _clause_parts(verb, subj, first=wh_phrase_end)
    aux_words = [a.lower_ for a in auxes]
    if aux_words[:1] == ["had"] and (len(aux_words) == 1):
        front, verb_word = "did", verb.lemma_
    elif aux_words:
        front, verb_word = aux_words[0], tokens_text(auxes[1:] + [verb])
    elif (fronted := _front_without_aux(verb)) is not None:
        front, verb_word = fronted
    else:
        return None
    if front not in ("did", "does", "do") or not verb_word:
        words = {}
    # words between the subject and the verb stay there: "How did the virus first reach ...?"
    parts = [tokens_text(wh_toks), front, tokens_text(subj_toks), tokens_text(before), verb_word,
             tokens_text(after, words)]
    return _capitalise(_joined(*parts).rstrip(" ,;:.")) + "?"
