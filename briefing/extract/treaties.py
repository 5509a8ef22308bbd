"""Treaties and legal basis named in one document, with the provision the article states.

A mention is a noun from a general list of legal instruments (treaty, agreement, charter, resolution,
regulation, act ...) with the words that name it: its compound and adjective modifiers and an
"on/of" phrase ("the agreement on a comprehensive strategic partnership", "resolutions of the UN
Security Council"). A bare "the agreement" / "the document" names nothing: it refers back to the latest
named instrument of the document (same head noun first) and only lends it what its sentence adds: an
article number ("Article 4 of the treaty", "the fourth point of the agreement"), the provision
("... says X shall ...", "requires both nations to ..."), or a signing / ratification date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing import dates
from briefing.summary import Treaty

if TYPE_CHECKING:
    from spacy.tokens import Token

    from briefing.extract import DocContext, Sentence

INSTRUMENT_NOUNS = frozenset("""treaty agreement pact charter resolution convention accord protocol act law
regulation directive statute constitution memorandum covenant compact declaration ordinance decree code bill
framework""".split())
# heads that name an instrument only in a proper name ("the Data Act", not "a criminal act")
AMBIGUOUS_HEADS = frozenset({"act", "law", "code", "bill", "framework", "declaration", "decree", "resolution",
                             "constitution", "ordinance", "statute", "directive", "compact", "memorandum", "protocol",
                             "regulation"})
# nouns that can only refer back to an instrument already named
REFERENCE_NOUNS = frozenset({"document", "text", "deal", "accord", "pact", "treaty", "agreement"})
ARTICLE_NOUNS = frozenset({"article", "section", "clause", "paragraph", "point", "chapter", "subsection", "rule"})
# abbreviated designators of a provision ("Sec. 34", "Art. 5", "§ 12"), read only with a number after them
ARTICLE_ABBREVIATIONS = {"sec": "section", "secs": "section", "art": "article", "arts": "article",
                         "para": "paragraph", "paras": "paragraph", "§": "section", "§§": "section", "ch": "chapter",
                         "chap": "chapter", "cl": "clause"}
# statutes: "the law" / "that act" may refer back to any of them ("the Clean Air Act ... under that law")
LAW_FAMILY = frozenset({"act", "law", "statute", "code", "ordinance", "decree", "regulation", "directive", "bill"})
# families of head nouns that may name the same instrument in different articles
AGREEMENT_FAMILY = frozenset({"treaty", "agreement", "pact", "accord", "convention", "protocol", "deal", "compact",
                              "memorandum", "covenant", "document", "text"})
# adjectives that describe rather than name ("a new agreement", "other international treaties")
GENERIC_ADJECTIVES = frozenset("""new old previous current existing such same other similar several many
various recent latest last first second potential possible proposed planned draft final largest biggest major
international bilateral multilateral landmark historic key important official relevant respective whole entire
own certain earlier later future original controversial""".split())
_ARTICLE_RANK = {"chapter": 0, "point": 1, "article": 2, "section": 2, "clause": 2, "paragraph": 2, "rule": 2,
                 "subsection": 3}
ORDINALS = {w: str(i + 1) for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth "
                                                 "eleventh twelfth".split())}
_ROMAN_UPPER = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})
_NUMBER = r"\d+(?:\.\d+)*[a-z]?(?:\(\w+\))?"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
SAY_VERBS = frozenset({"say", "state", "read", "stipulate", "specify", "declare", "note", "provide", "establish",
                       "set", "spell"})
OBLIGE_VERBS = frozenset({"require", "oblige", "obligate", "commit", "bind", "mandate", "guarantee", "prohibit",
                          "ban", "allow", "permit", "compel", "forbid", "entitle", "envisage", "foresee"})
# what a provision does, said of it in a relative clause ("Section 21, which lets the authority prohibit ...")
EMPOWER_VERBS = OBLIGE_VERBS | {"let", "empower", "authorise", "authorize", "enable"}
_PREDICTING = frozenset({"would", "could", "might", "will", "may", "can"})  # what it would do is no provision
SIGN_VERBS = frozenset({"sign", "ink", "conclude", "seal", "strike"})
RATIFY_VERBS = frozenset({"ratify", "approve", "adopt", "pass", "endorse", "confirm", "enact"})
_DESCRIBING_VERBS = frozenset({"consider", "call", "describe", "dub", "label", "deem", "be", "become", "see"})
# an instrument still being made is no legal basis: "talks on a code", "the draft of a treaty", "is being negotiated"
PENDING_NOUNS = frozenset({"talk", "negotiation", "negotiator", "draft", "drafting", "proposal", "conclusion",
                           "finalisation", "finalization"})
# (not "discuss": ministers discuss treaties in force as well)
PENDING_VERBS = frozenset({"negotiate", "draft", "propose", "finalise", "finalize"})
PENDING_ADJECTIVES = frozenset({"proposed", "draft", "planned", "future", "potential", "possible", "envisaged"})
# ... or one that has run out: "the collective agreement expired in March"
EXPIRY_VERBS = frozenset({"expire", "lapse"})
# an instrument no longer in force, named only by what it was: "the previous collective agreement"
EXPIRED_ADJECTIVES = frozenset({"previous", "former", "old", "expired", "earlier", "last", "outgoing", "lapsed"})
# heads that name an instrument only when capitalised or with what it is on: "the Doha Declaration", "a joint
# declaration on the Korean Peninsula", not "the PHEIC declaration" (an agency's act of declaring something)
CAPITAL_HEADS = frozenset({"declaration"})
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z0-9-]{1,9})\)")
# the official number a statute is cited by, after its name: in brackets, "(Law 4662/2020)", "(Act No. 12 of
# 2019)", "(Public Law 117-58)", or set off by a comma, "the Basic Anti-Dumping Regulation, Regulation (EU)
# 2016/1036, which ..." (EU acts carry their issuer in brackets)
_ID = (r"(?:Public\s+)?(?:Law|Act|Regulation|Decree|Ordinance|Directive|Statute|Code|Bill|Decision)"
       r"(?:\s+\((?:EU|EC|EEC|Euratom|CFSP)\))?\s+(?:No\.?\s*)?[\w/.-]*\d[\w/-]*(?:\.\d[\w/-]*)*"
       r"(?:\s+of\s+\d{4})?")
OFFICIAL_ID = re.compile(r"\s*\((" + _ID + r")\)|,\s+(" + _ID + r")(?=[,;:)]|\.?\s|\.?$)")


@dataclass
class TreatyCandidate(Treaty):
    """A treaty as one article names it, with what merging needs (content words, head noun, dates as written)."""

    head: str = ""
    content: frozenset[str] = field(default_factory=frozenset)
    titled: bool = False               # written as a proper name ("Comprehensive Strategic Partnership Treaty")
    signed_expr: str | None = None     # date expressions placed later when the article has no date
    ratified_expr: str | None = None
    ratified_by_ratify: bool = False   # "ratified" beats "approved"/"confirmed"
    provision_from_article: bool = False
    article_rank: int = 0              # "Article 14.5" says more than "Chapter 14"
    pending: bool = False              # every mention names it as not in force (being made, expired): no basis
    # other provisions of this instrument the article invokes ("Section 21 of the Act ... Section 34 of the
    # same act"): each one its own candidate, with its own citations and provision
    further_articles: list["TreatyCandidate"] = field(default_factory=list, repr=False)


def extract(ctx: "DocContext") -> list[Treaty]:
    named: list[TreatyCandidate] = []
    for sent in ctx.sentences:
        if is_title_case_heading(sent.span):
            continue  # "Russia For Violating UN Resolutions": every word capitalised, no name can be told apart
        for tok in sent.span:
            kind = designator(tok)
            if kind is not None:
                _article_mention(ctx, sent, tok, kind, named)
            elif tok.pos_ in ("NOUN", "PROPN") and noun_lemma(tok) in INSTRUMENT_NOUNS | REFERENCE_NOUNS:
                _instrument_mention(ctx, sent, tok, named)
    return named + [extra for t in named for extra in t.further_articles]


def designator(tok: "Token") -> str | None:
    """'article', 'section' ... for a word that designates a provision ("Article", "Sec.", "§"), else None."""
    if tok.pos_ in ("NOUN", "PROPN") and noun_lemma(tok) in ARTICLE_NOUNS:
        return noun_lemma(tok)
    short = ARTICLE_ABBREVIATIONS.get(tok.lower_.rstrip("."))
    if short is None:  # most tokens: no need to find the sentence end
        return None
    number = _number_after(tok)
    return short if number is not None and _written_number(number) else None


def _number_after(tok: "Token") -> "Token | None":
    """The token after a designator, past the full stop of an abbreviation ("Sec" "." "34")."""
    j = tok.i + 1
    if j < tok.sent.end and tok.doc[j].text == "." and not tok.text.endswith("."):
        j += 1
    return tok.doc[j] if j < tok.sent.end else None


def is_title_case_heading(span) -> bool:
    words = [t.text for t in span if t.is_alpha and len(t.text) > 3]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 3 and capitalised >= 0.7 * len(words) and span.text.rstrip()[-1:] not in ".!?\"”"


def noun_lemma(tok: "Token") -> str:
    """Lower-case singular lemma, also for proper nouns ('Regulations' -> 'regulation')."""
    lemma = tok.lemma_.lower()
    if lemma.endswith("s") and lemma[:-1] in INSTRUMENT_NOUNS | ARTICLE_NOUNS:
        return lemma[:-1]
    return lemma


def _inside_other_name(tok: "Token") -> bool:
    """'Geneva Institute for Global Health Law', 'pandemic accord talks': the noun is part of another name."""
    if tok.dep_ == "compound" and noun_lemma(tok.head) not in INSTRUMENT_NOUNS:
        return True
    if tok.ent_type_ in ("ORG", "PERSON", "FAC", "GPE", "EVENT", "WORK_OF_ART"):
        ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
        return ent is not None and ent.root.i != tok.i
    return False


def _instrument_mention(ctx: "DocContext", sent: "Sentence", tok: "Token", named: list[TreatyCandidate]) -> None:
    if _is_description(tok) or _inside_other_name(tok) or tok.dep_ == "pobj" and _holds_a_number(tok.head.head) \
            or _inside_instrument_name(tok) or _bracketed_alias(tok) or _inside_official_id(tok):
        return  # "considered the largest defense agreement"; "Article 4 of the treaty" is handled by the article
    name_tokens = name_span(tok)
    target = None
    if is_named(tok, name_tokens):
        cand = _candidate(sent, tok, name_tokens)
        cand.pending = _pending(tok)
        target = _add_or_find(named, cand)
    elif tok.dep_ != "conj":
        target = refers_to(named, tok)
    if target is None:
        return
    used = False
    provision = provision_of(tok)
    if provision and not target.provision:
        target.provision, used = provision, True
    used |= _dates_for(ctx, tok, target)
    if used or target.citations == [] or target.citations[-1] != sent.citation():
        if sent.citation() not in target.citations and (used or is_named(tok, name_tokens)):
            target.citations.append(sent.citation())


def _holds_a_number(tok: "Token") -> bool:
    """'Article 4', or the '34' of 'Sec. 34' that the parser made the head of 'of the act'."""
    if designator(tok) is not None:
        return True
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    before = tok.doc[tok.i - 2] if before is not None and before.text == "." and tok.i > 1 else before
    return tok.like_num and before is not None and designator(before) is not None


def _article_mention(ctx: "DocContext", sent: "Sentence", tok: "Token", kind: str,
                     named: list[TreatyCandidate]) -> None:
    number = article_number(tok)
    if number is None:
        return
    designated = tok
    if tok.dep_ == "compound" and tok.head.i == tok.i + 1 and (tok.head.like_num or roman_value(tok.head.text)):
        tok = tok.head  # "Article XIX of the ...": the parser made the numeral the head of the phrase
    # "Sec. 12 of the act", "§ 12 of the act": the parser may hang the 'of' phrase on the number
    holders = [tok] + [t for t in (_number_after(designated),) if t is not None and t != tok]
    instrument = next((t for holder in holders for t in _of_objects(holder)
                       if noun_lemma(t) in INSTRUMENT_NOUNS | REFERENCE_NOUNS), None)
    target = None
    if instrument is not None:
        tokens = _extended(name_span(instrument))
        target = _add_or_find(named, _candidate(sent, instrument, tokens)) \
            if is_named(instrument, tokens, invoked=True) else refers_to(named, instrument)
    elif kind in ("article", "section") and designated.text[:1].isupper() or designated.text.isupper():
        target = named[-1] if named else None  # "Article 4 says ..." right after the treaty is named
    if target is None:
        return
    # a finer reading ranks higher: "Article 14.5" over "Chapter 14", "Section 12(b)" over "Section 12"
    entry = _with_article(target, number, _ARTICLE_RANK.get(kind, 1) + number.count(".") + number.count("("))
    provision = provision_of(tok)
    if provision and (not entry.provision or not _has_article_provision(entry)):
        entry.provision = provision
        entry.provision_from_article = True
    if sent.citation() not in entry.citations:
        entry.citations.append(sent.citation())
    for other in _listed_numbers(designated):  # "Articles 3 and 4 of the treaty": each its own provision
        entry = _with_article(target, other, _ARTICLE_RANK.get(kind, 1) + other.count(".") + other.count("("))
        if sent.citation() not in entry.citations:
            entry.citations.append(sent.citation())


def _listed_numbers(designated: "Token") -> list[str]:
    """The numbers after the first one of a plural designator ("Sections 12, 14 and 15", "§§ 4 and 5")."""
    plural = designated.text.lower().rstrip(".").endswith("s") or designated.text == "§§"
    first = _number_after(designated)
    if not plural or first is None or _written_number(first) is None:
        return []
    doc, out = designated.doc, []
    j = first.i + 1 + (1 if doc[first.i + 1:first.i + 2].text == ")" else 0)
    while j < designated.sent.end:
        if doc[j].lower_ in (",", "and", "or", "&"):
            j += 1
        elif _written_number(doc[j]):
            out.append(_written_number(doc[j]))
            j += 1 + (1 if doc[j + 1:j + 2].text == ")" and not doc[j].text.endswith(")") else 0)
        else:
            break
    return out


def article_key(number: str) -> str:
    """What tells two provisions apart: '14.5' and 'Chapter 14' -> '14' (one is a finer reading of the
    other), '5(b)' -> '5', 'XIX (19)' -> '19'."""
    value = re.fullmatch(r"[IVXLC]+ \((\d+)\)", number)  # a Roman numeral with its value
    lead = re.match(r"\d+", number)
    return value.group(1) if value else lead.group(0) if lead else number.lower()


def _with_article(target: TreatyCandidate, number: str, rank: int) -> TreatyCandidate:
    """The candidate that holds this provision of the instrument: the instrument itself when it has no
    article yet or this is a finer reading of its article ("Chapter 14" -> "Article 14.5"); otherwise a
    further article of it ("Section 21 of the Competition Act ... Section 34 of the same act")."""
    home = target if target.article is None or article_key(target.article) == article_key(number) else next(
        (extra for extra in target.further_articles if article_key(extra.article or "") == article_key(number)), None)
    if home is None:
        home = TreatyCandidate(name=target.name, citations=[], head=target.head, content=target.content,
                               titled=target.titled, article=number, article_rank=rank)
        target.further_articles.append(home)
    if home.article is None or rank > home.article_rank:
        home.article, home.article_rank = number, rank
    return home


def _extended(tokens: list["Token"]) -> list["Token"]:
    """'Additional Protocol' + 'I' + 'to the Geneva Conventions': pieces the parser hung elsewhere but that
    follow the name directly."""
    doc = tokens[0].doc
    j = tokens[-1].i + 1
    if j < len(doc) and (doc[j].text in _ROMAN_UPPER or doc[j].like_num):
        tokens = tokens + [doc[j]]
        j += 1
    if j < len(doc) and doc[j].lower_ == "to" and doc[j].dep_ == "prep":
        tail = [t for t in doc[j].subtree if t.i >= j]
        if any(t.pos_ == "PROPN" and noun_lemma(t) in INSTRUMENT_NOUNS for t in tail):
            tokens = tokens + tail
    return tokens


def _has_article_provision(t: TreatyCandidate) -> bool:
    return t.provision_from_article


def article_number(tok: "Token") -> str | None:
    """'Article 4' -> '4', 'Section 5(b)' -> '5(b)', 'the fourth point' -> '4', 'Article IV' -> '4'."""
    for child in tok.children:
        low = child.lower_
        if child.dep_ in ("nummod", "appos", "compound", "npadvmod") and _written_number(child):
            return _written_number(child)
        if child.dep_ in ("nummod", "appos", "compound") and low in _ROMAN and child.text.isupper():
            return str(_ROMAN[low])
        if child.dep_ == "amod" and low in ORDINALS:
            return ORDINALS[low]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.lower_.rstrip(".") in ARTICLE_ABBREVIATIONS:  # "Sec. 34", "§ 12"
        after = _number_after(tok)
        return _written_number(after) if after is not None else None
    if nxt is not None and tok.text[:1].isupper() and _written_number(nxt):
        return _written_number(nxt)
    if nxt is not None and tok.text[:1].isupper() and nxt.text.isupper() and roman_value(nxt.text):
        # "Article XIX": kept as written, with its value for readers and readers' tools that count in digits
        return f"{nxt.text} ({roman_value(nxt.text)})"
    return None


def _written_number(tok: "Token") -> str | None:
    """'4', '14.5', '14a', '5(b)' (which the tokenizer splits as '5(b' + ')') as written, else None."""
    if re.fullmatch(_NUMBER, tok.lower_):
        return tok.text
    closing = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if closing is not None and closing.text == ")" and not tok.whitespace_ and re.fullmatch(_NUMBER, tok.lower_ + ")"):
        return tok.text + ")"
    return None


def roman_value(text: str) -> int | None:
    """'XIX' -> 19; None for anything that is not a well-formed Roman numeral up to 399."""
    if not re.fullmatch(r"C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", text.upper()) or not text:
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text.upper()):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1].upper()] > v else v
    return total


def _of_objects(tok: "Token") -> list["Token"]:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "under")
            for g in c.children if g.dep_ == "pobj"]


def _is_description(tok: "Token") -> bool:
    """A predicate ('is considered the largest defense agreement'), not a mention of an instrument."""
    return tok.dep_ in ("attr", "oprd") or (tok.dep_ == "dobj" and tok.head.lemma_.lower() in _DESCRIBING_VERBS
                                            and tok.head.lemma_.lower() != "be")


def name_span(tok: "Token") -> list["Token"]:
    """The head noun with the words that name it: compounds, adjectives, and an on/of/for phrase."""
    left = [t for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < tok.i
            and c.tag_ not in ("VBG", "VB", "VBD")  # "Violating UN Resolutions": a verb, not part of a name
            for t in c.subtree if not t.is_punct and t.ent_type_ != "DATE"]
    right: list["Token"] = []
    for c in tok.children:
        # "Protocol I", "Directive 2019/1"; a number right after the head is part of its name
        if c.i == tok.i + 1 and c.dep_ in ("nummod", "appos", "npadvmod", "compound") \
                and (c.lower_ in _ROMAN and c.text.isupper() or c.like_num):
            right.append(c)
    for c in tok.children:
        proper_to = c.lower_ == "to" and any(t.pos_ == "PROPN" for t in c.subtree)  # "... to the Geneva Conventions"
        if c.dep_ == "prep" and c.i > tok.i and (c.lower_ in ("on", "of", "for", "against") or proper_to) \
                and _content_of(c):
            right += [t for t in _phrase_without_side_clauses(c)]
            break
    span = sorted(set(left + [tok] + right), key=lambda t: t.i)
    # keep the contiguous run ending at the head (or the head's phrase): a name is written in one piece
    start = tok.i
    for t in sorted(left, key=lambda t: -t.i):
        if t.i == start - 1 or (t.i == start - 2 and tok.doc[start - 1].text in ("-", "–")):
            start = t.i
    return [t for t in span if t.i >= start]


def _phrase_without_side_clauses(prep: "Token") -> list["Token"]:
    side = {t.i for t in prep.subtree if t.dep_ in ("relcl", "acl", "appos", "advcl")
            for t in t.subtree}
    # "between Russia and North Korea" names the parties, not the instrument
    side |= {t.i for p in prep.subtree if p.dep_ == "prep" and p.lower_ not in ("of",) and p != prep
             for t in p.subtree}
    out = [t for t in prep.subtree if t.i not in side]
    while out and (out[-1].is_punct or out[-1].dep_ in ("cc",)):
        out.pop()
    return out


def _content_of(prep: "Token") -> list["Token"]:
    return [t for t in prep.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in GENERIC_ADJECTIVES]


def content_words(tokens: list["Token"], head: "Token") -> frozenset[str]:
    words = set()
    for t in tokens:
        if t == head or t.is_stop or t.is_punct or t.pos_ in ("DET", "ADP", "CCONJ", "PRON", "NUM"):
            continue
        low = noun_lemma(t) if t.pos_ in ("NOUN", "PROPN") else t.lemma_.lower()
        if low in GENERIC_ADJECTIVES or low in INSTRUMENT_NOUNS:
            continue
        words.add(low)
    return frozenset(words)


def is_named(tok: "Token", tokens: list["Token"], invoked: bool = False) -> bool:
    """Does the phrase name an instrument (it has naming words), rather than refer back to one?

    ``invoked``: the phrase holds a provision ("Article 23 of the civil protection law"), which makes even
    a lower-case statute with naming words an instrument."""
    if noun_lemma(tok) not in INSTRUMENT_NOUNS:
        return False  # "the document", "the text" never name
    if noun_lemma(tok) in CAPITAL_HEADS and not tok.text[:1].isupper() \
            and not any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children):
        return False  # "the emergency declaration": the act of declaring ("a joint declaration on X" is one)
    if noun_lemma(tok) in AMBIGUOUS_HEADS and not (invoked and _topic_words(tok) or official_id(tok)) \
            and not any(t.pos_ == "PROPN" or t.text[:1].isupper() and t.i > t.sent.start for t in tokens):
        return False  # "a criminal act", "martial law", "a resolution of the conflict": not instruments
    content = content_words(tokens, tok)
    if not content:
        return False
    proper = [t for t in tokens if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.i > t.sent.start)]
    if tok.tag_ in ("NNS", "NNPS") and not proper and not any(c.dep_ == "prep" for c in tok.children):
        return False  # "international treaties", "trade agreements": a kind, not an instrument
    if any(c.dep_ == "det" and c.lower_ in ("any", "every", "no", "each", "some", "another", "such")
           for c in tok.children):
        return False  # "in any climate agreement": no instrument in particular
    if not proper and any(c.dep_ == "amod" and c.lower_ in EXPIRED_ADJECTIVES for c in tok.children):
        return False  # "the previous collective agreement": an instrument no longer in force, with no name
    return True


def _topic_words(tok: "Token") -> bool:
    """Words before a head that say what a statute is about: the 'civil protection' of 'the civil protection
    law' (not 'the same act', which refers back)."""
    return any(c.dep_ in ("compound", "amod") and c.i < tok.i and c.lower_ not in GENERIC_ADJECTIVES
               and c.pos_ in ("NOUN", "PROPN", "ADJ") for c in tok.children)


