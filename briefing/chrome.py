"""Page-chrome removal for plain text: which lines of a scraped page are the article.

Each line (or hard-wrapped paragraph) is judged by general features, the way jusText and trafilatura
judge HTML blocks: length, stop-word density, sentence punctuation, script and language, link-list
shape, position on the page, repetition of the title, and general web-UI vocabulary. No rule knows
any site. The lines are first labelled on their own (article, chrome, metadata, or "short": not
decided), then the short ones are decided by their neighbours:

* before the first article line (the header) they are chrome, except the headline, which is the title
  (metadata, not a block: headlines are written in headline grammar), the standfirst right under it,
  and a dateline right above the first paragraph;
* after the last article line (the footer: related headlines, share bars, comments) they are chrome,
  and so is everything after an end-of-article marker (comment section, credits, references, copyright);
* between article lines, a lone short line that is about the article's subject (its content words
  occur in the article) or ends like a sentence is kept as a subhead; a run of short lines is a link list.

Every kept unit is a ``(start, end)`` span of the original text, so offsets stay exact.
"""
from __future__ import annotations

import mmap
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefing import pagemeta

ARTICLE, CHROME, TITLE, META, SHORT = "article", "chrome", "title", "meta", "short"

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
STATS_CHARS = 20_000            # features of a huge line are read from its first characters
LANGUAGE_SAMPLE_WORDS = 5_000
UI_MAX_WORDS = 40               # web-UI prose (cookie notices, sign-up prompts) is shorter than this
LONG_PARAGRAPH_WORDS = 30       # a paragraph this long is article even without final punctuation
SUBHEAD_COHERENCE = 0.3         # share of a subhead's content words the article uses (related links: ~0.1)
STANDFIRST_COHERENCE = 0.25     # the same for the summary line right under the headline

# ---------------------------------------------------------------- general web-UI vocabulary

# Any of these in a short line marks it as page furniture (menus, labels, buttons, widgets).
_UI_TERMS = re.compile(r"\b(?:cookies?|newsletters?|subscribe|subscriptions?|unsubscribe|sign(?:ed)?[ -]?(?:in|up|out)|"
                       r"log(?:ged)?[ -]?(?:in|out)|login|register|account|password|advertisement|advert|ads?|"
                       r"sponsored|promoted|privacy|terms|copyright|rights reserved|live ?blog|javascript|browser|"
                       r"website|homepage|home|apps?|notifications?|click|tap|scroll|share[ds]?|sharing|tweet|"
                       r"whatsapp|facebook|twitter|linkedin|telegram|instagram|youtube|reddit|email|e-mail|print|"
                       r"bookmark|favou?rites?|comments?|read more|read also|also read|see also|related|similar|"
                       r"recommended|most (?:read|viewed|popular)|popular|trending|more on|more from|more stories|"
                       r"you may|you might|don'?t miss|top stories|latest|all news|skip|menu|search|icon|arrow|"
                       r"select|language|country|edition|settings|follow|watch|listen|podcasts?|videos?|gallery|"
                       r"photos?|images?|credits?|caption|loading|toggle|back to top|next (?:article|story)|previous|"
                       r"show more|"
                       r"view all|load more|dismiss|accept|agree|consent|close|category|categories|section|tags?|"
                       r"topics?|publication date|published|posted|updated|author|contact|about us|feedback|download|"
                       r"rss|feed|sitemap|careers|advertise|subscribers?|premium|paywall|free trial|"
                       r"min(?:ute)? read|reading time)\b", re.I)
# Words that only the website itself uses; with a reader address or an imperative they mark UI prose.
_WEB_TERMS = re.compile(r"\b(?:cookies?|newsletters?|(?:un)?subscribe|subscription|sign(?:ed)?[ -]?(?:in|up)|"
                        r"log(?:ged)?[ -]?in|login|account|advertisement|privacy policy|terms of (?:use|service)|"
                        r"rights reserved|live ?blog|javascript|browser|website|site|app|notifications?|comments?|"
                        r"commenting|share|version|settings|consent|stay here|staying online|click|tap|"
                        r"bookmark|favou?rites?|push|alerts?|feed|our journalism|support us|donat\w+)\b", re.I)
_READER = re.compile(r"\b(?:you|your|yours|you['’](?:re|ll|ve|d))\b", re.I)
_SITE_REF = re.compile(r"\bour\s+(?:web)?(?:site|app|newsletters?|live ?blog|coverage|journalism|readers|page|"
                       r"channel|podcasts?|community|team|editors?|reporters?)\b|"
                       r"\b(?:this|the) (?:article|story|page|post)\b", re.I)
_US = re.compile(r"\bus\b")      # lower-case only: "US" is the United States
# The newsroom's own housekeeping in a live blog or newsletter, in the first person plural: 'That's where we'll
# close this live blog', 'We'll be back with more updates tomorrow', 'Our reporters will keep covering the
# talks', 'Thanks for following', 'This live page has now ended'. A sentence is housekeeping when the newsroom
# (we, our staff) is doing something to its coverage, or it closes/thanks the reader; an official's 'we will
# keep working' names no coverage and stays news.
_WE = r"(?:we|we['’](?:ll|re|ve|d))"
_OUR_STAFF = (r"(?:our\s+(?:\w+\s+)?(?:correspondents?|reporters?|journalists?|team|teams|staff|desk|editors?|"
              r"colleagues|newsroom))")
# what the newsroom does to its coverage; an organisation's 'we will report every case' is no coverage, so
# reporting and covering count only when the newsroom's staff is named
_COVERAGE = (r"(?:(?:live\s+)?blog|live\s+(?:page|coverage|updates?|feed)|coverage|updates?|bulletins?|"
             r"round-?ups?|this\s+(?:page|story|feed)|bring(?:ing)?\s+you|keep\s+you\s+(?:posted|updated|informed))")
_STAFF_WORK = (r"(?:keep|keeps|continue|continues|carry\s+on)\s+(?:to\s+)?(?:report(?:ing)?|cover(?:ing)?|"
               r"follow(?:ing)?)(?!\s+up)")
_HOUSEKEEPING = re.compile(
    r"^(?:(?:and|so|ok|okay|well|that['’]s\s+(?:it|all|where|everything)(?:\s+\w+){0,3}?)[,\s]+)?"
    r"(?:" + _WE + r"\b[^.!?]{0,80}?\b" + _COVERAGE + r"\b|"
    + _WE + r"\s+(?:will\s+)?be\s+back\s+(?:here\s+)?(?:tomorrow|later|soon|shortly|tonight|in\s+the\s+morning|"
    r"next\s+\w+|on\s+\w+day|with\s+more)\b|"
    + _OUR_STAFF + r"\b[^.!?]{0,80}?\b(?:" + _COVERAGE + "|" + _STAFF_WORK + r")\b|"
    r"(?:good\s*night|goodbye|bye\s+for\s+now)\b(?:[^.!?]{0,60}?\b(?:from\s+(?:us|all\s+of\s+us|the)|for\s+now|"
    r"for\s+today))|"
    r"(?:many\s+)?thanks?(?:\s+you)?(?:\s+(?:all|so\s+much|very\s+much))?\s+for\s+(?:following|reading|"
    r"joining|staying|being\s+with)\b|"
    r"(?:this|our|the)\s+(?:live\s+)?(?:blog|page|coverage|feed|updates?)\b[^.!?]{0,60}?\s(?:has|have|is|are|was)\s+"
    r"(?:now\s+)?"
    r"(?:ended|closed|over|finished|paused|concluded|no\s+longer\s+(?:being\s+)?updated)\b|"
    r"(?:that['’]s|that\s+is)\s+(?:it|all)\s+(?:for|from)\s+(?:us|now|today|tonight|this\s+\w+)\b|"
    # the page pointing at itself: 'A summary of the day's developments is below'
    r"(?:a|the|our)\s+(?:\w+\s+)?(?:summary|recap|round-?up|digest|timeline)\s+of\b[^.!?]{0,60}?\s(?:is|are|can\s+be\s+"
    r"(?:found|read))\s+(?:below|above|at\s+the\s+(?:top|bottom))\b)", re.I)
HOUSEKEEPING_MAX_WORDS = 60
# a word every housekeeping sentence has (tested first: most lines have none)
_HOUSEKEEPING_HINT = re.compile(r"\b(?:we|we['’]\w+|our|thanks?|that['’]s|blog|coverage|page|feed|updates?|"
                                r"good\s*night|goodbye|bye)\b",
                                re.I)
_IMPERATIVE = re.compile(r"^(?:follow|subscribe|unsubscribe|opt|sign|log|click|tap|read|watch|listen|download|share|join|get|"
                         r"register|see|explore|discover|continue|skip|accept|allow|manage|support|donate|contact|"
                         r"send|tell|email|visit|check|learn|find|try|install|enable|like|leave|add|save|print|"
                         r"comment|view|show|load|go|jump|select|choose|change|switch|stay|keep|don['’]t)\b", re.I)
