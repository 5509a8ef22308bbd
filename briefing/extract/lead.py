"""The main clause of a lead sentence, cut down to a headline: who did what (to whom, where).

Only words of the sentence are kept, in their order, so the sentence it is cut from supports it:
subject, verb and complements; dates, side clauses (relative, adverbial, appositions), a second
independent clause and trailing modifiers go first until it fits.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.extract import in_dateline
from briefing.pagemeta import DATELINE  # 'KAMPALA, May 16 (Wire) -': event and timeline read it from here

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_HEADLINE_WORDS = 15
MAX_LEAD_TOKENS = 80
_SIDE_DEPS = frozenset({"advcl", "relcl", "acl", "appos", "parataxis", "intj", "meta", "dep", "discourse",
                        "preconj", "mark"})
_DISCOURSE = frozenset({"however", "also", "meanwhile", "then", "still", "only", "now", "just", "so", "thus",
                        "moreover", "nonetheless", "yet", "already", "reportedly"})
_SPEECH = frozenset({"say", "tell", "add", "report", "write", "note", "state", "confirm", "announce", "claim"})
_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "who"})
# words that open a subordinate clause; the parser sometimes reads one as a preposition with a clause inside
# its object ("killed as a wildfire that ... jumped a ridge"): the whole clause is then an aside
_SUBORDINATORS = frozenset({"as", "after", "before", "since", "until", "while", "because", "when", "once"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_OBJECTS = frozenset({"dobj", "attr", "oprd"})
SHORT_CLAUSE = 6  # a main clause of this many words or fewer takes its 'when' clause along if that fits
_EVENT_MARKS = frozenset({"when", "after", "as", "because", "while"})


def main_verb(span: "Span") -> "Token":
    """The sentence's main verb: its root, unless the parser rooted it on a noun phrase that sums it up ("14
    soldiers were killed, the ministry said, the deadliest clash in a decade" rooted on 'clash', the report
    hung on it as a parataxis): then that reporting verb."""
    root = span.root
    if root.pos_ in ("NOUN", "PROPN"):
        told = next((c for c in root.children if c.dep_ == "parataxis" and c.pos_ in ("VERB", "AUX") and c.i < root.i
                     and any(g.dep_ == "ccomp" and g.i < c.i for g in c.children)), None)
        if told is not None:
            return told
    return root


def headline_clause(span: "Span", max_words: int = MAX_HEADLINE_WORDS) -> str:
    """'North Korea on Monday officially confirmed its troop deployment in Ukraine under the orders of
    Kim Jong Un, supporting Russia in the Kursk region.' -> 'North Korea officially confirmed its troop
    deployment in Ukraine under the orders of Kim Jong Un'. "" when no clause fits."""
    if len(span) > MAX_LEAD_TOKENS:
        return ""  # no headline hides in a run-on sentence, and trimming one modifier at a time is quadratic
    root = main_verb(span)
    if root.pos_ not in ("VERB", "AUX"):
        return ""
    fronted = [c for c in root.children if c.dep_ == "ccomp" and c.i < root.i]
    if root.lemma_.lower() in _SPEECH and fronted:
        root = fronted[0]  # "At least 19 people were killed ..., the director told reporters": what was told
    drop = _side_material(root)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")), None)
    dateline = DATELINE.match(span.text)
    if dateline:  # "ACCRA, May 16 - ...": not part of the clause
        end = span.start_char + dateline.end()
        drop |= {t.i for t in span if t.idx < end}
        if subject is not None and subject.idx < end:
            # the parser took the dateline's place for the subject; the real one is a second subject
            # or hangs off the false one
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= end),
                           None) or next((c for c in subject.children if c.dep_ in ("appos", "conj", "npadvmod")
                                          and c.idx >= end), None)
            if subject is not None:
                drop -= {t.i for t in subject.subtree}
                drop |= _side_material(subject, own=True) | {t.i for t in span if t.idx < end}
    if subject is None or subject.lower_ in _PRONOUNS or subject.idx < span.start_char:
        return ""  # no one doing anything, or someone a headline cannot name ("it ruled ...")
    keep = [t for t in root.subtree if t.i not in drop and t.i >= span.start and t.i < span.end]
    if _count(keep) <= SHORT_CLAUSE:
        # "Nine sailors were injured" says little without its "when a patrol ship rammed their vessel"
        fuller = _with_subordinate(root, span, drop, max_words)
        if fuller is not None and subject.i in {t.i for t in fuller}:
            return _render(fuller)
    keep = _fit(root, keep, drop, max_words)
    if keep is None or subject.i not in {t.i for t in keep}:
        return ""
    text = _render(keep)
    return text if _count(keep) >= 4 else ""