def official_id(tok: "Token") -> str | None:
    """The official number right after a statute's head noun: "law (Law 4662/2020)" -> "Law 4662/2020",
    "Regulation, Regulation (EU) 2016/1036," -> "Regulation (EU) 2016/1036"."""
    rest = tok.doc.text[tok.idx + len(tok.text): tok.idx + len(tok.text) + 60]
    m = OFFICIAL_ID.match(rest)
    return (m.group(1) or m.group(2)) if m else None


def _inside_instrument_name(tok: "Token") -> bool:
    """'Law' in 'the Convention on the Law of the Sea': part of the outer instrument's name, not one itself."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in ("on", "of", "for", "to"):
        return False
    outer = tok.head.head
    return outer.pos_ in ("NOUN", "PROPN") and noun_lemma(outer) in INSTRUMENT_NOUNS and tok in name_span(outer)


def _inside_official_id(tok: "Token") -> bool:
    """'Law' in 'the Infrastructure Act, Public Law 117-58, ...': the official number of the instrument named
    just before, part of its name (official_id), not another instrument."""
    for head in tok.sent:
        if head.i >= tok.i:
            return False
        if head.pos_ in ("NOUN", "PROPN") and noun_lemma(head) in INSTRUMENT_NOUNS:
            start = head.idx + len(head.text)
            m = OFFICIAL_ID.match(tok.doc.text, start, start + 60)
            if m is not None and start <= tok.idx < m.end():
                return True
    return False


def _bracketed_alias(tok: "Token") -> bool:
    """'the MARPOL Convention (the International Convention for the Prevention of Pollution from Ships)': the
    bracketed name right after an instrument's name is another name of it, not a second instrument."""
    j = tok.i - 1  # back over the words of its own phrase ("the International") to the bracket
    while j > tok.sent.start and tok.doc[j].text != "(" and tok.left_edge.i <= j and tok.doc[j].head.i >= j:
        j -= 1
    if j <= tok.sent.start or tok.doc[j].text != "(":
        return False
    before = tok.doc[j - 1]
    return before.pos_ in ("NOUN", "PROPN") and noun_lemma(before) in INSTRUMENT_NOUNS