_IMPERATIVE_OBJECT = re.compile(r"\b(?:our|us|you|your|here|now|below|above|more|latest|full story|the full|today|"
                                r"free|live|updates?)\b", re.I)
_LABEL = re.compile(r"^(?:category|categories|section|tags?|topics?|keywords?|sources?|photo(?:graph)?s?|"
                    r"images?|pictures?|credits?|caption|image caption|video|watch|listen|read more|related|"
                    r"see also|also read|read also|more|share|filed under|editing by|edited by|reporting by|"
                    r"writing by|written by|additional reporting|authors?|contributors?|follow|translated by|"
                    r"illustration|graphic|file photo|pic|getty|reuters|afp|ap photo|comments?|have your say|"
                    r"our standards|disclaimer|note to readers|correction|"
                    r"(?:media|press|investor|news) (?:contacts?|enquiries|inquiries|relations)|contacts?|"
                    r"for (?:further|more) information)\b\s*[:|/]", re.I)
# the contact block that closes a press release ('Media contact: Ana Ruiz, +1 555 0100'): the release ends there
_CONTACT_LABEL = re.compile(r"^(?:(?:media|press|investor|news) (?:contacts?|enquiries|inquiries|relations)|"
                            r"contacts?|for (?:further|more) information)\b", re.I)
_CREDIT_ONLY = re.compile(r"^(?:editing|reporting|writing|additional reporting|compiled|translated|edited)\s+by\b",
                          re.I)
_COMMENT_SECTION = re.compile(r"\b(?:comments?|commenting|conversation|discussion)\b", re.I)
# a section heading after which a page holds no more article: references, sources, notes
_END_SECTION = re.compile(r"^(?:references|sources|notes|footnotes|bibliography|further reading|about the authors?|"
                          r"citations?|notes? to editors?|editors?['’]? notes?|(?:media|press|investor) contacts?|"
                          r"(?:cautionary (?:note|statement)s? (?:regarding|on|about|concerning) )?"
                          r"forward[- ]looking (?:statements?|information)|safe[- ]harbou?r statement)\s*:?$", re.I)
# the end mark of a press release or transcript: '###', '-30-', '- ENDS -', '(END)', '[END OF TRANSCRIPT]', and
# the same with the time or page it was filed at: '[ENDS 7.43am]', 'ENDS 1430 GMT', '-- END page 2 --'
_END_NOTE = (r"(?:[,:;.]?\s*(?:at\s+)?\d{1,2}(?:[.:h]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?|"
             r"[,:;.]?\s*\d{4}\s*(?:[a-z]{2,4})?|[,:;.]?\s*(?:page|p\.)\s*\d{1,3})")
_END_MARK = re.compile(r"^(?:#{3,}|[-–—]\s*30\s*[-–—]|[-–—*\[(]*\s*(?:ends?|end of (?:the )?(?:release|statement|"
                       r"transcript|interview|broadcast|programme|program|segment|bulletin|article|report))"
                       r"(?:\s*" + _END_NOTE + r")?\s*[-–—*\])]*)$", re.I)
# 'About Harbour Energy' / 'About the Coastal Trust': the boilerplate profile of the issuer (or its product) that
# closes a press release; the heading is 'About' and a name alone
_ABOUT_NAME = re.compile(r"^(?:About|ABOUT) (?:the |THE )?([A-Z][\w&'’.-]*(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|and|&|for|de|la)){0,6})"
                         r"\s*:?$")
_RULE = re.compile(r"^(?:[-*_=~•·]\s*){3,}$")      # a separator line: '-----', '* * *', '====='
ABOUT_SECTION_SHARE = 0.5       # the profile comes after at least half of the release's text
# the same profile with its heading run into the paragraph: 'About Harbour Energy: Harbour Energy is ...',
# 'About the Trust – Founded in 1998, the trust ...'
_ABOUT_RUN_IN = re.compile(r"^(?:About|ABOUT) (?:the |THE )?([A-Z][\w&'’.-]*(?:\s+(?:[A-Z0-9][\w&'’.-]*|of|and|&|for|de|la)){0,6})"
                           r"\s*(?::|\s[-–—])\s+(?=\S)")
# how a profile opens when it does not repeat the heading's name (an acronym heading, the full name below):
# '<Name> is an independent ...', 'Founded in 1990, ...', 'Established in ...', 'Headquartered in ...'
_PROFILE_OPENING = re.compile(r"^(?:(?:The |the )?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|for|de|la|"
                              r"du|des|sans)){0,8}(?:\s*\([^()]{1,20}\))?,?\s+(?:is|are|was)\s+(?:a|an|the|one)\b|"
                              r"(?:Founded|Established|Created|Set up|Headquartered|Based)\s+in\b)")
# A broadcaster's trail of what comes next: 'Coming up after the news: the weather', 'Still to come: ...',
# 'Next on Morning Report: ...'. The programme's name after 'Next on' is capitalised ('Next on the agenda:' is news).
_TEASER = re.compile(r"^(?i:coming up(?: (?:next|later|after [^:–—]{1,30}?))?|up next|next up|still to come|"
                     r"also to come|later (?:in|on) (?:the|this|today['’]s) (?:programme|program|show|hour|bulletin)|"
                     r"after the (?:news|break|bulletin|headlines|weather))\s*[:–—]\s|"
                     r"^(?i:next|tomorrow|tonight|later) (?i:on) (?:[A-Z][\w'’&.-]*\s?){1,5}\s*[:–—]\s")
TEASER_MAX_WORDS = 40
_LIST_LABEL = re.compile(r"\b(?:related|read more|read also|also read|see also|more on|more from|similar|"
                         r"recommended|most read|popular|trending|latest|top stories|more stories|you may|you might|"
                         r"don'?t miss|up next|watch next)\b", re.I)
# a picture caption ends with its credit: "(AP Photo/Jane Doe)", "Photo: Reuters", "/ Getty Images"
_PHOTO_CREDIT = re.compile(r"(?:\((?:[^()]*\b(?:photo|image|picture|pic)s?\b[^()]*|[^()]*/\s*(?:AP|AFP|Reuters|EPA|"
                           r"Getty Images|Shutterstock|Alamy)[^()]*)\)|\b(?:photo|image|picture)\s*(?:credit)?\s*:"
                           r"\s*[^.]{2,60}|(?:©|/)\s*(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock|Alamy))\s*$",
                           re.I)
# The securities-law caution of a company's press release ('This release contains forward-looking statements
# ... Actual results may differ materially ... undertakes no obligation to update'): boilerplate wherever it
# stands and however long (such paragraphs run to 200 words).
FORWARD_LOOKING = (r"\b(?:contains?|contain(?:ed|ing)|includes?|constitutes?|deemed)\s+[\"“]?"
                   r"forward[- ]looking\b|"
                   r"\bforward[- ]looking (?:statements?|information)\b[^.]{0,120}?\b(?:risks?|uncertaint\w*|"
                   r"assumptions|not guarantees?|identified by)\b|"
                   r"\bactual (?:results|events|outcomes|performance)\b[^.]{0,80}?\bdiffer materially\b|"
                   r"\bundertakes? no (?:obligation|duty|responsibility)\b[^.]{0,40}?\b(?:update|revise)\b|"
                   r"\bsafe[- ]harbou?r (?:provisions?|statement)\b")
