"""Timeline entries in one document: dated happenings, each date resolved against the publication date.

A DATE entity counts when it modifies a verb (the happening): "On Saturday, Russia announced ...",
"the treaty signed in June 2024". Dates that describe a noun ("last year's agreement", "Monday's
confirmation"), durations, year ranges used as descriptors, and hedged futures ("could meet in May") are
not happenings. The event text is the clause of the governing verb, cut down to subject, verb and
complements, so that the cited sentence supports it word for word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing import dates
from briefing.extract.lexicon import MORE_REPORTING_VERBS
from briefing.extract.lexicon import REPORTING_VERBS as _REPORTING

# verbs that report what someone said: a clause they report is the happening's line, with its speaker
# ("X will not pay, a spokeswoman repeated" -> "X will not pay, according to a spokeswoman")
REPORTING_VERBS = _REPORTING | MORE_REPORTING_VERBS | frozenset("repeat reiterate promise pledge tweet recall".split())
from briefing.extract import dateline_end as end_of_dateline, in_dateline
from briefing.extract.clauses import joins_words, looks_ahead, subtree_without, tokens_text
from briefing.pagemeta import DATELINE  # the wire dateline: its date is the filing date
from briefing.summary import TimelineEntry

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Span, Token

    from briefing.extract import DocContext, Sentence

# children of the governing verb that are not part of the happening's own line
_DROP_DEPS = frozenset({"advcl", "relcl", "parataxis", "cc", "appos", "mark", "intj", "meta", "dep", "preconj",
                        "discourse", "punct"})
_DISCOURSE = frozenset({"however", "also", "meanwhile", "then", "still", "only", "nonetheless", "moreover",
                        "though", "yet", "now", "later", "earlier", "already", "first", "finally", "just", "so"})
_HEDGES = frozenset({"could", "might", "may", "would", "should", "likely", "possibly", "perhaps", "potentially",
                     "probably", "if", "unless", "whether", "expected", "plan", "hope", "consider", "propose",
                     "forecast", "predict", "project"})
_FUTURE = frozenset({"will", "shall", "'ll", "scheduled", "set", "due", "upcoming", "next"})
_VAGUE_SUBJECTS = frozenset({"he", "she", "it", "they", "this", "that", "these", "those", "we", "i", "you"})
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
# nouns that only count ("two dozen have been infected"): a subject of them alone names nothing
_COUNT_NOUNS = frozenset({"dozen", "hundred", "thousand", "million", "score"})
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
_OBJECT_PRONOUNS = frozenset({"it", "them", "this", "that", "these", "those", "him", "her"})
MAX_EVENT_WORDS = 30
# markdown layout that scraped text keeps: emphasis marks, and the markers that open list items and quotes
_EMPHASIS = re.compile(r"\*{2,}|(?<![\w*])\*(?=\w)|(?<=\w)\*(?![\w*])|__")
_LIST_MARKER = re.compile(r"^(?:[*•·>#+]+|[-–—](?=\s)|\d{1,2}[.)](?=\s))[\s*:,;]*")
# parts of a day: "Friday evening" is the day Friday (spaCy labels "Friday" DATE and "evening" TIME)
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "overnight", "midday", "noon", "midnight",
                          "dawn", "daybreak", "dusk", "nightfall"})
# words in a TIME entity that name a day ("Sunday night", "last night"), so that it dates a happening
_DAY_WORDS = frozenset(dates.WEEKDAYS) | {"yesterday", "last", "today", "tonight"}
# adverbs placing a happening within its day ("late on Sunday", "early Monday"): they go with the date
_WITHIN_DAY = frozenset({"late", "early", "overnight"})
# parts of the publication day named without a day ("overnight", "this morning"): they date a happening only
# when the sentence gives no day of its own ("overnight into Wednesday" is Wednesday)
_PUBLICATION_DAY_PARTS = frozenset({"overnight", "this morning", "this afternoon", "this evening",
                                    "early this morning", "earlier this morning", "earlier today"})
# verbs of planning: a date after 'for' is the plan's target, not when anything happened
# ("the repair had been scheduled for this month", "a vote set for May")
PLANNING_VERBS = frozenset({"schedule", "plan", "set", "slate", "timetable", "earmark", "book", "arrange",
                            "pencil", "fix", "intend", "due", "program", "programme"})
# how far ahead a month-dated milestone may lie and still be part of the event's story
_MILESTONE_MONTHS = 6
# prepositions that open a span reaching back from now ("since March", "from January")
_SPAN_OPENERS = frozenset({"since", "from", "after"})
# prepositions with which a date attached to an object still dates the verb ("declared X on Monday")
_WHEN_PREPS = frozenset({"on", "in", "at", "during"})


@dataclass
class TimelineCandidate(TimelineEntry):
    """A timeline entry as one article states it, with what merging needs to know.

    ``date`` is "" when the date could only be placed with a reference date and the article has none;
    the consolidate stage then resolves ``expression`` against the event's date (no finer than a month).
    """

    expression: str = ""
    future: bool = False
    verb: str = ""        # lemma of the governing verb
    subject: str = ""     # its subject, as written
    subject_head: str = ""  # lemma of the subject's head noun ("treaty")


def extract(ctx: "DocContext") -> list[TimelineEntry]:
    out: list[TimelineEntry] = []
    offsets: list[tuple["Sentence", "Span"]] = []  # "comes five days after X declared ...": placed at the end
    for sent in ctx.sentences:
        seen_verbs: set[int] = set()
        for ent in date_spans(sent.span):
            if _anchored_to_other_event(ent):
                offsets.append((sent, ent))
            entry = happening(ctx, sent, ent)
            if entry is None or entry.verb_index in seen_verbs:
                continue
            seen_verbs.add(entry.verb_index)
            out.append(entry.candidate)
    for sent, ent in offsets:
        earlier = _offset_happening(sent, ent, out)
        if earlier is not None:
            out.append(earlier)
    return out


# "N days/weeks after": how many days one unit is (months and years are not counted back to a day)
_OFFSET_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def _offset_happening(sent: "Sentence", ent: "Span", found: list[TimelineCandidate]) -> TimelineCandidate | None:
    """'The declaration comes five days after the regional agency declared the outbreak an emergency': the
    clause after 'after' happened N days before the main clause's happening. Placed only when the main
    clause's subject names a happening this article dates to one day already (the declaration -> the
    candidate whose verb is 'declare'), and the clause after 'after' tells a past happening of its own."""
    doc = ent.doc
    words = ent.text.lower().split()
    if len(words) != 2 or words[1] not in _OFFSET_UNITS or ent.end >= len(doc) or doc[ent.end].lower_ != "after":
        return None
    count = dates.count_word(words[0])
    if count is None:
        return None
    main = sent.span.root
    subject = _subject(main) if main.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.pos_ != "NOUN" or not main.is_ancestor(ent.root) or subject.i > ent.start:
        return None
    anchor_dates = {c.date for c in found if len(c.date) == 10 and c.verb and _same_root(c.verb, subject.lemma_)}
    if len(anchor_dates) != 1:
        return None  # the main happening is not dated in this article, or dated two ways
    tail = doc[ent.end + 1:sent.span.end]
    if not any(t.tag_ == "VBD" for t in tail) or len(tail) > MAX_EVENT_WORDS:
        return None
    text = _tidy(tail.text).rstrip(".")
    if len(text.split()) < 3:
        return None
    from datetime import date as _date, timedelta

    when = (_date.fromisoformat(anchor_dates.pop()) - timedelta(days=count * _OFFSET_UNITS[words[1]])).isoformat()
    return TimelineCandidate(date=when, event=text, citations=[sent.citation()], expression=ent.text,
                             verb=next(t.lemma_.lower() for t in tail if t.tag_ == "VBD"), subject="", subject_head="")


def _same_root(verb_lemma: str, noun_lemma: str) -> bool:
    """'declare' ~ 'declaration', 'attack' ~ 'attack', 'decide' ~ 'decision': a noun naming the verb's act."""
    verb_lemma, noun_lemma = verb_lemma.lower(), noun_lemma.lower()
    stem = re.sub(r"(?:e|ate)$", "", verb_lemma)
    return noun_lemma == verb_lemma or len(stem) >= 4 and noun_lemma.startswith(stem[:max(4, len(stem) - 1)]) \
        and re.fullmatch(r"e?(?:ation|ition|ion|ment|al|ure|ing|sion)?", noun_lemma[len(stem):]) is not None


