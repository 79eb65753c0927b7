"""Write templates/fonts/coverage.json: the characters the bundled fonts can show.

Run after adding or changing a font. The PDF renderer reads the file to say on
stderr which scripts in a document no bundled font has (and which therefore
print as empty boxes), without opening the fonts each time; a test checks that
the file matches the fonts.

    python scripts/font_coverage.py
"""

from __future__ import annotations

import json
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "templates" / "fonts"


def coverage() -> list[list[int]]:
    """Covered code points as sorted, merged [first, last] ranges."""
    from fontTools.ttLib import TTFont

    points: set[int] = set()
    for path in sorted(FONTS.glob("*.ttf")):
        points |= set(TTFont(path, lazy=True).getBestCmap())
    ranges: list[list[int]] = []
    for point in sorted(points):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ranges


def main() -> None:
    (FONTS / "coverage.json").write_text(json.dumps(coverage(), separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