_FORWARD_LOOKING = re.compile(FORWARD_LOOKING, re.I)
# Notices in the site's own voice that close (or open) a page: legal disclaimers, licensing, copyright,
# editorial notes. They are full sentences, so they must be recognised by what they say, wherever they stand.
_BOILERPLATE = re.compile(
    r"\b(?:not|cannot|can[’']t) (?:be )?(?:held )?(?:responsible|liable|accountable)\b[^.]{0,40}?"
    r"\b(?:external|third[- ]party|linked|outside|other)\s+(?:web\s?)?(?:sites?|links?|pages?|content|"
    r"websites?|internet sites?)\b|"
    r"\ball rights reserved\b|"
    r"\b(?:this|our|all|site|such)\s+(?:material|content|article|story|stories|publication|text|photos?|images?|"
    r"footage|page|site|website)\s+(?:may|must|can|shall) not be\s+(?:re)?(?:published|produced|printed|"
    r"broadcast|written|distributed|copied|used|transmitted|stored|posted)\b|"
    r"\bno part of this\b[^.]{0,40}\bmay be\b|"
    r"\bnot for (?:re)?(?:distribution|publication|reproduction|broadcast|syndication)\b|"
    r"\b(?:reproduction|redistribution|republication|reuse|re-use|copying)\b[^.]{0,60}?\b(?:prohibited|forbidden|"
    r"not (?:permitted|allowed)|without (?:the )?(?:prior |express )*(?:written )?(?:permission|consent|"
    r"licen[cs]e|authori[sz]ation))\b|"
    r"\b(?:views|opinions)\b[^.]{0,30}?\bexpressed\b[^.]{0,60}?(?:\b(?:author|writer|contributor|columnist|"
    r"guest)s?\b|\b(?:my|their|his|her) own\b|\bdo(?:es)? not necessarily\b)|"
    r"\b(?:for (?:general )?information(?:al)? purposes only|does not constitute (?:financial|investment|"
    r"legal|medical|professional|tax) advice|not (?:intended as|a substitute for) (?:professional )?"
    r"(?:financial|investment|legal|medical|tax) advice)\b|"
    r"\b(?:this|today['’]s) (?:article|story|report|post|page|piece|version|newsletter|edition|(?:live )?blog) "
    r"(?:was|has been|is|had been) (?:\w+ly )?"
    r"(?:amended|corrected|updated|edited|produced|written|generated|translated|published|republished)\b|"
    r"\bthis (?:article|story|piece|post) (?:first|originally) appeared\b|"
    r"\bunder a creative commons licen[cs]e\b|"
    r"\bsolely responsible for (?:all |the |its )?content\b|"
    r"\bcontributed (?:reporting |research )?to this (?:report|story|article)\b|"
    r"\bterms (?:and|&) conditions apply\b|"
    # a transcript's own disclaimer: 'Transcripts are produced for accessibility and may contain errors',
    # 'This transcript has been edited for clarity and length'
    r"\btranscripts?\b[^.]{0,80}?\bmay (?:contain|include|have) (?:\w+ )?(?:errors|inaccuracies|mistakes)\b|"
    r"\btranscripts? (?:was|were|has been|have been|is|are) (?:\w+ )?(?:edited|condensed|abridged|produced for|"
    r"(?:automatically |machine[- ]|computer[- ])generated)\b|"
    r"\b(?:interview|conversation|exchange|discussion)s?\b[^.]{0,40}?\b(?:edited|condensed|abridged)\b[^.]{0,20}?"
    r"\bfor (?:clarity|length|brevity|space|readability)\b|"
    # an acknowledgement of country, in the organisation's present tense ('X acknowledges the Traditional
    # Owners of the land on which we broadcast', 'We acknowledge the traditional territory of the ... people',
    # 'we pay our respects to Elders past and present'); a news report's 'acknowledged' is past tense
    r"\backnowledg(?:e|es|ing)\b[^.]{0,60}?\btraditional (?:owners|custodians|caretakers|keepers|"
    r"territor(?:y|ies)|lands?|homelands?)\b[^.]{0,40}?\b(?:of|on|where|upon)\b|"
    r"\b(?:pay|paying|pays|extend|extends|offer)\s+(?:our|my|its|their)\s+(?:\w+\s+)?respects?\s+to\b[^.]{0,60}?"
    r"\belders\b|"
    r"\belders,? past(?:,| and) present\b|" + FORWARD_LOOKING, re.I)
# A boilerplate phrase inside reported speech is news ("the platform said it was not responsible for linked
# content"): a notice never reports anyone.
_REPORTED = re.compile(r"\b(?:said|says|say|told|tells|added|argued|argues|claimed|claims|insisted|insists|"
                       r"warned|warns|stated|states|according to|ruled|rules|found|denied|denies|accused|"
                       r"admitted|wrote|writes)\b", re.I)
BOILERPLATE_MAX_WORDS = 60      # a notice is a sentence or two, not a paragraph
# every notice above has one of these word parts: testing for them first keeps the long regex off most lines
_BOILERPLATE_HINTS = ("responsib", "liable", "accountable", "reserved", "not be ", "no part", "not for ",
                      "reproduc", "redistribut", "republica", "reuse", "re-use", "copying", "expressed",
                      "purposes only", "constitute", "substitute", "intended as", "this article", "this story",
                      "this report", "this post", "this page", "this piece", "this version", "this newsletter",
                      "this edition", "this blog", "this live blog", "today's newsletter", "today’s newsletter",
                      "today's edition", "today’s edition", "today's blog", "today’s blog", "creative commons",
                      "contributed", "conditions apply", "forward-looking", "forward looking", "differ materially",
                      "undertake", "safe harb", "safe-harb", "transcript", "interview", "conversation",
                      "acknowledg", "elders")
_BOILERPLATE_HINT = re.compile("|".join(map(re.escape, _BOILERPLATE_HINTS)))     # on lower-cased text

_SEPARATORS = re.compile(r"\s[|>»›•·/]\s|\s\|\s?|\|")
_QUOTES = "\"“”„«»‘’‚"
_CLOSERS = "\"'”’»)]*_ \t"
_SENTENCE_END = (".", "!", "?", "…")


# ---------------------------------------------------------------- language and script

# jusText's stop-word lists for ~100 languages, indexed by word (briefing/data/stopword-languages.txt, made by
# build_stopword_index): reading all of jusText's files into sets on every run cost more than the rest of
# ingest, while one sorted file answers the few hundred lookups of a page by bisection on its bytes
STOPWORD_INDEX = "stopword-languages.txt"


def build_stopword_index() -> str:
    """The index file's text: a line of language names, then ``word<TAB>mask`` lines sorted by word, where
    bit ``i`` of the hexadecimal mask is the ``i``-th language (tools/data_tables.py writes it)."""
    import justext

    languages = sorted(justext.get_stoplists())
    masks: dict[str, int] = {}
    for bit, language in enumerate(languages):
        for word in justext.get_stoplist(language):
            if word and min(word) > "\t":  # a TAB sorts below every character of a word: bisection needs it
                masks[word] = masks.get(word, 0) | 1 << bit
    lines = ["\t".join(languages)] + [f"{word}\t{masks[word]:x}" for word in sorted(masks)]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _stopword_index() -> tuple[tuple[str, ...], bytes | mmap.mmap, int]:
    """(language names, the index file's bytes, the offset of its first word line). The file is mapped
    read-only, not read: a run looks up a few hundred words, so splitting its 200,000 lines cost more than
    every lookup together."""
    from importlib import resources

    resource = resources.files("briefing.data").joinpath(STOPWORD_INDEX)
    try:
        with open(str(resource), "rb") as handle:
            data: bytes | mmap.mmap = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):     # not a plain file (a zipped package): its bytes serve the same way
        data = resource.read_bytes()
    header_end = data.find(b"\n")
    return tuple(data[:header_end].decode("utf-8").split("\t")), data, header_end + 1


def _first_line_at_or_after(data: bytes | mmap.mmap, lo: int, key: bytes) -> int:
    """The start of the first line, from offset ``lo`` on, whose bytes are not below ``key`` (the lines are
    sorted, and UTF-8 byte order is code-point order, the order the index was sorted in)."""
    hi = len(data)                   # lo and hi are line starts; every line before lo is below key
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", lo, mid) + 1 or lo
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start:end] < key:
            lo = end + 1
        else:
            hi = start
    return lo


@lru_cache(maxsize=65536)
def _languages_of(word: str) -> tuple[str, ...]:
    """The languages whose stop-word list has ``word``, in name order."""
    if not word or min(word) <= "\t":    # the index holds no such word (and its TAB ends every word)
        return ()
    try:
        key = word.encode("utf-8") + b"\t"
    except UnicodeEncodeError:           # a lone surrogate is no word of any list
        return ()
    languages, data, first_line = _stopword_index()
    i = _first_line_at_or_after(data, first_line, key)
    if data[i:i + len(key)] != key:
        return ()
    end = data.find(b"\n", i)
    mask = int(data[i + len(key):len(data) if end < 0 else end], 16)
    return tuple(language for bit, language in enumerate(languages) if mask >> bit & 1)


@lru_cache(maxsize=8)
def stopwords(language: str) -> frozenset[str]:
    """jusText's list for one language (English if it has none), read from its file: importing jusText
    itself would pull in lxml for nothing."""
    from importlib.util import find_spec

    folder = Path(find_spec("justext").origin).parent / "stoplists"
    path = folder / f"{language}.txt"
    if not path.is_file():
        path = folder / "English.txt"
    return frozenset(w.strip().lower() for w in path.read_text("utf-8").splitlines() if w.strip())


def detect_language(words: list[str]) -> str | None:
    """The language whose stop words cover most of ``words`` (None if none covers a tenth)."""
    hits: Counter[str] = Counter()
    sample = [w.lower() for w in words[:LANGUAGE_SAMPLE_WORDS]]
    for w in sample:
        hits.update(_languages_of(w))
    if not hits:
        return None
    best, count = hits.most_common(1)[0]
    if hits["English"] >= 0.9 * count:   # names and loanwords should not tip an English article
        best, count = "English", hits["English"]
    return best if count >= 0.1 * len(sample) else None


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    return {"HIRAGANA": "CJK", "KATAKANA": "CJK"}.get(first, first or "OTHER")


def script_counts(text: str) -> Counter[str]:
    return Counter(_script(c) for c in text[:STATS_CHARS] if c.isalpha())


# ---------------------------------------------------------------- units and their features

