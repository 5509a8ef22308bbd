"""Hand-built event summaries for the renderer's tests: stable while extraction changes.

``sample_summary()`` fills every section (the timeline stays empty, to show an empty section), with a
near-duplicate source, an item backed by more sources than a page shows references for, and article text
full of Markdown and HTML specials. ``generated_summary(n_sources, seed)`` makes a large, varied summary
(long sentences, long unbroken strings, non-Latin text) to push the one-page fitting.
"""
from __future__ import annotations

import random

from briefing.summary import (Actor, Citation, Event, EventSummary, Figure, OpenQuestion, Reaction, Source,
                              TimelineEntry, Treaty)

HOSTILE = ['<script>alert("x")</script>', '<img src="file:///etc/passwd">', "[x](javascript:alert(1))",
           "{{ 7*7 }}", "![i](http://example.com/i.png)", "<http://example.com>", "*bold* _em_ `code`",
           "url(file:///etc/passwd)", "&lt;b&gt;"]


def cite(source: str, text: str, start: int = 0) -> Citation:
    return Citation(source=source, text=text, start=start, end=start + len(text))


def sample_summary(with_timeline: bool = False) -> EventSummary:
    a, b, c, d = "a_wire.txt", "b-daily.html", "c_post.md", "d_copy.txt"
    lead = "The port authority closed the harbour on Tuesday after a tanker ran aground, officials said."
    minister = "Transport minister Ana Ruiz said the closure would last at least three days."
    spill = "About 1,200 tonnes of fuel oil leaked into the bay, according to the coast guard."
    union = "The dockworkers' union condemned the delay, saying <b>crews</b> had warned of the risk [1](x)."
    treaty = "Under Article 194 of the UN Convention on the Law of the Sea, states must prevent pollution."
    doubt = "The owner disputed the coast guard's figure, putting the leak at 300 tonnes."
    summary = EventSummary(
        event=Event(headline="Harbour closed after tanker runs aground; fuel spill disputed",
                    summary=f"{lead} {spill}", date="2026-03-03", location="Port Vell",
                    citations=[cite(a, lead), cite(b, spill, 40)]),
        sources=[Source(id=a, path=f"in/{a}", title="Tanker aground, harbour shut", outlet="A Wire",
                        published="2026-03-03"),
                 Source(id=b, path=f"in/{b}", title="Spill: the numbers | B Daily", outlet=None, published=None),
                 Source(id=c, path=f"in/{c}", title=None, outlet="C Post", published="2026-03-04"),
                 Source(id=d, path=f"in/{d}", title="Tanker aground, harbour shut", outlet="A Wire",
                        published="2026-03-03", duplicate_of=a)],
        actors=[Actor(name="Ana Ruiz", kind="person", role="transport minister", mentions=4,
                      citations=[cite(b, minister), cite(c, minister)]),
                Actor(name="Port Authority", kind="organization", mentions=6,
                      citations=[cite(a, lead), cite(b, lead), cite(c, lead), cite(d, lead)]),
                Actor(name="Dockworkers' Union", kind="group", role="represents port crews", mentions=1,
                      citations=[cite(c, union)])],
        treaty_basis=[Treaty(name="UN Convention on the Law of the Sea", article="194",
                             provision="states must prevent pollution of the marine environment",
                             citations=[cite(a, treaty)])],
        figures=[Figure(value=1200, unit="tonnes", text="About 1,200 tonnes", description="fuel oil leaked into the bay",
                        claimed_by="coast guard", as_of="2026-03-03", quantity="fuel oil leaked",
                        citations=[cite(b, spill), cite(a, spill)]),
                 Figure(value=300, unit="tonnes", text="300 tonnes", description="the leak", claimed_by="the owner",
                        quantity="fuel oil leaked", citations=[cite(c, doubt)]),
                 Figure(value=3, unit="days", text="at least three days", description="the closure would last",
                        citations=[cite(b, minister)])],
        reactions=[Reaction(actor="Dockworkers' Union", stance="condemn", summary=union, quote=None,
                            citations=[cite(c, union)]),
                   Reaction(actor="Ana Ruiz", stance="neutral", summary=minister, citations=[cite(b, minister)])],
        timeline=[],
        open_questions=[OpenQuestion(question="How much fuel leaked?",
                                     reason="The coast guard says about 1,200 tonnes; the owner says 300.",
                                     citations=[cite(b, spill), cite(c, doubt)], kind="conflict")],
    )
    if with_timeline:
        summary.timeline = [TimelineEntry(date="2026-03-03", event=lead, citations=[cite(a, lead)])]
    return summary