def _pending(tok: "Token") -> bool:
    """Is the instrument named as one not in force: still being made ("talks on a Code of Conduct", "the
    proposed treaty", "a new wage agreement", "the pact is being negotiated") or run out ("... expired")?"""
    if any(c.dep_ == "amod" and c.lower_ in PENDING_ADJECTIVES for c in tok.children):
        return True
    if tok.dep_ == "pobj" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) \
            and any(c.dep_ == "amod" and c.lower_ == "new" for c in tok.children):
        return True  # "under a new collective agreement", "a vote on a new deal": one that does not exist yet
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in EXPIRY_VERBS:
        return True
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in PENDING_VERBS:
        return True
    if any(c.dep_ == "relcl" and c.lemma_.lower() in PENDING_VERBS for c in tok.children):
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("on", "of", "for", "over"):
        holder = tok.head.head
        return holder.pos_ == "NOUN" and holder.lemma_.lower() in PENDING_NOUNS \
            or holder.pos_ == "VERB" and holder.lemma_.lower() in PENDING_VERBS
    return False


def _candidate(sent: "Sentence", tok: "Token", tokens: list["Token"]) -> TreatyCandidate:
    if not tok.text[:1].isupper():
        # "Greece's civil protection law": the owner is context, not part of a lower-case name
        owners = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        tokens = [t for t in tokens if t.i not in owners] or tokens
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    name = tok.doc.text[start:end].strip(" '\"‘’“”,")
    name = _balanced(name, tok.doc.text[end:end + 3])
    number = official_id(tok) if tok.i == tokens[-1].i else None
    if number:
        name = f"{name} ({number})"
    elif "(" not in name:  # its acronym in brackets right after it: "Treaty on Outer Space (TOS)"
        acronym = _ACRONYM_AFTER.match(tok.doc.text, end)
        name = f"{name} ({acronym.group(1)})" if acronym else name
    if not tok.text[:1].isupper():
        name = re.sub(r"^(?:the|a|an|this|that)\s+", "", name, flags=re.I)
    titled = all(w[:1].isupper() for w in re.findall(r"[A-Za-z][\w'-]*", name)
                 if w.lower() not in ("of", "on", "the", "and", "for", "a", "an", "against", "to", "in"))
    return TreatyCandidate(name=name, citations=[sent.citation()], head=_family(noun_lemma(tok)),
                           content=content_words(tokens, tok), titled=titled)