@dataclass
class Unit:
    """One line (or hard-wrapped paragraph) of the page, with its span in the original text."""

    start: int
    end: int
    text: str
    words: list[str]
    kind: str = SHORT
    why: str = ""
    stop_ratio: float = 0.0
    sentence_end: bool = False
    quoted: bool = False
    date: pagemeta.DateLine | None = None
    outlet: str | None = None
    outlet_how: str = ""
    content: frozenset[str] = field(default_factory=frozenset)
    heading: bool = False      # a Markdown "#" heading: a title or subhead, never a sentence
    heading_level: int = 0     # 1 for "# Title", 2 for "## Section" ...
    list_item: bool = False    # a "- item", "* item", "1. item" line: never the headline
    notice: bool = False       # opens with a site notice ("... is not responsible for external sites.")

    @property
    def n(self) -> int:
        return len(self.words)

    def mark(self, kind: str, why: str) -> None:
        self.kind, self.why = kind, why


_MARKER = re.compile(r"(?:#{1,6}\s+|>\s*|[-*+•·▪◦‣●○■□➤►▶✓✔]\s+|\d{1,2}[.)]\s+(?=\S))")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink a line span past blanks, list and heading markers, and emphasis marks."""
    while s < e and (text[s].isspace() or text[s] == "\ufeff"):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s <= 80 and _RULE.match(text[s:e]):
        return s, e             # '* * *' is a separator line, not a list item of emphasis marks
    for _ in range(3):          # nested markers: '> - item', '> ## heading'
        m = _MARKER.match(text, s, e)
        if not m or m.end() >= e:
            break
        s = m.end()
    while s < e and text[s] in "*_" and text[e - 1] in "*_":
        s, e = s + 1, e - 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


def line_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line from ``start``, trimmed."""
    spans = []
    for m in re.finditer(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+", text[start:]):
        s, e = _trim(text, m.start() + start, m.end() + start)
        if e > s:
            spans.append((s, e))
    return spans


def _wrap_width(text: str, spans: list[tuple[int, int]]) -> int | None:
    """The column a hard-wrapped text is wrapped at, or None if lines are paragraphs."""
    lengths = sorted(e - s for s, e in spans)
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if not 40 <= width <= 110:
        return None
    near = sum(width * 0.7 <= n <= width * 1.1 for n in lengths)
    return width if near >= 0.5 * len(lengths) else None


# a line that ends in "Dr." or "U.S." has not ended its sentence
_ABBREVIATION_END = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Inc|Corp|Co|"
                               r"Ltd|No|vs|Mt|Ft|Rev|Hon)\.|\b[A-Z]\.|\b(?:[A-Z]\.){2,})$")


def merge_wrapped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of hard-wrapped paragraphs: a line near the wrap width that does not end a
    sentence (or is followed by a lower-case word), directly followed by another line, continues on it."""
    width = _wrap_width(text, spans)
    if width is None:
        return spans
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged:
            ps, pe = merged[-1]
            last_line = text[max(ps, text.rfind("\n", ps, pe) + 1):pe]
            next_line = text[pe:s].count("\n") == 1
            long_line = len(last_line) >= 0.7 * width
            if next_line and long_line and (not _ends_sentence(last_line) or text[s].islower()
                                            or _ABBREVIATION_END.search(last_line)):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def _notice_at(text: str) -> int | None:
    """Where the first boilerplate notice sentence of ``text`` starts (None if it has none, or only in
    reported speech)."""
    head = text[:STATS_CHARS]
    if not _BOILERPLATE_HINT.search(head.lower()):
        return None
    for m in _BOILERPLATE.finditer(head):
        starts = [b.end() for b in _SENTENCE_BREAK.finditer(head, 0, m.start() + 1) if b.end() <= m.start()]
        sentence_start = starts[-1] if starts else 0
        following = _SENTENCE_BREAK.search(head, m.end())
        sentence = head[sentence_start:following.start() + 1 if following else len(head)]
        if not _REPORTED.search(sentence):
            return sentence_start
    return None


def _split_off_notice(text: str, s: int, e: int) -> list[tuple[int, int, bool]]:
    """A paragraph that ends in a site notice ('... officials said. This article was amended on 3 May.')
    becomes two units, so the notice can be dropped and the article sentences kept. Each span comes with
    whether it opens with a notice."""
    at = _notice_at(text[s:e])
    if not at:
        return [(s, e, at == 0)]
    head_end = s + at
    while head_end > s and text[head_end - 1].isspace():
        head_end -= 1
    return [(s, head_end, False), (s + at, e, True)]


_HEADING_PREFIX = re.compile(r"\s*(?:>\s*)*(#{1,6})")
_LIST_PREFIX = re.compile(r"\s*(?:>\s*)*(?:[-*+•·▪◦‣●○■□➤►▶✓✔]|\d{1,2}[.)])\s")


def make_units(text: str, start: int = 0) -> list[Unit]:
    spans = merge_wrapped(text, line_spans(text, start))
    units = []
    for s, e, notice in (piece for s, e in spans for piece in _split_off_notice(text, s, e)):
        piece = text[s:e]
        line_start = text.rfind("\n", 0, s) + 1
        prefix = text[line_start:s]
        level = _HEADING_PREFIX.match(prefix)
        units.append(Unit(s, e, piece, WORD.findall(piece[:STATS_CHARS]), heading=bool(level), notice=notice,
                          heading_level=len(level.group(1)) if level else 0,
                          list_item=bool(_LIST_PREFIX.match(prefix))))
    return units


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS)
    return stripped.endswith(_SENTENCE_END) and not stripped.endswith(("...", "…")) or \
        stripped.endswith(("...", "…")) and len(stripped) > 200


def _stem(word: str) -> str:
    """A crude English stem, enough to match 'matters' with 'mattered' when comparing vocabularies."""
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word


def _content_words(words: list[str], stop: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(w) for w in words if len(w) > 2 and w.lower() not in stop)


def _norm(text: str) -> str:
    """A line's words and numbers, lower-cased: the key for spotting repeated lines."""
    return " ".join(w.lower() for w in re.findall(r"[^\W_]+", text[:2000]))


# ---------------------------------------------------------------- the page

@dataclass
class Page:
    units: list[Unit]
    language: str | None
    script: str | None
    title: tuple[int, int] | None = None
    # a transcript's turns: (start, end of the speaker's label, speaker) per labelled paragraph
    turns: list[tuple[int, int, str]] = field(default_factory=list)

    def blocks(self) -> list[tuple[int, int]]:
        return [(u.start, u.end) for u in self.units if u.kind == ARTICLE]

    def headings(self) -> list[tuple[int, int]]:
        """The blocks that are subheads (a Markdown heading or a lone short line between paragraphs): headline
        grammar, not sentences of the story."""
        return [(u.start, u.end) for u in self.units if u.kind == ARTICLE and (u.heading or u.why == "subhead")]


def analyse(text: str, start: int = 0) -> Page:
    """Label every unit of ``text`` (from ``start``, after any front matter) and find the title."""
    units = make_units(text, start)
    all_words = [w for u in units for w in u.words][:LANGUAGE_SAMPLE_WORDS]
    language = detect_language(all_words)
    scripts = script_counts(" ".join(u.text[:500] for u in units[:400]))
    page = Page(units, language, scripts.most_common(1)[0][0] if scripts else None)
    stop = stopwords(language or "English")
    judged: dict[tuple[str, bool], Unit] = {}      # menus and tag lists repeat: judge each short line once
    for u in units:
        same = judged.get((u.text, u.heading))
        if same is not None:
            _copy_judgement(same, u)
            continue
        _features(u, stop)
        _judge_alone(u, page, stop)
        if len(u.text) < 200:
            judged[(u.text, u.heading)] = u
    page.turns = _keep_transcript_turns(units)
    _pick_title(page)
    _mark_repeats(units)
    _cut_after_end_markers(units)
    _drop_author_bio(units)
    _judge_in_context(units, page.title)
    _keep_fact_lists(units)
    _keep_introduced_lists(units)
    _keep_subheads_between_kept_lines(units)
    kept = {u.start for u in units if u.kind == ARTICLE}
    page.turns = [turn for turn in page.turns if turn[0] in kept]
    return page


# A turn of a transcript (press conference, interview, hearing) opens with its speaker's label: 'Q:', 'Answer:',
# 'Reporter:', 'Daily Wire:', 'Ana Ruiz:' (a capitalised name of up to five words)
_SPEAKER_LABEL = re.compile(r"^(?:(Q|A)\.\s+|(Q|A)(?:\s{2,}|\t)\s*|(Q)\s(?=[A-Z“\"])|"
                            r"((?:Q|A|Question|Answer|Reporter|Journalist|Interviewer|Moderator|Host)|"
                            r"[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|the|de|al|bin|van|von)){0,4})\s*[:：]\s+)"
                            r"(?=\S)")
MIN_TRANSCRIPT_TURNS = 4
# what the reader-address rules say of a turn: in a transcript 'you' is the person asked, not the reader
_READER_REASONS = ("addresses the reader", "addresses the reader about the site", "imperative to the reader")


