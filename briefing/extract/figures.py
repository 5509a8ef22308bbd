"""Figures in one document: quantities that matter, what they count, who claims them, as of when."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.summary import Figure

if TYPE_CHECKING:
    from briefing.extract import DocContext, Sentence

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
               "hundred": 100, "dozen": 12})
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6,
          "mln": 1e6, "bn": 1e9, "b": 1e9}
_NUM = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*-?\s*(thousand|million|billion|trillion|mln|mn|bn|k|m|b)\b)?", re.I)


def parse_number(text: str) -> list[float]:
    """Every number in a figure's text, scale words applied ("12-thousand" -> 12000)."""
    vals = []
    for m in _NUM.finditer(text):
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        if m.group(2):
            v *= _SCALE[m.group(2).lower()]
        vals.append(v)
    if not vals:
        low = text.lower()
        for w, v in _WORDS.items():
            if re.search(r"\b" + w + r"\b", low):
                sc = re.search(r"\b" + w + r"\s*-?\s*(thousand|million|billion|trillion)\b", low)
                vals.append(v * _SCALE[sc.group(1)] if sc else v)
                break
    return vals


def extract(ctx: "DocContext") -> list[Figure]:
    out = []
    for sent in ctx.sentences:
        for ent in sent.span.ents:
            if ent.label_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
                continue
            fig = _figure(ctx, sent, ent)
            if fig is not None:
                out.append(fig)
    return out


def _figure(ctx: "DocContext", sent: "Sentence", ent) -> Figure | None:
    vals = parse_number(ent.text)
    if not vals:
        return None
    unit_tok = ent.root.head if ent.root.dep_ in ("nummod", "quantmod", "compound") else None
    if ent.label_ == "PERCENT":
        unit = "percent"
    elif ent.label_ == "MONEY":
        unit = "money"
    elif unit_tok is not None and unit_tok.pos_ == "NOUN":
        unit = unit_tok.lemma_.lower() if unit_tok.lemma_ else unit_tok.text.lower()
        unit = unit_tok.text.lower()
    else:
        return None
    low, high = (min(vals), max(vals)) if len(vals) > 1 else (None, None)
    value = vals[0] if len(vals) == 1 else high
    span_end = unit_tok.i + 1 if unit_tok is not None and unit_tok.i >= ent.end else ent.end
    text = sent.span.doc[ent.start:span_end].text
    return Figure(value=value, low=low, high=high, unit=unit, text=text, description=sent.text,
                  citations=[sent.citation()])