def date_spans(sent: "Span") -> list["Span"]:
    """The sentence's dates, each read as one span: a DATE entity with a part of day after it ("Friday" +
    "evening"), a TIME entity that names its day ("Sunday night", "last night"); not the dateline's date."""
    doc = sent.doc
    dateline_end = _dateline_or_none(sent)
    ents = list(sent.ents)
    out = []
    day_parts = []  # "overnight", "this morning": after the sentence's own dates, so that those win
    for k, ent in enumerate(ents):
        if ent.start_char < dateline_end:
            continue  # the wire's filing date, not a happening's
        if ent.label_ == "TIME":
            words = {t.lower_ for t in ent}
            joined = k > 0 and ents[k - 1].label_ == "DATE" and ents[k - 1].end == ent.start
            if words & _DAY_WORDS and not joined:
                out.append(ent)
            elif ent.text.lower() in _PUBLICATION_DAY_PARTS and not joined:
                day_parts.append(ent)
            continue
        if ent.label_ != "DATE":
            continue
        start, end = ent.start, ent.end
        before = ents[k - 1] if k > 0 else None
        if before is not None and before.label_ == "TIME" and before.end == ent.start - 1 \
                and doc[before.end].lower_ == "of" and before.root.lemma_.lower() in PARTS_OF_DAY | {"hour"}:
            start = before.start  # "on the night of October 12", "in the small hours of Monday"
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if nxt is not None and nxt.label_ == "TIME" and nxt.start == end \
                and any(t.lower_ in PARTS_OF_DAY for t in nxt) \
                and all(t.lower_ in PARTS_OF_DAY | {"local", "time", "early", "late"} for t in nxt):
            end = nxt.end  # "Friday" + "evening", "Monday" + "evening local time"
        while end < sent.end and doc[end].lower_ in PARTS_OF_DAY and doc[end].pos_ == "NOUN":
            end += 1  # a part of day the entity recogniser left out
        if doc[end:end + 2].text.lower() == "local time" and end + 2 <= sent.end:
            end += 2
        out.append(doc[start:end] if (start, end) != (ent.start, ent.end) else ent)
    if "overnight" in sent.text.lower():  # (a plain string test: most sentences have none)
        day_parts += [doc[t.i:t.i + 1] for t in sent if t.lower_ == "overnight" and t.ent_type_ == ""
                      and t.dep_ == "advmod" and t.head.pos_ in ("VERB", "AUX")]
    return out + day_parts


def _subject_after_dateline(verb: "Token", subject: "Token", dateline_end: int) -> "Token | None":
    """The parser took the dateline's place name for the subject ("LISBON, Portugal, March 3 (Wire) -
    Portugal declared ..."): the real one is a second subject, or hangs off the false one after the dateline."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= dateline_end), None) \
        or next((c for c in subject.children if c.dep_ in ("appos", "conj", "npadvmod") and c.idx >= dateline_end
                 and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)  # "director-general" is often read as ADJ


@dataclass
class _Found:
    candidate: TimelineCandidate
    verb_index: int


def happening(ctx: "DocContext", sent: "Sentence", ent: "Span") -> _Found | None:
    """The dated happening a DATE entity belongs to, or None when the date describes no happening."""
    expr = ent.text
    if dates.is_duration(expr) or dates.is_year_range(expr) or _anchored_to_other_event(ent):
        return None
    verb = governing_verb(ent)
    if verb is None:
        return _dated_event_noun(ctx, sent, ent)
    if _false_coordination(verb):
        return None
    if ent.text.lower() in _PUBLICATION_DAY_PARTS:
        verb = _main_verb_of_participle(verb)
    # a plan with its day ("will file on Friday", "has scheduled a hearing for Monday") is on the timeline
    # too, dated forward; other hedged or future words ("could meet in May", "by 2030") are not
    scheduled = _scheduled(verb, ent, ctx.published)
    if not scheduled and _hedged(verb):
        return None
    future = scheduled or _is_future(verb)
    if future and not scheduled:
        return None  # what is only expected, or has no day yet, is not a happening (open questions take it up)
    if _missed_deadline(verb, ent):
        return None  # "had not been made public by Tuesday": nothing happened by then
    if _planned_for(verb, ent) and not scheduled:
        return None  # "had been scheduled for this month": the plan's target date, not a happening's
    # a month in a clause about what is still to come is the next such month ("expects to reopen in March")
    ahead = scheduled or _ahead(verb, ent)
    when = dates.resolve(expr, ctx.published, future=ahead)
    # a stated milestone in the coming months ("the line reopens at the end of January") is on the timeline,
    # marked future; a far target ("by 2030") or a date still to come without a month or day is not
    milestone = ahead and not scheduled and dates.granularity(when) == "month" and ctx.published is not None \
        and _months_ahead(when, ctx.published) <= _MILESTONE_MONTHS and not _continues_until(ent)
    future = future or milestone
    if when and ctx.published and when > ctx.published.isoformat()[:len(when)] and not scheduled and not milestone:
        return None  # a target date ("by 2030") or a date still to come
    if when is None and ctx.published is not None:
        return None
    if when is None and dates.resolve(expr, None) is None and not _resolvable_later(expr):
        return None
    if _opens_a_span(ent) and dates.granularity(when) == "year" and ctx.published is not None \
            and when < str(ctx.published.year):
        return None  # "spending had doubled since 2021": a change over years, not a happening of that year
    if _opens_a_span(ent) and verb.dep_ == "relcl":
        return None  # "a wildfire that has raged since Sunday": a noun's background, not a happening
    if _ongoing(verb, ent) and not scheduled:
        return None  # "38 ships were waiting at anchor on Wednesday": a state at that time, not a happening
    dated_verb = verb
    verb = _climb(verb)
    subject = _subject(verb)
    dateline_end = _dateline_or_none(sent.span)
    if subject is not None and subject.idx < dateline_end:
        subject = _subject_after_dateline(verb, subject, dateline_end)
        if subject is None:
            return None
    # ('that' as a relative pronoun is no vague subject: "a heatwave that began last Wednesday")
    vague = subject is not None and subject.lower_ in _VAGUE_SUBJECTS and subject.tag_ != "WDT"
    antecedent = _antecedent(ctx, sent, subject) if vague else None
    if subject is not None and (subject.pos_ == "NUM" or subject.lemma_.lower() in _COUNT_NOUNS) \
            and not any(c.pos_ in ("NOUN", "PROPN") or c.lower_ == "of" for c in subject.children):
        return None  # "two dozen have been infected": of what, the line cannot say
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ not in ("relcl", "acl"):
        return None  # a relative pronoun shared by a coordinated verb ("that began ... and is forecast to ...")
    if vague and antecedent is None:
        return None  # "this comes after ...": no line that stands on its own
    owner_word = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS), None) \
        if subject is not None else None
    owner = _antecedent(ctx, sent, owner_word) if owner_word is not None else None
    if owner_word is not None and owner is None:
        return None  # "its spokesman described ...", "her death was confirmed": whose, the line cannot say
    if any(t.lower_ in _OBJECT_PRONOUNS and t.tag_ in ("PRP", "DT") and (t.i == c.i or t.dep_ == "pobj"
                                                                      and t.head.head.i == c.i)
           for c in verb.children if c.dep_ == "dobj" for t in c.subtree):  # ("pledged a third of that")
        return None  # "described them as ...": what, the line cannot say
    quoted = _quoted(verb, whole=True)
    if quoted and _stative(verb):
        return None  # someone's own words on how things stand ("our teams are on the ground"): no happening
    quoted_by = _quote_speaker(sent.span) if quoted else None
    if quoted and quoted_by is None:
        return None  # a quotation whose speaker this sentence does not name: the line cannot say whose words
    if verb.lemma_.lower() == "be" and not scheduled or _is_question(sent, verb) or (subject is not None and in_dateline(subject)):
        return None  # a state ("was worth ..."), a question, or a parse thrown by a dateline
    text = event_text(verb, ent)
    if not text:
        return None
    text, naming = _name_the_instrument(ctx, sent, verb, text)
    if quoted_by is not None and "according to" not in text:
        text = f"{text}, according to {quoted_by}"
    if re.search(r"\b(?:[Ww]e|us|[Oo]urs?|I|me|[Mm]y)\b", text):
        return None  # "the court agreed with us": the writer's own voice, not a line for a neutral timeline
    if owner is not None:
        text = re.sub(r"^" + re.escape(owner_word.text) + r"\b", owner + ("'" if owner.endswith("s") else "'s"),
                      text, count=1, flags=re.I)
    if antecedent is not None:
        text = re.sub(r"^" + re.escape(subject.text) + r"\b", antecedent, text, count=1, flags=re.I)
        said_by = re.search(r", according to (?:the )?(.+)$", text)
        if said_by and said_by.group(1).lower().strip() == re.sub(r"^the ", "", antecedent.lower()):
            text = text[:said_by.start()]  # "X said it closed ..." -> "X closed ..."
        text = text[:1].upper() + text[1:]
    citations = [sent.citation()] + ([naming.citation()] if naming is not None else [])
    cand = TimelineCandidate(date=when or "", event=text, citations=citations, expression=expr,
                             future=future,
                             # ("is due to hear the parties": the act is 'hear', not 'be')
                             verb=(dated_verb if verb.lemma_ == "be" else verb).lemma_.lower(),
                             subject=_phrase(subject) if subject is not None and subject.lower_ not in _RELATIVE_PRONOUNS
                             else "",
                             subject_head=_subject_head(verb, subject))
    return _Found(cand, verb.i)


_PRONOUN_LABELS = {"he": ("PERSON",), "she": ("PERSON",), "it": ("ORG", "GPE", "NORP"), "they": ("ORG", "GPE", "NORP"),
                   "his": ("PERSON",), "her": ("PERSON",)}
# where a named person stands when a later 'he'/'she' can safely be read as them: the one who does or says
_PERSON_SLOTS = frozenset({"nsubj", "nsubjpass", "appos"})


def _antecedent(ctx: "DocContext", sent: "Sentence", pronoun: "Token") -> str | None:
    """The name a subject pronoun stands for, or None when it cannot be told safely.

    he/she/his/her: a PERSON named as a subject (or its apposition) earlier in the sentence or in the one
    before; a person's pronoun never goes to a place or a name inside a phrase ("found at a house in Agia
    Lefki. He had refused ..." names nobody). it/they: the subject of the clause that reports it ("The Water
    Board said it closed ...", "Countries are clapping for money they promised"), when it agrees."""
    labels = _PRONOUN_LABELS.get(pronoun.lower_)
    if not labels:
        return None
    if pronoun.lower_ == "they":  # plural: the subject of an enclosing clause, when it agrees
        for verb in pronoun.head.ancestors:
            outer = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
            if outer is not None and outer.i < pronoun.i and _agrees(pronoun, outer):
                return _phrase(outer)
            if outer is not None:
                break  # only the nearest clause with a subject of its own
    if "PERSON" not in labels:
        if pronoun.head.dep_ != "ccomp" or pronoun.head.head.lemma_.lower() not in REPORTING_VERBS:
            return None
        speaker = _subject(pronoun.head.head)
        # the speaker, or the body whose paper speaks ("The WHO's note says it received ...")
        named = [e for e in sent.span.ents if e.end <= pronoun.i and e.label_ in labels and speaker is not None
                 and (e.start <= speaker.i < e.end or e.root.dep_ == "poss" and e.root.head.i == speaker.i)]
        if named:
            return re.sub(r"(?:'s|’s)$", "", named[-1].text).strip()
        if speaker is not None and speaker.pos_ in ("NOUN", "PROPN") and speaker.i < pronoun.i \
                and _agrees(pronoun, speaker):
            return _phrase(speaker)  # "The carrier said it will resume flights" -> "The carrier ..."
        return None
    pools = [[e for e in sent.span.ents if e.end <= pronoun.i]]
    index = ctx.sentences.index(sent)
    if index > 0:
        pools.append(list(ctx.sentences[index - 1].span.ents))
    for pool in pools:
        named = [e for e in pool if e.label_ == "PERSON"
                 and (e.root.dep_ in _PERSON_SLOTS or e.root.head.dep_ in _PERSON_SLOTS and e.root.dep_ == "compound"
                      or e.root.dep_ == "pobj" and e.root.head.dep_ == "agent")]  # ("ordered by Kim himself")
        if named:
            return re.sub(r"(?:'s|’s)$", "", named[-1].text).strip()
        if any(e.label_ in ("PERSON", "GPE", "LOC", "FAC", "ORG") for e in pool):
            return None  # the nearest name is no speaker or doer: the pronoun may be anyone's
    return None