def _keep_transcript_turns(units: list[Unit]) -> list[tuple[int, int, str]]:
    """In a transcript, a question ('Daily Wire: Could you tell us ...?') or answer ('Ana Ruiz: I would refer
    you to ...') is speech, not a prompt to the reader: it stays a paragraph of its own, so that each question
    with its answers can be judged as one item. A page is a transcript when at least four paragraphs open with
    a speaker's label, one speaker answers at least twice and at least two others ask."""
    labels = []
    for u in units:
        head = u.text[:80]
        if u.kind == META or ":" not in head and head[:1] not in "QA*_":
            continue
        # '**Q:** ...' is matched with its marks blanked, so that the label's end stays in place
        blanked = re.sub(r"[*_]", " ", head)
        lead = len(blanked) - len(blanked.lstrip())
        m = _SPEAKER_LABEL.match(blanked[lead:])
        if m:
            labels.append((u, next(g for g in m.groups() if g), lead + m.end()))
    if len(labels) < MIN_TRANSCRIPT_TURNS:
        return []
    counts = Counter(label for _, label, _ in labels)
    answers = counts.most_common(1)[0][1]
    if answers < 2 or len(labels) - answers < 2:
        return []
    for u, _, _ in labels:
        if u.kind == CHROME and u.why in _READER_REASONS and u.n >= 3 and not u.notice:
            u.mark(ARTICLE, "transcript turn")
    return [(u.start, u.start + label_end, label) for u, label, label_end in labels]


# A fact box: 'Key facts:' or 'The situation is as follows:', then short 'Label: value' lines whose values are
# figures or dates ('Deaths: 97', 'Workers affected: approximately 7,400', 'Hearing: Monday, June 8, 2031').
# They look like a link list or a byline row but are the figures of the article (often a press release's).
_FACT_LINE = re.compile(r"^([A-Z][^:|]{0,60}?)\s*:\s+([^|@]{1,80})$")
# a label made only of these is a contact or page line ('Tel', 'Toll-free number', 'Follow us on X', 'Updated')
_CONTACT_LABEL_WORDS = frozenset("""tel telephone phone mobile cell fax email e-mail mail web website site address
contact contacts toll-free free hotline helpline number no twitter whatsapp facebook instagram follow subscribe sign
share read more see related updated published posted source sources photo credit credits media press news
information inquiries enquiries office us on our x for and""".split())
FACT_VALUE_MAX_WORDS = 12
MIN_FACT_LINES = 2
_FACT_REJUDGE = ("footer", "link list", "header", "date in a byline row", "off-topic short line",
                 "after the end of the article")


def _is_fact_line(u: Unit) -> bool:
    m = _FACT_LINE.match(u.text) if u.n <= 30 and ":" in u.text else None
    label_words = [w.lower().strip(".,()") for w in m.group(1).split()] if m else []
    if m is None or len(label_words) > 8 or all(w in _CONTACT_LABEL_WORDS for w in label_words):
        return False
    value = m.group(2)
    return (any(c.isdigit() for c in value) and len(value.split()) <= FACT_VALUE_MAX_WORDS
            and not re.search(r"https?:|www\.|\+\d|\d{3}[ -]\d{3,4}[ -]\d{3,4}", value))


def _keep_fact_lists(units: list[Unit]) -> None:
    """Keep a fact box (a line ending in ':' followed by two or more 'Label: figure' lines) as article; the
    introducing line too when it is a sentence ('As of 3 May, the situation is as follows:')."""
    i = 0
    while i < len(units):
        intro = units[i]
        j = i + 1
        while j < len(units) and _is_fact_line(units[j]):
            j += 1
        run = units[i + 1:j]
        # headed by a label ('The situation is as follows:') or, inside the article, by a subheading
        colon = intro.text.rstrip(_CLOSERS).endswith(":")
        subheading = not colon and _is_list_subheading(intro) and any(u.kind == ARTICLE for u in units[j:])
        if (len(run) >= MIN_FACT_LINES and (colon or subheading) and intro.why != "label"
                and not _UI_TERMS.search(intro.text) and any(u.kind == ARTICLE for u in units[:i])):
            if intro.kind != ARTICLE and (subheading or intro.n >= 6):
                intro.mark(ARTICLE, "subhead" if subheading else "introduces a fact box")
                intro.date = None
            for u in run:
                if u.kind != ARTICLE and u.why in _FACT_REJUDGE:
                    u.mark(ARTICLE, "fact box line")
                    u.date = None           # 'Hearing: Monday, June 8' dates the hearing, not the page
        i = max(j, i + 1)


LIST_ITEM_MIN_WORDS = 3
LIST_HEAD_MAX_WORDS = 12        # a subheading over a list ('What we don't know', 'Key figures') is short
LIST_COHERENCE = 0.3            # share of a list's content words the article uses (related headlines: ~0.1)
LIST_END_COHERENCE = 0.5        # the same for a list closing the page (related headlines on the subject: ~0.4)
# the judgements a list's head or item gets as a short line standing where chrome stands
_LIST_REJUDGE = ("footer", "link list", "off-topic short line", "header", "date in a byline row",
                 "after the end of the article")


def _list_items(units: list[Unit], i: int) -> list[Unit]:
    """The run of list items ('- item', '• item', '1. item') right after ``units[i]``."""
    items = []
    for u in units[i + 1:]:
        if not u.list_item or u.kind == META:
            break
        items.append(u)
    return items


def _is_list_subheading(u: Unit) -> bool:
    """A short line without a final stop that may head a list: a Markdown (or HTML) heading, or a plain
    line such as 'What happens next' or 'Key figures'; never a label, a link-list label or web UI."""
    if u.list_item or u.n == 0 or u.n > LIST_HEAD_MAX_WORDS or u.text.rstrip(_CLOSERS).endswith("."):
        return False
    if u.kind == ARTICLE:
        return u.heading or u.why == "subhead"
    return (u.kind == CHROME and u.why in _LIST_REJUDGE or u.kind == SHORT) and \
        not _UI_TERMS.search(u.text) and not _LIST_LABEL.search(u.text) and not _SEPARATORS.search(u.text)


def _keep_introduced_lists(units: list[Unit]) -> None:
    """The items of a list that an article sentence introduces ('The union is demanding:', 'The schedule for
    Friday:') are article, also when they have no final punctuation and close the page (where short lines are
    otherwise footer links). So are two or more items under a subheading ('What we don't know', '## Key
    figures') or right after an article paragraph, when the list is about the article's subject (its words
    are the article's; a related-headlines list's are not) or, for a fact box, the article goes on after
    it. The subheading is then kept as a subhead (a heading line of the text)."""
    vocabulary = _article_vocabulary(units)
    for i, head in enumerate(units):
        items = _list_items(units, i)
        if not items:
            continue
        introduced = head.kind == ARTICLE and head.text.rstrip(_CLOSERS).endswith(":")
        if not introduced:
            under_heading = _is_list_subheading(head)
            under_paragraph = head.kind == ARTICLE and not head.heading and head.why != "subhead"
            candidates = [u for u in items if u.n >= LIST_ITEM_MIN_WORDS or _is_fact_line(u)]
            if not (under_heading or under_paragraph) or len(candidates) < 2 or len(candidates) < len(items) or \
                    any(_UI_TERMS.search(u.text) or "http" in u.text or "](" in u.text for u in items) or \
                    not any(u.kind == ARTICLE for u in units[:i]):
                continue
            listed = [head, *items] if under_heading else items
            words = frozenset().union(*(u.content for u in listed))
            article_after = any(u.kind == ARTICLE for u in units[i + 1 + len(items):])
            # closing the page, a list may be other stories on the same subject: it must keep to the article's words
            needed = LIST_COHERENCE if article_after else LIST_END_COHERENCE
            on_topic = bool(words) and sum(vocabulary[w] > 0 for w in words) / len(words) >= needed
            facts = all(_is_fact_line(u) for u in items)
            if not (on_topic or facts and article_after):
                continue
            if under_heading and head.kind != ARTICLE:
                head.mark(ARTICLE, "subhead")
                head.date = None
        for u in items:
            if u.kind == CHROME and u.why in _LIST_REJUDGE and (u.n >= LIST_ITEM_MIN_WORDS or _is_fact_line(u)) \
                    and not _UI_TERMS.search(u.text):
                u.mark(ARTICLE, "item of an introduced list")
                u.date = None


def _keep_subheads_between_kept_lines(units: list[Unit]) -> None:
    """A lone heading between a kept list and the next paragraph ('- Who will pay' / '## Farmers push back' /
    'The board said ...') was judged with the list's items as one run of short lines; once the items are kept
    it stands alone between article lines, and is a subhead as any such line is."""
    vocabulary = _article_vocabulary(units)
    for before, u, after in zip(units, units[1:], units[2:]):
        if u.kind == CHROME and u.why in ("link list", "off-topic short line") and not u.list_item and \
                before.kind == ARTICLE and after.kind == ARTICLE and u.n <= 20 and \
                not _LIST_LABEL.search(u.text) and \
                (u.heading or u.sentence_end or _coherence(u, vocabulary) >= SUBHEAD_COHERENCE):
            u.mark(ARTICLE, "subhead")


