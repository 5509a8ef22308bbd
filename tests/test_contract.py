"""The JSON event summary of the seeds against the contract: shape, citations, sources."""
from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SEEDS, all_citations, assert_citations_exact

pytestmark = pytest.mark.slow


def test_json_validates_against_published_schema(seed_summary):
    from briefing.schema import event_summary_schema

    jsonschema.validate(json.loads(seed_summary.to_json()), event_summary_schema())


def test_every_citation_slices_its_source_to_its_text(seed_summary):
    assert all_citations(seed_summary)
    assert_citations_exact(seed_summary)


def test_every_section_is_filled_and_every_item_cited(seed_summary):
    s = seed_summary
    for name in ("actors", "treaty_basis", "figures", "reactions", "timeline", "open_questions"):
        items = getattr(s, name)
        assert items, f"{name} is empty"
        assert all(it.citations for it in items), name
    assert s.event.headline and s.event.citations


def test_sources_name_every_file(seed_summary):
    assert [src.id for src in seed_summary.sources] == sorted(p.name for p in SEEDS.iterdir())


def test_summary_round_trips_through_json(seed_summary):
    from briefing.summary import EventSummary

    again = EventSummary.from_dict(json.loads(seed_summary.to_json()))
    assert again.to_json() == seed_summary.to_json()
