"""One actor however it is spelled: merge the per-document actors of every source.

Two name sets are one actor when they share a normalised name, are fuzzy spellings of one name
(rapidfuzz), one is the abbreviation of the other, a surname stands for exactly one full name, or an
organisation differs from another only by its country ("State Department" / "US State Department").
Countries are one actor exactly when they are one country (their name is already canonical).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from rapidfuzz import fuzz, process

from briefing.extract import entities as ents
from briefing.extract.lexicon import ORG_HEADS, TITLE_WORDS
from briefing.summary import Actor, Citation

OWNER_POSSESSIVE = re.compile(r"'s?(?= )")  # "vestria's foreign ministry" -> "vestria foreign ministry"
SPELLING_SIMILARITY = 90  # token_sort_ratio at or above which two names may be one spelling
WORD_SIMILARITY = 85  # the one word two spellings may differ in ("zelensky" / "zelenskyy")
CITATIONS_PER_SOURCE = 2
MAX_ACTORS = 20
MAX_BLOCK = 400  # names sharing one blocking key beyond which the key is not used to pair them


@dataclass
class NameSet:
    kind: str
    names: list[str]
    weight: int = 1
    normal: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.normal = {ents.normalize(n) for n in self.names if ents.normalize(n)}

    @cached_property
    def country(self) -> str | None:
        # asked for in every comparison; a name set does not change once made
        if self.kind != "country":
            return None
        for n in self.names:
            form = ents.country_of(n)
            if form is not None:
                return form.country
        return None


# ------------------------------------------------------------------------------------------ name matching

def same_actor(a: NameSet, b: NameSet) -> bool:
    """Whether two name sets name one actor, without needing the other actors (see link_groups for those)."""
    if a.country or b.country:
        return a.country == b.country or bool(a.normal & b.normal) and a.kind == b.kind
    if a.normal & b.normal:
        return True
    if (a.kind == "person") != (b.kind == "person"):
        return False
    return any(_spellings(x, y) or _abbreviation(x, y) for x in a.normal for y in b.normal)


def _spellings(x: str, y: str) -> bool:
    """Two spellings of one name: the same words in any order, but for one word spelled a little
    differently ("Zelensky" / "Zelenskyy"); "Maria" / "Mario" is another person."""
    xs, ys = sorted(x.split()), sorted(y.split())
    if len(xs) != len(ys) or ents.country_words(x) != ents.country_words(y):
        return False
    if fuzz.token_sort_ratio(x, y) < SPELLING_SIMILARITY:
        return False
    unmatched_x = [w for w in xs if w not in ys]
    unmatched_y = [w for w in ys if w not in xs]
    if len(unmatched_x) != 1 or len(unmatched_y) != 1:
        return not unmatched_x and not unmatched_y
    a, b = unmatched_x[0], unmatched_y[0]
    return min(len(a), len(b)) >= 5 and a[:4] == b[:4] and fuzz.ratio(a, b) >= WORD_SIMILARITY


def _abbreviation(x: str, y: str) -> bool:
    """"afu" / "armed forces of ukraine"; "un security council" / "united nations security council"."""
    xs, ys = x.split(), y.split()
    if len(xs) > len(ys):
        xs, ys = ys, xs
    for i, short in enumerate(xs):
        if len(short) < 2 or short.upper() == short.lower():
            continue
        # the words around the short form must be the words around the long one: that fixes where the long
        # form starts (after the same i words) and ends (before the same words that follow)
        start, end = i, len(ys) - (len(xs) - i - 1)
        if end - start >= 2 and ys[:start] == xs[:i] and ys[end:] == xs[i + 1:] and \
                ents.abbreviates(short.upper(), " ".join(w.capitalize() for w in ys[start:end])):
            return True
    return False


def _surname_of(a: NameSet, b: NameSet) -> bool:
    """``a`` is only a surname (or given name) that begins or ends one of ``b``'s longer names
    ("Putin" / "Vladimir Putin", "Kim" / "Kim Jong Un", "al-Harbi" / "Faisal al-Harbi"); NER may have
    called the lone name anything but a known country ("Okafor told reporters" as a place)."""
    if b.kind != "person" or a.country:
        return False
    if a.kind != "person" and any(len(n.split()) > 1 or n in ORG_HEADS for n in a.normal):
        return False  # only a lone name NER called something else ("Quispe said") may be a surname
    for n in a.normal:
        short = n.split()
        for full in b.normal:
            words = full.split()
            if len(words) > len(short) and (words[:len(short)] == short or words[-len(short):] == short):
                return True
    return False


def _leading_words_of(a: NameSet, b: NameSet) -> bool:
    """``a`` is the first words of ``b``'s name, an organisation, used as its short form: "Harlow" /
    "Harlow Logistics", "Amnesty" / "Amnesty International". A body named by a place and a generic head
    ("X Steel Association", "X University", "Bank of X") is another actor than the place X."""
    if b.kind != "organization" or a.kind == "country" or a.country or b.country or \
            a.kind == "organization" and _without_country(a):
        return False
    for n in a.normal:
        short = n.split()
        if short[0] in ents.FUNCTION_WORDS or short[-1] in ORG_HEADS or ents.country_words(n) or \
                ents.looks_like_demonym(short[0].capitalize()):
            continue  # "European" is not a short form of "European Union"
        for full in b.normal:
            words = full.split()
            if len(words) > len(short) and words[:len(short)] == short and words[-1] not in ORG_HEADS:
                return True
    return False


def _short_name_of(a: NameSet, b: NameSet) -> bool:
    """A surname of a person or the leading words of an organisation: linked only when it fits one actor
    ("Holm" of both "Eva Holm" and "Holm Shipping" stays apart)."""
    return _surname_of(a, b) or _leading_words_of(a, b)


def _people_of_place(a: NameSet, b: NameSet) -> bool:
    """``a`` is a people's adjective formed from ``b``, a country-like actor the country table lacks:
    "Vestrians" / "Vestria" (named in different sources)."""
    if b.kind != "country" or b.country or a.country or a.kind == "person":
        return False
    return any(len(n.split()) == 1 and ents.is_demonym_of_place(n, full) for n in a.normal for full in b.normal)


def _short_form_of(a: NameSet, b: NameSet) -> bool:
    """``a`` is the head word alone of ``b``, an organisation: "the Commission" / "the European Commission"."""
    if a.kind == "person" or b.kind == "person" or a.country or b.country:
        return False
    return any(len(n.split()) == 1 and n in ORG_HEADS and len(full.split()) > 1 and full.split()[-1] == n
               for n in a.normal for full in b.normal)


def _without_country(a: NameSet) -> set[str]:
    if "_no_country" not in a.__dict__:
        a.__dict__["_no_country"] = _names_without_country(a)
    return a.__dict__["_no_country"]


def _names_without_country(a: NameSet) -> set[str]:
    """An organisation's names with its country words removed: "us state department" -> "state department",
    "ghana's ministry of environment" -> "ministry of environment"."""
    out = set()
    for n in a.normal:
        words = n.split()
        kept = [w for w in words if not ents.country_words(w.removesuffix("'s"))]
        if len(kept) == len(words) and len(words) > 1 and _is_people_adjective(words[0]):
            kept = words[1:]  # "vestrian red cross": a people's adjective the country table lacks
        while kept and kept[-1] == "of":
            kept.pop()
        if kept and len(kept) < len(words):
            out.add(" ".join(kept))
    return out


def _is_people_adjective(word: str) -> bool:
    """A word with a people's-adjective ending that is no common English noun ("vestrian", not "parish")."""
    return ents.looks_like_demonym(word.capitalize()) and word not in ents.common_nouns()


