"""Page budgets at scale (``make bench-pages``): every page type but the search, timed over HTTP
against gunicorn in production mode, on the peer's 100,000-paragraph corpus in each engine.

Targets (p50): under 20 ms for home, browse, a resolution of ordinary size, a permalink and
any 304; S/RES/2231 (2015), the longest text, under 100 ms.

    python bench/pages.py --engines sqlite,postgresql --repeat 40
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_latency import percentile  # noqa: E402
from served import corpus_loaded, serving  # noqa: E402

# (label, path, conditional header or None, target p50 in ms)
PAGES = [
    ("home", "/", None, 20),
    ("browse", "/resolutions/", None, 20),
    ("browse, a year", "/resolutions/?year=2017", None, 20),
    ("resolution 2388", "/resolutions/2388/", None, 20),
    ("permalink 2388 op31", "/resolutions/2388/op31/", None, 20),
    ("resolution JSON 2388", "/resolutions/2388.json", None, 20),
    ("304 resolution", "/resolutions/2388/", "If-Modified-Since", 20),
    ("304 home", "/", "If-None-Match", 20),
    ("resolution 2231", "/resolutions/2231/", None, 100),
]


def fetch(port: int, path: str, headers: dict[str, str]) -> tuple[float, int, int, dict]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    return time.perf_counter() - started, response.status, len(body), dict(response.getheaders())


def measure(engine: str, port: int, repeat: int) -> list[str]:
    conditional: dict[str, dict[str, str]] = {}
    for _, path, header, _ in PAGES:  # warm up; learn the validators
        _, status, _, headers = fetch(port, path, {})
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status}")
        if header == "If-Modified-Since":
            conditional[path + header] = {header: headers["Last-Modified"]}
        elif header == "If-None-Match":
            conditional[path + header] = {header: headers["ETag"]}
    timings: dict[str, list[float]] = {label: [] for label, *_ in PAGES}
    sizes: dict[str, int] = {}
    for _ in range(repeat):  # rounds over every page, so noise falls on all alike
        for label, path, header, _ in PAGES:
            extra = conditional.get(path + header, {}) if header else {}
            seconds, status, size, _ = fetch(port, path, extra)
            if status != (304 if header else 200):
                raise SystemExit(f"{label}: HTTP {status}")
            timings[label].append(seconds)
            sizes[label] = size
    lines = [f"\n== {engine}: {repeat} requests a page"]
    lines.append(f"{'page':22} {'p50 ms':>7} {'p95 ms':>7} {'KiB':>6}  target p50")
    for label, *_, target in PAGES:
        values = timings[label]
        p50 = percentile(values, 50) * 1000
        verdict = "ok" if p50 < target else "OVER"
        lines.append(
            f"{label:22} {p50:7.1f} {percentile(values, 95) * 1000:7.1f}"
            f" {sizes[label] / 1024:6.0f}  < {target} ms {verdict}"
        )
    lines.append(f"{'mean of all':22} {statistics.mean(sum(timings.values(), [])) * 1000:7.1f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--size", default="100k")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    for engine in args.engines.split(","):
        url = corpus_loaded(engine, args.size)
        with serving(url, workers=args.workers) as port:
            print("\n".join(measure(engine, port, args.repeat)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