def _agrees(pronoun: "Token", noun: "Token") -> bool:
    if pronoun.lower_ in ("he", "she"):
        return noun.ent_type_ == "PERSON"
    if noun.pos_ == "PRON" or noun.ent_type_ == "PERSON":
        return False
    plural = noun.tag_ in ("NNS", "NNPS")
    return plural if pronoun.lower_ == "they" else not plural


def _subject_head(verb: "Token", subject: "Token | None") -> str:
    """Lemma of what the happening is about: the subject, or the noun a participle/relative clause qualifies."""
    if verb.dep_ in ("acl", "relcl") and (subject is None or subject.lower_ in _RELATIVE_PRONOUNS):
        return verb.head.lemma_.lower()
    return subject.lemma_.lower() if subject is not None else ""


EVENT_NOUNS = frozenset("""election vote referendum poll runoff attack strike raid bombing shooting explosion blast
earthquake quake storm flood fire crash summit meeting talks protest demonstration coup ceasefire truce ruling verdict
judgment hearing trial launch outbreak invasion incursion offensive assault massacre collapse""".split())


def _dated_event_noun(ctx: "DocContext", sent: "Sentence", ent: "Span") -> _Found | None:
    """'the 7 September election', "Tuesday's drone attack on the refinery": a date naming when an event
    (a noun from a general list) took place. The line is the event's own noun phrase."""
    root = ent.root
    noun = root.head
    if root.dep_ not in ("poss", "compound", "nummod", "amod", "npadvmod", "nmod") or noun.i == root.i \
            or noun.lemma_.lower() not in EVENT_NOUNS or noun.pos_ != "NOUN":
        return None
    when = dates.resolve(ent.text, ctx.published)
    if when and ctx.published and when > ctx.published.isoformat()[:len(when)]:
        return None  # an election still to come
    if when is None and (ctx.published is not None or not _resolvable_later(ent.text)):
        return None
    skip = {t.i for t in ent} | {t.i for c in noun.children if c.dep_ in ("relcl", "acl", "appos", "punct", "det",
                                                                         "poss", "case") for t in c.subtree}
    skip |= {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ not in ("on", "in", "against", "of")
             for t in c.subtree}
    words = [t for t in noun.subtree if t.i not in skip and not (t.dep_ == "case" and t.head.i == root.i)]
    text = _tidy("".join(t.text_with_ws for t in words))
    if len(text.split()) > 12 or not text:
        return None
    cand = TimelineCandidate(date=when or "", event=text, citations=[sent.citation()], expression=ent.text,
                             verb=noun.lemma_.lower(), subject=text, subject_head=noun.lemma_.lower())
    return _Found(cand, noun.i)