def _fit(root: "Token", keep: list["Token"], drop: set[int], max_words: int) -> "list[Token] | None":
    """The kept words trimmed, last modifier first, until they fit; None when they cannot."""
    drop = set(drop)
    while _count(keep) > max_words:
        last = _last_modifier(root, keep)
        if last is None:
            return None
        drop |= {t.i for t in last.subtree}
        if last.dep_ == "conj":  # with its conjunction
            drop |= {c.i for c in last.head.children if c.dep_ == "cc" and c.i < last.i}
        keep = [t for t in keep if t.i not in drop]
    return keep


def _with_subordinate(root: "Token", span: "Span", drop: set[int], max_words: int) -> "list[Token] | None":
    """The main clause with its first 'when'/'after'/'as' clause, whole (its subject, verb and object; only
    trailing modifiers trimmed), when that fits; None otherwise."""
    clause = next((c for c in root.children if c.dep_ == "advcl" and c.i > root.i and c.tag_ in _FINITE_TAGS
                   and any(m.dep_ in ("mark", "advmod") and m.lower_ in _EVENT_MARKS and m.i < c.i
                           for m in c.children)), None)
    if clause is None or sum(1 for c in root.children if c.dep_ == "advcl" and c.i > root.i
                             and c.tag_ in _FINITE_TAGS) > 1:
        return None  # two clauses after the verb: often one clause the parser split ("a bus carrying | pilgrims")
    own_marks = {m.i for m in clause.children if m.dep_ in ("mark", "advmod") and m.lower_ in _EVENT_MARKS}
    restored = {t.i for t in clause.subtree} - (_side_material(clause, own=True) - own_marks)
    fuller_drop = drop - restored
    keep = [t for t in root.subtree if t.i not in fuller_drop and span.start <= t.i < span.end]
    keep = _fit(root, keep, fuller_drop, max_words)
    if keep is None or not {clause.i} | own_marks <= {t.i for t in keep}:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in _PRONOUNS or subject.i not in {t.i for t in keep}:
        return None
    return keep


def _side_material(root: "Token", own: bool = False) -> set[int]:
    """Side clauses, dates and asides under ``root`` (``own``: of a phrase, not of the main verb)."""
    drop: set[int] = set()
    for tok in root.subtree:
        if tok.i in drop or tok.i == root.i:
            continue
        dep = tok.dep_
        if dep == "appos" and not _parenthetical(tok):
            continue  # "declared Halvorsen the winner": part of what was done
        if dep in _SIDE_DEPS and not (dep == "mark" and tok.head.dep_ == "ccomp") \
                or (dep == "advmod" and tok.lower_ in _DISCOURSE) \
                or (dep == "cc" and tok.head.i == root.i) \
                or (dep == "conj" and tok.head.i == root.i and tok.pos_ in ("VERB", "AUX")) \
                or (dep in ("npadvmod", "prep") and _is_date_phrase(tok)) \
                or (dep == "npadvmod" and _summing_up(tok, root)) \
                or in_dateline(tok):
            drop |= {t.i for t in tok.subtree}
    if own:
        return drop
    # a second complement clause after a comma is an aside ("..., three more than the ministry has reported")
    clauses = [c for c in root.children if c.dep_ == "ccomp" and c.i not in drop]
    for extra in clauses[1:]:
        drop |= {t.i for t in extra.subtree}
    # so is a second object after a comma: "declared X an emergency of national concern, its highest level"
    objects = [c for c in root.children if c.dep_ in _OBJECTS and c.i not in drop]
    for extra in objects[1:]:
        if extra.left_edge.i > 0 and extra.doc[extra.left_edge.i - 1].text in (",", "—", "–", ";"):
            drop |= {t.i for t in extra.subtree} | {extra.left_edge.i - 1}
    # what follows an interposed ', the operator said,' is an aside the parser hung on the verb ("... were shut
    # down on Monday, the operator said, the first such closure since 2011")
    told = [c.i for c in root.children if c.dep_ == "parataxis" and c.i > root.i]
    for c in root.children:
        if told and c.i > min(told) and c.i not in drop and c.dep_ in _OBJECTS | {"npadvmod", "appos"} \
                and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ",":
            drop |= {t.i for t in c.subtree} | {c.left_edge.i - 1}
    # a clause the parser hung on a subordinating word read as a preposition: whole or not at all
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in _SUBORDINATORS and prep.i not in drop \
                and any(t.tag_ in _FINITE_TAGS for t in prep.subtree if t.i != prep.i):
            drop |= {t.i for t in prep.subtree}
    return drop