WORDS = ("the minister said talks would resume after the vote while observers warned that the agreement "
         "could collapse if funding was not released by the end of the quarter").split()
NAMES = ["Amara Diallo", "Lena Köhler", "Tomás Ibarra", "Yuki Tanaka", "Omar Haddad", "Priya Nair",
         "Global Watch", "Northern Alliance", "Ministry of Finance", "العربية للأنباء", "中国新闻社"]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    if rng.random() < 0.15:
        text += " " + "x" * rng.randint(60, 240)  # an unbroken string, as scraped URLs are
    if rng.random() < 0.1:
        text += " 国际社会对此表示关注并呼吁各方保持克制"
    return text[0].upper() + text[1:] + "."


def generated_summary(n_sources: int, seed: int = 0, items: int = 30) -> EventSummary:
    rng = random.Random(seed)
    ids = [f"{i:03d}_{rng.getrandbits(40):010x}.txt" for i in range(n_sources)]

    def cites(k: int = 0) -> list[Citation]:
        chosen = rng.sample(ids, min(len(ids), k or rng.randint(1, 8)))
        return [cite(s, _sentence(rng, rng.randint(8, 30))) for s in chosen]

    return EventSummary(
        event=Event(headline=_sentence(rng, rng.randint(8, 28)), summary=" ".join(_sentence(rng, 25) for _ in range(3)),
                    date="2026-01-15", location="Geneva", citations=cites(3)),
        sources=[Source(id=s, path=f"in/{s}", title=_sentence(rng, rng.randint(4, 30)),
                        outlet=rng.choice(["Wire", "The Daily Ledger", None]), published="2026-01-15",
                        duplicate_of=ids[0] if i and rng.random() < 0.1 else None)
                 for i, s in enumerate(ids)],
        actors=[Actor(name=rng.choice(NAMES), kind="person", role=rng.choice([None, _sentence(rng, 5)]),
                      mentions=rng.randint(1, 40), citations=cites()) for _ in range(items)],
        treaty_basis=[Treaty(name=f"Treaty {i}", article=str(i), provision=_sentence(rng, 30), citations=cites())
                      for i in range(items // 3)],
        figures=[Figure(value=i, unit="people", text=f"{i * 1000:,} people", description=rng.choice([_sentence(rng, 20), _sentence(rng, 6)]),
                        claimed_by=rng.choice([None, rng.choice(NAMES)]), as_of=rng.choice([None, "2026-01"]),
                        quantity=rng.choice([None, "people displaced", _sentence(rng, 12)]), citations=cites())
                 for i in range(items)],
        reactions=[Reaction(actor=rng.choice(NAMES), stance=rng.choice(["support", "condemn", "deny", "concern"]),
                            summary=_sentence(rng, rng.randint(10, 60)), citations=cites()) for _ in range(items)],
        timeline=[TimelineEntry(date=f"2025-{rng.randint(1, 12):02d}", event=_sentence(rng, rng.randint(10, 40)),
                                citations=cites()) for _ in range(items)],
        open_questions=[OpenQuestion(question=_sentence(rng, 6)[:-1] + "?", reason=_sentence(rng, rng.randint(10, 40)),
                                     citations=cites(), kind=rng.choice(["conflict", "dispute", "next"]))
                        for _ in range(items)],
    )