def _copy_judgement(source: Unit, u: Unit) -> None:
    for name in ("kind", "why", "stop_ratio", "sentence_end", "quoted", "date", "outlet", "outlet_how", "content"):
        setattr(u, name, getattr(source, name))


def _features(u: Unit, stop: frozenset[str]) -> None:
    if u.words:
        u.stop_ratio = sum(w.lower() in stop for w in u.words) / len(u.words)
    u.sentence_end = _ends_sentence(u.text)
    head = u.text[:STATS_CHARS]
    u.quoted = any(q in head for q in "\"“”„«»") or bool(re.search(r"(?:^|\s)[‘'][^’']{3,}[’'](?:\W|$)", head))
    u.content = _content_words(u.words, stop)


def _foreign_script(u: Unit, page: Page) -> bool:
    head = u.text[:400]
    if page.script == "LATIN" and head.isascii():
        return False
    counts = script_counts(head)
    total = sum(counts.values())
    return bool(total) and page.script is not None and counts[page.script] < 0.5 * total


def _foreign_language(u: Unit, page: Page, stop: frozenset[str]) -> bool:
    """A line with no stop word of the page's language and at least two of another's."""
    if u.n < 2 or page.language is None or any(w.lower() in stop for w in u.words):
        return False
    hits: Counter[str] = Counter()
    for w in _outside_names(u.words):
        hits.update(_languages_of(w.lower()))
    return bool(hits) and hits.most_common(1)[0][1] >= max(2, 0.5 * u.n)


def _outside_names(words: list[str]) -> list[str]:
    """The words not in a run of two or more capitalised words: a name ('Hai Phong Motors', 'De La Cruz')
    is written in its own language and says nothing of the language of the line it stands in."""
    capital = [w[:1].isupper() for w in words]
    return [w for i, w in enumerate(words)
            if not capital[i] or not (i > 0 and capital[i - 1] or i + 1 < len(words) and capital[i + 1])]


def _judge_alone(u: Unit, page: Page, stop: frozenset[str]) -> None:
    """First pass: what the unit is by its own features (SHORT when that cannot be told yet)."""
    text, n = u.text, u.n
    if _metadata(u, text, n):
        return
    if n == 0:
        return u.mark(CHROME, "no words")
    if _foreign_script(u, page):
        return u.mark(CHROME, "other script")
    if _is_timestamp_heading(u):
        return u.mark(META, TIMESTAMP_HEADING)
    if u.notice and (n <= BOILERPLATE_MAX_WORDS or _FORWARD_LOOKING.search(text[:STATS_CHARS])) and not u.quoted:
        return u.mark(CHROME, "boilerplate notice")
    if _is_ui(u, text, n):
        return
    if _foreign_language(u, page, stop):
        return u.mark(CHROME, "other language")
    if (text.count("|") >= 1 or len(_SEPARATORS.findall(text)) >= 2) and not u.sentence_end and n <= 25:
        return u.mark(CHROME, "breadcrumb or link row")
    if len(re.findall(r"\S\s{2,}(?=\S)", text)) >= 2 and not u.sentence_end:
        return u.mark(CHROME, "menu row (words set apart by wide gaps)")
    if u.heading:
        return u.mark(SHORT, "heading")
    if re.fullmatch(r"!?\[[^\]]*\]\([^)]*\)", text) or text.startswith(("http://", "https://", "www.")):
        return u.mark(CHROME, "bare link")
    if _PHOTO_CREDIT.search(text[-120:]) and n <= 60:
        return u.mark(CHROME, "picture caption")
    if re.search(r"pic\.twitter\.com/|\(@\w{2,}\)|^[-—–]\s*[^()]{2,40}\(@\w+\)", text[:500]):
        return u.mark(CHROME, "social media embed")
    if u.sentence_end and (n >= 4 and u.stop_ratio >= 0.1 or n >= 8 or u.quoted and n >= 2):
        return u.mark(ARTICLE, "sentence")
    if n >= LONG_PARAGRAPH_WORDS and u.stop_ratio >= 0.2:
        return u.mark(ARTICLE, "long paragraph")
    if text.rstrip(_CLOSERS).endswith((":", ";")) and n >= 3 and u.stop_ratio >= 0.2:
        return u.mark(ARTICLE, "sentence continues")
    u.mark(SHORT, "short or unpunctuated")


def _metadata(u: Unit, text: str, n: int) -> bool:
    """Date lines, bylines, sign-offs, copyright and masthead lines: kept out of the body, read for metadata."""
    date_line = pagemeta.read_date_line(text[:300])
    if date_line is not None:
        rest = text[date_line.rest_start:]
        if len(WORD.findall(rest)) <= 3 or not _ends_sentence(text):
            u.date = date_line
            u.mark(META, "date line")
            _read_row_outlet(u, text, n)
            return True
    date_line = _trailing_date_of_byline(text) if n <= 14 else None
    if date_line is not None:                           # "Live coverage by the Asia desk. Tuesday 24 May 2026."
        u.date = date_line
        u.mark(META, "byline with a date")
        return True
    if n <= 12 and not u.sentence_end:
        date_line = pagemeta.read_byline_date(text)      # "Santiago. Published 11 March 2026"
        if date_line is not None:
            u.date = date_line
            u.mark(META, "date in a byline row")
            _read_row_outlet(u, text, n)
            return True
        if _read_row_outlet(u, text, n):                 # "Coastal Wire · By Ana Ruiz"
            u.mark(META, "byline row")
            return True
    if n <= 14 and ". " in text.rstrip(". "):
        # a short note closed by the byline ('Translated from the Spanish. By Ana Ruiz'): the page's credits
        note, _, last = text.rstrip(". ").rpartition(". ")
        byline = pagemeta.byline_outlet(last) if len(WORD.findall(note)) <= 8 else None
        if byline is not None:
            u.outlet, u.outlet_how = (byline[1], "byline") if byline[1] else (None, "")
            u.mark(META, "note and byline")
            return True
    if n <= 8:
        byline = pagemeta.byline_outlet(text)
        if byline is not None:
            u.outlet, u.outlet_how = byline[1], "byline"
            u.mark(META, "byline")
            return True
        outlet = pagemeta.signoff_outlet(text)
        if outlet is not None and not u.quoted:
            u.outlet, u.outlet_how = outlet, "sign-off"
            u.mark(META, "sign-off")
            return True
    if n <= 40 and (re.match(r"(?:©|\(c\)|copyright\s+(?:©|\(c\)|\d{4}))", text, re.I)
                    or re.search(r"all rights reserved", text, re.I)):
        u.outlet, u.outlet_how = pagemeta.copyright_outlet(text), "copyright"
        u.mark(CHROME, "copyright")
        return True
    if n <= 5 and not _UI_TERMS.search(text):
        outlet = pagemeta.masthead_outlet(text)
        if outlet is not None:
            u.outlet, u.outlet_how = outlet, "masthead"
            u.mark(META, "site name")
            return True
    return False


_BYLINE_CUE = re.compile(r"^(?:(?:live\s+)?(?:coverage|updates?|reporting|report|written|compiled|edited)\s+)?by\b|"
                         r"\b(?:desk|staff|team|newsroom|correspondents?|reporters?)\b", re.I)


def _trailing_date_of_byline(text: str) -> pagemeta.DateLine | None:
    """A short byline sentence closed by the date as a sentence of its own ('Live coverage by the Asia desk.
    Tuesday 24 May 2026.', 'By Ana Ruiz, Harbour staff. 3rd March 2031.'): the page's date."""
    body = text.strip(" *_")
    cut = body.rstrip(".").rfind(". ")
    if cut < 0 or not _BYLINE_CUE.search(body[:cut]):
        return None
    date_line = pagemeta.read_date_line(body[cut + 2:])
    if date_line is None or body[cut + 2 + date_line.rest_start:].strip(" .*_"):
        return None
    return date_line


def _read_row_outlet(u: Unit, text: str, n: int) -> bool:
    """The outlet of a short meta row whose parts are set apart by separators ('Coastal Wire · 3 March 2031 ·
    By Ana Ruiz'): the site name next to the date or byline."""
    outlet = pagemeta.row_outlet(text) if n <= 12 else None
    if outlet is None:
        return False
    u.outlet, u.outlet_how = outlet, "byline"
    return True