def _name_the_instrument(ctx: "DocContext", sent: "Sentence", verb: "Token", text: str) -> tuple[str, "Sentence | None"]:
    """'the State Duma ratified the document' -> '... ratified the Partnership Treaty': a bare reference to
    a legal instrument takes the name of the latest one the article named before (that sentence is cited too)."""
    from briefing.extract import treaties

    ref = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"
                and treaties.noun_lemma(c) in treaties.REFERENCE_NOUNS
                and [d.lower_ for d in c.children] in (["the"], ["this"])), None)
    if ref is None:
        return text, None
    index = ctx.sentences.index(sent)
    for earlier in reversed(ctx.sentences[:index + 1]):
        for tok in reversed(list(earlier.span)):
            if tok.i >= ref.i and earlier is sent:
                continue
            if tok.pos_ in ("NOUN", "PROPN") and treaties.noun_lemma(tok) in treaties.INSTRUMENT_NOUNS:
                tokens = treaties.name_span(tok)
                if treaties.is_named(tok, tokens):
                    name = tok.doc.text[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)].strip(" '\"‘’“”,")
                    phrase = f"{' '.join(d.text for d in ref.children)} {ref.text}"
                    if phrase not in text:
                        return text, None
                    return text.replace(phrase, f"the {name}", 1), (earlier if earlier is not sent else None)
    return text, None


def _is_question(sent: "Sentence", verb: "Token") -> bool:
    return sent.text.rstrip(" \"'”’").endswith("?") \
        or verb.left_edge.lower_ in ("how", "what", "whether", "why", "where")


def _resolvable_later(expr: str) -> bool:
    """Relative to a reference date, could this expression name a month or a year?"""
    from datetime import date

    return dates.resolve(expr, date(2000, 6, 15), exact_reference=False) is not None


def _anchored_to_other_event(ent: "Span") -> bool:
    """'two days after Russia did so', 'the day before': relative to another happening, not to the
    publication date ('in 2021 after a snap election' is not)."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    counts_time = re.search(r"\b(day|week|month|year|hour)s?\b", ent.text.lower()) is not None \
        and not re.search(r"\b(last|this|next)\b", ent.text.lower())
    return counts_time and nxt is not None and nxt.lower_ in ("after", "before", "later", "earlier", "since", "into")


def _opens_a_span(ent: "Span") -> bool:
    """'41 deaths recorded since June', 'fined three platforms since January': the date opens a period that
    runs to now, so the line must keep 'since June' to stay true (it is not the day of the happening)."""
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("since", "until", "till", "through", "throughout")


def governing_verb(ent: "Span") -> "Token | None":
    """The verb the date modifies; None when the date hangs off a noun (a descriptor, not a happening)."""
    tok = ent.root
    for _ in range(6):
        head = tok.head
        if head == tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        if tok.dep_ in ("poss", "compound", "amod", "nmod", "appos", "nsubj", "nsubjpass", "dobj", "attr",
                        "conj", "nummod"):
            return None
        if tok.dep_ == "pobj":
            tok = head  # the preposition
            continue
        if head.pos_ in ("VERB", "AUX"):
            return head
        if tok.dep_ == "prep" and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            return _verb_of_fronted_subject(tok) or _verb_of_object(tok)
        tok = head
    return None


def _verb_of_fronted_subject(prep: "Token") -> "Token | None":
    """'X's agency in October assessed ...': a date between a subject and its verb modifies the verb
    (the parser often hangs it on the subject)."""
    noun = prep.head
    while noun.dep_ in ("compound", "poss") and noun.head != noun:
        noun = noun.head
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and prep.right_edge.i < verb.i \
            and prep.i > noun.i:
        return verb
    return None


def _verb_of_object(prep: "Token") -> "Token | None":
    """'declared a state of emergency in the province on Monday': a date phrase closing a past-tense verb's
    object dates the verb (the parser hangs it on the nearest noun, more so when a participle clause
    follows). Only when nothing of the object follows the date, and not for a phrase that opens a period."""
    planned = prep.lower_ == "for" and prep.head.dep_ == "dobj" and prep.head.head.lemma_.lower() in PLANNING_VERBS
    if prep.lower_ not in _WHEN_PREPS and not planned:
        return None  # ("scheduled a hearing for Monday": the plan's day, read by _scheduled)
    noun = prep.head
    for _ in range(4):  # up through "of/in" phrases inside the object ("a ban on plastics in the region")
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head.head
    verb = noun.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or not (_is_past(verb) or perfect) \
            or prep.right_edge.i != noun.right_edge.i:
        return None
    return verb


def _hedged(verb: "Token") -> bool:
    words = {c.lower_ for c in verb.children} | {c.lemma_.lower() for c in verb.children}
    words |= {verb.lemma_.lower(), verb.lower_}
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and head != verb:
        words |= {head.lemma_.lower(), head.lower_} | {c.lower_ for c in head.children}
    if verb.dep_ == "advcl" and any(c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return True
    return bool(words & _HEDGES) and not _is_past(verb)


def _main_verb_of_participle(verb: "Token") -> "Token":
    """'published files stolen from the bank overnight': the parser hangs a closing 'overnight' on the
    participle after the object; it is the news of the day, told by the main verb."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return verb
    noun = verb.head
    for _ in range(3):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            break
        noun = noun.head.head
    main = noun.head
    return main if noun.dep_ == "dobj" and main.pos_ == "VERB" and _is_past(main) else verb


def _planned_for(verb: "Token", ent: "Span") -> bool:
    """'the repair had been scheduled for this month', 'talks set for May': a planning verb whose date is
    introduced by 'for' names when something was meant to happen, whether or not it did."""
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    return prep is not None and prep.lower_ == "for" and verb.lemma_.lower() in PLANNING_VERBS \
        and (prep.head.i == verb.i or prep.head.dep_ == "dobj" and prep.head.head.i == verb.i)


# words that make a plan only a possibility ("could meet on Friday", "is expected to arrive on Monday")
_MAYBE = frozenset({"could", "might", "may", "should", "must", "likely", "possibly", "perhaps", "if", "unless",
                    "whether", "expected", "hope", "hoped", "want", "wants", "aim", "aims", "try", "seek"})


