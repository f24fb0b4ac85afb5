#!/usr/bin/env python3
"""The screenshots of the HTML report in docs/img/ (docs/html-report.md), made again.

Renders `check --simulate ldvm` and `check --simulate wan-faults` with esxi_diag.render.html,
photographs each page with headless Chromium (/usr/bin/chromium, `apt-get install chromium`)
and keeps the top of the page (header, data-path diagram, first findings), cropped and
recompressed with the standard library only. With --lang ja: the Japanese page of
`check --simulate ldvm` (report-ldvm-ja.png), which needs a Japanese font
(`apt-get install fonts-ipafont-gothic`).

Usage: python3 tools/html_shots.py [--lang en|ja] [--out docs/img] [--height 1180]
"""
import argparse
import contextlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.setdefault("ESXI_DIAG_SIM_SPEED", "0")

from esxi_diag.cli import main as esxi_diag  # noqa: E402
from esxi_diag.render.html import render_html  # noqa: E402


def report(*argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        esxi_diag(list(argv) + ["--json"])
    return json.loads(out.getvalue())


def decode(data):
    """8-bit RGB/RGBA PNG -> (width, height, bytes per pixel, [row bytearray])."""
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + size])
        elif kind == b"IDAT":
            idat.append(data[pos + 8:pos + 8 + size])
        pos += 12 + size
    width, height, depth, ctype = ihdr[:4]
    if depth != 8 or ctype not in (2, 6):
        raise SystemExit("unexpected PNG format %r" % (ihdr,))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def encode(width, rows, bpp):
    """RGB rows -> PNG bytes: per row the filter (None or Up) that compresses best, zlib level 9."""
    out, prev = [], bytearray(width * 3)
    for line in rows:
        rgb = line if bpp == 3 else bytearray(b for i, b in enumerate(line) if i % 4 != 3)
        up = bytearray((x - p) & 255 for x, p in zip(rgb, prev))
        out.append(b"\x02" + bytes(up) if sum(1 for x in up if x) < sum(
            1 for x in rgb if x not in (0, 255)) else b"\x00" + bytes(rgb))
        prev = rgb

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, len(rows), 8, 2,
                                                              0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"".join(out), 9)) + chunk(b"IEND", b""))


def shot(html_path, png_path, width, height):
    profile = tempfile.mkdtemp(prefix="esxi-diag-shot-")
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                        "--user-data-dir=" + profile, "--screenshot=" + png_path,
                        "--window-size=%d,%d" % (width, height), "file://" + html_path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "img"))
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1180)
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.lang == "en":
        shots = [("ldvm", "html-report-check-ldvm.png"),
                 ("wan-faults", "html-report-check-wan-faults.png")]
    else:
        shots = [("ldvm", "report-ldvm-ja.png")]
        fonts = subprocess.run(["fc-list", ":lang=ja", "family"], stdout=subprocess.PIPE,
                               universal_newlines=True).stdout
        if not fonts.strip():
            raise SystemExit("no Japanese font: apt-get install fonts-ipafont-gothic")
    work = tempfile.mkdtemp(prefix="esxi-diag-shots-")
    try:
        for profile, name in shots:
            page = os.path.join(work, "%s.html" % profile)
            with io.open(page, "w", encoding="utf-8") as handle:
                handle.write(render_html(report("check", "--simulate", profile, "--quiet"),
                                         "check", args.lang))
            raw = os.path.join(work, "%s.png" % profile)
            shot(page, raw, args.width, args.height)
            with open(raw, "rb") as handle:
                width, height, bpp, rows = decode(handle.read())
            # drop the blank rows at the bottom
            blank = bytearray(b"\xff" * len(rows[0]))
            while len(rows) > 1 and rows[-1] == blank and rows[-2] == blank:
                rows.pop()
            target = os.path.join(args.out, name)
            with open(target, "wb") as handle:
                handle.write(encode(width, rows, bpp))
            print("%s: %dx%d, %d bytes" % (os.path.relpath(target, ROOT), width, len(rows),
                                           os.path.getsize(target)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