def _balanced(name: str, after: str) -> str:
    """'Convention on the Law of the Sea (UNCLOS' -> with its closing bracket when it follows, else without
    the unclosed part."""
    if name.count("(") <= name.count(")"):
        return name
    if after.lstrip().startswith(")"):
        return name + ")"
    return name[:name.rfind("(")].rstrip()


def _family(lemma: str) -> str:
    return "agreement" if lemma in AGREEMENT_FAMILY else lemma


def same_instrument(a: TreatyCandidate, b: TreatyCandidate) -> bool:
    """Same head family and the same naming words (one set inside the other, two shared at least)."""
    if a.head != b.head or not a.content or not b.content:
        return False
    shared = a.content & b.content
    small = min(len(a.content), len(b.content))
    return shared == a.content or shared == b.content if small < 2 else len(shared) >= min(2, small) and \
        (shared == a.content or shared == b.content or len(shared) >= 0.67 * max(len(a.content), len(b.content)))


def _add_or_find(named: list[TreatyCandidate], cand: TreatyCandidate) -> TreatyCandidate:
    for other in named:
        if same_instrument(other, cand):
            other.pending = other.pending and cand.pending
            if _better_name(cand, other):
                other.name, other.titled, other.content = cand.name, cand.titled, other.content | cand.content
            if cand.citations[0] not in other.citations:
                other.citations.append(cand.citations[0])
            named.remove(other)
            named.append(other)  # the latest mentioned, for references that follow
            return other
    named.append(cand)
    return cand