def _scheduled(verb: "Token", ent: "Span", published: "date | None") -> bool:
    """A plan for a given day after publication: 'will file for review on Friday', 'is due to hear the
    parties on June 8', 'is set to vote on 22 October', 'has scheduled a hearing for Monday', 'confirmed
    the union would appeal on Friday' (the future of a past report), 'two more pumps are arriving on
    Wednesday'. Not a deadline ('by Friday'), a negated or hedged plan, nor one without a day ('next week')."""
    if published is None or any(c.dep_ == "neg" for c in verb.children):
        return False
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ not in ("on", "for", "at"):
        return False  # "by Friday", "until Monday", "before June 8": a deadline, not the day of the plan
    head = verb.head
    near = {c.lower_ for c in verb.children} | ({head.lower_} | {c.lower_ for c in head.children}
                                                if verb.dep_ in ("xcomp", "ccomp") else set())
    conditions = {m.lower_ for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
    if near & _MAYBE or conditions & {"if", "unless"}:
        return False  # ("will strike on Monday if talks fail")
    when = dates.resolve(ent.text, published, future=True)
    if dates.granularity(when) != "day" or when < published.isoformat():
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "shall", "'ll"}:
        return True
    frame = head.head if head.dep_ == "acomp" else head  # "is due to hear": 'hear' hangs on 'due', under 'is'
    if verb.dep_ == "xcomp" and ({head.lemma_.lower()} | {c.lower_ for c in head.children if c.dep_ == "acomp"}) \
            & PLANNING_VERBS and not _is_past(frame):
        return True  # "is due to hear", "is set to vote", "is scheduled to meet" (not "was due to close")
    if verb.dep_ == "xcomp" and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") \
            and any(c.tag_ == "TO" for c in verb.children) and not any(c.dep_ == "acomp" for c in head.children):
        return True  # "the president is to visit the region on Friday"
    if verb.lemma_.lower() in PLANNING_VERBS and prep is not None and prep.lower_ == "for" and not _is_past(verb):
        return True  # "has scheduled a hearing for Monday", "the vote is set for Tuesday" (not "was set for")
    if "would" in auxes and verb.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS and ent.start > verb.i \
            and head.tag_ == "VBD" and not any(_dates_directly(c) for c in head.children if c.dep_ in ("prep", "npadvmod")):
        return True  # "confirmed the union would file on Friday" (the report itself undated; "said on Monday
        # they would ..." dates the saying, whichever verb the parser hangs it on)
    return verb.tag_ == "VBG" and when > published.isoformat() \
        and any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def _continues_until(ent: "Span") -> bool:
    """'flights scheduled through January', 'stays shut until March': the end of a stretch, no happening."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("through", "until", "till", "throughout")


def _months_ahead(iso_month: str, published: "date") -> int:
    year, month = int(iso_month[:4]), int(iso_month[5:7])
    return (year - published.year) * 12 + month - published.month


def _ahead(verb: "Token", ent: "Span") -> bool:
    """Does the clause look forward from publication, so that a bare month in it is the next one? A future
    frame ("is expected to return in March", "is due to end in March"), a present-tense happening ("the line
    reopens at the end of January", "which the company expects by March": news tells past happenings in the
    past tense), or a plan told by a bare participle ("with more flights scheduled through January"). Not a
    span opened in the past ("has grown since March"), nor a plan inside a past clause ("the vote, set for
    March, was postponed")."""
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in _SPAN_OPENERS:
        return False
    if looks_ahead(verb):
        return True
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "be":
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.lemma_.lower() in PLANNING_VERBS \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and not _is_past(verb.head.head)


def _false_coordination(verb: "Token") -> bool:
    """'will remain closed until the emergency, declared on 20 July, is lifted': a past form 'coordinated'
    with a verb under a modal shares neither its subject nor its tense; the parser lost the noun it qualifies."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN") and _own_subject(verb) is None \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


def _ongoing(verb: "Token", ent: "Span") -> bool:
    """A state at the date rather than a happening: a progressive verb ("were waiting at anchor on Monday"),
    or any verb dated 'as of' ("had 40 beds as of Tuesday")."""
    before = ent.doc[ent.start - 2:ent.start].text.lower() if ent.start >= 2 else ""
    if before == "as of":
        return True
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _missed_deadline(verb: "Token", ent: "Span") -> bool:
    """'had not been made public by Tuesday', 'did not respond until Friday': a negated verb with a date
    introduced by 'by' or 'until' says what had not happened by then."""
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("by", "until", "till") and prep.head.i == verb.i \
        and any(c.dep_ == "neg" for c in verb.children)


def _is_past(verb: "Token") -> bool:
    return verb.tag_ in ("VBD",) or any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _is_future(verb: "Token") -> bool:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "advmod", "acomp")}
    if verb.dep_ == "xcomp":
        words |= {verb.head.lower_} | {c.lower_ for c in verb.head.children}
    return bool(words & _FUTURE)


def _climb(verb: "Token") -> "Token":
    """From an infinitive without its own subject up to the verb that carries one ("decided to station",
    "acknowledged its dispatch of troops to fight ... on Monday")."""
    for _ in range(4):
        infinitive = any(c.tag_ == "TO" for c in verb.children)
        # "In its latest update, issued on Monday, the ministry said ...": the participle dates the main clause
        participle = verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBG") and not any(
            c.dep_ == "mark" for c in verb.children) and not _after_an_object(verb)
        if _subject(verb) is not None or verb.dep_ not in ("xcomp", "advcl", "acl") \
                or not (infinitive or participle):
            return verb
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head != head:
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return verb
        verb = head
    return verb


def _after_an_object(participle: "Token") -> bool:
    """'will challenge the minister's decision, announced on Monday, to ...': a participle set off right
    after the main verb's object qualifies that object (the parser may hang it on the verb); its date is
    not the main verb's."""
    doc = participle.doc
    head = participle.head
    before = doc[participle.i - 2] if participle.i >= 2 else None
    return participle.tag_ == "VBN" and participle.i > head.i and doc[participle.i - 1].text == "," \
        and before is not None and before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("dobj", "pobj") \
        and not before.ent_type_ in ("DATE", "TIME") and head.is_ancestor(before)


def _subject(verb: "Token") -> "Token | None":
    own = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    stray = _stray_subject(verb) if own is None else None
    if stray is not None:
        return stray
    if own is None and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)  # "Negotiations were launched in 2019 and concluded in December"
    return own


def _stray_subject(verb: "Token") -> "Token | None":
    """'Police raided the plant and prosecutors confirmed the arrests': the parser joined the second verb's
    subject to the first verb's object (or date); a noun right after 'and' and right before a verb that has no
    subject, which the parser coordinated with something of the first verb's."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 1 else None
    # (the noun may be a name of several words: "... and North Macedonia restricted ...")
    if verb.dep_ not in ("conj", "advcl") or before is None or before.dep_ != "conj" \
            or before.pos_ not in ("NOUN", "PROPN") or before.left_edge.i < 1 or doc[before.left_edge.i - 1].dep_ != "cc":
        return None
    return before if verb.head.is_ancestor(before) else None


def _own_subject(verb: "Token") -> "Token | None":
    """A coordinated verb with a subject of its own is a second happening; one sharing the first verb's
    subject ("raided the plant and seized documents") belongs to the same one."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None) \
        or _stray_subject(verb)


def _shared_subject_prefix(verb: "Token") -> str:
    """For a coordinated verb without its own subject: the subject and auxiliaries it shares."""
    stray = _stray_subject(verb)
    if stray is not None:
        return _phrase(stray)
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return ""
    subject = _subject(verb)
    if subject is None:
        return ""
    aux = [c.text for c in verb.head.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.head.i]
    return " ".join([_phrase(subject)] + aux)