def _is_ui(u: Unit, text: str, n: int) -> bool:
    """Web-UI lines: labels and buttons, prompts that address the reader, imperatives to the reader."""
    bare = text.lstrip("([*_ \t")
    if _LABEL.match(bare) and (n <= 12 or not u.sentence_end) or _CREDIT_ONLY.match(bare) and n <= 24:
        u.mark(CHROME, "label")
        if _CREDIT_ONLY.match(bare):           # "Reporting by A; editing by B, Some Wire."
            tail = re.search(r"[,)]\s*((?:The )?[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})\.?$", text)
            outlet = tail.group(1).rstrip(".") if tail else None
            if outlet:
                u.outlet, u.outlet_how = outlet, "credit line"
        return True
    if not u.quoted and n <= TEASER_MAX_WORDS and _TEASER.match(bare):
        u.mark(CHROME, "programme teaser")
        return True
    if not u.quoted and n <= HOUSEKEEPING_MAX_WORDS and _is_housekeeping(text):
        u.mark(CHROME, "the newsroom's own housekeeping")
        return True
    if u.quoted or n > UI_MAX_WORDS:
        return False
    ui_hits = _UI_TERMS.findall(text) if n <= 10 else []
    ui_words = sum(len(h.split()) for h in ui_hits)
    # the words of a time ('Updated 7:15 p.m. EST') are no content beside the UI words
    n_content = len(WORD.findall(_CLOCK_TIME.sub(" ", text))) if ui_hits else n
    if ui_hits and (ui_words >= n_content or not u.sentence_end and (n <= 3 or ui_words > n / 3)):
        u.mark(CHROME, f"UI word '{ui_hits[0]}'")
        return True
    reader = _READER.search(text) or _SITE_REF.search(text) or _US.search(text)
    if reader and _WEB_TERMS.search(text):
        u.mark(CHROME, "addresses the reader about the site")
        return True
    imperative = any(_IMPERATIVE.match(sentence) for sentence in _sentence_starts(text))
    if imperative and (_IMPERATIVE_OBJECT.search(text) or _WEB_TERMS.search(text)):
        u.mark(CHROME, "imperative to the reader")
        return True
    # an explainer's top-level headline may address the reader ('# What the rate rise means for you'): it is
    # the headline, not a prompt (prompts about the site itself are caught above)
    explainer_headline = u.heading and u.heading_level == 1 and not _SITE_REF.search(text)
    if (_READER.search(text) or _SITE_REF.search(text)) and n <= 12 and not explainer_headline:
        u.mark(CHROME, "addresses the reader")
        return True
    if n <= 6 and text.isupper() and not u.sentence_end:
        u.mark(CHROME, "all-caps label")
        return True
    return False


def _is_housekeeping(text: str) -> bool:
    """Every sentence of ``text`` is the newsroom talking about its own coverage ('We'll be back tomorrow with
    more updates. Thanks for following.'), and none reports anyone's words."""
    if not _HOUSEKEEPING_HINT.search(text):
        return False
    sentences = [t for t in re.split(r"(?<=[.!?])\s+", text.strip(" *_")) if WORD.search(t)]
    own = [bool(_HOUSEKEEPING.match(t.lstrip("*_ ")) and not _REPORTED.search(t)) for t in sentences]
    # a sign-off may carry one line of recap between its opening and closing words ('That's all from us
    # tonight. The cuts resume at 11pm. We'll be back tomorrow.'): still the newsroom's sign-off
    signoff = len(own) in (3, 4) and own[0] and own[-1] and own.count(False) == 1
    return bool(sentences) and (all(own) or signoff)


# A live blog's entry heading: the time of the post, then the entry's headline ('18:10 — Insurers warn of
# losses', '9.30am – Protest lodged', '09:05 BST: Body found', '5.52pm'). Headline grammar, not a sentence:
# kept out of the article blocks (the entry's paragraphs say the same in full) and listed as a heading.
TIMESTAMP_HEADING = "timestamp heading"
_TIMESTAMP = re.compile(r"^(?:\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,4}T?\b)?"
                        r"\s*(?:$|[-–—:|•·]+\s+|\s+(?=[A-Z\"“‘']))", re.I)
TIMESTAMP_HEADING_MAX_WORDS = 16


def _is_timestamp_heading(u: Unit) -> bool:
    """A time-stamped line that is a heading: a Markdown heading, or a short line not closed by a full stop."""
    m = _TIMESTAMP.match(u.text)
    if m is None or u.n > TIMESTAMP_HEADING_MAX_WORDS or u.list_item:
        return False        # '- 21:00 – Polls close' is an item of a timetable, not an entry's heading
    return u.heading or not u.text.rstrip(_CLOSERS).endswith(".")


_CLOCK_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\b\.?)(?:\s+[A-Z]{2,4}T?\b)?|"
                         r"\b\d{1,2}[:.]\d{2}(?:\s+[A-Z]{2,4}T?\b)?", re.I)


def _sentence_starts(text: str) -> list[str]:
    """The text from the first letter of each sentence in ``text`` (emoji and emphasis marks skipped)."""
    return [text[m.end():] for m in re.finditer(r"(?:^|[.!?:]\s+)[^\w\s]*\s*", text)]


def _mark_repeats(units: list[Unit]) -> None:
    """A short line seen twice is furniture (menus, tags, a repeated headline); a repeated paragraph is
    kept once. The same short line twice in a row outside the article is a site's logo text."""
    keys = [_norm(u.text) for u in units]
    counts = Counter(keys)
    seen: set[str] = set()
    for i, (u, key) in enumerate(zip(units, keys)):
        if not key or counts[key] < 2 or u.kind in (META, TITLE):
            continue
        if u.n <= 12:
            if u.kind != CHROME:
                u.mark(CHROME, "repeated short line")
            if u.n <= 3 and i + 1 < len(units) and keys[i + 1] == key and not _UI_TERMS.search(u.text):
                u.outlet, u.outlet_how = u.text, "repeated logo line"
        elif key in seen and u.kind == ARTICLE:
            u.mark(CHROME, "repeats an earlier paragraph")
        seen.add(key)


def _cut_after_end_markers(units: list[Unit]) -> None:
    """Everything after a comment section or copyright footer is chrome, once most of the article is above it."""
    article_chars = [u.end - u.start if u.kind == ARTICLE else 0 for u in units]
    total = sum(article_chars) or 1
    above = 0
    for i, u in enumerate(units):
        above += article_chars[i]
        comments = u.kind == CHROME and u.n <= 12 and bool(_COMMENT_SECTION.search(u.text))
        credits = u.why == "label" and bool(_CREDIT_ONLY.match(u.text.lstrip("([*_ \t")))
        contact = u.why == "label" and bool(_CONTACT_LABEL.match(u.text.lstrip("([*_ \t")))
        section = bool(_END_SECTION.match(u.text) or _END_MARK.match(u.text))
        if section:
            u.mark(CHROME, "end-of-article section heading")
        about = above >= ABOUT_SECTION_SHARE * total and \
            _is_about_section(u, units[i + 1] if i + 1 < len(units) else None)
        # the profile without its heading, set off by a rule near the end: '-----' then 'X is an independent ...'
        about = about or (u.kind == ARTICLE and i > 0 and bool(_RULE.match(units[i - 1].text))
                          and above - article_chars[i] >= 0.6 * total and bool(_PROFILE_OPENING.match(u.text)))
        if about:
            u.mark(CHROME, "issuer profile ('About ...') of a press release")
        if (u.why == "copyright" or comments or credits or contact or section) and above >= 0.6 * total or about:
            for later in units[i + 1:]:
                if later.kind not in (META, CHROME):
                    later.mark(CHROME, "after the end of the article")
            return


_BYLINE_NAME = re.compile(r"\b[Bb][Yy]\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})")
AUTHOR_BIO_MAX_WORDS = 50


def _drop_author_bio(units: list[Unit]) -> None:
    """'Maria Chen is an economist at the University of Lakeside.' closing an opinion piece by Maria Chen:
    the writer's bio, not part of the argument (the byline names the writer)."""
    authors = [m.group(1) for u in units if u.kind == META for m in _BYLINE_NAME.finditer(u.text[:300])]
    if not authors:
        return
    bio = re.compile(r"^(?i:" + "|".join(map(re.escape, authors)) + r")\s+(?:is|was|has been|writes|teaches|works|"
                     r"covers|reports)\b")
    article = [u for u in units if u.kind == ARTICLE]
    for u in article[-2:]:
        if len(article) > 2 and u.n <= AUTHOR_BIO_MAX_WORDS and bio.match(u.text):
            u.mark(CHROME, "the writer's bio")


def _is_about_section(u: Unit, following: Unit | None) -> bool:
    """'About Harbour Energy' on its own line, followed by a paragraph that names it ('Harbour Energy is ...',
    'Founded in 1990, the Harbour group ...'): a name-only heading, not a subhead about a topic. The heading
    may also run into the profile's paragraph ('About HEG: Harbour Energy Group is an ...')."""
    run_in = _ABOUT_RUN_IN.match(u.text) if u.kind == ARTICLE else None
    if run_in is not None:
        return _is_profile(run_in.group(1), u.text[run_in.end():])
    m = _ABOUT_NAME.match(u.text) if u.n <= 8 and not u.sentence_end else None
    if m is None or following is None or following.kind != ARTICLE:
        return False
    return _is_profile(m.group(1), following.text)


