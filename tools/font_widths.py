"""Regenerate briefing/data/font-widths.json: advance widths of the DejaVu faces the print style uses.

The renderer estimates how tall a briefing will be without laying it out (see briefing/layout.py). It needs
the width of each character in the fonts the CSS names. DejaVu is among the widest common faces, so if a
machine falls back to Liberation/Arial/Times the text only gets narrower and the estimate stays safe.

Usage: python tools/font_widths.py [FONT_DIR]   (default /usr/share/fonts/truetype/dejavu)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FACES = {
    "sans": "DejaVuSans.ttf",
    "sans-bold": "DejaVuSans-Bold.ttf",
    "sans-italic": "DejaVuSans-Oblique.ttf",
    "serif-bold": "DejaVuSerif-Bold.ttf",
    "mono": "DejaVuSansMono.ttf",
}
RANGES = [(0x20, 0x7F), (0xA0, 0x250), (0x2000, 0x2070), (0x20AC, 0x20AD), (0x2122, 0x2123)]


def widths(path: Path) -> dict[str, int]:
    """Advance width of every covered character, in thousandths of an em."""
    font = TTFont(str(path))
    cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    out = {}
    for lo, hi in RANGES:
        for cp in range(lo, hi):
            if cp in cmap:
                out[str(cp)] = round(hmtx[cmap[cp]][0] * 1000 / upem)
    return out


def main() -> None:
    font_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu")
    table = {face: widths(font_dir / name) for face, name in FACES.items()}
    target = Path(__file__).resolve().parent.parent / "briefing" / "data" / "font-widths.json"
    target.write_text(json.dumps(table, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