def event_text(verb: "Token", ent: "Span") -> str:
    """One line: subject, verb and complements of the happening, without the date and side clauses."""
    fronted = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    # "X secured a second term, the commission announced": the parser's root is X's verb (sometimes it
    # even joins the two as coordinated verbs, with no 'and' and nothing said of its own)
    says_nothing_of_its_own = not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
    inverted = verb.dep_ in ("ccomp", "parataxis", "advcl") and says_nothing_of_its_own or verb.dep_ == "conj" \
        and verb.lemma_.lower() in REPORTING_VERBS and says_nothing_of_its_own \
        and not any(t.dep_ == "cc" and t.head == verb.head for t in verb.doc[verb.head.i:verb.i])
    if inverted and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "mark" for c in verb.children):
        fronted = [verb.head]
    speaker = _subject(verb)
    reported = fronted + [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if verb.lemma_.lower() in REPORTING_VERBS \
            and any(_has_date(clause, ent) and not _is_future(clause) for clause in reported):
        return ""  # "Rebels seized the town on Sunday, the army confirmed on Wednesday": dated by its own date
    if fronted and _quoted(fronted[0]) and _stative(fronted[0]):
        return ""  # a quotation's words on how things stand ("Repairs are finished," she said): no happening
    if fronted and verb.lemma_.lower() in REPORTING_VERBS and speaker is not None:
        # "Halvorsen secured a second term, the commission announced on Sunday": what was announced, and by whom
        said = _tidy(_render(_clause_tokens(fronted[0], ent), fronted[0]))
        if len(said.split()) >= 3 and _subject(fronted[0]) is not None:
            return f"{said}, according to {_lower_common(speaker, _phrase(speaker, limit=8))}"
    keep = _clause_tokens(verb, ent)
    if not keep:
        return ""
    opening = _opening_attribution(verb, keep)
    if opening:  # "According to the ministry, 412 cases had been recorded" -> "412 cases ..., according to ..."
        keep = [t for t in keep if t.i not in opening]
    words = _render(keep, verb)
    prefix = _shared_subject_prefix(verb)
    if prefix:
        words = f"{prefix} {words}"
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD")) \
            or verb.dep_ == "advcl" and verb.tag_ == "VBN" and _after_an_object(verb):
        if verb.head.dep_ in ("nsubj", "nsubjpass") and verb.head.head.pos_ not in ("VERB", "AUX"):
            return ""  # a subject hung on no verb: a broken parse, no line to rebuild
        words = _with_antecedent(verb, ent, words)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        speaker = _subject(verb.head)
        if speaker is not None and speaker.lower_ not in ("it", "this"):
            words = f"{words}, according to {_lower_common(speaker, _phrase(speaker, limit=8))}"
    source = _closing_attribution(verb, keep) or _inverted_attribution(verb) \
        or (_tidy(verb.doc[min(opening):max(opening) + 1].text.rstrip(" ,"), capitalise=False) if opening else "")
    source = source[:1].lower() + source[1:] if source.startswith("According") else source
    if source and "according to" not in words:
        words = f"{_tidy(words, capitalise=False)}, {source}"
    words = _tidy(words)
    if len(words.split()) < 3 or (_subject(verb) is None and verb.dep_ not in ("relcl", "acl")
                                  and not _after_an_object(verb)):
        return ""  # no one doing anything ("Sign up for our newsletter", "again blocking the roads")
    return words


def _stative(verb: "Token") -> bool:
    """A verb that states how things are, not what happened: 'be'/'have', or any present tense."""
    tenses = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.lemma_.lower() in ("be", "have") or bool(tenses & {"VBP", "VBZ"}) and not tenses & {"VBD", "MD"}


def _quote_speaker(sent: "Span") -> str | None:
    """Who speaks the quotation in a sentence ('"...," said Priya Raman'): the subject of a reporting verb
    outside the quotation marks; None when it is only a pronoun or not named."""
    for tok in sent:
        if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ == "VERB" and not _quoted(tok, whole=True):
            speaker = _subject(tok)
            if speaker is not None and speaker.pos_ in ("PROPN", "NOUN") and not _quoted(speaker, whole=True):
                return _lower_common(speaker, _phrase(speaker, limit=8))
    return None


def _quoted(clause: "Token", whole: bool = False) -> bool:
    """Is the clause inside quotation marks (an odd number of quote marks before it in its sentence; or, for
    a ``whole`` sentence, none before it and an unmatched closing one after it: a quotation that opened in
    an earlier sentence)?"""
    sent = clause.sent
    first = clause.i if whole else clause.left_edge.i
    before = clause.doc[sent.start:first].text
    opens = before.count('"') + before.count("“") - before.count("”")
    if opens % 2 == 1 or not whole and first > sent.start and clause.doc[first - 1].text in ('"', "“"):
        return True
    if not whole or before.count('"') or before.count("“") or before.count("”"):
        return False
    after = clause.doc[clause.i:sent.end].text
    return after.count("”") > after.count("“") or after.count('"') % 2 == 1


def _opening_attribution(verb: "Token", kept: list["Token"]) -> set[int]:
    """The token ids of an 'According to X,' that opens the clause (with its comma), to close the line instead."""
    first = min((t.i for t in kept), default=verb.i)
    tok = verb.doc[first]
    if tok.lower_ != "according" or tok.dep_ != "prep" or tok.head.i != verb.i or tok.right_edge.i >= verb.i:
        return set()
    ids = {t.i for t in tok.subtree}
    after = tok.right_edge.i + 1
    return ids | ({after} if verb.doc[after].text == "," else set())


def _trailing_reporter(verb: "Token") -> "Token | None":
    """'X declared Y on Monday, ..., the ministry said': the parser may make the closing 'said' a clause of
    the happening's verb; it is the attribution."""
    doc = verb.doc
    return next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i > verb.i
                 and c.lemma_.lower() in REPORTING_VERBS and _subject(c) is not None and _subject(c).i < c.i
                 and not any(m.dep_ == "mark" for m in c.children) and doc[c.left_edge.i - 1].text == ","), None)


def _inverted_attribution(verb: "Token") -> str:
    reporter = _trailing_reporter(verb)
    if reporter is None:
        return ""
    speaker = _subject(reporter)
    return f"according to {_lower_common(speaker, _phrase(speaker, limit=8))}"


def _closing_attribution(verb: "Token", kept: list["Token"]) -> str:
    """'..., stranding thousands of passengers, according to the ministry.': the attribution closing the
    sentence vouches for the whole of it, though the parser hangs it on the cut-off participle clause."""
    kept_ids = {t.i for t in kept}
    for tok in verb.subtree:
        if tok.lower_ == "according" and tok.dep_ == "prep" and tok.i not in kept_ids and tok.head.i != verb.i \
                and tok.right_edge.i + 1 >= tok.sent.end - 1 and tok.nbor(1).lower_ == "to":
            return _tidy(tok.doc[tok.i:tok.right_edge.i + 1].text, capitalise=False)
    return ""


def _clause_tokens(verb: "Token", ent: "Span") -> list["Token"]:
    date_tokens = set(range(ent.start, ent.end))
    # the preposition that introduces the date ("in June") goes with it
    prep = ent.root.head if ent.root.dep_ == "pobj" else None
    drop: set[int] = set()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for extra in objects[1:]:  # "sent troops to Russia last fall, its first conflict ...": a remark, not a second object
        before = extra.left_edge.i - 1
        if before >= 0 and extra.doc[before].is_punct:  # ("declared X the winner" keeps both)
            drop |= {t.i for t in extra.subtree}
    for child in verb.children:
        if child.dep_ == "appos" and not _parenthetical(child):
            continue
        if child.text == "," and child.i + 1 < len(child.doc) and child.nbor(1).lower_ == "according" \
                and child.nbor(1).head == verb:
            continue  # the comma that sets off an attribution ("..., according to the agency")
        if child.dep_ in _DROP_DEPS or (child.dep_ == "advmod" and child.lower_ in _DISCOURSE) or _tense_shift(verb, child) \
                or (child.dep_ == "advmod" and child.tag_ == "WRB" and child.i == verb.left_edge.i) \
                or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")
                    and (_own_subject(child) is not None or _has_date(child, ent))):
            drop |= {t.i for t in child.subtree}
        elif child.dep_ == "npadvmod" and _dates_directly(child):
            drop |= {t.i for t in child.subtree}
        elif child.dep_ == "prep" and _side_phrase(child):
            drop |= {t.i for t in child.subtree}
        elif child.dep_ == "conj" and child.pos_ not in ("VERB", "AUX") and _with_another_date(child, ent):
            drop |= {t.i for t in child.subtree}  # "... for mpox in 2024, and for COVID-19 in 2020": another date's
        elif child.dep_ in ("prep", "agent") and _dates_directly(child) \
                and not (_opens_a_span(ent) and child == ent.root.head):
            drop |= {t.i for t in child.subtree}
    for tok in verb.subtree:
        if tok.lower_ in _REFLEXIVES and tok.i > 0 and tok.doc[tok.i - 1].text == "," and tok.i < verb.i:
            # "Petrakis, himself from the area, defended ...": the aside runs to the next comma
            close = next((t.i for t in tok.doc[tok.i:verb.i] if t.text == ","), None)
            if close is not None:
                drop |= set(range(tok.i - 1, close + 1))
    for tok in verb.subtree:
        # nested side clauses inside the complements (relative clauses, appositions of long names)
        if tok.dep_ in ("relcl", "appos", "advcl", "parataxis") and tok.i not in drop and tok != verb:
            if tok.dep_ == "appos" and not _parenthetical(tok):
                continue
            drop |= {t.i for t in tok.subtree}
            drop |= {t.i for t in _flanking_punct(tok)}
        elif tok.dep_ == "npadvmod" and tok.pos_ == "NOUN" and tok.i > verb.i and _closing_remark(tok):
            drop |= {t.i for t in tok.subtree}  # "... would reach 70,000 tonnes, a figure the Commission rejected"
    reporter = _trailing_reporter(verb)
    if reporter is not None:  # the closing "..., the ministry said" is rendered as "according to"
        drop |= {t.i for t in reporter.subtree} | {reporter.left_edge.i - 1}
    for child in verb.children:  # the stray subject of a cut-off coordinated verb goes with it, with its 'and'
        stray = _stray_subject(child) if child.i in drop else None
        if stray is not None:
            drop |= {t.i for t in stray.subtree}
            drop |= {c.i for c in stray.head.children if c.dep_ == "cc" and c.i < stray.i}
    kept_conj = [c for c in verb.children if c.dep_ == "conj" and c.i not in drop]
    if kept_conj:  # "raided the plant and seized documents": the conjunction stays with the verb it joins
        drop -= {c.i for c in verb.children if c.dep_ == "cc" and c.i < kept_conj[-1].i}
    first = prep.i if prep is not None and prep.dep_ in ("prep", "agent") else ent.start
    if first > 0 and verb.doc[first - 1].lower_ in _WITHIN_DAY and verb.doc[first - 1].dep_ == "advmod":
        drop.add(first - 1)  # "late on Sunday": 'late' places the happening in its day, it goes with the date
    if _opens_a_span(ent):
        pass  # "since January" stays in the line
    elif prep is not None:
        drop |= {t.i for t in prep.subtree} if prep.dep_ in ("prep", "agent") else set()
        drop |= date_tokens
        # "..., most recently in August 2024, ...": an adverb set off with the date goes with it
        doc = verb.doc
        holder = prep.head if prep.head.pos_ == "ADV" and prep.head.i != verb.i else doc[first - 1] if first > 0 else None
        if holder is not None and holder.pos_ == "ADV" and holder.dep_ == "advmod" and verb.is_ancestor(holder) \
                and holder.left_edge.i > 0 and doc[holder.left_edge.i - 1].text == ",":
            drop |= {t.i for t in holder.subtree}
    else:
        drop |= date_tokens
    sent = verb.sent
    dateline_end = _dateline_or_none(sent)
    false_subject = _subject(verb)
    if false_subject is not None and false_subject.idx < dateline_end:
        real_subject = _subject_after_dateline(verb, false_subject, dateline_end)
        if real_subject is not None:  # not a side remark of the dateline's place name
            drop -= {t.i for t in real_subject.subtree}
            for side in real_subject.subtree:  # but its own side remarks ("the director-general, Amara Chukwu,")
                if side.dep_ == "appos" and side != real_subject and _parenthetical(side):
                    drop |= {t.i for t in side.subtree} | {t.i for t in _flanking_punct(side)}
    # "ACCRA, May 16 - ...": the place and date of filing, not part of the happening
    drop |= {t.i for t in sent if t.idx < dateline_end}
    kept = [t for t in verb.subtree if t.i not in drop]
    if len(kept) > MAX_EVENT_WORDS:  # keep the first of coordinated verbs, then cut trailing modifiers
        for child in verb.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                drop |= {t.i for t in child.subtree} | {c.i for c in verb.children if c.dep_ == "cc"}
        kept = [t for t in verb.subtree if t.i not in drop]
    return kept