def _without_owner(a: NameSet) -> set[str]:
    """Also the name cut before "of <owner>": "defence ministry of tarsia" -> "defence ministry"."""
    out = set(_without_country(a))  # a copy: the cached set must not grow
    for n in a.normal:
        words = n.split()
        if "of" in words[1:-1] and words[words.index("of") - 1] in ORG_HEADS:
            out.add(" ".join(words[:words.index("of")]))
    return out


def link_groups(sets: list[NameSet]) -> list[list[int]]:
    """Union the name sets that are one actor; returns groups of indices, heaviest first inside each group.
    Only sets that share a blocking key (a word's first letters, initials, a country) are compared, so a
    document naming thousands of people does not cost millions of comparisons."""
    # a name set many sources repeat is linked once: identical sets are one actor, and comparing the copies
    # would grow with the square of the sources
    distinct: dict[tuple, int] = {}
    copy_of = [distinct.setdefault((s.kind, s.country, frozenset(s.normal)) if s.normal else (i,), i)
               for i, s in enumerate(sets)]
    firsts = sorted(set(copy_of))
    groups: dict[int, list[int]] = {}
    for i, first in enumerate(copy_of):
        groups.setdefault(first, []).append(i)
    linked = _link_distinct([sets[i] for i in firsts])
    return [sorted((i for k in group for i in groups[firsts[k]]), key=lambda i: (-sets[i].weight, i))
            for group in linked]


