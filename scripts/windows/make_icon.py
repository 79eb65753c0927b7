"""Draw selvhjelp.ico: five people round a table (dots in a ring) on the app's blue, in the sizes Windows
uses. Standard library only; run it again after a change and commit the icon.

    python scripts/windows/make_icon.py
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

BLUE = (0x00, 0x4f, 0x7c)  # the app's link and button colour
WHITE = (0xff, 0xff, 0xff)
SIZES = (16, 24, 32, 48, 64, 128, 256)
SAMPLES = 4  # per axis: anti-aliased edges


def coverage(x: float, y: float) -> tuple[float, float]:
    """(inside the rounded square, inside a white dot or the ring) for a point in the unit square."""
    r = 0.18  # the square's corner radius
    dx, dy = max(abs(x - 0.5) - (0.5 - r), 0), max(abs(y - 0.5) - (0.5 - r), 0)
    square = 1.0 if dx * dx + dy * dy <= r * r else 0.0
    white = 0.0
    for n in range(5):
        angle = -math.pi / 2 + n * 2 * math.pi / 5
        cx, cy = 0.5 + 0.27 * math.cos(angle), 0.5 + 0.27 * math.sin(angle)
        if (x - cx) ** 2 + (y - cy) ** 2 <= 0.095 ** 2:
            white = 1.0
    if abs(math.hypot(x - 0.5, y - 0.5) - 0.1) <= 0.035:
        white = 1.0  # the table
    return square, white


def png(size: int) -> bytes:
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            inside = white = 0.0
            for sj in range(SAMPLES):
                for si in range(SAMPLES):
                    s, w = coverage((i + (si + 0.5) / SAMPLES) / size, (j + (sj + 0.5) / SAMPLES) / size)
                    inside += s
                    white += s * w
            n = SAMPLES * SAMPLES
            alpha, mix = inside / n, (white / inside if inside else 0.0)
            colour = [round(b + (w - b) * mix) for b, w in zip(BLUE, WHITE, strict=True)]
            row += bytes([*colour, round(alpha * 255)])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


def ico() -> bytes:
    images = [png(size) for size in SIZES]
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, image in zip(SIZES, images, strict=True):
        directory += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return directory + b"".join(images)


if __name__ == "__main__":
    target = Path(__file__).with_name("selvhjelp.ico")
    target.write_bytes(ico())
    print(f"wrote {target}")