def _better_name(a: TreatyCandidate, b: TreatyCandidate) -> bool:
    return (a.titled, len(a.content), len(a.name)) > (b.titled, len(b.content), len(b.name))


def refers_to(named: list[TreatyCandidate], tok: "Token") -> TreatyCandidate | None:
    """The instrument a bare 'the agreement' / 'the document' refers back to: latest with the same head
    family, else the latest one. Only definite or demonstrative references count."""
    if not any(c.lower_ in ("the", "this", "that", "its", "their") for c in tok.children if c.dep_ in ("det", "poss")):
        return None
    if tok.tag_ in ("NNS", "NNPS"):
        return None
    family = _family(noun_lemma(tok))
    for cand in reversed(named):
        if cand.head == family:
            return cand
    if family in LAW_FAMILY:  # "the Clean Air Act ... under that law"
        return next((cand for cand in reversed(named) if cand.head in LAW_FAMILY), None)
    return named[-1] if named and family == "agreement" else None


def provision_of(tok: "Token") -> str | None:
    """What the instrument (or its article) is said to oblige, as written.

    'Article 4 ... says X "shall provide ..."' -> the clause after the verb of saying;
    'the treaty ... requires both nations to ...' -> from the obliging verb to its end;
    'in the fourth point of the agreement we can read that ...' -> the clause read.
    """
    relative = _relative_provision(tok)
    if relative:
        return relative
    verb, via_subject = _governing_verb(tok)
    if verb is None:
        return None
    if not via_subject and _deontic(verb):
        # "Under Article 6 of the Regulations, every country must notify ...": the clause the article governs
        return _clause_without(verb, _holding_prep(tok, verb))
    candidates = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for v in candidates:
        lemma = v.lemma_.lower()
        if lemma in OBLIGE_VERBS and via_subject:
            return _text(v, v.right_edge)
        if lemma in SAY_VERBS:
            clause = next((c for c in v.children if c.dep_ in ("ccomp", "advcl") and c.i > v.i), None)
            if clause is not None:
                first = _after_that(v)
                return _text(first, clause.right_edge) if first is not None else None
    return None