def _tense_shift(verb: "Token", conj: "Token") -> bool:
    """'a heatwave that began last Wednesday and is forecast to last until the weekend': a coordinated verb
    in the present or future beside a dated past verb is not part of the dated happening."""
    if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX") or not _is_past(verb):
        return False
    tags = {conj.tag_} | {c.tag_ for c in conj.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP", "MD"}) and "VBD" not in tags


def _with_another_date(conj: "Token", ent: "Span") -> bool:
    """A coordinated phrase that carries a date other than ``ent``, inside it or right after it ('..., and for
    measles in January 2024', where the parser hangs 'in January 2024' on the verb)."""
    if any(t.ent_type_ == "DATE" and not ent.start <= t.i < ent.end for t in conj.subtree):
        return True
    after = conj.right_edge.i + 1
    if after >= len(conj.doc):
        return False
    nxt = conj.doc[after]
    return nxt.dep_ == "prep" and nxt.head.i == conj.head.i and not ent.start <= nxt.i + 1 < ent.end \
        and _dates_directly(nxt)


def _side_phrase(prep: "Token") -> bool:
    """A phrase hung on the verb that belongs to another clause: ', including a volunteer' (it lists members
    of a noun of the main clause), or 'as' opening a clause the parser read as a noun ('killed as a wildfire
    that had raged for days jumped a ridge')."""
    doc = prep.doc
    if prep.lower_ == "including" and prep.i > 0 and doc[prep.i - 1].text in (",", "—", "–"):
        return True
    return prep.lower_ == "as" and any(t.pos_ in ("VERB", "AUX") for t in prep.subtree if t.i != prep.i)


def _dates_directly(phrase: "Token") -> bool:
    """Is a date part of this phrase itself ("on Monday", "in the week of 3 May"), not of a clause nested in
    it ("for an inquiry into the fire that has burned since Sunday" keeps its date to the inner clause)?"""
    for tok in phrase.subtree:
        if tok.ent_type_ != "DATE":
            continue
        step = tok
        while step.i != phrase.i and step.pos_ not in ("VERB", "AUX") and step.head.i != step.i:
            step = step.head
        if step.i == phrase.i:
            return True
    return False


def _closing_remark(noun: "Token") -> bool:
    """A noun phrase set off by a comma at the end of the sentence, with an article of its own: a remark on
    the whole happening ("..., the first step in a trade dispute"), not part of it."""
    doc = noun.doc
    after = noun.right_edge.i + 1
    return noun.left_edge.i > 0 and doc[noun.left_edge.i - 1].text == "," \
        and any(c.dep_ in ("det", "poss") for c in noun.children) \
        and (after >= noun.sent.end or doc[after].is_punct and after + 1 >= noun.sent.end)


def _has_date(tok: "Token", ent: "Span") -> bool:
    """Does a coordinated verb carry a date of its own ("raided the plant on Monday and seized files on
    Tuesday")? A date describing a noun ("the toll from Sunday's flood") or dating a clause under it does not count."""
    return any(other.label_ == "DATE" and not ent.start <= other.start < ent.end and tok.left_edge.i <= other.start
               and other.end <= tok.right_edge.i + 1 and governing_verb(other) == tok for other in tok.sent.ents)


def _parenthetical(tok: "Token") -> bool:
    """An apposition set off by commas or dashes, or a long one: a side remark, not part of the name."""
    left = tok.left_edge.i - 1
    if left >= 1 and tok.doc[left].lower_ in _REFLEXIVES and tok.doc[left - 1].is_punct:
        return True  # "the governor, himself a farmer, opened ..."
    return (left >= 0 and tok.doc[left].is_punct) or len(list(tok.subtree)) > 8


def _flanking_punct(tok: "Token") -> list["Token"]:
    doc, out = tok.doc, []
    if tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text in (",", "—", "–", "-", "("):
        out.append(doc[tok.left_edge.i - 1])
    if tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i + 1].text in (",", "—", "–", ")"):
        out.append(doc[tok.right_edge.i + 1])
    return out


def _stray_comma(tok: "Token", kept: set[int], verb: "Token") -> bool:
    """A comma whose neighbour was cut out belonged to the cut-out phrase ("outbreaks in Uganda, in 2007,
    were"); one that opens an attribution stays ("sent rescuers on Tuesday, according to" -> "sent
    rescuers, according to")."""
    if tok.text != ",":
        return False
    if tok.i + 1 not in kept:
        return True
    attribution = tok.doc[tok.i + 1].lower_ == "according"
    return tok.i - 1 not in kept and tok.i - 1 >= verb.left_edge.i and not attribution


def _render(tokens: list["Token"], verb: "Token") -> str:
    kept = {t.i for t in tokens}
    tokens = [t for t in tokens if not _stray_comma(t, kept, verb)]
    out = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        ws = tok.whitespace_ if nxt is not None and nxt.i == tok.i + 1 else " "
        out.append(tok.text + ws)
    return "".join(out).strip()


