"""Treaties and legal basis named in one document, with the provision the article states."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.summary import Treaty

if TYPE_CHECKING:
    from briefing.extract import DocContext

_HEADS = r"(?:treaty|agreement|pact|charter|resolution|resolutions|convention|accord|protocol|act|law)"
_NAME = re.compile(r"\b((?:[A-Z][\w'’-]*\s+|[a-z]+\s+){0,5}" + _HEADS + r")\b(?:\s+(?:on|of)\s+(?:an?\s+|the\s+)?"
                   r"([a-z]+(?:\s+[a-z]+){0,3}))?")
_ARTICLE = re.compile(r"\bArticle\s+(\d+[a-z]?)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                      r"\s+(?:point|article|clause)\b", re.I)
_ORD = {w: str(i + 1) for i, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth".split())}


def extract(ctx: "DocContext") -> list[Treaty]:
    out: list[Treaty] = []
    for sent in ctx.sentences:
        text = sent.text
        for m in _NAME.finditer(text):
            words = m.group(1).split()
            # keep a named instrument: a qualifier before the head noun
            if len(words) < 2:
                continue
            name = m.group(1)
            name = re.sub(r"^(?:the|a|an|its|their|under|of|with|last|this|that)\s+", "", name, flags=re.I)
            if len(name.split()) < 2:
                continue
            art = _ARTICLE.search(text)
            article = None
            if art:
                article = art.group(1) or _ORD[art.group(2).lower()]
            out.append(Treaty(name=name, article=article, provision=text if art else None,
                              citations=[sent.citation()]))
    return out
