"""Draw the site's icons with the standard library only: a page of text on the archive's blue.

Writes static/img/favicon.svg, favicon.ico (32x32, a PNG inside an ICO) and
apple-touch-icon.png (180x180). Run once after changing the design:
``.venv/bin/python scripts/make_icons.py``.
"""

import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "static" / "img"
BLUE = (0x1D, 0x4F, 0x7C)
PAPER = (0xFC, 0xFB, 0xF8)
# Text lines on the page, as fractions of the icon: (left, top, right, bottom).
LINES = [(0.25, 0.28, 0.75, 0.36), (0.25, 0.44, 0.75, 0.52), (0.25, 0.60, 0.60, 0.68)]


def pixel(x: float, y: float) -> tuple[int, int, int, int]:
    for left, top, right, bottom in LINES:
        if left <= x < right and top <= y < bottom:
            return (*PAPER, 255)
    return (*BLUE, 255)


def png(size: int) -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel((i + 0.5) / size, (j + 0.5) / size)) for i in range(size))
        for j in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def ico(image: bytes, size: int) -> bytes:
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + entry + image


def svg() -> str:
    bars = "".join(
        f'<rect x="{left * 64:g}" y="{top * 64:g}" width="{(right - left) * 64:g}" '
        f'height="{(bottom - top) * 64:g}" fill="#fcfbf8"/>'
        for left, top, right, bottom in LINES
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="10" fill="#1d4f7c"/>{bars}</svg>\n'
    )


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "favicon.svg").write_text(svg(), encoding="utf-8")
    (OUT / "favicon.ico").write_bytes(ico(png(32), 32))
    (OUT / "apple-touch-icon.png").write_bytes(png(180))
