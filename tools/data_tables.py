"""Regenerate the lookup tables briefing ships instead of rebuilding them on every run.

- briefing/data/stopword-languages.txt: jusText's stop-word lists indexed by word (briefing.chrome)
- briefing/data/country-forms.json: the country names, aliases, capitals and demonyms of countryinfo
  (briefing.extract.entities)
- briefing/data/common-nouns.txt: the nouns of the pinned spaCy pipeline's lemmatizer index
  (briefing.extract.entities)

Run after upgrading jusText, countryinfo or the pipeline package, or after changing how either table is built; tests/test_data_tables.py
fails while a shipped table differs from what these functions build.

Usage: python tools/data_tables.py
"""
from __future__ import annotations

import json
from pathlib import Path

from briefing.chrome import STOPWORD_INDEX, build_stopword_index
from briefing.extract.entities import COMMON_NOUNS, COUNTRY_TABLE, build_common_nouns, build_country_table

DATA = Path(__file__).resolve().parent.parent / "briefing" / "data"


def country_table_text() -> str:
    return json.dumps(build_country_table(), ensure_ascii=False, indent=0) + "\n"


def main() -> None:
    for name, text in ((STOPWORD_INDEX, build_stopword_index()), (COUNTRY_TABLE, country_table_text()),
                       (COMMON_NOUNS, build_common_nouns())):
        (DATA / name).write_text(text, encoding="utf-8")
        print(f"wrote {DATA / name} ({len(text.encode()):,} bytes)")


if __name__ == "__main__":
    main()
