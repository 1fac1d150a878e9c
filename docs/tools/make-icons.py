"""Draws the PWA icons (a calendar with a check mark on an indigo-to-teal tile) as PNGs, with no imaging library.

Run: python3 docs/tools/make-icons.py  (writes src/ResourceReserver.Host/wwwroot/icons/icon-{192,512}.png)
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "src", "ResourceReserver.Host", "wwwroot", "icons")


def rounded_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def segment_distance(px, py, ax, ay, bx, by):
    vx, vy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)))
    return math.hypot(px - (ax + t * vx), py - (ay + t * vy))


def colour_at(u, v):
    """RGBA at unit coordinates (0..1), or None for transparent."""
    if not rounded_rect(u, v, 0, 0, 1, 1, 0.22):
        return (0, 0, 0, 0)
    t = (u + v) / 2
    bg = (int(79 + (34 - 79) * t), int(70 + (193 - 70) * t), int(229 + (165 - 229) * t), 255)
    white = (255, 255, 255, 255)
    # Calendar body, header band and binding rings.
    if rounded_rect(u, v, 0.24, 0.28, 0.76, 0.78, 0.07):
        if v < 0.40:
            return (235, 236, 255, 255)
        if segment_distance(u, v, 0.36, 0.58, 0.46, 0.68) < 0.035 or segment_distance(u, v, 0.46, 0.68, 0.65, 0.47) < 0.035:
            return bg
        return white
    for ring in (0.36, 0.64):
        if rounded_rect(u, v, ring - 0.03, 0.21, ring + 0.03, 0.33, 0.03):
            return white
    return bg


def render(size, samples=4):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = colour_at((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size)
                    for i in range(3):
                        acc[i] += c[i] * c[3]
                    acc[3] += c[3]
            n = samples * samples
            alpha = acc[3] / n
            row += bytes([int(acc[i] / acc[3]) if acc[3] else 0 for i in range(3)] + [int(alpha)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(render(size), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for size in (192, 512):
        with open(os.path.join(OUT, f"icon-{size}.png"), "wb") as f:
            f.write(png(size))