def _relative_provision(tok: "Token") -> str | None:
    """'Section 21 of the Act, which lets the authority prohibit a merger ...' -> from the obliging verb of a
    relative clause on the provision or on the instrument it names to the clause's end."""
    holders = [tok] + [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj"]
    for holder in holders:
        for clause in holder.children:
            relative_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that")
                                   for c in clause.children)
            predicted = any(c.dep_ == "aux" and c.lower_ in _PREDICTING for c in clause.children)
            if clause.dep_ == "relcl" and relative_subject and clause.lemma_.lower() in EMPOWER_VERBS \
                    and not predicted:
                return _text(clause, clause.right_edge)
    return None


_DEONTIC = frozenset({"must", "shall", "should"})


def _deontic(verb: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _DEONTIC for c in verb.children) \
        or verb.lemma_.lower() in OBLIGE_VERBS or (verb.lemma_.lower() == "be" and any(
            c.lemma_.lower() in ("require", "oblige", "obligate", "bind") for c in verb.children))


def _holding_prep(tok: "Token", verb: "Token") -> "Token | None":
    node = tok
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    return node if node.head.i == verb.i and node.dep_ == "prep" else None


def _clause_without(verb: "Token", prep: "Token | None") -> str | None:
    """The verb's clause without the phrase naming the article: the longest unbroken run of its words."""
    skip = {t.i for t in prep.subtree} if prep is not None else set()
    runs, current = [], []
    for t in verb.subtree:
        if t.i in skip or t.dep_ in ("advcl",) and t.i < verb.i:
            if current:
                runs.append(current)
            current = []
            continue
        current.append(t)
    if current:
        runs.append(current)
    run = max(runs, key=len, default=[])
    while run and (run[0].is_punct or run[0].dep_ == "cc"):
        run = run[1:]
    return _text(run[0], run[-1]) if run else None


