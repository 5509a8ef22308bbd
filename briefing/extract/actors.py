"""Actors in one document: named people, organisations, countries and groups, with a role phrase."""
from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.summary import Actor

if TYPE_CHECKING:
    from briefing.extract import DocContext

KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def extract(ctx: "DocContext") -> list[Actor]:
    found: dict[str, Actor] = {}
    for sent in ctx.sentences:
        for ent in sent.span.ents:
            kind = KIND_OF_LABEL.get(ent.label_)
            if kind is None or kind == "group":
                continue
            name = ent.text.strip()
            if name.lower().startswith("the "):
                name = name[4:]
            name = name.removesuffix("'s").removesuffix("’s")
            if len(name) < 2:
                continue
            actor = found.get(name)
            if actor is None:
                actor = found[name] = Actor(name=name, kind=kind, mentions=0)
            actor.mentions += 1
            if len(actor.citations) < 3:
                actor.citations.append(sent.citation())
    return list(found.values())
