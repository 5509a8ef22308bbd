"""The published JSON Schema of the event summary (``briefing/data/event-summary.schema.json``)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def event_summary_schema() -> dict[str, Any]:
    return json.loads(resources.files("briefing.data").joinpath("event-summary.schema.json").read_text("utf-8"))