def _summing_up(tok: "Token", root: "Token") -> bool:
    """', a move its ministry said was needed', ', a step that ...': a noun phrase after a comma that sums up
    the clause before it, an aside to the headline."""
    left = tok.left_edge.i - 1
    return tok.i > root.i and tok.pos_ == "NOUN" and left >= 0 and tok.doc[left].text in (",", "—", "–")


def _parenthetical(tok: "Token") -> bool:
    left = tok.left_edge.i - 1
    return (left >= 0 and tok.doc[left].is_punct) or len(list(tok.subtree)) > 8


def _is_date_phrase(tok: "Token") -> bool:
    words = [t for t in tok.subtree if not t.is_punct]
    dated = [t for t in words if t.ent_type_ in ("DATE", "TIME")]
    return bool(dated) and len(dated) >= len(words) - 1


def _last_modifier(root: "Token", keep: list["Token"]) -> "Token | None":
    """The rightmost droppable modifier still kept: a phrase hanging off a verb first (a whole "under the
    orders of X"), then one nested in a noun phrase."""
    kept = {t.i for t in keep}
    droppable = [t for t in sorted(keep, key=lambda t: -t.i)
                 if t.dep_ in ("prep", "agent", "advmod", "npadvmod", "dative", "conj", "cc")
                 and t.i != root.i and t.i in kept and not _is_subject_part(t, root)
                 and not _completes_noun(t) and not _inside(t, kept)]
    coordinated = [t for t in droppable if t.dep_ == "conj"]  # "killed and 40 injured": the extra goes first
    on_verb = [t for t in droppable if t.head.pos_ in ("VERB", "AUX")]
    return (coordinated or on_verb or droppable or [None])[0]


def _completes_noun(tok: "Token") -> bool:
    """'of international concern' in 'an emergency of international concern': a noun's 'of' complement is part
    of what the noun names, never trimmed off it."""
    return tok.dep_ == "prep" and tok.lower_ == "of" and tok.head.pos_ in ("NOUN", "PROPN")


def _inside(tok: "Token", kept: set[int]) -> bool:
    """Whether kept words follow the phrase within its head's own phrase: trimming it would cut words from the
    middle of that phrase."""
    head = tok.head
    return head.pos_ not in ("VERB", "AUX") and any(t.i in kept for t in head.subtree if t.i > tok.right_edge.i)


def _is_subject_part(tok: "Token", root: "Token") -> bool:
    node = tok
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass"):
            return node.head.i == root.i
        node = node.head
    return False


def _count(tokens: list["Token"]) -> int:
    """Words as a reader counts them: "Kestria's", "$2.5" and "start-up" are one each, not two or three."""
    return sum(1 for t in tokens if not t.is_punct and t.tag_ != "POS"
               and not (t.i > 0 and not t.doc[t.i - 1].whitespace_ and (t.doc[t.i - 1].is_currency
                                                                         or t.doc[t.i - 1].text in "-–/")))


def _balanced(text: str) -> str:
    """No bracket left open or closed alone: an unclosed '(' goes with what follows it ('under the Public
    Health (' -> 'under the Public Health'), a lone ')' goes."""
    while text.count("(") > text.count(")"):
        text = text[:text.rfind("(")].rstrip(" ,;:")
    while text.count(")") > text.count("("):
        cut = text.find(")")
        text = (text[:cut] + text[cut + 1:]).replace("  ", " ")
    return text


def _render(tokens: list["Token"]) -> str:
    kept = {t.i for t in tokens}
    tokens = [t for pos, t in enumerate(tokens)
              if not (t.is_punct and t.text in (",", ";", ":", "—", "–")
                      and (t.i + 1 not in kept or t.i - 1 not in kept or pos == len(tokens) - 1))]
    out = []
    for pos, tok in enumerate(tokens):
        nxt = tokens[pos + 1] if pos + 1 < len(tokens) else None
        out.append(tok.text + (tok.whitespace_ if nxt is not None and nxt.i == tok.i + 1 else " "))
    text = re.sub(r"\s+", " ", "".join(out)).strip(" ,;:—–-")
    text = re.sub(r"\s*\(\s*\)|\s*\[\s*\]", "", text)     # brackets whose aside was dropped: 'the Agency ( )'
    text = _balanced(text)
    text = DATELINE.sub("", text)
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        text = text.replace('"', "").replace("“", "").replace("”", "")
    text = re.sub(r"\s+([,.;:!?])", r"\1", text).rstrip(".")
    return text[:1].upper() + text[1:]