def _governing_verb(tok: "Token") -> tuple["Token | None", bool]:
    """The verb a mention is the subject of (True), or that a prepositional phrase holding it modifies."""
    node = tok
    for _ in range(5):
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.pos_ in ("VERB", "AUX"):
            return node.head, True
        if node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            return node.head.head, False
        if node.dep_ in ("pobj", "prep", "compound", "conj") and node.head != node:
            node = node.head
            continue
        break
    return None, False


def _after_that(verb: "Token") -> "Token | None":
    """The first word of what is said: after the verb, its subject and a 'that'."""
    doc = verb.doc
    # "says in Article 14.5 that ...": the phrase naming the provision is not part of what it says
    naming = {t.i for c in verb.children if c.dep_ == "prep" and c.i > verb.i
              and any(noun_lemma(t) in ARTICLE_NOUNS for t in c.subtree) for t in c.subtree}
    i = verb.i + 1
    while i < verb.sent.end and (doc[i].lower_ in ("that", ":", ",") or doc[i].dep_ in ("nsubj", "aux")
                                 and doc[i].head == verb or doc[i].is_space or i in naming):
        i += 1
    return doc[i] if i < verb.sent.end else None


def _text(first: "Token", last: "Token") -> str | None:
    doc = first.doc
    end = last.i
    while end > first.i and doc[end].is_punct and doc[end].text not in ('"', "”", "’", ")"):
        end -= 1
    text = doc.text[first.idx: doc[end].idx + len(doc[end].text)].strip()
    if _open_quote(text):  # take in the closing quote mark of a quotation that ends the clause
        for j in range(end + 1, min(end + 3, first.sent.end)):
            if doc[j].text in ('"', "”"):
                text = doc.text[first.idx: doc[j].idx + len(doc[j].text)].strip()
                break
    if text.count("(") != text.count(")"):
        return None  # a clause cut through a bracket ("... Convention (the International ...)") is no provision
    return text if len(text.split()) >= 4 else None