def _is_profile(name: str, paragraph: str) -> bool:
    """Whether ``paragraph`` describes the body ``name``: it names it early, or opens like a profile."""
    name_words = {w.lower() for w in WORD.findall(name) if w[:1].isupper()}
    early = {w.lower() for w in WORD.findall(paragraph[:300])[:25]}
    return bool(name_words & early) or bool(_PROFILE_OPENING.match(paragraph))


def _coherence(u: Unit, vocabulary: Counter[str]) -> float:
    """Share of the unit's content words that the article itself uses."""
    if not u.content:
        return 0.0
    return sum(vocabulary[w] > (1 if u.kind == ARTICLE else 0) for w in u.content) / len(u.content)


def _article_vocabulary(units: list[Unit]) -> Counter[str]:
    return Counter(w for u in units if u.kind == ARTICLE for w in u.content)


def _pick_title(page: Page) -> None:
    """The headline: in the header, a line of 3-30 words without final full stop, preferably one the page
    repeats or one whose words the article uses. Its repetitions become chrome."""
    units = page.units
    _questions_above_bylines_are_headlines(units)
    first_article = next((i for i, u in enumerate(units) if u.kind == ARTICLE), len(units))
    vocabulary = _article_vocabulary(units)
    candidates = []
    for k, u in enumerate(units[:first_article]):
        span = _title_span(u)
        if span is None or u.list_item:       # a key-points bullet is never the headline
            continue
        if k + 1 < len(units) and _document_label(units[k + 1]) and not _document_label(u):
            continue  # 'MINISTRY OF DEFENCE' above 'PRESS RELEASE': who issues the release, not its headline
        words = WORD.findall(page_text(u, span))
        if 3 <= len(words) <= 30:
            candidates.append((u, span))
    # a transcript is headed by its dated name ('Regular Press Briefing by Spokesperson X, 14 October 2027'),
    # under the institution's name
    dated_name = next((u for u in units[:first_article] if page.turns and _is_dated_name(u)), None)
    if dated_name is not None:
        candidates.insert(0, (dated_name, (dated_name.start, dated_name.end)))
    if not candidates:
        return
    keys = Counter(_norm(u.text) for u in units)

    def repeated(c):
        unit, span = c
        if span == (unit.start, unit.end):
            return keys[_norm(unit.text)] >= 2
        return keys[_norm(page_text(unit, span))] >= 1     # the date-prefixed headline, repeated bare

    coherent = [c for c in candidates if _coherence(c[0], vocabulary) >= 0.3]
    # a Markdown page names its headline: the first '# ' heading (a '## ' one when it has none)
    top_level = min((c[0].heading_level for c in candidates if c[0].heading), default=0)
    chosen = (candidates[0] if dated_name is not None else None) or \
        next((c for c in candidates if c[0].heading and c[0].heading_level == top_level <= 2), None) or \
        next((c for c in candidates if repeated(c)), None) or \
        max(reversed(coherent), key=lambda c: _coherence(c[0], vocabulary), default=None) or \
        next((c for c in candidates if len(WORD.findall(page_text(*c))) >= 4), None)
    if chosen is None:
        return
    unit, span = chosen
    if unit.kind != META:
        unit.mark(TITLE, "headline")
    if span[1] < unit.end and not unit.outlet:
        unit.outlet = pagemeta.masthead_outlet(unit.text[span[1] - unit.start:].strip(" |-–—:"))
        unit.outlet_how = "masthead"
    page.title = span
    key = _norm(page_text(unit, span))
    for u in units:
        if u is not unit and _norm(u.text) == key:
            u.mark(CHROME, "repeats the title")


def _document_label(u: Unit) -> bool:
    """A line that says what the page is: 'PRESS RELEASE', 'Media statement', 'For immediate release'."""
    return len(u.words) <= 6 and bool(pagemeta.DOCUMENT_LABELS & {w.lower() for w in u.words})


def _is_dated_name(u: Unit) -> bool:
    """A header line of four or more capitalised-name words closed by its date, with no byline or label."""
    if u.kind != META or u.date is None or u.date.label or u.why != "date in a byline row":
        return False
    hit = pagemeta.find_date(u.text)
    if hit is None or u.text[hit[2]:].strip(" .") or _SEPARATORS.search(u.text) or re.match(r"(?i)by\b", u.text):
        return False
    return len(WORD.findall(u.text[:hit[1]])) >= 4


def page_text(u: Unit, span: tuple[int, int]) -> str:
    return u.text[span[0] - u.start:span[1] - u.start]


def _questions_above_bylines_are_headlines(units: list[Unit]) -> None:
    """'Is the housing bubble about to burst?' followed by a date or byline line is a headline, not a sentence."""
    for u, after in zip(units, units[1:]):
        if u.kind == ARTICLE and u.n <= 20 and u.text.rstrip(_CLOSERS).endswith(("?", "!")) and \
                after.kind == META and after.why in ("date line", "date in a byline row", "byline"):
            u.mark(SHORT, "headline before a byline")
            return


_KICKER = re.compile(r"^([^|]{2,30}?)\s*\|\s*(?=\S)")
_SITE_SUFFIX = re.compile(r"\s+(?:\||-|–|—|::)\s+(?=[^|]{2,40}$)")


def _title_span(u: Unit) -> tuple[int, int] | None:
    if u.kind == META and u.date is not None:         # "date 2025-04-28 Headline of the story"
        s = u.start + u.date.rest_start
        while s < u.end and u.text[s - u.start].isspace():
            s += 1
        return (s, u.end) if u.end - s > 10 else None
    if u.kind == CHROME and u.why == "breadcrumb or link row" and u.text.count("|") == 1:
        cut = _SITE_SUFFIX.search(u.text)        # "Headline of the story | Site Name"
        if cut and len(WORD.findall(u.text[:cut.start()])) >= 4:
            return (u.start, u.start + cut.start())
        kicker = _KICKER.match(u.text)               # "Opinion | Headline of the story"
        if kicker and len(WORD.findall(kicker.group(1))) <= 2 and len(WORD.findall(u.text[kicker.end():])) >= 4:
            return (u.start + kicker.end(), u.end)
        return None
    if u.kind != SHORT or u.text.rstrip(_CLOSERS).endswith("."):
        return None
    return (u.start, u.end)


def _keep_standfirst(header: list[Unit], title: tuple[int, int] | None, vocabulary: Counter[str]) -> None:
    """The summary line right under a headline (the standfirst) is article text when it is a longer
    line about the article's subject."""
    after = next((i for i, u in enumerate(header) if title and u.start <= title[0] < u.end + 1), None)
    if after is None or after + 1 >= len(header):
        return
    u = header[after + 1]
    if u.kind == SHORT and u.n >= 8 and _coherence(u, vocabulary) >= STANDFIRST_COHERENCE:
        u.mark(ARTICLE, "standfirst")


_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,}(?:,\s*[A-Z][\w.'’ -]+)?(?:\s*\([^()]{2,30}\))?\s*[-–—:]?$")


def _is_dateline_alone(text: str) -> bool:
    """'WASHINGTON —', 'HARBOURTON, Eastland, Oct 15 (Coastal Wire) -': a whole line that is a wire dateline
    (the dash may be left off when the paragraph follows on the next line)."""
    return bool(_DATELINE.match(text)) or pagemeta.is_dateline_line(text)


def _keep_dateline(header: list[Unit]) -> None:
    """A dateline alone on the line above the first paragraph is the article's dateline."""
    if header and header[-1].kind == SHORT and header[-1].n <= 10 and _is_dateline_alone(header[-1].text):
        header[-1].mark(ARTICLE, "dateline")


def _judge_in_context(units: list[Unit], title: tuple[int, int] | None = None) -> None:
    """Decide the SHORT units from where they stand relative to the article lines."""
    article_at = [i for i, u in enumerate(units) if u.kind == ARTICLE]
    if not article_at:
        for u in units:
            if u.kind == SHORT:
                u.mark(CHROME, "no article around it")
        return
    first, last = article_at[0], article_at[-1]
    vocabulary = _article_vocabulary(units)
    _keep_standfirst(units[:first], title, vocabulary)
    _keep_dateline(units[:first])
    for i, u in enumerate(units):
        if u.kind != SHORT:
            continue
        if i < first:
            u.mark(CHROME, "header")
        elif i > last:
            u.mark(CHROME, "footer")
    # between article lines: a lone short line on the subject is a subhead, a run of them a link list
    for a, b in zip(article_at, article_at[1:]):
        gap = units[a + 1:b]
        shorts = [u for u in gap if u.kind == SHORT]
        after_list_label = any(u.kind == CHROME and _LIST_LABEL.search(u.text) for u in gap)
        for u in shorts:
            on_topic = u.heading or u.sentence_end or _coherence(u, vocabulary) >= SUBHEAD_COHERENCE
            if len(shorts) == 1 and not after_list_label and u.n <= 20 and on_topic:
                u.mark(ARTICLE, "subhead")
            else:
                u.mark(CHROME, "link list" if len(shorts) > 1 else "off-topic short line")