def _with_antecedent(verb: "Token", ent: "Span", words: str) -> str:
    """'which was signed in June' -> 'the agreement ... was signed'; 'treaty signed in June' -> '... was signed'."""
    noun = verb.doc[verb.i - 2] if verb.dep_ == "advcl" else _modified_noun(verb)  # (_after_an_object)
    side = {t.i for c in noun.children if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj")
            and not joins_words(c) for t in c.subtree}
    noun_phrase = _tidy("".join(t.text_with_ws for t in noun.subtree if t.i not in side and t.i < verb.left_edge.i
                                and t.tag_ != "WRB"))  # "when a tunnel caved in", misread as a noun's clause
    if not noun_phrase:
        return words
    # "the decision, announced on Monday, to refer the dispute ...": what was decided goes with the noun
    # (the parser hangs the infinitive on the noun, or on the participle)
    purpose = next((c for c in list(noun.children) + list(verb.children) if c.dep_ in ("acl", "xcomp")
                    and c.i > verb.i and any(g.tag_ == "TO" for g in c.children)), None)
    if purpose is not None and verb.dep_ in ("acl", "advcl"):
        said = tokens_text(subtree_without(purpose, frozenset({"relcl", "appos", "advcl", "parataxis", "punct"})))
        if len(said.split()) <= 20:
            noun_phrase = f"{noun_phrase} {said}"
            words = re.sub(r"\s*,?\s*" + re.escape(said) + r"\s*$", "", words) if purpose.head.i == verb.i else words
    noun_phrase = noun_phrase[:1].lower() + noun_phrase[1:] if noun.pos_ != "PROPN" and noun_phrase[:1] else noun_phrase
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if verb.dep_ == "acl" and own_subject and any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ not in
                                                  _RELATIVE_PRONOUNS for c in verb.children):
        # "the news that the army shelled the town": the clause says all of it on its own
        return re.sub(r"^\W*(?:that|which)\b\s*", "", words, count=1, flags=re.I)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and own_subject):
        # (the parser reads "a notice that the union served" as a noun's clause with 'that' as its mark)
        rel = [c for c in verb.children if c.lower_ in _RELATIVE_PRONOUNS]
        subj = _subject(verb)
        whose = next((c for c in subj.children if c.lower_ == "whose"), None) if subj is not None else None
        if whose is not None:  # "whose results were published" -> "the results of <the noun> were published"
            own = _tidy("".join(t.text_with_ws for t in subj.subtree if t.i != whose.i), capitalise=False)
            said = _phrase(subj)
            if not words.lower().startswith(said.lower()):
                return ""
            return f"the {own} of {noun_phrase}{words[len(said):]}"
        owned = next((c for c in verb.children if c.dep_ in ("dobj", "pobj")
                      and any(g.lower_ == "whose" for g in c.children)), None)
        if owned is not None:  # "whose resignation the president accepted" -> "the president accepted the ..."
            said = _phrase(owned)
            own = _tidy("".join(t.text_with_ws for t in owned.subtree if t.lower_ != "whose"), capitalise=False)
            if not words.lower().startswith(said.lower()):
                return ""
            return f"{words[len(said):].strip()} the {own} of {noun_phrase}"
        if verb.left_edge.lower_ == "whose":
            return ""  # a 'whose' the line cannot be rebuilt around: no line rather than a garbled one
        if not rel:
            if any(c.tag_ == "WRB" for c in verb.children):
                # "the flood of 2029, when a levee was breached in May": the clause says all of it on its own
                return re.sub(r"^\W*(?:when|where)\b\s*", "", words, count=1, flags=re.I)
            if _subject(verb) is not None and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
                verb_word = re.search(r"\b" + re.escape(verb.text) + r"\b", words)
                if verb_word:  # "money they promised in Bonn" -> "they promised money in Bonn"
                    return f"{words[:verb_word.end()]} {noun_phrase}{words[verb_word.end():]}"
            return words
        if rel[0].dep_ in ("nsubj", "nsubjpass"):
            return re.sub(r"^\W*" + re.escape(rel[0].text) + r"\b", noun_phrase, words, count=1)
        # object relative: "which Ukrainian forces seized" -> "Ukrainian forces seized <noun phrase>"
        rest = re.sub(r"^\W*" + re.escape(rel[0].text) + r"\b\s*", "", words, count=1)
        subj = _subject(verb)
        if subj is None:
            return words
        subj_text = _phrase(subj)
        after = rest[len(subj_text):].lstrip() if rest.startswith(subj_text) else rest
        verb_part, _, tail = after.partition(" ")
        return " ".join(x for x in (subj_text, verb_part, noun_phrase, tail) if x)
    aux = "were" if noun.tag_ in ("NNS", "NNPS") else "was"
    return f"{noun_phrase} {aux} {words}"


def _modified_noun(verb: "Token") -> "Token":
    """The noun a relative or participle clause set off by a comma qualifies. The parser hangs it on the
    nearest noun, often a name or a count inside the real one's phrase ('a review of the data by the
    Institute, published in January' is the review's; 'a trial in 4,800 children, whose results ...' the
    trial's): such a clause about a phrase of nested 'of/by/in' complements goes with the phrase's head, whose
    line then keeps the nested complements (faithful whichever noun the writer meant)."""
    noun = verb.head
    doc = verb.doc
    named = noun.pos_ == "PROPN" or bool(noun.ent_type_)
    set_off = verb.left_edge.i > 0 and doc[verb.left_edge.i - 1].text in (",", "—", "–")
    if not set_off and not (named and verb.dep_ == "acl"):
        return noun  # a restrictive clause ("the law passed in June") qualifies the noun it follows
    # (a name takes no restrictive participle: "a report by the Institute published in May" is the report's)
    if verb.dep_ == "relcl" and doc[verb.left_edge.i].lower_ != "whose":
        return noun  # "the chairman of the commission, which was founded ...": 'which' takes the nearest noun
    if not (noun.pos_ == "PROPN" or noun.ent_type_ or any(c.dep_ == "nummod" for c in noun.children)):
        return noun  # "the mayor of the city, whose budget ...": a plain noun may well be the one meant
    for _ in range(3):
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN") \
                or prep.lower_ not in ("of", "by", "in", "from", "among", "on", "for"):
            break
        noun = prep.head
    return noun


def _phrase(tok: "Token", limit: int = 12) -> str:
    """A token's noun phrase, without relative clauses; cut to its core when long."""
    skip = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj")
            and not joins_words(c) for t in c.subtree}
    words = [t for t in tok.subtree if t.i not in skip]
    if len(words) > limit:
        words = [t for t in tok.subtree if t.i <= tok.i and t.i not in skip][-limit:]
    return _tidy("".join(t.text_with_ws for t in words), capitalise=False)


def _lower_common(tok: "Token", phrase: str) -> str:
    """'The South Korean military' -> 'the South Korean military' inside a line; names stay as written."""
    first = tok.left_edge
    nxt = first.nbor(1) if first.i + 1 < len(first.doc) else None
    if first.text[:1].isupper() and first.pos_ != "DET" and (
            not first.is_sent_start or nxt is not None and nxt.pos_ in ("NUM", "PROPN") and first.pos_ in ("ADJ", "PROPN")):
        return phrase  # capitalised mid-sentence, or opening a name ("Local 40 president"): part of a name or title
    return phrase[:1].lower() + phrase[1:] if first.pos_ in ("DET", "NOUN", "ADJ", "PRON") and phrase else phrase


def _tidy(text: str, capitalise: bool = True) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = _EMPHASIS.sub("", text)  # markdown "**bold**" marks are layout, not words
    text = _LIST_MARKER.sub("", text)  # a list item's "- ", "* ", "1. " or "> " opens no line
    text = re.sub(r"^[A-Z][A-Z .'-]{2,},\s+", "", text)  # a dateline ("LIMA, ... -") is not part of the line
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"^[\s,;:.—–-]+|[\s,;:—–-]+$", "", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"(?:[\s,;]+(?:and|or|but|as well as))+$", "", text)
    if (text.count('"') % 2) or (text.count("“") != text.count("”")):
        text = text.replace('"', "").replace("“", "").replace("”", "")
    return text[:1].upper() + text[1:] if text and capitalise else text


def _dateline_or_none(sent: "Span") -> int:
    """Where the sentence's dateline ends in the document's text, or -1 when it has none."""
    end = end_of_dateline(sent)
    return end if end > sent.start_char else -1