def _open_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _dates_for(ctx: "DocContext", tok: "Token", target: TreatyCandidate) -> bool:
    """Signing / ratification dates the sentence states for this mention; True when one was found."""
    found = False
    for verb in _event_verbs(tok):
        lemma = verb.lemma_.lower()
        kind = "signed" if lemma in SIGN_VERBS else "ratified" if lemma in RATIFY_VERBS else None
        if kind is None:
            continue
        expr = next((e.text for e in verb.sent.ents if e.label_ == "DATE" and verb.left_edge.i <= e.start
                     and e.end <= verb.right_edge.i + 1 and _date_modifies(e.root, verb)), None)
        if expr is None or dates.is_duration(expr) or dates.is_year_range(expr):
            continue
        when = dates.resolve(expr, ctx.published)
        if kind == "signed" and not target.signed and not target.signed_expr:
            target.signed, target.signed_expr, found = when, (None if when else expr), True
        elif kind == "ratified" and (not (target.ratified or target.ratified_expr)
                                     or lemma == "ratify" and not target.ratified_by_ratify):
            target.ratified, target.ratified_expr, found = when, (None if when else expr), True
            target.ratified_by_ratify = lemma == "ratify"
    return found


def _event_verbs(tok: "Token") -> list["Token"]:
    """Verbs of which the mention is the object/passive subject, or that qualify it ('signed in June')."""
    verbs = []
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        verbs.append(tok.head)
    for node in [tok] + [t for t in tok.subtree if t.dep_ == "pobj"]:
        verbs += [c for c in node.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    return verbs


def _date_modifies(date_root: "Token", verb: "Token") -> bool:
    node = date_root
    for _ in range(4):
        if node.head == verb:
            return True
        if node.dep_ not in ("pobj", "prep", "npadvmod", "amod", "compound"):
            return False
        node = node.head
    return False