def _link_distinct(sets: list[NameSet]) -> list[list[int]]:
    parent = list(range(len(sets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    neighbours = _neighbours(sets)
    for i in range(len(sets)):
        for j in neighbours[i]:
            if j > i and same_actor(sets[i], sets[j]):
                union(i, j)
    for relation in (_short_name_of, _short_form_of, _bare_of_qualified, _people_of_place):
        _link_unique(sets, neighbours, union, find, relation)
    groups: dict[int, list[int]] = {}
    for i in range(len(sets)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _block_keys(a: NameSet) -> set[str]:
    keys = {"country:" + a.country} if a.country else set()
    for n in a.normal:
        words = [w for w in n.split() if w not in ents.FUNCTION_WORDS]
        keys.update("word:" + w[:4] for w in words)
        keys.add("initials:" + "".join(w[0] for w in words))
        if len(words) == 1:
            keys.add("initials:" + words[0])  # an abbreviation meets the names it abbreviates
    return keys


def _neighbours(sets: list[NameSet]) -> list[set[int]]:
    index: dict[str, list[int]] = {}
    keys = [_block_keys(a) for a in sets]
    for i, ks in enumerate(keys):
        for k in ks:
            index.setdefault(k, []).append(i)
    # a key shared by very many names ("council") says little and would make comparing quadratic
    return [{j for k in ks if len(index[k]) <= MAX_BLOCK for j in index[k] if j != i} for i, ks in enumerate(keys)]


def _link_unique(sets, neighbours, union, find, relation) -> None:
    """Link each set to the one group it relates to; leave it alone when it relates to several."""
    for i, a in enumerate(sets):
        targets = {find(j) for j in neighbours[i] if relation(a, sets[j])}
        targets.discard(find(i))
        if len(targets) == 1:
            union(i, targets.pop())


def _bare_of_qualified(a: NameSet, b: NameSet) -> bool:
    """``a`` is ``b`` without its country: "State Department" / "US State Department"."""
    if a.kind == "person" or b.kind == "person" or a.country or b.country or _without_country(a):
        return False
    return bool(a.normal & _without_owner(b))


# ------------------------------------------------------------------------------------------ choosing forms

def best_name(forms: list[str], used: list[str] | None = None) -> str:
    """The most complete common form: most words (hyphens count as spaces), then most used, then first."""
    counts = Counter(used or forms)
    order = {f: i for i, f in enumerate(forms)}
    spellings = Counter(ents.normalize(f) for f in forms)

    def accents(f: str) -> int:
        # a source that drops accents writes "Tomas" for "Tomás"; none adds them: the accented spelling is the name's
        return sum(not c.isascii() for c in f) if spellings[ents.normalize(f)] > 1 else 0

    return max(forms, key=lambda f: (not ents.is_abbreviation(f.replace(" ", "")),
                                     len(ents.normalize(f).split()), accents(f), counts[f], -order[f]))


def vote_kind(votes: list[tuple[str, int, str, str | None]]) -> str:
    """The kind most mentions give, (kind, weight, name, role) each; a person given a person's title
    wins over NER calling the same name an organisation, and a surname or the leading words of a name
    take the kind of the full name ("Okafor" of "Ada Okafor", "Harrow" of "Harrow Freight")."""
    titled = any(k == "person" and role and set(ents.normalize(role).split()) & (TITLE_WORDS - ORG_HEADS)
                 for k, _w, _n, role in votes)
    if titled and not any(k == "country" for k, _w, _n, _r in votes):
        return "person"
    longer = [ents.normalize(name).split() for _k, _w, name, _r in votes if len(ents.normalize(name).split()) > 1]
    full_votes = [v for v in votes if len(ents.normalize(v[2]).split()) > 1
                  or not any(ents.normalize(v[2]) in words for words in longer)]
    weights: Counter = Counter()
    for kind, weight, _name, _role in full_votes or votes:
        weights[kind] += max(1, weight)
    return weights.most_common(1)[0][0]


def best_role(roles: list[str]) -> str | None:
    """The most informative role: one with a title word, said most often, then the longest."""
    if not roles:
        return None
    counts = Counter(roles)

    def score(r: str) -> tuple:
        words = set(ents.normalize(r).split())
        # "North Korean leader" says more than "leader"; then the commoner, then the shorter of equals
        return (bool(words & TITLE_WORDS), min(len(words), 3), counts[r], -len(r))

    return max(counts, key=score)


# ------------------------------------------------------------------------------------------------ merging

def merge(candidates: list[Actor], limit: int | None = MAX_ACTORS) -> list[Actor]:
    """One actor per group of candidates, citing every source that names it, most important first (the
    first ``limit`` of them; None: all)."""
    if not candidates:
        return []
    candidates = _short_country_names_resolved(candidates)
    sets = [NameSet(kind=a.kind, names=[a.name] + list(a.aliases), weight=a.mentions) for a in candidates]
    merged = [_combine([candidates[i] for i in group]) for group in link_groups(sets)]
    merged.sort(key=lambda a: (-len({c.source for c in a.citations}), -a.mentions, a.name))
    return merged if limit is None else merged[:limit]


def shortlist(actors: list[Actor], parties: set[str], limit: int = MAX_ACTORS) -> list[Actor]:
    """The ``limit`` most important actors, and beyond them every one that is a party to a reaction: the
    summary never quotes a party its actor list leaves out."""
    wanted = {p.casefold() for p in parties}
    return [a for i, a in enumerate(actors) if i < limit or a.name.casefold() in wanted]


def _short_country_names_resolved(candidates: list[Actor]) -> list[Actor]:
    """A country named only by a short form that is also part of a longer country's name the sources use
    resolves to that longer country: "Congo" beside "Democratic Republic of the Congo" (or "DRC") is that
    country, not the Republic of the Congo the table gives for "Congo" alone. A country written in its own
    full name somewhere has no other forms in that source and stays itself ("Sudan" beside "South Sudan")."""
    countries = {a.name for a in candidates if a.kind == "country" and ents.country_of(a.name)}
    if len(countries) < 2:
        return candidates
    out = []
    for a in candidates:
        longer = [c for c in countries if c != a.name and _words_within(a.name, c)] \
            if a.kind == "country" and a.aliases and a.name in countries else []
        if len(longer) == 1 and all(_words_within(alias, longer[0]) for alias in a.aliases):
            a = replace(a, name=longer[0])
        out.append(a)
    return out


def _words_within(short: str, long: str) -> bool:
    """``short``'s words appear together inside ``long`` ("congo" / "democratic republic of the congo")."""
    return f" {ents.normalize(short)} " in f" {ents.normalize(long)} "


def _combine(group: list[Actor]) -> Actor:
    kind = vote_kind([(a.kind, a.mentions, a.name, a.role) for a in group])
    forms = list(dict.fromkeys(n for a in group for n in [a.name] + list(a.aliases)))
    used = [a.name for a in group for _ in range(max(1, a.mentions))] + [n for a in group for n in a.aliases]
    country = next((a.name for a in group if a.kind == "country" and ents.country_of(a.name)), None)
    name = country if kind == "country" and country else best_name(forms, used)
    aliases = [f for f in forms if f != name]
    citations: dict[Citation, None] = {}  # in order; a dict finds repeats at once, however many sources
    per_source: Counter = Counter()
    for a in group:
        for c in a.citations:
            if per_source[c.source] < CITATIONS_PER_SOURCE and c not in citations:
                citations[c] = None
                per_source[c.source] += 1
    roles = [a.role for a in group if a.role for _ in range(max(1, a.mentions))]
    return Actor(name=name, kind=kind, aliases=aliases, role=best_role(roles),
                 mentions=sum(a.mentions for a in group), citations=list(citations))


# -------------------------------------------------------------------------------------- speaker lookups

CUT_NAME_ENDS = ("of", "and", "for", "the", "&")  # a name cut before its last words ends in one of these


def _part_of_one_body(key: str, actors: list[Actor]) -> str | None:
    """The one organisation a cut piece of its name stands for: its first words up to a dangling "of"/"and"
    ("national observatory of" / "National Observatory of Athens") or up to an "and" ("Ministry of Industry" /
    "Ministry of Industry and Trade"), or its last words from an organisation
    word back, after an "and" ("harbour workers union" / "Canadian Longshore and Harbour Workers Union")."""
    words = key.split()
    if len(words) < 2:
        return None
    found = set()
    for name, full in _actor_index(actors).organisation_forms:
        if len(full) <= len(words):
            continue
        # "ministry of industry" of "Ministry of Industry and Trade": cut before its "and"
        leading = full[:len(words)] == words and (words[-1] in CUT_NAME_ENDS or full[len(words)] in ("and", "&"))
        trailing = words[-1] in ORG_HEADS and full[-len(words):] == words and full[-len(words) - 1] in ("and", "&")
        if leading or trailing:
            found.add(name)
    return found.pop() if len(found) == 1 else None


class _ActorIndex:
    """The name forms of a list of actors, looked up by canonical_name: built once per list, not per speaker
    (each build walks every name and alias; a big input asks thousands of times)."""

    def __init__(self, actors: list[Actor]) -> None:
        self.forms: dict[str, str] = {}
        for a in actors:
            for n in [a.name] + list(a.aliases):
                self.forms.setdefault(ents.normalize(n), a.name)
        self.order = {f: i for i, f in enumerate(self.forms)}
        self.names = {a.name for a in actors}
        self.by_edge_word: dict[str, set[str]] = {}  # first or last word of a person's full name -> people
        self.people_words: set[str] = set()  # one-word forms of people
        for a in actors:
            if a.kind != "person":
                continue
            for n in [a.name] + list(a.aliases):
                words = ents.normalize(n).split()
                if len(words) > 1:
                    self.by_edge_word.setdefault(words[0], set()).add(a.name)
                    self.by_edge_word.setdefault(words[-1], set()).add(a.name)
                elif words:
                    self.people_words.add(words[0])
        self.longest_form = max((len(f.split()) for f in self.forms), default=0)
        # (name, words of one of its forms) of each organisation, for cut pieces of a name (_part_of_one_body)
        self.organisation_forms = [(a.name, ents.normalize(n).split()) for a in actors if a.kind == "organization"
                                   for n in [a.name] + list(a.aliases)]


_index_cache: dict = {"key": None, "index": None, "actors": None}


def _actor_index(actors: list[Actor]) -> _ActorIndex:
    key = (id(actors), len(actors), id(actors[0]), id(actors[-1]))
    if _index_cache["key"] != key or _index_cache["actors"] is not actors:
        _index_cache.update(key=key, index=_ActorIndex(actors), actors=actors)
    return _index_cache["index"]


def canonical_name(name: str, actors: list[Actor]) -> str | None:
    """The merged actor a speaker string names ("Kim Jong-un", "Putin", "Kyiv", "the South Korean military"),
    matched on names and aliases, surname, country forms and fuzzy spelling; None when nothing fits."""
    key = ents.normalize(name)
    if not key or not actors:
        return None
    index = _actor_index(actors)
    forms = index.forms
    if key in forms:
        return forms[key]
    form = ents.country_of(name)
    if form is not None and form.country in index.names:
        return form.country
    if len(key.split()) == 1:
        people = index.by_edge_word.get(key, set())
        if len(people) == 1:
            return next(iter(people))
    # a name inside the speaker string ("Russian President Vladimir Putin"); a lone surname inside a longer
    # name is another person ("Kim" in "Kim Yo Jong"), so one-word forms of people do not count here.
    # An owner inside the string is a word of its own: "vestria's foreign ministry" holds "vestria"
    plain = OWNER_POSSESSIVE.sub("", key)
    words = plain.split()
    pieces = {" ".join(words[i:j]) for i in range(len(words))
              for j in range(i + 1, min(len(words), i + index.longest_form) + 1)}
    contained = [f for f in pieces if f in forms and len(f) >= 3 and f not in index.people_words]
    if contained:
        return forms[max(contained, key=lambda f: (len(f), -index.order[f]))]
    countries = {c for c in ents.country_words(plain) if c in index.names}
    if len(countries) == 1:
        return countries.pop()
    part_of = _part_of_one_body(key, actors)
    if part_of is not None:
        return part_of
    best = process.extractOne(key, list(forms), scorer=fuzz.token_sort_ratio, score_cutoff=SPELLING_SIMILARITY)
    return forms[best[0]] if best else None
